"""Generated records for the tally, consolidation and indicator tests
(not collected: no ``test_`` prefix).

``generate(db, ...)`` writes branches and random records between two
dates straight into the tables, with the edge days every rule must get
right (2024-02-29, 3月31日 and 4月1日, soft-deleted consultations), and
returns a plain ``Generated`` copy so tests can count by the contract's
definitions in Python, independently of ``tallies.compute``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from coordinator_app.core import clock
from coordinator_app.core.dates import fiscal_year_range, month_key
from coordinator_app.core.indicator_rules import DEFAULT_PLAN_YEARS
from coordinator_app.core.models import (
    Activity,
    ActivityParticipant,
    Branch,
    Consultation,
    ConsultationCategory,
    Person,
    Volunteer,
    VolunteerRole,
    WatchContact,
    WatchUser,
)

EDGE_DAYS = [dt.date(2024, 2, 29), dt.date(2024, 3, 31), dt.date(2024, 4, 1),
             dt.date(2023, 3, 31), dt.date(2023, 4, 1), dt.date(2025, 3, 31)]


ORDER = (Person, Consultation, ConsultationCategory, WatchUser, WatchContact, Volunteer,
         VolunteerRole, Activity, ActivityParticipant)


@dataclass
class Generated:
    consultations: list[tuple[str, dt.date, str, bool]] = field(default_factory=list)  # branch, day, kind, deleted
    contacts: list[tuple[str, dt.date]] = field(default_factory=list)
    users: list[tuple[str, dt.date, dt.date | None]] = field(default_factory=list)
    volunteers: list[tuple[str, dt.date, dt.date | None, tuple[str, ...]]] = field(default_factory=list)
    participations: list[tuple[str, dt.date]] = field(default_factory=list)

    # --- the contract's definitions, counted in Python ---------------------------
    @staticmethod
    def _in(day: dt.date, fy: int) -> bool:
        a, b = fiscal_year_range(fy)
        return a <= day <= b

    @staticmethod
    def _active(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
        return start <= day and (end is None or end > day)

    def expected(self, code: str, fy: int, branches: set[str] | None = None,
                 plan_first: int = DEFAULT_PLAN_YEARS[0]) -> int | None:
        ok = (lambda b: True) if branches is None else (lambda b: b in branches)
        march = fiscal_year_range(fy)[1]
        if code == "consultations_all":
            return sum(1 for b, d, k, x in self.consultations if ok(b) and not x and self._in(d, fy))
        if code == "consultations_proper":
            return sum(1 for b, d, k, x in self.consultations
                       if ok(b) and not x and k == "consultation" and self._in(d, fy))
        if code == "watch_contacts":
            return sum(1 for b, d in self.contacts if ok(b) and self._in(d, fy))
        if code == "watch_users":
            return sum(1 for b, s, e in self.users if ok(b) and self._active(s, e, march))
        if code == "watch_cooperators":
            return sum(1 for b, s, e, r in self.volunteers
                       if ok(b) and "watch" in r and self._active(s, e, march))
        if code == "volunteers":
            return sum(1 for b, s, e, r in self.volunteers if ok(b) and self._active(s, e, march))
        if code == "volunteer_participations":
            return sum(1 for b, d in self.participations if ok(b) and self._in(d, fy))
        if code in ("groups", "forum_participants", "course_participants", "events"):
            # generate() makes no groups or events (test_indicators_gatherings does);
            # a cumulative has no actual before the plan's first year.
            if code == "course_participants" and fy < plan_first:
                return None
            return 0
        raise KeyError(code)


def generate(db, branch_codes=("01", "02", "03"), start=dt.date(2023, 3, 1),
             end=dt.date(2025, 4, 30), per_branch: int = 60, seed: int = 11) -> Generated:
    rng = random.Random(seed)
    out = Generated()
    span = (end - start).days

    def day() -> dt.date:
        if rng.random() < 0.15:
            return rng.choice(EDGE_DAYS)
        return start + dt.timedelta(days=rng.randint(0, span))

    ids = {}

    def next_id(table: str) -> int:
        # Explicit keys (an empty database): inserts go in batches, no flush each.
        ids[table] = ids.get(table, 0) + 1
        return ids[table]

    pending: dict[type, list] = {}

    def put(obj) -> None:
        pending.setdefault(type(obj), []).append(obj)

    with db.session() as s:
        for code in branch_codes:
            branch = Branch(code=code, name=f"テスト{code}支部")
            s.add(branch)
            s.flush()
            bid = branch.id

            def person(n: int) -> int:
                p = Person(id=next_id("person"), branch_id=bid, name=f"試験 {code}-{n}",
                           kana="しけん")
                put(p)
                return p.id

            for i in range(per_branch):
                d = day() if i else dt.date(2024, 2, 29)
                kind = rng.choice(["consultation", "contact"])
                deleted = rng.random() < 0.05
                c = Consultation(id=next_id("consultation"), branch_id=bid, received_on=d, month=month_key(d), kind=kind,
                                 channel=rng.choice(["visit", "phone", "outreach", "other"]),
                                 from_whom=rng.choice(["self", "family", "neighbor"]),
                                 response=rng.choice(["urgent", "referred", "listened"]),
                                 deleted_at=clock.utcnow() if deleted else None)
                put(c)
                for cat in rng.sample(["life", "money", "care", "health"], rng.randint(1, 2)):
                    put(ConsultationCategory(consultation_id=c.id, category_code=cat,
                                               branch_id=bid, month=c.month))
                out.consultations.append((code, d, kind, deleted))
            users = []
            # The 3月31日 edges, in every branch: ended on 3/31 (not counted at
            # 3/31), ended on 4/1 (counted), enrolled on 3/31 (counted), on 4/1 (not).
            fixed_users = [(dt.date(2023, 6, 1), dt.date(2024, 3, 31)),
                           (dt.date(2023, 6, 1), dt.date(2024, 4, 1)),
                           (dt.date(2024, 3, 31), None), (dt.date(2024, 4, 1), None)]
            for i in range(per_branch // 4):
                s_day = day()
                e_day = None
                r = rng.random()
                if i < len(fixed_users):
                    s_day, e_day = fixed_users[i]
                    r = 1.0
                if r < 0.2:
                    e_day = dt.date(s_day.year + 1, 3, 31) if s_day.month >= 4 else dt.date(s_day.year, 3, 31)
                elif r < 0.35:
                    e_day = s_day + dt.timedelta(days=rng.randint(0, 400))
                if r < 1.0 and e_day is not None and e_day < s_day:
                    e_day = s_day
                u = WatchUser(id=next_id("watch_user"), branch_id=bid, person_id=person(i), enrolled_on=s_day,
                              enrolled_month=month_key(s_day), ended_on=e_day,
                              ended_month=month_key(e_day) if e_day else None,
                              end_reason=rng.choice(["facility", "moved"]) if e_day else None)
                put(u)
                users.append((u.id, s_day, e_day))
                out.users.append((code, s_day, e_day))
            for i in range(per_branch):
                # A contact lies within its user's enrolment (docs/interchange.md).
                uid, s_day, e_day = rng.choice(users)
                last = min(e_day or end, end)
                if last < s_day:
                    continue
                d = rng.choice([x for x in EDGE_DAYS if s_day <= x <= last] or [s_day]) \
                    if rng.random() < 0.15 else s_day + dt.timedelta(days=rng.randint(0, (last - s_day).days))
                put(WatchContact(branch_id=bid, watch_user_id=uid, contacted_on=d,
                                   month=month_key(d), method=rng.choice(["visit", "phone"]),
                                   result=rng.choice(["ok", "absent"]), by_staff=True))
                out.contacts.append((code, d))
            vols = []
            for i in range(per_branch // 4):
                s_day = day()
                e_day = s_day + dt.timedelta(days=rng.randint(0, 500)) if rng.random() < 0.3 else None
                if rng.random() < 0.1:
                    e_day = dt.date(2024, 3, 31) if s_day <= dt.date(2024, 3, 31) else e_day
                roles = tuple(rng.sample(["watch", "salon", "driver"], rng.randint(1, 2)))
                if i < len(fixed_users):
                    s_day, e_day = fixed_users[i]
                    roles = ("watch",)
                v = Volunteer(id=next_id("volunteer"), branch_id=bid, person_id=person(1000 + i), registered_on=s_day,
                              registered_month=month_key(s_day), withdrawn_on=e_day,
                              withdrawn_month=month_key(e_day) if e_day else None)
                put(v)
                for role in roles:
                    put(VolunteerRole(volunteer_id=v.id, role_code=role))
                vols.append(v.id)
                out.volunteers.append((code, s_day, e_day, roles))
            for i in range(per_branch // 5):
                d = day()
                a = Activity(id=next_id("activity"), branch_id=bid, held_on=d, month=month_key(d),
                             title="サロン")
                put(a)
                for vid in rng.sample(vols, min(len(vols), rng.randint(1, 4))):
                    put(ActivityParticipant(activity_id=a.id, volunteer_id=vid))
                    out.participations.append((code, d))
        for model in ORDER:  # parents before children
            s.add_all(pending.get(model, []))
            s.flush()
    return out
