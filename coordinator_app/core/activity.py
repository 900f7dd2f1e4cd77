"""When a record counts: "active on a day" and "not reached in a month".

One home for the two rules that the tally file (``core.counting``), the
見守り worklist, ホーム, the printed lists, the address labels and the
volunteer search all apply, so that a number on a screen or on paper is the
number in the tally file. The contract (docs/interchange.md) says: a record
is active on a day when it started on or before that day and its end is
empty or after it; a watch user is unreached in a month when they are active
at the month's last day and have no contact at all in the month.

``counting`` counts the same rule from the stored month columns (a record
is active at the last day of month m when its start month is <= m and its
end month is empty or > m); the agreement tests hold both to each other.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, exists, or_

from coordinator_app.core.dates import month_last_day
from coordinator_app.core.models import ActivityGroup, Volunteer, WatchContact, WatchUser


def is_active_on(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    """The rule for a record already loaded: started on or before ``day``,
    not ended on or before it."""
    return start <= day and (end is None or end > day)


def active_on(start_col, end_col, day: dt.date):
    """WHERE clause: the rule of ``is_active_on`` for the rows' own columns."""
    return and_(start_col <= day, or_(end_col.is_(None), end_col > day))


def volunteer_active_on(day: dt.date):
    """WHERE clause: the volunteer is registered on ``day`` (the rule of
    the ``volunteers_active`` tally)."""
    return active_on(Volunteer.registered_on, Volunteer.withdrawn_on, day)


def watch_user_active_on(day: dt.date):
    """WHERE clause: the watch user is enrolled on ``day`` (the rule of
    the ``watch_users_active`` tally)."""
    return active_on(WatchUser.enrolled_on, WatchUser.ended_on, day)


def group_active_on(day: dt.date):
    """WHERE clause: the activity group is active on ``day`` (the rule of
    the ``groups_active`` tally, and of an event's group on its date)."""
    return active_on(ActivityGroup.started_on, ActivityGroup.ended_on, day)


def watch_user_unreached_in(month: int):
    """WHERE clause: active at the last day of ``month`` (YYYYMM) and no
    contact at all in the month (the rule of ``watch_users_unreached``)."""
    last = month_last_day(month // 100, month % 100)
    contacted = exists().where(WatchContact.watch_user_id == WatchUser.id,
                               WatchContact.month == month)
    return and_(watch_user_active_on(last), ~contacted)
