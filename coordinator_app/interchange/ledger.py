"""Reading ledger CSV files (the interchange contract's import format).

Encoding is detected (UTF-8 with or without BOM, or Shift_JIS/cp932);
the header may use column names or their Japanese labels, in any order.
Files are read from an open binary handle a block or a record at a time,
so a file of any size is read in bounded memory (issue 19).
This module only reads and validates text; ``importer`` writes.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator

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
_BLOCK = 1 << 20  # bytes read at a time: memory stays bounded whatever the file's size


class ErrorList:
    """The errors of one file as they are found: the first ``MAX_ERRORS``
    kept, all counted (a file of a million bad lines needs no million
    messages). An entry may be a callable that gives its text at the end
    (a duplicate whose first line is looked up then)."""

    def __init__(self) -> None:
        self.first: list = []
        self.total = 0

    def append(self, error) -> None:
        self.total += 1
        if len(self.first) < MAX_ERRORS:
            self.first.append(error)

    def __bool__(self) -> bool:
        return self.total > 0

    def refusal(self) -> LedgerError:
        return LedgerError([e if isinstance(e, str) else e() for e in self.first], self.total)


def detect_encoding(f: BinaryIO) -> str:
    """Read the whole file once, a block at a time: "utf-8-sig" (BOM or
    not), else "cp932". Refuses binary data, empty files and text with
    control characters. Leaves ``f`` at its start."""
    content = nul = False
    utf8, utf8_ok = codecs.getincrementaldecoder("utf-8-sig")(), True
    f.seek(0)
    for block in iter(lambda: f.read(_BLOCK), b""):
        content = content or bool(block.strip(b"\xef\xbb\xbf \t\r\n"))
        nul = nul or b"\x00" in block
        if utf8_ok:
            try:
                utf8.decode(block)
            except UnicodeDecodeError:
                utf8_ok = False
    if utf8_ok:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8_ok = False
    if not content:
        raise LedgerError(["line 1: -: ファイルが空です"])
    if nul:
        raise LedgerError(["line 1: -: CSVファイルではありません（バイナリデータを含みます）"])
    encoding = "utf-8-sig" if utf8_ok else "cp932"
    decoder = codecs.getincrementaldecoder(encoding)()
    f.seek(0)
    try:
        for block in iter(lambda: f.read(_BLOCK), b""):
            # Both decode many byte soups; real ledgers have no control characters.
            if _CONTROL.search(decoder.decode(block)):
                raise LedgerError(["line 1: -: CSVファイルではありません（制御文字を含みます）"])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise LedgerError(
            ["line 1: -: 文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）"]
        ) from None
    f.seek(0)
    return encoding


# A field from its first character, in three states: at its start, inside
# quotes ("..." with "" for a quote inside), or in the rest (after the
# closing quote, or unquoted) up to the separator, as the csv module reads it.
_QUOTED = re.compile(r'(?:[^"]|"")*+')
_REST = re.compile(r"[^,\r\n]*")


class _OpenQuote:
    """Finds a quoted field still open at the end of the file, fed the
    file's lines from the start of the last record on (only the last
    record can hold one: it runs to the end of the file)."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.state = "start"
        self.opened: int | None = None

    def feed(self, text: str) -> None:
        pos, end = 0, len(text)
        while pos < end:
            if self.state == "start":
                if text[pos] == '"':
                    self.state, self.opened, pos = "quoted", self.line, pos + 1
                    continue
                self.state = "rest"
            if self.state == "quoted":
                pos = _QUOTED.match(text, pos).end()
                if pos == end:
                    break  # the line break is inside the quotes
                self.state, pos = "rest", pos + 1
            pos = _REST.match(text, pos).end()
            if pos < end:  # a comma or a line break: the next field starts
                pos += 2 if text.startswith("\r\n", pos) else 1
                self.state = "start"
        self.line += 1

    def open_line(self) -> int | None:
        return self.opened if self.state == "quoted" else None


class LedgerReader:
    """Stream a ledger file's data rows (blank rows skipped) with values
    keyed by column name, stripped, from an open binary file whose
    encoding ``detect_encoding`` found. Memory holds one record at a time.

    Structural errors (a bad header, a row whose column count differs from
    the header's, a quoted field still open at the end of the file, a
    record the csv module cannot read) are found as the rows go by and
    raised as one LedgerError when the iteration ends, so a caller that
    wrote the rows meanwhile must roll back (import_ledger's transaction)."""

    def __init__(self, f: BinaryIO, encoding: str, columns: list[ColumnSpec]) -> None:
        self.f = f
        self.encoding = encoding
        self.columns = columns

    def __iter__(self) -> Iterator[LedgerRow]:
        self.f.seek(0)
        text = io.TextIOWrapper(self.f, encoding=self.encoding, newline="")
        try:
            yield from self._rows(text)
        finally:
            text.detach()  # the caller's file stays open

    def _rows(self, text) -> Iterator[LedgerRow]:
        record_lines: list[str] = []  # the physical lines of the record being read

        def lines():
            for physical in text:  # split as the csv module counts lines (line_num)
                record_lines.append(physical)
                yield physical

        raw = lines()
        reader = csv.reader(raw)
        header_errors: list[str] = []
        problems = ErrorList()  # column counts, in line order
        mapped: list[str] | None = None
        pending: tuple[int, list[str]] | None = None  # the newest record, checked when the next comes
        last_lines: list[str] = []
        last_start, line, records, filled = 1, 0, 0, 0
        broken: str | None = None
        try:
            for record in reader:
                start, line = line + 1, reader.line_num
                last_lines, record_lines[:] = record_lines[:], []
                last_start, records = start, records + 1
                if mapped is None:
                    mapped = _map_header(record, self.columns, header_errors)
                    continue
                if pending is not None and not header_errors:
                    row = self._check(pending, mapped, problems)
                    if row is not None:
                        filled += 1
                        yield row
                pending = (start, record) if any(cell.strip() for cell in record) else None
            scan = _OpenQuote(last_start)
            for physical in last_lines:
                scan.feed(physical)
        except csv.Error as exc:  # e.g. a field over the csv module's size limit
            broken = f"line {line + 1}: -: CSVとして読めません（{exc}）"
            last_start = line + 1
            scan = _OpenQuote(last_start)
            for physical in record_lines:
                scan.feed(physical)
            for physical in raw:  # the rest of the file, for a quote left open
                scan.feed(physical)
            last_lines = []
        opened = scan.open_line()
        if opened is not None:
            # The csv module runs such a field to the end of the file: the
            # rows after it (other people's records) would end up in one value.
            broken = (f"line {opened}: -: 引用符（\"）が閉じられないままファイルが終わっています"
                      "（この行で始まる項目の \" を閉じてください）")
            if last_lines:  # that record is not read
                if records == 1:
                    mapped = None
                pending = None
        ending = [broken] if broken else []
        if mapped is None:
            raise LedgerError(ending or ["line 1: -: ファイルが空です"])
        if header_errors:
            raise LedgerError(header_errors + ending)
        if pending is not None:
            row = self._check(pending, mapped, problems)
            if row is not None:
                filled += 1
                yield row
        if ending or problems:
            raise LedgerError(ending + problems.first, len(ending) + problems.total)
        if not filled:
            raise LedgerError(["line 2: -: データ行がありません"])

    @staticmethod
    def _check(record: tuple[int, list[str]], mapped: list[str],
               problems: ErrorList) -> LedgerRow | None:
        start, cells = record
        if len(cells) != len(mapped):
            problems.append(f"line {start}: -: 列の数が見出しと違います"
                            f"（見出しは {len(mapped)} 列、この行は {len(cells)} 列）")
            return None
        return LedgerRow(start, {name: cells[i].strip() for i, name in enumerate(mapped)})


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
