"""行事・サロン: activity groups, the events a branch holds, their kinds

Tables ``group_kind`` and ``event_kind`` (configurable lists, seeded with
the contract's defaults), ``activity_group`` with its leaders (volunteers),
subsidy years and regulars, ``event`` with its named attendees, and
``indicator.start_total`` (a cumulative indicator's total of the years
before the records begin).

Revision ID: 0013
Revises: 0012
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0013"
down_revision: Union[str, None] = "0012"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_S = sqlmodel.sql.sqltypes.AutoString


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", _S(length=64), nullable=False),
        sa.Column("updated_by", _S(length=64), nullable=False),
    ]


def _kind_table(name: str) -> None:
    op.create_table(
        name,
        *_stamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", _S(length=32), nullable=False),
        sa.Column("label", _S(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )


def upgrade() -> None:
    _kind_table("group_kind")
    _kind_table("event_kind")
    op.create_table(
        "activity_group",
        *_stamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("external_id", _S(length=64), nullable=True),
        sa.Column("name", _S(length=200), nullable=False),
        sa.Column("kana", _S(length=200), nullable=False),
        sa.Column("kana_key", _S(length=200), nullable=False),
        sa.Column("kind", _S(length=32), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("started_month", sa.Integer(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("ended_month", sa.Integer(), nullable=True),
        sa.Column("end_reason", _S(length=200), nullable=False),
        sa.Column("pattern", _S(length=100), nullable=False),
        sa.Column("venue", _S(length=200), nullable=False),
        sa.Column("note", _S(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"]),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"]),
        sa.ForeignKeyConstraint(["kind"], ["group_kind.code"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("branch_id", "external_id"),
    )
    op.create_index("ix_activity_group_branch_kana", "activity_group", ["branch_id", "kana_key"])
    op.create_index("ix_activity_group_tally", "activity_group",
                    ["branch_id", "started_month", "ended_month", "kind"])
    op.create_table(
        "group_leader",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("contact", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["activity_group.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"]),
        sa.PrimaryKeyConstraint("group_id", "volunteer_id"),
    )
    op.create_index("ix_group_leader_volunteer_id", "group_leader", ["volunteer_id"])
    op.create_table(
        "group_subsidy",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["activity_group.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "fiscal_year"),
    )
    op.create_table(
        "group_member",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["group_id"], ["activity_group.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"]),
        sa.PrimaryKeyConstraint("group_id", "person_id"),
    )
    op.create_index("ix_group_member_person_id", "group_member", ["person_id"])
    op.create_table(
        "event",
        *_stamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("external_id", _S(length=64), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("kind", _S(length=32), nullable=False),
        sa.Column("title", _S(length=200), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("volunteers", sa.Integer(), nullable=False),
        sa.Column("note", _S(), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"]),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"]),
        sa.ForeignKeyConstraint(["group_id"], ["activity_group.id"]),
        sa.ForeignKeyConstraint(["kind"], ["event_kind.code"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("branch_id", "external_id"),
    )
    op.create_index("ix_event_tally", "event",
                    ["branch_id", "month", "kind", "participants", "volunteers"])
    op.create_index("ix_event_branch_held", "event", ["branch_id", "held_on", "id"])
    op.create_index("ix_event_group_held", "event", ["group_id", "held_on"])
    op.create_table(
        "event_attendee",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"]),
        sa.PrimaryKeyConstraint("event_id", "person_id"),
    )
    op.create_index("ix_event_attendee_person_id", "event_attendee", ["person_id"])
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_total", sa.Float(), nullable=True))

    # The contract's default kinds must exist.
    from datetime import datetime

    from coordinator_app.core.codes import DEFAULT_EVENT_KINDS, DEFAULT_GROUP_KINDS

    now = datetime.utcnow()
    stamp = dict(created_at=now, updated_at=now, created_by="migration", updated_by="migration")
    for name, defaults in (("group_kind", DEFAULT_GROUP_KINDS), ("event_kind", DEFAULT_EVENT_KINDS)):
        table = sa.table(name, *(sa.column(c) for c in
                                 ("code", "label", "sort_order", "active", *stamp)))
        op.bulk_insert(table, [dict(code=c, label=l, sort_order=i, active=True, **stamp)
                               for i, (c, l) in enumerate(defaults.items())])


def downgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_column("start_total")
    op.drop_index("ix_event_attendee_person_id", table_name="event_attendee")
    op.drop_table("event_attendee")
    for name in ("ix_event_group_held", "ix_event_branch_held", "ix_event_tally"):
        op.drop_index(name, table_name="event")
    op.drop_table("event")
    op.drop_index("ix_group_member_person_id", table_name="group_member")
    op.drop_table("group_member")
    op.drop_table("group_subsidy")
    op.drop_index("ix_group_leader_volunteer_id", table_name="group_leader")
    op.drop_table("group_leader")
    op.drop_index("ix_activity_group_tally", table_name="activity_group")
    op.drop_index("ix_activity_group_branch_kana", table_name="activity_group")
    op.drop_table("activity_group")
    op.drop_table("event_kind")
    op.drop_table("group_kind")
