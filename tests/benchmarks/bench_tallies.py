"""Benchmark: tallies over a city-sized database, and a large import.

Not part of the default test run. Run it with

    python3 tests/benchmarks/bench_tallies.py [--rebuild]

It builds (once; cached under /tmp) a database of 1,000,000 consultations,
50,000 watch users, 600,000 watch contacts and 20,000 volunteers over 13
branches and three fiscal years, then times

  (a) ``export tallies`` for one fiscal year, all branches
      (``counting.compute`` + ``tally_file.write_csv``), and
  (b) a bare sqlite3 GROUP BY over the same consultations, the floor,

and prints both and their ratio; then times importing 100,000
consultation rows through ``importer.import_ledger``.

Targets: export < 2 s and <= 3x the floor; import of 100,000 rows < 15 s.
The script exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from coordinator_app.core import (
    codes,
    counting,  # noqa: E402
)
from coordinator_app.core.dates import month_key  # noqa: E402
from coordinator_app.interchange import (
    importer,
    tally_file,  # noqa: E402
)
from coordinator_app.storage import migrate
from coordinator_app.storage.database import Database  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "coordinator-bench-v1.db"
FISCAL_YEARS = (2023, 2024, 2025)
FY = 2025  # the year exported
N_BRANCHES = 13
N_CONSULTATIONS = 1_000_000
N_WATCH_USERS = 50_000
N_CONTACTS = 600_000
N_VOLUNTEERS = 20_000
N_IMPORT = 100_000

EXPORT_TARGET_S = 2.0
EXPORT_RATIO_TARGET = 3.0
IMPORT_TARGET_S = 15.0

FIRST_DAY = dt.date(FISCAL_YEARS[0], 4, 1)
LAST_DAY = dt.date(FISCAL_YEARS[-1] + 1, 3, 31)
SPAN = (LAST_DAY - FIRST_DAY).days
STAMP = ("2026-01-01 00:00:00.000000", "2026-01-01 00:00:00.000000", "bench", "bench")


def _day(rng: random.Random, lo: dt.date = FIRST_DAY, hi: dt.date = LAST_DAY) -> dt.date:
    return lo + dt.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


def build(path: Path) -> None:
    """Create the database through the migrations, then fill it with
    sqlite3 executemany (the importer is timed separately)."""
    rng = random.Random(2025)
    tmp = path.with_name(f"{path.name}.building-{os.getpid()}")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    Database.open(str(tmp), create=True).close()
    con = sqlite3.connect(tmp, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("BEGIN")
    t0 = time.perf_counter()
    con.executemany(
        "INSERT INTO branch (id, code, name, base_name, address, phone, sort_order,"
        " created_at, updated_at, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(b, f"{b:02d}", f"見本{b}支部", "", "", "", b, *STAMP) for b in range(1, N_BRANCHES + 1)])
    # One person per watch user and per volunteer.
    n_people = N_WATCH_USERS + N_VOLUNTEERS
    con.executemany(
        "INSERT INTO person (id, branch_id, name, kana, kana_key, name_key, phone, postal_code,"
        " address, mail_ok, note, created_at, updated_at, created_by, updated_by)"
        " VALUES (?,?,?,?,?,?,'','','',0,'',?,?,?,?)",
        ((i, 1 + i % N_BRANCHES, f"見本 {i}", "みほん", "みほん", f"見本{i}", *STAMP)
         for i in range(1, n_people + 1)))

    kinds, channels = list(codes.KIND), list(codes.CHANNEL)
    whoms, responses = list(codes.FROM_WHOM), list(codes.RESPONSE)
    cats = list(codes.DEFAULT_CATEGORIES)

    def consultations():
        for i in range(1, N_CONSULTATIONS + 1):
            day = FIRST_DAY + dt.timedelta(days=i * SPAN // N_CONSULTATIONS)
            yield (i, 1 + i % N_BRANCHES, f"C{i}", day.isoformat(), month_key(day),
                   kinds[i % 2], channels[i % 4], whoms[i % 5], responses[i % 3], *STAMP)

    con.executemany(
        "INSERT INTO consultation (id, branch_id, external_id, received_on, month, kind, channel,"
        " from_whom, response, referred_to, summary, urgent_note, staff_name, follow_up_outcome,"
        " deleted_by, created_at, updated_at, created_by, updated_by)"
        " VALUES (?,?,?,?,?,?,?,?,?,'','','','','','',?,?,?,?)", consultations())

    def consultation_categories():
        for i in range(1, N_CONSULTATIONS + 1):
            day = FIRST_DAY + dt.timedelta(days=i * SPAN // N_CONSULTATIONS)
            b, m = 1 + i % N_BRANCHES, month_key(day)
            first = rng.randrange(len(cats))
            yield (i, cats[first], b, m)
            if i % 2 == 0:
                yield (i, cats[(first + 1 + i % 5) % len(cats)], b, m)

    con.executemany(
        "INSERT INTO consultation_category (consultation_id, category_code, branch_id, month)"
        " VALUES (?,?,?,?)", consultation_categories())
    # A few soft-deleted records, as the app makes them.
    con.execute("UPDATE consultation SET deleted_at = '2026-01-02 00:00:00', deleted_by = 'bench'"
                " WHERE id % 997 = 0")

    users = []
    reasons = list(codes.END_REASON)
    for i in range(1, N_WATCH_USERS + 1):
        enrolled = _day(rng, FIRST_DAY - dt.timedelta(days=1500), LAST_DAY - dt.timedelta(days=30))
        ended = _day(rng, enrolled, LAST_DAY) if rng.random() < 0.3 else None
        users.append((i, 1 + i % N_BRANCHES, i, f"W{i}", enrolled.isoformat(),
                      month_key(enrolled), ended.isoformat() if ended else None,
                      month_key(ended) if ended else None,
                      rng.choice(reasons) if ended else None, *STAMP))
    con.executemany(
        "INSERT INTO watch_user (id, branch_id, person_id, external_id, enrolled_on,"
        " enrolled_month, ended_on, ended_month, end_reason, emergency_contact, methods,"
        " frequency_days, note, created_at, updated_at, created_by, updated_by)"
        " VALUES (?,?,?,?,?,?,?,?,?,'','',31,'',?,?,?,?)", users)

    methods, results = list(codes.WATCH_METHOD), list(codes.WATCH_RESULT)

    def contacts():
        for i in range(1, N_CONTACTS + 1):
            u = users[rng.randrange(len(users))]
            lo = max(dt.date.fromisoformat(u[4]), FIRST_DAY)
            hi = dt.date.fromisoformat(u[6]) if u[6] else LAST_DAY
            day = _day(rng, lo, max(lo, hi))
            yield (i, u[1], u[0], day.isoformat(), month_key(day), methods[i % 5],
                   results[0 if i % 10 else 1 + i % 2], i % 3 == 0, *STAMP)

    con.executemany(
        "INSERT INTO watch_contact (id, branch_id, watch_user_id, contacted_on, month, method,"
        " result, by_staff, note, created_at, updated_at, created_by, updated_by)"
        " VALUES (?,?,?,?,?,?,?,?,'',?,?,?,?)", contacts())

    roles = list(codes.DEFAULT_ROLES)
    vols, vol_roles = [], []
    for i in range(1, N_VOLUNTEERS + 1):
        registered = _day(rng, FIRST_DAY - dt.timedelta(days=2000), LAST_DAY)
        withdrawn = _day(rng, registered, LAST_DAY) if rng.random() < 0.2 else None
        vols.append((i, 1 + i % N_BRANCHES, N_WATCH_USERS + i, f"V{i}", "individual",
                     registered.isoformat(), month_key(registered),
                     withdrawn.isoformat() if withdrawn else None,
                     month_key(withdrawn) if withdrawn else None, *STAMP))
        for r in rng.sample(roles, rng.randint(1, 3)):
            vol_roles.append((i, r))
    con.executemany(
        "INSERT INTO volunteer (id, branch_id, person_id, external_id, kind, contact_person,"
        " skills, availability, covered_areas, registered_on, registered_month, withdrawn_on,"
        " withdrawn_month, withdraw_reason, created_at, updated_at, created_by, updated_by)"
        " VALUES (?,?,?,?,?,'','','','',?,?,?,?,'',?,?,?,?)", vols)
    con.executemany("INSERT INTO volunteer_role (volunteer_id, role_code) VALUES (?,?)", vol_roles)

    # The activity log: a salon a month per branch, 10 participants each.
    acts, parts, aid = [], [], 0
    for fy in FISCAL_YEARS:
        for b in range(1, N_BRANCHES + 1):
            for n in range(12):
                aid += 1
                held = dt.date(fy + (n + 3) // 12, (n + 3) % 12 + 1, 10)
                acts.append((aid, b, held.isoformat(), month_key(held), "サロン", "salon", "",
                             *STAMP))
                for vid in rng.sample(range(b, N_VOLUNTEERS + 1, N_BRANCHES), 10):
                    parts.append((aid, vid))
    con.executemany(
        "INSERT INTO activity (id, branch_id, held_on, month, title, kind, note, created_at,"
        " updated_at, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)", acts)
    con.executemany("INSERT INTO activity_participant (activity_id, volunteer_id) VALUES (?,?)",
                    parts)
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    tmp.replace(path)
    print(f"built {path} in {time.perf_counter() - t0:.1f} s", flush=True)


def floor_query(path: Path, fy: int) -> tuple[float, int]:
    """The floor: one bare GROUP BY over the fiscal year's consultations."""
    lo, hi = fy * 100 + 4, (fy + 1) * 100 + 3
    con = sqlite3.connect(path)
    t, c = time.perf_counter(), time.process_time()
    rows = con.execute(
        "SELECT branch_id, month, kind, channel, from_whom, response, count(*)"
        " FROM consultation WHERE month BETWEEN ? AND ? AND deleted_at IS NULL"
        " GROUP BY branch_id, month, kind, channel, from_whom, response", (lo, hi)).fetchall()
    elapsed, cpu = time.perf_counter() - t, time.process_time() - c
    con.close()
    CPU["floor"] = min(CPU.get("floor", 1e9), cpu)
    return elapsed, len(rows)


CPU: dict[str, float] = {}  # best CPU seconds of this process, beside the wall clock


def export_tallies(db: Database, fy: int, out: Path) -> tuple[float, int]:
    t, c = time.perf_counter(), time.process_time()
    with db.session() as s:
        rows = counting.compute(s, fy, parallel=True)  # as `export tallies` does
    tally_file.write_csv(rows, out)
    CPU["export"] = min(CPU.get("export", 1e9), time.process_time() - c)
    return time.perf_counter() - t, len(rows)


def import_file(n: int) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["external_id", "branch_code", "received_on", "kind", "channel", "from_whom",
                "categories", "response", "referred_to", "person_name", "person_kana",
                "summary"])
    rng = random.Random(5)
    cats = list(codes.DEFAULT_CATEGORIES)
    for i in range(n):
        day = dt.date(2025, 4, 1) + dt.timedelta(days=i % 365)
        named = i % 3 == 0
        w.writerow([f"I{i}", f"{1 + i % N_BRANCHES:02d}", day.isoformat(),
                    rng.choice(list(codes.KIND)), rng.choice(list(codes.CHANNEL)),
                    rng.choice(list(codes.FROM_WHOM)), ";".join(rng.sample(cats, 1 + i % 2)),
                    rng.choice(list(codes.RESPONSE)), "", f"見本 {i % 5000}" if named else "",
                    "みほん" if named else "", "買い物の手段について相談。"])
    return buf.getvalue().encode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs (the best is kept)")
    ap.add_argument("--skip-import", action="store_true", help="time the export only")
    args = ap.parse_args()
    if args.rebuild or not CACHE.exists() or \
            migrate.current_revisions(_engine(CACHE)) != migrate.head_revisions():
        CACHE.unlink(missing_ok=True)
        build(CACHE)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(str(CACHE))
        out = Path(tmp) / "counting.csv"
        export_times, floor_times = [], []
        for _ in range(args.repeat):
            e, n_rows = export_tallies(db, FY, out)
            export_times.append(e)
            f, n_groups = floor_query(CACHE, FY)
            floor_times.append(f)
        db.close()
        export_s, floor_s = min(export_times), min(floor_times)
        ratio = export_s / floor_s
        print(f"(a) export tallies FY{FY}, {N_BRANCHES} branches: {export_s:.3f} s"
              f" ({n_rows} rows)")
        print(f"(b) floor: bare sqlite3 GROUP BY over the consultations: {floor_s:.3f} s"
              f" ({n_groups} groups)")
        print(f"    ratio export/floor: {ratio:.2f}x"
              f"  (targets: < {EXPORT_TARGET_S} s and <= {EXPORT_RATIO_TARGET}x)")
        print(f"    CPU time: export {CPU['export']:.3f} s, floor {CPU['floor']:.3f} s,"
              f" ratio {CPU['export'] / CPU['floor']:.2f}x; load average"
              f" {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        ok &= export_s < EXPORT_TARGET_S and ratio <= EXPORT_RATIO_TARGET

        if args.skip_import:
            print("all targets met" if ok else "TARGET MISSED")
            return 0 if ok else 1
        # Import into a copy with the three years already there, so the
        # external_id lookups and indexes carry the real load.
        copy = Path(tmp) / "import.db"
        shutil.copy(CACHE, copy)
        data = import_file(N_IMPORT)
        db = Database.open(str(copy))
        t, c = time.perf_counter(), time.process_time()
        result = importer.import_ledger(db, "consultations", data, today=dt.date(2026, 11, 26))
        import_s, import_cpu = time.perf_counter() - t, time.process_time() - c
        db.close()
        print(f"(c) import {N_IMPORT:,} consultation rows: {import_s:.2f} s (CPU {import_cpu:.2f} s)"
              f" (created {result.created}, updated {result.updated}; target < {IMPORT_TARGET_S} s)")
        ok &= import_s < IMPORT_TARGET_S and result.created == N_IMPORT
    print("all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


def _engine(path: Path):
    from coordinator_app.storage.engine import make_engine

    return make_engine(f"sqlite:///{path}")


if __name__ == "__main__":
    raise SystemExit(main())
