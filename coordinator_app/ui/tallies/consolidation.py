"""集約（市社協）: load the branches' tally files (button or drag-and-drop),
see branches × months received / missing / conflicting, decide conflicts,
write the consolidated file. City-office staff and administrators."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.dates import fiscal_year_label
from coordinator_app.services import consolidation
from coordinator_app.services.consolidation import Matrix, ReceiveResult
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.table_view import fit_table
from coordinator_app.ui.tallies.common import (
    FiscalYearCombo,
    ask,
    error_text,
    inform,
    run_job,
    warn,
)
from coordinator_app.ui.tallies.conflict_dialog import ConflictDialog
from coordinator_app.ui.tallies.models import STATE_FILL, FilesModel, MatrixModel


class ConsolidationPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAcceptDrops(True)
        self.current: Matrix | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.last_result: ReceiveResult | None = None

        self._build_actions()
        drop, legend = self._build_notes()
        self._build_tables()
        self._lay_out(drop, legend)
        self.year.currentIndexChanged.connect(self.reload)

    # --- building -----------------------------------------------------------------

    def _build_actions(self) -> None:
        self.year = FiscalYearCombo(parent=self)
        self.load_button = QPushButton(self.tr("集計ファイルを読み込む…"), self)
        self.load_button.clicked.connect(self.ask_files)
        self.resolve = QPushButton(self.tr("食い違いを解決…"), self)
        self.resolve.clicked.connect(self.open_conflicts)
        self.export = QPushButton(self.tr("集約ファイルを書き出す…"), self)
        self.export.clicked.connect(self.ask_export)
        self.remove = QPushButton(self.tr("選んだファイルを取り消す"), self)
        self.remove.clicked.connect(self.remove_selected)
        self.summary = QLabel(self)

    def _build_notes(self) -> tuple[QLabel, QLabel]:
        """The drop target's label and the legend of the matrix colours."""
        drop = QLabel(self.tr("支部から届いた集計ファイル（CSV）をここにドラッグ＆ドロップできます"), self)
        drop.setFrameShape(QFrame.StyledPanel)
        drop.setAlignment(Qt.AlignCenter)
        drop.setMinimumHeight(30)
        drop.setStyleSheet("QLabel { border: 1px dashed #8a8a8a; color: #555; }")
        legend = QLabel(" ".join(
            f"<span style='background:{STATE_FILL[s].name()}'>&nbsp;{label}&nbsp;</span>"
            for s, label in (("live", self.tr("直接（サーバー）")),
                             ("received", self.tr("受信")), ("conflict", self.tr("食い違い")),
                             ("chosen", self.tr("選択済")), ("provisional", self.tr("暫定（月の途中で受信）")),
                             ("missing", self.tr("未着")), ("future", self.tr("— 月が終わっていない"))))
            + self.tr("　※ 未報告の項目あり（その項目ができる前の形式のファイル。0 とは数えません）"),
            self)
        return drop, legend

    def _build_tables(self) -> None:
        """Branches × months, and the files received."""
        self.matrix_model = MatrixModel(self)
        self.matrix = QTableView(self)
        self.matrix.setModel(self.matrix_model)
        self.matrix.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.matrix.verticalHeader().setVisible(False)
        self.matrix.verticalHeader().setDefaultSectionSize(23)
        self.matrix.activated.connect(self._cell_activated)
        self.files_model = FilesModel(self)
        self.files = QTableView(self)
        self.files.setModel(self.files_model)
        self.files.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SingleSelection)
        self.files.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.files.verticalHeader().setVisible(False)
        self.files.verticalHeader().setDefaultSectionSize(22)
        fit_table(self.files)

    def _lay_out(self, drop: QLabel, legend: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addWidget(self.load_button)
        top.addWidget(self.resolve)
        top.addStretch(1)
        top.addWidget(self.export)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.matrix)
        lower = QWidget(split)
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        files_head = QHBoxLayout()
        files_head.addWidget(QLabel(self.tr("受信したファイル"), lower))
        files_head.addStretch(1)
        files_head.addWidget(self.remove)
        lower_box.addLayout(files_head)
        lower_box.addWidget(self.files, 1)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 170])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(drop)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(legend)

    # --- loading the state ---------------------------------------------------------
    def reload(self) -> None:
        fy = self.year.value()
        db, user = self.ctx.db, self.ctx.user

        def job(progress):
            return (consolidation.matrix(db, user, fy, clock.today()),
                    consolidation.list_files(db, user, fy))

        run_job(self, job, on_done=self._loaded,
                            on_error=lambda exc: self.summary.setText(error_text(exc)))

    def _loaded(self, result) -> None:
        matrix, files = result
        if matrix.fiscal_year != self.year.value():
            return
        self.current = matrix
        self.matrix_model.set_matrix(matrix)
        header = self.matrix.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(self.matrix_model.columnCount() - 1,
                                    QHeaderView.ResizeToContents)
        self.files_model.set_rows(files)
        sent = sum(1 for code, _ in matrix.branches if code in matrix.last_received)
        text = self.tr(
            "{0}: {1} 支部中 {2} 支部から受信・未着の月 {3}・食い違い {4} 件（未解決）").format(
            fiscal_year_label(matrix.fiscal_year), len(matrix.branches), sent,
            matrix.count("missing"), len(matrix.conflicts))
        live = sum(1 for source in matrix.sources.values() if source == "live")
        if live:
            text += self.tr("・直接（サーバー）{0} 支部").format(live)
        partial = sum(1 for c in matrix.cells.values() if c.unreported)
        if partial:
            text += self.tr("・一部の項目が未報告の月 {0}（※）").format(partial)
        self.summary.setText(text)
        self.resolve.setEnabled(bool(matrix.conflicts))

    # --- receiving files -------------------------------------------------------------
    def ask_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("集計ファイルを選ぶ"), str(Path.home()),
                                                self.tr("集計ファイル (*.csv)"))
        if paths:
            self.load_files([Path(p) for p in paths])

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and any(
                u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load_files(paths)

    def load_files(self, paths: list[Path]) -> None:
        db, user = self.ctx.db, self.ctx.user
        self.summary.setText(self.tr("読み込んでいます…"))
        run_job(self, lambda progress: consolidation.receive_files(db, user, paths),
                            on_done=self._received,
                            on_error=lambda exc: warn(self, error_text(exc)))

    def _received(self, result: ReceiveResult) -> None:
        self.last_result = result
        lines = []
        if result.files:
            lines.append(self.tr("{0} ファイルを受信しました。").format(len(result.files)))
        if result.duplicates:
            lines.append(self.tr("同じ内容のファイルは受信済みです: {0}").format(
                "、".join(result.duplicates)))
        if result.errors:
            lines.append(self.tr("次のファイルは契約の形式と違うため受け付けませんでした（何も変更していません）:"))
            lines += [f"・{e}" for e in result.errors]
        lines += [f"・{line}" for line in result.set_aside]
        if result.conflicts:
            lines.append(self.tr("{0} 件の食い違いがあります。どちらの数字を使うか選んでください。"
                                 "選ぶまでは先に届いた数字のままです。").format(len(result.conflicts)))
        if result.files:
            fy = result.files[0].fiscal_year
            self.year.ensure(fy)
            if fy != self.year.value():
                self.year.set_value(fy)  # reloads
            else:
                self.reload()
        self.ctx.notify("tallies")
        if result.errors or result.conflicts or result.set_aside:
            warn(self, "\n".join(lines))
        elif lines:
            self.summary.setText(" ".join(lines))
        if result.conflicts:
            self.open_conflicts(result.conflicts)

    # --- conflicts ----------------------------------------------------------------------
    def open_conflicts(self, conflicts=None) -> None:
        if conflicts is None or isinstance(conflicts, bool):
            conflicts = self.current.conflicts if self.current else []
        if not conflicts:
            return
        self.conflict_dialog = ConflictDialog(self.ctx, list(conflicts), self)
        self.conflict_dialog.decided.connect(self.reload)
        self.conflict_dialog.show()

    def _cell_activated(self, index) -> None:
        cell = self.matrix_model.cell(index.row(), index.column())
        if cell is None or cell.state != "conflict" or self.current is None:
            return
        code = self.matrix_model.row_at(index.row())[0]
        month = self.current.months[index.column() - 1]
        self.open_conflicts([c for c in self.current.conflicts
                             if c.branch_code == code and c.month == month])

    # --- files ----------------------------------------------------------------------------
    def remove_selected(self) -> None:
        row = self.files.currentIndex().row()
        if row < 0:
            inform(self, self.tr("取り消すファイルを一覧から選んでください。"))
            return
        f = self.files_model.row_at(row)
        db, user = self.ctx.db, self.ctx.user

        def remove() -> None:
            run_job(self, lambda progress: consolidation.remove_file(db, user, f.id),
                                on_done=lambda _: (self.reload(), self.ctx.notify("tallies")),
                                on_error=lambda exc: warn(self, error_text(exc)))

        ask(self, self.tr("「{0}」の受信を取り消します。このファイルの数字は集約から外れます。よろしいですか。")
            .format(f.file_name), remove)

    def ask_export(self) -> None:
        fy = self.year.value()
        name = f"tally_consolidated_{fy}_{clock.today():%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("集約ファイルを書き出す"),
                                              str(Path.home() / name),
                                              self.tr("集計ファイル (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        fy = self.year.value()
        db, user = self.ctx.db, self.ctx.user
        notes = []
        if self.current and self.current.conflicts:
            notes.append(self.tr("未解決の食い違いは先に届いた数字で書き出します。"))
        run_job(self, 
            lambda progress: consolidation.export_consolidated(db, user, fy, path),
            on_done=lambda n: self.summary.setText(
                self.tr("{0} 行を書き出しました: {1}").format(n, path) + " ".join(notes)),
            on_error=lambda exc: warn(self, error_text(exc)))
