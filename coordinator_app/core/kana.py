"""Kana normalization for search and 50音順 sorting.

Hiragana, katakana, half-width katakana and full-width/half-width Latin
letters and digits all fold to one key, so 「ヤマダ」「やまだ」「ﾔﾏﾀﾞ」 find
each other, and so do 「だい３サロン」 and 「だい3さろん」.
"""

from __future__ import annotations

import unicodedata

_KATA_START, _KATA_END = 0x30A1, 0x30F6  # ァ .. ヶ
_SHIFT = 0x60


_TO_HIRAGANA = {code: code - _SHIFT for code in range(_KATA_START, _KATA_END + 1)}


def fold(text: str | None) -> str:
    """The search/sort key: NFKC, katakana→hiragana, lower case, no spaces."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text).translate(_TO_HIRAGANA)
    return "".join(s.split()).lower()


def _reading_char(c: str) -> bool:
    """A character a folded reading may hold: hiragana (with its sound
    marks), the katakana fold leaves as they are (ー・ヽヾヷ…), and the
    ASCII digits and lower-case letters that group names carry
    (「だい3さろん」「えぬぴーおーabc」)."""
    return ("\u3041" <= c <= "\u309f" or "\u30a0" <= c <= "\u30ff"
            or "0" <= c <= "9" or "a" <= c <= "z")


def is_kana(text: str) -> bool:
    """True when text is a reading (ふりがな): hiragana, katakana of either
    width, ー・, spaces of either width, and digits and Latin letters of
    either width. Kanji and other symbols are not a reading. Decided on
    the folded key, so what this accepts is exactly what ``fold`` reduces
    to reading characters."""
    return all(_reading_char(c) for c in fold(text))
