"""行事・サロン: activity groups (活動グループ: サロン, 集いの場, …) and the
events a branch holds (行事・講座・会議), with the volunteers who run a
group, its subsidy years, its regulars (常連) and an event's named
attendees. Qt-free.

Every public function takes ``(db, user, ...)``, opens one session (one
transaction), keeps to the coordinator's own branch: groups and events
name residents and volunteers, so they are personal records
(``Action.PERSONAL_RECORDS``: city staff and administrators see only the
figures, through the tallies). Writes are stamped and audited (codes and
counts only). Problems raise ``ValidationError`` — field name → Japanese
message — and nothing is written then. The rules themselves live in
``core.gatherings`` (shared with the ledger import).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, func, or_, select

from coordinator_app.core import access, clock
from coordinator_app.core import gatherings as rules
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.activity import (
    group_active_on,
    is_active_on,
    volunteer_active_on,
)
from coordinator_app.core.dates import fiscal_year_of, month_key
from coordinator_app.core.kana import fold, is_kana
from coordinator_app.core.models import (
    ActivityGroup,
    Area,
    Event,
    EventAttendee,
    EventKind,
    GroupKind,
    GroupLeader,
    GroupMember,
    GroupSubsidy,
    Person,
    Volunteer,
)
from coordinator_app.services import saving
from coordinator_app.services.people import _like_escape
from coordinator_app.storage.database import Database

STATUSES = {"active": "活動中", "ended": "終了", "all": "すべて"}
FUTURE = "未来の日付は入力できません"


class ValidationError(ValueError):
    """Input that cannot be saved: ``errors`` maps a field name of the
    input to what to fix (Japanese)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("\n".join(errors.values()))
        self.errors = errors


# --- plain inputs and results ---------------------------------------------------------

@dataclass(frozen=True)
class Named:
    """Someone picked from the branch: a resident, or a volunteer (then
    ``volunteer_id`` is set and ``person_id`` is the volunteer's person)."""

    person_id: int
    volunteer_id: int | None = None
    name: str = ""
    kana: str = ""


@dataclass
class GroupInput:
    name: str = ""
    kana: str = ""
    kind: str = ""
    area_id: int | None = None
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    end_reason: str = ""
    pattern: str = ""
    venue: str = ""
    note: str = ""
    leader_ids: list[int] = field(default_factory=list)  # volunteers who run it
    contact_id: int | None = None  # one of leader_ids
    subsidy_years: list[int] = field(default_factory=list)
    regulars: list[Named] = field(default_factory=list)


@dataclass(frozen=True)
class GroupQuery:
    text: str = ""
    kind: str = ""
    area_id: int | None = None
    status: str = "active"  # active | ended | all


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    kana: str
    kind: str
    kind_label: str
    area: str
    started_on: dt.date
    ended_on: dt.date | None
    pattern: str
    venue: str
    contact: str
    active: bool
    last_held: dt.date | None


@dataclass(frozen=True)
class GroupDetail:
    id: int
    data: GroupInput
    leaders: tuple[Named, ...]  # Named.volunteer_id set
    version: int = 1  # what the form saves on (services.saving)


@dataclass
class EventInput:
    held_on: dt.date | None = None
    kind: str = ""
    title: str = ""
    area_id: int | None = None
    group_id: int | None = None
    participants: int | None = None
    volunteers: int | None = 0
    note: str = ""
    attendees: list[Named] = field(default_factory=list)
    version: int | None = None  # read: the stored one; saved: the one the form was opened on


@dataclass(frozen=True)
class EventQuery:
    month: int | None = None  # YYYYMM
    kind: str = ""
    group_id: int | None = None


@dataclass(frozen=True)
class EventRow:
    id: int
    held_on: dt.date
    kind: str
    kind_label: str
    title: str
    group: str
    area: str
    participants: int
    volunteers: int
    named: int


# --- choices ------------------------------------------------------------------------

def group_kinds(db: Database, include: str = "") -> list[tuple[str, str]]:
    """(code, label) of the active group kinds in their order, and
    ``include`` (a record's own kind) even if no longer in use."""
    return _kinds(db, GroupKind, include)


def event_kinds(db: Database, include: str = "") -> list[tuple[str, str]]:
    """(code, label) of the active event kinds in their order, and
    ``include`` (a record's own kind) even if no longer in use."""
    return _kinds(db, EventKind, include)


def _kinds(db: Database, table, include: str) -> list[tuple[str, str]]:
    with db.session() as s:
        return [tuple(r) for r in s.execute(
            select(table.code, table.label)
            .where(or_(table.active.is_(True), table.code == include))
            .order_by(table.sort_order, table.id))]


def branch_areas(db: Database, user: SignedIn) -> list[tuple[int, str]]:
    """The 自治会 of the coordinator's branch: (id, name), by name."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        return [tuple(r) for r in s.execute(
            select(Area.id, Area.name).where(Area.branch_id == branch_id).order_by(Area.name))]


def find_people(db: Database, user: SignedIn, text: str, day: dt.date | None = None,
                limit: int = 20, volunteers_only: bool = False) -> list[Named]:
    """Residents and volunteers of the branch whose name or ふりがな holds
    ``text``, 50音順: a volunteer registered on ``day`` (default today)
    is offered as a volunteer, anyone else as a resident
    (``volunteers_only``: volunteers only — who may run a group)."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    key = fold(text)
    day = day or clock.today()
    if not key:
        return []
    pattern = f"%{_like_escape(key)}%"
    with db.session() as s:
        active_volunteer = (select(Volunteer.id).where(
            Volunteer.person_id == Person.id, volunteer_active_on(day))
            .correlate(Person).limit(1).scalar_subquery())
        q = (select(Person.id, active_volunteer, Person.name, Person.kana)
             .where(Person.branch_id == branch_id,
                    or_(Person.kana_key.like(pattern, escape="\\"),
                        Person.name_key.like(pattern, escape="\\"))))
        if volunteers_only:
            q = q.where(active_volunteer.is_not(None))
        rows = s.execute(q.order_by(Person.kana_key, Person.name_key, Person.id)
                         .limit(limit)).all()
    return [Named(pid, vid, name, kana) for pid, vid, name, kana in rows]


# --- groups ---------------------------------------------------------------------------

def _check_group(s, branch_id: int, data: GroupInput, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    data.name, data.kana = data.name.strip(), data.kana.strip()
    data.pattern, data.venue = data.pattern.strip(), data.venue.strip()
    data.end_reason, data.note = data.end_reason.strip(), data.note.strip()
    if not data.name:
        errors["name"] = "名称を入力してください"
    elif len(data.name) > 200:
        errors["name"] = "名称は200文字以内にしてください"
    if data.kana and not is_kana(data.kana):
        errors["kana"] = "ふりがなはかなで入力してください（数字・英字は使えます）"
    elif len(data.kana) > 200:
        errors["kana"] = "ふりがなは200文字以内にしてください"
    known = set(s.scalars(select(GroupKind.code)).all())
    if data.kind not in known:
        errors["kind"] = "種別を選んでください"
    if data.area_id is not None and s.scalar(select(Area.branch_id).where(
            Area.id == data.area_id)) != branch_id:
        errors["area_id"] = "自治会はこの支部の自治会から選んでください"
    if data.started_on is None:
        errors["started_on"] = "開始日を入力してください"
    elif data.started_on > today:
        errors["started_on"] = FUTURE
    if data.ended_on is not None:
        if data.ended_on > today:
            errors["ended_on"] = FUTURE
        elif data.started_on is not None and (
                problem := rules.group_period_error(data.started_on, data.ended_on)):
            errors["ended_on"] = problem
        elif not data.end_reason:
            errors["end_reason"] = "終了した理由を入力してください"
    elif data.end_reason:
        errors["ended_on"] = "終了理由を書いたときは終了日も入力してください"
    for text, name, label, limit in ((data.pattern, "pattern", "開催の目安", 100),
                                     (data.venue, "venue", "会場", 200),
                                     (data.end_reason, "end_reason", "終了理由", 200)):
        if len(text) > limit:
            errors[name] = f"{label}は{limit}文字以内にしてください"
    data.leader_ids = list(dict.fromkeys(data.leader_ids))
    if data.leader_ids:
        found = dict(s.execute(select(Volunteer.id, Volunteer.branch_id).where(
            Volunteer.id.in_(data.leader_ids))).all())
        if any(found.get(v) != branch_id for v in data.leader_ids):
            errors["leaders"] = "運営するボランティアはこの支部の登録者から選んでください"
        elif data.contact_id not in data.leader_ids:
            errors["leaders"] = "運営するボランティアのうち1人を連絡先にしてください"
    elif data.contact_id is not None:
        errors["leaders"] = "連絡先は運営するボランティアから選んでください"
    data.subsidy_years = sorted(set(data.subsidy_years))
    last_fy = fiscal_year_of(today)
    if any(not 1989 <= y <= last_fy for y in data.subsidy_years):
        errors["subsidy_years"] = f"助成年度は1989〜{last_fy}年度の西暦で入力してください"
    if problem := _named_error(s, branch_id, data.regulars, None):
        errors["regulars"] = problem
    return errors


def _named_error(s, branch_id: int, named: list[Named], day: dt.date | None) -> str | None:
    """Everyone picked is a resident of the branch, once; a volunteer is
    that person's registration (and registered on ``day`` when given)."""
    people = [n.person_id for n in named]
    if len(set(people)) != len(people):
        return "同じ人が2回選ばれています"
    if not people:
        return None
    owners = dict(s.execute(select(Person.id, Person.branch_id).where(
        Person.id.in_(people))).all())
    if any(owners.get(p) != branch_id for p in people):
        return "この支部の住民・ボランティアから選んでください"
    vids = [n.volunteer_id for n in named if n.volunteer_id]
    if vids:
        found = {v.id: v for v in s.scalars(select(Volunteer).where(Volunteer.id.in_(vids)))}
        for n in named:
            v = found.get(n.volunteer_id) if n.volunteer_id else None
            if n.volunteer_id and (v is None or v.person_id != n.person_id):
                return "選んだボランティアが見つかりません。もう一度選んでください"
            if v is not None and day is not None and not is_active_on(
                    v.registered_on, v.withdrawn_on, day):
                return (f"ボランティアとして選んだ人のうち、{day:%Y-%m-%d}に登録されていない人が"
                        "います（住民として選び直してください）")
    return None


def _own_group(s, user: SignedIn, group_id: int) -> ActivityGroup:
    group = s.get(ActivityGroup, group_id)
    if group is None:
        raise LookupError("該当するグループが見つかりません")
    access.check(user, Action.PERSONAL_RECORDS, group.branch_id)
    return group


def save_group(db: Database, user: SignedIn, data: GroupInput, group_id: int | None = None,
               today: dt.date | None = None, base_version: int | None = None,
               client_key: str | None = None) -> int:
    """Register a group (``group_id`` None) or save changes to one; returns
    its id. A changed period must still hold every event of the group.
    ``base_version``: the version the form was opened on (``saving.StaleEdit``
    with the group as it is now when someone saved since). ``client_key``
    (a new group): the save's ``saving.new_key()``; a retry of a stored save
    returns its id."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    with saving.edit_of(lambda: get_group(db, user, group_id)), db.session() as s:
        earlier = saving.saved_before(s, ActivityGroup, client_key)
        if earlier is not None and group_id is None:
            return earlier.id
        group = _own_group(s, user, group_id) if group_id is not None else None
        if group is not None:
            saving.check_version(group, base_version)
        errors = _check_group(s, branch_id, data, today)
        if group is not None and "started_on" not in errors and "ended_on" not in errors:
            first, last = s.execute(select(func.min(Event.held_on), func.max(Event.held_on))
                                    .where(Event.group_id == group.id)).one()
            errors.update(rules.group_events_errors(data.started_on, data.ended_on, first, last))
        if errors:
            raise ValidationError(errors)
        if group is None:
            group = ActivityGroup(branch_id=branch_id, name="", kind=data.kind,
                                  started_on=data.started_on, started_month=0,
                                  client_key=client_key)
            db.stamp(group, created=True)
            s.add(group)
        else:
            db.stamp(group)
        group.name, group.kana, group.kana_key = data.name, data.kana, fold(data.kana or data.name)
        group.kind, group.area_id = data.kind, data.area_id
        group.started_on, group.started_month = data.started_on, month_key(data.started_on)
        group.ended_on = data.ended_on
        group.ended_month = month_key(data.ended_on) if data.ended_on else None
        group.end_reason, group.pattern, group.venue = data.end_reason, data.pattern, data.venue
        group.note = data.note
        s.flush()
        action = "create" if group_id is None else "update"
        for table in (GroupLeader, GroupSubsidy, GroupMember):
            s.execute(delete(table).where(table.group_id == group.id))
        s.add_all([GroupLeader(group_id=group.id, volunteer_id=v, contact=v == data.contact_id)
                   for v in data.leader_ids])
        s.add_all([GroupSubsidy(group_id=group.id, fiscal_year=y) for y in data.subsidy_years])
        s.add_all([GroupMember(group_id=group.id, person_id=n.person_id,
                               volunteer_id=n.volunteer_id) for n in data.regulars])
        s.flush()
        db.audit(s, action, "activity_group", group.id,
                 f"kind={group.kind} leaders={len(data.leader_ids)} "
                 f"regulars={len(data.regulars)} subsidy_years={len(data.subsidy_years)}")
        return group.id


def get_group(db: Database, user: SignedIn, group_id: int) -> GroupDetail:
    with db.session() as s:
        g = _own_group(s, user, group_id)
        leaders = s.execute(
            select(Volunteer.id, Person.id, Person.name, Person.kana, GroupLeader.contact)
            .join(GroupLeader, GroupLeader.volunteer_id == Volunteer.id)
            .join(Person, Person.id == Volunteer.person_id)
            .where(GroupLeader.group_id == g.id).order_by(Person.kana_key, Person.name_key)).all()
        regulars = _named(s, GroupMember, GroupMember.group_id == g.id)
        years = s.scalars(select(GroupSubsidy.fiscal_year).where(GroupSubsidy.group_id == g.id)
                          .order_by(GroupSubsidy.fiscal_year)).all()
        data = GroupInput(g.name, g.kana, g.kind, g.area_id, g.started_on, g.ended_on,
                          g.end_reason, g.pattern, g.venue, g.note,
                          [vid for vid, *_ in leaders],
                          next((vid for vid, *_, contact in leaders if contact), None),
                          list(years), regulars)
        return GroupDetail(g.id, data, tuple(Named(pid, vid, name, kana)
                                             for vid, pid, name, kana, _ in leaders), g.version)


def _named(s, table, where) -> list[Named]:
    return [Named(*r) for r in s.execute(
        select(table.person_id, table.volunteer_id, Person.name, Person.kana)
        .join(Person, Person.id == table.person_id).where(where)
        .order_by(Person.kana_key, Person.name_key, Person.id))]


def search_groups(db: Database, user: SignedIn, query: GroupQuery = GroupQuery(),
                  today: dt.date | None = None) -> list[GroupRow]:
    """The branch's groups matching the filters, 50音順 (by kana_key)."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    with db.session() as s:
        last = (select(func.max(Event.held_on)).where(Event.group_id == ActivityGroup.id)
                .correlate(ActivityGroup).scalar_subquery())
        contact = (select(Person.name).join(Volunteer, Volunteer.person_id == Person.id)
                   .join(GroupLeader, GroupLeader.volunteer_id == Volunteer.id)
                   .where(GroupLeader.group_id == ActivityGroup.id, GroupLeader.contact.is_(True))
                   .correlate(ActivityGroup).limit(1).scalar_subquery())
        q = (select(ActivityGroup, GroupKind.label, Area.name, contact, last)
             .join(GroupKind, GroupKind.code == ActivityGroup.kind)
             .outerjoin(Area, Area.id == ActivityGroup.area_id)
             .where(ActivityGroup.branch_id == branch_id))
        key = fold(query.text)
        if key:
            pattern = f"%{_like_escape(key)}%"
            typed = f"%{_like_escape(query.text.strip())}%"
            q = q.where(or_(ActivityGroup.kana_key.like(pattern, escape="\\"),
                            ActivityGroup.name.like(typed, escape="\\")))
        if query.kind:
            q = q.where(ActivityGroup.kind == query.kind)
        if query.area_id is not None:
            q = q.where(ActivityGroup.area_id == query.area_id)
        if query.status == "active":
            q = q.where(group_active_on(today))
        elif query.status == "ended":
            q = q.where(ActivityGroup.ended_on <= today)
        q = q.order_by(ActivityGroup.kana_key, ActivityGroup.name, ActivityGroup.id)
        return [GroupRow(g.id, g.name, g.kana, g.kind, label, area or "", g.started_on,
                         g.ended_on, g.pattern, g.venue, contact_name or "",
                         is_active_on(g.started_on, g.ended_on, today), last_held)
                for g, label, area, contact_name, last_held in s.execute(q).all()]


def groups_on(db: Database, user: SignedIn, day: dt.date) -> list[tuple[int, str]]:
    """(id, name) of the branch's groups active on ``day``, 50音順: the
    groups an event of that day may belong to."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        return [tuple(r) for r in s.execute(
            select(ActivityGroup.id, ActivityGroup.name)
            .where(ActivityGroup.branch_id == branch_id, group_active_on(day))
            .order_by(ActivityGroup.kana_key, ActivityGroup.name, ActivityGroup.id))]


def meeting_draft(db: Database, user: SignedIn, group_id: int,
                  today: dt.date | None = None) -> EventInput:
    """A group's next meeting as the quick entry proposes it: the date from
    its pattern (``core.gatherings.propose_meeting_date``), the group's
    name as title and its 自治会, the kind of its last meeting (else the
    event kind of the same code, else サロン開催), its regulars as the
    named attendees and the counts they make."""
    today = today or clock.today()
    with db.session() as s:
        g = _own_group(s, user, group_id)
        last = s.execute(select(Event.held_on, Event.kind).where(Event.group_id == g.id)
                         .order_by(Event.held_on.desc(), Event.id.desc()).limit(1)).first()
        kinds = set(s.scalars(select(EventKind.code).where(EventKind.active.is_(True))))
        kind = last.kind if last else (g.kind if g.kind in kinds else "salon")
        day = rules.propose_meeting_date(g.pattern, last.held_on if last else None, today,
                                         g.started_on)
        if g.ended_on is not None and day >= g.ended_on:
            day = g.ended_on - dt.timedelta(days=1)
        regulars = _as_on(s, _named(s, GroupMember, GroupMember.group_id == g.id), day)
        return EventInput(held_on=day, kind=kind, title=g.name, area_id=g.area_id,
                          group_id=g.id, participants=len(regulars),
                          volunteers=sum(1 for n in regulars if n.volunteer_id),
                          attendees=regulars)


def _as_on(s, people: list[Named], day: dt.date) -> list[Named]:
    """A regular who came as a volunteer but is not registered on ``day``
    (withdrawn since) comes as a resident."""
    vids = [n.volunteer_id for n in people if n.volunteer_id]
    active = set(s.scalars(select(Volunteer.id).where(
        Volunteer.id.in_(vids), volunteer_active_on(day)))) if vids else set()
    return [n if n.volunteer_id in active or n.volunteer_id is None
            else Named(n.person_id, None, n.name, n.kana) for n in people]


# --- events ---------------------------------------------------------------------------

def _check_event(s, branch_id: int, data: EventInput, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    data.title, data.note = data.title.strip(), data.note.strip()
    if data.held_on is None:
        errors["held_on"] = "開催日を入力してください"
    elif data.held_on > today:
        errors["held_on"] = FUTURE
    if data.kind not in set(s.scalars(select(EventKind.code))):
        errors["kind"] = "種別を選んでください"
    if not data.title:
        errors["title"] = "名称を入力してください"
    elif len(data.title) > 200:
        errors["title"] = "名称は200文字以内にしてください"
    if data.area_id is not None and s.scalar(select(Area.branch_id).where(
            Area.id == data.area_id)) != branch_id:
        errors["area_id"] = "自治会はこの支部の自治会から選んでください"
    if data.group_id is not None:
        g = s.get(ActivityGroup, data.group_id)
        if g is None or g.branch_id != branch_id:  # another branch's name is not shown
            errors["group_id"] = "選んだグループが見つかりません"
        elif data.held_on is not None and (problem := rules.group_error(
                g.branch_id, g.started_on, g.ended_on, g.name, branch_id, data.held_on)):
            errors["group_id"] = problem
    if data.participants is None:
        errors["participants"] = "参加人数を入力してください（ボランティアも含めた人数）"
    elif problem := rules.participants_error(data.participants):
        errors["participants"] = problem
    if data.volunteers is None:
        data.volunteers = 0
    if "participants" not in errors and (
            problem := rules.volunteers_error(data.volunteers, data.participants)):
        errors["volunteers"] = problem
    if (problem := _named_error(s, branch_id, data.attendees, data.held_on)) or "participants" not in errors and "volunteers" not in errors and (
            problem := rules.attendees_error(
                data.participants, data.volunteers, len(data.attendees),
                sum(1 for n in data.attendees if n.volunteer_id))):
        errors["attendees"] = problem
    return errors


def _own_event(s, user: SignedIn, event_id: int) -> Event:
    event = s.get(Event, event_id)
    if event is None:
        raise LookupError("該当する行事が見つかりません")
    access.check(user, Action.PERSONAL_RECORDS, event.branch_id)
    return event


def save_event(db: Database, user: SignedIn, data: EventInput, event_id: int | None = None,
               today: dt.date | None = None, client_key: str | None = None) -> int:
    """Record an event (``event_id`` None) or save changes to one; returns
    its id. ``data.version``: the version the form was opened on
    (``saving.StaleEdit`` with the event as it is now when someone saved since).
    ``client_key`` (a new event): the save's ``saving.new_key()``; a retry
    of a stored save returns its id."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    with saving.edit_of(lambda: get_event(db, user, event_id)), db.session() as s:
        earlier = saving.saved_before(s, Event, client_key)
        if earlier is not None and event_id is None:
            return earlier.id
        event = _own_event(s, user, event_id) if event_id is not None else None
        if event is not None:
            saving.check_version(event, data.version)
        errors = _check_event(s, branch_id, data, today)
        if errors:
            raise ValidationError(errors)
        if event is None:
            event = Event(branch_id=branch_id, held_on=data.held_on, month=0, kind=data.kind,
                          title=data.title, client_key=client_key)
            db.stamp(event, created=True)
            s.add(event)
        else:
            db.stamp(event)
        event.held_on, event.month = data.held_on, month_key(data.held_on)
        event.kind, event.title, event.area_id = data.kind, data.title, data.area_id
        event.group_id = data.group_id
        event.participants, event.volunteers = data.participants, data.volunteers
        event.note = data.note
        s.flush()
        s.execute(delete(EventAttendee).where(EventAttendee.event_id == event.id))
        s.add_all([EventAttendee(event_id=event.id, person_id=n.person_id,
                                 volunteer_id=n.volunteer_id) for n in data.attendees])
        s.flush()
        db.audit(s, "create" if event_id is None else "update", "event", event.id,
                 f"kind={event.kind} participants={event.participants} "
                 f"volunteers={event.volunteers} named={len(data.attendees)}")
        return event.id


def get_event(db: Database, user: SignedIn, event_id: int) -> EventInput:
    with db.session() as s:
        e = _own_event(s, user, event_id)
        return EventInput(e.held_on, e.kind, e.title, e.area_id, e.group_id, e.participants,
                          e.volunteers, e.note,
                          _named(s, EventAttendee, EventAttendee.event_id == e.id), e.version)


def delete_event(db: Database, user: SignedIn, event_id: int) -> None:
    """Delete an event entered by mistake, its named attendees with it
    (the screen asks first; the trail keeps what was deleted, by counts)."""
    with db.session() as s:
        e = _own_event(s, user, event_id)
        named = s.scalar(select(func.count()).select_from(EventAttendee)
                         .where(EventAttendee.event_id == e.id))
        s.execute(delete(EventAttendee).where(EventAttendee.event_id == e.id))
        s.delete(e)
        db.audit(s, "delete", "event", event_id,
                 f"kind={e.kind} month={e.held_on:%Y-%m} participants={e.participants} "
                 f"named={named}")


def list_events(db: Database, user: SignedIn, query: EventQuery = EventQuery()) -> list[EventRow]:
    """The branch's events matching the filters, newest first."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        named = (select(func.count()).where(EventAttendee.event_id == Event.id)
                 .correlate(Event).scalar_subquery())
        q = (select(Event, EventKind.label, ActivityGroup.name, Area.name, named)
             .join(EventKind, EventKind.code == Event.kind)
             .outerjoin(ActivityGroup, ActivityGroup.id == Event.group_id)
             .outerjoin(Area, Area.id == Event.area_id)
             .where(Event.branch_id == branch_id))
        if query.month is not None:
            q = q.where(Event.month == query.month)
        if query.kind:
            q = q.where(Event.kind == query.kind)
        if query.group_id is not None:
            q = q.where(Event.group_id == query.group_id)
        q = q.order_by(Event.held_on.desc(), Event.id.desc())
        return [EventRow(e.id, e.held_on, e.kind, label, e.title, group or "", area or "",
                         e.participants, e.volunteers, n)
                for e, label, group, area, n in s.execute(q).all()]
