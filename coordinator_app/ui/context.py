"""What every screen is given: the database, the signed-in person, the
app-wide change signal and the one way to run work off the UI thread.

Screens receive an ``AppContext``, never the main window (STYLE.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from coordinator_app.core.access import SignedIn
from coordinator_app.services.session import Database
from coordinator_app.ui.runner import Runner


class Changes(QObject):
    """After any write, one signal says what changed ('consultation',
    'watch', 'volunteer', 'person', 'account', 'settings', ...); each
    screen decides whether to redraw."""

    changed = Signal(str)
    # Ask the main window to show a screen with a named filter, e.g.
    # navigate.emit("consultations", "follow_up_due"). Screens that accept
    # filters implement ``show_filter(name: str) -> None``.
    navigate = Signal(str, str)


@dataclass
class AppContext:
    db: Database
    user: SignedIn
    changes: Changes = field(default_factory=Changes)
    runner: Runner = field(default_factory=Runner)

    def notify(self, what: str) -> None:
        self.changes.changed.emit(what)

    def open_screen(self, screen: str, filter_name: str = "") -> None:
        self.changes.navigate.emit(screen, filter_name)
