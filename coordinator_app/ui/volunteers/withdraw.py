"""退会: record that a volunteer withdrew, with the date and the reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.services import volunteers
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts

REASONS = ("本人希望", "転居", "体調・高齢", "仕事・家庭の都合", "死亡", "連絡が取れない")


class WithdrawDialog(QDialog):
    withdrawn = Signal(int)

    def __init__(self, ctx: AppContext, volunteer_id: int, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.volunteer_id = ctx, volunteer_id
        self.setWindowTitle(self.tr("退会の登録"))
        self.on = DateLineEdit(self, required=True)
        self.on.setDate(clock.today())
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems(["", *REASONS])
        self.reason.lineEdit().setPlaceholderText(self.tr("選ぶか入力"))
        form = QFormLayout()
        form.addRow(QLabel(self.tr("{name} さんの退会を登録します。").format(name=name), self))
        form.addRow(self.tr("退会日(&D)"), self.on)
        form.addRow(self.tr("退会理由(&R)"), self.reason)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.ok = QPushButton(self.tr("退会を登録 (Ctrl+S)"), self)
        cancel = QPushButton(self.tr("キャンセル"), self)
        for b in (self.ok, cancel):
            b.setAutoDefault(False)
        self.ok.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        save_shortcuts(self, self.save, self.ok)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.ok)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        self.setFocusProxy(self.on)

    def save(self) -> None:
        if self.on.error():
            self.error.setText(self.tr("退会日: ") + self.on.error())
            return
        db, user, vid = self.ctx.db, self.ctx.user, self.volunteer_id
        day, reason = self.on.date(), self.reason.currentText()
        self.ok.setEnabled(False)
        self.ctx.runner.run(
            lambda _p: volunteers.withdraw_volunteer(db, user, vid, day, reason),
            on_done=self._done, on_error=self._failed)

    def _done(self, _result) -> None:
        self.ctx.notify("volunteer")
        self.withdrawn.emit(self.volunteer_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.error.setText(str(exc))
