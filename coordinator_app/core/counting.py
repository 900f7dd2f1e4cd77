"""Monthly tallies (集計): the counting rules behind the tally file a branch
sends to the city office (``interchange.tally_file`` writes and reads it).

Every figure is counted by the database: from running counts that
triggers keep per branch × month (migration 0009) and GROUP BY queries
over the stored month columns; no record is loaded into Python. Rows
follow docs/interchange.md:
``fiscal_year,month,branch_code,measure,breakdown,key,count``, a
``total`` row for every branch × month × measure (also 0), breakdown rows
with a count of 0 left out, sorted by branch_code, month, measure, breakdown, key.
"""

from __future__ import annotations

import os
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from sqlalchemy import and_, case, column, func, literal, or_, select, text
from sqlalchemy import table as sql_table
from sqlmodel import Session

from coordinator_app.core import codes
from coordinator_app.core.dates import fiscal_months
from coordinator_app.core.models import (
    Activity,
    ActivityGroup,
    ActivityParticipant,
    Branch,
    Consultation,
    ConsultationCategory,
    Event,
    TallyConsultation,
    TallyConsultationCategory,
    TallyWatchContact,
    TallyWatchPair,
    TallyWatchReach,
    Volunteer,
    VolunteerRole,
    WatchContact,
    WatchUser,
)


class TallyRow(NamedTuple):
    fiscal_year: int
    month: str  # YYYY-MM
    branch_code: str
    measure: str
    breakdown: str
    key: str
    count: int


def month_text(month: int) -> str:
    return f"{month // 100:04d}-{month % 100:02d}"


def fiscal_month_keys(fy: int) -> list[int]:
    return [y * 100 + m for y, m in fiscal_months(fy)]


@dataclass
class _Counts:
    """counts[(branch_id, month, measure, breakdown, key)] = n."""

    data: dict

    def add(self, branch_id: int, month: int, measure: str, breakdown: str, key: str, n: int) -> None:
        k = (branch_id, month, measure, breakdown, key)
        self.data[k] = self.data.get(k, 0) + n

    def merge(self, other: "_Counts") -> None:
        data = self.data
        for k, n in other.data.items():
            data[k] = data.get(k, 0) + n


@dataclass(frozen=True)
class _Year:
    """What one ``compute`` counts: the branches' ids and the month keys
    (YYYYMM, in order): the fiscal year's twelve, or the one month asked."""

    branch_ids: list[int]
    months: list[int]

    @property
    def lo(self) -> int:
        return self.months[0]

    @property
    def hi(self) -> int:
        return self.months[-1]

    def in_scope(self, col):
        return col.in_(self.branch_ids)


def _consultation_counts(session: Session, year: _Year, counts: _Counts) -> None:
    """consultations: the running counts of live consultations (migration
    0009), one row per branch × month × the four single-valued breakdowns."""
    t = TallyConsultation
    q = (select(t.branch_id, t.month, t.kind, t.channel, t.from_whom, t.response, t.n)
         .where(year.in_scope(t.branch_id), t.month.between(year.lo, year.hi), t.n != 0))
    data = defaultdict(int)  # the busiest loop: plain dict updates
    for b, m, kind, channel, from_whom, response, n in session.execute(q):
        data[(b, m, "consultations", "total", "")] += n
        data[(b, m, "consultations", "kind", kind)] += n
        data[(b, m, "consultations", "channel", channel)] += n
        data[(b, m, "consultations", "from_whom", from_whom)] += n
        data[(b, m, "consultations", "response", response)] += n
    counts.merge(_Counts(data))


def _category_counts(session: Session, year: _Year, counts: _Counts) -> None:
    """consultations by category: the running count of every category row,
    less those of the few deleted records."""
    t = TallyConsultationCategory
    q = (select(t.branch_id, t.month, t.category_code, t.n)
         .where(year.in_scope(t.branch_id), t.month.between(year.lo, year.hi), t.n != 0))
    for b, m, code, n in session.execute(q):
        counts.add(b, m, "consultations", "category", code, n)
    # (branch_id, deleted_at) leads ix_consultation_live (migration 0004),
    # so the deleted records are found without a scan.
    deleted = (select(Consultation.id)
               .where(year.in_scope(Consultation.branch_id), Consultation.deleted_at.is_not(None)))
    q = (select(ConsultationCategory.branch_id, ConsultationCategory.month,
                ConsultationCategory.category_code, func.count())
         .where(ConsultationCategory.consultation_id.in_(deleted),
                ConsultationCategory.month.between(year.lo, year.hi))
         .group_by(ConsultationCategory.branch_id, ConsultationCategory.month,
                   ConsultationCategory.category_code))
    for b, m, code, n in session.execute(q):
        counts.add(b, m, "consultations", "category", code, -n)


def _contact_counts(session: Session, year: _Year, counts: _Counts) -> None:
    """watch_contacts from their running count, and the part of
    watch_users_unreached that depends on contacts."""
    t = TallyWatchContact
    q = (select(t.branch_id, t.month, t.method, t.result, t.n)
         .where(year.in_scope(t.branch_id), t.month.between(year.lo, year.hi), t.n != 0))
    for b, m, method, result, n in session.execute(q):
        counts.add(b, m, "watch_contacts", "total", "", n)
        counts.add(b, m, "watch_contacts", "method", method, n)
        counts.add(b, m, "watch_contacts", "result", result, n)
    _less_reached_users(session, year, counts)


def _less_reached_users(session: Session, year: _Year, counts: _Counts) -> None:
    """unreached = active − active users with a contact in the month
    (``_watch_register_counts`` adds the active ones): subtract the users
    contacted in the month (a running count), add back those contacted but
    not active at its last day. A user enrolled by the year's first month
    and not ended within it is active at every month's end, so only the
    others are looked at (a contact outside the enrolment is refused, but
    counted right if present). A contact belongs to its user's branch."""
    r = TallyWatchReach
    q = (select(r.branch_id, r.month, r.n)
         .where(year.in_scope(r.branch_id), r.month.between(year.lo, year.hi), r.n != 0))
    for b, m, n in session.execute(q):
        counts.add(b, m, "watch_users_unreached", "total", "", -n)
    p = TallyWatchPair
    q = (select(WatchUser.branch_id, p.month, func.count(func.distinct(p.watch_user_id)))
         .join(p, and_(p.watch_user_id == WatchUser.id, p.month.between(year.lo, year.hi)))
         .where(year.in_scope(WatchUser.branch_id),
                or_(WatchUser.enrolled_month > year.lo, WatchUser.ended_month <= year.hi),
                or_(WatchUser.enrolled_month > p.month, WatchUser.ended_month <= p.month))
         .group_by(WatchUser.branch_id, p.month))
    for b, m, n in session.execute(q):
        counts.add(b, m, "watch_users_unreached", "total", "", n)


def _watch_register_counts(session: Session, year: _Year, counts: _Counts) -> None:
    """watch users enrolled and ended in each month, and the stock (active
    at each month's last day), which is also where unreached starts from."""
    q = (select(WatchUser.branch_id, WatchUser.enrolled_month, func.count())
         .where(year.in_scope(WatchUser.branch_id),
                WatchUser.enrolled_month.between(year.lo, year.hi))
         .group_by(WatchUser.branch_id, WatchUser.enrolled_month))
    for b, m, n in session.execute(q):
        counts.add(b, m, "watch_users_enrolled", "total", "", n)
    q = (select(WatchUser.branch_id, WatchUser.ended_month, WatchUser.end_reason, func.count())
         .where(year.in_scope(WatchUser.branch_id),
                WatchUser.ended_month.between(year.lo, year.hi))
         .group_by(WatchUser.branch_id, WatchUser.ended_month, WatchUser.end_reason))
    for b, m, reason, n in session.execute(q):
        counts.add(b, m, "watch_users_ended", "total", "", n)
        counts.add(b, m, "watch_users_ended", "end_reason", reason, n)
    active_users = _stock(session, year.months, WatchUser.enrolled_month, WatchUser.ended_month,
                          year.in_scope(WatchUser.branch_id), WatchUser.branch_id)
    for (b,), per_month in active_users.items():
        for m, n in per_month.items():
            counts.add(b, m, "watch_users_active", "total", "", n)
            counts.add(b, m, "watch_users_unreached", "total", "", n)


def _volunteer_counts(session: Session, year: _Year, counts: _Counts) -> None:
    """volunteers registered and withdrawn in each month, participations,
    and the stock (``_volunteer_stock``)."""
    for month, measure in ((Volunteer.registered_month, "volunteers_registered"),
                           (Volunteer.withdrawn_month, "volunteers_withdrawn")):
        q = (select(Volunteer.branch_id, month, func.count())
             .where(year.in_scope(Volunteer.branch_id), month.between(year.lo, year.hi))
             .group_by(Volunteer.branch_id, month))
        for b, m, n in session.execute(q):
            counts.add(b, m, measure, "total", "", n)

    q = (select(Activity.branch_id, Activity.month, func.count())
         .join(ActivityParticipant, ActivityParticipant.activity_id == Activity.id)
         .where(year.in_scope(Activity.branch_id), Activity.month.between(year.lo, year.hi))
         .group_by(Activity.branch_id, Activity.month))
    for b, m, n in session.execute(q):
        counts.add(b, m, "volunteer_participations", "total", "", n)
    _volunteer_stock(session, year, counts)


def _volunteer_stock(session: Session, year: _Year, counts: _Counts) -> None:
    """volunteers_active at each month's last day, in total and by role."""
    active_vols = _stock(session, year.months, Volunteer.registered_month,
                         Volunteer.withdrawn_month, year.in_scope(Volunteer.branch_id),
                         Volunteer.branch_id)
    for (b,), per_month in active_vols.items():
        for m, n in per_month.items():
            counts.add(b, m, "volunteers_active", "total", "", n)
    active_roles = _stock(session, year.months, Volunteer.registered_month,
                          Volunteer.withdrawn_month, year.in_scope(Volunteer.branch_id),
                          Volunteer.branch_id, VolunteerRole.role_code,
                          join=(VolunteerRole, VolunteerRole.volunteer_id == Volunteer.id))
    for (b, role), per_month in active_roles.items():
        for m, n in per_month.items():
            counts.add(b, m, "volunteers_active", "role", role, n)


def _event_counts(session: Session, year: _Year, counts: _Counts) -> None:
    """events_held, event_participants and event_volunteers, in total and
    by event kind: one GROUP BY answered from ``ix_event_tally`` alone
    (branch_id, month, kind, participants, volunteers). No running count:
    counting from the index is fast (100,000 events: about 40 ms a year)."""
    q = (select(Event.branch_id, Event.month, Event.kind, func.count(),
                func.sum(Event.participants), func.sum(Event.volunteers))
         .where(year.in_scope(Event.branch_id), Event.month.between(year.lo, year.hi))
         .group_by(Event.branch_id, Event.month, Event.kind))
    for b, m, kind, held, people, volunteers in session.execute(q):
        for measure, n in (("events_held", held), ("event_participants", people),
                           ("event_volunteers", volunteers)):
            counts.add(b, m, measure, "total", "", int(n or 0))
            counts.add(b, m, measure, "kind", kind, int(n or 0))


def _group_counts(session: Session, year: _Year, counts: _Counts) -> None:
    """groups_active at each month's last day (the rule of
    ``activity.group_active_on`` in whole months, as for volunteers), in
    total and by group kind."""
    active = _stock(session, year.months, ActivityGroup.started_month, ActivityGroup.ended_month,
                    year.in_scope(ActivityGroup.branch_id), ActivityGroup.branch_id,
                    ActivityGroup.kind)
    for (b, kind), per_month in active.items():
        for m, n in per_month.items():
            counts.add(b, m, "groups_active", "total", "", n)
            counts.add(b, m, "groups_active", "kind", kind, n)


# --- figures only: the city's staff on the server ----------------------------
#
# City staff sign in to the shared server as a role that reads no personal
# table, only the views of schema ``figures`` (``storage.server_roles``:
# per branch code and month, counts only). ``compute`` and
# ``combined_counts`` then count the same measures from those views.

FIGURES = "figures"


def _view(name: str, *columns: str):
    return sql_table(name, *(column(c) for c in columns), schema=FIGURES)


_FIGURES = {
    "consultations": _view("consultations", "branch_code", "month", "kind", "channel",
                           "from_whom", "response", "n"),
    "consultation_categories": _view("consultation_categories", "branch_code", "month",
                                     "category_code", "kind", "channel", "from_whom",
                                     "response", "n"),
    "watch_contacts": _view("watch_contacts", "branch_code", "month", "method", "result", "n"),
    # contacted in the month and active at its last day
    "watch_reach": _view("watch_reach", "branch_code", "month", "n"),
    "watch_users": _view("watch_users", "branch_code", "enrolled_month", "ended_month",
                         "end_reason", "n"),
    "volunteers": _view("volunteers", "branch_code", "kind", "registered_month",
                        "withdrawn_month", "n"),
    "volunteer_roles": _view("volunteer_roles", "branch_code", "role_code", "registered_month",
                             "withdrawn_month", "n"),
    "volunteer_participations": _view("volunteer_participations", "branch_code", "month", "n"),
    "events": _view("events", "branch_code", "month", "kind", "n", "participants",
                    "volunteers"),
    "activity_groups": _view("activity_groups", "branch_code", "kind", "started_month",
                             "ended_month", "n"),
    "live_branches": _view("live_branches", "branch_code"),
    # for ホーム (services.home)
    "follow_ups": _view("follow_ups", "branch_code", "follow_up_on", "n"),
    "volunteer_insurance": _view("volunteer_insurance", "branch_code", "registered_on",
                                 "withdrawn_on", "insurance_fy", "n"),
}


def figure_view(name: str):
    """A view of schema ``figures`` (for the readers ``figures_only``)."""
    return _FIGURES[name]


# A branch with a record in any of these is "live" on a server database
# (consolidation counts it from the records; server_roles' figures view
# live_branches answers the same for city staff).
LIVE_RECORD_TABLES = (Consultation, WatchUser, Volunteer, Activity, ActivityGroup, Event)


def figures_only(session: Session) -> bool:
    """Does this connection read the branches' records only through the
    figures views (city staff on the server)? The one test deciding where
    figures are read from: a role that may use schema ``figures`` but not
    read the consultations. Asked once per session."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    if "figures_only" not in session.info:
        session.info["figures_only"] = bool(session.scalar(text(
            "SELECT to_regnamespace(:f) IS NOT NULL"
            " AND has_schema_privilege(to_regnamespace(:f), 'USAGE')"
            " AND NOT has_table_privilege('public.consultation', 'SELECT')"), {"f": FIGURES}))
    return session.info["figures_only"]


def live_branch_codes(session: Session) -> set[str]:
    """The branches with records on the server, from the figures view."""
    return set(session.scalars(select(_FIGURES["live_branches"].c.branch_code)))


def _from_figures(session: Session, branches: dict[int, str], year: _Year) -> _Counts:
    """What the parts above count, from the figures views."""
    ids = {code: b for b, code in branches.items()}
    counts = _Counts({})
    lo, hi = year.lo, year.hi

    def rows(name: str, *columns: str, month: str | None = "month"):
        """The view's rows for the branches (and the year's months), summed
        over the other columns."""
        v = _FIGURES[name]
        keys = [v.c.branch_code, *(v.c[c] for c in columns)]
        q = select(*keys, func.sum(v.c.n)).where(v.c.branch_code.in_(list(ids)))
        if month is not None:
            q = q.where(v.c[month].between(lo, hi))
        for code, *rest, n in session.execute(q.group_by(*keys)):
            yield ids[code], *rest, int(n or 0)

    def add_stock(name, start, end, *keys, totals=(), breakdown=None):
        """Stock at each month's end: a total for each of ``totals``, and
        the (measure, breakdown) row by the one key column."""
        v = _FIGURES[name]
        stock = _stock(session, year.months, v.c[start], v.c[end],
                       v.c.branch_code.in_(list(ids)), v.c.branch_code, *(v.c[k] for k in keys),
                       n=v.c.n)
        for (code, *key), per_month in stock.items():
            for m, n in per_month.items():
                for measure in totals:
                    counts.add(ids[code], m, measure, "total", "", n)
                if breakdown:
                    counts.add(ids[code], m, *breakdown, key[0], n)

    for b, m, kind, channel, from_whom, response, n in rows(
            "consultations", "month", "kind", "channel", "from_whom", "response"):
        for breakdown, key in (("total", ""), ("kind", kind), ("channel", channel),
                               ("from_whom", from_whom), ("response", response)):
            counts.add(b, m, "consultations", breakdown, key, n)
    for b, m, code, n in rows("consultation_categories", "month", "category_code"):
        counts.add(b, m, "consultations", "category", code, n)
    for b, m, method, result, n in rows("watch_contacts", "month", "method", "result"):
        counts.add(b, m, "watch_contacts", "total", "", n)
        counts.add(b, m, "watch_contacts", "method", method, n)
        counts.add(b, m, "watch_contacts", "result", result, n)
    for b, m, n in rows("watch_reach", "month"):
        counts.add(b, m, "watch_users_unreached", "total", "", -n)
    for b, m, n in rows("watch_users", "enrolled_month", month="enrolled_month"):
        counts.add(b, m, "watch_users_enrolled", "total", "", n)
    for b, m, reason, n in rows("watch_users", "ended_month", "end_reason",
                                month="ended_month"):
        counts.add(b, m, "watch_users_ended", "total", "", n)
        counts.add(b, m, "watch_users_ended", "end_reason", reason, n)
    add_stock("watch_users", "enrolled_month", "ended_month",
              totals=("watch_users_active", "watch_users_unreached"))
    for start, measure in (("registered_month", "volunteers_registered"),
                           ("withdrawn_month", "volunteers_withdrawn")):
        for b, m, n in rows("volunteers", start, month=start):
            counts.add(b, m, measure, "total", "", n)
    for b, m, n in rows("volunteer_participations", "month"):
        counts.add(b, m, "volunteer_participations", "total", "", n)
    add_stock("volunteers", "registered_month", "withdrawn_month", totals=("volunteers_active",))
    add_stock("volunteer_roles", "registered_month", "withdrawn_month", "role_code",
              breakdown=("volunteers_active", "role"))
    v = _FIGURES["events"]
    q = (select(v.c.branch_code, v.c.month, v.c.kind, func.sum(v.c.n),
                func.sum(v.c.participants), func.sum(v.c.volunteers))
         .where(v.c.branch_code.in_(list(ids)), v.c.month.between(lo, hi))
         .group_by(v.c.branch_code, v.c.month, v.c.kind))
    for code, m, kind, held, people, volunteers in session.execute(q):
        for measure, n in (("events_held", held), ("event_participants", people),
                           ("event_volunteers", volunteers)):
            counts.add(ids[code], m, measure, "total", "", int(n or 0))
            counts.add(ids[code], m, measure, "kind", kind, int(n or 0))
    add_stock("activity_groups", "started_month", "ended_month", "kind",
              totals=("groups_active",), breakdown=("groups_active", "kind"))
    return counts


# The independent groups of queries, longest first so that two workers
# finish together.
_PARTS = (_contact_counts, _volunteer_counts, _consultation_counts, _watch_register_counts,
          _category_counts, _event_counts, _group_counts)


def _count_in_parallel(engine, year: _Year) -> _Counts:
    """Every part on its own connection at once: SQLite and the driver
    release the GIL while a query runs, so they use the machine's cores.
    Each reads its own snapshot of committed data."""
    def run(part):
        own = _Counts({})
        with Session(engine) as own_session:
            part(own_session, year, own)
        return own

    counts = _Counts({})
    with ThreadPoolExecutor(max_workers=max(2, min(len(_PARTS), os.cpu_count() or 1))) as pool:
        for own in pool.map(run, _PARTS):
            counts.merge(own)
    return counts


def _tally_rows(fiscal_year: int, branches: dict[int, str], months: list[int],
                counts: _Counts) -> list[TallyRow]:
    """The contract's rows: a total for every branch × month × measure
    (also 0), breakdown rows only when not 0, in ``sort_key`` order."""
    rows: list[TallyRow] = []
    for b, code in branches.items():
        for m in months:
            for measure in codes.MEASURES:
                rows.append(TallyRow(fiscal_year, month_text(m), code, measure, "total", "",
                                     counts.data.get((b, m, measure, "total", ""), 0)))
    for (b, m, measure, breakdown, key), n in counts.data.items():
        if breakdown != "total" and n:
            rows.append(TallyRow(fiscal_year, month_text(m), branches[b], measure,
                                 breakdown, key, n))
    rows.sort(key=sort_key)
    return rows


def compute(session: Session, fiscal_year: int,
            branch_codes: Iterable[str] | None = None, parallel: bool = False,
            month: int | None = None) -> list[TallyRow]:
    """All measures of the contract for one fiscal year, for the given
    branches (default: every branch); with ``month`` (YYYYMM, a month of
    that fiscal year) that month's rows only — the rows the whole year has
    for it (``export tallies --month``).

    Consultations, their categories and watch contacts are read from
    running counts that database triggers keep per branch × month
    (migration 0009); the rest are GROUP BY queries, each answered from a
    covering index (migration 0002a). Only aggregate rows reach Python.
    The event measures are one GROUP BY over ``ix_event_tally``.
    The stock measures (as of each month's last day) use the stored month
    columns: a record is active at the last day of month m when its start
    month is <= m and its end month is empty or > m, which is the
    contract's rule (``core.activity``: start <= day and end empty or after
    it) in whole months.

    parallel: run the groups of queries on their own connections at once
    (for an export from a fresh session: they do not see changes not yet
    committed in ``session``).
    """
    branch_q = select(Branch.id, Branch.code)
    if branch_codes is not None:
        branch_q = branch_q.where(Branch.code.in_(list(branch_codes)))
    branches = dict(session.execute(branch_q).all())
    months = fiscal_month_keys(fiscal_year)
    if month is not None:
        if month not in months:
            raise ValueError(f"{month_text(month)} は {fiscal_year} 年度の月ではありません")
        months = [month]
    year = _Year(list(branches), months)
    if branches and figures_only(session):
        counts = _from_figures(session, branches, year)
    elif parallel and branches:
        counts = _count_in_parallel(session.get_bind(), year)
    else:
        counts = _Counts({})
        for part in _PARTS:
            part(session, year, counts)
    return _tally_rows(fiscal_year, branches, year.months, counts)


# The measures whose records carry several breakdowns at once, and the
# running count (migration 0009) holding them together per branch × month
# (its columns are named as the breakdowns): an indicator may combine
# their conditions (``combined_counts``).
COMBINABLE = {"consultations": TallyConsultation, "watch_contacts": TallyWatchContact}


def combined_counts(session: Session, fiscal_year: int, measure: str,
                    conditions: Iterable[tuple[str, str]],
                    branch_codes: Iterable[str] | None = None) -> dict[int, int]:
    """{YYYYMM: n} for each month of the fiscal year (also 0): what
    ``compute`` counts for ``measure``, of the records having every
    (breakdown, key) of ``conditions`` at once, summed over the branches
    (default every one). A tally row has one breakdown, so a combination is
    counted here from the same running counts and category rows
    ``compute`` reads; no condition is the total, one is its breakdown row."""
    wanted = dict(conditions)
    table = COMBINABLE.get(measure)
    if table is None or set(wanted) - set(codes.MEASURES[measure]):
        raise ValueError(f"{measure} は条件 {sorted(wanted)} で数えられません")
    branch_q = select(Branch.id)
    if branch_codes is not None:
        branch_q = branch_q.where(Branch.code.in_(list(branch_codes)))
    year = _Year(list(session.scalars(branch_q)), fiscal_month_keys(fiscal_year))
    category = wanted.pop("category", None)
    if figures_only(session):
        # The same counts from the figures views (by branch code).
        v = _FIGURES["consultation_categories" if category is not None else measure]
        picks = dict(wanted, **({"category_code": category} if category is not None else {}))
        q = (select(v.c.month, func.sum(v.c.n))
             .where(v.c.branch_code.in_(select(Branch.code).where(Branch.id.in_(year.branch_ids))),
                    v.c.month.between(year.lo, year.hi),
                    *(v.c[b] == k for b, k in picks.items()))
             .group_by(v.c.month))
    elif category is None:
        q = (select(table.month, func.sum(table.n))
             .where(year.in_scope(table.branch_id), table.month.between(year.lo, year.hi),
                    *(getattr(table, b) == k for b, k in wanted.items()))
             .group_by(table.month))
    else:
        # As ``_category_counts``: the category rows of live consultations,
        # at the row's own branch and month.
        c = ConsultationCategory
        q = (select(c.month, func.count())
             .join(Consultation, Consultation.id == c.consultation_id)
             .where(year.in_scope(c.branch_id), c.month.between(year.lo, year.hi),
                    c.category_code == category, Consultation.deleted_at.is_(None),
                    *(getattr(Consultation, b) == k for b, k in wanted.items()))
             .group_by(c.month))
    out = dict.fromkeys(year.months, 0)
    for m, n in session.execute(q):
        out[m] += int(n or 0)
    return out


RUNNING_COUNTS = {
    # count table: (its key columns, the recount from the records)
    TallyConsultation: (
        ("branch_id", "month", "kind", "channel", "from_whom", "response"),
        select(Consultation.branch_id, Consultation.month, Consultation.kind,
               Consultation.channel, Consultation.from_whom, Consultation.response, func.count())
        .where(Consultation.deleted_at.is_(None))
        .group_by(Consultation.branch_id, Consultation.month, Consultation.kind,
                  Consultation.channel, Consultation.from_whom, Consultation.response)),
    TallyConsultationCategory: (
        ("branch_id", "month", "category_code"),
        select(ConsultationCategory.branch_id, ConsultationCategory.month,
               ConsultationCategory.category_code, func.count())
        .group_by(ConsultationCategory.branch_id, ConsultationCategory.month,
                  ConsultationCategory.category_code)),
    TallyWatchContact: (
        ("branch_id", "month", "method", "result"),
        select(WatchContact.branch_id, WatchContact.month, WatchContact.method,
               WatchContact.result, func.count())
        .group_by(WatchContact.branch_id, WatchContact.month, WatchContact.method,
                  WatchContact.result)),
    TallyWatchPair: (
        ("watch_user_id", "month", "branch_id"),
        select(WatchContact.watch_user_id, WatchContact.month, WatchContact.branch_id,
               func.count())
        .group_by(WatchContact.watch_user_id, WatchContact.month, WatchContact.branch_id)),
    TallyWatchReach: (
        ("branch_id", "month"),
        select(WatchContact.branch_id, WatchContact.month,
               func.count(func.distinct(WatchContact.watch_user_id)))
        .group_by(WatchContact.branch_id, WatchContact.month)),
}


def check_running_counts(session: Session) -> list[str]:
    """Compare every running count (migration 0009) with a recount from
    the records; returns the differences, empty when all agree. Reads
    every record: for tests and diagnosis, not for the tally itself."""
    problems = []
    for table, (keys, recount) in RUNNING_COUNTS.items():
        kept = {tuple(row[:-1]): row[-1] for row in session.execute(
            select(*[getattr(table, k) for k in keys], table.n))}
        kept = {k: n for k, n in kept.items() if n != 0}
        counted = {tuple(row[:-1]): row[-1] for row in session.execute(recount)}
        for key in sorted(set(kept) | set(counted), key=repr):
            if kept.get(key, 0) != counted.get(key, 0):
                problems.append(f"{table.__tablename__} {key}: {kept.get(key, 0)}"
                                f" (records: {counted.get(key, 0)})")
    return problems


def _stock(session: Session, months: list[int], start_month, end_month, scope, *keys,
           join=None, n=None) -> dict[tuple, dict[int, int]]:
    """{keys: {month: records active at the month's last day}}.

    One GROUP BY over (keys, start month, end month) of the records that
    overlap the year, start months before the year folded into one group
    and end months after it (or none) into another, so the groups stay
    few; the twelve monthly figures are then sums over those groups.
    """
    lo, hi = months[0], months[-1]
    before = literal(0, literal_execute=True)
    after = literal(999999, literal_execute=True)
    start = case((start_month < literal(lo, literal_execute=True), before),
                 else_=start_month)
    end = case((or_(end_month.is_(None), end_month > literal(hi, literal_execute=True)), after),
               else_=end_month)
    q = select(*keys, start, end, func.count() if n is None else func.sum(n))
    if join is not None:
        q = q.join(*join)
    q = (q.where(scope, start_month <= hi, or_(end_month.is_(None), end_month >= lo))
         .group_by(*keys, start, end))
    out: dict[tuple, dict[int, int]] = {}
    width = len(keys)
    for row in session.execute(q):
        key, s, e, n = tuple(row[:width]), row[width], row[width + 1], int(row[width + 2])
        per_month = out.setdefault(key, {})
        for m in months:
            if s <= m < e:
                per_month[m] = per_month.get(m, 0) + n
    return out


def sort_key(row: TallyRow):
    return (row.branch_code, row.month, row.measure, row.breakdown, row.key)


# --- the paper report's layout -------------------------------------------------

# (measure, breakdown) → [(code, label)] in the code list's order: the
# contract's lists extended with the configurable ones (categories, roles,
# event and group kinds; ``services.tallies.measure_key_lists``).
KeyLists = dict[tuple[str, str], list[tuple[str, str]]]


def key_list(measure: str, breakdown: str, lists: KeyLists | None = None) -> list[tuple[str, str]]:
    listed = (lists or {}).get((measure, breakdown))
    if listed is not None:
        return listed
    return list(codes.breakdown_codes(measure, breakdown).items())


def key_label(measure: str, breakdown: str, key: str, lists: KeyLists | None = None) -> str:
    """The Japanese label of a breakdown key (the code itself when unknown)."""
    return dict(key_list(measure, breakdown, lists)).get(key, key)


def ordered_keys(measure: str, breakdown: str, keys, lists: KeyLists | None = None) -> list[str]:
    """Keys in the code list's order, as the paper form lists them (その他
    last, not by English code); codes not in the list after them."""
    order = {c: i for i, (c, _) in enumerate(key_list(measure, breakdown, lists))}
    return sorted(keys, key=lambda k: (order.get(k, len(order)), k))


def report_grid(rows: list[TallyRow], measure: str) -> dict[tuple[str, str, str], list[int]]:
    """{(branch_code, breakdown, key): [12 monthly counts]} for one measure,
    months in fiscal order — the layout of the paper monthly report."""
    grid: dict[tuple[str, str, str], list[int]] = {}
    if not rows:
        return grid
    months = [month_text(m) for m in fiscal_month_keys(rows[0].fiscal_year)]
    index = {m: i for i, m in enumerate(months)}
    for r in rows:
        if r.measure != measure:
            continue
        cells = grid.setdefault((r.branch_code, r.breakdown, r.key), [0] * 12)
        cells[index[r.month]] += r.count
    return grid


STOCK_MEASURES = {"watch_users_active", "watch_users_unreached", "volunteers_active",
                  "groups_active"}
