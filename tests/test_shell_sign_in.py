"""First run, sign-in and the demo accounts, as a person uses them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from coordinator_app.core import access
from coordinator_app.services import accounts, admin, encrypting
from tests.helpers import type_japanese
from tests.shell_helpers import (  # noqa: F401
    PASSWORDS,
    audit_rows,
    fast_hashing,
    make_accounts,
    qsettings,
)


def _fill_first_run(qtbot, dialog, password="first-admin-pw", confirm=None):
    qtbot.keyClicks(dialog.login, "boss")
    type_japanese(dialog.display_name, "見本 管理者")
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.confirm, confirm if confirm is not None else password)


def test_first_run_creates_the_administrator(qtbot, sqlite_db, qsettings):
    from coordinator_app.ui.first_run import FirstRunDialog

    assert not accounts.has_accounts(sqlite_db)
    dialog = FirstRunDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_first_run(qtbot, dialog, confirm="different-pw")
    qtbot.mouseClick(dialog.create_button, Qt.LeftButton)
    assert "一致しません" in dialog.message.text()
    assert not accounts.has_accounts(sqlite_db)
    qtbot.keyClicks(dialog.confirm, "first-admin-pw")
    qtbot.keyClick(dialog.confirm, Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted
    assert dialog.user.role == "admin" and dialog.user.display_name == "見本 管理者"
    assert [(r.action, r.entity) for r in audit_rows(sqlite_db)] == [
        ("create", "account"), ("sign_in", "account")]


def test_first_run_refuses_a_short_password(qtbot, sqlite_db, qsettings):
    from coordinator_app.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_first_run(qtbot, dialog, password="short")
    qtbot.mouseClick(dialog.create_button, Qt.LeftButton)
    assert "8文字以上" in dialog.message.text()
    assert not accounts.has_accounts(sqlite_db)


def test_the_shell_asks_for_the_first_administrator_on_an_empty_database(
        qtbot, tmp_path, qsettings, monkeypatch):
    from coordinator_app.ui import first_run
    from coordinator_app.ui.app import Shell

    def fill_and_create(dialog):
        _fill_first_run(qtbot, dialog)
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", fill_and_create)
    from coordinator_app.ui import encryption_dialogs

    shown = []
    monkeypatch.setattr(encryption_dialogs.RecoveryKeyDialog, "exec",
                        lambda dialog: shown.append(dialog.recovery_key))
    asked = []
    monkeypatch.setattr(Shell, "ask_create", lambda shell: asked.append(shell.path) or True)
    shell = Shell(str(tmp_path / "new.db"))  # --db names a file not there yet: "create it?" yes
    try:
        assert shell.open()
        assert asked == [tmp_path / "new.db"]
        assert shell.db.encrypted and len(shown) == 1  # a new file is encrypted (issue 9)
        user = shell.sign_in()
        assert user.login == "boss" and user.role == "admin"
    finally:
        shell.shutdown()


def test_five_wrong_passwords_lock_the_account(qtbot, demo_db, qsettings):
    from coordinator_app.ui.sign_in import SignInDialog

    make_accounts(demo_db)
    before = len(audit_rows(demo_db, "sign_in_failed"))
    dialog = SignInDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "coord01")
    for attempt in range(access.MAX_FAILURES):
        qtbot.keyClicks(dialog.password, f"wrong-{attempt}")
        qtbot.keyClick(dialog.password, Qt.Key_Return)
        assert dialog.result() != QDialog.Accepted
        assert dialog.password.text() == ""
    assert "ロック" in dialog.message.text()
    qtbot.keyClicks(dialog.password, PASSWORDS["coord01"])
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    assert dialog.user is None and "ロック" in dialog.message.text()
    assert len(audit_rows(demo_db, "sign_in_failed")) == before + access.MAX_FAILURES + 1


def test_signing_in_with_the_right_password(qtbot, demo_db, qsettings):
    from coordinator_app.ui.sign_in import SignInDialog

    make_accounts(demo_db)
    dialog = SignInDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QDialog) is None
    assert dialog.findChild(object, "demoAccounts") is None  # a real database: no demo box
    qtbot.keyClicks(dialog.login, "city")
    qtbot.keyClicks(dialog.password, PASSWORDS["city"])
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted and dialog.user.role == "city_staff"


def test_demo_database_lists_its_demo_accounts(qtbot, demo_db, qsettings):
    from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton

    from coordinator_app.services.accounts import DEMO_ACCOUNTS
    from coordinator_app.ui.sign_in import SignInDialog

    for login, password, name, role, branch in DEMO_ACCOUNTS:
        accounts.create_account(demo_db, login, name, role, password, branch, is_demo=True)
    dialog = SignInDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.findChild(QGroupBox, "demoAccounts")
    assert box is not None and "デモ専用" in box.title()
    texts = [label.text() for label in box.findChildren(QLabel)]
    for login, password, *_ in DEMO_ACCOUNTS:
        assert login in texts and password in texts
    use = box.findChildren(QPushButton)[1]  # the coordinator's row
    qtbot.mouseClick(use, Qt.LeftButton)
    qtbot.mouseClick(dialog.sign_in_button, Qt.LeftButton)
    assert dialog.user.login == "demo-coord" and dialog.user.branch_code == "01"


def test_demo_mode_creates_the_demo_database_with_demo_accounts(qtbot, tmp_path, qsettings):
    from coordinator_app.ui.app import Shell, demo_db_path

    shell = Shell(demo=True, credentials=("demo-coord", "demo-coord-pass"))
    try:
        assert shell.open()
        assert shell.path == demo_db_path() and shell.path.is_relative_to(tmp_path)
        assert shell.sign_in().login == "demo-coord"  # after the build
        assert [d.login for d in admin.demo_accounts(shell.db)] == [
            "demo-admin", "demo-coord", "demo-city"]
    finally:
        shell.shutdown()


def test_the_sign_in_window_shows_while_the_demo_database_is_built(qtbot, tmp_path, qsettings,
                                                                   monkeypatch):
    """Issue 18: the first start shows the sign-in window at once (with the
    demo accounts) and builds the demo behind it, under another name until
    whole; signing in waits for it. A build a killed start left half done
    is thrown away."""
    import threading

    from PySide6.QtWidgets import QGroupBox

    from coordinator_app.services import demo
    from coordinator_app.ui import sign_in
    from coordinator_app.ui.app import Shell, demo_db_path

    path = demo_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    leftover = path.with_name(path.name + ".building")
    leftover.write_bytes(b"half a database from a start that was killed")
    may_finish = threading.Event()
    real_load = demo.load_sample

    def slow_load(db, *args, **kwargs):
        assert may_finish.wait(30)
        return real_load(db, *args, **kwargs)

    monkeypatch.setattr(demo, "load_sample", slow_load)
    seen = {}

    def person_signs_in(dialog):
        dialog.show()
        seen["file while the window shows"] = path.exists()
        seen["demo box"] = dialog.findChild(QGroupBox, "demoAccounts") is not None
        seen["recovery button"] = dialog.recovery_button is not None
        dialog.login.setText("demo-coord")
        dialog.password.setText("demo-coord-pass")
        may_finish.set()
        dialog.try_sign_in()  # waits for the build
        return dialog.result()

    monkeypatch.setattr(sign_in.SignInDialog, "exec", person_signs_in)
    shell = Shell(demo=True)
    try:
        assert shell.open()
        user = shell.sign_in()
        assert seen == {"file while the window shows": False, "demo box": True,
                        "recovery button": False}
        assert user.login == "demo-coord" and shell.db is not None
        assert path.exists() and not leftover.exists()
    finally:
        shell.shutdown()


def test_an_encrypted_database_opens_through_the_sign_in_dialog(qtbot, tmp_path, qsettings,
                                                                 monkeypatch):
    pytest.importorskip("sqlcipher3")
    from coordinator_app.ui import sign_in
    from coordinator_app.ui.app import Shell

    path = tmp_path / "enc.db"
    encrypting.create_encrypted(path, "boss", "boss-password")

    def type_password(dialog):
        assert dialog.db is None  # nothing can be read before the password
        qtbot.keyClicks(dialog.login, "boss")
        qtbot.keyClicks(dialog.password, "boss-password")
        dialog.try_sign_in()
        return dialog.result()

    monkeypatch.setattr(sign_in.SignInDialog, "exec", type_password)
    shell = Shell(str(path))
    try:
        assert shell.open()
        assert shell.db.encrypted
        assert shell.sign_in().login == "boss"
    finally:
        shell.shutdown()
