"""Printed lists (名簿・確認リスト): what a branch hands out on paper.

Qt-free, layout only: ``services.list_rows`` reads the rows (in the print
service's session, after its scope check) into the plain ``PersonRow`` and
``BranchRow`` below, and a ``*_story`` function here turns them into
flowables. ``LISTS`` describes every kind: its Japanese title, whether it
carries personal data, and the columns the user may choose from (birth
dates and notes are off by default: print only what the recipient needs).

People are always sorted 50音順 by their folded ふりがな (``Person.kana_key``;
a person without ふりがな sorts after the others, by name).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

from reportlab.platypus import Flowable, KeepTogether

from coordinator_app.reports import pdf

RESULT_BOXES = "□異常なし □不在 □異変あり"


@dataclass(frozen=True)
class Column:
    """A column the user may switch on or off. ``width`` is relative (mm
    on a full page; the table is scaled to the page)."""

    key: str
    label: str
    width: float
    default: bool = True
    wrap: bool = False
    align: str = "LEFT"
    hint: str = ""  # shown beside the label in the dialog, e.g. 記入欄

    @property
    def choice_label(self) -> str:
        return f"{self.label}（{self.hint}）" if self.hint else self.label


@dataclass(frozen=True)
class ListKind:
    code: str
    title: str
    personal: bool
    columns: tuple[Column, ...] = ()
    landscape: bool = False

    def default_columns(self) -> list[str]:
        return [c.key for c in self.columns if c.default]

    def chosen(self, keys: Iterable[str] | None) -> list[Column]:
        """The chosen columns in the list's own order; None → defaults.
        Unknown keys are refused (a typo must not print everything)."""
        if keys is None:
            keys = self.default_columns()
        keys = list(keys)
        known = {c.key for c in self.columns}
        unknown = [k for k in keys if k not in known]
        if unknown:
            raise ValueError(f"列「{'・'.join(unknown)}」はこの一覧にありません")
        return [c for c in self.columns if c.key in keys]


NO = Column("no", "No.", 9, align="RIGHT")
LISTS: dict[str, ListKind] = {
    "branches": ListKind("branches", "支部拠点一覧", False, (
        Column("code", "コード", 12, default=False),
        Column("name", "支部名", 34, wrap=True),
        Column("base_name", "拠点名", 40, wrap=True),
        Column("address", "住所", 62, wrap=True),
        Column("phone", "電話番号", 28),
    )),
    "volunteers": ListKind("volunteers", "ボランティア名簿", True, (
        NO,
        Column("name", "氏名・団体名", 36, wrap=True),
        Column("kana", "ふりがな", 34, wrap=True),
        Column("kind", "種別", 11, default=False),
        Column("roles", "活動内容", 32, wrap=True),
        Column("phone", "電話番号", 26),
        Column("address", "住所", 46, default=False, wrap=True),
        Column("area", "自治会", 28, wrap=True),
        Column("skills", "特技", 24, default=False, wrap=True),
        Column("insurance", "保険年度", 14, default=False),
        Column("registered", "登録日", 16, default=False),
        Column("birth_date", "生年月日", 17, default=False),
        Column("note", "メモ", 40, default=False, wrap=True),
    )),
    "watch_users": ListKind("watch_users", "見守り電話確認リスト", True, (
        NO,
        Column("name", "氏名", 30, wrap=True),
        Column("kana", "ふりがな", 30, wrap=True),
        Column("phone", "電話番号", 26),
        Column("last_contact", "最終連絡", 32, wrap=True),
        Column("area", "自治会", 26, default=False, wrap=True),
        Column("address", "住所", 44, default=False, wrap=True),
        Column("cooperators", "担当協力員", 32, default=False, wrap=True),
        Column("emergency", "緊急連絡先", 34, default=False, wrap=True),
        Column("birth_date", "生年月日", 17, default=False),
        Column("note", "メモ（台帳）", 36, default=False, wrap=True),
        Column("write_date", "日付", 18, hint="記入欄"),
        Column("write_result", "結果", 44, wrap=True, hint="記入欄"),
        Column("write_memo", "メモ", 56, hint="記入欄"),
    ), landscape=True),
    "assignments": ListKind("assignments", "協力員担当表", True, (
        NO,
        Column("name", "利用者氏名", 34, wrap=True),
        Column("kana", "ふりがな", 32, wrap=True),
        Column("phone", "電話番号", 26),
        Column("address", "住所", 48, wrap=True),
        Column("area", "自治会", 28, default=False, wrap=True),
        Column("last_contact", "最終連絡", 24, default=False, wrap=True),
        Column("birth_date", "生年月日", 17, default=False),
        Column("note", "メモ", 36, default=False, wrap=True),
    )),
    "disaster": ListKind("disaster", "災害時安否確認リスト", True, (
        NO,
        Column("name", "氏名", 30, wrap=True),
        Column("kana", "ふりがな", 28, wrap=True),
        Column("phone", "電話番号", 25),
        Column("address", "住所", 44, wrap=True),
        Column("emergency", "緊急連絡先", 32, default=False, wrap=True),
        Column("birth_date", "生年月日", 17, default=False),
        Column("note", "メモ（台帳）", 34, default=False, wrap=True),
        Column("safe", "安全", 10, align="CENTER", hint="記入欄"),
        Column("needs_help", "要支援", 12, align="CENTER", hint="記入欄"),
        Column("unreachable", "不通", 10, align="CENTER", hint="記入欄"),
        Column("checked_at", "確認時刻", 16, hint="記入欄"),
        Column("write_memo", "メモ", 40, hint="記入欄"),
    ), landscape=True),
}
WRITE_IN = {"write_date", "write_result", "write_memo", "safe", "needs_help",
            "unreachable", "checked_at"}


# --- rows --------------------------------------------------------------------------


@dataclass(frozen=True)
class BranchRow:
    """One branch on the 支部拠点一覧 (no personal data)."""

    code: str
    name: str
    base_name: str
    address: str
    phone: str


@dataclass(frozen=True)
class PersonRow:
    """One person on a list, with every column value already formatted."""

    person_id: int
    kana_key: str
    name_key: str
    values: dict[str, str]
    area: str = ""
    group: tuple = ()

    @property
    def sort_key(self):
        return (self.kana_key == "", self.kana_key, self.name_key, self.person_id)


class CooperatorName(NamedTuple):
    """A cooperator in the heading of a 担当表 block."""

    name: str
    kana_key: str
    phone: str


# --- layout ------------------------------------------------------------------------


def _cell(column: Column, row: PersonRow, index: int) -> object:
    if column.key == "no":
        return str(index)
    if column.key == "write_result":
        return RESULT_BOXES
    if column.key in ("safe", "needs_help", "unreachable"):
        return pdf.CHECKBOX
    if column.key in WRITE_IN:
        return ""
    return row.values.get(column.key, "")


def person_table(kind: ListKind, columns: Sequence[Column], rows: Sequence[PersonRow],
                 header: pdf.PageHeader, *, row_padding_mm: float = 1.0,
                 start: int = 1):
    """The grid of one list: chosen columns, header repeated on each page."""
    widths = pdf.fit_widths([c.width for c in columns], header)
    wrap = [i for i, c in enumerate(columns) if c.wrap]
    align = {i: c.align for i, c in enumerate(columns) if c.align != "LEFT"}
    extra = []
    for i, c in enumerate(columns):
        if c.key in ("safe", "needs_help", "unreachable"):
            extra.append(("FONTSIZE", (i, 1), (i, -1), 15))
        if c.key == "write_result":
            extra.append(("FONTSIZE", (i, 1), (i, -1), 8))
    body = [[_cell(c, r, start + n) for c in columns] for n, r in enumerate(rows)]
    return pdf.data_table([c.label for c in columns], body, widths, wrap=wrap, align=align,
                          row_padding_mm=row_padding_mm, extra_style=extra)


def branches_story(rows: Sequence[BranchRow], columns: Sequence[Column],
                   header: pdf.PageHeader) -> list[Flowable]:
    widths = pdf.fit_widths([c.width for c in columns], header)
    wrap = [i for i, c in enumerate(columns) if c.wrap]
    body = [[getattr(r, c.key) for c in columns] for r in rows]
    return [pdf.data_table([c.label for c in columns], body, widths, wrap=wrap,
                           row_padding_mm=1.5),
            pdf.spacer(3),
            pdf.para(f"全{len(rows)}支部", "small")]


def simple_list_story(kind: ListKind, columns: Sequence[Column], rows: Sequence[PersonRow],
                      header: pdf.PageHeader, note: str = "",
                      row_padding_mm: float = 1.0) -> list[Flowable]:
    story: list[Flowable] = []
    if note:
        story += [pdf.para(note, "small"), pdf.spacer(2)]
    if rows:
        story.append(person_table(kind, columns, rows, header, row_padding_mm=row_padding_mm))
    else:
        story.append(pdf.para("該当する人はいません。"))
    story += [pdf.spacer(2), pdf.para(f"計 {len(rows)} 名", "small")]
    return story


def assignments_story(kind: ListKind, columns: Sequence[Column], rows: Sequence[PersonRow],
                      header: pdf.PageHeader,
                      cooperators: dict[int, CooperatorName],
                      show_cooperator_phone: bool = True) -> list[Flowable]:
    """協力員担当表: one block per cooperator pair (the set of volunteers
    assigned to the same users), pairs in 50音順 of their first member,
    users 50音順 within; users without cooperators come last."""
    groups: dict[tuple, list[PersonRow]] = defaultdict(list)
    for r in rows:
        groups[r.group].append(r)

    def pair_key(group: tuple):
        if not group:
            return (1, ())
        return (0, tuple(sorted(cooperators.get(v, ("", "", ""))[1] for v in group)))

    story: list[Flowable] = []
    for group in sorted(groups, key=pair_key):
        members = sorted((cooperators.get(v, ("?", "", "")) for v in group),
                         key=lambda m: m[1])
        if members:
            names = "・".join(m[0] for m in members)
            title = f"協力員: {names}"
            if show_cooperator_phone:
                phones = "、".join(f"{m[0]} {m[2]}" for m in members if m[2])
                if phones:
                    title += f"（{phones}）"
        else:
            title = "担当協力員が決まっていない利用者"
        users = groups[group]
        story.append(KeepTogether([
            pdf.para(f"{title}　{len(users)}名", "heading"),
            person_table(kind, columns, users, header),
        ]))
        story.append(pdf.spacer(2))
    if not rows:
        story.append(pdf.para("該当する利用者はいません。"))
    pairs = sum(1 for g in groups if g)
    story.append(pdf.para(f"協力員の組 {pairs} 組・利用者 計 {len(rows)} 名", "small"))
    return story


def disaster_story(kind: ListKind, columns: Sequence[Column], rows: Sequence[PersonRow],
                   header: pdf.PageHeader) -> list[Flowable]:
    """災害時安否確認リスト: a roll-call sheet for a day without power,
    one section per 自治会 (so the sheets can be shared out), 50音順
    within; boxes 安全・要支援・不通 to tick by hand."""
    story: list[Flowable] = [
        pdf.para("確認日 ＿＿年＿＿月＿＿日　　確認者 ＿＿＿＿＿＿＿＿＿＿　　"
                 "安全□ 要支援□ 不通□ のいずれかに印を付け、時刻を記入してください。", "small"),
        pdf.spacer(2),
    ]
    by_area: dict[str, list[PersonRow]] = defaultdict(list)
    for r in rows:
        by_area[r.area].append(r)
    n = 1
    for area in sorted(by_area, key=lambda a: (a == "", a)):
        members = by_area[area]
        story.append(pdf.para(f"{area or '自治会の登録なし'}　{len(members)}名", "heading"))
        story.append(person_table(kind, columns, members, header, row_padding_mm=2.5, start=n))
        n += len(members)
    if not rows:
        story.append(pdf.para("該当する利用者はいません。"))
    story += [pdf.spacer(2), pdf.para(f"計 {len(rows)} 名", "small")]
    return story
