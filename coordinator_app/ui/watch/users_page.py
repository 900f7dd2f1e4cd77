"""利用登録者: the branch's watch users (ended ones on request), with
enrolment, editing (and the contact history) and ending an enrolment."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.services import watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.watch.end_dialog import EndDialog
from coordinator_app.ui.watch.enrol_dialog import EnrolDialog
from coordinator_app.ui.watch.models import UsersModel


class UsersPage(QWidget):
    def __init__(self, ctx: AppContext, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or clock.today()
        self.dialog = None  # the open enrol/end dialog (tests drive it)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("氏名・ふりがなで絞り込み"))
        self.include_ended = QCheckBox(self.tr("終了した人も表示"), self)
        new = QPushButton(self.tr("新規登録（Ctrl+N）"), self)
        self.edit_button = QPushButton(self.tr("編集・履歴（Enter）"), self)
        self.end_button = QPushButton(self.tr("登録終了…"), self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.include_ended)
        bar.addWidget(new)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.end_button)
        self.count = QLabel(self)
        self.model = UsersModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        fit_table(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.include_ended.toggled.connect(lambda _: self.reload())
        new.clicked.connect(self.enrol)
        self.edit_button.clicked.connect(self.edit_current)
        self.end_button.clicked.connect(self.end_current)
        self.table.activated.connect(lambda _: self.edit_current())
        ctx.changes.changed.connect(self._changed)

    def reload(self) -> None:
        rows = watch.list_users(self.ctx.db, self.ctx.user, self.include_ended.isChecked(),
                                self.search.text(), today=self.today)
        current = self.current()
        self.model.set_rows(rows)
        active = sum(1 for r in rows if r.ended_on is None)
        self.count.setText(self.tr("{n}人（登録中 {a}人）").format(n=len(rows), a=active))
        ids = [r.id for r in rows]
        if current is not None and current.id in ids:
            self.table.selectRow(ids.index(current.id))
        elif rows:
            self.table.selectRow(0)

    def current(self) -> watch.UserRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def enrol(self) -> None:
        self._open(EnrolDialog(self.ctx, None, self, today=self.today))

    def edit_current(self) -> None:
        row = self.current()
        if row is not None:
            self._open(EnrolDialog(self.ctx, row.id, self, today=self.today))

    def end_current(self) -> None:
        row = self.current()
        if row is not None and row.ended_on is None:
            self._open(EndDialog(self.ctx, row.id, row.name, self, today=self.today))

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _changed(self, what: str) -> None:
        if what in ("watch", "person", "volunteer") and self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()
        self.table.setFocus()
