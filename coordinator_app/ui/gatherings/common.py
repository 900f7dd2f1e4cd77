"""What the 行事・サロン forms share: a count field that reads what was
typed (the labelled rows with their error lines are ``widgets.FieldGrid``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from coordinator_app.core.gatherings import read_count


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
        return read_count(self.text())

    def set_value(self, n: int | None) -> None:
        self.setText("" if n is None else str(n))
