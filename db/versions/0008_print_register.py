"""print register (印刷台帳): who printed which list, for whom, copies

Revision ID: 0008
Revises: 0002
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "print_register",
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=True),
        sa.Column("list_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("filters", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("columns", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("person_count", sa.Integer(), nullable=False),
        sa.Column("recipient", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("first_copy_no", sa.Integer(), nullable=True),
        sa.Column("last_copy_no", sa.Integer(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("disposal", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("disposed_on", sa.Date(), nullable=True),
        sa.Column("disposal_note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("disposal_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("print_register", schema=None) as batch_op:
        batch_op.create_index("ix_print_register_branch_at", ["branch_id", "printed_at"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_register", schema=None) as batch_op:
        batch_op.drop_index("ix_print_register_branch_at")
    op.drop_table("print_register")
