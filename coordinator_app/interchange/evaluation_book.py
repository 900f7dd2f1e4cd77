"""The 進行管理・評価シート as an Excel workbook, and the committee's
comments read back from it. Qt-free.

One worksheet per 事業 (or indicator placed in no 事業), laid out like the
printed sheet (headings, one target row per indicator with the years'
targets and actuals, the decided grades, the narratives), so the 推進委員会
can type its comments in Excel; ``read_comments`` takes back only the
「推進委員会の意見」 cell of each worksheet, found by its label, with the
事業ID (or indicator code) and fiscal year the workbook was written for.
"""

from __future__ import annotations

import io
import re

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.dates import fiscal_year_label
from coordinator_app.interchange import sheets

COMMITTEE = "推進委員会の意見"
CODE_LABEL = "指標コード"  # an indicator placed in no 事業
PROJECT_LABEL = "事業ID"
YEAR_LABEL = "評価年度"
NARRATIVE_LABELS = [("activities", "取り組み内容"), ("progress", "進捗状況及び自己評価"),
                    ("issues", "課題"), ("next_steps", "今後の取り組み方針"),
                    ("collaboration", "協働事項"), ("committee", COMMITTEE)]
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


class BookError(ValueError):
    """A workbook that cannot be read back (Japanese message naming the sheet)."""


def _decided(grade: str) -> str:
    return core.DECISIONS[grade] if grade == core.NO_GRADE else grade


def write_book(data) -> bytes:
    """The workbook of ``data`` (``services.indicators.SheetData``)."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"strings_to_formulas": False, "strings_to_urls": False,
                                   "in_memory": True})
    label = wb.add_format({"bold": True, "bg_color": "#EDEDED", "border": 1, "valign": "top",
                           "text_wrap": True})
    text = wb.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    center = wb.add_format({"border": 1, "align": "center"})
    comment = wb.add_format({"border": 2, "text_wrap": True, "valign": "top",
                             "bg_color": "#FFF8DC"})
    title = wb.add_format({"bold": True, "font_size": 14})
    used: set[str] = set()
    fy = data.fiscal_year
    for n, e in enumerate(data.entries, 1):
        name = _BAD_SHEET_CHARS.sub("・", f"{n:02d} {e.project or e.code}")[:31]
        while name in used:
            name = name[:-1] + "_"
        used.add(name)
        ws = wb.add_worksheet(name)
        ws.write_string(0, 0, f"{fiscal_year_label(fy)}　進行管理・評価シート", title)
        heads = [("計画名", data.plan.name), (YEAR_LABEL, fy),
                 (PROJECT_LABEL, e.project_id) if e.project_id else (CODE_LABEL, e.code),
                 ("基本目標", e.goal), ("施策の方向性", e.policy),
                 ("事業名", ("※" if e.focus else "") + e.project), ("事業の概要", e.overview),
                 ("部局名", e.department), ("課名", e.office), ("係名", e.team)]
        row = 2
        for head, value in heads:
            ws.write_string(row, 0, head, label)
            if isinstance(value, int):
                ws.write_number(row, 1, value, text)
            else:
                ws.write_string(row, 1, sheets.cell(value), text)
            row += 1
        row += 1
        years = sorted({f.fiscal_year for r, _ in e.rows for f in (r.series or [r.year])}
                       | set(data.plan.years) | {fy})
        ws.write_row(row, 0, ["指標名", ""] + [fiscal_year_label(y) for y in years], label)
        for r, again in e.rows:
            i = r.info
            by_year = {f.fiscal_year: f for f in r.series or [r.year]}
            shown = [y in by_year and y <= fy for y in years]  # later years blank, as printed
            title_cell = (f"{i.name}（{i.unit}）" if i.unit else i.name) + ("（再掲）" if again else "")
            for head, values in (
                    ("目標値", [core.format_value(by_year[y].target, i.unit) if y in by_year else ""
                               for y in years]),
                    ("実績値", [(by_year[y].uncounted or core.format_value(by_year[y].actual, i.unit))
                               if ok else "" for y, ok in zip(years, shown)])):
                row += 1
                ws.write_string(row, 0, sheets.cell(title_cell if head == "目標値" else ""), label)
                ws.write_string(row, 1, head, label)
                for c, v in enumerate(values, 2):
                    ws.write_string(row, c, sheets.cell(v), center)
        row += 1
        ws.write_string(row, 0, "評価", label)
        ws.write_string(row, 1, "", label)
        for c, y in enumerate(years, 2):
            ws.write_string(row, c, _decided(e.grades.get(y, "")) if y <= fy else "", center)
        for r, _ in e.rows:
            for f in r.series or [r.year]:
                if f.note and f.fiscal_year <= fy:
                    row += 1
                    ws.write_string(row, 0, sheets.cell(
                        f"※ {r.info.name} {fiscal_year_label(f.fiscal_year)}: {f.note}"))
        row += 2
        for field, head in NARRATIVE_LABELS:
            ws.write_string(row, 0, head, label)
            value = sheets.cell(getattr(e.narrative, field, "") or "")
            ws.merge_range(row, 1, row, 7, value, comment if field == "committee" else text)
            ws.set_row(row, 60)
            row += 1
        ws.set_column(0, 0, 22)
        ws.set_column(1, 1, 8)
        ws.set_column(2, 8, 13)
    wb.close()
    return buf.getvalue()


def read_comments(data: bytes, name: str = "ブック"
                  ) -> tuple[int, dict[tuple[str, str], str]]:
    """(fiscal year, {("project", 事業ID) or ("indicator", code): 推進委員会の意見})
    of a workbook written by ``write_book``; a worksheet without the labels
    is refused, naming it."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise BookError(f"{name}: Excel のブック（.xlsx）として読めません") from exc
    years, comments = set(), {}
    try:
        for ws in wb.worksheets:
            found: dict[str, object] = {}
            for cells in ws.iter_rows(max_col=2, values_only=True):
                if cells and isinstance(cells[0], str) and len(cells) > 1:
                    found.setdefault(cells[0].strip(), cells[1])
            id_label = PROJECT_LABEL if PROJECT_LABEL in found else CODE_LABEL
            if not {id_label, YEAR_LABEL, COMMITTEE} <= set(found):
                raise BookError(f"{name}: シート「{ws.title}」に {PROJECT_LABEL}（または{CODE_LABEL}）・"
                                f"{YEAR_LABEL}・{COMMITTEE} の欄がありません"
                                "（アプリで書き出したブックを使ってください）")
            value = found[id_label]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            key = ("project" if id_label == PROJECT_LABEL else "indicator",
                   str(value if value is not None else "").strip())
            if key in comments:
                raise BookError(f"{name}: {id_label} {key[1]} のシートが2つあります（「{ws.title}」）")
            try:
                years.add(int(found[YEAR_LABEL]))
            except (TypeError, ValueError):
                raise BookError(f"{name}: シート「{ws.title}」の{YEAR_LABEL}が読めません") from None
            value = found[COMMITTEE]
            text = "" if value is None else str(value)
            comments[key] = text[1:] if text.startswith("'") and text[1:2] in \
                sheets.FORMULA_STARTS else text
    finally:
        wb.close()
    if len(years) != 1:
        raise BookError(f"{name}: 評価年度の違うシートが混ざっています" if years
                        else f"{name}: シートがありません")
    return years.pop(), comments
