"""Backups in the running app: the 30-minute timer, the exit backup, and a
restore chosen from the File menu."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import func, select

from coordinator_app.core.models import Consultation
from coordinator_app.services import backups
from tests.conftest import TODAY, open_test_db
from tests.shell_helpers import (  # noqa: F401
    add_consultation,
    audit_rows,
    fast_hashing,
    make_accounts,
    qsettings,
)


def test_the_timer_backs_up_only_when_something_changed(qtbot, demo_db):
    from coordinator_app.ui.runner import Runner
    from coordinator_app.ui.safety import BackupScheduler

    scheduler = BackupScheduler(demo_db, Runner())
    assert scheduler.timer.interval() == 30 * 60 * 1000 and scheduler.timer.isActive()
    scheduler.timer.timeout.emit()  # thirty minutes, nothing changed
    assert backups.list_backups(demo_db.path) == []
    scheduler.note_change("consultation")
    with qtbot.waitSignal(scheduler.backupDone, timeout=10_000) as made:
        scheduler.timer.timeout.emit()
    assert made.args[0].reason == "auto"
    scheduler.timer.timeout.emit()  # no change since: nothing more
    scheduler.runner.wait()
    assert [b.reason for b in backups.list_backups(demo_db.path)] == ["auto"]
    assert scheduler.idle.isActive()  # a quiet moment after the change backs up too
    assert not backups.backup_owed(demo_db)  # today has a backup and nothing changed since


def test_quitting_never_waits_for_a_backup_and_the_next_start_catches_up(qtbot, demo_db):
    """Issue 18: the exit backup left the quit path; a run that quit (or
    crashed) after a change owes it, and the next run takes it shortly
    after its start, off the UI thread."""
    from coordinator_app.core.access import SignedIn
    from coordinator_app.services import consultations as svc
    from coordinator_app.ui.runner import Runner
    from coordinator_app.ui.safety import BackupScheduler
    from tests.conftest import TODAY, coordinator_of

    first = BackupScheduler(demo_db, Runner())
    first.note_change("consultation")
    user: SignedIn = coordinator_of(demo_db, "01")
    svc.create_consultation(demo_db, user, svc.ConsultationDraft(
        received_on=TODAY, kind="contact", channel="phone", from_whom="self",
        categories=["life"], response="listened"))
    assert first.on_exit() is None
    assert backups.list_backups(demo_db.path) == []  # quitting wrote none
    assert backups.backup_owed(demo_db)
    second = BackupScheduler(demo_db, Runner())  # the next start
    assert second.catch_up_timer.isActive()
    with qtbot.waitSignal(second.backupDone, timeout=10_000) as made:
        second.catch_up_timer.timeout.emit()
    assert made.args[0].reason == "exit"
    assert not backups.backup_owed(demo_db)
    second.runner.wait()
    third = BackupScheduler(demo_db, Runner())  # nothing owed: no second copy
    third.catch_up()
    third.runner.wait()
    third.runner.flush()
    assert [b.reason for b in backups.list_backups(demo_db.path)] == ["exit"]
    assert [r.detail.split()[0] for r in audit_rows(demo_db, "backup")] == ["reason=exit"]


def test_changes_in_the_window_are_counted(qtbot, demo_db, qsettings):
    from coordinator_app.ui.app import Shell

    make_accounts(demo_db)
    path = demo_db.path
    demo_db.close()
    shell = Shell(str(path), credentials=("coord01", "coord01-pass"))
    try:
        assert shell.open()
        window = shell.show_main(shell.sign_in())
        qtbot.addWidget(window)
        window.ctx.notify("consultation")
        assert shell.scheduler.policy.changes == 1
        window.close()
    finally:
        shell.shutdown()
    assert backups.list_backups(path) == []  # quitting does not wait for a backup
    db = open_test_db(str(path))
    try:
        assert backups.backup_owed(db)  # the next start takes it
    finally:
        db.close()


def test_restore_from_the_file_menu(qtbot, demo_db, qsettings, monkeypatch):
    from coordinator_app.ui import main_window as main_window_module
    from coordinator_app.ui import safety
    from coordinator_app.ui.app import Shell

    users = make_accounts(demo_db)
    before = backups.make_backup(demo_db, "manual")
    add_consultation(demo_db, users["coord01"], TODAY)
    with demo_db.session() as s:
        count_after = s.scalar(select(func.count()).select_from(Consultation))
    path = demo_db.path
    demo_db.close()

    def pick_first(dialog):
        dialog._accept_selected()
        return QDialog.Accepted

    monkeypatch.setattr(safety.RestoreDialog, "exec", pick_first)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(main_window_module, "build_screen",
                        lambda spec, ctx: QDialog())  # no other screens needed
    shell = Shell(str(path), credentials=("coord01", "coord01-pass"))
    try:
        assert shell.open()
        user = shell.sign_in()
        window = shell.show_main(user)
        window.restore_action.trigger()
        assert window.outcome == "restore" and window.restore_path == before.path
        shell.end_session(user)
        assert shell.restore_now(window.restore_path, user.login)
        with shell.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Consultation)) == count_after - 1
        restores = audit_rows(shell.db, "restore")
        assert [(r.actor, r.detail) for r in restores] == [("coord01", f"from={before.path.name}")]
    finally:
        shell.shutdown()
    aside = list(path.parent.glob("demo.replaced-*.db"))
    assert len(aside) == 1
    reasons = {b.reason for b in backups.list_backups(path)}
    assert "before-restore" in reasons
