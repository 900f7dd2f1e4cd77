"""Screenshots of the 集計・指標 screen with the demo data:

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_tallies.py

writes docs/screenshots/tallies.png (a coordinator's monthly report with
its chart), consolidation.png (the city office's matrix: branches that
sent, one that sent in August only, two that did not send, a conflict) and
indicator_trend.png (an indicator's actuals against its targets), and
renders the evaluation PDF's first pages to /tmp for a look."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from coordinator_app.core import counting  # noqa: E402
from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.interchange import tally_file  # noqa: E402
from coordinator_app.services.demo import load_sample  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402
from coordinator_app.ui.context import AppContext  # noqa: E402
from coordinator_app.ui.theme import setup_fonts  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 11, 26)
SIZE = (1366, 768)


def wait(app, ctx, until=None, rounds: int = 200) -> None:
    for _ in range(rounds):
        ctx.runner.wait(5000)
        app.processEvents()
        if until is None or until():
            break
    app.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    setup_fonts(app)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    db = Database.open(str(tmp / "demo.db"), create=True)
    load_sample(db, today=TODAY, with_accounts=False)
    from sqlalchemy import select

    from coordinator_app.core.models import Branch
    from coordinator_app.services import consolidation
    from coordinator_app.services import indicators as service
    from coordinator_app.ui.tallies.screen import TalliesScreen

    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == "01"))
        branches = s.execute(select(Branch.code).order_by(Branch.code)).scalars().all()
    coord = SignedIn(0, "demo-coord", "デモ コーディネーター", "coordinator", b.id, b.code, b.name)
    city = SignedIn(0, "demo-city", "デモ 市社協職員", "city_staff", None, None, None)
    admin = SignedIn(0, "demo-admin", "デモ 管理者", "admin", None, None, None)

    # 1. A coordinator's monthly report with its chart.
    ctx = AppContext(db=db, user=coord)
    screen = TalliesScreen(ctx)
    screen.resize(*SIZE)
    screen.show()
    wait(app, ctx, lambda: screen.monthly.view_data is not None)
    screen.monthly.table.setCurrentIndex(screen.monthly.model.index(0, 9))
    app.processEvents()
    screen.grab().save(str(OUT / "tallies.png"))

    # 2. The city office: files from most branches, one sent in August only,
    #    two not sent, and branch 03 sent twice with different figures.
    fy = 2026
    files = tmp / "files"
    files.mkdir()
    with db.session() as s:
        for code in branches[:10]:
            tally_file.write_csv(counting.compute(s, fy, [code]), files / f"tally_{code}_{fy}_20261125.csv")
        rows = counting.compute(s, fy, [branches[10]])
        tally_file.write_csv(rows, files / f"tally_{branches[10]}_{fy}_20260805.csv")
        rows = counting.compute(s, fy, ["03"])
    changed = [r._replace(count=r.count + 2) if (r.month == "2026-09" and r.measure ==
                                                  "consultations" and r.breakdown == "total")
               else r for r in rows]
    tally_file.write_csv(changed, files / f"tally_03_{fy}_20261126.csv")
    august = dt.datetime(2026, 8, 5, 1, 0)
    consolidation.receive_files(db, city, [files / f"tally_{branches[10]}_{fy}_20260805.csv"],
                                now=august)
    consolidation.receive_files(db, city, sorted(files.glob("*_20261125.csv")),
                                now=dt.datetime(2026, 11, 25, 1, 0))
    consolidation.receive_files(db, city, [files / f"tally_03_{fy}_20261126.csv"])

    ctx = AppContext(db=db, user=city)
    screen = TalliesScreen(ctx)
    screen.resize(*SIZE)
    screen.show()
    screen.show_filter("consolidation")
    wait(app, ctx, lambda: screen.consolidation.current is not None)
    screen.consolidation.files.resizeColumnsToContents()
    app.processEvents()
    screen.grab().save(str(OUT / "consolidation.png"))

    # 3. An indicator with targets across the plan and its trend.
    for year, target in zip(range(2025, 2030), (1000, 2100, 2200, 2300, 2400)):
        service.set_target(db, city, "consultations_all", year, target)
    for year, target in zip(range(2025, 2030), ("増加", "増加", "増加", "増加", "増加")):
        service.set_target(db, city, "volunteers", year, target)
    for year, target in zip(range(2025, 2030), (300, 700, 750, 800, 850)):
        service.set_target(db, city, "volunteer_participations", year, target)
    for year, target in zip(range(2025, 2030), (150, 200, 200, 210, 210)):
        service.set_target(db, city, "watch_users", year, target)
    info = service.get_indicator(db, admin, "volunteers")
    service.save_indicator(db, admin, replace(info, baseline=140, baseline_fy=2024))
    service.decide_grade(db, city, "volunteer_participations", 2025, "A",
                           "年度途中からの記録のため")
    service.save_sheet(db, city, "consultations_all", 2026,
                       {"goal": "1 市民の暮らしを支える仕組みづくり",
                        "policy": "(2) 相談支援体制の充実", "project": "身近な総合相談支援の充実",
                        "office": "地域福祉推進課", "overview": "支部の拠点で初期相談を受け付ける。"},
                       service.Narrative(
                           activities="各支部の拠点で相談・連絡を受け付けた。",
                           progress="前年度より多くの相談を受け付けた。",
                           issues="拠点の周知が十分でない。", next_steps="かわらばんで周知する。",
                           collaboration="困りごとを抱える人を拠点に紹介する。",
                           committee="着実に進んでいる。"))
    ctx = AppContext(db=db, user=city)
    screen = TalliesScreen(ctx)
    screen.resize(*SIZE)
    screen.show()
    screen.show_filter("indicators")
    page = screen.indicators
    wait(app, ctx, lambda: bool(page.results))
    page.select("consultations_all")
    app.processEvents()
    screen.grab().save(str(OUT / "indicator_trend.png"))

    pdf = tmp / "evaluation.pdf"
    service.export_pdf(db, city, 2026, pdf, today=TODAY)
    from coordinator_app.reports.pdf import render_page_png

    for n in (1, 2):
        render_page_png(pdf, Path(f"/tmp/evaluation_page{n}.png"), page=n, dpi=70)
    print(f"wrote {OUT}/tallies.png, consolidation.png, indicator_trend.png; PDF {pdf}")


if __name__ == "__main__":
    main()
