"""相談記録: an indexed text search (FTS5 on SQLite, pg_trgm on PostgreSQL)

The list's search matches the folded query (``kana.fold``) as a substring
of a record's ``search_key`` or of its person's ``kana_key``/``name_key``
(a person of the same branch). Testing that record by record took
160–330 ms a keystroke with a million records in one branch.

SQLite: two FTS5 indexes over the view ``search_doc`` (one row per live
record; deleted ones are not indexed, so a count needs no table row):

- ``search_trigram`` (trigram tokenizer, case-sensitive: the keys are
  folded already, so a phrase is an exact substring) answers queries of
  3+ characters. Column ``b`` holds a one-trigram branch marker, so the
  count is answered by the index alone: ``b : marker AND {s k n} : "…"``
  (the marker is left out when no other branch has live records).
- ``search_gram`` (ascii tokenizer, no positions) answers 1–2 character
  queries, which trigrams cannot: each position of s/k/n gives the tokens
  ``x<branch id>x<hex of the character>`` and ``…<hex of it and the next
  one>`` (hex of the UTF-8 bytes, so any character is one exact token; the
  branch inside the token, so a count reads one token's list). The
  characters are enumerated with ``search_seq`` (triggers cannot use a
  recursive WITH); a text longer than ``SEQ`` characters is indexed in its
  first ``SEQ`` characters and marked ``x<branch id>long``, and the
  service checks such records with LIKE.

Triggers keep both in step with every insert, update and delete of
consultation and person, whoever writes them (screens, importer, raw
SQL): BEFORE a change the record's old document is removed (read from the
view while it still shows the old row), AFTER it the new one is added.
A later migration that rebuilds consultation or person (batch "move and
copy") must re-create these triggers. INSERT OR REPLACE on those tables
would bypass the delete triggers; nothing uses it.

When many records match, the list order is read record by record with
LIKE instead (the first page is met at once); the matching people for it
come from ``ix_person_search`` (branch, kana key, name key) alone. It is
SQLite's only, like ``ix_consultation_search`` (migration 0004).

PostgreSQL: pg_trgm GIN indexes let the same LIKE search use an index for
3+ characters (a trusted extension: the database owner may create it).

Revision ID: 0012
Revises: 0011
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0012"
down_revision: Union[str, None] = "0011"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SEQ = 2000  # characters of a text indexed for 1–2 character queries
BRANCH_MARK = 0xF0000  # + branch id: a private-use character, x3 = one trigram


def _grams(col: str) -> str:
    tag = "'x' || c.branch_id || 'x'"
    return (f"coalesce((SELECT group_concat({tag} || hex(substr({col}, n, 1)) || ' ' || {tag}"
            f" || hex(substr({col}, n, 2)), ' ') FROM search_seq WHERE n <= length({col})), '')")


_DOC_VIEW = f"""
CREATE VIEW search_doc AS
SELECT c.id AS id,
       char({BRANCH_MARK} + c.branch_id, {BRANCH_MARK} + c.branch_id,
            {BRANCH_MARK} + c.branch_id) AS b,
       c.search_key AS s, coalesce(p.kana_key, '') AS k, coalesce(p.name_key, '') AS n,
       {_grams('c.search_key')} || ' ' || {_grams("coalesce(p.kana_key, '')")} || ' '
         || {_grams("coalesce(p.name_key, '')")}
         || CASE WHEN max(length(c.search_key), length(coalesce(p.kana_key, '')),
                          length(coalesce(p.name_key, ''))) > {SEQ}
                 THEN ' x' || c.branch_id || 'long' ELSE '' END AS g
FROM consultation c LEFT JOIN person p ON p.id = c.person_id AND p.branch_id = c.branch_id
WHERE c.deleted_at IS NULL
"""


def _index(where: str) -> str:
    return (f"INSERT INTO search_trigram (rowid, b, s, k, n)"
            f" SELECT id, b, s, k, n FROM search_doc WHERE {where};"
            f" INSERT INTO search_gram (rowid, g) SELECT id, g FROM search_doc WHERE {where};")


def _unindex(where: str) -> str:
    return (f"INSERT INTO search_trigram (search_trigram, rowid, b, s, k, n)"
            f" SELECT 'delete', id, b, s, k, n FROM search_doc WHERE {where};"
            f" INSERT INTO search_gram (search_gram, rowid, g)"
            f" SELECT 'delete', id, g FROM search_doc WHERE {where};")


_CONSULTATION_CHANGED = ("OLD.search_key IS NOT NEW.search_key OR OLD.deleted_at IS NOT NEW.deleted_at"
                         " OR OLD.person_id IS NOT NEW.person_id OR OLD.branch_id IS NOT NEW.branch_id"
                         " OR OLD.id IS NOT NEW.id")
_PERSON_CHANGED = ("OLD.kana_key IS NOT NEW.kana_key OR OLD.name_key IS NOT NEW.name_key"
                   " OR OLD.branch_id IS NOT NEW.branch_id OR OLD.id IS NOT NEW.id")
_REFS_OLD = "id IN (SELECT id FROM consultation WHERE person_id = OLD.id)"
_REFS_NEW = "id IN (SELECT id FROM consultation WHERE person_id = NEW.id)"
_REFS_BOTH = "id IN (SELECT id FROM consultation WHERE person_id IN (OLD.id, NEW.id))"

# (name, timing and event, WHEN or "", body)
_TRIGGERS = [
    ("search_consultation_ai", "AFTER INSERT ON consultation", "", _index("id = NEW.id")),
    ("search_consultation_bu", "BEFORE UPDATE ON consultation", _CONSULTATION_CHANGED,
     _unindex("id = OLD.id")),
    ("search_consultation_au", "AFTER UPDATE ON consultation", _CONSULTATION_CHANGED,
     _index("id = NEW.id")),
    ("search_consultation_bd", "BEFORE DELETE ON consultation", "", _unindex("id = OLD.id")),
    # A person's keys are part of each of their records' documents.
    ("search_person_bu", "BEFORE UPDATE ON person", _PERSON_CHANGED, _unindex(_REFS_BOTH)),
    ("search_person_au", "AFTER UPDATE ON person", _PERSON_CHANGED, _index(_REFS_BOTH)),
    ("search_person_bd", "BEFORE DELETE ON person", "", _unindex(_REFS_OLD)),
    ("search_person_ad", "AFTER DELETE ON person", "", _index(_REFS_OLD)),
    # Only records that named a person id not yet there (none, normally).
    ("search_person_bi", "BEFORE INSERT ON person", "", _unindex(_REFS_NEW)),
    ("search_person_ai", "AFTER INSERT ON person", "", _index(_REFS_NEW)),
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, column in _PG_INDEXES:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)")
        return
    op.execute("CREATE TABLE search_seq (n INTEGER PRIMARY KEY)")
    op.execute(f"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < {SEQ})"
               " INSERT INTO search_seq (n) SELECT n FROM r")
    op.execute(_DOC_VIEW)
    op.execute("CREATE VIRTUAL TABLE search_trigram USING fts5(b, s, k, n, content='search_doc',"
               " content_rowid='id', tokenize='trigram case_sensitive 1', columnsize=0)")
    op.execute("CREATE VIRTUAL TABLE search_gram USING fts5(g, content='search_doc',"
               " content_rowid='id', tokenize='ascii', detail='none', columnsize=0)")
    for name, event, when, body in _TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {event} FOR EACH ROW"
                   f"{' WHEN ' + when if when else ''} BEGIN {body} END")
    op.execute("INSERT INTO search_trigram (search_trigram) VALUES ('rebuild')")
    op.execute("INSERT INTO search_gram (search_gram) VALUES ('rebuild')")
    # A search still lists the matching people of the branch (the LIKE path,
    # taken when many records match): from this index alone, not the rows.
    op.create_index("ix_person_search", "person", ["branch_id", "kana_key", "name_key"])


_PG_INDEXES = [("ix_consultation_search_trgm", "consultation", "search_key"),
               ("ix_person_kana_trgm", "person", "kana_key"),
               ("ix_person_name_trgm", "person", "name_key")]


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for name, _table, _column in _PG_INDEXES:
            op.execute(f"DROP INDEX {name}")
        return
    op.drop_index("ix_person_search", table_name="person")
    for name, _event, _when, _body in _TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE search_gram")
    op.execute("DROP TABLE search_trigram")
    op.execute("DROP VIEW search_doc")
    op.execute("DROP TABLE search_seq")
