"""Importing a ledger file (docs/interchange.md, ``import KIND FILE``): the
use case the command line runs — who may import what, the safety copy
before it, trying again while another program writes, and the import
itself (``interchange.importer``, which validates and writes in one
transaction and audits it there).
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from coordinator_app.core import access
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.storage.database import Database

# Pauses (seconds) before trying a unit of work again when the database is
# busy: another import holds the write lock for a moment (each try also
# waits engine.BUSY_TIMEOUT_MS for the lock first).
BUSY_RETRY_PAUSES = (0.5, 1.0, 2.0)


def retry_busy(work):
    """Run one unit of work (one transaction), trying it again after a
    short pause while another program holds the database's write lock.
    A unit that failed changed nothing, so trying again is safe."""
    from coordinator_app.services.backups import is_busy

    for pause in (*BUSY_RETRY_PAUSES, None):
        try:
            return work()
        except Exception as exc:
            if pause is None or not is_busy(exc):
                raise
        time.sleep(pause)


def import_file(db: Database, who: SignedIn | None, kind: str, source: Path | bytes):
    """Import one ledger file. A path is opened once and every pass (and
    every retry) reads that one handle, so the branch check and the import
    see the same bytes even if the path is swapped meanwhile (issue 14);
    the file streams, whatever its size (issue 19). ``who`` is None on a
    database without accounts. Raises ScopeError for a role that may not
    import and LedgerError for a bad file; a refused import changes nothing."""
    from coordinator_app.interchange import importer
    from coordinator_app.services import backups

    own = None if who is None else access.check(who, Action.IMPORT)
    only_branch = None if own is None else who.branch_code
    with contextlib.ExitStack() as stack:
        f = source if isinstance(source, bytes) else stack.enter_context(open(source, "rb"))
        taken = backups.backup_before_import(db)
        try:
            return retry_busy(lambda: importer.import_ledger(db, kind, f, only_branch=only_branch))
        except BaseException:
            if taken is not None:  # the database is as the backup before it holds it
                backups.discard_backup(taken)
            raise
