"""Privacy against an ordinary account on the command line (issue 14).

Branch 02 is seeded with unique markers (names, readings, phones,
addresses, summaries, notes, the name of its coordinator). Branch 01's
coordinator then runs every command, and the attacks found are played:
``backup`` used to give every branch (finding 1), and a ledger swapped
between the branch check and the import used to write into branch 02
(finding 2). Nothing the coordinator gets — the files the commands
write, what they print — may hold a marker.

The database's own files (the file, its WAL, the safety backups in
``backups/`` beside it) hold every branch by design; they are not given
to anyone (README, "What each role gets")."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from coordinator_app.cli import ENV_PASSWORD, main
from coordinator_app.core import access, counting
from coordinator_app.core.models import AuditLog, Branch, Person, WatchUser
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.services import accounts, encrypting
from coordinator_app.services.branch_copy import LEFT_OUT, write_branch_copy
from coordinator_app.storage import keyfile
from coordinator_app.storage.database import Database
from tests.conftest import TODAY, coordinator_of, open_test_db
from tests.shell_helpers import PASSWORDS, fast_hashing, make_accounts  # noqa: F401
from tests.test_import import (
    CONSULTATION_HEADER,
    CONTACT_HEADER,
    VOLUNTEER_HEADER,
    WATCH_USER_HEADER,
    consultation,
    contact,
    ledger,
    volunteer,
    watch_user,
)

# Branch 02's markers: nothing else in the demo or the app's texts holds them.
MARKERS = ["鵺野マーカー太郎", "ぬえのまーかーたろう", "048-555-0292", "鵺市マーカー町2-9",
           "ZQXMARKSUMMARY02", "QJWMARKNOTE02", "鶚川マーカー花子", "KVPMARKSKILL02",
           "受取マーカー民生委員", "テスト 二郎", "coord02"]
ENCODINGS = ("utf-8", "cp932", "utf-16-le")


def seed_branch_02(db) -> None:
    """Records of branch 02 carrying the markers, as an import brings them."""
    import_ledger(db, "watch-users", ledger(
        WATCH_USER_HEADER, watch_user("MW1", branch="02", name=MARKERS[0], kana=MARKERS[1],
                                      phone=MARKERS[2], address=MARKERS[3])), today=TODAY)
    import_ledger(db, "volunteers", ledger(
        VOLUNTEER_HEADER, volunteer("MV1", branch="02", name=MARKERS[6], kana="みさごがわ はなこ",
                                    phone=MARKERS[2], skills=MARKERS[7])), today=TODAY)
    import_ledger(db, "consultations", ledger(
        CONSULTATION_HEADER, consultation("MC1", branch="02", name=MARKERS[0], kana=MARKERS[1],
                                          summary=MARKERS[4])), today=TODAY)
    import_ledger(db, "watch-contacts", ledger(
        CONTACT_HEADER, contact("MW1", branch="02", by="staff", note=MARKERS[5])), today=TODAY)


def hits(data: bytes) -> list[str]:
    found = []
    for marker in MARKERS:
        for encoding in ENCODINGS:
            try:
                if marker.encode(encoding) in data:
                    found.append(f"{marker} ({encoding})")
            except UnicodeEncodeError:
                continue
    return found


def _table_text(con) -> bytes:
    """Every row of every table of an open DB-API connection, as text."""
    rows = []
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        rows += [repr(r) for r in con.execute(f'SELECT * FROM "{name}"')]
    return "\n".join(rows).encode("utf-8")


def readable_hits(path: Path, login: str, password: str) -> list[str]:
    """Markers in a file as its receiver reads it: the bytes, each member
    of an xlsx, the text of a PDF, the rows of a database (an encrypted
    copy opened with the receiver's own password)."""
    data = path.read_bytes()
    found = hits(data)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for member in z.namelist():
                found += [f"{member}: {h}" for h in hits(z.read(member))]
    elif data.startswith(b"%PDF"):
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                              capture_output=True).stdout
        found += [f"pdf text: {h}" for h in hits(text)]
    elif data.startswith(keyfile.SQLITE_HEADER):
        con = sqlite3.connect(path)
        try:
            found += [f"rows: {h}" for h in hits(_table_text(con))]
        finally:
            con.close()
    elif keyfile.keys_path(path).is_file():  # an encrypted copy: read it as its owner can
        from coordinator_app.storage import encryption
        db = encryption.open_encrypted(path, login, password)
        try:
            with db.engine.connect() as conn:
                text = _table_text(conn.connection.driver_connection)
                found += [f"rows: {h}" for h in hits(text)]
        finally:
            db.close()
    return found


@pytest.fixture
def site(demo_db, tmp_path, fast_hashing, monkeypatch):
    """The demo database (13 branches) with accounts, branch 02's markers,
    a print of branch 02 handed to a marked recipient; its path, and an
    empty folder for what the commands write."""
    make_accounts(demo_db)
    seed_branch_02(demo_db)
    out = tmp_path / "out"
    out.mkdir()
    path = str(demo_db.path)
    monkeypatch.setenv(ENV_PASSWORD, PASSWORDS["coord02"])
    assert main(["--db", path, "--user", "coord02", "print", "contacts", "--list", "watch-users",
                 "--recipient", MARKERS[8], "--out", str(tmp_path / "coord02.pdf")]) == 0
    monkeypatch.setenv(ENV_PASSWORD, PASSWORDS["coord01"])
    return demo_db, out


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# Every command, run as branch 01's coordinator ("ok": must it succeed).
COMMANDS = [
    ("init", True, ["init"]),
    ("import own branch", True, ["import", "watch-users", "{in}/own.csv"]),
    ("import into 02", False, ["import", "consultations", "{in}/other.csv"]),
    ("export csv", True, ["export", "tallies", "--fiscal-year", "2025", "--out", "{out}/t.csv"]),
    ("export xlsx", True, ["export", "tallies", "--fiscal-year", "2025", "--format", "xlsx",
                           "--out", "{out}/t.xlsx"]),
    ("export 02", False, ["export", "tallies", "--fiscal-year", "2025", "--branch", "02",
                          "--out", "{out}/t02.csv"]),
    ("indicators csv", True, ["indicators", "--fiscal-year", "2025", "--out", "{out}/i.csv"]),
    ("indicators pdf", True, ["indicators", "--fiscal-year", "2025", "--format", "pdf",
                              "--out", "{out}/i.pdf"]),
    ("print watch users", True, ["print", "contacts", "--list", "watch-users",
                                 "--out", "{out}/w.pdf"]),
    ("print volunteers", True, ["print", "contacts", "--list", "volunteers",
                                "--out", "{out}/v.pdf"]),
    ("print branches", True, ["print", "contacts", "--list", "branches", "--out", "{out}/b.pdf"]),
    ("print 02", False, ["print", "contacts", "--list", "watch-users", "--branch", "02",
                         "--out", "{out}/w02.pdf"]),
    ("backup", True, ["backup", "--out", "{out}/bk.db"]),
    ("consolidate", False, ["consolidate", "{out}/t.csv", "--out", "{out}/all.csv"]),
]


def test_nothing_a_coordinator_gets_holds_another_branchs_markers(site, tmp_path, capsys):
    db, out = site
    db_path = db.path
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "own.csv").write_bytes(ledger(WATCH_USER_HEADER, watch_user("OWN1", branch="01")))
    (inputs / "other.csv").write_bytes(ledger(CONSULTATION_HEADER, consultation("X9", branch="02")))
    with db.engine.connect() as conn:  # the live database holds them, of course
        assert len(set(hits(_table_text(conn.connection.driver_connection)))) > 10
    beside = set(_files(db_path.parent))
    for name, must_succeed, argv in COMMANDS:
        before = _files(out)
        argv = [a.format(**{"in": inputs, "out": out}) for a in argv]
        code = main(["--db", str(db_path), "--user", "coord01", *argv])
        printed = capsys.readouterr()
        assert (code == 0) == must_succeed, (name, printed.err)
        assert hits((printed.out + printed.err).encode("utf-8")) == [], name
        written = {p for p, data in _files(out).items() if before.get(p) != data}
        if must_succeed and name not in ("init", "import own branch"):
            assert written, f"{name} wrote nothing"
        for p in written:
            assert readable_hits(p, "coord01", PASSWORDS["coord01"]) == [], (name, p.name)
        # Beside the database only its own files and safety backups appear.
        new = set(_files(db_path.parent)) - beside - set(_files(out))
        assert all(p.parent.name == "backups" or p.name.startswith(db_path.name) for p in new), \
            (name, new)
    assert not (out / "all.csv").exists() and not (out / "t02.csv").exists()


# --- finding 1: backup gives every branch ---------------------------------------------------

def _rows(path: Path, login: str, password: str, sql: str) -> list[tuple]:
    if keyfile.is_encrypted_file(path):
        from coordinator_app.storage import encryption
        db = encryption.open_encrypted(path, login, password)
    else:
        db = Database.open(str(path))
    try:
        with db.engine.connect() as conn:
            return conn.exec_driver_sql(sql).fetchall()
    finally:
        db.close()


def test_a_coordinators_backup_holds_only_their_branch(site, capsys):
    db, out = site
    copy = out / "bk.db"
    assert main(["--db", str(db.path), "--user", "coord01", "backup", "--out", str(copy)]) == 0
    assert "支部 01 の記録だけ" in capsys.readouterr().out
    pw = PASSWORDS["coord01"]
    with db.session() as s:
        own_people = s.scalar(select(func.count()).select_from(Person).where(Person.branch_id == 1))
        others = s.scalar(select(func.count()).select_from(Person).where(Person.branch_id != 1))
    assert others > 1000  # what the copy used to carry
    assert _rows(copy, "coord01", pw, "SELECT count(*) FROM person") == [(own_people,)]
    for table in ("person", "consultation", "watch_user", "watch_contact", "volunteer", "area",
                  "activity", "print_register", "tally_consultation", "tally_watch_contact"):
        assert _rows(copy, "coord01", pw,
                     f"SELECT count(*) FROM {table} WHERE branch_id IS NOT 1") == [(0,)], table
    assert _rows(copy, "coord01", pw, "SELECT login FROM account") == [("coord01",)]
    assert {a for (a,) in _rows(copy, "coord01", pw, "SELECT actor FROM audit_log")} <= {"coord01"}
    # The copy is the branch's database: the app opens it and counts the same.
    if keyfile.is_encrypted_file(copy):
        from coordinator_app.storage import encryption
        opened = encryption.open_encrypted(copy, "coord01", pw)
    else:
        opened = Database.open(str(copy))
    try:
        assert accounts.authenticate(opened, "coord01", pw).branch_code == "01"
        with pytest.raises(access.AuthError):
            accounts.authenticate(opened, "admin", PASSWORDS["admin"])
        with opened.session() as s, db.session() as t:
            assert counting.compute(s, 2025, ["01"]) == counting.compute(t, 2025, ["01"])
    finally:
        opened.close()
    with db.session() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "backup")
                        .order_by(AuditLog.id.desc())).first()
    assert (row.actor, row.detail.split()[0]) == ("coord01", "scope=branch=01")


def test_an_administrators_backup_is_the_whole_file_city_staff_get_none(site, monkeypatch,
                                                                        capsys):
    db, out = site
    monkeypatch.setenv(ENV_PASSWORD, PASSWORDS["admin"])
    assert main(["--db", str(db.path), "--user", "admin", "backup", "--out",
                 str(out / "full.db")]) == 0
    assert "ファイル全体" in capsys.readouterr().out
    copy = Database.open(str(out / "full.db"), key=db.key)
    try:
        with copy.session() as s, db.session() as t:
            assert s.scalar(select(func.count()).select_from(Person)) == \
                t.scalar(select(func.count()).select_from(Person))
    finally:
        copy.close()
    monkeypatch.setenv(ENV_PASSWORD, PASSWORDS["city"])
    assert main(["--db", str(db.path), "--user", "city", "backup", "--out",
                 str(out / "city.db")]) == 1
    assert "市社協職員" in capsys.readouterr().err
    assert not (out / "city.db").exists()


def test_without_accounts_the_backup_is_the_whole_file(demo_db, tmp_path, capsys):
    assert main(["--db", str(demo_db.path), "backup", "--out", str(tmp_path / "b.db")]) == 0
    assert "ファイル全体" in capsys.readouterr().out


def test_an_encrypted_coordinators_copy_opens_with_their_password_only(tmp_path, fast_hashing,
                                                                       capsys, monkeypatch):
    pytest.importorskip("sqlcipher3")
    from coordinator_app.storage import encryption
    path = tmp_path / "enc.db"
    encrypting.create_encrypted(path, "admin", PASSWORDS["admin"])
    db = encryption.open_encrypted(path, "admin", PASSWORDS["admin"])
    try:
        with db.session() as s:
            s.add_all([Branch(code="01", name="一"), Branch(code="02", name="二")])
        for login, name, branch in [("coord01", "一の人", "01"), ("coord02", MARKERS[9], "02")]:
            accounts.create_account(db, login, name, "coordinator", PASSWORDS[login], branch)
        seed_branch_02(db)
        import_ledger(db, "watch-users", ledger(WATCH_USER_HEADER, watch_user("OWN1")), today=TODAY)
        live_key = db.key
    finally:
        db.close()
    monkeypatch.setenv(ENV_PASSWORD, PASSWORDS["coord01"])
    copy = tmp_path / "usb" / "bk.db"
    assert main(["--db", str(path), "--user", "coord01", "backup", "--out", str(copy)]) == 0
    assert "あなたのパスワードだけで開けます" in capsys.readouterr().out
    assert keyfile.is_encrypted_file(copy) and hits(copy.read_bytes()) == []
    keys = keyfile.KeyFile.load(keyfile.keys_path(copy))
    assert keys.logins() == ["coord01"] and keys.recovery_slot() is None
    assert readable_hits(copy, "coord01", PASSWORDS["coord01"]) == []
    assert _rows(copy, "coord01", PASSWORDS["coord01"], "SELECT count(*) FROM watch_user") == [(1,)]
    with pytest.raises(encryption.UnlockError):  # the administrator's password opens nothing
        encryption.open_encrypted(copy, "admin", PASSWORDS["admin"])
    from sqlcipher3 import dbapi2 as sqlcipher

    con = sqlcipher.connect(str(copy))  # nor does the live database's key
    con.execute(keyfile.sqlcipher_key_pragma(live_key))
    with pytest.raises(sqlcipher.DatabaseError):
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    con.close()


# A copy's contents, for any records of any branches, equal the live
# database restricted to the branch (an oracle written from the foreign
# keys, not from the copy's own rules).

def _oracle(con, branch_id: int, login: str) -> dict[str, list]:
    # The search's text indexes (migration 0012, "search_…") are derived
    # from the rows: the copy's are checked against its own rows instead.
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence'")
        if not r[0].startswith("search_")]
    scoped = {t for t in tables
              if "branch_id" in {c[1] for c in con.execute(f'PRAGMA table_info("{t}")')}}
    expected = {}
    for t in tables:
        if t == "account":
            sql, args = "SELECT * FROM account WHERE login = ?", (login,)
        elif t == "audit_log":
            sql, args = "SELECT * FROM audit_log WHERE actor = ?", (login,)
        elif t in LEFT_OUT:
            sql, args = f'SELECT * FROM "{t}" WHERE 0', ()
        elif t in scoped:
            sql, args = f'SELECT * FROM "{t}" WHERE branch_id = ?', (branch_id,)
        else:
            parents = [(fk[3], fk[2], fk[4])
                       for fk in con.execute(f'PRAGMA foreign_key_list("{t}")') if fk[2] in scoped]
            where = " AND ".join(f'"{c}" IN (SELECT "{pc}" FROM "{p}" WHERE branch_id = ?)'
                                 for c, p, pc in parents) or "1"
            sql, args = f'SELECT * FROM "{t}" WHERE {where}', (branch_id,) * len(parents)
        rows = con.execute(sql, args).fetchall()
        if t == "setting":
            rows = [r for r in rows if not r[0].startswith("key_recipients")]
        expected[t] = sorted(map(repr, rows))
    return expected


def _add_gatherings(db, seed: int) -> None:
    """A group with a leader, a regular and a subsidy year, and an event
    with a named attendee, in every branch (行事・サロン, issue 16)."""
    import datetime as dt
    import random

    from sqlmodel import select

    from coordinator_app.core.models import (ActivityGroup, Branch, Event, EventAttendee,
                                             GroupLeader, GroupMember, GroupSubsidy, Volunteer)
    rng = random.Random(seed)
    with db.session() as s:
        for branch in s.exec(select(Branch)).all():
            volunteer = s.exec(select(Volunteer).where(Volunteer.branch_id == branch.id)).first()
            day = dt.date(2024, rng.randint(4, 12), rng.randint(1, 28))
            group = ActivityGroup(branch_id=branch.id, name=f"サロン{branch.code}", kana="さろん",
                                  kana_key="さろん", kind="salon", started_on=day,
                                  started_month=day.year * 100 + day.month)
            s.add(group)
            s.flush()
            event = Event(branch_id=branch.id, held_on=day, month=day.year * 100 + day.month,
                          kind="salon", title="定例会", group_id=group.id,
                          participants=rng.randint(1, 20), volunteers=0)
            s.add(event)
            s.add(GroupSubsidy(group_id=group.id, fiscal_year=2024))
            s.flush()
            if volunteer is not None:
                s.add(GroupLeader(group_id=group.id, volunteer_id=volunteer.id, contact=True))
                s.add(GroupMember(group_id=group.id, person_id=volunteer.person_id,
                                  volunteer_id=volunteer.id))
                s.add(EventAttendee(event_id=event.id, person_id=volunteer.person_id,
                                    volunteer_id=volunteer.id))
        s.commit()


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), branches=st.sampled_from([("01", "02"), ("01", "02", "03")]),
       per_branch=st.integers(8, 40), which=st.integers(0, 2))
def test_a_branch_copy_is_the_live_database_restricted_to_the_branch(seed, branches,
                                                                     per_branch, which):
    from tests.tally_data import generate

    code = branches[which % len(branches)]
    with tempfile.TemporaryDirectory() as tmp:
        db = open_test_db(str(Path(tmp) / "live.db"))
        try:
            generate(db, branch_codes=branches, per_branch=per_branch, seed=seed)
            _add_gatherings(db, seed)
            who = coordinator_of(db, code)
            result = write_branch_copy(db, who, Path(tmp) / "copy.db", "pw-for-the-copy")
            with db.engine.connect() as conn:
                expected = _oracle(conn.connection.driver_connection, who.branch_id, who.login)
        finally:
            db.close()
        if keyfile.is_encrypted_file(result.path):
            key = keyfile.KeyFile.load(keyfile.keys_path(result.path)).unlock_account(
                who.login, "pw-for-the-copy")
            key = key[0] if isinstance(key, list) else key
            copy = Database.open(str(result.path), key=key)
        else:
            copy = Database.open(str(result.path))
        try:
            with copy.engine.connect() as conn:
                got = _oracle(conn.connection.driver_connection, who.branch_id, who.login)
                whole = {t: rows for t, rows in _oracle(
                    conn.connection.driver_connection, -1, "").items()}
            with copy.session() as s:
                assert counting.check_running_counts(s) == []  # the triggers kept them right
                for index in ("search_trigram", "search_gram"):  # exactly the copy's records
                    s.execute(text(f"INSERT INTO {index} ({index}, rank)"
                                   " VALUES ('integrity-check', 1)"))
        finally:
            copy.close()
    assert got == expected
    # ...and nothing else: the copy has no row outside the branch.
    for t, rows in whole.items():
        if t not in ("branch", "category", "role", "group_kind", "event_kind", "setting",
                     "alembic_version", "indicator",
                     "indicator_plan", "indicator_year", "evaluation_narrative"):
            assert rows == [], t


# --- finding 2: the import check-then-use race ---------------------------------------------

def _branch_02_state(db) -> list:
    with db.session() as s:
        return sorted((u.external_id, p.name, p.phone) for u, p in s.execute(
            select(WatchUser, Person).join(Person, WatchUser.person_id == Person.id)
            .where(WatchUser.branch_id == 2)).all())


@pytest.mark.parametrize("swap", ["renamed over", "written in place"])
def test_a_ledger_swapped_after_the_check_cannot_write_into_another_branch(site, tmp_path,
                                                                            monkeypatch, capsys,
                                                                            swap):
    """The file is opened once and streamed from that one handle (issue 19),
    the branch checked on the very rows written: a file swapped under its
    path once the import has it open is not read, and one rewritten in
    place is checked as it is read (refused whole: nothing written)."""
    from coordinator_app.interchange import importer

    db, _out = site
    before = _branch_02_state(db)
    good = ledger(WATCH_USER_HEADER, watch_user("OWN1", branch="01", name="自支部 一郎",
                                                kana="じしぶ いちろう"))
    evil = ledger(WATCH_USER_HEADER,
                  watch_user("OWN1", branch="01", name="自支部 一郎", kana="じしぶ いちろう"),
                  watch_user("MW1", branch="02", name="改ざん 後名", kana="かいざん のちな"),
                  watch_user("EVIL2", branch="02", name="侵入 記録", kana="しんにゅう きろく"))
    path = tmp_path / "ledger.csv"
    path.write_bytes(good)
    real_detect = importer.detect_encoding

    def detect_then_swap(f):
        encoding = real_detect(f)  # the whole file was read once: the attacker swaps it now
        if swap == "renamed over":
            (tmp_path / "evil.csv").write_bytes(evil)
            (tmp_path / "evil.csv").replace(path)
        else:
            path.write_bytes(evil)
        return encoding

    monkeypatch.setattr(importer, "detect_encoding", detect_then_swap)
    code = main(["--db", str(db.path), "--user", "coord01", "import", "watch-users", str(path)])
    err = capsys.readouterr().err
    assert _branch_02_state(db) == before  # MW1 not renamed, no EVIL2
    with db.session() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "import")
                        .order_by(AuditLog.id.desc())).first()
    if swap == "renamed over":
        assert code == 0, err  # the bytes the import opened
        assert (row.actor, row.detail) == ("coord01", "created=1 updated=0 branch=01")
    else:
        assert code == 2 and "自分の支部（01）以外の行は取り込めません" in err
        assert row is None or row.detail != "created=1 updated=0 branch=01"


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(branches=st.lists(st.sampled_from(["01", "02", "03"]), min_size=1, max_size=6))
def test_a_coordinators_import_writes_their_branch_or_nothing(site, tmp_path, capsys, branches):
    db, _out = site
    before = _branch_02_state(db)
    path = tmp_path / "mixed.csv"
    path.write_bytes(ledger(WATCH_USER_HEADER, *[
        watch_user(f"H{i}", branch=b, name=f"混在 {i}", kana="こんざい")
        for i, b in enumerate(branches)]))
    code = main(["--db", str(db.path), "--user", "coord01", "import", "watch-users", str(path)])
    err = capsys.readouterr().err
    foreign = [i + 2 for i, b in enumerate(branches) if b != "01"]  # line 1 is the header
    if foreign:
        assert code == 2 and "何も変更していません" in err
        assert [int(n) for n in re.findall(r"line (\d+): branch_code", err)] == foreign
    else:
        assert code == 0, err
    assert _branch_02_state(db) == before


def test_an_administrator_still_imports_every_branch(site, tmp_path, monkeypatch):
    db, _out = site
    monkeypatch.setenv(ENV_PASSWORD, PASSWORDS["admin"])
    path = tmp_path / "two.csv"
    path.write_bytes(ledger(WATCH_USER_HEADER, watch_user("A1", branch="01"),
                            watch_user("A2", branch="02")))
    assert main(["--db", str(db.path), "--user", "admin", "import", "watch-users", str(path)]) == 0
    with db.session() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "import")
                        .order_by(AuditLog.id.desc())).first()
    assert row.detail == "created=2 updated=0 branch=01,02"


# --- consolidate: the city office's work ------------------------------------------------------

def test_consolidate_is_for_city_staff_and_administrators(site, monkeypatch, capsys):
    db, out = site
    tally = out / "t.csv"
    assert main(["--db", str(db.path), "--user", "coord01", "export", "tallies",
                 "--fiscal-year", "2025", "--out", str(tally)]) == 0
    for login, allowed in [("coord01", False), ("city", True), ("admin", True)]:
        monkeypatch.setenv(ENV_PASSWORD, PASSWORDS[login])
        target = out / f"all-{login}.csv"
        code = main(["--db", str(db.path), "--user", login, "consolidate", str(tally),
                     "--out", str(target)])
        err = capsys.readouterr().err
        assert (code == 0) == allowed and target.exists() == allowed, (login, err)
        if not allowed:
            assert "権限がありません" in err


# --- the app's 「今すぐバックアップ」 ------------------------------------------------------------

def test_the_apps_backup_button_follows_the_same_roles(demo_db, fast_hashing):
    """File menu and Settings › ロック・バックアップ: a safety backup beside
    the database, for the roles that may restore one; city staff get none."""
    from coordinator_app.services import backups
    from coordinator_app.core.access import ScopeError

    users = make_accounts(demo_db)
    with pytest.raises(ScopeError):
        backups.manual_backup(demo_db, users["city"])
    assert backups.list_backups(demo_db.path) == []
    for login in ("coord01", "admin"):
        assert backups.manual_backup(demo_db, users[login]).reason == "manual"
    assert len(backups.list_backups(demo_db.path)) == 2


def test_a_table_the_copy_does_not_know_refuses_the_copy(demo_db, tmp_path):
    """A table added later (say, free notes about people) is never carried
    into a branch's copy unexamined: the copy is refused until it is
    classified in branch_copy."""
    from coordinator_app.storage.engine import StoreError

    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE free_note (id INTEGER PRIMARY KEY, text TEXT)")
        conn.exec_driver_sql(f"INSERT INTO free_note (text) VALUES ('{MARKERS[0]}')")
    out = tmp_path / "copy.db"
    with pytest.raises(StoreError, match="free_note"):
        write_branch_copy(demo_db, coordinator_of(demo_db, "01"), out, "pw-for-the-copy")
    assert list(tmp_path.glob("copy.db*")) == []
