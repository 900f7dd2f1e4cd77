"""volunteer matching: availability (weekday × slot) and covered areas

Revision ID: 0006
Revises: 0002
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "volunteer_availability",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("slot", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("volunteer_id", "weekday", "slot"),
    )
    with op.batch_alter_table("volunteer_availability", schema=None) as batch_op:
        batch_op.create_index("ix_volunteer_availability_slot",
                              ["weekday", "slot", "volunteer_id"], unique=False)

    op.create_table(
        "volunteer_area",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"]),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("volunteer_id", "area_id"),
    )
    with op.batch_alter_table("volunteer_area", schema=None) as batch_op:
        batch_op.create_index("ix_volunteer_area_area", ["area_id", "volunteer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("volunteer_area", schema=None) as batch_op:
        batch_op.drop_index("ix_volunteer_area_area")
    op.drop_table("volunteer_area")
    with op.batch_alter_table("volunteer_availability", schema=None) as batch_op:
        batch_op.drop_index("ix_volunteer_availability_slot")
    op.drop_table("volunteer_availability")
