"""Benchmark: volunteer matching on a city-sized register.

Not part of the default test run. Run it with

    python3 tests/benchmarks/bench_volunteers.py

It builds a database (through the migrations, then filled with sqlite3
executemany) of 13 branches × 3,000 volunteers — 39,000 volunteers, far
more than a real branch has — each with 1–3 roles, 1–6 weekday × slot
cells and 0–3 covered areas out of 20 per branch, then times, for one
branch, through ``services.volunteers``:

  (a) "someone who can drive on Tuesday mornings near 原市第1自治会"
      (role + weekday + slot + area, active only),
  (b) a free-text ふりがな search in katakana,
  (c) the home figure: active volunteers whose insurance has lapsed.

Target: each median < 50 ms. The script exits 1 when a target is missed.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from coordinator_app.core import kana  # noqa: E402
from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.core.dates import month_key  # noqa: E402
from coordinator_app.services import volunteers as V  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402

N_BRANCHES = 13
PER_BRANCH = 3_000
AREAS = 20
TARGET_MS = 50.0
TODAY = dt.date(2026, 11, 26)
STAMP = ("2026-01-01 00:00:00.000000", "2026-01-01 00:00:00.000000", "bench", "bench")
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
ROLES = ["watch", "salon", "driver", "guide", "mutual_help", "disaster", "general"]


def build(path: Path) -> None:
    rng = random.Random(6)
    Database.open(str(path), create=True).close()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("BEGIN")
    person_id = volunteer_id = area_id = 0
    for b in range(1, N_BRANCHES + 1):
        con.execute("INSERT INTO branch (id, code, name, base_name, address, phone, sort_order,"
                    " created_at, updated_at, created_by, updated_by)"
                    " VALUES (?, ?, ?, '', '', '', ?, ?, ?, ?, ?)",
                    (b, f"{b:02d}", f"支部{b}", b, *STAMP))
        areas = []
        for n in range(AREAS):
            area_id += 1
            areas.append(area_id)
            con.execute("INSERT INTO area (id, branch_id, name, created_at, updated_at,"
                        " created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (area_id, b, f"原市第{n + 1}自治会" if b == 5 else f"第{n + 1}自治会",
                         *STAMP))
        people, vols, roles, cells, covered = [], [], [], [], []
        for _ in range(PER_BRANCH):
            person_id += 1
            volunteer_id += 1
            k = "".join(rng.choice(KANA) for _ in range(3)) + " " + \
                "".join(rng.choice(KANA) for _ in range(3))
            people.append((person_id, b, f"試験 {person_id}", k, kana.fold(k),
                           kana.fold(f"試験 {person_id}"), "", "", "",
                           rng.choice(areas), 0, "", *STAMP))
            reg = TODAY - dt.timedelta(days=rng.randint(20, 3000))
            wd = reg + dt.timedelta(days=rng.randint(1, 900)) if rng.random() < 0.15 else None
            if wd and wd > TODAY:
                wd = None
            vols.append((volunteer_id, b, person_id, "individual", "", "", "", "",
                         reg.isoformat(), month_key(reg), wd.isoformat() if wd else None,
                         month_key(wd) if wd else None, "",
                         rng.choice([2024, 2025, 2026, None]), *STAMP))
            for r in rng.sample(ROLES, rng.randint(1, 3)):
                roles.append((volunteer_id, r))
            for c in {(rng.randint(0, 6), rng.choice(["am", "pm", "eve"]))
                      for _ in range(rng.randint(1, 6))}:
                cells.append((volunteer_id, *c))
            for a in rng.sample(areas, rng.randint(0, 3)):
                covered.append((volunteer_id, a))
        con.executemany("INSERT INTO person (id, branch_id, name, kana, kana_key, name_key,"
                        " phone, postal_code, address, area_id, mail_ok, note, created_at,"
                        " updated_at, created_by, updated_by)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", people)
        con.executemany("INSERT INTO volunteer (id, branch_id, person_id, kind, contact_person,"
                        " skills, availability, covered_areas, registered_on, registered_month,"
                        " withdrawn_on, withdrawn_month, withdraw_reason, insurance_fy,"
                        " created_at, updated_at, created_by, updated_by)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", vols)
        con.executemany("INSERT INTO volunteer_role VALUES (?, ?)", roles)
        con.executemany("INSERT INTO volunteer_availability VALUES (?, ?, ?)", cells)
        con.executemany("INSERT INTO volunteer_area VALUES (?, ?)", covered)
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()


def timed(fn, runs: int = 30) -> tuple[float, object]:
    fn()  # warm the cache
    samples, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), result


def main() -> int:
    path = Path(tempfile.mkdtemp()) / "bench-volunteers.db"
    t0 = time.perf_counter()
    build(path)
    print(f"built {N_BRANCHES * PER_BRANCH:,} volunteers in {time.perf_counter() - t0:.1f} s")
    db = Database.open(str(path))
    user = SignedIn(0, "bench", "bench", "coordinator", 5, "05", "支部5")
    area = dict((n, i) for i, n in V.list_branch_areas(db, user))["原市第1自治会"]
    checks = {
        "drive, Tuesday morning, near 原市第1自治会": lambda: V.search_volunteers(
            db, user, V.VolunteerQuery(role="driver", weekday=1, slot="am", area_id=area),
            today=TODAY),
        "ふりがな search in katakana (アイ)": lambda: V.search_volunteers(
            db, user, V.VolunteerQuery(text="アイ"), today=TODAY),
        "insurance lapsed count (ホーム)": lambda: V.lapsed_insurance_count(db, user, TODAY),
    }
    failed = False
    for name, fn in checks.items():
        ms, result = timed(fn)
        n = result if isinstance(result, int) else len(result)
        ok = ms < TARGET_MS
        failed |= not ok
        print(f"{name:45s} {ms:7.1f} ms  ({n} found)  {'ok' if ok else 'SLOW'}")
    db.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
