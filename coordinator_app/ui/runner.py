"""The one way to run database work off the UI thread (Anki's operations).

``Runner.run(fn, on_done, on_error)`` calls ``fn(progress)`` on a worker
thread; ``on_done(result)`` / ``on_error(exc)`` are called back on the UI
thread. Worker code never touches a widget. ``progress`` lets long jobs
report (done, total) and see cancellation.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Progress:
    """Thread-safe progress/cancel state passed to long jobs (Orange's
    ``state``). Qt-free in use: core functions only call ``report`` and
    read ``cancelled``."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.report_hook: Callable[[int, int], None] | None = None

    def report(self, done: int, total: int) -> None:
        if self.report_hook:
            self.report_hook(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    """Lives on the UI thread; its slots are the receivers, so signals
    emitted by the worker are queued back to the UI thread."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, on_done, on_error, on_progress, finish) -> None:
        super().__init__()
        self._on_done, self._on_error = on_done, on_error
        self._on_progress, self._finish = on_progress, finish
        self.done.connect(self._handle_done)
        self.failed.connect(self._handle_failed)
        self.progressed.connect(self._handle_progress)

    @Slot(object)
    def _handle_done(self, result) -> None:
        try:
            if self._on_done:
                self._on_done(result)
        finally:
            self._finish(self)

    @Slot(object)
    def _handle_failed(self, exc) -> None:
        try:
            if self._on_error:
                self._on_error(exc)
        finally:
            self._finish(self)

    @Slot(int, int)
    def _handle_progress(self, done: int, total: int) -> None:
        if self._on_progress:
            self._on_progress(done, total)


class _Job(QRunnable):
    def __init__(self, fn, progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.progress, self.signals = fn, progress, signals
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # reported on the UI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Runner:
    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._live: set[_Signals] = set()

    def run(self, fn: Callable[[Progress], Any],
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> Progress:
        progress = Progress()
        signals = _Signals(on_done, on_error, on_progress, self._live.discard)
        self._live.add(signals)
        progress.report_hook = signals.progressed.emit
        self.pool.start(_Job(fn, progress, signals))
        return progress

    def wait(self, msecs: int = 10000) -> bool:
        """For tests and shutdown: wait until no job runs."""
        return self.pool.waitForDone(msecs)
