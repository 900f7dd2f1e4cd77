"""Screenshots of the 行事・サロン screens with the demo data:

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_gatherings.py
    # other sizes / folder: ... shot_gatherings.py --size 1280x720 --out /tmp/shots

writes, into docs/screenshots/ (or --out): gatherings_events.png (this
month's events), gatherings_groups.png (the groups, 50音順),
gathering_meeting.png (a salon's next meeting proposed: date from its
pattern, regulars checked) and gathering_group_form.png (a group being
edited). The screen is shot at the size it has in the main window (the
window less its navigation list, menu and status bars); the dialogs at
their own size."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication

from coordinator_app.core import clock
from coordinator_app.core.access import SignedIn
from coordinator_app.services.demo import load_sample
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import AppContext
from coordinator_app.ui.theme import setup_fonts

TODAY = dt.date(2026, 11, 26)
WINDOW_CHROME = (168, 60)  # navigation list width; menu + status bar height


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    clock.set_now(TODAY)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_fonts(app)
    tmp = Path(tempfile.mkdtemp())
    db = Database.open(str(tmp / "demo.db"), create=True)
    load_sample(db, today=TODAY, with_accounts=False)
    from sqlalchemy import select

    from coordinator_app.core.models import Branch

    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == "05"))  # 原市支部
    user = SignedIn(0, "demo-coord", "デモ コーディネーター", "coordinator", b.id, b.code, b.name)
    ctx = AppContext(db=db, user=user)

    from coordinator_app.ui.gatherings.event_form import EventFormDialog
    from coordinator_app.ui.gatherings.group_form import GroupFormDialog
    from coordinator_app.ui.gatherings.screen import GatheringsScreen

    screen = GatheringsScreen(ctx)
    screen.resize(width - WINDOW_CHROME[0], height - WINDOW_CHROME[1])
    screen.show()
    app.processEvents()
    screen.grab().save(str(out / "gatherings_events.png"))
    screen.tabs.setCurrentWidget(screen.groups)
    screen.groups.status.setCurrentIndex(screen.groups.status.findData("all"))
    app.processEvents()
    screen.grab().save(str(out / "gatherings_groups.png"))

    salon = next(r for r in screen.groups.model.rows if r.kind == "salon" and r.active)
    form = EventFormDialog(ctx, group_id=salon.id)
    form.show()
    app.processEvents()
    form.grab().save(str(out / "gathering_meeting.png"))
    form.close()

    group_form = GroupFormDialog(ctx, salon.id)
    group_form.show()
    app.processEvents()
    group_form.grab().save(str(out / "gathering_group_form.png"))
    ctx.runner.wait()
    db.close()


if __name__ == "__main__":
    main()
