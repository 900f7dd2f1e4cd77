"""The sign-in log of an encrypted database (``<db>.signin.log``). Qt-free.

An encrypted database cannot be read before a password has unlocked its
key, so a wrong password cannot be counted in it. Each attempt is
appended here instead (one JSON line: time, a hash of the login as typed,
what happened), and the lock-out decision before the unlock replays the
log with the same rule as a plain file (``access.after_failure``: five
failures lock for LOCKOUT; a success starts the count again). Unknown
logins are counted like known ones, so the answers do not tell them apart.

At each successful unlock the lines not yet seen by the database are moved
into it (``merge``): ``sign_in_failed`` audit rows and each account's
failed_count/locked_until. The database then records how many lines it
has seen and a hash chain over them (with the file's path). If at the same
path the log is later shorter or its first lines differ, it was deleted or
rewritten: that is audited and the account signing in is locked for
LOCKOUT.

What this cannot stop (README): someone who can write the folder can cut
the log back to what the database has already seen, or copy the key file
and guess offline at argon2id's cost — no file beside the database can
prevent that.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.core import access

LOG_SUFFIX = ".signin.log"
FAILED, REFUSED, OK, LOCK = "failed", "refused", "ok", "lock"
SETTING = "sign_in_log"  # what the database has seen: {"path", "count", "head"}

TAMPERED_MESSAGE = ("サインインの記録ファイル（.signin.log）が削除されたか書き換えられていたため、"
                    "安全のためこのアカウントを{minutes}分間ロックしました。"
                    "心当たりがなければ管理者に連絡してください。")


def log_path(db_path: Path | str) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + LOG_SUFFIX)


def login_tag(login: str) -> str:
    """What the log keeps of a login: a hash (a password typed into the
    login field is not written down in clear)."""
    return hashlib.sha256(b"coordinator-app sign-in log\x00"
                          + login.strip().encode("utf-8")).hexdigest()[:32]


def chain(lines: list[bytes]) -> str:
    head = hashlib.sha256(b"coordinator-app sign-in log chain").digest()
    for line in lines:
        head = hashlib.sha256(head + line).digest()
    return head.hex()


@dataclass(frozen=True)
class Entry:
    at: dt.datetime
    tag: str
    event: str


def _parse(line: bytes) -> Entry | None:
    try:
        d = json.loads(line)
        return Entry(dt.datetime.fromisoformat(d["at"]), str(d["login"]), str(d["event"]))
    except (ValueError, KeyError, TypeError):
        return None  # a torn or foreign line: part of the chain, counts for nothing


class SignInLog:
    def __init__(self, db_path: Path | str) -> None:
        self.path = log_path(db_path)

    def lines(self) -> list[bytes]:
        """The complete lines (a line torn by a crash is left out)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        return data.split(b"\n")[:-1]

    def append(self, login: str, event: str, at: dt.datetime) -> None:
        line = json.dumps({"at": at.isoformat(), "login": login_tag(login), "event": event})
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT
                         | getattr(os, "O_BINARY", 0), 0o600)
            try:
                os.write(fd, line.encode("ascii") + b"\n")
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass  # a read-only folder: nothing can be recorded (nor changed) there

    def state(self, login: str, lines: list[bytes] | None = None
              ) -> tuple[int, dt.datetime | None]:
        """(failed_count, locked_until) of login, replayed from the log."""
        tag = login_tag(login)
        failed, until = 0, None
        for entry in map(_parse, self.lines() if lines is None else lines):
            if entry is None or entry.tag != tag:
                continue
            failed, until = _apply(failed, until, entry)
        return failed, until

    def refusal(self, login: str, now: dt.datetime) -> str | None:
        """The lock-out message when login is locked now, else None."""
        _failed, until = self.state(login)
        return access.locked_message(until, now) if until and until > now else None

    def record_failure(self, login: str, now: dt.datetime) -> str | None:
        """Append a wrong password; the message when it locks the login."""
        self.append(login, FAILED, now)
        _failed, until = self.state(login)
        return access.JUST_LOCKED if until and until > now else None


def _apply(failed: int, until: dt.datetime | None, entry: Entry):
    """The lock-out rule for one logged event (REFUSED changes nothing)."""
    if entry.event == FAILED:
        return access.after_failure(failed, until, entry.at)
    if entry.event == OK:
        return 0, None
    if entry.event == LOCK:
        return 0, entry.at + access.LOCKOUT
    return failed, until


def merge(db, log: SignInLog, login: str, now: dt.datetime) -> bool:
    """Move the log's new lines into the opened database (audit rows and
    the accounts' counters) and record how far it has been seen. True when
    the log was deleted or rewritten: then login is locked (audited)."""
    from sqlalchemy import select

    from coordinator_app.core.models import Account, Setting

    lines = log.lines()
    here = str(Path(db.path).absolute())
    with db.session() as s:
        row = s.get(Setting, SETTING)
        seen = json.loads(row.value) if row is not None and row.value else {}
        start = 0
        tampered = False
        if seen.get("path") == here:  # elsewhere: a copy or a moved file, with its own log
            count = int(seen.get("count", 0))
            tampered = len(lines) < count or chain(lines[:count]) != seen.get("head")
            start = count
        by_tag = {login_tag(a.login): a for a in s.scalars(select(Account))}
        if tampered:
            account = by_tag.get(login_tag(login))
            db.audit(s, "sign_in_log_tampered", "account", account.id if account else None,
                     f"lines={len(lines)} seen={seen.get('count', 0)}", at=now)
            log.append(login, LOCK, now)
            lines = log.lines()
            if account is not None:
                account.failed_count, account.locked_until = 0, now + access.LOCKOUT
            start = len(lines)
        for entry in map(_parse, lines[start:]):
            if entry is None:
                continue
            account = by_tag.get(entry.tag)
            if account is not None:
                account.failed_count, account.locked_until = _apply(
                    account.failed_count, account.locked_until, entry)
            if entry.event in (FAILED, REFUSED):
                locked = account is not None and account.locked_until is not None \
                    and account.locked_until > entry.at
                db.audit(s, "sign_in_failed", "account", account.id if account else None,
                         ("locked" if locked else "") if account else "unknown login", at=entry.at)
        value = json.dumps({"path": here, "count": len(lines), "head": chain(lines)})
        if row is None:
            s.add(Setting(key=SETTING, value=value))
        else:
            row.value = value
    return tampered
