"""Kana normalization for search and 50音順 sorting.

Hiragana, katakana, half-width katakana and full-width/half-width Latin
letters all fold to one key, so 「ヤマダ」「やまだ」「ﾔﾏﾀﾞ」 find each other.
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


def is_kana(text: str) -> bool:
    """True when text (after folding) is only hiragana, ー and spaces."""
    key = fold(text)
    return all(("\u3041" <= c <= "\u309f") or c in "ー・" for c in key)
