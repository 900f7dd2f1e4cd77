"""Accounts, roles and sign-in (argon2id). Qt-free, shared by the GUI and
the command line.

Roles: ``coordinator`` (one branch: its people and records only),
``city_staff`` (every branch's tallies and indicators, no personal
records), ``admin`` (accounts, branches, areas, categories).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from coordinator_app.database import Database
from coordinator_app.models import Account, Branch, utcnow

ROLES = {"coordinator": "コーディネーター", "city_staff": "市社協職員", "admin": "管理者"}
MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD = 8

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters


class AuthError(PermissionError):
    """Sign-in refused; the message (Japanese) says why without saying
    whether the login exists."""


@dataclass(frozen=True)
class SignedIn:
    """The signed-in person, as every screen and command sees them."""

    account_id: int
    login: str
    display_name: str
    role: str
    branch_id: int | None
    branch_code: str | None
    branch_name: str | None

    @property
    def sees_personal_records(self) -> bool:
        return self.role == "coordinator"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def may_see_branch(self, branch_id: int) -> bool:
        if self.role == "coordinator":
            return branch_id == self.branch_id
        return True

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"パスワードは{MIN_PASSWORD}文字以上にしてください")


def has_accounts(db: Database) -> bool:
    with db.session() as s:
        return bool(s.scalar(select(func.count()).select_from(Account)))


def create_account(db: Database, login: str, display_name: str, role: str, password: str,
                   branch_code: str | None = None, is_demo: bool = False) -> int:
    login = login.strip()
    if not login:
        raise ValueError("ログイン名を入力してください")
    if role not in ROLES:
        raise ValueError(f"役割が正しくありません（{role}）")
    check_password_rules(password)
    with db.session() as s:
        branch_id = None
        if role == "coordinator":
            if not branch_code:
                raise ValueError("コーディネーターには支部を指定してください")
            branch_id = s.scalar(select(Branch.id).where(Branch.code == branch_code))
            if branch_id is None:
                raise ValueError(f"支部コード {branch_code} は登録されていません")
        if s.scalar(select(Account.id).where(Account.login == login)):
            raise ValueError(f"ログイン名「{login}」は既に使われています")
        account = Account(login=login, display_name=display_name.strip() or login, role=role,
                          branch_id=branch_id, password_hash=hash_password(password),
                          is_demo=is_demo)
        db.stamp(account, created=True)
        s.add(account)
        s.flush()
        db.audit(s, "create", "account", account.id, f"role={role}")
        store_key_copy(db, login, password)
        return account.id


def _signed_in(s, account: Account) -> SignedIn:
    code = name = None
    if account.branch_id is not None:
        branch = s.get(Branch, account.branch_id)
        code, name = branch.code, branch.name
    return SignedIn(account.id, account.login, account.display_name, account.role,
                    account.branch_id, code, name)


def authenticate(db: Database, login: str, password: str,
                 now: dt.datetime | None = None) -> SignedIn:
    """Verify a password. Five failures lock the account for LOCKOUT.
    Success and failure are both audited. Raises AuthError."""
    now = now or utcnow()
    failure: str | None = None
    with db.session() as s:
        account = s.scalar(select(Account).where(Account.login == login.strip()))
        if account is None or not account.active:
            db.audit(s, "sign_in_failed", "account", None, "unknown login")
            failure = "ログイン名またはパスワードが違います"
        elif account.locked_until and account.locked_until > now:
            db.audit(s, "sign_in_failed", "account", account.id, "locked")
            minutes = int((account.locked_until - now).total_seconds() // 60) + 1
            failure = f"パスワードを続けて間違えたため、あと約{minutes}分ロックされています"
        else:
            try:
                _hasher.verify(account.password_hash, password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                account.failed_count += 1
                if account.failed_count >= MAX_FAILURES:
                    account.locked_until = now + LOCKOUT
                    account.failed_count = 0
                    failure = (f"パスワードを{MAX_FAILURES}回間違えたため、"
                               f"{int(LOCKOUT.total_seconds() // 60)}分間ロックしました")
                else:
                    failure = "ログイン名またはパスワードが違います"
                db.audit(s, "sign_in_failed", "account", account.id,
                         "locked" if account.locked_until and account.locked_until > now else "")
            else:
                account.failed_count = 0
                account.locked_until = None
                if _hasher.check_needs_rehash(account.password_hash):
                    account.password_hash = hash_password(password)
                previous_actor = db.actor
                db.actor = account.login
                db.audit(s, "sign_in", "account", account.id)
                db.actor = previous_actor
                return _signed_in(s, account)
    raise AuthError(failure)


def verify_password(db: Database, account_id: int, password: str) -> bool:
    """For unlocking the idle lock: True when password is the account's."""
    with db.session() as s:
        account = s.get(Account, account_id)
        try:
            return account is not None and _hasher.verify(account.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def set_password(db: Database, account_id: int, password: str) -> None:
    check_password_rules(password)
    with db.session() as s:
        account = s.get(Account, account_id)
        account.password_hash = hash_password(password)
        db.stamp(account)
        db.audit(s, "update", "account", account_id, "password")
        s.flush()
        store_key_copy(db, account.login, password)


def store_key_copy(db: Database, login: str, password: str) -> None:
    """On an encrypted database, (re)wrap this account's copy of the
    database key with its (new) password. Call it in the write transaction
    that changes the account, after a flush (the write lock serialises key
    file updates; a failure rolls the account change back). No-op on a
    plain database."""
    if db.encrypted:
        from coordinator_app import encryption

        encryption.add_account_key(db, login, password)


def remove_key_copy(db: Database, login: str) -> None:
    """On an encrypted database, remove this account's copy of the key: its
    password no longer unlocks the file (same calling rule)."""
    if db.encrypted:
        from coordinator_app import encryption

        encryption.remove_account_key(db, login)

