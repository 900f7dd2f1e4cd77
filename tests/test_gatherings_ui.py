"""行事・サロン screens, played like a coordinator at the keyboard: the
quick entry of a salon's meetings, an event with named attendees, errors
next to their fields, editing and deleting from the list, registering a
group. Every assertion is on what the database holds or what the screen
shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import and_, or_, select

from coordinator_app.core.access import Role, SignedIn
from coordinator_app.core.models import (
    AuditLog,
    Event,
    EventAttendee,
    GroupMember,
    Person,
    Volunteer,
)
from coordinator_app.services import gatherings as G
from coordinator_app.ui.screens import screens_for
from tests.conftest import TODAY, coordinator_of
from tests.db_snapshot import snapshot
from tests.helpers import make_context, type_japanese

PATTERN = "第2・第4火曜 午後"


@pytest.fixture
def ctx(demo_db):
    context = make_context(demo_db, coordinator_of(demo_db, "05"))
    yield context
    context.runner.wait()


@pytest.fixture
def screen(qtbot, ctx):
    from coordinator_app.ui.gatherings.screen import GatheringsScreen

    widget = GatheringsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _people(db, branch_id):
    """Two residents who are not volunteers and one active volunteer."""
    with db.session() as s:
        residents = s.execute(select(Person.id, Person.name).where(
            Person.branch_id == branch_id, Person.id.not_in(select(Volunteer.person_id)))
            .order_by(Person.id).limit(2)).all()
        v = s.execute(select(Volunteer.id, Person.id, Person.name)
                      .join(Person, Person.id == Volunteer.person_id)
                      .where(Volunteer.branch_id == branch_id, Volunteer.withdrawn_on.is_(None),
                             Volunteer.registered_on <= dt.date(2026, 4, 1))
                      .order_by(Volunteer.id).limit(1)).one()
    return ([G.Named(pid, None, name) for pid, name in residents], G.Named(v[1], v[0], v[2]))


def _salon(ctx, last_meeting: dt.date | None = dt.date(2026, 10, 27)) -> int:
    residents, volunteer = _people(ctx.db, ctx.user.branch_id)
    gid = G.save_group(ctx.db, ctx.user, G.GroupInput(
        name="ひまわりサロン試験", kana="ひまわりさろんしけん", kind="salon",
        started_on=dt.date(2026, 4, 1), pattern=PATTERN,
        leader_ids=[volunteer.volunteer_id], contact_id=volunteer.volunteer_id,
        regulars=[*residents, volunteer]))
    if last_meeting:
        G.save_event(ctx.db, ctx.user, G.EventInput(
            held_on=last_meeting, kind="salon", title="ひまわりサロン試験", group_id=gid,
            participants=12, volunteers=2))
    return gid


def _events_of(db, group_id):
    with db.session() as s:
        events = s.scalars(select(Event).where(Event.group_id == group_id)
                           .order_by(Event.held_on)).all()
        named = {e.id: sorted(s.scalars(select(EventAttendee.person_id)
                                        .where(EventAttendee.event_id == e.id))) for e in events}
    return [(e.held_on, e.participants, e.volunteers, named[e.id]) for e in events]


def _enter(qtbot, form, widget):
    """Enter in a field saves; wait for the write (it runs off the UI thread)."""
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(widget, Qt.Key_Return)


def test_quick_salon_entry_proposes_dates_checks_regulars_and_goes_on(qtbot, screen, ctx,
                                                                     monkeypatch):
    gid = _salon(ctx)
    regulars = {n.person_id for n in G.get_group(ctx.db, ctx.user, gid).data.regulars}
    screen.refresh()
    screen.tabs.setCurrentWidget(screen.groups)
    type_japanese(screen.groups.text, "ヒマワリ")
    qtbot.waitUntil(lambda: [r.id for r in screen.groups.model.rows] == [gid])
    qtbot.mouseClick(screen.groups.meeting_button, Qt.LeftButton)
    form = screen.dialog
    qtbot.waitUntil(form.isVisible)
    # The 4th Tuesday after the last meeting (10/27, the 4th Tuesday of October) is 11/10.
    assert form.held_on.date() == dt.date(2026, 11, 10)
    assert form.group.currentData() == gid and form.title.text() == "ひまわりサロン試験"
    assert form.kind.currentData() == "salon"
    assert {n.person_id for n in form.attendees.people()} == regulars
    assert (form.participants.text(), form.volunteers.text()) == ("3", "1")
    assert form.focusWidget() is form.participants
    # One regular stayed home: the count follows until a number is typed.
    absent = min(regulars)
    form.attendees.set_checked(absent, False)
    assert form.participants.text() == "2"
    form.participants.selectAll()
    qtbot.keyClicks(form.participants, "15")
    form.volunteers.selectAll()
    qtbot.keyClicks(form.volunteers, "3")
    _enter(qtbot, form, form.participants)
    assert _events_of(ctx.db, gid)[1] == (dt.date(2026, 11, 10), 15, 3, sorted(regulars - {absent}))
    # The form stays, ready for the next meeting: 11/24, everyone checked again.
    assert form.isVisible() and "保存しました" in form.status.text()
    assert form.held_on.date() == dt.date(2026, 11, 24)
    assert {n.person_id for n in form.attendees.people()} == regulars
    form.participants.selectAll()
    qtbot.keyClicks(form.participants, "11")
    _enter(qtbot, form, form.participants)
    assert [e[:2] for e in _events_of(ctx.db, gid)] == [
        (dt.date(2026, 10, 27), 12), (dt.date(2026, 11, 10), 15), (dt.date(2026, 11, 24), 11)]
    # The next one (12/8) is ahead: today is proposed, never a future date.
    assert form.held_on.date() == TODAY
    # The same group on a day already entered (a second Enter): asked first, No saves nothing.
    form.held_on.edit.setText("2026-11-24")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    qtbot.keyClick(form.participants, Qt.Key_Return)
    ctx.runner.wait()
    assert asked and "すでに入力されています" in asked[0]
    assert len(_events_of(ctx.db, gid)) == 3
    # The list shows the new meetings.
    screen.tabs.setCurrentWidget(screen.events)
    screen.events.set_group(gid)
    assert [(r.held_on, r.participants, r.named) for r in screen.events.model.rows] == [
        (dt.date(2026, 11, 24), 11, 3), (dt.date(2026, 11, 10), 15, 2),
        (dt.date(2026, 10, 27), 12, 0)]


def test_a_group_without_meetings_proposes_its_latest_day(qtbot, ctx):
    from coordinator_app.ui.gatherings.event_form import EventFormDialog

    gid = _salon(ctx, last_meeting=None)
    form = EventFormDialog(ctx, group_id=gid)
    qtbot.addWidget(form)
    assert form.held_on.date() == dt.date(2026, 11, 24)  # 第4火曜, on or before TODAY (Thu 26th)


def test_bad_event_says_what_to_fix_next_to_each_field_and_saves_nothing(qtbot, screen, ctx):
    qtbot.keyClick(screen.events.view, Qt.Key_N, Qt.ControlModifier)
    form = screen.dialog
    qtbot.waitUntil(form.isVisible)
    assert form.focusWidget() is form.held_on.edit
    before = snapshot(ctx.db)
    form.held_on.edit.setText("2026-12-01")
    qtbot.keyClick(form.held_on.edit, Qt.Key_Return)
    assert form.error_text("held_on") == "未来の日付は入力できません"
    form.held_on.edit.setText("R8.11.20")
    form.participants.setText("３人")
    qtbot.keyClick(form.title, Qt.Key_Return)
    qtbot.waitUntil(lambda: form.error_text("kind") != "")
    assert form.error_text("held_on") == ""
    assert form.error_text("kind") == "種別を選んでください"
    assert form.error_text("title") == "名称を入力してください"
    assert "0以上の整数" in form.error_text("participants")
    assert form.focusWidget() is form.kind  # the first field to fix
    form.kind.setCurrentIndex(form.kind.findData("course"))
    type_japanese(form.title, "認知症サポーター養成講座")
    form.participants.setText("３")  # full-width digits are a number
    form.volunteers.setText("5")
    qtbot.keyClick(form.title, Qt.Key_Return)
    qtbot.waitUntil(lambda: form.error_text("volunteers") != "")
    assert "超えています" in form.error_text("volunteers")
    assert form.error_text("participants") == ""
    assert snapshot(ctx.db) == before


def test_course_with_named_attendees_edited_and_deleted_from_the_list(qtbot, screen, ctx,
                                                                     monkeypatch):
    residents, volunteer = _people(ctx.db, ctx.user.branch_id)
    qtbot.mouseClick(screen.findChild(QPushButton, "newEvent"), Qt.LeftButton)
    form = screen.dialog
    qtbot.waitUntil(form.isVisible)
    form.held_on.edit.setText("2026-11-19")
    form.kind.setCurrentIndex(form.kind.findData("course"))
    type_japanese(form.title, "傾聴ボランティア講座（修了）")
    for person in (residents[0], volunteer):  # picked by name, never retyped
        type_japanese(form.attendees.search, person.name)
        qtbot.waitUntil(lambda p=person: any(
            form.attendees.results.item(i).data(Qt.UserRole).person_id == p.person_id
            for i in range(form.attendees.results.count())))
        row = next(i for i in range(form.attendees.results.count())
                   if form.attendees.results.item(i).data(Qt.UserRole).person_id
                   == person.person_id)
        form.attendees.results.setCurrentRow(row)
        qtbot.keyClick(form.attendees.search, Qt.Key_Return)  # adds; does not save
    picked = form.attendees.people()
    assert [(n.person_id, n.volunteer_id) for n in picked] == [
        (residents[0].person_id, None), (volunteer.person_id, volunteer.volunteer_id)]
    assert (form.participants.text(), form.volunteers.text()) == ("2", "1")
    # A count below the named attendees is refused.
    form.participants.setText("1")
    form.volunteers.setText("1")
    qtbot.keyClick(form.note, Qt.Key_Return)
    qtbot.waitUntil(lambda: form.error_text("attendees") != "")
    assert "名前を選んだ参加者（2人）" in form.error_text("attendees")
    form.participants.setText("24")
    form.volunteers.setText("3")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.keyClick(form.note, Qt.Key_Return, Qt.ControlModifier)
    eid = saved.args[0]
    form.close_button.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    panel = screen.events
    panel.kind.setCurrentIndex(panel.kind.findData("course"))
    qtbot.waitUntil(lambda: eid in [r.id for r in panel.model.rows])
    row = next(r for r in panel.model.rows if r.id == eid)
    assert (row.title, row.participants, row.volunteers, row.named) == \
        ("傾聴ボランティア講座（修了）", 24, 3, 2)
    # Edit: Enter on the row opens it.
    panel.view.selectRow(panel.model.rows.index(row))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key_Return)
    edit = screen.dialog
    qtbot.waitUntil(edit.isVisible)
    assert edit.event_id == eid and edit.participants.text() == "24"
    edit.participants.setText("25")
    with qtbot.waitSignal(edit.saved, timeout=5000):
        qtbot.mouseClick(edit.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not edit.isVisible())
    qtbot.waitUntil(lambda: next(r for r in panel.model.rows if r.id == eid).participants == 25)
    # Delete asks first: No keeps it, Yes removes it (and its names).
    panel.view.selectRow(next(i for i, r in enumerate(panel.model.rows) if r.id == eid))
    answers = iter([QMessageBox.No, QMessageBox.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    qtbot.keyClick(panel.view, Qt.Key_Delete)
    ctx.runner.wait()
    assert eid in [r.id for r in panel.model.rows]
    qtbot.keyClick(panel.view, Qt.Key_Delete)
    qtbot.waitUntil(lambda: eid not in [r.id for r in panel.model.rows])
    with ctx.db.session() as s:
        assert s.get(Event, eid) is None
        assert not s.scalars(select(EventAttendee).where(EventAttendee.event_id == eid)).all()
        trail = s.scalars(select(AuditLog.action).where(AuditLog.entity == "event",
                                                        AuditLog.entity_id == eid)
                          .order_by(AuditLog.id)).all()
    assert trail == ["create", "update", "delete"]


def test_only_groups_active_on_the_date_are_offered(qtbot, ctx):
    from coordinator_app.ui.gatherings.event_form import EventFormDialog

    gid = _salon(ctx, last_meeting=None)  # started 2026-04-01
    form = EventFormDialog(ctx)
    qtbot.addWidget(form)
    offered = lambda: [form.group.itemData(i) for i in range(1, form.group.count())]
    assert gid in offered()
    form.held_on.edit.setText("2026-03-31")
    assert gid not in offered()
    assert set(offered()) == {g for g, _ in G.groups_on(ctx.db, ctx.user, dt.date(2026, 3, 31))}


def test_register_a_group_with_leaders_regulars_and_subsidy(qtbot, screen, ctx):
    from coordinator_app.ui.gatherings.group_form import GroupFormDialog

    residents, volunteer = _people(ctx.db, ctx.user.branch_id)
    screen.new_group()
    form = screen.dialog
    assert isinstance(form, GroupFormDialog)
    qtbot.waitUntil(form.isVisible)
    before = snapshot(ctx.db)
    type_japanese(form.name, "あおぞら体操の会")
    type_japanese(form.kana, "青空たいそう")  # kanji is not a reading
    form.kind.setCurrentIndex(form.kind.findData("club"))
    form.started_on.edit.setText("2026-06-01")
    form.ended_on.edit.setText("2026-05-01")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.error_text("kana") != "")
    assert "かな" in form.error_text("kana")
    assert form.error_text("ended_on") == "終了日は開始日以降の日付にしてください"
    assert snapshot(ctx.db) == before
    form.kana.setText("あおぞらたいそうのかい")
    form.ended_on.edit.clear()
    type_japanese(form.pattern, "毎週月・木曜 午前")
    assert "令和8年11月30日(月)" in form.pattern_hint.text()
    form.area.setCurrentIndex(1)
    for person, picker in ((volunteer, form.leaders), (residents[1], form.regulars)):
        type_japanese(picker.search, person.name)
        qtbot.waitUntil(lambda p=person, k=picker: any(
            k.results.item(i).data(Qt.UserRole).person_id == p.person_id
            for i in range(k.results.count())))
        k_row = next(i for i in range(picker.results.count())
                     if picker.results.item(i).data(Qt.UserRole).person_id == person.person_id)
        picker.results.setCurrentRow(k_row)
        qtbot.keyClick(picker.search, Qt.Key_Return)
    assert form.contact.currentData() == volunteer.volunteer_id  # the only leader is the contact
    form.subsidy[2026].setChecked(True)
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.keyClick(form.name, Qt.Key_Return, Qt.ControlModifier)
    gid = saved.args[0]
    detail = G.get_group(ctx.db, ctx.user, gid)
    assert (detail.data.kana, detail.data.kind, detail.data.pattern) == \
        ("あおぞらたいそうのかい", "club", "毎週月・木曜 午前")
    assert detail.data.contact_id == volunteer.volunteer_id and detail.data.subsidy_years == [2026]
    with ctx.db.session() as s:
        assert s.scalars(select(GroupMember.person_id).where(GroupMember.group_id == gid)).all() \
            == [residents[1].person_id]
    # In the list, in 50音順 (あおぞら comes first of the branch's groups).
    screen.tabs.setCurrentWidget(screen.groups)
    qtbot.waitUntil(lambda: screen.groups.model.rowCount() > 0
                    and screen.groups.model.row_at(0).id == gid)
    assert screen.groups.model.row_at(0).contact == volunteer.name


def test_the_page_is_for_coordinators_only():
    staff = SignedIn(1, "s", "職員", Role.CITY_STAFF, None, None, None)
    admin = SignedIn(2, "a", "管理者", Role.ADMIN, None, None, None)
    coordinator = SignedIn(3, "c", "コーディ", Role.COORDINATOR, 1, "01", "支部")
    assert "gatherings" in [s.key for s in screens_for(coordinator)]
    assert "gatherings" not in [s.key for s in screens_for(staff)]
    assert "gatherings" not in [s.key for s in screens_for(admin)]


def test_tab_goes_through_the_event_form_in_order_and_esc_asks_first(qtbot, ctx, monkeypatch):
    from coordinator_app.ui.gatherings.event_form import EventFormDialog

    form = EventFormDialog(ctx)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    assert form.focusWidget() is form.held_on.edit
    visited = []
    for _ in range(7):
        qtbot.keyClick(form.focusWidget(), Qt.Key_Tab)
        visited.append(form.focusWidget())
    assert visited == [form.group, form.kind, form.title, form.area, form.participants,
                       form.volunteers, form.attendees.search]
    # Esc with something typed asks; Cancel keeps the form and what was typed.
    form.participants.setText("12")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.Cancel)
    qtbot.keyClick(form.participants, Qt.Key_Escape)
    assert asked and "保存されていません" in asked[0]
    assert form.isVisible() and form.participants.text() == "12"


def test_the_audit_rows_of_groups_and_events_read_as_words(ctx):
    from coordinator_app.ui.audit_words import detail_text

    gid = _salon(ctx)
    eid = G.list_events(ctx.db, ctx.user, G.EventQuery(group_id=gid))[0].id
    G.delete_event(ctx.db, ctx.user, eid)
    with ctx.db.session() as s:
        rows = s.execute(select(AuditLog.action, AuditLog.entity, AuditLog.detail).where(or_(
            and_(AuditLog.entity == "activity_group", AuditLog.entity_id == gid),
            and_(AuditLog.entity == "event", AuditLog.entity_id == eid)))).all()
    assert len(rows) == 3
    for action, entity, detail in rows:
        text = detail_text(action, entity, detail)
        assert "=" not in text and "サロン" in text, (detail, text)
