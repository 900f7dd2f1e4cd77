"""The one table model behind every list on the screens (Vorta's
``set_rows`` models, with the columns as data).

A model declares its columns once, as ``Column`` values: the header (a
Japanese source text, translated in the model's ``CONTEXT``; without a
context it is shown as given, already translated), the text of a cell and,
where a column needs them, its alignment, colours, bold font, tooltip and
editor text. Rows are plain objects from a service, replaced with
``set_rows``. Models with more behaviour (check boxes, editing, paging,
columns that depend on the data) subclass it and override the Qt method
concerned, calling ``super()`` for the rest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

Cell = Callable[[Any], Any]  # row -> what the cell shows for one role (None: nothing)

RIGHT = Qt.AlignRight | Qt.AlignVCenter
CENTER = Qt.AlignCenter

# Roles as plain ints: data() runs for every visible cell, and comparing
# PySide enums costs more than the rest of it.
_DISPLAY, _EDIT, _ALIGN, _FOREGROUND, _BACKGROUND, _FONT, _TOOLTIP = (int(r) for r in (
    Qt.DisplayRole, Qt.EditRole, Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.BackgroundRole,
    Qt.FontRole, Qt.ToolTipRole))
# Which role each optional Column field and row hook answers.
_FIELD_ROLES = (("edit", _EDIT), ("align", _ALIGN), ("foreground", _FOREGROUND),
                ("background", _BACKGROUND), ("bold", _FONT), ("tooltip", _TOOLTIP))
_HOOK_ROLES = (("row_foreground", _FOREGROUND), ("row_background", _BACKGROUND),
               ("row_tooltip", _TOOLTIP))


@dataclass(frozen=True)
class Column:
    header: str
    text: Cell  # None is shown empty, numbers as str()
    align: Qt.AlignmentFlag | None = None
    foreground: Cell | None = None  # a QColor/QBrush, or None for the row's colour
    background: Cell | None = None
    bold: Cell | None = None  # true: the cell is bold
    tooltip: Cell | None = None  # None: the row's tooltip
    edit: Cell | None = None  # the editor's starting text (editable columns only)


class TableModel(QAbstractTableModel):
    """Rows shown through ``COLUMNS`` (or the ``columns`` given). Colours
    and tooltips a whole row shares come from ``row_foreground``,
    ``row_background`` and ``row_tooltip`` (methods to override, or
    callables given to the constructor); a column's own value wins."""

    COLUMNS: tuple[Column, ...] = ()
    CONTEXT = ""  # the translation context of the headers

    def __init__(self, parent: QObject | None = None, columns: Sequence[Column] | None = None,
                 foreground: Cell | None = None, background: Cell | None = None,
                 tooltip: Cell | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column, ...] = tuple(columns) if columns is not None else self.COLUMNS
        self._rows: list = []
        if foreground is not None:
            self.row_foreground = foreground
        if background is not None:
            self.row_background = background
        if tooltip is not None:
            self.row_tooltip = tooltip
        self._roles = self._roles_answered()

    def _roles_answered(self) -> frozenset[int]:
        """The roles some column or row hook answers: data() returns None
        for the others at once (views ask for a dozen roles per cell)."""
        roles = {_DISPLAY}
        roles.update(role for field, role in _FIELD_ROLES
                     if any(getattr(c, field) is not None for c in self._columns))
        roles.update(role for hook, role in _HOOK_ROLES
                     if hook in self.__dict__
                     or getattr(type(self), hook) is not getattr(TableModel, hook))
        return frozenset(roles)

    # --- rows ----------------------------------------------------------------------------

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list:
        """A copy of the rows shown, in order."""
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_changed(self, row: int) -> None:
        """Redraw every cell of one row (after its object was replaced)."""
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    # --- what is shown ----------------------------------------------------------------

    def row_foreground(self, row: Any) -> Any:
        return None

    def row_background(self, row: Any) -> Any:
        return None

    def row_tooltip(self, row: Any) -> Any:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.DisplayRole) -> Any:
        if role != _DISPLAY or orientation != Qt.Horizontal:
            return None
        header = self._columns[section].header
        return QCoreApplication.translate(self.CONTEXT, header) if self.CONTEXT else header

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        role = int(role)
        if role not in self._roles or not index.isValid():
            return None  # before row_at: a paging model would read a page for nothing
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self._columns[index.column()]
        if role == _DISPLAY:
            value = column.text(row)
            return value if isinstance(value, str) else ("" if value is None else str(value))
        if role == _EDIT:
            return None if column.edit is None else column.edit(row)
        if role == _ALIGN:
            return None if column.align is None else int(column.align)
        if role == _FOREGROUND:
            value = None if column.foreground is None else column.foreground(row)
            return self.row_foreground(row) if value is None else value
        if role == _BACKGROUND:
            value = None if column.background is None else column.background(row)
            return self.row_background(row) if value is None else value
        if role == _TOOLTIP:
            value = None if column.tooltip is None else column.tooltip(row)
            return self.row_tooltip(row) if value is None else value
        if role == _FONT and column.bold is not None and column.bold(row):
            return bold_font()
        return None


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
