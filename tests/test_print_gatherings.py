"""印刷 (issue 16): the 出席簿 and the グループ一覧 hold exactly the branch's
groups and regulars, are marked 取扱注意 with a copy number when they name
people, leave their register row, and refuse another branch's group."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from sqlalchemy import func, select

from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.dates import format_wareki
from coordinator_app.core.kana import fold
from coordinator_app.core.models import (
    ActivityGroup,
    Area,
    AuditLog,
    Branch,
    GroupLeader,
    GroupMember,
    GroupSubsidy,
    Person,
    PrintRecord,
    Volunteer,
)
from coordinator_app.reports import pdf
from coordinator_app.services import printing
from tests.conftest import TODAY

MARK = pdf.PERSONAL_DATA_MARK
NEXT_MEETING = TODAY + dt.timedelta(days=5)  # a sheet is printed before the meeting


def _person(s, branch_id, name, kana, phone=""):
    p = Person(branch_id=branch_id, name=name, kana=kana, kana_key=fold(kana),
               name_key=fold(name), phone=phone)
    s.add(p)
    s.flush()
    return p


def _volunteer(s, branch_id, person, withdrawn=None):
    v = Volunteer(branch_id=branch_id, person_id=person.id, kind="individual",
                  registered_on=dt.date(2023, 4, 1), registered_month=202304,
                  withdrawn_on=withdrawn,
                  withdrawn_month=withdrawn.year * 100 + withdrawn.month if withdrawn else None)
    s.add(v)
    s.flush()
    return v


def _group(s, branch_id, name, kana, kind="salon", started=dt.date(2020, 4, 1), ended=None,
           **kw):
    g = ActivityGroup(branch_id=branch_id, name=name, kana=kana, kana_key=fold(kana), kind=kind,
                      started_on=started, started_month=started.year * 100 + started.month,
                      ended_on=ended,
                      ended_month=ended.year * 100 + ended.month if ended else None, **kw)
    s.add(g)
    s.flush()
    return g


@pytest.fixture
def town(db):
    """Branch 01: three active groups (one without a contact), one ended;
    regulars and leaders. Branch 02: a group that must never show up."""
    with db.session() as s:
        a = Branch(code="01", name="見本東支部")
        b = Branch(code="02", name="見本西支部")
        s.add_all([a, b])
        s.flush()
        east = Area(branch_id=a.id, name="東一自治会")
        s.add(east)
        s.flush()
        sasaki = _volunteer(s, a.id, _person(s, a.id, "佐々木 世話", "ささき せわ", "048-000-5001"))
        ueda = _volunteer(s, a.id, _person(s, a.id, "上田 補佐", "うえだ ほさ", "048-000-5002"))
        gone = _volunteer(s, a.id, _person(s, a.id, "退会 済子", "たいかい すみこ", "048-000-5003"),
                          withdrawn=TODAY - dt.timedelta(days=30))
        tanaka = _person(s, a.id, "田中 常連", "たなか じょうれん")
        abe = _person(s, a.id, "阿部 常連", "あべ じょうれん")
        kondo = _person(s, a.id, "近藤 別会", "こんどう べっかい")
        salon = _group(s, a.id, "ひまわりサロン", "ひまわりさろん", area_id=east.id,
                       venue="東一集会所", pattern="第2・第4火曜 午後")
        club = _group(s, a.id, "あおぞら体操クラブ", "あおぞらたいそうくらぶ", kind="club",
                      venue="東公園", pattern="毎週金曜 朝")
        cafe = _group(s, a.id, "かざぐるま子ども食堂", "かざぐるまこどもしょくどう",
                      kind="children", venue="東公民館", pattern="第3土曜 昼")
        ended = _group(s, a.id, "さくら茶話会", "さくらさわかい",
                       ended=TODAY - dt.timedelta(days=40), end_reason="担い手不足")
        west = _group(s, b.id, "西の集い", "にしのつどい", kind="gathering", venue="西会館")
        s.add_all([
            GroupLeader(group_id=salon.id, volunteer_id=sasaki.id, contact=True),
            GroupLeader(group_id=salon.id, volunteer_id=ueda.id, contact=False),
            GroupLeader(group_id=club.id, volunteer_id=gone.id, contact=True),  # withdrawn
            GroupLeader(group_id=ended.id, volunteer_id=ueda.id, contact=True),
            GroupMember(group_id=salon.id, person_id=tanaka.id),
            GroupMember(group_id=salon.id, person_id=abe.id),
            GroupMember(group_id=salon.id, person_id=sasaki.person_id, volunteer_id=sasaki.id),
            GroupMember(group_id=club.id, person_id=kondo.id),
            GroupSubsidy(group_id=salon.id, fiscal_year=2026),
        ])
        ids = {"salon": salon.id, "club": club.id, "cafe": cafe.id, "ended": ended.id,
               "west": west.id, "east": east.id}
    return db, ids


def coordinator(db, code="01") -> SignedIn:
    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == code))
    return SignedIn(0, f"coord{code}", "テスト", "coordinator", b.id, b.code, b.name)


CITY = SignedIn(9, "city", "市社協", "city_staff", None, None, None)


def pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pages_of(path) -> list[str]:
    return [p for p in pdftotext(path).split("\f") if p.strip()]


def print_(db, user, out, **kw) -> printing.PrintResult:
    kw.setdefault("recipient", "サロン代表")
    return printing.print_list(db, user, printing.PrintRequest(**kw), out, today=TODAY)


def registered(db) -> list[PrintRecord]:
    with db.session() as s:
        return s.scalars(select(PrintRecord).order_by(PrintRecord.id)).all()


# --- グループ一覧 ----------------------------------------------------------------------

def test_group_list_holds_the_branchs_active_groups_with_their_contact(town, tmp_path):
    db, _ = town
    out = tmp_path / "groups.pdf"
    result = print_(db, coordinator(db), out, kind="groups")
    text = pdftotext(out)
    names = ["あおぞら体操クラブ", "かざぐるま子ども食堂", "ひまわりサロン"]  # 50音順
    assert [text.index(n) for n in names] == sorted(text.index(n) for n in names)
    for absent in ("さくら茶話会", "西の集い", "西会館"):  # ended; another branch's
        assert absent not in text
    salon_line = next(line for line in text.splitlines() if "ひまわりサロン" in line)
    for value in ("サロン", "東一自治会", "東一集会所", "第2・第4火曜 午後", "佐々木 世話",
                  "048-000-5001"):
        assert value in salon_line
    assert "上田 補佐" not in text  # a leader, not the contact
    assert "退会 済子" not in text and "048-000-5003" not in text  # withdrawn contact
    assert "子ども食堂" in text and "サークル" in text  # kind labels, not codes
    assert "計 3 グループ" in text
    # marked and registered like every list with names
    assert all(MARK in page and "控番号 1" in page for page in pages_of(out))
    (row,) = registered(db)
    assert (row.list_kind, row.person_count, row.first_copy_no, row.recipient) == \
        ("groups", 1, 1, "サロン代表")
    assert result.copy_numbers == [1] and result.people == 1
    with db.session() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "print_register")).one()
    assert "list=groups" in audit.detail and "佐々木" not in audit.detail


def test_group_list_with_ended_groups_and_chosen_columns(town, tmp_path):
    db, ids = town
    out = tmp_path / "groups.pdf"
    print_(db, coordinator(db), out, kind="groups", include_ended=True,
           columns=("name", "period", "subsidy", "contact"))
    text = pdftotext(out)
    assert "さくら茶話会" in text and "終了したグループを含む" in text
    assert "令和8年度" in text  # the salon's subsidy year
    assert "電話番号" not in text and "048-000-5001" not in text and "東一集会所" not in text
    out2 = tmp_path / "area.pdf"
    print_(db, coordinator(db), out2, kind="groups", area_id=ids["east"])
    text = pdftotext(out2)
    assert "ひまわりサロン" in text and "あおぞら体操クラブ" not in text


# --- 出席簿 ---------------------------------------------------------------------------

def test_attendance_sheet_with_regulars_is_marked_numbered_and_registered(town, tmp_path):
    db, ids = town
    out = tmp_path / "attendance.pdf"
    result = print_(db, coordinator(db), out, kind="attendance", group_id=ids["salon"],
                    held_on=NEXT_MEETING, with_regulars=True, blank_rows=5, copies=2)
    pages = pages_of(out)
    text = "\n".join(pages)
    assert format_wareki(NEXT_MEETING, weekday=True) in text
    assert "ひまわりサロン" in text and "東一集会所" in text
    regulars = ["阿部 常連", "佐々木 世話", "田中 常連"]  # 50音順
    first_copy = pages[0]
    assert [first_copy.index(n) for n in regulars] == sorted(first_copy.index(n) for n in regulars)
    assert "近藤 別会" not in text  # a regular of another group
    assert "参加人数" in text and "うちボランティア" in text
    assert all(MARK in p for p in pages)
    assert "控番号 1" in pages[0] and "控番号 2" in pages[-1]
    (row,) = registered(db)
    assert (row.list_kind, row.person_count, row.copies, row.first_copy_no, row.last_copy_no) == \
        ("attendance", 3, 2, 1, 2)
    assert f"group={ids['salon']}" in row.filters and "regulars=1" in row.filters
    assert result.copy_numbers == [1, 2]


def test_blank_attendance_sheet_names_nobody_and_has_no_copy_number(town, tmp_path):
    db, _ = town
    out = tmp_path / "course.pdf"
    result = print_(db, coordinator(db), out, kind="attendance", title="認知症サポーター養成講座",
                    blank_rows=12, recipient="")
    text = pdftotext(out)
    assert "認知症サポーター養成講座" in text and format_wareki(TODAY, weekday=True) in text
    assert MARK not in text and "控番号" not in text
    for name in ("阿部 常連", "田中 常連", "佐々木 世話"):
        assert name not in text
    row_numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s*□", text, re.MULTILINE)]
    assert row_numbers == list(range(1, 13))
    (row,) = registered(db)
    assert row.list_kind == "attendance" and row.first_copy_no is None
    assert result.copy_numbers == [] and not printing.is_personal(
        printing.PrintRequest(kind="attendance"))


def test_a_groups_sheet_without_regulars_is_titled_with_the_group(town, tmp_path):
    db, ids = town
    out = tmp_path / "a.pdf"
    print_(db, coordinator(db), out, kind="attendance", group_id=ids["cafe"], recipient="")
    text = pdftotext(out)
    assert text.count("かざぐるま子ども食堂") >= 2 and MARK not in text


@pytest.mark.parametrize("request_kw, message", [
    ({"title": ""}, "名称"),
    ({"title": "講座", "with_regulars": True}, "グループを選んで"),
    ({"title": "講座", "blank_rows": 0}, "1行以上"),
    ({"title": "講座", "blank_rows": printing.MAX_BLANK_ROWS + 1}, "行までで"),
])
def test_attendance_sheet_refuses_what_it_cannot_print(town, tmp_path, request_kw, message):
    db, _ = town
    with pytest.raises(printing.PrintError, match=message):
        print_(db, coordinator(db), tmp_path / "x.pdf", kind="attendance", **request_kw)
    assert registered(db) == [] and not (tmp_path / "x.pdf").exists()


# --- scope ------------------------------------------------------------------------------

def test_another_branchs_group_is_refused_and_nothing_is_registered(town, tmp_path):
    db, ids = town
    out = tmp_path / "west.pdf"
    with pytest.raises(ScopeError):
        print_(db, coordinator(db, "01"), out, kind="attendance", group_id=ids["west"],
               with_regulars=True)
    with pytest.raises(ScopeError):
        printing.preview(db, coordinator(db, "01"), printing.PrintRequest(
            kind="attendance", group_id=ids["west"]), today=TODAY)
    # the west coordinator's group list does not hold the east's groups
    print_(db, coordinator(db, "02"), out, kind="groups")
    text = pdftotext(out)
    assert "西の集い" in text and "ひまわりサロン" not in text
    assert [r.list_kind for r in registered(db)] == ["groups"]


def test_an_ended_group_gets_no_sheet_for_a_day_after_its_end(town, tmp_path):
    db, ids = town
    with pytest.raises(printing.PrintError, match="活動していません"):
        print_(db, coordinator(db), tmp_path / "x.pdf", kind="attendance",
               group_id=ids["ended"], held_on=TODAY)
    assert registered(db) == []


@pytest.mark.parametrize("kind", ["groups", "attendance"])
def test_city_staff_cannot_print_the_branch_sheets(town, tmp_path, kind):
    db, _ = town
    with pytest.raises(ScopeError):
        print_(db, CITY, tmp_path / "x.pdf", kind=kind, title="講座")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(PrintRecord)) == 0


def test_dialog_choices_list_only_the_branchs_active_groups(town):
    db, ids = town
    choices = printing.filter_choices(db, coordinator(db))
    assert choices.groups == [(ids["club"], "あおぞら体操クラブ"),
                              (ids["cafe"], "かざぐるま子ども食堂"),
                              (ids["salon"], "ひまわりサロン")]
    assert printing.filter_choices(db, CITY).groups == []


# --- the print dialog -------------------------------------------------------------------

def test_coordinator_prints_a_salons_sheet_from_the_dialog(qtbot, town, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from coordinator_app.ui.printing import dialog as dialog_module
    from coordinator_app.ui.printing.dialog import PrintDialog
    from tests.helpers import make_context, type_japanese

    db, ids = town
    opened = []
    monkeypatch.setattr(dialog_module, "open_in_viewer", lambda path: opened.append(path) or True)
    dlg = PrintDialog(make_context(db, coordinator(db)), "attendance", today=TODAY,
                      folder=tmp_path)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.kind.findData("groups") >= 0
    assert dlg.form.isRowVisible(dlg.group) and not dlg.form.isRowVisible(dlg.include_ended)
    assert not dlg.columns_box.isVisibleTo(dlg) and dlg.notice.text() == ""
    dlg.group.setCurrentIndex(dlg.group.findData(ids["salon"]))
    dlg.held_on.setDate(NEXT_MEETING)
    dlg.with_regulars.setChecked(True)  # names on paper: marked, numbered, for someone
    assert "取扱注意" in dlg.notice.text()
    qtbot.waitUntil(lambda: "出席簿" in dlg.summary.text() and "3名" in dlg.summary.text(),
                    timeout=15000)
    dlg.print_now()
    assert "渡す相手" in dlg.error.text() and registered(db) == []
    type_japanese(dlg.recipient, "ひまわりサロン 代表")
    qtbot.keyClick(dlg, Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: dlg.printed is not None, timeout=15000)
    text = pdftotext(dlg.printed.path)
    assert "田中 常連" in text and "控番号 1" in text and opened == [dlg.printed.path]
    (row,) = registered(db)
    assert row.list_kind == "attendance" and row.recipient == "ひまわりサロン 代表"
    dlg.held_on.edit.setText("R8.13.40")  # a day that does not exist: refused before printing
    dlg.print_now()
    assert "開催日" in dlg.error.text() and len(registered(db)) == 1
