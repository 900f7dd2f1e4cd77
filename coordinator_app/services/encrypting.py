"""Encrypting a database and the keys of people (issue 9): the use cases
the desktop app and the command line share — creating an encrypted
database with its first administrator, converting a plain one, setting a
password with the recovery key, upgrading an old key file. (The recovery
key sheet is ``services.recovery_sheet``.)

The file-level work (SQLCipher, the key file, re-keying) is
``storage.encryption``; what needs accounts (who may encrypt, the first
administrator, a new password) is here, so that storage never calls a
service.
"""

from __future__ import annotations

from pathlib import Path

from coordinator_app.core.access import AuthError, Role
from coordinator_app.services import accounts
from coordinator_app.storage import encryption
from coordinator_app.storage.database import Database
from coordinator_app.storage.encryption import (  # what the screens and the command line show
    PLAIN_FILE_WARNING,
    RECOVERY_KEY_NOTICE,
    ConversionResult,
    Rekeyed,
    UnlockError,
    conversion_report,
    is_encrypted,
    keys_path,
    needs_upgrade,
    rekey_report,
)
from coordinator_app.storage.engine import StoreError

__all__ = [
    "PLAIN_FILE_WARNING", "RECOVERY_KEY_NOTICE", "ConversionResult", "Rekeyed", "UnlockError",
    "conversion_report", "is_encrypted", "keys_path", "needs_upgrade", "rekey_report", "create_encrypted", "convert_to_encrypted",
    "reset_password_with_recovery_key", "upgrade_key_file",
]


def create_encrypted(path: Path | str, admin_login: str, admin_password: str, *,
                     display_name: str = "") -> str:
    """Create a new encrypted database at path with its first administrator
    and return the recovery key (show it once, printable). Refuses an
    existing non-empty file and a password the rules refuse, before
    anything is made."""
    path = Path(path).absolute()
    encryption.refuse_existing(path)
    accounts.check_password_rules(admin_password)
    if not admin_login.strip():
        raise ValueError("ログイン名を入力してください")
    return encryption.create_encrypted(path, lambda db: accounts.create_account(
        db, admin_login, display_name or admin_login, Role.ADMIN, admin_password))


def convert_to_encrypted(path: Path | str, login: str, password: str, *, display_name: str = "",
                         plain_copies_action: str = "encrypt") -> ConversionResult:
    """Turn a plain database into an encrypted one (``encryption.
    convert_to_encrypted``, which leaves no plain copy behind). ``login``/
    ``password`` must be an active administrator's; on a database without
    accounts they make the first administrator."""

    def authorize(plain: Database):
        if not accounts.has_accounts(plain):
            accounts.check_password_rules(password)
            if not login.strip():
                raise ValueError("ログイン名を入力してください")
            return lambda enc: accounts.create_account(
                enc, login, display_name or login.strip(), Role.ADMIN, password)
        try:
            who = accounts.authenticate(plain, login, password)
        except AuthError as exc:
            raise UnlockError(str(exc)) from None
        if not who.is_admin:
            raise StoreError("データベースを暗号化できるのは管理者だけです")
        return None

    return encryption.convert_to_encrypted(path, login, password, authorize=authorize,
                                           plain_copies_action=plain_copies_action)


def reset_password_with_recovery_key(path: Path | str, recovery_key: str, login: str,
                                     new_password: str) -> Rekeyed:
    """Set a new password for an existing, active account with the
    recovery key, and end its sign-in lock-out; the database is then
    re-keyed (someone may have used this key against a forgotten or
    stolen password). Audited."""
    from sqlalchemy import select

    from coordinator_app.core.models import Account

    db = encryption.open_with_recovery_key(path, recovery_key)
    try:
        with db.session() as s:
            account_id = s.scalar(select(Account.id).where(Account.login == login.strip(),
                                                           Account.active.is_(True)))
        if account_id is None:
            raise UnlockError(f"有効なアカウント「{login.strip()}」がありません")
        return accounts.set_password(db, account_id, new_password, detail="password_recovery",
                                     lift_lockout=True)
    finally:
        db.close()


def upgrade_key_file(db: Database) -> Rekeyed | None:
    """An administrator's re-key of a key file an older version made (it
    gave every account, figures-only ones too, a copy of the key); None
    when there is nothing to upgrade."""
    if not db.encrypted or not encryption.needs_upgrade(db):
        return None
    return encryption.rekey(db, "upgrade", recovery="upgrade")

