"""the four default indicators of 行事・サロン (issue 16); the evaluation
model (issue 17)

``indicator_plan.records_from``: the first fiscal year the records cover
whole (years before it take typed actuals); ``indicator_year.note``: a
note per indicator and year, printed as the sheet's footnote;
``indicator.branches``: the branches an indicator counts ("" every one);
``indicator.department``/``team``/``focus``: the sheet's 部局名・係名 (課名
is ``office``) and the ※ 重点的評価施策 mark. The grade
column ``indicator_year.grade_override`` now holds the evaluator's
decided grade (``-`` for 評価なし); an existing override is a decision.

Also seeds ``groups``, ``forum_participants``, ``course_participants`` and
``events`` (docs/interchange.md "Indicator file") as built-in indicators
over the plan's current period, after the existing ones. A database where
an administrator already defined an indicator with one of these codes
keeps it (their definition wins; nothing is overwritten).

Revision ID: 0015
Revises: 0014
"""
import datetime as dt
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0015"
down_revision: Union[str, None] = "0014"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Frozen copy of the four defaults added to
# coordinator_app.core.indicator_rules.DEFAULT_INDICATORS at this revision.
NEW_DEFAULTS = [
    ("groups", "サロン等の活動数", "か所", "stock", "groups_active", "total", ""),
    ("forum_participants", "地域福祉懇談会参加人数", "人", "flow", "event_participants", "kind",
     "forum"),
    ("course_participants", "地域の担い手育成講座受講人数（累計）", "人", "cumulative",
     "event_participants", "kind", "course"),
    ("events", "行事・講座の開催回数", "回", "flow", "events_held", "total", ""),
]
PLAN_DEFAULT = (2025, 2029)


def upgrade() -> None:
    with op.batch_alter_table("indicator_plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("records_from", sa.Integer(), nullable=True))
    with op.batch_alter_table("indicator_year", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=200),
                                      nullable=False, server_default=""))
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("branches", sqlmodel.sql.sqltypes.AutoString(length=400),
                                      nullable=False, server_default=""))
        for name in ("department", "team"):
            batch_op.add_column(sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=100),
                                          nullable=False, server_default=""))
        batch_op.add_column(sa.Column("focus", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    conn = op.get_bind()
    plan = conn.execute(sa.text(
        "SELECT first_fy, last_fy FROM indicator_plan ORDER BY id LIMIT 1")).first()
    first_fy, last_fy = tuple(plan) if plan else PLAN_DEFAULT
    order = conn.execute(sa.text("SELECT MAX(sort_order) FROM indicator")).scalar() or 0
    taken = {c for (c,) in conn.execute(sa.text("SELECT code FROM indicator"))}
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    stamp = dict(created_at=now, updated_at=now, created_by="migration", updated_by="migration")
    indicator = sa.table("indicator", *(sa.column(c) for c in (
        "code", "name", "unit", "office", "kind", "measure", "breakdown", "breakdown_key",
        "direction", "first_fy", "last_fy", "goal", "policy", "project", "overview",
        "sort_order", "active", "builtin", *stamp)))
    rows = []
    for code, name, unit, kind, measure, breakdown, key in NEW_DEFAULTS:
        if code in taken:
            continue
        order += 10
        rows.append(dict(code=code, name=name, unit=unit, office="社会福祉協議会", kind=kind,
                         measure=measure, breakdown=breakdown, breakdown_key=key,
                         direction="higher", first_fy=first_fy, last_fy=last_fy, goal="",
                         policy="", project="", overview="", sort_order=order, active=True,
                         builtin=True, **stamp))
    if rows:
        op.bulk_insert(indicator, rows)


def downgrade() -> None:
    codes = ", ".join(f"'{c[0]}'" for c in NEW_DEFAULTS)
    op.execute(sa.text(f"DELETE FROM indicator WHERE builtin AND code IN ({codes})"))
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        for name in ("focus", "team", "department", "branches"):
            batch_op.drop_column(name)
    with op.batch_alter_table("indicator_year", schema=None) as batch_op:
        batch_op.drop_column("note")
    with op.batch_alter_table("indicator_plan", schema=None) as batch_op:
        batch_op.drop_column("records_from")
