"""今月の見守り: the month's worklist (most urgent first), filtered by
area, cooperator and state, with the contact panel beside it.

Loading runs off the UI thread through ``ctx.runner``; after a contact is
saved only that row is refreshed in place (the order stays put during a
phone round) and the selection moves to the next user.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coordinator_app.core import clock
from coordinator_app.core.dates import era_of, month_key, month_last_day
from coordinator_app.services import watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.watch.contact_panel import ContactPanel
from coordinator_app.ui.watch.models import WorklistModel


def month_label(month: int) -> str:
    name, _, n = era_of(dt.date(month // 100, month % 100, 1))
    return f"{name}{'元' if n == 1 else n}年{month % 100}月"


def recent_months(today: dt.date, count: int = 13) -> list[int]:
    y, m = today.year, today.month
    out = []
    for _ in range(count):
        out.append(y * 100 + m)
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


class WorklistPage(QWidget):
    """``loaded`` is emitted after each (re)load with the ``Worklist``."""

    loaded = Signal(object)
    enrolRequested = Signal()

    def __init__(self, ctx: AppContext, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or clock.today()
        self._pending = 0
        self._generation = 0
        self._own_change = False
        self.worklist: watch.Worklist | None = None
        bar = self._build_filters()
        self._build_table()
        self.panel = ContactPanel(ctx, self)
        self.panel.today = self.today
        self.panel.setMinimumWidth(340)
        self.panel.setMaximumWidth(440)
        self._lay_out(bar)
        self._connect()
        self._fill_filters()

    # --- building -----------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        """The bar of filters (month, area, cooperator, state) and buttons,
        and the summary line below it."""
        self.month = QComboBox(self)
        for m in recent_months(self.today):
            self.month.addItem(month_label(m), m)
        self.area = QComboBox(self)
        self.cooperator = QComboBox(self)
        self.state = QComboBox(self)
        self.state.addItem(self.tr("すべて"), None)
        for code in ("unreached", "overdue", "absent_twice", "concern", "no_cooperator",
                     "reached"):
            self.state.addItem(watch.STATE_FILTERS[code], code)
        self.refresh_button = QPushButton(self.tr("更新（F5）"), self)
        self.enrol_button = QPushButton(self.tr("新規登録（Ctrl+N）"), self)
        bar = QHBoxLayout()
        for label, widget in ((self.tr("月(&T)"), self.month), (self.tr("自治会(&A)"), self.area),
                              (self.tr("協力員(&K)"), self.cooperator),
                              (self.tr("表示(&S)"), self.state)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.enrol_button)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("font-size: 12pt; padding: 4px;")
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setWordWrap(True)
        for combo, chars in ((self.month, 9), (self.area, 10), (self.cooperator, 7),
                             (self.state, 8)):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        return bar

    def _build_table(self) -> None:
        self.model = WorklistModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        # The panel beside the list repeats these four: they give way first,
        # so the names of the person and of their cooperators read in full.
        fit_table(self.table, stretch=(WorklistModel.COL_KANA, WorklistModel.COL_AREA,
                                       WorklistModel.COL_LAST, WorklistModel.COL_PHONE))

    def _lay_out(self, bar: QHBoxLayout) -> None:
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 1)
        split.setCollapsible(0, False)
        split.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        for combo in (self.month, self.area, self.cooperator, self.state):
            combo.activated.connect(lambda _=0: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.enrol_button.clicked.connect(self.enrolRequested)
        QShortcut(QKeySequence(Qt.Key_F5), self, self.reload,
                  context=Qt.WidgetWithChildrenShortcut)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _: self.panel.focus_result())
        self.panel.saved.connect(self._saved)
        self.ctx.changes.changed.connect(self._changed)

    # --- filters -------------------------------------------------------------------

    def _fill_filters(self) -> None:
        area, coop = self.area.currentData(), self.cooperator.currentData()
        self.area.clear()
        self.area.addItem(self.tr("すべて"), None)
        for area_id, name in watch.areas(self.ctx.db, self.ctx.user):
            self.area.addItem(name, area_id)
        self.area.setCurrentIndex(max(0, self.area.findData(area)))
        self.panel.set_cooperator_choices(
            watch.cooperators(self.ctx.db, self.ctx.user, self.today))
        rows, _ = watch.cooperator_overview(self.ctx.db, self.ctx.user, self.today)
        self.cooperator.clear()
        self.cooperator.addItem(self.tr("すべて"), None)
        for r in rows:
            self.cooperator.addItem(r.cooperator.name, r.cooperator.id)
        self.cooperator.setCurrentIndex(max(0, self.cooperator.findData(coop)))

    def set_filter(self, state: str | None = None, month: int | None = None,
                   area_id: int | None = None, volunteer_id: int | None = None) -> None:
        """Show the worklist with these filters (the others reset) and reload."""
        self.month.setCurrentIndex(max(0, self.month.findData(month or month_key(self.today))))
        self.state.setCurrentIndex(max(0, self.state.findData(state)))
        self.area.setCurrentIndex(max(0, self.area.findData(area_id)))
        self.cooperator.setCurrentIndex(max(0, self.cooperator.findData(volunteer_id)))
        self.reload()

    # --- loading -------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        db, user, today = self.ctx.db, self.ctx.user, self.today
        month, area = self.month.currentData(), self.area.currentData()
        coop, state = self.cooperator.currentData(), self.state.currentData()
        current = self.panel._row.watch_user_id if self.panel._row else None

        def job(progress):
            return watch.worklist(db, user, month=month, area_id=area, volunteer_id=coop,
                                  state=state, today=today)

        self._run(job, lambda wl: self._show(generation, wl, current),
                  lambda exc: self._failed(generation, exc))

    @property
    def loading(self) -> bool:
        """True while a load runs off the UI thread (tests wait on it)."""
        return self._pending > 0

    def _run(self, job, on_done, on_error=None) -> None:
        self._pending += 1

        def done(result):
            self._pending -= 1
            if isValid(self):  # the screen may be gone when a late load lands
                on_done(result)

        def failed(exc):
            self._pending -= 1
            if on_error and isValid(self):
                on_error(exc)

        self.ctx.runner.run(job, on_done=done, on_error=failed)

    def _show(self, generation: int, wl: watch.Worklist, current: int | None) -> None:
        if generation != self._generation:
            return
        self.worklist = wl
        self.model.set_rows(wl.rows)
        self.summary.setText(self._summary_text(wl))
        row = self.model.index_of(current) if current is not None else -1
        self.select_row(row if row >= 0 else 0)
        self.loaded.emit(wl)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.summary.setText(f"<span style='color:#b00020'>{exc}</span>")

    def _summary_text(self, wl: watch.Worklist) -> str:
        def part(label, n, color=None):
            style = f" style='color:{color}'" if color and n else ""
            return f"{label} <b{style}>{n}</b>人"

        return "　 ".join([
            self.tr("{m}（{d}現在）").format(m=month_label(wl.month),
                                           d=f"{wl.as_of.month}/{wl.as_of.day}"),
            part(self.tr("対象"), wl.total),
            part(self.tr("連絡済み"), wl.reached),
            part(self.tr("未連絡"), wl.unreached, "#1f4e99"),
            part(self.tr("期限超過"), wl.overdue, "#8a6d00"),
            part(self.tr("2回続けて不在"), wl.absent_twice, "#b35c00"),
            part(self.tr("異変対応中"), wl.concern_open, "#b00020"),
            part(self.tr("協力員未割当"), wl.no_cooperator, "#b00020"),
        ])

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.panel.load(None)

    def _current_changed(self, current, _previous) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        month = self.month.currentData() or month_key(self.today)
        default_day = min(self.today, month_last_day(month // 100, month % 100))
        self.panel.load(row, default_day)

    # --- after a contact -------------------------------------------------------------

    def _saved(self, watch_user_id: int, consultation_created: bool) -> None:
        i = self.model.index_of(watch_user_id)
        fresh = watch.worklist_row(self.ctx.db, self.ctx.user, watch_user_id,
                                   self.month.currentData(), today=self.today)
        if fresh is not None:
            self.model.replace_row(fresh)
        self._own_change = True
        try:
            self.ctx.notify("watch")
            if consultation_created:
                self.ctx.notify("consultation")
        finally:
            self._own_change = False
        self._refresh_summary()
        if i + 1 < self.model.rowCount():
            self.select_row(i + 1)
        else:  # the last user: show the saved state, ready for nothing twice
            self.panel.load(fresh, self.panel.day.date())
            self.panel.message.setText(self.panel.message.text() + self.tr("　一覧の最後です"))
        self.panel.focus_result()

    def _refresh_summary(self) -> None:
        """Recount the summary in the background; the rows stay in place."""
        db, user, today = self.ctx.db, self.ctx.user, self.today
        month, area = self.month.currentData(), self.area.currentData()
        coop, generation = self.cooperator.currentData(), self._generation

        def done(wl: watch.Worklist) -> None:
            if generation == self._generation:
                self.summary.setText(self._summary_text(wl))

        self._run(lambda progress: watch.worklist(
            db, user, month=month, area_id=area, volunteer_id=coop, today=today), done)

    def _changed(self, what: str) -> None:
        if self._own_change:
            return
        if what in ("watch", "volunteer", "person", "consultation"):
            if what in ("volunteer", "watch"):
                self._fill_filters()
            self.reload()
