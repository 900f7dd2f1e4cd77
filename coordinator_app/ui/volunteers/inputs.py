"""Input widgets of the registration form: the weekday × 午前/午後/夜 grid
and a skills field whose completer suggests tags already used."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from coordinator_app.services.volunteers import SLOTS, WEEKDAY_LABELS, split_tags

TAG_SEPARATORS = ";、，,；"


class AvailabilityGrid(QWidget):
    """Check boxes, one per weekday × slot. Tab moves along a row (月→日),
    Space ticks. ``cells()`` is a set of (weekday, slot)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.boxes: dict[tuple[int, str], QCheckBox] = {}
        for w, label in enumerate(WEEKDAY_LABELS):
            head = QLabel(label, self)
            head.setAlignment(Qt.AlignCenter)
            grid.addWidget(head, 0, w + 1)
        for r, (slot, slot_label) in enumerate(SLOTS.items(), start=1):
            grid.addWidget(QLabel(self.tr(slot_label), self), r, 0)
            for w, day in enumerate(WEEKDAY_LABELS):
                box = QCheckBox(self)
                box.setObjectName(f"avail_{w}_{slot}")
                box.setAccessibleName(f"{day}曜{slot_label}")
                box.setToolTip(f"{day}曜{slot_label}")
                box.toggled.connect(lambda _on: self.changed.emit())
                grid.addWidget(box, r, w + 1, Qt.AlignCenter)
                self.boxes[(w, slot)] = box
        self.setFocusProxy(self.boxes[(0, "am")])

    def cells(self) -> set[tuple[int, str]]:
        return {cell for cell, box in self.boxes.items() if box.isChecked()}

    def set_cells(self, cells) -> None:
        wanted = set(cells)
        for cell, box in self.boxes.items():
            box.setChecked(cell in wanted)


class TagLineEdit(QLineEdit):
    """Free tags separated by 、 or ; — the completer offers tags already
    used for the word being typed, and inserts the chosen one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("例: 運転、料理、傾聴（、で区切る）"))
        self._model = QStringListModel(self)
        self.tag_completer = QCompleter(self._model, self)
        self.tag_completer.setWidget(self)
        self.tag_completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.tag_completer.setFilterMode(Qt.MatchContains)
        self.tag_completer.setCompletionMode(QCompleter.PopupCompletion)
        self.tag_completer.activated[str].connect(self.insert_tag)
        self.textEdited.connect(self._suggest)

    def set_suggestions(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def suggestions(self) -> list[str]:
        return self._model.stringList()

    def _current_word(self) -> tuple[str, str]:
        """(text before the word being typed, the word)."""
        text = self.text()[: self.cursorPosition()]
        cut = max(text.rfind(sep) for sep in TAG_SEPARATORS) + 1
        return text[:cut], text[cut:].strip()

    def _suggest(self, _text: str) -> None:
        _, word = self._current_word()
        popup = self.tag_completer.popup()
        if not word:
            popup.hide()
            return
        self.tag_completer.setCompletionPrefix(word)
        if self.tag_completer.completionCount() == 0:
            popup.hide()
            return
        popup.setCurrentIndex(self.tag_completer.completionModel().index(0, 0))
        self.tag_completer.complete()

    def insert_tag(self, tag: str) -> None:
        head, _ = self._current_word()
        rest = self.text()[self.cursorPosition():]
        new = head + tag + "、"
        self.setText(new + rest)
        self.setCursorPosition(len(new))

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def set_tags(self, tags) -> None:
        self.setText("、".join(tags))
