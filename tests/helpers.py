"""Helpers for GUI tests: typing Japanese (QTest only types ASCII, see
STYLE.md) and building an AppContext."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def type_japanese(widget, text: str) -> None:
    """Send text as an input-method commit, as a Japanese IME would."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_context(db, user):
    from coordinator_app.ui.context import AppContext

    return AppContext(db=db, user=user)
