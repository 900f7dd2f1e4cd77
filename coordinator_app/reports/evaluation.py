"""進行管理・評価シート (seed 003) as PDF. Qt-free.

Page 1: the summary of every indicator with its grade per fiscal year of
the plan. Then one page (or more, when the narratives are long) per
indicator: the plan's headings, the targets and actuals of every plan
year, the grade and the six narratives. Built on ``reports.pdf`` (embedded
IPAexGothic, CJK line breaking, page numbers).
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Table, TableStyle

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


def _summary(data) -> list:
    years = data.summary_years
    year_w = 9 if len(years) <= 5 else max(6, 45 // len(years))
    fixed = pdf.content_width() / mm - year_w * len(years)
    widths = [fixed * f for f in (0.17, 0.19, 0.2, 0.27, 0.17)] + [year_w] * len(years)
    header = ["基本目標", "施策の方向性", "事業名", "指標名", "担当課"] + [
        core.short_year(y) for y in years]
    rows = []
    for r in data.results:
        i = r.info
        grades = data.summary.get(i.code, {})
        rows.append([i.goal, i.policy, i.project, f"{i.name}（{i.unit}）" if i.unit else i.name,
                     i.office] + [grades.get(y, "") for y in years])
    story = [
        pdf.para(f"{data.plan.name}　{TITLE}", "title"),
        pdf.para(f"計画期間 {core.plan_label(data.plan.first_fy, data.plan.last_fy)}　"
                 f"評価年度 {fiscal_year_label(data.fiscal_year)}　対象 {data.scope_label}　"
                 f"集計元 {data.source_label}", "small"),
        pdf.spacer(3),
        pdf.data_table(header, rows, widths, wrap=range(5),
                       align={5 + k: "CENTER" for k in range(len(years))}),
        pdf.spacer(3),
        pdf.para("進捗状況: " + GRADE_LEGEND, "small"),
    ]
    if not data.results:
        story.insert(3, pdf.para("有効な指標がありません。", "body"))
    return story


def _value(v, unit: str) -> str:
    return core.format_value(v, unit if not isinstance(v, str) else "")


def _indicator_page(data, result) -> list:
    i = result.info
    width = pdf.content_width() / mm
    label_w = 30
    heading = _grid([
        [pdf.para("計画名", "cell"), pdf.para(data.plan.name, "cell")],
        [pdf.para("基本目標", "cell"), pdf.para(i.goal, "cell")],
        [pdf.para("施策の方向性", "cell"), pdf.para(i.policy, "cell")],
        [pdf.para("事業名", "cell"), pdf.para(i.project, "cell")],
        [pdf.para("事業の概要", "cell"), pdf.para(i.overview, "cell")],
        [pdf.para("担当課", "cell"), pdf.para(i.office, "cell")],
        [pdf.para("指標名", "cell"),
         pdf.para(f"{i.name}（{i.unit}）　{i.definition.describe()}" if i.unit
                  else f"{i.name}　{i.definition.describe()}", "cell")],
    ], [label_w, width - label_w])

    series = result.series or [result.year]
    year_w = (width - label_w) / max(len(series), 1)
    table = [["年度"] + [fiscal_year_label(f.fiscal_year) for f in series],
             ["目標値"] + [_value(f.target, i.unit) for f in series],
             ["実績値"] + [_value(f.actual, i.unit) + ("（途中）" if f.in_progress and
                                                      f.actual is not None else "")
                        for f in series],
             ["評価"] + [f.grade for f in series]]
    figures = _grid([[pdf.para(c, "cell_center") for c in row] for row in table],
                    [label_w] + [year_w] * len(series), header_row=True)

    y = result.year
    grade_text = (f"{y.grade}　{core.GRADES[y.grade]}" if y.grade
                  else "評価なし（目標または実績がありません）")
    if y.override:
        grade_text += f"（自動判定 {y.computed_grade or 'なし'} から変更: {y.override_reason}）"
    grade = _grid([[pdf.para(f"{fiscal_year_label(data.fiscal_year)}の評価", "cell"),
                    pdf.para(grade_text, "heading")]], [label_w, width - label_w])

    story = [
        pdf.para(f"{fiscal_year_label(data.fiscal_year)}　{TITLE}", "title"),
        pdf.para(f"{data.plan.name}　対象 {data.scope_label}　集計元 {data.source_label}", "small"),
        pdf.spacer(2), heading, pdf.spacer(3), figures, pdf.spacer(2), grade,
        pdf.para(GRADE_LEGEND, "small"), pdf.spacer(2),
    ]
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
    pages."""
    header = pdf.PageHeader(title=TITLE, branch=data.scope_label, printed_on=printed_on,
                            subtitle=f"{data.plan.name}　{fiscal_year_label(data.fiscal_year)}")
    story = _summary(data)
    for result in data.results:
        story.append(PageBreak())
        story.extend(_indicator_page(data, result))
    return pdf.build_pdf(target, header, story).pages
