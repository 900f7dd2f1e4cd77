"""running counts for the tally file, kept by database triggers

Five small tables hold the counts the tally file sums most (consultations
by their four breakdowns, category rows, watch contacts by method and
result, contacts per user × month, users reached per branch × month).
Triggers on ``consultation``, ``consultation_category`` and
``watch_contact`` update them in the same transaction as every insert,
update and delete, whatever code writes: the importer, the screens, bulk
SQL. The counts are filled from the records when the migration runs.

This revision also joins the feature branches of revisions that grew off
0002 into one head.

A later migration that rebuilds one of the three tables in SQLite batch
mode (copy and rename) drops its triggers and must create them again;
``tests/test_tally_running_counts.py`` fails if a trigger is missing.

Revision ID: 0009
Revises: 0002a, 0004, 0005, 0006, 0007, 0008
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = ("0002a", "0004", "0005", "0006", "0007", "0008")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = sqlmodel.sql.sqltypes.AutoString

# (table, key columns) of each count; n is the count.
COUNTS = {
    "tally_consultation": ("branch_id", "month", "kind", "channel", "from_whom", "response"),
    "tally_consultation_category": ("branch_id", "month", "category_code"),
    "tally_watch_contact": ("branch_id", "month", "method", "result"),
    "tally_watch_pair": ("watch_user_id", "month", "branch_id"),
    "tally_watch_reach": ("branch_id", "month"),
}

# The count each source row counts toward (its key columns have the same
# names in the source table). The pair and reach counts of a contact are
# handled apart.
SOURCES = {
    "consultation": "tally_consultation",
    "consultation_category": "tally_consultation_category",
    "watch_contact": "tally_watch_contact",
}
# Other columns whose change moves a row between counts.
ALSO_WATCHED = {"consultation": ("deleted_at",), "watch_contact": ("watch_user_id",)}
# A consultation counts only while it is not deleted.
CONDITION = {"consultation": "{r}.deleted_at IS NULL"}


def _match(table: str, cols, r: str) -> str:
    return " AND ".join(f"{table}.{k} = {r}.{c}" for k, c in zip(COUNTS[table], cols))


def _add(table: str, cols, r: str, where: str = "") -> str:
    keys = ", ".join(COUNTS[table])
    values = ", ".join(f"{r}.{c}" for c in cols)
    # INSERT ... SELECT needs a WHERE before ON CONFLICT in SQLite.
    return (f"INSERT INTO {table} ({keys}, n) SELECT {values}, 1 WHERE {where or '1 = 1'}"
            f" ON CONFLICT ({keys}) DO UPDATE SET n = {table}.n + 1")


def _sub(table: str, cols, r: str) -> str:
    return f"UPDATE {table} SET n = {table}.n - 1 WHERE {_match(table, cols, r)}"


def _statements(source: str, r: str, adding: bool) -> list[str]:
    """The statements that add (r = NEW) or take away (r = OLD) one row of
    ``source``, each guarded by the row's condition."""
    cond = CONDITION.get(source, "").format(r=r)
    table = SOURCES[source]
    cols = COUNTS[table]
    if adding:
        out = [_add(table, cols, r, cond)]
    else:
        out = [_sub(table, cols, r) + (f" AND {cond}" if cond else "")]
    if source == "watch_contact":
        pair = ("watch_user_id", "month", "branch_id")
        here = _match("tally_watch_pair", pair, r)
        if adding:
            out += [_add("tally_watch_pair", pair, r),
                    _add("tally_watch_reach", ("branch_id", "month"), r,
                         f"(SELECT tally_watch_pair.n FROM tally_watch_pair WHERE {here}) = 1")]
        else:
            out += [_sub("tally_watch_pair", pair, r),
                    _sub("tally_watch_reach", ("branch_id", "month"), r)
                    + f" AND EXISTS (SELECT 1 FROM tally_watch_pair WHERE {here}"
                    " AND tally_watch_pair.n = 0)",
                    f"DELETE FROM tally_watch_pair WHERE {here} AND tally_watch_pair.n = 0"]
    return out


def _watched(source: str) -> tuple[str, ...]:
    """The columns whose change moves a row of ``source`` between counts."""
    return COUNTS[SOURCES[source]] + ALSO_WATCHED.get(source, ())


def _sqlite_triggers(source: str) -> list[str]:
    def body(parts):
        return "".join(f"\n  {s};" for s in parts) + "\nEND"

    watched = ", ".join(_watched(source))
    return [
        f"CREATE TRIGGER {source}_tally_ai AFTER INSERT ON {source} BEGIN"
        + body(_statements(source, "NEW", True)),
        f"CREATE TRIGGER {source}_tally_ad AFTER DELETE ON {source} BEGIN"
        + body(_statements(source, "OLD", False)),
        f"CREATE TRIGGER {source}_tally_au AFTER UPDATE OF {watched} ON {source} BEGIN"
        + body(_statements(source, "OLD", False) + _statements(source, "NEW", True)),
    ]


def _postgresql_triggers(source: str) -> list[str]:
    def block(parts):
        return "".join(f"\n    {s};" for s in parts)

    watched = ", ".join(_watched(source))
    return [
        f"CREATE FUNCTION {source}_tally() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN"
        f"\n  IF TG_OP <> 'INSERT' THEN{block(_statements(source, 'OLD', False))}\n  END IF;"
        f"\n  IF TG_OP <> 'DELETE' THEN{block(_statements(source, 'NEW', True))}\n  END IF;"
        "\n  RETURN NULL;\nEND\n$$",
        f"CREATE TRIGGER {source}_tally AFTER INSERT OR DELETE OR UPDATE OF {watched}"
        f" ON {source} FOR EACH ROW EXECUTE FUNCTION {source}_tally()",
    ]


FILL = [
    "INSERT INTO tally_consultation (branch_id, month, kind, channel, from_whom, response, n)"
    " SELECT branch_id, month, kind, channel, from_whom, response, count(*) FROM consultation"
    " WHERE deleted_at IS NULL GROUP BY branch_id, month, kind, channel, from_whom, response",
    "INSERT INTO tally_consultation_category (branch_id, month, category_code, n)"
    " SELECT branch_id, month, category_code, count(*) FROM consultation_category"
    " GROUP BY branch_id, month, category_code",
    "INSERT INTO tally_watch_contact (branch_id, month, method, result, n)"
    " SELECT branch_id, month, method, result, count(*) FROM watch_contact"
    " GROUP BY branch_id, month, method, result",
    "INSERT INTO tally_watch_pair (watch_user_id, month, branch_id, n)"
    " SELECT watch_user_id, month, branch_id, count(*) FROM watch_contact"
    " GROUP BY watch_user_id, month, branch_id",
    "INSERT INTO tally_watch_reach (branch_id, month, n)"
    " SELECT branch_id, month, count(*) FROM tally_watch_pair GROUP BY branch_id, month",
]

TYPES = {"branch_id": sa.Integer(), "month": sa.Integer(), "watch_user_id": sa.Integer(),
         "kind": S(length=16), "channel": S(length=16), "from_whom": S(length=16),
         "response": S(length=16), "category_code": S(length=32), "method": S(length=16),
         "result": S(length=16)}


def upgrade() -> None:
    for table, keys in COUNTS.items():
        op.create_table(
            table,
            *[sa.Column(k, TYPES[k], autoincrement=False, nullable=False) for k in keys],
            sa.Column("n", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint(*keys),
        )
    for statement in FILL:
        op.execute(statement)
    sqlite = op.get_bind().dialect.name == "sqlite"
    for source in SOURCES:
        for statement in (_sqlite_triggers if sqlite else _postgresql_triggers)(source):
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for source in SOURCES:
        if sqlite:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {source}_tally_{suffix}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {source}_tally ON {source}")
            op.execute(f"DROP FUNCTION IF EXISTS {source}_tally()")
    for table in reversed(list(COUNTS)):
        op.drop_table(table)
