"""Benchmark: 見守り on a large branch — the worklist and a disaster
roll-call on a bad day. Not part of the default test run:

    python3 tests/benchmarks/bench_watch.py

Builds a fresh SQLite database with one branch of 5,000 watch users,
a year of monthly contacts (about 60,000) and 40 cooperators in pairs,
then times

  (a) ``watch.worklist`` for this month (what 今月の見守り loads),
  (b) ``watch.start_rollcall`` for the whole branch (5,000 entries),
  (c) opening the roll-call on screen (``RollcallPage.open_rollcall``:
      the lazy model fetches the first page only),
  (d) marking 300 users by key press on the screen (1/2/3; each a
      time-stamped write and the progress recount), per key.

Targets: (a) < 1 s, (b) < 1 s, (c) < 0.3 s, (d) < 50 ms per key.
The script exits 1 when a target is missed.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert, select  # noqa: E402

from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.core.dates import month_key  # noqa: E402
from coordinator_app.core.models import (  # noqa: E402
    Area,
    Branch,
    Person,
    Volunteer,
    VolunteerRole,
    WatchAssignment,
    WatchContact,
    WatchUser,
)
from coordinator_app.services import watch  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402

TODAY = dt.date(2026, 11, 26)
N_USERS = 5_000
N_COOPERATORS = 40
TARGETS = {"worklist": 1.0, "start_rollcall": 1.0, "open_rollcall": 0.3, "mark_key": 0.05}


def build(path: Path) -> SignedIn:
    rng = random.Random(5)
    db = Database.open(str(path), create=True)
    with db.session() as s:
        branch = Branch(code="01", name="大規模支部")
        s.add(branch)
        s.flush()
        areas = []
        for n in range(20):
            a = Area(branch_id=branch.id, name=f"第{n + 1}自治会")
            s.add(a)
            s.flush()
            areas.append(a.id)
        people = [dict(branch_id=branch.id, name=f"利用 {i}", kana=f"りよう {i}",
                       kana_key=f"りよう{i:05d}", name_key=f"riyou{i}", phone="048-000-0000",
                       address=f"見本町{i}", area_id=areas[i % 20]) for i in range(N_USERS)]
        s.execute(insert(Person), people)
        person_ids = s.scalars(select(Person.id).order_by(Person.id)).all()
        users = []
        for pid in person_ids:
            enrolled = TODAY - dt.timedelta(days=rng.randint(30, 900))
            users.append(dict(branch_id=branch.id, person_id=pid, enrolled_on=enrolled,
                              enrolled_month=month_key(enrolled), frequency_days=31))
        s.execute(insert(WatchUser), users)
        user_rows = s.execute(select(WatchUser.id, WatchUser.enrolled_on)).all()
        coop_people = [dict(branch_id=branch.id, name=f"協力 {i}", kana="きょうりょく",
                            kana_key=f"きょうりょく{i:03d}", name_key=f"k{i}")
                       for i in range(N_COOPERATORS)]
        s.execute(insert(Person), coop_people)
        coop_pids = s.scalars(select(Person.id).where(Person.name.like("協力%"))).all()
        s.execute(insert(Volunteer), [dict(branch_id=branch.id, person_id=p,
                                           registered_on=dt.date(2024, 4, 1),
                                           registered_month=202404) for p in coop_pids])
        vids = s.scalars(select(Volunteer.id)).all()
        s.execute(insert(VolunteerRole), [dict(volunteer_id=v, role_code="watch") for v in vids])
        s.execute(insert(WatchAssignment), [
            dict(watch_user_id=uid, volunteer_id=vids[(2 * i + k) % len(vids)])
            for i, (uid, _) in enumerate(user_rows) for k in (0, 1)])
        contacts = []
        for uid, enrolled in user_rows:
            day = max(enrolled, TODAY - dt.timedelta(days=365))
            while day <= TODAY:
                contacts.append(dict(branch_id=branch.id, watch_user_id=uid, contacted_on=day,
                                     month=month_key(day), method="phone",
                                     result=rng.choice(["ok"] * 8 + ["absent"]),
                                     by_staff=True, note=""))
                day += dt.timedelta(days=rng.randint(20, 40))
        s.execute(insert(WatchContact), contacts)
        print(f"built: {N_USERS} users, {len(contacts)} contacts, {len(vids)} cooperators")
    db.close()
    return SignedIn(0, "bench", "ベンチ", "coordinator", 1, "01", "大規模支部")


def main() -> int:
    path = Path(tempfile.mkdtemp()) / "bench-watch.db"
    user = build(path)
    db = Database.open(str(path))
    results = {}

    t = time.perf_counter()
    wl = watch.worklist(db, user, today=TODAY)
    results["worklist"] = time.perf_counter() - t
    print(f"(a) worklist: {wl.total} users, {wl.unreached} unreached: "
          f"{results['worklist']:.3f} s")

    t = time.perf_counter()
    info = watch.start_rollcall(db, user, today=TODAY)
    results["start_rollcall"] = time.perf_counter() - t
    print(f"(b) start_rollcall: {info.progress.total} entries: {results['start_rollcall']:.3f} s")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from coordinator_app.ui.context import AppContext
    from coordinator_app.ui.watch.rollcall_page import RollcallPage

    app = QApplication.instance() or QApplication([])
    page = RollcallPage(AppContext(db, user), today=TODAY)
    page.resize(1366, 700)
    page.show()
    app.processEvents()
    t = time.perf_counter()
    page.open_rollcall(info.id)
    app.processEvents()
    results["open_rollcall"] = time.perf_counter() - t
    print(f"(c) open roll-call on screen: {page.model.loaded()} of {page.model.total()} rows "
          f"loaded: {results['open_rollcall']:.3f} s")

    keys = [Qt.Key_1, Qt.Key_1, Qt.Key_2, Qt.Key_3]
    n = 300
    t = time.perf_counter()
    for i in range(n):
        QTest.keyClick(page.table, keys[i % len(keys)])
    app.processEvents()
    results["mark_key"] = (time.perf_counter() - t) / n
    print(f"(d) mark by key: {n} keys, {results['mark_key'] * 1000:.1f} ms per key; "
          f"progress shows: {page.progress_label.text()}")
    page.close()
    page.deleteLater()
    app.processEvents()
    del page
    db.close()

    missed = [k for k, v in results.items() if v > TARGETS[k]]
    for k in missed:
        print(f"MISSED {k}: {results[k]:.3f} s > {TARGETS[k]} s")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
