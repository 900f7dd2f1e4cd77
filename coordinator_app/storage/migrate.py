"""Schema versions (Alembic revisions under ``db/``) applied on open.

A new database is created by running every migration (never create_all).
An older database is backed up, then upgraded. A database written by a
newer app is refused and left untouched.

Opening a database that is already at the heads does not use Alembic
(importing it and loading the revision files took about 0.2 s of every
start): the revision ids are read from the files in ``db/versions/`` and
the stored ones with a plain query. Alembic is imported only to create or
upgrade a database.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from coordinator_app.storage.engine import (
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
        return Path(__file__).resolve().parents[2] / "db"
    return Path(migrations.__file__).parent


MIGRATIONS_DIR = _migrations_dir()

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


# A module-level ``revision = "..."`` / ``down_revision: ... = ...`` line of
# a migration file, as Alembic's template writes them.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)


def _revision_ids(path: Path) -> tuple[str, tuple[str, ...]]:
    """(revision, down revisions) of one migration file, without importing
    it. A value the quick line match cannot read (a tuple split over lines,
    say) is read from the parsed module instead."""
    source = path.read_text(encoding="utf-8")
    values = {}
    try:
        for name, value in _REVISION_LINE.findall(source):
            values.setdefault(name, ast.literal_eval(value))
    except (ValueError, SyntaxError):
        values = {}
        for node in ast.parse(source).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target = node.target
            else:
                continue
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(node.value)
    down = values.get("down_revision")
    if down is None:
        down = ()
    elif isinstance(down, str):
        down = (down,)
    return values["revision"], tuple(down)


def _revision_graph() -> dict[str, tuple[str, ...]]:
    """Every revision id in ``db/versions/`` with its down revisions (the
    files Alembic loads: ``*.py`` but ``__init__*`` and ``.#*``; about a
    millisecond). ``depends_on`` is not read: no migration uses it (the
    test comparing with Alembic would notice one that changes the heads)."""
    graph = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        if path.name.startswith(("__init__", ".#")):
            continue
        revision, down = _revision_ids(path)
        graph[revision] = down
    return graph


def head_revisions() -> set[str]:
    """The app's schema heads. Features add their tables on their own
    branch of revisions off the baseline, so there may be several.
    (tests/test_migrations.py checks this against Alembic's own reading.)"""
    graph = _revision_graph()
    below = {down for downs in graph.values() for down in downs}
    return set(graph) - below


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revisions(engine: Engine) -> set[str]:
    """The revisions stored in the database's ``alembic_version`` table
    (none when there is no such table)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return set(conn.scalars(text("SELECT version_num FROM alembic_version")))


def upgrade(engine: Engine, target: str = "heads") -> None:
    """Run migrations up to target in one transaction. On SQLite foreign
    keys are switched off for the connection (batch mode recreates tables)
    and checked afterwards."""
    from alembic import command

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
