"""Fault test on the real PostgreSQL (issue 21): the server is restarted
(``pg_ctlcluster 15 main restart``) in the middle of a stream of saves
from three app instances. Every save either committed once, or was
reported (the screen's 「サーバーとの接続が切れました…」) and retried until
it committed once; the database holds exactly what the clients' logs say.

It restarts the server under every other test using it, so it runs only
when asked: COORDINATOR_APP_TEST_PG_RESTART=1 (and $COORDINATOR_APP_TEST_PG).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time

import pytest
from sqlalchemy import select

from coordinator_app.core.models import Branch, Consultation
from coordinator_app.services import consultations as svc
from coordinator_app.services import saving
from coordinator_app.services.consultations import ConsultationDraft
from tests.conftest import PG_URL, TODAY, coordinator_of, open_test_db

pytestmark = pytest.mark.skipif(
    not PG_URL or os.environ.get("COORDINATOR_APP_TEST_PG_RESTART") != "1",
    reason="restarts the PostgreSQL server: set COORDINATOR_APP_TEST_PG_RESTART=1")

CLUSTER = os.environ.get("COORDINATOR_APP_TEST_PG_CLUSTER", "15 main").split()
CLIENTS = 3


def _draft(tag: str) -> ConsultationDraft:
    return ConsultationDraft(received_on=TODAY, kind="consultation", channel="phone",
                             from_whom="self", categories=["life"], response="listened",
                             summary=tag)


def test_saves_through_a_server_restart_commit_once_each(db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("a server restart: PostgreSQL")
    with db.session() as s:
        s.add(Branch(code="01", name="テスト01支部"))
    user = coordinator_of(db)
    stop = threading.Event()
    restarted = threading.Event()
    log: list[tuple[str, int, int, bool]] = []  # tag, id, retries, after the restart
    failed: list[str] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        app = open_test_db(db.url)  # an app instance: its own engine and pool
        try:
            i = 0
            while not stop.is_set():
                i += 1
                tag = f"c{n}-{i}"
                told: list[int] = []
                key = saving.new_key()  # one per save, kept through its retries
                try:
                    cid = saving.retried(
                        lambda: svc.create_consultation(app, user, _draft(tag), client_key=key),
                        on_retry=told.append)
                except Exception as exc:  # reported to the user, never silent
                    with lock:
                        failed.append(f"{tag}: {type(exc).__name__}")
                    continue
                with lock:
                    log.append((tag, cid, len(told), restarted.is_set()))
        finally:
            app.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    try:
        for _ in range(1000):  # the stream is running
            if len(log) >= 30:
                break
            time.sleep(0.01)
        subprocess.run(["pg_ctlcluster", *CLUSTER, "restart"], check=True, timeout=60)
        restarted.set()
        for _ in range(2000):  # and goes on after the restart
            if sum(1 for *_, after in log if after) >= 30 or failed:
                break
            time.sleep(0.01)
    finally:
        stop.set()
        for t in threads:
            t.join()

    assert not failed, failed
    retried = [entry for entry in log if entry[2]]
    assert retried, "the restart hit no save"
    with db.session() as s:
        stored = s.execute(select(Consultation.summary, Consultation.id)).all()
    assert sorted(stored) == sorted((tag, cid) for tag, cid, *_ in log)  # once each, none lost
    assert len({tag for tag, _ in stored}) == len(stored) == len(log)
    print(f"\n{len(log)} saves, {len(retried)} reported and retried "
          f"({sum(n for _, _, n, _ in retried)} retries), {sum(1 for *_, a in log if a)} "
          "after the restart")
