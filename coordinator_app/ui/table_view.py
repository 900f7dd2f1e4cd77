"""The one way a list's columns are sized (issue 18): ``fit_table(view)``.

Every column gets the width of its header text and its content (measured
on the rows on screen, or the first ``SAMPLE`` rows, never the whole
model: the consultation list is lazy and may hold a million rows). The
widths then fit the view: spare width is shared by the ``stretch``
columns (the free-text ones), or by all columns when none is named, never
given to the last column alone; when the columns are too wide for the
view, the widest ones give way down to their header's width, so a header
always reads in full and the view needs no sideways scrolling while the
headers fit. Text that is still cut off ends in "…" and shows in full in
its tooltip;
rows whose cells hold several lines get their height.

The widths are fitted again when the view is resized or its model is
reset, until the person drags a column edge themselves (then that view
keeps their widths until it is resized).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
)

SAMPLE = 60  # rows measured per column besides those on screen (within the first page)
MAX_SHARE = 0.45  # no column wants more than this share of the view's width
MULTI_LINE_ROWS = 2000  # rows measured one by one for their height, at most
_PADDING = 16  # the cell's margins and focus frame, beyond the text itself
_DISPLAY, _TOOLTIP = int(Qt.DisplayRole), int(Qt.ToolTipRole)


def _text(index: QModelIndex) -> str:
    value = index.data(_DISPLAY)
    return value if isinstance(value, str) else ("" if value is None else str(value))


def elided_tooltip(view: QTableView, index: QModelIndex) -> str | None:
    """The tooltip of a cell: its whole text when the column shows less of
    it (ahead of the model's own tooltip, if any), else the model's own."""
    own = index.data(_TOOLTIP)
    text = _text(index)
    if not text:
        return own
    metrics = view.fontMetrics()
    lines = text.splitlines() or [text]
    wide = max(metrics.horizontalAdvance(line) for line in lines) + _PADDING
    tall = len(lines) * metrics.lineSpacing() + 4
    cut = wide > view.columnWidth(index.column()) or tall > view.rowHeight(index.row())
    if not cut:
        return own
    if own and text in str(own):
        return own
    return f"{text}\n\n{own}" if own else text


class _FittingDelegate(QStyledItemDelegate):
    """Shows ``elided_tooltip`` over a cell."""

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.ToolTip and index.isValid() and isinstance(view, QTableView):
            tip = elided_tooltip(view, index)
            if tip:
                QToolTip.showText(event.globalPos(), str(tip), view)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().helpEvent(event, view, option, index)


class _Fitter(QObject):
    """Keeps one view's columns fitted (see the module docstring)."""

    def __init__(self, view: QTableView, stretch: Sequence[int], max_width: int | None) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = tuple(stretch)
        self.max_width = max_width
        self.fitting = False
        self.user_sized = False
        self.model = None
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setTextElideMode(Qt.ElideNone)
        header.sectionResized.connect(self._resized_by_hand)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        # A cut line ends in "…" (and shows whole in its tooltip) instead of
        # wrapping into a second line the row has no room for; a cell's own
        # line breaks still show, the row then getting its height.
        view.setWordWrap(False)
        view.setItemDelegate(_FittingDelegate(view))
        # The viewport's own resize: the view's comes before its viewport is laid out.
        self.viewport = view.viewport()
        self.viewport.installEventFilter(self)
        view.installEventFilter(self)
        self.watch_model()

    def watch_model(self) -> None:
        model = self.view.model()
        if model is self.model:
            return
        self.model = model
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                           model.headerDataChanged):
                signal.connect(self.refit)
        self.refit()

    def _resized_by_hand(self, *_args) -> None:
        if not self.fitting:
            self.user_sized = True

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.Show, QEvent.Resize):
            return False
        if (kind == QEvent.Show and obj is self.view) or \
                (kind == QEvent.Resize and obj is self.viewport):
            if kind == QEvent.Resize:
                self.user_sized = False
            self.watch_model()
            self.refit()
        return False

    # --- measuring ----------------------------------------------------------------------

    def _rows_to_measure(self) -> range:
        view, model = self.view, self.model
        n = model.rowCount()
        top = view.rowAt(0)
        if top < 0 or not view.isVisible():
            return range(min(n, SAMPLE))
        bottom = view.rowAt(view.viewport().height() - 1)
        bottom = n - 1 if bottom < 0 else bottom
        return range(top, min(n, max(bottom + 1, top + SAMPLE)))

    def _widths(self, rows: range) -> tuple[list[int], list[int], bool]:
        """(header widths, wanted widths, some cell has several lines)."""
        view, model = self.view, self.model
        header = view.horizontalHeader()
        metrics = view.fontMetrics()
        heads, wants, multi = [], [], False
        for col in range(model.columnCount()):
            if view.isColumnHidden(col):
                heads.append(0)
                wants.append(0)
                continue
            head = max(header.sectionSizeFromContents(col).width() + 4,
                       header.minimumSectionSize())  # the header never goes narrower
            widest = 0
            for row in rows:
                text = _text(model.index(row, col))
                if not text:
                    continue
                if "\n" in text:
                    multi = True
                    widest = max(widest, *(metrics.horizontalAdvance(t) for t in text.splitlines()))
                else:
                    widest = max(widest, metrics.horizontalAdvance(text))
            heads.append(head)
            wants.append(max(head, widest + _PADDING))
        return heads, wants, multi

    # --- fitting ----------------------------------------------------------------------------

    def refit(self, *_args) -> None:
        view, model = self.view, self.model
        if model is None or self.fitting or self.user_sized or model.columnCount() == 0:
            return
        self.fitting = True
        try:
            heads, wants, multi = self._widths(self._rows_to_measure())
            space = view.viewport().width()
            if not view.isVisible():
                space = max(view.width() - 2 * view.frameWidth(), 0)
                if view.verticalScrollBar().isVisible() or model.rowCount() > 20:
                    space -= view.style().pixelMetric(QStyle.PM_ScrollBarExtent)
            for col, width in enumerate(fit_widths(heads, wants, space, self.stretch,
                                                   self.max_width)):
                if not view.isColumnHidden(col):
                    view.setColumnWidth(col, width)
            if multi and model.rowCount() <= MULTI_LINE_ROWS:
                view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        finally:
            self.fitting = False


def fit_widths(heads: Sequence[int], wants: Sequence[int], space: int,
               stretch: Sequence[int] = (), max_width: int | None = None) -> list[int]:
    """Column widths for ``space`` pixels. Each column wants ``wants[i]``
    (capped at ``MAX_SHARE`` of the space, or ``max_width``) and never gets
    less than ``heads[i]``, its header's width. Spare space goes to the
    ``stretch`` columns (all columns when none); a shortfall is taken from
    the ``stretch`` columns first, then from all, each in proportion to its
    width beyond its header's."""
    stretch = [c for c in dict.fromkeys(stretch) if 0 <= c < len(heads)]
    cap = max_width or max(int(space * MAX_SHARE), 1)
    widths = [max(h, min(w, cap)) for h, w in zip(heads, wants)]
    spare = space - sum(widths)
    if spare > 0:
        takers = [c for c in stretch if widths[c] > 0] or \
            [c for c, w in enumerate(widths) if w > 0]
        if takers:
            share, extra = divmod(spare, len(takers))
            for i, c in enumerate(takers):
                widths[c] += share + (1 if i < extra else 0)
    elif spare < 0:  # the free-text columns give way first, then all
        for givers in (stretch, range(len(widths))):
            spare = _narrow(widths, heads, list(givers), -spare) if spare < 0 else spare
    return widths


def _narrow(widths: list[int], heads: Sequence[int], givers: list[int], shortfall: int) -> int:
    """Take up to ``shortfall`` pixels from ``givers``, the widest first
    (lowering one ceiling over them, never below a header's width), so a
    short column is never cut while a long one could give; return what is
    still short, as a negative spare."""
    givers = [c for c in givers if widths[c] > heads[c]]
    room = sum(widths[c] - heads[c] for c in givers)
    if room <= 0:
        return -shortfall
    cut = min(shortfall, room)

    def taken(ceiling: int) -> int:
        return sum(widths[c] - max(heads[c], ceiling) for c in givers if widths[c] > ceiling)

    low, high = 0, max(widths[c] for c in givers)  # the highest ceiling that takes enough
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if taken(mid) >= cut else (low, mid - 1)
    extra = taken(low) - cut  # the ceiling's last pixel row: give some back
    for c in givers:
        if widths[c] > low:
            widths[c] = max(heads[c], low)
            if extra > 0 and widths[c] == low:
                widths[c] += 1
                extra -= 1
    return -(shortfall - cut)


def fit_table(view: QTableView, stretch: Sequence[int] = (),
              max_width: int | None = None) -> QTableView:
    """Size ``view``'s columns to their content and the view, now and
    whenever the view is resized or its model reset (see the module
    docstring). ``stretch``: the columns that take spare width (free text);
    ``max_width``: a cap on any one column's wanted width. Call it after
    ``setModel`` (a model set later is picked up at the next resize)."""
    fitter = getattr(view, "_fitter", None)
    if fitter is None:
        view._fitter = _Fitter(view, stretch, max_width)
    else:
        fitter.stretch, fitter.max_width = tuple(stretch), max_width
        fitter.watch_model()
        fitter.refit()
    return view
