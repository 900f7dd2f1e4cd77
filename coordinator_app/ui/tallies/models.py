"""Table models of the 集計・指標 pages. Fed with service dataclasses via
``set_*``; no database access here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from coordinator_app.core import clock, codes, counting
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.dates import (
    fiscal_months,
    fiscal_year_label,
    format_wareki,
    month_last_day,
)
from coordinator_app.services.consolidation import SOURCE_LABELS, Conflict, Matrix
from coordinator_app.services.indicators import IndicatorResult, YearFigure
from coordinator_app.services.tallies import TallyView
from coordinator_app.ui.audit_words import actor_text
from coordinator_app.ui.table_model import CENTER, RIGHT, Column, TableModel, bold_font
from coordinator_app.ui.tallies.common import tr

TOTAL_FILL = QColor("#EEF3F9")
GROUP_FILL = QColor("#F7F7F7")
FAINT_TEXT = QColor("#8A8A8A")
STATE_FILL = {
    "received": QColor("#D8EFD8"),
    "chosen": QColor("#CFE3F7"),
    "conflict": QColor("#F6C6C6"),
    "provisional": QColor("#FFF1C2"),
    "missing": QColor("#FFFFFF"),
    "future": QColor("#F0F0F0"),
    "live": QColor("#D3EEEA"),  # counted from the server's records (issue 21)
}
GRADE_FILL = {"A": QColor("#D8EFD8"), "B": QColor("#FFF1C2"), "C": QColor("#F6C6C6")}


class _Model(TableModel):
    CONTEXT = "Tallies"


# --- the monthly report -------------------------------------------------------------

class TallyGridModel(_Model):
    """One measure laid out like the paper monthly report: rows are the
    total and every breakdown key (in Japanese), columns 内訳, 項目,
    4月…3月 and 合計 (stock measures: 年度末, the March figure)."""

    COL_BREAKDOWN, COL_KEY = 0, 1
    FIRST_MONTH = 2
    COL_TOTAL = 14

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, list[int]]] = []  # breakdown, key, label, 12 values
        self.measure = "consultations"
        self.fiscal_year = 0
        self.month_labels = [f"{m}月" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]

    @property
    def stock(self) -> bool:
        return self.measure in counting.STOCK_MEASURES

    def set_view(self, view: TallyView | None, measure: str) -> None:
        self.beginResetModel()
        self.measure = measure
        self._rows = []
        if view is not None:
            self.fiscal_year = view.fiscal_year
            self.month_labels = [f"{m}月" for _, m in fiscal_months(view.fiscal_year)]
            grid: dict[tuple[str, str], list[int]] = {}
            for (branch, breakdown, key), values in counting.report_grid(view.rows, measure).items():
                cells = grid.setdefault((breakdown, key), [0] * 12)
                for i, v in enumerate(values):
                    cells[i] += v
            self._rows.append(("total", "", QCoreApplication.translate("Tallies", "合計"),
                               grid.get(("total", ""), [0] * 12)))
            for breakdown in codes.MEASURES[measure]:
                listed = counting.key_list(measure, breakdown, view.keys)
                keys = [k for k, _ in listed]
                labels = dict(listed)
                extra = sorted(k for b, k in grid if b == breakdown and k not in labels)
                for key in keys + extra:
                    self._rows.append((breakdown, key, labels.get(key, key),
                                       grid.get((breakdown, key), [0] * 12)))
        self.endResetModel()

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 15

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole or orientation != Qt.Horizontal:
            return None
        if section == self.COL_BREAKDOWN:
            return QCoreApplication.translate("Tallies", "内訳")
        if section == self.COL_KEY:
            return QCoreApplication.translate("Tallies", "項目")
        if section == self.COL_TOTAL:
            if self.stock:
                return QCoreApplication.translate("Tallies", "年度末")
            return QCoreApplication.translate("Tallies", "合計")
        return self.month_labels[section - self.FIRST_MONTH]

    def value(self, row: int, column: int) -> int | None:
        """The figure shown in a cell (None for the label columns)."""
        breakdown, key, label, values = self._rows[row]
        if column == self.COL_TOTAL:
            return values[-1] if self.stock else sum(values)
        if self.FIRST_MONTH <= column < self.COL_TOTAL:
            return values[column - self.FIRST_MONTH]
        return None

    def running_columns(self) -> set[int]:
        """Month columns whose month has not ended yet (figures still grow)."""
        if not self.fiscal_year:
            return set()
        now = clock.today()
        return {self.FIRST_MONTH + i for i, m in enumerate(counting.fiscal_month_keys(self.fiscal_year))
                if month_last_day(m // 100, m % 100) >= now}

    def monthly_totals(self) -> list[int]:
        return list(self._rows[0][3]) if self._rows else [0] * 12

    def cell_ref(self, index: QModelIndex) -> tuple[str, str, list[int]] | None:
        """(breakdown, key, months YYYYMM) behind a figure cell."""
        if not index.isValid() or index.column() < self.FIRST_MONTH:
            return None
        breakdown, key, _, _ = self._rows[index.row()]
        months = counting.fiscal_month_keys(self.fiscal_year)
        if index.column() == self.COL_TOTAL:
            return breakdown, key, months[-1:] if self.stock else months
        return breakdown, key, [months[index.column() - self.FIRST_MONTH]]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        breakdown, key, label, values = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.COL_BREAKDOWN:
                if breakdown == "total":
                    return QCoreApplication.translate("Tallies", "合計")
                if index.row() > 0 and self._rows[index.row() - 1][0] == breakdown:
                    return ""  # the group's label once, as on the paper form
                return tr(codes.breakdown_label(self.measure, breakdown))
            if col == self.COL_KEY:
                return "" if breakdown == "total" else label
            return f"{self.value(index.row(), col):,}"
        if role == Qt.UserRole:
            return self.value(index.row(), col)
        if role == Qt.TextAlignmentRole and col >= self.FIRST_MONTH:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.FontRole and (breakdown == "total" or col == self.COL_TOTAL):
            return bold_font()
        if role == Qt.ForegroundRole and col in self.running_columns():
            return QBrush(FAINT_TEXT)
        if role == Qt.BackgroundRole:
            if breakdown == "total":
                return QBrush(TOTAL_FILL)
            if col == self.COL_TOTAL:
                return QBrush(GROUP_FILL)
        if role == Qt.ToolTipRole and col >= self.FIRST_MONTH:
            return QCoreApplication.translate("Tallies", "ダブルクリック（Enter）で内訳の記録を表示")
        return None


class RecordsModel(_Model):
    """The records behind a figure (``RecordLine``): people by name, events
    and groups by their 名称."""

    def __init__(self, parent=None, measure: str = "") -> None:
        gathering = measure in codes.EVENT_MEASURES + codes.GROUP_MEASURES
        super().__init__(parent, (
            Column(QT_TRANSLATE_NOOP("Tallies", "日付"), lambda r: format_wareki(r.day)),
            Column(QT_TRANSLATE_NOOP("Tallies", "名称") if gathering
                   else QT_TRANSLATE_NOOP("Tallies", "氏名"), lambda r: r.name),
            Column(QT_TRANSLATE_NOOP("Tallies", "内容"), lambda r: r.detail),
        ))


# --- consolidation ------------------------------------------------------------------

class MatrixModel(_Model):
    """Branches × months of the consolidation, plus the last receipt."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []
        self.matrix: Matrix | None = None

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._rows = list(matrix.branches)
        self.endResetModel()

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.matrix is None else 2 + len(self.matrix.months)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole or self.matrix is None:
            return None
        if orientation == Qt.Vertical:
            return None
        if section == 0:
            return QCoreApplication.translate("Tallies", "支部")
        if section == len(self.matrix.months) + 1:
            return QCoreApplication.translate("Tallies", "集計元・最終受信")
        m = self.matrix.months[section - 1]
        return f"{m % 100}月"

    def cell(self, row: int, column: int):
        if self.matrix is None or not 1 <= column <= len(self.matrix.months):
            return None
        code = self._rows[row][0]
        return self.matrix.cells[(code, self.matrix.months[column - 1])]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or self.matrix is None:
            return None
        code, name = self._rows[index.row()]
        col = index.column()
        if col == 0:
            if role == Qt.DisplayRole:
                return f"{code} {name}".strip()
            return None
        if col == len(self.matrix.months) + 1:
            if role == Qt.DisplayRole:
                if self.matrix.sources.get(code) == "live":
                    return tr(SOURCE_LABELS["live"])
                at = self.matrix.last_received.get(code)
                return tr(SOURCE_LABELS["file"]) + "（" + (
                    format_wareki(at.date()) if at else
                    QCoreApplication.translate("Tallies", "なし")) + "）"
            return None
        cell = self.cell(index.row(), col)
        if role == Qt.DisplayRole:
            # ※: the file in force does not report every measure (未報告, not 0)
            return (tr(cell.label) + ("※" if cell.unreported else "")) if cell.label else "—"
        if role == Qt.UserRole:
            return cell.state
        if role == Qt.BackgroundRole:
            return QBrush(STATE_FILL[cell.state])
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.FontRole and cell.state == "conflict":
            return bold_font()
        if role == Qt.ToolTipRole and (cell.file_names or cell.unreported):
            lines = list(cell.file_names)
            if cell.unreported:
                lines.append(QCoreApplication.translate("Tallies", "未報告: ") + "、".join(
                    tr(codes.MEASURE_LABELS[m]) for m in cell.unreported))
            return "\n".join(lines)
        return None


class FilesModel(_Model):
    """The tally files received (``ReceivedFile``)."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Tallies", "ファイル名"), lambda f: f.file_name),
        Column(QT_TRANSLATE_NOOP("Tallies", "受信日"), lambda f: format_wareki(f.received_at.date())),
        Column(QT_TRANSLATE_NOOP("Tallies", "支部"), lambda f: "・".join(f.branch_codes)),
        Column(QT_TRANSLATE_NOOP("Tallies", "行数"), lambda f: f"{f.row_count:,}"),
        Column(QT_TRANSLATE_NOOP("Tallies", "受信者"),
               lambda f: actor_text(f.received_by, f.received_by_name),
               tooltip=lambda f: QCoreApplication.translate("Tallies", "ログイン名: {login}")
               .format(login=f.received_by)),
    )


def _current_file(c: Conflict) -> str:
    return next((k.file_name for k in c.candidates if k.file_id == c.current_file_id), "")


class ConflictListModel(_Model):
    """Branch-months for which more than one file was received (``Conflict``)."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Tallies", "支部"), lambda c: c.branch_code),
        Column(QT_TRANSLATE_NOOP("Tallies", "月"), lambda c: f"{c.month // 100}年{c.month % 100}月"),
        Column(QT_TRANSLATE_NOOP("Tallies", "ファイル数"), lambda c: str(len(c.candidates))),
        Column(QT_TRANSLATE_NOOP("Tallies", "現在の数字"), _current_file),
    )


class CompareModel(_Model):
    """One conflict: the measures' totals side by side, one column per file;
    rows where the files differ are highlighted."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows = list(codes.MEASURES)
        self.conflict: Conflict | None = None

    def set_conflict(self, conflict: Conflict | None) -> None:
        self.beginResetModel()
        self.conflict = conflict
        self.endResetModel()

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or not self.conflict else 1 + len(self.conflict.candidates)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole or orientation != Qt.Horizontal or not self.conflict:
            return None
        if section == 0:
            return QCoreApplication.translate("Tallies", "集計項目（合計）")
        k = self.conflict.candidates[section - 1]
        return f"{k.file_name}\n{format_wareki(k.received_at.date())}"

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not self.conflict:
            return None
        measure = self._rows[index.row()]
        values = [k.totals.get(measure) for k in self.conflict.candidates]  # None: 未報告
        if role == Qt.DisplayRole:
            if index.column() == 0:
                return tr(codes.MEASURE_LABELS[measure])
            value = values[index.column() - 1]
            return QCoreApplication.translate("Tallies", "未報告") if value is None else f"{value:,}"
        if role == Qt.BackgroundRole and len(set(values)) > 1:
            return QBrush(STATE_FILL["conflict"])
        if role == Qt.TextAlignmentRole and index.column():
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


# --- indicators ---------------------------------------------------------------------

def _grade_text(y: YearFigure) -> str:
    """The evaluator's grade; while none is decided, the app's proposal."""
    if y.decided:
        return tr(core.DECISIONS[y.decided]) if y.decided == core.NO_GRADE else y.decided
    if y.proposed:
        return QCoreApplication.translate("Tallies", "提案 {0}").format(y.proposed)
    return ""


def _grade_fill(y: YearFigure):
    return QBrush(GRADE_FILL[y.decided]) if y.decided in GRADE_FILL else None


def _in_progress(y: YearFigure, text: str) -> str:
    """An actual of a year still running is marked as such."""
    return text + (QCoreApplication.translate("Tallies", "（途中）") if text and y.in_progress else "")


def _gap_mark(y: YearFigure) -> str:
    """A consolidated figure lacking files is marked (the detail says what)."""
    return QCoreApplication.translate("Tallies", "（未着あり）") if y.gap else ""


def _actual(y: YearFigure, unit: str = "", short: bool = False) -> str:
    """The actual as shown: the figure with its marks, or why the year has
    none (a combined indicator over consolidated files; ``short`` for the
    list, whose tooltip says it whole)."""
    if y.uncounted:
        return QCoreApplication.translate("Tallies", "数えられません（複数の条件）") if short \
            else tr(y.uncounted)
    return _in_progress(y, core.format_value(y.actual, unit)) + _gap_mark(y)


def _grade_tip(r: IndicatorResult) -> str | None:
    y = r.year
    lines = []
    if y.decided:
        lines.append(tr(core.DECISIONS[y.decided]))
    if y.proposed:
        lines.append(QCoreApplication.translate("Tallies", "目標と実績からの提案: {0}").format(
            y.proposed))
    if y.memo:
        lines.append(QCoreApplication.translate("Tallies", "メモ: ") + y.memo)
    return "\n".join(lines) or None


class IndicatorTableModel(_Model):
    COL_NAME, COL_UNIT, COL_KIND, COL_TARGET, COL_ACTUAL, COL_GRADE = range(6)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Tallies", "指標名"), lambda r: r.info.name),
        Column(QT_TRANSLATE_NOOP("Tallies", "単位"), lambda r: r.info.unit),
        Column(QT_TRANSLATE_NOOP("Tallies", "種類"), lambda r: tr(core.KIND_SHORT[r.info.kind])),
        Column(QT_TRANSLATE_NOOP("Tallies", "目標"), lambda r: core.format_value(r.year.target),
               align=RIGHT),
        Column(QT_TRANSLATE_NOOP("Tallies", "実績"),
               lambda r: _actual(r.year, short=True), align=RIGHT,
               tooltip=lambda r: tr(r.year.uncounted) if r.year.uncounted else r.year.gap or None),
        Column(QT_TRANSLATE_NOOP("Tallies", "評価"), lambda r: _grade_text(r.year), align=CENTER,
               background=lambda r: _grade_fill(r.year), tooltip=_grade_tip),
    )

    def row_tooltip(self, r: IndicatorResult) -> str:
        return r.info.definition.describe()

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.info.code == code), -1)


class YearTableModel(_Model):
    """An indicator's plan years: 目標 (editable by staff), 実績 (editable
    for indicators without a measure and for years before the records;
    a typed one is marked), the app's 提案, the evaluator's 評価, 注記
    (editable; the sheet's footnote)."""

    COL_YEAR, COL_TARGET, COL_ACTUAL, COL_PROPOSED, COL_GRADE, COL_NOTE = range(6)
    edited = Signal(int, int, str)  # fiscal year, column, text

    def __init__(self, parent=None) -> None:
        super().__init__(parent, [
            Column(QT_TRANSLATE_NOOP("Tallies", "年度"), lambda y: fiscal_year_label(y.fiscal_year)),
            Column(QT_TRANSLATE_NOOP("Tallies", "目標"),
                   lambda y: core.format_value(y.target, self.unit), align=RIGHT,
                   edit=lambda y: core.format_value(y.target, ""), tooltip=self._target_tip),
            Column(QT_TRANSLATE_NOOP("Tallies", "実績"), self._actual_text, align=RIGHT,
                   edit=lambda y: core.format_value(y.actual, "")),
            Column(QT_TRANSLATE_NOOP("Tallies", "提案"), lambda y: y.proposed, align=CENTER),
            Column(QT_TRANSLATE_NOOP("Tallies", "評価"),
                   lambda y: tr(core.DECISIONS[y.decided]) if y.decided == core.NO_GRADE
                   else y.decided, align=CENTER, background=_grade_fill),
            Column(QT_TRANSLATE_NOOP("Tallies", "注記（シートの脚注）"), lambda y: y.note,
                   edit=lambda y: y.note),
        ])
        self.unit = ""
        self.editable = False
        self.typed_before: int | None = None  # years before it take a typed actual
        self.typed = False

    def _actual_text(self, y: YearFigure) -> str:
        text = _actual(y, self.unit)
        if y.typed:
            text += QCoreApplication.translate("Tallies", "（入力）")
        return text

    def _target_tip(self, y: YearFigure) -> str | None:
        if not self.editable:
            return None
        return QCoreApplication.translate("Tallies", "数値（例: 80）または言葉（増加・減少・維持・設置 など）。空にすると目標を消します")

    def set_result(self, result: IndicatorResult | None, editable: bool,
                   records_from: int | None = None) -> None:
        self.beginResetModel()
        self._rows = list(result.series) if result else []
        self.unit = result.info.unit if result else ""
        self.typed = bool(result) and not result.info.measure
        self.typed_before = records_from
        self.editable = editable
        self.endResetModel()

    def actual_typed_in(self, fy: int) -> bool:
        """The year's actual is typed: no measure, or before the records."""
        return self.typed or bool(self.typed_before and fy < self.typed_before)

    def flags(self, index):
        f = super().flags(index)
        column = index.column()
        if self.editable and (column in (self.COL_TARGET, self.COL_NOTE) or
                              (column == self.COL_ACTUAL and
                               self.actual_typed_in(self._rows[index.row()].fiscal_year))):
            f |= Qt.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        self.edited.emit(self._rows[index.row()].fiscal_year, index.column(), str(value or ""))
        return True
