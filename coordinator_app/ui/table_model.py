"""The plumbing shared by the screens' table models: a list of rows, one
column per ``HEADERS`` entry. Subclasses implement ``data`` (and override
anything else they lay out differently)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt


class ColumnTableModel(QAbstractTableModel):
    """Rows replaced with ``set_rows``; ``HEADERS`` are Japanese source
    texts, shown through ``translate(CONTEXT, header)``."""

    HEADERS: tuple[str, ...] = ()
    CONTEXT = ""  # the translation context of HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None
