"""imported watch contacts: watch_contact.imported_at marks what a ledger import brought

Watch contacts have no ID in a ledger. A later import of the same user
and day replaces what the previous imports brought for them, and never a
contact entered on screen (docs/interchange.md, watch-contacts.csv); this
column tells the two apart (None: entered on screen).

Contacts already there: every contact entered on screen has an audit row
("create", "watch_contact", its id); the others came from an import and
are marked with their creation time.

A plain ADD COLUMN, which SQLite does without rebuilding the table, so the
tally triggers of migration 0009 on watch_contact stay in place.

Revision ID: 0010
Revises: 0009
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: Union[str, None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("watch_contact", sa.Column("imported_at", sa.DateTime(), nullable=True))
    op.execute(
        "UPDATE watch_contact SET imported_at = created_at WHERE NOT EXISTS ("
        " SELECT 1 FROM audit_log WHERE audit_log.action = 'create'"
        " AND audit_log.entity = 'watch_contact' AND audit_log.entity_id = watch_contact.id)")


def downgrade() -> None:
    op.drop_column("watch_contact", "imported_at")
