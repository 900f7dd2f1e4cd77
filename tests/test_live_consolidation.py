"""Live consolidation on a server database (issue 21): the city office's
figures read the branches whose records are in the database directly,
still take tally files from branches on their own SQLite, and the
coverage matrix says which is which. A file for a live branch is left
aside with a message, never counted twice."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator_app.core import counting
from coordinator_app.core.access import SignedIn
from coordinator_app.core.models import Branch
from coordinator_app.interchange import tally_file
from coordinator_app.services import consolidation
from coordinator_app.services import indicators as indicator_service
from tests.conftest import TODAY, open_test_db
from tests.tally_data import generate

CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
FY = 2023
AFTER = dt.datetime(2024, 5, 10, 3, 0)  # FY2023 has ended: every month is final
LIVE = ("01", "02", "03")


def _totals(rows, measure: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        if r.measure == measure and r.breakdown == "total":
            out[r.branch_code] = out.get(r.branch_code, 0) + r.count
    return out


@pytest.fixture
def server(db, tmp_path):
    """One database holding branches 01–03's records, the 4th branch known
    but on its own SQLite (its tally file made there), and a stray file
    for live branch 02 with other figures."""
    if db.engine.dialect.name == "sqlite":
        pytest.skip("live consolidation is for a server database")
    live = generate(db, branch_codes=LIVE, seed=21)
    with db.session() as s:
        s.add(Branch(code="04", name="テスト04支部", sort_order=4))
    local = open_test_db(str(tmp_path / "branch04.db"))
    try:
        own = generate(local, branch_codes=("04",), seed=4, per_branch=40)
        with local.session() as s:
            rows04 = counting.compute(s, FY, ["04"])
    finally:
        local.close()
    file04 = tmp_path / f"tally_04_{FY}_20240505.csv"
    tally_file.write_csv(rows04, file04)
    with db.session() as s:
        rows02 = [r._replace(count=r.count + 5) if r.breakdown == "total" else r
                  for r in counting.compute(s, FY, ["02"])]
    file02 = tmp_path / f"tally_02_{FY}_20240505.csv"
    tally_file.write_csv(rows02, file02)
    return db, live, own, rows04, file04, file02


def test_live_branches_and_a_file_branch_consolidate_to_the_brute_force_count(server):
    db, live, own, rows04, file04, file02 = server
    result = consolidation.receive_files(db, CITY, [file04, file02], now=AFTER)
    assert not result.errors and not result.conflicts
    assert len(result.files) == 2
    assert result.set_aside == [f"{file02.name}: 支部 02 はサーバーの記録から直接集計しているため、"
                                "このファイルのその支部の数字は使いません"]

    matrix = consolidation.matrix(db, CITY, FY, today=TODAY)
    assert matrix.sources == {"01": "live", "02": "live", "03": "live", "04": "file"}
    assert {matrix.cells[("02", m)].state for m in matrix.months} == {"live"}
    assert {matrix.cells[("04", m)].state for m in matrix.months} == {"received"}
    assert consolidation.SOURCE_LABELS == {"live": "直接（サーバー）", "file": "ファイル"}

    rows = consolidation.consolidated_rows(db, CITY, FY)
    with db.session() as s:
        from_records = counting.compute(s, FY, list(LIVE))
    assert rows == sorted(from_records + rows04, key=counting.sort_key)
    # Brute force, from what was generated: every branch once, 02 from its records.
    consultations = _totals(rows, "consultations")
    contacts = _totals(rows, "watch_contacts")
    for code in LIVE:
        assert consultations[code] == live.expected("consultations_all", FY, {code})
        assert contacts[code] == live.expected("watch_contacts", FY, {code})
    assert consultations["04"] == own.expected("consultations_all", FY, {"04"})
    assert contacts["04"] == own.expected("watch_contacts", FY, {"04"})

    # The indicators over the consolidation count all four branches, complete.
    results = indicator_service.evaluate(db, CITY, FY, source="consolidated", today=TODAY)
    by_code = {r.info.code: r.year for r in results}
    expected = live.expected("consultations_all", FY) + own.expected("consultations_all", FY)
    assert by_code["consultations_all"].actual == expected
    assert by_code["consultations_all"].gap == ""


def test_a_month_still_running_is_counted_live_as_it_goes(server):
    db, *_ = server
    this_fy = TODAY.year if TODAY.month >= 4 else TODAY.year - 1
    matrix = consolidation.matrix(db, CITY, this_fy, today=TODAY)
    this_month = TODAY.year * 100 + TODAY.month
    assert matrix.cells[("01", this_month)].state == "live"
    assert matrix.cells[("04", this_month)].state == "future"
    later = [m for m in matrix.months if m > this_month]
    assert all(matrix.cells[("01", m)].state == "future" for m in later)


def test_the_coverage_matrix_shows_which_branches_are_live_and_which_by_file(qtbot, server):
    from PySide6.QtCore import Qt

    from coordinator_app.ui.tallies.models import MatrixModel

    db, _, _, _, file04, _ = server
    consolidation.receive_files(db, CITY, [file04], now=AFTER)
    model = MatrixModel()
    model.set_matrix(consolidation.matrix(db, CITY, FY, today=TODAY))
    last = model.columnCount() - 1
    assert model.headerData(last, Qt.Horizontal) == "集計元・最終受信"
    shown = {model.data(model.index(r, 0)): model.data(model.index(r, last))
             for r in range(model.rowCount())}
    assert shown == {"01 テスト01支部": "直接（サーバー）", "02 テスト02支部": "直接（サーバー）",
                     "03 テスト03支部": "直接（サーバー）", "04 テスト04支部": "ファイル（令和6年5月10日）"}
    assert model.data(model.index(0, 1)) == "直接" and model.data(model.index(3, 1)) == "受信"
