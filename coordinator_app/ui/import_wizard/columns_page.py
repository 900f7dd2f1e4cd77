"""Step 2: which column of the sheet fills each field of the ledger kind.
Every field gets a combo, proposed from the header words (氏名・お名前…);
姓+名 in two columns joined and a date over 年/月/日 columns combined show
as one choice; required fields are marked. A saved mapping can be picked
here, and the current one saved under a name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from coordinator_app.services import ledger_wizard as wizard_service
from coordinator_app.services.ledger_wizard import Source
from coordinator_app.ui.import_wizard.common import LoadingPage, SaveMappingBar
from coordinator_app.ui.import_wizard.source_page import column_letter
from coordinator_app.ui.widgets import ERROR_STYLE, REQUIRED

_tr = QCoreApplication.translate
SAMPLES = 3  # values shown beside each field, from the rows under the header


def is_date_field(name: str) -> bool:
    """The contract names its date columns ``…_on`` and ``birth_date``."""
    return name.endswith("_on") or name == "birth_date"


def describe_source(source: Source | None, header: list[str]) -> str:
    """A Source as the combo shows it: 「B列: お名前」, 「B列＋C列: 姓＋名（つなげる）」,
    「D〜F列: 年・月・日（日付にまとめる）」."""
    if source is None:
        return _tr("ImportWizard", "（取り込まない）")

    def head(i: int) -> str:
        return header[i] if i < len(header) and header[i] else _tr("ImportWizard", "（見出しなし）")

    cols = source.columns
    if source.kind == "column" and cols:
        return _tr("ImportWizard", "{letter}列: {header}").format(
            letter=column_letter(cols[0]), header=head(cols[0]))
    if source.kind == "join":
        return _tr("ImportWizard", "{letters}: {headers}（つなげる）").format(
            letters="＋".join(column_letter(i) + _tr("ImportWizard", "列") for i in cols),
            headers="＋".join(dict.fromkeys(head(i) for i in cols)))  # a merged header once
    if source.kind == "date":
        return _tr("ImportWizard", "{first}〜{last}列: {headers}（日付にまとめる）").format(
            first=column_letter(cols[0]), last=column_letter(cols[-1]),
            headers="・".join(dict.fromkeys(head(i) for i in cols)))
    if source.kind == "constant":
        return _tr("ImportWizard", "（すべての行で {value}）").format(value=source.value)
    if source.kind == "row_id":
        return _tr("ImportWizard", "（シート名と行番号から作る）")
    return source.kind


class ColumnsPage(LoadingPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard, _tr("ImportWizard", "2. 列と項目の対応"),
                         _tr("ImportWizard", "各項目に、ファイルのどの列を取り込むかを選んでください。"
                                             "見出しの言葉から選んであります。"
                                             "<span style='color:#b00020'>*</span> は必須です。"))
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        self.fields: list[tuple[str, str, bool]] = []
        self.proposed: wizard_service.Mapping = {}
        self.built_for: tuple | None = None
        self.branches: list = []

        saved_row = QHBoxLayout()
        self.saved = QComboBox(self)
        self.saved.setObjectName("savedMappings")
        self.saved.setMinimumWidth(240)
        self.use_saved = QPushButton(_tr("ImportWizard", "この対応を使う(&U)"), self)
        self.use_saved.setAutoDefault(False)
        saved_label = QLabel(_tr("ImportWizard", "保存した対応(&M)"), self)
        saved_label.setBuddy(self.saved)
        saved_row.addWidget(saved_label)
        saved_row.addWidget(self.saved)
        saved_row.addWidget(self.use_saved)
        saved_row.addStretch(1)
        self.layout_.addLayout(saved_row)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.table = QWidget(self.scroll)
        self.table.setObjectName("fieldTable")
        self.grid = QGridLayout(self.table)
        self.grid.setColumnStretch(2, 1)
        self.scroll.setWidget(self.table)
        self.layout_.addWidget(self.scroll, 1)
        self.note = QLabel(self)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(ERROR_STYLE)
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.error)
        self.save_bar = SaveMappingBar(wizard, self)
        self.layout_.addWidget(self.save_bar)

        self.use_saved.clicked.connect(self.apply_saved)

    # --- building the rows -------------------------------------------------------------------

    def initializePage(self) -> None:
        spec = self.wiz.spec
        key = (spec.kind, spec.path, tuple(spec.sheets), spec.header_row, tuple(spec.header))
        if key == self.built_for and self.combos:
            self.save_bar.refresh()
            return
        self.built_for = key
        kind, header, db = spec.kind, list(spec.header), self.ctx.db
        own = self.ctx.user.branch_code if not self.ctx.user.is_admin else None

        def work():
            from coordinator_app.services import admin

            return (wizard_service.contract_columns(kind),
                    wizard_service.propose_mapping(kind, header, own),
                    wizard_service.mapping_names(db, kind),
                    admin.list_branches(db) if own is None else [])

        self._clear_rows()
        self.load(work, self._build)

    def _clear_rows(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.combos.clear()
        self.samples.clear()

    def _build(self, result) -> None:
        self.fields, self.proposed, names, self.branches = result
        self.saved.clear()
        for name in names:
            self.saved.addItem(name)
        self.use_saved.setEnabled(bool(names))
        self.saved.setEnabled(bool(names))
        if not names:
            self.saved.addItem(_tr("ImportWizard", "（まだありません）"))
        for c, title in enumerate((_tr("ImportWizard", "項目"), _tr("ImportWizard", "取り込む列"),
                                   _tr("ImportWizard", "見本（最初の行）"))):
            head = QLabel(f"<b>{title}</b>", self.table)
            self.grid.addWidget(head, 0, c)
        previous = self.saved
        for r, (name, label, required) in enumerate(self.fields, start=1):
            title = QLabel(label + (REQUIRED if required else ""), self.table)
            title.setTextFormat(Qt.RichText)
            combo = QComboBox(self.table)
            combo.setObjectName(f"map_{name}")
            combo.setProperty("field", name)
            combo.setMinimumWidth(340)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            title.setBuddy(combo)
            sample = QLabel(self.table)
            sample.setObjectName(f"sample_{name}")
            sample.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.grid.addWidget(title, r, 0)
            self.grid.addWidget(combo, r, 1)
            self.grid.addWidget(sample, r, 2)
            self.combos[name] = combo
            self.samples[name] = sample
            self._fill_choices(name, required)
            self.set_source(name, self.wiz.spec.mapping.get(name, self.proposed.get(name)))
            combo.currentIndexChanged.connect(lambda _i, n=name: self._changed(n))
            QWidget.setTabOrder(previous, combo)
            previous = combo
        self.grid.setRowStretch(len(self.fields) + 1, 1)
        self.save_bar.refresh()
        self._changed(None)

    def _choices(self, name: str) -> list[Source]:
        """Every Source the field's combo offers: each column, and the
        joined/combined columns the header proposes (dates for date
        fields, joins for text fields), the branch as a constant and an
        ID made of the row number where they apply."""
        header = self.wiz.spec.header
        out: list[Source] = [Source("column", (i,)) for i in range(len(header))]
        composites = [s for s in self.proposed.values() if s.kind in ("join", "date")]
        wanted = "date" if is_date_field(name) else "join"
        out += [s for s in dict.fromkeys(composites) if s.kind == wanted]
        if name == "branch_code":
            if self.ctx.user.is_admin:
                out += [Source("constant", value=b.code) for b in self.branches]
            elif self.ctx.user.branch_code:
                out.append(Source("constant", value=self.ctx.user.branch_code))
        if name in ("external_id", "code"):
            out.append(Source("row_id"))
        proposed = self.proposed.get(name)
        if proposed is not None and proposed not in out:
            out.append(proposed)
        return out

    def _fill_choices(self, name: str, required: bool) -> None:
        combo = self.combos[name]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_tr("ImportWizard", "（選んでください）") if required
                      else describe_source(None, []), None)
        header = self.wiz.spec.header
        for source in self._choices(name):
            combo.addItem(self._describe(source, header), source)
        combo.blockSignals(False)

    def _describe(self, source: Source, header: list[str]) -> str:
        text = describe_source(source, header)
        if source.kind == "constant":
            branch = next((b for b in self.branches if b.code == source.value), None)
            name = branch.name if branch else (self.ctx.user.branch_name or "")
            text = _tr("ImportWizard", "（すべての行で {code} {name}）").format(
                code=source.value, name=name)
        return text

    def set_source(self, name: str, source: Source | None) -> None:
        """Choose ``source`` in the field's combo (added when not offered,
        e.g. from a saved mapping)."""
        combo = self.combos[name]
        for i in range(combo.count()):
            if combo.itemData(i) == source:
                combo.setCurrentIndex(i)
                return
        combo.addItem(self._describe(source, self.wiz.spec.header), source)
        combo.setCurrentIndex(combo.count() - 1)

    def source(self, name: str) -> Source | None:
        return self.combos[name].currentData()

    def mapping(self) -> wizard_service.Mapping:
        return {name: combo.currentData() for name, combo in self.combos.items()
                if combo.currentData() is not None}

    # --- samples and checks ------------------------------------------------------------------

    def _data_rows(self) -> list[list[str]]:
        model = self.wiz.source_page.model
        rows = [model.row_at(i)[1] for i in range(self.wiz.spec.header_row, model.rowCount())]
        return [r for r in rows if any(r)]

    def _sample(self, source: Source | None) -> str:
        if source is None:
            return ""
        shown = []
        for row in self._data_rows()[:SAMPLES]:
            parts = [row[i] if i < len(row) else "" for i in source.columns]
            if source.kind == "column":
                shown.append(parts[0])
            elif source.kind == "join":
                shown.append((source.sep or " ").join(p for p in parts if p))
            elif source.kind == "date":
                shown.append("/".join(parts))
        if source.kind == "constant":
            return source.value
        return "、".join(s for s in shown if s)

    def _changed(self, name: str | None) -> None:
        names = [name] if name else list(self.combos)
        for n in names:
            self.samples[n].setText(self._sample(self.source(n)))
        self.wiz.spec.mapping = self.mapping()
        self.wiz.forget_checks()
        missing = [label for n, label, required in self.fields
                   if required and self.source(n) is None]
        used: dict[int, list[str]] = {}
        for n, label, _r in self.fields:
            s = self.source(n)
            if s is not None and s.kind == "column":
                used.setdefault(s.columns[0], []).append(label)
        twice = [f"{column_letter(c)}列（{'・'.join(labels)}）" for c, labels in used.items()
                 if len(labels) > 1]
        notes = []
        if missing:
            notes.append(_tr("ImportWizard", "必須の項目に列を選んでください: {labels}").format(
                labels="、".join(missing)))
        if twice:
            notes.append(_tr("ImportWizard", "同じ列を複数の項目に選んでいます: {cols}").format(
                cols="、".join(twice)))
        self.note.setText("\n".join(notes))
        self.completeChanged.emit()

    def ready(self) -> bool:
        return bool(self.combos) and all(self.source(n) is not None
                                         for n, _l, required in self.fields if required)

    # --- saved mappings ------------------------------------------------------------------

    def add_saved_name(self, name: str) -> None:
        if not self.saved.isEnabled():
            self.saved.clear()
        if self.saved.findText(name) < 0:
            self.saved.addItem(name)
        self.saved.setCurrentText(name)
        self.saved.setEnabled(True)
        self.use_saved.setEnabled(True)

    def apply_saved(self) -> None:
        name = self.saved.currentText()
        if not name or not self.saved.isEnabled():
            return
        db, path = self.ctx.db, self.wiz.spec.path
        self.load(lambda: wizard_service.load_mapping(db, name, path), self._saved_loaded)

    def _saved_loaded(self, saved: wizard_service.WizardSpec) -> None:
        for name in self.combos:
            self.set_source(name, saved.mapping.get(name))
        self._changed(None)
        self.wiz.spec.values = {k: dict(v) for k, v in saved.values.items()}
        differs = saved.header and [h for h in saved.header if h] != \
            [h for h in self.wiz.spec.header if h]
        told = _tr("ImportWizard", "保存した対応「{name}」を使いました。").format(
            name=self.saved.currentText())
        if differs:
            told += _tr("ImportWizard",
                        "見出しが保存したときと違います。各項目の列を確かめてください。")
        self.note.setText("\n".join(t for t in (told, self.note.text()) if t))
