"""Ledgers written the way real offices write them (tests/ledger_strategies.py),
against the contract (docs/interchange.md):

(a) every generated valid ledger set imports, and the tally file it
    exports equals a count by hand over the generated rows (the oracle
    below; it does not call the app's tally code);
(b) re-importing any of its files, written another way, or a contacts
    file that repeats some of its days, changes no figure and adds no record;
(c) every generated broken file (each rule of the contract broken once)
    is refused naming its line, and the database content is unchanged.

The examples share one database (each has branches of its own). Runs on
SQLite and, when configured, PostgreSQL.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from coordinator_app.core import counting
from coordinator_app.interchange import tally_file
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.interchange.ledger import LedgerError
from tests.conftest import TODAY
from tests.db_snapshot import counts, snapshot
from tests.ledger_strategies import (
    FY,
    ORDER,
    RULES,
    LedgerSet,
    contacts_of_days,
    draw_broken,
    draw_set,
    rows_of,
    write,
)

SETTINGS = dict(deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def imp(db, kind: str, data: bytes):
    return import_ledger(db, kind, data, today=TODAY)


def import_set(draw, db, s: LedgerSet) -> list[str]:
    """Import every file of the set, in the contract's order; the kinds written."""
    kinds = [k for k in ORDER if s.records(k)]
    for kind in kinds:
        imp(db, kind, write(draw, kind, s.rows(kind)).data)
    return kinds


def records(db) -> dict[str, int]:
    """Rows per table, but the audit trail (every import adds its row)."""
    return {name: n for name, n in counts(db).items() if name != "audit_log"}


# --- the oracle: the contract's measure table, counted over the generated rows -------------

MEASURES = ("consultations", "watch_contacts", "watch_users_active", "watch_users_enrolled",
            "watch_users_ended", "watch_users_unreached", "volunteers_active",
            "volunteers_registered", "volunteers_withdrawn", "volunteer_participations",
            # 行事・サロン: these ledgers hold no groups or events, so all 0
            "events_held", "event_participants", "event_volunteers", "groups_active")


def _months(fy: int) -> list[tuple[int, int]]:
    return [(fy, m) for m in range(4, 13)] + [(fy + 1, m) for m in range(1, 4)]


def _last_day(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)


def _active(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    """Registered at day: started on or before it, not ended or ended after it."""
    return start <= day and (end is None or end > day)


def expected_tally(s: LedgerSet, fy: int) -> Counter:
    out: Counter = Counter()
    for y, m in _months(fy):
        month = f"{y}-{m:02d}"
        for b in s.branch_codes:
            for measure in MEASURES:
                out[(b, month, measure, "total", "")] += 0

        def add(b, measure, breakdown="total", key=""):
            out[(b, month, measure, breakdown, key)] += 1

        def this_month(day: dt.date | None) -> bool:
            return day is not None and (day.year, day.month) == (y, m)

        last = _last_day(y, m)
        for c in s.consultations:
            if this_month(c.received):
                add(c.branch, "consultations")
                for breakdown, key in (("kind", c.kind), ("channel", c.channel),
                                       ("from_whom", c.from_whom), ("response", c.response)):
                    add(c.branch, "consultations", breakdown, key)
                for category in set(c.categories):
                    add(c.branch, "consultations", "category", category)
        for c in s.contacts:  # every line is a contact
            if this_month(c.day):
                add(c.user.branch, "watch_contacts")
                add(c.user.branch, "watch_contacts", "method", c.method)
                add(c.user.branch, "watch_contacts", "result", c.result)
        for u in s.users:
            if this_month(u.enrolled):
                add(u.branch, "watch_users_enrolled")
            if this_month(u.ended):
                add(u.branch, "watch_users_ended")
                add(u.branch, "watch_users_ended", "end_reason", u.end_reason)
            if _active(u.enrolled, u.ended, last):
                add(u.branch, "watch_users_active")
                if not any(c.user is u and this_month(c.day) for c in s.contacts):
                    add(u.branch, "watch_users_unreached")
        for v in s.volunteers:
            if this_month(v.registered):
                add(v.branch, "volunteers_registered")
            if this_month(v.withdrawn):
                add(v.branch, "volunteers_withdrawn")
            if _active(v.registered, v.withdrawn, last):
                add(v.branch, "volunteers_active")
                for role in set(v.roles):
                    add(v.branch, "volunteers_active", "role", role)
        # volunteer_participations: no ledger brings activities, so 0
    return out


def exported_tally(db, tmp_path, fy: int, branch_codes: list[str]) -> Counter:
    """The tally file the app writes for these branches, read back."""
    with db.session() as session:
        rows = counting.compute(session, fy, branch_codes)
    out = tmp_path / "tally.csv"
    tally_file.write_csv(rows, out)
    with open(out, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["fiscal_year", "month", "branch_code", "measure",
                                     "breakdown", "key", "count"]
        found = Counter()
        for r in reader:
            assert r["fiscal_year"] == str(fy)
            key = (r["branch_code"], r["month"], r["measure"], r["breakdown"], r["key"])
            assert key not in found, key
            found[key] = int(r["count"])
    return found


def assert_same_figures(found: Counter, expected: Counter) -> None:
    """Equal, but for breakdown rows of 0, which the file may leave out;
    every total row is there, 0 or not."""
    totals = {k for k in expected if k[3] == "total"}
    assert totals <= set(found), sorted(totals - set(found))[:5]
    shown = {k: n for k, n in found.items() if n or k[3] == "total"}
    wanted = {k: n for k, n in expected.items() if n or k[3] == "total"}
    assert shown == wanted, sorted(set(shown.items()) ^ set(wanted.items()))[:10]


# --- (a) and (b) ---------------------------------------------------------------------------


@settings(max_examples=12, **SETTINGS)
@given(data=st.data())
def test_valid_ledgers_import_and_tally_as_counted_by_hand(db, tmp_path, data):
    draw = data.draw
    s = draw_set(draw)
    kinds = import_set(draw, db, s)
    fy = draw(st.sampled_from([FY, FY + 1]), label="fiscal year")
    expected = expected_tally(s, fy)
    assert_same_figures(exported_tally(db, tmp_path, fy, s.branch_codes), expected)

    # (b) every file again, written another way, in any order
    before = records(db)
    for kind in draw(st.permutations(kinds), label="re-import order"):
        imp(db, kind, write(draw, kind, s.rows(kind)).data)
    # and a contacts file that repeats some days of the first one
    days = sorted({(c.user.branch, c.user.ext, c.day) for c in s.contacts})
    if days:
        some = draw(st.sets(st.sampled_from(days), min_size=1), label="repeated days")
        imp(db, "watch-contacts", write(draw, "watch-contacts", rows_of(
            "watch-contacts", contacts_of_days(s, some))).data)
    assert records(db) == before
    assert_same_figures(exported_tally(db, tmp_path, fy, s.branch_codes), expected)
    with db.session() as session:
        assert counting.check_running_counts(session) == []


# --- (c) ---------------------------------------------------------------------------------------


@settings(max_examples=6, **SETTINGS)
@given(data=st.data())
def test_every_broken_file_is_refused_with_its_line_and_changes_nothing(db, data):
    """Each rule of the contract broken once, in a file of a set already
    imported: refused, every error on the broken line, nothing written."""
    draw = data.draw
    s = draw_set(draw, at_least_one=True)
    import_set(draw, db, s)
    before = snapshot(db)
    for rule in RULES:
        broken = draw_broken(draw, s, rule)
        event(rule)
        with pytest.raises(LedgerError) as info:
            imp(db, broken.file.kind, broken.file.data)
        errors = info.value.errors
        assert errors and all(e.startswith(f"line {broken.line}: ") for e in errors), (
            rule, broken.file.kind, broken.line, errors)
        assert snapshot(db) == before, rule
