"""Per-machine preferences (QSettings): window geometry, last screen,
language. Per-database settings (idle-lock minutes) live in the database
(``services.admin``).

Tests point QSettings at a temporary folder with
``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

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
