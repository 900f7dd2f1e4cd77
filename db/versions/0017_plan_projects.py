"""the plan's 基本目標 → 施策の方向性 → 事業 (issue 17)

New tables ``plan_goal``, ``plan_policy``, ``plan_project`` (the 事業 with
its sheet headings), ``project_indicator`` (an indicator's target row on a
事業's sheet, ``restated`` for 再掲) and ``project_year`` (the evaluator's
grade and the six narratives per 事業 × year).

An existing database keeps its evaluation: every indicator that carries
any of it (a 基本目標/施策/事業名 heading, a narrative or a decided grade)
becomes one 事業 under its goal/policy texts (same text, same 基本目標 or
施策), with its headings, ※ mark, narratives and decided grades copied
over (the indicator's own rows stay as they were). Indicators with none
of it stay outside the plan's 事業 (their sheet is printed as before).

Revision ID: 0017
Revises: 0016
"""
import datetime as dt
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0017"
down_revision: Union[str, None] = "0016"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = sqlmodel.sql.sqltypes.AutoString
NARRATIVES = ("activities", "progress", "issues", "next_steps", "collaboration", "committee")


def _stamped() -> list[sa.Column]:
    return [sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("created_by", S(length=64), nullable=False),
            sa.Column("updated_by", S(length=64), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "plan_goal", *_stamped(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", S(length=16), nullable=False),
        sa.Column("name", S(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "plan_policy", *_stamped(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("number", S(length=16), nullable=False),
        sa.Column("name", S(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["plan_goal.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_policy_goal_id", "plan_policy", ["goal_id"])
    op.create_table(
        "plan_project", *_stamped(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("number", S(length=16), nullable=False),
        sa.Column("name", S(length=200), nullable=False),
        sa.Column("focus", sa.Boolean(), nullable=False),
        sa.Column("overview", S(), nullable=False),
        sa.Column("department", S(length=100), nullable=False),
        sa.Column("office", S(length=100), nullable=False),
        sa.Column("team", S(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["policy_id"], ["plan_policy.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_project_policy_id", "plan_project", ["policy_id"])
    op.create_table(
        "project_indicator",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("restated", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["plan_project.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("project_id", "indicator_id"),
    )
    op.create_index("ix_project_indicator_indicator_id", "project_indicator", ["indicator_id"])
    op.create_table(
        "project_year", *_stamped(),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("grade", S(length=1), nullable=False),
        sa.Column("memo", S(), nullable=False),
        *[sa.Column(name, S(), nullable=False) for name in NARRATIVES],
        sa.ForeignKeyConstraint(["project_id"], ["plan_project.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("project_id", "fiscal_year"),
    )
    _move_indicators(op.get_bind())


def _move_indicators(conn) -> None:
    """One 事業 per indicator that carries evaluation data (see above)."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    stamp = dict(created_at=now, updated_at=now, created_by="migration", updated_by="migration")
    narratives = {}
    for row in conn.execute(sa.text(
            f"SELECT indicator_id, fiscal_year, {', '.join(NARRATIVES)} FROM evaluation_narrative")):
        if any(row[2:]):
            narratives.setdefault(row[0], {})[row[1]] = dict(zip(NARRATIVES, row[2:]))
    grades = {}
    for ind, fy, grade, memo in conn.execute(sa.text(
            "SELECT indicator_id, fiscal_year, grade_override, override_reason "
            "FROM indicator_year WHERE grade_override <> ''")):
        grades.setdefault(ind, {})[fy] = (grade, memo or "")
    goals: dict[str, int] = {}
    policies: dict[tuple[int, str], int] = {}

    def insert(table: str, values: dict) -> int:
        cols = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        conn.execute(sa.text(f"INSERT INTO {table} ({cols}) VALUES ({marks})"), values)
        return values.get("id", 0)

    def next_id(table: str) -> int:
        return (conn.execute(sa.text(f"SELECT MAX(id) FROM {table}")).scalar() or 0) + 1

    indicators = conn.execute(sa.text(
        "SELECT id, name, goal, policy, project, overview, department, office, team, focus "
        "FROM indicator ORDER BY sort_order, id")).all()
    for order, (ind, name, goal, policy, project, overview, department, office, team,
                focus) in enumerate(indicators, 1):
        if not (goal or policy or project or ind in narratives or ind in grades):
            continue
        if goal not in goals:
            goals[goal] = insert("plan_goal", dict(
                id=next_id("plan_goal"), number="", name=goal or "（基本目標なし）",
                sort_order=len(goals) * 10 + 10, **stamp))
        key = (goals[goal], policy)
        if key not in policies:
            policies[key] = insert("plan_policy", dict(
                id=next_id("plan_policy"), goal_id=goals[goal], number="",
                name=policy or "（施策なし）", sort_order=len(policies) * 10 + 10, **stamp))
        project_id = insert("plan_project", dict(
            id=next_id("plan_project"), policy_id=policies[key], number="",
            name=(project or name)[:200], focus=bool(focus), overview=overview or "",
            department=department or "", office=office or "", team=team or "",
            sort_order=order * 10, **stamp))
        insert("project_indicator", dict(project_id=project_id, indicator_id=ind,
                                         restated=False, position=10))
        for fy in sorted(set(narratives.get(ind, {})) | set(grades.get(ind, {}))):
            grade, memo = grades.get(ind, {}).get(fy, ("", ""))
            texts = narratives.get(ind, {}).get(fy, dict.fromkeys(NARRATIVES, ""))
            insert("project_year", dict(project_id=project_id, fiscal_year=fy, grade=grade,
                                        memo=memo, **texts, **stamp))
    # PostgreSQL: the serial sequences continue after the ids written here.
    if conn.dialect.name == "postgresql":
        for table in ("plan_goal", "plan_policy", "plan_project"):
            conn.execute(sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"))


def downgrade() -> None:
    op.drop_table("project_year")
    op.drop_index("ix_project_indicator_indicator_id", table_name="project_indicator")
    op.drop_table("project_indicator")
    op.drop_index("ix_plan_project_policy_id", table_name="plan_project")
    op.drop_table("plan_project")
    op.drop_index("ix_plan_policy_goal_id", table_name="plan_policy")
    op.drop_table("plan_policy")
    op.drop_table("plan_goal")
