"""評価シート (進行管理・評価シート, seed 003): per indicator and fiscal
year, the sheet's headings and its six narratives, saved with Ctrl+S;
the plan's name and period (every indicator takes it) and the first year
the records cover; the whole sheet as PDF. City staff and
administrators."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.dates import fiscal_year_label, fiscal_year_of
from coordinator_app.services import indicators as service
from coordinator_app.services import plan as plans
from coordinator_app.services.indicators import NARRATIVE_FIELDS, Narrative
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.tallies.common import FiscalYearCombo, error_text, run_job, warn
from coordinator_app.ui.tallies.indicator_dialog import YearSpin
from coordinator_app.ui.widgets import save_shortcuts

HEADINGS = [("department", "部局名"), ("office", "課名"), ("team", "係名"), ("goal", "基本目標"),
            ("policy", "施策の方向性"), ("project", "事業名")]


class EvaluationPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded_key: tuple[str, int] | None = None
        self.dirty = False
        self._filling = False
        plan = service.get_plan(ctx.db)
        self._build_choices(plan)
        self._build_plan(plan)
        head_form = self._build_headings()
        grid = self._build_narratives()
        self._lay_out(head_form, grid)
        self.year.currentIndexChanged.connect(self._switch)
        self.indicator.currentIndexChanged.connect(self._switch)
        self.source.currentIndexChanged.connect(self._switch)

    # --- building -----------------------------------------------------------------

    def _build_choices(self, plan: service.Plan) -> None:
        """Which sheet (year, indicator, figures' source), save and PDF."""
        today = clock.today()
        self.year = FiscalYearCombo(min(plan.first_fy, today.year - 5),
                                    max(plan.last_fy, fiscal_year_of(today)), self)
        self.indicator = QComboBox(self)
        self.indicator.setMinimumWidth(260)
        self.source = QComboBox(self)
        for key, label in service.SOURCES.items():
            self.source.addItem(self.tr(label), key)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"), self)
        self.save_button.clicked.connect(self.save)
        self.pdf = QPushButton(self.tr("評価シートをPDFに…"), self)
        self.pdf.clicked.connect(self.ask_pdf)
        self.xlsx = QPushButton(self.tr("Excelに書き出す…"), self)
        self.xlsx.setToolTip(self.tr("推進委員会の意見を Excel で入力してもらうためのブック（事業ごとに1シート）"))
        self.xlsx.clicked.connect(self.ask_xlsx)
        self.comments = QPushButton(self.tr("Excelから意見を読み込む…"), self)
        self.comments.clicked.connect(self.ask_comments)
        save_shortcuts(self, self.save, self.save_button)
        self.status = QLabel(self)

    def _build_plan(self, plan: service.Plan) -> None:
        """The plan's name and period."""
        self.plan_name = QLineEdit(plan.name, self)
        self.plan_first, self.plan_last = YearSpin(self), YearSpin(self)
        self.plan_first.setValue(plan.first_fy)
        self.plan_last.setValue(plan.last_fy)
        # The years before it take typed actuals (figures from before the app).
        self.records_from = YearSpin(self)
        self.records_from.setMinimum(self.records_from.minimum() - 1)
        self.records_from.setSpecialValueText(self.tr("なし（どの年度も記録から数える）"))
        self.records_from.setValue(plan.records_from or self.records_from.minimum())
        self.save_plan_button = QPushButton(self.tr("計画を保存"), self)
        self.save_plan_button.clicked.connect(self.save_plan)

    def _build_headings(self) -> QFormLayout:
        """The sheet's headings, overview and figures."""
        self.heading_edits: dict[str, QLineEdit] = {}
        head_form = QFormLayout()
        for name, label in HEADINGS:
            edit = QLineEdit(self)
            edit.textEdited.connect(self._mark_dirty)
            self.heading_edits[name] = edit
            head_form.addRow(self.tr(label), edit)
        self.overview = QPlainTextEdit(self)
        self.overview.setTabChangesFocus(True)
        self.overview.setFixedHeight(54)
        self.overview.textChanged.connect(self._mark_dirty)
        head_form.addRow(self.tr("事業の概要"), self.overview)
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.RichText)
        head_form.addRow(self.tr("目標・実績"), self.figures)
        return head_form

    def _build_narratives(self) -> QGridLayout:
        """The six narratives, two per row."""
        self.narrative_edits: dict[str, QPlainTextEdit] = {}
        grid = QGridLayout()
        for i, (name, label) in enumerate(NARRATIVE_FIELDS):
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            edit.textChanged.connect(self._mark_dirty)
            self.narrative_edits[name] = edit
            box = QVBoxLayout()
            box.addWidget(QLabel(self.tr(label), self))
            box.addWidget(edit)
            grid.addLayout(box, i // 2, i % 2)
        return grid

    def _lay_out(self, head_form: QFormLayout, grid: QGridLayout) -> None:
        plan_box = QGroupBox(self.tr("計画"), self)
        pl = QHBoxLayout(plan_box)
        pl.addWidget(QLabel(self.tr("計画名"), self))
        pl.addWidget(self.plan_name, 1)
        pl.addWidget(QLabel(self.tr("期間"), self))
        pl.addWidget(self.plan_first)
        pl.addWidget(QLabel("〜", self))
        pl.addWidget(self.plan_last)
        pl.addWidget(QLabel(self.tr("記録で数える最初の年度"), self))
        pl.addWidget(self.records_from)
        pl.addWidget(self.save_plan_button)
        sheet = QWidget(self)
        sl = QVBoxLayout(sheet)
        sl.addLayout(head_form)
        sl.addLayout(grid, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(sheet)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addSpacing(8)
        top.addWidget(QLabel(self.tr("指標"), self))
        top.addWidget(self.indicator, 1)
        top.addWidget(QLabel(self.tr("集計元"), self))
        top.addWidget(self.source)
        top.addWidget(self.save_button)
        top.addWidget(self.pdf)
        top.addWidget(self.xlsx)
        top.addWidget(self.comments)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(plan_box)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)

    # --- loading ------------------------------------------------------------------
    def reload(self) -> None:
        """Refill the indicator list (keeping the selection) and the sheet."""
        keep = self.indicator.currentData()
        self.indicator.blockSignals(True)
        self.indicator.clear()
        for info in service.list_indicators(self.ctx.db, self.ctx.user):
            self.indicator.addItem(info.name, info.code)
        i = self.indicator.findData(keep) if keep else 0
        self.indicator.setCurrentIndex(max(0, i))
        self.indicator.blockSignals(False)
        self.load_sheet()

    def current_key(self) -> tuple[str, int] | None:
        code = self.indicator.currentData()
        return (code, self.year.value()) if code else None

    def _switch(self) -> None:
        # Switching keeps what was typed: unsaved changes are saved first.
        if self.dirty and self.loaded_key:
            self._save(self.loaded_key, then=self.load_sheet)
        else:
            self.load_sheet()

    def load_sheet(self) -> None:
        key = self.current_key()
        if key is None:
            return
        code, fy = key
        source = self.source.currentData()
        db, user = self.ctx.db, self.ctx.user

        def job(progress):
            homes = [pr.label for pr in plans.tree(db, user).projects
                     if any(link.code == code for link in pr.links)]
            return (key, service.get_indicator(db, user, code),
                    service.get_narrative(db, user, code, fy),
                    service.evaluate_one(db, user, code, fy, source), homes)

        run_job(self, job, on_done=self._fill,
                            on_error=lambda exc: self.status.setText(error_text(exc)))

    def _fill(self, payload) -> None:
        key, info, narrative, result, homes = payload
        if key != self.current_key():
            return
        # An indicator on a 事業's sheet: the 事業's headings and narratives print.
        for edit in [*self.heading_edits.values(), self.overview, *self.narrative_edits.values()]:
            edit.setReadOnly(bool(homes))
        self._filling = True
        for name, edit in self.heading_edits.items():
            edit.setText(getattr(info, name))
        self.overview.setPlainText(info.overview)
        for name, edit in self.narrative_edits.items():
            edit.setPlainText(getattr(narrative, name))
        cells = "".join(
            f"<td style='padding:0 8px'>{fiscal_year_label(f.fiscal_year)}<br>"
            f"{self.tr('目標')} {core.format_value(f.target, info.unit) or '—'}<br>"
            f"{self.tr('実績')} {core.format_value(f.actual, info.unit) or '—'}"
            f"{self.tr('（入力）') if f.typed else ''}<br>"
            f"<b>{core.DECISIONS.get(f.decided, '') if f.decided == core.NO_GRADE else f.decided or '—'}</b>"
            f"{self.tr('（提案 {0}）').format(f.proposed) if f.proposed and not f.decided else ''}"
            f"</td>" for f in result.series)
        self.figures.setText(f"<table><tr>{cells}</tr></table>")
        self._filling = False
        self.loaded_key = key
        self.dirty = False
        self.status.setText(self.tr("{0}・{1} の評価シート").format(
            info.name, fiscal_year_label(key[1])) if not homes else self.tr(
            "{0} は事業「{1}」のシートに載っています。見出し・記述・評価は「事業・評価」で入力します"
        ).format(info.name, "」「".join(homes)))

    def _mark_dirty(self) -> None:
        if not self._filling:
            self.dirty = True

    # --- saving -------------------------------------------------------------------
    def collected(self) -> tuple[dict[str, str], Narrative]:
        headings = {name: edit.text() for name, edit in self.heading_edits.items()}
        headings["overview"] = self.overview.toPlainText()
        narrative = Narrative(**{name: edit.toPlainText()
                                 for name, edit in self.narrative_edits.items()})
        return headings, narrative

    def save(self) -> None:
        if self.loaded_key and not self.overview.isReadOnly():
            self._save(self.loaded_key)

    def _save(self, key: tuple[str, int], then=None) -> None:
        headings, narrative = self.collected()
        code, fy = key
        db, user = self.ctx.db, self.ctx.user

        def done(_):
            self.dirty = False
            self.status.setText(self.tr("保存しました"))
            self.ctx.notify("indicators")
            if then:
                then()

        run_job(self, 
            lambda progress: service.save_sheet(db, user, code, fy, headings, narrative),
            on_done=done, on_error=lambda exc: warn(self, error_text(exc)))

    def save_plan(self) -> None:
        name, first, last = self.plan_name.text(), self.plan_first.value(), self.plan_last.value()
        since = self.records_from.value()
        since = None if since == self.records_from.minimum() else since
        db, user = self.ctx.db, self.ctx.user
        run_job(self, lambda progress: service.save_plan(db, user, name, first, last, since),
                            on_done=lambda _: (self.status.setText(self.tr("計画を保存しました")),
                                               self.ctx.notify("indicators"), self.load_sheet()),
                            on_error=lambda exc: warn(self, error_text(exc)))

    # --- PDF ----------------------------------------------------------------------
    def ask_pdf(self) -> None:
        fy = self.year.value()
        name = f"evaluation_{fy}_{clock.today():%Y%m%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("評価シートを書き出す"),
                                              str(Path.home() / name), self.tr("PDF (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        fy, source = self.year.value(), self.source.currentData()
        db, user = self.ctx.db, self.ctx.user
        self.status.setText(self.tr("PDFを作っています…"))

        def job(progress):
            return service.export_pdf(db, user, fy, path, source)

        def start():
            run_job(self, job, on_done=lambda pages: self.status.setText(
                self.tr("{0} ページのPDFを書き出しました: {1}").format(pages, path)),
                on_error=lambda exc: warn(self, error_text(exc)))

        if self.dirty and self.loaded_key:
            self._save(self.loaded_key, then=start)
        else:
            start()

    # --- Excel (the committee's comments) -------------------------------------------
    def ask_xlsx(self) -> None:
        fy = self.year.value()
        name = f"evaluation_{fy}_{clock.today():%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("評価シートを Excel に書き出す"),
                                              str(Path.home() / name), self.tr("Excel (*.xlsx)"))
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> None:
        fy, source = self.year.value(), self.source.currentData()
        db, user = self.ctx.db, self.ctx.user

        def start():
            run_job(self, lambda progress: service.export_xlsx(db, user, fy, path, source),
                    on_done=lambda n: self.status.setText(
                        self.tr("{0} シートのブックを書き出しました: {1}").format(n, path)),
                    on_error=lambda exc: warn(self, error_text(exc)))

        if self.dirty and self.loaded_key:
            self._save(self.loaded_key, then=start)
        else:
            start()

    def ask_comments(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("推進委員会の意見を読み込む"),
                                              str(Path.home()), self.tr("Excel (*.xlsx)"))
        if path:
            self.read_comments(Path(path))

    def read_comments(self, path: Path) -> None:
        db, user = self.ctx.db, self.ctx.user

        def done(payload) -> None:
            fy, changed = payload
            self.status.setText(self.tr("{0}の推進委員会の意見を {1} 件読み込みました").format(
                fiscal_year_label(fy), changed))
            self.ctx.notify("indicators")
            self.load_sheet()

        def start():
            run_job(self, lambda progress: service.import_committee_comments(db, user, path),
                    on_done=done, on_error=lambda exc: warn(self, error_text(exc)))

        if self.dirty and self.loaded_key:  # what was typed is saved first, not lost
            self._save(self.loaded_key, then=start)
        else:
            start()
