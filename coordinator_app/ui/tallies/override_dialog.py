"""評価を変更: staff replace a computed grade with A/B/C and say why (or go
back to the computed grade). The reason is required; the change is
audited by the service."""

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


class OverrideDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx: AppContext, result: IndicatorResult, figure: YearFigure,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.result, self.figure = ctx, result, figure
        self.setWindowTitle(self.tr("評価を変更する"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.grade = QComboBox(self)
        self.grade.addItem(self.tr("自動判定に戻す（{0}）").format(figure.computed_grade or self.tr("なし")), "")
        for g, label in core.GRADES.items():
            self.grade.addItem(f"{g}　{self.tr(label)}", g)
        self.grade.setCurrentIndex(max(0, self.grade.findData(figure.override)))
        self.reason = QPlainTextEdit(self)
        self.reason.setPlainText(figure.override_reason)
        self.reason.setTabChangesFocus(True)
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
        form.addRow(self.tr("自動判定"), QLabel(figure.computed_grade or self.tr("なし"), self))
        form.addRow(self.tr("評価(&G)"), self.grade)
        form.addRow(self.tr("理由(&R)"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 300)

    def save(self) -> None:
        grade = self.grade.currentData()
        reason = self.reason.toPlainText()
        if grade and not reason.strip():
            self.error.setText(self.tr("評価を変更する理由を入力してください"))
            self.reason.setFocus()
            return
        db, user = self.ctx.db, self.ctx.user
        code, fy = self.result.info.code, self.figure.fiscal_year
        run_job(self, 
            lambda progress: service.override_grade(db, user, code, fy, grade, reason),
            on_done=lambda _: (self.saved.emit(), self.accept()),
            on_error=lambda exc: self.error.setText(error_text(exc)))
