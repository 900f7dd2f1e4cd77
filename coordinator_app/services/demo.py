"""Demo data: Ageo's 13 branches (public information, seed 001) and a year
of obviously fictional residents and records (surnames such as 見本, 試験,
仮野; phone numbers in the unused 048-000 range).

The records go in through the ledger importer, so the demo exercises the
same path a branch's spreadsheets take. Deterministic for a given seed
and day. The groups and events (issue 16) are added directly
(``_demo_gatherings``): their ledgers do not carry leaders and regulars,
and a few thousand rows in one transaction keep the first start fast.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections import defaultdict
from importlib import resources

from sqlalchemy import insert, select

from coordinator_app.core import clock
from coordinator_app.core.dates import (
    fiscal_months,
    fiscal_year_of,
    fiscal_year_range,
    month_first_day,
    month_key,
)
from coordinator_app.core.kana import fold
from coordinator_app.core.models import (
    Activity,
    ActivityGroup,
    ActivityParticipant,
    Area,
    Branch,
    Consultation,
    Event,
    GroupLeader,
    GroupMember,
    GroupSubsidy,
    Volunteer,
    VolunteerArea,
    VolunteerAvailability,
    VolunteerRole,
    WatchAssignment,
    WatchUser,
)
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.services import accounts
from coordinator_app.services.volunteers import SLOTS, WEEKDAY_CODES, sorted_cells
from coordinator_app.storage.database import Database

SURNAMES = [("見本", "みほん"), ("試験", "しけん"), ("仮野", "かりの"), ("架空", "かくう"),
            ("例田", "れいだ"), ("模擬", "もぎ"), ("手本", "てほん"), ("雛形", "ひながた"),
            ("試作", "しさく"), ("演習", "えんしゅう")]
GIVEN = [("太郎", "たろう"), ("花子", "はなこ"), ("一郎", "いちろう"), ("春子", "はるこ"),
         ("次郎", "じろう"), ("秋子", "あきこ"), ("三郎", "さぶろう"), ("冬美", "ふゆみ"),
         ("健", "けん"), ("和子", "かずこ"), ("誠", "まこと"), ("幸子", "さちこ"),
         ("清", "きよし"), ("節子", "せつこ")]
GROUPS = [("見本町サロンの会", "みほんちょうさろんのかい"), ("試験送迎クラブ", "しけんそうげいくらぶ")]

SUMMARIES = ["買い物の手段について相談。", "介護保険の申請方法を案内。", "近所付き合いの悩みを傾聴。",
             "通院の付き添いについて問い合わせ。", "サロンの日程の問い合わせ。", "ゴミ出しが難しくなったとの話。"]
REFERRALS = ["地域包括支援センター", "市役所 高齢介護課", "民生委員", "市社協"]


def ageo_branches() -> list[dict]:
    """The 13 branches of 上尾市社会福祉協議会 with codes 01..13."""
    text = resources.files("coordinator_app.resources").joinpath("data/ageo-branches.csv") \
        .read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    return [dict(code=f"{i:02d}", **row) for i, row in enumerate(rows, start=1)]


def _csv(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def load_sample(db: Database, today: dt.date | None = None, seed: int = 7,
                with_accounts: bool = True) -> dict[str, int]:
    """Load the demo into an empty database. Returns counts per kind."""
    today = today or clock.today()
    rng = random.Random(seed)
    start = today - dt.timedelta(days=365)
    branches = ageo_branches()
    counts = {}
    counts["branches"] = import_ledger(db, "branches", _csv(
        ["code", "name", "base_name", "address", "phone"],
        [[b["code"], b["name"], b["base_name"], b["address"], b["phone"]] for b in branches]),
        today).created

    def person(i: int) -> tuple[str, str]:
        s, sk = SURNAMES[i % len(SURNAMES)]
        g, gk = GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
        return f"{s} {g}", f"{sk} {gk}"

    def day_between(a: dt.date, b: dt.date) -> dt.date:
        return a + dt.timedelta(days=rng.randint(0, max(0, (b - a).days)))

    vols, users, contacts, cons = [], [], [], []
    serial = 0
    for b in branches:
        stem = b["name"].removesuffix("支部")
        areas = [f"{stem}第{n}自治会" for n in range(1, 4)]
        vol_ids = []
        for v in range(12):
            serial += 1
            name, kana = person(serial)
            registered = day_between(start - dt.timedelta(days=900), today - dt.timedelta(days=20))
            withdrawn = day_between(registered, today) if v == 11 else None
            roles = ["watch"] if v < 6 else rng.sample(["salon", "driver", "guide", "mutual_help",
                                                        "disaster", "general"], 2)
            ext = f"V{b['code']}-{v + 1:03d}"
            vol_ids.append((ext, roles, withdrawn))
            vols.append([ext, b["code"], name, kana, "individual", ";".join(roles),
                         f"048-000-{serial:04d}", f"上尾市見本町{serial}-1", rng.choice(areas),
                         registered.isoformat(), withdrawn.isoformat() if withdrawn else "",
                         rng.choice(["料理", "運転", "傾聴", "パソコン", ""]),
                         str(today.year - (1 if today.month < 4 else 0) - (1 if v % 4 == 0 else 0))])
        for g, (gname, gkana) in enumerate(GROUPS):
            ext = f"G{b['code']}-{g + 1:02d}"
            vols.append([ext, b["code"], f"{stem}{gname}", f"{gkana}", "group",
                         "salon" if g == 0 else "driver", "", "", rng.choice(areas),
                         (start - dt.timedelta(days=400)).isoformat(), "", "", ""])
        watchers = [v for v in vol_ids if "watch" in v[1] and v[2] is None]
        for u in range(16):
            serial += 1
            name, kana = person(serial)
            enrolled = day_between(start - dt.timedelta(days=700), today - dt.timedelta(days=10))
            ended = reason = None
            if u == 15:
                ended = day_between(max(enrolled, start), today)
                reason = rng.choice(["facility", "moved", "request"])
            ext = f"W{b['code']}-{u + 1:03d}"
            users.append([ext, b["code"], name, kana,
                          dt.date(1935 + u, 1 + u % 12, 1 + u).isoformat(),
                          f"048-000-{serial:04d}", f"上尾市見本町{serial}-2", rng.choice(areas),
                          enrolled.isoformat(), ended.isoformat() if ended else "", reason or ""])
            # About one contact a month, by a cooperator pair or by staff;
            # some users are not yet reached this month.
            d = max(enrolled, start)
            last = ended or today
            while d <= last:
                by = "staff" if not watchers or rng.random() < 0.3 else ";".join(
                    v[0] for v in rng.sample(watchers, min(2, len(watchers))))
                result = rng.choices(["ok", "absent", "concern"], [0.85, 0.12, 0.03])[0]
                contacts.append([ext, b["code"], d.isoformat(),
                                 rng.choice(["visit", "phone", "outside"]), by, result,
                                 "様子を確認" if result != "ok" else ""])
                d += dt.timedelta(days=rng.randint(24, 40))
        for c in range(230):
            received = day_between(start, today)
            response = rng.choices(["listened", "referred", "urgent"], [0.6, 0.35, 0.05])[0]
            named = rng.random() < 0.6
            name, kana = person(rng.randint(1, serial)) if named else ("", "")
            cons.append([f"C{b['code']}-{c + 1:04d}", b["code"], received.isoformat(),
                         rng.choice(["consultation", "contact", "contact"]),
                         rng.choice(["visit", "phone", "phone", "outreach", "other"]),
                         rng.choice(["self", "family", "neighbor", "community", "agency"]),
                         ";".join(rng.sample(["life", "money", "care", "health", "housing",
                                              "mobility", "volunteer"], rng.randint(1, 2))),
                         response, rng.choice(REFERRALS) if response == "referred" else "",
                         name, kana, rng.choice(SUMMARIES)])
    counts["volunteers"] = import_ledger(db, "volunteers", _csv(
        ["external_id", "branch_code", "name", "kana", "kind", "roles", "phone", "address",
         "area", "registered_on", "withdrawn_on", "skills", "insurance_fy"], vols), today).created
    counts["watch-users"] = import_ledger(db, "watch-users", _csv(
        ["external_id", "branch_code", "name", "kana", "birth_date", "phone", "address", "area",
         "enrolled_on", "ended_on", "end_reason"], users), today).created
    counts["watch-contacts"] = import_ledger(db, "watch-contacts", _csv(
        ["watch_user_id", "branch_code", "contacted_on", "method", "by", "result", "note"],
        contacts), today).created
    counts["consultations"] = import_ledger(db, "consultations", _csv(
        ["external_id", "branch_code", "received_on", "kind", "channel", "from_whom",
         "categories", "response", "referred_to", "person_name", "person_kana", "summary"],
        cons), today).created
    _extras(db, rng, today, start)
    _demo_matching(db, seed)  # volunteers' days/times and covered areas (own random stream)
    counts.update(_demo_gatherings(db, today, seed))  # groups and events (own random stream)
    if with_accounts:
        for login, password, name, role, branch in accounts.DEMO_ACCOUNTS:
            accounts.create_account(db, login, name, role, password, branch, is_demo=True)
    return counts


def _extras(db: Database, rng: random.Random, today: dt.date, start: dt.date) -> None:
    """What ledgers do not carry: cooperator pairs, follow-ups, the
    activity log, a few users who agreed to mailings."""
    with db.session() as s:
        branch_ids = s.scalars(select(Branch.id)).all()
        for b in branch_ids:
            coop = s.scalars(select(Volunteer.id)
                             .join(VolunteerRole, VolunteerRole.volunteer_id == Volunteer.id)
                             .where(Volunteer.branch_id == b, Volunteer.withdrawn_on.is_(None),
                                    VolunteerRole.role_code == "watch")
                             .order_by(Volunteer.id)).all()
            users = s.scalars(select(WatchUser.id).where(WatchUser.branch_id == b)
                              .order_by(WatchUser.id)).all()
            # The last three (the last one ended) have no pair yet: two active
            # users are flagged as unassigned.
            for i, uid in enumerate(users[:-3]):
                pair = coop[(2 * i) % len(coop): (2 * i) % len(coop) + 2] if coop else []
                for vid in pair:
                    s.add(WatchAssignment(watch_user_id=uid, volunteer_id=vid))
            for c in s.scalars(select(Consultation).where(Consultation.branch_id == b)
                               .order_by(Consultation.received_on.desc()).limit(6)).all():
                c.follow_up_on = c.received_on + dt.timedelta(days=rng.randint(3, 14))
            vols = s.scalars(select(Volunteer.id).where(Volunteer.branch_id == b)).all()
            for n in range(12):
                held = start + dt.timedelta(days=30 * n + rng.randint(0, 20))
                if held > today:
                    continue
                act = Activity(branch_id=b, held_on=held, month=month_key(held),
                               title=rng.choice(["ふれあいサロン", "外出支援", "地域清掃", "見守り訪問"]),
                               kind="salon")
                db.stamp(act, created=True)
                s.add(act)
                s.flush()
                for vid in rng.sample(vols, min(len(vols), rng.randint(3, 8))):
                    s.add(ActivityParticipant(activity_id=act.id, volunteer_id=vid,
                                              hours=rng.choice([1.0, 2.0, 3.0])))
        # Every third person agreed to mailings (宛名ラベル); no rng, so the
        # rest of the demo stays as it was. 362-0000 is Ageo's generic code.
        from coordinator_app.core.models import Person

        for i, p in enumerate(s.scalars(select(Person).order_by(Person.id)).all()):
            if i % 3 == 0 and p.address:
                p.mail_ok, p.postal_code = True, "362-0000"


def _demo_matching(db: Database, seed: int = 7) -> None:
    """Give the demo's volunteers days, times and covered areas (the ledger
    files do not carry them). Its own random stream, so the rest of the
    demo stays as it was."""
    rng = random.Random(seed * 1009 + 6)
    with db.session() as s:
        areas: dict[int, list[int]] = {}
        names: dict[int, str] = {}
        for area_id, branch_id, name in s.execute(
                select(Area.id, Area.branch_id, Area.name).order_by(Area.id)):
            areas.setdefault(branch_id, []).append(area_id)
            names[area_id] = name
        for v in s.scalars(select(Volunteer).order_by(Volunteer.id)).all():
            cells = {(rng.randint(0, 6), rng.choice(list(SLOTS))) for _ in range(rng.randint(1, 4))}
            own = areas.get(v.branch_id, [])
            covered = rng.sample(own, min(len(own), rng.randint(0, 2)))
            v.availability = ";".join(f"{WEEKDAY_CODES[w]}-{slot}"
                                      for w, slot in sorted_cells(cells))
            v.covered_areas = ";".join(names[a] for a in covered)
            s.add_all([VolunteerAvailability(volunteer_id=v.id, weekday=w, slot=slot)
                       for w, slot in sorted_cells(cells)])
            s.add_all([VolunteerArea(volunteer_id=v.id, area_id=a) for a in covered])


# (name stem, kana stem, kind, weekday, weeks of the month or None = every
# week, pattern in words). A branch gets the first three; every third
# branch also runs a 子ども食堂.
DEMO_GROUPS = [
    ("ふれあいサロン", "ふれあいさろん", "salon", 1, None, "毎週火曜 午後"),
    ("いきいきサロン", "いきいきさろん", "salon", 3, (2, 4), "第2・第4木曜 午前"),
    ("集いの場 ひだまり", "つどいのば ひだまり", "gathering", 2, (1, 3), "第1・第3水曜 午後"),
    ("みんなの子ども食堂", "みんなのこどもしょくどう", "children", 5, (2,), "第2土曜 昼"),
]
COURSES = ["認知症サポーター養成講座", "傾聴ボランティア講座", "介護予防体操教室", "防災講座",
           "スマホ教室", "終活セミナー", "福祉体験講座", "救命講習", "見守り協力員研修",
           "栄養と食事の講座", "サロン運営者研修", "福祉マップづくり講座"]


def _meeting_days(start: dt.date, end: dt.date, weekday: int, weeks) -> list[dt.date]:
    """The days from ``start`` to ``end`` on ``weekday`` (Monday 0), every
    week or only in the given weeks of the month (第2・第4…)."""
    day = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
    days = []
    while day <= end:
        if weeks is None or (day.day - 1) // 7 + 1 in weeks:
            days.append(day)
        day += dt.timedelta(days=7)
    return days


def _demo_gatherings(db: Database, today: dt.date, seed: int = 7) -> dict[str, int]:
    """Salons and 集いの場 with leaders (demo volunteers), regulars and
    subsidies; their meetings, a course a month and one 地域福祉懇談会 per
    branch, from the start of the current fiscal year to ``today``. One
    group ends mid-year in a few branches; in every fourth branch a salon
    stopped meeting about ten weeks ago without being ended, so that Home
    shows a quiet group. Its own random stream."""
    rng = random.Random(seed * 1013 + 16)
    fy = fiscal_year_of(today)
    fy_start = fiscal_year_range(fy)[0]
    groups_n = 0
    events: list[dict] = []  # inserted at the end in one statement (fast first start)

    def event(branch_id: int, code: str, day: dt.date, **values) -> None:
        events.append(dict(branch_id=branch_id, external_id=f"E{code}-{len(events) + 1:05d}",
                           held_on=day, month=month_key(day), **stamp, **values))

    stamp_of = Event(branch_id=0, held_on=today, month=0, kind="", title="")
    db.stamp(stamp_of, created=True)
    stamp = {k: getattr(stamp_of, k) for k in ("created_at", "created_by",
                                                 "updated_at", "updated_by")}
    with db.session() as s:
        branches = s.execute(select(Branch.id, Branch.code, Branch.name)
                             .order_by(Branch.code)).all()
        # Read everything first: a query between the inserts would flush them one by one.
        areas_of, volunteers_of, residents_of = (defaultdict(list) for _ in range(3))
        for area_id, branch_id in s.execute(select(Area.id, Area.branch_id).order_by(Area.id)):
            areas_of[branch_id].append(area_id)
        for v in s.execute(select(Volunteer.id, Volunteer.person_id, Volunteer.kind,
                                  Volunteer.branch_id)
                           .where(Volunteer.withdrawn_on.is_(None)).order_by(Volunteer.id)):
            volunteers_of[v.branch_id].append(v)
        for person_id, branch_id in s.execute(select(WatchUser.person_id, WatchUser.branch_id)
                                              .order_by(WatchUser.id)):
            residents_of[branch_id].append(person_id)
        for index, (branch_id, code, branch_name) in enumerate(branches):
            stem = branch_name.removesuffix("支部")
            areas, residents = areas_of[branch_id], residents_of[branch_id]
            individuals = [v for v in volunteers_of[branch_id] if v.kind == "individual"]
            salon_club = next((v for v in volunteers_of[branch_id] if v.kind == "group"), None)
            kinds = DEMO_GROUPS[:4] if index % 3 == 0 else DEMO_GROUPS[:3]
            for g, (name, kana, kind, weekday, weeks, pattern) in enumerate(kinds):
                started = fy_start - dt.timedelta(days=rng.randint(200, 2000))
                if g == 3:  # the 子ども食堂 began this year
                    started = min(today, fy_start + dt.timedelta(days=rng.randint(20, 90)))
                ended = reason = None
                if g == 2 and index % 5 == 1 and today - fy_start > dt.timedelta(days=60):
                    ended = fy_start + dt.timedelta(days=rng.randint(30, (today - fy_start).days))
                    reason = rng.choice(["担い手の高齢化のため", "会場の閉鎖のため"])
                group = ActivityGroup(
                    branch_id=branch_id, external_id=f"GR{code}-{g + 1:02d}",
                    name=name, kana=kana, kana_key=fold(kana), kind=kind,
                    area_id=areas[g % len(areas)] if areas else None,
                    started_on=started, started_month=month_key(started), ended_on=ended,
                    ended_month=month_key(ended) if ended else None, end_reason=reason or "",
                    pattern=pattern, venue=f"{stem}第{g % 3 + 1}自治会館")
                db.stamp(group, created=True)
                s.add(group)
                s.flush()
                groups_n += 1
                leaders = rng.sample(individuals, min(2, len(individuals)))
                for n, v in enumerate(leaders):
                    s.add(GroupLeader(group_id=group.id, volunteer_id=v.id, contact=n == 0))
                if g == 0 and salon_club is not None:  # the volunteer group runs it too
                    s.add(GroupLeader(group_id=group.id, volunteer_id=salon_club.id))
                regulars = rng.sample(residents, min(len(residents), rng.randint(6, 12)))
                s.add_all([GroupMember(group_id=group.id, person_id=p) for p in regulars])
                s.add_all([GroupMember(group_id=group.id, person_id=v.person_id,
                                       volunteer_id=v.id) for v in leaders])
                if kind == "salon":
                    s.add_all([GroupSubsidy(group_id=group.id, fiscal_year=y)
                               for y in (fy - 1, fy)])  # salons began before this year
                # active while ended_on is after the day: the last meeting is before it
                last = ended - dt.timedelta(days=1) if ended else today
                if g == 1 and index % 4 == 0:  # stopped quietly about ten weeks ago
                    last = today - dt.timedelta(days=70)
                for day in _meeting_days(max(started, fy_start), last, weekday, weeks):
                    if rng.random() < 0.06:  # a holiday or bad weather
                        continue
                    people = rng.randint(8, 25)
                    event(branch_id, code, day, kind="salon", title=group.name,
                          group_id=group.id, area_id=group.area_id, participants=people,
                          volunteers=min(people, rng.randint(2, 5)), note="")
            for y, m in fiscal_months(fy):
                day = month_first_day(y, m) + dt.timedelta(days=rng.randint(5, 24))
                if day > today:
                    break
                people = rng.randint(10, 30)
                event(branch_id, code, day, kind="course", title=rng.choice(COURSES),
                      group_id=None, area_id=None, participants=people,
                      volunteers=rng.randint(0, 3), note="")
            forum_day = min(today, fy_start + dt.timedelta(days=rng.randint(60, 150)))
            people = rng.randint(30, 60)
            event(branch_id, code, forum_day, kind="forum", title=f"{stem}地域福祉懇談会",
                  group_id=None, area_id=None, participants=people,
                  volunteers=rng.randint(5, 12), note="自治会長・民生委員・ボランティアが参加")
        s.execute(insert(Event), events)
    return {"groups": groups_n, "events": len(events)}
