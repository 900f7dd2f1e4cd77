"""Faults at start and while working: a damaged database leads to the
restore offer (never to an empty database); a locked database and a
read-only file give a clear Japanese message and lose nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from sqlalchemy import event, func, select

from coordinator_app.core.models import Branch, Consultation
from coordinator_app.services import accounts, backups
from coordinator_app.storage import engine
from coordinator_app.storage.database import Database
from tests.conftest import ENCRYPTED, TODAY, connect_file
from tests.shell_helpers import (  # noqa: F401
    add_consultation,
    close_checkpointed,
    damage_file,
    fast_hashing,
    make_accounts,
    qsettings,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def messages(monkeypatch):
    """What the shell tells the person (QMessageBox static calls)."""
    said = []

    def record(kind):
        def show(_parent, _title, text, *args, **kwargs):
            said.append((kind, text))
            return QMessageBox.Ok
        return show

    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return said


def _consultations(path: Path, key: bytes | None = None) -> int:
    conn = connect_file(path, key)
    try:
        return conn.execute("SELECT count(*) FROM consultation").fetchone()[0]
    finally:
        conn.close()


# --- a damaged file ------------------------------------------------------------

# The shell checks an encrypted file only after a password unwrapped its key
# (test_encryption_ui covers that order); these start from a plain file.
PLAIN_START = pytest.mark.skipif(
    ENCRYPTED, reason="an encrypted file is checked after the sign-in (test_encryption_ui)")

def test_decision_for_a_damaged_file_offers_the_newest_good_backup(demo_db):
    older = backups.make_backup(demo_db, "auto")
    newest = backups.make_backup(demo_db, "exit")
    damage_file(newest.path)  # the newest backup is itself bad: skipped
    key = demo_db.key  # an encrypted file is checked with the key its sign-in unwrapped
    path = close_checkpointed(demo_db)
    damage_file(path)
    check = backups.startup_check(path, key=key)
    assert check.state == "damaged" and check.offers_restore
    assert check.backup.path == older.path


@PLAIN_START
def test_a_damaged_database_at_start_is_restored_not_replaced_by_an_empty_one(
        qtbot, demo_db, qsettings, messages, monkeypatch):
    from coordinator_app.ui import safety
    from coordinator_app.ui.app import Shell

    make_accounts(demo_db)
    good = backups.make_backup(demo_db, "exit")
    count = _consultations(good.path, demo_db.key)
    path = close_checkpointed(demo_db)
    damage_file(path)
    damaged_digest = _digest(path)
    offered = {}

    def choose_restore(dialog):
        offered["problem"] = dialog.findChild(QLabel, "problem").text()
        offered["offer"] = dialog.findChild(QLabel, "offer").text()
        offered["restore_enabled"] = dialog.restore_button.isEnabled()
        offered["new_button"] = dialog.new_button
        dialog.restore_button.click()
        return QDialog.Accepted

    monkeypatch.setattr(safety.RestoreOfferDialog, "exec", choose_restore)
    shell = Shell(str(path))
    try:
        assert shell.open()
        assert "壊れています" in offered["problem"]
        assert "最新の正常なバックアップ" in offered["offer"] and offered["restore_enabled"]
        assert offered["new_button"] is None  # a damaged file never becomes an empty database
        with shell.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Consultation)) == count
        assert accounts.authenticate(shell.db, "coord01", "coord01-pass").login == "coord01"
    finally:
        shell.shutdown()
    kept = list(path.parent.glob("demo.replaced-*.db"))
    assert len(kept) == 1 and _digest(kept[0]) == damaged_digest
    assert not messages


def test_a_damaged_database_without_backups_is_left_alone(qtbot, tmp_path, qsettings, messages,
                                                          monkeypatch):
    from coordinator_app.ui import safety
    from coordinator_app.ui.app import Shell

    db = Database.open(str(tmp_path / "c.db"), create=True)
    with db.session() as s:
        s.add(Branch(code="01", name="一番"))
    path = close_checkpointed(db)
    damage_file(path)
    before = _digest(path)
    offered = {}

    def choose_quit(dialog):
        offered["restore_enabled"] = dialog.restore_button.isEnabled()
        offered["offer"] = dialog.findChild(QLabel, "offer").text()
        dialog.reject()
        return QDialog.Rejected

    monkeypatch.setattr(safety.RestoreOfferDialog, "exec", choose_quit)
    shell = Shell(str(path))
    try:
        assert not shell.open()
    finally:
        shell.shutdown()
    assert not offered["restore_enabled"] and "見つかりません" in offered["offer"]
    assert _digest(path) == before and shell.db is None


def test_the_restore_offer_dialog(qtbot, tmp_path):
    from coordinator_app.ui.safety import RestoreOfferDialog

    info = backups.BackupInfo(tmp_path / "c-20261125-180000-000000-exit.db",
                              dt.datetime(2026, 11, 25, 18, 0), "exit", 2_500_000)
    dialog = RestoreOfferDialog(tmp_path / "c.db",
                                backups.StartupCheck("damaged", "database disk image is malformed",
                                                     info))
    qtbot.addWidget(dialog)
    offer = dialog.findChild(QLabel, "offer").text()
    assert "令和8年11月25日(水) 18:00" in offer and "終了時" in offer
    dialog.restore_button.click()
    assert dialog.choice == "restore" and dialog.chosen == info.path


@PLAIN_START
def test_a_vanished_database_with_backups_asks_before_starting_empty(qtbot, demo_db, qsettings,
                                                                      messages, monkeypatch):
    from coordinator_app.ui import safety
    from coordinator_app.ui.app import Shell

    make_accounts(demo_db)
    backups.make_backup(demo_db, "exit")
    path = close_checkpointed(demo_db)
    path.unlink()
    seen = {}

    def look(dialog):
        seen["new_button"] = dialog.new_button is not None
        dialog.restore_button.click()
        return QDialog.Accepted

    monkeypatch.setattr(safety.RestoreOfferDialog, "exec", look)
    shell = Shell(str(path))
    try:
        assert shell.open() and seen["new_button"]
        with shell.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Consultation)) > 0
    finally:
        shell.shutdown()


# --- a locked database -----------------------------------------------------------

@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)


def _hold_exclusive(path: Path) -> sqlite3.Connection:
    """Another program holding an exclusive lock on the file."""
    other = connect_file(path)
    other.isolation_level = None
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE branch SET name = name WHERE 0")
    return other


def test_a_locked_database_at_start_is_explained_in_japanese(qtbot, demo_db, qsettings, messages,
                                                            short_busy_timeout):
    from coordinator_app.ui.app import Shell

    make_accounts(demo_db)
    path = close_checkpointed(demo_db)
    before = _digest(path)
    other = _hold_exclusive(path)
    shell = Shell(str(path))
    try:
        assert not shell.open()
    finally:
        shell.shutdown()
        other.rollback() if other.in_transaction else None
        other.close()
    assert messages and messages[0][0] == "critical"
    assert messages[0][1] == backups.LOCKED_MESSAGE
    assert _digest(path) == before
    assert not list(path.parent.glob("*.replaced-*"))


def test_a_write_while_locked_is_refused_clearly_and_succeeds_later(
        qtbot, demo_db, qsettings, messages, short_busy_timeout):
    from coordinator_app.ui.settings.accounts_tab import AccountsTab
    from tests.helpers import make_context

    users = make_accounts(demo_db)
    demo_db.engine.dispose()  # new connections take the short timeout
    demo_db.actor = "admin"
    tab = AccountsTab(make_context(demo_db, users["admin"]))
    qtbot.addWidget(tab)
    tab.new()
    qtbot.keyClicks(tab.login, "coord09")
    qtbot.keyClicks(tab.password, "coord09-pass")
    tab.role.setCurrentIndex(tab.role.findData("city_staff"))
    with demo_db.session() as s:
        before = s.scalar(select(func.count()).select_from(Consultation))
    other = connect_file(demo_db.path)
    other.isolation_level = None
    other.execute("BEGIN EXCLUSIVE")
    try:
        tab.save()
        assert messages == [("warning", backups.LOCKED_MESSAGE)]
        with pytest.raises(Exception) as err:
            add_consultation(demo_db, users["coord01"], TODAY)
        assert backups.explain_db_error(err.value) == backups.LOCKED_MESSAGE
    finally:
        other.rollback()
        other.close()
    assert tab.login.text() == "coord09"  # what was typed is still there
    tab.save()
    assert accounts.authenticate(demo_db, "coord09", "coord09-pass").role == "city_staff"
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Consultation)) == before


# --- a read-only file --------------------------------------------------------------

def test_a_read_only_file_at_start_is_refused_in_japanese(qtbot, demo_db, qsettings, messages,
                                                          monkeypatch):
    from coordinator_app.ui.app import Shell

    make_accounts(demo_db)
    path = close_checkpointed(demo_db)
    before = _digest(path)
    real_access = os.access
    # Tests run as root, for whom chmod does not make a file read-only:
    # the file system's answer is replaced (the real chmod case is below).
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if (
        Path(p) == path and mode == os.W_OK) else real_access(p, mode, *a, **k))
    shell = Shell(str(path))
    try:
        assert not shell.open()
    finally:
        shell.shutdown()
    assert messages == [("critical", backups.READ_ONLY_MESSAGE)]
    assert "読み取り専用" in messages[0][1]
    assert _digest(path) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes to read-only files")
def test_a_chmod_read_only_file_is_refused(qtbot, demo_db, qsettings, messages):
    from coordinator_app.ui.app import Shell

    path = close_checkpointed(demo_db)
    path.chmod(0o444)
    try:
        shell = Shell(str(path))
        try:
            assert not shell.open()
        finally:
            shell.shutdown()
    finally:
        path.chmod(0o644)
    assert messages and "読み取り専用" in messages[0][1]


def test_a_write_to_a_read_only_database_loses_nothing(qtbot, demo_db, qsettings, messages):
    from coordinator_app.ui.settings.accounts_tab import AccountsTab
    from tests.helpers import make_context

    users = make_accounts(demo_db)
    demo_db.engine.dispose()
    # What SQLite answers for a read-only file, whoever runs the test.
    event.listen(demo_db.engine, "connect",
                 lambda conn, _record: conn.execute("PRAGMA query_only=1"))
    demo_db.actor = "admin"
    tab = AccountsTab(make_context(demo_db, users["admin"]))
    qtbot.addWidget(tab)
    tab.new()
    qtbot.keyClicks(tab.login, "coord09")
    qtbot.keyClicks(tab.password, "coord09-pass")
    tab.save()
    assert messages == [("warning", backups.READ_ONLY_MESSAGE)]
    assert tab.login.text() == "coord09"
    with pytest.raises(Exception) as err:
        add_consultation(demo_db, users["coord01"], TODAY)
    assert "読み取り専用" in backups.explain_db_error(err.value)
