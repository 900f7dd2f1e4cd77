"""登録終了: end an enrolment with a date and a reason. The user leaves
the worklists; the history stays."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock, codes
from coordinator_app.core.access import ScopeError
from coordinator_app.services import watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts


class EndDialog(QDialog):
    def __init__(self, ctx: AppContext, watch_user_id: int, user_name: str,
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.watch_user_id = ctx, watch_user_id
        self.today = today or clock.today()
        self.setWindowTitle(self.tr("見守り登録の終了"))
        intro = QLabel(self.tr("{name} さんの見守り登録を終了します。今月の見守りから外れますが、"
                               "これまでの記録は残ります。").format(name=user_name), self)
        intro.setWordWrap(True)
        self.ended = DateLineEdit(self, required=True)
        self.ended.setDate(self.today)
        self.reason = QComboBox(self)
        self.reason.addItem(self.tr("（選んでください）"), None)
        for code, label in codes.END_REASON.items():
            self.reason.addItem(label, code)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("終了日(&D)"), self.ended)
        form.addRow(self.tr("終了理由(&R)"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("登録を終了"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save_shortcuts(self, self.accept, buttons.button(QDialogButtonBox.Ok))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        if self.ended.date() is None:
            self.error.setText(self.tr("終了日: {e}").format(e=self.ended.error()))
            return
        if self.reason.currentData() is None:
            self.error.setText(self.tr("終了理由を選んでください"))
            self.reason.setFocus()
            return
        try:
            watch.end_enrolment(self.ctx.db, self.ctx.user, self.watch_user_id,
                                self.ended.date(), self.reason.currentData(), today=self.today)
        except (ValueError, ScopeError, LookupError) as exc:
            self.error.setText(str(exc))
            return
        self.ctx.notify("watch")
        super().accept()
