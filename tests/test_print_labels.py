"""宛名ラベル: every label lands inside its cell on both sheet layouts, the
offsets move the whole sheet, and only people who agreed to mail get one."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from html import unescape

import pytest
from reportlab.lib.units import mm
from sqlalchemy import select

from coordinator_app.core.kana import fold
from coordinator_app.core.models import Branch, Person, PrintRecord, WatchUser
from coordinator_app.reports import labels
from coordinator_app.services import printing
from tests.test_print_lists import TODAY, coordinator, pdftotext, town  # noqa: F401

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def words_by_page(path) -> list[list[tuple[float, float, float, float, str]]]:
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = html.split("<page ")[1:]
    return [[(float(a), float(b), float(c), float(d), unescape(t))
             for a, b, c, d, t in WORD.findall(page)] for page in pages]


OUTLINE = re.compile(r'<path style="fill:none;[^"]*" d="M ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) '
                     r'L ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) Z')


def drawn_cells(path) -> list[tuple[float, float, float, float]]:
    """The cell outlines drawn on the first page of a sheet printed with
    ``outline=True``, read from the PDF itself (``pdftocairo -svg``: the
    paths in PDF points, y upwards), as (x0, y0, x1, y1) points from the
    top-left corner like ``pdftotext -bbox``; row by row, left to right."""
    svg = subprocess.run(["pdftocairo", "-svg", "-f", "1", "-l", "1", str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    height = float(re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', svg).group(1))
    cells = []
    for m in OUTLINE.finditer(svg):
        xs, ys = [float(v) for v in m.groups()[0::2]], [float(v) for v in m.groups()[1::2]]
        cells.append((min(xs), height - max(ys), max(xs), height - min(ys)))
    return sorted(cells, key=lambda c: (round(c[1], 1), c[0]))


def cell_of(word, cells, tolerance=0.5) -> int | None:
    x0, y0, x1, y1, _ = word
    for i, (cx0, cy0, cx1, cy1) in enumerate(cells):
        if (x0 >= cx0 - tolerance and x1 <= cx1 + tolerance
                and y0 >= cy0 - tolerance and y1 <= cy1 + tolerance):
            return i
    return None


@pytest.fixture
def mailing(db):
    """30 watch users of branch 01 who agreed to mail, with long and short
    addresses; their names sort as 宛名001 … 宛名030."""
    with db.session() as s:
        b = Branch(code="01", name="見本支部")
        s.add(b)
        s.flush()
        for i in range(1, 31):
            address = "上尾市見本町" + str(i) + "-1"
            if i % 4 == 0:  # a long one that must wrap and shrink, not overflow
                address = "埼玉県上尾市大字見本新田字長い地名" + str(i) + "番地 見本ハイツ東棟1203号室"
            p = Person(branch_id=b.id, name=f"宛名{i:03d}", kana=f"あてな{i:03d}",
                       kana_key=fold(f"あてな{i:03d}"), name_key=fold(f"宛名{i:03d}"),
                       address=address, postal_code="362-0000", mail_ok=True)
            s.add(p)
            s.flush()
            s.add(WatchUser(branch_id=b.id, person_id=p.id, enrolled_on=dt.date(2025, 4, 1),
                            enrolled_month=202504))
    return db


@pytest.mark.parametrize("layout_code", ["12", "24"])
@pytest.mark.parametrize("offset", [(0.0, 0.0), (3.0, -2.5)])
def test_every_label_lands_inside_its_cell(mailing, tmp_path, layout_code, offset):
    layout = labels.LAYOUTS[layout_code]
    out = tmp_path / "labels.pdf"
    result = printing.print_list(
        mailing, coordinator(mailing), printing.PrintRequest(
            kind="labels", label_layout=layout_code, label_source="watch_users",
            offset_x_mm=offset[0], offset_y_mm=offset[1], recipient="かわらばん郵送",
            outline=True),
        out, today=TODAY)
    assert result.people == 30
    pages = words_by_page(out)
    assert len(pages) == result.pages == -(-30 // layout.per_page)
    # The cells as drawn match the sheet's measurements, moved by the offset.
    cells = drawn_cells(out)
    assert len(cells) == layout.per_page
    for i, (x0, y0, x1, y1) in enumerate(cells):
        row, col = divmod(i, layout.cols)
        left = layout.left_mm + offset[0] + col * (layout.width_mm + layout.gap_x_mm)
        top = layout.top_mm + offset[1] + row * (layout.height_mm + layout.gap_y_mm)
        assert (x0, y0, x1, y1) == pytest.approx(
            (left * mm, top * mm, (left + layout.width_mm) * mm, (top + layout.height_mm) * mm),
            abs=0.01)
    seen = {}
    for page_no, words in enumerate(pages):
        for word in words:
            cell = cell_of(word, cells)
            assert cell is not None, f"{word} is outside every cell"
            if word[4].startswith("宛名"):
                seen[int(word[4][2:5])] = (page_no, cell)
    # 50音順, row by row, left to right, continuing on the next sheet
    assert seen == {i: divmod(i - 1, layout.per_page) for i in range(1, 31)}
    text = pdftotext(out)
    assert text.count("〒362-0000") == 30 and text.count("様") == 30
    assert "取扱注意" not in text  # nothing but the address on a label


def test_offsets_move_the_whole_sheet_by_millimetres(mailing, tmp_path):
    def first_name_box(dx, dy):
        out = tmp_path / f"l{dx}{dy}.pdf"
        printing.print_list(mailing, coordinator(mailing), printing.PrintRequest(
            kind="labels", label_layout="12", offset_x_mm=dx, offset_y_mm=dy), out, today=TODAY)
        return next(w for w in words_by_page(out)[0] if w[4].startswith("宛名001"))

    base, moved = first_name_box(0, 0), first_name_box(4, 2)
    assert moved[0] - base[0] == pytest.approx(4 * mm, abs=0.05)
    assert moved[1] - base[1] == pytest.approx(2 * mm, abs=0.05)
    with pytest.raises(printing.PrintError):
        first_name_box(25, 0)


def test_only_people_who_agreed_to_mail_and_have_an_address(town, tmp_path):
    db, _ = town
    out = tmp_path / "l.pdf"
    result = printing.print_list(db, coordinator(db), printing.PrintRequest(
        kind="labels", label_source="both", outline=True), out, today=TODAY)
    text = pdftotext(out)
    assert "渡辺 トメ" in text and "〒362-0001" in text  # watch user
    assert "小林 協力" in text and "〒362-0002" in text  # volunteer
    assert "阿部 ハナ" not in text  # agreed, but no address: skipped and counted
    assert "山本 協子" not in text and "加藤 清" not in text  # did not agree
    assert result.people == 2 and result.skipped == 1
    assert text.index("小林 協力") < text.index("渡辺 トメ")
    printing.print_list(db, coordinator(db), printing.PrintRequest(
        kind="labels", label_source="volunteers"), out, today=TODAY)
    text = pdftotext(out)
    assert "小林 協力" in text and "渡辺 トメ" not in text
    with db.session() as s:
        rows = s.scalars(select(PrintRecord).where(PrintRecord.list_kind == "labels")).all()
    assert [r.person_count for r in rows] == [2, 1] and all(r.copies == 1 for r in rows)


def test_demo_has_people_who_agreed_to_mail(demo_db):
    with demo_db.session() as s:
        agreed = s.scalars(select(Person).where(Person.mail_ok.is_(True))).all()
    assert agreed and all(p.postal_code == "362-0000" and p.address for p in agreed)
