"""A small table model for short lists (要フォロー, a person's history,
deleted records): columns are (header, text-of-row) pairs; ``set_rows``
replaces the rows. The row object itself is under ``Qt.UserRole``."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

Column = tuple[str, Callable[[Any], str]]


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None,
                 foreground: Callable[[Any], Any] | None = None,
                 tooltip: Callable[[Any], str] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._foreground = foreground
        self._tooltip = tooltip

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return self.columns[index.column()][1](item)
        if role == Qt.UserRole:
            return item
        if role == Qt.ForegroundRole and self._foreground:
            return self._foreground(item)
        if role == Qt.ToolTipRole and self._tooltip:
            return self._tooltip(item)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section][0]
        return None
