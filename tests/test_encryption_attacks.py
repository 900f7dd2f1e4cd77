"""Issue 14, findings 3-5, played as an attacker would: an old copy of the
key file against a re-keyed database, the city office's password against
the key file, wrong passwords against an encrypted file (and a restart, and
a deleted sign-in log), a plain backup restored over an encrypted file,
the plain copies ``encrypt`` used to leave, and logins told apart by
their timing."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

pytest.importorskip("sqlcipher3")

from coordinator_app.core import access, clock
from coordinator_app.core.models import Account, AuditLog, Branch, Person  # noqa: E402
from coordinator_app.services import accounts, admin, backups, encrypting  # noqa: E402
from coordinator_app.storage import (
    encryption,
    keyfile,
    sign_in_log,  # noqa: E402
)
from coordinator_app.storage.database import Database  # noqa: E402
from coordinator_app.storage.engine import StoreError, backup_sqlite  # noqa: E402
from tests.shell_helpers import PASSWORDS  # noqa: E402

OWNER, OWNER_PW = "owner", "owner-password"
MARK_NAME, MARK_PHONE = "鍵検証 二支部太郎", "048-222-0014"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    """Cheap argon2id for the slots (the parameters travel in each slot, so
    a child process opens them the same way)."""
    monkeypatch.setattr(keyfile, "KDF_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(keyfile, "KDF_TIME_COST", 1)


def _encrypted_branch_file(folder: Path) -> tuple[Path, str]:
    """An encrypted file with an administrator, coordinators of 01 and 02, a
    city-office account and a branch-02 person with marker name and phone;
    closed, key forgotten. (path, recovery key)."""
    path = folder / "branch.db"
    recovery = encrypting.create_encrypted(path, OWNER, OWNER_PW)
    db = encryption.open_encrypted(path, OWNER, OWNER_PW)
    try:
        with db.session() as s:
            s.add_all([Branch(code="01", name="一番"), Branch(code="02", name="二番")])
        accounts.create_account(db, "admin", "管理者", "admin", PASSWORDS["admin"])
        accounts.create_account(db, "coord01", "一", "coordinator", PASSWORDS["coord01"], "01")
        accounts.create_account(db, "coord02", "二", "coordinator", PASSWORDS["coord02"], "02")
        accounts.create_account(db, "city", "市", "city_staff", PASSWORDS["city"])
        with db.session() as s:
            branch_02 = s.scalar(select(Branch.id).where(Branch.code == "02"))
            person = Person(branch_id=branch_02, name=MARK_NAME, kana="かぎけんしょう",
                            phone=MARK_PHONE)
            db.stamp(person, created=True)
            s.add(person)
    finally:
        db.close()
    return path, recovery


def _reads_marker(path: Path, key: bytes) -> bool:
    """What an attacker does with a key: open the file with sqlcipher3
    directly and look for the marker. False when the key does not open it."""
    from sqlcipher3 import dbapi2 as sqlcipher

    con = sqlcipher.connect(str(path))
    try:
        con.execute(keyfile.sqlcipher_key_pragma(key))
        return con.execute("SELECT count(*) FROM person WHERE phone = ?",
                           (MARK_PHONE,)).fetchone()[0] == 1
    except sqlcipher.DatabaseError:
        return False
    finally:
        con.close()


def _signed_in(path: Path, login: str, password: str):
    db = encryption.open_encrypted(path, login, password)
    return db, accounts.authenticate(db, login, password)


# --- finding 3: an old key file, a removed account --------------------------------

@pytest.mark.parametrize("change", ["deactivate", "figures_only", "password_reset"])
def test_an_old_key_file_does_not_open_the_database_after_access_is_taken(tmp_path, change):
    """coord02 keeps a copy of the key file (and knows its password); the
    administrator then takes the access away. The copy still opens the
    backup made before — the README says so — but not the database."""
    path, _ = _encrypted_branch_file(tmp_path)
    db, boss = _signed_in(path, "admin", PASSWORDS["admin"])
    before = backups.make_backup(db, "manual")
    stolen = tmp_path / "stolen.keys.json"
    shutil.copy(keyfile.keys_path(path), stolen)
    with db.session() as s:
        coord_id = s.scalar(select(Account.id).where(Account.login == "coord02"))
    if change == "deactivate":
        rekeyed = admin.set_account_active(db, boss, coord_id, False)
    elif change == "figures_only":
        rekeyed = admin.update_account(db, boss, coord_id, "二", "city_staff", None)
    else:
        rekeyed = admin.reset_password(db, boss, coord_id, "new-secret-pw")
    assert rekeyed is not None
    db.close()

    old_keys = keyfile.KeyFile.load(stolen).unlock_account("coord02", PASSWORDS["coord02"])
    assert old_keys and not any(_reads_marker(path, k) for k in old_keys)
    # Every other slot of the stolen file, with a password that is still valid, neither.
    for login in ("admin", "coord01"):
        for key in keyfile.KeyFile.load(stolen).unlock_account(login, PASSWORDS[login]):
            assert not _reads_marker(path, key)
    assert any(_reads_marker(before.path, k) for k in old_keys)  # the backup made before
    assert keyfile.keys_path(before.path).read_bytes() == stolen.read_bytes()
    # The WAL holds no page under the old key either (truncated after the re-key).
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    # The key holders who remain open it; the removed password opens nothing current.
    encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"]).close()
    with pytest.raises(encryption.UnlockError):
        encryption.open_encrypted(path, "coord02", PASSWORDS["coord02"])


def test_a_recovery_key_reset_re_keys_and_ends_the_lock_out(tmp_path):
    path, recovery = _encrypted_branch_file(tmp_path)
    stolen = keyfile.KeyFile.load(keyfile.keys_path(path))
    for attempt in range(access.MAX_FAILURES):
        with pytest.raises(encryption.UnlockError):
            encryption.open_encrypted(path, "coord01", f"guess-{attempt}-pw")
    with pytest.raises(encryption.UnlockError, match="ロック"):
        encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"])
    rekeyed = encrypting.reset_password_with_recovery_key(path, recovery, "coord01", "fresh-pass-1")
    assert rekeyed.recovery_key == ""  # the recovery key itself stays the same
    db, who = _signed_in(path, "coord01", "fresh-pass-1")
    db.close()
    assert who.login == "coord01"
    old = stolen.unlock_account("coord01", PASSWORDS["coord01"])
    assert not _reads_marker(path, old[0])
    encryption.open_with_recovery_key(path, recovery).close()


# --- finding 3: the city office's password against the key file -------------------

def _attack_key_file(key_file: Path, login: str, password: str) -> list[bytes]:
    """The "few lines of Python" of the issue, with everything the key file
    and the app's own code offer: every slot tried with the password as a
    version 1 copy and as a version 2 private key, every sealed box in the
    file tried with every private key found. The candidate keys."""
    data = json.loads(key_file.read_text(encoding="utf-8"))
    found, privates = [], []
    for slot in data["slots"]:
        for secret in (password.encode("utf-8"),):
            try:
                found.append(keyfile._unwrap_v1(slot, secret))
            except Exception:
                pass
            try:
                privates.append(keyfile.open_slot(slot, secret))
            except Exception:
                pass
    ids = [data["key_id"], data.get("previous_key_id")]
    for private in privates:
        for slot in data["slots"]:
            for kid in filter(None, ids):
                try:
                    key = keyfile.unseal(slot, private, kid)
                except Exception:
                    continue
                if key:
                    found.append(key)
    return found


def test_the_city_office_password_unwraps_no_key(tmp_path):
    path, _ = _encrypted_branch_file(tmp_path)
    keys = _attack_key_file(keyfile.keys_path(path), "city", PASSWORDS["city"])
    assert keys == []
    # The control: the same lines with a coordinator's password do find the key.
    control = _attack_key_file(keyfile.keys_path(path), "coord01", PASSWORDS["coord01"])
    assert control and _reads_marker(path, control[0])
    # And the app says why, in Japanese, instead of opening.
    with pytest.raises(encryption.UnlockError, match="市社協職員.*集計ファイル"):
        encryption.open_encrypted(path, "city", PASSWORDS["city"])


def test_a_role_change_to_figures_only_seals_nothing_to_that_slot(tmp_path):
    path, _ = _encrypted_branch_file(tmp_path)
    db, boss = _signed_in(path, "admin", PASSWORDS["admin"])
    with db.session() as s:
        city_id = s.scalar(select(Account.id).where(Account.login == "city"))
        coord_id = s.scalar(select(Account.id).where(Account.login == "coord01"))
    # Promoted to coordinator: the key is sealed to its slot, no re-key needed.
    assert admin.update_account(db, boss, city_id, "市", "coordinator", "01") is None
    db.close()
    encryption.open_encrypted(path, "city", PASSWORDS["city"]).close()
    db, boss = _signed_in(path, "admin", PASSWORDS["admin"])
    assert admin.update_account(db, boss, coord_id, "一", "city_staff", None) is not None
    db.close()
    assert _attack_key_file(keyfile.keys_path(path), "coord01", PASSWORDS["coord01"]) == []


# --- finding 4: wrong passwords against an encrypted file ------------------------

def _failed_rows(path: Path, recovery: str, login: str) -> tuple[list[AuditLog], Account]:
    """What the database says of login, opened afresh (with the recovery
    key, as an administrator who lost every password would)."""
    db = encryption.open_with_recovery_key(path, recovery)
    try:
        with db.session() as s:
            account = s.scalar(select(Account).where(Account.login == login))
            rows = list(s.scalars(select(AuditLog).where(AuditLog.action == "sign_in_failed",
                                                         AuditLog.entity_id == account.id)))
        return rows, account
    finally:
        db.close()


CHILD = """
import sys
from coordinator_app.storage import encryption
try:
    encryption.open_encrypted(sys.argv[1], sys.argv[2], sys.argv[3]).close()
    print("OPENED")
except encryption.UnlockError as exc:
    print(exc)
"""


def _in_a_new_process(path: Path, login: str, password: str) -> str:
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               COORDINATOR_APP_TODAY=clock.now().strftime("%Y-%m-%dT%H:%M:%S"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), login, password],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_six_wrong_passwords_then_the_right_one_stay_locked_after_a_restart(tmp_path):
    path, recovery = _encrypted_branch_file(tmp_path)
    messages = []
    for attempt in range(6):
        with pytest.raises(encryption.UnlockError) as err:
            encryption.open_encrypted(path, "coord01", f"wrong-{attempt}-pw")
        messages.append(str(err.value))
    assert messages[4] == access.JUST_LOCKED and "ロックされています" in messages[5]
    with pytest.raises(encryption.UnlockError, match="ロックされています"):
        encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"])
    # A new process (the app restarted) reads the same count.
    assert "ロックされています" in _in_a_new_process(path, "coord01", PASSWORDS["coord01"])
    rows, account = _failed_rows(path, recovery, "coord01")
    assert len(rows) == 8  # five wrong, then three refused while locked
    assert [r.detail for r in rows] == [""] * 4 + ["locked"] * 4
    assert account.locked_until > clock.utcnow() and account.failed_count == 0
    # Fifteen minutes later the right password opens it again.
    clock.set_now(clock.now() + access.LOCKOUT + dt.timedelta(minutes=1))
    db, who = _signed_in(path, "coord01", PASSWORDS["coord01"])
    db.close()
    assert who.login == "coord01"


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wrong=st.lists(st.text(min_size=1, max_size=20), min_size=1,
                      max_size=access.MAX_FAILURES - 1))
def test_fewer_wrong_passwords_are_counted_in_the_database_after_a_restart(tmp_path_factory,
                                                                          wrong):
    path, recovery = _encrypted_branch_file(tmp_path_factory.mktemp("count"))
    for password in wrong:
        if password == PASSWORDS["coord02"]:
            continue
        with pytest.raises(encryption.UnlockError, match="パスワードが違います"):
            encryption.open_encrypted(path, "coord02", password)
    expected = len([p for p in wrong if p != PASSWORDS["coord02"]])
    rows, account = _failed_rows(path, recovery, "coord02")  # new objects: nothing kept in memory
    assert len(rows) == expected and account.failed_count == expected
    assert account.locked_until is None


def test_unknown_logins_are_counted_and_answered_like_known_ones(tmp_path):
    path, _ = _encrypted_branch_file(tmp_path)
    for login in ("coord01", "nobody-here"):
        said = []
        for attempt in range(access.MAX_FAILURES + 1):
            with pytest.raises(encryption.UnlockError) as err:
                encryption.open_encrypted(path, login, f"wrong-{attempt}-pw")
            said.append(str(err.value))
        assert said[:4] == [encryption.WRONG_PASSWORD] * 4
        assert said[4] == access.JUST_LOCKED and "ロックされています" in said[5]


def test_a_deleted_sign_in_log_is_noticed_and_locks_the_next_sign_in(tmp_path):
    path, recovery = _encrypted_branch_file(tmp_path)
    encryption.open_encrypted(path, "admin", PASSWORDS["admin"]).close()  # the log is seen
    for attempt in range(3):
        with pytest.raises(encryption.UnlockError):
            encryption.open_encrypted(path, "coord01", f"wrong-{attempt}-pw")
    sign_in_log.log_path(path).unlink()  # the attacker resets the count
    with pytest.raises(encryption.UnlockError, match="書き換えられていた"):
        encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"])
    with pytest.raises(encryption.UnlockError, match="ロックされています"):
        encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"])
    db = encryption.open_with_recovery_key(path, recovery)
    with db.session() as s:
        tampered = s.scalars(select(AuditLog).where(
            AuditLog.action == "sign_in_log_tampered")).all()
        account = s.scalar(select(Account).where(Account.login == "coord01"))
    db.close()
    assert len(tampered) == 1 and tampered[0].entity_id == account.id
    assert account.locked_until > clock.utcnow()


def test_a_rewritten_sign_in_log_is_noticed_too(tmp_path):
    path, _ = _encrypted_branch_file(tmp_path)
    for attempt in range(2):
        with pytest.raises(encryption.UnlockError):
            encryption.open_encrypted(path, "coord01", f"wrong-{attempt}-pw")
    encryption.open_encrypted(path, "admin", PASSWORDS["admin"]).close()  # seen: 2 failures
    log = sign_in_log.log_path(path)
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(line for line in lines if b'"failed"' not in line))
    with pytest.raises(encryption.UnlockError, match="書き換えられていた"):
        encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"])


# --- finding 5: plain copies and plain restores ----------------------------------

def test_a_plain_backup_is_not_restored_over_an_encrypted_database(tmp_path):
    path, _ = _encrypted_branch_file(tmp_path)
    plain = tmp_path / "backups" / "branch-20261120-100000-000000-manual.db"
    plain.parent.mkdir(exist_ok=True)
    db = Database.open(str(tmp_path / "other.db"), create=True)  # any plain database of the app
    backup_sqlite(db.engine, plain)
    db.close()
    before = path.read_bytes()
    key = keyfile.KeyFile.load(keyfile.keys_path(path)).unlock_account("admin", PASSWORDS["admin"])[0]
    for given_key in (key, None):  # signed in (File menu), or at start with the file locked
        with pytest.raises(StoreError, match="暗号化されていないバックアップは復元できません"):
            backups.restore_backup(path, plain, key=given_key)
    assert path.read_bytes() == before and keyfile.is_encrypted_file(path)
    assert backups.newest_good_backup(path, key=key) is None  # never offered at start
    # Also when the encrypted file itself is gone: its key file says what it was.
    path.unlink()
    with pytest.raises(StoreError, match="暗号化されていないバックアップは復元できません"):
        backups.restore_backup(path, plain)
    assert not path.exists()


def test_a_backup_under_an_older_key_is_refused_with_the_reason(tmp_path):
    path, _ = _encrypted_branch_file(tmp_path)
    db, boss = _signed_in(path, "admin", PASSWORDS["admin"])
    older = backups.make_backup(db, "manual")
    with db.session() as s:
        coord_id = s.scalar(select(Account.id).where(Account.login == "coord02"))
    admin.set_account_active(db, boss, coord_id, False)
    key = db.key
    db.close()
    with pytest.raises(StoreError, match="鍵を作り直す前"):
        backups.restore_backup(path, older.path, key=key)
    # The re-key made a backup under the new key: that one is offered.
    assert backups.newest_good_backup(path, key=key).reason == "rekey"


def _plain_folder_with_copies(folder: Path) -> Path:
    """A plain database holding the marker, with what the app leaves around
    it: backups, a file kept aside by a restore, an unfinished copy."""
    from coordinator_app.core.access import SignedIn
    from coordinator_app.services.admin import save_branch

    path = folder / "branch.db"
    db = Database.open(str(path), create=True)
    boss = SignedIn(0, "x", "x", "admin", None, None, None)
    save_branch(db, boss, None, "02", "二番")
    accounts.create_account(db, "admin", "管理者", "admin", PASSWORDS["admin"])
    with db.session() as s:
        person = Person(branch_id=1, name=MARK_NAME, kana="かぎけんしょう", phone=MARK_PHONE)
        db.stamp(person, created=True)
        s.add(person)
    first = backups.make_backup(db, "manual")
    backups.make_backup(db, "before-import", audited=False)
    db.close()
    backups.restore_backup(path, first.path)  # keeps branch.replaced-*.db aside
    shutil.copy(first.path, first.path.with_name(first.path.name + ".partial"))
    return path


def _marker_hits(folder: Path) -> list[str]:
    needles = [MARK_NAME.encode("utf-8"), MARK_PHONE.encode("utf-8")]
    return sorted(str(f.relative_to(folder)) for f in folder.rglob("*")
                  if f.is_file() and any(n in f.read_bytes() for n in needles))


@pytest.mark.parametrize("action", ["encrypt", "remove"])
def test_after_encrypt_no_plain_copy_of_the_marker_remains(tmp_path, capsys, monkeypatch, action):
    from coordinator_app.cli import ENV_PASSWORD, main

    path = _plain_folder_with_copies(tmp_path)
    hits = _marker_hits(tmp_path)
    assert "branch.db" in hits and len([h for h in hits if h.startswith("backups")]) >= 3
    assert any(".replaced-" in h for h in hits)
    monkeypatch.setenv(ENV_PASSWORD, PASSWORDS["admin"])
    argv = ["--db", str(path), "--user", "admin", "encrypt"]
    code = main(argv + (["--remove-plain-copies"] if action == "remove" else []))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert _marker_hits(tmp_path) == []
    plain_files = [f for f in tmp_path.rglob("*") if f.is_file()
                   and f.read_bytes().startswith(keyfile.SQLITE_HEADER)]
    assert plain_files == []
    kept = [b.path for b in backups.list_backups(path)]
    if action == "encrypt":  # the old backups are kept, encrypted, and open with the key file
        assert len(kept) >= 3 and all(keyfile.is_encrypted_file(b) for b in kept)
        key = keyfile.KeyFile.load(keyfile.keys_path(path)).unlock_account(
            "admin", PASSWORDS["admin"])[0]
        assert all(_reads_marker(b, key) for b in kept)
        assert "暗号化しました" in out
    else:
        assert [b.name for b in kept if "-encrypt" not in b.name] == []
        assert "上書きしてから削除しました" in out


def test_shred_overwrites_before_it_removes(tmp_path):
    """What is unlinked was zeros by then (the bytes a file-system level
    reader of the same blocks would find)."""
    victim = tmp_path / "plain.db"
    victim.write_bytes(MARK_PHONE.encode() * 1000)
    keep = tmp_path / "link.db"
    os.link(victim, keep)  # a second name shows what the unlinked one held
    encryption.shred(victim)
    assert not victim.exists() and keep.read_bytes() == b"\0" * len(MARK_PHONE.encode() * 1000)


# --- unknown logins: the same work, the same answer --------------------------------

class CountingHasher:
    def __init__(self, real):
        self.real, self.calls = real, []

    def __getattr__(self, name):
        return getattr(self.real, name)

    def verify(self, hashed, password):
        self.calls.append(hashed)
        return self.real.verify(hashed, password)


def test_unknown_and_known_logins_both_run_the_password_hash(sqlite_db, monkeypatch):
    from argon2 import PasswordHasher

    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                            parallelism=1))
    accounts.create_account(sqlite_db, "known", "既知", "admin", "known-password")
    accounts.create_account(sqlite_db, "gone", "退職", "city_staff", "gone-password")
    with sqlite_db.session() as s:
        s.scalar(select(Account).where(Account.login == "gone")).active = False
    counting = CountingHasher(accounts._hasher)
    monkeypatch.setattr(accounts, "_hasher", counting)
    said = {}
    for login in ("known", "nobody", "gone"):
        counting.calls.clear()
        with pytest.raises(access.AuthError) as err:
            accounts.authenticate(sqlite_db, login, "wrong-password")
        said[login] = str(err.value)
        assert len(counting.calls) == 1, login  # one argon2id verification each
    assert said["known"] == said["nobody"] == said["gone"] == access.WRONG_LOGIN


def test_unknown_and_known_logins_both_run_the_key_derivation(tmp_path, monkeypatch):
    path, _ = _encrypted_branch_file(tmp_path)
    calls = []
    real = keyfile._argon2
    monkeypatch.setattr(keyfile, "_argon2", lambda *a, **k: calls.append(a[2:5]) or real(*a, **k))
    said = {}
    for login in ("coord01", "nobody"):
        calls.clear()
        with pytest.raises(encryption.UnlockError) as err:
            encryption.open_encrypted(path, login, "wrong-password")
        said[login] = str(err.value)
        assert len(calls) == 1, login
    assert said["coord01"] == said["nobody"] == encryption.WRONG_PASSWORD


# --- re-keying, as it meets the rest of the app -------------------------------------

def test_a_re_key_with_the_file_open_elsewhere_breaks_nothing(tmp_path):
    """Another connection (a second program) that still has the old key
    gets an error on its next read — it cannot write pages under the old
    key — and opens again with a password."""
    path, _ = _encrypted_branch_file(tmp_path)
    other, _ = _signed_in(path, "coord02", PASSWORDS["coord02"])
    with other.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1
    db, boss = _signed_in(path, "admin", PASSWORDS["admin"])
    with db.session() as s:
        coord_id = s.scalar(select(Account.id).where(Account.login == "coord01"))
    admin.set_account_active(db, boss, coord_id, False)
    from sqlalchemy.exc import DatabaseError

    with pytest.raises(DatabaseError):
        with other.session() as s:
            s.add(Person(branch_id=2, name="書けないはず", kana="かけない"))
    other.close()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    db.close()
    again, _ = _signed_in(path, "coord02", PASSWORDS["coord02"])
    again.close()


@pytest.mark.parametrize("crash", ["before_commit", "after_commit"])
def test_a_crash_in_the_middle_of_a_re_key_leaves_a_file_that_opens(tmp_path, monkeypatch,
                                                                      crash):
    path, recovery = _encrypted_branch_file(tmp_path)
    stolen = tmp_path / "stolen.keys.json"
    shutil.copy(keyfile.keys_path(path), stolen)
    db, _ = _signed_in(path, "admin", PASSWORDS["admin"])
    real_save, real_pragma = keyfile.KeyFile.save, keyfile.sqlcipher_key_pragma
    saves = []

    def save(self, target):
        saves.append(self.previous_key_id)
        if crash == "after_commit" and len(saves) == 2:  # the final file
            raise OSError("power cut")
        real_save(self, target)

    def pragma(key, name="key"):
        if crash == "before_commit" and name == "rekey":
            raise OSError("power cut")
        return real_pragma(key, name)

    monkeypatch.setattr(keyfile.KeyFile, "save", save)
    monkeypatch.setattr(keyfile, "sqlcipher_key_pragma", pragma)
    with pytest.raises(OSError):
        encryption.rekey(db, "test")
    monkeypatch.setattr(keyfile.KeyFile, "save", real_save)
    monkeypatch.setattr(keyfile, "sqlcipher_key_pragma", real_pragma)
    db.engine.dispose()
    assert keyfile.KeyFile.load(keyfile.keys_path(path)).previous_key_id is not None
    # Whatever the key now is, the key holders open the file and the re-key is finished.
    for login in ("coord01", "admin"):
        encryption.open_encrypted(path, login, PASSWORDS[login]).close()
    keys = keyfile.KeyFile.load(keyfile.keys_path(path))
    assert keys.previous_key_id is None
    assert all(len(s.get("sealed", {})) <= 1 for s in keys.slots)
    for key in keyfile.KeyFile.load(stolen).unlock_account("coord01", PASSWORDS["coord01"]):
        assert not _reads_marker(path, key)
    encryption.open_with_recovery_key(path, recovery).close()


def test_a_version_1_file_opens_and_an_administrator_upgrades_it(tmp_path):
    """A database made by the previous version: its key file gave every
    account, the city office's included, the key itself."""
    from tests.test_encryption_keys import v1_key_file

    path, _ = _encrypted_branch_file(tmp_path)
    db, _ = _signed_in(path, OWNER, OWNER_PW)
    key = db.key
    with db.session() as s:
        from coordinator_app.core.models import Setting

        s.delete(s.get(Setting, encryption.RECIPIENTS))
    db.close()
    text, old_recovery = v1_key_file(key, {login: PASSWORDS[login] for login in PASSWORDS}
                                     | {OWNER: OWNER_PW})
    keyfile.keys_path(path).write_text(text, encoding="utf-8")
    stolen = tmp_path / "stolen.keys.json"
    shutil.copy(keyfile.keys_path(path), stolen)

    encryption.open_encrypted(path, "city", PASSWORDS["city"]).close()  # the old weakness
    encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"]).close()  # migrates its slot
    db, boss = _signed_in(path, "admin", PASSWORDS["admin"])
    assert encryption.needs_upgrade(db)
    rekeyed = encryption.rekey(db, "upgrade", recovery="upgrade")  # what the shell does for an admin
    db.close()
    assert rekeyed.recovery_key and sorted(rekeyed.dropped) == ["coord02", OWNER]
    with pytest.raises(encryption.UnlockError, match="市社協職員"):
        encryption.open_encrypted(path, "city", PASSWORDS["city"])
    encryption.open_encrypted(path, "coord01", PASSWORDS["coord01"]).close()
    with pytest.raises(encryption.UnlockError):  # needs a new password from the administrator
        encryption.open_encrypted(path, "coord02", PASSWORDS["coord02"])
    assert not _reads_marker(path, keyfile.KeyFile.from_json(text).unlock_account(
        "city", PASSWORDS["city"])[0])
    encryption.open_with_recovery_key(path, rekeyed.recovery_key).close()
    with pytest.raises(encryption.UnlockError):
        encryption.open_with_recovery_key(path, old_recovery)
