"""Benchmark: printing a 1,000-person 見守り電話確認リスト.

Not part of the default test run. Run it with

    python3 tests/benchmarks/bench_print.py [--people 1000] [--repeat 3]

It builds a temporary SQLite database with one branch, 20 areas, 1,000
active watch users (each with a cooperator pair and a year of monthly
contacts, 12,000 contacts), then times ``printing.print_list`` for the
phone-round sheet with its default columns — the whole print as the user
waits for it: the query, the PDF (reportlab, embedded IPAexGothic), the
register row and the audit row in one transaction, and the file write.
The same for the 災害時安否確認リスト (with addresses) is reported too.

Target: the 1,000-person 見守り list under 3 s (best of --repeat; the CPU
time is printed beside it, as a busy machine inflates wall time). The
script exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.core.kana import fold  # noqa: E402
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
from coordinator_app.services import printing  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402

TARGET_SECONDS = 3.0
TODAY = dt.date(2026, 11, 26)
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
KANJI = "見本試験仮野架空例田模擬手本雛形試作演習"


def build(path: Path, people: int) -> SignedIn:
    db = Database.open(str(path), create=True)
    with db.session() as s:
        b = Branch(code="01", name="見本支部")
        s.add(b)
        s.flush()
        areas = [Area(branch_id=b.id, name=f"見本第{n}自治会") for n in range(1, 21)]
        s.add_all(areas)
        s.flush()
        coops = []
        for n in range(60):
            p = Person(branch_id=b.id, name=f"協力 {n:02d}", kana=f"きょうりょく{n:02d}",
                       kana_key=fold(f"きょうりょく{n:02d}"), name_key=fold(f"協力 {n:02d}"),
                       phone=f"048-000-{n:04d}")
            s.add(p)
            s.flush()
            v = Volunteer(branch_id=b.id, person_id=p.id, registered_on=dt.date(2020, 4, 1),
                          registered_month=202004)
            s.add(v)
            s.flush()
            s.add(VolunteerRole(volunteer_id=v.id, role_code="watch"))
            coops.append(v.id)
        for i in range(people):
            kana = KANA[i % len(KANA)] + KANA[(i // len(KANA)) % len(KANA)] + KANA[i % 7]
            name = KANJI[i % len(KANJI)] + KANJI[(i * 7) % len(KANJI)] + f" 利用者{i:04d}"
            p = Person(branch_id=b.id, name=name, kana=f"{kana} りようしゃ", kana_key=fold(kana),
                       name_key=fold(name), phone=f"048-000-{i:04d}",
                       address=f"上尾市見本町{i % 40 + 1}-{i % 13 + 1}",
                       area_id=areas[i % len(areas)].id, birth_date=dt.date(1935 + i % 20, 1, 1))
            s.add(p)
            s.flush()
            u = WatchUser(branch_id=b.id, person_id=p.id, enrolled_on=dt.date(2024, 4, 1),
                          enrolled_month=202404)
            s.add(u)
            s.flush()
            for vid in (coops[(2 * i) % 60], coops[(2 * i + 1) % 60]):
                s.add(WatchAssignment(watch_user_id=u.id, volunteer_id=vid))
            for m in range(12):
                day = dt.date(2025 + (11 + m) // 12, (11 + m) % 12 + 1, 1 + i % 27)
                s.add(WatchContact(branch_id=b.id, watch_user_id=u.id, contacted_on=day,
                                   month=day.year * 100 + day.month,
                                   method=("phone", "visit", "outside")[m % 3], result="ok"))
        branch_id = b.id
    db.close()
    return SignedIn(0, "bench", "ベンチ", "coordinator", branch_id, "01", "見本支部")


def time_print(db: Database, user: SignedIn, kind: str, out: Path, repeat: int):
    """Best wall-clock and best CPU time over ``repeat`` prints. The CPU
    time shows the cost when the machine is busy with other work."""
    best = best_cpu = None
    result = None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = printing.print_list(db, user, printing.PrintRequest(
            kind=kind, recipient="ベンチマーク"), out, today=TODAY)
        elapsed, used = time.perf_counter() - start, time.process_time() - cpu
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = used if best_cpu is None else min(best_cpu, used)
    return best, best_cpu, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        user = build(tmp / "bench.db", args.people)
        print(f"built {args.people} watch users in {time.perf_counter() - t0:.1f} s")
        db = Database.open(str(tmp / "bench.db"))
        try:
            watch, cpu, result = time_print(db, user, "watch_users", tmp / "watch.pdf",
                                            args.repeat)
            print(f"見守り電話確認リスト: {result.people} people, {result.pages} pages, "
                  f"{(tmp / 'watch.pdf').stat().st_size / 1024:.0f} KiB: {watch:.2f} s "
                  f"(CPU {cpu:.2f} s; target < {TARGET_SECONDS:.0f} s)")
            disaster, cpu, result = time_print(db, user, "disaster", tmp / "disaster.pdf",
                                               args.repeat)
            print(f"災害時安否確認リスト: {result.people} people, {result.pages} pages: "
                  f"{disaster:.2f} s (CPU {cpu:.2f} s)")
        finally:
            db.close()
    if watch >= TARGET_SECONDS:
        print("TARGET MISSED", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
