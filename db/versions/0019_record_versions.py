"""version columns for concurrent editing on a shared server (issue 21)

Adds ``version`` (integer, not null) to the records people edit on screen:
consultation, person, watch_user, watch_contact, volunteer,
activity_group and event. Rows already there get version 1 (the server
default); the app then counts it up on every save (``core/models.py``,
VERSIONED) and refuses a save made on an older version
(``services/saving.py``). A plain ADD/DROP COLUMN on both dialects: a
SQLite batch table copy would lose the triggers of migrations 0009 and 0012.

Adds ``client_key`` (nullable, unique where set) to the records a screen
creates through ``saving.retried``: the idempotency key of one save, so a
retry after the connection dropped in the middle of the commit finds the
record the first try stored instead of inserting it again. Rows already
there, and imported ones, keep NULL.

Revision ID: 0019
Revises: 0018
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: Union[str, None] = "0018"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


TABLES = ("consultation", "person", "watch_user", "watch_contact", "volunteer",
          "activity_group", "event")
KEYED = ("consultation", "watch_user", "watch_contact", "volunteer", "activity_group", "event")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False,
                                       server_default="1"))
    for table in KEYED:
        op.add_column(table, sa.Column("client_key", sa.String(length=32), nullable=True))
        # A unique index (not a constraint): SQLite cannot ADD a UNIQUE column;
        # NULLs never collide on either dialect.
        op.create_index(f"ix_{table}_client_key", table, ["client_key"], unique=True)


def downgrade() -> None:
    for table in KEYED:
        op.drop_index(f"ix_{table}_client_key", table_name=table)
        op.drop_column(table, "client_key")
    for table in TABLES:
        op.drop_column(table, "version")
