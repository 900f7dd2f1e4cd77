"""The city server's SQL (storage/server_roles.py) without a server: role
names, quoting, password verifiers, which tables the branch scope covers;
and accounts on a database that is not a set-up server (SQLite, or a
PostgreSQL without ``server init``) get no database roles."""

from __future__ import annotations

import base64
import hashlib
import hmac

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlmodel import SQLModel

from coordinator_app.core.access import Role
from coordinator_app.core.models import Account
from coordinator_app.services import accounts, admin
from coordinator_app.storage import server_roles
from tests.shell_helpers import fast_hashing  # noqa: F401

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1,
                max_size=80).filter(lambda t: "\x00" not in t)


@settings(max_examples=30, deadline=None)
@given(login=texts)
def test_role_names_are_short_prefixed_and_quoted_safely(login):
    name = server_roles.role_name(login)
    assert name.startswith("ca_") and len(name.encode()) <= 63
    quoted = server_roles.quote_ident(name)
    assert quoted.startswith('"') and quoted.endswith('"')
    assert quoted[1:-1].replace('""', "").count('"') == 0


@settings(max_examples=30, deadline=None)
@given(value=texts)
def test_literals_cannot_end_early(value):
    quoted = server_roles.quote_literal(value)
    assert quoted[1:-1].replace("''", "").count("'") == 0


def test_the_password_never_appears_in_the_statement():
    statement = server_roles.password_statement("tanaka", "my-secret-pass")
    assert "my-secret-pass" not in statement and "SCRAM-SHA-256$4096:" in statement
    # The verifier is RFC 5803's: StoredKey = H(HMAC(SaltedPassword, "Client Key")).
    verifier = server_roles.scram_verifier("my-secret-pass")
    head, keys = verifier.split("$", 1)[1].split("$")
    salt = base64.b64decode(head.split(":")[1])
    salted = hashlib.pbkdf2_hmac("sha256", b"my-secret-pass", salt, 4096)
    stored = hashlib.sha256(hmac.new(salted, b"Client Key", "sha256").digest()).digest()
    assert base64.b64decode(keys.split(":")[0]) == stored


def test_the_scope_follows_foreign_keys_down_from_branch_tables():
    scoped = server_roles.scoped_tables(SQLModel.metadata)
    assert "account" not in scoped and "branch" not in scoped and "audit_log" not in scoped
    # a child table without branch_id is there through its parents
    assert {p for _c, p, _pc, _n in scoped["watch_assignment"]} == {"watch_user", "volunteer"}
    using, check = server_roles.policy_expressions(
        "watch_assignment", {"watch_user_id", "volunteer_id"}, scoped["watch_assignment"])
    assert using == check and "EXISTS" in using


def test_accounts_on_a_database_without_server_init_have_no_roles(db):
    """SQLite, and PostgreSQL without server init (the test role's own
    database): adding, deactivating and removing accounts work as before."""
    from sqlalchemy import text

    accounts.create_account(db, "boss", "管理者", Role.ADMIN, "boss-pass-1")
    it = accounts.authenticate(db, "boss", "boss-pass-1")
    admin.save_branch(db, it, None, "01", "支部01")
    login = "plain"
    account_id = admin.create_account(db, it, login, "一般", Role.COORDINATOR, "plain-pass-1",
                                      "01")
    admin.set_account_active(db, it, account_id, False)
    admin.remove_account(db, it, account_id)
    with db.session() as s:
        assert s.scalar(select(Account.id).where(Account.login == login)) is None
        if db.engine.dialect.name == "postgresql":
            assert not s.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :n"),
                                {"n": server_roles.role_name(login)})
