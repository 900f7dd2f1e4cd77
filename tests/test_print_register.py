"""印刷台帳: administrators see every print, a coordinator their branch's;
returns and shredding are recorded (and audited) and bad input changes
nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.models import AuditLog, PrintRecord
from coordinator_app.services import printing
from tests.test_print_lists import TODAY, coordinator, town  # noqa: F401

ADMIN = SignedIn(8, "admin", "管理者", "admin", None, None, None)
CITY = SignedIn(9, "city", "市社協", "city_staff", None, None, None)


@pytest.fixture
def printed(town, tmp_path):
    db, _ = town
    east, west = coordinator(db, "01"), coordinator(db, "02")
    ids = {
        "east_watch": printing.print_list(db, east, printing.PrintRequest(
            kind="watch_users", copies=2, recipient="東一自治会 会長"), tmp_path / "1.pdf",
            today=TODAY).register_id,
        "east_branches": printing.print_list(db, east, printing.PrintRequest(
            kind="branches"), tmp_path / "2.pdf", today=TODAY).register_id,
        "west_vol": printing.print_list(db, west, printing.PrintRequest(
            kind="volunteers", recipient="西自治会"), tmp_path / "3.pdf",
            today=TODAY).register_id,
    }
    return db, ids


def test_admin_sees_every_branch_and_coordinator_only_theirs(printed):
    db, ids = printed
    everything = printing.register_entries(db, ADMIN)
    assert {e.id for e in everything} == set(ids.values())
    east = printing.register_entries(db, coordinator(db, "01"))
    assert {e.id for e in east} == {ids["east_watch"], ids["east_branches"]}
    watch = next(e for e in everything if e.id == ids["east_watch"])
    assert (watch.list_title, watch.person_count, watch.recipient, watch.copy_text,
            watch.branch_name) == ("見守り電話確認リスト", 4, "東一自治会 会長", "1〜2", "見本東支部")
    west = next(e for e in everything if e.id == ids["west_vol"])
    assert west.copy_text == "1"  # each branch numbers its own copies
    with pytest.raises(ScopeError):
        printing.register_entries(db, CITY)


def test_recording_shredding_and_the_open_copies_filter(printed):
    db, ids = printed
    db.actor = "admin"
    assert {e.id for e in printing.register_entries(db, ADMIN, only_open=True)} == \
        {ids["east_watch"], ids["west_vol"]}  # the branches list has no copies to return
    printing.record_disposal(db, ADMIN, ids["east_watch"], "shredded", TODAY, "2部とも細断",
                             today=TODAY)
    with db.session() as s:
        row = s.get(PrintRecord, ids["east_watch"])
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "update",
                                                 AuditLog.entity == "print_register")).all()
    assert (row.disposal, row.disposed_on, row.disposal_note, row.disposal_by) == \
        ("shredded", TODAY, "2部とも細断", "admin")
    assert len(audit) == 1 and audit[0].detail == "disposal=shredded"
    assert {e.id for e in printing.register_entries(db, ADMIN, only_open=True)} == {ids["west_vol"]}
    entry = next(e for e in printing.register_entries(db, ADMIN) if e.id == ids["east_watch"])
    assert entry.disposal_label == "細断"


def test_bad_disposals_change_nothing(printed):
    db, ids = printed
    rid = ids["west_vol"]
    cases = [
        (ADMIN, rid, "burned", TODAY),
        (ADMIN, rid, "returned", TODAY + dt.timedelta(days=1)),
        (ADMIN, rid, "returned", TODAY - dt.timedelta(days=30)),
        (ADMIN, 999, "returned", TODAY),
        (ADMIN, ids["east_branches"], "shredded", TODAY),  # nothing personal to return
    ]
    for user, register_id, how, on in cases:
        with pytest.raises(printing.PrintError):
            printing.record_disposal(db, user, register_id, how, on, today=TODAY)
    with pytest.raises(ScopeError):
        printing.record_disposal(db, coordinator(db, "01"), rid, "returned", TODAY, today=TODAY)
    with pytest.raises(ScopeError):
        printing.record_disposal(db, CITY, rid, "returned", TODAY, today=TODAY)
    with db.session() as s:
        assert s.get(PrintRecord, rid).disposal == ""
    printing.record_disposal(db, coordinator(db, "02"), rid, "returned", TODAY, today=TODAY)
    with db.session() as s:
        assert s.get(PrintRecord, rid).disposal == "returned"


def test_bad_requests_are_refused_before_anything_is_written(town, tmp_path):
    db, _ = town
    user = coordinator(db)
    for request in (printing.PrintRequest(kind="watch_users", copies=0),
                    printing.PrintRequest(kind="watch_users", copies=printing.MAX_COPIES + 1),
                    printing.PrintRequest(kind="payroll"),
                    printing.PrintRequest(kind="volunteers", role="astronaut"),
                    printing.PrintRequest(kind="labels", label_layout="40")):
        with pytest.raises(printing.PrintError):
            printing.print_list(db, user, request, tmp_path / "x.pdf", today=TODAY)
    assert not (tmp_path / "x.pdf").exists()
    with db.session() as s:
        assert s.scalars(select(PrintRecord)).all() == []
