"""The consultation list as a lazy table model: it holds only the pages
of rows that were shown (an LRU cache of pages), so a branch with a
million records opens, scrolls and jumps to the end at once.

Pages are read in the index order (received_on desc, id desc): keyset
paging from a neighbouring cached page when scrolling, otherwise an
offset from the nearer end of the list (so the last page costs what the
first does). ``rowCount`` comes from one COUNT. A query that has to test
each record (a search, a filter on a non-indexed field) runs off the UI
thread when a runner is given: first its first page, then its COUNT,
while the list grows by ``fetchMore``; typing never waits for it.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any, Callable, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from coordinator_app.core import clock, codes
from coordinator_app.core.dates import WEEKDAYS, format_wareki_short
from coordinator_app.services import consultations as svc
from coordinator_app.services.consultations import ConsultationRow, ListQuery
from coordinator_app.ui.table_model import Column, TableModel

DUE_COLOR = QColor("#b00020")
MUTED_COLOR = QColor("#777777")
_USER = int(Qt.UserRole)


class PageSource(Protocol):
    def count(self, query: ListQuery) -> int: ...

    def page(self, query: ListQuery, limit: int, offset: int = 0,
             after: tuple[dt.date, int] | None = None,
             oldest_first: bool = False) -> list[ConsultationRow]: ...


class ServicePages:
    """The list's rows from the consultation service, for one user."""

    def __init__(self, db, user) -> None:
        self.db, self.user = db, user

    def count(self, query: ListQuery) -> int:
        return svc.count_consultations(self.db, self.user, query)

    def page(self, query: ListQuery, limit: int, offset: int = 0,
             after: tuple[dt.date, int] | None = None,
             oldest_first: bool = False) -> list[ConsultationRow]:
        return svc.fetch_page(self.db, self.user, query, limit=limit, offset=offset,
                              after=after, oldest_first=oldest_first)


# run_async(work, on_done): run work() off the UI thread, on_done(result) on it.
RunAsync = Callable[[Callable[[], Any], Callable[[Any], None]], None]


def follow_up_text(row: ConsultationRow, today: dt.date) -> str:
    state = row.follow_up_state(today)
    if state == "none":
        return ""
    if state == "closed":
        return QCoreApplication.translate("ConsultationListModel", "完了")
    prefix = (QCoreApplication.translate("ConsultationListModel", "要フォロー")
              if state == "due" else QCoreApplication.translate("ConsultationListModel", "予定"))
    return f"{prefix} {format_wareki_short(row.follow_up_on)}"


def short_with_weekday(day: dt.date) -> str:
    return f"{format_wareki_short(day)}({WEEKDAYS[day.weekday()]})"


class ConsultationListModel(TableModel):
    """The list's rows come in pages from ``source``; ``Qt.UserRole`` is a
    row's consultation id."""

    COL_NUMBER, COL_DATE, COL_KIND, COL_CHANNEL, COL_FROM, COL_CATEGORIES, COL_RESPONSE, \
        COL_PERSON, COL_FOLLOW_UP = range(9)
    CONTEXT = "ConsultationListModel"
    PAGE_SIZE = 100
    MAX_PAGES = 64

    countChanged = Signal(object)  # the total, or None while it is being counted

    def __init__(self, source: PageSource, category_labels: dict[str, str],
                 run_async: RunAsync | None = None, today: dt.date | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent, [
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "番号"), lambda r: r.number),
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "日付"),
                   # compact (R8.12.2(水)): the whole date fits at 1280×720;
                   # the detail pane gives it in full
                   lambda r: short_with_weekday(r.received_on)),
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "区分"),
                   lambda r: codes.KIND.get(r.kind, r.kind)),
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "方法"),
                   lambda r: codes.CHANNEL.get(r.channel, r.channel)),
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "相談者"),
                   lambda r: codes.FROM_WHOM.get(r.from_whom, r.from_whom)),
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "内容"),
                   lambda r: "・".join(self.category_labels.get(c, c) for c in r.categories)),
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "対応"),
                   lambda r: codes.RESPONSE.get(r.response, r.response)),
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "氏名"),
                   lambda r: r.person_name or self.tr("（匿名）"),
                   foreground=lambda r: MUTED_COLOR if r.person_id is None else None),
            Column(QT_TRANSLATE_NOOP("ConsultationListModel", "フォロー"),
                   lambda r: follow_up_text(r, self._shown_today()),
                   foreground=lambda r: (DUE_COLOR if r.follow_up_state(self._shown_today()) == "due"
                                         else None)),
        ], tooltip=lambda r: r.summary or None)
        self.source = source
        self.category_labels = category_labels
        self.run_async = run_async
        self.today = today
        self.query = ListQuery()
        self._pages: OrderedDict[int, list[ConsultationRow]] = OrderedDict()
        self._total: int | None = 0
        self._loaded = 0  # rows loaded from the top while the total is unknown
        self._generation = 0
        self._today = clock.today()

    # --- the query -------------------------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        """Show the records matching query. When only the index is needed
        (no search, no per-record filter) or no runner is given, the first
        page and the count are read now. Otherwise both are read off the
        UI thread: the list is empty ("counting", total None) until the
        first page arrives, then grows by ``fetchMore`` until the count
        arrives; results of an older query are dropped."""
        self._generation += 1
        generation = self._generation
        self._today = clock.today()  # for the follow-up column, read once
        self.beginResetModel()
        self.query = query
        self._pages.clear()
        self._total, self._loaded = None, 0
        if self.run_async is None or query.index_only():
            first = self.source.page(query, limit=self.PAGE_SIZE)
            self._pages[0] = first
            self._total = len(first) if len(first) < self.PAGE_SIZE else self.source.count(query)
        self.endResetModel()
        self.countChanged.emit(self._total)
        if self._total is None:
            self.run_async(lambda: self.source.page(query, limit=self.PAGE_SIZE),
                           lambda rows: self._first_page_arrived(generation, rows))

    def _first_page_arrived(self, generation: int, rows: list[ConsultationRow]) -> None:
        if generation != self._generation:
            return  # a newer query replaced this one
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._pages[0] = rows
            self._loaded = len(rows)
            self.endInsertRows()
        if len(rows) < self.PAGE_SIZE:
            self._total = len(rows)
            self.countChanged.emit(self._total)
            return
        query = self.query
        self.run_async(lambda: self.source.count(query),
                       lambda n: self._count_arrived(generation, n))

    def refresh(self) -> None:
        self.set_query(self.query)

    @property
    def total(self) -> int | None:
        return self._total

    def _count_arrived(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return  # a newer query replaced this one
        shown = self.rowCount()
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < shown:
            self.beginRemoveRows(QModelIndex(), total, shown - 1)
            self._total = total
            self.endRemoveRows()
        else:
            self._total = total
        self.countChanged.emit(total)

    # --- rows ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return self._loaded if self._total is None else self._total

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return (not parent.isValid() and self._total is None
                and self._loaded % self.PAGE_SIZE == 0 and self._loaded > 0)

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._loaded // self.PAGE_SIZE
        rows = self._read_page(page)
        if not rows:  # the list ended exactly at a page boundary
            self._total = self._loaded
            self.countChanged.emit(self._total)
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + len(rows) - 1)
        self._store(page, rows)
        self._loaded += len(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> ConsultationRow | None:
        """The record shown at row, reading its page if needed."""
        if row < 0 or row >= self.rowCount():
            return None
        page, offset = divmod(row, self.PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._read_page(page)
            self._store(page, rows)
        else:
            self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def row_of(self, consultation_id: int) -> int | None:
        """The row of a record among the pages already read, or None."""
        for page, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r.id == consultation_id:
                    return page * self.PAGE_SIZE + i
        return None

    def _store(self, page: int, rows: list[ConsultationRow]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)

    def _read_page(self, page: int) -> list[ConsultationRow]:
        q, size = self.query, self.PAGE_SIZE
        start = page * size
        before, after = self._pages.get(page - 1), self._pages.get(page + 1)
        if before and len(before) == size:
            return self.source.page(q, limit=size, after=before[-1].sort_key)
        if after:
            rows = self.source.page(q, limit=size, after=after[0].sort_key, oldest_first=True)
            return rows[::-1]
        total = self._total
        if total is not None and start > total // 2:
            end = min(start + size, total)
            rows = self.source.page(q, limit=end - start, offset=total - end, oldest_first=True)
            return rows[::-1]
        return self.source.page(q, limit=size, offset=start)

    # --- what is shown ----------------------------------------------------------------

    def _shown_today(self) -> dt.date:
        return self.today or self._today

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if role == _USER:
            row = self.row_at(index.row()) if index.isValid() else None
            return None if row is None else row.id
        return super().data(index, role)
