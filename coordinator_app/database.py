"""The opened database: one object the command line, services and the GUI
share. It owns the engine; each unit of work opens its own session.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine
from sqlmodel import Session

from coordinator_app import migrate
from coordinator_app.models import AuditLog, Stamped, utcnow
from coordinator_app.store import make_engine, resolve_url, sqlite_path


class Database:
    """An open, migrated database. ``actor`` is the login recorded in
    created_by/updated_by and the audit trail ('cli' for scripts)."""

    def __init__(self, url: str, engine: Engine, actor: str = "cli") -> None:
        self.url = url
        self.engine = engine
        self.actor = actor
        self.prepared: str = "current"

    @classmethod
    def open(cls, db: str | None = None, actor: str = "cli",
             backup_dir: Path | None = None) -> "Database":
        """Open (creating or upgrading as needed) the database named by
        --db / $COORDINATOR_APP_DB / the default file."""
        url = resolve_url(db)
        engine = make_engine(url)
        try:
            prepared = migrate.prepare(engine, backup_dir)
        except Exception:
            engine.dispose()
            raise
        database = cls(url, engine, actor)
        database.prepared = prepared
        return database

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
        now = utcnow()
        record.updated_at = now
        record.updated_by = self.actor
        if created:
            record.created_at = now
            record.created_by = self.actor

    def audit(self, session: Session, action: str, entity: str = "",
              entity_id: int | None = None, detail: str = "") -> None:
        """Append an audit row in the caller's transaction. ``detail`` must
        never hold sensitive text (names, notes): codes and counts only."""
        session.add(AuditLog(actor=self.actor, action=action, entity=entity,
                             entity_id=entity_id, detail=detail[:200]))

    def close(self) -> None:
        self.engine.dispose()
