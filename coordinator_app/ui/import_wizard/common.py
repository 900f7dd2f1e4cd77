"""What the wizard's pages share: a page that loads its content off the
UI thread (``ctx.runner``) and is complete only when that content is
there, and the line that says what went wrong in Japanese."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from coordinator_app.ui.alive import if_alive
from coordinator_app.ui.widgets import ERROR_STYLE


def explain(exc: BaseException) -> str:
    """A worker's exception as the Japanese sentence to show: the
    services raise ValueError/PermissionError with one (a bad file's
    LedgerError lists its lines); anything else is a database problem."""
    from coordinator_app.services.backups import explain_db_error

    if isinstance(exc, (ValueError, LookupError, PermissionError, OSError)):
        return str(exc)
    return explain_db_error(exc)


class LoadingPage(QWizardPage):
    """A page whose content comes from a service call on the worker
    thread. ``load(work, shown)`` runs ``work()`` there and ``shown(result)``
    back on the UI thread; until then the page says 読み込んでいます… and
    the wizard's 次へ waits (``isComplete``). A failure is shown on the
    page's error line and keeps 次へ off."""

    def __init__(self, wizard, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.wiz = wizard
        self.ctx = wizard.ctx
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.loading = False
        self.layout_ = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.error.hide()
        self._generation = 0

    def load(self, work: Callable[[], Any], shown: Callable[[Any], None],
             what: str = "") -> None:
        """Run ``work`` off the UI thread; a newer load makes an older
        one's result void (the person chose another sheet meanwhile)."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.set_error("")
        self.status.setText(what or self.tr("読み込んでいます…"))
        self.completeChanged.emit()

        def done(result):
            if generation != self._generation:
                return
            self.loading = False
            self.status.setText("")
            shown(result)
            self.completeChanged.emit()

        def failed(exc):
            if generation != self._generation:
                return
            self.loading = False
            self.status.setText("")
            self.set_error(explain(exc))
            self.failed(exc)
            self.completeChanged.emit()

        self.ctx.runner.run(lambda _p: work(), on_done=if_alive(self, done),
                            on_error=if_alive(self, failed))

    def failed(self, exc: BaseException) -> None:
        """Hook: a page forgets what the failed load would have replaced."""

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def ready(self) -> bool:
        """Whether the page holds what 次へ needs (besides not loading)."""
        return True

    def isComplete(self) -> bool:
        return not self.loading and not self.error.isVisible() and self.ready()


class SaveMappingBar(QWidget):
    """名前を付けて保存: the current mapping and value choices stored under
    a name (``save_mapping``), to be picked at step 2 next month or given
    to the command line (``--mapping NAME``)."""

    def __init__(self, wizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wiz = wizard
        self.name = QLineEdit(self)
        self.name.setObjectName("mappingName")
        self.name.setPlaceholderText(self.tr("例: 見守り名簿（平方支部）"))
        self.name.setMaximumWidth(320)
        self.button = QPushButton(self.tr("対応を保存(&V)"), self)
        self.button.setObjectName("saveMapping")
        self.button.setAutoDefault(False)
        self.told = QLabel(self)
        self.told.setObjectName("saveStatus")
        label = QLabel(self.tr("この対応に名前を付けて保存:"), self)
        label.setBuddy(self.name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.name, 1)
        row.addWidget(self.button)
        row.addWidget(self.told, 1)
        self.button.clicked.connect(self.save)

    def refresh(self) -> None:
        self.told.setText("")
        self.told.setStyleSheet("")

    def save(self) -> None:
        from coordinator_app.services import ledger_wizard as wizard_service

        name = self.name.text().strip()
        if not name:
            self._tell(self.tr("保存する名前を入力してください"), error=True)
            self.name.setFocus()
            return
        ctx = self.wiz.ctx
        spec = copy.deepcopy(self.wiz.spec)
        self.button.setEnabled(False)

        def done(_result):
            self.button.setEnabled(True)
            self._tell(self.tr("「{name}」として保存しました").format(name=name))
            self.wiz.mappings_saved(name)

        def failed(exc):
            self.button.setEnabled(True)
            self._tell(explain(exc), error=True)

        ctx.runner.run(lambda _p: wizard_service.save_mapping(ctx.db, ctx.user, name, spec),
                       on_done=if_alive(self, done), on_error=if_alive(self, failed))

    def _tell(self, text: str, error: bool = False) -> None:
        self.told.setText(text)
        self.told.setStyleSheet(ERROR_STYLE if error else "")
