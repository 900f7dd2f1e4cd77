"""Small pieces shared by the 集計・指標 pages: the fiscal-year picker and
non-blocking message boxes (tests can find them; nothing waits in exec)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget
from shiboken6 import isValid

from coordinator_app.core import clock
from coordinator_app.core.dates import fiscal_year_label, fiscal_year_of


def tr(text: str) -> str:
    return QCoreApplication.translate("Tallies", text)


class FiscalYearCombo(QComboBox):
    """令和N年度 items; ``value()`` is the Western starting year."""

    def __init__(self, first: int | None = None, last: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        current = fiscal_year_of(clock.today())
        self.set_range(first if first is not None else current - 4,
                       last if last is not None else current)
        self.set_value(current)

    def set_range(self, first: int, last: int) -> None:
        keep = self.currentData()
        self.blockSignals(True)
        self.clear()
        for fy in range(last, first - 1, -1):
            self.addItem(fiscal_year_label(fy), fy)
        self.blockSignals(False)
        if keep is not None:
            self.set_value(keep)

    def ensure(self, fy: int) -> None:
        """Make fy selectable (a file of an older year was received)."""
        years = [self.itemData(i) for i in range(self.count())]
        if fy not in years:
            self.set_range(min(years + [fy]), max(years + [fy]))

    def value(self) -> int:
        return int(self.currentData())

    def set_value(self, fy: int) -> None:
        i = self.findData(fy)
        if i >= 0:
            self.setCurrentIndex(i)


def inform(parent: QWidget, text: str, title: str | None = None,
           icon: QMessageBox.Icon = QMessageBox.Information) -> QMessageBox:
    """Show a message without blocking (window-modal, deleted on close)."""
    title = title or QCoreApplication.translate("Tallies", "お知らせ")
    box = QMessageBox(icon, title, text, QMessageBox.Ok, parent)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.setObjectName("tallyMessage")
    box.open()
    return box


def warn(parent: QWidget, text: str, title: str | None = None) -> QMessageBox:
    title = title or QCoreApplication.translate("Tallies", "確認してください")
    return inform(parent, text, title, QMessageBox.Warning)


def ask(parent: QWidget, text: str, on_yes: Callable[[], None],
        title: str | None = None) -> QMessageBox:
    """A yes/no question; ``on_yes`` runs only when the user says yes."""
    box = QMessageBox(QMessageBox.Question, title or QCoreApplication.translate("Tallies", "確認"), text,
                      QMessageBox.Yes | QMessageBox.No, parent)
    box.setDefaultButton(QMessageBox.No)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.setObjectName("tallyQuestion")

    def done(result: int) -> None:
        if result == QMessageBox.Yes:
            on_yes()

    box.finished.connect(done)
    box.open()
    return box


def error_text(exc: BaseException) -> str:
    """A user-facing one-liner: our errors carry Japanese messages."""
    text = str(exc).strip()
    if isinstance(exc, (ValueError, PermissionError, LookupError, OSError)) and text:
        return text
    return QCoreApplication.translate("Tallies", "処理できませんでした（{0}）").format(type(exc).__name__)


def run_job(widget: QWidget, job: Callable, on_done: Callable | None = None,
            on_error: Callable | None = None):
    """``ctx.runner.run`` for a page or dialog whose callbacks must not run
    once the widget is gone (closed while the worker was busy)."""

    def guard(fn: Callable | None) -> Callable | None:
        if fn is None:
            return None

        def call(arg) -> None:
            if isValid(widget):
                fn(arg)

        return call

    return widget.ctx.runner.run(job, on_done=guard(on_done), on_error=guard(on_error))
