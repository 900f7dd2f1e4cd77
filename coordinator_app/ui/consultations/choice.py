"""Keyboard-first choice fields of the entry form: one Tab stop each, a
digit (or letter) key picks, the mouse works too.

``ChoiceRow``: one of a few (区分, 受付方法, 相談者, 対応).
``CategoryToggles``: several of the configurable 相談内容.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QWidget,
)

KEYS = "1234567890abcdefghijklmnopqrstuvwxyz"
_FRAME_STYLE = ("QFrame#choice { border: 1px solid palette(mid); border-radius: 4px; }"
                "QFrame#choice:focus { border: 2px solid palette(highlight); }"
                "QPushButton { padding: 3px 6px; }"
                "QPushButton:checked { background: #2b5fad; color: white;"
                " border: 1px solid #1d4380; border-radius: 3px; }")


def _key_index(event: QKeyEvent) -> int | None:
    """The position picked by a digit/letter key (1 → 0, 0 → 9, a → 10)."""
    if event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier):
        return None
    text = unicodedata.normalize("NFKC", event.text()).lower()  # １ (IME on) is 1
    if len(text) == 1 and text in KEYS:
        return KEYS.index(text)
    return None


class _ChoiceFrame(QFrame):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("choice")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setStyleSheet(_FRAME_STYLE)

    def _add(self, button: QAbstractButton, key: str, label: str) -> None:
        button.setText(f"{key} {label}")
        button.setFocusPolicy(Qt.NoFocus)
        button.setToolTip(self.tr("キー %1 で選択").replace("%1", key))


class ChoiceRow(_ChoiceFrame):
    """Pick one of ``choices`` (code → label). Keys 1..n pick, ←/→ move,
    Delete clears. ``value()`` is the code, or "" when none is picked."""

    changed = Signal(str)

    def __init__(self, choices: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = list(choices)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for i, (code, label) in enumerate(choices.items()):
            button = QRadioButton(self)
            self._add(button, KEYS[i], label)
            self.group.addButton(button, i)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, index: int, on: bool) -> None:
        if on:
            self.changed.emit(self.codes[index])

    def value(self) -> str:
        index = self.group.checkedId()
        return self.codes[index] if index >= 0 else ""

    def setValue(self, code: str) -> None:
        if code in self.codes:
            self.group.button(self.codes.index(code)).setChecked(True)
            return
        checked = self.group.checkedButton()
        if checked is not None:
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)
            self.changed.emit("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = _key_index(event)
        current = self.group.checkedId()
        if index is not None and index < len(self.codes):
            self.setValue(self.codes[index])
        elif event.key() in (Qt.Key_Right, Qt.Key_Down):
            self.setValue(self.codes[min(current + 1, len(self.codes) - 1)])
        elif event.key() in (Qt.Key_Left, Qt.Key_Up):
            self.setValue(self.codes[max(current - 1, 0)])
        elif event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            self.setValue("")
        else:
            super().keyPressEvent(event)


class CategoryToggles(_ChoiceFrame):
    """Toggle several of ``choices`` (code → label) with keys 1..9, 0, a…
    ``values()`` keeps the list's order."""

    changed = Signal(list)

    def __init__(self, choices: list[tuple[str, str]], columns: int = 4,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = [code for code, _ in choices]
        self.buttons: list[QPushButton] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setSpacing(4)
        for i, (code, label) in enumerate(choices):
            button = QPushButton(self)
            button.setCheckable(True)
            self._add(button, KEYS[i] if i < len(KEYS) else "", label)
            button.toggled.connect(self._toggled)
            grid.addWidget(button, i // columns, i % columns)
            self.buttons.append(button)

    def _toggled(self, _on: bool) -> None:
        self.changed.emit(self.values())

    def values(self) -> list[str]:
        return [code for code, b in zip(self.codes, self.buttons) if b.isChecked()]

    def setValues(self, codes: list[str]) -> None:
        for code, button in zip(self.codes, self.buttons):
            button.setChecked(code in codes)

    def toggle(self, code: str) -> None:
        button = self.buttons[self.codes.index(code)]
        button.setChecked(not button.isChecked())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = _key_index(event)
        if index is not None and index < len(self.codes):
            self.toggle(self.codes[index])
        else:
            super().keyPressEvent(event)
