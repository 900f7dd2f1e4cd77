"""Accounts and records shared by the shell tests (test_shell_*.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from coordinator_app.core import access
from coordinator_app.core.models import AuditLog
from coordinator_app.services import accounts

PASSWORDS = {"admin": "admin-pass-1", "coord01": "coord01-pass", "coord02": "coord02-pass",
             "city": "city-pass-1"}
SECRET_SUMMARY = "秘密の相談内容テキスト 見本花子さんの借金"


def make_accounts(db) -> dict[str, access.SignedIn]:
    """An administrator, coordinators of branches 01 and 02, a city-staff
    member; returns them signed in."""
    accounts.create_account(db, "admin", "テスト 管理者", "admin", PASSWORDS["admin"])
    accounts.create_account(db, "coord01", "テスト 一郎", "coordinator", PASSWORDS["coord01"], "01")
    accounts.create_account(db, "coord02", "テスト 二郎", "coordinator", PASSWORDS["coord02"], "02")
    accounts.create_account(db, "city", "テスト 市職員", "city_staff", PASSWORDS["city"])
    return {login: accounts.authenticate(db, login, pw) for login, pw in PASSWORDS.items()}


def audit_rows(db, action: str | None = None) -> list[AuditLog]:
    with db.session() as s:
        q = select(AuditLog).order_by(AuditLog.id)
        if action:
            q = q.where(AuditLog.action == action)
        return list(s.scalars(q).all())


def audit_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditLog))


def damage_file(path) -> None:
    """Overwrite the schema page (most of the first page), as a failing
    disk or a bad copy would; its WAL and shared memory go too."""
    import os

    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(3996)
    path.write_bytes(bytes(data))


def close_checkpointed(db):
    """Close the database with its WAL written into the file; its path."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = db.path
    db.close()
    return path


def add_consultation(db, user, received_on: dt.date, summary: str = SECRET_SUMMARY,
                     follow_up_on: dt.date | None = None) -> int:
    """A consultation of ``user``'s branch written through the shared insert."""
    from coordinator_app.services.consultations import insert_consultation

    previous, db.actor = db.actor, user.login
    try:
        with db.session() as s:
            record = insert_consultation(
                s, db, user.branch_id, received_on=received_on, kind="consultation",
                channel="phone", from_whom="self", response="listened", categories=["life"],
                summary=summary, follow_up_on=follow_up_on)
            return record.id
    finally:
        db.actor = previous


# --- fixtures (import them into a test module) --------------------------------

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    """argon2id with light parameters for tests (the app's own are the
    library's recommended ones: ~0.2 s of CPU per hash, which adds up over
    dozens of accounts). The rules under test — verification, five
    failures lock — are the same."""
    from argon2 import PasswordHasher

    from coordinator_app.services import accounts
    monkeypatch.setattr(accounts, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def qsettings(tmp_path, monkeypatch):
    """Per-test QSettings folder (never the real user's), and a data
    folder for the demo database."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return folder


def make_window(db, user, qtbot, idle_minutes: int = 5):
    """A main window for user, with the person's context; closed by qtbot."""
    from coordinator_app.ui.context import AppContext
    from coordinator_app.ui.main_window import MainWindow

    db.actor = user.login
    ctx = AppContext(db=db, user=user)
    window = MainWindow(ctx, idle_minutes)
    qtbot.addWidget(window)
    window.show()
    return window


def visible_texts(widget) -> list[str]:
    """Every text a person could read in widget's window right now."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QLabel,
        QLineEdit,
        QWidget,
    )

    texts = []
    for w in [widget] + widget.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QLineEdit) and w.echoMode() == QLineEdit.Normal:
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            from PySide6.QtCore import QModelIndex

            m = w.model()
            for r in range(min(m.rowCount(QModelIndex()), 200)):
                try:
                    columns = m.columnCount(QModelIndex())
                except TypeError:  # a list widget's model (one column)
                    columns = 1
                for c in range(columns):
                    texts.append(str(m.index(r, c).data() or ""))
    texts.append(widget.windowTitle())
    return texts
