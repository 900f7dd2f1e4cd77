"""指標 and the 進行管理・評価シート: definitions, targets, actuals, grades,
narratives and the files of the contract. Qt-free.

Actuals of indicators with a measure are computed from the tallies, either
of this database's records (``source="local"``) or of the branch files the
city office received (``source="consolidated"``, see ``consolidation``).
Indicators without a measure take a typed actual.

Who does what: everyone signed in reads figures (coordinators: their own
branch, from their records); city staff and administrators set targets,
typed actuals, grade overrides (with a reason, audited) and the sheet's
narratives; administrators define indicators and the grade thresholds.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import func, select

from coordinator_app.core import access, clock, counting
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import Action, Role, ScopeError, SignedIn
from coordinator_app.core.dates import fiscal_year_of
from coordinator_app.core.indicator_rules import IndicatorError, Value
from coordinator_app.core.models import (
    Branch,
    EvaluationNarrative,
    Indicator,
    IndicatorPlan,
    IndicatorYear,
    Setting,
)
from coordinator_app.interchange import sheets
from coordinator_app.services import consolidation
from coordinator_app.storage import private_files
from coordinator_app.storage.database import Database

SOURCES = {"local": "この端末の記録", "consolidated": "集約した集計ファイル"}
NARRATIVE_FIELDS = [
    ("activities", "取り組み内容"),
    ("progress", "進捗状況及び自己評価"),
    ("issues", "課題"),
    ("next_steps", "今後の取り組み方針"),
    ("collaboration", "協働事項"),
    ("committee", "推進委員会の意見"),
]
SHEET_FIELDS = ("office", "goal", "policy", "project", "overview")
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

    @property
    def definition(self) -> core.Definition:
        return core.Definition(self.code, self.name, self.unit, self.kind, self.measure,
                               self.breakdown, self.key, self.direction, self.first_fy,
                               self.last_fy, self.baseline)


@dataclass(frozen=True)
class YearFigure:
    """One fiscal year of an indicator."""

    fiscal_year: int
    target: Value
    actual: Value
    grade: str  # in force: the override when there is one
    computed_grade: str
    override: str
    override_reason: str
    typed: bool  # the actual was typed (indicator without a measure)
    in_progress: bool  # the fiscal year has not ended yet


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

    @property
    def years(self) -> list[int]:
        return list(range(self.first_fy, self.last_fy + 1))


@dataclass(frozen=True)
class Narrative:
    activities: str = ""
    progress: str = ""
    issues: str = ""
    next_steps: str = ""
    collaboration: str = ""
    committee: str = ""


# --- definitions --------------------------------------------------------------------

def _info(i: Indicator) -> IndicatorInfo:
    return IndicatorInfo(i.id, i.code, i.name, i.unit, i.office, i.kind, i.measure, i.breakdown,
                         i.breakdown_key, i.direction, i.first_fy, i.last_fy,
                         core.to_decimal(i.baseline), i.baseline_fy, i.goal, i.policy, i.project,
                         i.overview, i.sort_order, i.active, i.builtin)


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


LOCKED_BUILTIN = ("code", "kind", "measure", "breakdown", "key")


def save_indicator(db: Database, user: SignedIn, info: IndicatorInfo) -> int:
    """Create (``info.id == 0``) or update an indicator definition
    (administrators). The defaults of the contract keep their code and
    what they count."""
    access.check(user, Action.DEFINE_INDICATORS)
    if info.baseline is not None:
        if isinstance(info.baseline, str) or core.to_decimal(info.baseline) is None:
            raise IndicatorError("基準値は数値にしてください")
        info = replace(info, baseline=core.to_decimal(info.baseline))
    core.validate(info.definition)
    with db.session() as s:
        clash = s.scalar(select(Indicator.id).where(Indicator.code == info.code))
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
        row.goal, row.policy, row.project = info.goal, info.policy, info.project
        row.overview = info.overview
        row.active = info.active
        if info.sort_order and not created:
            row.sort_order = info.sort_order
        db.stamp(row, created=created)
        s.add(row)
        s.flush()
        db.audit(s, "create" if created else "update", "indicator", row.id,
                 f"code={row.code} kind={row.kind} measure={row.measure or '-'}")
        return row.id


def new_info(**fields) -> IndicatorInfo:
    """An unsaved definition with defaults (for the definition dialog)."""
    base = IndicatorInfo(0, "", "", "件", core.DEFAULT_OFFICE, "flow", "", "total", "", "higher",
                         core.DEFAULT_PLAN_YEARS[0], core.DEFAULT_PLAN_YEARS[1], None, None,
                         "", "", "", "", 0, True, False)
    return replace(base, **fields)


def _save_sheet_fields(s, db: Database, row: Indicator, fields: dict[str, str]) -> None:
    unknown = set(fields) - set(SHEET_FIELDS)
    if unknown:
        raise ValueError(f"変更できない項目です: {', '.join(sorted(unknown))}")
    changed = []
    for name, value in fields.items():
        value = (value or "").strip()
        if name != "overview" and len(value) > 200:
            raise IndicatorError("見出しの項目は200文字以内にしてください")
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
    return Plan(p.name, p.first_fy, p.last_fy)


def save_plan(db: Database, user: SignedIn, name: str, first_fy: int, last_fy: int) -> None:
    access.check(user, Action.EVALUATE)
    name = (name or "").strip()
    if not name:
        raise IndicatorError("計画名を入力してください")
    if len(name) > 200:
        raise IndicatorError("計画名は200文字以内にしてください")
    if first_fy > last_fy or last_fy - first_fy > 20:
        raise IndicatorError("計画期間の年度を確かめてください")
    with db.session() as s:
        p = s.scalar(select(IndicatorPlan).order_by(IndicatorPlan.id).limit(1))
        created = p is None
        if created:
            p = IndicatorPlan(name=name, first_fy=first_fy, last_fy=last_fy)
        p.name, p.first_fy, p.last_fy = name, first_fy, last_fy
        db.stamp(p, created=created)
        s.add(p)
        s.flush()
        db.audit(s, "update", "indicator_plan", p.id, f"years={first_fy}-{last_fy}")


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


# --- targets, typed actuals, overrides ---------------------------------------------

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
    """The actual of an indicator without a measure (a survey, a committee…).
    Refused for indicators counted from the records."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        ind = _get(s, code)
        if ind.measure:
            raise IndicatorError("この指標の実績は記録から計算します（入力できません）")
        value = core.parse_value(text, ind.unit)
        if isinstance(value, Decimal) and value < 0:
            raise IndicatorError("実績値は0以上にしてください")
        row = _year_row(s, ind, fiscal_year)
        row.actual_number, row.actual_word = core.stored(value)
        db.stamp(row, created=row.created_by == "")
        s.add(row)
        db.audit(s, "update", "indicator_actual", ind.id, f"code={code} fy={fiscal_year}")
        return value


def override_grade(db: Database, user: SignedIn, code: str, fiscal_year: int, grade: str,
                   reason: str) -> None:
    """Replace the computed grade by ``grade`` (A/B/C) with a reason, or
    clear the override with ``grade=""``. Audited (without the reason's
    text, which is free text)."""
    access.check(user, Action.EVALUATE)
    grade = (grade or "").strip().upper()
    reason = (reason or "").strip()
    if grade not in ("", "A", "B", "C"):
        raise IndicatorError("評価は A・B・C のどれかにしてください")
    if grade and not reason:
        raise IndicatorError("評価を変更する理由を入力してください")
    with db.session() as s:
        ind = _get(s, code)
        row = _year_row(s, ind, fiscal_year, create=bool(grade))
        if row is None:
            return
        if grade and row.target_number is None and not row.target_word:
            raise IndicatorError("目標が設定されていない年度は評価できません。先に目標を入力してください")
        row.grade_override = grade
        row.override_reason = reason if grade else ""
        db.stamp(row, created=row.created_by == "")
        s.add(row)
        db.audit(s, "override_grade" if grade else "clear_override", "indicator", ind.id,
                 f"code={code} fy={fiscal_year} grade={grade or '-'}")


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


def _figures_source(s, source: str, branch_codes: list[str] | None
                    ) -> Callable[[int], core.FigureIndex]:
    cache: dict[int, core.FigureIndex] = {}

    def figures_of(fy: int) -> core.FigureIndex:
        if fy not in cache:
            if source == "consolidated":
                rows = consolidation.rows_in_session(s, fy, branch_codes)
            else:
                rows = counting.compute(s, fy, branch_codes)
            cache[fy] = core.index_rows(rows)
        return cache[fy]

    return figures_of


def _evaluate_in(s, indicators: list[Indicator], fiscal_year: int, source: str,
                 branch_codes: list[str] | None, today: dt.date) -> list[IndicatorResult]:
    if source not in SOURCES:
        raise ValueError(f"不明な集計元です（{source}）")
    current_fy = fiscal_year_of(today)
    t = core.Thresholds.from_settings(_settings(s))
    figures_of = _figures_source(s, source, branch_codes)
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

        def actual_of(fy: int, ind=ind, defn=defn) -> Value:
            if fy > current_fy:
                return None
            if defn.computed:
                return core.computed_actual(defn, fy, figures_of)
            row = years.get((ind.id, fy))
            return core.loaded(row.actual_number, row.actual_word) if row else None

        series: list[YearFigure] = []
        for fy in wanted:
            row = years.get((ind.id, fy))
            target = core.loaded(row.target_number, row.target_word) if row else None
            actual = actual_of(fy)
            previous = actual_of(fy - 1) if fy > defn.first_fy else None
            reference = core.reference_for(fy, defn.first_fy, previous, defn.baseline)
            computed = core.judge(target, actual, defn.direction, reference, t)
            override = row.grade_override if row and target is not None else ""
            series.append(YearFigure(fy, target, actual, override or computed, computed, override,
                                     row.override_reason if override else "",
                                     not defn.computed, fy >= current_fy))
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
    results: list[IndicatorResult]
    narratives: dict[str, Narrative]  # by indicator code
    summary_years: list[int]
    summary: dict[str, dict[int, str]]  # code → fy → grade


def sheet_data(db: Database, user: SignedIn, fiscal_year: int, source: str = "local",
               branch_code: str | None = None, today: dt.date | None = None) -> SheetData:
    plan = get_plan(db)
    today = today or clock.today()
    with db.session() as s:
        branch_codes = _branch_scope(user, branch_code, source, s)
        inds = list(s.scalars(select(Indicator).where(Indicator.active.is_(True))
                              .order_by(Indicator.sort_order, Indicator.id)))
        results = _evaluate_in(s, inds, fiscal_year, source, branch_codes, today)
        by_id = narratives_for_year(s, fiscal_year)
        if branch_codes and len(branch_codes) == 1:
            name = s.scalar(select(Branch.name).where(Branch.code == branch_codes[0]))
            scope = name or branch_codes[0]
        else:
            scope = "全支部"
    summary_years = sorted(set(plan.years) | {fiscal_year})
    summary = {r.info.code: {f.fiscal_year: f.grade for f in r.series} for r in results}
    for r in results:
        summary[r.info.code].setdefault(fiscal_year, r.year.grade)
    narratives = {r.info.code: by_id.get(r.info.id, Narrative()) for r in results}
    return SheetData(plan, fiscal_year, scope, SOURCES[source], results, narratives,
                     summary_years, summary)


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
