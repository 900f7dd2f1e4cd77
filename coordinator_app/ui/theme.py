"""Fonts and look shared by every window: the bundled IPAexGothic is
registered so the UI and screenshots look the same on every machine."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONT_FILE = "fonts/ipaexg.ttf"
_family: str | None = None


def font_path() -> str:
    return str(resources.files("coordinator_app.resources").joinpath(FONT_FILE))


def setup_fonts(app: QApplication, point_size: int = 10) -> str:
    """Register IPAexGothic and make it the application font. Returns the
    family name. Safe to call more than once."""
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(font_path())
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = families[0] if families else app.font().family()
    app.setFont(QFont(_family, point_size))
    return _family
