"""What an import leaves behind (issue 14, "Also found"): each import,
also a refused one, used to copy the whole database (31 imports of a
large file kept 1.5 GB for a day), interrupted backups left ``.partial``
files forever, and two imports at once failed with a raw English
``OperationalError: database is locked``."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordinator_app.cli import BUSY_MESSAGE, main
from coordinator_app.core import clock
from coordinator_app.services import backups, imports
from coordinator_app.services.imports import BUSY_RETRY_PAUSES
from coordinator_app.storage import engine
from tests.conftest import TODAY, connect_file
from tests.db_snapshot import snapshot
from tests.shell_helpers import fast_hashing, make_accounts, qsettings  # noqa: F401
from tests.test_import import CONSULTATION_HEADER, consultation, ledger

GOOD = ledger(CONSULTATION_HEADER, consultation("S1", branch="01"))
BAD = ledger(CONSULTATION_HEADER, consultation("S2", branch="01", day="2025-02-30"))


def _import(capsys, db, data: bytes, folder) -> int:
    path = folder / "ledger.csv"
    path.write_bytes(data)
    code = main(["--db", str(db.path), "import", "consultations", str(path)])
    capsys.readouterr()
    return code


def _kept(db) -> list[str]:
    return sorted(b.path.name for b in backups.list_backups(db.path))


# --- backups before an import ---------------------------------------------------------------

STEPS = st.lists(st.sampled_from(["good import", "refused import", "export", "manual backup",
                                  "next day"]),
                 min_size=1, max_size=6)


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_an_import_backs_up_once_a_day_only_what_changed_and_a_refused_one_keeps_nothing(
        demo_db, tmp_path, capsys, steps):
    """The first import of a day copies the database first (issue 19: not
    every import), and only if it changed since the newest copy."""
    for old in backups.list_backups(demo_db.path):  # each example starts without backups
        backups.discard_backup(old)
    clock.set_now(TODAY)
    changed = True  # no backup yet: the database is not covered
    copied_today = False
    for n, step in enumerate(steps):
        before = _kept(demo_db)
        if step == "good import":
            data = ledger(CONSULTATION_HEADER, consultation(f"G{n}-{len(before)}", branch="01"))
            assert _import(capsys, demo_db, data, tmp_path) == 0
            new = sorted(set(_kept(demo_db)) - set(before))
            assert len(new) == (1 if changed and not copied_today else 0), (steps, n)
            assert all(name.endswith("-before-import.db") for name in new)
            copied_today = copied_today or bool(new)
            changed = True
        elif step == "refused import":
            fingerprint = snapshot(demo_db)
            assert _import(capsys, demo_db, BAD, tmp_path) == 2
            assert _kept(demo_db) == before  # a backup taken for it is removed again
            assert snapshot(demo_db) == fingerprint
        elif step == "export":  # reading (and its audit row) is no change
            assert main(["--db", str(demo_db.path), "export", "tallies", "--fiscal-year", "2025",
                         "--out", str(tmp_path / "t.csv")]) == 0
            capsys.readouterr()
            assert _kept(demo_db) == before
        elif step == "next day":
            clock.set_now(clock.now() + dt.timedelta(days=1))
            copied_today = False
        else:
            backups.make_backup(demo_db, "manual")
            changed, copied_today = False, True


def test_the_backup_before_an_import_holds_the_state_before_it(demo_db, tmp_path, capsys):
    before = snapshot(demo_db)
    assert _import(capsys, demo_db, GOOD, tmp_path) == 0
    [taken] = backups.list_backups(demo_db.path)
    from coordinator_app.storage.database import Database

    copy = Database.open(str(taken.path), key=demo_db.key)
    try:
        assert snapshot(copy) == before
    finally:
        copy.close()


# --- leftovers of interrupted backups -------------------------------------------------------

def _leftovers(db_path):
    """What a killed backup leaves in the backups folder (a day old), one
    still being written by another process, and another database's file."""
    folder = backups.backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    stem = db_path.stem
    old = [folder / f"{stem}-20261125-101010-000001-auto.db.partial",
           folder / f"{stem}-20261125-101010-000002-manual.db.keys.json"]  # without its backup
    kept = [folder / f"{stem}-20261126-095959-000003-before-import.db.partial",
            folder / f"other-20261125-101010-000004-auto.db.partial"]
    for p in old + kept:
        p.write_bytes(b"half a backup")
    # A day before the file system's own clock (libfaketime moves
    # time.time() but not the stamps the kernel writes).
    day_ago = kept[0].stat().st_mtime - 86_400
    for p in old + kept[1:]:
        os.utime(p, (day_ago, day_ago))
    return old, kept


def test_the_command_line_removes_leftovers_of_interrupted_backups(demo_db, tmp_path, capsys):
    old, kept = _leftovers(demo_db.path)
    assert main(["--db", str(demo_db.path), "export", "tallies", "--fiscal-year", "2025",
                 "--out", str(tmp_path / "t.csv")]) == 0
    assert [p.exists() for p in old] == [False, False]
    assert [p.exists() for p in kept] == [True, True]


def test_the_app_removes_leftovers_at_start(qtbot, demo_db, qsettings, fast_hashing):
    from coordinator_app.ui.app import Shell

    make_accounts(demo_db)
    old, kept = _leftovers(demo_db.path)
    path = demo_db.path
    demo_db.close()
    shell = Shell(str(path), credentials=("coord01", "coord01-pass"))
    try:
        assert shell.open()
    finally:
        shell.shutdown()
    assert [p.exists() for p in old] == [False, False]
    assert [p.exists() for p in kept] == [True, True]


# --- a busy database ------------------------------------------------------------------------

@pytest.fixture
def writer_holding_the_lock(demo_db, monkeypatch):
    """Another program in the middle of a write (its lock held), a short
    lock wait, and the pauses between tries recorded instead of slept."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)
    con = connect_file(demo_db.path, demo_db.key)
    con.isolation_level = None
    con.execute("BEGIN IMMEDIATE")
    paused = []
    monkeypatch.setattr(imports.time, "sleep", paused.append)
    yield con, paused
    if con.in_transaction:
        con.execute("ROLLBACK")
    con.close()


def test_a_busy_database_is_told_in_japanese_after_a_short_retry(demo_db, tmp_path, capsys,
                                                                  writer_holding_the_lock):
    con, paused = writer_holding_the_lock
    fingerprint_before = _kept(demo_db)
    path = tmp_path / "ledger.csv"
    path.write_bytes(GOOD)
    code = main(["--db", str(demo_db.path), "import", "consultations", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"エラー: {BUSY_MESSAGE}\n"
    assert "OperationalError" not in err and "locked" not in err
    assert paused == list(BUSY_RETRY_PAUSES)  # tried again, briefly, before giving up
    con.execute("ROLLBACK")
    assert _kept(demo_db) == fingerprint_before  # the backup taken for it went again
    with demo_db.session() as s:
        from sqlalchemy import select

        from coordinator_app.core.models import Consultation

        assert s.scalar(select(Consultation.id).where(Consultation.external_id == "S1")) is None


def test_an_import_waits_for_the_other_writer_to_finish(demo_db, tmp_path, capsys,
                                                        writer_holding_the_lock, monkeypatch):
    con, paused = writer_holding_the_lock

    def other_writer_commits(seconds):
        paused.append(seconds)
        if con.in_transaction:
            con.execute("COMMIT")

    monkeypatch.setattr(imports.time, "sleep", other_writer_commits)
    path = tmp_path / "ledger.csv"
    path.write_bytes(GOOD)
    assert main(["--db", str(demo_db.path), "import", "consultations", str(path)]) == 0, \
        capsys.readouterr().err
    assert paused == [BUSY_RETRY_PAUSES[0]]


def test_two_imports_at_once(tmp_path):
    """Two real processes import at the same time into one file: each
    either succeeds or says, in Japanese, that the other holds the file
    (the one-app-per-file lock, as in the desktop app) or to try again."""
    db = tmp_path / "two.db"
    env = dict(os.environ)
    env.pop(engine.ENV_DB, None)
    run = [sys.executable, "-m", "coordinator_app", "--db", str(db)]
    subprocess.run(run + ["init"], check=True, env=env, capture_output=True)
    branches = tmp_path / "branches.csv"
    branches.write_bytes(b"code,name\r\n01,A\r\n02,B\r\n")
    subprocess.run(run + ["import", "branches", str(branches)], check=True, env=env,
                   capture_output=True)
    files = []
    for code in ("01", "02"):
        f = tmp_path / f"c{code}.csv"
        f.write_bytes(ledger(CONSULTATION_HEADER, *[
            consultation(f"{code}-{i}", branch=code, summary="同時の取り込み") for i in range(3000)]))
        files.append(f)
    procs = [subprocess.Popen(run + ["import", "consultations", str(f)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in files]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    for code, err in results:
        assert code == 0 or err == f"エラー: {BUSY_MESSAGE}\n" or (
            err.startswith("エラー: このデータベースは") and "二つのアプリで同時に" in err
            and err.count("\n") == 1), err
        assert "Traceback" not in err and "OperationalError" not in err
    con = connect_file(db)
    try:
        imported = con.execute("SELECT count(*) FROM consultation").fetchone()[0]
    finally:
        con.close()
    assert imported == 3000 * sum(code == 0 for code, _ in results)
