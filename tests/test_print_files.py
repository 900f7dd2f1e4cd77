"""Printed files as a coordinator meets them (issue 18): the PDF is saved in
a folder they chose once (default: Documents), owner-only; it opens in the
system viewer, or in the app's own window when the computer has none; the
preview works without poppler (a Windows PC); after printing the dialog
shows the copy numbers the print was given; and the 見守り list says what
the last contact found."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import select

from coordinator_app.core import codes
from coordinator_app.core.dates import format_wareki_short, month_key
from coordinator_app.core.models import Person, WatchContact, WatchUser
from coordinator_app.services import printing
from coordinator_app.ui.printing import dialog as dialog_module
from coordinator_app.ui.printing.dialog import PrintDialog
from tests.conftest import TODAY, coordinator_of
from tests.helpers import make_context, type_japanese


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user's home with no settings yet: QSettings and the XDG folders
    point into the test's folder (Documents is then ~/Documents)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    return home


@pytest.fixture
def viewer(monkeypatch):
    """The system viewer: ``viewer.present`` says whether one is installed."""

    class Viewer:
        def __init__(self) -> None:
            self.present, self.opened = True, []

        def open(self, path) -> bool:
            self.opened.append(path)
            return self.present

    viewer = Viewer()
    monkeypatch.setattr(dialog_module, "open_in_viewer", viewer.open)
    return viewer


def open_dialog(qtbot, db, kind="watch_users", **kw) -> PrintDialog:
    dlg = PrintDialog(make_context(db, coordinator_of(db, "01")), kind, today=TODAY, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: not dlg.preview.pixmap().isNull(), timeout=20000)
    return dlg


def print_and_wait(qtbot, dlg: PrintDialog, recipient: str = "東町自治会 会長"):
    dlg.printed = None
    if not dlg.recipient.text():
        type_japanese(dlg.recipient, recipient)
    dlg.print_now()
    qtbot.waitUntil(lambda: dlg.printed is not None, timeout=20000)
    return dlg.printed


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_prints_go_to_documents_until_another_folder_is_chosen_once(qtbot, demo_db, home,
                                                                    viewer, tmp_path,
                                                                    monkeypatch):
    dlg = open_dialog(qtbot, demo_db)
    documents = home / "Documents"
    assert dlg.folder == documents and dlg.folder_text.text() == str(documents)
    first = print_and_wait(qtbot, dlg)
    assert first.path.parent == documents and viewer.opened == [first.path]
    second = print_and_wait(qtbot, dlg)
    assert second.path != first.path and first.path.exists()  # never replaces a print
    assert "見守り電話確認リスト" in first.path.name
    with demo_db.session() as s:
        names = set(s.scalars(select(Person.name)))
    assert not any(name in first.path.name for name in names)
    if os.name == "posix":  # Documents did not exist: created owner-only, the file too
        assert mode(documents) == 0o700 and mode(first.path) == 0o600

    chosen = tmp_path / "支部の印刷物"
    chosen.mkdir(mode=0o755)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kw: str(chosen)))
    dlg.folder_button.click()
    assert dlg.folder_text.text() == str(chosen)
    third = print_and_wait(qtbot, dlg)
    assert third.path.parent == chosen
    if os.name == "posix":  # the user's folder keeps its mode, the print is private
        assert mode(chosen) == 0o755 and mode(third.path) == 0o600

    again = open_dialog(qtbot, demo_db)  # another day: the choice is remembered
    assert again.folder == chosen and again.folder_text.text() == str(chosen)


def test_a_folder_that_cannot_be_written_is_refused_in_japanese(qtbot, demo_db, home, viewer,
                                                                tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    dlg = open_dialog(qtbot, demo_db, "branches", folder=blocked / "印刷")
    dlg.print_now()
    qtbot.waitUntil(lambda: "保存先" in dlg.error.text(), timeout=20000)
    assert dlg.printed is None and viewer.opened == []
    assert printing.register_entries(demo_db, coordinator_of(demo_db, "01")) == []


def test_without_a_pdf_viewer_the_app_shows_and_prints_the_pages(qtbot, demo_db, home, viewer,
                                                                 tmp_path, monkeypatch):
    viewer.present = False
    dlg = open_dialog(qtbot, demo_db, "volunteers")
    dlg.copies.setValue(2)
    result = print_and_wait(qtbot, dlg, "サロン代表")
    assert viewer.opened == [result.path]
    window = dlg.pdf_window
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: len(window.pages) == result.pages, timeout=20000)
    assert all(not page.pixmap().isNull() for page in window.pages)
    assert str(result.path) in " ".join(label.text() for label in window.findChildren(
        type(window.status)))
    assert "開けませんでした" not in dlg.error.text()

    paper = tmp_path / "paper.pdf"  # the printer the person picks in Qt's print dialog

    def choose_printer(print_dialog):
        print_dialog.printer().setOutputFileName(str(paper))
        return QDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_printer)
    window.print_button.click()
    qtbot.waitUntil(lambda: "送りました" in window.status.text(), timeout=30000)
    assert len(printing.page_images(paper, dpi=10)) == result.pages


def test_the_preview_needs_no_pdftoppm(qtbot, demo_db, home, viewer, tmp_path, monkeypatch):
    """A Windows PC has no poppler: nothing on PATH renders PDFs."""
    bare = tmp_path / "bin"
    bare.mkdir()
    monkeypatch.setenv("PATH", str(bare))
    assert shutil.which("pdftoppm") is None
    dlg = open_dialog(qtbot, demo_db, "watch_users")
    page = dlg.preview.pixmap()
    assert page.width() > 300 and page.height() > 300 and "pdftoppm" not in dlg.preview.text()
    assert "見守り電話確認リスト" in dlg.summary.text()


def test_after_printing_the_preview_shows_the_copy_numbers_given(qtbot, demo_db, home, viewer):
    dlg = open_dialog(qtbot, demo_db, "watch_users")
    sample = dlg._page.toImage()
    assert "控番号は印刷するときに付きます" in dlg.preview_heading.text()
    dlg.copies.setValue(2)
    result = print_and_wait(qtbot, dlg)
    assert result.copy_numbers == [1, 2]
    assert "控番号 1〜2" in dlg.preview_heading.text()
    printed = QImage.fromData(printing.page_images(result.path, dpi=100, pages=[1])[0])
    shown = dlg._page.toImage()
    assert shown == printed.convertToFormat(shown.format()) and shown != sample
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(result.path), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "控番号 1" in text

    dlg.copies.setValue(1)
    result = print_and_wait(qtbot, dlg)
    assert result.copy_numbers == [3] and "控番号 3）" in dlg.preview_heading.text()


CONTACT = st.tuples(st.sampled_from(sorted(codes.WATCH_METHOD)),
                    st.sampled_from(sorted(codes.WATCH_RESULT)))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_watch_list_says_what_the_last_contact_found(demo_db, tmp_path, data):
    """Each example records the branch's newest contacts a day later than
    the example before (one or two on that day) and prints the list."""
    user = coordinator_of(demo_db, "01")
    with demo_db.session() as s:
        last = s.scalar(select(WatchContact.contacted_on).order_by(
            WatchContact.contacted_on.desc()).limit(1))
        day = max(last, TODAY) + dt.timedelta(days=1)
        users = s.execute(select(WatchUser.id, Person.name)
                          .join(Person, Person.id == WatchUser.person_id)
                          .where(WatchUser.branch_id == user.branch_id,
                                 WatchUser.ended_on.is_(None),
                                 WatchUser.enrolled_on <= day)).all()
        expected = {}
        for uid, name in users:
            contacts = data.draw(st.lists(CONTACT, min_size=1, max_size=2), label=name)
            for method, result in contacts:
                s.add(WatchContact(branch_id=user.branch_id, watch_user_id=uid,
                                   contacted_on=day, month=month_key(day), method=method,
                                   result=result, by_staff=True))
            # the most serious of the day; of equals, the first recorded
            method, result = max(contacts, key=lambda c: ["ok", "absent", "concern"].index(c[1]))
            expected[name] = (codes.WATCH_METHOD[method], result)
    out = tmp_path / f"watch-{day}.pdf"
    printing.print_list(demo_db, user, printing.PrintRequest(
        kind="watch_users", columns=("name", "last_contact"), recipient="協力員"), out,
        today=day)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines = {name: next(line for line in text.splitlines() if name in line)
             for name in expected}
    for name, (method, result) in expected.items():
        assert f"{format_wareki_short(day)} " in lines[name], lines[name]
        words = lines[name].split(name, 1)[1].split()
        assert method in words, lines[name]
        if result == "ok":
            assert "異常なし" not in lines[name]
        else:
            assert codes.WATCH_RESULT[result] in words, lines[name]
