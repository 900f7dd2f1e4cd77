"""kill -9 in the middle of writes, at least 200 times on one database:
every write acknowledged before the kill is there, and integrity_check is
ok after each kill (tests/fault_kill_writer.py does the forking and
killing in a fresh process, away from this process's Qt threads)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KILLS = 200


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_acknowledged_writes_survive_200_kills(tmp_path):
    driver = Path(__file__).with_name("fault_kill_writer.py")
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, str(driver), str(tmp_path / "kill.db"), str(KILLS), "7"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["problems"] == []
    assert report["kills"] == KILLS
    assert report["acknowledged"] >= KILLS  # writes really were under way at the kills
