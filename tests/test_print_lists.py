"""印刷: the printed lists hold exactly the right people, 50音順, marked on
every page, without the columns switched off, with the font embedded, and
each print leaves its register row and audit row."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from sqlalchemy import select

from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.dates import (
    era_of,
    fiscal_year_label,
    fiscal_year_of,
    format_wareki,
    format_wareki_short,
)
from coordinator_app.core.kana import fold
from coordinator_app.core.models import (
    Area,
    AuditLog,
    Branch,
    Person,
    PrintRecord,
    Volunteer,
    VolunteerRole,
    WatchAssignment,
    WatchContact,
    WatchUser,
)
from coordinator_app.reports import pdf
from coordinator_app.services import printing
from tests.conftest import TODAY

MARK = pdf.PERSONAL_DATA_MARK
# The town's contacts, counted back from TODAY: 渡辺's phone call is her
# last contact, her earlier visit is not printed; 加藤's visit is his last.
LAST_PHONE = TODAY - dt.timedelta(days=6)
EARLIER_VISIT = TODAY - dt.timedelta(days=55)
KATO_VISIT = TODAY - dt.timedelta(days=52)


# --- a small branch whose every person has a purpose -------------------------------

def _person(s, branch, name, kana, area=None, **kw):
    p = Person(branch_id=branch.id, name=name, kana=kana, kana_key=fold(kana),
               name_key=fold(name), area_id=area.id if area else None, **kw)
    s.add(p)
    s.flush()
    return p


def _watch(s, branch, person, enrolled=dt.date(2024, 4, 1), ended=None, **kw):
    u = WatchUser(branch_id=branch.id, person_id=person.id, enrolled_on=enrolled,
                  enrolled_month=enrolled.year * 100 + enrolled.month, ended_on=ended,
                  ended_month=ended.year * 100 + ended.month if ended else None,
                  end_reason="moved" if ended else None, **kw)
    s.add(u)
    s.flush()
    return u


def _volunteer(s, branch, person, roles, withdrawn=None, kind="individual"):
    v = Volunteer(branch_id=branch.id, person_id=person.id, kind=kind,
                  registered_on=dt.date(2023, 4, 1), registered_month=202304,
                  withdrawn_on=withdrawn,
                  withdrawn_month=withdrawn.year * 100 + withdrawn.month if withdrawn else None)
    s.add(v)
    s.flush()
    for r in roles:
        s.add(VolunteerRole(volunteer_id=v.id, role_code=r))
    return v


@pytest.fixture
def town(db):
    """Branch 01 with two areas, watch users (active, ended, not yet
    enrolled, one without ふりがな), volunteers (active, withdrawn), a
    cooperator pair; branch 02 with people who must never show up."""
    with db.session() as s:
        a = Branch(code="01", name="見本東支部", base_name="見本東支部拠点",
                   address="上尾市見本町1-1 見本会館内", phone="048-000-0001")
        b = Branch(code="02", name="見本西支部", base_name="見本西支部拠点",
                   address="上尾市見本町2-2", phone="048-000-0002")
        s.add_all([a, b])
        s.flush()
        east1, east2 = Area(branch_id=a.id, name="東一自治会"), Area(branch_id=a.id, name="東二自治会")
        west = Area(branch_id=b.id, name="西自治会")
        s.add_all([east1, east2, west])
        s.flush()
        watanabe = _person(s, a, "渡辺 トメ", "わたなべ とめ", east1, phone="048-000-1001",
                           address="上尾市見本町3-1", postal_code="362-0001", mail_ok=True)
        abe = _person(s, a, "阿部 ハナ", "アベ ハナ", east2, phone="048-000-1002",
                      mail_ok=True)  # katakana ふりがな; agreed to mail but no address
        kato = _person(s, a, "加藤 清", "かとう きよし", east1, phone="048-000-1003",
                       address="上尾市見本町3-3", birth_date=dt.date(1940, 1, 2),
                       note="鍵は隣家に預けている")
        ito = _person(s, a, "伊藤 正", "いとう ただし", east1, phone="048-000-1004")
        sato = _person(s, a, "佐藤 文", "さとう ふみ", east2, phone="048-000-1005")
        muki = _person(s, a, "無記 一", "", east2, phone="048-000-1006")
        nakamura = _person(s, b, "中村 次郎", "なかむら じろう", west, phone="048-000-2001")
        users = {
            "watanabe": _watch(s, a, watanabe, emergency_contact="長男 048-000-9001"),
            "abe": _watch(s, a, abe),
            "kato": _watch(s, a, kato),
            "ito": _watch(s, a, ito, ended=TODAY - dt.timedelta(days=56)),
            "sato": _watch(s, a, sato, enrolled=TODAY + dt.timedelta(days=14)),
            "muki": _watch(s, a, muki),
            "nakamura": _watch(s, b, nakamura),
        }
        kobayashi = _volunteer(s, a, _person(s, a, "小林 協力", "こばやし きょうりょく", east1,
                                             phone="048-000-3001", address="上尾市見本町4-1",
                                             postal_code="362-0002", mail_ok=True), ["watch"])
        yamamoto = _volunteer(s, a, _person(s, a, "山本 協子", "やまもと きょうこ", east2,
                                            phone="048-000-3002", birth_date=dt.date(1955, 5, 5)),
                              ["watch", "salon"])
        _volunteer(s, a, _person(s, a, "松本 退会", "まつもと たいかい", east1,
                                 phone="048-000-3003"), ["watch"],
                   withdrawn=TODAY - dt.timedelta(days=178))
        kimura = _volunteer(s, a, _person(s, a, "木村 運転", "きむら うんてん", east2,
                                          phone="048-000-3004"), ["driver"])
        _volunteer(s, b, _person(s, b, "林 他支部", "はやし たしぶ", west,
                                 phone="048-000-4001"), ["watch"])
        for u in ("watanabe", "kato"):
            s.add(WatchAssignment(watch_user_id=users[u].id, volunteer_id=kobayashi.id))
            s.add(WatchAssignment(watch_user_id=users[u].id, volunteer_id=yamamoto.id))
        s.add(WatchAssignment(watch_user_id=users["abe"].id, volunteer_id=kimura.id))
        for u, on, method in (("watanabe", LAST_PHONE, "phone"),
                              ("watanabe", EARLIER_VISIT, "visit"),
                              ("kato", KATO_VISIT, "visit")):
            s.add(WatchContact(branch_id=a.id, watch_user_id=users[u].id, contacted_on=on,
                               month=on.year * 100 + on.month, method=method, result="ok"))
        ids = {"a": a.id, "b": b.id, "east1": east1.id, "east2": east2.id,
               "kobayashi": kobayashi.id, "kimura": kimura.id}
    return db, ids


def coordinator(db, branch_code="01") -> SignedIn:
    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == branch_code))
    return SignedIn(0, f"coord{branch_code}", "テスト", "coordinator", b.id, b.code, b.name)


def pdftotext(path, *args) -> str:
    return subprocess.run(["pdftotext", "-layout", *args, str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def pages_of(path) -> list[str]:
    return [p for p in pdftotext(path).split("\f") if p.strip()]


def in_order(text: str, names: list[str]) -> bool:
    positions = [text.index(n) for n in names]
    return positions == sorted(positions)


def print_(db, user, out, **kw) -> printing.PrintResult:
    kw.setdefault("recipient", "東一自治会 会長")
    return printing.print_list(db, user, printing.PrintRequest(**kw), out, today=TODAY)


# --- the lists -----------------------------------------------------------------------

ACTIVE_USERS = ["阿部 ハナ", "加藤 清", "渡辺 トメ", "無記 一"]  # 50音順, no kana last


def test_watch_list_holds_exactly_the_active_users_of_the_branch_in_50on_order(town, tmp_path):
    db, _ = town
    out = tmp_path / "watch.pdf"
    result = print_(db, coordinator(db), out, kind="watch_users")
    text = pdftotext(out)
    for name in ACTIVE_USERS:
        assert text.count(name) == 1
    assert in_order(text, ACTIVE_USERS)
    for absent in ("伊藤 正", "佐藤 文", "中村 次郎"):  # ended, not yet enrolled, other branch
        assert absent not in text
    assert result.people == 4
    assert f"{format_wareki_short(LAST_PHONE)} 電話" in text  # the last contact only
    assert f"{format_wareki_short(KATO_VISIT)} 訪問" in text
    assert format_wareki_short(EARLIER_VISIT) not in text
    # the write-in columns are there, the personal extras are not
    assert "日付" in text and "結果" in text and "□異常なし" in text
    for off in ("生年月日", "S15.1.2", "鍵は隣家", "緊急連絡先", "長男", "住所", "見本町3-1"):
        assert off not in text


def test_columns_switched_off_are_not_printed_and_chosen_ones_are(town, tmp_path):
    db, _ = town
    out = tmp_path / "watch.pdf"
    print_(db, coordinator(db), out, kind="watch_users",
           columns=("name", "kana", "birth_date", "note", "emergency"))
    text = pdftotext(out)
    assert "048-000-1001" not in text and "電話番号" not in text
    assert "最終連絡" not in text and format_wareki_short(LAST_PHONE) not in text
    assert "S15.1.2" in text and "鍵は隣家に預けている" in text and "長男 048-000-9001" in text
    with pytest.raises(ValueError):
        print_(db, coordinator(db), tmp_path / "x.pdf", kind="watch_users", columns=("salary",))
    with pytest.raises(printing.PrintError):
        print_(db, coordinator(db), tmp_path / "x.pdf", kind="watch_users", columns=())


def test_watch_list_by_area_and_by_cooperator(town, tmp_path):
    db, ids = town
    out = tmp_path / "w.pdf"
    print_(db, coordinator(db), out, kind="watch_users", area_id=ids["east1"])
    text = pdftotext(out)
    assert "自治会: 東一自治会" in text
    assert in_order(text, ["加藤 清", "渡辺 トメ"])
    assert "阿部 ハナ" not in text and "無記 一" not in text
    print_(db, coordinator(db), out, kind="watch_users", cooperator_id=ids["kimura"])
    text = pdftotext(out)
    assert "阿部 ハナ" in text and "加藤 清" not in text and "渡辺 トメ" not in text
    with pytest.raises(ScopeError):  # another branch's area
        with db.session() as s:
            west = s.scalar(select(Area.id).where(Area.name == "西自治会"))
        print_(db, coordinator(db), out, kind="watch_users", area_id=west)


def test_volunteer_list_leaves_out_withdrawn_and_filters_by_role(town, tmp_path):
    db, ids = town
    out = tmp_path / "v.pdf"
    result = print_(db, coordinator(db), out, kind="volunteers")
    text = pdftotext(out)
    assert in_order(text, ["木村 運転", "小林 協力", "山本 協子"])
    assert "松本 退会" not in text and "林 他支部" not in text
    assert result.people == 3
    assert "見守り協力員・サロン" in text  # roles in Japanese
    assert "S30.5.5" not in text and "生年月日" not in text  # birth dates off by default
    print_(db, coordinator(db), out, kind="volunteers", role="watch")
    text = pdftotext(out)
    assert "小林 協力" in text and "山本 協子" in text and "木村 運転" not in text
    assert "活動内容: 見守り協力員" in text
    print_(db, coordinator(db), out, kind="volunteers", include_withdrawn=True)
    assert "松本 退会（退会）" in pdftotext(out)
    print_(db, coordinator(db), out, kind="volunteers", area_id=ids["east2"])
    text = pdftotext(out)
    assert "山本 協子" in text and "木村 運転" in text and "小林 協力" not in text


def test_cooperator_table_groups_users_by_pair(town, tmp_path):
    db, _ = town
    out = tmp_path / "a.pdf"
    print_(db, coordinator(db), out, kind="assignments")
    text = pdftotext(out)
    pair = text.index("協力員: 小林 協力・山本 協子")
    single = text.index("協力員: 木村 運転")
    nobody = text.index("担当協力員が決まっていない利用者")
    assert single < pair < nobody  # pairs 50音順 by their first member, unassigned last
    assert pair < text.index("加藤 清") < text.index("渡辺 トメ") < nobody
    assert single < text.index("阿部 ハナ") < pair
    assert nobody < text.index("無記 一")
    assert "伊藤 正" not in text and "中村 次郎" not in text


def test_disaster_sheet_has_boxes_per_area(town, tmp_path):
    db, _ = town
    out = tmp_path / "d.pdf"
    print_(db, coordinator(db), out, kind="disaster")
    text = pdftotext(out)
    assert "安全" in text and "要支援" in text and "不通" in text and "□" in text
    assert text.index("東一自治会") < text.index("加藤 清") < text.index("渡辺 トメ") \
        < text.index("東二自治会") < text.index("阿部 ハナ") < text.index("無記 一")
    assert "上尾市見本町3-3" in text  # the address is on by default here
    assert "伊藤 正" not in text


def test_branches_list_has_every_base_and_no_personal_marking(town, tmp_path):
    db, _ = town
    out = tmp_path / "b.pdf"
    city = SignedIn(9, "city", "市", "city_staff", None, None, None)
    result = print_(db, city, out, kind="branches")
    text = pdftotext(out)
    assert "見本東支部拠点" in text and "上尾市見本町1-1 見本会館内" in text and "048-000-0002" in text
    assert MARK not in text and "控番号" not in text
    assert result.copy_numbers == []
    with db.session() as s:
        row = s.get(PrintRecord, result.register_id)
    assert row.list_kind == "branches" and row.person_count == 0 and row.printed_by == db.actor


def test_demo_branches_list_matches_seed_001(demo_db, tmp_path):
    out = tmp_path / "b.pdf"
    print_(demo_db, coordinator(demo_db), out, kind="branches")
    text = pdftotext(out)
    for name, phone in (("上尾東支部拠点", "048-776-6015"), ("西上尾第二団地支部拠点", "048-726-8016"),
                        ("大谷支部拠点", "048-781-2280")):
        assert name in text and phone in text
    assert "上尾市向山3-2-8 向山サポートセンター内" in text


def test_personal_lists_only_for_the_branch_coordinator(town, tmp_path):
    db, _ = town
    city = SignedIn(9, "city", "市", "city_staff", None, None, None)
    admin = SignedIn(8, "admin", "管理", "admin", None, None, None)
    for who in (city, admin):
        for kind in ("watch_users", "volunteers", "assignments", "disaster", "labels"):
            with pytest.raises(ScopeError):
                print_(db, who, tmp_path / "x.pdf", kind=kind)
    assert not (tmp_path / "x.pdf").exists()
    text_b = pdftotext(print_(db, coordinator(db, "02"), tmp_path / "b.pdf",
                              kind="watch_users").path)
    assert "中村 次郎" in text_b and "渡辺 トメ" not in text_b


# --- marked on every page, font embedded ----------------------------------------------

def test_every_page_of_every_copy_carries_the_marking_and_its_copy_number(demo_db, tmp_path):
    out = tmp_path / "watch.pdf"
    result = print_(demo_db, coordinator(demo_db), out, kind="watch_users", copies=3)
    pages = pages_of(out)
    assert len(pages) == result.pages >= 6
    assert len(result.copy_numbers) == 3
    per_copy = result.pages // 3
    for i, page in enumerate(pages):
        number = result.copy_numbers[i // per_copy]
        assert MARK in page
        assert f"控番号 {number}" in page
        assert re.search(rf"\b{i % per_copy + 1}\s*/\s*{per_copy}\b", page)
        assert "No." in page and "ふりがな" in page  # the header row repeats on every page
        assert format_wareki(TODAY) in page  # print date in 和暦
    again = print_(demo_db, coordinator(demo_db), tmp_path / "again.pdf", kind="watch_users")
    assert again.copy_numbers == [result.copy_numbers[-1] + 1]  # the sequence continues


@pytest.mark.parametrize("kind", ["branches", "volunteers", "watch_users", "assignments",
                                  "disaster", "monthly", "labels"])
def test_only_the_bundled_font_is_used_and_it_is_embedded(demo_db, tmp_path, kind):
    out = tmp_path / f"{kind}.pdf"
    print_(demo_db, coordinator(demo_db), out, kind=kind)
    lines = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert lines, "no font in the PDF"
    for line in lines:
        assert "IPAexGothic" in line
        assert line.split()[-5] == "yes"  # emb


# --- register and audit ----------------------------------------------------------------

def test_a_print_leaves_its_register_row_and_an_audit_row_without_names(town, tmp_path):
    db, _ = town
    db.actor = "coord01"
    result = print_(db, coordinator(db), tmp_path / "w.pdf", kind="watch_users", copies=2,
                    recipient="東一自治会 会長 見本様")
    with db.session() as s:
        row = s.get(PrintRecord, result.register_id)
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "print")).all()
    assert (row.printed_by, row.list_kind, row.person_count, row.copies) == \
        ("coord01", "watch_users", 4, 2)
    assert row.recipient == "東一自治会 会長 見本様"
    assert (row.first_copy_no, row.last_copy_no) == (1, 2)
    assert row.columns.split(";")[:3] == ["no", "name", "kana"]
    assert row.pages == result.pages and row.disposal == "" and row.printed_at is not None
    assert len(audit) == 1 and audit[0].entity_id == row.id
    assert "people=4" in audit[0].detail and "copies=2" in audit[0].detail
    for secret in ("見本", "会長", "渡辺"):
        assert secret not in audit[0].detail


def test_a_failed_print_leaves_no_register_row_and_no_file(town, tmp_path, monkeypatch):
    db, _ = town

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pdf, "build_pdf", broken)
    out = tmp_path / "w.pdf"
    with pytest.raises(RuntimeError):
        print_(db, coordinator(db), out, kind="watch_users")
    with db.session() as s:
        assert s.scalars(select(PrintRecord)).all() == []
        assert s.scalars(select(AuditLog).where(AuditLog.action == "print")).all() == []
    assert not out.exists()


def test_preview_is_not_registered_and_has_no_copy_number(town):
    db, _ = town
    preview = printing.preview(db, coordinator(db), printing.PrintRequest(kind="watch_users"),
                               today=TODAY)
    assert preview.pdf_bytes.startswith(b"%PDF") and preview.people == 4 and preview.personal
    with db.session() as s:
        assert s.scalars(select(PrintRecord)).all() == []


def test_monthly_report_has_figures_and_chart_but_no_names(demo_db, tmp_path):
    out = tmp_path / "m.pdf"
    last_month = TODAY.replace(day=1) - dt.timedelta(days=1)  # the demo has a year of records
    era, _, year = era_of(last_month)
    print_(demo_db, coordinator(demo_db), out, kind="monthly",
           month=last_month.year * 100 + last_month.month)
    text = pdftotext(out)
    assert f"月報 {era}{year}年{last_month.month}月" in text
    assert "相談件数" in text and "相談内容別件数" in text
    assert "見本" not in text and MARK not in text
    fy = fiscal_year_of(TODAY)
    print_(demo_db, coordinator(demo_db), out, kind="monthly", fiscal_year=fy)
    text = pdftotext(out)
    assert fiscal_year_label(fy) in text and "月別件数" in text and "見守り活動件数" in text
    city = SignedIn(9, "city", "市", "city_staff", None, None, None)
    print_(demo_db, city, out, kind="monthly", fiscal_year=fy)
    assert "全支部" in pdftotext(out)
    with pytest.raises(ScopeError):
        print_(demo_db, coordinator(demo_db), out, kind="monthly", branch_code="02")


def test_reports_and_the_print_service_import_no_qt():
    code = ("import sys; import coordinator_app.reports.pdf, coordinator_app.reports.lists, "
            "coordinator_app.reports.labels, coordinator_app.reports.monthly, "
            "coordinator_app.services.printing; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([__import__("sys").executable, "-c", code], check=True,
                         capture_output=True, text=True).stdout.strip()
    assert out == "False"
