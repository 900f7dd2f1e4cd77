"""相談記録 service: saving whole records only, branch scope, the paged
list and its kana-insensitive search, soft delete/restore, follow-ups and
a person's history."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select, text

from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.models import (
    AuditLog,
    Consultation,
    ConsultationCategory,
    Person,
    WatchUser,
)
from coordinator_app.services import consultations as svc
from coordinator_app.services.consultations import (
    ConsultationDraft,
    ListQuery,
    NewPerson,
)
from tests.conftest import TODAY, coordinator_of


def _draft(**kw) -> ConsultationDraft:
    values = dict(received_on=TODAY, received_at=dt.time(10, 5), kind="consultation",
                  channel="phone", from_whom="self", categories=["life", "care"],
                  response="listened", summary="配食サービスについて相談")
    values.update(kw)
    return ConsultationDraft(**values)


def _count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Consultation))


def test_create_read_and_find_kana_insensitively(demo_db, coordinator):
    new_id = svc.create_consultation(
        demo_db, coordinator,
        _draft(new_person=NewPerson("検証 一子", "けんしょう いちこ"),
               summary="ヘルパーの利用について"))
    d = svc.get_consultation(demo_db, coordinator, new_id)
    assert (d.person_name, d.person_kana, d.categories) == ("検証 一子", "けんしょう いちこ",
                                                            ("life", "care"))
    assert d.staff_name == coordinator.display_name
    for typed in ("ケンショウ", "けんしょう", "ｹﾝｼｮｳ", "検証", "へるぱー", "ﾍﾙﾊﾟｰ"):
        q = ListQuery(text=typed)
        rows = svc.fetch_page(demo_db, coordinator, q)
        assert [r.id for r in rows] == [new_id], typed
        assert svc.count_consultations(demo_db, coordinator, q) == 1
    with demo_db.session() as s:
        assert s.scalar(select(Consultation.search_key).where(Consultation.id == new_id)) \
            == "へるぱーの利用について"


def test_demo_records_are_searchable_by_summary_in_katakana(demo_db, coordinator):
    # The demo goes in through the ledger importer, which fills search_key.
    assert svc.count_consultations(demo_db, coordinator, ListQuery(text="サロン")) > 0
    assert svc.count_consultations(demo_db, coordinator, ListQuery(text="さろん")) == \
        svc.count_consultations(demo_db, coordinator, ListQuery(text="ｻﾛﾝ"))


@pytest.mark.parametrize("change, field", [
    (dict(received_on=None), "received_on"),
    (dict(received_on=TODAY + dt.timedelta(days=1)), "received_on"),
    (dict(kind=""), "kind"),
    (dict(channel=""), "channel"),
    (dict(from_whom=""), "from_whom"),
    (dict(categories=[]), "categories"),
    (dict(categories=["nonexistent"]), "categories"),
    (dict(response=""), "response"),
    (dict(response="urgent", urgent_note="  "), "urgent_note"),
    (dict(follow_up_on=TODAY - dt.timedelta(days=3), received_on=TODAY), "follow_up_on"),
    (dict(new_person=NewPerson("", "")), "person"),
    (dict(new_person=NewPerson("検証 二郎", "検証 じろう")), "person"),  # kanji is no reading
    (dict(referred_to="あ" * 201), "referred_to"),
])
def test_an_incomplete_record_saves_nothing(demo_db, coordinator, change, field):
    before = _count(demo_db)
    with demo_db.session() as s:
        people_before = s.scalar(select(func.count()).select_from(Person))
    with pytest.raises(svc.ValidationError) as err:
        svc.create_consultation(demo_db, coordinator, _draft(**change))
    assert field in err.value.errors and err.value.errors[field]
    assert _count(demo_db) == before
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == people_before


def test_another_branch_cannot_read_edit_or_delete_by_id(demo_db, coordinator):
    mine = svc.create_consultation(demo_db, coordinator, _draft(follow_up_on=TODAY))
    other = coordinator_of(demo_db, "02")
    for call in (lambda: svc.get_consultation(demo_db, other, mine),
                 lambda: svc.update_consultation(demo_db, other, mine, _draft()),
                 lambda: svc.delete_consultation(demo_db, other, mine),
                 lambda: svc.close_follow_up(demo_db, other, mine, "済み")):
        with pytest.raises(ScopeError):
            call()
    assert mine not in {r.id for r in svc.fetch_page(demo_db, other, ListQuery(), limit=10000)}
    svc.delete_consultation(demo_db, coordinator, mine)
    with pytest.raises(ScopeError):
        svc.restore_consultation(demo_db, other, mine)
    with demo_db.session() as s:
        theirs_person = s.scalar(select(Person.id).where(Person.branch_id == other.branch_id))
    with pytest.raises(ScopeError):
        svc.person_history(demo_db, coordinator, theirs_person)
    with pytest.raises(ScopeError):
        svc.create_consultation(demo_db, coordinator, _draft(person_id=theirs_person))
    city = SignedIn(0, "city", "市", "city_staff", None, None, None)
    with pytest.raises(ScopeError):
        svc.fetch_page(demo_db, city, ListQuery())


def test_update_replaces_fields_and_categories(demo_db, coordinator):
    cid = svc.create_consultation(demo_db, coordinator, _draft())
    svc.update_consultation(demo_db, coordinator, cid, _draft(
        received_on=TODAY - dt.timedelta(days=40), kind="contact", categories=["money"],
        response="urgent", urgent_note="救急に連絡", summary="ガス停止"))
    d = svc.get_consultation(demo_db, coordinator, cid)
    assert (d.kind, d.categories, d.response, d.urgent_note) == ("contact", ("money",), "urgent",
                                                                 "救急に連絡")
    with demo_db.session() as s:
        month = s.scalar(select(ConsultationCategory.month)
                         .where(ConsultationCategory.consultation_id == cid))
        assert month == (TODAY - dt.timedelta(days=40)).year * 100 + \
            (TODAY - dt.timedelta(days=40)).month
        actions = s.scalars(select(AuditLog.action).where(AuditLog.entity == "consultation",
                                                          AuditLog.entity_id == cid)).all()
    assert actions == ["create", "update", "view"]  # reading it back is a view


def test_soft_delete_leaves_list_and_is_restored_by_admin(demo_db, coordinator):
    cid = svc.create_consultation(demo_db, coordinator, _draft())
    total = svc.count_consultations(demo_db, coordinator, ListQuery())
    svc.delete_consultation(demo_db, coordinator, cid)
    assert svc.count_consultations(demo_db, coordinator, ListQuery()) == total - 1
    with pytest.raises(LookupError):
        svc.get_consultation(demo_db, coordinator, cid)
    admin = SignedIn(0, "admin", "管理者", "admin", None, None, None)
    deleted = svc.list_deleted(demo_db, admin)
    assert [d.id for d in deleted] == [cid] and deleted[0].branch_code == "01"
    assert not any(isinstance(v, str) and "配食" in v for v in dataclasses.astuple(deleted[0]))
    svc.restore_consultation(demo_db, admin, cid)
    assert svc.count_consultations(demo_db, coordinator, ListQuery()) == total
    with demo_db.session() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.entity_id == cid,
                                                          AuditLog.entity == "consultation")
                            .order_by(AuditLog.id)).all()
    assert actions == ["create", "delete", "restore"]


def test_pages_follow_the_full_order_from_either_end(demo_db, coordinator):
    q = ListQuery()
    everything = svc.fetch_page(demo_db, coordinator, q, limit=100000)
    assert len(everything) == svc.count_consultations(demo_db, coordinator, q)
    keys = [r.sort_key for r in everything]
    assert keys == sorted(keys, reverse=True)
    assert svc.fetch_page(demo_db, coordinator, q, limit=7, offset=30) == everything[30:37]
    assert svc.fetch_page(demo_db, coordinator, q, limit=7, after=everything[29].sort_key) \
        == everything[30:37]
    tail = svc.fetch_page(demo_db, coordinator, q, limit=5, oldest_first=True)
    assert tail == list(reversed(everything[-5:]))
    before = svc.fetch_page(demo_db, coordinator, q, limit=5, oldest_first=True,
                            after=everything[40].sort_key)
    assert before == list(reversed(everything[35:40]))


def test_filters(demo_db, coordinator):
    day = dt.date(2026, 11, 26)
    assert svc.period_range("this_fiscal_year", day) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert svc.period_range("this_fiscal_year", dt.date(2027, 4, 1)) == (dt.date(2027, 4, 1),
                                                                         dt.date(2028, 3, 31))
    assert svc.period_range("last_month", dt.date(2027, 1, 15)) == (dt.date(2026, 12, 1),
                                                                     dt.date(2026, 12, 31))
    assert svc.period_range("this_month", day) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert svc.period_range("this_month", dt.date(2028, 2, 29)) == (dt.date(2028, 2, 1),
                                                                    dt.date(2028, 2, 29))
    # Without a day: the clock's, on TODAY in tests.
    assert svc.period_range("this_month") == svc.period_range("this_month", TODAY)
    lo, hi = TODAY - dt.timedelta(days=365), TODAY  # the demo's year of records
    q = ListQuery(date_from=lo, date_to=hi, kind="consultation", category="care",
                  response="listened")
    rows = svc.fetch_page(demo_db, coordinator, q, limit=1000)
    assert rows and len(rows) == svc.count_consultations(demo_db, coordinator, q)
    assert all(lo <= r.received_on <= hi and r.kind == "consultation" and "care" in r.categories
               and r.response == "listened" for r in rows)
    due = svc.fetch_page(demo_db, coordinator, ListQuery(follow_up="due", today=TODAY), limit=100)
    assert due and all(r.follow_up_state(TODAY) == "due" for r in due)
    none = svc.fetch_page(demo_db, coordinator, ListQuery(follow_up="none"), limit=10)
    assert all(r.follow_up_on is None for r in none)


def test_follow_ups_due_oldest_first_and_closing(demo_db, coordinator):
    old = svc.create_consultation(demo_db, coordinator, _draft(
        received_on=dt.date(2026, 1, 5), follow_up_on=dt.date(2026, 1, 6)))
    future = svc.create_consultation(demo_db, coordinator, _draft(follow_up_on=TODAY +
                                                                  dt.timedelta(days=7)))
    due = svc.follow_ups_due(demo_db, coordinator, TODAY)
    assert due[0].id == old and future not in {r.id for r in due}
    assert [r.follow_up_on for r in due] == sorted(r.follow_up_on for r in due)
    with pytest.raises(svc.ValidationError) as err:
        svc.close_follow_up(demo_db, coordinator, old, "  ", today=TODAY)
    assert "outcome" in err.value.errors
    svc.close_follow_up(demo_db, coordinator, old, "包括につないで解決", today=TODAY)
    assert old not in {r.id for r in svc.follow_ups_due(demo_db, coordinator, TODAY)}
    d = svc.get_consultation(demo_db, coordinator, old)
    assert (d.follow_up_closed_on, d.follow_up_outcome) == (TODAY, "包括につないで解決")


def test_person_history_has_consultations_and_watch_and_is_audited(demo_db, coordinator):
    with demo_db.session() as s:
        user = s.scalar(select(WatchUser).where(WatchUser.branch_id == coordinator.branch_id))
    cid = svc.create_consultation(demo_db, coordinator, _draft(person_id=user.person_id))
    h = svc.person_history(demo_db, coordinator, user.person_id)
    assert cid in [c.id for c in h.consultations]
    assert [e.id for e in h.enrolments] == [user.id] and h.contacts
    assert all(c.by for c in h.contacts)
    with demo_db.session() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "view")).all()
    assert [(a.entity, a.entity_id) for a in audit] == [("person", user.person_id)]


def test_referral_suggestions_are_the_branch_ones(demo_db, coordinator):
    svc.create_consultation(demo_db, coordinator, _draft(response="referred",
                                                         referred_to="検証クリニック"))
    mine = svc.referral_suggestions(demo_db, coordinator)
    assert "検証クリニック" in mine and "地域包括支援センター" in mine
    assert "検証クリニック" not in svc.referral_suggestions(demo_db, coordinator_of(demo_db, "02"))


def test_migration_0004_fills_search_key_of_existing_rows(tmp_path):
    from coordinator_app.storage import migrate
    from coordinator_app.storage.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO branch (code, name, base_name, address, phone, sort_order,"
                          " created_at, updated_at, created_by, updated_by) VALUES ('01', 'b', '',"
                          " '', '', 0, '2026-01-01', '2026-01-01', '', '')"))
        conn.execute(text(
            "INSERT INTO consultation (branch_id, received_on, month, kind, channel, from_whom,"
            " response, referred_to, summary, urgent_note, staff_name, follow_up_outcome,"
            " deleted_by, created_at, updated_at, created_by, updated_by) VALUES (1,"
            " '2026-01-05', 202601, 'consultation', 'phone', 'self', 'listened', '',"
            " 'ゴミ出しの相談', '', '', '', '', '2026-01-05', '2026-01-05', '', '')"))
    migrate.upgrade(engine, "heads")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT search_key FROM consultation")).scalar() == "ごみ出しの相談"
    engine.dispose()


def test_search_by_many_people_uses_a_subquery_and_finds_the_same(demo_db, coordinator,
                                                                   monkeypatch):
    q = ListQuery(text="みほん")
    listed = svc.fetch_page(demo_db, coordinator, q, limit=1000)
    monkeypatch.setattr(svc, "MAX_LISTED_PEOPLE", 1)
    assert svc.fetch_page(demo_db, coordinator, q, limit=1000) == listed
    assert svc.count_consultations(demo_db, coordinator, q) == len(listed) > 1
