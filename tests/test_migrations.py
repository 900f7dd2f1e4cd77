"""Schema versions (Alembic under db/): a new database is made by the
migrations, an older one is backed up and upgraded with its data intact,
a newer one is refused and left untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlmodel import SQLModel

from coordinator_app.cli import main
from coordinator_app.core import counting
from coordinator_app.core.models import (
    Branch,
    Consultation,
    ConsultationCategory,
    Person,
    TallyConsultation,
)
from coordinator_app.storage import migrate
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import StoreError, make_engine

NOW = dt.datetime(2025, 4, 1, 9, 0)
# Indexes a migration makes on one dialect only, so the models leave them
# out (see the migration's docstring).
ONE_DIALECT_INDEXES = {"ix_consultation_search", "ix_person_search",  # SQLite
                       "ix_consultation_search_trgm", "ix_person_kana_trgm",  # PostgreSQL
                       "ix_person_name_trgm"}
TEXT_INDEX_TABLES = "search_"  # migration 0012: SQLite FTS5 tables and their shadow tables
STAMP = dict(created_at=NOW, updated_at=NOW, created_by="old", updated_by="old")


def _baseline_with_data(url: str) -> None:
    """A database as the first release left it: revision 0001 and records,
    written with the 0001 columns only."""
    engine = make_engine(url)
    try:
        migrate.upgrade(engine, "0001")
        assert migrate.current_revisions(engine) == {"0001"}
        md = sa.MetaData()
        branch = sa.Table("branch", md, autoload_with=engine)
        person = sa.Table("person", md, autoload_with=engine)
        consultation = sa.Table("consultation", md, autoload_with=engine)
        cc = sa.Table("consultation_category", md, autoload_with=engine)
        with engine.begin() as conn:
            conn.execute(branch.insert(), [dict(id=1, code="01", name="平方支部", base_name="",
                                                address="", phone="", sort_order=1, **STAMP)])
            conn.execute(person.insert(), [dict(
                id=7, branch_id=1, name="見本 太郎", kana="みほん たろう", kana_key="みほんたろう",
                name_key="見本太郎", phone="", postal_code="", address="", mail_ok=False,
                note="", **STAMP)])
            conn.execute(consultation.insert(), [dict(
                id=3, branch_id=1, external_id="C1", received_on=dt.date(2025, 4, 1),
                month=202504, kind="consultation", channel="phone", from_whom="self",
                response="listened", referred_to="", person_id=7, summary="買い物の相談",
                urgent_note="", staff_name="", follow_up_outcome="", deleted_by="", **STAMP)])
            conn.execute(cc.insert(), [dict(consultation_id=3, category_code="life",
                                            branch_id=1, month=202504)])
    finally:
        engine.dispose()


def test_baseline_database_is_backed_up_then_upgraded_with_its_data(db_url, tmp_path):
    _baseline_with_data(db_url)
    backups = tmp_path / "backups"
    db = Database.open(db_url, backup_dir=backups)
    try:
        assert db.prepared == "upgraded"
        assert migrate.current_revisions(db.engine) == migrate.head_revisions()
        with db.session() as s:
            c = s.get(Consultation, 3)
            assert (c.external_id, c.received_on, c.summary, c.person_id) == (
                "C1", dt.date(2025, 4, 1), "買い物の相談", 7)
            assert s.get(Person, 7).name == "見本 太郎"
            assert s.scalar(select(Branch.name).where(Branch.code == "01")) == "平方支部"
            assert s.scalars(select(ConsultationCategory.category_code)).all() == ["life"]
            # migration 0009 filled the tally's running counts from the records
            assert s.scalars(select(TallyConsultation.n)).all() == [1]
            assert counting.check_running_counts(s) == []
    finally:
        db.close()
    if db_url.startswith("sqlite"):
        copies = list(backups.iterdir())
        assert len(copies) == 1 and "before-upgrade" in copies[0].name
        con = sqlite3.connect(copies[0])
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
            assert con.execute("SELECT summary FROM consultation").fetchall() == [("買い物の相談",)]
        finally:
            con.close()
    # opening again changes nothing more
    db = Database.open(db_url, backup_dir=backups)
    assert db.prepared == "current"
    db.close()


def test_new_database_is_made_by_the_migrations_and_matches_the_models(db):
    assert db.prepared == "created"
    tables = set(inspect(db.engine).get_table_names())
    assert "alembic_version" in tables
    assert migrate.current_revisions(db.engine) == migrate.head_revisions()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, SQLModel.metadata)
                if not (d[0] == "remove_index" and d[1].name in ONE_DIALECT_INDEXES)
                and not (d[0] == "remove_table" and d[1].name.startswith(TEXT_INDEX_TABLES))]
        assert diff == []
    with db.session() as s:  # the default code lists come with the schema
        from coordinator_app.core.models import Category, Role

        assert len(s.scalars(select(Category.code)).all()) >= 11
        assert len(s.scalars(select(Role.code)).all()) >= 7


def _file_state(path):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.parent.iterdir()) if p.name.startswith(path.name)}


def test_newer_database_is_refused_and_untouched(tmp_path, capsys):
    path = tmp_path / "newer.db"
    Database.open(str(path), create=True).close()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.execute("INSERT INTO alembic_version VALUES ('9999_from_a_newer_app')")
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")  # as a copy from another machine may be
    con.close()
    before = _file_state(path)
    assert list(before) == ["newer.db"]
    with pytest.raises(StoreError, match="新しい版のアプリで作られています"):
        Database.open(str(path), backup_dir=tmp_path / "backups")
    assert _file_state(path) == before
    assert not (tmp_path / "backups").exists()
    out = tmp_path / "t.csv"
    assert main(["--db", str(path), "export", "tallies", "--fiscal-year", "2025",
                 "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "アプリを更新してから開いてください" in err
    assert not out.exists()
    assert _file_state(path) == before


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="コーディネーターアプリのものではありません"):
        Database.open(str(path))
    assert path.read_bytes() == before


def test_revisions_read_from_the_files_are_alembics():
    """head_revisions()/known_revisions() read db/versions/ without Alembic;
    they must never drift from what Alembic itself makes of the files."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revisions() == set(script.get_heads())
    assert migrate.known_revisions() == {rev.revision for rev in script.walk_revisions()}
    graph = migrate._revision_graph()
    for rev in script.walk_revisions():
        down = rev.down_revision
        assert set(graph[rev.revision]) == ({down} if isinstance(down, str) else set(down or ()))


def test_revision_ids_spread_over_lines_are_read_too(tmp_path):
    path = tmp_path / "0010_merge.py"
    path.write_text('"""Merge."""\n\nrevision: str = "0010"\n'
                    'down_revision: Union[str, Sequence[str], None] = (\n'
                    '    "0008",\n    "0009",\n)\n', encoding="utf-8")
    assert migrate._revision_ids(path) == ("0010", ("0008", "0009"))
    path.write_text("revision = '0001'\ndown_revision = None\n", encoding="utf-8")
    assert migrate._revision_ids(path) == ("0001", ())


def test_current_revisions_are_alembics(db_url):
    engine = make_engine(db_url)
    try:
        def alembics():
            with engine.connect() as conn:
                return set(MigrationContext.configure(conn).get_current_heads())

        assert migrate.current_revisions(engine) == alembics() == set()  # no version table
        migrate.upgrade(engine, "0002")
        assert migrate.current_revisions(engine) == alembics() == {"0002"}
        migrate.upgrade(engine, "0004")
        migrate.upgrade(engine, "0005")
        assert migrate.current_revisions(engine) == alembics() == {"0004", "0005"}
        migrate.upgrade(engine)
        assert migrate.current_revisions(engine) == alembics() == migrate.head_revisions()
    finally:
        engine.dispose()


def test_opening_a_current_database_imports_neither_alembic_nor_cryptography(tmp_path):
    """Both are slow to import and the app's start does not need them: the
    revisions are read without Alembic, keys are only for encrypted files."""
    path = tmp_path / "current.db"
    Database.open(str(path), create=True).close()
    code = ("import sys; from coordinator_app.storage.database import Database; "
            f"db = Database.open({str(path)!r}); print(db.prepared); db.close(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'cryptography'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.split() == ["current", "[]"], out.stderr
