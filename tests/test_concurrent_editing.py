"""Two people, two app instances, one record (issue 21): the second save
made on an older version is refused with the newer version offered, and
nothing either of them wrote is lost; a save whose server connection
drops is tried again and written once. Runs on SQLite and, with
$COORDINATOR_APP_TEST_PG, on PostgreSQL (each instance its own engine)."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from coordinator_app.core.models import (
    ActivityGroup,
    AuditLog,
    Branch,
    Consultation,
    ConsultationCategory,
    Event,
    Person,
    Volunteer,
    WatchContact,
    WatchUser,
)
from coordinator_app.services import consultations as svc
from coordinator_app.services import saving
from coordinator_app.services.consultations import ConsultationDraft
from tests.conftest import TODAY, coordinator_of, open_test_db

# Text people type: any printable characters, Japanese included.
typed = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60) \
    .map(str.strip).filter(bool)


def _draft(**kw) -> ConsultationDraft:
    values = dict(received_on=TODAY, received_at=dt.time(10, 5), kind="consultation",
                  channel="phone", from_whom="self", categories=["life"],
                  response="listened", summary="最初の内容")
    values.update(kw)
    return ConsultationDraft(**values)


@pytest.fixture
def two(db):
    """Two app instances on one database: ``db`` and a second Database
    object with its own engine, each with the branch's coordinator."""
    with db.session() as s:
        s.add(Branch(code="01", name="テスト01支部"))
    other = open_test_db(db.url)
    yield (db, coordinator_of(db)), (other, coordinator_of(other))
    other.close()


def _stored(db, cid):
    with db.session() as s:
        c = s.get(Consultation, cid)
        cats = set(s.scalars(select(ConsultationCategory.category_code)
                             .where(ConsultationCategory.consultation_id == cid)))
        return c, cats


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=typed, second=typed)
def test_second_save_on_an_old_version_is_refused_and_offered_the_newer(two, first, second):
    (a, user_a), (b, user_b) = two
    cid = svc.create_consultation(a, user_a, _draft())
    opened_a = svc.get_consultation(a, user_a, cid)
    opened_b = svc.get_consultation(b, user_b, cid)
    assert opened_a.version == opened_b.version

    svc.update_consultation(a, user_a, cid, _draft(summary=first, categories=["care"]),
                            base_version=opened_a.version)
    mine = _draft(summary=second, categories=["money"], referred_to="地域包括")
    with pytest.raises(saving.StaleEdit) as refused:
        svc.update_consultation(b, user_b, cid, mine, base_version=opened_b.version)
    newer = refused.value.newer
    assert str(refused.value) == "他の人が先に変更しました"
    assert (newer.summary, newer.categories) == (first, ("care",))
    assert refused.value.version == newer.version == opened_b.version + 1
    stored, cats = _stored(a, cid)  # the refused save changed nothing
    assert (stored.summary, cats, stored.referred_to) == (first, {"care"}, "")

    # B read the newer version and saves on top of it, deliberately.
    svc.update_consultation(b, user_b, cid, mine, base_version=refused.value.version)
    stored, cats = _stored(a, cid)
    assert (stored.summary, cats, stored.referred_to) == (second, {"money"}, "地域包括")
    assert stored.version == newer.version + 1
    # A's form, still on its first version, is refused in turn.
    with pytest.raises(saving.StaleEdit) as again:
        svc.update_consultation(a, user_a, cid, _draft(summary="古い画面から"),
                                base_version=opened_a.version + 1)
    assert again.value.newer.summary == second


def test_existing_rows_and_new_ones_start_at_version_one(db):
    """Every record kind people edit carries a version, 1 when made (the
    migration's default for rows already there), counted up per save."""
    with db.session() as s:
        s.add(Branch(code="01", name="テスト01支部"))
    user = coordinator_of(db)
    cid = svc.create_consultation(db, user, _draft())
    for model in (Consultation, Person, WatchUser, WatchContact, Volunteer, ActivityGroup, Event):
        assert "version" in model.__table__.c, model
    with db.session() as s:
        s.execute(text("UPDATE consultation SET summary = 'x' WHERE id = :i"), {"i": cid})
        assert s.get(Consultation, cid).version == 1  # a bulk statement leaves it
    svc.update_consultation(db, user, cid, _draft(summary="y"), base_version=1)
    assert _stored(db, cid)[0].version == 2


def _pg_only(db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("needs two concurrent writers: PostgreSQL")


def test_a_save_racing_another_between_read_and_write_is_refused(two):
    """B has read version 1 and passed the check when A's save commits:
    the database's own ``WHERE version = ?`` refuses B all the same."""
    (a, user_a), (b, user_b) = two
    _pg_only(a)
    cid = svc.create_consultation(a, user_a, _draft())
    outcome = {}

    def save_b():
        try:
            svc.update_consultation(b, user_b, cid, _draft(summary="B の入力"), base_version=1)
            outcome["b"] = "saved"
        except saving.StaleEdit as exc:
            outcome["b"] = exc

    with a.session() as s:
        record = s.get(Consultation, cid)
        record.summary = "A の入力"
        s.flush()  # A holds the row (version 2, not committed yet)
        racer = threading.Thread(target=save_b)
        racer.start()
        with a.engine.connect() as watch:  # wait until B waits for A's row lock
            for _ in range(500):
                waiting = watch.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    " AND datname = current_database()"))
                if waiting or not racer.is_alive():
                    break
                time.sleep(0.02)
    racer.join()
    assert isinstance(outcome["b"], saving.StaleEdit)
    assert outcome["b"].newer.summary == "A の入力"
    assert _stored(a, cid)[0].summary == "A の入力"


def test_a_save_whose_connection_drops_is_tried_again_and_written_once(two):
    """The server ends the connection in the middle of the transaction
    (as a restart does): nothing of that try stays, the next try writes
    the record once, and the caller is told before it."""
    (a, user_a), _ = two
    _pg_only(a)
    tries, told = [], []

    def work():
        tries.append(1)
        with a.session() as s:
            s.add(Person(branch_id=user_a.branch_id, name="接続 試験"))
            s.flush()
            if len(tries) == 1:
                s.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        return len(tries)

    assert saving.retried(work, on_retry=told.append) == 2
    assert told == [1]
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1


def test_only_a_lost_connection_is_tried_again(two):
    (a, _), _ = two
    calls = []

    def refused():
        calls.append(1)
        with a.session() as s:
            s.execute(text("SELECT no_such_column FROM branch"))

    with pytest.raises(Exception) as exc:
        saving.retried(refused)
    assert len(calls) == 1 and not saving.connection_lost(exc.value)
    invalidated = OperationalError("SELECT 1", {}, Exception("gone"), connection_invalidated=True)
    assert saving.connection_lost(invalidated)
    assert not saving.connection_lost(ValueError("x"))


def test_a_save_that_never_reaches_the_server_says_so_and_writes_nothing(two):
    (a, _), _ = two
    gone = OperationalError("COMMIT", {}, Exception("gone"), connection_invalidated=True)
    told = []

    def work():
        raise gone

    with pytest.raises(saving.ConnectionLost) as exc:
        saving.retried(work, on_retry=told.append, pauses=(0.0, 0.0))
    assert told == [1, 2] and "入力した内容は残っています" in str(exc.value)
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)
                        .where(AuditLog.action == "update")) == 0


# --- the other records edited on screen: same rule, same refusal ------------------

def _first(db, model, branch_id):
    with db.session() as s:
        return s.scalar(select(model.id).where(model.branch_id == branch_id)
                        .order_by(model.id).limit(1))


def _enrolment(d, note):
    from coordinator_app.services.watch import EnrolmentForm

    return EnrolmentForm(phone=d.phone, address=d.address, area=d.area,
                         emergency_contact=d.emergency_contact, methods=list(d.methods),
                         frequency_days=d.frequency_days, enrolled_on=d.enrolled_on,
                         cooperator_ids=[c.id for c in d.cooperators], note=note)


def _volunteer_input(d, skill):
    from coordinator_app.services.volunteers import VolunteerInput

    return VolunteerInput(kind=d.kind, phone=d.phone, address=d.address, area=d.area,
                          contact_person=d.contact_person, member_count=d.member_count,
                          roles=list(d.roles), skills=[skill], availability=set(d.availability),
                          covered_area_ids=[a for a, _ in d.covered_areas],
                          registered_on=d.registered_on, insurance_fy=d.insurance_fy)


def _kinds():
    """(model, read, save with a text, the text read back) per kind of record."""
    import dataclasses

    from coordinator_app.services import gatherings, volunteers, watch

    return {
        "watch_user": (
            WatchUser, lambda db, u, i: watch.get_user(db, u, i),
            lambda db, u, i, d, text, v: watch.update_user(db, u, i, _enrolment(d, text),
                                                           base_version=v),
            lambda d: d.note),
        "volunteer": (
            Volunteer, lambda db, u, i: volunteers.get_volunteer(db, u, i),
            lambda db, u, i, d, text, v: volunteers.update_volunteer(
                db, u, i, _volunteer_input(d, text), base_version=v),
            lambda d: d.skills[0] if d.skills else ""),
        "activity_group": (
            ActivityGroup, lambda db, u, i: gatherings.get_group(db, u, i),
            lambda db, u, i, d, text, v: gatherings.save_group(
                db, u, dataclasses.replace(d.data, note=text), i, base_version=v),
            lambda d: d.data.note),
        "event": (
            Event, lambda db, u, i: gatherings.get_event(db, u, i),
            lambda db, u, i, d, text, v: gatherings.save_event(
                db, u, dataclasses.replace(d, note=text, version=v), i),
            lambda d: d.note),
    }


@pytest.mark.parametrize("kind", ["watch_user", "volunteer", "activity_group", "event"])
def test_every_edited_record_refuses_a_save_on_an_old_version(demo_db, coordinator, kind):
    model, read, save, text_of = _kinds()[kind]
    other = open_test_db(str(demo_db.path))  # a second app instance, its own engine
    try:
        record_id = _first(demo_db, model, coordinator.branch_id)
        mine, theirs = read(demo_db, coordinator, record_id), read(other, coordinator, record_id)
        save(other, coordinator, record_id, theirs, "先に保存した内容", theirs.version)
        with pytest.raises(saving.StaleEdit) as refused:
            save(demo_db, coordinator, record_id, mine, "後から保存した内容", mine.version)
        assert text_of(refused.value.newer) == "先に保存した内容"
        assert text_of(read(demo_db, coordinator, record_id)) == "先に保存した内容"
        save(demo_db, coordinator, record_id, mine, "後から保存した内容", refused.value.version)
        assert text_of(read(other, coordinator, record_id)) == "後から保存した内容"
    finally:
        other.close()
