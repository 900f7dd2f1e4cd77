"""Backups of the city's server are PostgreSQL's own (issue 21): pg_dump,
then pg_restore into a new database gives the same rows, and the access
control (roles' grants, row-level security) comes back with them. The
app's own backup button says to use pg_dump instead of copying a file."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess

import pytest
from sqlalchemy import delete
from sqlalchemy.engine import make_url

from coordinator_app.core.access import Role
from coordinator_app.core.models import Account
from coordinator_app.services import accounts, backups, server, session
from coordinator_app.services.demo import load_sample
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import StoreError
from tests.server_pg import (
    connect_as,
    connect_owner,
    drop_database,
    fresh_database,
    needs_pg,
    skip_without_createrole,
    unique_login,
)
from tests.shell_helpers import fast_hashing  # noqa: F401

pytestmark = needs_pg
PASSWORD = "backup-pass-1"


def _pg_env(url: str) -> dict[str, str]:
    u = make_url(url)
    return {**os.environ, "PGHOST": u.host or "localhost", "PGPORT": str(u.port or 5432),
            "PGUSER": u.username, "PGPASSWORD": u.password or ""}


def _contents(url: str) -> dict[str, tuple[int, str]]:
    """Every table of the public schema: row count and a digest of its rows
    in primary-key order."""
    with connect_owner(url) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
        out = {}
        for t in tables:
            rows = conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()
            out[t] = (len(rows), hashlib.sha256(repr(sorted(map(repr, rows))).encode())
                      .hexdigest())
        return out


def test_pg_dump_and_pg_restore_give_the_same_rows_and_the_same_access(tmp_path):
    skip_without_createrole()
    for tool in ("pg_dump", "pg_restore"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    url = fresh_database()
    copy = fresh_database()
    coord = unique_login("coord")
    try:
        db = Database.open(url, create=True)
        load_sample(db)
        with db.session() as s:
            s.execute(delete(Account).where(Account.is_demo.is_(True)))
        db.close()
        server.init(url)
        db = Database.open(url)
        accounts.create_account(db, coord, "支部01", Role.COORDINATOR, PASSWORD, "01")
        db.close()

        dump = tmp_path / "city.dump"
        env = _pg_env(url)
        subprocess.run(["pg_dump", "--format=custom", "--file", str(dump),
                        make_url(url).database], check=True, env=env, capture_output=True)
        subprocess.run(["pg_restore", "--exit-on-error", "--dbname", make_url(copy).database,
                        str(dump)], check=True, env=env, capture_output=True)

        original = _contents(url)
        assert original["consultation"][0] > 0 and original["audit_log"][0] > 0
        assert _contents(copy) == original
        # The restored database is as closed as the original: the same
        # coordinator sees branch 01 only, and the figures views are there.
        with connect_as(copy, coord, PASSWORD) as conn:
            branches = {r[0] for r in conn.execute(
                "SELECT DISTINCT b.code FROM consultation c JOIN branch b ON b.id = c.branch_id")}
            assert branches == {"01"}
        with connect_owner(copy) as conn:
            assert conn.execute("SELECT count(*) FROM figures.consultations").fetchone()[0] > 0
    finally:
        drop_database(copy, [])
        drop_database(url, [coord])


def test_the_apps_backup_button_on_a_server_points_to_pg_dump(tmp_path):
    skip_without_createrole()
    url = fresh_database()
    login = unique_login("it")
    try:
        Database.open(url, create=True).close()
        server.init(url, admin=(login, "情報担当", PASSWORD))
        u = make_url(url)
        db = session.open_server(f"postgresql+psycopg://{u.host}:{u.port}/{u.database}",
                                 login, PASSWORD)
        try:
            who = session.sign_in(db, login, PASSWORD)
            with pytest.raises(StoreError, match="pg_dump") as refused:
                backups.manual_backup(db, who)
            assert backups.explain_db_error(refused.value) == str(refused.value)
        finally:
            db.close()
    finally:
        drop_database(url, [login])
