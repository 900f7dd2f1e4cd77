"""What the 行事・サロン forms share: a labelled grid row with its error
line under the field, and a count field that reads what was typed."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

ERROR_STYLE = "color: #b00020;"
REQUIRED = ' <span style="color:#b00020">*</span>'


class FieldGrid:
    """Rows of label / field / error line in a QGridLayout; ``errors`` maps
    a field name of the service's input to its error label."""

    def __init__(self, owner: QWidget, grid: QGridLayout) -> None:
        self.owner = owner
        self.grid = grid
        self.errors: dict[str, QLabel] = {}
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)

    def row(self, name: str, label: str, field, required: bool = False) -> QLabel:
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
        error = QLabel(self.owner)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.grid.addWidget(title, r, 0)
        self.grid.addWidget(error, r + 1, 1)
        self.errors[name] = error
        return title

    def show(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)

    def text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""


class CountEdit(QLineEdit):
    """A head count typed with the keyboard (全角 digits too). ``value()``:
    the int typed, None when empty, or the text itself when it is not a
    whole number — so the service's rule words the error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(6)
        self.setMaximumWidth(90)
        self.setAlignment(Qt.AlignRight)

    def value(self):
        text = unicodedata.normalize("NFKC", self.text()).strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            return text

    def set_value(self, n: int | None) -> None:
        self.setText("" if n is None else str(n))
