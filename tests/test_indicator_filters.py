"""Indicators with combined breakdown filters (issue 17: 区分=相談 AND
相談者=地域関係者): counted from the records with every condition ANDed
(generated consultations, counted again by brute force in Python: flow,
stock, cumulative with its starting total, a branch subset, a coordinator's
branch); refused with a clear message over consolidated tally files (one
breakdown a row), with no grade proposed; bad combinations refused; typed
in the definition dialog; and the migration leaves existing indicators'
figures unchanged."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from coordinator_app.core import clock, codes, counting
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.access import SignedIn
from coordinator_app.core.dates import fiscal_year_of, month_key
from coordinator_app.core.models import AuditLog, Branch, Consultation, ConsultationCategory
from coordinator_app.services import indicators as service
from tests.conftest import TODAY, coordinator_of

CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
ADMIN = SignedIn(0, "admin1", "管理者", "admin", None, None, None)
BRANCHES = ("01", "02", "03")
CATEGORIES = ("life", "money", "care", "health")
# Consultation breakdowns and the keys the generated records use (a few of
# each, so that combinations are often met).
KEYS = {"kind": tuple(codes.KIND), "channel": ("visit", "phone", "outreach"),
        "from_whom": ("self", "community", "agency"), "response": ("urgent", "listened"),
        "category": CATEGORIES}
FIRST_DAY, LAST_DAY = dt.date(2024, 2, 1), TODAY  # FY2023 (its March) to the running FY2026
EDGES = [dt.date(2024, 2, 29), dt.date(2024, 3, 31), dt.date(2024, 4, 1), dt.date(2025, 3, 31),
         dt.date(2025, 4, 1), dt.date(2026, 3, 31), dt.date(2026, 4, 1)]

days = st.one_of(st.sampled_from(EDGES), st.dates(FIRST_DAY, LAST_DAY))
consultation = st.fixed_dictionaries({
    "branch": st.sampled_from(BRANCHES), "day": days,
    **{b: st.sampled_from(KEYS[b]) for b in ("kind", "channel", "from_whom", "response")},
    "categories": st.sets(st.sampled_from(CATEGORIES), min_size=1, max_size=2),
    "deleted": st.sampled_from([False] * 9 + [True]),  # a soft-deleted record is not counted
})
conditions = st.lists(st.sampled_from(sorted(KEYS)), min_size=2, max_size=3, unique=True).flatmap(
    lambda bs: st.tuples(*(st.tuples(st.just(b), st.sampled_from(KEYS[b])) for b in bs)))


def matches(c: dict, conds) -> bool:
    return not c["deleted"] and all(
        (k in c["categories"]) if b == "category" else c[b] == k for b, k in conds)


def in_fy(day: dt.date, fy: int) -> bool:
    return fiscal_year_of(day) == fy


def insert(db, records: list[dict]) -> None:
    with db.session() as s:
        ids = {code: bid for bid, code in s.execute(select(Branch.id, Branch.code))}
        for c in records:
            row = Consultation(branch_id=ids[c["branch"]], received_on=c["day"],
                               month=month_key(c["day"]), kind=c["kind"], channel=c["channel"],
                               from_whom=c["from_whom"], response=c["response"],
                               deleted_at=clock.utcnow() if c["deleted"] else None)
            s.add(row)
            s.flush()
            s.add_all([ConsultationCategory(consultation_id=row.id, category_code=k,
                                            branch_id=row.branch_id, month=row.month)
                       for k in sorted(c["categories"])])


def add_branches(db) -> None:
    with db.session() as s:
        s.add_all([Branch(code=c, name=f"テスト{c}支部") for c in BRANCHES])


def define(db, code: str, conds, kind: str = "flow", branches=(), start_total=None) -> None:
    (b, k), *rest = conds
    info = service.new_info(service.get_plan(db), code=code, name=f"組み合わせ {code}",
                            unit="件", kind=kind, measure="consultations", breakdown=b, key=k,
                            filters=tuple(rest), branches=tuple(branches),
                            start_total=start_total)
    service.save_indicator(db, ADMIN, info)


def test_the_issues_example_counts_consultations_from_community_members(db):
    """区分=相談 AND 相談者=地域関係者, typed by hand: 3 of the 6 records."""
    add_branches(db)
    base = dict(branch="01", channel="phone", response="listened", categories={"life"},
                deleted=False, day=dt.date(2025, 6, 2))
    insert(db, [dict(base, kind="consultation", from_whom="community"),
                dict(base, kind="consultation", from_whom="community", branch="02"),
                dict(base, kind="consultation", from_whom="community", day=dt.date(2026, 3, 31)),
                dict(base, kind="consultation", from_whom="community", deleted=True),
                dict(base, kind="contact", from_whom="community"),
                dict(base, kind="consultation", from_whom="self")])
    define(db, "community_consultations", (("kind", "consultation"), ("from_whom", "community")))
    r = service.evaluate_one(db, CITY, "community_consultations", 2025, today=TODAY)
    assert r.year.actual == 3
    assert "区分: 相談、相談者: 地域関係者" in r.info.definition.describe()
    # the existing single-breakdown indicator still counts every 相談
    assert service.evaluate_one(db, CITY, "consultations_proper", 2025, today=TODAY).year.actual == 4


STATE: dict[str, dict] = {}  # per database: the records inserted so far


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_combined_actuals_equal_a_count_of_the_records(db, data):
    """Generated records accumulate over the examples; every example adds
    some and defines combined indicators over drawn conditions (flow,
    stock, cumulative with a starting total, a branch subset), whose
    actuals must equal a brute-force count of every record inserted."""
    state = STATE.setdefault(str(db.engine.url), {})
    if not state:
        add_branches(db)
        state.update(records=[], n=itertools.count())
    new = data.draw(st.lists(consultation, min_size=1, max_size=25), label="records")
    insert(db, new)
    state["records"] += new
    records = state["records"]
    conds = data.draw(conditions, label="conditions")
    subset = data.draw(st.sets(st.sampled_from(BRANCHES), min_size=1, max_size=2), label="subset")
    start = data.draw(st.integers(0, 500), label="start_total")
    fy = data.draw(st.sampled_from([2024, 2025, 2026]), label="fiscal_year")
    n = next(state["n"])
    codes_ = {k: f"c{n}_{k}" for k in ("flow", "stock", "cumulative", "subset")}
    define(db, codes_["flow"], conds)
    define(db, codes_["stock"], conds, kind="stock")
    define(db, codes_["cumulative"], conds, kind="cumulative", start_total=start)
    define(db, codes_["subset"], conds, branches=subset)

    def flow(year: int, branches=BRANCHES) -> int:
        return sum(1 for c in records if c["branch"] in branches and in_fy(c["day"], year)
                   and matches(c, conds))

    march = (fy + 1) * 100 + 3
    stock = sum(1 for c in records if month_key(c["day"]) == march and matches(c, conds))
    plan_first = service.get_plan(db).first_fy  # 2025
    cumulative = None if fy < plan_first else start + sum(
        flow(y) for y in range(plan_first, fy + 1))
    got = {r.info.code: r.year.actual for r in service.evaluate(
        db, CITY, fy, today=TODAY, codes=list(codes_.values()))}
    assert got[codes_["flow"]] == flow(fy)
    assert got[codes_["stock"]] == stock
    assert got[codes_["cumulative"]] == cumulative
    assert got[codes_["subset"]] == flow(fy, subset)
    # A coordinator sees their own branch, within the indicator's subset.
    mine = data.draw(st.sampled_from(BRANCHES), label="coordinator")
    theirs = {r.info.code: r.year.actual for r in service.evaluate(
        db, coordinator_of(db, mine), fy, today=TODAY, codes=list(codes_.values()))}
    assert theirs[codes_["flow"]] == flow(fy, (mine,))
    assert theirs[codes_["subset"]] == (flow(fy, (mine,)) if mine in subset else None)
    # One rule: with one condition (or none) the combined count is the
    # tally's own breakdown row (total).
    with db.session() as s:
        rows = counting.compute(s, fy)
        for cond in [()] + [(c,) for c in conds]:
            b, k = cond[0] if cond else ("total", "")
            tally = sum(r.count for r in rows if (r.measure, r.breakdown, r.key) ==
                        ("consultations", b, k))
            assert sum(counting.combined_counts(s, fy, "consultations", cond).values()) == tally


def test_bad_combinations_are_refused_and_nothing_is_saved(db):
    add_branches(db)
    plan = service.get_plan(db)
    bad = [
        (dict(measure="consultations", breakdown="kind", key="consultation",
              filters=(("kind", "contact"),)), "区分の条件が二つあります"),
        (dict(measure="consultations", breakdown="kind", key="consultation",
              filters=(("from_whom", "mayor"),)), "相談者に項目「mayor」はありません"),
        (dict(measure="consultations", breakdown="total", key="",
              filters=(("from_whom", "community"),)), "内訳とその項目を選んでください"),
        (dict(measure="consultations", breakdown="kind", key="consultation",
              filters=(("method", "visit"),)), "内訳「method」はありません"),
        (dict(measure="", breakdown="total", key="", filters=(("kind", "consultation"),)),
         "集計の項目を数える指標にだけ"),
        (dict(measure="events_held", breakdown="kind", key="forum",
              filters=(("kind", "course"),)), "条件を組み合わせて数えられません"),
    ]
    for fields, message in bad:
        info = service.new_info(plan, code="bad", name="だめな指標", **fields)
        with pytest.raises(core.IndicatorError, match=message):
            service.save_indicator(db, ADMIN, info)
    assert "bad" not in {i.code for i in service.list_indicators(db, CITY, True)}
    with pytest.raises(core.IndicatorError, match="読めません"):
        core.parse_filters("from_whom:community")
    assert core.parse_filters(" from_whom=community ; channel=visit ") == (
        ("from_whom", "community"), ("channel", "visit"))


def test_a_category_the_administrator_added_may_be_a_condition(db):
    from coordinator_app.services import admin

    add_branches(db)
    admin.save_category(db, ADMIN, None, "food", "食の支援")
    base = dict(branch="02", channel="phone", response="listened", kind="consultation",
                deleted=False, day=dt.date(2025, 9, 1))
    insert(db, [dict(base, from_whom="community", categories={"food", "life"}),
                dict(base, from_whom="self", categories={"food"}),
                dict(base, from_whom="community", categories={"life"})])
    define(db, "food_community", (("category", "food"), ("from_whom", "community")))
    assert service.evaluate_one(db, CITY, "food_community", 2025, today=TODAY).year.actual == 1


def test_the_builtin_indicators_keep_what_they_count(db):
    info = service.get_indicator(db, ADMIN, "consultations_proper")
    from dataclasses import replace
    with pytest.raises(core.IndicatorError, match="標準の指標"):
        service.save_indicator(db, ADMIN, replace(info, filters=(("from_whom", "community"),)))


def test_saving_conditions_is_audited(db):
    add_branches(db)
    define(db, "audited", (("kind", "consultation"), ("from_whom", "community")))
    with db.session() as s:
        details = list(s.scalars(select(AuditLog.detail).where(AuditLog.entity == "indicator")))
    assert any("filters=from_whom=community" in d for d in details)


# --- consolidated files -----------------------------------------------------------------

def test_consolidated_files_cannot_count_a_combination(db, tmp_path):
    """A branch's records go to the city as tally files; the city counts the
    single-breakdown indicators from them, but a combined one says it cannot
    be counted from files, proposes no grade (even with a target), and the
    sheet prints the same."""
    from coordinator_app.interchange import tally_file
    from coordinator_app.services import consolidation

    add_branches(db)
    base = dict(branch="01", channel="phone", response="listened", categories={"life"},
                deleted=False, day=dt.date(2025, 6, 2), kind="consultation")
    insert(db, [dict(base, from_whom="community"), dict(base, from_whom="self")])
    define(db, "community_consultations", (("kind", "consultation"), ("from_whom", "community")))
    define(db, "community_total", (("kind", "consultation"), ("from_whom", "community")),
           kind="cumulative", start_total=10)
    for code in ("community_consultations", "community_total", "consultations_proper"):
        service.set_target(db, CITY, code, 2025, "1")
    local = {r.info.code: r.year for r in service.evaluate(db, CITY, 2025, today=TODAY)}
    assert local["community_consultations"].actual == 1
    assert local["community_consultations"].proposed == "A"
    assert local["community_total"].actual == 11
    for branch in BRANCHES:
        with db.session() as s:
            rows = counting.compute(s, 2025, [branch])
        path = tmp_path / f"tally_{branch}.csv"
        tally_file.write_csv(rows, path)
        assert not consolidation.receive_files(db, CITY, [path]).errors
    got = {r.info.code: r for r in service.evaluate(db, CITY, 2025, "consolidated", today=TODAY)}
    assert got["consultations_proper"].year.actual == 2  # one breakdown: from the files
    for code in ("community_consultations", "community_total"):
        year = got[code].year
        assert year.actual is None and year.uncounted == core.UNCOUNTABLE_FROM_FILES
        assert year.proposed == "" and year.grade == ""
    # the plan's years before 2025 and after today have no such message
    series = {f.fiscal_year: f for f in got["community_total"].series}
    assert series[2025].uncounted and not series[2027].uncounted
    # the CSV of the contract leaves the actual and grade empty
    out = tmp_path / "indicators.csv"
    service.export_csv(db, CITY, 2025, out, "consolidated", today=TODAY)
    text = out.read_text(encoding="utf-8-sig")
    line = next(x for x in text.splitlines() if x.startswith("2025,community_consultations,"))
    assert line.endswith(",1,,")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext not installed")
def test_the_sheet_prints_that_files_cannot_count_a_combination(db, tmp_path):
    """The PDF sheet and the committee's workbook say it where the figure would be."""
    from coordinator_app.interchange import tally_file
    from coordinator_app.services import consolidation

    add_branches(db)
    define(db, "community_consultations", (("kind", "consultation"), ("from_whom", "community")))
    service.set_target(db, CITY, "community_consultations", 2025, "1")
    with db.session() as s:
        rows = counting.compute(s, 2025, ["01"])
    path = tmp_path / "tally_01.csv"
    tally_file.write_csv(rows, path)
    assert not consolidation.receive_files(db, CITY, [path]).errors
    pdf = tmp_path / "sheet.pdf"
    service.export_pdf(db, CITY, 2025, pdf, "consolidated", today=TODAY)
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert core.UNCOUNTABLE_FROM_FILES in printed.replace("\n", "")
    # and the workbook written for the committee
    from openpyxl import load_workbook

    book = tmp_path / "sheet.xlsx"
    service.export_xlsx(db, CITY, 2025, book, "consolidated", today=TODAY)
    cells = {c.value for ws in load_workbook(book).worksheets for row in ws.iter_rows()
             for c in row}
    assert core.UNCOUNTABLE_FROM_FILES in cells


# --- migration 0016 -----------------------------------------------------------------------

def _row(table, **values) -> dict:
    """A row for ``table`` as of its revision: the given values, and a
    plain value for every other column that must have one."""
    import sqlalchemy as sa

    out = {}
    for col in table.columns:
        if col.name in values or col.nullable or col.server_default is not None \
                or (col.primary_key and col.autoincrement in (True, "auto")):
            continue
        if isinstance(col.type, sa.Boolean):
            out[col.name] = False
        elif isinstance(col.type, sa.Integer):
            out[col.name] = 0
        elif isinstance(col.type, sa.DateTime):
            out[col.name] = dt.datetime(2025, 4, 1, 9, 0)
        elif isinstance(col.type, sa.Date):
            out[col.name] = dt.date(2025, 4, 1)
        else:
            out[col.name] = ""
    return {**out, **values}


def test_migration_keeps_existing_indicators_and_their_figures(db_url):
    """A database at 0015 with records and an administrator's indicator
    (one breakdown, two branches): after the upgrade every indicator has no
    filters, the same definition, and the figures a count of the records
    gives."""
    import sqlalchemy as sa

    from coordinator_app.storage import migrate
    from coordinator_app.storage.database import Database
    from coordinator_app.storage.engine import make_engine

    engine = make_engine(db_url)
    records = [("01", "consultation", "community"), ("01", "consultation", "self"),
               ("02", "contact", "community"), ("02", "consultation", "community"),
               ("03", "consultation", "community"), ("03", "contact", "family")]
    try:
        migrate.upgrade(engine, "0015")
        md = sa.MetaData()
        branch, consultation, indicator = (sa.Table(t, md, autoload_with=engine)
                                           for t in ("branch", "consultation", "indicator"))
        with engine.begin() as conn:
            for n, code in enumerate(BRANCHES, 1):
                conn.execute(branch.insert(), [_row(branch, id=n, code=code, name=f"支部{code}")])
            conn.execute(consultation.insert(), [_row(
                consultation, branch_id=int(b), received_on=dt.date(2025, 7, 1 + i),
                month=202507, kind=k, channel="phone", from_whom=w, response="listened",
                **({"number_fy": 2025, "number": i + 1} if "number" in consultation.c else {}))
                for i, (b, k, w) in enumerate(records)])
            conn.execute(indicator.insert(), [_row(
                indicator, code="community_two", name="地域関係者からの相談（2支部）", unit="件",
                kind="flow", measure="consultations", breakdown="from_whom",
                breakdown_key="community", direction="higher", first_fy=2025, last_fy=2029,
                sort_order=999, active=True, builtin=False, branches="01,02")])
            before = {c: (m, b, k, br) for c, m, b, k, br in conn.execute(sa.select(
                indicator.c.code, indicator.c.measure, indicator.c.breakdown,
                indicator.c.breakdown_key, indicator.c.branches))}
    finally:
        engine.dispose()
    db = Database.open(db_url)
    try:
        assert migrate.current_revisions(db.engine) == migrate.head_revisions()
        infos = {i.code: i for i in service.list_indicators(db, CITY, include_inactive=True)}
        assert set(infos) == set(before)
        for code, (m, b, k, br) in before.items():
            i = infos[code]
            assert (i.measure, i.breakdown, i.key, ",".join(i.branches), i.filters) == (
                m, b, k, br, ())
        got = {r.info.code: r.year.actual for r in service.evaluate(db, CITY, 2025, today=TODAY)}
        assert got["consultations_all"] == len(records)
        assert got["consultations_proper"] == sum(k == "consultation" for _, k, _ in records)
        assert got["community_two"] == sum(b in ("01", "02") and w == "community"
                                           for b, _, w in records)
    finally:
        db.close()
