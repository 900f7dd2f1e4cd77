"""Benchmark: encryption at rest (SQLCipher) against a plain database.

Not part of the default test run. Run it with

    python3 tests/benchmarks/bench_encryption.py [--rebuild] [--repeat N]

It builds the 1,000,000-consultation database with bench_tallies.py's
generator (once, cached under /tmp under its own name, so that the two
benchmarks never rebuild each other's file), makes an encrypted copy of it
(sqlcipher_export, cached beside it, with one administrator account), then
times

  (a) ``export tallies`` for one fiscal year, all branches
      (``tallies.compute`` + ``tallies.write_csv``), plain and encrypted,
      and their ratio (target: encrypted < 1.5x plain);
  (b) signing in to the encrypted database as the GUI and the command line
      do: unwrap the account's copy of the key (argon2id with the app's
      parameters), open the database, check the password
      (``accounts.authenticate``) and run a first query (target < 1 s),
      with the share of each step.

The best of --repeat runs is kept for (a), the median for (b). The script
exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for p in (ROOT, HERE):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import bench_tallies  # noqa: E402  (the shared generator and cached database)
from sqlalchemy import func, select  # noqa: E402

from coordinator_app.core.models import Branch  # noqa: E402
from coordinator_app.services import accounts
from coordinator_app.storage import (
    encryption,
    engine,  # noqa: E402
    keyfile,
    migrate,
)
from coordinator_app.storage.database import Database  # noqa: E402

PLAIN = bench_tallies.CACHE.with_name("coordinator-bench-encryption-v1.plain.db")
ENCRYPTED = PLAIN.with_name("coordinator-bench-encryption-v1.encrypted.db")
LOGIN, PASSWORD = "bench-admin", "bench-admin-password"
RATIO_TARGET = 1.5
SIGN_IN_TARGET_S = 1.0


def ensure_plain(rebuild: bool) -> None:
    if rebuild or not PLAIN.exists() or \
            migrate.current_revisions(bench_tallies._engine(PLAIN)) != migrate.head_revisions():
        PLAIN.unlink(missing_ok=True)
        bench_tallies.build(PLAIN)


def ensure_encrypted(rebuild: bool) -> None:
    """The encrypted twin of PLAIN, rebuilt when PLAIN is newer."""
    keys = keyfile.keys_path(ENCRYPTED)
    if not rebuild and ENCRYPTED.exists() and keys.exists() and \
            ENCRYPTED.stat().st_mtime >= PLAIN.stat().st_mtime:
        return
    for f in encryption.database_files(ENCRYPTED):
        f.unlink()
    t = time.perf_counter()
    key = keyfile.new_database_key()
    encryption.export_encrypted(PLAIN, ENCRYPTED, key)
    keyfile.KeyFile.new(key).save(keys)
    db = Database.open(str(ENCRYPTED), key=key)
    try:
        accounts.create_account(db, LOGIN, "ベンチ 管理者", "admin", PASSWORD)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    print(f"built {ENCRYPTED} in {time.perf_counter() - t:.1f} s", flush=True)


def time_export(db: Database, out: Path, repeat: int) -> tuple[float, int]:
    bench_tallies.export_tallies(db, bench_tallies.FY, out)  # warm the page caches alike
    runs = [bench_tallies.export_tallies(db, bench_tallies.FY, out) for _ in range(repeat)]
    return min(r[0] for r in runs), runs[0][1]


def time_sign_in() -> dict[str, float]:
    steps = {}
    c0 = time.process_time()
    t0 = time.perf_counter()
    keys = keyfile.KeyFile.load(keyfile.keys_path(ENCRYPTED))
    keys.unlock_account(LOGIN, PASSWORD)
    t1 = time.perf_counter()
    db = encryption.open_encrypted(ENCRYPTED, LOGIN, PASSWORD)  # unwraps again: timed apart
    t2 = time.perf_counter()
    who = accounts.authenticate(db, LOGIN, PASSWORD)
    t3 = time.perf_counter()
    with db.session() as s:
        s.scalar(select(func.count()).select_from(Branch))
    t4 = time.perf_counter()
    c4 = time.process_time()
    db.close()
    assert who.is_admin
    steps["unwrap the key (argon2id)"] = t1 - t0
    steps["open (unwrap + engine + schema check)"] = t2 - t1
    steps["check the password (authenticate)"] = t3 - t2
    steps["first query"] = t4 - t3
    steps["sign-in total"] = t4 - t1
    steps["CPU time, all threads (unwrap counted twice)"] = c4 - c0
    return steps


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs")
    args = ap.parse_args()
    ensure_plain(args.rebuild)
    ensure_encrypted(args.rebuild)
    ok = True
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    import sqlite3

    from sqlcipher3 import dbapi2 as sqlcipher

    # The two engines differ in SQLite version too (sqlcipher3 bundles its own).
    print(f"plain: SQLite {sqlite3.sqlite_version}; encrypted: SQLCipher"
          f" {sqlcipher.connect(':memory:').execute('PRAGMA cipher_version').fetchone()[0]}"
          f" (SQLite {sqlcipher.sqlite_version})")
    print(f"argon2id: t={keyfile.KDF_TIME_COST}, m={keyfile.KDF_MEMORY_KIB // 1024} MiB,"
          f" p={keyfile.KDF_PARALLELISM}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tallies.csv"
        db = Database.open(str(PLAIN))
        plain_s, n_rows = time_export(db, out, args.repeat)
        db.close()
        plain_csv = out.read_bytes()
        db = encryption.open_encrypted(ENCRYPTED, LOGIN, PASSWORD)
        enc_s, n_enc = time_export(db, out, args.repeat)
        db.close()
        assert out.read_bytes() == plain_csv, "the encrypted export differs from the plain one"
    ratio = enc_s / plain_s
    print(f"(a) export tallies FY{bench_tallies.FY}, {bench_tallies.N_CONSULTATIONS:,}"
          f" consultations ({n_rows} rows, identical files)")
    print(f"    plain     {plain_s:.3f} s")
    print(f"    encrypted {enc_s:.3f} s")
    print(f"    ratio     {ratio:.2f}x  (target < {RATIO_TARGET}x)")
    print(f"    (both with a {engine.CACHE_KIB // 1024} MiB page cache)")
    ok &= ratio < RATIO_TARGET

    runs = [time_sign_in() for _ in range(max(5, args.repeat))]
    print(f"(b) sign in to the encrypted database, {len(runs)} runs:   median     best")
    for step in runs[0]:
        print(f"    {step:<48} {statistics.median(r[step] for r in runs):.3f} s"
              f"  {min(r[step] for r in runs):.3f} s")
    total = statistics.median(r["sign-in total"] for r in runs)
    print(f"    target < {SIGN_IN_TARGET_S} s")
    ok &= total < SIGN_IN_TARGET_S
    print("all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
