"""集約 at the city office: several branch files consolidate to exactly the
tally of one database holding all their records; a conflicting file is
detected and nothing changes until the user decides (audited); files
received while a month runs are provisional; bad files are refused whole;
the consolidated figures feed the indicators."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from coordinator_app.core import clock, counting
from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.models import AuditLog, TallyChoice, TallyFile
from coordinator_app.interchange import tally_file
from coordinator_app.services import consolidation
from coordinator_app.services import indicators as indicator_service
from tests.conftest import TODAY, coordinator_of
from tests.tally_data import generate

CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
FY = 2023
AFTER = dt.datetime(2024, 5, 10, 3, 0)  # FY2023 has ended: every month is final


@pytest.fixture
def city_db(tmp_path):
    """The city office's own database: it knows the branches, holds no records."""
    from coordinator_app.core.models import Branch
    from coordinator_app.storage.database import Database

    (tmp_path / "city").mkdir()
    database = Database.open(str(tmp_path / "city" / "city.db"), create=True)
    with database.session() as s:
        s.add_all([Branch(code=c, name=f"テスト{c}支部") for c in ("01", "02", "03")])
    yield database
    database.close()


@pytest.fixture
def branch_files(db, tmp_path):
    """Tally files of branches 01–03 written from one database."""
    data = generate(db, branch_codes=("01", "02", "03"))
    paths = []
    with db.session() as s:
        for code in ("01", "02", "03"):
            path = tmp_path / f"tally_{code}_{FY}_20240505.csv"
            tally_file.write_csv(counting.compute(s, FY, [code]), path)
            paths.append(path)
        everything = counting.compute(s, FY)
    return db, data, paths, everything


def test_consolidation_equals_the_tally_of_all_records(branch_files, city_db):
    db, _, paths, everything = branch_files
    result = consolidation.receive_files(city_db, CITY, paths, now=AFTER)
    assert [f.branch_codes for f in result.files] == [("01",), ("02",), ("03",)]
    assert not result.errors and not result.conflicts
    assert consolidation.consolidated_rows(city_db, CITY, FY) == everything
    # … and equals the contract's `consolidate` of the same files.
    assert consolidation.consolidated_rows(city_db, CITY, FY) == tally_file.consolidate(paths)
    matrix = consolidation.matrix(city_db, CITY, FY, today=TODAY)
    assert {c.state for c in matrix.cells.values()} == {"received"}


def test_consolidated_figures_feed_the_indicators(branch_files, city_db):
    db, data, paths, _ = branch_files
    consolidation.receive_files(city_db, CITY, paths, now=AFTER)
    local = indicator_service.evaluate(db, CITY, FY, "local", today=TODAY)
    received = indicator_service.evaluate(city_db, CITY, FY, "consolidated", today=TODAY)
    assert [r.year.actual for r in received] == [r.year.actual for r in local]
    assert [r.year.actual for r in received] == [data.expected(r.info.code, FY) for r in received]
    one = indicator_service.evaluate(city_db, CITY, FY, "consolidated", "02", today=TODAY)
    assert [r.year.actual for r in one] == [data.expected(r.info.code, FY, {"02"}) for r in one]


def _changed(rows, month="2023-09", delta=3, branch=None):
    return [r._replace(count=r.count + delta)
            if (r.month == month and r.measure == "consultations" and r.breakdown == "total"
                and branch in (None, r.branch_code))
            else r for r in rows]


def test_a_conflicting_file_changes_nothing_until_the_user_decides(branch_files, city_db,
                                                                    tmp_path):
    db, _, paths, everything = branch_files
    consolidation.receive_files(city_db, CITY, paths, now=AFTER)
    before = consolidation.consolidated_rows(city_db, CITY, FY)
    second = tmp_path / "tally_02_resent.csv"
    tally_file.write_csv(_changed(tally_file.read_csv(paths[1])), second)

    result = consolidation.receive_files(city_db, CITY, [second],
                                         now=AFTER + dt.timedelta(days=3))
    assert len(result.conflicts) == 1
    c = result.conflicts[0]
    assert (c.branch_code, c.month) == ("02", 202309)
    old, new = c.candidates
    assert new.totals["consultations"] == old.totals["consultations"] + 3
    assert c.current_file_id == old.file_id
    # Nothing changed: the figures in force are the first file's.
    assert consolidation.consolidated_rows(city_db, CITY, FY) == before == everything
    matrix = consolidation.matrix(city_db, CITY, FY, today=TODAY)
    assert matrix.cells[("02", 202309)].state == "conflict"
    assert matrix.cells[("02", 202308)].state == "received"  # identical figures: no conflict
    with city_db.session() as s:
        assert s.scalar(select(func.count()).select_from(TallyChoice)) == 0

    # The user chooses the newer file: now, and only now, its figures count.
    consolidation.choose(city_db, CITY, FY, "02", 202309, new.file_id)
    after = consolidation.consolidated_rows(city_db, CITY, FY)
    assert after == _changed(before, branch="02") != before
    matrix = consolidation.matrix(city_db, CITY, FY, today=TODAY)
    assert matrix.cells[("02", 202309)].state == "chosen" and not matrix.conflicts
    with city_db.session() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "choose")).all()
    assert len(audit) == 1 and audit[0].entity_id == new.file_id
    assert audit[0].detail == "fy=2023 branch=02 month=2023-09"

    # A third, different file reopens the question; the choice stays in force.
    third = tmp_path / "tally_02_third.csv"
    tally_file.write_csv(_changed(tally_file.read_csv(paths[1]), delta=7), third)
    result = consolidation.receive_files(city_db, CITY, [third],
                                         now=clock.utcnow() + dt.timedelta(days=1))
    assert len(result.conflicts) == 1
    assert consolidation.consolidated_rows(city_db, CITY, FY) == after


def test_conflicts_within_one_batch_and_choosing_the_newest(branch_files, city_db, tmp_path):
    _, _, paths, everything = branch_files
    second = tmp_path / "again_03.csv"
    tally_file.write_csv(_changed(tally_file.read_csv(paths[2]), month="2024-02"), second)
    result = consolidation.receive_files(city_db, CITY, [paths[2], second], now=AFTER)
    assert [(c.branch_code, c.month) for c in result.conflicts] == [("03", 202402)]
    decided = consolidation.choose_many(city_db, CITY,
                                        consolidation.newest_choices(result.conflicts))
    assert decided == 1


def test_files_received_while_a_month_runs_are_provisional(branch_files, city_db, tmp_path):
    _, _, paths, _ = branch_files
    early = dt.datetime(2023, 9, 15, 3, 0)  # during September 2023
    consolidation.receive_files(city_db, CITY, [paths[0]], now=early)
    matrix = consolidation.matrix(city_db, CITY, FY, today=TODAY)
    cells = {m: matrix.cells[("01", m)].state for m in matrix.months}
    assert cells[202308] == "received"
    assert cells[202309] == "provisional"
    assert cells[202310] == "missing"  # the file came before October began
    assert matrix.cells[("02", 202304)].state == "missing"
    # A later file, with different September figures, takes over without a conflict.
    later = tmp_path / "later_01.csv"
    tally_file.write_csv(_changed(tally_file.read_csv(paths[0])), later)
    result = consolidation.receive_files(city_db, CITY, [later], now=AFTER)
    assert not result.conflicts
    matrix = consolidation.matrix(city_db, CITY, FY, today=TODAY)
    assert matrix.cells[("01", 202309)].state == "received"
    rows = consolidation.consolidated_rows(city_db, CITY, FY)
    assert rows == sorted(_changed(tally_file.read_csv(paths[0])), key=counting.sort_key)


def test_months_not_ended_are_not_missing(city_db):
    matrix = consolidation.matrix(city_db, CITY, 2026, today=dt.date(2026, 11, 26))
    states = [matrix.cells[("01", m)].state for m in matrix.months]
    assert states == ["missing"] * 7 + ["future"] * 5


def test_bad_files_are_refused_whole_and_duplicates_ignored(branch_files, city_db, tmp_path):
    _, _, paths, _ = branch_files
    bad = tmp_path / "bad.csv"
    bad.write_text("fiscal_year,month\n2023,2023-04\n", encoding="utf-8")
    result = consolidation.receive_files(city_db, CITY, [bad, paths[0]], now=AFTER)
    assert len(result.files) == 1 and len(result.errors) == 1
    assert "bad.csv" in result.errors[0] and "見出し" in result.errors[0]
    again = consolidation.receive_files(city_db, CITY, [paths[0]], now=AFTER)
    assert again.duplicates == [paths[0].name] and not again.files
    with city_db.session() as s:
        assert s.scalar(select(func.count()).select_from(TallyFile)) == 1


def test_export_and_remove(branch_files, city_db, tmp_path):
    _, _, paths, everything = branch_files
    result = consolidation.receive_files(city_db, CITY, paths, now=AFTER)
    out = tmp_path / "all.csv"
    consolidation.export_consolidated(city_db, CITY, FY, out)
    assert tally_file.read_csv(out) == everything
    consolidation.remove_file(city_db, CITY, result.files[0].id)
    assert {r.branch_code for r in consolidation.consolidated_rows(city_db, CITY, FY)} == {"02", "03"}


def test_only_the_city_office_consolidates(branch_files):
    db, _, paths, _ = branch_files
    with pytest.raises(ScopeError):
        consolidation.receive_files(db, coordinator_of(db, "01"), paths)
    with pytest.raises(ScopeError):
        consolidation.matrix(db, coordinator_of(db, "01"), FY)
