"""The screen lock: after N idle minutes (a setting, default 5) or on
Ctrl+L, every name and detail is hidden until the signed-in person's
password is entered again.

The main window switches to a lock page; any other open window (a form,
a message box) gets a cover laid over it instead of being hidden, because
hiding a dialog that is running ``exec()`` would end it and lose what was
typed. Each cover has its own password field, so a modal dialog never
blocks unlocking. Lock and unlock are audited (``services.audit``).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import audit
from coordinator_app.ui import clipboard
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.phrase_label import PhraseLabel

MAX_UNLOCK_FAILURES = 5
_INPUT_EVENTS = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel,
                 QEvent.TouchBegin, QEvent.InputMethod}
_COVER_EVENTS = {QEvent.KeyPress, QEvent.ShortcutOverride, QEvent.Resize}


class _PasswordEdit(QLineEdit):
    """Enter submits here and goes no further: in a covered dialog it must
    not reach the dialog's default button."""

    submitted = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class LockPanel(QWidget):
    """The password form shown while locked (on the lock page and on each
    cover). ``compact`` drops the explanation for small dialogs."""

    def __init__(self, controller: "LockController", compact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("lockPanel")
        self.title = QLabel(self.tr("画面をロックしました"), self)
        self.title.setStyleSheet("font-size: %dpt; font-weight: bold;" % (12 if compact else 18))
        self.password = _PasswordEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("パスワード"))
        self.password.setMinimumWidth(160)
        self.unlock_button = QPushButton(self.tr("ロック解除"), self)
        self.unlock_button.setDefault(True)
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        # A column of fixed width in the middle of the page.
        column = QWidget(self)
        column.setFixedWidth(260 if compact else 460)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title, 0, Qt.AlignHCenter)
        if not compact:
            hint = PhraseLabel(self.tr("記録を守るため、内容を隠しています。"
                                  "続けるには、サインイン中のアカウント（{login}）の"
                                  "パスワードを入力してください。")
                          .format(login=controller.ctx.user.login), column)
            # A wrapped label in a fixed column: give it the height it needs.
            hint.setMinimumHeight(hint.heightForWidth(column.width()) + 4)
            inner.addSpacing(8)
            inner.addWidget(hint)
            inner.addSpacing(8)
        inner.addLayout(row)
        inner.addWidget(self.message)
        if not compact:
            self.sign_out_button = QPushButton(self.tr("サインアウトする"), column)
            self.sign_out_button.clicked.connect(controller.signOutRequested.emit)
            inner.addWidget(self.sign_out_button, 0, Qt.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignHCenter)
        layout.addStretch(2)
        self.password.submitted.connect(self.submit)
        self.unlock_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.submit)

    def submit(self) -> None:
        text = self.password.text()
        self.password.clear()
        if not text:
            self.message.setText(self.tr("パスワードを入力してください"))
            return
        if not self.controller.try_unlock(text):
            self.message.setText(self.tr("パスワードが違います"))
            self.password.setFocus()

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()


class _Cover(QWidget):
    """An opaque layer over one open window while locked. Kept (hidden)
    after unlocking and reused by the next lock: it goes with its window
    (deleting it separately crashes PySide 6.12 under pytest-qt)."""

    def __init__(self, controller: "LockController", window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.setAutoFillBackground(True)
        self.panel = LockPanel(controller, compact=True, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None

    @classmethod
    def over(cls, controller: "LockController", window: QWidget) -> "_Cover":
        found = window.findChildren(cls, options=Qt.FindDirectChildrenOnly)
        cover = found[0] if found else cls(controller, window)
        cover.activate()
        return cover

    def activate(self) -> None:
        window = self.window_
        self.setGeometry(window.rect())
        # Everything behind the cover is hidden (not only covered), so it
        # can take no focus or key press and no screen reader reads it.
        self._focus = window.focusWidget()
        self._hidden = [c for c in window.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
                        if c is not self and not c.isHidden() and not c.isWindow()]
        for child in self._hidden:
            child.hide()
        self.panel.reset()
        self.show()
        self.raise_()

    def remove(self) -> None:
        for child in self._hidden:
            try:
                child.show()
            except RuntimeError:  # deleted meanwhile
                pass
        self._hidden = []
        self.hide()
        if self._focus is not None:
            try:
                self._focus.setFocus()
            except RuntimeError:
                pass
        self._focus = None

    def window_event(self, event) -> bool:
        """Called by the controller for events of the covered window.
        True swallows the event."""
        kind = event.type()
        if kind in (QEvent.KeyPress, QEvent.ShortcutOverride) and event.key() == Qt.Key_Escape:
            return True  # Esc would close the dialog behind the cover
        if kind == QEvent.Resize:
            self.setGeometry(self.window_.rect())
            self.raise_()
        return False


class LockController(QObject):
    """Owns the idle timer and the locked state. ``main_window`` gets the
    ``locked``/``unlocked`` signals and switches its own page; the
    controller covers every other open window."""

    locked = Signal()
    unlocked = Signal()
    signOutRequested = Signal()

    def __init__(self, ctx: AppContext, minutes: int, main_window: QWidget) -> None:
        super().__init__(main_window)
        self.ctx = ctx
        self.main_window = main_window
        self.is_locked = False
        self.failures = 0
        self._covers: list[_Cover] = []
        self._titles: dict[QWidget, str] = {}
        self._last_input = 0.0
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.set_minutes(minutes)
        self.idle_timer.timeout.connect(lambda: self.lock("idle"))
        QApplication.instance().installEventFilter(self)
        self.idle_timer.start()

    def set_minutes(self, minutes: int) -> None:
        self.idle_timer.setInterval(max(1, int(minutes)) * 60_000)

    def eventFilter(self, obj, event) -> bool:
        # One application-wide filter (no per-widget filters: a Python
        # filter on a widget being destroyed can crash PySide).
        if self.is_locked:
            if self._covers and event.type() in _COVER_EVENTS:
                for cover in self._covers:
                    if cover.window_ is obj:
                        return cover.window_event(event)
            return False
        if event.type() in _INPUT_EVENTS:
            now = time.monotonic()
            # Restarting on every mouse move is wasteful; once a second is enough.
            if now - self._last_input > 1.0 or event.type() != QEvent.MouseMove:
                self._last_input = now
                self.idle_timer.start()
        return False

    def lock(self, reason: str = "manual") -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self.failures = 0
        self.idle_timer.stop()
        clipboard.clear_sensitive_now()
        self.locked.emit()
        for w in QApplication.topLevelWidgets():
            if w is self.main_window or not w.isVisible():
                continue
            if isinstance(w, QMenu):
                w.close()
                continue
            if w.windowType() in (Qt.ToolTip, Qt.Popup):
                w.hide()
                continue
            self._titles[w] = w.windowTitle()
            w.setWindowTitle(self.tr("ロック中"))
            self._covers.append(_Cover.over(self, w))
        try:
            audit.lock(self.ctx.db, self.ctx.user, reason)
        except Exception:  # the lock itself must never fail
            pass
        self._focus_panel()

    def _focus_panel(self) -> None:
        """A modal dialog takes the keyboard: its cover's password field
        gets the focus (the main window focuses its own lock page)."""
        modal = QApplication.activeModalWidget()
        for cover in self._covers:
            if cover.window_ is modal:
                cover.panel.password.setFocus()
                return

    def try_unlock(self, password: str) -> bool:
        if not self.is_locked:
            return True
        if not audit.unlock(self.ctx.db, self.ctx.user, password):
            self.failures += 1
            if self.failures >= MAX_UNLOCK_FAILURES:
                self.signOutRequested.emit()
            return False
        self.is_locked = False
        for cover in self._covers:
            try:
                cover.remove()
            except RuntimeError:  # its window was closed meanwhile
                pass
        self._covers.clear()
        for w, title in self._titles.items():
            try:
                w.setWindowTitle(title)
            except RuntimeError:  # closed meanwhile
                pass
        self._titles.clear()
        self.unlocked.emit()
        self.idle_timer.start()
        return True

    def stop(self) -> None:
        """On sign-out: no more idle locking for this session."""
        self.idle_timer.stop()
        QApplication.instance().removeEventFilter(self)
