"""異変あり: what was noticed (the contact's memo, already typed, comes in
as its start), and the follow-up consultation it becomes — with any of the
configured 相談内容 — or the person's open consultation it is linked to.
Enter, Ctrl+Enter or Ctrl+S accepts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import codes
from coordinator_app.core.dates import format_wareki_short
from coordinator_app.services import watch
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts


class ConcernDialog(QDialog):
    """``form()`` is the ``ConcernForm`` once accepted. Opened with
    ``open()`` (window-modal, not blocking) by the contact panel."""

    def __init__(self, user_name: str, open_consultations: list[watch.OpenConsultation],
                 contact_day: dt.date, categories: list[tuple[str, str]],
                 noticed: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("異変あり — 相談記録を作成"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("{name} さんの異変を相談記録にして、要フォローに載せます。")
                       .format(name=user_name), self)
        intro.setWordWrap(True)
        self.noticed = QLineEdit(noticed.strip(), self)
        self.noticed.setPlaceholderText(self.tr("例: 新聞がたまっている、足を痛めている"))
        self.category = QComboBox(self)
        for code, label in categories:
            self.category.addItem(label, code)
        self.follow_up = DateLineEdit(self, allow_future=True, required=True)
        self.follow_up.setDate(contact_day)
        self.response = QComboBox(self)
        for code in ("listened", "referred", "urgent"):
            self.response.addItem(codes.RESPONSE[code], code)
        self.link = QComboBox(self)
        self.link.addItem(self.tr("新しい相談として記録する"), None)
        for c in open_consultations:
            follow = format_wareki_short(c.follow_up_on) if c.follow_up_on else "—"
            self.link.addItem(self.tr("既存の相談に紐づける: {number} {day} {summary}（フォロー {follow}）")
                              .format(number=c.number, day=format_wareki_short(c.received_on),
                                      summary=c.summary, follow=follow), c.id)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("気づいたこと(&N)"), self.noticed)
        form.addRow(self.tr("相談内容(&C)"), self.category)
        form.addRow(self.tr("フォロー日(&F)"), self.follow_up)
        form.addRow(self.tr("対応(&R)"), self.response)
        form.addRow(self.tr("紐づけ(&L)"), self.link)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("相談記録を作成して保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("戻る"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save_shortcuts(self, self.accept, buttons.button(QDialogButtonBox.Ok))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.link.currentIndexChanged.connect(self._link_changed)
        self.noticed.setFocus()
        self._form: watch.ConcernForm | None = None

    def _link_changed(self) -> None:
        new = self.link.currentData() is None
        self.category.setEnabled(new)
        self.response.setEnabled(new)

    def accept(self) -> None:
        noticed = self.noticed.text().strip()
        if not noticed:
            self.error.setText(self.tr("気づいたことを入力してください"))
            self.noticed.setFocus()
            return
        if self.follow_up.date() is None:
            self.error.setText(self.tr("フォロー日: {e}").format(e=self.follow_up.error()))
            self.follow_up.setFocus()
            return
        self._form = watch.ConcernForm(
            noticed=noticed, category=self.category.currentData(),
            follow_up_on=self.follow_up.date(), response=self.response.currentData(),
            link_consultation_id=self.link.currentData())
        super().accept()

    def form(self) -> watch.ConcernForm | None:
        return self._form
