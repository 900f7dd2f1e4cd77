"""Step 4: the rows as they will be stored, every bad cell by sheet, row,
column letter and reason, with a filter 「エラーの行だけ」. All or nothing,
as in the contract: the person fixes the workbook and presses 再読み込み,
or ticks the bad rows to leave out (confirmed, shown in the result and
audited). 次へ is offered only when no error is left."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
)

from coordinator_app.services import ledger_wizard as wizard_service
from coordinator_app.services.ledger_wizard import RowRef
from coordinator_app.ui.import_wizard.common import LoadingPage
from coordinator_app.ui.table_model import RIGHT, Column, TableModel
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.widgets import ERROR_STYLE

_tr = QCoreApplication.translate
LIMIT = 200  # rows previewed (besides the bad ones)
BAD_BACKGROUND = QBrush(QColor("#ffd9d9"))
EXCLUDED_FOREGROUND = QBrush(QColor("#8a8a8a"))


def as_ref(ref) -> RowRef:
    return ref if isinstance(ref, RowRef) else RowRef(*ref)


@dataclass
class PreviewRow:
    ref: RowRef
    values: dict
    errors: dict[str, str] = field(default_factory=dict)  # contract column -> reason


class PreviewRowsModel(TableModel):
    """The rows as stored; a bad row is shaded, its bad cells say why in
    their tooltip, and its first cell is a check box 除外."""

    def __init__(self, page, parent=None) -> None:
        super().__init__(parent, columns=())
        self.page = page

    def set_fields(self, fields: list[tuple[str, str, bool]],
                   tables: dict[str, dict[str, str]]) -> None:
        """``tables``: {column: {code: label}} of the coded columns, whose
        codes are shown by their Japanese labels (「異常なし」, not ok)."""

        def shown(row: PreviewRow, name: str):
            if name not in row.values:  # a bad row the preview gives no values for: the reason
                return row.errors.get(name, "")
            value = row.values[name]
            table = tables.get(name)
            if table and isinstance(value, str) and value:
                return "・".join(table.get(part, part) for part in value.split(";"))
            return value

        columns = [Column(_tr("ImportWizard", "除外"), lambda r: ""),
                   Column(_tr("ImportWizard", "シート"), lambda r: r.ref.sheet),
                   Column(_tr("ImportWizard", "行"), lambda r: r.ref.row, align=RIGHT)]
        for name, label, _required in fields:
            columns.append(Column(label, lambda r, n=name: shown(r, n),
                                  background=lambda r, n=name: BAD_BACKGROUND
                                  if n in r.errors else None,
                                  tooltip=lambda r, n=name: r.errors.get(n)))
        self._columns = tuple(columns)
        self._roles = self._roles_answered()

    def row_background(self, row: PreviewRow):
        return BAD_BACKGROUND if row.errors and "-" in row.errors else None

    def row_foreground(self, row: PreviewRow):
        return EXCLUDED_FOREGROUND if row.ref in self.page.excluded else None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        row = self.row_at(index.row())
        if index.column() == 0 and row is not None and row.errors:
            flags |= Qt.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if index.isValid() and index.column() == 0 and int(role) == int(Qt.CheckStateRole):
            row = self.row_at(index.row())
            if row is not None and row.errors:
                return Qt.Checked if row.ref in self.page.excluded else Qt.Unchecked
            return None
        return super().data(index, role)

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if index.column() == 0 and int(role) == int(Qt.CheckStateRole):
            row = self.row_at(index.row())
            if row is None or not row.errors:
                return False
            checked = Qt.CheckState(value) == Qt.Checked if not isinstance(value, bool) else value
            self.page.set_excluded(row.ref, checked)
            self.row_changed(index.row())
            return True
        return super().setData(index, value, role)


class ErrorsModel(TableModel):
    CONTEXT = "ImportWizard"
    COLUMNS = (
        Column("シート", lambda e: e.sheet),
        Column("行", lambda e: e.row or "", align=RIGHT),
        Column("列", lambda e: e.column_letter),
        Column("項目", lambda e: e.label),
        Column("理由", lambda e: e.reason),
    )


@dataclass
class ShownError:
    sheet: str
    row: int
    column_letter: str
    label: str
    reason: str


class PreviewPage(LoadingPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard, _tr("ImportWizard", "4. 取り込む内容の確認"),
                         _tr("ImportWizard", "取り込むとこのように記録されます。エラーがあると何も取り込みません。"
                                             "ファイルを直して保存し「再読み込み」を押すか、"
                                             "取り込まない行の「除外」に印を付けてください。"))
        self.full: wizard_service.Preview | None = None  # without exclusions: the bad rows
        self.checked: wizard_service.Preview | None = None  # with the current exclusions
        self.excluded: set[RowRef] = set()
        self.bad_rows: set[RowRef] = set()
        self.built_for: tuple | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.only_errors = QCheckBox(_tr("ImportWizard", "エラーの行だけ(&E)"), self)
        self.only_errors.setObjectName("onlyErrors")
        self.reload_button = QPushButton(_tr("ImportWizard", "再読み込み(&R)"), self)
        self.reload_button.setObjectName("reload")
        self.reload_button.setAutoDefault(False)
        self.reload_button.setToolTip(_tr("ImportWizard", "ファイルを直して保存したあと、読み直します"))
        self.exclude_all = QPushButton(_tr("ImportWizard", "エラーの行をすべて除外(&X)"), self)
        self.exclude_all.setObjectName("excludeAll")
        self.exclude_all.setAutoDefault(False)
        bar = QHBoxLayout()
        bar.addWidget(self.only_errors)
        bar.addStretch(1)
        bar.addWidget(self.exclude_all)
        bar.addWidget(self.reload_button)
        self.layout_.addWidget(self.summary)
        self.layout_.addLayout(bar)

        self.rows_view = QTableView(self)
        self.rows_view.setObjectName("previewRows")
        self.rows_model = PreviewRowsModel(self, self.rows_view)
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rows_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.rows_view.verticalHeader().hide()
        fit_table(self.rows_view)
        self.errors_view = QTableView(self)
        self.errors_view.setObjectName("errors")
        self.errors_model = ErrorsModel(self.errors_view)
        self.errors_view.setModel(self.errors_model)
        self.errors_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.errors_view.verticalHeader().hide()
        fit_table(self.errors_view, stretch=(4,))
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.rows_view)
        split.addWidget(self.errors_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.layout_.addWidget(split, 1)
        self.excluded_label = QLabel(self)
        self.excluded_label.setObjectName("excludedNote")
        self.excluded_label.setStyleSheet(ERROR_STYLE)
        self.excluded_label.setWordWrap(True)
        self.layout_.addWidget(self.excluded_label)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.error)

        self.recheck_timer = QTimer(self)
        self.recheck_timer.setSingleShot(True)
        self.recheck_timer.setInterval(300)
        self.recheck_timer.timeout.connect(self.recheck)
        self.only_errors.toggled.connect(lambda _on: self._show_rows())
        self.reload_button.clicked.connect(self.reload)
        self.exclude_all.clicked.connect(self.exclude_every_bad_row)

    # --- reading -------------------------------------------------------------------------

    def initializePage(self) -> None:
        spec = self.wiz.spec
        key = (spec.kind, spec.path, tuple(spec.sheets), spec.header_row,
               tuple(sorted(spec.mapping.items(), key=lambda kv: kv[0])),
               tuple(sorted((k, tuple(sorted(v.items()))) for k, v in spec.values.items())))
        if key != self.built_for or self.full is None:
            self.built_for = key
            self.reload()

    def reload(self) -> None:
        """Read the workbook again (the person fixed it) and check every row."""
        self.excluded = set()
        self.wiz.excluded = set()
        self.full = self.checked = None
        db, who, spec = self.ctx.db, self.ctx.user, self._spec()
        self.rows_model.set_rows([])
        self.errors_model.set_rows([])
        def work():
            tables = {c: wizard_service.code_table(db, spec.kind, c)
                      for c in wizard_service.coded_columns(spec.kind) if c != "branch_code"}
            return wizard_service.preview(db, who, spec, limit=LIMIT), tables

        self.load(work, self._read, _tr("ImportWizard", "すべての行を確かめています…"))

    def _spec(self):
        import copy

        return copy.deepcopy(self.wiz.spec)

    def _read(self, read) -> None:
        result, tables = read
        self.full = self.checked = result
        self.bad_rows = {as_ref(r) for r in result.bad_rows} | \
            {RowRef(e.sheet, e.row) for e in result.errors if e.row}
        self.rows_model.set_fields(self.wiz.columns_page.fields, tables)
        self._show_rows()
        labels = {name: label for name, label, _r in self.wiz.columns_page.fields}
        self.errors_model.set_rows([ShownError(e.sheet, e.row, e.column_letter,
                                               labels.get(e.column, "" if e.column == "-"
                                                          else e.column), e.reason)
                                    for e in result.errors])
        self._summarize()

    def _show_rows(self) -> None:
        full = self.full
        if full is None:
            return
        errors: dict[RowRef, dict[str, str]] = {}
        for e in full.errors:
            errors.setdefault(RowRef(e.sheet, e.row), {})[e.column] = e.reason
        rows = [PreviewRow(as_ref(ref), values, errors.get(as_ref(ref), {}))
                for ref, values in zip(full.row_refs, full.rows)]
        listed = {r.ref for r in rows}
        for ref in self.bad_rows - listed:  # a bad row the preview did not list: its errors
            rows.append(PreviewRow(ref, {}, errors.get(ref, {"-": ""})))
        order = {name: i for i, name in enumerate(self.wiz.spec.sheets)}
        rows.sort(key=lambda r: (order.get(r.ref.sheet, len(order)), r.ref.row))
        if self.only_errors.isChecked():
            rows = [r for r in rows if r.errors]
        self.rows_model.set_rows(rows)

    def _summarize(self) -> None:
        full, checked = self.full, self.checked
        if full is None:
            return
        if full.error_total == 0:
            text = _tr("ImportWizard", "{n} 行を読み取りました。エラーはありません。").format(
                n=f"{full.total_rows:,}")
        else:
            text = _tr("ImportWizard", "{n} 行を読み取りました。エラーが {e} 件（{r} 行）あります。"
                                       "ファイルを直して「再読み込み」を押すか、取り込まない行を除外してください。"
                       ).format(n=f"{full.total_rows:,}", e=f"{full.error_total:,}",
                                r=f"{len(self.bad_rows):,}")
            if full.error_total > len(full.errors):
                text += _tr("ImportWizard", "（下の一覧は最初の {k} 件です）").format(k=len(full.errors))
        self.summary.setText(text)
        self.exclude_all.setEnabled(bool(self.bad_rows))
        self.only_errors.setEnabled(bool(self.bad_rows))
        if self.excluded:
            left = checked.error_total if checked is not None else None
            note = _tr("ImportWizard", "{n} 行を除外して取り込みます。").format(n=len(self.excluded))
            if left:
                note += _tr("ImportWizard", "まだエラーが {e} 件残っています。").format(e=left)
            self.excluded_label.setText(note)
        else:
            self.excluded_label.setText("")
        self.completeChanged.emit()

    # --- excluding rows ------------------------------------------------------------------

    def set_excluded(self, ref: RowRef, on: bool) -> None:
        if on:
            self.excluded.add(ref)
        else:
            self.excluded.discard(ref)
        self.checked = None
        self.recheck_timer.start()
        self._summarize()

    def exclude_every_bad_row(self) -> None:
        self.excluded = set(self.bad_rows)
        self.rows_model.layoutChanged.emit()
        self.checked = None
        self.recheck()

    def recheck(self) -> None:
        """Check the rows again without the excluded ones: 次へ only when
        nothing is left to fix."""
        self.recheck_timer.stop()
        if not self.excluded:
            self.checked = self.full
            self._summarize()
            return
        db, who, spec, excluded = self.ctx.db, self.ctx.user, self._spec(), set(self.excluded)

        def shown(result):
            self.checked = result
            self._summarize()

        self.load(lambda: wizard_service.preview(db, who, spec, limit=0, excluded_rows=excluded),
                  shown, _tr("ImportWizard", "除外したあとの行を確かめています…"))

    def ready(self) -> bool:
        return self.checked is not None and self.checked.error_total == 0

    def validatePage(self) -> bool:
        if self.excluded:
            answer = QMessageBox.question(
                self, _tr("ImportWizard", "行の除外"),
                _tr("ImportWizard", "エラーのある {n} 行を取り込みません。除外した行は取り込みの結果と"
                                    "監査ログに残ります。続けますか？").format(n=len(self.excluded)),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return False
        self.wiz.excluded = set(self.excluded)
        return True
