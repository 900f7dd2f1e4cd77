"""Japanese text wraps between phrases (issue 18): the lock screen and the
encryption dialog never break a line inside a word (「アカウン/ト」,
「くださ/い。」), at any width."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from coordinator_app.ui.phrase_label import JOIN, PhraseLabel, wrap_phrases

TEXTS = [
    ("記録を守るため、内容を隠しています。続けるには、サインイン中のアカウント（demo-coord）の"
     "パスワードを入力してください。"),
    ("いまのままでは、パソコンやUSBメモリーのバックアップをなくしたり盗まれたりすると、"
     "だれでもファイルから氏名・住所・相談内容を読めます。"
     "作業中は他のパソコンからこのデータベースを使わないでください。"),
]
WORDS = ["アカウント", "ください。", "パスワード", "データベース", "バックアップ"]


def _lines(text: str, width: int) -> list[str]:
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setWrapMode(QTextOption.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return [line.replace(JOIN, "") for line in lines]


@pytest.mark.parametrize("text", TEXTS)
def test_no_line_breaks_inside_a_word_at_any_width(qapp, text):
    for width in range(160, 620, 7):
        lines = _lines(wrap_phrases(text), width)
        assert "".join(lines).replace("\n", "") == text
        for before, after in pairwise(lines):
            joined = before.rstrip() + after.lstrip()
            seam = len(before.rstrip())
            for word in WORDS:
                at = joined.find(word)
                while at >= 0:
                    assert not at < seam < at + len(word), (width, before, after)
                    at = joined.find(word, at + 1)


def test_plain_qt_wrapping_would_break_inside_words(qapp):
    """The check above finds the fault: Qt's own wrapping splits a word."""
    split = False
    for width in range(160, 620, 7):
        lines = _lines(TEXTS[0], width)
        for before, after in pairwise(lines):
            split |= any(w[:k] == before.rstrip()[-k:] and after.startswith(w[k:])
                         for w in WORDS for k in range(1, len(w)))
    assert split


def test_the_label_keeps_the_text_it_was_given(qapp):
    label = PhraseLabel(TEXTS[0])
    assert label.text() == TEXTS[0] and label.wordWrap()
    label.setText("パスワードが違います。")
    assert label.text() == "パスワードが違います。"
