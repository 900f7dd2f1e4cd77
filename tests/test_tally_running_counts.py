"""The running counts the tally reads (migration 0009) stay equal to a
recount from the records whatever writes them: random inserts, edits,
soft and hard deletes, moves between users, months and branches, and
multi-row statements, on SQLite and, when configured, PostgreSQL (whose
row triggers run after the whole statement)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, insert, inspect, select, text, update
from sqlmodel import Session

from coordinator_app.core import codes, counting
from coordinator_app.core.dates import month_key
from coordinator_app.core.models import (
    Activity,
    ActivityParticipant,
    Consultation,
    ConsultationCategory,
    TallyConsultation,
    TallyWatchPair,
    TallyWatchReach,
    Volunteer,
    VolunteerRole,
    WatchContact,
    WatchUser,
)
from tests.test_tallies import (
    BRANCHES,
    FY,
    Records,
    _store,
    brute_force,
    dates,
    records,
)

C, CC, W, WC = (Consultation.__table__, ConsultationCategory.__table__, WatchUser.__table__,
                WatchContact.__table__)
DELETED_AT = dt.datetime(2026, 2, 1)

TRIGGERS_SQLITE = {f"{t}_tally_{op}" for t in ("consultation", "consultation_category",
                                              "watch_contact") for op in ("ai", "ad", "au")}
TRIGGERS_POSTGRESQL = {"consultation_tally", "consultation_category_tally", "watch_contact_tally"}


def _ids(session, table) -> list[int]:
    return list(session.scalars(select(table.c.id).order_by(table.c.id)))


def _apply(session: Session, data) -> list[str]:
    """Draw and apply up to a dozen writes of the kinds the app makes (and
    a few it does not, like a hard delete); returns their names."""
    done = []
    kinds = st.sampled_from(["edit", "soft_delete", "restore", "purge", "recategorise",
                             "bulk_soft_delete", "bulk_same_kind", "add_contacts",
                             "move_contact", "recode_contact", "delete_contact",
                             "delete_user_contacts", "move_user_branch"])
    for op in data.draw(st.lists(kinds, max_size=12), label="writes"):
        cids, uids, wids = _ids(session, C), _ids(session, W), _ids(session, WC)
        bid = data.draw(st.integers(1, len(BRANCHES)), label="branch")
        if op in ("edit", "soft_delete", "restore", "purge", "recategorise") and cids:
            cid = data.draw(st.sampled_from(cids), label="consultation")
            if op == "edit":
                day = data.draw(dates, label="day")
                values = dict(
                    branch_id=bid, received_on=day, month=month_key(day),
                    kind=data.draw(st.sampled_from(list(codes.KIND))),
                    channel=data.draw(st.sampled_from(list(codes.CHANNEL))),
                    from_whom=data.draw(st.sampled_from(list(codes.FROM_WHOM))),
                    response=data.draw(st.sampled_from(list(codes.RESPONSE))))
                session.execute(update(C).where(C.c.id == cid).values(**values))
                session.execute(update(CC).where(CC.c.consultation_id == cid).values(
                    branch_id=bid, month=values["month"]))
            elif op in ("soft_delete", "restore"):
                session.execute(update(C).where(C.c.id == cid).values(
                    deleted_at=DELETED_AT if op == "soft_delete" else None))
            elif op == "purge":
                session.execute(delete(CC).where(CC.c.consultation_id == cid))
                session.execute(delete(C).where(C.c.id == cid))
            else:
                b, m = session.execute(select(C.c.branch_id, C.c.month)
                                       .where(C.c.id == cid)).one()
                session.execute(delete(CC).where(CC.c.consultation_id == cid))
                cats = data.draw(st.frozensets(st.sampled_from(list(codes.DEFAULT_CATEGORIES)),
                                               min_size=1, max_size=3))
                session.execute(insert(CC), [dict(consultation_id=cid, category_code=c,
                                                  branch_id=b, month=m) for c in sorted(cats)])
        elif op == "bulk_soft_delete":
            session.execute(update(C).where(C.c.branch_id == bid).values(deleted_at=DELETED_AT))
        elif op == "bulk_same_kind":  # sets the column to the value most rows already have
            session.execute(update(C).values(kind="consultation"))
        elif op == "add_contacts" and uids:
            # One multi-row INSERT with several contacts of one user in one month.
            uid = data.draw(st.sampled_from(uids), label="user")
            b = session.scalar(select(W.c.branch_id).where(W.c.id == uid))
            day = data.draw(dates, label="day")
            k = data.draw(st.integers(1, 3), label="contacts")
            first = (session.scalar(select(func.max(WC.c.id))) or 0) + 1
            session.execute(insert(WC), [
                dict(id=first + j, branch_id=b, watch_user_id=uid, contacted_on=day + dt.timedelta(days=j)
                     if month_key(day + dt.timedelta(days=j)) == month_key(day) else day,
                     month=month_key(day), method="phone", result="ok", by_staff=True)
                for j in range(k)])
        elif op in ("move_contact", "recode_contact", "delete_contact") and wids:
            wid = data.draw(st.sampled_from(wids), label="contact")
            if op == "move_contact" and uids:
                uid = data.draw(st.sampled_from(uids), label="user")
                b = session.scalar(select(W.c.branch_id).where(W.c.id == uid))
                day = data.draw(dates, label="day")
                session.execute(update(WC).where(WC.c.id == wid).values(
                    watch_user_id=uid, branch_id=b, contacted_on=day, month=month_key(day)))
            elif op == "recode_contact":
                session.execute(update(WC).where(WC.c.id == wid).values(
                    method=data.draw(st.sampled_from(list(codes.WATCH_METHOD))),
                    result=data.draw(st.sampled_from(list(codes.WATCH_RESULT)))))
            else:
                session.execute(delete(WC).where(WC.c.id == wid))
        elif op in ("delete_user_contacts", "move_user_branch") and uids:
            uid = data.draw(st.sampled_from(uids), label="user")
            if op == "delete_user_contacts":
                session.execute(delete(WC).where(WC.c.watch_user_id == uid))
            else:  # a contact belongs to its user's branch: both move
                session.execute(update(W).where(W.c.id == uid).values(branch_id=bid))
                session.execute(update(WC).where(WC.c.watch_user_id == uid).values(branch_id=bid))
        else:
            continue
        done.append(op)
    return done


def _records_now(session: Session) -> Records:
    """The records as the database holds them now, in the shape of
    ``tests.test_tallies.Records`` (for its brute-force count)."""
    code = {i + 1: c for i, c in enumerate(BRANCHES)}
    r = Records()
    cats: dict[int, set] = {}
    for cid, c in session.execute(select(CC.c.consultation_id, CC.c.category_code)):
        cats.setdefault(cid, set()).add(c)
    for row in session.execute(select(C).order_by(C.c.id)):
        r.consultations.append((code[row.branch_id], row.received_on, row.kind, row.channel,
                                row.from_whom, row.response, frozenset(cats.get(row.id, ())),
                                row.deleted_at is not None))
    index = {}
    for row in session.execute(select(W).order_by(W.c.id)):
        index[row.id] = len(r.users)
        r.users.append((code[row.branch_id], row.enrolled_on, row.ended_on, row.end_reason))
    for row in session.execute(select(WC).order_by(WC.c.id)):
        r.contacts.append((index[row.watch_user_id], row.contacted_on, row.method, row.result))
    roles: dict[int, set] = {}
    for vid, role in session.execute(select(VolunteerRole.volunteer_id, VolunteerRole.role_code)):
        roles.setdefault(vid, set()).add(role)
    vindex = {}
    for v in session.execute(select(Volunteer.__table__).order_by(Volunteer.id)):
        vindex[v.id] = len(r.volunteers)
        r.volunteers.append((code[v.branch_id], v.registered_on, v.withdrawn_on,
                             frozenset(roles.get(v.id, ()))))
    who: dict[int, set] = {}
    for aid, vid in session.execute(select(ActivityParticipant.activity_id,
                                           ActivityParticipant.volunteer_id)):
        who.setdefault(aid, set()).add(vindex[vid])
    for a in session.execute(select(Activity.__table__).order_by(Activity.id)):
        r.activities.append((code[a.branch_id], a.held_on, frozenset(who.get(a.id, ()))))
    return r


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(r=records(), data=st.data())
def test_running_counts_follow_every_write(db, r, data):
    with Session(db.engine) as session:
        with session.begin():
            _store(session, r)
            _apply(session, data)
            session.flush()
            problems = counting.check_running_counts(session)
            rows = counting.compute(session, FY)
            now = _records_now(session)
            session.rollback()
    assert problems == []
    got = {counting.sort_key(row): row.count for row in rows}
    assert got == {k: n for k, n in brute_force(now).items() if n or k[3] == "total"}


def test_counts_move_with_a_soft_delete_and_an_edit(db):
    """A worked example: the counts the tally reads change with the
    records, in the same transaction."""
    r = Records(consultations=[("01", dt.date(2025, 5, 3), "consultation", "phone", "self",
                                "listened", frozenset({"life"}), False)],
                users=[("01", dt.date(2025, 4, 1), None, None)],
                contacts=[(0, dt.date(2025, 5, 9), "phone", "ok")])
    with Session(db.engine) as session, session.begin():
        _store(session, r)

        def kept(table, **where):
            q = select(func.coalesce(func.sum(table.n), 0))
            for k, v in where.items():
                q = q.where(getattr(table, k) == v)
            return session.scalar(q)

        assert kept(TallyConsultation, month=202505) == 1
        assert kept(TallyWatchReach, month=202505) == 1
        session.execute(update(C).values(month=202506, received_on=dt.date(2025, 6, 1)))
        assert (kept(TallyConsultation, month=202505), kept(TallyConsultation, month=202506)) \
            == (0, 1)
        session.execute(update(C).values(deleted_at=DELETED_AT))
        assert kept(TallyConsultation) == 0
        # a second contact in the month: still one user reached
        session.execute(insert(WC), [dict(id=2, branch_id=1, watch_user_id=1,
                                          contacted_on=dt.date(2025, 5, 20), month=202505,
                                          method="visit", result="ok", by_staff=True)])
        assert (kept(TallyWatchReach, month=202505), kept(TallyWatchPair, month=202505)) == (1, 2)
        session.execute(delete(WC).where(WC.c.contacted_on == dt.date(2025, 5, 9)))
        assert kept(TallyWatchReach, month=202505) == 1
        session.execute(delete(WC))
        assert kept(TallyWatchReach, month=202505) == 0
        assert session.scalar(select(func.count()).select_from(TallyWatchPair)) == 0
        assert counting.check_running_counts(session) == []
        session.rollback()


def test_check_reports_a_count_that_drifted(db):
    """The check can fail: a count changed behind the triggers' back."""
    r = Records(consultations=[("01", dt.date(2025, 5, 3), "consultation", "phone", "self",
                                "listened", frozenset({"life"}), False)])
    with Session(db.engine) as session, session.begin():
        _store(session, r)
        assert counting.check_running_counts(session) == []
        session.execute(update(TallyConsultation.__table__).values(n=5))
        problems = counting.check_running_counts(session)
        session.rollback()
    assert len(problems) == 1 and problems[0].startswith("tally_consultation ")


def test_every_trigger_is_in_place_at_the_head(db):
    """A later migration that rebuilds a counted table (SQLite batch mode)
    would drop its triggers: this fails until they are made again."""
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            names = set(conn.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")))
            assert TRIGGERS_SQLITE <= names
        else:
            names = set(conn.scalars(text(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")))
            assert TRIGGERS_POSTGRESQL <= names
    assert {"tally_consultation", "tally_watch_reach"} <= set(
        inspect(db.engine).get_table_names())


def test_migration_0009_goes_down_and_up_again(db):
    """Its downgrade removes the count tables and triggers; upgrading again
    fills the counts from the records already there."""
    import importlib.util

    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from coordinator_app.storage.migrate import MIGRATIONS_DIR

    spec = importlib.util.spec_from_file_location(
        "m0009", MIGRATIONS_DIR / "versions" / "0009_tally_running_counts.py")
    m0009 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0009)
    r = Records(consultations=[("02", dt.date(2025, 7, 1), "consultation", "phone", "self",
                                "listened", frozenset({"life"}), False)],
                users=[("02", dt.date(2025, 4, 1), None, None)],
                contacts=[(0, dt.date(2025, 7, 9), "phone", "ok")])
    with db.engine.begin() as conn:
        with Session(bind=conn) as session:
            _store(session, r)
            session.flush()
        with Operations.context(MigrationContext.configure(conn)):
            m0009.downgrade()
        assert not {"tally_consultation", "tally_watch_pair"} & set(
            inspect(conn).get_table_names())
        # without the triggers, a write touches no count
        conn.execute(update(C).values(kind="consultation"))
        with Operations.context(MigrationContext.configure(conn)):
            m0009.upgrade()
        with Session(bind=conn) as session:
            assert counting.check_running_counts(session) == []
            assert session.scalar(select(func.sum(TallyWatchReach.n))) == 1
        conn.rollback()
