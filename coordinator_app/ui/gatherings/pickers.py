"""Picking people for a group or an event — residents and volunteers of the
branch, found by name or ふりがな, never retyped. The picked appear as a
checked list: unchecking leaves someone out (a regular who did not come
today), Delete removes them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import gatherings as svc
from coordinator_app.services.gatherings import Named
from coordinator_app.ui.context import AppContext

RESULTS_SHOWN = 6


class NamedPicker(QWidget):
    """A search field (results below it: Enter adds the first, ↓ then Enter
    another) and the checked list. ``volunteers_only`` offers only
    registered volunteers (who runs a group); ``day()`` is the day whose
    registrations count (an event's date), today when None.
    ``changed`` is emitted whenever who is checked changes."""

    changed = Signal()

    def __init__(self, ctx: AppContext, placeholder: str, volunteers_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volunteers_only = volunteers_only
        self.day: dt.date | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(96)
        self.results.hide()
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #555;")
        self.note.hide()
        self.picked = QListWidget(self)
        self.picked.setMinimumHeight(72)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.note)
        layout.addWidget(self.picked, 1)
        self.setFocusProxy(self.search)
        self.search.textChanged.connect(self._find)
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self.picked.installEventFilter(self)
        self.results.itemActivated.connect(self._add_item)
        self.picked.itemChanged.connect(lambda _item: self.changed.emit())

    # --- values ---------------------------------------------------------------------

    def set_people(self, people: list[Named], checked: bool = True) -> None:
        self.picked.blockSignals(True)
        self.picked.clear()
        for n in people:
            self._append(n, checked)
        self.picked.blockSignals(False)
        self.changed.emit()

    def people(self, checked_only: bool = True) -> list[Named]:
        return [self.picked.item(i).data(Qt.UserRole) for i in range(self.picked.count())
                if not checked_only or self.picked.item(i).checkState() == Qt.Checked]

    def set_checked(self, person_id: int, checked: bool) -> None:
        for i in range(self.picked.count()):
            item = self.picked.item(i)
            if item.data(Qt.UserRole).person_id == person_id:
                item.setCheckState(Qt.Checked if checked else Qt.Unchecked)

    def label(self, n: Named) -> str:
        return self.tr("{0}（ボランティア）").format(n.name) if n.volunteer_id else n.name

    # --- finding and adding --------------------------------------------------------

    def _find(self, text: str) -> None:
        self.results.clear()
        found = svc.find_people(self.ctx.db, self.ctx.user, text, self.day, RESULTS_SHOWN,
                                self.volunteers_only) if text.strip() else []
        for n in found[:RESULTS_SHOWN]:
            item = QListWidgetItem(f"{self.label(n)}　{n.kana}", self.results)
            item.setData(Qt.UserRole, n)
        self.results.setVisible(bool(found))
        if text.strip() and not found:
            self._say(self.tr("「{0}」に当たる人はいません").format(text.strip())
                      if not self.volunteers_only else
                      self.tr("「{0}」に当たる登録中のボランティアはいません").format(text.strip()))
        else:
            self.note.hide()
        if found:
            self.results.setCurrentRow(0)

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def add_first_match(self) -> bool:
        item = self.results.currentItem() or self.results.item(0)
        if item is None:
            return False
        self._add_item(item)
        return True

    def _add_item(self, item: QListWidgetItem) -> None:
        n: Named = item.data(Qt.UserRole)
        if any(p.person_id == n.person_id for p in self.people(checked_only=False)):
            self.set_checked(n.person_id, True)
            self._say(self.tr("{0} さんはもう一覧にあります").format(n.name))
        else:
            self._append(n, True)
            self._say(self.tr("追加しました: {0}").format(n.name))
            self.changed.emit()
        self.search.clear()
        self.search.setFocus()

    def _append(self, n: Named, checked: bool) -> None:
        item = QListWidgetItem(self.label(n), self.picked)
        item.setData(Qt.UserRole, n)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked if checked else Qt.Unchecked)

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.KeyPress:
            return super().eventFilter(obj, event)
        key = event.key()
        if obj is self.search and key in (Qt.Key_Return, Qt.Key_Enter) \
                and self.search.text().strip():
            if not self.add_first_match():
                self._say(self.tr("一覧から選べる人がいません"))
            return True  # Enter here adds; it does not save the form
        if obj is self.search and key == Qt.Key_Down and self.results.isVisible():
            self.results.setFocus()
            return True
        if obj is self.results and key in (Qt.Key_Return, Qt.Key_Enter):
            if self.results.currentItem() is not None:
                self._add_item(self.results.currentItem())
            return True
        if obj is self.picked and key in (Qt.Key_Delete, Qt.Key_Backspace):
            row = self.picked.currentRow()
            if row >= 0:
                self.picked.takeItem(row)
                self.changed.emit()
            return True
        return super().eventFilter(obj, event)
