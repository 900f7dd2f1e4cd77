"""相談記録の入力: the entry form, in the paper form's order, for a new
record (today's date and time, the coordinator's branch and name filled
in) or an existing one.

Keyboard: Tab goes through the fields in the paper form's order, digit
keys pick in the choice rows, Ctrl+Enter or Ctrl+S saves, Esc asks before
discarding what was typed. Nothing is saved until the record is whole;
each problem is shown in Japanese under its field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock, codes
from coordinator_app.services import consultations as svc
from coordinator_app.services import saving
from coordinator_app.services.consultations import ConsultationDraft, NewPerson
from coordinator_app.ui.consultations.choice import CategoryToggles, ChoiceRow
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.person_picker import PersonPicker
from coordinator_app.ui.saving import SaveNotice, run_save
from coordinator_app.ui.widgets import DateLineEdit, FieldGrid, save_shortcuts


class TimeEdit(QTimeEdit):
    """HH:mm where Tab leaves the field (QTimeEdit's own Tab walks its
    sections; ←/→ still do)."""

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next_)


class ConsultationForm(QDialog):
    """New record when ``consultation_id`` is None, else edit that record.
    Emits ``saved(id)`` after the write (done off the UI thread)."""

    saved = Signal(int)
    # Field names of ConsultationDraft (and "person") in the paper form's order.
    FIELD_ORDER = ("received_on", "kind", "channel", "from_whom", "categories", "response",
                   "urgent_note", "referred_to", "person", "summary", "follow_up_on")

    def __init__(self, ctx: AppContext, consultation_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.consultation_id = consultation_id
        self._saving = False
        detail = (svc.get_consultation(ctx.db, ctx.user, consultation_id)
                  if consultation_id is not None else None)
        # The version this form saves on: the one it was opened on, or the
        # newer one shown after 「他の人が先に変更しました」.
        self.base_version = detail.version if detail else None
        self.setWindowTitle(self.tr("相談記録の編集") if detail else self.tr("相談記録の入力"))
        self.setMinimumSize(1080, 640)

        self.received_on = DateLineEdit(self, required=True)
        self.received_at = TimeEdit(self)
        self.received_at.setDisplayFormat("HH:mm")
        self.kind = ChoiceRow(codes.KIND, self)
        self.channel = ChoiceRow(codes.CHANNEL, self)
        self.from_whom = ChoiceRow(codes.FROM_WHOM, self)
        choices = svc.category_choices(ctx.db, include=detail.categories if detail else ())
        self.category_codes = {code for code, _ in choices}
        self.category_labels = dict(choices)
        self.categories = CategoryToggles(choices, columns=4, parent=self)
        self.response = ChoiceRow(codes.RESPONSE, self)
        self.urgent_note = QPlainTextEdit(self)
        self.urgent_note.setTabChangesFocus(True)
        self.urgent_note.setPlaceholderText(self.tr("行った対応（例: 救急要請、家族へ連絡）"))
        self.urgent_note.setFixedHeight(56)
        self.referred_to = QLineEdit(self)
        self.referred_to.setPlaceholderText(self.tr("例: 地域包括支援センター"))
        completer = QCompleter(svc.referral_suggestions(ctx.db, ctx.user), self)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.referred_to.setCompleter(completer)
        self.person = PersonPicker(ctx, self, with_address=True)
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("相談の内容、聞き取ったこと、対応したこと"))
        self.follow_up_on = DateLineEdit(self, allow_future=True)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+Enter)"), self)
        self.cancel_button = QPushButton(self.tr("キャンセル (Esc)"), self)
        self.errors: dict[str, QLabel] = {}
        self.notice = SaveNotice(self)  # someone saved first / the connection dropped
        self._layout(detail)

        self.response.changed.connect(self._response_changed)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        save_shortcuts(self, self.save, self.save_button)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a field must not save
            button.setDefault(False)
        self._tab_order()
        self._fill(detail)
        self._initial = self._snapshot()
        self.received_on.setFocus()

    # --- layout -----------------------------------------------------------------------

    def _layout(self, detail) -> None:
        user = self.ctx.user
        header = QLabel(self.tr("支部: %1　　受付者: %2")
                        .replace("%1", user.branch_name or "")
                        .replace("%2", detail.staff_name if detail else user.display_name), self)
        header.setStyleSheet("font-weight: bold;")
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.received_on, 1)
        row.addWidget(QLabel(self.tr("時刻"), self))
        row.addWidget(self.received_at)
        left, right = QGridLayout(), QGridLayout()
        self.fields = FieldGrid(self, left, self.errors)
        right_fields = FieldGrid(self, right, self.errors)
        self.fields.row("received_on", self.tr("受付日"), when, True)
        self.fields.row("kind", self.tr("区分"), self.kind, True)
        self.fields.row("channel", self.tr("受付方法"), self.channel, True)
        self.fields.row("from_whom", self.tr("相談者"), self.from_whom, True)
        self.fields.row("categories", self.tr("相談内容"), self.categories, True)
        self.fields.row("response", self.tr("対応"), self.response, True)
        self.urgent_label = self.fields.row("urgent_note", self.tr("緊急対応の内容"),
                                            self.urgent_note, True)
        self.fields.row("referred_to", self.tr("つなぎ先"), self.referred_to)
        left.setRowStretch(left.rowCount(), 1)
        right_fields.row("person", self.tr("氏名"), self.person)
        right_fields.row("summary", self.tr("内容"), self.summary)
        right_fields.row("follow_up_on", self.tr("フォロー日"), self.follow_up_on)
        right.setRowStretch(right.rowCount() - 4, 1)  # the summary grows
        columns = QHBoxLayout()
        columns.addLayout(left, 11)
        columns.addSpacing(16)
        columns.addLayout(right, 9)
        hint = QLabel(self.tr("* は必須。数字キーで選択、Tab で次の項目へ、"
                              "Ctrl+Enter または Ctrl+S で保存。"), self)
        hint.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        outer = QVBoxLayout(self)
        outer.addWidget(header)
        outer.addLayout(columns, 1)
        outer.addWidget(self.notice)
        outer.addLayout(buttons)

    def _tab_order(self) -> None:
        p = self.person
        chain = [self.received_on.edit, self.received_at, self.kind, self.channel,
                 self.from_whom, self.categories, self.response, self.urgent_note,
                 self.referred_to, p.search, p.results, p.is_new, *p.new_fields(),
                 self.summary, self.follow_up_on.edit, self.save_button,
                 self.cancel_button]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    def _focus_widget(self, name: str) -> QWidget:
        return {"received_on": self.received_on.edit, "kind": self.kind,
                "channel": self.channel, "from_whom": self.from_whom,
                "categories": self.categories, "response": self.response,
                "urgent_note": self.urgent_note, "referred_to": self.referred_to,
                "person": self.person.new_name if self.person.is_new.isChecked()
                else self.person.search,
                "summary": self.summary, "follow_up_on": self.follow_up_on.edit}[name]

    # --- values -------------------------------------------------------------------------

    def _fill(self, detail) -> None:
        if detail is None:
            now = clock.now()
            self.received_on.setDate(now.date())
            self.received_at.setTime(QTime(now.hour, now.minute))
        else:
            self.received_on.setDate(detail.received_on)
            t = detail.received_at
            self.received_at.setTime(QTime(t.hour, t.minute) if t else QTime(0, 0))
            self.kind.setValue(detail.kind)
            self.channel.setValue(detail.channel)
            self.from_whom.setValue(detail.from_whom)
            self.categories.setValues(list(detail.categories))
            self.response.setValue(detail.response)
            self.urgent_note.setPlainText(detail.urgent_note)
            self.referred_to.setText(detail.referred_to)
            if detail.person_id is not None:
                self.person.set_person(detail.person_id,
                                       f"{detail.person_name}（{detail.person_kana}）")
            self.summary.setPlainText(detail.summary)
            self.follow_up_on.setDate(detail.follow_up_on)
        self._response_changed(self.response.value())

    def _response_changed(self, code: str) -> None:
        urgent = code == "urgent"
        for w in (self.urgent_label, self.urgent_note):
            w.setVisible(urgent)
        if not urgent:
            self.errors["urgent_note"].hide()

    def draft(self) -> ConsultationDraft:
        t = self.received_at.time()
        new = self.person.new_person_fields()
        new_person = NewPerson(**new) if new else (
            NewPerson("") if self.person.is_new.isChecked() else None)
        return ConsultationDraft(
            received_on=self.received_on.date(), received_at=dt.time(t.hour(), t.minute()),
            kind=self.kind.value(), channel=self.channel.value(),
            from_whom=self.from_whom.value(), categories=self.categories.values(),
            response=self.response.value(), urgent_note=self.urgent_note.toPlainText(),
            referred_to=self.referred_to.text(),
            person_id=None if new_person else self.person.person_id(),
            new_person=new_person, summary=self.summary.toPlainText(),
            follow_up_on=self.follow_up_on.date())

    def check(self) -> tuple[ConsultationDraft, dict[str, str]]:
        """The draft and every problem with it (shown under the fields)."""
        draft = self.draft()
        errors = svc.validate_draft(draft, self.category_codes)
        for name, field in (("received_on", self.received_on),
                            ("follow_up_on", self.follow_up_on)):
            if field.text().strip() and field.error():
                errors[name] = field.error()  # what is wrong with the typed text
        self.show_errors(errors)
        return draft, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        self.fields.show(errors)

    def error_text(self, name: str) -> str:
        return self.fields.text(name)

    def _snapshot(self):
        return (self.draft(), self.person.search.text(), self.received_on.text(),
                self.follow_up_on.text())

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    # --- save / discard ---------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        draft, errors = self.check()
        if errors:
            first = next(name for name in self.FIELD_ORDER if name in errors)
            self._focus_widget(first).setFocus()
            return
        self._saving = True
        self.save_button.setEnabled(False)
        db, user, cid, base = self.ctx.db, self.ctx.user, self.consultation_id, self.base_version
        if cid is None:
            key = saving.new_key()  # one per save, kept through its retries

            def work():
                return svc.create_consultation(db, user, draft, client_key=key)
        else:
            def work():
                svc.update_consultation(db, user, cid, draft, base_version=base)
                return cid
        run_save(self.ctx.runner, work, on_done=lambda new_id: self._saved(new_id, draft),
                 on_error=self._failed, on_reconnecting=self.notice.reconnecting)

    def _saved(self, consultation_id: int, draft: ConsultationDraft) -> None:
        self._saving = False
        self.consultation_id = consultation_id
        self._initial = self._snapshot()
        if draft.new_person is not None:
            self.ctx.notify("person")
        self.ctx.notify("consultation")
        self.saved.emit(consultation_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, svc.ValidationError):
            self.show_errors(exc.errors)
            return
        if isinstance(exc, saving.StaleEdit):
            # Keep what was typed; the next save goes on top of the newer version.
            self.base_version = exc.version
            self.notice.stale(self._describe(exc.newer))
            self.save_button.setText(self.tr("新しい内容の上に保存 (Ctrl+Enter)"))
            return
        self.notice.clear()
        QMessageBox.warning(self, self.tr("保存できませんでした"), str(exc))

    def _describe(self, d: svc.ConsultationDetail) -> list[str]:
        """The newer record as lines of 「項目: 値」, in the form's order."""
        def day(value):
            return value.isoformat() if value else "（なし）"
        changed = d.updated_at.replace(tzinfo=dt.timezone.utc).astimezone()  # stored in UTC
        lines = [
            f"更新: {changed:%Y-%m-%d %H:%M} {d.updated_by}",
            f"内容: {d.summary}",
            f"受付日: {day(d.received_on)} {d.received_at:%H:%M}" if d.received_at
            else f"受付日: {day(d.received_on)}",
            f"区分: {codes.KIND.get(d.kind, d.kind)}　受付方法: "
            f"{codes.CHANNEL.get(d.channel, d.channel)}　相談者: "
            f"{codes.FROM_WHOM.get(d.from_whom, d.from_whom)}",
            "相談内容: " + "、".join(self.category_labels.get(c, c) for c in d.categories),
            f"対応: {codes.RESPONSE.get(d.response, d.response)}",
        ]
        if d.urgent_note:
            lines.append(f"緊急対応の内容: {d.urgent_note}")
        lines += [f"つなぎ先: {d.referred_to}",
                  f"氏名: {d.person_name}（{d.person_kana}）" if d.person_id else "氏名: （なし）",
                  f"フォロー日: {day(d.follow_up_on)}"]
        return lines

    def reject(self) -> None:
        """Esc, キャンセル or the window's close: ask first when something
        was typed."""
        if self._saving:
            return
        if self.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("入力の破棄"),
                self.tr("入力した内容は保存されていません。破棄して閉じますか？"),
                QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Discard:
                return
        super().reject()
