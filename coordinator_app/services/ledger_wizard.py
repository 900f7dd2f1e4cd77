"""The import wizard (issue 20): a branch's own workbooks (.xlsx, .xls,
.csv laid out its own way) into the app, through the contract importer.

The wizard never has rules of its own for what a record may hold: each
workbook row is turned into a contract row (``LedgerRow``: the contract's
column names, codes and date text) by the user's ``WizardSpec`` and fed to
``interchange.importer``, so a workbook is accepted exactly when the same
data as a contract CSV would be. The importer's ``line N: column: reason``
errors are mapped back to the workbook's sheet, row and column letter.

Steps (the screens in ``ui/import_wizard`` call these in order):

1. ``open_source`` (sheets), ``grid`` (the raw cells), ``guess_header_row``;
2. ``propose_mapping`` (contract column -> ``Source``), edited by the user;
3. ``distinct_values`` and ``propose_values`` for the coded columns;
4. ``preview`` (rows as stored, errors per cell); the user fixes the
   workbook and reloads, or excludes listed rows;
5. ``person_matches``: rows that are the same resident (the rule is
   ``PERSON_RULE``), confirmed or split by the user;
6. ``run_import``: one transaction, a backup first, progress and cancel.

A ``WizardSpec`` can be saved under a name (``save_mapping``) for next
month and used by the command line (``import KIND FILE --mapping NAME``).

Column indexes are 0-based everywhere; row numbers are the sheet's own
(1-based, as Excel shows them).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import select

from coordinator_app.core import access, clock, codes, kana
from coordinator_app.core import column_words as words
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.dates import ERAS, DateParseError, parse_date
from coordinator_app.core.models import (
    Branch,
    Category,
    Consultation,
    EventKind,
    GroupKind,
    ImportMapping,
    Person,
    Role,
    Volunteer,
    WatchUser,
)
from coordinator_app.interchange import importer
from coordinator_app.interchange.ledger import ColumnSpec, LedgerError, LedgerRow
from coordinator_app.interchange.workbook import Workbook, WorkbookError, column_letter, kind_of
from coordinator_app.storage.database import Database

# What the user is told decides "the same resident" (step 5).
PERSON_RULE = ("ふりがなと生年月日が同じ人、またはふりがなと電話番号が同じ人を"
               "同一人物の候補として示します（氏名の漢字が違っても候補になります。"
               "同じ氏名でも生年月日が違えば別の人です）")


@dataclass(frozen=True)
class SourceInfo:
    kind: str  # "xlsx" | "csv" | "xls"
    sheets: list[str]  # a CSV has one sheet, named after the file


@dataclass(frozen=True)
class Source:
    """Where one contract column's value comes from.

    - ``column``: the text of ``columns[0]``;
    - ``join``: the texts of ``columns`` joined with ``sep`` (姓+名; empty
      parts left out);
    - ``date``: a date split over columns: ``columns`` is (year, month,
      day) or (era, year, month, day); the year may carry its era itself
      (昭和15, S15) or be a Western year;
    - ``constant``: ``value`` on every row (e.g. the branch code);
    - ``row_id``: ``<sheet>-<row>`` (for a workbook without an ID column;
      not stable when rows are inserted later — the wizard says so).
    An unmapped optional column has no Source (absent from the mapping).
    """

    kind: str
    columns: tuple[int, ...] = ()
    sep: str = ""
    value: str = ""


Mapping = dict[str, Source]  # contract column name -> Source


@dataclass
class WizardSpec:
    """Everything the user chose; what ``save_mapping`` stores (without
    ``path``)."""

    kind: str  # an importer KIND (docs/interchange.md)
    path: Path | None
    sheets: list[str]  # one or more sheets of the same layout
    header_row: int  # 1-based; data rows are below it (blank rows skipped)
    mapping: Mapping
    # contract column -> {text found in the workbook: code}; a text not
    # listed goes to the importer as it is (a code or label is accepted).
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)  # the header row as read, to find it again


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int  # 0 for an error about the whole file
    column_letter: str  # "" when about the whole row
    column: str  # the contract column ("-" for the whole row)
    reason: str


@dataclass
class Preview:
    rows: list[dict]  # the first ``limit`` rows as stored: contract column -> value
    row_refs: list[tuple[str, int]]  # (sheet, row) of each of ``rows``
    errors: list[CellError]  # every bad cell found (the first MAX_ERRORS)
    error_total: int
    total_rows: int  # data rows in the chosen sheets (blank rows not counted)
    bad_rows: set[tuple[str, int]] = field(default_factory=set)


@dataclass(frozen=True)
class RowRef:
    sheet: str
    row: int


@dataclass
class MatchProposal:
    """Rows (and at most one person already in the database) proposed as
    one resident. ``reason`` says which rule matched (shown to the user)."""

    rows: list[RowRef]
    person_id: int | None  # an existing person of the branch, or None
    names: list[str]  # the names as written (rows first, then the person)
    kana: str
    birth_date: dt.date | None
    phone: str
    reason: str


@dataclass
class WizardResult:
    created: int
    updated: int
    merged_people: int
    excluded_rows: list[RowRef]
    backup_path: Path | None
    removed: int = 0

    def summary(self) -> str:
        excluded = f", 除外 {len(self.excluded_rows)} 行" if self.excluded_rows else ""
        merged = f", 同一人物として統合 {self.merged_people} 件" if self.merged_people else ""
        removed = f", 削除 {self.removed} 件" if self.removed else ""
        return f"新規 {self.created} 件, 更新 {self.updated} 件{removed}{merged}{excluded}"


class WizardCancelled(Exception):
    """The user cancelled ``run_import``: nothing was written."""


class WizardRefused(LedgerError):
    """The import was refused: ``cell_errors`` (CellError, the first 50 of
    ``total``); nothing changed. A LedgerError, so every face reports it as
    it reports a refused CSV (the command line with status 2)."""

    def __init__(self, cell_errors: list[CellError], total: int) -> None:
        self.cell_errors = cell_errors[:50]
        super().__init__([describe(e) for e in self.cell_errors], total)


def describe(e: CellError) -> str:
    """A CellError in one line: ``「台帳」5行 C列: birth_date: reason``."""
    where = f"「{e.sheet}」{e.row}行" if e.row else "ファイル"
    letter = f" {e.column_letter}列" if e.column_letter else ""
    return f"{where}{letter}: {e.column}: {e.reason}"


Progress = Callable[[int, int], None]  # (rows done, rows in all)
Cancel = Callable[[], bool]  # True when the user asked to stop


# --- step 1: the file --------------------------------------------------------------

def open_source(path: Path) -> SourceInfo:
    """The file's type (by its content, not only its suffix) and sheets.
    Raises WorkbookError (Japanese message) for a file it cannot read."""
    with Workbook(path) as book:
        return SourceInfo(book.kind, list(book.sheet_names))


def is_workbook(path: Path) -> bool:
    """An .xlsx or .xls file (by its content, whatever its name)."""
    return kind_of(Path(path)) != "csv"


def grid(path: Path, sheet: str, max_rows: int = 50) -> list[list[str]]:
    """The first ``max_rows`` rows of ``sheet`` as cell texts (rows padded to
    one width); a merged cell's text fills its whole span (every row shown
    may be the header)."""
    out: list[list[str]] = []
    with Workbook(path) as book:
        for number, cells in book.sheet(sheet).rows(header_row=max_rows):
            if number > max_rows:
                break
            out.append(cells)
    width = max((len(r) for r in out), default=0)
    return [r + [""] * (width - len(r)) for r in out]


def _is_title(row: list[str]) -> bool:
    return len({c for c in row if c}) <= 1


def guess_header_row(cells: list[list[str]]) -> int:
    """The 1-based row that most likely holds the header: the row whose
    cells name the most contract columns (``core.column_words``), else the
    first row with two different texts (a title row, merged across the
    sheet, has one)."""
    known = _all_words()
    best, best_score = 0, 0
    for i, row in enumerate(cells):
        if _is_title(row):
            continue
        score = sum(1 for c in row if c and (words.normalize(c) in known
                                             or _date_part(words.normalize(c))))
        if score > best_score:
            best, best_score = i + 1, score
    if best:  # a second header row below it (姓/名, 年/月/日) is the one to read
        return best + 1 if best < len(cells) and _header_like(cells[best]) else best
    return next((i + 1 for i, row in enumerate(cells) if not _is_title(row)), 1)


def header_of(cells: list[list[str]], header_row: int) -> list[str]:
    """The header texts of ``header_row`` read with the header row above
    it, when there is one (a two-row header: 生年月日 merged over three
    columns with 年/月/日 below it; 氏名 over 姓/名): a blank cell takes the
    text above it, a bare 年/月/日/元号 is read with it (生年月日年)."""
    row = cells[header_row - 1] if 0 < header_row <= len(cells) else []
    above = cells[header_row - 2] if header_row >= 2 else []
    if _is_title(above):
        above = []
    out = []
    for i, text in enumerate(row):
        up = above[i] if i < len(above) else ""
        n = words.normalize(text)
        if not text and up:
            text = up
        elif n in _PARTS and up and words.normalize(up) not in _PARTS:
            text = up + text
        out.append(text)
    return out


def _header_like(row: list[str]) -> bool:
    """A row of header words only (the second row of a two-row header)."""
    known = _all_words() | set(_PARTS) | set(words.FAMILY_WORDS) | set(words.GIVEN_WORDS)
    filled = [words.normalize(c) for c in row if c]
    return len(filled) >= 2 and all(c in known or _name_part(c) for c in filled)


# --- step 2: columns --------------------------------------------------------------

_NAME_COLUMNS = ("name", "person_name")
_KANA_COLUMNS = ("kana", "person_kana")
_PARTS = {w: part for part, ws in (("era", words.ERA_WORDS), ("year", words.YEAR_WORDS),
                                   ("month", words.MONTH_WORDS), ("day", words.DAY_WORDS))
          for w in ws}
_MULTI = ("categories", "roles", "by", "subsidy_fy")  # ;-separated in the contract


def _columns(kind: str) -> list[ColumnSpec]:
    if kind not in importer.COLUMNS:
        raise ValueError(f"不明な種類です（{kind}）: {', '.join(importer.KINDS)}")
    return importer.COLUMNS[kind]


def _is_date(column: str) -> bool:
    return column.endswith("_on") or column == "birth_date"


def _all_words() -> set[str]:
    found = {words.normalize(w) for ws in words.COLUMN_WORDS.values() for w in ws}
    for specs in importer.COLUMNS.values():
        found.update(words.normalize(s.label) for s in specs)
        found.update(words.normalize(s.name) for s in specs)
    return found


def _words_for(spec: ColumnSpec) -> tuple[set[str], set[str]]:
    """(the kind's own name and label, the synonyms) of a column, normalized."""
    own = {words.normalize(spec.name), words.normalize(spec.label)}
    return own, {words.normalize(w) for w in words.COLUMN_WORDS.get(spec.name, ())} - own


def _date_part(n: str) -> tuple[str, str] | None:
    """("生年月日", "year") for 生年月日年, ("", "day") for 日: the part of a
    date a header names, with the date's own header word."""
    for w, part in _PARTS.items():
        if n == w:
            return "", part
        if n.endswith(w) and len(n) > len(w) and n[:-len(w)] in _all_words():
            return n[:-len(w)], part
    return None


def _name_part(text: str) -> str | None:
    """"family", "given", "kana_family" or "kana_given" for the headers of
    a name (or its reading) written in two columns."""
    raw = "".join(unicodedata.normalize("NFKC", text or "").split())
    n = words.normalize(text)
    reading = any(w in raw for w in ("ふりがな", "フリガナ", "よみ", "ヨミ", "カナ", "かな", "読み"))
    bare = raw.replace("氏名", "")
    if n in {words.normalize(w) for w in words.KANA_FAMILY_WORDS} or (
            reading and any(w in bare for w in ("姓", "氏", "せい", "セイ"))):
        return "kana_family"
    if n in {words.normalize(w) for w in words.KANA_GIVEN_WORDS} or (
            reading and any(w in bare for w in ("名", "めい", "メイ"))):
        return "kana_given"
    if n in words.FAMILY_WORDS:
        return "family"
    if n in words.GIVEN_WORDS:
        return "given"
    return None


def contract_columns(kind: str) -> list[tuple[str, str, bool]]:
    """(name, Japanese label, required) of KIND's contract columns, in
    contract order: the rows of the mapping step."""
    return [(s.name, s.label, s.required) for s in _columns(kind)]


def propose_mapping(kind: str, header: list[str], branch_code: str | None = None) -> Mapping:
    """A Source for each contract column of KIND the header words name
    (synonym table ``core.column_words``): 姓+名 in two columns joined, a
    date over 年/月/日 (and 元号) columns combined, a header cell merged over
    several columns (its text repeated, as ``grid`` gives it) read as one
    field; ``branch_code`` (the coordinator's branch) as a constant when
    no column names the branch. Each sheet column serves one field."""
    specs = _columns(kind)
    norm = [words.normalize(h) for h in header]
    mapping: Mapping = {}
    used: set[int] = set()
    # Runs of one header text: a merged header cell.
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(norm):
        j = i
        while j + 1 < len(norm) and norm[i] and norm[j + 1] == norm[i]:
            j += 1
        runs.append((i, j))
        i = j + 1

    def place(spec: ColumnSpec, cols: list[int]) -> None:
        if _is_date(spec.name) and len(cols) in (3, 4):
            mapping[spec.name] = Source("date", tuple(cols))
        elif len(cols) == 1:
            mapping[spec.name] = Source("column", (cols[0],))
        else:
            sep = ";" if spec.name in _MULTI else words.NAME_SEPARATOR
            mapping[spec.name] = Source("join", tuple(cols), sep=sep)
        used.update(cols)

    for synonyms in (False, True):  # the kind's own words first, then the synonyms
        for start, end in runs:
            if not norm[start] or start in used:
                continue
            for spec in specs:
                own, other = _words_for(spec)
                if spec.name not in mapping and norm[start] in (other if synonyms else own):
                    place(spec, list(range(start, end + 1)))
                    break
    # 姓 + 名, and their readings, in two columns.
    parts = {p: i for i, h in reversed(list(enumerate(header)))
             if i not in used and (p := _name_part(h))}
    for column, (a, b) in (("name", ("family", "given")), ("kana", ("kana_family", "kana_given"))):
        target = next((s.name for s in specs if s.name in (column, "person_" + column)), None)
        if target and target not in mapping and a in parts and b in parts:
            mapping[target] = Source("join", (parts[a], parts[b]), sep=words.NAME_SEPARATOR)
            used.update((parts[a], parts[b]))
    # A date over 年/月/日 columns (元号 before them).
    dates = [s.name for s in specs if _is_date(s.name)]
    for i in range(len(norm) - 2):
        got = [_date_part(n) for n in norm[i:i + 3]]
        if any(g is None for g in got) or [g[1] for g in got] != ["year", "month", "day"] \
                or used & {i, i + 1, i + 2}:
            continue
        cols = [i, i + 1, i + 2]
        era = _date_part(norm[i - 1]) if i > 0 else None
        if era and era[1] == "era" and i - 1 not in used:
            cols.insert(0, i - 1)
        named = got[0][0]
        target = next((d for d in dates if d not in mapping and named and named in (
            set().union(*_words_for(next(s for s in specs if s.name == d))))), None)
        target = target or next((d for d in dates if d not in mapping), None)
        if target:
            mapping[target] = Source("date", tuple(cols))
            used.update(cols)
    if kind != "branches" and "branch_code" not in mapping and branch_code:
        mapping["branch_code"] = Source("constant", value=branch_code)
    return mapping


# --- reading rows through a spec ---------------------------------------------------------

def _date_text(parts: list[str]) -> str:
    """年/月/日 (and 元号) cells as one date text ``parse_date`` reads; a
    part missing makes a text it refuses, naming what was there."""
    parts = [unicodedata.normalize("NFKC", p).strip() for p in parts]
    if not any(parts):
        return ""
    era = parts[0] if len(parts) == 4 else ""
    year, month, day = parts[-3:]
    year, month, day = year.removesuffix("年"), month.removesuffix("月"), day.removesuffix("日")
    m = re.fullmatch(r"(令和|平成|昭和|大正|明治|[RHSTMrhstm])?\.?(元|\d{1,4})", year)
    if m and m.group(1):
        era, year = m.group(1), m.group(2)
    if era:
        for name, letter, _ in ERAS:
            if era in (name, letter, letter.lower()) or era.startswith(name):
                return f"{name}{year}年{month}月{day}日"
        return f"{era}{year}年{month}月{day}日"
    return f"{year}年{month}月{day}日" if len(year) == 4 else f"{year}.{month}.{day}"


def _split_values(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;；、,，/／\n]", text) if p.strip()]


_MEMO_KEPT = 20_000  # conversions remembered at a time (bounded memory)


class _Rows:
    """The data rows of a spec's sheets as contract rows (``LedgerRow``),
    numbered from line 2 (the importer's lines; ``refs[line - 2]`` is the
    sheet row). Iterable again (the importer reads the rows a second time
    to name a duplicate's first line). Blank rows, and rows that repeat
    the header (a header printed on every page), are skipped."""

    def __init__(self, spec: WizardSpec, excluded: set[RowRef] | None = None,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> None:
        self.spec = spec
        self.excluded = excluded or set()
        self.progress, self.cancel = progress, cancel
        self.refs: list[RowRef] = []
        self.passes = 0
        self.total = 0  # rows read (excluded ones too), known once iterated
        self.estimate = 0  # rows in the chosen sheets, from the files' dimensions
        self.maps = {c: {words.value_key(k): v for k, v in m.items()}
                     for c, m in spec.values.items()}
        self.keep: set[RowRef] = set()  # rows whose values ``kept`` holds after iterating
        self.kept: dict[RowRef, dict[str, str]] = {}
        self.memo: dict[tuple, str] = {}  # ``values``' conversions of repeated cell texts

    def __iter__(self) -> Iterator[LedgerRow]:
        first = not self.passes  # progress is for the first pass only
        self.passes += 1
        self.refs = refs = []  # ``ref`` answers for the rows given so far
        total = 0
        excluded, keep = self.excluded, self.keep
        with Workbook(self.spec.path) as book:
            self.estimate = sum(max(book.row_count(name) - self.spec.header_row, 0)
                                for name in self.spec.sheets if name in book.sheet_names)
            for sheet in self.spec.sheets:
                source = book.sheet(sheet)
                header = None
                for number, cells in source.rows(header_row=self.spec.header_row):
                    if number < self.spec.header_row:
                        continue
                    if number == self.spec.header_row:
                        header = cells
                        continue
                    if not any(cells) or cells == header:
                        continue
                    total += 1
                    if self.cancel is not None and total % 500 == 0 and self.cancel():
                        raise WizardCancelled()
                    if self.progress is not None and first and total % 1000 == 0:
                        # 0: not known (a CSV, or a file that understates it)
                        self.progress(total, self.estimate if self.estimate >= total else 0)
                    ref = RowRef(sheet, number)
                    if excluded and ref in excluded:
                        continue
                    refs.append(ref)
                    values = self.values(sheet, number, cells)
                    if keep and ref in keep:
                        self.kept[ref] = values
                    yield LedgerRow(len(refs) + 1, values)
        self.total = total

    def values(self, sheet: str, number: int, cells: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        n = len(cells)
        memo = self.memo  # dates and coded texts repeat: each distinct one converted once
        if len(memo) > _MEMO_KEPT:
            memo.clear()
        for column, src in self.spec.mapping.items():
            kind = src.kind
            if kind == "column":
                i = src.columns[0]
                text = cells[i] if i < n else ""
            elif kind == "join":
                text = src.sep.join(t for t in (cells[i] if i < n else "" for i in src.columns)
                                    if t)
            elif kind == "date":
                parts = tuple(cells[i] if i < n else "" for i in src.columns)
                text = memo.get(parts)
                if text is None:
                    text = memo[parts] = _date_text(list(parts))
            elif kind == "constant":
                text = src.value
            elif kind == "row_id":
                text = f"{sheet}-{number}"
            else:
                raise ValueError(f"不明な割り当てです（{kind}）")
            table = self.maps.get(column)
            if column in _MULTI:  # 、 / , between the values, mapped or not
                table = table or {}
                text = ";".join(table.get(words.value_key(p), p) for p in _split_values(text))
            elif table and text:
                key = (column, text)
                found = memo.get(key)
                if found is None:
                    found = memo[key] = table.get(words.value_key(text), text)
                text = found
            out[column] = text.strip(" \u3000")
        return out

    def ref(self, line: int) -> RowRef | None:
        return self.refs[line - 2] if 2 <= line < len(self.refs) + 2 else None


_LINE = re.compile(r"line (\d+): ([^:]+): (.*)", re.S)


def _cell_errors(spec: WizardSpec, rows: _Rows, texts: list[str]) -> list[CellError]:
    """The importer's ``line N: column: reason`` as sheet, row and column letter."""
    out = []
    for text in texts:
        m = _LINE.match(text)
        if not m:
            out.append(CellError("", 0, "", "-", text))
            continue
        line, column, reason = int(m.group(1)), m.group(2).strip(), m.group(3)
        ref = rows.ref(line)
        src = spec.mapping.get(column)
        letter = ",".join(column_letter(c) for c in src.columns) if src and src.columns else ""
        out.append(CellError(ref.sheet if ref else "", ref.row if ref else 0, letter, column,
                             reason))
    return out


def _unmapped(spec: WizardSpec) -> list[CellError]:
    return [CellError("", 0, "", s.name, f"必須の項目「{s.label}」に列が割り当てられていません")
            for s in _columns(spec.kind) if s.required and s.name not in spec.mapping]


def _only_branch(who: SignedIn | None) -> str | None:
    """The branch a coordinator imports into (None: any, or no accounts)."""
    if who is None:
        return None
    return None if access.check(who, Action.IMPORT) is None else who.branch_code


# --- step 3: values -------------------------------------------------------------------

_FIXED_CODES = {
    ("consultations", "kind"): codes.KIND, ("consultations", "channel"): codes.CHANNEL,
    ("consultations", "from_whom"): codes.FROM_WHOM, ("consultations", "response"): codes.RESPONSE,
    ("watch-users", "end_reason"): codes.END_REASON, ("watch-contacts", "method"): codes.WATCH_METHOD,
    ("watch-contacts", "result"): codes.WATCH_RESULT, ("volunteers", "kind"): codes.VOLUNTEER_KIND,
}
_TABLE_CODES = {("consultations", "categories"): Category, ("volunteers", "roles"): Role,
                ("groups", "kind"): GroupKind, ("events", "kind"): EventKind}


def coded_columns(kind: str) -> list[str]:
    """KIND's contract columns whose values are codes (step 3's list)."""
    coded = {c for k, c in (*_FIXED_CODES, *_TABLE_CODES) if k == kind}
    if kind == "watch-contacts":
        coded.add("by")
    if kind != "branches":
        coded.add("branch_code")
    return [s.name for s in _columns(kind) if s.name in coded]


def code_table(db: Database, kind: str, column: str) -> dict[str, str]:
    """{code: label} the column takes (the configurable ones from the database)."""
    if (kind, column) in _FIXED_CODES:
        return dict(_FIXED_CODES[(kind, column)])
    with db.session() as s:
        if (kind, column) in _TABLE_CODES:
            model = _TABLE_CODES[(kind, column)]
            return dict(s.execute(select(model.code, model.label)).all())
        if column == "branch_code":
            return dict(s.execute(select(Branch.code, Branch.name)).all())
    if column == "by":
        return {codes.BY_STAFF: codes.BY_STAFF_LABEL}
    return {}


def distinct_values(path: Path, sheets: list[str], header_row: int, mapping: Mapping,
                    column: str) -> list[tuple[str, int]]:
    """Every distinct text the mapped ``column`` holds in the data rows,
    with its count, most frequent first (a multi-valued column is split
    at ; 、 , and /)."""
    spec = WizardSpec("", Path(path), list(sheets), header_row, {column: mapping[column]})
    counts: Counter[str] = Counter()
    for row in _Rows(spec):
        text = row.values.get(column, "")
        counts.update(_split_values(text) if column in _MULTI else [text] if text else [])
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def propose_values(db: Database, kind: str, column: str, values: list[str]) -> dict[str, str]:
    """A code for each text that the code table (codes and labels, incl. the
    configurable tables in the database) or the value words
    (``core.column_words.VALUE_WORDS``) recognise; texts it cannot place
    are left out (the user chooses, or the importer names them)."""
    table = code_table(db, kind, column)
    known = {words.value_key(c): c for c in table}
    known.update({words.value_key(label): c for c, label in table.items()})
    guesses = {words.value_key(w): c for w, c in words.VALUE_WORDS.get(column, {}).items()
               if not table or c in table}
    out = {}
    for value in values:
        key = words.value_key(value)
        code = known.get(key) or guesses.get(key)
        if code is None:  # a longer text that holds one word (「訪問・異常なし」 is not guessed)
            hits = {c for w, c in guesses.items() if w and w in key}
            code = hits.pop() if len(hits) == 1 else None
        if code is not None:
            out[value] = code
    return out


# --- step 4: preview ------------------------------------------------------------------

MAX_PREVIEW_ERRORS = 2000


class _Collect:
    """An ``ErrorList`` for the preview: keeps every error up to
    MAX_PREVIEW_ERRORS (the user filters the bad rows), counts all."""

    def __init__(self) -> None:
        self.first: list = []
        self.total = 0

    def append(self, error) -> None:
        self.total += 1
        if len(self.first) < MAX_PREVIEW_ERRORS:
            self.first.append(error)

    def __bool__(self) -> bool:
        return self.total > 0


def _stored(kind: str, values: dict[str, str], tables: dict[str, dict[str, str]]) -> dict:
    """A good row as it will be stored: dates as dates, codes as codes."""
    out: dict = {}
    for column, text in values.items():
        if _is_date(column) and text:
            out[column] = parse_date(text)
        elif column in tables and text:
            found = [codes.code_for(p, tables[column]) or p for p in text.split(";")]
            out[column] = ";".join(found)
        else:
            out[column] = text
    return out


def preview(db: Database, who: SignedIn | None, spec: WizardSpec, limit: int = 200,
            excluded_rows: set[RowRef] | None = None,
            progress: Progress | None = None, cancel: Cancel | None = None) -> Preview:
    """Every row checked with the contract importer's rules (the same
    code: ``_Job.check``), the first ``limit`` good rows as they will be
    stored, and every bad cell by sheet, row and column letter. Writes
    nothing. A coordinator's rows of another branch are errors. Checks
    that need the records written (a re-imported watch user's period
    against its contacts, an event's attendees) are made again by
    ``run_import``, which refuses the file with the same kind of errors."""
    only = _only_branch(who)
    rows = _Rows(spec, excluded_rows, progress, cancel)
    errors = _Collect()
    shown: list[dict] = []
    shown_refs: list[tuple[str, int]] = []
    unmapped = _unmapped(spec)
    tables = {c: code_table(db, spec.kind, c) for c in coded_columns(spec.kind)}
    if not unmapped:
        with db.session() as session:
            job = importer._JOBS[spec.kind](importer._Writer(db, session), clock.today())
            seen: dict = {}
            for chunk in importer._chunks(iter(rows), importer.CHUNK_ROWS):
                mine = []
                for r in chunk:
                    if only is not None and r.values.get("branch_code", "") != only:
                        errors.append(f"line {r.line}: branch_code: "
                                      f"自分の支部（{only}）以外の行は取り込めません")
                    else:
                        mine.append(r)
                by_line = {r.line: r for r in mine}
                for item in job.check(mine, errors):
                    if job.key_column is not None:
                        key = job.key(item)
                        if key in seen:
                            errors.append(f"line {item['line']}: {job.key_column}: "
                                          f"{seen[key]}行目と重複しています")
                            continue
                        seen[key] = item["line"]
                    if len(shown) < limit:
                        shown.append(_stored(spec.kind, by_line[item["line"]].values, tables))
                        ref = rows.ref(item["line"])
                        shown_refs.append((ref.sheet, ref.row))
    else:
        for _ in rows:  # the count of rows, for the summary
            pass
    texts = [e if isinstance(e, str) else e() for e in errors.first]
    cell_errors = unmapped + _cell_errors(spec, rows, texts)
    # "M行目と重複" names an importer line: say the sheet row instead.
    cell_errors = [_row_named(e, rows) for e in cell_errors]
    return Preview(shown, shown_refs, cell_errors, len(unmapped) + errors.total, rows.total,
                   {(e.sheet, e.row) for e in cell_errors if e.row})


_DUP = re.compile(r"(\d+)行目と重複しています")


def _row_named(e: CellError, rows: _Rows) -> CellError:
    m = _DUP.fullmatch(e.reason)
    ref = rows.ref(int(m.group(1))) if m else None
    if ref is None:
        return e
    return CellError(e.sheet, e.row, e.column_letter, e.column,
                     f"「{ref.sheet}」{ref.row}行目と重複しています")


# --- step 5: people ---------------------------------------------------------------------

_PEOPLE_KINDS = {"watch-users": WatchUser, "volunteers": Volunteer}
_PERSON_FIELDS = ("branch_code", "external_id", "name", "kana", "birth_date", "phone")


def _digits(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text or "") if c.isdigit())


def _day(text: str) -> dt.date | None:
    try:
        return parse_date(text) if text else None
    except DateParseError:
        return None


class _Union:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a, b) -> None:
        self.parent[self.find(a)] = self.find(b)


def _matches(db: Database, spec: WizardSpec, rows: _Rows,
             only: str | None) -> list[MatchProposal]:
    entries: dict[RowRef, dict[str, str]] = {}
    for row in rows:
        v = row.values
        if only is not None and v.get("branch_code", "") != only:
            continue  # an error, not a question: and another branch's people stay unseen
        if kana.fold(v.get("kana", "")) and (_day(v.get("birth_date", ""))
                                             or _digits(v.get("phone", ""))):
            entries[rows.ref(row.line)] = {k: v.get(k, "") for k in _PERSON_FIELDS}
    if not entries:
        return []
    u = _Union()
    keys_of: dict[tuple, str] = {}  # match key -> which rule
    linked: dict[tuple, int] = {}  # match key -> rows and people that have it
    with db.session() as s:
        branch_ids = dict(s.execute(select(Branch.code, Branch.id)).all())
        wanted: dict[int, set[str]] = {}
        own: dict[tuple[int, str], int] = {}  # (branch, external_id) -> the record's person
        for ref, v in entries.items():
            b = branch_ids.get(v.get("branch_code", ""))
            if b is None:
                continue
            k = kana.fold(v["kana"])
            wanted.setdefault(b, set()).add(k)
            for rule, value in (("birth", _day(v.get("birth_date", ""))),
                                ("phone", _digits(v.get("phone", "")))):
                if value:
                    key = (rule, b, k, value)
                    keys_of[key] = rule
                    linked[key] = linked.get(key, 0) + 1
                    u.join(("row", ref), key)
        people: dict[int, tuple] = {}
        model = _PEOPLE_KINDS[spec.kind]
        for b, ks in wanted.items():
            for part in importer._slices(sorted(ks)):
                for pid, name, kk, birth, phone in s.execute(
                        select(Person.id, Person.name, Person.kana_key, Person.birth_date, Person.phone)
                        .where(Person.branch_id == b, Person.kana_key.in_(part))).all():
                    for rule, value in (("birth", birth), ("phone", _digits(phone))):
                        if value and (rule, b, kk, value) in keys_of:
                            u.join(("person", pid), (rule, b, kk, value))
                            linked[(rule, b, kk, value)] += 1
                            people[pid] = (name, birth, phone)
            exts = sorted({v.get("external_id", "") for v in entries.values()
                           if branch_ids.get(v.get("branch_code", "")) == b} - {""})
            for part in importer._slices(exts):
                own.update({(b, e): p for e, p in s.execute(
                    select(model.external_id, model.person_id)
                    .where(model.branch_id == b, model.external_id.in_(part))).all()})
    groups: dict = {}
    rules_of: dict = {}  # root -> the rules that joined two of its members
    for node in list(u.parent):
        if node[0] in ("row", "person"):
            groups.setdefault(u.find(node), []).append(node)
        elif linked[node] > 1:
            rules_of.setdefault(u.find(node), set()).add(keys_of[node])
    proposals = []
    for members in groups.values():
        refs = sorted((n[1] for n in members if n[0] == "row"), key=lambda r: (
            spec.sheets.index(r.sheet) if r.sheet in spec.sheets else 0, r.row))
        pids = sorted(n[1] for n in members if n[0] == "person")
        # A row whose record (same ID) is already this person is not a new question.
        identities = set(pids)
        new_rows = 0
        for r in refs:
            v = entries[r]
            had = own.get((branch_ids.get(v.get("branch_code", "")), v.get("external_id", "")))
            identities.add(had or ("row", r))
            new_rows += had is None
        # Rows that all have their records already were settled when they
        # first came (the user's merge or split stands).
        if not new_rows or len(identities) < 2:
            continue
        first = entries[refs[0]]
        rules = rules_of.get(u.find(members[0]), set())
        reason = "・".join(t for r, t in (("birth", "ふりがなと生年月日が同じ"),
                                          ("phone", "ふりがなと電話番号が同じ")) if r in rules)
        names = list(dict.fromkeys([entries[r].get("name", "") for r in refs]
                                   + [people[p][0] for p in pids]))
        proposals.append(MatchProposal(refs, pids[0] if pids else None, names, first.get("kana", ""),
                                       _day(first.get("birth_date", "")), first.get("phone", ""),
                                       reason))
    return sorted(proposals, key=lambda p: (spec.sheets.index(p.rows[0].sheet)
                                            if p.rows[0].sheet in spec.sheets else 0, p.rows[0].row))


def person_matches(db: Database, who: SignedIn | None, spec: WizardSpec,
                   excluded_rows: set[RowRef] | None = None) -> list[MatchProposal]:
    """Rows that are the same resident as a person already in the branch
    or as other rows, by ``PERSON_RULE`` (same reading and birth date, or
    same reading and phone), for the kinds whose rows are people (watch
    users, volunteers). A row re-imported with its ID is its record's
    person already: only groups with a new row are proposed."""
    only = _only_branch(who)
    if spec.kind not in _PEOPLE_KINDS:
        return []
    return _matches(db, spec, _Rows(spec, excluded_rows), only)


# --- step 6: import -----------------------------------------------------------------------

def _runs(numbers: list[int]) -> str:
    """5,6,7,9 -> "5-7,9"."""
    out, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ",".join(out)


def _audit_rows(db: Database, session, action: str, entity: str, spec: WizardSpec,
                refs: list[RowRef], head: str, entity_id: int | None = None) -> None:
    """Audit rows as sheet numbers (1-based, as chosen) and row runs, split
    over as many entries as the 200-character detail needs (sheet names
    are not written: they may name a person)."""
    by_sheet: dict[int, list[int]] = {}
    for r in refs:
        by_sheet.setdefault(spec.sheets.index(r.sheet) + 1, []).append(r.row)
    parts = [f"sheet{n}:{_runs(sorted(rows))}" for n, rows in sorted(by_sheet.items())]
    line = head
    for part in parts:
        if len(line) + len(part) + 1 > 200:
            db.audit(session, action, entity, entity_id, line)
            line = head
        line += " " + part
    db.audit(session, action, entity, entity_id, line)


def _settle_people(w, spec: WizardSpec, rows: _Rows, proposals: list[MatchProposal],
                   merges: list[MatchProposal]) -> int:
    """Make each proposal the user confirmed one person, and each one they
    did not confirm as many people as it has rows (the importer's own rule
    may have made rows of the same name one person). Returns the number of
    people merged away. People this import created and no longer needed
    are removed (they held nothing else yet)."""
    from sqlalchemy import delete, update

    if not proposals:
        return 0
    session, db = w.session, w.db
    model = _PEOPLE_KINDS[spec.kind]
    table = model.__table__
    # A record edited on screen carries a version (migration 0019): a
    # changed person is a change a form opened before must hear of.
    stamp = dict(w.stamp_upd, **({"version": table.c.version + 1} if "version" in table.c else {}))
    confirmed = {tuple(p.rows) for p in merges}
    branch_ids = dict(session.execute(select(Branch.code, Branch.id)).all())
    values_of = {ref: rows.kept[ref] for p in proposals for ref in p.rows if ref in rows.kept}
    record: dict[RowRef, tuple[int, int]] = {}  # row -> (record id, person id)
    for ref, v in values_of.items():
        found = session.execute(select(model.id, model.person_id).where(
            model.branch_id == branch_ids.get(v.get("branch_code", "")),
            model.external_id == v.get("external_id", ""))).first()
        if found:
            record[ref] = tuple(found)
    dropped: set[int] = set()
    merged = 0
    for p in proposals:
        refs = [r for r in p.rows if r in record]
        if not refs:
            continue
        if tuple(p.rows) in confirmed:
            target = p.person_id or record[refs[0]][1]
            moved = {record[r][1] for r in refs} - {target}
            for r in refs:
                if record[r][1] != target:
                    session.execute(update(model).where(model.id == record[r][0])
                                    .values(person_id=target, **stamp))
            dropped |= moved
            merged += len(moved)
            _audit_rows(db, session, "import_merge", "person", spec, refs,
                        f"kind={spec.kind} merged={len(moved)}", target)
        else:
            taken = {p.person_id} if p.person_id else set()
            split = []
            for r in refs:
                pid = record[r][1]
                if pid not in taken:
                    taken.add(pid)
                    continue
                v = values_of[r]
                area = session.execute(select(Person.area_id).where(Person.id == pid)).scalar()
                new_id = w.insert_returning_ids(Person, [dict(
                    branch_id=branch_ids[v["branch_code"]], area_id=area, **w.stamp_new,
                    **importer._person_values(v.get("name", ""), v.get("kana", ""),
                                              birth_date=_day(v.get("birth_date", "")),
                                              phone=v.get("phone", ""),
                                              address=v.get("address", "")))])[0]
                session.execute(update(model).where(model.id == record[r][0])
                                .values(person_id=new_id, **stamp))
                split.append(r)
            if split:
                _audit_rows(db, session, "import_split", "person", spec, split,
                            f"kind={spec.kind} split={len(split)}")
    for pid in sorted(dropped):  # only a person this import made, now named by nothing
        created = session.execute(select(Person.created_at).where(Person.id == pid)).scalar()
        if not w.mine(created):
            continue
        if any(session.execute(select(m.id).where(m.person_id == pid).limit(1)).first()
               for m in (Consultation, WatchUser, Volunteer)):
            continue
        session.execute(delete(Person).where(Person.id == pid))
    return merged


def _backup(db: Database):
    """(the copy taken now or None, the copy that is the way back or None):
    a new one unless nothing changed since the newest (one on PostgreSQL
    is the server's, none here)."""
    from coordinator_app.services import backups

    if db.path is None:
        return None, None
    newest = backups.list_backups(db.path)
    if newest and not backups.changed_since(db, newest[0].path):
        return None, newest[0].path
    taken = backups.make_backup(db, "before-import", audited=False)
    return taken, taken.path if taken else None


def run_import(db: Database, who: SignedIn | None, spec: WizardSpec,
               excluded_rows: set[RowRef] | None = None,
               merges: list[MatchProposal] | None = None,
               progress: Progress | None = None, cancel: Cancel | None = None) -> WizardResult:
    """Import the workbook: a backup first (the way back: restoring it
    undoes the whole import), then one transaction through the contract
    importer; ``merges`` are the ``person_matches`` proposals the user
    confirmed (each becomes one person; the others stay separate people);
    the ``excluded_rows`` are left out. Any bad row refuses the whole
    import (WizardRefused, a LedgerError, with CellErrors) and a cancel
    (WizardCancelled) changes nothing. Exclusions and merges are audited
    (sheet numbers, rows and counts, no names)."""
    from coordinator_app.services import backups
    from coordinator_app.services.imports import retry_busy

    only = _only_branch(who)
    excluded = set(excluded_rows or ())
    unmapped = _unmapped(spec)
    if unmapped:
        raise WizardRefused(unmapped, len(unmapped))
    proposals = person_matches(db, who, spec, excluded) if spec.kind in _PEOPLE_KINDS else []
    rows = _Rows(spec, excluded, progress, cancel)
    rows.keep = {r for p in proposals for r in p.rows}
    outcome: dict[str, int] = {}

    def then(w, result) -> None:
        outcome["merged"] = _settle_people(w, spec, rows, proposals, list(merges or ()))
        if excluded:
            _audit_rows(db, w.session, "import_exclude", spec.kind, spec,
                        sorted(excluded, key=lambda r: (spec.sheets.index(r.sheet), r.row)),
                        f"excluded={len(excluded)}")
        if progress is not None:
            progress(rows.total, rows.total)
        # The last look before the commit: a small book (under one
        # progress step) is still cancellable until here.
        if cancel is not None and cancel():
            raise WizardCancelled()

    taken, way_back = _backup(db)
    try:
        result = retry_busy(lambda: importer.import_rows(db, spec.kind, rows, only_branch=only,
                                                         then=then))
    except LedgerError as exc:
        if taken is not None:
            backups.discard_backup(taken)
        if isinstance(exc, WizardRefused):
            raise
        found = [_row_named(e, rows) for e in _cell_errors(spec, rows, exc.errors)]
        raise WizardRefused(found, exc.total) from None
    except BaseException:
        if taken is not None:
            backups.discard_backup(taken)
        raise
    return WizardResult(result.created, result.updated, outcome.get("merged", 0),
                        sorted(excluded, key=lambda r: (spec.sheets.index(r.sheet), r.row)),
                        way_back, result.removed)


def contract_spec(kind: str, path: Path, sheet: str | None = None) -> WizardSpec:
    """A workbook laid out as the contract's CSV (row 1 the header, in
    column names or labels): each column read as it is. Unknown columns
    are refused, as in a CSV."""
    with Workbook(path) as book:
        name = sheet or book.sheet_names[0]
        header = next((cells for _, cells in book.sheet(name).rows(header_row=1)), [])
    by_word = {}
    for s in _columns(kind):
        by_word[s.name] = by_word[s.label] = s.name
    mapping: Mapping = {}
    bad = []
    for i, text in enumerate(header):
        column = by_word.get(text.strip())
        if column is None or column in mapping:
            if text.strip():
                bad.append(CellError(name, 1, column_letter(i), text.strip(),
                                     "不明な列です" if column is None else "列が重複しています"))
            continue
        mapping[column] = Source("column", (i,))
    if bad:
        raise WizardRefused(bad, len(bad))
    return WizardSpec(kind, Path(path), [name], 1, mapping, header=header)


def import_file(db: Database, who: SignedIn | None, kind: str, path: Path,
                sheet: str | None = None, mapping: str | None = None) -> WizardResult:
    """``import KIND FILE [--sheet NAME] [--mapping NAME]``: a workbook (or
    CSV) read through the saved mapping ``mapping`` (its header row found
    again if a title row came or went), or, without one, a workbook laid
    out as the contract's CSV (``contract_spec``). Same rules, backup and
    audit as the wizard."""
    if mapping is None:
        spec = contract_spec(kind, Path(path), sheet)
    else:
        spec = load_mapping(db, mapping, Path(path))
        if spec.kind != kind:
            raise MappingNotFound(f"割り当て「{mapping}」は {spec.kind} の台帳用です（{kind} ではありません）")
        if sheet is not None:
            spec = replace(spec, sheets=[sheet])
        elif open_source(spec.path).kind == "csv":
            spec = replace(spec, sheets=open_source(spec.path).sheets)  # named after the file
        spec = find_header(spec)
    return run_import(db, who, spec)


def find_header(spec: WizardSpec, rows: int = 30) -> WizardSpec:
    """``spec`` with its header row moved to where its saved header is in
    this month's file (a title row added or removed); refused when the
    header is not found in the first ``rows`` rows of its first sheet."""
    cells = grid(spec.path, spec.sheets[0], rows)
    want = [words.normalize(h) for h in spec.header]
    while want and not want[-1]:
        want.pop()
    for n in [spec.header_row, *range(1, len(cells) + 1)]:
        got = [words.normalize(h) for h in header_of(cells, n)] if n <= len(cells) else []
        while got and not got[-1]:
            got.pop()
        if got == want:
            return replace(spec, header_row=n)
    raise WorkbookError(f"シート「{spec.sheets[0]}」に保存した割り当ての見出し行が見つかりません"
                        "（列の並びが変わったときは、取り込みウィザードで割り当てを作り直してください）")


# --- saved mappings ------------------------------------------------------------------------

def _to_json(spec: WizardSpec) -> str:
    return json.dumps(dict(
        kind=spec.kind, sheets=spec.sheets, header_row=spec.header_row, header=spec.header,
        values=spec.values,
        mapping={c: dict(kind=s.kind, columns=list(s.columns), sep=s.sep, value=s.value)
                 for c, s in spec.mapping.items()}), ensure_ascii=False)


def _from_json(text: str, path: Path | None) -> WizardSpec:
    d = json.loads(text)
    mapping = {c: Source(s["kind"], tuple(s["columns"]), s.get("sep", ""), s.get("value", ""))
               for c, s in d["mapping"].items()}
    return WizardSpec(d["kind"], path, list(d["sheets"]), int(d["header_row"]), mapping,
                      {c: dict(m) for c, m in d.get("values", {}).items()}, list(d.get("header", [])))


def save_mapping(db: Database, who: SignedIn | None, name: str, spec: WizardSpec) -> None:
    """Store ``spec`` (without its path) under ``name`` (a name saved again
    is replaced). Those who may import may save. Audited."""
    if who is not None:
        access.check(who, Action.IMPORT)
    name = name.strip()
    if not name or len(name) > 100:
        raise ValueError("割り当ての名前を100文字以内で入力してください")
    with db.session() as s:
        found = s.execute(select(ImportMapping).where(ImportMapping.name == name)).scalar_one_or_none()
        if found is None:
            found = ImportMapping(name=name, kind=spec.kind, created_by=db.actor)
        found.kind, found.spec = spec.kind, _to_json(spec)
        found.updated_at, found.updated_by = clock.utcnow(), db.actor
        s.add(found)
        s.flush()
        db.audit(s, "save_mapping", "import_mapping", found.id, f"kind={spec.kind}")


def mapping_names(db: Database, kind: str | None = None) -> list[str]:
    """The saved mapping names (of ``kind``), in name order."""
    q = select(ImportMapping.name).order_by(ImportMapping.name)
    if kind is not None:
        q = q.where(ImportMapping.kind == kind)
    with db.session() as s:
        return list(s.execute(q).scalars())


class MappingNotFound(LookupError):
    """No saved mapping has the name asked for (the message says so)."""


def load_mapping(db: Database, name: str, path: Path | None = None) -> WizardSpec:
    """The saved spec ``name`` (``path`` set to the given file). Raises
    MappingNotFound when no mapping has that name."""
    with db.session() as s:
        text = s.execute(select(ImportMapping.spec).where(ImportMapping.name == name)).scalar()
    if text is None:
        raise MappingNotFound(f"保存した割り当て「{name}」はありません"
                              "（取り込みウィザードで保存した名前を指定してください）")
    return _from_json(text, Path(path) if path is not None else None)
