"""Encryption at rest (暗号化): opening, creating and converting SQLCipher
databases, and keeping each account's copy of the key. Qt-free; the GUI
and the command line call these functions.

A file database is encrypted with one random 256-bit key (see crypto.py
for the key file beside it, ``<db>.keys.json``). PostgreSQL databases,
in-memory ones and plain files opened as such are not affected.

Functions that change the key file do it while holding the database's
write lock (inside a write transaction), so two processes never rewrite
it at the same time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, literal_column, select, table
from sqlalchemy.exc import SQLAlchemyError

from coordinator_app import crypto
from coordinator_app.crypto import KeyFile, KeyFileError, WrongSecret, keys_path
from coordinator_app.database import Database, EncryptedDatabaseError
from coordinator_app.store import StoreError

__all__ = [
    "EncryptedDatabaseError", "UnlockError", "ConversionResult", "RECOVERY_KEY_NOTICE",
    "PLAIN_FILE_WARNING", "check_backup", "is_encrypted", "keys_path",
    "open_encrypted", "open_with_recovery_key", "reset_password_with_recovery_key",
    "create_encrypted", "convert_to_encrypted", "new_recovery_key", "add_account_key",
    "remove_account_key", "export_encrypted", "summarize", "database_files",
]

WRONG_PASSWORD = "ログイン名またはパスワードが違います（暗号化されたデータベースを開けません）"

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


class UnlockError(StoreError):
    """The password or recovery key does not open this database, or its key
    file is missing; the message (Japanese) says what to do."""


def is_encrypted(path: Path | str) -> bool:
    """True when path is an SQLCipher database (decided by the file's
    header, not by the key file)."""
    return crypto.is_encrypted_file(path)


def database_files(path: Path | str) -> list[Path]:
    """The files that make up a database or a backup: itself, its key file,
    WAL and shared-memory files (those that exist). Delete or move them
    together."""
    p = Path(path)
    files = [p, keys_path(p), Path(f"{p}-wal"), Path(f"{p}-shm")]
    return [f for f in files if f.exists()]


# ---------------------------------------------------------------- opening

def _load_keys(path: Path) -> KeyFile:
    try:
        return KeyFile.load(keys_path(path))
    except KeyFileError as exc:
        raise UnlockError(str(exc)) from None


def open_encrypted(path: Path | str, login: str, password: str, *, actor: str | None = None,
                   backup_dir: Path | None = None) -> Database:
    """Open an encrypted database with an account's password (its own copy
    of the key). The caller then signs in as usual
    (``accounts.authenticate``) for the role, lock-out and audit. Raises
    UnlockError with a message that does not say whether the login exists.

    A copy made at conversion from the password hash, or with weaker
    parameters, is rewrapped with the password now.
    """
    path = Path(path).absolute()
    login = login.strip()
    if not path.is_file():
        raise UnlockError(f"データベースが見つかりません: {path}")
    keys = _load_keys(path)
    try:
        key = keys.unlock_account(login, password)
    except WrongSecret:
        raise UnlockError(WRONG_PASSWORD) from None
    except KeyFileError as exc:
        raise UnlockError(str(exc)) from None
    db = Database.open(str(path), actor=actor or "cli", backup_dir=backup_dir, key=key)
    slot = keys.account_slot(login)
    if slot is not None and crypto.needs_rewrap(slot):
        try:
            with db.session() as s:
                db.audit(s, "rewrap_key", "account", None, "kdf")
                s.flush()  # takes the write lock before the key file is rewritten
                add_account_key(db, login, password)
        except (OSError, SQLAlchemyError, KeyFileError):
            pass  # e.g. a read-only copy: the old copy still opens; retried next time
    return db


def open_with_recovery_key(path: Path | str, recovery_key: str, *,
                           actor: str = "recovery") -> Database:
    """Open an encrypted database with its recovery key (回復キー), e.g. to
    set a new password when every password is lost."""
    path = Path(path).absolute()
    if not path.is_file():
        raise UnlockError(f"データベースが見つかりません: {path}")
    keys = _load_keys(path)
    try:
        key = keys.unlock_recovery(recovery_key)
    except KeyFileError as exc:
        raise UnlockError(str(exc)) from None
    return Database.open(str(path), actor=actor, key=key)


def reset_password_with_recovery_key(path: Path | str, recovery_key: str, login: str,
                                     new_password: str) -> None:
    """Set a new password for an existing, active account with the
    recovery key (its copy of the key is rewrapped). Audited."""
    from coordinator_app import accounts
    from coordinator_app.models import Account

    db = open_with_recovery_key(path, recovery_key)
    try:
        with db.session() as s:
            account_id = s.scalar(select(Account.id).where(Account.login == login.strip(),
                                                           Account.active.is_(True)))
        if account_id is None:
            raise UnlockError(f"有効なアカウント「{login.strip()}」がありません")
        accounts.set_password(db, account_id, new_password)
    finally:
        db.close()


# ---------------------------------------------------------------- key copies

def add_account_key(db: Database, login: str, password: str) -> None:
    """Add or replace login's copy of the key (no-op on a plain database).
    Call inside a write transaction that has already written (the lock
    keeps other processes from rewriting the key file meanwhile)."""
    if not db.encrypted:
        return
    path = _key_file_of(db)
    keys = KeyFile.load(path)
    keys.set_account(db.key, login, password)
    keys.save(path)


def remove_account_key(db: Database, login: str) -> bool:
    """Remove login's copy: that password no longer opens the database.
    Same locking rule as add_account_key. True when a copy was removed."""
    if not db.encrypted:
        return False
    path = _key_file_of(db)
    keys = KeyFile.load(path)
    removed = keys.remove_account(login)
    if removed:
        keys.save(path)
    return removed


def new_recovery_key(db: Database) -> str:
    """Replace the recovery key (the old one stops working); returns the new
    one, to show once. Audited."""
    if not db.encrypted:
        raise StoreError("暗号化されていないデータベースには回復キーがありません")
    with db.session() as s:
        db.audit(s, "recovery_key", "database", None, "renewed")
        s.flush()
        path = _key_file_of(db)
        keys = KeyFile.load(path)
        recovery = keys.set_recovery(db.key)
        keys.save(path)
    return recovery


def _key_file_of(db: Database) -> Path:
    if db.path is None:
        raise StoreError("暗号化はファイルの SQLite データベースでだけ使えます")
    return keys_path(db.path)


# ---------------------------------------------------------------- creating

def create_encrypted(path: Path | str, admin_login: str, admin_password: str, *,
                     display_name: str = "") -> str:
    """Create a new encrypted database at path with its first administrator
    and return the recovery key (show it once, printable). Refuses an
    existing non-empty file. Built under a temporary name and moved into
    place, so a failure leaves no half-made database."""
    from coordinator_app import accounts

    path = Path(path).absolute()
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(f"既にデータベースがあります: {path}")
    accounts.check_password_rules(admin_password)
    if not admin_login.strip():
        raise ValueError("ログイン名を入力してください")
    tmp = path.with_name(path.name + ".creating")
    _remove(tmp)
    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    recovery = keys.set_recovery(key)
    keys.save(keys_path(tmp))
    try:
        db = Database.open(str(tmp), key=key)
        try:
            accounts.create_account(db, admin_login, display_name or admin_login, "admin",
                                    admin_password)
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
    plain_copy: Path           # the original, kept until the user deletes it
    recovery_key: str          # show once, printable
    tables: int
    rows: int
    fiscal_years: list[int]
    accounts_without_key: list[str]  # must have their password reset by an administrator


def convert_to_encrypted(path: Path | str, login: str, password: str, *, display_name: str = "",
                         today: dt.date | None = None) -> ConversionResult:
    """Turn a plain SQLite database into an encrypted one.

    ``login``/``password`` must be an active administrator's; on a database
    without accounts they make the first administrator. The encrypted copy
    is built beside the file, checked (integrity, row counts and a digest
    of every table, tallies of every fiscal year), then moved into place;
    the original stays as ``<name>.plain-YYYYMMDD.db`` until the user
    deletes it. Every other account keeps its password: its copy of the key
    is made from its stored password hash and replaced at its next sign-in.
    No other program may have the database open.
    """
    from coordinator_app import accounts
    from coordinator_app.models import Account

    path = Path(path).absolute()
    if not path.is_file():
        raise StoreError(f"データベースが見つかりません: {path}")
    if is_encrypted(path):
        raise StoreError("このデータベースは既に暗号化されています")
    plain = Database.open(str(path))
    try:
        if accounts.has_accounts(plain):
            try:
                who = accounts.authenticate(plain, login, password)
            except accounts.AuthError as exc:
                raise UnlockError(str(exc)) from None
            if not who.is_admin:
                raise StoreError("データベースを暗号化できるのは管理者だけです")
            create_admin = False
        else:
            accounts.check_password_rules(password)
            if not login.strip():
                raise ValueError("ログイン名を入力してください")
            create_admin = True
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
    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    recovery = keys.set_recovery(key)
    without_key = []
    for name, phc in hashes.items():
        if name == login.strip():
            keys.set_account(key, name, password)
        elif not keys.set_account_from_hash(key, name, phc):
            without_key.append(name)
    plain_copy = None
    try:
        export_encrypted(path, tmp, key)
        keys.save(keys_path(tmp))
        enc = Database.open(str(tmp), key=key)
        try:
            _check_integrity(enc)
            after = summarize(enc)
            _compare(before, after)
            if create_admin:
                accounts.create_account(enc, login, display_name or login.strip(), "admin",
                                        password)
            with enc.session() as s:
                enc.actor = login.strip()
                enc.audit(s, "encrypt", "database", None,
                          f"tables={len(after.rows)} rows={sum(after.rows.values())}")
            _checkpoint(enc)
        finally:
            enc.close()
        plain_copy = _keep_original(path, today or dt.date.today())
        _move_into_place(tmp, path)
    except BaseException:
        _remove(tmp)
        if plain_copy is not None and not is_encrypted(path):
            plain_copy.unlink(missing_ok=True)  # the original is still at path
        raise
    return ConversionResult(path, plain_copy, recovery, len(after.rows), sum(after.rows.values()),
                            sorted(after.tallies), without_key)


def summarize(db: Database) -> Summary:
    """Row count and content digest of every table, and the tallies of
    every fiscal year that has records."""
    from coordinator_app import tallies
    from coordinator_app.store import table_names

    out = Summary()
    with db.session() as s:
        for name in sorted(table_names(db.engine)):
            t = table(name)
            out.rows[name] = s.scalar(select(func.count()).select_from(t))
            digest = hashlib.sha256()
            rows = s.execute(select(literal_column("*")).select_from(t)
                             .order_by(literal_column("rowid")))
            for row in rows:
                digest.update(repr(tuple(row)).encode("utf-8"))
            out.digests[name] = digest.hexdigest()
        for fy in _fiscal_years(s):
            out.tallies[fy] = tallies.compute(s, fy)
    return out


def _fiscal_years(s) -> list[int]:
    """Every fiscal year from the earliest to the latest month of any
    record (stock measures carry over years without flow)."""
    from coordinator_app.models import Activity, Consultation, Volunteer, WatchContact, WatchUser

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


def _keep_original(path: Path, today: dt.date) -> Path:
    """A second name for the plain original (a hard link where the file
    system has them, else a copy), so that the encrypted file can replace
    path atomically."""
    copy = path.with_name(f"{path.stem}.plain-{today:%Y%m%d}{path.suffix or '.db'}")
    n = 1
    while copy.exists():
        n += 1
        copy = path.with_name(f"{path.stem}.plain-{today:%Y%m%d}-{n}{path.suffix or '.db'}")
    try:
        os.link(path, copy)
    except OSError:
        shutil.copy2(path, copy)
    return copy


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
    crypto.fsync_dir(path.parent)


def _remove(tmp: Path) -> None:
    for p in (tmp, keys_path(tmp), Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
        p.unlink(missing_ok=True)


def check_backup(path: Path | str, key: bytes) -> None:
    """Raise StoreError unless the backup file opens with key and passes
    integrity_check (for restore: the key of the database it came from)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    con = sqlcipher.connect(str(path))
    try:
        con.execute(crypto.sqlcipher_key_pragma(key))
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlcipher.DatabaseError:
        raise StoreError("バックアップを開けません（鍵が合わないか、ファイルが壊れています）") from None
    finally:
        con.close()
    if ok != "ok":
        raise StoreError(f"バックアップの検査に失敗しました: {ok}")

