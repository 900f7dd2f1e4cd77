"""tally indexes: covering indexes for the monthly tally GROUP BYs

- ``ix_consultation_tally`` gains ``deleted_at`` so the consultations
  tally (which leaves out deleted records) is read from the index alone;
- ``ix_watch_contact_reach`` (branch_id, month, watch_user_id): which users
  were contacted in a month (``watch_users_unreached``);
- ``ix_watch_user_tally`` and ``ix_volunteer_tally``: the month columns of
  the stock measures (active, enrolled, ended, registered, withdrawn).

Revision ID: 0002a
Revises: 0002
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0002a"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.drop_index("ix_consultation_tally", table_name="consultation")
    op.create_index("ix_consultation_tally", "consultation",
                    ["branch_id", "month", "kind", "channel", "from_whom", "response",
                     "deleted_at"])
    op.create_index("ix_watch_contact_reach", "watch_contact",
                    ["branch_id", "month", "watch_user_id"])
    op.create_index("ix_watch_user_tally", "watch_user",
                    ["branch_id", "enrolled_month", "ended_month", "end_reason"])
    op.create_index("ix_volunteer_tally", "volunteer",
                    ["branch_id", "registered_month", "withdrawn_month"])


def downgrade() -> None:
    op.drop_index("ix_volunteer_tally", table_name="volunteer")
    op.drop_index("ix_watch_user_tally", table_name="watch_user")
    op.drop_index("ix_watch_contact_reach", table_name="watch_contact")
    op.drop_index("ix_consultation_tally", table_name="consultation")
    op.create_index("ix_consultation_tally", "consultation",
                    ["branch_id", "month", "kind", "channel", "from_whom", "response"])
