"""食い違いの解決: two received files disagree on a branch × month; the
user compares their totals and chooses which file wins. Nothing changes
until a choice is made; every choice is audited by the service."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core.dates import format_wareki
from coordinator_app.services import consolidation
from coordinator_app.services.consolidation import Conflict
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.tallies.common import error_text, run_job, warn
from coordinator_app.ui.tallies.models import CompareModel, ConflictListModel


class ConflictDialog(QDialog):
    decided = Signal()

    def __init__(self, ctx: AppContext, conflicts: list[Conflict],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("食い違いを解決する"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        intro = QLabel(self.tr(
            "同じ支部・同じ月について、数字の違う集計ファイルが届いています。"
            "どちらのファイルの数字を使うか選んでください。選ぶまでは、先に届いたファイルの数字のままです。"),
            self)
        intro.setWordWrap(True)
        self.list_model = ConflictListModel(self)
        self.list_model.set_rows(conflicts)
        self.list = QTableView(self)
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        fit_table(self.list)
        self.compare_model = CompareModel(self)
        self.compare = QTableView(self)
        self.compare.setModel(self.compare_model)
        self.compare.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.compare.verticalHeader().setVisible(False)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.choice = QComboBox(self)
        self.adopt = QPushButton(self.tr("このファイルの数字を使う"), self)
        self.adopt.clicked.connect(self.adopt_selected)
        self.adopt_newest = QPushButton(self.tr("すべて新しく届いたファイルの数字を使う"), self)
        self.adopt_newest.clicked.connect(self.adopt_all_newest)
        close = QPushButton(self.tr("閉じる（あとで決める）"), self)
        close.clicked.connect(self.reject)
        self.status = QLabel(self)

        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("使うファイル"), self))
        pick.addWidget(self.choice, 1)
        pick.addWidget(self.adopt)
        bottom = QHBoxLayout()
        bottom.addWidget(self.adopt_newest)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.compare, 2)
        layout.addLayout(pick)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.resize(820, 560)
        if conflicts:
            self.list.selectRow(0)
        self._show_current()

    def current(self) -> Conflict | None:
        row = self.list.currentIndex().row()
        if row < 0 or row >= self.list_model.rowCount():
            return None
        return self.list_model.row_at(row)

    def _show_current(self) -> None:
        c = self.current()
        self.compare_model.set_conflict(c)
        self.choice.clear()
        if c is not None:
            for k in c.candidates:
                self.choice.addItem(f"{k.file_name}（{format_wareki(k.received_at.date())}受信）",
                                    k.file_id)
            self.choice.setCurrentIndex(self.choice.count() - 1)
        self.adopt.setEnabled(c is not None)
        self.adopt_newest.setEnabled(self.list_model.rowCount() > 0)

    def adopt_selected(self) -> None:
        c = self.current()
        if c is None:
            return
        self._decide([(c.fiscal_year, c.branch_code, c.month, int(self.choice.currentData()))])

    def adopt_all_newest(self) -> None:
        rows = [self.list_model.row_at(i) for i in range(self.list_model.rowCount())]
        self._decide(consolidation.newest_choices(rows))

    def _decide(self, decisions) -> None:
        db, user = self.ctx.db, self.ctx.user
        decided = {(fy, b, m) for fy, b, m, _ in decisions}
        run_job(self, lambda progress: consolidation.choose_many(db, user, decisions),
                            on_done=lambda n: self._done(decided, n),
                            on_error=lambda exc: warn(self, error_text(exc)))

    def _done(self, decided: set, n: int) -> None:
        left = [self.list_model.row_at(i) for i in range(self.list_model.rowCount())
                if (self.list_model.row_at(i).fiscal_year, self.list_model.row_at(i).branch_code,
                    self.list_model.row_at(i).month) not in decided]
        self.list_model.set_rows(left)
        self.status.setText(self.tr("{0} 件を決めました").format(n))
        self.ctx.notify("tallies")
        self.decided.emit()
        if left:
            self.list.selectRow(0)
            self._show_current()
        else:
            self.accept()
