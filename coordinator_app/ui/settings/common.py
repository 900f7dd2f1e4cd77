"""Shared pieces of the settings tabs: how a list is laid out and how
errors are shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

from coordinator_app.ui.table_model import TableModel
from coordinator_app.ui.table_view import fit_table


def make_table(model: TableModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectRows)
    table.setSelectionMode(QTableView.SingleSelection)
    table.verticalHeader().hide()
    return fit_table(table)


def selected_row(table: QTableView, model: TableModel) -> Any | None:
    rows = table.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


def show_error(parent: QWidget, exc: BaseException) -> None:
    """ValueError/LookupError/PermissionError carry a Japanese sentence;
    anything else is a database problem explained without its SQL."""
    from coordinator_app.services.backups import explain_db_error

    if isinstance(exc, (ValueError, LookupError, PermissionError)):
        text = str(exc)
    else:
        text = explain_db_error(exc)
    QMessageBox.warning(parent, QCoreApplication.translate("Settings", "保存できません"), text)
