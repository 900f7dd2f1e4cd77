"""The one clock of the package: every "today" and "now" comes from here.

Nothing else in the package calls ``date.today()`` or ``datetime.now()``
(tests/test_clock.py walks the source to keep it so). Tests move the clock
with ``set_now``; the clock then keeps running from that moment, so timers
and timestamps still advance. Qt-free.

A demo, or a test that starts the app in a child process, fixes the day
with the environment variable ``COORDINATOR_APP_TODAY=YYYY-MM-DD`` (that
day at 10:00) or ``YYYY-MM-DDTHH:MM[:SS]``; it is read once, here, when
the module is imported.
"""

from __future__ import annotations

import datetime as dt
import os

ENV_VAR = "COORDINATOR_APP_TODAY"

_offset = dt.timedelta(0)


def _real_now() -> dt.datetime:
    return dt.datetime.now()


def now() -> dt.datetime:
    """Local wall-clock time (naive), as people read it."""
    return _real_now() + _offset


def today() -> dt.date:
    """The local date: the day a coordinator would write on paper."""
    return now().date()


def utcnow() -> dt.datetime:
    """UTC time (naive), for stored timestamps (created_at, audit rows)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + _offset


def set_now(when: dt.datetime | dt.date) -> None:
    """Move the clock so that ``now()`` is ``when`` at this instant and runs
    on from there. A date means that day at 10:00 (office hours)."""
    global _offset
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time(10, 0))
    _offset = when - _real_now()


def reset() -> None:
    """Back to the machine's clock."""
    global _offset
    _offset = dt.timedelta(0)


def _parse_env(value: str) -> dt.datetime | dt.date:
    try:
        when = (dt.date.fromisoformat(value) if len(value) == 10
                else dt.datetime.fromisoformat(value))
    except ValueError:
        when = None
    if when is None or getattr(when, "tzinfo", None) is not None:  # local time only
        raise ValueError(f"{ENV_VAR}={value!r}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    return when


if os.environ.get(ENV_VAR):
    set_now(_parse_env(os.environ[ENV_VAR]))
