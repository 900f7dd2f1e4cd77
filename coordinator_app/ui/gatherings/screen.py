"""行事・サロン: the screen the main window shows (coordinators only: the
records name residents and volunteers). Two tabs — 行事 (the events held,
by month) and 活動グループ (salons, 集いの場, circles…) — with 行事を入力
(Ctrl+N) and グループを登録. Redraws when anything signals 'event',
'group', 'volunteer' or 'person'."""

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

from coordinator_app.services import gatherings as svc
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.gatherings.event_form import EventFormDialog
from coordinator_app.ui.gatherings.group_form import GroupFormDialog
from coordinator_app.ui.gatherings.panels import EventsPanel, GroupsPanel, this_month

REDRAW_ON = ("event", "group", "volunteer", "person", "settings", "import", "restore")


class GatheringsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("行事・サロン"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary = QLabel(self)
        new_event = QPushButton(self.tr("行事を入力 (Ctrl+N)"), self)
        new_group = QPushButton(self.tr("グループを登録"), self)
        new_event.setObjectName("newEvent")
        for button in (new_event, new_group):
            button.setAutoDefault(False)
        new_event.clicked.connect(lambda: self.new_event())
        new_group.clicked.connect(self.new_group)
        QShortcut(QKeySequence.New, self, activated=lambda: self.new_event(),
                  context=Qt.WidgetWithChildrenShortcut)
        self.events = EventsPanel(ctx, self)
        self.groups = GroupsPanel(ctx, self)
        self.events.openEvent.connect(self.edit_event)
        self.groups.openGroup.connect(self.edit_group)
        self.groups.enterMeeting.connect(self.new_event)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.events, self.tr("行事"))
        self.tabs.addTab(self.groups, self.tr("活動グループ"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(20)
        head.addWidget(self.summary, 1)
        head.addWidget(new_event)
        head.addWidget(new_group)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.dialog: QDialog | None = None
        self.setFocusProxy(self.tabs)
        ctx.changes.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        db, user = self.ctx.db, self.ctx.user
        month = svc.list_events(db, user, svc.EventQuery(month=this_month()))
        active = svc.search_groups(db, user, svc.GroupQuery(status="active"))
        self.summary.setText(self.tr("今月の行事 {0}回・参加 延べ{1}人　活動中のグループ {2}")
                             .format(len(month), sum(e.participants for e in month), len(active)))
        self.events.reload_choices()
        self.groups.reload_choices()
        self.events.refresh()
        self.groups.refresh()

    def _changed(self, what: str) -> None:
        if what in REDRAW_ON:
            self.refresh()

    def show_filter(self, name: str) -> None:
        """Navigation from elsewhere: 'events' or 'groups' opens that tab;
        'group:ID' lists the meetings of one group."""
        if name == "groups":
            self.tabs.setCurrentWidget(self.groups)
        elif name == "events":
            self.tabs.setCurrentWidget(self.events)
        elif name.startswith("group:") and name[6:].isdigit():
            self.tabs.setCurrentWidget(self.events)
            self.events.set_group(int(name[6:]))

    def new_event(self, group_id: int | None = None) -> None:
        self._open(EventFormDialog(self.ctx, group_id=group_id, parent=self))

    def edit_event(self, event_id: int) -> None:
        self._open(EventFormDialog(self.ctx, event_id, parent=self))

    def new_group(self) -> None:
        self._open(GroupFormDialog(self.ctx, parent=self))

    def edit_group(self, group_id: int) -> None:
        self._open(GroupFormDialog(self.ctx, group_id, parent=self))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()
