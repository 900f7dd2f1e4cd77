"""The app's own window for a printed PDF, shown when the computer has no
PDF viewer: every page as an image (rendered off the UI thread), where
the file is, and printing through the system's printers (Qt's print
dialog), so a PC without a PDF viewer can still print the list."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPageLayout,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import printing
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.desktop import open_with_system

PAGE_DPI = 90  # an A4 page about 740 px wide: readable at 1280×720
PRINT_DPI = 200  # sharp small print on paper, a few MB per page at most


class PdfWindow(QDialog):
    """Shows ``path`` page by page; ``pages`` holds one label per page once
    they are rendered."""

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.pages: list[QLabel] = []
        self._images: list[QPixmap] = []
        self.setWindowTitle(self.tr("印刷したPDF: {name}").format(name=path.name))
        note = QLabel(self.tr(
            "このパソコンではPDFを開くアプリが見つからないため、ここに表示しています。"
            "紙に印刷するには「印刷…」を押してください。\nファイルの場所: {path}")
            .format(path=path), self)
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.status = QLabel(self.tr("ページを表示しています…"), self)
        self.page_box = QWidget(self)
        self.page_layout = QVBoxLayout(self.page_box)
        self.page_layout.setAlignment(Qt.AlignHCenter)
        self.page_layout.addWidget(self.status)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidget(self.page_box)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignHCenter)
        self.print_button = QPushButton(self.tr("印刷… (Ctrl+P)"), self)
        self.print_button.setAutoDefault(False)
        self.print_button.setEnabled(False)  # once the pages are there
        self.print_button.clicked.connect(self.print_pages)
        QShortcut(QKeySequence.Print, self, activated=self.print_pages)
        folder_button = QPushButton(self.tr("保存先のフォルダーを開く"), self)
        folder_button.setAutoDefault(False)
        folder_button.clicked.connect(self.open_folder)
        close_button = QPushButton(self.tr("閉じる"), self)
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(folder_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(900, 660)
        self.ctx = ctx
        ctx.runner.run(lambda _p: printing.page_images(path, dpi=PAGE_DPI),
                       on_done=self._show_pages, on_error=self._failed)

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self.status)

    def _show_pages(self, images: list[bytes]) -> None:
        if not self._alive():
            return
        self.status.setText(self.tr("全{n}ページ").format(n=len(images)))
        for i, png in enumerate(images, 1):
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            self._images.append(pixmap)
            page = QLabel(self.page_box)
            page.setAccessibleName(self.tr("{n}ページ目").format(n=i))
            page.setStyleSheet("border: 1px solid #999; background: white;")
            self.page_layout.addWidget(page)
            self.pages.append(page)
        self.print_button.setEnabled(bool(images))
        self._fit_pages()

    def _fit_pages(self) -> None:
        """Pages as wide as the window allows (no sideways scrolling)."""
        width = self.scroll.viewport().width() - 40
        for page, image in zip(self.pages, self._images):
            page.setPixmap(image if image.width() <= width
                           else image.scaledToWidth(max(width, 200), Qt.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_pages()

    def _failed(self, exc: BaseException) -> None:
        if self._alive():
            self.print_button.setEnabled(bool(self._images))
            self.status.setText(self.tr("PDFを表示できませんでした: {reason}").format(reason=exc))

    def print_pages(self) -> None:
        """Qt's print dialog, then the pages rendered for paper and drawn
        on the chosen printer."""
        if not self.print_button.isEnabled():
            return
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(self.path.name)
        printer.setFullPage(True)  # the PDF page carries its own margins
        first = self._images[0]
        printer.setPageOrientation(QPageLayout.Landscape if first.width() > first.height()
                                   else QPageLayout.Portrait)
        if QPrintDialog(printer, self).exec() != QDialog.Accepted:
            return
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("プリンターに送っています…"))
        path = self.path
        self.ctx.runner.run(lambda _p: printing.page_images(path, dpi=PRINT_DPI),
                            on_done=lambda images: self._paint(printer, images),
                            on_error=self._failed)

    def _paint(self, printer: QPrinter, images: list[bytes]) -> None:
        if not self._alive():
            return
        self.print_button.setEnabled(True)
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("プリンターを使えませんでした。プリンターの設定を確かめてください"))
            return
        try:
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            for i, png in enumerate(images):
                if i:
                    printer.newPage()
                image = QImage.fromData(png)
                size = image.size().scaled(paper.size(), Qt.KeepAspectRatio)
                painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
        finally:
            painter.end()
        self.status.setText(self.tr("全{n}ページをプリンターに送りました").format(n=len(images)))

    def open_folder(self) -> None:
        open_with_system(self.path.parent)
