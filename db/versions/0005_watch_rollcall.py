"""見守り: disaster roll-call (災害時安否確認) and its time-stamped entries

Revision ID: 0005
Revises: 0002
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "rollcall",
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"]),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rollcall", schema=None) as batch_op:
        batch_op.create_index("ix_rollcall_branch_started", ["branch_id", "started_at"],
                              unique=False)

    op.create_table(
        "rollcall_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rollcall_id", sa.Integer(), nullable=False),
        sa.Column("watch_user_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("checked_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["rollcall_id"], ["rollcall.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["watch_user_id"], ["watch_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("rollcall_id", "watch_user_id"),
    )
    with op.batch_alter_table("rollcall_entry", schema=None) as batch_op:
        batch_op.create_index("ix_rollcall_entry_order", ["rollcall_id", "position"],
                              unique=False)
        batch_op.create_index("ix_rollcall_entry_status", ["rollcall_id", "status"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rollcall_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_rollcall_entry_status")
        batch_op.drop_index("ix_rollcall_entry_order")
    op.drop_table("rollcall_entry")
    with op.batch_alter_table("rollcall", schema=None) as batch_op:
        batch_op.drop_index("ix_rollcall_branch_started")
    op.drop_table("rollcall")
