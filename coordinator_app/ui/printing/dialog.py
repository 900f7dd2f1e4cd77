"""The print dialog: which list, for whom, which columns; a preview of the
first page; then the PDF is written (and registered) off the UI thread into
the folder the user chose (保存先, remembered; default Documents), and opened
in the system viewer for printing, or in the app's own window when the
computer has no PDF viewer. After printing, the preview shows the printed
file's first page with the copy numbers it was given."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core.access import Role
from coordinator_app.core.dates import fiscal_months, fiscal_year_label, fiscal_year_of
from coordinator_app.services import printing
from coordinator_app.ui import prefs
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.desktop import open_with_system
from coordinator_app.ui.printing.pdf_window import PdfWindow
from coordinator_app.ui.widgets import DateLineEdit

KINDS_BY_ROLE = {
    Role.COORDINATOR: ["watch_users", "volunteers", "assignments", "disaster", "attendance",
                       "groups", "labels", "branches", "monthly"],
    Role.CITY_STAFF: ["branches", "monthly"],
    Role.ADMIN: ["branches"],
}
PREVIEW_WIDTH = 430


def open_in_viewer(path: Path) -> bool:
    """Hand the PDF to the system viewer (tests replace this)."""
    return open_with_system(path)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintDialog", text)


class PrintDialog(QDialog):
    """``kind`` preselects a list (e.g. "watch_users"); ``today`` is for
    tests; ``folder`` is where PDFs are saved (default: the remembered
    保存先). ``printed`` holds the last ``PrintResult``, ``pdf_window`` the
    app's own view of it when no viewer opened it."""

    def __init__(self, ctx: AppContext, kind: str | None = None,
                 parent: QWidget | None = None, today: dt.date | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or clock.today()
        self.folder = folder or prefs.print_folder()
        self.pdf_window: PdfWindow | None = None
        self.printed: printing.PrintResult | None = None
        self._page = QPixmap()
        self._generation = 0
        self._busy = False
        self.setWindowTitle(self.tr("印刷"))
        self.choices = printing.filter_choices(ctx.db, ctx.user)
        self._build_choices()
        self._build_preview()
        self._build_buttons()
        self._lay_out()
        self._connect()
        if kind is not None and self.kind.findData(kind) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self._kind_changed()
        self.resize(1000, 700)

    # --- building -------------------------------------------------------------------

    def _build_choices(self) -> None:
        """The left side: which list, its filters, columns, recipient and copies."""
        self.kind = QComboBox(self)
        for code in KINDS_BY_ROLE.get(self.ctx.user.role, ["branches"]):
            self.kind.addItem(_tr(printing.KIND_TITLES[code]), code)
        self.area = self._combo([(None, self.tr("すべての自治会"))] + self.choices.areas)
        self.role = self._combo([(None, self.tr("すべての活動"))] +
                                [(c, lb) for c, lb in self.choices.roles])
        self.cooperator = self._combo([(None, self.tr("すべての協力員"))] +
                                      self.choices.cooperators)
        self.withdrawn = QCheckBox(self.tr("退会したボランティアも含める"), self)
        self.fiscal_year = QSpinBox(self)
        self.fiscal_year.setRange(2000, 2100)
        self.fiscal_year.setValue(fiscal_year_of(self.today))
        self.month = QComboBox(self)
        self.branch = self._combo([(None, self.tr("全支部"))] + self.choices.branches)
        self.layout_kind = self._combo([(code, _tr(lay.title)) for code, lay in printing.LABEL_LAYOUTS.items()])
        self.source = self._combo([(code, _tr(text)) for code, text in printing.LABEL_SOURCES.items()])
        self.source.setCurrentIndex(2)
        self.offset_x, self.offset_y = self._offset(), self._offset()
        self.outline = QCheckBox(self.tr("ラベルの枠線を印刷する（普通紙での試し刷り）"), self)
        self.recipient = QLineEdit(self)
        self.recipient.setMaxLength(200)
        self.recipient.setPlaceholderText(self.tr("例: 東町自治会 会長（誰に渡すか）"))
        self.copies = QSpinBox(self)
        self.copies.setRange(1, printing.MAX_COPIES)
        self.folder_text = QLineEdit(str(self.folder), self)
        self.folder_text.setReadOnly(True)
        self.folder_button = QPushButton(self.tr("変更…(&F)"), self)
        self.folder_button.setAutoDefault(False)
        self._build_gathering_choices()
        self._fill_months()
        self._build_form()

    def _build_gathering_choices(self) -> None:
        """出席簿: the day, the group (or none), the title, the regulars and
        the blank rows; グループ一覧: ended groups or not."""
        self.held_on = DateLineEdit(self, allow_future=True, required=True)
        self.held_on.setDate(self.today)
        self.group = self._combo([(None, self.tr("グループなし（講座・行事など）"))] +
                                 self.choices.groups)
        self.sheet_title = QLineEdit(self)
        self.sheet_title.setMaxLength(200)
        self.sheet_title.setPlaceholderText(self.tr("空欄ならグループ名"))
        self.with_regulars = QCheckBox(self.tr("常連の方の名前を印刷する（個人情報）"), self)
        self.blank_rows = QSpinBox(self)
        self.blank_rows.setRange(0, printing.MAX_BLANK_ROWS)
        self.blank_rows.setValue(20)
        self.include_ended = QCheckBox(self.tr("終了したグループも含める"), self)

    def _build_form(self) -> None:
        """The choices in rows (``_kind_changed`` shows the ones a list uses)."""
        self.form = QFormLayout()
        self.form.addRow(self.tr("一覧(&L)"), self.kind)
        self.form.addRow(self.tr("自治会(&A)"), self.area)
        self.form.addRow(self.tr("活動内容(&R)"), self.role)
        self.form.addRow(self.tr("協力員(&C)"), self.cooperator)
        self.form.addRow("", self.withdrawn)
        self.form.addRow(self.tr("年度(&Y)"), self.fiscal_year)
        self.form.addRow(self.tr("月(&M)"), self.month)
        self.form.addRow(self.tr("支部(&B)"), self.branch)
        self.form.addRow(self.tr("ラベル用紙(&S)"), self.layout_kind)
        self.form.addRow(self.tr("宛先(&T)"), self.source)
        self.form.addRow(self.tr("横の調整 mm（右へ＋）"), self.offset_x)
        self.form.addRow(self.tr("縦の調整 mm（下へ＋）"), self.offset_y)
        self.form.addRow("", self.outline)
        self.form.addRow(self.tr("開催日(&D)"), self.held_on)
        self.form.addRow(self.tr("グループ(&G)"), self.group)
        self.form.addRow(self.tr("名称(&E)"), self.sheet_title)
        self.form.addRow("", self.with_regulars)
        self.form.addRow(self.tr("記入用の空欄（行）"), self.blank_rows)
        self.form.addRow("", self.include_ended)
        self.columns_box = QGroupBox(self.tr("印刷する列（相手に必要な列だけ）"), self)
        self.columns_grid = QGridLayout(self.columns_box)
        self.column_checks: dict[str, QCheckBox] = {}
        self.form2 = QFormLayout()
        self.form2.addRow(self.tr("渡す相手(&W)"), self.recipient)
        self.form2.addRow(self.tr("部数(&N)"), self.copies)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_text, 1)
        folder_row.addWidget(self.folder_button)
        self.form2.addRow(self.tr("保存先"), folder_row)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00;")

    def _build_preview(self) -> None:
        """The right side: the first page as an image, and what will be printed."""
        self.preview = QLabel(self.tr("プレビューを作成しています…"), self)
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setMinimumWidth(PREVIEW_WIDTH)
        self.preview.setWordWrap(True)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.preview)
        self.scroll.setWidgetResizable(True)
        self.scroll.setMinimumWidth(PREVIEW_WIDTH + 24)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

    def _build_buttons(self) -> None:
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.print_button = QPushButton(self.tr("印刷してPDFを開く (Ctrl+P)"), self)
        self.refresh_button = QPushButton(self.tr("プレビュー更新 (F5)"), self)
        self.close_button = QPushButton(self.tr("閉じる"), self)
        for b in (self.print_button, self.refresh_button, self.close_button):
            b.setAutoDefault(False)

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.columns_box)
        left.addLayout(self.form2)
        left.addWidget(self.notice)
        left.addStretch(1)
        right = QVBoxLayout()
        self.preview_heading = QLabel(self.tr("1ページ目のプレビュー"), self)
        self.preview_heading.setWordWrap(True)
        right.addWidget(self.preview_heading)
        right.addWidget(self.scroll, 1)
        right.addWidget(self.summary)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        """Buttons and shortcuts; any change of a choice refreshes the
        preview shortly after (one refresh for a burst of changes)."""
        self.print_button.clicked.connect(self.print_now)
        self.refresh_button.clicked.connect(self.refresh_preview)
        self.close_button.clicked.connect(self.reject)
        self.folder_button.clicked.connect(self.choose_folder)
        QShortcut(QKeySequence.Print, self, activated=self.print_now)
        QShortcut(QKeySequence.Refresh, self, activated=self.refresh_preview)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(350)
        self._timer.timeout.connect(self.refresh_preview)
        for combo in (self.area, self.role, self.cooperator, self.month, self.branch,
                      self.layout_kind, self.source, self.group):
            combo.currentIndexChanged.connect(self._changed)
        for spin in (self.offset_x, self.offset_y, self.blank_rows):
            spin.valueChanged.connect(self._changed)
        self.held_on.dateChanged.connect(self._changed)
        self.sheet_title.textChanged.connect(self._changed)
        self.include_ended.toggled.connect(self._changed)
        self.with_regulars.toggled.connect(self._kind_changed)  # personal or not
        self.fiscal_year.valueChanged.connect(self._year_changed)
        self.withdrawn.toggled.connect(self._changed)
        self.outline.toggled.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def _combo(self, items) -> QComboBox:
        combo = QComboBox(self)
        for data, text in items:
            combo.addItem(text, data)
        return combo

    def _offset(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(-20.0, 20.0)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setSuffix(" mm")
        return spin

    def _fill_months(self) -> None:
        current = self.month.currentData()
        self.month.blockSignals(True)
        self.month.clear()
        fy = self.fiscal_year.value()
        self.month.addItem(self.tr("{fy}（年間）").format(fy=fiscal_year_label(fy)), None)
        for y, m in fiscal_months(fy):
            self.month.addItem(self.tr("{m}月").format(m=m), y * 100 + m)
        wanted = current or self.today.year * 100 + self.today.month
        index = self.month.findData(wanted)
        self.month.setCurrentIndex(max(index, 0))
        self.month.blockSignals(False)

    def current_kind(self) -> str:
        return self.kind.currentData()

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        visible = {
            self.area: kind in ("volunteers", "watch_users", "assignments", "disaster", "labels",
                                "groups"),
            self.role: kind == "volunteers",
            self.cooperator: kind in ("watch_users", "assignments"),
            self.withdrawn: kind == "volunteers",
            self.fiscal_year: kind == "monthly",
            self.month: kind == "monthly",
            self.branch: kind == "monthly" and self.ctx.user.role != Role.COORDINATOR,
            self.layout_kind: kind == "labels",
            self.source: kind == "labels",
            self.offset_x: kind == "labels",
            self.offset_y: kind == "labels",
            self.outline: kind == "labels",
            self.held_on: kind == "attendance",
            self.group: kind == "attendance",
            self.sheet_title: kind == "attendance",
            self.with_regulars: kind == "attendance",
            self.blank_rows: kind == "attendance",
            self.include_ended: kind == "groups",
        }
        for widget, shown in visible.items():
            self.form.setRowVisible(widget, shown)
        self.copies.setEnabled(kind != "labels")
        personal = printing.is_personal(self.request())
        self.notice.setText(self.tr(
            "この一覧には個人情報が含まれます。各ページに「取扱注意・個人情報を含みます」と"
            "控番号が印刷され、印刷台帳に記録されます。使用後は返却または細断してください。")
            if personal else "")
        self._build_columns(kind)
        self._changed()

    def _build_columns(self, kind: str) -> None:
        while self.columns_grid.count():
            item = self.columns_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.column_checks = {}
        columns = printing.kind_columns(kind)
        for i, column in enumerate(columns):
            check = QCheckBox(_tr(column.choice_label), self.columns_box)
            check.setChecked(column.default)
            check.toggled.connect(self._changed)
            self.column_checks[column.key] = check
            self.columns_grid.addWidget(check, i // 3, i % 3)
        self.columns_box.setVisible(bool(columns))

    # --- request --------------------------------------------------------------------

    def request(self) -> printing.PrintRequest:
        kind = self.current_kind()
        columns = None
        if self.column_checks:
            columns = tuple(k for k, c in self.column_checks.items() if c.isChecked())
        return printing.PrintRequest(
            kind=kind, columns=columns,
            area_id=self.area.currentData() if self.form.isRowVisible(self.area) else None,
            role=self.role.currentData() if kind == "volunteers" else None,
            cooperator_id=(self.cooperator.currentData()
                           if kind in ("watch_users", "assignments") else None),
            include_withdrawn=kind == "volunteers" and self.withdrawn.isChecked(),
            recipient=self.recipient.text().strip(),
            copies=self.copies.value() if kind != "labels" else 1,
            fiscal_year=self.fiscal_year.value(),
            month=self.month.currentData() if kind == "monthly" else None,
            branch_code=self.branch.currentData() if self.form.isRowVisible(self.branch) else None,
            label_layout=self.layout_kind.currentData(),
            label_source=self.source.currentData(),
            offset_x_mm=self.offset_x.value(), offset_y_mm=self.offset_y.value(),
            outline=self.outline.isChecked(),
            held_on=self.held_on.date(),
            group_id=self.group.currentData() if kind == "attendance" else None,
            title=self.sheet_title.text().strip(),
            with_regulars=kind == "attendance" and self.with_regulars.isChecked(),
            blank_rows=self.blank_rows.value(),
            include_ended=kind == "groups" and self.include_ended.isChecked(),
        )

    def _input_error(self, request: printing.PrintRequest) -> str:
        """What must be fixed before a preview or a print, or ""."""
        if request.columns == ():
            return self.tr("印刷する列を1つ以上選んでください")
        if request.kind == "attendance" and self.held_on.error():
            return self.tr("開催日: ") + self.held_on.error()
        return ""

    def _year_changed(self) -> None:
        self._fill_months()
        self._changed()

    def _changed(self, *_args) -> None:
        self.error.setText("")
        self._timer.start()

    # --- preview --------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self._timer.stop()
        request = self.request()
        problem = self._input_error(request)
        if problem:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(problem)
            return
        self._generation += 1
        generation = self._generation
        db, user, today = self.ctx.db, self.ctx.user, self.today
        self.summary.setText(self.tr("プレビューを作成しています…"))
        self.ctx.runner.run(
            lambda _p: printing.preview_image(db, user, request, dpi=100, today=today),
            on_done=lambda result: self._show_preview(generation, *result),
            on_error=lambda exc: self._preview_failed(generation, exc))

    def _alive(self) -> bool:
        """False once Qt has deleted the dialog (a late worker callback)."""
        return shiboken6.isValid(self) and shiboken6.isValid(self.summary)

    def _show_preview(self, generation: int, preview: printing.Preview, png: bytes) -> None:
        if generation != self._generation or not self._alive():
            return  # a newer request (or a print) is on its way
        summary = self.tr("{title}・{pages}ページ").format(title=_tr(preview.title),
                                                        pages=preview.pages)
        if preview.personal:
            summary += self.tr("・{n}名").format(n=preview.people)
        if preview.skipped:
            summary += self.tr("（住所のない{n}名は除きました）").format(n=preview.skipped)
        self.summary.setText(summary)
        self.preview_heading.setText(
            self.tr("1ページ目のプレビュー（見本。控番号は印刷するときに付きます）")
            if preview.personal else self.tr("1ページ目のプレビュー"))
        self._show_page(png)

    def _show_page(self, png: bytes) -> None:
        self._page = QPixmap()
        self._page.loadFromData(png)
        self.preview.setText("")
        self._fit_preview()

    def _fit_preview(self) -> None:
        """Scale the rendered page to the preview's width."""
        if self._page.isNull():
            return
        width = max(PREVIEW_WIDTH, self.scroll.viewport().width() - 8)
        self.preview.setPixmap(self._page.scaledToWidth(width, Qt.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_preview()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation or not self._alive():
            return
        self.preview.setPixmap(QPixmap())
        self.preview.setText("")
        self.summary.setText("")
        self.error.setText(str(exc))

    # --- print ----------------------------------------------------------------------

    def print_now(self) -> None:
        if self._busy:
            return
        request = self.request()
        problem = self._input_error(request)
        if problem:
            self.error.setText(problem)
            return
        if printing.is_personal(request) and not request.recipient:
            self.error.setText(self.tr("個人情報を含む一覧です。渡す相手（誰に渡すか）を入力してください"))
            self.recipient.setFocus()
            return
        if printing.is_personal(request):
            from coordinator_app.ui.encryption_dialogs import confirm_plain_file

            if not confirm_plain_file(self, "print"):  # the PDF is not encrypted (issue 9)
                return
        db, user, today, folder = self.ctx.db, self.ctx.user, self.today, self.folder
        self._busy = True
        self._timer.stop()  # the printed page replaces the preview of these choices
        self._generation += 1  # and a sample still on its way is not shown after it
        self.print_button.setEnabled(False)
        self.error.setText("")
        self.summary.setText(self.tr("PDFを作成しています…"))

        def job(_progress):
            result = printing.print_list(db, user, request,
                                         printing.print_path(folder, request.kind), today)
            return result, printing.page_images(result.path, dpi=100, pages=[1])[0]

        self.ctx.runner.run(job, on_done=lambda done: self._printed(*done),
                            on_error=self._print_failed)

    def _printed(self, result: printing.PrintResult, first_page: bytes) -> None:
        self._busy = False
        self.printed = result
        if not self._alive():
            return
        self.print_button.setEnabled(True)
        self.ctx.notify("print")
        self.summary.setText(result.summary())
        copies = result.copy_numbers
        self.preview_heading.setText(
            self.tr("印刷したPDFの1ページ目（控番号 {numbers}）").format(
                numbers=f"{copies[0]}〜{copies[-1]}" if len(copies) > 1 else copies[0])
            if copies else self.tr("印刷したPDFの1ページ目"))
        self._show_page(first_page)
        if not open_in_viewer(result.path):
            self.pdf_window = PdfWindow(self.ctx, result.path, self)
            self.pdf_window.show()

    def choose_folder(self) -> None:
        """The 保存先: chosen once, remembered on this computer."""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("PDFの保存先"), str(self.folder))
        if chosen:
            self.folder = Path(chosen)
            self.folder_text.setText(chosen)
            prefs.set_print_folder(self.folder)

    def _print_failed(self, exc: BaseException) -> None:
        self._busy = False
        if not self._alive():
            return
        self.print_button.setEnabled(True)
        self.summary.setText("")
        self.error.setText(str(exc))
