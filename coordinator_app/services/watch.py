"""見守り (あったか見守りサービス): watch users (利用登録者), their cooperators
(協力員), contacts, the monthly worklist (今月の見守り), disaster roll-calls
(災害時安否確認) and stock figures (登録者数). Qt-free.

Every public function takes ``(db, user, ...)``, opens one transaction,
works only inside the user's branch (``access.check``) and returns plain
dataclasses. Writes are stamped and audited (codes and counts only).

"Not yet reached in a month" is exactly ``activity.watch_user_unreached_in``,
the clause the tally file's ``watch_users_unreached`` is counted with.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, insert, or_, select

from coordinator_app.core import access, clock, codes, record_numbers
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.activity import (
    volunteer_active_on,
    watch_user_active_on,
    watch_user_unreached_in,
)
from coordinator_app.core.dates import month_key, month_last_day
from coordinator_app.core.kana import fold
from coordinator_app.core.models import (
    Area,
    Category,
    Consultation,
    Person,
    Rollcall,
    RollcallEntry,
    Volunteer,
    VolunteerRole,
    WatchAssignment,
    WatchContact,
    WatchContactVolunteer,
    WatchUser,
)
from coordinator_app.services import saving
from coordinator_app.services.consultations import insert_consultation
from coordinator_app.services.people import area_id_for, new_person
from coordinator_app.storage.database import Database

DEFAULT_FREQUENCY_DAYS = 31  # 毎月
FREQUENCIES = {7: "毎週", 14: "隔週", 31: "毎月", 62: "2か月ごと", 92: "3か月ごと"}
COOPERATOR_ROLE = "watch"

# Worklist states, most urgent first (the sort order of 今月の見守り).
STATES = {
    "concern": "異変対応中",
    "absent_twice": "2回続けて不在",
    "overdue": "期限超過",
    "unreached": "今月未連絡",
    "reached": "今月連絡済み",
}
STATE_FILTERS = {**STATES, "no_cooperator": "協力員未割当"}

ROLLCALL_STATUS = {
    "unchecked": "未確認",
    "safe": "無事",
    "needs_help": "要支援",
    "unreachable": "連絡不能",
}
# How a contact method reads as a consultation's 受付方法.
_CHANNEL_OF_METHOD = {"visit": "outreach", "outside": "outreach", "newsletter": "outreach",
                      "phone": "phone", "online": "other"}


class WatchError(ValueError):
    """Refused input; the message (Japanese) says what to fix."""


# --- results -------------------------------------------------------------------

@dataclass(frozen=True)
class Cooperator:
    """協力員: a volunteer of the branch with the 見守り role."""

    id: int  # volunteer id
    name: str
    kana: str
    phone: str = ""
    area: str = ""


@dataclass(frozen=True)
class WorklistRow:
    """One active user in 今月の見守り for a month, as of ``as_of``."""

    watch_user_id: int
    person_id: int
    name: str
    kana: str
    kana_key: str
    phone: str
    address: str
    area: str
    area_id: int | None
    methods: tuple[str, ...]
    frequency_days: int
    enrolled_on: dt.date
    emergency_contact: str
    last_contact_on: dt.date | None
    last_result: str | None
    days_since: int  # since the last contact, or since enrolment when never reached
    contacts_in_month: int
    reached: bool  # has a contact in the month (not in the tally's unreached count)
    overdue: bool  # no contact for longer than frequency_days
    absent_twice: bool  # the last two contacts were both 不在
    concern_open: bool  # a linked consultation whose follow-up is not closed
    cooperators: tuple[Cooperator, ...]

    @property
    def state(self) -> str:
        if self.concern_open:
            return "concern"
        if self.absent_twice:
            return "absent_twice"
        if self.overdue:
            return "overdue"
        return "reached" if self.reached else "unreached"

    @property
    def state_label(self) -> str:
        return STATES[self.state]

    @property
    def flags(self) -> tuple[str, ...]:
        """Every state that applies, most urgent first."""
        out = [s for s, on in (("concern", self.concern_open),
                               ("absent_twice", self.absent_twice),
                               ("overdue", self.overdue)) if on]
        out.append("reached" if self.reached else "unreached")
        if not self.cooperators:
            out.append("no_cooperator")
        return tuple(out)

    @property
    def no_cooperator(self) -> bool:
        return not self.cooperators

    def sort_key(self):
        return (list(STATES).index(self.state), -self.days_since, self.kana_key,
                self.watch_user_id)


@dataclass(frozen=True)
class Worklist:
    """今月の見守り for one month. ``counts`` cover every row that passed the
    area/cooperator filters (the whole branch when unfiltered); ``rows``
    are those that also pass the state filter, most urgent first."""

    month: int
    as_of: dt.date
    rows: list[WorklistRow]
    total: int
    reached: int
    unreached: int
    overdue: int
    absent_twice: int
    concern_open: int
    no_cooperator: int


@dataclass(frozen=True)
class ContactInfo:
    id: int
    contacted_on: dt.date
    method: str
    result: str
    by_staff: bool
    cooperators: tuple[str, ...]
    note: str
    consultation_id: int | None

    @property
    def by_label(self) -> str:
        return codes.BY_STAFF_LABEL if self.by_staff else "・".join(self.cooperators)


@dataclass(frozen=True)
class WatchUserDetail:
    id: int
    person_id: int
    name: str
    kana: str
    birth_date: dt.date | None
    phone: str
    address: str
    area: str
    emergency_contact: str
    methods: tuple[str, ...]
    frequency_days: int
    enrolled_on: dt.date
    ended_on: dt.date | None
    end_reason: str | None
    note: str
    cooperators: tuple[Cooperator, ...]
    contacts: tuple[ContactInfo, ...]  # newest first
    mail_ok: bool = False
    version: int = 1  # what the enrolment form saves on (services.saving)


@dataclass(frozen=True)
class UserRow:
    """利用登録者 list row (active and, on request, ended users)."""

    id: int
    name: str
    kana: str
    phone: str
    area: str
    methods: tuple[str, ...]
    frequency_days: int
    enrolled_on: dt.date
    ended_on: dt.date | None
    end_reason: str | None
    cooperators: tuple[str, ...]


@dataclass
class EnrolmentForm:
    """What the enrolment form sends. Either ``person_id`` (an existing
    resident, picked) or ``new_name`` (a new resident) is required."""

    person_id: int | None = None
    new_name: str = ""
    new_kana: str = ""
    birth_date: dt.date | None = None
    phone: str = ""
    address: str = ""
    area: str = ""
    emergency_contact: str = ""
    methods: list[str] = field(default_factory=list)
    frequency_days: int = DEFAULT_FREQUENCY_DAYS
    enrolled_on: dt.date | None = None
    cooperator_ids: list[int] = field(default_factory=list)
    note: str = ""
    mail_ok: bool | None = None  # agreed to mailings (宛名ラベル); None leaves it as is


@dataclass
class ConcernForm:
    """異変あり: what was noticed, and the follow-up consultation to create
    (or the existing open one of the same person to link)."""

    noticed: str
    category: str = "life"
    follow_up_on: dt.date | None = None  # default: the contact day, so it is due at once
    response: str = "listened"
    from_whom: str | None = None  # default: community (cooperators) / self (staff)
    link_consultation_id: int | None = None


@dataclass(frozen=True)
class RecordedContact:
    contact_id: int
    consultation_id: int | None
    created_consultation: bool


@dataclass(frozen=True)
class OpenConsultation:
    id: int
    received_on: dt.date
    summary: str
    follow_up_on: dt.date | None
    number: str = ""  # 相談番号, 「R8-0231」


@dataclass(frozen=True)
class RollcallProgress:
    total: int
    counts: dict  # status -> n

    @property
    def checked(self) -> int:
        return self.total - self.counts.get("unchecked", 0)


@dataclass(frozen=True)
class RollcallInfo:
    id: int
    area: str  # "" = the whole branch
    started_at: dt.datetime  # UTC
    started_by: str
    closed_at: dt.datetime | None
    progress: RollcallProgress

    @property
    def scope_label(self) -> str:
        return self.area or "支部全体"


@dataclass(frozen=True)
class RollcallEntryRow:
    id: int
    watch_user_id: int
    position: int
    name: str
    kana: str
    phone: str
    address: str
    area: str
    emergency_contact: str
    status: str
    checked_at: dt.datetime | None  # UTC
    checked_by: str
    note: str


@dataclass(frozen=True)
class StockFigures:
    """登録者数 as of a date (the seeds report them "as of 3.31")."""

    as_of: dt.date
    users: int
    cooperators: int
    users_by_area: list[tuple[str, int]]
    users_without_cooperator: int


# --- helpers -------------------------------------------------------------------

def _today(today: dt.date | None) -> dt.date:
    return today or clock.today()


def last_fiscal_year_end(today: dt.date | None = None) -> dt.date:
    """The most recent 3月31日 on or before today (年度末)."""
    today = _today(today)
    end = dt.date(today.year, 3, 31)
    return end if today >= end else dt.date(today.year - 1, 3, 31)


def _methods_text(methods) -> str:
    chosen = [m for m in codes.WATCH_METHOD if m in set(methods)]
    unknown = set(methods) - set(codes.WATCH_METHOD)
    if unknown:
        raise WatchError(f"見守りの方法が正しくありません（{', '.join(sorted(unknown))}）")
    return ";".join(chosen)


def _split_methods(text: str) -> tuple[str, ...]:
    return tuple(m for m in (text or "").split(";") if m)


def _in_scope(s, user: SignedIn, model, record_id: int, missing: str):
    """The record of model with record_id, when user may see its branch;
    the role is checked before the id is looked up."""
    access.check(user, Action.PERSONAL_RECORDS)
    record = s.get(model, record_id)
    if record is None:
        raise LookupError(missing)
    access.check(user, Action.PERSONAL_RECORDS, record.branch_id)
    return record


def _watch_user(s, user: SignedIn, watch_user_id: int) -> WatchUser:
    return _in_scope(s, user, WatchUser, watch_user_id, "該当する見守り利用者が見つかりません")


def _has_watch_role():
    return Volunteer.id.in_(select(VolunteerRole.volunteer_id)
                            .where(VolunteerRole.role_code == COOPERATOR_ROLE))


def _check_cooperators(s, branch_id: int, ids, today: dt.date,
                       already: set[int] = frozenset()) -> list[int]:
    """New assignments must be registered 見守り協力員 of the branch; ones
    already assigned (``already``, e.g. from a ledger) may stay."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    if not ids:
        return []
    found = set(s.scalars(select(Volunteer.id).where(
        Volunteer.id.in_(ids), Volunteer.branch_id == branch_id, volunteer_active_on(today),
        or_(_has_watch_role(), Volunteer.id.in_(list(already))))).all())
    if set(ids) - found:
        raise WatchError("協力員には、この支部で登録中の見守り協力員を選んでください")
    return ids


def _cooperators_of(s, branch_id: int, user_ids: list[int] | None,
                    today: dt.date) -> dict[int, list[Cooperator]]:
    """Active cooperators per watch user (withdrawn ones no longer count),
    in 50音順. One ``Cooperator`` per volunteer, shared between users."""
    people = {vid: Cooperator(vid, name, kana, phone, area or "")
              for vid, name, kana, phone, area in s.execute(
                  select(Volunteer.id, Person.name, Person.kana, Person.phone, Area.name)
                  .join(Person, Person.id == Volunteer.person_id)
                  .outerjoin(Area, Area.id == Person.area_id)
                  .where(Volunteer.branch_id == branch_id, volunteer_active_on(today),
                         Volunteer.id.in_(select(WatchAssignment.volunteer_id)))
                  .order_by(Person.kana_key, Volunteer.id))}
    rank = {vid: i for i, vid in enumerate(people)}
    q = select(WatchAssignment.watch_user_id, WatchAssignment.volunteer_id)
    if user_ids is not None:
        q = q.where(WatchAssignment.watch_user_id.in_(user_ids))
    out: dict[int, list[Cooperator]] = {}
    for uid, vid in s.execute(q):
        if vid in people:
            out.setdefault(uid, []).append(people[vid])
    for coops in out.values():
        coops.sort(key=lambda c: rank[c.id])
    return out


def _assigned(s, watch_user_id: int) -> set[int]:
    return set(s.scalars(select(WatchAssignment.volunteer_id)
                         .where(WatchAssignment.watch_user_id == watch_user_id)).all())


def _set_assignments(s, watch_user_id: int, volunteer_ids: list[int]) -> None:
    current = set(s.scalars(select(WatchAssignment.volunteer_id)
                            .where(WatchAssignment.watch_user_id == watch_user_id)).all())
    wanted = set(volunteer_ids)
    for vid in current - wanted:
        s.delete(s.get(WatchAssignment, (watch_user_id, vid)))
    for vid in volunteer_ids:
        if vid not in current:
            s.add(WatchAssignment(watch_user_id=watch_user_id, volunteer_id=vid))
    s.flush()


# --- the worklist ----------------------------------------------------------------

def _worklist_rows(s, branch_id: int, month: int, as_of: dt.date, today: dt.date,
                   user_ids: list[int] | None = None) -> list[WorklistRow]:
    last = month_last_day(month // 100, month % 100)

    def latest(column, offset: int):
        # The user's n-th latest contact up to as_of: an index walk on
        # ix_watch_contact_user per user, cheaper than a window over all.
        return (select(column).where(WatchContact.watch_user_id == WatchUser.id,
                                     WatchContact.contacted_on <= as_of)
                .order_by(WatchContact.contacted_on.desc(), WatchContact.id.desc())
                .limit(1).offset(offset).scalar_subquery())

    q = (select(WatchUser.id, WatchUser.person_id, WatchUser.methods, WatchUser.frequency_days,
                WatchUser.enrolled_on, WatchUser.emergency_contact, Person.name, Person.kana,
                Person.kana_key, Person.phone, Person.address, Area.name, Person.area_id,
                latest(WatchContact.contacted_on, 0), latest(WatchContact.result, 0),
                latest(WatchContact.result, 1))
         .join(Person, Person.id == WatchUser.person_id)
         .outerjoin(Area, Area.id == Person.area_id)
         .where(WatchUser.branch_id == branch_id, watch_user_active_on(last)))
    if user_ids is not None:
        q = q.where(WatchUser.id.in_(user_ids))
    users = s.execute(q).all()
    if not users:
        return []
    # The tally's own clause decides "reached in the month".
    uq = select(WatchUser.id).where(WatchUser.branch_id == branch_id,
                                    watch_user_unreached_in(month))
    if user_ids is not None:
        uq = uq.where(WatchUser.id.in_(user_ids))
    unreached = set(s.scalars(uq).all())
    in_month = dict(s.execute(
        select(WatchContact.watch_user_id, func.count())
        .where(WatchContact.branch_id == branch_id, WatchContact.month == month)
        .group_by(WatchContact.watch_user_id)).all())
    concern = set(s.scalars(
        select(WatchContact.watch_user_id).distinct()
        .join(Consultation, Consultation.id == WatchContact.consultation_id)
        .where(WatchContact.branch_id == branch_id, Consultation.follow_up_on.is_not(None),
               Consultation.follow_up_closed_on.is_(None),
               Consultation.deleted_at.is_(None))).all())
    coops = _cooperators_of(s, branch_id, user_ids, today)
    rows = []
    for (uid, person_id, methods, frequency, enrolled_on, emergency, name, kana, kana_key,
         phone, address, area, area_id, last_on, last_result, previous_result) in users:
        days = (as_of - (last_on or enrolled_on)).days
        rows.append(WorklistRow(
            watch_user_id=uid, person_id=person_id, name=name, kana=kana,
            kana_key=kana_key, phone=phone, address=address, area=area or "", area_id=area_id,
            methods=_split_methods(methods), frequency_days=frequency,
            enrolled_on=enrolled_on, emergency_contact=emergency,
            last_contact_on=last_on, last_result=last_result,
            days_since=max(days, 0), contacts_in_month=in_month.get(uid, 0),
            reached=uid not in unreached, overdue=days > frequency,
            absent_twice=last_result == previous_result == "absent",
            concern_open=uid in concern, cooperators=tuple(coops.get(uid, ()))))
    rows.sort(key=WorklistRow.sort_key)
    return rows


def _as_of(month: int, today: dt.date) -> dt.date:
    return min(today, month_last_day(month // 100, month % 100))


def worklist(db: Database, user: SignedIn, month: int | None = None,
             area_id: int | None = None, volunteer_id: int | None = None,
             state: str | None = None, today: dt.date | None = None) -> Worklist:
    """今月の見守り: every user active at the month's last day (the tally's
    rule), with their last contact as of min(today, month end), sorted by
    urgency. ``state`` filters rows by a flag of ``STATE_FILTERS``
    ("unreached" = no contact in the month, whatever else applies)."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = _today(today)
    month = month or month_key(today)
    if state is not None and state not in STATE_FILTERS:
        raise WatchError(f"不明な絞り込みです（{state}）")
    as_of = _as_of(month, today)
    with db.session() as s:
        rows = _worklist_rows(s, branch_id, month, as_of, today)
    if area_id is not None:
        rows = [r for r in rows if r.area_id == area_id]
    if volunteer_id is not None:
        rows = [r for r in rows if any(c.id == volunteer_id for c in r.cooperators)]
    shown = rows if state is None else [r for r in rows if state in r.flags]
    return Worklist(month=month, as_of=as_of, rows=shown, total=len(rows),
                    reached=sum(r.reached for r in rows),
                    unreached=sum(not r.reached for r in rows),
                    overdue=sum(r.overdue for r in rows),
                    absent_twice=sum(r.absent_twice for r in rows),
                    concern_open=sum(r.concern_open for r in rows),
                    no_cooperator=sum(r.no_cooperator for r in rows))


def worklist_row(db: Database, user: SignedIn, watch_user_id: int, month: int | None = None,
                 today: dt.date | None = None) -> WorklistRow | None:
    """One user's worklist row (after recording a contact); None when the
    user is not active in the month."""
    today = _today(today)
    month = month or month_key(today)
    with db.session() as s:
        wu = _watch_user(s, user, watch_user_id)
        rows = _worklist_rows(s, wu.branch_id, month, _as_of(month, today), today,
                              [watch_user_id])
    return rows[0] if rows else None


def unreached_count(db: Database, user: SignedIn, month: int | None = None,
                    today: dt.date | None = None) -> int:
    """ホーム's number: users of the branch not yet reached in the month."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    month = month or month_key(_today(today))
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(WatchUser).where(
            WatchUser.branch_id == branch_id, watch_user_unreached_in(month))) or 0


# --- users -----------------------------------------------------------------------

def _validate_form(form: EnrolmentForm, today: dt.date) -> tuple[str, int, dt.date]:
    methods = _methods_text(form.methods)
    try:
        frequency = int(form.frequency_days)
    except (TypeError, ValueError):
        raise WatchError("見守りの頻度を日数で入力してください") from None
    if not 1 <= frequency <= 366:
        raise WatchError("見守りの頻度は1日から366日の間で入力してください")
    enrolled = form.enrolled_on or today
    if enrolled > today:
        raise WatchError("登録日に未来の日付は入力できません")
    return methods, frequency, enrolled


def _update_person(s, db: Database, person: Person, branch_id: int, form: EnrolmentForm,
                   overwrite: bool) -> None:
    """Copy the form's contact details to the person. When enrolling a
    picked resident only filled-in fields count; when editing
    (``overwrite``) an emptied phone or address is cleared."""
    changed = False
    for attr in ("phone", "address"):
        value = (getattr(form, attr) or "").strip()
        if (value or overwrite) and value != getattr(person, attr):
            setattr(person, attr, value)
            changed = True
    if form.area.strip():
        area_id = area_id_for(s, branch_id, form.area, db)
        if area_id != person.area_id:
            person.area_id = area_id
            changed = True
    if form.mail_ok is not None and bool(form.mail_ok) != person.mail_ok:
        person.mail_ok = bool(form.mail_ok)
        changed = True
    if changed:
        db.stamp(person)
        db.audit(s, "update", "person", person.id)


def enrol_user(db: Database, user: SignedIn, form: EnrolmentForm,
               today: dt.date | None = None, client_key: str | None = None) -> int:
    """Enrol a resident (picked, or new) with their ways of watching, the
    expected frequency and the cooperators assigned. Returns the watch
    user id. Refuses a resident who is already enrolled. ``client_key``:
    the save's ``saving.new_key()``; a retry of a stored save returns its id."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = _today(today)
    methods, frequency, enrolled = _validate_form(form, today)
    with db.session() as s:
        earlier = saving.saved_before(s, WatchUser, client_key)
        if earlier is not None:
            return earlier.id
        if form.person_id is not None:
            person = s.get(Person, form.person_id)
            if person is None:
                raise LookupError("該当する人が見つかりません")
            access.check(user, Action.PERSONAL_RECORDS, person.branch_id)
            if s.scalar(select(WatchUser.id).where(WatchUser.person_id == person.id,
                                                   WatchUser.ended_on.is_(None))):
                raise WatchError("この人は既に見守り利用者として登録されています")
            _update_person(s, db, person, branch_id, form, overwrite=False)
        elif form.new_name.strip():
            try:
                person = new_person(s, db, branch_id, form.new_name, form.new_kana,
                                    form.phone, form.address, form.birth_date, form.area)
            except ValueError as exc:
                raise WatchError(str(exc)) from None
            if form.mail_ok:
                person.mail_ok = True
        else:
            raise WatchError("利用者を選ぶか、新しい人の氏名を入力してください")
        coop_ids = _check_cooperators(s, branch_id, form.cooperator_ids, today)
        record = WatchUser(branch_id=branch_id, person_id=person.id, enrolled_on=enrolled,
                           enrolled_month=month_key(enrolled),
                           emergency_contact=form.emergency_contact.strip(),
                           methods=methods, frequency_days=frequency, note=form.note.strip(),
                           client_key=client_key)
        db.stamp(record, created=True)
        s.add(record)
        s.flush()
        _set_assignments(s, record.id, coop_ids)
        db.audit(s, "create", "watch_user", record.id,
                 f"methods={methods} frequency={frequency} cooperators={len(coop_ids)}")
        return record.id


def update_user(db: Database, user: SignedIn, watch_user_id: int, form: EnrolmentForm,
                today: dt.date | None = None, base_version: int | None = None) -> None:
    """Change an enrolment (contact details, ways, frequency, cooperators).
    ``base_version``: the version the form was opened on (``saving.StaleEdit``
    with the enrolment as it is now when someone saved since)."""
    today = _today(today)
    methods, frequency, enrolled = _validate_form(form, today)
    with saving.edit_of(lambda: get_user(db, user, watch_user_id, today)), db.session() as s:
        wu = _watch_user(s, user, watch_user_id)
        saving.check_version(wu, base_version)
        first = s.scalar(select(func.min(WatchContact.contacted_on))
                         .where(WatchContact.watch_user_id == wu.id))
        if first and enrolled > first:
            raise WatchError(f"登録日は最初の見守り（{first.isoformat()}）より前にしてください")
        person = s.get(Person, wu.person_id)
        _update_person(s, db, person, wu.branch_id, form, overwrite=True)
        coop_ids = _check_cooperators(s, wu.branch_id, form.cooperator_ids, today,
                                      _assigned(s, wu.id))
        wu.methods, wu.frequency_days = methods, frequency
        wu.enrolled_on, wu.enrolled_month = enrolled, month_key(enrolled)
        wu.emergency_contact, wu.note = form.emergency_contact.strip(), form.note.strip()
        db.stamp(wu)
        _set_assignments(s, wu.id, coop_ids)
        db.audit(s, "update", "watch_user", wu.id,
                 f"methods={methods} frequency={frequency} cooperators={len(coop_ids)}")


def set_cooperators(db: Database, user: SignedIn, watch_user_id: int,
                    volunteer_ids: list[int], today: dt.date | None = None) -> None:
    """Assign the cooperators (usually a pair) who watch a user."""
    today = _today(today)
    with db.session() as s:
        wu = _watch_user(s, user, watch_user_id)
        ids = _check_cooperators(s, wu.branch_id, volunteer_ids, today, _assigned(s, wu.id))
        _set_assignments(s, wu.id, ids)
        db.audit(s, "update", "watch_user", wu.id, f"cooperators={len(ids)}")


def end_enrolment(db: Database, user: SignedIn, watch_user_id: int, ended_on: dt.date,
                  reason: str, today: dt.date | None = None) -> None:
    """End an enrolment (施設入所/死亡/転居/本人希望/その他). The user leaves
    the worklists from that day; the history stays."""
    today = _today(today)
    if reason not in codes.END_REASON:
        raise WatchError("終了理由を選んでください")
    if ended_on is None:
        raise WatchError("終了日を入力してください")
    if ended_on > today:
        raise WatchError("終了日に未来の日付は入力できません")
    with db.session() as s:
        wu = _watch_user(s, user, watch_user_id)
        if wu.ended_on is not None:
            raise WatchError("この利用者の登録は既に終了しています")
        if ended_on < wu.enrolled_on:
            raise WatchError("終了日が登録日より前です")
        last = s.scalar(select(func.max(WatchContact.contacted_on))
                        .where(WatchContact.watch_user_id == wu.id))
        if last and ended_on < last:
            raise WatchError(f"終了日は最後の見守り（{last.isoformat()}）以降にしてください")
        wu.ended_on, wu.ended_month, wu.end_reason = ended_on, month_key(ended_on), reason
        db.stamp(wu)
        db.audit(s, "update", "watch_user", wu.id, f"ended reason={reason}")


def get_user(db: Database, user: SignedIn, watch_user_id: int,
             today: dt.date | None = None) -> WatchUserDetail:
    """A user's enrolment, cooperators and every contact (newest first).
    Opening a person's record is audited."""
    today = _today(today)
    with db.session() as s:
        wu = _watch_user(s, user, watch_user_id)
        p = s.get(Person, wu.person_id)
        area = s.get(Area, p.area_id).name if p.area_id else ""
        names: dict[int, list[str]] = {}
        for cid, name in s.execute(
                select(WatchContactVolunteer.contact_id, Person.name)
                .join(Volunteer, Volunteer.id == WatchContactVolunteer.volunteer_id)
                .join(Person, Person.id == Volunteer.person_id)
                .join(WatchContact, WatchContact.id == WatchContactVolunteer.contact_id)
                .where(WatchContact.watch_user_id == wu.id)
                .order_by(Person.kana_key)):
            names.setdefault(cid, []).append(name)
        contacts = tuple(
            ContactInfo(c.id, c.contacted_on, c.method, c.result, c.by_staff,
                        tuple(names.get(c.id, ())), c.note, c.consultation_id)
            for c in s.scalars(select(WatchContact).where(WatchContact.watch_user_id == wu.id)
                               .order_by(WatchContact.contacted_on.desc(),
                                         WatchContact.id.desc())).all())
        coops = _cooperators_of(s, wu.branch_id, [wu.id], today).get(wu.id, [])
        db.audit(s, "view", "watch_user", wu.id)
        return WatchUserDetail(
            id=wu.id, person_id=p.id, name=p.name, kana=p.kana, birth_date=p.birth_date,
            phone=p.phone, address=p.address, area=area,
            emergency_contact=wu.emergency_contact, methods=_split_methods(wu.methods),
            frequency_days=wu.frequency_days, enrolled_on=wu.enrolled_on,
            ended_on=wu.ended_on, end_reason=wu.end_reason, note=wu.note,
            cooperators=tuple(coops), contacts=contacts, mail_ok=p.mail_ok, version=wu.version)


def list_users(db: Database, user: SignedIn, include_ended: bool = False, text: str = "",
               today: dt.date | None = None) -> list[UserRow]:
    """利用登録者: the branch's users in 50音順; ended ones on request."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = _today(today)
    with db.session() as s:
        q = (select(WatchUser, Person.name, Person.kana, Person.phone, Area.name)
             .join(Person, Person.id == WatchUser.person_id)
             .outerjoin(Area, Area.id == Person.area_id)
             .where(WatchUser.branch_id == branch_id)
             .order_by(WatchUser.ended_on.is_not(None), Person.kana_key, WatchUser.id))
        if not include_ended:
            q = q.where(watch_user_active_on(today))
        key = fold(text)
        if key:
            pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            q = q.where(or_(Person.kana_key.like(pattern, escape="\\"),
                            Person.name_key.like(pattern, escape="\\")))
        rows = s.execute(q).all()
        coops = _cooperators_of(s, branch_id, None, today)
    return [UserRow(wu.id, name, kana, phone, area or "", _split_methods(wu.methods),
                    wu.frequency_days, wu.enrolled_on, wu.ended_on, wu.end_reason,
                    tuple(c.name for c in coops.get(wu.id, ())))
            for wu, name, kana, phone, area in rows]


# --- cooperators -----------------------------------------------------------------

def _cooperators(s, branch_id: int, today: dt.date) -> list[Cooperator]:
    return [Cooperator(vid, name, kana, phone, area or "")
            for vid, name, kana, phone, area in s.execute(
                select(Volunteer.id, Person.name, Person.kana, Person.phone, Area.name)
                .join(Person, Person.id == Volunteer.person_id)
                .outerjoin(Area, Area.id == Person.area_id)
                .where(Volunteer.branch_id == branch_id, _has_watch_role(),
                       volunteer_active_on(today))
                .order_by(Person.kana_key, Volunteer.id))]


def cooperators(db: Database, user: SignedIn, today: dt.date | None = None) -> list[Cooperator]:
    """The branch's registered 見守り協力員 (active today), 50音順."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        return _cooperators(s, branch_id, _today(today))


@dataclass(frozen=True)
class CooperatorRow:
    cooperator: Cooperator
    users: tuple[str, ...]  # names of the active users they watch, 50音順
    has_role: bool = True  # False: assigned, but not registered with the 見守り role


def cooperator_overview(db: Database, user: SignedIn,
                        today: dt.date | None = None) -> tuple[list[CooperatorRow], int]:
    """Who watches whom: each cooperator with their active users, and how
    many active users have no cooperator at all. Volunteers assigned to a
    user without the 見守り role (old ledgers) are listed too, marked."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = _today(today)
    with db.session() as s:
        coops = _cooperators(s, branch_id, today)
        per_user = _cooperators_of(s, branch_id, None, today)
        names = dict(s.execute(select(WatchUser.id, Person.name)
                               .join(Person, Person.id == WatchUser.person_id)
                               .where(WatchUser.branch_id == branch_id,
                                      watch_user_active_on(today))
                               .order_by(Person.kana_key, WatchUser.id)).all())
    watched: dict[int, list[str]] = {}
    extra: dict[int, Cooperator] = {}
    role_ids = {c.id for c in coops}
    for uid in names:  # 50音順
        for c in per_user.get(uid, ()):
            watched.setdefault(c.id, []).append(names[uid])
            if c.id not in role_ids:
                extra[c.id] = c
    rows = [CooperatorRow(c, tuple(watched.get(c.id, ()))) for c in coops]
    rows += [CooperatorRow(c, tuple(watched[c.id]), has_role=False)
             for c in sorted(extra.values(), key=lambda c: (fold(c.kana), c.id))]
    return rows, len(set(names) - set(per_user))


# --- contacts --------------------------------------------------------------------

def open_consultations(db: Database, user: SignedIn, watch_user_id: int) -> list[OpenConsultation]:
    """The person's consultations whose follow-up is not closed (to link a
    異変あり to instead of opening a new one), newest first."""
    with db.session() as s:
        wu = _watch_user(s, user, watch_user_id)
        return [OpenConsultation(c.id, c.received_on, (c.summary or "")[:40], c.follow_up_on,
                                 record_numbers.label(c.number_fy, c.number))
                for c in s.scalars(select(Consultation).where(
                    Consultation.branch_id == wu.branch_id,
                    Consultation.person_id == wu.person_id,
                    Consultation.deleted_at.is_(None),
                    Consultation.follow_up_closed_on.is_(None))
                    .order_by(Consultation.received_on.desc(), Consultation.id.desc())
                    .limit(20)).all()]


def record_contact(db: Database, user: SignedIn, watch_user_id: int, *,
                   contacted_on: dt.date, method: str, result: str, by_staff: bool,
                   volunteer_ids=(), note: str = "", concern: ConcernForm | None = None,
                   today: dt.date | None = None,
                   client_key: str | None = None) -> RecordedContact:
    """Record one contact. A 異変あり (``result="concern"``) needs
    ``concern``: it creates a consultation with a follow-up date (default
    the contact day, so it is due in 要フォロー at once) or links the
    person's open consultation, in the same transaction. ``client_key``:
    the save's ``saving.new_key()``; a retry of a stored save returns it."""
    today = _today(today)
    if method not in codes.WATCH_METHOD:
        raise WatchError("見守りの方法を選んでください")
    if result not in codes.WATCH_RESULT:
        raise WatchError("結果を選んでください")
    if contacted_on is None:
        raise WatchError("実施日を入力してください")
    if contacted_on > today:
        raise WatchError("実施日に未来の日付は入力できません")
    volunteer_ids = list(dict.fromkeys(int(v) for v in volunteer_ids))
    if by_staff and volunteer_ids:
        raise WatchError("実施者は「職員」か協力員のどちらかにしてください")
    if not by_staff and not volunteer_ids:
        raise WatchError("実施者（職員または協力員）を選んでください")
    if result == "concern" and (concern is None or not concern.noticed.strip()):
        raise WatchError("異変ありのときは、気づいたことを入力してください")
    with db.session() as s:
        earlier = saving.saved_before(s, WatchContact, client_key)
        if earlier is not None:  # its consultation was made unless one was linked
            return RecordedContact(earlier.id, earlier.consultation_id,
                                   earlier.consultation_id is not None
                                   and concern.link_consultation_id is None)
        wu = _watch_user(s, user, watch_user_id)
        if contacted_on < wu.enrolled_on:
            raise WatchError(f"実施日が登録日（{wu.enrolled_on.isoformat()}）より前です")
        if wu.ended_on and contacted_on > wu.ended_on:
            raise WatchError(f"実施日が終了日（{wu.ended_on.isoformat()}）より後です")
        if volunteer_ids:
            found = set(s.scalars(select(Volunteer.id).where(
                Volunteer.id.in_(volunteer_ids), Volunteer.branch_id == wu.branch_id)).all())
            if set(volunteer_ids) - found:
                raise WatchError("実施者には、この支部の協力員を選んでください")
        contact = WatchContact(branch_id=wu.branch_id, watch_user_id=wu.id,
                               contacted_on=contacted_on, month=month_key(contacted_on),
                               method=method, result=result, by_staff=by_staff,
                               note=note.strip(), client_key=client_key)
        db.stamp(contact, created=True)
        s.add(contact)
        s.flush()
        for vid in volunteer_ids:
            s.add(WatchContactVolunteer(contact_id=contact.id, volunteer_id=vid))
        consultation_id, created = None, False
        if result == "concern":
            consultation_id, created = _concern_follow_up(s, db, wu, contact, concern,
                                                          by_staff, user)
            contact.consultation_id = consultation_id
        s.flush()
        db.audit(s, "create", "watch_contact", contact.id,
                 f"method={method} result={result}"
                 + (f" consultation={consultation_id}" if consultation_id else ""))
        return RecordedContact(contact.id, consultation_id, created)


def _concern_follow_up(s, db: Database, wu: WatchUser, contact: WatchContact,
                       concern: ConcernForm, by_staff: bool, user: SignedIn) -> tuple[int, bool]:
    follow_up = concern.follow_up_on or contact.contacted_on
    if concern.link_consultation_id is not None:
        c = s.get(Consultation, concern.link_consultation_id)
        if (c is None or c.branch_id != wu.branch_id or c.person_id != wu.person_id
                or c.deleted_at is not None or c.follow_up_closed_on is not None):
            raise WatchError("紐づける相談は、この人のフォロー中の相談から選んでください")
        if c.follow_up_on is None or c.follow_up_on > follow_up:
            c.follow_up_on = follow_up
        db.stamp(c)
        db.audit(s, "update", "consultation", c.id, "watch concern linked")
        return c.id, False
    # Any active 相談内容 (the configurable list), as in the consultation form.
    if not s.scalar(select(Category.code).where(Category.code == concern.category,
                                                Category.active.is_(True))):
        raise WatchError("相談内容を選んでください")
    from_whom = concern.from_whom or ("self" if by_staff else "community")
    try:
        c = insert_consultation(
            s, db, wu.branch_id, received_on=contact.contacted_on, kind="consultation",
            channel=_CHANNEL_OF_METHOD[contact.method], from_whom=from_whom,
            response=concern.response, categories=[concern.category], person_id=wu.person_id,
            summary=f"【見守りで異変あり】{concern.noticed.strip()}",
            staff_name=user.display_name, follow_up_on=follow_up)
    except ValueError as exc:
        raise WatchError(str(exc)) from None
    return c.id, True


# --- disaster roll-call ------------------------------------------------------------

def _progress(s, rollcall_id: int) -> RollcallProgress:
    counts = {k: 0 for k in ROLLCALL_STATUS}
    for status, n in s.execute(select(RollcallEntry.status, func.count())
                               .where(RollcallEntry.rollcall_id == rollcall_id)
                               .group_by(RollcallEntry.status)):
        counts[status] = n
    return RollcallProgress(sum(counts.values()), counts)


def _rollcall(s, user: SignedIn, rollcall_id: int) -> Rollcall:
    return _in_scope(s, user, Rollcall, rollcall_id, "該当する安否確認が見つかりません")


def _info(s, rc: Rollcall) -> RollcallInfo:
    area = s.get(Area, rc.area_id).name if rc.area_id else ""
    return RollcallInfo(rc.id, area, rc.started_at, rc.started_by, rc.closed_at,
                        _progress(s, rc.id))


def start_rollcall(db: Database, user: SignedIn, area_id: int | None = None,
                   today: dt.date | None = None) -> RollcallInfo:
    """Start a roll-call of every user active today in the branch (or one
    area): each appears unchecked, in area then 50音順 order."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = _today(today)
    with db.session() as s:
        if area_id is not None:
            area = s.get(Area, area_id)
            if area is None:
                raise WatchError("選んだ自治会が見つかりません")
            access.check(user, Action.PERSONAL_RECORDS, area.branch_id)
        q = (select(WatchUser.id).join(Person, Person.id == WatchUser.person_id)
             .outerjoin(Area, Area.id == Person.area_id)
             .where(WatchUser.branch_id == branch_id, watch_user_active_on(today))
             .order_by(Area.name.is_(None), Area.name, Person.kana_key, WatchUser.id))
        if area_id is not None:
            q = q.where(Person.area_id == area_id)
        ids = s.scalars(q).all()
        if not ids:
            raise WatchError("対象の見守り利用者がいません")
        rc = Rollcall(branch_id=branch_id, area_id=area_id, started_at=clock.utcnow(),
                      started_by=db.actor)
        db.stamp(rc, created=True)
        s.add(rc)
        s.flush()
        s.execute(insert(RollcallEntry), [
            dict(rollcall_id=rc.id, watch_user_id=uid, position=i, status="unchecked",
                 checked_by="", note="") for i, uid in enumerate(ids)])
        db.audit(s, "create", "rollcall", rc.id, f"entries={len(ids)}")
        return _info(s, rc)


def list_rollcalls(db: Database, user: SignedIn) -> list[RollcallInfo]:
    """The branch's roll-calls, newest first."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        return [_info(s, rc) for rc in s.scalars(
            select(Rollcall).where(Rollcall.branch_id == branch_id)
            .order_by(Rollcall.started_at.desc(), Rollcall.id.desc()).limit(50)).all()]


def rollcall_info(db: Database, user: SignedIn, rollcall_id: int) -> RollcallInfo:
    with db.session() as s:
        return _info(s, _rollcall(s, user, rollcall_id))


def _entry_query():
    return (select(RollcallEntry, Person.name, Person.kana, Person.phone, Person.address,
                   Area.name, WatchUser.emergency_contact)
            .join(WatchUser, WatchUser.id == RollcallEntry.watch_user_id)
            .join(Person, Person.id == WatchUser.person_id)
            .outerjoin(Area, Area.id == Person.area_id))


def _entry_row(e: RollcallEntry, name, kana, phone, address, area,
               emergency) -> RollcallEntryRow:
    return RollcallEntryRow(e.id, e.watch_user_id, e.position, name, kana, phone, address,
                            area or "", emergency, e.status, e.checked_at, e.checked_by, e.note)


def rollcall_page(db: Database, user: SignedIn, rollcall_id: int, offset: int = 0,
                  limit: int = 200) -> list[RollcallEntryRow]:
    """A page of entries in roll-call order (the screen fetches lazily)."""
    with db.session() as s:
        _rollcall(s, user, rollcall_id)
        return [_entry_row(*r) for r in s.execute(
            _entry_query().where(RollcallEntry.rollcall_id == rollcall_id)
            .order_by(RollcallEntry.position).offset(offset).limit(limit)).all()]


def mark_entry(db: Database, user: SignedIn, entry_id: int, status: str | None = None,
               note: str | None = None) -> tuple[RollcallEntryRow, RollcallProgress]:
    """Mark one user safe / needs_help / unreachable (or back to unchecked),
    time-stamped, and/or set the note. Refused once the roll-call is closed."""
    if status is not None and status not in ROLLCALL_STATUS:
        raise WatchError("状態は 無事・要支援・連絡不能 から選んでください")
    with db.session() as s:
        entry = s.get(RollcallEntry, entry_id)
        if entry is None:
            raise LookupError("該当する安否確認の行が見つかりません")
        rc = _rollcall(s, user, entry.rollcall_id)
        if rc.closed_at is not None:
            raise WatchError("この安否確認は終了しています")
        if status is not None:
            entry.status = status
            entry.checked_at = None if status == "unchecked" else clock.utcnow()
            entry.checked_by = "" if status == "unchecked" else db.actor
        if note is not None:
            entry.note = note.strip()
        s.flush()
        db.audit(s, "update", "rollcall_entry", entry.id, f"status={entry.status}")
        row = s.execute(_entry_query().where(RollcallEntry.id == entry.id)).one()
        return _entry_row(*row), _progress(s, rc.id)


def close_rollcall(db: Database, user: SignedIn, rollcall_id: int) -> RollcallInfo:
    with db.session() as s:
        rc = _rollcall(s, user, rollcall_id)
        if rc.closed_at is None:
            rc.closed_at, rc.closed_by = clock.utcnow(), db.actor
            db.stamp(rc)
            db.audit(s, "update", "rollcall", rc.id, "closed")
        return _info(s, rc)


# --- stock figures ---------------------------------------------------------------

def stock_figures(db: Database, user: SignedIn, as_of: dt.date | None = None,
                  today: dt.date | None = None) -> StockFigures:
    """How many users and cooperators were registered at ``as_of`` (default
    the last 3月31日) — the same rule as the tally's stock measures."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    as_of = as_of or last_fiscal_year_end(today)
    with db.session() as s:
        users = s.scalar(select(func.count()).select_from(WatchUser).where(
            WatchUser.branch_id == branch_id, watch_user_active_on(as_of))) or 0
        coops = s.scalar(select(func.count()).select_from(Volunteer).where(
            Volunteer.branch_id == branch_id, _has_watch_role(),
            volunteer_active_on(as_of))) or 0
        by_area = [(area or "（自治会なし）", n) for area, n in s.execute(
            select(Area.name, func.count()).select_from(WatchUser)
            .join(Person, Person.id == WatchUser.person_id)
            .outerjoin(Area, Area.id == Person.area_id)
            .where(WatchUser.branch_id == branch_id, watch_user_active_on(as_of))
            .group_by(Area.name).order_by(Area.name))]
        active_ids = set(s.scalars(select(WatchUser.id).where(
            WatchUser.branch_id == branch_id, watch_user_active_on(as_of))).all())
        covered = set(_cooperators_of(s, branch_id, None, as_of))
    return StockFigures(as_of, users, coops, by_area, len(active_ids - covered))


def areas(db: Database, user: SignedIn) -> list[tuple[int, str]]:
    """The branch's areas (自治会) for filters, by name."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        return [(i, n) for i, n in s.execute(select(Area.id, Area.name)
                                            .where(Area.branch_id == branch_id)
                                            .order_by(Area.name))]

