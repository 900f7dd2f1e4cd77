"""Giving out 相談番号 (``core.record_numbers``) inside the caller's
transaction, safely when several saves of one branch run at once."""

from __future__ import annotations

from sqlalchemy import func, select

from coordinator_app.core.models import Branch, Consultation


def next_number(session, branch_id: int, fiscal_year: int) -> int:
    """The first unused number of the branch and fiscal year; the caller
    writes its record(s) with it (and the following numbers) in the same
    transaction.

    On PostgreSQL the branch's row is locked (FOR NO KEY UPDATE: records
    pointing at the branch can still be written) until the transaction
    ends, so a concurrent save of the same branch waits here and then sees
    this one's numbers. SQLite has one writer at a time: a concurrent
    writer's transaction fails as busy rather than reading a stale MAX().
    The unique index ``uq_consultation_number`` stops a duplicate in any case."""
    session.execute(select(Branch.id).where(Branch.id == branch_id)
                    .with_for_update(key_share=True))
    top = session.scalar(select(func.max(Consultation.number))
                         .where(Consultation.branch_id == branch_id,
                                Consultation.number_fy == fiscal_year))
    return (top or 0) + 1
