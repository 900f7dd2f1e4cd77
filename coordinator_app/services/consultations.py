"""相談記録: consultations and contacts/enquiries (連絡・問い合わせ). Qt-free.

``insert_consultation`` is the one place a consultation row and its
categories are written inside a caller's transaction (the entry form and
the 見守り 異変あり flow both use it). The public functions take
``(db, user, ...)``, open one session, keep to the user's branch
(``access.check``) and audit what they change or reveal.

The list is read a page at a time (``count_consultations`` and
``fetch_page``) in the order (received_on desc, id desc) of the index
``ix_consultation_live``, so it stays instant with a million records.
Its text search is answered from the text indexes of migration 0012 on
SQLite (pg_trgm indexes the same LIKE search on PostgreSQL); see
``_TextIndex``. Deleting is a soft delete (``deleted_at``); tallies leave such rows out and
``restore_consultation`` brings them back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import (
    Integer,
    and_,
    column,
    delete,
    exists,
    false,
    func,
    or_,
    select,
    text,
    tuple_,
)

from coordinator_app.core import access, clock, codes, kana
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.dates import (
    fiscal_year_of,
    fiscal_year_range,
    month_first_day,
    month_key,
    month_last_day,
)
from coordinator_app.core.models import (
    Area,
    Branch,
    Category,
    Consultation,
    ConsultationCategory,
    Person,
    Volunteer,
    WatchContact,
    WatchContactVolunteer,
    WatchUser,
)
from coordinator_app.core.record_numbers import label as number_label
from coordinator_app.services import people, saving
from coordinator_app.storage import record_numbers
from coordinator_app.storage.database import Database

FOLLOW_UP_STATES = {
    "due": "要フォロー（期日到来）",
    "open": "フォロー予定（未完了）",
    "closed": "フォロー完了",
    "none": "フォローなし",
}
PERIODS = {"this_month": "今月", "last_month": "先月", "this_fiscal_year": "今年度"}
REFERRAL_SAMPLE = 2000  # つなぎ先 suggestions come from this many latest records
MAX_REFERRED_TO = 200
MAX_LISTED_PEOPLE = 500  # a search names at most this many person ids in the SQL
SPARSE_MATCHES = 5000  # up to this many search matches are looked up by id


class ValidationError(ValueError):
    """A draft that cannot be saved. ``errors`` maps a field name of
    ``ConsultationDraft`` (or "person") to a Japanese message saying what
    to fix."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("\n".join(errors.values()))
        self.errors = errors


def insert_consultation(session, db: Database, branch_id: int, *, received_on: dt.date,
                        kind: str, channel: str, from_whom: str, response: str,
                        categories: list[str], received_at: dt.time | None = None,
                        referred_to: str = "", person_id: int | None = None,
                        summary: str = "", urgent_note: str = "", staff_name: str = "",
                        follow_up_on: dt.date | None = None,
                        client_key: str | None = None) -> Consultation:
    """Validate codes, write the record (with the next 相談番号 of its
    branch and fiscal year) and its categories, audit it. Raises ValueError (Japanese) on a bad value; the caller's transaction
    then rolls back."""
    for value, table, label in ((kind, codes.KIND, "区分"), (channel, codes.CHANNEL, "受付方法"),
                                (from_whom, codes.FROM_WHOM, "相談者"),
                                (response, codes.RESPONSE, "対応")):
        if value not in table:
            raise ValueError(f"{label}を選んでください")
    if not categories:
        raise ValueError("相談内容を1つ以上選んでください")
    if received_on > clock.today():
        raise ValueError("未来の日付は入力できません")
    fiscal_year = fiscal_year_of(received_on)
    record = Consultation(branch_id=branch_id, received_on=received_on, received_at=received_at,
                          number_fy=fiscal_year,
                          number=record_numbers.next_number(session, branch_id, fiscal_year),
                          month=month_key(received_on), kind=kind, channel=channel,
                          from_whom=from_whom, response=response, referred_to=referred_to,
                          person_id=person_id, summary=summary, urgent_note=urgent_note,
                          staff_name=staff_name, follow_up_on=follow_up_on,
                          search_key=kana.fold(summary), client_key=client_key)
    db.stamp(record, created=True)
    session.add(record)
    session.flush()
    _write_categories(session, record, categories)
    db.audit(session, "create", "consultation", record.id)
    return record


def _write_categories(session, record: Consultation, categories: list[str]) -> None:
    for code in dict.fromkeys(categories):
        session.add(ConsultationCategory(consultation_id=record.id, category_code=code,
                                         branch_id=record.branch_id, month=record.month))
    session.flush()


# --- the entry form's record ----------------------------------------------------

@dataclass
class NewPerson:
    """A resident to add together with the record (PersonPicker's 新しい人)."""

    name: str
    kana: str = ""
    phone: str = ""
    address: str = ""
    area: str = ""  # the name of one of the branch's 自治会, or ""


@dataclass
class ConsultationDraft:
    """What the entry form holds, in the paper form's order."""

    received_on: dt.date | None
    received_at: dt.time | None = None
    kind: str = ""
    channel: str = ""
    from_whom: str = ""
    categories: list[str] = field(default_factory=list)
    response: str = ""
    urgent_note: str = ""
    referred_to: str = ""
    person_id: int | None = None
    new_person: NewPerson | None = None
    summary: str = ""
    follow_up_on: dt.date | None = None
    staff_name: str = ""


def validate_draft(draft: ConsultationDraft, category_codes: set[str] | None = None,
                   today: dt.date | None = None) -> dict[str, str]:
    """Every problem of the draft, field → Japanese message (empty: whole)."""
    today = today or clock.today()
    errors: dict[str, str] = {}
    if draft.received_on is None:
        errors["received_on"] = "受付日を入力してください"
    elif draft.received_on > today:
        errors["received_on"] = "未来の日付は入力できません"
    for name, table, label in (("kind", codes.KIND, "区分"), ("channel", codes.CHANNEL, "受付方法"),
                               ("from_whom", codes.FROM_WHOM, "相談者"),
                               ("response", codes.RESPONSE, "対応")):
        if getattr(draft, name) not in table:
            errors[name] = f"{label}を選んでください"
    if not draft.categories:
        errors["categories"] = "相談内容を1つ以上選んでください"
    elif category_codes is not None:
        unknown = [c for c in draft.categories if c not in category_codes]
        if unknown:
            errors["categories"] = f"相談内容「{unknown[0]}」は登録されていません"
    if draft.response == "urgent" and not draft.urgent_note.strip():
        errors["urgent_note"] = "緊急対応の場合は、行った対応を記入してください"
    if len(draft.referred_to.strip()) > MAX_REFERRED_TO:
        errors["referred_to"] = f"つなぎ先は{MAX_REFERRED_TO}文字以内で入力してください"
    if draft.new_person is not None:
        if not draft.new_person.name.strip():
            errors["person"] = "新しい人の氏名を入力してください"
        elif draft.new_person.kana and not kana.is_kana(draft.new_person.kana):
            errors["person"] = "ふりがなはかなで入力してください"
    if draft.follow_up_on is not None and draft.received_on is not None \
            and draft.follow_up_on < draft.received_on:
        errors["follow_up_on"] = "フォロー日は受付日以降の日付にしてください"
    return errors


def _check_draft(session, draft: ConsultationDraft, user: SignedIn, today: dt.date | None) -> None:
    known = set(session.scalars(select(Category.code)).all())
    errors = validate_draft(draft, known, today)
    if draft.person_id is not None and draft.new_person is None:
        owner = session.scalar(select(Person.branch_id).where(Person.id == draft.person_id))
        if owner is None:
            errors["person"] = "選んだ人が見つかりません"
        else:
            access.check(user, Action.PERSONAL_RECORDS, owner, "他の支部の人は選べません")
    if errors:
        raise ValidationError(errors)


def _person_for(session, db: Database, branch_id: int, draft: ConsultationDraft) -> int | None:
    if draft.new_person is not None:
        p = draft.new_person
        return people.new_person(session, db, branch_id, p.name, p.kana, p.phone,
                                 address=p.address, area=p.area).id
    return draft.person_id


def create_consultation(db: Database, user: SignedIn, draft: ConsultationDraft,
                        today: dt.date | None = None, client_key: str | None = None) -> int:
    """Save a new record of the user's branch (with its new person, if
    any) in one transaction. Raises ValidationError and saves nothing when
    the draft is not whole. Returns the new id. ``client_key``: the save's
    ``saving.new_key()``; a retry of a save already stored returns its id."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        earlier = saving.saved_before(s, Consultation, client_key)
        if earlier is not None:
            return earlier.id
        _check_draft(s, draft, user, today)
        record = insert_consultation(
            s, db, branch_id, received_on=draft.received_on, received_at=draft.received_at,
            kind=draft.kind, channel=draft.channel, from_whom=draft.from_whom,
            response=draft.response, categories=list(draft.categories),
            referred_to=draft.referred_to.strip(), person_id=_person_for(s, db, branch_id, draft),
            summary=draft.summary.strip(),
            urgent_note=draft.urgent_note.strip() if draft.response == "urgent" else "",
            staff_name=draft.staff_name or user.display_name, follow_up_on=draft.follow_up_on,
            client_key=client_key)
        return record.id


def _live_record(session, user: SignedIn, consultation_id: int) -> Consultation:
    record = session.get(Consultation, consultation_id)
    if record is None:
        raise LookupError("該当する相談記録が見つかりません")
    access.check(user, Action.PERSONAL_RECORDS, record.branch_id)
    if record.deleted_at is not None:
        raise LookupError("この相談記録は削除されています")
    return record


def update_consultation(db: Database, user: SignedIn, consultation_id: int,
                        draft: ConsultationDraft, today: dt.date | None = None,
                        base_version: int | None = None) -> None:
    """Replace a record's fields and categories with the draft's. The
    相談番号 stays, even when received_on moves to another fiscal year
    (``core.record_numbers``). ``base_version``: the version the form was
    opened on; a save on an older one raises ``saving.StaleEdit`` with the
    record as it is now, and changes nothing."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with saving.edit_of(lambda: get_consultation(db, user, consultation_id)), \
            db.session() as s:
        record = _live_record(s, user, consultation_id)
        saving.check_version(record, base_version)
        _check_draft(s, draft, user, today)
        record.received_on = draft.received_on
        record.received_at = draft.received_at
        record.month = month_key(draft.received_on)
        record.kind, record.channel = draft.kind, draft.channel
        record.from_whom, record.response = draft.from_whom, draft.response
        record.referred_to = draft.referred_to.strip()
        record.person_id = _person_for(s, db, branch_id, draft)
        record.summary = draft.summary.strip()
        record.search_key = kana.fold(record.summary)
        record.urgent_note = draft.urgent_note.strip() if draft.response == "urgent" else ""
        record.follow_up_on = draft.follow_up_on
        if draft.follow_up_on is None:
            record.follow_up_closed_on, record.follow_up_outcome = None, ""
        if draft.staff_name:
            record.staff_name = draft.staff_name
        db.stamp(record)
        s.execute(delete(ConsultationCategory)
                  .where(ConsultationCategory.consultation_id == record.id))
        _write_categories(s, record, list(draft.categories))
        db.audit(s, "update", "consultation", record.id)


# --- reading one record ------------------------------------------------------------

@dataclass(frozen=True)
class ConsultationDetail:
    id: int
    branch_id: int
    received_on: dt.date
    received_at: dt.time | None
    kind: str
    channel: str
    from_whom: str
    categories: tuple[str, ...]
    response: str
    urgent_note: str
    referred_to: str
    person_id: int | None
    person_name: str
    person_kana: str
    summary: str
    follow_up_on: dt.date | None
    follow_up_closed_on: dt.date | None
    follow_up_outcome: str
    staff_name: str
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    updated_by: str
    number: str = ""  # 相談番号, 「R8-0231」
    version: int = 1  # what a save of this form is made on (services.saving)

    def draft(self) -> ConsultationDraft:
        """The record as a form draft, for editing."""
        return ConsultationDraft(
            received_on=self.received_on, received_at=self.received_at, kind=self.kind,
            channel=self.channel, from_whom=self.from_whom, categories=list(self.categories),
            response=self.response, urgent_note=self.urgent_note, referred_to=self.referred_to,
            person_id=self.person_id, summary=self.summary, follow_up_on=self.follow_up_on,
            staff_name=self.staff_name)


def get_consultation(db: Database, user: SignedIn, consultation_id: int) -> ConsultationDetail:
    """One live record of the user's branch (LookupError / ScopeError), for
    the detail pane and the form; audited as a view of personal data, like
    ``person_history`` (the id only, never the record's text)."""
    with db.session() as s:
        c = _live_record(s, user, consultation_id)
        person = s.get(Person, c.person_id) if c.person_id else None
        cats = _categories_of(s, [c.id]).get(c.id, ())
        db.audit(s, "view", "consultation", c.id)
        return ConsultationDetail(
            c.id, c.branch_id, c.received_on, c.received_at, c.kind, c.channel, c.from_whom,
            cats, c.response, c.urgent_note, c.referred_to, c.person_id,
            person.name if person else "", person.kana if person else "", c.summary,
            c.follow_up_on, c.follow_up_closed_on, c.follow_up_outcome, c.staff_name,
            c.created_at, c.created_by, c.updated_at, c.updated_by,
            number_label(c.number_fy, c.number), c.version)


def record_number(db: Database, user: SignedIn, consultation_id: int) -> str:
    """The 相談番号 of a record of the user's branch (deleted or not), for
    the messages that name a record; "" when there is none."""
    with db.session() as s:
        row = s.execute(select(Consultation.branch_id, Consultation.number_fy,
                               Consultation.number)
                        .where(Consultation.id == consultation_id)).first()
    if row is None:
        return ""
    access.check(user, Action.PERSONAL_RECORDS, row[0])
    return number_label(row[1], row[2])


def _categories_of(session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    """Category codes per record, in the category list's order."""
    if not ids:
        return {}
    out: dict[int, list[str]] = {}
    rows = session.execute(
        select(ConsultationCategory.consultation_id, ConsultationCategory.category_code)
        .join(Category, Category.code == ConsultationCategory.category_code)
        .where(ConsultationCategory.consultation_id.in_(ids))
        .order_by(ConsultationCategory.consultation_id, Category.sort_order, Category.code))
    for cid, code in rows:
        out.setdefault(cid, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


# --- delete, undo, restore -------------------------------------------------------------

def delete_consultation(db: Database, user: SignedIn, consultation_id: int) -> None:
    """Soft delete: the record leaves the list and the tallies, and can be
    restored (``restore_consultation``). Audited."""
    with db.session() as s:
        record = _live_record(s, user, consultation_id)
        record.deleted_at = clock.utcnow()
        record.deleted_by = db.actor
        db.stamp(record)
        db.audit(s, "delete", "consultation", record.id)


def restore_consultation(db: Database, user: SignedIn, consultation_id: int) -> None:
    """Bring back a soft-deleted record: the branch's coordinator (undo)
    or an administrator. Audited."""
    with db.session() as s:
        record = s.get(Consultation, consultation_id)
        if record is None:
            raise LookupError("該当する相談記録が見つかりません")
        access.check(user, Action.DELETED_RECORDS, record.branch_id)
        if record.deleted_at is None:
            raise LookupError("この相談記録は削除されていません")
        record.deleted_at, record.deleted_by = None, ""
        db.stamp(record)
        db.audit(s, "restore", "consultation", record.id)


@dataclass(frozen=True)
class DeletedRecord:
    """A soft-deleted record as an administrator may see it: no names,
    no text."""

    id: int
    branch_code: str
    branch_name: str
    received_on: dt.date
    kind: str
    deleted_at: dt.datetime
    deleted_by: str
    number: str = ""  # 相談番号


def list_deleted(db: Database, user: SignedIn, limit: int = 500) -> list[DeletedRecord]:
    """Soft-deleted records, latest deletion first: every branch for an
    administrator, the own branch for a coordinator."""
    q = (select(Consultation.id, Branch.code, Branch.name, Consultation.received_on,
                Consultation.kind, Consultation.deleted_at, Consultation.deleted_by,
                Consultation.number_fy, Consultation.number)
         .join(Branch, Branch.id == Consultation.branch_id)
         .where(Consultation.deleted_at.is_not(None)))
    only = access.check(user, Action.DELETED_RECORDS)
    if only is not None:
        q = q.where(Consultation.branch_id == only)
    with db.session() as s:
        rows = s.execute(q.order_by(Consultation.deleted_at.desc(), Consultation.id.desc())
                         .limit(limit)).all()
    return [DeletedRecord(*r[:7], number_label(*r[7:])) for r in rows]


# --- the list ----------------------------------------------------------------------------

def period_range(name: str, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """(first, last) day of 今月 / 先月 / 今年度 (April–March)."""
    today = today or clock.today()
    if name == "this_month":
        return month_first_day(today.year, today.month), month_last_day(today.year, today.month)
    if name == "last_month":
        y, m = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
        return month_first_day(y, m), month_last_day(y, m)
    if name == "this_fiscal_year":
        return fiscal_year_range(today.year if today.month >= 4 else today.year - 1)
    raise ValueError(f"unknown period {name!r}")


@dataclass(frozen=True)
class ListQuery:
    """The list's filters. Empty values filter nothing. ``text`` is
    matched kana-insensitively against the summary and the person's name
    and ふりがな."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: str = ""
    category: str = ""
    response: str = ""
    follow_up: str = ""  # "" or a key of FOLLOW_UP_STATES
    text: str = ""
    today: dt.date | None = None  # for "due"; default: today

    @property
    def search_key(self) -> str:
        return kana.fold(self.text)

    def text_only(self) -> bool:
        """True when the text is the only filter (the text index then
        counts the matches by itself)."""
        return bool(self.search_key) and not (self.date_from or self.date_to or self.kind
                                              or self.category or self.response
                                              or self.follow_up)

    def index_only(self) -> bool:
        """True when counting needs only ``ix_consultation_live`` (no
        per-record test), so a count is a fast index range scan."""
        return not (self.kind or self.category or self.response or self.follow_up
                    or self.search_key)


@dataclass(frozen=True)
class ConsultationRow:
    """One line of the list (and of 要フォロー)."""

    id: int
    received_on: dt.date
    received_at: dt.time | None
    kind: str
    channel: str
    from_whom: str
    response: str
    categories: tuple[str, ...]
    person_id: int | None
    person_name: str
    person_kana: str
    summary: str
    follow_up_on: dt.date | None
    follow_up_closed_on: dt.date | None
    number: str = ""  # 相談番号, 「R8-0231」

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        return (self.received_on, self.id)

    def follow_up_state(self, today: dt.date) -> str:
        if self.follow_up_on is None:
            return "none"
        if self.follow_up_closed_on is not None:
            return "closed"
        return "due" if self.follow_up_on <= today else "open"


def _like(key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _like_match(session, branch_id: int, key: str):
    """The search tested record by record: key in the record's search key
    or in the kana/name key of its person (of the branch)."""
    c = Consultation
    pattern = _like(key)
    # The matching people of the branch first, so that each record is
    # tested against a short list of ids (a subquery when there are many).
    people_q = select(Person.id).where(Person.branch_id == branch_id,
                                       or_(Person.kana_key.like(pattern, escape="\\"),
                                           Person.name_key.like(pattern, escape="\\")))
    person_ids = session.scalars(people_q.limit(MAX_LISTED_PEOPLE + 1)).all()
    text_match = c.search_key.like(pattern, escape="\\")
    if len(person_ids) > MAX_LISTED_PEOPLE:
        return or_(text_match, c.person_id.in_(people_q))
    if person_ids:
        return or_(text_match, c.person_id.in_(person_ids))
    return text_match


@dataclass(frozen=True)
class _TextIndex:
    """The same search answered by the SQLite text indexes of migration
    0012, which hold the live records of each branch: ``search_trigram``
    for keys of 3+ characters, ``search_gram`` (one token per character
    and per pair) for shorter ones. ``matches`` finds exactly the records
    the LIKE search finds, except those ``unsure`` ones (texts longer than
    the gram index reads) that LIKE must still check."""

    BRANCH_MARK = 0xF0000  # migration 0012's: chr(this + branch id) x3 is the branch's trigram

    table: str
    matches: str  # an FTS5 query
    unsure: str | None = None

    @classmethod
    def of(cls, session, branch_id: int, key: str) -> _TextIndex | None:
        if session.get_bind().dialect.name != "sqlite" or "\x00" in key:
            return None
        if len(key) >= 3:
            phrase = '{s k n} : "' + key.replace('"', '""') + '"'
            if not _branch_alone(session, branch_id):
                phrase = f'b : "{chr(cls.BRANCH_MARK + branch_id) * 3}" AND {phrase}'
            return cls("search_trigram", phrase)
        token = f'"x{branch_id}x{key.encode().hex().upper()}"'
        return cls("search_gram", token, f'"x{branch_id}long" NOT {token}')

    def ids(self, session, query: str, limit: int) -> list[int]:
        return list(session.scalars(
            text(f"SELECT rowid FROM {self.table} WHERE {self.table} MATCH :q LIMIT :n"),
            {"q": query, "n": limit}))

    def select_ids(self, query: str):
        return (text(f"SELECT rowid FROM {self.table} WHERE {self.table} MATCH :ids_q")
                .bindparams(ids_q=query).columns(column("rowid", Integer)))

    def count(self, session, query: str) -> int:
        return session.scalar(
            text(f"SELECT count(*) FROM {self.table} WHERE {self.table} MATCH :q"), {"q": query})


def _branch_alone(session, branch_id: int) -> bool:
    """True when no other branch has live records: then every record the
    text index holds is the branch's and a match needs no branch test
    (which costs as much as the match with a million records)."""
    c = Consultation
    return not any(session.scalar(select(exists().where(other, c.deleted_at.is_(None))))
                   for other in (c.branch_id < branch_id, c.branch_id > branch_id))


def _text_match(session, branch_id: int, key: str):
    """(the search condition, whether it names the matching records by
    id). Few matches (up to SPARSE_MATCHES) are read from the text index
    and looked up by id; many are met as soon as the list's own order is
    read record by record, so then the plain test is the quicker one."""
    index = _TextIndex.of(session, branch_id, key)
    if index is None:
        return _like_match(session, branch_id, key), False
    found = index.ids(session, index.matches, SPARSE_MATCHES + 1)
    unsure = index.ids(session, index.unsure, SPARSE_MATCHES + 1) if index.unsure else []
    if len(found) > SPARSE_MATCHES or len(unsure) > SPARSE_MATCHES:
        return _like_match(session, branch_id, key), False
    c = Consultation
    if unsure:
        checked = and_(c.id.in_(unsure), _like_match(session, branch_id, key))
        return (or_(c.id.in_(found), checked) if found else checked), True
    return (c.id.in_(found) if found else false()), True


def _text_count(session, branch_id: int, key: str) -> int | None:
    """How many live records of the branch the search finds, from the text
    index alone (None: no index for it)."""
    index = _TextIndex.of(session, branch_id, key)
    if index is None:
        return None
    n = index.count(session, index.matches)
    if index.unsure and index.ids(session, index.unsure, 1):
        n += session.scalar(select(func.count()).select_from(Consultation).where(
            Consultation.id.in_(index.select_ids(index.unsure)),
            _like_match(session, branch_id, key)))
    return n


def _conditions(session, branch_id: int, q: ListQuery) -> list:
    c = Consultation
    text_match, by_id = _text_match(session, branch_id, q.search_key) if q.search_key \
        else (None, False)
    if by_id:
        # The records are looked up by id. Terms the list's indexes could
        # serve would make SQLite (without statistics) read the whole
        # branch in list order instead, so these two are written to serve none.
        where = [(c.branch_id + 0) == branch_id, func.coalesce(c.deleted_at, None).is_(None)]
    else:
        where = [c.branch_id == branch_id, c.deleted_at.is_(None)]
    if q.date_from:
        where.append(c.received_on >= q.date_from)
    if q.date_to:
        where.append(c.received_on <= q.date_to)
    if q.kind:
        where.append(c.kind == q.kind)
    if q.response:
        where.append(c.response == q.response)
    if q.category:
        where.append(exists().where(ConsultationCategory.consultation_id == c.id,
                                    ConsultationCategory.category_code == q.category))
    today = q.today or clock.today()
    if q.follow_up == "due":
        where += [c.follow_up_on <= today, c.follow_up_closed_on.is_(None)]
    elif q.follow_up == "open":
        where += [c.follow_up_on.is_not(None), c.follow_up_closed_on.is_(None)]
    elif q.follow_up == "closed":
        where.append(c.follow_up_closed_on.is_not(None))
    elif q.follow_up == "none":
        where.append(c.follow_up_on.is_(None))
    if text_match is not None:
        where.append(text_match)
    return where


def count_consultations(db: Database, user: SignedIn, q: ListQuery) -> int:
    """How many live records of the user's branch match q."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        if q.text_only():
            n = _text_count(s, branch_id, q.search_key)
            if n is not None:
                return n
        return s.scalar(select(func.count()).select_from(Consultation)
                        .where(*_conditions(s, branch_id, q))) or 0


def fetch_page(db: Database, user: SignedIn, q: ListQuery, limit: int = 50, offset: int = 0,
               after: tuple[dt.date, int] | None = None, oldest_first: bool = False
               ) -> list[ConsultationRow]:
    """A page of the list, newest first (received_on desc, id desc).

    ``after`` is the sort key of the row just before the page (keyset
    paging, for scrolling on); otherwise ``offset`` rows are skipped.
    With ``oldest_first`` the order is reversed and ``after``/``offset``
    count from the end, so the last page is as cheap as the first; the
    rows still come back oldest first."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    c = Consultation
    with db.session() as s:
        where = _conditions(s, branch_id, q)
        key = tuple_(c.received_on, c.id)
        if after is not None:
            where.append(key > tuple_(*after) if oldest_first else key < tuple_(*after))
        order = (c.received_on.asc(), c.id.asc()) if oldest_first else \
            (c.received_on.desc(), c.id.desc())
        stmt = (select(c.id).where(*where).order_by(*order).limit(limit))
        if after is None and offset:
            stmt = stmt.offset(offset)
        ids = list(s.scalars(stmt).all())
        return _rows(s, ids)


def _rows(session, ids: list[int]) -> list[ConsultationRow]:
    """The list rows for ids, in that order."""
    if not ids:
        return []
    c = Consultation
    found = {r[0]: r for r in session.execute(
        select(c.id, c.received_on, c.received_at, c.kind, c.channel, c.from_whom, c.response,
               c.person_id, Person.name, Person.kana, c.summary, c.follow_up_on,
               c.follow_up_closed_on, c.number_fy, c.number)
        .outerjoin(Person, Person.id == c.person_id).where(c.id.in_(ids)))}
    cats = _categories_of(session, ids)
    out = []
    for i in ids:
        (cid, received_on, received_at, kind, channel, from_whom, response, person_id, name,
         person_kana, summary, follow_up_on, closed_on, number_fy, number) = found[i]
        out.append(ConsultationRow(cid, received_on, received_at, kind, channel, from_whom,
                                   response, cats.get(cid, ()), person_id, name or "",
                                   person_kana or "", summary, follow_up_on, closed_on,
                                   number_label(number_fy, number)))
    return out


# --- follow-ups -------------------------------------------------------------------------------

def follow_ups_due(db: Database, user: SignedIn, today: dt.date | None = None,
                   limit: int = 1000) -> list[ConsultationRow]:
    """要フォロー: live records whose follow-up date is today or past and
    not closed, oldest follow-up first."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    today = today or clock.today()
    c = Consultation
    with db.session() as s:
        ids = list(s.scalars(
            select(c.id).where(c.branch_id == branch_id, c.deleted_at.is_(None),
                               c.follow_up_on <= today, c.follow_up_closed_on.is_(None))
            .order_by(c.follow_up_on, c.received_on, c.id).limit(limit)).all())
        return _rows(s, ids)


def close_follow_up(db: Database, user: SignedIn, consultation_id: int, outcome: str,
                    closed_on: dt.date | None = None, today: dt.date | None = None) -> None:
    """Close a record's follow-up with a note of the outcome."""
    today = today or clock.today()
    closed_on = closed_on or today
    outcome = outcome.strip()
    errors = {}
    if not outcome:
        errors["outcome"] = "フォローの結果を入力してください"
    if closed_on > today:
        errors["closed_on"] = "未来の日付は入力できません"
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        record = _live_record(s, user, consultation_id)
        if record.follow_up_on is None:
            raise ValidationError({"outcome": "この記録にはフォロー日がありません"})
        if closed_on < record.received_on:
            raise ValidationError({"closed_on": "完了日は受付日以降の日付にしてください"})
        record.follow_up_closed_on = closed_on
        record.follow_up_outcome = outcome
        db.stamp(record)
        db.audit(s, "update", "consultation", record.id, "follow_up_closed")


# --- what the form offers ------------------------------------------------------------------

def category_choices(db: Database, include: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(code, label) of the active categories in their configured order,
    plus any inactive ones named in ``include`` (a record being edited)."""
    with db.session() as s:
        rows = s.execute(select(Category.code, Category.label, Category.active)
                         .order_by(Category.sort_order, Category.code)).all()
    return [(code, label) for code, label, active in rows if active or code in include]


def category_labels(db: Database) -> dict[str, str]:
    with db.session() as s:
        return dict(s.execute(select(Category.code, Category.label)).all())


def referral_suggestions(db: Database, user: SignedIn, limit: int = 50) -> list[str]:
    """つなぎ先 used before in the branch, most used first (taken from the
    latest records, so the query stays small on a large database)."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    c = Consultation
    recent = (select(c.referred_to.label("referred_to"))
              .where(c.branch_id == branch_id, c.deleted_at.is_(None))
              .order_by(c.received_on.desc(), c.id.desc()).limit(REFERRAL_SAMPLE).subquery())
    with db.session() as s:
        rows = s.execute(select(recent.c.referred_to, func.count())
                         .where(recent.c.referred_to != "")
                         .group_by(recent.c.referred_to)
                         .order_by(func.count().desc(), recent.c.referred_to).limit(limit)).all()
    return [r[0] for r in rows]


# --- a person's history --------------------------------------------------------------------

@dataclass(frozen=True)
class WatchEnrolment:
    id: int
    enrolled_on: dt.date
    ended_on: dt.date | None
    end_reason: str | None
    methods: str
    frequency_days: int
    emergency_contact: str
    note: str


@dataclass(frozen=True)
class WatchContactLine:
    contacted_on: dt.date
    method: str
    result: str
    by: str  # 職員 or the volunteers' names
    note: str


@dataclass(frozen=True)
class PersonHistory:
    """A resident's story: every live consultation (newest first) and,
    when enrolled in 見守り, the enrolments and contacts (newest first)."""

    person: people.PersonInfo
    consultations: list[ConsultationRow]
    enrolments: list[WatchEnrolment]
    contacts: list[WatchContactLine]


def person_history(db: Database, user: SignedIn, person_id: int,
                   contact_limit: int = 500) -> PersonHistory:
    """Read a person's history; audited as a view of personal data."""
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    with db.session() as s:
        p = s.get(Person, person_id)
        if p is None:
            raise LookupError("該当する人が見つかりません")
        access.check(user, Action.PERSONAL_RECORDS, p.branch_id)
        area = ""
        if p.area_id:
            area = s.scalar(select(Area.name).where(Area.id == p.area_id)) or ""
        info = people.PersonInfo(p.id, p.name, p.kana, p.phone, p.address, p.birth_date, area)
        c = Consultation
        ids = list(s.scalars(select(c.id).where(c.person_id == person_id, c.branch_id == branch_id,
                                                c.deleted_at.is_(None))
                             .order_by(c.received_on.desc(), c.id.desc())).all())
        consultations = _rows(s, ids)
        users = s.scalars(select(WatchUser).where(WatchUser.person_id == person_id,
                                                  WatchUser.branch_id == branch_id)
                          .order_by(WatchUser.enrolled_on.desc())).all()
        enrolments = [WatchEnrolment(u.id, u.enrolled_on, u.ended_on, u.end_reason, u.methods,
                                     u.frequency_days, u.emergency_contact, u.note)
                      for u in users]
        contacts: list[WatchContactLine] = []
        if users:
            found = s.execute(
                select(WatchContact).where(WatchContact.watch_user_id.in_([u.id for u in users]))
                .order_by(WatchContact.contacted_on.desc(), WatchContact.id.desc())
                .limit(contact_limit)).scalars().all()
            names: dict[int, list[str]] = {}
            if found:
                for cid, name in s.execute(
                        select(WatchContactVolunteer.contact_id, Person.name)
                        .join(Volunteer, Volunteer.id == WatchContactVolunteer.volunteer_id)
                        .join(Person, Person.id == Volunteer.person_id)
                        .where(WatchContactVolunteer.contact_id.in_([w.id for w in found]))
                        .order_by(Person.kana_key)):
                    names.setdefault(cid, []).append(name)
            for w in found:
                by = "・".join(names.get(w.id, [])) or (codes.BY_STAFF_LABEL if w.by_staff else "")
                contacts.append(WatchContactLine(w.contacted_on, w.method, w.result, by, w.note))
        db.audit(s, "view", "person", person_id)
    return PersonHistory(info, consultations, enrolments, contacts)

