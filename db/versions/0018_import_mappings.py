"""saved import mappings of the import wizard (issue 20)

New table ``import_mapping``: a named mapping (sheets, header row, column
sources, value codes as JSON) that the wizard and ``import KIND FILE
--mapping NAME`` use. Nothing existing changes.

Revision ID: 0018
Revises: 0017
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0018"
down_revision: Union[str, None] = "0017"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "import_mapping",
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", S(length=64), nullable=False),
        sa.Column("updated_by", S(length=64), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", S(length=100), nullable=False),
        sa.Column("kind", S(length=32), nullable=False),
        sa.Column("spec", S(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("import_mapping")
