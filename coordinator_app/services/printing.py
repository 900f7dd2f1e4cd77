"""印刷: printed lists, label sheets and the print register (印刷台帳).

Printed personal data leaves the computer, so every print is minimal (the
user chooses the columns), marked (取扱注意 and a copy number on each page)
and recorded: ``print_list`` writes the PDF and, in the same transaction,
a ``PrintRecord`` (who, when, which list, how many people, for whom, the
copy numbers) and an audit row with codes and counts only.

Scope: lists naming people are for the branch's own coordinator
(``access.check``, Action.PERSONAL_RECORDS); the 支部拠点一覧 has no personal data and anyone
signed in may print it; the 月報 (tallies) follows Action.TALLIES. The
出席簿 and グループ一覧 (issue 16) are the coordinator's too: the group list
names each group's contact volunteer, and an attendance sheet with the
regulars pre-printed names people (a blank one does not, so it is
registered without copy numbers, as the 支部拠点一覧 is).
The register is read by administrators (every branch) and by a branch's
coordinator (their own prints); both may record a return or shredding.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import func, or_, select

from coordinator_app.core import access, clock, codes, counting
from coordinator_app.core.access import Action, ScopeError, SignedIn
from coordinator_app.core.activity import group_active_on
from coordinator_app.core.dates import (
    fiscal_year_label,
    fiscal_year_of,
    format_wareki,
    format_wareki_short,
)
from coordinator_app.core.gatherings import group_error
from coordinator_app.core.models import (
    ActivityGroup,
    Area,
    Branch,
    GroupKind,
    GroupLeader,
    GroupMember,
    GroupSubsidy,
    Person,
    PrintRecord,
    Role,
    Volunteer,
    VolunteerRole,
)
from coordinator_app.reports import gatherings as gathering_sheets
from coordinator_app.reports import labels as label_sheets
from coordinator_app.reports import lists, monthly, pdf
from coordinator_app.services import accounts, list_rows, tallies
from coordinator_app.storage import private_files
from coordinator_app.storage.database import Database

KIND_TITLES: dict[str, str] = {
    **{code: kind.title for code, kind in lists.LISTS.items()},
    "monthly": "月報",
    "labels": "宛名ラベル",
    "groups": gathering_sheets.GROUP_LIST.title,
    "attendance": gathering_sheets.ATTENDANCE_TITLE,
}
# "attendance" is personal only with the regulars printed: ``is_personal``.
PERSONAL_KINDS = {code for code, kind in lists.LISTS.items() if kind.personal} | {
    "labels", "groups"}
MAX_BLANK_ROWS = gathering_sheets.MAX_BLANK_ROWS
LABEL_LAYOUTS = label_sheets.LAYOUTS  # the label sheets and sources the dialog offers
LABEL_SOURCES = label_sheets.SOURCES
DISPOSALS = {"returned": "返却", "shredded": "細断"}
MAX_COPIES = 30


class PrintError(ValueError):
    """A request that cannot be printed; the Japanese message says why."""


@dataclass
class PrintRequest:
    """What the print dialog (or the command line) asks for.

    ``columns`` None means the list's default columns. ``area_id``,
    ``role`` and ``cooperator_id`` narrow the people listed. ``month``
    (YYYYMM) prints a month's 月報, else the whole ``fiscal_year``.
    """

    kind: str
    columns: tuple[str, ...] | None = None
    area_id: int | None = None
    role: str | None = None
    cooperator_id: int | None = None
    include_withdrawn: bool = False
    recipient: str = ""
    copies: int = 1
    fiscal_year: int | None = None
    month: int | None = None
    branch_code: str | None = None  # 月報 for city staff: one branch or all
    label_layout: str = "12"
    label_source: str = "both"
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    outline: bool = False
    # 出席簿: the meeting's day, its group (or none: an event such as a
    # course), the title (default: the group's name), the regulars
    # pre-printed or not, and how many blank rows follow them.
    held_on: dt.date | None = None
    group_id: int | None = None
    title: str = ""
    with_regulars: bool = False
    blank_rows: int = 20
    include_ended: bool = False  # グループ一覧: ended groups too


def is_personal(request: PrintRequest) -> bool:
    """Whether the document names people (取扱注意, copy numbers, a recipient)."""
    return request.kind in PERSONAL_KINDS or (
        request.kind == "attendance" and request.with_regulars)


@dataclass(frozen=True)
class PrintResult:
    register_id: int | None
    kind: str
    title: str
    people: int
    pages: int
    copy_numbers: list[int]
    path: Path | None
    skipped: int = 0  # labels: people without an address

    def summary(self) -> str:
        """One line for the command line and the status bar."""
        text = f"{self.title}を印刷しました: {self.path}（{self.pages} ページ"
        if self.people:
            text += f"、{self.people} 名"
        if self.copy_numbers:
            first, last = self.copy_numbers[0], self.copy_numbers[-1]
            text += f"、控番号 {first}" + (f"〜{last}" if last != first else "")
        return text + f"、印刷台帳 No.{self.register_id}）"


@dataclass(frozen=True)
class Preview:
    """A sample of the document (no copy number, not registered)."""

    pdf_bytes: bytes
    title: str
    people: int
    pages: int
    personal: bool
    skipped: int = 0


@dataclass(frozen=True)
class RegisterEntry:
    id: int
    printed_at: dt.datetime
    printed_by: str
    branch_code: str
    branch_name: str
    list_kind: str
    list_title: str
    person_count: int
    recipient: str
    copies: int
    first_copy_no: int | None
    last_copy_no: int | None
    pages: int
    disposal: str
    disposed_on: dt.date | None
    disposal_note: str
    disposal_by: str
    # Display names of the accounts (printed_by/disposal_by are logins).
    printed_by_name: str = ""
    disposal_by_name: str = ""

    @property
    def copy_text(self) -> str:
        if self.first_copy_no is None:
            return ""
        if self.first_copy_no == self.last_copy_no:
            return str(self.first_copy_no)
        return f"{self.first_copy_no}〜{self.last_copy_no}"

    @property
    def disposal_label(self) -> str:
        return DISPOSALS.get(self.disposal, "")


@dataclass(frozen=True)
class FilterChoices:
    """What the print dialog offers for the signed-in coordinator's branch."""

    areas: list[tuple[int, str]] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)
    cooperators: list[tuple[int, str]] = field(default_factory=list)
    branches: list[tuple[str, str]] = field(default_factory=list)
    groups: list[tuple[int, str]] = field(default_factory=list)  # active today, 50音順


@dataclass
class _Composed:
    """A document ready to render into a target with given copy numbers."""

    title: str
    personal: bool
    branch_id: int | None
    people: int
    filters: str
    columns: str
    render: Callable[[object, list[int | None]], int]
    skipped: int = 0
    single_copy: bool = False


# --- composing ---------------------------------------------------------------------


def _branch_label(s, branch_id: int | None) -> str:
    if branch_id is None:
        return ""
    b = s.get(Branch, branch_id)
    return b.name if b else ""


def _check_area(s, user: SignedIn, area_id: int | None) -> str:
    if area_id is None:
        return ""
    area = s.get(Area, area_id)
    if area is None:
        raise PrintError("選んだ自治会が見つかりません")
    access.check(user, Action.PERSONAL_RECORDS, area.branch_id, "他の支部の自治会は選べません")
    return area.name


def _filters_text(request: PrintRequest) -> str:
    parts = []
    for name in ("area_id", "role", "cooperator_id"):
        value = getattr(request, name)
        if value not in (None, ""):
            parts.append(f"{name.removesuffix('_id')}={value}")
    if request.include_withdrawn:
        parts.append("withdrawn=1")
    if request.kind == "labels":
        parts.append(f"layout={request.label_layout};source={request.label_source}")
    if request.kind == "monthly":
        parts.append(f"fy={request.fiscal_year}" if request.month is None
                     else f"month={request.month}")
    if request.kind == "groups" and request.include_ended:
        parts.append("ended=1")
    if request.kind == "attendance":
        parts.append(f"group={request.group_id or ''};held_on={request.held_on};"
                     f"regulars={int(request.with_regulars)};blank={request.blank_rows}")
    return ";".join(parts)[:200]


def _compose(s, user: SignedIn, request: PrintRequest, today: dt.date) -> _Composed:
    kind = request.kind
    if kind not in KIND_TITLES:
        raise PrintError(f"印刷できない一覧です（{kind}）")
    if kind == "branches":
        return _compose_branches(s, user, request, today)
    if kind == "monthly":
        return _compose_monthly(s, user, request, today)
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    if kind == "labels":
        return _compose_labels(s, user, request, today)
    if kind == "groups":
        return _compose_groups(s, user, request, today)
    if kind == "attendance":
        return _compose_attendance(s, user, request, today)
    spec = lists.LISTS[kind]
    columns = spec.chosen(request.columns)
    if not columns:
        raise PrintError("印刷する列を1つ以上選んでください")
    area = _check_area(s, user, request.area_id)
    subtitle = []
    if area:
        subtitle.append(f"自治会: {area}")
    if kind == "volunteers":
        if request.role:
            label = s.scalar(select(Role.label).where(Role.code == request.role)) \
                or codes.DEFAULT_ROLES.get(request.role)
            if label is None:
                raise PrintError(f"活動内容「{request.role}」は登録されていません")
            subtitle.append(f"活動内容: {label}")
        if request.include_withdrawn:
            subtitle.append("退会者を含む")
        rows = list_rows.volunteers(s, branch_id, today, area_id=request.area_id,
                                    role=request.role,
                                    include_withdrawn=request.include_withdrawn)
    else:
        if request.cooperator_id is not None:
            coop = s.get(Volunteer, request.cooperator_id)
            if coop is None:
                raise PrintError("選んだ協力員が見つかりません")
            access.check(user, Action.PERSONAL_RECORDS, coop.branch_id, "他の支部の協力員は選べません")
            subtitle.append(f"協力員: {s.get(Person, coop.person_id).name}")
        rows = list_rows.watch_users(s, branch_id, today, area_id=request.area_id,
                                     cooperator_id=request.cooperator_id)
    if kind == "assignments":
        coop_ids = {v for r in rows for v in r.group}
        cooperators = list_rows.cooperator_names(s, coop_ids)
    header = pdf.PageHeader(title=spec.title, branch=_branch_label(s, branch_id),
                            printed_on=today, personal=True,
                            subtitle="　".join(subtitle), landscape=spec.landscape)
    people = len({r.person_id for r in rows})
    if kind == "assignments":
        people += len(cooperators)

    def story():
        if kind == "volunteers":
            return lists.simple_list_story(spec, columns, rows, header)
        if kind == "watch_users":
            return lists.simple_list_story(
                spec, columns, rows, header, row_padding_mm=2.5,
                note="電話したら日付を書き、結果に印を付けてください。異変があれば支部に連絡してください。")
        if kind == "assignments":
            return lists.assignments_story(spec, columns, rows, header, cooperators)
        return lists.disaster_story(spec, columns, rows, header)

    return _Composed(spec.title, True, branch_id, people, _filters_text(request),
                     ";".join(c.key for c in columns),
                     lambda target, numbers: pdf.build_pdf(target, header, story, numbers).pages)


def _compose_branches(s, user, request, today) -> _Composed:
    spec = lists.LISTS["branches"]
    columns = spec.chosen(request.columns)
    if not columns:
        raise PrintError("印刷する列を1つ以上選んでください")
    rows = list_rows.branches(s)
    if request.branch_code:
        rows = [r for r in rows if r.code == request.branch_code]
        if not rows:
            raise PrintError(f"支部コード {request.branch_code} は登録されていません")
    header = pdf.PageHeader(title=spec.title, branch="社会福祉協議会 支部", printed_on=today)
    return _Composed(spec.title, False, user.branch_id, 0, "",
                     ";".join(c.key for c in columns),
                     lambda target, numbers: pdf.build_pdf(
                         target, header, lambda: lists.branches_story(rows, columns, header),
                         numbers).pages)


def _compose_monthly(s, user, request, today) -> _Composed:
    own = access.check(user, Action.TALLIES)
    branch_codes: list[str] | None = None
    branch_name = "全支部"
    if own is not None:
        b = s.get(Branch, own)
        if request.branch_code and request.branch_code != b.code:
            raise ScopeError("他の支部の月報は印刷できません")
        branch_codes, branch_name = [b.code], b.name
    elif request.branch_code:
        b = s.scalar(select(Branch).where(Branch.code == request.branch_code))
        if b is None:
            raise PrintError(f"支部コード {request.branch_code} は登録されていません")
        branch_codes, branch_name = [b.code], b.name
    if request.month is not None:
        year, mon = divmod(request.month, 100)
        if not 1 <= mon <= 12:
            raise PrintError("月の指定が正しくありません")
        fy = fiscal_year_of(dt.date(year, mon, 1))
        title = f"月報 {monthly.month_label(request.month)}"
    else:
        fy = request.fiscal_year or fiscal_year_of(today)
        title = f"月報 {fiscal_year_label(fy)}（年間）"
    rows = counting.compute(s, fy, branch_codes)
    labels = tallies.measure_key_lists(s)
    header = pdf.PageHeader(title=title, branch=branch_name, printed_on=today,
                            landscape=request.month is None)

    def story():
        if request.month is not None:
            return monthly.month_story(rows, request.month, labels)
        return monthly.year_story(rows, fy, labels, until=today.year * 100 + today.month)

    return _Composed(title, False, own, 0, _filters_text(request), "",
                     lambda target, numbers: pdf.build_pdf(target, header, story, numbers).pages)


def _compose_labels(s, user, request, today) -> _Composed:
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    layout = label_sheets.LAYOUTS.get(request.label_layout)
    if layout is None:
        raise PrintError(f"ラベルの面付け「{request.label_layout}」は選べません")
    for offset in (request.offset_x_mm, request.offset_y_mm):
        if abs(offset) > 20:
            raise PrintError("位置の調整は ±20mm 以内で指定してください")
    _check_area(s, user, request.area_id)
    try:
        entries, skipped = list_rows.label_entries(
            s, branch_id, today, request.label_source, request.area_id)
    except ValueError as exc:
        raise PrintError(str(exc)) from None

    def render(target, numbers):
        return label_sheets.write_labels(target, entries, layout,
                                         offset_x_mm=request.offset_x_mm,
                                         offset_y_mm=request.offset_y_mm,
                                         outline=request.outline)

    return _Composed("宛名ラベル", True, branch_id, len(entries), _filters_text(request),
                     "postal_code;address;name", render, skipped, single_copy=True)


def _kind_labels(s) -> dict[str, str]:
    return {**codes.DEFAULT_GROUP_KINDS,
            **dict(s.execute(select(GroupKind.code, GroupKind.label)).all())}


def _group_rows(s, branch_id: int, today: dt.date, area_id: int | None,
                include_ended: bool) -> tuple[list[gathering_sheets.GroupRow], int]:
    """The branch's groups (active today, or all) 50音順, and how many
    people (contact volunteers) the list names."""
    q = select(ActivityGroup).where(ActivityGroup.branch_id == branch_id)
    if not include_ended:
        q = q.where(group_active_on(today))
    if area_id is not None:
        q = q.where(ActivityGroup.area_id == area_id)
    groups = s.scalars(q).all()
    ids = [g.id for g in groups]
    kinds = _kind_labels(s)
    areas = dict(s.execute(select(Area.id, Area.name).where(Area.branch_id == branch_id)).all())
    contacts: dict[int, list[tuple[int, str, str]]] = {}
    for gid, pid, name, phone in s.execute(
            select(GroupLeader.group_id, Person.id, Person.name, Person.phone)
            .join(Volunteer, Volunteer.id == GroupLeader.volunteer_id)
            .join(Person, Person.id == Volunteer.person_id)
            .where(GroupLeader.group_id.in_(ids), GroupLeader.contact.is_(True),
                   or_(Volunteer.withdrawn_on.is_(None), Volunteer.withdrawn_on > today))
            .order_by(Person.kana_key, Person.name)):
        contacts.setdefault(gid, []).append((pid, name, phone or ""))
    subsidies: dict[int, list[int]] = {}
    for gid, fy in s.execute(select(GroupSubsidy.group_id, GroupSubsidy.fiscal_year)
                             .where(GroupSubsidy.group_id.in_(ids))
                             .order_by(GroupSubsidy.fiscal_year)):
        subsidies.setdefault(gid, []).append(fy)
    rows = []
    for g in groups:
        people = contacts.get(g.id, [])
        rows.append(gathering_sheets.GroupRow(g.kana_key, g.name, {
            "name": g.name, "kana": g.kana, "kind": kinds.get(g.kind, g.kind),
            "area": areas.get(g.area_id, ""), "venue": g.venue, "pattern": g.pattern,
            "contact": "・".join(name for _, name, _ in people),
            "phone": "・".join(phone for _, _, phone in people if phone),
            "period": f"{format_wareki_short(g.started_on)}〜{format_wareki_short(g.ended_on)}",
            "subsidy": "・".join(fiscal_year_label(fy) for fy in subsidies.get(g.id, [])),
            "note": g.note}))
    named = {pid for people in contacts.values() for pid, _, _ in people}
    return sorted(rows, key=lambda r: r.sort_key), len(named)


def _compose_groups(s, user, request, today) -> _Composed:
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    spec = gathering_sheets.GROUP_LIST
    columns = spec.chosen(request.columns)
    if not columns:
        raise PrintError("印刷する列を1つ以上選んでください")
    area = _check_area(s, user, request.area_id)
    rows, people = _group_rows(s, branch_id, today, request.area_id, request.include_ended)
    subtitle = [f"自治会: {area}"] if area else []
    subtitle.append("終了したグループを含む" if request.include_ended
                    else f"{format_wareki(today)}現在活動中のグループ")
    header = pdf.PageHeader(title=spec.title, branch=_branch_label(s, branch_id),
                            printed_on=today, personal=True, subtitle="　".join(subtitle),
                            landscape=spec.landscape)
    return _Composed(spec.title, True, branch_id, people, _filters_text(request),
                     ";".join(c.key for c in columns),
                     lambda target, numbers: pdf.build_pdf(
                         target, header,
                         lambda: gathering_sheets.group_list_story(columns, rows, header),
                         numbers).pages)


def _compose_attendance(s, user, request, today) -> _Composed:
    branch_id = access.check(user, Action.PERSONAL_RECORDS)
    held_on = request.held_on or today
    if not 0 <= request.blank_rows <= MAX_BLANK_ROWS:
        raise PrintError(f"記入用の空欄は0から{MAX_BLANK_ROWS}行までで指定してください")
    title = request.title.strip()
    if len(title) > 200:
        raise PrintError("名称は200文字以内で入力してください")
    group = None
    if request.group_id is not None:
        group = s.get(ActivityGroup, request.group_id)
        if group is None:
            raise PrintError("選んだグループが見つかりません")
        access.check(user, Action.PERSONAL_RECORDS, group.branch_id,
                     "他の支部のグループの出席簿は印刷できません")
        reason = group_error(group.branch_id, group.started_on, group.ended_on, group.name,
                             branch_id, held_on)
        if reason:
            raise PrintError(reason)
        title = title or group.name
    elif request.with_regulars:
        raise PrintError("常連の方を印刷するには、グループを選んでください")
    if not title:
        raise PrintError("出席簿の名称（行事名）を入力してください")
    regulars: list[gathering_sheets.Regular] = []
    if group is not None and request.with_regulars:
        members = s.execute(
            select(Person.name, Person.kana_key, GroupMember.volunteer_id)
            .join(Person, Person.id == GroupMember.person_id)
            .where(GroupMember.group_id == group.id)).all()
        members.sort(key=lambda m: (m[1] == "", m[1], m[0]))
        regulars = [gathering_sheets.Regular(name, vid is not None) for name, _, vid in members]
    if not regulars and request.blank_rows == 0:
        raise PrintError("記入用の空欄を1行以上にしてください")
    sheet = gathering_sheets.AttendanceSheet(
        held_on=held_on, title=title, group=group.name if group else "",
        venue=group.venue if group else "", regulars=tuple(regulars),
        blank_rows=request.blank_rows)
    personal = is_personal(request)
    header = pdf.PageHeader(title=gathering_sheets.ATTENDANCE_TITLE,
                            branch=_branch_label(s, branch_id), printed_on=today,
                            personal=personal,
                            subtitle=f"{format_wareki(held_on, weekday=True)}　{title}")
    return _Composed(gathering_sheets.ATTENDANCE_TITLE, personal, branch_id, len(regulars),
                     _filters_text(request), "",
                     lambda target, numbers: pdf.build_pdf(
                         target, header,
                         lambda: gathering_sheets.attendance_story(sheet, header),
                         numbers).pages)


# --- public ------------------------------------------------------------------------


def _check_request(request: PrintRequest) -> None:
    if not 1 <= request.copies <= MAX_COPIES:
        raise PrintError(f"部数は1から{MAX_COPIES}までで指定してください")
    if len(request.recipient) > 200:
        raise PrintError("渡す相手は200文字以内で入力してください")


def preview(db: Database, user: SignedIn, request: PrintRequest,
            today: dt.date | None = None) -> Preview:
    """The document as it would print, without copy numbers and without
    writing the register — for the dialog's first-page preview. Blocking:
    run it with ``ctx.runner``."""
    today = today or clock.today()
    _check_request(request)
    with db.session() as s:
        doc = _compose(s, user, request, today)
    buf = io.BytesIO()
    pages = doc.render(buf, [None])
    return Preview(buf.getvalue(), doc.title, doc.people, pages, doc.personal, doc.skipped)


def preview_image(db: Database, user: SignedIn, request: PrintRequest, dpi: int = 60,
                  today: dt.date | None = None) -> tuple[Preview, bytes]:
    """The preview and a PNG of its first page, rendered from memory (the
    sample never touches the disk). Blocking: run it with ``ctx.runner``."""
    result = preview(db, user, request, today)
    return result, pdf.render_pages(result.pdf_bytes, dpi=dpi, pages=[1])[0]


def page_images(path: Path, dpi: int = 80, pages: list[int] | None = None) -> list[bytes]:
    """PNG images of a printed PDF's pages (1-based; all when None): the
    dialog shows what was printed, copy numbers included, and the app's
    own window shows the file when the computer has no PDF viewer.
    Blocking: run it with ``ctx.runner``."""
    return pdf.render_pages(path, dpi=dpi, pages=pages)


def print_path(folder: Path | str, kind: str, when: dt.datetime | None = None) -> Path:
    """A new file for a print in the folder the user chose (the print
    dialog's 保存先), named by the list and the time, never by a person; it
    never replaces an earlier print. A missing folder is created
    owner-only; one that exists keeps its mode (private_files)."""
    folder = Path(folder)
    try:
        private_files.make_folders(folder)
    except OSError:
        raise PrintError(f"保存先のフォルダー「{folder}」を作れません。"
                         "「保存先」で別のフォルダーを選んでください") from None
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise PrintError(f"保存先のフォルダー「{folder}」に書き込めません。"
                         "「保存先」で別のフォルダーを選んでください")
    when = when or clock.now()
    stem = f"{_UNSAFE_IN_NAME.sub('_', KIND_TITLES.get(kind, kind))}_{when:%Y%m%d-%H%M%S}"
    path, n = folder / f"{stem}.pdf", 2
    while path.exists():
        path, n = folder / f"{stem}-{n}.pdf", n + 1
    return path


_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\s]+')  # not allowed in Windows file names


def print_list(
db: Database, user: SignedIn, request: PrintRequest, out: Path | str,
               today: dt.date | None = None) -> PrintResult:
    """Write the PDF to ``out`` and record the print, in one transaction:
    the register row, the audit row (codes and counts only) and the file
    all happen, or none does. Lists naming people get copy numbers that
    continue the branch's sequence (控番号). Blocking: run it off the UI
    thread."""
    today = today or clock.today()
    _check_request(request)
    out = Path(out)
    written = False
    try:
        with db.session() as s:
            doc = _compose(s, user, request, today)
            copies = 1 if doc.single_copy else request.copies
            numbers: list[int] = []
            if doc.personal:
                last = s.scalar(select(func.max(PrintRecord.last_copy_no))
                                .where(PrintRecord.branch_id == doc.branch_id)) or 0
                numbers = list(range(last + 1, last + 1 + copies))
            record = PrintRecord(
                printed_by=db.actor, branch_id=doc.branch_id, list_kind=request.kind,
                filters=doc.filters, columns=doc.columns, person_count=doc.people,
                recipient=request.recipient.strip(), copies=copies,
                first_copy_no=numbers[0] if numbers else None,
                last_copy_no=numbers[-1] if numbers else None)
            db.stamp(record, created=True)
            s.add(record)
            s.flush()  # takes the write lock: copy numbers cannot collide
            buf = io.BytesIO()
            pages = doc.render(buf, numbers or [None] * copies)
            record.pages = pages
            db.audit(s, "print", "print_register", record.id,
                     f"list={request.kind} people={doc.people} copies={copies} pages={pages}")
            private_files.write_bytes(out, buf.getvalue())
            written = True
            result = PrintResult(record.id, request.kind, doc.title, doc.people, pages,
                                 numbers, out, doc.skipped)
    except BaseException:
        if written:
            out.unlink(missing_ok=True)
        raise
    return result


CLI_LISTS = {"branches": "branches", "volunteers": "volunteers", "watch-users": "watch_users"}


def print_contacts(db: Database, who: SignedIn | None, list_name: str,
                   branch_code: str | None, out: Path | str, recipient: str = "",
                   copies: int = 1, today: dt.date | None = None) -> PrintResult:
    """``coordinator-app print contacts`` (docs/interchange.md). ``who`` is the
    signed-in account, or None on a database without accounts (then a
    personal list needs ``--branch``). Coordinators print only their own
    branch; the branches list is for anyone."""
    kind = CLI_LISTS.get(list_name)
    if kind is None:
        raise PrintError(f"一覧の種類「{list_name}」は印刷できません")
    request = PrintRequest(kind=kind, recipient=recipient, copies=copies)
    if kind == "branches":
        request.branch_code = branch_code
        user = who or SignedIn(0, db.actor, "コマンドライン", access.Role.ADMIN, None, None, None)
        return print_list(db, user, request, out, today)
    if who is not None:
        access.check(who, Action.PERSONAL_RECORDS)
        if branch_code and branch_code != who.branch_code:
            raise ScopeError("コーディネーターは自分の支部の一覧だけを印刷できます")
        return print_list(db, who, request, out, today)
    if not branch_code:
        raise PrintError("--branch で支部コードを指定してください")
    with db.session() as s:
        branch = s.scalar(select(Branch).where(Branch.code == branch_code))
    if branch is None:
        raise PrintError(f"支部コード {branch_code} は登録されていません")
    user = SignedIn(0, db.actor, "コマンドライン", access.Role.COORDINATOR, branch.id, branch.code,
                    branch.name)
    return print_list(db, user, request, out, today)


def kind_columns(kind: str) -> list[lists.Column]:
    """The columns the user may choose for a list (empty for 月報/ラベル/出席簿)."""
    spec = gathering_sheets.GROUP_LIST if kind == "groups" else lists.LISTS.get(kind)
    return list(spec.columns) if spec else []


def filter_choices(db: Database, user: SignedIn) -> FilterChoices:
    """Areas, roles and cooperators of the coordinator's branch (empty
    lists for anyone else), and the branches for the 月報."""
    with db.session() as s:
        branches = [(b.code, b.name) for b in s.scalars(
            select(Branch).order_by(Branch.sort_order, Branch.code))]
        if not access.may(user, Action.PERSONAL_RECORDS):
            return FilterChoices(branches=branches)
        branch_id = user.branch_id
        areas = [(a.id, a.name) for a in s.scalars(
            select(Area).where(Area.branch_id == branch_id).order_by(Area.name))]
        role_labels = {**codes.DEFAULT_ROLES,
                       **dict(s.execute(select(Role.code, Role.label)
                                        .where(Role.active.is_(True))).all())}
        roles = list(role_labels.items())
        coop = s.execute(
            select(Volunteer.id, Person.name, Person.kana_key)
            .join(Person, Person.id == Volunteer.person_id)
            .where(Volunteer.branch_id == branch_id, Volunteer.withdrawn_on.is_(None),
                   Volunteer.id.in_(select(VolunteerRole.volunteer_id)
                                    .where(VolunteerRole.role_code == "watch")))).all()
        cooperators = [(vid, name) for vid, name, _ in sorted(coop, key=lambda r: (r[2], r[1]))]
        groups = s.execute(select(ActivityGroup.id, ActivityGroup.name, ActivityGroup.kana_key)
                           .where(ActivityGroup.branch_id == branch_id,
                                  group_active_on(clock.today()))).all()
        groups = [(gid, name) for gid, name, _ in sorted(groups, key=lambda r: (r[2], r[1]))]
        return FilterChoices(areas, roles, cooperators, branches, groups)


def register_entries(db: Database, user: SignedIn, limit: int = 1000,
                     only_open: bool = False) -> list[RegisterEntry]:
    """The print register, newest first. ``only_open``: copies not yet
    returned or shredded."""
    scope = access.check(user, Action.PRINT_REGISTER)
    with db.session() as s:
        q = (select(PrintRecord, Branch.code, Branch.name)
             .outerjoin(Branch, Branch.id == PrintRecord.branch_id))
        if scope is not None:
            q = q.where(PrintRecord.branch_id == scope)
        if only_open:
            q = q.where(PrintRecord.disposal == "", PrintRecord.first_copy_no.is_not(None))
        q = q.order_by(PrintRecord.printed_at.desc(), PrintRecord.id.desc()).limit(limit)
        people = accounts.display_names(s)
        return [RegisterEntry(r.id, r.printed_at, r.printed_by, code or "", name or "",
                              r.list_kind, KIND_TITLES.get(r.list_kind, r.list_kind),
                              r.person_count, r.recipient, r.copies, r.first_copy_no,
                              r.last_copy_no, r.pages, r.disposal, r.disposed_on,
                              r.disposal_note, r.disposal_by, people.get(r.printed_by, ""),
                              people.get(r.disposal_by, ""))
                for r, code, name in s.execute(q).all()]


def record_disposal(db: Database, user: SignedIn, register_id: int, disposal: str,
                    on: dt.date, note: str = "", today: dt.date | None = None) -> None:
    """Record that the copies of a print were returned (返却) or shredded
    (細断) on ``on``. Refuses a date in the future or before the print."""
    today = today or clock.today()
    if disposal not in DISPOSALS:
        raise PrintError("「返却」か「細断」を選んでください")
    if on > today:
        raise PrintError("返却・細断の日に未来の日付は入れられません")
    if len(note) > 500:
        raise PrintError("メモは500文字以内で入力してください")
    access.check(user, Action.PRINT_REGISTER)  # the role before the id
    with db.session() as s:
        record = s.get(PrintRecord, register_id)
        if record is None:
            raise PrintError("該当する印刷記録が見つかりません")
        own = access.check(user, Action.PRINT_REGISTER, record.branch_id)
        if own is not None and record.branch_id is None:  # a print of every branch
            raise ScopeError(Action.PRINT_REGISTER.other_branch)
        if record.first_copy_no is None:
            raise PrintError("個人情報を含まない印刷物には、返却・細断の記録は要りません")
        if on < record.printed_at.date() - dt.timedelta(days=1):
            raise PrintError(f"印刷した日（{format_wareki(record.printed_at.date())}）より前の日付です")
        record.disposal, record.disposed_on = disposal, on
        record.disposal_note, record.disposal_by = note.strip(), db.actor
        db.stamp(record)
        db.audit(s, "update", "print_register", record.id, f"disposal={disposal}")
