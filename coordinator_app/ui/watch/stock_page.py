"""登録者数: how many users and cooperators were registered at a date
(default the last 3月31日, as the plans report them)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import format_wareki
from coordinator_app.services import watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.watch.models import AreaCountModel
from coordinator_app.ui.widgets import DateLineEdit


class StockPage(QWidget):
    def __init__(self, ctx: AppContext, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or clock.today()
        self.as_of = DateLineEdit(self, required=True)
        self.as_of.setDate(watch.last_fiscal_year_end(self.today))
        show = QPushButton(self.tr("表示"), self)
        bar = QHBoxLayout()
        caption = QLabel(self.tr("基準日(&D)"), self)
        caption.setBuddy(self.as_of)
        bar.addWidget(caption)
        bar.addWidget(self.as_of)
        bar.addWidget(show)
        bar.addStretch(1)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 13pt;")
        self.users = QLabel(self)
        self.cooperators = QLabel(self)
        self.unassigned = QLabel(self)
        for label in (self.users, self.cooperators):
            label.setStyleSheet("font-size: 20pt; font-weight: bold;")
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("見守り利用登録者数"), self), 0, 0)
        grid.addWidget(self.users, 0, 1)
        grid.addWidget(QLabel(self.tr("見守り協力員登録者数"), self), 1, 0)
        grid.addWidget(self.cooperators, 1, 1)
        grid.addWidget(QLabel(self.tr("協力員が未割当の利用者（現在の割当て）"), self), 2, 0)
        grid.addWidget(self.unassigned, 2, 1)
        grid.setColumnStretch(2, 1)
        self.model = AreaCountModel(self)
        table = QTableView(self)
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setMaximumWidth(420)
        fit_table(table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("自治会別の利用登録者数"), self))
        layout.addWidget(table, 1)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        show.clicked.connect(self.reload)
        self.as_of.edit.returnPressed.connect(self.reload)

    def reload(self) -> None:
        day = self.as_of.date()
        if day is None:
            self.error.setText(self.tr("基準日: {e}").format(e=self.as_of.error()))
            return
        self.error.clear()
        figures = watch.stock_figures(self.ctx.db, self.ctx.user, day, today=self.today)
        self.heading.setText(self.tr("{day} 現在").format(day=format_wareki(figures.as_of)))
        self.users.setText(self.tr("{n}人").format(n=figures.users))
        self.cooperators.setText(self.tr("{n}人").format(n=figures.cooperators))
        self.unassigned.setText(self.tr("{n}人").format(n=figures.users_without_cooperator))
        self.model.set_rows(figures.users_by_area)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()
