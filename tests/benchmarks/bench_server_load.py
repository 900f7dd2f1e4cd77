"""Benchmark: a city server under load (issue 21). Not part of the default
test run:

    python3 tests/benchmarks/bench_server_load.py --seconds 120 \\
        [--url postgresql+psycopg://coord_test:coord_test@localhost:5432/postgres] \\
        [--branches 13 --clients 3 --workers 4]

Makes a fresh PostgreSQL database on the server of --url (default
$COORDINATOR_APP_TEST_PG), with 13 branches, and runs 13 × 3 clients at
once — each an app instance of its own (its own ``Database`` and engine),
spread over ``--workers`` processes as threads — that save consultations
and watch contacts through the services, as the screens do (through
``services.saving.retried``), for ``--seconds``. Every client logs what it
saved. Then it checks:

  - no lost write: every logged save is in the database, once;
  - no duplicated write: the database holds nothing the clients did not log;
  - the tallies (``counting.compute``, from the running counts) equal a
    brute-force ``count(*)`` of the records per branch, and the clients' logs.

and prints p50/p95/max save latency and throughput. Exits 1 when a check
fails. The database is dropped afterwards (``--keep`` keeps it).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from coordinator_app.core import clock, codes, counting  # noqa: E402
from coordinator_app.core.access import SignedIn  # noqa: E402
from coordinator_app.core.dates import fiscal_year_of, month_key  # noqa: E402
from coordinator_app.core.models import (  # noqa: E402
    Branch,
    Consultation,
    Person,
    WatchContact,
    WatchUser,
)
from coordinator_app.services import consultations, saving, watch  # noqa: E402
from coordinator_app.services.consultations import ConsultationDraft  # noqa: E402
from coordinator_app.storage.database import Database  # noqa: E402


def _admin(url: str):
    return create_engine(url, isolation_level="AUTOCOMMIT")


def make_database(base_url: str, branches: int) -> tuple[str, dict[str, tuple[int, int]]]:
    """A fresh database with the branches, each with one watch user.
    Returns its URL and code → (branch id, watch user id)."""
    name = "bench_" + uuid.uuid4().hex[:10]
    admin = _admin(base_url)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = f"{base_url.rsplit('/', 1)[0]}/{name}"
    db = Database.open(url, create=True)
    out = {}
    today = clock.today()
    with db.session() as s:
        for n in range(1, branches + 1):
            b = Branch(code=f"{n:02d}", name=f"負荷{n:02d}支部", sort_order=n)
            s.add(b)
            s.flush()
            p = Person(branch_id=b.id, name=f"負荷 利用者{n}", kana="ふか りようしゃ")
            s.add(p)
            s.flush()
            start = today.replace(month=4, day=1) if today.month >= 4 else \
                today.replace(year=today.year - 1, month=4, day=1)
            wu = WatchUser(branch_id=b.id, person_id=p.id, enrolled_on=start,
                           enrolled_month=month_key(start))
            s.add(wu)
            s.flush()
            out[b.code] = (b.id, wu.id)
    db.close()
    return url, out


def run_client(url: str, code: str, branch_id: int, watch_user_id: int, client: int,
               seconds: float, seed: int) -> dict:
    """One app instance saving for ``seconds``: alternately a consultation
    and a watch contact. Returns its log and latencies."""
    db = Database.open(url, actor=f"bench{code}-{client}")
    user = SignedIn(0, f"bench{code}-{client}", "負荷試験", "coordinator", branch_id, code,
                    f"負荷{code}支部")
    rng = random.Random(seed)
    log = {"consultation": [], "contact": []}
    latency = {"consultation": [], "contact": []}
    failures: list[str] = []
    retries = [0]
    end = time.monotonic() + seconds
    i = 0
    try:
        while time.monotonic() < end:
            i += 1
            tag = f"bench:{code}:{client}:{i}"
            today = clock.today()
            if i % 2:
                kind = "consultation"
                draft = ConsultationDraft(
                    received_on=today, kind=rng.choice(list(codes.KIND)),
                    channel=rng.choice(list(codes.CHANNEL)),
                    from_whom=rng.choice(list(codes.FROM_WHOM)),
                    categories=rng.sample(["life", "money", "care", "health"], 2),
                    response=rng.choice(["referred", "listened"]), summary=tag)
                key = saving.new_key()  # one per save, kept through its retries
                work = lambda: consultations.create_consultation(  # noqa: E731
                    db, user, draft, client_key=key)
            else:
                kind = "contact"
                key, method = saving.new_key(), rng.choice(list(codes.WATCH_METHOD))
                work = lambda: watch.record_contact(  # noqa: E731
                    db, user, watch_user_id, contacted_on=today, method=method,
                    result="ok", by_staff=True, note=tag, client_key=key).contact_id
            t0 = time.perf_counter()
            try:
                record_id = saving.retried(work, on_retry=lambda _n: retries.__setitem__(
                    0, retries[0] + 1))
            except Exception as exc:  # reported, never silently dropped
                failures.append(f"{tag}: {type(exc).__name__}: {exc}"[:300])
                continue
            latency[kind].append(time.perf_counter() - t0)
            log[kind].append((tag, record_id))
    finally:
        db.close()
    return {"log": log, "latency": latency, "failures": failures, "retries": retries[0]}


def _worker(args) -> list[dict]:
    url, clients, seconds = args
    results: list[dict | None] = [None] * len(clients)

    def one(k, c):
        results[k] = run_client(url, *c, seconds=seconds, seed=hash(c) & 0xFFFF)

    threads = [threading.Thread(target=one, args=(k, c)) for k, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def check(url: str, branches: dict[str, tuple[int, int]], results: list[dict]) -> list[str]:
    """What is wrong (empty: nothing): lost, duplicated, tallies."""
    problems = []
    logged = {"consultation": {}, "contact": {}}
    for r in results:
        for kind in logged:
            for tag, rid in r["log"][kind]:
                if tag in logged[kind]:
                    problems.append(f"{kind} {tag} logged twice")
                logged[kind][tag] = rid
    db = Database.open(url)
    try:
        with db.session() as s:
            stored = {
                "consultation": s.execute(select(Consultation.summary, Consultation.id)).all(),
                "contact": s.execute(select(WatchContact.note, WatchContact.id)).all()}
            fy = fiscal_year_of(clock.today())
            rows = counting.compute(s, fy)
            brute = {
                "consultations": dict(s.execute(
                    select(Branch.code, func.count(Consultation.id)).join(
                        Consultation, Consultation.branch_id == Branch.id)
                    .where(Consultation.deleted_at.is_(None)).group_by(Branch.code)).all()),
                "watch_contacts": dict(s.execute(
                    select(Branch.code, func.count(WatchContact.id)).join(
                        WatchContact, WatchContact.branch_id == Branch.id)
                    .group_by(Branch.code)).all()),
            }
    finally:
        db.close()
    for kind in logged:
        in_db: dict[str, list[int]] = {}
        for tag, rid in stored[kind]:
            in_db.setdefault(tag, []).append(rid)
        lost = [t for t in logged[kind] if t not in in_db]
        doubled = [t for t, ids in in_db.items() if len(ids) > 1]
        unlogged = [t for t in in_db if t not in logged[kind]]
        wrong_id = [t for t, rid in logged[kind].items() if t in in_db and in_db[t] != [rid]]
        for what, items in (("lost", lost), ("duplicated", doubled),
                            ("not in any client's log", unlogged), ("other id", wrong_id)):
            if items:
                problems.append(f"{kind}: {len(items)} {what}, e.g. {items[:3]}")
    per_branch_log = {"consultations": {}, "watch_contacts": {}}
    for kind, measure in (("consultation", "consultations"), ("contact", "watch_contacts")):
        for tag in logged[kind]:
            code = tag.split(":")[1]
            per_branch_log[measure][code] = per_branch_log[measure].get(code, 0) + 1
    for measure in ("consultations", "watch_contacts"):
        tally: dict[str, int] = {}
        for r in rows:
            if r.measure == measure and r.breakdown == "total":
                tally[r.branch_code] = tally.get(r.branch_code, 0) + r.count
        for code in branches:
            got = (tally.get(code, 0), brute[measure].get(code, 0),
                   per_branch_log[measure].get(code, 0))
            if len(set(got)) != 1:
                problems.append(f"{measure} branch {code}: tally/brute force/log = {got}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", default=os.environ.get("COORDINATOR_APP_TEST_PG"))
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--branches", type=int, default=13)
    ap.add_argument("--clients", type=int, default=3)
    ap.add_argument("--workers", type=int, default=4, help="processes (clients run as threads)")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    if not a.url or not a.url.startswith("postgresql"):
        print("--url (or $COORDINATOR_APP_TEST_PG): a PostgreSQL URL")
        return 2
    url, branches = make_database(a.url, a.branches)
    clients = [(code, bid, wuid, n) for code, (bid, wuid) in branches.items()
               for n in range(1, a.clients + 1)]
    groups = [clients[k::a.workers] for k in range(a.workers)]
    print(f"{len(clients)} clients ({a.branches} branches × {a.clients}) in {a.workers} "
          f"processes for {a.seconds:.0f} s …", flush=True)
    t0 = time.perf_counter()
    try:
        with multiprocessing.get_context("spawn").Pool(a.workers) as pool:
            results = [r for group in pool.map(_worker, [(url, g, a.seconds) for g in groups])
                       for r in group]
        wall = time.perf_counter() - t0
        problems = check(url, branches, results)
    finally:
        if not a.keep:
            admin = _admin(a.url)
            name = url.rsplit("/", 1)[1]
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    failures = [f for r in results for f in r["failures"]]
    for kind in ("consultation", "contact"):
        lat = [x for r in results for x in r["latency"][kind]]
        print(f"{kind:>12}: {len(lat):6d} saves  p50 {percentile(lat, 50) * 1000:7.1f} ms  "
              f"p95 {percentile(lat, 95) * 1000:7.1f} ms  max {max(lat) * 1000:7.1f} ms")
    total = sum(len(r["latency"][k]) for r in results for k in ("consultation", "contact"))
    print(f"throughput: {total / a.seconds:.1f} saves/s over {a.seconds:.0f} s "
          f"(wall {wall:.0f} s); retries after a lost connection: "
          f"{sum(r['retries'] for r in results)}; failed saves reported: {len(failures)}")
    for f in failures[:10]:
        print("  failed:", f)
    for p in problems:
        print("PROBLEM:", p)
    print("OK: no lost or duplicated write; tallies = brute force = client logs"
          if not problems else "FAILED")
    return 1 if problems or failures else 0


if __name__ == "__main__":
    sys.exit(main())
