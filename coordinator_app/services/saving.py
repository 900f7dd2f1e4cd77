"""Saving on a shared server (issue 21): the rules every save path
follows, in one place.

- **Stale save.** Records people edit on screen carry a ``version``
  (``core.models.VERSIONED``). A form remembers the version it was opened
  on; the service refuses a save made on an older one with ``StaleEdit``,
  which carries the newer record so the screen can show it beside what the
  user typed. Saving again on the newer version is the user's deliberate
  choice. SQLAlchemy's own check (``UPDATE … WHERE version = ?``) closes
  the gap between reading and writing; ``edit_of`` turns it into the same
  refusal.
- **Connection lost.** ``retried`` runs one save (one transaction, so a
  failed try wrote nothing) again after short pauses while the server
  connection is lost; the engine's ``pool_pre_ping`` hands the next try a
  live connection. Busy SQLite files have their own rule
  (``services.imports.retry_busy``).
- **In-doubt commit.** The connection can drop after the server committed
  but before the answer came back; retrying an edit is safe (the version
  check), retrying the insert of a new record is not. So the screen makes
  one ``new_key()`` for the new record it saves and keeps it through every
  try; the service stores it as the record's ``client_key`` and first asks
  ``saved_before`` whether a try already stored it.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from typing import Callable, Iterator, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

T = TypeVar("T")

STALE_MESSAGE = "他の人が先に変更しました"
RECONNECTING_MESSAGE = ("サーバーとの接続が切れました。入力した内容は残っています。"
                        "再接続して保存し直します…")
# Pauses (seconds) before each new try: about 15 s in all, enough for a
# server restart, short enough that nobody waits on a dead network.
RECONNECT_PAUSES = (0.5, 1.0, 2.0, 3.0, 4.0, 4.0)


class StaleEdit(Exception):
    """Someone saved the record after this form was opened. ``newer``: the
    record as it is now (the service's detail object), for the screen to
    show; ``version``: its version, to save on top of deliberately."""

    def __init__(self, version: int | None = None, newer: object = None) -> None:
        super().__init__(STALE_MESSAGE)
        self.version = version
        self.newer = newer


class ConnectionLost(RuntimeError):
    """The server stayed unreachable through every try; nothing was saved."""

    def __init__(self) -> None:
        super().__init__("サーバーに接続できないため保存できませんでした。入力した内容は残っています。"
                         "ネットワークとサーバーを確かめてから、もう一度保存してください")


def check_version(record, base_version: int | None) -> None:
    """Refuse a save made on an older version than the stored one.
    ``base_version`` None: the caller edits what it just read (no form)."""
    if base_version is not None and record.version != base_version:
        raise StaleEdit(record.version)


@contextlib.contextmanager
def edit_of(newer: Callable[[], object]) -> Iterator[None]:
    """Around one save of an existing record (outside its session): a
    stale save, found by ``check_version`` or by the database's version
    check at commit, leaves as ``StaleEdit`` carrying ``newer()``."""
    try:
        yield
    except (StaleEdit, StaleDataError):
        current = newer()
        raise StaleEdit(getattr(current, "version", None), current) from None


def new_key() -> str:
    """The key of one new record's save (its ``client_key``), made once by
    the screen and kept across the tries of ``retried``."""
    return uuid.uuid4().hex


def saved_before(session, model, client_key: str | None):
    """The ``model`` record an earlier try of the save keyed ``client_key``
    stored, or None (also when there is no key: imports, tools, tests).
    The service returns it instead of inserting the record again."""
    if client_key is None:
        return None
    return session.scalars(select(model).where(model.client_key == client_key)).first()


def connection_lost(exc: BaseException) -> bool:
    """Did this fail because the connection to the server went away (the
    server restarted, the network dropped, it is starting up again)?
    SQLite's errors never are: a busy file is ``retry_busy``'s."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    if not type(orig).__module__.startswith("psycopg"):
        return False
    import psycopg

    if not isinstance(orig, psycopg.OperationalError):
        return False
    # No SQLSTATE: the client lost or could not make the connection;
    # 08: connection exception; 57P: shutdown / restart of the server.
    state = getattr(orig, "sqlstate", None)
    return state is None or state.startswith(("08", "57P"))


def retried(work: Callable[[], T], on_retry: Callable[[int], None] | None = None,
            pauses: tuple[float, ...] | None = None) -> T:
    """Run one save (``work`` is one transaction) and try it again while
    the connection is lost; ``on_retry(n)`` before the n-th new try (the
    screen says RECONNECTING_MESSAGE). Raises ConnectionLost when every
    try failed; any other error at once. ``pauses``: RECONNECT_PAUSES,
    read at each call, unless given."""
    if pauses is None:
        pauses = RECONNECT_PAUSES
    for attempt, pause in enumerate((*pauses, None), start=1):
        try:
            return work()
        except Exception as exc:
            if not connection_lost(exc):
                raise
            if pause is None:
                raise ConnectionLost() from exc
        if on_retry is not None:
            on_retry(attempt)
        time.sleep(pause)
