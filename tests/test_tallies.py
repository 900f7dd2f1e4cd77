"""Monthly tallies (docs/interchange.md, "Tally file"): a property test against
a brute-force count, the month-boundary rules, and the contract's
breakdown sums. Runs on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select
from sqlmodel import Session

from coordinator_app.core import codes, counting
from coordinator_app.core.dates import month_key, month_last_day
from coordinator_app.core.models import (
    Activity,
    ActivityParticipant,
    Branch,
    Consultation,
    ConsultationCategory,
    Person,
    Volunteer,
    VolunteerRole,
    WatchContact,
    WatchUser,
)
from coordinator_app.interchange import tally_file

FY = 2025
BRANCHES = ["01", "02"]
MONTHS = counting.fiscal_month_keys(FY)
FIRST, LAST = dt.date(2025, 1, 1), dt.date(2026, 6, 30)


def _boundaries() -> list[dt.date]:
    """First and last days of every month around the fiscal year."""
    days = []
    y, m = FIRST.year, FIRST.month
    while (y, m) <= (LAST.year, LAST.month):
        days += [dt.date(y, m, 1), month_last_day(y, m)]
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return days


dates = st.one_of(st.dates(FIRST, LAST), st.sampled_from(_boundaries()))
branch = st.sampled_from(BRANCHES)
categories = st.frozensets(st.sampled_from(list(codes.DEFAULT_CATEGORIES)), min_size=1, max_size=3)
roles = st.frozensets(st.sampled_from(list(codes.DEFAULT_ROLES)), min_size=1, max_size=3)


@dataclass
class Records:
    consultations: list = field(default_factory=list)
    users: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    volunteers: list = field(default_factory=list)
    activities: list = field(default_factory=list)


def _span(start: dt.date, end: dt.date | None) -> tuple[dt.date, dt.date | None]:
    return (start, end) if end is None or end >= start else (end, start)


@st.composite
def records(draw) -> Records:
    r = Records()
    r.consultations = draw(st.lists(st.tuples(
        branch, dates, st.sampled_from(list(codes.KIND)), st.sampled_from(list(codes.CHANNEL)),
        st.sampled_from(list(codes.FROM_WHOM)), st.sampled_from(list(codes.RESPONSE)),
        categories, st.booleans().map(lambda b: b and draw(st.integers(0, 4)) == 0)),
        max_size=25))
    for b, start, end, reason in draw(st.lists(st.tuples(
            branch, dates, st.none() | dates, st.sampled_from(list(codes.END_REASON))),
            max_size=10)):
        start, end = _span(start, end)
        r.users.append((b, start, end, reason if end else None))
    if r.users:
        for i, day, method, result in draw(st.lists(st.tuples(
                st.integers(0, len(r.users) - 1), dates, st.sampled_from(list(codes.WATCH_METHOD)),
                st.sampled_from(list(codes.WATCH_RESULT))), max_size=25)):
            # Mostly within the enrolment, as the contract wants; the
            # others (refused by the importer) must still count right.
            _, start, end, _ = r.users[i]
            if draw(st.integers(0, 3)):
                day = max(start, min(day, end or LAST))
            r.contacts.append((i, day, method, result))
    for b, start, end, rs in draw(st.lists(st.tuples(branch, dates, st.none() | dates, roles),
                                           max_size=10)):
        start, end = _span(start, end)
        r.volunteers.append((b, start, end, rs))
    if r.volunteers:
        for b, day, who in draw(st.lists(st.tuples(
                branch, dates, st.frozensets(st.integers(0, len(r.volunteers) - 1), max_size=4)),
                max_size=6)):
            r.activities.append((b, day, who))
    return r


def _store(session: Session, r: Records) -> None:
    """Insert the records with explicit ids (the caller rolls back)."""
    stamp = {}
    session.execute(insert(Branch.__table__), [
        dict(id=i + 1, code=code, name=f"支部{code}", **stamp) for i, code in enumerate(BRANCHES)])
    bid = {code: i + 1 for i, code in enumerate(BRANCHES)}
    session.execute(insert(Person.__table__), [
        dict(id=i + 1, branch_id=i + 1, name="見本 太郎") for i in range(len(BRANCHES))])
    if r.consultations:
        session.execute(insert(Consultation.__table__), [
            dict(id=i + 1, branch_id=bid[b], external_id=f"C{i}", received_on=day,
                 month=month_key(day), kind=kind, channel=ch, from_whom=fw, response=resp,
                 deleted_at=dt.datetime(2026, 1, 1) if deleted else None)
            for i, (b, day, kind, ch, fw, resp, _, deleted) in enumerate(r.consultations)])
        session.execute(insert(ConsultationCategory.__table__), [
            dict(consultation_id=i + 1, category_code=c, branch_id=bid[b], month=month_key(day))
            for i, (b, day, _, _, _, _, cats, _) in enumerate(r.consultations) for c in cats])
    if r.users:
        session.execute(insert(WatchUser.__table__), [
            dict(id=i + 1, branch_id=bid[b], person_id=bid[b], external_id=f"W{i}",
                 enrolled_on=start, enrolled_month=month_key(start), ended_on=end,
                 ended_month=month_key(end) if end else None, end_reason=reason)
            for i, (b, start, end, reason) in enumerate(r.users)])
    if r.contacts:
        session.execute(insert(WatchContact.__table__), [
            dict(id=n + 1, branch_id=bid[r.users[i][0]], watch_user_id=i + 1, contacted_on=day,
                 month=month_key(day), method=method, result=result, by_staff=True)
            for n, (i, day, method, result) in enumerate(r.contacts)])
    if r.volunteers:
        session.execute(insert(Volunteer.__table__), [
            dict(id=i + 1, branch_id=bid[b], person_id=bid[b], external_id=f"V{i}",
                 registered_on=start, registered_month=month_key(start), withdrawn_on=end,
                 withdrawn_month=month_key(end) if end else None)
            for i, (b, start, end, _) in enumerate(r.volunteers)])
        session.execute(insert(VolunteerRole.__table__), [
            dict(volunteer_id=i + 1, role_code=role)
            for i, (_, _, _, rs) in enumerate(r.volunteers) for role in rs])
    if r.activities:
        session.execute(insert(Activity.__table__), [
            dict(id=i + 1, branch_id=bid[b], held_on=day, month=month_key(day), title="サロン")
            for i, (b, day, _) in enumerate(r.activities)])
        parts = [dict(activity_id=i + 1, volunteer_id=v + 1)
                 for i, (_, _, who) in enumerate(r.activities) for v in who]
        if parts:
            session.execute(insert(ActivityParticipant.__table__), parts)


def _active(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    return start <= day and (end is None or end > day)


def brute_force(r: Records) -> dict[tuple, int]:
    """The contract's table, counted record by record in Python."""
    out: Counter = Counter()
    for b in BRANCHES:
        for m in MONTHS:
            for measure in codes.MEASURES:
                out[(b, counting.month_text(m), measure, "total", "")] += 0

    def add(b, m, measure, breakdown="total", key=""):
        if m in MONTHS:
            out[(b, counting.month_text(m), measure, breakdown, key)] += 1

    for b, day, kind, ch, fw, resp, cats, deleted in r.consultations:
        if deleted:
            continue
        m = month_key(day)
        add(b, m, "consultations")
        for breakdown, key in (("kind", kind), ("channel", ch), ("from_whom", fw),
                               ("response", resp)):
            add(b, m, "consultations", breakdown, key)
        for c in cats:
            add(b, m, "consultations", "category", c)
    for i, day, method, result in r.contacts:
        b, m = r.users[i][0], month_key(day)
        add(b, m, "watch_contacts")
        add(b, m, "watch_contacts", "method", method)
        add(b, m, "watch_contacts", "result", result)
    for i, (b, start, end, reason) in enumerate(r.users):
        add(b, month_key(start), "watch_users_enrolled")
        if end:
            add(b, month_key(end), "watch_users_ended")
            add(b, month_key(end), "watch_users_ended", "end_reason", reason)
        for m in MONTHS:
            if _active(start, end, month_last_day(m // 100, m % 100)):
                add(b, m, "watch_users_active")
                if not any(j == i and month_key(d) == m for j, d, _, _ in r.contacts):
                    add(b, m, "watch_users_unreached")
    for b, start, end, rs in r.volunteers:
        add(b, month_key(start), "volunteers_registered")
        if end:
            add(b, month_key(end), "volunteers_withdrawn")
        for m in MONTHS:
            if _active(start, end, month_last_day(m // 100, m % 100)):
                add(b, m, "volunteers_active")
                for role in rs:
                    add(b, m, "volunteers_active", "role", role)
    for b, day, who in r.activities:
        for _ in who:
            add(b, month_key(day), "volunteer_participations")
    return dict(out)


def check_contract_shape(rows: list[counting.TallyRow], branch_codes: list[str],
                         fy: int = FY) -> None:
    """Sorted, no duplicate, every total present, breakdowns sum as the
    contract says, no zero breakdown rows."""
    keys = [counting.sort_key(r) for r in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    totals = {(r.branch_code, r.month, r.measure): r.count for r in rows if r.breakdown == "total"}
    assert set(totals) == {(b, counting.month_text(m), measure) for b in branch_codes
                           for m in counting.fiscal_month_keys(fy) for measure in codes.MEASURES}
    sums: Counter = Counter()
    for r in rows:
        if r.breakdown != "total":
            assert r.count > 0 and r.key
            assert r.breakdown in codes.MEASURES[r.measure]
            sums[(r.branch_code, r.month, r.measure, r.breakdown)] += r.count
    for (b, month, measure), total in totals.items():
        for breakdown in codes.MEASURES[measure]:
            got = sums[(b, month, measure, breakdown)]
            if breakdown in ("category", "role"):
                assert got >= total, (b, month, measure, breakdown)
            else:
                assert got == total, (b, month, measure, breakdown)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(r=records())
def test_every_figure_equals_a_brute_force_count(db, r):
    with Session(db.engine) as session:
        with session.begin():
            _store(session, r)
            session.flush()
            rows = counting.compute(session, FY)
            session.rollback()
    check_contract_shape(rows, BRANCHES)
    got = {counting.sort_key(row): row.count for row in rows}
    expected = {k: n for k, n in brute_force(r).items() if n or k[3] == "total"}
    assert got == expected


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(r=records(), month=st.sampled_from(MONTHS))
def test_one_month_is_the_year_s_rows_of_that_month(db, r, month):
    """``export tallies --month``: every query run over one month gives the
    rows the whole year has for it (stocks and unreached users included)."""
    with Session(db.engine) as session:
        with session.begin():
            _store(session, r)
            session.flush()
            year = counting.compute(session, FY)
            one = counting.compute(session, FY, month=month)
            session.rollback()
    assert one == [row for row in year if row.month == counting.month_text(month)]


def _one(session, r: Records, measure: str, month: str, branch_code: str = "01") -> int:
    rows = counting.compute(session, FY)
    return {counting.sort_key(x): x.count for x in rows}[(branch_code, month, measure, "total", "")]


@pytest.mark.parametrize("ended, active_in", [
    (dt.date(2025, 6, 30), ["2025-04", "2025-05"]),   # ended on the last day: not active in June
    (dt.date(2025, 6, 29), ["2025-04", "2025-05"]),
    (dt.date(2025, 7, 1), ["2025-04", "2025-05", "2025-06"]),
])
def test_ended_on_the_last_day_is_not_active(db, ended, active_in):
    r = Records(users=[("01", dt.date(2025, 4, 30), ended, "death")],
                volunteers=[("01", dt.date(2025, 4, 30), ended, frozenset({"watch"}))])
    with Session(db.engine) as session, session.begin():
        _store(session, r)
        session.flush()
        rows = counting.compute(session, FY)
        session.rollback()
    for measure in ("watch_users_active", "volunteers_active", "watch_users_unreached"):
        active = sorted(x.month for x in rows if x.measure == measure and x.breakdown == "total"
                        and x.branch_code == "01" and x.count)
        assert active == active_in, measure


def test_enrolled_on_the_last_day_counts_that_month(db):
    r = Records(users=[("01", dt.date(2026, 3, 31), None, None)],
                contacts=[(0, dt.date(2026, 3, 31), "visit", "ok")])
    with Session(db.engine) as session, session.begin():
        _store(session, r)
        session.flush()
        rows = {counting.sort_key(x): x.count for x in counting.compute(session, FY)}
        session.rollback()
    assert rows[("01", "2026-03", "watch_users_active", "total", "")] == 1
    assert rows[("01", "2026-03", "watch_users_enrolled", "total", "")] == 1
    assert rows[("01", "2026-03", "watch_users_unreached", "total", "")] == 0
    assert rows[("01", "2026-02", "watch_users_active", "total", "")] == 0


def test_one_branch_only(db):
    r = Records(consultations=[("01", dt.date(2025, 4, 1), "contact", "phone", "self", "listened",
                                frozenset({"life"}), False),
                               ("02", dt.date(2025, 4, 1), "contact", "phone", "self", "listened",
                                frozenset({"life"}), False)])
    with Session(db.engine) as session, session.begin():
        _store(session, r)
        session.flush()
        rows = counting.compute(session, FY, ["02"])
        session.rollback()
    assert {x.branch_code for x in rows} == {"02"}
    check_contract_shape(rows, ["02"])
    assert len([x for x in rows if x.breakdown == "total"]) == 12 * len(codes.MEASURES)


def test_demo_tallies_follow_the_contract_and_carry_no_names(demo_db, tmp_path):
    with demo_db.session() as s:
        rows = counting.compute(s, 2026)
        names = s.scalars(select(Person.name)).all()
        codes_ = s.scalars(select(Branch.code)).all()
    check_contract_shape(rows, sorted(codes_), 2026)
    assert sum(x.count for x in rows if x.measure == "consultations" and x.breakdown == "total") > 0
    assert sum(x.count for x in rows if x.measure == "volunteer_participations") > 0
    out = tmp_path / "t.csv"
    tally_file.write_csv(rows, out)
    text = out.read_text(encoding="utf-8-sig")
    surnames = {n.split()[0] for n in names}
    assert not any(s in text for s in surnames)


def test_parallel_compute_equals_the_serial_one(demo_db):
    """`export tallies` runs the query groups on their own connections."""
    with demo_db.session() as s:
        for fy in (2025, 2026):
            assert counting.compute(s, fy, parallel=True) == counting.compute(s, fy)
            assert counting.compute(s, fy, ["03"], parallel=True) == counting.compute(s, fy, ["03"])
