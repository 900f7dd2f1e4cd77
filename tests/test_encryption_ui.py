"""Encryption at rest in the GUI (issue 9), as a person meets it: the first
run makes an encrypted file and shows the recovery key once; every
account's password opens it, a wrong one is told clearly; the recovery
key sets a new password; an administrator on a plain database is offered
conversion; a personal-data PDF or export is warned about first."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from sqlalchemy import func, select

pytest.importorskip("sqlcipher3")

from coordinator_app.core.models import AuditLog, Consultation, Person  # noqa: E402
from coordinator_app.services import accounts, encrypting
from coordinator_app.storage import (
    encryption,  # noqa: E402
    keyfile,
)
from coordinator_app.storage.database import Database  # noqa: E402
from coordinator_app.ui import encryption_dialogs, first_run, sign_in  # noqa: E402
from tests.helpers import type_japanese  # noqa: E402
from tests.shell_helpers import (  # noqa: E402,F401
    PASSWORDS,
    fast_hashing,
    make_accounts,
    qsettings,
)

REAL_ASK = encryption_dialogs._ask_plain_file  # before conftest's autouse fixture replaces it


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    """Cheap argon2id for the key copies: these tests are about the UI."""
    monkeypatch.setattr(keyfile, "KDF_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(keyfile, "KDF_TIME_COST", 1)


@pytest.fixture
def real_warning(monkeypatch):
    """The real PLAIN_FILE_WARNING box (conftest answers it otherwise),
    whose answer the test sets."""
    answers = {"value": QMessageBox.Cancel, "shown": []}

    def box(_parent, _title, text, *args, **kwargs):
        answers["shown"].append(text)
        return answers["value"]

    monkeypatch.setattr(encryption_dialogs, "_ask_plain_file", REAL_ASK)
    monkeypatch.setattr(QMessageBox, "warning", box)
    return answers


def _encrypted_with_accounts(tmp_path):
    """An encrypted file with the shell tests' four accounts (each has its
    own copy of the key); closed, key forgotten: only passwords open it."""
    path = tmp_path / "enc.db"
    encrypting.create_encrypted(path, "owner", "owner-password")
    db = encryption.open_encrypted(path, "owner", "owner-password")
    try:
        db.actor = "owner"
        for login, pw in PASSWORDS.items():
            role = "coordinator" if login.startswith("coord") else (
                "admin" if login == "admin" else "city_staff")
            branch = None
            if role == "coordinator":
                from coordinator_app.core.models import Branch

                with db.session() as s:
                    code = login[-2:]
                    s.add(Branch(code=code, name=f"支部{code}"))
                branch = code
            accounts.create_account(db, login, f"テスト {login}", role, pw, branch)
    finally:
        db.close()
    return path


# --- first run ---------------------------------------------------------------------

def test_first_run_creates_an_encrypted_file_and_the_recovery_key_needs_confirmation(
        qtbot, tmp_path, qsettings, monkeypatch):
    from coordinator_app.ui.app import Shell

    path = tmp_path / "new.db"
    seen = {}

    def fill_and_create(dialog):
        qtbot.keyClicks(dialog.login, "boss")
        type_japanese(dialog.display_name, "見本 管理者")
        qtbot.keyClicks(dialog.password, "first-admin-pw")
        qtbot.keyClicks(dialog.confirm, "first-admin-pw")
        qtbot.mouseClick(dialog.create_button, Qt.LeftButton)
        assert dialog.message.text() == ""
        return dialog.result()

    def look_at_key(dialog):
        seen["key"] = dialog.findChild(QLabel, "recoveryKey").text()
        seen["plainly"] = dialog.findChild(QLabel, "plainly").text()
        assert not dialog.continue_button.isEnabled()
        dialog.accept()  # not ticked: nothing happens
        dialog.reject()  # Esc / close box: nothing happens either
        seen["closed_early"] = dialog.result() == QDialog.Accepted
        dialog.stored.click()
        assert dialog.continue_button.isEnabled()
        qtbot.mouseClick(dialog.continue_button, Qt.LeftButton)
        seen["result"] = dialog.result()
        return dialog.result()

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", fill_and_create)
    monkeypatch.setattr(encryption_dialogs.RecoveryKeyDialog, "exec", look_at_key)
    monkeypatch.setattr(Shell, "ask_create", lambda _shell: True)  # --db names a new file: yes
    shell = Shell(str(path))
    try:
        assert shell.open()
        assert shell.db.encrypted
        user = shell.sign_in()
        assert user.login == "boss" and user.display_name == "見本 管理者"
        window = shell.show_main(user)
        qtbot.addWidget(window)
        assert window.findChild(QLabel, "statusEncryption").text() == "暗号化"
        window.close()
    finally:
        shell.shutdown()
    assert not seen["closed_early"] and seen["result"] == QDialog.Accepted
    assert "すべてのパスワードを忘れた" in seen["plainly"] and "この回復キーだけ" in seen["plainly"]
    with pytest.raises(sqlite3.DatabaseError):  # the stdlib cannot read the file
        con = sqlite3.connect(path)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    assert "見本" not in path.read_bytes().decode("utf-8", "ignore")
    db = encryption.open_with_recovery_key(path, seen["key"])  # the key shown opens it
    try:
        assert accounts.has_accounts(db)
    finally:
        db.close()


def test_the_recovery_key_prints_to_a_pdf_the_person_chooses(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = encryption_dialogs.RecoveryKeyDialog("ABCD-EFGH-JKLM", str(tmp_path / "c.db"))
    qtbot.addWidget(dialog)
    target = tmp_path / "key.pdf"
    monkeypatch.setattr(dialog, "ask_pdf_path", lambda: str(target))
    qtbot.mouseClick(dialog.print_button, Qt.LeftButton)
    assert target.read_bytes().startswith(b"%PDF") and len(opened) == 1
    assert dialog.result() != QDialog.Accepted  # printing does not skip the confirmation


# --- sign-in ------------------------------------------------------------------------

def _sign_in_through_shell(qtbot, path, monkeypatch, login, password):
    from coordinator_app.ui.app import Shell

    outcome = {}

    def type_password(dialog):
        assert dialog.db is None and dialog.recovery_button is not None
        qtbot.keyClicks(dialog.login, login)
        qtbot.keyClicks(dialog.password, password)
        dialog.try_sign_in()
        outcome["message"] = dialog.message.text()
        return dialog.result()

    monkeypatch.setattr(sign_in.SignInDialog, "exec", type_password)
    shell = Shell(str(path))
    try:
        opened = shell.open()
        outcome["opened"] = opened
        if opened:
            outcome["user"] = shell.sign_in().login
            outcome["encrypted"] = shell.db.encrypted
    finally:
        shell.shutdown()
    return outcome


def test_every_key_holders_password_opens_the_encrypted_database(qtbot, tmp_path, qsettings,
                                                                  monkeypatch):
    path = _encrypted_with_accounts(tmp_path)
    for login, password in [("owner", "owner-password")] + list(PASSWORDS.items()):
        outcome = _sign_in_through_shell(qtbot, path, monkeypatch, login, password)
        if login == "city":  # figures only: told so, in Japanese, and nothing opens
            assert not outcome["opened"] and outcome["message"] == encryption.NO_KEY
            assert "市社協職員" in outcome["message"] and "集計ファイル" in outcome["message"]
            continue
        assert outcome["opened"] and outcome["encrypted"] and outcome["user"] == login


def test_a_wrong_password_is_told_clearly_and_opens_nothing(qtbot, tmp_path, qsettings,
                                                            monkeypatch):
    path = _encrypted_with_accounts(tmp_path)
    outcome = _sign_in_through_shell(qtbot, path, monkeypatch, "coord01", "not-the-password")
    assert not outcome["opened"]
    assert outcome["message"] == encryption.WRONG_PASSWORD
    assert "パスワードが違います" in outcome["message"]


def test_forgotten_passwords_are_reset_with_the_recovery_key(qtbot, tmp_path, qsettings,
                                                            monkeypatch):
    path = tmp_path / "enc.db"
    recovery = encrypting.create_encrypted(path, "owner", "owner-password")
    dialog = sign_in.SignInDialog(None, unlock=lambda *a: None, where=str(path))
    qtbot.addWidget(dialog)
    assert "パスワードをすべて忘れた場合（復旧キー）" in dialog.recovery_button.text()

    def fill(reset):
        qtbot.keyClicks(reset.recovery, "WRONG-KEY")
        qtbot.keyClicks(reset.login, "owner")
        qtbot.keyClicks(reset.password, "brand-new-pw")
        qtbot.keyClicks(reset.confirm, "brand-new-pw")
        reset.reset()
        assert reset.message.text() and reset.result() != QDialog.Accepted
        reset.recovery.setText(recovery)
        reset.reset()
        return reset.result()

    monkeypatch.setattr(encryption_dialogs.RecoveryResetDialog, "exec", fill)
    dialog.recovery_button.click()
    assert dialog.login.text() == "owner" and "新しいパスワード" in dialog.message.text()
    db = encryption.open_encrypted(path, "owner", "brand-new-pw")
    try:
        assert accounts.authenticate(db, "owner", "brand-new-pw").is_admin
    finally:
        db.close()
    with pytest.raises(encryption.UnlockError):
        encryption.open_encrypted(path, "owner", "owner-password")


# --- conversion -----------------------------------------------------------------------

def test_an_administrator_on_a_plain_database_is_offered_conversion(
        qtbot, tmp_path, qsettings, monkeypatch):
    from coordinator_app.services.demo import load_sample
    from coordinator_app.ui.app import Shell
    from tests.conftest import TODAY

    path = tmp_path / "plain.db"
    plain = Database.open(str(path), create=True)
    load_sample(plain, today=TODAY, with_accounts=False)
    make_accounts(plain)
    with plain.session() as s:
        before = (s.scalar(select(func.count()).select_from(Consultation)),
                  s.scalar(select(func.count()).select_from(Person)))
    plain.close()
    offers, keys = [], []

    def accept_offer(dialog):
        offers.append(dialog.login)
        qtbot.keyClicks(dialog.password, PASSWORDS["admin"])
        qtbot.mouseClick(dialog.convert_button, Qt.LeftButton)
        return dialog.result()

    def keep_key(dialog):
        keys.append((dialog.recovery_key, dialog.findChild(QLabel, "note").text()))
        dialog.stored.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(encryption_dialogs.ConvertOfferDialog, "exec", accept_offer)
    monkeypatch.setattr(encryption_dialogs.RecoveryKeyDialog, "exec", keep_key)
    shell = Shell(str(path), credentials=("coord01", PASSWORDS["coord01"]))
    try:
        assert shell.open()
        assert not shell.offer_encryption(shell.sign_in())  # a coordinator is not offered
        shell.scheduler.catch_up()  # the run's backup (no longer taken on the quit path)
        shell.runner.wait()
        shell.runner.flush()
    finally:
        shell.shutdown()
    assert offers == []
    from coordinator_app.services import backups

    plain_backups = [b.path for b in backups.list_backups(path)]
    assert plain_backups and not any(keyfile.is_encrypted_file(b) for b in plain_backups)
    shell = Shell(str(path), credentials=("admin", PASSWORDS["admin"]))
    try:
        assert shell.open()
        user = shell.sign_in()
        assert shell.offer_encryption(user)
        assert not shell.offer_encryption(user)  # once per session
        assert shell.db.encrypted
        with shell.db.session() as s:
            after = (s.scalar(select(func.count()).select_from(Consultation)),
                     s.scalar(select(func.count()).select_from(Person)))
        assert after == before
        window = shell.show_main(user)
        qtbot.addWidget(window)
        assert window.findChild(QLabel, "statusEncryption").text() == "暗号化"
        window.close()
    finally:
        shell.shutdown()
    assert offers == ["admin"] and len(keys) == 1
    assert "上書きしてから削除しました" in keys[0][1] and "暗号化しました" in keys[0][1]
    assert keyfile.is_encrypted_file(path)
    # No plain copy anywhere: the backups made before are encrypted, under the same key file.
    for b in plain_backups:
        assert keyfile.is_encrypted_file(b) and keyfile.keys_path(b).is_file()
    leftovers = [f for f in path.parent.rglob("*") if f.is_file()
                 and f.read_bytes().startswith(b"SQLite format 3")]
    assert leftovers == []
    for login, pw in PASSWORDS.items():  # every key holder still opens it
        if login == "city":
            continue
        db = encryption.open_encrypted(path, login, pw)
        db.close()
    with pytest.raises(encryption.UnlockError, match="市社協職員"):
        encryption.open_encrypted(path, "city", PASSWORDS["city"])
    backup = encryption.open_encrypted(plain_backups[0], "coord01", PASSWORDS["coord01"])
    backup.close()
    db = encryption.open_with_recovery_key(path, keys[0][0])
    db.close()


def test_the_conversion_offer_can_be_declined(qtbot, tmp_path, qsettings, monkeypatch):
    from coordinator_app.ui.app import Shell

    path = tmp_path / "plain.db"
    plain = Database.open(str(path), create=True)
    make_accounts_admin_only = accounts.create_account
    make_accounts_admin_only(plain, "admin", "管理者", "admin", PASSWORDS["admin"])
    plain.close()
    monkeypatch.setattr(encryption_dialogs.ConvertOfferDialog, "exec",
                        lambda dialog: (dialog.later_button.click(), dialog.result())[1])
    shell = Shell(str(path), credentials=("admin", PASSWORDS["admin"]))
    try:
        assert shell.open()
        assert not shell.offer_encryption(shell.sign_in())
        assert not shell.db.encrypted
    finally:
        shell.shutdown()
    assert not keyfile.is_encrypted_file(path)


# --- plain files with personal data -----------------------------------------------------

def test_the_warning_comes_before_a_personal_data_pdf_and_cancel_writes_nothing(
        qtbot, demo_db, tmp_path, real_warning, monkeypatch):
    from coordinator_app.ui.printing import dialog as print_dialog
    from coordinator_app.ui.printing.dialog import PrintDialog
    from tests.conftest import TODAY, coordinator_of
    from tests.helpers import make_context

    opened = []
    monkeypatch.setattr(print_dialog, "open_in_viewer", lambda p: opened.append(p) or True)
    folder = tmp_path / "prints"
    folder.mkdir()
    dialog = PrintDialog(make_context(demo_db, coordinator_of(demo_db, "01")), "watch_users",
                         today=TODAY, folder=folder)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.recipient, "room")
    dialog.print_now()
    assert real_warning["shown"] == [encryption.PLAIN_FILE_WARNING]
    assert list(folder.iterdir()) == [] and dialog.printed is None  # Cancel wrote nothing
    real_warning["value"] = QMessageBox.Ok
    dialog.print_now()
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=20000)
    assert dialog.printed.path.is_file() and len(real_warning["shown"]) == 2
    dialog.print_now()  # once per session: not asked again
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=20000)
    assert len(real_warning["shown"]) == 2


def test_the_audit_export_warns_first(qtbot, demo_db, tmp_path, real_warning, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from coordinator_app.ui.audit_view import AuditView
    from tests.helpers import make_context

    users = make_accounts(demo_db)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append(1) or (str(tmp_path / "a.csv"), ""))
    view = AuditView(make_context(demo_db, users["admin"]))
    qtbot.addWidget(view)
    view.export()
    assert real_warning["shown"] == [encryption.PLAIN_FILE_WARNING] and asked == []
    assert not (tmp_path / "a.csv").exists()


# --- a damaged encrypted file --------------------------------------------------------

def _damaged_after_a_backup(tmp_path, with_backup: bool = True):
    """The encrypted file with two consultations, an (encrypted) backup of
    it when asked, then damaged; closed, key forgotten."""
    import datetime as dt

    from coordinator_app.services import backups
    from tests.shell_helpers import add_consultation, close_checkpointed, damage_file

    path = _encrypted_with_accounts(tmp_path)
    db = encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"])
    try:
        user = accounts.authenticate(db, "coord01", PASSWORDS["coord01"])
        for day in (1, 2):
            add_consultation(db, user, dt.date(2026, 11, day))
        if with_backup:
            backups.make_backup(db, "exit")
    finally:
        close_checkpointed(db)
    damage_file(path)
    return path


def _sign_in_as_coord01(qtbot, monkeypatch, seen: dict) -> None:
    """Every sign-in dialog is typed into as coord01; ``seen["sign_in"]``
    says of each whether it had the file to unlock first."""

    def typed(dialog):
        seen.setdefault("sign_in", []).append(dialog.db is None)
        qtbot.keyClicks(dialog.login, "coord01")
        qtbot.keyClicks(dialog.password, PASSWORDS["coord01"])
        dialog.try_sign_in()
        return dialog.result()

    monkeypatch.setattr(sign_in.SignInDialog, "exec", typed)


def test_a_damaged_encrypted_file_offers_its_backup_once_the_password_is_right(
        qtbot, tmp_path, qsettings, monkeypatch):
    """The password unlocks the key but the file does not open: instead of
    a message in the sign-in dialog, the restore offer of a damaged file,
    with the newest backup that key opens; restored, it opens and the
    person signs in."""
    from coordinator_app.ui import safety
    from coordinator_app.ui.app import Shell

    path = _damaged_after_a_backup(tmp_path)
    damaged = path.read_bytes()
    seen = {}
    _sign_in_as_coord01(qtbot, monkeypatch, seen)

    def offer(dialog):
        seen["problem"] = dialog.findChild(QLabel, "problem").text()
        seen["offer"] = dialog.findChild(QLabel, "offer").text()
        dialog.restore_button.click()
        return QDialog.Accepted

    monkeypatch.setattr(safety.RestoreOfferDialog, "exec", offer)
    shell = Shell(str(path))
    try:
        assert shell.open()
        assert "壊れています" in seen["problem"] and "最新の正常なバックアップ" in seen["offer"]
        assert shell.db.encrypted
        assert shell.sign_in().login == "coord01"
        assert seen["sign_in"] == [True, False]  # unlock, then the usual sign-in
        with shell.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Consultation)) == 2
            assert s.scalar(select(func.count()).select_from(AuditLog)
                            .where(AuditLog.action == "restore")) == 1
    finally:
        shell.shutdown()
    kept = list(path.parent.glob("enc.replaced-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_a_damaged_encrypted_file_without_a_backup_is_left_as_it_is(
        qtbot, tmp_path, qsettings, monkeypatch):
    from coordinator_app.ui import safety
    from coordinator_app.ui.app import Shell

    path = _damaged_after_a_backup(tmp_path, with_backup=False)
    damaged = path.read_bytes()
    seen = {}
    _sign_in_as_coord01(qtbot, monkeypatch, seen)

    def offer(dialog):
        seen["restore_enabled"] = dialog.restore_button.isEnabled()
        seen["offer"] = dialog.findChild(QLabel, "offer").text()
        dialog.reject()
        return QDialog.Rejected

    monkeypatch.setattr(safety.RestoreOfferDialog, "exec", offer)
    shell = Shell(str(path))
    try:
        assert not shell.open()
    finally:
        shell.shutdown()
    assert seen["restore_enabled"] is False and "バックアップが見つかりません" in seen["offer"]
    assert path.read_bytes() == damaged
    assert not list(path.parent.glob("enc.replaced-*.db"))


def test_a_wrong_password_on_a_damaged_file_is_still_only_a_wrong_password(
        qtbot, tmp_path, qsettings, monkeypatch):
    """Nothing about the file is revealed before the key is unlocked."""
    path = _damaged_after_a_backup(tmp_path)
    outcome = _sign_in_through_shell(qtbot, path, monkeypatch, "coord01", "not-the-password")
    assert not outcome["opened"] and outcome["message"] == encryption.WRONG_PASSWORD


# --- issue 14: accounts, lock-out and plain copies in the GUI ------------------------

def test_deactivating_an_account_re_keys_and_the_screen_says_so(qtbot, tmp_path, qsettings,
                                                                monkeypatch):
    from coordinator_app.ui.settings.accounts_tab import AccountsTab
    from tests.helpers import make_context

    path = _encrypted_with_accounts(tmp_path)
    stolen = keyfile.KeyFile.load(keyfile.keys_path(path))
    db = encryption.open_encrypted(path, "admin", PASSWORDS["admin"])
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    try:
        tab = AccountsTab(make_context(db, accounts.authenticate(db, "admin", PASSWORDS["admin"])))
        qtbot.addWidget(tab)
        assert "市社協職員のアカウントでは開けません" in tab.findChild(QLabel, "accountsNote").text()
        row = [i for i, r in enumerate(tab.model.rows) if r.login == "coord02"][0]
        tab.table.selectRow(row)
        tab.toggle_active()
        key = db.key
    finally:
        db.close()
    assert told == [encryption.REKEYED_NOTICE]
    old = stolen.unlock_account("coord01", PASSWORDS["coord01"])[0]
    assert old != key and keyfile.key_id(key) == keyfile.KeyFile.load(keyfile.keys_path(path)).key_id
    with pytest.raises(encryption.UnlockError):
        encryption.open_encrypted(path, "coord02", PASSWORDS["coord02"])


def test_wrong_passwords_in_the_sign_in_dialog_lock_an_encrypted_file_across_restarts(
        qtbot, tmp_path, qsettings):
    path = _encrypted_with_accounts(tmp_path)

    def dialog():
        d = sign_in.SignInDialog(None, unlock=lambda login, pw: encryption.open_encrypted(
            path, login, pw, actor="gui"), where=str(path))
        qtbot.addWidget(d)
        d.login.setText("coord01")
        return d

    first = dialog()
    for attempt in range(6):
        first.password.setText(f"wrong-{attempt}-pw")
        first.try_sign_in()
    first.password.setText(PASSWORDS["coord01"])
    first.try_sign_in()
    assert first.db is None and "ロックされています" in first.message.text()
    again = dialog()  # the app started again: nothing is kept in memory
    again.password.setText(PASSWORDS["coord01"])
    again.try_sign_in()
    assert again.db is None and "ロックされています" in again.message.text()


def test_removing_the_old_backups_needs_an_explicit_yes(qtbot, tmp_path, monkeypatch):
    answers = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: answers.append(a[2]) or QMessageBox.No)
    dialog = encryption_dialogs.ConvertOfferDialog(tmp_path / "x.db", "admin")
    qtbot.addWidget(dialog)
    dialog.password.setText("admin-pass-1")
    assert dialog.plain_copies_action == "encrypt"
    dialog.remove_copies.setChecked(True)
    dialog.try_accept()
    assert len(answers) == 1 and "削除" in answers[0]
    assert dialog.result() != QDialog.Accepted  # "no": nothing happens
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Yes)
    dialog.try_accept()
    assert dialog.result() == QDialog.Accepted and dialog.plain_copies_action == "remove"


def test_an_administrator_upgrades_a_key_file_of_the_previous_version(qtbot, tmp_path, qsettings,
                                                                      monkeypatch):
    from coordinator_app.core.models import Setting
    from coordinator_app.ui.app import Shell
    from tests.test_encryption_keys import v1_key_file

    path = _encrypted_with_accounts(tmp_path)
    db = encryption.open_encrypted(path, "admin", PASSWORDS["admin"])
    key = db.key
    with db.session() as s:
        s.delete(s.get(Setting, encryption.RECIPIENTS))
    db.close()
    text, _ = v1_key_file(key, PASSWORDS)
    keyfile.keys_path(path).write_text(text, encoding="utf-8")
    told, shown = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(encryption_dialogs.RecoveryKeyDialog, "exec",
                        lambda dialog: shown.append(dialog.recovery_key))
    shell = Shell(str(path), credentials=("admin", PASSWORDS["admin"]))
    try:
        assert shell.open()
        user = shell.sign_in()
        assert shell.upgrade_key_file(user)
        assert not shell.upgrade_key_file(user)  # done
    finally:
        shell.shutdown()
    assert len(told) == 1 and "coord01" in told[0] and "回復キーも新しく" in told[0]
    assert len(shown) == 1
    with pytest.raises(encryption.UnlockError):  # its old copy of the key is gone
        encryption.open_encrypted(path, "city", PASSWORDS["city"])
    old = keyfile.KeyFile.from_json(text).unlock_account("city", PASSWORDS["city"])[0]
    from coordinator_app.storage.database import DamagedDatabaseError

    with pytest.raises(DamagedDatabaseError):
        Database.open(str(path), key=old).close()
    encryption.open_with_recovery_key(path, shown[0]).close()
