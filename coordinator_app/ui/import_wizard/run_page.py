"""Step 6: the import itself, off the UI thread with a progress bar; the
wizard's キャンセル stops it (nothing is written). Then the summary: the
records created and updated, the people stored once, the rows left out,
and the backup taken before it — the way back."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWizard

from coordinator_app.services import ledger_wizard as wizard_service
from coordinator_app.ui.alive import if_alive
from coordinator_app.ui.import_wizard.common import LoadingPage, explain

_tr = QCoreApplication.translate


class RunPage(LoadingPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard, _tr("ImportWizard", "6. 取り込み"),
                         _tr("ImportWizard", "取り込みはひとまとまりで行います。途中でやめると何も取り込みません。"))
        self.running = False
        self.finished = False
        self.progress = None
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progress")
        self.bar.setFormat(_tr("ImportWizard", "%v / %m 行"))
        self.layout_.addWidget(self.bar)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.RichText)
        self.result_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.result_label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.layout_.addWidget(self.result_label, 1)
        self.again = QPushButton(_tr("ImportWizard", "確認に戻る(&C)"), self)
        self.again.setObjectName("again")
        self.again.setAutoDefault(False)
        self.again.hide()
        self.layout_.addWidget(self.again, 0, Qt.AlignLeft)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.error)
        self.again.clicked.connect(self._back_to_preview)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        wiz = self.wiz
        db, who = self.ctx.db, self.ctx.user
        spec, excluded, merges = copy.deepcopy(wiz.spec), set(wiz.excluded), list(wiz.merges)
        self.running, self.finished = True, False
        wiz.setOption(QWizard.NoCancelButtonOnLastPage, False)  # キャンセル stops the import
        wiz.result = None
        self.again.hide()
        self.set_error("")
        self.result_label.setText("")
        self.bar.setFormat(_tr("ImportWizard", "%v / %m 行"))
        self.bar.setRange(0, 0)
        self.bar.show()
        self.setTitle(_tr("ImportWizard", "6. 取り込んでいます…"))
        self.setSubTitle(_tr("ImportWizard", "取り込みはひとまとまりで行います。途中でやめると何も取り込みません。"))
        self.status.setText(_tr("ImportWizard", "取り込んでいます。やめるときは「キャンセル」を押してください。"))

        def work(progress):
            return wizard_service.run_import(db, who, spec, excluded_rows=excluded, merges=merges,
                                             progress=progress.report,
                                             cancel=lambda: progress.cancelled)

        self.progress = self.ctx.runner.run(work, on_done=if_alive(self, self._done),
                                            on_error=if_alive(self, self._failed),
                                            on_progress=if_alive(self, self._progressed))
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self.progress is not None and self.running:
            self.progress.cancel()
            self.status.setText(_tr("ImportWizard", "中止しています…"))

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        elif not self.progress.cancelled:  # the total is not known yet: the rows read so far
            self.status.setText(_tr("ImportWizard", "{n} 行を読みました。やめるときは「キャンセル」を"
                                                    "押してください。").format(n=f"{done:,}"))

    def _done(self, result: wizard_service.WizardResult) -> None:
        self.running, self.finished = False, True
        self.wiz.result = result
        self.wiz.setOption(QWizard.NoCancelButtonOnLastPage, True)  # 閉じる is all that is left
        self.bar.setFormat(_tr("ImportWizard", "完了"))
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.setTitle(_tr("ImportWizard", "6. 取り込みました"))
        self.setSubTitle(_tr("ImportWizard", "取り込んだ内容は各画面に表示されます。"))
        self.status.setText("")
        late = self.progress is not None and self.progress.cancelled
        self.result_label.setText(summary_html(result) + (_tr(
            "ImportWizard", "<p>中止が間に合わず、取り込みは終わっていました。"
                            "元に戻すときは上のバックアップから復元してください。</p>") if late else ""))
        self.ctx.notify("import")
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.bar.hide()
        self.status.setText("")
        if isinstance(exc, wizard_service.WizardCancelled):
            self.setTitle(_tr("ImportWizard", "6. 取り込みを中止しました"))
            self.result_label.setText(_tr("ImportWizard", "取り込みを中止しました。"
                                                          "データベースは何も変わっていません。"))
        else:
            self.setTitle(_tr("ImportWizard", "6. 取り込めませんでした"))
            self.result_label.setText(_tr("ImportWizard", "何も取り込んでいません。"
                                                          "理由を読んで、確認に戻ってください。"))
            self.set_error(self._refusal(exc))
        self.again.show()
        self.again.setFocus()
        self.completeChanged.emit()

    def _refusal(self, exc: BaseException) -> str:
        """A refused import's bad cells with the fields' Japanese labels."""
        if not isinstance(exc, wizard_service.WizardRefused):
            return explain(exc)
        labels = {name: label for name, label, _r in self.wiz.columns_page.fields}
        lines = []
        for e in exc.cell_errors:
            where = _tr("ImportWizard", "{sheet} {row}行").format(sheet=e.sheet, row=e.row) \
                if e.row else _tr("ImportWizard", "ファイル")
            letter = _tr("ImportWizard", " {letter}列").format(letter=e.column_letter) \
                if e.column_letter else ""
            label = labels.get(e.column, "") if e.column != "-" else ""
            lines.append(f"{where}{letter}{'（' + label + '）' if label else ''}: {e.reason}")
        if exc.total > len(exc.cell_errors):
            lines.append(_tr("ImportWizard", "ほか {n} 件").format(n=exc.total - len(exc.cell_errors)))
        return "\n".join(lines)

    def _back_to_preview(self) -> None:
        """After a refusal or a cancel: back to the checks, to fix and try again."""
        self.wiz.preview_page.built_for = None
        self.wiz.people_page.built_for = None
        while self.wiz.currentPage() is not self.wiz.preview_page:
            before = self.wiz.currentId()
            self.wiz.back()
            if self.wiz.currentId() == before:
                break

    def isComplete(self) -> bool:
        return self.finished

    def validatePage(self) -> bool:
        return self.finished


def summary_html(result: wizard_service.WizardResult) -> str:
    """What the import did, and the way back."""
    import html

    lines = [
        _tr("ImportWizard", "新しく登録: <b>{n}</b> 件").format(n=f"{result.created:,}"),
        _tr("ImportWizard", "更新: <b>{n}</b> 件").format(n=f"{result.updated:,}"),
    ]
    if result.removed:
        lines.append(_tr("ImportWizard", "取り込み直しで消えた記録: <b>{n}</b> 件").format(
            n=f"{result.removed:,}"))
    lines.append(_tr("ImportWizard", "同じ人としてまとめた人: <b>{n}</b> 人").format(
        n=f"{result.merged_people:,}"))
    excluded = result.excluded_rows
    lines.append(_tr("ImportWizard", "除外した行: <b>{n}</b> 行").format(n=len(excluded)))
    if excluded:
        shown = "、".join(_tr("ImportWizard", "{sheet} {row}行").format(
            sheet=html.escape(r.sheet), row=r.row) for r in excluded[:30])
        more = _tr("ImportWizard", " ほか {n} 行").format(n=len(excluded) - 30) \
            if len(excluded) > 30 else ""
        lines.append("　" + shown + more)
    if result.backup_path is not None:
        lines.append(_tr("ImportWizard", "取り込む前のバックアップ: {path}<br>"
                                         "元に戻すには「ファイル › バックアップから復元」で"
                                         "このバックアップを選んでください。").format(
            path=html.escape(str(result.backup_path))))
    else:
        lines.append(_tr("ImportWizard", "このデータベースのバックアップはサーバーの管理者が"
                                         "取っています。元に戻すときは管理者に相談してください。"))
    return "<p style='line-height:160%'>" + "<br>".join(lines) + "</p>"
