"""Accounts (administrators): create, change role or branch, reset a
password, deactivate. Accounts are never deleted (the audit trail names
their login). On an encrypted file the changes that take access away
re-key the database; the screen says what that means."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core.access import ROLES, Role
from coordinator_app.services import admin
from coordinator_app.services.accounts import MIN_PASSWORD
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.labels import role_label
from coordinator_app.ui.settings.common import make_table, selected_row, show_error
from coordinator_app.ui.table_model import Column, TableModel
from coordinator_app.ui.widgets import save_shortcuts


class AccountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TableModel(self, [
            Column(self.tr("ログイン名"), lambda r: r.login),
            Column(self.tr("表示名"), lambda r: r.display_name),
            Column(self.tr("役割"), lambda r: role_label(r.role)),
            Column(self.tr("支部"), lambda r: r.branch_name),
            Column(self.tr("状態"), self._state),
        ])
        self.table = make_table(self.model, self)
        self.login = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        for code in ROLES:
            self.role.addItem(role_label(code), code)
        self.branch = QComboBox(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("{n}文字以上").format(n=MIN_PASSWORD))
        form = QFormLayout()
        form.addRow(self.tr("ログイン名"), self.login)
        form.addRow(self.tr("表示名"), self.display_name)
        form.addRow(self.tr("役割"), self.role)
        form.addRow(self.tr("支部（コーディネーター）"), self.branch)
        form.addRow(self.tr("パスワード（新規・再設定）"), self.password)
        self.new_button = QPushButton(self.tr("新規"), self)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.reset_button = QPushButton(self.tr("パスワードを再設定"), self)
        self.active_button = QPushButton(self.tr("無効にする"), self)
        self.remove_button = QPushButton(self.tr("削除"), self)
        self.remove_button.setObjectName("removeAccount")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.reset_button, self.active_button,
                  self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        text = self.tr("コーディネーターは一つの支部の記録だけを見られます。"
                       "市社協職員は集計と指標だけ、管理者は設定だけを扱います。")
        if ctx.db.encrypted:
            text += self.tr("このデータベースは暗号化されています。市社協職員のアカウントでは開けません"
                            "（集計は支部から届く集計ファイルで行います）。アカウントを無効にしたり"
                            "パスワードを変えたりすると鍵を作り直し、それまでの鍵ファイルでは開けなくなります。")
        note = QLabel(text, self)
        note.setObjectName("accountsNote")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(note)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        save_shortcuts(self, self.save, self.save_button)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.remove_button.clicked.connect(self.remove)
        self.refresh()
        self.new()

    def _state(self, r: admin.AccountRow) -> str:
        state = self.tr("有効") if r.active else self.tr("無効")
        if r.locked:
            state += self.tr("・ロック中")
        if r.is_demo:
            state += self.tr("（デモ専用）")
        return state

    def refresh(self) -> None:
        self.branch.clear()
        for b in admin.list_branches(self.ctx.db):
            self.branch.addItem(f"{b.code} {b.name}", b.code)
        self.model.set_rows(admin.list_accounts(self.ctx.db, self.ctx.user))

    def current(self) -> admin.AccountRow | None:
        return selected_row(self.table, self.model)

    def new(self) -> None:
        self.table.clearSelection()
        self.login.setReadOnly(False)
        for w in (self.login, self.display_name, self.password):
            w.clear()
        self.role.setCurrentIndex(self.role.findData(Role.COORDINATOR))
        self._role_changed()
        self.reset_button.setEnabled(False)
        self.active_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        self.login.setFocus()

    def _selected(self) -> None:
        r = self.current()
        if r is None:
            return
        self.login.setText(r.login)
        self.login.setReadOnly(True)
        self.display_name.setText(r.display_name)
        self.role.setCurrentIndex(self.role.findData(r.role))
        if r.branch_code:
            self.branch.setCurrentIndex(self.branch.findData(r.branch_code))
        self.password.clear()
        self.reset_button.setEnabled(True)
        self.active_button.setEnabled(True)
        self.remove_button.setEnabled(True)
        self.active_button.setText(self.tr("無効にする") if r.active else self.tr("有効にする"))
        self._role_changed()

    def _role_changed(self) -> None:
        self.branch.setEnabled(self.role.currentData() == Role.COORDINATOR)

    def _reselect(self, login: str) -> None:
        for i, r in enumerate(self.model.rows):
            if r.login == login:
                self.table.selectRow(i)

    def save(self) -> None:
        r = self.current()
        role = self.role.currentData()
        branch = self.branch.currentData() if role == Role.COORDINATOR else None
        login = self.login.text().strip()
        try:
            if r is None:
                admin.create_account(self.ctx.db, self.ctx.user, login, self.display_name.text(),
                                     role, self.password.text(), branch)
            else:
                self.after_rekey(admin.update_account(self.ctx.db, self.ctx.user, r.id,
                                                      self.display_name.text(), role, branch))
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.notify("account")
        self.refresh()
        self._reselect(login)

    def reset_password(self) -> None:
        r = self.current()
        if r is None:
            return
        try:
            rekeyed = admin.reset_password(self.ctx.db, self.ctx.user, r.id, self.password.text())
        except Exception as exc:
            show_error(self, exc)
            return
        self.password.clear()
        QMessageBox.information(self, self.tr("パスワード"),
                                self.tr("{login} のパスワードを再設定しました。"
                                        "本人に伝え、変更してもらってください。").format(login=r.login))
        self.after_rekey(rekeyed)
        self.ctx.notify("account")
        self.refresh()
        self._reselect(r.login)

    def toggle_active(self) -> None:
        r = self.current()
        if r is None:
            return
        if r.active and QMessageBox.question(
                self, self.tr("アカウントを無効にする"),
                self.tr("{login} はサインインできなくなります。よろしいですか？").format(login=r.login)
        ) != QMessageBox.Yes:
            return
        try:
            rekeyed = admin.set_account_active(self.ctx.db, self.ctx.user, r.id, not r.active)
        except Exception as exc:
            show_error(self, exc)
            return
        if not r.active and self.ctx.db.encrypted:
            QMessageBox.information(self, self.tr("アカウント"), self.tr(
                "{login} を有効にしました。暗号化されたデータベースでは、"
                "パスワードを再設定するまでサインインできません。").format(login=r.login))
        self.after_rekey(rekeyed)
        self.ctx.notify("account")
        self.refresh()
        self._reselect(r.login)

    def remove(self) -> None:
        """Remove an account made by mistake (on the city's server, its
        database role too); one that was used is better made inactive."""
        r = self.current()
        if r is None:
            return
        if QMessageBox.question(
                self, self.tr("アカウントを削除する"),
                self.tr("{login} を削除します。使っていたアカウントは削除せず、"
                        "「無効にする」を使ってください。削除しますか？").format(login=r.login)
        ) != QMessageBox.Yes:
            return
        try:
            rekeyed = admin.remove_account(self.ctx.db, self.ctx.user, r.id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.after_rekey(rekeyed)
        self.ctx.notify("account")
        self.refresh()
        self.new()

    def after_rekey(self, rekeyed) -> None:
        """Say what a re-key changed (encryption.Rekeyed; None: nothing was
        re-keyed), and show a new recovery key once."""
        from coordinator_app.services import encrypting as encryption
        if rekeyed is None:
            return
        QMessageBox.information(self, self.tr("データベースの鍵"),
                                "\n".join(encryption.rekey_report(rekeyed)))
        if rekeyed.recovery_key:
            from coordinator_app.ui.encryption_dialogs import RecoveryKeyDialog

            RecoveryKeyDialog(rekeyed.recovery_key, str(self.ctx.db.path), parent=self,
                              title=self.tr("新しい回復キーを保管してください")).exec()
