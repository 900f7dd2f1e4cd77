"""活動グループの登録・編集: a salon, 集いの場, circle or 子ども食堂 — its name
and reading, kind, 自治会, period, meeting pattern and venue, the
volunteers who run it (one the contact), subsidy years and regulars.

Keyboard: Tab through the fields, Ctrl+Enter saves, Esc asks before
discarding. Problems are shown in Japanese under their fields; nothing is
saved until the record is whole.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from coordinator_app.core.dates import fiscal_year_label, fiscal_year_of, format_wareki
from coordinator_app.core.gatherings import next_meeting
from coordinator_app.services import gatherings as svc
from coordinator_app.services import saving
from coordinator_app.services.gatherings import GroupInput
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.gatherings.pickers import NamedPicker
from coordinator_app.ui.saving import SaveNotice, run_save
from coordinator_app.ui.widgets import DateLineEdit, FieldGrid, save_shortcuts

FIELD_ORDER = ("name", "kana", "kind", "area_id", "started_on", "ended_on", "end_reason",
               "pattern", "venue", "leaders", "subsidy_years", "regulars")
SUBSIDY_YEARS_SHOWN = 5  # this fiscal year and the four before it


class GroupFormDialog(QDialog):
    """A new group (``group_id`` None) or an existing one; ``saved(id)``."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, group_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group_id = group_id
        self._saving = False
        detail = svc.get_group(ctx.db, ctx.user, group_id) if group_id is not None else None
        self.base_version = detail.version if detail else None  # see services.saving
        self.setWindowTitle(self.tr("活動グループの編集") if detail else self.tr("活動グループの登録"))
        self.setMinimumSize(1000, 620)
        self._build(detail.data if detail else GroupInput())
        self._connect()
        if detail is not None:
            self._fill(detail)
        else:
            self.started_on.setDate(clock.today())
        self._pattern_changed(self.pattern.text())
        self._initial = self._snapshot()
        self.name.setFocus()

    # --- building ---------------------------------------------------------------------

    def _build(self, existing: GroupInput) -> None:
        """The fields; the kind list and subsidy years hold the record's own
        (a kind no longer in use, a year long past)."""
        db, user = self.ctx.db, self.ctx.user
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("例: ふれあいサロン原市"))
        self.kana = QLineEdit(self)
        self.kana.setPlaceholderText(self.tr("ひらがな・カタカナ（数字・英字も可）"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("（選んでください）"), "")
        for code, label in svc.group_kinds(db, include=existing.kind):
            self.kind.addItem(label, code)
        self.area = QComboBox(self)
        self.area.addItem(self.tr("（なし）"), None)
        for area_id, area_name in svc.branch_areas(db, user):
            self.area.addItem(area_name, area_id)
        self.started_on = DateLineEdit(self, required=True)
        self.ended_on = DateLineEdit(self)
        self.end_reason = QLineEdit(self)
        self.end_reason.setPlaceholderText(self.tr("終了したとき: 理由（例: 会場の閉鎖）"))
        self.pattern = QLineEdit(self)
        self.pattern.setMaxLength(100)
        self.pattern.setPlaceholderText(self.tr("例: 第2・第4火曜 午後、毎週水曜、毎月15日"))
        self.pattern_hint = QLabel(self)
        self.pattern_hint.setStyleSheet("color: #555;")
        self.pattern_hint.setWordWrap(True)
        self.venue = QLineEdit(self)
        self.venue.setPlaceholderText(self.tr("例: 原市集会所"))
        self.leaders = NamedPicker(self.ctx, self.tr("氏名・ふりがなで検索して Enter で追加"),
                                   volunteers_only=True, parent=self)
        self.leaders.picked.setMaximumHeight(120)  # a few people run a group; regulars are many
        self.contact = QComboBox(self)
        fy = fiscal_year_of(clock.today())
        years = sorted(set(range(fy - SUBSIDY_YEARS_SHOWN + 1, fy + 1)) | set(existing.subsidy_years))
        self.subsidy = {y: QCheckBox(fiscal_year_label(y), self) for y in years}
        self.regulars = NamedPicker(self.ctx, self.tr("氏名・ふりがなで検索して Enter で追加"),
                                    parent=self)
        self.note = QLineEdit(self)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+Enter)"), self)
        self.cancel_button = QPushButton(self.tr("キャンセル (Esc)"), self)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)

        left, right = QGridLayout(), QGridLayout()
        self.fields = FieldGrid(self, left)
        right_fields = FieldGrid(self, right, self.fields.errors)
        period = QHBoxLayout()
        period.addWidget(self.started_on)
        period.addWidget(QLabel(self.tr("〜 終了日"), self))
        period.addWidget(self.ended_on)
        pattern = QVBoxLayout()
        pattern.addWidget(self.pattern)
        pattern.addWidget(self.pattern_hint)
        subsidy = QHBoxLayout()
        for box in self.subsidy.values():
            subsidy.addWidget(box)
        subsidy.addStretch(1)
        self.fields.row("name", self.tr("名称"), self.name, True)
        self.fields.row("kana", self.tr("ふりがな"), self.kana)
        self.fields.row("kind", self.tr("種別"), self.kind, True)
        self.fields.row("area_id", self.tr("自治会"), self.area)
        self.fields.row("started_on", self.tr("開始日"), period, True)
        self.fields.error_line("ended_on")
        self.fields.row("end_reason", self.tr("終了理由"), self.end_reason)
        self.fields.row("pattern", self.tr("開催の目安"), pattern)
        self.fields.row("venue", self.tr("会場"), self.venue)
        self.fields.row("subsidy_years", self.tr("助成"), subsidy)
        self.fields.row("note", self.tr("メモ"), self.note)
        left.setRowStretch(left.rowCount(), 1)
        right_fields.row("leaders", self.tr("運営"), self.leaders)
        right_fields.row("contact", self.tr("連絡先"), self.contact)
        right_fields.row("regulars", self.tr("常連"), self.regulars)
        right.setRowStretch(right.rowCount() - 2, 1)  # the regulars grow
        columns = QHBoxLayout()
        columns.addLayout(left, 11)
        columns.addSpacing(16)
        columns.addLayout(right, 9)
        hint = QLabel(self.tr("* は必須。Tab で次の項目へ、Ctrl+Enter（Ctrl+S）で保存。"
                              "運営・常連はこの支部の登録者から選びます。"), self)
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        header = QLabel(self.tr("支部: {0}").format(user.branch_name or ""), self)
        header.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(columns, 1)
        self.notice = SaveNotice(self)  # someone saved first / the connection dropped
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        chain = [self.name, self.kana, self.kind, self.area, self.started_on.edit,
                 self.ended_on.edit, self.end_reason, self.pattern, self.venue,
                 *self.subsidy.values(), self.note, self.leaders.search, self.leaders.results,
                 self.leaders.picked, self.contact, self.regulars.search, self.regulars.results,
                 self.regulars.picked, self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        save_shortcuts(self, self.save, self.save_button)
        self.pattern.textChanged.connect(self._pattern_changed)
        self.leaders.changed.connect(self._leaders_changed)

    # --- values -------------------------------------------------------------------------

    def _fill(self, detail: svc.GroupDetail) -> None:
        d = detail.data
        self.name.setText(d.name)
        self.kana.setText(d.kana)
        self.kind.setCurrentIndex(max(self.kind.findData(d.kind), 0))
        self.area.setCurrentIndex(max(self.area.findData(d.area_id), 0))
        self.started_on.setDate(d.started_on)
        self.ended_on.setDate(d.ended_on)
        self.end_reason.setText(d.end_reason)
        self.pattern.setText(d.pattern)
        self.venue.setText(d.venue)
        self.note.setText(d.note)
        for year, box in self.subsidy.items():
            box.setChecked(year in d.subsidy_years)
        self.leaders.set_people(list(detail.leaders))
        self.contact.setCurrentIndex(max(self.contact.findData(d.contact_id), 0))
        self.regulars.set_people(d.regulars)

    def _pattern_changed(self, text: str) -> None:
        """Says whether the quick entry can read the pattern, and what it
        would propose after today."""
        if not text.strip():
            self.pattern_hint.clear()
            return
        day = next_meeting(text, clock.today())
        self.pattern_hint.setText(
            self.tr("次回の目安: {0}").format(format_wareki(day, weekday=True)) if day else
            self.tr("この書き方からは日付を読み取れません（開催の入力では前回の1週間後か今日を提案します）"))

    def _leaders_changed(self) -> None:
        """The contact is one of the volunteers who run the group (the first
        one until another is chosen)."""
        current = self.contact.currentData()
        self.contact.clear()
        leaders = self.leaders.people()
        for n in leaders:
            self.contact.addItem(n.name, n.volunteer_id)
        index = self.contact.findData(current)
        self.contact.setCurrentIndex(index if index >= 0 else (0 if leaders else -1))

    def draft(self) -> GroupInput:
        return GroupInput(
            name=self.name.text(), kana=self.kana.text(), kind=self.kind.currentData() or "",
            area_id=self.area.currentData(), started_on=self.started_on.date(),
            ended_on=self.ended_on.date(), end_reason=self.end_reason.text(),
            pattern=self.pattern.text(), venue=self.venue.text(), note=self.note.text(),
            leader_ids=[n.volunteer_id for n in self.leaders.people()],
            contact_id=self.contact.currentData(),
            subsidy_years=[y for y, box in self.subsidy.items() if box.isChecked()],
            regulars=self.regulars.people())

    def _snapshot(self):
        return (self.draft(), self.started_on.text(), self.ended_on.text())

    # --- save -------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        typed = {name: field.error() for name, field in (("started_on", self.started_on),
                                                          ("ended_on", self.ended_on))
                 if field.text().strip() and field.error()}
        if typed:
            self._show(typed)
            return
        data = self.draft()
        self._saving = True
        self.save_button.setEnabled(False)
        db, user, gid, base = self.ctx.db, self.ctx.user, self.group_id, self.base_version
        key = saving.new_key() if gid is None else None  # kept through the save's retries
        run_save(self.ctx.runner,
                 lambda: svc.save_group(db, user, data, gid, base_version=base, client_key=key),
                 on_done=self._saved, on_error=self._failed,
                 on_reconnecting=self.notice.reconnecting)

    def _show(self, errors: dict[str, str]) -> None:
        self.fields.show(errors)
        first = next((n for n in FIELD_ORDER if n in errors), None)
        widget = {"name": self.name, "kana": self.kana, "kind": self.kind, "area_id": self.area,
                  "started_on": self.started_on, "ended_on": self.ended_on,
                  "end_reason": self.end_reason, "pattern": self.pattern, "venue": self.venue,
                  "leaders": self.leaders, "subsidy_years": next(iter(self.subsidy.values())),
                  "regulars": self.regulars}.get(first)
        if widget is not None:
            widget.setFocus()

    def error_text(self, name: str) -> str:
        return self.fields.text(name)

    def _saved(self, group_id: int) -> None:
        self._saving = False
        self.group_id = group_id
        self._initial = self._snapshot()
        self.ctx.notify("group")
        self.saved.emit(group_id)
        self.accept()

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

    def _describe(self, d: svc.GroupDetail) -> list[str]:
        """The newer group as lines of 「項目: 値」."""
        g = d.data
        kinds = dict(svc.group_kinds(self.ctx.db, include=g.kind))
        return [
            f"名称: {g.name}（{g.kana}）　種別: {kinds.get(g.kind, g.kind)}",
            f"開始日: {g.started_on.isoformat() if g.started_on else ''}　終了日: "
            + (g.ended_on.isoformat() if g.ended_on else "（なし）"),
            f"開催の目安: {g.pattern}　会場: {g.venue}",
            "世話役: " + "、".join(n.name for n in d.leaders),
            "常連: " + "、".join(n.name for n in g.regulars),
            f"メモ: {g.note}",
        ]

    def reject(self) -> None:
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
