"""進行管理・評価シート (seed 003) as PDF. Qt-free.

Page 1: the summary of every indicator with its grade per fiscal year of
the plan. Then one page (or more, when the narratives are long) per
indicator: the plan's headings, the targets and actuals of every plan
year with the year notes as footnotes, the grade and the six narratives.
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


def _summary(data, pages: dict[str, int]) -> list:
    """Every indicator in plan order (grouped by 基本目標, the goal printed on
    its group's first row), its decided grade per year and the 頁 of its
    sheet (``pages``: code → page number; empty on the measuring pass)."""
    years = data.summary_years
    year_w = 9 if len(years) <= 5 else max(6, 45 // len(years))
    page_w = 8
    fixed = pdf.content_width() / mm - year_w * len(years) - page_w
    widths = [fixed * f for f in (0.17, 0.19, 0.2, 0.27, 0.17)] + [year_w] * len(years) + [page_w]
    header = ["基本目標", "施策の方向性", "事業名", "指標名", "担当課"] + [
        core.short_year(y) for y in years] + ["頁"]
    rows, previous = [], None
    for r in data.results:
        i = r.info
        grades = data.summary.get(i.code, {})
        rows.append([i.goal if i.goal != previous else "", i.policy, _focus(i) + i.project,
                     f"{i.name}（{i.unit}）" if i.unit else i.name, i.office]
                    + [_decided(grades.get(y, ""), short=True) if y <= data.fiscal_year else ""
                       for y in years] + [str(pages.get(i.code, ""))])
        previous = i.goal
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
        pdf.para("進捗状況: " + GRADE_LEGEND, "small"),
    ]
    if any(r.info.focus for r in data.results):
        story.append(pdf.para(f"{FOCUS_MARK}は重点的評価施策", "small"))
    if not data.results:
        story.insert(3, pdf.para("有効な指標がありません。", "body"))
    return story


class _PageMark(Flowable):
    """Notes the page it lands on (the summary's 頁 column)."""

    def __init__(self, code: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.code, self.pages = code, pages

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        self.pages.setdefault(self.code, self.canv.getPageNumber())


FOCUS_MARK = "※"


def _focus(info) -> str:
    """The ※ of a 重点的評価施策 before its 事業名."""
    return FOCUS_MARK if info.focus else ""


def _gaps(data) -> list[str]:
    """The summary's warning: the sheet year's figures lacking files."""
    gaps = sorted({r.year.gap for r in data.results if r.year.gap})
    return [f"{fiscal_year_label(data.fiscal_year)}の集計ファイルが揃っていません（{g}）"
            for g in gaps]


def _value(v, unit: str) -> str:
    return core.format_value(v, unit if not isinstance(v, str) else "")


def _indicator_page(data, result) -> list:
    i = result.info
    width = pdf.content_width() / mm
    label_w = 30
    describe = i.definition.describe()
    heading = _grid([
        [pdf.para("計画名", "cell"), pdf.para(data.plan.name, "cell")],
        [pdf.para("基本目標", "cell"), pdf.para(i.goal, "cell")],
        [pdf.para("施策の方向性", "cell"), pdf.para(i.policy, "cell")],
        [pdf.para("事業名", "cell"), pdf.para(_focus(i) + i.project, "cell")],
        [pdf.para("事業の概要", "cell"), pdf.para(i.overview, "cell")],
        [pdf.para("部局名", "cell"), pdf.para(i.department, "cell")],
        [pdf.para("課名", "cell"), pdf.para(i.office, "cell")],
        [pdf.para("係名", "cell"), pdf.para(i.team, "cell")],
        [pdf.para("指標名", "cell"),
         pdf.para("　".join(filter(None, [f"{i.name}（{i.unit}）" if i.unit else i.name,
                                          describe])), "cell")],
    ], [label_w, width - label_w])

    series = result.series or [result.year]
    # The years after the sheet's own are left blank (targets stay).
    notes = [f for f in series if f.note and f.fiscal_year <= data.fiscal_year]
    mark = {f.fiscal_year: f"※{n}" for n, f in enumerate(notes, 1)}
    year_w = (width - label_w) / max(len(series), 1)
    table = [["年度"] + [fiscal_year_label(f.fiscal_year) for f in series],
             ["目標値"] + [_value(f.target, i.unit) for f in series],
             ["実績値"] + [_value(f.actual, i.unit) + ("（途中）" if f.in_progress and
                                                      f.actual is not None else "")
                        + mark.get(f.fiscal_year, "") if f.fiscal_year <= data.fiscal_year
                        else "" for f in series],
             ["評価"] + [_decided(f.decided) if f.fiscal_year <= data.fiscal_year else ""
                       for f in series]]
    figures = _grid([[pdf.para(c, "cell_center") for c in row] for row in table],
                    [label_w] + [year_w] * len(series), header_row=True)

    y = result.year
    grade_text = (f"{y.decided}　{core.GRADES[y.decided]}" if y.decided in core.GRADES
                  else _decided(y.decided))
    grade = _grid([[pdf.para(f"{fiscal_year_label(data.fiscal_year)}の評価", "cell"),
                    pdf.para(grade_text, "heading")]], [label_w, width - label_w])

    story = [
        pdf.para(f"{fiscal_year_label(data.fiscal_year)}　{TITLE}", "title"),
        pdf.para(f"{data.plan.name}　対象 {data.scope_label}　集計元 {data.source_label}", "small"),
        pdf.spacer(2), heading, pdf.spacer(3), figures]
    story += [pdf.para(f"{mark[f.fiscal_year]}　{fiscal_year_label(f.fiscal_year)}: {f.note}",
                       "small") for f in notes]
    story += [pdf.para(f"※　{fiscal_year_label(f.fiscal_year)}の実績は集計ファイルが揃っていません"
                       f"（{f.gap}）", "small")
              for f in series if f.gap and f.fiscal_year <= data.fiscal_year]
    story += [pdf.spacer(2), grade, pdf.para(GRADE_LEGEND, "small"), pdf.spacer(2)]
    narrative = data.narratives.get(i.code)
    for title, fields in SECTIONS:
        rows = [[pdf.para(label, "cell"), pdf.para(getattr(narrative, name, "") or "", "cell")]
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
        for result in data.results:
            out += [PageBreak(), _PageMark(result.info.code, found)]
            out.extend(_indicator_page(data, result))
        return out

    pages: dict[str, int] = {}
    pdf.build_pdf(io.BytesIO(), header, story({}, pages))
    return pdf.build_pdf(target, header, story(pages, {})).pages
