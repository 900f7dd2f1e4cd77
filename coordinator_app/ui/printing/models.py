"""The print register's table model (a plain ``set_rows`` model fed with
``printing.RegisterEntry``; tested without a database)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor

from coordinator_app.core.dates import format_wareki_short
from coordinator_app.services.printing import RegisterEntry
from coordinator_app.ui.audit_words import actor_text
from coordinator_app.ui.table_model import RIGHT, Column, TableModel

OPEN = QColor("#b00020")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintRegister", text)


def local_time(at: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC; show them in the machine's time zone."""
    return at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


def _printed_at(r: RegisterEntry) -> str:
    at = local_time(r.printed_at)
    return f"{format_wareki_short(at.date())} {at:%H:%M}"


def _recipient(r: RegisterEntry) -> str:
    if r.recipient or r.first_copy_no is None:
        return r.recipient
    return _tr("（未記入）")


def _disposal(r: RegisterEntry) -> str:
    if r.disposal:
        return f"{_tr(r.disposal_label)} {format_wareki_short(r.disposed_on)}"
    return _tr("未返却") if r.first_copy_no is not None else ""


def _disposal_by(r: RegisterEntry) -> str | None:
    if not r.disposal_by:
        return None
    return _tr("記録した人: {name}（ログイン名: {login}）").format(
        name=actor_text(r.disposal_by, r.disposal_by_name), login=r.disposal_by)


def _still_out(r: RegisterEntry) -> bool:
    """Numbered copies handed out and not yet returned or shredded."""
    return not r.disposal and r.first_copy_no is not None


class RegisterModel(TableModel):
    COL_AT, COL_BRANCH, COL_LIST, COL_PEOPLE, COL_RECIPIENT, COL_COPIES, COL_BY, \
        COL_DISPOSAL, COL_NOTE = range(9)
    CONTEXT = "PrintRegister"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PrintRegister", "印刷日時"), _printed_at),
        Column(QT_TRANSLATE_NOOP("PrintRegister", "支部"), lambda r: r.branch_name),
        Column(QT_TRANSLATE_NOOP("PrintRegister", "一覧"), lambda r: r.list_title),
        Column(QT_TRANSLATE_NOOP("PrintRegister", "人数"),
               lambda r: str(r.person_count) if r.person_count else "", align=RIGHT),
        Column(QT_TRANSLATE_NOOP("PrintRegister", "渡した相手"), _recipient),
        Column(QT_TRANSLATE_NOOP("PrintRegister", "控番号"),
               lambda r: r.copy_text or _tr("{n}部").format(n=r.copies)),
        # Names, not logins; the login stays in the tooltip.
        Column(QT_TRANSLATE_NOOP("PrintRegister", "印刷した人"),
               lambda r: actor_text(r.printed_by, r.printed_by_name),
               tooltip=lambda r: _tr("ログイン名: {login}").format(login=r.printed_by)),
        Column(QT_TRANSLATE_NOOP("PrintRegister", "返却・細断"), _disposal,
               foreground=lambda r: QBrush(OPEN) if _still_out(r) else None,
               tooltip=_disposal_by),
        Column(QT_TRANSLATE_NOOP("PrintRegister", "メモ"), lambda r: r.disposal_note),
    )
