"""Screenshots of the 見守り screen with the demo data:

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_watch.py

writes docs/screenshots/watch_worklist.png (今月の見守り, most urgent
first), docs/screenshots/watch_contact.png (a contact being entered from
the worklist, 異変あり asking what was noticed) and
docs/screenshots/rollcall.png (a disaster roll-call in progress)."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.services import watch  # noqa: E402
from coordinator_app.services.demo import load_sample  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402
from coordinator_app.ui.context import AppContext  # noqa: E402
from coordinator_app.ui.theme import setup_fonts  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 11, 26)


def wait(app, page) -> None:
    page.ctx.runner.wait()
    for _ in range(20):
        app.processEvents()
        if not getattr(page, "loading", False):
            break
        page.ctx.runner.wait(200)


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
        b = s.scalar(select(Branch).where(Branch.code == "01"))
    user = SignedIn(0, "demo-coord", "デモ コーディネーター", "coordinator", b.id, b.code, b.name)
    ctx = AppContext(db=db, user=user)
    # A concern found last week, still being followed up, so the worklist
    # shows every state.
    rows = watch.worklist(db, user, today=TODAY).rows
    target = next(r for r in rows if r.state == "reached")
    watch.record_contact(db, user, target.watch_user_id, contacted_on=TODAY - dt.timedelta(days=3),
                         method="visit", result="concern", by_staff=False,
                         volunteer_ids=[c.id for c in target.cooperators] or (),
                         concern=watch.ConcernForm("郵便受けに新聞がたまっていた"), today=TODAY)

    from coordinator_app.ui.watch.screen import WatchScreen

    screen = WatchScreen(ctx, today=TODAY)
    screen.resize(1366, 768)
    screen.show()
    wait(app, screen.worklist)
    page = screen.worklist
    page.table.setFocus()
    page.select_row(1)
    app.processEvents()
    screen.grab().save(str(OUT / "watch_worklist.png"))

    # Contact entry: Enter on the list, 3 (異変あり), a note, Enter.
    QTest.keyClick(page.table, Qt.Key_Return)
    QTest.keyClick(page.panel.results, Qt.Key_3)
    page.panel.note.setText("玄関先で少しふらつきあり")
    page.panel.submit()
    app.processEvents()
    dialog = page.panel.concern_dialog
    dialog.noticed.setText("足を痛めて買い物に行けていないとのこと")
    dialog.category.setCurrentIndex(1)
    app.processEvents()
    # The dialog is a separate window: paint it onto the screen's grab.
    from PySide6.QtGui import QColor, QPainter

    shot = screen.grab()
    painter = QPainter(shot)
    dialog.adjustSize()
    dialog_shot = dialog.grab()
    x = (shot.width() - dialog_shot.width()) // 2 - 180
    y = (shot.height() - dialog_shot.height()) // 2
    title_h = 26  # a plain title bar, as a window manager would draw it
    painter.fillRect(x, y - title_h, dialog_shot.width(), title_h, QColor("#d6dbe3"))
    painter.setPen(QColor("#222222"))
    painter.drawText(x + 10, y - title_h, dialog_shot.width() - 20, title_h,
                     int(Qt.AlignVCenter | Qt.AlignLeft), dialog.windowTitle())
    painter.drawPixmap(x, y, dialog_shot)
    painter.setPen(QColor("#6b7280"))
    painter.drawRect(x - 1, y - title_h - 1, dialog_shot.width() + 1,
                     dialog_shot.height() + title_h + 1)
    painter.end()
    shot.save(str(OUT / "watch_contact.png"))
    dialog.reject()

    # Roll-call in progress.
    screen.tabs.setCurrentIndex(3)
    rc = screen.rollcall
    rc.confirm = False
    app.processEvents()
    rc.start()
    app.processEvents()
    for key in (Qt.Key_1, Qt.Key_1, Qt.Key_3, Qt.Key_1, Qt.Key_2, Qt.Key_1, Qt.Key_1):
        QTest.keyClick(rc.table, key)
    app.processEvents()
    screen.grab().save(str(OUT / "rollcall.png"))
    print("wrote", *(OUT / n for n in ("watch_worklist.png", "watch_contact.png",
                                       "rollcall.png")))
    db.close()


if __name__ == "__main__":
    main()
