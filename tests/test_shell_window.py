"""The main window as each role sees it: navigation, ホーム's numbers,
the status bar, menus, what is remembered, and the clipboard helper."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import select

from coordinator_app.core.models import Person
from coordinator_app.ui import main_window as main_window_module
from coordinator_app.ui.screens import PERSONAL_SCREENS
from tests.shell_helpers import (  # noqa: F401
    fast_hashing,
    make_accounts,
    make_window,
    qsettings,
    visible_texts,
)


class RecordingScreen(QWidget):
    """Stands in for another engineer's screen: records show_filter."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.filters: list[str] = []
        QLabel(f"screen {key}", self)

    def show_filter(self, name: str) -> None:
        self.filters.append(name)


def _fake_screens(monkeypatch):
    real = main_window_module.build_screen

    def build(spec, ctx):
        if spec.key in ("home", "settings"):
            return real(spec, ctx)
        return RecordingScreen(spec.key)

    monkeypatch.setattr(main_window_module, "build_screen", build)


def _nav_keys(window) -> list[str]:
    return [window.nav.item(i).data(Qt.UserRole) for i in range(window.nav.count())]


def test_coordinator_sees_every_screen_of_their_branch(qtbot, demo_db, qsettings, monkeypatch):
    _fake_screens(monkeypatch)
    users = make_accounts(demo_db)
    window = make_window(demo_db, users["coord01"], qtbot)
    keys = _nav_keys(window)
    assert [k for k in keys if k != "printing"] == [
        "home", "consultations", "watch", "volunteers", "gatherings", "tallies", "settings"]
    labels = {window.nav.item(i).data(Qt.UserRole): window.nav.item(i).text()
              for i in range(window.nav.count())}
    assert [labels[k] for k in ("home", "consultations", "watch", "volunteers", "gatherings",
                                "tallies", "settings")] == [
        "ホーム", "相談記録", "見守り", "ボランティア", "行事・サロン", "集計・指標", "設定"]
    status = window.user_label.text() + window.db_label.text()
    user = users["coord01"]
    for part in (user.display_name, "コーディネーター", user.branch_name, demo_db.display_name):
        assert part in status
    window.show_screen("settings")
    assert window.pages["settings"].keys == ["personal", "safety"]  # no administration


def test_city_staff_see_figures_and_no_personal_screen(qtbot, demo_db, qsettings, monkeypatch):
    _fake_screens(monkeypatch)
    users = make_accounts(demo_db)
    window = make_window(demo_db, users["city"], qtbot)
    keys = _nav_keys(window)
    assert "home" in keys and "tallies" in keys
    assert not PERSONAL_SCREENS & set(keys)
    window.ctx.open_screen("consultations", "this_month")  # refused, not shown
    assert "consultations" not in window.pages
    home = window.pages["home"]
    qtbot.waitUntil(lambda: home.figures is not None, timeout=5000)
    assert home.figures.branch_id is None
    with demo_db.session() as s:
        names = set(s.scalars(select(Person.name)).all())
    shown = "\n".join(visible_texts(window))
    assert "ホーム" in shown and not any(name in shown for name in names)
    button = home.buttons["consultations_this_month"]
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.current_key() == "home"  # figures only: nothing opens
    assert "consultations" not in window.pages


def test_admin_sees_settings_with_audit_and_tallies(qtbot, demo_db, qsettings, monkeypatch):
    _fake_screens(monkeypatch)
    users = make_accounts(demo_db)
    window = make_window(demo_db, users["admin"], qtbot)
    keys = _nav_keys(window)
    assert "tallies" in keys and "settings" in keys
    assert not PERSONAL_SCREENS & set(keys) and "home" not in keys
    window.audit_action.trigger()
    settings = window.pages["settings"]
    assert window.current_key() == "settings"
    assert settings.tabs.currentWidget() is settings.tab("audit")
    assert set(settings.keys) >= {"accounts", "branches", "areas", "categories", "audit"}


def test_home_numbers_open_the_matching_list_filtered(qtbot, demo_db, qsettings, monkeypatch):
    _fake_screens(monkeypatch)
    users = make_accounts(demo_db)
    window = make_window(demo_db, users["coord01"], qtbot)
    home = window.pages["home"]
    qtbot.waitUntil(lambda: home.figures is not None, timeout=5000)
    expected = {"consultations_this_month": ("consultations", "this_month"),
                "follow_ups_due": ("consultations", "follow_up_due"),
                "watch_unreached": ("watch", "unreached"),
                "insurance_lapsed": ("volunteers", "insurance_lapsed")}
    for name, (key, filter_name) in expected.items():
        window.show_screen("home")
        button = home.buttons[name]
        assert button.isEnabled()
        qtbot.mouseClick(button, Qt.LeftButton)
        assert window.current_key() == key
        assert window.pages[key].filters[-1] == filter_name
    number = home.buttons["consultations_this_month"].number.text()
    assert number == f"{home.figures.consultations_this_month}件"


def test_a_screen_not_yet_built_shows_a_neutral_page(qtbot, demo_db, qsettings, monkeypatch):
    from coordinator_app.ui import screens

    users = make_accounts(demo_db)
    specs = tuple(s if s.key != "watch" else screens.ScreenSpec(
        s.key, s.label, "coordinator_app.ui.not_written_yet.screen", s.class_name, s.roles)
        for s in screens.SCREENS)
    monkeypatch.setattr(screens, "SCREENS", specs)
    monkeypatch.setattr(main_window_module, "spec_of", screens.spec_of)
    window = make_window(demo_db, users["coord01"], qtbot)
    window.show_screen("watch")
    page = window.pages["watch"]
    assert isinstance(page, screens.PlaceholderScreen)
    assert page.findChild(QLabel, "placeholder").text() == "この画面は準備中です"


def test_geometry_is_remembered_and_every_sign_in_starts_at_home(qtbot, demo_db, qsettings,
                                                                  monkeypatch):
    _fake_screens(monkeypatch)
    users = make_accounts(demo_db)
    first = make_window(demo_db, users["coord01"], qtbot)
    first.resize(780, 640)  # within the offscreen screen (800×800)
    first.show_screen("tallies")
    first.close()
    assert any(qsettings.rglob("*.ini"))
    second = make_window(demo_db, users["coord01"], qtbot)
    assert second.current_key() == "home"  # not the page left last time (issue 18)
    assert (second.width(), second.height()) == (780, 640)


def test_menus_use_standard_shortcuts(qtbot, demo_db, qsettings, monkeypatch):
    _fake_screens(monkeypatch)
    users = make_accounts(demo_db)
    window = make_window(demo_db, users["coord01"], qtbot)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    assert QKeySequence("Ctrl+,") in window.settings_action.shortcuts()
    assert window.screen_actions["watch"].shortcut() == QKeySequence("Ctrl+3")
    window.screen_actions["watch"].trigger()
    assert window.current_key() == "watch"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["ファイル(&F)", "表示(&V)", "ツール(&T)", "ヘルプ(&H)"]


def test_sign_out_closes_the_window_and_is_audited(qtbot, demo_db, qsettings, monkeypatch):
    from coordinator_app.services import audit
    from tests.shell_helpers import audit_rows

    _fake_screens(monkeypatch)
    users = make_accounts(demo_db)
    window = make_window(demo_db, users["coord01"], qtbot)
    outcomes = []
    window.finished.connect(outcomes.append)
    window.sign_out_action.trigger()
    assert outcomes == ["sign_out"] and not window.isVisible()
    audit.sign_out(demo_db, users["coord01"])  # what the shell does next
    assert [r.actor for r in audit_rows(demo_db, "sign_out")] == ["coord01"]


def test_copied_phone_numbers_leave_the_clipboard(qtbot, qsettings):
    from coordinator_app.ui.clipboard import copy_sensitive

    clipboard = QGuiApplication.clipboard()
    timer = copy_sensitive("048-000-1234")
    assert clipboard.text() == "048-000-1234" and timer.interval() == 30_000
    timer.timeout.emit()
    assert clipboard.text() == ""
    timer = copy_sensitive("埼玉県上尾市見本町1-2-3")
    clipboard.setText("something the person copied since")
    timer.timeout.emit()
    assert clipboard.text() == "something the person copied since"


def test_translations_qt_japanese_and_english(qtbot, qsettings):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from coordinator_app.ui.app import install_translators, translations_dir

    assert (translations_dir() / "coordinator_app_ja.qm").is_file()
    assert (translations_dir() / "coordinator_app_en.qm").is_file()
    app = QApplication.instance()
    installed = install_translators(app, "ja")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
        assert QCoreApplication.translate("Screens", "相談記録") == "相談記録"
    finally:
        for t in installed:
            app.removeTranslator(t)
    installed = install_translators(app, "en")
    try:
        assert QCoreApplication.translate("Screens", "相談記録") == "Consultations"
        assert QCoreApplication.translate("MainWindow", "ファイル(&F)") == "&File"
    finally:
        for t in installed:
            app.removeTranslator(t)
