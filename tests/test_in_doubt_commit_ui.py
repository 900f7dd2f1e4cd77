"""The new-consultation form when the server commits the record and the
connection drops before the answer (issue 21): the form says it is
reconnecting, tries again with the same save's key, and the record is
stored once — the form gets its id and closes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from coordinator_app.core.models import Consultation
from coordinator_app.services import saving
from coordinator_app.ui.consultations.screen import ConsultationsScreen
from tests.helpers import make_context, type_japanese
from tests.test_consultations_ui import closed, press, type_record_by_keyboard
from tests.test_in_doubt_commit import drop_commits


@pytest.fixture
def screen(qtbot, demo_db, coordinator):
    ctx = make_context(demo_db, coordinator)
    widget = ConsultationsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    ctx.runner.wait()


def _stored(db, summary):
    with db.session() as s:
        return s.scalars(select(Consultation.id).where(Consultation.summary == summary)).all()


def test_new_record_whose_commit_answer_was_lost_is_saved_once(qtbot, screen, monkeypatch):
    from PySide6.QtCore import Qt

    db = screen.ctx.db
    form = type_record_by_keyboard(qtbot, screen, summary="答えが届かなかった保存")
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Consultation))
    dropped = drop_commits(monkeypatch, db)  # committed, then the connection is gone
    said, saved = [], []
    form.notice.message.setText = lambda text, _set=form.notice.message.setText: (
        said.append(text), _set(text))
    form.saved.connect(saved.append)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: closed(form), timeout=10000)

    assert dropped and said == [saving.RECONNECTING_MESSAGE]
    assert _stored(db, "答えが届かなかった保存") == saved  # one record, its id to the form
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Consultation)) == before + 1


# --- the roll call's contact panel: the same rule, saved on the spot ---------------

@pytest.fixture
def watch_screen(qtbot, demo_db, monkeypatch):
    from coordinator_app.ui.watch.screen import WatchScreen
    from tests.conftest import TODAY, coordinator_of
    from tests.test_watch_ui import wait_loaded

    monkeypatch.setattr(saving, "RECONNECT_PAUSES", (0.0, 0.0))  # no waiting in tests
    ctx = make_context(demo_db, coordinator_of(demo_db, "01"))
    widget = WatchScreen(ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    wait_loaded(qtbot, widget.worklist)
    yield widget
    ctx.runner.wait()


def _contacts(db, watch_user_id, note):
    from coordinator_app.core.models import WatchContact

    with db.session() as s:
        return s.scalars(select(WatchContact.id).where(
            WatchContact.watch_user_id == watch_user_id, WatchContact.note == note)).all()


def _type_contact(qtbot, page, note):
    from PySide6.QtCore import Qt

    page.select_row(0)
    qtbot.keyClick(page.panel.results, Qt.Key_2)  # 不在
    type_japanese(page.panel.note, note)
    qtbot.keyClick(page.panel.note, Qt.Key_Return)


def test_watch_contact_whose_commit_answer_was_lost_is_recorded_once(
        qtbot, watch_screen, monkeypatch):
    page, db = watch_screen.worklist, watch_screen.ctx.db
    user = page.model.row_at(0)
    said = []
    label = page.panel.message
    label.setText = lambda text, _set=label.setText: (said.append(text), _set(text))
    dropped = drop_commits(monkeypatch, db)

    _type_contact(qtbot, page, "答えが届かなかった記録")

    assert dropped and said[0] == saving.RECONNECTING_MESSAGE
    assert said[-1].startswith("記録しました")
    assert len(_contacts(db, user.watch_user_id, "答えが届かなかった記録")) == 1
    assert page.table.currentIndex().row() == 1  # on to the next person, as after any save


def test_watch_contact_that_never_reaches_the_server_keeps_what_was_typed(
        qtbot, watch_screen, monkeypatch):
    page, db = watch_screen.worklist, watch_screen.ctx.db
    user = page.model.row_at(0)
    tries = 1 + len(saving.RECONNECT_PAUSES)  # the first try and each retry
    dropped = drop_commits(monkeypatch, db, times=tries, commit=False)

    _type_contact(qtbot, page, "届かなかった記録")

    assert len(dropped) == tries
    assert "入力した内容は残っています" in page.panel.message.text()
    assert _contacts(db, user.watch_user_id, "届かなかった記録") == []
    # Still on the same person, with the result and the note as typed.
    assert page.table.currentIndex().row() == 0
    assert page.panel.who.text().startswith(user.name)
    assert page.panel.results.result() == "absent"
    assert page.panel.note.text() == "届かなかった記録"
