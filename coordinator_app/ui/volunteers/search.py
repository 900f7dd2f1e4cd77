"""検索・マッチング: find volunteers by name/ふりがな (kana-insensitive),
role, skill, day and time, area, insurance and status; results in 50音順.
Enter (or a double click) opens the volunteer's page."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import fiscal_year_of
from coordinator_app.services import volunteers
from coordinator_app.services.volunteers import (
    INSURANCE_STATES,
    SEARCH_LIMIT,
    SLOTS,
    STATUSES,
    WEEKDAY_LABELS,
    VolunteerQuery,
)
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.volunteers.tables import VolunteerTableModel


class VolunteerSearchPanel(QWidget):
    """``openVolunteer(id)`` asks the screen to show a volunteer's page."""

    openVolunteer = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # role labels come with the choices (reload_choices)
        self.model = VolunteerTableModel({}, fiscal_year_of(clock.today()), parent=self)
        first, second = self._build_filters()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        self._sized = False
        self._connect()
        self.setFocusProxy(self.text)
        self.reload_choices()

    # --- building -----------------------------------------------------------------

    def _build_filters(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Two rows of search conditions (name, role, skill; day, time,
        area, insurance, status) and the button that clears them."""
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("氏名・ふりがな（ひらがな・カタカナどちらでも）"))
        self.text.setClearButtonEnabled(True)
        self.role = QComboBox(self)
        self.skill = QComboBox(self)
        self.skill.setEditable(True)
        self.skill.lineEdit().setPlaceholderText(self.tr("すべて"))
        self.weekday = QComboBox(self)
        self.weekday.addItem(self.tr("すべて"), None)
        for i, day in enumerate(WEEKDAY_LABELS):
            self.weekday.addItem(self.tr("{0}曜").format(day), i)
        self.slot = QComboBox(self)
        self.slot.addItem(self.tr("すべて"), "")
        for code, label in SLOTS.items():
            self.slot.addItem(self.tr(label), code)
        self.area = QComboBox(self)
        self.insurance = QComboBox(self)
        self.insurance.addItem(self.tr("すべて"), "")
        for code, label in INSURANCE_STATES.items():
            self.insurance.addItem(self.tr(label), code)
        self.status = QComboBox(self)
        for code, label in STATUSES.items():
            self.status.addItem(self.tr(label), code)
        clear = QPushButton(self.tr("条件をクリア"), self)
        clear.setAutoDefault(False)
        clear.clicked.connect(self.clear_filters)
        first, second = QHBoxLayout(), QHBoxLayout()
        rows = [(first, self.tr("検索(&F)"), self.text), (first, self.tr("活動内容(&R)"), self.role),
                (first, self.tr("特技"), self.skill), (second, self.tr("曜日(&W)"), self.weekday),
                (second, self.tr("時間帯(&T)"), self.slot), (second, self.tr("地域(&A)"), self.area),
                (second, self.tr("保険"), self.insurance), (second, self.tr("状態"), self.status)]
        for row, label, w in rows:
            lab = QLabel(label, self)
            lab.setBuddy(w)
            row.addWidget(lab)
            row.addWidget(w, 1 if w is self.text else 0)
            row.addSpacing(8)
        for w in (self.role, self.skill, self.area):
            w.setMinimumWidth(150)
        second.addStretch(1)
        second.addWidget(clear)
        return first, second

    def _build_table(self) -> None:
        self.count = QLabel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().hide()
        fit_table(self.view)

    def _connect(self) -> None:
        """Typing searches shortly after the last key; a changed condition at once."""
        self.view.activated.connect(lambda index: self.openVolunteer.emit(
            self.model.row_at(index.row()).id))
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.text.returnPressed.connect(self._focus_results)
        self.skill.editTextChanged.connect(lambda _t: self._timer.start())
        for combo in (self.role, self.weekday, self.slot, self.area, self.insurance, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def reload_choices(self) -> None:
        """Areas and skill suggestions of the branch (after registrations)."""
        area_id, skill = self.area.currentData(), self.skill.currentText()
        role = self.role.currentData()
        for combo in (self.area, self.skill, self.role):
            combo.blockSignals(True)
        roles = volunteers.list_roles(self.ctx.db, include_inactive=True)
        self.model.role_labels = {r.code: r.label for r in roles}
        self.role.clear()
        self.role.addItem(self.tr("すべて"), "")
        for r in roles:
            if r.active:
                self.role.addItem(self.tr(r.label), r.code)
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.area.clear()
        self.area.addItem(self.tr("すべて"), None)
        for aid, name in volunteers.list_branch_areas(self.ctx.db, self.ctx.user):
            self.area.addItem(name, aid)
        self.area.setCurrentIndex(max(0, self.area.findData(area_id)))
        self.skill.clear()
        self.skill.addItem("")
        self.skill.addItems(volunteers.skill_suggestions(self.ctx.db, self.ctx.user))
        self.skill.setCurrentText(skill)
        for combo in (self.area, self.skill, self.role):
            combo.blockSignals(False)

    def query(self) -> VolunteerQuery:
        return VolunteerQuery(
            text=self.text.text(), role=self.role.currentData(), skill=self.skill.currentText(),
            weekday=self.weekday.currentData(), slot=self.slot.currentData(),
            area_id=self.area.currentData(), insurance=self.insurance.currentData(),
            status=self.status.currentData())

    def refresh(self) -> None:
        """One indexed query for the branch, at most SEARCH_LIMIT rows."""
        self._timer.stop()
        rows = volunteers.search_volunteers(self.ctx.db, self.ctx.user, self.query())
        self.model.set_rows(rows)
        text = self.tr("{0}人").format(len(rows))
        if len(rows) >= SEARCH_LIMIT:
            text += self.tr("（先頭{0}人を表示。条件を絞ってください）").format(SEARCH_LIMIT)
        self.count.setText(text)
        if rows and not self._sized:  # once; later the user's widths stay
            self.view.resizeColumnsToContents()
            self._sized = True

    def _focus_results(self) -> None:
        self.refresh()
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def clear_filters(self) -> None:
        for combo in (self.role, self.weekday, self.slot, self.area, self.insurance, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.skill.setCurrentText("")
        self.text.clear()
        self.refresh()

    def set_filters(self, **values) -> None:
        """Set several filters at once (e.g. status='active',
        insurance='lapsed'), then search once."""
        combos = {"role": self.role, "weekday": self.weekday, "slot": self.slot,
                  "area_id": self.area, "insurance": self.insurance, "status": self.status}
        for name, value in values.items():
            if name == "text":
                self.text.setText(value)
                continue
            if name == "skill":
                self.skill.setCurrentText(value)
                continue
            combo = combos[name]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.refresh()
