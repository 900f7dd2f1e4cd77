"""Recording a contact in a few keystrokes, beside the worklist.

The worklist's Enter puts the focus on the result: 1 異常なし, 2 不在,
3 異変あり; Enter (or Ctrl+Enter / Ctrl+S, as in every form) saves and
the worklist moves to the next user. The method is remembered during a
round; who did it is preselected (the assigned cooperators for a visit or
outside watching, 職員 for a phone call). 異変あり first asks what was
noticed (``ConcernDialog``), starting from the memo already typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock, codes
from coordinator_app.core.access import ScopeError
from coordinator_app.core.dates import format_wareki
from coordinator_app.services import consultations, saving, watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.watch.concern_dialog import ConcernDialog
from coordinator_app.ui.watch.models import methods_label
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts

RESULT_KEYS = {Qt.Key_1: "ok", Qt.Key_2: "absent", Qt.Key_3: "concern"}
COOPERATOR_METHODS = {"visit", "outside", "newsletter"}


class ResultSelector(QFrame):
    """Three large toggles; keys 1/2/3 (and ←/→) choose, Enter is passed
    on to the panel (save)."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultSelector")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setStyleSheet(
            "QFrame#resultSelector { border: 2px solid transparent; border-radius: 4px; }"
            "QFrame#resultSelector:focus { border: 2px solid #3874d8; }"
            "QPushButton { padding: 8px 10px; font-weight: bold; }"
            "QPushButton:checked { background: #3874d8; color: white; }")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.buttons: dict[str, QPushButton] = {}
        for n, (code, label) in enumerate(codes.WATCH_RESULT.items(), start=1):
            button = QPushButton(f"{n} {label}", self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)
            button.setMinimumHeight(38)
            button.clicked.connect(lambda _=False, c=code: self.set_result(c))
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)

    def result(self) -> str | None:
        for code, button in self.buttons.items():
            if button.isChecked():
                return code
        return None

    def set_result(self, code: str | None) -> None:
        if code is None:
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[code].setChecked(True)
        self.changed.emit(code or "")

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in RESULT_KEYS:
            self.set_result(RESULT_KEYS[key])
            return
        if key in (Qt.Key_Left, Qt.Key_Right):
            order = list(codes.WATCH_RESULT)
            current = self.result()
            i = order.index(current) if current else -1
            i = (i + (1 if key == Qt.Key_Right else -1)) % len(order)
            self.set_result(order[i])
            return
        super().keyPressEvent(event)


class ContactPanel(QWidget):
    """Records a contact for the user loaded with ``load(row)``.
    ``saved(watch_user_id, consultation_created)`` is emitted after a write."""

    saved = Signal(int, bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._row: watch.WorklistRow | None = None
        self._method: str | None = None  # remembered during a round
        self._choices: list[watch.Cooperator] = []
        self._coop_boxes: dict[int, QCheckBox] = {}
        self.concern_dialog: ConcernDialog | None = None
        self.today = clock.today()

        title = self._build_fields()
        self._lay_out(title)
        self._connect()
        self.setEnabled(False)

    # --- building -----------------------------------------------------------------

    def _build_fields(self) -> QLabel:
        """Who is being recorded, and the contact's day, method, doers,
        result and note. Returns the panel's title."""
        title = QLabel(self.tr("見守りの記録"), self)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.who = QLabel(self.tr("一覧から利用者を選んでください"), self)
        self.who.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.who.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.day = DateLineEdit(self, required=True)
        self.method = QComboBox(self)
        for code, label in codes.WATCH_METHOD.items():
            self.method.addItem(label, code)
        self.staff = QCheckBox(self.tr("職員"), self)
        self.doers = QWidget(self)
        self.doers_layout = QVBoxLayout(self.doers)
        self.doers_layout.setContentsMargins(0, 0, 0, 0)
        self.doers_layout.setSpacing(2)
        self.doers_layout.addWidget(self.staff)
        self.other = QComboBox(self)
        self.results = ResultSelector(self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("メモ（任意）"))
        self.save_button = QPushButton(self.tr("記録して次へ（Enter）"), self)
        self.save_button.setMinimumHeight(36)
        self.save_button.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        return title

    def _lay_out(self, title: QLabel) -> None:
        form = QFormLayout()
        form.addRow(self.tr("実施日(&D)"), self.day)
        form.addRow(self.tr("方法(&M)"), self.method)
        form.addRow(self.tr("実施者(&W)"), self.doers)
        form.labelForField(self.doers).setBuddy(self.staff)
        form.addRow("", self.other)
        form.addRow(self.tr("結果"), self.results)
        form.addRow(self.tr("メモ(&O)"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.who)
        layout.addWidget(self.details)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _connect(self) -> None:
        """Alt+1, Alt+2… choose a result from anywhere in the panel."""
        self.method.activated.connect(self._method_chosen)
        self.staff.toggled.connect(self._staff_toggled)
        self.other.activated.connect(self._add_other)
        self.save_button.clicked.connect(self.submit)
        save_shortcuts(self, self.submit, self.save_button)
        for n, code in enumerate(codes.WATCH_RESULT, start=1):
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda c=code: self.results.set_result(c))

    # --- loading ---------------------------------------------------------------

    def set_cooperator_choices(self, choices: list[watch.Cooperator]) -> None:
        self._choices = list(choices)

    def load(self, row: watch.WorklistRow | None, default_day: dt.date | None = None) -> None:
        """Show a user, with the defaults preselected; None clears."""
        self._row = row
        self.setEnabled(row is not None)
        self.results.set_result(None)
        self.note.clear()
        for box in self._coop_boxes.values():
            self.doers_layout.removeWidget(box)
            box.setParent(None)
            box.deleteLater()
        self._coop_boxes.clear()
        if row is None:
            self.who.setText(self.tr("一覧から利用者を選んでください"))
            self.details.clear()
            return
        self.who.setText(f"{row.name}（{row.kana}）")
        last = (self.tr("最終連絡: {day} {result}（{days}日前）").format(
            day=format_wareki(row.last_contact_on), days=row.days_since,
            result=codes.WATCH_RESULT.get(row.last_result, ""))
            if row.last_contact_on else self.tr("最終連絡: なし"))
        lines = [
            self.tr("電話: {phone}　自治会: {area}").format(phone=row.phone or "—",
                                                        area=row.area or "—"),
            self.tr("見守りの方法: {m}").format(m=methods_label(row.methods) or "—"),
            last,
            self.tr("状態: {s}").format(s=row.state_label),
        ]
        if row.no_cooperator:
            lines.append(self.tr("協力員が未割当です"))
        self.details.setText("\n".join(lines))
        self.day.setDate(default_day or self.today)
        for c in row.cooperators:
            self._add_box(c, checked=False)
        self.other.clear()
        self.other.addItem(self.tr("ほかの協力員を追加…"), None)
        assigned = {c.id for c in row.cooperators}
        for c in self._choices:
            if c.id not in assigned:
                self.other.addItem(f"{c.name}（{c.kana}）", c.id)
        method = self._method or (row.methods[0] if row.methods else "phone")
        self.method.setCurrentIndex(max(0, self.method.findData(method)))
        self._preselect_doers()

    def _add_box(self, c: watch.Cooperator, checked: bool) -> QCheckBox:
        box = QCheckBox(self.tr("協力員 {name}").format(name=c.name), self.doers)
        box.setChecked(checked)
        box.toggled.connect(self._cooperator_toggled)
        self.doers_layout.addWidget(box)
        self._coop_boxes[c.id] = box
        return box

    def _preselect_doers(self) -> None:
        by_cooperators = self.method.currentData() in COOPERATOR_METHODS and self._coop_boxes
        for box in self._coop_boxes.values():
            box.setChecked(bool(by_cooperators))
        self.staff.setChecked(not by_cooperators)

    def _method_chosen(self) -> None:
        self._method = self.method.currentData()
        self._preselect_doers()

    def _staff_toggled(self, on: bool) -> None:
        if on:
            for box in self._coop_boxes.values():
                box.setChecked(False)

    def _cooperator_toggled(self, on: bool) -> None:
        if on:
            self.staff.setChecked(False)

    def _add_other(self) -> None:
        vid = self.other.currentData()
        if vid is None:
            return
        c = next(c for c in self._choices if c.id == vid)
        self._add_box(c, checked=True)
        self.other.removeItem(self.other.currentIndex())
        self.other.setCurrentIndex(0)

    def focus_result(self) -> None:
        self.results.setFocus()

    # --- saving ------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        # Enter from any field (line edits pass it on) saves.
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self._row is not None:
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self._row is None or self.concern_dialog is not None:
            return
        if self.day.date() is None:
            return self._fail(self.tr("実施日: {e}").format(e=self.day.error()), self.day)
        if self.results.result() is None:
            return self._fail(self.tr("結果を 1 異常なし・2 不在・3 異変あり から選んでください"),
                              self.results)
        if self.results.result() == "concern":
            self._ask_concern()
            return
        self._save(None)

    def _ask_concern(self) -> None:
        try:
            existing = watch.open_consultations(self.ctx.db, self.ctx.user,
                                                self._row.watch_user_id)
        except (ScopeError, LookupError) as exc:
            return self._fail(str(exc))
        categories = consultations.category_choices(self.ctx.db)
        dialog = ConcernDialog(self._row.name, existing, self.day.date(), categories,
                               noticed=self.note.text(), parent=self)
        dialog.accepted.connect(lambda: self._save(dialog.form()))
        dialog.finished.connect(lambda _: setattr(self, "concern_dialog", None))
        self.concern_dialog = dialog
        dialog.open()

    def _save(self, concern: watch.ConcernForm | None) -> None:
        row = self._row
        volunteer_ids = [vid for vid, box in self._coop_boxes.items() if box.isChecked()]
        db, user = self.ctx.db, self.ctx.user
        contacted_on, method, result_code = (self.day.date(), self.method.currentData(),
                                             self.results.result())
        by_staff, note = self.staff.isChecked(), self.note.text()
        today = max(self.today, clock.today())
        key = saving.new_key()  # one per save, kept through its retries (issue 21)

        def work() -> watch.RecordedContact:
            return watch.record_contact(
                db, user, row.watch_user_id, contacted_on=contacted_on, method=method,
                result=result_code, by_staff=by_staff, volunteer_ids=volunteer_ids,
                note=note, concern=concern, today=today, client_key=key)

        def reconnecting(_try: int) -> None:  # a roll call saves on the spot: paint it now
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(self.tr(saving.RECONNECTING_MESSAGE))
            self.message.repaint()

        try:
            result = saving.retried(work, on_retry=reconnecting)
        except (ValueError, ScopeError, LookupError, saving.ConnectionLost) as exc:
            return self._fail(str(exc))  # what was typed stays in the fields
        self._method = method
        label = codes.WATCH_RESULT[result_code]
        text = self.tr("記録しました: {name} {result}").format(name=row.name, result=label)
        if result.consultation_id:
            text += self.tr("（相談記録を要フォローに追加）")
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(text)
        self.saved.emit(row.watch_user_id, result.created_consultation)

    def _fail(self, text: str, widget: QWidget | None = None) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
        if widget is not None:
            widget.setFocus()
