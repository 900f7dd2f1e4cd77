"""印刷台帳: who printed which list, for whom, and whether the copies came
back or were shredded. Administrators see every branch; a coordinator
sees their branch's prints. Both record returns and shredding here."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.services import printing
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.printing.models import RegisterModel
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts


class DisposalDialog(QDialog):
    """Record that the copies of one print were returned or shredded."""

    recorded = Signal(int)

    def __init__(self, ctx: AppContext, entry: printing.RegisterEntry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.entry = ctx, entry
        self.setWindowTitle(self.tr("返却・細断の記録"))
        self.returned = QRadioButton(self.tr("返却された(&R)"), self)
        self.shredded = QRadioButton(self.tr("細断した(&S)"), self)
        (self.shredded if entry.disposal != "returned" else self.returned).setChecked(True)
        self.on = DateLineEdit(self, required=True)
        self.on.setDate(entry.disposed_on or clock.today())
        self.note = QLineEdit(entry.disposal_note, self)
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("例: 2部とも返却、支部で細断"))
        what = QLabel(self.tr("{title}（控番号 {copies}、{recipient}）").format(
            title=entry.list_title, copies=entry.copy_text or "―",
            recipient=entry.recipient or self.tr("渡した相手の記入なし")), self)
        what.setWordWrap(True)
        choice = QHBoxLayout()
        choice.addWidget(self.returned)
        choice.addWidget(self.shredded)
        choice.addStretch(1)
        form = QFormLayout()
        form.addRow(what)
        form.addRow(self.tr("どうなったか"), choice)
        form.addRow(self.tr("日付(&D)"), self.on)
        form.addRow(self.tr("メモ(&M)"), self.note)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.ok = QPushButton(self.tr("記録する (Ctrl+S)"), self)
        cancel = QPushButton(self.tr("キャンセル"), self)
        for b in (self.ok, cancel):
            b.setAutoDefault(False)
        self.ok.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        save_shortcuts(self, self.save, self.ok)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.ok)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        self.setFocusProxy(self.on)

    def save(self) -> None:
        if self.on.error():
            self.error.setText(self.tr("日付: ") + self.on.error())
            return
        db, user, rid = self.ctx.db, self.ctx.user, self.entry.id
        how = "returned" if self.returned.isChecked() else "shredded"
        day, note = self.on.date(), self.note.text()
        self.ok.setEnabled(False)
        self.ctx.runner.run(lambda _p: printing.record_disposal(db, user, rid, how, day, note),
                            on_done=self._done, on_error=self._failed)

    def _done(self, _result) -> None:
        self.ctx.notify("print")
        if not shiboken6.isValid(self):
            return
        self.recorded.emit(self.entry.id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.ok.setEnabled(True)
        self.error.setText(str(exc))


class RegisterView(QWidget):
    """The register as a table, newest first, with a filter for copies
    still out and a button to record a return or shredding."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        fit_table(self.table)
        self.only_open = QCheckBox(self.tr("未返却の控えだけ表示(&O)"), self)
        self.only_open.toggled.connect(self.reload)
        self.dispose = QPushButton(self.tr("返却・細断を記録… (Enter)"), self)
        self.dispose.setAutoDefault(False)
        self.dispose.clicked.connect(self.record_selected)
        self.table.activated.connect(lambda _i: self.record_selected())
        self.status = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("印刷台帳"), self))
        bar.addWidget(self.only_open)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.dispose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        ctx.changes.changed.connect(self._on_change)
        self.reload()

    def _on_change(self, what: str) -> None:
        if what == "print":
            self.reload()

    def reload(self) -> None:
        db, user, only_open = self.ctx.db, self.ctx.user, self.only_open.isChecked()
        self.ctx.runner.run(lambda _p: printing.register_entries(db, user, only_open=only_open),
                            on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self) and shiboken6.isValid(self.status):
            self.status.setText(str(exc))

    def _loaded(self, rows) -> None:
        if not (shiboken6.isValid(self) and shiboken6.isValid(self.status)):
            return
        self.model.set_rows(rows)
        out = sum(1 for r in rows if not r.disposal and r.first_copy_no is not None)
        self.status.setText(self.tr("{n}件（未返却 {out}件）").format(n=len(rows), out=out))

    def selected_entry(self) -> printing.RegisterEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def record_selected(self) -> DisposalDialog | None:
        entry = self.selected_entry()
        if entry is None:
            self.status.setText(self.tr("記録する行を選んでください"))
            return None
        dialog = DisposalDialog(self.ctx, entry, self)
        dialog.open()
        return dialog
