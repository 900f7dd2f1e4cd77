"""活動記録: the branch's activities of a fiscal year and the figure they
feed, ボランティア活動参加者数 (participations, one per volunteer per
activity)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import fiscal_year_label, fiscal_year_of, format_wareki
from coordinator_app.services import volunteers
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.volunteers.activity_form import ActivityFormDialog
from coordinator_app.ui.volunteers.tables import ActivityTableModel, hours_text


class ActivityPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = QComboBox(self)
        fy = fiscal_year_of(clock.today())
        for year in range(fy, fy - 5, -1):
            self.year.addItem(fiscal_year_label(year), year)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.figure = QLabel(self)
        self.figure.setStyleSheet("font-weight: bold;")
        new = QPushButton(self.tr("活動記録を入力 (Ctrl+R)"), self)
        new.setAutoDefault(False)
        new.clicked.connect(self.new_activity)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.new_activity,
                  context=Qt.WidgetWithChildrenShortcut)
        self.delete_button = QPushButton(self.tr("削除…"), self)
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_selected)
        self.model = ActivityTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().hide()
        fit_table(self.view, stretch=(ActivityTableModel.COL_TITLE,))
        self.view.activated.connect(self._show_participants)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addWidget(self.figure, 1)
        top.addWidget(new)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.dialog: ActivityFormDialog | None = None
        self.refresh()

    def fiscal_year(self) -> int:
        return self.year.currentData()

    def refresh(self) -> None:
        fy = self.fiscal_year()
        self.model.set_rows(volunteers.list_activities(self.ctx.db, self.ctx.user, fy))
        n = volunteers.participations(self.ctx.db, fy, self.ctx.user.branch_id)
        self.figure.setText(self.tr("{0} ボランティア活動参加者数: {1}人（活動 {2}件）").format(
            fiscal_year_label(fy), n, self.model.rowCount()))
        self.detail.clear()

    def participation_figure(self) -> int:
        return volunteers.participations(self.ctx.db, self.fiscal_year(), self.ctx.user.branch_id)

    def new_activity(self) -> None:
        dlg = ActivityFormDialog(self.ctx, self)
        self.dialog = dlg
        dlg.open()

    def _show_participants(self, index) -> None:
        a = volunteers.get_activity(self.ctx.db, self.ctx.user, self.model.row_at(index.row()).id)
        names = "、".join(p.name + (f"（{hours_text(p.hours)}）" if p.hours else "")
                         for p in a.participants)
        self.detail.setText(f"{format_wareki(a.held_on, weekday=True)} {a.title}: {names}"
                            + (f"\n{a.note}" if a.note else ""))

    def delete_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        a = self.model.row_at(rows[0].row())
        answer = QMessageBox.question(
            self, self.tr("活動記録の削除"),
            self.tr("{0} の「{1}」（参加者 {2}人）を削除します。元に戻せません。よろしいですか？")
            .format(format_wareki(a.held_on), a.title, a.participant_count))
        if answer != QMessageBox.Yes:
            return
        db, user = self.ctx.db, self.ctx.user
        self.ctx.runner.run(lambda _p: volunteers.delete_activity(db, user, a.id),
                            on_done=lambda _r: self.ctx.notify("volunteer"),
                            on_error=lambda e: QMessageBox.warning(self, self.tr("削除"), str(e)))
