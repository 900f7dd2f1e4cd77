"""Opening one consultation is audited, as opening a person's history is
(issue 14): reading a record's full text through the service, and
selecting it in the 相談記録 list so that the detail pane shows it, each
leave one "view" row naming the record by id — never its text. A refused
read (another branch, a deleted record) reveals nothing and records no
view."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from sqlalchemy import select

from coordinator_app.core.access import ScopeError
from coordinator_app.core.models import AuditLog
from coordinator_app.services import consultations as svc
from coordinator_app.ui.consultations.screen import ConsultationsScreen
from tests.conftest import TODAY, coordinator_of
from tests.helpers import make_context

SECRET = "秘密の相談内容 090-0000-1111"


def views(db) -> list[tuple[str, str, int, str]]:
    with db.session() as s:
        return [(r.actor, r.entity, r.entity_id, r.detail) for r in s.scalars(
            select(AuditLog).where(AuditLog.action == "view").order_by(AuditLog.id))]


def record(db, user, days_ago: int = 3, summary: str = SECRET) -> int:
    return svc.create_consultation(db, user, svc.ConsultationDraft(
        received_on=TODAY - dt.timedelta(days=days_ago), kind="consultation", channel="phone",
        from_whom="self", categories=["health"], response="listened", summary=summary))


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(summary=st.text(min_size=1, max_size=60).filter(str.strip))
def test_reading_one_record_writes_one_view_row_without_its_text(demo_db, coordinator, summary):
    cid = record(demo_db, coordinator, summary=summary)
    before = views(demo_db)
    detail = svc.get_consultation(demo_db, coordinator, cid)
    assert detail.summary == summary.strip()
    assert views(demo_db)[len(before):] == [(demo_db.actor, "consultation", cid, "")]


def test_a_refused_read_records_no_view(demo_db, coordinator):
    theirs = record(demo_db, coordinator_of(demo_db, "02"))
    deleted = record(demo_db, coordinator)
    svc.delete_consultation(demo_db, coordinator, deleted)
    before = views(demo_db)
    with pytest.raises(ScopeError):
        svc.get_consultation(demo_db, coordinator, theirs)
    with pytest.raises(LookupError):
        svc.get_consultation(demo_db, coordinator, deleted)
    assert views(demo_db) == before


def test_selecting_a_record_in_the_list_is_one_audited_view(qtbot, demo_db, coordinator):
    demo_db.actor = coordinator.login
    newer = record(demo_db, coordinator, days_ago=1, summary="監査確認 上の記録")
    cid = record(demo_db, coordinator, days_ago=2, summary="監査確認 " + SECRET)
    screen = ConsultationsScreen(make_context(demo_db, coordinator))
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    screen.search.setText("監査確認")
    screen.apply_filters()
    qtbot.waitUntil(lambda: screen.model.row_of(cid) is not None
                    and screen.detail.detail is not None and screen.detail.detail.id == newer)
    before = views(demo_db)
    assert cid not in [v[2] for v in before]  # listed, not opened
    rect = screen.table.visualRect(screen.model.index(screen.model.row_of(cid), 0))
    qtbot.mouseClick(screen.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: screen.detail.detail.id == cid)
    assert screen.detail.values["summary"].text() == "監査確認 " + SECRET
    assert views(demo_db)[len(before):] == [(coordinator.login, "consultation", cid, "")]
    screen.ctx.runner.wait()
