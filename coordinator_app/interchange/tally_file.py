"""The tally file (集計ファイル, docs/interchange.md): writing it as CSV or as
the paper monthly report's xlsx, reading and checking one, and
consolidating several. The figures come from ``core.counting``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from coordinator_app.core import codes
from coordinator_app.core.counting import (
    STOCK_MEASURES,
    KeyLists,
    TallyRow,
    fiscal_month_keys,
    key_label,
    month_text,
    ordered_keys,
    report_grid,
    sort_key,
)
from coordinator_app.core.dates import fiscal_months, fiscal_year_label, format_wareki
from coordinator_app.interchange import sheets
from coordinator_app.storage import private_files

HEADER = ["fiscal_year", "month", "branch_code", "measure", "breakdown", "key", "count"]


class TallyError(ValueError):
    """A tally file that breaks the contract (Japanese message)."""


def write_csv(rows: list[TallyRow], out: Path) -> None:
    """UTF-8 with BOM (Excel opens it), header first, contract order;
    owner-only, text cells that would start a formula neutralised."""
    private_files.write_bytes(out, sheets.csv_bytes(HEADER, rows))


def write_xlsx(rows: list[TallyRow], out: Path, branch_names: dict[str, str],
               labels: KeyLists | None = None, fiscal_year: int | None = None,
               month: int | None = None) -> None:
    """One sheet per measure, laid out like the paper monthly report:
    rows are breakdown keys (in Japanese, in the code list's order),
    columns 4月 … 3月 and 合計 — or, with ``month`` (YYYYMM), that month
    alone. Stock measures (as-of figures) show the March figure as 年度末."""
    import xlsxwriter

    buf = io.BytesIO()
    # Text is text: never a formula or a link, whatever a name looks like.
    wb = xlsxwriter.Workbook(buf, {"strings_to_formulas": False, "strings_to_urls": False,
                                   "in_memory": True})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "align": "center"})
    cell = wb.add_format({"border": 1})
    bold = wb.add_format({"border": 1, "bold": True})
    fy = rows[0].fiscal_year if rows else fiscal_year
    if fy is None:
        raise TallyError("年度がわかりません（集計行がありません）")
    months = fiscal_month_keys(fy)
    shown = [months.index(month)] if month is not None else list(range(12))
    if month is not None:
        title = format_wareki(dt.date(month // 100, month % 100, 1)).rsplit("月", 1)[0] + "月"
        head_row = ["支部", "内訳", "項目", f"{month % 100}月"]
    else:
        title = fiscal_year_label(fy)
        head_row = ["支部", "内訳", "項目", *[f"{m}月" for _, m in fiscal_months(fy)]]
    for measure, breakdowns in codes.MEASURES.items():
        stock = measure in STOCK_MEASURES
        ws = wb.add_worksheet(codes.MEASURE_LABELS[measure][:31])
        ws.write(0, 0, f"{title} {codes.MEASURE_LABELS[measure]}（{measure}）")
        ws.write_row(2, 0, head_row + ([] if month is not None else
                                       ["年度末" if stock else "合計"]), head)
        grid = report_grid(rows, measure)
        r = 3
        for branch in sorted({k[0] for k in grid} | {row.branch_code for row in rows}):
            for breakdown in ("total", *breakdowns):
                keys = ordered_keys(measure, breakdown,
                                    [k[2] for k in grid if k[0] == branch and k[1] == breakdown],
                                    labels)
                for key in keys:
                    values = [grid[(branch, breakdown, key)][i] for i in shown]
                    fmt = bold if breakdown == "total" else cell
                    ws.write_string(r, 0, sheets.cell(branch_names.get(branch, branch)), fmt)
                    ws.write_string(r, 1, sheets.cell(codes.breakdown_label(measure, breakdown)),
                                    fmt)
                    ws.write_string(r, 2, "" if breakdown == "total"
                                    else sheets.cell(key_label(measure, breakdown, key, labels)),
                                    fmt)
                    ws.write_row(r, 3, values, fmt)
                    if month is None:
                        ws.write(r, 15, values[-1] if stock else sum(values), fmt)
                    r += 1
        ws.set_column(0, 0, 18)
        ws.set_column(1, 2, 14)
        ws.set_column(3, 15, 7)
        ws.freeze_panes(3, 3)
    wb.close()
    private_files.write_bytes(out, buf.getvalue())


# --- reading and consolidating ------------------------------------------------------

_INTEGER = re.compile(r"-?[0-9]{1,15}")  # fiscal_year and count: ASCII digits only
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


def read_csv(path: Path) -> list[TallyRow]:
    """Read and validate a tally file against the contract."""
    path = Path(path)
    return parse_csv(path.read_bytes(), path.name)


def parse_csv(data: bytes, name: str) -> list[TallyRow]:
    """Validate the bytes of a tally file (``name`` for the messages)
    against the contract. Code columns must have the shape of codes
    (``codes.CODE_SHAPE``, ``codes.BRANCH_CODE_SHAPE``): free text there —
    a name and phone typed into a key cell — is refused, naming the line
    but not repeating the text."""
    if not data.strip(b"\xef\xbb\xbf\r\n "):
        raise TallyError(f"{name}: ファイルが空です")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TallyError(f"{name}: 集計ファイルは UTF-8 でなければなりません") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    records = _records(reader, name)
    header = next(records, None)
    if header != HEADER:
        raise TallyError(f"{name}: line 1: 見出しが契約と違います（{','.join(header or [])}）")
    rows: list[TallyRow] = []
    fy_seen: int | None = None
    for record in records:
        line = reader.line_num
        if not record:
            continue
        if len(record) != 7:
            raise TallyError(f"{name}: line {line}: 列の数が7ではありません")
        fy_t, month, branch, measure, breakdown, key, count_t = record
        if not (_INTEGER.fullmatch(fy_t) and _INTEGER.fullmatch(count_t)):
            raise TallyError(f"{name}: line {line}: 年度と件数は整数でなければなりません")
        fy, count = int(fy_t), int(count_t)
        if count < 0:
            raise TallyError(f"{name}: line {line}: 件数が負です")
        if fy_seen is None:
            fy_seen = fy
        elif fy != fy_seen:
            raise TallyError(f"{name}: line {line}: 年度が混在しています（{fy_seen} と {fy}）")
        if not _MONTH.fullmatch(month):
            raise TallyError(f"{name}: line {line}: month: 月は YYYY-MM の形で書いてください")
        if month not in {month_text(m) for m in fiscal_month_keys(fy)}:
            raise TallyError(f"{name}: line {line}: 月 {month} は {fy} 年度にありません")
        if not branch:
            raise TallyError(f"{name}: line {line}: 支部コードが空です")
        if not codes.is_branch_code(branch):
            raise TallyError(f"{name}: line {line}: branch_code: 支部コードの形ではありません"
                             f"（{codes.BRANCH_CODE_SHAPE_TEXT}）")
        for column, value in (("measure", measure), ("breakdown", breakdown), ("key", key)):
            if value and not codes.is_code(value):
                raise TallyError(f"{name}: line {line}: {column}: コードの形ではありません"
                                 f"（{codes.CODE_SHAPE_TEXT}。氏名や電話番号は書けません）")
        if measure not in codes.MEASURES:
            raise TallyError(f"{name}: line {line}: 不明な指標です（{measure}）")
        if breakdown == "total":
            if key:
                raise TallyError(f"{name}: line {line}: total の key は空でなければなりません")
        elif breakdown not in codes.MEASURES[measure]:
            raise TallyError(f"{name}: line {line}: {measure} に内訳 {breakdown} はありません")
        elif not key:
            raise TallyError(f"{name}: line {line}: 内訳の key が空です")
        rows.append(TallyRow(fy, month, branch, measure, breakdown, key, count))
    if not rows:
        raise TallyError(f"{name}: データ行がありません")
    seen = set()
    for r in rows:
        k = sort_key(r)
        if k in seen:
            raise TallyError(f"{name}: 同じ行が2回あります（{','.join(map(str, k))}）")
        seen.add(k)
    # Each branch × month the file lists has every measure's total — or no
    # row of a measure at all: a file written before that measure existed,
    # which does not report it (not 0). The months are those listed: twelve,
    # or one (``export tallies --month``).
    listed = {(r.branch_code, r.month, r.measure) for r in rows}
    missing = sorted(listed - {(r.branch_code, r.month, r.measure) for r in rows
                               if r.breakdown == "total"})
    if missing:
        branch, m, measure = missing[0]
        raise TallyError(f"{name}: 支部 {branch} の {m} {measure} の total 行がありません")
    return rows


def _records(reader, name: str):
    """The reader's records; a cell CSV cannot read (one too large) is a
    TallyError naming its line."""
    try:
        yield from reader
    except csv.Error:
        raise TallyError(f"{name}: line {reader.line_num}: CSV として読めません") from None


def consolidate(paths: list[Path]) -> list[TallyRow]:
    """Merge branch tally files of one fiscal year. A branch × month found
    in two files is an error, never a double count."""
    if not paths:
        raise TallyError("集計ファイルを1つ以上指定してください")
    owner: dict[tuple[str, str], str] = {}
    merged: list[TallyRow] = []
    fy: int | None = None
    for path in paths:
        rows = read_csv(Path(path))
        if fy is None:
            fy = rows[0].fiscal_year
        elif rows[0].fiscal_year != fy:
            raise TallyError(f"{Path(path).name}: 年度が他のファイルと違います（{fy} と {rows[0].fiscal_year}）")
        for bm in sorted({(r.branch_code, r.month) for r in rows}):
            if bm in owner:
                raise TallyError(
                    f"支部 {bm[0]} の {bm[1]} が {owner[bm]} と {Path(path).name} の両方にあります")
            owner[bm] = Path(path).name
        merged.extend(rows)
    merged.sort(key=sort_key)
    return merged
