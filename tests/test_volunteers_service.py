"""ボランティア services without Qt: registration rules, matching, the
activity log, insurance renewal and branch scope."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.dates import fiscal_year_of, month_key
from coordinator_app.core.models import (
    ActivityParticipant,
    AuditLog,
    Person,
    Volunteer,
    VolunteerArea,
    VolunteerAvailability,
)
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.services import volunteers as V
from tests.conftest import TODAY, coordinator_of

FY = fiscal_year_of(TODAY)
REGISTERED = TODAY - dt.timedelta(days=3)


def _areas(db, user) -> dict[str, int]:
    return {name: aid for aid, name in V.list_branch_areas(db, user)}


def _driver(db, user, **over) -> int:
    areas = _areas(db, user)
    data = V.VolunteerInput(
        kind="individual", new_person=dict(name="新井 一郎", kana="あらい いちろう"),
        phone="048-000-7001", address="上尾市原市1-1", area="原市第3自治会",
        roles=["driver"], skills=["運転", "傾聴"], availability={(1, "am"), (4, "pm")},
        covered_area_ids=[areas["原市第1自治会"]], registered_on=REGISTERED,
        insurance_fy=FY)
    for k, v in over.items():
        setattr(data, k, v)
    return V.register_volunteer(db, user, data, today=TODAY)


def test_register_individual_and_match_tuesday_morning_driver_near_area(demo_db):
    coord = coordinator_of(demo_db, "05")
    vid = _driver(demo_db, coord)
    areas = _areas(demo_db, coord)
    q = V.VolunteerQuery(role="driver", weekday=1, slot="am", area_id=areas["原市第1自治会"])
    found = V.search_volunteers(demo_db, coord, q, today=TODAY)
    assert vid in [r.id for r in found]
    row = next(r for r in found if r.id == vid)
    assert row.roles == ("driver",) and row.skills == ("運転", "傾聴")
    assert V.availability_text(row.availability) == "火午前 金午後"
    # Their own area matches too; an area neither theirs nor covered does not.
    own = V.VolunteerQuery(role="driver", area_id=areas["原市第3自治会"])
    assert vid in [r.id for r in V.search_volunteers(demo_db, coord, own, today=TODAY)]
    other = V.VolunteerQuery(role="driver", weekday=1, area_id=areas["原市第2自治会"])
    assert vid not in [r.id for r in V.search_volunteers(demo_db, coord, other, today=TODAY)]
    assert vid not in [r.id for r in V.search_volunteers(
        demo_db, coord, V.VolunteerQuery(weekday=2), today=TODAY)]
    # Every result really matches (the demo's volunteers included).
    for r in found:
        assert "driver" in r.roles and (1, "am") in r.availability
    with demo_db.session() as s:
        v = s.get(Volunteer, vid)
        assert (v.registered_month, v.withdrawn_month) == (month_key(REGISTERED), None)
        assert v.availability == "tue-am;fri-pm" and v.covered_areas == "原市第1自治会"
        assert s.scalar(select(func.count()).select_from(VolunteerAvailability)
                        .where(VolunteerAvailability.volunteer_id == vid)) == 2
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "volunteer",
                                                 AuditLog.entity_id == vid)).all()
        assert [a.action for a in audit] == ["create"]
        assert "新井" not in audit[0].detail


def test_search_by_kana_any_script_sorted_gojuon(demo_db):
    coord = coordinator_of(demo_db, "05")
    vid = _driver(demo_db, coord)
    for text in ("あらい", "アライ", "ｱﾗｲ", "新井"):
        assert [r.id for r in V.search_volunteers(
            demo_db, coord, V.VolunteerQuery(text=text), today=TODAY)] == [vid]
    rows = V.search_volunteers(demo_db, coord, V.VolunteerQuery(status="all"), today=TODAY)
    with demo_db.session() as s:
        keys = [s.get(Person, r.person_id).kana_key for r in rows]
    assert keys == sorted(keys) and len(rows) == 15


def test_skill_filter_and_suggestions(demo_db):
    coord = coordinator_of(demo_db, "05")
    vid = _driver(demo_db, coord, skills=["手話", "運転"])
    assert "手話" in V.skill_suggestions(demo_db, coord)
    found = V.search_volunteers(demo_db, coord, V.VolunteerQuery(skill="手話"), today=TODAY)
    assert [r.id for r in found] == [vid]
    # A tag matches whole, not as part of another tag.
    assert not V.search_volunteers(demo_db, coord, V.VolunteerQuery(skill="手"), today=TODAY)


def test_group_needs_contact_and_members_and_same_person_is_picked(demo_db):
    coord = coordinator_of(demo_db, "05")
    group = V.VolunteerInput(kind="group", new_person=dict(name="原市送迎の会"),
                             roles=["driver"], registered_on=TODAY)
    with pytest.raises(ValueError, match="連絡担当者"):
        V.register_volunteer(demo_db, coord, group, today=TODAY)
    group.contact_person = "見本 一郎"
    with pytest.raises(ValueError, match="人数"):
        V.register_volunteer(demo_db, coord, group, today=TODAY)
    group.member_count = 12
    gid = V.register_volunteer(demo_db, coord, group, today=TODAY)
    d = V.get_volunteer(demo_db, coord, gid, today=TODAY)
    assert (d.kind, d.contact_person, d.member_count) == ("group", "見本 一郎", 12)
    # A watch user becomes a volunteer without being retyped.
    with demo_db.session() as s:
        from coordinator_app.core.models import WatchUser
        wu = s.scalars(select(WatchUser).where(WatchUser.branch_id == coord.branch_id)).first()
        people_before = s.scalar(select(func.count()).select_from(Person))
    vid = V.register_volunteer(demo_db, coord, V.VolunteerInput(
        person_id=wu.person_id, roles=["general"], registered_on=TODAY), today=TODAY)
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == people_before
        assert s.get(Volunteer, vid).person_id == wu.person_id
    with pytest.raises(ValueError, match="すでに"):
        V.register_volunteer(demo_db, coord, V.VolunteerInput(
            person_id=wu.person_id, roles=["general"], registered_on=TODAY), today=TODAY)


@pytest.mark.parametrize("change, message", [
    (dict(roles=[]), "活動内容"),
    (dict(roles=["nope"]), "一覧にありません"),
    (dict(registered_on=None), "登録日"),
    (dict(registered_on=TODAY + dt.timedelta(days=1)), "未来"),
    (dict(new_person=dict(name="")), "氏名"),
    (dict(new_person=dict(name="新井", kana="新井")), "ふりがな"),  # kanji is no reading
    (dict(availability={(7, "am")}), "曜日"),
    (dict(insurance_fy=25), "保険"),
])
def test_bad_registration_changes_nothing(demo_db, change, message):
    coord = coordinator_of(demo_db, "05")
    with demo_db.session() as s:
        before = (s.scalar(select(func.count()).select_from(Volunteer)),
                  s.scalar(select(func.count()).select_from(Person)))
    with pytest.raises(ValueError, match=message):
        _driver(demo_db, coord, **change)
    with demo_db.session() as s:
        assert before == (s.scalar(select(func.count()).select_from(Volunteer)),
                          s.scalar(select(func.count()).select_from(Person)))


def test_update_replaces_matching_rows(demo_db):
    coord = coordinator_of(demo_db, "05")
    vid = _driver(demo_db, coord)
    d = V.get_volunteer(demo_db, coord, vid, today=TODAY)
    data = V.VolunteerInput(kind="individual", phone=d.phone, address=d.address, area=d.area,
                            roles=["salon", "guide"], skills=["料理"],
                            availability={(5, "eve")}, covered_area_ids=[],
                            registered_on=d.registered_on, insurance_fy=None)
    V.update_volunteer(demo_db, coord, vid, data, today=TODAY)
    d = V.get_volunteer(demo_db, coord, vid, today=TODAY)
    assert d.roles == ("salon", "guide") and d.availability == ((5, "eve"),)
    assert d.covered_areas == () and d.insurance_fy is None and d.skills == ("料理",)
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(VolunteerArea)
                        .where(VolunteerArea.volunteer_id == vid)) == 0


def test_withdraw_and_reinstate(demo_db):
    coord = coordinator_of(demo_db, "05")
    vid = _driver(demo_db, coord)
    before = V.active_count(demo_db, coord, TODAY)
    with pytest.raises(ValueError, match="理由"):
        V.withdraw_volunteer(demo_db, coord, vid, TODAY, "", today=TODAY)
    with pytest.raises(ValueError, match="登録日より前"):
        V.withdraw_volunteer(demo_db, coord, vid, TODAY - dt.timedelta(days=30), "転居",
                             today=TODAY)
    V.withdraw_volunteer(demo_db, coord, vid, TODAY, "転居", today=TODAY)
    assert V.active_count(demo_db, coord, TODAY) == before - 1
    assert vid in [r.id for r in V.search_volunteers(
        demo_db, coord, V.VolunteerQuery(status="withdrawn"), today=TODAY)]
    with demo_db.session() as s:
        assert s.get(Volunteer, vid).withdrawn_month == month_key(TODAY)
        assert "転居" not in "".join(s.scalars(select(AuditLog.detail)).all())
    V.reinstate_volunteer(demo_db, coord, vid)
    assert V.active_count(demo_db, coord, TODAY) == before


def test_activity_participations_count_once_per_volunteer(demo_db):
    coord = coordinator_of(demo_db, "05")
    ids = [r.id for r in V.search_volunteers(demo_db, coord, today=TODAY)][:3]
    before_branch = V.participations(demo_db, FY, coord.branch_id)
    before_all = V.participations(demo_db, FY)
    with pytest.raises(ValueError, match="2回"):
        V.record_activity(demo_db, coord, TODAY, "送迎", "drive",
                          [(ids[0], 2.0), (ids[0], 1.0)], today=TODAY)
    with pytest.raises(ValueError, match="時間"):
        V.record_activity(demo_db, coord, TODAY, "送迎", "drive", [(ids[0], 30.0)], today=TODAY)
    aid = V.record_activity(demo_db, coord, TODAY, "送迎", "drive",
                            [(i, 1.5) for i in ids], today=TODAY)
    assert V.participations(demo_db, FY, coord.branch_id) == before_branch + 3
    assert V.participations(demo_db, FY) == before_all + 3
    info = V.get_activity(demo_db, coord, aid)
    assert info.participant_count == 3 and {p.volunteer_id for p in info.participants} == set(ids)
    listed = V.list_activities(demo_db, coord, FY)
    assert listed[0].id == aid and listed[0].participant_count == 3
    page = V.get_volunteer(demo_db, coord, ids[0], today=TODAY)
    assert page.activities[0].activity_id == aid and page.activities[0].hours == 1.5
    V.delete_activity(demo_db, coord, aid)
    assert V.participations(demo_db, FY, coord.branch_id) == before_branch


def test_withdrawn_volunteer_cannot_take_part_after_leaving(demo_db):
    coord = coordinator_of(demo_db, "05")
    vid = _driver(demo_db, coord)
    V.withdraw_volunteer(demo_db, coord, vid, TODAY - dt.timedelta(days=1), "転居", today=TODAY)
    with pytest.raises(ValueError, match="登録されていない"):
        V.record_activity(demo_db, coord, TODAY, "送迎", "drive", [(vid, None)], today=TODAY)


def test_insurance_renewal_in_bulk(demo_db):
    coord = coordinator_of(demo_db, "05")
    lapsed = V.lapsed_insurance(demo_db, coord, today=TODAY)
    assert lapsed and all(r.active and r.insurance_fy != FY for r in lapsed)
    assert V.lapsed_insurance_count(demo_db, coord, today=TODAY) == len(lapsed)
    first = V.renew_insurance(demo_db, coord, [lapsed[0].id], today=TODAY)
    assert first == 1
    rest = V.renew_insurance(demo_db, coord, today=TODAY)
    assert rest == len(lapsed) - 1
    assert V.lapsed_insurance_count(demo_db, coord, today=TODAY) == 0
    with demo_db.session() as s:
        assert {s.get(Volunteer, r.id).insurance_fy for r in lapsed} == {FY}
        details = s.scalars(select(AuditLog.detail).where(
            AuditLog.detail.like("insurance_renewed%"))).all()
    assert details == [f"insurance_renewed fy={FY} count=1",
                       f"insurance_renewed fy={FY} count={len(lapsed) - 1}"]


def test_another_branch_sees_nothing(demo_db):
    mine = coordinator_of(demo_db, "05")
    theirs = coordinator_of(demo_db, "01")
    vid = _driver(demo_db, mine)
    assert vid not in [r.id for r in V.search_volunteers(
        demo_db, theirs, V.VolunteerQuery(status="all"), today=TODAY)]
    assert not V.search_volunteers(demo_db, theirs, V.VolunteerQuery(text="あらい"), today=TODAY)
    with pytest.raises(ScopeError):
        V.get_volunteer(demo_db, theirs, vid)
    with pytest.raises(ScopeError):
        V.withdraw_volunteer(demo_db, theirs, vid, TODAY, "転居", today=TODAY)
    with pytest.raises(ScopeError):
        V.record_activity(demo_db, theirs, TODAY, "送迎", "drive", [(vid, 1.0)], today=TODAY)
    with pytest.raises(ScopeError):
        V.renew_insurance(demo_db, theirs, [vid], today=TODAY)
    with pytest.raises(ScopeError):
        V.update_volunteer(demo_db, theirs, vid, V.VolunteerInput(
            roles=["general"], registered_on=TODAY), today=TODAY)
    with pytest.raises(ScopeError):  # picking another branch's resident
        with demo_db.session() as s:
            pid = s.get(Volunteer, vid).person_id
        V.register_volunteer(demo_db, theirs, V.VolunteerInput(
            person_id=pid, roles=["general"], registered_on=TODAY), today=TODAY)
    staff = SignedIn(0, "city", "市社協", "city_staff", None, None, None)
    with pytest.raises(ScopeError):
        V.search_volunteers(demo_db, staff)


def test_roles_are_a_configurable_list(demo_db):
    admin = SignedIn(0, "admin", "管理者", "admin", None, None, None)
    coord = coordinator_of(demo_db, "05")
    with pytest.raises(ScopeError):
        V.save_role(demo_db, coord, "shopping", "買い物支援")
    V.save_role(demo_db, admin, "shopping", "買い物支援")
    assert ("shopping", "買い物支援") in [(r.code, r.label) for r in V.list_roles(demo_db)]
    vid = _driver(demo_db, coord, roles=["shopping"])
    assert V.search_volunteers(demo_db, coord, V.VolunteerQuery(role="shopping"),
                               today=TODAY)[0].id == vid
    V.save_role(demo_db, admin, "shopping", "買い物支援", active=False)
    assert "shopping" not in [r.code for r in V.list_roles(demo_db)]
    assert "shopping" in [r.code for r in V.list_roles(demo_db, include_inactive=True)]


def test_on_every_backend(db):
    """Register, match, record and renew on an empty database (SQLite,
    and PostgreSQL when configured)."""
    import_ledger(db, "branches", "code,name\n05,原市支部\n".encode(), TODAY)
    coord = coordinator_of(db, "05")
    with db.session() as s:
        from coordinator_app.services.people import area_id_for
        area = area_id_for(s, coord.branch_id, "原市第1自治会", db)
    vid = V.register_volunteer(db, coord, V.VolunteerInput(
        new_person=dict(name="新井 一郎", kana="アライ イチロウ"), area="原市第2自治会",
        roles=["driver", "watch"], skills=["運転"], availability={(1, "am")},
        covered_area_ids=[area], registered_on=TODAY, insurance_fy=FY - 1), today=TODAY)
    q = V.VolunteerQuery(text="あらい", role="driver", skill="運転", weekday=1, slot="am",
                         area_id=area, insurance="lapsed")
    assert [r.id for r in V.search_volunteers(db, coord, q, today=TODAY)] == [vid]
    V.record_activity(db, coord, TODAY, "送迎", "drive", [(vid, 2.0)], today=TODAY)
    assert V.participations(db, FY, coord.branch_id) == 1
    assert V.renew_insurance(db, coord, today=TODAY) == 1
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ActivityParticipant)) == 1
