"""行事・サロン (issue 16, Proof): what a coordinator enters on the screen
(``services.gatherings``, the functions the forms call), what a branch
imports from ``groups.csv`` / ``events.csv``, and the tally file agree. The
same generated records go in partly one way, partly the other; the
exported file is compared with the brute-force count of
``tests.test_event_tallies``. Runs on SQLite and, when configured,
PostgreSQL."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordinator_app.core import codes
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.services import gatherings, tallies
from tests.conftest import TODAY, coordinator_of
from tests.test_event_tallies import (BRANCHES, CITY, FY, LAST, a_group, an_event, brute_force,
                                      forget, read)
from tests.test_import import BRANCH_HEADER, ledger
from tests.test_import_gatherings import EVENT_HEADER, GROUP_HEADER


assert LAST <= TODAY  # every generated day may be entered (none in the future)


def _on_screen(db, who, events, groups) -> None:
    for b, kind, start, end in groups:
        gatherings.save_group(db, who, gatherings.GroupInput(
            name=f"{codes.DEFAULT_GROUP_KINDS[kind]}の会", kana="かい", kind=kind,
            started_on=start, ended_on=end, end_reason="活動終了" if end else ""), today=TODAY)
    for b, day, kind, participants, volunteers in events:
        gatherings.save_event(db, who, gatherings.EventInput(
            held_on=day, kind=kind, title="行事", participants=participants,
            volunteers=volunteers), today=TODAY)


def _by_import(db, events, groups) -> None:
    if groups:
        import_ledger(db, "groups", ledger(GROUP_HEADER, *[
            [f"G{i}", b, f"グループ{i}", "", codes.DEFAULT_GROUP_KINDS[kind],  # a label
             "", f"R{start.year - 2018}.{start.month}.{start.day}",  # 和暦
             end.isoformat() if end else "", ""]
            for i, (b, kind, start, end) in enumerate(groups)], encoding="cp932"),
            today=TODAY, only_branch="01")
    if events:
        import_ledger(db, "events", ledger(EVENT_HEADER, *[
            [f"E{i}", b, day.strftime("%Y/%m/%d"), kind, f"行事{i}", "", "",
             str(participants), str(volunteers) if volunteers else "", ""]
            for i, (b, day, kind, participants, volunteers) in enumerate(events)]),
            today=TODAY, only_branch="01")


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(events=st.lists(an_event(), max_size=12), groups=st.lists(a_group(), max_size=6),
       cut=st.integers(0, 12), data=st.data())
def test_screen_entry_import_and_the_tally_export_agree(db, tmp_path, events, groups, cut, data):
    # A coordinator enters and imports for their own branch only.
    events = [("01", *e[1:]) for e in events]
    groups = [("01", *g[1:]) for g in groups]
    import_ledger(db, "branches", ledger(BRANCH_HEADER, *[[c, f"支部{c}", "", "", ""]
                                                          for c in BRANCHES]), today=TODAY)
    who = coordinator_of(db, "01")
    group_cut = data.draw(st.integers(0, len(groups)))
    try:
        _on_screen(db, who, events[:cut], groups[:group_cut])
        _by_import(db, events[cut:], groups[group_cut:])
        out = tmp_path / f"year{len(events)}_{cut}.csv"
        tallies.export_tallies(db, CITY, FY, None, "csv", out)
    finally:
        forget(db)
    assert read(out) == brute_force(events, groups)
