"""Starting the desktop app: the checks before a database is opened, the
first run, sign-in, the main window, and what happens at sign-out, restore
and exit.

Order at start (SQLite): refuse a network drive; take the instance lock
(one app per database file); refuse a read-only file; ``quick_check`` —
a damaged (or vanished) database leads to the restore offer, never to a
silently new empty one; open and migrate (a backup is taken before an
upgrade); first administrator if there are no accounts; sign in.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from coordinator_app.core.access import SignedIn
from coordinator_app.ui import prefs

_tr = QCoreApplication.translate  # lupdate reads the literal "Shell" contexts below

DEMO_FILE = "demo.db"



def translations_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("coordinator_app.resources").joinpath("translations")))


# Qt's own strings that qtbase_ja (as shipped with PySide6-Essentials)
# leaves in English: the file dialog's labels (Qt 6 added the & to them),
# the file types, "OK". Listed so that lupdate puts them in the app's
# catalogue, where update_translations.py gives them their Japanese
# (QT_JA); the app's translator is searched before qtbase_ja.
QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Confirm Save As"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close without Saving"),
)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own strings (qtbase_ja: キャンセル, はい…) and the app's (which
    also holds the Japanese of the QT_STRINGS qtbase_ja lacks)."""
    installed = []
    if language == "ja":
        qt = QTranslator(app)
        if qt.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Japanese, QLocale.Japan))
    ours = QTranslator(app)
    if ours.load(f"coordinator_app_{language}", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def make_application(argv: list[str] | None = None) -> QApplication:
    from coordinator_app.ui.theme import setup_fonts

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(prefs.ORGANIZATION)
    app.setApplicationName(prefs.APPLICATION)
    app.setApplicationDisplayName(_tr("Shell", "コーディネーターアプリ"))
    setup_fonts(app)
    install_translators(app, prefs.language())
    return app


def demo_db_path() -> Path:
    from platformdirs import user_data_dir

    from coordinator_app.services.session import APP_NAME

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DEMO_FILE


class Shell:
    """One run of the desktop app on one database. Dialog steps are
    methods so tests can drive them one by one."""

    def __init__(self, db_arg: str | None = None, demo: bool = False,
                 credentials: tuple[str, str] | None = None) -> None:
        self.db_arg = db_arg
        self.demo = demo
        self.credentials = credentials  # benchmark/test hook: sign in programmatically
        self._demo_build: dict | None = None  # the demo database being built (see open())
        self.db = None
        self.url: str | None = None
        self.path: Path | None = None
        self.create = False  # may Database.open create the database (see open())
        self.instance_lock = None
        self.scheduler = None
        self.window = None
        self.user: SignedIn | None = None
        from coordinator_app.ui.runner import Runner

        self.runner = Runner()

    # --- messages (tests replace QMessageBox's static functions) ----------

    def refuse(self, text: str) -> None:
        QMessageBox.critical(None, _tr("Shell", "コーディネーターアプリ"), text)

    # --- opening ----------------------------------------------------------

    def resolve(self) -> None:
        from coordinator_app.services import session

        arg = self.db_arg
        if self.demo and not arg:
            arg = str(demo_db_path())
        self.url, self.path = session.locate(arg)

    def open(self) -> bool:
        """Everything up to an open database with at least one account.
        False (after telling the person why) when the app must stop."""
        from coordinator_app.services import accounts
        self.resolve()
        if not self._may_create():
            return False
        if self.path is not None and not self._check_file():
            return False
        if self.demo and self.path is not None and not self.path.exists():
            self._build_demo()  # the sign-in window shows meanwhile (issue 18)
            return True
        if self._makes_new_file():
            return self._first_run_encrypted()
        if not self._open_database():
            return False
        try:
            has_accounts = accounts.has_accounts(self.db)
        except Exception as exc:
            return self._db_failed(exc)
        if not has_accounts:
            from coordinator_app.ui.first_run import FirstRunDialog

            if self.credentials is not None:
                return False
            dialog = FirstRunDialog(self.db)
            if dialog.exec() != QDialog.Accepted:
                return False
            self.user = dialog.user
        return True

    def _may_create(self) -> bool:
        """Decide whether a missing database may be created. The default
        file is created on the first run, as ever, and ``--demo`` makes its
        demo database. A database named by --db or $COORDINATOR_APP_DB that
        is not there is created only after the person says yes (a mistyped
        name must not become a new empty database); a missing file with
        backups gets the restore offer instead. False (nothing created)
        when the person says no."""
        import os

        from coordinator_app.services.backups import list_backups
        from coordinator_app.services.session import (
            ENV_DB,
            StoreError,
            database_exists,
            signs_in_to_server,
        )

        if signs_in_to_server(self.url):  # made by server init; opened at sign-in
            self.create = False
            return True
        named = bool(self.db_arg or os.environ.get(ENV_DB))
        self.create = not named or self.demo
        if self.create:
            return True
        try:
            if database_exists(self.url):
                return True
        except StoreError as exc:  # a server that cannot be reached
            self.refuse(str(exc))
            return False
        if self.path is not None and list_backups(self.path):
            return True  # startup_check: 'missing', the restore offer
        self.create = self.ask_create()
        return self.create

    def ask_create(self) -> bool:
        where = str(self.path) if self.path is not None else self.db_arg or ""
        answer = QMessageBox.question(
            None, _tr("Shell", "コーディネーターアプリ"),
            _tr("Shell", "データベースが見つかりません:\n{where}\n\n"
                         "ここに新しいデータベースを作成しますか？"
                         "（場所の綴りが違うときは「いいえ」を選び、正しい場所を指定してください）")
            .format(where=where),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _makes_new_file(self) -> bool:
        """A new database file from the GUI's first run is encrypted
        (issue 9); scripts (credentials) and the demo keep plain files."""
        if self.path is None or self.demo or self.credentials is not None:
            return False
        if self.path.is_file() and self.path.stat().st_size > 0:
            return False
        try:
            import sqlcipher3  # noqa: F401
        except ImportError:  # no SQLCipher on this machine: a plain file as before
            return False
        return True

    def _first_run_encrypted(self) -> bool:
        from coordinator_app.ui.first_run import FirstRunDialog
        from coordinator_app.ui.safety import BackupScheduler

        dialog = FirstRunDialog(None, path=self.path)
        if dialog.exec() != QDialog.Accepted or dialog.db is None:
            return False
        self.db, self.user = dialog.db, dialog.user
        self.show_recovery_key(dialog.recovery_key)
        self.scheduler = BackupScheduler(self.db, self.runner)
        return True

    def show_recovery_key(self, recovery_key: str, note: str = "", title: str = "") -> None:
        """The recovery key, once; continuing needs 「保管しました」."""
        from coordinator_app.ui.encryption_dialogs import RecoveryKeyDialog

        dialog = RecoveryKeyDialog(recovery_key, str(self.path), note, title=title)
        dialog.exec()

    def offer_encryption(self, user: SignedIn) -> bool:
        """Once per session, to an administrator on a plain database file:
        encrypt it (off the UI thread), show the recovery key and what
        became of the plain copies, and reopen the database encrypted. True
        when the database is now encrypted."""
        from coordinator_app.services import encrypting
        if (getattr(self, "_encryption_offered", False) or self.db is None
                or self.db.path is None or self.db.encrypted or not user.is_admin):
            return False
        try:
            import sqlcipher3  # noqa: F401
        except ImportError:
            return False
        self._encryption_offered = True
        from coordinator_app.ui.encryption_dialogs import ConvertOfferDialog

        while True:
            dialog = ConvertOfferDialog(self.db.path, user.login)
            if dialog.exec() != QDialog.Accepted:
                return False
            result = self._convert(user, dialog.password.text(), dialog.plain_copies_action)
            if result is not None:
                break
            if self.db is None:  # the plain database could not be reopened either
                return False
        self.show_recovery_key(result.recovery_key,
                               "\n".join(encrypting.conversion_report(result)))
        return True

    def upgrade_key_file(self, user: SignedIn) -> bool:
        """To an administrator of an encrypted file whose key file an older
        version made (it gave every account, figures-only ones too, a copy
        of the key): re-key it now, say what that changed and show a new
        recovery key if one was made. True when it was re-keyed."""
        from coordinator_app.services import encrypting
        if (self.db is None or not self.db.encrypted or not user.is_admin
                or not encrypting.needs_upgrade(self.db)):
            return False
        self.runner.wait()
        result = encrypting.upgrade_key_file(self.db)
        QMessageBox.information(None, _tr("Shell", "コーディネーターアプリ"),
                                "\n".join(encrypting.rekey_report(result)))
        if result.recovery_key:
            self.show_recovery_key(result.recovery_key,
                                   title=_tr("Shell", "新しい回復キーを保管してください"))
        return True

    def _convert(self, user: SignedIn, password: str, plain_copies_action: str = "encrypt"):
        """Close, convert, reopen encrypted; None (after saying why) when
        it failed — the plain database is then reopened unchanged."""
        from coordinator_app.services import encrypting, session
        from coordinator_app.ui.safety import BackupScheduler, run_with_progress

        path = self.path
        self.runner.wait()
        if self.scheduler is not None:
            self.scheduler.timer.stop()
            self.scheduler = None
        self.db.close()
        self.db = None
        try:
            result = run_with_progress(
                None, self.runner,
                lambda _p: encrypting.convert_to_encrypted(
                    path, user.login, password, plain_copies_action=plain_copies_action),
                _tr("Shell", "データベースを暗号化しています…（検査のため時間がかかります）"))
        except Exception as exc:
            self.refuse(_tr("Shell", "暗号化できませんでした。データベースは元のままです: {reason}")
                        .format(reason=str(exc) if not hasattr(exc, "orig")
                                else type(exc).__name__))
            self._open_database()
            return None
        self.db = session.open_encrypted(path, user.login, password, actor=user.login)
        self.scheduler = BackupScheduler(self.db, self.runner)
        return result

    def _check_file(self) -> bool:
        """The start-up policy (``services.session``: no network drive, one
        app per file), then a writable, undamaged file."""
        from coordinator_app.services import backups, session

        try:
            session.check_location(self.path)
            self.instance_lock = session.lock_file(self.path)
        except session.Refused as exc:
            self.refuse(str(exc))
            return False
        problem = backups.writable_problem(self.path)
        if problem:
            self.refuse(problem)
            return False
        check = self._startup_check()
        if check is None:
            return False
        if check.offers_restore:
            return self._offer_restore(check)
        return True

    def _startup_check(self, key: bytes | None = None):
        """``backups.startup_check`` of the file (with ``key`` for an
        encrypted one), or None after saying that another program holds it.
        quick_check reads the whole file: off the UI thread, with a progress
        dialog if it takes more than a moment."""
        from coordinator_app.services import backups
        from coordinator_app.ui.safety import run_with_progress

        path = self.path
        check = run_with_progress(None, self.runner,
                                  lambda _p: backups.startup_check(path, key=key),
                                  _tr("Shell", "データベースを検査しています…"))
        if check.state == "locked":
            self.refuse(backups.LOCKED_MESSAGE)
            return None
        return check

    def _offer_restore(self, check, key: bytes | None = None) -> bool:
        from coordinator_app.ui.safety import RestoreOfferDialog

        dialog = RestoreOfferDialog(self.path, check)
        dialog.exec()
        if dialog.choice == "new":  # confirmed by the person in the dialog
            self.create = True
            return True
        if dialog.choice != "restore" or dialog.chosen is None:
            return False
        return self._restore_file(dialog.chosen, key=key)

    def _restore_file(self, backup: Path, actor: str = "gui", key: bytes | None = None) -> bool:
        from coordinator_app.services import backups
        from coordinator_app.ui.safety import run_with_progress

        path = self.path
        try:
            self.restored = run_with_progress(
                None, self.runner, lambda p: backups.restore_backup(path, backup, p, key=key),
                _tr("Shell", "バックアップを検査して復元しています…"), cancellable=True)
        except backups.RestoreCancelled:
            return False
        except Exception as exc:
            self.refuse(_tr("Shell", "復元できませんでした: {reason}").format(
                reason=str(exc) if not hasattr(exc, "orig") else type(exc).__name__))
            return False
        self._pending_restore_audit = actor
        return True

    def _build_demo(self) -> None:
        """Get the demo database's build ready; ``_start_demo_build`` runs
        it off the UI thread (once the sign-in window is on screen: the
        build would slow the window down), ``_finish_demo`` waits for it.
        It is built under another name and takes its own only when whole,
        so a start cut short leaves no half-built demo (the next start
        builds anew)."""
        import os

        from coordinator_app.services import session
        from coordinator_app.services.demo import load_sample

        path = self.path
        part = path.with_name(path.name + ".building")

        def build(_progress):
            for leftover in (part, *(part.with_name(part.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
            db = session.open_database(session.locate(str(part))[0], actor="demo", create=True)
            try:
                load_sample(db)
            finally:
                db.close()
            os.replace(part, path)

        outcome: dict = {}
        self._demo_build = outcome

        def finished(key, value):
            outcome[key] = value
            if "loop" in outcome:
                outcome["loop"].quit()

        outcome["start"] = lambda: self.runner.run(
            build, on_done=lambda r: finished("done", r),
            on_error=lambda exc: finished("error", exc))

    def _start_demo_build(self) -> None:
        start = (self._demo_build or {}).pop("start", None)
        if start is not None:
            start()

    def _finish_demo(self) -> bool:
        """Wait for the demo database (a progress window if it takes a
        moment more), then open it. False after telling why it failed."""
        from PySide6.QtCore import QEventLoop, Qt
        from PySide6.QtWidgets import QProgressDialog

        self._start_demo_build()
        outcome, self._demo_build = self._demo_build, None
        if not ("done" in outcome or "error" in outcome):
            dialog = QProgressDialog(_tr("Shell", "デモ用のデータベースを作成しています…"), "", 0, 0)
            dialog.setWindowTitle(_tr("Safety", "お待ちください"))
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.ApplicationModal)
            dialog.setMinimumDuration(300)
            dialog.setValue(0)
            outcome["loop"] = QEventLoop()
            outcome["loop"].exec()
            dialog.reset()
            dialog.deleteLater()
        if "error" in outcome:
            return self._db_failed(outcome["error"])
        return self._open_database()

    def _open_database(self) -> bool:
        from coordinator_app.services import backups, session

        try:
            if session.signs_in_to_server(self.url):
                if not self._open_server():
                    return False
            else:
                self.db = session.open_database(self.url, actor="gui", create=self.create)
        except session.EncryptedDatabaseError:
            if not self._open_encrypted():
                return False
        except session.StoreError as exc:
            self.refuse(str(exc))
            return False
        except Exception as exc:
            return self._db_failed(exc)
        actor = getattr(self, "_pending_restore_audit", None)
        if actor:
            self._pending_restore_audit = None
            backups.record_restore(self.db, actor, self.restored)
        from coordinator_app.ui.safety import BackupScheduler

        self.scheduler = BackupScheduler(self.db, self.runner)
        return True

    def _open_encrypted(self) -> bool:
        """An encrypted file (issue 9) opens with an account's password:
        the sign-in dialog opens it, then signs in as usual."""
        from coordinator_app.services import backups, session

        path = self.path

        def unlock(login: str, password: str):
            return session.open_encrypted(path, login, password, actor="gui")

        if self.credentials is not None:
            try:
                self.db = unlock(*self.credentials)
            except session.DamagedDatabaseError as exc:
                return self._restore_encrypted(exc.key)
        else:
            from coordinator_app.ui.sign_in import SignInDialog

            dialog = SignInDialog(None, unlock=unlock, where=str(path))
            if dialog.exec() != QDialog.Accepted:
                if dialog.db is not None:
                    dialog.db.close()
                if dialog.damaged is not None:
                    return self._restore_encrypted(dialog.damaged.key)
                return False
            self.db, self.user = dialog.db, dialog.user
        problem = backups.quick_check_open(self.db)
        if problem:
            self.refuse(_tr("Shell", "データベースファイルが壊れています（{problem}）。"
                            "「ファイル」メニューの「バックアップから復元…」で復元してください。")
                        .format(problem=problem[:200]))
        return True

    def _open_server(self) -> bool:
        """The city's server (issue 21): the URL holds no password; the
        sign-in dialog's login and password open the connection as the
        account's own database role, then sign in."""
        from coordinator_app.services import session

        def unlock(login: str, password: str):
            return session.open_server(self.url, login, password)

        if self.credentials is not None:
            self.db = unlock(*self.credentials)
            return True
        from coordinator_app.ui.sign_in import SignInDialog

        where = session.server_display_name(self.url)
        dialog = SignInDialog(None, unlock=unlock, where=where, server=True)
        if dialog.exec() != QDialog.Accepted:
            if dialog.db is not None:
                dialog.db.close()
            return False
        self.db, self.user = dialog.db, dialog.user
        return True

    def _restore_encrypted(self, key: bytes) -> bool:
        """A password unlocked the key of an encrypted file that then did
        not open: check it with that key and offer the newest backup the
        key opens, as for a damaged plain file. After a restore the file
        opens with the key; the person then signs in as usual."""
        from coordinator_app.services import session

        check = self._startup_check(key)
        if check is None:
            return False
        if not check.offers_restore:
            self.refuse(_tr("Shell", "暗号化されたデータベースを開けません。"
                                     "管理者に連絡してください（ファイルは変更していません）。"))
            return False
        if not self._offer_restore(check, key):
            return False
        try:
            self.db = session.open_database(self.url, actor="gui", key=key)
        except Exception as exc:
            return self._db_failed(exc)
        return True

    def _db_failed(self, exc: BaseException) -> bool:
        from coordinator_app.services.backups import explain_db_error

        self.refuse(explain_db_error(exc))
        return False

    # --- sessions ---------------------------------------------------------

    def sign_in(self) -> SignedIn | None:
        from coordinator_app.services import accounts
        if self.user is not None:  # just created by the first run
            user, self.user = self.user, None
            return user
        if self._demo_build is not None:
            if self.credentials is None:
                return self._sign_in_while_demo_builds()
            if not self._finish_demo():
                return None
        if self.credentials is not None:
            return accounts.authenticate(self.db, *self.credentials)
        from coordinator_app.ui.sign_in import SignInDialog

        dialog = SignInDialog(self.db)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.user

    def _sign_in_while_demo_builds(self) -> SignedIn | None:
        """The sign-in window at once; signing in waits for the build."""
        from coordinator_app.services import admin
        from coordinator_app.services.session import StoreError
        from coordinator_app.ui.sign_in import SignInDialog

        def unlock(_login: str, _password: str):
            if not self._finish_demo():
                raise StoreError(_tr("Shell", "デモ用のデータベースを作成できませんでした。"
                                              "「終了」を押して、もう一度起動してください。"))
            return self.db

        dialog = SignInDialog(None, unlock=unlock, where=str(self.path),
                              demo_accounts=admin.published_demo_accounts())
        QTimer.singleShot(200, self._start_demo_build)  # the window is on screen by then
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.user

    def show_main(self, user: SignedIn):
        from coordinator_app.services.admin import idle_lock_minutes
        from coordinator_app.ui.context import AppContext
        from coordinator_app.ui.main_window import MainWindow

        self.db.actor = user.login
        ctx = AppContext(db=self.db, user=user, runner=self.runner)
        ctx.changes.changed.connect(self.scheduler.note_change)
        window = MainWindow(ctx, idle_lock_minutes(self.db))
        self.scheduler.backupDone.connect(
            lambda info, w=window: w.statusBar().showMessage(
                _tr("Shell", "自動バックアップしました: {name}").format(name=info.path.name), 8000))
        window.show()
        self.window = window
        return window

    def end_session(self, user: SignedIn) -> None:
        from coordinator_app.services import audit

        try:
            audit.sign_out(self.db, user)
        except Exception:
            pass
        self.db.actor = "gui"
        self.window = None

    def restore_now(self, backup: Path, actor: str) -> bool:
        """From the File menu: close the database, restore, reopen."""
        from coordinator_app.services import backups

        self.runner.wait()
        self.scheduler.timer.stop()
        self.scheduler = None
        try:  # besides the file kept aside, a checked copy of the data as it is now
            backups.make_backup(self.db, "before-restore", actor=actor)
        except Exception:
            pass
        key = getattr(self.db, "key", None)  # an encrypted database's key (issue 9)
        self.db.close()
        self.db = None
        self._restore_file(backup, actor, key)  # on failure, reopen the database as it was
        return self._open_database()

    def shutdown(self) -> None:
        from coordinator_app.ui import clipboard

        clipboard.clear_sensitive_now()
        if self.db is not None:
            if self.scheduler is not None:
                self.scheduler.on_exit()  # takes no backup: quitting is instant (issue 18)
            self.runner.wait()
            self.db.close()
            self.db = None
        if self.instance_lock is not None:
            self.instance_lock.release()
            self.instance_lock = None

    def run(self, app: QApplication, on_shown=None) -> int:
        app.setQuitOnLastWindowClosed(False)
        try:
            if not self.open():
                return 1
            while True:
                user = self.sign_in()
                if user is None:
                    return 0
                self.offer_encryption(user)
                self.upgrade_key_file(user)
                if self.db is None:
                    return 1
                window = self.show_main(user)
                window.finished.connect(lambda _outcome: app.quit())
                if on_shown is not None:
                    QTimer.singleShot(0, lambda w=window: on_shown(w))
                app.exec()
                outcome, backup = window.outcome, window.restore_path
                window.deleteLater()
                self.end_session(user)
                if outcome == "restore" and backup is not None:
                    if not self.restore_now(backup, user.login):
                        return 1
                    continue
                if outcome != "sign_out":
                    return 0
        finally:
            self.shutdown()


def run_gui(db: str | None = None, demo: bool = False) -> int:
    """The desktop app (``coordinator-app`` without a subcommand). Ends
    the process (``leave_process``)."""
    app = make_application()
    leave_process(Shell(db, demo).run(app))


def leave_process(code: int):
    """End the process after ``Shell.run`` (the database is closed and
    the instance lock released by then): flush the settings, the logs and
    the output, then exit without Python tearing down every Qt and
    SQLAlchemy object one by one, which took most of a second of quitting
    (issue 18). A demo database still being built is cut short, which its
    build allows for (``Shell._build_demo``)."""
    import logging
    import os

    prefs.app_settings().sync()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
