"""指標: every indicator of the plan for a fiscal year (target, actual,
grade), computed from this database's records or from the consolidated
branch files; an indicator's plan years with its trend chart and notes;
targets, typed actuals (marked) and year notes edited in place (city
staff), the evaluator's grades beside the app's proposal, definitions and
thresholds (administrators), and the contract CSV."""

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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import access, clock
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import Action, may
from coordinator_app.core.dates import fiscal_year_label, fiscal_year_of
from coordinator_app.services import indicators as service
from coordinator_app.services import tallies
from coordinator_app.services.indicators import IndicatorResult
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.tallies.charts import TrendChart
from coordinator_app.ui.tallies.common import FiscalYearCombo, error_text, run_job, warn
from coordinator_app.ui.tallies.grade_dialog import GradeDialog
from coordinator_app.ui.tallies.indicator_dialog import (
    IndicatorDialog,
    ThresholdsDialog,
)
from coordinator_app.ui.tallies.models import IndicatorTableModel, YearTableModel


class IndicatorsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.results: list[IndicatorResult] = []
        self.selected_code: str | None = None
        self.dialog = None
        self.editable = may(ctx.user, Action.EVALUATE)  # targets, typed actuals, grades, notes
        self._build_filters()
        self._build_buttons()
        self._build_table()
        self._build_detail()
        self._lay_out()
        for combo in (self.year, self.source, self.branch):
            combo.currentIndexChanged.connect(self.reload)

    # --- building -----------------------------------------------------------------

    def _build_filters(self) -> None:
        """年度, 集計元 and 支部, offered as far as the user's role reaches."""
        user = self.ctx.user
        plan = self.plan = service.get_plan(self.ctx.db)
        today = clock.today()
        self.year = FiscalYearCombo(min(plan.first_fy, today.year - 5),
                                    max(plan.last_fy, fiscal_year_of(today)), self)
        self.source = QComboBox(self)
        for key, label in service.SOURCES.items():
            if key == "consolidated" and not may(user, Action.CONSOLIDATE):
                continue
            self.source.addItem(self.tr(label), key)
        self.source.setEnabled(self.source.count() > 1)
        self.branch = QComboBox(self)
        if access.check(user, Action.TALLIES) is None:  # every branch's
            self.branch.addItem(self.tr("全支部"), "")
        for code, name in tallies.visible_branches(self.ctx.db, user):
            self.branch.addItem(f"{code} {name}", code)
        self.branch.setEnabled(self.branch.count() > 1)

    def _build_buttons(self) -> None:
        self.export = QPushButton(self.tr("CSVを書き出す…"), self)
        self.export.clicked.connect(self.ask_export)
        self.new = QPushButton(self.tr("指標を追加…"), self)
        self.new.clicked.connect(self.new_indicator)
        self.edit = QPushButton(self.tr("定義を変更…"), self)
        self.edit.clicked.connect(self.edit_indicator)
        self.rules = QPushButton(self.tr("評価の基準…"), self)
        self.rules.clicked.connect(self.edit_thresholds)
        for w in (self.new, self.edit, self.rules):
            w.setVisible(self.ctx.user.is_admin)
        self.status = QLabel(self)

    def _build_table(self) -> None:
        """The indicators of the year, one per row."""
        self.model = IndicatorTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

    def _build_detail(self) -> None:
        """The selected indicator: its definition, trend chart and plan years."""
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.describe = QLabel(self)
        self.describe.setWordWrap(True)
        self.chart = TrendChart(self)
        self.chart.setMinimumHeight(210)
        self.years_model = YearTableModel(self)
        self.years_model.edited.connect(self.edit_year)
        self.years = QTableView(self)
        self.years.setModel(self.years_model)
        self.years.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)
        self.years.verticalHeader().setVisible(False)
        self.years.verticalHeader().setDefaultSectionSize(24)
        self.years.setMinimumHeight(150)
        yh = self.years.horizontalHeader()
        yh.setSectionResizeMode(QHeaderView.ResizeToContents)
        yh.setStretchLastSection(True)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.gap = QLabel(self)
        self.gap.setWordWrap(True)
        self.gap.setStyleSheet("color: #b00020;")
        self.decide = QPushButton(self.tr("評価を決める…"), self)
        self.decide.clicked.connect(self.decide_grade)
        self.decide.setVisible(self.editable)
        self.hint = QLabel(
            self.tr("目標・注記は表の欄をダブルクリックして入力します（目標は数値または 増加・減少・維持・設置 など）。"
                    "評価は「評価を決める」で決めます（提案は目標と実績からの目安です）。")
            if self.editable else self.tr("目標・評価の入力は市社協の職員が行います。"), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

    def _lay_out(self) -> None:
        detail = QWidget(self)
        d = QVBoxLayout(detail)
        d.setContentsMargins(6, 0, 0, 0)
        d.addWidget(self.title)
        d.addWidget(self.describe)
        d.addWidget(self.gap)
        d.addWidget(self.chart, 3)
        d.addWidget(self.notes)
        d.addWidget(self.years, 1)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.decide)
        d.addLayout(row)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([620, 720])
        top = QHBoxLayout()
        for label, combo in ((self.tr("年度"), self.year), (self.tr("集計元"), self.source),
                             (self.tr("支部"), self.branch)):
            if combo is not self.year:
                top.addSpacing(8)
            top.addWidget(QLabel(label, self))
            top.addWidget(combo)
        top.addStretch(1)
        for w in (self.new, self.edit, self.rules, self.export):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # --- loading ------------------------------------------------------------------
    def params(self) -> tuple[int, str, str | None]:
        return self.year.value(), self.source.currentData(), self.branch.currentData() or None

    def reload(self) -> None:
        fy, source, branch = self.params()
        db, user = self.ctx.db, self.ctx.user
        self.status.setText(self.tr("計算しています…"))
        run_job(self, 
            lambda progress: (fy, source, branch, service.evaluate(db, user, fy, source, branch),
                              service.get_plan(db)),
            on_done=self._loaded, on_error=lambda exc: self.status.setText(error_text(exc)))

    def _loaded(self, payload) -> None:
        fy, source, branch, results, self.plan = payload
        if (fy, source, branch) != self.params():
            return
        self.results = results
        self.model.set_rows(results)
        row = self.model.row_of(self.selected_code) if self.selected_code else -1
        self.table.selectRow(row if row >= 0 else 0)
        self._show_selected()
        decided = sum(1 for r in results if r.year.decided)
        proposed = sum(1 for r in results if not r.year.decided and r.year.proposed)
        self.status.setText(self.tr("{0}・{1}: 指標 {2} 件（評価を決めたもの {3} 件・提案だけのもの {4} 件）").format(
            fiscal_year_label(fy), self.source.currentText(), len(results), decided, proposed))

    def current(self) -> IndicatorResult | None:
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def select(self, code: str) -> None:
        self.selected_code = code
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)

    def _show_selected(self) -> None:
        r = self.current()
        self.years_model.set_result(r, self.editable, self.plan.records_from)
        self.decide.setEnabled(r is not None)
        self.edit.setEnabled(r is not None)
        if r is None:
            self.title.setText("")
            self.describe.setText("")
            self.chart.set_series([], [], [])
            self.notes.setText("")
            self.gap.setText("")
            return
        self.selected_code = r.info.code
        i = r.info
        self.title.setText(f"{i.name}（{i.unit}）" if i.unit else i.name)
        base = ""
        if i.baseline is not None:
            base = self.tr("　基準値 {0}").format(core.format_value(i.baseline, i.unit))
            if i.baseline_fy:
                base += f"（{fiscal_year_label(i.baseline_fy)}）"
        self.describe.setText(
            self.tr("{0}　計画期間 {1}　{2}　担当 {3}").format(
                i.definition.describe() or self.tr("実績を年度ごとに入力する指標"),
                core.plan_label(i.first_fy, i.last_fy),
                self.tr(core.DIRECTIONS[i.direction]), i.office or "—") + base)
        labels = [core.short_year(f.fiscal_year) for f in r.series]
        actuals = [float(f.actual) if f.actual is not None and not isinstance(f.actual, str)
                   else None for f in r.series]
        targets = [f.target if isinstance(f.target, str) or f.target is None else float(f.target)
                   for f in r.series]
        self.chart.set_series(labels, actuals, targets,
                              self.tr("{0} の推移（実績と目標）").format(i.name))
        self.notes.setText("\n".join(
            f"※ {fiscal_year_label(f.fiscal_year)}: {f.note}" for f in r.series if f.note))
        self.gap.setText("\n".join(
            self.tr("{0}の実績は集計ファイルが揃っていません（{1}）。評価の提案はしません。").format(
                fiscal_year_label(f.fiscal_year), f.gap) for f in r.series if f.gap))

    # --- editing ------------------------------------------------------------------
    def edit_year(self, fy: int, column: int, text: str) -> None:
        r = self.current()
        if r is None:
            return
        code = r.info.code
        db, user = self.ctx.db, self.ctx.user
        if column == YearTableModel.COL_TARGET:
            job = lambda progress: service.set_target(db, user, code, fy, text)  # noqa: E731
        elif column == YearTableModel.COL_NOTE:
            job = lambda progress: service.set_year_note(db, user, code, fy, text)  # noqa: E731
        else:
            job = lambda progress: service.set_typed_actual(db, user, code, fy, text)  # noqa: E731
        run_job(self, job, on_done=lambda _: self._changed(),
                            on_error=lambda exc: warn(self, error_text(exc)))

    def _changed(self) -> None:
        self.ctx.notify("indicators")
        self.reload()

    def decide_grade(self) -> None:
        r = self.current()
        if r is None:
            return
        row = self.years.currentIndex().row()
        figure = r.series[row] if 0 <= row < len(r.series) else r.year
        self.dialog = GradeDialog(self.ctx, r, figure, self)
        self.dialog.saved.connect(self._changed)
        self.dialog.open()

    def new_indicator(self) -> None:
        keys = service.key_choices(self.ctx.db)
        self.dialog = IndicatorDialog(self.ctx, service.new_info(service.get_plan(self.ctx.db)),
                                      keys, self)
        self.dialog.saved.connect(self._defined)
        self.dialog.open()

    def edit_indicator(self) -> None:
        r = self.current()
        if r is None:
            return
        keys = service.key_choices(self.ctx.db)
        info = service.get_indicator(self.ctx.db, self.ctx.user, r.info.code)
        self.dialog = IndicatorDialog(self.ctx, info, keys, self)
        self.dialog.saved.connect(self._defined)
        self.dialog.open()

    def _defined(self, code: str) -> None:
        self.selected_code = code
        self._changed()

    def edit_thresholds(self) -> None:
        self.dialog = ThresholdsDialog(self.ctx, self)
        self.dialog.saved.connect(self._changed)
        self.dialog.open()

    # --- export -------------------------------------------------------------------
    def ask_export(self) -> None:
        fy = self.year.value()
        name = f"indicators_{fy}_{clock.today():%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("指標を書き出す"), str(Path.home() / name),
                                              self.tr("CSV (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        fy, source, branch = self.params()
        db, user = self.ctx.db, self.ctx.user
        run_job(self, 
            lambda progress: service.export_csv(db, user, fy, path, source, branch),
            on_done=lambda n: self.status.setText(self.tr("{0} 件を書き出しました: {1}").format(n, path)),
            on_error=lambda exc: warn(self, error_text(exc)))
