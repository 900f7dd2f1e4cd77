"""Accounts on the city's server (issue 21): adding, deactivating,
changing and removing an account in 設定 manages its PostgreSQL role in
the same transaction, and the app signs in with the account's own
credentials (the URL on the PC holds no password)."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from coordinator_app.core.access import WRONG_LOGIN, AuthError, Role
from coordinator_app.core.models import AuditLog, Branch, Consultation
from coordinator_app.services import accounts, admin, consultations, home, server, session
from coordinator_app.storage import server_roles
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import StoreError
from tests.conftest import TODAY
from tests.server_pg import (
    connect_as,
    drop_database,
    fresh_database,
    needs_pg,
    skip_without_createrole,
    unique_login,
)
from tests.shell_helpers import fast_hashing  # noqa: F401

pytestmark = needs_pg
PASSWORD = "first-pass-1"


@pytest.fixture(scope="module")
def site():
    """A server database after server init: branches 01 and 02 and its
    first administrator; ``url`` is what the PCs hold (no user, no password)."""
    skip_without_createrole()
    owner_url = fresh_database()
    made: list[str] = []
    admin_login = unique_login("it-admin")
    made.append(admin_login)
    try:
        db = Database.open(owner_url, create=True)
        with db.session() as s:
            for code in ("01", "02"):
                branch = Branch(code=code, name=f"支部{code}")
                db.stamp(branch, created=True)
                s.add(branch)
        db.close()
        server.init(owner_url, admin=(admin_login, "情報担当", PASSWORD))
        from sqlalchemy.engine import make_url
        u = make_url(owner_url)
        pc_url = f"postgresql+psycopg://{u.host}:{u.port or 5432}/{u.database}"
        yield {"owner": owner_url, "url": pc_url, "admin": admin_login, "made": made}
    finally:
        drop_database(owner_url, made)


def _role(site, login: str):
    """(can log in, groups) of login's role, or None when there is none."""
    with psycopg.connect(_owner_conninfo(site)) as owner:
        row = owner.execute("SELECT rolcanlogin, ARRAY(SELECT g.rolname FROM pg_auth_members m"
                            " JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid)"
                            " FROM pg_roles r WHERE rolname = %s",
                            (server_roles.role_name(login),)).fetchone()
    return None if row is None else (row[0], set(row[1]))


def _owner_conninfo(site) -> str:
    from sqlalchemy.engine import make_url
    u = make_url(site["owner"])
    return (f"host={u.host} port={u.port or 5432} dbname={u.database}"
            f" user={u.username} password={u.password}")


def _sign_in(site, login: str, password: str):
    db = session.open_server(site["url"], login, password)
    return db, session.sign_in(db, login, password)


def test_the_pc_url_holds_no_password(site):
    assert session.signs_in_to_server(site["url"])
    assert not session.signs_in_to_server(site["owner"])
    assert not session.signs_in_to_server("sqlite:////tmp/x.db")


def test_accounts_made_in_settings_manage_their_role(site):
    db, it = _sign_in(site, site["admin"], PASSWORD)  # the administrator's own role
    try:
        login = unique_login("tanaka")
        site["made"].append(login)
        account_id = admin.create_account(db, it, login, "田中", Role.COORDINATOR,
                                          "tanaka-pass-1", "01")
        assert _role(site, login) == (True, {"ca_coordinator"})
        with connect_as(site["url"], login, "tanaka-pass-1") as conn:
            assert conn.execute("SELECT current_user").fetchone()[0] == \
                server_roles.role_name(login)

        admin.update_account(db, it, account_id, "田中", Role.CITY_STAFF, None)
        assert _role(site, login) == (True, {"ca_city"})

        admin.set_account_active(db, it, account_id, False)
        assert _role(site, login)[0] is False  # NOLOGIN
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            connect_as(site["url"], login, "tanaka-pass-1")
        with pytest.raises(AuthError, match=WRONG_LOGIN):
            _sign_in(site, login, "tanaka-pass-1")

        admin.set_account_active(db, it, account_id, True)
        assert _role(site, login)[0] is True
        admin.reset_password(db, it, account_id, "tanaka-pass-2")
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            connect_as(site["url"], login, "tanaka-pass-1")
        connect_as(site["url"], login, "tanaka-pass-2").close()

        admin.remove_account(db, it, account_id)
        assert _role(site, login) is None
        with db.session() as s:
            actions = [(a.action, a.detail) for a in s.scalars(
                select(AuditLog).where(AuditLog.entity == "account",
                                       AuditLog.entity_id == account_id).order_by(AuditLog.id))]
        assert [a for a, _d in actions] == ["create", "update", "update", "update", "update",
                                            "delete"]
    finally:
        db.close()


def test_a_role_change_that_fails_changes_nothing(site, monkeypatch):
    """The account row and its role are one transaction."""
    db, it = _sign_in(site, site["admin"], PASSWORD)
    try:
        login = unique_login("sato")
        monkeypatch.setattr(server_roles, "password_clause",
                            lambda pw: "PASSWORD 'x' NOT_A_KEYWORD")
        with pytest.raises(StoreError, match="ロール"):
            admin.create_account(db, it, login, "佐藤", Role.COORDINATOR, "sato-pass-1", "01")
        with db.session() as s:
            assert s.scalar(text("SELECT count(*) FROM account WHERE login = :l"),
                            {"l": login}) == 0
        assert _role(site, login) is None
    finally:
        db.close()


# Logins as people type them: Japanese, spaces, quotes, capitals, long.
logins = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                 min_size=1, max_size=64).map(str.strip).filter(bool)
passwords = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                    min_size=8, max_size=30)


@settings(max_examples=12, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(login=logins, password=passwords)
def test_any_login_and_password_become_a_working_role(site, login, password):
    db, it = _sign_in(site, site["admin"], PASSWORD)
    try:
        site["made"].append(login)
        account_id = admin.create_account(db, it, login, "誰か", Role.COORDINATOR, password, "02")
        name = server_roles.role_name(login)
        assert len(name.encode()) <= 63
        new_db, who = _sign_in(site, login, password)
        try:
            assert who.login == login and who.branch_code == "02"
        finally:
            new_db.close()
        admin.remove_account(db, it, account_id)
        assert _role(site, login) is None
    finally:
        db.close()


def test_role_names_of_different_logins_differ():
    names = {server_roles.role_name(x) for x in
             ("tanaka", "Tanaka", "田中", "田中 ", "a" * 64, "a" * 63 + "b", 'x"y', "x'y")}
    assert len(names) == 8


def test_a_wrong_password_or_unknown_login_is_refused_alike(site):
    for login, password in ((site["admin"], "not-the-password"), ("nobody-here", PASSWORD)):
        with pytest.raises(AuthError) as refused:
            session.open_server(site["url"], login, password)
        assert str(refused.value) == WRONG_LOGIN


def test_a_coordinator_works_under_their_own_role(site):
    """Through the services, as the app does: sign in, save, count, lock the
    screen and change the password — with nothing but the role's rights."""
    db, it = _sign_in(site, site["admin"], PASSWORD)
    login = unique_login("suzuki")
    site["made"].append(login)
    admin.create_account(db, it, login, "鈴木", Role.COORDINATOR, "suzuki-pass-1", "01")
    db.close()
    db, who = _sign_in(site, login, "suzuki-pass-1")
    try:
        assert who.branch_code == "01" and db.actor == login
        draft = consultations.ConsultationDraft(
            received_on=TODAY, received_at=dt.time(10, 5), kind="consultation", channel="phone",
            from_whom="self", categories=["life"], response="listened", summary="テスト",
            new_person=consultations.NewPerson(name="試験 太郎"))
        record_id = consultations.create_consultation(db, who, draft)
        assert consultations.record_number(db, who, record_id)
        assert home.home_figures(db, who).consultations_this_month >= 1
        assert accounts.verify_password(db, who.account_id, "suzuki-pass-1")
        assert not accounts.verify_password(db, who.account_id, "wrong-pass-1")
        admin.change_own_password(db, who, "suzuki-pass-1", "suzuki-pass-2")
    finally:
        db.close()
    with pytest.raises(AuthError):
        session.open_server(site["url"], login, "suzuki-pass-1")
    db, who = _sign_in(site, login, "suzuki-pass-2")
    try:
        with db.session() as s:
            assert s.scalar(select(Consultation.created_by).where(
                Consultation.id == record_id)) == login
    finally:
        db.close()


def test_the_command_line_signs_in_with_the_accounts_credentials(site, tmp_path,
                                                                 monkeypatch, capsys):
    from coordinator_app.cli import main

    monkeypatch.setenv("COORDINATOR_APP_PASSWORD", PASSWORD)
    out = tmp_path / "tallies.csv"
    code = main(["--db", site["url"], "--user", site["admin"], "export", "tallies",
                 "--fiscal-year", "2026", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert out.is_file()
    monkeypatch.setenv("COORDINATOR_APP_PASSWORD", "wrong-pass-9")
    assert main(["--db", site["url"], "--user", site["admin"], "export", "tallies",
                 "--fiscal-year", "2026", "--out", str(out)]) == 1
    assert WRONG_LOGIN in capsys.readouterr().err


def test_server_init_on_the_command_line(site, capsys):
    from coordinator_app.cli import main

    assert main(["server", "init", "--url", site["owner"]]) == 0
    printed = capsys.readouterr().out
    assert "current" in printed and "行レベルセキュリティ" in printed
    assert ":coord_test@" not in printed and "***" in printed  # never the password
    assert main(["server", "init", "--url", "sqlite:////tmp/no.db"]) == 1


def test_the_desktop_app_opens_the_server_at_sign_in(site, qtbot, monkeypatch):
    from coordinator_app.ui.app import Shell
    from coordinator_app.ui.sign_in import SignInDialog

    monkeypatch.setattr(Shell, "refuse", lambda _self, message: pytest.fail(message))
    dialog = SignInDialog(None, unlock=lambda *_: None, where=site["url"], server=True)
    qtbot.addWidget(dialog)
    assert dialog.recovery_button is None  # no encrypted file here
    shell = Shell(site["url"], credentials=(site["admin"], PASSWORD))
    try:
        assert shell.open()
        assert shell.sign_in().login == site["admin"]
        assert shell.db.engine.url.username == server_roles.role_name(site["admin"])
    finally:
        shell.shutdown()


def test_server_init_refuses_a_sqlite_file():
    with pytest.raises(StoreError, match="PostgreSQL"):
        server.init("sqlite:////tmp/x.db")


def test_removing_an_account_in_settings_drops_its_role(site, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from coordinator_app.ui.settings.accounts_tab import AccountsTab
    from tests.helpers import make_context

    db, it = _sign_in(site, site["admin"], PASSWORD)
    try:
        login = unique_login("mistake")
        site["made"].append(login)
        admin.create_account(db, it, login, "間違い", Role.CITY_STAFF, "mistake-pass-1")
        assert _role(site, login) == (True, {"ca_city"})
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
        tab = AccountsTab(make_context(db, it))
        qtbot.addWidget(tab)
        tab.table.selectRow([r.login for r in tab.model.rows].index(login))
        button = tab.findChild(QPushButton, "removeAccount")
        assert button.isEnabled()
        button.click()
        assert login not in [r.login for r in tab.model.rows]
        assert _role(site, login) is None
    finally:
        db.close()


def test_the_sign_in_dialog_connects_as_the_person_who_signs_in(site, qtbot):
    from coordinator_app.ui.sign_in import SignInDialog

    dialog = SignInDialog(None, unlock=lambda login, pw: session.open_server(site["url"], login,
                                                                             pw),
                          where=site["url"], server=True)
    qtbot.addWidget(dialog)
    dialog.login.setText(site["admin"])
    dialog.password.setText("wrong-password")
    dialog.try_sign_in()
    assert dialog.user is None and dialog.db is None
    assert dialog.message.text() == WRONG_LOGIN
    dialog.password.setText(PASSWORD)
    dialog.try_sign_in()
    try:
        assert dialog.user.login == site["admin"]
        assert dialog.db.engine.url.username == server_roles.role_name(site["admin"])
    finally:
        dialog.db.close()
