"""The evaluation sheet as a plan committee writes it (issue 17, part):
the plan period carries to every indicator; the years before the
records take typed actuals (marked typed) also for indicators counted
from the records, instead of 0 and a grade C; a note per indicator and
year is printed as a footnote; the sheet prints only the evaluator's
grades, none of the app's wording, and leaves later years blank."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import select

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.models import AuditLog
from coordinator_app.services import indicators as service
from tests.conftest import coordinator_of
from tests.tally_data import generate

TODAY = dt.date(2026, 11, 26)
CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
ADMIN = SignedIn(0, "admin1", "管理者", "admin", None, None, None)
PDF_TOOLS = shutil.which("pdftotext") and shutil.which("pdftoppm")


@pytest.fixture
def generated(db):
    return db, generate(db)  # records from 2023-03 on


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    out = subprocess.run(["pdftotext", *pages, "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.replace(" ", "").replace("\n", "")


def test_the_plan_period_carries_to_every_indicator(db):
    """令和3〜7: the built-ins move with the plan and take targets for 2021."""
    with pytest.raises(core.IndicatorError):
        service.set_target(db, CITY, "consultations_all", 2021, "20000")  # 令和7〜11 still
    with pytest.raises(ScopeError):
        service.save_plan(db, coordinator_of_none(db), "計画", 2021, 2025)
    service.save_plan(db, CITY, "第4期地域福祉活動計画", 2021, 2025)
    infos = service.list_indicators(db, CITY, include_inactive=True)
    assert {(i.first_fy, i.last_fy) for i in infos} == {(2021, 2025)}
    assert service.set_target(db, CITY, "consultations_all", 2021, "20000") == 20000
    assert service.new_info(service.get_plan(db)).first_fy == 2021  # a new one too
    r = service.evaluate_one(db, CITY, "consultations_all", 2021, today=TODAY)
    assert [f.fiscal_year for f in r.series] == [2021, 2022, 2023, 2024, 2025]
    with db.session() as s:
        detail = s.scalars(select(AuditLog.detail).where(AuditLog.entity == "indicator_plan")).all()
    assert any("years=2021-2025" in d and "indicators_moved=11" in d for d in detail)
    with pytest.raises(core.IndicatorError):
        service.save_plan(db, CITY, "計画", 2026, 2021)
    assert service.get_plan(db).first_fy == 2021  # a refused change changes nothing


def coordinator_of_none(db) -> SignedIn:
    from coordinator_app.core.models import Branch

    with db.session() as s:
        s.add(Branch(code="09", name="テスト支部"))
    return coordinator_of(db, "09")


def test_years_before_the_records_take_typed_actuals(generated):
    """Seed 000's 相談件数 before the app: typed, marked, graded on what was
    typed; a year with nothing typed has no actual (not 0 and C)."""
    db, data = generated
    service.save_plan(db, CITY, "計画", 2021, 2025, records_from=2023)
    for fy, target in ((2021, "20000"), (2022, "20000"), (2023, "10")):
        service.set_target(db, CITY, "consultations_all", fy, target)
    with pytest.raises(core.IndicatorError):  # a year the records count
        service.set_typed_actual(db, CITY, "consultations_all", 2023, "21911")
    service.set_typed_actual(db, CITY, "consultations_all", 2021, "２１，９１１件")
    series = {f.fiscal_year: f for f in
              service.evaluate_one(db, CITY, "consultations_all", 2023, today=TODAY).series}
    assert (series[2021].actual, series[2021].typed, series[2021].proposed) == (21911, True, "A")
    assert (series[2022].actual, series[2022].typed, series[2022].proposed) == (None, False, "")
    assert series[2023].actual == data.expected("consultations_all", 2023)
    assert not series[2023].typed
    # without the plan's first year of records, every year is counted (and typing refused)
    service.save_plan(db, CITY, "計画", 2021, 2025, records_from=None)
    series = {f.fiscal_year: f for f in
              service.evaluate_one(db, CITY, "consultations_all", 2023, today=TODAY).series}
    assert series[2021].actual == 0 and not series[2021].typed
    with pytest.raises(core.IndicatorError):
        service.set_typed_actual(db, CITY, "consultations_all", 2021, "1")


def test_a_cumulative_counts_from_the_first_year_of_records(generated):
    db, data = generated
    service.save_plan(db, CITY, "計画", 2021, 2025, records_from=2023)
    info = service.new_info(service.get_plan(db), code="participations_total",
                            name="活動参加者数（累計）", unit="人", kind="cumulative",
                            measure="volunteer_participations", start_total=D(458))
    service.save_indicator(db, ADMIN, info)
    service.set_typed_actual(db, CITY, "participations_total", 2022, "458")
    series = {f.fiscal_year: f.actual for f in service.evaluate_one(
        db, CITY, "participations_total", 2024, today=TODAY).series}
    first = data.expected("volunteer_participations", 2023)
    assert series[2021] is None and series[2022] == 458
    assert series[2023] == 458 + first
    assert series[2024] == 458 + first + data.expected("volunteer_participations", 2024)


def test_a_year_note_is_audited_and_printed_as_a_footnote(generated, tmp_path):
    db, _ = generated
    if not PDF_TOOLS:
        pytest.skip("poppler-utils not installed")
    service.save_plan(db, CITY, "第4期地域福祉活動計画", 2021, 2025, records_from=2023)
    service.set_typed_actual(db, CITY, "consultations_all", 2021, "21911")
    service.set_year_note(db, CITY, "consultations_all", 2021, "H30から相談と連絡・問い合わせを区別")
    service.set_year_note(db, CITY, "consultations_all", 2025, "後の年度の注記")
    with pytest.raises(core.IndicatorError):
        service.set_year_note(db, CITY, "consultations_all", 2021, "長" * 201)
    with db.session() as s:
        assert s.scalars(select(AuditLog.detail).where(
            AuditLog.entity == "indicator_note")).all() == [
            "code=consultations_all fy=2021", "code=consultations_all fy=2025"]
    out = tmp_path / "sheet.pdf"
    service.export_pdf(db, CITY, 2023, out, today=TODAY)
    text = pdf_text(out)
    assert "21,911件※1" in text
    assert "※1令和3年度:H30から相談と連絡・問い合わせを区別" in text
    assert "後の年度の注記" not in text  # a later year's note is not on an earlier sheet


def test_the_sheet_prints_the_decided_grades_only_and_no_app_wording(generated, tmp_path):
    db, data = generated
    if not PDF_TOOLS:
        pytest.skip("poppler-utils not installed")
    service.save_plan(db, CITY, "第4期地域福祉活動計画", 2021, 2025, records_from=2023)
    survey = service.new_info(service.get_plan(db), code="survey", name="地域活動に参加している人の割合",
                              unit="%", kind="stock", goal="1 つながりのあるまち",
                              project="(9) 地域の支え合い")
    service.save_indicator(db, ADMIN, survey)
    service.set_target(db, CITY, "survey", 2023, "30")
    service.set_typed_actual(db, CITY, "survey", 2023, "30")  # proposal A
    service.decide_grade(db, CITY, "survey", 2023, "B", "委員会の判断（メモ）")
    service.set_target(db, CITY, "consultations_all", 2023, "1")  # proposal A, undecided
    service.decide_grade(db, CITY, "consultations_all", 2022, "-")
    service.set_target(db, CITY, "consultations_all", 2024, "1")
    service.decide_grade(db, CITY, "consultations_all", 2024, "A")  # after the sheet's year
    out = tmp_path / "sheet.pdf"
    service.export_pdf(db, CITY, 2023, out, today=TODAY)
    text = pdf_text(out)
    for absent in ("実績は入力します", "自動判定", "委員会の判断", "提案", "（途中）",
                   f"{data.expected('consultations_all', 2024):,}件"):
        assert absent not in text, absent
    assert "B　ある程度進捗している".replace("　", "") in text.replace("　", "")
    assert "評価なし" in text
    sheet = pdf_text(out, 3, 3)  # consultations_all (after the goal-1 survey's page)
    assert "相談件数（相談・連絡・問い合わせ）" in sheet
    assert sheet.count("A") == 1  # the legend's: R5's proposal and R6's decision not printed
    # The summary page: R3 A and R4 評価なし as decided; R5 (undecided, proposal A)
    # and R6 (decided A, after the sheet's year) blank. Page 1 holds one more A:
    # the legend's.
    service.decide_grade(db, CITY, "consultations_all", 2021, "A")
    service.export_pdf(db, CITY, 2023, out, today=TODAY)
    summary = pdf_text(out, 1, 1)
    assert summary.count("A") == 2 and summary.count("－") == 1
    assert summary.count("B") == 2  # survey's B and the legend's


def test_partial_consolidation_is_shown_and_proposes_no_grade(tmp_path):
    """Files from 2 of 3 branches, one of them sent in October (it says
    nothing of the months after): every figure says so, no grade is
    proposed, the sheet prints the warning; the evaluator may still decide."""
    from coordinator_app.core.models import Branch
    from coordinator_app.interchange import tally_file
    from coordinator_app.services import consolidation
    from tests.conftest import open_test_db
    from tests.test_indicators_gatherings import _file_rows

    db = open_test_db(str(tmp_path / "city.db"))
    try:
        with db.session() as s:
            s.add_all([Branch(code=c, name=f"テスト{c}支部") for c in ("01", "02", "03")])
        service.save_plan(db, CITY, "計画", 2024, 2028)
        for branch, received in (("01", dt.datetime(2025, 5, 1)), ("02", dt.datetime(2024, 10, 15))):
            path = tmp_path / f"tally_{branch}.csv"
            tally_file.write_csv(_file_rows(2024, branch, {("events_held", "total", "", 6): 4}),
                                 path)
            assert not consolidation.receive_files(db, CITY, [path], now=received).errors
        service.set_target(db, CITY, "events", 2024, "5")
        r = service.evaluate_one(db, CITY, "events", 2024, "consolidated", today=TODAY)
        assert r.year.actual == 8 and r.year.gap == "3支部中2支部・一部の月が未着"
        assert r.year.proposed == "" and r.year.grade == ""
        one = service.evaluate_one(db, CITY, "events", 2024, "consolidated", "01", today=TODAY)
        assert one.year.gap == "" and one.year.proposed == "B"  # 01 alone is complete: 4/5
        service.decide_grade(db, CITY, "events", 2024, "B")  # the evaluator confirms
        if PDF_TOOLS:
            out = tmp_path / "sheet.pdf"
            service.export_pdf(db, CITY, 2024, out, "consolidated", today=TODAY)
            text = pdf_text(out)
            assert "令和6年度の集計ファイルが揃っていません（3支部中2支部・一部の月が未着）" in text
            assert "令和6年度の実績は集計ファイルが揃っていません" in text
    finally:
        db.close()



def test_an_indicator_limited_to_some_branches(generated):
    """E.g. the 市社協's own counter as one of a chosen set of branches."""
    db, data = generated
    info = service.new_info(service.get_plan(db), code="counter", name="窓口の相談件数",
                            measure="consultations", branches=("03", "01", "01"))
    with pytest.raises(core.IndicatorError):
        service.save_indicator(db, ADMIN, replace(info, branches=("01", "99")))
    with pytest.raises(core.IndicatorError):  # a typed indicator counts no branch
        service.save_indicator(db, ADMIN, replace(info, measure=""))
    service.save_indicator(db, ADMIN, info)
    assert service.get_indicator(db, CITY, "counter").branches == ("01", "03")
    with pytest.raises(core.IndicatorError):  # the contract's defaults count every branch
        service.save_indicator(db, ADMIN, replace(
            service.get_indicator(db, ADMIN, "consultations_all"), branches=("01",)))
    for fy in (2023, 2024):
        got = service.evaluate_one(db, CITY, "counter", fy, today=TODAY).year.actual
        assert got == data.expected("consultations_all", fy, {"01", "03"})
    one = service.evaluate_one(db, CITY, "counter", 2023, branch_code="01", today=TODAY)
    assert one.year.actual == data.expected("consultations_all", 2023, {"01"})
    other = service.evaluate_one(db, coordinator_of(db, "02"), "counter", 2023, today=TODAY)
    assert other.year.actual is None  # not a branch of this indicator
    assert "支部 01・03 のみ" in service.get_indicator(db, CITY, "counter").definition.describe()
    with db.session() as s:
        assert any("branches=01,03" in d for d in s.scalars(
            select(AuditLog.detail).where(AuditLog.entity == "indicator")))


def test_the_summary_lists_goals_in_plan_order_with_the_page_of_each_sheet(db, tmp_path):
    if not PDF_TOOLS:
        pytest.skip("poppler-utils not installed")
    plan = service.get_plan(db)
    for code, goal in (("goal_two", "基本目標２　安心して暮らせるまち"),
                       ("goal_one", "基本目標１　つながりのあるまち"),
                       ("goal_ten", "基本目標10　ともに担うまち")):
        service.save_indicator(db, ADMIN, service.new_info(
            plan, code=code, name=f"指標_{code}", goal=goal, project=f"事業_{code}"))
    for info in service.list_indicators(db, ADMIN):
        if not info.code.startswith("goal_"):
            service.save_indicator(db, ADMIN, replace(info, active=False))
    out = tmp_path / "sheet.pdf"
    service.export_pdf(db, CITY, 2025, out, today=TODAY)
    summary = pdf_text(out, 1, 1)
    positions = [summary.index(f"指標_{c}") for c in ("goal_one", "goal_two", "goal_ten")]
    assert positions == sorted(positions)
    for page, code in ((2, "goal_one"), (3, "goal_two"), (4, "goal_ten")):
        assert f"事業_{code}" in pdf_text(out, page, page)
        assert f"指標_{code}" in summary.split("頁", 1)[1]
    # the 頁 column holds 2, 3, 4 in the rows' order
    rows = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout.splitlines()
    numbers = [ln.split()[-1] for ln in rows if ln.strip() and ln.split()[-1] in ("2", "3", "4")]
    assert numbers == ["2", "3", "4"]


def _type_comment(path: Path, sheet_index: int, text: str, *, code: str | None = None) -> None:
    """What the committee's secretary does in Excel: type into the cell
    right of 「推進委員会の意見」 (and, with ``code``, spoil the code cell)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.worksheets[sheet_index]
    for row in ws.iter_rows(max_col=2):
        if row[0].value == "推進委員会の意見":
            row[1].value = text
            row[1].data_type = "s"  # typed as text (a cell formatted 文字列), not a formula
        if code is not None and row[0].value == "指標コード":
            row[1].value = code
    wb.save(path)


def test_the_committees_comments_go_out_and_come_back_through_excel(db, tmp_path):
    service.save_sheet(db, CITY, "consultations_all", 2025, {"goal": "基本目標１"},
                       service.Narrative(activities="拠点で相談を受けた", committee="前の意見"))
    out = tmp_path / "評価シート_R7.xlsx"
    assert service.export_xlsx(db, CITY, 2025, out, today=TODAY) == 11
    _type_comment(out, 0, "着実に進んでいる。周知を続けること。")
    _type_comment(out, 3, "=見守りの記録を増やすこと")  # looks like a formula: stays text
    assert service.import_committee_comments(db, CITY, out) == (2025, 2)
    n = service.get_narrative(db, CITY, "consultations_all", 2025)
    assert (n.committee, n.activities) == ("着実に進んでいる。周知を続けること。", "拠点で相談を受けた")
    assert service.get_narrative(db, CITY, "watch_users", 2025).committee == \
        "=見守りの記録を増やすこと"
    assert service.import_committee_comments(db, CITY, out) == (2025, 0)  # nothing new
    with db.session() as s:
        assert len(s.scalars(select(AuditLog).where(
            AuditLog.entity == "evaluation_narrative", AuditLog.action == "import")).all()) == 2
    # a spoiled workbook changes nothing and names what is wrong
    _type_comment(out, 0, "別の意見")
    _type_comment(out, 1, "別の意見", code="no_such_indicator")
    with pytest.raises(core.IndicatorError, match="no_such_indicator"):
        service.import_committee_comments(db, CITY, out)
    assert service.get_narrative(db, CITY, "consultations_all", 2025).committee == \
        "着実に進んでいる。周知を続けること。"
    bad = tmp_path / "not.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(core.IndicatorError, match="not.xlsx"):
        service.import_committee_comments(db, CITY, bad)
    with pytest.raises(ScopeError):
        service.import_committee_comments(db, coordinator_of_none(db), out)


def test_coverage_counts_the_months_a_figure_is_made_of():
    months = [202404, 202405, 202406]
    assert core.coverage_gap(["01", "02"], months, {("01", m) for m in months}
                             | {("02", m) for m in months}) == ""
    assert core.coverage_gap(["01", "02", "03"], months, {("01", m) for m in months}
                             | {("02", 202404)}) == "3支部中2支部・一部の月が未着"
    assert core.coverage_gap(["01", "02", "03"], months,
                             {(b, m) for b in ("01", "02") for m in months}) == "3支部中2支部"
    assert core.coverage_gap(["01"], [], set()) == ""  # no month has ended yet


def test_the_header_has_department_section_and_team_and_focus_is_marked(db, tmp_path):
    if not PDF_TOOLS:
        pytest.skip("poppler-utils not installed")
    info = service.get_indicator(db, ADMIN, "watch_contacts")
    service.save_indicator(db, ADMIN, replace(info, focus=True))
    service.save_sheet(db, CITY, "watch_contacts", 2025,
                       {"department": "福祉部", "office": "地域福祉課", "team": "地域福祉係",
                        "project": "(9) 虐待防止の推進"}, service.Narrative())
    with pytest.raises(core.IndicatorError):
        service.save_sheet(db, CITY, "watch_contacts", 2025, {"team": "係" * 101},
                           service.Narrative())
    out = tmp_path / "sheet.pdf"
    service.export_pdf(db, CITY, 2025, out, today=TODAY)
    summary = pdf_text(out, 1, 1)
    assert "※(9)虐待" in summary and "※は重点的評価施策" in summary
    sheet = pdf_text(out, 4, 4)  # watch_contacts is the third indicator
    for needle in ("部局名福祉部", "課名地域福祉課", "係名地域福祉係", "事業名※(9)虐待防止の推進"):
        assert needle in sheet, needle
