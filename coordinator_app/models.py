"""The data model (SQLModel tables). Qt-free.

People are modelled once (``Person``) and referenced by the roles they
play: a resident can consult several times, be a watch user (見守り利用登録者)
and a volunteer (ボランティア) without being typed twice. A person belongs
to one branch (支部) so that branch scope is a single column to filter on.

Every record keeps when it was created/updated and by whom (``Stamped``).
Tallies GROUP BY the stored integer month columns (YYYYMM), indexed.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import DateTime, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Stamped(SQLModel):
    """Created/updated time and who made the change (login or 'cli')."""

    created_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=DateTime)
    updated_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=DateTime)
    created_by: str = Field(default="", max_length=64, nullable=False)
    updated_by: str = Field(default="", max_length=64, nullable=False)


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

    __table_args__ = (Index("ix_person_branch_kana", "branch_id", "kana_key"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id", index=True)
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


class Consultation(Stamped, table=True):
    """相談記録: one consultation (相談) or contact/enquiry (連絡・問い合わせ)."""

    __table_args__ = (
        UniqueConstraint("branch_id", "external_id"),
        Index(
            "ix_consultation_tally",
            "branch_id", "month", "kind", "channel", "from_whom", "response",
        ),
        Index("ix_consultation_branch_received", "branch_id", "received_on", "id"),
        Index("ix_consultation_follow_up", "branch_id", "follow_up_on"),
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


class ConsultationCategory(SQLModel, table=True):
    """A consultation's subject (several per record). ``branch_id`` and
    ``month`` are copied from the consultation so the category tally is one
    covering-index scan."""

    __tablename__ = "consultation_category"
    __table_args__ = (Index("ix_cc_tally", "branch_id", "month", "category_code"),)
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
        Index("ix_watch_contact_tally", "branch_id", "month", "method", "result"),
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


class WatchContactVolunteer(SQLModel, table=True):
    __tablename__ = "watch_contact_volunteer"
    contact_id: int = Field(foreign_key="watch_contact.id", primary_key=True, ondelete="CASCADE")
    volunteer_id: int = Field(foreign_key="volunteer.id", primary_key=True, index=True)


class Volunteer(Stamped, table=True):
    """ボランティア登録: an individual or a group registered as volunteer."""

    __table_args__ = (
        UniqueConstraint("branch_id", "external_id"),
        Index("ix_volunteer_branch_dates", "branch_id", "registered_on", "withdrawn_on"),
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
