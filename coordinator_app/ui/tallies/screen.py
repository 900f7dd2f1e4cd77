"""集計・指標: the screen the main window shows. Tabs: 月次集計 (everyone),
集約（市社協） and 評価シート (city staff, administrators), 指標 (everyone;
coordinators see their branch). Each tab loads when first shown and
reloads when records or indicators change."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from coordinator_app.core.access import Action, may
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.tallies.consolidation import ConsolidationPage
from coordinator_app.ui.tallies.evaluation_page import EvaluationPage
from coordinator_app.ui.tallies.indicators_page import IndicatorsPage
from coordinator_app.ui.tallies.monthly import MonthlyPage
from coordinator_app.ui.tallies.projects_page import ProjectsPage

# What ``ctx.notify`` names make which tab stale.
RECORD_CHANGES = {"consultation", "watch", "volunteer", "activity", "person", "import"}
FILTERS = {"monthly": 0, "consolidation": 1, "indicators": 2, "evaluation": 3, "projects": 4}


class TalliesScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        city = may(ctx.user, Action.CONSOLIDATE)
        title = QLabel(self.tr("集計・指標"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.monthly = MonthlyPage(ctx, self)
        self.consolidation = ConsolidationPage(ctx, self) if city else None
        self.indicators = IndicatorsPage(ctx, self)
        self.evaluation = EvaluationPage(ctx, self) if city else None
        # the plan's 事業 and their grades (issue 17): whoever edits the sheet
        self.projects = ProjectsPage(ctx, self) if may(ctx.user, Action.EVALUATE) else None
        self.tabs = QTabWidget(self)
        self.pages: dict[str, QWidget] = {}
        for key, page, label in (("monthly", self.monthly, self.tr("月次集計")),
                                 ("consolidation", self.consolidation, self.tr("集約（市社協）")),
                                 ("indicators", self.indicators, self.tr("指標")),
                                 ("evaluation", self.evaluation, self.tr("評価シート")),
                                 ("projects", self.projects, self.tr("事業・評価"))):
            if page is not None:
                self.tabs.addTab(page, label)
                self.pages[key] = page
        self.stale = set(self.pages)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _: self._load_current())
        ctx.changes.changed.connect(self._changed)
        self._load_current()

    def _key_of(self, page: QWidget) -> str:
        return next(k for k, p in self.pages.items() if p is page)

    def _load_current(self) -> None:
        key = self._key_of(self.tabs.currentWidget())
        if key in self.stale:
            self.stale.discard(key)
            self.pages[key].reload()

    def _changed(self, what: str) -> None:
        if what in RECORD_CHANGES:
            self.stale |= {"monthly", "indicators", "evaluation", "projects"} & set(self.pages)
        elif what == "tallies":
            self.stale |= {"indicators", "evaluation", "projects"} & set(self.pages)
        elif what == "indicators":
            self.stale |= {"indicators", "evaluation", "projects"} & set(self.pages)
        else:
            return
        current = self._key_of(self.tabs.currentWidget())
        if what in ("tallies", "indicators"):
            self.stale.discard(current)  # the page that made the change redraws itself
        elif current in self.stale:
            self._load_current()

    def show_filter(self, name: str) -> None:
        """'monthly', 'consolidation', 'indicators', 'evaluation' or 'projects'."""
        page = self.pages.get(name)
        if page is not None:
            self.tabs.setCurrentWidget(page)
