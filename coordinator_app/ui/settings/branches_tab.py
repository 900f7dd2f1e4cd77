"""Branches (支部, administrators): add one or correct its name, base,
address and phone. A code never changes (tally files carry it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import admin
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.settings.common import make_table, selected_row, show_error
from coordinator_app.ui.table_model import Column, TableModel
from coordinator_app.ui.widgets import save_shortcuts


class BranchesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TableModel(self, [
            Column(self.tr("コード"), lambda b: b.code),
            Column(self.tr("支部名"), lambda b: b.name),
            Column(self.tr("拠点名"), lambda b: b.base_name),
            Column(self.tr("住所"), lambda b: b.address),
            Column(self.tr("電話番号"), lambda b: b.phone),
        ])
        self.table = make_table(self.model, self)
        self.fields = {key: QLineEdit(self) for key in ("code", "name", "base_name", "address",
                                                         "phone")}
        form = QFormLayout()
        for key, label in (("code", self.tr("支部コード")), ("name", self.tr("支部名")),
                           ("base_name", self.tr("拠点名")), ("address", self.tr("住所")),
                           ("phone", self.tr("電話番号"))):
            form.addRow(label, self.fields[key])
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
        save_shortcuts(self, self.save, self.save_button)
        self.refresh()
        self.new()

    def refresh(self) -> None:
        self.model.set_rows(admin.list_branches(self.ctx.db))

    def new(self) -> None:
        self.table.clearSelection()
        for w in self.fields.values():
            w.clear()
        self.fields["code"].setReadOnly(False)
        self.fields["code"].setFocus()

    def _selected(self) -> None:
        b = selected_row(self.table, self.model)
        if b is None:
            return
        for key, w in self.fields.items():
            w.setText(getattr(b, key))
        self.fields["code"].setReadOnly(True)

    def save(self) -> None:
        b = selected_row(self.table, self.model)
        values = {k: w.text() for k, w in self.fields.items()}
        try:
            admin.save_branch(self.ctx.db, self.ctx.user, b.id if b else None, **values)
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.notify("settings")
        self.refresh()
        for i, row in enumerate(self.model.rows):
            if row.code == values["code"].strip():
                self.table.selectRow(i)
