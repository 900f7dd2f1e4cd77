"""Only ``init`` creates a database (issue 13; docs/interchange.md). A
mistyped ``--db`` used to become a new, empty database, and a city
office's script then sent on a tally file with no rows. Every other
command, and the desktop app given ``--db`` or $COORDINATOR_APP_DB, now
refuses a path or URL where there is no database: non-zero exit, one
Japanese line, and nothing created — no file, no folder, no WAL."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, inspect

from coordinator_app.cli import main
from coordinator_app.storage import engine
from coordinator_app.storage.database import Database, MissingDatabaseError
from tests.shell_helpers import qsettings  # noqa: F401
from tests.test_import import BRANCH_HEADER, ledger

# Every command but init, with the files it reads ({ledger}, {tally}) and
# writes (under {out}).
COMMANDS = {
    "import": ["import", "branches", "{ledger}"],
    "export-csv": ["export", "tallies", "--fiscal-year", "2026", "--out", "{out}/y.csv"],
    "export-xlsx": ["export", "tallies", "--fiscal-year", "2026", "--format", "xlsx",
                    "--out", "{out}/y.xlsx"],
    "consolidate": ["consolidate", "{tally}", "--out", "{out}/all.csv"],
    "indicators": ["indicators", "--fiscal-year", "2026", "--out", "{out}/i.csv"],
    "print": ["print", "contacts", "--list", "branches", "--out", "{out}/b.pdf"],
    "backup": ["backup", "--out", "{out}/bk.db"],
    "encrypt": ["--user", "admin", "encrypt"],
    "recover": ["--user", "admin", "recover"],
}
TALLY = ("\ufefffiscal_year,month,branch_code,measure,breakdown,key,count\r\n"
         "2026,202604,01,consultations,total,,1\r\n").encode()


def _inputs(root: Path) -> dict[str, str]:
    (root / "in").mkdir()
    (root / "out").mkdir()
    ledger_file = root / "in" / "branches.csv"
    ledger_file.write_bytes(ledger(BRANCH_HEADER, ["01", "平方支部", "", "", ""]))
    tally = root / "in" / "t.csv"
    tally.write_bytes(TALLY)
    return {"ledger": str(ledger_file), "tally": str(tally), "out": str(root / "out")}


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _run(capsys, argv: list[str]) -> tuple[int, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, err


def _refused_creating_nothing(capsys, root: Path, argv: list[str]) -> str:
    before = _tree(root)
    code, err = _run(capsys, argv)
    assert code != 0
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Error:" not in err
    assert _tree(root) == before  # no database, folder, WAL, lock or output
    return err


@pytest.fixture
def secrets_in_env(monkeypatch):
    monkeypatch.setenv("COORDINATOR_APP_PASSWORD", "a-password-1")
    monkeypatch.setenv("COORDINATOR_APP_RECOVERY_KEY", "AAAA-BBBB")
    monkeypatch.delenv(engine.ENV_DB, raising=False)


# A name as people mistype them: Japanese, spaces, nested folders that do
# not exist either, with or without an extension.
_segment = st.text(alphabet=st.sampled_from("abcxyz019 -_.平方支部データ"), min_size=1,
                   max_size=10).filter(lambda s: s.strip(" .") == s and s not in (".", ".."))
_paths = st.tuples(st.lists(_segment, max_size=2), _segment,
                   st.sampled_from(["", ".db", ".sqlite"]))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(sorted(COMMANDS)), where=_paths,
       through_env=st.booleans())
def test_every_command_but_init_refuses_a_missing_database(capsys, secrets_in_env, monkeypatch,
                                                           command, where, through_env):
    folders, name, suffix = where
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        names = _inputs(root)
        db = root.joinpath("db", *folders, name + suffix)
        argv = [a.format(**names) for a in COMMANDS[command]]
        if through_env:
            monkeypatch.setenv(engine.ENV_DB, str(db))
        else:
            monkeypatch.delenv(engine.ENV_DB, raising=False)
            argv = ["--db", str(db), *argv]
        err = _refused_creating_nothing(capsys, root, argv)
        assert "見つかりません" in err
        assert not (root / "db").exists()


def test_the_issues_mistyped_path(tmp_path, capsys, monkeypatch):
    """coordinator-app --db typo.db export tallies --fiscal-year 2026 --out y.csv"""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(engine.ENV_DB, raising=False)
    err = _refused_creating_nothing(capsys, tmp_path, [
        "--db", "typo.db", "export", "tallies", "--fiscal-year", "2026", "--out", "y.csv"])
    assert f"データベースが見つかりません: {tmp_path / 'typo.db'}" in err
    assert "init" in err


def test_the_default_file_is_not_created_by_a_command(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(engine.ENV_DB, raising=False)
    monkeypatch.setattr(engine, "user_data_dir", lambda *a, **k: str(tmp_path / "userdata"))
    _refused_creating_nothing(capsys, tmp_path, [
        "export", "tallies", "--fiscal-year", "2026", "--out", str(tmp_path / "y.csv")])
    assert not (tmp_path / "userdata").exists()


def test_an_empty_file_is_not_a_database(tmp_path, capsys):
    path = tmp_path / "empty.db"
    path.touch()
    _refused_creating_nothing(capsys, tmp_path, [
        "--db", str(path), "export", "tallies", "--fiscal-year", "2026",
        "--out", str(tmp_path / "y.csv")])
    assert path.stat().st_size == 0


def test_init_creates_and_then_the_commands_run(db_url, tmp_path, capsys):
    """On PostgreSQL "no database" is a server database without our schema."""
    out = tmp_path / "y.csv"
    argv = ["--db", db_url, "export", "tallies", "--fiscal-year", "2026", "--out", str(out)]
    code, err = _run(capsys, argv)
    assert code != 0 and "見つかりません" in err and not out.exists()
    if not db_url.startswith("sqlite"):
        engine = create_engine(db_url)
        try:
            assert inspect(engine).get_table_names() == []  # no schema was made
        finally:
            engine.dispose()
    assert _run(capsys, ["--db", db_url, "init"]) == (0, "")
    assert _run(capsys, argv) == (0, "")
    assert out.is_file()


def test_database_open_creates_only_when_asked(tmp_path):
    path = tmp_path / "new" / "x.db"
    with pytest.raises(MissingDatabaseError, match="見つかりません"):
        Database.open(str(path))
    assert not (tmp_path / "new").exists()
    db = Database.open(str(path), create=True)
    try:
        assert db.prepared == "created"
    finally:
        db.close()
    Database.open(str(path)).close()  # there now


# --- the desktop app ---------------------------------------------------------------

@pytest.fixture
def asked(monkeypatch):
    """The 「新しいデータベースを作成しますか？」 question: where it was asked
    (``asked.paths``) and the answer to give (``asked.yes``)."""
    from types import SimpleNamespace

    from coordinator_app.ui.app import Shell

    asked = SimpleNamespace(paths=[], yes=False)

    def answer(shell):
        asked.paths.append(shell.path)
        return asked.yes

    monkeypatch.setattr(Shell, "ask_create", answer)
    return asked


@pytest.mark.parametrize("through_env", [False, True])
def test_the_app_given_a_missing_db_asks_and_no_creates_nothing(qtbot, tmp_path, qsettings,
                                                                monkeypatch, asked, through_env):
    from PySide6.QtWidgets import QDialog

    from coordinator_app.ui import first_run
    from coordinator_app.ui.app import Shell

    # Were the app to go on, the first run would start: it is turned down.
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda _dialog: QDialog.Rejected)
    path = tmp_path / "work" / "typo" / "branch.db"
    if through_env:
        monkeypatch.setenv(engine.ENV_DB, str(path))
        shell = Shell()
    else:
        monkeypatch.delenv(engine.ENV_DB, raising=False)
        shell = Shell(str(path))
    try:
        assert not shell.open()
    finally:
        shell.shutdown()
    assert asked.paths == [path]
    assert not (tmp_path / "work").exists()  # no folder, file, WAL or lock file


def test_the_app_creates_a_named_database_after_yes(qtbot, tmp_path, qsettings, monkeypatch,
                                                    asked):
    from coordinator_app.ui.app import Shell

    monkeypatch.delenv(engine.ENV_DB, raising=False)
    monkeypatch.setattr("coordinator_app.ui.app.Shell._makes_new_file", lambda _self: False)
    asked.yes = True
    shell = Shell(str(tmp_path / "new.db"), credentials=("x", "y"))
    try:
        shell.open()  # no accounts yet: a script stops at the first run
        assert shell.db is not None and shell.db.prepared == "created"
    finally:
        shell.shutdown()
    assert asked.paths == [tmp_path / "new.db"]


def test_the_default_file_keeps_its_first_run(qtbot, tmp_path, qsettings, monkeypatch, asked):
    from coordinator_app.ui.app import Shell

    monkeypatch.delenv(engine.ENV_DB, raising=False)
    monkeypatch.setattr(engine, "user_data_dir", lambda *a, **k: str(tmp_path / "userdata"))
    shell = Shell()
    shell.resolve()
    assert shell._may_create() and shell.create  # the first run creates it, unasked
    assert asked.paths == []
