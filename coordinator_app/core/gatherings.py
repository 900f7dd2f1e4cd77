"""行事・サロン: the rules an event and an activity group must keep, in one
home for the screens (``services.gatherings``) and the ledger import
(``interchange.importer``), so both refuse the same things with the same
words. Each check returns the Japanese reason, or None when the value is
good.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from coordinator_app.core.activity import is_active_on

# More than this is a typo (a branch's largest 福祉まつり counts a few
# thousand); it also keeps every count and sum far inside the databases'
# integer columns.
MAX_PARTICIPANTS = 100_000
_COUNT = re.compile("-?[0-9]{1,15}")


def read_count(text: str) -> int | str | None:
    """A head count as typed in the form or a ledger: digits of either
    width. None when empty; the text itself when it is not a whole number,
    so that ``participants_error``/``volunteers_error`` word what is wrong."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not value:
        return None
    return int(value) if _COUNT.fullmatch(value) else text


def participants_error(participants: object) -> str | None:
    if isinstance(participants, bool) or not isinstance(participants, int):
        return "参加人数は0以上の整数で入力してください"
    if participants < 0:
        return "参加人数は0以上の整数で入力してください"
    if participants > MAX_PARTICIPANTS:
        return f"参加人数が多すぎます（{MAX_PARTICIPANTS}人まで）"
    return None


def volunteers_error(volunteers: object, participants: int) -> str | None:
    """0 <= volunteers <= participants: volunteers are among the attendees."""
    if isinstance(volunteers, bool) or not isinstance(volunteers, int) or volunteers < 0:
        return "うちボランティアは0以上の整数で入力してください"
    if volunteers > participants:
        return (f"うちボランティア（{volunteers}人）が参加人数（{participants}人）を"
                "超えています。ボランティアも参加人数に含めて数えてください")
    return None


def group_error(group_branch_id: int, group_start: dt.date, group_end: dt.date | None,
                group_name: str, branch_id: int, held_on: dt.date) -> str | None:
    """An event's group must be of the event's branch and active on its day."""
    if group_branch_id != branch_id:
        return f"グループ「{group_name}」は別の支部のグループです"
    if not is_active_on(group_start, group_end, held_on):
        return (f"グループ「{group_name}」は{held_on:%Y-%m-%d}には活動していません"
                f"（活動期間 {group_start:%Y-%m-%d}〜"
                f"{'' if group_end is None else f'{group_end:%Y-%m-%d}'}）")
    return None


def group_period_error(started_on: dt.date, ended_on: dt.date | None) -> str | None:
    if ended_on is not None and ended_on < started_on:
        return "終了日は開始日以降の日付にしてください"
    return None


def group_events_errors(started_on: dt.date, ended_on: dt.date | None,
                        first_held: dt.date | None,
                        last_held: dt.date | None) -> dict[str, str]:
    """A group's new period must still hold the events recorded for it
    (each event's group is active on its day, ``is_active_on``): it is
    enough that the first and the last event are inside it. Returns the
    reason by field ("started_on", "ended_on"); empty when it holds."""
    errors = {}
    if first_held is not None and started_on > first_held:
        errors["started_on"] = (f"記録済みの行事（{first_held:%Y-%m-%d}）より後の開始日には"
                                "できません")
    if last_held is not None and ended_on is not None and ended_on <= last_held:
        errors["ended_on"] = (f"終了日は記録済みの行事（{last_held:%Y-%m-%d}）より後の日付に"
                              "してください")
    return errors


def attendees_error(participants: int, volunteers: int, named: int,
                    named_volunteers: int) -> str | None:
    """The counts cover the named attendees: every one of them attended,
    and those who came as volunteers are among the volunteers."""
    if participants < named:
        return (f"参加人数（{participants}人）が名前を選んだ参加者（{named}人）より"
                "少なくなっています")
    if volunteers < named_volunteers:
        return (f"うちボランティア（{volunteers}人）が、ボランティアとして選んだ参加者"
                f"（{named_volunteers}人）より少なくなっています")
    return None


# --- meeting patterns (開催日の目安) -------------------------------------------------
#
# A group's pattern is words a coordinator types (「第2・第4火曜 午後」). The
# quick entry of a salon's meetings reads the common shapes to propose the
# next date: 毎週X曜 (several days: 毎週月・木曜), 第n・第m X曜 (also 第1・3水曜,
# 毎月第2月曜), 最終X曜, 毎月n日 (毎月5・20日). Digits may be full width. 隔週
# and anything else is not read (``meeting_rule`` returns None): then the
# proposal is a week after the last meeting, or today.

_WEEKDAYS = "月火水木金土日"
_SEP = r"\s*[・,、と]\s*"
_DAYS = rf"([{_WEEKDAYS}](?:{_SEP}[{_WEEKDAYS}])*)曜"
_NTH = re.compile(rf"((?:最終|第\s*\d)(?:(?:{_SEP}|\s*)(?:最終|第?\s*\d))*)\s*週?\s*{_DAYS}")
_WEEKLY = re.compile(rf"毎週\s*{_DAYS}")
_MONTHLY = re.compile(rf"毎月\s*(\d{{1,2}}(?:{_SEP}\d{{1,2}})*)\s*日")
LAST = -1  # 最終X曜: the last such weekday of the month


def meeting_rule(pattern: str):
    """The days a pattern names, as a test ``day -> bool``; None when the
    words are not one of the shapes read (see above)."""
    text = unicodedata.normalize("NFKC", pattern or "")
    if "隔週" in text:
        return None  # every other week needs an anchor the words do not give
    # (nth weeks, weekdays) for each 第n X曜 part: 「第2火曜と第4木曜」 has two
    nth_parts = [({LAST if part.startswith("最終") else int(part)
                   for part in re.findall(r"最終|\d", m.group(1))},
                  {_WEEKDAYS.index(c) for c in re.findall(f"[{_WEEKDAYS}]", m.group(2))})
                 for m in _NTH.finditer(text)]
    if nth_parts:
        if any(n != LAST and not 1 <= n <= 5 for nths, _ in nth_parts for n in nths):
            return None
        return lambda d: any(d.weekday() in days and (
            (d.day - 1) // 7 + 1 in nths
            or (LAST in nths and (d + dt.timedelta(days=7)).month != d.month))
            for nths, days in nth_parts)
    if m := _WEEKLY.search(text):
        days = {_WEEKDAYS.index(c) for c in re.findall(f"[{_WEEKDAYS}]", m.group(1))}
        return lambda d: d.weekday() in days
    if m := _MONTHLY.search(text):
        dates = {int(n) for n in re.findall(r"\d+", m.group(1))}
        if not all(1 <= n <= 31 for n in dates):
            return None
        return lambda d: d.day in dates
    return None


def next_meeting(pattern: str, after: dt.date) -> dt.date | None:
    """The first day after ``after`` the pattern names (None: not read)."""
    rule = meeting_rule(pattern)
    if rule is None:
        return None
    for i in range(1, 367):  # every shape read repeats within a year
        day = after + dt.timedelta(days=i)
        if rule(day):
            return day
    return None


def propose_meeting_date(pattern: str, last_held: dt.date | None, today: dt.date,
                         started_on: dt.date | None = None) -> dt.date:
    """The date the quick entry proposes for a group's next meeting, never
    after today (a future date cannot be entered):
    - pattern read, a meeting recorded: the next pattern day after it (the
      oldest meeting not entered yet), or today when that is still ahead;
    - pattern read, none recorded: the latest pattern day up to today (not
      before the group started);
    - pattern not read: a week after the last meeting (same weekday), or
      today when none is recorded or that is ahead."""
    rule = meeting_rule(pattern)
    if rule is None:
        if last_held is None:
            return today
        return min(last_held + dt.timedelta(days=7), today)
    if last_held is not None:
        return min(next_meeting(pattern, last_held) or today, today)
    for i in range(366):
        day = today - dt.timedelta(days=i)
        if started_on is not None and day < started_on:
            break
        if rule(day):
            return day
    return today
