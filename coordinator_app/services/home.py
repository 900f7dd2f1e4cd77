"""ホーム (today): the four numbers a coordinator looks at first. Qt-free.

Counts only, never names. A coordinator sees their own branch; city
staff and administrators see the sum over every branch (figures only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, or_, select, true

from coordinator_app.core import clock
from coordinator_app.core.dates import fiscal_year_of, month_key, month_last_day
from coordinator_app.core.models import Consultation, Volunteer, WatchContact, WatchUser
from coordinator_app.services.accounts import SignedIn
from coordinator_app.services.scope import tally_branches
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


def _previous_month(month: int) -> int:
    year, m = divmod(month, 100)
    return (year - 1) * 100 + 12 if m == 1 else month - 1


def home_figures(db: Database, user: SignedIn, today: dt.date | None = None) -> HomeFigures:
    """The numbers for ``user``'s scope as of ``today``.

    ``watch_unreached`` follows the tally file's ``watch_users_unreached``
    rule for the current month: active at the month's last day, no contact
    at all in the month."""
    today = today or clock.today()
    branch_id = tally_branches(user)
    this_month = month_key(today)

    def scoped(col):
        return col == branch_id if branch_id is not None else true()

    with db.session() as s:
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
        last = month_last_day(today.year, today.month)
        active_user = and_(WatchUser.enrolled_on <= last,
                           or_(WatchUser.ended_on.is_(None), WatchUser.ended_on > last))
        contacted = exists().where(WatchContact.watch_user_id == WatchUser.id,
                                   WatchContact.month == this_month)
        unreached = s.scalar(
            select(func.count()).select_from(WatchUser)
            .where(scoped(WatchUser.branch_id), active_user, ~contacted))
        fy = fiscal_year_of(today)
        lapsed = s.scalar(
            select(func.count()).select_from(Volunteer)
            .where(scoped(Volunteer.branch_id), Volunteer.registered_on <= today,
                   or_(Volunteer.withdrawn_on.is_(None), Volunteer.withdrawn_on > today),
                   or_(Volunteer.insurance_fy.is_(None), Volunteer.insurance_fy != fy)))
    return HomeFigures(today, by_month.get(this_month, 0),
                       by_month.get(_previous_month(this_month), 0),
                       follow_ups or 0, unreached or 0, lapsed or 0, branch_id)
