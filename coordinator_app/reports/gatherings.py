"""行事・サロンの印刷物: the 出席簿 (attendance sheet signed at the door)
and the グループ一覧 (the branch's activity groups with their contact).

Qt-free, layout only: ``services.printing`` reads the rows (in its session,
after its scope check) into ``GroupRow`` / ``AttendanceSheet`` and these
functions turn them into flowables for ``pdf.build_pdf``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from coordinator_app.core.dates import format_wareki
from coordinator_app.reports import pdf
from coordinator_app.reports.lists import NO, Column, ListKind

GROUP_LIST = ListKind("groups", "グループ一覧", True, (
    NO,
    Column("name", "グループ名", 40, wrap=True),
    Column("kana", "ふりがな", 34, default=False, wrap=True),
    Column("kind", "種別", 18, wrap=True),
    Column("area", "自治会", 28, wrap=True),
    Column("venue", "会場", 36, wrap=True),
    Column("pattern", "開催日（目安）", 32, wrap=True),
    Column("contact", "連絡係（ボランティア）", 32, wrap=True),
    Column("phone", "電話番号", 26),
    Column("period", "活動期間", 30, default=False, wrap=True),
    Column("subsidy", "助成年度", 22, default=False, wrap=True),
    Column("note", "メモ", 36, default=False, wrap=True),
), landscape=True)
ATTENDANCE_TITLE = "出席簿"
MAX_BLANK_ROWS = 200
FILLED_IN_NOTE = ("記入済みの出席簿は個人情報です。支部で保管し、"
                  "参加人数を記録したあとは細断してください。")


@dataclass(frozen=True)
class GroupRow:
    """One group on the グループ一覧, every value already formatted."""

    kana_key: str
    name: str
    values: dict[str, str]

    @property
    def sort_key(self):
        return (self.kana_key == "", self.kana_key, self.name)


@dataclass(frozen=True)
class Regular:
    """A regular (常連) pre-printed on the attendance sheet."""

    name: str
    volunteer: bool


@dataclass(frozen=True)
class AttendanceSheet:
    held_on: dt.date
    title: str
    group: str = ""  # the group's name, empty for an event without a group
    venue: str = ""
    kind: str = ""  # the event kind's label, e.g. 講座・研修
    regulars: tuple[Regular, ...] = field(default_factory=tuple)
    blank_rows: int = 20


def group_list_story(columns: Sequence[Column], rows: Sequence[GroupRow],
                     header: pdf.PageHeader) -> list[Flowable]:
    widths = pdf.fit_widths([c.width for c in columns], header)
    wrap = [i for i, c in enumerate(columns) if c.wrap]
    align = {i: c.align for i, c in enumerate(columns) if c.align != "LEFT"}
    body = [[str(n) if c.key == "no" else r.values.get(c.key, "") for c in columns]
            for n, r in enumerate(rows, start=1)]
    story: list[Flowable] = []
    if rows:
        story.append(pdf.data_table([c.label for c in columns], body, widths, wrap=wrap,
                                    align=align, row_padding_mm=1.5))
    else:
        story.append(pdf.para("該当するグループはありません。"))
    story += [pdf.spacer(2), pdf.para(f"計 {len(rows)} グループ", "small")]
    return story


ATTENDANCE_COLUMNS = (  # (label, width mm): wide name column, room to write
    ("No.", 10), ("出席", 13), ("お名前", 62), ("ボランティア", 22), ("メモ（連絡先・送迎など）", 73))


def attendance_story(sheet: AttendanceSheet, header: pdf.PageHeader) -> list[Flowable]:
    """The sheet: what and when on top, then one row per regular (name
    printed, 出席 to tick) and the blank rows for everyone else, then the
    totals to copy into the event record."""
    about = [("開催日", format_wareki(sheet.held_on, weekday=True)),
             ("名称", sheet.title)]
    if sheet.group:
        about.append(("グループ", sheet.group))
    if sheet.kind:
        about.append(("種別", sheet.kind))
    if sheet.venue:
        about.append(("会場", sheet.venue))
    story: list[Flowable] = [
        pdf.data_table(list(about[0]), about[1:], pdf.fit_widths([30, 150], header),
                       wrap=[1], zebra=False, row_padding_mm=0.8, font_size=10.5),
        pdf.spacer(3),
        pdf.para("来られた方は、お名前を書いてください" +
                 ("（常連の方は「出席」に印を付けてください）。" if sheet.regulars else "。"),
                 "small"),
        pdf.spacer(1.5),
    ]
    rows = [[str(n), pdf.CHECKBOX, r.name, "■" if r.volunteer else pdf.CHECKBOX, ""]
            for n, r in enumerate(sheet.regulars, start=1)]
    first_blank = len(rows) + 1
    rows += [[str(n), "", "", pdf.CHECKBOX, ""]
             for n in range(first_blank, first_blank + sheet.blank_rows)]
    widths = pdf.fit_widths([w for _, w in ATTENDANCE_COLUMNS], header)
    story.append(pdf.data_table(
        [label for label, _ in ATTENDANCE_COLUMNS], rows, widths, wrap=[2],
        align={0: "RIGHT", 1: "CENTER", 3: "CENTER"}, row_padding_mm=2.1, font_size=10.5,
        extra_style=[("FONTSIZE", (1, 1), (1, -1), 14), ("FONTSIZE", (3, 1), (3, -1), 14)]))
    story += [
        pdf.spacer(4),
        pdf.para("参加人数（ボランティアを含む） ＿＿＿＿ 人　　うちボランティア ＿＿＿＿ 人"
                 "　　記入者 ＿＿＿＿＿＿＿＿＿＿", "body"),
        pdf.spacer(2),
        pdf.para(FILLED_IN_NOTE, "small"),
    ]
    return story
