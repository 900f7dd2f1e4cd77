"""Benchmark: ledger imports at city scale (issue 19), against a minimal
reference loader kept here (plain ``sqlite3``, no validation beyond types).
Not part of the default test run:

    nice python3 tests/benchmarks/bench_import.py [--scale 1.0] [--pg URL]

It writes (once; cached under /tmp) the ledger files of 19 branches:
6,000 volunteers, 6,000 watch users, 135,000 watch contacts, 300,000
consultations (some with summaries over several lines, as offices write
them) and a 1,000,000-line consultations file, plus a 40-line update.
Then, each import a separate process (start-up included), it times

  (a) the six files into a new database: ``coordinator-app import`` per
      file, and the reference loader per file;
  (b) the 1,000,000-line file into a new database (after its branches);
  (c) the 40-line file (20 new records, 20 updates) into that database of
      1,000,000 records, twice (the day's copy is taken before the day's
      first import: see ``services.backups.backup_before_import``);

and prints, per step, the time and the peak memory of the child process
(its ``ru_maxrss``, from ``os.wait4``: RUSAGE_CHILDREN of that one child),
the ratio to the reference, and both database sizes after (a). With
``--pg URL`` (an empty PostgreSQL database) it also times (a) there.
Targets (issue 19): peak memory < 200 MB for every import, the 40-line
import < 1 s, the database within 2x of the reference's size; the import
time within 2x of the reference's is reported (the running counts' and
search keys' triggers and the validation cost what they cost).
Exits 1 when a memory, small-import or size target is missed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(tempfile.gettempdir()) / "coordinator-bench-import-v1"
N_BRANCHES = 19
SIZES = {"volunteers": 6_000, "watch-users": 6_000, "watch-contacts": 135_000,
         "consultations": 300_000}
BIG_LINES = 1_000_000
ORDER = ("branches", "volunteers", "watch-users", "watch-contacts", "consultations")
MEMORY_TARGET_MB = 200
SMALL_TARGET_S = 1.0
SIZE_RATIO_TARGET = 2.0

HEADERS = {
    "branches": ["code", "name", "base_name", "address", "phone"],
    "consultations": ["external_id", "branch_code", "received_on", "kind", "channel",
                      "from_whom", "categories", "response", "referred_to", "person_name",
                      "person_kana", "summary"],
    "watch-users": ["external_id", "branch_code", "name", "kana", "birth_date", "phone",
                    "address", "area", "enrolled_on", "ended_on", "end_reason"],
    "watch-contacts": ["watch_user_id", "branch_code", "contacted_on", "method", "by", "result",
                       "note"],
    "volunteers": ["external_id", "branch_code", "name", "kana", "kind", "roles", "phone",
                   "address", "area", "registered_on", "withdrawn_on", "skills", "insurance_fy"],
}
FIRST = dt.date(2022, 4, 1)
LAST = dt.date(2026, 10, 31)
SURNAMES = [("見本", "みほん"), ("仮野", "かりの"), ("架空", "かくう"), ("試験", "しけん"),
            ("例田", "れいだ"), ("模擬", "もぎ"), ("検証", "けんしょう"), ("想定", "そうてい")]
GIVEN = [("太郎", "たろう"), ("花子", "はなこ"), ("次郎", "じろう"), ("健", "けん"),
         ("幸子", "さちこ"), ("一郎", "いちろう"), ("和子", "かずこ"), ("実", "みのる")]
TOPICS = ["介護保険の申請について相談", "成年後見制度の利用を検討", "生活費のやりくりが苦しい",
          "近所づきあいの悩み", "通院の足がない", "子育ての不安", "住まいの修繕について"]
CATEGORIES = ["life", "money", "care", "health", "disability", "childcare", "housing",
              "rights", "mobility", "volunteer", "other"]


def _day(rng: random.Random, lo: dt.date = FIRST, hi: dt.date = LAST) -> dt.date:
    return lo + dt.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


def _person(rng: random.Random) -> tuple[str, str]:
    (s, sk), (g, gk) = rng.choice(SURNAMES), rng.choice(GIVEN)
    n = rng.randint(1, 400)
    return f"{s} {g}{n}", f"{sk} {gk}"


def _branch(i: int) -> str:
    return f"{i % N_BRANCHES + 1:02d}"


def _consultation(rng: random.Random, i: int, prefix: str = "C", multiline: bool = True) -> list:
    branch = _branch(i)
    name, kana = _person(rng) if rng.random() < 0.4 else ("", "")
    summary = rng.choice(TOPICS) + f"（{i}）"
    if multiline and rng.random() < 0.25:
        summary += "\n" + rng.choice(TOPICS)  # a summary over two lines, quoted
    return [f"{prefix}{branch}-{i:07d}", branch, _day(rng).isoformat(),
            rng.choice(["consultation", "contact"]), rng.choice(["visit", "phone", "outreach",
                                                                "other"]),
            rng.choice(["self", "family", "neighbor", "community", "agency"]),
            ";".join(rng.sample(CATEGORIES, rng.randint(1, 2))),
            rng.choice(["urgent", "referred", "listened"]),
            "地域包括支援センター" if rng.random() < 0.2 else "", name, kana, summary]


def write_files(folder: Path, scale: float) -> dict[str, Path]:
    """The ledger files, written once (seeded) and cached."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {k: folder / f"{k}.csv" for k in ORDER}
    files["big"] = folder / "consultations-1m.csv"
    files["small"] = folder / "small.csv"
    if all(p.exists() for p in files.values()):
        return files
    rng = random.Random(19)
    n = {k: max(1, int(v * scale)) for k, v in SIZES.items()}

    def out(kind_or_name: str, header: list[str], rows) -> None:
        path = files[kind_or_name]
        with open(path.with_suffix(".tmp"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(header)
            w.writerows(rows)
        path.with_suffix(".tmp").replace(path)

    out("branches", HEADERS["branches"],
        ([f"{i:02d}", f"第{i}支部", f"第{i}地区公民館", f"上尾市見本町{i}", f"048-000-{i:04d}"]
         for i in range(1, N_BRANCHES + 1)))
    vols_of = {_branch(i): [] for i in range(N_BRANCHES)}
    vol_rows = []
    for i in range(n["volunteers"]):
        b = _branch(i)
        ext = f"V{b}-{i:05d}"
        vols_of[b].append(ext)
        name, kana = _person(rng)
        reg = _day(rng, FIRST, dt.date(2024, 3, 31))
        vol_rows.append([ext, b, name, kana, "individual", rng.choice(["watch", "watch;salon",
                                                                       "driver", "general"]),
                         f"048-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}", "", f"{b}区自治会",
                         reg.isoformat(), "", "", "2025" if rng.random() < 0.5 else ""])
    out("volunteers", HEADERS["volunteers"], vol_rows)
    users = []
    user_rows = []
    for i in range(n["watch-users"]):
        b = _branch(i)
        ext = f"W{b}-{i:05d}"
        name, kana = _person(rng)
        enrolled = _day(rng, FIRST, dt.date(2024, 3, 31))
        ended = _day(rng, dt.date(2025, 4, 1), LAST) if rng.random() < 0.1 else None
        users.append((ext, b, enrolled, ended or LAST))
        user_rows.append([ext, b, name, kana, "", "", "", f"{b}区自治会", enrolled.isoformat(),
                          ended.isoformat() if ended else "",
                          rng.choice(["facility", "death", "moved"]) if ended else ""])
    out("watch-users", HEADERS["watch-users"], user_rows)

    def contacts():
        for _ in range(n["watch-contacts"]):
            ext, b, lo, hi = rng.choice(users)
            by = "staff" if rng.random() < 0.5 else ";".join(rng.sample(vols_of[b], 1))
            yield [ext, b, _day(rng, lo, hi).isoformat(),
                   rng.choice(["visit", "phone", "outside", "newsletter"]), by,
                   rng.choice(["ok", "ok", "ok", "absent", "concern"]),
                   "元気そう" if rng.random() < 0.1 else ""]
    out("watch-contacts", HEADERS["watch-contacts"], contacts())
    out("consultations", HEADERS["consultations"],
        (_consultation(rng, i) for i in range(n["consultations"])))
    out("big", HEADERS["consultations"],
        (_consultation(rng, i, "B", multiline=False) for i in range(int(BIG_LINES * scale))))
    small = [_consultation(rng, i, "N", multiline=False) for i in range(20)]
    small += [_consultation(rng, i * 997 % int(BIG_LINES * scale), "B", multiline=False)
              for i in range(20)]  # updates of records there
    out("small", HEADERS["consultations"], small)
    return files


# --- the minimal reference: the same records, plain sqlite3 ---------------------------------

REFERENCE_SCHEMA = """
CREATE TABLE IF NOT EXISTS branch (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT,
    base_name TEXT, address TEXT, phone TEXT);
CREATE TABLE IF NOT EXISTS volunteer (id INTEGER PRIMARY KEY, branch_id INT, external_id TEXT,
    name TEXT, kana TEXT, kind TEXT, roles TEXT, phone TEXT, address TEXT, area TEXT,
    registered_on TEXT, withdrawn_on TEXT, skills TEXT, insurance_fy INT,
    UNIQUE (branch_id, external_id));
CREATE TABLE IF NOT EXISTS watch_user (id INTEGER PRIMARY KEY, branch_id INT, external_id TEXT,
    name TEXT, kana TEXT, birth_date TEXT, phone TEXT, address TEXT, area TEXT,
    enrolled_on TEXT, ended_on TEXT, end_reason TEXT, UNIQUE (branch_id, external_id));
CREATE TABLE IF NOT EXISTS watch_contact (id INTEGER PRIMARY KEY, branch_id INT,
    watch_user_id INT, contacted_on TEXT, method TEXT, by_staff INT, result TEXT, note TEXT);
CREATE TABLE IF NOT EXISTS watch_contact_volunteer (contact_id INT, volunteer_id INT,
    PRIMARY KEY (contact_id, volunteer_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS watch_contact_user ON watch_contact (watch_user_id, contacted_on);
CREATE TABLE IF NOT EXISTS consultation (id INTEGER PRIMARY KEY, branch_id INT,
    external_id TEXT, received_on TEXT, kind TEXT, channel TEXT, from_whom TEXT,
    categories TEXT, response TEXT, referred_to TEXT, person_name TEXT, person_kana TEXT,
    summary TEXT, UNIQUE (branch_id, external_id));
"""


def reference_load(db_path: str, kind: str, csv_path: str) -> None:
    """Load one ledger file: decode, parse, look the branch (and user,
    volunteers) up, insert or replace by external_id; one transaction."""
    con = sqlite3.connect(db_path)
    con.executescript("PRAGMA journal_mode=WAL;" + REFERENCE_SCHEMA)
    branches = dict(con.execute("SELECT code, id FROM branch"))
    with open(csv_path, encoding="utf-8-sig", newline="") as f, con:
        rows = csv.reader(f)
        next(rows)
        if kind == "branches":
            con.executemany("INSERT OR REPLACE INTO branch (code, name, base_name, address, phone)"
                            " VALUES (?, ?, ?, ?, ?)", rows)
        elif kind == "consultations":
            con.executemany(
                "INSERT OR REPLACE INTO consultation (external_id, branch_id, received_on, kind,"
                " channel, from_whom, categories, response, referred_to, person_name,"
                " person_kana, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((r[0], branches[r[1]], *r[2:]) for r in rows))
        elif kind == "volunteers":
            con.executemany(
                "INSERT OR REPLACE INTO volunteer (external_id, branch_id, name, kana, kind,"
                " roles, phone, address, area, registered_on, withdrawn_on, skills, insurance_fy)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((r[0], branches[r[1]], *r[2:12], int(r[12]) if r[12] else None) for r in rows))
        elif kind == "watch-users":
            con.executemany(
                "INSERT OR REPLACE INTO watch_user (external_id, branch_id, name, kana,"
                " birth_date, phone, address, area, enrolled_on, ended_on, end_reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((r[0], branches[r[1]], *r[2:]) for r in rows))
        else:
            users = {(b, e): i for i, b, e in con.execute(
                "SELECT id, branch_id, external_id FROM watch_user")}
            vols = {(b, e): i for i, b, e in con.execute(
                "SELECT id, branch_id, external_id FROM volunteer")}
            next_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM watch_contact").fetchone()[0]
            contact_rows, links = [], []
            for r in rows:
                b = branches[r[1]]
                staff = r[4] == "staff"
                contact_rows.append((next_id, b, users[(b, r[0])], r[2], r[3], staff, r[5], r[6]))
                links += [(next_id, vols[(b, v)]) for v in ([] if staff else r[4].split(";"))]
                next_id += 1
                if len(contact_rows) >= 10_000:
                    con.executemany("INSERT INTO watch_contact VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    contact_rows)
                    con.executemany("INSERT INTO watch_contact_volunteer VALUES (?, ?)", links)
                    contact_rows, links = [], []
            con.executemany("INSERT INTO watch_contact VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            contact_rows)
            con.executemany("INSERT INTO watch_contact_volunteer VALUES (?, ?)", links)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


# --- timing child processes -----------------------------------------------------------------

def run(cmd: list[str], env: dict) -> tuple[float, float]:
    """(seconds, peak memory in MB) of one child process, which must succeed."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{out}{err}")
    return seconds, usage.ru_maxrss / 1024


def app(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "coordinator_app", "--db", db, *args]


def reference(db: str, kind: str, path: Path) -> list[str]:
    return [sys.executable, __file__, "--reference", db, kind, str(path)]


def checkpointed_size(path: Path) -> int:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--pg", help="an empty PostgreSQL database URL: time (a) there too")
    parser.add_argument("--steps", default="abc", help="which steps to run (default: abc)")
    parser.add_argument("--reference", nargs=3, metavar=("DB", "KIND", "FILE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference:
        reference_load(*args.reference)
        return 0
    folder = CACHE if args.scale == 1.0 else CACHE.with_name(f"{CACHE.name}-{args.scale}")
    t0 = time.perf_counter()
    files = write_files(folder, args.scale)
    print(f"files: {folder} ({time.perf_counter() - t0:.1f} s); lines: "
          + ", ".join(f"{k} {sum(1 for _ in open(p, 'rb')) - 1:,}" for k, p in files.items()))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("COORDINATOR_APP_DB", None)
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    missed = []

    def line(step: str, app_t: float, app_mb: float, ref_t: float | None = None,
             ref_mb: float | None = None) -> None:
        ratio = f"{app_t / ref_t:5.1f}x" if ref_t else "   - "
        ref = f"{ref_t:7.2f} s {ref_mb:6.0f} MB" if ref_t else " " * 17
        print(f"  {step:<34} app {app_t:7.2f} s {app_mb:6.0f} MB   reference {ref}   {ratio}")
        if app_mb > MEMORY_TARGET_MB:
            missed.append(f"{step}: {app_mb:.0f} MB")

    try:
        if "a" in args.steps:
            step_a(files, work, env, line, missed)
        if "b" in args.steps or "c" in args.steps:
            step_bc(files, work, env, line, missed)
        if args.pg:
            print(f"(a) on PostgreSQL ({args.pg.rsplit('@', 1)[-1]})")
            run(app(args.pg, "init"), env)
            for kind in ORDER:
                at, am = run(app(args.pg, "import", kind, str(files[kind])), env)
                line(kind, at, am)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if missed:
        print("targets missed: " + "; ".join(missed))
        return 1
    print("targets met")
    return 0


def step_a(files, work, env, line, missed) -> None:
    """The six files into a new database, app and reference, and both sizes."""
    print("(a) the six files, one process each (start-up included)")
    a_db, r_db = work / "app.db", work / "reference.db"
    run(app(str(a_db), "init"), env)
    totals = [0.0, 0.0]
    for kind in ORDER:
        at, am = run(app(str(a_db), "import", kind, str(files[kind])), env)
        rt, rm = run(reference(str(r_db), kind, files[kind]), env)
        totals[0] += at
        totals[1] += rt
        line(kind, at, am, rt, rm)
    print(f"  {'all':<34} app {totals[0]:7.2f} s {'':9}   reference {totals[1]:7.2f} s"
          f" {'':9}   {totals[0] / totals[1]:5.1f}x")
    a_size, r_size = checkpointed_size(a_db), checkpointed_size(r_db)
    print(f"  database size: app {a_size / 1e6:.1f} MB, reference {r_size / 1e6:.1f} MB,"
          f" {a_size / r_size:.2f}x")
    if a_size / r_size > SIZE_RATIO_TARGET:
        missed.append(f"size {a_size / r_size:.2f}x")


def step_bc(files, work, env, line, missed) -> None:
    """The 1,000,000-line file, then the 40-line one into that database."""
    print("(b) the 1,000,000-line consultations file into a new database")
    b_db, rb_db = work / "big.db", work / "big-reference.db"
    run(app(str(b_db), "init"), env)
    run(app(str(b_db), "import", "branches", str(files["branches"])), env)
    run(reference(str(rb_db), "branches", files["branches"]), env)
    at, am = run(app(str(b_db), "import", "consultations", str(files["big"])), env)
    rt, rm = run(reference(str(rb_db), "consultations", files["big"]), env)
    line("consultations-1m", at, am, rt, rm)

    print("(c) a 40-line file (20 new, 20 updates) into that database")
    for n in (1, 2):
        at, am = run(app(str(b_db), "import", "consultations", str(files["small"])), env)
        line(f"small import, run {n}", at, am)
        if at > SMALL_TARGET_S:
            missed.append(f"small import {at:.2f} s")
    copies = sorted(p.name for p in (work / "backups").glob("big-*")) \
        if (work / "backups").is_dir() else []
    print(f"  copies of big.db before imports: {len(copies)} (the day's first import only)")


if __name__ == "__main__":
    sys.exit(main())
