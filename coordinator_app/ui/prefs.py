"""Per-machine preferences (QSettings): window geometry, last screen,
language, the folder printed PDFs are saved in. Per-database settings
(idle-lock minutes) live in the database (``services.admin``).

Tests point QSettings at a temporary folder with
``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

ORGANIZATION = "coordinator-app"
APPLICATION = "coordinator-app"
LANGUAGES = {"ja": "日本語", "en": "English"}
DEFAULT_LANGUAGE = "ja"


def app_settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)


def language() -> str:
    value = str(app_settings().value("language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(code)
    settings = app_settings()
    settings.setValue("language", code)
    settings.sync()


def print_folder() -> Path:
    """Where printed PDFs are saved: the folder chosen in the print dialog,
    else the user's Documents folder (a place they can find, not a cache)."""
    chosen = str(app_settings().value("print/folder", "") or "")
    if chosen:
        return Path(chosen)
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def set_print_folder(folder: Path) -> None:
    settings = app_settings()
    settings.setValue("print/folder", str(folder))
    settings.sync()
