"""Kill -9 in the middle of writes to an encrypted database, in a loop:
every write acknowledged before the kill is there afterwards, and the file
passes integrity_check and SQLCipher's own page check each time.

The loop runs $COORDINATOR_APP_KILL_LOOPS times (default 20, to keep the
suite fast; the proof run uses 200). Each child is a fresh process that
opens the file the way the app does (store.make_engine with the key: the
key first, then WAL, synchronous=FULL, foreign keys, busy timeout).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from coordinator_app import crypto
from coordinator_app.database import Database
from coordinator_app.store import make_engine

ROOT = Path(__file__).resolve().parents[1]
LOOPS = int(os.environ.get("COORDINATOR_APP_KILL_LOOPS", "20"))

# The child: read the key (hex) and a run number on stdin, then write
# transactions of 1..20 rows of ~2 KB forever, printing each committed
# row's key after the commit returns.
CHILD = r"""
import random, sys
from sqlalchemy import text
from coordinator_app.store import make_engine
key_hex, run = sys.stdin.readline().split()
engine = make_engine("sqlite:///" + sys.argv[1], key=bytes.fromhex(key_hex))
rng = random.Random(int(run))
i = 0
while True:
    n = rng.randint(1, 20)
    keys = [f"kill-{run}-{i + j}" for j in range(n)]
    with engine.begin() as conn:
        for k in keys:
            conn.execute(text("INSERT INTO setting (key, value) VALUES (:k, :v)"),
                         {"k": k, "v": rng.randbytes(1024).hex()})
    i += n
    print(" ".join(keys), flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kill_9_during_writes_loses_no_acknowledged_write(tmp_path):
    path = tmp_path / "branch.db"
    key = crypto.new_database_key()
    crypto.KeyFile.new(key).save(crypto.keys_path(path))
    Database.open(str(path), key=key).close()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    rng = random.Random(9)
    acknowledged: set[str] = set()
    for run in range(LOOPS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], env=env,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        child.stdin.write(f"{key.hex()} {run}\n")
        child.stdin.flush()
        # Kill after a random number of acknowledged transactions, so that
        # the kill lands anywhere: in a commit, a WAL append, a checkpoint.
        for _ in range(rng.randint(1, 40)):
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"child died: {child.stderr.read()[-500:]}")
            acknowledged.update(line.split())
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stdin.close()
        child.stderr.close()
        # The next opener recovers the WAL; check the file as it is now.
        engine = make_engine(f"sqlite:///{path}", key=key)
        try:
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                assert conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall() == []
                stored = set(conn.execute(text(
                    "SELECT key FROM setting WHERE key LIKE 'kill-%'")).scalars())
        finally:
            engine.dispose()
        missing = acknowledged - stored
        assert not missing, f"run {run}: {len(missing)} acknowledged writes lost"
    assert len(acknowledged) > LOOPS
    # The file is still unreadable without the key.
    import sqlite3

    with sqlite3.connect(path) as con, pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT count(*) FROM setting").fetchall()
