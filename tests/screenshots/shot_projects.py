"""Screenshots of the plan's 事業 (issue 17): seed 003's 虐待防止対策 (two
target rows) and 再犯防止 (no indicator) typed into the demo database,

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_projects.py [OUT]

writes OUT/projects_1280x720.png and projects_1366x768.png (the 事業・評価
tab with the 事業 selected: its indicators, the proposal beside the
decided grade, the narratives) and the evaluation PDF's summary and first
sheet as evaluation_page1.png, evaluation_page2.png (OUT: /tmp/shots/A)."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from coordinator_app.core import clock  # noqa: E402
from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.services.demo import load_sample  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402
from coordinator_app.ui.context import AppContext  # noqa: E402
from coordinator_app.ui.theme import setup_fonts  # noqa: E402

TODAY = dt.date(2026, 11, 26)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/A")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    setup_fonts(app)
    clock.set_now(dt.datetime(2026, 11, 26, 10, 0))
    tmp = Path(tempfile.mkdtemp())
    db = Database.open(str(tmp / "demo.db"), create=True)
    load_sample(db, today=TODAY, with_accounts=False)
    from coordinator_app.reports.pdf import render_page_png
    from coordinator_app.services import indicators as service
    from coordinator_app.ui.tallies.screen import TalliesScreen
    from tests.test_plan_projects import _only_plan_indicators, type_seed_003

    city = SignedIn(0, "demo-city", "デモ 市社協職員", "city_staff", None, None, None)
    _only_plan_indicators(db)
    abuse, _ = type_seed_003(db)
    pdf = tmp / "evaluation.pdf"
    service.export_pdf(db, city, 2023, pdf, today=TODAY)
    for n in (1, 2, 3):
        render_page_png(pdf, out / f"evaluation_page{n}.png", page=n, dpi=80)
    for size in ((1280, 720), (1366, 768)):
        ctx = AppContext(db=db, user=city)
        screen = TalliesScreen(ctx)
        screen.resize(*size)
        screen.show()
        screen.show_filter("projects")
        page = screen.projects
        page.year.set_value(2023)
        page.select("project", abuse)
        for _ in range(200):
            ctx.runner.wait(5000)
            app.processEvents()
            if page.result is not None:
                break
        for _ in range(5):  # the figures' new height laid out
            app.processEvents()
        screen.grab().save(str(out / f"projects_{size[0]}x{size[1]}.png"))
        screen.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
