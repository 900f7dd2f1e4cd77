"""ボランティア: the screen the main window shows. Three tabs — 検索
(search and matching), 活動記録 (activity log), 保険更新 (insurance
renewal) — and 新規登録 (Ctrl+N). Redraws when anything signals
'volunteer' or 'person'."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services import volunteers
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.volunteers.activities import ActivityPanel
from coordinator_app.ui.volunteers.form import VolunteerFormDialog
from coordinator_app.ui.volunteers.insurance import InsurancePanel
from coordinator_app.ui.volunteers.page import VolunteerPageDialog
from coordinator_app.ui.volunteers.search import VolunteerSearchPanel

FILTERS = ("insurance_lapsed", "active", "withdrawn", "activities", "insurance")


class VolunteersScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("ボランティア"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary = QLabel(self)
        new = QPushButton(self.tr("新規登録 (Ctrl+N)"), self)
        new.setAutoDefault(False)
        new.clicked.connect(self.new_volunteer)
        QShortcut(QKeySequence.New, self, activated=self.new_volunteer,
                  context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.Find, self, activated=self.focus_search,
                  context=Qt.WidgetWithChildrenShortcut)
        self.search = VolunteerSearchPanel(ctx, self)
        self.search.openVolunteer.connect(self.open_volunteer)
        self.activities = ActivityPanel(ctx, self)
        self.insurance = InsurancePanel(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.search, self.tr("検索・登録者一覧"))
        self.tabs.addTab(self.activities, self.tr("活動記録"))
        self.tabs.addTab(self.insurance, self.tr("保険の更新"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(20)
        head.addWidget(self.summary, 1)
        head.addWidget(new)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.dialog: QDialog | None = None
        self.setFocusProxy(self.search)
        ctx.changes.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        db, user = self.ctx.db, self.ctx.user
        self.active = volunteers.active_count(db, user)
        lapsed = volunteers.lapsed_insurance_count(db, user)
        self.summary.setText(self.tr("登録中 {0}人　保険未更新 {1}人").format(self.active, lapsed))
        self.tabs.setTabText(2, self.tr("保険の更新（{0}）").format(lapsed))
        self.search.reload_choices()
        self.search.refresh()
        self.activities.refresh()
        self.insurance.refresh()

    def _changed(self, what: str) -> None:
        if what in ("volunteer", "person", "watch", "settings", "import", "restore"):
            self.refresh()

    def show_filter(self, name: str) -> None:
        """Navigation from elsewhere (ホーム): 'insurance_lapsed' lists the
        active volunteers whose insurance year has lapsed; 'active',
        'withdrawn'; 'activities' and 'insurance' open those tabs."""
        if name == "insurance_lapsed":
            self.tabs.setCurrentWidget(self.search)
            self.search.set_filters(status="active", insurance="lapsed")
        elif name in ("active", "withdrawn"):
            self.tabs.setCurrentWidget(self.search)
            self.search.set_filters(status=name, insurance="")
        elif name == "activities":
            self.tabs.setCurrentWidget(self.activities)
        elif name == "insurance":
            self.tabs.setCurrentWidget(self.insurance)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.text.setFocus()
        self.search.text.selectAll()

    def new_volunteer(self) -> None:
        dlg = VolunteerFormDialog(self.ctx, parent=self)
        dlg.saved.connect(self.open_volunteer)
        self.dialog = dlg
        dlg.open()

    def open_volunteer(self, volunteer_id: int) -> None:
        dlg = VolunteerPageDialog(self.ctx, volunteer_id, self)
        self.dialog = dlg
        dlg.open()
