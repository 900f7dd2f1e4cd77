"""Saving from a form on a shared server (issue 21): ``run_save`` runs
the save off the UI thread (``Runner``), tried again while the server
connection is lost (``services.saving.retried``, the one rule);
``SaveNotice`` is what a form shows under its fields when a save did not
go through as typed — the connection dropped (and is being tried again),
or someone saved the record first (their version shown, read-only). What
the user typed stays in the fields either way."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from coordinator_app.services import saving
from coordinator_app.ui.runner import Progress, Runner

STALE_TEXT = ("他の人が先に変更しました。その内容を下に表示しています。あなたの入力はフォームに"
              "残っています。見比べて必要なら直し、もう一度保存すると、この新しい内容の"
              "上にあなたの入力が保存されます。")


def run_save(runner: Runner, work: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None],
             on_reconnecting: Callable[[], None]) -> Progress:
    """``work``: one service call that saves (one transaction).
    ``on_reconnecting`` runs on the UI thread before every new try."""
    tries = len(saving.RECONNECT_PAUSES)

    def job(progress: Progress):
        return saving.retried(work, on_retry=lambda n: progress.report(n, tries))

    return runner.run(job, on_done=on_done, on_error=on_error,
                      on_progress=lambda _n, _tries: on_reconnecting())


class SaveNotice(QWidget):
    """A line in red and, after 「他の人が先に変更しました」, the newer
    version (read-only). Hidden until needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00; font-weight: bold;")
        self.newer = QPlainTextEdit(self)
        self.newer.setReadOnly(True)
        self.newer.setTabChangesFocus(True)
        self.newer.setFixedHeight(110)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.message)
        box.addWidget(self.newer)
        self.newer.hide()
        self.hide()

    def reconnecting(self) -> None:
        self.message.setText(self.tr(saving.RECONNECTING_MESSAGE))
        self.show()

    def stale(self, newer_lines: list[str]) -> None:
        """Someone saved first: say so and show their version."""
        self.message.setText(self.tr(STALE_TEXT))
        self.newer.setPlainText("\n".join(newer_lines))
        self.newer.show()
        self.show()

    def clear(self) -> None:
        self.hide()
