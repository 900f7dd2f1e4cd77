"""Cells of the CSV and xlsx files the app writes (tally files, the
indicator file, the audit trail, the monthly report workbook).

Spreadsheet programs run a text cell that begins with ``= + - @`` (or a
tab or carriage return before one) as a formula: a branch name, a login
or a key typed as ``=HYPERLINK(...)`` would become a live link in Excel.
Every text cell is therefore written with a leading ``'`` when it begins
with one of those characters (OWASP's rule for CSV injection). Numbers
stay numbers. Codes of the interchange contract never begin with these
characters, so contract files of valid data are unchanged.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-[0-9]+(\.[0-9]+)?")  # a negative number written as text


def cell(value):
    """``value`` as a cell a spreadsheet shows and never runs: text that
    would start a formula gets a leading ``'``; numbers (also a negative
    number given as text, e.g. an indicator's target) are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) \
            and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_bytes(header: list[str], rows: Iterable[Iterable]) -> bytes:
    """A CSV file as Excel opens it: UTF-8 with BOM, CRLF line ends, every
    cell passed through ``cell``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([cell(v) for v in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")
