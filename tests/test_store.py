"""The store: where the database lives, how connections are set up, one
transaction per unit of work, and backups."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from coordinator_app.core.models import Branch
from coordinator_app.storage import engine
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import (
    StoreError,
    backup_sqlite,
    make_engine,
    resolve_url,
)
from tests.conftest import connect_file


def _pragmas(dbapi_conn) -> tuple:
    cur = dbapi_conn.cursor()
    values = tuple(cur.execute(f"PRAGMA {p}").fetchone()[0]
                   for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout"))
    cur.close()
    return values


def test_every_sqlite_connection_sets_the_pragmas(sqlite_db):
    engine = sqlite_db.engine
    seen = []
    conns = [engine.connect() for _ in range(3)]  # several pooled connections at once
    try:
        for conn in conns:
            seen.append(_pragmas(conn.connection.driver_connection))
    finally:
        for conn in conns:
            conn.close()
    engine.dispose()  # and a brand-new one after the pool is emptied
    with engine.connect() as conn:
        seen.append(_pragmas(conn.connection.driver_connection))
    for foreign_keys, journal, synchronous, busy in seen:
        assert foreign_keys == 1
        assert journal == "wal"
        assert synchronous == 2  # FULL
        assert busy > 0


def test_foreign_keys_are_enforced(sqlite_db):
    from coordinator_app.core.models import Area

    with pytest.raises(Exception):
        with sqlite_db.session() as s:
            s.add(Area(branch_id=999, name="どこにもない自治会"))
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Area)) == 0


def test_postgresql_engine_has_no_sqlite_pragmas(db):
    """The same code runs on PostgreSQL: no SQLite pragma there."""
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            assert _pragmas(conn.connection.driver_connection)[0] == 1
        else:
            assert conn.exec_driver_sql("SELECT 1").scalar() == 1
            assert db.path is None and "***" in db.display_name


def test_a_unit_of_work_is_one_transaction(db):
    with pytest.raises(RuntimeError):
        with db.session() as s:
            s.add(Branch(code="01", name="平方支部"))
            s.flush()
            raise RuntimeError("途中で失敗")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Branch)) == 0
        s.add(Branch(code="01", name="平方支部"))
    with db.session() as s:
        assert s.scalar(select(Branch.name)) == "平方支部"


def test_where_the_database_lives(monkeypatch, tmp_path):
    monkeypatch.delenv(engine.ENV_DB, raising=False)
    monkeypatch.setattr(engine, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    assert engine.default_db_path() == tmp_path / "data" / "coordinator.db"
    assert resolve_url() == f"sqlite:///{tmp_path / 'data' / 'coordinator.db'}"
    monkeypatch.setenv(engine.ENV_DB, str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url(str(tmp_path / "flag.db")) == f"sqlite:///{tmp_path / 'flag.db'}"
    monkeypatch.setenv(engine.ENV_DB, "postgresql+psycopg://u:p@db.example/coord")
    assert resolve_url() == "postgresql+psycopg://u:p@db.example/coord"
    monkeypatch.chdir(tmp_path)
    assert resolve_url("relative.db") == f"sqlite:///{tmp_path / 'relative.db'}"


def test_default_database_is_created_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(engine.ENV_DB, raising=False)
    monkeypatch.setattr(engine, "user_data_dir", lambda *a, **k: str(tmp_path / "a" / "b"))
    db = Database.open(create=True)
    try:
        assert db.path == tmp_path / "a" / "b" / "coordinator.db"
        assert db.path.is_file() and db.prepared == "created"
    finally:
        db.close()


def test_backup_is_checked_and_opens(demo_db, tmp_path):
    out = tmp_path / "copies" / "backup.db"
    result = backup_sqlite(demo_db.engine, out)
    assert result.path == out and result.size == out.stat().st_size > 0
    assert not out.with_name(out.name + ".partial").exists()
    con = connect_file(out, demo_db.key)  # encrypted with the source's key, if it is
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    con.close()
    copy = Database.open(str(out), key=demo_db.key)
    try:
        with copy.session() as s, demo_db.session() as t:
            assert s.scalar(select(func.count()).select_from(Branch)) == \
                t.scalar(select(func.count()).select_from(Branch)) == 13
        assert copy.prepared == "current"
    finally:
        copy.close()


def test_backup_refused_on_postgresql(db, tmp_path):
    if db.engine.dialect.name == "sqlite":
        pytest.skip("PostgreSQL only")
    with pytest.raises(StoreError, match="pg_dump"):
        backup_sqlite(db.engine, tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def test_make_engine_creates_the_folder(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new' / 'dir' / 'x.db'}")
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    engine.dispose()
    assert Path(tmp_path / "new" / "dir").is_dir()
