"""The city's shared PostgreSQL server (issue 21): ``server init`` and
opening the server with an account's own credentials. Qt-free. The SQL,
and keeping each account's role in step with the account (called by
``services.accounts``), are ``storage.server_roles``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import create_engine, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

from coordinator_app.core.access import WRONG_LOGIN, AuthError
from coordinator_app.core.models import Account
from coordinator_app.storage import migrate, server_roles
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import StoreError

INIT_ACTOR = "server-init"


def signs_in_to_server(url: str) -> bool:
    """A PostgreSQL URL without a password: the app connects as the
    account that signs in, with the password typed in the sign-in dialog."""
    u = make_url(url)
    return u.get_backend_name() == "postgresql" and not u.password


def _connect_error(exc: OperationalError) -> Exception:
    """A refused connection, in Japanese: a wrong password looks like an
    unknown login (as on a file); the rest says what to check."""
    reason = str(exc.orig).strip().splitlines()[-1] if exc.orig else ""
    if "password authentication failed" in reason or "not permitted to log in" in reason \
            or "no password was provided" in reason:
        return AuthError(WRONG_LOGIN)
    if "certificate" in reason or "SSL" in reason or "ssl" in reason:
        return StoreError(f"サーバーとの暗号化接続（TLS）を確認できません: {reason}"
                          "（接続先の名前と市の認証局の証明書 sslrootcert を確かめてください）")
    return StoreError(f"サーバーに接続できません: {reason}")


def open_as_account(url: str, login: str, password: str) -> Database:
    """Open the server database at url (no password in it) as the account's
    own role. Refuses with AuthError for a wrong login or password, and
    with StoreError when the server's schema is not the app's (the city's
    IT then runs ``server init``: app roles may not change the schema)."""
    if not login.strip():
        raise AuthError(WRONG_LOGIN)
    full = server_roles.account_url(url, login, password)
    probe = create_engine(full, poolclass=NullPool)
    try:
        revisions = migrate.current_revisions(probe)
    except OperationalError as exc:
        raise _connect_error(exc) from None
    finally:
        probe.dispose()
    if revisions != migrate.head_revisions():
        raise StoreError("サーバーのデータベースがこの版のアプリに合っていません。"
                         "市の情報担当に coordinator-app server init の実行を依頼してください")
    return Database.open(full, actor=login.strip())


# --- server init ------------------------------------------------------------------


@dataclass
class InitResult:
    prepared: str  # created | upgraded | current
    scoped_tables: list[str]
    roles: list[str]  # the account roles made or brought up to date
    without_password: list[str] = field(default_factory=list)  # logins that cannot sign in yet


def init(url: str, admin: tuple[str, str, str] | None = None) -> InitResult:
    """``coordinator-app server init``: create or upgrade the schema at url
    (a PostgreSQL URL of the owner role, run by the city's IT), then set up
    the groups, grants, row-level security, figures views and the audit
    guard, and a role for every account — in one transaction (a failure
    leaves the grants as they were). Safe to run again after an upgrade.
    ``admin``: (login, display name, password) of an administrator account
    to create, or whose password to set, so that somebody can sign in.
    Accounts that existed before get a role without a password: they sign
    in once an administrator sets a new one in 設定."""
    if make_url(url).get_backend_name() != "postgresql":
        raise StoreError("server init は PostgreSQL の URL に対して実行します"
                         "（SQLite のファイルには不要です）")
    db = Database.open(url, actor=INIT_ACTOR, create=True)
    try:
        return _init(db, admin)
    finally:
        db.close()


def _init(db: Database, admin) -> InitResult:
    from sqlalchemy import text

    from coordinator_app.services import accounts

    with db.session() as s:
        me = s.scalar(text("SELECT current_user"))
        app_roles = {server_roles.APP, *server_roles.GROUPS.values()}
        if me in app_roles or s.scalar(text(
                "SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                " JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = :me"
                " AND g.rolname = ANY(:groups)"), {"me": me, "groups": list(app_roles)}):
            raise StoreError("server init はアプリのアカウントではなく、"
                             "データベースの所有者のロールで実行してください")
        existing_roles = set(s.scalars(text("SELECT rolname FROM pg_roles")))
        if not s.scalar(text("SELECT rolcreaterole OR rolsuper FROM pg_roles"
                             " WHERE rolname = current_user")):
            raise StoreError("server init にはロールを作成できる（CREATEROLE）所有者のロールが必要です")
        server_roles.execute(s, server_roles.group_statements(existing_roles))
        tables = set(inspect(s.connection()).get_table_names())
        server_roles.execute(s, server_roles.setup_statements(SQLModel.metadata, tables))
        rows = s.scalars(select(Account).order_by(Account.login)).all()
        for account in rows:
            server_roles.sync_role(s, account.login, account.role, account.active)
        without = [a.login for a in rows if server_roles.role_name(a.login) not in existing_roles
                   and not (admin and a.login == admin[0].strip())]
        db.audit(s, "server_init", "", None, f"accounts={len(rows)}")
    if admin is not None:
        login, display_name, password = admin
        with db.session() as s:
            account_id = s.scalar(select(Account.id).where(Account.login == login.strip()))
        if account_id is None:
            accounts.create_account(db, login, display_name, "admin", password)
        elif login.strip() not in {a.login for a in rows if a.role == "admin"}:
            raise ValueError(f"「{login.strip()}」は管理者のアカウントではありません")
        else:
            accounts.set_password(db, account_id, password, detail="server_init",
                                  lift_lockout=True)
    scoped = sorted(set(server_roles.scoped_tables(SQLModel.metadata)) & tables)
    logins = {a.login for a in rows} | ({admin[0].strip()} if admin else set())
    return InitResult(db.prepared, scoped, sorted(server_roles.role_name(x) for x in logins),
                      without)


def display_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
