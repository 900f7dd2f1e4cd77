"""Table models of the 行事・サロン screen: plain ``set_rows`` models fed
with the service's rows, no database access."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from coordinator_app.core.dates import format_wareki_short
from coordinator_app.services.gatherings import EventRow, GroupRow
from coordinator_app.ui.table_model import RIGHT, Column, TableModel

ENDED = QColor("#777777")
CTX = "GatheringTables"


class GroupTableModel(TableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP(CTX, "名称"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP(CTX, "ふりがな"), lambda r: r.kana),
        Column(QT_TRANSLATE_NOOP(CTX, "種別"), lambda r: r.kind_label),
        Column(QT_TRANSLATE_NOOP(CTX, "自治会"), lambda r: r.area),
        Column(QT_TRANSLATE_NOOP(CTX, "開催の目安"), lambda r: r.pattern),
        Column(QT_TRANSLATE_NOOP(CTX, "会場"), lambda r: r.venue),
        Column(QT_TRANSLATE_NOOP(CTX, "連絡先"), lambda r: r.contact),
        Column(QT_TRANSLATE_NOOP(CTX, "期間"), lambda r: _period(r)),
        Column(QT_TRANSLATE_NOOP(CTX, "最終開催"), lambda r: format_wareki_short(r.last_held)),
    )

    def row_foreground(self, row: GroupRow):
        return None if row.active else ENDED


def _period(r: GroupRow) -> str:
    return f"{format_wareki_short(r.started_on)}〜{format_wareki_short(r.ended_on)}"


class EventTableModel(TableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP(CTX, "開催日"), lambda r: format_wareki_short(r.held_on)),
        Column(QT_TRANSLATE_NOOP(CTX, "種別"), lambda r: r.kind_label),
        Column(QT_TRANSLATE_NOOP(CTX, "名称"), lambda r: r.title),
        Column(QT_TRANSLATE_NOOP(CTX, "グループ"), lambda r: r.group),
        Column(QT_TRANSLATE_NOOP(CTX, "自治会"), lambda r: r.area),
        Column(QT_TRANSLATE_NOOP(CTX, "参加人数"), lambda r: r.participants, align=RIGHT),
        Column(QT_TRANSLATE_NOOP(CTX, "うちボランティア"), lambda r: r.volunteers, align=RIGHT),
        Column(QT_TRANSLATE_NOOP(CTX, "名前の記録"), lambda r: f"{r.named}人" if r.named else "",
               align=RIGHT),
    )

    def totals(self) -> tuple[int, int]:
        """(events, participants) of the rows shown."""
        rows: list[EventRow] = self.rows
        return len(rows), sum(r.participants for r in rows)
