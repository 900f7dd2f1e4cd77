"""和暦 dates, fiscal years and kana folding: the small pure functions the
ledgers, screens and tallies share."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator_app.core import kana
from coordinator_app.core.dates import (
    DateParseError,
    fiscal_months,
    fiscal_year_label,
    fiscal_year_of,
    fiscal_year_range,
    format_wareki,
    format_wareki_short,
    month_key,
    month_last_day,
    parse_date,
)


@pytest.mark.parametrize("text, day", [
    ("2025-04-01", dt.date(2025, 4, 1)),
    ("2025/4/1", dt.date(2025, 4, 1)),
    ("2025.4.1", dt.date(2025, 4, 1)),
    ("R7.4.1", dt.date(2025, 4, 1)),
    ("r7.4.1", dt.date(2025, 4, 1)),
    ("7.4.1", dt.date(2025, 4, 1)),          # 令和 assumed
    ("令和7年4月1日", dt.date(2025, 4, 1)),
    ("令和7年4月1日(火)", dt.date(2025, 4, 1)),
    ("令和元年5月1日", dt.date(2019, 5, 1)),
    ("R元.5.1", dt.date(2019, 5, 1)),
    ("平成31年4月30日", dt.date(2019, 4, 30)),
    ("H31.4.30", dt.date(2019, 4, 30)),
    ("平成32年1月1日", dt.date(2020, 1, 1)),   # offices still write it
    ("昭和64年1月7日", dt.date(1989, 1, 7)),
    ("S10.3.3", dt.date(1935, 3, 3)),
    ("２０２５年４月１日", dt.date(2025, 4, 1)),
    ("Ｒ７．４．１", dt.date(2025, 4, 1)),
    (" 2024-02-29 ", dt.date(2024, 2, 29)),
])
def test_parse_date_forms(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text, message", [
    ("2024-02-30", "存在しない日付"),
    ("2025-02-29", "存在しない日付"),
    ("2025-13-01", "存在しない日付"),
    ("R7.2.30", "存在しない日付"),
    ("令和元年4月30日", "元号の始まりより前"),
    ("R0.4.1", "存在しない日付"),
    ("4月1日", "日付として読めません"),
    ("2025年度", "日付として読めません"),
    ("yesterday", "日付として読めません"),
    ("", "日付が空です"),
    ("X7.4.1", "日付として読めません"),
])
def test_parse_date_refuses_with_a_japanese_reason(text, message):
    with pytest.raises(DateParseError, match=message):
        parse_date(text)


def test_format_wareki():
    assert format_wareki(dt.date(2025, 4, 1)) == "令和7年4月1日"
    assert format_wareki(dt.date(2025, 4, 1), weekday=True) == "令和7年4月1日(火)"
    assert format_wareki(dt.date(2019, 5, 1)) == "令和元年5月1日"
    assert format_wareki(dt.date(2019, 4, 30)) == "平成31年4月30日"
    assert format_wareki(dt.date(1989, 1, 8)) == "平成元年1月8日"
    assert format_wareki(dt.date(1989, 1, 7)) == "昭和64年1月7日"
    assert format_wareki(None) == ""
    assert format_wareki_short(dt.date(2025, 4, 1)) == "R7.4.1"
    assert format_wareki_short(dt.date(2019, 4, 30)) == "H31.4.30"


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_wareki_round_trip(day):
    assert parse_date(format_wareki(day)) == day
    assert parse_date(format_wareki(day, weekday=True)) == day
    assert parse_date(format_wareki_short(day)) == day
    assert parse_date(day.isoformat()) == day


def test_fiscal_years():
    assert fiscal_year_of(dt.date(2025, 4, 1)) == 2025
    assert fiscal_year_of(dt.date(2026, 3, 31)) == 2025
    assert fiscal_year_of(dt.date(2026, 4, 1)) == 2026
    assert fiscal_year_label(2025) == "令和7年度"
    assert fiscal_year_label(2019) == "平成31年度"  # its first day, 2019-04-01, is 平成
    assert fiscal_year_label(2020) == "令和2年度"
    assert fiscal_year_range(2025) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    months = fiscal_months(2025)
    assert months[0] == (2025, 4) and months[-1] == (2026, 3) and len(months) == 12
    assert month_key(dt.date(2025, 4, 30)) == 202504
    assert month_last_day(2024, 2) == dt.date(2024, 2, 29)
    assert month_last_day(2025, 2) == dt.date(2025, 2, 28)
    assert month_last_day(2025, 12) == dt.date(2025, 12, 31)


@pytest.mark.parametrize("a, b", [
    ("やまだ たろう", "ヤマダ タロウ"),
    ("やまだ", "ﾔﾏﾀﾞ"),
    ("ヴぁ", "ｳﾞｧ"),
    ("Yamada", "ＹＡＭＡＤＡ"),
    ("さとう", "サトウ"),
])
def test_fold_makes_one_key(a, b):
    assert kana.fold(a) == kana.fold(b)


def test_fold_and_is_kana():
    assert kana.fold("ヤマダ　タロウ") == "やまだたろう"
    assert kana.fold(None) == "" and kana.fold("") == ""
    assert kana.fold("ｺｰﾋｰ") == "こーひー"
    assert kana.is_kana("やまだ たろう") and kana.is_kana("ヤマダ・タロウ") and kana.is_kana("ｺｰﾋｰ")
    assert not kana.is_kana("山田") and not kana.is_kana("やま田")
    # 50音順: the folded keys sort like the kana, whatever was typed
    names = ["ワタナベ", "あべ", "ｻﾄｳ", "かとう", "イトウ"]
    assert sorted(names, key=kana.fold) == ["あべ", "イトウ", "かとう", "ｻﾄｳ", "ワタナベ"]


@pytest.mark.parametrize("text, key", [
    ("だい3さろん", "だい3さろん"),
    ("ダイ３サロン", "だい3さろん"),
    ("ﾀﾞｲ3ｻﾛﾝ", "だい3さろん"),
    ("えぬぴーおーABC", "えぬぴーおーabc"),
    ("エヌピーオー　ＡＢＣ", "えぬぴーおーabc"),
    ("ﾜｲ･ｱﾝﾄﾞ･ﾜｲ", "わい・あんど・わい"),
    ("Yamada Taro", "yamadataro"),
    ("ヴァイオリン", "ゔぁいおりん"),
])
def test_readings_with_digits_and_latin_letters(text, key):
    """Group names carry digits and Latin letters; their readings do too."""
    assert kana.is_kana(text)
    assert kana.fold(text) == key


@pytest.mark.parametrize("text", ["山田", "だい三さろん", "やまだ（たろう）", "やまだ、たろう",
                                  "たろう様", "ｶﾅ!", "〒", "😀", "αβ", "é"])
def test_what_is_not_a_reading(text):
    assert not kana.is_kana(text)


_READING = st.sampled_from(
    [chr(c) for c in range(0x3041, 0x3097)] + [chr(c) for c in range(0x30A1, 0x30FB)]
    + [chr(c) for c in range(0xFF66, 0xFFA0)] + list("ー・･ｰ 　")
    + list("0123456789０１２３４５６７８９abcxyzABCXYZａｂｚＡＢＺ"))
_NOT_READING = st.sampled_from(list("山田太郎第三様、。（）「」!?#&@") + ["〒", "※", "αβ"])


@given(st.lists(_READING, max_size=12).map("".join))
def test_every_reading_is_kana_and_folds_to_a_reading(text):
    """is_kana and fold agree: what is_kana accepts folds to a key that is
    itself a reading, the same key again (search and 50音順 use it)."""
    assert kana.is_kana(text)
    key = kana.fold(text)
    assert kana.is_kana(key) and kana.fold(key) == key
    assert key == key.lower() and " " not in key


@given(st.lists(_READING, max_size=6).map("".join), _NOT_READING,
       st.lists(_READING, max_size=6).map("".join))
def test_a_reading_with_anything_else_is_not_kana(before, other, after):
    assert not kana.is_kana(before + other + after)


@given(st.text(max_size=12))
def test_is_kana_is_decided_on_the_folded_key(text):
    assert kana.is_kana(text) == kana.is_kana(kana.fold(text))
