"""Table models of the 見守り screens. Each takes plain rows from
``services.watch`` through ``set_rows()``; none touches the database except
``RollcallModel``, which fetches pages lazily through a given function."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from coordinator_app.core import clock, codes
from coordinator_app.core.dates import format_wareki_short
from coordinator_app.services import watch
from coordinator_app.ui.table_model import ColumnTableModel


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


class _RowsModel(ColumnTableModel):
    CONTEXT = "WatchModels"


class WorklistModel(_RowsModel):
    """今月の見守り: one ``WorklistRow`` per line, coloured by state."""

    COL_STATE, COL_NAME, COL_KANA, COL_AREA, COL_PHONE, COL_LAST, COL_DAYS, \
        COL_MONTH, COL_FREQ, COL_COOPS = range(10)
    HEADERS = ("状態", "氏名", "ふりがな", "自治会", "電話", "最終連絡", "経過日数",
               "今月", "頻度", "協力員")

    def replace_row(self, row: watch.WorklistRow) -> int:
        """Put a refreshed row in place (order kept during a round); returns
        its index or -1."""
        for i, old in enumerate(self._rows):
            if old.watch_user_id == row.watch_user_id:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
                return i
        return -1

    def index_of(self, watch_user_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.watch_user_id == watch_user_id:
                return i
        return -1

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r: watch.WorklistRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.COL_STATE:
                return _tr(r.state_label)
            if col == self.COL_NAME:
                return r.name
            if col == self.COL_KANA:
                return r.kana
            if col == self.COL_AREA:
                return r.area
            if col == self.COL_PHONE:
                return r.phone
            if col == self.COL_LAST:
                if r.last_contact_on is None:
                    return _tr("なし")
                return (f"{format_wareki_short(r.last_contact_on)} "
                        f"{codes.WATCH_RESULT.get(r.last_result, '')}")
            if col == self.COL_DAYS:
                return _tr("{n}日").format(n=r.days_since)
            if col == self.COL_MONTH:
                return _tr("{n}回").format(n=r.contacts_in_month)
            if col == self.COL_FREQ:
                return frequency_label(r.frequency_days)
            if col == self.COL_COOPS:
                return "・".join(c.name for c in r.cooperators) or _tr("未割当")
        if role == Qt.BackgroundRole and col == self.COL_STATE:
            return QBrush(QColor(STATE_COLORS[r.state]))
        if role == Qt.ForegroundRole and col == self.COL_COOPS and r.no_cooperator:
            return QBrush(FLAG_RED)
        if role == Qt.FontRole and col == self.COL_STATE and r.state != "reached":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            return "・".join(_tr(watch.STATE_FILTERS[f]) for f in r.flags)
        if role == Qt.TextAlignmentRole and col in (self.COL_DAYS, self.COL_MONTH):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class UsersModel(_RowsModel):
    """利用登録者 (active, and ended on request)."""

    COL_NAME, COL_KANA, COL_AREA, COL_PHONE, COL_METHODS, COL_FREQ, COL_ENROLLED, \
        COL_ENDED, COL_REASON, COL_COOPS = range(10)
    HEADERS = ("氏名", "ふりがな", "自治会", "電話", "見守りの方法", "頻度", "登録日",
               "終了日", "終了理由", "協力員")

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r: watch.UserRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return {
                self.COL_NAME: r.name, self.COL_KANA: r.kana, self.COL_AREA: r.area,
                self.COL_PHONE: r.phone, self.COL_METHODS: methods_label(r.methods),
                self.COL_FREQ: frequency_label(r.frequency_days),
                self.COL_ENROLLED: format_wareki_short(r.enrolled_on),
                self.COL_ENDED: format_wareki_short(r.ended_on),
                self.COL_REASON: codes.END_REASON.get(r.end_reason or "", ""),
                self.COL_COOPS: "・".join(r.cooperators) or (
                    "" if r.ended_on else _tr("未割当")),
            }[col]
        if role == Qt.ForegroundRole:
            if r.ended_on is not None:
                return QBrush(QColor("#777777"))
            if col == self.COL_COOPS and not r.cooperators:
                return QBrush(FLAG_RED)
        return None


class HistoryModel(_RowsModel):
    """A user's contacts, newest first."""

    COL_DAY, COL_METHOD, COL_BY, COL_RESULT, COL_NOTE, COL_LINK = range(6)
    HEADERS = ("実施日", "方法", "実施者", "結果", "メモ", "相談")

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c: watch.ContactInfo = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return {
                self.COL_DAY: format_wareki_short(c.contacted_on),
                self.COL_METHOD: codes.WATCH_METHOD.get(c.method, c.method),
                self.COL_BY: c.by_label,
                self.COL_RESULT: codes.WATCH_RESULT.get(c.result, c.result),
                self.COL_NOTE: c.note,
                self.COL_LINK: _tr("相談あり") if c.consultation_id else "",
            }[col]
        if role == Qt.ForegroundRole and col == self.COL_RESULT and c.result == "concern":
            return QBrush(FLAG_RED)
        return None


class CooperatorsModel(_RowsModel):
    """Who watches whom: ``CooperatorRow`` per cooperator."""

    COL_NAME, COL_KANA, COL_AREA, COL_PHONE, COL_COUNT, COL_USERS = range(6)
    HEADERS = ("氏名", "ふりがな", "自治会", "電話", "担当人数", "担当の利用者")

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r: watch.CooperatorRow = self._rows[index.row()]
        c = r.cooperator
        col = index.column()
        if role == Qt.DisplayRole:
            name = c.name if r.has_role else _tr("{name} ※役割なし").format(name=c.name)
            return {
                self.COL_NAME: name, self.COL_KANA: c.kana, self.COL_AREA: c.area,
                self.COL_PHONE: c.phone, self.COL_COUNT: _tr("{n}人").format(n=len(r.users)),
                self.COL_USERS: "・".join(r.users),
            }[col]
        if role == Qt.ForegroundRole and col == self.COL_NAME and not r.has_role:
            return QBrush(FLAG_RED)
        if role == Qt.ToolTipRole and not r.has_role:
            return _tr("担当が割り当てられていますが、ボランティア登録に見守り協力員の役割がありません")
        if role == Qt.TextAlignmentRole and col == self.COL_COUNT:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class CooperatorChoiceModel(_RowsModel):
    """Checkable list of the branch's cooperators (enrolment form)."""

    COL_NAME, COL_KANA, COL_AREA = range(3)
    HEADERS = ("協力員", "ふりがな", "自治会")

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
        if not index.isValid():
            return None
        c: watch.Cooperator = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return (c.name, c.kana, c.area)[col]
        if role == Qt.CheckStateRole and col == self.COL_NAME:
            return Qt.Checked if c.id in self._checked else Qt.Unchecked
        return None

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


class AreaCountModel(_RowsModel):
    """登録者数 by area: (area, n) rows."""

    HEADERS = ("自治会", "利用登録者数")

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        area, n = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return area if index.column() == 0 else _tr("{n}人").format(n=n)
        if role == Qt.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class RollcallModel(_RowsModel):
    """災害時安否確認 entries, fetched lazily a page at a time through
    ``fetch(offset, limit)`` (Qt calls ``fetchMore`` as the view scrolls),
    so a roll-call of thousands opens at once. A marked entry is put back
    in place with ``replace_row``."""

    COL_STATUS, COL_NAME, COL_KANA, COL_PHONE, COL_AREA, COL_ADDRESS, COL_EMERGENCY, \
        COL_TIME, COL_NOTE = range(9)
    HEADERS = ("状態", "氏名", "ふりがな", "電話", "自治会", "住所", "緊急連絡先",
               "確認時刻", "メモ")
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
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Vertical:
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.COL_NOTE:
            return base | Qt.ItemIsEditable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            return {
                self.COL_STATUS: _tr(watch.ROLLCALL_STATUS[e.status]),
                self.COL_NAME: e.name, self.COL_KANA: e.kana, self.COL_PHONE: e.phone,
                self.COL_AREA: e.area, self.COL_ADDRESS: e.address,
                self.COL_EMERGENCY: e.emergency_contact,
                self.COL_TIME: local_time(e.checked_at), self.COL_NOTE: e.note,
            }[col]
        if role == Qt.BackgroundRole:
            return QBrush(QColor(STATUS_COLORS[e.status]))
        if role == Qt.FontRole and col in (self.COL_STATUS, self.COL_NAME):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role == Qt.EditRole and index.isValid() and index.column() == self.COL_NOTE:
            if self.on_note is not None:
                self.on_note(self._rows[index.row()], str(value))
            return True
        return False
