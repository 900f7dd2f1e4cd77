"""The one access policy (core.access.check) and the one way into the
audit trail (Database.audit): what each role may do on which branch, that
services refuse through the policy, and that every audit row — the
shell's own events, backups, restores, sign-ins and the replayed sign-in
log — goes through Database.audit and keeps its limits."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select
from sqlmodel import Session

from coordinator_app.core import access, clock
from coordinator_app.core.access import Action, Role, ScopeError, SignedIn
from coordinator_app.core.models import AuditLog, Person, PrintRecord
from coordinator_app.services import accounts, audit, backups, people, printing
from coordinator_app.storage import sign_in_log
from coordinator_app.storage.database import Database
from tests.shell_helpers import audit_count, fast_hashing, make_accounts  # noqa: F401

# What DOMAIN.md (Personal information) and the README ("What each role
# gets") say, written out independently of core.access: role -> "own"
# (their branch only) or "every".
EXPECTED = {
    Action.PERSONAL_RECORDS: {Role.COORDINATOR: "own"},
    Action.DELETED_RECORDS: {Role.COORDINATOR: "own", Role.ADMIN: "every"},
    Action.TALLIES: {Role.COORDINATOR: "own", Role.CITY_STAFF: "every", Role.ADMIN: "every"},
    Action.CONSOLIDATE: {Role.CITY_STAFF: "every", Role.ADMIN: "every"},
    Action.EVALUATE: {Role.CITY_STAFF: "every", Role.ADMIN: "every"},
    Action.DEFINE_INDICATORS: {Role.ADMIN: "every"},
    Action.ADMINISTER: {Role.ADMIN: "every"},
    Action.PRINT_REGISTER: {Role.COORDINATOR: "own", Role.ADMIN: "every"},
    Action.IMPORT: {Role.COORDINATOR: "own", Role.ADMIN: "every"},
    Action.BACKUP: {Role.COORDINATOR: "own", Role.ADMIN: "every"},
}


def _user(role: str, branch_id: int | None) -> SignedIn:
    return SignedIn(7, "someone", "誰か", role, branch_id, None, None)


def test_every_action_is_described():
    assert set(EXPECTED) == set(Action)


@settings(max_examples=200, deadline=None)
@given(role=st.sampled_from([*Role, "unknown"]), own=st.sampled_from([None, 1, 2]),
       action=st.sampled_from(list(Action)), target=st.sampled_from([None, 1, 2, 3]),
       as_strings=st.booleans())
def test_check_allows_exactly_what_each_role_gets(role, own, action, target, as_strings):
    """A role stored as plain text (Account.role) is the same role."""
    user = _user(str(role) if as_strings else role, own)
    reach = EXPECTED[action].get(role)
    allowed = reach == "every" or (reach == "own" and own is not None
                                   and target in (None, own))
    assert access.may(user, action, target) == allowed
    if not allowed:
        with pytest.raises(ScopeError) as refused:
            access.check(user, action, target)
        assert str(refused.value)  # a Japanese sentence, never empty
        with pytest.raises(ScopeError, match="別の言い方"):
            access.check(user, action, target, "別の言い方")
    else:
        assert access.check(user, action, target) == (own if reach == "own" else None)


def test_signed_in_shortcuts_follow_the_policy():
    assert _user(Role.COORDINATOR, 1).sees_personal_records
    assert not _user(Role.COORDINATOR, None).sees_personal_records
    assert not _user(Role.CITY_STAFF, None).sees_personal_records
    assert _user("admin", None).is_admin and not _user(Role.CITY_STAFF, None).is_admin


# --- services refuse through the policy ---------------------------------------------------

@pytest.fixture
def site(demo_db, fast_hashing):  # noqa: F811
    return demo_db, make_accounts(demo_db)


def _person_of(db, branch_code: str) -> int:
    from coordinator_app.core.models import Branch

    with db.session() as s:
        return s.scalar(select(Person.id).join(Branch, Branch.id == Person.branch_id)
                        .where(Branch.code == branch_code).order_by(Person.id))


def test_another_branch_or_role_is_refused_and_nothing_is_written(site, tmp_path):
    db, users = site
    theirs = _person_of(db, "01")
    before = audit_count(db)
    for login in ("coord02", "city", "admin"):
        with pytest.raises(ScopeError):
            people.get_person(db, users[login], theirs)
    for login in ("city", "admin"):
        with pytest.raises(ScopeError):
            people.search_people(db, users[login], "")
    with pytest.raises(ScopeError):
        backups.backup_to(db, users["city"], tmp_path / "x.db")
    for login in ("coord01", "city"):
        with pytest.raises(ScopeError):
            audit.search(db, users[login])
    with pytest.raises(ScopeError):
        printing.register_entries(db, users["city"])
    assert audit_count(db) == before
    assert not (tmp_path / "x.db").exists()
    assert people.get_person(db, users["coord01"], theirs).id == theirs


def test_a_print_of_every_branch_is_not_a_coordinators_to_dispose_of(site):
    """The 支部拠点一覧 printed by an administrator belongs to no branch: a
    coordinator may not record its return; the administrator may."""
    db, users = site
    with db.session() as s:
        record = PrintRecord(printed_by="admin", list_kind="branches", branch_id=None,
                             person_count=0, copies=1, first_copy_no=1, last_copy_no=1,
                             pages=1)
        db.stamp(record, created=True)
        s.add(record)
        s.flush()
        record_id = record.id
    for login in ("coord01", "city"):
        with pytest.raises(ScopeError):
            printing.record_disposal(db, users[login], record_id, "shredded", clock.today())
    printing.record_disposal(db, users["admin"], record_id, "shredded", clock.today())


# --- every audit row through Database.audit --------------------------------------------------

@contextlib.contextmanager
def audit_rows_watched():
    """Collects every AuditLog added to any session and whether it came
    through Database.audit."""
    inside = []
    seen: list[tuple[AuditLog, bool]] = []
    real = Database.audit

    def through_audit(self, *args, **kwargs):
        inside.append(True)
        try:
            return real(self, *args, **kwargs)
        finally:
            inside.pop()

    def added(session, instance):
        if isinstance(instance, AuditLog):
            seen.append((instance, bool(inside)))

    Database.audit = through_audit
    event.listen(Session, "transient_to_pending", added)
    try:
        yield seen
    finally:
        event.remove(Session, "transient_to_pending", added)
        Database.audit = real


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reason=st.text(min_size=0, max_size=400), name_length=st.integers(150, 240))
def test_every_audit_row_goes_through_database_audit_and_keeps_its_limits(
        tmp_path_factory, fast_hashing, reason, name_length):  # noqa: F811
    from tests.conftest import open_test_db

    folder = tmp_path_factory.mktemp("audit")
    db = open_test_db(str(folder / "trail.db"))
    try:
        accounts.create_account(db, "admin", "管理者", "admin", "admin-pass-1")
        with audit_rows_watched() as seen:
            user = accounts.authenticate(db, "admin", "admin-pass-1")
            with pytest.raises(access.AuthError):
                accounts.authenticate(db, "admin", "wrong-password")
            audit.lock(db, user, reason)
            assert not audit.unlock(db, user, "wrong-password")
            assert audit.unlock(db, user, "admin-pass-1")
            audit.sign_out(db, user)
            audit.export_csv(db, user, audit.AuditFilter(), folder / "trail.csv")
            backups.manual_backup(db, user)
            backups.make_backup(db, "auto")
            source = folder / ("b" * name_length + ".db")
            backups.record_restore(db, user.login, backups.RestoreResult(db.path, None, source))
            log = sign_in_log.SignInLog(db.path)
            log.append("admin", sign_in_log.FAILED, clock.utcnow() - dt.timedelta(minutes=3))
            sign_in_log.merge(db, log, "admin", clock.utcnow())
            log.path.unlink()  # deleted: noticed, audited
            assert sign_in_log.merge(db, log, "admin", clock.utcnow())
        assert seen and all(through for _row, through in seen), \
            [row.action for row, through in seen if not through]
        actions = [row.action for row, _ in seen]
        for expected in ("sign_in", "sign_in_failed", "lock", "unlock", "unlock_failed",
                         "sign_out", "export", "backup", "restore", "sign_in_log_tampered"):
            assert expected in actions
        with db.session() as s:
            rows = s.scalars(select(AuditLog)).all()
        assert all(len(r.detail) <= 200 for r in rows)
        by_action = {r.action: r for r in rows}
        assert by_action["lock"].detail == reason[:200] and by_action["lock"].actor == "admin"
        assert by_action["restore"].actor == "admin"
        assert by_action["backup"].actor in ("admin", db.actor)
        replayed = [r for r in rows if r.action == "sign_in_failed" and r.actor == db.actor]
        assert any(r.at < clock.utcnow() - dt.timedelta(minutes=2) for r in replayed)
    finally:
        db.close()
