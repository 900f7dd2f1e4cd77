"""相談内容 and 活動内容 (administrators): the configurable lists of
consultation subjects and volunteer roles, tabs of 設定. Codes are kept
forever (records and tally files use them); an entry no longer used is made
inactive."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import admin, volunteers
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.settings.common import make_table, selected_row, show_error
from coordinator_app.ui.table_model import Column, TableModel
from coordinator_app.ui.widgets import save_shortcuts


@dataclass(frozen=True)
class CodeList:
    """What one list's tab needs. ``load(db, user)`` gives rows with code,
    label, sort_order, active and uses; ``save(db, user, selected row or
    None, code, label, active, sort_order)`` stores one. The texts are
    Japanese sources of the "CodeListTab" translation context."""

    load: Callable[..., list[Any]]
    save: Callable[..., Any]
    uses_header: str
    code_placeholder: str
    active_text: str


def _save_category(db, user, row, code: str, label: str, active: bool, order: int) -> None:
    admin.save_category(db, user, row.id if row else None, code, label, active, order)


def _save_role(db, user, row, code: str, label: str, active: bool, order: int) -> None:
    volunteers.save_role(db, user, code, label, active, order)


CATEGORIES = CodeList(admin.list_categories, _save_category,
                      QT_TRANSLATE_NOOP("CodeListTab", "記録数"),
                      QT_TRANSLATE_NOOP("CodeListTab", "半角英小文字（例: food）"),
                      QT_TRANSLATE_NOOP("CodeListTab", "入力画面に表示する"))
ROLES = CodeList(volunteers.role_rows, _save_role,
                 QT_TRANSLATE_NOOP("CodeListTab", "登録数"),
                 QT_TRANSLATE_NOOP("CodeListTab", "半角英小文字（例: shopping）"),
                 QT_TRANSLATE_NOOP("CodeListTab", "登録・検索の画面に表示する"))


class CodeListTab(QWidget):
    def __init__(self, ctx: AppContext, kind: CodeList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.model = TableModel(self, [
            Column(self.tr("コード"), lambda r: r.code),
            Column(self.tr("表示名"), lambda r: r.label),
            Column(self.tr("順番"), lambda r: r.sort_order),
            Column(self.tr("使用中"), lambda r: self.tr("はい") if r.active else self.tr("いいえ")),
            Column(self.tr(kind.uses_header), lambda r: r.uses),
        ])
        self.table = make_table(self.model, self)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr(kind.code_placeholder))
        self.label = QLineEdit(self)
        self.order = QSpinBox(self)
        self.order.setRange(0, 999)
        self.active = QCheckBox(self.tr(kind.active_text), self)
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
        save_shortcuts(self, self.save, self.save_button)
        self.refresh()
        self.new()

    def refresh(self) -> None:
        self.model.set_rows(self.kind.load(self.ctx.db, self.ctx.user))

    def new(self) -> None:
        self.table.clearSelection()
        self.code.clear()
        self.code.setReadOnly(False)
        self.label.clear()
        self.order.setValue(max([r.sort_order for r in self.model.rows], default=0) + 1)
        self.active.setChecked(True)
        self.code.setFocus()

    def _selected(self) -> None:
        r = selected_row(self.table, self.model)
        if r is None:
            return
        self.code.setText(r.code)
        self.code.setReadOnly(True)
        self.label.setText(r.label)
        self.order.setValue(r.sort_order)
        self.active.setChecked(r.active)

    def save(self) -> None:
        code = self.code.text().strip()
        try:
            self.kind.save(self.ctx.db, self.ctx.user, selected_row(self.table, self.model),
                           self.code.text(), self.label.text(), self.active.isChecked(),
                           self.order.value())
        except Exception as exc:  # noqa: BLE001 — shown to the administrator
            show_error(self, exc)
            return
        self.ctx.notify("settings")
        self.refresh()
        for i, row in enumerate(self.model.rows):
            if row.code == code:
                self.table.selectRow(i)


def categories_tab(ctx: AppContext, parent: QWidget | None = None) -> CodeListTab:
    return CodeListTab(ctx, CATEGORIES, parent)


def roles_tab(ctx: AppContext, parent: QWidget | None = None) -> CodeListTab:
    return CodeListTab(ctx, ROLES, parent)
