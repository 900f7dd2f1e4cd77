"""Schema versions (Alembic revisions under ``db/``) applied on open.

A new database is created by running every migration (never create_all).
An older database is backed up, then upgraded. A database written by a
newer app is refused and left untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from coordinator_app.store import (
    StoreError,
    backup_sqlite,
    is_sqlite,
    sqlite_path,
    timestamped_backup_path,
)


def _migrations_dir() -> Path:
    """``db/`` is installed as the package ``coordinator_app.migrations``;
    from a source tree that is not installed, it sits beside the package."""
    try:
        from coordinator_app import migrations
    except ImportError:
        return Path(__file__).resolve().parents[1] / "db"
    return Path(migrations.__file__).parent


MIGRATIONS_DIR = _migrations_dir()


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revisions() -> set[str]:
    """The app's schema heads. Features add their tables on their own
    branch of revisions off the baseline, so there may be several."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def upgrade(engine: Engine, target: str = "heads") -> None:
    """Run migrations up to target in one transaction. On SQLite foreign
    keys are switched off for the connection (batch mode recreates tables)
    and checked afterwards."""
    cfg = alembic_config()
    with engine.connect() as conn:
        sqlite = is_sqlite(engine)
        if sqlite:
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                if sqlite:
                    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise StoreError(f"移行後の外部キー検査に失敗しました: {bad[:5]}")
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


NOT_OURS = "このデータベースはコーディネーターアプリのものではありません（版情報がありません）"
TOO_NEW = ("このデータベースは新しい版のアプリで作られています。"
           "アプリを更新してから開いてください（データベースは変更していません）")


def check_file(path: Path) -> None:
    """Refuse a plain SQLite file that is not ours or is newer than the
    app, reading it read-only: opening it for real would already write
    to it (WAL mode is set on every connection)."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # let the real open report it
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revs = set()
        if "alembic_version" in tables:
            revs = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.Error:
        return
    finally:
        con.close()
    if not revs and tables - {"alembic_version"}:
        raise StoreError(NOT_OURS)
    if revs - known_revisions():
        raise StoreError(TOO_NEW)


def prepare(engine: Engine, backup_dir: Path | None = None) -> str:
    """Bring the database to the app's schema. Returns what was done:
    'created', 'upgraded' or 'current'. Raises StoreError for a newer or
    foreign database, touching nothing."""
    heads = head_revisions()
    tables = set(inspect(engine).get_table_names())
    revs = current_revisions(engine) if "alembic_version" in tables else set()
    if not revs:
        if tables - {"alembic_version"}:
            raise StoreError(NOT_OURS)
        upgrade(engine)
        return "created"
    if revs == heads:
        return "current"
    if revs - known_revisions():
        raise StoreError(TOO_NEW)
    path = sqlite_path(str(engine.url))
    if path is not None:
        backup_sqlite(engine, timestamped_backup_path(path, "before-upgrade", backup_dir))
    upgrade(engine)
    return "upgraded"


def check_open(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
