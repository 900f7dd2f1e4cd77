"""集約: the city office collects the branches' tally files. Qt-free.

Received files are stored figure by figure (``tally_file`` /
``tally_file_row``). For each branch × month the consolidated figures come
from one file:

- A file's figures for a month are **final** when the file was received
  after that month ended; figures of a month still running when the file
  came are **provisional** and give way to any later file without asking;
  a file says nothing about months that had not begun when it came (a
  year file lists all twelve months), nor about months it does not list
  (a one-month file, ``export tallies --month``).
- A measure with no row at all for a branch × month (a file written
  before the measure existed) is **not reported** there: left out of the
  figures and shown as 未報告, never counted as 0. A later file with the
  same figures that also reports it takes the earlier one's place without
  asking: it only fills in what was not reported.
- Two final files with different figures for the same branch × month are a
  **conflict**: the earlier figures stay in force until a person chooses
  which file wins (``choose``, audited). A file arriving after a choice and
  disagreeing with it reopens the conflict. Identical figures are no
  conflict.

On a server database (issue 21: every branch's records in one
PostgreSQL) a branch whose records are in the database is counted **live**
from them (``counting.compute``), month by month as it goes: no file
needed. Branches that stay on their own SQLite still send files. A file
received for a live branch is not used for it (the records it was made
from are right here, and newer): it is kept and listed, and the receipt
says that its figures for that branch are left aside — never a conflict
to decide, never a double count.

City-office staff and administrators only: coordinators send files, they
do not consolidate them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from sqlalchemy import delete, exists, or_, select

from coordinator_app.core import access, clock, codes, counting
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.dates import month_last_day
from coordinator_app.core.models import (
    Branch,
    TallyChoice,
    TallyFile,
    TallyFileRow,
)
from coordinator_app.interchange import tally_file
from coordinator_app.services import accounts
from coordinator_app.storage.database import Database

STATE_LABELS = {
    "received": "受信",
    "chosen": "選択済",
    "conflict": "食い違い",
    "provisional": "暫定",
    "missing": "未着",
    "future": "",
    "live": "直接",  # a month counted from the server's records (see SOURCE_LABELS)
}
# Where a branch's consolidated figures come from (``Matrix.sources``).
SOURCE_LABELS = {"live": "直接（サーバー）", "file": "ファイル"}


@dataclass(frozen=True)
class ReceivedFile:
    id: int
    file_name: str
    fiscal_year: int
    received_at: dt.datetime
    received_by: str  # the login
    branch_codes: tuple[str, ...]
    row_count: int
    received_by_name: str = ""  # the account's display name


@dataclass(frozen=True)
class Candidate:
    """One file's figures for a branch × month."""

    file_id: int
    file_name: str
    received_at: dt.datetime
    totals: dict[str, int]  # measure → total; a measure not reported is absent


@dataclass(frozen=True)
class Conflict:
    """Final files that disagree on a branch × month; ``current_file_id``
    is the file whose figures are in force until someone chooses."""

    fiscal_year: int
    branch_code: str
    month: int  # YYYYMM
    candidates: tuple[Candidate, ...]
    current_file_id: int


@dataclass(frozen=True)
class Cell:
    state: str  # received | chosen | conflict | provisional | missing | future | live
    file_id: int | None = None
    file_names: tuple[str, ...] = ()
    unreported: tuple[str, ...] = ()  # measures the file in force does not report

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass
class Matrix:
    """Branches × the fiscal year's months."""

    fiscal_year: int
    branches: list[tuple[str, str]]  # (code, name)
    months: list[int]
    cells: dict[tuple[str, int], Cell]
    last_received: dict[str, dt.datetime] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # code → live | file

    def count(self, state: str) -> int:
        return sum(1 for c in self.cells.values() if c.state == state)


@dataclass(frozen=True)
class ReceiveResult:
    files: list[ReceivedFile]
    errors: list[str]  # one Japanese line per refused file
    duplicates: list[str]  # file names whose exact content was already received
    conflicts: list[Conflict]  # open conflicts involving the new files
    # One Japanese line per new file whose figures for a live branch are
    # left aside (that branch is counted from its records).
    set_aside: list[str] = field(default_factory=list)


# --- receiving ------------------------------------------------------------------

def receive_files(db: Database, user: SignedIn, paths: Iterable[Path],
                  now: dt.datetime | None = None) -> ReceiveResult:
    """Validate each file against the contract (``tally_file.parse_csv``) and
    store the valid ones, in one transaction. A bad file is refused whole
    and named in ``errors``; the other files are still received. Each file
    is read once: the bytes checked are the bytes stored."""
    access.check(user, Action.CONSOLIDATE)
    now = now or clock.utcnow()
    parsed: list[tuple[Path, bytes, list[counting.TallyRow]]] = []
    errors: list[str] = []
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
            rows = tally_file.parse_csv(data, path.name)
        except tally_file.TallyError as exc:
            errors.append(str(exc))
            continue
        except OSError as exc:
            errors.append(f"{path.name}: 読み込めません（{exc.strerror or exc}）")
            continue
        parsed.append((path, data, rows))
    stored: list[ReceivedFile] = []
    duplicates: list[str] = []
    with db.session() as s:
        for path, data, rows in parsed:
            digest = hashlib.sha256(data).hexdigest()
            if s.scalar(select(TallyFile.id).where(TallyFile.digest == digest)):
                duplicates.append(path.name)
                continue
            record = TallyFile(file_name=path.name[:255], fiscal_year=rows[0].fiscal_year,
                               received_at=now, received_by=db.actor, digest=digest,
                               row_count=len(rows))
            s.add(record)
            s.flush()
            s.add_all([TallyFileRow(file_id=record.id, branch_code=r.branch_code,
                                    month=_month_int(r.month), measure=r.measure,
                                    breakdown=r.breakdown, breakdown_key=r.key, count=r.count)
                       for r in rows])
            branch_codes = tuple(sorted({r.branch_code for r in rows}))
            db.audit(s, "receive", "tally_file", record.id,
                     f"fy={record.fiscal_year} branches={','.join(branch_codes)} rows={len(rows)}")
            stored.append(ReceivedFile(record.id, record.file_name, record.fiscal_year, now,
                                       db.actor, branch_codes, len(rows)))
        s.flush()
        new_ids = {f.id for f in stored}
        conflicts = []
        for fy in sorted({f.fiscal_year for f in stored}):
            state = _State.load(s, fy)
            conflicts += [c for c in state.conflicts()
                          if new_ids & {cand.file_id for cand in c.candidates}]
        live = live_branches(s) if stored else set()
    set_aside = [f"{f.file_name}: 支部 {'・'.join(sorted(live & set(f.branch_codes)))} は"
                 "サーバーの記録から直接集計しているため、このファイルのその支部の数字は使いません"
                 for f in stored if live & set(f.branch_codes)]
    return ReceiveResult(stored, errors, duplicates, conflicts, set_aside)


def live_branches(s) -> set[str]:
    """The branches counted live: on a server database, those with any
    record in it. A SQLite file is one branch's own (or the city office's
    collection of files): never live."""
    if s.get_bind().dialect.name == "sqlite":
        return set()
    if counting.figures_only(s):  # city staff: the same test, as a figures view
        return counting.live_branch_codes(s)
    has_records = or_(*(exists().where(t.branch_id == Branch.id)
                        for t in counting.LIVE_RECORD_TABLES))
    return set(s.scalars(select(Branch.code).where(has_records)))


def _local_day(at: dt.datetime) -> dt.date:
    """The local calendar day of a stored UTC time (a file received at
    08:00 on 1 April in Japan was received after March ended)."""
    return at.replace(tzinfo=dt.timezone.utc).astimezone().date()


def _month_int(text: str) -> int:
    y, m = text.split("-")
    return int(y) * 100 + int(m)


# --- the state of a fiscal year -----------------------------------------------------

class _State:
    """Everything received for one fiscal year, with the rules above."""

    def __init__(self, fy: int, files: dict[int, TallyFile],
                 figures: dict[tuple[int, str, int], dict[tuple[str, str, str], int]],
                 choices: dict[tuple[str, int], TallyChoice],
                 live: set[str] | None = None) -> None:
        self.fy = fy
        self.files = files
        self.live = live or set()  # branches counted from the records, not files
        self.figures = figures  # (file_id, branch, month) → {(measure, breakdown, key): n}
        self.choices = choices
        self.by_bm: dict[tuple[str, int], list[int]] = {}
        for file_id, branch, month in figures:
            self.by_bm.setdefault((branch, month), []).append(file_id)
        for ids in self.by_bm.values():
            ids.sort(key=lambda i: (files[i].received_at, i))

    @classmethod
    def load(cls, s, fy: int) -> "_State":
        files = {f.id: f for f in s.scalars(select(TallyFile).where(TallyFile.fiscal_year == fy))}
        figures: dict[tuple[int, str, int], dict[tuple[str, str, str], int]] = {}
        if files:
            q = select(TallyFileRow).where(TallyFileRow.file_id.in_(list(files)))
            for r in s.scalars(q):
                figures.setdefault((r.file_id, r.branch_code, r.month), {})[
                    (r.measure, r.breakdown, r.breakdown_key)] = r.count
        choices = {(c.branch_code, c.month): c for c in
                   s.scalars(select(TallyChoice).where(TallyChoice.fiscal_year == fy))}
        return cls(fy, files, figures, choices, live_branches(s))

    def _content(self, file_id: int, branch: str, month: int) -> frozenset:
        # Breakdown rows of 0 may be left out of a file: compare non-zero figures.
        return frozenset((k, n) for k, n in self.figures[(file_id, branch, month)].items() if n)

    def _final(self, file_id: int, month: int) -> bool:
        return _local_day(self.files[file_id].received_at) > month_last_day(month // 100, month % 100)

    def _covers(self, file_id: int, month: int) -> bool:
        """A file received before a month began says nothing about it."""
        return _local_day(self.files[file_id].received_at) >= dt.date(month // 100, month % 100, 1)

    def resolve(self, branch: str, month: int) -> tuple[str, int | None, list[int]]:
        """(state, file in force, final files) for one branch × month."""
        if branch in self.live:
            return "live", None, []
        ids = [i for i in self.by_bm.get((branch, month), []) if self._covers(i, month)]
        final = [i for i in ids if self._final(i, month)]
        if not final:
            if ids:
                return "provisional", ids[-1], []
            return "missing", None, []
        choice = self.choices.get((branch, month))
        if choice is not None and choice.file_id in final:
            later = [i for i in final if self.files[i].received_at > choice.chosen_at]
            chosen = self._most_complete(choice.file_id, later, branch, month)
            differ = [i for i in later if self._differs(i, chosen, branch, month)]
            return ("conflict" if differ else "chosen"), chosen, final
        first = self._most_complete(final[0], final[1:], branch, month)
        if any(self._differs(i, first, branch, month) for i in final):
            return "conflict", first, final
        return "received", first, final

    def _measures(self, file_id: int, branch: str, month: int) -> set[str]:
        return {m for m, _, _ in self.figures[(file_id, branch, month)]}

    def _extends(self, newer: int, older: int, branch: str, month: int) -> bool:
        """``newer`` reports every measure ``older`` does, with the same
        figures, and more (the same month sent again by a branch whose app
        now counts 行事・サロン): it only fills what was 未報告."""
        old = self._measures(older, branch, month)
        if not old < self._measures(newer, branch, month):
            return False
        return ({(k, n) for k, n in self._content(newer, branch, month) if k[0] in old}
                == self._content(older, branch, month))

    def _most_complete(self, current: int, others: list[int], branch: str, month: int) -> int:
        """The file in force after ``others`` (in order of receipt): each one
        that extends it takes its place without asking."""
        for i in others:
            if self._extends(i, current, branch, month):
                current = i
        return current

    def _differs(self, file_id: int, current: int, branch: str, month: int) -> bool:
        """A conflict with the file in force: other figures, not merely fewer
        measures reported."""
        return (self._content(file_id, branch, month) != self._content(current, branch, month)
                and not self._extends(current, file_id, branch, month))

    def conflicts(self) -> list[Conflict]:
        out = []
        for (branch, month) in sorted(self.by_bm):
            state, current, final = self.resolve(branch, month)
            if state != "conflict":
                continue
            seen: set[frozenset] = set()
            candidates = []
            for i in final:
                content = self._content(i, branch, month)
                if content in seen and i != current:
                    continue
                seen.add(content)
                f = self.figures[(i, branch, month)]
                totals = {m: n for (m, b, _), n in f.items() if b == "total"}
                candidates.append(Candidate(i, self.files[i].file_name, self.files[i].received_at,
                                            totals))
            out.append(Conflict(self.fy, branch, month, tuple(candidates), current))
        return out

    def unreported(self, file_id: int, branch: str, month: int) -> tuple[str, ...]:
        """The measures a file does not report for a branch × month."""
        reported = self._measures(file_id, branch, month)
        return tuple(m for m in codes.MEASURES if m not in reported)

    def rows(self, branch_codes: set[str] | None = None) -> list[counting.TallyRow]:
        """The figures in force from files (live branches: none)."""
        out = []
        for (branch, month) in self.by_bm:
            if branch_codes is not None and branch not in branch_codes:
                continue
            _, file_id, _ = self.resolve(branch, month)
            if file_id is None:
                continue
            for (measure, breakdown, key), n in self.figures[(file_id, branch, month)].items():
                out.append(counting.TallyRow(self.fy, counting.month_text(month), branch, measure,
                                            breakdown, key, n))
        out.sort(key=counting.sort_key)
        return out


# --- reading ------------------------------------------------------------------------

def list_files(db: Database, user: SignedIn, fiscal_year: int) -> list[ReceivedFile]:
    access.check(user, Action.CONSOLIDATE)
    with db.session() as s:
        files = s.scalars(select(TallyFile).where(TallyFile.fiscal_year == fiscal_year)
                          .order_by(TallyFile.received_at, TallyFile.id)).all()
        out = []
        names = accounts.display_names(s)
        for f in files:
            branches = s.scalars(select(TallyFileRow.branch_code).where(TallyFileRow.file_id == f.id)
                                 .distinct()).all()
            out.append(ReceivedFile(f.id, f.file_name, f.fiscal_year, f.received_at,
                                    f.received_by, tuple(sorted(branches)), f.row_count,
                                    names.get(f.received_by, "")))
        return out


def matrix(db: Database, user: SignedIn, fiscal_year: int,
           today: dt.date | None = None) -> Matrix:
    """Branches × months: received, missing, conflicting … (``Cell.state``)."""
    access.check(user, Action.CONSOLIDATE)
    today = today or clock.today()
    months = counting.fiscal_month_keys(fiscal_year)
    with db.session() as s:
        state = _State.load(s, fiscal_year)
        known = s.execute(select(Branch.code, Branch.name)
                          .order_by(Branch.sort_order, Branch.code)).all()
    branches = [(c, n) for c, n in known]
    extra = sorted({b for b, _ in state.by_bm} - {c for c, _ in branches})
    branches += [(c, "") for c in extra]
    cells: dict[tuple[str, int], Cell] = {}
    last: dict[str, dt.datetime] = {}
    for code, _ in branches:
        for m in months:
            st, file_id, final = state.resolve(code, m)
            ids = [i for i in state.by_bm.get((code, m), []) if state._covers(i, m)]
            names = tuple(state.files[i].file_name for i in ids)
            if st == "missing" and month_last_day(m // 100, m % 100) >= today:
                st = "future"
            if st == "live" and dt.date(m // 100, m % 100, 1) > today:
                st = "future"  # counted live once it begins
            unreported = state.unreported(file_id, code, m) if file_id is not None else ()
            cells[(code, m)] = Cell(st, file_id, names, unreported)
            for i in state.by_bm.get((code, m), []):
                at = state.files[i].received_at
                if code not in last or at > last[code]:
                    last[code] = at
    sources = {code: "live" if code in state.live else "file" for code, _ in branches}
    return Matrix(fiscal_year, branches, months, cells, last, state.conflicts(), sources)


def conflicts(db: Database, user: SignedIn, fiscal_year: int) -> list[Conflict]:
    access.check(user, Action.CONSOLIDATE)
    with db.session() as s:
        return _State.load(s, fiscal_year).conflicts()


def consolidated_rows(db: Database, user: SignedIn, fiscal_year: int,
                      branch_codes: Iterable[str] | None = None) -> list[counting.TallyRow]:
    """The figures in force for the fiscal year, as tally rows (the input
    of the indicators when they are computed from received files)."""
    access.check(user, Action.CONSOLIDATE)
    with db.session() as s:
        return rows_in_session(s, fiscal_year, branch_codes)


def rows_in_session(s, fiscal_year: int,
                    branch_codes: Iterable[str] | None = None) -> list[counting.TallyRow]:
    """For other services that already hold a session (the indicators):
    the files' figures in force, and the live branches' from their records."""
    wanted = set(branch_codes) if branch_codes is not None else None
    state = _State.load(s, fiscal_year)
    rows = state.rows(wanted)
    live = state.live if wanted is None else state.live & wanted
    if live:
        rows += counting.compute(s, fiscal_year, sorted(live))
        rows.sort(key=counting.sort_key)
    return rows


# --- deciding -----------------------------------------------------------------------

def choose(db: Database, user: SignedIn, fiscal_year: int, branch_code: str, month: int,
           file_id: int) -> None:
    """The user's decision: ``file_id``'s figures win for branch × month."""
    choose_many(db, user, [(fiscal_year, branch_code, month, file_id)])


def choose_many(db: Database, user: SignedIn,
                decisions: Iterable[tuple[int, str, int, int]]) -> int:
    """Several decisions in one transaction, each audited."""
    access.check(user, Action.CONSOLIDATE)
    n = 0
    with db.session() as s:
        for fy, branch, month, file_id in decisions:
            f = s.get(TallyFile, file_id)
            has = f is not None and f.fiscal_year == fy and s.scalar(
                select(TallyFileRow.file_id).where(TallyFileRow.file_id == file_id,
                                                   TallyFileRow.branch_code == branch,
                                                   TallyFileRow.month == month).limit(1))
            if not has:
                raise ValueError(f"選んだファイルには支部 {branch} の {counting.month_text(month)} "
                                 "の集計がありません")
            choice = s.get(TallyChoice, (fy, branch, month))
            if choice is None:
                choice = TallyChoice(fiscal_year=fy, branch_code=branch, month=month,
                                     file_id=file_id)
                s.add(choice)
            choice.file_id = file_id
            choice.chosen_at = clock.utcnow()
            choice.chosen_by = db.actor
            db.audit(s, "choose", "tally_file", file_id,
                     f"fy={fy} branch={branch} month={counting.month_text(month)}")
            n += 1
    return n


def newest_choices(items: Iterable[Conflict]) -> list[tuple[int, str, int, int]]:
    """Decisions taking, for each conflict, the most recently received file."""
    out = []
    for c in items:
        newest = max(c.candidates, key=lambda k: (k.received_at, k.file_id))
        out.append((c.fiscal_year, c.branch_code, c.month, newest.file_id))
    return out


def remove_file(db: Database, user: SignedIn, file_id: int) -> None:
    """Forget a received file (a wrong file); its choices go with it."""
    access.check(user, Action.CONSOLIDATE)
    with db.session() as s:
        f = s.get(TallyFile, file_id)
        if f is None:
            raise LookupError("そのファイルは見つかりません")
        s.execute(delete(TallyChoice).where(TallyChoice.file_id == file_id))
        s.execute(delete(TallyFileRow).where(TallyFileRow.file_id == file_id))
        db.audit(s, "delete", "tally_file", file_id, f"fy={f.fiscal_year} rows={f.row_count}")
        s.delete(f)


def export_consolidated(db: Database, user: SignedIn, fiscal_year: int, out: Path) -> int:
    """Write the figures in force as one contract tally file. A branch ×
    month with nothing received is written with 0 totals (the contract
    wants every total row); the screen warns before. A measure a branch
    does not report (its files predate the measure) gets no row, not 0."""
    access.check(user, Action.CONSOLIDATE)
    with db.session() as s:
        rows = rows_in_session(s, fiscal_year)
        present = {(r.branch_code, r.month, r.measure) for r in rows if r.breakdown == "total"}
        received = {(r.branch_code, r.month) for r in rows}
        for branch in sorted({r.branch_code for r in rows}):
            reported = [m for m in codes.MEASURES if any(
                (branch, counting.month_text(k), m) in present
                for k in counting.fiscal_month_keys(fiscal_year))]
            for m in counting.fiscal_month_keys(fiscal_year):
                if (branch, counting.month_text(m)) in received:
                    continue  # the file in force says what it reports
                for measure in reported:
                    if (branch, counting.month_text(m), measure) not in present:
                        rows.append(counting.TallyRow(fiscal_year, counting.month_text(m), branch,
                                                     measure, "total", "", 0))
        rows.sort(key=counting.sort_key)
        tally_file.write_csv(rows, Path(out))
        db.audit(s, "export", "consolidated", None, f"fy={fiscal_year} rows={len(rows)}")
    return len(rows)


def merge_files(db: Database, user: SignedIn, paths: Iterable[Path], out: Path) -> int:
    """``coordinator-app consolidate FILES --out``: branch tally files merged
    into one (``tally_file.consolidate``: a branch × month in two files is
    an error, never a double count), audited in the transaction that
    writes it. Returns rows."""
    access.check(user, Action.CONSOLIDATE, refusal="この操作を行う権限がありません")
    paths = list(paths)
    rows = tally_file.consolidate(paths)
    with db.session() as s:
        tally_file.write_csv(rows, Path(out))
        db.audit(s, "export", "tallies", None, f"consolidate files={len(paths)}")
    return len(rows)
