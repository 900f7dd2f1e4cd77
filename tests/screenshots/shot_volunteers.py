"""Screenshots of the ボランティア screens with the demo data:

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_volunteers.py

writes docs/screenshots/volunteer_form.png (the registration form, a
group being registered) and docs/screenshots/volunteer_search.png (the
search: drivers free on Tuesday mornings in a 原市 area, then the list)."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.services.demo import load_sample  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402
from coordinator_app.ui.context import AppContext  # noqa: E402
from coordinator_app.ui.theme import setup_fonts  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 11, 26)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    setup_fonts(app)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    db = Database.open(str(tmp / "demo.db"), create=True)
    load_sample(db, today=TODAY, with_accounts=False)
    from sqlalchemy import select

    from coordinator_app.core.models import Branch

    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == "05"))  # 原市支部
    user = SignedIn(0, "demo-coord", "デモ コーディネーター", "coordinator", b.id, b.code, b.name)
    ctx = AppContext(db=db, user=user)

    from coordinator_app.ui.volunteers.form import VolunteerFormDialog
    from coordinator_app.ui.volunteers.screen import VolunteersScreen

    screen = VolunteersScreen(ctx)
    screen.resize(1366, 768)
    screen.show()
    # 見守り協力員 who can help on Tuesdays (any time of day).
    screen.search.set_filters(role="watch", weekday=1)
    screen.search.view.resizeColumnsToContents()
    app.processEvents()
    screen.grab().save(str(OUT / "volunteer_search.png"))

    form = VolunteerFormDialog(ctx)
    form.kind.setCurrentIndex(form.kind.findData("group"))
    form.picker.search.setText("原市")  # existing groups are listed; this one is new
    form.picker.refresh()
    form.picker.is_new.setChecked(True)
    form.picker.new_name.setText("原市見守りの会")
    form.picker.new_kana.setText("はらいちみまもりのかい")
    form.contact_person.setText("見本 一郎")
    form.member_count.setValue(8)
    form.phone.setText("048-000-9999")
    form.address.setText("上尾市原市1-2-3")
    form.area.setCurrentText("原市第1自治会")
    for code in ("watch", "driver"):
        form.role_boxes[code].setChecked(True)
    form.skills.set_tags(["運転", "傾聴"])
    form.availability.set_cells({(1, "am"), (3, "am"), (3, "pm")})
    form.covered_model.set_checked([form.covered_model.row_at(1)[0]])
    form.show()
    form.resize(form.sizeHint().expandedTo(form.minimumSize()))
    app.processEvents()
    form.grab().save(str(OUT / "volunteer_form.png"))
    print(f"form {form.width()}x{form.height()}, search {screen.width()}x{screen.height()}")
    db.close()


if __name__ == "__main__":
    main()
