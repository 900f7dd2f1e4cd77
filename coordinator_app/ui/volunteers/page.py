"""A volunteer's page: the registration, their roles, the 見守り users they
watch (協力員) and their activity history. Edit and withdraw from here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import codes
from coordinator_app.core.dates import format_wareki
from coordinator_app.services import volunteers
from coordinator_app.services.volunteers import availability_text
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.volunteers.form import VolunteerFormDialog
from coordinator_app.ui.volunteers.tables import (
    HistoryTableModel,
    WatchUserTableModel,
    hours_text,
    insurance_text,
)
from coordinator_app.ui.volunteers.withdraw import WithdrawDialog


def _table(model, parent) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().hide()
    return fit_table(view)


class VolunteerPageDialog(QDialog):
    def __init__(self, ctx: AppContext, volunteer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.volunteer_id = ctx, volunteer_id
        self.resize(900, 640)
        self.role_labels = {r.code: r.label for r in volunteers.list_roles(ctx.db, True)}
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.status = QLabel(self)
        self.info = QFormLayout()
        self.watch_model = WatchUserTableModel(self)
        self.history_model = HistoryTableModel(self)
        self.watch_box = QGroupBox(self)
        QVBoxLayout(self.watch_box).addWidget(_table(self.watch_model, self))
        self.history_box = QGroupBox(self)
        QVBoxLayout(self.history_box).addWidget(_table(self.history_model, self))
        self.edit_button = QPushButton(self.tr("編集 (Ctrl+E)"), self)
        self.withdraw_button = QPushButton(self)
        close = QPushButton(self.tr("閉じる"), self)
        for b in (self.edit_button, self.withdraw_button, close):
            b.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit)
        self.withdraw_button.clicked.connect(self.withdraw_or_reinstate)
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(close)
        top = QHBoxLayout()
        top.addLayout(self.info, 1)
        lists = QVBoxLayout()
        lists.addWidget(self.watch_box, 1)
        lists.addWidget(self.history_box, 2)
        top.addLayout(lists, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        self.dialog: QDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        d = volunteers.get_volunteer(self.ctx.db, self.ctx.user, self.volunteer_id)
        self.detail = d
        self.setWindowTitle(self.tr("ボランティア: ") + d.name)
        kind = self.tr(codes.VOLUNTEER_KIND.get(d.kind, d.kind))
        self.title.setText(f"{d.name}（{d.kana}）　{kind}" if d.kana else f"{d.name}　{kind}")
        if d.active:
            self.status.setText(self.tr("登録中（登録日 {0}）").format(format_wareki(d.registered_on)))
            self.withdraw_button.setText(self.tr("退会を登録…"))
        else:
            text = self.tr("退会 {0}").format(format_wareki(d.withdrawn_on))
            self.status.setText(text + (f"（{d.withdraw_reason}）" if d.withdraw_reason else ""))
            self.withdraw_button.setText(self.tr("退会を取り消す…"))
        while self.info.rowCount():
            self.info.removeRow(0)
        rows = [
            (self.tr("活動内容"), "・".join(self.role_labels.get(c, c) for c in d.roles)),
            (self.tr("特技"), "、".join(d.skills)),
            (self.tr("活動できる日時"), availability_text(d.availability)),
            (self.tr("活動できる地域"), "、".join(n for _, n in d.covered_areas)),
            (self.tr("電話番号"), d.phone),
            (self.tr("住所"), d.address),
            (self.tr("自治会"), d.area),
        ]
        if d.kind == "group":
            rows += [(self.tr("連絡担当者"), d.contact_person),
                     (self.tr("人数"), f"{d.member_count}人" if d.member_count else "")]
        rows += [(self.tr("登録日"), format_wareki(d.registered_on)),
                 (self.tr("ボランティア保険"), insurance_text(d.insurance_fy))]
        for label, value in rows:
            shown = QLabel(value or "—", self)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.info.addRow(label, shown)
        self.watch_model.set_rows(d.watch_users)
        self.watch_box.setTitle(self.tr("見守りの担当（{0}人）").format(
            sum(1 for w in d.watch_users if w.active)))
        self.history_model.set_rows(d.activities)
        self.history_box.setTitle(self.tr("活動記録（{0}回、{1}）").format(
            len(d.activities), hours_text(d.total_hours) or "0時間"))

    def edit(self) -> None:
        dlg = VolunteerFormDialog(self.ctx, self.volunteer_id, self)
        dlg.saved.connect(lambda _vid: self.refresh())
        self.dialog = dlg
        dlg.open()

    def withdraw_or_reinstate(self) -> None:
        if self.detail.withdrawn_on is None:
            dlg = WithdrawDialog(self.ctx, self.volunteer_id, self.detail.name, self)
            dlg.withdrawn.connect(lambda _vid: self.refresh())
            self.dialog = dlg
            dlg.open()
            return
        answer = QMessageBox.question(
            self, self.tr("退会の取り消し"),
            self.tr("{0} さんの退会を取り消して、登録中に戻します。よろしいですか？").format(
                self.detail.name))
        if answer != QMessageBox.Yes:
            return
        db, user, vid = self.ctx.db, self.ctx.user, self.volunteer_id
        self.ctx.runner.run(lambda _p: volunteers.reinstate_volunteer(db, user, vid),
                            on_done=self._reinstated,
                            on_error=lambda e: QMessageBox.warning(self, self.windowTitle(), str(e)))

    def _reinstated(self, _result) -> None:
        self.ctx.notify("volunteer")
        self.refresh()
