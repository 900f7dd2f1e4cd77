"""月次集計 on screen: the figures of the tally file, its export, and the
records behind a figure. Qt-free.

Figures come from ``counting.compute`` only, so the screen shows exactly what
the exported file holds. Coordinators see their own branch (``access.check``,
Action.TALLIES); city staff and administrators any branch or all. The records
behind a figure are personal records: the branch's own coordinator only
(Action.PERSONAL_RECORDS).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exists, select

from coordinator_app.core import access, clock, codes, counting
from coordinator_app.core.access import Action, ScopeError, SignedIn
from coordinator_app.core.activity import (
    group_active_on,
    volunteer_active_on,
    watch_user_active_on,
    watch_user_unreached_in,
)
from coordinator_app.core.dates import fiscal_year_of, month_last_day
from coordinator_app.core.models import (
    Activity,
    ActivityGroup,
    ActivityParticipant,
    Branch,
    Category,
    Consultation,
    ConsultationCategory,
    Event,
    EventKind,
    GroupKind,
    Person,
    Role,
    Volunteer,
    VolunteerRole,
    WatchContact,
    WatchUser,
)
from coordinator_app.interchange import tally_file
from coordinator_app.storage.database import Database

ANONYMOUS = "（匿名）"


@dataclass(frozen=True)
class TallyView:
    """The rows of ``counting.compute`` for the chosen branch(es), with the
    Japanese labels and the order of every breakdown's keys."""

    fiscal_year: int
    branch_code: str | None  # None: every branch summed
    rows: list[counting.TallyRow]
    keys: counting.KeyLists  # (measure, breakdown) → [(code, label)] in list order


@dataclass(frozen=True)
class RecordLine:
    """One record behind a figure (what the coordinator needs to find it)."""

    day: dt.date
    name: str
    detail: str


def visible_branches(db: Database, user: SignedIn) -> list[tuple[str, str]]:
    """(code, name) of the branches whose tallies user may see."""
    only = access.check(user, Action.TALLIES)
    with db.session() as s:
        q = select(Branch.id, Branch.code, Branch.name).order_by(Branch.sort_order, Branch.code)
        return [(c, n) for i, c, n in s.execute(q) if only is None or i == only]


def _codes_for(user: SignedIn, branch_code: str | None, s) -> list[str] | None:
    only = access.check(user, Action.TALLIES)
    if only is None:
        if branch_code is None:
            return None
        if s.scalar(select(Branch.id).where(Branch.code == branch_code)) is None:
            raise LookupError(f"支部コード {branch_code} は登録されていません")
        return [branch_code]
    own = s.scalar(select(Branch.code).where(Branch.id == only))
    if branch_code not in (None, own):
        raise ScopeError("コーディネーターは自分の支部の集計だけを見られます")
    return [own]


def key_lists(s) -> dict[str, list[tuple[str, str]]]:
    """Every breakdown's keys in the paper form's order: the contract lists,
    and categories/roles from their (configurable) tables. ``kind`` here is
    the consultation 区分; ``measure_key_lists`` tells the measures apart."""
    out = {b: list(t.items()) for b, t in codes.BREAKDOWN_CODES.items()}
    out["category"] = [(c, l) for c, l in s.execute(
        select(Category.code, Category.label).order_by(Category.sort_order, Category.code))]
    out["role"] = [(c, l) for c, l in s.execute(
        select(Role.code, Role.label).order_by(Role.sort_order, Role.code))]
    return out


def measure_key_lists(s) -> counting.KeyLists:
    """(measure, breakdown) → keys in the paper form's order: ``key_lists``,
    with ``kind`` the event or group 種別 (tables ``event_kind`` and
    ``group_kind``) for the measures counted from events and groups."""
    plain = key_lists(s)
    kinds: dict[str, list[tuple[str, str]]] = {}
    for table, measures in ((EventKind, codes.EVENT_MEASURES), (GroupKind, codes.GROUP_MEASURES)):
        listed = [(c, l) for c, l in s.execute(
            select(table.code, table.label).order_by(table.sort_order, table.code))]
        kinds.update({m: listed for m in measures})
    return {(m, b): kinds[m] if b == "kind" and m in kinds else plain.get(b, [])
            for m, breakdowns in codes.MEASURES.items() for b in breakdowns}


def tally_view(db: Database, user: SignedIn, fiscal_year: int,
               branch_code: str | None = None) -> TallyView:
    """The figures for one branch (or all, for city staff) and fiscal year.
    Coordinators always get their own branch."""
    with db.session() as s:
        branch_codes = _codes_for(user, branch_code, s)
        rows = counting.compute(s, fiscal_year, branch_codes)
        keys = measure_key_lists(s)
    shown = branch_codes[0] if branch_codes and len(branch_codes) == 1 else None
    return TallyView(fiscal_year, shown, rows, keys)


def default_file_name(branch_code: str | None, fiscal_year: int, fmt: str,
                      today: dt.date | None = None, month: int | None = None) -> str:
    """tally_01_2025_20261126.csv — branch (or ``all``), fiscal year (or the
    month: tally_01_2026-10_20261126.csv), date."""
    today = today or clock.today()
    period = counting.month_text(month) if month is not None else fiscal_year
    return f"tally_{branch_code or 'all'}_{period}_{today:%Y%m%d}.{fmt}"


def parse_month(text: str) -> int:
    """``2026-10`` (``--month``) → 202610; anything else is refused in words."""
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"月は YYYY-MM の形で指定してください（例: 2026-10 = 令和8年10月）: {text}")
    if not 1989 <= int(m.group(1)) <= 2100:
        raise ValueError(f"年は西暦4桁（1989〜2100）で指定してください: {text}")
    return int(m.group(1)) * 100 + int(m.group(2))


def export_tallies(db: Database, user: SignedIn, fiscal_year: int | None, branch_code: str | None,
                   fmt: str, out: Path, month: int | None = None) -> int:
    """Write the contract CSV (or the xlsx monthly report), audited in the
    same transaction; returns rows. With ``month`` (YYYYMM) only that
    month's rows, the same as the whole year's rows of it; ``fiscal_year``
    is then the month's (or None). (The screen's export and
    ``coordinator-app export tallies``.)"""
    if fmt not in ("csv", "xlsx"):
        raise ValueError("形式は csv か xlsx です")
    if month is not None:
        fiscal_year = fiscal_year_of(dt.date(month // 100, month % 100, 1))
    with db.session() as s:
        branch_codes = _codes_for(user, branch_code, s)
        # parallel: this session has written nothing the other connections miss.
        rows = counting.compute(s, fiscal_year, branch_codes, parallel=True, month=month)
        names = dict(s.execute(select(Branch.code, Branch.name)).all())
        if fmt == "xlsx":
            tally_file.write_xlsx(rows, Path(out), names, measure_key_lists(s),
                                  fiscal_year=fiscal_year, month=month)
        else:
            tally_file.write_csv(rows, Path(out))
        shown = branch_codes[0] if branch_codes and len(branch_codes) == 1 else "all"
        period = f" month={counting.month_text(month)}" if month is not None else ""
        db.audit(s, "export", "tallies", None,
                 f"fy={fiscal_year}{period} branch={shown} format={fmt}")
    return len(rows)


# --- the records behind a figure ------------------------------------------------

def records_behind(db: Database, user: SignedIn, measure: str, breakdown: str, key: str,
                   months: list[int]) -> list[RecordLine]:
    """The user's branch's records counted in ``measure``/``breakdown``/``key``
    over ``months`` (YYYYMM). Stock measures are as of each month's last
    day; pass one month for them. Refused (ScopeError) for anyone but the
    branch's coordinator."""
    if measure not in codes.MEASURES:
        raise ValueError(f"不明な集計項目です（{measure}）")
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        lines = _QUERIES[measure](s, branch_id, breakdown, key, months)
        db.audit(s, "view", "tally_records", None,
                 f"measure={measure} months={len(months)} count={len(lines)}")
    lines.sort(key=lambda r: (r.day, r.name))
    return lines


def _label(table: dict[str, str], code: str | None) -> str:
    return table.get(code or "", code or "")


def _consultations(s, branch_id, breakdown, key, months):
    q = (select(Consultation, Person.name).outerjoin(Person, Person.id == Consultation.person_id)
         .where(Consultation.branch_id == branch_id, Consultation.month.in_(months),
                Consultation.deleted_at.is_(None)))
    columns = {"kind": Consultation.kind, "channel": Consultation.channel,
               "from_whom": Consultation.from_whom, "response": Consultation.response}
    if breakdown in columns:
        q = q.where(columns[breakdown] == key)
    elif breakdown == "category":
        q = q.where(exists().where(ConsultationCategory.consultation_id == Consultation.id,
                                   ConsultationCategory.category_code == key))
    found = s.execute(q).all()
    cats: dict[int, list[str]] = {}
    labels = dict(s.execute(select(Category.code, Category.label)).all())
    ids = [c.id for c, _ in found]
    if ids:
        for cid, code in s.execute(select(ConsultationCategory.consultation_id,
                                          ConsultationCategory.category_code)
                                   .where(ConsultationCategory.consultation_id.in_(ids))):
            cats.setdefault(cid, []).append(labels.get(code, code))
    return [RecordLine(c.received_on, name or ANONYMOUS,
                       "・".join([_label(codes.KIND, c.kind), _label(codes.CHANNEL, c.channel),
                                 _label(codes.FROM_WHOM, c.from_whom),
                                 _label(codes.RESPONSE, c.response)])
                       + (f"（{'、'.join(sorted(cats.get(c.id, [])))}）" if cats.get(c.id) else ""))
            for c, name in found]


def _watch_contacts(s, branch_id, breakdown, key, months):
    q = (select(WatchContact, Person.name)
         .join(WatchUser, WatchUser.id == WatchContact.watch_user_id)
         .join(Person, Person.id == WatchUser.person_id)
         .where(WatchContact.branch_id == branch_id, WatchContact.month.in_(months)))
    if breakdown == "method":
        q = q.where(WatchContact.method == key)
    elif breakdown == "result":
        q = q.where(WatchContact.result == key)
    return [RecordLine(c.contacted_on, name,
                       f"{_label(codes.WATCH_METHOD, c.method)}・{_label(codes.WATCH_RESULT, c.result)}"
                       f"（{codes.BY_STAFF_LABEL if c.by_staff else '協力員'}）")
            for c, name in s.execute(q)]


def _users(s, branch_id, where):
    q = (select(WatchUser, Person.name).join(Person, Person.id == WatchUser.person_id)
         .where(WatchUser.branch_id == branch_id, *where))
    out = []
    for u, name in s.execute(q):
        detail = f"登録 {u.enrolled_on:%Y-%m-%d}"
        if u.ended_on:
            detail += f"・終了 {u.ended_on:%Y-%m-%d}（{_label(codes.END_REASON, u.end_reason)}）"
        out.append((u, RecordLine(u.ended_on or u.enrolled_on, name, detail)))
    return out


def _watch_users_active(s, branch_id, breakdown, key, months):
    out = []
    for m in months:
        last = month_last_day(m // 100, m % 100)
        out += [RecordLine(last, line.name, line.detail)
                for _, line in _users(s, branch_id, [watch_user_active_on(last)])]
    return out


def _watch_users_unreached(s, branch_id, breakdown, key, months):
    out = []
    for m in months:
        last = month_last_day(m // 100, m % 100)
        out += [RecordLine(last, line.name, line.detail + "・この月の連絡なし")
                for _, line in _users(s, branch_id, [watch_user_unreached_in(m)])]
    return out


def _watch_users_enrolled(s, branch_id, breakdown, key, months):
    return [RecordLine(u.enrolled_on, line.name, line.detail)
            for u, line in _users(s, branch_id, [WatchUser.enrolled_month.in_(months)])]


def _watch_users_ended(s, branch_id, breakdown, key, months):
    where = [WatchUser.ended_month.in_(months)]
    if breakdown == "end_reason":
        where.append(WatchUser.end_reason == key)
    return [line for _, line in _users(s, branch_id, where)]


def _volunteers(s, branch_id, where, day_of):
    q = (select(Volunteer, Person.name).join(Person, Person.id == Volunteer.person_id)
         .where(Volunteer.branch_id == branch_id, *where))
    found = s.execute(q).all()
    roles: dict[int, list[str]] = {}
    labels = dict(s.execute(select(Role.code, Role.label)).all())
    ids = [v.id for v, _ in found]
    if ids:
        for vid, code in s.execute(select(VolunteerRole.volunteer_id, VolunteerRole.role_code)
                                   .where(VolunteerRole.volunteer_id.in_(ids))):
            roles.setdefault(vid, []).append(labels.get(code, code))
    out = []
    for v, name in found:
        detail = f"登録 {v.registered_on:%Y-%m-%d}"
        if v.withdrawn_on:
            detail += f"・退会 {v.withdrawn_on:%Y-%m-%d}"
        if roles.get(v.id):
            detail += f"（{'、'.join(sorted(roles[v.id]))}）"
        out.append(RecordLine(day_of(v), name, detail))
    return out


def _volunteers_active(s, branch_id, breakdown, key, months):
    out = []
    for m in months:
        last = month_last_day(m // 100, m % 100)
        where = [volunteer_active_on(last)]
        if breakdown == "role":
            where.append(exists().where(VolunteerRole.volunteer_id == Volunteer.id,
                                        VolunteerRole.role_code == key))
        out += _volunteers(s, branch_id, where, lambda v, d=last: d)
    return out


def _volunteers_registered(s, branch_id, breakdown, key, months):
    return _volunteers(s, branch_id, [Volunteer.registered_month.in_(months)],
                       lambda v: v.registered_on)


def _volunteers_withdrawn(s, branch_id, breakdown, key, months):
    return _volunteers(s, branch_id, [Volunteer.withdrawn_month.in_(months)],
                       lambda v: v.withdrawn_on)


def _participations(s, branch_id, breakdown, key, months):
    q = (select(Activity.held_on, Activity.title, Person.name)
         .join(ActivityParticipant, ActivityParticipant.activity_id == Activity.id)
         .join(Volunteer, Volunteer.id == ActivityParticipant.volunteer_id)
         .join(Person, Person.id == Volunteer.person_id)
         .where(Activity.branch_id == branch_id, Activity.month.in_(months)))
    return [RecordLine(day, name, title) for day, title, name in s.execute(q)]


def _events(s, branch_id, breakdown, key, months, only=None):
    """The events held in the months (of one kind): title, kind, counts and
    the group they belong to; attendees are not named."""
    q = (select(Event, EventKind.label, ActivityGroup.name)
         .outerjoin(EventKind, EventKind.code == Event.kind)
         .outerjoin(ActivityGroup, ActivityGroup.id == Event.group_id)
         .where(Event.branch_id == branch_id, Event.month.in_(months)))
    if breakdown == "kind":
        q = q.where(Event.kind == key)
    if only is not None:
        q = q.where(only)
    return [RecordLine(e.held_on, e.title,
                       f"{label or e.kind}・参加 {e.participants}人（うちボランティア {e.volunteers}人）"
                       + (f"・{group}" if group else ""))
            for e, label, group in s.execute(q)]


def _event_volunteers(s, branch_id, breakdown, key, months):
    return _events(s, branch_id, breakdown, key, months, Event.volunteers > 0)


def _groups_active(s, branch_id, breakdown, key, months):
    out = []
    for m in months:
        last = month_last_day(m // 100, m % 100)
        q = (select(ActivityGroup, GroupKind.label)
             .outerjoin(GroupKind, GroupKind.code == ActivityGroup.kind)
             .where(ActivityGroup.branch_id == branch_id, group_active_on(last)))
        if breakdown == "kind":
            q = q.where(ActivityGroup.kind == key)
        for g, label in s.execute(q):
            detail = f"{label or g.kind}・開始 {g.started_on:%Y-%m-%d}"
            if g.ended_on:
                detail += f"・終了 {g.ended_on:%Y-%m-%d}"
            if g.venue:
                detail += f"・{g.venue}"
            out.append(RecordLine(last, g.name, detail))
    return out


_QUERIES = {
    "consultations": _consultations,
    "watch_contacts": _watch_contacts,
    "watch_users_active": _watch_users_active,
    "watch_users_enrolled": _watch_users_enrolled,
    "watch_users_ended": _watch_users_ended,
    "watch_users_unreached": _watch_users_unreached,
    "volunteers_active": _volunteers_active,
    "volunteers_registered": _volunteers_registered,
    "volunteers_withdrawn": _volunteers_withdrawn,
    "volunteer_participations": _participations,
    "events_held": _events,
    "event_participants": _events,
    "event_volunteers": _event_volunteers,
    "groups_active": _groups_active,
}
