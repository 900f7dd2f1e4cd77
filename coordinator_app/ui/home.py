"""ホーム (today): the numbers, each a button that opens the matching
list, filtered — among them this month's events and the groups that have
not met for two months. City staff see the sum over every branch, as
figures only (the lists hold names; the quiet groups are not shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core.dates import fiscal_year_label, format_wareki, format_wareki_short
from coordinator_app.services import home
from coordinator_app.ui.alive import if_alive
from coordinator_app.ui.context import AppContext

# (figure attribute, screen, filter) — the agreed entry points of the lists.
LINKS = {
    "consultations_this_month": ("consultations", "this_month"),
    "follow_ups_due": ("consultations", "follow_up_due"),
    "watch_unreached": ("watch", "unreached"),
    "insurance_lapsed": ("volunteers", "insurance_lapsed"),
    "events_this_month": ("gatherings", "events"),
    "quiet_groups": ("gatherings", "groups"),
}
_REFRESH_ON = {"consultation", "watch", "volunteer", "person", "import", "restore", "settings",
               "event", "group"}
QUIET_SHOWN = 8  # names listed on the button; the rest are counted


class FigureButton(QPushButton):
    """A big number with its meaning underneath."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setMinimumSize(260, 130)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.number = QLabel("…", self)
        self.number.setObjectName("figureNumber")
        self.number.setStyleSheet("font-size: 30pt; font-weight: bold;")
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet("font-size: 12pt;")
        self.caption.setWordWrap(True)
        self.note = QLabel("", self)
        self.note.setStyleSheet("color: #555555;")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        for label in (self.caption, self.number, self.note):
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def show_value(self, number: str, note: str = "") -> None:
        self.number.setText(number)
        self.note.setText(note)
        self.setAccessibleName(f"{self.caption.text()} {number} {note}")


class HomeScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: home.HomeFigures | None = None
        self.linked = ctx.user.sees_personal_records  # the numbers open the lists
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.scope = QLabel(self)
        self.scope.setWordWrap(True)
        self.status = QLabel(self.tr("計算しています…"), self)
        self.buttons = {
            "consultations_this_month": FigureButton(self.tr("今月の相談・連絡"), self),
            "follow_ups_due": FigureButton(self.tr("フォローが必要な相談（今日まで）"), self),
            "watch_unreached": FigureButton(self.tr("今月まだ連絡できていない見守り利用者"), self),
            "insurance_lapsed": FigureButton(self.tr("ボランティア保険の更新が必要な方"), self),
            "events_this_month": FigureButton(self.tr("今月の行事・サロン"), self),
        }
        if self.linked:  # group names are the branch's own business
            self.buttons["quiet_groups"] = FigureButton(self.tr("2か月開催のないグループ"), self)
        grid = QGridLayout()
        grid.setSpacing(16)
        for i, (key, button) in enumerate(self.buttons.items()):
            grid.addWidget(button, i // 2, i % 2)
            screen, filter_name = LINKS[key]
            button.setEnabled(False)
            if self.linked:
                button.clicked.connect(
                    lambda _=False, s=screen, f=filter_name: ctx.open_screen(s, f))
            else:  # figures only: nothing to open
                button.setFocusPolicy(Qt.NoFocus)
                button.setFlat(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.scope)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addStretch(1)
        if self.linked:
            self.scope.setText(self.tr("{branch}の数字です。数字を押すと一覧が開きます。")
                               .format(branch=ctx.user.branch_name or ""))
        else:
            self.scope.setText(self.tr("全支部の合計です（数字のみ。個人の一覧は支部の"
                                       "コーディネーターだけが開けます）。"))
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        ctx.changes.changed.connect(self._changed)
        self.refresh()

    def _changed(self, what: str) -> None:
        if what in _REFRESH_ON:
            self._debounce.start()

    def refresh(self) -> None:
        """Count off the UI thread; the numbers appear when ready."""
        self.status.setText(self.tr("計算しています…"))
        db, user = self.ctx.db, self.ctx.user
        self.ctx.runner.run(lambda _progress: home.home_figures(db, user),
                            on_done=if_alive(self, self._show),
                            on_error=if_alive(self, self._failed))

    def _failed(self, exc: BaseException) -> None:
        from coordinator_app.services.backups import explain_db_error

        self.status.setText(self.tr("数字を計算できませんでした: ") + explain_db_error(exc))

    def _show(self, f: home.HomeFigures) -> None:
        self.figures = f
        self.heading.setText(self.tr("今日のようす — {date}").format(
            date=format_wareki(f.today, weekday=True)))
        diff = f.consultations_this_month - f.consultations_last_month
        self.buttons["consultations_this_month"].show_value(
            self.tr("{n}件").format(n=f.consultations_this_month),
            self.tr("先月 {n}件（{diff:+d}）").format(n=f.consultations_last_month, diff=diff))
        self.buttons["follow_ups_due"].show_value(
            self.tr("{n}件").format(n=f.follow_ups_due),
            self.tr("フォロー日が今日まで、まだ完了していないもの"))
        self.buttons["watch_unreached"].show_value(
            self.tr("{n}人").format(n=f.watch_unreached),
            self.tr("今月の連絡がまだない利用者"))
        self.buttons["insurance_lapsed"].show_value(
            self.tr("{n}人").format(n=f.insurance_lapsed),
            self.tr("{fy}の保険に未加入の活動中ボランティア").format(
                fy=fiscal_year_label(f.today.year if f.today.month >= 4 else f.today.year - 1)))
        self.buttons["events_this_month"].show_value(
            self.tr("{n}回").format(n=f.events_this_month),
            self.tr("参加 延べ{n}人（ボランティアを含む）").format(
                n=f.event_participants_this_month))
        if "quiet_groups" in self.buttons and f.quiet_groups is not None:
            since = format_wareki_short(f.quiet_since)
            names = "、".join(f.quiet_groups[:QUIET_SHOWN])
            if len(f.quiet_groups) > QUIET_SHOWN:
                names += self.tr(" ほか{n}").format(n=len(f.quiet_groups) - QUIET_SHOWN)
            note = (self.tr("{since}以降の開催記録なし: {names}").format(since=since, names=names)
                    if names else
                    self.tr("{since}以降、活動中のグループはどれも開催しています").format(since=since))
            self.buttons["quiet_groups"].show_value(
                self.tr("{n}グループ").format(n=len(f.quiet_groups)), note)
        for button in self.buttons.values():
            button.setEnabled(True)
        self.status.setText("")

    def show_filter(self, name: str) -> None:
        self.refresh()
