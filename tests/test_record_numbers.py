"""相談番号 (issue 18): a consultation's number counts within its branch
and fiscal year (「R8-0231」), whether the record is typed, made by the
見守り 異変あり flow or imported; it never changes afterwards; a migrated
database numbers its records in received_on, id order; concurrent saves
on PostgreSQL never share or skip a number."""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from coordinator_app.core import record_numbers
from coordinator_app.core.dates import fiscal_year_of
from coordinator_app.core.models import Branch, Consultation, ConsultationCategory
from coordinator_app.services import consultations as svc
from coordinator_app.services.consultations import ConsultationDraft
from coordinator_app.storage import migrate
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import make_engine
from tests.conftest import PG_URL, TODAY, coordinator_of, open_test_db
from tests.test_import import (
    BRANCH_HEADER,
    CONSULTATION_HEADER,
    consultation,
    imp,
    ledger,
)

BRANCHES = ("01", "02", "03")
DAYS = st.dates(dt.date(2024, 1, 1), TODAY)


def _draft(day: dt.date) -> ConsultationDraft:
    return ConsultationDraft(received_on=day, kind="consultation", channel="phone",
                             from_whom="self", categories=["life"], response="listened")


def _with_branches(db) -> None:
    imp(db, "branches", ledger(BRANCH_HEADER, *([c, f"支部{c}", "", "", ""] for c in BRANCHES)))


def _numbers(db) -> list[tuple]:
    with db.session() as s:
        return s.execute(select(Consultation.id, Consultation.branch_id, Consultation.received_on,
                                Consultation.number_fy, Consultation.number)).all()


def _assert_dense_and_unique(db) -> None:
    groups = defaultdict(list)
    for _id, branch_id, _day, fy, number in _numbers(db):
        assert number is not None and fy is not None
        groups[(branch_id, fy)].append(number)
    for key, numbers in groups.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), key


def test_label_is_era_year_of_the_fiscal_year_and_four_digits():
    assert record_numbers.label(2026, 231) == "R8-0231"
    assert record_numbers.label(2019, 1) == "H31-0001"  # 平成31年度 began 2019-04-01
    assert record_numbers.label(2020, 12345) == "R2-12345"
    assert record_numbers.label(None, None) == ""


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.one_of(
    st.tuples(st.just("save"), st.sampled_from(BRANCHES), DAYS),
    st.tuples(st.just("import"), st.sampled_from(BRANCHES),
              st.lists(DAYS, min_size=1, max_size=6)),
    st.tuples(st.just("move"), st.integers(0, 50), DAYS),
), min_size=1, max_size=12))
def test_numbers_are_dense_per_branch_and_fiscal_year_and_never_change(db_url, steps):
    db = open_test_db(db_url)
    try:
        with db.session() as s:  # every example starts from no records
            s.execute(sa.delete(ConsultationCategory))
            s.execute(sa.delete(Consultation))
            has_branches = s.scalar(select(sa.func.count()).select_from(Branch))
        if not has_branches:
            _with_branches(db)
        users = {code: coordinator_of(db, code) for code in BRANCHES}
        given_numbers: dict[int, tuple] = {}
        serial = 0
        for step in steps:
            if step[0] == "save":
                _, code, day = step
                svc.create_consultation(db, users[code], _draft(day))
            elif step[0] == "import":
                _, code, days = step
                rows = []
                for day in days:
                    serial += 1
                    rows.append(consultation(f"X{serial}", code, day.isoformat()))
                imp(db, "consultations", ledger(CONSULTATION_HEADER, *rows))
                # the records of one import are numbered in received_on order
                with db.session() as s:
                    imported = s.execute(select(Consultation.received_on, Consultation.number_fy,
                                                Consultation.number)
                                         .where(Consultation.external_id.in_(
                                             [r[0] for r in rows]))).all()
                for fy in {f for _d, f, _n in imported}:
                    same = sorted((n, d) for d, f, n in imported if f == fy)
                    assert [d for _n, d in same] == sorted(d for _n, d in same)
            else:
                _, pick, day = step
                records = sorted(given_numbers)
                if records:
                    cid = records[pick % len(records)]
                    branch_code = next(c for c, u in users.items()
                                       if u.branch_id == given_numbers[cid][0])
                    user = users[branch_code]
                    svc.update_consultation(db, user, cid, _draft(day))
            for cid, branch_id, day, fy, number in _numbers(db):
                if cid in given_numbers:  # a number once given stays, even when the date moves
                    assert given_numbers[cid] == (branch_id, fy, number)
                else:
                    assert fy == fiscal_year_of(day)
                    given_numbers[cid] = (branch_id, fy, number)
            _assert_dense_and_unique(db)
        # shown everywhere as the label, never as the database id
        user = users["01"]
        rows = svc.fetch_page(db, user, svc.ListQuery(), limit=500)
        for r in rows:
            _b, fy, number = given_numbers[r.id]
            assert r.number == record_numbers.label(fy, number)
            assert svc.get_consultation(db, user, r.id).number == r.number
            assert svc.record_number(db, user, r.id) == r.number
    finally:
        db.close()


def test_a_deleted_record_keeps_its_number_and_the_next_one_follows(db):
    _with_branches(db)
    user = coordinator_of(db, "02")
    first = svc.create_consultation(db, user, _draft(dt.date(2026, 4, 1)))
    svc.delete_consultation(db, user, first)
    second = svc.create_consultation(db, user, _draft(dt.date(2026, 4, 2)))
    other_year = svc.create_consultation(db, user, _draft(dt.date(2026, 3, 31)))
    assert [svc.record_number(db, user, i) for i in (first, second, other_year)] == \
        ["R8-0001", "R8-0002", "R7-0001"]
    assert [r.number for r in svc.list_deleted(db, user)] == ["R8-0001"]


def test_migration_numbers_existing_records_in_date_then_id_order(db_url):
    engine = make_engine(db_url)
    try:
        migrate.upgrade(engine, "0013")
    finally:
        engine.dispose()
    engine = make_engine(db_url)
    stamp = dict(created_at=dt.datetime(2025, 1, 1), updated_at=dt.datetime(2025, 1, 1),
                 created_by="old", updated_by="old")
    md = sa.MetaData()
    try:
        branch = sa.Table("branch", md, autoload_with=engine)
        cons = sa.Table("consultation", md, autoload_with=engine)
        with engine.begin() as conn:
            conn.execute(branch.insert(), [dict(code=f"0{b}", name=f"支部{b}", base_name="",
                                                address="", phone="", sort_order=b, **stamp)
                                           for b in (1, 2)])
            # (id, branch, received_on): ids deliberately out of date order
            records = [(1, 1, dt.date(2025, 5, 1)), (2, 1, dt.date(2025, 4, 1)),
                       (3, 1, dt.date(2026, 3, 31)), (4, 1, dt.date(2026, 4, 1)),
                       (5, 2, dt.date(2025, 4, 1)), (6, 1, dt.date(2025, 4, 1)),
                       (7, 1, dt.date(2025, 3, 31))]
            for _i, b, d in records:  # one by one: the ids come in this order
                conn.execute(cons.insert(), dict(
                    branch_id=b, received_on=d, month=d.year * 100 + d.month,
                    kind="consultation", channel="phone", from_whom="self", response="listened",
                    referred_to="", summary="", urgent_note="", staff_name="",
                    follow_up_outcome="", deleted_by="", search_key="", **stamp))
    finally:
        engine.dispose()
    db = Database.open(db_url)  # a plain file, as the old release left it
    try:
        got = {i: (fy, n) for i, _b, _d, fy, n in _numbers(db)}
        assert got == {2: (2025, 1), 6: (2025, 2), 1: (2025, 3), 3: (2025, 4),
                       4: (2026, 1), 5: (2025, 1), 7: (2024, 1)}
        # a new record follows the migrated ones
        user = coordinator_of(db, "01")
        new = svc.create_consultation(db, user, _draft(dt.date(2025, 6, 1)))
        assert svc.record_number(db, user, new) == "R7-0005"
    finally:
        db.close()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL only ($COORDINATOR_APP_TEST_PG)")
def test_concurrent_saves_on_postgresql_never_share_a_number(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("the SQLite file has one writer at a time")
    setup = open_test_db(db_url)
    _with_branches(setup)
    user = coordinator_of(setup, "01")
    setup.close()
    dbs = [open_test_db(db_url) for _ in range(6)]
    barrier = threading.Barrier(len(dbs))
    errors: list[BaseException] = []

    def save(db) -> None:
        try:
            barrier.wait()
            for _ in range(5):
                svc.create_consultation(db, user, _draft(dt.date(2026, 5, 1)))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(d,)) for d in dbs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        numbers = sorted(n for *_x, n in _numbers(dbs[0]))
        assert numbers == list(range(1, 31))
    finally:
        for d in dbs:
            d.close()


def test_the_audit_log_names_a_consultation_by_its_number(db):
    from coordinator_app.core.access import SignedIn
    from coordinator_app.services import audit

    _with_branches(db)
    user = coordinator_of(db, "03")
    first = svc.create_consultation(db, user, _draft(dt.date(2026, 5, 1)))
    svc.get_consultation(db, user, first)
    admin = SignedIn(0, "admin", "管理者", "admin", None, None, None)
    entries = [e for e in audit.search(db, admin) if e.entity == "consultation"]
    assert {(e.action, e.record_number) for e in entries} == {("create", "R8-0001"),
                                                              ("view", "R8-0001")}
