"""宛名ラベル: address labels on A4 label sheets, for mailing the branch
newsletter (かわらばん) to volunteers and watch users who agreed to mail
(``Person.mail_ok``).

Qt-free. Each label holds 〒 postal code, 住所 and 氏名 様 (御中 for a
volunteer group). The sheets carry nothing else (no header, no page
number: it would print on a label). Printers drift, so the whole sheet can
be moved by ``offset_x_mm`` (right +) and ``offset_y_mm`` (down +);
``outline=True`` draws the cell borders for a test print on plain paper.
``services.list_rows`` chooses the people (``LabelEntry`` rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from coordinator_app.reports import pdf

PAGE_H = pdf.PAGE_SIZE[1]


@dataclass(frozen=True)
class LabelLayout:
    """A label sheet: ``cols`` × ``rows`` cells of ``width_mm`` × ``height_mm``,
    the first cell ``left_mm`` from the left and ``top_mm`` from the top
    edge, ``gap_*_mm`` between cells."""

    code: str
    title: str
    cols: int
    rows: int
    width_mm: float
    height_mm: float
    left_mm: float
    top_mm: float
    gap_x_mm: float = 0.0
    gap_y_mm: float = 0.0
    padding_mm: float = 5.0
    name_size: float = 13.0
    text_size: float = 9.5

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    def cell_mm(self, index: int, offset_x_mm: float = 0.0,
                offset_y_mm: float = 0.0) -> tuple[float, float, float, float]:
        """(left, top, width, height) in mm from the page's top-left corner
        of the ``index``-th cell on a page (row by row, left to right)."""
        row, col = divmod(index % self.per_page, self.cols)
        left = self.left_mm + col * (self.width_mm + self.gap_x_mm) + offset_x_mm
        top = self.top_mm + row * (self.height_mm + self.gap_y_mm) + offset_y_mm
        return left, top, self.width_mm, self.height_mm


LAYOUTS: dict[str, LabelLayout] = {
    "12": LabelLayout("12", "12面（2列×6段・86.4×42.3mm）", 2, 6, 86.4, 42.3,
                      left_mm=17.35, top_mm=21.6, gap_x_mm=2.5),
    "24": LabelLayout("24", "24面（3列×8段・70×33.9mm）", 3, 8, 70.0, 33.9,
                      left_mm=0.0, top_mm=12.9, padding_mm=4.0, name_size=11.0,
                      text_size=8.5),
}
SOURCES = {"volunteers": "ボランティア", "watch_users": "見守り利用者",
           "both": "ボランティアと見守り利用者"}


@dataclass(frozen=True)
class LabelEntry:
    person_id: int
    postal_code: str
    address: str
    name: str
    honorific: str = "様"
    kana_key: str = ""

    @property
    def sort_key(self):
        return (self.kana_key == "", self.kana_key, self.name, self.person_id)


def _fit(text: str, size: float, width: float, minimum: float = 6.0) -> float:
    """The largest font size ≤ size at which text fits on one line."""
    while size > minimum and stringWidth(text, pdf.FONT_NAME, size) > width:
        size -= 0.5
    return size


def _wrap(text: str, size: float, width: float) -> list[str]:
    """Break text into lines that fit ``width`` (character by character:
    Japanese addresses have no spaces), preferring breaks after spaces."""
    lines, line = [], ""
    for ch in text:
        if stringWidth(line + ch, pdf.FONT_NAME, size) > width and line:
            cut = line.rfind(" ")
            if cut > len(line) // 2:
                lines.append(line[:cut])
                line = line[cut + 1:]
            else:
                lines.append(line)
                line = ""
        line += ch
    if line:
        lines.append(line)
    return [ln.strip() for ln in lines]


def _draw_label(c: Canvas, layout: LabelLayout, entry: LabelEntry,
                left: float, top: float) -> None:
    """One label inside the cell whose top-left corner is (left, top) mm."""
    pad = layout.padding_mm
    inner_w = (layout.width_mm - 2 * pad) * mm
    x = (left + pad) * mm
    y_top = PAGE_H - (top + pad) * mm
    y_bottom = PAGE_H - (top + layout.height_mm - pad) * mm
    size = layout.text_size
    y = y_top - size
    if entry.postal_code:
        c.setFont(pdf.FONT_NAME, size)
        c.drawString(x, y, f"〒{entry.postal_code}")
        y -= size * 1.4
    name = f"{entry.name}　{entry.honorific}"
    name_size = _fit(name, layout.name_size, inner_w)
    room = y - (y_bottom + name_size * 1.3)  # what is left for the address
    addr_size = size
    lines = _wrap(entry.address, addr_size, inner_w)
    while addr_size > 6 and len(lines) * addr_size * 1.25 > room + addr_size:
        addr_size -= 0.5
        lines = _wrap(entry.address, addr_size, inner_w)
    c.setFont(pdf.FONT_NAME, addr_size)
    for line in lines:
        c.drawString(x, y, line)
        y -= addr_size * 1.25
    # The name, larger, centred in the room left under the address.
    c.setFont(pdf.FONT_NAME, name_size)
    name_y = max(y_bottom + name_size * 0.25, (y + y_bottom) / 2 - name_size * 0.35)
    c.drawCentredString(x + inner_w / 2, min(name_y, y), name)


def write_labels(target, entries: Sequence[LabelEntry], layout: LabelLayout, *,
                 offset_x_mm: float = 0.0, offset_y_mm: float = 0.0,
                 outline: bool = False, start_index: int = 0) -> int:
    """Draw the labels on A4 sheets into ``target`` (path or binary file).
    ``start_index`` skips cells already used on a partly used first sheet.
    Returns the number of pages."""
    pdf.register_font()
    if isinstance(target, Path):
        target = str(target)
    c = Canvas(target, pagesize=pdf.PAGE_SIZE, initialFontName=pdf.FONT_NAME)
    c.setTitle("宛名ラベル")
    c.setCreator("coordinator-app")
    pages = 0
    slots = list(range(start_index, start_index + len(entries)))
    for n, entry in zip(slots, entries):
        if pages == 0 or n % layout.per_page == 0:
            if pages:
                c.showPage()
            pages += 1
            if outline:
                _draw_outlines(c, layout, offset_x_mm, offset_y_mm)
        left, top, _, _ = layout.cell_mm(n, offset_x_mm, offset_y_mm)
        _draw_label(c, layout, entry, left, top)
    if not entries:
        pages = 1
        if outline:
            _draw_outlines(c, layout, offset_x_mm, offset_y_mm)
    c.showPage()
    c.save()
    return pages


def _draw_outlines(c: Canvas, layout: LabelLayout, dx: float, dy: float) -> None:
    c.saveState()
    c.setLineWidth(0.3)
    c.setStrokeGray(0.6)
    for i in range(layout.per_page):
        left, top, w, h = layout.cell_mm(i, dx, dy)
        c.rect(left * mm, PAGE_H - (top + h) * mm, w * mm, h * mm)
    c.restoreState()
