"""PostgreSQL's own access control on the city's shared server (issue 21):
the SQL that ``services.server`` runs. Qt-free; PostgreSQL only.

- Every app account signs in as its own LOGIN role (``role_name``), a
  member of one group: ``ca_coordinator``, ``ca_city`` (figures only) or
  ``ca_admin``; all three are members of ``ca_app`` (reference tables,
  the audit trail's INSERT).
- Row-level security on every table that holds a branch's records: the
  tables with a ``branch_id`` column, and the tables that hang from them
  by foreign key (their policy asks whether the parent row is visible,
  which is the parent's own policy). The list comes from the schema
  (``scoped_tables``), so a new table is covered when init runs again.
  A coordinator's rows are those of the branch of the account whose role
  it is (``coordinator_access.branch_of(current_user)``, read from the
  account table: deactivating the account or changing its branch takes
  effect at once).
- RLS is enabled but not FORCEd: the tables belong to the role that runs
  ``server init`` (the city's IT), which is never an app role; forcing it
  would make that owner's own data migrations see no rows.
- ``figures``: views that aggregate per branch and month with no names,
  the only thing ``ca_city`` reads of the branches' records.
- ``audit_log``: INSERT for app roles, SELECT for ``ca_admin`` only, and a
  trigger that refuses UPDATE, DELETE and TRUNCATE by anyone.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from sqlalchemy import MetaData

from coordinator_app.core import counting

PREFIX = "ca_"
APP = "ca_app"
GROUPS = {"coordinator": "ca_coordinator", "city_staff": "ca_city", "admin": "ca_admin"}
ACCESS = "coordinator_access"  # schema of the policy's helper function and role map
FIGURES = "figures"  # schema of the tally views
# Tables only administrators change (the others outside the branch scope are
# the city's: indicators, evaluations, received tally files, settings).
ADMIN_TABLES = {"account", "branch", "category", "role", "group_kind", "event_kind",
                "alembic_version"}
AUDIT = "audit_log"
# Account columns every app role reads (who did what, display names): not the
# password hash nor the lock-out state.
ACCOUNT_PUBLIC = ("id", "login", "display_name", "role", "branch_id", "active", "is_demo",
                  "created_at", "updated_at", "created_by", "updated_by")
_SAFE_LOGIN = re.compile(r"[a-z0-9_.-]{1,40}")


def quote_ident(name: str) -> str:
    """A PostgreSQL identifier, always quoted (a login may hold any character)."""
    if "\x00" in name:
        raise ValueError("名前に使えない文字が含まれています")
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    """A string literal (standard_conforming_strings is on since 9.1)."""
    if "\x00" in value:
        raise ValueError("使えない文字が含まれています")
    return "'" + value.replace("'", "''") + "'"


def role_name(login: str) -> str:
    """The database role of an app account: ``ca_<login>`` for a plain
    lower-case login, else a readable part and a hash of the login (two
    logins never share a role; at most 63 bytes, PostgreSQL's limit)."""
    if _SAFE_LOGIN.fullmatch(login):
        return PREFIX + login
    readable = re.sub(r"[^a-z0-9_]", "", login.lower())[:24]
    digest = hashlib.sha256(login.encode("utf-8")).hexdigest()[:12]
    return f"{PREFIX}{readable}_{digest}" if readable else f"{PREFIX}{digest}"


def scram_verifier(password: str) -> str | None:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for password, so that
    the password itself never appears in a statement (the server's
    statement log). None for a non-ASCII password: libpq normalises those
    (SASLprep) first, and the server then hashes the literal the same way."""
    if not password.isascii() or not password.isprintable():
        return None
    salt, iterations = os.urandom(16), 4096
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    salt64, stored64, server64 = (base64.b64encode(b).decode()
                                  for b in (salt, stored_key, server_key))
    return f"SCRAM-SHA-256${iterations}:{salt64}${stored64}:{server64}"


def password_clause(password: str) -> str:
    return "PASSWORD " + quote_literal(scram_verifier(password) or password)


# --- which tables the branch scope covers ---------------------------------------


def scoped_tables(metadata: MetaData) -> dict[str, list[tuple[str, str, str, bool]]]:
    """Every table holding a branch's records -> its foreign keys to other
    such tables as (column, parent table, parent column, nullable). A
    table is in scope when it has ``branch_id`` or a foreign key to a table
    in scope (the accounts are not: they are the administrator's)."""
    tables = {t.name: t for t in metadata.sorted_tables}
    scoped = {name for name, t in tables.items() if "branch_id" in t.c and name != "account"}
    grown = True
    while grown:
        grown = False
        for name, t in tables.items():
            if name in scoped or name == "account":
                continue
            if any(fk.column.table.name in scoped for fk in t.foreign_keys):
                scoped.add(name)
                grown = True
    return {name: sorted((fk.parent.name, fk.column.table.name, fk.column.name, fk.parent.nullable)
                         for fk in tables[name].foreign_keys if fk.column.table.name in scoped)
            for name in sorted(scoped)}


def _parents_visible(table: str, parents) -> list[str]:
    """One condition per foreign key to a table in scope: the parent row
    is visible (its own policy decides), or the nullable key is empty."""
    q = quote_ident
    return [f"({q(c) + ' IS NULL OR ' if nullable else ''}EXISTS (SELECT 1 FROM public.{q(p)}"
            f" AS parent WHERE parent.{q(pc)} = {q(table)}.{q(c)}))"
            for c, p, pc, nullable in parents]


def policy_expressions(table: str, columns: set[str], parents) -> tuple[str, str]:
    """(USING, WITH CHECK) of the coordinators' policy on one table: their
    branch's rows (or rows whose parents are theirs), and nothing written
    that points at another branch's row."""
    links = _parents_visible(table, parents)
    if "branch_id" in columns:
        own = f"branch_id = {ACCESS}.branch_of(current_user)"
        return own, " AND ".join([own] + links)
    some = " OR ".join(f"{quote_ident(c)} IS NOT NULL" for c, *_ in parents)
    expression = " AND ".join([f"({some})"] + links)
    return expression, expression


# --- the SQL of server init -----------------------------------------------------


def setup_statements(metadata: MetaData, existing: set[str]) -> list[str]:
    """Everything ``server init`` runs after the migrations, in order, in
    one transaction; safe to run again (it first takes back what an earlier
    run granted). ``existing``: the tables in the database (the metadata
    may know tables a newer app added, the database not yet)."""
    scoped = {name: parents for name, parents in scoped_tables(metadata).items()
              if name in existing}
    tables = {t.name: t for t in metadata.sorted_tables if t.name in existing}
    others = sorted(set(existing) - set(scoped) - {AUDIT})
    groups = ", ".join(GROUPS.values())
    q = quote_ident
    sql = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {APP}, {groups}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {APP}, {groups}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {APP}",
        f"CREATE SCHEMA IF NOT EXISTS {ACCESS}",
        f"REVOKE ALL ON SCHEMA {ACCESS} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {ACCESS} TO {APP}",
        # Which login each account role belongs to (kept by sync_role).
        (f"CREATE TABLE IF NOT EXISTS {ACCESS}.account_role ("
         " role_name name PRIMARY KEY, login varchar(64) NOT NULL UNIQUE)"),
        f"REVOKE ALL ON {ACCESS}.account_role FROM PUBLIC, {APP}, {groups}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {ACCESS}.account_role TO ca_admin",
        # SECURITY DEFINER: reads the role map and the account table, which
        # coordinators cannot; search_path fixed so nobody can shadow them.
        (f"CREATE OR REPLACE FUNCTION {ACCESS}.branch_of(who name) RETURNS integer"
         " LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$"
         f" SELECT a.branch_id FROM {ACCESS}.account_role r"
         " JOIN public.account a ON a.login = r.login"
         " WHERE r.role_name = who AND a.active AND a.role = 'coordinator' $$"),
        f"REVOKE ALL ON FUNCTION {ACCESS}.branch_of(name) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {ACCESS}.branch_of(name) TO {APP}",
        # Every app role: sequences (ids), reference tables, the audit trail.
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP}",
        f"GRANT INSERT, SELECT (id) ON {AUDIT} TO {APP}",
        f"GRANT SELECT ON {AUDIT} TO ca_admin",
        f"GRANT SELECT ({', '.join(ACCOUNT_PUBLIC)}) ON account TO {APP}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON account TO ca_admin",
    ]
    for name in others:
        if name == "account":
            continue
        sql.append(f"GRANT SELECT ON {q(name)} TO {APP}")
        sql.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {q(name)} TO ca_admin")
        if name not in ADMIN_TABLES:
            sql.append(f"GRANT INSERT, UPDATE, DELETE ON {q(name)} TO ca_city")
    # 相談番号 locks the branch's row (FOR NO KEY UPDATE), which needs an
    # UPDATE right and an UPDATE policy; the policy's check lets no change through.
    sql += [
        "GRANT UPDATE (id) ON branch TO ca_coordinator",
        "ALTER TABLE branch ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS app_read ON branch",
        "DROP POLICY IF EXISTS coordinator_lock ON branch",
        "DROP POLICY IF EXISTS admin_all ON branch",
        f"CREATE POLICY app_read ON branch FOR SELECT TO {APP} USING (true)",
        ("CREATE POLICY coordinator_lock ON branch FOR UPDATE TO ca_coordinator"
         f" USING (id = {ACCESS}.branch_of(current_user)) WITH CHECK (false)"),
        "CREATE POLICY admin_all ON branch TO ca_admin USING (true) WITH CHECK (true)",
    ]
    for name, parents in scoped.items():
        using, check = policy_expressions(name, set(tables[name].c.keys()), parents)
        sql += [
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {q(name)} TO ca_coordinator, ca_admin",
            f"ALTER TABLE {q(name)} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS coordinator_branch ON {q(name)}",
            f"DROP POLICY IF EXISTS admin_all ON {q(name)}",
            (f"CREATE POLICY coordinator_branch ON {q(name)} TO ca_coordinator"
             f" USING ({using}) WITH CHECK ({check})"),
            f"CREATE POLICY admin_all ON {q(name)} TO ca_admin USING (true) WITH CHECK (true)",
        ]
    sql += _audit_guard() + _figures(existing)
    return sql


def _audit_guard() -> list[str]:
    return [
        ("CREATE OR REPLACE FUNCTION public.audit_log_append_only() RETURNS trigger"
         " LANGUAGE plpgsql AS $$ BEGIN"
         " RAISE EXCEPTION '監査記録は追記のみです（変更・削除はできません）'"
         " USING ERRCODE = 'insufficient_privilege'; END $$"),
        f"DROP TRIGGER IF EXISTS audit_log_append_only ON {AUDIT}",
        (f"CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON {AUDIT}"
         " FOR EACH ROW EXECUTE FUNCTION public.audit_log_append_only()"),
        f"DROP TRIGGER IF EXISTS audit_log_no_truncate ON {AUDIT}",
        (f"CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON {AUDIT}"
         " FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_append_only()"),
    ]


# The figures views: per branch code and month, counts only (no ids, no
# names, no free text). They run with their owner's rights, so they read
# every branch whatever the reader's row policies.
FIGURE_VIEWS = {
    "consultations": (
        "SELECT b.code AS branch_code, t.month, t.kind, t.channel, t.from_whom, t.response,"
        " t.n FROM public.tally_consultation t JOIN public.branch b ON b.id = t.branch_id"),
    # Categories of the live consultations with the consultation's own
    # breakdowns (an indicator may combine them: counting.combined_counts).
    "consultation_categories": (
        "SELECT b.code AS branch_code, c.month, c.category_code, r.kind, r.channel,"
        " r.from_whom, r.response, count(*) AS n FROM public.consultation_category c"
        " JOIN public.consultation r ON r.id = c.consultation_id AND r.deleted_at IS NULL"
        " JOIN public.branch b ON b.id = c.branch_id"
        " GROUP BY b.code, c.month, c.category_code, r.kind, r.channel, r.from_whom,"
        " r.response"),
    "watch_contacts": (
        "SELECT b.code AS branch_code, t.month, t.method, t.result, t.n"
        " FROM public.tally_watch_contact t JOIN public.branch b ON b.id = t.branch_id"),
    # Users contacted in the month and active at its last day (the reached
    # part of watch_users_unreached): all contacted, less the others.
    "watch_reach": (
        "SELECT b.code AS branch_code, t.month, sum(t.n) AS n FROM ("
        "SELECT branch_id, month, n FROM public.tally_watch_reach UNION ALL"
        " SELECT w.branch_id, p.month, -count(DISTINCT p.watch_user_id)"
        " FROM public.tally_watch_pair p JOIN public.watch_user w ON w.id = p.watch_user_id"
        " WHERE w.enrolled_month > p.month OR w.ended_month <= p.month"
        " GROUP BY w.branch_id, p.month) t JOIN public.branch b ON b.id = t.branch_id"
        " GROUP BY b.code, t.month"),
    "watch_users": (
        "SELECT b.code AS branch_code, w.enrolled_month, w.ended_month, w.end_reason,"
        " count(*) AS n FROM public.watch_user w JOIN public.branch b ON b.id = w.branch_id"
        " GROUP BY b.code, w.enrolled_month, w.ended_month, w.end_reason"),
    "volunteers": (
        "SELECT b.code AS branch_code, v.kind, v.registered_month, v.withdrawn_month,"
        " count(*) AS n FROM public.volunteer v JOIN public.branch b ON b.id = v.branch_id"
        " GROUP BY b.code, v.kind, v.registered_month, v.withdrawn_month"),
    "volunteer_roles": (
        "SELECT b.code AS branch_code, r.role_code, v.registered_month, v.withdrawn_month,"
        " count(*) AS n FROM public.volunteer_role r"
        " JOIN public.volunteer v ON v.id = r.volunteer_id"
        " JOIN public.branch b ON b.id = v.branch_id"
        " GROUP BY b.code, r.role_code, v.registered_month, v.withdrawn_month"),
    "volunteer_participations": (
        "SELECT b.code AS branch_code, a.month, count(*) AS n FROM public.activity a"
        " JOIN public.activity_participant p ON p.activity_id = a.id"
        " JOIN public.branch b ON b.id = a.branch_id GROUP BY b.code, a.month"),
    # ホーム: open follow-ups by their day, volunteers by their dates and
    # insurance year (services.home counts them as of today).
    "follow_ups": (
        "SELECT b.code AS branch_code, r.follow_up_on, count(*) AS n FROM public.consultation r"
        " JOIN public.branch b ON b.id = r.branch_id WHERE r.deleted_at IS NULL"
        " AND r.follow_up_on IS NOT NULL AND r.follow_up_closed_on IS NULL"
        " GROUP BY b.code, r.follow_up_on"),
    "volunteer_insurance": (
        "SELECT b.code AS branch_code, v.registered_on, v.withdrawn_on, v.insurance_fy,"
        " count(*) AS n FROM public.volunteer v JOIN public.branch b ON b.id = v.branch_id"
        " GROUP BY b.code, v.registered_on, v.withdrawn_on, v.insurance_fy"),
    # The branches whose records are on the server (consolidation: live).
    "live_branches": (
        "SELECT b.code AS branch_code FROM public.branch b WHERE " + " OR ".join(
            f"EXISTS (SELECT 1 FROM public.{t.__tablename__} x WHERE x.branch_id = b.id)"
            for t in counting.LIVE_RECORD_TABLES)),
    "events": (
        "SELECT b.code AS branch_code, e.month, e.kind, count(*) AS n,"
        " sum(e.participants) AS participants, sum(e.volunteers) AS volunteers"
        " FROM public.event e JOIN public.branch b ON b.id = e.branch_id"
        " GROUP BY b.code, e.month, e.kind"),
    "activity_groups": (
        "SELECT b.code AS branch_code, g.kind, g.started_month, g.ended_month, count(*) AS n"
        " FROM public.activity_group g JOIN public.branch b ON b.id = g.branch_id"
        " GROUP BY b.code, g.kind, g.started_month, g.ended_month"),
}


def _figures(existing: set[str]) -> list[str]:
    # City staff and administrators see every branch's figures; a
    # coordinator only their own branch's (the tally running counts, RLS).
    sql = [f"CREATE SCHEMA IF NOT EXISTS {FIGURES}",
           f"REVOKE ALL ON SCHEMA {FIGURES} FROM PUBLIC, {APP}",
           f"GRANT USAGE ON SCHEMA {FIGURES} TO ca_city, ca_admin"]
    for view, select in FIGURE_VIEWS.items():
        sql.append(f"DROP VIEW IF EXISTS {FIGURES}.{view}")
        sql.append(f"CREATE VIEW {FIGURES}.{view} AS {select}")
    sql.append(f"GRANT SELECT ON ALL TABLES IN SCHEMA {FIGURES} TO ca_city, ca_admin")
    return sql


# --- groups and account roles ---------------------------------------------------


def group_statements(existing_roles: set[str]) -> list[str]:
    """The group roles (NOLOGIN), created once; membership in ca_app."""
    sql = [f"CREATE ROLE {name} NOLOGIN" for name in [APP, *GROUPS.values()]
           if name not in existing_roles]
    sql += [f"GRANT {APP} TO {name}" for name in GROUPS.values()]
    return sql


def account_role_statements(login: str, role: str, *, active: bool,
                            password: str | None, exists: bool) -> list[str]:
    """Create or bring up to date the LOGIN role of an app account: its
    password (when given), LOGIN or NOLOGIN, its one group and the role
    map. Administrators get CREATEROLE: they manage the accounts in 設定
    (PostgreSQL 15: CREATEROLE may also grant membership in the groups)."""
    name = quote_ident(role_name(login))
    flags = ("LOGIN" if active else "NOLOGIN") + (" CREATEROLE" if role == "admin"
                                                   else " NOCREATEROLE")
    pw = f" {password_clause(password)}" if password is not None else ""
    sql = [f"{'ALTER' if exists else 'CREATE'} ROLE {name} {flags}{pw}"]
    sql += [f"{'GRANT' if group_role == role else 'REVOKE'} {group} "
            f"{'TO' if group_role == role else 'FROM'} {name}"
            for group_role, group in GROUPS.items()]
    sql.append(f"INSERT INTO {ACCESS}.account_role (role_name, login)"
               f" VALUES ({quote_literal(role_name(login))}, {quote_literal(login)})"
               " ON CONFLICT (role_name) DO UPDATE SET login = EXCLUDED.login")
    return sql


def password_statement(login: str, password: str) -> str:
    """A new password for an account's role (a person may set their own)."""
    return f"ALTER ROLE {quote_ident(role_name(login))} {password_clause(password)}"


def drop_role_statements(login: str) -> list[str]:
    """Remove an account's role and its line in the role map. App roles
    own nothing (nobody but the owner may create objects in the schema);
    their rights come from the groups, which DROP ROLE leaves."""
    return [f"DROP ROLE IF EXISTS {quote_ident(role_name(login))}",
            (f"DELETE FROM {ACCESS}.account_role WHERE role_name = "
             f"{quote_literal(role_name(login))}")]


# --- on a live connection --------------------------------------------------------


def is_server(engine) -> bool:
    return engine.dialect.name == "postgresql"


def account_url(url: str, login: str, password: str) -> str:
    """url (a server's, without credentials) as the account's own role."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(username=role_name(login.strip()),
                             password=password).render_as_string(hide_password=False)


def is_own_connection(engine, login: str) -> bool:
    """Is engine connected as login's own role (the app signed in on a server)?"""
    return is_server(engine) and engine.url.username == role_name(login.strip())


def connected_as(engine, login: str, password: str) -> bool:
    """Did PostgreSQL itself check this login and password? True when the
    engine connects as login's role with that very password."""
    return is_own_connection(engine, login) and engine.url.password == password


def password_opens(url: str, login: str, password: str) -> bool:
    """Does PostgreSQL let login in with password (a fresh connection)?"""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.pool import NullPool

    probe = create_engine(account_url(url, login, password), poolclass=NullPool)
    try:
        with probe.connect():
            return True
    except OperationalError:
        return False
    finally:
        probe.dispose()


def managed(session) -> bool:
    """A server database that ``server init`` has set up (its role map is
    there). On SQLite, or a server without it, accounts have no roles."""
    from sqlalchemy import text

    return is_server(session.get_bind()) and bool(session.scalar(text(
        f"SELECT to_regclass('{ACCESS}.account_role') IS NOT NULL")))


def execute(session, statements) -> None:
    """Run statements in the session's transaction, as they are: the
    driver's cursor with no parameters, so '%' or ':' in a quoted password
    or login is just text."""
    with session.connection().connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _change_roles(session, statements) -> None:
    import psycopg

    from coordinator_app.storage.engine import StoreError

    try:
        execute(session, statements)
    except psycopg.Error as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError("データベースのロールを変更できません（" + reason + "）。"
                         "管理者のアカウントで、server init 済みのサーバーに接続しているか"
                         "確かめてください") from None


def sync_role(session, login: str, role: str, active: bool, password: str | None = None) -> None:
    """Bring login's role in line with its account, in the caller's
    transaction (created with password, LOGIN/NOLOGIN, group). No-op
    where accounts have no roles (``managed``)."""
    if not managed(session):
        return
    from sqlalchemy import text

    exists = bool(session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                                 {"n": role_name(login)}))
    _change_roles(session, account_role_statements(login, role, active=active,
                                                   password=password, exists=exists))


def set_role_password(session, login: str, password: str) -> None:
    if managed(session):
        _change_roles(session, [password_statement(login, password)])


def drop_role(session, login: str) -> None:
    if managed(session):
        _change_roles(session, drop_role_statements(login))
