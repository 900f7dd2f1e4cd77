"""Helpers of the city-server tests (tests/test_server_*.py): a fresh
PostgreSQL database set up by ``server init``, and plain psycopg
connections as an account's own role (what ``psql`` would do)."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coordinator_app.storage import server_roles
from tests.conftest import PG_URL

needs_pg = pytest.mark.skipif(not PG_URL, reason="COORDINATOR_APP_TEST_PG is not set: "
                              "the city-server tests need a real PostgreSQL")


def can_create_roles() -> bool:
    engine = create_engine(PG_URL)
    try:
        with engine.connect() as conn:
            return bool(conn.scalar(text("SELECT rolcreaterole OR rolsuper FROM pg_roles"
                                         " WHERE rolname = current_user")))
    finally:
        engine.dispose()


def skip_without_createrole() -> None:
    if not can_create_roles():
        pytest.skip("the PostgreSQL test role needs CREATEROLE for server init "
                    "(.ci/run grants it: ALTER ROLE coord_test CREATEROLE)")


def fresh_database() -> str:
    name = "t_srv_" + uuid.uuid4().hex[:10]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def drop_database(url: str, logins: list[str]) -> None:
    """Drop the test database, then the roles of its accounts (roles are
    the cluster's, not the database's)."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
        for login in logins:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS "
                                 f"{server_roles.quote_ident(server_roles.role_name(login))}")
    admin.dispose()


def unique_login(stem: str) -> str:
    return f"{stem}-{uuid.uuid4().hex[:8]}"


def connect_as(url: str, login: str, password: str, **extra) -> psycopg.Connection:
    """A plain psycopg connection as the account's own role."""
    u = make_url(url)
    return psycopg.connect(host=u.host or "localhost", port=u.port or 5432, dbname=u.database,
                           user=server_roles.role_name(login), password=password, **extra)


def connect_owner(url: str) -> psycopg.Connection:
    u = make_url(url)
    return psycopg.connect(host=u.host or "localhost", port=u.port or 5432, dbname=u.database,
                           user=u.username, password=u.password)
