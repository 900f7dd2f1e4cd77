"""Encryption at rest in the GUI (issue 9): the recovery key shown once,
resetting a password with it, the conversion offered to an administrator
who opens a plain database (which leaves no plain copy behind: issue 14),
and the warning before a file with personal data is written (that file
is not encrypted)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import encrypting
from coordinator_app.ui.desktop import open_with_system
from coordinator_app.ui.phrase_label import PhraseLabel

_tr = QCoreApplication.translate


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once. Continuing needs the 「保管しました」
    box ticked; closing the window without it does nothing."""

    def __init__(self, recovery_key: str, database: str = "", note: str = "",
                 parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.database = database
        self.printed: Path | None = None
        self.setWindowTitle(self.tr("回復キー — コーディネーターアプリ"))
        self.setMinimumWidth(620)
        title = PhraseLabel(title or self.tr("データベースを暗号化しました。回復キーを保管してください"),
                       self)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        title.setWordWrap(True)
        plainly = PhraseLabel(self.tr(
            "すべてのパスワードを忘れたとき、データベースを開く方法はこの回復キーだけです。"
            "なくすと、だれもデータを取り戻せません（開発者にもできません）。"), self)
        plainly.setObjectName("plainly")
        plainly.setWordWrap(True)
        plainly.setStyleSheet("color: #b00020; font-weight: bold;")
        notice = PhraseLabel(encrypting.RECOVERY_KEY_NOTICE, self)
        notice.setWordWrap(True)
        self.key_label = QLabel(recovery_key, self)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignCenter)
        self.key_label.setStyleSheet(
            "border: 2px solid #444444; padding: 12px; background: #fffbe6;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(plainly)
        layout.addWidget(notice)
        layout.addWidget(self.key_label)
        if note:  # what became of the plain files, or what a re-key means
            said = PhraseLabel(note, self)
            said.setObjectName("note")
            said.setWordWrap(True)
            said.setTextInteractionFlags(Qt.TextSelectableByMouse)
            layout.addWidget(said)
        self.stored = QCheckBox(self.tr("回復キーを印刷または書き写して、安全な場所に保管しました(&S)"),
                                self)
        self.stored.setObjectName("stored")
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(self.tr("印刷(&P)…"), QDialogButtonBox.ActionRole)
        self.print_button.setAutoDefault(False)
        self.continue_button = buttons.addButton(self.tr("保管しました・続ける"),
                                                 QDialogButtonBox.AcceptRole)
        self.continue_button.setEnabled(False)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.print_button.clicked.connect(self.print_key)
        buttons.accepted.connect(self.accept)
        layout.addWidget(self.stored)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.stored.isChecked():
            super().accept()

    def reject(self) -> None:  # Esc or the close box: the key must be kept first
        if self.stored.isChecked():
            super().accept()

    def ask_pdf_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("回復キーを印刷用PDFに保存"), str(Path(folder) / "回復キー.pdf"),
            self.tr("PDF (*.pdf)"))
        return path

    def print_key(self) -> None:
        """A one-page PDF where the person chooses, opened for printing."""
        from coordinator_app.services.recovery_sheet import write_recovery_sheet

        target = self.ask_pdf_path()
        if not target:
            return
        try:
            self.printed = write_recovery_sheet(target, self.recovery_key, self.database)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("PDFを保存できませんでした: {e}").format(e=exc))
            return
        open_with_system(self.printed)


class RecoveryResetDialog(QDialog):
    """「パスワードをすべて忘れた場合」: the recovery key sets a new password
    for an existing account (its copy of the key is rewrapped)."""

    def __init__(self, path: Path | str, login: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.done_login = ""
        self.setWindowTitle(self.tr("回復キーでパスワードを設定し直す"))
        self.setMinimumWidth(520)
        intro = PhraseLabel(self.tr(
            "すべてのパスワードを忘れたときは、データベースを作ったときに保管した回復キーで、"
            "アカウントに新しいパスワードを設定できます。"), self)
        intro.setWordWrap(True)
        self.recovery = QLineEdit(self)
        self.recovery.setObjectName("recovery")
        self.login = QLineEdit(login, self)
        self.login.setObjectName("login")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.Password)
        form = QFormLayout()
        form.addRow(self.tr("回復キー(&R)"), self.recovery)
        form.addRow(self.tr("ログイン名(&L)"), self.login)
        form.addRow(self.tr("新しいパスワード(&P)"), self.password)
        form.addRow(self.tr("新しいパスワード（確認）(&C)"), self.confirm)
        self.message = PhraseLabel("", self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.reset_button = buttons.addButton(self.tr("新しいパスワードを設定"),
                                              QDialogButtonBox.AcceptRole)
        buttons.addButton(QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.reset)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def reset(self) -> None:
        login = self.login.text().strip()
        if not self.recovery.text().strip():
            return self._refuse(self.tr("回復キーを入力してください"), self.recovery)
        if not login:
            return self._refuse(self.tr("ログイン名を入力してください"), self.login)
        if self.password.text() != self.confirm.text():
            self.confirm.clear()
            return self._refuse(self.tr("確認のパスワードが一致しません"), self.confirm)
        try:
            encrypting.reset_password_with_recovery_key(
                self.path, self.recovery.text(), login, self.password.text())
        except (encrypting.UnlockError, ValueError) as exc:
            return self._refuse(str(exc), self.recovery)
        except Exception as exc:
            from coordinator_app.services.backups import explain_db_error

            return self._refuse(explain_db_error(exc), None)
        self.done_login = login
        self.accept()

    def _refuse(self, text: str, field: QLineEdit | None) -> None:
        self.message.setText(text)
        if field is not None:
            field.setFocus()


class ConvertOfferDialog(QDialog):
    """Offered once per session to an administrator who opens a plain
    database file: encrypt it now (the password confirms who asks)."""

    def __init__(self, path: Path | str, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.login = login
        self.setWindowTitle(self.tr("データベースの暗号化 — コーディネーターアプリ"))
        self.setMinimumWidth(600)
        title = QLabel(self.tr("このデータベースは暗号化されていません"), self)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        text = PhraseLabel(self.tr(
            "いまのままでは、パソコンやUSBメモリーのバックアップをなくしたり盗まれたりすると、"
            "だれでもファイルから氏名・住所・相談内容を読めます。暗号化すると、"
            "パスワード（または回復キー）なしでは読めなくなります。\n\n"
            "暗号化したコピーを作って内容が元と同じことを確かめてから置き換えます。"
            "暗号化されていない元のファイルは上書きしてから削除し、これまでのバックアップは"
            "暗号化したものに置き換えます（同じパスワードで開けます）。"
            "作業中は他のパソコンからこのデータベースを使わないでください。"), self)
        text.setWordWrap(True)
        where = QLabel(self.tr("データベース: {path}").format(path=self.path), self)
        where.setWordWrap(True)
        where.setStyleSheet("color: #555555;")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        form = QFormLayout()
        form.addRow(self.tr("{login} のパスワード(&P)").format(login=login), self.password)
        self.remove_copies = QCheckBox(self.tr(
            "これまでのバックアップは暗号化せずに削除する（上書きしてから削除。元に戻せません）(&D)"),
            self)
        self.remove_copies.setObjectName("removeCopies")
        self.message = PhraseLabel("", self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.convert_button = buttons.addButton(self.tr("暗号化する"), QDialogButtonBox.AcceptRole)
        self.later_button = buttons.addButton(self.tr("今はしない"), QDialogButtonBox.RejectRole)
        self.convert_button.setDefault(True)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.remove_copies)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.password.setFocus()

    @property
    def plain_copies_action(self) -> str:
        return "remove" if self.remove_copies.isChecked() else "encrypt"

    def try_accept(self) -> None:
        if not self.password.text():
            self.message.setText(self.tr("パスワードを入力してください"))
            self.password.setFocus()
            return
        if self.remove_copies.isChecked() and not self.confirm_removal():
            return
        self.accept()

    def confirm_removal(self) -> bool:
        """The explicit confirmation that removing the old backups needs."""
        return QMessageBox.warning(
            self, self.windowTitle(),
            self.tr("暗号化されていないこれまでのバックアップを、暗号化せずに削除します。"
                    "削除したバックアップからは復元できなくなります。よろしいですか？"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No) == QMessageBox.Yes


_warned: set[str] = set()


def confirm_plain_file(parent: QWidget | None, kind: str = "personal") -> bool:
    """Before writing a file with personal data: PLAIN_FILE_WARNING with
    OK/Cancel, once per kind in this session. True to go on."""
    if kind in _warned:
        return True
    if not _ask_plain_file(parent):
        return False
    _warned.add(kind)
    return True


def _ask_plain_file(parent: QWidget | None) -> bool:
    """The warning itself (tests that are not about it answer OK through
    an autouse fixture in conftest)."""
    answer = QMessageBox.warning(
        parent, _tr("Encryption", "個人情報を含むファイル"), encrypting.PLAIN_FILE_WARNING,
        QMessageBox.Ok | QMessageBox.Cancel, QMessageBox.Cancel)
    return answer == QMessageBox.Ok


def reset_plain_file_warnings() -> None:
    """Forget the warnings already shown (a new sign-in; tests)."""
    _warned.clear()
