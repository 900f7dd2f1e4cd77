"""表示・パスワード: what everyone may set for themselves — the language
of the app (this computer) and their own password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import admin
from coordinator_app.ui import prefs
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.settings.common import show_error


class PersonalTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang_box = QGroupBox(self.tr("表示言語"), self)
        self.language = QComboBox(lang_box)
        self.language.setObjectName("language")
        for code, name in prefs.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(prefs.language()))
        self.language_note = QLabel(self.tr("言語の変更は、次にアプリを起動したときに反映されます。"),
                                    lang_box)
        self.language_note.setWordWrap(True)
        lang_form = QFormLayout(lang_box)
        lang_form.addRow(self.tr("言語"), self.language)
        lang_form.addRow(self.language_note)
        self.language.currentIndexChanged.connect(self._language_changed)

        pw_box = QGroupBox(self.tr("自分のパスワードを変更"), self)
        self.current = QLineEdit(pw_box)
        self.new = QLineEdit(pw_box)
        self.confirm = QLineEdit(pw_box)
        for w in (self.current, self.new, self.confirm):
            w.setEchoMode(QLineEdit.Password)
        self.change_button = QPushButton(self.tr("パスワードを変更"), pw_box)
        self.message = QLabel("", pw_box)
        self.message.setWordWrap(True)
        form = QFormLayout(pw_box)
        form.addRow(self.tr("現在のパスワード"), self.current)
        form.addRow(self.tr("新しいパスワード"), self.new)
        form.addRow(self.tr("新しいパスワード（確認）"), self.confirm)
        form.addRow("", self.change_button)
        form.addRow(self.message)
        self.change_button.clicked.connect(self.change_password)
        layout = QVBoxLayout(self)
        layout.addWidget(lang_box)
        layout.addWidget(pw_box)
        layout.addStretch(1)

    def _language_changed(self) -> None:
        prefs.set_language(self.language.currentData())
        self.language_note.setText(self.tr("保存しました。次にアプリを起動したときに反映されます。"))

    def change_password(self) -> None:
        if self.new.text() != self.confirm.text():
            self.message.setText(self.tr("確認のパスワードが一致しません"))
            self.confirm.clear()
            return
        try:
            admin.change_own_password(self.ctx.db, self.ctx.user, self.current.text(),
                                      self.new.text())
        except Exception as exc:
            show_error(self, exc)
            return
        for w in (self.current, self.new, self.confirm):
            w.clear()
        self.message.setText(self.tr("パスワードを変更しました。"))
        self.ctx.notify("account")
