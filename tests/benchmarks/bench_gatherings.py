"""Benchmark (issue 16): events at city scale.

Not part of the default test run. Run it with

    python3 tests/benchmarks/bench_gatherings.py [--events-only]

It builds a SQLite database of 13 branches with 100,000 consultations
over ten fiscal years (FY2016–FY2025) and 14 weekly salons per branch,
then times

  (a) ``export tallies`` for FY2025, all branches (``services.tallies.
      export_tallies``, the command's code), and
  (b) entering one salon meeting through ``services.gatherings.save_event``
      (the form's save: checks, insert, audit, one transaction),

first with no events, then again after adding ten years of weekly salon
meetings and a monthly course per branch (about 100,000 events). It prints
the medians and the ratios after/before.

Targets: export after < 2 s and <= 1.5x before; one event < 0.25 s and
<= 2x before. The script exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select

from coordinator_app.core import clock, codes
from coordinator_app.core.access import Role, SignedIn
from coordinator_app.core.dates import month_key
from coordinator_app.core.models import (
    ActivityGroup,
    Branch,
    Consultation,
    Event,
)
from coordinator_app.services import gatherings, tallies
from coordinator_app.storage.database import Database

N_BRANCHES = 13
SALONS_PER_BRANCH = 14  # weekly: 13 x 14 x 52 x 10 + 13 x 12 x 10 = about 96,000 events
FIRST_DAY = dt.date(2016, 4, 1)
LAST_DAY = dt.date(2026, 3, 31)
FY = 2025
TODAY = dt.datetime(2026, 3, 31, 10, 0)
N_CONSULTATIONS = 100_000
EXPORT_RUNS = 5
ENTRY_RUNS = 20

EXPORT_TARGET_S = 2.0
EXPORT_RATIO_TARGET = 1.5
ENTRY_TARGET_S = 0.25
ENTRY_RATIO_TARGET = 2.0

ADMIN = SignedIn(0, "bench", "ベンチ", Role.ADMIN, None, None, None)


def _stamp() -> dict:
    now = clock.utcnow()
    return dict(created_at=now, updated_at=now, created_by="bench", updated_by="bench")


def build_base(db: Database) -> dict[str, int]:
    """Branches, consultations and the salons (no events yet)."""
    rng = random.Random(16)
    stamp = _stamp()
    span = (LAST_DAY - FIRST_DAY).days
    with db.engine.begin() as conn:
        conn.execute(insert(Branch), [dict(code=f"{b:02d}", name=f"見本{b}支部", base_name="",
                                           address="", phone="", sort_order=b, **stamp)
                                      for b in range(1, N_BRANCHES + 1)])
        ids = dict(conn.execute(select(Branch.code, Branch.id)).all())
        kinds, channels = list(codes.KIND), list(codes.CHANNEL)
        whoms, responses = list(codes.FROM_WHOM), list(codes.RESPONSE)
        rows = []
        for i in range(N_CONSULTATIONS):
            day = FIRST_DAY + dt.timedelta(days=i * span // N_CONSULTATIONS)
            rows.append(dict(branch_id=ids[f"{1 + i % N_BRANCHES:02d}"], external_id=f"C{i}",
                             received_on=day, month=month_key(day), kind=kinds[i % 2],
                             channel=channels[i % 4], from_whom=whoms[i % 5],
                             response=responses[i % 3], **stamp))
        conn.execute(insert(Consultation), rows)
        groups = []
        for code, branch_id in ids.items():
            for n in range(SALONS_PER_BRANCH):
                started = FIRST_DAY - dt.timedelta(days=rng.randint(0, 400))
                groups.append(dict(branch_id=branch_id, external_id=f"G{code}-{n}",
                                   name=f"サロン{n}", kana="さろん", kana_key="さろん",
                                   kind="salon", started_on=started,
                                   started_month=month_key(started), pattern="毎週",
                                   venue="会館", note="", end_reason="", **stamp))
        conn.execute(insert(ActivityGroup), groups)
    return ids


def add_events(db: Database) -> int:
    """Ten years of weekly salon meetings and a monthly course per branch."""
    rng = random.Random(17)
    stamp = _stamp()
    with db.engine.begin() as conn:
        groups = conn.execute(select(ActivityGroup.id, ActivityGroup.branch_id)).all()
        rows = []
        for n, (group_id, branch_id) in enumerate(groups):
            day = FIRST_DAY + dt.timedelta(days=n % 7)
            while day <= LAST_DAY:
                p = rng.randint(8, 25)
                rows.append(dict(branch_id=branch_id, held_on=day, month=month_key(day),
                                 kind="salon", title="サロン", group_id=group_id,
                                 participants=p, volunteers=rng.randint(0, min(p, 5)),
                                 note="", **stamp))
                day += dt.timedelta(days=7)
        for branch_id in {b for _, b in groups}:
            y, m = FIRST_DAY.year, FIRST_DAY.month
            while (y, m) <= (LAST_DAY.year, LAST_DAY.month):
                day = dt.date(y, m, rng.randint(1, 28))
                rows.append(dict(branch_id=branch_id, held_on=day, month=month_key(day),
                                 kind="course", title="講座", group_id=None,
                                 participants=rng.randint(10, 30),
                                 volunteers=rng.randint(0, 3), note="", **stamp))
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        for start in range(0, len(rows), 20_000):
            conn.execute(insert(Event), rows[start:start + 20_000])
    return len(rows)


def time_export(db: Database, folder: Path) -> float:
    runs = []
    for i in range(EXPORT_RUNS):
        t = time.perf_counter()
        tallies.export_tallies(db, ADMIN, FY, None, "csv", folder / f"tally-{i}.csv")
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def time_entry(db: Database, coordinator: SignedIn, group_id: int, first: dt.date) -> float:
    """Enter ENTRY_RUNS meetings of one salon on successive days before
    the fiscal year's end (each a new event, as the quick-entry form does)."""
    runs = []
    for i in range(ENTRY_RUNS):
        data = gatherings.EventInput(held_on=first + dt.timedelta(days=i), kind="salon",
                                     title="サロン（ベンチ）", group_id=group_id, participants=15,
                                     volunteers=3)
        t = time.perf_counter()
        gatherings.save_event(db, coordinator, data)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    clock.set_now(TODAY)
    folder = Path(tempfile.mkdtemp(prefix="bench-gatherings-"))
    db = Database.open(str(folder / "bench.db"), create=True)
    t = time.perf_counter()
    ids = build_base(db)
    print(f"base: {N_CONSULTATIONS:,} consultations, "
          f"{N_BRANCHES * SALONS_PER_BRANCH} salons ({time.perf_counter() - t:.1f} s)")
    with db.session() as s:
        group_id = s.scalar(select(func.min(ActivityGroup.id))
                            .where(ActivityGroup.branch_id == ids["01"]))
    coordinator = SignedIn(1, "coord01", "ベンチ", Role.COORDINATOR, ids["01"], "01", "見本1支部")

    export_before = time_export(db, folder)
    entry_before = time_entry(db, coordinator, group_id, dt.date(2026, 1, 1))
    t = time.perf_counter()
    n = add_events(db)
    with db.session() as s:
        total = s.scalar(select(func.count()).select_from(Event))
    print(f"added {n:,} events ({total:,} in all; {time.perf_counter() - t:.1f} s)")
    export_after = time_export(db, folder)
    entry_after = time_entry(db, coordinator, group_id, dt.date(2026, 2, 1))
    db.close()

    ok = True

    def report(name: str, before: float, after: float, target: float, ratio: float) -> None:
        nonlocal ok
        good = after < target and after <= max(before * ratio, before + 0.01)
        ok &= good
        print(f"{name:<28} before {before * 1000:8.1f} ms   after {after * 1000:8.1f} ms   "
              f"x{after / before:5.2f}   (target < {target * 1000:.0f} ms, <= x{ratio})"
              f"{'' if good else '  MISSED'}")

    report(f"export tallies FY{FY} (med)", export_before, export_after, EXPORT_TARGET_S,
           EXPORT_RATIO_TARGET)
    report("enter one event (median)", entry_before, entry_after, ENTRY_TARGET_S,
           ENTRY_RATIO_TARGET)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
