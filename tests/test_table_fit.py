"""Tables fit (issue 18): at 1280×720 every main list shows all its
columns without sideways scrolling, every header reads in full, and a
cell whose text is cut off shows the whole text in its tooltip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QTableView, QTabWidget

from coordinator_app.ui.main_window import MainWindow
from coordinator_app.ui.table_view import elided_tooltip, fit_widths
from tests.helpers import make_context

# (screen, tab) of the main lists a coordinator works in
LISTS = [("consultations", 0), ("consultations", 1), ("watch", 0), ("watch", 1), ("watch", 2),
         ("volunteers", 0), ("volunteers", 1), ("gatherings", 0), ("gatherings", 1),
         ("printing", None)]


@settings(max_examples=30, deadline=None)
@given(sizes=st.lists(st.tuples(st.integers(20, 120), st.integers(0, 600)), min_size=1,
                      max_size=12),
       space=st.integers(100, 1600), stretch=st.lists(st.integers(0, 11), max_size=3))
def test_widths_fill_the_space_and_never_cut_a_header(sizes, space, stretch):
    heads = [h for h, _ in sizes]
    wants = [h + w for h, w in sizes]
    widths = fit_widths(heads, wants, space, stretch)
    assert all(w >= h for w, h in zip(widths, heads))
    if sum(heads) <= space:
        assert sum(widths) == space  # no sideways scrolling, no empty strip
    else:
        assert widths == heads
    takers = [c for c in stretch if c < len(heads)]
    if sum(min(w, max(int(space * 0.45), 1)) for w in wants) < space and takers:
        # spare width goes to the free-text columns, not to the last one alone
        others = [c for c in range(len(heads)) if c not in takers]
        assert all(widths[c] <= max(heads[c], wants[c]) for c in others)


def _lists_shown(window: MainWindow, qtbot):
    for key, tab in LISTS:
        window.show_screen(key)
        page = window.pages[key]
        if tab is not None:
            page.findChild(QTabWidget).setCurrentIndex(tab)
        window.ctx.runner.wait()
        qtbot.wait(30)
        views = [v for v in page.findChildren(QTableView) if v.isVisible()]
        assert views, (key, tab)
        yield key, tab, views


@pytest.fixture
def window(qtbot, demo_db, coordinator):
    w = MainWindow(make_context(demo_db, coordinator), 0)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_main_lists_fit_1280x720_with_whole_headers(window, qtbot):
    for key, tab, views in _lists_shown(window, qtbot):
        for view in views:
            header = view.horizontalHeader()
            model = view.model()
            shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
            for c in shown:
                text = str(model.headerData(c, header.orientation()))
                need = header.fontMetrics().horizontalAdvance(text)
                assert header.sectionSize(c) >= need, (key, tab, text)
            total = sum(header.sectionSize(c) for c in shown)
            assert total <= view.viewport().width(), (key, tab, total)
            assert not view.horizontalScrollBar().isVisible(), (key, tab)


def test_a_cut_off_cell_shows_its_whole_text_as_tooltip(window, qtbot):
    window.show_screen("consultations")
    view = window.pages["consultations"].table
    window.ctx.runner.wait()
    qtbot.wait(30)
    model = view.model()
    column = model.COL_CATEGORIES
    view.setColumnWidth(column, 30)  # as if the person narrowed it
    index = model.index(0, column)
    text = model.data(index)
    assert text
    assert elided_tooltip(view, index).startswith(text)
    view.setColumnWidth(column, 900)
    # whole again: the record's own tooltip (its summary), not the cell's text
    assert elided_tooltip(view, index) == model.data(index, 3)  # Qt.ToolTipRole


def test_the_indicator_chart_legend_never_covers_its_title(qtbot):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QFontMetrics

    from coordinator_app.ui.tallies.charts import TrendChart

    chart = TrendChart()
    qtbot.addWidget(chart)
    months = [f"{m}月" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]
    chart.set_series(months, [3, 5, None] * 4, [4] * 12,
                     title="地域の見守り・支え合い活動に参加した住民の人数（延べ人数）")
    fm = QFontMetrics(chart.font())
    bold = QFont(chart.font())
    bold.setBold(True)
    title_width = QFontMetrics(bold).horizontalAdvance(chart.title)
    for width in range(320, 1300, 40):
        chart.resize(width, 260)
        title = QRectF((width - title_width) / 2, 2, title_width, fm.height() + 6)
        assert not chart.legend_rect(fm).intersects(title), width
        chart.grab()  # paints without error


def test_the_administrators_lists_fit_too(qtbot, demo_db):
    """設定's tabs (accounts, branches, code lists, backups, 監査ログ)."""
    from coordinator_app.core.access import SignedIn
    from coordinator_app.services import backups

    backups.make_backup(demo_db, "manual")
    admin = SignedIn(0, "admin", "管理者", "admin", None, None, None)
    window = MainWindow(make_context(demo_db, admin), 0)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("settings")
    tabs = window.pages["settings"].findChild(QTabWidget)
    checked = 0
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        window.ctx.runner.wait()
        qtbot.wait(30)
        for view in [v for v in tabs.widget(i).findChildren(QTableView) if v.isVisible()]:
            header = view.horizontalHeader()
            shown = [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]
            for c in shown:
                text = str(view.model().headerData(c, header.orientation()))
                assert header.sectionSize(c) >= header.fontMetrics().horizontalAdvance(text), text
            assert sum(header.sectionSize(c) for c in shown) <= view.viewport().width()
            checked += 1
    assert checked >= 3
