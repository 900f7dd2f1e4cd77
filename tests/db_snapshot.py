"""A fingerprint of everything a database holds, to prove that a refused
import or a failed command changed nothing."""

from __future__ import annotations

import hashlib

from sqlalchemy import inspect, select
from sqlmodel import SQLModel

import coordinator_app.core.models  # noqa: F401  (registers the tables)


def snapshot(db) -> dict[str, tuple[int, str]]:
    """{table: (row count, sha256 of its sorted rows)} for every table."""
    out: dict[str, tuple[int, str]] = {}
    existing = set(inspect(db.engine).get_table_names())
    with db.engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if table.name not in existing:
                continue
            rows = sorted(repr(tuple(r)) for r in conn.execute(select(table)))
            out[table.name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return out


def counts(db) -> dict[str, int]:
    return {name: n for name, (n, _) in snapshot(db).items()}
