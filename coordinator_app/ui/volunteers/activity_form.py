"""活動記録の入力: an activity on a date and the volunteers who took part,
each with their hours. Type a name or ふりがな and press Enter to add the
first match; Delete removes the selected participant; Ctrl+S saves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.services import volunteers
from coordinator_app.services.volunteers import (
    ACTIVITY_KIND,
    Participant,
    VolunteerQuery,
)
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.volunteers.tables import ParticipantTableModel
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts

TITLES = ("ふれあいサロン", "外出支援", "見守り訪問", "地域清掃", "防災訓練", "行事の手伝い")


class ActivityFormDialog(QDialog):
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("活動記録の入力"))
        self.resize(760, 560)
        form = self._build_activity()
        self._build_participants(form)
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.participants_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.held_on)
        self._count_changed()

    # --- building -----------------------------------------------------------------

    def _build_activity(self) -> QFormLayout:
        """The activity: day, title, kind, hours per person, note."""
        self.held_on = DateLineEdit(self, required=True)
        self.held_on.setDate(clock.today())
        self.title = QComboBox(self)
        self.title.setEditable(True)
        self.title.addItems(["", *TITLES])
        self.kind = QComboBox(self)
        for code, label in ACTIVITY_KIND.items():
            self.kind.addItem(self.tr(label), code)
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(2.0)
        self.hours.setSuffix(self.tr(" 時間"))
        self.hours.setSpecialValueText(self.tr("記録しない"))
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("活動日(&D)"), self.held_on)
        form.addRow(self.tr("活動名(&T)"), self.title)
        form.addRow(self.tr("種類(&K)"), self.kind)
        form.addRow(self.tr("1人あたりの時間"), self.hours)
        form.addRow(self.tr("メモ"), self.note)
        return form

    def _build_participants(self, form: QFormLayout) -> None:
        """Finding a volunteer by name (Enter adds the first match) and the
        participants, whose hours can be changed."""
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("氏名・ふりがなを入れて Enter で追加"))
        self.find.returnPressed.connect(self.add_first_match)
        self.found = QLabel(self)
        self.model = ParticipantTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.view.installEventFilter(self)
        self.model.rowsInserted.connect(self._count_changed)
        self.model.rowsRemoved.connect(self._count_changed)
        form.addRow(self.tr("参加者を追加(&A)"), self.find)
        form.addRow("", self.found)
        self.participants_label = QLabel(self)

    def _build_buttons(self) -> QHBoxLayout:
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"), self)
        cancel = QPushButton(self.tr("キャンセル"), self)
        for b in (self.save_button, cancel):
            b.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        save_shortcuts(self, self.save, self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        return buttons

    def _count_changed(self, *_args) -> None:
        self.participants_label.setText(self.tr("参加者 {0}人（時間はダブルクリックで変更、Delete で外す）")
                                        .format(self.model.rowCount()))

    def add_first_match(self) -> None:
        text = self.find.text().strip()
        if not text:
            return
        rows = volunteers.search_volunteers(self.ctx.db, self.ctx.user,
                                            VolunteerQuery(text=text, status="active"), limit=5)
        if not rows:
            self.found.setText(self.tr("「{0}」に当たる登録中のボランティアはいません").format(text))
            return
        r = rows[0]
        hours = self.hours.value() or None
        if self.model.add(Participant(r.id, r.name, r.kana, hours)):
            self.found.setText(self.tr("追加しました: {0}").format(r.name)
                               + (self.tr("（ほかに {0}人該当）").format(len(rows) - 1)
                                  if len(rows) > 1 else ""))
        else:
            self.found.setText(self.tr("{0} さんはもう追加されています").format(r.name))
        self.find.clear()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view and event.type() == QEvent.KeyPress \
                and event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()},
                          reverse=True)
            for row in rows:
                self.model.remove(row)
            return True
        return super().eventFilter(obj, event)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        if self.held_on.error():
            self.error.setText(self.tr("活動日: ") + self.held_on.error())
            return
        db, user = self.ctx.db, self.ctx.user
        held_on, title, kind = self.held_on.date(), self.title.currentText(), self.kind.currentData()
        note = self.note.text()
        people = [(p.volunteer_id, p.hours) for p in self.model.rows]
        self.save_button.setEnabled(False)
        self.error.clear()
        self.ctx.runner.run(
            lambda _p: volunteers.record_activity(db, user, held_on, title, kind, people, note),
            on_done=self._saved, on_error=self._failed)

    def _saved(self, activity_id: int) -> None:
        self.ctx.notify("volunteer")
        self.saved.emit(activity_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(str(exc))
