"""監査ログ (administrators): the audit trail filtered by date range,
person and action, exported as CSV (the export is audited too)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import format_wareki_short
from coordinator_app.services import audit
from coordinator_app.ui.alive import if_alive
from coordinator_app.ui.audit_words import actor_text, detail_text
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.labels import action_label, entity_label
from coordinator_app.ui.table_model import Column, TableModel
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.widgets import DateLineEdit


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


class AuditTableModel(TableModel):
    COL_AT, COL_ACTOR, COL_ACTION, COL_ENTITY, COL_ID = range(5)
    CONTEXT = "AuditTableModel"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("AuditTableModel", "日時"),
               lambda e: f"{format_wareki_short(e.at.date())} {e.at:%H:%M:%S}"),
        # The person's name; the login stays at hand for the administrator.
        Column(QT_TRANSLATE_NOOP("AuditTableModel", "利用者"),
               lambda e: actor_text(e.actor, e.actor_name),
               tooltip=lambda e: _tr("ログイン名: {login}").format(login=e.actor)),
        Column(QT_TRANSLATE_NOOP("AuditTableModel", "操作"), lambda e: action_label(e.action)),
        Column(QT_TRANSLATE_NOOP("AuditTableModel", "対象"), lambda e: entity_label(e.entity)),
        # A consultation by its 相談番号, other records by their id.
        Column(QT_TRANSLATE_NOOP("AuditTableModel", "ID"),
               lambda e: e.record_number or e.entity_id),
        Column(QT_TRANSLATE_NOOP("AuditTableModel", "詳細"),
               lambda e: detail_text(e.action, e.entity, e.detail, e.linked_number),
               tooltip=lambda e: e.detail),
    )


class AuditView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.since = DateLineEdit(self)
        self.until = DateLineEdit(self)
        today = clock.today()
        self.since.setDate(today - dt.timedelta(days=30))
        self.until.setDate(today)
        self.actor = QComboBox(self)
        self.actor.setObjectName("actor")
        self.action = QComboBox(self)
        self.action.setObjectName("action")
        self.search_button = QPushButton(self.tr("表示"), self)
        self.export_button = QPushButton(self.tr("CSVに書き出す…"), self)
        self.count = QLabel("", self)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("期間"), self.since), ("〜", self.until),
                              (self.tr("利用者"), self.actor), (self.tr("操作"), self.action)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().hide()
        fit_table(self.table, stretch=(5,))  # 詳細
        note = QLabel(self.tr("監査ログには、誰が・いつ・何を・どの記録に行ったかだけを残し、"
                              "氏名や相談内容は記録しません。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(note)
        self.search_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self._load_choices()
        self.refresh()

    def _load_choices(self) -> None:
        actors, actions = audit.filter_choices(self.ctx.db, self.ctx.user)
        self.actor.clear()
        self.actor.addItem(self.tr("すべて"), None)
        for login, name in actors:
            self.actor.addItem(actor_text(login, name), login)
            self.actor.setItemData(self.actor.count() - 1,
                                   self.tr("ログイン名: {login}").format(login=login),
                                   Qt.ToolTipRole)
        self.action.clear()
        self.action.addItem(self.tr("すべて"), None)
        for a in actions:
            self.action.addItem(action_label(a), a)

    def current_filter(self) -> audit.AuditFilter:
        return audit.AuditFilter(since=self.since.date(), until=self.until.date(),
                                 actor=self.actor.currentData(), action=self.action.currentData())

    def refresh(self) -> None:
        f = self.current_filter()
        db, user = self.ctx.db, self.ctx.user
        self.count.setText(self.tr("読み込んでいます…"))
        self.ctx.runner.run(lambda _p: audit.search(db, user, f),
                            on_done=if_alive(self, self._show),
                            on_error=if_alive(self, self._failed))

    def _show(self, rows: list[audit.AuditEntry]) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("{n}件（新しい順、最大2000件を表示）").format(n=len(rows)))

    def _failed(self, exc: BaseException) -> None:
        from coordinator_app.services.backups import explain_db_error

        self.count.setText(explain_db_error(exc))

    def export(self) -> None:
        from coordinator_app.ui.encryption_dialogs import confirm_plain_file

        if not confirm_plain_file(self, "audit"):  # a plain file (issue 9)
            return
        name = f"audit-{clock.today():%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("監査ログを書き出す"), name,
                                              self.tr("CSV ファイル (*.csv)"))
        if not path:
            return
        f = self.current_filter()
        db, user = self.ctx.db, self.ctx.user
        self.export_button.setEnabled(False)
        self.ctx.runner.run(lambda _p: audit.export_csv(db, user, f, Path(path)),
                            on_done=if_alive(self, lambda n: self._exported(n, path)),
                            on_error=if_alive(self, self._export_failed))

    def _exported(self, n: int, path: str) -> None:
        self.export_button.setEnabled(True)
        self.count.setText(self.tr("{n}件を書き出しました: {path}").format(n=n, path=path))
        self.ctx.notify("audit")

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("書き出せませんでした"),
                            self.tr("監査ログを書き出せませんでした: {reason}").format(
                                reason=exc if isinstance(exc, OSError) else type(exc).__name__))

    def show_filter(self, name: str) -> None:
        self.refresh()
