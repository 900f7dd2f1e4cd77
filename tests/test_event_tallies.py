"""The four tally measures of 行事・サロン (docs/interchange.md, "Tally file"):
``events_held``, ``event_participants``, ``event_volunteers`` and
``groups_active``, each broken down by 種別. The exported file is compared
with a brute-force count over the records written here in plain Python;
a one-month export (``export tallies --month``) is the whole year's rows of
that month; a tally file written before these measures existed is
consolidated with the measures not reported (never 0). Runs on SQLite and,
when configured, PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from coordinator_app.cli import main
from coordinator_app.core import codes, counting
from coordinator_app.core.access import SignedIn
from coordinator_app.core.dates import month_key, month_last_day
from coordinator_app.core.models import ActivityGroup, Branch, Event, EventKind
from coordinator_app.interchange import tally_file
from coordinator_app.services import consolidation, tallies
from tests.conftest import TODAY

FY = 2025
BRANCHES = ["01", "02"]
MONTHS = counting.fiscal_month_keys(FY)
FIRST, LAST = dt.date(2024, 12, 1), dt.date(2026, 5, 31)
NEW = ("events_held", "event_participants", "event_volunteers", "groups_active")
CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)


def _edges() -> list[dt.date]:
    """First and last days of every month around the fiscal year (so also
    2025-04-01 and 2026-03-31, the fiscal year's first and last days, and
    the days just outside it)."""
    days = []
    y, m = FIRST.year, FIRST.month
    while (y, m) <= (LAST.year, LAST.month):
        days += [dt.date(y, m, 1), month_last_day(y, m)]
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return days


dates = st.one_of(st.dates(FIRST, LAST), st.sampled_from(_edges()))
branch = st.sampled_from(BRANCHES)


@st.composite
def an_event(draw):
    participants = draw(st.integers(0, 60))
    return (draw(branch), draw(dates), draw(st.sampled_from(list(codes.DEFAULT_EVENT_KINDS))),
            participants, draw(st.integers(0, participants)))


@st.composite
def a_group(draw):
    """(branch, kind, started_on, ended_on): open, ended on a random day,
    in the month it started, mid-month or on a month's last day."""
    start = draw(dates)
    shape = draw(st.sampled_from(["open", "any", "same_month", "mid_month", "last_day"]))
    last = month_last_day(start.year, start.month)
    if shape == "open":
        end = None
    elif shape == "same_month":
        end = draw(st.dates(start, last))
    else:
        end = draw(st.dates(start, LAST))
        if shape == "mid_month":
            end = end.replace(day=15) if end.replace(day=15) >= start else end
        elif shape == "last_day":
            end = month_last_day(end.year, end.month)
    return (draw(branch), draw(st.sampled_from(list(codes.DEFAULT_GROUP_KINDS))), start, end)


def brute_force(events, groups) -> dict[tuple, int]:
    """The contract's rows, counted record by record (no app code)."""
    out: Counter = Counter()
    for b in BRANCHES:
        for m in MONTHS:
            for measure in codes.MEASURES:
                out[(b, f"{m // 100:04d}-{m % 100:02d}", measure, "total", "")] += 0

    def add(b, day_month, measure, kind, n):
        y, mo = day_month
        if y * 100 + mo in MONTHS:
            month = f"{y:04d}-{mo:02d}"
            out[(b, month, measure, "total", "")] += n
            out[(b, month, measure, "kind", kind)] += n

    for b, day, kind, participants, volunteers in events:
        add(b, (day.year, day.month), "events_held", kind, 1)
        add(b, (day.year, day.month), "event_participants", kind, participants)
        add(b, (day.year, day.month), "event_volunteers", kind, volunteers)
    for b, kind, start, end in groups:
        for m in MONTHS:
            last = month_last_day(m // 100, m % 100)
            if start <= last and (end is None or end > last):
                add(b, (m // 100, m % 100), "groups_active", kind, 1)
    return {k: n for k, n in out.items() if n or k[3] == "total"}


@pytest.fixture
def branches(db):
    with db.session() as s:
        s.add_all([Branch(code=c, name=f"支部{c}", sort_order=i) for i, c in enumerate(BRANCHES)])
    with db.session() as s:
        return dict(s.execute(select(Branch.code, Branch.id)).all())


def store(db, ids, events, groups) -> None:
    """Write the records with the models, committed (the export reads them
    on connections of its own)."""
    with db.session() as s:
        s.add_all([ActivityGroup(branch_id=ids[b], name=f"グループ{i}", kana_key=f"ぐるーぷ{i}",
                                 kind=kind, started_on=start, started_month=month_key(start),
                                 ended_on=end, ended_month=month_key(end) if end else None)
                   for i, (b, kind, start, end) in enumerate(groups)])
        s.add_all([Event(branch_id=ids[b], held_on=day, month=month_key(day), kind=kind,
                         title=f"行事{i}", participants=p, volunteers=v)
                   for i, (b, day, kind, p, v) in enumerate(events)])


def forget(db) -> None:
    with db.session() as s:
        s.execute(delete(Event))
        s.execute(delete(ActivityGroup))


def read(path) -> dict[tuple, int]:
    return {counting.sort_key(r): r.count for r in tally_file.read_csv(path)}


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(events=st.lists(an_event(), max_size=20), groups=st.lists(a_group(), max_size=10),
       month=st.sampled_from(MONTHS))
def test_export_equals_a_brute_force_count_and_a_month_is_the_year_s_rows(
        db, branches, tmp_path, events, groups, month):
    store(db, branches, events, groups)
    try:
        year = tmp_path / "year.csv"
        tallies.export_tallies(db, CITY, FY, None, "csv", year)
        one = tmp_path / "month.csv"
        tallies.export_tallies(db, CITY, None, None, "csv", one, month=month)
    finally:
        forget(db)
    assert read(year) == brute_force(events, groups)
    lines = year.read_bytes().split(b"\r\n")
    text = f",{counting.month_text(month)},".encode()
    assert one.read_bytes().split(b"\r\n") == [lines[0], *[x for x in lines[1:] if text in x], b""]


def test_fiscal_year_edges_and_group_ends(db, branches, tmp_path):
    """The first and last day of a fiscal year belong to it; a group ended
    on a month's last day is not active at that month's end; one started
    and ended in the same month is active at no month's end."""
    events = [("01", dt.date(2025, 3, 31), "salon", 9, 1), ("01", dt.date(2025, 4, 1), "forum", 30, 5),
              ("01", dt.date(2026, 3, 31), "course", 12, 0), ("01", dt.date(2026, 4, 1), "salon", 7, 7)]
    groups = [("01", "salon", dt.date(2025, 5, 10), dt.date(2025, 5, 20)),   # same month
              ("01", "club", dt.date(2025, 4, 1), dt.date(2025, 6, 30)),     # a month's last day
              ("01", "children", dt.date(2025, 4, 30), dt.date(2025, 8, 15)),  # mid-month
              ("02", "gathering", dt.date(2026, 3, 31), None)]
    store(db, branches, events, groups)
    out = tmp_path / "t.csv"
    tallies.export_tallies(db, CITY, FY, None, "csv", out)
    got = read(out)
    assert got == brute_force(events, groups)
    assert got[("01", "2025-04", "events_held", "total", "")] == 1
    assert got[("01", "2025-04", "event_participants", "kind", "forum")] == 30
    assert got[("01", "2026-03", "event_participants", "kind", "course")] == 12
    assert ("01", "2026-03", "event_volunteers", "kind", "course") not in got  # 0: left out
    assert [got[("01", counting.month_text(m), "groups_active", "total", "")]
            for m in MONTHS[:6]] == [2, 2, 1, 1, 0, 0]
    assert got[("02", "2026-03", "groups_active", "kind", "gathering")] == 1


def test_the_new_measures_are_written_in_japanese_in_the_xlsx(db, branches, tmp_path):
    import openpyxl

    with db.session() as s:  # a kind the branch configured (before その他 in its list)
        s.add(EventKind(code="walk", label="ウォーキング", sort_order=7))
    store(db, branches, [("01", dt.date(2025, 6, 3), "forum", 40, 4),
                         ("01", dt.date(2025, 6, 9), "other", 5, 0),
                         ("01", dt.date(2025, 6, 10), "course", 12, 2),
                         ("01", dt.date(2025, 6, 12), "walk", 8, 1)],
          [("01", "children", dt.date(2025, 4, 1), None)])
    out = tmp_path / "t.xlsx"
    tallies.export_tallies(db, CITY, FY, "01", "xlsx", out)
    wb = openpyxl.load_workbook(out)
    ws = wb[codes.MEASURE_LABELS["event_participants"]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    # 種別 (not 区分), the kinds' labels in the list's order with その他 last
    assert [(r[1], r[2], r[5], r[15]) for r in rows] == [
        ("合計", "", 65, 65), ("種別", "講座・研修", 12, 12), ("種別", "地域福祉懇談会", 40, 40),
        ("種別", "ウォーキング", 8, 8), ("種別", "その他", 5, 5)]
    ws = wb[codes.MEASURE_LABELS["groups_active"]]
    assert [c.value for c in ws[5]][1:3] == ["種別", "子ども食堂"]
    assert ws.cell(3, 16).value == "年度末"
    # One month: that month's column only, named in the title.
    one = tmp_path / "m.xlsx"
    tallies.export_tallies(db, CITY, None, "01", "xlsx", one, month=202506)
    ws = openpyxl.load_workbook(one)[codes.MEASURE_LABELS["events_held"]]
    assert ws.cell(1, 1).value.startswith("令和7年6月")
    assert [c.value for c in ws[3]] == ["支部", "内訳", "項目", "6月"]
    assert [c.value for c in ws[4]] == ["支部01", "合計", "", 4]


def test_breakdown_rows_follow_the_code_list_order_in_the_xlsx(demo_db, tmp_path):
    """#17: the paper form's order (本人 first, その他 last) — not by English code."""
    import openpyxl

    out = tmp_path / "t.xlsx"
    tallies.export_tallies(demo_db, CITY, 2025, "01", "xlsx", out)
    ws = openpyxl.load_workbook(out)[codes.MEASURE_LABELS["consultations"]]
    rows = [(r[1].value, r[2].value) for r in ws.iter_rows(min_row=4)]
    for breakdown in codes.MEASURES["consultations"]:
        label = codes.breakdown_label("consultations", breakdown)
        shown = [k for b, k in rows if b == label]
        listed = [lab for _, lab in counting.key_list("consultations", breakdown)]
        assert shown == [lab for lab in listed if lab in shown], breakdown
    assert [k for b, k in rows if b == "相談者"][0] == "本人"  # by code it would be last


def test_month_export_through_the_command_line(demo_db, tmp_path, capsys):
    year, month = tmp_path / "y.csv", tmp_path / "m.csv"
    assert main(["--db", demo_db.url, "export", "tallies", "--fiscal-year", "2026", "--branch",
                 "03", "--out", str(year)]) == 0
    assert main(["--db", demo_db.url, "export", "tallies", "--month", "2026-10", "--branch", "03",
                 "--out", str(month)]) == 0
    lines = year.read_bytes().split(b"\r\n")
    assert month.read_bytes().split(b"\r\n") == [
        lines[0], *[x for x in lines[1:] if b",2026-10,03," in x], b""]
    assert any(b",events_held,total," in x for x in lines)
    assert tally_file.read_csv(month)  # a valid tally file of one month
    capsys.readouterr()


@pytest.mark.parametrize("argv, message", [
    (["--month", "2026-13"], "月は YYYY-MM の形で指定してください"),
    (["--month", "令和8年10月"], "月は YYYY-MM の形で指定してください"),
    (["--month", "２０２６-１０"], "月は YYYY-MM の形で指定してください"),
    (["--month", "1900-04"], "年は西暦4桁（1989〜2100）で指定してください"),
    (["--month", "2026-10", "--fiscal-year", "2026"], "同時には指定できません"),
    ([], "--fiscal-year --month のどれか1つを指定してください"),
])
def test_a_bad_month_is_refused_in_japanese(demo_db, tmp_path, capsys, argv, message):
    out = tmp_path / "m.csv"
    assert main(["--db", demo_db.url, "export", "tallies", *argv, "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


# --- consolidation of a file written before the measures existed ---------------------

def old_format(src, dst):
    """The file an app without the four measures wrote: the same rows,
    minus every row of those measures."""
    lines = src.read_bytes().split(b"\r\n")
    dst.write_bytes(b"\r\n".join(x for x in lines if not any(f",{m},".encode() in x for m in NEW)))
    return dst


@pytest.fixture
def mixed_files(demo_db, tmp_path):
    """Branch 01 sends an old-format file, branch 02 a current one (2025: ended)."""
    new = tmp_path / "tally_02.csv"
    tallies.export_tallies(demo_db, CITY, 2025, "02", "csv", new)
    full = tmp_path / "full_01.csv"
    tallies.export_tallies(demo_db, CITY, 2025, "01", "csv", full)
    return old_format(full, tmp_path / "tally_01_old.csv"), new


def test_an_old_format_file_is_consolidated_with_the_measures_not_reported(demo_db, mixed_files,
                                                                         tmp_path):
    old, new = mixed_files
    assert {r.measure for r in tally_file.read_csv(old)} == set(codes.MEASURES) - set(NEW)
    merged = tmp_path / "city.csv"
    assert main(["--db", demo_db.url, "consolidate", str(old), str(new), "--out", str(merged)]) == 0
    rows = tally_file.read_csv(merged)  # the merged file is a valid tally file again
    assert not [r for r in rows if r.branch_code == "01" and r.measure in NEW]  # not 0: absent
    assert {r.measure for r in rows if r.branch_code == "02"} == set(codes.MEASURES)
    for m in MONTHS:
        assert {r.measure for r in rows if r.branch_code == "01" and r.month == counting.month_text(m)
                and r.breakdown == "total"} == set(codes.MEASURES) - set(NEW)


def test_the_city_office_sees_the_measures_not_reported(demo_db, mixed_files, tmp_path):
    old, new = mixed_files
    result = consolidation.receive_files(demo_db, CITY, [old, new])
    assert not result.errors and len(result.files) == 2
    matrix = consolidation.matrix(demo_db, CITY, 2025, TODAY)
    assert {matrix.cells[("01", m)].unreported for m in MONTHS} == {NEW}
    assert {matrix.cells[("02", m)].unreported for m in MONTHS} == {()}
    assert matrix.cells[("01", MONTHS[0])].state == "received"
    rows = consolidation.consolidated_rows(demo_db, CITY, 2025)
    assert not [r for r in rows if r.branch_code == "01" and r.measure in NEW]
    out = tmp_path / "consolidated.csv"
    consolidation.export_consolidated(demo_db, CITY, 2025, out)
    written = tally_file.read_csv(out)
    assert not [r for r in written if r.branch_code == "01" and r.measure in NEW]
    assert [r for r in written if r.branch_code == "02" and r.measure == "events_held"
            and r.breakdown == "total"] == [r for r in tally_file.read_csv(new)
                                           if r.measure == "events_held" and r.breakdown == "total"]


@pytest.mark.parametrize("old_first", [True, False])
def test_the_same_figures_with_the_new_measures_fill_them_in_without_asking(
        demo_db, mixed_files, tmp_path, old_first):
    """A branch sends its year again after its app learnt the new measures
    (or an old copy arrives after the new one): no conflict; the file that
    reports more is in force, in either order of arrival."""
    old, _ = mixed_files
    full = tmp_path / "full_01.csv"
    first, then = (old, full) if old_first else (full, old)
    consolidation.receive_files(demo_db, CITY, [first],
                                now=dt.datetime(2026, 5, 1, 1, 0))
    result = consolidation.receive_files(demo_db, CITY, [then])
    assert result.files and not result.conflicts
    matrix = consolidation.matrix(demo_db, CITY, 2025, TODAY)
    assert {(matrix.cells[("01", m)].state, matrix.cells[("01", m)].unreported)
            for m in MONTHS} == {("received", ())}
    rows = consolidation.consolidated_rows(demo_db, CITY, 2025)
    assert rows == [r for r in tally_file.read_csv(full)]


def test_other_figures_beside_a_measure_not_reported_are_still_a_conflict(
        demo_db, mixed_files, tmp_path):
    old, _ = mixed_files
    full = tally_file.read_csv(tmp_path / "full_01.csv")
    changed = [r._replace(count=r.count + 1) if (r.month == "2025-07" and r.breakdown == "total"
                                                   and r.measure == "consultations") else r
               for r in full]
    resent = tmp_path / "resent.csv"
    tally_file.write_csv(changed, resent)
    consolidation.receive_files(demo_db, CITY, [old], now=dt.datetime(2026, 5, 1, 1, 0))
    result = consolidation.receive_files(demo_db, CITY, [resent])
    assert [(c.branch_code, c.month) for c in result.conflicts] == [("01", 202507)]
    old_side, new_side = result.conflicts[0].candidates
    assert "events_held" not in old_side.totals and "events_held" in new_side.totals
    assert result.conflicts[0].current_file_id == old_side.file_id  # until someone chooses


def test_a_measure_with_breakdown_rows_but_no_total_is_still_refused(demo_db, tmp_path):
    new = tmp_path / "tally_02.csv"
    tallies.export_tallies(demo_db, CITY, 2026, "02", "csv", new)
    lines = new.read_bytes().split(b"\r\n")
    month = next(x for x in lines if b",events_held,kind," in x).split(b",")[1]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\r\n".join(x for x in lines
                                 if not (b",events_held,total," in x and b"," + month + b"," in x)))
    with pytest.raises(tally_file.TallyError, match="events_held の total 行がありません"):
        tally_file.read_csv(bad)


def test_the_monthly_report_prints_the_new_measures_by_kind(db, branches, tmp_path):
    """月報 of one month: the four measures with their 種別 rows in Japanese,
    in the list's order; the year report lists them by month."""
    import subprocess

    from coordinator_app.services import printing

    store(db, branches, [("01", dt.date(2025, 6, 3), "forum", 40, 4),
                         ("01", dt.date(2025, 6, 9), "other", 5, 0),
                         ("01", dt.date(2025, 6, 10), "course", 12, 2)],
          [("01", "children", dt.date(2025, 4, 1), None)])
    coordinator = SignedIn(0, "coord01", "テスト", "coordinator", branches["01"], "01", "支部01")

    def text_of(**kw) -> str:
        out = tmp_path / "m.pdf"
        printing.print_list(db, coordinator, printing.PrintRequest(kind="monthly", **kw), out,
                            today=TODAY)
        return subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                              capture_output=True, text=True).stdout

    text = " ".join(text_of(month=202506).split())
    assert "行事・講座の参加人数 合計 57 種別 講座・研修 12 地域福祉懇談会 40 その他 5" in text
    assert "サロン等の活動数 合計 1 種別 子ども食堂 1" in text
    year = text_of(fiscal_year=FY)
    assert "行事・講座の開催回数" in year and "サロン等の活動数（月末）" in year
