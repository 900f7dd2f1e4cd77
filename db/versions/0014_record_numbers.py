"""相談番号: per-branch, per-fiscal-year record numbers (「R8-0231」)

Adds ``consultation.number_fy`` and ``consultation.number`` with the
unique index ``uq_consultation_number`` (branch_id, number_fy, number), and
numbers the existing records of each branch and fiscal year (that of
received_on, April–March, from the stored YYYYMM ``month``) from 1 in
received_on, id order — deleted ones included, as they keep theirs. See
``coordinator_app/core/record_numbers.py``.

Revision ID: 0014
Revises: 0013
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: Union[str, None] = "0013"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# month is YYYYMM; January–March belong to the fiscal year before.
_FY = "(month / 100 - CASE WHEN month % 100 < 4 THEN 1 ELSE 0 END)"


def upgrade() -> None:
    op.add_column("consultation", sa.Column("number_fy", sa.Integer(), nullable=True))
    op.add_column("consultation", sa.Column("number", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE consultation SET number_fy = n.fy, number = n.rn FROM ("
        " SELECT id, fy, ROW_NUMBER() OVER (PARTITION BY branch_id, fy"
        " ORDER BY received_on, id) AS rn"
        f" FROM (SELECT id, branch_id, received_on, {_FY} AS fy FROM consultation) AS t"
        ") AS n WHERE consultation.id = n.id")
    op.create_index("uq_consultation_number", "consultation",
                    ["branch_id", "number_fy", "number"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_consultation_number", table_name="consultation")
    # A plain DROP COLUMN (SQLite 3.35+): a batch table copy would lose
    # the triggers and the view of migrations 0009 and 0012.
    op.drop_column("consultation", "number")
    op.drop_column("consultation", "number_fy")
