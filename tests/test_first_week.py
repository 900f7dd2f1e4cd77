"""A coordinator's first week (issue 18, helper F's part), played as a
person would: Japanese everywhere (Qt's own strings included), names and
words in the audit trail and the print register, the 異変あり memo carried
into its follow-up, a new person's address, one save shortcut in every
form, ホーム after every sign-in, and the pages each role sees."""

from __future__ import annotations

import gc
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select

from coordinator_app.core import codes
from coordinator_app.core.models import (
    Area,
    Category,
    Consultation,
    Person,
    WatchContact,
)
from coordinator_app.services import audit, printing, watch
from coordinator_app.ui.app import install_translators
from tests.conftest import TODAY
from tests.shell_helpers import (  # noqa: F401
    fast_hashing,
    make_accounts,
    make_window,
    qsettings,
)

_WINDOWS: list = []


def _window(db, user, qtbot):
    window = make_window(db, user, qtbot)
    _WINDOWS.append(window)
    return window


@pytest.fixture(autouse=True)
def _background_work_ends_with_the_test(qtbot):
    """Loads a screen started (a preview, a list) finish and deliver while
    their widgets live (before qtbot closes them), not in the next test's
    event loop; and the last test's windows (each context has a runner
    with its own timer) are collected now, not by a garbage collection that
    happens to run inside the next event loop (PySide6 crashes then)."""
    gc.collect()
    yield
    for window in _WINDOWS:
        window.ctx.runner.wait()
        window.ctx.runner.flush()
    _WINDOWS.clear()


# --- Japanese everywhere --------------------------------------------------------

# ASCII words a Japanese office worker reads as Japanese: file formats,
# key names in shortcut hints, ID/No., the era initial of a short date.
ALLOWED = {"PDF", "CSV", "ID", "No", "Excel", "xlsx", "Ctrl", "Enter", "Esc", "Tab", "Alt",
           "Shift", "Space", "Delete", "Del", "PostgreSQL", "SQLite", "mm", "KB", "MB", "GB"}
# Paths and file names are data, not words of the interface.
_DATA = re.compile(r"\S*[/\\]\S*|\S+\.(?:db|csv|pdf|xlsx|json|png)\b|\(\*\.\w+\)"
                   r"|例: [a-z0-9_]+")  # a code to type, by example
_WORD = re.compile(r"[A-Za-z]{2,}")
_TAG = re.compile(r"<[^>]*>|&nbsp;")  # rich text's markup


def english_words(text: str, data: tuple[str, ...] = ()) -> set[str]:
    """The words of ``text`` a Japanese reader meets in English; ``data``
    (logins and the like, shown as typed) is not counted."""
    for value in data:
        text = text.replace(value, " ")
    text = _TAG.sub(" ", text)
    text = _DATA.sub(" ", text.replace("&", ""))
    return {w for w in _WORD.findall(text) if w not in ALLOWED}


def interface_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every label, button, header, tab, group box title,
    placeholder, tooltip and window title in ``top``, shown or not yet."""
    found = [("window title", top.windowTitle())]
    for w in [top] + top.findChildren(QWidget):
        name = f"{type(w).__name__}#{w.objectName()}"
        found.append((f"{name} tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            found.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            found.append((name, w.text()))
        elif isinstance(w, QLineEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QPlainTextEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QTabWidget):
            found += [(f"{name} tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:
                columns = 1
            found += [(f"{name} header", str(model.headerData(c, Qt.Horizontal) or ""))
                      for c in range(columns)]
        if isinstance(w, QWidget) and w.isWindow() and w is not top:
            found.append((f"{name} window title", w.windowTitle()))
        for action in w.actions():
            found.append((f"{name} action", action.text()))
    return found


def english_in(top: QWidget, data: tuple[str, ...] = ()) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in interface_texts(top)
                   if english_words(text, data)})


@pytest.fixture
def japanese(qapp):
    """The app's translators as a Japanese user has them (make_application)."""
    installed = install_translators(qapp, "ja")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def _settle(window) -> None:
    window.ctx.runner.wait()
    QTest.qWait(1)


def _visit_every_tab(widget: QWidget) -> None:
    """Open every tab (some build their page on first show)."""
    for tabs in widget.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QTest.qWait(1)


def _open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()]


@pytest.mark.parametrize("login", ["coord01", "city", "admin"])
def test_every_screen_speaks_japanese(qtbot, demo_db, qsettings, japanese, login):
    users = make_accounts(demo_db)
    window = _window(demo_db, users[login], qtbot)
    problems = []
    for spec in window.specs:
        window.show_screen(spec.key)
        _settle(window)
        page = window.pages[spec.key]
        _visit_every_tab(page)
        _settle(window)
        problems += english_in(page, tuple(users))
    problems += english_in(window, tuple(users))  # the lock page names the login
    assert not problems, "\n".join(problems)


def test_the_coordinators_dialogs_speak_japanese(qtbot, demo_db, qsettings, japanese):
    users = make_accounts(demo_db)
    window = _window(demo_db, users["coord01"], qtbot)
    openers = {
        "consultations": lambda p: (p.new_record(), p.show_deleted()),
        "watch": lambda p: p.users.enrol(),
        "volunteers": lambda p: (p.new_volunteer(), p.activities.new_activity()),
        "printing": lambda p: [p.open_dialog(kind) for kind in p.buttons],
    }
    problems = []
    for key, open_them in openers.items():
        window.show_screen(key)
        _settle(window)
        open_them(window.pages[key])
        _settle(window)
        dialogs = _open_dialogs()
        assert dialogs, key
        for dialog in dialogs:
            problems += english_in(dialog)
            dialog.done(0)
    assert not problems, "\n".join(problems)


def test_qts_own_dialogs_speak_japanese(qtbot, tmp_path, japanese):
    """The file dialog (Qt's own, as on a PC without a native one) and
    message boxes: 「場所」「ファイルの種類」「了解」, not Look in / OK."""
    (tmp_path / "台帳.csv").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    dialog = QFileDialog(None, "書き出す", str(tmp_path), "CSV ファイル (*.csv)")
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QAbstractItemView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2, timeout=5000)
    # The type column (sizes and dates follow the PC's own locale, which is
    # Japanese on the coordinators' PCs and C on this machine).
    view = dialog.findChild(QAbstractItemView, "treeView")
    model, root = view.model(), view.rootIndex()
    types = [str(model.index(r, 2, root).data()) for r in range(model.rowCount(root))]
    assert "フォルダー" in types
    problems = english_in(dialog) + [f"type {t!r}" for t in types if english_words(t)]
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"場所(&L):", "ファイルの種類(&T):"} <= labels
    for buttons in (QMessageBox.Ok, QMessageBox.Ok | QMessageBox.Cancel,
                    QMessageBox.Yes | QMessageBox.No, QMessageBox.Save | QMessageBox.Discard,
                    QMessageBox.Close):
        box = QMessageBox(QMessageBox.Warning, "保存できませんでした", "書き込めません", buttons)
        qtbot.addWidget(box)
        problems += english_in(box)
    line_edit = QLineEdit()
    qtbot.addWidget(line_edit)
    menu = line_edit.createStandardContextMenu()
    problems += [f"menu {a.text()!r}" for a in menu.actions() if english_words(a.text())]
    assert not problems, "\n".join(problems)


def test_the_walker_catches_english(qtbot):
    """The check above would see an English word where a person reads."""
    widget = QWidget()
    qtbot.addWidget(widget)
    QLabel("保存 (Ctrl+S)", widget)
    assert english_in(widget) == []
    QLabel("Look in:", widget).setObjectName("x")
    assert english_in(widget) == ["QLabel#x: 'Look in:'"]


# --- words, not codes; names, not logins ----------------------------------------


def _settings_tab(window, key):
    window.show_screen("settings")
    settings = window.pages["settings"]
    settings.tabs.setCurrentWidget(settings.tab(key))
    return settings.tab(key)


def _column(model, header: str) -> int:
    return next(c for c in range(model.columnCount())
                if model.headerData(c, Qt.Horizontal) == header)


def test_audit_log_shows_names_and_details_in_words(qtbot, demo_db, qsettings, tmp_path):
    users = make_accounts(demo_db)
    coord = users["coord01"]
    demo_db.actor = coord.login
    printed = printing.print_list(demo_db, coord, printing.PrintRequest(kind="volunteers"),
                                  tmp_path / "v.pdf", today=TODAY)
    audit.lock(demo_db, coord, "manual")
    row = watch.worklist(demo_db, coord, today=TODAY).rows[0]
    contact = watch.record_contact(
        demo_db, coord, row.watch_user_id, contacted_on=TODAY, method="phone",
        result="concern", by_staff=True, volunteer_ids=(),
        concern=watch.ConcernForm("郵便受けに新聞"), today=TODAY)
    window = _window(demo_db, users["admin"], qtbot)
    view = _settings_tab(window, "audit")
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() > 5, timeout=5000)
    m = view.model
    who, entity, detail = (_column(m, h) for h in ("利用者", "対象", "詳細"))
    shown = {}
    for r in range(m.rowCount()):
        e = m.row_at(r)
        shown[(e.action, e.entity)] = (m.index(r, who).data(), m.index(r, entity).data(),
                                       m.index(r, detail).data(),
                                       m.index(r, who).data(Qt.ToolTipRole))
    name, target, words, tip = shown[("print", "print_register")]
    assert (name, target) == (coord.display_name, "印刷台帳")
    assert tip == "ログイン名: coord01"  # the login, for the administrator
    assert words == f"ボランティア名簿 {printed.people}人 1部 {printed.pages}枚"
    assert shown[("lock", "account")][2] == "手動"
    # The follow-up record by its 相談番号; the database id stays internal.
    from coordinator_app.core import record_numbers
    from coordinator_app.core.models import Consultation
    with demo_db.session() as s:
        linked = s.get(Consultation, contact.consultation_id)
        number = record_numbers.label(linked.number_fy, linked.number)
    assert shown[("create", "watch_contact")][2] == f"電話 異変あり 相談記録 {number}"
    assert str(contact.consultation_id) not in shown[("create", "watch_contact")][2]
    assert all("=" not in v[2] for v in shown.values())
    # The filter lists people by name too.
    names = [view.actor.itemText(i) for i in range(view.actor.count())]
    assert coord.display_name in names and "coord01" not in names
    # The exported file keeps what is stored: logins and codes.
    out = tmp_path / "audit.csv"
    audit.export_csv(demo_db, users["admin"], view.current_filter(), out)
    text = out.read_text(encoding="utf-8-sig")
    assert f"coord01,印刷,印刷台帳,{printed.register_id}," in text
    assert f"list=volunteers people={printed.people} copies=1" in text


@given(fy=st.integers(2000, 2100), branch=st.sampled_from(["01", "13", "01,02,03"]),
       fmt=st.sampled_from(["csv", "xlsx", "pdf"]), people=st.integers(0, 9999),
       copies=st.integers(1, 30), pages=st.integers(1, 500),
       method=st.sampled_from(sorted(codes.WATCH_METHOD)),
       result=st.sampled_from(sorted(codes.WATCH_RESULT)), consultation=st.integers(1, 10**6),
       kind=st.sampled_from(sorted(printing.KIND_TITLES)))
@settings(max_examples=30, deadline=None)
def test_audit_details_read_as_words(fy, branch, fmt, people, copies, pages, method, result,
                                     consultation, kind):
    from coordinator_app.ui.audit_words import detail_text

    for action, entity, detail in (
            ("export", "tallies", f"fy={fy} branch={branch} format={fmt}"),
            ("print", "print_register", f"list={kind} people={people} copies={copies} "
                                        f"pages={pages}"),
            ("create", "watch_contact", f"method={method} result={result} "
                                        f"consultation={consultation}")):
        text = detail_text(action, entity, detail)
        assert "=" not in text and not english_words(text), (detail, text)
        assert all(n in text for n in re.findall(r"(?<!consultation)=(\d+)\b", detail)
                   if n != str(fy))
        assert f"consultation={consultation}" not in detail or str(consultation) not in text


def test_audit_dates_are_whole_in_a_narrow_window(qtbot, demo_db, qsettings):
    users = make_accounts(demo_db)
    window = _window(demo_db, users["admin"], qtbot)
    window.resize(window.minimumSize())
    view = _settings_tab(window, "audit")
    QTest.qWait(1)
    for field in (view.since, view.until):
        edit = field.edit
        assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.text()) + 8, \
            (edit.width(), edit.text())


def test_print_register_names_who_printed(qtbot, demo_db, qsettings, tmp_path):
    users = make_accounts(demo_db)
    coord = users["coord01"]
    demo_db.actor = coord.login
    printing.print_list(demo_db, coord, printing.PrintRequest(kind="volunteers"),
                        tmp_path / "v.pdf", today=TODAY)
    for login in ("admin", "coord01"):
        window = _window(demo_db, users[login], qtbot)
        window.show_screen("printing")
        register = window.pages["printing"].register
        qtbot.waitUntil(lambda r=register: r.model.rowCount() == 1, timeout=5000)
        by = _column(register.model, "印刷した人")
        index = register.model.index(0, by)
        assert index.data() == coord.display_name
        assert index.data(Qt.ToolTipRole) == "ログイン名: coord01"
        window.close()


def test_received_tally_files_name_who_received_them(qtbot, demo_db, qsettings, tmp_path):
    from coordinator_app.core import counting
    from coordinator_app.interchange import tally_file
    from coordinator_app.services import consolidation

    users = make_accounts(demo_db)
    city = users["city"]
    path = tmp_path / "tally_01.csv"
    with demo_db.session() as s:
        tally_file.write_csv(counting.compute(s, 2025, ["01"]), path)
    demo_db.actor = city.login
    consolidation.receive_files(demo_db, city, [path])
    window = _window(demo_db, city, qtbot)
    window.show_screen("tallies")
    page = window.pages["tallies"].consolidation
    page.year.set_value(2025)
    qtbot.waitUntil(lambda: page.files_model.rowCount() == 1, timeout=15000)
    m = page.files_model
    index = m.index(0, _column(m, "受信者"))
    assert index.data() == city.display_name
    assert index.data(Qt.ToolTipRole) == "ログイン名: city"


# --- flow ------------------------------------------------------------------------


def _activate(qtbot, window) -> None:
    """Key shortcuts reach the active window, as a person's keys do."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


@pytest.fixture
def watch_screen(qtbot, demo_db, qsettings):
    users = make_accounts(demo_db)
    window = _window(demo_db, users["coord01"], qtbot)
    window.show_screen("watch")
    screen = window.pages["watch"]
    page = screen.worklist
    qtbot.waitUntil(lambda: not page.loading and page.worklist is not None, timeout=10000)
    return screen


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(memo=st.text(alphabet="新聞郵便受け足痛めふらつきあり玄関灯りが消えていた、。 ",
                    min_size=1, max_size=40).filter(str.strip),
       pick=st.integers(0, 100))
def test_concern_memo_is_carried_and_every_category_offered(qtbot, watch_screen, demo_db,
                                                            memo, pick):
    from tests.helpers import type_japanese

    page = watch_screen.worklist
    _activate(qtbot, page.window())  # back from the last example's dialog
    page.select_row(0)
    user = page.model.row_at(0)
    qtbot.keyClick(page.table, Qt.Key_Return)
    qtbot.keyClick(page.panel.results, Qt.Key_3)
    page.panel.note.clear()
    type_japanese(page.panel.note, memo)
    qtbot.keyClick(page.panel.note, Qt.Key_S, Qt.ControlModifier)  # the one save key
    dialog = page.panel.concern_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.noticed.text() == memo.strip()  # not typed twice
    with demo_db.session() as s:
        active = s.execute(select(Category.code, Category.label).where(
            Category.active.is_(True)).order_by(Category.sort_order, Category.code)).all()
    offered = [(dialog.category.itemData(i), dialog.category.itemText(i))
               for i in range(dialog.category.count())]
    assert offered == [tuple(r) for r in active] and len(offered) > 2
    code = offered[pick % len(offered)][0]
    dialog.category.setCurrentIndex(pick % len(offered))
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog.noticed, Qt.Key_Return, Qt.ControlModifier)
    QTest.qWait(1)
    assert not dialog.isVisible()
    with demo_db.session() as s:
        contact = s.scalars(select(WatchContact).where(
            WatchContact.watch_user_id == user.watch_user_id)
            .order_by(WatchContact.id.desc())).first()
        made = s.get(Consultation, contact.consultation_id)
        from coordinator_app.core.models import ConsultationCategory
        cats = set(s.scalars(select(ConsultationCategory.category_code).where(
            ConsultationCategory.consultation_id == made.id)).all())
    assert contact.note == memo.strip() and memo.strip() in made.summary
    assert cats == {code}


def test_a_concern_takes_an_active_category_only(demo_db):
    from tests.conftest import coordinator_of

    coord = coordinator_of(demo_db, "01")
    rows = watch.worklist(demo_db, coord, today=TODAY).rows
    with demo_db.session() as s:
        s.get(Category, s.scalar(select(Category.id).where(Category.code == "housing"))) \
            .active = False
    for row, code in zip(rows[:3], ("housing", "no_such", "mobility"), strict=True):
        concern = watch.ConcernForm("階段で転んだ", category=code)

        def record(r=row, c=concern):
            return watch.record_contact(
                demo_db, coord, r.watch_user_id, contacted_on=TODAY, method="phone",
                result="concern", by_staff=True, volunteer_ids=(), concern=c, today=TODAY)
        if code == "mobility":
            assert record().consultation_id is not None
        else:
            with pytest.raises(watch.WatchError, match="相談内容"):
                record()


def test_a_new_person_from_a_consultation_gets_address_and_area(qtbot, demo_db, qsettings):
    from tests.helpers import type_japanese

    users = make_accounts(demo_db)
    window = _window(demo_db, users["coord01"], qtbot)
    window.show_screen("consultations")
    form = window.pages["consultations"].new_record()
    form.kind.setValue("consultation")
    form.channel.setValue("phone")
    form.from_whom.setValue("self")
    form.categories.setValues(["life"])
    form.response.setValue("listened")
    form.summary.setPlainText("引っ越してきたばかりで地域のことを知りたい")
    qtbot.mouseClick(form.person.is_new, Qt.LeftButton)
    picker = form.person
    assert picker.new_address.isVisible() and picker.new_area.isVisible()
    type_japanese(picker.new_name, "見本 新太")
    type_japanese(picker.new_kana, "みほん あらた")
    picker.new_phone.setText("048-000-1234")
    type_japanese(picker.new_address, "上尾市見本町1-2-3")
    with demo_db.session() as s:
        areas = s.scalars(select(Area.name).where(
            Area.branch_id == users["coord01"].branch_id).order_by(Area.name)).all()
    offered = [picker.new_area.itemText(i) for i in range(1, picker.new_area.count())]
    assert offered == list(areas)
    picker.new_area.setCurrentIndex(2)
    _activate(qtbot, form)
    with qtbot.waitSignal(form.finished, timeout=5000):  # saved, closed (and deleted)
        qtbot.keyClick(form.summary, Qt.Key_S, Qt.ControlModifier)
    with demo_db.session() as s:
        person = s.scalar(select(Person).where(Person.name == "見本 新太"))
        area = s.get(Area, person.area_id)
    assert (person.kana, person.phone, person.address) == (
        "みほん あらた", "048-000-1234", "上尾市見本町1-2-3")
    assert area.name == offered[1]


def _save_keys(form) -> set[str]:
    from PySide6.QtGui import QKeySequence, QShortcut

    return {s.key().toString(QKeySequence.PortableText) for s in form.findChildren(QShortcut)
            if s.isEnabled()}


def test_every_entry_form_saves_with_ctrl_enter_and_ctrl_s(qtbot, demo_db, qsettings):
    """The same keys everywhere, and the save button says which."""
    users = make_accounts(demo_db)
    window = _window(demo_db, users["coord01"], qtbot)
    forms = []
    window.show_screen("consultations")
    forms.append(window.pages["consultations"].new_record())
    window.show_screen("watch")
    window.pages["watch"].users.enrol()
    window.show_screen("volunteers")
    volunteers = window.pages["volunteers"]
    volunteers.new_volunteer()
    volunteers.activities.new_activity()
    QTest.qWait(1)
    forms = [d for d in _open_dialogs()]
    assert len(forms) >= 4
    for form in forms:
        assert {"Ctrl+Return", "Ctrl+Enter", "Ctrl+S"} <= _save_keys(form), form
        tips = {b.toolTip() for b in form.findChildren(QAbstractButton)}
        assert "保存: Ctrl+Enter または Ctrl+S" in tips, form
        form.done(0)
    # The administrator's settings forms too.
    admin = _window(demo_db, users["admin"], qtbot)
    for key in ("accounts", "branches", "categories", "roles"):
        tab = _settings_tab(admin, key)
        assert {"Ctrl+Return", "Ctrl+Enter", "Ctrl+S"} <= _save_keys(tab), key
        assert tab.save_button.toolTip() == "保存: Ctrl+Enter または Ctrl+S", key


# --- sign-in lands on ホーム; the title --------------------------------------------


def test_after_sign_in_the_window_opens_on_the_first_page(qtbot, demo_db, qsettings):
    users = make_accounts(demo_db)
    admin = _window(demo_db, users["admin"], qtbot)
    admin.show_screen("settings")
    admin.close()
    coordinator = _window(demo_db, users["coord01"], qtbot)
    assert coordinator.current_key() == "home"
    coordinator.show_screen("tallies")
    coordinator.close()
    again = _window(demo_db, users["coord01"], qtbot)
    assert again.current_key() == "home"
    again.close()
    assert _window(demo_db, users["admin"], qtbot).current_key() == "tallies"


def _title_bar(title: str) -> str:
    """The title bar as Qt draws it (QPlatformWindow::formatWindowTitle):
    the application's display name is added unless the title ends with it."""
    app = QApplication.applicationDisplayName()
    if title.endswith(app):
        return title
    return f"{title} — {app}" if title else app


def test_the_title_bar_names_the_app_once(qtbot, demo_db, qsettings):
    from coordinator_app.ui.sign_in import SignInDialog

    app_name = "コーディネーターアプリ"
    QApplication.instance().setApplicationDisplayName(app_name)  # as make_application
    users = make_accounts(demo_db)
    window = _window(demo_db, users["coord01"], qtbot)
    assert _title_bar(window.windowTitle()).count(app_name) == 1
    assert users["coord01"].branch_name in _title_bar(window.windowTitle())
    window.lock.lock("manual")
    assert _title_bar(window.windowTitle()) == f"ロック中 — {app_name}"
    window.close()
    admin = _window(demo_db, users["admin"], qtbot)
    assert _title_bar(admin.windowTitle()) == app_name
    sign_in = SignInDialog(demo_db)
    qtbot.addWidget(sign_in)
    assert _title_bar(sign_in.windowTitle()).count(app_name) == 1


# --- roles as documented -----------------------------------------------------------

# The README's table (section デスクトップアプリ, Roles): pages, 設定's tabs
# and what 印刷 offers, for each role.
PAGES = {
    "coord01": ["home", "consultations", "watch", "volunteers", "tallies", "printing",
                "settings"],
    "city": ["home", "tallies", "printing", "settings"],
    "admin": ["tallies", "printing", "settings"],
}
SETTINGS_TABS = {
    "coord01": ["personal", "safety"],
    "city": ["personal"],
    "admin": ["personal", "safety", "accounts", "branches", "areas", "categories", "roles",
              "audit"],
}
PRINTS = {"city": ["branches", "monthly"], "admin": ["branches"]}


@pytest.mark.parametrize("login", ["coord01", "city", "admin"])
def test_each_role_sees_the_pages_the_readme_lists(qtbot, demo_db, qsettings, login):
    users = make_accounts(demo_db)
    window = _window(demo_db, users[login], qtbot)
    keys = [window.nav.item(i).data(Qt.UserRole) for i in range(window.nav.count())]
    # 行事・サロン (issue 16) joins the coordinator's personal pages.
    assert [k for k in keys if k != "gatherings"] == PAGES[login]
    window.show_screen("settings")
    assert window.pages["settings"].keys[:len(SETTINGS_TABS[login])] == SETTINGS_TABS[login]
    if login == "coord01":
        return
    window.show_screen("printing")
    printing_page = window.pages["printing"]
    assert list(printing_page.buttons) == PRINTS[login]
    assert not set(printing_page.buttons) & printing.PERSONAL_KINDS  # no named list
    assert (printing_page.register is not None) == (login == "admin")
