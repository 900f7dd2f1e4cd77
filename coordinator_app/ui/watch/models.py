"""Table models of the 見守り screens. Each takes plain rows from
``services.watch`` through ``set_rows()``; none touches the database except
``RollcallModel``, which fetches pages lazily through a given function."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coordinator_app.core import clock, codes
from coordinator_app.core.dates import format_wareki_short
from coordinator_app.services import watch
from coordinator_app.ui.table_model import RIGHT, Column, TableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("WatchModels", text)


STATE_COLORS = {
    "concern": "#f8d0d0",
    "absent_twice": "#fbe0c0",
    "overdue": "#fff2b3",
    "unreached": "#dde8f6",
    "reached": "#e3f1df",
}
STATUS_COLORS = {
    "unchecked": "#ffffff",
    "safe": "#d9efd4",
    "needs_help": "#f8c9c9",
    "unreachable": "#fde3b0",
}
FLAG_RED = QColor("#b00020")
ENDED_GREY = QColor("#777777")


def frequency_label(days: int) -> str:
    return watch.FREQUENCIES.get(days) or _tr("{n}日ごと").format(n=days)


def methods_label(methods) -> str:
    return "・".join(codes.WATCH_METHOD.get(m, m) for m in methods)


def local_time(stamp: dt.datetime | None, with_date: bool = False) -> str:
    """A stored UTC time as local HH:MM (with the date when asked or not today)."""
    if stamp is None:
        return ""
    local = stamp.replace(tzinfo=dt.timezone.utc).astimezone()
    if not with_date and local.date() == clock.today():
        return local.strftime("%H:%M")
    return f"{format_wareki_short(local.date())} {local.strftime('%H:%M')}"


class _WatchModel(TableModel):
    CONTEXT = "WatchModels"


def _last_contact(r: watch.WorklistRow) -> str:
    if r.last_contact_on is None:
        return _tr("なし")
    return f"{format_wareki_short(r.last_contact_on)} {codes.WATCH_RESULT.get(r.last_result, '')}"


class WorklistModel(_WatchModel):
    """今月の見守り: one ``WorklistRow`` per line, coloured by state."""

    COL_STATE, COL_NAME, COL_KANA, COL_AREA, COL_PHONE, COL_LAST, COL_DAYS, \
        COL_MONTH, COL_FREQ, COL_COOPS = range(10)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WatchModels", "状態"), lambda r: _tr(r.state_label),
               background=lambda r: QBrush(QColor(STATE_COLORS[r.state])),
               bold=lambda r: r.state != "reached"),
        Column(QT_TRANSLATE_NOOP("WatchModels", "氏名"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("WatchModels", "ふりがな"), lambda r: r.kana),
        Column(QT_TRANSLATE_NOOP("WatchModels", "自治会"), lambda r: r.area),
        Column(QT_TRANSLATE_NOOP("WatchModels", "電話"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("WatchModels", "最終連絡"), _last_contact),
        Column(QT_TRANSLATE_NOOP("WatchModels", "経過日数"),
               lambda r: _tr("{n}日").format(n=r.days_since), align=RIGHT),
        Column(QT_TRANSLATE_NOOP("WatchModels", "今月"),
               lambda r: _tr("{n}回").format(n=r.contacts_in_month), align=RIGHT),
        Column(QT_TRANSLATE_NOOP("WatchModels", "頻度"), lambda r: frequency_label(r.frequency_days)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "協力員"),
               lambda r: "・".join(c.name for c in r.cooperators) or _tr("未割当"),
               foreground=lambda r: QBrush(FLAG_RED) if r.no_cooperator else None),
    )

    def row_tooltip(self, r: watch.WorklistRow) -> str:
        return "・".join(_tr(watch.STATE_FILTERS[f]) for f in r.flags)

    def replace_row(self, row: watch.WorklistRow) -> int:
        """Put a refreshed row in place (order kept during a round); returns
        its index or -1."""
        i = self.index_of(row.watch_user_id)
        if i >= 0:
            self._rows[i] = row
            self.row_changed(i)
        return i

    def index_of(self, watch_user_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.watch_user_id == watch_user_id:
                return i
        return -1


class UsersModel(_WatchModel):
    """利用登録者 (active, and ended on request)."""

    COL_NAME, COL_KANA, COL_AREA, COL_PHONE, COL_METHODS, COL_FREQ, COL_ENROLLED, \
        COL_ENDED, COL_REASON, COL_COOPS = range(10)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WatchModels", "氏名"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("WatchModels", "ふりがな"), lambda r: r.kana),
        Column(QT_TRANSLATE_NOOP("WatchModels", "自治会"), lambda r: r.area),
        Column(QT_TRANSLATE_NOOP("WatchModels", "電話"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("WatchModels", "見守りの方法"), lambda r: methods_label(r.methods)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "頻度"), lambda r: frequency_label(r.frequency_days)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "登録日"),
               lambda r: format_wareki_short(r.enrolled_on)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "終了日"), lambda r: format_wareki_short(r.ended_on)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "終了理由"),
               lambda r: codes.END_REASON.get(r.end_reason or "", "")),
        Column(QT_TRANSLATE_NOOP("WatchModels", "協力員"),
               lambda r: "・".join(r.cooperators) or ("" if r.ended_on else _tr("未割当")),
               foreground=lambda r: (QBrush(FLAG_RED) if r.ended_on is None and not r.cooperators
                                     else None)),
    )

    def row_foreground(self, r: watch.UserRow):
        return QBrush(ENDED_GREY) if r.ended_on is not None else None


class HistoryModel(_WatchModel):
    """A user's contacts, newest first."""

    COL_DAY, COL_METHOD, COL_BY, COL_RESULT, COL_NOTE, COL_LINK = range(6)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WatchModels", "実施日"),
               lambda c: format_wareki_short(c.contacted_on)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "方法"),
               lambda c: codes.WATCH_METHOD.get(c.method, c.method)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "実施者"), lambda c: c.by_label),
        Column(QT_TRANSLATE_NOOP("WatchModels", "結果"),
               lambda c: codes.WATCH_RESULT.get(c.result, c.result),
               foreground=lambda c: QBrush(FLAG_RED) if c.result == "concern" else None),
        Column(QT_TRANSLATE_NOOP("WatchModels", "メモ"), lambda c: c.note),
        Column(QT_TRANSLATE_NOOP("WatchModels", "相談"),
               lambda c: _tr("相談あり") if c.consultation_id else ""),
    )


def _cooperator_name(r: watch.CooperatorRow) -> str:
    name = r.cooperator.name
    return name if r.has_role else _tr("{name} ※役割なし").format(name=name)


class CooperatorsModel(_WatchModel):
    """Who watches whom: ``CooperatorRow`` per cooperator."""

    COL_NAME, COL_KANA, COL_AREA, COL_PHONE, COL_COUNT, COL_USERS = range(6)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WatchModels", "氏名"), _cooperator_name,
               foreground=lambda r: None if r.has_role else QBrush(FLAG_RED)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "ふりがな"), lambda r: r.cooperator.kana),
        Column(QT_TRANSLATE_NOOP("WatchModels", "自治会"), lambda r: r.cooperator.area),
        Column(QT_TRANSLATE_NOOP("WatchModels", "電話"), lambda r: r.cooperator.phone),
        Column(QT_TRANSLATE_NOOP("WatchModels", "担当人数"),
               lambda r: _tr("{n}人").format(n=len(r.users)), align=RIGHT),
        Column(QT_TRANSLATE_NOOP("WatchModels", "担当の利用者"), lambda r: "・".join(r.users)),
    )

    def row_tooltip(self, r: watch.CooperatorRow):
        if r.has_role:
            return None
        return _tr("担当が割り当てられていますが、ボランティア登録に見守り協力員の役割がありません")


class CooperatorChoiceModel(_WatchModel):
    """Checkable list of the branch's cooperators (enrolment form)."""

    COL_NAME, COL_KANA, COL_AREA = range(3)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WatchModels", "協力員"), lambda c: c.name),
        Column(QT_TRANSLATE_NOOP("WatchModels", "ふりがな"), lambda c: c.kana),
        Column(QT_TRANSLATE_NOOP("WatchModels", "自治会"), lambda c: c.area),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._checked: list[int] = []

    def set_checked(self, ids) -> None:
        self.beginResetModel()
        self._checked = list(ids)
        self.endResetModel()

    def checked_ids(self) -> list[int]:
        return list(self._checked)

    def toggle(self, row: int) -> None:
        c = self.row_at(row)
        if c is None:
            return
        if c.id in self._checked:
            self._checked.remove(c.id)
        else:
            self._checked.append(c.id)
        idx = self.index(row, 0)
        self.dataChanged.emit(idx, idx)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.COL_NAME:
            return base | Qt.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.CheckStateRole and index.isValid() and index.column() == self.COL_NAME:
            return Qt.Checked if self._rows[index.row()].id in self._checked else Qt.Unchecked
        return super().data(index, role)

    def setData(self, index, value, role=Qt.EditRole):
        if role == Qt.CheckStateRole and index.isValid():
            c = self._rows[index.row()]
            on = Qt.CheckState(value) == Qt.Checked
            if on and c.id not in self._checked:
                self._checked.append(c.id)
            elif not on and c.id in self._checked:
                self._checked.remove(c.id)
            self.dataChanged.emit(index, index)
            return True
        return False


class AreaCountModel(_WatchModel):
    """登録者数 by area: (area, n) rows."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WatchModels", "自治会"), lambda r: r[0]),
        Column(QT_TRANSLATE_NOOP("WatchModels", "利用登録者数"),
               lambda r: _tr("{n}人").format(n=r[1]), align=RIGHT),
    )


class RollcallModel(_WatchModel):
    """災害時安否確認 entries, fetched lazily a page at a time through
    ``fetch(offset, limit)`` (Qt calls ``fetchMore`` as the view scrolls),
    so a roll-call of thousands opens at once. A marked entry is put back
    in place with ``replace_row``."""

    COL_STATUS, COL_NAME, COL_KANA, COL_PHONE, COL_AREA, COL_ADDRESS, COL_EMERGENCY, \
        COL_TIME, COL_NOTE = range(9)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WatchModels", "状態"),
               lambda e: _tr(watch.ROLLCALL_STATUS[e.status]), bold=lambda e: True),
        Column(QT_TRANSLATE_NOOP("WatchModels", "氏名"), lambda e: e.name, bold=lambda e: True),
        Column(QT_TRANSLATE_NOOP("WatchModels", "ふりがな"), lambda e: e.kana),
        Column(QT_TRANSLATE_NOOP("WatchModels", "電話"), lambda e: e.phone),
        Column(QT_TRANSLATE_NOOP("WatchModels", "自治会"), lambda e: e.area),
        Column(QT_TRANSLATE_NOOP("WatchModels", "住所"), lambda e: e.address),
        Column(QT_TRANSLATE_NOOP("WatchModels", "緊急連絡先"), lambda e: e.emergency_contact),
        Column(QT_TRANSLATE_NOOP("WatchModels", "確認時刻"), lambda e: local_time(e.checked_at)),
        Column(QT_TRANSLATE_NOOP("WatchModels", "メモ"), lambda e: e.note, edit=lambda e: e.note),
    )
    PAGE = 200

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[watch.RollcallEntryRow] = []
        self._total = 0
        self._fetch: Callable[[int, int], list] | None = None
        self.on_note: Callable[[watch.RollcallEntryRow, str], None] | None = None

    def reset(self, total: int, fetch: Callable[[int, int], list] | None) -> None:
        self.beginResetModel()
        self._rows, self._total, self._fetch = [], total, fetch
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._fetch is None:
            return
        page = self._fetch(len(self._rows), self.PAGE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def loaded(self) -> int:
        return len(self._rows)

    def total(self) -> int:
        return self._total

    def replace_row(self, row: int, entry: watch.RollcallEntryRow) -> None:
        self._rows[row] = entry
        self.row_changed(row)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Vertical:
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.COL_NOTE:
            return base | Qt.ItemIsEditable
        return base

    def row_background(self, e: watch.RollcallEntryRow):
        return QBrush(QColor(STATUS_COLORS[e.status]))

    def setData(self, index, value, role=Qt.EditRole):
        if role == Qt.EditRole and index.isValid() and index.column() == self.COL_NOTE:
            if self.on_note is not None:
                self.on_note(self._rows[index.row()], str(value))
            return True
        return False
