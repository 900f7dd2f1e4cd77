"""Ledger import (docs/interchange.md, "Ledger import files"): every format rule
and every bad input. Runs on SQLite and, when configured, PostgreSQL.

A refused file names each bad line as ``line N: column: reason`` and
leaves the database exactly as it was (every table compared)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coordinator_app.core.models import (
    Area,
    Branch,
    Consultation,
    ConsultationCategory,
    Person,
    Volunteer,
    VolunteerRole,
    WatchContact,
    WatchContactVolunteer,
    WatchUser,
)
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.interchange.ledger import MAX_ERRORS, LedgerError
from tests.conftest import TODAY
from tests.db_snapshot import counts, snapshot

TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()

BRANCH_HEADER = ["code", "name", "base_name", "address", "phone"]
CONSULTATION_HEADER = ["external_id", "branch_code", "received_on", "kind", "channel",
                       "from_whom", "categories", "response", "referred_to", "person_name",
                       "person_kana", "summary"]
WATCH_USER_HEADER = ["external_id", "branch_code", "name", "kana", "birth_date", "phone",
                     "address", "area", "enrolled_on", "ended_on", "end_reason"]
CONTACT_HEADER = ["watch_user_id", "branch_code", "contacted_on", "method", "by", "result",
                  "note"]
VOLUNTEER_HEADER = ["external_id", "branch_code", "name", "kana", "kind", "roles", "phone",
                    "address", "area", "registered_on", "withdrawn_on", "skills",
                    "insurance_fy"]


def ledger(header: list[str], *rows: list[str], encoding: str = "utf-8",
           bom: bool = False) -> bytes:
    """A ledger file as a spreadsheet saves it (CRLF line ends, quoted
    where needed)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    data = buf.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def imp(db, kind: str, data: bytes):
    return import_ledger(db, kind, data, today=TODAY)


def consultation(ext="C1", branch="01", day="2025-04-01", kind="consultation",
                 channel="phone", whom="self", cats="life", response="listened",
                 referred="", name="", kana="", summary="") -> list[str]:
    return [ext, branch, day, kind, channel, whom, cats, response, referred, name, kana, summary]


def watch_user(ext="W1", branch="01", name="見本 太郎", kana="みほん たろう", birth="",
               phone="", address="", area="", enrolled="2025-04-01", ended="",
               reason="") -> list[str]:
    return [ext, branch, name, kana, birth, phone, address, area, enrolled, ended, reason]


def contact(user="W1", branch="01", day="2025-05-10", method="visit", by="staff",
            result="ok", note="") -> list[str]:
    return [user, branch, day, method, by, result, note]


def volunteer(ext="V1", branch="01", name="試験 花子", kana="しけん はなこ", kind="individual",
              roles="watch", phone="", address="", area="", registered="2025-04-01",
              withdrawn="", skills="", fy="") -> list[str]:
    return [ext, branch, name, kana, kind, roles, phone, address, area, registered, withdrawn,
            skills, fy]


@pytest.fixture
def base(db):
    """Two branches, two watch users (one ended) and two volunteers."""
    imp(db, "branches", ledger(BRANCH_HEADER, ["01", "平方支部", "平方公民館", "上尾市平方1", ""],
                               ["02", "原市支部", "", "", ""]))
    imp(db, "watch-users", ledger(
        WATCH_USER_HEADER, watch_user("W1"),
        watch_user("W2", name="仮野 次郎", kana="かりの じろう", enrolled="2025-04-01",
                   ended="2025-06-30", reason="moved")))
    imp(db, "volunteers", ledger(
        VOLUNTEER_HEADER, volunteer("V1"),
        volunteer("V2", name="架空 健", kana="かくう けん", roles="watch;driver")))
    return db


def refused(db, kind: str, data: bytes) -> LedgerError:
    """Import data, expect a refusal, and prove the database is unchanged."""
    before = snapshot(db)
    with pytest.raises(LedgerError) as info:
        imp(db, kind, data)
    assert snapshot(db) == before
    return info.value


# --- bad input: each refused with the line named, nothing changed -------------------


@pytest.mark.parametrize("kind, data, expected", [
    ("consultations",
     ledger(CONSULTATION_HEADER + ["memo"], consultation() + ["x"]),
     "line 1: memo: 不明な列です"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation("C1"), consultation("C2", day="2024-02-30")),
     "line 3: received_on: 「2024-02-30」は存在しない日付です"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation(day="4月1日")),
     "line 2: received_on: 「4月1日」は日付として読めません"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation(day=TOMORROW)),
     "line 2: received_on: 未来の日付です"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation(branch="99")),
     "line 2: branch_code: 登録されていない支部コードです（99）"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation(channel="fax")),
     "line 2: channel: 不明なコードです（fax）"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation(cats="life;gardening")),
     "line 2: categories: 不明なコードです（gardening）"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation(response="")),
     "line 2: response: 必須項目が空です"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation(cats="")),
     "line 2: categories: 1つ以上指定してください"),
    ("consultations",
     ledger([c for c in CONSULTATION_HEADER if c != "kind"],
            [v for c, v in zip(CONSULTATION_HEADER, consultation()) if c != "kind"]),
     "line 1: kind: 必須の列「kind（区分）」がありません"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation("C1"), consultation("C1")),
     "line 3: external_id: 2行目と重複しています"),
    ("consultations",
     ledger(CONSULTATION_HEADER, consultation(name="見本 太郎", kana="見本 たろう")),
     "line 2: person_kana: ふりがなはかなで入力してください"),
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", name="第3サロン", kind="group", kana="第3さろん")),
     "line 2: kana: ふりがなはかなで入力してください（第3さろん）"),
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", kana="しけん、はなこ")),
     "line 2: kana: ふりがなはかなで入力してください"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", kana="あ" * 101)),
     "line 2: kana: 100文字以内で入力してください"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", name="ﷺ" * 10, kana="㌔" * 60)),
     "line 2: name: 100文字以内で入力してください"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", kana="㌔" * 60)),
     "line 2: kana: 100文字以内で入力してください"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", enrolled="2025-05-01", ended="2025-04-30",
                                          reason="death")),
     "line 2: ended_on: 終了日が登録日より前です"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", ended="2025-04-30")),
     "line 2: end_reason: 終了日があるときは終了理由が必要です"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", reason="death")),
     "line 2: ended_on: 終了理由があるのに終了日が空です"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", name="")),
     "line 2: name: 必須項目が空です"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", ended="2025-06-01", reason="vanished")),
     "line 2: end_reason: 不明なコードです（vanished）"),
    ("watch-contacts",
     ledger(CONTACT_HEADER, contact(day="2025-03-31")),
     "line 2: contacted_on: 登録日（2025-04-01）より前です"),
    ("watch-contacts",
     ledger(CONTACT_HEADER, contact("W2", day="2025-06-30"), contact("W2", day="2025-07-01")),
     "line 3: contacted_on: 終了日（2025-06-30）より後です"),
    ("watch-contacts",
     ledger(CONTACT_HEADER, contact("W404")),
     "line 2: watch_user_id: この支部に登録されていない利用者IDです（W404）"),
    ("watch-contacts",
     ledger(CONTACT_HEADER, contact("W1", branch="02")),
     "line 2: watch_user_id: この支部に登録されていない利用者IDです（W1）"),
    ("watch-contacts",
     ledger(CONTACT_HEADER, contact(by="V1;V404")),
     "line 2: by: この支部に登録されていないボランティアIDです（V404）"),
    ("watch-contacts",
     ledger(CONTACT_HEADER, contact(day=TOMORROW)),
     "line 2: contacted_on: 未来の日付です"),
    ("watch-contacts",
     ledger(CONTACT_HEADER, contact(result="fine")),
     "line 2: result: 不明なコードです（fine）"),
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", registered="2025-05-01", withdrawn="2025-04-01")),
     "line 2: withdrawn_on: 退会日が登録日より前です"),
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", roles="")),
     "line 2: roles: 1つ以上指定してください"),
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", kind="company")),
     "line 2: kind: 不明なコードです（company）"),
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", fy="R7")),
     "line 2: insurance_fy: 年度は西暦4桁で入力してください（R7）"),
    # int() would take these digits, and used to raise a bare ValueError
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", fy="٢٠٢٥")),
     "line 2: insurance_fy: 年度は西暦4桁で入力してください（٢٠٢٥）"),
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", fy="2025²")),
     "line 2: insurance_fy: 年度は西暦4桁で入力してください（2025²）"),
    # future registration and enrolment, refused as on screen
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", registered="2099-04-01")),
     "line 2: registered_on: 未来の日付です（2099-04-01）"),
    ("volunteers",
     ledger(VOLUNTEER_HEADER, volunteer("V9", registered=TOMORROW)),
     "line 2: registered_on: 未来の日付です"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", enrolled="R81.4.1")),
     "line 2: enrolled_on: 未来の日付です（R81.4.1）"),
    ("watch-users",
     ledger(WATCH_USER_HEADER, watch_user("W9", enrolled=TOMORROW)),
     "line 2: enrolled_on: 未来の日付です"),
    ("branches",
     ledger(BRANCH_HEADER, ["03", "", "", "", ""]),
     "line 2: name: 必須項目が空です"),
])
def test_bad_row_is_refused_with_its_line_and_nothing_changes(base, kind, data, expected):
    error = refused(base, kind, data)
    assert any(line.startswith(expected) for line in error.errors), error.errors


@pytest.mark.parametrize("data, expected", [
    (b"", "line 1: -: ファイルが空です"),
    (b"\xef\xbb\xbf\r\n  \r\n", "line 1: -: ファイルが空です"),
    ("\ufeff" + ",".join(CONSULTATION_HEADER) + "\r\n", "line 2: -: データ行がありません"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "line 1: -: CSVファイルではありません"),
    (bytes(range(1, 32)) * 8, "line 1: -: CSVファイルではありません"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "line 1: -: CSVファイルではありません"),
], ids=["empty", "bom-and-blanks", "header-only", "png", "control-bytes", "zip"])
def test_empty_or_binary_file_is_refused(base, data, expected):
    if isinstance(data, str):
        data = data.encode("utf-8")
    error = refused(base, "consultations", data)
    assert error.errors[0].startswith(expected), error.errors


def test_every_bad_line_is_listed_up_to_fifty(base):
    rows = [consultation(f"C{i}", day="2024-02-30" if i % 2 else "2025-04-01")
            for i in range(130)]
    error = refused(base, "consultations", ledger(CONSULTATION_HEADER, *rows))
    assert error.total == 65
    assert len(error.errors) == MAX_ERRORS == 50
    assert error.errors[0].startswith("line 3: received_on:")
    assert error.errors[-1].startswith("line 101: received_on:")
    assert "（ほか 15 件）" in str(error)


def test_one_bad_row_refuses_the_whole_file(base):
    good = [consultation(f"C{i}") for i in range(20)]
    error = refused(base, "consultations",
                    ledger(CONSULTATION_HEADER, *good, consultation("C99", kind="chat")))
    assert error.errors == ["line 22: kind: 不明なコードです（chat）: 使えるのは consultation, contact"]


def test_several_errors_on_one_line_are_all_named(base):
    error = refused(base, "consultations", ledger(
        CONSULTATION_HEADER, consultation(branch="99", day="2024-02-30", channel="fax")))
    columns = [e.split(": ")[1] for e in error.errors]
    assert columns == ["branch_code", "received_on", "channel"]


# --- format rules ------------------------------------------------------------------------


JAPANESE_CONSULTATION_HEADER = ["記録ID", "支部コード", "受付日", "区分", "受付方法", "相談者",
                                "相談内容", "対応", "つなぎ先", "氏名", "ふりがな", "内容"]


@pytest.mark.parametrize("encoding, bom", [("utf-8", False), ("utf-8", True), ("cp932", False)])
def test_encodings_japanese_headers_and_labels(base, encoding, bom):
    data = ledger(
        JAPANESE_CONSULTATION_HEADER,
        ["J1", "01", "令和7年4月1日", "相談", "来所", "家族", "介護;健康・医療", "関係機関へつなぐ",
         "地域包括支援センター", "髙橋 﨑子", "たかはし さきこ", "買い物の手段について"],
        ["J2", "01", "R7.4.2", "連絡・問い合わせ", "電話", "近隣住民", "生活", "傾聴・助言",
         "", "", "", ""],
        encoding=encoding, bom=bom)
    result = imp(base, "consultations", data)
    assert (result.created, result.updated) == (2, 0)
    with base.session() as s:
        c = s.scalar(select(Consultation).where(Consultation.external_id == "J1"))
        assert (c.received_on, c.kind, c.channel, c.from_whom, c.response, c.referred_to) == (
            dt.date(2025, 4, 1), "consultation", "visit", "family", "referred",
            "地域包括支援センター")
        assert c.month == 202504
        person = s.get(Person, c.person_id)
        assert (person.name, person.kana) == ("髙橋 﨑子", "たかはし さきこ")
        cats = s.scalars(select(ConsultationCategory.category_code)
                         .where(ConsultationCategory.consultation_id == c.id)).all()
        assert sorted(cats) == ["care", "health"]
        c2 = s.scalar(select(Consultation).where(Consultation.external_id == "J2"))
        assert (c2.received_on, c2.kind, c2.person_id) == (dt.date(2025, 4, 2), "contact", None)


def test_header_columns_in_any_order_and_mixed_names(base):
    header = ["内容", "response", "相談内容", "from_whom", "受付方法", "kind", "received_on",
              "支部コード", "external_id"]
    row = ["", "urgent", "money", "agency", "outreach", "contact", "2025/4/1", "02", "X1"]
    assert imp(base, "consultations", ledger(header, row)).created == 1
    with base.session() as s:
        c = s.scalar(select(Consultation).where(Consultation.external_id == "X1"))
        assert (c.branch_id, c.response, c.received_on) == (
            s.scalar(select(Branch.id).where(Branch.code == "02")), "urgent",
            dt.date(2025, 4, 1))


@pytest.mark.parametrize("text", ["2025-04-01", "2025/4/1", "R7.4.1", "令和7年4月1日",
                                  "２０２５－０４－０１", "r7.4.1"])
def test_date_forms(base, text):
    imp(base, "consultations", ledger(CONSULTATION_HEADER, consultation("D", day=text)))
    with base.session() as s:
        assert s.scalar(select(Consultation.received_on)) == dt.date(2025, 4, 1)


def test_today_is_not_the_future(base):
    imp(base, "consultations", ledger(CONSULTATION_HEADER,
                                      consultation(day=TODAY.isoformat())))
    assert counts(base)["consultation"] == 1


def test_empty_optional_fields_and_blank_lines(base):
    data = ledger(CONSULTATION_HEADER, consultation("E1"), [""] * 12, consultation("E2"))
    assert imp(base, "consultations", data).created == 2
    with base.session() as s:
        c = s.scalar(select(Consultation).where(Consultation.external_id == "E2"))
        assert (c.referred_to, c.summary, c.person_id) == ("", "", None)


def test_quoted_fields_with_commas_and_newlines(base):
    summary = "買い物、通院について。\n次回は「来週」, 訪問予定"
    imp(base, "consultations", ledger(CONSULTATION_HEADER, consultation("Q0", summary=summary)))
    with base.session() as s:
        assert s.scalar(select(Consultation.summary)) == summary
    # line numbers count physical lines: the bad row starts on line 4
    error = refused(base, "consultations", ledger(
        CONSULTATION_HEADER, consultation("Q1", summary=summary),
        consultation("Q2", day="2025-04-40")))
    assert error.errors[0].startswith("line 4: received_on:")


# --- multi-valued fields and people -------------------------------------------------------


def test_multi_valued_fields(base):
    imp(base, "consultations", ledger(CONSULTATION_HEADER,
                                      consultation("M1", cats=" life ; money;life;住まい ")))
    imp(base, "volunteers", ledger(VOLUNTEER_HEADER,
                                   volunteer("V3", roles="salon;運転;general", skills="料理; 傾聴")))
    imp(base, "watch-contacts", ledger(CONTACT_HEADER, contact(by="V1;V2"),
                                       contact(day="2025-05-11", by="職員")))
    with base.session() as s:
        assert sorted(s.scalars(select(ConsultationCategory.category_code)).all()) == [
            "housing", "life", "money"]
        v3 = s.scalar(select(Volunteer).where(Volunteer.external_id == "V3"))
        assert v3.skills == "料理;傾聴"
        assert sorted(s.scalars(select(VolunteerRole.role_code)
                                .where(VolunteerRole.volunteer_id == v3.id)).all()) == [
            "driver", "general", "salon"]
        by_volunteers = s.scalar(select(WatchContact).where(WatchContact.contacted_on
                                                            == dt.date(2025, 5, 10)))
        assert by_volunteers.by_staff is False
        vols = s.scalars(select(Volunteer.external_id).join(
            WatchContactVolunteer, WatchContactVolunteer.volunteer_id == Volunteer.id)
            .where(WatchContactVolunteer.contact_id == by_volunteers.id)).all()
        assert sorted(vols) == ["V1", "V2"]
        by_staff = s.scalar(select(WatchContact).where(WatchContact.contacted_on
                                                       == dt.date(2025, 5, 11)))
        assert by_staff.by_staff is True


def test_a_resident_is_typed_once(base):
    """The same name and ふりがな in one branch is one person: a watch user
    who consults twice is not three people."""
    imp(base, "consultations", ledger(
        CONSULTATION_HEADER,
        consultation("P1", name="見本 太郎", kana="ミホン タロウ"),
        consultation("P2", name="見本 太郎", kana="みほん たろう"),
        consultation("P3", branch="02", name="見本 太郎", kana="みほん たろう")))
    with base.session() as s:
        w1 = s.scalar(select(WatchUser).where(WatchUser.external_id == "W1"))
        p1, p2, p3 = (s.scalar(select(Consultation.person_id)
                               .where(Consultation.external_id == e)) for e in ("P1", "P2", "P3"))
        assert p1 == p2 == w1.person_id
        assert p3 != p1  # another branch's resident


def test_areas_are_created_once_per_branch(base):
    imp(base, "watch-users", ledger(WATCH_USER_HEADER,
                                    watch_user("A1", name="例田 誠", kana="れいだ まこと",
                                               area="平方第1自治会"),
                                    watch_user("A2", name="模擬 清", kana="もぎ きよし",
                                               area="平方第1自治会")))
    imp(base, "volunteers", ledger(VOLUNTEER_HEADER, volunteer("A3", area="平方第1自治会")))
    with base.session() as s:
        assert s.scalar(select(func.count()).select_from(Area)) == 1


# --- re-import by external_id updates -------------------------------------------------------


def test_reimport_updates_branches(base):
    result = imp(base, "branches", ledger(BRANCH_HEADER, ["01", "平方支部", "新しい拠点", "", "048-000-0001"]))
    assert (result.created, result.updated) == (0, 1)
    with base.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == "01"))
        assert (b.base_name, b.phone) == ("新しい拠点", "048-000-0001")
        assert s.scalar(select(func.count()).select_from(Branch)) == 2


def test_reimport_updates_consultations_and_their_categories(base):
    imp(base, "consultations", ledger(CONSULTATION_HEADER, consultation("C1", cats="life;money"),
                                      consultation("C2")))
    before = counts(base)
    result = imp(base, "consultations", ledger(
        CONSULTATION_HEADER, consultation("C1", day="2025-05-02", cats="care", response="urgent"),
        consultation("C1", branch="02")))
    assert (result.created, result.updated) == (1, 1)  # same ID in another branch is new
    after = counts(base)
    assert after["consultation"] == before["consultation"] + 1
    with base.session() as s:
        b1 = s.scalar(select(Branch.id).where(Branch.code == "01"))
        c1 = s.scalar(select(Consultation).where(Consultation.external_id == "C1",
                                                 Consultation.branch_id == b1))
        assert (c1.received_on, c1.month, c1.response) == (dt.date(2025, 5, 2), 202505, "urgent")
        cats = s.execute(select(ConsultationCategory.category_code, ConsultationCategory.month)
                         .where(ConsultationCategory.consultation_id == c1.id)).all()
        assert cats == [("care", 202505)]


def test_reimport_updates_watch_users_and_their_person(base):
    result = imp(base, "watch-users", ledger(
        WATCH_USER_HEADER, watch_user("W1", phone="048-000-1111", address="上尾市見本町1",
                                      ended="2025-09-30", reason="facility")))
    assert (result.created, result.updated) == (0, 1)
    with base.session() as s:
        w1 = s.scalar(select(WatchUser).where(WatchUser.external_id == "W1"))
        assert (w1.ended_on, w1.ended_month, w1.end_reason) == (
            dt.date(2025, 9, 30), 202509, "facility")
        person = s.get(Person, w1.person_id)
        assert (person.phone, person.address) == ("048-000-1111", "上尾市見本町1")
        assert s.scalar(select(func.count()).select_from(WatchUser)) == 2
        assert s.scalar(select(func.count()).select_from(Person)) == 4


def test_reimport_cannot_leave_contacts_outside_the_enrolment(base):
    imp(base, "watch-contacts", ledger(CONTACT_HEADER, contact("W1", day="2025-05-10"),
                                       contact("W1", day="2025-08-01")))
    error = refused(base, "watch-users", ledger(
        WATCH_USER_HEADER, watch_user("W1", enrolled="2025-06-01", ended="2025-07-31",
                                      reason="moved")))
    assert error.errors == [
        "line 2: enrolled_on: 記録済みの見守り（2025-05-10）より後の登録日にはできません",
        "line 2: ended_on: 記録済みの見守り（2025-08-01）より前の終了日にはできません"]


def test_reimport_updates_volunteers_and_replaces_roles(base):
    result = imp(base, "volunteers", ledger(
        VOLUNTEER_HEADER, volunteer("V2", name="架空 健", kana="かくう けん", roles="salon",
                                    withdrawn="2025-10-31", fy="2025")))
    assert (result.created, result.updated) == (0, 1)
    with base.session() as s:
        v2 = s.scalar(select(Volunteer).where(Volunteer.external_id == "V2"))
        assert (v2.withdrawn_on, v2.withdrawn_month, v2.insurance_fy) == (
            dt.date(2025, 10, 31), 202510, 2025)
        assert s.scalars(select(VolunteerRole.role_code)
                         .where(VolunteerRole.volunteer_id == v2.id)).all() == ["salon"]
        assert s.scalar(select(func.count()).select_from(Volunteer)) == 2


def _contacts(db, user="W1") -> list[tuple]:
    """(day, method, by_staff, volunteers, result, note, imported) of a user's contacts."""
    with db.session() as s:
        vols: dict[int, list[str]] = {}
        for cid, ext in s.execute(select(WatchContactVolunteer.contact_id, Volunteer.external_id)
                                  .join(Volunteer)).all():
            vols.setdefault(cid, []).append(ext)
        rows = s.execute(select(WatchContact).join(WatchUser)
                         .where(WatchUser.external_id == user)).scalars().all()
        return sorted((c.contacted_on.isoformat(), c.method, c.by_staff,
                       tuple(sorted(vols.get(c.id, ()))), c.result, c.note,
                       c.imported_at is not None) for c in rows)


def _records(db) -> dict[str, int]:
    """Rows per table, but the audit trail (every import adds its row)."""
    return {name: n for name, n in counts(db).items() if name != "audit_log"}


def _contact_figures(db, month: str = "2025-05") -> dict[str, int]:
    """The tally file's watch_contacts rows of branch 01 in a month, and
    proof that the running counts agree with the records."""
    from coordinator_app.core import counting
    with db.session() as s:
        assert counting.check_running_counts(s) == []
        rows = counting.compute(s, 2025, ["01"])
    return {f"{r.breakdown}:{r.key}": r.count for r in rows
            if r.month == month and r.measure == "watch_contacts" and r.count}


def test_same_user_day_method_and_doer_twice_is_two_contacts(base):
    """Phoned in the morning (absent) and again in the evening (reached):
    both lines are contacts and both count (they used to be refused as
    duplicates)."""
    twice = ledger(CONTACT_HEADER, contact(method="phone", result="absent", note="午前 不在"),
                   contact(method="phone", result="ok", note="夕方 つながった"),
                   contact(method="phone", result="ok", note="夕方 つながった"))
    result = imp(base, "watch-contacts", twice)
    assert (result.created, result.updated, result.removed) == (3, 0, 0)
    assert [c[1:5] for c in _contacts(base)] == [("phone", True, (), "absent")] + [
        ("phone", True, (), "ok")] * 2
    assert _contact_figures(base) == {"total:": 3, "method:phone": 3, "result:absent": 1,
                                      "result:ok": 2}


def test_reimporting_contacts_doubles_nothing(base):
    """The same file again, or one that repeats some of its days, changes
    no figure."""
    april_may = ledger(CONTACT_HEADER, contact(by="V2;V1"), contact(by="V1;V2"),
                       contact(day="2025-05-11", method="phone"),
                       contact("W2", day="2025-05-12", method="outside", result="concern"))
    imp(base, "watch-contacts", april_may)
    before, figures = _records(base), _contact_figures(base)
    assert figures["total:"] == 4
    result = imp(base, "watch-contacts", april_may)
    assert (result.created, result.updated, result.removed) == (0, 4, 0)
    repeated = ledger(CONTACT_HEADER, contact("W2", day="2025-05-12", method="outside",
                                              result="concern"),
                      contact(day="2025-05-11", method="phone"))
    assert imp(base, "watch-contacts", repeated).created == 0
    assert _records(base) == before and _contact_figures(base) == figures


def test_a_reimported_day_replaces_what_the_import_brought_not_what_was_typed(base):
    """The lines of one user and day replace the contacts earlier imports
    brought for that user and day; a contact entered on screen stays, and
    days the file does not name stay."""
    from coordinator_app.services.watch import record_contact
    from tests.conftest import coordinator_of

    imp(base, "watch-contacts", ledger(
        CONTACT_HEADER, contact(method="phone", result="absent"), contact(method="phone"),
        contact(day="2025-05-11", by="V1")))
    with base.session() as s:
        w1 = s.scalar(select(WatchUser.id).where(WatchUser.external_id == "W1"))
    record_contact(base, coordinator_of(base, "01"), w1, contacted_on=dt.date(2025, 5, 10),
                   method="phone", result="ok", by_staff=True, note="画面で入力", today=TODAY)
    # the corrected ledger holds one visit by V2 on 5/10, no phone calls
    result = imp(base, "watch-contacts", ledger(
        CONTACT_HEADER, contact(method="visit", by="V2", note="訪問")))
    assert (result.created, result.updated, result.removed) == (0, 1, 1)
    assert "削除 1 件" in result.summary()
    assert _contacts(base) == [
        ("2025-05-10", "phone", True, (), "ok", "画面で入力", False),
        ("2025-05-10", "visit", False, ("V2",), "ok", "訪問", True),
        ("2025-05-11", "visit", False, ("V1",), "ok", "", True),
    ]
    assert _contact_figures(base) == {"total:": 3, "method:phone": 1, "method:visit": 2,
                                      "result:ok": 3}
    # two lines for that day again: the visit is kept, the call added
    result = imp(base, "watch-contacts", ledger(
        CONTACT_HEADER, contact(method="phone"), contact(method="visit", by="V2", note="訪問")))
    assert (result.created, result.updated, result.removed) == (1, 1, 0)
    assert _contact_figures(base)["total:"] == 4


def test_migration_0010_marks_the_contacts_an_import_brought(base):
    """Contacts recorded before the column existed: those with a screen's
    audit row ("create watch_contact") were entered on screen, the others
    came from an import. Adding the column keeps the tally triggers."""
    import importlib.util

    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from coordinator_app.services.watch import record_contact
    from coordinator_app.storage.migrate import MIGRATIONS_DIR
    from tests.conftest import coordinator_of

    imp(base, "watch-contacts", ledger(CONTACT_HEADER, contact()))
    with base.session() as s:
        w1 = s.scalar(select(WatchUser.id).where(WatchUser.external_id == "W1"))
    typed = record_contact(base, coordinator_of(base, "01"), w1,
                           contacted_on=dt.date(2025, 5, 10), method="visit", result="ok",
                           by_staff=True, today=TODAY).contact_id
    spec = importlib.util.spec_from_file_location(
        "m0010", MIGRATIONS_DIR / "versions" / "0010_imported_watch_contacts.py")
    m0010 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0010)
    with base.engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            m0010.downgrade()
            m0010.upgrade()
    with base.session() as s:
        marks = {cid == typed: (imported, created) for cid, imported, created in s.execute(
            select(WatchContact.id, WatchContact.imported_at, WatchContact.created_at)).all()}
    assert marks[True][0] is None
    assert marks[False][0] == marks[False][1] is not None
    # the tally triggers on watch_contact survived the new column
    imp(base, "watch-contacts", ledger(CONTACT_HEADER, contact(day="2025-05-20")))
    assert _contact_figures(base)["total:"] == 3


def test_import_is_audited_with_counts_only(base):
    from coordinator_app.core.models import AuditLog

    imp(base, "consultations", ledger(CONSULTATION_HEADER,
                                      consultation(name="見本 太郎", kana="みほん たろう")))
    with base.session() as s:
        row = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert (row.action, row.entity, row.detail) == ("import", "consultations",
                                                    "created=1 updated=0 branch=01")
    assert "見本" not in row.detail


def test_unknown_kind_is_refused(base):
    with pytest.raises(LedgerError) as info:
        imp(base, "residents", ledger(["x"], ["y"]))
    assert "不明な種類です（residents）" in str(info.value)


# --- CSV reading: quotes and column counts -------------------------------------------------


def test_a_quote_left_open_is_refused_with_the_line_where_its_field_starts(base):
    """An unterminated quote used to swallow the next rows (other people's
    records) into one summary and report success."""
    rows = ledger(CONSULTATION_HEADER, consultation("Q1", summary="一行目\n二行目"),
                  consultation("Q2"), consultation("Q3", name="見本 次郎"),
                  consultation("Q4", name="仮野 三郎")).decode()
    broken = rows.replace("consultation,phone,self,life,listened,,,,\r\nQ3",
                          'consultation,phone,self,life,listened,,,,"相談の続き\r\nQ3')
    assert broken != rows
    error = refused(base, "consultations", broken.encode())
    assert error.errors == ['line 4: -: 引用符（"）が閉じられないままファイルが終わっています'
                            '（この行で始まる項目の " を閉じてください）']
    assert counts(base)["consultation"] == 0


def test_a_quote_left_open_in_a_later_line_of_a_row_names_that_line(base):
    data = ("\ufeff" + ",".join(CONSULTATION_HEADER) + "\r\n"
            'Q1,01,2025-04-01,consultation,phone,self,life,listened,"包括へ\r\nつなぐ",,,"概要\r\n'
            "Q2,01,2025-04-02,consultation,phone,self,life,listened,,,,\r\n").encode()
    error = refused(base, "consultations", data)
    assert error.errors[0].startswith("line 3: -: 引用符")


def test_quotes_that_open_no_field_are_text(base):
    """A quote inside an unquoted field, or after a closed one, is just a
    character (as the csv module reads it); only a field that starts with
    a quote is quoted."""
    data = ("\ufeff" + ",".join(CONSULTATION_HEADER) + "\r\n"
            'Q1,01,2025-04-01,consultation,phone,self,life,listened,,,,3"5 インチの箱\r\n'
            'Q2,01,2025-04-02,consultation,phone,self,life,listened,,,,"引用""符"\r\n').encode()
    assert imp(base, "consultations", data).created == 2
    with base.session() as s:
        assert sorted(s.scalars(select(Consultation.summary)).all()) == [
            '3"5 インチの箱', '引用"符']


@pytest.mark.parametrize("cells, expected", [
    (consultation("K1")[:-1], "line 3: -: 列の数が見出しと違います（見出しは 12 列、この行は 11 列）"),
    (consultation("K1")[:-3], "line 3: -: 列の数が見出しと違います（見出しは 12 列、この行は 9 列）"),
    (consultation("K1") + [""], "line 3: -: 列の数が見出しと違います（見出しは 12 列、この行は 13 列）"),
    (consultation("K1") + ["余分"], "line 3: -: 列の数が見出しと違います（見出しは 12 列、この行は 13 列）"),
], ids=["one-fewer", "three-fewer", "one-more-empty", "one-more"])
def test_a_row_with_another_column_count_than_the_header_is_refused(base, cells, expected):
    error = refused(base, "consultations", ledger(CONSULTATION_HEADER, consultation("K0"), cells,
                                                  consultation("K2")))
    assert error.errors == [expected]


# --- readings (ふりがな) with digits and Latin letters -------------------------------------


def test_group_readings_with_digits_and_latin_letters_import(base):
    """A group's reading such as だい3さろん used to refuse the whole
    volunteers file, and every contacts file naming those volunteers."""
    imp(base, "volunteers", ledger(
        VOLUNTEER_HEADER,
        volunteer("G1", name="第3サロンの会", kana="だい3さろん", kind="group", roles="salon"),
        volunteer("G2", name="NPO法人ABC", kana="えぬぴーおーABC", kind="group"),
        volunteer("G3", name="見守り隊２１", kana="ﾐﾏﾓﾘﾀｲ ２１", kind="group"),
        volunteer("G4", name="Ｙ＆Ｙ会", kana="ワイ・アンド・ワイかい", kind="group")))
    result = imp(base, "watch-contacts", ledger(CONTACT_HEADER, contact(by="G1;G2"),
                                                contact(day="2025-05-11", by="G3")))
    assert result.created == 2
    with base.session() as s:
        keys = dict(s.execute(select(Volunteer.external_id, Person.kana_key)
                              .join(Person, Person.id == Volunteer.person_id)
                              .where(Volunteer.external_id.like("G%"))).all())
    assert keys == {"G1": "だい3さろん", "G2": "えぬぴーおーabc", "G3": "みまもりたい21",
                    "G4": "わい・あんど・わいかい"}


# --- every value error names its line and column ----------------------------------------------

_LINE_COLUMN = r"line \d+: [^:\s]+: "


@pytest.mark.parametrize("text, year", [("2025", 2025), ("２０２５", 2025), ("²⁰²⁵", 2025),
                                        (" 2024 ", 2024)])
def test_insurance_year_in_digits_of_any_width(base, text, year):
    imp(base, "volunteers", ledger(VOLUNTEER_HEADER, volunteer("Y1", fy=text)))
    with base.session() as s:
        assert s.scalar(select(Volunteer.insurance_fy)
                        .where(Volunteer.external_id == "Y1")) == year


_FUZZ_KINDS = {"consultations": CONSULTATION_HEADER, "watch-users": WATCH_USER_HEADER,
               "watch-contacts": CONTACT_HEADER, "volunteers": VOLUNTEER_HEADER,
               "branches": BRANCH_HEADER}
_ODD_TEXT = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["²⁰²⁵", "٢٠٢٥", "2025²", "①", "Ⅻ", "R7.2.30", "令和0年1月1日", "H99.99.99",
                     "9999-12-31", "0000-01-01", "𝟚𝟘𝟚𝟝-𝟘𝟜-𝟘𝟙", "staff;staff", ";", "職員;V1",
                     "life;;", "だい3さろん", "\u3000", "=1+1", "-", "元.5.1"]))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_odd_values_in_any_column_give_line_and_column_or_import(base, data):
    """Whatever a cell holds, the import either succeeds or refuses with
    every error as ``line N: column: reason``: no bare exception (an
    insurance_fy of superscript digits used to raise a bare ValueError)."""
    for kind, header in _FUZZ_KINDS.items():
        defaults = {"consultations": consultation("Z1"), "watch-users": watch_user("Z1"),
                    "watch-contacts": contact(), "volunteers": volunteer("Z1"),
                    "branches": ["Z1", "支部Z", "", "", ""]}[kind]
        row = [data.draw(_ODD_TEXT, label=column) if data.draw(st.booleans()) else value
               for column, value in zip(header, defaults)]
        try:
            imp(base, kind, ledger(header, row))
        except LedgerError as exc:
            assert exc.errors and all(re.match(_LINE_COLUMN, e) for e in exc.errors), exc.errors
