"""要フォロー: records whose follow-up date is today or past and not yet
closed, oldest first; each closed with a note of the outcome."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock, codes
from coordinator_app.core.dates import format_wareki
from coordinator_app.services import consultations as svc
from coordinator_app.services.consultations import ConsultationRow
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_model import Column, TableModel
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts

OVERDUE = QColor("#b00020")


class CloseFollowUpDialog(QDialog):
    """完了にする: the day it was closed and what came of it (required)."""

    def __init__(self, ctx: AppContext, row: ConsultationRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.setWindowTitle(self.tr("フォローの完了"))
        self.closed_on = DateLineEdit(self, required=True)
        self.closed_on.setDate(clock.today())
        self.outcome = QPlainTextEdit(self)
        self.outcome.setTabChangesFocus(True)
        self.outcome.setPlaceholderText(self.tr("フォローの結果（例: 包括が訪問し、サービス開始）"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        about = QLabel(self.tr("%3　受付 %1　%2").replace("%3", row.number)
                       .replace("%1", format_wareki(row.received_on))
                       .replace("%2", row.person_name or self.tr("（匿名）")), self)
        form = QFormLayout()
        form.addRow(self.tr("完了日"), self.closed_on)
        form.addRow(self.tr("結果 *"), self.outcome)
        self.ok = QPushButton(self.tr("完了にする (Ctrl+Enter)"), self)
        cancel = QPushButton(self.tr("キャンセル"), self)
        for b in (self.ok, cancel):
            b.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.ok.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        save_shortcuts(self, self.save, self.ok)
        self.outcome.setFocus()
        self.resize(520, 300)

    def save(self) -> None:
        problem = self.closed_on.error() or ("" if self.outcome.toPlainText().strip()
                                             else self.tr("フォローの結果を入力してください"))
        if problem:
            self._show(problem)
            return
        db, user, cid = self.ctx.db, self.ctx.user, self.row.id
        closed_on, outcome = self.closed_on.date(), self.outcome.toPlainText()
        self.ok.setEnabled(False)
        self.ctx.runner.run(lambda _p: svc.close_follow_up(db, user, cid, outcome, closed_on),
                            on_done=self._done, on_error=self._failed)

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _done(self, _result) -> None:
        self.ctx.notify("consultation")
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, svc.ValidationError):
            self._show("\n".join(exc.errors.values()))
        else:
            QMessageBox.warning(self, self.tr("完了にできませんでした"), str(exc))


class FollowUpView(QWidget):
    """The due follow-ups of the branch. Enter closes the selected one."""

    openRequested = Signal(int)  # consultation id
    historyRequested = Signal(int)  # person id
    countChanged = Signal(int)

    def __init__(self, ctx: AppContext, category_labels: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = clock.today()
        self.model = TableModel(self, [
            Column(self.tr("フォロー日"), lambda r: format_wareki(r.follow_up_on, weekday=True)),
            Column(self.tr("経過"), lambda r: self.tr("%1日").replace(
                "%1", str((self.today - r.follow_up_on).days))),
            Column(self.tr("番号"), lambda r: r.number),
            Column(self.tr("受付日"), lambda r: format_wareki(r.received_on)),
            Column(self.tr("区分"), lambda r: codes.KIND.get(r.kind, r.kind)),
            Column(self.tr("内容"),
                   lambda r: "・".join(category_labels.get(c, c) for c in r.categories)),
            Column(self.tr("対応"), lambda r: codes.RESPONSE.get(r.response, r.response)),
            Column(self.tr("氏名"), lambda r: r.person_name or self.tr("（匿名）")),
            Column(self.tr("概要"), lambda r: r.summary.splitlines()[0] if r.summary else ""),
        ], foreground=lambda r: OVERDUE if r.follow_up_on < self.today else None,
            tooltip=lambda r: r.summary)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        fit_table(self.table, stretch=(8,))  # 概要
        self.empty = QLabel(self.tr("期日が来たフォローはありません。"), self)
        self.close_button = QPushButton(self.tr("完了にする… (Enter)"), self)
        self.open_button = QPushButton(self.tr("記録を開く"), self)
        self.history_button = QPushButton(self.tr("この人の履歴 (Ctrl+H)"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        for b in (self.close_button, self.open_button, self.history_button):
            buttons.addWidget(b)
        about = QLabel(self.tr("フォロー日が今日までに来て、まだ完了していない記録です（フォロー日の古い順）。"
                               "完了にするときは結果を記録します。"), self)
        about.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(about)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.close_selected)
        self.open_button.clicked.connect(self._open)
        self.history_button.clicked.connect(self.history_of_selected)
        self.table.activated.connect(lambda _i: self.close_selected())

    def refresh(self) -> None:
        self.today = clock.today()
        rows = svc.follow_ups_due(self.ctx.db, self.ctx.user, self.today)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        has = bool(rows)
        for b in (self.close_button, self.open_button, self.history_button):
            b.setEnabled(has)
        if has:
            self.table.selectRow(0)
        self.countChanged.emit(len(rows))

    def selected(self) -> ConsultationRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def close_selected(self) -> CloseFollowUpDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = CloseFollowUpDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open(self) -> None:
        row = self.selected()
        if row is not None:
            self.openRequested.emit(row.id)

    def history_of_selected(self) -> None:
        row = self.selected()
        if row is not None and row.person_id is not None:
            self.historyRequested.emit(row.person_id)
