"""The one table model behind the lists (ui/table_model.py): what each
column declares is what a view is shown, headers keep their translation
context, and no list model is built beside it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

import coordinator_app.ui
from coordinator_app.ui.table_model import RIGHT, Column, TableModel

UI = Path(coordinator_app.ui.__file__).parent
QT_MODELS = {"QAbstractTableModel", "QAbstractItemModel", "QAbstractListModel",
             "QStandardItemModel"}
RED, GREY = QColor("#b00020"), QColor("#777777")


class Row(NamedTuple):
    name: str
    count: int | None
    flagged: bool


class PeopleModel(TableModel):
    CONTEXT = "TableModelTest"
    COLUMNS = (
        Column("氏名", lambda r: r.name, tooltip=lambda r: None if r.flagged else "ok"),
        Column("人数", lambda r: r.count, align=RIGHT,
               foreground=lambda r: RED if r.flagged else None, bold=lambda r: r.flagged),
    )

    def row_foreground(self, r: Row):
        return GREY

    def row_tooltip(self, r: Row):
        return "row"


rows_strategy = st.lists(st.builds(Row, st.text(max_size=8),
                                   st.one_of(st.none(), st.integers(-5, 10**6)), st.booleans()),
                         max_size=20)


@settings(max_examples=30, deadline=None)
@given(rows=rows_strategy)
def test_each_cell_shows_what_its_column_declares(qapp, rows):
    model = PeopleModel()
    model.set_rows(rows)
    assert (model.rowCount(), model.columnCount()) == (len(rows), 2)
    assert model.rows == rows
    assert [model.headerData(c, Qt.Horizontal) for c in range(2)] == ["氏名", "人数"]
    for i, r in enumerate(rows):
        name, count = model.index(i, 0), model.index(i, 1)
        assert model.data(name) == r.name
        assert model.data(count) == ("" if r.count is None else str(r.count))
        assert model.data(count, Qt.TextAlignmentRole) == int(RIGHT)
        assert model.data(name, Qt.TextAlignmentRole) is None
        # A column's own colour or tooltip wins; otherwise the row's.
        assert model.data(count, Qt.ForegroundRole) == (RED if r.flagged else GREY)
        assert model.data(name, Qt.ForegroundRole) == GREY
        assert model.data(name, Qt.ToolTipRole) == ("row" if r.flagged else "ok")
        font = model.data(count, Qt.FontRole)
        assert (font is not None and font.bold()) == r.flagged
        assert model.data(name, Qt.EditRole) is None  # no editor text declared
    assert model.row_at(len(rows)) is None


def test_columns_given_to_one_model_and_row_hooks_given_as_callables(qapp):
    model = TableModel(columns=[Column("名前", lambda r: r)], tooltip=lambda r: f"<{r}>")
    model.set_rows(["a", "b"])
    assert model.headerData(0, Qt.Horizontal) == "名前"  # no context: shown as given
    assert [model.data(model.index(i, 0), Qt.ToolTipRole) for i in range(2)] == ["<a>", "<b>"]
    assert model.data(model.index(0, 0), Qt.ForegroundRole) is None


def test_headers_are_translated_in_each_models_own_context(qapp):
    from coordinator_app.ui.app import install_translators
    from coordinator_app.ui.audit_view import AuditTableModel
    from coordinator_app.ui.printing.models import RegisterModel
    from coordinator_app.ui.watch.models import WorklistModel

    installed = install_translators(qapp, "en")
    try:
        assert AuditTableModel().headerData(0, Qt.Horizontal) == "Date and time"
        assert WorklistModel().headerData(0, Qt.Horizontal) == "State"
        assert RegisterModel().headerData(0, Qt.Horizontal) == "Printed at"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_every_list_model_of_the_screens_is_built_on_the_one_base():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "table_model.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                         for b in node.bases}
                if bases & QT_MODELS:
                    offenders.append(f"{path.relative_to(UI)}:{node.name}")
    assert offenders == []
