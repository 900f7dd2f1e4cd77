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
from tests.helpers import make_context
from tests.test_consultations_ui import closed, press, type_record_by_keyboard
from tests.test_in_doubt_commit import _disconnect


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
    dialect, dropped = db.engine.dialect, []
    real = dialect.do_commit

    def do_commit(dbapi_connection):  # committed, then the connection is gone
        real(dbapi_connection)
        if not dropped:
            dropped.append(True)
            raise _disconnect(dialect)

    monkeypatch.setattr(dialect, "do_commit", do_commit)
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
