"""指標の定義 (administrators): name, unit, 担当, kind, the tally figure it
counts (measure, breakdown, key, and further 条件 ANDed with it — or
none: a typed actual), direction,
plan period, baseline, a cumulative indicator's total before the records
begin, and the sheet's headings. The contract's default
indicators keep their code and what they count."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import codes, counting
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.dates import fiscal_year_label
from coordinator_app.services import indicators as service
from coordinator_app.services.indicators import IndicatorInfo
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.tallies.common import error_text, run_job
from coordinator_app.ui.widgets import save_shortcuts


class YearSpin(QSpinBox):
    """A fiscal year shown as 令和N年度."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRange(2000, 2100)

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt API
        return fiscal_year_label(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt API
        for fy in range(self.minimum(), self.maximum() + 1):
            if fiscal_year_label(fy) == text:
                return fy
        return self.value()


class ConditionRow(QWidget):
    """One further 条件: かつ [内訳] が [項目] [外す]."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.breakdown = QComboBox(self)
        self.key = QComboBox(self)
        self.remove = QPushButton(self.tr("外す"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("かつ"), self))
        row.addWidget(self.breakdown, 1)
        row.addWidget(QLabel(self.tr("が"), self))
        row.addWidget(self.key, 1)
        row.addWidget(self.remove)


class Conditions(QWidget):
    """The 条件 after the breakdown (``IndicatorInfo.filters``): rows made
    at once (so Tab walks them in order) and shown as they are added; the
    choices are the measure's breakdowns and their code lists. Its ``add``
    button is laid out by the dialog (beside the breakdown's key)."""

    shown = Signal(int)  # the number of rows in use
    ROWS = max(len(b) for b in codes.MEASURES.values()) - 1

    def __init__(self, keys: dict[tuple[str, str], list[tuple[str, str]]],
                 first: QComboBox, parent: QWidget) -> None:
        super().__init__(parent)
        self.keys, self.first, self.measure = keys, first, ""  # first: the 内訳 before these
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows = [ConditionRow(self) for _ in range(self.ROWS)]
        for n, r in enumerate(self.rows):
            layout.addWidget(r)
            r.breakdown.currentIndexChanged.connect(lambda _, r=r: self._fill_keys(r))
            r.remove.clicked.connect(lambda _=False, n=n: self.remove(n))
        self.add = QPushButton(self.tr("条件を追加(&J)"), self)
        self.add.setToolTip(self.tr("内訳の項目に加えて、ほかの内訳の項目も満たす記録だけを数えます"
                                    "（例: 区分が相談 かつ 相談者が地域関係者）"))
        self.add.clicked.connect(self.append)
        self.set_conditions("", ())

    def _fill_keys(self, r: ConditionRow) -> None:
        r.key.clear()
        for code, label in self.keys.get((self.measure, r.breakdown.currentData()), []):
            r.key.addItem(label, code)

    def values(self) -> list[tuple[str, str]]:
        return [(r.breakdown.currentData(), r.key.currentData() or "")
                for r in self.rows if not r.isHidden()]

    def set_conditions(self, measure: str, conditions, enabled: bool = True) -> None:
        """Show one row per condition over the measure's breakdowns."""
        self.measure = measure or ""
        conditions = list(conditions)[:self.ROWS]
        for n, r in enumerate(self.rows):
            r.breakdown.blockSignals(True)
            r.breakdown.clear()
            for b in codes.MEASURES.get(self.measure, ()):
                r.breakdown.addItem(self.tr(codes.breakdown_label(self.measure, b)), b)
            r.breakdown.blockSignals(False)
            breakdown, key = conditions[n] if n < len(conditions) else ("", "")
            r.breakdown.setCurrentIndex(max(0, r.breakdown.findData(breakdown)))
            self._fill_keys(r)
            r.key.setCurrentIndex(max(0, r.key.findData(key)))
            r.setHidden(n >= len(conditions))
            r.setEnabled(enabled)
        self.add.setEnabled(enabled and self.measure in counting.COMBINABLE
                            and len(conditions) < self.ROWS)
        self.shown.emit(len(conditions))

    def append(self) -> None:
        """A new row on the first breakdown not used yet; focus on it."""
        current = self.values()
        used = {b for b, _ in current} | {self.first.currentData()}
        free = [b for b in codes.MEASURES.get(self.measure, ()) if b not in used]
        self.set_conditions(self.measure, current + [(free[0] if free else "", "")])
        self.rows[len(current)].breakdown.setFocus()

    def remove(self, n: int) -> None:
        current = self.values()
        del current[n]
        self.set_conditions(self.measure, current)
        (self.rows[n].breakdown if n < len(current) else self.add).setFocus()


class IndicatorDialog(QDialog):
    saved = Signal(str)  # code

    def __init__(self, ctx: AppContext, info: IndicatorInfo,
                 keys: dict[tuple[str, str], list[tuple[str, str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.info, self.keys = ctx, info, keys
        self.setWindowTitle(self.tr("指標を追加する") if not info.id else self.tr("指標の定義を変更する"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self._build_definition(info)
        self._build_period(info)
        self._build_sheet(info)
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self.breakdown.currentIndexChanged.connect(self._breakdown_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._show_counted(info)
        self._kind_changed()
        self._lay_out()
        self.resize(560, 640)

    # --- building -----------------------------------------------------------------

    def _build_definition(self, info: IndicatorInfo) -> None:
        """Code, name, unit, office, kind, what it counts and the good
        direction; a default indicator of the contract keeps its code, kind
        and figure."""
        locked = info.builtin
        self.code = QLineEdit(info.code, self)
        self.code.setPlaceholderText("salon_count")
        self.code.setReadOnly(locked)
        self.name = QLineEdit(info.name, self)
        self.unit = QLineEdit(info.unit, self)
        self.unit.setMaximumWidth(80)
        self.office = QLineEdit(info.office, self)
        self.kind = QComboBox(self)
        for k, label in core.KINDS.items():
            self.kind.addItem(self.tr(label), k)
        self.kind.setCurrentIndex(self.kind.findData(info.kind))
        self.measure = QComboBox(self)
        self.measure.addItem(self.tr("なし（実績を入力する）"), "")
        for m, label in codes.MEASURE_LABELS.items():
            self.measure.addItem(self.tr(label), m)
        self.breakdown = QComboBox(self)
        self.key = QComboBox(self)
        self.conditions = Conditions(self.keys, self.breakdown, self)
        for w in (self.kind, self.measure, self.breakdown, self.key):
            w.setEnabled(not locked)
        self.branches = QLineEdit(" ".join(info.branches), self)
        self.branches.setPlaceholderText(self.tr("空欄は全支部。例: 00 04（市社協の窓口と平方支部だけ）"))
        self.branches.setEnabled(not locked)
        self.direction = QComboBox(self)
        for d, label in core.DIRECTIONS.items():
            self.direction.addItem(self.tr(label), d)
        self.direction.setCurrentIndex(self.direction.findData(info.direction))

    def _build_period(self, info: IndicatorInfo) -> None:
        """The plan period (the plan's: changed on the 評価シート page for
        every indicator at once) and the baseline."""
        self.period = QLabel(self.tr("{0}（計画の期間。評価シートの「計画」で変えます）").format(
            core.plan_label(info.first_fy, info.last_fy)), self)
        self.baseline = QLineEdit(core.plain_number(info.baseline), self)
        self.baseline.setPlaceholderText(self.tr("例: 4316（なければ空）"))
        self.baseline_fy = YearSpin(self)
        self.baseline_fy.setValue(info.baseline_fy or info.first_fy - 1)
        self.start_total = QLineEdit(core.plain_number(info.start_total), self)
        self.start_total.setPlaceholderText(self.tr("例: 458（記録を始める前の年度の合計。なければ空）"))

    def _build_sheet(self, info: IndicatorInfo) -> None:
        """The evaluation sheet's headings, and whether the indicator is used."""
        self.goal = QLineEdit(info.goal, self)
        self.policy = QLineEdit(info.policy, self)
        self.project = QLineEdit(info.project, self)
        self.overview = QPlainTextEdit(info.overview, self)
        self.overview.setTabChangesFocus(True)
        self.overview.setFixedHeight(60)
        self.department = QLineEdit(info.department, self)
        self.team = QLineEdit(info.team, self)
        self.focus = QCheckBox(self.tr("重点的評価施策（シートの事業名に ※）"), self)
        self.focus.setChecked(info.focus)
        self.active = QCheckBox(self.tr("使う（一覧と評価シートに出す）"), self)
        self.active.setChecked(info.active)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

    def _show_counted(self, info: IndicatorInfo) -> None:
        """Select the measure, then its breakdown, then the key: each list
        depends on the choice before it."""
        self.measure.setCurrentIndex(max(0, self.measure.findData(info.measure)))
        self._measure_changed()
        self.breakdown.setCurrentIndex(max(0, self.breakdown.findData(info.breakdown)))
        self._breakdown_changed()
        self.key.setCurrentIndex(max(0, self.key.findData(info.key)))
        self.conditions.set_conditions(info.measure, info.filters, not info.builtin)

    def _lay_out(self) -> None:
        base = QHBoxLayout()
        base.addWidget(self.baseline)
        base.addWidget(QLabel(self.tr("時点"), self))
        base.addWidget(self.baseline_fy)
        form = QFormLayout()
        form.addRow(self.tr("コード(&C)"), self.code)
        form.addRow(self.tr("指標名(&N)"), self.name)
        form.addRow(self.tr("単位"), self.unit)
        form.addRow(self.tr("部局名"), self.department)
        form.addRow(self.tr("課名（担当課）"), self.office)
        form.addRow(self.tr("係名"), self.team)
        form.addRow(self.tr("種類"), self.kind)
        form.addRow(self.tr("数える集計項目"), self.measure)
        form.addRow(self.tr("内訳"), self.breakdown)
        key = QHBoxLayout()
        key.addWidget(self.key, 1)
        key.addWidget(self.conditions.add)
        form.addRow(self.tr("内訳の項目"), key)
        form.addRow(self.tr("ほかの条件"), self.conditions)
        # The row takes no room until a 条件 is added.
        form.setRowVisible(self.conditions, bool(self.conditions.values()))
        self.conditions.shown.connect(lambda n: form.setRowVisible(self.conditions, n > 0))
        form.addRow(self.tr("対象の支部（コード）"), self.branches)
        form.addRow(self.tr("よい方向"), self.direction)
        form.addRow(self.tr("計画期間"), self.period)
        form.addRow(self.tr("基準値"), base)
        form.addRow(self.tr("記録開始前の累計"), self.start_total)
        form.addRow(self.tr("基本目標"), self.goal)
        form.addRow(self.tr("施策の方向性"), self.policy)
        form.addRow(self.tr("事業名"), self.project)
        form.addRow(self.tr("事業の概要"), self.overview)
        form.addRow("", self.focus)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        save_shortcuts(self, self.save, buttons.button(QDialogButtonBox.Save))
        # The form scrolls when taller than the screen (1280×720 with 条件).
        body = QWidget(self)
        body.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(body.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _measure_changed(self) -> None:
        measure = self.measure.currentData()
        self.breakdown.blockSignals(True)
        self.breakdown.clear()
        self.breakdown.addItem(self.tr("合計"), "total")
        for b in codes.MEASURES.get(measure, ()):
            self.breakdown.addItem(self.tr(codes.breakdown_label(measure, b)), b)
        self.breakdown.blockSignals(False)
        self.breakdown.setEnabled(bool(measure) and not self.info.builtin)
        self._breakdown_changed()
        self.conditions.set_conditions(measure, (), not self.info.builtin)

    def _breakdown_changed(self) -> None:
        b = self.breakdown.currentData()
        self.key.clear()
        for code, label in self.keys.get((self.measure.currentData(), b), []):
            self.key.addItem(label, code)
        self.key.setEnabled(b not in (None, "total") and not self.info.builtin)

    def _kind_changed(self) -> None:
        # Only a cumulative indicator adds the years before the records.
        self.start_total.setEnabled(self.kind.currentData() == "cumulative")

    def collected(self) -> IndicatorInfo:
        """What the form says (raises IndicatorError for bad numbers)."""
        baseline = core.parse_value(self.baseline.text(), self.unit.text())
        if isinstance(baseline, str):
            raise core.IndicatorError("基準値は数値で入力してください（なければ空）")
        start_total = None
        if self.kind.currentData() == "cumulative":
            start_total = core.parse_value(self.start_total.text(), self.unit.text())
            if isinstance(start_total, str):
                raise core.IndicatorError("記録開始前の累計は数値で入力してください（なければ空）")
        breakdown = self.breakdown.currentData() or "total"
        # The breakdown is the first 条件; with 合計, the first further one is.
        conditions = ([(breakdown, self.key.currentData() or "")] if breakdown != "total"
                      else []) + self.conditions.values()
        breakdown, key = conditions[0] if conditions else ("total", "")
        return IndicatorInfo(
            self.info.id, self.code.text().strip(), self.name.text().strip(),
            self.unit.text().strip(), self.office.text().strip(), self.kind.currentData(),
            self.measure.currentData() or "", breakdown, key,
            self.direction.currentData(), self.info.first_fy, self.info.last_fy, baseline,
            self.baseline_fy.value() if baseline is not None else None,
            self.goal.text().strip(), self.policy.text().strip(), self.project.text().strip(),
            self.overview.toPlainText().strip(), self.info.sort_order, self.active.isChecked(),
            self.info.builtin, start_total,
            tuple(re.split(r"[\s,、・]+", unicodedata.normalize("NFKC", self.branches.text()).strip()))
            if self.branches.text().strip() else (),
            self.department.text().strip(), self.team.text().strip(), self.focus.isChecked(),
            filters=tuple(conditions[1:]))

    def save(self) -> None:
        try:
            info = self.collected()
            core.validate(info.definition, self.keys)
        except core.IndicatorError as exc:
            self.error.setText(str(exc))
            return
        db, user = self.ctx.db, self.ctx.user
        run_job(self, lambda progress: service.save_indicator(db, user, info),
                            on_done=lambda _: (self.saved.emit(info.code), self.accept()),
                            on_error=lambda exc: self.error.setText(error_text(exc)))


class ThresholdsDialog(QDialog):
    """評価の基準 (administrators): A from a% of the target, B from b%."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("評価の基準"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        t = service.thresholds(ctx.db)
        self.a = QSpinBox(self)
        self.b = QSpinBox(self)
        for w, v in ((self.a, t.a_percent), (self.b, t.b_percent)):
            w.setRange(1, 1000)
            w.setSuffix(" %")
            w.setValue(int(v))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("A（着実に進捗している）: 目標の"), self.a)
        form.addRow(self.tr("B（ある程度進捗している）: 目標の"), self.b)
        note = QLabel(self.tr("これより下は C（進捗が順調でない）。少ないほどよい指標は逆の向きで判定します。"), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        save_shortcuts(self, self.save, buttons.button(QDialogButtonBox.Save))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        a, b = self.a.value(), self.b.value()
        db, user = self.ctx.db, self.ctx.user
        run_job(self, lambda progress: service.save_thresholds(db, user, a, b),
                            on_done=lambda _: (self.saved.emit(), self.accept()),
                            on_error=lambda exc: self.error.setText(error_text(exc)))
