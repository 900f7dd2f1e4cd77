"""The rows of the printed lists and the address labels, read for
``services.printing`` inside its session (it owns the transaction and the
scope check) and handed to ``reports.lists`` / ``reports.labels`` as plain
rows. "Active" is ``core.activity``'s rule, as in the tally file.

People are sorted 50音順 by their folded ふりがな (``Person.kana_key``; a
person without ふりがな sorts after the others, by name).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable, Sequence

from sqlalchemy import and_, func, select
from sqlmodel import Session

from coordinator_app.core import codes
from coordinator_app.core.activity import volunteer_active_on, watch_user_active_on
from coordinator_app.core.dates import format_wareki_short
from coordinator_app.core.models import (
    Area,
    Branch,
    Person,
    Role,
    Volunteer,
    VolunteerRole,
    WatchAssignment,
    WatchContact,
    WatchUser,
)
from coordinator_app.reports.labels import SOURCES, LabelEntry
from coordinator_app.reports.lists import BranchRow, CooperatorName, PersonRow


def _person_values(p: Person, area: str | None) -> dict[str, str]:
    return {
        "name": p.name, "kana": p.kana, "phone": p.phone, "address": p.address,
        "area": area or "", "birth_date": format_wareki_short(p.birth_date),
        "note": p.note or "",
    }


def _role_labels(session: Session) -> dict[str, str]:
    labels = dict(codes.DEFAULT_ROLES)
    labels.update(dict(session.execute(select(Role.code, Role.label)).all()))
    return labels


def branches(session: Session) -> list[BranchRow]:
    """支部拠点一覧: every branch in its official order (no personal data)."""
    q = select(Branch).order_by(Branch.sort_order, Branch.code)
    return [BranchRow(b.code, b.name, b.base_name, b.address, b.phone)
            for b in session.scalars(q)]


def volunteers(session: Session, branch_id: int, today: dt.date, *,
               area_id: int | None = None, role: str | None = None,
               include_withdrawn: bool = False) -> list[PersonRow]:
    """ボランティア名簿: the branch's volunteers (active on ``today`` unless
    ``include_withdrawn``), optionally of one area or one role, 50音順."""
    q = (select(Volunteer, Person, Area.name)
         .join(Person, Person.id == Volunteer.person_id)
         .outerjoin(Area, Area.id == Person.area_id)
         .where(Volunteer.branch_id == branch_id))
    if not include_withdrawn:
        q = q.where(volunteer_active_on(today))
    if area_id is not None:
        q = q.where(Person.area_id == area_id)
    if role:
        q = q.where(Volunteer.id.in_(
            select(VolunteerRole.volunteer_id).where(VolunteerRole.role_code == role)))
    found = session.execute(q).all()
    roles: dict[int, list[str]] = defaultdict(list)
    ids = [v.id for v, _, _ in found]
    labels = _role_labels(session)
    for chunk in _chunks(ids):
        for vid, code in session.execute(
                select(VolunteerRole.volunteer_id, VolunteerRole.role_code)
                .where(VolunteerRole.volunteer_id.in_(chunk))):
            roles[vid].append(code)
    order = {c: i for i, c in enumerate(labels)}
    rows = []
    for v, p, area in found:
        values = _person_values(p, area)
        role_codes = sorted(roles[v.id], key=lambda c: order.get(c, 99))
        values.update({
            "kind": codes.VOLUNTEER_KIND.get(v.kind, v.kind),
            "roles": "・".join(labels.get(c, c) for c in role_codes),
            "skills": (v.skills or "").replace(";", "・"),
            "insurance": str(v.insurance_fy) if v.insurance_fy else "",
            "registered": format_wareki_short(v.registered_on),
        })
        if v.withdrawn_on and v.withdrawn_on <= today:
            values["name"] += "（退会）"
        rows.append(PersonRow(p.id, p.kana_key, p.name_key, values, area or ""))
    rows.sort(key=lambda r: r.sort_key)
    return rows


def _chunks(ids: Sequence[int], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


# Which of a day's contacts the 見守り list names: a 異変あり before a 不在.
_SERIOUSNESS = {"concern": 2, "absent": 1}


def watch_users(session: Session, branch_id: int, today: dt.date, *,
                area_id: int | None = None,
                cooperator_id: int | None = None) -> list[PersonRow]:
    """見守り利用登録者 active on ``today`` (enrolled, not ended) of the
    branch, optionally of one area or watched by one cooperator; with the
    last contact and the assigned cooperators. ``group`` holds the sorted
    cooperator volunteer ids (the pair), for the 担当表. 50音順."""
    last = (select(WatchContact.watch_user_id.label("uid"),
                   func.max(WatchContact.contacted_on).label("last_on"))
            .where(WatchContact.branch_id == branch_id, WatchContact.contacted_on <= today)
            .group_by(WatchContact.watch_user_id).subquery())
    q = (select(WatchUser, Person, Area.name, last.c.last_on)
         .join(Person, Person.id == WatchUser.person_id)
         .outerjoin(Area, Area.id == Person.area_id)
         .outerjoin(last, last.c.uid == WatchUser.id)
         .where(WatchUser.branch_id == branch_id,
                watch_user_active_on(today)))
    if area_id is not None:
        q = q.where(Person.area_id == area_id)
    if cooperator_id is not None:
        q = q.where(WatchUser.id.in_(select(WatchAssignment.watch_user_id)
                                     .where(WatchAssignment.volunteer_id == cooperator_id)))
    found = session.execute(q).all()
    # The last contact's method and result, for "R8.11.2 電話" or
    # "R8.11.2 電話 異変あり" (of several that day, the most serious).
    last_contacts: dict[tuple[int, dt.date], tuple[int, str, str]] = {}
    pairs: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    ids = [u.id for u, *_ in found]
    for chunk in _chunks(ids):
        for uid, on, method, result in session.execute(
                select(WatchContact.watch_user_id, WatchContact.contacted_on,
                       WatchContact.method, WatchContact.result)
                .join(last, and_(last.c.uid == WatchContact.watch_user_id,
                                 last.c.last_on == WatchContact.contacted_on))
                .where(WatchContact.watch_user_id.in_(chunk))
                .order_by(WatchContact.id)):
            seen = last_contacts.get((uid, on))
            if seen is None or _SERIOUSNESS.get(result, 0) > seen[0]:
                last_contacts[(uid, on)] = (_SERIOUSNESS.get(result, 0), method, result)
        for uid, vid, name, kana_key in session.execute(
                select(WatchAssignment.watch_user_id, Volunteer.id, Person.name,
                       Person.kana_key)
                .join(Volunteer, Volunteer.id == WatchAssignment.volunteer_id)
                .join(Person, Person.id == Volunteer.person_id)
                .where(WatchAssignment.watch_user_id.in_(chunk))):
            pairs[uid].append((kana_key, vid, name))
    rows = []
    for u, p, area, last_on in found:
        values = _person_values(p, area)
        coop = sorted(pairs[u.id])
        last_text = ""
        if last_on:
            _, method, result = last_contacts.get((u.id, last_on), (0, "", ""))
            words = [format_wareki_short(last_on), codes.WATCH_METHOD.get(method, "")]
            if result != "ok":  # 異常なし goes without saying
                words.append(codes.WATCH_RESULT.get(result, ""))
            last_text = " ".join(w for w in words if w)
        values.update({
            "last_contact": last_text,
            "cooperators": "・".join(name for _, _, name in coop),
            "emergency": u.emergency_contact or "",
            "note": u.note or p.note or "",
        })
        rows.append(PersonRow(p.id, p.kana_key, p.name_key, values, area or "",
                              tuple(vid for _, vid, _ in coop)))
    rows.sort(key=lambda r: r.sort_key)
    return rows


def cooperator_names(session: Session, volunteer_ids: Iterable[int]) -> dict[int, CooperatorName]:
    """{volunteer id: (name, kana_key, phone)} for the 担当表 headings."""
    ids = list(volunteer_ids)
    out = {}
    for chunk in _chunks(ids):
        for vid, name, kana_key, phone in session.execute(
                select(Volunteer.id, Person.name, Person.kana_key, Person.phone)
                .join(Person, Person.id == Volunteer.person_id)
                .where(Volunteer.id.in_(chunk))):
            out[vid] = CooperatorName(name, kana_key, phone)
    return out


def label_entries(session: Session, branch_id: int, today: dt.date, source: str,
                  area_id: int | None = None) -> tuple[list[LabelEntry], int]:
    """People of the branch who agreed to mail (``mail_ok``) and are active
    volunteers and/or active watch users on ``today``, one label each,
    50音順. Returns (entries, skipped) — skipped had no address."""
    if source not in SOURCES:
        raise ValueError(f"宛名ラベルの対象「{source}」は選べません")
    people: dict[int, tuple[Person, str]] = {}
    if source in ("volunteers", "both"):
        q = (select(Person, Volunteer.kind).join(Volunteer, Volunteer.person_id == Person.id)
             .where(Volunteer.branch_id == branch_id, Person.mail_ok.is_(True),
                    volunteer_active_on(today)))
        if area_id is not None:
            q = q.where(Person.area_id == area_id)
        for p, kind in session.execute(q):
            people[p.id] = (p, "御中" if kind == "group" else "様")
    if source in ("watch_users", "both"):
        q = (select(Person).join(WatchUser, WatchUser.person_id == Person.id)
             .where(WatchUser.branch_id == branch_id, Person.mail_ok.is_(True),
                    watch_user_active_on(today)))
        if area_id is not None:
            q = q.where(Person.area_id == area_id)
        for p in session.scalars(q):
            people.setdefault(p.id, (p, "様"))
    entries, skipped = [], 0
    for p, honorific in people.values():
        if not p.address.strip():
            skipped += 1
            continue
        entries.append(LabelEntry(p.id, p.postal_code, p.address, p.name, honorific,
                                  p.kana_key))
    entries.sort(key=lambda e: e.sort_key)
    return entries, skipped
