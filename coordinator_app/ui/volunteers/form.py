"""ボランティア登録: the form for registering (or editing) an individual or
a group. The person is picked from the branch's residents, never retyped;
Ctrl+S saves, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.core import clock, codes
from coordinator_app.core.dates import fiscal_year_label, fiscal_year_of
from coordinator_app.services import people, saving, volunteers
from coordinator_app.services.volunteers import VolunteerInput
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.person_picker import PersonPicker
from coordinator_app.ui.saving import SaveNotice, run_save
from coordinator_app.ui.volunteers.inputs import AvailabilityGrid, TagLineEdit
from coordinator_app.ui.volunteers.tables import CheckListModel
from coordinator_app.ui.widgets import DateLineEdit, save_shortcuts


class VolunteerFormDialog(QDialog):
    """``saved(volunteer_id)`` is emitted after the write committed."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, volunteer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volunteer_id = volunteer_id
        self.base_version: int | None = None  # set by _load; see services.saving
        self.setWindowTitle(self.tr("ボランティア登録") if volunteer_id is None
                            else self.tr("ボランティア登録の編集"))
        self.setMinimumWidth(1100)
        self._build()
        self._load_choices()
        if volunteer_id is not None:
            self._load(volunteer_id)
        else:
            self.registered_on.setDate(clock.today())
        self._kind_changed()

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        columns = QHBoxLayout()
        columns.addLayout(self._build_person(), 1)
        columns.addSpacing(16)
        columns.addLayout(self._build_activity(), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        self.notice = SaveNotice(self)  # someone saved first / the connection dropped
        layout.addWidget(self.notice)
        layout.addLayout(self._build_buttons())

    def _build_person(self) -> QFormLayout:
        """Who: kind, the person (picked, or fixed when editing), contact
        details, registration and insurance."""
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.kind = QComboBox(self)
        for code, label in codes.VOLUNTEER_KIND.items():
            self.kind.addItem(self.tr(label), code)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        left.addRow(self.tr("種別(&K)"), self.kind)
        if self.volunteer_id is None:
            self.picker = PersonPicker(self.ctx, self)
            self.picker.search.setPlaceholderText(self.tr("氏名・団体名・ふりがなで検索"))
            # Phone is entered below, once, for new and existing people alike.
            self.picker.is_new.toggled.connect(lambda _on: self.picker.new_phone.setVisible(False))
            self.picker.new_phone.setVisible(False)
            self.picker.personChanged.connect(self._person_chosen)
            self.picker.is_new.toggled.connect(lambda _on: self._person_chosen(self.picker.person_id()))
            self._person_chosen(None)
            left.addRow(self.tr("氏名・団体名(&N)"), self.picker)
            self.setFocusProxy(self.picker.search)
        else:
            self.picker = None
            self.person_label = QLabel(self)
            left.addRow(self.tr("氏名・団体名"), self.person_label)
        self.contact_person = QLineEdit(self)
        self.contact_person.setPlaceholderText(self.tr("団体の連絡担当者の氏名"))
        self.member_count = QSpinBox(self)
        self.member_count.setRange(0, 9999)
        self.member_count.setSuffix(self.tr(" 人"))
        left.addRow(self.tr("連絡担当者"), self.contact_person)
        left.addRow(self.tr("人数"), self.member_count)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText("048-000-0000")
        left.addRow(self.tr("電話番号(&P)"), self.phone)
        self.address = QLineEdit(self)
        left.addRow(self.tr("住所"), self.address)
        self.area = QComboBox(self)
        self.area.setEditable(True)
        left.addRow(self.tr("自治会"), self.area)
        self.registered_on = DateLineEdit(self, required=True)
        left.addRow(self.tr("登録日(&D)"), self.registered_on)
        self.insurance = QComboBox(self)
        left.addRow(self.tr("ボランティア保険"), self.insurance)
        self.rows_for_group = [self.contact_person, self.member_count]
        self._left_form = left
        return left

    def _build_activity(self) -> QFormLayout:
        """What and where: roles, skills, available times, areas covered."""
        roles_box = QGroupBox(self.tr("活動内容（1つ以上）"), self)
        self.roles_grid = QGridLayout(roles_box)
        self.role_boxes: dict[str, QCheckBox] = {}
        self.skills = TagLineEdit(self)
        self.availability = AvailabilityGrid(self)
        times_box = QGroupBox(self.tr("活動できる曜日・時間帯"), self)
        QVBoxLayout(times_box).addWidget(self.availability)
        self.covered_model = CheckListModel(self)
        self.covered = QListView(self)
        self.covered.setModel(self.covered_model)
        self.covered.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.covered.setMaximumHeight(96)
        right = QFormLayout()
        right.addRow(roles_box)
        right.addRow(self.tr("特技(&S)"), self.skills)
        right.addRow(times_box)
        right.addRow(self.tr("活動できる地域\n（自分の自治会以外）"), self.covered)
        return right

    def _build_buttons(self) -> QHBoxLayout:
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"), self)
        cancel = QPushButton(self.tr("キャンセル"), self)
        for b in (self.save_button, cancel):
            b.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        save_shortcuts(self, self.save, self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        return buttons

    def _load_choices(self) -> None:
        for i, role in enumerate(volunteers.list_roles(self.ctx.db)):
            box = QCheckBox(self.tr(role.label), self)
            box.setObjectName(f"role_{role.code}")
            self.roles_grid.addWidget(box, i // 4, i % 4)
            self.role_boxes[role.code] = box
        self.skills.set_suggestions(volunteers.skill_suggestions(self.ctx.db, self.ctx.user))
        areas = volunteers.list_branch_areas(self.ctx.db, self.ctx.user)
        self.covered_model.set_rows(areas)
        self.area.addItem("")
        self.area.addItems([name for _, name in areas])
        fy = fiscal_year_of(clock.today())
        for year in (fy, fy - 1, fy - 2):
            self.insurance.addItem(f"{fiscal_year_label(year)}（{year}）", year)
        self.insurance.addItem(self.tr("未加入"), None)

    def _kind_changed(self) -> None:
        group = self.kind.currentData() == "group"
        for w in self.rows_for_group:
            w.setVisible(group)
            self._left_form.labelForField(w).setVisible(group)

    def _person_chosen(self, person_id) -> None:
        if person_id is None:  # the picker says 匿名; a volunteer is never anonymous
            self.picker.chosen.setText(self.tr("新しく登録") if self.picker.is_new.isChecked()
                                       else self.tr("未選択"))
            return
        p = people.get_person(self.ctx.db, self.ctx.user, person_id)
        self.phone.setText(p.phone)
        self.address.setText(p.address)
        self.area.setCurrentText(p.area)

    def _load(self, volunteer_id: int) -> None:
        d = volunteers.get_volunteer(self.ctx.db, self.ctx.user, volunteer_id)
        self.base_version = d.version
        self.person_label.setText(f"{d.name}（{d.kana}）" if d.kana else d.name)
        self.kind.setCurrentIndex(self.kind.findData(d.kind))
        self.contact_person.setText(d.contact_person)
        self.member_count.setValue(d.member_count or 0)
        self.phone.setText(d.phone)
        self.address.setText(d.address)
        self.area.setCurrentText(d.area)
        self.registered_on.setDate(d.registered_on)
        if self.insurance.findData(d.insurance_fy) < 0:
            self.insurance.insertItem(0, f"{fiscal_year_label(d.insurance_fy)}（{d.insurance_fy}）",
                                      d.insurance_fy)
        self.insurance.setCurrentIndex(self.insurance.findData(d.insurance_fy))
        for code in d.roles:
            if code not in self.role_boxes:  # a role made inactive since
                box = QCheckBox(code, self)
                self.roles_grid.addWidget(box, len(self.role_boxes) // 4, len(self.role_boxes) % 4)
                self.role_boxes[code] = box
            self.role_boxes[code].setChecked(True)
        self.skills.set_tags(d.skills)
        self.availability.set_cells(d.availability)
        self.covered_model.set_checked(a for a, _ in d.covered_areas)

    # --- saving ------------------------------------------------------------------------
    def form_input(self) -> VolunteerInput:
        """What the form holds, as the service's input (not yet validated)."""
        new = self.picker.new_person_fields() if self.picker else None
        return VolunteerInput(
            kind=self.kind.currentData(),
            person_id=self.picker.person_id() if self.picker else None,
            new_person=new,
            phone=self.phone.text().strip(), address=self.address.text().strip(),
            area=self.area.currentText().strip(),
            contact_person=self.contact_person.text().strip(),
            member_count=self.member_count.value() or None,
            roles=[c for c, box in self.role_boxes.items() if box.isChecked()],
            skills=self.skills.tags(),
            availability=self.availability.cells(),
            covered_area_ids=self.covered_model.checked_ids(),
            registered_on=self.registered_on.date(),
            insurance_fy=self.insurance.currentData(),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        if self.registered_on.error():
            self.show_error(self.tr("登録日: ") + self.registered_on.error())
            self.registered_on.setFocus()
            return
        data = self.form_input()
        db, user, vid, base = self.ctx.db, self.ctx.user, self.volunteer_id, self.base_version
        if vid is None:
            key = saving.new_key()  # one per save, kept through its retries

            def work():
                return volunteers.register_volunteer(db, user, data, client_key=key)
        else:
            def work():
                volunteers.update_volunteer(db, user, vid, data, base_version=base)
                return vid
        self.save_button.setEnabled(False)
        self.error.clear()
        run_save(self.ctx.runner, work, on_done=self._saved, on_error=self._failed,
                 on_reconnecting=self.notice.reconnecting)

    def _saved(self, volunteer_id: int) -> None:
        self.volunteer_id = volunteer_id
        self.ctx.notify("volunteer")
        self.saved.emit(volunteer_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, saving.StaleEdit):
            # Keep what was typed; the next save goes on top of the newer version.
            self.base_version = exc.version
            self.notice.stale(self._describe(exc.newer))
            return
        self.notice.clear()
        if isinstance(exc, (ValueError, LookupError, PermissionError)):
            self.show_error(str(exc))
        else:
            self.show_error(self.tr("保存できませんでした: ") + str(exc))

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _describe(self, d: volunteers.VolunteerDetail) -> list[str]:
        """The newer registration as lines of 「項目: 値」."""
        labels = {r.code: r.label for r in volunteers.list_roles(self.ctx.db, True)}
        return [
            f"氏名: {d.name}（{d.kana}）　種別: {codes.VOLUNTEER_KIND.get(d.kind, d.kind)}",
            f"電話: {d.phone}　住所: {d.address}　自治会: {d.area}",
            f"登録日: {d.registered_on.isoformat()}　保険: "
            + (fiscal_year_label(d.insurance_fy) if d.insurance_fy else "未加入"),
            "活動内容: " + "、".join(labels.get(c, c) for c in d.roles),
            "特技・資格: " + "、".join(d.skills),
            "活動できる地域: " + "、".join(name for _, name in d.covered_areas),
        ]
