"""Reading a branch's own workbooks for the import wizard (issue 20):
``.xlsx`` (openpyxl, read-only streaming), ``.xls`` (xlrd 2, which reads
only that old format and is kept for it) and ``.csv`` in the contract's
encodings (``ledger.detect_encoding``).

Every reader gives the same thing: (row number, cell texts) for the rows
of one sheet, in order, blank rows included (the caller skips them), row
numbers as the spreadsheet program shows them (a CSV's record number).

Merged cells. A merged cell holds its text in its top-left cell only. In
the header rows the text is given to every cell of the range (a 生年月日
merged over 年/月/日 columns names all three; a title merged across the
sheet stays one row of the same text). In the data rows it goes down the
range's first column only (a date merged over several rows belongs to each
of them), never across (氏名 merged over 姓/名 cells would be read twice).
openpyxl's read-only mode does not read the ranges, and the full mode would
hold the whole sheet in memory; the ranges are listed after the rows in
the sheet's XML, so they are found by scanning that XML for
``<mergeCell ref=…>`` a block at a time (decompressing it once, without
parsing it), which takes a few tens of milliseconds for 50,000 rows.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import html
import io
import itertools
import re
import zipfile
from pathlib import Path
from typing import Iterator

from openpyxl.utils.datetime import from_excel, from_ISO8601

from coordinator_app.interchange.ledger import LedgerError, detect_encoding

KINDS = ("xlsx", "xls", "csv")
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the OLE2 container of .xls
_ZIP_MAGIC = b"PK\x03\x04"


class WorkbookError(LedgerError):
    """A file the wizard cannot read; the message (Japanese) says why. A
    LedgerError (a file that cannot be imported), reported as one."""

    def __init__(self, reason: str) -> None:
        super().__init__([reason])


def kind_of(path: Path) -> str:
    """"xlsx", "xls" or "csv", by the file's first bytes (a renamed file
    is read as what it is)."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise WorkbookError(f"ファイルを開けません（{exc.strerror or exc}）") from None
    if head.startswith(_ZIP_MAGIC):
        return "xlsx"
    if head == _XLS_MAGIC:
        return "xls"
    return "csv"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_text(value) -> str:
    """A cell's value as the text a person reads in it: a date as
    2025-04-01, a whole number without ``.0``, no surrounding spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip(" \u3000\t\r\n")


# A merged range: (first row, first column, last row, last column), rows
# 1-based, columns 0-based.
Range = tuple[int, int, int, int]


class Sheet:
    """One sheet of an open workbook, read as rows of cell texts."""

    def __init__(self, book: "Workbook", name: str) -> None:
        self.book, self.name = book, name

    def rows(self, header_row: int = 0, first: int = 1) -> Iterator[tuple[int, list[str]]]:
        """(row number, texts) from row ``first`` on; merged ranges filled
        as the module says (rows up to ``header_row`` are header rows)."""
        ranges = self.book.merged(self.name)
        by_start: dict[int, list[Range]] = {}
        for r in ranges:
            by_start.setdefault(r[0], []).append(r)
        active: list[tuple[Range, str]] = []
        for number, cells in self.book.raw_rows(self.name):
            if by_start and (active or number in by_start):
                active = [(r, t) for r, t in active if r[2] >= number]
                for r in by_start.get(number, ()):
                    text = cells[r[1]] if r[1] < len(cells) else ""
                    active.append((r, text))
                for (_, c1, _, c2), text in active:
                    last = c2 if number <= header_row else c1
                    if len(cells) <= last:
                        cells.extend([""] * (last + 1 - len(cells)))
                    for c in range(c1, last + 1):
                        cells[c] = text
            if number >= first:
                yield number, cells


class Workbook:
    """An open .xlsx, .xls or .csv file. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.kind = kind_of(self.path)
        self._merged: dict[str, list[Range]] = {}
        self._xlsx = self._xls = None
        self._csv_encoding = None
        try:
            if self.kind == "xlsx":
                import openpyxl

                self._xlsx = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
                self.sheet_names = list(self._xlsx.sheetnames)
            elif self.kind == "xls":
                import xlrd

                self._xls = xlrd.open_workbook(str(self.path), formatting_info=True,
                                               on_demand=True)
                self.sheet_names = list(self._xls.sheet_names())
            else:
                with open(self.path, "rb") as f:
                    self._csv_encoding = detect_encoding(f)
                self.sheet_names = [self.path.stem]
        except WorkbookError:
            raise
        except LedgerError as exc:  # detect_encoding's "line 1: -: reason"
            raise WorkbookError(exc.errors[0].split(": ", 2)[-1]) from None
        except Exception as exc:  # a damaged or password-protected workbook
            raise WorkbookError(
                f"ブックとして読めません（{type(exc).__name__}）: 壊れているか、パスワードが"
                "かかっています。Excel で開いて保存し直してください") from None

    def __enter__(self) -> "Workbook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._xlsx is not None:
            self._xlsx.close()
        if self._xls is not None:
            self._xls.release_resources()

    def row_count(self, name: str) -> int:
        """The sheet's last row as the file states it (0 when it does not:
        a CSV), for a progress bar."""
        if self._xlsx is not None:
            return self._xlsx[name].max_row or 0
        if self._xls is not None:
            return self._xls.sheet_by_name(name).nrows
        return 0

    def sheet(self, name: str) -> Sheet:
        if name not in self.sheet_names:
            raise WorkbookError(f"シート「{name}」がありません（あるのは {'、'.join(self.sheet_names)}）")
        return Sheet(self, name)

    # --- per format -----------------------------------------------------------------

    def raw_rows(self, name: str) -> Iterator[tuple[int, list[str]]]:
        if self._xlsx is not None:
            yield from self._xlsx_rows(name)
        elif self._xls is not None:
            yield from self._xls_rows(name)
        else:
            yield from self._csv_rows()

    def _xlsx_rows(self, name: str) -> Iterator[tuple[int, list[str]]]:
        """The sheet's rows, read from its XML a block at a time.

        openpyxl (read-only) has read the workbook: the sheet's part, the
        shared strings, which styles are dates, the date epoch. Its cell
        parser builds an object per cell and reads 50,000 rows of twelve
        columns in 10-20 s on an office PC; the wizard's preview must take
        2 s. So the rows are cut out of the XML here with regular
        expressions (the sheetData grammar is small and fixed: ECMA-376
        §18.3.1), and each cell's value is made as openpyxl makes it
        (``tests/test_ledger_wizard.py`` compares the two on generated
        sheets)."""
        ws = self._xlsx[name]
        wb = self._xlsx
        strings = ws._shared_strings  # noqa: SLF001
        dates, spans = wb._date_formats, wb._timedelta_formats  # noqa: SLF001
        expected = 1
        texts: dict[str, str | None] = {}  # cells repeat (dates, areas, codes): read each once
        with zipfile.ZipFile(self.path) as z, \
                z.open(str(ws._worksheet_path).lstrip("/")) as f:  # noqa: SLF001
            decoder = codecs.getincrementaldecoder("utf-8")()
            rest = ""
            for block in itertools.chain(iter(lambda: f.read(1 << 20), b""), [None]):
                if block is None:  # the end: rows written as <row/> after the last </row>
                    parts, rest = _rows_by_expression(rest)
                else:
                    text = rest + decoder.decode(block)
                    parts, rest = _rows_by_expression(text) if ":row" in text else _rows_cut(text)
                for r, body in parts:
                    number = int(r) if r else expected
                    while expected < number:  # rows the file leaves out are blank
                        yield expected, []
                        expected += 1
                    yield number, _xlsx_cells(body, strings, dates, spans, wb.epoch, texts)
                    expected = number + 1
                    if len(texts) > _TEXTS_KEPT:  # bounded: IDs and phones seldom repeat
                        texts.clear()

    def _xls_rows(self, name: str) -> Iterator[tuple[int, list[str]]]:
        import xlrd

        sh = self._xls.sheet_by_name(name)
        for r in range(sh.nrows):
            cells = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    cells.append(cell_text(xlrd.xldate_as_datetime(cell.value, self._xls.datemode)))
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    cells.append(cell_text(bool(cell.value)))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                    cells.append("")
                else:
                    cells.append(cell_text(cell.value))
            yield r + 1, cells

    def _csv_rows(self) -> Iterator[tuple[int, list[str]]]:
        with open(self.path, "rb") as f:
            text = io.TextIOWrapper(f, encoding=self._csv_encoding, newline="")
            try:
                for number, record in enumerate(csv.reader(text), start=1):
                    yield number, [cell_text(v) for v in record]
            except csv.Error as exc:
                raise WorkbookError(f"CSVとして読めません（{exc}）") from None

    def merged(self, name: str) -> list[Range]:
        if name not in self._merged:
            if self._xlsx is not None:
                self._merged[name] = self._xlsx_merges(name)
            elif self._xls is not None:
                sh = self._xls.sheet_by_name(name)
                self._merged[name] = [(r1 + 1, c1, r2, c2 - 1) for r1, r2, c1, c2 in sh.merged_cells]
            else:
                self._merged[name] = []
        return self._merged[name]

    def _xlsx_merges(self, name: str) -> list[Range]:
        ws = self._xlsx[name]
        # The sheet's part in the package, as openpyxl found it.
        part = ws._worksheet_path  # noqa: SLF001 (no public name for it)
        found: set[Range] = set()
        with zipfile.ZipFile(self.path) as z, z.open(str(part).lstrip("/")) as f:
            tail = b""
            for block in iter(lambda: f.read(1 << 20), b""):
                data = tail + block
                if b"mergeCell" in data:  # the expression is slow where there is none
                    for m in _MERGE.finditer(data):
                        found.add(_range(m.group(1).decode()))
                # a tag cut by the block's end is read again with the next block
                cut = data.rfind(b"<")
                tail = data[cut:] if cut >= 0 and b">" not in data[cut:] else b""
        return sorted(r for r in found if r is not None)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_REF = re.compile(r"([A-Z]+)([0-9]+)")


def _range(ref: str) -> Range | None:
    parts = ref.split(":")
    a, b = _REF.fullmatch(parts[0]), _REF.fullmatch(parts[-1])
    if not a or not b:
        return None
    return (int(a.group(2)), _column_index(a.group(1)), int(b.group(2)), _column_index(b.group(1)))


# A row's r is read in the match when it comes first (as every program writes it).
_ROW = re.compile(r'<(?:\w+:)?row\b(?: r="([0-9]+)")?([^>]*?)(?:/>|>(.*?)</(?:\w+:)?row>)', re.S)


def _rows_by_expression(text: str) -> tuple[list[tuple[str, str]], str]:
    """(r, body) of the complete rows in ``text``, and the text after them."""
    parts, end = [], 0
    for m in _ROW.finditer(text):
        end = m.end()
        parts.append((m.group(1) or _attr(m.group(2), "r") or "", m.group(3) or ""))
    return parts, text[end:]


def _rows_cut(text: str) -> tuple[list[tuple[str, str]], str]:
    """``_rows_by_expression`` for a sheet without prefixes, cut at each
    ``</row>`` (several times faster than the expression over the text); a
    piece with anything but one plain row start (a <row/>) is read with
    the expression."""
    pieces = text.split("</row>")
    parts = []
    for piece in pieces[:-1]:
        start = piece.find("<row")
        close = piece.find(">", start)
        if start < 0 or close < 0 or piece.count("<row") != 1 or piece[close - 1] == "/" \
                or piece[start + 4:start + 5] not in (" ", "\t", "\r", "\n", ">"):
            found, _ = _rows_by_expression(piece + "</row>")
            parts.extend(found)
            continue
        tag = piece[start + 4:close]
        r = tag[4:tag.find('"', 4)] if tag.startswith(' r="') else _attr(tag, "r") or ""
        parts.append((r, piece[close + 1:]))
    return parts, pieces[-1]


_CELL = re.compile(r"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_V = re.compile(r"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_T = re.compile(r"<(?:\w+:)?t(?:\s[^>]*)?>(.*?)</(?:\w+:)?t>", re.S)
_PHONETIC = re.compile(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)  # ふりがな runs of a cell
_ATTRS = {name: re.compile(rf'\b{name}="([^"]*)"') for name in ("r", "t", "s")}


def _attr(attrs: str, name: str) -> str | None:
    m = _ATTRS[name].search(attrs)
    return m.group(1) if m else None


# The cells as Excel, LibreOffice and openpyxl write them (r, s, t in this
# order, no prefix): read in one match each, the column apart from the rest
# of the cell (its style, type and value), whose text is the same wherever
# the same markup is. A row with any other cell is read with the general
# expressions above.
_PLAIN_CELL = re.compile(
    r'<c r="([A-Z]+)[0-9]+"((?: s="[0-9]+")?(?: t="\w+")?\s*'
    r'(?:/>|>(?:<v>[^<]*</v>|<is><t(?: xml:space="preserve")?>[^<]*</t></is>)?</c>))')
_PLAIN_REST = re.compile(
    r'(?: s="([0-9]+)")?(?: t="(\w+)")?\s*'
    r'(?:/>|>(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)')
_LETTERS: dict[str, int] = {}
_TEXTS_KEPT = 20_000
_MISS = object()


def _plain_text(rest: str, strings, dates, spans, epoch) -> str | None:
    """The text of a plain cell from its markup after the reference; None
    when it holds no value."""
    style, kind, raw, inline = _PLAIN_REST.fullmatch(rest).groups("")
    if raw:
        return _value(kind or "n", raw, style, strings, dates, spans, epoch)
    if inline:
        return cell_text(html.unescape(inline) if "&" in inline else inline)
    return None


def _xlsx_cells(xml: str, strings, dates, spans, epoch, texts: dict) -> list[str]:
    """The texts of one row's ``<c>`` elements, by column; ``texts`` keeps
    the text of each plain cell's markup read so far (in this sheet)."""
    plain = _PLAIN_CELL.findall(xml)
    if len(plain) != xml.count("<c ") + xml.count("<c>") or ":c" in xml:  # x:c: prefixed
        return _xlsx_cells_any(xml, strings, dates, spans, epoch)
    cells: list[str] = []
    for letters, rest in plain:
        column = _LETTERS.get(letters)
        if column is None:
            column = _LETTERS.setdefault(letters, _column_index(letters))
        text = texts.get(rest, _MISS)
        if text is _MISS:
            text = texts[rest] = _plain_text(rest, strings, dates, spans, epoch)
        n = len(cells)
        if column == n:
            cells.append(text or "")
        else:
            if column > n:
                cells.extend([""] * (column + 1 - n))
            if text is not None:
                cells[column] = text
    return cells


def _xlsx_cells_any(xml: str, strings, dates, spans, epoch) -> list[str]:
    cells: list[str] = []
    for m in _CELL.finditer(xml):
        attrs, body = m.group(1), m.group(2) or ""
        ref = _attr(attrs, "r")
        column = _column_index(_REF.match(ref).group(1)) if ref else len(cells)
        if column >= len(cells):
            cells.extend([""] * (column + 1 - len(cells)))
        kind = _attr(attrs, "t") or "n"
        if kind == "inlineStr":
            cells[column] = cell_text(html.unescape("".join(_T.findall(_PHONETIC.sub("", body)))))
            continue
        v = _V.search(body)
        if v is not None:
            cells[column] = _value(kind, v.group(1), _attr(attrs, "s") or "", strings, dates,
                                   spans, epoch)
    return cells


def _value(kind: str, raw: str, style: str, strings, dates, spans, epoch) -> str:
    """A cell's text from its type, ``<v>`` and style, as openpyxl reads it."""
    if "&" in raw:
        raw = html.unescape(raw)
    if kind == "s":
        value = strings[int(raw)]
    elif kind == "n":
        value = float(raw) if any(c in raw for c in ".eE") else int(raw)
        number_style = int(style or 0)
        if number_style in dates:
            value = from_excel(value, epoch)
        elif number_style in spans:
            value = from_excel(value, epoch, timedelta=True)
    elif kind == "b":
        value = raw == "1"
    elif kind == "d":
        value = from_ISO8601(raw)
    else:  # str (a formula's text), e (an error such as #N/A)
        value = raw
    return cell_text(value)
