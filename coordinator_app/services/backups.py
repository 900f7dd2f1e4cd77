"""Data safety: backups, their thinning, restore, and the checks made
before a database is opened. Qt-free (the shell drives it with a timer and
``ctx.runner``; the command line calls it directly).

Backups are SQLite online-backup copies checked with ``integrity_check``
(``engine.backup_sqlite``) in a ``backups`` folder beside the database,
named ``<stem>-YYYYmmdd-HHMMSS-ffffff-<reason>.db``. PostgreSQL is backed
up on the server (pg_dump); these functions then do nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from coordinator_app.core import access, clock
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.storage import private_files
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import (
    StoreError,
    backup_sqlite,
    timestamped_backup_path,
)

BACKUP_INTERVAL = dt.timedelta(minutes=30)
KEEP_ALL = dt.timedelta(days=1)
KEEP_DAILY = dt.timedelta(days=14)
KEEP_MONTHLY = dt.timedelta(days=365)

REASON_LABELS = {
    "auto": "自動（30分ごと）",
    "exit": "終了時",
    "manual": "手動",
    "before-upgrade": "更新前",
    "before-import": "取り込み前",
    "before-restore": "復元前",
    "encrypt": "暗号化時",
    "rekey": "鍵の作り直し後",
}


class RestoreCancelled(Exception):
    """The restore was cancelled before anything was replaced."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # local time, from the file name
    reason: str
    size: int


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _name_pattern(stem: str) -> re.Pattern:
    return re.compile(re.escape(stem) + r"-(\d{8}-\d{6}-\d{6})-([A-Za-z0-9_-]+)\.db$")


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The database's backups, newest first."""
    db_path = Path(db_path)
    folder = folder or backup_folder(db_path)
    pattern = _name_pattern(db_path.stem)
    found = []
    if folder.is_dir():
        for p in folder.iterdir():
            m = pattern.match(p.name)
            if not m:
                continue
            try:
                at = dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S-%f")
                size = p.stat().st_size
            except (ValueError, OSError):
                continue
            found.append(BackupInfo(p, at, m.group(2), size))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def make_backup(db: Database, reason: str, folder: Path | None = None,
                actor: str | None = None, audited: bool = True) -> BackupInfo | None:
    """Back the database up now (checked copy), record it in the audit
    trail (unless the caller's own action is audited instead), then thin
    old backups. None on PostgreSQL."""
    path = db.path
    if path is None:
        return None
    out = timestamped_backup_path(path, reason, folder)
    result = backup_sqlite(db.engine, out)
    if audited:
        with db.session() as s:
            db.audit(s, "backup", "database", None, f"reason={reason} bytes={result.size}",
                     actor=actor)
    thin(path, folder=folder)
    info = [b for b in list_backups(path, folder or out.parent) if b.path == out]
    return info[0] if info else BackupInfo(out, clock.now(), reason, result.size)


def manual_backup(db: Database, who: SignedIn) -> BackupInfo | None:
    """「今すぐバックアップ」 (File menu, Settings › ロック・バックアップ): a
    backup into the database's own ``backups`` folder, for the roles that
    may restore one (coordinators and administrators). It stays beside the
    database with the same protection (and key) as the file itself, so it
    gives nobody more than the database does; a copy to take away is
    ``backup_to``."""
    access.check(who, Action.BACKUP)
    if db.path is None:
        raise StoreError(SERVER_BACKUP_MESSAGE)
    return make_backup(db, "manual", actor=who.login)


# The city's shared server is backed up by PostgreSQL's own tools, by the
# city's IT (README 「市の共有サーバー」), not by copying a file.
SERVER_BACKUP_MESSAGE = ("このデータベースは市の共有サーバー（PostgreSQL）にあります。"
                         "バックアップはアプリではなく、市の情報担当がサーバーで pg_dump を使って"
                         "取ります（手順は README の「市の共有サーバー」）")


def backup_before_import(db: Database) -> BackupInfo | None:
    """The backup the first import of a day takes first (it covers a good
    file with the wrong contents: restoring it gives the day's start back).

    One a day, not one per import (issue 19): a full copy of a city-sized
    database takes seconds, and a monthly 40-line import must be instant.
    A later import that day is covered by that copy (or by a newer one the
    app took meanwhile, every 30 minutes); what it alone changed can be
    seen in the audit trail and imported again correctly — an import is
    one transaction, so a refused one never needs a restore. Undoing one
    import by itself (a recorded batch) was the alternative; it would need
    the prior values of every updated record and contact kept per import,
    a second copy of the data that grows with every import.

    Only when something changed since the newest backup, too: 31 imports
    in a row keep one copy, not 31. None when no copy is taken (or on
    PostgreSQL). Not audited by itself — the import is; if the import is
    then refused, ``discard_backup`` removes it again."""
    path = db.path
    if path is None:
        return None
    newest = list_backups(path)
    if newest and (newest[0].taken_at.date() == clock.today()
                   or not changed_since(db, newest[0].path)):
        return None
    return make_backup(db, "before-import", audited=False)


# Audit actions that change no record: sign-ins, reading, exports, backups.
READ_ONLY_ACTIONS = ("sign_in", "sign_in_failed", "sign_out", "view", "export", "backup")


def _last_change(conn) -> int:
    """The id of the newest audit row of a change (every change of a
    record is audited in its own transaction; audit rows are never
    deleted, so ids only grow)."""
    marks = ", ".join("?" * len(READ_ONLY_ACTIONS))
    row = conn.execute(f"SELECT max(id) FROM audit_log WHERE action NOT IN ({marks})",
                       READ_ONLY_ACTIONS).fetchone()
    return row[0] or 0


def changed_since(db: Database, backup: Path) -> bool:
    """Did the database change after ``backup`` was taken? Compares the
    newest change in the audit trail of each. A backup that cannot be
    read counts as old."""
    try:
        conn = _connect_keyed(backup, db.key if looks_encrypted(backup) else None)
        try:
            then = _last_change(conn)
        finally:
            conn.close()
    except Exception:  # sqlite3 or sqlcipher3: damaged, another key, no audit table
        return True
    with db.engine.connect() as conn:
        return _last_change(conn.connection.driver_connection) > then


def backup_owed(db: Database, now: dt.datetime | None = None) -> bool:
    """Is the exit backup owed? Quitting does not wait for it (issue 18):
    the shell takes it at the next quiet moment of this or a later run.
    Owed when the file has no backup of today or changed (per the audit
    trail) after its newest backup — so a run that quit or crashed before
    its backup is caught up by the next. Never on PostgreSQL."""
    if db.path is None:
        return False
    existing = list_backups(db.path)
    if not existing or existing[0].taken_at.date() != (now or clock.now()).date():
        return True
    return changed_since(db, existing[0].path)


def discard_backup(info: BackupInfo) -> None:
    """Remove a backup (with its key file) taken for an import that was
    then refused: the database is as it was when the previous one was taken."""
    from coordinator_app.storage.encryption import database_files

    for f in database_files(info.path):
        f.unlink(missing_ok=True)


# --- what each role may take away (README, "What each role gets") ----------

@dataclass(frozen=True)
class CopyResult:
    path: Path
    size: int
    scope: str  # "full" or "branch=<code>"


def backup_to(db: Database, who: SignedIn | None, out: Path,
              password: str | None = None) -> CopyResult:
    """``backup --out FILE``: a copy of the database to take away, by role.

    - administrator, or nobody signed in on a database without accounts:
      the whole file (an encrypted one stays encrypted with its key file);
    - coordinator: their branch's copy (``branch_copy``), an encrypted
      database's under a new key opened by their ``password`` only;
    - city staff (figures only): refused.
    Audited with the scope written."""
    only = None if who is None else access.check(
        who, Action.BACKUP,
        refusal="市社協職員のアカウントはバックアップを作れません（集計ファイルを使ってください）")
    if only is not None:  # a coordinator: their branch
        from coordinator_app.services.branch_copy import write_branch_copy

        result = write_branch_copy(db, who, out, password)
        scope = f"branch={who.branch_code}"
    else:
        result = backup_sqlite(db.engine, out)
        scope = "full"
    with db.session() as s:
        db.audit(s, "backup", "database", None, f"scope={scope} bytes={result.size}")
    return CopyResult(result.path, result.size, scope)


# --- leftovers ------------------------------------------------------------

# A backup still being written touches its file all the time; one this old
# was left by a process that was killed or lost power.
PARTIAL_AGE_SECONDS = 3600


def _file_clock(folder: Path) -> float | None:
    """The time the file system stamps on a file made now: a leftover's age
    is measured on the clock that stamped it (not the app's clock, which
    tests and libfaketime may move). None where no file can be made: no
    file can be removed there either."""
    try:
        with tempfile.TemporaryFile(dir=folder) as probe:
            return os.fstat(probe.fileno()).st_mtime
    except OSError:
        return None


def remove_leftovers(db_path: Path, folder: Path | None = None) -> int:
    """Remove what interrupted backups of this database left in its
    backups folder: ``.partial`` files, and key files whose backup is
    missing. Called at start (the desktop app, the command line).
    Returns how many files went."""
    folder = folder or backup_folder(db_path)
    if not folder.is_dir():
        return 0
    stem = re.escape(Path(db_path).stem)
    partial = re.compile(stem + r"-.+\.db\.partial$")
    orphan_keys = re.compile("(" + stem + r"-.+\.db)\.keys\.json$")
    stamped_now = _file_clock(folder)
    if stamped_now is None:
        return 0
    old = stamped_now - PARTIAL_AGE_SECONDS
    gone = 0
    for p in folder.iterdir():
        m = orphan_keys.match(p.name)
        leftover = partial.match(p.name) or (m and not (folder / m.group(1)).exists())
        try:
            if leftover and p.stat().st_mtime < old:
                p.unlink()
                gone += 1
        except OSError:
            pass  # in use elsewhere or not ours to remove: left for next time
    return gone


# --- thinning -------------------------------------------------------------

def thin_plan(backups: Iterable[BackupInfo], now: dt.datetime) -> list[BackupInfo]:
    """Which backups to delete: keep everything from the last day, then the
    newest of each day for two weeks, then the newest of each month for a
    year; older ones go. The newest backup is always kept."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep_days: set[dt.date] = set()
    keep_months: set[tuple[int, int]] = set()
    delete = []
    for i, b in enumerate(ordered):
        age = now - b.taken_at
        if i == 0 or age < KEEP_ALL:
            continue
        day = b.taken_at.date()
        month = (day.year, day.month)
        if age < KEEP_DAILY:
            if day in keep_days:
                delete.append(b)
            else:
                keep_days.add(day)
        elif age < KEEP_MONTHLY:
            if month in keep_months:
                delete.append(b)
            else:
                keep_months.add(month)
        else:
            delete.append(b)
    return delete


def thin(db_path: Path, now: dt.datetime | None = None, folder: Path | None = None) -> int:
    """Delete the backups ``thin_plan`` lets go, each with its key file
    (an encrypted backup) and any WAL/shm beside it. Returns how many."""
    from coordinator_app.storage.encryption import database_files

    gone = 0
    for b in thin_plan(list_backups(db_path, folder), now or clock.now()):
        try:
            for f in database_files(b.path):
                f.unlink(missing_ok=True)
            gone += 1
        except OSError:
            pass
    return gone


def _keys_of(path: Path) -> Path:
    """The key file beside an encrypted database or backup (issue 9)."""
    return path.with_name(path.name + ".keys.json")


class AutoBackupPolicy:
    """When the shell backs up by itself: every 30 minutes when something
    changed (the exit backup: ``backup_owed``). The shell counts changes
    from the app-wide change signal."""

    def __init__(self, interval: dt.timedelta = BACKUP_INTERVAL) -> None:
        self.interval = interval
        self.changes = 0
        self.last: dt.datetime | None = None

    def note_change(self) -> None:
        self.changes += 1

    def due(self, now: dt.datetime) -> bool:
        return self.changes > 0 and (self.last is None or now - self.last >= self.interval)

    def taken(self, now: dt.datetime, changes_seen: int) -> None:
        self.changes = max(0, self.changes - changes_seen)
        self.last = now


# --- checks ---------------------------------------------------------------

class DatabaseBusy(Exception):
    """Another program holds a lock on the file: it is not damaged."""


def _connect_existing(path: Path) -> sqlite3.Connection:
    from coordinator_app.storage import engine  # mode=rw never creates a missing file.
    return sqlite3.connect(f"file:{Path(path).as_posix()}?mode=rw", uri=True,
                           timeout=engine.BUSY_TIMEOUT_MS / 1000)


def _connect_keyed(path: Path, key: bytes | None):
    """A connection to an existing file; an SQLCipher one when ``key``."""
    if key is None:
        return _connect_existing(path)
    from sqlcipher3 import dbapi2 as sqlcipher

    from coordinator_app.storage.keyfile import sqlcipher_key_pragma

    if not Path(path).is_file():
        raise sqlite3.OperationalError("unable to open database file")
    conn = sqlcipher.connect(str(path))
    conn.execute(sqlcipher_key_pragma(key))
    return conn


def is_busy(exc: BaseException) -> bool:
    """Another connection holds the lock (SQLite's "database is locked"),
    also when wrapped by SQLAlchemy: worth a retry, not a damaged file."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "locked" in text or "busy" in text


def _pragma_check(path: Path, pragma: str, key: bytes | None = None) -> str | None:
    """None when the check says ok, else the problem (short). Raises
    DatabaseBusy when the file is locked by someone else."""
    try:
        conn = _connect_keyed(path, key)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except Exception as exc:  # sqlite3 or sqlcipher3 errors
        if is_busy(exc):
            raise DatabaseBusy(str(exc)) from None
        return str(exc)
    if rows and rows[0][0] == "ok":
        return None
    return "; ".join(str(r[0]) for r in rows[:5]) or "no result"


def quick_check(db_path: Path, key: bytes | None = None) -> str | None:
    """``PRAGMA quick_check`` at start: None when fine, else the problem.
    ``key``: the key of an encrypted file (known once it is unlocked)."""
    return _pragma_check(db_path, "quick_check", key)


def quick_check_open(db: Database) -> str | None:
    """``PRAGMA quick_check`` through an open database (an encrypted file
    can only be checked this way). None when fine."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
    if rows and rows[0][0] == "ok":
        return None
    return "; ".join(str(r[0]) for r in rows[:5]) or "no result"


def check_backup(path: Path, key: bytes | None = None) -> str | None:
    """A backup is usable when ``integrity_check`` is ok and it is this
    app's database. None when usable, else why not (Japanese). ``key``:
    the database key, for an encrypted backup."""
    path = Path(path)
    if not path.is_file():
        return "ファイルが見つかりません"
    if looks_encrypted(path):
        if key is None:
            return "暗号化されたバックアップです（サインインしてから確かめられます）"
        from coordinator_app.storage import encryption
        try:
            encryption.check_backup(path, key)
        except StoreError as exc:
            return f"バックアップが壊れています（{exc}）"
    else:
        key = None  # a plain backup (made before the database was encrypted)
        problem = _pragma_check(path, "integrity_check")
        if problem:
            return f"バックアップが壊れています（{problem}）"
    try:
        conn = _connect_keyed(path, key)
        try:
            ok = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table' "
                              "AND name IN ('alembic_version', 'account', 'branch')").fetchone()[0]
        finally:
            conn.close()
    except Exception as exc:
        return f"バックアップを読めません（{exc}）"
    if ok != 3:
        return "コーディネーターアプリのデータベースではありません"
    return None


def newest_good_backup(db_path: Path, folder: Path | None = None,
                       key: bytes | None = None) -> BackupInfo | None:
    """The newest backup that passes check_backup (``key``: the database
    key, for encrypted backups) and may replace the database (never a
    plain one in place of an encrypted database: ``restore_refusal``)."""
    for b in list_backups(db_path, folder):
        try:
            if restore_refusal(db_path, b.path, key) is None and check_backup(b.path, key) is None:
                return b
        except DatabaseBusy:
            continue
    return None


@dataclass(frozen=True)
class StartupCheck:
    """What the shell must do before opening a SQLite file.

    state: 'ok' (open it), 'new' (no file and no backups: create it),
    'locked' (another program holds the file: say so, change nothing),
    'encrypted' (checked once opened with its key),
    'missing' (no file, or an empty one, but backups exist: offer the
    newest good backup or an explicit new database), 'damaged' (quick_check
    failed: offer the newest good backup; never create an empty one)."""

    state: str
    problem: str = ""
    backup: BackupInfo | None = None

    @property
    def offers_restore(self) -> bool:
        return self.state in ("missing", "damaged")


def looks_encrypted(db_path: Path) -> bool:
    """An SQLCipher file (issue 9): not a plain SQLite header, and its key
    file beside it. A garbled header without a key file is damage."""
    try:
        from coordinator_app.storage.keyfile import is_encrypted_file, keys_path
    except ImportError:
        return False
    return is_encrypted_file(db_path) and keys_path(db_path).is_file()


def startup_check(db_path: Path, folder: Path | None = None,
                  key: bytes | None = None) -> StartupCheck:
    """See StartupCheck. An encrypted file is checked like a plain one once
    its key is known (``key``); before that
    the state is 'encrypted' and the shell checks it again right after
    the password has unlocked the key. Leftovers of interrupted backups
    are removed first."""
    db_path = Path(db_path)
    remove_leftovers(db_path, folder)
    exists = db_path.is_file() and db_path.stat().st_size > 0
    if not exists:
        if not list_backups(db_path, folder):
            return StartupCheck("new")
        return StartupCheck("missing", "データベースファイルが見つからないか空です",
                            newest_good_backup(db_path, folder, key))
    encrypted = looks_encrypted(db_path)
    if encrypted and key is None:
        return StartupCheck("encrypted")
    try:
        problem = quick_check(db_path, key if encrypted else None)
    except DatabaseBusy as exc:
        return StartupCheck("locked", str(exc))
    if problem is None:
        return StartupCheck("ok")
    return StartupCheck("damaged", problem, newest_good_backup(db_path, folder, key))


def writable_problem(db_path: Path) -> str | None:
    """A Japanese message when the database file or its folder cannot be
    written (SQLite needs the folder for its journal), else None."""
    db_path = Path(db_path)
    if db_path.exists() and not os.access(db_path, os.W_OK):
        return READ_ONLY_MESSAGE
    folder = db_path.parent
    if folder.exists() and not os.access(folder, os.W_OK):
        return READ_ONLY_MESSAGE
    return None


READ_ONLY_MESSAGE = ("データベースファイル（またはそのフォルダー）が読み取り専用のため、"
                     "記録を保存できません。ファイルのプロパティで「読み取り専用」を外すか、"
                     "書き込みできる場所にコピーしてから開いてください。データは変更していません。")
LOCKED_MESSAGE = ("データベースが他のプログラムに使われているため、いまは書き込めません。"
                  "他のアプリやバックアップソフトを終了して、もう一度お試しください。"
                  "入力した内容は失われていません。")


def explain_db_error(exc: BaseException) -> str:
    """A Japanese sentence saying what went wrong and what to do, for a
    database error. Never echoes SQL or its parameters (they may hold
    names)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if is_busy(exc):
        return LOCKED_MESSAGE
    if isinstance(exc, StoreError):  # its message is written for people
        return str(exc)
    if "readonly" in text or "read-only" in text or "read only" in text:
        return READ_ONLY_MESSAGE
    if "unable to open" in text:
        return ("データベースファイルを開けません。場所が存在するか、"
                "アクセスする権限があるかを確認してください。")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return ("データベースファイルが壊れています。アプリを再起動すると、"
                "バックアップからの復元を案内します。")
    if "disk is full" in text or "disk i/o" in text:
        return ("ディスクに書き込めません（空き容量不足またはディスクの障害）。"
                "空き容量を確認してください。入力した内容は失われていません。")
    return f"データベースの操作に失敗しました（{type(exc).__name__}）。もう一度お試しください。"


# --- restore --------------------------------------------------------------

@dataclass(frozen=True)
class RestoreResult:
    restored: Path  # the database path, now holding the backup's data
    kept_aside: Path | None  # the previous database, renamed
    source: Path


def _sidecars(path: Path) -> list[tuple[Path, str]]:
    return [(path.with_name(path.name + suffix), suffix) for suffix in ("-wal", "-shm")]


PLAIN_OVER_ENCRYPTED = ("暗号化されたデータベースに、暗号化されていないバックアップは復元できません"
                        "（復元すると、パスワードなしで読めるファイルに戻ってしまいます）。"
                        "暗号化されたバックアップを選んでください。")
OLDER_KEY = ("このバックアップは、データベースの鍵を作り直す前（アカウントの無効化やパスワードの"
             "変更の前）に作られたため、いまの鍵では復元できません。そのとき有効だったパスワードか"
             "回復キーで、バックアップそのものを開けます（コマンドラインの --db にバックアップを指定）。")


def _encrypted_target(db_path: Path, key: bytes | None) -> bool:
    """Is the database to be replaced encrypted? (Its key is known, its
    header says so, or its key file is there — also when the file itself
    is missing or damaged.)"""
    from coordinator_app.storage.keyfile import is_encrypted_file, keys_path

    return key is not None or is_encrypted_file(db_path) or keys_path(db_path).is_file()


def restore_refusal(db_path: Path, backup: Path, key: bytes | None = None) -> str | None:
    """Why ``backup`` may not replace the database at ``db_path``, or None:
    a plain backup never replaces an encrypted database, and an encrypted
    one must be under the database's current key (``key``, when known)."""
    if not looks_encrypted(backup):
        return PLAIN_OVER_ENCRYPTED if _encrypted_target(Path(db_path), key) else None
    if key is not None:
        from coordinator_app.storage.keyfile import KeyFile, KeyFileError, key_id

        try:
            if key_id(key) not in KeyFile.load(_keys_of(backup)).key_ids():
                return OLDER_KEY
        except KeyFileError as exc:
            return str(exc)
    return None


def restore_backup(db_path: Path, backup: Path,
                   progress: "object | None" = None,
                   now: Callable[[], dt.datetime] = clock.now,
                   key: bytes | None = None) -> RestoreResult:
    """Replace the (closed) database at ``db_path`` by a copy of ``backup``.

    The backup is checked first; it is copied into a new file which is
    checked again; only then is the current database (with its WAL and
    key file) renamed aside to ``<stem>.replaced-<time>.db`` and the new
    file moved into place. An encrypted backup (with its key file) needs
    the database ``key`` to be checked. ``progress`` (runner.Progress)
    gets (done, total) steps and may cancel before the swap. The caller
    must have closed every connection to ``db_path``. Refused
    (``restore_refusal``): a plain backup over an encrypted database, and
    an encrypted backup made under an older key."""
    db_path, backup = Path(db_path), Path(backup)
    encrypted = looks_encrypted(backup)
    refusal = restore_refusal(db_path, backup, key)
    if refusal:
        raise StoreError(f"このバックアップは使えません: {refusal}")
    if encrypted and key is None:
        raise StoreError("暗号化されたバックアップは、暗号化されたデータベースを開いている"
                         "とき（サインインのあと）に「ファイル」メニューから復元してください")

    def step(done: int) -> None:
        if progress is not None:
            progress.report(done, 4)
            if getattr(progress, "cancelled", False):
                raise RestoreCancelled()

    step(0)
    problem = check_backup(backup, key if encrypted else None)
    if problem:
        raise StoreError(f"このバックアップは使えません: {problem}")
    step(1)
    new = db_path.with_name(db_path.name + ".restoring")
    for p in [new, _keys_of(new)] + [s for s, _ in _sidecars(new)]:
        p.unlink(missing_ok=True)
    private_files.create_file(new)  # owner-only before it is filled (copies keep the mode)
    try:
        if encrypted:  # the same key: a byte copy, then checked with it
            shutil.copyfile(backup, new)
            private_files.create_file(_keys_of(new))
            shutil.copyfile(_keys_of(backup), _keys_of(new))
            problem = _pragma_check(new, "integrity_check", key)
            ok = "ok" if problem is None else problem
        else:
            src = _connect_existing(backup)
            dst = sqlite3.connect(str(new))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dst.close()
                src.close()
        if ok != "ok":
            raise StoreError(f"復元したファイルの検査に失敗しました: {ok}")
        step(2)
    except BaseException:
        new.unlink(missing_ok=True)
        _keys_of(new).unlink(missing_ok=True)
        raise
    suffixes = ["", *[suffix for _, suffix in _sidecars(db_path)], ".keys.json"]
    kept = None
    if db_path.exists():
        kept = db_path.with_name(f"{db_path.stem}.replaced-{now():%Y%m%d-%H%M%S}.db")
        for suffix in suffixes:
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + suffix))
    try:
        os.replace(new, db_path)
        if encrypted:
            os.replace(_keys_of(new), _keys_of(db_path))
    except OSError:
        if kept is not None:  # put the previous database back
            for suffix in suffixes:
                side = kept.with_name(kept.name + suffix)
                if side.exists():
                    os.replace(side, db_path.with_name(db_path.name + suffix))
        raise
    if progress is not None:
        progress.report(4, 4)
    return RestoreResult(db_path, kept, backup)


def record_restore(db: Database, actor: str, result: RestoreResult) -> None:
    """Audit a restore in the restored database (its own trail continues)."""
    with db.session() as s:
        db.audit(s, "restore", "database", None, f"from={result.source.name}", actor=actor)
