"""ホーム (issue 16): this month's events and participants, and the groups
that have not met in the last two months, against hand-computed values on
generated groups and events; the quiet rule at its edges; the screen.

The quiet rule (``home.quiet_since``): a group is quiet when it is active
today, began on or before the day two months back, and has no event from
that day to today. An event exactly two months ago still counts as a
meeting; a group that began less than two months ago is not quiet yet (it
has not had two months to meet); an ended group is not listed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from sqlalchemy import delete, select

from coordinator_app.core.access import SignedIn
from coordinator_app.core.dates import month_key
from coordinator_app.core.kana import fold
from coordinator_app.core.models import ActivityGroup, Branch, Event
from coordinator_app.services import home
from tests.conftest import TODAY, coordinator_of

CITY = SignedIn(9, "city", "市社協", "city_staff", None, None, None)
SINCE = dt.date(2026, 9, 26)  # TODAY (2026-11-26) two months back


def _branches(db) -> dict[str, int]:
    with db.session() as s:
        have = {b.code: b.id for b in s.scalars(select(Branch))}
        for code in ("01", "02"):
            if code not in have:
                b = Branch(code=code, name=f"見本{code}支部")
                s.add(b)
                s.flush()
                have[code] = b.id
    return have


def _add_group(s, branch_id, name, started, ended=None) -> ActivityGroup:
    g = ActivityGroup(branch_id=branch_id, name=name, kana=name, kana_key=fold(name),
                      kind="salon", started_on=started, started_month=month_key(started),
                      ended_on=ended, ended_month=month_key(ended) if ended else None)
    s.add(g)
    s.flush()
    return g


def _add_event(s, branch_id, day, participants=10, group_id=None, kind="salon") -> None:
    s.add(Event(branch_id=branch_id, held_on=day, month=month_key(day), kind=kind,
                title="行事", group_id=group_id, participants=participants,
                volunteers=min(participants, 2)))


def _wipe(db) -> None:
    with db.session() as s:
        s.execute(delete(Event))
        s.execute(delete(ActivityGroup))


def _active(start, end, day) -> bool:
    return start <= day and (end is None or end > day)


# --- generated groups and events ----------------------------------------------------------

days_back = st.integers(min_value=-400, max_value=0).map(lambda n: TODAY + dt.timedelta(days=n))
group_st = st.tuples(
    st.sampled_from(["01", "02"]),
    days_back,  # started
    st.one_of(st.none(), st.integers(min_value=-150, max_value=30)),  # ended, days from TODAY
    st.lists(st.integers(min_value=-100, max_value=0), max_size=4),  # its meetings, days back
)
loose_event_st = st.tuples(st.sampled_from(["01", "02"]), st.integers(min_value=-70, max_value=0),
                           st.integers(min_value=0, max_value=60),
                           st.sampled_from(["course", "forum", "salon"]))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(groups=st.lists(group_st, max_size=8), loose=st.lists(loose_event_st, max_size=8),
       participants=st.lists(st.integers(min_value=0, max_value=40), min_size=32, max_size=32))
def test_home_figures_equal_a_hand_count(db, groups, loose, participants):
    branch_ids = _branches(db)
    expected_events = {"01": [], "02": []}  # participants of this month's events
    expected_quiet = []
    counter = iter(participants * 2)
    try:
        with db.session() as s:
            for n, (code, started, end_days, meetings) in enumerate(groups):
                ended = None if end_days is None else max(started, TODAY + dt.timedelta(end_days))
                name = f"グループ{n:02d}"
                g = _add_group(s, branch_ids[code], name, started, ended)
                met = []
                for back in meetings:
                    day = TODAY + dt.timedelta(days=back)
                    if not _active(started, ended, day):
                        continue  # an event's group must be active on its day
                    p = next(counter)
                    _add_event(s, branch_ids[code], day, p, g.id)
                    met.append(day)
                    if month_key(day) == month_key(TODAY):
                        expected_events[code].append(p)
                if (code == "01" and _active(started, ended, TODAY) and started <= SINCE
                        and not any(SINCE <= d <= TODAY for d in met)):
                    expected_quiet.append(name)
            for code, back, p, kind in loose:
                day = TODAY + dt.timedelta(days=back)
                _add_event(s, branch_ids[code], day, p, kind=kind)
                if month_key(day) == month_key(TODAY):
                    expected_events[code].append(p)
        coord = coordinator_of(db, "01")
        got = home.home_figures(db, coord, TODAY)
        assert got.quiet_since == SINCE
        assert got.events_this_month == len(expected_events["01"])
        assert got.event_participants_this_month == sum(expected_events["01"])
        assert got.quiet_groups == tuple(sorted(expected_quiet))
        city = home.home_figures(db, CITY, TODAY)
        everyone = expected_events["01"] + expected_events["02"]
        assert (city.events_this_month, city.event_participants_this_month) == \
            (len(everyone), sum(everyone))
        assert city.quiet_groups is None  # figures only: no names for city staff
    finally:
        _wipe(db)


# --- the quiet rule at its edges ----------------------------------------------------------

@pytest.mark.parametrize("today, since", [
    (dt.date(2026, 11, 26), dt.date(2026, 9, 26)),
    (dt.date(2026, 12, 31), dt.date(2026, 10, 31)),
    (dt.date(2026, 4, 30), dt.date(2026, 2, 28)),   # no 30 February: its last day
    (dt.date(2024, 4, 30), dt.date(2024, 2, 29)),   # leap year
    (dt.date(2026, 1, 15), dt.date(2025, 11, 15)),  # across the calendar year
    (dt.date(2026, 2, 28), dt.date(2025, 12, 28)),
])
def test_two_months_back(today, since):
    assert home.quiet_since(today) == since


@pytest.mark.parametrize("started, met_on, ended, quiet", [
    (dt.date(2025, 4, 1), SINCE, None, False),                          # met exactly 2 months ago
    (dt.date(2025, 4, 1), SINCE - dt.timedelta(days=1), None, True),    # one day earlier
    (dt.date(2025, 4, 1), TODAY, None, False),                          # meets today
    (dt.date(2025, 4, 1), None, None, True),                            # never met
    (SINCE, None, None, True),                                          # began 2 months ago
    (SINCE + dt.timedelta(days=1), None, None, False),                  # too new to be quiet
    (TODAY - dt.timedelta(days=7), None, None, False),                  # began last week
    (dt.date(2025, 4, 1), None, TODAY, False),                          # ended today
    (dt.date(2025, 4, 1), None, TODAY + dt.timedelta(days=10), True),   # ends later: active
])
def test_quiet_group_edges(db, started, met_on, ended, quiet):
    branch_id = _branches(db)["01"]
    with db.session() as s:
        g = _add_group(s, branch_id, "ひまわりサロン", started, ended)
        if met_on is not None:
            _add_event(s, branch_id, met_on, 12, g.id)
        other = _add_group(s, _branches(db)["02"], "よその会", dt.date(2025, 4, 1))
        assert other.id  # another branch's quiet group never shows
    got = home.home_figures(db, coordinator_of(db, "01"), TODAY)
    assert got.quiet_groups == (("ひまわりサロン",) if quiet else ())


def test_demo_shows_events_and_a_quiet_group(demo_db):
    got = home.home_figures(demo_db, coordinator_of(demo_db, "01"), TODAY)
    assert got.events_this_month > 0 and got.event_participants_this_month >= 8
    assert got.quiet_groups == ("いきいきサロン",)


# --- the screen --------------------------------------------------------------------------

def _home_screen(qtbot, db, user):
    from coordinator_app.ui.home import HomeScreen
    from tests.helpers import make_context

    screen = HomeScreen(make_context(db, user))
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    qtbot.waitUntil(lambda: screen.figures is not None, timeout=15000)
    return screen


def test_home_screen_shows_this_months_events_and_the_quiet_groups(qtbot, db):
    branch_id = _branches(db)["01"]
    with db.session() as s:
        met = _add_group(s, branch_id, "あおぞら会", dt.date(2025, 4, 1))
        _add_group(s, branch_id, "ひまわりサロン", dt.date(2025, 4, 1))
        _add_event(s, branch_id, TODAY, 14, met.id)
        _add_event(s, branch_id, TODAY.replace(day=1), 21, kind="course")
    screen = _home_screen(qtbot, db, coordinator_of(db, "01"))
    events = screen.buttons["events_this_month"]
    assert events.number.text() == "2回" and "35人" in events.note.text()
    quiet = screen.buttons["quiet_groups"]
    assert quiet.number.text() == "1グループ" and "ひまわりサロン" in quiet.note.text()
    assert "あおぞら会" not in quiet.note.text()
    went = []
    screen.ctx.changes.navigate.connect(lambda *where: went.append(where))
    qtbot.mouseClick(quiet, Qt.LeftButton)
    qtbot.mouseClick(events, Qt.LeftButton)
    assert went == [("gatherings", "groups"), ("gatherings", "events")]


def test_city_staff_home_has_no_group_names(qtbot, db):
    branch_id = _branches(db)["01"]
    with db.session() as s:
        _add_group(s, branch_id, "ひまわりサロン", dt.date(2025, 4, 1))
        _add_event(s, branch_id, TODAY, 9, kind="course")
    screen = _home_screen(qtbot, db, CITY)
    assert "quiet_groups" not in screen.buttons
    assert screen.buttons["events_this_month"].number.text() == "1回"
    went = []
    screen.ctx.changes.navigate.connect(lambda *where: went.append(where))
    qtbot.mouseClick(screen.buttons["events_this_month"], Qt.LeftButton)
    assert went == []  # figures only: nothing to open
    texts = " ".join(w.text() for w in screen.findChildren(type(screen.heading)))
    assert "ひまわりサロン" not in texts
