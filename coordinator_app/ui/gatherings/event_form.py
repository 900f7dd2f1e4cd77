"""行事の入力: an event held on a day — a course, a 懇談会, a meeting, or a
group's regular meeting (a salon).

Keyboard: Tab goes through the fields in order; Enter (or Ctrl+Enter)
saves from any field except the name search, where Enter adds the person
found; Esc closes. Each problem is shown in Japanese under its field and
nothing is saved until the record is whole.

Quick entry of a group's meetings: choosing the group fills in the date
its pattern proposes, its kind, name and 自治会, and checks its regulars;
type the head count and press Enter. A new record leaves the form open,
with the group's next meeting proposed, for the next one.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import format_wareki, month_key
from coordinator_app.services import gatherings as svc
from coordinator_app.services import saving
from coordinator_app.services.gatherings import EventInput
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.gatherings.common import CountEdit
from coordinator_app.ui.gatherings.pickers import NamedPicker
from coordinator_app.ui.saving import SaveNotice, run_save
from coordinator_app.ui.widgets import DateLineEdit, FieldGrid, save_shortcuts

FIELD_ORDER = ("held_on", "group_id", "kind", "title", "area_id", "participants", "volunteers",
               "attendees", "note")


class EventFormDialog(QDialog):
    """A new event (``event_id`` None; ``group_id`` starts the quick entry
    of that group's meetings) or an existing one. ``saved(id)`` after each
    write (done off the UI thread)."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, event_id: int | None = None,
                 group_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.event_id = event_id
        self._saving = False
        self._follow = True  # the counts follow the checked names until typed
        self.setWindowTitle(self.tr("行事の編集") if event_id else self.tr("行事の入力"))
        self.setMinimumSize(880, 600)
        existing = svc.get_event(ctx.db, ctx.user, event_id) if event_id is not None else None
        self.base_version = existing.version if existing else None  # see services.saving
        self._build(existing.kind if existing else "")
        self._connect()
        if existing is not None:
            self._fill(existing)
            self._follow = False
        else:
            self.held_on.setDate(clock.today())
            self._reload_groups()
            if group_id is not None:
                self.choose_group(group_id)
        self.held_on.setFocus()
        if group_id is not None:
            self.participants.setFocus()
            self.participants.selectAll()
        self._initial = self._snapshot()

    # --- building ---------------------------------------------------------------------

    def _build(self, own_kind: str) -> None:
        db, user = self.ctx.db, self.ctx.user
        self.held_on = DateLineEdit(self, required=True)
        self.group = QComboBox(self)
        self.group.setMinimumContentsLength(16)
        self.next_hint = QLabel(self)
        self.next_hint.setStyleSheet("color: #555;")
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("（選んでください）"), "")
        for code, label in svc.event_kinds(db, include=own_kind):
            self.kind.addItem(label, code)
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("例: 地域の担い手育成講座（第1回）"))
        self.area = QComboBox(self)
        self.area.addItem(self.tr("（なし）"), None)
        for area_id, name in svc.branch_areas(db, user):
            self.area.addItem(name, area_id)
        self.participants = CountEdit(self)
        self.volunteers = CountEdit(self)
        self.attendees = NamedPicker(ctx=self.ctx, parent=self, placeholder=self.tr(
            "名前を記録するときは、氏名・ふりがなで検索して Enter"))
        self.note = QLineEdit(self)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存 (Enter)"), self)
        self.close_button = QPushButton(self.tr("閉じる (Esc)"), self)
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)

        header = QLabel(self.tr("支部: {0}").format(user.branch_name or ""), self)
        header.setStyleSheet("font-weight: bold;")
        grid = QGridLayout()
        self.fields = FieldGrid(self, grid)
        group_row = QHBoxLayout()
        group_row.addWidget(self.group, 1)
        group_row.addWidget(self.next_hint, 1)
        counts = QHBoxLayout()
        counts.addWidget(self.participants)
        counts.addWidget(QLabel(self.tr("人（ボランティアも含めた全員）"), self))
        counts.addSpacing(24)
        counts.addWidget(QLabel(self.tr("うちボランティア"), self))
        counts.addWidget(self.volunteers)
        counts.addWidget(QLabel(self.tr("人"), self))
        counts.addStretch(1)
        self.fields.row("held_on", self.tr("開催日"), self.held_on, True)
        self.fields.row("group_id", self.tr("グループ"), group_row)
        self.fields.row("kind", self.tr("種別"), self.kind, True)
        self.fields.row("title", self.tr("名称"), self.title, True)
        self.fields.row("area_id", self.tr("自治会"), self.area)
        self.fields.row("participants", self.tr("参加人数"), counts, True)
        self.fields.error_line("volunteers")
        self.fields.row("attendees", self.tr("参加者の名前"), self.attendees)
        self.fields.row("note", self.tr("メモ"), self.note)
        grid.setRowStretch(grid.rowCount() - 4, 1)  # the names grow
        hint = QLabel(self.tr("* は必須。Tab で次の項目へ、Enter で保存。"
                              "参加者の名前は任意（講座の修了確認、常連の出欠）。"), self)
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status)
        self.notice = SaveNotice(self)  # someone saved first / the connection dropped
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        chain = [self.held_on.edit, self.group, self.kind, self.title, self.area,
                 self.participants, self.volunteers, self.attendees.search,
                 self.attendees.results, self.attendees.picked, self.note, self.save_button,
                 self.close_button]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        save_shortcuts(self, self.save, self.save_button)
        self.held_on.dateChanged.connect(self._date_changed)
        self.group.activated.connect(lambda _i: self.choose_group(self.group.currentData()))
        self.attendees.changed.connect(self._names_changed)
        self.participants.textEdited.connect(self._typed_count)
        self.volunteers.textEdited.connect(self._typed_count)

    # --- values -------------------------------------------------------------------------

    def _reload_groups(self, keep: int | None = None) -> None:
        """The branch's groups active on the date (and the chosen one, marked
        when it is not active that day, so its error can be read)."""
        day = self.held_on.date() or clock.today()
        groups = svc.groups_on(self.ctx.db, self.ctx.user, day)
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("（グループの行事ではない）"), None)
        for gid, name in groups:
            self.group.addItem(name, gid)
        if keep is not None and keep not in [g for g, _ in groups]:
            name = self._group_name(keep)
            self.group.addItem(self.tr("{0}（この日は活動期間外）").format(name), keep)
        index = self.group.findData(keep)
        self.group.setCurrentIndex(max(index, 0))
        self.group.blockSignals(False)

    def _group_name(self, group_id: int) -> str:
        return svc.get_group(self.ctx.db, self.ctx.user, group_id).data.name

    def _date_changed(self, _day) -> None:
        self._reload_groups(self.group.currentData())
        self.attendees.day = self.held_on.date()

    def choose_group(self, group_id: int | None) -> None:
        """A group chosen for a new event: its next meeting as proposed."""
        if group_id is None:
            self.next_hint.clear()
            return
        if self.event_id is not None:  # editing: only the group changes
            return
        self._apply(svc.meeting_draft(self.ctx.db, self.ctx.user, group_id))
        self.next_hint.setText(self.tr("開催の目安: {0}").format(
            svc.get_group(self.ctx.db, self.ctx.user, group_id).data.pattern or self.tr("未記入")))

    def _apply(self, draft: EventInput) -> None:
        self.held_on.setDate(draft.held_on)
        self._reload_groups(draft.group_id)
        self.kind.setCurrentIndex(max(self.kind.findData(draft.kind), 0))
        self.title.setText(draft.title)
        self.area.setCurrentIndex(max(self.area.findData(draft.area_id), 0))
        self.attendees.day = draft.held_on
        self._follow = True
        self.attendees.set_people(draft.attendees)
        self.participants.set_value(draft.participants)
        self.volunteers.set_value(draft.volunteers)
        self.note.clear()

    def _fill(self, data: EventInput) -> None:
        self.held_on.setDate(data.held_on)
        self._reload_groups(data.group_id)
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        self.title.setText(data.title)
        self.area.setCurrentIndex(max(self.area.findData(data.area_id), 0))
        self.attendees.day = data.held_on
        self.attendees.set_people(data.attendees)
        self.participants.set_value(data.participants)
        self.volunteers.set_value(data.volunteers)
        self.note.setText(data.note)

    def _typed_count(self, _text: str) -> None:
        self._follow = False

    def _names_changed(self) -> None:
        """Until a count is typed, the counts are the names checked (at least)."""
        if not self._follow:
            return
        people = self.attendees.people()
        self.participants.set_value(len(people))
        self.volunteers.set_value(sum(1 for n in people if n.volunteer_id))

    def draft(self) -> EventInput:
        volunteers = self.volunteers.value()
        return EventInput(held_on=self.held_on.date(), kind=self.kind.currentData() or "",
                          title=self.title.text(), area_id=self.area.currentData(),
                          group_id=self.group.currentData(),
                          participants=self.participants.value(),
                          volunteers=0 if volunteers is None else volunteers,
                          note=self.note.text(), attendees=self.attendees.people())

    # --- save -------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        """Enter saves from any field that does not use it itself."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & ~(
                Qt.KeypadModifier):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            else:
                self.save()
            return
        super().keyPressEvent(event)

    def save(self) -> None:
        if self._saving:
            return
        data = self.draft()
        if self.held_on.text().strip() and self.held_on.error():
            self._show({"held_on": self.held_on.error()})  # what is wrong with the typed date
            return
        if self.event_id is None and self._already_met(data) and QMessageBox.question(
                self, self.tr("同じ日の行事"),
                self.tr("このグループのこの日の行事はすでに入力されています。"
                        "もう1件入力しますか？"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return  # a second Enter after saving, most likely
        self._saving = True
        self.save_button.setEnabled(False)
        data.version = self.base_version
        db, user, eid = self.ctx.db, self.ctx.user, self.event_id
        key = saving.new_key() if eid is None else None  # kept through the save's retries
        run_save(self.ctx.runner, lambda: svc.save_event(db, user, data, eid, client_key=key),
                 on_done=lambda new_id: self._saved(new_id, data), on_error=self._failed,
                 on_reconnecting=self.notice.reconnecting)

    def _already_met(self, data: EventInput) -> bool:
        if data.group_id is None or data.held_on is None:
            return False
        same_month = svc.list_events(self.ctx.db, self.ctx.user, svc.EventQuery(
            month=month_key(data.held_on), group_id=data.group_id))
        return any(r.held_on == data.held_on for r in same_month)

    def _show(self, errors: dict[str, str]) -> None:
        self.fields.show(errors)
        if errors:
            self.status.clear()
            first = next((n for n in FIELD_ORDER if n in errors), None)
            widget = {"held_on": self.held_on, "group_id": self.group, "kind": self.kind,
                      "title": self.title, "area_id": self.area,
                      "participants": self.participants, "volunteers": self.volunteers,
                      "attendees": self.participants, "note": self.note}.get(first)
            if widget is not None:
                widget.setFocus()

    def error_text(self, name: str) -> str:
        return self.fields.text(name)

    def _saved(self, event_id: int, data: EventInput) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.notice.clear()
        self.fields.show({})
        self.ctx.notify("event")
        self.saved.emit(event_id)
        if self.event_id is not None:
            self.accept()
            return
        self.status.setText(self.tr("保存しました: {0} {1} {2}人。続けて次の行事を入力できます。")
                            .format(format_wareki(data.held_on, weekday=True), data.title,
                                    data.participants))
        self._after_save(data)
        self._initial = self._snapshot()

    def _after_save(self, data: EventInput) -> None:
        if data.group_id is not None:  # the group's next meeting
            self._apply(svc.meeting_draft(self.ctx.db, self.ctx.user, data.group_id))
            self.participants.setFocus()
            self.participants.selectAll()
        else:
            self.title.clear()
            self.participants.clear()
            self.volunteers.clear()
            self.note.clear()
            self.attendees.set_people([])
            self._follow = True
            self.held_on.setFocus()

    def _snapshot(self):
        return (self.draft(), self.held_on.text(), self.participants.text(),
                self.volunteers.text())

    def reject(self) -> None:
        """Esc or 閉じる: ask first when something typed is not saved."""
        if self._saving:
            return
        if self._snapshot() != self._initial:
            answer = QMessageBox.question(
                self, self.tr("入力の破棄"),
                self.tr("入力した内容は保存されていません。破棄して閉じますか？"),
                QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Discard:
                return
        super().reject()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, svc.ValidationError):
            self._show(exc.errors)
            return
        if isinstance(exc, saving.StaleEdit):
            # Keep what was typed; the next save goes on top of the newer version.
            self.base_version = exc.version
            self.notice.stale(self._describe(exc.newer))
            return
        self.notice.clear()
        QMessageBox.warning(self, self.tr("保存できませんでした"), str(exc))

    def _describe(self, e: EventInput) -> list[str]:
        """The newer event as lines of 「項目: 値」."""
        kinds = dict(svc.event_kinds(self.ctx.db, include=e.kind))
        return [
            f"開催日: {e.held_on.isoformat() if e.held_on else ''}　種別: "
            f"{kinds.get(e.kind, e.kind)}　名称: {e.title}",
            f"参加者: {e.participants}人（うちボランティア {e.volunteers}人）",
            "名前のわかる参加者: " + "、".join(n.name for n in e.attendees),
            f"メモ: {e.note}",
        ]
