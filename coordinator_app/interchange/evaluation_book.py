"""The 進行管理・評価シート as an Excel workbook, and the committee's
comments read back from it. Qt-free.

One worksheet per indicator, laid out like the printed sheet (headings,
the years' targets, actuals and decided grades, the narratives), so the
推進委員会 can type its comments in Excel; ``read_comments`` takes back
only the 「推進委員会の意見」 cell of each worksheet, found by its label,
with the indicator code and fiscal year the workbook was written for.
"""

from __future__ import annotations

import io
import re

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.dates import fiscal_year_label
from coordinator_app.interchange import sheets

COMMITTEE = "推進委員会の意見"
CODE_LABEL = "指標コード"
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
    for n, r in enumerate(data.results, 1):
        i, fy = r.info, data.fiscal_year
        name = _BAD_SHEET_CHARS.sub("・", f"{n:02d} {i.name}")[:31]
        while name in used:
            name = name[:-1] + "_"
        used.add(name)
        ws = wb.add_worksheet(name)
        ws.write_string(0, 0, f"{fiscal_year_label(fy)}　進行管理・評価シート", title)
        heads = [("計画名", data.plan.name), (YEAR_LABEL, fy), (CODE_LABEL, i.code),
                 ("基本目標", i.goal), ("施策の方向性", i.policy),
                 ("事業名", ("※" if i.focus else "") + i.project), ("事業の概要", i.overview),
                 ("部局名", i.department), ("課名", i.office), ("係名", i.team),
                 ("指標名", "　".join(filter(None, [f"{i.name}（{i.unit}）" if i.unit else i.name,
                                                  i.definition.describe()])))]
        row = 2
        for head, value in heads:
            ws.write_string(row, 0, head, label)
            if isinstance(value, int):
                ws.write_number(row, 1, value, text)
            else:
                ws.write_string(row, 1, sheets.cell(value), text)
            row += 1
        row += 1
        series = r.series or [r.year]
        ws.write_row(row, 0, ["年度"] + [fiscal_year_label(f.fiscal_year) for f in series], label)
        shown = [f.fiscal_year <= fy for f in series]  # later years blank, as printed
        lines = [("目標値", [core.format_value(f.target, i.unit) for f in series]),
                 ("実績値", [core.format_value(f.actual, i.unit) if ok else ""
                             for f, ok in zip(series, shown)]),
                 ("評価", [_decided(f.decided) if ok else "" for f, ok in zip(series, shown)])]
        for head, values in lines:
            row += 1
            ws.write_string(row, 0, head, label)
            for c, v in enumerate(values, 1):
                ws.write_string(row, c, sheets.cell(v), center)
        for f, ok in zip(series, shown):
            if ok and f.note:
                row += 1
                ws.write_string(row, 0, f"※ {fiscal_year_label(f.fiscal_year)}: {f.note}")
        row += 2
        narrative = data.narratives.get(i.code)
        for field, head in NARRATIVE_LABELS:
            ws.write_string(row, 0, head, label)
            value = sheets.cell(getattr(narrative, field, "") or "")
            ws.merge_range(row, 1, row, 6, value, comment if field == "committee" else text)
            ws.set_row(row, 60)
            row += 1
        ws.set_column(0, 0, 18)
        ws.set_column(1, 6, 14)
    wb.close()
    return buf.getvalue()


def read_comments(data: bytes, name: str = "ブック") -> tuple[int, dict[str, str]]:
    """(fiscal year, {indicator code: 推進委員会の意見}) of a workbook written
    by ``write_book``; a worksheet without the labels is refused, naming it."""
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
            if not {CODE_LABEL, YEAR_LABEL, COMMITTEE} <= set(found):
                raise BookError(f"{name}: シート「{ws.title}」に {CODE_LABEL}・{YEAR_LABEL}・"
                                f"{COMMITTEE} の欄がありません（アプリで書き出したブックを使ってください）")
            code = str(found[CODE_LABEL] or "").strip()
            if code in comments:
                raise BookError(f"{name}: 指標 {code} のシートが2つあります（「{ws.title}」）")
            try:
                years.add(int(found[YEAR_LABEL]))
            except (TypeError, ValueError):
                raise BookError(f"{name}: シート「{ws.title}」の{YEAR_LABEL}が読めません") from None
            value = found[COMMITTEE]
            text = "" if value is None else str(value)
            comments[code] = text[1:] if text.startswith("'") and text[1:2] in \
                sheets.FORMULA_STARTS else text
    finally:
        wb.close()
    if len(years) != 1:
        raise BookError(f"{name}: 評価年度の違うシートが混ざっています" if years
                        else f"{name}: シートがありません")
    return years.pop(), comments
