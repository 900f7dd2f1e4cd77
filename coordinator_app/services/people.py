"""People (住民): search as you type, create, read — shared by the
consultation form, watch enrolment and volunteer registration so a
resident is picked, never retyped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from coordinator_app.core import access
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.kana import fold, is_kana
from coordinator_app.core.models import Area, Person
from coordinator_app.storage.database import Database


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    kana: str
    phone: str
    address: str
    birth_date: dt.date | None
    area: str


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_people(db: Database, user: SignedIn, text: str, limit: int = 20) -> list[PersonInfo]:
    """Residents of the user's branch whose name or ふりがな contains text
    (kana-insensitive: ひらがな, カタカナ, ﾊﾝｶｸ match each other), 50音順."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    key = fold(text)
    with db.session() as s:
        q = (select(Person, Area.name).outerjoin(Area, Area.id == Person.area_id)
             .where(Person.branch_id == branch_id))
        if key:
            pattern = f"%{_like_escape(key)}%"
            q = q.where(or_(Person.kana_key.like(pattern, escape="\\"),
                            Person.name_key.like(pattern, escape="\\")))
        q = q.order_by(Person.kana_key, Person.name_key, Person.id).limit(limit)
        return [_info(p, area) for p, area in s.execute(q).all()]


def _info(p: Person, area: str | None) -> PersonInfo:
    return PersonInfo(p.id, p.name, p.kana, p.phone, p.address, p.birth_date, area or "")


def get_person(db: Database, user: SignedIn, person_id: int) -> PersonInfo:
    with db.session() as s:
        p = s.get(Person, person_id)
        if p is None:
            raise LookupError("該当する人が見つかりません")
        access.check(user, Action.PERSONAL_RECORDS, p.branch_id)
        area = s.get(Area, p.area_id).name if p.area_id else ""
        return _info(p, area)


def area_id_for(session, branch_id: int, name: str, db: Database) -> int | None:
    """The id of the named area of the branch, created if new; None if blank."""
    name = (name or "").strip()
    if not name:
        return None
    found = session.scalar(select(Area.id).where(Area.branch_id == branch_id, Area.name == name))
    if found:
        return found
    area = Area(branch_id=branch_id, name=name)
    db.stamp(area, created=True)
    session.add(area)
    session.flush()
    return area.id


def new_person(session, db: Database, branch_id: int, name: str, kana: str = "",
               phone: str = "", address: str = "", birth_date: dt.date | None = None,
               area: str = "") -> Person:
    """Add a resident inside the caller's transaction (and audit it)."""
    name = name.strip()
    if not name:
        raise ValueError("氏名を入力してください")
    if kana and not is_kana(kana):
        raise ValueError("ふりがなはかなで入力してください")
    p = Person(branch_id=branch_id, name=name, kana=kana.strip(),
               name_key=fold(name), kana_key=fold(kana), phone=phone.strip(),
               address=address.strip(), birth_date=birth_date,
               area_id=area_id_for(session, branch_id, area, db))
    db.stamp(p, created=True)
    session.add(p)
    session.flush()
    db.audit(session, "create", "person", p.id)
    return p


def list_areas(db: Database, branch_id: int) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Area.name).where(Area.branch_id == branch_id)
                              .order_by(Area.name)).all())
