"""The start-up policy on the command line, as on the desktop app
(``services.session``): a database on a network drive is refused for every
command; a command that writes is refused, with the app's own message,
while another instance holds the file — and changes nothing. And the
command line stays lean: ``--version`` and ``--help`` load no database,
Qt or PDF library."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator_app.cli import ENV_PASSWORD, ENV_RECOVERY_KEY, main
from coordinator_app.storage import instance_lock
from coordinator_app.storage.database import Database
from tests.db_snapshot import snapshot
from tests.test_import import BRANCH_HEADER, ledger
from tests.test_shell_services import MOUNTS

BRANCHES = ledger(BRANCH_HEADER, ["01", "一番支部", "", "", ""], ["02", "二番支部", "", "", ""])


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plain_db(tmp_path, capsys) -> Path:
    """A plain database with two branches, made by the command line."""
    path = tmp_path / "branch.db"
    assert run(capsys, "--db", path, "init")[0] == 0
    ledger_file = tmp_path / "branches.csv"
    ledger_file.write_bytes(BRANCHES)
    assert run(capsys, "--db", path, "import", "branches", ledger_file)[0] == 0
    return path


@pytest.fixture
def other_instance():
    """Another instance of the app holding a database file (a separate
    process, as when the desktop app has it open)."""
    children = []

    def hold(db_path: Path) -> subprocess.Popen:
        code = ("import sys; from pathlib import Path; "
                "from coordinator_app.storage.instance_lock import InstanceLock; "
                f"lock = InstanceLock(Path({str(db_path)!r})); lock.acquire(); "
                "print('held', flush=True); sys.stdin.readline(); lock.release()")
        child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)
        children.append(child)
        assert child.stdout.readline().strip() == "held"
        return child

    yield hold
    for child in children:
        child.communicate("\n", timeout=30)


def _writes(tmp_path: Path) -> list[list]:
    """Every command that writes to the database, each with what it needs."""
    ledger_file = tmp_path / "more.csv"
    ledger_file.write_bytes(ledger(BRANCH_HEADER, ["03", "三番支部", "", "", ""]))
    return [["import", "branches", ledger_file], ["init"], ["init", "--sample"],
            ["--user", "admin", "encrypt"], ["--user", "admin", "recover"]]


def test_a_write_is_refused_while_another_instance_holds_the_file(plain_db, tmp_path, capsys,
                                                                  monkeypatch, other_instance):
    monkeypatch.setenv(ENV_PASSWORD, "admin-pass-1")
    monkeypatch.setenv(ENV_RECOVERY_KEY, "A" * 52)
    db = Database.open(str(plain_db))
    before = snapshot(db)
    db.close()
    holder = other_instance(plain_db)
    for argv in _writes(tmp_path):
        code, out, err = run(capsys, "--db", plain_db, *argv)
        assert code == 1 and out == "", (argv, out, err)
        # The desktop app's message, on one line: who holds it, and what to do.
        assert err.count("\n") == 1 and "使用中です" in err and str(holder.pid) in err, (argv, err)
        assert "同時に開くことはできません" in err, (argv, err)
    db = Database.open(str(plain_db))
    assert snapshot(db) == before
    db.close()
    # Reading (and auditing what was read) goes on beside the open app.
    code, _out, err = run(capsys, "--db", plain_db, "export", "tallies", "--fiscal-year", "2025",
                          "--out", tmp_path / "t.csv")
    assert code == 0, err


def test_a_write_takes_the_lock_only_while_it_runs(plain_db, tmp_path, capsys):
    """After a command the file is free again: the desktop app (or the next
    command) opens it."""
    ledger_file = tmp_path / "more.csv"
    ledger_file.write_bytes(ledger(BRANCH_HEADER, ["03", "三番支部", "", "", ""]))
    assert run(capsys, "--db", plain_db, "import", "branches", ledger_file)[0] == 0
    assert not instance_lock.lock_path(plain_db).exists()
    lock = instance_lock.InstanceLock(plain_db)
    lock.acquire()
    lock.release()


@pytest.fixture
def on_a_network_drive(monkeypatch):
    """The machine's mounts as in test_shell_services: /mnt/nfs and
    /mnt/smb are network shares."""
    monkeypatch.setattr(instance_lock, "network_share_reason",
                        functools.partial(instance_lock.network_share_reason,
                                          mounts_text=MOUNTS, platform="linux"))


@pytest.mark.parametrize("share", ["/mnt/nfs/branch", "/mnt/smb"])
def test_every_command_refuses_a_database_on_a_network_drive(share, tmp_path, capsys,
                                                             monkeypatch, on_a_network_drive):
    monkeypatch.setenv(ENV_PASSWORD, "admin-pass-1")
    db = Path(share) / "c.db"
    ledger_file = tmp_path / "branches.csv"
    ledger_file.write_bytes(BRANCHES)
    commands = _writes(tmp_path) + [
        ["--user", "admin", "init", "--encrypt"],
        ["export", "tallies", "--fiscal-year", "2025", "--out", tmp_path / "t.csv"],
        ["consolidate", ledger_file, "--out", tmp_path / "all.csv"],
        ["print", "contacts", "--list", "branches", "--out", tmp_path / "p.pdf"],
        ["indicators", "--fiscal-year", "2025", "--out", tmp_path / "i.csv"],
        ["backup", "--out", tmp_path / "b.db"],
    ]
    for argv in commands:
        code, out, err = run(capsys, "--db", db, *argv)
        assert code == 1 and out == "", (argv, err)
        mount = "/".join(share.split("/")[:3])  # the share's mount point is named
        assert err.count("\n") == 1 and "ネットワーク上の場所" in err and mount in err, (argv, err)
    assert not [f for f in ("t.csv", "all.csv", "p.pdf", "i.csv", "b.db") if (tmp_path / f).exists()]
    assert not Path(share).exists()


def test_a_local_database_is_not_refused_as_a_network_one(plain_db, capsys, tmp_path,
                                                           on_a_network_drive):
    code, _out, err = run(capsys, "--db", plain_db, "export", "tallies", "--fiscal-year", "2025",
                          "--out", tmp_path / "t.csv")
    assert code == 0, err


HEAVY = ("sqlalchemy", "sqlmodel", "PySide6", "reportlab", "openpyxl", "xlsxwriter", "argon2",
         "cryptography", "sqlcipher3", "alembic", "psycopg")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["export", "--help"],
                                  ["import", "--help"]])
def test_version_and_help_load_no_database_qt_or_pdf_library(argv):
    """What a fresh process has loaded after ``coordinator-app ARGV``: the
    command line and nothing the answer does not need."""
    code = ("import sys; from coordinator_app.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    loaded = eval(done.stderr.strip().splitlines()[-1])  # noqa: S307 (our own child's list)
    assert done.stdout.strip(), done.stderr
    assert not [m for m in HEAVY if m in loaded], loaded
