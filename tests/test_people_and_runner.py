import pytest

from coordinator_app.core.access import ScopeError
from coordinator_app.services import people
from tests.conftest import coordinator_of


def test_search_is_kana_insensitive_and_branch_scoped(demo_db):
    coord = coordinator_of(demo_db, "01")
    hira = people.search_people(demo_db, coord, "みほん")
    kata = people.search_people(demo_db, coord, "ミホン")
    half = people.search_people(demo_db, coord, "ﾐﾎﾝ")
    assert hira and [p.id for p in hira] == [p.id for p in kata] == [p.id for p in half]
    other = coordinator_of(demo_db, "02")
    theirs = {p.id for p in people.search_people(demo_db, other, "みほん", limit=500)}
    assert not theirs & {p.id for p in people.search_people(demo_db, coord, "みほん", limit=500)}
    with pytest.raises(ScopeError):
        people.get_person(demo_db, other, hira[0].id)


def test_runner_calls_back_on_ui_thread(qtbot):
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    from coordinator_app.ui.runner import Runner

    seen = {}

    def job(progress):
        progress.report(1, 2)
        seen["worker"] = QThread.currentThread()
        return 42

    def done(result):
        seen["result"] = result
        seen["ui"] = QThread.currentThread() == QApplication.instance().thread()

    runner = Runner()
    runner.run(job, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42 and seen["ui"]
    assert seen["worker"] != QApplication.instance().thread()
