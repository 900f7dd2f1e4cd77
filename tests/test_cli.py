"""The command line of docs/interchange.md, run as city-office IT staff script
it: exit 0 on success; non-zero with ONE line on stderr on any error; a
failed command changes nothing. Runs in-process on SQLite and, when
configured, PostgreSQL; a couple of runs go through the installed entry
points."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from coordinator_app.cli import main
from coordinator_app.core import codes
from coordinator_app.core.models import Branch, Consultation
from coordinator_app.interchange import tally_file
from coordinator_app.storage import engine
from coordinator_app.storage.database import Database
from tests.db_snapshot import snapshot
from tests.test_import import (
    BRANCH_HEADER,
    CONSULTATION_HEADER,
    CONTACT_HEADER,
    VOLUNTEER_HEADER,
    WATCH_USER_HEADER,
    consultation,
    contact,
    ledger,
    volunteer,
    watch_user,
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, ""), err
    return out


def refused(capsys, db_url: str, *argv: str) -> str:
    """Run a command that must fail: non-zero, one line on stderr, and the
    database exactly as before."""
    db = Database.open(db_url)
    before = snapshot(db)
    db.close()
    code, _, err = run(capsys, *argv)
    assert code != 0
    assert err.endswith("\n") and err.count("\n") == 1, err
    db = Database.open(db_url)
    assert snapshot(db) == before
    db.close()
    return err


@pytest.fixture
def loaded(db_url, tmp_path, capsys):
    """A database with two branches and a few records, via the CLI."""
    ok(capsys, "--db", db_url, "init")
    files = {
        "branches": ledger(BRANCH_HEADER, ["01", "平方支部", "", "", ""], ["02", "原市支部", "", "", ""]),
        "volunteers": ledger(VOLUNTEER_HEADER, volunteer("V1"), volunteer("V2", branch="02")),
        "watch-users": ledger(WATCH_USER_HEADER, watch_user("W1"),
                              watch_user("W2", enrolled="2025-05-31", ended="2025-08-31",
                                         reason="facility")),
        "watch-contacts": ledger(CONTACT_HEADER, contact("W1", by="V1"),
                                 contact("W2", day="2025-06-01")),
        "consultations": ledger(CONSULTATION_HEADER, consultation("C1", cats="life;money"),
                                consultation("C2", branch="02", day="2026-03-31")),
    }
    for kind, data in files.items():
        path = tmp_path / f"{kind}.csv"
        path.write_bytes(data)
        out = ok(capsys, "--db", db_url, "import", kind, str(path))
        assert out.startswith(f"{kind}: 新規 ")
    return db_url


# --- init -------------------------------------------------------------------------------


def test_init_creates_the_database(tmp_path, capsys):
    path = tmp_path / "new.db"
    out = ok(capsys, "--db", str(path), "init")
    assert path.is_file() and "created" in out
    assert "current" in ok(capsys, "--db", str(path), "init")


def test_init_sample_loads_the_demo_once(db_url, capsys):
    out = ok(capsys, "--db", db_url, "init", "--sample")
    assert "デモデータを読み込みました" in out
    db = Database.open(db_url)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Branch)) == 13
        assert s.scalar(select(func.count()).select_from(Consultation)) > 1000
    db.close()
    err = refused(capsys, db_url, "--db", db_url, "init", "--sample")
    assert "すでにデータがあります" in err


# --- where the database lives --------------------------------------------------------------


def test_db_flag_then_environment_then_user_data_folder(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(engine, "user_data_dir", lambda *a, **k: str(tmp_path / "userdata"))
    monkeypatch.delenv(engine.ENV_DB, raising=False)
    ok(capsys, "init")
    assert (tmp_path / "userdata" / "coordinator.db").is_file()
    monkeypatch.setenv(engine.ENV_DB, str(tmp_path / "env.db"))
    ok(capsys, "init")
    assert (tmp_path / "env.db").is_file()
    ok(capsys, "--db", str(tmp_path / "flag.db"), "init")
    assert (tmp_path / "flag.db").is_file()
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["env.db", "flag.db"]


# --- import -------------------------------------------------------------------------------


def test_import_every_kind(loaded):
    db = Database.open(loaded)
    counts = {k: n for k, (n, _) in snapshot(db).items()}
    db.close()
    assert (counts["branch"], counts["volunteer"], counts["watch_user"], counts["watch_contact"],
            counts["consultation"], counts["consultation_category"]) == (2, 2, 2, 2, 2, 3)


def test_bad_ledger_is_refused_in_one_line(loaded, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(ledger(CONSULTATION_HEADER, consultation("C7"),
                           consultation("C8", day="2024-02-30"), consultation("C9", branch="99")))
    err = refused(capsys, loaded, "--db", loaded, "import", "consultations", str(bad))
    assert err.startswith("取り込めません（2 件のエラー、何も変更していません）: ")
    assert "line 3: received_on: 「2024-02-30」は存在しない日付です" in err
    assert "line 4: branch_code: 登録されていない支部コードです（99）" in err


@pytest.mark.parametrize("argv, message", [
    (["import", "consultations", "{tmp}/missing.csv"], "ファイルが見つかりません"),
    (["import", "people", "{tmp}/x.csv"], "'people' は選べません"),
    (["export", "tallies", "--out", "{tmp}/t.csv"], "--fiscal-year"),
    (["export", "tallies", "--fiscal-year", "2025", "--branch", "99", "--out", "{tmp}/t.csv"],
     "支部コード 99 は登録されていません"),
    (["export", "tallies", "--fiscal-year", "1800", "--out", "{tmp}/t.csv"], "年度は西暦4桁"),
    (["export", "tallies", "--fiscal-year", "2025", "--format", "pdf", "--out", "{tmp}/t.csv"],
     "'pdf' は選べません"),
    (["export", "tallies", "--fiscal-year", "2025", "--out", "{tmp}/no/such/dir/t.csv"], "エラー"),
    (["consolidate", "{tmp}/missing.csv", "--out", "{tmp}/c.csv"], "ファイルが見つかりません"),
    (["backup"], "--out"),
    (["frobnicate"], "'frobnicate' は選べません"),
])
def test_every_error_is_one_line_and_changes_nothing(loaded, tmp_path, capsys, argv, message):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    err = refused(capsys, loaded, "--db", loaded, *argv)
    assert message in err
    assert not (tmp_path / "t.csv").exists() and not (tmp_path / "c.csv").exists()


def test_failed_command_does_not_create_a_database(tmp_path, capsys):
    path = tmp_path / "never.db"
    code, _, err = run(capsys, "--db", str(path), "import", "branches", str(tmp_path / "none.csv"))
    assert code != 0 and err.count("\n") == 1
    assert not path.exists()


# --- export tallies ------------------------------------------------------------------------


def test_export_tallies_csv_is_byte_exact(loaded, tmp_path, capsys):
    out = tmp_path / "t.csv"
    ok(capsys, "--db", loaded, "export", "tallies", "--fiscal-year", "2025", "--out", str(out))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbffiscal_year,month,branch_code,measure,breakdown,key,count\r\n")
    assert data.endswith(b"\r\n") and b"\r\n\r\n" not in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == tally_file.HEADER
    body = rows[1:]
    keys = [(r[2], r[1], r[3], r[4], r[5]) for r in body]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    months = [f"{y:04d}-{m:02d}" for y, m in [(2025, m) for m in range(4, 13)]
              + [(2026, m) for m in range(1, 4)]]
    totals = {(r[2], r[1], r[3]): int(r[6]) for r in body if r[4] == "total"}
    assert set(totals) == {(b, m, measure) for b in ("01", "02") for m in months
                           for measure in codes.MEASURES}
    assert all(r[0] == "2025" and r[6].isdigit() for r in body)
    assert all(int(r[6]) > 0 for r in body if r[4] != "total")
    assert all(r[5] == "" for r in body if r[4] == "total")
    assert totals[("01", "2025-04", "consultations")] == 1
    assert totals[("02", "2026-03", "consultations")] == 1
    assert totals[("01", "2025-05", "consultations")] == 0
    assert totals[("01", "2025-04", "watch_users_active")] == 1   # W1
    assert totals[("01", "2025-05", "watch_users_active")] == 2   # W2 enrolled on May 31
    assert totals[("01", "2025-05", "watch_users_unreached")] == 1  # W1 reached, W2 not
    assert totals[("01", "2025-06", "watch_users_unreached")] == 1  # W2 reached, W1 not
    assert totals[("01", "2025-08", "watch_users_ended")] == 1
    assert totals[("01", "2025-08", "watch_users_active")] == 1   # W2 ended on the last day
    assert totals[("01", "2025-07", "watch_users_active")] == 2
    assert totals[("01", "2025-05", "watch_contacts")] == 1
    assert totals[("01", "2025-04", "volunteer_participations")] == 0
    by = {(r[2], r[1], r[3], r[4], r[5]): int(r[6]) for r in body}
    assert by[("01", "2025-04", "consultations", "category", "money")] == 1
    assert by[("01", "2025-08", "watch_users_ended", "end_reason", "facility")] == 1
    # one branch
    one = tmp_path / "one.csv"
    ok(capsys, "--db", loaded, "export", "tallies", "--fiscal-year", "2025", "--branch", "02",
       "--out", str(one))
    assert {r.branch_code for r in tally_file.read_csv(one)} == {"02"}
    assert tally_file.read_csv(one) == [r for r in tally_file.read_csv(out) if r.branch_code == "02"]


def test_export_tallies_xlsx_like_the_paper_report(loaded, tmp_path, capsys):
    import openpyxl

    out = tmp_path / "t.xlsx"
    ok(capsys, "--db", loaded, "export", "tallies", "--fiscal-year", "2025", "--format", "xlsx",
       "--out", str(out))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [codes.MEASURE_LABELS[m][:31] for m in codes.MEASURES]
    months = ["4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月"]
    ws = wb[codes.MEASURE_LABELS["consultations"]]
    assert "令和7年度" in ws.cell(1, 1).value
    header = [c.value for c in ws[3]]
    assert header == ["支部", "内訳", "項目", *months, "合計"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    total = next(r for r in rows if r[0] == "平方支部" and r[1] == "合計")
    assert total[3:] == [1] + [0] * 11 + [1]
    cats = {r[2]: r[-1] for r in rows if r[0] == "平方支部" and r[1] == "相談内容"}
    assert cats == {"生活": 1, "経済・生活困窮": 1}
    stock = wb[codes.MEASURE_LABELS["watch_users_active"]]
    assert [c.value for c in stock[3]][-1] == "年度末"  # an as-of figure is not summed


def test_export_xlsx_with_no_branch(tmp_path, capsys):
    db = str(tmp_path / "empty.db")
    ok(capsys, "--db", db, "init")
    ok(capsys, "--db", db, "export", "tallies", "--fiscal-year", "2025", "--format", "xlsx",
       "--out", str(tmp_path / "t.xlsx"))
    ok(capsys, "--db", db, "export", "tallies", "--fiscal-year", "2025", "--out",
       str(tmp_path / "t.csv"))
    assert (tmp_path / "t.csv").read_bytes() == \
        b"\xef\xbb\xbffiscal_year,month,branch_code,measure,breakdown,key,count\r\n"


# --- backup -------------------------------------------------------------------------------------


def test_backup_makes_a_checked_copy_that_opens(loaded, tmp_path, capsys):
    if not loaded.startswith("sqlite"):
        err = refused(capsys, loaded, "--db", loaded, "backup", "--out", str(tmp_path / "b.db"))
        assert "pg_dump" in err
        return
    out = tmp_path / "backup" / "b.db"
    assert "バックアップしました" in ok(capsys, "--db", loaded, "backup", "--out", str(out))
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    copy = Database.open(str(out))
    with copy.session() as s:
        assert s.scalar(select(func.count()).select_from(Consultation)) == 2
    copy.close()


# --- the installed entry points ---------------------------------------------------------------------


def _env(tmp_path) -> dict:
    env = dict(os.environ)
    env.pop("COORDINATOR_APP_DB", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_installed_command_runs(tmp_path):
    db = tmp_path / "sub.db"
    branches = tmp_path / "b.csv"
    branches.write_bytes(ledger(BRANCH_HEADER, ["01", "平方支部", "", "", ""]).replace(b"\r\n", b"\n"))
    assert main(["--db", str(db), "init"]) == 0
    done = subprocess.run(["coordinator-app", "--db", str(db), "import", "branches", str(branches)],
                          capture_output=True, text=True, env=_env(tmp_path), stdin=subprocess.DEVNULL,
                          timeout=300)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "branches: 新規 1 件" in done.stdout
    bad = subprocess.run(["coordinator-app", "--db", str(db), "import", "consultations",
                          str(branches)], capture_output=True, text=True, env=_env(tmp_path),
                         stdin=subprocess.DEVNULL, timeout=300)
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1


def test_python_dash_m_runs(tmp_path):
    out = tmp_path / "t.csv"
    assert main(["--db", str(tmp_path / "m.db"), "init"]) == 0
    done = subprocess.run([sys.executable, "-m", "coordinator_app", "--db", str(tmp_path / "m.db"),
                           "export", "tallies", "--fiscal-year", "2025", "--out", str(out)],
                          capture_output=True, text=True, env=_env(tmp_path),
                          stdin=subprocess.DEVNULL, timeout=300)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbffiscal_year,")
