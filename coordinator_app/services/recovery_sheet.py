"""Printing the recovery key (回復キー, issue 9): the sheet is written
owner-only, since the key opens everything, where the person chooses; the
GUI then opens it for printing."""

from __future__ import annotations

import io
from pathlib import Path

from coordinator_app.reports.recovery_key import lay_out_recovery_sheet
from coordinator_app.storage import private_files


def write_recovery_sheet(target: Path | str, recovery_key: str, database: str = "") -> Path:
    """Write the one-page PDF of ``recovery_key`` to ``target``; returns
    the path written. Raises OSError when it cannot be written."""
    buf = io.BytesIO()
    lay_out_recovery_sheet(buf, recovery_key, database)
    private_files.write_bytes(target, buf.getvalue())
    return Path(target)
