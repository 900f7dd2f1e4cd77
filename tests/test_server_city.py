"""The city office's figures on the shared server (issue 21): a city
account signed in with its own role, which reads no personal table, sees
every branch's live figures (集計・指標, consolidation, home) — the same
as a count done as the owner — and still takes tally files from branches
that stay on SQLite."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from coordinator_app.core import codes, counting
from coordinator_app.core.access import Role
from coordinator_app.core.dates import month_last_day
from coordinator_app.core.models import Branch, Category
from coordinator_app.interchange import tally_file
from coordinator_app.services import (
    accounts,
    consolidation,
    consultations,
    home,
    indicators,
    server,
    tallies,
    volunteers,
    watch,
)
from coordinator_app.services import gatherings as gatherings_svc
from coordinator_app.services.consultations import ConsultationDraft
from coordinator_app.storage.database import Database
from tests.conftest import TODAY
from tests.server_pg import (
    connect_as,
    drop_database,
    fresh_database,
    needs_pg,
    skip_without_createrole,
    unique_login,
)

pytestmark = needs_pg

PASSWORD = "city-pw-1"
LIVE = ("01", "02", "03")
BY_FILE = "04"
FY = 2026
FIRST = dt.date(2026, 2, 1)  # some records fall in the year before


@pytest.fixture(scope="module")
def city():
    """server init on a fresh database with branches 01–04, a city account
    and a coordinator of each of 01–03 (each a role of its own)."""
    skip_without_createrole()
    url = fresh_database()
    logins = {"admin": unique_login("it"), "city": unique_login("city"),
              **{b: unique_login(f"c{b}") for b in LIVE}}
    try:
        owner = Database.open(url, create=True)
        with owner.session() as s:
            for code in (*LIVE, BY_FILE):
                s.add(Branch(code=code, name=f"テスト{code}支部"))
        owner.close()
        server.init(url, admin=(logins["admin"], "情報担当", PASSWORD))
        owner = Database.open(url)
        accounts.create_account(owner, logins["city"], "市社協", Role.CITY_STAFF, PASSWORD)
        for b in LIVE:
            accounts.create_account(owner, logins[b], f"支部{b}", Role.COORDINATOR, PASSWORD, b)
        with owner.session() as s:
            categories = list(s.scalars(select(Category.code)))
        dbs = {who: server.open_as_account(url, logins[who], PASSWORD)
               for who in ("city", *LIVE)}
        users = {who: accounts.authenticate(dbs[who], logins[who], PASSWORD) for who in dbs}
        yield {"url": url, "logins": logins, "owner": owner, "dbs": dbs, "users": users,
               "categories": categories, "saved_in": set()}
        for db in (owner, *dbs.values()):
            db.close()
    finally:
        drop_database(url, list(logins.values()))


days = st.dates(FIRST, TODAY)
consultation = st.fixed_dictionaries({
    "branch": st.sampled_from(LIVE), "day": days,
    "kind": st.sampled_from(sorted(codes.KIND)), "channel": st.sampled_from(sorted(codes.CHANNEL)),
    "from_whom": st.sampled_from(sorted(codes.FROM_WHOM)),
    "response": st.sampled_from(sorted(codes.RESPONSE)),
    "categories": st.lists(st.integers(0, 30), min_size=1, max_size=3, unique=True),
    "deleted": st.booleans(), "follow_up": st.none() | st.integers(0, 90)})
watched = st.fixed_dictionaries({
    "branch": st.sampled_from(LIVE), "enrolled": days,
    "contacts": st.lists(st.tuples(st.integers(0, 300), st.sampled_from(["ok", "absent"])),
                         max_size=3),
    "ended_after": st.none() | st.integers(0, 200)})
helper = st.fixed_dictionaries({
    "branch": st.sampled_from(LIVE), "registered": days,
    "roles": st.lists(st.sampled_from(sorted(codes.DEFAULT_ROLES)), min_size=1, max_size=2,
                      unique=True),
    "insurance_fy": st.sampled_from([None, FY - 1, FY]),
    "withdrawn_after": st.none() | st.integers(1, 200), "active_after": st.integers(0, 60)})
gathering = st.fixed_dictionaries({
    "branch": st.sampled_from(LIVE), "day": days,
    "kind": st.sampled_from(sorted(codes.DEFAULT_EVENT_KINDS)),
    "participants": st.integers(0, 40), "volunteers": st.integers(0, 5),
    "group_kind": st.none() | st.sampled_from(sorted(codes.DEFAULT_GROUP_KINDS))})


def _save_as_coordinators(c, items, users_to_watch, helpers=(), gatherings=()) -> None:
    """What the coordinators type, each signed in with their own role."""
    # (a branch is live once a save committed: each save is one transaction)
    for n, item in enumerate(helpers):
        db, user = c["dbs"][item["branch"]], c["users"][item["branch"]]
        vid = volunteers.register_volunteer(db, user, volunteers.VolunteerInput(
            new_person={"name": f"協力 {n}", "kana": "きょうりょく"}, roles=item["roles"],
            registered_on=item["registered"], insurance_fy=item["insurance_fy"]))
        c["saved_in"].add(item["branch"])
        day = item["registered"] + dt.timedelta(days=item["active_after"])
        left = (None if item["withdrawn_after"] is None
                else item["registered"] + dt.timedelta(days=item["withdrawn_after"]))
        if day <= TODAY and (left is None or day < left):
            volunteers.record_activity(db, user, day, "清掃", min(volunteers.ACTIVITY_KIND),
                                       [(vid, None)])
        if left is not None and left <= TODAY:
            volunteers.withdraw_volunteer(db, user, vid, left, "転居")
    for n, item in enumerate(gatherings):
        db, user = c["dbs"][item["branch"]], c["users"][item["branch"]]
        group_id = None
        if item["group_kind"] is not None:
            group_id = gatherings_svc.save_group(db, user, gatherings_svc.GroupInput(
                name=f"サロン{n}", kana="さろん", kind=item["group_kind"],
                started_on=item["day"]))
        gatherings_svc.save_event(db, user, gatherings_svc.EventInput(
            held_on=item["day"], kind=item["kind"], title="集い", group_id=group_id,
            participants=item["participants"],
            volunteers=min(item["volunteers"], item["participants"])))
        c["saved_in"].add(item["branch"])
    for item in items:
        db, user = c["dbs"][item["branch"]], c["users"][item["branch"]]
        cats = sorted({c["categories"][i % len(c["categories"])] for i in item["categories"]})
        cid = consultations.create_consultation(db, user, ConsultationDraft(
            received_on=item["day"], kind=item["kind"], channel=item["channel"],
            from_whom=item["from_whom"], categories=cats, response=item["response"],
            urgent_note="対応済み", summary="テスト",
            follow_up_on=None if item["follow_up"] is None
            else item["day"] + dt.timedelta(days=item["follow_up"])))
        c["saved_in"].add(item["branch"])
        if item["deleted"]:
            consultations.delete_consultation(db, user, cid)
    for n, item in enumerate(users_to_watch):
        db, user = c["dbs"][item["branch"]], c["users"][item["branch"]]
        wid = watch.enrol_user(db, user, watch.EnrolmentForm(
            new_name=f"見守 {n}", new_kana="みまもり", methods=["phone"],
            enrolled_on=item["enrolled"]))
        c["saved_in"].add(item["branch"])
        last = item["enrolled"]
        for offset, result in item["contacts"]:
            day = min(item["enrolled"] + dt.timedelta(days=offset), TODAY)
            last = max(last, day)
            watch.record_contact(db, user, wid, contacted_on=day, method="phone", result=result,
                                 by_staff=True)
        if item["ended_after"] is not None:
            ended = max(last, min(item["enrolled"] + dt.timedelta(days=item["ended_after"]),
                                  TODAY))
            watch.end_enrolment(db, user, wid, ended, "moved")


def _brute_force(c) -> dict[tuple[str, str, str, str, str], int]:
    """Some measures counted record by record as the owner (plain SQL)."""
    out: dict = {}
    with c["owner"].session() as s:
        for code, month, in s.execute(text(
                "SELECT b.code, r.month FROM consultation r JOIN branch b ON b.id = r.branch_id"
                " WHERE r.deleted_at IS NULL")):
            key = (code, counting.month_text(month), "consultations", "total", "")
            out[key] = out.get(key, 0) + 1
        for code, month, cat in s.execute(text(
                "SELECT b.code, c.month, c.category_code FROM consultation_category c"
                " JOIN consultation r ON r.id = c.consultation_id JOIN branch b"
                " ON b.id = c.branch_id WHERE r.deleted_at IS NULL")):
            key = (code, counting.month_text(month), "consultations", "category", cat)
            out[key] = out.get(key, 0) + 1
        users = s.execute(text("SELECT w.id, b.code, w.enrolled_on, w.ended_on FROM watch_user w"
                               " JOIN branch b ON b.id = w.branch_id")).all()
        contacted = set(s.execute(text("SELECT watch_user_id, month FROM watch_contact")).all())
        helpers = s.execute(text("SELECT b.code, v.registered_on, v.withdrawn_on FROM volunteer v"
                                 " JOIN branch b ON b.id = v.branch_id")).all()
        for code, month, people in s.execute(text(
                "SELECT b.code, e.month, e.participants FROM event e"
                " JOIN branch b ON b.id = e.branch_id")):
            for measure, n in (("events_held", 1), ("event_participants", people)):
                key = (code, counting.month_text(month), measure, "total", "")
                out[key] = out.get(key, 0) + n
    for month in counting.fiscal_month_keys(FY):
        last = month_last_day(month // 100, month % 100)
        for wid, code, on, off in users:
            if on <= last and (off is None or off > last):
                for measure in ("watch_users_active",) + (
                        ("watch_users_unreached",) if (wid, month) not in contacted else ()):
                    key = (code, counting.month_text(month), measure, "total", "")
                    out[key] = out.get(key, 0) + 1
        for code, on, off in helpers:
            if on <= last and (off is None or off > last):
                key = (code, counting.month_text(month), "volunteers_active", "total", "")
                out[key] = out.get(key, 0) + 1
    return out


def _tally_file(tmp_path) -> tuple:
    """Branch 04's tally file (it keeps its records on SQLite)."""
    rows = [counting.TallyRow(FY, counting.month_text(m), BY_FILE, measure, "total", "",
                              (m % 7) + len(measure) % 3)
            for m in counting.fiscal_month_keys(FY)[:7] for measure in codes.MEASURES]
    path = tmp_path / "tally_04_2026.csv"
    tally_file.write_csv(rows, path)
    return path, rows


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(consultation, min_size=1, max_size=8), users=st.lists(watched, max_size=4),
       helpers=st.lists(helper, max_size=4), events=st.lists(gathering, max_size=3))
def test_city_account_sees_every_branchs_live_figures(city, tmp_path_factory, items, users,
                                                      helpers, events):
    c = city
    _save_as_coordinators(c, items, users, helpers, events)
    db, staff = c["dbs"]["city"], c["users"]["city"]
    with c["owner"].session() as s:
        expected = counting.compute(s, FY, LIVE)

    # 集計: every branch's live figures, equal to the owner's count
    view = tallies.tally_view(db, staff, FY)
    mine = [r for r in view.rows if r.branch_code in LIVE]
    assert mine == expected
    brute = _brute_force(c)
    got = {(r.branch_code, r.month, r.measure, r.breakdown, r.key): r.count for r in view.rows}
    for key, n in brute.items():
        if key[1] >= "2026-04":
            assert got.get(key, 0) == n, key
    for key, n in got.items():
        if key[2:4] == ("consultations", "total") or key[3] == "category":
            assert n == brute.get(key, 0), key

    # a tally file from the branch on SQLite is still taken; coverage says which is which
    path, file_rows = _tally_file(tmp_path_factory.mktemp("tally"))
    consolidation.receive_files(db, staff, [path])
    with c["owner"].session() as s:
        assert consolidation.live_branches(s) == c["saved_in"]
    matrix = consolidation.matrix(db, staff, FY)
    assert matrix.sources == {**{b: "live" if b in c["saved_in"] else "file" for b in LIVE},
                              BY_FILE: "file"}
    rows = consolidation.consolidated_rows(db, staff, FY)
    assert [r for r in rows if r.branch_code in c["saved_in"]] == [
        r for r in expected if r.branch_code in c["saved_in"]]
    assert {r for r in rows if r.branch_code == BY_FILE} == set(file_rows)

    # 指標: the same actuals as the owner's, from the records and from the consolidation
    for source in ("local", "consolidated"):
        as_city = indicators.evaluate(db, staff, FY, source=source)
        as_owner = indicators.evaluate(c["owner"], staff, FY, source=source)
        assert as_city and as_city == as_owner

    # ホーム: the sum over every branch, as the owner counts it
    assert home.home_figures(db, staff) == home.home_figures(c["owner"], staff)
    # (read through the figures views: the owner's connection reads the tables)
    with db.session() as s, c["owner"].session() as owner:
        assert counting.figures_only(s) and not counting.figures_only(owner)


def test_the_city_role_still_reads_no_personal_table(city):
    from tests.test_server_access import PERSONAL

    with connect_as(city["url"], city["logins"]["city"], PASSWORD) as conn:
        for table in sorted(PERSONAL | {"tally_consultation", "tally_watch_pair"}):
            with pytest.raises(Exception, match="permission denied"):
                conn.execute(f"SELECT 1 FROM {table} LIMIT 1")
            conn.rollback()
