"""Small widgets shared by the entry forms."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import DateParseError, format_wareki, parse_date

ERROR_STYLE = "color: #b00020;"
REQUIRED = ' <span style="color:#b00020">*</span>'

# Every entry form saves with the same keys (a form that took Ctrl+Enter
# and another Ctrl+S made people guess).
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S")


def save_shortcuts(form: QWidget, save, button: QAbstractButton | None = None) -> list[QShortcut]:
    """Ctrl+Enter (either Enter key) and Ctrl+S call ``save`` anywhere in
    ``form`` (and its children only: two panels of one window never
    compete); ``button``'s tooltip says so."""
    shortcuts = []
    for keys in SAVE_KEYS:
        shortcut = QShortcut(QKeySequence(keys), form)
        shortcut.setContext(Qt.WidgetWithChildrenShortcut)
        shortcut.activated.connect(save)
        shortcuts.append(shortcut)
    if button is not None:
        button.setToolTip(QCoreApplication.translate(
            "Widgets", "保存: Ctrl+Enter または Ctrl+S"))
    return shortcuts


class FieldGrid:
    """An entry form's rows of label / field / error line in a QGridLayout.
    ``errors`` maps a field name of the service's input to its error line;
    grids of one form share it (pass the first grid's ``errors``)."""

    def __init__(self, owner: QWidget, grid: QGridLayout,
                 errors: dict[str, QLabel] | None = None) -> None:
        self.owner = owner
        self.grid = grid
        self.errors: dict[str, QLabel] = {} if errors is None else errors
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)

    def row(self, name: str, label: str, field, required: bool = False) -> QLabel:
        """The field (a widget or a layout) under its label, its error line
        below it; returns the label."""
        r = self.grid.rowCount()
        title = QLabel(label + (REQUIRED if required else ""), self.owner)
        title.setTextFormat(Qt.RichText)
        title.setAlignment(Qt.AlignRight | Qt.AlignTop)
        title.setContentsMargins(0, 6, 0, 0)
        if isinstance(field, QWidget):
            title.setBuddy(field)
            self.grid.addWidget(field, r, 1)
        else:
            self.grid.addLayout(field, r, 1)
        self.grid.addWidget(title, r, 0)
        self.error_line(name)
        return title

    def error_line(self, name: str) -> QLabel:
        """An error line of its own for ``name``, under the last row (a
        second field on one row, e.g. うちボランティア beside 参加人数)."""
        error = QLabel(self.owner)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.grid.addWidget(error, self.grid.rowCount(), 1)
        self.errors[name] = error
        return error

    def show(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)

    def text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""


class DateLineEdit(QWidget):
    """A date typed as 2025-04-01, 7.4.1, R7.4.1 or 令和7年4月1日, shown back
    in 和暦 with the weekday beside the field. ``date()`` is None while the
    text is empty or invalid; ``error()`` says why in Japanese."""

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, allow_future: bool = False,
                 required: bool = False) -> None:
        super().__init__(parent)
        self.allow_future = allow_future
        self.required = required
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("例: R7.4.1")
        # Never squeezed below a whole date (a crowded row showed 「026-11-02」).
        margins = self.edit.textMargins()
        whole = (self.edit.fontMetrics().horizontalAdvance("2026-12-31 ")
                 + margins.left() + margins.right() + 16)
        self.edit.setMinimumWidth(whole)
        self.edit.setMaximumWidth(max(140, whole))
        self.shown = QLabel(self)
        self.shown.setMinimumWidth(170)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.shown, 1)
        self.setFocusProxy(self.edit)
        self._date: dt.date | None = None
        self._error = ""
        self.edit.textChanged.connect(self._reparse)
        self.edit.editingFinished.connect(self._normalize)
        self._reparse("")

    def setDate(self, day: dt.date | None) -> None:
        self.edit.setText(day.isoformat() if day else "")
        self._normalize()

    def date(self) -> dt.date | None:
        return self._date

    def error(self) -> str:
        return self._error

    def text(self) -> str:
        return self.edit.text()

    def _reparse(self, text: str) -> None:
        text = text.strip()
        self._date, self._error = None, ""
        if not text:
            if self.required:
                self._error = "日付を入力してください"
        else:
            try:
                day = parse_date(text)
            except DateParseError as exc:
                self._error = str(exc)
            else:
                if not self.allow_future and day > clock.today():
                    self._error = "未来の日付は入力できません"
                else:
                    self._date = day
        self.shown.setText(format_wareki(self._date, weekday=True) if self._date else "")
        self.dateChanged.emit(self._date)

    def _normalize(self) -> None:
        self._reparse(self.edit.text())
