"""The selected record, read-only, beside the list, with its actions:
編集 (Enter), 削除 (Delete) and この人の履歴 (Ctrl+H)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import codes
from coordinator_app.core.dates import format_wareki
from coordinator_app.services.consultations import ConsultationDetail


class ConsultationDetailPanel(QWidget):
    editRequested = Signal(int)
    deleteRequested = Signal(int)
    historyRequested = Signal(int)  # person id

    def __init__(self, category_labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category_labels = category_labels
        self.detail: ConsultationDetail | None = None
        self.title = QLabel(self.tr("記録を選ぶと、ここに内容が表示されます"), self)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.form = form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, label in (("when", self.tr("受付")), ("kind", self.tr("区分")),
                           ("channel", self.tr("受付方法")), ("from_whom", self.tr("相談者")),
                           ("categories", self.tr("相談内容")), ("response", self.tr("対応")),
                           ("urgent_note", self.tr("緊急対応")),
                           ("referred_to", self.tr("つなぎ先")), ("person", self.tr("氏名")),
                           ("summary", self.tr("内容")), ("follow_up", self.tr("フォロー")),
                           ("staff", self.tr("受付者"))):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            form.addRow(label, value)
            self.values[key] = value
        self.edit_button = QPushButton(self.tr("編集 (Enter)"), self)
        self.delete_button = QPushButton(self.tr("削除 (Delete)"), self)
        self.history_button = QPushButton(self.tr("この人の履歴 (Ctrl+H)"), self)
        buttons = QHBoxLayout()
        for b in (self.edit_button, self.delete_button, self.history_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.history_button.clicked.connect(self._history)
        self.show_detail(None)

    def _edit(self) -> None:
        if self.detail is not None:
            self.editRequested.emit(self.detail.id)

    def _delete(self) -> None:
        if self.detail is not None:
            self.deleteRequested.emit(self.detail.id)

    def _history(self) -> None:
        if self.detail is not None and self.detail.person_id is not None:
            self.historyRequested.emit(self.detail.person_id)

    def show_detail(self, d: ConsultationDetail | None) -> None:
        self.detail = d
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(d is not None)
        self.history_button.setEnabled(d is not None and d.person_id is not None)
        if d is None:
            self.title.setText(self.tr("記録を選ぶと、ここに内容が表示されます"))
            for v in self.values.values():
                v.setText("")
            return
        self.title.setText(self.tr("相談記録 %1").replace("%1", d.number))
        when = format_wareki(d.received_on, weekday=True)
        if d.received_at:
            when += f" {d.received_at:%H:%M}"
        follow = ""
        if d.follow_up_on:
            follow = format_wareki(d.follow_up_on)
            if d.follow_up_closed_on:
                follow += self.tr("（%1 完了: %2）").replace(
                    "%1", format_wareki(d.follow_up_closed_on)).replace("%2", d.follow_up_outcome)
        person = f"{d.person_name}（{d.person_kana}）" if d.person_id else self.tr("（匿名）")
        texts = {
            "when": when, "kind": codes.KIND.get(d.kind, d.kind),
            "channel": codes.CHANNEL.get(d.channel, d.channel),
            "from_whom": codes.FROM_WHOM.get(d.from_whom, d.from_whom),
            "categories": "・".join(self.category_labels.get(c, c) for c in d.categories),
            "response": codes.RESPONSE.get(d.response, d.response),
            "urgent_note": d.urgent_note, "referred_to": d.referred_to, "person": person,
            "summary": d.summary, "follow_up": follow, "staff": d.staff_name,
        }
        for key, value in texts.items():
            self.values[key].setText(value)
        self.form.setRowVisible(self.values["urgent_note"], bool(d.urgent_note))
