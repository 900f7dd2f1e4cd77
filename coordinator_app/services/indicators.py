"""指標 and the 進行管理・評価シート: definitions, targets, actuals, grades,
narratives and the files of the contract. Qt-free.

Actuals of indicators with a measure are computed from the tallies, either
of this database's records (``source="local"``) or of the branch files the
city office received (``source="consolidated"``, see ``consolidation``).
Indicators without a measure take a typed actual.

Who does what: everyone signed in reads figures (coordinators: their own
branch, from their records); city staff and administrators set targets,
typed actuals, the grades they decide (the app proposes one; audited),
notes and the sheet's narratives; administrators define indicators and
the grade thresholds.

The plan (name, period, the first year the records cover) carries to
every indicator: its period is the plan's, and a year before the records
takes a typed actual also for an indicator counted from the records.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from sqlalchemy import func, select

from coordinator_app.core import access, clock, counting
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import Action, Role, ScopeError, SignedIn
from coordinator_app.core.dates import (
    fiscal_months,
    fiscal_year_label,
    fiscal_year_of,
    month_last_day,
)
from coordinator_app.core.indicator_rules import IndicatorError, Value
from coordinator_app.core.models import (
    Branch,
    EvaluationNarrative,
    Indicator,
    IndicatorPlan,
    IndicatorYear,
    PlanProject,
    Setting,
)
from coordinator_app.interchange import sheets
from coordinator_app.services import consolidation, plan_tree, tallies
from coordinator_app.services.plan_tree import NARRATIVE_FIELDS, Narrative  # noqa: F401 (API)
from coordinator_app.storage import private_files
from coordinator_app.storage.database import Database

SOURCES = {"local": "この端末の記録", "consolidated": "集約した集計ファイル"}
SHEET_FIELDS = ("department", "office", "team", "goal", "policy", "project", "overview")
CSV_HEADER = ["fiscal_year", "code", "name", "unit", "kind", "target", "actual", "grade"]


# --- plain results ------------------------------------------------------------------

@dataclass(frozen=True)
class IndicatorInfo:
    id: int
    code: str
    name: str
    unit: str
    office: str
    kind: str
    measure: str
    breakdown: str
    key: str
    direction: str
    first_fy: int
    last_fy: int
    baseline: Decimal | None
    baseline_fy: int | None
    goal: str
    policy: str
    project: str
    overview: str
    sort_order: int
    active: bool
    builtin: bool
    start_total: Decimal | None = None  # cumulative: the years before the records
    branches: tuple[str, ...] = ()  # counted over these branches only; () every one
    department: str = ""  # 部局名 (課名 is ``office``)
    team: str = ""  # 係名
    focus: bool = False  # ※ 重点的評価施策
    # Conditions ANDed with (breakdown, key): ((breakdown, key), ...).
    filters: tuple[tuple[str, str], ...] = ()

    @property
    def definition(self) -> core.Definition:
        return core.Definition(self.code, self.name, self.unit, self.kind, self.measure,
                               self.breakdown, self.key, self.direction, self.first_fy,
                               self.last_fy, self.baseline, self.start_total, self.branches,
                               filters=tuple(self.filters))


@dataclass(frozen=True)
class YearFigure:
    """One fiscal year of an indicator."""

    fiscal_year: int
    target: Value
    actual: Value
    proposed: str  # the app's proposal from the thresholds ('' when it cannot judge)
    decided: str  # the evaluator's grade: A/B/C, '-' 評価なし, '' not decided yet
    memo: str  # the evaluator's memo on the grade (screen only, never printed)
    typed: bool  # the actual was typed (no measure, or a year before the records)
    in_progress: bool  # the fiscal year has not ended yet
    note: str = ""  # printed as the sheet's footnote
    gap: str = ""  # consolidated files missing: 「13支部中11支部・一部の月が未着」
    # Why there is no figure although the year has one (a combined
    # indicator over consolidated files: core.UNCOUNTABLE_FROM_FILES);
    # shown and printed instead of the actual.
    uncounted: str = ""

    @property
    def grade(self) -> str:
        """The grade in force: the decision, else the proposal ('' for 評価なし)."""
        if self.decided:
            return "" if self.decided == core.NO_GRADE else self.decided
        return self.proposed


@dataclass(frozen=True)
class IndicatorResult:
    info: IndicatorInfo
    year: YearFigure  # the fiscal year asked for
    series: list[YearFigure]  # every year of the plan (and the year asked for)


@dataclass(frozen=True)
class Plan:
    name: str
    first_fy: int
    last_fy: int
    records_from: int | None = None  # the first year the records cover whole

    @property
    def years(self) -> list[int]:
        return list(range(self.first_fy, self.last_fy + 1))


# --- definitions --------------------------------------------------------------------

def _info(i: Indicator) -> IndicatorInfo:
    return IndicatorInfo(i.id, i.code, i.name, i.unit, i.office, i.kind, i.measure, i.breakdown,
                         i.breakdown_key, i.direction, i.first_fy, i.last_fy,
                         core.to_decimal(i.baseline), i.baseline_fy, i.goal, i.policy, i.project,
                         i.overview, i.sort_order, i.active, i.builtin,
                         core.to_decimal(i.start_total),
                         tuple(c for c in (i.branches or "").split(",") if c),
                         i.department, i.team, i.focus, filters=core.parse_filters(i.filters))


def list_indicators(db: Database, user: SignedIn, include_inactive: bool = False
                    ) -> list[IndicatorInfo]:
    with db.session() as s:
        q = select(Indicator).order_by(Indicator.sort_order, Indicator.id)
        if not include_inactive:
            q = q.where(Indicator.active.is_(True))
        return [_info(i) for i in s.scalars(q)]


def _get(s, code: str) -> Indicator:
    found = s.scalar(select(Indicator).where(Indicator.code == code))
    if found is None:
        raise LookupError(f"指標 {code} は登録されていません")
    return found


def get_indicator(db: Database, user: SignedIn, code: str) -> IndicatorInfo:
    with db.session() as s:
        return _info(_get(s, code))


LOCKED_BUILTIN = ("code", "kind", "measure", "breakdown", "key", "branches", "filters")


def save_indicator(db: Database, user: SignedIn, info: IndicatorInfo) -> int:
    """Create (``info.id == 0``) or update an indicator definition
    (administrators). The defaults of the contract keep their code and
    what they count."""
    access.check(user, Action.DEFINE_INDICATORS)
    for name, label in (("baseline", "基準値"), ("start_total", "記録開始前の累計")):
        value = getattr(info, name)
        if value is not None:
            if isinstance(value, str) or core.to_decimal(value) is None:
                raise IndicatorError(f"{label}は数値にしてください")
            info = replace(info, **{name: core.to_decimal(value)})
    info = replace(info, branches=tuple(sorted(set(info.branches))),
                   filters=tuple((b, k) for b, k in info.filters))
    with db.session() as s:
        # With the configurable lists (categories, roles, kinds) a 条件 may pick.
        core.validate(info.definition, tallies.measure_key_lists(s))
        clash = s.scalar(select(Indicator.id).where(Indicator.code == info.code))
        known = set(s.scalars(select(Branch.code).where(Branch.code.in_(info.branches))))
        unknown = [c for c in info.branches if c not in known]
        if unknown:
            raise IndicatorError(f"支部コード {'・'.join(unknown)} は登録されていません")
        if info.id:
            row = s.get(Indicator, info.id)
            if row is None:
                raise LookupError("その指標は見つかりません")
            if clash and clash != info.id:
                raise IndicatorError(f"コード {info.code} は既に使われています")
            if row.builtin:
                current = _info(row)
                for name in LOCKED_BUILTIN:
                    if getattr(current, name) != getattr(info, name):
                        raise IndicatorError("標準の指標は数える項目とコード・種類を変えられません")
            created = False
        else:
            if clash:
                raise IndicatorError(f"コード {info.code} は既に使われています")
            row = Indicator(code=info.code, name=info.name, first_fy=info.first_fy,
                            last_fy=info.last_fy, builtin=False)
            order = s.scalar(select(func.max(Indicator.sort_order))) or 0
            row.sort_order = order + 10
            created = True
        row.code, row.name, row.unit, row.office = info.code, info.name.strip(), info.unit, info.office
        row.kind, row.measure, row.breakdown = info.kind, info.measure, info.breakdown
        row.breakdown_key, row.direction = info.key, info.direction
        row.first_fy, row.last_fy = info.first_fy, info.last_fy
        row.baseline = float(info.baseline) if info.baseline is not None else None
        row.baseline_fy = info.baseline_fy
        before_total = core.to_decimal(row.start_total)
        before_branches = row.branches or ""
        before_filters = row.filters or ""
        row.filters = core.filters_text(info.filters)
        row.branches = ",".join(info.branches)
        row.start_total = float(info.start_total) if info.start_total is not None else None
        row.goal, row.policy, row.project = info.goal, info.policy, info.project
        row.overview = info.overview
        row.department, row.team = info.department.strip(), info.team.strip()
        row.focus = info.focus
        row.active = info.active
        if info.sort_order and not created:
            row.sort_order = info.sort_order
        db.stamp(row, created=created)
        s.add(row)
        s.flush()
        detail = f"code={row.code} kind={row.kind} measure={row.measure or '-'}"
        if created or before_total != info.start_total:
            detail += f" start_total={core.plain_number(info.start_total) or '-'}"
        if created or before_branches != row.branches:
            detail += f" branches={row.branches or 'all'}"
        if created or before_filters != row.filters:
            detail += f" filters={row.filters or '-'}"
        db.audit(s, "create" if created else "update", "indicator", row.id, detail)
        return row.id


def key_choices(db: Database) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The keys a definition may pick for each (measure, breakdown): a
    breakdown ``kind`` is the event or group 種別 for those measures (their
    configurable tables), the consultation 区分 otherwise."""
    with db.session() as s:
        return tallies.measure_key_lists(s)


def new_info(plan: Plan | None = None, **fields) -> IndicatorInfo:
    """An unsaved definition with defaults over the plan's period (for the
    definition dialog)."""
    first, last = (plan.first_fy, plan.last_fy) if plan else core.DEFAULT_PLAN_YEARS
    base = IndicatorInfo(0, "", "", "件", core.DEFAULT_OFFICE, "flow", "", "total", "", "higher",
                         first, last, None, None, "", "", "", "", 0, True, False)
    return replace(base, **fields)


def _save_sheet_fields(s, db: Database, row: Indicator, fields: dict[str, str]) -> None:
    unknown = set(fields) - set(SHEET_FIELDS)
    if unknown:
        raise ValueError(f"変更できない項目です: {', '.join(sorted(unknown))}")
    changed = []
    for name, value in fields.items():
        value = (value or "").strip()
        limit = 100 if name in ("department", "office", "team") else 200
        if name != "overview" and len(value) > limit:
            raise IndicatorError("見出しの項目は、部局名・課名・係名は100文字以内、ほかは200文字以内にしてください")
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    if changed:
        db.stamp(row)
        db.audit(s, "update", "indicator", row.id, "sheet=" + ",".join(changed))


# --- plan and thresholds ------------------------------------------------------------

def get_plan(db: Database) -> Plan:
    with db.session() as s:
        p = s.scalar(select(IndicatorPlan).order_by(IndicatorPlan.id).limit(1))
    if p is None:
        return Plan(core.DEFAULT_PLAN_NAME, *core.DEFAULT_PLAN_YEARS)
    return Plan(p.name, p.first_fy, p.last_fy, p.records_from)


def _plan_in(s) -> Plan:
    p = s.scalar(select(IndicatorPlan).order_by(IndicatorPlan.id).limit(1))
    return Plan(p.name, p.first_fy, p.last_fy, p.records_from) if p else Plan(
        core.DEFAULT_PLAN_NAME, *core.DEFAULT_PLAN_YEARS)


def save_plan(db: Database, user: SignedIn, name: str, first_fy: int, last_fy: int,
              records_from: int | None = None) -> None:
    """The plan's name and period, which every indicator takes (one
    transaction), and the first fiscal year the records cover whole (the
    years before it take typed actuals; None: every year from records)."""
    access.check(user, Action.EVALUATE)
    name = (name or "").strip()
    if not name:
        raise IndicatorError("計画名を入力してください")
    if len(name) > 200:
        raise IndicatorError("計画名は200文字以内にしてください")
    if first_fy > last_fy or last_fy - first_fy > 20:
        raise IndicatorError("計画期間の年度を確かめてください（最初の年度が最後の年度より後か、20年を超えています）")
    if records_from is not None and not 2000 <= records_from <= 2100:
        raise IndicatorError("記録で数える最初の年度を確かめてください")
    with db.session() as s:
        p = s.scalar(select(IndicatorPlan).order_by(IndicatorPlan.id).limit(1))
        created = p is None
        if created:
            p = IndicatorPlan(name=name, first_fy=first_fy, last_fy=last_fy)
        p.name, p.first_fy, p.last_fy, p.records_from = name, first_fy, last_fy, records_from
        db.stamp(p, created=created)
        s.add(p)
        moved = 0
        for ind in s.scalars(select(Indicator)):
            if (ind.first_fy, ind.last_fy) != (first_fy, last_fy):
                ind.first_fy, ind.last_fy = first_fy, last_fy
                db.stamp(ind)
                moved += 1
        s.flush()
        db.audit(s, "update", "indicator_plan", p.id,
                 f"years={first_fy}-{last_fy} records_from={records_from or '-'} "
                 f"indicators_moved={moved}")


def _settings(s) -> dict[str, str]:
    return dict(s.execute(select(Setting.key, Setting.value)
                          .where(Setting.key.in_([core.SETTING_A, core.SETTING_B]))).all())


def thresholds(db: Database) -> core.Thresholds:
    with db.session() as s:
        return core.Thresholds.from_settings(_settings(s))


def save_thresholds(db: Database, user: SignedIn, a_percent: Decimal, b_percent: Decimal) -> None:
    """A from a_percent of the target, B from b_percent (administrators)."""
    access.check(user, Action.DEFINE_INDICATORS)
    a, b = Decimal(a_percent), Decimal(b_percent)
    if not (0 < b < a <= 1000):
        raise IndicatorError("B の基準は A の基準より小さい正の値にしてください（例: A 100%・B 60%）")
    with db.session() as s:
        for key, value in ((core.SETTING_A, a), (core.SETTING_B, b)):
            row = s.get(Setting, key) or Setting(key=key)
            row.value = core.plain_number(value)
            s.add(row)
        db.audit(s, "update", "setting", None, f"grade_a={a} grade_b={b}")


# --- targets, typed actuals, grades, notes ------------------------------------------

def _year_row(s, indicator: Indicator, fy: int, create: bool = True) -> IndicatorYear | None:
    row = s.get(IndicatorYear, (indicator.id, fy))
    if row is None and create:
        row = IndicatorYear(indicator_id=indicator.id, fiscal_year=fy)
    return row


def _check_year(indicator: Indicator, fy: int) -> None:
    if not indicator.first_fy <= fy <= indicator.last_fy:
        raise IndicatorError(
            f"{fy}年度は計画期間（{core.plan_label(indicator.first_fy, indicator.last_fy)}）の外です")


def set_target(db: Database, user: SignedIn, code: str, fiscal_year: int, text: object) -> Value:
    """Set (or, with a blank, clear) one year's target: a number or a word."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        ind = _get(s, code)
        _check_year(ind, fiscal_year)
        value = core.parse_value(text, ind.unit)
        if isinstance(value, Decimal) and value < 0:
            raise IndicatorError("目標値は0以上にしてください")
        row = _year_row(s, ind, fiscal_year)
        row.target_number, row.target_word = core.stored(value)
        db.stamp(row, created=row.created_by == "")
        s.add(row)
        db.audit(s, "update", "indicator_target", ind.id, f"code={code} fy={fiscal_year}")
        return value


def set_typed_actual(db: Database, user: SignedIn, code: str, fiscal_year: int,
                     text: object) -> Value:
    """The typed actual of a year: for an indicator without a measure (a
    survey, a committee…), or for a year before the records (the plan's
    「記録で数える最初の年度」). Refused for a year the records count."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        ind = _get(s, code)
        records_from = _plan_in(s).records_from
        if ind.measure and not (records_from and fiscal_year < records_from):
            raise IndicatorError(
                f"{fiscal_year_label(fiscal_year)}の実績は記録から計算します（入力できません）。"
                "記録を使う前の年度の実績は、計画の「記録で数える最初の年度」より前の年度に入力します")
        value = core.parse_value(text, ind.unit)
        if isinstance(value, Decimal) and value < 0:
            raise IndicatorError("実績値は0以上にしてください")
        row = _year_row(s, ind, fiscal_year)
        row.actual_number, row.actual_word = core.stored(value)
        db.stamp(row, created=row.created_by == "")
        s.add(row)
        db.audit(s, "update", "indicator_actual", ind.id, f"code={code} fy={fiscal_year}")
        return value


def decide_grade(db: Database, user: SignedIn, code: str, fiscal_year: int, grade: str,
                 memo: str = "") -> None:
    """The evaluator's grade of a year: A/B/C, ``-`` (評価なし), or ``""``
    (not decided: the screen shows the app's proposal, the sheet prints
    none). ``memo`` is the evaluator's own note (never printed). Audited
    with the grade before and after (not the memo, which is free text)."""
    access.check(user, Action.EVALUATE)
    grade, memo = core.clean_decision(grade, memo)
    with db.session() as s:
        ind = _get(s, code)
        _check_year(ind, fiscal_year)
        row = _year_row(s, ind, fiscal_year, create=bool(grade))
        if row is None:
            return
        before = row.grade_override
        if (before, row.override_reason) == (grade, memo if grade else ""):
            return
        row.grade_override = grade
        row.override_reason = memo if grade else ""
        db.stamp(row, created=row.created_by == "")
        s.add(row)
        db.audit(s, "decide_grade", "indicator", ind.id,
                 f"code={code} fy={fiscal_year} grade={grade or 'undecided'} "
                 f"before={before or 'undecided'}")


def set_year_note(db: Database, user: SignedIn, code: str, fiscal_year: int, text: str) -> None:
    """A note on one indicator × year (e.g. 「H30から相談と連絡・問い合わせを
    区別」), printed as the sheet's footnote; blank removes it."""
    access.check(user, Action.EVALUATE)
    text = " ".join((text or "").split())
    if len(text) > 200:
        raise IndicatorError("注記は200文字以内にしてください")
    with db.session() as s:
        ind = _get(s, code)
        row = _year_row(s, ind, fiscal_year, create=bool(text))
        if row is None or row.note == text:
            return
        row.note = text
        db.stamp(row, created=row.created_by == "")
        s.add(row)
        db.audit(s, "update", "indicator_note", ind.id, f"code={code} fy={fiscal_year}")


# --- narratives ---------------------------------------------------------------------

def get_narrative(db: Database, user: SignedIn, code: str, fiscal_year: int) -> Narrative:
    with db.session() as s:
        ind = _get(s, code)
        row = s.get(EvaluationNarrative, (ind.id, fiscal_year))
        if row is None:
            return Narrative()
        return Narrative(*(getattr(row, f) for f, _ in NARRATIVE_FIELDS))


def save_sheet(db: Database, user: SignedIn, code: str, fiscal_year: int,
               headings: dict[str, str], narrative: Narrative) -> None:
    """The evaluation sheet of one indicator × year in one transaction:
    its headings (担当課, 基本目標 …) and the six narratives."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        row = _get(s, code)
        _save_sheet_fields(s, db, row, headings)
        _save_narrative(s, db, row, fiscal_year, narrative)


def _save_narrative(s, db: Database, ind: Indicator, fiscal_year: int,
                    narrative: Narrative) -> None:
    row = s.get(EvaluationNarrative, (ind.id, fiscal_year))
    created = row is None
    if created:
        row = EvaluationNarrative(indicator_id=ind.id, fiscal_year=fiscal_year)
    changed = []
    for f, _ in NARRATIVE_FIELDS:
        value = (getattr(narrative, f) or "").rstrip()
        if getattr(row, f) != value:
            changed.append(f)
            setattr(row, f, value)
    if not changed:
        return
    db.stamp(row, created=created)
    s.add(row)
    db.audit(s, "update", "evaluation_narrative", ind.id,
             f"code={ind.code} fy={fiscal_year} fields={','.join(changed)}")


def narratives_for_year(s, fiscal_year: int) -> dict[int, Narrative]:
    rows = s.scalars(select(EvaluationNarrative).where(EvaluationNarrative.fiscal_year == fiscal_year))
    return {r.indicator_id: Narrative(*(getattr(r, f) for f, _ in NARRATIVE_FIELDS)) for r in rows}


# --- evaluation ---------------------------------------------------------------------

def _branch_scope(user: SignedIn, branch_code: str | None, source: str, s) -> list[str] | None:
    only = access.check(user, Action.TALLIES)
    if only is not None:
        if source != "local":
            raise ScopeError("コーディネーターは自分の支部の記録から計算します")
        own = s.scalar(select(Branch.code).where(Branch.id == only))
        if branch_code not in (None, own):
            raise ScopeError("コーディネーターは自分の支部の指標だけを見られます")
        return [own]
    if source == "consolidated":
        access.check(user, Action.CONSOLIDATE,
                     refusal="集約した集計ファイルは市社協の職員だけが使えます")
    return [branch_code] if branch_code else None


class _Figures:
    """The tally figures of each fiscal year, from this database's records
    or from the received files; for the latter, what each measure's
    figure lacks (branches × ended months not received)."""

    def __init__(self, s, source: str, branch_codes: list[str] | None, today: dt.date) -> None:
        self.s, self.source, self.branch_codes, self.today = s, source, branch_codes, today
        self.cache: dict[int, core.FigureIndex] = {}
        self.received: dict[int, dict[str, set[tuple[str, int]]]] = {}
        self.expected = branch_codes or list(s.scalars(select(Branch.code)))

    def of(self, fy: int) -> core.FigureIndex:
        if fy not in self.cache:
            if self.source == "consolidated":
                rows = consolidation.rows_in_session(self.s, fy, self.branch_codes)
                got: dict[str, set[tuple[str, int]]] = {}
                for r in rows:
                    if r.breakdown == "total":
                        y, m = r.month.split("-")
                        got.setdefault(r.measure, set()).add((r.branch_code, int(y) * 100 + int(m)))
                self.received[fy] = got
            else:
                rows = counting.compute(self.s, fy, self.branch_codes)
            self.cache[fy] = core.index_rows(rows)
        return self.cache[fy]

    def of_definition(self, defn: core.Definition):
        """``of`` for one indicator: a combined one's counts (from the
        records, ``counting.combined_counts``) put into each year's index
        under ``defn.figure``. None when they cannot be had: the tally
        files hold one breakdown a row."""
        if not defn.combined:
            return self.of
        if self.source == "consolidated":
            return None
        breakdown, key = defn.figure

        def of(fy: int) -> core.FigureIndex:
            index = self.of(fy)
            months = counting.fiscal_month_keys(fy)
            if (defn.measure, breakdown, key, months[0]) not in index:
                counted = counting.combined_counts(self.s, fy, defn.measure, defn.conditions,
                                                   self.branch_codes)
                index.update({(defn.measure, breakdown, key, m): n for m, n in counted.items()})
            return index
        return of

    def gap(self, measure: str, years: Iterable[int], stock: bool = False) -> str:
        """'' for the records (whole by construction) or a complete set of
        files; else what is missing (``core.coverage_gap``) of the ended
        months the figure is made of (a stock: the year's last one)."""
        if self.source != "consolidated":
            return ""
        received, months = set(), []
        for fy in years:
            self.of(fy)
            received |= self.received[fy].get(measure, set())
            ended = [y * 100 + m for y, m in fiscal_months(fy) if month_last_day(y, m) < self.today]
            months += ended[-1:] if stock else ended
        return core.coverage_gap(self.expected, months, received)


def _evaluate_in(s, indicators: list[Indicator], fiscal_year: int, source: str,
                 branch_codes: list[str] | None, today: dt.date) -> list[IndicatorResult]:
    if source not in SOURCES:
        raise ValueError(f"不明な集計元です（{source}）")
    current_fy = fiscal_year_of(today)
    t = core.Thresholds.from_settings(_settings(s))
    records_from = _plan_in(s).records_from
    sources: dict[tuple[str, ...] | None, _Figures] = {}

    def figures_over(branches: list[str] | None) -> _Figures:
        key = tuple(branches) if branches is not None else None
        if key not in sources:
            sources[key] = _Figures(s, source, branches, today)
        return sources[key]

    ids = [i.id for i in indicators]
    years: dict[tuple[int, int], IndicatorYear] = {}
    if ids:
        for y in s.scalars(select(IndicatorYear).where(IndicatorYear.indicator_id.in_(ids))):
            years[(y.indicator_id, y.fiscal_year)] = y
    results = []
    for ind in indicators:
        info = _info(ind)
        defn = info.definition
        wanted = sorted(set(defn.plan_years) | {fiscal_year})
        # The indicator's own branches within what the user may see.
        branches = branch_codes if not info.branches else [
            c for c in (branch_codes or info.branches) if c in info.branches]
        figures = figures_over(branches)
        figures_of = figures.of_definition(defn)

        def actual_of(fy: int, ind=ind, defn=defn, branches=branches,
                      figures_of=figures_of) -> tuple[Value, bool]:
            """(actual, typed): a typed one for an indicator without a
            measure and for a year before the records."""
            if fy > current_fy:
                return None, False
            if defn.computed and not (records_from and fy < records_from):
                if branches == [] or figures_of is None:  # out of scope; or uncountable
                    return None, False
                return core.computed_actual(defn, fy, figures_of, records_from), False
            row = years.get((ind.id, fy))
            value = core.loaded(row.actual_number, row.actual_word) if row else None
            return value, value is not None

        series: list[YearFigure] = []
        for fy in wanted:
            row = years.get((ind.id, fy))
            target = core.loaded(row.target_number, row.target_word) if row else None
            actual, typed = actual_of(fy)
            previous = actual_of(fy - 1)[0] if fy > defn.first_fy else None
            reference = core.reference_for(fy, defn.first_fy, previous, defn.baseline)
            gap = ""
            if defn.computed and not typed and actual is not None and fy <= current_fy:
                counted = range(max(defn.first_fy, records_from or defn.first_fy), fy + 1) \
                    if defn.kind == "cumulative" else [fy]
                gap = figures.gap(defn.measure, counted, stock=defn.kind == "stock")
            # A year the files cannot count (a combined indicator) has no
            # figure: it says so instead, and nothing is proposed.
            uncounted = ""
            if figures_of is None and fy <= current_fy and branches != [] \
                    and not (records_from and fy < records_from) \
                    and not (defn.kind == "cumulative" and fy < defn.first_fy):
                uncounted = core.UNCOUNTABLE_FROM_FILES
            # No proposal on incomplete files: the evaluator decides alone.
            proposed = "" if gap else core.judge(target, actual, defn.direction, reference, t)
            series.append(YearFigure(fy, target, actual, proposed,
                                     row.grade_override if row else "",
                                     row.override_reason if row else "", typed,
                                     fy >= current_fy, row.note if row else "", gap,
                                     uncounted=uncounted))
        this = next(f for f in series if f.fiscal_year == fiscal_year)
        in_plan = [f for f in series if defn.first_fy <= f.fiscal_year <= defn.last_fy]
        results.append(IndicatorResult(info, this, in_plan))
    return results


def evaluate(db: Database, user: SignedIn, fiscal_year: int, source: str = "local",
             branch_code: str | None = None, today: dt.date | None = None,
             codes: Iterable[str] | None = None) -> list[IndicatorResult]:
    """Every active indicator (or those of ``codes``) for a fiscal year,
    with the series over the plan years. Coordinators get their branch."""
    today = today or clock.today()
    with db.session() as s:
        branch_codes = _branch_scope(user, branch_code, source, s)
        q = select(Indicator).where(Indicator.active.is_(True)).order_by(Indicator.sort_order,
                                                                          Indicator.id)
        if codes is not None:
            q = select(Indicator).where(Indicator.code.in_(list(codes))).order_by(
                Indicator.sort_order, Indicator.id)
        return _evaluate_in(s, list(s.scalars(q)), fiscal_year, source, branch_codes, today)


def evaluate_one(db: Database, user: SignedIn, code: str, fiscal_year: int,
                 source: str = "local", branch_code: str | None = None,
                 today: dt.date | None = None) -> IndicatorResult:
    found = evaluate(db, user, fiscal_year, source, branch_code, today, codes=[code])
    if not found:
        raise LookupError(f"指標 {code} は登録されていません")
    return found[0]


# --- files --------------------------------------------------------------------------

def write_csv(results: list[IndicatorResult], fiscal_year: int, out: Path) -> None:
    """docs/interchange.md: UTF-8 with BOM,
    ``fiscal_year,code,name,unit,kind,target,actual,grade``; one row per
    indicator. The grade is empty when no target is set. Names and target
    words are typed by people: a formula-like one is written as text."""
    private_files.write_bytes(out, sheets.csv_bytes(CSV_HEADER, (
        [fiscal_year, r.info.code, r.info.name, r.info.unit, r.info.kind,
         core.plain_number(r.year.target), core.plain_number(r.year.actual),
         r.year.grade if r.year.target is not None else ""] for r in results)))


def export_csv(db: Database, user: SignedIn, fiscal_year: int, out: Path,
               source: str = "local", branch_code: str | None = None,
               today: dt.date | None = None) -> int:
    results = evaluate(db, user, fiscal_year, source, branch_code, today)
    write_csv(results, fiscal_year, Path(out))
    with db.session() as s:
        db.audit(s, "export", "indicators", None,
                 f"fy={fiscal_year} format=csv source={source} branch={branch_code or 'all'}")
    return len(results)


@dataclass(frozen=True)
class SheetData:
    """Everything the evaluation PDF prints (plain data, for the report)."""

    plan: Plan
    fiscal_year: int
    scope_label: str
    source_label: str
    results: list[IndicatorResult]  # every active indicator, once (再掲 not again)
    entries: list  # services.plan.SheetEntry: one sheet each, in plan order
    summary_years: list[int]


def sheet_data(db: Database, user: SignedIn, fiscal_year: int, source: str = "local",
               branch_code: str | None = None, today: dt.date | None = None) -> SheetData:
    plan = get_plan(db)
    today = today or clock.today()
    with db.session() as s:
        branch_codes = _branch_scope(user, branch_code, source, s)
        inds = list(s.scalars(select(Indicator).where(Indicator.active.is_(True))
                              .order_by(Indicator.sort_order, Indicator.id)))
        results = _evaluate_in(s, inds, fiscal_year, source, branch_codes, today)
        entries = plan_tree.sheet_entries(s, results, fiscal_year, plan.years,
                                          narratives_for_year(s, fiscal_year))
        if branch_codes and len(branch_codes) == 1:
            name = s.scalar(select(Branch.name).where(Branch.code == branch_codes[0]))
            scope = name or branch_codes[0]
        else:
            scope = "全支部"
    summary_years = sorted(set(plan.years) | {fiscal_year})
    return SheetData(plan, fiscal_year, scope, SOURCES[source], results, entries, summary_years)


def export_pdf(db: Database, user: SignedIn, fiscal_year: int, out: Path,
               source: str = "local", branch_code: str | None = None,
               today: dt.date | None = None) -> int:
    """The 進行管理・評価シート as PDF; returns the number of pages."""
    from coordinator_app.reports import evaluation

    data = sheet_data(db, user, fiscal_year, source, branch_code, today)
    buf = io.BytesIO()
    pages = evaluation.write_pdf(data, buf, printed_on=today)
    private_files.write_bytes(out, buf.getvalue())  # owner-only; a reader never sees half a file
    with db.session() as s:
        db.audit(s, "export", "indicators", None,
                 f"fy={fiscal_year} format=pdf source={source} branch={branch_code or 'all'}")
    return pages


def export_xlsx(db: Database, user: SignedIn, fiscal_year: int, out: Path,
                source: str = "local", branch_code: str | None = None,
                today: dt.date | None = None) -> int:
    """The sheet as an Excel workbook (one worksheet per 事業, the printed
    layout) for the committee to type its comments; returns the number of
    worksheets."""
    from coordinator_app.interchange import evaluation_book

    data = sheet_data(db, user, fiscal_year, source, branch_code, today)
    private_files.write_bytes(out, evaluation_book.write_book(data))
    with db.session() as s:
        db.audit(s, "export", "indicators", None,
                 f"fy={fiscal_year} format=xlsx source={source} branch={branch_code or 'all'}")
    return len(data.entries)


def import_committee_comments(db: Database, user: SignedIn, path: Path) -> tuple[int, int]:
    """Read the 「推進委員会の意見」 of every worksheet of a workbook written
    by ``export_xlsx`` into the 事業's (or the lone indicator's) 推進委員会の意見,
    in one transaction (a workbook with an unknown 事業 or indicator or a bad
    sheet changes nothing). Returns (fiscal year, comments changed)."""
    from coordinator_app.interchange import evaluation_book

    access.check(user, Action.EVALUATE)
    path = Path(path)
    try:
        fiscal_year, comments = evaluation_book.read_comments(path.read_bytes(), path.name)
    except evaluation_book.BookError as exc:
        raise IndicatorError(str(exc)) from None
    with db.session() as s:
        codes = [key for kind, key in comments if kind == "indicator"]
        found = {i.code: i for i in s.scalars(select(Indicator).where(Indicator.code.in_(codes)))}
        unknown = [c for c in codes if c not in found]
        projects = [key for kind, key in comments if kind == "project"]
        known = {str(i) for i in s.scalars(select(PlanProject.id).where(
            PlanProject.id.in_([int(k) for k in projects if k.isdigit()])))}
        unknown += [f"事業ID {k}" for k in projects if k not in known]
        if unknown:
            raise IndicatorError(f"{path.name}: {'・'.join(unknown)} は登録されていません")
        changed = 0
        for (kind, key), text in comments.items():
            text = text.rstrip()
            if kind == "project":
                changed += plan_tree.save_narrative_in(s, db, int(key), fiscal_year,
                                                       Narrative(committee=text), ("committee",),
                                                       "import")
                continue
            row = s.get(EvaluationNarrative, (found[key].id, fiscal_year))
            if (row.committee if row else "") == text:
                continue
            if row is None:
                row = EvaluationNarrative(indicator_id=found[key].id, fiscal_year=fiscal_year)
                db.stamp(row, created=True)
            else:
                db.stamp(row)
            row.committee = text
            s.add(row)
            db.audit(s, "import", "evaluation_narrative", found[key].id,
                     f"code={key} fy={fiscal_year} fields=committee")
            changed += 1
        return fiscal_year, changed


def run_command(db: Database, who: SignedIn | None, fiscal_year: int, fmt: str, out: Path,
                source: str = "local") -> str:
    """``coordinator-app indicators``: the CSV of docs/interchange.md or the
    evaluation PDF. ``who`` is None on a database without accounts (the
    script then sees every branch, as city staff would). Coordinators get
    their branch. Returns what was written ("7 件", "8 ページ")."""
    user = who or SignedIn(0, db.actor, db.actor, Role.CITY_STAFF, None, None, None)
    if fmt == "pdf":
        return f"{export_pdf(db, user, fiscal_year, Path(out), source)} ページ"
    if fmt != "csv":
        raise ValueError("形式は csv か pdf です")
    return f"{export_csv(db, user, fiscal_year, Path(out), source)} 件"
