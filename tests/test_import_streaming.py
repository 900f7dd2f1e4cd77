"""The import streams (issue 19): a file is validated and written a chunk
at a time inside one transaction, so memory stays bounded whatever its
size. What a user sees must not depend on the chunks: a bad line anywhere
(far beyond the first chunk) is named and nothing is written; a duplicate
names its first line even when that is chunks earlier; contacts of one
user and day spread over several chunks replace the earlier ones exactly
as the contract says. A small chunk size stands in for a large file.

Also: the copy taken before the day's first import restores the state
before it exactly, and later imports that day take none."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from coordinator_app.core import clock
from coordinator_app.core.models import (
    Consultation,
    Person,
    Volunteer,
    WatchContact,
    WatchContactVolunteer,
    WatchUser,
)
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.interchange.ledger import LedgerError
from coordinator_app.services import backups, imports
from coordinator_app.storage.database import Database
from tests.conftest import TODAY
from tests.db_snapshot import snapshot
from tests.test_import import (  # noqa: F401  (base: the fixture)
    CONSULTATION_HEADER,
    CONTACT_HEADER,
    base,
    consultation,
    contact,
    ledger,
)

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def imp(db, kind, data, chunk_rows):
    return import_ledger(db, kind, data, today=TODAY, chunk_rows=chunk_rows)


def _rows(n: int) -> list[list[str]]:
    return [consultation(f"S{i}", branch="01" if i % 3 else "02",
                         day=f"2025-{4 + i % 9:02d}-{1 + i % 28:02d}",
                         name="見本 太郎" if i % 5 == 0 else "", summary=f"相談 {i}")
            for i in range(n)]


# Ways to spoil one line, with the error it must be named with.
SPOILS = {
    "bad date": (lambda row, rows: row[:2] + ["2025-02-30"] + row[3:], "received_on"),
    "unknown code": (lambda row, rows: row[:4] + ["fax"] + row[5:], "channel"),
    "future": (lambda row, rows: row[:2] + [(TODAY + dt.timedelta(days=1)).isoformat()] + row[3:],
               "received_on"),
    "column count": (lambda row, rows: row[:-1], "-"),
    "duplicate": (lambda row, rows: [rows[1][0], rows[1][1]] + row[2:], "external_id"),
}


@settings(max_examples=8, **SETTINGS)
@given(n=st.integers(300, 900), chunk=st.integers(2, 40), where=st.floats(0.5, 1.0),
       spoil=st.sampled_from(sorted(SPOILS)))
def test_a_bad_line_far_beyond_the_first_chunk_is_named_and_nothing_is_written(
        base, n, chunk, where, spoil):
    rows = _rows(n)
    bad = min(n - 1, max(2, int(n * where)))
    make, column = SPOILS[spoil]
    rows[bad] = make(rows[bad], rows)
    before = snapshot(base)
    with pytest.raises(LedgerError) as info:
        imp(base, "consultations", ledger(CONSULTATION_HEADER, *rows), chunk)
    line = bad + 2  # the header is line 1
    assert [e for e in info.value.errors if e.startswith(f"line {line}: {column}: ")], \
        info.value.errors
    if spoil == "duplicate":  # its first line is chunks earlier: named all the same
        assert f"line {line}: external_id: 3行目と重複しています" in info.value.errors
    assert info.value.total == 1
    assert snapshot(base) == before


def test_every_bad_line_is_counted_across_chunks_and_the_first_fifty_named(base):
    rows = _rows(400)
    for i in range(0, 400, 4):
        rows[i] = rows[i][:2] + ["2025-13-01"] + rows[i][3:]
    before = snapshot(base)
    with pytest.raises(LedgerError) as info:
        imp(base, "consultations", ledger(CONSULTATION_HEADER, *rows), 7)
    assert info.value.total == 100
    assert [int(e.split()[1].rstrip(":")) for e in info.value.errors] == list(range(2, 202, 4))
    assert snapshot(base) == before


def test_the_same_file_imports_the_same_in_any_chunks(base):
    """All 900 lines, in chunks of 13 (people named on several lines are
    one person, as in one chunk); then re-imported: all updates."""
    data = ledger(CONSULTATION_HEADER, *_rows(900))
    first = imp(base, "consultations", data, 13)
    assert (first.created, first.updated) == (900, 0)
    with base.session() as s:
        named = s.scalars(select(Consultation.person_id).where(
            Consultation.person_id.is_not(None))).all()
        assert len(named) == 180 and len(set(named)) == 2  # one 見本 太郎 per branch
        assert s.scalar(select(Person.id).where(Person.name == "見本 太郎")) is not None
    again = imp(base, "consultations", data, 7)
    assert (again.created, again.updated) == (0, 900)


def test_a_coordinators_file_with_another_branch_late_in_it_is_refused_whole(base):
    rows = _rows(300)
    own = [r for r in rows if r[1] == "01"]
    own[-1] = own[-1][:1] + ["02"] + own[-1][2:]
    before = snapshot(base)
    with pytest.raises(LedgerError) as info:
        import_ledger(base, "consultations", ledger(CONSULTATION_HEADER, *own), today=TODAY,
                      only_branch="01", chunk_rows=10)
    assert info.value.errors == [f"line {len(own) + 1}: branch_code: "
                                 "自分の支部（01）以外の行は取り込めません"]
    assert snapshot(base) == before


# --- watch contacts: the lines of one user and day, whatever the chunks ---------------------

DAYS = ["2025-05-10", "2025-05-11", "2025-06-01"]
LINES = st.lists(st.tuples(st.sampled_from(["W1", "W2"]), st.sampled_from(DAYS),
                           st.sampled_from(["visit", "phone"]),
                           st.sampled_from(["staff", "V1", "V1;V2"]),
                           st.sampled_from(["ok", "absent"]), st.sampled_from(["", "メモ"])),
                 min_size=1, max_size=14)


def _imported(db) -> dict[tuple[str, str], Counter]:
    """The imported contacts, by user and day, as lines."""
    with db.session() as s:
        vols: dict[int, list[str]] = {}
        for cid, ext in s.execute(select(WatchContactVolunteer.contact_id, Volunteer.external_id)
                                  .join(Volunteer)).all():
            vols.setdefault(cid, []).append(ext)
        out: dict[tuple[str, str], Counter] = {}
        for cid, user, day, method, staff, result, note in s.execute(
                select(WatchContact.id, WatchUser.external_id, WatchContact.contacted_on,
                       WatchContact.method, WatchContact.by_staff, WatchContact.result,
                       WatchContact.note).join(WatchUser)
                .where(WatchContact.imported_at.is_not(None))).all():
            by = "staff" if staff else ";".join(sorted(vols.get(cid, [])))
            out.setdefault((user, day.isoformat()), Counter())[(method, by, result, note)] += 1
    return out


def _as_lines(lines) -> dict[tuple[str, str], Counter]:
    out: dict[tuple[str, str], Counter] = {}
    for user, day, method, by, result, note in lines:
        out.setdefault((user, day), Counter())[(method, by, result, note)] += 1
    return out


@settings(max_examples=15, **SETTINGS)
@given(earlier=LINES, later=LINES, chunk=st.integers(1, 4))
def test_contacts_of_one_user_and_day_over_several_chunks_replace_the_earlier_ones(
        base, earlier, later, chunk):
    with base.session() as s:  # each example starts without contacts
        s.execute(WatchContactVolunteer.__table__.delete())
        s.execute(WatchContact.__table__.delete())
    as_file = lambda lines: ledger(CONTACT_HEADER, *[  # noqa: E731
        contact(user=u, day=d, method=m, by=b, result=r, note=n) for u, d, m, b, r, n in lines])
    imp(base, "watch-contacts", as_file(earlier), chunk)
    assert _imported(base) == _as_lines(earlier)
    result = imp(base, "watch-contacts", as_file(later), chunk)
    want = {**_as_lines(earlier), **_as_lines(later)}  # the file's days replace, the rest stay
    assert _imported(base) == want
    before, after = _as_lines(earlier), _as_lines(later)
    same_days = [(sum(before.get(k, Counter()).values()), sum(c.values())) for k, c in after.items()]
    assert result.updated == sum(min(e, n) for e, n in same_days)
    assert result.created == sum(n - min(e, n) for e, n in same_days)
    assert result.removed == sum(e - min(e, n) for e, n in same_days)


# --- the day's copy before the first import ------------------------------------------------

def _small_import(tmp_path, db, n: int, day: str) -> None:
    path = tmp_path / f"small-{n}.csv"
    path.write_bytes(ledger(CONSULTATION_HEADER, *[
        consultation(f"D{n}-{i}", branch="01", day=day, summary=f"追加 {i}") for i in range(40)],
        consultation("C01-0001", branch="01", day=day, summary="更新した内容")))
    imports.import_file(db, None, "consultations", path)


def test_the_days_first_import_copies_and_the_copy_restores_the_state_before_it(
        demo_db, tmp_path):
    """The safety a copy before every import gave: a good file with the
    wrong contents is undone by restoring the day's copy, which holds the
    database exactly as it was before the day's first import (an update
    included); the day's later imports take no copy (they must be instant)."""
    for old in backups.list_backups(demo_db.path):
        backups.discard_backup(old)
    with demo_db.session() as s:
        assert s.scalar(select(Consultation.id).where(
            Consultation.external_id == "C01-0001")) is not None  # updated by each import
    before = snapshot(demo_db)
    _small_import(tmp_path, demo_db, 1, "2026-11-20")
    [copy] = backups.list_backups(demo_db.path)
    _small_import(tmp_path, demo_db, 2, "2026-11-21")
    _small_import(tmp_path, demo_db, 3, "2026-11-22")
    assert backups.list_backups(demo_db.path) == [copy]  # one copy a day
    assert snapshot(demo_db) != before
    path, key = demo_db.path, demo_db.key
    demo_db.close()
    backups.restore_backup(path, copy.path, key=key)
    restored = Database.open(str(path), key=key)
    try:
        assert snapshot(restored) == before
    finally:
        restored.close()
    clock.set_now(clock.now() + dt.timedelta(days=1))
    again = Database.open(str(path), key=key)
    try:
        _small_import(tmp_path, again, 4, "2026-11-23")  # the database is as the copy holds it
        assert backups.list_backups(path) == [copy]
        _small_import(tmp_path, again, 5, "2026-11-23")  # changed since yesterday's copy
        assert len(backups.list_backups(path)) == 2
    finally:
        again.close()
