"""The opened database: one object the command line, services and the GUI
share. It owns the engine; each unit of work opens its own session.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError
from sqlmodel import Session

from coordinator_app.core import clock
from coordinator_app.core.models import AuditLog, Stamped
from coordinator_app.storage import migrate
from coordinator_app.storage.engine import (
    StoreError,
    database_exists,
    make_engine,
    missing_database_message,
    resolve_url,
    sqlite_path,
)
from coordinator_app.storage.keyfile import is_encrypted_file


class EncryptedDatabaseError(StoreError):
    """The file is an encrypted (SQLCipher) database and no key was given:
    sign in (encryption.open_encrypted) to open it."""


class MissingDatabaseError(StoreError):
    """No database where one was named, and the caller did not ask to
    create one (only ``init``, the first run and an explicit yes do)."""


class DamagedDatabaseError(StoreError):
    """An encrypted file that cannot be read with its key (``key``, known
    good: unwrapped from the key file with a password): the
    file is damaged, or is not the database of that key file. The shell
    then offers the newest backup that this key opens."""

    def __init__(self, message: str, key: bytes) -> None:
        super().__init__(message)
        self.key = key


class Database:
    """An open, migrated database. ``actor`` is the login recorded in
    created_by/updated_by and the audit trail ('cli' for scripts)."""

    def __init__(self, url: str, engine: Engine, actor: str = "cli",
                 key: bytes | None = None) -> None:
        self.url = url
        self.engine = engine
        self.actor = actor
        self.prepared: str = "current"
        self.key = key  # the SQLCipher key of an encrypted file (accounts rewrap it)

    @classmethod
    def open(cls, db: str | None = None, actor: str = "cli",
             backup_dir: Path | None = None, key: bytes | None = None,
             create: bool = False) -> "Database":
        """Open (upgrading as needed) the database named by --db /
        $COORDINATOR_APP_DB / the default file. Where there is none (no
        file, an empty one, a server database without our schema) it is
        created only when ``create``; otherwise MissingDatabaseError, and
        nothing is created (no file, folder or WAL): a mistyped --db must
        not become a new empty database. key: the raw 32-byte SQLCipher key
        of an encrypted file (see encryption.open_encrypted); an encrypted
        file opened without one raises EncryptedDatabaseError, touching
        nothing."""
        url = resolve_url(db)
        path = sqlite_path(url)
        if not create and not database_exists(url):
            raise MissingDatabaseError(missing_database_message(url))
        if key is None and path is not None and is_encrypted_file(path):
            raise EncryptedDatabaseError(
                "このデータベースは暗号化されています。ログイン名とパスワードで開いてください")
        if key is None and path is not None:
            migrate.check_file(path)  # refuse a foreign or newer file before writing to it
        engine = make_engine(url, key)
        try:
            prepared = migrate.prepare(engine, backup_dir)
        except DatabaseError as exc:
            engine.dispose()
            reason = str(exc.orig)
            if key is None or not ("file is not a database" in reason or "malformed" in reason):
                raise
            raise DamagedDatabaseError("暗号化されたデータベースを開けません"
                                       "（鍵が合わないか、ファイルが壊れています）", key) from exc
        except Exception:
            engine.dispose()
            raise
        database = cls(url, engine, actor, key)
        database.prepared = prepared
        return database

    @property
    def encrypted(self) -> bool:
        """True for an SQLCipher file opened with its key."""
        return self.key is not None

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for PostgreSQL / in-memory."""
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        """What the status bar shows: the file path, or the URL without its
        password."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work in one transaction: committed when the block
        ends normally, rolled back on any exception. Objects are detached
        and still readable afterwards."""
        with Session(self.engine, expire_on_commit=False) as session:
            with session.begin():
                yield session

    def stamp(self, record: Stamped, created: bool = False) -> None:
        now = clock.utcnow()
        record.updated_at = now
        record.updated_by = self.actor
        if created:
            record.created_at = now
            record.created_by = self.actor

    def audit(self, session: Session, action: str, entity: str = "",
              entity_id: int | None = None, detail: str = "", *,
              actor: str | None = None, at: dt.datetime | None = None) -> None:
        """Append an audit row in the caller's transaction: the one way a
        row enters the trail. ``detail`` must never hold sensitive text
        (names, notes): codes and counts only. ``actor``: the signed-in
        login when it is not ``self.actor``; ``at``: when the event happened,
        if before now (an attempt replayed from the sign-in log)."""
        session.add(AuditLog(actor=self.actor if actor is None else actor, action=action,
                             entity=entity, entity_id=entity_id, detail=detail[:200],
                             at=at or clock.utcnow()))

    def close(self) -> None:
        self.engine.dispose()
