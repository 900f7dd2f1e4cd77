"""Copying personal details (a phone number, an address) to the
clipboard: the clipboard is cleared again after 30 seconds, if it still
holds what was copied, so it does not linger for the next program."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000
_pending: dict[QTimer, str] = {}


def copy_sensitive(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> QTimer:
    """Put ``text`` on the clipboard and schedule its removal. Returns the
    timer (tests fire ``timer.timeout`` instead of waiting)."""
    QGuiApplication.clipboard().setText(text)
    timer = QTimer(QCoreApplication.instance())
    timer.setSingleShot(True)
    timer.setInterval(clear_after_ms)
    timer.timeout.connect(lambda: _expire(timer))
    _pending[timer] = text
    timer.start()
    return timer


def _clear_if_unchanged(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard.text() == text:
        clipboard.clear()


def _expire(timer: QTimer) -> None:
    text = _pending.pop(timer, None)
    timer.deleteLater()
    if text is not None:
        _clear_if_unchanged(text)


def clear_sensitive_now() -> None:
    """On lock, sign-out and exit: remove anything still pending."""
    for timer in list(_pending):
        timer.stop()
        _expire(timer)
