"""Benchmark: the import wizard (issue 20) on a 50,000-row workbook. Not
part of the default test run:

    nice python3 tests/benchmarks/bench_wizard.py [--rows 50000]

Writes (once; cached under /tmp) a watch-user workbook the way a branch
keeps one: a title row merged across the sheet, a two-row header (氏名 over
姓/名, 生年月日 over 年/月/日), 和暦 and Excel dates, one sheet. Then, each
step a separate process (start-up included, memory its own), it times

  (a) steps 1-3: sheets, the first 50 rows as a grid, the header row and
      the proposed mapping, the distinct values of a coded column;
  (b) step 4: ``preview`` (every row checked with the importer's rules);
  (c) step 5: ``person_matches``;
  (d) step 6: ``run_import`` into a new database (with its backup);

and prints the time and the peak memory (``ru_maxrss`` of the child
process) of each. Targets: preview < 2 s; peak memory < 200 MB (the
importer's, issue 19). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(tempfile.gettempdir()) / "coordinator-bench-wizard"
PREVIEW_TARGET_S = 2.0
MEMORY_TARGET_MB = 200

SURNAMES = ["見本", "仮野", "架空", "試験", "例田", "模擬", "手本", "雛形"]
SURNAME_KANA = ["みほん", "かりの", "かくう", "しけん", "れいだ", "もぎ", "てほん", "ひながた"]
GIVEN = ["太郎", "花子", "次郎", "健", "和子", "誠", "幸子", "清"]
GIVEN_KANA = ["たろう", "はなこ", "じろう", "けん", "かずこ", "まこと", "さちこ", "きよし"]
AREAS = ["本町一丁目自治会", "原市北区", "平方第1自治会", "ＡＢ団地自治会"]


def workbook(rows: int) -> Path:
    path = CACHE / f"watch-users-{rows}-v2.xlsx"
    if path.exists():
        return path
    import openpyxl

    CACHE.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(20)
    wb = openpyxl.Workbook()  # not write-only: shared strings and a dimension, as Excel saves
    ws = wb.active
    ws.title = "見守り台帳"
    ws.append(["令和7年度 見守り対象者台帳"])
    ws.append(["番号", "氏名", "", "フリガナ", "生年月日", "", "", "電話", "町内会", "登録日", "終了日",
               "終了理由"])
    ws.append(["", "姓", "名", "", "年", "月", "日"])
    for i in range(rows):
        s, g = rnd.randrange(len(SURNAMES)), rnd.randrange(len(GIVEN))
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=rnd.randrange(11000))
        enrolled = dt.date(2020, 4, 1) + dt.timedelta(days=rnd.randrange(1500))
        era_year = f"昭和{birth.year - 1925}" if birth.year < 1989 else birth.year
        ended = rnd.random() < 0.1
        ws.append([f"U{i + 1:06d}", SURNAMES[s], GIVEN[g], f"{SURNAME_KANA[s]} {GIVEN_KANA[g]}",
                   era_year, birth.month, birth.day, f"048-{rnd.randrange(1000):03d}-{i % 10000:04d}",
                   rnd.choice(AREAS), dt.datetime.combine(enrolled, dt.time()),
                   f"R7.{rnd.randrange(1, 10)}.1" if ended else "", "入所" if ended else ""])
    for ref in ("A1:L1", "B2:C2", "E2:G2"):
        ws.merge_cells(ref)
    wb.save(path)
    return path


CHILD = r'''
import json, resource, sys, time
from pathlib import Path
from coordinator_app.core import clock
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.services import ledger_wizard as lw
from coordinator_app.storage.database import Database
import datetime as dt

step, path, db_path = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
clock.set_now(dt.datetime(2026, 11, 26, 10))
db = Database.open(db_path)

def spec():
    cells = lw.grid(path, "見守り台帳")
    row = lw.guess_header_row(cells)
    header = lw.header_of(cells, row)
    s = lw.WizardSpec("watch-users", path, ["見守り台帳"], row,
                      lw.propose_mapping("watch-users", header, "01"), header=header)
    s.values["end_reason"] = {"入所": "facility"}
    return s

t0 = time.perf_counter()
out = {}
if step == "steps1-3":
    info = lw.open_source(path)
    s = spec()
    out["values"] = lw.distinct_values(path, s.sheets, s.header_row, s.mapping, "end_reason")
    out["mapped"] = sorted(s.mapping)
elif step == "preview":
    p = lw.preview(db, None, spec())
    out.update(rows=p.total_rows, errors=p.error_total)
elif step == "people":
    out["proposals"] = len(lw.person_matches(db, None, spec()))
elif step == "import":
    r = lw.run_import(db, None, spec())
    out.update(created=r.created, merged=r.merged_people)
out["seconds"] = time.perf_counter() - t0
out["cpu_s"] = round(time.process_time(), 2)
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out, ensure_ascii=False, default=str))
'''


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    path = workbook(args.rows)
    print(f"workbook: {path} ({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s)")
    work = Path(tempfile.mkdtemp(prefix="bench-wizard-"))
    db_path = work / "bench.db"
    subprocess.run([sys.executable, "-m", "coordinator_app", "--db", str(db_path), "init"],
                   check=True, cwd=ROOT, capture_output=True)
    branches = work / "branches.csv"
    branches.write_text("code,name\n01,第一支部\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "coordinator_app", "--db", str(db_path), "import",
                    "branches", str(branches)], check=True, cwd=ROOT, capture_output=True)
    failed = False
    for step in ("steps1-3", "preview", "people", "import"):
        done = subprocess.run([sys.executable, "-c", CHILD, step, str(path), str(db_path)],
                              cwd=ROOT, capture_output=True, text=True,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)))
        if done.returncode:
            print(done.stderr)
            return 1
        out = json.loads(done.stdout.strip().splitlines()[-1])
        seconds, peak = out.pop("seconds"), out.pop("peak_mb")
        print(f"{step:9s} {seconds:7.2f} s  peak {peak:6.0f} MB  {out}", flush=True)
        failed |= (step == "preview" and seconds > PREVIEW_TARGET_S) or peak > MEMORY_TARGET_MB
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
