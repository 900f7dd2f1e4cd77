"""The two lists of the 行事・サロン screen: events (by month, kind and
group; edit, delete after confirmation) and activity groups (by kind,
自治会, active/ended, name or ふりがな; 50音順). Reads are quick indexed
queries of one branch and run on the UI thread like the other lists;
writes go through the runner."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import format_wareki, month_key
from coordinator_app.services import gatherings as svc
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.gatherings.tables import EventTableModel, GroupTableModel
from coordinator_app.ui.table_view import fit_table

MONTHS_OFFERED = 24


def _table(parent: QWidget, model, stretch: tuple[int, ...]) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    return fit_table(view, stretch=stretch)


def _months() -> list[tuple[int, str]]:
    """This month and the ones before it: (YYYYMM, 令和8年11月)."""
    today = clock.today()
    year, month = today.year, today.month
    out = []
    for _ in range(MONTHS_OFFERED):
        text = format_wareki(today.replace(year=year, month=month, day=1))
        out.append((year * 100 + month, text.removesuffix("1日")))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


class EventsPanel(QWidget):
    """``openEvent(id)`` asks the screen to edit an event."""

    openEvent = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.month = QComboBox(self)
        self.month.addItem(self.tr("すべての月"), None)
        for key, label in _months():
            self.month.addItem(label, key)
        self.month.setCurrentIndex(1)
        self.kind = QComboBox(self)
        self.group = QComboBox(self)
        self.group.setMinimumContentsLength(14)
        self.summary = QLabel(self)
        self.model = EventTableModel(self)
        self.view = _table(self, self.model, stretch=(2, 3))  # 名称, グループ
        self.edit_button = QPushButton(self.tr("編集 (Enter)"), self)
        self.delete_button = QPushButton(self.tr("削除…"), self)
        for button in (self.edit_button, self.delete_button):
            button.setAutoDefault(False)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("月"), self.month), (self.tr("種別"), self.kind),
                              (self.tr("グループ"), self.group)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.edit_button)
        filters.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)
        for combo in (self.month, self.kind, self.group):
            combo.currentIndexChanged.connect(self.refresh)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.activated.connect(lambda _i: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.installEventFilter(self)
        self.reload_choices()

    def reload_choices(self) -> None:
        """The kinds and the branch's groups (ended ones too: their past
        meetings are listed)."""
        db, user = self.ctx.db, self.ctx.user
        for combo, items in (
                (self.kind, svc.event_kinds(db)),
                (self.group, [(r.id, r.name) for r in svc.search_groups(
                    db, user, svc.GroupQuery(status="all"))])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("すべて"), None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def query(self) -> svc.EventQuery:
        return svc.EventQuery(month=self.month.currentData(), kind=self.kind.currentData() or "",
                              group_id=self.group.currentData())

    def refresh(self) -> None:
        self.model.set_rows(svc.list_events(self.ctx.db, self.ctx.user, self.query()))
        count, people = self.model.totals()
        self.summary.setText(self.tr("{0}回・参加 延べ{1}人").format(count, people))
        has = count > 0
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if has and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def set_group(self, group_id: int) -> None:
        """Show every meeting of a group."""
        self.month.setCurrentIndex(0)
        self.group.setCurrentIndex(max(self.group.findData(group_id), 0))

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.openEvent.emit(row.id)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("行事の削除"),
            self.tr("{0} の「{1}」（参加 {2}人）を削除します。集計からも除かれます。"
                    "削除しますか？").format(format_wareki(row.held_on), row.title,
                                          row.participants),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return
        db, user = self.ctx.db, self.ctx.user
        self.ctx.runner.run(lambda _p: svc.delete_event(db, user, row.id),
                            on_done=lambda _r: self.ctx.notify("event"),
                            on_error=lambda exc: QMessageBox.warning(
                                self, self.tr("削除できませんでした"), str(exc)))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view and event.type() == event.Type.KeyPress \
                and event.key() == Qt.Key_Delete:
            self.delete_selected()
            return True
        return super().eventFilter(obj, event)


class GroupsPanel(QWidget):
    """``openGroup(id)`` asks to edit a group; ``enterMeeting(id)`` to
    enter its meetings."""

    openGroup = Signal(int)
    enterMeeting = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("名称・ふりがなで絞り込み"))
        self.text.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.area = QComboBox(self)
        self.status = QComboBox(self)
        for code, label in svc.STATUSES.items():
            self.status.addItem(self.tr(label), code)
        self.count = QLabel(self)
        self.model = GroupTableModel(self)
        self.view = _table(self, self.model, stretch=(0, 4, 5))  # 名称, 開催の目安, 会場
        self.edit_button = QPushButton(self.tr("編集 (Enter)"), self)
        self.meeting_button = QPushButton(self.tr("開催を入力"), self)
        for button in (self.edit_button, self.meeting_button):
            button.setAutoDefault(False)
        filters = QHBoxLayout()
        filters.addWidget(self.text, 2)
        for label, widget in ((self.tr("種別"), self.kind), (self.tr("自治会"), self.area),
                              (self.tr("状態"), self.status)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.edit_button)
        filters.addWidget(self.meeting_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.text)
        self._typing = QTimer(self, singleShot=True, interval=200, timeout=self.refresh)
        self.text.textChanged.connect(lambda _t: self._typing.start())
        for combo in (self.kind, self.area, self.status):
            combo.currentIndexChanged.connect(self.refresh)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.activated.connect(lambda _i: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_selected)
        self.meeting_button.clicked.connect(self.meeting_selected)
        self.text.returnPressed.connect(self.view.setFocus)
        self.reload_choices()

    def reload_choices(self) -> None:
        db, user = self.ctx.db, self.ctx.user
        for combo, items in ((self.kind, svc.group_kinds(db)),
                             (self.area, svc.branch_areas(db, user))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("すべて"), None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def query(self) -> svc.GroupQuery:
        return svc.GroupQuery(text=self.text.text(), kind=self.kind.currentData() or "",
                              area_id=self.area.currentData(),
                              status=self.status.currentData())

    def refresh(self) -> None:
        self.model.set_rows(svc.search_groups(self.ctx.db, self.ctx.user, self.query()))
        n = self.model.rowCount()
        self.count.setText(self.tr("{0}グループ（50音順）").format(n))
        self.edit_button.setEnabled(n > 0)
        self.meeting_button.setEnabled(n > 0)
        if n and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.openGroup.emit(row.id)

    def meeting_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.enterMeeting.emit(row.id)


def this_month() -> int:
    return month_key(clock.today())
