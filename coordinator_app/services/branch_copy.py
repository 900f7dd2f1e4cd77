"""A coordinator's copy of the database: ``backup --out`` for a branch's
coordinator (issue 14). Qt-free.

The copy is made in memory, so no file ever holds another branch's rows:
the live database is copied into an in-memory database (SQLite's backup
API, or SQLCipher's ``sqlcipher_export`` for an encrypted file), every
row that is not the branch's own is deleted there, and only then is the
result written out as a fresh, compact file (``VACUUM INTO``, or
``sqlcipher_export`` into a new encrypted file). Deleted rows leave no
pages behind in the file written.

What the copy keeps (README, "What each role gets"): the branch's own
records (people, consultations, watch users and contacts, volunteers,
activities, roll calls, areas, print register, running tally counts), the
signed-in coordinator's own account and own audit rows, and the shared
reference tables (branches, categories, roles, group and event kinds,
settings, the plan's indicators). Everything else is left out: other branches' records, every
other account, other people's audit rows, tally files received by the
city office. A table this module does not know makes it refuse, so a new
table cannot slip into a copy unexamined.

An encrypted database gives an encrypted copy under a new key, with a key
file that holds only the coordinator's own password copy: it opens with
their password and nothing else (no recovery key).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from coordinator_app.core import access
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.storage import private_files
from coordinator_app.storage.database import Database
from coordinator_app.storage.encryption import RECIPIENTS
from coordinator_app.storage.engine import BackupResult, StoreError, sqlite_path

# Reference tables every branch shares; kept whole.
SHARED = {"alembic_version", "branch", "category", "role", "group_kind", "event_kind",
          "setting", "indicator_plan",
          "indicator", "indicator_year", "evaluation_narrative", "sqlite_sequence",
          "plan_goal", "plan_policy", "plan_project", "project_indicator", "project_year",
          # the import wizard's saved mappings: header and code words only
          "import_mapping"}
# The city office's received tally files: not the branch's, left out.
LEFT_OUT = {"tally_file", "tally_file_row", "tally_choice"}
# The text indexes of the list's search (migration 0012; with their shadow
# tables <name>_data, _idx, _config): rebuilt from the rows kept, so that
# no page of them still holds another branch's words. search_seq is a
# table of numbers.
REBUILT = {"search_trigram", "search_gram"}
SHARED |= {"search_seq"}


def write_branch_copy(db: Database, who: SignedIn, out: Path,
                      password: str | None = None) -> BackupResult:
    """Write the copy for coordinator ``who`` to ``out`` (checked with
    integrity_check before it replaces anything at ``out``). An encrypted
    database needs ``password``, the coordinator's own, to wrap the new
    key. Raises StoreError (Japanese) on PostgreSQL or a failed check."""
    path = db.path
    if path is None:
        raise StoreError("PostgreSQL のバックアップはサーバー側で行ってください（pg_dump を使用）")
    access.check(who, Action.PERSONAL_RECORDS,
                 refusal="支部のコピーは支部のコーディネーターだけが作れます")
    if db.encrypted and not password:
        raise StoreError("暗号化されたデータベースのコピーにはパスワードが必要です")
    out = Path(out)
    mem = _copy_into_memory(db)
    try:
        _keep_only(mem, who.branch_id, who.login)
        private_files.make_folders(out.parent)  # as backup_sqlite does
        tmp = private_files.fresh_file(out.with_name(out.name + ".partial"))
        try:
            if db.encrypted:
                _write_encrypted(mem, tmp, out, who.login, password)
            else:
                mem.execute("VACUUM INTO ?", (str(tmp),))
                _check(sqlite3.connect(str(tmp)))
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    finally:
        mem.close()
    return BackupResult(out, out.stat().st_size)


def _copy_into_memory(db: Database):
    """The live database, as of one moment, in an in-memory database (a
    connection of the same module: sqlite3, or sqlcipher3 when encrypted)."""
    if not db.encrypted:
        mem = sqlite3.connect(":memory:", isolation_level=None)
        raw = db.engine.raw_connection()
        try:
            raw.driver_connection.backup(mem)
        finally:
            raw.close()
        return mem
    from sqlcipher3 import dbapi2 as sqlcipher

    from coordinator_app.storage.engine import BUSY_TIMEOUT_MS

    mem = sqlcipher.connect(":memory:", isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        # The key goes in SQLCipher's raw-key form, bound as a parameter.
        mem.execute("ATTACH DATABASE ? AS live KEY ?", (str(sqlite_path(db.url)),
                                                          f"x'{db.key.hex()}'"))
        mem.execute("BEGIN")  # one read transaction: every table as of one moment
        mem.execute("SELECT sqlcipher_export('main', 'live')")
        mem.execute("COMMIT")
        mem.execute("DETACH DATABASE live")
        # sqlcipher_export writes virtual tables (the search's text indexes)
        # straight into sqlite_master; a new schema version makes this
        # connection read them.
        version = mem.execute("PRAGMA main.schema_version").fetchone()[0]
        mem.execute(f"PRAGMA main.schema_version = {int(version) + 1}")
    except BaseException:
        mem.close()
        raise
    return mem


def _tables(mem) -> list[str]:
    return [r[0] for r in mem.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def _columns(mem, table: str) -> set[str]:
    return {r[1] for r in mem.execute("SELECT * FROM pragma_table_info(?)", (table,))}


def _foreign_keys(mem, table: str) -> list[tuple[str, str, str]]:
    """(column, parent table, parent column) of each foreign key."""
    return [(r[3], r[2], r[4] or "rowid")
            for r in mem.execute("SELECT * FROM pragma_foreign_key_list(?)", (table,))]


def _q(name: str) -> str:
    """A table or column name from sqlite_master, quoted for SQL text."""
    return '"' + name.replace('"', '""') + '"'


def _keep_only(mem, branch_id: int, login: str) -> None:
    """Delete, in the in-memory copy, every row that is not the branch's or
    the coordinator's own (see the module docstring). Repeats until nothing
    changes: deleting a record fires the running-count triggers and frees
    rows that pointed at it."""
    tables = _tables(mem)
    scoped = [t for t in tables if "branch_id" in _columns(mem, t)]
    # ANALYZE's statistics (sqlite_stat4 samples rows of indexes) go too.
    left_out = [t for t in tables if t in LEFT_OUT or t.startswith("sqlite_stat")]
    children = {t: _foreign_keys(mem, t) for t in tables}
    # Every other table must hang off a branch's records (its rows go with
    # their parents) or be named above: a new table is never kept unread.
    branch_rows = set(scoped)
    rebuilt = {t for t in tables if t in REBUILT or t.rsplit("_", 1)[0] in REBUILT}
    pending = [t for t in tables
               if t not in branch_rows | SHARED | set(left_out) | rebuilt | {"audit_log"}]
    while pending:
        covered = [t for t in pending if any(p in branch_rows for _c, p, _pc in children[t])]
        if not covered:
            raise StoreError("支部のコピーを作れません（未確認の表があります: "
                             f"{', '.join(sorted(pending))}）")
        branch_rows.update(covered)
        pending = [t for t in pending if t not in covered]
    mem.execute("PRAGMA foreign_keys = OFF")  # a parent may go before its children
    mem.execute("BEGIN")
    while True:
        before = mem.total_changes
        for t in scoped:
            mem.execute(f"DELETE FROM {_q(t)} WHERE branch_id IS NOT ?", (branch_id,))
        mem.execute("DELETE FROM account WHERE login IS NOT ?", (login,))
        mem.execute("DELETE FROM audit_log WHERE actor IS NOT ?", (login,))
        for t in left_out:
            mem.execute(f"DELETE FROM {_q(t)}")
        # The key holders' public keys name every account; an encrypted
        # copy gets its own (see _write_encrypted).
        mem.execute("DELETE FROM setting WHERE key = ?", (RECIPIENTS,))
        for t, fks in children.items():
            for column, parent, parent_column in fks:
                mem.execute(f"DELETE FROM {_q(t)} WHERE {_q(column)} IS NOT NULL AND "
                            f"{_q(column)} NOT IN (SELECT {_q(parent_column)} FROM {_q(parent)})")
        if mem.total_changes == before:
            break
    for t in REBUILT & set(tables):
        mem.execute(f"INSERT INTO {_q(t)} ({_q(t)}) VALUES ('rebuild')")
    mem.execute("COMMIT")
    if mem.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise StoreError("支部のコピーの検査に失敗しました（外部キー）")


def _write_encrypted(mem, tmp: Path, out: Path, login: str, password: str) -> None:
    """Export the in-memory copy into ``tmp`` under a new key, and give
    ``out`` a key file with the coordinator's password copy only."""
    from coordinator_app.storage import keyfile
    key = keyfile.new_database_key()
    keys = keyfile.KeyFile.new(key)
    slot = keys.set_account(key, login, password)
    # The copy's only key holder, recorded as encryption.py expects, so
    # that a re-key of the copy keeps sealing the key to this account.
    mem.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (RECIPIENTS, json.dumps(
        {"accounts": {login: slot["public"]}, "recovery": None}, sort_keys=True)))
    mem.execute("ATTACH DATABASE ? AS copy KEY ?", (str(tmp), f"x'{key.hex()}'"))
    try:
        mem.execute("SELECT sqlcipher_export('copy', 'main')")
    finally:
        mem.execute("DETACH DATABASE copy")
    from sqlcipher3 import dbapi2 as sqlcipher

    con = sqlcipher.connect(str(tmp))
    con.execute(keyfile.sqlcipher_key_pragma(key))
    _check(con)
    keys.save(keyfile.keys_path(out))


def _check(con) -> None:
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    if ok != "ok":
        raise StoreError(f"支部のコピーの検査に失敗しました: {ok}")
