"""ホーム (today): the numbers a coordinator looks at first. Qt-free.

Counts only, never people's names. A coordinator sees their own branch;
city staff and administrators see the sum over every branch (figures
only). The one list of names is the branch's quiet groups (no person
named, but a branch's own business): for the coordinator only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select, true

from coordinator_app.core import access, clock, counting
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.activity import (
    active_on,
    group_active_on,
    volunteer_active_on,
    watch_user_unreached_in,
)
from coordinator_app.core.dates import fiscal_year_of, month_key, month_last_day
from coordinator_app.core.models import ActivityGroup, Consultation, Event, Volunteer, WatchUser
from coordinator_app.storage.database import Database


@dataclass(frozen=True)
class HomeFigures:
    today: dt.date
    consultations_this_month: int
    consultations_last_month: int
    follow_ups_due: int  # follow-up date today or past, not closed
    watch_unreached: int  # active users with no contact this month
    insurance_lapsed: int  # active volunteers whose insurance year is not this one
    branch_id: int | None  # None: every branch
    events_this_month: int = 0  # events held this month (the tally's events_held)
    event_participants_this_month: int = 0  # their participants (event_participants)
    # Names of the active groups with no event since ``quiet_since`` (50音順);
    # None for a role that does not see the branch's records.
    quiet_groups: tuple[str, ...] | None = None
    quiet_since: dt.date | None = None


QUIET_MONTHS = 2


def quiet_since(today: dt.date) -> dt.date:
    """The first day of the "last two months": the same day two months
    back (the month's last day when it has no such day, e.g. 12/31 → 10/31,
    4/30 → 2/28). A group that met on this day or later is not quiet; a
    group that started after it has not had two months to meet and is not
    quiet either."""
    year, month0 = divmod(today.year * 12 + today.month - 1 - QUIET_MONTHS, 12)
    last = month_last_day(year, month0 + 1)
    return last.replace(day=min(today.day, last.day))


def _previous_month(month: int) -> int:
    year, m = divmod(month, 100)
    return (year - 1) * 100 + 12 if m == 1 else month - 1


def home_figures(db: Database, user: SignedIn, today: dt.date | None = None) -> HomeFigures:
    """The numbers for ``user``'s scope as of ``today``.

    ``watch_unreached`` is the tally file's ``watch_users_unreached`` for
    the current month (``activity.watch_user_unreached_in``)."""
    today = today or clock.today()
    branch_id = access.check(user, Action.TALLIES)
    this_month = month_key(today)

    def scoped(col):
        return col == branch_id if branch_id is not None else true()

    with db.session() as s:
        if counting.figures_only(s):  # city staff on the server: every branch, from figures
            return _from_figures(s, today, this_month)
        by_month = dict(s.execute(
            select(Consultation.month, func.count())
            .where(scoped(Consultation.branch_id), Consultation.deleted_at.is_(None),
                   Consultation.month.in_([this_month, _previous_month(this_month)]))
            .group_by(Consultation.month)).all())
        follow_ups = s.scalar(
            select(func.count()).select_from(Consultation)
            .where(scoped(Consultation.branch_id), Consultation.deleted_at.is_(None),
                   Consultation.follow_up_on <= today,
                   Consultation.follow_up_closed_on.is_(None)))
        unreached = s.scalar(
            select(func.count()).select_from(WatchUser)
            .where(scoped(WatchUser.branch_id), watch_user_unreached_in(this_month)))
        fy = fiscal_year_of(today)
        lapsed = s.scalar(
            select(func.count()).select_from(Volunteer)
            .where(scoped(Volunteer.branch_id), volunteer_active_on(today),
                   or_(Volunteer.insurance_fy.is_(None), Volunteer.insurance_fy != fy)))
        events, participants = s.execute(
            select(func.count(), func.coalesce(func.sum(Event.participants), 0))
            .where(scoped(Event.branch_id), Event.month == this_month)).one()
        quiet = None
        since = quiet_since(today)
        if user.sees_personal_records:
            met = exists().where(Event.group_id == ActivityGroup.id,
                                 Event.held_on >= since, Event.held_on <= today)
            rows = s.execute(
                select(ActivityGroup.name, ActivityGroup.kana_key)
                .where(ActivityGroup.branch_id == branch_id, group_active_on(today),
                       ActivityGroup.started_on <= since, ~met)).all()
            quiet = tuple(name for name, _ in sorted(rows, key=lambda r: (r[1] == "", r[1], r[0])))
    return HomeFigures(today, by_month.get(this_month, 0),
                       by_month.get(_previous_month(this_month), 0),
                       follow_ups or 0, unreached or 0, lapsed or 0, branch_id,
                       events or 0, int(participants or 0), quiet, since)


def _from_figures(s, today: dt.date, this_month: int) -> HomeFigures:
    """The same numbers for every branch from the figures views (a role that
    reads no personal table): the month's tally rows, open follow-ups and
    volunteers by their dates."""
    def totals(month: int) -> dict[str, int]:
        fy = fiscal_year_of(dt.date(month // 100, month % 100, 1))
        out: dict[str, int] = {}
        for r in counting.compute(s, fy, month=month):
            if r.breakdown == "total":
                out[r.measure] = out.get(r.measure, 0) + r.count
        return out

    now, before = totals(this_month), totals(_previous_month(this_month))
    f = counting.figure_view("follow_ups")
    follow_ups = s.scalar(select(func.sum(f.c.n)).where(f.c.follow_up_on <= today))
    v = counting.figure_view("volunteer_insurance")
    lapsed = s.scalar(select(func.sum(v.c.n)).where(
        active_on(v.c.registered_on, v.c.withdrawn_on, today),
        or_(v.c.insurance_fy.is_(None), v.c.insurance_fy != fiscal_year_of(today))))
    return HomeFigures(today, now["consultations"], before["consultations"],
                       int(follow_ups or 0), now["watch_users_unreached"], int(lapsed or 0), None,
                       now["events_held"], now["event_participants"], None, quiet_since(today))
