"""相談記録 screen: the branch's records newest first (a lazy list that
stays instant with a million records), filters and kana-insensitive
search, the selected record beside the list, and the 要フォロー tab.

Keys: Ctrl+N new record, Ctrl+F search, Enter edit, Delete delete (asks),
Ctrl+Z undo the last deletion (until the window closes), Ctrl+H the
person's history. ``show_filter("this_month" | "last_month" |
"this_fiscal_year" | "follow_up_due" | "all")`` is how ホーム opens it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import codes
from coordinator_app.services import consultations as svc
from coordinator_app.services.consultations import ListQuery
from coordinator_app.ui.consultations.deleted import DeletedConsultationsDialog
from coordinator_app.ui.consultations.detail import ConsultationDetailPanel
from coordinator_app.ui.consultations.follow_ups import FollowUpView
from coordinator_app.ui.consultations.form import ConsultationForm
from coordinator_app.ui.consultations.list_model import (
    ConsultationListModel,
    ServicePages,
)
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.person_history import PersonHistoryDialog
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.widgets import DateLineEdit

SEARCH_DELAY_MS = 150
LIST_TAB, FOLLOW_UP_TAB = 0, 1


class ConsultationsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.category_labels = svc.category_labels(ctx.db)
        self._undo: list[int] = []  # ids deleted from this screen, latest last
        self._want_id: int | None = None  # to select once the rows arrive
        self._list_count = ""
        self._follow_up_total = 0
        self.form: ConsultationForm | None = None

        self.new_button = QPushButton(self.tr("新しい記録 (Ctrl+N)"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("検索: 内容・氏名・ふりがな（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.deleted_button = QPushButton(self.tr("削除した記録…"), self)
        self.period = QComboBox(self)
        for key, label in (("", self.tr("すべての期間")), ("this_month", self.tr("今月")),
                           ("last_month", self.tr("先月")),
                           ("this_fiscal_year", self.tr("今年度")),
                           ("custom", self.tr("期間指定"))):
            self.period.addItem(label, key)
        self.date_from = DateLineEdit(self, allow_future=True)
        self.date_to = DateLineEdit(self, allow_future=True)
        self.range_sep = QLabel("〜", self)
        self.kind = self._combo(self.tr("すべての区分"), codes.KIND)
        self.category = self._combo(self.tr("すべての相談内容"),
                                    dict(svc.category_choices(ctx.db)))
        self.response = self._combo(self.tr("すべての対応"), codes.RESPONSE)
        self.follow_up = self._combo(self.tr("フォロー: すべて"), svc.FOLLOW_UP_STATES)
        self.clear_button = QPushButton(self.tr("条件をクリア"), self)

        self.model = ConsultationListModel(
            ServicePages(ctx.db, ctx.user), self.category_labels,
            run_async=lambda work, done: ctx.runner.run(lambda _p: work(), on_done=done),
            parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self._setup_table()
        self.detail = ConsultationDetailPanel(self.category_labels, self)
        self.follow_ups = FollowUpView(ctx, self.category_labels, self)
        self.count_label = QLabel(self)
        self.message = QLabel(self)
        self.undo_button = QPushButton(self.tr("元に戻す (Ctrl+Z)"), self)
        self.undo_button.hide()
        self._layout()
        self._connect()
        self.apply_filters()
        self.follow_ups.refresh()

    # --- building ------------------------------------------------------------------------

    def _combo(self, everything: str, choices: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for code, label in choices.items():
            combo.addItem(label, code)
        return combo

    def _setup_table(self) -> None:
        t = self.table
        t.setSelectionBehavior(QAbstractItemView.SelectRows)
        t.setSelectionMode(QAbstractItemView.SingleSelection)
        t.setEditTriggers(QAbstractItemView.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.verticalHeader().hide()
        # Fixed row heights: the view never measures a million rows.
        t.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        t.verticalHeader().setDefaultSectionSize(26)
        fit_table(t, stretch=(ConsultationListModel.COL_CATEGORIES,))

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.search, 1)
        top.addWidget(self.deleted_button)
        filters = QHBoxLayout()
        filters.addWidget(self.period)
        for w in (self.date_from, self.range_sep, self.date_to):
            filters.addWidget(w)
            w.hide()
        for w in (self.kind, self.category, self.response, self.follow_up, self.clear_button):
            filters.addWidget(w)
        filters.addStretch(1)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1030, 310])
        list_page = QWidget(self)
        page = QVBoxLayout(list_page)
        page.setContentsMargins(0, 4, 0, 0)
        page.addLayout(filters)
        page.addWidget(split, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(list_page, self.tr("相談記録一覧"))
        self.tabs.addTab(self.follow_ups, self.tr("要フォロー"))
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addSpacing(24)
        status.addWidget(self.message)
        status.addWidget(self.undo_button)
        status.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(status)

    def _connect(self) -> None:
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.period.currentIndexChanged.connect(self._period_changed)
        for field in (self.date_from, self.date_to):
            field.edit.editingFinished.connect(self.apply_filters)
        for combo in (self.kind, self.category, self.response, self.follow_up):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.clear_button.clicked.connect(lambda: self.show_filter("all"))
        self.new_button.clicked.connect(self.new_record)
        self.deleted_button.clicked.connect(self.show_deleted)
        self.undo_button.clicked.connect(self.undo_delete)
        self.model.countChanged.connect(self._count_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_current())
        self.model.modelReset.connect(self._show_current)
        self.model.rowsInserted.connect(self._rows_arrived)
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.detail.editRequested.connect(self.edit_record)
        self.detail.deleteRequested.connect(self.delete_record)
        self.detail.historyRequested.connect(self.open_history)
        self.follow_ups.openRequested.connect(self.edit_record)
        self.follow_ups.historyRequested.connect(self.open_history)
        self.follow_ups.countChanged.connect(self._follow_up_count)
        self.ctx.changes.changed.connect(self._changed)
        self.tabs.currentChanged.connect(lambda _i: self._show_count())
        shortcuts = (("Ctrl+N", self.new_record), ("Ctrl+F", self._focus_search),
                     ("Ctrl+Z", self.undo_delete), ("Ctrl+H", self._history_of_selected))
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, slot, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key_Delete), self.table, self.delete_selected,
                  context=Qt.WidgetShortcut)

    # --- filters ------------------------------------------------------------------------

    def query(self) -> ListQuery:
        period = self.period.currentData()
        date_from = date_to = None
        if period == "custom":
            date_from, date_to = self.date_from.date(), self.date_to.date()
        elif period:
            date_from, date_to = svc.period_range(period)
        return ListQuery(date_from=date_from, date_to=date_to, kind=self.kind.currentData(),
                         category=self.category.currentData(),
                         response=self.response.currentData(),
                         follow_up=self.follow_up.currentData(), text=self.search.text())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.query())
        self.table.scrollToTop()
        self._select_when_loaded(None)

    def _search_now(self) -> None:
        self.apply_filters()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        for w in (self.date_from, self.range_sep, self.date_to):
            w.setVisible(custom)
        if custom and self.date_from.date() is None:
            first, last = svc.period_range("this_month")
            self.date_from.setDate(first)
            self.date_to.setDate(last)
        self.apply_filters()

    def show_filter(self, name: str) -> None:
        """Open on a named view: "this_month", "last_month",
        "this_fiscal_year" or "all" (the list, other filters cleared), or
        "follow_up_due" (the 要フォロー tab)."""
        if name == "follow_up_due":
            self.follow_ups.refresh()
            self.tabs.setCurrentIndex(FOLLOW_UP_TAB)
            self.follow_ups.table.setFocus()
            return
        if name not in ("all", *svc.PERIODS):
            return
        widgets = (self.period, self.kind, self.category, self.response, self.follow_up,
                   self.search)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        for combo in widgets[1:-1]:
            combo.setCurrentIndex(0)
        self.period.setCurrentIndex(max(0, self.period.findData("" if name == "all" else name)))
        for w in (self.date_from, self.range_sep, self.date_to):
            w.hide()
        for w in widgets:
            w.blockSignals(False)
        self.tabs.setCurrentIndex(LIST_TAB)
        self.apply_filters()

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(LIST_TAB)
        self.search.setFocus()
        self.search.selectAll()

    # --- what is shown -----------------------------------------------------------------

    def _count_changed(self, total) -> None:
        if total is None:
            self._list_count = self.tr("検索しています…")
        else:
            self._list_count = self.tr("%1件").replace("%1", f"{total:,}")
        self._show_count()

    def _follow_up_count(self, n: int) -> None:
        label = self.tr("要フォロー (%1)").replace("%1", str(n)) if n else self.tr("要フォロー")
        self.tabs.setTabText(FOLLOW_UP_TAB, label)
        self._follow_up_total = n
        self._show_count()

    def _show_count(self) -> None:
        if self.tabs.currentIndex() == FOLLOW_UP_TAB:
            self.count_label.setText(self.tr("要フォロー %1件").replace(
                "%1", str(self._follow_up_total)))
        else:
            self.count_label.setText(self._list_count)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, Qt.UserRole) if index.isValid() else None

    def _show_current(self) -> None:
        cid = self.selected_id()
        detail = None
        if cid is not None:
            try:
                detail = svc.get_consultation(self.ctx.db, self.ctx.user, cid)
            except LookupError:
                detail = None
        self.detail.show_detail(detail)

    def _select_when_loaded(self, consultation_id: int | None) -> None:
        """Select that record (or the first row) now, or as soon as the
        rows of a query running off the UI thread arrive."""
        self._want_id = consultation_id
        self._rows_arrived()

    def _rows_arrived(self, *_args) -> None:
        if self._want_id is not None and self.select_record(self._want_id):
            self._want_id = None
        elif not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def select_record(self, consultation_id: int) -> bool:
        row = self.model.row_of(consultation_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.table.scrollTo(index)
        return True

    def _changed(self, what: str) -> None:
        if what not in ("consultation", "person", "watch", "category"):
            return
        if what == "category":
            self.category_labels.clear()
            self.category_labels.update(svc.category_labels(self.ctx.db))
        keep = self._want_id or self.selected_id()
        self.model.refresh()
        self._select_when_loaded(keep)
        self._show_current()
        self.follow_ups.refresh()

    def _say(self, text: str, undo: bool = False) -> None:
        self.message.setText(text)
        self.undo_button.setVisible(undo and bool(self._undo))

    # --- actions -------------------------------------------------------------------------

    def new_record(self) -> ConsultationForm:
        return self._open_form(None)

    def edit_selected(self) -> ConsultationForm | None:
        cid = self.selected_id()
        return self._open_form(cid) if cid is not None else None

    def edit_record(self, consultation_id: int) -> ConsultationForm | None:
        return self._open_form(consultation_id)

    def _open_form(self, consultation_id: int | None) -> ConsultationForm | None:
        try:
            form = ConsultationForm(self.ctx, consultation_id, self)
        except (LookupError, PermissionError) as exc:
            QMessageBox.warning(self, self.tr("開けませんでした"), str(exc))
            return None
        form.setAttribute(Qt.WA_DeleteOnClose)
        form.saved.connect(self._saved)
        form.finished.connect(lambda _r: setattr(self, "form", None))
        self.form = form
        form.open()
        return form

    def _saved(self, consultation_id: int) -> None:
        self._say(self.tr("保存しました（%1）").replace("%1", self._number(consultation_id)))
        if self.tabs.currentIndex() == LIST_TAB:
            self._select_when_loaded(consultation_id)
            self.table.setFocus()

    def delete_selected(self) -> None:
        cid = self.selected_id()
        if cid is not None:
            self.delete_record(cid)

    def delete_record(self, consultation_id: int) -> None:
        answer = QMessageBox.question(
            self, self.tr("相談記録の削除"),
            self.tr("この相談記録を削除しますか？\n削除した記録は集計から外れます。"
                    "この画面を閉じるまでは Ctrl+Z で元に戻せます。"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return
        row = self.table.currentIndex().row()
        db, user = self.ctx.db, self.ctx.user

        def done(_result) -> None:
            self._undo.append(consultation_id)
            self.ctx.notify("consultation")
            if self.model.rowCount():
                self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
            self._say(self.tr("削除しました（%1）").replace("%1", self._number(consultation_id)),
                      undo=True)

        self.ctx.runner.run(lambda _p: svc.delete_consultation(db, user, consultation_id),
                            on_done=done, on_error=self._failed)

    def undo_delete(self) -> None:
        if not self._undo:
            return
        consultation_id = self._undo.pop()
        db, user = self.ctx.db, self.ctx.user

        def done(_result) -> None:
            self.ctx.notify("consultation")
            self._select_when_loaded(consultation_id)
            self._say(self.tr("元に戻しました（%1）").replace("%1", self._number(consultation_id)),
                      undo=True)

        def failed(exc: BaseException) -> None:
            self._undo.append(consultation_id)
            self._failed(exc)

        self.ctx.runner.run(lambda _p: svc.restore_consultation(db, user, consultation_id),
                            on_done=done, on_error=failed)

    def _number(self, consultation_id: int) -> str:
        """The record's 相談番号 for a message (the database id stays internal)."""
        return svc.record_number(self.ctx.db, self.ctx.user, consultation_id)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("できませんでした"), str(exc))

    def _history_of_selected(self) -> None:
        if self.tabs.currentIndex() == FOLLOW_UP_TAB:
            self.follow_ups.history_of_selected()
            return
        d = self.detail.detail
        if d is not None and d.person_id is not None:
            self.open_history(d.person_id)

    def open_history(self, person_id: int) -> PersonHistoryDialog | None:
        try:
            dialog = PersonHistoryDialog(self.ctx, person_id, self)
        except (LookupError, PermissionError) as exc:
            QMessageBox.warning(self, self.tr("開けませんでした"), str(exc))
            return None
        dialog.open()
        return dialog

    def show_deleted(self) -> DeletedConsultationsDialog:
        dialog = DeletedConsultationsDialog(self.ctx, self)
        dialog.open()
        return dialog
