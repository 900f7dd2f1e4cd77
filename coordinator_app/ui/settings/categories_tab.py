"""相談内容 (administrators): the configurable list of consultation
subjects. Codes are kept forever (records and tally files use them); a
subject no longer used is made inactive."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from coordinator_app.services import admin
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.settings.common import RowsModel, make_table, selected_row, show_error


class CategoriesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(
            [self.tr("コード"), self.tr("表示名"), self.tr("順番"), self.tr("使用中"),
             self.tr("記録数")],
            [lambda c: c.code, lambda c: c.label, lambda c: c.sort_order,
             lambda c: self.tr("はい") if c.active else self.tr("いいえ"), lambda c: c.uses], self)
        self.table = make_table(self.model, self)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("半角英小文字（例: food）"))
        self.label = QLineEdit(self)
        self.order = QSpinBox(self)
        self.order.setRange(0, 999)
        self.active = QCheckBox(self.tr("入力画面に表示する"), self)
        form = QFormLayout()
        form.addRow(self.tr("コード"), self.code)
        form.addRow(self.tr("表示名"), self.label)
        form.addRow(self.tr("順番"), self.order)
        form.addRow("", self.active)
        self.new_button = QPushButton(self.tr("新規"), self)
        self.save_button = QPushButton(self.tr("保存"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.refresh()
        self.new()

    def refresh(self) -> None:
        self.model.set_rows(admin.list_categories(self.ctx.db, self.ctx.user))

    def new(self) -> None:
        self.table.clearSelection()
        self.code.clear()
        self.code.setReadOnly(False)
        self.label.clear()
        self.order.setValue(max([c.sort_order for c in self.model.rows], default=0) + 1)
        self.active.setChecked(True)
        self.code.setFocus()

    def _selected(self) -> None:
        c = selected_row(self.table, self.model)
        if c is None:
            return
        self.code.setText(c.code)
        self.code.setReadOnly(True)
        self.label.setText(c.label)
        self.order.setValue(c.sort_order)
        self.active.setChecked(c.active)

    def save(self) -> None:
        c = selected_row(self.table, self.model)
        try:
            admin.save_category(self.ctx.db, self.ctx.user, c.id if c else None, self.code.text(),
                                self.label.text(), self.active.isChecked(), self.order.value())
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.notify("settings")
        code = self.code.text().strip()
        self.refresh()
        for i, row in enumerate(self.model.rows):
            if row.code == code:
                self.table.selectRow(i)
