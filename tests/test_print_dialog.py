"""The print dialog and the register view, as a coordinator and an
administrator use them: choose a list, switch a column off, say for whom,
print (off the UI thread), and record the shredding."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from coordinator_app.core.models import PrintRecord
from coordinator_app.core.access import SignedIn
from coordinator_app.ui.printing import dialog as dialog_module
from coordinator_app.ui.printing.dialog import PrintDialog
from coordinator_app.ui.printing.register import RegisterView
from coordinator_app.ui.printing.screen import PrintingScreen
from tests.conftest import TODAY, coordinator_of
from tests.helpers import make_context, type_japanese

ADMIN = SignedIn(8, "admin", "管理者", "admin", None, None, None)
CITY = SignedIn(9, "city", "市社協", "city_staff", None, None, None)


@pytest.fixture
def opened(monkeypatch):
    paths = []
    monkeypatch.setattr(dialog_module, "open_in_viewer", lambda path: paths.append(path) or True)
    return paths


def make_dialog(qtbot, db, user, kind, tmp_path):
    ctx = make_context(db, user)
    dlg = PrintDialog(ctx, kind, today=TODAY, folder=tmp_path)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    return ctx, dlg


def test_coordinator_prints_a_phone_round_sheet_without_phone_numbers(qtbot, demo_db, tmp_path,
                                                                      opened):
    ctx, dlg = make_dialog(qtbot, demo_db, coordinator_of(demo_db, "01"), "watch_users", tmp_path)
    qtbot.waitUntil(lambda: dlg.preview.pixmap() is not None and not dlg.preview.pixmap().isNull(),
                    timeout=15000)
    assert "見守り電話確認リスト" in dlg.summary.text() and "名" in dlg.summary.text()
    phone = dlg.column_checks["phone"]
    assert phone.isChecked() and not dlg.column_checks["birth_date"].isChecked()
    phone.setFocus()
    qtbot.keyClick(phone, Qt.Key_Space)
    assert not phone.isChecked()

    qtbot.keyClick(dlg, Qt.Key_P, Qt.ControlModifier)  # no recipient yet: refused
    assert "渡す相手" in dlg.error.text()
    with demo_db.session() as s:
        assert s.scalars(select(PrintRecord)).all() == []

    type_japanese(dlg.recipient, "東町自治会 会長")
    dlg.copies.setValue(2)
    seen = []
    ctx.changes.changed.connect(seen.append)
    qtbot.keyClick(dlg, Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: dlg.printed is not None, timeout=15000)
    assert opened == [dlg.printed.path] and dlg.printed.path.parent == tmp_path
    assert seen == ["print"]
    with demo_db.session() as s:
        row = s.scalars(select(PrintRecord)).one()
    assert row.recipient == "東町自治会 会長" and row.copies == 2 and "phone" not in row.columns
    text = subprocess.run(["pdftotext", "-layout", str(dlg.printed.path), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "電話番号" not in text and "048-000-" not in text
    assert "控番号 1" in text and "控番号 2" in text
    assert "印刷台帳 No." in dlg.summary.text()


def test_list_choice_changes_filters_and_columns(qtbot, demo_db, tmp_path, opened):
    _, dlg = make_dialog(qtbot, demo_db, coordinator_of(demo_db, "01"), "volunteers", tmp_path)
    assert dlg.form.isRowVisible(dlg.role) and not dlg.form.isRowVisible(dlg.cooperator)
    assert "skills" in dlg.column_checks
    dlg.kind.setCurrentIndex(dlg.kind.findData("labels"))
    assert dlg.form.isRowVisible(dlg.offset_x) and not dlg.columns_box.isVisibleTo(dlg)
    assert not dlg.copies.isEnabled()
    dlg.kind.setCurrentIndex(dlg.kind.findData("branches"))
    assert dlg.notice.text() == ""  # no personal data
    dlg.kind.setFocus()
    qtbot.keyClick(dlg.kind, Qt.Key_P, Qt.ControlModifier)  # no recipient needed
    qtbot.waitUntil(lambda: dlg.printed is not None, timeout=15000)
    assert dlg.printed.kind == "branches" and dlg.printed.copy_numbers == []


def test_city_staff_can_print_only_lists_without_names(qtbot, demo_db, tmp_path, opened):
    _, dlg = make_dialog(qtbot, demo_db, CITY, "monthly", tmp_path)
    kinds = [dlg.kind.itemData(i) for i in range(dlg.kind.count())]
    assert kinds == ["branches", "monthly"]
    assert dlg.form.isRowVisible(dlg.branch) and dlg.form.isRowVisible(dlg.month)
    qtbot.waitUntil(lambda: "月報" in dlg.summary.text(), timeout=15000)


def test_unticking_every_column_is_refused(qtbot, demo_db, tmp_path, opened):
    _, dlg = make_dialog(qtbot, demo_db, coordinator_of(demo_db, "01"), "volunteers", tmp_path)
    for check in dlg.column_checks.values():
        check.setChecked(False)
    type_japanese(dlg.recipient, "会長")
    dlg.print_now()
    assert "列を1つ以上" in dlg.error.text() and dlg.printed is None


def test_admin_records_that_a_copy_was_shredded(qtbot, demo_db, tmp_path):
    from coordinator_app.services import printing

    printing.print_list(demo_db, coordinator_of(demo_db, "01"), printing.PrintRequest(
        kind="volunteers", recipient="サロン代表"), tmp_path / "v.pdf", today=TODAY)
    ctx = make_context(demo_db, ADMIN)
    view = RegisterView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    model = view.model
    assert model.data(model.index(0, model.COL_LIST)) == "ボランティア名簿"
    assert model.data(model.index(0, model.COL_RECIPIENT)) == "サロン代表"
    assert model.data(model.index(0, model.COL_DISPOSAL)) == "未返却"
    view.table.selectRow(0)
    dlg = view.record_selected()
    qtbot.addWidget(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    assert dlg.shredded.isChecked()
    type_japanese(dlg.note, "支部で細断")
    qtbot.keyClick(dlg.note, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "細断" in (model.data(model.index(0, model.COL_DISPOSAL)) or ""),
                    timeout=10000)
    with demo_db.session() as s:
        row = s.scalars(select(PrintRecord)).one()
    assert row.disposal == "shredded" and row.disposal_note == "支部で細断"


@pytest.mark.parametrize("user_kind", ["coordinator", "city", "admin"])
def test_printing_screen_offers_what_each_role_may_print(qtbot, demo_db, user_kind, tmp_path,
                                                         opened, monkeypatch):
    user = {"coordinator": coordinator_of(demo_db, "01"), "city": CITY, "admin": ADMIN}[user_kind]
    screen = PrintingScreen(make_context(demo_db, user))
    qtbot.addWidget(screen)
    expected = {"coordinator": 9, "city": 2, "admin": 1}[user_kind]
    assert len(screen.buttons) == expected
    assert (screen.register is not None) == (user_kind != "city")
    screen.show_filter("branches")
    assert screen.dialog is not None and screen.dialog.current_kind() == "branches"
    qtbot.addWidget(screen.dialog)
    screen.dialog.reject()
    if screen.register is not None:
        qtbot.waitUntil(lambda: "件" in screen.register.status.text(), timeout=10000)
    QApplication.processEvents()
