"""利用登録: enrol a resident (picked, or new) in the watch-over service,
or edit an enrolment (then with the contact history below)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock, codes
from coordinator_app.core.access import ScopeError
from coordinator_app.core.dates import format_wareki
from coordinator_app.services import people, saving, watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.person_picker import PersonPicker
from coordinator_app.ui.saving import SaveNotice
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.watch.models import CooperatorChoiceModel, HistoryModel
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts


class CooperatorTable(QTableView):
    """Space toggles the current cooperator (keyboard-only assignment)."""

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Space and self.currentIndex().isValid():
            self.model().toggle(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class EnrolDialog(QDialog):
    """New enrolment when ``watch_user_id`` is None, else edit. After
    ``accept()`` succeeded, ``watch_user_id`` holds the saved id."""

    def __init__(self, ctx: AppContext, watch_user_id: int | None = None,
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or clock.today()
        self.watch_user_id = watch_user_id
        self.base_version: int | None = None  # set by _load; see services.saving
        editing = watch_user_id is not None
        self.setWindowTitle(self.tr("見守り利用者の編集") if editing else self.tr("見守り利用者の登録"))
        self.resize(760, 700 if editing else 640)
        self._build_fields()
        self._build_cooperators()
        self._build_closing()
        self._lay_out(editing)
        self._load_choices()
        self.coop_model.dataChanged.connect(self._count_cooperators)
        self.coop_model.modelReset.connect(self._count_cooperators)
        self.picker.personChanged.connect(self._person_picked)
        if editing:
            self._load(watch_user_id)
        else:
            self.method_boxes["visit"].setChecked(True)
            self.picker.search.setFocus()
        self._count_cooperators()

    # --- building -----------------------------------------------------------------

    def _build_fields(self) -> None:
        self.picker = PersonPicker(self.ctx, self)
        self.name_label = QLabel(self)
        self.name_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.area = QComboBox(self)
        self.area.setEditable(True)
        self.emergency = QLineEdit(self)
        self.emergency.setPlaceholderText(self.tr("例: 長女 見本 花子 048-000-0000"))
        self.methods = QWidget(self)
        row = QHBoxLayout(self.methods)
        row.setContentsMargins(0, 0, 0, 0)
        self.method_boxes: dict[str, QCheckBox] = {}
        for code, label in codes.WATCH_METHOD.items():
            box = QCheckBox(label, self.methods)
            self.method_boxes[code] = box
            row.addWidget(box)
        row.addStretch(1)
        self.frequency = QComboBox(self)
        for days, label in watch.FREQUENCIES.items():
            self.frequency.addItem(self.tr("{label}（{days}日）").format(label=label, days=days),
                                   days)
        self.frequency.setCurrentIndex(self.frequency.findData(watch.DEFAULT_FREQUENCY_DAYS))
        self.enrolled = DateLineEdit(self, required=True)
        self.enrolled.setDate(self.today)

    def _build_cooperators(self) -> None:
        """The branch's cooperators with check boxes (Space toggles)."""
        self.coop_model = CooperatorChoiceModel(self)
        self.coop_table = CooperatorTable(self)
        self.coop_table.setModel(self.coop_model)
        self.coop_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.coop_table.verticalHeader().setVisible(False)
        fit_table(self.coop_table)
        self.coop_table.setMinimumHeight(120)
        self.coop_count = QLabel(self)

    def _build_closing(self) -> None:
        self.note = QLineEdit(self)
        self.mail_ok = QCheckBox(self.tr("郵送物（かわらばん等）の送付に同意している"), self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

    def _lay_out(self, editing: bool) -> None:
        """The form; when editing, the fixed name instead of the picker and
        the contact history below."""
        form = QFormLayout()
        if editing:
            self.picker.hide()
            form.addRow(self.tr("利用者"), self.name_label)
        else:
            form.addRow(self.tr("利用者(&P)"), self.picker)
        form.addRow(self.tr("電話(&T)"), self.phone)
        form.addRow(self.tr("住所(&D)"), self.address)
        form.addRow(self.tr("自治会(&A)"), self.area)
        form.addRow(self.tr("緊急連絡先(&E)"), self.emergency)
        form.addRow(self.tr("見守りの方法"), self.methods)
        form.addRow(self.tr("頻度(&F)"), self.frequency)
        form.addRow(self.tr("登録日(&R)"), self.enrolled)
        coop_box = QWidget(self)
        coop_layout = QVBoxLayout(coop_box)
        coop_layout.setContentsMargins(0, 0, 0, 0)
        coop_layout.addWidget(self.coop_table)
        coop_layout.addWidget(self.coop_count)
        form.addRow(self.tr("協力員(&K)"), coop_box)
        form.labelForField(coop_box).setBuddy(self.coop_table)
        form.addRow(self.tr("メモ(&O)"), self.note)
        form.addRow(self.tr("郵送"), self.mail_ok)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save_shortcuts(self, self.accept, buttons.button(QDialogButtonBox.Save))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.history_model = HistoryModel(self)
        if editing:
            layout.addWidget(QLabel(self.tr("見守りの履歴"), self))
            layout.addWidget(self._history_table(), 1)
        layout.addWidget(self.error)
        self.notice = SaveNotice(self)  # someone saved first
        layout.addWidget(self.notice)
        layout.addWidget(buttons)

    def _history_table(self) -> QTableView:
        history = QTableView(self)
        history.setModel(self.history_model)
        history.verticalHeader().setVisible(False)
        fit_table(history)
        history.setEditTriggers(QAbstractItemView.NoEditTriggers)
        history.setMinimumHeight(120)
        return history

    # --- loading ------------------------------------------------------------------

    def _load_choices(self) -> None:
        """The branch's areas and the cooperators who may be assigned."""
        self.area.addItem("")
        for _, name in watch.areas(self.ctx.db, self.ctx.user):
            self.area.addItem(name)
        self.coop_model.set_rows(watch.cooperators(self.ctx.db, self.ctx.user, self.today))

    def _load(self, watch_user_id: int) -> None:
        d = watch.get_user(self.ctx.db, self.ctx.user, watch_user_id, self.today)
        self.base_version = d.version
        self.name_label.setText(f"{d.name}（{d.kana}）")
        self.phone.setText(d.phone)
        self.address.setText(d.address)
        self.area.setCurrentText(d.area)
        self.emergency.setText(d.emergency_contact)
        for code, box in self.method_boxes.items():
            box.setChecked(code in d.methods)
        i = self.frequency.findData(d.frequency_days)
        if i < 0:
            self.frequency.addItem(self.tr("{n}日ごと").format(n=d.frequency_days),
                                   d.frequency_days)
            i = self.frequency.count() - 1
        self.frequency.setCurrentIndex(i)
        self.enrolled.setDate(d.enrolled_on)
        known = {c.id for c in self.coop_model.rows}
        extra = [c for c in d.cooperators if c.id not in known]  # assigned without the role
        if extra:
            self.coop_model.set_rows(self.coop_model.rows + extra)
        self.coop_model.set_checked([c.id for c in d.cooperators])
        self.note.setText(d.note)
        self.mail_ok.setChecked(d.mail_ok)
        self.history_model.set_rows(d.contacts)
        if d.ended_on:
            self.error.setText(self.tr("{day} に登録を終了しています（{reason}）").format(
                day=format_wareki(d.ended_on), reason=codes.END_REASON.get(d.end_reason, "")))
        self.phone.setFocus()

    def _describe(self, d: watch.WatchUserDetail) -> list[str]:
        """The newer enrolment as lines of 「項目: 値」."""
        return [
            f"氏名: {d.name}（{d.kana}）　電話: {d.phone}",
            f"住所: {d.address}　自治会: {d.area}",
            f"緊急連絡先: {d.emergency_contact}",
            "方法: " + "、".join(codes.WATCH_METHOD.get(m, m) for m in d.methods)
            + f"　頻度: {d.frequency_days}日ごと　登録日: {d.enrolled_on.isoformat()}",
            "協力員: " + "、".join(c.name for c in d.cooperators),
            f"メモ: {d.note}",
        ]

    def _person_picked(self, person_id) -> None:
        if person_id is None:
            return
        p = people.get_person(self.ctx.db, self.ctx.user, person_id)
        self.phone.setText(p.phone)
        self.address.setText(p.address)
        self.area.setCurrentText(p.area)
        self.phone.setFocus()

    def _count_cooperators(self, *_args) -> None:
        n = len(self.coop_model.checked_ids())
        hint = "" if n == 2 else self.tr("（通常は2人1組）")
        self.coop_count.setText(self.tr("{n}人を選択{hint}　Spaceで選択/解除").format(n=n, hint=hint))

    def form(self) -> watch.EnrolmentForm:
        new = self.picker.new_person_fields() if self.watch_user_id is None else None
        phone = self.phone.text().strip() or ((new or {}).get("phone") or "")
        return watch.EnrolmentForm(
            person_id=self.picker.person_id() if self.watch_user_id is None else None,
            new_name=(new or {}).get("name", ""), new_kana=(new or {}).get("kana", ""),
            phone=phone, address=self.address.text(), area=self.area.currentText(),
            emergency_contact=self.emergency.text(),
            methods=[c for c, box in self.method_boxes.items() if box.isChecked()],
            frequency_days=self.frequency.currentData(), enrolled_on=self.enrolled.date(),
            cooperator_ids=self.coop_model.checked_ids(), note=self.note.text(),
            mail_ok=self.mail_ok.isChecked())

    def accept(self) -> None:
        if self.enrolled.date() is None:
            self.error.setText(self.tr("登録日: {e}").format(e=self.enrolled.error()))
            self.enrolled.setFocus()
            return
        db, user, form, wid = self.ctx.db, self.ctx.user, self.form(), self.watch_user_id
        key = saving.new_key()  # one per save of a new enrolment, kept through its retries

        def work() -> int:
            if wid is None:
                return watch.enrol_user(db, user, form, today=self.today, client_key=key)
            watch.update_user(db, user, wid, form, today=self.today,
                              base_version=self.base_version)
            return wid

        def reconnecting(_try: int) -> None:  # this dialog saves on the spot: paint it now
            self.notice.reconnecting()
            self.notice.repaint()

        try:
            self.watch_user_id = saving.retried(work, on_retry=reconnecting)
        except saving.StaleEdit as exc:
            # Keep what was typed; the next save goes on top of the newer version.
            self.base_version = exc.version
            self.notice.stale(self._describe(exc.newer))
            return
        except (ValueError, ScopeError, LookupError, saving.ConnectionLost) as exc:
            self.notice.clear()
            self.error.setText(str(exc))
            return
        self.ctx.notify("watch")
        super().accept()
