"""First run: a database without accounts asks for its first
administrator, who then signs in. (``init`` from the command line creates
a database without accounts; this is where the first one is made.)

A new database file made here is encrypted (issue 9): the dialog is given
the file's ``path`` instead of an open database, creates it with
``encrypting.create_encrypted`` and keeps the recovery key for the shell
to show once (``RecoveryKeyDialog``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core.access import Role, SignedIn
from coordinator_app.services import accounts
from coordinator_app.services.session import Database


class FirstRunDialog(QDialog):
    """``exec()`` accepted: the administrator exists and ``self.user`` is
    signed in as them."""

    def __init__(self, db: Database | None, parent: QWidget | None = None,
                 path: Path | str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.path = Path(path) if path is not None else None
        self.recovery_key = ""  # set when a new encrypted file was created
        self.user: SignedIn | None = None
        self.setWindowTitle(self.tr("はじめての設定 — コーディネーターアプリ"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "このデータベースにはまだアカウントがありません。最初に、アカウントや支部を"
            "管理する「管理者」を作成してください。コーディネーターや市社協職員の"
            "アカウントは、あとで管理者が「設定」で作成します。"), self)
        intro.setWordWrap(True)
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.Password)
        form = QFormLayout()
        form.addRow(self.tr("ログイン名(&L)"), self.login)
        form.addRow(self.tr("表示名(&N)"), self.display_name)
        form.addRow(self.tr("パスワード(&P)"), self.password)
        form.addRow(self.tr("パスワード（確認）(&C)"), self.confirm)
        if self.db is None:
            hint = QLabel(self.tr(
                "パスワードは{n}文字以上。データベースはこのパスワードで暗号化されます。"
                "作成のあと、すべてのパスワードを忘れたときのための「回復キー」を"
                "一度だけ表示します。").format(n=accounts.MIN_PASSWORD), self)
        else:
            hint = QLabel(self.tr("パスワードは{n}文字以上。忘れると復旧できないので、"
                                  "安全な場所に控えてください。").format(n=accounts.MIN_PASSWORD),
                          self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(self.tr("管理者を作成して始める"),
                                               QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("終了"), QDialogButtonBox.RejectRole)
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def create(self) -> None:
        login = self.login.text().strip()
        password = self.password.text()
        if not login:
            return self._refuse(self.tr("ログイン名を入力してください"), self.login)
        if password != self.confirm.text():
            self.confirm.clear()
            return self._refuse(self.tr("確認のパスワードが一致しません"), self.confirm)
        if self.db is None:
            return self._create_encrypted(login, password)
        if accounts.has_accounts(self.db):  # another instance made one meanwhile
            return self._refuse(self.tr("既にアカウントがあります。サインインしてください"), None)
        try:
            accounts.create_account(self.db, login, self.display_name.text(), Role.ADMIN, password)
        except ValueError as exc:
            return self._refuse(str(exc), self.password)
        self.user = accounts.authenticate(self.db, login, password)
        self.accept()

    def _create_encrypted(self, login: str, password: str) -> None:
        """A new encrypted file with this administrator, then opened with
        the password (the key is unwrapped from the account's copy)."""
        from coordinator_app.services import encrypting, session

        try:
            self.recovery_key = encrypting.create_encrypted(
                self.path, login, password, display_name=self.display_name.text())
            self.db = session.open_encrypted(self.path, login, password, actor="gui")
            self.user = accounts.authenticate(self.db, login, password)
        except ValueError as exc:
            return self._refuse(str(exc), self.password)
        except session.StoreError as exc:
            return self._refuse(str(exc), None)
        self.accept()

    def _refuse(self, text: str, field: QLineEdit | None) -> None:
        self.message.setText(text)
        if field is not None:
            field.setFocus()
