"""Opening the database: where it lives, how connections are set up,
migrations on open, and backups. Qt-free.

SQLite is the embedded default (a file in the user data folder); the same
code runs on PostgreSQL given an SQLAlchemy URL.
"""

from __future__ import annotations

import os
import sqlite3
import weakref
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from coordinator_app.core import clock
from coordinator_app.storage import platform, private_files

APP_NAME = "coordinator-app"
ENV_DB = "COORDINATOR_APP_DB"
BUSY_TIMEOUT_MS = 5000


class StoreError(RuntimeError):
    """A problem opening or changing the database; message in Japanese."""


def default_db_path() -> Path:
    """The database of this user on this PC: ``%LOCALAPPDATA%\\coordinator-app``
    on Windows — the local, not the roaming, profile: a database must stay
    on this PC; the installer makes the same folder — and
    ``~/.local/share/coordinator-app`` on Linux."""
    if platform.on_windows():
        return platform.local_app_data() / APP_NAME / "coordinator.db"
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "coordinator.db"


def resolve_url(db: str | None = None) -> str:
    """--db, then $COORDINATOR_APP_DB, then a file in the user data folder.
    A plain path means SQLite."""
    value = db or os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().absolute()
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def database_exists(url: str) -> bool:
    """Is there a database at url? A SQLite file that is not empty; on a
    server, a database that holds a schema (its ``alembic_version`` table).
    Creates nothing: a missing file stays missing. An in-memory database
    never exists before it is created."""
    path = sqlite_path(url)
    if path is not None:
        return path.is_file() and path.stat().st_size > 0
    if make_url(url).get_backend_name() == "sqlite":
        return False
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return inspect(conn).has_table("alembic_version")
    except Exception as exc:
        where = engine.url.render_as_string(hide_password=True)
        raise StoreError(f"データベースに接続できません: {where}"
                         f"（{type(getattr(exc, 'orig', None) or exc).__name__}）") from None
    finally:
        engine.dispose()


def missing_database_message(url: str) -> str:
    """Why a command other than init refuses (Japanese, one line)."""
    path = sqlite_path(url)
    where = str(path) if path is not None else \
        make_url(url).render_as_string(hide_password=True)
    return (f"データベースが見つかりません: {where}（場所の綴りを確かめてください。"
            "新しく作るときは init を使います。何も作成していません）")


# Pages kept in memory per connection (filled only as used). A large
# import changes pages of every index all over the file. SQLCipher
# decrypts and authenticates a page each time it enters the cache, so
# there it also keeps a tally's repeated scans from paying that again (on
# the 1M-record benchmark under heavy load, 13.3 s with the default cache
# against 5.8 s; on an idle machine both take ~0.45 s).
CACHE_KIB = 64 * 1024


def _set_sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA cache_size = -{int(CACHE_KIB)}")
    cur.close()


# Engines on SQLCipher files and their raw key, so that backups made from
# them (backup_sqlite, also before migrations) are encrypted the same way.
_ENGINE_KEYS: "weakref.WeakKeyDictionary[Engine, bytes]" = weakref.WeakKeyDictionary()
_sqlcipher_quiet = False


def _sqlcipher_connect(path: Path, key: bytes):
    """A SQLCipher connection with the key set before anything else reads
    the file (SQLAlchemy's first-connect queries included)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    from coordinator_app.storage.keyfile import sqlcipher_key_pragma

    global _sqlcipher_quiet
    conn = sqlcipher.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    if not _sqlcipher_quiet:
        # SQLCipher logs a wrong key to stderr; our own message says it once.
        conn.execute("PRAGMA cipher_log_level = NONE")
        _sqlcipher_quiet = True
    conn.execute(sqlcipher_key_pragma(key))
    return conn  # the other pragmas: _set_sqlite_pragmas, as on every SQLite connection


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """An engine for url. On SQLite only, every connection sets foreign
    keys, WAL, synchronous=FULL and a busy timeout. With key (32 bytes), the
    SQLite file is an SQLCipher database opened with that raw key; the
    pragmas above are set after the key."""
    u = make_url(url)
    if key is not None and (u.get_backend_name() != "sqlite" or sqlite_path(url) is None):
        raise StoreError("暗号化はファイルの SQLite データベースでだけ使えます")
    if u.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            # Owner-only before SQLite writes it; SQLite gives its -wal and
            # -shm files the database file's mode.
            private_files.make_folders(path.parent)
            private_files.create_file(path)
        if key is not None:
            from sqlcipher3 import dbapi2 as sqlcipher

            engine = create_engine(url, module=sqlcipher,
                                   creator=lambda: _sqlcipher_connect(path, key))
            _ENGINE_KEYS[engine] = key
        else:
            engine = create_engine(
                url,
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                poolclass=NullPool if path is None else None,
            )
        event.listen(engine, "connect", _set_sqlite_pragmas)
        # An executemany INSERT goes out as multi-row INSERTs ("insertmanyvalues",
        # what SQLAlchemy does on PostgreSQL): one statement per row would
        # make each row keep its own copy of every index page it changes when
        # a trigger writes another table (the tally's running counts,
        # migration 0009) — 30% slower imports.
        engine.dialect.use_insertmanyvalues_wo_returning = True
        # pysqlite's own transaction handling defers BEGIN; let SQLAlchemy
        # emit BEGIN itself so every unit of work is one real transaction.
        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_conn, _record):
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def engine_key(engine: Engine) -> bytes | None:
    """The SQLCipher key of an engine made by make_engine(url, key), else None."""
    return _ENGINE_KEYS.get(engine)


@dataclass
class BackupResult:
    path: Path
    size: int


def backup_sqlite(engine: Engine, out: Path) -> BackupResult:
    """Copy a live SQLite database with the online backup API into out.

    The copy is written beside out, checked with integrity_check, and only
    then moved into place; a failed check leaves nothing behind. From an
    encrypted database the copy is encrypted with the same key, and the key
    file is copied beside it (``<out>.keys.json``): the backup opens with
    the passwords and recovery key valid when it was made.
    """
    if not is_sqlite(engine):
        raise StoreError(
            "PostgreSQL のバックアップはサーバー側で行ってください（pg_dump を使用）"
        )
    out = Path(out)
    private_files.make_folders(out.parent)
    tmp = private_files.fresh_file(out.with_name(out.name + ".partial"))
    key = engine_key(engine)
    raw = engine.raw_connection()
    try:
        src = raw.driver_connection
        if key is not None:
            from sqlcipher3 import dbapi2 as sqlcipher

            from coordinator_app.storage.keyfile import sqlcipher_key_pragma

            dst = sqlcipher.connect(str(tmp))
            dst.execute(sqlcipher_key_pragma(key))
        else:
            dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        raw.close()
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise StoreError(f"バックアップの検査に失敗しました: {ok}")
    if key is not None:
        try:
            _copy_key_file(sqlite_path(str(engine.url)), out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    os.replace(tmp, out)
    return BackupResult(out, out.stat().st_size)


def _copy_key_file(db_path: Path | None, out: Path) -> None:
    from coordinator_app.storage.keyfile import atomic_write, keys_path

    if db_path is None or not keys_path(db_path).is_file():
        raise StoreError("鍵ファイルが見つからないため、暗号化されたバックアップを作れません")
    atomic_write(keys_path(out), keys_path(db_path).read_bytes())


def timestamped_backup_path(db_path: Path, reason: str, folder: Path | None = None) -> Path:
    folder = folder or db_path.parent / "backups"
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"{db_path.stem}-{stamp}-{reason}.db"


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()
