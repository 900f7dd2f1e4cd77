"""協力員: the branch's 見守り協力員 and who watches whom. Users with no
cooperator are flagged; selecting a cooperator shows their page — the
users they watch, with this month's state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.services import watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.watch.models import CooperatorsModel, WorklistModel


def _table(parent: QWidget, model) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    return fit_table(table)


class CooperatorsPage(QWidget):
    """``showWorklist(state, volunteer_id)`` asks the screen to open the
    worklist filtered (the unassigned users, or one cooperator's users)."""

    showWorklist = Signal(object, object)

    def __init__(self, ctx: AppContext, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or clock.today()
        self.flag = QLabel(self)
        self.flag.setStyleSheet("font-size: 12pt;")
        self.flag.setWordWrap(True)
        show_unassigned = QPushButton(self.tr("未割当の利用者を今月の見守りで見る"), self)
        top = QHBoxLayout()
        top.addWidget(self.flag, 1)
        top.addWidget(show_unassigned)
        self.model = CooperatorsModel(self)
        self.table = _table(self, self.model)
        self.page_title = QLabel(self)
        self.page_title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.users_model = WorklistModel(self)
        self.users_table = _table(self, self.users_model)
        open_worklist = QPushButton(self.tr("この協力員の担当で今月の見守りを開く"), self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.page_title)
        right_layout.addWidget(self.users_table, 1)
        right_layout.addWidget(open_worklist)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        show_unassigned.clicked.connect(lambda: self.showWorklist.emit("no_cooperator", None))
        open_worklist.clicked.connect(self._open_worklist)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _: self._show_page())
        ctx.changes.changed.connect(self._changed)

    def reload(self) -> None:
        rows, unassigned = watch.cooperator_overview(self.ctx.db, self.ctx.user, self.today)
        current = self.current()
        self.model.set_rows(rows)
        color = "#b00020" if unassigned else "#1b5e20"
        registered = sum(1 for r in rows if r.has_role)
        text = self.tr("見守り協力員 {n}人　協力員が未割当の利用者: "
                       "<b style='color:{c}'>{u}人</b>").format(n=registered, u=unassigned,
                                                               c=color)
        if registered < len(rows):
            text += self.tr("　<span style='color:#b00020'>※役割なしの担当者 {m}人"
                            "（ボランティア登録で見守り協力員にしてください）</span>"
                            ).format(m=len(rows) - registered)
        self.flag.setText(text)
        ids = [r.cooperator.id for r in rows]
        if current is not None and current.cooperator.id in ids:
            self.table.selectRow(ids.index(current.cooperator.id))
        elif rows:
            self.table.selectRow(0)
        else:
            self._show_page()

    def current(self) -> watch.CooperatorRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_page(self) -> None:
        row = self.current()
        if row is None:
            self.page_title.setText("")
            self.users_model.set_rows([])
            return
        c = row.cooperator
        wl = watch.worklist(self.ctx.db, self.ctx.user, volunteer_id=c.id, today=self.today)
        self.page_title.setText(self.tr("{name}（{kana}）さんの担当: {n}人　電話 {phone}")
                                .format(name=c.name, kana=c.kana, n=wl.total,
                                        phone=c.phone or "—"))
        self.users_model.set_rows(wl.rows)

    def _open_worklist(self) -> None:
        row = self.current()
        if row is not None:
            self.showWorklist.emit(None, row.cooperator.id)

    def _changed(self, what: str) -> None:
        if what in ("watch", "volunteer", "person") and self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()
