"""Step 5: the same resident written twice. Rows that are the same person
as one already in the branch, or as another row, by the rule shown
(``PERSON_RULE``: same reading and birth date, or same reading and
phone), are proposed as one person; the person decides each proposal:
同じ人 (stored once) or 別の人 (kept apart). 次へ (取り込む) waits until
every proposal is decided."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QWizard,
)

from coordinator_app.core.dates import format_wareki
from coordinator_app.services import ledger_wizard as wizard_service
from coordinator_app.ui.import_wizard.common import LoadingPage
from coordinator_app.ui.table_model import Column, TableModel
from coordinator_app.ui.table_view import fit_table

_tr = QCoreApplication.translate
SAME, APART = "same", "apart"
UNDECIDED_BACKGROUND = QBrush(QColor("#fff4c2"))


def rows_text(proposal: wizard_service.MatchProposal) -> str:
    parts = [_tr("ImportWizard", "{sheet} {row}行").format(sheet=r.sheet, row=r.row)
             for r in proposal.rows]
    if proposal.person_id is not None:
        parts.append(_tr("ImportWizard", "登録済みの人"))
    return "、".join(parts)


class ProposalsModel(TableModel):
    CONTEXT = "ImportWizard"

    COLUMNS = (
        Column("判断", lambda p: p.decision_text,
               background=lambda p: UNDECIDED_BACKGROUND if p.decision is None else None,
               bold=lambda p: p.decision is None),
        Column("行", lambda p: rows_text(p.proposal)),
        Column("氏名（書かれたとおり）", lambda p: "・".join(dict.fromkeys(p.proposal.names))),
        Column("ふりがな", lambda p: p.proposal.kana),
        Column("生年月日", lambda p: format_wareki(p.proposal.birth_date)
               if p.proposal.birth_date else ""),
        Column("電話番号", lambda p: p.proposal.phone),
        Column("同じ人とした理由", lambda p: p.proposal.reason),
    )


class Decided:
    """One proposal and the person's decision (None until decided)."""

    def __init__(self, proposal: wizard_service.MatchProposal) -> None:
        self.proposal = proposal
        self.decision: str | None = None

    @property
    def decision_text(self) -> str:
        return {SAME: _tr("ImportWizard", "同じ人"), APART: _tr("ImportWizard", "別の人"),
                None: _tr("ImportWizard", "未確認")}[self.decision]


class PeoplePage(LoadingPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard, _tr("ImportWizard", "5. 同じ人の確認"),
                         _tr("ImportWizard", "同じ住民が二度登録されないように、同じ人と思われる行を"
                                             "示します。一つずつ「同じ人」か「別の人」かを決めてください。"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.CommitButton, _tr("ImportWizard", "取り込む(&I)"))
        self.decided: list[Decided] = []
        self.built_for: tuple | None = None
        self.rule = QLabel(_tr("ImportWizard", "決まり: ") + wizard_service.PERSON_RULE, self)
        self.rule.setObjectName("rule")
        self.rule.setWordWrap(True)
        self.layout_.addWidget(self.rule)
        self.view = QTableView(self)
        self.view.setObjectName("proposals")
        self.model = ProposalsModel(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().hide()
        fit_table(self.view, stretch=(6,))
        self.layout_.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.same_button = QPushButton(_tr("ImportWizard", "選んだ候補を同じ人にする(&Y)"), self)
        self.same_button.setObjectName("same")
        self.apart_button = QPushButton(_tr("ImportWizard", "選んだ候補を別の人にする(&D)"), self)
        self.apart_button.setObjectName("apart")
        self.all_same = QPushButton(_tr("ImportWizard", "すべて同じ人にする(&A)"), self)
        self.all_same.setObjectName("allSame")
        for button in (self.same_button, self.apart_button, self.all_same):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.layout_.addWidget(self.count)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.error)
        self.same_button.clicked.connect(lambda: self.decide_selected(SAME))
        self.apart_button.clicked.connect(lambda: self.decide_selected(APART))
        self.all_same.clicked.connect(lambda: self.decide_all(SAME))

    def initializePage(self) -> None:
        spec = self.wiz.spec
        key = (repr(spec), tuple(sorted(self.wiz.excluded, key=lambda r: (r.sheet, r.row))))
        if key == self.built_for:
            return
        self.built_for = key
        db, who, excluded = self.ctx.db, self.ctx.user, set(self.wiz.excluded)
        import copy

        spec = copy.deepcopy(spec)
        self.decided = []
        self.model.set_rows([])
        self.load(lambda: wizard_service.person_matches(db, who, spec, excluded_rows=excluded),
                  self._shown, _tr("ImportWizard", "同じ人を探しています…"))

    def _shown(self, proposals) -> None:
        self.decided = [Decided(p) for p in proposals]
        self.model.set_rows(self.decided)
        if self.decided:
            self.view.selectRow(0)
        self._count()

    def decide_selected(self, decision: str) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        for row in rows:
            self.decided[row].decision = decision
            self.model.row_changed(row)
        if rows and rows[-1] + 1 < len(self.decided):  # on to the next proposal
            self.view.selectRow(rows[-1] + 1)
        self._count()

    def decide_all(self, decision: str) -> None:
        for d in self.decided:
            d.decision = decision
        self.model.set_rows(self.decided)
        self._count()

    def _count(self) -> None:
        if not self.decided:
            self.count.setText(_tr("ImportWizard", "同じ人と思われる行はありません。"
                                                   "「取り込む」を押すと取り込みます。"))
        else:
            open_ = sum(d.decision is None for d in self.decided)
            same = sum(d.decision == SAME for d in self.decided)
            self.count.setText(_tr("ImportWizard", "候補 {n} 件: 同じ人 {same} 件、別の人 {apart} 件、"
                                                   "未確認 {open} 件").format(
                n=len(self.decided), same=same, apart=len(self.decided) - same - open_,
                open=open_))
        self.wiz.merges = [d.proposal for d in self.decided if d.decision == SAME]
        self.completeChanged.emit()

    def ready(self) -> bool:
        return all(d.decision is not None for d in self.decided)
