"""leaner indexes: drop what the running counts replaced (issue 19)

The database was 3.2x the size of a minimal loader's for the same records;
indexes were a large part of it. Measured with ``dbstat`` on a generated
city ledger set, each dropped index was paid for on every insert and read
by nothing any more:

- (``ix_consultation_tally`` is kept although the tally reads
  ``tally_consultation`` since 0009: the consultation list counts a
  区分 filter from it alone; without it that count read every row of the
  branch, 97 ms -> 3.2 s at 1,000,000 records.)
- ``ix_cc_tally`` on consultation_category: the tally reads
  ``tally_consultation_category``; the category rows of a record are
  found by their primary key.
- ``ix_watch_contact_tally``: the tally reads ``tally_watch_contact``;
  contacts by branch and month use ``ix_watch_contact_reach``.
- ``ix_consultation_follow_up`` becomes partial (only records with a
  follow-up day, a few in a hundred); every query on it compares
  follow_up_on, which implies it is not NULL.
- ``ix_person_branch_id`` repeated the first column of
  ``ix_person_branch_kana``; in its place ``ix_person_branch_name``
  (branch_id, name_key) lets an import find the people named in a chunk
  of lines without reading every person of the branch.

SQLite keeps the freed pages in the file until it is vacuumed (a new
database never has them).

Revision ID: 0011
Revises: 0010
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: Union[str, None] = "0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

FOLLOW_UP = sa.text("follow_up_on IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_cc_tally", table_name="consultation_category")
    op.drop_index("ix_watch_contact_tally", table_name="watch_contact")
    op.drop_index("ix_consultation_follow_up", table_name="consultation")
    op.create_index("ix_consultation_follow_up", "consultation", ["branch_id", "follow_up_on"],
                    sqlite_where=FOLLOW_UP, postgresql_where=FOLLOW_UP)
    op.drop_index("ix_person_branch_id", table_name="person")
    op.create_index("ix_person_branch_name", "person", ["branch_id", "name_key"])


def downgrade() -> None:
    op.drop_index("ix_person_branch_name", table_name="person")
    op.create_index("ix_person_branch_id", "person", ["branch_id"])
    op.drop_index("ix_consultation_follow_up", table_name="consultation")
    op.create_index("ix_consultation_follow_up", "consultation", ["branch_id", "follow_up_on"])
    op.create_index("ix_watch_contact_tally", "watch_contact",
                    ["branch_id", "month", "method", "result"])
    op.create_index("ix_cc_tally", "consultation_category", ["branch_id", "month", "category_code"])
