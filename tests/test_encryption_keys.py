"""The key file (crypto.py): wrapping, unwrapping, the recovery key, and
that each account's copy changes alone."""

from __future__ import annotations

import copy
import json
import os
import stat

import pytest

from coordinator_app import crypto
from coordinator_app.crypto import KeyFile, KeyFileError, WrongSecret


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    """Cheap argon2id parameters: these tests are about the logic, not the cost."""
    monkeypatch.setattr(crypto, "KDF_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(crypto, "KDF_TIME_COST", 1)


def test_each_password_unwraps_its_own_copy_and_nothing_else():
    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    keys.set_account(key, "sato", "sato-password")
    keys.set_account(key, "suzuki", "suzuki-password")
    assert keys.unlock_account("sato", "sato-password") == key
    assert keys.unlock_account("suzuki", "suzuki-password") == key
    for login, password in [("sato", "suzuki-password"), ("suzuki", "wrong-password"),
                            ("nobody", "sato-password")]:
        with pytest.raises(WrongSecret, match="ログイン名またはパスワードが違います"):
            keys.unlock_account(login, password)


def test_a_copy_cannot_be_moved_to_another_login():
    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    keys.set_account(key, "sato", "same-password")
    stolen = copy.deepcopy(keys.account_slot("sato"))
    stolen["login"] = "mallory"
    keys.slots.append(stolen)
    with pytest.raises(WrongSecret):
        keys.unlock_account("mallory", "same-password")


def test_adding_changing_and_removing_touch_only_that_copy():
    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    keys.set_recovery(key)
    keys.set_account(key, "sato", "sato-password")
    keys.set_account(key, "suzuki", "suzuki-password")
    others = copy.deepcopy([s for s in keys.slots if s.get("login") != "sato"])

    keys.set_account(key, "sato", "new-password")
    assert [s for s in keys.slots if s.get("login") != "sato"] == others
    with pytest.raises(WrongSecret):
        keys.unlock_account("sato", "sato-password")
    assert keys.unlock_account("sato", "new-password") == key

    keys.set_account(key, "tanaka", "tanaka-password")
    assert [s for s in keys.slots if s.get("login") not in ("sato", "tanaka")] == others

    assert keys.remove_account("sato")
    with pytest.raises(WrongSecret):
        keys.unlock_account("sato", "new-password")
    assert keys.unlock_account("suzuki", "suzuki-password") == key


def test_recovery_key_is_printable_and_forgiving_to_type():
    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    recovery = keys.set_recovery(key)
    groups = recovery.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert set(recovery) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-")
    assert keys.unlock_recovery(recovery) == key
    assert keys.unlock_recovery(recovery.lower().replace("-", " ")) == key
    assert keys.unlock_recovery(recovery.replace("O", "0").replace("I", "1")) == key


def test_recovery_key_typos_and_wrong_keys_say_so():
    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    recovery = keys.set_recovery(key)
    typo = ("B" if recovery[0] != "B" else "C") + recovery[1:]
    with pytest.raises(WrongSecret, match="打ち間違い"):
        keys.unlock_recovery(typo)
    with pytest.raises(WrongSecret, match="32文字"):
        keys.unlock_recovery(recovery[:-2])
    other = KeyFile.new(key).set_recovery(key)
    with pytest.raises(WrongSecret, match="回復キーが違います"):
        keys.unlock_recovery(other)
    # A new recovery key replaces the old one.
    newer = keys.set_recovery(key)
    with pytest.raises(WrongSecret):
        keys.unlock_recovery(recovery)
    assert keys.unlock_recovery(newer) == key


def test_key_file_round_trip_is_atomic_private_and_holds_no_key(tmp_path):
    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    keys.set_account(key, "sato", "sato-password")
    path = crypto.keys_path(tmp_path / "branch.db")
    assert path.name == "branch.db.keys.json"
    keys.save(path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary left
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert key.hex().encode() not in raw and key not in raw
    assert KeyFile.load(path).unlock_account("sato", "sato-password") == key
    assert json.loads(raw)["format"] == crypto.FILE_FORMAT


def test_a_key_file_of_another_database_is_recognised(tmp_path):
    key, other = crypto.new_database_key(), crypto.new_database_key()
    keys = KeyFile.new(other)
    keys.set_account(other, "sato", "sato-password")
    keys.key_id = crypto.key_id(key)  # the file claims to belong to key's database
    with pytest.raises(KeyFileError, match="このデータベースのものではありません"):
        keys.unlock_account("sato", "sato-password")


def test_missing_or_broken_key_file_says_what_to_do(tmp_path):
    with pytest.raises(KeyFileError, match="見つかりません"):
        KeyFile.load(tmp_path / "none.keys.json")
    bad = tmp_path / "bad.keys.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(KeyFileError, match="形式が正しくありません"):
        KeyFile.load(bad)


def test_copy_from_a_password_hash_opens_with_that_password_and_wants_a_rewrap():
    from coordinator_app.accounts import hash_password

    key = crypto.new_database_key()
    keys = KeyFile.new(key)
    assert keys.set_account_from_hash(key, "sato", hash_password("sato-password"))
    slot = keys.account_slot("sato")
    assert crypto.needs_rewrap(slot)
    assert keys.unlock_account("sato", "sato-password") == key
    with pytest.raises(WrongSecret):
        keys.unlock_account("sato", "other-password")
    assert not keys.set_account_from_hash(key, "old", "$2b$12$notargon")
    keys.set_account(key, "sato", "sato-password")
    assert not crypto.needs_rewrap(keys.account_slot("sato"))


def test_is_encrypted_file_reads_the_header(tmp_path):
    import sqlite3

    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    assert not crypto.is_encrypted_file(plain)
    assert not crypto.is_encrypted_file(tmp_path / "missing.db")
    (tmp_path / "empty.db").write_bytes(b"")
    assert not crypto.is_encrypted_file(tmp_path / "empty.db")
    (tmp_path / "enc.db").write_bytes(os.urandom(4096))
    assert crypto.is_encrypted_file(tmp_path / "enc.db")


def test_default_kdf_parameters_are_the_documented_ones(monkeypatch):
    monkeypatch.undo()  # the real parameters
    assert crypto.KDF_TIME_COST >= 3 and crypto.KDF_MEMORY_KIB >= 64 * 1024
    key = crypto.new_database_key()
    slot = crypto.wrap(key, b"password-1", crypto.KIND_PASSWORD, "sato")
    assert slot["kdf"]["name"] == "argon2id"
    assert slot["kdf"]["memory_kib"] == crypto.KDF_MEMORY_KIB
    assert crypto.unwrap(slot, b"password-1") == key
