"""The in-doubt commit (issue 21): the server commits a new record, then
the connection drops before the answer reaches the app. ``saving.retried``
tries the save again with the same ``client_key``; the record must be
stored once and the caller must get its id. Two saves of the same content
(two keys) are two records. Runs on SQLite and, with
$COORDINATOR_APP_TEST_PG, on PostgreSQL (the real commit, then a real
disconnect error raised by the driver layer)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from coordinator_app.core.models import (
    ActivityGroup,
    AuditLog,
    Branch,
    Consultation,
    Event,
    Role,
    Volunteer,
    WatchContact,
    WatchUser,
)
from coordinator_app.services import (
    consultations,
    gatherings,
    saving,
    volunteers,
    watch,
)
from tests.conftest import TODAY, coordinator_of

typed = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40) \
    .map(str.strip).filter(bool)


@pytest.fixture
def branch(db):
    with db.session() as s:
        s.add(Branch(code="01", name="テスト01支部"))
    return db, coordinator_of(db)


def _disconnect(dialect) -> Exception:
    """What the driver raises when the connection is gone (SQLAlchemy's
    dialect reads it as a disconnect and invalidates the connection)."""
    if dialect.name == "sqlite":
        return dialect.dbapi.ProgrammingError("Cannot operate on a closed database.")
    return dialect.dbapi.OperationalError("server closed the connection unexpectedly")


def drop_commits(monkeypatch, db, times: int = 1, commit: bool = True) -> list:
    """The next ``times`` COMMITs of ``db``: carried out by the database
    (or not, ``commit=False``), then the connection drops before the app
    hears back. Returns the list that grows by one at each drop."""
    dialect = db.engine.dialect
    real, dropped = dialect.do_commit, []

    def do_commit(dbapi_connection):
        if len(dropped) >= times:
            return real(dbapi_connection)
        if commit:
            real(dbapi_connection)
        dropped.append(True)
        raise _disconnect(dialect)

    monkeypatch.setattr(dialect, "do_commit", do_commit)
    return dropped


@pytest.fixture
def answer_lost(monkeypatch):
    """``answer_lost(db)``: the next COMMIT of ``db`` is carried out by the
    database, then the connection drops before the app hears back."""
    return lambda db: drop_commits(monkeypatch, db)


def _count(db, model, **where):
    with db.session() as s:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return s.scalar(query)


def _watch_user(db, user, name="見守 花子"):
    return watch.enrol_user(db, user, watch.EnrolmentForm(
        new_name=name, new_kana="みまもり はなこ", methods=["visit"], enrolled_on=TODAY))


def _role(db):
    with db.session() as s:
        code = s.scalar(select(Role.code).limit(1))
        if code is None:
            s.add(Role(code="visit", label="訪問"))
            code = "visit"
    return code


def _kinds():
    """model, prepare(db, user) -> save(text, key) -> id, the audit entity
    of its create. ``prepare`` reads (or makes) what the save needs first,
    so that the next commit is the save's own."""
    def consultation(db, user):
        def save(text, key):
            draft = consultations.ConsultationDraft(
                received_on=TODAY, kind="consultation", channel="phone", from_whom="self",
                categories=["life"], response="listened", summary=text)
            return consultations.create_consultation(db, user, draft, client_key=key)
        return save

    def contact(db, user):
        wid = db_first(db, WatchUser) or _watch_user(db, user)
        return lambda text, key: watch.record_contact(
            db, user, wid, contacted_on=TODAY, method="visit", result="ok", by_staff=True,
            note=text, client_key=key).contact_id

    def enrolment(db, user):
        return lambda text, key: watch.enrol_user(db, user, watch.EnrolmentForm(
            new_name=text, methods=["visit"], enrolled_on=TODAY), client_key=key)

    def volunteer(db, user):
        role = _role(db)
        return lambda text, key: volunteers.register_volunteer(
            db, user, volunteers.VolunteerInput(new_person={"name": text, "kana": ""},
                                                roles=[role], registered_on=TODAY),
            client_key=key)

    def group(db, user):
        kind = _group_kind(db)
        return lambda text, key: gatherings.save_group(db, user, gatherings.GroupInput(
            name=text, kind=kind, started_on=TODAY), client_key=key)

    def event(db, user):
        kind = _event_kind(db)
        return lambda text, key: gatherings.save_event(db, user, gatherings.EventInput(
            held_on=TODAY, kind=kind, title=text, participants=3), client_key=key)

    return {"consultation": (Consultation, consultation, "consultation"),
            "watch_contact": (WatchContact, contact, "watch_contact"),
            "watch_user": (WatchUser, enrolment, "watch_user"),
            "volunteer": (Volunteer, volunteer, "volunteer"),
            "activity_group": (ActivityGroup, group, "activity_group"),
            "event": (Event, event, "event")}


def db_first(db, model):
    with db.session() as s:
        return s.scalar(select(model.id).order_by(model.id).limit(1))


def _group_kind(db):
    from coordinator_app.core.models import GroupKind

    with db.session() as s:
        return s.scalar(select(GroupKind.code).where(GroupKind.active.is_(True)).limit(1))


def _event_kind(db):
    from coordinator_app.core.models import EventKind

    with db.session() as s:
        return s.scalar(select(EventKind.code).where(EventKind.active.is_(True)).limit(1))


KINDS = ["consultation", "watch_contact", "watch_user", "volunteer", "activity_group", "event"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_record_whose_commit_answer_was_lost_is_stored_once(branch, answer_lost, kind):
    db, user = branch
    model, prepare, entity = _kinds()[kind]
    save = prepare(db, user)
    before = _count(db, model)
    key, told = saving.new_key(), []
    dropped = answer_lost(db)

    record_id = saving.retried(lambda: save("接続が切れた保存", key),
                               on_retry=told.append, pauses=(0.0, 0.0))

    assert dropped and told == [1]  # the first try committed, the app heard nothing, retried
    assert _count(db, model) == before + 1
    with db.session() as s:
        stored = s.scalar(select(model).where(model.client_key == key))
        assert stored.id == record_id
        assert s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "create", AuditLog.entity == entity,
            AuditLog.entity_id == record_id)) == 1


def test_the_lost_answer_really_is_a_lost_connection(branch, answer_lost):
    """The simulation is what ``retried`` sees after a real drop: a
    disconnect error of the driver, after the row was committed."""
    db, user = branch
    save = _kinds()["consultation"][1](db, user)
    answer_lost(db)
    with pytest.raises(DBAPIError) as exc:
        save("一度目", saving.new_key())
    assert saving.connection_lost(exc.value)
    assert _count(db, Consultation) == 1


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=typed, kind=st.sampled_from(["consultation", "watch_contact"]))
def test_two_saves_of_the_same_content_are_two_records(branch, text, kind):
    """Two people (or one, twice) really saving the same thing: two keys,
    two records — the key stops only a retry of the same save."""
    db, user = branch
    model, prepare, _ = _kinds()[kind]
    save = prepare(db, user)
    before = _count(db, model)
    first = saving.retried(lambda: save(text, saving.new_key()))
    second = saving.retried(lambda: save(text, saving.new_key()))
    assert first != second
    assert _count(db, model) == before + 2


def test_imports_and_older_rows_carry_no_key_and_never_collide(branch):
    """Records saved without a key (imports, tools) keep NULL; any number
    of them sit beside each other under the unique index."""
    db, user = branch
    save = _kinds()["consultation"][1](db, user)
    for _ in range(3):
        save("鍵なし", None)
    assert _count(db, Consultation, client_key=None) == 3
