"""The data model (SQLModel tables). Qt-free.

People are modelled once (``Person``) and referenced by the roles they
play: a resident can consult several times, be a watch user (見守り利用登録者)
and a volunteer (ボランティア) without being typed twice. A person belongs
to one branch (支部) so that branch scope is a single column to filter on.

Every record keeps when it was created/updated and by whom (``Stamped``).
Tallies GROUP BY the stored integer month columns (YYYYMM), indexed.
"""

# No ``from __future__ import annotations`` here: with real annotations
# pydantic need not evaluate ~400 annotation strings when the tables are
# defined (about 10 ms of every start).
import datetime as dt
from typing import Optional

from sqlalchemy import DateTime, Index, UniqueConstraint, text
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from coordinator_app.core.clock import utcnow  # the default of every stamp column


class Stamped(SQLModel):
    """Created/updated time and who made the change (login or 'cli')."""

    created_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=DateTime)
    updated_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=DateTime)
    created_by: str = Field(default="", max_length=64, nullable=False)
    updated_by: str = Field(default="", max_length=64, nullable=False)


# Concurrent editing on a shared server (issue 21, migration 0019): the
# records people edit on screen carry ``version`` (1 when made, +1 on every
# ORM save). SQLAlchemy writes ``UPDATE … WHERE id = ? AND version = ?``,
# so two saves of the same loaded version cannot both win; the services
# also compare it with the version the user's form was opened on
# (``services.saving``). Bulk statements (imports) leave it alone.
VERSIONED = declared_attr(lambda cls: {"version_id_col": cls.__table__.c.version})
# Records a screen creates through ``services.saving.retried`` carry the
# ``client_key`` of the save that made them (unique where set; NULL for
# imported and older rows), so a retry after a commit whose answer was lost
# finds the record instead of inserting it twice (migration 0019).


class Branch(Stamped, table=True):
    """支部: a district branch of the council, with its base (拠点)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True, index=True)
    name: str = Field(max_length=100)
    base_name: str = Field(default="", max_length=100)
    address: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)
    sort_order: int = Field(default=0)


class Area(Stamped, table=True):
    """自治会・町内会: a residents' association area within a branch."""

    __table_args__ = (UniqueConstraint("branch_id", "name"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id", index=True)
    name: str = Field(max_length=100)


class Category(Stamped, table=True):
    """相談内容: the configurable list of consultation subjects."""

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    label: str = Field(max_length=100)
    sort_order: int = Field(default=0)
    active: bool = Field(default=True)


class Role(Stamped, table=True):
    """活動内容: the configurable list of volunteer roles."""

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    label: str = Field(max_length=100)
    sort_order: int = Field(default=0)
    active: bool = Field(default=True)


class Person(Stamped, table=True):
    """A resident (or, for a volunteer group, the group) known to a branch.

    ``kana_key`` is the folded ふりがな (see ``kana.fold``) used for search
    and 50音順 sorting; ``name_key`` likewise for the name.
    """

    __table_args__ = (Index("ix_person_branch_kana", "branch_id", "kana_key"),
                      Index("ix_person_branch_name", "branch_id", "name_key"))  # 0011
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    name: str = Field(max_length=100)
    kana: str = Field(default="", max_length=100)
    kana_key: str = Field(default="", max_length=100)
    name_key: str = Field(default="", max_length=100)
    birth_date: Optional[dt.date] = None
    phone: str = Field(default="", max_length=40)
    postal_code: str = Field(default="", max_length=10)
    address: str = Field(default="", max_length=200)
    area_id: Optional[int] = Field(default=None, foreign_key="area.id")
    mail_ok: bool = Field(default=False)  # agreed to receive mailings
    note: str = Field(default="")
    version: int = Field(default=1, nullable=False)  # see VERSIONED
    __mapper_args__ = VERSIONED


class Consultation(Stamped, table=True):
    """相談記録: one consultation (相談) or contact/enquiry (連絡・問い合わせ)."""

    __table_args__ = (
        UniqueConstraint("branch_id", "external_id"),
        # By branch and month with the breakdowns: the home screen's counts,
        # a tally cell's records, and the list's count under a 区分/経路
        # filter, read from the index alone (the tally itself reads the
        # running counts). Kept by migration 0011: without it that count
        # reads every row of the branch (97 ms -> 3.2 s at 1,000,000).
        Index(
            "ix_consultation_tally",
            "branch_id", "month", "kind", "channel", "from_whom", "response",
            "deleted_at",
        ),
        Index("ix_consultation_branch_received", "branch_id", "received_on", "id"),
        Index("ix_consultation_follow_up", "branch_id", "follow_up_on",
              sqlite_where=text("follow_up_on IS NOT NULL"),
              postgresql_where=text("follow_up_on IS NOT NULL")),
        # The list of live records, newest first: count and pages from the
        # index alone (deleted_at IS NULL is an equality on it). Migration 0004
        # also makes ix_consultation_search (these + person_id, search_key)
        # on SQLite only; see its docstring.
        Index("ix_consultation_live", "branch_id", "deleted_at", "received_on", "id"),
        # 相談番号 (migration 0014): unique within a branch and fiscal year; it
        # also answers the next number's MAX() (core/record_numbers.py).
        Index("uq_consultation_number", "branch_id", "number_fy", "number", unique=True),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    external_id: Optional[str] = Field(default=None, max_length=64)
    received_on: dt.date
    received_at: Optional[dt.time] = None
    month: int  # YYYYMM of received_on
    kind: str = Field(max_length=16)
    channel: str = Field(max_length=16)
    from_whom: str = Field(max_length=16)
    response: str = Field(max_length=16)
    referred_to: str = Field(default="", max_length=200)
    person_id: Optional[int] = Field(default=None, foreign_key="person.id", index=True)
    summary: str = Field(default="")
    urgent_note: str = Field(default="")
    staff_name: str = Field(default="", max_length=100)
    follow_up_on: Optional[dt.date] = None
    follow_up_closed_on: Optional[dt.date] = None
    follow_up_outcome: str = Field(default="")
    deleted_at: Optional[dt.datetime] = Field(default=None, sa_type=DateTime)
    deleted_by: str = Field(default="", max_length=64)
    # kana.fold(summary): kana-insensitive search of the text (migration 0004).
    search_key: str = Field(default="")
    # 相談番号: the record's number within its branch and the fiscal year
    # number_fy (that of received_on when the number was given; it stays
    # when received_on later moves, see core/record_numbers.py). Always set
    # by the app; the database id stays internal.
    number_fy: Optional[int] = None
    number: Optional[int] = None
    version: int = Field(default=1, nullable=False)  # see VERSIONED
    client_key: Optional[str] = Field(default=None, max_length=32, unique=True,
                                      index=True)  # see the client_key note at the top
    __mapper_args__ = VERSIONED


class ConsultationCategory(SQLModel, table=True):
    """A consultation's subject (several per record). ``branch_id`` and
    ``month`` are copied from the consultation for the category running
    count (migration 0009)."""

    __tablename__ = "consultation_category"
    consultation_id: int = Field(
        foreign_key="consultation.id", primary_key=True, ondelete="CASCADE"
    )
    category_code: str = Field(foreign_key="category.code", primary_key=True, max_length=32)
    branch_id: int
    month: int


class WatchUser(Stamped, table=True):
    """見守り利用登録者: a resident enrolled in the watch-over service."""

    __tablename__ = "watch_user"
    __table_args__ = (
        UniqueConstraint("branch_id", "external_id"),
        Index("ix_watch_user_branch_dates", "branch_id", "enrolled_on", "ended_on"),
        Index("ix_watch_user_tally", "branch_id", "enrolled_month", "ended_month",
              "end_reason"),  # migration 0002a
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    person_id: int = Field(foreign_key="person.id", index=True)
    external_id: Optional[str] = Field(default=None, max_length=64)
    enrolled_on: dt.date
    enrolled_month: int
    ended_on: Optional[dt.date] = None
    ended_month: Optional[int] = None
    end_reason: Optional[str] = Field(default=None, max_length=16)
    emergency_contact: str = Field(default="", max_length=200)
    methods: str = Field(default="", max_length=100)  # ';'-separated method codes
    frequency_days: int = Field(default=31)  # expected contact at least this often
    note: str = Field(default="")
    version: int = Field(default=1, nullable=False)  # see VERSIONED
    client_key: Optional[str] = Field(default=None, max_length=32, unique=True,
                                      index=True)  # see the client_key note at the top
    __mapper_args__ = VERSIONED


class WatchAssignment(SQLModel, table=True):
    """Which cooperators (協力員, volunteers) watch which user."""

    __tablename__ = "watch_assignment"
    watch_user_id: int = Field(foreign_key="watch_user.id", primary_key=True, ondelete="CASCADE")
    volunteer_id: int = Field(foreign_key="volunteer.id", primary_key=True, index=True)


class WatchContact(Stamped, table=True):
    """見守り: a watch-over contact with a registered user, by staff or by
    one or more volunteers (``WatchContactVolunteer``)."""

    __tablename__ = "watch_contact"
    __table_args__ = (
        Index("ix_watch_contact_reach", "branch_id", "month", "watch_user_id"),  # 0002a
        Index("ix_watch_contact_user", "watch_user_id", "contacted_on"),
        Index("ix_watch_contact_user_month", "watch_user_id", "month"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    watch_user_id: int = Field(foreign_key="watch_user.id")
    contacted_on: dt.date
    month: int
    method: str = Field(max_length=16)
    result: str = Field(max_length=16)
    by_staff: bool = Field(default=False)
    note: str = Field(default="")
    consultation_id: Optional[int] = Field(default=None, foreign_key="consultation.id")
    # When a ledger import brought it (migration 0010); None for a contact
    # entered on screen. A later import of the same user and day replaces
    # only the imported ones (docs/interchange.md, watch-contacts.csv).
    imported_at: Optional[dt.datetime] = Field(default=None, sa_type=DateTime)
    version: int = Field(default=1, nullable=False)  # see VERSIONED
    client_key: Optional[str] = Field(default=None, max_length=32, unique=True,
                                      index=True)  # see the client_key note at the top
    __mapper_args__ = VERSIONED


class WatchContactVolunteer(SQLModel, table=True):
    __tablename__ = "watch_contact_volunteer"
    contact_id: int = Field(foreign_key="watch_contact.id", primary_key=True, ondelete="CASCADE")
    volunteer_id: int = Field(foreign_key="volunteer.id", primary_key=True, index=True)


class Volunteer(Stamped, table=True):
    """ボランティア登録: an individual or a group registered as volunteer."""

    __table_args__ = (
        UniqueConstraint("branch_id", "external_id"),
        Index("ix_volunteer_branch_dates", "branch_id", "registered_on", "withdrawn_on"),
        Index("ix_volunteer_tally", "branch_id", "registered_month",
              "withdrawn_month"),  # migration 0002a
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    person_id: int = Field(foreign_key="person.id", index=True)
    external_id: Optional[str] = Field(default=None, max_length=64)
    kind: str = Field(default="individual", max_length=16)
    contact_person: str = Field(default="", max_length=100)  # groups
    member_count: Optional[int] = None  # groups
    skills: str = Field(default="", max_length=500)  # ';'-separated tags
    availability: str = Field(default="", max_length=200)  # e.g. "tue-am;thu-pm"
    covered_areas: str = Field(default="", max_length=500)  # ';'-separated area names
    registered_on: dt.date
    registered_month: int
    withdrawn_on: Optional[dt.date] = None
    withdrawn_month: Optional[int] = None
    withdraw_reason: str = Field(default="", max_length=200)
    insurance_fy: Optional[int] = None
    version: int = Field(default=1, nullable=False)  # see VERSIONED
    client_key: Optional[str] = Field(default=None, max_length=32, unique=True,
                                      index=True)  # see the client_key note at the top
    __mapper_args__ = VERSIONED


class VolunteerRole(SQLModel, table=True):
    __tablename__ = "volunteer_role"
    volunteer_id: int = Field(foreign_key="volunteer.id", primary_key=True, ondelete="CASCADE")
    role_code: str = Field(foreign_key="role.code", primary_key=True, max_length=32)


class Activity(Stamped, table=True):
    """活動記録: an activity (event, salon, drive, watch visit) on a date."""

    __table_args__ = (Index("ix_activity_branch_month", "branch_id", "month"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    held_on: dt.date
    month: int
    title: str = Field(max_length=200)
    kind: str = Field(default="general", max_length=32)
    note: str = Field(default="")


class ActivityParticipant(SQLModel, table=True):
    """One volunteer's participation in one activity (counted once)."""

    __tablename__ = "activity_participant"
    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    volunteer_id: int = Field(foreign_key="volunteer.id", primary_key=True, index=True)
    hours: Optional[float] = None


# --- 行事・サロン: activity groups and the events a branch holds (issue 16) ---


class GroupKind(Stamped, table=True):
    """活動グループの種別: the configurable list (サロン, 集いの場, …)."""

    __tablename__ = "group_kind"
    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    label: str = Field(max_length=100)
    sort_order: int = Field(default=0)
    active: bool = Field(default=True)


class EventKind(Stamped, table=True):
    """行事の種別: the configurable list (サロン開催, 講座・研修, …)."""

    __tablename__ = "event_kind"
    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    label: str = Field(max_length=100)
    sort_order: int = Field(default=0)
    active: bool = Field(default=True)


class ActivityGroup(Stamped, table=True):
    """活動グループ: a salon, 集いの場, circle or 子ども食堂 a branch supports.
    Active on a day when started_on <= day and ended_on is empty or after
    it (``core.activity``); the month columns serve the tally."""

    __tablename__ = "activity_group"
    __table_args__ = (
        UniqueConstraint("branch_id", "external_id"),
        Index("ix_activity_group_branch_kana", "branch_id", "kana_key"),
        Index("ix_activity_group_tally", "branch_id", "started_month", "ended_month", "kind"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    external_id: Optional[str] = Field(default=None, max_length=64)
    name: str = Field(max_length=200)
    kana: str = Field(default="", max_length=200)
    kana_key: str = Field(default="", max_length=200)  # kana.fold(kana or name)
    kind: str = Field(foreign_key="group_kind.code", max_length=32)
    area_id: Optional[int] = Field(default=None, foreign_key="area.id")
    started_on: dt.date
    started_month: int
    ended_on: Optional[dt.date] = None
    ended_month: Optional[int] = None
    end_reason: str = Field(default="", max_length=200)
    pattern: str = Field(default="", max_length=100)  # e.g. 第2・第4火曜 午後
    venue: str = Field(default="", max_length=200)
    note: str = Field(default="")
    version: int = Field(default=1, nullable=False)  # see VERSIONED
    client_key: Optional[str] = Field(default=None, max_length=32, unique=True,
                                      index=True)  # see the client_key note at the top
    __mapper_args__ = VERSIONED


class GroupLeader(SQLModel, table=True):
    """The volunteers (individuals or volunteer groups) who run a group;
    ``contact`` marks the one printed as the group's contact."""

    __tablename__ = "group_leader"
    group_id: int = Field(foreign_key="activity_group.id", primary_key=True, ondelete="CASCADE")
    volunteer_id: int = Field(foreign_key="volunteer.id", primary_key=True, index=True)
    contact: bool = Field(default=False)


class GroupSubsidy(SQLModel, table=True):
    """A fiscal year in which the group received a subsidy (助成)."""

    __tablename__ = "group_subsidy"
    group_id: int = Field(foreign_key="activity_group.id", primary_key=True, ondelete="CASCADE")
    fiscal_year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})


class GroupMember(SQLModel, table=True):
    """A regular (常連) of a group: pre-listed when its meetings are entered.
    A volunteer is a person too; ``volunteer_id`` says they come as one."""

    __tablename__ = "group_member"
    group_id: int = Field(foreign_key="activity_group.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    volunteer_id: Optional[int] = Field(default=None, foreign_key="volunteer.id")


class Event(Stamped, table=True):
    """行事・講座・会議の開催記録: one event held on a day. ``participants``
    counts every attendee once, volunteers included; ``volunteers`` how
    many of them were volunteers (0 <= volunteers <= participants)."""

    __tablename__ = "event"
    __table_args__ = (
        UniqueConstraint("branch_id", "external_id"),
        # The tally reads the three event measures from this index alone.
        Index("ix_event_tally", "branch_id", "month", "kind", "participants", "volunteers"),
        Index("ix_event_branch_held", "branch_id", "held_on", "id"),
        Index("ix_event_group_held", "group_id", "held_on"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    external_id: Optional[str] = Field(default=None, max_length=64)
    held_on: dt.date
    month: int  # YYYYMM of held_on
    kind: str = Field(foreign_key="event_kind.code", max_length=32)
    title: str = Field(max_length=200)
    group_id: Optional[int] = Field(default=None, foreign_key="activity_group.id")
    area_id: Optional[int] = Field(default=None, foreign_key="area.id")
    participants: int = Field(default=0)
    volunteers: int = Field(default=0)
    note: str = Field(default="")
    version: int = Field(default=1, nullable=False)  # see VERSIONED
    client_key: Optional[str] = Field(default=None, max_length=32, unique=True,
                                      index=True)  # see the client_key note at the top
    __mapper_args__ = VERSIONED


class EventAttendee(SQLModel, table=True):
    """A named attendee of an event (a course's certified completion, a
    salon's regulars checked off): a person, and ``volunteer_id`` when
    they came as a volunteer."""

    __tablename__ = "event_attendee"
    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    volunteer_id: Optional[int] = Field(default=None, foreign_key="volunteer.id")


class Account(Stamped, table=True):
    """A sign-in account. role: coordinator | city_staff | admin."""

    id: Optional[int] = Field(default=None, primary_key=True)
    login: str = Field(max_length=64, unique=True)
    display_name: str = Field(max_length=100)
    role: str = Field(max_length=16)
    branch_id: Optional[int] = Field(default=None, foreign_key="branch.id")
    password_hash: str = Field(max_length=200)
    failed_count: int = Field(default=0)
    locked_until: Optional[dt.datetime] = Field(default=None, sa_type=DateTime)
    active: bool = Field(default=True)
    is_demo: bool = Field(default=False)


class AuditLog(SQLModel, table=True):
    """Append-only audit trail: who, when, what action, which record.
    Never the sensitive text itself."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_at", "at"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, sa_type=DateTime)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=32, index=True)
    entity: str = Field(default="", max_length=32)
    entity_id: Optional[int] = None
    detail: str = Field(default="", max_length=200)


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(default="")


class VolunteerAvailability(SQLModel, table=True):
    """When a volunteer can help (活動可能な曜日・時間帯): weekday 0 (月) … 6 (日)
    × slot ``am`` 午前 / ``pm`` 午後 / ``eve`` 夜. One row per ticked cell, so
    "Tuesday mornings" is an indexed equality, not a text search."""

    __tablename__ = "volunteer_availability"
    __table_args__ = (Index("ix_volunteer_availability_slot", "weekday", "slot", "volunteer_id"),)
    volunteer_id: int = Field(foreign_key="volunteer.id", primary_key=True, ondelete="CASCADE")
    weekday: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    slot: str = Field(primary_key=True, max_length=8)


class VolunteerArea(SQLModel, table=True):
    """An area (自治会) a volunteer can cover besides their own."""

    __tablename__ = "volunteer_area"
    __table_args__ = (Index("ix_volunteer_area_area", "area_id", "volunteer_id"),)
    volunteer_id: int = Field(foreign_key="volunteer.id", primary_key=True, ondelete="CASCADE")
    area_id: int = Field(foreign_key="area.id", primary_key=True,
                         sa_column_kwargs={"autoincrement": False})


class Rollcall(Stamped, table=True):
    """災害時安否確認: a disaster roll-call of a branch's watch users (the
    whole branch, or one area when ``area_id`` is set)."""

    __tablename__ = "rollcall"
    __table_args__ = (Index("ix_rollcall_branch_started", "branch_id", "started_at"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    area_id: Optional[int] = Field(default=None, foreign_key="area.id")
    started_at: dt.datetime = Field(default_factory=utcnow, sa_type=DateTime)
    started_by: str = Field(default="", max_length=64)
    closed_at: Optional[dt.datetime] = Field(default=None, sa_type=DateTime)
    closed_by: str = Field(default="", max_length=64)


class RollcallEntry(SQLModel, table=True):
    """One watch user in a roll-call: unchecked / safe / needs_help /
    unreachable, with when and by whom it was last checked (UTC)."""

    __tablename__ = "rollcall_entry"
    __table_args__ = (
        UniqueConstraint("rollcall_id", "watch_user_id"),
        Index("ix_rollcall_entry_order", "rollcall_id", "position"),
        Index("ix_rollcall_entry_status", "rollcall_id", "status"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    rollcall_id: int = Field(foreign_key="rollcall.id", ondelete="CASCADE")
    watch_user_id: int = Field(foreign_key="watch_user.id")
    position: int = Field(default=0)  # display order fixed at start (area, 50音順)
    status: str = Field(default="unchecked", max_length=16)
    checked_at: Optional[dt.datetime] = Field(default=None, sa_type=DateTime)
    checked_by: str = Field(default="", max_length=64)
    note: str = Field(default="")


# --- indicators, the evaluation sheet and the city office's consolidation (issue 7) ---


class IndicatorPlan(Stamped, table=True):
    """計画: the plan whose indicators are evaluated (計画名, 計画期間)."""

    __tablename__ = "indicator_plan"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    first_fy: int
    last_fy: int
    # The first fiscal year the records cover whole (the app's adoption);
    # the years before it take typed actuals. None: every year from records.
    records_from: Optional[int] = None


class Indicator(Stamped, table=True):
    """指標: a figure of the plan. ``measure``/``breakdown``/``breakdown_key``
    name the tally figure it counts (empty measure: the actual is typed).
    kind: flow | stock | cumulative; direction: higher | lower | keep."""

    __table_args__ = (UniqueConstraint("code"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=64)
    name: str = Field(max_length=200)
    unit: str = Field(default="", max_length=16)
    office: str = Field(default="", max_length=100)  # 担当課 (課名)
    department: str = Field(default="", max_length=100)  # 部局名
    team: str = Field(default="", max_length=100)  # 係名
    focus: bool = Field(default=False)  # ※ 重点的評価施策
    kind: str = Field(default="flow", max_length=16)
    measure: str = Field(default="", max_length=40)
    breakdown: str = Field(default="total", max_length=32)
    breakdown_key: str = Field(default="", max_length=32)
    direction: str = Field(default="higher", max_length=8)
    first_fy: int
    last_fy: int
    baseline: Optional[float] = None
    baseline_fy: Optional[int] = None
    # Cumulative indicators: the total of the years before the records
    # begin (seed 002's 講座受講人数 starts at 458), added to the sum.
    start_total: Optional[float] = None
    # Counted over these branches only ("00,04"; empty: every branch).
    branches: str = Field(default="", max_length=400)
    goal: str = Field(default="", max_length=200)  # 基本目標
    policy: str = Field(default="", max_length=200)  # 施策の方向性
    project: str = Field(default="", max_length=200)  # 事業名
    overview: str = Field(default="")  # 事業の概要
    sort_order: int = Field(default=0)
    active: bool = Field(default=True)
    builtin: bool = Field(default=False)
    # Conditions ANDed with breakdown/breakdown_key ("from_whom=community;
    # channel=visit"; empty: the one breakdown). indicator_rules reads it.
    filters: str = Field(default="", max_length=400)


class IndicatorYear(Stamped, table=True):
    """One indicator's fiscal year: the target (a number or a word), the
    typed actual (indicators without a measure, or a year before the
    records), the evaluator's grade (``grade_override``: A/B/C, ``-`` for
    評価なし, empty while not decided) with their memo (``override_reason``,
    not printed) and a note printed as the sheet's footnote."""

    __tablename__ = "indicator_year"
    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True, ondelete="CASCADE")
    fiscal_year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    target_number: Optional[float] = None
    target_word: str = Field(default="", max_length=32)
    actual_number: Optional[float] = None
    actual_word: str = Field(default="", max_length=32)
    grade_override: str = Field(default="", max_length=1)
    override_reason: str = Field(default="")
    note: str = Field(default="", max_length=200)  # e.g. H30から相談と連絡・問い合わせを区別


class EvaluationNarrative(Stamped, table=True):
    """進行管理・評価シート: the narrative fields of one indicator × year."""

    __tablename__ = "evaluation_narrative"
    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True, ondelete="CASCADE")
    fiscal_year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    activities: str = Field(default="")  # 取り組み内容
    progress: str = Field(default="")  # 進捗状況及び自己評価
    issues: str = Field(default="")  # 課題
    next_steps: str = Field(default="")  # 今後の取り組み方針
    collaboration: str = Field(default="")  # 協働事項
    committee: str = Field(default="")  # 推進委員会の意見


class TallyFile(SQLModel, table=True):
    """A branch tally file received by the city office (集約)."""

    __tablename__ = "tally_file"
    __table_args__ = (Index("ix_tally_file_fy", "fiscal_year", "received_at"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=255)
    fiscal_year: int
    received_at: dt.datetime = Field(sa_type=DateTime)
    received_by: str = Field(default="", max_length=64)
    digest: str = Field(default="", max_length=64)  # sha256 of the content
    row_count: int = Field(default=0)


class TallyFileRow(SQLModel, table=True):
    """One figure of a received tally file (month as YYYYMM)."""

    __tablename__ = "tally_file_row"
    __table_args__ = (Index("ix_tally_file_row_bm", "branch_code", "month"),)
    file_id: int = Field(foreign_key="tally_file.id", primary_key=True, ondelete="CASCADE")
    branch_code: str = Field(primary_key=True, max_length=32)
    month: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    measure: str = Field(primary_key=True, max_length=40)
    breakdown: str = Field(primary_key=True, max_length=32)
    breakdown_key: str = Field(primary_key=True, max_length=32)
    count: int


class TallyChoice(SQLModel, table=True):
    """Which received file wins for a branch × month whose files disagree
    (the user's decision, audited)."""

    __tablename__ = "tally_choice"
    fiscal_year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    branch_code: str = Field(primary_key=True, max_length=32)
    month: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    file_id: int = Field(foreign_key="tally_file.id", ondelete="CASCADE")
    chosen_at: dt.datetime = Field(default_factory=utcnow, sa_type=DateTime)
    chosen_by: str = Field(default="", max_length=64)


class PrintRecord(Stamped, table=True):
    """印刷台帳: one print of a list or label sheet — who printed it, when,
    which list (``list_kind``; filters and columns as codes), how many
    people it names, for whom (``recipient``), the copy numbers printed on
    its pages, and when the copies came back or were shredded."""

    __tablename__ = "print_register"
    __table_args__ = (Index("ix_print_register_branch_at", "branch_id", "printed_at"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    printed_at: dt.datetime = Field(default_factory=utcnow, sa_type=DateTime)
    printed_by: str = Field(default="", max_length=64)
    branch_id: Optional[int] = Field(default=None, foreign_key="branch.id")
    list_kind: str = Field(max_length=32)
    filters: str = Field(default="", max_length=200)  # codes/ids only
    columns: str = Field(default="", max_length=300)  # ';'-separated column keys
    person_count: int = Field(default=0)
    recipient: str = Field(default="", max_length=200)
    copies: int = Field(default=1)
    first_copy_no: Optional[int] = None
    last_copy_no: Optional[int] = None
    pages: int = Field(default=0)
    disposal: str = Field(default="", max_length=16)  # "" | returned | shredded
    disposed_on: Optional[dt.date] = None
    disposal_note: str = Field(default="", max_length=500)
    disposal_by: str = Field(default="", max_length=64)


# Running counts for the tally file (migration 0009). Database triggers
# keep them in step with every insert, update and delete of the records
# they count, in the same transaction, whatever code makes the change; the
# application never writes them. ``tallies.compute`` reads them instead of
# scanning a year of records. ``tallies.check_running_counts`` compares
# them with a recount from the records.

_NO_AUTO = {"autoincrement": False}


class TallyConsultation(SQLModel, table=True):
    """Live (not deleted) consultations per branch × month × the four
    single-valued breakdowns."""

    __tablename__ = "tally_consultation"
    branch_id: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    month: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    kind: str = Field(primary_key=True, max_length=16)
    channel: str = Field(primary_key=True, max_length=16)
    from_whom: str = Field(primary_key=True, max_length=16)
    response: str = Field(primary_key=True, max_length=16)
    n: int


class TallyConsultationCategory(SQLModel, table=True):
    """Category rows per branch × month × category, of every consultation
    (deleted ones included: the tally subtracts those, they are few)."""

    __tablename__ = "tally_consultation_category"
    branch_id: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    month: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    category_code: str = Field(primary_key=True, max_length=32)
    n: int


class TallyWatchContact(SQLModel, table=True):
    """Watch contacts per branch × month × method × result."""

    __tablename__ = "tally_watch_contact"
    branch_id: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    month: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    method: str = Field(primary_key=True, max_length=16)
    result: str = Field(primary_key=True, max_length=16)
    n: int


class TallyWatchPair(SQLModel, table=True):
    """Contacts per watch user × month (× the contacts' branch); a row
    exists only while n > 0."""

    __tablename__ = "tally_watch_pair"
    watch_user_id: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    month: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    branch_id: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    n: int


class TallyWatchReach(SQLModel, table=True):
    """Distinct watch users with at least one contact, per branch × month
    (the rows of ``tally_watch_pair`` per branch × month)."""

    __tablename__ = "tally_watch_reach"
    branch_id: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    month: int = Field(primary_key=True, sa_column_kwargs=_NO_AUTO)
    n: int


# The plan's 基本目標 → 施策の方向性 → 事業 (issue 17, migration 0017). The
# 進行管理・評価シート is one sheet per 事業: its indicators' target rows, the
# evaluator's grade per year and the narratives. An indicator belongs to
# one 事業 and may be shown again under others as 再掲 (counted once).


class PlanGoal(Stamped, table=True):
    """基本目標, in plan order (``sort_order``)."""

    __tablename__ = "plan_goal"
    id: Optional[int] = Field(default=None, primary_key=True)
    number: str = Field(default="", max_length=16)  # as the plan numbers it: 「１」
    name: str = Field(max_length=200)
    sort_order: int = Field(default=0)


class PlanPolicy(Stamped, table=True):
    """施策の方向性 of a 基本目標."""

    __tablename__ = "plan_policy"
    id: Optional[int] = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="plan_goal.id", index=True)
    number: str = Field(default="", max_length=16)  # 「（４）」
    name: str = Field(max_length=200)
    sort_order: int = Field(default=0)


class PlanProject(Stamped, table=True):
    """事業 of a 施策: the headings of its sheet."""

    __tablename__ = "plan_project"
    id: Optional[int] = Field(default=None, primary_key=True)
    policy_id: int = Field(foreign_key="plan_policy.id", index=True)
    number: str = Field(default="", max_length=16)  # 「②」「(9)」
    name: str = Field(default="", max_length=200)
    focus: bool = Field(default=False)  # ※ 重点的評価施策
    overview: str = Field(default="")  # 事業の概要
    department: str = Field(default="", max_length=100)  # 部局名
    office: str = Field(default="", max_length=100)  # 課名
    team: str = Field(default="", max_length=100)  # 係名
    sort_order: int = Field(default=0)


class ProjectIndicator(SQLModel, table=True):
    """An indicator's target row on a 事業's sheet; ``restated``: shown
    again (再掲) under a second 事業, its home being another."""

    __tablename__ = "project_indicator"
    project_id: int = Field(foreign_key="plan_project.id", primary_key=True, ondelete="CASCADE")
    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True, index=True,
                              ondelete="CASCADE")
    restated: bool = Field(default=False)
    position: int = Field(default=0)


class ProjectYear(Stamped, table=True):
    """One 事業 × fiscal year: the evaluator's grade (A/B/C, ``-`` 評価なし,
    '' not decided), their memo (never printed) and the six narratives."""

    __tablename__ = "project_year"
    project_id: int = Field(foreign_key="plan_project.id", primary_key=True, ondelete="CASCADE")
    fiscal_year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    grade: str = Field(default="", max_length=1)
    memo: str = Field(default="")
    activities: str = Field(default="")  # 取り組み内容
    progress: str = Field(default="")  # 進捗状況及び自己評価
    issues: str = Field(default="")  # 課題
    next_steps: str = Field(default="")  # 今後の取り組み方針
    collaboration: str = Field(default="")  # 協働事項
    committee: str = Field(default="")  # 推進委員会の意見


class ImportMapping(Stamped, table=True):
    """A saved mapping of the import wizard (issue 20): how one branch's
    workbook layout becomes a contract ledger of ``kind`` (sheets, header
    row, column sources, value codes), as JSON, under a name the command
    line uses (``import KIND FILE --mapping NAME``). No personal data:
    header words and code words only."""

    __tablename__ = "import_mapping"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    kind: str = Field(max_length=32)
    spec: str = Field(default="")  # JSON (services.ledger_wizard)
