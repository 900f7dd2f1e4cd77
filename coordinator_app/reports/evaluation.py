"""進行管理・評価シート (seed 003) as PDF. Qt-free.

Page 1: the summary of every 事業 in plan order (grouped by 基本目標) with
its grade per fiscal year of the plan and the 頁 of its sheet. Then one
page (or more, when the narratives are long) per 事業: the plan's
headings, one target row per indicator (目標値 and 実績値 of every plan
year, a 再掲 one marked 「（再掲）」) with the year notes as footnotes, the
grade per year and the six narratives; a 事業 without an indicator has no
target rows. An indicator placed in no 事業 has a sheet of its own.
Only the evaluator's decided grades are printed (never the app's
proposal), and a sheet leaves the years after its own blank, as a
committee's sheet does. Built on ``reports.pdf`` (embedded
IPAexGothic, CJK line breaking, page numbers).
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Table, TableStyle

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.dates import fiscal_year_label
from coordinator_app.reports import pdf

TITLE = "進行管理・評価シート"
GRADE_LEGEND = "　".join(f"{g}　{label}" for g, label in core.GRADES.items())
SECTIONS = [
    ("1　取り組み内容・成果・進捗状況", [("activities", "取り組み内容"),
                                  ("progress", "進捗状況及び自己評価")]),
    ("2　課題・今後の取り組み方針", [("issues", "課題"), ("next_steps", "今後の取り組み方針")]),
    ("3　協働事項（事業推進のために、市民や地域に協力してもらいたいこと）",
     [("collaboration", "協働事項")]),
    ("4　推進委員会の意見（評価）", [("committee", "推進委員会の意見")]),
]
LABEL_FILL = colors.HexColor("#EDEDED")


def _decided(grade: str, short: bool = False) -> str:
    """A decided grade as printed: A/B/C, 評価なし (－ in the summary)."""
    if grade == core.NO_GRADE:
        return "－" if short else core.DECISIONS[grade]
    return grade


def _grid(data, widths_mm, label_cols=(0,), header_row=False, font_size=9) -> Table:
    # splitInRow: a long narrative continues on the next page.
    table = Table(data, colWidths=[w * mm for w in widths_mm], hAlign="LEFT", splitInRow=1)
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), pdf.FONT_NAME),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("LEADING", (0, 0), (-1, -1), font_size * 1.3),
        ("GRID", (0, 0), (-1, -1), 0.5, pdf.GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for c in label_cols:
        cmds.append(("BACKGROUND", (c, 0), (c, -1), LABEL_FILL))
    if header_row:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL))
    table.setStyle(TableStyle(cmds))
    return table


def _indicator_names(entry) -> str:
    return "\n".join(_name(r.info) + ("（再掲）" if restated else "")
                     for r, restated in entry.rows)


def _name(info) -> str:
    return f"{info.name}（{info.unit}）" if info.unit else info.name


def _summary(data, pages: dict[str, int]) -> list:
    """Every sheet in plan order (grouped by 基本目標, the goal printed on
    its group's first row), its decided grade per year and the 頁 of its
    sheet (``pages``: entry key → page number; empty on the measuring
    pass). The indicators are counted once (再掲 ones not again)."""
    years = data.summary_years
    year_w = 9 if len(years) <= 5 else max(6, 45 // len(years))
    page_w = 8
    fixed = pdf.content_width() / mm - year_w * len(years) - page_w
    widths = [fixed * f for f in (0.17, 0.19, 0.2, 0.27, 0.17)] + [year_w] * len(years) + [page_w]
    header = ["基本目標", "施策の方向性", "事業名", "指標名", "担当課"] + [
        core.short_year(y) for y in years] + ["頁"]
    rows, previous = [], None
    for e in data.entries:
        rows.append([e.goal if e.goal != previous else "", e.policy, _focus(e) + e.project,
                     _indicator_names(e), e.office]
                    + [_decided(e.grades.get(y, ""), short=True) if y <= data.fiscal_year else ""
                       for y in years] + [str(pages.get(e.key, ""))])
        previous = e.goal
    projects = sum(1 for e in data.entries if e.project_id)
    restated = sum(1 for e in data.entries for _, again in e.rows if again)
    count = f"指標 {len(data.results)}件" + (f"（再掲 {restated}件を除く）" if restated else "")
    story = [
        pdf.para(f"{data.plan.name}　{TITLE}", "title"),
        pdf.para(f"計画期間 {core.plan_label(data.plan.first_fy, data.plan.last_fy)}　"
                 f"評価年度 {fiscal_year_label(data.fiscal_year)}　対象 {data.scope_label}　"
                 f"集計元 {data.source_label}", "small"),
        *[pdf.para(f"※ {text}", "small") for text in _gaps(data)],
        pdf.spacer(3),
        pdf.data_table(header, rows, widths, wrap=range(5),
                       align={5 + k: "CENTER" for k in range(len(years) + 1)}),
        pdf.spacer(3),
        pdf.para("　".join(filter(None, [f"事業 {projects}件" if projects else "", count])),
                 "small"),
        pdf.para("進捗状況: " + GRADE_LEGEND, "small"),
    ]
    if any(e.focus for e in data.entries):
        story.append(pdf.para(f"{FOCUS_MARK}は重点的評価施策", "small"))
    if not data.entries:
        story.insert(3, pdf.para("有効な事業・指標がありません。", "body"))
    return story


class _PageMark(Flowable):
    """Notes the page it lands on (the summary's 頁 column)."""

    def __init__(self, code: str, pages: dict[str, int]) -> None:  # code: entry key
        super().__init__()
        self.code, self.pages = code, pages

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        self.pages.setdefault(self.code, self.canv.getPageNumber())


FOCUS_MARK = "※"


def _focus(entry) -> str:
    """The ※ of a 重点的評価施策 before its 事業名."""
    return FOCUS_MARK if entry.focus else ""


def _gaps(data) -> list[str]:
    """The summary's warning: the sheet year's figures lacking files."""
    gaps = sorted({r.year.gap for r in data.results if r.year.gap})
    return [f"{fiscal_year_label(data.fiscal_year)}の集計ファイルが揃っていません（{g}）"
            for g in gaps]


def _value(v, unit: str) -> str:
    return core.format_value(v, unit if not isinstance(v, str) else "")


def _shown(f, fy: int) -> bool:
    """The years after the sheet's own are left blank (targets stay)."""
    return f.fiscal_year <= fy


def _sheet_page(data, entry) -> list:
    width = pdf.content_width() / mm
    label_w = 30
    described = [_name(r.info) + ("（再掲）" if again else "") + "　" + r.info.definition.describe()
                 if r.info.definition.describe() else _name(r.info) + ("（再掲）" if again else "")
                 for r, again in entry.rows]
    heading = _grid([
        [pdf.para("計画名", "cell"), pdf.para(data.plan.name, "cell")],
        [pdf.para("基本目標", "cell"), pdf.para(entry.goal, "cell")],
        [pdf.para("施策の方向性", "cell"), pdf.para(entry.policy, "cell")],
        [pdf.para("事業名", "cell"), pdf.para(_focus(entry) + entry.project, "cell")],
        [pdf.para("事業の概要", "cell"), pdf.para(entry.overview, "cell")],
        [pdf.para("部局名", "cell"), pdf.para(entry.department, "cell")],
        [pdf.para("課名", "cell"), pdf.para(entry.office, "cell")],
        [pdf.para("係名", "cell"), pdf.para(entry.team, "cell")],
        [pdf.para("指標名", "cell"), pdf.para("\n".join(described), "cell")],
    ], [label_w, width - label_w])

    fy = data.fiscal_year
    years = sorted({f.fiscal_year for r, _ in entry.rows for f in (r.series or [r.year])}
                   | set(data.plan.years) | {fy})
    # Footnote marks numbered over the sheet's rows in order.
    notes, mark = [], {}
    for n, (r, _) in enumerate(entry.rows):
        for f in r.series or [r.year]:
            if f.note and _shown(f, fy):
                notes.append((r, f))
                mark[(n, f.fiscal_year)] = f"※{len(notes)}"
    name_w, kind_w = 34, 14
    year_w = (width - name_w - kind_w) / max(len(years), 1)
    table = [["指標名" if entry.rows else "年度", ""] + [fiscal_year_label(y) for y in years]]
    spans = []
    for n, (r, again) in enumerate(entry.rows):
        by_year = {f.fiscal_year: f for f in r.series or [r.year]}
        unit = r.info.unit
        targets = [_value(by_year[y].target, unit) if y in by_year else "" for y in years]
        actuals = []
        for y in years:
            f = by_year.get(y)
            if f is None or not _shown(f, fy):
                actuals.append("")
                continue
            if f.uncounted:  # a figure the received files cannot give: says so
                actuals.append(f.uncounted)
                continue
            actuals.append(_value(f.actual, unit) + ("（途中）" if f.in_progress and
                                                      f.actual is not None else "")
                           + mark.get((n, y), ""))
        row = len(table)
        table.append([_name(r.info) + ("（再掲）" if again else ""), "目標値"] + targets)
        table.append(["", "実績値"] + actuals)
        spans.append(("SPAN", (0, row), (0, row + 1)))
    table.append(["評価", ""] + [_decided(entry.grades.get(y, "")) if y <= fy else ""
                               for y in years])
    spans.append(("SPAN", (0, len(table) - 1), (1, len(table) - 1)))
    figures = _grid([[pdf.para(c, "cell_center") for c in row] for row in table],
                    [name_w, kind_w] + [year_w] * len(years), label_cols=(0, 1),
                    header_row=True)
    figures.setStyle(TableStyle(spans))

    decided = entry.grades.get(fy, "")
    grade_text = (f"{decided}　{core.GRADES[decided]}" if decided in core.GRADES
                  else _decided(decided))
    grade = _grid([[pdf.para(f"{fiscal_year_label(fy)}の評価", "cell"),
                    pdf.para(grade_text, "heading")]], [label_w, width - label_w])

    story = [
        pdf.para(f"{fiscal_year_label(fy)}　{TITLE}", "title"),
        pdf.para(f"{data.plan.name}　対象 {data.scope_label}　集計元 {data.source_label}", "small"),
        pdf.spacer(2), heading, pdf.spacer(3), figures]
    story += [pdf.para(f"※{k}　{(r.info.name + '　') if len(entry.rows) > 1 else ''}"
                       f"{fiscal_year_label(f.fiscal_year)}: {f.note}", "small")
              for k, (r, f) in enumerate(notes, 1)]
    story += [pdf.para(f"※　{(r.info.name + '　') if len(entry.rows) > 1 else ''}"
                       f"{fiscal_year_label(f.fiscal_year)}の実績は集計ファイルが揃っていません"
                       f"（{f.gap}）", "small")
              for r, _ in entry.rows for f in (r.series or [r.year]) if f.gap and _shown(f, fy)]
    story += [pdf.spacer(2), grade, pdf.para(GRADE_LEGEND, "small"), pdf.spacer(2)]
    for title, fields in SECTIONS:
        rows = [[pdf.para(label, "cell"), pdf.para(getattr(entry.narrative, name) or "", "cell")]
                for name, label in fields]
        story += [CondPageBreak(25 * mm), pdf.para(title, "heading"),
                  _grid(rows, [label_w, width - label_w])]
    return story


def write_pdf(data, target, printed_on: dt.date | None = None) -> int:
    """Lay the whole sheet for ``data`` (``services.indicators.SheetData``)
    out into ``target`` (a path or a binary file); returns the number of
    pages. Laid out twice: the first pass finds the page of each sheet for
    the summary's 頁 column (the column is there in both passes, so the
    pages do not move)."""
    header = pdf.PageHeader(title=TITLE, branch=data.scope_label, printed_on=printed_on,
                            subtitle=f"{data.plan.name}　{fiscal_year_label(data.fiscal_year)}")

    def story(known: dict[str, int], found: dict[str, int]) -> list:
        out = _summary(data, known)
        for entry in data.entries:
            out += [PageBreak(), _PageMark(entry.key, found)]
            out.extend(_sheet_page(data, entry))
        return out

    pages: dict[str, int] = {}
    pdf.build_pdf(io.BytesIO(), header, story({}, pages))
    return pdf.build_pdf(target, header, story(pages, {})).pages
