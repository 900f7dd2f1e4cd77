"""Wrapping Japanese text between phrases, not inside words (issue 18:
「アカウン/ト」, 「くださ/い。」).

Qt breaks Japanese lines between any two characters, as Unicode's line
breaking rules allow. ``PhraseLabel`` lets a line break only where a
reader expects one: after punctuation (、。」）…), before an opening
bracket, at a space, and where kana of a particle or ending (hiragana)
meet the next word (kanji, katakana or Latin letters) — 「パソコンや/USB
メモリーの/バックアップを」. Everywhere else it joins the characters with
an invisible WORD JOINER (U+2060) in the text it shows; ``text()`` still
returns the text as set."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

JOIN = "\u2060"  # WORD JOINER: no line break here
_BREAK_AFTER = set("、。，．,.）」』】〕〉》！？!?・：；:;…")
_BREAK_BEFORE = set("（「『【〔〈《")


def _hiragana(c: str) -> bool:
    return "\u3041" <= c <= "\u309f"


def _may_break(a: str, b: str) -> bool:
    if a.isspace() or b.isspace() or a in _BREAK_AFTER or b in _BREAK_BEFORE:
        return True
    if a.isascii() and b.isascii():
        return True  # Latin text: Qt's own rules (at spaces)
    if b in _BREAK_AFTER:
        return False
    return _hiragana(a) and not _hiragana(b) and b != "ー"


def wrap_phrases(text: str) -> str:
    """``text`` with a word joiner wherever a line must not break."""
    out = []
    for i, c in enumerate(text):
        if i and not _may_break(text[i - 1], c):
            out.append(JOIN)
        out.append(c)
    return "".join(out)


class PhraseLabel(QLabel):
    """A word-wrapped label that breaks lines between phrases only."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._text = text
        super().setText(wrap_phrases(text))

    def text(self) -> str:
        return self._text
