"""The consultation form when someone else saved first, or the server
connection drops (issue 21): the user is told in Japanese, what they
typed stays in the form, the newer version is shown, and saving again
is their deliberate choice."""

from __future__ import annotations

import dataclasses

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from coordinator_app.core.models import Consultation
from coordinator_app.services import consultations as svc
from coordinator_app.services import saving
from coordinator_app.ui.consultations.form import ConsultationForm
from tests.conftest import open_test_db
from tests.helpers import make_context, type_japanese


@pytest.fixture
def record_id(demo_db, coordinator):
    with demo_db.session() as s:
        return s.scalar(select(Consultation.id).where(
            Consultation.branch_id == coordinator.branch_id,
            Consultation.deleted_at.is_(None)).order_by(Consultation.id.desc()).limit(1))


@pytest.fixture
def form(qtbot, demo_db, coordinator, record_id, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda *a, **k: pytest.fail(f"unexpected warning: {a[2] if len(a) > 2 else a}")))
    ctx = make_context(demo_db, coordinator)
    widget = ConsultationForm(ctx, record_id)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    ctx.runner.wait()


def closed(widget) -> bool:
    return not shiboken6.isValid(widget) or not widget.isVisible()


def _summary(db, cid) -> str:
    with db.session() as s:
        return s.get(Consultation, cid).summary


def test_form_says_someone_saved_first_keeps_the_typed_text_and_saves_on_top(
        qtbot, form, demo_db, coordinator, record_id):
    # Another coordinator's app (its own engine) saves the record first.
    other = open_test_db(str(demo_db.path))
    try:
        theirs = svc.get_consultation(other, coordinator, record_id)
        svc.update_consultation(other, coordinator, record_id,
                                dataclasses.replace(theirs.draft(), summary="別の人が書いた内容"),
                                base_version=theirs.version)
    finally:
        other.close()
    form.summary.clear()
    type_japanese(form.summary, "私が入力した大事な記録")
    qtbot.keyClick(form.summary, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: form.notice.newer.isVisible(), timeout=5000)
    assert form.notice.message.text().startswith("他の人が先に変更しました")
    assert "別の人が書いた内容" in form.notice.newer.toPlainText()  # their version, shown
    assert form.summary.toPlainText() == "私が入力した大事な記録"  # mine, kept
    assert not closed(form) and form.save_button.isEnabled()
    assert _summary(demo_db, record_id) == "別の人が書いた内容"  # nothing overwritten

    saved = []
    form.saved.connect(saved.append)
    qtbot.mouseClick(form.save_button, Qt.LeftButton)  # deliberately, on top of theirs
    qtbot.waitUntil(lambda: closed(form), timeout=5000)
    assert saved == [record_id]
    assert _summary(demo_db, record_id) == "私が入力した大事な記録"


def test_form_says_the_connection_dropped_keeps_the_text_and_saves_once_back(
        qtbot, form, demo_db, record_id, monkeypatch):
    real = svc.update_consultation
    calls = []

    def dropped_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:  # the network drops during the first try
            raise OperationalError("COMMIT", {}, Exception("server closed the connection"),
                                   connection_invalidated=True)
        return real(*args, **kwargs)

    monkeypatch.setattr(svc, "update_consultation", dropped_once)
    said = []
    form.notice.message.setText = lambda text, _set=form.notice.message.setText: (
        said.append(text), _set(text))
    form.summary.clear()
    type_japanese(form.summary, "接続が切れても残る入力")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: closed(form), timeout=10000)
    assert said == [saving.RECONNECTING_MESSAGE]
    assert said[0] == ("サーバーとの接続が切れました。入力した内容は残っています。"
                       "再接続して保存し直します…")
    assert len(calls) == 2 and _summary(demo_db, record_id) == "接続が切れても残る入力"


def test_volunteer_form_shows_the_newer_registration_and_keeps_the_typed_text(
        qtbot, demo_db, coordinator, monkeypatch):
    from coordinator_app.core.models import Volunteer
    from coordinator_app.services import volunteers
    from coordinator_app.ui.volunteers.form import VolunteerFormDialog
    from tests.test_concurrent_editing import _volunteer_input

    with demo_db.session() as s:
        vid = s.scalar(select(Volunteer.id).where(Volunteer.branch_id == coordinator.branch_id)
                       .order_by(Volunteer.id).limit(1))
    ctx = make_context(demo_db, coordinator)
    form = VolunteerFormDialog(ctx, vid)
    qtbot.addWidget(form)
    form.show()
    other = open_test_db(str(demo_db.path))
    try:
        theirs = volunteers.get_volunteer(other, coordinator, vid)
        volunteers.update_volunteer(other, coordinator, vid,
                                    _volunteer_input(theirs, "先に登録した特技"),
                                    base_version=theirs.version)
    finally:
        other.close()
    form.phone.setText("048-111-2222")
    form.save()
    qtbot.waitUntil(lambda: form.notice.newer.isVisible(), timeout=5000)
    assert form.notice.message.text().startswith("他の人が先に変更しました")
    assert "先に登録した特技" in form.notice.newer.toPlainText()
    assert form.phone.text() == "048-111-2222"
    form.save()  # deliberately, on top of theirs
    qtbot.waitUntil(lambda: closed(form), timeout=5000)
    ctx.runner.wait()
    assert volunteers.get_volunteer(demo_db, coordinator, vid).phone == "048-111-2222"
