"""災害時安否確認: a roll-call of every active user of the branch (or an
area), marked as calls come in — keyboard only, large targets.

Keys in the list: 1 無事, 2 要支援, 3 連絡不能, 0 未確認に戻す (then the
next unchecked user is selected), ↑/↓ to move, F2 for a note. The
progress "確認 n / m" stays at the top. Entries are fetched a page at a
time (``RollcallModel``), so a large roll-call opens at once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.access import ScopeError
from coordinator_app.services import watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.watch.models import STATUS_COLORS, RollcallModel, local_time

STATUS_KEYS = {Qt.Key_1: "safe", Qt.Key_2: "needs_help", Qt.Key_3: "unreachable",
               Qt.Key_0: "unchecked"}


class RollcallTable(QTableView):
    """The list that takes the 1/2/3/0 keys."""

    def __init__(self, page: "RollcallPage") -> None:
        super().__init__(page)
        self.page = page

    def keyPressEvent(self, event) -> None:
        status = STATUS_KEYS.get(event.key())
        if status is not None and self.state() != QAbstractItemView.EditingState:
            self.page.mark_current(status)
            return
        super().keyPressEvent(event)


class RollcallPage(QWidget):
    def __init__(self, ctx: AppContext, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or clock.today()
        self.rollcall: watch.RollcallInfo | None = None
        self.confirm = True  # tests switch the confirmations off
        bar = self._build_choice()
        self._build_progress()
        self._build_table()
        buttons = self._build_mark_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.start_button.clicked.connect(self.start)
        self.history.activated.connect(lambda _: self.open_rollcall(self.history.currentData()))
        self.close_button.clicked.connect(self.close_rollcall)

    # --- building -----------------------------------------------------------------

    def _build_choice(self) -> QHBoxLayout:
        """Start a roll-call for a scope, or open an earlier one."""
        self.scope = QComboBox(self)
        self.start_button = QPushButton(self.tr("安否確認を開始"), self)
        self.history = QComboBox(self)
        self.history.setMinimumWidth(280)
        self.close_button = QPushButton(self.tr("この安否確認を終了"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("対象"), self))
        bar.addWidget(self.scope)
        bar.addWidget(self.start_button)
        bar.addSpacing(20)
        bar.addWidget(QLabel(self.tr("記録"), self))
        bar.addWidget(self.history, 1)
        bar.addWidget(self.close_button)
        return bar

    def _build_progress(self) -> None:
        self.progress_label = QLabel(self.tr("安否確認は始まっていません"), self)
        big = QFont()
        big.setPointSize(20)
        big.setBold(True)
        self.progress_label.setFont(big)
        self.counts_label = QLabel(self)
        self.counts_label.setStyleSheet("font-size: 13pt;")
        self.progress = QProgressBar(self)
        self.progress.setMinimumHeight(22)
        self.progress.setTextVisible(False)

    def _build_table(self) -> None:
        """Large rows that take the status keys; the note is edited in place."""
        self.model = RollcallModel(self)
        self.model.on_note = self._set_note
        self.table = RollcallTable(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.DoubleClicked)
        row_font = QFont()
        row_font.setPointSize(13)
        self.table.setFont(row_font)
        self.table.verticalHeader().setDefaultSectionSize(40)
        fit_table(self.table, stretch=(5, 6))

    def _build_mark_buttons(self) -> QHBoxLayout:
        """One big button per status (the same as keys 1/2/3/0), and the hint."""
        buttons = QHBoxLayout()
        self.mark_buttons: dict[str, QPushButton] = {}
        for key, status in (("1", "safe"), ("2", "needs_help"), ("3", "unreachable"),
                            ("0", "unchecked")):
            label = (self.tr("未確認に戻す") if status == "unchecked"
                     else watch.ROLLCALL_STATUS[status])
            button = QPushButton(f"{key}  {label}", self)
            button.setMinimumHeight(56)
            button.setFocusPolicy(Qt.NoFocus)
            button.setStyleSheet(f"font-size: 16pt; font-weight: bold; "
                                 f"background: {STATUS_COLORS[status]};")
            button.clicked.connect(lambda _=False, s=status: self.mark_current(s))
            self.mark_buttons[status] = button
            buttons.addWidget(button)
        self.message = QLabel(self.tr("1 無事・2 要支援・3 連絡不能・0 未確認に戻す　"
                                      "↑↓で移動　F2でメモ"), self)
        self.message.setStyleSheet("font-size: 12pt;")
        return buttons

    # --- choosing a roll-call --------------------------------------------------------

    def reload(self) -> None:
        area = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem(self.tr("支部全体"), None)
        for area_id, name in watch.areas(self.ctx.db, self.ctx.user):
            self.scope.addItem(name, area_id)
        self.scope.setCurrentIndex(max(0, self.scope.findData(area)))
        items = watch.list_rollcalls(self.ctx.db, self.ctx.user)
        self.history.clear()
        for info in items:
            self.history.addItem(self._history_label(info), info.id)
        if self.rollcall is None and items:
            open_ones = [i for i in items if i.closed_at is None]
            self.open_rollcall((open_ones or items)[0].id)
        elif self.rollcall is not None:
            self.history.setCurrentIndex(max(0, self.history.findData(self.rollcall.id)))

    def start(self) -> None:
        area_id = self.scope.currentData()
        if self.confirm:
            answer = QMessageBox.question(
                self, self.tr("安否確認の開始"),
                self.tr("{scope}の見守り利用者全員の安否確認を始めます。よろしいですか？")
                .format(scope=self.scope.currentText()))
            if answer != QMessageBox.Yes:
                return
        try:
            info = watch.start_rollcall(self.ctx.db, self.ctx.user, area_id, today=self.today)
        except (ValueError, ScopeError) as exc:
            self.message.setText(str(exc))
            return
        self.ctx.notify("watch")
        self.rollcall = None
        self.open_rollcall(info.id)
        self.reload()

    def open_rollcall(self, rollcall_id: int | None) -> None:
        if rollcall_id is None:
            return
        info = watch.rollcall_info(self.ctx.db, self.ctx.user, rollcall_id)
        self.rollcall = info
        db, user = self.ctx.db, self.ctx.user
        self.model.reset(info.progress.total,
                         lambda offset, limit: watch.rollcall_page(db, user, rollcall_id,
                                                                   offset, limit))
        self._show_progress(info.progress)
        closed = info.closed_at is not None
        self.close_button.setEnabled(not closed)
        for button in self.mark_buttons.values():
            button.setEnabled(not closed)
        if closed:
            self.message.setText(self.tr("この安否確認は終了しています（閲覧のみ）"))
        self.table.setFocus()
        self.select(self._next_unchecked(-1))

    def _history_label(self, info: watch.RollcallInfo) -> str:
        state = self.tr("終了") if info.closed_at else self.tr("実施中")
        return (f"{local_time(info.started_at, with_date=True)} {info.scope_label} "
                f"{info.progress.checked}/{info.progress.total}（{state}）")

    def _show_progress(self, p: watch.RollcallProgress) -> None:
        scope = self.rollcall.scope_label if self.rollcall else ""
        self.progress_label.setText(self.tr("{scope}　確認 {n} / {m}")
                                    .format(scope=scope, n=p.checked, m=p.total))
        self.counts_label.setText("　".join(
            f"{label} {p.counts.get(code, 0)}" for code, label in watch.ROLLCALL_STATUS.items()))
        self.progress.setMaximum(max(p.total, 1))
        self.progress.setValue(p.checked)
        if self.rollcall is not None:
            i = self.history.findData(self.rollcall.id)
            if i >= 0:
                info = watch.RollcallInfo(self.rollcall.id, self.rollcall.area,
                                          self.rollcall.started_at, self.rollcall.started_by,
                                          self.rollcall.closed_at, p)
                self.history.setItemText(i, self._history_label(info))

    # --- marking ---------------------------------------------------------------------

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.selectRow(row)
            self.table.scrollTo(index)

    def _next_unchecked(self, after: int) -> int:
        """The next unchecked row after ``after`` (fetching pages as needed,
        wrapping to the top); -1 when every entry is checked."""
        row = after + 1
        while True:
            while row < self.model.rowCount():
                if self.model.row_at(row).status == "unchecked":
                    return row
                row += 1
            if not self.model.canFetchMore():
                break
            self.model.fetchMore()
        for row in range(0, min(after + 1, self.model.rowCount())):
            if self.model.row_at(row).status == "unchecked":
                return row
        return -1

    def mark_current(self, status: str) -> None:
        index = self.table.currentIndex()
        if self.rollcall is None or not index.isValid():
            return
        row = index.row()
        entry = self.model.row_at(row)
        try:
            fresh, progress = watch.mark_entry(self.ctx.db, self.ctx.user, entry.id, status)
        except (ValueError, ScopeError, LookupError) as exc:
            self.message.setText(str(exc))
            return
        self.model.replace_row(row, fresh)
        self._show_progress(progress)
        self.message.setText(self.tr("{name}: {status}（{time}）").format(
            name=fresh.name, status=watch.ROLLCALL_STATUS[status],
            time=local_time(fresh.checked_at) or "—"))
        if status == "unchecked":
            return
        following = self._next_unchecked(row)
        self.select(following if following >= 0 else row)
        if following < 0:
            self.message.setText(self.tr("全員の確認が終わりました（{n}人）").format(n=progress.total))

    def _set_note(self, entry: watch.RollcallEntryRow, note: str) -> None:
        try:
            fresh, _ = watch.mark_entry(self.ctx.db, self.ctx.user, entry.id, note=note)
        except (ValueError, ScopeError, LookupError) as exc:
            self.message.setText(str(exc))
            return
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == entry.id:
                self.model.replace_row(row, fresh)

    def close_rollcall(self) -> None:
        if self.rollcall is None:
            return
        if self.confirm and QMessageBox.question(
                self, self.tr("安否確認の終了"),
                self.tr("この安否確認を終了します。終了後は記録の変更ができません。よろしいですか？")
        ) != QMessageBox.Yes:
            return
        info = watch.close_rollcall(self.ctx.db, self.ctx.user, self.rollcall.id)
        self.ctx.notify("watch")
        self.open_rollcall(info.id)
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()
        self.table.setFocus()
