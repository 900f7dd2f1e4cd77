"""Encryption at rest, proved on the demo data: nothing personal in the
bytes of the database, its WAL or a backup; every key holder's password
opens it (a figures-only account's does not), nothing else does; the
recovery key opens it; conversion keeps every record."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coordinator_app.core import access, counting
from coordinator_app.core.models import Account, Consultation, Person
from coordinator_app.services import accounts, encrypting
from coordinator_app.services.accounts import DEMO_ACCOUNTS
from coordinator_app.services.demo import load_sample
from coordinator_app.storage import encryption, keyfile
from coordinator_app.storage.database import Database, EncryptedDatabaseError
from coordinator_app.storage.engine import StoreError, backup_sqlite, make_engine
from tests.conftest import TODAY

ADMIN, ADMIN_PW = "first-admin", "first-admin-pass"
MARK_NAME, MARK_PHONE, MARK_TEXT = "暗号 検証子", "048-000-9876", "夜間に転倒したとの相談、要見守り。"


@pytest.fixture(scope="module", autouse=True)
def fast_kdf():
    """Cheap argon2id parameters (the benchmark measures the real ones)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keyfile, "KDF_MEMORY_KIB", 8 * 1024)
        mp.setattr(keyfile, "KDF_TIME_COST", 1)
        yield


@pytest.fixture(scope="module")
def enc_template(tmp_path_factory):
    """An encrypted demo database with its first administrator and the
    three demo accounts, built once: (path, recovery key)."""
    path = tmp_path_factory.mktemp("enc") / "branch.db"
    recovery = encrypting.create_encrypted(path, ADMIN, ADMIN_PW, display_name="最初の管理者")
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    load_sample(db, today=TODAY)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, recovery


@pytest.fixture(scope="module")
def plain_template(tmp_path_factory):
    """A plain demo database with the demo accounts, built once."""
    path = tmp_path_factory.mktemp("plain") / "branch.db"
    db = Database.open(str(path), create=True)
    load_sample(db, today=TODAY)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def plain_demo(plain_template, tmp_path) -> Path:
    path = tmp_path / "branch.db"
    shutil.copy(plain_template, path)
    return path


@pytest.fixture
def enc_demo(enc_template, tmp_path):
    """A private copy of the encrypted demo: (path, recovery key)."""
    src, recovery = enc_template
    path = tmp_path / "branch.db"
    shutil.copy(src, path)
    shutil.copy(keyfile.keys_path(src), keyfile.keys_path(path))
    return path, recovery


def _needles(db: Database) -> list[bytes]:
    """Every name, ふりがな, phone, address and consultation text of the demo."""
    with db.session() as s:
        values = set()
        for name, kana, phone, address in s.execute(
                select(Person.name, Person.kana, Person.phone, Person.address)):
            values |= {name, kana, phone, address}
        values |= set(s.scalars(select(Consultation.summary)))
    values |= {MARK_NAME, MARK_PHONE, MARK_TEXT}
    return sorted(v.encode("utf-8") for v in values if v and len(v) >= 4)


def _write_marker(db: Database) -> None:
    from coordinator_app.services.consultations import insert_consultation

    with db.session() as s:
        person = Person(branch_id=1, name=MARK_NAME, kana="あんごう けんしょうこ",
                        phone=MARK_PHONE, note=MARK_TEXT)
        db.stamp(person, created=True)
        s.add(person)
        s.flush()
        insert_consultation(s, db, 1, received_on=TODAY - dt.timedelta(days=1),
                            kind="consultation", channel="phone", from_whom="self",
                            response="listened", categories=["life"], person_id=person.id,
                            summary=MARK_TEXT)


def _found(data: bytes, needles: list[bytes]) -> list[str]:
    return [n.decode() for n in needles if n in data]


def _plain_export(path: Path, key: bytes, out: Path) -> None:
    """The same database decrypted (the control: the needles must be found
    there, or the search proves nothing)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    con = sqlcipher.connect(str(path), isolation_level=None)
    con.execute(keyfile.sqlcipher_key_pragma(key))
    con.execute("ATTACH DATABASE ? AS plain KEY ''", (str(out),))
    con.execute("SELECT sqlcipher_export('plain')")
    con.execute("DETACH DATABASE plain")
    con.close()


def _stdlib_cannot_read(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            con.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        con.close()


def test_no_personal_data_in_the_file_its_wal_or_a_backup(enc_demo, tmp_path):
    path, _ = enc_demo
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    try:
        # Written and committed, not checkpointed: the pages sit in the WAL
        # while the connection stays open.
        _write_marker(db)
        needles = _needles(db)
        assert len(needles) > 300
        wal = Path(f"{path}-wal")
        assert wal.stat().st_size > 0
        assert _found(wal.read_bytes(), needles) == []
        assert _found(path.read_bytes(), needles) == []
        for side in tmp_path.glob("branch.db*"):
            assert _found(side.read_bytes(), needles) == [], side.name
        _stdlib_cannot_read(path)

        backup = backup_sqlite(db.engine, tmp_path / "backups" / "b.db").path
        assert _found(backup.read_bytes(), needles) == []
        _stdlib_cannot_read(backup)

        control = tmp_path / "control.db"
        _plain_export(path, db.key, control)
        assert set(_found(control.read_bytes(), needles)) == {n.decode() for n in needles}
    finally:
        db.close()


def test_the_marker_is_in_a_plain_wal_so_the_wal_check_means_something(plain_demo):
    db = Database.open(str(plain_demo))
    try:
        _write_marker(db)
        wal = Path(f"{db.path}-wal").read_bytes()
        assert MARK_PHONE.encode() in wal and MARK_TEXT.encode() in wal
    finally:
        db.close()


def test_an_encrypted_backup_opens_with_the_passwords_and_recovery_key(enc_demo, tmp_path):
    path, recovery = enc_demo
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    try:
        result = backup_sqlite(db.engine, tmp_path / "usb" / "backup.db")
        with db.session() as s:
            rows = s.scalar(select(func.count()).select_from(Consultation))
    finally:
        db.close()
    assert encryption.is_encrypted(result.path)
    assert keyfile.keys_path(result.path).is_file()
    encryption.check_backup(result.path, keyfile.KeyFile.load(
        keyfile.keys_path(path)).unlock_account(ADMIN, ADMIN_PW)[0])
    for opened in (encryption.open_encrypted(result.path, "demo-coord", "demo-coord-pass"),
                   encryption.open_with_recovery_key(result.path, recovery)):
        with opened.session() as s:
            assert s.scalar(select(func.count()).select_from(Consultation)) == rows
        opened.close()


def test_every_key_holder_opens_it_and_a_wrong_password_says_so(enc_demo):
    path, _ = enc_demo
    logins = [(ADMIN, ADMIN_PW)] + [(login, pw) for login, pw, _, role, _ in DEMO_ACCOUNTS
                                    if role in access.KEY_ROLES]
    assert len(logins) == 3
    for login, password in logins:
        db = encryption.open_encrypted(path, login, password)
        who = accounts.authenticate(db, login, password)
        assert who.login == login and db.encrypted
        db.close()
    with pytest.raises(encryption.UnlockError, match="市社協職員"):
        encryption.open_encrypted(path, "demo-city", "demo-city-pass")
    for login, password in [(ADMIN, "not-the-password"), ("demo-coord", ADMIN_PW),
                            ("nobody", ADMIN_PW), (ADMIN, "")]:
        with pytest.raises(encryption.UnlockError) as err:
            encryption.open_encrypted(path, login, password)
        assert str(err.value) == ("ログイン名またはパスワードが違います"
                                  "（暗号化されたデータベースを開けません）")


def test_a_removed_account_password_no_longer_opens_anything(enc_demo):
    from coordinator_app.services import admin

    path, _ = enc_demo
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    boss = accounts.authenticate(db, ADMIN, ADMIN_PW)
    with db.session() as s:
        coord_id = s.scalar(select(Account.id).where(Account.login == "demo-coord"))
    before = keyfile.KeyFile.load(keyfile.keys_path(path))
    rekeyed = admin.set_account_active(db, boss, coord_id, False)  # the accounts screen
    assert rekeyed is not None and rekeyed.dropped == [] and rekeyed.recovery_key == ""
    db.close()
    after = keyfile.KeyFile.load(keyfile.keys_path(path))
    assert sorted(after.logins()) == sorted(set(before.logins()) - {"demo-coord"})
    assert after.key_id != before.key_id and after.previous_key_id is None
    # The others keep their key pairs: the new key was sealed to them without a password.
    assert [s["public"] for s in after.slots] == [s["public"] for s in before.slots
                                                  if s.get("login") != "demo-coord"]
    with pytest.raises(encryption.UnlockError, match="パスワードが違います"):
        encryption.open_encrypted(path, "demo-coord", "demo-coord-pass")
    encryption.open_encrypted(path, "demo-admin", "demo-admin-pass").close()


def test_password_resets_and_changes_from_the_accounts_screen_rewrap_the_copy(enc_demo):
    from coordinator_app.services import admin

    path, _ = enc_demo
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    boss = accounts.authenticate(db, ADMIN, ADMIN_PW)
    with db.session() as s:
        coord_id = s.scalar(select(Account.id).where(Account.login == "demo-coord"))
    admin.reset_password(db, boss, coord_id, "reset-by-admin")
    coord = accounts.authenticate(db, "demo-coord", "reset-by-admin")
    admin.change_own_password(db, coord, "reset-by-admin", "chosen-by-coord")
    db.close()
    for old in ("demo-coord-pass", "reset-by-admin"):
        with pytest.raises(encryption.UnlockError):
            encryption.open_encrypted(path, "demo-coord", old)
    db = encryption.open_encrypted(path, "demo-coord", "chosen-by-coord")
    assert accounts.authenticate(db, "demo-coord", "chosen-by-coord").role == "coordinator"
    db.close()


def test_new_accounts_and_new_passwords_get_their_own_slot(enc_demo):
    path, _ = enc_demo
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    publics = {s.get("login"): s["public"] for s in
               keyfile.KeyFile.load(keyfile.keys_path(path)).slots}
    new_id = accounts.create_account(db, "coord-02", "二支部", "coordinator", "coord-02-pass", "02")
    added = {s.get("login"): s["public"] for s in
             keyfile.KeyFile.load(keyfile.keys_path(path)).slots}
    assert set(added) - set(publics) == {"coord-02"}
    assert {k: v for k, v in added.items() if k != "coord-02"} == publics
    accounts.set_password(db, new_id, "coord-02-new")
    changed = {s.get("login"): s["public"] for s in
               keyfile.KeyFile.load(keyfile.keys_path(path)).slots}
    assert changed["coord-02"] != added["coord-02"]
    assert {k: v for k, v in changed.items() if k != "coord-02"} == publics
    db.close()
    with pytest.raises(encryption.UnlockError):
        encryption.open_encrypted(path, "coord-02", "coord-02-pass")
    encryption.open_encrypted(path, "coord-02", "coord-02-new").close()


def test_a_failed_key_file_write_creates_no_account(enc_demo, monkeypatch):
    path, _ = enc_demo
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    try:
        def refuse(self, p):
            raise OSError("disk full")

        monkeypatch.setattr(keyfile.KeyFile, "save", refuse)
        with pytest.raises(OSError):
            accounts.create_account(db, "coord-03", "三支部", "coordinator", "coord-03-pass", "03")
        with db.session() as s:
            assert s.scalar(select(Account.id).where(Account.login == "coord-03")) is None
    finally:
        db.close()


def test_the_recovery_key_opens_it_and_resets_a_password(enc_demo):
    path, recovery = enc_demo
    db = encryption.open_with_recovery_key(path, recovery)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) > 300
    db.close()
    with pytest.raises(encryption.UnlockError, match="打ち間違い"):
        encryption.open_with_recovery_key(path, "A" + recovery[1:] if recovery[0] != "A"
                                          else "B" + recovery[1:])
    encrypting.reset_password_with_recovery_key(path, recovery.lower(), ADMIN, "brand-new-pass")
    with pytest.raises(encryption.UnlockError):
        encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    db = encryption.open_encrypted(path, ADMIN, "brand-new-pass")
    assert accounts.authenticate(db, ADMIN, "brand-new-pass").is_admin
    db.close()


def test_opening_without_the_key_is_refused_and_touches_nothing(enc_demo):
    path, _ = enc_demo
    before = path.read_bytes()
    with pytest.raises(EncryptedDatabaseError, match="暗号化されています"):
        Database.open(str(path))
    assert path.read_bytes() == before
    keyfile.keys_path(path).unlink()
    with pytest.raises(encryption.UnlockError, match="鍵ファイル"):
        encryption.open_encrypted(path, ADMIN, ADMIN_PW)


def test_postgresql_and_in_memory_never_take_a_key():
    with pytest.raises(StoreError):
        make_engine("postgresql+psycopg://u:p@localhost/x", key=keyfile.new_database_key())
    with pytest.raises(StoreError):
        make_engine("sqlite://", key=keyfile.new_database_key())


def test_create_refuses_an_existing_database(tmp_path):
    db = Database.open(str(tmp_path / "x.db"), create=True)
    db.close()
    with pytest.raises(StoreError, match="既にデータベースがあります"):
        encrypting.create_encrypted(tmp_path / "x.db", ADMIN, ADMIN_PW)
    with pytest.raises(ValueError, match="8文字以上"):
        encrypting.create_encrypted(tmp_path / "y.db", ADMIN, "short")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]


# ---------------------------------------------------------------- conversion

def _facts(db: Database, years: list[int]) -> tuple[dict, dict]:
    from sqlalchemy import table

    from coordinator_app.storage.engine import table_names

    with db.session() as s:
        counts = {t: s.scalar(select(func.count()).select_from(table(t)))
                  for t in table_names(db.engine)}
        figures = {fy: counting.compute(s, fy) for fy in years}
    return counts, figures


def test_conversion_keeps_every_record_and_every_password(plain_demo, tmp_path):
    path = plain_demo
    plain = Database.open(str(path))
    years = [2024, 2025, 2026]
    counts, figures = _facts(plain, years)
    plain.close()
    assert counts["consultation"] > 2000 and sum(len(r) for r in figures.values()) > 3000

    result = encrypting.convert_to_encrypted(path, "demo-admin", "demo-admin-pass")
    assert result.path == path and encryption.is_encrypted(path)
    assert set(years) <= set(result.fiscal_years) and result.accounts_without_key == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "backups", "branch.db", "branch.db.keys.json"]  # no plain original kept
    assert encryption.is_encrypted(result.backup) and result.backup.parent.name == "backups"
    _stdlib_cannot_read(path)

    for login, password, *_ in DEMO_ACCOUNTS[:2]:  # the key holders
        db = encryption.open_encrypted(path, login, password)
        db.close()
    with pytest.raises(encryption.UnlockError, match="市社協職員"):
        encryption.open_encrypted(path, "demo-city", "demo-city-pass")
    # Their slots (made from the password hashes) were replaced at sign-in.
    keys = keyfile.KeyFile.load(keyfile.keys_path(path))
    assert [s.get("login") for s in keys.slots if keyfile.needs_rewrap(s)] == ["demo-city"]

    db = encryption.open_with_recovery_key(path, result.recovery_key)
    after_counts, after_figures = _facts(db, years)
    db.close()
    # The administrator's sign-in and the conversion itself, then one rewrap
    # for demo-coord (a slot made from its password hash).
    assert after_counts.pop("audit_log") == counts.pop("audit_log") + 2 + 1
    assert after_counts.pop("setting") == counts.pop("setting") + 2  # key holders, sign-in log
    assert after_counts == counts
    assert after_figures == figures


def test_conversion_of_a_database_without_accounts_makes_the_first_administrator(tmp_path):
    path = tmp_path / "new.db"
    Database.open(str(path), create=True).close()  # a database made before encryption existed
    result = encrypting.convert_to_encrypted(path, ADMIN, ADMIN_PW, display_name="管理者")
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    assert accounts.authenticate(db, ADMIN, ADMIN_PW).is_admin
    db.close()
    assert result.recovery_key.count("-") == 7


def test_conversion_refuses_non_administrators_and_bad_copies(plain_demo, tmp_path,
                                                             monkeypatch):
    path = plain_demo
    before = path.read_bytes()
    with pytest.raises(StoreError, match="管理者だけ"):
        encrypting.convert_to_encrypted(path, "demo-coord", "demo-coord-pass")
    with pytest.raises(encryption.UnlockError):
        encrypting.convert_to_encrypted(path, "demo-admin", "wrong-password")

    real = encryption.summarize
    calls = []

    def tampered(db):
        summary = real(db)
        calls.append(1)
        if len(calls) == 2:  # the encrypted copy
            summary.rows["consultation"] -= 1
        return summary

    monkeypatch.setattr(encryption, "summarize", tampered)
    with pytest.raises(StoreError, match="件数が元と合いません"):
        encrypting.convert_to_encrypted(path, "demo-admin", "demo-admin-pass")
    assert not encryption.is_encrypted(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["branch.db"]
    db = Database.open(str(path))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Consultation)) > 2000
    db.close()
    assert len(path.read_bytes()) == len(before)


def test_the_backup_before_a_schema_upgrade_is_encrypted_too(enc_demo, tmp_path, monkeypatch):
    from coordinator_app.storage import migrate
    path, _ = enc_demo
    db = encryption.open_encrypted(path, ADMIN, ADMIN_PW)
    key = db.key
    with db.engine.begin() as conn:  # as if one feature's migration were still to run
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0008'")
    db.close()
    monkeypatch.setattr(migrate, "upgrade", lambda engine, target="heads": None)
    db = Database.open(str(path), key=key, backup_dir=tmp_path / "before")
    db.close()
    assert db.prepared == "upgraded"
    [backup] = (tmp_path / "before").glob("*.db")
    assert encryption.is_encrypted(backup)
    _stdlib_cannot_read(backup)
    encryption.open_encrypted(backup, "demo-coord", "demo-coord-pass").close()
