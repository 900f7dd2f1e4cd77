"""自治会・町内会 (administrators): the residents' association areas of
each branch. An area with residents filed under it cannot be deleted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import admin
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.settings.common import make_table, selected_row, show_error
from coordinator_app.ui.table_model import Column, TableModel


class AreasTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.branch = QComboBox(self)
        self.model = TableModel(self, [
            Column(self.tr("自治会名"), lambda a: a.name),
            Column(self.tr("登録人数"), lambda a: a.people),
        ])
        self.table = make_table(self.model, self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("自治会名"))
        self.add_button = QPushButton(self.tr("追加"), self)
        self.rename_button = QPushButton(self.tr("名前を変更"), self)
        self.delete_button = QPushButton(self.tr("削除"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("支部"), self))
        top.addWidget(self.branch, 1)
        edit = QHBoxLayout()
        edit.addWidget(self.name, 1)
        for b in (self.add_button, self.rename_button, self.delete_button):
            edit.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        for b in admin.list_branches(ctx.db):
            self.branch.addItem(f"{b.code} {b.name}", b.id)
        self.branch.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.add_button.clicked.connect(lambda: self._save(None))
        self.rename_button.clicked.connect(self._rename)
        self.delete_button.clicked.connect(self._delete)
        self.refresh()

    def refresh(self) -> None:
        branch_id = self.branch.currentData()
        self.model.set_rows(admin.list_areas(self.ctx.db, self.ctx.user, branch_id)
                            if branch_id is not None else [])

    def _selected(self) -> None:
        a = selected_row(self.table, self.model)
        if a is not None:
            self.name.setText(a.name)

    def _save(self, area_id: int | None) -> None:
        try:
            admin.save_area(self.ctx.db, self.ctx.user, self.branch.currentData(), area_id,
                            self.name.text())
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.notify("settings")
        self.name.clear()
        self.refresh()

    def _rename(self) -> None:
        a = selected_row(self.table, self.model)
        if a is not None:
            self._save(a.id)

    def _delete(self) -> None:
        a = selected_row(self.table, self.model)
        if a is None:
            return
        if QMessageBox.question(self, self.tr("自治会を削除"),
                                self.tr("「{name}」を削除します。よろしいですか？").format(name=a.name)
                                ) != QMessageBox.Yes:
            return
        try:
            admin.delete_area(self.ctx.db, self.ctx.user, a.id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.notify("settings")
        self.name.clear()
        self.refresh()
