"""相談記録: consultations and contacts/enquiries. Qt-free.

``insert_consultation`` is the one place a consultation row and its
categories are written inside a caller's transaction (the entry form and
the 見守り 異変あり flow both use it)."""

from __future__ import annotations

import datetime as dt

from coordinator_app import codes
from coordinator_app.database import Database
from coordinator_app.dates import month_key
from coordinator_app.models import Consultation, ConsultationCategory


def insert_consultation(session, db: Database, branch_id: int, *, received_on: dt.date,
                        kind: str, channel: str, from_whom: str, response: str,
                        categories: list[str], received_at: dt.time | None = None,
                        referred_to: str = "", person_id: int | None = None,
                        summary: str = "", urgent_note: str = "", staff_name: str = "",
                        follow_up_on: dt.date | None = None) -> Consultation:
    """Validate codes, write the record and its categories, audit it.
    Raises ValueError (Japanese) on a bad value; the caller's transaction
    then rolls back."""
    for value, table, label in ((kind, codes.KIND, "区分"), (channel, codes.CHANNEL, "受付方法"),
                                (from_whom, codes.FROM_WHOM, "相談者"),
                                (response, codes.RESPONSE, "対応")):
        if value not in table:
            raise ValueError(f"{label}を選んでください")
    if not categories:
        raise ValueError("相談内容を1つ以上選んでください")
    if received_on > dt.date.today():
        raise ValueError("未来の日付は入力できません")
    record = Consultation(branch_id=branch_id, received_on=received_on, received_at=received_at,
                          month=month_key(received_on), kind=kind, channel=channel,
                          from_whom=from_whom, response=response, referred_to=referred_to,
                          person_id=person_id, summary=summary, urgent_note=urgent_note,
                          staff_name=staff_name, follow_up_on=follow_up_on)
    db.stamp(record, created=True)
    session.add(record)
    session.flush()
    for code in dict.fromkeys(categories):
        session.add(ConsultationCategory(consultation_id=record.id, category_code=code,
                                         branch_id=branch_id, month=record.month))
    session.flush()
    db.audit(session, "create", "consultation", record.id)
    return record
