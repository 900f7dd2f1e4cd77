"""The import wizard's service (issue 20): a branch's own workbooks, laid
out its own way, imported through the contract importer.

The proof that the wizard has the contract's rules and no others: the
same generated records written as the branch's workbooks (three layouts)
and as contract CSV files give the same tally file and the same people.
Then the people step, all-or-nothing, cancel, exclusions and the scope.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coordinator_app.core import codes, kana
from coordinator_app.core.dates import era_of
from coordinator_app.core.models import AuditLog, Person, Volunteer, WatchUser
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.interchange.ledger import LedgerError
from coordinator_app.services import ledger_wizard as lw
from coordinator_app.services import tallies
from tests.conftest import coordinator_of, open_test_db
from tests.db_snapshot import snapshot
from tests.ledger_strategies import FY, draw_set, render_kana

_N = itertools.count()


def contract_csv(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def wareki(day: dt.date, short: bool = False) -> str:
    name, letter, n = era_of(day)
    if short:
        return f"{letter}{n}.{day.month}.{day.day}"
    return f"{name}{'元' if n == 1 else n}年{day.month}月{day.day}日"


END_WORDS = {"facility": ["施設入所", "入所"], "death": ["死亡", "逝去"], "moved": ["転居", "転出"],
             "request": ["本人希望", "辞退"], "other": ["その他"]}
RESULT_WORDS = {"ok": ["○", "〇", "異常なし"], "absent": ["×", "不在"], "concern": ["△", "異変あり"]}
METHOD_WORDS = {"visit": ["訪問"], "phone": ["電話", "TEL"], "outside": ["外からの見守り"],
                "newsletter": ["かわらばん"], "online": ["オンライン"]}


# --- the three layouts -----------------------------------------------------------------------

def users_workbook(draw, path: Path, users) -> None:
    """Layout 1: a title row merged across the sheet, a two-row header
    (氏名 merged over 姓/名, 生年月日 over 年/月/日), 登録日 as an Excel date or
    和暦 text, 終了理由 in the branch's words."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "見守り台帳"
    ws["A1"] = "令和7年度 見守り対象者台帳（テスト支部）"
    ws.merge_cells("A1:L1")
    ws.append([])
    ws.append(["番号", "氏名", "", "フリガナ", "生年月日", "", "", "電話", "町内会", "登録日",
               "終了日", "終了理由"])
    ws.merge_cells("B3:C3")
    ws.merge_cells("E3:G3")
    ws.append(["", "姓", "名", "", "年", "月", "日"])
    for u in users:
        family, given_name = u.name.split(" ")
        b = u.birth
        year = "" if b is None else draw(st.sampled_from(
            [b.year, f"{era_of(b)[0]}{era_of(b)[2]}", f"{era_of(b)[1]}{era_of(b)[2]}"]))
        enrolled = draw(st.sampled_from([dt.datetime.combine(u.enrolled, dt.time()),
                                         wareki(u.enrolled)]))
        ws.append([u.ext, family, given_name, render_kana(draw, u.kana) if u.kana else "", year,
                   "" if b is None else b.month, "" if b is None else b.day, u.phone, u.area,
                   enrolled, "" if u.ended is None else wareki(u.ended, short=True),
                   draw(st.sampled_from(END_WORDS[u.end_reason])) if u.end_reason else ""])
        if draw(st.integers(0, 4)) == 0:
            ws.append([])  # a blank row between residents
    wb.save(path)


def contacts_workbook(draw, path: Path, contacts) -> None:
    """Layout 2: results as ○ × △ 不在, dates in 和暦, 実施者 as 職員 or the
    volunteers' IDs separated by 、."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "見守り記録"
    ws.append(["利用者番号", "実施日", "方法", "結果", "実施者", "備考"])
    for c in contacts:
        ws.append([c.user.ext, wareki(c.day, short=draw(st.booleans())),
                   draw(st.sampled_from(METHOD_WORDS[c.method])),
                   draw(st.sampled_from(RESULT_WORDS[c.result])),
                   "、".join(c.by) if c.by else "職員", c.note])
    wb.save(path)


def volunteers_workbook(draw, path: Path, volunteers) -> None:
    """Layout 3: a title line, then the header; the volunteers over two
    sheets of the same layout (registered before and after April of the
    last year), activity roles in words separated by 、, 区分 as 個人/団体."""
    wb = openpyxl.Workbook()
    sheets = [wb.active, wb.create_sheet("新規登録")]
    sheets[0].title = "登録者"
    for ws in sheets:
        ws.append(["ボランティア登録名簿"])
        ws.append(["登録番号", "氏名・団体名", "ふりがな", "区分", "活動内容", "電話", "地区", "登録日",
                   "退会日", "特技", "保険加入年度"])
    roles = codes.DEFAULT_ROLES
    for v in volunteers:
        ws = sheets[draw(st.integers(0, 1))]
        ws.append([v.ext, v.name, v.kana, codes.VOLUNTEER_KIND[v.kind],
                   "、".join(roles[r] for r in v.roles), "", v.area, v.registered,
                   v.withdrawn or "", v.skills, v.insurance_fy or ""])
    wb.save(path)


def csv_files(s) -> dict[str, bytes]:
    """The same records as the contract's CSV files."""
    iso = lambda d: d.isoformat() if d else ""  # noqa: E731
    return {
        "branches": contract_csv(["code", "name"], [[b.code, b.name] for b in s.branches]),
        "volunteers": contract_csv(
            ["external_id", "branch_code", "name", "kana", "kind", "roles", "area",
             "registered_on", "withdrawn_on", "skills", "insurance_fy"],
            [[v.ext, v.branch, v.name, v.kana, v.kind, ";".join(v.roles), v.area,
              iso(v.registered), iso(v.withdrawn), v.skills, v.insurance_fy or ""]
             for v in s.volunteers]),
        "watch-users": contract_csv(
            ["external_id", "branch_code", "name", "kana", "birth_date", "phone", "area",
             "enrolled_on", "ended_on", "end_reason"],
            [[u.ext, u.branch, u.name, u.kana, iso(u.birth), u.phone, u.area, iso(u.enrolled),
              iso(u.ended), u.end_reason or ""] for u in s.users]),
        "watch-contacts": contract_csv(
            ["watch_user_id", "branch_code", "contacted_on", "method", "by", "result", "note"],
            [[c.user.ext, c.user.branch, iso(c.day), c.method, ";".join(c.by) or "staff",
              c.result, c.note] for c in s.contacts]),
    }


# --- driving the wizard as its screens do -----------------------------------------------------

def wizard_spec(db, kind: str, path: Path, sheets: list[str] | None = None,
                branch: str | None = None) -> lw.WizardSpec:
    """Steps 1-3 with every proposal accepted as it is."""
    info = lw.open_source(path)
    sheets = sheets or info.sheets[:1]
    cells = lw.grid(path, sheets[0])
    row = lw.guess_header_row(cells)
    header = lw.header_of(cells, row)
    mapping = lw.propose_mapping(kind, header, branch)
    spec = lw.WizardSpec(kind, path, sheets, row, mapping, header=header)
    for column in lw.coded_columns(kind):
        if column in mapping:
            found = [v for v, _ in lw.distinct_values(path, sheets, row, mapping, column)]
            spec.values[column] = lw.propose_values(db, kind, column, found)
    return spec


def people(db) -> list[tuple]:
    with db.session() as s:
        rows = s.execute(select(Person.name, Person.kana_key, Person.birth_date,
                                Person.phone)).all()
    # two residents of one name, one without a birth date: None sorts first
    return sorted((tuple(r) for r in rows),
                  key=lambda r: tuple((v is not None, v if v is not None else "") for v in r))


def tally_csv(db, branch: str, tmp: Path) -> bytes:
    out = tmp / f"tally{next(_N)}.csv"
    tallies.export_tallies(db, coordinator_of(db, branch), FY, branch, "csv", out)
    return out.read_bytes()


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_workbooks_in_three_layouts_import_as_the_same_data_in_contract_csv(data, tmp_path):
    draw = data.draw
    s = draw_set(draw, branches=1, at_least_one=True)
    branch = s.branches[0].code
    n = next(_N)
    work = tmp_path / f"ex{n}"
    work.mkdir()
    by_csv = open_test_db(str(work / "csv.db"))
    by_wizard = open_test_db(str(work / "wizard.db"))
    try:
        files = csv_files(s)
        for kind in ("branches", "volunteers", "watch-users", "watch-contacts"):
            import_ledger(by_csv, kind, files[kind])
        import_ledger(by_wizard, "branches", files["branches"])
        who = coordinator_of(by_wizard, branch)

        volunteers_workbook(draw, work / "volunteers.xlsx", s.volunteers)
        users_workbook(draw, work / "users.xlsx", s.users)
        contacts_workbook(draw, work / "contacts.xlsx", s.contacts)
        plans = [("volunteers", work / "volunteers.xlsx", ["登録者", "新規登録"]),
                 ("watch-users", work / "users.xlsx", None)]
        if s.contacts:
            plans.append(("watch-contacts", work / "contacts.xlsx", None))
        for kind, path, sheets in plans:
            spec = wizard_spec(by_wizard, kind, path, sheets, branch)
            # every contract column of the layout was recognised from its header words
            assert not [c for c, _, required in lw.contract_columns(kind)
                        if required and c not in spec.mapping], spec.mapping
            shown = lw.preview(by_wizard, who, spec)
            assert shown.errors == [], shown.errors
            lw.run_import(by_wizard, who, spec)

        assert tally_csv(by_wizard, branch, work) == tally_csv(by_csv, branch, work)
        assert people(by_wizard) == people(by_csv)
    finally:
        by_csv.close()
        by_wizard.close()


# --- step 1 and 2 on their own ------------------------------------------------------------------

def test_merged_headers_and_split_columns_are_proposed_as_one_field(tmp_path):
    path = tmp_path / "a.xlsx"
    users_workbook(None, path, [])  # no residents: nothing is drawn
    cells = lw.grid(path, "見守り台帳")
    assert cells[0][5] == cells[0][0]  # the title fills its merged span
    assert cells[2][1:3] == ["氏名", "氏名"]
    row = lw.guess_header_row(cells)
    assert row == 4  # the second header row, read with the one above it
    header = lw.header_of(cells, row)
    m = lw.propose_mapping("watch-users", header, "01")
    assert m["name"] == lw.Source("join", (1, 2), sep=" ")
    assert m["birth_date"] == lw.Source("date", (4, 5, 6))
    assert m["external_id"] == lw.Source("column", (0,))
    assert m["branch_code"] == lw.Source("constant", value="01")
    assert (m["phone"], m["area"], m["kana"]) == (lw.Source("column", (7,)),
                                                  lw.Source("column", (8,)),
                                                  lw.Source("column", (3,)))


@pytest.mark.parametrize("header, expected", [
    (["お名前", "よみがな", "ＴＥＬ", "地区", "誕生日"],
     {"name": (0,), "kana": (1,), "phone": (2,), "area": (3,), "birth_date": (4,)}),
    (["姓", "名", "セイ", "メイ", "連絡先", "自治会"],
     {"name": (0, 1), "kana": (2, 3), "phone": (4,), "area": (5,)}),
    (["元号", "年", "月", "日", "氏名（漢字）", "ﾌﾘｶﾞﾅ"],
     {"birth_date": (0, 1, 2, 3), "name": (4,), "kana": (5,)}),
])
def test_header_words_of_branches_are_proposed(header, expected):
    m = lw.propose_mapping("watch-users", header)
    assert {c: src.columns for c, src in m.items()} == expected


def test_values_are_proposed_from_words_and_code_labels(sqlite_db):
    proposed = lw.propose_values(sqlite_db, "watch-contacts", "result",
                                 ["○", "×", "不在", "異変あり", "ok", "？"])
    assert proposed == {"○": "ok", "×": "absent", "不在": "absent", "異変あり": "concern",
                        "ok": "ok"}  # ？ is left to the user
    assert lw.propose_values(sqlite_db, "watch-contacts", "method",
                             ["電話", "ＴＥＬ", "訪問", "かわらばん"]) == {
        "電話": "phone", "ＴＥＬ": "phone", "訪問": "visit", "かわらばん": "newsletter"}
    roles = lw.propose_values(sqlite_db, "volunteers", "roles", ["見守り協力員", "サロン", "運転"])
    assert roles == {"見守り協力員": "watch", "サロン": "salon", "運転": "driver"}


def test_csv_and_a_renamed_file_are_read_by_their_content(tmp_path):
    path = tmp_path / "台帳.xlsx"
    path.write_bytes("氏名,ふりがな\r\n見本 太郎,みほん たろう\r\n".encode("cp932"))
    info = lw.open_source(path)
    assert info == lw.SourceInfo("csv", ["台帳"])
    assert lw.grid(path, "台帳") == [["氏名", "ふりがな"], ["見本 太郎", "みほん たろう"]]
    broken = tmp_path / "b.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(LedgerError, match="ブックとして読めません"):
        lw.open_source(broken)


# --- a small workbook for the rules below ----------------------------------------------------------

def base(db) -> None:
    import_ledger(db, "branches", contract_csv(["code", "name"], [["01", "第一支部"],
                                                                  ["02", "第二支部"]]))


def simple_workbook(path: Path, rows: list[list], sheets: dict[str, list[list]] | None = None):
    """Header 番号・氏名・ふりがな・生年月日・電話・登録日 (a title row above)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, body in (sheets or {"名簿": rows}).items():
        ws = wb.create_sheet(name)
        ws.append(["見守り名簿"])
        ws.append(["番号", "氏名", "ふりがな", "生年月日", "電話", "登録日", "支部"])
        for r in body:
            ws.append(r)
    wb.save(path)


def simple_spec(db, path: Path, sheets: list[str] | None = None) -> lw.WizardSpec:
    spec = wizard_spec(db, "watch-users", path, sheets or lw.open_source(path).sheets)
    spec.mapping["branch_code"] = lw.Source("column", (6,))
    return spec


def test_a_bad_cell_is_named_by_sheet_row_and_letter_and_refuses_everything(db, tmp_path):
    base(db)
    path = tmp_path / "w.xlsx"
    simple_workbook(path, [
        ["U1", "見本 太郎", "みほん たろう", "1940-03-02", "", "2025-04-01", "01"],
        ["U2", "試験 花子", "試験", "1941-02-30", "", "2099-04-01", "01"],
        [], ["U1", "架空 次郎", "かくう じろう", "", "", "2025-04-01", "01"],
    ])
    spec = simple_spec(db, path)
    shown = lw.preview(db, None, spec)
    assert shown.total_rows == 3
    assert {(e.sheet, e.row, e.column_letter, e.column) for e in shown.errors} == {
        ("名簿", 4, "C", "kana"), ("名簿", 4, "D", "birth_date"), ("名簿", 4, "F", "enrolled_on"),
        ("名簿", 6, "A", "external_id")}
    dup = next(e for e in shown.errors if e.row == 6)
    assert dup.reason == "「名簿」3行目と重複しています"
    assert shown.bad_rows == {("名簿", 4), ("名簿", 6)}
    assert [r["external_id"] for r in shown.rows] == ["U1"]
    assert shown.rows[0]["birth_date"] == dt.date(1940, 3, 2)  # as stored
    before = snapshot(db)
    with pytest.raises(lw.WizardRefused) as refused:
        lw.run_import(db, None, spec)
    assert {(e.row, e.column) for e in refused.value.cell_errors} >= {(4, "kana"), (6, "external_id")}
    assert snapshot(db) == before
    # The user excludes the bad rows: the rest comes in, the exclusion is audited.
    done = lw.run_import(db, None, spec, excluded_rows={lw.RowRef("名簿", 4), lw.RowRef("名簿", 6)})
    assert (done.created, done.excluded_rows) == (1, [lw.RowRef("名簿", 4), lw.RowRef("名簿", 6)])
    with db.session() as s:
        audit = s.execute(select(AuditLog.action, AuditLog.detail)
                          .where(AuditLog.action == "import_exclude")).all()
    assert audit == [("import_exclude", "excluded=2 sheet1:4,6")]


def test_cancel_changes_nothing(db, tmp_path):
    base(db)
    path = tmp_path / "w.xlsx"
    simple_workbook(path, [[f"U{i}", "見本 太郎", "", "", "", "2025-04-01", "01"]
                           for i in range(1200)])
    spec = simple_spec(db, path)
    before = snapshot(db)
    asked = []
    with pytest.raises(lw.WizardCancelled):
        lw.run_import(db, None, spec, cancel=lambda: asked.append(1) or len(asked) > 1)
    assert snapshot(db) == before
    seen = []
    done = lw.run_import(db, None, spec, progress=lambda n, total: seen.append((n, total)))
    assert done.created == 1200
    assert seen[0] == (1000, 1200) and seen[-1] == (1200, 1200)



def test_cancel_of_a_small_book_before_the_commit_changes_nothing(db, tmp_path):
    """A book smaller than one progress step (most real ledgers): a cancel
    pressed while it is being written is still honoured before the commit."""
    base(db)
    path = tmp_path / "w.xlsx"
    simple_workbook(path, [[f"U{i}", "見本 太郎", "", "", "", "2025-04-01", "01"]
                           for i in range(3)])
    spec = simple_spec(db, path)
    before = snapshot(db)
    with pytest.raises(lw.WizardCancelled):
        lw.run_import(db, None, spec, cancel=lambda: True)
    assert snapshot(db) == before

def test_a_coordinator_imports_only_their_branch(db, tmp_path):
    base(db)
    path = tmp_path / "w.xlsx"
    simple_workbook(path, [["U1", "見本 太郎", "", "", "", "2025-04-01", "01"],
                           ["U2", "試験 花子", "", "", "", "2025-04-01", "02"]])
    spec = simple_spec(db, path)
    who = coordinator_of(db, "01")
    shown = lw.preview(db, who, spec)
    assert [(e.row, e.column) for e in shown.errors] == [(4, "branch_code")]
    # a resident of branch 02 with the same reading: never shown to 01's coordinator
    import_ledger(db, "volunteers", contract_csv(
        ["external_id", "branch_code", "name", "kana", "kind", "roles", "phone", "registered_on"],
        [["V1", "02", "試験 花子", "しけん はなこ", "individual", "watch", "048-1", "2024-04-01"]]))
    simple_workbook(path, [["U1", "見本 太郎", "", "", "", "2025-04-01", "01"],
                           ["U2", "試験 花子", "しけん はなこ", "", "048-1", "2025-04-01", "02"]])
    assert lw.person_matches(db, who, spec) == []
    assert len(lw.person_matches(db, None, spec)) == 1  # an administrator's import is asked
    before = snapshot(db)
    with pytest.raises(lw.WizardRefused):
        lw.run_import(db, who, spec)
    assert snapshot(db) == before


# --- step 5: people -------------------------------------------------------------------------------

readings = st.sampled_from([("見本 太郎", "みほん たろう"), ("仮野 花子", "かりの はなこ"),
                            ("架空 健", "かくう けん")])
births = st.dates(dt.date(1930, 1, 1), dt.date(1960, 12, 31))


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(person=readings, birth=births, other_birth=births, other_kanji=st.sampled_from(
    ["美本 太朗", "見本 多郎", "三本 太郎"]), katakana=st.booleans(), confirm=st.booleans())
def test_same_reading_and_birth_date_is_proposed_as_one_person(
        tmp_path, person, birth, other_birth, other_kanji, katakana, confirm):
    """Rows: the resident, the same reading and birth date in other kanji
    (a typing variant: proposed as one), and the same name with another
    birth date (another person: not proposed)."""
    if other_birth == birth:
        other_birth = birth + dt.timedelta(days=1)
    name, reading = person
    db = open_test_db(str(tmp_path / f"p{next(_N)}.db"))
    try:
        base(db)
        path = tmp_path / f"p{next(_N)}.xlsx"
        variant = kana.fold(reading) if not katakana else "".join(
            chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in reading)
        simple_workbook(path, [], sheets={
            "R6": [["U1", name, reading, birth.isoformat(), "", "2025-04-01", "01"],
                   ["U3", name, reading, other_birth.isoformat(), "", "2025-04-01", "01"]],
            "R7": [["U2", other_kanji, variant, birth.isoformat(), "", "2025-05-01", "01"]]})
        spec = simple_spec(db, path)
        found = lw.person_matches(db, None, spec)
        assert [(p.rows, p.person_id, p.reason) for p in found] == [
            ([lw.RowRef("R6", 3), lw.RowRef("R7", 3)], None, "ふりがなと生年月日が同じ")]
        assert found[0].names == [name, other_kanji]
        done = lw.run_import(db, None, spec, merges=found if confirm else [])
        assert done.merged_people == (1 if confirm else 0)
        with db.session() as s:
            persons = s.execute(select(func.count()).select_from(Person)).scalar()
            of = dict(s.execute(select(WatchUser.external_id, WatchUser.person_id)).all())
        assert persons == (2 if confirm else 3)
        assert (of["U1"] == of["U2"]) == confirm and of["U3"] != of["U1"]
        # Next month the file comes again: the answer stands, nothing is asked.
        assert lw.person_matches(db, None, spec) == []
    finally:
        db.close()


def test_a_row_is_proposed_as_a_person_already_in_the_branch_and_split_when_not_confirmed(db, tmp_path):
    base(db)
    import_ledger(db, "volunteers", contract_csv(
        ["external_id", "branch_code", "name", "kana", "kind", "roles", "phone", "registered_on"],
        [["V1", "01", "見本 太郎", "みほん たろう", "individual", "watch", "048-111-2222",
          "2024-04-01"]]))
    path = tmp_path / "w.xlsx"
    # same name and reading and phone: the importer's own rule would make them one
    simple_workbook(path, [["U1", "見本 太郎", "ミホン タロウ", "", "０４８-111-2222", "2025-04-01", "01"],
                           ["U2", "見本 太郎", "みほん たろう", "", "048-111-2222", "2025-04-01", "01"]])
    spec = simple_spec(db, path)
    with db.session() as s:
        vol_person = s.execute(select(Volunteer.person_id)).scalar()
    found = lw.person_matches(db, None, spec)
    assert [(p.rows, p.person_id, p.reason) for p in found] == [
        ([lw.RowRef("名簿", 3), lw.RowRef("名簿", 4)], vol_person, "ふりがなと電話番号が同じ")]
    done = lw.run_import(db, None, spec, merges=[])  # the user says: three different people
    assert done.merged_people == 0
    with db.session() as s:
        owners = [vol_person, *s.execute(select(WatchUser.person_id)
                                         .order_by(WatchUser.external_id)).scalars()]
        splits = s.execute(select(AuditLog.detail).where(AuditLog.action == "import_split")).all()
    assert len(set(owners)) == 3
    # U1 was a new person already (its phone is written otherwise): only U2 is split off
    assert splits == [("kind=watch-users split=1 sheet1:4",)]


# --- saved mappings and the command line -----------------------------------------------------------

def test_a_saved_mapping_imports_next_months_workbook_from_the_command_line(tmp_path):
    from coordinator_app.cli import main

    db_path = tmp_path / "c.db"
    db = open_test_db(str(db_path))
    base(db)
    path = tmp_path / "apr.xlsx"
    simple_workbook(path, [["U1", "見本 太郎", "みほん たろう", "昭和15年3月2日", "", "R7.4.1", "01"]])
    spec = simple_spec(db, path)
    lw.save_mapping(db, None, "見守り名簿（毎月）", spec)
    assert lw.mapping_names(db, "watch-users") == ["見守り名簿（毎月）"]
    assert lw.mapping_names(db, "volunteers") == []
    db.close()
    # May: one more title row above the header, and one more resident.
    wb = openpyxl.load_workbook(path)
    ws = wb["名簿"]
    ws.insert_rows(1)
    ws["A1"] = "令和7年5月分"
    ws.append(["U2", "試験 花子", "しけん はなこ", "", "", "R7.5.1", "01"])
    may = tmp_path / "may.xlsx"
    wb.save(may)
    assert main(["--db", str(db_path), "import", "watch-users", str(may),
                 "--mapping", "見守り名簿（毎月）"]) == 0
    db = open_test_db(str(db_path))
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(WatchUser)).scalar() == 2
    db.close()
    assert main(["--db", str(db_path), "import", "watch-users", str(may),
                 "--mapping", "ない名前"]) == 1


def test_a_workbook_in_the_contract_layout_imports_without_a_mapping(tmp_path, capsys):
    from coordinator_app.cli import main

    db_path = tmp_path / "c.db"
    db = open_test_db(str(db_path))
    base(db)
    db.close()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["external_id", "branch_code", "氏名", "enrolled_on"])
    ws.append(["U1", "01", "見本 太郎", dt.datetime(2025, 4, 1)])
    wb.create_sheet("bad").append(["external_id", "branch_code", "name", "enrolled_on", "好きな色"])
    path = tmp_path / "contract.xlsx"
    wb.save(path)
    assert main(["--db", str(db_path), "import", "watch-users", str(path)]) == 0
    assert "watch-users: 新規 1 件" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", "watch-users", str(path), "--sheet", "bad"]) == 2
    assert "好きな色: 不明な列です" in capsys.readouterr().err


def test_a_mapping_saved_again_is_replaced_and_loads_as_saved(sqlite_db, tmp_path):
    path = tmp_path / "w.xlsx"
    simple_workbook(path, [])
    spec = simple_spec(sqlite_db, path)
    spec.values["end_reason"] = {"入所": "facility"}
    lw.save_mapping(sqlite_db, None, "a", spec)
    lw.save_mapping(sqlite_db, None, "a", spec)  # saved again: replaced
    loaded = lw.load_mapping(sqlite_db, "a", path)
    assert loaded == spec
    with pytest.raises(lw.MappingNotFound):
        lw.load_mapping(sqlite_db, "b")


# --- the xlsx reader is openpyxl's reading, faster --------------------------------------------------

cell_values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["見本 太郎", "A&B <c> \"q\" 'x'", "  空白  ", "=1+2", "ﾐﾎﾝ", "\u3000全角\u3000"]))


_MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _with_prefix(path: Path) -> None:
    """Rewrite the workbook's sheets and shared strings with the main
    namespace under a prefix (``<x:row><x:c>``), as some programs that
    write xlsx through .NET's Open XML SDK do: the same workbook to Excel."""
    import re
    import zipfile

    source = path.with_suffix(".plain.xlsx")
    path.rename(source)
    with zipfile.ZipFile(source) as zin, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/") or \
                    item.filename == "xl/sharedStrings.xml":
                text = data.decode("utf-8").replace(_MAIN_NS, _MAIN_NS.replace("xmlns", "xmlns:x"))
                text = re.sub(r"<(/?)(?![?!])([A-Za-z]+)(?=[\s>/])", r"<\1x:\2", text)
                data = text.encode("utf-8")
            zout.writestr(item, data)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=st.lists(st.lists(cell_values, max_size=8), max_size=12), inline=st.booleans(),
       prefixed=st.booleans())
@example(rows=[["見本 太郎", 12, dt.date(2020, 1, 2)], [], [None, "A&B"]], inline=False,
         prefixed=True)
@example(rows=[["見本 太郎", 12, dt.date(2020, 1, 2)]], inline=True, prefixed=True)
def test_the_xlsx_reader_reads_what_openpyxl_reads(tmp_path, rows, inline, prefixed):
    """Cell by cell, every value type, shared or inline strings, blank rows,
    the elements with or without a namespace prefix, as openpyxl's read-only
    mode gives them (values of formulas: the ones Excel saved, none here;
    merges aside: see workbook.py)."""
    from coordinator_app.interchange.workbook import Workbook, cell_text

    path = tmp_path / f"r{next(_N)}.xlsx"
    wb = openpyxl.Workbook(write_only=inline)
    ws = wb.create_sheet("s") if inline else wb.active
    if not inline:
        ws.title = "s"
    for r in rows:
        ws.append(r)
    wb.save(path)
    if prefixed:
        _with_prefix(path)
    expected = [[cell_text(v) for v in r] for r in openpyxl.load_workbook(
        path, read_only=True, data_only=True).worksheets[0].iter_rows(values_only=True)]
    with Workbook(path) as book:
        got = [cells for _, cells in book.sheet("s").rows()]
    trim = lambda rs: [list(r) + [""] * (8 - len(r)) for r in rs]  # noqa: E731
    while expected and not any(expected[-1]):
        expected.pop()
    while got and not any(got[-1]):
        got.pop()
    assert trim(got) == trim(expected)


def test_an_old_xls_workbook_is_read_with_its_merged_title_and_dates(sqlite_db):
    """tests/data/old_ledger.xls was written by xlwt 1.3 (Excel 97 format):
    a title merged over the sheet, Excel dates, a stray number below."""
    base(sqlite_db)
    path = Path(__file__).parent / "data" / "old_ledger.xls"
    assert lw.open_source(path) == lw.SourceInfo("xls", ["名簿"])
    spec = wizard_spec(sqlite_db, "watch-users", path)
    assert spec.header_row == 2
    spec.mapping["branch_code"] = lw.Source("column", (5,))
    shown = lw.preview(sqlite_db, None, spec)
    assert shown.rows[0]["birth_date"] == dt.date(1940, 3, 2)
    assert {(e.row, e.column) for e in shown.errors} == {(5, "name"), (5, "enrolled_on"),
                                                          (5, "branch_code")}
    done = lw.run_import(sqlite_db, None, spec, excluded_rows={lw.RowRef("名簿", 5)})
    assert done.created == 2


def test_several_doers_in_one_cell_are_read_as_a_list_without_a_value_map(sqlite_db, tmp_path):
    from coordinator_app.core.models import WatchContactVolunteer

    base(sqlite_db)
    import_ledger(sqlite_db, "volunteers", contract_csv(
        ["external_id", "branch_code", "name", "kind", "roles", "registered_on"],
        [["V1", "01", "見本 太郎", "individual", "watch", "2024-04-01"],
         ["V2", "01", "試験 花子", "individual", "watch", "2024-04-01"]]))
    import_ledger(sqlite_db, "watch-users", contract_csv(
        ["external_id", "branch_code", "name", "enrolled_on"], [["W1", "01", "架空 健", "2024-04-01"]]))
    wb = openpyxl.Workbook()
    wb.active.append(["利用者番号", "実施日", "方法", "結果", "実施者"])
    wb.active.append(["W1", "令和7年5月1日", "訪問", "○", "V1、V2"])
    path = tmp_path / "c.xlsx"
    wb.save(path)
    spec = wizard_spec(sqlite_db, "watch-contacts", path, branch="01")
    assert "by" not in spec.values or spec.values["by"] == {}  # no word to map: only IDs
    assert lw.preview(sqlite_db, None, spec).errors == []
    assert lw.run_import(sqlite_db, None, spec).created == 1
    with sqlite_db.session() as s:
        assert s.execute(select(func.count()).select_from(WatchContactVolunteer)).scalar() == 2
