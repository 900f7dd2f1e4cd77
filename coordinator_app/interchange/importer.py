"""Ledger import (docs/interchange.md): branches, consultations, watch
users, watch contacts and volunteers from CSV.

All-or-nothing: every row is validated first; any bad row refuses the
whole file, listing every bad line (up to 50). The writes then run in one
transaction with set-based statements, so 100,000 rows import quickly.
Re-importing an ``external_id`` for the same branch updates that record;
watch contacts, which have no ID, are replaced per user and day.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy import delete, func, insert, select, update
from sqlmodel import Session

from coordinator_app.core import clock, codes, kana
from coordinator_app.core.dates import DateParseError, month_key, parse_date
from coordinator_app.core.models import (
    Area,
    Branch,
    Category,
    Consultation,
    ConsultationCategory,
    Person,
    Role,
    Volunteer,
    VolunteerRole,
    WatchContact,
    WatchContactVolunteer,
    WatchUser,
)
from coordinator_app.interchange.ledger import (
    ColumnSpec,
    LedgerError,
    LedgerRow,
    read_ledger,
)
from coordinator_app.storage.database import Database

KINDS = ("branches", "consultations", "watch-users", "watch-contacts", "volunteers")

C = ColumnSpec
COMMON = {
    "branch_code": C("branch_code", "支部コード", True),
    "kana": C("kana", "ふりがな"),
    "phone": C("phone", "電話番号"),
    "address": C("address", "住所"),
    "area": C("area", "自治会"),
}
COLUMNS: dict[str, list[ColumnSpec]] = {
    "branches": [
        C("code", "支部コード", True), C("name", "支部名", True), C("base_name", "拠点名"),
        COMMON["address"], COMMON["phone"],
    ],
    "consultations": [
        C("external_id", "記録ID", True), COMMON["branch_code"], C("received_on", "受付日", True),
        C("kind", "区分", True), C("channel", "受付方法", True), C("from_whom", "相談者", True),
        C("categories", "相談内容", True), C("response", "対応", True),
        C("referred_to", "つなぎ先"), C("person_name", "氏名"), C("person_kana", "ふりがな"),
        C("summary", "内容"),
    ],
    "watch-users": [
        C("external_id", "利用者ID", True), COMMON["branch_code"], C("name", "氏名", True),
        COMMON["kana"], C("birth_date", "生年月日"), COMMON["phone"], COMMON["address"],
        COMMON["area"], C("enrolled_on", "登録日", True), C("ended_on", "終了日"),
        C("end_reason", "終了理由"),
    ],
    "watch-contacts": [
        C("watch_user_id", "利用者ID", True), COMMON["branch_code"],
        C("contacted_on", "実施日", True), C("method", "方法", True), C("by", "実施者", True),
        C("result", "結果", True), C("note", "メモ"),
    ],
    "volunteers": [
        C("external_id", "登録ID", True), COMMON["branch_code"], C("name", "氏名・団体名", True),
        COMMON["kana"], C("kind", "種別", True), C("roles", "活動内容", True),
        COMMON["phone"], COMMON["address"], COMMON["area"], C("registered_on", "登録日", True),
        C("withdrawn_on", "退会日"), C("skills", "特技"), C("insurance_fy", "保険加入年度"),
    ],
}


@dataclass
class ImportResult:
    kind: str
    created: int = 0
    updated: int = 0
    removed: int = 0  # imported watch contacts a re-import no longer has

    def summary(self) -> str:
        removed = f", 削除 {self.removed} 件" if self.removed else ""
        return f"{self.kind}: 新規 {self.created} 件, 更新 {self.updated} 件{removed}"


_YEAR = re.compile("[0-9]{4}")


class RowChecker:
    """Collects ``line N: column: reason`` errors while parsing one row."""

    def __init__(self, row: LedgerRow, errors: list[str], today: dt.date) -> None:
        self.row = row
        self.errors = errors
        self.today = today
        self.ok = True

    def fail(self, column: str, reason: str) -> None:
        self.ok = False
        self.errors.append(f"line {self.row.line}: {column}: {reason}")

    def text(self, column: str, required: bool = False, max_len: int | None = None) -> str:
        value = self.row.values.get(column, "")
        if required and not value:
            self.fail(column, "必須項目が空です")
        if max_len and len(value) > max_len:
            self.fail(column, f"{max_len}文字以内で入力してください")
        return value

    def date(self, column: str, required: bool = False, not_future: bool = False) -> dt.date | None:
        value = self.row.values.get(column, "")
        if not value:
            if required:
                self.fail(column, "必須項目が空です")
            return None
        try:
            day = parse_date(value)
        except DateParseError as exc:
            self.fail(column, str(exc))
            return None
        if not_future and day > self.today:
            self.fail(column, f"未来の日付です（{value}）")
            return None
        return day

    def code(self, column: str, table: dict[str, str], required: bool = True) -> str | None:
        value = self.row.values.get(column, "")
        if not value:
            if required:
                self.fail(column, "必須項目が空です")
            return None
        found = codes.code_for(value, table)
        if found is None:
            self.fail(column, f"不明なコードです（{value}）: 使えるのは {', '.join(table)}")
        return found

    def code_list(self, column: str, table: dict[str, str], required: bool = True) -> list[str]:
        value = self.row.values.get(column, "")
        parts = [p.strip() for p in value.split(";") if p.strip()]
        if not parts:
            if required:
                self.fail(column, "1つ以上指定してください")
            return []
        out: list[str] = []
        for part in parts:
            found = codes.code_for(part, table)
            if found is None:
                self.fail(column, f"不明なコードです（{part}）")
            elif found not in out:
                out.append(found)
        return out

    def fiscal_year(self, column: str) -> int | None:
        """A fiscal year written as a Western year, digits of any width."""
        value = self.row.values.get(column, "")
        if not value:
            return None
        # NFKC turns full-width (and superscript) digits into 0-9; any other
        # digit that int() would take is refused here, with its line.
        digits = unicodedata.normalize("NFKC", value)
        if _YEAR.fullmatch(digits) and 1989 <= int(digits) <= 2100:
            return int(digits)
        self.fail(column, f"年度は西暦4桁で入力してください（{value}）")
        return None

    def kana_text(self, column: str) -> str:
        value = self.text(column, max_len=100)
        if value and not kana.is_kana(value):
            self.fail(column, f"ふりがなはかなで入力してください（{value}）")
        return self.keyed(column, value)

    def keyed(self, column: str, value: str) -> str:
        """A name or reading, which search and 50音順 also keep folded
        (``kana.fold``) in 100 characters: NFKC spells some signs out (㌔ is
        キロ), so a short text can have a long key."""
        if len(kana.fold(value)) > 100:
            self.fail(column, "100文字以内で入力してください（記号は展開して数えます）")
        return value

    def branch(self, branches: dict[str, int]) -> int | None:
        value = self.row.values.get("branch_code", "")
        if not value:
            self.fail("branch_code", "必須項目が空です")
            return None
        if value not in branches:
            self.fail("branch_code", f"登録されていない支部コードです（{value}）")
            return None
        return branches[value]


def _t(model):
    """The Core table of a model. Bulk inserts go through Core: the ORM's
    bulk insert splits rows whose None values differ into separate
    statements and splices their RETURNING results one by one, which is
    quadratic (minutes for 100,000 rows)."""
    return model.__table__


class _Writer:
    """Shared state for one import transaction."""

    def __init__(self, db: Database, session: Session) -> None:
        self.db = db
        self.session = session
        self.now = clock.utcnow()
        self.stamp_new = dict(created_at=self.now, updated_at=self.now,
                              created_by=db.actor, updated_by=db.actor)
        self.stamp_upd = dict(updated_at=self.now, updated_by=db.actor)
        self._areas: dict[tuple[int, str], int] | None = None

    def execute(self, stmt, params=None):
        return self.session.execute(stmt, params) if params is not None else self.session.execute(stmt)

    def area_ids(self, wanted: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
        if self._areas is None:
            self._areas = {(b, n): i for i, b, n in
                           self.execute(select(Area.id, Area.branch_id, Area.name)).all()}
        missing = [k for k in wanted if k not in self._areas]
        if missing:
            rows = self.execute(
                insert(_t(Area)).returning(_t(Area).c.id, _t(Area).c.branch_id, _t(Area).c.name,
                                           sort_by_parameter_order=True),
                [dict(branch_id=b, name=n, **self.stamp_new) for b, n in missing],
            ).all()
            for i, b, n in rows:
                self._areas[(b, n)] = i
        return self._areas

    def insert_rows(self, model, rows: list[dict]) -> None:
        """Insert rows, many per statement (see ``store.make_engine``)."""
        if rows:
            self.execute(insert(_t(model)), rows)

    def insert_returning_ids(self, model, rows: list[dict]) -> list[int]:
        """Insert rows; return their new ids in the order of rows."""
        if not rows:
            return []
        table = _t(model)
        if self.session.get_bind().dialect.name == "sqlite":
            # SQLite cannot return ids of a batch in parameter order, so
            # SQLAlchemy would insert row by row; number the rows instead.
            # Safe: the transaction holds SQLite's single write lock (a
            # writer that came in between makes this insert fail, never
            # collide).
            start = self.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
            ids = list(range(start + 1, start + 1 + len(rows)))
            self.insert_rows(model, [dict(r, id=i) for r, i in zip(rows, ids)])
            return ids
        result = self.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
        )
        return [r[0] for r in result.all()]


def _person_values(name: str, kana_text: str, **extra: Any) -> dict:
    values = dict(name=name, kana=kana_text, name_key=kana.fold(name), kana_key=kana.fold(kana_text))
    values.update(extra)
    return values


def _resolve_people(w: _Writer, wanted: list[tuple[int, dict]]) -> list[int]:
    """For each (branch_id, person values) find the same resident in that
    branch (same name and ふりがな, and no conflicting phone or birth date)
    or create one. Returns person ids in order."""
    branches = {b for b, _ in wanted}
    existing: dict[tuple[int, str, str], list[tuple[int, str, Any]]] = {}
    if branches:
        q = select(Person.id, Person.branch_id, Person.name_key, Person.kana_key,
                   Person.phone, Person.birth_date).where(Person.branch_id.in_(branches))
        for pid, b, nk, kk, phone, birth in w.execute(q).all():
            existing.setdefault((b, nk, kk), []).append((pid, phone, birth))
    ids: list[int | None] = []
    to_create: list[dict] = []
    create_at: list[int] = []
    pending: dict[tuple, int] = {}
    for b, values in wanted:
        key = (b, values["name_key"], values["kana_key"])
        match = None
        for pid, phone, birth in existing.get(key, []):
            if values.get("phone") and phone and values["phone"] != phone:
                continue
            if values.get("birth_date") and birth and values["birth_date"] != birth:
                continue
            match = pid
            break
        if match is None:
            pkey = (*key, values.get("phone") or "", values.get("birth_date"))
            if pkey in pending:
                ids.append(None)
                create_at.append(pending[pkey])
                continue
            pending[pkey] = len(to_create)
            to_create.append(dict(branch_id=b, **values, **w.stamp_new))
            ids.append(None)
            create_at.append(pending[pkey])
        else:
            ids.append(match)
            create_at.append(-1)
    new_ids = w.insert_returning_ids(Person, to_create)
    return [pid if pid is not None else new_ids[create_at[i]] for i, pid in enumerate(ids)]


def _update_people(w: _Writer, updates: list[tuple[int, dict]]) -> None:
    if updates:
        w.execute(
            update(Person),
            [dict(id=pid, **values, **w.stamp_upd) for pid, values in updates],
        )


def _branch_map(session: Session) -> dict[str, int]:
    return {code: i for i, code in session.execute(select(Branch.id, Branch.code)).all()}


def _code_table(session: Session, model) -> dict[str, str]:
    return {c: l for c, l in session.execute(select(model.code, model.label)).all()}


def _existing_ids(session: Session, model,
                  keys: Iterable[tuple[int, str]] | None = None) -> dict[tuple[int, str], int]:
    """{(branch_id, external_id): id} of the records already there: all of
    them, or only those among keys (a large table is not read whole to
    import a file)."""
    cols = select(model.id, model.branch_id, model.external_id)
    if keys is None:
        q = cols.where(model.external_id.is_not(None))
        return {(b, e): i for i, b, e in session.execute(q).all()}
    by_branch: dict[int, list[str]] = {}
    for b, e in keys:
        by_branch.setdefault(b, []).append(e)
    found: dict[tuple[int, str], int] = {}
    for b, ext_ids in by_branch.items():
        for start in range(0, len(ext_ids), _CHUNK):
            q = cols.where(model.branch_id == b,
                           model.external_id.in_(ext_ids[start:start + _CHUNK]))
            found.update({(b, e): i for i, b, e in session.execute(q).all()})
    return found


_CHUNK = 500


def _duplicate_check(rows: list[tuple[int, Any]], errors: list[str], column: str) -> None:
    seen: dict[Any, int] = {}
    for line, key in rows:
        if key in seen:
            errors.append(f"line {line}: {column}: {seen[key]}行目と重複しています")
        else:
            seen[key] = line


# --- branches ---------------------------------------------------------------

def _import_branches(w: _Writer, rows: list[LedgerRow], today: dt.date) -> ImportResult:
    errors: list[str] = []
    parsed = []
    for row in rows:
        c = RowChecker(row, errors, today)
        values = dict(code=c.text("code", True, 32), name=c.text("name", True, 100),
                      base_name=c.text("base_name", max_len=100),
                      address=c.text("address", max_len=200), phone=c.text("phone", max_len=40))
        if values["code"] and not codes.is_branch_code(values["code"]):  # tally files carry it
            c.fail("code", f"支部コードは{codes.BRANCH_CODE_SHAPE_TEXT}で書いてください")
        if c.ok:
            parsed.append((row.line, values))
    _duplicate_check([(line, v["code"]) for line, v in parsed], errors, "code")
    if errors:
        raise LedgerError(errors)
    existing = _branch_map(w.session)
    result = ImportResult("branches")
    new = [dict(v, **w.stamp_new) for _, v in parsed if v["code"] not in existing]
    upd = [dict(v, id=existing[v["code"]], **w.stamp_upd) for _, v in parsed if v["code"] in existing]
    if new:
        w.insert_rows(Branch, new)
    if upd:
        w.execute(update(Branch), upd)
    result.created, result.updated = len(new), len(upd)
    return result


# --- consultations ------------------------------------------------------------

def _import_consultations(w: _Writer, rows: list[LedgerRow], today: dt.date) -> ImportResult:
    session = w.session
    errors: list[str] = []
    branches = _branch_map(session)
    categories = _code_table(session, Category)
    parsed = []
    for row in rows:
        c = RowChecker(row, errors, today)
        branch_id = c.branch(branches)
        values = dict(
            external_id=c.text("external_id", True, 64),
            received_on=c.date("received_on", True, not_future=True),
            kind=c.code("kind", codes.KIND),
            channel=c.code("channel", codes.CHANNEL),
            from_whom=c.code("from_whom", codes.FROM_WHOM),
            response=c.code("response", codes.RESPONSE),
            referred_to=c.text("referred_to", max_len=200),
            summary=c.text("summary"),
        )
        cats = c.code_list("categories", categories)
        person_name = c.keyed("person_name", c.text("person_name", max_len=100))
        person_kana = c.kana_text("person_kana")
        if person_kana and not person_name:
            c.fail("person_name", "ふりがながあるのに氏名が空です")
        if c.ok:
            values["branch_id"] = branch_id
            values["month"] = month_key(values["received_on"])
            values["search_key"] = kana.fold(values["summary"])  # migration 0004
            parsed.append((row.line, values, cats, person_name, person_kana))
    _duplicate_check([(p[0], (p[1]["branch_id"], p[1]["external_id"])) for p in parsed],
                     errors, "external_id")
    if errors:
        raise LedgerError(errors)

    named = [(i, p) for i, p in enumerate(parsed) if p[3]]
    person_ids = _resolve_people(
        w, [(p[1]["branch_id"], _person_values(p[3], p[4])) for _, p in named])
    person_of = {i: pid for (i, _), pid in zip(named, person_ids)}

    existing = _existing_ids(session, Consultation,
                             [(p[1]["branch_id"], p[1]["external_id"]) for p in parsed])
    new_rows, new_cats, upd_rows, upd_cats = [], [], [], []
    for i, (_, values, cats, _, _) in enumerate(parsed):
        values["person_id"] = person_of.get(i)
        key = (values["branch_id"], values["external_id"])
        if key in existing:
            upd_rows.append(dict(values, id=existing[key], **w.stamp_upd))
            upd_cats.append((existing[key], values, cats))
        else:
            new_rows.append(dict(values, **w.stamp_new))
            new_cats.append((values, cats))
    new_ids = w.insert_returning_ids(Consultation, new_rows)
    if upd_rows:
        w.execute(update(Consultation), upd_rows)
        w.execute(delete(ConsultationCategory).where(
            ConsultationCategory.consultation_id.in_([u[0] for u in upd_cats])))
    cat_rows = [dict(consultation_id=cid, category_code=code, branch_id=v["branch_id"],
                     month=v["month"])
                for cid, (v, cats) in zip(new_ids, new_cats) for code in cats]
    cat_rows += [dict(consultation_id=cid, category_code=code, branch_id=v["branch_id"],
                      month=v["month"])
                 for cid, v, cats in upd_cats for code in cats]
    if cat_rows:
        w.insert_rows(ConsultationCategory, cat_rows)
    return ImportResult("consultations", len(new_rows), len(upd_rows))


# --- watch users ---------------------------------------------------------------

def _import_watch_users(w: _Writer, rows: list[LedgerRow], today: dt.date) -> ImportResult:
    session = w.session
    errors: list[str] = []
    branches = _branch_map(session)
    parsed = []
    for row in rows:
        c = RowChecker(row, errors, today)
        branch_id = c.branch(branches)
        external_id = c.text("external_id", True, 64)
        person = _person_values(
            c.keyed("name", c.text("name", True, 100)), c.kana_text("kana"),
            birth_date=c.date("birth_date", not_future=True),
            phone=c.text("phone", max_len=40), address=c.text("address", max_len=200))
        area = c.text("area", max_len=100)
        enrolled = c.date("enrolled_on", True, not_future=True)
        ended = c.date("ended_on")
        reason = c.code("end_reason", codes.END_REASON, required=False)
        if ended and enrolled and ended < enrolled:
            c.fail("ended_on", "終了日が登録日より前です")
        if ended and not row.values.get("end_reason"):
            c.fail("end_reason", "終了日があるときは終了理由が必要です")
        if reason and not ended:
            c.fail("ended_on", "終了理由があるのに終了日が空です")
        if c.ok:
            parsed.append((row.line, branch_id, external_id, person, area, dict(
                enrolled_on=enrolled, enrolled_month=month_key(enrolled),
                ended_on=ended, ended_month=month_key(ended) if ended else None,
                end_reason=reason)))
    _duplicate_check([(p[0], (p[1], p[2])) for p in parsed], errors, "external_id")
    _check_contacts_within(session, parsed, errors)
    if errors:
        raise LedgerError(errors)
    return _write_enrolments(w, WatchUser, "watch-users", parsed, None)


def _check_contacts_within(session: Session, parsed: list, errors: list[str]) -> None:
    """A re-imported watch user's new enrolment must still hold the
    contacts already recorded (enrolled_on <= contacted_on <= ended_on),
    the rule the tallies rely on."""
    existing = _existing_ids(session, WatchUser, [(p[1], p[2]) for p in parsed])
    if not existing:
        return
    spans = {}
    ids = list(existing.values())
    for start in range(0, len(ids), _CHUNK):
        q = (select(WatchContact.watch_user_id, func.min(WatchContact.contacted_on),
                    func.max(WatchContact.contacted_on))
             .where(WatchContact.watch_user_id.in_(ids[start:start + _CHUNK]))
             .group_by(WatchContact.watch_user_id))
        spans.update({uid: (first, last) for uid, first, last in session.execute(q).all()})
    for line, branch_id, external_id, _, _, values in parsed:
        span = spans.get(existing.get((branch_id, external_id)))
        if span is None:
            continue
        first, last = span
        if values["enrolled_on"] > first:
            errors.append(f"line {line}: enrolled_on: 記録済みの見守り（{first.isoformat()}）"
                          "より後の登録日にはできません")
        if values["ended_on"] and values["ended_on"] < last:
            errors.append(f"line {line}: ended_on: 記録済みの見守り（{last.isoformat()}）"
                          "より前の終了日にはできません")


def _write_enrolments(w: _Writer, model, kind: str, parsed: list,
                      roles: dict[int, list[str]] | None) -> ImportResult:
    """Shared by watch users and volunteers: resolve areas and people,
    insert or update the records by external_id."""
    session = w.session
    areas = w.area_ids({(p[1], p[4]) for p in parsed if p[4]})
    for p in parsed:
        p[3]["area_id"] = areas[(p[1], p[4])] if p[4] else None
    existing = _existing_ids(session, model, [(p[1], p[2]) for p in parsed])
    person_of_record = dict(session.execute(
        select(model.id, model.person_id).where(model.id.in_(list(existing.values())))).all()
    ) if existing else {}
    new_parsed = [p for p in parsed if (p[1], p[2]) not in existing]
    upd_parsed = [p for p in parsed if (p[1], p[2]) in existing]
    person_ids = _resolve_people(w, [(p[1], p[3]) for p in new_parsed])
    _update_people(w, [(person_of_record[existing[(p[1], p[2])]], p[3]) for p in upd_parsed])
    new_rows = [dict(p[5], branch_id=p[1], external_id=p[2], person_id=pid, **w.stamp_new)
                for p, pid in zip(new_parsed, person_ids)]
    new_ids = w.insert_returning_ids(model, new_rows)
    upd_rows = [dict(p[5], id=existing[(p[1], p[2])], **w.stamp_upd) for p in upd_parsed]
    if upd_rows:
        w.execute(update(model), upd_rows)
    if roles is not None:
        upd_ids = [existing[(p[1], p[2])] for p in upd_parsed]
        if upd_ids:
            w.execute(delete(VolunteerRole).where(VolunteerRole.volunteer_id.in_(upd_ids)))
        role_rows = [dict(volunteer_id=vid, role_code=r)
                     for vid, p in zip(new_ids + upd_ids, new_parsed + upd_parsed)
                     for r in roles[p[0]]]
        if role_rows:
            w.insert_rows(VolunteerRole, role_rows)
    return ImportResult(kind, len(new_rows), len(upd_rows))


# --- volunteers -----------------------------------------------------------------

def _import_volunteers(w: _Writer, rows: list[LedgerRow], today: dt.date) -> ImportResult:
    session = w.session
    errors: list[str] = []
    branches = _branch_map(session)
    role_table = _code_table(session, Role)
    parsed, roles = [], {}
    for row in rows:
        c = RowChecker(row, errors, today)
        branch_id = c.branch(branches)
        external_id = c.text("external_id", True, 64)
        person = _person_values(
            c.keyed("name", c.text("name", True, 100)), c.kana_text("kana"),
            phone=c.text("phone", max_len=40), address=c.text("address", max_len=200))
        area = c.text("area", max_len=100)
        vkind = c.code("kind", codes.VOLUNTEER_KIND)
        role_codes = c.code_list("roles", role_table)
        registered = c.date("registered_on", True, not_future=True)
        withdrawn = c.date("withdrawn_on")
        if withdrawn and registered and withdrawn < registered:
            c.fail("withdrawn_on", "退会日が登録日より前です")
        skills = ";".join(s.strip() for s in c.text("skills", max_len=500).split(";") if s.strip())
        fy = c.fiscal_year("insurance_fy")
        if c.ok:
            parsed.append((row.line, branch_id, external_id, person, area, dict(
                kind=vkind, skills=skills, insurance_fy=fy,
                registered_on=registered, registered_month=month_key(registered),
                withdrawn_on=withdrawn, withdrawn_month=month_key(withdrawn) if withdrawn else None)))
            roles[row.line] = role_codes
    _duplicate_check([(p[0], (p[1], p[2])) for p in parsed], errors, "external_id")
    if errors:
        raise LedgerError(errors)
    return _write_enrolments(w, Volunteer, "volunteers", parsed, roles)


# --- watch contacts ------------------------------------------------------------

def _import_watch_contacts(w: _Writer, rows: list[LedgerRow], today: dt.date) -> ImportResult:
    session = w.session
    errors: list[str] = []
    branches = _branch_map(session)
    users = {(b, e): (i, s, en) for i, b, e, s, en in session.execute(
        select(WatchUser.id, WatchUser.branch_id, WatchUser.external_id,
               WatchUser.enrolled_on, WatchUser.ended_on)
        .where(WatchUser.external_id.is_not(None))).all()}
    volunteers = _existing_ids(session, Volunteer)
    parsed = []
    for row in rows:
        c = RowChecker(row, errors, today)
        branch_id = c.branch(branches)
        user_ext = c.text("watch_user_id", True)
        day = c.date("contacted_on", True, not_future=True)
        method = c.code("method", codes.WATCH_METHOD)
        result = c.code("result", codes.WATCH_RESULT)
        by_text = c.text("by", True)
        note = c.text("note")
        user = None
        if branch_id is not None and user_ext:
            user = users.get((branch_id, user_ext))
            if user is None:
                c.fail("watch_user_id", f"この支部に登録されていない利用者IDです（{user_ext}）")
        if user and day:
            _, enrolled, ended = user
            if day < enrolled:
                c.fail("contacted_on", f"登録日（{enrolled.isoformat()}）より前です")
            elif ended and day > ended:
                c.fail("contacted_on", f"終了日（{ended.isoformat()}）より後です")
        by_staff, vol_ids = False, []
        parts = [p.strip() for p in by_text.split(";") if p.strip()]
        if parts and codes.code_for(parts[0], {codes.BY_STAFF: codes.BY_STAFF_LABEL}) and len(parts) == 1:
            by_staff = True
        elif parts and branch_id is not None:
            for part in parts:
                vid = volunteers.get((branch_id, part))
                if vid is None:
                    c.fail("by", f"この支部に登録されていないボランティアIDです（{part}）")
                elif vid not in vol_ids:
                    vol_ids.append(vid)
        if c.ok:
            parsed.append(dict(branch_id=branch_id, watch_user_id=user[0], contacted_on=day,
                               month=month_key(day), method=method, result=result,
                               by_staff=by_staff, note=note, _vols=tuple(sorted(vol_ids))))
    if errors:
        raise LedgerError(errors)
    return _replace_imported_contacts(w, parsed)


_CONTACT_FIELDS = ("method", "result", "by_staff", "note", "_vols")


def _replace_imported_contacts(w: _Writer, parsed: list[dict]) -> ImportResult:
    """Contacts have no ID in a ledger, and one user may be contacted
    several times a day by the same method and doer: every line is a
    contact. The lines of one user and day replace what earlier imports
    brought for that user and day (docs/interchange.md, watch-contacts.csv),
    so re-importing a file, or one that repeats its days, doubles nothing.
    A contact entered on screen (imported_at None) is never touched.

    A line equal to an imported contact keeps it as it is; the other
    lines take the place of the remaining imported contacts of that user
    and day one by one (ids stay), or are added; what is left is removed."""
    session = w.session
    lines: dict[tuple[int, dt.date], list[dict]] = {}
    for p in parsed:
        lines.setdefault((p["watch_user_id"], p["contacted_on"]), []).append(p)
    earlier: dict[tuple[int, dt.date], list[dict]] = {}
    user_ids = sorted({uid for uid, _ in lines})
    for start in range(0, len(user_ids), _CHUNK):
        imported = (WatchContact.watch_user_id.in_(user_ids[start:start + _CHUNK]),
                    WatchContact.imported_at.is_not(None))
        vols_of: dict[int, list[int]] = {}
        for cid, vid in session.execute(
                select(WatchContactVolunteer.contact_id, WatchContactVolunteer.volunteer_id)
                .join(WatchContact, WatchContact.id == WatchContactVolunteer.contact_id)
                .where(*imported)).all():
            vols_of.setdefault(cid, []).append(vid)
        for cid, uid, day, method, result, staff, note in session.execute(
                select(WatchContact.id, WatchContact.watch_user_id, WatchContact.contacted_on,
                       WatchContact.method, WatchContact.result, WatchContact.by_staff,
                       WatchContact.note).where(*imported)).all():
            if (uid, day) in lines:
                earlier.setdefault((uid, day), []).append(dict(
                    id=cid, method=method, result=result, by_staff=staff, note=note,
                    _vols=tuple(sorted(vols_of.get(cid, [])))))
    new: list[dict] = []
    changed: list[tuple[int, dict]] = []
    removed: list[int] = []
    kept = 0
    for key, group in lines.items():
        left = list(earlier.get(key, []))
        rest = []
        for p in group:
            same = next((o for o in left if all(o[f] == p[f] for f in _CONTACT_FIELDS)), None)
            if same is None:
                rest.append(p)
            else:
                left.remove(same)
                kept += 1
        changed += [(o["id"], p) for o, p in zip(left, rest)]
        new += rest[len(left):]
        removed += [o["id"] for o in left[len(rest):]]

    clean = lambda p: {k: v for k, v in p.items() if not k.startswith("_")}  # noqa: E731
    new_ids = w.insert_returning_ids(
        WatchContact, [dict(clean(p), imported_at=w.now, **w.stamp_new) for p in new])
    gone = [cid for cid, _ in changed] + removed  # their doers are written again or removed
    for start in range(0, len(gone), _CHUNK):
        w.execute(delete(WatchContactVolunteer).where(
            WatchContactVolunteer.contact_id.in_(gone[start:start + _CHUNK])))
    for start in range(0, len(removed), _CHUNK):
        w.execute(delete(WatchContact).where(WatchContact.id.in_(removed[start:start + _CHUNK])))
    if changed:
        w.execute(update(WatchContact), [
            dict(id=cid, method=p["method"], result=p["result"], by_staff=p["by_staff"],
                 note=p["note"], imported_at=w.now, **w.stamp_upd) for cid, p in changed])
    vol_rows = [dict(contact_id=cid, volunteer_id=v)
                for cid, p in [*zip(new_ids, new), *changed] for v in p["_vols"]]
    if vol_rows:
        w.insert_rows(WatchContactVolunteer, vol_rows)
    return ImportResult("watch-contacts", len(new), kept + len(changed), len(removed))


_IMPORTERS: dict[str, Callable[[_Writer, list[LedgerRow], dt.date], ImportResult]] = {
    "branches": _import_branches,
    "consultations": _import_consultations,
    "watch-users": _import_watch_users,
    "watch-contacts": _import_watch_contacts,
    "volunteers": _import_volunteers,
}


def _branch_codes(kind: str, rows: list[LedgerRow], only_branch: str | None) -> str:
    """The branch codes a file writes to, for the audit row. With
    ``only_branch`` (a coordinator's import) a row of another branch, or
    any branches file, refuses the whole file."""
    column = "code" if kind == "branches" else "branch_code"
    if only_branch is not None:
        if kind == "branches":
            raise LedgerError(["line 1: -: 支部の登録は管理者だけができます"])
        bad = [f"line {r.line}: branch_code: 自分の支部（{only_branch}）以外の行は取り込めません"
               for r in rows if r.values.get(column) != only_branch]
        if bad:
            raise LedgerError(bad)
    return ",".join(sorted({r.values.get(column, "") for r in rows} - {""})) or "-"


def import_ledger(db: Database, kind: str, source: Path | bytes,
                  today: dt.date | None = None, only_branch: str | None = None) -> ImportResult:
    """Import one ledger file of ``kind``. Raises LedgerError listing the bad
    lines; on any error nothing is written. ``only_branch``: the signed-in
    coordinator's branch code; the scope is checked on the very rows that
    are written (the file is read once: issue 14)."""
    if kind not in _IMPORTERS:
        raise LedgerError([f"line 0: KIND: 不明な種類です（{kind}）: {', '.join(KINDS)}"])
    rows = read_ledger(source, COLUMNS[kind])
    branches = _branch_codes(kind, rows, only_branch)
    today = today or clock.today()
    with db.session() as session:
        writer = _Writer(db, session)
        result = _IMPORTERS[kind](writer, rows, today)
        db.audit(session, "import", kind, None,
                 f"created={result.created} updated={result.updated}"
                 + (f" removed={result.removed}" if result.removed else "")
                 + f" branch={branches}")
    return result
