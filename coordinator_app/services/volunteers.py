"""ボランティア登録: volunteers (individuals and groups), finding the right
one, the activity log (活動記録) and ボランティア保険 renewal. Qt-free.

Every public function takes ``(db, user, ...)``, opens one session (one
transaction), keeps to the coordinator's own branch
(``access.check``), stamps and audits its writes, and returns
plain dataclasses. Raises ``ValueError`` with a Japanese message saying
what to fix; nothing is written then.

Matching data lives in rows, not text, so that "someone who can drive on
Tuesday mornings near 原市" is a few indexed lookups:
``volunteer_role`` (活動内容), ``volunteer_availability`` (weekday × slot)
and ``volunteer_area`` (areas covered besides the volunteer's own). The
text columns ``Volunteer.availability`` ("tue-am;thu-pm") and
``Volunteer.covered_areas`` (area names) are kept as a readable copy.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, func, literal, or_, select

from coordinator_app.core import access, clock, codes
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.activity import is_active_on, volunteer_active_on
from coordinator_app.core.dates import fiscal_year_of, fiscal_year_range, month_key
from coordinator_app.core.kana import fold
from coordinator_app.core.models import (
    Activity,
    ActivityParticipant,
    Area,
    Person,
    Role,
    Volunteer,
    VolunteerArea,
    VolunteerAvailability,
    VolunteerRole,
    WatchAssignment,
    WatchUser,
)
from coordinator_app.services import saving
from coordinator_app.services.people import _like_escape, area_id_for, new_person
from coordinator_app.storage.database import Database

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_LABELS = ("月", "火", "水", "木", "金", "土", "日")
SLOTS = {"am": "午前", "pm": "午後", "eve": "夜"}
ACTIVITY_KIND = {
    "event": "行事・イベント",
    "salon": "サロン",
    "drive": "送迎・外出支援",
    "watch_visit": "見守り訪問",
    "general": "その他",
}
INSURANCE_STATES = {"current": "今年度加入済", "lapsed": "未更新"}
STATUSES = {"active": "登録中", "withdrawn": "退会", "all": "すべて"}
SEARCH_LIMIT = 500


# --- plain results -------------------------------------------------------------

@dataclass(frozen=True)
class RoleInfo:
    code: str
    label: str
    active: bool = True


@dataclass
class VolunteerInput:
    """What the registration form sends. Either ``person_id`` (a resident
    picked from the branch) or ``new_person`` (name, kana) is given;
    phone, address and area are written to that person."""

    kind: str = "individual"
    person_id: int | None = None
    new_person: dict | None = None
    phone: str = ""
    address: str = ""
    area: str = ""
    contact_person: str = ""
    member_count: int | None = None
    roles: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    availability: set[tuple[int, str]] = field(default_factory=set)
    covered_area_ids: list[int] = field(default_factory=list)
    registered_on: dt.date | None = None
    insurance_fy: int | None = None


@dataclass(frozen=True)
class VolunteerQuery:
    """Search filters; empty ones are ignored. ``weekday`` 0 = 月."""

    text: str = ""
    role: str = ""
    skill: str = ""
    weekday: int | None = None
    slot: str = ""
    area_id: int | None = None
    insurance: str = ""  # "" | "current" | "lapsed"
    status: str = "active"  # "active" | "withdrawn" | "all"


@dataclass(frozen=True)
class VolunteerRow:
    """One search result (a line of the list)."""

    id: int
    person_id: int
    name: str
    kana: str
    kind: str
    phone: str
    area: str
    roles: tuple[str, ...]
    skills: tuple[str, ...]
    availability: tuple[tuple[int, str], ...]
    insurance_fy: int | None
    registered_on: dt.date
    withdrawn_on: dt.date | None
    active: bool


@dataclass(frozen=True)
class WatchUserRef:
    watch_user_id: int
    name: str
    kana: str
    area: str
    active: bool


@dataclass(frozen=True)
class ParticipationRef:
    activity_id: int
    held_on: dt.date
    title: str
    kind: str
    hours: float | None


@dataclass(frozen=True)
class VolunteerDetail:
    """A volunteer's page: the registration, their 見守り users and their
    activity history (newest first)."""

    id: int
    person_id: int
    name: str
    kana: str
    kind: str
    phone: str
    address: str
    area: str
    contact_person: str
    member_count: int | None
    roles: tuple[str, ...]
    skills: tuple[str, ...]
    availability: tuple[tuple[int, str], ...]
    covered_areas: tuple[tuple[int, str], ...]
    registered_on: dt.date
    withdrawn_on: dt.date | None
    withdraw_reason: str
    insurance_fy: int | None
    active: bool
    watch_users: tuple[WatchUserRef, ...]
    activities: tuple[ParticipationRef, ...]
    version: int = 1  # what the form saves on (services.saving)

    @property
    def total_hours(self) -> float:
        return sum(a.hours or 0 for a in self.activities)


@dataclass(frozen=True)
class Participant:
    volunteer_id: int
    name: str
    kana: str
    hours: float | None


@dataclass(frozen=True)
class ActivityInfo:
    id: int
    held_on: dt.date
    title: str
    kind: str
    note: str
    participant_count: int
    participants: tuple[Participant, ...] = ()


# --- code lists -------------------------------------------------------------------

def list_roles(db: Database, include_inactive: bool = False) -> list[RoleInfo]:
    """活動内容: the configurable role list, in its display order."""
    with db.session() as s:
        q = select(Role.code, Role.label, Role.active).order_by(Role.sort_order, Role.id)
        if not include_inactive:
            q = q.where(Role.active.is_(True))
        return [RoleInfo(c, label, bool(a)) for c, label, a in s.execute(q).all()]


@dataclass(frozen=True)
class RoleRow:
    """A role as the settings list shows it, with how many registrations use it."""

    code: str
    label: str
    sort_order: int
    active: bool
    uses: int


def role_rows(db: Database, user: SignedIn) -> list[RoleRow]:
    """Every role, inactive ones included (administrators only)."""
    access.check(user, Action.ADMINISTER, refusal="活動内容の一覧は管理者だけが変更できます")
    with db.session() as s:
        used = (select(VolunteerRole.role_code, func.count().label("n"))
                .group_by(VolunteerRole.role_code).subquery())
        rows = s.execute(select(Role, used.c.n).outerjoin(used, used.c.role_code == Role.code)
                         .order_by(Role.sort_order, Role.id)).all()
        return [RoleRow(r.code, r.label, r.sort_order, bool(r.active), n or 0) for r, n in rows]


def save_role(db: Database, user: SignedIn, code: str, label: str, active: bool = True,
              sort_order: int | None = None) -> None:
    """Add a role or change its label, order or use (administrators only).
    Codes are kept forever (records and tally files use them): a role no
    longer wanted is made inactive, never deleted or renamed."""
    access.check(user, Action.ADMINISTER, refusal="活動内容の一覧は管理者だけが変更できます")
    code, label = code.strip(), label.strip()
    if not codes.is_code(code):
        raise ValueError(f"コードは{codes.CODE_SHAPE_TEXT}で入力してください（例: shopping）")
    if not label:
        raise ValueError("表示名を入力してください")
    if len(label) > 100:
        raise ValueError("表示名は100文字以内にしてください")
    with db.session() as s:
        role = s.scalar(select(Role).where(Role.code == code))
        if role is None:
            order = sort_order if sort_order is not None else \
                (s.scalar(select(func.max(Role.sort_order))) or 0) + 1
            role = Role(code=code, label=label, sort_order=order, active=active)
            db.stamp(role, created=True)
            s.add(role)
            s.flush()
            db.audit(s, "create", "role", role.id)
        else:
            role.label, role.active = label, active
            if sort_order is not None:
                role.sort_order = sort_order
            db.stamp(role)
            db.audit(s, "update", "role", role.id)


def list_branch_areas(db: Database, user: SignedIn) -> list[tuple[int, str]]:
    """The areas (自治会) of the user's branch: (id, name), by name."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        return [tuple(r) for r in s.execute(
            select(Area.id, Area.name).where(Area.branch_id == branch_id).order_by(Area.name))]


def skill_suggestions(db: Database, user: SignedIn) -> list[str]:
    """Skill tags (特技) already used in the branch, most used first."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        texts = s.scalars(select(Volunteer.skills).where(
            Volunteer.branch_id == branch_id, Volunteer.skills != "")).all()
    counts = Counter(tag for text in texts for tag in split_tags(text))
    return [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def split_tags(text: str) -> list[str]:
    """'料理;運転、傾聴' → ['料理', '運転', '傾聴'] (; 、 , and ； separate)."""
    for sep in ("、", "，", ",", "；"):
        text = text.replace(sep, ";")
    return list(dict.fromkeys(t.strip() for t in text.split(";") if t.strip()))


def availability_text(cells) -> str:
    """((1, 'am'), (3, 'pm')) → '火午前 木午後' for lists and pages."""
    return " ".join(f"{WEEKDAY_LABELS[w]}{SLOTS[s]}" for w, s in sorted_cells(cells))


def sorted_cells(cells) -> list[tuple[int, str]]:
    """(weekday, slot) cells without repeats, Monday first, 午前 before 午後."""
    order = list(SLOTS)
    return sorted(set(cells), key=lambda c: (c[0], order.index(c[1])))


# --- registration ---------------------------------------------------------------

def register_volunteer(db: Database, user: SignedIn, data: VolunteerInput,
                       today: dt.date | None = None, client_key: str | None = None) -> int:
    """Register an individual or a group; returns the new volunteer id.
    ``client_key``: the save's ``saving.new_key()``; a retry of a stored
    save returns its id."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    with db.session() as s:
        earlier = saving.saved_before(s, Volunteer, client_key)
        if earlier is not None:
            return earlier.id
        _validate(s, data, today)
        person = _person_for(s, db, user, branch_id, data)
        already = s.scalar(select(Volunteer.id).where(
            Volunteer.person_id == person.id, volunteer_active_on(today)))
        if already:
            raise ValueError("この人はすでにボランティアとして登録されています（検索して開いてください）")
        v = Volunteer(branch_id=branch_id, person_id=person.id,
                      registered_on=data.registered_on,
                      registered_month=month_key(data.registered_on), client_key=client_key)
        _apply(s, v, data, branch_id)
        db.stamp(v, created=True)
        s.add(v)
        s.flush()
        _write_matching(s, v, data)
        db.audit(s, "create", "volunteer", v.id, f"kind={v.kind} roles={len(data.roles)}")
        return v.id


def update_volunteer(db: Database, user: SignedIn, volunteer_id: int, data: VolunteerInput,
                     today: dt.date | None = None, base_version: int | None = None) -> None:
    """Save changes to a registration (the person picked stays the same).
    ``base_version``: the version the form was opened on (``saving.StaleEdit``
    with the registration as it is now when someone saved since)."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    with saving.edit_of(lambda: get_volunteer(db, user, volunteer_id, today)), \
            db.session() as s:
        v = _own_volunteer(s, user, volunteer_id)
        saving.check_version(v, base_version)
        data.person_id, data.new_person = v.person_id, None
        _validate(s, data, today)
        if v.withdrawn_on and data.registered_on > v.withdrawn_on:
            raise ValueError("登録日が退会日より後になっています")
        _person_for(s, db, user, branch_id, data)
        v.registered_on = data.registered_on
        v.registered_month = month_key(data.registered_on)
        _apply(s, v, data, branch_id)
        db.stamp(v)
        s.execute(delete(VolunteerRole).where(VolunteerRole.volunteer_id == v.id))
        s.execute(delete(VolunteerAvailability).where(VolunteerAvailability.volunteer_id == v.id))
        s.execute(delete(VolunteerArea).where(VolunteerArea.volunteer_id == v.id))
        s.flush()
        _write_matching(s, v, data)
        db.audit(s, "update", "volunteer", v.id, f"roles={len(data.roles)}")


def _validate(s, data: VolunteerInput, today: dt.date) -> None:
    if data.kind not in codes.VOLUNTEER_KIND:
        raise ValueError("種別（個人・団体）を選んでください")
    if data.person_id is None and not (data.new_person or {}).get("name", "").strip():
        raise ValueError("氏名・団体名を検索して選ぶか、新しい人として入力してください")
    if data.registered_on is None:
        raise ValueError("登録日を入力してください")
    if data.registered_on > today:
        raise ValueError("登録日に未来の日付は入力できません")
    data.roles = list(dict.fromkeys(data.roles))
    if not data.roles:
        raise ValueError("活動内容を1つ以上選んでください")
    known = set(s.scalars(select(Role.code)).all())
    unknown = [r for r in data.roles if r not in known]
    if unknown:
        raise ValueError(f"活動内容「{unknown[0]}」は一覧にありません")
    if data.kind == "group":
        data.contact_person = data.contact_person.strip()
        if not data.contact_person:
            raise ValueError("団体の連絡担当者の氏名を入力してください")
        if not data.member_count or data.member_count < 1:
            raise ValueError("団体の人数を1人以上で入力してください")
        if len(data.contact_person) > 100:
            raise ValueError("連絡担当者の氏名は100文字以内にしてください")
    else:
        data.contact_person, data.member_count = "", None
    data.skills = split_tags(";".join(data.skills))
    if len(";".join(data.skills)) > 500:
        raise ValueError("特技が長すぎます（合わせて500文字以内）")
    for weekday, slot in data.availability:
        if not (0 <= weekday <= 6) or slot not in SLOTS:
            raise ValueError("活動できる曜日・時間帯の指定が正しくありません")
    if data.insurance_fy is not None and not (1989 <= data.insurance_fy <= 2100):
        raise ValueError("保険加入年度は西暦4桁で選んでください")
    for text, label, limit in ((data.phone, "電話番号", 40), (data.address, "住所", 200),
                               (data.area, "自治会", 100)):
        if len(text.strip()) > limit:
            raise ValueError(f"{label}は{limit}文字以内にしてください")


def _person_for(s, db: Database, user: SignedIn, branch_id: int, data: VolunteerInput) -> Person:
    """The picked resident (phone/address/area brought up to date) or a
    new one, in the caller's transaction."""
    if data.person_id is None:
        fields = data.new_person or {}
        return new_person(s, db, branch_id, fields.get("name", ""),
                          fields.get("kana", ""), phone=data.phone,
                          address=data.address, area=data.area)
    person = s.get(Person, data.person_id)
    if person is None:
        raise ValueError("選んだ人が見つかりません。もう一度検索してください")
    access.check(user, Action.PERSONAL_RECORDS, person.branch_id)
    area_id = area_id_for(s, branch_id, data.area, db)
    values = (data.phone.strip(), data.address.strip(), area_id)
    if values != (person.phone, person.address, person.area_id):
        person.phone, person.address, person.area_id = values
        db.stamp(person)
        db.audit(s, "update", "person", person.id)
    return person


def _apply(s, v: Volunteer, data: VolunteerInput, branch_id: int) -> None:
    v.kind = data.kind
    v.contact_person = data.contact_person
    v.member_count = data.member_count
    v.skills = ";".join(data.skills)
    v.insurance_fy = data.insurance_fy
    v.availability = ";".join(f"{WEEKDAY_CODES[w]}-{slot}"
                              for w, slot in sorted_cells(data.availability))
    area_ids = list(dict.fromkeys(data.covered_area_ids))
    names = dict(s.execute(select(Area.id, Area.name).where(
        Area.id.in_(area_ids), Area.branch_id == branch_id)).all()) if area_ids else {}
    if len(names) != len(area_ids):
        raise ValueError("活動できる地域に、この支部にない地域が含まれています")
    data.covered_area_ids = area_ids
    text = ""
    for name in (names[a] for a in area_ids):  # readable copy; the rows are authoritative
        if len(text) + len(name) + 1 > 500:
            break
        text = f"{text};{name}" if text else name
    v.covered_areas = text


def _write_matching(s, v: Volunteer, data: VolunteerInput) -> None:
    s.add_all([VolunteerRole(volunteer_id=v.id, role_code=r) for r in data.roles])
    s.add_all([VolunteerAvailability(volunteer_id=v.id, weekday=w, slot=slot)
               for w, slot in sorted_cells(data.availability)])
    s.add_all([VolunteerArea(volunteer_id=v.id, area_id=a) for a in data.covered_area_ids])
    s.flush()


def _own_volunteer(s, user: SignedIn, volunteer_id: int) -> Volunteer:
    v = s.get(Volunteer, volunteer_id)
    if v is None:
        raise LookupError("該当するボランティアが見つかりません")
    access.check(user, Action.PERSONAL_RECORDS, v.branch_id)
    return v


def withdraw_volunteer(db: Database, user: SignedIn, volunteer_id: int, withdrawn_on: dt.date,
                       reason: str, today: dt.date | None = None) -> None:
    """退会: the volunteer stops counting as registered from that day."""
    today = today or clock.today()
    reason = (reason or "").strip()
    if withdrawn_on is None:
        raise ValueError("退会日を入力してください")
    if withdrawn_on > today:
        raise ValueError("退会日に未来の日付は入力できません")
    if not reason:
        raise ValueError("退会理由を入力してください")
    if len(reason) > 200:
        raise ValueError("退会理由は200文字以内にしてください")
    with db.session() as s:
        v = _own_volunteer(s, user, volunteer_id)
        if v.withdrawn_on is not None:
            raise ValueError("この人はすでに退会しています")
        if withdrawn_on < v.registered_on:
            raise ValueError("退会日が登録日より前です")
        v.withdrawn_on, v.withdrawn_month = withdrawn_on, month_key(withdrawn_on)
        v.withdraw_reason = reason
        db.stamp(v)
        db.audit(s, "update", "volunteer", v.id, "withdrawn")


def reinstate_volunteer(db: Database, user: SignedIn, volunteer_id: int) -> None:
    """Undo a withdrawal entered by mistake."""
    with db.session() as s:
        v = _own_volunteer(s, user, volunteer_id)
        if v.withdrawn_on is None:
            raise ValueError("この人は退会していません")
        v.withdrawn_on = v.withdrawn_month = None
        v.withdraw_reason = ""
        db.stamp(v)
        db.audit(s, "update", "volunteer", v.id, "reinstated")


# --- search and matching --------------------------------------------------------

def _filters(query: VolunteerQuery, today: dt.date) -> list:
    where = []
    key = fold(query.text)
    if key:
        pattern = f"%{_like_escape(key)}%"
        where.append(or_(Person.kana_key.like(pattern, escape="\\"),
                         Person.name_key.like(pattern, escape="\\")))
    if query.role:
        where.append(exists().where(VolunteerRole.volunteer_id == Volunteer.id,
                                    VolunteerRole.role_code == query.role))
    if query.weekday is not None or query.slot:
        cond = [VolunteerAvailability.volunteer_id == Volunteer.id]
        if query.weekday is not None:
            cond.append(VolunteerAvailability.weekday == query.weekday)
        if query.slot:
            cond.append(VolunteerAvailability.slot == query.slot)
        where.append(exists().where(*cond))
    if query.area_id is not None:
        # Their own area, or one they said they can cover.
        where.append(or_(Person.area_id == query.area_id,
                         exists().where(VolunteerArea.volunteer_id == Volunteer.id,
                                        VolunteerArea.area_id == query.area_id)))
    skill = query.skill.strip()
    if skill:
        tagged = literal(";") + Volunteer.skills + literal(";")
        where.append(tagged.like(f"%;{_like_escape(skill)};%", escape="\\"))
    fy = fiscal_year_of(today)
    if query.insurance == "current":
        where.append(Volunteer.insurance_fy == fy)
    elif query.insurance == "lapsed":
        where.append(or_(Volunteer.insurance_fy.is_(None), Volunteer.insurance_fy != fy))
    if query.status == "active":
        where.append(volunteer_active_on(today))
    elif query.status == "withdrawn":
        where.append(Volunteer.withdrawn_on <= today)
    return where


def search_volunteers(db: Database, user: SignedIn, query: VolunteerQuery = VolunteerQuery(),
                      today: dt.date | None = None,
                      limit: int = SEARCH_LIMIT) -> list[VolunteerRow]:
    """The branch's volunteers matching every given filter, 50音順 by
    ふりがな (then name). Free text matches name or ふりがな, kana-insensitive."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    with db.session() as s:
        q = (select(Volunteer, Person, Area.name)
             .join(Person, Person.id == Volunteer.person_id)
             .outerjoin(Area, Area.id == Person.area_id)
             .where(Volunteer.branch_id == branch_id, *_filters(query, today))
             .order_by(Person.kana_key, Person.name_key, Volunteer.id)
             .limit(limit))
        found = s.execute(q).all()
        ids = [v.id for v, _, _ in found]
        roles, cells = _roles_and_cells(s, ids)
    return [VolunteerRow(v.id, p.id, p.name, p.kana, v.kind, p.phone, area or "",
                         roles.get(v.id, ()), tuple(split_tags(v.skills)),
                         tuple(sorted_cells(cells.get(v.id, ()))), v.insurance_fy,
                         v.registered_on, v.withdrawn_on, _is_active(v, today))
            for v, p, area in found]


def _is_active(v: Volunteer, day: dt.date) -> bool:
    return is_active_on(v.registered_on, v.withdrawn_on, day)


def _roles_and_cells(s, ids: list[int]):
    roles: dict[int, tuple[str, ...]] = {}
    cells: dict[int, list[tuple[int, str]]] = {}
    if not ids:
        return roles, cells
    order = {code: i for i, code in enumerate(s.scalars(
        select(Role.code).order_by(Role.sort_order, Role.id)).all())}
    grouped: dict[int, list[str]] = {}
    for vid, code in s.execute(select(VolunteerRole.volunteer_id, VolunteerRole.role_code)
                               .where(VolunteerRole.volunteer_id.in_(ids))):
        grouped.setdefault(vid, []).append(code)
    roles = {vid: tuple(sorted(c, key=lambda x: order.get(x, 999))) for vid, c in grouped.items()}
    for vid, w, slot in s.execute(select(VolunteerAvailability.volunteer_id,
                                         VolunteerAvailability.weekday, VolunteerAvailability.slot)
                                  .where(VolunteerAvailability.volunteer_id.in_(ids))):
        cells.setdefault(vid, []).append((w, slot))
    return roles, cells


def active_count(db: Database, user: SignedIn, today: dt.date | None = None) -> int:
    """How many volunteers of the branch are registered today."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Volunteer).where(
            Volunteer.branch_id == branch_id, volunteer_active_on(today))) or 0


def get_volunteer(db: Database, user: SignedIn, volunteer_id: int,
                  today: dt.date | None = None) -> VolunteerDetail:
    today = today or clock.today()
    with db.session() as s:
        v = _own_volunteer(s, user, volunteer_id)
        p = s.get(Person, v.person_id)
        area = s.get(Area, p.area_id).name if p.area_id else ""
        roles, cells = _roles_and_cells(s, [v.id])
        covered = tuple(tuple(r) for r in s.execute(
            select(Area.id, Area.name).join(VolunteerArea, VolunteerArea.area_id == Area.id)
            .where(VolunteerArea.volunteer_id == v.id).order_by(Area.name)))
        watched = tuple(
            WatchUserRef(wid, name, kana, area_name or "",
                         is_active_on(enrolled_on, ended_on, today))
            for wid, name, kana, area_name, enrolled_on, ended_on in s.execute(
                select(WatchUser.id, Person.name, Person.kana, Area.name, WatchUser.enrolled_on,
                       WatchUser.ended_on)
                .join(WatchAssignment, WatchAssignment.watch_user_id == WatchUser.id)
                .join(Person, Person.id == WatchUser.person_id)
                .outerjoin(Area, Area.id == Person.area_id)
                .where(WatchAssignment.volunteer_id == v.id)
                .order_by(Person.kana_key, Person.name_key)))
        history = tuple(ParticipationRef(*r) for r in s.execute(
            select(Activity.id, Activity.held_on, Activity.title, Activity.kind,
                   ActivityParticipant.hours)
            .join(ActivityParticipant, ActivityParticipant.activity_id == Activity.id)
            .where(ActivityParticipant.volunteer_id == v.id)
            .order_by(Activity.held_on.desc(), Activity.id.desc())))
        return VolunteerDetail(
            v.id, p.id, p.name, p.kana, v.kind, p.phone, p.address, area, v.contact_person,
            v.member_count, roles.get(v.id, ()), tuple(split_tags(v.skills)),
            tuple(sorted_cells(cells.get(v.id, ()))), covered, v.registered_on,
            v.withdrawn_on, v.withdraw_reason, v.insurance_fy, _is_active(v, today),
            watched, history, v.version)


# --- activity log (活動記録) ------------------------------------------------------

def record_activity(db: Database, user: SignedIn, held_on: dt.date, title: str, kind: str,
                    participants: list[tuple[int, float | None]], note: str = "",
                    today: dt.date | None = None) -> int:
    """Record that volunteers took part in an activity on a date, each with
    their hours. Each volunteer counts once per activity (ボランティア活動
    参加者数). Returns the activity id."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    title = (title or "").strip()
    if held_on is None:
        raise ValueError("活動日を入力してください")
    if held_on > today:
        raise ValueError("活動日に未来の日付は入力できません")
    if not title:
        raise ValueError("活動名を入力してください")
    if len(title) > 200:
        raise ValueError("活動名は200文字以内にしてください")
    if kind not in ACTIVITY_KIND:
        raise ValueError("活動の種類を選んでください")
    if not participants:
        raise ValueError("参加したボランティアを1人以上選んでください")
    ids = [vid for vid, _ in participants]
    if len(set(ids)) != len(ids):
        raise ValueError("同じ人が2回選ばれています")
    for _, hours in participants:
        if hours is not None and not (0 < hours <= 24):
            raise ValueError("活動時間は0より大きく24以下の時間で入力してください")
    with db.session() as s:
        found = {v.id: v for v in s.scalars(select(Volunteer).where(Volunteer.id.in_(ids))).all()}
        for vid in ids:
            v = found.get(vid)
            if v is None:
                raise ValueError("選んだボランティアが見つかりません")
            access.check(user, Action.PERSONAL_RECORDS, v.branch_id)
            if not _is_active(v, held_on):
                raise ValueError("活動日に登録されていないボランティアが含まれています"
                                 "（登録日・退会日を確かめてください）")
        act = Activity(branch_id=branch_id, held_on=held_on, month=month_key(held_on),
                       title=title, kind=kind, note=(note or "").strip())
        db.stamp(act, created=True)
        s.add(act)
        s.flush()
        s.add_all([ActivityParticipant(activity_id=act.id, volunteer_id=vid, hours=hours)
                   for vid, hours in participants])
        s.flush()
        db.audit(s, "create", "activity", act.id, f"participants={len(ids)}")
        return act.id


def delete_activity(db: Database, user: SignedIn, activity_id: int) -> None:
    with db.session() as s:
        act = s.get(Activity, activity_id)
        if act is None:
            raise LookupError("該当する活動記録が見つかりません")
        access.check(user, Action.PERSONAL_RECORDS, act.branch_id)
        n = s.scalar(select(func.count()).select_from(ActivityParticipant)
                     .where(ActivityParticipant.activity_id == act.id))
        s.execute(delete(ActivityParticipant).where(ActivityParticipant.activity_id == act.id))
        s.delete(act)
        db.audit(s, "delete", "activity", activity_id, f"participants={n}")


def list_activities(db: Database, user: SignedIn, fiscal_year: int) -> list[ActivityInfo]:
    """The branch's activities in a fiscal year, newest first, with their
    participant counts."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    lo, hi = fiscal_year_range(fiscal_year)
    with db.session() as s:
        n = (select(func.count()).where(ActivityParticipant.activity_id == Activity.id)
             .correlate(Activity).scalar_subquery())
        q = (select(Activity.id, Activity.held_on, Activity.title, Activity.kind, Activity.note, n)
             .where(Activity.branch_id == branch_id, Activity.held_on.between(lo, hi))
             .order_by(Activity.held_on.desc(), Activity.id.desc()))
        return [ActivityInfo(*r) for r in s.execute(q).all()]


def get_activity(db: Database, user: SignedIn, activity_id: int) -> ActivityInfo:
    with db.session() as s:
        act = s.get(Activity, activity_id)
        if act is None:
            raise LookupError("該当する活動記録が見つかりません")
        access.check(user, Action.PERSONAL_RECORDS, act.branch_id)
        people = tuple(Participant(*r) for r in s.execute(
            select(Volunteer.id, Person.name, Person.kana, ActivityParticipant.hours)
            .join(Volunteer, Volunteer.id == ActivityParticipant.volunteer_id)
            .join(Person, Person.id == Volunteer.person_id)
            .where(ActivityParticipant.activity_id == act.id)
            .order_by(Person.kana_key, Person.name_key)))
        return ActivityInfo(act.id, act.held_on, act.title, act.kind, act.note,
                            len(people), people)


def participations(db: Database, fiscal_year: int, branch_id: int | None = None) -> int:
    """ボランティア活動参加者数: participations recorded in the fiscal year
    (one per volunteer per activity), for one branch or all. A figure,
    not personal data — for the indicators; the same count as the
    ``volunteer_participations`` tally summed over the year."""
    lo, hi = fiscal_year * 100 + 4, (fiscal_year + 1) * 100 + 3
    with db.session() as s:
        q = (select(func.count()).select_from(ActivityParticipant)
             .join(Activity, Activity.id == ActivityParticipant.activity_id)
             .where(Activity.month.between(lo, hi)))
        if branch_id is not None:
            q = q.where(Activity.branch_id == branch_id)
        return s.scalar(q) or 0


# --- ボランティア保険 ------------------------------------------------------------------

def lapsed_insurance(db: Database, user: SignedIn, today: dt.date | None = None) -> list[VolunteerRow]:
    """Active volunteers whose insurance year is not the current fiscal year."""
    return search_volunteers(db, user, VolunteerQuery(insurance="lapsed", status="active"),
                             today=today, limit=100_000)


def lapsed_insurance_count(db: Database, user: SignedIn, today: dt.date | None = None) -> int:
    """For ホーム: how many active volunteers still need this year's insurance."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Volunteer)
                        .join(Person, Person.id == Volunteer.person_id)
                        .where(Volunteer.branch_id == branch_id,
                               *_filters(VolunteerQuery(insurance="lapsed"), today))) or 0


def renew_insurance(db: Database, user: SignedIn, volunteer_ids: list[int] | None = None,
                    today: dt.date | None = None) -> int:
    """Mark the given active volunteers (default: every active volunteer
    whose insurance has lapsed) as insured for the current fiscal year, in
    one transaction. Returns how many were renewed."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    fy = fiscal_year_of(today)
    with db.session() as s:
        q = select(Volunteer).join(Person, Person.id == Volunteer.person_id).where(
            *_filters(VolunteerQuery(insurance="lapsed"), today))
        if volunteer_ids is None:
            q = q.where(Volunteer.branch_id == branch_id)
        else:
            if not volunteer_ids:
                raise ValueError("更新する人を選んでください")
            for b in s.scalars(select(Volunteer.branch_id).where(
                    Volunteer.id.in_(volunteer_ids)).distinct()):
                access.check(user, Action.PERSONAL_RECORDS, b)
            q = q.where(Volunteer.id.in_(volunteer_ids))
        renewed = s.scalars(q).all()
        for v in renewed:
            v.insurance_fy = fy
            db.stamp(v)
        db.audit(s, "update", "volunteer", None,
                 f"insurance_renewed fy={fy} count={len(renewed)}")
        return len(renewed)
