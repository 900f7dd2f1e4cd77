"""Data safety in the shell: the automatic backup timer, choosing a
backup to restore, the restore offer for a damaged database at start, and
running a long job with a progress dialog. The work itself is Qt-free
(``services.backups``) and runs on ``ctx.runner``'s worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import format_wareki
from coordinator_app.services import backups
from coordinator_app.services.session import Database
from coordinator_app.ui.alive import if_alive
from coordinator_app.ui.labels import backup_reason_label
from coordinator_app.ui.runner import Progress, Runner
from coordinator_app.ui.settings.common import make_table, selected_row
from coordinator_app.ui.table_model import Column, TableModel

_tr = QCoreApplication.translate



def describe_backup(b: backups.BackupInfo) -> str:
    return _tr("Safety", "{date} {time}（{reason}、{size:.1f} MB）").format(
        date=format_wareki(b.taken_at.date(), weekday=True), time=f"{b.taken_at:%H:%M}",
        reason=backup_reason_label(b.reason), size=b.size / 1_048_576)


def run_with_progress(parent: QWidget | None, runner: Runner, fn: Callable[[Progress], Any],
                      label: str, cancellable: bool = False) -> Any:
    """Run ``fn(progress)`` on the worker thread while a progress dialog
    keeps the window alive; return its result or raise its exception."""
    dialog = QProgressDialog(label, _tr("Safety", "キャンセル") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(_tr("Safety", "お待ちください"))
    dialog.setWindowModality(Qt.ApplicationModal)
    dialog.setMinimumDuration(300)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setValue(0)  # starts the minimum-duration timer
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result):
        outcome["result"] = result
        loop.quit()

    def failed(exc):
        outcome["error"] = exc
        loop.quit()

    def progressed(n, total):
        dialog.setMaximum(total)
        dialog.setValue(n)

    progress = runner.run(fn, on_done=done, on_error=failed, on_progress=progressed)
    dialog.canceled.connect(progress.cancel)
    if "result" not in outcome and "error" not in outcome:
        loop.exec()
    dialog.reset()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


class BackupScheduler(QObject):
    """Backs up every 30 minutes when something changed (counted from the
    app-wide change signal) and after ``IDLE_MS`` without a change. The
    exit backup is not taken on the quit path (quitting must be instant):
    ``CATCH_UP_MS`` after start it is taken if ``backups.backup_owed`` (the
    last run quit or crashed after changes, or today has none). SQLite only."""

    IDLE_MS = 2 * 60 * 1000  # a quiet moment: two minutes without a change
    CATCH_UP_MS = 15 * 1000  # after the start's own work

    backupDone = Signal(object)  # BackupInfo
    backupFailed = Signal(str)

    def __init__(self, db: Database, runner: Runner, parent: QObject | None = None,
                 interval_ms: int = int(backups.BACKUP_INTERVAL.total_seconds() * 1000)) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.policy = backups.AutoBackupPolicy()
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(self.IDLE_MS)
        self.idle.timeout.connect(self.after_idle)
        self.catch_up_timer = QTimer(self)
        self.catch_up_timer.setSingleShot(True)
        self.catch_up_timer.setInterval(self.CATCH_UP_MS)
        self.catch_up_timer.timeout.connect(self.catch_up)
        if db.path is not None:
            self.timer.start()
            self.catch_up_timer.start()

    def note_change(self, _what: str = "") -> None:
        self.policy.note_change()
        if self.db.path is not None:
            self.idle.start()

    def tick(self) -> None:
        if self.policy.due(clock.now()):
            self._back_up(lambda db: backups.make_backup(db, "auto"))

    def after_idle(self) -> None:
        if self.policy.changes > 0:
            self._back_up(lambda db: backups.make_backup(db, "auto"))

    def catch_up(self) -> None:
        """The exit backup a run owes (``backups.backup_owed``), off the UI thread."""
        self._back_up(lambda db: backups.make_backup(db, "exit")
                      if backups.backup_owed(db) else None)

    def _back_up(self, work) -> None:
        if self.running or self.db.path is None:
            return
        now = clock.now()
        seen = self.policy.changes
        self.running = True
        db = self.db

        def done(info):
            self.running = False
            if info is not None:
                self.policy.taken(now, seen)
                self.backupDone.emit(info)

        def failed(exc):
            self.running = False
            self.backupFailed.emit(backups.explain_db_error(exc)
                                   if not isinstance(exc, OSError) else str(exc))

        self.runner.run(lambda _p: work(db), on_done=if_alive(self, done),
                        on_error=if_alive(self, failed))

    def on_exit(self) -> None:
        """Quitting: no backup here (the next run catches up, see the class
        docstring); only a backup already running is waited for."""
        for timer in (self.timer, self.idle, self.catch_up_timer):
            timer.stop()
        self.runner.wait()


class RestoreDialog(QDialog):
    """Pick a backup of this database (or any backup file, e.g. on a USB
    stick). ``chosen`` is the path when accepted."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("バックアップから復元"))
        self.resize(720, 420)
        self.chosen: Path | None = None
        self.model = TableModel(self, [
            Column(self.tr("日時"), lambda b: format_wareki(b.taken_at.date(), weekday=True)
                   + f" {b.taken_at:%H:%M:%S}"),
            Column(self.tr("種類"), lambda b: backup_reason_label(b.reason)),
            Column(self.tr("大きさ"), lambda b: f"{b.size / 1_048_576:.1f} MB"),
            Column(self.tr("ファイル"), lambda b: b.path.name),
        ])
        self.model.set_rows(backups.list_backups(db_path))
        self.table = make_table(self.model, self)
        if self.model.rows:
            self.table.selectRow(0)
        explain = QLabel(self.tr(
            "選んだバックアップを検査してから、新しいファイルに復元します。"
            "いまのデータベースは削除せず、別名（…replaced-日時.db）で同じフォルダーに残します。"
            "復元のあと、もう一度サインインしてください。"), self)
        explain.setWordWrap(True)
        other = QPushButton(self.tr("ほかのファイルを選ぶ…"), self)
        other.clicked.connect(self._pick_file)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("復元する"), QDialogButtonBox.AcceptRole)
        buttons.addButton(QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(other, 0, Qt.AlignLeft)
        layout.addWidget(buttons)

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("バックアップファイルを選ぶ"), "",
                                              self.tr("データベース (*.db);;すべてのファイル (*)"))
        if path:
            self.chosen = Path(path)
            self.accept()

    def _accept_selected(self) -> None:
        b = selected_row(self.table, self.model)
        if b is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("バックアップを選んでください"))
            return
        self.chosen = b.path
        self.accept()


class RestoreOfferDialog(QDialog):
    """At start, when the database is damaged (or missing while backups
    exist): offer the newest good backup. ``choice`` is 'restore' (with
    ``chosen``), 'new' (missing only, confirmed) or 'quit'. Never starts
    on an empty database by itself."""

    def __init__(self, db_path: Path, check: backups.StartupCheck,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.choice = "quit"
        self.chosen: Path | None = check.backup.path if check.backup else None
        self.setWindowTitle(self.tr("データベースを開けません"))
        self.setMinimumWidth(560)
        if check.state == "damaged":
            head = self.tr("データベースファイルが壊れています。")
            detail = self.tr("検査結果: {problem}").format(problem=check.problem[:200])
        else:
            head = self.tr("データベースファイルが見つからないか、空になっています。")
            detail = self.tr("バックアップが残っています。")
        text = QLabel(head + "\n" + str(db_path) + "\n" + detail, self)
        text.setObjectName("problem")
        text.setWordWrap(True)
        if check.backup is not None:
            offer = self.tr("最新の正常なバックアップ: {backup}\n"
                            "これを新しいファイルに復元して開きます。"
                            "いまのファイルは削除せず、別名で残します。").format(
                backup=describe_backup(check.backup))
        else:
            offer = self.tr("使える（検査に合格した）バックアップが見つかりません。"
                            "管理者に連絡してください。ファイルはそのまま残してあります。")
        offer_label = QLabel(offer, self)
        offer_label.setObjectName("offer")
        offer_label.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("バックアップから復元する"),
                                                QDialogButtonBox.AcceptRole)
        self.restore_button.setEnabled(check.backup is not None)
        self.restore_button.clicked.connect(lambda: self._finish("restore"))
        self.pick_button = buttons.addButton(self.tr("別のバックアップを選ぶ…"),
                                             QDialogButtonBox.ActionRole)
        self.pick_button.clicked.connect(self._pick)
        self.new_button = None
        if check.state == "missing":
            self.new_button = buttons.addButton(self.tr("新しいデータベースを作る"),
                                                QDialogButtonBox.ActionRole)
            self.new_button.clicked.connect(self._new)
        quit_button = buttons.addButton(self.tr("終了"), QDialogButtonBox.RejectRole)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(offer_label)
        layout.addWidget(buttons)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _pick(self) -> None:
        dialog = RestoreDialog(self.db_path, self)
        if dialog.exec() == QDialog.Accepted and dialog.chosen is not None:
            self.chosen = dialog.chosen
            self._finish("restore")

    def _new(self) -> None:
        if QMessageBox.question(
                self, self.tr("新しいデータベース"),
                self.tr("空のデータベースを新しく作ります。バックアップは残りますが、"
                        "いまある記録は表示されません。よろしいですか？")) == QMessageBox.Yes:
            self._finish("new")
