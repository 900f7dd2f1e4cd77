"""Pick a resident: search existing people of the branch by name or
ふりがな as you type (kana-insensitive), leave anonymous, or add a new one
inline — so nobody is typed twice."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from coordinator_app.services import people
from coordinator_app.ui.context import AppContext


class PersonPicker(QWidget):
    """``person_id()`` is the chosen resident, or None. With "新しい人"
    checked, ``new_person_fields()`` returns what to create (name, kana,
    phone; with ``with_address`` also address and 自治会, for forms that do
    not ask for them elsewhere). Anonymous is simply nothing chosen and no
    new name."""

    personChanged = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 with_address: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("氏名・ふりがなで検索（空欄なら匿名）")
        self.results = QListWidget(self)
        self.results.setMaximumHeight(110)
        self.chosen = QLabel("匿名", self)
        self.is_new = QCheckBox("新しい人として登録", self)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText("氏名")
        self.new_kana = QLineEdit(self)
        self.new_kana.setPlaceholderText("ふりがな")
        self.new_phone = QLineEdit(self)
        self.new_phone.setPlaceholderText("電話番号")
        self.new_address: QLineEdit | None = None
        self.new_area: QComboBox | None = None
        if with_address:
            self.new_address = QLineEdit(self)
            self.new_address.setPlaceholderText("住所")
            self.new_area = QComboBox(self)
            self.new_area.setToolTip("自治会")
            self.new_area.addItem("自治会（未選択）", "")
            for name in people.list_areas(ctx.db, ctx.user.branch_id):
                self.new_area.addItem(name, name)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 2)
        grid.addWidget(self.chosen, 0, 2)
        grid.addWidget(self.results, 1, 0, 1, 3)
        grid.addWidget(self.is_new, 2, 0)
        grid.addWidget(self.new_name, 3, 0)
        grid.addWidget(self.new_kana, 3, 1)
        grid.addWidget(self.new_phone, 3, 2)
        if with_address:
            grid.addWidget(self.new_address, 4, 0, 1, 2)
            grid.addWidget(self.new_area, 4, 2)
        self._person_id: int | None = None
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.search.returnPressed.connect(self._choose_first)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        self.is_new.toggled.connect(self._toggle_new)
        self._toggle_new(False)

    def _toggle_new(self, on: bool) -> None:
        for w in self.new_fields():
            w.setVisible(on)
        if on:
            self.set_person(None)
            if not self.new_name.text():
                self.new_name.setText(self.search.text())
            self.new_name.setFocus()

    def new_fields(self) -> list[QWidget]:
        """The new person's fields, in tab order."""
        return [w for w in (self.new_name, self.new_kana, self.new_phone, self.new_address,
                            self.new_area) if w is not None]

    def refresh(self) -> None:
        """Search synchronously: one indexed query limited to 20 rows."""
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            return
        for p in people.search_people(self.ctx.db, self.ctx.user, text, limit=20):
            label = f"{p.name}（{p.kana}）" + (f"  {p.area}" if p.area else "")
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, p.id)
            self.results.addItem(item)

    def _choose_first(self) -> None:
        self._timer.stop()
        self.refresh()
        if self.results.count():
            self._choose(self.results.item(0))

    def _choose(self, item: QListWidgetItem) -> None:
        self.is_new.setChecked(False)
        self.set_person(item.data(Qt.UserRole), item.text())

    def set_person(self, person_id: int | None, label: str | None = None) -> None:
        self._person_id = person_id
        if person_id is not None and label is None:
            p = people.get_person(self.ctx.db, self.ctx.user, person_id)
            label = f"{p.name}（{p.kana}）"
        self.chosen.setText(label or "匿名")
        self.personChanged.emit(person_id)

    def person_id(self) -> int | None:
        return self._person_id

    def new_person_fields(self) -> dict | None:
        if not self.is_new.isChecked() or not self.new_name.text().strip():
            return None
        fields = dict(name=self.new_name.text().strip(), kana=self.new_kana.text().strip(),
                      phone=self.new_phone.text().strip())
        if self.new_address is not None:
            fields.update(address=self.new_address.text().strip(),
                          area=self.new_area.currentData() or "")
        return fields
