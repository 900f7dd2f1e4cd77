"""Step 3: the values of each coded column to the app's codes. Every
distinct value found in the data rows is listed with its count and a
combo of the codes, proposed from the value words (○・済 → 異常なし,
×・不在 → 不在, TEL → 電話…) and editable. A value left without a code
goes to the import as written: an error at the preview, on every row that
holds it, unless it is a code or label the import knows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollArea, QWidget

from coordinator_app.services import ledger_wizard as wizard_service
from coordinator_app.ui.import_wizard.columns_page import describe_source
from coordinator_app.ui.import_wizard.common import LoadingPage, SaveMappingBar
from coordinator_app.ui.widgets import ERROR_STYLE

_tr = QCoreApplication.translate
MAX_VALUES = 300  # values listed per column (a free-text column mapped by mistake has thousands)


class ValuesPage(LoadingPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard, _tr("ImportWizard", "3. 値とコードの対応"),
                         _tr("ImportWizard", "区分などの列に書かれている値ごとに、アプリのどの区分に"
                                             "当たるかを選んでください。値の右の数は、その値が書かれた行の数です。"))
        # column -> [(text, count, combo)]
        self.rows: dict[str, list[tuple[str, int, QComboBox]]] = {}
        self.built_for: tuple | None = None
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.table = QWidget(self.scroll)
        self.table.setObjectName("valueTable")
        self.grid = QGridLayout(self.table)
        self.grid.setColumnStretch(3, 1)
        self.scroll.setWidget(self.table)
        self.layout_.addWidget(self.scroll, 1)
        self.note = QLabel(self)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.error)
        self.save_bar = SaveMappingBar(wizard, self)
        self.layout_.addWidget(self.save_bar)

    def initializePage(self) -> None:
        spec = self.wiz.spec
        key = (spec.kind, spec.path, tuple(spec.sheets), spec.header_row,
               tuple(sorted(spec.mapping.items(), key=lambda kv: kv[0])))
        if key == self.built_for:
            self.save_bar.refresh()
            return
        self.built_for = key
        db, kind = self.ctx.db, spec.kind
        path, sheets, header_row, mapping = spec.path, list(spec.sheets), spec.header_row, \
            dict(spec.mapping)
        labels = {name: label for name, label, _r in self.wiz.columns_page.fields}

        def work():
            out = []
            for column in wizard_service.coded_columns(kind):
                if column not in mapping or mapping[column].kind == "constant":
                    continue  # nothing written in the sheet to place
                found = wizard_service.distinct_values(path, sheets, header_row, mapping, column)
                texts = [t for t, _n in found]
                out.append((column, labels.get(column, column), found,
                            wizard_service.propose_values(db, kind, column, texts),
                            list(wizard_service.code_table(db, kind, column).items())))
            return out

        self._clear()
        self.load(work, self._build)

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.rows.clear()

    def _build(self, columns) -> None:
        spec = self.wiz.spec
        r = 0
        previous: QWidget | None = None
        if not columns:
            self.grid.addWidget(QLabel(_tr("ImportWizard", "この台帳には、コードに置き換える列がありません。"
                                                           "「次へ」で確認に進みます。"), self.table),
                                0, 0, 1, 4)
        for column, label, found, proposed, choices in columns:
            chosen = dict(proposed)
            chosen.update(spec.values.get(column, {}))  # the person's own (or a saved) choice wins
            source = describe_source(spec.mapping.get(column), spec.header)
            heading = QLabel(_tr("ImportWizard", "<b>{label}</b>（{source}）: {n}種類の値").format(
                label=label, source=source, n=len(found)), self.table)
            heading.setObjectName(f"heading_{column}")
            if r:
                heading.setContentsMargins(0, 12, 0, 0)  # a gap above each column's values
            self.grid.addWidget(heading, r, 0, 1, 4)
            r += 1
            for c, title in enumerate((_tr("ImportWizard", "書かれている値"),
                                       _tr("ImportWizard", "件数"),
                                       _tr("ImportWizard", "アプリの区分"))):
                self.grid.addWidget(QLabel(title, self.table), r, c)
            r += 1
            rows = []
            for text, count, in found[:MAX_VALUES]:
                value = QLabel(text or _tr("ImportWizard", "（空）"), self.table)
                value.setTextInteractionFlags(Qt.TextSelectableByMouse)
                number = QLabel(f"{count:,}", self.table)
                number.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
                combo = QComboBox(self.table)
                combo.setObjectName(f"value_{column}")
                combo.setProperty("text", text)
                combo.setMinimumWidth(200)
                # a value left as it is goes to the import unchanged (a code, a label or,
                # for 実施者, a volunteer's 登録ID is accepted there)
                combo.addItem(_tr("ImportWizard", "（そのまま）"), None)
                for code, code_label in choices:
                    combo.addItem(code_label, code)  # the label only: codes are the app's words
                at = combo.findData(chosen.get(text))
                combo.setCurrentIndex(max(at, 0))
                value.setBuddy(combo)
                combo.currentIndexChanged.connect(lambda _i, col=column: self._changed(col))
                self.grid.addWidget(value, r, 0)
                self.grid.addWidget(number, r, 1)
                self.grid.addWidget(combo, r, 2)
                if previous is not None:
                    QWidget.setTabOrder(previous, combo)
                previous = combo
                rows.append((text, count, combo))
                r += 1
            if len(found) > MAX_VALUES:
                more = QLabel(_tr("ImportWizard", "ほか {n} 種類の値があります。列の対応が正しいか"
                                                  "確かめてください。").format(n=len(found) - MAX_VALUES),
                              self.table)
                more.setStyleSheet(ERROR_STYLE)
                self.grid.addWidget(more, r, 0, 1, 4)
                r += 1
            self.rows[column] = rows
        self.grid.setRowStretch(r, 1)
        for column in self.rows:
            self._changed(column)

    def values(self, column: str) -> dict[str, str]:
        return {text: combo.currentData() for text, _n, combo in self.rows.get(column, [])
                if combo.currentData() is not None}

    def _changed(self, column: str) -> None:
        self.wiz.spec.values[column] = self.values(column)
        self.wiz.forget_checks()
        open_rows = sum(n for rows in self.rows.values() for _t, n, combo in rows
                        if combo.currentData() is None and _t)
        open_values = sum(1 for rows in self.rows.values() for _t, _n, combo in rows
                          if combo.currentData() is None and _t)
        self.note.setText(_tr("ImportWizard", "「そのまま」の値が {values} 種類（{rows} 行）あります。"
                                              "アプリの区分の名前でない値は、次の確認でエラーになります。").format(
            values=open_values, rows=open_rows) if open_values else "")
