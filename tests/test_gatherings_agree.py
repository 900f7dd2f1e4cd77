"""行事・サロン (issue 16, Proof): what a coordinator enters on the screen
(``services.gatherings``, the functions the forms call), what a branch
imports from ``groups.csv`` / ``events.csv``, and the tally file agree. The
same generated records go in partly one way, partly the other; the
exported file is compared with the brute-force count of
``tests.test_event_tallies``. Runs on SQLite and, when configured,
PostgreSQL."""

from __future__ import annotations

import datetime as dt
import unicodedata

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


def test_events_typed_in_the_form_and_imported_agree_with_the_tally(qtbot, db, tmp_path):
    """The form itself, as a coordinator types: events on the fiscal year's
    first and last day entered with the keyboard; groups ended mid-month and
    started and ended in one month, and more events, imported."""
    from PySide6.QtCore import Qt

    from coordinator_app.ui.gatherings.event_form import EventFormDialog
    from tests.helpers import make_context, type_japanese

    import_ledger(db, "branches", ledger(BRANCH_HEADER, *[[c, f"支部{c}", "", "", ""]
                                                          for c in BRANCHES]), today=TODAY)
    ctx = make_context(db, coordinator_of(db, "01"))
    typed = [("01", dt.date(2025, 4, 1), "course", 23, 4),
             ("01", dt.date(2026, 3, 31), "forum", 41, 0),
             ("01", dt.date(2025, 11, 15), "salon", 12, 3)]
    for _b, day, kind, participants, volunteers in typed:
        form = EventFormDialog(ctx)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        form.held_on.edit.setText(day.isoformat())
        form.kind.setCurrentIndex(form.kind.findData(kind))
        type_japanese(form.title, "行事")
        form.participants.setText(str(participants))
        form.volunteers.setText(str(volunteers) if volunteers else "")
        with qtbot.waitSignal(form.saved, timeout=5000):
            qtbot.keyClick(form.title, Qt.Key_Return)  # Enter saves
        ctx.runner.wait()
        form.close()
    groups = [("01", "salon", dt.date(2025, 4, 1), dt.date(2025, 10, 15)),  # ended mid-month
              ("01", "club", dt.date(2025, 6, 3), dt.date(2025, 6, 20)),  # one month only
              ("01", "children", dt.date(2024, 12, 1), None)]
    imported = [("01", dt.date(2025, 4, 1), "salon", 9, 2),
                ("01", dt.date(2026, 3, 31), "course", 17, 1),
                ("01", dt.date(2026, 4, 1), "forum", 30, 0)]  # the next fiscal year
    _by_import(db, imported, groups)
    out = tmp_path / "year.csv"
    tallies.export_tallies(db, CITY, FY, None, "csv", out)
    assert read(out) == brute_force(typed + imported, groups)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.sampled_from(["3", "３", "１２", "+3", "3_000", "3,000", "5人", "-2",
                                       "0", " 7 ", "", "1.5"]),
                      st.text(alphabet="0123456789０１２３+-_, 人", max_size=6)))
def test_the_form_and_a_ledger_read_a_count_alike(qtbot, text):
    """One rule (core.gatherings.read_count) for the form's count fields and
    the ledger's participants/volunteers: digits of either width make a
    number; anything else stays text for the rule to refuse by name."""
    from coordinator_app.core.gatherings import read_count
    from coordinator_app.ui.gatherings.common import CountEdit

    field = CountEdit()
    field.setMaxLength(32)
    field.setText(text)
    assert field.value() == read_count(text)
    value = read_count(text)
    if isinstance(value, int):
        assert value == int(unicodedata.normalize("NFKC", text).strip())
    for typed in ("+3", "3_000", "3,000", "5人", "1.5"):
        assert read_count(typed) == typed  # refused by name, as on import
    assert read_count("３") == 3 and read_count("") is None
