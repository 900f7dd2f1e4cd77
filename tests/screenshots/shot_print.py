"""Pages of every printed list and the print dialog, with the demo data:

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_print.py

writes docs/screenshots/print_<kind>.png — the first page of each list
rendered at 60 dpi with PDFium (branches, volunteers, watch_users,
assignments, disaster, monthly, monthly_year, labels12, labels24) — and
print_dialog.png / print_register.png (the dialog with its preview and
the 印刷 screen with the register) at 1366×768."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from coordinator_app.core import clock  # noqa: E402
from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.reports import pdf  # noqa: E402
from coordinator_app.services import printing  # noqa: E402
from coordinator_app.services.demo import load_sample  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402
from coordinator_app.ui.context import AppContext  # noqa: E402
from coordinator_app.ui.theme import setup_fonts  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 11, 26)
PAGES = {
    "branches": dict(kind="branches"),
    "volunteers": dict(kind="volunteers", recipient="サロン代表"),
    "watch_users": dict(kind="watch_users", recipient="見守り協力員 見本さん"),
    "assignments": dict(kind="assignments", recipient="協力員連絡会"),
    "disaster": dict(kind="disaster", recipient="自主防災会"),
    "monthly": dict(kind="monthly", month=202610),
    "monthly_year": dict(kind="monthly", fiscal_year=2026),
    "labels12": dict(kind="labels", label_layout="12", outline=True),
    "labels24": dict(kind="labels", label_layout="24", outline=True),
}


def wait_until(condition, timeout_ms: int = 20000) -> None:
    # QTest.qWait, not a Python processEvents loop: with PySide6 6.12 on
    # Python 3.11 the latter corrupts None's refcount while a worker runs.
    waited = 0
    while not condition() and waited < timeout_ms:
        QTest.qWait(25)
        waited += 25


def main() -> None:
    clock.set_now(TODAY)  # the register stamps printed_at on the app's clock
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
    db.actor = user.login
    for name, request in PAGES.items():
        out = tmp / f"{name}.pdf"
        result = printing.print_list(db, user, printing.PrintRequest(**request), out, today=TODAY)
        png = pdf.render_page_png(out, OUT / f"print_{name}.png", dpi=60)
        print(f"{png}: {result.pages} pages")

    from coordinator_app.ui.printing.dialog import PrintDialog
    from coordinator_app.ui.printing.screen import PrintingScreen

    ctx = AppContext(db=db, user=user)
    dialog = PrintDialog(ctx, "watch_users", today=TODAY, folder=tmp)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.recipient.setText("見守り協力員 見本さん")
    dialog.column_checks["cooperators"].setChecked(True)
    dialog.refresh_preview()
    wait_until(lambda: dialog.preview.pixmap() is not None
               and not dialog.preview.pixmap().isNull() and "名" in dialog.summary.text())
    QTest.qWait(200)
    dialog.grab().save(str(OUT / "print_dialog.png"))
    dialog.close()

    admin = SignedIn(1, "demo-admin", "デモ 管理者", "admin", None, None, None)
    volunteers = next(e for e in printing.register_entries(db, admin)
                      if e.list_kind == "volunteers")
    printing.record_disposal(db, admin, volunteers.id, "returned", TODAY, "サロン代表から返却",
                             today=TODAY)
    screen = PrintingScreen(AppContext(db=db, user=user))
    screen.resize(1366, 768)
    screen.show()
    wait_until(lambda: screen.register.model.rowCount() > 0)
    QTest.qWait(200)
    screen.grab().save(str(OUT / "print_register.png"))
    ctx.runner.wait()
    db.close()


if __name__ == "__main__":
    main()
