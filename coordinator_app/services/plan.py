"""The plan's 基本目標 → 施策の方向性 → 事業 and the 事業's evaluation (issue
17). Qt-free.

A 事業 holds zero or more indicators (each with its own targets and
actuals, ``services.indicators``); an indicator belongs to one 事業 and may
be shown again under others as 再掲, counted once. The grade of a 事業 per
fiscal year is the evaluator's (A/B/C, ``-`` 評価なし); the app proposes
the worst of its indicators' proposals (``core.plan_rules``). The six
narratives are per 事業 × year. City staff and administrators edit all of
it (as they edit the sheet's headings); everything is audited.

An active indicator placed in no 事業 keeps a sheet of its own, headed by
its own goal/policy/project texts, with its own grade and narratives (the
sheets before 事業 existed).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select

from coordinator_app.core import access, clock, plan_rules
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.indicator_rules import IndicatorError
from coordinator_app.core.models import (
    Indicator,
    PlanGoal,
    PlanPolicy,
    PlanProject,
    ProjectIndicator,
    ProjectYear,
)
from coordinator_app.services import indicators, plan_tree
from coordinator_app.services.plan_tree import (  # noqa: F401 (the plain data of this API)
    NARRATIVE_FIELDS,
    Goal,
    Link,
    Narrative,
    PlanTree,
    Policy,
    Project,
    ProjectFigure,
    ProjectResult,
    SheetEntry,
)
from coordinator_app.storage.database import Database


class NeedsConfirmation(IndicatorError):
    """Deleting would remove an evaluation: ask the user, then call again
    with ``confirmed=True``."""


# --- reading ------------------------------------------------------------------------

def tree(db: Database, user: SignedIn) -> PlanTree:
    with db.session() as s:
        return plan_tree.tree_in(s)


def evaluate_project(db: Database, user: SignedIn, project_id: int, fiscal_year: int,
                     source: str = "local", branch_code: str | None = None,
                     today: dt.date | None = None) -> ProjectResult:
    """A 事業 for a fiscal year: its indicators' figures, the proposal and the
    decision of every plan year, and the year's narratives."""
    today = today or clock.today()
    with db.session() as s:
        t = plan_tree.tree_in(s)
        found = [p for p in t.projects if p.id == project_id]
        if not found:
            raise LookupError("その事業は見つかりません")
        codes = [link.code for link in found[0].links]
        branch_codes = indicators._branch_scope(user, branch_code, source, s)
        inds = list(s.scalars(select(Indicator).where(Indicator.code.in_(codes),
                                                      Indicator.active.is_(True))))
        results = indicators._evaluate_in(s, inds, fiscal_year, source, branch_codes, today)
        return plan_tree.results_in(s, PlanTree(t.goals, t.policies, found), fiscal_year, results,
                                    indicators._plan_in(s).years)[0]


# --- the plan's structure -----------------------------------------------------------

def _next_order(s, column, *where) -> int:
    return (s.scalar(select(func.max(column)).where(*where)) or 0) + 10


def _saved(db: Database, s, row, created: bool, entity: str, detail: str) -> int:
    db.stamp(row, created=created)
    s.add(row)
    s.flush()
    db.audit(s, "create" if created else "update", entity, row.id, detail)
    return row.id


def save_goal(db: Database, user: SignedIn, goal: Goal) -> int:
    """Create (``id == 0``, last in plan order) or rename a 基本目標."""
    access.check(user, Action.EVALUATE)
    number, name = plan_rules.clean(goal.number, goal.name, "基本目標")
    with db.session() as s:
        row = s.get(PlanGoal, goal.id) if goal.id else PlanGoal(
            name=name, sort_order=_next_order(s, PlanGoal.sort_order))
        if row is None:
            raise LookupError("その基本目標は見つかりません")
        row.number, row.name = number, name
        if goal.id and goal.sort_order:
            row.sort_order = goal.sort_order
        return _saved(db, s, row, not goal.id, "plan_goal", f"number={number or '-'}")


def save_policy(db: Database, user: SignedIn, policy: Policy) -> int:
    """Create (``id == 0``) or change a 施策の方向性 of a 基本目標."""
    access.check(user, Action.EVALUATE)
    number, name = plan_rules.clean(policy.number, policy.name, "施策の方向性")
    with db.session() as s:
        if s.get(PlanGoal, policy.goal_id) is None:
            raise IndicatorError("施策の方向性を置く基本目標を選んでください")
        row = s.get(PlanPolicy, policy.id) if policy.id else PlanPolicy(
            goal_id=policy.goal_id, name=name,
            sort_order=_next_order(s, PlanPolicy.sort_order, PlanPolicy.goal_id == policy.goal_id))
        if row is None:
            raise LookupError("その施策の方向性は見つかりません")
        row.goal_id, row.number, row.name = policy.goal_id, number, name
        if policy.id and policy.sort_order:
            row.sort_order = policy.sort_order
        return _saved(db, s, row, not policy.id, "plan_policy",
                      f"goal={policy.goal_id} number={number or '-'}")


def save_project(db: Database, user: SignedIn, project: Project) -> int:
    """Create (``id == 0``) or change a 事業 (number, name, ※重点, overview,
    部局名・課名・係名). Its indicators are attached one by one."""
    access.check(user, Action.EVALUATE)
    number, name = plan_rules.clean(project.number, project.name, "事業", name_required=False)
    for f in ("department", "office", "team"):
        if len(getattr(project, f).strip()) > 100:
            raise IndicatorError("部局名・課名・係名は100文字以内にしてください")
    with db.session() as s:
        if s.get(PlanPolicy, project.policy_id) is None:
            raise IndicatorError("事業を置く施策の方向性を選んでください")
        row = s.get(PlanProject, project.id) if project.id else PlanProject(
            policy_id=project.policy_id, sort_order=_next_order(
                s, PlanProject.sort_order, PlanProject.policy_id == project.policy_id))
        if row is None:
            raise LookupError("その事業は見つかりません")
        row.policy_id, row.number, row.name = project.policy_id, number, name
        row.focus = bool(project.focus)
        row.overview = (project.overview or "").strip()
        for f in ("department", "office", "team"):
            setattr(row, f, getattr(project, f).strip())
        if project.id and project.sort_order:
            row.sort_order = project.sort_order
        return _saved(db, s, row, not project.id, "plan_project",
                      f"policy={project.policy_id} number={number or '-'} "
                      f"focus={int(row.focus)}")


def delete_goal(db: Database, user: SignedIn, goal_id: int) -> None:
    """Delete a 基本目標 without 施策 (refused otherwise: move or delete them first)."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        if s.scalar(select(PlanPolicy.id).where(PlanPolicy.goal_id == goal_id).limit(1)):
            raise IndicatorError("施策の方向性がある基本目標は削除できません（先に施策を削除してください）")
        row = s.get(PlanGoal, goal_id)
        if row is not None:
            s.delete(row)
            db.audit(s, "delete", "plan_goal", goal_id, "")


def delete_policy(db: Database, user: SignedIn, policy_id: int) -> None:
    """Delete a 施策の方向性 without 事業 (refused otherwise)."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        if s.scalar(select(PlanProject.id).where(PlanProject.policy_id == policy_id).limit(1)):
            raise IndicatorError("事業がある施策の方向性は削除できません（先に事業を削除してください）")
        row = s.get(PlanPolicy, policy_id)
        if row is not None:
            s.delete(row)
            db.audit(s, "delete", "plan_policy", policy_id, "")


def delete_project(db: Database, user: SignedIn, project_id: int, confirmed: bool = False
                   ) -> None:
    """Delete a 事業 and its indicator links. One holding grades or
    narratives is deleted only when ``confirmed`` (else NeedsConfirmation
    says what would go); its indicators themselves stay."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        row = s.get(PlanProject, project_id)
        if row is None:
            raise LookupError("その事業は見つかりません")
        kept = [y.fiscal_year for y in s.scalars(select(ProjectYear).where(
            ProjectYear.project_id == project_id))
            if y.grade or any(getattr(y, f) for f, _ in NARRATIVE_FIELDS)]
        if s.scalar(select(ProjectIndicator.indicator_id).where(
                ProjectIndicator.indicator_id.in_(
                    select(ProjectIndicator.indicator_id).where(
                        ProjectIndicator.project_id == project_id,
                        ProjectIndicator.restated.is_(False))),
                ProjectIndicator.restated.is_(True)).limit(1)):
            raise IndicatorError("この事業の指標が別の事業に再掲されています（先に再掲を外してください）")
        if kept and not confirmed:
            years = "・".join(core.short_year(fy) for fy in sorted(kept))
            raise NeedsConfirmation(
                f"事業「{plan_rules.label(row.number, row.name)}」には {years} の評価・記述があります。"
                "削除すると元に戻せません。削除してよいか確かめてください")
        s.execute(delete(ProjectYear).where(ProjectYear.project_id == project_id))
        s.execute(delete(ProjectIndicator).where(ProjectIndicator.project_id == project_id))
        s.delete(row)
        db.audit(s, "delete", "plan_project", project_id,
                 f"years_removed={','.join(map(str, sorted(kept))) or '-'}")


def attach_indicator(db: Database, user: SignedIn, project_id: int, code: str,
                     restated: bool = False) -> None:
    """Put an indicator on a 事業's sheet (last row). An indicator has one
    home 事業; under another it is 再掲 (``restated``), which needs the home."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        if s.get(PlanProject, project_id) is None:
            raise LookupError("その事業は見つかりません")
        ind = indicators._get(s, code)
        links = list(s.scalars(select(ProjectIndicator).where(
            ProjectIndicator.indicator_id == ind.id)))
        if any(link.project_id == project_id for link in links):
            raise IndicatorError(f"指標「{ind.name}」はこの事業に既にあります")
        home = next((link for link in links if not link.restated), None)
        if restated and home is None:
            raise IndicatorError(f"指標「{ind.name}」はまだどの事業にもありません。"
                                 "まず本来の事業に加え、ほかの事業には再掲として加えてください")
        if not restated and home is not None:
            raise IndicatorError(f"指標「{ind.name}」は既に別の事業の指標です。"
                                 "この事業には再掲として加えてください")
        position = _next_order(s, ProjectIndicator.position,
                               ProjectIndicator.project_id == project_id)
        s.add(ProjectIndicator(project_id=project_id, indicator_id=ind.id,
                               restated=restated, position=position))
        db.audit(s, "attach", "plan_project", project_id,
                 f"code={code} restated={int(restated)}")


def detach_indicator(db: Database, user: SignedIn, project_id: int, code: str) -> None:
    """Take an indicator off a 事業's sheet (the indicator and its figures
    stay). Its home is left only when no 事業 restates it."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        ind = indicators._get(s, code)
        link = s.get(ProjectIndicator, (project_id, ind.id))
        if link is None:
            return
        if not link.restated and s.scalar(select(ProjectIndicator.project_id).where(
                ProjectIndicator.indicator_id == ind.id,
                ProjectIndicator.restated.is_(True)).limit(1)):
            raise IndicatorError(f"指標「{ind.name}」はほかの事業に再掲されています（先に再掲を外してください）")
        s.delete(link)
        db.audit(s, "detach", "plan_project", project_id, f"code={code}")


# --- grades and narratives ----------------------------------------------------------

def _check_year(s, fy: int) -> None:
    plan = indicators._plan_in(s)
    if not plan.first_fy <= fy <= plan.last_fy:
        raise IndicatorError(
            f"{fy}年度は計画期間（{core.plan_label(plan.first_fy, plan.last_fy)}）の外です")


def decide_grade(db: Database, user: SignedIn, project_id: int, fiscal_year: int, grade: str,
                 memo: str = "") -> None:
    """The evaluator's grade of a 事業 for a year: A/B/C, ``-`` (評価なし) or
    ``""`` (not decided). Audited with the grade before and after."""
    access.check(user, Action.EVALUATE)
    grade, memo = core.clean_decision(grade, memo)
    with db.session() as s:
        _check_year(s, fiscal_year)
        row = plan_tree.year_row(s, project_id, fiscal_year, create=bool(grade))
        if row is None:
            return
        before = row.grade
        if (before, row.memo) == (grade, memo if grade else ""):
            return
        row.grade, row.memo = grade, memo if grade else ""
        db.stamp(row, created=row.created_by == "")
        s.add(row)
        db.audit(s, "decide_grade", "plan_project", project_id,
                 f"fy={fiscal_year} grade={grade or 'undecided'} before={before or 'undecided'}")


def get_narrative(db: Database, user: SignedIn, project_id: int, fiscal_year: int) -> Narrative:
    with db.session() as s:
        return plan_tree.narrative_of(s.get(ProjectYear, (project_id, fiscal_year)))


def save_narrative(db: Database, user: SignedIn, project_id: int, fiscal_year: int,
                   narrative: Narrative) -> bool:
    """The six narratives of a 事業 × year, in one transaction; audited with
    the names of the fields changed. Returns whether anything changed."""
    access.check(user, Action.EVALUATE)
    with db.session() as s:
        return plan_tree.save_narrative_in(s, db, project_id, fiscal_year, narrative)
