"""この人の履歴: one resident's story in one place — every consultation
and, when enrolled in 見守り, the enrolment and its contacts. Read-only;
opening it is audited as a view of personal data (the service does it).

Any screen may open it: ``PersonHistoryDialog(ctx, person_id).open()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock, codes
from coordinator_app.core.dates import format_wareki
from coordinator_app.services import consultations as svc
from coordinator_app.ui.consultations.list_model import follow_up_text
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_model import Column, TableModel
from coordinator_app.ui.table_view import fit_table


def _table(model: TableModel, stretch: tuple[int, ...], parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return fit_table(table, stretch=stretch)


class PersonHistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.history = svc.person_history(ctx.db, ctx.user, person_id)
        self.setWindowTitle(self.tr("%1さんの履歴").replace("%1", self.history.person.name))
        header = self._person_header()
        cons_box = self._consultations_box(svc.category_labels(ctx.db))
        watch_box = self._watch_box()
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("閉じる"), QDialogButtonBox.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(cons_box, 3)
        layout.addWidget(watch_box, 2 if self.history.enrolments else 0)
        layout.addWidget(buttons)
        self.resize(960, 640)
        self.setAttribute(Qt.WA_DeleteOnClose)

    def _person_header(self) -> QLabel:
        """Name, reading, birth date, phone, address and area in one line."""
        p = self.history.person
        facts = [f"{p.name}（{p.kana}）" if p.kana else p.name]
        if p.birth_date:
            facts.append(self.tr("生年月日 %1").replace("%1", format_wareki(p.birth_date)))
        facts += [x for x in (p.phone, p.address, p.area) if x]
        header = QLabel("　".join(facts), self)
        header.setStyleSheet("font-weight: bold;")
        header.setWordWrap(True)
        return header

    def _consultations_box(self, labels: dict[str, str]) -> QGroupBox:
        today = clock.today()
        self.consultations = TableModel(self, [
            Column(self.tr("番号"), lambda r: r.number),
            Column(self.tr("日付"), lambda r: format_wareki(r.received_on, weekday=True)),
            Column(self.tr("区分"), lambda r: codes.KIND.get(r.kind, r.kind)),
            Column(self.tr("方法"), lambda r: codes.CHANNEL.get(r.channel, r.channel)),
            Column(self.tr("内容"), lambda r: "・".join(labels.get(c, c) for c in r.categories)),
            Column(self.tr("対応"), lambda r: codes.RESPONSE.get(r.response, r.response)),
            Column(self.tr("フォロー"), lambda r: follow_up_text(r, today)),
            Column(self.tr("概要"), lambda r: r.summary.replace("\n", " ")),
        ], tooltip=lambda r: r.summary)
        self.consultations.set_rows(self.history.consultations)
        cons_box = QGroupBox(self.tr("相談記録（%1件）").replace(
            "%1", str(len(self.history.consultations))), self)
        QVBoxLayout(cons_box).addWidget(_table(self.consultations, (4, 7), cons_box))
        return cons_box

    def _watch_box(self) -> QGroupBox:
        """The watch-over enrolments and, if any, the contacts."""
        watch_box = QGroupBox(self.tr("見守り"), self)
        watch_layout = QVBoxLayout(watch_box)
        if not self.history.enrolments:
            watch_layout.addWidget(QLabel(self.tr("見守りの利用登録はありません。"), watch_box))
        for e in self.history.enrolments:
            text = self.tr("登録 %1").replace("%1", format_wareki(e.enrolled_on))
            if e.ended_on:
                text += self.tr("　終了 %1（%2）").replace("%1", format_wareki(e.ended_on)).replace(
                    "%2", codes.END_REASON.get(e.end_reason or "", e.end_reason or ""))
            else:
                text += self.tr("　利用中")
            if e.emergency_contact:
                text += self.tr("　緊急連絡先: %1").replace("%1", e.emergency_contact)
            watch_layout.addWidget(QLabel(text, watch_box))
        self.contacts = TableModel(self, [
            Column(self.tr("実施日"), lambda c: format_wareki(c.contacted_on, weekday=True)),
            Column(self.tr("方法"), lambda c: codes.WATCH_METHOD.get(c.method, c.method)),
            Column(self.tr("結果"), lambda c: codes.WATCH_RESULT.get(c.result, c.result)),
            Column(self.tr("実施者"), lambda c: c.by),
            Column(self.tr("メモ"), lambda c: c.note),
        ])
        self.contacts.set_rows(self.history.contacts)
        if self.history.enrolments:
            watch_layout.addWidget(QLabel(self.tr("見守り活動（%1件）").replace(
                "%1", str(len(self.history.contacts))), watch_box))
            watch_layout.addWidget(_table(self.contacts, (4,), watch_box))
        return watch_box
