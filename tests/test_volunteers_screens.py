"""The ボランティア screen, driven as a coordinator would: keyboard in the
forms, filters in the search, buttons for withdrawal, the activity log and
insurance renewal — then the database and the tally file must agree."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QMessageBox
from sqlalchemy import select

from coordinator_app.core import counting
from coordinator_app.core.dates import fiscal_year_of, month_key
from coordinator_app.core.models import Person, Volunteer
from coordinator_app.interchange import tally_file
from coordinator_app.services import volunteers as V
from tests.conftest import TODAY, coordinator_of
from tests.helpers import make_context, type_japanese

BRANCH = "05"  # 原市支部


@pytest.fixture
def screen(qtbot, demo_db):
    from coordinator_app.ui.volunteers.screen import VolunteersScreen

    ctx = make_context(demo_db, coordinator_of(demo_db, BRANCH))
    widget = VolunteersScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.search.text.setFocus()
    yield widget
    ctx.runner.wait()


def _tally(db, today: dt.date) -> Counter:
    """The branch's tally file, through the command line: ``export tallies``."""
    from coordinator_app import cli

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tally.csv"
        assert cli.main(["--db", str(db.path), "export", "tallies", "--fiscal-year",
                         str(fiscal_year_of(today)), "--branch", BRANCH, "--out", str(out)]) == 0
        rows = tally_file.read_csv(out)
    return Counter({(r.month, r.measure, r.breakdown, r.key): r.count for r in rows})


def _diff(before: Counter, after: Counter) -> dict:
    keys = set(before) | set(after)
    return {k: after[k] - before[k] for k in keys if after[k] != before[k]}


def _months_from(today: dt.date) -> list[str]:
    """The fiscal year's months from today's month on (stock measures
    count a registration in every later month-end too)."""
    fy = fiscal_year_of(today)
    months = counting.fiscal_month_keys(fy)
    return [counting.month_text(m) for m in months if m >= month_key(today)]


def _save(qtbot, dialog, signal):
    """Ctrl+S, then wait for the write to commit (it runs off the UI thread)."""
    if not dialog.isActiveWindow():  # activation is asynchronous
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(signal, timeout=5000, raising=False) as blocker:
        qtbot.keyClick(dialog, Qt.Key_S, Qt.ControlModifier)
    assert blocker.signal_triggered, dialog.error.text()
    return blocker.args[0] if blocker.args else None


def _new_form(qtbot, screen):
    """Ctrl+N from the screen opens the registration form."""
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.search.text.setFocus()
    qtbot.keyClick(screen.search.text, Qt.Key_N, Qt.ControlModifier)
    from coordinator_app.ui.volunteers.form import VolunteerFormDialog

    assert isinstance(screen.dialog, VolunteerFormDialog) and screen.dialog.isVisible()
    qtbot.waitUntil(screen.dialog.isActiveWindow)  # activation is asynchronous
    return screen.dialog


def _register_individual(qtbot, screen):
    form = _new_form(qtbot, screen)
    type_japanese(form.picker.search, "新井 一郎")
    qtbot.keyClick(form.picker.is_new, Qt.Key_Space)  # nobody found: a new person
    assert form.picker.new_name.text() == "新井 一郎"
    type_japanese(form.picker.new_kana, "あらい いちろう")
    qtbot.keyClicks(form.phone, "048-000-7001")
    type_japanese(form.address, "上尾市原市1-1")
    type_japanese(form.area.lineEdit(), "原市第3自治会")
    form.registered_on.edit.selectAll()
    qtbot.keyClicks(form.registered_on.edit, TODAY.isoformat())
    qtbot.keyClick(form.role_boxes["driver"], Qt.Key_Space)
    qtbot.keyClick(form.role_boxes["watch"], Qt.Key_Space)
    type_japanese(form.skills, "運転、傾聴")
    popup = form.skills.tag_completer.popup()
    if popup.isVisible():  # the completer offers 傾聴 (already used); Esc closes it
        qtbot.keyClick(popup, Qt.Key_Escape)
        assert not popup.isVisible() and form.isVisible()
    qtbot.keyClick(form.availability.boxes[(1, "am")], Qt.Key_Space)  # 火 午前
    qtbot.keyClick(form.availability.boxes[(3, "pm")], Qt.Key_Space)  # 木 午後
    form.covered.setFocus()
    form.covered.setCurrentIndex(form.covered_model.index(0, 0))  # 原市第1自治会
    qtbot.keyClick(form.covered, Qt.Key_Space)
    return form, _save(qtbot, form, form.saved)


def _register_group(qtbot, screen):
    form = _new_form(qtbot, screen)
    form.kind.setFocus()
    qtbot.keyClick(form.kind, Qt.Key_Down)  # 個人 → 団体
    assert form.kind.currentData() == "group" and form.contact_person.isVisible()
    type_japanese(form.picker.search, "原市送迎の会")
    qtbot.keyClick(form.picker.is_new, Qt.Key_Space)
    type_japanese(form.picker.new_kana, "はらいちそうげいのかい")
    type_japanese(form.contact_person, "見本 次郎")
    form.member_count.lineEdit().selectAll()
    qtbot.keyClicks(form.member_count.lineEdit(), "12")
    type_japanese(form.area.lineEdit(), "原市第2自治会")
    qtbot.keyClick(form.role_boxes["driver"], Qt.Key_Space)
    qtbot.keyClick(form.availability.boxes[(1, "am")], Qt.Key_Space)
    return form, _save(qtbot, form, form.saved)


def test_register_individual_and_group_then_find_them(qtbot, screen, demo_db):
    today = TODAY
    before = _tally(demo_db, today)
    active_before = screen.active
    form, vid = _register_individual(qtbot, screen)
    assert not form.isVisible()
    page = screen.dialog  # the new volunteer's page opens
    assert "新井 一郎" in page.title.text()
    page.close()
    group_form, gid = _register_group(qtbot, screen)
    screen.dialog.close()
    with demo_db.session() as s:
        v = s.get(Volunteer, vid)
        p = s.get(Person, v.person_id)
        assert (p.name, p.kana, p.phone, v.kind) == ("新井 一郎", "あらい いちろう",
                                                    "048-000-7001", "individual")
        assert v.skills == "運転;傾聴" and v.availability == "tue-am;thu-pm"
        assert v.covered_areas == "原市第1自治会" and v.registered_on == today
        assert v.insurance_fy == fiscal_year_of(today)
        g = s.get(Volunteer, gid)
        assert (g.kind, g.contact_person, g.member_count) == ("group", "見本 次郎", 12)
        assert s.get(Person, g.person_id).name == "原市送迎の会"
    assert screen.active == active_before + 2
    assert f"登録中 {active_before + 2}人" in screen.summary.text()

    # Find them by role + day + area: drivers free on Tuesday mornings who
    # cover 原市第1自治会 (the individual) or live in 原市第2自治会 (the group).
    panel = screen.search
    area_ids = {name: aid for aid, name in V.list_branch_areas(demo_db, screen.ctx.user)}
    panel.role.setCurrentIndex(panel.role.findData("driver"))
    panel.weekday.setCurrentIndex(panel.weekday.findData(1))
    panel.slot.setCurrentIndex(panel.slot.findData("am"))
    panel.area.setCurrentIndex(panel.area.findData(area_ids["原市第1自治会"]))
    shown = [panel.model.row_at(i).id for i in range(panel.model.rowCount())]
    assert vid in shown and gid not in shown
    panel.area.setCurrentIndex(panel.area.findData(area_ids["原市第2自治会"]))
    shown = [panel.model.row_at(i).id for i in range(panel.model.rowCount())]
    assert gid in shown and vid not in shown
    panel.weekday.setCurrentIndex(panel.weekday.findData(2))  # nobody on Wednesday
    shown = [panel.model.row_at(i).id for i in range(panel.model.rowCount())]
    assert vid not in shown and gid not in shown

    # By katakana ふりがな, every other filter cleared.
    panel.clear_filters()
    type_japanese(panel.text, "アライ")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.row_at(0).id == vid
    assert panel.count.text() == "1人"
    panel.text.clear()
    type_japanese(panel.text, "ハライチソウゲイ")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.model.row_at(0).id == gid)
    # Enter in the search moves to the results; Enter there opens the page.
    qtbot.keyClick(panel.text, Qt.Key_Return)
    qtbot.keyClick(panel.view, Qt.Key_Return)
    assert screen.dialog.volunteer_id == gid and screen.dialog.isVisible()

    # The tally file moved by exactly the two registrations.
    diff = _diff(before, _tally(demo_db, today))
    month = counting.month_text(month_key(today))
    expected = {(month, "volunteers_registered", "total", ""): 2}
    for m in _months_from(today):
        expected[(m, "volunteers_active", "total", "")] = 2
        expected[(m, "volunteers_active", "role", "driver")] = 2
        expected[(m, "volunteers_active", "role", "watch")] = 1
    assert diff == expected


def test_bad_form_says_what_to_fix_and_writes_nothing(qtbot, screen, demo_db):
    with demo_db.session() as s:
        before = s.scalars(select(Volunteer.id)).all()
    form = _new_form(qtbot, screen)
    type_japanese(form.picker.search, "新井 一郎")
    qtbot.keyClick(form.picker.is_new, Qt.Key_Space)
    qtbot.keyClick(form, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "活動内容" in form.error.text())
    assert form.isVisible()
    form.registered_on.edit.selectAll()
    qtbot.keyClicks(form.registered_on.edit, "2026-02-30")
    qtbot.keyClick(form.role_boxes["salon"], Qt.Key_Space)
    qtbot.keyClick(form, Qt.Key_S, Qt.ControlModifier)
    assert "登録日" in form.error.text() and "存在しない" in form.error.text()
    with demo_db.session() as s:
        assert s.scalars(select(Volunteer.id)).all() == before


def test_skill_completer_suggests_tags_already_used(qtbot, screen):
    form = _new_form(qtbot, screen)
    assert "料理" in form.skills.suggestions()
    qtbot.keyClicks(form.skills, "x")  # nothing starts a suggestion with x
    form.skills.clear()
    type_japanese(form.skills, "運転、")
    form.skills.textEdited.emit(form.skills.text())
    type_japanese(form.skills, "料")
    form.skills.textEdited.emit(form.skills.text())
    completer = form.skills.tag_completer
    assert completer.completionCount() >= 1 and completer.currentCompletion() == "料理"
    completer.activated[str].emit(completer.currentCompletion())
    assert form.skills.tags() == ["運転", "料理"]


def test_withdraw_leaves_the_active_count(qtbot, screen, demo_db):
    today = TODAY
    panel = screen.search
    before = _tally(demo_db, today)
    active_before = screen.active
    victim = next(panel.model.row_at(i) for i in range(panel.model.rowCount())
                  if panel.model.row_at(i).kind == "individual")
    row = [panel.model.row_at(i).id for i in range(panel.model.rowCount())].index(victim.id)
    panel.view.setFocus()
    panel.view.selectRow(row)
    qtbot.keyClick(panel.view, Qt.Key_Return)
    page = screen.dialog
    assert page.volunteer_id == victim.id
    qtbot.mouseClick(page.withdraw_button, Qt.LeftButton)
    dialog = page.dialog
    type_japanese(dialog.reason.lineEdit(), "転居")
    _save(qtbot, dialog, dialog.withdrawn)
    qtbot.waitUntil(lambda: screen.active == active_before - 1)
    assert f"登録中 {active_before - 1}人" in screen.summary.text()
    assert "退会" in page.status.text() and "転居" in page.status.text()
    assert victim.id not in [panel.model.row_at(i).id for i in range(panel.model.rowCount())]
    panel.status.setCurrentIndex(panel.status.findData("withdrawn"))
    assert victim.id in [panel.model.row_at(i).id for i in range(panel.model.rowCount())]

    month = counting.month_text(month_key(today))
    expected = {(month, "volunteers_withdrawn", "total", ""): 1}
    for m in _months_from(today):
        expected[(m, "volunteers_active", "total", "")] = -1
        for role in victim.roles:
            expected[(m, "volunteers_active", "role", role)] = -1
    assert _diff(before, _tally(demo_db, today)) == expected


def test_activity_with_three_participants_raises_the_figure_by_three(qtbot, screen, demo_db):
    today = TODAY
    fy = fiscal_year_of(today)
    panel = screen.activities
    screen.tabs.setCurrentWidget(panel)
    before_figure = panel.participation_figure()
    before = _tally(demo_db, today)
    shown_before = re.search(r"参加者数: (\d+)人", panel.figure.text()).group(1)
    assert int(shown_before) == before_figure
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key_R, Qt.ControlModifier)
    form = panel.dialog
    assert form is not None and form.isVisible()
    type_japanese(form.title.lineEdit(), "通院の送迎")
    form.kind.setCurrentIndex(form.kind.findData("drive"))
    names = [r.kana.split()[0] for r in V.search_volunteers(demo_db, screen.ctx.user)
             if r.kind == "individual"]
    chosen = []
    for kana_text in names:
        if len(chosen) == 3:
            break
        type_japanese(form.find, kana_text)
        qtbot.keyClick(form.find, Qt.Key_Return)
        if form.model.rowCount() > len(chosen):
            chosen.append(form.model.rows[-1].volunteer_id)
    assert form.model.rowCount() == 3
    # Delete removes a participant; add them again.
    form.view.setFocus()
    form.view.selectRow(2)
    qtbot.keyClick(form.view, Qt.Key_Delete)
    assert form.model.rowCount() == 2
    again = V.get_volunteer(demo_db, screen.ctx.user, chosen[2]).kana
    type_japanese(form.find, again)
    qtbot.keyClick(form.find, Qt.Key_Return)
    assert form.model.rowCount() == 3
    assert all(p.hours == 2.0 for p in form.model.rows)
    activity_id = _save(qtbot, form, form.saved)
    qtbot.waitUntil(lambda: panel.participation_figure() == before_figure + 3)
    qtbot.waitUntil(lambda: f"参加者数: {before_figure + 3}人" in panel.figure.text())
    assert V.participations(demo_db, fy, screen.ctx.user.branch_id) == before_figure + 3
    assert panel.model.row_at(0).id == activity_id and panel.model.row_at(0).participant_count == 3
    month = counting.month_text(month_key(today))
    assert _diff(before, _tally(demo_db, today)) == {
        (month, "volunteer_participations", "total", ""): 3}
    # The activity shows on each participant's page.
    page = V.get_volunteer(demo_db, screen.ctx.user, chosen[0])
    assert page.activities[0].title == "通院の送迎" and page.activities[0].hours == 2.0


def test_bulk_insurance_renewal_after_confirmation(qtbot, screen, demo_db, monkeypatch):
    fy = fiscal_year_of(TODAY)
    panel = screen.insurance
    screen.show_filter("insurance")
    assert screen.tabs.currentWidget() is panel
    lapsed = [panel.model.row_at(i).id for i in range(panel.model.rowCount())]
    assert len(lapsed) >= 2
    asked = []

    def answer(result):
        def question(*args, **kwargs):
            asked.append(args[2])
            return result
        return question

    # Saying No changes nothing.
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.No))
    panel.renew_all.click()
    assert f"{len(lapsed)}人" in asked[-1]
    with demo_db.session() as s:
        assert all(s.get(Volunteer, i).insurance_fy != fy for i in lapsed)
    # Renew the first one alone, then everyone left.
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Yes))
    panel.model.setData(panel.model.index(0, 0), Qt.Checked, Qt.CheckStateRole)
    panel.renew_checked.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(lapsed) - 1)
    assert "1人" in asked[-1]
    panel.renew_all.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert "保険未更新 0人" in screen.summary.text()
    with demo_db.session() as s:
        assert {s.get(Volunteer, i).insurance_fy for i in lapsed} == {fy}


def test_show_filter_insurance_lapsed_lists_them(qtbot, screen, demo_db):
    screen.show_filter("insurance_lapsed")
    panel = screen.search
    fy = fiscal_year_of(TODAY)
    rows = [panel.model.row_at(i) for i in range(panel.model.rowCount())]
    assert rows and all(r.active and r.insurance_fy != fy for r in rows)
    assert len(rows) == V.lapsed_insurance_count(demo_db, screen.ctx.user)


def test_page_shows_roles_watch_users_and_history(qtbot, screen, demo_db):
    from coordinator_app.core.models import WatchAssignment
    from coordinator_app.ui.volunteers.page import VolunteerPageDialog

    with demo_db.session() as s:
        vid = s.scalar(select(WatchAssignment.volunteer_id)
                       .join(Volunteer, Volunteer.id == WatchAssignment.volunteer_id)
                       .where(Volunteer.branch_id == screen.ctx.user.branch_id))
    detail = V.get_volunteer(demo_db, screen.ctx.user, vid)
    page = VolunteerPageDialog(screen.ctx, vid, screen)
    qtbot.addWidget(page)
    assert page.watch_model.rowCount() == len(detail.watch_users) > 0
    assert page.watch_model.data(page.watch_model.index(0, 0)) == detail.watch_users[0].name
    assert page.history_model.rowCount() == len(detail.activities)
    assert f"{len(detail.activities)}回" in page.history_box.title()
    labels = [page.info.itemAt(i, QFormLayout.FieldRole).widget().text()
              for i in range(page.info.rowCount())]
    role_labels = {r.code: r.label for r in V.list_roles(demo_db)}
    assert "・".join(role_labels[c] for c in detail.roles) in labels


def test_admin_adds_a_role_in_settings_and_the_form_offers_it(qtbot, demo_db):
    from coordinator_app.core.access import SignedIn
    from coordinator_app.ui.settings.screen import SettingsScreen
    from coordinator_app.ui.volunteers.form import VolunteerFormDialog

    admin = SignedIn(0, "admin", "管理者", "admin", None, None, None)
    admin_ctx = make_context(demo_db, admin)
    settings = SettingsScreen(admin_ctx)
    qtbot.addWidget(settings)
    admin_ctx.runner.wait()  # other tabs load off the UI thread; let them finish
    qtbot.wait(50)
    settings.show_filter("roles")
    tab = settings.tab("roles")
    assert tab is not None and settings.tabs.currentWidget() is tab
    assert [r.code for r in tab.model.rows][:2] == ["watch", "salon"]
    qtbot.keyClicks(tab.code, "shopping")
    type_japanese(tab.label, "買い物支援")
    tab.save_button.click()
    assert "shopping" in [r.code for r in tab.model.rows]
    ctx = make_context(demo_db, coordinator_of(demo_db, BRANCH))
    form = VolunteerFormDialog(ctx)
    qtbot.addWidget(form)
    assert form.role_boxes["shopping"].text() == "買い物支援"


def test_table_models_follow_the_qt_contract(qtmodeltester):
    from coordinator_app.services.volunteers import Participant, VolunteerRow
    from coordinator_app.ui.volunteers.tables import (
        ParticipantTableModel,
        VolunteerTableModel,
    )

    row = VolunteerRow(1, 1, "新井 一郎", "あらい いちろう", "individual", "048-000-7001",
                       "原市第1自治会", ("driver",), ("運転",), ((1, "am"),), 2025,
                       dt.date(2025, 4, 1), None, True)
    model = VolunteerTableModel({"driver": "運転"}, 2026, checkable=True)
    model.set_rows([row])
    qtmodeltester.check(model)
    assert model.data(model.index(0, model.COL_TIMES)) == "火午前"
    assert model.data(model.index(0, model.COL_INSURANCE)) == "令和7年度"
    participants = ParticipantTableModel()
    participants.set_rows([Participant(1, "新井 一郎", "あらい いちろう", 2.0)])
    qtmodeltester.check(participants)
    assert participants.setData(participants.index(0, 2), "1.5")
    assert participants.rows[0].hours == 1.5
