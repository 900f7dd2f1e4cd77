"""The main window: a navigation list of the screens the signed-in person
may use, the screen itself, menus with standard shortcuts, a status bar
(person, role, branch, database), the screen lock and the backup timer.
After every sign-in it opens on the person's first screen (ホーム where
they have it), never on the page the previous person left.

The window only hosts screens; each screen is given the ``AppContext``
and nothing else (STYLE.md: no god window). The window geometry
is remembered per computer (QSettings).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from coordinator_app import __version__
from coordinator_app.core.access import Action, may
from coordinator_app.ui import clipboard, prefs
from coordinator_app.ui.alive import if_alive
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.labels import role_label
from coordinator_app.ui.lock import LockController, LockPanel
from coordinator_app.ui.screens import build_screen, screens_for, spec_of

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """``finished(outcome)`` is emitted when the window closes: 'quit',
    'sign_out' or 'restore' (then ``restore_path`` is set)."""

    finished = Signal(str)

    def __init__(self, ctx: AppContext, idle_minutes: int = 5,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or prefs.app_settings()
        self.outcome = "quit"
        self.restore_path: Path | None = None
        self.specs = screens_for(ctx.user)
        self.pages: dict[str, QWidget] = {}
        self._finished = False
        # Qt adds the application's name (applicationDisplayName) to the
        # title bar itself: the title says only what is particular.
        self._title = ctx.user.branch_name or ""
        self.setWindowTitle(self._title)
        self.setMinimumSize(QSize(760, 520))

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(168)
        self.nav.setStyleSheet("QListWidget { font-size: 12pt; } "
                               "QListWidget::item { padding: 10px 8px; }")
        for spec in self.specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.UserRole, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget(self)
        self.workspace = QWidget(self)
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.outer = QStackedWidget(self)
        self.outer.addWidget(self.workspace)
        self.lock = LockController(ctx, idle_minutes, self)
        self.lock_page = LockPanel(self.lock, parent=self.outer)
        self.outer.addWidget(self.lock_page)
        self.setCentralWidget(self.outer)

        self._build_status_bar()
        self._build_menus()
        self.nav.currentRowChanged.connect(self._nav_changed)
        ctx.changes.navigate.connect(self.show_screen)
        ctx.changes.changed.connect(self._changed)
        self.lock.locked.connect(self._on_locked)
        self.lock.unlocked.connect(self._on_unlocked)
        self.lock.signOutRequested.connect(self.sign_out)

        geometry = self.settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        self.show_screen(self.specs[0].key)

    # --- chrome -----------------------------------------------------------

    def _build_status_bar(self) -> None:
        user = self.ctx.user
        who = f"{user.display_name}（{role_label(user.role)}"
        who += f"・{user.branch_name}）" if user.branch_name else "）"
        self.user_label = QLabel(self.tr("サインイン: {who}").format(who=who), self)
        self.user_label.setObjectName("statusUser")
        self.db_label = QLabel(self.tr("データベース: {name}").format(
            name=self.ctx.db.display_name), self)
        self.db_label.setObjectName("statusDatabase")
        self.db_label.setToolTip(self.ctx.db.display_name)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.encryption_label = QLabel(
            self.tr("暗号化") if self.ctx.db.encrypted else self.tr("暗号化なし"), self)
        self.encryption_label.setObjectName("statusEncryption")
        self.encryption_label.setToolTip(
            self.tr("データベースファイルは暗号化されています") if self.ctx.db.encrypted
            else self.tr("データベースファイルは暗号化されていません"))
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.encryption_label)
        self.encryption_label.setVisible(self.ctx.db.path is not None)  # PostgreSQL: the server's
        bar.addPermanentWidget(self.busy)

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work without opening the menu
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("ファイル(&F)"))
        if may(self.ctx.user, Action.IMPORT):  # issue 20: only roles that may import see it
            self.import_action = self._action(self.tr("台帳の取り込み(&I)…"),
                                              self.open_import_wizard)
            file_menu.addAction(self.import_action)
            file_menu.addSeparator()
        self.backup_action = self._action(self.tr("今すぐバックアップ(&B)"), self.backup_now)
        self.restore_action = self._action(self.tr("バックアップから復元(&R)…"),
                                           self.choose_restore)
        may_restore = may(self.ctx.user, Action.BACKUP) and self.ctx.db.path is not None
        self.backup_action.setEnabled(may_restore)
        self.restore_action.setEnabled(may_restore)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        self.lock_action = self._action(self.tr("画面をロック(&L)"), lambda: self.lock.lock("manual"),
                                        QKeySequence("Ctrl+L"))
        file_menu.addAction(self.lock_action)
        self.sign_out_action = self._action(self.tr("サインアウト(&O)"), self.sign_out)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("終了(&X)"), self.close,
                                        QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.QuitRole)
        file_menu.addAction(self.quit_action)

        view_menu = bar.addMenu(self.tr("表示(&V)"))
        self.screen_actions = {}
        for i, spec in enumerate(self.specs, start=1):
            action = self._action(spec.title, lambda _=False, k=spec.key: self.show_screen(k),
                                  QKeySequence(f"Ctrl+{i}"))
            view_menu.addAction(action)
            self.screen_actions[spec.key] = action

        tools = bar.addMenu(self.tr("ツール(&T)"))
        prefs_keys = [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
        self.settings_action = self._action(self.tr("設定(&S)…"),
                                            lambda: self.show_screen("settings"),
                                            [k for k in prefs_keys if not k.isEmpty()])
        self.settings_action.setMenuRole(QAction.PreferencesRole)
        tools.addAction(self.settings_action)
        if self.ctx.user.is_admin:
            self.audit_action = self._action(self.tr("監査ログ(&A)"),
                                             lambda: self.show_screen("settings", "audit"))
            tools.addAction(self.audit_action)

        help_menu = bar.addMenu(self.tr("ヘルプ(&H)"))
        about = self._action(self.tr("このアプリについて(&A)"), self.about)
        about.setMenuRole(QAction.AboutRole)
        help_menu.addAction(about)

    # --- screens ----------------------------------------------------------

    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(Qt.UserRole) if item else None

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.show_screen(self.specs[row].key)

    def show_screen(self, key: str, filter_name: str = "") -> None:
        """Switch to a screen (built on first use) and apply a named
        filter when the screen supports it. Screens the person may not
        use are refused (and logged), never shown."""
        spec = spec_of(key)
        if spec is None or spec not in self.specs:
            log.warning("screen %r not available to role %s", key, self.ctx.user.role)
            return
        page = self.pages.get(key)
        if page is None:
            page = build_screen(spec, self.ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        row = self.specs.index(spec)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        if filter_name and hasattr(page, "show_filter"):
            page.show_filter(filter_name)

    def _changed(self, what: str) -> None:
        if what == "settings":  # the idle-lock time may have changed
            from coordinator_app.services.admin import idle_lock_minutes

            self.lock.set_minutes(idle_lock_minutes(self.ctx.db))

    # --- lock -------------------------------------------------------------

    def _on_locked(self) -> None:
        self.outer.setCurrentWidget(self.lock_page)
        self.workspace.setEnabled(False)
        self.statusBar().hide()
        self.menuBar().setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        self.setWindowTitle(self.tr("ロック中"))
        self.lock_page.reset()
        self.lock_page.password.setFocus()

    def _on_unlocked(self) -> None:
        self.workspace.setEnabled(True)
        self.outer.setCurrentWidget(self.workspace)
        self.statusBar().show()
        self.menuBar().setEnabled(True)
        may_restore = may(self.ctx.user, Action.BACKUP) and self.ctx.db.path is not None
        for action in self.actions():
            action.setEnabled(True)
        self.backup_action.setEnabled(may_restore)
        self.restore_action.setEnabled(may_restore)
        self.setWindowTitle(self._title)
        self.lock_page.reset()
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    # --- actions ----------------------------------------------------------

    def set_busy(self, text: str) -> None:
        self.busy.setVisible(bool(text))
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def backup_now(self) -> None:
        from coordinator_app.services import backups

        db, user = self.ctx.db, self.ctx.user
        self.backup_action.setEnabled(False)
        self.set_busy(self.tr("バックアップしています…"))

        def done(info):
            self.backup_action.setEnabled(True)
            self.set_busy("")
            self.statusBar().showMessage(
                self.tr("バックアップしました: {name}").format(name=info.path.name), 8000)

        def failed(exc):
            self.backup_action.setEnabled(True)
            self.set_busy("")
            QMessageBox.warning(self, self.tr("バックアップできませんでした"),
                                backups.explain_db_error(exc))

        self.ctx.runner.run(lambda _p: backups.manual_backup(db, user),
                            on_done=if_alive(self, done), on_error=if_alive(self, failed))

    def open_import_wizard(self) -> None:
        from coordinator_app.ui.import_wizard.wizard import ImportWizard

        self.import_wizard = ImportWizard(self.ctx, self)
        self.import_wizard.setAttribute(Qt.WA_DeleteOnClose)
        self.import_wizard.open()

    def choose_restore(self) -> None:
        from coordinator_app.ui.safety import RestoreDialog

        dialog = RestoreDialog(self.ctx.db.path, self)
        if dialog.exec() != QDialog.Accepted or dialog.chosen is None:
            return
        answer = QMessageBox.question(
            self, self.tr("バックアップから復元"),
            self.tr("{name} から復元します。いまのデータベースは別名で残します。"
                    "復元のあと、もう一度サインインしてください。続けますか？").format(
                name=dialog.chosen.name))
        if answer != QMessageBox.Yes:
            return
        self.restore_path = dialog.chosen
        self._finish("restore")

    def sign_out(self) -> None:
        self._finish("sign_out")

    def _finish(self, outcome: str) -> None:
        self.outcome = outcome
        self.close()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("このアプリについて"), self.tr(
            "コーディネーターアプリ {version}\n社協支部コーディネーターのための記録・集計アプリ。\n"
            "フォント: IPAexゴシック（IPAフォントライセンスv1.0）").format(version=__version__))

    def closeEvent(self, event) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.sync()
        self.lock.stop()
        clipboard.clear_sensitive_now()
        super().closeEvent(event)
        if not self._finished:
            self._finished = True
            self.finished.emit(self.outcome)
