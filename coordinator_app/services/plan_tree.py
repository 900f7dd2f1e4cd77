"""The plan's 基本目標 → 施策の方向性 → 事業 as read for the screens and the
sheet (issue 17): plain data, the tree in plan order, each 事業's rows,
proposals and decisions, and the sheets of the 進行管理・評価シート.
Qt-free; session-level helpers (the use cases that check access and own
sessions are ``services.plan`` and ``services.indicators``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from coordinator_app.core import indicator_rules as core
from coordinator_app.core import plan_rules
from coordinator_app.core.models import (
    Indicator,
    PlanGoal,
    PlanPolicy,
    PlanProject,
    ProjectIndicator,
    ProjectYear,
)
from coordinator_app.storage.database import Database

NARRATIVE_FIELDS = [
    ("activities", "取り組み内容"),
    ("progress", "進捗状況及び自己評価"),
    ("issues", "課題"),
    ("next_steps", "今後の取り組み方針"),
    ("collaboration", "協働事項"),
    ("committee", "推進委員会の意見"),
]


@dataclass(frozen=True)
class Narrative:
    activities: str = ""
    progress: str = ""
    issues: str = ""
    next_steps: str = ""
    collaboration: str = ""
    committee: str = ""


@dataclass(frozen=True)
class Goal:
    id: int
    number: str
    name: str
    sort_order: int = 0

    @property
    def label(self) -> str:
        return plan_rules.label(self.number, self.name, "　")


@dataclass(frozen=True)
class Policy:
    id: int
    goal_id: int
    number: str
    name: str
    sort_order: int = 0

    @property
    def label(self) -> str:
        return plan_rules.label(self.number, self.name)


@dataclass(frozen=True)
class Link:
    """An indicator on a 事業's sheet (``restated``: 再掲)."""

    code: str
    name: str
    restated: bool = False


@dataclass(frozen=True)
class Project:
    id: int
    policy_id: int
    number: str
    name: str
    focus: bool = False
    overview: str = ""
    department: str = ""
    office: str = ""
    team: str = ""
    sort_order: int = 0
    links: tuple[Link, ...] = ()

    @property
    def label(self) -> str:
        return plan_rules.label(self.number, self.name)


@dataclass(frozen=True)
class PlanTree:
    goals: list[Goal]  # plan order
    policies: list[Policy]  # plan order within their goal
    projects: list[Project]  # plan order within their policy

    def policies_of(self, goal_id: int) -> list[Policy]:
        return [p for p in self.policies if p.goal_id == goal_id]

    def projects_of(self, policy_id: int) -> list[Project]:
        return [p for p in self.projects if p.policy_id == policy_id]


@dataclass(frozen=True)
class ProjectFigure:
    """One fiscal year of a 事業."""

    fiscal_year: int
    proposed: str  # the app's proposal ('' none)
    decided: str  # A/B/C, '-' 評価なし, '' not decided
    memo: str = ""  # the evaluator's (never printed)


@dataclass(frozen=True)
class ProjectResult:
    project: Project
    rows: list[tuple[object, bool]]  # (indicator, restated) in sheet order
    series: list[ProjectFigure]  # the plan years (and the year asked for)
    narrative: Narrative

    def year(self, fy: int) -> ProjectFigure:
        return next(f for f in self.series if f.fiscal_year == fy)


@dataclass(frozen=True)
class SheetEntry:
    """One sheet of the 進行管理・評価シート (a 事業, or an indicator placed
    in no 事業), plain data for the report and the workbook."""

    project_id: int  # 0: an indicator placed in no 事業
    code: str  # that indicator's code ('' for a 事業)
    goal: str
    policy: str
    project: str
    focus: bool
    overview: str
    department: str
    office: str
    team: str
    rows: list[tuple[object, bool]]  # (indicator, restated)
    grades: dict[int, str]  # fy → decided grade
    narrative: Narrative = field(default_factory=Narrative)

    @property
    def key(self) -> str:
        """Unique among the sheets (the summary's 頁)."""
        return f"P{self.project_id}" if self.project_id else f"I{self.code}"


# --- reading --------------------------------------------------------------------------

def tree_in(s) -> PlanTree:
    """The whole plan in plan order."""
    goals = sorted((Goal(g.id, g.number, g.name, g.sort_order)
                    for g in s.scalars(select(PlanGoal))),
                   key=lambda g: plan_rules.sibling_order(g.number, g.sort_order, g.id))
    goal_rank = {g.id: n for n, g in enumerate(goals)}
    policies = sorted((Policy(p.id, p.goal_id, p.number, p.name, p.sort_order) for p in
                       s.scalars(select(PlanPolicy))),
                      key=lambda p: (goal_rank.get(p.goal_id, 0),
                                     *plan_rules.sibling_order(p.number, p.sort_order, p.id)))
    policy_rank = {p.id: n for n, p in enumerate(policies)}
    links: dict[int, list[Link]] = {}
    for pid, code, name, restated in s.execute(
            select(ProjectIndicator.project_id, Indicator.code, Indicator.name,
                   ProjectIndicator.restated)
            .join(Indicator, Indicator.id == ProjectIndicator.indicator_id)
            .order_by(ProjectIndicator.position, Indicator.sort_order, Indicator.id)):
        links.setdefault(pid, []).append(Link(code, name, restated))
    projects = sorted((Project(p.id, p.policy_id, p.number, p.name, p.focus, p.overview,
                               p.department, p.office, p.team, p.sort_order,
                               tuple(links.get(p.id, ()))) for p in s.scalars(select(PlanProject))),
                      key=lambda p: (policy_rank.get(p.policy_id, 0),
                                     *plan_rules.sibling_order(p.number, p.sort_order, p.id)))
    return PlanTree(goals, policies, projects)


def _years_of(s, project_ids: list[int]) -> dict[tuple[int, int], ProjectYear]:
    if not project_ids:
        return {}
    return {(y.project_id, y.fiscal_year): y for y in s.scalars(
        select(ProjectYear).where(ProjectYear.project_id.in_(project_ids)))}


def narrative_of(row: ProjectYear | None) -> Narrative:
    return Narrative(*(getattr(row, f) for f, _ in NARRATIVE_FIELDS)) if row else Narrative()


def results_in(s, t: PlanTree, fiscal_year: int, results: list, plan_years: list[int]
               ) -> list[ProjectResult]:
    """The 事業 of ``t`` with the indicators of ``results``
    (``services.indicators.IndicatorResult``, the active ones)."""
    by_code = {r.info.code: r for r in results}
    years = _years_of(s, [p.id for p in t.projects])
    out = []
    for p in t.projects:
        rows = [(by_code[link.code], link.restated) for link in p.links if link.code in by_code]
        wanted = sorted({f.fiscal_year for r, _ in rows for f in r.series}
                        | set(plan_years) | {fiscal_year})
        series = []
        for fy in wanted:
            proposals = []
            for r, _ in rows:
                f = next((f for f in r.series if f.fiscal_year == fy), None)
                if f is None and r.year.fiscal_year == fy:
                    f = r.year
                proposals.append(f.proposed if f else "")
            y = years.get((p.id, fy))
            series.append(ProjectFigure(fy, plan_rules.project_proposal(proposals),
                                        y.grade if y else "", y.memo if y else ""))
        out.append(ProjectResult(p, rows, series, narrative_of(years.get((p.id, fiscal_year)))))
    return out


def sheet_entries(s, results: list, fiscal_year: int, plan_years: list[int],
                  narratives: dict[int, Narrative]) -> list[SheetEntry]:
    """Every sheet in plan order: the 事業 (grouped by 基本目標 and 施策), then
    the active indicators placed in no 事業 (by their goal texts, as before,
    with their own ``narratives`` by indicator id)."""
    t = tree_in(s)
    goals = {g.id: g for g in t.goals}
    policies = {p.id: p for p in t.policies}
    entries = []
    for pr in results_in(s, t, fiscal_year, results, plan_years):
        p = pr.project
        policy = policies[p.policy_id]
        entries.append(SheetEntry(
            p.id, "", goals[policy.goal_id].label, policy.label, p.label, p.focus, p.overview,
            p.department, p.office, p.team, pr.rows,
            {f.fiscal_year: f.decided for f in pr.series}, pr.narrative))
    placed = set(s.scalars(select(ProjectIndicator.indicator_id)))
    alone = [r for r in results if r.info.id not in placed]
    order = {g: n for n, g in enumerate(core.plan_order(r.info.goal for r in alone))}
    alone.sort(key=lambda r: order[r.info.goal])  # stable: sort_order within a goal
    for r in alone:
        i = r.info
        grades = {f.fiscal_year: f.decided for f in r.series}
        grades.setdefault(fiscal_year, r.year.decided)
        entries.append(SheetEntry(0, i.code, i.goal, i.policy, i.project, i.focus, i.overview,
                                  i.department, i.office, i.team, [(r, False)], grades,
                                  narratives.get(i.id, Narrative())))
    return entries




# --- writing (in the caller's session) ----------------------------------------------

def year_row(s, project_id: int, fy: int, create: bool) -> ProjectYear | None:
    if s.get(PlanProject, project_id) is None:
        raise LookupError("その事業は見つかりません")
    row = s.get(ProjectYear, (project_id, fy))
    if row is None and create:
        row = ProjectYear(project_id=project_id, fiscal_year=fy)
    return row


def save_narrative_in(s, db: Database, project_id: int, fiscal_year: int, narrative: Narrative,
                      fields: tuple[str, ...] | None = None, action: str = "update") -> bool:
    """The narratives of a 事業 × year (or only ``fields``), audited with the
    names of the fields changed; whether anything changed."""
    row = year_row(s, project_id, fiscal_year, create=True)
    changed = []
    for f, _ in NARRATIVE_FIELDS:
        if fields is not None and f not in fields:
            continue
        value = (getattr(narrative, f) or "").rstrip()
        if getattr(row, f) != value:
            changed.append(f)
            setattr(row, f, value)
    if not changed:
        return False
    db.stamp(row, created=row.created_by == "")
    s.add(row)
    db.audit(s, action, "project_narrative", project_id,
             f"fy={fiscal_year} fields={','.join(changed)}")
    return True
