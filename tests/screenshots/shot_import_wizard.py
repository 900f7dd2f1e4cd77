"""Screenshots of each step of ファイル › 台帳の取り込み… (issue 20):

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_import_wizard.py [WIDTHxHEIGHT OUT_DIR]

A coordinator brings in a district workbook of fictional residents (a
title row, お名前 merged over 姓/名, 生年月日 over 年/月/日, a second sheet,
a birth date that does not exist, the same resident on both sheets).
Writes step1.png … step6.png into docs/screenshots/import_wizard/ at
1366×768, or into OUT_DIR at the size given (e.g. 1280x720 /tmp/shots/W2)."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl
from openpyxl.styles import Alignment, Font
from PySide6.QtWidgets import QApplication, QMessageBox

from coordinator_app.core import clock
from coordinator_app.core.access import SignedIn
from coordinator_app.services import imports
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.theme import setup_fonts

TODAY = dt.date(2026, 11, 26)
OUT = ROOT / "docs" / "screenshots" / "import_wizard"
SIZE = (1366, 768)

HEADER = ["番号", "お名前", "", "フリガナ", "生年月日", "", "", "TEL", "町内会", "登録日", "備考"]
EAST = [
    ("H-001", "髙橋", "花子", "タカハシ ハナコ", 1940, 3, 2, "048-000-0001", "平方第1自治会", "R7.4.1", ""),
    ("H-002", "見本", "太郎", "ミホン タロウ", 1938, 5, 5, "048-000-0002", "平方第1自治会", "R7.4.1",
     "耳が遠い"),
    ("H-003", "例田", "ミチ", "レイダ ミチ", 1941, 2, 30, "", "原市北区", "R7.5.12", ""),
    ("H-004", "仮野", "健", "カリノ ケン", 1936, 11, 3, "048-000-0004", "原市北区", "R7.6.1", ""),
    ("H-005", "架空", "次郎", "カクウ ジロウ", 1944, 8, 15, "", "平方第1自治会", "R7.6.20", ""),
]
WEST = [
    ("N-001", "高橋", "花子", "タカハシ ハナコ", 1940, 3, 2, "048-000-0001", "ＡＢ団地自治会", "R7.9.1",
     "東地区から転居"),
    ("N-002", "見本", "太郎", "ミホン タロウ", 1950, 7, 7, "", "ＡＢ団地自治会", "R7.9.1", ""),
    ("N-003", "試験", "ジョン", "シケン ジョン", 1947, 4, 1, "048-000-0009", "ＡＢ団地自治会", "R7.10.3", ""),
]


def write_book(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in (("東地区", EAST), ("西地区", WEST)):
        ws = wb.create_sheet(name)
        ws.cell(1, 1, f"見守り対象者名簿（{name}）令和8年11月現在").font = Font(bold=True, size=14)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
        for col, text in enumerate(HEADER, start=1):
            if text:
                ws.cell(3, col, text).font = Font(bold=True)
                ws.cell(3, col).alignment = Alignment(horizontal="center")
        ws.merge_cells("B3:C3")
        ws.merge_cells("E3:G3")
        for r, row in enumerate(rows, start=4):
            for c, value in enumerate(row, start=1):
                if value != "":
                    ws.cell(r, c, value)
        ws.cell(len(rows) + 6, 1, "※ 個人情報のため取扱注意")
    wb.save(path)


CONTACTS = [  # 利用者番号, 実施日 (和暦), 方法, 結果, 実施者, 備考
    ("H-001", "令和8年10月1日", "電話", "○", "職員", ""),
    ("H-002", "令和8年10月1日", "電話", "×", "職員", "夕方に再度"),
    ("H-002", "令和8年10月2日", "訪問", "○", "職員", ""),
    ("H-004", "令和8年10月3日", "訪問", "△", "職員", "膝の痛み"),
    ("H-005", "令和8年10月5日", "かわらばん", "済", "職員", ""),
    ("H-001", "令和8年11月2日", "電話", "不在", "職員", ""),
    ("N-003", "令和8年11月4日", "外から", "○", "職員", "洗濯物あり"),
]


def write_contacts(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "見守り記録"
    ws.cell(1, 1, "見守り活動記録（令和8年度）").font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    for col, text in enumerate(["利用者番号", "実施日", "方法", "結果", "実施者", "備考"], start=1):
        ws.cell(2, col, text).font = Font(bold=True)
    for r, row in enumerate(CONTACTS, start=3):
        for c, value in enumerate(row, start=1):
            if value:
                ws.cell(r, c, value)
    wb.save(path)


def wait(app, ctx, until, rounds: int = 400) -> None:
    for _ in range(rounds):
        ctx.runner.wait(5000)
        ctx.runner.flush()  # the callbacks now, not at the runner timer's next tick
        app.processEvents()
        if until():
            break
    app.processEvents()


def main() -> None:
    size, out = SIZE, OUT
    if len(sys.argv) == 3:
        w, h = sys.argv[1].lower().split("x")
        size, out = (int(w), int(h)), Path(sys.argv[2])
    clock.set_now(TODAY)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_fonts(app)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    db = Database.open(str(tmp / "shots.db"), create=True)
    imports.import_file(db, None, "branches", "code,name\r\n01,平方支部\r\n".encode())
    from sqlalchemy import select

    from coordinator_app.core.models import Branch
    from coordinator_app.ui.import_wizard.wizard import ImportWizard

    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == "01"))
    coord = SignedIn(0, "demo-coord", "デモ コーディネーター", "coordinator", b.id, b.code, b.name)
    book = tmp / "見守り名簿_地区別.xlsx"
    write_book(book)
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.Yes)  # the exclusion's question

    ctx = AppContext(db=db, user=coord)
    wiz = ImportWizard(ctx)
    wiz.resize(*size)
    wiz.show()

    def shot(name: str) -> None:
        app.processEvents()
        wiz.grab().save(str(out / f"{name}.png"))

    def next_page() -> None:
        page = wiz.currentPage()
        wait(app, ctx, page.isComplete)
        wiz.next()
        wait(app, ctx, lambda: not wiz.currentPage().loading)

    page = wiz.source_page
    page.path.setText(str(book))
    page.path.editingFinished.emit()
    wait(app, ctx, lambda: page.grid_loaded)
    page.sheets.item(1).setCheckState(page.sheets.item(0).checkState())
    shot("step1")
    next_page()
    shot("step2")
    next_page()  # step 3: nothing coded in this ledger (shown with the contacts below)
    next_page()
    preview = wiz.preview_page
    preview.only_errors.setChecked(True)
    shot("step4")
    preview.only_errors.setChecked(False)
    preview.exclude_every_bad_row()
    wait(app, ctx, preview.isComplete)
    next_page()
    people = wiz.people_page
    shot("step5")
    people.decide_all("same")
    next_page()
    wait(app, ctx, lambda: not wiz.run_page.running)
    shot("step6")
    wiz.accept()

    # 見守りの記録: the values of 方法 and 結果 (○ × △ 不在 済) placed on codes
    contacts = tmp / "見守り記録.xlsx"
    write_contacts(contacts)
    wiz = ImportWizard(ctx)
    wiz.resize(*size)
    wiz.show()
    page = wiz.source_page
    page.kind.setCurrentIndex(page.kind.findData("watch-contacts"))
    page.path.setText(str(contacts))
    page.path.editingFinished.emit()
    wait(app, ctx, lambda: page.grid_loaded)
    next_page()
    next_page()
    shot("step3")
    print(f"wrote step1-6.png to {out}")


if __name__ == "__main__":
    main()
