"""印刷 screen: one button per list the signed-in person may print, and the
print register (印刷台帳) for coordinators and administrators.

Other screens open a list's print dialog with
``ctx.open_screen("printing", "watch_users")`` (``show_filter``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coordinator_app.core.access import Action, may
from coordinator_app.services import printing
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.printing.dialog import KINDS_BY_ROLE, PrintDialog
from coordinator_app.ui.printing.register import RegisterView

HINTS = {
    "watch_users": "電話で様子を確かめるための記入欄つきリスト",
    "volunteers": "自治会別・活動別の連絡先一覧",
    "assignments": "協力員の組ごとの担当利用者",
    "disaster": "停電時にも使える安否確認の記入用紙",
    "attendance": "サロン・講座の受付で名前を書いてもらう用紙（常連の名前の印刷も可）",
    "groups": "サロンなど活動グループの会場・開催日・連絡係",
    "labels": "かわらばん郵送用（郵送に同意した方のみ）",
    "branches": "13支部の拠点・住所・電話（個人情報なし）",
    "monthly": "月・年度の集計とグラフ（個人情報なし）",
}


class PrintingScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: PrintDialog | None = None
        heading = QLabel(self.tr("印刷"), self)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = QLabel(self.tr("個人情報を含む一覧には「取扱注意」と控番号が入り、印刷台帳に記録されます。"
                               "必要な列だけを選び、使用後は返却または細断してください。"), self)
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        for i, kind in enumerate(KINDS_BY_ROLE.get(ctx.user.role, ["branches"])):
            title = QCoreApplication.translate("PrintDialog", printing.KIND_TITLES[kind])
            button = QPushButton(f"{title}…", self)
            button.setMinimumHeight(36)
            button.setMinimumWidth(240)
            button.clicked.connect(lambda _=False, k=kind: self.open_dialog(k))
            hint = QLabel(QCoreApplication.translate("PrintScreen", HINTS[kind]), self)
            hint.setStyleSheet("color: #555555;")
            grid.addWidget(button, i, 0)
            grid.addWidget(hint, i, 1)
            self.buttons[kind] = button
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(grid)
        self.register: RegisterView | None = None
        if may(ctx.user, Action.PRINT_REGISTER):
            self.register = RegisterView(ctx, self)
            layout.addWidget(self.register, 1)
        else:
            layout.addStretch(1)

    def open_dialog(self, kind: str) -> PrintDialog:
        self.dialog = PrintDialog(self.ctx, kind, self)
        self.dialog.open()
        return self.dialog

    def show_filter(self, name: str) -> None:
        """``name`` is a list kind: open its print dialog."""
        if name in self.buttons:
            self.open_dialog(name)
