"""ロック・バックアップ: the idle-lock time (administrators) and the
database's backups (list, back up now). Restoring is in the File menu,
because it closes the database and asks everyone to sign in again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core.dates import format_wareki_short
from coordinator_app.services import admin, backups
from coordinator_app.ui.alive import if_alive
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.labels import backup_reason_label
from coordinator_app.ui.settings.common import make_table, show_error
from coordinator_app.ui.table_model import Column, TableModel


class SafetyTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        if ctx.user.is_admin:
            lock_box = QGroupBox(self.tr("画面のロック"), self)
            self.minutes = QSpinBox(lock_box)
            self.minutes.setRange(*admin.IDLE_LOCK_RANGE)
            self.minutes.setSuffix(self.tr(" 分"))
            self.minutes.setValue(admin.idle_lock_minutes(ctx.db))
            self.save_minutes = QPushButton(self.tr("保存"), lock_box)
            row = QHBoxLayout(lock_box)
            row.addWidget(QLabel(self.tr("操作がないまま次の時間が過ぎたら画面をロックする"), lock_box))
            row.addWidget(self.minutes)
            row.addWidget(self.save_minutes)
            row.addStretch(1)
            self.save_minutes.clicked.connect(self._save_minutes)
            layout.addWidget(lock_box)
        box = QGroupBox(self.tr("バックアップ"), self)
        self.model = TableModel(self, [
            Column(self.tr("日時"),
                   lambda b: f"{format_wareki_short(b.taken_at.date())} {b.taken_at:%H:%M:%S}"),
            Column(self.tr("種類"), lambda b: backup_reason_label(b.reason)),
            Column(self.tr("大きさ"), lambda b: f"{b.size / 1_048_576:.1f} MB"),
            Column(self.tr("ファイル"), lambda b: b.path.name),
        ])
        self.table = make_table(self.model, box)
        self.backup_now = QPushButton(self.tr("今すぐバックアップ"), box)
        self.status = QLabel("", box)
        self.status.setWordWrap(True)
        explain = QLabel(self.tr(
            "変更があれば、30分ごとと、操作が2分止まったときに自動でバックアップします"
            "（終了はバックアップを待ちません。その分は次に起動した少し後に取ります）。直近1日分はすべて、"
            "2週間までは1日1つ、1年までは1か月に1つを残します。"
            "復元は「ファイル」メニューの「バックアップから復元…」から行います。"), box)
        explain.setWordWrap(True)
        inner = QVBoxLayout(box)
        inner.addWidget(explain)
        inner.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now)
        buttons.addWidget(self.status, 1)
        inner.addLayout(buttons)
        layout.addWidget(box, 1)
        self.backup_now.clicked.connect(self.make_backup)
        self.backup_now.setEnabled(ctx.db.path is not None)
        if ctx.db.path is None:
            self.status.setText(self.tr("PostgreSQL のバックアップはサーバー側で行ってください。"))
        self.refresh()

    def refresh(self) -> None:
        path = self.ctx.db.path
        self.model.set_rows(backups.list_backups(path) if path is not None else [])

    def _save_minutes(self) -> None:
        try:
            admin.set_idle_lock_minutes(self.ctx.db, self.ctx.user, self.minutes.value())
        except Exception as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("ロックまでの時間を保存しました。"))
        self.ctx.notify("settings")

    def make_backup(self) -> None:
        db, user = self.ctx.db, self.ctx.user
        self.backup_now.setEnabled(False)
        self.status.setText(self.tr("バックアップしています…"))
        self.ctx.runner.run(lambda _p: backups.manual_backup(db, user),
                            on_done=if_alive(self, self._done),
                            on_error=if_alive(self, self._failed))

    def _done(self, info) -> None:
        self.backup_now.setEnabled(True)
        self.status.setText(self.tr("バックアップしました: {name}").format(name=info.path.name))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.backup_now.setEnabled(True)
        self.status.setText("")
        show_error(self, exc)
