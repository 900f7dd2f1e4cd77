"""設定 and 監査ログ as an administrator uses them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coordinator_app.services import accounts, admin
from tests.conftest import TODAY
from tests.helpers import make_context, type_japanese
from tests.shell_helpers import (  # noqa: F401
    PASSWORDS,
    SECRET_SUMMARY,
    add_consultation,
    audit_rows,
    fast_hashing,
    make_accounts,
    qsettings,
)


def _settings(qtbot, db, user):
    from coordinator_app.ui.settings.screen import SettingsScreen

    db.actor = user.login
    screen = SettingsScreen(make_context(db, user))
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_admin_creates_a_coordinator_account_by_keyboard(qtbot, demo_db, qsettings):
    users = make_accounts(demo_db)
    screen = _settings(qtbot, demo_db, users["admin"])
    screen.show_filter("accounts")
    tab = screen.tab("accounts")
    tab.new()
    qtbot.keyClicks(tab.login, "coord05")
    type_japanese(tab.display_name, "見本 五郎")
    tab.role.setCurrentIndex(tab.role.findData("coordinator"))
    tab.branch.setCurrentIndex(tab.branch.findData("05"))
    qtbot.keyClicks(tab.password, "coord05-pass")
    before = len(audit_rows(demo_db))
    qtbot.mouseClick(tab.save_button, Qt.LeftButton)
    who = accounts.authenticate(demo_db, "coord05", "coord05-pass")
    assert (who.role, who.branch_code, who.display_name) == ("coordinator", "05", "見本 五郎")
    assert [(r.action, r.entity, r.actor) for r in audit_rows(demo_db)[before:before + 1]] == [
        ("create", "account", "admin")]
    assert tab.current().login == "coord05"
    assert "05" in tab.model.rows[[r.login for r in tab.model.rows].index("coord05")].branch_code


def test_a_bad_account_form_changes_nothing(qtbot, demo_db, qsettings, monkeypatch):
    users = make_accounts(demo_db)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    screen = _settings(qtbot, demo_db, users["admin"])
    tab = screen.tab("accounts")
    tab.new()
    qtbot.keyClicks(tab.login, "shorty")
    qtbot.keyClicks(tab.password, "short")
    before = len(admin.list_accounts(demo_db, users["admin"]))
    qtbot.mouseClick(tab.save_button, Qt.LeftButton)
    assert warnings and "8文字以上" in warnings[0]
    assert len(admin.list_accounts(demo_db, users["admin"])) == before


def test_idle_lock_minutes_are_set_in_settings(qtbot, demo_db, qsettings):
    users = make_accounts(demo_db)
    screen = _settings(qtbot, demo_db, users["admin"])
    tab = screen.tab("safety")
    tab.minutes.setValue(10)
    qtbot.mouseClick(tab.save_minutes, Qt.LeftButton)
    assert admin.idle_lock_minutes(demo_db) == 10
    assert audit_rows(demo_db, "update")[-1].detail == "idle_lock_minutes=10"


def test_coordinator_settings_have_no_administration(qtbot, demo_db, qsettings):
    users = make_accounts(demo_db)
    screen = _settings(qtbot, demo_db, users["coord01"])
    assert screen.keys == ["personal", "safety"]
    assert not hasattr(screen.tab("safety"), "minutes")


def test_language_choice_is_remembered(qtbot, demo_db, qsettings):
    from coordinator_app.ui import prefs

    users = make_accounts(demo_db)
    screen = _settings(qtbot, demo_db, users["city"])
    tab = screen.tab("personal")
    assert prefs.language() == "ja" and tab.language.currentData() == "ja"
    tab.language.setCurrentIndex(tab.language.findData("en"))
    assert prefs.language() == "en"


def test_own_password_change(qtbot, demo_db, qsettings):
    users = make_accounts(demo_db)
    screen = _settings(qtbot, demo_db, users["coord01"])
    tab = screen.tab("personal")
    qtbot.keyClicks(tab.current, PASSWORDS["coord01"])
    qtbot.keyClicks(tab.new, "a-new-password")
    qtbot.keyClicks(tab.confirm, "a-new-password")
    qtbot.mouseClick(tab.change_button, Qt.LeftButton)
    assert "変更しました" in tab.message.text()
    assert accounts.authenticate(demo_db, "coord01", "a-new-password").login == "coord01"


def test_audit_screen_filters_and_exports(qtbot, demo_db, qsettings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    users = make_accounts(demo_db)
    add_consultation(demo_db, users["coord01"], TODAY)
    screen = _settings(qtbot, demo_db, users["admin"])
    screen.show_filter("audit")
    view = screen.tab("audit")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    view.action.setCurrentIndex(view.action.findData("create"))
    view.actor.setCurrentIndex(view.actor.findData("coord01"))
    qtbot.mouseClick(view.search_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: {r.actor for r in view.model.rows} == {"coord01"}, timeout=5000)
    assert {r.action for r in view.model.rows} == {"create"}
    assert view.model.index(0, view.model.COL_ACTION).data() == "作成"
    shown = [view.model.index(r, c).data() for r in range(view.model.rowCount())
             for c in range(view.model.columnCount())]
    assert not any(SECRET_SUMMARY in (text or "") for text in shown)

    out = tmp_path / "audit.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    before = len(audit_rows(demo_db))
    qtbot.mouseClick(view.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.export_button.isEnabled() and out.exists(), timeout=5000)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + len(view.model.rows)
    assert all("coord01" in line for line in lines[1:])
    new = audit_rows(demo_db)[before:]
    assert [(r.action, r.entity, r.actor) for r in new] == [("export", "audit_log", "admin")]
