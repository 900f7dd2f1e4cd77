"""The one way to run database work off the UI thread (Anki's operations).

``Runner.run(fn, on_done, on_error)`` calls ``fn(progress)`` on a worker
thread; ``on_done(result)`` / ``on_error(exc)`` are called back on the UI
thread. Worker code never touches a widget. ``progress`` lets long jobs
report (done, total) and see cancellation.

Workers make no Qt call at all: they put their outcome on a queue that a
timer on the UI thread drains. No Qt object is shared with a worker thread,
so nothing depends on how a binding hands signals across threads.
"""

from __future__ import annotations

import os
import queue
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from typing import Any, Callable

from PySide6.QtCore import QTimer

POLL_MS = 10


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


class Runner:
    """Runs jobs on a small thread pool. Create and use it on the UI thread:
    its timer lives there and delivers the callbacks."""

    def __init__(self, max_workers: int | None = None) -> None:
        self._executor = ThreadPoolExecutor(
            max_workers=max_workers or max(2, min(8, os.cpu_count() or 2)),
            thread_name_prefix="runner")
        self._outcomes: queue.SimpleQueue = queue.SimpleQueue()
        self._futures: set[Future] = set()
        self._pending = 0
        self._timer: QTimer | None = None

    def run(self, fn: Callable[[Progress], Any],
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> Progress:
        progress = Progress()
        outcomes = self._outcomes
        if on_progress:
            progress.report_hook = lambda d, t: outcomes.put((on_progress, (d, t), False))

        def job() -> None:
            try:
                result = fn(progress)
            except BaseException as exc:  # reported on the UI thread
                outcomes.put((on_error, (exc,), True))
            else:
                outcomes.put((on_done, (result,), True))

        self._pending += 1
        self._ensure_timer().start()
        future = self._executor.submit(job)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return progress

    def _ensure_timer(self) -> QTimer:
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setInterval(POLL_MS)
            self._timer.timeout.connect(self._drain)
        return self._timer

    def _drain(self) -> None:
        """On the UI thread: deliver every queued callback, in order."""
        while True:
            try:
                callback, args, final = self._outcomes.get_nowait()
            except queue.Empty:
                break
            if final:
                self._pending -= 1
            if callback is not None:
                callback(*args)
        if self._pending <= 0 and self._timer is not None:
            self._timer.stop()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def wait(self, msecs: int = 10000) -> bool:
        """For tests and shutdown: wait until no job runs. The callbacks are
        then delivered by the event loop (or at once by ``flush``)."""
        _, not_done = wait_futures(list(self._futures), timeout=msecs / 1000)
        return not not_done

    def flush(self) -> None:
        """Deliver the finished jobs' callbacks now (tests, shutdown)."""
        self._drain()
