"""The shared PDF base: every printed document of the app is built here.

Qt-free. Other report modules (lists, labels, the evaluation sheet, the
monthly report) use only this API:

- ``register_font()`` registers the bundled IPAexGothic as an *embedded*
  TrueType font (``FONT_NAME``). reportlab's CID fonts are never used: they
  are not embedded and print as boxes on a machine without Japanese fonts.
- ``styles()`` returns the paragraph styles (``title``, ``heading``,
  ``body``, ``small``, ``cell``, ``cell_header``, ``cell_center``,
  ``cell_right``), all with ``wordWrap="CJK"`` (Japanese line breaking).
- ``para(text, "body")`` is a Paragraph of *plain* text (escaped for you).
- ``data_table(header, rows, widths_mm, ...)`` is a grid whose header row
  repeats on every page (``repeatRows=1``).
- ``bar_chart(labels, series, ...)`` is a small reportlab-graphics bar chart.
- ``build_pdf(target, PageHeader(...), story)`` lays the story out on A4
  with the header (title, branch, print date in 和暦), "n / m" page numbers
  and, when ``personal=True``, the marking 「取扱注意・個人情報を含みます」 and
  the copy number on every page. Several copies go into one file, each
  with its own copy number and its own page numbering: pass
  ``copy_numbers=[1, 2, 3]`` and a *callable* that returns a fresh story
  (a flowable can be laid out once only).
- ``render_pages(pdf, dpi=...)`` renders pages to PNG images with PDFium
  (``pypdfium2``, wheels for Windows and Linux: no poppler needed), for the
  print preview and the app's own PDF window; ``render_page_png(pdf,
  out_png)`` writes one page to a file (screenshots).

Example::

    from coordinator_app.reports import pdf
    header = pdf.PageHeader(title="ボランティア名簿", branch="上尾支部", personal=True)
    story = lambda: [pdf.data_table(["氏名", "電話"], rows, [60, 40])]
    result = pdf.build_pdf("out.pdf", header, story, copy_numbers=[1, 2])
    result.pages  # total pages in the file
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Sequence, Union
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from coordinator_app.core import clock, dates

FONT_NAME = "IPAexGothic"
FONT_FILE = "fonts/ipaexg.ttf"
PERSONAL_DATA_MARK = "取扱注意・個人情報を含みます"
RETURN_NOTE = "使用後は返却するか細断してください"
CHECKBOX = "□"

PAGE_SIZE = A4
MARGIN_X = 14 * mm
MARGIN_BOTTOM = 16 * mm
HEADER_HEIGHT = 22 * mm  # title band
MARK_HEIGHT = 8 * mm  # personal-data band under the title band

LONG_TABLE_ROWS = 60
HEADER_FILL = colors.HexColor("#E6E6E6")
ZEBRA_FILL = colors.HexColor("#F5F5F5")
GRID = colors.HexColor("#707070")

Target = Union[str, Path, io.BufferedIOBase, io.BytesIO]
Story = list[Flowable]


def font_path() -> str:
    """The bundled IPAexGothic file (shipped unmodified with its licence)."""
    return str(resources.files("coordinator_app.resources").joinpath(FONT_FILE))


def register_font() -> str:
    """Register IPAexGothic as an embedded TTFont once; return its name."""
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, font_path()))
    return FONT_NAME


_styles: dict[str, ParagraphStyle] | None = None


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, all in IPAexGothic with CJK line breaking."""
    global _styles
    if _styles is None:
        register_font()

        def style(name: str, size: float, **kw) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=FONT_NAME, fontSize=size,
                                  leading=kw.pop("leading", size * 1.35),
                                  wordWrap="CJK", **kw)

        _styles = {
            "title": style("title", 15, spaceAfter=4),
            "heading": style("heading", 11.5, spaceBefore=6, spaceAfter=3),
            "body": style("body", 10),
            "small": style("small", 8),
            "cell": style("cell", 9, leading=11.5),
            "cell_header": style("cell_header", 9, leading=11.5),
            "cell_center": style("cell_center", 9, leading=11.5, alignment=TA_CENTER),
            "cell_right": style("cell_right", 9, leading=11.5, alignment=TA_RIGHT),
        }
    return _styles


def para(text: object, style: str | ParagraphStyle = "body") -> Paragraph:
    """A paragraph of plain text (escaped; newlines become line breaks)."""
    st = styles()[style] if isinstance(style, str) else style
    body = escape("" if text is None else str(text)).replace("\n", "<br/>")
    return Paragraph(body, st)


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


@dataclass
class PageHeader:
    """What every page shows. ``printed_on`` defaults to today.

    ``personal=True`` adds the 取扱注意 band with the copy number and the
    return-or-shred note on every page; use it for any list with names.
    ``subtitle`` (e.g. 「対象: 東町自治会」) is printed under the title;
    ``landscape`` turns the page.
    """

    title: str
    branch: str = ""
    printed_on: dt.date | None = None
    personal: bool = False
    subtitle: str = ""
    landscape: bool = False


@dataclass
class BuildResult:
    """What ``build_pdf`` produced: total pages and pages per copy (in
    the order of ``copy_numbers``)."""

    pages: int
    pages_per_copy: list[int] = field(default_factory=list)

    @property
    def copies(self) -> int:
        return len(self.pages_per_copy)


class _CopyStart(Flowable):
    """Invisible marker: the page it lands on starts the ``index``-th copy,
    whose copy number is ``number``."""

    def __init__(self, index: int, number: int | None) -> None:
        super().__init__()
        self.index, self.number = index, number
        self.width = self.height = 0

    def wrap(self, aw, ah):  # noqa: D401 - reportlab protocol
        return 0, 0

    def draw(self) -> None:
        self.canv._copy_index = self.index
        self.canv._copy_number = self.number


def _make_canvas_class(header: PageHeader, result: BuildResult):
    """A canvas that keeps every page until ``save`` so it can print
    "n / m" per copy, then decorates each page (two passes in one)."""

    page_w, page_h = _page_size(header)
    printed = dates.format_wareki(header.printed_on or clock.today())

    class _NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # The default initial font is Helvetica, a non-embedded font.
            kwargs["initialFontName"] = FONT_NAME
            super().__init__(*args, **kwargs)
            self._copy_index = 0
            self._copy_number = None
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            counts: dict[int, int] = {}
            for state in self._pages:
                key = state["_copy_index"]
                counts[key] = counts.get(key, 0) + 1
            seen: dict[int, int] = {}
            for state in self._pages:
                self.__dict__.update(state)
                key = self._copy_index
                seen[key] = seen.get(key, 0) + 1
                self._decorate(seen[key], counts[key], self._copy_number)
                Canvas.showPage(self)
            result.pages = len(self._pages)
            result.pages_per_copy = [counts[k] for k in sorted(counts)]
            Canvas.save(self)

        def _decorate(self, page: int, total: int, copy_number: int | None) -> None:
            self.saveState()
            top = page_h - 12 * mm
            self.setFillColor(colors.black)
            self.setFont(FONT_NAME, 15)
            self.drawString(MARGIN_X, top, header.title)
            self.setFont(FONT_NAME, 9.5)
            right = page_w - MARGIN_X
            if header.branch:
                self.drawRightString(right, top + 1 * mm, header.branch)
            self.setFont(FONT_NAME, 8.5)
            self.drawRightString(right, top - 4.5 * mm, f"印刷日 {printed}")
            if header.subtitle:
                self.setFont(FONT_NAME, 9)
                self.drawString(MARGIN_X, top - 6 * mm, header.subtitle)
            line_y = page_h - HEADER_HEIGHT
            self.setStrokeColor(colors.black)
            self.setLineWidth(0.8)
            self.line(MARGIN_X, line_y, right, line_y)
            if header.personal:
                band_top = line_y - 1.5 * mm
                self.setLineWidth(1.2)
                self.rect(MARGIN_X, band_top - MARK_HEIGHT + 2 * mm,
                          right - MARGIN_X, MARK_HEIGHT - 2 * mm)
                text_y = band_top - MARK_HEIGHT + 3.6 * mm
                self.setFont(FONT_NAME, 10.5)
                self.drawString(MARGIN_X + 2.5 * mm, text_y, PERSONAL_DATA_MARK)
                self.setFont(FONT_NAME, 8.5)
                self.drawCentredString((MARGIN_X + right) / 2 + 22 * mm, text_y, RETURN_NOTE)
                self.setFont(FONT_NAME, 10.5)
                label = f"控番号 {copy_number}" if copy_number is not None else "控番号 ―"
                self.drawRightString(right - 2.5 * mm, text_y, label)
            self.setFont(FONT_NAME, 9)
            self.drawCentredString(page_w / 2, 9 * mm, f"{page} / {total}")
            if header.personal:
                self.setFont(FONT_NAME, 7.5)
                self.drawString(MARGIN_X, 9 * mm, PERSONAL_DATA_MARK)
            self.restoreState()

    return _NumberedCanvas


def _page_size(header: PageHeader) -> tuple[float, float]:
    return _landscape(PAGE_SIZE) if header.landscape else PAGE_SIZE


def content_width(header: PageHeader | None = None) -> float:
    """Usable width (points) inside the margins, for sizing tables/charts."""
    w, _ = _page_size(header) if header else PAGE_SIZE
    return w - 2 * MARGIN_X


def fit_widths(widths_mm: Sequence[float], header: PageHeader | None = None) -> list[float]:
    """Scale column widths (mm) proportionally to fill the usable width, so
    a table with columns switched off still spans the page."""
    total = sum(widths_mm) or 1
    available = content_width(header) / mm
    return [w * available / total for w in widths_mm]


def build_pdf(target: Target, header: PageHeader,
              story: Story | Callable[[], Story],
              copy_numbers: Sequence[int | None] = (None,)) -> BuildResult:
    """Lay the story out on A4 into ``target`` (a path or a binary file).

    With several ``copy_numbers`` the story must be a callable returning a
    fresh list each time; each copy starts on a new page and is numbered
    "1 / m" from its own first page (``[None, None]`` gives two copies
    without a copy number). Runs in any thread (no Qt).
    """
    register_font()
    copy_numbers = list(copy_numbers) or [None]
    if len(copy_numbers) > 1 and not callable(story):
        raise ValueError("several copies need a callable that returns a fresh story")
    page_w, page_h = _page_size(header)
    top = HEADER_HEIGHT + (MARK_HEIGHT if header.personal else 0) + 3 * mm
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, page_w - 2 * MARGIN_X,
                  page_h - top - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    if isinstance(target, Path):
        target = str(target)
    doc = BaseDocTemplate(target, pagesize=(page_w, page_h), title=header.title,
                          author="", subject="", creator="coordinator-app",
                          pageTemplates=[PageTemplate(id="page", frames=[frame])])
    flowables: Story = []
    for i, number in enumerate(copy_numbers):
        if i:
            flowables.append(PageBreak())
        flowables.append(_CopyStart(i, number))
        flowables.extend(story() if callable(story) else story)
    result = BuildResult(pages=0)
    doc.build(flowables, canvasmaker=_make_canvas_class(header, result))
    return result


def data_table(header: Sequence[str], rows: Iterable[Sequence[object]],
               widths_mm: Sequence[float], *, wrap: Iterable[int] = (),
               align: dict[int, str] | None = None, font_size: float = 9,
               row_padding_mm: float = 1.0, zebra: bool = True,
               valign: str = "MIDDLE", extra_style: Sequence[tuple] = ()) -> Table:
    """A grid with a grey header row that repeats on every page.

    Cells may be text (None prints empty) or flowables. In the columns
    listed in ``wrap`` a text too wide for its column becomes a CJK-wrapping
    paragraph (names, addresses); everything else is a single-line string,
    which is much faster for long lists.
    ``align`` maps column → "LEFT" | "CENTER" | "RIGHT".
    ``row_padding_mm`` above and below each body row gives room to write
    by hand (the phone-round sheet uses about 3 mm). ``extra_style`` are
    more reportlab TableStyle commands, applied last.
    """
    st = styles()
    wrap = set(wrap)
    align = align or {}
    cell_styles = {"CENTER": st["cell_center"], "RIGHT": st["cell_right"]}
    room = {col: widths_mm[col] * mm - 6.5 for col in wrap if col < len(widths_mm)}
    # Header cells wrap only when they must (they are laid out on every page).
    data: list[list[object]] = [[
        para(h, "cell_header")
        if pdfmetrics.stringWidth(str(h), FONT_NAME, font_size) > widths_mm[i] * mm - 6.5
        else str(h)
        for i, h in enumerate(header)]]
    for row in rows:
        out = []
        for col, value in enumerate(row):
            if isinstance(value, Flowable):
                out.append(value)
                continue
            text = "" if value is None else str(value)
            if col in room and ("\n" in text or
                                pdfmetrics.stringWidth(text, FONT_NAME, font_size) > room[col]):
                out.append(para(text, cell_styles.get(align.get(col, ""), st["cell"])))
            else:
                out.append(text)
        data.append(out)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("LEADING", (0, 0), (-1, -1), font_size * 1.25),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 1), (-1, -1), 1.5 + row_padding_mm * mm),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 2.5 + row_padding_mm * mm),
    ]
    for col, how in align.items():
        commands.append(("ALIGN", (col, 1), (col, -1), how))
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_FILL]))
    commands.extend(extra_style)
    widths = [w * mm for w in widths_mm]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    if len(data) > LONG_TABLE_ROWS:
        # reportlab re-measures every remaining row each time a table is
        # split across a page; measure once and fix the heights, so a
        # 1,000-row list stays linear.
        table.wrap(sum(widths), 1e9)
        heights = list(table._rowHeights)
        table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
    return table


def bar_chart(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
              *, width_mm: float = 180, height_mm: float = 70,
              title: str = "") -> Drawing:
    """A vertical bar chart (one bar group per label, one colour per
    series) with a legend when there are several series."""
    register_font()
    palette = [colors.HexColor(c) for c in
               ("#3B6EA5", "#E08A2E", "#5A9E4B", "#B5485B", "#7D5BA6", "#8C8C8C")]
    width, height = width_mm * mm, height_mm * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT_NAME  # else renderPDF selects Helvetica
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 12 * mm
    chart.width = width - 16 * mm
    chart.height = height - (22 if title else 16) * mm
    chart.data = [list(values) for _, values in series] or [[0] * len(labels)]
    chart.categoryAxis.categoryNames = list(labels)
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName = FONT_NAME
        axis.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    top = max([max(v) for _, v in series if v] + [0])
    if top <= 5:
        chart.valueAxis.valueMax = 5
        chart.valueAxis.valueStep = 1
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = palette[i % len(palette)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if title:
        drawing.add(String(0, height - 5 * mm, title, fontName=FONT_NAME, fontSize=10))
    if len(series) > 1:
        legend = Legend()
        legend.fontName = FONT_NAME
        legend.fontSize = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.x, legend.y = width - 10 * mm - 28 * mm * len(series), height - 3 * mm
        legend.deltax = 28 * mm
        legend.colorNamePairs = [(palette[i % len(palette)], name)
                                 for i, (name, _) in enumerate(series)]
        drawing.add(legend)
    return drawing


_pdfium = threading.Lock()  # PDFium is not thread-safe: one document at a time


def render_pages(pdf: str | Path | bytes, *, dpi: int = 60,
                 pages: Sequence[int] | None = None) -> list[bytes]:
    """PNG images of the given pages (1-based; every page when None) of a
    PDF file or of PDF bytes, rendered with PDFium. Raises ValueError for
    a page the document does not have. Blocking: call it off the UI thread."""
    import pypdfium2

    with _pdfium:
        doc = pypdfium2.PdfDocument(str(pdf) if isinstance(pdf, (str, Path)) else pdf)
        try:
            numbers = list(pages) if pages is not None else list(range(1, len(doc) + 1))
            images = []
            for number in numbers:
                if not 1 <= number <= len(doc):
                    raise ValueError(f"{number}ページ目はありません（全{len(doc)}ページ）")
                page = doc[number - 1]
                try:
                    buf = io.BytesIO()
                    page.render(scale=dpi / 72).to_pil().save(buf, "PNG")
                    images.append(buf.getvalue())
                finally:
                    page.close()
            return images
        finally:
            doc.close()


def render_page_png(pdf_path: str | Path, out_png: str | Path, *, page: int = 1,
                    dpi: int = 60) -> Path:
    """Render one page to a PNG file (screenshots); returns its path."""
    out_png = Path(out_png)
    out_png.parent.mkdir(parents=True, exist_ok=True)
    out_png.write_bytes(render_pages(pdf_path, dpi=dpi, pages=[page])[0])
    return out_png


__all__ = [
    "BuildResult", "CHECKBOX", "FONT_NAME", "PERSONAL_DATA_MARK", "PageBreak",
    "PageHeader", "RETURN_NOTE", "Spacer", "bar_chart", "build_pdf",
    "content_width", "data_table", "fit_widths", "font_path", "para", "register_font",
    "render_page_png", "render_pages", "spacer", "styles",
]
