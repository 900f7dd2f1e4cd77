"""Driver of the kill -9 fault test (run by tests/test_fault_kill.py in a
fresh process, so that forking never happens in a process with Qt threads).

    python tests/fault_kill_writer.py DB_PATH KILLS SEED

The driver opens (creates) the database once with the app's code, then
``KILLS`` times: forks a writer that records numbered consultations through
the app's own write path (``insert_consultation`` + audit, one transaction
each) and reports each committed id on a pipe; after a random short delay
the driver SIGKILLs it, collects the acknowledged ids, and checks the file
(``integrity_check``, every acknowledged id present). It prints one JSON
line: kills, acknowledged, problems.
"""

from __future__ import annotations

import json
import os
import random
import select as io_select
import signal
import sys
import time

from sqlalchemy import select


def _key_for(path: str) -> bytes | None:
    """On CI's encrypted run, the file is an SQLCipher database."""
    if os.environ.get("COORDINATOR_APP_TEST_ENCRYPTED") != "1":
        return None
    from coordinator_app.storage import keyfile
    key = keyfile.new_database_key()  # the driver opens the file once, with this key
    keyfile.KeyFile.new(key).save(keyfile.keys_path(path))
    return key



def writer(db, branch_id: int, start: int, ack_fd: int) -> None:
    """The killed process: write, commit, acknowledge, forever. ``db`` is
    the driver's Database, its pool emptied before the fork (SQLAlchemy's
    advice for forked processes), so the engine is already initialised."""
    from coordinator_app.core import clock
    from coordinator_app.services.consultations import insert_consultation

    db.actor = "writer"
    n = start
    day = clock.today()  # $COORDINATOR_APP_TODAY, from the test
    while True:
        with db.session() as s:
            record = insert_consultation(
                s, db, branch_id, received_on=day, kind="contact", channel="phone",
                from_whom="self", response="listened", categories=["life"],
                summary=f"kill test record {n}")
            record_id = record.id
        os.write(ack_fd, f"{record_id}\n".encode())  # acknowledged only after commit
        n += 1


def check(db) -> tuple[str, set[int]]:
    """A fresh connection (the first after the crash recovers the WAL)."""
    try:
        with db.engine.connect() as conn:
            ok = conn.exec_driver_sql("PRAGMA integrity_check").fetchone()[0]
            ids = {r[0] for r in conn.exec_driver_sql("SELECT id FROM consultation")}
    finally:
        db.engine.dispose()
    return ok, ids


def main() -> int:
    path, kills, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    from coordinator_app.core.models import Branch, Category
    from coordinator_app.storage.database import Database

    rng = random.Random(seed)
    key = _key_for(path)
    db = Database.open(path, key=key, create=True)  # a new file of the driver's own
    with db.session() as s:
        branch = s.scalar(select(Branch).where(Branch.code == "01"))
        if branch is None:
            branch = Branch(code="01", name="見本支部")
            s.add(branch)
            s.flush()
        if s.get(Category, 1) is None and not s.scalar(select(Category.id).where(
                Category.code == "life")):
            s.add(Category(code="life", label="生活"))
        branch_id = branch.id
    # Warm the ORM's statement caches here, so each forked writer starts
    # writing at once instead of compiling.
    from coordinator_app.core import clock
    from coordinator_app.services.consultations import insert_consultation

    with db.session() as s:
        insert_consultation(s, db, branch_id, received_on=clock.today(), kind="contact",
                            channel="phone", from_whom="self", response="listened",
                            categories=["life"], summary="warm-up")
    db.engine.dispose()

    acknowledged: set[int] = set()
    problems: list[str] = []
    started = time.monotonic()
    kill = -1
    for kill in range(kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_fd)
            try:
                writer(db, branch_id, kill * 1_000_000, write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        # Kill in the middle of writing: once the writer has committed its
        # first record, after a random delay (0-20 ms: a few commits).
        data = b""
        deadline = time.monotonic() + 10
        while b"\n" not in data and time.monotonic() < deadline:
            ready, _, _ = io_select.select([read_fd], [], [], 0.5)
            if ready:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    break
                data += chunk
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(read_fd, 65536):
            data += chunk
        os.close(read_fd)
        # A line cut by the kill was never fully acknowledged.
        lines = data.decode().split("\n")
        acked = {int(x) for x in lines[:-1] if x}
        acknowledged |= acked
        ok, present = check(db)
        if ok != "ok":
            problems.append(f"kill {kill}: integrity_check: {ok}")
        missing = acknowledged - present
        if missing:
            problems.append(f"kill {kill}: {len(missing)} acknowledged ids missing, "
                            f"e.g. {sorted(missing)[:5]}")
        if len(problems) > 5:
            break
    print(json.dumps({"kills": kill + 1, "acknowledged": len(acknowledged),
                      "problems": problems, "seconds": round(time.monotonic() - started, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
