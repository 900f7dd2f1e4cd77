"""The 集計・指標 screen as people use it: the monthly report shows exactly
the figures of ``counting.compute`` (what ``export tallies`` writes), a
figure opens the records behind it for the branch's coordinator only, the
file is exported from the screen; the city office loads files (dialog or
drag-and-drop), sees the matrix and decides a conflict; targets, overrides
and the evaluation sheet are edited on screen."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from coordinator_app.core import codes, counting
from coordinator_app.core.access import SignedIn
from coordinator_app.core.dates import era_of, fiscal_year_of
from coordinator_app.core.models import (
    AuditLog,
    EvaluationNarrative,
    Indicator,
    IndicatorYear,
)
from coordinator_app.interchange import tally_file
from coordinator_app.services import consolidation
from coordinator_app.services import indicators as service
from tests.conftest import TODAY, coordinator_of
from tests.helpers import make_context, type_japanese

CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
CURRENT_FY = fiscal_year_of(TODAY)
# A year that holds a month of the demo's records at least (on the first
# days of a fiscal year, the current one hardly holds any yet).
RECORDS_FY = fiscal_year_of(TODAY - dt.timedelta(days=31))


def open_screen(qtbot, db, user, tab: str | None = None):
    from coordinator_app.ui.tallies.screen import TalliesScreen

    ctx = make_context(db, user)
    screen = TalliesScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    if tab:
        screen.show_filter(tab)
    return ctx, screen


def wait_monthly(qtbot, page, fy: int | None = None) -> None:
    qtbot.waitUntil(lambda: page.view_data is not None and not page.loading
                    and (fy is None or page.view_data.fiscal_year == fy), timeout=15000)


def shown_grid(page) -> dict[tuple[str, str], list[int]]:
    """What the screen shows, read from the model's cells as text."""
    m = page.model
    out = {}
    for row in range(m.rowCount()):
        breakdown, key = m.row_at(row)[:2]
        cells = [int(m.data(m.index(row, col)).replace(",", ""))
                 for col in range(m.FIRST_MONTH, m.COL_TOTAL + 1)]
        out[(breakdown, key)] = cells
    return out


def assert_screen_equals_compute(page, rows) -> None:
    for i, measure in enumerate(codes.MEASURES):
        page.measures.setCurrentIndex(i)
        shown = shown_grid(page)
        expected: dict[tuple[str, str], list[int]] = {}
        for (branch, breakdown, key), values in counting.report_grid(rows, measure).items():
            cells = expected.setdefault((breakdown, key), [0] * 12)
            for j, v in enumerate(values):
                cells[j] += v
        for (breakdown, key), values in expected.items():
            total = values[-1] if measure in counting.STOCK_MEASURES else sum(values)
            assert shown[(breakdown, key)] == values + [total], (measure, breakdown, key)
        for (breakdown, key), values in shown.items():
            if (breakdown, key) not in expected:
                assert values == [0] * 13, (measure, breakdown, key)  # listed keys with no figure
        assert ("total", "") in shown


def test_the_screen_shows_exactly_the_figures_of_the_tally_file(qtbot, demo_db):
    coord = coordinator_of(demo_db, "01")
    ctx, screen = open_screen(qtbot, demo_db, coord)
    page = screen.monthly
    wait_monthly(qtbot, page, CURRENT_FY)
    for fy in (CURRENT_FY, CURRENT_FY - 1):
        page.year.set_value(fy)
        wait_monthly(qtbot, page, fy)
        with demo_db.session() as s:
            rows = counting.compute(s, fy, ["01"])
        assert_screen_equals_compute(page, rows)
    # The paper form lists every key, also those with no figure yet.
    page.set_measure("consultations")
    labels = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert "緊急対応" in labels and "その他" in labels
    assert page.model.headerData(14, Qt.Horizontal) == "合計"
    page.set_measure("watch_users_active")
    assert page.model.headerData(14, Qt.Horizontal) == "年度末"
    # The chart draws the monthly totals of the tab.
    assert page.chart.values == [float(v) for v in page.model.monthly_totals()]


def test_city_staff_see_all_branches_or_one(qtbot, demo_db):
    ctx, screen = open_screen(qtbot, demo_db, CITY)
    page = screen.monthly
    wait_monthly(qtbot, page)
    assert page.branch.count() == 14 and page.branch.currentData() == ""
    with demo_db.session() as s:
        everything = counting.compute(s, CURRENT_FY)
        branch_07 = counting.compute(s, CURRENT_FY, ["07"])
    assert_screen_equals_compute(page, everything)
    page.branch.setCurrentIndex(page.branch.findData("07"))
    qtbot.waitUntil(lambda: page.view_data.branch_code == "07", timeout=15000)
    assert_screen_equals_compute(page, branch_07)
    assert set(screen.pages) == {"monthly", "consolidation", "indicators", "evaluation",
                                  "projects"}


def test_a_coordinator_sees_only_their_branch(qtbot, demo_db):
    ctx, screen = open_screen(qtbot, demo_db, coordinator_of(demo_db, "03"))
    page = screen.monthly
    assert page.branch.count() == 1 and not page.branch.isEnabled()
    assert page.branch.currentData() == "03"
    assert set(screen.pages) == {"monthly", "indicators"}


def double_click(qtbot, view, row: int, col: int) -> None:
    index = view.model().index(row, col)
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=pos)


def _nonzero_cell(page, breakdown=None):
    m = page.model
    for row in range(m.rowCount()):
        if breakdown is not None and m.row_at(row)[0] != breakdown:
            continue
        for col in range(m.FIRST_MONTH, m.COL_TOTAL):
            if m.value(row, col):
                return row, col
    raise AssertionError("no figure to click")


@pytest.mark.parametrize("measure, breakdown", [
    ("consultations", "total"), ("consultations", "category"), ("watch_contacts", "result"),
    ("watch_users_active", "total"), ("volunteers_active", "role"),
    ("volunteer_participations", "total"), ("watch_users_unreached", "total"),
])
def test_a_figure_opens_the_records_behind_it(qtbot, demo_db, measure, breakdown):
    ctx, screen = open_screen(qtbot, demo_db, coordinator_of(demo_db, "01"))
    page = screen.monthly
    wait_monthly(qtbot, page)
    page.year.set_value(RECORDS_FY)
    wait_monthly(qtbot, page, RECORDS_FY)
    page.set_measure(measure)
    row, col = _nonzero_cell(page, breakdown)
    figure = page.model.value(row, col)
    double_click(qtbot, page.table, row, col)
    qtbot.waitUntil(lambda: page.records_dialog is not None, timeout=10000)
    dialog = page.records_dialog
    assert dialog.model.rowCount() == figure
    assert all(dialog.model.data(dialog.model.index(r, 1)) for r in range(figure))
    with demo_db.session() as s:
        assert s.scalar(select(AuditLog).where(AuditLog.entity == "tally_records")) is not None


def test_city_staff_are_refused_the_records(qtbot, demo_db):
    ctx, screen = open_screen(qtbot, demo_db, CITY)
    page = screen.monthly
    wait_monthly(qtbot, page)
    row, col = _nonzero_cell(page)
    double_click(qtbot, page.table, row, col)
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "コーディネーターだけ" in boxes[0].text()
    assert page.records_dialog is None


def test_export_from_the_screen(qtbot, demo_db, tmp_path):
    ctx, screen = open_screen(qtbot, demo_db, coordinator_of(demo_db, "01"))
    page = screen.monthly
    wait_monthly(qtbot, page)
    name = page.suggested_name("csv")
    assert name == f"tally_01_{CURRENT_FY}_{TODAY:%Y%m%d}.csv"
    page.export_to(tmp_path / name, "csv")
    qtbot.waitUntil(lambda: (tmp_path / name).exists() and "書き出しました" in page.status.text(),
                    timeout=10000)
    from coordinator_app import cli

    cli_out = tmp_path / "cli.csv"
    assert cli.main(["--db", demo_db.url, "export", "tallies", "--fiscal-year", str(CURRENT_FY),
                     "--branch", "01", "--out", str(cli_out)]) == 0
    assert (tmp_path / name).read_bytes() == cli_out.read_bytes()
    xlsx = tmp_path / page.suggested_name("xlsx")
    page.export_to(xlsx, "xlsx")
    qtbot.waitUntil(xlsx.exists, timeout=10000)
    import openpyxl

    assert openpyxl.load_workbook(xlsx).sheetnames[0] == codes.MEASURE_LABELS["consultations"]


# --- consolidation ------------------------------------------------------------------

@pytest.fixture
def branch_files(demo_db, tmp_path):
    fy = CURRENT_FY - 1  # ended: every month is final
    paths = []
    with demo_db.session() as s:
        for code in ("01", "02", "03"):
            path = tmp_path / f"tally_{code}_{fy}.csv"
            tally_file.write_csv(counting.compute(s, fy, [code]), path)
            paths.append(path)
    return fy, paths


def wait_matrix(qtbot, page, fy):
    qtbot.waitUntil(lambda: page.current is not None and page.current.fiscal_year == fy
                    and page.matrix_model.rowCount() > 0, timeout=15000)


def test_the_city_office_loads_files_and_sees_the_matrix(qtbot, demo_db, branch_files):
    fy, paths = branch_files
    ctx, screen = open_screen(qtbot, demo_db, CITY, "consolidation")
    page = screen.consolidation
    page.load_files(paths[:2])
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)
    wait_matrix(qtbot, page, fy)
    qtbot.waitUntil(lambda: page.current.last_received.get("02") is not None, timeout=10000)
    m = page.matrix_model
    rows = {m.row_at(r)[0]: r for r in range(m.rowCount())}
    assert [m.data(m.index(rows["01"], c)) for c in range(1, 13)] == ["受信"] * 12
    assert [m.data(m.index(rows["05"], c)) for c in range(1, 13)] == ["未着"] * 12

    # Drag and drop the third file onto the page.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(paths[2]))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    page.last_result = None
    page.dropEvent(QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)
    qtbot.waitUntil(lambda: page.current.last_received.get("03") is not None, timeout=10000)
    rows = {m.row_at(r)[0]: r for r in range(m.rowCount())}
    assert m.data(m.index(rows["03"], 1)) == "受信"
    assert page.files_model.rowCount() == 3


def test_a_conflict_is_shown_and_decided_on_screen(qtbot, demo_db, branch_files, tmp_path):
    fy, paths = branch_files
    consolidation.receive_files(demo_db, CITY, paths)
    before = consolidation.consolidated_rows(demo_db, CITY, fy)
    month = f"{fy}-09"
    changed = [r._replace(count=r.count + 1) if (r.month == month and r.measure == "watch_contacts"
                                                   and r.breakdown == "total") else r
               for r in tally_file.read_csv(paths[0])]
    resent = tmp_path / "tally_01_resent.csv"
    tally_file.write_csv(changed, resent)
    ctx, screen = open_screen(qtbot, demo_db, CITY, "consolidation")
    page = screen.consolidation
    page.load_files([resent])
    qtbot.waitUntil(lambda: page.conflict_dialog is not None, timeout=15000)
    dialog = page.conflict_dialog
    assert dialog.list_model.rowCount() == 1
    assert consolidation.consolidated_rows(demo_db, CITY, fy) == before  # nothing changed yet
    wait_matrix(qtbot, page, fy)
    qtbot.waitUntil(lambda: bool(page.current.conflicts), timeout=10000)
    m = page.matrix_model
    row = next(r for r in range(m.rowCount()) if m.row_at(r)[0] == "01")
    assert m.data(m.index(row, 6)) == "食い違い"  # September
    # The compare table highlights the differing measure.
    cm = dialog.compare_model
    diff = [cm.data(cm.index(r, 0)) for r in range(cm.rowCount())
            if cm.data(cm.index(r, 1), Qt.BackgroundRole) is not None]
    assert diff == [codes.MEASURE_LABELS["watch_contacts"]]
    dialog.choice.setCurrentIndex(dialog.choice.count() - 1)  # the resent file
    qtbot.mouseClick(dialog.adopt, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.current.conflicts, timeout=15000)
    assert m.data(m.index(row, 6)) == "選択済"
    assert consolidation.consolidated_rows(demo_db, CITY, fy) != before
    with demo_db.session() as s:
        assert s.scalar(select(AuditLog).where(AuditLog.action == "choose")) is not None


# --- 行事・サロン on the monthly report (issue 16) and the one-month export (#18) ----

def test_the_event_and_group_measures_are_shown_in_japanese(qtbot, demo_db):
    ctx, screen = open_screen(qtbot, demo_db, coordinator_of(demo_db, "01"))
    page = screen.monthly
    wait_monthly(qtbot, page, CURRENT_FY)
    tabs = [page.measures.tabText(i) for i in range(page.measures.count())]
    assert [codes.MEASURE_LABELS[m] for m in ("events_held", "event_participants",
                                              "event_volunteers", "groups_active")] == tabs[-4:]
    m = page.model
    page.set_measure("event_participants")
    assert [m.data(m.index(r, 0)) for r in range(2)] == ["合計", "種別"]  # not 区分
    # Every kind of the list, in its order, also those with no figure yet.
    assert [m.data(m.index(r, 1)) for r in range(1, m.rowCount())] == list(
        codes.DEFAULT_EVENT_KINDS.values())
    page.set_measure("groups_active")
    assert m.data(m.index(1, 0)) == "種別" and m.data(m.index(1, 1)) == "サロン"
    assert m.headerData(14, Qt.Horizontal) == "年度末"  # a stock, like volunteers
    assert page.chart.values == [float(v) for v in m.monthly_totals()]
    assert page.chart.title == "サロン等の活動数（各月末）"  # month-end figures, not sums
    assert sum(m.monthly_totals()) > 0


@pytest.mark.parametrize("measure, breakdown", [("events_held", "kind"), ("groups_active", "kind")])
def test_a_figure_opens_the_events_or_groups_behind_it(qtbot, demo_db, measure, breakdown):
    ctx, screen = open_screen(qtbot, demo_db, coordinator_of(demo_db, "01"))
    page = screen.monthly
    wait_monthly(qtbot, page, CURRENT_FY)
    page.set_measure(measure)
    row, col = _nonzero_cell(page, breakdown)
    figure, kind = page.model.value(row, col), page.model.data(page.model.index(row, 1))
    double_click(qtbot, page.table, row, col)
    qtbot.waitUntil(lambda: page.records_dialog is not None, timeout=10000)
    rm = page.records_dialog.model
    assert rm.rowCount() == figure
    assert rm.headerData(1, Qt.Horizontal) == "名称"  # an event's title, a group's name
    assert all(rm.data(rm.index(r, 2)).startswith(kind) for r in range(figure))


def test_one_month_is_exported_from_the_screen(qtbot, demo_db, tmp_path):
    ctx, screen = open_screen(qtbot, demo_db, coordinator_of(demo_db, "01"))
    page = screen.monthly
    wait_monthly(qtbot, page, CURRENT_FY)
    assert page.period.currentText() == "年度全体" and page.export_month() is None
    page.period.setCurrentIndex(page.period.findData(CURRENT_FY * 100 + 10))
    assert page.period.currentText() == "10月"
    name = page.suggested_name("csv")
    assert name == f"tally_01_{CURRENT_FY}-10_{TODAY:%Y%m%d}.csv"  # the name says the month
    page.export_to(tmp_path / name, "csv")
    qtbot.waitUntil(lambda: (tmp_path / name).exists() and "書き出しました" in page.status.text(),
                    timeout=10000)
    from coordinator_app import cli

    cli_out = tmp_path / "cli.csv"
    assert cli.main(["--db", demo_db.url, "export", "tallies", "--month", f"{CURRENT_FY}-10",
                     "--branch", "01", "--out", str(cli_out)]) == 0
    assert (tmp_path / name).read_bytes() == cli_out.read_bytes()
    rows = tally_file.read_csv(cli_out)
    assert {r.month for r in rows} == {f"{CURRENT_FY}-10"}
    page.year.set_value(CURRENT_FY - 1)  # another year keeps the month's place
    assert page.export_month() == (CURRENT_FY - 1) * 100 + 10


def test_measures_a_file_does_not_report_are_shown_as_such(qtbot, demo_db, branch_files,
                                                           tmp_path):
    """A file written before the event measures existed: received, its
    cells marked ※ with the measures named. The same months sent again by
    the current app fill them in without asking; where the figures differ
    too, the two files side by side read 未報告, never 0."""
    fy, paths = branch_files
    new = ("events_held", "event_participants", "event_volunteers", "groups_active")
    old = tmp_path / "tally_01_old.csv"
    old.write_bytes(b"\r\n".join(x for x in paths[0].read_bytes().split(b"\r\n")
                                  if not any(f",{m},".encode() in x for m in new)))
    consolidation.receive_files(demo_db, CITY, [old])
    ctx, screen = open_screen(qtbot, demo_db, CITY, "consolidation")
    page = screen.consolidation
    page.year.set_value(fy)
    wait_matrix(qtbot, page, fy)
    m = page.matrix_model
    row = next(r for r in range(m.rowCount()) if m.row_at(r)[0] == "01")
    assert [m.data(m.index(row, c)) for c in range(1, 13)] == ["受信※"] * 12
    tip = m.data(m.index(row, 1), Qt.ToolTipRole)
    assert "未報告" in tip and codes.MEASURE_LABELS["groups_active"] in tip
    assert "未報告" in page.summary.text()

    month = f"{fy}-09"
    changed = [r._replace(count=r.count + 1) if (r.month == month and r.measure == "watch_contacts"
                                                   and r.breakdown == "total") else r
               for r in tally_file.read_csv(paths[0])]
    resent = tmp_path / "tally_01_resent.csv"
    tally_file.write_csv(changed, resent)
    page.load_files([resent])
    qtbot.waitUntil(lambda: page.conflict_dialog is not None, timeout=15000)
    dialog = page.conflict_dialog
    assert dialog.list_model.rowCount() == 1  # September only: the other months are filled in
    cm = dialog.compare_model
    shown = {cm.data(cm.index(r, 0)): (cm.data(cm.index(r, 1)), cm.data(cm.index(r, 2)))
             for r in range(cm.rowCount())}
    for measure in new:
        assert shown[codes.MEASURE_LABELS[measure]][0] == "未報告"
        assert shown[codes.MEASURE_LABELS[measure]][1].replace(",", "").isdigit()
    dialog.close()
    qtbot.waitUntil(lambda: page.files_model.rowCount() == 2 and bool(page.current.conflicts),
                    timeout=15000)
    cells = [m.data(m.index(row, c)) for c in range(1, 13)]
    assert cells == ["受信"] * 5 + ["食い違い※"] + ["受信"] * 6  # the old file until chosen


# --- indicators and the evaluation sheet --------------------------------------------

def wait_indicators(qtbot, page):
    qtbot.waitUntil(lambda: bool(page.results) and page.params()[0] == page.results[0].year.fiscal_year,
                    timeout=15000)


def test_targets_are_typed_in_the_year_table_and_grades_follow(qtbot, demo_db):
    ctx, screen = open_screen(qtbot, demo_db, CITY, "indicators")
    page = screen.indicators
    wait_indicators(qtbot, page)
    page.select("volunteers")
    r = page.current()
    assert r.info.code == "volunteers"
    ym = page.years_model
    row = next(i for i in range(ym.rowCount()) if ym.row_at(i).fiscal_year == CURRENT_FY)
    index = ym.index(row, ym.COL_TARGET)
    assert ym.flags(index) & Qt.ItemIsEditable
    assert not ym.flags(ym.index(row, ym.COL_ACTUAL)) & Qt.ItemIsEditable  # computed
    actual = int(r.year.actual)
    page.results = []
    ym.setData(index, str(actual))  # exactly 100 %
    qtbot.waitUntil(lambda: bool(page.results), timeout=15000)
    with demo_db.session() as s:
        ind = s.scalar(select(Indicator).where(Indicator.code == "volunteers"))
        assert s.get(IndicatorYear, (ind.id, CURRENT_FY)).target_number == actual
    tm = page.model
    assert tm.data(tm.index(tm.row_of("volunteers"), tm.COL_GRADE)) == "提案 A"  # not decided
    # the trend chart shows the plan years with the actual and the target
    label = f"R{era_of(dt.date(CURRENT_FY, 4, 1))[2]}"  # 令和 year of the fiscal year
    assert page.chart.targets[page.chart.labels.index(label)] == actual


def test_the_evaluator_decides_the_grade_beside_the_proposal(qtbot, demo_db):
    service.set_target(demo_db, CITY, "watch_contacts", CURRENT_FY, "999999")
    ctx, screen = open_screen(qtbot, demo_db, CITY, "indicators")
    page = screen.indicators
    wait_indicators(qtbot, page)
    page.select("watch_contacts")
    ym = page.years_model
    row = next(i for i in range(ym.rowCount()) if ym.row_at(i).fiscal_year == CURRENT_FY)
    assert ym.data(ym.index(row, ym.COL_PROPOSED)) == "C"
    assert ym.data(ym.index(row, ym.COL_GRADE)) == ""
    page.years.setCurrentIndex(ym.index(row, 0))
    page.decide_grade()
    dialog = page.dialog
    assert dialog.grade.currentData() == "C"  # starts on the proposal
    dialog.grade.setCurrentIndex(dialog.grade.findData("B"))
    type_japanese(dialog.memo, "年度途中のため")
    page.results = []
    dialog.save()
    qtbot.waitUntil(lambda: bool(page.results), timeout=15000)
    tm = page.model
    assert tm.data(tm.index(tm.row_of("watch_contacts"), tm.COL_GRADE)) == "B"
    with demo_db.session() as s:
        ind = s.scalar(select(Indicator).where(Indicator.code == "watch_contacts"))
        year = s.get(IndicatorYear, (ind.id, CURRENT_FY))
        assert (year.grade_override, year.override_reason) == ("B", "年度途中のため")


def test_coordinators_read_indicators_of_their_branch_only(qtbot, demo_db):
    coord = coordinator_of(demo_db, "02")
    ctx, screen = open_screen(qtbot, demo_db, coord, "indicators")
    page = screen.indicators
    wait_indicators(qtbot, page)
    assert page.source.count() == 1 and page.branch.currentData() == "02"
    assert not page.years_model.flags(page.years_model.index(0, 1)) & Qt.ItemIsEditable
    assert not page.decide.isVisible()
    mine = {r.info.code: r.year.actual for r in service.evaluate(demo_db, coord, CURRENT_FY)}
    assert {r.info.code: r.year.actual for r in page.results} == mine


def test_the_evaluation_sheet_is_typed_saved_and_printed(qtbot, demo_db, tmp_path):
    ctx, screen = open_screen(qtbot, demo_db, CITY, "evaluation")
    page = screen.evaluation
    qtbot.waitUntil(lambda: page.loaded_key is not None, timeout=15000)
    assert page.loaded_key == ("consultations_all", CURRENT_FY)
    type_japanese(page.narrative_edits["activities"], "拠点で相談を受けた")
    type_japanese(page.narrative_edits["committee"], "着実に進んでいる")
    type_japanese(page.heading_edits["goal"], "市民の暮らしを支える")
    assert page.dirty
    qtbot.keyClick(page.narrative_edits["committee"], Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not page.dirty, timeout=10000)
    with demo_db.session() as s:
        ind = s.scalar(select(Indicator).where(Indicator.code == "consultations_all"))
        n = s.get(EvaluationNarrative, (ind.id, CURRENT_FY))
        assert (n.activities, n.committee) == ("拠点で相談を受けた", "着実に進んでいる")
        assert ind.goal == "市民の暮らしを支える"
    # Switching indicator and back keeps what was saved.
    page.indicator.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.loaded_key == ("consultations_proper", CURRENT_FY), timeout=10000)
    assert page.narrative_edits["activities"].toPlainText() == ""
    page.indicator.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.loaded_key == ("consultations_all", CURRENT_FY), timeout=10000)
    assert page.narrative_edits["activities"].toPlainText() == "拠点で相談を受けた"
    if shutil.which("pdftotext"):
        out = tmp_path / "sheet.pdf"
        page.export_pdf(out)
        qtbot.waitUntil(lambda: "書き出しました" in page.status.text(), timeout=20000)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "拠点で相談を受けた" in text.replace("\n", "")
