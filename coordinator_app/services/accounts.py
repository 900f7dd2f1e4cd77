"""Accounts, roles and sign-in (argon2id). Qt-free, shared by the GUI and
the command line.

Roles: ``coordinator`` (one branch: its people and records only),
``city_staff`` (every branch's tallies and indicators, no personal
records), ``admin`` (accounts, branches, areas, categories).

On an encrypted file only KEY_ROLES hold a copy of the database key
(encryption.py): a figures-only account's password opens nothing there.
"""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from coordinator_app.core import clock
from coordinator_app.core.access import (
    JUST_LOCKED,
    ROLES,
    WRONG_LOGIN,
    AuthError,
    Role,
    SignedIn,
    after_failure,
    locked_message,
)
from coordinator_app.core.models import Account, Branch
from coordinator_app.storage import server_roles
from coordinator_app.storage.database import Database

MIN_PASSWORD = 8

# The demo database's accounts, with passwords published on the sign-in
# dialog of a demo database (``services.demo`` creates them, is_demo=True).
DEMO_ACCOUNTS = [
    # (login, password, display name, role, branch code) — demo only.
    ("demo-admin", "demo-admin-pass", "デモ 管理者", Role.ADMIN, None),
    ("demo-coord", "demo-coord-pass", "デモ コーディネーター", Role.COORDINATOR, "01"),
    ("demo-city", "demo-city-pass", "デモ 市社協職員", Role.CITY_STAFF, None),
]

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
_dummy_hashes: dict[tuple, str] = {}


def display_names(session) -> dict[str, str]:
    """Login -> display name of every account, in the caller's session:
    lists that record who did something (the audit trail, the print
    register) store the login and show the person's name."""
    return dict(session.execute(select(Account.login, Account.display_name)).all())


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _dummy_hash() -> str:
    """A hash with the hasher's current parameters, verified for an unknown
    or inactive login so that it takes as long as a known one."""
    params = (_hasher.time_cost, _hasher.memory_cost, _hasher.parallelism)
    if params not in _dummy_hashes:
        _dummy_hashes[params] = _hasher.hash("coordinator-app: no such account")
    return _dummy_hashes[params]


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
        if role == Role.COORDINATOR:
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
        store_key_copy(db, s, login, password)
        sync_server_role(db, s, account, password)
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
    Success and failure are both audited. Raises AuthError. An unknown or
    inactive login is checked against a dummy hash: the same time and the
    same message as a wrong password."""
    now = now or clock.utcnow()
    failure: str | None = None
    if server_roles.connected_as(db.engine, login, password):
        return _signed_in_by_server(db, login.strip())
    with db.session() as s:
        account = s.scalar(select(Account).where(Account.login == login.strip()))
        if account is None or not account.active:
            _verify(_dummy_hash(), password)
            db.audit(s, "sign_in_failed", "account", None, "unknown login")
            failure = WRONG_LOGIN
        elif account.locked_until and account.locked_until > now:
            db.audit(s, "sign_in_failed", "account", account.id, "locked")
            failure = locked_message(account.locked_until, now)
        else:
            if not _verify(account.password_hash, password):
                account.failed_count, account.locked_until = after_failure(
                    account.failed_count, account.locked_until, now)
                locked = bool(account.locked_until and account.locked_until > now)
                failure = JUST_LOCKED if locked else WRONG_LOGIN
                db.audit(s, "sign_in_failed", "account", account.id, "locked" if locked else "")
            else:
                account.failed_count = 0
                account.locked_until = None
                if _hasher.check_needs_rehash(account.password_hash):
                    account.password_hash = hash_password(password)
                db.audit(s, "sign_in", "account", account.id, actor=account.login)
                return _signed_in(s, account)
    raise AuthError(failure)


def _signed_in_by_server(db: Database, login: str) -> SignedIn:
    """On the city's server PostgreSQL checked the password when the app
    connected as the account's role (lock-out is then the server's too);
    the account must still be active. Reads no password hash: app roles
    cannot (storage/server_roles.py)."""
    with db.session() as s:
        row = s.execute(select(Account.id, Account.display_name, Account.role,
                               Account.branch_id, Account.active)
                        .where(Account.login == login)).first()
        if row is None or not row.active:
            db.audit(s, "sign_in_failed", "account", row and row.id, "inactive")
            raise AuthError(WRONG_LOGIN)
        code = name = None
        if row.branch_id is not None:
            code, name = s.execute(select(Branch.code, Branch.name)
                                   .where(Branch.id == row.branch_id)).one()
        db.audit(s, "sign_in", "account", row.id, actor=login)
        return SignedIn(row.id, login, row.display_name, row.role, row.branch_id, code, name)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def verify_password(db: Database, account_id: int, password: str) -> bool:
    """For unlocking the idle lock: True when password is the account's."""
    own = _own_role_on_server(db, account_id)
    if own is not None:
        return server_roles.password_opens(db.url, own, password)
    with db.session() as s:
        account = s.get(Account, account_id)
        return account is not None and _verify(account.password_hash, password)


def set_password(db: Database, account_id: int, password: str, *, detail: str = "password",
                 lift_lockout: bool = False, recovery: str = "keep"):
    """Give an account a new password (and, on an encrypted file, a new
    slot in the key file), audited with ``detail``; ``lift_lockout`` also
    ends a sign-in lock-out (a reset). On an encrypted file the database
    is then re-keyed, so that the old password opens no copy of the key
    file any more: returns what the re-key changed (encryption.Rekeyed),
    else None (``recovery``: see encryption.rekey)."""
    check_password_rules(password)
    own = _own_role_on_server(db, account_id)
    if own is not None:  # one's own password on the server: the role's
        with db.session() as s:
            server_roles.set_role_password(s, own, password)
            db.audit(s, "update", "account", account_id, detail)
        return None
    with db.session() as s:
        account = s.get(Account, account_id)
        if account is None:
            raise LookupError("アカウントが見つかりません")
        account.password_hash = hash_password(password)
        sync_server_role(db, s, account, password)
        if lift_lockout:
            account.failed_count = 0
            account.locked_until = None
        db.stamp(account)
        db.audit(s, "update", "account", account_id, detail)
        s.flush()
        store_key_copy(db, s, account.login, password)
        login = account.login
    return rekey(db, f"password {login}", lift_lockout=login if lift_lockout else None,
                 recovery=recovery)


def _own_role_on_server(db: Database, account_id: int) -> str | None:
    """The login of account_id when db is the server connection of that
    very account (its password is its role's), else None."""
    if not server_roles.is_server(db.engine):
        return None
    with db.session() as s:
        login = s.scalar(select(Account.login).where(Account.id == account_id))
    return login if login is not None and server_roles.is_own_connection(db.engine, login) \
        else None


def sync_server_role(db: Database, s, account: Account, password: str | None = None) -> None:
    """On the city's server, the account's database role follows the
    account (created, password, LOGIN/NOLOGIN, group) in the transaction
    ``s`` that changes it. No-op on SQLite."""
    server_roles.sync_role(s, account.login, account.role, account.active, password)


def drop_server_role(db: Database, s, login: str) -> None:
    """On the city's server, drop a removed account's role (same calling
    rule as sync_server_role)."""
    server_roles.drop_role(s, login)


def store_key_copy(db: Database, s, login: str, password: str) -> None:
    """On an encrypted database, give login a new slot for its (new)
    password in the key file. Call it in the write transaction ``s`` that
    changes the account, after a flush (the write lock serialises key file
    updates; a failure rolls the account change back). No-op on a plain
    database."""
    if db.encrypted:
        from coordinator_app.storage import encryption
        encryption.set_account_key(db, s, login, password)


def remove_key_copy(db: Database, s, login: str) -> None:
    """On an encrypted database, remove login's slot (same calling rule).
    Its password then opens nothing in the current key file; ``rekey``
    afterwards makes copies of older key files useless too."""
    if db.encrypted:
        from coordinator_app.storage import encryption
        encryption.remove_account_key(db, s, login)


def sync_key_copies(db: Database, s) -> None:
    """After a role change (same calling rule): seal the key to the slots
    of KEY_ROLES only."""
    if db.encrypted:
        from coordinator_app.storage import encryption
        encryption.sync_key_file(db, s)


def rekey(db: Database, reason: str, lift_lockout: str | None = None, recovery: str = "keep"):
    """On an encrypted database, re-key it after an account lost its access
    (encryption.rekey); None on a plain one. ``lift_lockout``: a login
    whose sign-in lock-out ends (also in the sign-in log)."""
    if not db.encrypted:
        return None
    from coordinator_app.storage import encryption
    return encryption.rekey(db, reason, lift_lockout=lift_lockout, recovery=recovery)
