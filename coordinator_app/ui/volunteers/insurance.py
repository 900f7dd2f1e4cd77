"""ボランティア保険の更新: active volunteers whose insurance year is not
the current fiscal year, renewed in bulk after confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import fiscal_year_label, fiscal_year_of
from coordinator_app.services import volunteers
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.volunteers.tables import VolunteerTableModel


class InsurancePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fy = fiscal_year_of(clock.today())
        roles = {r.code: r.label for r in volunteers.list_roles(ctx.db, include_inactive=True)}
        self.model = VolunteerTableModel(roles, self.fy, checkable=True, parent=self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().hide()
        fit_table(self.view)
        check_all = QPushButton(self.tr("すべて選ぶ"), self)
        check_none = QPushButton(self.tr("選択を外す"), self)
        self.renew_checked = QPushButton(self.tr("選んだ人を更新…"), self)
        self.renew_all = QPushButton(self.tr("全員を更新…"), self)
        for b in (check_all, check_none, self.renew_checked, self.renew_all):
            b.setAutoDefault(False)
        check_all.clicked.connect(lambda: self.model.set_all_checked(True))
        check_none.clicked.connect(lambda: self.model.set_all_checked(False))
        self.renew_checked.clicked.connect(lambda: self.renew(self.model.checked_ids()))
        self.renew_all.clicked.connect(lambda: self.renew(None))
        row = QHBoxLayout()
        row.addWidget(check_all)
        row.addWidget(check_none)
        row.addStretch(1)
        row.addWidget(self.renew_checked)
        row.addWidget(self.renew_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.model.role_labels = {r.code: r.label for r in volunteers.list_roles(self.ctx.db, True)}
        rows = volunteers.lapsed_insurance(self.ctx.db, self.ctx.user)
        self.model.set_rows(rows)
        self.heading.setText(self.tr(
            "{0}のボランティア保険がまだの登録者: {1}人。加入を確かめた人を選んで更新してください。")
            .format(fiscal_year_label(self.fy), len(rows)))
        self.renew_all.setEnabled(bool(rows))

    def renew(self, ids: list[int] | None) -> None:
        """``ids`` None: everyone listed."""
        n = self.model.rowCount() if ids is None else len(ids)
        if n == 0:
            QMessageBox.information(self, self.tr("保険の更新"), self.tr("更新する人を選んでください"))
            return
        answer = QMessageBox.question(
            self, self.tr("保険の更新"),
            self.tr("{0}人の保険加入年度を{1}にします。よろしいですか？").format(
                n, fiscal_year_label(self.fy)))
        if answer != QMessageBox.Yes:
            return
        db, user = self.ctx.db, self.ctx.user
        listed = ids if ids is not None else [r.id for r in self.model.rows]
        self.ctx.runner.run(lambda _p: volunteers.renew_insurance(db, user, listed),
                            on_done=self._renewed,
                            on_error=lambda e: QMessageBox.warning(self, self.tr("保険の更新"), str(e)))

    def _renewed(self, count: int) -> None:
        self.last_renewed = count
        self.ctx.notify("volunteer")
