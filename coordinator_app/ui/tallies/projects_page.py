"""事業・評価: the plan's 基本目標 → 施策の方向性 → 事業 (issue 17) as a tree;
the selected item's number and name, a 事業's ※重点, overview and
部局名・課名・係名, its indicators (再掲 ones marked), the evaluator's
grade per fiscal year beside the app's proposal, and the six narratives
of the year. Keyboard: the tree and the form follow the Tab order, Ctrl+S
(or Ctrl+Enter) saves, Delete deletes the selected item after a
question (a 事業 holding grades or narratives asks twice). City staff
and administrators, as for the sheet's headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock
from coordinator_app.core import indicator_rules as core
from coordinator_app.core.dates import fiscal_year_label, fiscal_year_of
from coordinator_app.services import indicators as service
from coordinator_app.services import plan as plans
from coordinator_app.services.indicators import NARRATIVE_FIELDS, Narrative
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.tallies.common import (
    FiscalYearCombo,
    ask,
    error_text,
    run_job,
    warn,
)
from coordinator_app.ui.widgets import save_shortcuts

KINDS = {"goal": "基本目標", "policy": "施策の方向性", "project": "事業"}
ROLE = Qt.UserRole


class ProjectsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_tree: plans.PlanTree | None = None
        self.editing: tuple[str, int, int] | None = None  # (kind, id or 0 new, parent id)
        self.result: plans.ProjectResult | None = None
        self._build_top()
        self._build_tree()
        self._build_form()
        self._lay_out()
        self.year.currentIndexChanged.connect(self.load_selected)
        self.source.currentIndexChanged.connect(self.load_selected)

    # --- building -----------------------------------------------------------------
    def _build_top(self) -> None:
        p = service.get_plan(self.ctx.db)
        today = clock.today()
        self.year = FiscalYearCombo(min(p.first_fy, today.year - 5),
                                    max(p.last_fy, fiscal_year_of(today)), self)
        self.source = QComboBox(self)
        for key, label in service.SOURCES.items():
            self.source.addItem(self.tr(label), key)
        self.add_goal = QPushButton(self.tr("基本目標を追加"), self)
        self.add_policy = QPushButton(self.tr("施策を追加"), self)
        self.add_project = QPushButton(self.tr("事業を追加"), self)
        self.delete_button = QPushButton(self.tr("削除 (Del)"), self)
        self.add_goal.clicked.connect(lambda: self.start_new("goal"))
        self.add_policy.clicked.connect(lambda: self.start_new("policy"))
        self.add_project.clicked.connect(lambda: self.start_new("project"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

    def _build_tree(self) -> None:
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("計画の構成"), self.tr("指標")])
        self.tree.setColumnWidth(0, 300)
        self.tree.currentItemChanged.connect(lambda *_: self._select(self.tree.currentItem()))
        delete = QShortcut(QKeySequence.Delete, self.tree)
        delete.setContext(Qt.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

    def _build_form(self) -> None:
        self.kind_label = QLabel(self)
        self.kind_label.setStyleSheet("font-weight: bold;")
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("例: １・（４）・②"))
        self.name = QLineEdit(self)
        self.focus = QCheckBox(self.tr("重点的評価施策（※）"), self)
        self.overview = QPlainTextEdit(self)
        self.overview.setTabChangesFocus(True)
        self.overview.setFixedHeight(54)
        self.department, self.office, self.team = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.kind_label)
        form.addRow(self.tr("番号"), self.number)
        form.addRow(self.tr("名前"), self.name)
        form.addRow("", self.focus)
        form.addRow(self.tr("事業の概要"), self.overview)
        form.addRow(self.tr("部局名"), self.department)
        form.addRow(self.tr("課名"), self.office)
        form.addRow(self.tr("係名"), self.team)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"), self)
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        self.head_form = form

        # The 事業's indicators.
        self.links = QListWidget(self)
        self.links.setMaximumHeight(64)
        self.indicator = QComboBox(self)
        self.restated = QCheckBox(self.tr("再掲"), self)
        self.attach_button = QPushButton(self.tr("指標を加える"), self)
        self.attach_button.clicked.connect(self.attach)
        self.detach_button = QPushButton(self.tr("外す"), self)
        self.detach_button.clicked.connect(self.detach)
        self.links_box = QGroupBox(self.tr("指標（目標の行）"), self)
        lb = QVBoxLayout(self.links_box)
        lb.addWidget(self.links)
        row = QHBoxLayout()
        row.addWidget(self.indicator, 1)
        row.addWidget(self.restated)
        row.addWidget(self.attach_button)
        row.addWidget(self.detach_button)
        lb.addLayout(row)

        # The grade of the year: the proposal beside the decision.
        self.figures = QLabel(self)
        self.figures.setTextFormat(Qt.RichText)  # no word wrap: a wrapped table is cut short
        self.proposal = QLabel(self)
        self.grade = QComboBox(self)
        self.grade.addItem(self.tr("まだ決めない"), "")
        for g, label in core.DECISIONS.items():
            self.grade.addItem(f"{g}　{label}" if g in core.GRADES else self.tr(label), g)
        self.memo = QLineEdit(self)
        self.memo.setPlaceholderText(self.tr("メモ（印刷しません）"))
        self.decide_button = QPushButton(self.tr("評価を決める"), self)
        self.decide_button.clicked.connect(self.decide)
        self.grade_box = QGroupBox(self.tr("評価"), self)
        gl = QVBoxLayout(self.grade_box)
        gl.addWidget(self.figures)
        g_row = QHBoxLayout()
        g_row.addWidget(self.proposal)
        g_row.addWidget(self.grade)
        g_row.addWidget(self.memo, 1)
        g_row.addWidget(self.decide_button)
        gl.addLayout(g_row)

        self.narrative_edits: dict[str, QPlainTextEdit] = {}
        self.narratives_box = QGroupBox(self.tr("記述（年度ごと）"), self)
        grid = QGridLayout(self.narratives_box)
        for i, (name, label) in enumerate(NARRATIVE_FIELDS):
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            self.narrative_edits[name] = edit
            box = QVBoxLayout()
            box.addWidget(QLabel(self.tr(label), self))
            box.addWidget(edit)
            grid.addLayout(box, i // 2, i % 2)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addWidget(QLabel(self.tr("集計元"), self))
        top.addWidget(self.source)
        top.addStretch(1)
        for w in (self.add_goal, self.add_policy, self.add_project, self.delete_button):
            top.addWidget(w)
        detail = QWidget(self)
        dl = QVBoxLayout(detail)
        dl.addLayout(self.head_form)
        dl.addWidget(self.links_box)
        dl.addWidget(self.grade_box)
        dl.addWidget(self.narratives_box, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        split = QSplitter(self)
        split.addWidget(self.tree)
        split.addWidget(scroll)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 880])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        save_shortcuts(self, self.save, self.save_button)
        self._show_kind(None)

    # --- loading ------------------------------------------------------------------
    def reload(self, keep: tuple[str, int] | None = None) -> None:
        """Refill the tree (keeping the selection) and the indicator choice."""
        keep = keep or self._selected()
        db, user = self.ctx.db, self.ctx.user
        self.plan_tree = plans.tree(db, user)
        self.indicator.clear()
        for info in service.list_indicators(db, user):
            self.indicator.addItem(f"{info.name}（{info.code}）", info.code)
        self.tree.blockSignals(True)
        self.tree.clear()
        found = None
        t = self.plan_tree
        for g in t.goals:
            gi = self._item(self.tree, "goal", g.id, g.label)
            for p in t.policies_of(g.id):
                pi = self._item(gi, "policy", p.id, p.label)
                for pr in t.projects_of(p.id):
                    label = ("※" if pr.focus else "") + pr.label
                    item = self._item(pi, "project", pr.id, label)
                    item.setText(1, self.tr("{0}件").format(len(pr.links)) if pr.links
                                 else self.tr("なし"))
        self.tree.expandAll()
        for item in self._items():
            if item.data(0, ROLE) == keep:
                found = item
        self.tree.blockSignals(False)
        if found is not None:
            self.tree.setCurrentItem(found)
            self._select(found)
        elif self.editing is None or self.editing[1]:
            self._select(None)

    def _item(self, parent, kind: str, id_: int, label: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [label or self.tr("（名前なし）")])
        item.setData(0, ROLE, (kind, id_))
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        out, stack = [], [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack += [item.child(i) for i in range(item.childCount())]
        return out

    def _selected(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None else None

    def select(self, kind: str, id_: int) -> None:
        for item in self._items():
            if item.data(0, ROLE) == (kind, id_):
                self.tree.setCurrentItem(item)

    def _show_kind(self, kind: str | None) -> None:
        project = kind == "project"
        for w in (self.focus, self.overview, self.department, self.office, self.team):
            w.setEnabled(project)
        for w in (self.number, self.name, self.save_button):
            w.setEnabled(kind is not None)
        for w in (self.links_box, self.grade_box, self.narratives_box):
            w.setVisible(project)
        self.kind_label.setText(self.tr(KINDS[kind]) if kind else self.tr(
            "左の一覧から選ぶか、「基本目標を追加」で計画を作ってください"))

    def _find(self, kind: str, id_: int):
        t = self.plan_tree
        pool = {"goal": t.goals, "policy": t.policies, "project": t.projects}[kind]
        return next((x for x in pool if x.id == id_), None)

    def _select(self, item: QTreeWidgetItem | None) -> None:
        key = item.data(0, ROLE) if item is not None else None
        if key is None:
            self.editing = None
            self._show_kind(None)
            return
        kind, id_ = key
        node = self._find(kind, id_)
        parent = getattr(node, "goal_id", 0) or getattr(node, "policy_id", 0)
        self.editing = (kind, id_, parent)
        self._show_kind(kind)
        self.number.setText(node.number)
        self.name.setText(node.name)
        if kind == "project":
            self.focus.setChecked(node.focus)
            self.overview.setPlainText(node.overview)
            for name in ("department", "office", "team"):
                getattr(self, name).setText(getattr(node, name))
            self.links.clear()
            for link in node.links:
                self.links.addItem(link.name + (self.tr("（再掲）") if link.restated else ""))
            self.load_selected()

    def load_selected(self) -> None:
        """The selected 事業's figures, grade and narratives of the year."""
        if not self.editing or self.editing[0] != "project" or not self.editing[1]:
            return
        id_, fy, source = self.editing[1], self.year.value(), self.source.currentData()
        db, user = self.ctx.db, self.ctx.user
        run_job(self, lambda progress: (id_, fy, plans.evaluate_project(db, user, id_, fy, source)),
                on_done=self._fill, on_error=lambda exc: self.status.setText(error_text(exc)))

    def _fill(self, payload) -> None:
        id_, fy, result = payload
        if not self.editing or self.editing[:2] != ("project", id_) or fy != self.year.value():
            return
        self.result = result
        cells = []
        for f in result.series:
            decided = core.DECISIONS[f.decided] if f.decided == core.NO_GRADE else f.decided
            cells.append(f"<td style='padding:0 8px'>{fiscal_year_label(f.fiscal_year)}<br>"
                         f"{self.tr('提案')} {f.proposed or '—'}<br><b>{decided or '—'}</b></td>")
        rows = "".join(
            f"<tr><td>{r.info.name}{self.tr('（再掲）') if again else ''}</td>"
            f"<td>{self.tr('目標')} {core.format_value(r.year.target, r.info.unit) or '—'}・"
            f"{self.tr('実績')} {core.format_value(r.year.actual, r.info.unit) or '—'}"
            f"{self.tr('（入力）') if r.year.typed else ''}</td></tr>"
            for r, again in result.rows)
        self.figures.setText(f"<table><tr>{''.join(cells)}</tr></table><table>{rows}</table>")
        self.figures.setMinimumHeight(self.figures.sizeHint().height())  # never squeezed
        year = result.year(fy)
        self.proposal.setText(self.tr("{0}の提案: {1}").format(
            fiscal_year_label(fy), year.proposed or self.tr("なし")))
        self.grade.setCurrentIndex(max(0, self.grade.findData(year.decided)))
        self.memo.setText(year.memo)
        for name, edit in self.narrative_edits.items():
            edit.setPlainText(getattr(result.narrative, name))

    # --- writing ------------------------------------------------------------------
    def start_new(self, kind: str) -> None:
        """An empty form for a new item under the selected one's parent."""
        key = self._selected()
        parent = 0
        if kind != "goal":
            if key is None:
                warn(self, self.tr("先に、{0}を置く{1}を左の一覧で選んでください").format(
                    self.tr(KINDS[kind]), self.tr(KINDS["goal" if kind == "policy" else "policy"])))
                return
            node = self._find(*key)
            want = "goal" if kind == "policy" else "policy"
            if key[0] == want:
                parent = key[1]
            elif key[0] == "project" and want == "policy":
                parent = node.policy_id
            elif key[0] == "policy" and want == "goal":
                parent = node.goal_id
            else:
                warn(self, self.tr("{0}は{1}の下に作ります。{1}を選んでください").format(
                    self.tr(KINDS[kind]), self.tr(KINDS[want])))
                return
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(None)
        self.tree.blockSignals(False)
        self.editing = (kind, 0, parent)
        self._show_kind(kind)
        for w in (self.number, self.name, self.department, self.office, self.team):
            w.clear()
        self.overview.clear()
        self.focus.setChecked(False)
        self.kind_label.setText(self.tr("新しい{0}").format(self.tr(KINDS[kind])))
        self.number.setFocus()

    def save(self) -> None:
        if not self.editing:
            return
        kind, id_, parent = self.editing
        number, name = self.number.text(), self.name.text()
        narrative = Narrative(**{n: e.toPlainText() for n, e in self.narrative_edits.items()})
        fy = self.year.value()
        focus, overview = self.focus.isChecked(), self.overview.toPlainText()
        texts = (self.department.text(), self.office.text(), self.team.text())
        db, user = self.ctx.db, self.ctx.user

        def job(progress):
            if kind == "goal":
                return kind, plans.save_goal(db, user, plans.Goal(id_, number, name))
            if kind == "policy":
                return kind, plans.save_policy(db, user, plans.Policy(id_, parent, number, name))
            saved = plans.save_project(db, user, plans.Project(
                id_, parent, number, name, focus, overview, *texts))
            if id_:
                plans.save_narrative(db, user, saved, fy, narrative)
            return kind, saved

        run_job(self, job, on_done=self._saved, on_error=lambda exc: warn(self, error_text(exc)))

    def _saved(self, key: tuple[str, int]) -> None:
        self.status.setText(self.tr("保存しました"))
        self.editing = None
        self.ctx.notify("indicators")
        self.reload(key)

    def attach(self) -> None:
        code = self.indicator.currentData()
        if not self.editing or self.editing[0] != "project" or not self.editing[1] or not code:
            return
        id_, restated = self.editing[1], self.restated.isChecked()
        db, user = self.ctx.db, self.ctx.user
        run_job(self, lambda progress: plans.attach_indicator(db, user, id_, code, restated),
                on_done=lambda _: self._saved(("project", id_)),
                on_error=lambda exc: warn(self, error_text(exc)))

    def detach(self) -> None:
        row = self.links.currentRow()
        if not self.editing or self.editing[0] != "project" or row < 0:
            return
        id_ = self.editing[1]
        code = self._find("project", id_).links[row].code
        db, user = self.ctx.db, self.ctx.user
        run_job(self, lambda progress: plans.detach_indicator(db, user, id_, code),
                on_done=lambda _: self._saved(("project", id_)),
                on_error=lambda exc: warn(self, error_text(exc)))

    def decide(self) -> None:
        if not self.editing or self.editing[0] != "project" or not self.editing[1]:
            return
        id_, fy = self.editing[1], self.year.value()
        grade, memo = self.grade.currentData(), self.memo.text()
        db, user = self.ctx.db, self.ctx.user
        run_job(self, lambda progress: plans.decide_grade(db, user, id_, fy, grade, memo),
                on_done=lambda _: (self.status.setText(self.tr("評価を記録しました")),
                                   self.ctx.notify("indicators"), self.load_selected()),
                on_error=lambda exc: warn(self, error_text(exc)))

    def delete_selected(self) -> None:
        """Asks first; a 事業 with grades or narratives asks again, naming the years."""
        key = self._selected()
        if key is None:
            return
        kind, id_ = key
        node = self._find(kind, id_)
        db, user = self.ctx.db, self.ctx.user
        delete = {"goal": plans.delete_goal, "policy": plans.delete_policy}.get(kind)

        def run(confirmed: bool) -> None:
            def job(progress):
                if delete is not None:
                    return delete(db, user, id_)
                return plans.delete_project(db, user, id_, confirmed)

            def failed(exc) -> None:
                if isinstance(exc, plans.NeedsConfirmation):
                    ask(self, str(exc), lambda: run(True), self.tr("評価・記述も削除しますか"))
                else:
                    warn(self, error_text(exc))

            run_job(self, job, on_done=lambda _: (
                self.status.setText(self.tr("削除しました")), self.ctx.notify("indicators"),
                self.reload()), on_error=failed)

        ask(self, self.tr("{0}「{1}」を削除しますか？").format(
            self.tr(KINDS[kind]), node.label if node else ""), lambda: run(False))
