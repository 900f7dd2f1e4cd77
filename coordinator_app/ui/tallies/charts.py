"""Two small charts drawn with QPainter (no QtCharts: STYLE.md):
``BarChart`` for the monthly totals and ``TrendChart`` for an indicator's
actuals across the plan's years against its targets."""

from __future__ import annotations

import math
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#3B6EA5")
BAR_FAINT = QColor("#A9C0DB")
TARGET = QColor("#D9822B")
AXIS = QColor("#707070")
GRID = QColor("#E3E3E3")


def axis(value: float) -> tuple[float, float]:
    """(top, step) of a value axis above value with 3–5 round steps
    (1, 2, 2.5, 5 × 10^n, whole numbers for counts)."""
    if value <= 0:
        return 5.0, 1.0
    raw = value / 4
    exp = 10 ** math.floor(math.log10(raw))
    step = next(m * exp for m in (1, 2, 2.5, 5, 10) if m * exp >= raw)
    step = max(1.0, step)
    return math.ceil(value / step) * step, step


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.1f}"


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumHeight(150)
        self.title = ""

    def sizeHint(self) -> QSize:
        return QSize(600, 220)

    def _frame(self, p: QPainter, top_value: float, step: float) -> QRectF:
        """Draw title, grid and y labels; return the plot rectangle."""
        fm = p.fontMetrics()
        ticks = [step * i for i in range(int(round(top_value / step)) + 1)]
        left = max(fm.horizontalAdvance(_fmt(v)) for v in ticks) + 12
        top = fm.height() + 12 if self.title else 10
        top += (fm.height() + 6) * self._legend_rows(fm)
        plot = QRectF(left, top, max(10, self.width() - left - 14),
                      max(10, self.height() - top - fm.height() - 14))
        if self.title:
            f = QFont(p.font())
            f.setBold(True)
            p.save()
            p.setFont(f)
            p.setPen(Qt.black)
            p.drawText(QRectF(0, 2, self.width(), fm.height() + 6), Qt.AlignHCenter, self.title)
            p.restore()
        for v in ticks:
            y = plot.bottom() - plot.height() * v / top_value
            p.setPen(QPen(GRID if v else AXIS, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(AXIS)
            p.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                       Qt.AlignRight | Qt.AlignVCenter, _fmt(v))
        return plot

    def _legend_rows(self, fm) -> int:
        """Lines of their own that a legend needs under the title (none here)."""
        return 0

    def _label(self, p: QPainter, rect: QRectF, text: str) -> None:
        """A value label on a white patch, readable over lines."""
        fm = p.fontMetrics()
        w = fm.horizontalAdvance(text) + 4
        patch = QRectF(rect.center().x() - w / 2, rect.bottom() - fm.height(), w, fm.height())
        p.fillRect(patch, QColor(255, 255, 255, 220))
        p.setPen(Qt.black)
        p.drawText(rect, Qt.AlignHCenter | Qt.AlignBottom, text)


class BarChart(_Chart):
    """One bar per label (the twelve months), its value above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[float] = []
        self.faint: set[int] = set()  # months not ended yet

    def set_data(self, labels: Sequence[str], values: Sequence[float], title: str = "",
                 faint: Sequence[int] = ()) -> None:
        self.labels, self.values = list(labels), [float(v) for v in values]
        self.title, self.faint = title, set(faint)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), Qt.white)
        if not self.labels:
            p.end()
            return
        highest = max(self.values + [0])
        top_value, step = axis(highest)
        if highest > 0 and top_value - highest < step / 2:
            top_value += step  # room above the tallest bar for its value, under the title
        plot = self._frame(p, top_value, step)
        fm = p.fontMetrics()
        n = len(self.labels)
        slot = plot.width() / n
        bar_w = max(4.0, slot * 0.62)
        for i, (label, v) in enumerate(zip(self.labels, self.values)):
            x = plot.left() + slot * i + (slot - bar_w) / 2
            h = plot.height() * (v / top_value) if top_value else 0
            p.fillRect(QRectF(x, plot.bottom() - h, bar_w, h),
                       BAR_FAINT if i in self.faint else BAR)
            self._label(p, QRectF(x - 10, plot.bottom() - h - fm.height() - 2, bar_w + 20,
                                  fm.height()), _fmt(v))
            p.setPen(AXIS)
            p.drawText(QRectF(plot.left() + slot * i, plot.bottom() + 4, slot, fm.height()),
                       Qt.AlignHCenter | Qt.AlignTop, label)
        p.end()


class TrendChart(_Chart):
    """Actuals as bars and targets as an orange line with markers, one
    slot per fiscal year of the plan. Word targets (増加 …) are printed
    above the slot instead of a point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.actuals: list[float | None] = []
        self.targets: list[float | str | None] = []

    def set_series(self, labels: Sequence[str], actuals: Sequence[float | None],
                   targets: Sequence[float | str | None], title: str = "") -> None:
        self.labels, self.actuals, self.targets = list(labels), list(actuals), list(targets)
        self.title = title
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), Qt.white)
        if not self.labels:
            p.end()
            return
        numbers = [v for v in self.actuals if v is not None] + [
            t for t in self.targets if isinstance(t, (int, float))]
        top_value, step = axis(max(numbers + [0]) * 1.08)
        plot = self._frame(p, top_value, step)
        fm = p.fontMetrics()
        n = len(self.labels)
        slot = plot.width() / n
        bar_w = max(6.0, slot * 0.45)
        points: list[QPointF | None] = []
        labels: list[tuple[QRectF, str]] = []
        for i, label in enumerate(self.labels):
            cx = plot.left() + slot * (i + 0.5)
            v = self.actuals[i] if i < len(self.actuals) else None
            if v is not None:
                h = plot.height() * (v / top_value)
                p.fillRect(QRectF(cx - bar_w / 2, plot.bottom() - h, bar_w, h), BAR)
                labels.append((QRectF(cx - slot / 2, plot.bottom() - h - fm.height() - 2, slot,
                                      fm.height()), _fmt(v)))
            t = self.targets[i] if i < len(self.targets) else None
            if isinstance(t, (int, float)):
                points.append(QPointF(cx, plot.bottom() - plot.height() * (t / top_value)))
            else:
                points.append(None)
                if t:
                    p.setPen(TARGET)
                    p.drawText(QRectF(cx - slot / 2, plot.top(), slot, fm.height()),
                               Qt.AlignHCenter, str(t))
            p.setPen(AXIS)
            p.drawText(QRectF(plot.left() + slot * i, plot.bottom() + 4, slot, fm.height()),
                       Qt.AlignHCenter | Qt.AlignTop, label)
        p.setPen(QPen(TARGET, 2, Qt.DashLine))
        previous = None
        for pt in points:
            if pt is not None and previous is not None:
                p.drawLine(previous, pt)
            previous = pt
        p.setPen(QPen(TARGET, 2))
        p.setBrush(Qt.white)
        for pt in points:
            if pt is not None:
                p.drawEllipse(pt, 4, 4)
        for rect, text in labels:
            self._label(p, rect, text)
        self._legend(p, fm)
        p.end()

    def _legend_texts(self) -> tuple[str, str]:
        return (QCoreApplication.translate("Tallies", "実績"),
                QCoreApplication.translate("Tallies", "目標"))

    def _legend_width(self, fm) -> int:
        actual, target = self._legend_texts()
        return 16 + fm.horizontalAdvance(actual) + 12 + 20 + fm.horizontalAdvance(target) + 4

    def _legend_rows(self, fm) -> int:
        """One line under the title when the legend does not fit beside it
        (it was drawn over the title: issue 18)."""
        if not self.title:
            return 0
        title = QFont(self.font())
        title.setBold(True)
        title_right = (self.width() + QFontMetrics(title).horizontalAdvance(self.title)) / 2
        return 1 if title_right + 12 > self.width() - 14 - self._legend_width(fm) else 0

    def legend_rect(self, fm) -> QRectF:
        """Where the legend goes: right-aligned beside the title, or on a
        line of its own under it."""
        width = self._legend_width(fm)
        return QRectF(self.width() - 14 - width, 4 + (fm.height() + 8) * self._legend_rows(fm),
                      width, fm.height() + 4)

    def _legend(self, p: QPainter, fm) -> None:
        """実績 (a bar's colour) and 目標 (the dashed line)."""
        actual, target = self._legend_texts()
        where = self.legend_rect(fm)
        lx, ly = where.left(), where.top()
        p.setBrush(Qt.NoBrush)
        p.fillRect(QRectF(lx, ly + 3, 12, 10), BAR)
        p.setPen(Qt.black)
        x = lx + 16
        p.drawText(QRectF(x, ly, fm.horizontalAdvance(actual) + 4, fm.height() + 4),
                   Qt.AlignVCenter, actual)
        x += fm.horizontalAdvance(actual) + 12
        p.setPen(QPen(TARGET, 2))
        p.drawLine(QPointF(x, ly + 8), QPointF(x + 16, ly + 8))
        p.drawEllipse(QPointF(x + 8, ly + 8), 3, 3)
        p.setPen(Qt.black)
        p.drawText(QRectF(x + 20, ly, fm.horizontalAdvance(target) + 4, fm.height() + 4),
                   Qt.AlignVCenter, target)
