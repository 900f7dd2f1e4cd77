"""Opening a database and signing in: the one path the desktop app and the
command line share, with the start-up policy.

Start-up policy (both faces):
- a database file on a network drive is refused — SQLite's locking is not
  reliable over SMB/NFS and the file gets corrupted;
- one app per database file: the desktop app holds the instance lock
  while it runs, and so does every command that writes to the database
  (init, import, encrypt, recover), so that neither writes under the
  other's feet. Commands that only read (and audit what they read) run
  beside an open app.

The database object itself is ``storage.database.Database``; screens and
commands get it from here and hand it to services.
"""

from __future__ import annotations

from pathlib import Path

from coordinator_app.core.access import Role, SignedIn
from coordinator_app.services import accounts
from coordinator_app.storage.database import (
    DamagedDatabaseError,
    Database,
    EncryptedDatabaseError,
    MissingDatabaseError,
)
from coordinator_app.storage.encryption import UnlockError, is_encrypted, open_encrypted
from coordinator_app.storage.engine import APP_NAME, ENV_DB, StoreError, database_exists

__all__ = [
    "DamagedDatabaseError", "Database", "EncryptedDatabaseError", "MissingDatabaseError",
    "UnlockError", "StoreError", "Refused", "APP_NAME", "ENV_DB", "locate", "database_exists",
    "check_location", "lock_file", "open_database", "open_encrypted", "is_encrypted",
    "sign_in", "script_user", "owner_only_files", "signs_in_to_server", "open_server",
]


class Refused(StoreError):
    """The start-up policy refuses this database file; the message
    (Japanese) says why and what to do."""


def locate(db_arg: str | None) -> tuple[str, Path | None]:
    """The URL of --db / $COORDINATOR_APP_DB / the default file, and the
    SQLite file it names (None for PostgreSQL or in-memory)."""
    from coordinator_app.storage.engine import resolve_url, sqlite_path

    url = resolve_url(db_arg)
    return url, sqlite_path(url)


def check_location(path: Path) -> None:
    """Refuse a database file on a network drive (every command, and the
    desktop app)."""
    from coordinator_app.storage import instance_lock

    reason = instance_lock.network_share_reason(path)
    if reason:
        raise Refused(reason)


def lock_file(path: Path):
    """Take the one-app-per-file lock (``InstanceLock``; ``release()`` it
    when done), or raise Refused saying who holds the file — or why the
    lock cannot be written (a read-only folder)."""
    from coordinator_app.services.backups import writable_problem
    from coordinator_app.storage.instance_lock import InstanceLock, InstanceLocked

    lock = InstanceLock(path)
    try:
        lock.acquire()
    except InstanceLocked as exc:
        raise Refused(str(exc)) from None
    except OSError as exc:
        raise Refused(writable_problem(path) or str(exc)) from None
    return lock


def open_database(db_arg: str | None, *, actor: str = "cli", create: bool = False,
                  key: bytes | None = None) -> Database:
    """Open (migrating as needed) a plain database, or an encrypted file
    whose key is known. Only ``create`` makes a missing one
    (MissingDatabaseError otherwise, nothing created); an encrypted file
    without its key raises EncryptedDatabaseError — unlock it with
    ``open_encrypted(path, login, password)``."""
    return Database.open(db_arg, actor=actor, create=create, key=key)


def signs_in_to_server(url: str) -> bool:
    """A server URL without a password: opened at sign-in, as the account
    (``open_server``), never with a password stored on the PC."""
    from coordinator_app.services import server
    return server.signs_in_to_server(url)


def server_display_name(url: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(url).render_as_string(hide_password=True)


def open_server(url: str, login: str, password: str) -> Database:
    """The city's server opened with the account's own credentials (the
    sign-in dialog's); AuthError for a wrong login or password."""
    from coordinator_app.services import server
    return server.open_as_account(url, login, password)


def sign_in(db: Database, login: str, password: str) -> SignedIn:
    """``accounts.authenticate``, tried again while another program holds
    the write lock for a moment; the database then records login as the
    actor of what follows. Raises access.AuthError."""
    from coordinator_app.services.imports import retry_busy

    who = retry_busy(lambda: accounts.authenticate(db, login, password))
    db.actor = who.login
    return who


def script_user(db: Database) -> SignedIn:
    """Who a command acts as on a database without accounts: figures of
    every branch, as city staff see them (there is nobody to sign in)."""
    return SignedIn(0, db.actor, "コマンドライン", Role.CITY_STAFF, None, None, None)


def owner_only_files():
    """While it is entered, files the app creates are readable by their
    owner only (the command line and the desktop app)."""
    from coordinator_app.storage.private_files import owner_only

    return owner_only()


def load_demo(db: Database) -> dict[str, int]:
    """``init --sample``: the demo records, into an empty database only.
    Returns counts per kind."""
    from sqlalchemy import func, select

    from coordinator_app.core.models import Branch
    from coordinator_app.services.demo import load_sample

    with db.session() as s:
        if s.scalar(select(func.count()).select_from(Branch)):
            raise ValueError("データベースにはすでにデータがあります。"
                             "デモデータは空のデータベースにだけ読み込めます")
    return load_sample(db)


def failure_kind(exc: BaseException) -> str:
    """How a face reports an exception that no service turned into a
    refusal: "ledger" (a refused ledger file: ``exc.total`` errors, one
    per line), "refused" (its message is for people: storage, the tally
    file, the file system), "busy" (another program holds the database's
    write lock) or "other" (say only its type: SQL parameters may hold
    names). Looks only at modules already loaded: an exception cannot
    come from one that is not."""
    import sys

    from coordinator_app.services.backups import is_busy

    def raised_by(module: str, name: str) -> bool:
        loaded = sys.modules.get(module)
        return loaded is not None and isinstance(exc, getattr(loaded, name))

    if raised_by("coordinator_app.interchange.ledger", "LedgerError"):
        return "ledger"
    if isinstance(exc, (StoreError, OSError)) or raised_by(
            "coordinator_app.interchange.tally_file", "TallyError"):
        return "refused"
    return "busy" if is_busy(exc) else "other"
