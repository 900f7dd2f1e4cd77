"""行事・サロン services without Qt: groups and events, their rules, the
branch scope and the audit trail; and the meeting-pattern reader."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coordinator_app.core import gatherings as rules
from coordinator_app.core.access import Role, ScopeError, SignedIn
from coordinator_app.core.kana import fold
from coordinator_app.core.models import (
    AuditLog,
    Event,
    EventAttendee,
    Person,
    Volunteer,
)
from coordinator_app.services import gatherings as G
from tests.conftest import TODAY, coordinator_of
from tests.db_snapshot import snapshot

START = dt.date(2025, 4, 1)
HYPO = settings(max_examples=15, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _volunteers(db, branch_id, n=2) -> list[G.Named]:
    """Active volunteers of the branch, as the pickers offer them."""
    with db.session() as s:
        rows = s.execute(select(Volunteer.id, Person.id, Person.name)
                         .join(Person, Person.id == Volunteer.person_id)
                         .where(Volunteer.branch_id == branch_id, Volunteer.withdrawn_on.is_(None),
                                Volunteer.registered_on <= START)
                         .order_by(Volunteer.id).limit(n)).all()
    assert len(rows) == n
    return [G.Named(pid, vid, name) for vid, pid, name in rows]


def _residents(db, branch_id, n=2) -> list[G.Named]:
    with db.session() as s:
        volunteer_people = select(Volunteer.person_id)
        rows = s.execute(select(Person.id, Person.name).where(
            Person.branch_id == branch_id, Person.id.not_in(volunteer_people))
            .order_by(Person.id).limit(n)).all()
    return [G.Named(pid, None, name) for pid, name in rows]


def _salon(db, user, **over) -> int:
    leaders = _volunteers(db, user.branch_id)
    area = G.branch_areas(db, user)[0][0]
    data = G.GroupInput(name="ふれあいサロン原市", kana="ふれあいさろんはらいち", kind="salon",
                        area_id=area, started_on=START, pattern="第2・第4火曜 午後",
                        venue="原市集会所", leader_ids=[v.volunteer_id for v in leaders],
                        contact_id=leaders[0].volunteer_id, subsidy_years=[2025, 2026],
                        regulars=_residents(db, user.branch_id) + leaders[1:])
    for k, v in over.items():
        setattr(data, k, v)
    return G.save_group(db, user, data, today=TODAY)


def _event(group_id=None, **over) -> G.EventInput:
    data = G.EventInput(held_on=dt.date(2026, 11, 10), kind="salon", title="ふれあいサロン",
                        group_id=group_id, participants=18, volunteers=3, note="")
    for k, v in over.items():
        setattr(data, k, v)
    return data


def test_register_group_lists_it_50on_and_audits_without_names(demo_db):
    coord = coordinator_of(demo_db, "05")
    gid = _salon(demo_db, coord)
    mine = {gid, _salon(demo_db, coord, name="朝の体操クラブ", kana="あさのたいそう", kind="club",
                        regulars=[], pattern="毎週水曜"),
            _salon(demo_db, coord, name="子ども食堂ひまわり", kana="", kind="children",
                   regulars=[])}
    rows = G.search_groups(demo_db, coord, today=TODAY)
    # 50音順 by the reading (the name itself when no reading is given)
    assert [r.name for r in rows if r.id in mine] == \
        ["朝の体操クラブ", "ふれあいサロン原市", "子ども食堂ひまわり"]
    keys = [fold(r.kana or r.name) for r in rows]
    assert keys == sorted(keys)
    row = next(r for r in rows if r.id == gid)
    leaders = _volunteers(demo_db, coord.branch_id)
    assert row.contact == leaders[0].name and row.kind_label == "サロン" and row.active
    detail = G.get_group(demo_db, coord, gid)
    assert detail.data.subsidy_years == [2025, 2026]
    assert detail.data.contact_id == leaders[0].volunteer_id
    assert {n.person_id for n in detail.data.regulars} == \
        {n.person_id for n in _residents(demo_db, coord.branch_id) + leaders[1:]}
    found = G.search_groups(demo_db, coord, G.GroupQuery(text="ハライチ"), today=TODAY)
    assert [r.name for r in found] == ["ふれあいサロン原市"]
    assert [r.name for r in G.search_groups(demo_db, coord, G.GroupQuery(text="食堂ひま"),
                                            today=TODAY)] == ["子ども食堂ひまわり"]
    clubs = G.search_groups(demo_db, coord, G.GroupQuery(kind="club"), today=TODAY)
    assert "朝の体操クラブ" in [r.name for r in clubs] and {r.kind for r in clubs} == {"club"}
    with demo_db.session() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "activity_group",
                                                 AuditLog.entity_id.in_(mine))).all()
        assert len(audit) == 3 and all(a.action == "create" for a in audit)
        assert not any("サロン" in a.detail or "原市" in a.detail for a in audit)


def test_end_a_group_filters_and_keeps_its_events_inside(demo_db):
    coord = coordinator_of(demo_db, "05")
    gid = _salon(demo_db, coord)
    G.save_event(demo_db, coord, _event(gid, held_on=dt.date(2026, 10, 13)), today=TODAY)
    data = G.get_group(demo_db, coord, gid).data
    data.ended_on, data.end_reason = dt.date(2026, 10, 13), "会場の閉鎖"
    with pytest.raises(G.ValidationError) as err:  # the meeting of that day would fall outside
        G.save_group(demo_db, coord, data, gid, today=TODAY)
    assert "2026-10-13" in err.value.errors["ended_on"]
    data.ended_on = dt.date(2026, 10, 31)
    G.save_group(demo_db, coord, data, gid, today=TODAY)
    assert [r.id for r in G.search_groups(demo_db, coord, G.GroupQuery(status="ended"),
                                          today=TODAY)] == [gid]
    assert gid not in [r.id for r in G.search_groups(demo_db, coord, today=TODAY)]
    assert gid not in [i for i, _ in G.groups_on(demo_db, coord, dt.date(2026, 11, 1))]
    assert gid in [i for i, _ in G.groups_on(demo_db, coord, dt.date(2026, 10, 30))]
    with pytest.raises(G.ValidationError) as err:
        G.save_event(demo_db, coord, _event(gid, held_on=dt.date(2026, 11, 10)), today=TODAY)
    assert "活動していません" in err.value.errors["group_id"]


@HYPO
@given(name=st.sampled_from(["", " ", "あ" * 201]),
       kana=st.sampled_from(["", "ふれあい", "触れ合い", "ﾌﾚｱｲ3"]),
       kind=st.sampled_from(["salon", "nope", ""]),
       start_shift=st.integers(-400, 30), end_shift=st.none() | st.integers(-60, 60),
       reason=st.sampled_from(["", "解散"]),
       years=st.lists(st.integers(1980, 2030), max_size=3))
def test_bad_group_input_changes_nothing(demo_db, name, kana, kind, start_shift, end_shift,
                                         reason, years):
    coord = coordinator_of(demo_db, "05")
    started = TODAY + dt.timedelta(days=start_shift)
    ended = None if end_shift is None else started + dt.timedelta(days=end_shift)
    data = G.GroupInput(name=name, kana=kana, kind=kind, started_on=started, ended_on=ended,
                        end_reason=reason, subsidy_years=years)
    before = snapshot(demo_db)
    with pytest.raises(G.ValidationError) as err:
        G.save_group(demo_db, coord, data, today=TODAY)
    assert "name" in err.value.errors  # always bad here, and every other problem is named too
    if kana == "触れ合い":
        assert "かな" in err.value.errors["kana"]
    if kind != "salon":
        assert err.value.errors["kind"] == "種別を選んでください"
    if started > TODAY:
        assert err.value.errors["started_on"] == "未来の日付は入力できません"
    if ended is not None and started <= TODAY and ended < started:
        assert err.value.errors["ended_on"] == "終了日は開始日以降の日付にしてください"
    if any(y < 1989 or y > 2026 for y in years):
        assert "助成年度" in err.value.errors["subsidy_years"]
    assert snapshot(demo_db) == before


def test_leaders_and_regulars_must_be_of_the_branch(demo_db):
    coord = coordinator_of(demo_db, "05")
    other = _volunteers(demo_db, coordinator_of(demo_db, "06").branch_id)
    before = snapshot(demo_db)
    with pytest.raises(G.ValidationError) as err:
        _salon(demo_db, coord, leader_ids=[other[0].volunteer_id],
               contact_id=other[0].volunteer_id)
    assert "この支部" in err.value.errors["leaders"]
    with pytest.raises(G.ValidationError) as err:
        _salon(demo_db, coord, regulars=other)
    assert "この支部" in err.value.errors["regulars"]
    with pytest.raises(G.ValidationError) as err:
        _salon(demo_db, coord, contact_id=None)
    assert "連絡先" in err.value.errors["leaders"]
    mine = _volunteers(demo_db, coord.branch_id)
    with pytest.raises(G.ValidationError) as err:  # a volunteer id under another person
        _salon(demo_db, coord, regulars=[G.Named(mine[0].person_id, mine[1].volunteer_id)])
    assert "ボランティア" in err.value.errors["regulars"]
    assert snapshot(demo_db) == before


def test_event_with_named_attendees_edit_and_delete_audited(demo_db):
    coord = coordinator_of(demo_db, "05")
    gid = _salon(demo_db, coord)
    draft = G.meeting_draft(demo_db, coord, gid, today=TODAY)
    assert draft.held_on == dt.date(2026, 11, 24)  # 第4火曜 on or before TODAY (Thu 26th)
    assert (draft.kind, draft.title, draft.group_id) == ("salon", "ふれあいサロン原市", gid)
    assert draft.participants == len(draft.attendees) == 3 and draft.volunteers == 1
    draft.participants, draft.volunteers = 15, 4
    eid = G.save_event(demo_db, coord, draft, today=TODAY)
    nxt = G.meeting_draft(demo_db, coord, gid, today=TODAY)
    assert nxt.held_on == TODAY  # the 2nd Tuesday of December is ahead: today, not the future
    assert nxt.kind == "salon"
    rows = G.list_events(demo_db, coord, G.EventQuery(month=202611, group_id=gid))
    assert [(r.id, r.participants, r.volunteers, r.named, r.group) for r in rows] == \
        [(eid, 15, 4, 3, "ふれあいサロン原市")]
    data = G.get_event(demo_db, coord, eid)
    data.attendees = data.attendees[:1]
    data.participants = 16
    G.save_event(demo_db, coord, data, eid, today=TODAY)
    assert G.list_events(demo_db, coord, G.EventQuery(group_id=gid))[0].named == 1
    G.delete_event(demo_db, coord, eid)
    assert G.list_events(demo_db, coord, G.EventQuery(group_id=gid)) == []
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(EventAttendee)
                        .where(EventAttendee.event_id == eid)) == 0
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "event",
                                                 AuditLog.entity_id == eid)
                          .order_by(AuditLog.id)).all()
        assert [a.action for a in audit] == ["create", "update", "delete"]
        assert "participants=16" in audit[-1].detail


@HYPO
@given(participants=st.one_of(st.none(), st.integers(-5, 40), st.sampled_from([1.5, "12", True])),
       volunteers=st.one_of(st.none(), st.integers(-3, 45), st.just(2.5)),
       day_shift=st.integers(-30, 5), named=st.integers(0, 3))
def test_event_counts_dates_and_named_attendees(demo_db, participants, volunteers, day_shift,
                                                named):
    """Whatever is typed: saved exactly when every rule holds, else refused
    with the field named and nothing changed."""
    coord = coordinator_of(demo_db, "05")
    people = _residents(demo_db, coord.branch_id, 3)[:named]
    day = TODAY + dt.timedelta(days=day_shift)
    data = _event(None, held_on=day, participants=participants, volunteers=volunteers,
                  attendees=people)
    ok_participants = type(participants) is int and participants >= 0
    ok_volunteers = volunteers is None or (type(volunteers) is int and ok_participants
                                           and 0 <= volunteers <= participants)
    ok = ok_participants and ok_volunteers and day <= TODAY and participants >= named
    before = snapshot(demo_db)
    if ok:
        eid = G.save_event(demo_db, coord, data, today=TODAY)
        with demo_db.session() as s:
            e = s.get(Event, eid)
            assert (e.participants, e.volunteers, e.held_on) == (participants, volunteers or 0, day)
            s.execute(EventAttendee.__table__.delete().where(EventAttendee.event_id == eid))
            s.delete(e)  # the next example starts from the demo again
        return
    with pytest.raises(G.ValidationError) as err:
        G.save_event(demo_db, coord, data, today=TODAY)
    if day > TODAY:
        assert err.value.errors["held_on"] == "未来の日付は入力できません"
    if not ok_participants:
        assert "参加人数" in err.value.errors["participants"]
    elif not ok_volunteers:
        assert "ボランティア" in err.value.errors["volunteers"]
    elif participants < named:
        assert "名前を選んだ参加者" in err.value.errors["attendees"]
    assert snapshot(demo_db) == before


def test_forged_ids_of_another_branch_are_refused(demo_db):
    coord5, coord6 = coordinator_of(demo_db, "05"), coordinator_of(demo_db, "06")
    theirs = _salon(demo_db, coord6)
    their_event = G.save_event(demo_db, coord6, _event(theirs), today=TODAY)
    their_people = _residents(demo_db, coord6.branch_id)
    their_area = G.branch_areas(demo_db, coord6)[0][0]
    before = snapshot(demo_db)
    with pytest.raises(ScopeError):
        G.get_group(demo_db, coord5, theirs)
    with pytest.raises(ScopeError):
        G.save_group(demo_db, coord5, G.get_group(demo_db, coord6, theirs).data, theirs,
                     today=TODAY)
    with pytest.raises(ScopeError):
        G.meeting_draft(demo_db, coord5, theirs, today=TODAY)
    with pytest.raises(ScopeError):
        G.get_event(demo_db, coord5, their_event)
    with pytest.raises(ScopeError):
        G.save_event(demo_db, coord5, _event(None), their_event, today=TODAY)
    with pytest.raises(ScopeError):
        G.delete_event(demo_db, coord5, their_event)
    with pytest.raises(G.ValidationError) as err:  # their group under my event: not shown by name
        G.save_event(demo_db, coord5, _event(theirs), today=TODAY)
    assert err.value.errors["group_id"] == "選んだグループが見つかりません"
    with pytest.raises(G.ValidationError) as err:
        G.save_event(demo_db, coord5, _event(None, attendees=their_people, area_id=their_area),
                     today=TODAY)
    assert set(err.value.errors) == {"attendees", "area_id"}
    assert theirs not in [r.id for r in G.search_groups(demo_db, coord5, G.GroupQuery(status="all"),
                                                        today=TODAY)]
    assert their_event not in [r.id for r in G.list_events(demo_db, coord5)]
    assert all(p.person_id not in {n.person_id for n in their_people}
               for p in G.find_people(demo_db, coord5, their_people[0].name[:1]))
    assert snapshot(demo_db) == before


@pytest.mark.parametrize("role", [Role.CITY_STAFF, Role.ADMIN])
def test_city_staff_and_admins_get_no_personal_data(demo_db, role):
    coord = coordinator_of(demo_db, "05")
    gid = _salon(demo_db, coord)
    eid = G.save_event(demo_db, coord, _event(gid), today=TODAY)
    other = SignedIn(9, "staff", "市 職員", role, None, None, None)
    for call in (lambda: G.search_groups(demo_db, other), lambda: G.get_group(demo_db, other, gid),
                 lambda: G.list_events(demo_db, other), lambda: G.get_event(demo_db, other, eid),
                 lambda: G.find_people(demo_db, other, "あ"),
                 lambda: G.save_event(demo_db, other, _event(gid)),
                 lambda: G.delete_event(demo_db, other, eid)):
        with pytest.raises(ScopeError):
            call()


def test_attendee_volunteer_must_be_registered_on_the_day(demo_db):
    coord = coordinator_of(demo_db, "05")
    with demo_db.session() as s:
        v = s.scalar(select(Volunteer).where(Volunteer.branch_id == coord.branch_id,
                                             Volunteer.registered_on > dt.date(2025, 1, 1))
                     .order_by(Volunteer.registered_on.desc()).limit(1))
    early = v.registered_on - dt.timedelta(days=1)
    with pytest.raises(G.ValidationError) as err:
        G.save_event(demo_db, coord, _event(None, held_on=early,
                                            attendees=[G.Named(v.person_id, v.id)]), today=TODAY)
    assert "登録されていない" in err.value.errors["attendees"]
    # As a resident the same person may attend.
    G.save_event(demo_db, coord, _event(None, held_on=early, attendees=[G.Named(v.person_id)]),
                 today=TODAY)


# --- the meeting pattern reader -----------------------------------------------------

@pytest.mark.parametrize("pattern, after, expected", [
    ("第2・第4火曜 午後", dt.date(2026, 11, 10), dt.date(2026, 11, 24)),
    ("第２・４火曜", dt.date(2026, 11, 24), dt.date(2026, 12, 8)),
    ("毎月第1月曜", dt.date(2026, 11, 2), dt.date(2026, 12, 7)),
    ("毎週月・木曜 10時〜", dt.date(2026, 11, 26), dt.date(2026, 11, 30)),
    ("毎週水曜日", dt.date(2026, 11, 25), dt.date(2026, 12, 2)),
    ("毎月5・20日", dt.date(2026, 11, 20), dt.date(2026, 12, 5)),
    ("毎月31日", dt.date(2026, 10, 31), dt.date(2026, 12, 31)),
    ("最終金曜", dt.date(2026, 11, 27), dt.date(2026, 12, 25)),
    ("第2火曜と第4木曜", dt.date(2026, 11, 10), dt.date(2026, 11, 26)),
    ("隔週火曜", dt.date(2026, 11, 10), None),
    ("不定期", dt.date(2026, 11, 10), None),
    ("第6火曜", dt.date(2026, 11, 10), None),
])
def test_next_meeting_reads_common_patterns(pattern, after, expected):
    assert rules.next_meeting(pattern, after) == expected


@settings(max_examples=30, deadline=None)
@given(nth=st.integers(1, 4), weekday=st.integers(0, 6),
       after=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_next_nth_weekday_is_that_weekday_of_that_week(nth, weekday, after):
    day = rules.next_meeting(f"第{nth}{'月火水木金土日'[weekday]}曜", after)
    assert day > after and day.weekday() == weekday and (day.day - 1) // 7 + 1 == nth
    # nothing matching in between
    probe = after + dt.timedelta(days=1)
    while probe < day:
        assert not (probe.weekday() == weekday and (probe.day - 1) // 7 + 1 == nth)
        probe += dt.timedelta(days=1)


def test_proposal_never_in_the_future_and_falls_back_documented():
    today = dt.date(2026, 11, 26)
    assert rules.propose_meeting_date("第2・第4火曜", None, today) == dt.date(2026, 11, 24)
    assert rules.propose_meeting_date("第2・第4火曜", dt.date(2026, 10, 27), today) \
        == dt.date(2026, 11, 10)
    assert rules.propose_meeting_date("第2・第4火曜", dt.date(2026, 11, 24), today) == today
    assert rules.propose_meeting_date("不定期", dt.date(2026, 11, 5), today) == dt.date(2026, 11, 12)
    assert rules.propose_meeting_date("不定期", dt.date(2026, 11, 24), today) == today
    assert rules.propose_meeting_date("不定期", None, today) == today
    # a group started after the last pattern day: today
    assert rules.propose_meeting_date("第1月曜", None, today, dt.date(2026, 11, 3)) == today


# --- on every backend (PostgreSQL too, when $COORDINATOR_APP_TEST_PG is set) ---------

def _two_branches(db) -> tuple[SignedIn, SignedIn, dict]:
    """Two branches, each with an area, a resident and a volunteer."""
    from coordinator_app.core.models import Area, Branch

    made = {}
    with db.session() as s:
        for code in ("01", "02"):
            b = Branch(code=code, name=f"試験支部{code}")
            s.add(b)
            s.flush()
            area = Area(branch_id=b.id, name=f"試験{code}自治会")
            resident = Person(branch_id=b.id, name=f"見本 花子{code}", kana="みほん はなこ",
                              kana_key=fold("みほん はなこ"), name_key=fold(f"見本 花子{code}"))
            helper = Person(branch_id=b.id, name=f"試作 一郎{code}", kana="しさく いちろう",
                            kana_key=fold("しさく いちろう"), name_key=fold(f"試作 一郎{code}"))
            s.add_all([area, resident, helper])
            s.flush()
            v = Volunteer(branch_id=b.id, person_id=helper.id, registered_on=START,
                          registered_month=202504)
            s.add(v)
            s.flush()
            made[code] = {"branch": b.id, "area": area.id, "resident": G.Named(resident.id),
                              "volunteer": G.Named(helper.id, v.id)}
    users = [SignedIn(0, f"c{code}", "試験", "coordinator", made[code]["branch"], code, "支部")
             for code in ("01", "02")]
    return users[0], users[1], made


def test_groups_and_events_round_trip_on_every_backend(db):
    mine, theirs, made = _two_branches(db)
    m = made["01"]
    gid = G.save_group(db, mine, G.GroupInput(
        name="だい3サロン", kana="ダイ３サロン", kind="salon", area_id=m["area"], started_on=START,
        pattern="毎月15日", leader_ids=[m["volunteer"].volunteer_id],
        contact_id=m["volunteer"].volunteer_id, subsidy_years=[2025],
        regulars=[m["resident"], m["volunteer"]]), today=TODAY)
    assert [r.id for r in G.search_groups(db, mine, G.GroupQuery(text="だい3"), today=TODAY)] \
        == [gid]
    draft = G.meeting_draft(db, mine, gid, today=TODAY)
    assert draft.held_on == dt.date(2026, 11, 15) and (draft.participants, draft.volunteers) == (2, 1)
    eid = G.save_event(db, mine, draft, today=TODAY)
    assert G.meeting_draft(db, mine, gid, today=TODAY).held_on == TODAY  # 12/15 is ahead
    assert [(r.id, r.named) for r in G.list_events(db, mine, G.EventQuery(month=202611))] == \
        [(eid, 2)]
    assert [n.volunteer_id is not None for n in G.find_people(db, mine, "しさく")] == [True]
    before = snapshot(db)
    with pytest.raises(ScopeError):
        G.delete_event(db, theirs, eid)
    with pytest.raises(G.ValidationError):
        G.save_event(db, theirs, _event(gid), today=TODAY)
    with pytest.raises(G.ValidationError):
        G.save_event(db, mine, _event(gid, participants=1), today=TODAY)  # 2 regulars named
    assert snapshot(db) == before
    assert G.list_events(db, theirs) == [] and G.search_groups(db, theirs, today=TODAY) == []
    G.delete_event(db, mine, eid)
    assert G.list_events(db, mine) == []


def test_a_regular_who_withdrew_as_volunteer_is_proposed_as_a_resident(demo_db):
    from coordinator_app.services import volunteers as V

    coord = coordinator_of(demo_db, "05")
    gid = _salon(demo_db, coord)
    helper = _volunteers(demo_db, coord.branch_id)[1]  # a regular who comes as a volunteer
    assert (helper.person_id, helper.volunteer_id) in [
        (n.person_id, n.volunteer_id) for n in G.meeting_draft(demo_db, coord, gid,
                                                               today=TODAY).attendees]
    V.withdraw_volunteer(demo_db, coord, helper.volunteer_id, dt.date(2026, 11, 1), "転居",
                         today=TODAY)
    draft = G.meeting_draft(demo_db, coord, gid, today=TODAY)
    assert draft.held_on == dt.date(2026, 11, 24)
    came = next(n for n in draft.attendees if n.person_id == helper.person_id)
    assert came.volunteer_id is None and draft.volunteers == 0
    G.save_event(demo_db, coord, draft, today=TODAY)  # saves as proposed
    # Who may run a group: volunteers registered today only.
    surname = helper.name.split()[0]
    assert helper.person_id not in [n.person_id for n in G.find_people(
        demo_db, coord, surname, volunteers_only=True)]
    assert all(n.volunteer_id for n in G.find_people(demo_db, coord, surname,
                                                     volunteers_only=True))
