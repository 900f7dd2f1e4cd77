"""The records behind one figure of the monthly report (coordinators only:
the service refuses anyone else)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services.tallies import RecordLine
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.tallies.models import RecordsModel


class RecordsDialog(QDialog):
    def __init__(self, title: str, rows: list[RecordLine], parent: QWidget | None = None,
                 measure: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.model = RecordsModel(self, measure)
        self.model.set_rows(rows)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        fit_table(self.view)
        count = QLabel(self.tr("{0} 件（取扱注意: 個人の記録です）").format(len(rows)), self)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.view, 1)
        layout.addWidget(count)
        layout.addWidget(buttons)
        self.resize(720, 440)
