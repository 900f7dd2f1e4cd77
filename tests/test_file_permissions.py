"""Every file the app creates is its owner's alone (issue 14): the
database and the -wal/-shm files SQLite makes beside it, backups, key
files, restored files and every export are 0600, the folders the app
creates 0700 — through the command line and through the services the
desktop app calls, under a user's ordinary umask (022, which would leave
new files readable by everyone on the machine). A folder the user chose
and the app did not create keeps its mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coordinator_app import cli
from coordinator_app.core.access import SignedIn
from coordinator_app.interchange import tally_file
from coordinator_app.services.recovery_sheet import write_recovery_sheet
from coordinator_app.services import audit, backups, consolidation, encrypting, printing, tallies
from coordinator_app.services import indicators as indicator_service
from coordinator_app.storage import encryption, keyfile
from coordinator_app.storage.database import Database
from tests.test_import import CONSULTATION_HEADER, consultation, ledger

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

ADMIN = SignedIn(0, "admin", "管理者", "admin", None, None, None)
CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
FY = 2026
PASSWORD = "password-admin-1"


@pytest.fixture(autouse=True)
def ordinary_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def tree(root: Path) -> set[Path]:
    return {root, *root.rglob("*")}


def open_to_others(paths) -> list[str]:
    """Paths whose mode lets the group or others in (symlinks: none)."""
    return sorted(f"{stat.filemode(p.stat().st_mode)} {p}" for p in paths
                  if p.exists() and p.stat().st_mode & 0o077)


def run(*argv: str) -> None:
    assert cli.main(list(argv)) == 0


def test_every_file_the_command_line_creates_is_owner_only(tmp_path, monkeypatch):
    work = tmp_path / "work"
    out = work / "out"  # the user's own folders
    out.mkdir(parents=True)
    inputs = work / "c.csv"
    inputs.write_bytes(ledger(CONSULTATION_HEADER, consultation("C1", day="2026-05-01")))
    before = tree(work)
    run("--db", str(work / "data" / "branch.db"), "init", "--sample")
    db = ["--db", str(work / "data" / "branch.db"), "--user", "demo-admin"]
    monkeypatch.setenv(cli.ENV_PASSWORD, "demo-admin-pass")
    run(*db, "import", "consultations", str(inputs))
    run(*db, "export", "tallies", "--fiscal-year", str(FY), "--out", str(out / "t.csv"))
    run(*db, "export", "tallies", "--fiscal-year", str(FY), "--format", "xlsx",
        "--out", str(out / "t.xlsx"))
    run(*db, "consolidate", str(out / "t.csv"), "--out", str(out / "all.csv"))
    run(*db, "indicators", "--fiscal-year", str(FY), "--out", str(out / "i.csv"))
    run(*db, "indicators", "--fiscal-year", str(FY), "--format", "pdf",
        "--out", str(out / "i.pdf"))
    run(*db, "backup", "--out", str(work / "bk" / "branch-backup.db"))
    monkeypatch.setenv(cli.ENV_PASSWORD, "demo-coord-pass")
    run(*db[:2], "--user", "demo-coord", "print", "contacts", "--list", "watch-users",
        "--out", str(out / "w.pdf"))
    monkeypatch.setenv(cli.ENV_PASSWORD, PASSWORD)
    enc = str(work / "secret" / "enc.db")
    run("--db", enc, "--user", "admin", "init", "--encrypt")
    run("--db", enc, "--user", "admin", "backup", "--out", str(work / "bk" / "enc-backup.db"))
    created = tree(work) - before
    names = {p.name for p in created}
    assert {"data", "branch.db", "backups", "t.csv", "t.xlsx", "all.csv", "i.csv", "i.pdf",
            "w.pdf", "bk", "branch-backup.db", "secret", "enc.db", "enc.db.keys.json",
            "enc-backup.db", "enc-backup.db.keys.json"} <= names, names
    assert open_to_others(created) == []
    assert [stat.S_IMODE(f.stat().st_mode) for f in (work, out)] == [0o755, 0o755]  # left alone


def test_the_database_and_its_wal_are_owner_only_while_open(tmp_path):
    path = tmp_path / "new" / "deeper" / "branch.db"
    db = Database.open(str(path), create=True)
    try:
        audit.record(db, ADMIN, "lock")  # a write: the WAL and its index exist now
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert all(f.exists() for f in files)
        assert open_to_others(files + [path.parent, path.parent.parent]) == []
        backup = backups.make_backup(db, "manual")
        assert open_to_others([backup.path, backup.path.parent]) == []
    finally:
        db.close()
    path.chmod(0o644)  # a file from before this rule: the restored one is owner-only
    backups.restore_backup(path, backup.path)
    assert open_to_others([path]) == []


def test_exports_written_by_the_services_are_owner_only(demo_db, tmp_path):
    documents = tmp_path / "Documents"  # the user's folder: not the app's to narrow
    documents.mkdir(mode=0o755)
    coordinator = SignedIn(0, "c1", "コーディネーター", "coordinator", *_branch(demo_db, "01"))
    tallies.export_tallies(demo_db, coordinator, FY, "01", "csv", documents / "t.csv")
    tallies.export_tallies(demo_db, coordinator, FY, "01", "xlsx", documents / "t.xlsx")
    audit.export_csv(demo_db, ADMIN, audit.AuditFilter(), documents / "audit.csv")
    indicator_service.export_csv(demo_db, ADMIN, FY, documents / "i.csv")
    indicator_service.export_pdf(demo_db, ADMIN, FY, documents / "i.pdf")
    printing.print_contacts(demo_db, None, "watch-users", "01", documents / "w.pdf")
    consolidation.receive_files(demo_db, CITY, [documents / "t.csv"])
    consolidation.export_consolidated(demo_db, CITY, FY, documents / "all.csv")
    write_recovery_sheet(documents / "回復キー.pdf", "ABCD-EFGH-IJKL-MNOP", "demo.db")
    printed = printing.print_path(tmp_path / "印刷" / "2026", "volunteers")  # a 保存先 the app makes
    printing.print_list(demo_db, coordinator, printing.PrintRequest(
        kind="volunteers", recipient="会長"), printed)
    written = tree(documents) - {documents}
    assert {p.name for p in written} == {"t.csv", "t.xlsx", "audit.csv", "i.csv", "i.pdf",
                                         "w.pdf", "all.csv", "回復キー.pdf"}
    assert printed.exists() and open_to_others(written | tree(tmp_path / "印刷")) == []
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755


def test_leftovers_of_an_earlier_run_do_not_widen_a_new_file(tmp_path):
    out = tmp_path / "t.csv"
    partial = tmp_path / "t.csv.partial"
    partial.write_bytes(b"old")
    partial.chmod(0o644)
    out.write_bytes(b"old")
    out.chmod(0o644)  # an export written by an older version
    tally_file.write_csv([], out)
    assert open_to_others([out]) == [] and not partial.exists()


def test_key_files_and_encrypted_databases_are_owner_only(tmp_path):
    path = tmp_path / "enc" / "e.db"
    encrypting.create_encrypted(path, "admin", PASSWORD)
    assert open_to_others(tree(path.parent)) == []
    keys = keyfile.KeyFile.load(keyfile.keys_path(path))
    keys.save(tmp_path / "copy" / "k.json")
    assert open_to_others(tree(tmp_path / "copy")) == []


def _branch(db, code: str) -> tuple[int, str, str]:
    from sqlalchemy import select

    from coordinator_app.core.models import Branch

    with db.session() as s:
        b = s.scalar(select(Branch).where(Branch.code == code))
    return b.id, b.code, b.name
