"""Where the app keeps its data on Windows, and folders named like a
Japanese user's (issue 22): the database lives in
``%LOCALAPPDATA%\\coordinator-app`` (the local, not the roaming, profile;
the installer makes the same folder), and the database, backups, exports
and prints work under ``C:\\Users\\山田 太郎\\…`` — a name with kanji and a
space."""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

import pytest

from coordinator_app.cli import ENV_PASSWORD, main
from coordinator_app.services import accounts
from coordinator_app.storage import engine
from coordinator_app.storage import platform as system
from coordinator_app.storage.instance_lock import lock_path
from tests.test_windows_lock import FakeWindowsFiles


@pytest.fixture
def windows_user(tmp_path, monkeypatch) -> Path:
    """A Windows user 山田 太郎 (the OS calls replaced): LocalAppData is
    their ``AppData\\Local``; files lock and delete as on Windows."""
    local = tmp_path / "Users" / "山田 太郎" / "AppData" / "Local"
    FakeWindowsFiles(monkeypatch)
    monkeypatch.setattr(system, "local_app_data", lambda: local)
    monkeypatch.delenv(engine.ENV_DB, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "not-windows"))  # never the real home
    return local


def test_the_default_database_is_in_the_users_local_app_data(windows_user):
    assert engine.default_db_path() == windows_user / "coordinator-app" / "coordinator.db"
    assert engine.sqlite_path(engine.resolve_url(None)) == (windows_user / "coordinator-app"
                                                           / "coordinator.db")


def test_a_japanese_user_name_with_a_space_works_for_every_file_the_app_writes(
        windows_user, tmp_path, capsys, monkeypatch):
    documents = tmp_path / "Users" / "山田 太郎" / "Documents" / "支部 資料"
    passwords = {login: password for login, password, *_ in accounts.DEMO_ACCOUNTS}
    runs = [
        (None, ["init", "--sample"]),
        ("demo-admin", ["backup", "--out", documents / "バックアップ 12月.db"]),
        ("demo-coord", ["export", "tallies", "--fiscal-year", "2025",
                        "--out", documents / "集計 2025.csv"]),
        ("demo-coord", ["print", "contacts", "--list", "branches",
                        "--out", documents / "支部 一覧.pdf"]),
    ]
    for login, argv in runs:
        if login:
            monkeypatch.setenv(ENV_PASSWORD, passwords[login])
            argv = ["--user", login, *argv]
        code = main([str(a) for a in argv])  # no --db: the default database
        out, err = capsys.readouterr()
        assert code == 0, (argv, err)
        if argv == ["init", "--sample"]:
            assert str(windows_user / "coordinator-app" / "coordinator.db") in out
    database = windows_user / "coordinator-app" / "coordinator.db"
    assert database.stat().st_size > 0 and not lock_path(database).exists()
    backup = documents / "バックアップ 12月.db"
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    rows = list(csv.reader(io.StringIO((documents / "集計 2025.csv").read_text(
        encoding="utf-8-sig"))))
    assert len(rows) > 1
    assert (documents / "支部 一覧.pdf").read_bytes().startswith(b"%PDF")


# --- the real system ---------------------------------------------------------------------

@pytest.mark.skipif(sys.platform != "win32", reason="Windows' own LocalAppData")
def test_on_windows_the_database_is_in_localappdata():
    expected = Path(os.environ["LOCALAPPDATA"]) / "coordinator-app" / "coordinator.db"
    assert engine.default_db_path() == expected


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux data folder")
def test_on_linux_the_database_is_in_the_xdg_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "山田 太郎" / "data"))
    assert engine.default_db_path() == (tmp_path / "山田 太郎" / "data" / "coordinator-app"
                                        / "coordinator.db")
