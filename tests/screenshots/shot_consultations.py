"""Screenshots of the 相談記録 screen with the demo data:

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_consultations.py

writes docs/screenshots/consultation_form.png (a record being typed, with
the message under the field still to fill), consultation_list.png (the
branch's records, newest first, the selected one beside the list) and
follow_ups.png (要フォロー, oldest first)."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.core.models import Branch  # noqa: E402
from coordinator_app.services import consultations as svc  # noqa: E402
from coordinator_app.services.demo import load_sample  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402
from coordinator_app.ui.consultations.screen import FOLLOW_UP_TAB, ConsultationsScreen  # noqa: E402
from coordinator_app.ui.context import AppContext  # noqa: E402
from coordinator_app.ui.theme import setup_fonts  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date.today()


def settle(app, ctx) -> None:
    for _ in range(5):
        ctx.runner.wait()
        app.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    setup_fonts(app)
    OUT.mkdir(parents=True, exist_ok=True)
    db = Database.open(str(Path(tempfile.mkdtemp()) / "demo.db"), create=True)
    load_sample(db, today=TODAY, with_accounts=False)
    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == "01"))
    user = SignedIn(0, "demo-coord", "デモ コーディネーター", "coordinator", b.id, b.code, b.name)
    ctx = AppContext(db=db, user=user)
    # Two follow-ups that came due a while ago, so 要フォロー has a story.
    for days, summary in ((20, "一人暮らしの父の様子が心配との相談。"),
                          (9, "ゴミ出しが難しくなったとの話。ヘルパー利用を検討。")):
        svc.create_consultation(db, user, svc.ConsultationDraft(
            received_on=TODAY - dt.timedelta(days=days), kind="consultation", channel="phone",
            from_whom="family", categories=["care", "life"], response="referred",
            referred_to="地域包括支援センター", summary=summary,
            follow_up_on=TODAY - dt.timedelta(days=days - 5)))

    screen = ConsultationsScreen(ctx)
    screen.resize(1366, 768)
    screen.show()
    settle(app, screen.ctx)
    screen.table.selectRow(1)
    settle(app, ctx)
    screen.grab().save(str(OUT / "consultation_list.png"))

    screen.show_filter("follow_up_due")
    settle(app, ctx)
    screen.grab().save(str(OUT / "follow_ups.png"))
    screen.tabs.setCurrentIndex(0)
    assert screen.tabs.currentIndex() != FOLLOW_UP_TAB

    form = screen.new_record()
    form.kind.setValue("consultation")
    form.channel.setValue("visit")
    form.from_whom.setValue("self")
    form.categories.setValues(["life", "health"])
    form.response.setValue("urgent")
    form.person.search.setText("みほん")
    form.person.refresh()
    form.summary.setPlainText("自宅で転倒し起き上がれなかったと来所。腰の痛みが続いている。"
                              "\n家族は遠方。通院の手段がない。")
    form.follow_up_on.setDate(TODAY + dt.timedelta(days=3))
    form.save()  # 緊急対応 without its note: the message appears under the field
    settle(app, ctx)
    form.grab().save(str(OUT / "consultation_form.png"))
    form.done(0)
    print("wrote", *(OUT / n for n in ("consultation_form.png", "consultation_list.png",
                                       "follow_ups.png")))


if __name__ == "__main__":
    main()
