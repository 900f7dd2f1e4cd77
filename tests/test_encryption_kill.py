"""The shell's kill -9 loop (tests/fault_kill_writer.py), on an encrypted
database whatever $COORDINATOR_APP_TEST_ENCRYPTED says: 200 kills in the
middle of writes, every acknowledged write still there and integrity_check
ok after each one; the file stays unreadable without its key."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator_app.storage import keyfile

KILLS = 200


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_acknowledged_writes_survive_200_kills_on_an_encrypted_database(tmp_path):
    driver = Path(__file__).with_name("fault_kill_writer.py")
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, COORDINATOR_APP_TEST_ENCRYPTED="1",
               PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    path = tmp_path / "kill.db"
    done = subprocess.run([sys.executable, str(driver), str(path), str(KILLS), "9"],
                          capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["problems"] == []
    assert report["kills"] == KILLS
    assert report["acknowledged"] >= KILLS
    assert keyfile.is_encrypted_file(path) and keyfile.keys_path(path).is_file()
    with sqlite3.connect(path) as con, pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT count(*) FROM consultation").fetchall()
