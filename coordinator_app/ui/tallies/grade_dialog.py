"""評価を決める: the evaluator decides a year's grade (A/B/C or 評価なし) —
a self-evaluation; the app's proposal from the thresholds is shown beside
it — or leaves it undecided. An optional memo stays on screen (never
printed). The service audits the change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.dates import fiscal_year_label
from coordinator_app.services import indicators as service
from coordinator_app.services.indicators import IndicatorResult, YearFigure
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.tallies.common import error_text, run_job


class GradeDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx: AppContext, result: IndicatorResult, figure: YearFigure,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.result, self.figure = ctx, result, figure
        self.setWindowTitle(self.tr("評価を決める"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        proposal = figure.proposed or self.tr("なし")
        self.grade = QComboBox(self)
        self.grade.addItem(self.tr("まだ決めない"), "")
        for g, label in core.DECISIONS.items():
            self.grade.addItem(f"{g}　{self.tr(label)}" if g in core.GRADES else self.tr(label), g)
        # An undecided year starts on the proposal: Enter accepts it.
        self.grade.setCurrentIndex(max(0, self.grade.findData(figure.decided or figure.proposed)))
        self.memo = QPlainTextEdit(self)
        self.memo.setPlainText(figure.memo)
        self.memo.setTabChangesFocus(True)
        self.memo.setPlaceholderText(self.tr("評価の根拠など（画面だけに出ます。シートには印刷しません）"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("指標"), QLabel(result.info.name, self))
        form.addRow(self.tr("年度"), QLabel(fiscal_year_label(figure.fiscal_year), self))
        form.addRow(self.tr("目標と実績からの提案"), QLabel(proposal, self))
        form.addRow(self.tr("評価(&G)"), self.grade)
        form.addRow(self.tr("メモ(&M)"), self.memo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 300)

    def save(self) -> None:
        grade = self.grade.currentData()
        memo = self.memo.toPlainText()
        db, user = self.ctx.db, self.ctx.user
        code, fy = self.result.info.code, self.figure.fiscal_year
        run_job(self,
            lambda progress: service.decide_grade(db, user, code, fy, grade, memo),
            on_done=lambda _: (self.saved.emit(), self.accept()),
            on_error=lambda exc: self.error.setText(error_text(exc)))
