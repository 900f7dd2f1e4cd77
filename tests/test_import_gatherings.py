"""Importing groups.csv and events.csv (docs/interchange.md, issue 16 part 4)
with every rule the other ledgers follow: files written the way offices
write them (tests/ledger_strategies.py: encodings, Japanese headers and
labels, 和暦, full-width digits, quoting) import as they mean and update
by external_id; each bad input is refused naming its line, and nothing
changes; a coordinator imports only their own branch; the command line
takes both kinds. Runs on SQLite and, when configured, PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from coordinator_app.cli import main
from coordinator_app.core import codes, kana
from coordinator_app.core.access import ScopeError
from coordinator_app.core.models import (
    ActivityGroup,
    Area,
    AuditLog,
    Branch,
    Event,
    EventAttendee,
    GroupKind,
    GroupSubsidy,
    Person,
    Volunteer,
)
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.interchange.ledger import LedgerError
from coordinator_app.services import backups, imports
from coordinator_app.storage.database import Database
from tests.conftest import TODAY, coordinator_of
from tests.db_snapshot import snapshot
from tests.ledger_strategies import (
    AREAS,
    FY,
    GATHERING_RULES,
    LedgerSet,
    draw_broken,
    draw_gatherings,
    draw_set,
    write,
)
from tests.test_import import BRANCH_HEADER, VOLUNTEER_HEADER, ledger, volunteer
from tests.test_import_messy import _last_day, _months, assert_same_figures, exported_tally

SETTINGS = dict(deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

GROUP_HEADER = ["external_id", "branch_code", "name", "kana", "kind", "area", "started_on",
                "ended_on", "subsidy_fy"]
EVENT_HEADER = ["external_id", "branch_code", "held_on", "kind", "title", "group_id", "area",
                "participants", "volunteers", "note"]


def imp(db, kind: str, data: bytes):
    return import_ledger(db, kind, data, today=TODAY)


def import_set(draw, db, s: LedgerSet) -> None:
    imp(db, "branches", write(draw, "branches", s.rows("branches")).data)
    for kind in ("groups", "events"):
        if s.records(kind):
            imp(db, kind, write(draw, kind, s.rows(kind)).data)


# --- what the database holds, against what the files mean --------------------------------

def stored(db, branch_codes: list[str]) -> tuple[dict, dict]:
    """(groups, events) of these branches, by (branch code, external_id)."""
    with db.session() as s:
        branch = {i: c for i, c in s.execute(select(Branch.id, Branch.code))
                  if c in branch_codes}
        areas = dict(s.execute(select(Area.id, Area.name)).all())
        years: dict[int, list[int]] = {}
        for gid, fy in s.execute(select(GroupSubsidy.group_id, GroupSubsidy.fiscal_year)):
            years.setdefault(gid, []).append(fy)
        groups, ext_of = {}, {}
        for g in s.scalars(select(ActivityGroup).where(ActivityGroup.branch_id.in_(branch))):
            ext_of[g.id] = g.external_id
            groups[(branch[g.branch_id], g.external_id)] = dict(
                name=g.name, kana=kana.fold(g.kana), kana_key=g.kana_key, kind=g.kind,
                area=areas.get(g.area_id, ""), started=g.started_on, ended=g.ended_on,
                months=(g.started_month, g.ended_month), years=tuple(sorted(years.get(g.id, []))))
        events = {}
        for e in s.scalars(select(Event).where(Event.branch_id.in_(branch))):
            events[(branch[e.branch_id], e.external_id)] = dict(
                held=e.held_on, month=e.month, kind=e.kind, title=e.title,
                group=ext_of.get(e.group_id) if e.group_id else None,
                area=areas.get(e.area_id, ""), participants=e.participants,
                volunteers=e.volunteers, note=e.note)
    return groups, events


def _month(day: dt.date | None) -> int | None:
    return day.year * 100 + day.month if day else None


def meant(s: LedgerSet) -> tuple[dict, dict]:
    """What the set's files say, in the shape of ``stored``."""
    groups = {(g.branch, g.ext): dict(
        name=g.name, kana=kana.fold(g.kana), kana_key=kana.fold(g.kana or g.name), kind=g.kind,
        area=g.area, started=g.started, ended=g.ended, months=(_month(g.started), _month(g.ended)),
        years=g.subsidy_fy) for g in s.groups}
    events = {(e.branch, e.ext): dict(
        held=e.held, month=_month(e.held), kind=e.kind, title=e.title,
        group=e.group.ext if e.group else None, area=e.area, participants=e.participants,
        volunteers=e.volunteers, note=e.note) for e in s.events}
    return groups, events


def changed(draw, s: LedgerSet) -> LedgerSet:
    """The same groups and events, some of them edited in ways that keep
    the rules: names, readings, kinds, areas, subsidy years (also none any
    more); titles, kinds, counts, notes, areas, a group link dropped."""
    groups = {}
    for g in s.groups:
        groups[id(g)] = replace(g, **draw(st.fixed_dictionaries({}, optional={
            "name": st.sampled_from(["第9サロン（改名）", "ABCクラブ", "いきいき会"]),
            "kana": st.sampled_from(["", "かいめい さろん", "ｲｷｲｷｶｲ"]),
            "kind": st.sampled_from(sorted(codes.DEFAULT_GROUP_KINDS)),
            "area": st.sampled_from(AREAS),
            "subsidy_fy": st.sampled_from([(), (2020,), (2023, 2024, 2025)])})))
    events = []
    for e in s.events:
        e = replace(e, group=groups[id(e.group)] if e.group else None)
        edit = draw(st.fixed_dictionaries({}, optional={
            "title": st.sampled_from(["名称変更後の行事", "講座, 第2回"]),
            "kind": st.sampled_from(sorted(codes.DEFAULT_EVENT_KINDS)),
            "participants": st.integers(e.volunteers, e.volunteers + 50),
            "note": st.sampled_from(["", "追記あり"]), "area": st.sampled_from(AREAS),
            "group": st.none()}))
        events.append(replace(e, **edit))
    return replace(s, groups=list(groups.values()), events=events)


# --- the tally of what was imported, counted by hand ---------------------------------------------

MEASURES = ("events_held", "event_participants", "event_volunteers", "groups_active")


def expected_tally(s: LedgerSet, fy: int) -> Counter:
    """The contract's four measures of 行事・サロン over the set's records."""
    out: Counter = Counter()
    for y, m in _months(fy):
        month, last = f"{y}-{m:02d}", _last_day(y, m)
        for b in s.branch_codes:
            for measure in MEASURES:
                out[(b, month, measure, "total", "")] += 0
        for e in s.events:
            if (e.held.year, e.held.month) == (y, m):
                for measure, n in (("events_held", 1), ("event_participants", e.participants),
                                   ("event_volunteers", e.volunteers)):
                    out[(e.branch, month, measure, "total", "")] += n
                    out[(e.branch, month, measure, "kind", e.kind)] += n
        for g in s.groups:  # active at the month's last day
            if g.started <= last and (g.ended is None or g.ended > last):
                out[(g.branch, month, "groups_active", "total", "")] += 1
                out[(g.branch, month, "groups_active", "kind", g.kind)] += 1
    return out


def exported_gatherings(db, tmp_path, fy: int, s: LedgerSet) -> Counter:
    found = exported_tally(db, tmp_path, fy, s.branch_codes)
    return Counter({k: n for k, n in found.items() if k[2] in MEASURES})


@settings(max_examples=10, **SETTINGS)
@given(data=st.data())
def test_generated_files_import_as_they_mean_and_update_by_external_id(db, tmp_path, data):
    draw = data.draw
    s = draw_set(draw)
    draw_gatherings(draw, s)
    import_set(draw, db, s)
    assert stored(db, s.branch_codes) == meant(s)
    fy = draw(st.sampled_from([FY, FY + 1]), label="fiscal year")
    assert_same_figures(exported_gatherings(db, tmp_path, fy, s), expected_tally(s, fy))

    # Edited, written another way, imported again: updated in place.
    t = changed(draw, s)
    rows = ("activity_group", "event")
    before = {n: c for n, (c, _) in snapshot(db).items() if n in rows}
    for kind in ("groups", "events"):
        if t.records(kind):
            result = imp(db, kind, write(draw, kind, t.rows(kind)).data)
            assert (result.created, result.updated) == (0, len(t.records(kind)))
    assert stored(db, s.branch_codes) == meant(t)
    assert {n: c for n, (c, _) in snapshot(db).items() if n in rows} == before  # no new record
    assert_same_figures(exported_gatherings(db, tmp_path, fy, t), expected_tally(t, fy))


@settings(max_examples=5, **SETTINGS)
@given(data=st.data())
def test_every_broken_groups_or_events_file_is_refused_with_its_line_and_changes_nothing(
        db, data):
    """Each rule broken once in a file of a set already imported: refused,
    every error on the broken line, the database unchanged."""
    draw = data.draw
    s = draw_set(draw, branches=2)
    draw_gatherings(draw, s, at_least_one=True)
    import_set(draw, db, s)
    before = snapshot(db)
    for rule in GATHERING_RULES:
        broken = draw_broken(draw, s, rule, GATHERING_RULES)
        event(rule)
        try:
            imp(db, broken.file.kind, broken.file.data)
        except LedgerError as exc:
            errors = exc.errors
        else:
            pytest.fail(f"{rule}: {broken.file.kind} imported:\n"
                        + broken.file.data.decode("utf-8", "replace"))
        assert errors and all(e.startswith(f"line {broken.line}: ") for e in errors), (
            rule, broken.file.kind, broken.line, errors)
        assert snapshot(db) == before, rule


# --- the Proof list, one line each, with the words a coordinator reads -----------------------

def group(ext="G1", branch="01", name="第3サロン", reading="だい3さろん", kind="salon", area="",
          started="2025-04-01", ended="", fy="") -> list[str]:
    return [ext, branch, name, reading, kind, area, started, ended, fy]


def gathering(ext="E1", branch="01", day="2025-05-13", kind="salon", title="5月のサロン",
              group_id="G1", area="", participants="12", volunteers="3", note="") -> list[str]:
    return [ext, branch, day, kind, title, group_id, area, participants, volunteers, note]


@pytest.fixture
def base(db):
    """Two branches; branch 01 has salon G1 (from 2025-04-01) and a 子ども食堂
    G2 that ended on 2025-09-30; branch 02 has G9."""
    imp(db, "branches", ledger(BRANCH_HEADER, ["01", "平方支部", "", "", ""],
                               ["02", "原市支部", "", "", ""]))
    imp(db, "groups", ledger(GROUP_HEADER, group(fy="2025"),
                             group("G2", name="子ども食堂ひまわり", reading="", kind="children",
                                   ended="2025-09-30"),
                             group("G9", branch="02", name="原市サロン", reading="")))
    return db


def refused(db, kind: str, data: bytes) -> list[str]:
    before = snapshot(db)
    with pytest.raises(LedgerError) as info:
        imp(db, kind, data)
    assert snapshot(db) == before
    return info.value.errors


TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()


BAD_EVENTS = [
    (gathering(group_id="G7"), "group_id: この支部に登録されていないグループIDです（G7）"),
    (gathering(group_id="G9"), "group_id: グループ「G9」は別の支部のグループです"),
    (gathering(day="2025-03-31"),
     "group_id: グループ「第3サロン（G1）」は2025-03-31には活動していません"),
    (gathering(group_id="G2", day="2025-09-30", kind="other"),
     "group_id: グループ「子ども食堂ひまわり（G2）」は2025-09-30には活動していません"),
    (gathering(participants="3", volunteers="4"),
     "volunteers: うちボランティア（4人）が参加人数（3人）を超えています"),
    (gathering(participants="-1"), "participants: 参加人数は0以上の整数で入力してください"),
    (gathering(participants="12.5"), "participants: 参加人数は0以上の整数で入力してください"),
    (gathering(participants="12人"), "participants: 参加人数は0以上の整数で入力してください"),
    (gathering(participants=""), "participants: 必須項目が空です"),
    (gathering(participants="100001", volunteers=""), "participants: 参加人数が多すぎます"),
    (gathering(volunteers="－１"), "volunteers: うちボランティアは0以上の整数で入力してください"),
    (gathering(volunteers="一人"), "volunteers: うちボランティアは0以上の整数で入力してください"),
    (gathering(day=TOMORROW), f"held_on: 未来の日付です（{TOMORROW}）"),
    (gathering(kind="サロン"), "kind: 不明なコードです（サロン）"),
]


def test_each_bad_event_line_is_refused_with_its_line_and_nothing_changes(base):
    """Each after a good line, so the refusal must name the right one.
    (One test for all: a PostgreSQL database per case would take minutes.)"""
    for row, expected in BAD_EVENTS:
        errors = refused(base, "events", ledger(EVENT_HEADER, gathering("E0", group_id=""), row))
        assert errors[0].startswith(f"line 3: {expected}"), (expected, errors)
        assert all(e.startswith("line 3: ") for e in errors), (expected, errors)


BAD_GROUPS = [
    (group("G5", reading="第五さろん"),
     "line 2: kana: ふりがなはかなで入力してください（第五さろん）"),
    (group("G5", kind="サロン開催"), "line 2: kind: 不明なコードです（サロン開催）"),
    (group("G5", started=TOMORROW), f"line 2: started_on: 未来の日付です（{TOMORROW}）"),
    (group("G5", started="R7.2.30"), "line 2: started_on: "),
    (group("G5", ended="2025-03-31"), "line 2: ended_on: 終了日は開始日以降の日付にしてください"),
    (group("G5", fy="2024;R7"), "line 2: subsidy_fy: 年度は西暦4桁で入力してください（R7）"),
    (group("G5", fy="令和6年度"),
     "line 2: subsidy_fy: 年度は西暦4桁で入力してください（令和6年度）"),
    (group("G5", branch="99"), "line 2: branch_code: 登録されていない支部コードです（99）"),
]


def test_each_bad_group_line_is_refused_with_its_line_and_nothing_changes(base):
    for row, expected in BAD_GROUPS:
        errors = refused(base, "groups", ledger(GROUP_HEADER, row))
        assert errors[0].startswith(expected), (expected, errors)
        assert all(e.startswith("line 2: ") for e in errors), (expected, errors)


def test_a_group_keeps_the_events_recorded_for_it(base):
    imp(base, "events", ledger(EVENT_HEADER, gathering(day="2025-05-13"),
                               gathering("E2", day="2025-08-12")))
    errors = refused(base, "groups", ledger(GROUP_HEADER, group(started="2025-06-01")))
    assert errors == [
        "line 2: started_on: 記録済みの行事（2025-05-13）より後の開始日にはできません"]
    errors = refused(base, "groups", ledger(GROUP_HEADER, group(ended="2025-08-12")))
    assert errors == ["line 2: ended_on: 終了日は記録済みの行事（2025-08-12）より後の日付に"
                      "してください"]
    # a period that still holds them is fine
    assert imp(base, "groups", ledger(GROUP_HEADER, group(started="2025-05-13",
                                                          ended="2025-08-13"))).updated == 1


def test_a_reimported_event_still_counts_the_attendees_named_on_screen(base):
    imp(base, "volunteers", ledger(VOLUNTEER_HEADER, volunteer("V1")))
    imp(base, "events", ledger(EVENT_HEADER, gathering(participants="12", volunteers="3")))
    with base.session() as s:  # a resident and a volunteer checked off on screen
        event_id = s.scalar(select(Event.id))
        volunteer_id, volunteer_person = s.execute(select(Volunteer.id, Volunteer.person_id)).one()
        resident = Person(branch_id=s.scalar(select(Branch.id).where(Branch.code == "01")),
                          name="見本 花子", kana="みほん はなこ")
        s.add(resident)
        s.flush()
        s.add_all([EventAttendee(event_id=event_id, person_id=resident.id),
                   EventAttendee(event_id=event_id, person_id=volunteer_person,
                                 volunteer_id=volunteer_id)])
        s.commit()
    assert refused(base, "events", ledger(EVENT_HEADER, gathering(participants="1",
                                                                  volunteers="0"))) == [
        "line 2: participants: 参加人数（1人）が名前を選んだ参加者（2人）より少なくなっています"]
    assert refused(base, "events", ledger(EVENT_HEADER, gathering(participants="5",
                                                                  volunteers=""))) == [
        "line 2: volunteers: うちボランティア（0人）が、ボランティアとして選んだ参加者（1人）より"
        "少なくなっています"]
    assert imp(base, "events", ledger(EVENT_HEADER, gathering(participants="2",
                                                              volunteers="1"))).updated == 1


def test_counts_in_full_width_digits_and_empty_volunteers_are_zero(base):
    imp(base, "events", ledger(
        ["行事ID", "支部コード", "開催日", "種別", "名称", "グループID", "参加人数",
         "うちボランティア"],
        ["E1", "01", "令和7年5月13日", "サロン開催", "5月のサロン", "G1", "１２", "０３"],
        ["E2", "01", "R7.6.1", "地域福祉懇談会", "懇談会", "", "４０", ""],
        encoding="cp932"))
    _, events = stored(base, ["01"])
    assert [(e["held"], e["kind"], e["group"], e["participants"], e["volunteers"])
            for _, e in sorted(events.items())] == [
        (dt.date(2025, 5, 13), "salon", "G1", 12, 3),
        (dt.date(2025, 6, 1), "forum", None, 40, 0)]


def test_subsidy_years_are_replaced_on_update(base):
    imp(base, "groups", ledger(GROUP_HEADER, group(fy="2023; ２０２４;2024")))
    assert stored(base, ["01"])[0][("01", "G1")]["years"] == (2023, 2024)
    imp(base, "groups", ledger(GROUP_HEADER, group(fy="2025")))
    assert stored(base, ["01"])[0][("01", "G1")]["years"] == (2025,)
    imp(base, "groups", ledger(GROUP_HEADER, group(fy="")))
    assert stored(base, ["01"])[0][("01", "G1")]["years"] == ()


def test_kinds_and_their_labels_come_from_the_configurable_list(base):
    """A kind added to the list (as an administrator does) imports by its
    code and by its label."""
    with base.session() as s:
        s.add(GroupKind(code="cafe", label="認知症カフェ", sort_order=99,
                        created_by="t", updated_by="t",
                        created_at=dt.datetime(2026, 1, 1), updated_at=dt.datetime(2026, 1, 1)))
        s.commit()
    imp(base, "groups", ledger(GROUP_HEADER, group("C1", kind="認知症カフェ"),
                               group("C2", kind="cafe")))
    groups, _ = stored(base, ["01"])
    assert groups[("01", "C1")]["kind"] == groups[("01", "C2")]["kind"] == "cafe"


def test_imports_are_audited_with_counts_only(base):
    imp(base, "events", ledger(EVENT_HEADER, gathering(title="見本 太郎さんの講座")))
    with base.session() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action == "import")
                         .order_by(AuditLog.id)).all()
    assert [(r.entity, r.detail) for r in rows[-2:]] == [
        ("groups", "created=3 updated=0 branch=01,02"),
        ("events", "created=1 updated=0 branch=01")]
    assert "見本" not in rows[-1].detail


# --- scope: a coordinator imports their own branch only ---------------------------------------

@pytest.mark.parametrize("kind, rows", [
    ("groups", [group("G5"), group("G6", branch="02"), group("G7")]),
    ("events", [gathering("E5"), gathering("E6", branch="02", group_id="G9"), gathering("E7")]),
])
def test_a_coordinators_file_with_another_branchs_line_is_refused(base, kind, rows):
    who = coordinator_of(base, "01")
    header = GROUP_HEADER if kind == "groups" else EVENT_HEADER
    before = snapshot(base)
    with pytest.raises(LedgerError) as info:
        imports.import_file(base, who, kind, ledger(header, *rows))
    assert info.value.errors == ["line 3: branch_code: 自分の支部（01）以外の行は取り込めません"]
    assert snapshot(base) == before
    own = [r for r in rows if r[1] == "01"]
    assert imports.import_file(base, who, kind, ledger(header, *own)).created == 2


def test_city_staff_import_nothing(base):
    from coordinator_app.core.access import SignedIn

    city = SignedIn(0, "city", "テスト 市職員", "city_staff", None, None, None)
    with pytest.raises(ScopeError):
        imports.import_file(base, city, "events", ledger(EVENT_HEADER, gathering()))


# --- the command line ----------------------------------------------------------------------------

def test_the_command_line_imports_groups_and_events(db_url, tmp_path, capsys):
    assert main(["--db", db_url, "init"]) == 0
    files = {"branches": ledger(BRANCH_HEADER, ["01", "平方支部", "", "", ""]),
             "groups": ledger(GROUP_HEADER, group(), encoding="cp932"),
             "events": ledger(EVENT_HEADER, gathering(), gathering("E2", volunteers=""),
                              bom=True)}
    for kind, data in files.items():
        path = tmp_path / f"{kind}.csv"
        path.write_bytes(data)
        assert main(["--db", db_url, "import", kind, str(path)]) == 0
    out = capsys.readouterr().out
    assert "groups: 新規 1 件, 更新 0 件" in out and "events: 新規 2 件, 更新 0 件" in out

    bad = tmp_path / "bad.csv"
    bad.write_bytes(ledger(EVENT_HEADER, gathering("E3", group_id="G8")))
    db = Database.open(db_url)
    before = snapshot(db)
    db.close()
    assert main(["--db", db_url, "import", "events", str(bad)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 2: group_id: " in err
    db = Database.open(db_url)
    assert snapshot(db) == before
    db.close()


def test_the_days_first_import_backs_up_first_once(sqlite_db):
    db = sqlite_db
    imports.import_file(db, None, "branches", ledger(BRANCH_HEADER, ["01", "平方支部", "", "", ""]))
    taken = len(backups.list_backups(db.path))
    imports.import_file(db, None, "groups", ledger(GROUP_HEADER, group()))
    imports.import_file(db, None, "events", ledger(EVENT_HEADER, gathering()))
    assert taken == 1 and len(backups.list_backups(db.path)) == 1
    assert re.search("before-import", backups.list_backups(db.path)[0].path.name)


# --- streaming: a file read a chunk at a time -----------------------------------------------------

def test_events_over_several_chunks_find_their_groups_and_name_a_duplicates_first_line(base):
    """Each chunk looks up the groups its lines name; a duplicate of a line
    in an earlier chunk is named with that line (found again when the file
    is refused)."""
    rows = [gathering(f"E{i}", day=f"2025-05-{i + 1:02d}", group_id=("G1", "G2", "")[i % 3])
            for i in range(9)]
    # the last chunk names no group: line 3's group is looked up again
    data = ledger(EVENT_HEADER, *rows, gathering("E1", day="2025-06-01", group_id=""))
    before = snapshot(base)
    with pytest.raises(LedgerError) as info:
        import_ledger(base, "events", data, today=TODAY, chunk_rows=2)
    assert info.value.errors == ["line 11: external_id: 3行目と重複しています"]
    assert snapshot(base) == before
    result = import_ledger(base, "events", ledger(EVENT_HEADER, *rows), today=TODAY, chunk_rows=2)
    assert (result.created, result.updated) == (9, 0)
    _, events = stored(base, ["01"])
    assert [events[("01", f"E{i}")]["group"] for i in range(9)] == ["G1", "G2", None] * 3
