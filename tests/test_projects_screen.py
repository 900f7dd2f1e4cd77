"""The 事業・評価 tab as a city officer uses it from the keyboard: a
基本目標, a 施策 and a 事業 made in the form and saved with Ctrl+S, an
indicator attached (and one as 再掲), the 事業's grade decided beside the
app's proposal, a narrative typed and saved; deleting a 事業 that holds an
evaluation asks twice and deletes nothing on No."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from coordinator_app.core.access import SignedIn
from coordinator_app.services import indicators as service
from coordinator_app.services import plan
from tests.conftest import TODAY
from tests.helpers import make_context

CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)


def open_page(qtbot, db, user=CITY):
    from coordinator_app.ui.tallies.screen import TalliesScreen

    screen = TalliesScreen(make_context(db, user))
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    screen.show_filter("projects")
    screen.activateWindow()  # offscreen: no window manager activates it
    qtbot.waitUntil(screen.isActiveWindow)
    return screen, screen.projects


def _save(qtbot, page) -> None:
    """Ctrl+S in the form, then wait for the tree to show the saved item."""
    before = page.plan_tree
    page.name.setFocus()
    qtbot.keyClick(page.name, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: page.plan_tree is not before and page.editing is not None
                    and page.editing[1], timeout=10000)


def _delete_key(qtbot, page) -> None:
    page.window().activateWindow()  # back from the question (offscreen)
    qtbot.waitUntil(page.window().isActiveWindow, timeout=10000)
    page.tree.setFocus()
    qtbot.waitUntil(page.tree.hasFocus, timeout=10000)
    qtbot.keyClick(page.tree, Qt.Key_Delete)


def _answer(qtbot, button) -> None:
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10000)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    box.button(button).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=10000)


def test_a_project_is_made_an_indicator_attached_and_graded_from_the_keyboard(qtbot, db):
    service.save_plan(db, CITY, "第４期計画", 2021, 2025)
    service.set_target(db, CITY, "watch_users", 2023, "1")
    screen, page = open_page(qtbot, db)
    assert screen.tabs.tabText(screen.tabs.currentIndex()) == "事業・評価"
    page.start_new("goal")
    page.number.setText("１")
    page.name.setText("市民の暮らしを支える仕組みづくり")
    _save(qtbot, page)
    page.start_new("policy")
    page.number.setText("（４）")
    page.name.setText("権利擁護の推進")
    _save(qtbot, page)
    page.start_new("project")
    page.number.setText("②")
    page.name.setText("虐待防止対策")
    page.focus.setChecked(True)
    page.office.setText("地域福祉推進課")
    _save(qtbot, page)
    t = plan.tree(db, CITY)
    assert [(p.label, p.focus, p.office) for p in t.projects] == [("②虐待防止対策", True,
                                                                  "地域福祉推進課")]
    assert t.policies[0].goal_id == t.goals[0].id and t.projects[0].policy_id == t.policies[0].id
    project = t.projects[0].id
    # attach an indicator
    page.indicator.setCurrentIndex(page.indicator.findData("watch_users"))
    qtbot.mouseClick(page.attach_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: plan.tree(db, CITY).projects[0].links != (), timeout=10000)
    qtbot.waitUntil(lambda: page.links.count() == 1, timeout=10000)
    assert [link.code for link in plan.tree(db, CITY).projects[0].links] == ["watch_users"]
    # the proposal shown; the evaluator decides B
    page.year.set_value(2023)
    qtbot.waitUntil(lambda: page.result is not None and page.result.project.id == project
                    and "令和5年度の提案" in page.proposal.text(), timeout=10000)
    proposed = plan.evaluate_project(db, CITY, project, 2023, today=TODAY).year(2023).proposed
    assert page.proposal.text().endswith(proposed or "なし")
    page.grade.setCurrentIndex(page.grade.findData("B"))
    qtbot.mouseClick(page.decide_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: plan.evaluate_project(db, CITY, project, 2023).year(2023).decided
                    == "B", timeout=10000)
    # a narrative typed and saved with Ctrl+S
    page.narrative_edits["activities"].setPlainText("掲示物で啓発した。")
    _save(qtbot, page)
    assert plan.get_narrative(db, CITY, project, 2023).activities == "掲示物で啓発した。"
    # the 評価シート tab sends this indicator's sheet texts to its 事業
    screen.show_filter("evaluation")
    ev = screen.evaluation
    qtbot.waitUntil(lambda: ev.indicator.count() > 0, timeout=10000)
    ev.year.set_value(2023)
    ev.indicator.setCurrentIndex(ev.indicator.findData("watch_users"))
    qtbot.waitUntil(lambda: "事業「②虐待防止対策」" in ev.status.text(), timeout=10000)
    assert ev.narrative_edits["activities"].isReadOnly()
    screen.show_filter("projects")
    # deleting asks; on No nothing goes; on Yes the second question names the years
    page.select("project", project)
    _delete_key(qtbot, page)
    _answer(qtbot, QMessageBox.No)
    assert plan.tree(db, CITY).projects
    _delete_key(qtbot, page)
    _answer(qtbot, QMessageBox.Yes)
    _answer(qtbot, QMessageBox.No)  # 「…R5 の評価・記述があります…」
    assert plan.tree(db, CITY).projects
    _delete_key(qtbot, page)
    _answer(qtbot, QMessageBox.Yes)
    _answer(qtbot, QMessageBox.Yes)
    qtbot.waitUntil(lambda: not plan.tree(db, CITY).projects, timeout=10000)
    assert service.get_indicator(db, CITY, "watch_users").code == "watch_users"  # stays


def test_a_coordinator_has_no_projects_tab(qtbot, db):
    from coordinator_app.core.models import Branch
    from tests.conftest import coordinator_of

    with db.session() as s:
        s.add(Branch(code="01", name="テスト支部"))
    screen, page = open_page(qtbot, db, coordinator_of(db, "01"))
    assert page is None and "projects" not in screen.pages
