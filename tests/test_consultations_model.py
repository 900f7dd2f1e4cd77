"""The lazy list model without a database: a fake source of a million
rows shows which pages the model asks for."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt

from coordinator_app.services.consultations import ConsultationRow, ListQuery
from coordinator_app.ui.consultations.list_model import ConsultationListModel

BASE = dt.date(2000, 1, 1)


class FakeSource:
    """N records, newest first: position i has id N - i."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.calls: list[tuple] = []

    def row(self, position: int) -> ConsultationRow:
        cid = self.n - position
        return ConsultationRow(cid, BASE + dt.timedelta(days=cid // 10), None, "contact",
                               "phone", "self", "listened", ("life",), None, "", "", "",
                               None, None)

    def count(self, query: ListQuery) -> int:
        self.calls.append(("count",))
        return self.n

    def page(self, query, limit, offset=0, after=None, oldest_first=False):
        self.calls.append(("page", limit, offset, after, oldest_first))
        if after is not None:
            start = self.n - after[1] + (-1 if oldest_first else 1)
        else:
            start = self.n - 1 - offset if oldest_first else offset
        step = -1 if oldest_first else 1
        positions = range(start, start + step * limit, step)
        return [self.row(p) for p in positions if 0 <= p < self.n]


def test_opens_with_one_page_and_one_count(qtbot):
    source = FakeSource(1_000_000)
    model = ConsultationListModel(source, {"life": "生活"})
    model.set_query(ListQuery())
    assert model.rowCount() == 1_000_000
    assert [c[0] for c in source.calls] == ["page", "count"]
    assert model.data(model.index(0, model.COL_CATEGORIES)) == "生活"
    assert model.data(model.index(0, 0), Qt.UserRole) == 1_000_000


def test_last_rows_are_read_from_the_end_and_neighbours_by_keyset(qtbot):
    source = FakeSource(1_000_000)
    model = ConsultationListModel(source, {})
    model.set_query(ListQuery())
    source.calls.clear()
    assert model.data(model.index(999_999, 0), Qt.UserRole) == 1
    assert source.calls == [("page", 100, 0, None, True)]  # oldest first, no offset
    assert model.data(model.index(999_900, 0), Qt.UserRole) == 100
    source.calls.clear()
    assert model.data(model.index(999_850, 0), Qt.UserRole) == 150
    assert source.calls[0][3] is not None and source.calls[0][4]  # keyset, from below
    source.calls.clear()
    assert model.data(model.index(150, 0), Qt.UserRole) == 1_000_000 - 150
    assert source.calls[0][3] is not None and not source.calls[0][4]  # keyset after page 0
    source.calls.clear()
    assert model.data(model.index(400_000, 0), Qt.UserRole) == 600_000
    assert source.calls == [("page", 100, 400_000, None, False)]


def test_page_cache_is_bounded(qtbot):
    source = FakeSource(100_000)
    model = ConsultationListModel(source, {})
    model.set_query(ListQuery())
    for row in range(0, 100_000, 997):
        assert model.data(model.index(row, 0), Qt.UserRole) == 100_000 - row
    assert len(model._pages) <= model.MAX_PAGES


def test_a_search_runs_off_the_ui_thread_and_the_list_grows_meanwhile(qtbot):
    source = FakeSource(250)
    pending = []
    model = ConsultationListModel(source, {}, run_async=lambda work, done: pending.append(
        (work, done)))
    counts = []
    model.countChanged.connect(counts.append)
    model.set_query(ListQuery(text="やまだ"))
    assert model.rowCount() == 0 and source.calls == []  # nothing read on the UI thread
    work, done = pending.pop()
    done(work())  # the first page
    assert model.rowCount() == 100 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    stale_work, stale_done = pending.pop()  # its count
    model.set_query(ListQuery(text="やまだ"))  # typed again: the first query is stale
    stale_done(stale_work())
    assert model.rowCount() == 0
    work, done = pending.pop()
    done(work())
    work, done = pending.pop()
    done(work())
    assert model.rowCount() == 250 and not model.canFetchMore(QModelIndex())
    assert counts == [None, None, 250]
    assert model.data(model.index(249, 0), Qt.UserRole) == 1


def test_a_short_result_needs_no_count(qtbot):
    source = FakeSource(30)
    pending = []
    model = ConsultationListModel(source, {}, run_async=lambda work, done: pending.append(
        (work, done)))
    model.set_query(ListQuery(kind="contact"))
    work, done = pending.pop()
    done(work())
    assert model.rowCount() == model.total == 30 and not pending
    assert ("count",) not in source.calls
