"""相談記録 screen, driven as a coordinator does: keyboard only, Japanese
typed as input-method commits, saving with Ctrl+Enter; then finding,
editing, deleting and undoing; and the tally file following exactly what
was entered."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from coordinator_app.core import counting
from coordinator_app.core.dates import era_of, fiscal_year_of
from coordinator_app.core.models import (
    AuditLog,
    Consultation,
    ConsultationCategory,
    Person,
    WatchUser,
)
from coordinator_app.services import consultations as svc
from coordinator_app.ui.consultations.follow_ups import CloseFollowUpDialog
from coordinator_app.ui.consultations.screen import (
    FOLLOW_UP_TAB,
    LIST_TAB,
    ConsultationsScreen,
)
from coordinator_app.ui.person_history import PersonHistoryDialog
from tests.conftest import TODAY
from tests.helpers import make_context, type_japanese

FOLLOW_UP = TODAY + dt.timedelta(days=7)
FOLLOW_UP_TYPED = f"{era_of(FOLLOW_UP)[2]}.{FOLLOW_UP.month}.{FOLLOW_UP.day}"  # 令和 n.m.d


@pytest.fixture
def screen(qtbot, demo_db, coordinator):
    ctx = make_context(demo_db, coordinator)
    widget = ConsultationsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    ctx.runner.wait()


@pytest.fixture
def answer(monkeypatch):
    """What the next confirmation question is answered with."""
    box = {"button": QMessageBox.Yes, "asked": 0}

    def question(*_args, **_kwargs):
        box["asked"] += 1
        return box["button"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda *a, **k: pytest.fail(f"unexpected warning: {a[2] if len(a) > 2 else a}")))
    return box


def closed(widget) -> bool:
    return not shiboken6.isValid(widget) or not widget.isVisible()


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def type_ascii(qtbot, text):
    qtbot.keyClicks(focused(), text)


def activate(qtbot, window):
    """Offscreen there is no window manager to activate windows."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_form(qtbot, screen):
    activate(qtbot, screen)
    qtbot.keyClick(screen.table, Qt.Key_N, Qt.ControlModifier)
    qtbot.waitUntil(lambda: screen.form is not None and screen.form.isVisible())
    form = screen.form
    activate(qtbot, form)
    qtbot.waitUntil(lambda: focused() is form.received_on.edit)
    return form


def _count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Consultation)
                        .where(Consultation.deleted_at.is_(None)))


def _record(db, consultation_id):
    with db.session() as s:
        c = s.get(Consultation, consultation_id)
        cats = set(s.scalars(select(ConsultationCategory.category_code)
                             .where(ConsultationCategory.consultation_id == consultation_id)))
        person = s.get(Person, c.person_id) if c.person_id else None
        return c, cats, person


def type_record_by_keyboard(qtbot, screen, *, kind="1", channel="2", from_whom="1",
                            categories=("1", "3"), response="2", referred="地域包括支援センター",
                            new_person=("検証 花子", "けんしょう はなこ", "048-000-9999"),
                            summary="買い物の支援について相談", follow_up=FOLLOW_UP_TYPED):
    """Fill the form with the keyboard only, in the paper form's order."""
    form = open_form(qtbot, screen)
    assert form.received_on.date() == TODAY  # today filled in
    press(qtbot, Qt.Key_Tab)
    assert focused() is form.received_at
    press(qtbot, Qt.Key_Tab)
    for row, key in ((form.kind, kind), (form.channel, channel), (form.from_whom, from_whom)):
        assert focused() is row
        type_ascii(qtbot, key)
        press(qtbot, Qt.Key_Tab)
    assert focused() is form.categories
    for key in categories:
        type_ascii(qtbot, key)
    press(qtbot, Qt.Key_Tab)
    assert focused() is form.response
    type_ascii(qtbot, response)
    press(qtbot, Qt.Key_Tab)
    if response == "1":
        assert focused() is form.urgent_note
        type_japanese(focused(), "救急車を要請し家族へ連絡")
        press(qtbot, Qt.Key_Tab)
    assert focused() is form.referred_to
    if referred:
        type_japanese(focused(), referred)
    press(qtbot, Qt.Key_Tab)
    assert focused() is form.person.search
    if new_person:
        press(qtbot, Qt.Key_Tab)  # the (empty) results
        press(qtbot, Qt.Key_Tab)
        assert focused() is form.person.is_new
        press(qtbot, Qt.Key_Space)
        assert focused() is form.person.new_name
        name, kana_text, phone = new_person
        type_japanese(focused(), name)
        press(qtbot, Qt.Key_Tab)
        type_japanese(focused(), kana_text)
        press(qtbot, Qt.Key_Tab)
        type_ascii(qtbot, phone)
        press(qtbot, Qt.Key_Tab)
        assert focused() is form.person.new_address  # then 住所 and 自治会 (issue 18)
        press(qtbot, Qt.Key_Tab)
        assert focused() is form.person.new_area
        press(qtbot, Qt.Key_Tab)
    else:
        for _ in range(3):  # results, 新しい人, then on to 内容
            press(qtbot, Qt.Key_Tab)
    assert focused() is form.summary
    type_japanese(focused(), summary)
    press(qtbot, Qt.Key_Tab)
    assert focused() is form.follow_up_on.edit
    if follow_up:
        type_ascii(qtbot, follow_up)
    return form


def save_with_ctrl_enter(qtbot, screen, form):
    before = _count(screen.ctx.db)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: closed(form), timeout=5000)
    activate(qtbot, screen)
    return before


def test_keyboard_only_record_find_edit_delete_undo(qtbot, screen, answer):
    db = screen.ctx.db
    form = type_record_by_keyboard(qtbot, screen)
    saved = []
    form.saved.connect(saved.append)
    before = save_with_ctrl_enter(qtbot, screen, form)
    assert _count(db) == before + 1
    c, cats, person = _record(db, saved[0])
    assert (c.received_on, c.kind, c.channel, c.from_whom, c.response) == (
        TODAY, "consultation", "phone", "self", "referred")
    assert cats == {"life", "care"} and c.referred_to == "地域包括支援センター"
    assert (person.name, person.kana, person.phone) == ("検証 花子", "けんしょう はなこ",
                                                        "048-000-9999")
    assert person.branch_id == screen.ctx.user.branch_id
    assert c.summary == "買い物の支援について相談" and c.follow_up_on == FOLLOW_UP
    assert c.staff_name == screen.ctx.user.display_name
    # The new record is selected at the top of the list and shown beside it.
    assert screen.selected_id() == saved[0]
    assert screen.detail.values["person"].text() == "検証 花子（けんしょう はなこ）"

    # Find it by ふりがな typed in katakana.
    qtbot.keyClick(screen.table, Qt.Key_F, Qt.ControlModifier)
    assert focused() is screen.search
    type_japanese(screen.search, "ケンショウ")
    qtbot.waitUntil(lambda: screen.model.query.text == "ケンショウ"
                    and screen.model.total == 1, timeout=5000)
    assert screen.model.data(screen.model.index(0, screen.model.COL_PERSON)) == "検証 花子"
    assert screen.count_label.text() == "1件"

    # Edit: Enter on the row, change 対応 to 傾聴・助言 (key 3), Ctrl+Enter.
    screen.table.setFocus()
    screen.table.selectRow(0)
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: screen.form is not None and screen.form.isVisible())
    edit = screen.form
    assert edit.consultation_id == saved[0] and edit.categories.values() == ["life", "care"]
    activate(qtbot, edit)
    edit.response.setFocus()
    type_ascii(qtbot, "3")
    save_with_ctrl_enter(qtbot, screen, edit)
    assert _record(db, saved[0])[0].response == "listened"
    assert _count(db) == before + 1

    # Delete (asks), then undo with Ctrl+Z.
    qtbot.waitUntil(lambda: screen.model.total == 1 and screen.selected_id() == saved[0])
    activate(qtbot, screen)
    screen.table.setFocus()
    screen.table.selectRow(0)
    press(qtbot, Qt.Key_Delete)
    assert answer["asked"] == 1
    qtbot.waitUntil(lambda: _record(db, saved[0])[0].deleted_at is not None, timeout=5000)
    qtbot.waitUntil(lambda: screen.model.total == 0)
    assert screen.undo_button.isVisible()
    assert _count(db) == before
    qtbot.keyClick(screen.table, Qt.Key_Z, Qt.ControlModifier)
    qtbot.waitUntil(lambda: _record(db, saved[0])[0].deleted_at is None, timeout=5000)
    qtbot.waitUntil(lambda: screen.model.total == 1)
    assert _count(db) == before + 1
    with db.session() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.entity == "consultation",
                                                          AuditLog.entity_id == saved[0],
                                                          AuditLog.action != "view")
                            .order_by(AuditLog.id)).all()
    assert actions == ["create", "update", "delete", "restore"]  # and views, when shown


def _valid_form(qtbot, screen):
    form = open_form(qtbot, screen)
    form.kind.setValue("consultation")
    form.channel.setValue("visit")
    form.from_whom.setValue("family")
    form.categories.setValues(["money"])
    form.response.setValue("listened")
    return form


def _clear_and_type(qtbot, line_edit, text):
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key_Delete)
    if text:
        qtbot.keyClicks(line_edit, text)


INVALID = {
    "no date": ("received_on", "受付日を入力してください",
                lambda qtbot, f: _clear_and_type(qtbot, f.received_on.edit, "")),
    "future date": ("received_on", "未来の日付は入力できません",
                    lambda qtbot, f: _clear_and_type(qtbot, f.received_on.edit,
                                                     (TODAY + dt.timedelta(days=1)).isoformat())),
    "unreadable date": ("received_on", "日付として読めません",
                        lambda qtbot, f: _clear_and_type(qtbot, f.received_on.edit, "12/34")),
    "no kind": ("kind", "区分を選んでください", lambda qtbot, f: f.kind.setValue("")),
    "no channel": ("channel", "受付方法を選んでください",
                   lambda qtbot, f: f.channel.setValue("")),
    "no from_whom": ("from_whom", "相談者を選んでください",
                     lambda qtbot, f: f.from_whom.setValue("")),
    "no category": ("categories", "相談内容を1つ以上選んでください",
                    lambda qtbot, f: f.categories.setValues([])),
    "no response": ("response", "対応を選んでください", lambda qtbot, f: f.response.setValue("")),
    "urgent without note": ("urgent_note", "緊急対応の場合は、行った対応を記入してください",
                            lambda qtbot, f: f.response.setValue("urgent")),
    "follow-up before received": (
        "follow_up_on", "フォロー日は受付日以降の日付にしてください",
        lambda qtbot, f: _clear_and_type(qtbot, f.follow_up_on.edit,
                                         (TODAY - dt.timedelta(days=1)).isoformat())),
    "unreadable follow-up": ("follow_up_on", "日付として読めません",
                             lambda qtbot, f: _clear_and_type(qtbot, f.follow_up_on.edit, "x")),
    "new person without name": ("person", "新しい人の氏名を入力してください",
                                lambda qtbot, f: f.person.is_new.setChecked(True)),
    "new person kana not kana": ("person", "ふりがなはかなで入力してください",
                                 lambda qtbot, f: (f.person.is_new.setChecked(True),
                                                   type_japanese(f.person.new_name, "検証 三郎"),
                                                   type_japanese(f.person.new_kana, "検証"))),
}


@pytest.mark.parametrize("case", list(INVALID))
def test_invalid_input_shows_its_message_and_saves_nothing(qtbot, screen, answer, case):
    field, message, spoil = INVALID[case]
    db = screen.ctx.db
    with db.session() as s:
        people_before = s.scalar(select(func.count()).select_from(Person))
    before = _count(db)
    form = _valid_form(qtbot, screen)
    spoil(qtbot, form)
    activate(qtbot, form)
    form.summary.setFocus()
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    assert message in form.error_text(field)
    assert form.isVisible()
    # Only the field at fault complains, and the focus is taken to it.
    assert [n for n in form.errors if form.error_text(n)] == [field]
    assert form.isAncestorOf(focused()) and (focused() is form._focus_widget(field))
    screen.ctx.runner.wait()
    assert _count(db) == before
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == people_before


def test_required_fields_are_marked_and_empty_form_lists_every_problem(qtbot, screen, answer):
    form = open_form(qtbot, screen)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    shown = {n for n in form.errors if form.error_text(n)}
    assert shown == {"kind", "channel", "from_whom", "categories", "response"}
    assert focused() is form.kind  # the first problem in the form's order
    titles = [w.text() for w in form.findChildren(type(form.errors["kind"]))]
    for label in ("受付日", "区分", "受付方法", "相談者", "相談内容", "対応"):
        assert any(t.startswith(label) and "*" in t for t in titles), label


def test_esc_asks_before_discarding_typed_text(qtbot, screen, answer):
    db = screen.ctx.db
    before = _count(db)
    form = open_form(qtbot, screen)
    press(qtbot, Qt.Key_Escape)  # nothing typed: closes without asking
    qtbot.waitUntil(lambda: closed(form))
    assert answer["asked"] == 0
    form = open_form(qtbot, screen)
    type_japanese(form.summary, "途中まで書いた内容")
    answer["button"] = QMessageBox.Cancel
    press(qtbot, Qt.Key_Escape)
    assert answer["asked"] == 1 and form.isVisible()
    answer["button"] = QMessageBox.Discard
    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: closed(form))
    assert _count(db) == before


def test_urgent_needs_a_note_and_keeps_it(qtbot, screen, answer):
    form = type_record_by_keyboard(qtbot, screen, response="1", referred="",
                                   new_person=None, follow_up="")
    saved = []
    form.saved.connect(saved.append)
    save_with_ctrl_enter(qtbot, screen, form)
    c, _, person = _record(screen.ctx.db, saved[0])
    assert (c.response, c.urgent_note, person) == ("urgent", "救急車を要請し家族へ連絡", None)


def _tally(db, fy=fiscal_year_of(TODAY)) -> Counter:
    with db.session() as s:
        rows = counting.compute(s, fy, ["01"])
    return Counter({(r.month, r.measure, r.breakdown, r.key): r.count for r in rows})


def test_tallies_change_by_exactly_what_was_entered(qtbot, screen, answer):
    db = screen.ctx.db
    before = _tally(db)
    first = type_record_by_keyboard(qtbot, screen, kind="1", channel="2", from_whom="1",
                                    categories=("1", "3"), response="2", new_person=None)
    save_with_ctrl_enter(qtbot, screen, first)
    second = type_record_by_keyboard(qtbot, screen, kind="2", channel="1", from_whom="4",
                                     categories=("2",), response="3", referred="",
                                     new_person=None, follow_up="")
    ids = []
    second.saved.connect(ids.append)
    save_with_ctrl_enter(qtbot, screen, second)
    after = _tally(db)
    month = f"{TODAY:%Y-%m}"
    expected = Counter({
        (month, "consultations", "total", ""): 2,
        (month, "consultations", "kind", "consultation"): 1,
        (month, "consultations", "kind", "contact"): 1,
        (month, "consultations", "channel", "phone"): 1,
        (month, "consultations", "channel", "visit"): 1,
        (month, "consultations", "from_whom", "self"): 1,
        (month, "consultations", "from_whom", "community"): 1,
        (month, "consultations", "response", "referred"): 1,
        (month, "consultations", "response", "listened"): 1,
        (month, "consultations", "category", "life"): 1,
        (month, "consultations", "category", "care"): 1,
        (month, "consultations", "category", "money"): 1,
    })
    diff = Counter(after)
    diff.subtract(before)
    assert +diff == expected and -diff == Counter()
    # Deleting the second through the screen takes exactly it away again.
    assert screen.select_record(ids[0])
    screen.table.setFocus()
    press(qtbot, Qt.Key_Delete)
    qtbot.waitUntil(lambda: _record(db, ids[0])[0].deleted_at is not None, timeout=5000)
    diff = Counter(_tally(db))
    diff.subtract(before)
    first_only = Counter({(month, "consultations", b, k): 1 for b, k in (
        ("total", ""), ("kind", "consultation"), ("channel", "phone"), ("from_whom", "self"),
        ("response", "referred"), ("category", "life"), ("category", "care"))})
    assert +diff == first_only and -diff == Counter()


def test_filters_and_show_filter(qtbot, screen, answer):
    # This month holds a contact even when TODAY is its first day.
    svc.create_consultation(screen.ctx.db, screen.ctx.user, svc.ConsultationDraft(
        received_on=TODAY, kind="contact", channel="phone", from_whom="agency",
        categories=["life"], response="listened"))
    screen.ctx.notify("consultation")
    screen.show_filter("this_month")
    assert screen.tabs.currentIndex() == LIST_TAB
    first, last = svc.period_range("this_month")
    expected = svc.count_consultations(screen.ctx.db, screen.ctx.user,
                                       svc.ListQuery(date_from=first, date_to=last))
    assert screen.model.total == expected
    assert screen.period.currentData() == "this_month"
    screen.kind.setCurrentIndex(screen.kind.findData("contact"))
    qtbot.waitUntil(lambda: screen.model.total is not None, timeout=5000)
    rows = [screen.model.row_at(i) for i in range(screen.model.rowCount())]
    assert rows and all(r.kind == "contact" and first <= r.received_on <= last for r in rows)
    assert screen.model.data(screen.model.index(0, screen.model.COL_KIND)) == "連絡・問い合わせ"
    screen.show_filter("all")
    assert screen.kind.currentData() == "" and screen.period.currentData() == ""
    assert screen.model.total == svc.count_consultations(screen.ctx.db, screen.ctx.user,
                                                         svc.ListQuery())


def test_follow_ups_due_open_from_home_and_close_with_outcome(qtbot, screen, answer):
    db, user = screen.ctx.db, screen.ctx.user
    old = svc.create_consultation(db, user, svc.ConsultationDraft(
        received_on=dt.date(2026, 1, 5), kind="consultation", channel="phone",
        from_whom="self", categories=["life"], response="listened",
        follow_up_on=dt.date(2026, 1, 10)))
    screen.ctx.notify("consultation")
    screen.show_filter("follow_up_due")
    view = screen.follow_ups
    assert screen.tabs.currentIndex() == FOLLOW_UP_TAB
    assert screen.tabs.tabText(FOLLOW_UP_TAB).startswith("要フォロー (")
    dues = [view.model.row_at(i).follow_up_on for i in range(view.model.rowCount())]
    assert dues == sorted(dues) and view.model.row_at(0).id == old
    view.table.setFocus()
    view.table.selectRow(0)
    press(qtbot, Qt.Key_Return)
    dialog = view.findChild(CloseFollowUpDialog)
    qtbot.waitUntil(lambda: dialog.isVisible())
    activate(qtbot, dialog)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)  # no outcome yet
    assert dialog.error.text() == "フォローの結果を入力してください" and dialog.isVisible()
    type_japanese(dialog.outcome, "包括が訪問し解決")
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    d = svc.get_consultation(db, user, old)
    assert (d.follow_up_closed_on, d.follow_up_outcome) == (TODAY, "包括が訪問し解決")
    qtbot.waitUntil(lambda: old not in {view.model.row_at(i).id
                                        for i in range(view.model.rowCount())})


def test_person_history_from_a_record_is_read_only_and_audited(qtbot, screen, answer):
    db, user = screen.ctx.db, screen.ctx.user
    with db.session() as s:
        watch = s.scalar(select(WatchUser).where(WatchUser.branch_id == user.branch_id))
    cid = svc.create_consultation(db, user, svc.ConsultationDraft(
        received_on=TODAY, kind="consultation", channel="visit", from_whom="self",
        categories=["health"], response="listened", person_id=watch.person_id,
        summary="体調の相談"))
    screen.ctx.notify("consultation")
    assert screen.select_record(cid)
    screen.table.setFocus()
    press(qtbot, Qt.Key_H, Qt.ControlModifier)
    dialog = screen.findChild(PersonHistoryDialog)
    assert dialog is not None and dialog.isVisible()
    assert cid in [r.id for r in dialog.consultations.rows]
    assert dialog.contacts.rowCount() > 0
    assert dialog.history.enrolments[0].id == watch.id
    with db.session() as s:
        views = s.scalars(select(AuditLog.entity_id).where(AuditLog.action == "view",
                                                           AuditLog.entity == "person")).all()
    assert views == [watch.person_id]
    dialog.close()


def test_admin_restores_a_deleted_record(qtbot, demo_db, coordinator):
    from coordinator_app.core.access import SignedIn
    from coordinator_app.ui.consultations.deleted import DeletedConsultationsView

    cid = svc.create_consultation(demo_db, coordinator, svc.ConsultationDraft(
        received_on=TODAY, kind="contact", channel="phone", from_whom="agency",
        categories=["other"], response="listened", summary="秘密の内容"))
    svc.delete_consultation(demo_db, coordinator, cid)
    admin = SignedIn(0, "admin", "管理者", "admin", None, None, None)
    ctx = make_context(demo_db, admin)
    view = DeletedConsultationsView(ctx)
    qtbot.addWidget(view)
    shown = [view.model.data(view.model.index(0, c)) for c in range(view.model.columnCount())]
    # the branch's 相談番号, not the database id (issue 18)
    assert shown[0] == svc.record_number(demo_db, coordinator, cid) != str(cid)
    assert not any("秘密" in (t or "") for t in shown)
    view.restore_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5000)
    assert svc.get_consultation(demo_db, coordinator, cid).summary == "秘密の内容"

