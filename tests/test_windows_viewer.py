"""Files the app hands to the system (issue 22): a printed PDF, the folder
it was saved in, the recovery sheet — one function, ``ui.desktop.
open_with_system``: ``os.startfile`` on Windows (the program the user chose
for PDFs, Explorer for a folder), Qt's QDesktopServices elsewhere. And the
print preview and the app's own PDF window need no poppler (a Windows PC
has none): the pages are rendered in-process with PDFium."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from reportlab.pdfgen import canvas

from coordinator_app.ui import desktop
from coordinator_app.ui.printing import dialog as dialog_module
from coordinator_app.ui.printing import pdf_window as pdf_window_module
from coordinator_app.ui.printing.pdf_window import PdfWindow
from tests.conftest import coordinator_of
from tests.helpers import make_context


class FakeDesktop:
    """What the system was asked to open: ``os.startfile`` and Qt's
    openUrl are both replaced; ``platform`` is the system to play."""

    def __init__(self, monkeypatch, platform: str) -> None:
        self.started: list[str] = []
        self.urls: list[QUrl] = []
        self.no_program = False
        self.monkeypatch = monkeypatch
        self.platform = platform
        monkeypatch.setattr(os, "startfile", self.startfile, raising=False)
        monkeypatch.setattr(QDesktopServices, "openUrl", self.open_url)

    def startfile(self, path: str) -> None:
        assert isinstance(path, str)
        if self.no_program:  # what Windows says for a type without a program
            raise OSError(errno.ENOEXEC, "No application is associated with the file")
        self.started.append(path)

    def open_url(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True

    def open(self, path) -> bool:
        with pytest.MonkeyPatch.context() as mp:  # only while opening: Qt stays itself
            mp.setattr(sys, "platform", self.platform)
            return desktop.open_with_system(path)


@pytest.fixture
def pdf_file(tmp_path):
    folder = tmp_path / "Users" / "山田 太郎" / "Documents" / "支部 印刷物"
    folder.mkdir(parents=True)
    path = folder / "見守り 一覧.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(100, 750, "page 1")
    c.showPage()
    c.drawString(100, 750, "page 2")
    c.save()
    return path


def test_on_windows_a_file_is_opened_with_startfile(monkeypatch, pdf_file):
    system = FakeDesktop(monkeypatch, "win32")
    assert system.open(pdf_file) is True
    assert system.started == [str(pdf_file)] and system.urls == []


def test_on_windows_no_program_for_pdfs_is_told_not_raised(monkeypatch, pdf_file):
    system = FakeDesktop(monkeypatch, "win32")
    system.no_program = True
    assert system.open(pdf_file) is False  # the caller then shows the app's own window


def test_elsewhere_qt_opens_it(monkeypatch, pdf_file):
    system = FakeDesktop(monkeypatch, "linux")
    assert system.open(pdf_file) is True
    assert system.started == [] and [Path(u.toLocalFile()) for u in system.urls] == [pdf_file]


def test_the_print_dialog_and_the_pdf_window_open_through_it(qtbot, monkeypatch, demo_db,
                                                             pdf_file):
    system = FakeDesktop(monkeypatch, "win32")
    # the screens' own name for it, each playing Windows only while it opens
    monkeypatch.setattr(dialog_module, "open_with_system", system.open)
    monkeypatch.setattr(pdf_window_module, "open_with_system", system.open)
    assert dialog_module.open_in_viewer(pdf_file) is True
    window = PdfWindow(make_context(demo_db, coordinator_of(demo_db, "01")), pdf_file)
    qtbot.addWidget(window)
    window.open_folder()
    assert system.started == [str(pdf_file), str(pdf_file.parent)]


def test_the_pdf_window_shows_the_pages_without_poppler(qtbot, monkeypatch, demo_db,
                                                        pdf_file, tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()
    monkeypatch.setenv("PATH", str(bare))
    assert shutil.which("pdftoppm") is None

    def no_programs(*args, **kw):
        raise AssertionError(f"a program was started: {args}")

    monkeypatch.setattr(subprocess.Popen, "__init__", no_programs)
    window = PdfWindow(make_context(demo_db, coordinator_of(demo_db, "01")), pdf_file)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.pages) == 2, timeout=30000)
    assert all(not page.pixmap().isNull() for page in window.pages)
    assert window.print_button.isEnabled()
