"""The four default indicators of 行事・サロン (issue 16): ``groups``,
``forum_participants``, ``course_participants`` (cumulative, with a typed
total of the years before the records begin) and ``events`` exist in new
and upgraded databases like the seven others, and their actuals — from
this database's records and from consolidated tally files — equal the
contract's definitions counted by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.counting import TallyRow
from coordinator_app.core.dates import fiscal_months, fiscal_year_range
from coordinator_app.core.models import (
    ActivityGroup,
    AuditLog,
    Branch,
    Event,
    Indicator,
)
from coordinator_app.interchange import tally_file
from coordinator_app.services import consolidation
from coordinator_app.services import indicators as service
from tests.conftest import TODAY, coordinator_of

CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
ADMIN = SignedIn(0, "admin1", "管理者", "admin", None, None, None)
FOUR = ["groups", "forum_participants", "course_participants", "events"]
BRANCHES = ("01", "02", "03")
PLAN = (2023, 2027)
YEARS = (2023, 2024, 2025)  # FY2025 ended before TODAY (2026-11-26)
# Fiscal-year edges: first and last day of each year, and 2024-02-29.
EDGES = [d for fy in (2022, *YEARS, 2026) for d in fiscal_year_range(fy)] + [dt.date(2024, 2, 29)]
AFTER = dt.datetime(2026, 5, 10, 3, 0)  # the files are received after FY2025 ended


def _replan(db, first: int, last: int, **extra) -> None:
    for info in service.list_indicators(db, ADMIN, include_inactive=True):
        service.save_indicator(db, ADMIN, replace(info, first_fy=first, last_fy=last,
                                                  **(extra.get(info.code) or {})))


def _start_458(db) -> None:
    info = service.get_indicator(db, ADMIN, "course_participants")
    service.save_indicator(db, ADMIN, replace(info, start_total=D(458)))


# --- existence ------------------------------------------------------------------

def test_the_four_exist_in_a_new_database_as_builtins(db):
    infos = {i.code: i for i in service.list_indicators(db, CITY)}
    assert list(infos) == [c[0] for c in core.DEFAULT_INDICATORS]
    for code, name, unit, kind, measure, breakdown, key in core.DEFAULT_INDICATORS[-4:]:
        i = infos[code]
        assert (code, i.name, i.unit, i.kind, i.measure, i.breakdown, i.key) == (
            code, name, unit, kind, measure, breakdown, key)
        assert i.builtin and i.active and i.start_total is None
        assert (i.first_fy, i.last_fy) == core.DEFAULT_PLAN_YEARS
    # what they count is locked like the other defaults'
    with pytest.raises(core.IndicatorError):
        service.save_indicator(db, ADMIN, replace(infos["events"], measure="event_volunteers"))


def test_an_existing_database_gains_them_over_its_plan_period(db_url, tmp_path):
    """A database of revision 0013 whose plan is 令和3〜7 and whose
    administrator already made an indicator ``events`` of their own."""
    from sqlalchemy import text

    from coordinator_app.storage import migrate
    from coordinator_app.storage.database import Database
    from coordinator_app.storage.engine import make_engine

    engine = make_engine(db_url)  # a plain file of the older version (as test_migrations)
    try:
        migrate.upgrade(engine, "0013")
        with engine.begin() as conn:
            conn.execute(text("UPDATE indicator_plan SET first_fy = 2021, last_fy = 2025"))
            conn.execute(text(
                "INSERT INTO indicator (code, name, unit, office, kind, measure, breakdown, "
                "breakdown_key, direction, first_fy, last_fy, goal, policy, project, overview, "
                "sort_order, active, builtin, created_at, updated_at, created_by, updated_by) "
                "VALUES ('events', '自前の行事数', '回', '', 'flow', '', 'total', '', 'higher', "
                "2021, 2025, '', '', '', '', 500, :t, :f, :now, :now, 'x', 'x')"),
                dict(t=True, f=False, now=dt.datetime(2026, 1, 1)))
    finally:
        engine.dispose()
    db = Database.open(db_url, backup_dir=tmp_path / "backups")
    try:
        assert db.prepared == "upgraded"
        infos = {i.code: i for i in service.list_indicators(db, CITY)}
        for code in FOUR[:3]:
            assert infos[code].builtin and (infos[code].first_fy, infos[code].last_fy) == (2021, 2025)
            assert infos[code].sort_order > 500  # after the existing ones
        assert infos["events"].name == "自前の行事数" and not infos["events"].builtin  # kept
    finally:
        db.close()


# --- generated records ----------------------------------------------------------

DAYS = st.one_of(st.sampled_from(EDGES),
                 st.dates(min_value=dt.date(2022, 3, 1), max_value=dt.date(2026, 4, 30)))
GROUPS = st.lists(st.tuples(st.sampled_from(BRANCHES), st.sampled_from(["salon", "gathering", "club"]),
                            DAYS, st.one_of(st.none(), DAYS)), max_size=12)
EVENTS = st.lists(st.tuples(st.sampled_from(BRANCHES),
                            st.sampled_from(["forum", "course", "salon", "meeting"]), DAYS,
                            st.integers(0, 60)), max_size=30)


def _put(db, groups, events) -> tuple[list, list]:
    """Store the generated groups and events (a group whose end comes
    before its start is stored ending on its first day); returns what was
    stored as plain tuples."""
    with db.session() as s:
        s.execute(delete(Event))
        s.execute(delete(ActivityGroup))
        ids = {c: s.scalar(select(Branch.id).where(Branch.code == c)) for c in BRANCHES}
        stored_groups, stored_events = [], []
        for n, (b, kind, start, end) in enumerate(groups):
            end = max(end, start) if end else None
            s.add(ActivityGroup(branch_id=ids[b], name=f"サロン{n}", kana=f"さろん{n}",
                                kana_key=f"さろん{n}", kind=kind, started_on=start,
                                started_month=start.year * 100 + start.month, ended_on=end,
                                ended_month=end.year * 100 + end.month if end else None))
            stored_groups.append((b, start, end))
        for n, (b, kind, day, people) in enumerate(events):
            s.add(Event(branch_id=ids[b], held_on=day, month=day.year * 100 + day.month,
                        kind=kind, title=f"行事{n}", participants=people,
                        volunteers=people // 3))
            stored_events.append((b, kind, day, people))
    return stored_groups, stored_events


def _in(day: dt.date, fy: int) -> bool:
    first, last = fiscal_year_range(fy)
    return first <= day <= last


def _by_hand(groups, events, fy: int, branches=BRANCHES, start_total=458) -> dict[str, int]:
    """The contract's definitions (docs/interchange.md, Indicator file)."""
    march = fiscal_year_range(fy)[1]
    return {
        "groups": sum(1 for b, s, e in groups
                      if b in branches and s <= march and (e is None or e > march)),
        "forum_participants": sum(p for b, k, d, p in events
                                  if b in branches and k == "forum" and _in(d, fy)),
        "course_participants": start_total + sum(
            p for b, k, d, p in events
            if b in branches and k == "course" and PLAN[0] <= (d.year if d.month > 3 else d.year - 1) <= fy),
        "events": sum(1 for b, k, d, p in events if b in branches and _in(d, fy)),
    }


@pytest.fixture
def planned(db):
    with db.session() as s:
        s.add_all([Branch(code=c, name=f"テスト{c}支部") for c in BRANCHES])
    _replan(db, *PLAN)
    _start_458(db)
    return db


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(groups=GROUPS, events=EVENTS)
def test_the_four_from_records_equal_the_definitions(planned, groups, events):
    db = planned
    groups, events = _put(db, groups, events)
    coord = coordinator_of(db, "02")
    for fy in YEARS:
        got = {r.info.code: r.year.actual
               for r in service.evaluate(db, CITY, fy, today=TODAY, codes=FOUR)}
        assert got == _by_hand(groups, events, fy), fy
        mine = {r.info.code: r.year.actual
                for r in service.evaluate(db, coord, fy, today=TODAY, codes=FOUR)}
        assert mine == _by_hand(groups, events, fy, branches=("02",)), fy


def test_the_four_on_hand_made_records(planned):
    """One small case worked out on paper: a salon ended on 3/31 (gone at
    March's end), one started on 3/31 (there), a 懇談会 on 4/1 and one on
    3/31, two courses in two plan years on top of the 458 typed."""
    db = planned
    groups = [("01", "salon", dt.date(2022, 5, 1), dt.date(2024, 3, 31)),
              ("01", "salon", dt.date(2024, 3, 31), None),
              ("02", "gathering", dt.date(2023, 4, 1), dt.date(2024, 4, 1))]
    events = [("01", "forum", dt.date(2023, 4, 1), 40), ("02", "forum", dt.date(2024, 3, 31), 25),
              ("01", "course", dt.date(2023, 6, 10), 30), ("03", "course", dt.date(2024, 4, 1), 12),
              ("01", "course", dt.date(2023, 3, 31), 99),  # before the plan: in the 458
              ("03", "salon", dt.date(2023, 9, 9), 15)]
    _put(db, groups, events)
    fy2023 = {r.info.code: r.year.actual
              for r in service.evaluate(db, CITY, 2023, today=TODAY, codes=FOUR)}
    assert fy2023 == {"groups": 2, "forum_participants": 65, "course_participants": 488,
                      "events": 4}
    fy2024 = {r.info.code: r.year.actual
              for r in service.evaluate(db, CITY, 2024, today=TODAY, codes=FOUR)}
    assert fy2024 == {"groups": 1, "forum_participants": 0, "course_participants": 500,
                      "events": 1}


# --- consolidated tally files ----------------------------------------------------

def _file_rows(fy: int, branch: str, figures: dict[tuple[str, str, str, int], int]) -> list[TallyRow]:
    """A complete tally file of one branch: a total row for every month and
    measure, and the breakdown rows given in ``figures``
    ((measure, breakdown, key, month) → count)."""
    from coordinator_app.core import codes

    rows = []
    for y, m in fiscal_months(fy):
        month = f"{y:04d}-{m:02d}"
        for measure in codes.MEASURES:
            total = figures.get((measure, "total", "", m), 0)
            rows.append(TallyRow(fy, month, branch, measure, "total", "", total))
            rows += [TallyRow(fy, month, branch, measure, b, k, c)
                     for (ms, b, k, mm), c in figures.items()
                     if ms == measure and mm == m and b != "total" and c]
    return sorted(rows, key=lambda r: (r.branch_code, r.month, r.measure, r.breakdown, r.key))


def test_the_four_from_consolidated_files(db, tmp_path):
    """Files of two branches over two years, figures chosen by hand."""
    with db.session() as s:
        s.add_all([Branch(code=c, name=f"テスト{c}支部") for c in ("01", "02")])
    _replan(db, 2024, 2028)
    _start_458(db)
    salons = {m: 3 for m in range(1, 13)} | {3: 4}  # four salons at the end of March
    files = {
        (2024, "01"): {("groups_active", "total", "", m): n for m, n in salons.items()}
        | {("events_held", "total", "", 6): 2, ("events_held", "kind", "forum", 6): 1,
           ("events_held", "kind", "course", 6): 1,
           ("event_participants", "total", "", 6): 70,
           ("event_participants", "kind", "forum", 6): 50,
           ("event_participants", "kind", "course", 6): 20},
        (2024, "02"): {("groups_active", "total", "", 3): 2,
                       ("events_held", "total", "", 11): 1,
                       ("events_held", "kind", "course", 11): 1,
                       ("event_participants", "total", "", 11): 15,
                       ("event_participants", "kind", "course", 11): 15},
        (2025, "01"): {("events_held", "total", "", 2): 3, ("events_held", "kind", "course", 2): 3,
                       ("event_participants", "total", "", 2): 36,
                       ("event_participants", "kind", "course", 2): 36},
    }
    paths = []
    for (fy, branch), figures in files.items():
        path = tmp_path / f"tally_{branch}_{fy}.csv"
        tally_file.write_csv(_file_rows(fy, branch, figures), path)
        paths.append(path)
    received = consolidation.receive_files(db, CITY, paths, now=AFTER)
    assert not received.errors
    fy2024 = {r.info.code: r.year.actual
              for r in service.evaluate(db, CITY, 2024, "consolidated", today=TODAY, codes=FOUR)}
    assert fy2024 == {"groups": 6, "forum_participants": 50, "course_participants": 458 + 35,
                      "events": 3}
    fy2025 = {r.info.code: r.year.actual
              for r in service.evaluate(db, CITY, 2025, "consolidated", today=TODAY, codes=FOUR)}
    assert fy2025 == {"groups": 0, "forum_participants": 0, "course_participants": 458 + 35 + 36,
                      "events": 3}
    one = {r.info.code: r.year.actual for r in service.evaluate(
        db, CITY, 2024, "consolidated", "02", today=TODAY, codes=FOUR)}
    assert one == {"groups": 2, "forum_participants": 0, "course_participants": 458 + 15,
                   "events": 1}


# --- the typed starting total ----------------------------------------------------

def test_start_total_is_typed_by_administrators_checked_and_audited(db):
    info = service.get_indicator(db, ADMIN, "course_participants")
    with pytest.raises(ScopeError):
        service.save_indicator(db, CITY, replace(info, start_total=D(458)))
    for bad in (D(-1), "たくさん"):
        with pytest.raises(core.IndicatorError):
            service.save_indicator(db, ADMIN, replace(info, start_total=bad))
    with pytest.raises(core.IndicatorError):  # a flow has no years before
        service.save_indicator(db, ADMIN, replace(
            service.get_indicator(db, ADMIN, "events"), start_total=D(10)))
    assert service.get_indicator(db, ADMIN, "course_participants").start_total is None
    service.save_indicator(db, ADMIN, replace(info, start_total=D(458)))
    saved = service.get_indicator(db, ADMIN, "course_participants")
    assert saved.start_total == 458
    assert "記録開始前の累計 458" in saved.definition.describe()
    with db.session() as s:
        details = s.scalars(select(AuditLog.detail).where(AuditLog.entity == "indicator")).all()
        assert any("code=course_participants" in d and "start_total=458" in d for d in details)
        assert s.scalar(select(Indicator.start_total).where(
            Indicator.code == "course_participants")) == 458.0


def test_the_four_from_the_demo_records_equal_a_count_by_hand(demo_db):
    """The demo's year of salons, courses and 懇談会 (services.demo): the four
    indicators of the current fiscal year, for the city and for one
    branch's coordinator, equal the definitions counted over its rows."""
    from coordinator_app.core.dates import fiscal_year_of

    fy = fiscal_year_of(TODAY)
    with demo_db.session() as s:
        code = dict(s.execute(select(Branch.id, Branch.code)).all())
        groups = [(code[g.branch_id], g.started_on, g.ended_on)
                  for g in s.scalars(select(ActivityGroup))]
        events = [(code[e.branch_id], e.kind, e.held_on, e.participants)
                  for e in s.scalars(select(Event))]
    assert groups and {k for _b, k, _d, _p in events} >= {"salon", "course", "forum"}
    every = tuple(sorted(set(code.values())))
    got = {r.info.code: r.year.actual
           for r in service.evaluate(demo_db, CITY, fy, today=TODAY, codes=FOUR)}
    assert got == _by_hand(groups, events, fy, branches=every, start_total=0)
    assert got["forum_participants"] > 0 and got["course_participants"] > 0
    coord = coordinator_of(demo_db, "01")
    mine = {r.info.code: r.year.actual
            for r in service.evaluate(demo_db, coord, fy, today=TODAY, codes=FOUR)}
    assert mine == _by_hand(groups, events, fy, branches=("01",), start_total=0)
