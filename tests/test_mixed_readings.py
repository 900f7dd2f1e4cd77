"""Readings (ふりがな) that carry digits and Latin letters, as group names
do (「だい3さろん」「えぬぴーおーABC」): imported from a ledger, found by
search typed in any width, and listed 50音順 (digits, then Latin
letters, then kana, as JIS X 4061 orders them). Runs on SQLite and, when
configured, PostgreSQL."""

from __future__ import annotations

import pytest

from coordinator_app.interchange.importer import import_ledger
from coordinator_app.services.people import search_people
from coordinator_app.services.volunteers import VolunteerQuery, search_volunteers
from coordinator_app.services.watch import list_users
from tests.conftest import TODAY, coordinator_of
from tests.test_import import (
    BRANCH_HEADER,
    VOLUNTEER_HEADER,
    WATCH_USER_HEADER,
    ledger,
    volunteer,
    watch_user,
)

# (external_id, name, reading as typed), in the expected 50音順
GROUPS = [
    ("G5", "一番会", "1ばんかい"),
    ("G6", "ＡＢＣクラブ", "ＡＢＣくらぶ"),
    ("G1", "あおば会", "アオバカイ"),
    ("G2", "NPO法人ABC", "えぬぴーおーABC"),
    ("G3", "第3サロン", "ﾀﾞｲ3ｻﾛﾝ"),
    ("G4", "第一サロン", "だいいち さろん"),
    ("G7", "山田 花子", "やまだ　はなこ"),
]
USERS = [
    ("W2", "見本 二郎", "２ばんち みほん"),
    ("W3", "Smith John", "すみす じょん"),
    ("W1", "見本 一郎", "みほん いちろう"),
]


@pytest.fixture
def branch(db):
    import_ledger(db, "branches", ledger(BRANCH_HEADER, ["01", "平方支部", "", "", ""]),
                  today=TODAY)
    import_ledger(db, "volunteers", ledger(VOLUNTEER_HEADER, *[
        volunteer(ext, name=name, kana=reading, kind="individual" if ext == "G7" else "group")
        for ext, name, reading in reversed(GROUPS)]), today=TODAY)
    import_ledger(db, "watch-users", ledger(WATCH_USER_HEADER, *[
        watch_user(ext, name=name, kana=reading) for ext, name, reading in USERS]), today=TODAY)
    return db, coordinator_of(db, "01")


def _names(rows) -> list[str]:
    return [r.name for r in rows]


def test_volunteers_are_listed_50on_order_with_digits_and_letters_first(branch):
    db, user = branch
    rows = search_volunteers(db, user, VolunteerQuery(), today=TODAY)
    assert _names(rows) == [name for _, name, _ in GROUPS]


@pytest.mark.parametrize("typed, found", [
    ("3", ["第3サロン"]),
    ("３", ["第3サロン"]),
    ("だい3", ["第3サロン"]),
    ("ﾀﾞｲ３", ["第3サロン"]),
    ("ダイ", ["第3サロン", "第一サロン"]),
    ("abc", ["ＡＢＣクラブ", "NPO法人ABC"]),
    ("ＡＢＣ", ["ＡＢＣクラブ", "NPO法人ABC"]),
    ("ぴーおーa", ["NPO法人ABC"]),
    ("1ばん", ["一番会"]),
    ("npo", ["NPO法人ABC"]),  # the name, folded, is searched too
])
def test_volunteer_search_finds_mixed_readings_typed_in_any_width(branch, typed, found):
    db, user = branch
    assert _names(search_volunteers(db, user, VolunteerQuery(text=typed), today=TODAY)) == found


def test_people_search_and_watch_users_list_in_50on_order(branch):
    db, user = branch
    assert _names(list_users(db, user, today=TODAY)) == [name for _, name, _ in USERS]
    assert _names(list_users(db, user, text="２ばん", today=TODAY)) == ["見本 二郎"]
    assert _names(search_people(db, user, "ｽﾐｽ")) == ["Smith John"]
    assert _names(search_people(db, user, "2")) == ["見本 二郎"]
    assert _names(search_people(db, user, "")) == (
        ["一番会", "見本 二郎", "ＡＢＣクラブ", "あおば会", "NPO法人ABC", "Smith John",
         "第3サロン", "第一サロン", "見本 一郎", "山田 花子"])
