"""見守り screen, driven as a coordinator would: enrol, assign a pair,
record contacts by keyboard, 異変あり to 要フォロー, end an enrolment,
the worklist against the tally, a roll-call from start to finish."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from coordinator_app.core import counting
from coordinator_app.core.dates import fiscal_year_of, format_wareki, month_key
from coordinator_app.core.models import (
    Consultation,
    Person,
    RollcallEntry,
    WatchAssignment,
    WatchContact,
    WatchContactVolunteer,
    WatchUser,
)
from coordinator_app.services import watch
from tests.conftest import TODAY, coordinator_of
from tests.helpers import make_context, type_japanese

FY = fiscal_year_of(TODAY)


@pytest.fixture
def screen(qtbot, demo_db):
    from coordinator_app.ui.watch.screen import WatchScreen

    ctx = make_context(demo_db, coordinator_of(demo_db, "01"))
    seen: list[str] = []
    ctx.changes.changed.connect(seen.append)
    w = WatchScreen(ctx, today=TODAY)
    w.seen = seen
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    wait_loaded(qtbot, w.worklist)
    yield w
    ctx.runner.wait()


def wait_loaded(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.loading and page.worklist is not None, timeout=10000)


def test_service_layer_is_qt_free():
    code = ("import sys, coordinator_app.services.watch, coordinator_app.core.counting; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_enrol_new_resident_with_a_pair_by_keyboard(qtbot, screen, demo_db):
    qtbot.keyClick(screen, Qt.Key_N, Qt.ControlModifier)
    dialog = screen.users.dialog
    assert dialog is not None and screen.tabs.currentWidget() is screen.users
    dialog.picker.is_new.setChecked(True)
    type_japanese(dialog.picker.new_name, "登録 試子")
    type_japanese(dialog.picker.new_kana, "とうろく ためこ")
    qtbot.keyClicks(dialog.phone, "048-000-7777")
    type_japanese(dialog.address, "上尾市見本町99-1")
    dialog.area.setFocus()
    type_japanese(dialog.area.lineEdit(), "上尾東第2自治会")
    type_japanese(dialog.emergency, "長女 048-000-1111")
    dialog.method_boxes["phone"].setFocus()
    qtbot.keyClick(dialog.method_boxes["phone"], Qt.Key_Space)
    # The pair: the first two cooperators, chosen with Space.
    table = dialog.coop_table
    table.setFocus()
    table.setCurrentIndex(dialog.coop_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key_Space)
    qtbot.keyClick(table, Qt.Key_Down)
    qtbot.keyClick(table, Qt.Key_Space)
    assert "2人を選択" in dialog.coop_count.text()
    pair = dialog.coop_model.checked_ids()
    qtbot.keyClick(dialog.emergency, Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    with demo_db.session() as s:
        wu = s.get(WatchUser, dialog.watch_user_id)
        person = s.get(Person, wu.person_id)
        assigned = set(s.scalars(select(WatchAssignment.volunteer_id)
                                 .where(WatchAssignment.watch_user_id == wu.id)).all())
    assert (person.name, person.kana, person.phone) == ("登録 試子", "とうろく ためこ",
                                                       "048-000-7777")
    assert wu.methods == "visit;phone" and wu.frequency_days == 31 and wu.enrolled_on == TODAY
    assert wu.emergency_contact == "長女 048-000-1111" and assigned == set(pair)
    assert "watch" in screen.seen
    # It is in this month's worklist, not yet reached, with its pair.
    wait_loaded(qtbot, screen.worklist)
    qtbot.waitUntil(lambda: screen.worklist.model.index_of(wu.id) >= 0, timeout=5000)
    row = screen.worklist.model.row_at(screen.worklist.model.index_of(wu.id))
    assert not row.reached and {c.id for c in row.cooperators} == set(pair)


def test_enrol_an_existing_person_picked_by_search(qtbot, screen, demo_db):
    coord = screen.ctx.user
    with demo_db.session() as s:
        enrolled = select(WatchUser.person_id)
        person = s.scalars(select(Person).where(Person.branch_id == coord.branch_id,
                                                Person.id.not_in(enrolled),
                                                Person.kana != "")).first()
    screen.enrol()
    dialog = screen.users.dialog
    type_japanese(dialog.picker.search, person.kana)
    qtbot.keyClick(dialog.picker.search, Qt.Key_Return)
    assert dialog.picker.person_id() == person.id
    assert dialog.phone.text() == person.phone
    dialog.accept()
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    with demo_db.session() as s:
        assert s.get(WatchUser, dialog.watch_user_id).person_id == person.id


def test_record_contacts_by_keyboard_moves_to_next_user(qtbot, screen, demo_db):
    page = screen.worklist
    first, second, third = (page.model.row_at(i) for i in range(3))
    page.table.setFocus()
    page.select_row(0)
    qtbot.keyClick(page.table, Qt.Key_Return)  # to the result
    assert page.panel.results.hasFocus() or page.panel.focusWidget() is page.panel.results
    qtbot.keyClick(page.panel.results, Qt.Key_1)
    qtbot.keyClick(page.panel.results, Qt.Key_Return)
    assert page.table.currentIndex().row() == 1
    assert page.panel.who.text().startswith(second.name)
    # Second user: 不在 with a note; Enter in the note saves.
    qtbot.keyClick(page.panel.results, Qt.Key_2)
    qtbot.keyClicks(page.panel.note, "posuto ni memo")
    qtbot.keyClick(page.panel.note, Qt.Key_Return)
    assert page.table.currentIndex().row() == 2
    # Third user: a visit (↑ from 電話) preselects the assigned cooperators.
    page.panel.method.setFocus()
    qtbot.keyClick(page.panel.method, Qt.Key_Up)
    assert page.panel.method.currentData() == "visit"
    if third.cooperators:
        assert not page.panel.staff.isChecked()
    qtbot.keyClick(page.panel.results, Qt.Key_1)
    qtbot.keyClick(page.panel.results, Qt.Key_Return)
    with demo_db.session() as s:
        def today_contacts(uid):
            return s.scalars(select(WatchContact).where(WatchContact.watch_user_id == uid,
                                                        WatchContact.contacted_on == TODAY)
                             .order_by(WatchContact.id.desc())).all()
        a, b, c = today_contacts(first.watch_user_id)[0], \
            today_contacts(second.watch_user_id)[0], today_contacts(third.watch_user_id)[0]
        doers = set(s.scalars(select(WatchContactVolunteer.volunteer_id)
                              .where(WatchContactVolunteer.contact_id == c.id)).all())
    assert (a.method, a.result, a.by_staff) == ("phone", "ok", True)
    assert (b.result, b.note) == ("absent", "posuto ni memo")
    assert c.method == "visit"
    if third.cooperators:
        assert doers == {co.id for co in third.cooperators} and not c.by_staff
    # The rows stay in place, refreshed; the summary is recounted.
    assert page.model.row_at(0).watch_user_id == first.watch_user_id
    assert page.model.row_at(0).reached
    wait_loaded(qtbot, page)
    assert screen.seen.count("watch") == 3


def test_saving_the_last_user_clears_the_entry(qtbot, screen, demo_db):
    page = screen.worklist
    last = page.model.rowCount() - 1
    page.select_row(last)
    qtbot.keyClick(page.panel.results, Qt.Key_1)
    qtbot.keyClick(page.panel.results, Qt.Key_Return)
    assert page.table.currentIndex().row() == last
    assert page.panel.results.result() is None and "一覧の最後" in page.panel.message.text()
    assert page.model.row_at(last).reached


def test_result_is_required_and_nothing_is_saved(qtbot, screen, demo_db):
    page = screen.worklist
    with demo_db.session() as s:
        before = len(s.scalars(select(WatchContact.id)).all())
    page.select_row(0)
    qtbot.keyClick(page.panel.results, Qt.Key_Return)
    assert "結果を" in page.panel.message.text()
    with demo_db.session() as s:
        assert len(s.scalars(select(WatchContact.id)).all()) == before


def test_concern_creates_a_linked_follow_up_seen_in_follow_up_query(qtbot, screen, demo_db):
    page = screen.worklist
    page.select_row(0)
    user = page.model.row_at(0)
    qtbot.keyClick(page.table, Qt.Key_Return)
    qtbot.keyClick(page.panel.results, Qt.Key_3)
    qtbot.keyClick(page.panel.results, Qt.Key_Return)
    dialog = page.panel.concern_dialog
    assert dialog is not None and dialog.isVisible()
    # Nothing noticed: refused, nothing saved.
    qtbot.keyClick(dialog.noticed, Qt.Key_Return)
    assert "気づいたこと" in dialog.error.text() and dialog.isVisible()
    type_japanese(dialog.noticed, "新聞が3日分たまっている")
    dialog.category.setFocus()
    qtbot.keyClick(dialog.category, Qt.Key_Down)  # 健康・医療
    qtbot.keyClick(dialog.noticed, Qt.Key_Return)
    assert not dialog.isVisible()
    with demo_db.session() as s:
        contact = s.scalars(select(WatchContact).where(
            WatchContact.watch_user_id == user.watch_user_id)
            .order_by(WatchContact.id.desc())).first()
        # 要フォロー: due today or before, not closed.
        due = s.scalars(select(Consultation).where(
            Consultation.branch_id == screen.ctx.user.branch_id,
            Consultation.deleted_at.is_(None), Consultation.follow_up_on <= TODAY,
            Consultation.follow_up_closed_on.is_(None))).all()
    assert contact.result == "concern" and contact.consultation_id is not None
    linked = next(c for c in due if c.id == contact.consultation_id)
    assert linked.person_id == user.person_id
    assert "新聞が3日分" in linked.summary and linked.follow_up_on == TODAY
    assert {"watch", "consultation"} <= set(screen.seen)
    assert page.model.row_at(0).state == "concern"
    assert page.table.currentIndex().row() == 1


def test_end_enrolment_user_leaves_worklist(qtbot, screen, demo_db):
    target = screen.worklist.model.row_at(0)
    screen.tabs.setCurrentWidget(screen.users)
    users = screen.users
    users.table.selectRow([r.id for r in users.model.rows].index(target.watch_user_id))
    users.end_button.click()
    dialog = users.dialog
    qtbot.keyClick(dialog.ended.edit, Qt.Key_Return)
    assert "終了理由" in dialog.error.text()  # nothing chosen yet: refused
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key_Down)  # 施設入所
    dialog.accept()
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    with demo_db.session() as s:
        wu = s.get(WatchUser, target.watch_user_id)
    assert (wu.ended_on, wu.end_reason) == (TODAY, "facility")
    wait_loaded(qtbot, screen.worklist)
    qtbot.waitUntil(lambda: screen.worklist.model.index_of(target.watch_user_id) < 0
                    and not screen.worklist.loading, timeout=5000)
    assert target.watch_user_id not in [r.id for r in users.model.rows]
    users.include_ended.setChecked(True)
    assert target.watch_user_id in [r.id for r in users.model.rows]


def test_worklist_unreached_equals_tally_month_by_month(qtbot, screen, demo_db):
    page = screen.worklist
    with demo_db.session() as s:
        rows = counting.compute(s, FY, ["01"]) + counting.compute(s, FY - 1, ["01"])
    months = [m for m in counting.fiscal_month_keys(FY - 1) + counting.fiscal_month_keys(FY)
              if page.month.findData(m) >= 0]
    assert len(months) >= 12
    for m in months:
        expected = [r.count for r in rows if r.month == counting.month_text(m)
                    and r.measure == "watch_users_unreached" and r.breakdown == "total"][0]
        page.set_filter(state="unreached", month=m)
        wait_loaded(qtbot, page)
        assert page.worklist.unreached == expected == page.model.rowCount(), m
        assert "未連絡 <b" in page.summary.text()


def test_home_number_opens_the_unreached_worklist(qtbot, screen, demo_db):
    from coordinator_app.services.home import home_figures
    from coordinator_app.ui.screens import build_screen, spec_of
    from coordinator_app.ui.watch.screen import WatchScreen

    assert isinstance(build_screen(spec_of("watch"), screen.ctx), WatchScreen)
    screen.tabs.setCurrentWidget(screen.users)
    screen.show_filter("unreached")
    wait_loaded(qtbot, screen.worklist)
    assert screen.tabs.currentWidget() is screen.worklist
    expected = home_figures(demo_db, screen.ctx.user, TODAY).watch_unreached
    assert expected == watch.unreached_count(demo_db, screen.ctx.user, month_key(TODAY))
    assert screen.worklist.model.rowCount() == expected > 0
    assert all(not r.reached for r in screen.worklist.model.rows)


def test_filter_by_area_and_cooperator(qtbot, screen, demo_db):
    page = screen.worklist
    area_id = page.area.itemData(1)
    page.set_filter(area_id=area_id)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() and all(r.area_id == area_id for r in page.model.rows)
    coop_id = page.cooperator.itemData(1)
    page.set_filter(volunteer_id=coop_id)
    wait_loaded(qtbot, page)
    assert all(any(c.id == coop_id for c in r.cooperators) for r in page.model.rows)


def test_cooperators_page_flags_unassigned_and_shows_a_cooperators_users(qtbot, screen):
    screen.tabs.setCurrentWidget(screen.cooperators)
    page = screen.cooperators
    assert page.model.rowCount() > 0
    assert "未割当の利用者" in page.flag.text() and "2人" in page.flag.text()
    page.table.selectRow(0)
    row = page.current()
    assert sorted(r.name for r in page.users_model.rows) == sorted(row.users)
    screen.show_filter("no_cooperator")
    wait_loaded(qtbot, screen.worklist)
    assert screen.worklist.model.rowCount() == 2
    assert all(r.no_cooperator for r in screen.worklist.model.rows)


def test_rollcall_from_start_to_finish(qtbot, screen, demo_db, monkeypatch):
    from coordinator_app.ui.watch.models import RollcallModel

    monkeypatch.setattr(RollcallModel, "PAGE", 4)  # lazy paging exercised
    screen.tabs.setCurrentWidget(screen.rollcall)
    rc = screen.rollcall
    rc.confirm = False
    rc.start()
    total = rc.rollcall.progress.total
    assert total == watch.worklist(demo_db, screen.ctx.user, today=TODAY).total
    assert rc.model.loaded() < total  # only the first page so far
    assert f"確認 0 / {total}" in rc.progress_label.text()
    keys = [Qt.Key_1, Qt.Key_2, Qt.Key_3]
    for n in range(total):
        qtbot.keyClick(rc.table, keys[n % 3])
        assert f"確認 {n + 1} / {total}" in rc.progress_label.text()
    assert "全員の確認が終わりました" in rc.message.text()
    # A correction: ↑ then 0 puts one back, 1 marks it safe again.
    qtbot.keyClick(rc.table, Qt.Key_Up)
    qtbot.keyClick(rc.table, Qt.Key_0)
    assert f"確認 {total - 1} / {total}" in rc.progress_label.text()
    qtbot.keyClick(rc.table, Qt.Key_1)
    assert f"確認 {total} / {total}" in rc.progress_label.text()
    rc.close_rollcall()
    assert not rc.close_button.isEnabled()
    with demo_db.session() as s:
        entries = s.scalars(select(RollcallEntry).where(
            RollcallEntry.rollcall_id == rc.rollcall.id)).all()
    assert len(entries) == total
    assert all(e.status != "unchecked" and e.checked_at is not None for e in entries)
    assert {e.status for e in entries} == {"safe", "needs_help", "unreachable"}
    before = [e.status for e in entries]
    qtbot.keyClick(rc.table, Qt.Key_2)  # closed: nothing changes
    with demo_db.session() as s:
        assert [e.status for e in s.scalars(select(RollcallEntry).where(
            RollcallEntry.rollcall_id == rc.rollcall.id)).all()] == before
    assert "終了" in rc.message.text()


def test_stock_figures_tab(qtbot, screen):
    screen.show_filter("stock")
    page = screen.stock
    march_31 = dt.date(TODAY.year if TODAY >= dt.date(TODAY.year, 3, 31) else TODAY.year - 1, 3, 31)
    assert f"{format_wareki(march_31)} 現在" in page.heading.text()  # the last fiscal year's end
    figures = watch.stock_figures(screen.ctx.db, screen.ctx.user, today=TODAY)
    assert page.users.text() == f"{figures.users}人"
    assert page.cooperators.text() == f"{figures.cooperators}人"
    page.as_of.setDate(dt.date(2025, 3, 31))
    page.reload()
    assert "令和7年3月31日" in page.heading.text()
