"""Sign-in: login name and password (argon2id, five failures lock the
account for a while — ``accounts.authenticate``). On a demo database the
demo accounts and their passwords are listed, marked デモ専用."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core.access import AuthError, SignedIn
from coordinator_app.services import accounts, admin
from coordinator_app.services.session import DamagedDatabaseError, Database, StoreError


class SignInDialog(QDialog):
    """``exec()`` accepted means ``self.user`` is the signed-in person.

    ``unlock`` (for an encrypted database not yet open): called with the
    login and password to open it first; ``self.db`` is then the opened
    database. ``demo_accounts``: listed instead of the database's own (a
    demo database still being built, which ``unlock`` waits for)."""

    def __init__(self, db: Database | None, parent: QWidget | None = None,
                 unlock: Callable[[str, str], Database] | None = None,
                 where: str = "",
                 demo_accounts: list[admin.DemoAccount] | None = None,
                 server: bool = False) -> None:
        super().__init__(parent)
        self.db = db
        self.unlock = unlock
        self.server = server  # unlock connects to the city's server as the account
        where_path = where
        self.user: SignedIn | None = None
        self.damaged: DamagedDatabaseError | None = None
        self.setWindowTitle(self.tr("サインイン — コーディネーターアプリ"))
        self.setMinimumWidth(480)
        title = QLabel(self.tr("サインインしてください"), self)
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        where = QLabel(self.tr("データベース: {name}").format(
            name=db.display_name if db is not None else where), self)
        where.setWordWrap(True)
        where.setStyleSheet("color: #555555;")
        where.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        form = QFormLayout()
        form.addRow(self.tr("ログイン名(&L)"), self.login)
        form.addRow(self.tr("パスワード(&P)"), self.password)
        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(self.tr("サインイン"),
                                                     QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("終了"), QDialogButtonBox.RejectRole)
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.message)
        demo = demo_accounts if demo_accounts is not None else \
            admin.demo_accounts(db) if db is not None else []
        if demo:
            layout.addWidget(self._demo_box(demo))
        self.path = (Path(where_path) if db is None and where_path and demo_accounts is None
                     and not server
                     else db.path if db is not None and db.encrypted else None)
        self.recovery_button = None
        if self.path is not None:  # an encrypted database (issue 9)
            self.recovery_button = QPushButton(
                self.tr("パスワードをすべて忘れた場合（復旧キー）…"), self)
            self.recovery_button.setObjectName("recoveryButton")
            self.recovery_button.setAutoDefault(False)
            self.recovery_button.clicked.connect(self.use_recovery_key)
            layout.addWidget(self.recovery_button, 0, Qt.AlignLeft)
        layout.addWidget(self.buttons)
        self.login.setFocus()

    def _demo_box(self, demo: list[admin.DemoAccount]) -> QGroupBox:
        box = QGroupBox(self.tr("デモ専用アカウント（実際のデータベースにはありません）"), self)
        box.setObjectName("demoAccounts")
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("役割"), box), 0, 0)
        grid.addWidget(QLabel(self.tr("ログイン名"), box), 0, 1)
        grid.addWidget(QLabel(self.tr("パスワード"), box), 0, 2)
        for row, account in enumerate(demo, start=1):
            grid.addWidget(QLabel(account.role_label, box), row, 0)
            for col, text in ((1, account.login), (2, account.password)):
                label = QLabel(text, box)
                label.setTextInteractionFlags(Qt.TextSelectableByMouse)
                grid.addWidget(label, row, col)
            use = QPushButton(self.tr("この内容で入力"), box)
            use.setAutoDefault(False)
            use.clicked.connect(lambda _=False, a=account: self._fill(a))
            grid.addWidget(use, row, 3)
        return box

    def use_recovery_key(self) -> None:
        """Set a new password with the recovery key, then sign in with it."""
        from coordinator_app.ui.encryption_dialogs import RecoveryResetDialog

        dialog = RecoveryResetDialog(self.path, self.login.text().strip(), self)
        if dialog.exec() == QDialog.Accepted:
            self.login.setText(dialog.done_login)
            self.password.clear()
            self.message.setText(self.tr("新しいパスワードを設定しました。"
                                         "そのパスワードでサインインしてください"))
            self.password.setFocus()

    def _fill(self, account: admin.DemoAccount) -> None:
        self.login.setText(account.login)
        self.password.setText(account.password)
        self.sign_in_button.setFocus()

    def try_sign_in(self) -> None:
        login = self.login.text().strip()
        if not login:
            self.message.setText(self.tr("ログイン名を入力してください"))
            self.login.setFocus()
            return
        try:
            if self.db is None and self.unlock is not None:
                self.db = self.unlock(login, self.password.text())
            self.user = accounts.authenticate(self.db, login, self.password.text())
        except DamagedDatabaseError as exc:
            # The password unlocked the key, but the file does not open with
            # it: the shell offers a backup instead (``damaged``).
            self.damaged = exc
            self.reject()
            return
        except (AuthError, StoreError) as exc:
            if self.server and self.db is not None:  # the next try connects as whoever signs in
                self.db.close()
                self.db = None
            self.message.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        except Exception as exc:  # a locked or read-only database
            from coordinator_app.services.backups import explain_db_error

            self.message.setText(explain_db_error(exc))
            return
        self.accept()
