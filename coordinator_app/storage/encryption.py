"""Encryption at rest (暗号化): opening, creating, converting and
re-keying SQLCipher databases, and keeping each account's slot in the key
file. Qt-free, and no accounts: what needs them (who may encrypt, the
first administrator, a new password) is ``services.encrypting``, which
the GUI and the command line call.

A file database is encrypted with one random 256-bit key (see keyfile.py
for the key file beside it, ``<db>.keys.json``). PostgreSQL databases,
in-memory ones and plain files opened as such are not affected.

Who holds the key: every active account has a slot (its password proves
who it is), but the database key is sealed only to the slots of
``access.KEY_ROLES`` and to the recovery slot. The public key of every
slot is also recorded inside the database (setting ``key_recipients``):
the key file is not authenticated before the key is unlocked, so a key is
only ever sealed to public keys the database itself names.

Re-keying (``rekey``): when an account loses its access — deactivated,
made figures-only, its password changed or reset — a new database key
replaces the old one (SQLCipher ``PRAGMA rekey``, which rewrites every
page in one commit) and is sealed to the remaining key holders. Copies of
the key file made before (beside a backup, say) then open only the old
key: the backups made with it, not the database. Slots made from password
hashes or by version 1 of the key file cannot be given a new key: those
accounts need a new password from an administrator (``Rekeyed.dropped``).

Wrong passwords on an encrypted file are counted in the sign-in log beside
it (sign_in_log.py) and moved into the database at the next unlock.

Functions that change the key file do it while holding the database's
write lock (inside a write transaction), so two processes never rewrite
it at the same time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import func, literal_column, select, table, text
from sqlalchemy.exc import SQLAlchemyError

from coordinator_app.core import clock
from coordinator_app.storage import keyfile, private_files, sign_in_log
from coordinator_app.storage.database import (
    DamagedDatabaseError,
    Database,
    EncryptedDatabaseError,
)
from coordinator_app.storage.engine import StoreError
from coordinator_app.storage.keyfile import (
    KeyFile,
    KeyFileError,
    NoDatabaseKey,
    WrongSecret,
    keys_path,
)

__all__ = [
    "EncryptedDatabaseError", "UnlockError", "ConversionResult", "Rekeyed", "RECOVERY_KEY_NOTICE",
    "PLAIN_FILE_WARNING", "check_backup", "is_encrypted", "keys_path",
    "open_encrypted", "open_with_recovery_key", "refuse_existing",
    "create_encrypted", "convert_to_encrypted", "new_recovery_key", "set_account_key",
    "remove_account_key", "sync_key_file", "rekey", "export_encrypted", "summarize",
    "database_files", "plain_copies", "conversion_report", "rekey_report",
]

WRONG_PASSWORD = "ログイン名またはパスワードが違います（暗号化されたデータベースを開けません）"
NO_KEY = ("このアカウント（市社協職員）では、個人情報を含む暗号化されたデータベースは開けません。"
          "集計と指標は、各支部から届く集計ファイルを取りまとめて扱ってください。")

# Shown with the recovery key (GUI and command line say the same).
RECOVERY_KEY_NOTICE = (
    "回復キー（この一度だけ表示します。印刷するか書き写して、パソコンやバックアップとは別の"
    "安全な場所に保管してください。すべてのパスワードを忘れたときは、このキーでだけ"
    "データベースを開けます。なくすとデータは取り戻せません）:")
# Shown before writing a file that holds personal data (lists, person
# exports): the database is encrypted, such a file is not. Tally and
# indicator files hold no personal data and need no warning.
PLAIN_FILE_WARNING = (
    "このファイルには個人情報が含まれ、暗号化されません。"
    "保存先に注意し、用が済んだら削除してください。")
# Said after a re-key (the accounts screen and the command line).
REKEYED_NOTICE = ("データベースの鍵を作り直しました。これまでの鍵ファイル（バックアップに添えた"
                  "ものを含む）では、いまのデータベースは開けません。それ以前のバックアップは、"
                  "そのとき有効だったパスワードか回復キーで開けます。")

RECIPIENTS = "key_recipients"  # setting: {"accounts": {login: public key}, "recovery": public key}


class UnlockError(StoreError):
    """The password or recovery key does not open this database, or its key
    file is missing; the message (Japanese) says what to do."""


@dataclass
class Rekeyed:
    """What a re-key changed besides the key."""

    recovery_key: str = ""  # a new recovery key (the old one could not be carried over): show once
    dropped: list[str] = field(default_factory=list)  # logins that need a new password


def is_encrypted(path: Path | str) -> bool:
    """True when path is an SQLCipher database (decided by the file's
    header, not by the key file)."""
    return keyfile.is_encrypted_file(path)


def database_files(path: Path | str) -> list[Path]:
    """The files that make up a database or a backup: itself, its key file,
    sign-in log, WAL and shared-memory files (those that exist). Delete or
    move them together."""
    p = Path(path)
    files = [p, keys_path(p), sign_in_log.log_path(p), Path(f"{p}-wal"), Path(f"{p}-shm")]
    return [f for f in files if f.exists()]


# ---------------------------------------------------------------- opening

def _load_keys(path: Path) -> KeyFile:
    try:
        return KeyFile.load(keys_path(path))
    except KeyFileError as exc:
        raise UnlockError(str(exc)) from None


def open_encrypted(path: Path | str, login: str, password: str, *, actor: str | None = None,
                   backup_dir: Path | None = None) -> Database:
    """Open an encrypted database with an account's password (its own slot
    in the key file). The caller then signs in as usual
    (``accounts.authenticate``) for the role and the audit. Raises
    UnlockError with a message that does not say whether the login exists.

    Before anything is tried, the sign-in log says whether login is locked
    out; a wrong password is recorded there. Once open, the log's new lines
    are moved into the database, a re-key interrupted by a crash is
    finished, and a slot made from the password hash (or with weaker
    parameters, or by version 1) is replaced by one made with the password.
    """
    path = Path(path).absolute()
    login = login.strip()
    if not path.is_file():
        raise UnlockError(f"データベースが見つかりません: {path}")
    keys = _load_keys(path)
    log = sign_in_log.SignInLog(path)
    now = clock.utcnow()
    refusal = log.refusal(login, now)
    if refusal:
        log.append(login, sign_in_log.REFUSED, now)
        raise UnlockError(refusal)
    try:
        candidates = keys.unlock_account(login, password)
    except NoDatabaseKey:
        log.append(login, sign_in_log.OK, now)
        raise UnlockError(NO_KEY) from None
    except WrongSecret:
        raise UnlockError(log.record_failure(login, now) or WRONG_PASSWORD) from None
    except KeyFileError as exc:
        raise UnlockError(str(exc)) from None
    db = _open_with(path, candidates, actor or "cli", backup_dir)
    try:
        log.append(login, sign_in_log.OK, now)
        if _merge_log(db, log, login, now):
            from coordinator_app.core.access import LOCKOUT

            raise UnlockError(sign_in_log.TAMPERED_MESSAGE.format(
                minutes=int(LOCKOUT.total_seconds() // 60)))
        keys = _finish_rekey(db, keys)
        slot = keys.account_slot(login)
        if slot is not None and keyfile.needs_rewrap(slot):
            try:
                with db.session() as s:
                    db.audit(s, "rewrap_key", "account", None, "kdf")
                    s.flush()  # takes the write lock before the key file is rewritten
                    set_account_key(db, s, login, password)
            except (OSError, SQLAlchemyError, KeyFileError):
                pass  # e.g. a read-only copy: the old slot still opens; retried next time
    except BaseException:
        db.close()
        raise
    return db


def _open_with(path: Path, candidates: list[bytes], actor: str,
               backup_dir: Path | None) -> Database:
    """The database opened with the first candidate key that opens it
    (two while a re-key is under way)."""
    damaged = None
    for key in candidates:
        try:
            return Database.open(str(path), actor=actor, backup_dir=backup_dir, key=key)
        except DamagedDatabaseError as exc:
            damaged = damaged or exc
    raise damaged


def _merge_log(db: Database, log: sign_in_log.SignInLog, login: str, now) -> bool:
    try:
        return sign_in_log.merge(db, log, login, now)
    except (OSError, SQLAlchemyError):
        return False  # a read-only copy: nothing can be recorded in it


def _finish_rekey(db: Database, keys: KeyFile) -> KeyFile:
    """After a crash in the middle of ``rekey``: the database under the
    new key, the key file still naming both (write the final file); or
    still under the old one (re-key again). Returns the key file now."""
    opened = keyfile.key_id(db.key)
    if keys.previous_key_id is None and opened == keys.key_id:
        return keys
    try:
        if opened == keys.key_id:
            with db.session() as s:
                db.audit(s, "rekey", "database", None, "finished")
                s.flush()
                _rebuild(s, keys, db.key, rekeyed=True)[0].save(_key_file_of(db))
        else:
            rekey(db, "resumed")
    except (OSError, SQLAlchemyError, KeyFileError):
        return keys  # a read-only copy: both keys keep working; finished next time
    return KeyFile.load(_key_file_of(db))


def open_with_recovery_key(path: Path | str, recovery_key: str, *,
                           actor: str = "recovery") -> Database:
    """Open an encrypted database with its recovery key (回復キー), e.g. to
    set a new password when every password is lost. A version 1 recovery
    slot is replaced by a version 2 one for the same recovery key."""
    path = Path(path).absolute()
    if not path.is_file():
        raise UnlockError(f"データベースが見つかりません: {path}")
    keys = _load_keys(path)
    try:
        candidates = keys.unlock_recovery(recovery_key)
    except KeyFileError as exc:
        raise UnlockError(str(exc)) from None
    db = _open_with(path, candidates, actor, None)
    try:
        _merge_log(db, sign_in_log.SignInLog(path), "", clock.utcnow())
        keys = _finish_rekey(db, keys)
        slot = keys.recovery_slot()
        if slot is not None and keyfile.needs_rewrap(slot):
            with db.session() as s:
                db.audit(s, "rewrap_key", "database", None, "recovery")
                s.flush()
                _put_slot(db, s, keyfile.recovery_slot_from_secret(
                    keyfile.parse_recovery_key(recovery_key)))
    except BaseException:
        db.close()
        raise
    return db


# ---------------------------------------------------------------- slots and key holders

def _recipients(s) -> dict:
    from coordinator_app.core.models import Setting

    row = s.get(Setting, RECIPIENTS)
    data = json.loads(row.value) if row is not None and row.value else {}
    return {"accounts": dict(data.get("accounts", {})), "recovery": data.get("recovery")}


def _save_recipients(s, recipients: dict) -> None:
    from coordinator_app.core.models import Setting

    value = json.dumps(recipients, sort_keys=True)
    row = s.get(Setting, RECIPIENTS)
    if row is None:
        s.add(Setting(key=RECIPIENTS, value=value))
    else:
        row.value = value
    s.flush()


def _rebuild(s, keys: KeyFile, key: bytes, *, previous: bytes | None = None,
             rekeyed: bool = False) -> tuple[KeyFile, list[str]]:
    """The key file for the database as session s sees it: a slot for each
    active account and the recovery key whose public key the database
    records; ``key`` sealed to those of key holders. ``rekeyed``: key is a
    new key, which slots made from password hashes (and version 1 slots)
    never get — while ``previous`` (the old key, during a re-key) is kept
    for them and sealed to all holders. Returns the file and the logins
    whose slot could not be given the new key."""
    from coordinator_app.core.access import KEY_ROLES
    from coordinator_app.core.models import Account

    trusted = _recipients(s)
    roles = dict(s.execute(select(Account.login, Account.role)
                           .where(Account.active.is_(True))).all())
    out = KeyFile(keyfile.key_id(key), [], keyfile.key_id(previous) if previous else None)
    dropped = []
    for slot in keys.slots:
        recovery = slot["kind"] == keyfile.KIND_RECOVERY
        login = slot.get("login", "")
        if not recovery and login not in roles:
            continue
        holder = recovery or roles[login] in KEY_ROLES
        if keyfile.is_v1(slot):  # wraps the old key itself
            if holder and (previous is not None or not rekeyed or recovery):
                out.slots.append(slot)  # a stale recovery slot waits for an administrator
            elif holder:
                dropped.append(login)
            continue
        if slot["public"] != (trusted["recovery"] if recovery else trusted["accounts"].get(login)):
            continue  # a slot the database does not know: never sealed to
        fresh = {k: v for k, v in slot.items() if k != "sealed"}
        if holder:
            if keyfile.is_strong(slot) or not rekeyed:
                keyfile.seal(fresh, key)
            elif previous is None:
                dropped.append(login)  # made from a password hash (the recovery slot never is)
                continue
            if previous is not None:
                keyfile.seal(fresh, previous)
        out.slots.append(fresh)
    return out, dropped


def sync_key_file(db: Database, s, keys: KeyFile | None = None) -> None:
    """Rewrite the key file from what session s sees (after an account or
    role change). Call inside a write transaction that has already
    written (the lock keeps other processes from rewriting the key file
    meanwhile). No-op on a plain database."""
    if not db.encrypted:
        return
    path = _key_file_of(db)
    keys = keys or KeyFile.load(path)
    _rebuild(s, keys, db.key)[0].save(path)


def _put_slot(db: Database, s, slot: dict) -> None:
    keys = KeyFile.load(_key_file_of(db))
    keys.put(slot)
    trusted = _recipients(s)
    if slot["kind"] == keyfile.KIND_RECOVERY:
        trusted["recovery"] = slot["public"]
    else:
        trusted["accounts"][slot["login"]] = slot["public"]
    _save_recipients(s, trusted)
    sync_key_file(db, s, keys)


def set_account_key(db: Database, s, login: str, password: str) -> None:
    """Give login a new slot (a new key pair) for password, with the key
    sealed to it if its role holds the key. Same calling rule as
    sync_key_file."""
    if db.encrypted:
        _put_slot(db, s, keyfile.new_account_slot(login, password))


def remove_account_key(db: Database, s, login: str) -> bool:
    """Remove login's slot: its password opens nothing in the key file.
    Same calling rule; True when there was one. Call ``rekey`` after the
    transaction so that older copies of the key file stop working too."""
    if not db.encrypted:
        return False
    path = _key_file_of(db)
    keys = KeyFile.load(path)
    removed = keys.remove_account(login)
    trusted = _recipients(s)
    if trusted["accounts"].pop(login, None) is not None:
        _save_recipients(s, trusted)
    sync_key_file(db, s, keys)
    return removed


def rekey(db: Database, reason: str, *, recovery: str = "keep",
          lift_lockout: str | None = None) -> Rekeyed:
    """Re-encrypt the database with a new key and seal it to the current
    key holders only (after the change that took someone's access has been
    committed). Earlier copies of the key file stop opening the database;
    they still open the backups made with them.

    Order, so that a crash at any point leaves a file that opens: in one
    write transaction the key file is first written naming the new key and
    the previous one (both sealed to the holders), then ``PRAGMA rekey``
    rewrites every page and commits (with the audit row); afterwards the
    key file is written with the new key only, the WAL truncated (it held
    pages under the old key) and a backup made under the new key.
    ``recovery``: "renew" makes a new recovery key (returned, to show
    once); "upgrade" does so only for a version 1 recovery slot, which
    cannot be given the new key — an administrator's change; "keep" (the
    others) leaves such a slot as it is, opening only older keys, until an
    administrator's re-key (``needs_upgrade``).
    ``lift_lockout``: a login whose sign-in lock-out ends (a password reset).
    Other programs that have the file open fail on their next read and
    must open it again. Re-keying rewrites the whole file (2-3 seconds
    for 100 MB on the reference machine)."""
    if not db.encrypted:
        return Rekeyed()
    from coordinator_app.storage.engine import (
        backup_sqlite,
        make_engine,
        timestamped_backup_path,
    )

    path = _key_file_of(db)
    old, new = db.key, keyfile.new_database_key()
    result = Rekeyed()
    with db.session() as s:
        db.audit(s, "rekey", "database", None, reason[:100])
        s.flush()  # the write lock, held until the re-key commits
        keys = KeyFile.load(path)
        old_slot = keys.recovery_slot()
        if recovery == "renew" or (recovery == "upgrade" and old_slot is not None
                                   and keyfile.is_v1(old_slot)):
            slot, result.recovery_key = keyfile.new_recovery_slot()
            keys.put(slot)
            trusted = _recipients(s)
            trusted["recovery"] = slot["public"]
            _save_recipients(s, trusted)
        pending, _ = _rebuild(s, keys, new, previous=old, rekeyed=True)
        final, result.dropped = _rebuild(s, keys, new, rekeyed=True)
        pending.save(path)
        # Commits the transaction with the re-key (SQLCipher commits both together).
        s.connection().exec_driver_sql(keyfile.sqlcipher_key_pragma(new, "rekey"))
    db.engine.dispose()  # pooled connections still hold the old key
    db.engine, db.key = make_engine(db.url, new), new
    final.save(path)
    if lift_lockout:
        sign_in_log.SignInLog(db.path).append(lift_lockout, sign_in_log.OK, clock.utcnow())
    try:
        _checkpoint(db)
    except StoreError:
        pass  # a reader elsewhere: the old pages leave the WAL at the next checkpoint
    try:
        backup_sqlite(db.engine, timestamped_backup_path(db.path, "rekey"))
    except (OSError, StoreError, SQLAlchemyError):
        pass  # the database is re-keyed; the next backup is made under the new key anyway
    return result


def needs_upgrade(db: Database) -> bool:
    """True when the key file still has version 1 slots (made by an older
    version: each wraps the key itself, figures-only accounts' too). An
    administrator's re-key (``rekey(..., recovery="upgrade")``) replaces
    them."""
    if not db.encrypted:
        return False
    return any(keyfile.is_v1(slot) for slot in KeyFile.load(_key_file_of(db)).slots)


def new_recovery_key(db: Database) -> str:
    """Replace the recovery key and re-key the database, so that the old
    recovery key opens nothing current; returns the new one, to show once.
    Audited."""
    if not db.encrypted:
        raise StoreError("暗号化されていないデータベースには回復キーがありません")
    return rekey(db, "recovery key renewed", recovery="renew").recovery_key


def _key_file_of(db: Database) -> Path:
    if db.path is None:
        raise StoreError("暗号化はファイルの SQLite データベースでだけ使えます")
    return keys_path(db.path)


# ---------------------------------------------------------------- creating

def refuse_existing(path: Path) -> None:
    """A new database is never made over an existing one."""
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(f"既にデータベースがあります: {path}")


def create_encrypted(path: Path | str, first_admin: Callable[[Database], None]) -> str:
    """Create a new encrypted database at path, let ``first_admin(db)``
    make its first administrator, and return the recovery key (show it
    once, printable). Refuses an existing non-empty file. Built under a
    temporary name and moved into place, so a failure leaves no half-made
    database. (``services.encrypting.create_encrypted`` checks the
    administrator's login and password first.)"""
    path = Path(path).absolute()
    refuse_existing(path)
    tmp = path.with_name(path.name + ".creating")
    _remove(tmp)
    key = keyfile.new_database_key()
    keys = KeyFile.new(key)
    slot, recovery = keyfile.new_recovery_slot()
    keys.put(slot)
    keys.save(keys_path(tmp))
    try:
        db = Database.open(str(tmp), key=key, create=True)
        try:
            with db.session() as s:
                _save_recipients(s, {"accounts": {}, "recovery": slot["public"]})
            first_admin(db)
            _checkpoint(db)
        finally:
            db.close()
        _move_into_place(tmp, path)
    except BaseException:
        _remove(tmp)
        raise
    return recovery


def export_encrypted(plain: Path, out: Path, key: bytes) -> None:
    """Write an encrypted copy of the plain SQLite file plain into out
    (which must not exist) with SQLCipher's sqlcipher_export. No checks:
    see convert_to_encrypted for the verified conversion."""
    from sqlcipher3 import dbapi2 as sqlcipher

    if out.exists():
        raise StoreError(f"出力先が既にあります: {out}")
    private_files.create_file(out)  # owner-only before ATTACH fills it
    con = sqlcipher.connect(str(plain), isolation_level=None, timeout=30)
    try:
        # ATTACH binds the file name and key as parameters; the key text
        # uses SQLCipher's raw-key form, so no passphrase KDF runs.
        con.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(out), f"x'{key.hex()}'"))
        con.execute("SELECT sqlcipher_export('encrypted')")
        version = int(con.execute("PRAGMA main.user_version").fetchone()[0])
        con.execute(f"PRAGMA encrypted.user_version = {version}")  # an int; no parameters here
        con.execute("DETACH DATABASE encrypted")
    finally:
        con.close()


# ---------------------------------------------------------------- converting

@dataclass
class Summary:
    """What a verified copy must keep: rows and a digest of every table,
    and the tallies of every fiscal year with records."""

    rows: dict[str, int] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    tallies: dict[int, list] = field(default_factory=dict)


@dataclass
class ConversionResult:
    path: Path                 # the database, now encrypted
    backup: Path | None        # an encrypted backup of it, taken right away
    recovery_key: str          # show once, printable
    tables: int
    rows: int
    fiscal_years: list[int]
    accounts_without_key: list[str]  # must have their password reset by an administrator
    encrypted_copies: list[Path] = field(default_factory=list)  # plain copies now encrypted
    removed_copies: list[Path] = field(default_factory=list)    # plain files overwritten and removed
    failed_copies: list[Path] = field(default_factory=list)     # could not be encrypted: still plain


PLAIN_COPIES = ("encrypt", "remove")


def convert_to_encrypted(path: Path | str, login: str, password: str, *,
                         authorize: Callable[[Database], Callable[[Database], None] | None],
                         plain_copies_action: str = "encrypt") -> ConversionResult:
    """Turn a plain SQLite database into an encrypted one, leaving no plain
    copy of it behind.

    ``login``/``password`` must be an active administrator's; on a database
    without accounts they make the first administrator. The encrypted copy
    is built beside the file, checked (integrity, row counts and a digest
    of every table, tallies of every fiscal year), then moved into place,
    and an encrypted backup of it is taken. The plain original is then
    overwritten and removed, and so is every plain copy the app made of it
    (``plain_copies``: backups, files kept aside by a restore or an earlier
    conversion): with ``plain_copies_action="encrypt"`` each is first
    replaced by an encrypted copy (opening with the same key file); with
    ``"remove"`` — only after the person confirmed it — they are just
    removed. Every other account keeps its password: its slot is made from
    its stored password hash and replaced at its next sign-in. No other
    program may have the database open.

    ``authorize(plain)`` runs on the open plain database before anything
    is written (``services.encrypting`` signs login in there): it raises
    unless login may encrypt it, and returns None, or — on a database
    without accounts — a function that makes login the first
    administrator of the encrypted copy.
    """
    from coordinator_app.core.models import Account

    if plain_copies_action not in PLAIN_COPIES:
        raise ValueError(plain_copies_action)
    path = Path(path).absolute()
    if not path.is_file():
        raise StoreError(f"データベースが見つかりません: {path}")
    if is_encrypted(path):
        raise StoreError("このデータベースは既に暗号化されています")
    plain = Database.open(str(path))
    try:
        first_admin = authorize(plain)
        with plain.session() as s:
            hashes = {a.login: a.password_hash for a in s.scalars(
                select(Account).where(Account.active.is_(True)))}
        before = summarize(plain)
        _checkpoint(plain)
    finally:
        plain.close()
    if Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size > 0:
        raise StoreError("他のプログラムがデータベースを使用中です。閉じてからやり直してください")

    tmp = path.with_name(path.name + ".encrypting")
    _remove(tmp)
    key = keyfile.new_database_key()
    keys = KeyFile.new(key)
    recovery_slot, recovery = keyfile.new_recovery_slot()
    keys.put(recovery_slot)
    without_key = []
    for name, phc in hashes.items():
        slot = (keyfile.new_account_slot(name, password) if name == login.strip()
                else keyfile.account_slot_from_hash(name, phc))
        if slot is None:
            without_key.append(name)
        else:
            keys.put(slot)
    recipients = {"accounts": {s["login"]: s["public"] for s in keys.slots if s.get("login")},
                  "recovery": recovery_slot["public"]}
    original = None
    try:
        export_encrypted(path, tmp, key)
        keys.save(keys_path(tmp))
        enc = Database.open(str(tmp), key=key)
        try:
            _check_integrity(enc)
            after = summarize(enc)
            _compare(before, after)
            with enc.session() as s:
                _save_recipients(s, recipients)
                sync_key_file(enc, s, keys)
            if first_admin is not None:
                first_admin(enc)
            with enc.session() as s:
                enc.actor = login.strip()
                enc.audit(s, "encrypt", "database", None,
                          f"tables={len(after.rows)} rows={sum(after.rows.values())}")
            _checkpoint(enc)
        finally:
            enc.close()
        copies = plain_copies(path)
        original = _second_name(path)
        _move_into_place(tmp, path)
    except BaseException:
        _remove(tmp)
        if original is not None and not is_encrypted(path):
            original.unlink(missing_ok=True)  # the original is still at path
        raise
    shred(original)
    backup = _backup_now(path, key)
    done = ConversionResult(path, backup, recovery, len(after.rows), sum(after.rows.values()),
                            sorted(after.tallies), without_key)
    value = _recipients_value(path, key)
    for copy in copies:
        if plain_copies_action == "encrypt" and _is_plain_sqlite(copy):
            try:
                _encrypt_in_place(copy, path, key, value)
            except Exception:  # not a database of this app, damaged, a full disk: left, and said
                done.failed_copies.append(copy)
                continue
            done.encrypted_copies.append(copy)
        else:
            for f in _with_sidecars(copy):
                shred(f)
            done.removed_copies.append(copy)
    return done


def conversion_report(result: ConversionResult) -> list[str]:
    """What became of the plain files, in Japanese (the command line and
    the GUI say the same)."""
    lines = ["暗号化されていない元のファイルは、上書きしてから削除しました。"]
    if result.backup is not None:
        lines.append(f"暗号化したバックアップを作りました: {result.backup}")
    if result.encrypted_copies:
        lines.append(f"暗号化されていなかったバックアップなど {len(result.encrypted_copies)} 個の"
                     "ファイルを暗号化しました（同じパスワードと回復キーで開けます）。")
    if result.removed_copies:
        lines.append(f"暗号化されていないコピー {len(result.removed_copies)} 個を、"
                     "上書きしてから削除しました。")
    lines.append("SSD やクラウド同期・OS のバックアップには、上書きする前の内容が残ることがあります"
                 "（README「暗号化」を参照）。")
    if result.failed_copies:
        lines.append("次のファイルは暗号化できず、暗号化されないまま残っています。中身を確かめて"
                     "削除してください: " + ", ".join(str(p) for p in result.failed_copies))
    if result.accounts_without_key:
        lines.append("次のアカウントはパスワードの再設定が必要です: "
                     + ", ".join(result.accounts_without_key))
    return lines


def rekey_report(result: Rekeyed | None) -> list[str]:
    """What a re-key means for people, in Japanese (empty on a plain
    database). A new recovery key is not in it: show that on its own."""
    if result is None:
        return []
    lines = [REKEYED_NOTICE]
    accounts = result.dropped
    if accounts:
        lines.append("次のアカウントは古い形式の鍵しかなかったため、管理者がパスワードを"
                     "再設定するまでサインインできません: " + ", ".join(accounts))
    if result.recovery_key:
        lines.append("回復キーも新しくしました。これまでの回復キーでは、いまのデータベースは開けません。")
    return lines


def _backup_now(path: Path, key: bytes) -> Path | None:
    db = Database.open(str(path), key=key)
    try:
        from coordinator_app.storage.engine import (
            backup_sqlite,
            timestamped_backup_path,
        )

        return backup_sqlite(db.engine, timestamped_backup_path(path, "encrypt")).path
    except (OSError, StoreError, SQLAlchemyError):
        return None  # the database is encrypted; the next backup comes with the next change
    finally:
        db.close()


# ---------------------------------------------------------------- plain copies

def _is_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(keyfile.SQLITE_HEADER)) == keyfile.SQLITE_HEADER
    except OSError:
        return False


def _with_sidecars(path: Path) -> list[Path]:
    return [p for p in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal")))
            if p.is_file()]


def plain_copies(path: Path | str) -> list[Path]:
    """The plain copies of a database the app made or may have left beside
    it: files kept by a restore (``<stem>.replaced-*.db``) or an earlier
    conversion (``<stem>.plain-*.db``), backups in ``backups/`` and
    unfinished copies (``.partial``, ``.restoring``) — those that are plain
    SQLite files, or unfinished. Their -wal/-shm/-journal go with them."""
    path = Path(path).absolute()
    stem, name = re.escape(path.stem), re.escape(path.name)
    beside = re.compile(rf"{stem}\.(plain|replaced)-[0-9-]+\.db|{name}\.(restoring|partial)")
    backed = re.compile(rf"{stem}-\d{{8}}-\d{{6}}-\d{{6}}-[A-Za-z0-9_-]+\.db(\.partial)?")
    found = []
    for folder, pattern in ((path.parent, beside), (path.parent / "backups", backed)):
        if not folder.is_dir():
            continue
        for f in sorted(folder.iterdir()):
            if f.is_file() and pattern.fullmatch(f.name) and (
                    _is_plain_sqlite(f) or f.name.endswith((".partial", ".restoring"))):
                found.append(f)
    return found


def _encrypt_in_place(copy: Path, db_path: Path, key: bytes, recipients: str) -> None:
    """Replace a plain copy of the database by an encrypted one (key) with
    the database's key file and key holders beside it; the plain bytes
    are overwritten before they are let go."""
    from sqlcipher3 import dbapi2 as sqlcipher

    out = copy.with_name(copy.name + ".encrypting")
    _remove(out)
    try:
        export_encrypted(copy, out, key)
        con = sqlcipher.connect(str(out))
        try:
            con.execute(keyfile.sqlcipher_key_pragma(key))
            # The key holders of the database, so that the copy, once
            # restored, keeps sealing the key to the same accounts.
            con.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                        (RECIPIENTS, recipients))
            con.commit()
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
        if ok != "ok":
            raise StoreError(f"暗号化したバックアップの検査に失敗しました: {ok}")
        keyfile.atomic_write(keys_path(copy), keys_path(db_path).read_bytes())
        plain = _second_name(copy)
        os.replace(out, copy)
    except BaseException:
        _remove(out)
        raise
    for f in [plain] + _with_sidecars(copy)[1:]:
        shred(f)


def _recipients_value(db_path: Path, key: bytes) -> str:
    db = Database.open(str(db_path), key=key)
    try:
        with db.session() as s:
            return json.dumps(_recipients(s), sort_keys=True)
    finally:
        db.close()


def shred(path: Path) -> None:
    """Overwrite a file with zeros, flush it to the disk, then remove it.
    (On an SSD or a copy-on-write file system the old blocks may survive:
    README.)"""
    try:
        size = path.stat().st_size
        with path.open("r+b") as f:
            chunk = b"\x00" * (1 << 20)
            done = 0
            while done < size:
                n = min(len(chunk), size - done)
                f.write(chunk[:n])
                done += n
            f.flush()
            os.fsync(f.fileno())
    except FileNotFoundError:
        return
    path.unlink(missing_ok=True)


def _second_name(path: Path) -> Path:
    """A second name for a file (a hard link where the file system has
    them, else a copy), so that its replacement can take its name
    atomically and the old bytes can still be overwritten afterwards."""
    other = path.with_name(f".{path.name}.old")
    other.unlink(missing_ok=True)
    try:
        os.link(path, other)
    except OSError:
        shutil.copy2(path, other)
    return other


def summarize(db: Database) -> Summary:
    """Row count and content digest of every table, and the tallies of
    every fiscal year that has records."""
    from coordinator_app.core import counting
    from coordinator_app.storage.engine import table_names

    out = Summary()
    with db.session() as s:
        without_rowid = set(s.scalars(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%'")))
        for name in sorted(table_names(db.engine)):
            t = table(name)
            out.rows[name] = s.scalar(select(func.count()).select_from(t))
            digest = hashlib.sha256()
            query = select(literal_column("*")).select_from(t)
            # A WITHOUT ROWID table (full-text search's) is read in its key order.
            rows = s.execute(query if name in without_rowid
                             else query.order_by(literal_column("rowid")))
            for row in rows:
                digest.update(repr(tuple(row)).encode("utf-8"))
            out.digests[name] = digest.hexdigest()
        for fy in _fiscal_years(s):
            out.tallies[fy] = counting.compute(s, fy)
    return out


def _fiscal_years(s) -> list[int]:
    """Every fiscal year from the earliest to the latest month of any
    record (stock measures carry over years without flow)."""
    from coordinator_app.core.models import (
        Activity,
        Consultation,
        Volunteer,
        WatchContact,
        WatchUser,
    )

    months = []
    for col in (Consultation.month, WatchContact.month, Activity.month,
                WatchUser.enrolled_month, WatchUser.ended_month,
                Volunteer.registered_month, Volunteer.withdrawn_month):
        lo, hi = s.execute(select(func.min(col), func.max(col))).one()
        months += [m for m in (lo, hi) if m is not None]
    if not months:
        return []

    def fy(m: int) -> int:
        return m // 100 if m % 100 >= 4 else m // 100 - 1

    return list(range(fy(min(months)), fy(max(months)) + 1))


def _compare(before: Summary, after: Summary) -> None:
    if before.rows != after.rows:
        diff = [f"{t} {before.rows.get(t)}→{after.rows.get(t)}"
                for t in sorted(set(before.rows) | set(after.rows))
                if before.rows.get(t) != after.rows.get(t)]
        raise StoreError("暗号化したコピーの件数が元と合いません（元のデータベースは変更していません）: "
                         + ", ".join(diff[:5]))
    if before.digests != after.digests:
        bad = [t for t in before.digests if before.digests[t] != after.digests.get(t)]
        raise StoreError("暗号化したコピーの内容が元と合いません（元のデータベースは変更していません）: "
                         + ", ".join(bad[:5]))
    if before.tallies != after.tallies:
        raise StoreError("暗号化したコピーの集計が元と合いません（元のデータベースは変更していません）")


def _check_integrity(db: Database) -> None:
    with db.engine.connect() as conn:
        ok = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
        bad = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
    if ok != "ok" or bad:
        raise StoreError(f"暗号化したコピーの検査に失敗しました: {ok if ok != 'ok' else bad[0][0]}")


def _checkpoint(db: Database) -> None:
    """Fold the WAL into the file, so the file alone is the database."""
    with db.engine.connect() as conn:
        busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        raise StoreError("他のプログラムがデータベースを使用中です。閉じてからやり直してください")


def _move_into_place(tmp: Path, path: Path) -> None:
    """Key file first, then the database: at every moment path is either
    the old file or the complete new one (a key file alone is ignored)."""
    for suffix in ("-wal", "-shm"):
        side = Path(f"{tmp}{suffix}")
        if side.exists() and side.stat().st_size > 0 and suffix == "-wal":
            raise StoreError("一時ファイルの書き込みが終わっていません")
        side.unlink(missing_ok=True)
    # A WAL of the old file must never be replayed into the new one; a
    # non-empty one holds writes made since the check: stop.
    old_wal = Path(f"{path}-wal")
    if old_wal.exists() and old_wal.stat().st_size > 0:
        raise StoreError("他のプログラムがデータベースを使用中です。閉じてからやり直してください")
    os.replace(keys_path(tmp), keys_path(path))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)
    keyfile.fsync_dir(path.parent)


def _remove(tmp: Path) -> None:
    for p in (tmp, keys_path(tmp), Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
        p.unlink(missing_ok=True)


def check_backup(path: Path | str, key: bytes) -> None:
    """Raise StoreError unless the backup file opens with key and passes
    integrity_check (for restore: the key of the database it came from)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    con = sqlcipher.connect(str(path))
    try:
        con.execute(keyfile.sqlcipher_key_pragma(key))
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlcipher.DatabaseError:
        raise StoreError("バックアップを開けません（鍵が合わないか、ファイルが壊れています）") from None
    finally:
        con.close()
    if ok != "ok":
        raise StoreError(f"バックアップの検査に失敗しました: {ok}")

