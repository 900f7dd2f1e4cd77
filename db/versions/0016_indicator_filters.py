"""combined breakdown filters of an indicator (issue 17)

``indicator.filters``: conditions ANDed with the indicator's breakdown
(``from_whom=community;channel=visit``, see
``core.indicator_rules.parse_filters``); empty for every existing
indicator, which therefore counts exactly what it counted before.

Revision ID: 0016
Revises: 0015
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0016"
down_revision: Union[str, None] = "0015"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("filters", sqlmodel.sql.sqltypes.AutoString(length=400),
                                      nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_column("filters")
