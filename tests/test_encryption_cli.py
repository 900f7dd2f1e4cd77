"""The command line on encrypted databases: init --encrypt, encrypt,
recover, --plain, and every other command unlocking with --user first."""

from __future__ import annotations

import sqlite3

import pytest

from coordinator_app.cli import ENV_PASSWORD, ENV_RECOVERY_KEY, main
from coordinator_app.storage import encryption, keyfile

ADMIN, ADMIN_PW = "admin", "admin-pass-1"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(keyfile, "KDF_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(keyfile, "KDF_TIME_COST", 1)


def run(capsys, monkeypatch, *argv, password=None, recovery=None):
    """Run the command line in-process: (exit status, stdout, stderr)."""
    if password is None:
        monkeypatch.delenv(ENV_PASSWORD, raising=False)
    else:
        monkeypatch.setenv(ENV_PASSWORD, password)
    if recovery is None:
        monkeypatch.delenv(ENV_RECOVERY_KEY, raising=False)
    else:
        monkeypatch.setenv(ENV_RECOVERY_KEY, recovery)
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _recovery_key(out: str) -> str:
    line = [ln for ln in out.splitlines() if ln.startswith("    ")]
    assert len(line) == 1
    return line[0].strip()


def test_init_encrypt_creates_an_encrypted_database_and_shows_the_recovery_key_once(
        tmp_path, capsys, monkeypatch):
    db = tmp_path / "branch.db"
    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "init", "--encrypt",
                         "--sample", password=ADMIN_PW)
    assert code == 0, err
    recovery = _recovery_key(out)
    assert out.count(recovery) == 1 and "回復キー" in out and "一度だけ" in out
    assert encryption.is_encrypted(db)
    # The recovery key is written nowhere.
    for f in tmp_path.iterdir():
        assert recovery.encode() not in f.read_bytes()
    with sqlite3.connect(db) as con, pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT * FROM person").fetchall()

    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "export", "tallies",
                         "--fiscal-year", "2025", "--out", tmp_path / "t.csv", password=ADMIN_PW)
    assert code == 0, err
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").count("\n") > 1000
    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", "demo-coord", "export",
                         "tallies", "--fiscal-year", "2025", "--out", tmp_path / "c.csv",
                         password="demo-coord-pass")
    assert code == 0, err


def test_an_encrypted_database_asks_for_the_user_first_and_says_why(tmp_path, capsys,
                                                                    monkeypatch):
    db = tmp_path / "branch.db"
    assert run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "init", "--encrypt",
               password=ADMIN_PW)[0] == 0
    out_file = tmp_path / "t.csv"
    cases = [
        ((), ADMIN_PW, "--user でログイン名を指定してください"),
        (("--user", ADMIN), "wrong-password", "ログイン名またはパスワードが違います"),
        (("--user", "nobody"), ADMIN_PW, "ログイン名またはパスワードが違います"),
        (("--plain", "--user", ADMIN), ADMIN_PW, "--plain では開けません"),
    ]
    for extra, password, message in cases:
        code, out, err = run(capsys, monkeypatch, "--db", db, *extra, "export", "tallies",
                             "--fiscal-year", "2025", "--out", out_file, password=password)
        assert code == 1 and message in err and len(err.strip().splitlines()) == 1, err
        assert not out_file.exists()


def test_backup_of_an_encrypted_database_is_encrypted_with_its_key_file(tmp_path, capsys,
                                                                        monkeypatch):
    db = tmp_path / "branch.db"
    run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "init", "--encrypt", "--sample",
        password=ADMIN_PW)
    backup = tmp_path / "usb" / "backup.db"
    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "backup",
                         "--out", backup, password=ADMIN_PW)
    assert code == 0, err
    assert "鍵ファイル backup.db.keys.json も一緒に保管" in out
    assert encryption.is_encrypted(backup) and keyfile.keys_path(backup).is_file()
    with sqlite3.connect(backup) as con, pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT * FROM person").fetchall()
    # The backup is a database of its own: it opens with the same passwords.
    code, out, err = run(capsys, monkeypatch, "--db", backup, "--user", "demo-admin", "export",
                         "tallies", "--fiscal-year", "2025", "--out", tmp_path / "b.csv",
                         password="demo-admin-pass")
    assert code == 0, err


def test_encrypt_converts_a_plain_database_and_keeps_the_figures(tmp_path, capsys, monkeypatch):
    db = tmp_path / "branch.db"
    assert run(capsys, monkeypatch, "--db", db, "init", "--sample")[0] == 0
    assert not encryption.is_encrypted(db)
    code, _, err = run(capsys, monkeypatch, "--db", db, "--user", "demo-admin", "export",
                       "tallies", "--fiscal-year", "2025", "--out", tmp_path / "before.csv",
                       password="demo-admin-pass")
    assert code == 0, err

    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", "demo-coord", "encrypt",
                         password="demo-coord-pass")
    assert code == 1 and "管理者だけ" in err
    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", "demo-admin", "encrypt",
                         password="demo-admin-pass")
    assert code == 0, err
    assert encryption.is_encrypted(db) and "元と一致" in out
    assert "上書きしてから削除しました" in out and "SSD" in out
    assert not list(tmp_path.glob("branch.plain-*"))
    _recovery_key(out)

    code, _, err = run(capsys, monkeypatch, "--db", db, "--user", "demo-admin", "export",
                       "tallies", "--fiscal-year", "2025", "--out", tmp_path / "after.csv",
                       password="demo-admin-pass")
    assert code == 0, err
    assert (tmp_path / "after.csv").read_bytes() == (tmp_path / "before.csv").read_bytes()
    # The figures-only account works from tally files: it cannot open the file.
    code, _, err = run(capsys, monkeypatch, "--db", db, "--user", "demo-city", "export",
                       "tallies", "--fiscal-year", "2025", "--out", tmp_path / "city.csv",
                       password="demo-city-pass")
    assert code == 1 and "市社協職員" in err and "集計ファイル" in err
    assert not (tmp_path / "city.csv").exists()

    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", "demo-admin", "encrypt",
                         password="demo-admin-pass")
    assert code == 1 and "既に暗号化されています" in err


def test_recover_sets_a_new_password_with_the_recovery_key(tmp_path, capsys, monkeypatch):
    db = tmp_path / "branch.db"
    _, out, _ = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "init", "--encrypt",
                    password=ADMIN_PW)
    recovery = _recovery_key(out)
    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "recover",
                         password="forgotten-no-more", recovery="WRONG-KEY")
    assert code == 1 and "回復キーは32文字です" in err
    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "recover",
                         password="forgotten-no-more", recovery=recovery)
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "backup", "--out",
                       tmp_path / "b.db", password=ADMIN_PW)
    assert code == 1 and "パスワードが違います" in err
    code, _, err = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "backup", "--out",
                       tmp_path / "b.db", password="forgotten-no-more")
    assert code == 0, err


def test_plain_init_and_plain_flag_keep_working(tmp_path, capsys, monkeypatch):
    db = tmp_path / "plain.db"
    code, out, err = run(capsys, monkeypatch, "--plain", "--db", db, "init", "--sample")
    assert code == 0, err
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM branch").fetchone()[0] == 13
    code, out, err = run(capsys, monkeypatch, "--plain", "--db", db, "--user", ADMIN, "init",
                         "--encrypt", password=ADMIN_PW)
    assert code == 1 and "--plain" in err
    code, out, err = run(capsys, monkeypatch, "--db", db, "--user", ADMIN, "init", "--encrypt",
                         password=ADMIN_PW)
    assert code == 1 and "coordinator-app encrypt" in err
    assert not encryption.is_encrypted(db)
