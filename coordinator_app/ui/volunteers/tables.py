"""Table models of the ボランティア screens. Plain ``set_rows`` models fed
with service dataclasses; no database access here, so they are tested
without one."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coordinator_app.core import codes
from coordinator_app.core.dates import fiscal_year_label, format_wareki_short
from coordinator_app.services.volunteers import (
    ACTIVITY_KIND,
    Participant,
    VolunteerRow,
    availability_text,
)
from coordinator_app.ui.table_model import RIGHT, Column, TableModel

LAPSED = QColor("#b00020")
WITHDRAWN = QColor("#777777")


def _tr(text: str) -> str:
    return QCoreApplication.translate("VolunteerTables", text)


def insurance_text(fy: int | None) -> str:
    return fiscal_year_label(fy) if fy else _tr("未加入")


class _VolunteerModel(TableModel):
    CONTEXT = "VolunteerTables"


def _status(r: VolunteerRow) -> str:
    if r.active:
        return _tr("登録中")
    if r.withdrawn_on:
        return _tr("退会") + f" {format_wareki_short(r.withdrawn_on)}"
    return ""


class VolunteerTableModel(_VolunteerModel):
    """Search results. With ``checkable`` the first column carries a
    check box (bulk insurance renewal)."""

    COL_NAME, COL_KANA, COL_KIND, COL_ROLES, COL_SKILLS, COL_TIMES, COL_AREA, COL_PHONE, \
        COL_INSURANCE, COL_STATUS = range(10)

    def __init__(self, role_labels: dict[str, str], current_fy: int, checkable: bool = False,
                 parent=None) -> None:
        super().__init__(parent, [
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "氏名・団体名"), lambda r: r.name),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "ふりがな"), lambda r: r.kana),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "種別"),
                   lambda r: _tr(codes.VOLUNTEER_KIND.get(r.kind, r.kind))),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "活動内容"),
                   lambda r: "・".join(self.role_labels.get(c, c) for c in r.roles)),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "特技"), lambda r: "、".join(r.skills)),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "活動できる日時"),
                   lambda r: availability_text(r.availability)),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "自治会"), lambda r: r.area),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "電話番号"), lambda r: r.phone),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "保険"),
                   lambda r: insurance_text(r.insurance_fy),
                   foreground=lambda r: QBrush(LAPSED) if self._lapsed(r) else None),
            Column(QT_TRANSLATE_NOOP("VolunteerTables", "状態"), _status),
        ])
        self.role_labels = role_labels  # replaced when the roles are reloaded
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

    def _lapsed(self, r: VolunteerRow) -> bool:
        """Active, but not insured for the current fiscal year."""
        return r.active and r.insurance_fy != self.current_fy

    def row_foreground(self, r: VolunteerRow):
        return None if r.active else QBrush(WITHDRAWN)

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.CheckStateRole and self.checkable and index.isValid() and index.column() == 0:
            return Qt.Checked if self._rows[index.row()].id in self._checked else Qt.Unchecked
        return super().data(index, role)


class ActivityTableModel(_VolunteerModel):
    COL_DATE, COL_TITLE, COL_KIND, COL_COUNT = range(4)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "活動日"),
               lambda a: format_wareki_short(a.held_on)),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "活動名"), lambda a: a.title),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "種類"),
               lambda a: _tr(ACTIVITY_KIND.get(a.kind, a.kind))),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "参加者数"),
               lambda a: f"{a.participant_count}人", align=RIGHT),
    )


def hours_text(hours: float | None) -> str:
    if hours is None:
        return ""
    return f"{hours:g}時間"


class ParticipantTableModel(_VolunteerModel):
    """The participants being entered for an activity; hours editable."""

    COL_NAME, COL_KANA, COL_HOURS = range(3)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "氏名・団体名"), lambda p: p.name),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "ふりがな"), lambda p: p.kana),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "時間"), lambda p: hours_text(p.hours),
               edit=lambda p: "" if p.hours is None else f"{p.hours:g}"),
    )

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


class WatchUserTableModel(_VolunteerModel):
    """見守り users a cooperator watches (on the volunteer's page)."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "氏名"), lambda w: w.name),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "ふりがな"), lambda w: w.kana),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "自治会"), lambda w: w.area),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "状態"),
               lambda w: _tr("利用中") if w.active else _tr("終了")),
    )


class HistoryTableModel(_VolunteerModel):
    """A volunteer's activity history (on their page)."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "活動日"),
               lambda a: format_wareki_short(a.held_on)),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "活動名"), lambda a: a.title),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "種類"),
               lambda a: _tr(ACTIVITY_KIND.get(a.kind, a.kind))),
        Column(QT_TRANSLATE_NOOP("VolunteerTables", "時間"), lambda a: hours_text(a.hours)),
    )


class CheckListModel(_VolunteerModel):
    """A one-column list of (id, label) with check boxes (areas covered)."""

    COLUMNS = (Column(QT_TRANSLATE_NOOP("VolunteerTables", "名前"), lambda item: item[1]),)

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
        if role == Qt.CheckStateRole and index.isValid():
            return Qt.Checked if self._rows[index.row()][0] in self._checked else Qt.Unchecked
        return super().data(index, role)
