"""Ledger import (docs/interchange.md): branches, consultations, watch
users, watch contacts, volunteers, activity groups and events from CSV.

The file streams (issue 19): memory holds one chunk of rows at a time,
whatever the file's size. Each chunk is validated and its good rows
written with set-based statements, all in one transaction; any bad row
anywhere refuses the whole file (the transaction is rolled back), listing
every bad line (the first 50, all counted). What a later row must know of
earlier ones is asked of the database, which already holds them in the
open transaction: a record this import wrote carries its timestamp
(``_Writer.now``), so a second line with the same ``external_id`` is a
duplicate, not an update.
Re-importing an ``external_id`` for the same branch updates that record;
watch contacts, which have no ID, are replaced per user and day.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session

from coordinator_app.core import clock, codes, gatherings, kana
from coordinator_app.core.dates import (
    DateParseError,
    fiscal_year_of,
    month_key,
    parse_date,
)
from coordinator_app.core.models import (
    ActivityGroup,
    Area,
    Branch,
    Category,
    Consultation,
    ConsultationCategory,
    Event,
    EventAttendee,
    EventKind,
    GroupKind,
    GroupSubsidy,
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
    ErrorList,
    LedgerError,
    LedgerReader,
    LedgerRow,
    detect_encoding,
)
from coordinator_app.storage import record_numbers
from coordinator_app.storage.database import Database

KINDS = ("branches", "consultations", "watch-users", "watch-contacts", "volunteers", "groups",
         "events")

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
    "groups": [
        C("external_id", "グループID", True), COMMON["branch_code"], C("name", "名称", True),
        COMMON["kana"], C("kind", "種別", True), COMMON["area"], C("started_on", "開始日", True),
        C("ended_on", "終了日"), C("subsidy_fy", "助成年度"),
    ],
    "events": [
        C("external_id", "行事ID", True), COMMON["branch_code"], C("held_on", "開催日", True),
        C("kind", "種別", True), C("title", "名称", True), C("group_id", "グループID"),
        COMMON["area"], C("participants", "参加人数", True), C("volunteers", "うちボランティア"),
        C("note", "メモ"),  # the label the contract gives note elsewhere (watch-contacts)
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

# Rows repeat their dates, names and readings: each distinct text is parsed
# or folded once (pure functions; bounded caches).
_fold = functools.lru_cache(maxsize=1 << 14)(kana.fold)
_is_kana = functools.lru_cache(maxsize=1 << 14)(kana.is_kana)


@functools.lru_cache(maxsize=1 << 14)
def _parsed_date(text: str) -> tuple[dt.date | None, str]:
    """``parse_date``'s date, or its error message."""
    try:
        return parse_date(text), ""
    except DateParseError as exc:
        return None, str(exc)


class RowChecker:
    """Collects ``line N: column: reason`` errors while parsing one row."""

    def __init__(self, row: LedgerRow, errors: ErrorList, today: dt.date) -> None:
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
        day, problem = _parsed_date(value)
        if day is None:
            self.fail(column, problem)
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
        return self._fiscal_year(column, value) if value else None

    def fiscal_years(self, column: str) -> list[int]:
        """``;``-separated fiscal years (each as ``fiscal_year``), each once."""
        years: list[int] = []
        for part in self.row.values.get(column, "").split(";"):
            year = self._fiscal_year(column, part.strip()) if part.strip() else None
            if year is not None and year not in years:
                years.append(year)
        return sorted(years)

    def _fiscal_year(self, column: str, value: str) -> int | None:
        # NFKC turns full-width (and superscript) digits into 0-9; any other
        # digit that int() would take is refused here, with its line.
        digits = unicodedata.normalize("NFKC", value)
        if _YEAR.fullmatch(digits) and 1989 <= int(digits) <= 2100:
            return int(digits)
        self.fail(column, f"年度は西暦4桁で入力してください（{value}）")
        return None

    def integer(self, column: str, required: bool = False) -> int | str | None:
        """A whole number, digits of either width; the text itself when it
        is not one (the caller's rule names what is wrong with it)."""
        value = gatherings.read_count(self.row.values.get(column, ""))
        if value is None and required:
            self.fail(column, "必須項目が空です")
        return value

    def kana_text(self, column: str, max_len: int = 100) -> str:
        value = self.text(column, max_len=max_len)
        if value and not _is_kana(value):
            self.fail(column, f"ふりがなはかなで入力してください（{value}）")
        return self.keyed(column, value, max_len)

    def keyed(self, column: str, value: str, max_len: int = 100) -> str:
        """A name or reading, which search and 50音順 also keep folded
        (``kana.fold``) in ``max_len`` characters: NFKC spells some signs
        out (㌔ is キロ), so a short text can have a long key."""
        if len(_fold(value)) > max_len:
            self.fail(column, f"{max_len}文字以内で入力してください（記号は展開して数えます）")
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


# Rows validated and written at a time; also the size of the IN lists of
# the look-ups, well below SQLite's and PostgreSQL's parameter limits.
CHUNK_ROWS = 2000
_IN = 500


def _slices(items: list, size: int = _IN) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Writer:
    """Shared state for one import transaction."""

    def __init__(self, db: Database, session: Session) -> None:
        self.db = db
        self.session = session
        # Every record this import writes carries this stamp: a later chunk
        # tells them from the records that were there before by it.
        self.now = clock.utcnow()
        self.stamp_new = dict(created_at=self.now, updated_at=self.now,
                              created_by=db.actor, updated_by=db.actor)
        self.stamp_upd = dict(updated_at=self.now, updated_by=db.actor)
        self._areas: dict[tuple[int, str], int] | None = None
        self.sqlite = session.get_bind().dialect.name == "sqlite"

    def execute(self, stmt, params=None):
        if isinstance(params, list) and params and getattr(stmt, "is_update", False) \
                and stmt.whereclause is None and "version" in stmt.table.c:
            return self._update_versioned(stmt.table, params)
        return self.session.execute(stmt, params) if params is not None else self.session.execute(stmt)

    def _update_versioned(self, table, rows: list[dict]) -> None:
        """An UPDATE by primary key of records people edit on screen: they
        carry a version (migration 0019), which the ORM's bulk UPDATE wants
        in every row. The same UPDATE in Core, one statement per set of
        columns, counting the version up as a save on screen does, so a
        form opened before the import is told that the record changed."""
        def columns(row):
            return tuple(sorted(row))

        for keys, group in itertools.groupby(sorted(rows, key=columns), key=columns):
            stmt = (update(table).where(table.c.id == bindparam("_id"))
                    .values({**{k: bindparam("_" + k) for k in keys if k != "id"},
                             "version": table.c.version + 1}))
            self.session.connection().execute(  # Core, on the import's transaction
                stmt, [{"_" + k: v for k, v in r.items()} for r in group])

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
        """Insert rows, many per statement (see ``engine.make_engine``)."""
        if rows:
            self.execute(insert(_t(model)), rows)

    def insert_returning_ids(self, model, rows: list[dict]) -> list[int]:
        """Insert rows; return their new ids in the order of rows."""
        if not rows:
            return []
        table = _t(model)
        if self.sqlite:
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

    def mine(self, stamped_at) -> bool:
        """Written (created or updated) by this import."""
        return stamped_at == self.now


def _person_values(name: str, kana_text: str, **extra: Any) -> dict:
    values = dict(name=name, kana=kana_text, name_key=_fold(name), kana_key=_fold(kana_text))
    values.update(extra)
    return values


def _resolve_people(w: _Writer, wanted: list[tuple[int, dict]]) -> list[int]:
    """For each (branch_id, person values) find the same resident in that
    branch (same name and ふりがな, and no conflicting phone or birth date)
    or create one. Returns person ids in order. A person an earlier line
    of this import created is the same only with the same phone and birth
    date (they are in the database already when a later chunk asks)."""
    existing: dict[tuple[int, str, str], list[tuple[int, str, Any]]] = {}
    pending: dict[tuple, int] = {}
    by_branch: dict[int, set[tuple[str, str]]] = {}
    for b, values in wanted:
        by_branch.setdefault(b, set()).add((values["kana_key"], values["name_key"]))
    for b, keys in by_branch.items():
        for part in _slices(sorted(keys)):
            q = (select(Person.id, Person.name_key, Person.kana_key, Person.phone,
                        Person.birth_date, Person.created_at)
                 .where(Person.branch_id == b,
                        Person.kana_key.in_({k for k, _ in part}),
                        Person.name_key.in_({n for _, n in part})))
            for pid, nk, kk, phone, birth, created in w.execute(q).all():
                if w.mine(created):
                    pending[(b, nk, kk, phone or "", birth)] = pid
                else:
                    existing.setdefault((b, nk, kk), []).append((pid, phone, birth))
    ids: list[int | None] = []
    to_create: list[dict] = []
    create_at: list[int] = []
    new_at: dict[tuple, int] = {}
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
        pkey = (*key, values.get("phone") or "", values.get("birth_date"))
        match = match or pending.get(pkey)
        if match is not None:
            ids.append(match)
            create_at.append(-1)
            continue
        if pkey not in new_at:
            new_at[pkey] = len(to_create)
            to_create.append(dict(branch_id=b, **values, **w.stamp_new))
        ids.append(None)
        create_at.append(new_at[pkey])
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
                  keys: Iterable[tuple[int, str]]) -> dict[tuple[int, str], tuple[int, Any]]:
    """{(branch_id, external_id): (id, updated_at)} of the records among
    keys that are in the database (a large table is not read whole to
    import a file)."""
    cols = select(model.id, model.branch_id, model.external_id, model.updated_at)
    by_branch: dict[int, list[str]] = {}
    for b, e in keys:
        by_branch.setdefault(b, []).append(e)
    found: dict[tuple[int, str], tuple[int, Any]] = {}
    for b, ext_ids in by_branch.items():
        for part in _slices(ext_ids):
            q = cols.where(model.branch_id == b, model.external_id.in_(part))
            found.update({(b, e): (i, at) for i, b, e, at in session.execute(q).all()})
    return found


class _Duplicate:
    """``line N: column: M行目と重複しています``, M known at once when the
    first line is in the same chunk, else looked up when the file is
    refused (``_Job.name_first_lines``)."""

    def __init__(self, line: int, column: str, key: Any, first: int | None = None) -> None:
        self.line, self.column, self.key, self.first = line, column, key, first

    def __call__(self) -> str:
        return f"line {self.line}: {self.column}: {self.first}行目と重複しています"


class _Job:
    """One kind of ledger: ``parse`` checks a row on its own (no database
    access beyond the code tables read at the start), ``write`` checks a
    chunk of good rows against the database and writes them, ``finish``
    does what needs every row and gives the result."""

    kind = ""
    key_column: str | None = None  # the column that identifies a record in its branch

    def __init__(self, w: _Writer, today: dt.date) -> None:
        self.w = w
        self.session = w.session
        self.today = today
        self.result = ImportResult(self.kind)

    def parse(self, c: RowChecker, row: LedgerRow) -> dict:
        raise NotImplementedError

    def key(self, item: dict) -> Any:
        return (item["branch_id"], item["external_id"])

    def existing(self, keys: list) -> dict[Any, tuple[int, Any]]:
        raise NotImplementedError

    def write(self, items: list[dict], errors: ErrorList) -> None:
        raise NotImplementedError

    def finish(self) -> ImportResult:
        return self.result

    def prepare(self, rows: list[LedgerRow]) -> None:
        """Look up what ``parse`` must know of the records a chunk's rows
        name (a large table is not read whole to import a file)."""

    def chunk(self, rows: list[LedgerRow], errors: ErrorList) -> None:
        self.write(self.check(rows, errors), errors)

    def check(self, rows: list[LedgerRow], errors: ErrorList) -> list[dict]:
        """The chunk's good rows parsed (and marked new or an update), its
        bad ones named in ``errors``; reads the database, writes nothing
        (the import wizard's preview runs only this)."""
        self.prepare(rows)
        items = []
        for row in rows:
            c = RowChecker(row, errors, self.today)
            item = self.parse(c, row)
            if c.ok:
                item["line"] = row.line
                items.append(item)
        if self.key_column is not None:
            items = self._first_of_each_key(items, errors)
        return items

    def _first_of_each_key(self, items: list[dict], errors: ErrorList) -> list[dict]:
        """Drop (and name) the lines whose key an earlier line of the file
        has; mark the others new or an update (``item["id"]``)."""
        found = self.existing([self.key(i) for i in items])
        seen: dict[Any, int] = {}
        out = []
        for item in items:
            key = self.key(item)
            had = found.get(key)
            if key in seen or (had and self.w.mine(had[1])):
                errors.append(_Duplicate(item["line"], self.key_column, key, seen.get(key)))
                continue
            seen[key] = item["line"]
            item["id"] = had[0] if had else None
            out.append(item)
        return out

    def name_first_lines(self, errors: ErrorList, rows: Iterable[LedgerRow]) -> None:
        """Find the first line of each duplicate named with an earlier
        chunk, reading the file again (only when it is refused)."""
        wanted = {d.key: d for d in errors.first if isinstance(d, _Duplicate) and d.first is None}
        firsts: dict[Any, int] = {}
        for chunk in _chunks(rows, CHUNK_ROWS):
            if len(firsts) == len(wanted):
                break
            self.prepare(chunk)
            for row in chunk:
                c = RowChecker(row, ErrorList(), self.today)
                item = self.parse(c, row)
                if c.ok and self.key(item) in wanted:
                    firsts.setdefault(self.key(item), row.line)
        for d in errors.first:
            if isinstance(d, _Duplicate) and d.first is None:
                d.first = firsts.get(d.key, "?")


# --- branches ---------------------------------------------------------------

class _Branches(_Job):
    kind, key_column = "branches", "code"

    def parse(self, c: RowChecker, row: LedgerRow) -> dict:
        values = dict(code=c.text("code", True, 32), name=c.text("name", True, 100),
                      base_name=c.text("base_name", max_len=100),
                      address=c.text("address", max_len=200), phone=c.text("phone", max_len=40))
        if values["code"] and not codes.is_branch_code(values["code"]):  # tally files carry it
            c.fail("code", f"支部コードは{codes.BRANCH_CODE_SHAPE_TEXT}で書いてください")
        return values

    def key(self, item: dict) -> Any:
        return item["code"]

    def existing(self, keys: list) -> dict[Any, tuple[int, Any]]:
        return {code: (i, at) for i, code, at in self.session.execute(
            select(Branch.id, Branch.code, Branch.updated_at).where(Branch.code.in_(keys))).all()}

    def write(self, items: list[dict], errors: ErrorList) -> None:
        fields = lambda i: {k: v for k, v in i.items() if k not in ("line", "id")}  # noqa: E731
        self.w.insert_rows(Branch, [dict(fields(i), **self.w.stamp_new)
                                    for i in items if i["id"] is None])
        upd = [dict(fields(i), id=i["id"], **self.w.stamp_upd) for i in items if i["id"] is not None]
        if upd:
            self.w.execute(update(Branch), upd)
        self.result.created += len(items) - len(upd)
        self.result.updated += len(upd)


# --- consultations ------------------------------------------------------------

def _number(session, new: list[dict]) -> None:
    """Give the new records their 相談番号: the next ones of their branch
    and fiscal year, in received_on, line order (``core.record_numbers``)."""
    for i in new:
        i["values"]["number_fy"] = fiscal_year_of(i["values"]["received_on"])
    key = lambda i: (i["branch_id"], i["values"]["number_fy"])  # noqa: E731
    for (branch_id, fy), group in itertools.groupby(sorted(new, key=key), key=key):
        first = record_numbers.next_number(session, branch_id, fy)
        ordered = sorted(group, key=lambda i: i["values"]["received_on"])
        for n, i in enumerate(ordered, start=first):
            i["values"]["number"] = n


class _Consultations(_Job):
    kind, key_column = "consultations", "external_id"

    def __init__(self, w: _Writer, today: dt.date) -> None:
        super().__init__(w, today)
        self.branches = _branch_map(self.session)
        self.categories = _code_table(self.session, Category)

    def parse(self, c: RowChecker, row: LedgerRow) -> dict:
        branch_id = c.branch(self.branches)
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
        cats = c.code_list("categories", self.categories)
        person_name = c.keyed("person_name", c.text("person_name", max_len=100))
        person_kana = c.kana_text("person_kana")
        if person_kana and not person_name:
            c.fail("person_name", "ふりがながあるのに氏名が空です")
        if not c.ok:
            return {}
        values["branch_id"] = branch_id
        values["month"] = month_key(values["received_on"])
        values["search_key"] = kana.fold(values["summary"])  # migration 0004
        return dict(values=values, cats=cats, person_name=person_name, person_kana=person_kana,
                    branch_id=branch_id, external_id=values["external_id"])

    def existing(self, keys: list) -> dict[Any, tuple[int, Any]]:
        return _existing_ids(self.session, Consultation, keys)

    def write(self, items: list[dict], errors: ErrorList) -> None:
        w = self.w
        named = [i for i in items if i["person_name"]]
        person_ids = _resolve_people(
            w, [(i["branch_id"], _person_values(i["person_name"], i["person_kana"])) for i in named])
        for i, pid in zip(named, person_ids):
            i["values"]["person_id"] = pid
        new = [i for i in items if i["id"] is None]
        upd = [i for i in items if i["id"] is not None]  # they keep their 相談番号
        _number(w.session, new)
        new_ids = w.insert_returning_ids(
            Consultation, [dict(i["values"], person_id=i["values"].get("person_id"), **w.stamp_new)
                           for i in new])
        if upd:
            w.execute(update(Consultation), [
                dict(i["values"], person_id=i["values"].get("person_id"), id=i["id"], **w.stamp_upd)
                for i in upd])
            w.execute(delete(ConsultationCategory).where(
                ConsultationCategory.consultation_id.in_([i["id"] for i in upd])))
        w.insert_rows(ConsultationCategory, [
            dict(consultation_id=cid, category_code=code, branch_id=i["branch_id"],
                 month=i["values"]["month"])
            for cid, i in [*zip(new_ids, new), *((i["id"], i) for i in upd)] for code in i["cats"]])
        self.result.created += len(new)
        self.result.updated += len(upd)


# --- watch users and volunteers -------------------------------------------------

class _Enrolments(_Job):
    """Shared by watch users and volunteers: a person, an area, dates."""

    key_column = "external_id"
    model: Any = None

    def __init__(self, w: _Writer, today: dt.date) -> None:
        super().__init__(w, today)
        self.branches = _branch_map(self.session)

    def existing(self, keys: list) -> dict[Any, tuple[int, Any]]:
        return _existing_ids(self.session, self.model, keys)

    def write(self, items: list[dict], errors: ErrorList) -> None:
        """Resolve areas and people, insert or update the records by
        external_id."""
        w, model = self.w, self.model
        areas = w.area_ids({(i["branch_id"], i["area"]) for i in items if i["area"]})
        for i in items:
            i["person"]["area_id"] = areas[(i["branch_id"], i["area"])] if i["area"] else None
        new = [i for i in items if i["id"] is None]
        upd = [i for i in items if i["id"] is not None]
        person_of_record = dict(w.execute(
            select(model.id, model.person_id).where(model.id.in_([i["id"] for i in upd]))).all()
        ) if upd else {}
        person_ids = _resolve_people(w, [(i["branch_id"], i["person"]) for i in new])
        _update_people(w, [(person_of_record[i["id"]], i["person"]) for i in upd])
        new_ids = w.insert_returning_ids(model, [
            dict(i["values"], branch_id=i["branch_id"], external_id=i["external_id"],
                 person_id=pid, **w.stamp_new) for i, pid in zip(new, person_ids)])
        if upd:
            w.execute(update(model), [dict(i["values"], id=i["id"], **w.stamp_upd) for i in upd])
        self.written(list(zip(new_ids, new)) + [(i["id"], i) for i in upd], upd)
        self.result.created += len(new)
        self.result.updated += len(upd)

    def written(self, records: list[tuple[int, dict]], updated: list[dict]) -> None:
        """What else a kind writes for its records."""


class _WatchUsers(_Enrolments):
    kind, model = "watch-users", WatchUser

    def parse(self, c: RowChecker, row: LedgerRow) -> dict:
        branch_id = c.branch(self.branches)
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
        if not c.ok:
            return {}
        return dict(branch_id=branch_id, external_id=external_id, person=person, area=area,
                    values=dict(enrolled_on=enrolled, enrolled_month=month_key(enrolled),
                                ended_on=ended, ended_month=month_key(ended) if ended else None,
                                end_reason=reason))

    def write(self, items: list[dict], errors: ErrorList) -> None:
        self._check_contacts_within(items, errors)
        super().write(items, errors)

    def _check_contacts_within(self, items: list[dict], errors: ErrorList) -> None:
        """A re-imported watch user's new enrolment must still hold the
        contacts already recorded (enrolled_on <= contacted_on <= ended_on),
        the rule the tallies rely on."""
        ids = [i["id"] for i in items if i["id"] is not None]
        spans = {}
        for part in _slices(ids):
            q = (select(WatchContact.watch_user_id, func.min(WatchContact.contacted_on),
                        func.max(WatchContact.contacted_on))
                 .where(WatchContact.watch_user_id.in_(part))
                 .group_by(WatchContact.watch_user_id))
            spans.update({uid: (first, last) for uid, first, last in self.session.execute(q).all()})
        for i in items:
            span = spans.get(i["id"])
            if span is None:
                continue
            first, last = span
            values = i["values"]
            if values["enrolled_on"] > first:
                errors.append(f"line {i['line']}: enrolled_on: 記録済みの見守り（{first.isoformat()}）"
                              "より後の登録日にはできません")
            if values["ended_on"] and values["ended_on"] < last:
                errors.append(f"line {i['line']}: ended_on: 記録済みの見守り（{last.isoformat()}）"
                              "より前の終了日にはできません")


class _Volunteers(_Enrolments):
    kind, model = "volunteers", Volunteer

    def __init__(self, w: _Writer, today: dt.date) -> None:
        super().__init__(w, today)
        self.roles = _code_table(self.session, Role)

    def parse(self, c: RowChecker, row: LedgerRow) -> dict:
        branch_id = c.branch(self.branches)
        external_id = c.text("external_id", True, 64)
        person = _person_values(
            c.keyed("name", c.text("name", True, 100)), c.kana_text("kana"),
            phone=c.text("phone", max_len=40), address=c.text("address", max_len=200))
        area = c.text("area", max_len=100)
        vkind = c.code("kind", codes.VOLUNTEER_KIND)
        role_codes = c.code_list("roles", self.roles)
        registered = c.date("registered_on", True, not_future=True)
        withdrawn = c.date("withdrawn_on")
        if withdrawn and registered and withdrawn < registered:
            c.fail("withdrawn_on", "退会日が登録日より前です")
        skills = ";".join(s.strip() for s in c.text("skills", max_len=500).split(";") if s.strip())
        fy = c.fiscal_year("insurance_fy")
        if not c.ok:
            return {}
        return dict(branch_id=branch_id, external_id=external_id, person=person, area=area,
                    roles=role_codes, values=dict(
                        kind=vkind, skills=skills, insurance_fy=fy,
                        registered_on=registered, registered_month=month_key(registered),
                        withdrawn_on=withdrawn,
                        withdrawn_month=month_key(withdrawn) if withdrawn else None))

    def written(self, records: list[tuple[int, dict]], updated: list[dict]) -> None:
        if updated:
            self.w.execute(delete(VolunteerRole).where(
                VolunteerRole.volunteer_id.in_([i["id"] for i in updated])))
        self.w.insert_rows(VolunteerRole, [dict(volunteer_id=vid, role_code=r)
                                           for vid, i in records for r in i["roles"]])


# --- watch contacts ------------------------------------------------------------

_CONTACT_FIELDS = ("method", "result", "by_staff", "note", "_vols")


class _WatchContacts(_Job):
    """Contacts have no ID in a ledger, and one user may be contacted
    several times a day by the same method and doer: every line is a
    contact. The lines of one user and day replace what earlier imports
    brought for that user and day (docs/interchange.md, watch-contacts.csv),
    so re-importing a file, or one that repeats its days, doubles nothing.
    A contact entered on screen (imported_at None) is never touched.

    A user's lines may be anywhere in the file, so each chunk's lines are
    first written as new contacts of this import; ``finish`` then goes
    through the users they name, a few at a time: a line equal to an
    earlier imported contact keeps that one as it is (the line's row goes
    again); the other lines take the place of the remaining earlier
    contacts of that user and day one by one (ids stay), or stay added;
    the earlier contacts left over are removed."""

    kind = "watch-contacts"

    def __init__(self, w: _Writer, today: dt.date) -> None:
        super().__init__(w, today)
        self.branches = _branch_map(self.session)
        self.lines_of: dict[int, int] = {}  # watch user id -> lines of this import

    def prepare(self, rows: list[LedgerRow]) -> None:
        # The users and volunteers the chunk names, with their dates.
        users: dict[tuple[int, str], tuple] = {}
        wanted_users: dict[int, set[str]] = {}
        wanted_vols: dict[int, set[str]] = {}
        for row in rows:
            b = self.branches.get(row.values.get("branch_code", ""))
            if b is not None:
                wanted_users.setdefault(b, set()).add(row.values.get("watch_user_id", ""))
                wanted_vols.setdefault(b, set()).update(
                    p.strip() for p in row.values.get("by", "").split(";") if p.strip())
        for b, ext in wanted_users.items():
            for part in _slices(sorted(ext)):
                users.update({(b, e): (i, s, en) for i, e, s, en in self.session.execute(
                    select(WatchUser.id, WatchUser.external_id, WatchUser.enrolled_on,
                           WatchUser.ended_on)
                    .where(WatchUser.branch_id == b, WatchUser.external_id.in_(part))).all()})
        self.users = users
        self.volunteers = {k: v[0] for b, ext in wanted_vols.items()
                           for k, v in _existing_ids(self.session, Volunteer,
                                                     [(b, e) for e in ext]).items()}

    def parse(self, c: RowChecker, row: LedgerRow) -> dict:
        branch_id = c.branch(self.branches)
        user_ext = c.text("watch_user_id", True)
        day = c.date("contacted_on", True, not_future=True)
        method = c.code("method", codes.WATCH_METHOD)
        result = c.code("result", codes.WATCH_RESULT)
        by_text = c.text("by", True)
        note = c.text("note")
        user = None
        if branch_id is not None and user_ext:
            user = self.users.get((branch_id, user_ext))
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
                vid = self.volunteers.get((branch_id, part))
                if vid is None:
                    c.fail("by", f"この支部に登録されていないボランティアIDです（{part}）")
                elif vid not in vol_ids:
                    vol_ids.append(vid)
        if not c.ok:
            return {}
        return dict(branch_id=branch_id, watch_user_id=user[0], contacted_on=day,
                    month=month_key(day), method=method, result=result,
                    by_staff=by_staff, note=note, _vols=tuple(sorted(vol_ids)))

    def write(self, items: list[dict], errors: ErrorList) -> None:
        w = self.w
        clean = lambda p: {k: v for k, v in p.items() if not k.startswith("_") and k != "line"}  # noqa: E731
        ids = w.insert_returning_ids(
            WatchContact, [dict(clean(p), imported_at=w.now, **w.stamp_new) for p in items])
        w.insert_rows(WatchContactVolunteer, [dict(contact_id=cid, volunteer_id=v)
                                              for cid, p in zip(ids, items) for v in p["_vols"]])
        for p in items:
            self.lines_of[p["watch_user_id"]] = self.lines_of.get(p["watch_user_id"], 0) + 1

    def finish(self) -> ImportResult:
        self.result.created = sum(self.lines_of.values())
        batch: list[int] = []
        size = 0
        for uid in sorted(self.lines_of):
            batch.append(uid)
            size += self.lines_of[uid]
            if size >= CHUNK_ROWS:
                self._replace(batch)
                batch, size = [], 0
        if batch:
            self._replace(batch)
        return self.result

    def _contacts(self, user_ids: list[int], *where) -> dict[tuple[int, dt.date], list[dict]]:
        """The imported contacts of these users, by user and day, in id order."""
        imported = (WatchContact.watch_user_id.in_(user_ids), WatchContact.imported_at.is_not(None),
                    *where)
        vols_of: dict[int, list[int]] = {}
        for cid, vid in self.session.execute(
                select(WatchContactVolunteer.contact_id, WatchContactVolunteer.volunteer_id)
                .join(WatchContact, WatchContact.id == WatchContactVolunteer.contact_id)
                .where(*imported)).all():
            vols_of.setdefault(cid, []).append(vid)
        out: dict[tuple[int, dt.date], list[dict]] = {}
        for cid, uid, day, method, result, staff, note in self.session.execute(
                select(WatchContact.id, WatchContact.watch_user_id, WatchContact.contacted_on,
                       WatchContact.method, WatchContact.result, WatchContact.by_staff,
                       WatchContact.note).where(*imported).order_by(WatchContact.id)).all():
            out.setdefault((uid, day), []).append(dict(
                id=cid, method=method, result=result, by_staff=staff, note=note,
                _vols=tuple(sorted(vols_of.get(cid, [])))))
        return out

    def _replace(self, user_ids: list[int]) -> None:
        w = self.w
        # Earlier imported contacts of the days this import names (not the
        # users' whole history: memory stays bounded by this import's lines).
        line = aliased(WatchContact)
        named_day = (select(line.id).where(line.watch_user_id == WatchContact.watch_user_id,
                                           line.contacted_on == WatchContact.contacted_on,
                                           line.imported_at == w.now).exists())
        earlier = {}
        for part in _slices(user_ids):
            earlier.update(self._contacts(part, WatchContact.imported_at != w.now, named_day))
        if not earlier:  # the common first import: every line stays added
            return
        lines = {}
        for part in _slices(sorted({uid for uid, _ in earlier})):
            lines.update(self._contacts(part, WatchContact.imported_at == w.now))
        changed: list[tuple[dict, dict]] = []  # (earlier contact, line)
        dropped: list[int] = []  # rows of lines that an earlier contact stands for
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
                    dropped.append(p["id"])
                    kept += 1
            changed += list(zip(left, rest))
            dropped += [p["id"] for p in rest[:len(left)]]
            removed += [o["id"] for o in left[len(rest):]]
        gone = dropped + removed
        relinked = [o["id"] for o, _ in changed]
        for part in _slices(gone + relinked):
            w.execute(delete(WatchContactVolunteer).where(
                WatchContactVolunteer.contact_id.in_(part)))
        for part in _slices(gone):
            w.execute(delete(WatchContact).where(WatchContact.id.in_(part)))
        if changed:
            w.execute(update(WatchContact), [
                dict(id=o["id"], method=p["method"], result=p["result"], by_staff=p["by_staff"],
                     note=p["note"], imported_at=w.now, **w.stamp_upd) for o, p in changed])
        w.insert_rows(WatchContactVolunteer, [dict(contact_id=o["id"], volunteer_id=v)
                                              for o, p in changed for v in p["_vols"]])
        self.result.created -= kept + len(changed)
        self.result.updated += kept + len(changed)
        self.result.removed += len(removed)


# --- activity groups and events (行事・サロン) ------------------------------------

class _Groups(_Job):
    """groups.csv: a group by external_id in its branch, its area and
    subsidy years (replaced on update). What the file does not carry
    (leaders, pattern, venue, regulars) is kept on update."""

    kind, key_column = "groups", "external_id"

    def __init__(self, w: _Writer, today: dt.date) -> None:
        super().__init__(w, today)
        self.branches = _branch_map(self.session)
        self.kinds = _code_table(self.session, GroupKind)

    def parse(self, c: RowChecker, row: LedgerRow) -> dict:
        branch_id = c.branch(self.branches)
        external_id = c.text("external_id", True, 64)
        name = c.keyed("name", c.text("name", True, 200), 200)
        reading = c.kana_text("kana", 200)
        kind = c.code("kind", self.kinds)
        area = c.text("area", max_len=100)
        started = c.date("started_on", True, not_future=True)
        ended = c.date("ended_on")
        if started and ended and (reason := gatherings.group_period_error(started, ended)):
            c.fail("ended_on", reason)
        years = c.fiscal_years("subsidy_fy")
        if not c.ok:
            return {}
        return dict(branch_id=branch_id, external_id=external_id, area=area, years=years,
                    values=dict(name=name, kana=reading, kana_key=kana.fold(reading or name),
                                kind=kind, started_on=started, started_month=month_key(started),
                                ended_on=ended, ended_month=month_key(ended) if ended else None))

    def existing(self, keys: list) -> dict[Any, tuple[int, Any]]:
        return _existing_ids(self.session, ActivityGroup, keys)

    def write(self, items: list[dict], errors: ErrorList) -> None:
        w = self.w
        self._check_events_within(items, errors)
        areas = w.area_ids({(i["branch_id"], i["area"]) for i in items if i["area"]})
        for i in items:
            i["values"]["area_id"] = areas[(i["branch_id"], i["area"])] if i["area"] else None
        new = [i for i in items if i["id"] is None]
        upd = [i for i in items if i["id"] is not None]
        new_ids = w.insert_returning_ids(ActivityGroup, [
            dict(i["values"], branch_id=i["branch_id"], external_id=i["external_id"],
                 end_reason="", pattern="", venue="", note="", **w.stamp_new) for i in new])
        if upd:
            # An end reason typed on screen goes with the end date it explains.
            w.execute(update(ActivityGroup), [
                dict(i["values"], id=i["id"], **w.stamp_upd,
                     **({} if i["values"]["ended_on"] else {"end_reason": ""})) for i in upd])
            for part in _slices([i["id"] for i in upd]):
                w.execute(delete(GroupSubsidy).where(GroupSubsidy.group_id.in_(part)))
        written = [*zip(new_ids, new), *((i["id"], i) for i in upd)]
        w.insert_rows(GroupSubsidy, [dict(group_id=gid, fiscal_year=y)
                                     for gid, i in written for y in i["years"]])
        self.result.created += len(new)
        self.result.updated += len(upd)

    def _check_events_within(self, items: list[dict], errors: ErrorList) -> None:
        """A re-imported group's new period must still hold the events
        recorded for it (an event's group is active on its day)."""
        spans = {}
        for part in _slices([i["id"] for i in items if i["id"] is not None]):
            spans.update({gid: (first, last) for gid, first, last in self.session.execute(
                select(Event.group_id, func.min(Event.held_on), func.max(Event.held_on))
                .where(Event.group_id.in_(part)).group_by(Event.group_id)).all()})
        for i in items:
            if i["id"] in spans:
                values = i["values"]
                for column, reason in gatherings.group_events_errors(
                        values["started_on"], values["ended_on"], *spans[i["id"]]).items():
                    errors.append(f"line {i['line']}: {column}: {reason}")


class _Events(_Job):
    """events.csv: an event by external_id in its branch. Its group is
    named by the external_id of a group imported into the same branch
    (groups.csv comes first), active on the event's day."""

    kind, key_column = "events", "external_id"

    def __init__(self, w: _Writer, today: dt.date) -> None:
        super().__init__(w, today)
        self.branches = _branch_map(self.session)
        self.kinds = _code_table(self.session, EventKind)
        # The groups a chunk names: by (branch, external_id), and one of
        # another branch by external_id (to say why a line cannot name it).
        self.groups: dict[tuple[int, str], tuple] = {}
        self.elsewhere: dict[str, tuple] = {}

    def prepare(self, rows: list[LedgerRow]) -> None:
        wanted = sorted({r.values.get("group_id", "") for r in rows} - {""})
        self.groups, self.elsewhere = {}, {}
        for part in _slices(wanted):
            for gid, b, ext, name, start, end in self.session.execute(
                    select(ActivityGroup.id, ActivityGroup.branch_id, ActivityGroup.external_id,
                           ActivityGroup.name, ActivityGroup.started_on, ActivityGroup.ended_on)
                    .where(ActivityGroup.external_id.in_(part))).all():
                self.groups[(b, ext)] = (gid, name, start, end)
                self.elsewhere[ext] = (b, start, end)

    def parse(self, c: RowChecker, row: LedgerRow) -> dict:
        branch_id = c.branch(self.branches)
        external_id = c.text("external_id", True, 64)
        held = c.date("held_on", True, not_future=True)
        kind = c.code("kind", self.kinds)
        title = c.text("title", True, 200)
        group_ext = c.text("group_id", max_len=64)
        area = c.text("area", max_len=100)
        note = c.text("note")
        participants = c.integer("participants", required=True)
        volunteers = c.integer("volunteers")
        volunteers = 0 if volunteers is None else volunteers
        reason = None if participants is None else gatherings.participants_error(participants)
        if reason:
            c.fail("participants", reason)
        counted = participants is not None and reason is None
        # Volunteers are held to the participants only when those are good.
        if reason := gatherings.volunteers_error(
                volunteers, participants if counted else gatherings.MAX_PARTICIPANTS):
            c.fail("volunteers", reason)
        group_id = self._group(c, branch_id, group_ext, held) if group_ext else None
        if not c.ok:
            return {}
        return dict(branch_id=branch_id, external_id=external_id, area=area, values=dict(
            held_on=held, month=month_key(held), kind=kind, title=title, group_id=group_id,
            participants=participants, volunteers=volunteers, note=note))

    def _group(self, c: RowChecker, branch_id: int | None, ext: str,
               held: dt.date | None) -> int | None:
        if branch_id is None:
            return None
        found = self.groups.get((branch_id, ext))
        if found is None:
            if ext in self.elsewhere:  # named by its ID only: another branch's records stay unseen
                b, start, end = self.elsewhere[ext]
                c.fail("group_id", gatherings.group_error(b, start, end, ext, branch_id,
                                                          held or start))
            else:
                c.fail("group_id", f"この支部に登録されていないグループIDです（{ext}）")
            return None
        gid, name, start, end = found
        if held is not None and (reason := gatherings.group_error(
                branch_id, start, end, f"{name}（{ext}）", branch_id, held)):
            c.fail("group_id", reason)
        return gid

    def existing(self, keys: list) -> dict[Any, tuple[int, Any]]:
        return _existing_ids(self.session, Event, keys)

    def write(self, items: list[dict], errors: ErrorList) -> None:
        w = self.w
        self._check_attendees_counted(items, errors)
        areas = w.area_ids({(i["branch_id"], i["area"]) for i in items if i["area"]})
        for i in items:
            i["values"]["area_id"] = areas[(i["branch_id"], i["area"])] if i["area"] else None
        new = [i for i in items if i["id"] is None]
        upd = [i for i in items if i["id"] is not None]
        w.insert_rows(Event, [dict(i["values"], branch_id=i["branch_id"],
                                   external_id=i["external_id"], **w.stamp_new) for i in new])
        if upd:
            w.execute(update(Event), [dict(i["values"], id=i["id"], **w.stamp_upd) for i in upd])
        self.result.created += len(new)
        self.result.updated += len(upd)

    def _check_attendees_counted(self, items: list[dict], errors: ErrorList) -> None:
        """A re-imported event's counts must still cover the attendees
        named on screen (a course's certified completion)."""
        named = {}
        for part in _slices([i["id"] for i in items if i["id"] is not None]):
            named.update({eid: (n, vols) for eid, n, vols in self.session.execute(
                select(EventAttendee.event_id, func.count(),
                       func.count(EventAttendee.volunteer_id))
                .where(EventAttendee.event_id.in_(part)).group_by(EventAttendee.event_id)).all()})
        for i in items:
            if i["id"] in named:
                values, (people, volunteers) = i["values"], named[i["id"]]
                if reason := gatherings.attendees_error(values["participants"],
                                                        values["volunteers"], people, volunteers):
                    # the count the reason is about
                    column = "participants" if values["participants"] < people else "volunteers"
                    errors.append(f"line {i['line']}: {column}: {reason}")


_JOBS: dict[str, type[_Job]] = {job.kind: job for job in (
    _Branches, _Consultations, _WatchUsers, _WatchContacts, _Volunteers, _Groups, _Events)}


@contextlib.contextmanager
def _opened(source: Path | bytes | BinaryIO) -> Iterator[BinaryIO]:
    """The file as one open binary handle: every pass reads the same
    handle (the path is opened once: issue 14)."""
    if isinstance(source, bytes):
        yield io.BytesIO(source)
    elif isinstance(source, (str, Path)):
        with open(source, "rb") as f:
            yield f
    else:
        yield source


def _chunks(rows: Iterable[LedgerRow], size: int) -> Iterator[list[LedgerRow]]:
    it = iter(rows)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def import_ledger(db: Database, kind: str, source: Path | bytes | BinaryIO,
                  today: dt.date | None = None, only_branch: str | None = None,
                  chunk_rows: int = CHUNK_ROWS) -> ImportResult:
    """Import one ledger file of ``kind`` (its bytes, a path, or an open
    binary file). Raises LedgerError listing the bad lines; on any error
    nothing is written. ``only_branch``: the signed-in coordinator's
    branch code; the scope is checked on the very rows that are written."""
    if kind not in _JOBS:
        raise LedgerError([f"line 0: KIND: 不明な種類です（{kind}）: {', '.join(KINDS)}"])
    with _opened(source) as f:
        reader = LedgerReader(f, detect_encoding(f), COLUMNS[kind])
        return import_rows(db, kind, reader, today, only_branch, chunk_rows)


def import_rows(db: Database, kind: str, rows: Iterable[LedgerRow],
                today: dt.date | None = None, only_branch: str | None = None,
                chunk_rows: int = CHUNK_ROWS,
                then: Callable[[_Writer, ImportResult], None] | None = None) -> ImportResult:
    """``import_ledger`` for rows already read (the import wizard's, from a
    workbook), with the same rules. ``rows`` is iterated once, and once
    more only when the import is refused, to name the first line of a
    duplicate; an exception it raises rolls everything back. ``then`` runs
    in the transaction after the rows are written (what the caller also
    writes and audits with them)."""
    if kind not in _JOBS:
        raise LedgerError([f"line 0: KIND: 不明な種類です（{kind}）: {', '.join(KINDS)}"])
    column = "code" if kind == "branches" else "branch_code"
    with db.session() as session:
        w = _Writer(db, session)
        job = _JOBS[kind](w, today or clock.today())
        errors = ErrorList()
        # With only_branch (a coordinator's import) a row of another
        # branch, or any branches file, refuses the whole file; those
        # lines alone are named.
        outside = ErrorList()
        if only_branch is not None and kind == "branches":
            outside.append("line 1: -: 支部の登録は管理者だけができます")
        branch_codes: set[str] = set()  # for the audit row
        for chunk in _chunks(rows, chunk_rows):  # the reader raises its own errors at the end
            for r in chunk:
                code = r.values.get(column, "")
                if only_branch is not None and code != only_branch and kind != "branches":
                    outside.append(f"line {r.line}: branch_code: "
                                   f"自分の支部（{only_branch}）以外の行は取り込めません")
                elif not errors and code:
                    branch_codes.add(code)
            if not outside:
                job.chunk(chunk, errors)
        if outside:
            raise outside.refusal()
        if errors:
            job.name_first_lines(errors, rows)
            raise errors.refusal()
        result = job.finish()
        db.audit(session, "import", kind, None,
                 f"created={result.created} updated={result.updated}"
                 + (f" removed={result.removed}" if result.removed else "")
                 + f" branch={','.join(sorted(branch_codes)) or '-'}")
        if then is not None:
            then(w, result)
    return result
