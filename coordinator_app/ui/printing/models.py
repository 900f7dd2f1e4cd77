"""The print register's table model (a plain ``set_rows`` model fed with
``printing.RegisterEntry``; tested without a database)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from coordinator_app.core.dates import format_wareki_short
from coordinator_app.services.printing import RegisterEntry
from coordinator_app.ui.table_model import ColumnTableModel

OPEN = QColor("#b00020")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintRegister", text)


def local_time(at: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC; show them in the machine's time zone."""
    return at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


class RegisterModel(ColumnTableModel):
    COL_AT, COL_BRANCH, COL_LIST, COL_PEOPLE, COL_RECIPIENT, COL_COPIES, COL_BY, \
        COL_DISPOSAL, COL_NOTE = range(9)
    HEADERS = ("印刷日時", "支部", "一覧", "人数", "渡した相手", "控番号", "印刷した人",
               "返却・細断", "メモ")
    CONTEXT = "PrintRegister"

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r: RegisterEntry = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.COL_AT:
                at = local_time(r.printed_at)
                return f"{format_wareki_short(at.date())} {at:%H:%M}"
            if col == self.COL_BRANCH:
                return r.branch_name
            if col == self.COL_LIST:
                return r.list_title
            if col == self.COL_PEOPLE:
                return str(r.person_count) if r.person_count else ""
            if col == self.COL_RECIPIENT:
                if r.recipient or r.first_copy_no is None:
                    return r.recipient
                return _tr("（未記入）")
            if col == self.COL_COPIES:
                return r.copy_text or _tr("{n}部").format(n=r.copies)
            if col == self.COL_BY:
                return r.printed_by
            if col == self.COL_DISPOSAL:
                if r.disposal:
                    return f"{_tr(r.disposal_label)} {format_wareki_short(r.disposed_on)}"
                return _tr("未返却") if r.first_copy_no is not None else ""
            if col == self.COL_NOTE:
                return r.disposal_note
        if role == Qt.ForegroundRole and col == self.COL_DISPOSAL:
            if not r.disposal and r.first_copy_no is not None:
                return QBrush(OPEN)
        if role == Qt.TextAlignmentRole and col == self.COL_PEOPLE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
