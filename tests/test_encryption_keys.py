"""The key file (keyfile.py): slots with their own key pairs, the database
key sealed to public keys only, the recovery key, version 1 files still
read, and that a slot without a sealed key opens nothing."""

from __future__ import annotations

import base64
import copy
import json
import os
import secrets
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator_app.storage import keyfile
from coordinator_app.storage.keyfile import (
    KeyFile,
    KeyFileError,
    NoDatabaseKey,
    WrongSecret,
)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    """Cheap argon2id parameters: these tests are about the logic, not the cost."""
    monkeypatch.setattr(keyfile, "KDF_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(keyfile, "KDF_TIME_COST", 1)


def _sealed_file(key: bytes, *holders: tuple[str, str], figures_only=()) -> KeyFile:
    keys = KeyFile.new(key)
    for login, password in holders:
        keys.set_account(key, login, password)
    for login, password in figures_only:
        keys.put(keyfile.new_account_slot(login, password))
    return keys


def test_each_password_unwraps_its_own_slot_and_nothing_else():
    key = keyfile.new_database_key()
    keys = _sealed_file(key, ("sato", "sato-password"), ("suzuki", "suzuki-password"))
    assert keys.unlock_account("sato", "sato-password") == [key]
    assert keys.unlock_account("suzuki", "suzuki-password") == [key]
    for login, password in [("sato", "suzuki-password"), ("suzuki", "wrong-password"),
                            ("nobody", "sato-password")]:
        with pytest.raises(WrongSecret, match="ログイン名またはパスワードが違います"):
            keys.unlock_account(login, password)


def test_a_slot_without_a_sealed_key_proves_the_password_but_opens_nothing():
    key = keyfile.new_database_key()
    keys = _sealed_file(key, ("boss", "boss-password"), figures_only=[("city", "city-password")])
    with pytest.raises(NoDatabaseKey):
        keys.unlock_account("city", "city-password")
    with pytest.raises(WrongSecret):
        keys.unlock_account("city", "wrong-password")
    assert key not in json.dumps(keys.slots).encode()


def test_sealing_needs_only_the_public_key():
    """A re-key seals the new key to a slot without its password."""
    key, new_key = keyfile.new_database_key(), keyfile.new_database_key()
    keys = _sealed_file(key, ("sato", "sato-password"))
    slot = keys.account_slot("sato")
    keyfile.seal(slot, new_key)  # no password in sight
    keys.key_id, keys.previous_key_id = keyfile.key_id(new_key), keyfile.key_id(key)
    assert keys.unlock_account("sato", "sato-password") == [new_key, key]


def test_a_slot_cannot_be_moved_to_another_login_or_public_key():
    key = keyfile.new_database_key()
    keys = _sealed_file(key, ("sato", "same-password"))
    stolen = copy.deepcopy(keys.account_slot("sato"))
    stolen["login"] = "mallory"
    keys.slots.append(stolen)
    with pytest.raises(WrongSecret):
        keys.unlock_account("mallory", "same-password")
    # Another public key with sato's wrapped private key: the wrap names the public key.
    other = keyfile.new_account_slot("eve", "eve-password")
    swapped = copy.deepcopy(keys.account_slot("sato"))
    swapped["public"] = other["public"]
    keys.put(swapped)
    with pytest.raises(WrongSecret):
        keys.unlock_account("sato", "same-password")


def test_a_new_password_means_a_new_key_pair():
    key = keyfile.new_database_key()
    keys = _sealed_file(key, ("sato", "sato-password"), ("suzuki", "suzuki-password"))
    before = keys.account_slot("sato")["public"]
    others = copy.deepcopy([s for s in keys.slots if s.get("login") != "sato"])
    keys.set_account(key, "sato", "new-password")
    assert keys.account_slot("sato")["public"] != before
    assert [s for s in keys.slots if s.get("login") != "sato"] == others
    with pytest.raises(WrongSecret):
        keys.unlock_account("sato", "sato-password")
    assert keys.unlock_account("sato", "new-password") == [key]
    assert keys.remove_account("sato")
    with pytest.raises(WrongSecret):
        keys.unlock_account("sato", "new-password")


def test_recovery_key_is_printable_and_forgiving_to_type():
    key = keyfile.new_database_key()
    keys = KeyFile.new(key)
    slot, recovery = keyfile.new_recovery_slot()
    keyfile.seal(slot, key)
    keys.put(slot)
    groups = recovery.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert set(recovery) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-")
    assert keys.unlock_recovery(recovery) == [key]
    assert keys.unlock_recovery(recovery.lower().replace("-", " ")) == [key]
    assert keys.unlock_recovery(recovery.replace("O", "0").replace("I", "1")) == [key]
    assert "private" not in json.dumps(slot) and "wrapped" not in slot  # derived, never stored


def test_recovery_key_typos_and_wrong_keys_say_so():
    key = keyfile.new_database_key()
    keys = KeyFile.new(key)
    slot, recovery = keyfile.new_recovery_slot()
    keyfile.seal(slot, key)
    keys.put(slot)
    typo = ("B" if recovery[0] != "B" else "C") + recovery[1:]
    with pytest.raises(WrongSecret, match="打ち間違い"):
        keys.unlock_recovery(typo)
    with pytest.raises(WrongSecret, match="32文字"):
        keys.unlock_recovery(recovery[:-2])
    _, other = keyfile.new_recovery_slot()
    with pytest.raises(WrongSecret, match="回復キーが違います"):
        keys.unlock_recovery(other)


def test_key_file_round_trip_is_atomic_private_and_holds_no_key(tmp_path):
    key = keyfile.new_database_key()
    keys = _sealed_file(key, ("sato", "sato-password"))
    path = keyfile.keys_path(tmp_path / "branch.db")
    assert path.name == "branch.db.keys.json"
    keys.save(path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary left
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert key.hex().encode() not in raw and key not in raw
    assert base64.b64encode(key) not in raw
    assert KeyFile.load(path).unlock_account("sato", "sato-password") == [key]
    assert json.loads(raw)["format"] == keyfile.FILE_FORMAT
    assert json.loads(raw)["version"] == 2


def test_a_key_file_of_another_database_is_recognised():
    key, other = keyfile.new_database_key(), keyfile.new_database_key()
    keys = _sealed_file(other, ("sato", "sato-password"))
    keys.key_id = keyfile.key_id(key)  # the file claims to belong to key's database
    with pytest.raises(KeyFileError, match="このデータベースのものではありません"):
        keys.unlock_account("sato", "sato-password")


def test_missing_or_broken_key_file_says_what_to_do(tmp_path):
    with pytest.raises(KeyFileError, match="見つかりません"):
        KeyFile.load(tmp_path / "none.keys.json")
    bad = tmp_path / "bad.keys.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(KeyFileError, match="形式が正しくありません"):
        KeyFile.load(bad)


def test_slot_from_a_password_hash_opens_with_that_password_and_wants_a_rewrap():
    from coordinator_app.services.accounts import hash_password

    key = keyfile.new_database_key()
    keys = KeyFile.new(key)
    slot = keyfile.account_slot_from_hash("sato", hash_password("sato-password"))
    keyfile.seal(slot, key)
    keys.put(slot)
    assert keyfile.needs_rewrap(slot) and not keyfile.is_strong(slot)
    assert keys.unlock_account("sato", "sato-password") == [key]
    with pytest.raises(WrongSecret):
        keys.unlock_account("sato", "other-password")
    assert keyfile.account_slot_from_hash("old", "$2b$12$notargon") is None
    keys.set_account(key, "sato", "sato-password")
    assert not keyfile.needs_rewrap(keys.account_slot("sato"))


def v1_slot(key: bytes, secret: bytes, kind: str, login: str = "") -> dict:
    """A slot as version 1 of the app wrote it: the database key itself,
    AES-GCM under argon2id(secret), kind and login as associated data."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kdf = {"name": "argon2id", "salt": base64.b64encode(salt).decode(), "time_cost": 1,
           "memory_kib": 8 * 1024, "parallelism": 4}
    kek = keyfile._argon2(secret, salt, 1, 8 * 1024, 4)
    wrapped = AESGCM(kek).encrypt(nonce, key, f"coordinator-app/keys/v1|{kind}|{login}".encode())
    slot = {"kind": kind, "kdf": kdf, "cipher": "aes-256-gcm",
            "nonce": base64.b64encode(nonce).decode(), "wrapped": base64.b64encode(wrapped).decode()}
    if login:
        slot["login"] = login
    return slot


def v1_key_file(key: bytes, accounts: dict[str, str]) -> tuple[str, str]:
    """The text of a version 1 key file and its recovery key."""
    secret = secrets.token_bytes(keyfile.RECOVERY_SECRET_BYTES)
    slots = [v1_slot(key, secret, "recovery")]
    slots += [v1_slot(key, pw.encode(), "password", login) for login, pw in accounts.items()]
    text = json.dumps({"format": keyfile.FILE_FORMAT, "version": 1, "key_id": keyfile.key_id(key),
                       "slots": slots})
    return text, keyfile.format_recovery_key(secret)


def test_a_version_1_key_file_still_opens():
    key = keyfile.new_database_key()
    text, recovery = v1_key_file(key, {"sato": "sato-password"})
    keys = KeyFile.from_json(text)
    assert keys.unlock_account("sato", "sato-password") == [key]
    assert keys.unlock_recovery(recovery) == [key]
    assert all(keyfile.needs_rewrap(s) for s in keys.slots)
    with pytest.raises(WrongSecret):
        keys.unlock_account("sato", "wrong-password")


@settings(max_examples=10, deadline=None)
@given(password=st.text(min_size=8, max_size=40), other=st.text(min_size=8, max_size=40))
def test_any_password_opens_its_slot_and_only_it(password, other):
    key = keyfile.new_database_key()
    keys = _sealed_file(key, ("sato", password))
    assert keys.unlock_account("sato", password) == [key]
    if other != password:
        with pytest.raises(WrongSecret):
            keys.unlock_account("sato", other)


def test_is_encrypted_file_reads_the_header(tmp_path):
    import sqlite3

    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    assert not keyfile.is_encrypted_file(plain)
    assert not keyfile.is_encrypted_file(tmp_path / "missing.db")
    (tmp_path / "empty.db").write_bytes(b"")
    assert not keyfile.is_encrypted_file(tmp_path / "empty.db")
    (tmp_path / "enc.db").write_bytes(os.urandom(4096))
    assert keyfile.is_encrypted_file(tmp_path / "enc.db")


def test_default_kdf_parameters_are_the_documented_ones(monkeypatch):
    monkeypatch.undo()  # the real parameters
    assert keyfile.KDF_TIME_COST >= 3 and keyfile.KDF_MEMORY_KIB >= 64 * 1024
    slot = keyfile.new_account_slot("sato", "password-1")
    assert slot["kdf"]["name"] == "argon2id"
    assert slot["kdf"]["memory_kib"] == keyfile.KDF_MEMORY_KIB
    keyfile.open_slot(slot, b"password-1")
