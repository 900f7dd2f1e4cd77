"""Shared pieces of the settings tabs: a table model over plain rows and
the way errors are shown."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableView, QWidget


class RowsModel(QAbstractTableModel):
    """Rows (dataclasses) shown through one getter per column."""

    def __init__(self, headers: Sequence[str], getters: Sequence[Callable[[Any], Any]],
                 parent=None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.getters = list(getters)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        value = self.getters[index.column()](self.rows[index.row()])
        return "" if value is None else str(value)


def make_table(model: RowsModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectRows)
    table.setSelectionMode(QTableView.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def selected_row(table: QTableView, model: RowsModel) -> Any | None:
    rows = table.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


def show_error(parent: QWidget, exc: BaseException) -> None:
    """ValueError/LookupError/PermissionError carry a Japanese sentence;
    anything else is a database problem explained without its SQL."""
    from coordinator_app.services.backups import explain_db_error

    if isinstance(exc, (ValueError, LookupError, PermissionError)):
        text = str(exc)
    else:
        text = explain_db_error(exc)
    QMessageBox.warning(parent, QCoreApplication.translate("Settings", "保存できません"), text)
