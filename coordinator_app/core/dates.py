"""Dates as coordinators write them: 和暦 (Japanese era) and fiscal years.

Qt has no Japanese calendar, so parsing and formatting live here as pure
functions. Fiscal years (年度) run April to March and are named by the
Western year in which they start (2025 = 令和7年度).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# (era name, short letter, first day). Newest first.
ERAS: list[tuple[str, str, dt.date]] = [
    ("令和", "R", dt.date(2019, 5, 1)),
    ("平成", "H", dt.date(1989, 1, 8)),
    ("昭和", "S", dt.date(1926, 12, 25)),
    ("大正", "T", dt.date(1912, 7, 30)),
    ("明治", "M", dt.date(1868, 1, 25)),
]
WEEKDAYS = "月火水木金土日"


class DateParseError(ValueError):
    """Raised with a Japanese message saying what is wrong with the text."""


def _era_start_year(era: str) -> dt.date:
    for name, letter, start in ERAS:
        if era in (name, letter, letter.lower()):
            return start
    raise DateParseError(f"元号「{era}」は使えません")


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateParseError(f"「{text}」は存在しない日付です") from None


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_ERA_SHORT = re.compile(r"^([RHSTMrhstm]?)(\d{1,2}|元)[./-](\d{1,2})[./-](\d{1,2})$")
_ERA_LONG = re.compile(r"^(令和|平成|昭和|大正|明治)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日?$")
_WESTERN_KANJI = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$")


def parse_date(text: str, default_era: str = "令和") -> dt.date:
    """Parse ``2025-04-01``, ``2025/4/1``, ``R7.4.1``, ``7.4.1`` (令和 assumed),
    ``令和7年4月1日``, ``令和元年5月1日``. Full-width digits are accepted.

    Raises DateParseError (Japanese message) for anything else, including
    impossible dates such as 2024-02-30 and dates before their era began.
    A year past an era's end (平成32年) is accepted arithmetically, as
    offices still write it.
    """
    if text is None:
        raise DateParseError("日付が空です")
    raw = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
    # Drop a trailing weekday such as "(火)" that our own formatter adds.
    raw = re.sub(r"[(（][月火水木金土日][)）]$", "", raw)
    if not raw:
        raise DateParseError("日付が空です")
    m = _ISO.match(raw) or _WESTERN_KANJI.match(raw)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
    m = _ERA_LONG.match(raw)
    era_text = None
    if m:
        era_text, y, mo, d = m.groups()
    else:
        m = _ERA_SHORT.match(raw)
        if m:
            era_text, y, mo, d = m.groups()
            era_text = era_text or default_era
    if not m:
        raise DateParseError(
            f"「{text}」は日付として読めません（例: 2025-04-01, R7.4.1, 令和7年4月1日）"
        )
    start = _era_start_year(era_text)
    year_in_era = 1 if y == "元" else int(y)
    if year_in_era < 1:
        raise DateParseError(f"「{text}」は存在しない日付です")
    result = _make(start.year + year_in_era - 1, int(mo), int(d), text)
    if result < start:
        raise DateParseError(f"「{text}」はその元号の始まりより前の日付です")
    return result


def era_of(day: dt.date) -> tuple[str, str, int]:
    """(era name, letter, year within era) for a date."""
    for name, letter, start in ERAS:
        if day >= start:
            return name, letter, day.year - start.year + 1
    raise ValueError("明治より前の日付は扱えません")


def _era_year_text(n: int) -> str:
    return "元" if n == 1 else str(n)


def format_wareki(day: dt.date | None, weekday: bool = False) -> str:
    """令和7年4月1日, optionally with the weekday: 令和7年4月1日(火)."""
    if day is None:
        return ""
    name, _, n = era_of(day)
    text = f"{name}{_era_year_text(n)}年{day.month}月{day.day}日"
    if weekday:
        text += f"({WEEKDAYS[day.weekday()]})"
    return text


def format_wareki_short(day: dt.date | None) -> str:
    """R7.4.1 — compact form for tables."""
    if day is None:
        return ""
    _, letter, n = era_of(day)
    return f"{letter}{n}.{day.month}.{day.day}"


def fiscal_year_of(day: dt.date) -> int:
    """The fiscal year (named by its starting Western year) containing day."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_label(fy: int) -> str:
    """令和7年度 for 2025 (the era of the fiscal year's first day)."""
    name, _, n = era_of(dt.date(fy, 4, 1))
    return f"{name}{_era_year_text(n)}年度"


def fiscal_months(fy: int) -> list[tuple[int, int]]:
    """The twelve (year, month) pairs of a fiscal year, April first."""
    return [(fy, m) for m in range(4, 13)] + [(fy + 1, m) for m in range(1, 4)]


def month_key(day: dt.date) -> int:
    """The stored integer month, e.g. 202504, used by every tally GROUP BY."""
    return day.year * 100 + day.month


def month_last_day(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def month_first_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def fiscal_year_range(fy: int) -> tuple[dt.date, dt.date]:
    return dt.date(fy, 4, 1), dt.date(fy + 1, 3, 31)
