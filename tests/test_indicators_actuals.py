"""Indicators over generated data: every default indicator's actual equals
its docs/interchange.md definition (counted independently in Python), stock
figures at 3月31日, a fiscal year with 2月29日; cumulative and typed
actuals; targets, grades and overrides with their permissions and audit;
the ``indicators`` command's CSV; the evaluation PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.models import AuditLog, Indicator
from coordinator_app.services import indicators as service
from coordinator_app.services.accounts import create_account
from tests.conftest import coordinator_of
from tests.tally_data import generate

TODAY = dt.date(2026, 11, 26)
CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
ADMIN = SignedIn(0, "admin1", "管理者", "admin", None, None, None)
DEFAULT_CODES = [c[0] for c in core.DEFAULT_INDICATORS]


@pytest.fixture
def generated(db):
    data = generate(db)
    return db, data


def replan(db, first: int, last: int) -> None:
    """Move every indicator's plan period (administrator)."""
    for info in service.list_indicators(db, ADMIN, include_inactive=True):
        service.save_indicator(db, ADMIN, replace(info, first_fy=first, last_fy=last))


def test_the_defaults_of_the_contract_exist(db):
    infos = {i.code: i for i in service.list_indicators(db, CITY)}
    assert list(infos) == DEFAULT_CODES
    for code, name, unit, kind, measure, breakdown, key in core.DEFAULT_INDICATORS:
        i = infos[code]
        assert (i.name, i.unit, i.kind, i.measure, i.breakdown, i.key) == (
            name, unit, kind, measure, breakdown, key)
        assert i.builtin


@pytest.mark.parametrize("fy", [2022, 2023, 2024])
def test_each_default_actual_equals_its_definition(generated, fy):
    db, data = generated
    results = {r.info.code: r for r in service.evaluate(db, CITY, fy, today=TODAY)}
    for code in DEFAULT_CODES:
        assert results[code].year.actual == data.expected(code, fy), code
    # per branch, as a coordinator sees it
    coord = coordinator_of(db, "02")
    mine = {r.info.code: r for r in service.evaluate(db, coord, fy, today=TODAY)}
    for code in DEFAULT_CODES:
        assert mine[code].year.actual == data.expected(code, fy, {"02"}), code


def test_the_generated_data_has_the_edge_days(generated):
    """The equality above is only a proof if the edges are in the data."""
    _, data = generated
    days = {d for _, d, _, x in data.consultations if not x}
    assert dt.date(2024, 2, 29) in days  # FY2023 has 2月29日
    assert any(e == dt.date(2024, 3, 31) for _, _, e in data.users)  # ended on 3/31: not counted
    assert any(s == dt.date(2024, 3, 31) for _, s, _ in data.users)  # enrolled 3/31: counted
    assert any(s == dt.date(2024, 4, 1) for _, s, _, _ in data.volunteers)  # next year's
    assert any(x for *_, x in data.consultations)  # soft-deleted records exist


def test_stock_is_as_of_march_31(db):
    """Hand-made: one user ends on 3/31 (gone), one on 4/1 (still there),
    one enrols on 3/31 (there), one on 4/1 (not yet)."""
    from coordinator_app.core.models import Branch, Person, WatchUser

    with db.session() as s:
        b = Branch(code="01", name="テスト支部")
        s.add(b)
        s.flush()
        for i, (start, end) in enumerate([(dt.date(2023, 5, 1), dt.date(2024, 3, 31)),
                                          (dt.date(2023, 5, 1), dt.date(2024, 4, 1)),
                                          (dt.date(2024, 3, 31), None),
                                          (dt.date(2024, 4, 1), None)]):
            p = Person(branch_id=b.id, name=f"試験 {i}")
            s.add(p)
            s.flush()
            s.add(WatchUser(branch_id=b.id, person_id=p.id, enrolled_on=start,
                            enrolled_month=start.year * 100 + start.month, ended_on=end,
                            ended_month=end.year * 100 + end.month if end else None,
                            end_reason="moved" if end else None))
    r = service.evaluate_one(db, CITY, "watch_users", 2023, today=TODAY)
    assert r.year.actual == 2


def test_cumulative_runs_from_the_plans_first_year(generated):
    db, data = generated
    info = service.new_info(code="participations_total", name="活動参加者数（累計）", unit="人",
                            kind="cumulative", measure="volunteer_participations",
                            first_fy=2023, last_fy=2027)
    service.save_indicator(db, ADMIN, info)
    series = {f.fiscal_year: f.actual for f in
              service.evaluate_one(db, CITY, "participations_total", 2024, today=TODAY).series}
    first = data.expected("volunteer_participations", 2023)
    second = data.expected("volunteer_participations", 2024)
    assert series[2023] == first
    assert series[2024] == first + second
    assert series[2027] is None  # the future has no actual
    before = service.evaluate_one(db, CITY, "participations_total", 2022, today=TODAY)
    assert before.year.actual is None


def test_typed_actual_only_without_a_measure(db):
    info = service.new_info(code="survey_ratio", name="近所付き合いがない人の割合", unit="%",
                            kind="stock", direction="lower", first_fy=2025, last_fy=2029,
                            baseline=D("10.2"), baseline_fy=2020)
    service.save_indicator(db, ADMIN, info)
    service.set_target(db, CITY, "survey_ratio", 2025, "減少")
    service.set_typed_actual(db, CITY, "survey_ratio", 2025, "9.8%")
    r = service.evaluate_one(db, CITY, "survey_ratio", 2025, today=TODAY)
    assert r.year.actual == D("9.8") and r.year.typed
    assert r.year.grade == "A"  # 9.8 < the baseline 10.2
    with pytest.raises(core.IndicatorError):
        service.set_typed_actual(db, CITY, "consultations_all", 2025, "100")


def test_targets_grades_and_the_previous_year(generated):
    db, data = generated
    replan(db, 2022, 2026)
    actual_23 = data.expected("consultations_all", 2023)
    actual_24 = data.expected("consultations_all", 2024)
    service.set_target(db, CITY, "consultations_all", 2023, str(actual_23))  # exactly 100 %
    service.set_target(db, CITY, "consultations_all", 2024, "増加")
    series = {f.fiscal_year: f for f in
              service.evaluate_one(db, CITY, "consultations_all", 2024, today=TODAY).series}
    assert series[2023].grade == "A"
    expected = "A" if actual_24 > actual_23 else ("B" if actual_24 * 100 >= actual_23 * 60 else "C")
    assert series[2024].grade == expected
    assert series[2022].grade == ""  # no target: no grade
    # a target outside the plan is refused
    with pytest.raises(core.IndicatorError):
        service.set_target(db, CITY, "consultations_all", 2030, "5")


def test_the_grade_is_the_evaluators_and_the_app_only_proposes(generated):
    """Seed 003: 災害VC設置訓練 1/1 is A by the ratio, the committee wrote B."""
    db, _ = generated
    info = service.new_info(service.get_plan(db), code="drill", name="災害VC設置訓練", unit="回")
    service.save_indicator(db, ADMIN, info)
    service.set_target(db, CITY, "drill", 2025, "1")
    service.set_typed_actual(db, CITY, "drill", 2025, "1")
    r = service.evaluate_one(db, CITY, "drill", 2025, today=TODAY)
    assert (r.year.proposed, r.year.decided, r.year.grade) == ("A", "", "A")  # undecided
    with pytest.raises(ScopeError):
        service.decide_grade(db, coordinator_of(db, "01"), "drill", 2025, "B")
    with pytest.raises(core.IndicatorError):
        service.decide_grade(db, CITY, "drill", 2025, "D")
    service.decide_grade(db, CITY, "drill", 2025, "b", "訓練の内容を委員会で確認（秘密の話）")
    r = service.evaluate_one(db, CITY, "drill", 2025, today=TODAY)
    assert (r.year.proposed, r.year.decided, r.year.grade) == ("A", "B", "B")
    assert r.year.memo == "訓練の内容を委員会で確認（秘密の話）"
    # 評価なし, also for a year without a target
    service.decide_grade(db, CITY, "drill", 2026, "-")
    assert service.evaluate_one(db, CITY, "drill", 2026, today=TODAY).year.decided == "-"
    service.decide_grade(db, CITY, "drill", 2025, "")  # back to undecided
    r = service.evaluate_one(db, CITY, "drill", 2025, today=TODAY)
    assert (r.year.decided, r.year.memo, r.year.grade) == ("", "", "A")
    with db.session() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "decide_grade")
                          .order_by(AuditLog.id)).all()
    assert [a.detail.split(" ", 2)[2] for a in audit] == [
        "grade=B before=undecided", "grade=- before=undecided", "grade=undecided before=B"]
    assert all(a.actor == db.actor and "秘密" not in a.detail for a in audit)


def test_definitions_and_thresholds_are_for_administrators(db):
    info = service.new_info(code="salons", name="サロン数", kind="stock",
                            measure="volunteers_active", breakdown="role", key="salon")
    with pytest.raises(ScopeError):
        service.save_indicator(db, CITY, info)
    service.save_indicator(db, ADMIN, info)
    with pytest.raises(core.IndicatorError):
        service.save_indicator(db, ADMIN, info)  # the code is taken
    default = service.get_indicator(db, ADMIN, "watch_users")
    with pytest.raises(core.IndicatorError):
        service.save_indicator(db, ADMIN, replace(default, measure="watch_contacts"))
    service.save_indicator(db, ADMIN, replace(default, name="見守り利用者数", office="地域福祉推進課"))
    assert service.get_indicator(db, CITY, "watch_users").name == "見守り利用者数"
    with pytest.raises(ScopeError):
        service.save_thresholds(db, CITY, D(100), D(50))
    with pytest.raises(core.IndicatorError):
        service.save_thresholds(db, ADMIN, D(50), D(60))
    service.save_thresholds(db, ADMIN, D(100), D(50))
    assert service.thresholds(db) == core.Thresholds(D(100), D(50))


def test_thresholds_change_the_grades(generated):
    db, data = generated
    replan(db, 2023, 2027)
    n = data.expected("consultations_all", 2024)
    service.set_target(db, CITY, "consultations_all", 2024, str(n * 2))  # exactly 50 %
    assert service.evaluate_one(db, CITY, "consultations_all", 2024,
                                today=TODAY).year.grade == "C"
    service.save_thresholds(db, ADMIN, D(100), D(50))
    assert service.evaluate_one(db, CITY, "consultations_all", 2024,
                                today=TODAY).year.grade == "B"


def test_indicators_command_writes_the_contract_csv(generated, tmp_path):
    from coordinator_app import cli

    db, data = generated
    replan(db, 2022, 2026)
    service.set_target(db, CITY, "watch_contacts", 2023, "10")
    service.set_target(db, CITY, "volunteers", 2023, "増加")
    out = tmp_path / "indicators.csv"
    assert cli.main(["--db", db.url, "indicators", "--fiscal-year", "2023", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["fiscal_year", "code", "name", "unit", "kind", "target", "actual", "grade"]
    by_code = {r[1]: r for r in rows[1:]}
    assert list(by_code) == DEFAULT_CODES
    for code, name, unit, kind, *_ in core.DEFAULT_INDICATORS:
        r = by_code[code]
        assert r[0] == "2023" and r[2:5] == [name, unit, kind]
        assert r[6] == str(data.expected(code, 2023, plan_first=2022))
    assert by_code["watch_contacts"][5] == "10"
    assert by_code["watch_contacts"][7] in ("A", "B", "C")
    assert by_code["volunteers"][5] == "増加"
    assert by_code["consultations_all"][5] == "" and by_code["consultations_all"][7] == ""


def test_indicators_command_signs_in_and_scopes_coordinators(generated, tmp_path, monkeypatch):
    from coordinator_app import cli

    db, data = generated
    create_account(db, "coord02", "支部", "coordinator", "password-02", branch_code="02")
    out = tmp_path / "mine.csv"
    assert cli.main(["--db", db.url, "indicators", "--fiscal-year", "2023",
                     "--out", str(out)]) != 0  # accounts exist: --user needed
    monkeypatch.setenv("COORDINATOR_APP_PASSWORD", "password-02")
    assert cli.main(["--db", db.url, "--user", "coord02", "indicators", "--fiscal-year", "2023",
                     "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    for r in rows:
        expected = data.expected(r["code"], 2023, {"02"})
        assert r["actual"] == ("" if expected is None else str(expected))
    assert cli.main(["--db", db.url, "--user", "coord02", "indicators", "--fiscal-year", "2023",
                     "--source", "consolidated", "--out", str(out)]) == 1


PDF_TOOLS = shutil.which("pdftotext") and shutil.which("pdftoppm")


@pytest.mark.skipif(not PDF_TOOLS, reason="poppler-utils not installed")
def test_evaluation_pdf_holds_every_field_and_renders(generated, tmp_path):
    db, data = generated
    replan(db, 2022, 2026)
    service.save_plan(db, CITY, "第9期テスト市地域福祉活動計画", 2022, 2026)
    service.set_target(db, CITY, "consultations_all", 2023, "10")
    service.set_target(db, CITY, "consultations_all", 2024, "増加")
    service.set_target(db, CITY, "volunteers", 2023, "100000")
    service.decide_grade(db, CITY, "volunteers", 2023, "B", "委員会で確認")
    service.decide_grade(db, CITY, "consultations_all", 2024, "A")  # after the sheet's year
    narrative = service.Narrative(
        activities="取組ＡＡＡ：拠点で相談を受けた。", progress="進捗ＢＢＢ：前年より増えた。",
        issues="課題ＣＣＣ：周知が足りない。", next_steps="方針ＤＤＤ：かわらばんで周知する。",
        collaboration="協働ＥＥＥ：困りごとを紹介する。", committee="意見ＦＦＦ：着実に進んでいる。")
    service.save_sheet(db, CITY, "consultations_all", 2023,
                       {"goal": "基本目標ＧＧＧ", "policy": "施策ＨＨＨ", "project": "事業ＩＩＩ",
                        "office": "担当ＪＪＪ課", "overview": "概要ＫＫＫ"}, narrative)
    out = tmp_path / "sheet.pdf"
    text_of = service.run_command(db, None, 2023, "pdf", out)
    assert text_of.endswith("ページ")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = text.replace(" ", "").replace("\n", "")
    for needle in ("第9期テスト市地域福祉活動計画", "進行管理・評価シート", "基本目標ＧＧＧ",
                   "施策ＨＨＨ", "事業ＩＩＩ", "担当ＪＪＪ課", "概要ＫＫＫ",
                   "取組ＡＡＡ：拠点で相談を受けた。", "進捗ＢＢＢ：前年より増えた。",
                   "課題ＣＣＣ：周知が足りない。", "方針ＤＤＤ：かわらばんで周知する。",
                   "協働ＥＥＥ：困りごとを紹介する。", "意見ＦＦＦ：着実に進んでいる。",
                   "取り組み内容", "進捗状況及び自己評価", "課題", "今後の取り組み方針", "協働事項",
                   "推進委員会の意見", "令和4年度", "令和5年度", "令和6年度", "令和7年度", "令和8年度",
                   "目標値", "実績値", "10件", "増加", "着実に進捗している",
                   f"{data.expected('consultations_all', 2023):,}件"):
        assert needle in flat, needle
    for name in (n for _, n, *_ in core.DEFAULT_INDICATORS):
        assert name in flat
    # only decided grades, no memo, no proposal, no app wording; later years blank
    assert "委員会で確認" not in flat and "自動判定" not in flat and "実績は入力します" not in flat
    assert "ある程度進捗している" in flat  # volunteers 2023: B, as decided
    assert f"{data.expected('consultations_all', 2024):,}件" not in flat
    # the summary page: every indicator with its grade per plan year
    summary = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-"],
                             capture_output=True, text=True, check=True).stdout
    for label in ("R4", "R5", "R6", "R7", "R8", "基本目標", "施策の方向性", "事業名", "担当課"):
        assert label in summary
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", "-singlefile", str(out),
                    str(png)], check=True)
    assert png.with_suffix(".png").stat().st_size > 5000
    with db.session() as s:
        assert s.scalar(select(Indicator).where(Indicator.code == "consultations_all")).goal == \
            "基本目標ＧＧＧ"
