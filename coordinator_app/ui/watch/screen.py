"""見守り: the screen the main window shows under 見守り. Tabs: 今月の見守り
(worklist and contact entry), 利用登録者, 協力員, 災害時安否確認, 登録者数.

``show_filter(name)`` opens the worklist filtered — ホーム's "not yet
reached" number calls ``ctx.open_screen("watch", "unreached")``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from coordinator_app.core import clock
from coordinator_app.services import watch
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.watch.cooperators_page import CooperatorsPage
from coordinator_app.ui.watch.rollcall_page import RollcallPage
from coordinator_app.ui.watch.stock_page import StockPage
from coordinator_app.ui.watch.users_page import UsersPage
from coordinator_app.ui.watch.worklist import WorklistPage

TAB_WORKLIST, TAB_USERS, TAB_COOPERATORS, TAB_ROLLCALL, TAB_STOCK = range(5)
# show_filter names besides the worklist states of services.watch.STATE_FILTERS.
PAGE_FILTERS = {"users": TAB_USERS, "cooperators": TAB_COOPERATORS,
                "rollcall": TAB_ROLLCALL, "stock": TAB_STOCK}


class WatchScreen(QWidget):
    """Given an ``AppContext`` only; ``today`` is for tests and screenshots."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or clock.today()
        title = QLabel(self.tr("見守り"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.tabs = QTabWidget(self)
        self.worklist = WorklistPage(ctx, self.today, self)
        self.users = UsersPage(ctx, self.today, self)
        self.cooperators = CooperatorsPage(ctx, self.today, self)
        self.rollcall = RollcallPage(ctx, self.today, self)
        self.stock = StockPage(ctx, self.today, self)
        self.tabs.addTab(self.worklist, self.tr("今月の見守り"))
        self.tabs.addTab(self.users, self.tr("利用登録者"))
        self.tabs.addTab(self.cooperators, self.tr("協力員"))
        self.tabs.addTab(self.rollcall, self.tr("災害時安否確認"))
        self.tabs.addTab(self.stock, self.tr("登録者数"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.worklist.enrolRequested.connect(self.enrol)
        self.cooperators.showWorklist.connect(self._worklist_for)
        QShortcut(QKeySequence("Ctrl+N"), self, self.enrol,
                  context=Qt.WidgetWithChildrenShortcut)
        self.worklist.reload()

    def show_filter(self, name: str) -> None:
        """"unreached" (and the other worklist states: overdue, absent_twice,
        concern, no_cooperator, reached) open the worklist filtered to this
        month; "users", "cooperators", "rollcall", "stock" open that tab."""
        if name in PAGE_FILTERS:
            self.tabs.setCurrentIndex(PAGE_FILTERS[name])
            return
        self.tabs.setCurrentIndex(TAB_WORKLIST)
        self.worklist.set_filter(state=name if name in watch.STATE_FILTERS else None)

    def _worklist_for(self, state, volunteer_id) -> None:
        self.tabs.setCurrentIndex(TAB_WORKLIST)
        self.worklist.set_filter(state=state, volunteer_id=volunteer_id)

    def enrol(self) -> None:
        self.tabs.setCurrentIndex(TAB_USERS)
        self.users.enrol()
