"""Table models of the ボランティア screens. Plain ``set_rows`` models fed
with service dataclasses; no database access here, so they are tested
without one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coordinator_app.core import codes
from coordinator_app.core.dates import fiscal_year_label, format_wareki_short
from coordinator_app.services.volunteers import (
    ACTIVITY_KIND,
    Participant,
    ParticipationRef,
    VolunteerRow,
    WatchUserRef,
    availability_text,
)
from coordinator_app.ui.table_model import ColumnTableModel

LAPSED = QColor("#b00020")


def _tr(text: str) -> str:
    return QCoreApplication.translate("VolunteerTables", text)


def insurance_text(fy: int | None) -> str:
    return fiscal_year_label(fy) if fy else _tr("未加入")


class _RowsModel(ColumnTableModel):
    CONTEXT = "VolunteerTables"


class VolunteerTableModel(_RowsModel):
    """Search results. With ``checkable`` the first column carries a
    check box (bulk insurance renewal)."""

    COL_NAME, COL_KANA, COL_KIND, COL_ROLES, COL_SKILLS, COL_TIMES, COL_AREA, COL_PHONE, \
        COL_INSURANCE, COL_STATUS = range(10)
    HEADERS = ("氏名・団体名", "ふりがな", "種別", "活動内容", "特技", "活動できる日時", "自治会",
               "電話番号", "保険", "状態")

    def __init__(self, role_labels: dict[str, str], current_fy: int, checkable: bool = False,
                 parent=None) -> None:
        super().__init__(parent)
        self.role_labels = role_labels
        self.current_fy = current_fy
        self.checkable = checkable
        self._checked: set[int] = set()

    def set_rows(self, rows) -> None:
        rows = list(rows)
        ids = {r.id for r in rows}
        self._checked &= ids
        super().set_rows(rows)

    def checked_ids(self) -> list[int]:
        return [r.id for r in self._rows if r.id in self._checked]

    def set_all_checked(self, on: bool) -> None:
        self._checked = {r.id for r in self._rows} if on else set()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def flags(self, index):
        f = super().flags(index)
        if self.checkable and index.column() == 0:
            f |= Qt.ItemIsUserCheckable
        return f

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if self.checkable and index.column() == 0 and role == Qt.CheckStateRole:
            vid = self._rows[index.row()].id
            if Qt.CheckState(value) == Qt.Checked:
                self._checked.add(vid)
            else:
                self._checked.discard(vid)
            self.dataChanged.emit(index, index, [Qt.CheckStateRole])
            return True
        return False

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r: VolunteerRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.COL_NAME:
                return r.name
            if col == self.COL_KANA:
                return r.kana
            if col == self.COL_KIND:
                return _tr(codes.VOLUNTEER_KIND.get(r.kind, r.kind))
            if col == self.COL_ROLES:
                return "・".join(self.role_labels.get(c, c) for c in r.roles)
            if col == self.COL_SKILLS:
                return "、".join(r.skills)
            if col == self.COL_TIMES:
                return availability_text(r.availability)
            if col == self.COL_AREA:
                return r.area
            if col == self.COL_PHONE:
                return r.phone
            if col == self.COL_INSURANCE:
                return insurance_text(r.insurance_fy)
            if col == self.COL_STATUS:
                if r.active:
                    return _tr("登録中")
                if r.withdrawn_on:
                    return _tr("退会") + f" {format_wareki_short(r.withdrawn_on)}"
                return ""
        if role == Qt.CheckStateRole and self.checkable and col == 0:
            return Qt.Checked if r.id in self._checked else Qt.Unchecked
        if role == Qt.ForegroundRole:
            if col == self.COL_INSURANCE and r.active and r.insurance_fy != self.current_fy:
                return QBrush(LAPSED)
            if not r.active:
                return QBrush(QColor("#777777"))
        return None


class ActivityTableModel(_RowsModel):
    COL_DATE, COL_TITLE, COL_KIND, COL_COUNT = range(4)
    HEADERS = ("活動日", "活動名", "種類", "参加者数")

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return (format_wareki_short(a.held_on), a.title,
                    _tr(ACTIVITY_KIND.get(a.kind, a.kind)), f"{a.participant_count}人")[col]
        if role == Qt.TextAlignmentRole and col == self.COL_COUNT:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


def hours_text(hours: float | None) -> str:
    if hours is None:
        return ""
    return f"{hours:g}時間"


class ParticipantTableModel(_RowsModel):
    """The participants being entered for an activity; hours editable."""

    COL_NAME, COL_KANA, COL_HOURS = range(3)
    HEADERS = ("氏名・団体名", "ふりがな", "時間")

    def add(self, participant: Participant) -> bool:
        if any(p.volunteer_id == participant.volunteer_id for p in self._rows):
            return False
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(participant)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def flags(self, index):
        f = super().flags(index)
        if index.column() == self.COL_HOURS:
            f |= Qt.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or index.column() != self.COL_HOURS:
            return False
        text = str(value).replace("時間", "").strip()
        try:
            hours = float(text) if text else None
        except ValueError:
            return False
        p = self._rows[index.row()]
        self._rows[index.row()] = Participant(p.volunteer_id, p.name, p.kana, hours)
        self.dataChanged.emit(index, index)
        return True

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p: Participant = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return (p.name, p.kana, hours_text(p.hours))[col]
        if role == Qt.EditRole and col == self.COL_HOURS:
            return "" if p.hours is None else f"{p.hours:g}"
        return None


class WatchUserTableModel(_RowsModel):
    """見守り users a cooperator watches (on the volunteer's page)."""

    HEADERS = ("氏名", "ふりがな", "自治会", "状態")

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        w: WatchUserRef = self._rows[index.row()]
        return (w.name, w.kana, w.area, _tr("利用中") if w.active else _tr("終了"))[index.column()]


class HistoryTableModel(_RowsModel):
    """A volunteer's activity history (on their page)."""

    HEADERS = ("活動日", "活動名", "種類", "時間")

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        a: ParticipationRef = self._rows[index.row()]
        return (format_wareki_short(a.held_on), a.title, _tr(ACTIVITY_KIND.get(a.kind, a.kind)),
                hours_text(a.hours))[index.column()]


class CheckListModel(_RowsModel):
    """A one-column list of (id, label) with check boxes (areas covered)."""

    HEADERS = ("名前",)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._checked: set[int] = set()

    def set_checked(self, ids) -> None:
        self.beginResetModel()
        self._checked = set(ids)
        self.endResetModel()

    def checked_ids(self) -> list[int]:
        return [i for i, _ in self._rows if i in self._checked]

    def flags(self, index):
        return super().flags(index) | Qt.ItemIsUserCheckable

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.CheckStateRole:
            return False
        item_id = self._rows[index.row()][0]
        if Qt.CheckState(value) == Qt.Checked:
            self._checked.add(item_id)
        else:
            self._checked.discard(item_id)
        self.dataChanged.emit(index, index, [Qt.CheckStateRole])
        return True

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        item_id, label = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return label
        if role == Qt.CheckStateRole:
            return Qt.Checked if item_id in self._checked else Qt.Unchecked
        return None
