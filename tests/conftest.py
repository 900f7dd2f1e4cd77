"""Shared fixtures. Storage and command-line tests run against SQLite and,
when $COORDINATOR_APP_TEST_PG is set (.ci/run starts a server), against
PostgreSQL too. GUI tests run offscreen."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text

from coordinator_app.core import clock
from coordinator_app.core.access import SignedIn
from coordinator_app.storage.database import Database

PG_URL = os.environ.get("COORDINATOR_APP_TEST_PG")  # e.g. postgresql+psycopg://u:p@localhost/postgres
TODAY = dt.date(2026, 11, 26)  # the demo's fixed "today" in tests: the clock starts there (10:00)


@pytest.fixture(scope="session", autouse=True)
def _clock_on_today_for_the_session():
    """The package's clock, and that of every child process (through
    $COORDINATOR_APP_TODAY, read by clock.py), is on TODAY whatever the
    machine's date — also for the fixtures built once per session or module."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(clock.ENV_VAR, TODAY.isoformat())
        clock.set_now(TODAY)
        yield
    clock.reset()


@pytest.fixture(autouse=True)
def _clock_on_today():
    """Each test starts at TODAY 10:00 (the clock runs on from there), and
    a test that moved the clock leaves it on TODAY for the next fixtures."""
    clock.set_now(TODAY)
    yield
    clock.set_now(TODAY)


def _pg_database_url() -> str:
    """A fresh, empty PostgreSQL database for one test."""
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    base = PG_URL.rsplit("/", 1)[0]
    return f"{base}/{name}"


BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
# $COORDINATOR_APP_TEST_ENCRYPTED=1: the db (SQLite), sqlite_db and demo_db
# fixtures are SQLCipher files (CI runs the suite both ways).
ENCRYPTED = os.environ.get("COORDINATOR_APP_TEST_ENCRYPTED") == "1"


# The keys of the encrypted test files made here, by file: what a person
# who signed in holds. Tests open such a file again with ``key_of(path)``
# (or ``db.key``), the way the app passes the key it unwrapped.
_KEYS: dict[str, bytes] = {}


def key_of(path) -> bytes | None:
    """The key of an encrypted test file made by open_test_db (None for
    a plain one)."""
    from pathlib import Path

    return _KEYS.get(str(Path(path).absolute()))


def open_test_db(url_or_path: str) -> Database:
    """Database.open, creating it when new; on an encrypted file when
    ENCRYPTED (a new key and a key file without copies yet; the key is
    kept for ``key_of``)."""
    from coordinator_app.storage import keyfile
    from coordinator_app.storage.engine import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(url_or_path))
    if not ENCRYPTED or path is None:
        return Database.open(url_or_path, create=True)
    key = key_of(path)
    if key is None:
        key = keyfile.new_database_key()
        keyfile.KeyFile.new(key).save(keyfile.keys_path(path))
        _KEYS[str(path.absolute())] = key
    return Database.open(url_or_path, key=key, create=True)


def connect_file(path, key: bytes | None = None):
    """A raw DB-API connection to a database file, for tests that look at
    the file itself (integrity_check, journal mode): stdlib sqlite3 for a
    plain file, sqlcipher3 with the key (given, e.g. ``db.key`` for its
    backup, or ``key_of`` the file) for an encrypted one."""
    import sqlite3

    from coordinator_app.storage import keyfile
    if not keyfile.is_encrypted_file(path):
        return sqlite3.connect(path)
    from sqlcipher3 import dbapi2 as sqlcipher

    con = sqlcipher.connect(str(path))
    con.execute(keyfile.sqlcipher_key_pragma(key or key_of(path)))
    return con


@pytest.fixture(autouse=True)
def _encrypted_test_files_open_with_their_key(monkeypatch):
    """ENCRYPTED: the fixtures' encrypted files have no account to sign in
    with (the app's own always have their first administrator), so the
    command line and the shell — which open a file through
    ``session.open_database`` — are given its key, as the app passes the
    key a sign-in unwrapped. Files the test encrypts itself are opened
    with a password, as always."""
    if not ENCRYPTED:
        yield
        return
    from coordinator_app.services import session

    real = session.open_database

    def with_key(db_arg, *, key=None, **kwargs):
        if key is None:
            path = session.locate(db_arg)[1]
            key = key_of(path) if path is not None else None
        return real(db_arg, key=key, **kwargs)

    monkeypatch.setattr(session, "open_database", with_key)
    yield


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A URL for an empty database, on every backend under test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url = _pg_database_url()
    yield url
    _drop_pg_database(url)


def _drop_pg_database(url: str) -> None:
    """Drop one test's PostgreSQL database (its connections are closed
    by then; WITH (FORCE) makes sure). An autovacuum worker still in it
    cannot be stopped by a non-superuser: then wait a moment and retry,
    and at worst leave the database behind rather than fail the test."""
    import time

    from sqlalchemy.exc import DBAPIError

    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        for attempt in range(5):
            try:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except DBAPIError:
                time.sleep(0.2 * (attempt + 1))
    finally:
        admin.dispose()


@pytest.fixture
def db(db_url):
    database = open_test_db(db_url)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path):
    database = open_test_db(str(tmp_path / "test.db"))
    yield database
    database.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    """The demo database built once per test session (no accounts), copied
    per test."""
    from coordinator_app.services.demo import load_sample

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_test_db(str(path))
    load_sample(database, today=TODAY, with_accounts=False)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def demo_db(_demo_template, tmp_path):
    """A private copy of the demo database (13 Ageo branches, a year of
    fictional records, no accounts)."""
    path = tmp_path / "demo.db"
    shutil.copy(_demo_template, path)
    if ENCRYPTED:
        from coordinator_app.storage import keyfile
        shutil.copy(keyfile.keys_path(_demo_template), keyfile.keys_path(path))
        _KEYS[str(path.absolute())] = key_of(_demo_template)
    database = open_test_db(str(path))
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _plain_file_warning_answered(monkeypatch):
    """The warning before a file with personal data is written (issue 9)
    is answered OK in tests not about it (tests/test_encryption_ui.py
    puts the real one back); its once-per-session memory starts empty."""
    try:
        from coordinator_app.ui import encryption_dialogs
    except ImportError:  # no Qt in this environment
        yield
        return
    encryption_dialogs.reset_plain_file_warnings()
    monkeypatch.setattr(encryption_dialogs, "_ask_plain_file", lambda _parent: True)
    yield
    encryption_dialogs.reset_plain_file_warnings()


def coordinator_of(db: Database, branch_code: str = "01") -> SignedIn:
    """A signed-in coordinator of a branch, without an account row."""
    from sqlalchemy import select

    from coordinator_app.core.models import Branch

    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == branch_code))
    return SignedIn(0, f"coord{branch_code}", f"テスト コーディネーター{branch_code}",
                    "coordinator", b.id, b.code, b.name)


@pytest.fixture
def coordinator(demo_db) -> SignedIn:
    return coordinator_of(demo_db, "01")
