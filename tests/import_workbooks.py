"""Branch workbooks as offices lay them out (issue 20), written with
openpyxl from the plain records of ``ledger_strategies`` so that a test
can import the same data as the contract's CSV (the workbook's "twin").
Not collected (no ``test_`` prefix).

- Layout A (見守り利用者): a title row merged across the sheet, a blank
  row, then a header whose お名前 is merged over the 姓 and 名 columns and
  生年月日 over 年・月・日 columns; real Excel dates; 終了理由 as words.
- Layout B (見守り利用者, two sheets 東地区/西地区 of one layout): 姓・名
  and セイ・メイ in split columns, birth dates written in 和暦
  (昭和15年3月2日), registration dates as R7.4.1; no title.
- Layout C (見守りの記録): a title row, the header on row 2, 和暦 dates,
  方法 as words, 結果 as ○ × △, 実施者 職員.

Everything here is written from the contract and the way people write,
not from the app's code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

from tests.ledger_strategies import Contact, WatchUser

ERAS = (("令和", "R", dt.date(2019, 5, 1)), ("平成", "H", dt.date(1989, 1, 8)),
        ("昭和", "S", dt.date(1926, 12, 25)))
END_REASON_WORDS = {"facility": "施設入所", "death": "死亡", "moved": "転居",
                    "request": "本人希望", "other": "その他"}
METHOD_WORDS = {"visit": "訪問", "phone": "電話", "outside": "外から", "newsletter": "かわらばん",
                "online": "オンライン"}
RESULT_MARKS = {"ok": "○", "absent": "×", "concern": "△"}


def wareki(day: dt.date, short: bool = False) -> str:
    """昭和15年3月2日 (令和元年5月1日), or R7.4.1 with ``short``."""
    name, letter, start = next(e for e in ERAS if day >= e[2])
    n = day.year - start.year + 1
    if short:
        return f"{letter}{n}.{day.month}.{day.day}"
    return f"{name}{'元' if n == 1 else n}年{day.month}月{day.day}日"


def split_name(text: str) -> tuple[str, str]:
    """姓 and 名 of a name or reading written with a space (half or full
    width) between them; all in 姓 when there is none."""
    parts = text.replace("\u3000", " ").split(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else (text, "")


def _header(ws, row: int, cells: list[str]) -> None:
    for col, text in enumerate(cells, start=1):
        if text:
            ws.cell(row, col, text).font = Font(bold=True)
            ws.cell(row, col).alignment = Alignment(horizontal="center")


LAYOUT_A_HEADER = ["番号", "お名前", "", "フリガナ", "生年月日", "", "", "TEL", "町内会",
                   "登録日", "終了日", "終了理由"]


def write_layout_a(path: Path, users: list[WatchUser], title: str, sheet: str = "名簿") -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(LAYOUT_A_HEADER))
    _header(ws, 3, LAYOUT_A_HEADER)
    ws.merge_cells("B3:C3")  # お名前 over 姓 | 名
    ws.merge_cells("E3:G3")  # 生年月日 over 年 | 月 | 日
    for i, u in enumerate(users, start=4):
        family, given = split_name(u.name)
        birth = u.birth
        row = [u.ext, family, given, u.kana,
               birth.year if birth else None, birth.month if birth else None,
               birth.day if birth else None, u.phone or None, u.area or None,
               dt.datetime.combine(u.enrolled, dt.time()),
               dt.datetime.combine(u.ended, dt.time()) if u.ended else None,
               END_REASON_WORDS[u.end_reason] if u.end_reason else None]
        for col, value in enumerate(row, start=1):
            if value is not None and value != "":
                cell = ws.cell(i, col, value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "yyyy/m/d"
    wb.save(path)


LAYOUT_B_HEADER = ["番号", "姓", "名", "セイ", "メイ", "生年月日", "電話番号", "自治会", "登録日"]


def write_layout_b(path: Path, sheets: dict[str, list[WatchUser]]) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, users in sheets.items():
        ws = wb.create_sheet(name)
        _header(ws, 1, LAYOUT_B_HEADER)
        for i, u in enumerate(users, start=2):
            family, given = split_name(u.name)
            kana_family, kana_given = split_name(u.kana)
            row = [u.ext, family, given, kana_family, kana_given,
                   wareki(u.birth) if u.birth else "", u.phone, u.area,
                   wareki(u.enrolled, short=True)]
            for col, value in enumerate(row, start=1):
                if value:
                    ws.cell(i, col, value)
    wb.save(path)


LAYOUT_C_HEADER = ["利用者番号", "実施日", "方法", "結果", "実施者", "備考"]


def write_layout_c(path: Path, contacts: list[Contact], title: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "見守り記録"
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(LAYOUT_C_HEADER))
    _header(ws, 2, LAYOUT_C_HEADER)
    for i, c in enumerate(contacts, start=3):
        assert not c.by, "layout C writes staff contacts only"
        row = [c.user.ext, wareki(c.day), METHOD_WORDS[c.method], RESULT_MARKS[c.result],
               "職員", c.note]
        for col, value in enumerate(row, start=1):
            if value:
                ws.cell(i, col, value)
    wb.save(path)
