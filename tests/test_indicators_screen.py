"""The 指標 screen and its definition dialog as an administrator uses them:
a cumulative indicator's 「記録開始前の累計」 is typed in the dialog, saved
(audited), added to the actual and shown on the screen and the printed
sheet; an event indicator's breakdown reads 種別 with the event kinds."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from sqlalchemy import select

from coordinator_app.core.access import SignedIn
from coordinator_app.core.models import AuditLog
from coordinator_app.services import indicators as service
from tests.conftest import TODAY
from tests.helpers import make_context

ADMIN = SignedIn(0, "admin1", "管理者", "admin", None, None, None)


def open_page(qtbot, db):
    from coordinator_app.ui.tallies.screen import TalliesScreen

    screen = TalliesScreen(make_context(db, ADMIN))
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    screen.show_filter("indicators")
    page = screen.indicators
    qtbot.waitUntil(lambda: bool(page.results), timeout=15000)
    return page


def test_the_starting_total_is_typed_in_the_dialog_and_shown(qtbot, demo_db, tmp_path):
    page = open_page(qtbot, demo_db)
    page.select("course_participants")
    before = page.current().year.actual
    page.edit_indicator()
    dialog = page.dialog
    assert dialog.start_total.isEnabled()  # cumulative
    assert dialog.breakdown.currentText() == "種別"
    assert dialog.key.currentText() == "講座・研修"
    dialog.start_total.setText("４５８人")  # as typed, full-width and with the unit
    page.results = []
    dialog.save()
    qtbot.waitUntil(lambda: bool(page.results), timeout=15000)
    page.select("course_participants")
    assert page.current().info.start_total == 458
    assert page.current().year.actual == before + 458
    assert "記録開始前の累計 458" in page.describe.text()
    with demo_db.session() as s:
        assert any("start_total=458" in d for d in s.scalars(
            select(AuditLog.detail).where(AuditLog.entity == "indicator")))
    # a flow indicator has no years before the records
    page.select("forum_participants")
    page.edit_indicator()
    assert not page.dialog.start_total.isEnabled()
    assert page.dialog.key.currentText() == "地域福祉懇談会"
    page.dialog.reject()
    if shutil.which("pdftotext"):
        out = tmp_path / "sheet.pdf"
        service.export_pdf(demo_db, ADMIN, page.params()[0], out, today=TODAY)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                              text=True).stdout.replace("\n", "")
        assert "記録開始前の累計 458" in text


@pytest.mark.parametrize("bad", ["たくさん", "-5"])
def test_a_bad_starting_total_is_refused_and_nothing_changes(qtbot, demo_db, bad):
    page = open_page(qtbot, demo_db)
    page.select("course_participants")
    page.edit_indicator()
    dialog = page.dialog
    dialog.start_total.setText(bad)
    dialog.save()
    qtbot.waitUntil(lambda: "記録開始前の累計" in dialog.error.text(), timeout=10000)
    assert service.get_indicator(demo_db, ADMIN, "course_participants").start_total is None


CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)


def test_a_year_before_the_records_is_typed_marked_and_noted_on_screen(qtbot, demo_db):
    from coordinator_app.ui.tallies.models import YearTableModel

    service.save_plan(demo_db, CITY, "計画", 2021, 2025, records_from=2024)
    page = open_page(qtbot, demo_db)
    page.select("consultations_all")
    ym = page.years_model
    row = {ym.row_at(i).fiscal_year: i for i in range(ym.rowCount())}
    from PySide6.QtCore import Qt

    assert ym.flags(ym.index(row[2021], YearTableModel.COL_ACTUAL)) & Qt.ItemIsEditable
    assert not ym.flags(ym.index(row[2024], YearTableModel.COL_ACTUAL)) & Qt.ItemIsEditable
    page.results = []
    ym.setData(ym.index(row[2021], YearTableModel.COL_ACTUAL), "21911")
    qtbot.waitUntil(lambda: bool(page.results), timeout=15000)
    page.select("consultations_all")
    ym = page.years_model
    assert ym.data(ym.index(row[2021], YearTableModel.COL_ACTUAL)) == "21,911件（入力）"
    assert ym.data(ym.index(row[2022], YearTableModel.COL_ACTUAL)) == ""  # nothing typed: no 0
    page.results = []
    ym.setData(ym.index(row[2021], YearTableModel.COL_NOTE), "H30から相談と連絡・問い合わせを区別")
    qtbot.waitUntil(lambda: bool(page.results), timeout=15000)
    page.select("consultations_all")
    assert "令和3年度: H30から相談と連絡・問い合わせを区別" in page.notes.text()
