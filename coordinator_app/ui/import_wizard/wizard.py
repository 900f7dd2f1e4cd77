"""ファイル › 台帳の取り込み…: a branch's own workbook into the app in six
steps (issue 20): the file, sheet and header row; columns to fields;
values to codes; the preview with every bad cell; the same residents;
the import with progress, cancel and a summary.

The wizard holds what the person chose (a ``WizardSpec``, the rows they
excluded, the people they confirmed as one); each page reads and edits
it, and runs the service's work on ``ctx.runner``. Enter is 次へ, Esc
asks before abandoning. Only roles that may import (``Action.IMPORT``)
are offered it in the menu; a coordinator imports into their own branch
only (the service refuses other branches' rows)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from coordinator_app.services import ledger_wizard as wizard_service
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.import_wizard.columns_page import ColumnsPage
from coordinator_app.ui.import_wizard.people_page import PeoplePage
from coordinator_app.ui.import_wizard.preview_page import PreviewPage
from coordinator_app.ui.import_wizard.run_page import RunPage
from coordinator_app.ui.import_wizard.source_page import SourcePage
from coordinator_app.ui.import_wizard.values_page import ValuesPage


class ImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("台帳の取り込み"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.NoCancelButtonOnLastPage, False)
        for button, text in ((QWizard.BackButton, self.tr("< 戻る(&B)")),
                             (QWizard.NextButton, self.tr("次へ(&N) >")),
                             (QWizard.CommitButton, self.tr("取り込む(&I)")),
                             (QWizard.FinishButton, self.tr("閉じる")),
                             (QWizard.CancelButton, self.tr("キャンセル")),
                             (QWizard.HelpButton, self.tr("ヘルプ"))):
            self.setButtonText(button, text)
        self.setMinimumSize(QSize(900, 600))
        self.resize(1180, 680)

        self.spec = wizard_service.WizardSpec(kind="", path=None, sheets=[], header_row=0,
                                              mapping={})
        self.excluded: set[wizard_service.RowRef] = set()
        self.merges: list[wizard_service.MatchProposal] = []
        self.result: wizard_service.WizardResult | None = None

        self.source_page = SourcePage(self)
        self.columns_page = ColumnsPage(self)
        self.values_page = ValuesPage(self)
        self.preview_page = PreviewPage(self)
        self.people_page = PeoplePage(self)
        self.run_page = RunPage(self)
        for page in (self.source_page, self.columns_page, self.values_page,
                     self.preview_page, self.people_page, self.run_page):
            self.addPage(page)

    # --- what the person chose -------------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        if kind != self.spec.kind:
            self.spec.kind = kind
            self._forget_from_mapping()

    def set_path(self, path: Path | None) -> None:
        self.spec.path = path
        self.spec.sheets = []
        self.spec.header_row = 0
        self.spec.header = []
        self._forget_from_mapping()

    def set_header(self, row: int, header: list[str]) -> None:
        if (row, header) != (self.spec.header_row, self.spec.header):
            self.spec.header_row = row
            self.spec.header = header
            self._forget_from_mapping()

    def _forget_from_mapping(self) -> None:
        """An earlier choice changed: the mapping, values, exclusions and
        people proposals built on it no longer apply."""
        self.spec.mapping = {}
        self.spec.values = {}
        self.excluded = set()
        self.merges = []

    def forget_checks(self) -> None:
        """The mapping or values changed: rows excluded for errors under
        the old ones are checked again."""
        self.excluded = set()
        self.merges = []

    def mappings_saved(self, name: str) -> None:
        self.columns_page.add_saved_name(name)

    @property
    def running(self) -> bool:
        return self.run_page.running

    # --- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, キャンセル or the close box: while importing, ask to stop
        the import (nothing is written); otherwise ask before abandoning
        unless the import is done."""
        if self.running:
            answer = QMessageBox.question(
                self, self.tr("取り込みの中止"),
                self.tr("取り込みを中止しますか？ 中止すると、何も取り込まれません。"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer == QMessageBox.Yes:
                self.run_page.cancel()
            return
        if self.result is None and self.spec.path is not None:
            answer = QMessageBox.question(
                self, self.tr("取り込みの中止"),
                self.tr("取り込みをやめて閉じますか？ 選んだ対応は保存されません"
                        "（保存した対応は残ります）。"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return
        super().reject()
