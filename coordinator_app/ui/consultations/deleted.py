"""削除した相談記録: soft-deleted records and 復元 (restore). For an
administrator (every branch; no names or text are shown) and for a
branch's coordinator (their own branch)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import codes
from coordinator_app.core.dates import format_wareki
from coordinator_app.services import consultations as svc
from coordinator_app.services.consultations import DeletedRecord
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_model import Column, TableModel
from coordinator_app.ui.table_view import fit_table


class DeletedConsultationsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TableModel(self, [
            Column(self.tr("番号"), lambda r: r.number),
            Column(self.tr("支部"), lambda r: f"{r.branch_code} {r.branch_name}"),
            Column(self.tr("受付日"), lambda r: format_wareki(r.received_on)),
            Column(self.tr("区分"), lambda r: codes.KIND.get(r.kind, r.kind)),
            Column(self.tr("削除日時"), lambda r: f"{r.deleted_at:%Y-%m-%d %H:%M} UTC"),
            Column(self.tr("削除した人"), lambda r: r.deleted_by),
        ])
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_table(self.table)
        self.restore_button = QPushButton(self.tr("復元する"), self)
        self.restore_button.setAutoDefault(False)
        self.status = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("削除された相談記録は集計に含まれません。復元すると元に戻ります。"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.refresh()

    def refresh(self) -> None:
        rows = svc.list_deleted(self.ctx.db, self.ctx.user)
        self.model.set_rows(rows)
        self.restore_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
        self.status.setText(self.tr("%1件").replace("%1", str(len(rows))))

    def selected(self) -> DeletedRecord | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def restore_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        db, user = self.ctx.db, self.ctx.user
        self.restore_button.setEnabled(False)
        self.ctx.runner.run(lambda _p: svc.restore_consultation(db, user, row.id),
                            on_done=self._restored, on_error=self._failed)

    def _restored(self, _result) -> None:
        self.ctx.notify("consultation")
        self.refresh()
        self.status.setText(self.tr("復元しました"))

    def _failed(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("復元できませんでした"), str(exc))


class DeletedConsultationsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("削除した相談記録"))
        self.view = DeletedConsultationsView(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.resize(820, 420)
        self.setAttribute(Qt.WA_DeleteOnClose)
