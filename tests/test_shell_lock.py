"""The screen lock: idle time and Ctrl+L hide every name and detail until
the password is entered again; lock and unlock are audited."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from coordinator_app.ui import main_window as main_window_module
from tests.shell_helpers import (  # noqa: F401
    PASSWORDS,
    audit_rows,
    fast_hashing,
    make_accounts,
    make_window,
    qsettings,
    visible_texts,
)

NAME = "見本 太郎"
PHONE = "048-000-1111"


class PersonalScreen(QWidget):
    """A screen showing a resident, as the real lists do."""

    def __init__(self, key: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{NAME}（みほん たろう） {PHONE}", self))


def _window(qtbot, demo_db, monkeypatch, login="coord01"):
    monkeypatch.setattr(main_window_module, "build_screen",
                        lambda spec, ctx: PersonalScreen(spec.key))
    users = make_accounts(demo_db)
    window = make_window(demo_db, users[login], qtbot)
    window.show_screen("consultations")
    return window, users[login]


def _shows_data(texts: list[str], user) -> bool:
    joined = "\n".join(texts)
    return any(s in joined for s in (NAME, PHONE, user.display_name, user.branch_name or "§"))


def test_the_idle_timer_locks_hides_data_and_the_password_unlocks(qtbot, demo_db, qsettings,
                                                                   monkeypatch):
    window, user = _window(qtbot, demo_db, monkeypatch)
    assert _shows_data(visible_texts(window), user)
    assert window.lock.idle_timer.interval() == 5 * 60_000 and window.lock.idle_timer.isActive()
    window.lock.idle_timer.timeout.emit()  # five idle minutes, without waiting
    assert window.lock.is_locked
    assert window.outer.currentWidget() is window.lock_page
    assert not _shows_data(visible_texts(window), user)
    assert not window.statusBar().isVisible()
    assert [(r.action, r.detail) for r in audit_rows(demo_db, "lock")] == [("lock", "idle")]

    panel = window.lock_page
    qtbot.keyClicks(panel.password, "not-my-password")
    qtbot.keyClick(panel.password, Qt.Key_Return)
    assert window.lock.is_locked and "違います" in panel.message.text()
    assert panel.password.text() == ""
    qtbot.keyClicks(panel.password, PASSWORDS["coord01"])
    qtbot.keyClick(panel.password, Qt.Key_Return)
    assert not window.lock.is_locked
    assert window.outer.currentWidget() is window.workspace
    assert _shows_data(visible_texts(window), user)
    assert window.statusBar().isVisible()
    actions = [r.action for r in audit_rows(demo_db) if r.action in
               ("lock", "unlock", "unlock_failed")]
    assert actions == ["lock", "unlock_failed", "unlock"]


def test_ctrl_l_locks(qtbot, demo_db, qsettings, monkeypatch):
    window, user = _window(qtbot, demo_db, monkeypatch)
    window.activateWindow()
    qtbot.waitActive(window) if hasattr(qtbot, "waitActive") else None
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key_L, Qt.ControlModifier)
    if not window.lock.is_locked:  # offscreen may not deliver the shortcut
        window.lock_action.trigger()
    assert window.lock.is_locked
    assert [r.detail for r in audit_rows(demo_db, "lock")] == ["manual"]
    assert not _shows_data(visible_texts(window), user)


def test_input_restarts_the_idle_timer(qtbot, demo_db, qsettings, monkeypatch):
    window, _user = _window(qtbot, demo_db, monkeypatch)
    timer = window.lock.idle_timer
    timer.setInterval(60_000)
    timer.start()
    timer.stop()
    qtbot.keyClick(window.nav, Qt.Key_Down)
    assert timer.isActive() and not window.lock.is_locked


def test_an_open_dialog_is_covered_not_closed(qtbot, demo_db, qsettings, monkeypatch):
    window, user = _window(qtbot, demo_db, monkeypatch)
    form = QDialog(window)
    form.setWindowTitle(f"{NAME} さんの相談")
    typed = QLineEdit(form)
    typed.setText("入力途中の内容")
    QVBoxLayout(form).addWidget(typed)
    # form is the window's child: deleted with it
    seen = {}

    def while_open():
        window.lock.lock("manual")
        seen["visible"] = form.isVisible()
        seen["texts"] = visible_texts(form)
        seen["title"] = form.windowTitle()
        cover_panel = form.findChildren(QWidget, "lockPanel")[0]
        seen["typed_visible"] = typed.isVisible()
        qtbot.keyClicks(cover_panel.password, PASSWORDS["coord01"])
        qtbot.keyClick(cover_panel.password, Qt.Key_Return)
        seen["unlocked"] = not window.lock.is_locked
        seen["title_after"] = form.windowTitle()
        form.accept()

    QTimer.singleShot(0, while_open)
    result = form.exec()
    assert seen["visible"], "the lock must not end the dialog"
    assert NAME not in seen["title"] and not any("入力途中" in t for t in seen["texts"])
    assert not seen["typed_visible"]
    assert seen["unlocked"] and seen["title_after"] == f"{NAME} さんの相談"
    assert result == QDialog.Accepted and typed.text() == "入力途中の内容"
    assert not typed.isHidden()  # shown again once unlocked


def test_five_failed_unlocks_sign_out(qtbot, demo_db, qsettings, monkeypatch):
    window, _user = _window(qtbot, demo_db, monkeypatch)
    outcomes = []
    window.finished.connect(outcomes.append)
    window.lock.lock("manual")
    for i in range(5):
        window.lock_page.password.setText(f"wrong-{i}")
        window.lock_page.submit()
    assert outcomes == ["sign_out"]
    assert len(audit_rows(demo_db, "unlock_failed")) == 5


def test_a_new_idle_time_applies_at_once(qtbot, demo_db, qsettings, monkeypatch):
    from coordinator_app.services import accounts, admin
    window, _user = _window(qtbot, demo_db, monkeypatch)
    boss = accounts.authenticate(demo_db, "admin", PASSWORDS["admin"])
    admin.set_idle_lock_minutes(demo_db, boss, 12)
    window.ctx.notify("settings")
    assert window.lock.idle_timer.interval() == 12 * 60_000
