"""Reading ledger CSV files (the interchange contract's import format).

Encoding is detected (UTF-8 with or without BOM, or Shift_JIS/cp932);
the header may use column names or their Japanese labels, in any order.
This module only reads and validates text; ``importer`` writes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_ERRORS = 50


class LedgerError(ValueError):
    """A file that cannot be imported. ``errors`` lists every bad line as
    ``line N: column: reason`` (at most 50); str() is a one-line summary
    followed by the lines."""

    def __init__(self, errors: list[str], total: int | None = None) -> None:
        self.errors = errors[:MAX_ERRORS]
        self.total = total if total is not None else len(errors)
        more = f"（ほか {self.total - len(self.errors)} 件）" if self.total > len(self.errors) else ""
        super().__init__("\n".join(self.errors) + more)


@dataclass
class ColumnSpec:
    name: str
    label: str
    required: bool = False


@dataclass
class LedgerRow:
    line: int
    values: dict[str, str] = field(default_factory=dict)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # below 0x20, not \t \n \r


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not), else cp932. Refuses binary data and empty files."""
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise LedgerError(["line 1: -: ファイルが空です"])
    if b"\x00" in data:
        raise LedgerError(["line 1: -: CSVファイルではありません（バイナリデータを含みます）"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp932")
        except UnicodeDecodeError:
            raise LedgerError(
                ["line 1: -: 文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）"]
            ) from None
    # Both decode many byte soups; real ledgers have no control characters.
    if _CONTROL.search(text):
        raise LedgerError(["line 1: -: CSVファイルではありません（制御文字を含みます）"])
    return text


# One field from its first character: a quoted field ("..." with "" for a
# quote inside, then whatever follows up to the separator, as the csv
# module reads it) or an unquoted one. Possessive, so a quoted field that
# no quote closes runs to the end of the text with group 1 unmatched.
_FIELD = re.compile(r'"(?:[^"]|"")*+(")?[^,\r\n]*|[^,\r\n]*')
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _unclosed_quote_line(lines: list[str], last_start: int) -> int | None:
    """The line where a quoted field starts that is still open at the end
    of the file, or None. Such a field can only be in the last record,
    which starts on line ``last_start``; only that record is scanned."""
    tail = "".join(lines[last_start - 1:])
    pos = 0
    while pos < len(tail):
        m = _FIELD.match(tail, pos)
        if m.group(0).startswith('"') and m.group(1) is None:
            return last_start + len(_LINE_BREAK.findall(tail, 0, m.start()))
        pos = m.end() + (2 if tail.startswith("\r\n", m.end()) else 1)
    return None


def read_ledger(source: Path | bytes, columns: list[ColumnSpec]) -> list[LedgerRow]:
    """Parse and map the header; return the data rows (blank rows skipped)
    with values keyed by column name, stripped. Raises LedgerError for a
    bad header, a row whose column count differs from the header's, and
    a quoted field still open at the end of the file."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    text = decode(data)
    # The physical lines, as the csv module counts them (line_num).
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines)
    records: list[tuple[int, list[str]]] = []  # (first line, cells), the header first
    errors: list[str] = []
    line = 0
    try:
        for record in reader:
            records.append((line + 1, record))
            line = reader.line_num
        last_start = records[-1][0] if records else 1
    except csv.Error as exc:  # e.g. a field over the csv module's size limit
        errors.append(f"line {line + 1}: -: CSVとして読めません（{exc}）")
        last_start = line + 1
    opened = _unclosed_quote_line(lines, last_start)
    if opened is not None:
        # The csv module runs such a field to the end of the file: the
        # rows after it (other people's records) would end up in one value.
        errors = [f"line {opened}: -: 引用符（\"）が閉じられないままファイルが終わっています"
                  "（この行で始まる項目の \" を閉じてください）"]
        if records and records[-1][0] == last_start:
            records.pop()
    if not records:
        raise LedgerError(errors or ["line 1: -: ファイルが空です"])
    header_errors: list[str] = []
    mapped = _map_header(records[0][1], columns, header_errors)
    if header_errors:
        raise LedgerError(header_errors + errors)
    filled = [(start, record) for start, record in records[1:]
              if any(cell.strip() for cell in record)]
    for start, record in filled:
        if len(record) != len(mapped):
            errors.append(f"line {start}: -: 列の数が見出しと違います"
                          f"（見出しは {len(mapped)} 列、この行は {len(record)} 列）")
    if errors:
        raise LedgerError(errors)
    rows = [LedgerRow(start, {name: record[i].strip() for i, name in enumerate(mapped)})
            for start, record in filled]
    if not rows:
        raise LedgerError(["line 2: -: データ行がありません"])
    return rows


def _map_header(header: list[str], columns: list[ColumnSpec], errors: list[str]) -> list[str]:
    """The column name of each header cell ("" for a bad one); adds an
    error for an unknown or repeated column and for a missing required one."""
    by_key: dict[str, ColumnSpec] = {}
    for spec in columns:
        by_key[spec.name] = spec
        by_key[spec.label] = spec
    mapped: list[str] = []
    for cell in header:
        key = cell.strip()
        spec = by_key.get(key)
        if spec is None:
            errors.append(f"line 1: {key or '(空)'}: 不明な列です")
            mapped.append("")
        elif spec.name in mapped:
            errors.append(f"line 1: {key}: 列が重複しています")
            mapped.append("")
        else:
            mapped.append(spec.name)
    for spec in columns:
        if spec.required and spec.name not in mapped:
            errors.append(f"line 1: {spec.name}: 必須の列「{spec.name}（{spec.label}）」がありません")
    return mapped
