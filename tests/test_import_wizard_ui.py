"""ファイル › 台帳の取り込み… as a coordinator uses it (issue 20): the
wizard driven with qtbot through every step on generated workbooks of
the layouts offices keep (tests/import_workbooks.py), asserting what each
page shows (the proposed mapping, the values with their counts, the bad
cells, the same-person proposals, the summary) and what the database holds
afterwards; the tally export equals importing the same data as contract
CSV; キャンセル and Esc change nothing; excluded rows are shown and audited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from sqlalchemy import func, select

from coordinator_app.core import codes
from coordinator_app.core.access import SignedIn
from coordinator_app.core.models import AuditLog, Person, WatchUser
from coordinator_app.services import imports
from coordinator_app.services import ledger_wizard as wizard_service
from coordinator_app.services.ledger_wizard import Source
from tests.conftest import coordinator_of, open_test_db
from tests.db_snapshot import snapshot
from tests.helpers import make_context
from tests.import_workbooks import (
    METHOD_WORDS,
    RESULT_MARKS,
    write_layout_a,
    write_layout_b,
    write_layout_c,
)
from tests.ledger_strategies import (
    FY,
    LedgerSet,
    draw_set,
    write,
)
from tests.ledger_strategies import WatchUser as PlainUser
from tests.test_import_messy import assert_same_figures, exported_tally

SETTINGS = {"deadline": None,
            "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]}
WAIT = 30000


@pytest.fixture(autouse=True)
def _closing_asks_nothing(monkeypatch):
    """The wizard asks before abandoning (a modal question); tests that are
    not about it answer はい, also when qtbot closes the wizard at the end."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)


# --- driving the wizard ---------------------------------------------------------------------

def open_wizard(qtbot, db, user):
    from coordinator_app.ui.import_wizard.wizard import ImportWizard

    ctx = make_context(db, user)
    wiz = ImportWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.resize(1366, 768)
    wiz.show()
    return wiz


def settle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT)


def press_next(qtbot, wiz) -> None:
    """Enter: the wizard's default button (次へ, or 取り込む on step 5)."""
    page = wiz.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=WAIT)
    before = wiz.currentId()
    qtbot.keyClick(wiz.focusWidget() or wiz, Qt.Key_Return)
    qtbot.waitUntil(lambda: wiz.currentId() != before, timeout=WAIT)
    settle(qtbot, wiz.currentPage())


def choose_file(qtbot, wiz, kind: str, path, header_row: int | None = None,
                sheets: list[str] | None = None) -> None:
    page = wiz.source_page
    page.kind.setCurrentIndex(page.kind.findData(kind))
    page.path.setText(str(path))
    page.path.editingFinished.emit()
    qtbot.waitUntil(lambda: page.grid_loaded, timeout=WAIT)
    if sheets:
        for i in range(page.sheets.count()):
            item = page.sheets.item(i)
            item.setCheckState(Qt.Checked if item.text() in sheets else Qt.Unchecked)
    if header_row is not None:
        click_row(qtbot, page, header_row)


def click_row(qtbot, page, row: int) -> None:
    """Click a cell of sheet row ``row`` in the grid, as the person does."""
    view = page.grid
    index = page.model.index(row - 1, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())


def shown_mapping(wiz) -> dict[str, Source | None]:
    page = wiz.columns_page
    return {name: page.source(name) for name in page.combos}


def shown_values(wiz, column: str) -> dict[str, tuple[int, str | None]]:
    """{value as written: (count shown, code chosen)} of step 3."""
    page = wiz.values_page
    return {text: (count, combo.currentData()) for text, count, combo in page.rows[column]}


def finish(qtbot, wiz) -> wizard_service.WizardResult:
    page = wiz.run_page
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert wiz.result is not None, page.error.text()
    return wiz.result


# --- data -----------------------------------------------------------------------------------

def add_branch(db, code: str, name: str) -> None:
    imports.import_file(db, None, "branches", f"code,name\r\n{code},{name}\r\n".encode())


def staff_only(s: LedgerSet) -> LedgerSet:
    """Layout C writes 職員 as 実施者: contacts without volunteers."""
    s.contacts = [dataclasses.replace(c, by=()) for c in s.contacts]
    s.volunteers = []
    return s


# --- the menu ---------------------------------------------------------------------------------

def test_only_roles_that_may_import_are_offered_the_wizard(qtbot, demo_db, coordinator):
    from coordinator_app.ui.main_window import MainWindow

    window = MainWindow(make_context(demo_db, coordinator), 0)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_action in file_menu.actions()
    assert window.import_action.text().startswith("台帳の取り込み")
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.import_wizard.isVisible())
    assert window.import_wizard.windowTitle() == "台帳の取り込み"
    # a coordinator cannot bring in branches (an administrator's list)
    kinds = window.import_wizard.source_page.kind
    assert "branches" not in [kinds.itemData(i) for i in range(kinds.count())]
    window.import_wizard.done(0)

    city = SignedIn(0, "city", "市 職員", "city_staff", None, None, None)
    window = MainWindow(make_context(demo_db, city), 0)
    qtbot.addWidget(window)
    assert not hasattr(window, "import_action")
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert not any("取り込み" in t for t in texts)


# --- layout A (title row, merged headers) + layout C (○×, 和暦): the tally equals the CSV twin --

@settings(max_examples=3, **SETTINGS)
@given(data=st.data())
def test_wizard_imports_layouts_a_and_c_as_the_csv_twin_does(qtbot, db, tmp_path_factory, data):
    draw = data.draw
    tmp = tmp_path_factory.mktemp("wizard")
    s = staff_only(draw_set(draw, branches=1, at_least_one=True))
    branch = s.branches[0]
    add_branch(db, branch.code, branch.name)
    user = coordinator_of(db, branch.code)

    # --- watch users from layout A ---
    book_a = tmp / "見守り名簿.xlsx"
    write_layout_a(book_a, s.users, f"見守り対象者名簿（{branch.name}）")
    wiz = open_wizard(qtbot, db, user)
    choose_file(qtbot, wiz, "watch-users", book_a)
    page = wiz.source_page
    assert page.model.header_row == 3, "the title and blank rows above the header are skipped"
    header = wiz.spec.header
    assert header[1] == header[2] == "お名前", "a merged header cell fills its span"
    assert header[4] == header[5] == header[6] == "生年月日"
    press_next(qtbot, wiz)

    mapping = shown_mapping(wiz)
    assert mapping["external_id"] == Source("column", (0,))
    assert mapping["name"].kind == "join" and mapping["name"].columns == (1, 2)
    assert mapping["kana"] == Source("column", (3,))
    assert mapping["birth_date"].kind == "date" and mapping["birth_date"].columns == (4, 5, 6)
    assert mapping["phone"] == Source("column", (7,))
    assert mapping["area"] == Source("column", (8,))
    assert mapping["enrolled_on"] == Source("column", (9,))
    assert mapping["branch_code"] == Source("constant", value=branch.code)
    combo = wiz.columns_page.combos["name"]
    assert combo.currentText() == "B列＋C列: お名前（つなげる）"
    assert wiz.columns_page.combos["birth_date"].currentText() == "E〜G列: 生年月日（日付にまとめる）"
    press_next(qtbot, wiz)

    ended = Counter(u.end_reason for u in s.users if u.end_reason)
    if ended:
        from tests.import_workbooks import END_REASON_WORDS

        shown = shown_values(wiz, "end_reason")
        assert {t: n for t, (n, _c) in shown.items() if t} == \
            {END_REASON_WORDS[code]: n for code, n in ended.items()}
        assert all(shown[END_REASON_WORDS[code]][1] == code for code in ended)
    press_next(qtbot, wiz)

    preview = wiz.preview_page
    assert preview.full.error_total == 0, preview.full.errors
    assert preview.full.total_rows == len(s.users)
    assert preview.errors_model.rowCount() == 0
    assert "エラーはありません" in preview.summary.text()
    press_next(qtbot, wiz)

    people = wiz.people_page
    people.decide_all("apart")  # the CSV twin keeps every row a person of its own
    press_next(qtbot, wiz)
    result = finish(qtbot, wiz)
    assert (result.created, result.updated, result.merged_people) == (len(s.users), 0, 0)
    summary = wiz.run_page.result_label.text()
    assert f"新しく登録: <b>{len(s.users)}</b> 件" in summary
    assert "除外した行: <b>0</b> 行" in summary
    wiz.accept()

    # --- watch contacts from layout C ---
    if s.contacts:
        book_c = tmp / "見守り記録.xlsx"
        write_layout_c(book_c, s.contacts, "見守り活動記録")
        wiz = open_wizard(qtbot, db, user)
        choose_file(qtbot, wiz, "watch-contacts", book_c)
        assert wiz.source_page.model.header_row == 2
        press_next(qtbot, wiz)
        mapping = shown_mapping(wiz)
        assert mapping["watch_user_id"] == Source("column", (0,))
        assert mapping["contacted_on"] == Source("column", (1,))
        assert mapping["result"] == Source("column", (3,))
        press_next(qtbot, wiz)
        results = shown_values(wiz, "result")
        written = Counter(RESULT_MARKS[c.result] for c in s.contacts)
        assert {t: n for t, (n, _c) in results.items()} == dict(written)
        marks = {mark: code for code, mark in RESULT_MARKS.items()}
        assert {t: c for t, (_n, c) in results.items()} == {t: marks[t] for t in written}
        methods = shown_values(wiz, "method")
        words = {w: code for code, w in METHOD_WORDS.items()}
        assert {t: c for t, (_n, c) in methods.items()} == {t: words[t] for t in methods}
        press_next(qtbot, wiz)
        assert wiz.preview_page.full.error_total == 0, wiz.preview_page.full.errors
        m = wiz.preview_page.rows_model
        heads = [m.headerData(c, Qt.Horizontal) for c in range(m.columnCount())]
        shown = {m.data(m.index(r, heads.index("結果"))) for r in range(m.rowCount())}
        assert shown and shown <= set(codes.WATCH_RESULT.values()), "codes shown in Japanese"
        press_next(qtbot, wiz)
        press_next(qtbot, wiz)
        result = finish(qtbot, wiz)
        assert result.created + result.updated + result.removed > 0
        wiz.accept()

    # --- the same data as contract CSV, into a database of its own ---
    twin = open_test_db(str(tmp / "twin.db"))
    try:
        add_branch(twin, branch.code, branch.name)
        for kind in ("watch-users", "watch-contacts"):
            if s.records(kind):
                imports.import_file(twin, None, kind, write(draw, kind, s.rows(kind)).data)
        for fy in (FY, FY + 1):
            assert_same_figures(exported_tally(db, tmp, fy, [branch.code]),
                                exported_tally(twin, tmp, fy, [branch.code]))
    finally:
        twin.close()


# --- layout B: two sheets, split 姓/名, 和暦; a bad row; the same resident twice -------------

def people_of_layout_b(code: str) -> dict[str, list[PlainUser]]:
    """Two district sheets. 髙橋/高橋 花子 is one resident (same reading and
    birth date, different kanji); 見本 太郎 twice with different birth dates
    is two people; 例田 ミチ has a birth date that does not exist."""
    day = dt.date(2025, 4, 1)

    def u(ext, name, kana, birth, phone=""):
        return PlainUser(ext, code, name, kana, birth, phone, "", day, None, None)

    return {
        "東地区": [u("E1", "髙橋 花子", "たかはし はなこ", dt.date(1940, 3, 2)),
                  u("E2", "見本 太郎", "みほん たろう", dt.date(1938, 5, 5)),
                  u("E3", "例田 ミチ", "れいだ みち", dt.date(1941, 1, 1))],
        "西地区": [u("W1", "高橋 花子", "タカハシ ハナコ", dt.date(1940, 3, 2)),
                  u("W2", "見本 太郎", "みほん たろう", dt.date(1950, 7, 7))],
    }


def test_two_sheets_bad_row_excluded_and_same_resident_merged(qtbot, db, tmp_path, monkeypatch):
    add_branch(db, "B1", "テスト支部")
    user = coordinator_of(db, "B1")
    book = tmp_path / "見守り_地区別.xlsx"
    sheets = people_of_layout_b("B1")
    write_layout_b(book, sheets)
    import openpyxl

    wb = openpyxl.load_workbook(book)
    wb["東地区"]["F4"] = "昭和16年2月30日"  # 例田 ミチ: a day that does not exist
    wb.save(book)

    wiz = open_wizard(qtbot, db, user)
    choose_file(qtbot, wiz, "watch-users", book, sheets=["東地区", "西地区"])
    assert wiz.spec.sheets == ["東地区", "西地区"]
    assert wiz.source_page.model.header_row == 1
    press_next(qtbot, wiz)
    mapping = shown_mapping(wiz)
    assert mapping["name"].kind == "join" and mapping["name"].columns == (1, 2)
    assert mapping["kana"].kind == "join" and mapping["kana"].columns == (3, 4)
    assert mapping["birth_date"] == Source("column", (5,))
    press_next(qtbot, wiz)
    press_next(qtbot, wiz)

    preview = wiz.preview_page
    assert preview.full.error_total >= 1
    errors = [(e.sheet, e.row, e.column_letter) for e in preview.errors_model.rows]
    assert ("東地区", 4, "F") in errors
    assert not preview.isComplete(), "a bad row blocks 次へ until it is fixed or excluded"
    preview.only_errors.setChecked(True)
    shown = preview.rows_model.rows
    assert [(r.ref.sheet, r.ref.row) for r in shown] == [("東地区", 4)]
    assert "昭和16年2月30日" in shown[0].values.get("birth_date", "") or shown[0].errors

    # exclude it with its check box; 次へ asks first
    index = preview.rows_model.index(0, 0)
    assert preview.rows_model.flags(index) & Qt.ItemIsUserCheckable
    preview.rows_model.setData(index, Qt.Checked, Qt.CheckStateRole)
    qtbot.waitUntil(preview.isComplete, timeout=WAIT)
    assert "1 行を除外して取り込みます" in preview.excluded_label.text()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    press_next(qtbot, wiz)
    assert asked and "1 行を取り込みません" in asked[0]

    people = wiz.people_page
    proposals = [d.proposal for d in people.decided]
    assert len(proposals) == 1, proposals
    assert {(r.sheet, r.row) for r in proposals[0].rows} == {("東地区", 2), ("西地区", 2)}
    assert "ふりがなと生年月日" in people.rule.text()
    assert not people.isComplete(), "every proposal is decided before the import"
    people.view.selectRow(0)
    people.same_button.click()
    assert people.model.data(people.model.index(0, 0)) == "同じ人"
    press_next(qtbot, wiz)
    result = finish(qtbot, wiz)
    assert result.created == 4
    assert result.merged_people == 1
    assert [(r.sheet, r.row) for r in result.excluded_rows] == [("東地区", 4)]
    summary = wiz.run_page.result_label.text()
    assert "除外した行: <b>1</b> 行" in summary and "東地区 4行" in summary
    assert "同じ人としてまとめた人: <b>1</b> 人" in summary

    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(WatchUser)) == 4
        # 髙橋/高橋 花子 is one person with two watch-user rows; 見本 太郎 stays two people
        assert s.scalar(select(func.count()).select_from(Person)) == 3
        assert s.scalar(select(func.count(func.distinct(WatchUser.person_id)))) == 3
        audit = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    excluded = [a for a in audit if a.action == "import_exclude"]
    assert len(excluded) == 1 and "excluded=1" in excluded[0].detail
    assert "sheet1:4" in excluded[0].detail, "the sheet (by its number, no name) and the row"
    assert any(a.action == "import_merge" and "merged=1" in a.detail for a in audit)


# --- cancel and Esc ---------------------------------------------------------------------------

def walk_to_people(qtbot, wiz, book) -> None:
    choose_file(qtbot, wiz, "watch-users", book)
    for _ in range(4):
        press_next(qtbot, wiz)
    wiz.people_page.decide_all("apart")


def big_book(tmp_path, rows: int = 600):
    """More rows than the import reads between two looks at キャンセル."""
    users = [PlainUser(f"K{i}", "C1", f"仮野 {i}号", "", None, "", "", dt.date(2025, 6, 1),
                       None, None) for i in range(rows)]
    path = tmp_path / "big.xlsx"
    write_layout_a(path, users, "名簿")
    return path


def small_book(tmp_path):
    users = [PlainUser(f"K{i}", "C1", f"仮野 {n}", f"かりの {k}", None, "", "", dt.date(2025, 6, 1),
                       None, None)
             for i, (n, k) in enumerate([("健", "けん"), ("ミチ", "みち"), ("花子", "はなこ")])]
    path = tmp_path / "small.xlsx"
    write_layout_a(path, users, "名簿")
    return path


def test_cancel_during_the_import_changes_nothing(qtbot, db, tmp_path, monkeypatch):
    add_branch(db, "C1", "取消支部")
    user = coordinator_of(db, "C1")
    before = snapshot(db)
    wiz = open_wizard(qtbot, db, user)
    walk_to_people(qtbot, wiz, big_book(tmp_path))

    pressed = threading.Event()
    real = wizard_service.run_import

    def held(*args, **kwargs):  # the import waits until the person has pressed キャンセル
        assert pressed.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(wizard_service, "run_import", held)

    def answer(*_a, **_k):
        pressed_later = QMessageBox.Yes
        return pressed_later

    monkeypatch.setattr(QMessageBox, "question", answer)
    press_next(qtbot, wiz)  # 取り込む
    assert wiz.running
    assert wiz.button(QWizard.CancelButton).isVisible()
    qtbot.keyClick(wiz, Qt.Key_Escape)  # asks (answered Yes): the import is stopped
    pressed.set()
    qtbot.waitUntil(lambda: not wiz.running, timeout=WAIT)
    assert wiz.result is None
    assert "中止" in wiz.run_page.result_label.text()
    assert "何も変わっていません" in wiz.run_page.result_label.text()
    # the backup the import took may stay; the records do not change
    after = snapshot(db)
    assert {k: v for k, v in after.items() if k != "audit_log"} == \
        {k: v for k, v in before.items() if k != "audit_log"}


def test_escape_asks_before_abandoning(qtbot, db, tmp_path, monkeypatch):
    add_branch(db, "C1", "取消支部")
    user = coordinator_of(db, "C1")
    before = snapshot(db)
    wiz = open_wizard(qtbot, db, user)
    choose_file(qtbot, wiz, "watch-users", small_book(tmp_path))
    press_next(qtbot, wiz)
    answers = [QMessageBox.No, QMessageBox.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    qtbot.keyClick(wiz.focusWidget() or wiz, Qt.Key_Escape)
    assert asked and wiz.isVisible(), "No keeps the wizard open"
    qtbot.keyClick(wiz.focusWidget() or wiz, Qt.Key_Escape)
    assert len(asked) == 2 and not wiz.isVisible()
    assert snapshot(db) == before


# --- saved mappings ------------------------------------------------------------------------------

def test_a_saved_mapping_is_picked_at_step_2(qtbot, db, tmp_path):
    add_branch(db, "C1", "取消支部")
    user = coordinator_of(db, "C1")
    book = small_book(tmp_path)
    wiz = open_wizard(qtbot, db, user)
    choose_file(qtbot, wiz, "watch-users", book)
    press_next(qtbot, wiz)
    page = wiz.columns_page
    # the person changes one field by hand, then saves under a name
    page.set_source("phone", None)
    page.set_source("address", Source("column", (11,)))
    page.save_bar.name.setText("毎月の名簿")
    page.save_bar.button.click()
    qtbot.waitUntil(lambda: "保存しました" in page.save_bar.told.text(), timeout=WAIT)
    assert wizard_service.mapping_names(db, "watch-users") == ["毎月の名簿"]
    wiz.done(0)

    wiz = open_wizard(qtbot, db, user)
    choose_file(qtbot, wiz, "watch-users", book)
    press_next(qtbot, wiz)
    page = wiz.columns_page
    assert page.source("address") is None and page.source("phone") is not None  # proposed anew
    assert page.saved.currentText() == "毎月の名簿"
    page.use_saved.click()
    settle(qtbot, page)
    assert page.source("phone") is None
    assert page.source("address") == Source("column", (11,))
    assert "毎月の名簿" in page.note.text()


# --- scope ------------------------------------------------------------------------------------

def test_a_coordinator_imports_only_into_their_own_branch(qtbot, db, tmp_path):
    import openpyxl

    add_branch(db, "S1", "自分の支部")
    add_branch(db, "S2", "よその支部")
    user = coordinator_of(db, "S1")
    book = tmp_path / "支部混在.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名簿"
    for row in (["番号", "氏名", "支部コード", "登録日"], ["A1", "見本 太郎", "S1", "R7.4.1"],
                ["A2", "仮野 花子", "S2", "R7.4.1"]):
        ws.append(row)
    wb.save(book)
    before = snapshot(db)
    wiz = open_wizard(qtbot, db, user)
    choose_file(qtbot, wiz, "watch-users", book)
    press_next(qtbot, wiz)
    assert shown_mapping(wiz)["branch_code"] == Source("column", (2,))
    # a coordinator is offered their own branch only as the branch of every row
    combo = wiz.columns_page.combos["branch_code"]
    constants = [combo.itemData(i) for i in range(combo.count())
                 if combo.itemData(i) is not None and combo.itemData(i).kind == "constant"]
    assert constants == [Source("constant", value="S1")]
    press_next(qtbot, wiz)
    press_next(qtbot, wiz)
    preview = wiz.preview_page
    errors = [(e.sheet, e.row, e.column_letter, e.reason) for e in preview.errors_model.rows]
    assert errors == [("名簿", 3, "C", "自分の支部（S1）以外の行は取り込めません")]
    assert not preview.isComplete() and not wiz.button(QWizard.NextButton).isEnabled()
    assert snapshot(db) == before


def test_an_administrator_may_bring_in_branches_and_choose_the_branch(qtbot, db, tmp_path):
    add_branch(db, "S1", "第一支部")
    add_branch(db, "S2", "第二支部")
    admin = SignedIn(0, "admin", "管理者", "admin", None, None, None)
    wiz = open_wizard(qtbot, db, admin)
    kinds = wiz.source_page.kind
    assert "branches" in [kinds.itemData(i) for i in range(kinds.count())]
    choose_file(qtbot, wiz, "watch-users", small_book(tmp_path))
    press_next(qtbot, wiz)
    page = wiz.columns_page
    assert page.source("branch_code") is None, "no branch is assumed for an administrator"
    assert not page.isComplete() and "支部コード" in page.note.text()
    page.set_source("branch_code", Source("constant", value="S2"))
    assert page.combos["branch_code"].currentText() == "（すべての行で S2 第二支部）"
    assert page.isComplete()


def test_fixing_the_workbook_and_pressing_reload_clears_the_errors(qtbot, db, tmp_path):
    import openpyxl

    add_branch(db, "C1", "取消支部")
    user = coordinator_of(db, "C1")
    book = small_book(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["名簿"]["J5"] = "来年の4月"  # 登録日 that is no date
    wb.save(book)
    wiz = open_wizard(qtbot, db, user)
    choose_file(qtbot, wiz, "watch-users", book)
    for _ in range(2):
        press_next(qtbot, wiz)
    press_next(qtbot, wiz)
    preview = wiz.preview_page
    assert [(e.sheet, e.row, e.column_letter) for e in preview.errors_model.rows] == \
        [("名簿", 5, "J")]
    assert not wiz.button(QWizard.NextButton).isEnabled()

    wb = openpyxl.load_workbook(book)  # the person fixes the cell in Excel and saves
    wb["名簿"]["J5"] = "R7.6.1"
    wb.save(book)
    qtbot.mouseClick(preview.reload_button, Qt.LeftButton)
    qtbot.waitUntil(preview.isComplete, timeout=WAIT)
    assert preview.errors_model.rowCount() == 0
    assert "エラーはありません" in preview.summary.text()
    assert wiz.button(QWizard.NextButton).isEnabled()


def test_a_refused_import_says_where_in_japanese_and_leads_back(qtbot, db, tmp_path, monkeypatch):
    add_branch(db, "C1", "取消支部")
    user = coordinator_of(db, "C1")
    before = snapshot(db)
    wiz = open_wizard(qtbot, db, user)
    walk_to_people(qtbot, wiz, small_book(tmp_path))

    def refused(*_a, **_k):  # what the import finds only while writing (e.g. a later duplicate)
        raise wizard_service.WizardRefused(
            [wizard_service.CellError("名簿", 5, "J", "enrolled_on", "未来の日付です")], 1)

    monkeypatch.setattr(wizard_service, "run_import", refused)
    press_next(qtbot, wiz)
    qtbot.waitUntil(lambda: not wiz.running, timeout=WAIT)
    page = wiz.run_page
    assert wiz.result is None
    assert page.error.text() == "名簿 5行 J列（登録日）: 未来の日付です"
    assert "何も取り込んでいません" in page.result_label.text()
    assert snapshot(db) == before
    assert page.again.isVisible()
    page.again.click()
    assert wiz.currentPage() is wiz.preview_page


def test_keyboard_first_tab_order_and_enter(qtbot, db, tmp_path):
    add_branch(db, "C1", "取消支部")
    wiz = open_wizard(qtbot, db, coordinator_of(db, "C1"))
    page = wiz.source_page

    def tab_from(widget):  # where Tab goes: the next widget in the chain that takes Tab focus
        w = widget.nextInFocusChain()
        while not (w.focusPolicy() & Qt.TabFocus and w.isVisible() and w.isEnabled()):
            w = w.nextInFocusChain()
        return w

    order = [page.kind]
    for _ in range(4):
        order.append(tab_from(order[-1]))
    assert order == [page.kind, page.path, page.browse, page.sheets, page.grid]
    # the path typed (ASCII here) and Enter: the file is read; Enter again is 次へ
    page.path.setFocus()
    page.path.setText(str(small_book(tmp_path)))
    qtbot.keyClick(page.path, Qt.Key_Return)
    qtbot.waitUntil(lambda: page.grid_loaded, timeout=WAIT)
    qtbot.waitUntil(page.isComplete, timeout=WAIT)
    qtbot.keyClick(page.path, Qt.Key_Return)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.columns_page, timeout=WAIT)
