"""The plan's 基本目標 → 施策の方向性 → 事業 and the sheet per 事業 (issue 17):
seed 003's 虐待防止対策 (two target rows) and 再犯防止 (no indicator) typed
through the service and read back from the PDF; 再掲 counted once; the
事業's grade proposed, decided and audited; deleting a 事業 with an
evaluation only when confirmed; an existing database's indicators moved
into 事業 with their narratives and grades; the committee's comments per
事業 through Excel."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import ScopeError, SignedIn
from coordinator_app.core.models import AuditLog
from coordinator_app.services import indicators as service
from coordinator_app.services import plan
from coordinator_app.services.indicators import Narrative
from tests.conftest import coordinator_of

TODAY = dt.date(2026, 11, 26)
CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
ADMIN = SignedIn(0, "admin1", "管理者", "admin", None, None, None)
PDF_TOOLS = shutil.which("pdftotext")
PLAN_NAME = "第４期朝霞市地域福祉計画・地域福祉活動計画"
OVERVIEW = ("社協が管理運営する施設に虐待防止のポスター等を掲示し、虐待防止の理解、啓発を図ります。"
            "また、施設利用者の様子を確認し、家族とコミュニケーションをとりながら状況確認を行い、"
            "必要に応じて関係機関に報告し、虐待の早期発見・抑制に努めます。")
# Seed 003, 事業 ②虐待防止対策 (R5 sheet): targets R3–R7, actuals R3–R5, grades R3–R5.
ROWS = [("keihatsu", "啓発", ["21", "21", "21", "21", "21"], ["30", "26", "29"]),
        ("kenshu", "研修", ["7", "9", "9", "9", "9"], ["15", "9", "9"])]
SEED_GRADES = {2021: "A", 2022: "A", 2023: "A"}


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    out = subprocess.run(["pdftotext", *pages, "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.replace(" ", "").replace("　", "").replace("\n", "")


def _only_plan_indicators(db) -> None:
    """A city that evaluates only its plan's 事業 (the built-ins off)."""
    from dataclasses import replace

    for info in service.list_indicators(db, ADMIN):
        service.save_indicator(db, ADMIN, replace(info, active=False))


def type_seed_003(db) -> tuple[int, int]:
    """Seed 003's two 事業 typed through the service; returns their ids."""
    service.save_plan(db, CITY, PLAN_NAME, 2021, 2025)
    goal1 = plan.save_goal(db, CITY, plan.Goal(0, "１", "市民の暮らしを支える仕組みづくり"))
    goal3 = plan.save_goal(db, CITY, plan.Goal(0, "３", "安心で暮らしやすい地域づくり"))
    rights = plan.save_policy(db, CITY, plan.Policy(0, goal1, "（４）", "権利擁護の推進"))
    reoffend = plan.save_policy(db, CITY, plan.Policy(0, goal3, "（１７）",
                                                      "再犯防止の推進（再犯防止推進計画）"))
    abuse = plan.save_project(db, CITY, plan.Project(
        0, rights, "②", "虐待防止対策", overview=OVERVIEW, office="地域福祉推進課"))
    for code, name, targets, actuals in ROWS:
        service.save_indicator(db, ADMIN, service.new_info(service.get_plan(db), code=code,
                                                           name=name, unit="件"))
        for fy, text in zip(range(2021, 2026), targets):
            service.set_target(db, CITY, code, fy, text)
        for fy, text in zip(range(2021, 2024), actuals):
            service.set_typed_actual(db, CITY, code, fy, text)
        plan.attach_indicator(db, CITY, abuse, code)
    for fy, grade in SEED_GRADES.items():
        plan.decide_grade(db, CITY, abuse, fy, grade)
    plan.save_narrative(db, CITY, abuse, 2023, Narrative(
        activities="・虐待防止に係る掲示物を掲示し、市民への啓発を行った。（２１）",
        issues="高齢者・障害者・児童等への虐待防止について、関係機関だけでなく地域全体が興味を持ち、"
               "理解をより深める必要がある。",
        collaboration="虐待が疑われる場面に遭遇したら、関係機関に通報・相談する。"))
    none = plan.save_project(db, CITY, plan.Project(0, reoffend, "①", ""))
    plan.save_narrative(db, CITY, none, 2023, Narrative(progress="関係機関と情報を共有した。"))
    return abuse, none


@pytest.mark.skipif(not PDF_TOOLS, reason="poppler-utils not installed")
def test_seed_003_abuse_prevention_and_reoffending_are_printed_per_project(db, tmp_path):
    _only_plan_indicators(db)
    abuse, _ = type_seed_003(db)
    result = plan.evaluate_project(db, CITY, abuse, 2023, today=TODAY)
    assert [f.proposed for f in result.series if f.fiscal_year <= 2023] == ["A", "A", "A"]
    out = tmp_path / "sheet.pdf"
    assert service.export_pdf(db, CITY, 2023, out, today=TODAY) == 3
    summary, sheet, other = (pdf_text(out, n, n) for n in (1, 2, 3))
    # the summary: plan order, the goal on its group's first row, grades as decided, 頁
    assert summary.index("１市民の暮") < summary.index("②虐待防止対策AAA2") < \
        summary.index("３安心で暮") < summary.index("①3")
    assert "事業2件指標2件" in summary
    # the 事業's sheet: two target rows, the years after R5 blank, the grade as decided
    figures = sheet.split("令和7年度", 1)[1]
    assert figures.index("目標値21件21件21件21件21件啓発（件）実績値30件26件29件") < \
        figures.index("目標値7件9件9件9件9件研修（件）実績値15件9件9件") < figures.index("評価AAA")
    for needle in ("事業名②虐待防止対策", "啓発（件）指標名研修（件）",
                   "令和5年度の評価A着実に進捗している", "虐待が疑われる場面に遭遇したら"):
        assert needle in sheet, needle
    assert "提案" not in sheet and "（途中）" not in sheet
    # the 事業 without an indicator: its narratives and (undecided) grade, no target row
    assert "（１７）再犯防止の推進（再犯防止推進計画）" in other and "事業名①" in other
    assert "目標値" not in other and "実績値" not in other
    assert "関係機関と情報を共有した。" in other
    assert not any(g in other.split("評価", 1)[1].split("A着実")[0] for g in "ABC")


def test_a_restated_indicator_is_shown_again_but_counted_once(db, tmp_path):
    _only_plan_indicators(db)
    abuse, none = type_seed_003(db)
    with pytest.raises(core.IndicatorError, match="再掲"):  # its home is (②)
        plan.attach_indicator(db, CITY, none, "keihatsu")
    with pytest.raises(core.IndicatorError, match="既に"):
        plan.attach_indicator(db, CITY, abuse, "kenshu", restated=True)
    service.save_indicator(db, ADMIN, service.new_info(service.get_plan(db), code="loose",
                                                       name="単独の指標"))
    with pytest.raises(core.IndicatorError, match="まだどの事業にも"):
        plan.attach_indicator(db, CITY, none, "loose", restated=True)
    plan.attach_indicator(db, CITY, none, "keihatsu", restated=True)
    with pytest.raises(core.IndicatorError, match="再掲されています"):
        plan.detach_indicator(db, CITY, abuse, "keihatsu")
    with pytest.raises(core.IndicatorError, match="再掲されています"):  # its home stays
        plan.delete_project(db, CITY, abuse, confirmed=True)
    links = {p.id: p.links for p in plan.tree(db, CITY).projects}
    assert links[none] == (plan.Link("keihatsu", "啓発", True),)
    data = service.sheet_data(db, CITY, 2023, today=TODAY)
    assert len(data.results) == 3  # 啓発, 研修, the loose one: 啓発 once
    assert [e.key for e in data.entries] == [f"P{abuse}", f"P{none}", "Iloose"]
    with pytest.raises(ScopeError):
        plan.attach_indicator(db, coordinator_of_new(db), abuse, "loose")
    if PDF_TOOLS:
        out = tmp_path / "sheet.pdf"
        service.export_pdf(db, CITY, 2023, out, today=TODAY)
        assert "事業2件指標3件（再掲1件を除く）" in pdf_text(out, 1, 1)
        other = pdf_text(out, 3, 3)
        assert "目標値21件21件21件21件21件啓発（件）（再掲）実績値30件" in other
    # the restated row's proposal counts on its second 事業 too
    assert [f.proposed for f in plan.evaluate_project(db, CITY, none, 2023, today=TODAY).series
            if f.fiscal_year <= 2023] == ["A", "A", "A"]
    plan.detach_indicator(db, CITY, none, "keihatsu")
    plan.detach_indicator(db, CITY, abuse, "keihatsu")  # no 再掲 left: allowed
    assert [link.code for link in plan.tree(db, CITY).projects[0].links] == ["kenshu"]


def coordinator_of_new(db) -> SignedIn:
    from coordinator_app.core.models import Branch

    with db.session() as s:
        s.add(Branch(code="09", name="テスト支部"))
    return coordinator_of(db, "09")


GRADE_INPUTS = st.lists(st.tuples(st.integers(1, 40), st.one_of(st.none(), st.integers(0, 60))),
                        min_size=0, max_size=3)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=GRADE_INPUTS, grade=st.sampled_from(["A", "b", "C", "-", ""]))
def test_the_project_grade_is_proposed_from_its_indicators_and_decided(db, rows, grade):
    """Proposal: the worst of the indicators' proposals, none without an
    indicator or when one has none; the decision is audited and wins."""
    service.save_plan(db, CITY, "計画", 2021, 2025)
    with db.session() as s:  # hypothesis reuses the database: a fresh 事業 each time
        n = len(s.scalars(select(AuditLog.id)).all())
    goal = plan.save_goal(db, CITY, plan.Goal(0, "", f"目標{n}"))
    policy = plan.save_policy(db, CITY, plan.Policy(0, goal, "", "施策"))
    project = plan.save_project(db, CITY, plan.Project(0, policy, "", f"事業{n}"))
    proposals = []
    for k, (target, actual) in enumerate(rows):
        code = f"g{n}_{k}"
        service.save_indicator(db, ADMIN, service.new_info(service.get_plan(db), code=code,
                                                           name=code))
        service.set_target(db, CITY, code, 2023, str(target))
        if actual is not None:
            service.set_typed_actual(db, CITY, code, 2023, str(actual))
        proposals.append(service.evaluate_one(db, CITY, code, 2023, today=TODAY).year.proposed)
        plan.attach_indicator(db, CITY, project, code)
    expected = "" if not proposals or "" in proposals else max(proposals, key="ABC".index)
    assert plan.evaluate_project(db, CITY, project, 2023, today=TODAY).year(2023).proposed == \
        expected
    plan.decide_grade(db, CITY, project, 2023, grade, "委員会で確認")
    got = plan.evaluate_project(db, CITY, project, 2023, today=TODAY).year(2023)
    assert (got.decided, got.proposed) == (grade.upper(), expected)
    with db.session() as s:
        details = s.scalars(select(AuditLog.detail).where(
            AuditLog.entity == "plan_project", AuditLog.action == "decide_grade",
            AuditLog.entity_id == project)).all()
    assert details == ([f"fy=2023 grade={grade.upper()} before=undecided"] if grade else [])
    with pytest.raises(core.IndicatorError):
        plan.decide_grade(db, CITY, project, 2023, "D")
    with pytest.raises(core.IndicatorError):  # outside the plan's years
        plan.decide_grade(db, CITY, project, 2030, "A")
    assert plan.evaluate_project(db, CITY, project, 2023, today=TODAY).year(2023).decided == \
        grade.upper()


def test_deleting_a_project_with_an_evaluation_needs_confirmation(db):
    _only_plan_indicators(db)
    abuse, none = type_seed_003(db)
    with pytest.raises(plan.NeedsConfirmation, match="R3・R4・R5"):
        plan.delete_project(db, CITY, abuse)
    assert len(plan.tree(db, CITY).projects) == 2  # nothing deleted
    with pytest.raises(core.IndicatorError, match="事業がある"):
        plan.delete_policy(db, CITY, plan.tree(db, CITY).projects[0].policy_id)
    plan.delete_project(db, CITY, abuse, confirmed=True)
    t = plan.tree(db, CITY)
    assert [p.id for p in t.projects] == [none]
    assert service.get_indicator(db, CITY, "keihatsu").name == "啓発"  # the indicator stays
    with db.session() as s:
        assert s.scalars(select(AuditLog.detail).where(
            AuditLog.entity == "plan_project", AuditLog.action == "delete")).all() == [
            "years_removed=2021,2022,2023"]
    empty = plan.save_project(db, CITY, plan.Project(0, t.policies[0].id, "③", "新しい事業"))
    plan.delete_project(db, CITY, empty)  # nothing to lose: no question
    with pytest.raises(core.IndicatorError, match="名前"):
        plan.save_project(db, CITY, plan.Project(0, t.policies[0].id, "", " "))


def test_an_existing_database_gets_one_project_per_indicator_with_its_evaluation(db_url,
                                                                              tmp_path):
    """A database of revision 0016: indicators with headings, narratives and
    decided grades become 事業 with the same; others stay outside."""
    from sqlalchemy import text

    from coordinator_app.storage import migrate
    from coordinator_app.storage.database import Database
    from coordinator_app.storage.engine import make_engine

    engine = make_engine(db_url)
    now = dt.datetime(2026, 1, 1)
    try:
        migrate.upgrade(engine, "0016")
        with engine.begin() as conn:
            for n, (code, goal, policy, project) in enumerate((
                    ("abuse", "１　市民の暮らし", "（４）権利擁護", "②虐待防止対策"),
                    ("advice", "１　市民の暮らし", "（４）権利擁護", ""),
                    ("plain", "", "", ""))):
                conn.execute(text(
                    "INSERT INTO indicator (code, name, unit, office, kind, measure, breakdown, "
                    "breakdown_key, direction, first_fy, last_fy, goal, policy, project, overview, "
                    "sort_order, active, builtin, branches, department, team, focus, created_at, "
                    "updated_at, created_by, updated_by) VALUES (:code, :name, '件', '地域福祉推進課', "
                    "'flow', '', 'total', '', 'higher', 2021, 2025, :goal, :policy, :project, "
                    "'概要', :order, :t, :f, '', '福祉部', '', :focus, :now, :now, 'x', 'x')"),
                    dict(code=code, name=f"指標_{code}", goal=goal, policy=policy, project=project,
                         order=900 + n, t=True, f=False, focus=code == "abuse", now=now))
            ids = dict(conn.execute(text("SELECT code, id FROM indicator WHERE code IN "
                                         "('abuse', 'advice', 'plain')")).all())
            conn.execute(text(
                "INSERT INTO evaluation_narrative (indicator_id, fiscal_year, activities, progress, "
                "issues, next_steps, collaboration, committee, created_at, updated_at, created_by, "
                "updated_by) VALUES (:i, 2023, '掲示した', '進んだ', '課題', '方針', '協働', '意見', "
                ":now, :now, 'x', 'x')"), dict(i=ids["abuse"], now=now))
            conn.execute(text(
                "INSERT INTO indicator_year (indicator_id, fiscal_year, target_word, actual_word, "
                "grade_override, override_reason, note, created_at, updated_at, created_by, "
                "updated_by) VALUES (:i, 2022, '', '', 'B', 'メモ', '', :now, :now, 'x', 'x')"),
                dict(i=ids["advice"], now=now))
    finally:
        engine.dispose()
    db = Database.open(db_url, backup_dir=tmp_path / "backups")
    try:
        assert db.prepared == "upgraded"
        t = plan.tree(db, CITY)
        assert [g.name for g in t.goals] == ["１　市民の暮らし"]
        assert [p.name for p in t.policies] == ["（４）権利擁護"]
        assert [(p.name, p.focus, p.office, p.department, p.overview) for p in t.projects] == [
            ("②虐待防止対策", True, "地域福祉推進課", "福祉部", "概要"),
            ("指標_advice", False, "地域福祉推進課", "福祉部", "概要")]
        assert [p.links for p in t.projects] == [(plan.Link("abuse", "指標_abuse"),),
                                                (plan.Link("advice", "指標_advice"),)]
        abuse, advice = (p.id for p in t.projects)
        assert plan.get_narrative(db, CITY, abuse, 2023) == Narrative(
            "掲示した", "進んだ", "課題", "方針", "協働", "意見")
        got = plan.evaluate_project(db, CITY, advice, 2022, today=TODAY).year(2022)
        assert (got.decided, got.memo) == ("B", "メモ")
        data = service.sheet_data(db, CITY, 2023, today=TODAY)
        assert "Iplain" in [e.key for e in data.entries]  # outside the 事業, as before
        # new rows take new ids after the moved ones (PostgreSQL's sequences too)
        new = plan.save_project(db, CITY, plan.Project(0, t.policies[0].id, "③", "新しい事業"))
        assert new > advice
    finally:
        db.close()


def _type_comment(path: Path, sheet_index: int, text: str, *, project: str | None = None):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.worksheets[sheet_index]
    for row in ws.iter_rows(max_col=2):
        if row[0].value == "推進委員会の意見":
            row[1].value = text
            row[1].data_type = "s"
        if project is not None and row[0].value == "事業ID":
            row[1].value = project
    wb.save(path)


def test_the_committees_comments_per_project_go_out_and_come_back(db, tmp_path):
    abuse, none = type_seed_003(db)
    out = tmp_path / "評価シート_R5.xlsx"
    assert service.export_xlsx(db, CITY, 2023, out, today=TODAY) == 2 + 11  # 事業 + built-ins
    from openpyxl import load_workbook

    ws = load_workbook(out).worksheets[0]
    cells = [[c for c in row if c not in (None, "")] for row in ws.iter_rows(values_only=True)]
    assert ["啓発（件）", "目標値", "21件", "21件", "21件", "21件", "21件"] in cells
    assert ["実績値", "15件", "9件", "9件"] in cells
    assert ["評価", "", "A", "A", "A", "", ""] in [list(r) for r in ws.iter_rows(
        min_col=1, max_col=7, values_only=True) if r[0] == "評価"]
    _type_comment(out, 0, "啓発と研修が着実に進んでいる。")
    _type_comment(out, 1, "=関係機関との連携を続けること")  # looks like a formula: stays text
    _type_comment(out, 2, "指標だけのシートの意見")  # an indicator placed in no 事業
    assert service.import_committee_comments(db, CITY, out) == (2023, 3)
    n = plan.get_narrative(db, CITY, abuse, 2023)
    assert n.committee == "啓発と研修が着実に進んでいる。"
    assert n.collaboration == "虐待が疑われる場面に遭遇したら、関係機関に通報・相談する。"  # kept
    assert plan.get_narrative(db, CITY, none, 2023).committee == "=関係機関との連携を続けること"
    first_alone = service.sheet_data(db, CITY, 2023, today=TODAY).entries[2].code
    assert service.get_narrative(db, CITY, first_alone, 2023).committee == "指標だけのシートの意見"
    assert service.import_committee_comments(db, CITY, out) == (2023, 0)
    with db.session() as s:
        assert s.scalars(select(AuditLog.detail).where(
            AuditLog.entity == "project_narrative", AuditLog.action == "import")).all() == [
            "fy=2023 fields=committee"] * 2
    # a workbook naming an unknown 事業 changes nothing
    _type_comment(out, 0, "別の意見")
    _type_comment(out, 1, "別の意見", project="9999")
    with pytest.raises(core.IndicatorError, match="事業ID 9999"):
        service.import_committee_comments(db, CITY, out)
    assert plan.get_narrative(db, CITY, abuse, 2023).committee == "啓発と研修が着実に進んでいる。"


# --- plan order follows the plan's own numbers ------------------------------------------

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _written(n: int, style: int) -> str:
    """The ways plans write a number: 「17」「１７」「(17)」「（１７）」「⑰」."""
    wide = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return [str(n), wide, f"({n})", f"（{wide}）", _CIRCLED[n - 1] if n <= 20 else wide][style]


@given(st.lists(st.tuples(st.integers(1, 40), st.integers(0, 4)), min_size=2, max_size=8,
                unique_by=lambda t: t[0]))
@settings(max_examples=30, deadline=None)
def test_siblings_stand_in_the_plans_numbering_whatever_order_they_were_typed(numbers):
    from coordinator_app.core.plan_rules import sibling_order

    typed = [(_written(n, style), added) for added, (n, style) in enumerate(numbers)]
    ranked = sorted(typed, key=lambda t: sibling_order(t[0], t[1], t[1]))
    assert [numbers[added][0] for _w, added in ranked] == sorted(n for n, _s in numbers)


def test_a_project_typed_late_stands_where_the_plan_numbers_it(db):
    service.save_plan(db, CITY, PLAN_NAME, 2021, 2025)
    goal3 = plan.save_goal(db, CITY, plan.Goal(0, "３", "安心で暮らしやすい地域づくり"))
    goal1 = plan.save_goal(db, CITY, plan.Goal(0, "１", "市民の暮らしを支える仕組みづくり"))
    p17 = plan.save_policy(db, CITY, plan.Policy(0, goal3, "（１７）", "再犯防止の推進"))
    p16 = plan.save_policy(db, CITY, plan.Policy(0, goal3, "（１６）", "災害時の支援"))
    p4 = plan.save_policy(db, CITY, plan.Policy(0, goal1, "（４）", "権利擁護の推進"))
    for number in ("③", "①", "②"):
        plan.save_project(db, CITY, plan.Project(0, p4, number, f"事業{number}"))
    plan.save_project(db, CITY, plan.Project(0, p17, "①", "再犯防止"))
    tree = plan.tree(db, CITY)
    assert [g.id for g in tree.goals] == [goal1, goal3]
    assert [p.id for p in tree.policies] == [p4, p16, p17]
    assert [p.number for p in tree.projects] == ["①", "②", "③", "①"]


@pytest.mark.parametrize("grade, memo", [("D", ""), ("AB", ""), ("A", "x" * 2001)])
def test_a_decision_outside_the_scale_or_with_a_long_memo_is_refused(grade, memo):
    """One rule for the grade of an indicator and of a 事業."""
    with pytest.raises(core.IndicatorError):
        core.clean_decision(grade, memo)
    assert core.clean_decision(" b ", " memo ") == ("B", "memo")
    assert core.clean_decision("-", "") == ("-", "")
