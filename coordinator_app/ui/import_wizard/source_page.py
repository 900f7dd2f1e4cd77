"""Step 1: the kind of ledger, the file, its sheets and the header row,
chosen on a grid of the sheet's first rows (title rows and blank rows
above the header are skipped; a merged header cell shows its text over
its whole span)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import ledger_wizard as wizard_service
from coordinator_app.ui.import_wizard.common import LoadingPage
from coordinator_app.ui.table_model import Column, TableModel

# The importer's kinds, as the person knows them (docs/interchange.md).
KIND_LABELS = {
    "watch-users": QT_TRANSLATE_NOOP("ImportWizard", "見守り利用者"),
    "watch-contacts": QT_TRANSLATE_NOOP("ImportWizard", "見守りの記録"),
    "volunteers": QT_TRANSLATE_NOOP("ImportWizard", "ボランティア"),
    "consultations": QT_TRANSLATE_NOOP("ImportWizard", "相談記録"),
    "groups": QT_TRANSLATE_NOOP("ImportWizard", "活動グループ（サロン等）"),
    "events": QT_TRANSLATE_NOOP("ImportWizard", "行事・講座"),
    "branches": QT_TRANSLATE_NOOP("ImportWizard", "支部"),
}
ADMIN_ONLY_KINDS = {"branches"}
GRID_ROWS = 50
FILE_FILTER = QT_TRANSLATE_NOOP("ImportWizard", "表計算・CSV ファイル (*.xlsx *.xls *.csv)")

HEADER_BACKGROUND = QBrush(QColor("#cfe3ff"))
SKIPPED_FOREGROUND = QBrush(QColor("#8a8a8a"))


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("ImportWizard", KIND_LABELS.get(kind, kind))


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the letters Excel shows above a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class SheetGridModel(TableModel):
    """The sheet's first rows as read: columns named by their letters,
    rows by their numbers; the header row is shaded, rows above it grey."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, columns=())
        self.header_row = 0

    def set_grid(self, cells: list[list[str]], header_row: int) -> None:
        width = max((len(r) for r in cells), default=0)
        self._columns = tuple(Column(column_letter(i), lambda r, i=i: r[1][i] if i < len(r[1])
                                     else "") for i in range(width))
        self._roles = self._roles_answered()
        self.header_row = header_row
        self.set_rows(enumerate(cells, start=1))

    def set_header_row(self, row: int) -> None:
        self.header_row = row
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def row_background(self, row):
        return HEADER_BACKGROUND if row[0] == self.header_row else None

    def row_foreground(self, row):
        return SKIPPED_FOREGROUND if row[0] < self.header_row else None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if int(role) == int(Qt.FontRole) and index.isValid():
            row = self.row_at(index.row())
            if row is not None and row[0] == self.header_row:
                font = QCoreApplication.instance().font()
                font.setBold(True)
                return font
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Vertical and int(role) == int(Qt.DisplayRole):
            row = self.row_at(section)
            return str(row[0]) if row else None
        return super().headerData(section, orientation, role)


class SourcePage(LoadingPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard, QCoreApplication.translate("ImportWizard", "1. ファイルと見出しの行"),
                         QCoreApplication.translate(
                             "ImportWizard", "取り込む台帳の種類とファイルを選び、表の見出しの行を"
                                             "クリックしてください。見出しより上の表題や空の行は読み飛ばします。"))
        self.info: wizard_service.SourceInfo | None = None
        self.grid_loaded = False
        self.header_empty = False

        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for kind in KIND_LABELS:
            if kind in ADMIN_ONLY_KINDS and not self.ctx.user.is_admin:
                continue
            self.kind.addItem(kind_label(kind), kind)
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        self.path.setPlaceholderText(self.tr("例: 見守り名簿.xlsx（.xlsx .xls .csv）"))
        self.browse = QPushButton(self.tr("参照(&R)…"), self)
        self.browse.setAutoDefault(False)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("台帳の種類(&K)"), self.kind)
        file_label = QLabel(self.tr("ファイル(&F)"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, file_row)
        self.layout_.addLayout(form)

        self.sheets = QListWidget(self)
        self.sheets.setObjectName("sheets")
        self.sheets.setMaximumWidth(220)
        self.sheets.setToolTip(self.tr("同じ形のシートが複数あるときは、取り込むシートすべてに印を付けます"))
        self.grid = QTableView(self)
        self.grid.setObjectName("grid")
        self.model = SheetGridModel(self.grid)
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.grid.horizontalHeader().setDefaultSectionSize(110)
        self.grid.setWordWrap(False)  # one line per sheet row, cut with …
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        sheets_box = QWidget(self)
        sheets_layout = QVBoxLayout(sheets_box)
        sheets_layout.setContentsMargins(0, 0, 0, 0)
        sheets_title = QLabel(self.tr("シート(&S)"), sheets_box)
        sheets_title.setBuddy(self.sheets)
        sheets_layout.addWidget(sheets_title)
        sheets_layout.addWidget(self.sheets)
        grid_box = QWidget(self)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        self.header_label = QLabel(grid_box)
        self.header_label.setObjectName("headerRow")
        self.header_label.setWordWrap(True)
        grid_title = QLabel(self.tr("見出しの行(&H)（行をクリック）"), grid_box)
        grid_title.setBuddy(self.grid)
        grid_layout.addWidget(grid_title)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.header_label)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(sheets_box)
        split.addWidget(grid_box)
        split.setStretchFactor(1, 1)
        self.layout_.addWidget(split, 1)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.error)

        self.setTabOrder(self.kind, self.path)
        self.setTabOrder(self.path, self.browse)
        self.setTabOrder(self.browse, self.sheets)
        self.setTabOrder(self.sheets, self.grid)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.path.editingFinished.connect(self._path_entered)
        self.browse.clicked.connect(self._browse)
        self.sheets.currentItemChanged.connect(self._sheet_shown)
        self.sheets.itemChanged.connect(lambda _item: self._sheets_checked())
        self.grid.selectionModel().currentRowChanged.connect(self._row_clicked)
        self._kind_changed()

    # --- kind and file ---------------------------------------------------------------------

    def _kind_changed(self) -> None:
        self.wiz.set_kind(self.kind.currentData())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("取り込むファイルを選ぶ"),
                                              str(Path(self.path.text()).parent)
                                              if self.path.text() else str(Path.home()),
                                              self.tr(FILE_FILTER))
        if path:
            self.path.setText(path)
            self._path_entered()

    def _path_entered(self) -> None:
        text = self.path.text().strip()
        path = Path(text) if text else None
        if path == self.wiz.spec.path and self.info is not None:
            return
        self.wiz.set_path(path)
        self.info = None
        self.grid_loaded = False
        self.sheets.clear()
        self.model.set_grid([], 0)
        self.header_label.setText("")
        if path is None:
            self.set_error("")
            self.completeChanged.emit()
            return
        self.load(lambda: wizard_service.open_source(path), self._opened)

    def _opened(self, info: wizard_service.SourceInfo) -> None:
        self.info = info
        self.sheets.blockSignals(True)
        for i, name in enumerate(info.sheets):
            item = QListWidgetItem(name, self.sheets)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if i == 0 else Qt.Unchecked)
        self.sheets.blockSignals(False)
        self._sheets_checked()
        self.sheets.setCurrentRow(0)

    def failed(self, exc: BaseException) -> None:
        self.grid_loaded = False

    # --- sheets and the header row ---------------------------------------------------------

    def checked_sheets(self) -> list[str]:
        return [self.sheets.item(i).text() for i in range(self.sheets.count())
                if self.sheets.item(i).checkState() == Qt.Checked]

    def _sheets_checked(self) -> None:
        self.wiz.spec.sheets = self.checked_sheets()
        self.completeChanged.emit()

    def _sheet_shown(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None or self.wiz.spec.path is None:
            return
        path, sheet = self.wiz.spec.path, item.text()
        self.grid_loaded = False

        def work():
            cells = wizard_service.grid(path, sheet, GRID_ROWS)
            return cells, wizard_service.guess_header_row(cells)

        self.load(work, self._grid_read)

    def _grid_read(self, result) -> None:
        cells, guessed = result
        # The header row chosen on another sheet of the same layout stays.
        row = self.wiz.spec.header_row if self.wiz.spec.header_row and \
            self.wiz.spec.header_row <= len(cells) and any(cells[self.wiz.spec.header_row - 1]) \
            else guessed
        self.model.set_grid(cells, row)
        self.grid_loaded = bool(cells)
        if not cells:
            self.set_error(self.tr("このシートには何も書かれていません。別のシートを選んでください。"))
        self.select_header_row(row)

    def select_header_row(self, row: int) -> None:
        """Make sheet row ``row`` (1-based) the header: as a click on it."""
        if 1 <= row <= self.model.rowCount():
            self.grid.selectRow(row - 1)
            self.grid.setCurrentIndex(self.model.index(row - 1, 0))
        self._set_header_row(row)

    def _row_clicked(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid():
            self._set_header_row(current.row() + 1)

    def _set_header_row(self, row: int) -> None:
        if self.model.row_at(row - 1) is None:
            return
        # read with the row above it when the header takes two rows (生年月日 over 年/月/日)
        header = wizard_service.header_of([r[1] for r in self.model.rows], row)
        self.model.set_header_row(row)
        self.wiz.set_header(row, header)
        skipped = self.tr("（{n}行目までは読み飛ばします）").format(n=row - 1) if row > 1 else ""
        words = "・".join(dict.fromkeys(h for h in header if h))  # a merged cell's text once
        if len(words) > 120:
            words = words[:119] + "…"
        self.header_label.setText(self.tr("見出しの行: {row}行目{skipped}　{words}").format(
            row=row, skipped=skipped, words=words))
        if not any(header):
            self.header_empty = True
            self.set_error(self.tr("{row}行目は空です。見出しの書かれた行をクリックしてください。")
                           .format(row=row))
        elif self.header_empty:
            self.header_empty = False
            self.set_error("")
        self.completeChanged.emit()

    def ready(self) -> bool:
        spec = self.wiz.spec
        return (spec.path is not None and self.grid_loaded and bool(spec.sheets)
                and spec.header_row > 0 and any(spec.header))
