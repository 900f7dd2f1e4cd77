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


def read_ledger(source: Path | bytes, columns: list[ColumnSpec]) -> list[LedgerRow]:
    """Parse and map the header; return the data rows (blank rows skipped)
    with values keyed by column name, stripped. Header errors raise."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    text = decode(data)
    by_key: dict[str, ColumnSpec] = {}
    for spec in columns:
        by_key[spec.name] = spec
        by_key[spec.label] = spec
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise LedgerError(["line 1: -: ファイルが空です"]) from None
    except csv.Error as exc:
        raise LedgerError([f"line 1: -: CSVとして読めません（{exc}）"]) from None
    errors: list[str] = []
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
    if errors:
        raise LedgerError(errors)
    rows: list[LedgerRow] = []
    line = reader.line_num
    try:
        for record in reader:
            start = line + 1
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(mapped):
                errors.append(f"line {start}: -: 列の数がヘッダーより多いです")
                continue
            values = {name: (record[i].strip() if i < len(record) else "")
                      for i, name in enumerate(mapped)}
            rows.append(LedgerRow(start, values))
    except csv.Error as exc:
        errors.append(f"line {reader.line_num}: -: CSVとして読めません（{exc}）")
    if errors:
        raise LedgerError(errors)
    if not rows:
        raise LedgerError(["line 2: -: データ行がありません"])
    return rows
