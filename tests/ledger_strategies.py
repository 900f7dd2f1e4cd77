"""Messy ledgers: hypothesis draws that write ledger files the way real
offices vary them (docs/interchange.md, "Ledger import files"), and that
break them one contract rule at a time. Not collected (no ``test_``
prefix); ``draw`` below is ``data.draw`` of a test given ``st.data()``.

``draw_set`` makes a ``LedgerSet``: plain records (codes, dates) that say
what the files mean, so a test can count the tally by hand. ``write``
renders the rows of one kind the way some spreadsheet saved them: cp932
or UTF-8 with or without BOM, Japanese or code headers in any order,
Japanese labels or codes as values, 和暦 and Western dates, full-width
digits, trailing spaces, CRLF or LF, blank rows, quoted summaries with
commas, quotes and newlines, group names and readings with digits and
Latin letters, repeated same-day contacts. ``draw_broken`` breaks one
rule in one file and says which line the refusal must name.
``draw_gatherings`` adds activity groups and events (groups.csv,
events.csv) to a set, and ``GATHERING_RULES`` break their rules.

Column names, labels and rules are written here from the contract, not
taken from the importer.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from hypothesis import assume
from hypothesis import strategies as st

from coordinator_app.core import codes  # the contract's code lists and their labels
from tests.conftest import TODAY

# --- the contract's columns: (name, label, required) --------------------------------------

COLUMNS: dict[str, list[tuple[str, str, bool]]] = {
    "branches": [("code", "支部コード", True), ("name", "支部名", True),
                 ("base_name", "拠点名", False), ("address", "住所", False),
                 ("phone", "電話番号", False)],
    "consultations": [("external_id", "記録ID", True), ("branch_code", "支部コード", True),
                      ("received_on", "受付日", True), ("kind", "区分", True),
                      ("channel", "受付方法", True), ("from_whom", "相談者", True),
                      ("categories", "相談内容", True), ("response", "対応", True),
                      ("referred_to", "つなぎ先", False), ("person_name", "氏名", False),
                      ("person_kana", "ふりがな", False), ("summary", "内容", False)],
    "watch-users": [("external_id", "利用者ID", True), ("branch_code", "支部コード", True),
                    ("name", "氏名", True), ("kana", "ふりがな", False),
                    ("birth_date", "生年月日", False), ("phone", "電話番号", False),
                    ("address", "住所", False), ("area", "自治会", False),
                    ("enrolled_on", "登録日", True), ("ended_on", "終了日", False),
                    ("end_reason", "終了理由", False)],
    "watch-contacts": [("watch_user_id", "利用者ID", True), ("branch_code", "支部コード", True),
                       ("contacted_on", "実施日", True), ("method", "方法", True),
                       ("by", "実施者", True), ("result", "結果", True), ("note", "メモ", False)],
    "volunteers": [("external_id", "登録ID", True), ("branch_code", "支部コード", True),
                   ("name", "氏名・団体名", True), ("kana", "ふりがな", False),
                   ("kind", "種別", True), ("roles", "活動内容", True),
                   ("phone", "電話番号", False), ("address", "住所", False),
                   ("area", "自治会", False), ("registered_on", "登録日", True),
                   ("withdrawn_on", "退会日", False), ("skills", "特技", False),
                   ("insurance_fy", "保険加入年度", False)],
    "groups": [("external_id", "グループID", True), ("branch_code", "支部コード", True),
               ("name", "名称", True), ("kana", "ふりがな", False), ("kind", "種別", True),
               ("area", "自治会", False), ("started_on", "開始日", True),
               ("ended_on", "終了日", False), ("subsidy_fy", "助成年度", False)],
    # note has no label of its own in events.csv: メモ, as in watch-contacts.csv
    "events": [("external_id", "行事ID", True), ("branch_code", "支部コード", True),
               ("held_on", "開催日", True), ("kind", "種別", True), ("title", "名称", True),
               ("group_id", "グループID", False), ("area", "自治会", False),
               ("participants", "参加人数", True), ("volunteers", "うちボランティア", False),
               ("note", "メモ", False)],
}
# The order a set is imported in: what a file names must be there first.
ORDER = ("branches", "volunteers", "watch-users", "watch-contacts", "consultations")
# 行事・サロン (issue 16), after the branches: groups, then the events naming them.
GATHERINGS = ("groups", "events")
NOT_FUTURE = {"received_on", "contacted_on", "registered_on", "enrolled_on", "birth_date",
              "started_on", "held_on"}

# The fiscal year tallied: the last whole one before TODAY; records span
# from half a year before it to TODAY (registrations from 令和元年 on).
FY = TODAY.year - 1 if TODAY.month >= 4 else TODAY.year - 2
WINDOW_START = dt.date(FY - 1, 10, 1)
REIWA = dt.date(2019, 5, 1)


# --- what the files mean ------------------------------------------------------------------

@dataclass
class Branch:
    code: str
    name: str


@dataclass
class Volunteer:
    ext: str
    branch: str
    name: str
    kana: str
    kind: str
    roles: tuple[str, ...]
    registered: dt.date
    withdrawn: dt.date | None
    insurance_fy: int | None
    area: str
    skills: str


@dataclass
class WatchUser:
    ext: str
    branch: str
    name: str
    kana: str
    birth: dt.date | None
    phone: str
    area: str
    enrolled: dt.date
    ended: dt.date | None
    end_reason: str | None


@dataclass
class Contact:
    user: WatchUser
    day: dt.date
    method: str
    by: tuple[str, ...]  # volunteer external_ids; () = staff
    result: str
    note: str


@dataclass
class Consultation:
    ext: str
    branch: str
    received: dt.date
    kind: str
    channel: str
    from_whom: str
    categories: tuple[str, ...]
    response: str
    referred_to: str
    person_name: str
    person_kana: str
    summary: str


@dataclass
class Group:
    ext: str
    branch: str
    name: str
    kana: str
    kind: str
    area: str
    started: dt.date
    ended: dt.date | None
    subsidy_fy: tuple[int, ...]


@dataclass
class Event:
    ext: str
    branch: str
    held: dt.date
    kind: str
    title: str
    group: Group | None
    area: str
    participants: int
    volunteers: int
    note: str


@dataclass
class LedgerSet:
    branches: list[Branch] = field(default_factory=list)
    volunteers: list[Volunteer] = field(default_factory=list)
    users: list[WatchUser] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def branch_codes(self) -> list[str]:
        return [b.code for b in self.branches]

    def rows(self, kind: str) -> list[dict[str, "Cell"]]:
        """The rows of one kind's file, as cells still to be rendered."""
        return rows_of(kind, self.records(kind))

    def records(self, kind: str) -> list:
        return {"branches": self.branches, "volunteers": self.volunteers,
                "watch-users": self.users, "watch-contacts": self.contacts,
                "consultations": self.consultations, "groups": self.groups,
                "events": self.events}[kind]


@dataclass(frozen=True)
class Cell:
    """A value before it is written: ``how`` says how it may be varied."""
    how: str  # text | code | codes | date | kana | year | years | count | by | raw
    value: Any
    table: dict | None = None


def T(value: str) -> Cell:
    return Cell("text", value)


def _opt(value, how: str) -> Cell:
    return Cell(how, value) if value else Cell("raw", "")


_ROWS: dict[str, Callable[[Any], list[tuple[str, Cell]]]] = {
    "branches": lambda b: [("code", T(b.code)), ("name", T(b.name)),
                           ("base_name", T(b.name.replace("支部", "公民館"))),
                           ("address", Cell("raw", "")), ("phone", Cell("raw", ""))],
    "volunteers": lambda v: [
        ("external_id", T(v.ext)), ("branch_code", T(v.branch)), ("name", T(v.name)),
        ("kana", _opt(v.kana, "kana")), ("kind", Cell("code", v.kind, codes.VOLUNTEER_KIND)),
        ("roles", Cell("codes", v.roles, codes.DEFAULT_ROLES)), ("phone", Cell("raw", "")),
        ("address", Cell("raw", "")), ("area", _opt(v.area, "text")),
        ("registered_on", Cell("date", v.registered)),
        ("withdrawn_on", _opt(v.withdrawn, "date")), ("skills", _opt(v.skills, "text")),
        ("insurance_fy", _opt(v.insurance_fy, "year"))],
    "watch-users": lambda u: [
        ("external_id", T(u.ext)), ("branch_code", T(u.branch)), ("name", T(u.name)),
        ("kana", _opt(u.kana, "kana")), ("birth_date", _opt(u.birth, "date")),
        ("phone", _opt(u.phone, "text")), ("address", Cell("raw", "")),
        ("area", _opt(u.area, "text")), ("enrolled_on", Cell("date", u.enrolled)),
        ("ended_on", _opt(u.ended, "date")),
        ("end_reason", Cell("code", u.end_reason, codes.END_REASON) if u.end_reason
         else Cell("raw", ""))],
    "watch-contacts": lambda c: [
        ("watch_user_id", T(c.user.ext)), ("branch_code", T(c.user.branch)),
        ("contacted_on", Cell("date", c.day)),
        ("method", Cell("code", c.method, codes.WATCH_METHOD)), ("by", Cell("by", c.by)),
        ("result", Cell("code", c.result, codes.WATCH_RESULT)), ("note", _opt(c.note, "text"))],
    "consultations": lambda c: [
        ("external_id", T(c.ext)), ("branch_code", T(c.branch)),
        ("received_on", Cell("date", c.received)), ("kind", Cell("code", c.kind, codes.KIND)),
        ("channel", Cell("code", c.channel, codes.CHANNEL)),
        ("from_whom", Cell("code", c.from_whom, codes.FROM_WHOM)),
        ("categories", Cell("codes", c.categories, codes.DEFAULT_CATEGORIES)),
        ("response", Cell("code", c.response, codes.RESPONSE)),
        ("referred_to", _opt(c.referred_to, "text")), ("person_name", _opt(c.person_name, "text")),
        ("person_kana", _opt(c.person_kana, "kana")), ("summary", _opt(c.summary, "text"))],
    "groups": lambda g: [
        ("external_id", T(g.ext)), ("branch_code", T(g.branch)), ("name", T(g.name)),
        ("kana", _opt(g.kana, "kana")), ("kind", Cell("code", g.kind, codes.DEFAULT_GROUP_KINDS)),
        ("area", _opt(g.area, "text")), ("started_on", Cell("date", g.started)),
        ("ended_on", _opt(g.ended, "date")), ("subsidy_fy", _opt(g.subsidy_fy, "years"))],
    "events": lambda e: [
        ("external_id", T(e.ext)), ("branch_code", T(e.branch)), ("held_on", Cell("date", e.held)),
        ("kind", Cell("code", e.kind, codes.DEFAULT_EVENT_KINDS)), ("title", T(e.title)),
        ("group_id", T(e.group.ext) if e.group else _raw("")), ("area", _opt(e.area, "text")),
        ("participants", Cell("count", e.participants)),
        # empty = 0 (the contract), so 0 may be written either way
        ("volunteers", Cell("count", e.volunteers) if e.volunteers else Cell("zero", 0)),
        ("note", _opt(e.note, "text"))],
}


def rows_of(kind: str, records: list) -> list[dict[str, Cell]]:
    return [dict(_ROWS[kind](r)) for r in records]


# --- drawing a valid set ---------------------------------------------------------------------

# Every example gets branch codes of its own, so examples can share one
# database (a fresh PostgreSQL database per example would take seconds).
_EXAMPLE = itertools.count(1)

SURNAMES = [("見本", "みほん"), ("仮野", "かりの"), ("架空", "かくう"), ("試験", "しけん"),
            ("例田", "れいだ"), ("模擬", "もぎ"), ("髙橋", "たかはし"), ("山﨑", "やまさき")]
GIVEN = [("太郎", "たろう"), ("花子", "はなこ"), ("次郎", "じろう"), ("健", "けん"),
         ("ミチ", "みち"), ("ジョン", "じょん")]
# (name, reading) of groups, with {n} a number and {a} Latin letters
GROUPS = [("第{n}サロン", "だい{n}さろん"), ("NPO法人{a}", "えぬぴーおー{a}"),
          ("{a}クラブ", "{a}くらぶ"), ("見守り隊{n}", "みまもりたい{n}"),
          ("ひまわり会", "ひまわりかい"), ("{a}・ボランティア{n}", "{a}・ぼらんてぃあ{n}")]
NOTES = ["", "", "元気そう", "午前 不在、夕方 再訪", '本人より「膝が痛い」', 'メモ "要確認"',
         "買い物、通院について。\n次回は「来週」, 訪問予定", "ゴミ出しの相談,近所の方から\r\n連絡あり"]
AREAS = ["", "平方第1自治会", "原市北区", "ＡＢ団地自治会"]


def _dates(lo: dt.date, hi: dt.date):
    """Any day between lo and hi, often an edge: a month's first or last
    day, a fiscal year's 4/1 or 3/31, TODAY."""
    edges = [d for d in (dt.date(FY, 4, 1), dt.date(FY + 1, 3, 31), dt.date(FY + 1, 4, 1),
                         dt.date(FY, 3, 31), dt.date(FY, 9, 30), dt.date(FY + 1, 2, 28), TODAY,
                         REIWA, lo, hi) if lo <= d <= hi]
    return st.one_of(st.dates(lo, hi), st.sampled_from(edges))


def _person(draw) -> tuple[str, str]:
    (s, sk), (g, gk) = draw(st.sampled_from(SURNAMES)), draw(st.sampled_from(GIVEN))
    return f"{s} {g}", draw(st.sampled_from([f"{sk} {gk}", f"{sk}　{gk}", sk + gk, ""]))


def _group(draw) -> tuple[str, str]:
    name, reading = draw(st.sampled_from(GROUPS))
    n = str(draw(st.integers(1, 21)))
    a = draw(st.sampled_from(["ABC", "NPO", "Yy", "K"]))
    return name.format(n=n, a=a), reading.format(n=n, a=a)


def draw_set(draw, branches: int | None = None, at_least_one: bool = False) -> LedgerSet:
    """A valid ledger set of one or two new branches. at_least_one: every
    kind has a row, and some user has a contact."""
    s = LedgerSet()
    n = next(_EXAMPLE)
    count = branches or draw(st.integers(1, 2))
    for i in range(count):
        suffix = draw(st.sampled_from(["", "-1", "_a", "X"]))
        s.branches.append(Branch(f"T{n}{'ab'[i]}{suffix}", f"テスト第{i + 1}支部"))
    ext_style = draw(st.sampled_from(["V{:03d}", "ボ{}", "v-{}"]))
    for b in s.branch_codes:
        for j in range(draw(st.integers(1 if at_least_one else 0, 3))):
            kind = draw(st.sampled_from(["individual", "individual", "group"]))
            name, kana_text = _person(draw) if kind == "individual" else _group(draw)
            registered = draw(_dates(REIWA, TODAY))
            withdrawn = draw(st.none() | _dates(registered, TODAY))
            s.volunteers.append(Volunteer(
                ext_style.format(j + 1), b, name, kana_text, kind,
                tuple(draw(st.sets(st.sampled_from(sorted(codes.DEFAULT_ROLES)), min_size=1,
                                   max_size=3))),
                registered, withdrawn, draw(st.none() | st.integers(2019, TODAY.year)),
                draw(st.sampled_from(AREAS)), draw(st.sampled_from(["", "料理;傾聴", "運転"]))))
        for j in range(draw(st.integers(1, 3))):
            name, kana_text = _person(draw)
            enrolled = draw(_dates(REIWA, TODAY))
            ended = None if (at_least_one and j == 0) else draw(st.none() | _dates(enrolled, TODAY))
            s.users.append(WatchUser(
                f"W{j + 1}", b, name, kana_text,
                draw(st.none() | st.dates(dt.date(1927, 1, 1), dt.date(1960, 12, 31))),
                draw(st.sampled_from(["", "048-000-0000"])), draw(st.sampled_from(AREAS)),
                enrolled, ended,
                draw(st.sampled_from(sorted(codes.END_REASON))) if ended else None))
        for j in range(draw(st.integers(1 if at_least_one else 0, 3))):
            name, kana_text = _person(draw) if draw(st.booleans()) else ("", "")
            s.consultations.append(Consultation(
                f"C{j + 1}", b, draw(_dates(WINDOW_START, TODAY)),
                draw(st.sampled_from(sorted(codes.KIND))),
                draw(st.sampled_from(sorted(codes.CHANNEL))),
                draw(st.sampled_from(sorted(codes.FROM_WHOM))),
                tuple(draw(st.sets(st.sampled_from(sorted(codes.DEFAULT_CATEGORIES)),
                                   min_size=1, max_size=3))),
                draw(st.sampled_from(sorted(codes.RESPONSE))),
                draw(st.sampled_from(["", "地域包括支援センター"])), name,
                kana_text if name else "", draw(st.sampled_from(NOTES))))
    for u in s.users:
        last = min(u.ended or TODAY, TODAY)
        first = max(u.enrolled, WINDOW_START)
        if first > last:
            continue
        vols = [v.ext for v in s.volunteers if v.branch == u.branch]
        for _ in range(draw(st.integers(1 if at_least_one and u is s.users[0] else 0, 3))):
            by = tuple(draw(st.sets(st.sampled_from(vols), min_size=1, max_size=2))) \
                if vols and draw(st.booleans()) else ()
            c = Contact(u, draw(_dates(first, last)),
                        draw(st.sampled_from(sorted(codes.WATCH_METHOD))), by,
                        draw(st.sampled_from(sorted(codes.WATCH_RESULT))),
                        draw(st.sampled_from(NOTES)))
            s.contacts.append(c)
            # Phoned twice that day (absent, then reached), or written twice.
            for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
                s.contacts.append(replace(c, result=draw(st.sampled_from(
                    sorted(codes.WATCH_RESULT))), note=draw(st.sampled_from(NOTES))))
    return s


TITLES = {"salon": ["{g} 定例会", "サロン（第{n}回）"], "course": ["認知症サポーター養成講座",
           "傾聴ボランティア講座 第{n}回"], "forum": ["地域福祉懇談会", "R{n} 懇談会"],
           "exchange": ["世代間交流会"], "education": ["福祉教育 小学校{n}年"],
           "drill": ["避難訓練", "AED講習"], "meeting": ["支部役員会", "民生委員部会"],
           "publicity": ["かわらばん配布"], "other": ["その他の行事, 「集い」"]}


def _window(g: Group) -> tuple[dt.date, dt.date] | None:
    """The days up to TODAY on which the group is active (None: none)."""
    last = min(TODAY, g.ended - dt.timedelta(days=1)) if g.ended else TODAY
    return (g.started, last) if g.started <= last else None


def draw_gatherings(draw, s: LedgerSet, at_least_one: bool = False) -> None:
    """Add activity groups and events to the set's branches. Group IDs
    repeat across branches (an ID names a group of its own branch);
    some groups end, some on the day they started (active on no day).
    at_least_one: every branch has a group of its own ID that is always
    active (``S-<branch>``) and an event of it, and an event of no group."""
    ext_style = draw(st.sampled_from(["G{}", "グ{:02d}", "g-{}"]))
    for b in s.branch_codes:
        groups = []
        for j in range(draw(st.integers(0, 3))):
            name, reading = _group(draw)
            started = draw(_dates(REIWA, TODAY))
            ended = draw(st.none() | _dates(started, TODAY + dt.timedelta(days=60)))
            groups.append(Group(
                ext_style.format(j + 1), b, name, draw(st.sampled_from([reading, ""])),
                draw(st.sampled_from(sorted(codes.DEFAULT_GROUP_KINDS))),
                draw(st.sampled_from(AREAS)), started, ended,
                tuple(sorted(draw(st.sets(st.integers(2019, FY + 1), max_size=3))))))
        if at_least_one:
            groups.append(Group(f"S-{b}", b, "ふれあいサロン", "ふれあいさろん", "salon", "",
                                REIWA, None, (FY,)))
        s.groups += groups
        active = [g for g in groups if _window(g)]
        events = draw(st.integers(0, 5))
        for j in range(events + (2 if at_least_one else 0)):
            if at_least_one and j == events:
                group = groups[-1]
            elif at_least_one and j == events + 1:
                group = None
            else:
                group = draw(st.sampled_from(active)) if active and draw(st.booleans()) else None
            if group:
                kind = draw(st.sampled_from(["salon", "salon", "course", "other"]))
                held = draw(_dates(*_window(group)))
            else:
                kind = draw(st.sampled_from(sorted(codes.DEFAULT_EVENT_KINDS)))
                held = draw(_dates(WINDOW_START, TODAY))
            participants = draw(st.sampled_from([0, 1, 12, 35, 600]) | st.integers(0, 200))
            s.events.append(Event(
                f"E{j + 1:03d}", b, held, kind,
                draw(st.sampled_from(TITLES[kind])).format(g=group.name if group else "",
                                                           n=j + 1).strip(),
                group, draw(st.sampled_from(AREAS)), participants,
                draw(st.sampled_from([0, participants]) | st.integers(0, participants)),
                draw(st.sampled_from(NOTES))))


# --- rendering values -----------------------------------------------------------------------

ERAS = [("令和", "R", dt.date(2019, 5, 1)), ("平成", "H", dt.date(1989, 1, 8)),
        ("昭和", "S", dt.date(1926, 12, 25))]
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HALF_KATAKANA = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFF66, 0xFF9E)}
_HALF_MARKS = {"\u3099": "ﾞ", "\u309a": "ﾟ"}


def render_date(draw, day: dt.date) -> str:
    name, letter, start = next(e for e in ERAS if day >= e[2])
    n = day.year - start.year + 1
    year = "元" if n == 1 else str(n)
    text = draw(st.sampled_from([
        day.isoformat(), f"{day.year}/{day.month}/{day.day}",
        f"{day.year}/{day.month:02d}/{day.day:02d}", f"{letter}{n}.{day.month}.{day.day}",
        f"{letter.lower()}{n}.{day.month}.{day.day}", f"{name}{year}年{day.month}月{day.day}日",
        f"{day.year}年{day.month}月{day.day}日"]))
    return text.translate(_FULL_WIDTH) if draw(st.integers(0, 4)) == 0 else text


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def _half_width(text: str) -> str:
    out = []
    for c in unicodedata.normalize("NFD", _katakana(text)):
        out.append(_HALF_MARKS.get(c) or _HALF_KATAKANA.get(c) or
                   {"ー": "ｰ", "・": "･", "　": " "}.get(c, c))
    return "".join(out)


def render_kana(draw, reading: str) -> str:
    """A reading as some office typed it: hiragana, katakana, half-width
    katakana; digits and letters in either width."""
    text = draw(st.sampled_from([reading, _katakana(reading), _half_width(reading)]))
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    if draw(st.booleans()):
        text = unicodedata.normalize("NFKC", text).upper() if draw(st.booleans()) else \
            "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in text)
    return text


def render(draw, cell: Cell) -> str:
    how, value = cell.how, cell.value
    if how == "raw":
        return value
    if how == "text":
        text = value
    elif how == "code":
        text = draw(st.sampled_from([value, cell.table[value]]))
    elif how == "codes":
        parts = [draw(st.sampled_from([c, cell.table[c]])) for c in value]
        if draw(st.integers(0, 5)) == 0:  # the same category written twice
            parts.append(cell.table[value[0]])
        text = draw(st.sampled_from([";", " ; ", "; "])).join(parts)
    elif how == "date":
        text = render_date(draw, value)
    elif how == "kana":
        text = render_kana(draw, value)
    elif how in ("year", "count"):
        text = str(value).translate(_FULL_WIDTH) if draw(st.booleans()) else str(value)
    elif how == "years":
        text = draw(st.sampled_from([";", " ; ", "; "])).join(
            str(y).translate(_FULL_WIDTH) if draw(st.booleans()) else str(y) for y in value)
    elif how == "zero":
        text = draw(st.sampled_from(["", "0", "０"]))
    elif how == "by":
        text = (draw(st.sampled_from(["staff", "職員"])) if not value
                else draw(st.sampled_from([";", " ; "])).join(value))
    else:
        raise ValueError(how)
    return text + draw(st.sampled_from(["", "", "", " ", "　", "  "]))


# --- writing a file ---------------------------------------------------------------------------

@dataclass
class LedgerFile:
    kind: str
    data: bytes
    lines: list[int]  # the line each data row starts on
    quote_line: int | None = None  # where a quote left open starts (broken files)


_BREAK = re.compile(r"\r\n|\r|\n")


def layout(draw, kind: str, rows: list[dict[str, Cell]]) -> tuple[list[str], list[str]]:
    """(column names in file order, their header texts). Column order is
    shuffled; an optional column every row leaves empty may be left out."""
    present = [n for n, _, req in COLUMNS[kind]
               if req or any(r[n].value for r in rows) or draw(st.booleans())]
    order = draw(st.permutations(present))
    labels = {n: lab for n, lab, _ in COLUMNS[kind]}
    japanese = draw(st.sampled_from(["names", "labels", "mixed"]))
    header = [labels[n] if japanese == "labels" or (japanese == "mixed" and draw(st.booleans()))
              else n for n in order]
    return list(order), header


def to_bytes(draw, kind: str, header: list[str], records: list[list[str]],
             open_quote_row: int | None = None) -> LedgerFile:
    """Encode header and records as a spreadsheet might save them. With
    open_quote_row, that row's last field opens a quote that never closes."""
    terminator = draw(st.sampled_from(["\r\n", "\r\n", "\n"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    if open_quote_row is not None:
        quoting = csv.QUOTE_MINIMAL  # the rows after it must not close it
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp932"]))

    def line_text(cells: list[str]) -> str:
        buf = io.StringIO()
        csv.writer(buf, lineterminator=terminator, quoting=quoting).writerow(cells)
        return buf.getvalue()

    text = line_text(header)
    line = 1 + len(_BREAK.findall(text))
    lines: list[int] = []
    quote_line = None
    for i, cells in enumerate(records):
        if draw(st.integers(0, 9)) == 0:  # a blank row left in the sheet
            blank = line_text([""] * len(header))
            text += blank
            line += len(_BREAK.findall(blank))
        lines.append(line)
        if i == open_quote_row:
            before = line_text(cells[:-1]).removesuffix(terminator) + "," if cells[:-1] else ""
            quote_line = line + len(_BREAK.findall(before))
            row = before + '"' + cells[-1].replace('"', "") + terminator
        else:
            row = line_text(cells)
        text += row
        line += len(_BREAK.findall(row))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # text Shift_JIS cannot hold (٢٠٢٥) is saved as UTF-8
        encoding, data = "utf-8", text.encode("utf-8")
    if encoding == "cp932":
        # A cp932 file whose bytes also read as UTF-8 is taken for UTF-8
        # (the encoding is detected); no real ledger is that short.
        try:
            assume(data.decode("utf-8") == text)
        except UnicodeDecodeError:
            pass
    return LedgerFile(kind, data, lines, quote_line)


def write(draw, kind: str, rows: list[dict[str, Cell]]) -> LedgerFile:
    """A valid file of rows."""
    order, header = layout(draw, kind, rows)
    return to_bytes(draw, kind, header, [[render(draw, r[n]) for n in order] for r in rows])


def contacts_of_days(s: LedgerSet, days: set[tuple[str, str, dt.date]]) -> list[Contact]:
    """Every contact of the given (branch, user, day)s: a file that
    repeats some days of another must repeat all lines of each day."""
    return [c for c in s.contacts if (c.user.branch, c.user.ext, c.day) in days]


# --- breaking one rule -------------------------------------------------------------------------

@dataclass
class Broken:
    rule: str
    file: LedgerFile
    line: int  # the line the refusal must name


def _raw(text: str) -> Cell:
    return Cell("raw", text)


def draw_broken(draw, s: LedgerSet, rule: str | None = None,
                rules: dict[str, Callable] | None = None) -> Broken:
    """One file of the set with one contract rule (of ``rules``, RULES by
    default; drawn when not given) broken once. The set must be drawn with
    at_least_one=True, and imported: some rules re-import a record with a
    change that contradicts what is stored."""
    rules = RULES if rules is None else rules
    rule = rule or draw(st.sampled_from(sorted(rules)))
    kind, rows, target, extra = rules[rule](draw, s)
    if extra == "header":
        order, header = layout(draw, kind, rows)
        header, records = _break_header(draw, kind, order, header, rows)
        return Broken(rule, to_bytes(draw, kind, header, records), 1)
    order, header = layout(draw, kind, rows)
    records = [[render(draw, r[n]) for n in order] for r in rows]
    if extra == "count":
        cells = records[target]
        records[target] = cells[:-1] if draw(st.booleans()) and len(cells) > 1 else \
            cells + [draw(st.sampled_from(["", "余分", "x"]))]
    if extra == "quote":
        # the rows after it stay only if no quote of theirs could close it
        records = records[:target + 1] + [r for r in records[target + 1:]
                                          if '"' not in "".join(r) and "," not in "".join(r)
                                          and not _BREAK.search("".join(r))]
        f = to_bytes(draw, kind, header, records, open_quote_row=target)
        return Broken(rule, f, f.quote_line)
    f = to_bytes(draw, kind, header, records)
    return Broken(rule, f, f.lines[target])


def _break_header(draw, kind, order, header, rows):
    how = draw(st.sampled_from(["unknown", "missing", "twice"]))
    records = [[render(draw, r[n]) for n in order] for r in rows]
    if how == "unknown":
        at = draw(st.integers(0, len(header)))
        header = header[:at] + [draw(st.sampled_from(["memo", "備考", "氏名（漢字）", ""]))] + header[at:]
        records = [r[:at] + ["x"] + r[at:] for r in records]
    elif how == "missing":
        required = [i for i, n in enumerate(order)
                    if next(req for name, _, req in COLUMNS[kind] if name == n)]
        at = draw(st.sampled_from(required))
        header = header[:at] + header[at + 1:]
        records = [r[:at] + r[at + 1:] for r in records]
    else:
        at = draw(st.integers(0, len(header) - 1))
        labels = {n: lab for n, lab, _ in COLUMNS[kind]}
        header = header + [draw(st.sampled_from([order[at], labels[order[at]]]))]
        records = [r + [r[at]] for r in records]
    return header, records


def _pick(draw, s: LedgerSet, kind: str, test: Callable[[Any], bool] = lambda r: True):
    """(rows of kind, index of a record passing test) for a rule to break."""
    rows = s.rows(kind)
    candidates = [i for i, r in enumerate(s.records(kind)) if test(r)]
    return rows, draw(st.sampled_from(candidates))


def _any_kind(draw, s, kinds=ORDER):
    kind = draw(st.sampled_from(kinds))
    rows, t = _pick(draw, s, kind)
    return kind, rows, t


def _set(rows, t, **cells):
    rows[t] = {**rows[t], **cells}


def _unknown_code(draw, s):
    kind, column = draw(st.sampled_from([
        ("consultations", "kind"), ("consultations", "channel"), ("consultations", "from_whom"),
        ("consultations", "response"), ("consultations", "categories"),
        ("watch-contacts", "method"), ("watch-contacts", "result"), ("volunteers", "kind"),
        ("volunteers", "roles"), ("watch-users", "end_reason")]))
    rows, t = _pick(draw, s, kind)
    bad = draw(st.sampled_from(["fax", "不明", "電話訪問", "visit2", "Life", "相談・その他"]))
    if column in ("categories", "roles"):
        bad = f"{rows[t][column].value[0]};{bad}"
    _set(rows, t, **{column: _raw(bad)})
    return kind, rows, t, None


def _bad_date(draw, s):
    kind = draw(st.sampled_from(["consultations", "watch-users", "watch-contacts", "volunteers"]))
    columns = {"consultations": ["received_on"], "watch-users": ["enrolled_on", "birth_date"],
               "watch-contacts": ["contacted_on"], "volunteers": ["registered_on"]}[kind]
    rows, t = _pick(draw, s, kind)
    _set(rows, t, **{draw(st.sampled_from(columns)): _raw(draw(st.sampled_from([
        "2025-02-30", "4月1日", "令和元年4月30日", "R7.13.1", "2025/4/31", "昨日", "2025-4",
        "R7年4月1日", "２０２５－１３－０１", "7/4/2025", "X7.4.1"])))})
    return kind, rows, t, None


def _future_date(draw, s):
    kind = draw(st.sampled_from(["consultations", "watch-users", "watch-contacts", "volunteers"]))
    column = draw(st.sampled_from([n for n, _, _ in COLUMNS[kind] if n in NOT_FUTURE]))
    rows, t = _pick(draw, s, kind)
    _set(rows, t, **{column: Cell("date", TODAY + dt.timedelta(days=draw(st.integers(1, 800))))})
    return kind, rows, t, None


def _kanji_in_kana(draw, s):
    kind = draw(st.sampled_from(["watch-users", "volunteers", "consultations"]))
    rows, t = _pick(draw, s, kind)
    column = "person_kana" if kind == "consultations" else "kana"
    _set(rows, t, **{column: _raw(draw(st.sampled_from(["見本 たろう", "だい三さろん", "山田",
                                                        "やまだ（太郎）"])))})
    if kind == "consultations":
        _set(rows, t, person_name=T("見本 太郎"))
    return kind, rows, t, None


def _ended_before_enrolled(draw, s):
    rows, t = _pick(draw, s, "watch-users")
    u = s.users[t]
    _set(rows, t, ended_on=Cell("date", u.enrolled - dt.timedelta(days=draw(st.integers(1, 90)))),
         end_reason=Cell("code", "moved", codes.END_REASON))
    return "watch-users", rows, t, None


def _end_reason_alone(draw, s):
    rows, t = _pick(draw, s, "watch-users")
    if draw(st.booleans()):
        _set(rows, t, ended_on=_raw(""), end_reason=Cell("code", "death", codes.END_REASON))
    else:
        _set(rows, t, ended_on=Cell("date", TODAY), end_reason=_raw(""))
    return "watch-users", rows, t, None


def _withdrawn_before_registered(draw, s):
    rows, t = _pick(draw, s, "volunteers")
    v = s.volunteers[t]
    _set(rows, t, withdrawn_on=Cell("date", v.registered - dt.timedelta(
        days=draw(st.integers(1, 90)))))
    return "volunteers", rows, t, None


def _contact_outside_enrolment(draw, s):
    rows, t = _pick(draw, s, "watch-contacts")
    u = s.contacts[t].user
    if u.ended and u.ended < TODAY and draw(st.booleans()):
        day = u.ended + dt.timedelta(days=1)
    else:
        day = u.enrolled - dt.timedelta(days=draw(st.integers(1, 30)))
    _set(rows, t, contacted_on=Cell("date", day))
    return "watch-contacts", rows, t, None


def _unknown_reference(draw, s):
    kind, column, bad = draw(st.sampled_from([
        ("watch-contacts", "watch_user_id", "W999"), ("watch-contacts", "by", "V-NONE"),
        ("watch-contacts", "by", "staff;職員"), ("consultations", "branch_code", "ZZ404"),
        ("volunteers", "branch_code", "ZZ404"), ("watch-users", "branch_code", "ZZ404"),
        ("watch-contacts", "branch_code", "ZZ404")]))
    rows, t = _pick(draw, s, kind)
    _set(rows, t, **{column: _raw(bad)})
    return kind, rows, t, None


def _duplicate_id(draw, s):
    kind = draw(st.sampled_from(["branches", "consultations", "watch-users", "volunteers"]))
    rows, j = _pick(draw, s, kind)
    rows.append(dict(rows[j]))
    return kind, rows, len(rows) - 1, None


def _required_empty(draw, s):
    kind = draw(st.sampled_from(ORDER))
    rows, t = _pick(draw, s, kind)
    column = draw(st.sampled_from([n for n, _, req in COLUMNS[kind] if req]))
    _set(rows, t, **{column: _raw(draw(st.sampled_from(["", " ", "　"])))})
    return kind, rows, t, None


def _bad_fiscal_year(draw, s):
    rows, t = _pick(draw, s, "volunteers")
    _set(rows, t, insurance_fy=_raw(draw(st.sampled_from(
        ["R7", "令和7年度", "25", "٢٠٢٥", "20255", "1900", "2025年", "2025²"]))))
    return "volunteers", rows, t, None


def _kana_without_name(draw, s):
    rows, t = _pick(draw, s, "consultations")
    _set(rows, t, person_name=_raw(""), person_kana=Cell("kana", "みほん たろう"))
    return "consultations", rows, t, None


def _too_long(draw, s):
    kind = draw(st.sampled_from(["watch-users", "volunteers", "branches"]))
    rows, t = _pick(draw, s, kind)
    _set(rows, t, name=_raw("長" * draw(st.integers(101, 130))))
    return kind, rows, t, None


def _enrolment_leaves_contacts_out(draw, s):
    with_contacts = {(c.user.branch, c.user.ext) for c in s.contacts}
    rows, t = _pick(draw, s, "watch-users", lambda u: (u.branch, u.ext) in with_contacts)
    u = s.users[t]
    first = min(c.day for c in s.contacts if c.user is u)
    _set(rows, t, enrolled_on=Cell("date", first + dt.timedelta(days=1)))
    return "watch-users", rows, t, None


def _header(draw, s, kinds=ORDER):
    kind, rows, _ = _any_kind(draw, s, kinds)
    return kind, rows, 0, "header"


def _column_count(draw, s, kinds=ORDER):
    kind, rows, t = _any_kind(draw, s, kinds)
    return kind, rows, t, "count"


def _open_quote(draw, s, kinds=ORDER):
    kind, rows, t = _any_kind(draw, s, kinds)
    return kind, rows, t, "quote"


RULES: dict[str, Callable] = {
    "unknown code": _unknown_code,
    "bad date": _bad_date,
    "future date": _future_date,
    "kanji in kana": _kanji_in_kana,
    "ended before enrolled": _ended_before_enrolled,
    "end_reason without ended_on or the reverse": _end_reason_alone,
    "withdrawn before registered": _withdrawn_before_registered,
    "contact outside the enrolment": _contact_outside_enrolment,
    "unknown watch user, volunteer or branch": _unknown_reference,
    "duplicate external_id": _duplicate_id,
    "required field empty": _required_empty,
    "bad fiscal year": _bad_fiscal_year,
    "kana without a name": _kana_without_name,
    "text too long": _too_long,
    "enrolment leaves recorded contacts out": _enrolment_leaves_contacts_out,
    "unknown, missing or repeated column": _header,
    "wrong column count": _column_count,
    "quote left open": _open_quote,
}


# --- breaking one rule of groups.csv or events.csv ---------------------------------------------
# A set drawn with draw_gatherings(at_least_one=True) over two branches.

def _of_group(e: Event) -> bool:
    return e.group is not None


def _unknown_group(draw, s):
    rows, t = _pick(draw, s, "events")
    _set(rows, t, group_id=_raw(draw(st.sampled_from(
        ["G-NONE", "S-", "グ99", "s-" + s.events[t].branch]))))  # IDs are case-sensitive
    return "events", rows, t, None


def _group_of_another_branch(draw, s):
    rows, t = _pick(draw, s, "events")
    other = next(b for b in s.branch_codes if b != s.events[t].branch)
    _set(rows, t, group_id=T(f"S-{other}"))  # that branch's own ID: no such group here
    return "events", rows, t, None


def _group_not_active(draw, s):
    rows, t = _pick(draw, s, "events", _of_group)
    g = s.events[t].group
    days = [g.started - dt.timedelta(days=draw(st.integers(1, 400)))]
    if g.ended and g.ended <= TODAY:  # the end day itself is not active
        days.append(draw(_dates(g.ended, TODAY)))
    _set(rows, t, held_on=Cell("date", draw(st.sampled_from(days))))
    return "events", rows, t, None


def _volunteers_over_participants(draw, s):
    rows, t = _pick(draw, s, "events")
    n = s.events[t].participants
    _set(rows, t, volunteers=Cell("count", n + draw(st.integers(1, 30))))
    return "events", rows, t, None


def _bad_count(draw, s):
    rows, t = _pick(draw, s, "events")
    column = draw(st.sampled_from(["participants", "volunteers"]))
    _set(rows, t, **{column: _raw(draw(st.sampled_from(
        ["-1", "－３", "2.5", "１２.０", "5人", "十", "約10", "1e3", "+3", "3,000", "100001",
         "99999999999999999999"])))})
    return "events", rows, t, None


def _gathering_date(draw, s):
    kind, column = draw(st.sampled_from([("groups", "started_on"), ("groups", "ended_on"),
                                         ("events", "held_on")]))
    rows, t = _pick(draw, s, kind)
    _set(rows, t, **{column: _raw(draw(st.sampled_from([
        "2025-02-30", "4月1日", "令和元年4月30日", "R7.13.1", "昨日", "X7.4.1", "2025/4/31"])))})
    return kind, rows, t, None


def _gathering_future(draw, s):
    kind, column = draw(st.sampled_from([("groups", "started_on"), ("events", "held_on")]))
    rows, t = _pick(draw, s, kind)
    _set(rows, t, **{column: Cell("date", TODAY + dt.timedelta(days=draw(st.integers(1, 800))))})
    return kind, rows, t, None


def _gathering_kind(draw, s):
    kind = draw(st.sampled_from(GATHERINGS))
    rows, t = _pick(draw, s, kind)
    # the other list's labels are no kinds of this one (サロン is a group's, サロン開催 an event's)
    bad = {"groups": ["サロン開催", "course", "講座・研修", "Salon", "さろん", "fax"],
           "events": ["サロン", "gathering", "子ども食堂", "講座", "Course", "fax"]}[kind]
    _set(rows, t, kind=_raw(draw(st.sampled_from(bad))))
    return kind, rows, t, None


def _gathering_kana(draw, s):
    rows, t = _pick(draw, s, "groups")
    _set(rows, t, kana=_raw(draw(st.sampled_from(["だい三さろん", "ふれあい（仮）", "さろん＠",
                                                    "ひまわり会"]))))
    return "groups", rows, t, None


def _group_ended_before_started(draw, s):
    rows, t = _pick(draw, s, "groups")
    g = s.groups[t]
    _set(rows, t, ended_on=Cell("date", g.started - dt.timedelta(days=draw(st.integers(1, 90)))))
    return "groups", rows, t, None


def _bad_subsidy_years(draw, s):
    rows, t = _pick(draw, s, "groups")
    _set(rows, t, subsidy_fy=_raw(draw(st.sampled_from(
        ["R6", "2024;R7", "令和6年度", "25", "2025年度", "2024;;x", "2024,2025", "1900", "٢٠٢٥"]))))
    return "groups", rows, t, None


def _gathering_duplicate(draw, s):
    kind = draw(st.sampled_from(GATHERINGS))
    rows, j = _pick(draw, s, kind)
    rows.append(dict(rows[j]))
    return kind, rows, len(rows) - 1, None


def _gathering_required(draw, s):
    kind = draw(st.sampled_from(GATHERINGS))
    rows, t = _pick(draw, s, kind)
    column = draw(st.sampled_from([n for n, _, req in COLUMNS[kind] if req]))
    _set(rows, t, **{column: _raw(draw(st.sampled_from(["", " ", "　"])))})
    return kind, rows, t, None


def _gathering_too_long(draw, s):
    kind = draw(st.sampled_from(GATHERINGS))
    rows, t = _pick(draw, s, kind)
    _set(rows, t, **{"name" if kind == "groups" else "title":
                     _raw("長" * draw(st.integers(201, 230)))})
    return kind, rows, t, None


def _gathering_branch(draw, s):
    kind = draw(st.sampled_from(GATHERINGS))
    rows, t = _pick(draw, s, kind)
    _set(rows, t, branch_code=_raw("ZZ404"))
    return kind, rows, t, None


def _group_period_leaves_events_out(draw, s):
    rows, t = _pick(draw, s, "groups", lambda g: any(e.group is g for e in s.events))
    g = s.groups[t]
    held = sorted(e.held for e in s.events if e.group is g)
    if held[0] < TODAY and draw(st.booleans()):
        _set(rows, t, started_on=Cell("date", held[0] + dt.timedelta(days=1)))
    else:
        _set(rows, t, ended_on=Cell("date", held[-1]))
    return "groups", rows, t, None


GATHERING_RULES: dict[str, Callable] = {
    "unknown group": _unknown_group,
    "group of another branch": _group_of_another_branch,
    "group not active on the date": _group_not_active,
    "volunteers > participants": _volunteers_over_participants,
    "negative, non-integer or huge count": _bad_count,
    "bad date": _gathering_date,
    "future date": _gathering_future,
    "unknown kind": _gathering_kind,
    "kanji in kana": _gathering_kana,
    "ended before started": _group_ended_before_started,
    "bad subsidy years": _bad_subsidy_years,
    "duplicate external_id": _gathering_duplicate,
    "required field empty": _gathering_required,
    "text too long": _gathering_too_long,
    "unknown branch": _gathering_branch,
    "group period leaves recorded events out": _group_period_leaves_events_out,
    "unknown, missing or repeated column": lambda draw, s: _header(draw, s, GATHERINGS),
    "wrong column count": lambda draw, s: _column_count(draw, s, GATHERINGS),
    "quote left open": lambda draw, s: _open_quote(draw, s, GATHERINGS),
}
