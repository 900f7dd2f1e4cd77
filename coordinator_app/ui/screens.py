"""The navigation registry: which screens exist, who may open them, and
how each is built (imported lazily, so startup stays fast and a screen
still being written shows a neutral page instead of breaking the window).

Every screen class takes an ``AppContext``; screens that accept a named
filter implement ``show_filter(name)``.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coordinator_app.core.access import Role, SignedIn
from coordinator_app.ui.context import AppContext

log = logging.getLogger(__name__)

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    label: str  # Japanese source text; shown through translate("Screens", label)
    module: str
    class_name: str
    roles: frozenset[str]

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Screens", self.label)


# Personal screens are for coordinators only; city staff work with
# figures; administrators with settings (DOMAIN.md, Personal information).
SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec("home", QT_TRANSLATE_NOOP("Screens", "ホーム"),
               "coordinator_app.ui.home", "HomeScreen",
               frozenset({Role.COORDINATOR, Role.CITY_STAFF})),
    ScreenSpec("consultations", QT_TRANSLATE_NOOP("Screens", "相談記録"),
               "coordinator_app.ui.consultations.screen", "ConsultationsScreen",
               frozenset({Role.COORDINATOR})),
    ScreenSpec("watch", QT_TRANSLATE_NOOP("Screens", "見守り"),
               "coordinator_app.ui.watch.screen", "WatchScreen", frozenset({Role.COORDINATOR})),
    ScreenSpec("volunteers", QT_TRANSLATE_NOOP("Screens", "ボランティア"),
               "coordinator_app.ui.volunteers.screen", "VolunteersScreen",
               frozenset({Role.COORDINATOR})),
    ScreenSpec("gatherings", QT_TRANSLATE_NOOP("Screens", "行事・サロン"),
               "coordinator_app.ui.gatherings.screen", "GatheringsScreen",
               frozenset({Role.COORDINATOR})),
    ScreenSpec("tallies", QT_TRANSLATE_NOOP("Screens", "集計・指標"),
               "coordinator_app.ui.tallies.screen", "TalliesScreen", ALL_ROLES),
    ScreenSpec("printing", QT_TRANSLATE_NOOP("Screens", "印刷"),
               "coordinator_app.ui.printing.screen", "PrintingScreen", ALL_ROLES),
    ScreenSpec("settings", QT_TRANSLATE_NOOP("Screens", "設定"),
               "coordinator_app.ui.settings.screen", "SettingsScreen", ALL_ROLES),
)
PERSONAL_SCREENS = frozenset({"consultations", "watch", "volunteers", "gatherings"})


def screens_for(user: SignedIn) -> list[ScreenSpec]:
    return [spec for spec in SCREENS if user.role in spec.roles]


def spec_of(key: str) -> ScreenSpec | None:
    return next((s for s in SCREENS if s.key == key), None)


class PlaceholderScreen(QWidget):
    """Shown while a screen's module does not exist yet (or failed)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setObjectName("placeholder")
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
        body.setAlignment(Qt.AlignLeft | Qt.AlignTop)


def build_screen(spec: ScreenSpec, ctx: AppContext) -> QWidget:
    """Import the screen's module now and build it. An ImportError means
    the screen is not there yet: a neutral page takes its place."""
    if ctx.user.role not in spec.roles:
        raise PermissionError(spec.key)
    try:
        module = importlib.import_module(spec.module)
        cls = getattr(module, spec.class_name)
    except ImportError:
        log.warning("screen %s not available", spec.key, exc_info=True)
        return PlaceholderScreen(spec.title, QCoreApplication.translate(
            "Screens", "この画面は準備中です"))
    except AttributeError:
        log.warning("screen %s: no class %s", spec.key, spec.class_name)
        return PlaceholderScreen(spec.title, QCoreApplication.translate(
            "Screens", "この画面は準備中です"))
    try:
        return cls(ctx)
    except Exception:
        log.exception("screen %s failed to open", spec.key)
        return PlaceholderScreen(spec.title, QCoreApplication.translate(
            "Screens", "この画面を開けませんでした。アプリを再起動しても直らない場合は、"
                       "管理者に連絡してください。"))
