"""The city's shared server enforces branch scope itself (issue 21): on a
real PostgreSQL set up by ``server init``, plain SQL (psycopg, what psql
would send) as each account's own role shows that branch 01's coordinator
can neither read nor write branch 02's rows in any table holding branch
records, that a figures-only role reads no personal table but the figures
views, and that nobody changes or deletes audit rows."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors
from sqlmodel import SQLModel

from coordinator_app.core.access import Role
from coordinator_app.services import accounts, server
from coordinator_app.services.demo import load_sample
from coordinator_app.storage import server_roles
from coordinator_app.storage.database import Database
from tests.server_pg import (
    connect_as,
    connect_owner,
    drop_database,
    fresh_database,
    needs_pg,
    skip_without_createrole,
    unique_login,
)

pytestmark = needs_pg

PASSWORD = "pw-'quote'%:colon$-1"  # quotes, % and ':' must survive the role's SQL
SCOPED = server_roles.scoped_tables(SQLModel.metadata)
# The tables that hold people's records: whatever else the scope grows to
# cover, these must stay in it.
PERSONAL = {"person", "consultation", "consultation_category", "watch_user", "watch_contact",
            "watch_contact_volunteer", "watch_assignment", "volunteer", "volunteer_role",
            "volunteer_availability", "volunteer_area", "activity", "activity_participant",
            "activity_group", "group_leader", "group_member", "group_subsidy", "event",
            "event_attendee", "rollcall", "rollcall_entry", "print_register"}
# Has a branch_id but is the administrator's, not a branch's record.
NOT_BRANCH_RECORDS = {"account"}


def _fill_the_rest(owner: psycopg.Connection, branch_ids: list[int]) -> None:
    """Rows for each branch in the tables the demo leaves empty."""
    stamp = "now(), now(), 'test', 'test'"
    cols = "created_at, updated_at, created_by, updated_by"
    for b in branch_ids:
        owner.execute(
            f"INSERT INTO rollcall (branch_id, started_at, started_by, closed_by, {cols})"
            f" VALUES (%s, now(), 'test', '', {stamp})", (b,))
        owner.execute(
            "INSERT INTO rollcall_entry (rollcall_id, watch_user_id, position, status,"
            " checked_by, note) SELECT (SELECT max(id) FROM rollcall WHERE branch_id = %s),"
            " id, 0, 'unchecked', '', '' FROM watch_user WHERE branch_id = %s LIMIT 3", (b, b))
        owner.execute(
            "INSERT INTO event_attendee (event_id, person_id)"
            " SELECT (SELECT min(id) FROM event WHERE branch_id = %s), id FROM person"
            " WHERE branch_id = %s LIMIT 3", (b, b))
        owner.execute(
            f"INSERT INTO print_register (printed_at, printed_by, branch_id, list_kind, filters,"
            f" columns, person_count, recipient, copies, pages, disposal, disposal_note,"
            f" disposal_by, {cols}) VALUES (now(), 'test', %s, 'watch-users', '', '', 3, '',"
            f" 1, 1, '', '', '', {stamp})", (b,))
    owner.commit()


@pytest.fixture(scope="module")
def city():
    """A server database with the demo's 13 branches, set up by server init,
    and one account of each kind (made through the services)."""
    skip_without_createrole()
    url = fresh_database()
    logins = {"admin": unique_login("it-admin"), "c01": unique_login("coord01"),
              "c02": unique_login("coord02"), "city": unique_login("city")}
    try:
        db = Database.open(url, create=True)
        load_sample(db)
        with db.session() as s:  # the demo's accounts would be roles of the whole cluster
            from sqlalchemy import delete

            from coordinator_app.core.models import Account
            s.execute(delete(Account).where(Account.is_demo.is_(True)))
        db.close()
        server.init(url, admin=(logins["admin"], "情報担当", PASSWORD))
        db = Database.open(url)
        accounts.create_account(db, logins["c01"], "支部01", Role.COORDINATOR, PASSWORD, "01")
        accounts.create_account(db, logins["c02"], "支部02", Role.COORDINATOR, PASSWORD, "02")
        accounts.create_account(db, logins["city"], "市社協", Role.CITY_STAFF, PASSWORD)
        db.close()
        with connect_owner(url) as owner:
            ids = dict(owner.execute("SELECT code, id FROM branch").fetchall())
            _fill_the_rest(owner, [ids["01"], ids["02"]])
        yield url, logins, ids
    finally:
        drop_database(url, list(logins.values()))


def _branch_of_row(table: str, alias: str = "t", depth: int = 0) -> str:
    """SQL giving the branch id of row ``alias`` of table, found through
    its foreign keys (the test's own reading of the schema)."""
    t = SQLModel.metadata.tables[table]
    if "branch_id" in t.c:
        return f"{alias}.branch_id"
    parts = []
    for fk in sorted(t.foreign_keys, key=lambda f: f.parent.name):
        parent = fk.column.table.name
        if parent in SCOPED:
            p = f"p{depth}"
            parts.append(f"(SELECT {_branch_of_row(parent, p, depth + 1)} FROM {parent} {p}"
                         f" WHERE {p}.{fk.column.name} = {alias}.{fk.parent.name})")
    return f"COALESCE({', '.join(parts)})"


def _pk(table: str) -> list[str]:
    return [c.name for c in SQLModel.metadata.tables[table].primary_key.columns]


def _rows_of(owner, table: str, branch_id: int, limit: int = 5) -> list[dict]:
    cur = owner.cursor(row_factory=psycopg.rows.dict_row)
    return cur.execute(f"SELECT * FROM {table} t WHERE {_branch_of_row(table)} = %s"
                       f" ORDER BY {', '.join(_pk(table))} LIMIT {limit}",
                       (branch_id,)).fetchall()


def test_the_scope_covers_every_personal_table():
    assert PERSONAL <= set(SCOPED)


def test_every_table_with_branch_records_has_row_level_security(city):
    """From the server's own catalogue, independent of the app's list: every
    table with a branch_id column, or a foreign key to such a table (and so
    on), has RLS enabled and a coordinators' policy. A table added later
    without running server init again fails here."""
    url, _logins, _ids = city
    with connect_owner(url) as owner:
        assert _unprotected(owner) == set()
        # The check sees a new table at once: one with branch_id and one under it.
        owner.execute("CREATE TABLE later_records (id serial PRIMARY KEY, branch_id integer)")
        owner.execute("CREATE TABLE later_notes (id serial PRIMARY KEY,"
                      " record_id integer REFERENCES later_records(id))")
        assert _unprotected(owner) == {"later_records", "later_notes"}
        owner.rollback()


def _unprotected(owner) -> set[str]:
    rows = owner.execute("""
        WITH RECURSIVE scoped(relid) AS (
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'branch_id'
                                AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND c.relkind = 'r'
          UNION
            SELECT con.conrelid FROM pg_constraint con JOIN scoped s ON s.relid = con.confrelid
            WHERE con.contype = 'f')
        SELECT c.relname FROM scoped s JOIN pg_class c ON c.oid = s.relid
        WHERE NOT c.relrowsecurity
           OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
                          AND 'ca_coordinator'::regrole = ANY(p.polroles))""").fetchall()
    return {r[0] for r in rows} - NOT_BRANCH_RECORDS


@pytest.mark.parametrize("table", sorted(SCOPED))
def test_coordinator_cannot_touch_another_branchs_rows(city, table):
    url, logins, ids = city
    own, other = ids["01"], ids["02"]
    pk = _pk(table)
    with connect_owner(url) as owner, connect_as(url, logins["c01"], PASSWORD) as c01:
        theirs = _rows_of(owner, table, other)
        mine_total = owner.execute(f"SELECT count(*) FROM {table} t"
                                   f" WHERE {_branch_of_row(table)} = %s", (own,)).fetchone()[0]
        assert theirs and mine_total, f"{table}: the fixture needs rows of branches 01 and 02"
        # SELECT: exactly the own branch's rows, none of the other's.
        assert c01.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == mine_total
        where = " AND ".join(f"{c} = %s" for c in pk)
        for row in theirs:
            key = [row[c] for c in pk]
            assert c01.execute(f"SELECT count(*) FROM {table} WHERE {where}", key
                               ).fetchone()[0] == 0
            # UPDATE and DELETE reach nothing.
            assert c01.execute(f"UPDATE {table} SET {pk[0]} = {pk[0]} WHERE {where}", key
                               ).rowcount == 0
            assert c01.execute(f"DELETE FROM {table} WHERE {where}", key).rowcount == 0
        c01.commit()
        for row in theirs:
            assert owner.execute(f"SELECT count(*) FROM {table} WHERE {where}",
                                 [row[c] for c in pk]).fetchone()[0] == 1
        # INSERT of a row of the other branch is refused by the policy.
        row = {k: v for k, v in theirs[0].items()
               if not (k == "id" and SQLModel.metadata.tables[table].c.id.autoincrement is True)}
        if "id" in row and pk == ["id"]:
            del row["id"]
        names = ", ".join(row)
        marks = ", ".join(["%s"] * len(row))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            c01.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))
        c01.rollback()
        # The same statements on its own rows do work (the refusals above are the scope's).
        mine = _rows_of(owner, table, own, 1)[0]
        assert c01.execute(f"UPDATE {table} SET {pk[0]} = {pk[0]} WHERE {where}",
                           [mine[c] for c in pk]).rowcount == 1
        c01.rollback()


@pytest.mark.parametrize("table", sorted(t for t in SCOPED
                                         if "branch_id" in SQLModel.metadata.tables[t].c))
def test_coordinator_cannot_move_a_row_to_another_branch(city, table):
    url, logins, ids = city
    pk = _pk(table)
    with connect_owner(url) as owner, connect_as(url, logins["c01"], PASSWORD) as c01:
        mine = _rows_of(owner, table, ids["01"], 1)[0]
        where = " AND ".join(f"{c} = %s" for c in pk)
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            c01.execute(f"UPDATE {table} SET branch_id = %s WHERE {where}",
                        [ids["02"]] + [mine[c] for c in pk])


def test_coordinator_cannot_link_own_records_to_another_branchs_person(city):
    url, logins, ids = city
    with connect_owner(url) as owner, connect_as(url, logins["c01"], PASSWORD) as c01:
        their_person = owner.execute("SELECT id FROM person WHERE branch_id = %s LIMIT 1",
                                     (ids["02"],)).fetchone()[0]
        my_record = owner.execute("SELECT id FROM consultation WHERE branch_id = %s LIMIT 1",
                                  (ids["01"],)).fetchone()[0]
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            c01.execute("UPDATE consultation SET person_id = %s WHERE id = %s",
                        (their_person, my_record))


def test_branch_02s_coordinator_sees_branch_02_only(city):
    url, logins, ids = city
    with connect_as(url, logins["c02"], PASSWORD) as c02:
        branches = {r[0] for r in c02.execute("SELECT DISTINCT branch_id FROM consultation")}
        assert branches == {ids["02"]}
        # nor every branch's figures: a coordinator's tallies are their branch's
        with pytest.raises(errors.InsufficientPrivilege):
            c02.execute("SELECT * FROM figures.consultations")


@pytest.mark.parametrize("table", sorted(SCOPED))
def test_figures_only_role_reads_no_personal_table(city, table):
    url, logins, _ids = city
    with connect_as(url, logins["city"], PASSWORD) as staff:
        with pytest.raises(errors.InsufficientPrivilege):
            staff.execute(f"SELECT 1 FROM {table} LIMIT 1")


def test_figures_only_role_reads_the_figures_views_and_no_secrets(city):
    url, logins, _ids = city
    with connect_as(url, logins["city"], PASSWORD) as staff, connect_owner(url) as owner:
        for view in server_roles.FIGURE_VIEWS:
            assert staff.execute(f"SELECT count(*) FROM figures.{view}").fetchone()[0] > 0
            columns = [d.name for d in staff.execute(
                f"SELECT * FROM figures.{view} LIMIT 0").description]
            assert not {"name", "kana", "address", "phone", "note", "summary",
                        "person_id"} & set(columns)
        # The views' counts are those of the records (consultations, all branches).
        total = staff.execute("SELECT sum(n) FROM figures.consultations").fetchone()[0]
        assert total == owner.execute("SELECT count(*) FROM consultation"
                                      " WHERE deleted_at IS NULL").fetchone()[0]
        with pytest.raises(errors.InsufficientPrivilege):
            staff.execute("SELECT password_hash FROM account")
        staff.rollback()
        with pytest.raises(errors.InsufficientPrivilege):
            staff.execute("SELECT * FROM audit_log")


@pytest.mark.parametrize("who", ["c01", "city", "admin"])
def test_no_app_role_changes_or_deletes_audit_rows(city, who):
    url, logins, _ids = city
    with connect_as(url, logins[who], PASSWORD) as conn, connect_owner(url) as owner:
        before = owner.execute("SELECT count(*), max(id) FROM audit_log").fetchone()
        for statement in ("UPDATE audit_log SET detail = 'x'",
                          "DELETE FROM audit_log",
                          "TRUNCATE audit_log"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
        # Appending is what every app role may do.
        conn.execute("INSERT INTO audit_log (at, actor, action, entity, detail)"
                     " VALUES (now(), %s, 'test', '', '')", (logins[who],))
        conn.commit()
        assert owner.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before[0] + 1
        if who != "admin":  # only administrators read the trail (the app's
            # INSERT ... RETURNING id reads back the new row's id, nothing else)
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("SELECT actor, action, detail FROM audit_log")


def test_even_the_owner_cannot_rewrite_the_audit_trail(city):
    """The trigger is the belt to the grants' braces."""
    url, _logins, _ids = city
    with connect_owner(url) as owner:
        for statement in ("UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(errors.InsufficientPrivilege, match="追記のみ"):
                owner.execute(statement)
            owner.rollback()


def test_init_runs_again_and_changes_nothing(city):
    url, logins, ids = city
    result = server.init(url)
    assert result.prepared == "current"
    assert server_roles.role_name(logins["c01"]) in result.roles
    with connect_as(url, logins["c01"], PASSWORD) as c01:
        assert {r[0] for r in c01.execute("SELECT DISTINCT branch_id FROM person")} == {ids["01"]}
