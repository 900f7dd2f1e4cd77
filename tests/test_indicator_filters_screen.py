"""The definition dialog as an administrator uses it with the keyboard:
two 条件 are added to 区分=相談 (相談者=地域関係者, 受付方法=来所), the
indicator is saved and its figure on the 指標 screen is the records' own
count; a condition repeated on the same breakdown is refused in Japanese
and saves nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from coordinator_app.core.dates import fiscal_year_range
from coordinator_app.core.models import Consultation
from coordinator_app.services import indicators as service
from tests.test_indicators_screen import ADMIN, open_page


def count_records(db, fy: int, **where) -> int:
    """Counted here straight from the records, not through the tallies."""
    first, last = fiscal_year_range(fy)
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Consultation).where(
            Consultation.deleted_at.is_(None), Consultation.received_on.between(first, last),
            *(getattr(Consultation, k) == v for k, v in where.items())))


def new_dialog(qtbot, page, code: str):
    page.new_indicator()
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # shortcuts (Alt+J, Ctrl+S) go to the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.code.setText(code)
    dialog.name.setText("地域関係者からの来所相談")
    dialog.measure.setCurrentIndex(dialog.measure.findData("consultations"))
    dialog.breakdown.setCurrentIndex(dialog.breakdown.findData("kind"))
    dialog.key.setCurrentIndex(dialog.key.findData("consultation"))
    return dialog


def pick(qtbot, combo, data) -> None:
    """Choose an item with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Home)
    for _ in range(combo.findData(data)):
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentData() == data


def add_condition(qtbot, dialog) -> None:
    """Alt+J, 条件を追加(&J): the button clicks itself a moment later."""
    shown = sum(not r.isHidden() for r in dialog.conditions.rows)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key_J, Qt.AltModifier)
    qtbot.waitUntil(lambda: not dialog.conditions.rows[shown].isHidden(), timeout=5000)


def test_two_conditions_are_added_with_the_keyboard_and_counted(qtbot, demo_db):
    page = open_page(qtbot, demo_db)
    fy = page.params()[0]
    dialog = new_dialog(qtbot, page, "community_visits")
    rows = dialog.conditions.rows
    assert all(r.isHidden() for r in rows)
    add_condition(qtbot, dialog)
    first = rows[0]
    assert not first.isHidden() and first.breakdown.hasFocus()
    assert first.breakdown.currentText() == "受付方法"  # the first breakdown not used yet
    pick(qtbot, first.breakdown, "from_whom")
    assert first.breakdown.currentText() == "相談者"
    pick(qtbot, first.key, "community")
    assert first.key.currentText() == "地域関係者"
    add_condition(qtbot, dialog)
    second = rows[1]
    assert second.breakdown.hasFocus() and second.breakdown.currentData() == "channel"
    pick(qtbot, second.key, "visit")
    assert second.key.currentText() == "来所"
    page.results = []
    qtbot.keyClick(dialog, Qt.Key_S, Qt.ControlModifier)  # 保存
    qtbot.waitUntil(lambda: bool(page.results), timeout=15000)
    info = service.get_indicator(demo_db, ADMIN, "community_visits")
    assert (info.breakdown, info.key) == ("kind", "consultation")
    assert info.filters == (("from_whom", "community"), ("channel", "visit"))
    page.select("community_visits")
    expected = count_records(demo_db, fy, kind="consultation", from_whom="community",
                             channel="visit")
    assert page.current().year.actual == expected
    assert expected < count_records(demo_db, fy, kind="consultation", from_whom="community")
    assert "区分: 相談、相談者: 地域関係者、受付方法: 来所" in page.describe.text()
    shown = page.model.data(page.model.index(page.model.row_of("community_visits"),
                                             page.model.COL_ACTUAL))
    assert shown.startswith(f"{expected:,}")
    # Opening it again shows the two 条件; removing one with the keyboard
    # (its 外す button) leaves the other.
    page.edit_indicator()
    again = page.dialog
    qtbot.waitExposed(again)
    assert again.conditions.values() == [("from_whom", "community"), ("channel", "visit")]
    again.conditions.rows[0].remove.setFocus()
    qtbot.keyClick(again.conditions.rows[0].remove, Qt.Key_Space)
    assert again.conditions.values() == [("channel", "visit")]
    again.reject()


def test_a_repeated_breakdown_is_refused_in_japanese_and_nothing_saved(qtbot, demo_db):
    page = open_page(qtbot, demo_db)
    dialog = new_dialog(qtbot, page, "twice_kind")
    dialog.conditions.add.click()
    pick(qtbot, dialog.conditions.rows[0].breakdown, "kind")
    pick(qtbot, dialog.conditions.rows[0].key, "contact")
    dialog.save()
    assert "区分の条件が二つあります" in dialog.error.text()
    assert dialog.isVisible()
    assert "twice_kind" not in {i.code for i in service.list_indicators(demo_db, ADMIN, True)}
    dialog.reject()
