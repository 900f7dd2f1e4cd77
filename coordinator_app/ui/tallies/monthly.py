"""月次集計: the tally of a fiscal year for a branch (or all), one tab per
measure laid out like the paper monthly report, a bar chart of the monthly
totals, the records behind a figure, and export to the contract CSV / xlsx
of the whole year or of one month (what a branch sends each month).
Figures come from ``counting.compute`` off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import access, clock, codes, counting
from coordinator_app.core.access import Action
from coordinator_app.core.dates import fiscal_year_label, month_last_day
from coordinator_app.services import tallies
from coordinator_app.services.tallies import TallyView
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.tallies.charts import BarChart
from coordinator_app.ui.tallies.common import (
    FiscalYearCombo,
    error_text,
    inform,
    run_job,
    warn,
)
from coordinator_app.ui.tallies.models import TallyGridModel
from coordinator_app.ui.tallies.records_dialog import RecordsDialog

ALL = ""


class MonthlyPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view_data: TallyView | None = None
        self.loading = False
        self.records_dialog: RecordsDialog | None = None

        self._build_choices()
        self._build_grid()
        self._lay_out()
        self.year.currentIndexChanged.connect(self.reload)
        self.year.currentIndexChanged.connect(self._fill_periods)
        self.branch.currentIndexChanged.connect(self.reload)
        self.measures.currentChanged.connect(self._show_measure)

    # --- building -----------------------------------------------------------------

    def _build_choices(self) -> None:
        """Year, branch (all branches for those who see every branch), exports."""
        self.year = FiscalYearCombo(parent=self)
        self.branch = QComboBox(self)
        branches = tallies.visible_branches(self.ctx.db, self.ctx.user)
        if access.check(self.ctx.user, Action.TALLIES) is None:  # every branch's
            self.branch.addItem(self.tr("全支部"), ALL)
        for code, name in branches:
            self.branch.addItem(f"{code} {name}", code)
        self.branch.setEnabled(self.branch.count() > 1)
        self.period = QComboBox(self)  # what an export holds: the year or one month
        self._fill_periods()
        self.export_csv = QPushButton(self.tr("CSVを書き出す…"), self)
        self.export_xlsx = QPushButton(self.tr("Excelを書き出す…"), self)
        self.export_csv.clicked.connect(lambda: self.ask_export("csv"))
        self.export_xlsx.clicked.connect(lambda: self.ask_export("xlsx"))
        self.status = QLabel(self)

    def _build_grid(self) -> None:
        """One tab per measure over the paper-form grid, and its chart."""
        self.measures = QTabBar(self)
        for measure in codes.MEASURES:
            self.measures.addTab(self.tr(codes.MEASURE_LABELS[measure]))
        self.measures.setExpanding(False)
        self.measures.setUsesScrollButtons(True)
        self.model = TallyGridModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.table.activated.connect(self.open_cell)
        self.chart = BarChart(self)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("支部"), self))
        top.addWidget(self.branch)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("書き出す範囲"), self))
        top.addWidget(self.period)
        top.addWidget(self.export_csv)
        top.addWidget(self.export_xlsx)
        split = QSplitter(Qt.Vertical, self)
        holder = QWidget(split)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.measures)
        box.addWidget(self.table, 1)
        split.addWidget(holder)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # --- state ------------------------------------------------------------------
    @property
    def measure(self) -> str:
        return list(codes.MEASURES)[self.measures.currentIndex()]

    def branch_code(self) -> str | None:
        return self.branch.currentData() or None

    def export_month(self) -> int | None:
        """The month (YYYYMM) an export holds, None for the whole year."""
        return self.period.currentData() or None

    def _fill_periods(self) -> None:
        """年度全体, then the year's months (4月 … 3月 of the chosen 年度),
        keeping the place when the year changes."""
        place = self.period.currentIndex()
        self.period.clear()
        self.period.addItem(self.tr("年度全体"), 0)
        for m in counting.fiscal_month_keys(self.year.value()):
            self.period.addItem(self.tr("{0}月").format(m % 100), m)
        self.period.setCurrentIndex(max(0, place))

    def set_measure(self, measure: str) -> None:
        self.measures.setCurrentIndex(list(codes.MEASURES).index(measure))

    # --- loading ----------------------------------------------------------------
    def reload(self) -> None:
        fy, branch = self.year.value(), self.branch_code()
        self.loading = True
        self.status.setText(self.tr("集計しています…"))
        db, user = self.ctx.db, self.ctx.user
        run_job(self, lambda progress: tallies.tally_view(db, user, fy, branch),
                            on_done=self._loaded, on_error=self._failed)

    def _loaded(self, view: TallyView) -> None:
        if view.fiscal_year != self.year.value() or view.branch_code != self.branch_code():
            return  # an older request; the newer one is on its way
        self.loading = False
        self.view_data = view
        self._show_measure()
        who = self.branch.currentText()
        self.status.setText(self.tr("{0} {1}: 記録から集計しました（表の数字は集計ファイルと同じです）")
                            .format(fiscal_year_label(view.fiscal_year), who))

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.status.setText(error_text(exc))

    def _show_measure(self) -> None:
        self.model.set_view(self.view_data, self.measure)
        fy = self.year.value()
        months = counting.fiscal_month_keys(fy)
        today = clock.today()
        running = [i for i, m in enumerate(months) if month_last_day(m // 100, m % 100) >= today]
        # A stock (登録者数, サロン等の活動数) is a month-end figure, not a sum.
        title = (self.tr("{0}（各月末）") if self.model.stock else self.tr("{0}（月別の合計）")).format(
            self.tr(codes.MEASURE_LABELS[self.measure]))
        self.chart.set_data(self.model.month_labels, self.model.monthly_totals(), title, running)

    # --- the records behind a figure ---------------------------------------------
    def open_cell(self, index) -> None:
        ref = self.model.cell_ref(index)
        if ref is None:
            return
        if not self.ctx.user.sees_personal_records:
            inform(self, self.tr("個人の記録は支部のコーディネーターだけが見られます。"
                                 "市社協の職員は集計の数字だけを扱います。"))
            return
        breakdown, key, months = ref
        measure = self.measure
        label = self.model.data(index.siblingAtColumn(1)) or self.tr("合計")
        period = self.model.headerData(index.column(), Qt.Horizontal)
        title = f"{self.tr(codes.MEASURE_LABELS[measure])} {label} {period}"
        db, user = self.ctx.db, self.ctx.user
        run_job(self, 
            lambda progress: tallies.records_behind(db, user, measure, breakdown, key,
                                                            months),
            on_done=lambda rows: self._show_records(title, rows, measure),
            on_error=lambda exc: warn(self, error_text(exc)))

    def _show_records(self, title: str, rows, measure: str) -> None:
        self.records_dialog = RecordsDialog(title, rows, self, measure)
        self.records_dialog.show()

    # --- export -------------------------------------------------------------------
    def suggested_name(self, fmt: str) -> str:
        code = self.branch_code()
        if code is None and access.check(self.ctx.user, Action.TALLIES) is not None:
            code = self.ctx.user.branch_code  # their one branch
        return tallies.default_file_name(code, self.year.value(), fmt, clock.today(),
                                         self.export_month())

    def ask_export(self, fmt: str) -> None:
        name = self.suggested_name(fmt)
        pattern = self.tr("集計ファイル (*.csv)") if fmt == "csv" else self.tr("Excel (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("集計を書き出す"),
                                              str(Path.home() / name), pattern)
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        fy, branch, month = self.year.value(), self.branch_code(), self.export_month()
        db, user = self.ctx.db, self.ctx.user
        self.status.setText(self.tr("書き出しています…"))
        run_job(self, 
            lambda progress: tallies.export_tallies(db, user, fy, branch, fmt, path, month),
            on_done=lambda n: self.status.setText(
                self.tr("{0} 行を書き出しました: {1}").format(n, path)),
            on_error=lambda exc: (self.status.setText(error_text(exc)),
                                  warn(self, error_text(exc))))
