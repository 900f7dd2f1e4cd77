"""Keys for encryption at rest (暗号化). Qt-free and database-free.

One random 256-bit key encrypts the SQLCipher database. That key is never
stored as such: the key file beside the database (``<db>.keys.json``)
holds *wrapped* copies of it, one per account and one for the recovery
key (回復キー). A wrapped copy is the database key encrypted with
AES-256-GCM under a key-encryption key (KEK) derived from the account's
password with argon2id; the slot's kind and login are the associated
data, so a copy cannot be moved to another login. Adding, removing or
re-passwording an account touches only that account's copy.

Key derivation (argon2id): t=3 passes over 64 MiB with 4 lanes, RFC 9106's
second recommended option and argon2-cffi's default for password hashes.
On the 2-core reference machine one derivation takes about 0.17 s, so a
sign-in (unwrap, open, password check, first query) stays well under 1 s
(bench_encryption.py) while every guess at a stolen key file costs as much. Parameters are stored in each slot, so
they can be raised later: a slot with weaker ones is rewrapped at the
next sign-in (``needs_rewrap``).

The file is rewritten atomically (temporary file, fsync, rename), and with
owner-only permissions where the OS has them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw

# ``cryptography`` is imported where a key is wrapped or unwrapped: opening
# a plain database (the app's start) never needs it.

KEY_BYTES = 32
KDF_TIME_COST = 3
KDF_MEMORY_KIB = 64 * 1024
KDF_PARALLELISM = 4
SALT_BYTES = 16
NONCE_BYTES = 12

FILE_FORMAT = "coordinator-app/keys"
FILE_VERSION = 1
KEYS_SUFFIX = ".keys.json"
SQLITE_HEADER = b"SQLite format 3\x00"

RECOVERY_SECRET_BYTES = 18  # 144 bits, stretched with argon2id like a password
RECOVERY_CHECK_BYTES = 2    # catches a mistyped character before any KDF
RECOVERY_GROUP = 4

KIND_PASSWORD = "password"
KIND_RECOVERY = "recovery"
KDF_ARGON2ID = "argon2id"
# A copy made when a plain database is converted: the account's password is
# not known then, only its stored argon2id hash, whose raw output becomes the
# KEK (through HKDF). It opens with the same password and is replaced by an
# ordinary copy at that account's first sign-in.
KDF_ARGON2ID_PHC = "argon2id-phc"


class KeyFileError(RuntimeError):
    """The key file is missing, unreadable, or no copy opens; message in
    Japanese and never says whether a login exists."""


class WrongSecret(KeyFileError):
    """The password or recovery key does not open any copy of the key."""


# ---------------------------------------------------------------- files

def keys_path(db_path: Path | str) -> Path:
    """Where the key file of a database (or of a backup) lives."""
    p = Path(db_path)
    return p.with_name(p.name + KEYS_SUFFIX)


def is_encrypted_file(db_path: Path | str) -> bool:
    """True when the file exists, is not empty and does not start with
    plain SQLite's header (an SQLCipher file starts with random salt).
    Decided by the header only: a stray key file does not count."""
    p = Path(db_path)
    try:
        with p.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except (FileNotFoundError, IsADirectoryError):
        return False
    return bool(head) and head != SQLITE_HEADER


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_id(key: bytes) -> str:
    """A short public fingerprint of the database key, written in the key
    file so that a key file of another database is recognised."""
    return hashlib.sha256(b"coordinator-app key id\x00" + key).hexdigest()[:16]


def sqlcipher_key_pragma(key: bytes) -> str:
    """The statement that gives SQLCipher the raw key (no passphrase KDF).
    PRAGMA takes no bound parameters; the text is built from the key's hex
    digits only, which cannot inject anything."""
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


# ---------------------------------------------------------------- slots

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(kind: str, login: str) -> bytes:
    return f"{FILE_FORMAT}/v{FILE_VERSION}|{kind}|{login}".encode("utf-8")


def _argon2(secret: bytes, salt: bytes, time_cost: int, memory_kib: int, parallelism: int,
            hash_len: int = KEY_BYTES) -> bytes:
    return hash_secret_raw(secret=secret, salt=salt, time_cost=time_cost,
                           memory_cost=memory_kib, parallelism=parallelism,
                           hash_len=hash_len, type=Type.ID)


def _hkdf(raw: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"coordinator-app kek from argon2id hash").derive(raw)


def _kek(slot_kdf: dict, secret: bytes) -> bytes:
    name = slot_kdf.get("name")
    salt = _unb64(slot_kdf["salt"])
    raw = _argon2(secret, salt, int(slot_kdf["time_cost"]), int(slot_kdf["memory_kib"]),
                  int(slot_kdf["parallelism"]), int(slot_kdf.get("hash_len", KEY_BYTES)))
    if name == KDF_ARGON2ID:
        return raw
    if name == KDF_ARGON2ID_PHC:
        return _hkdf(raw)
    raise KeyFileError(f"鍵ファイルの形式が正しくありません（不明な鍵導出 {name}）")


def _seal(key: bytes, kek: bytes, kind: str, login: str, kdf: dict) -> dict:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapped = AESGCM(kek).encrypt(nonce, key, _aad(kind, login))
    slot = {"kind": kind, "kdf": kdf, "cipher": "aes-256-gcm",
            "nonce": _b64(nonce), "wrapped": _b64(wrapped)}
    if kind == KIND_PASSWORD:
        slot["login"] = login
    return slot


def wrap(key: bytes, secret: bytes, kind: str, login: str = "") -> dict:
    """A slot holding key, wrapped under a KEK derived from secret with the
    current argon2id parameters."""
    kdf = {"name": KDF_ARGON2ID, "salt": _b64(secrets.token_bytes(SALT_BYTES)),
           "time_cost": KDF_TIME_COST, "memory_kib": KDF_MEMORY_KIB,
           "parallelism": KDF_PARALLELISM}
    return _seal(key, _kek(kdf, secret), kind, login, kdf)


def wrap_with_password_hash(key: bytes, login: str, phc_hash: str) -> dict | None:
    """A slot for an account whose password is unknown, from its stored
    argon2id hash (``$argon2id$v=19$m=..,t=..,p=..$salt$hash``); None when
    the hash is not argon2id."""
    parts = phc_hash.split("$")
    if len(parts) != 6 or parts[1] != "argon2id" or parts[2] != "v=19":
        return None
    try:
        params = dict(item.split("=", 1) for item in parts[3].split(","))
        salt = base64.b64decode(parts[4] + "=" * (-len(parts[4]) % 4))
        raw = base64.b64decode(parts[5] + "=" * (-len(parts[5]) % 4))
        kdf = {"name": KDF_ARGON2ID_PHC, "salt": _b64(salt), "time_cost": int(params["t"]),
               "memory_kib": int(params["m"]), "parallelism": int(params["p"]),
               "hash_len": len(raw)}
    except (ValueError, KeyError):
        return None
    return _seal(key, _hkdf(raw), KIND_PASSWORD, login, kdf)


def unwrap(slot: dict, secret: bytes) -> bytes:
    """The database key from one slot; WrongSecret when secret is not the
    one it was wrapped with (or the slot was tampered with)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = _kek(slot["kdf"], secret)
    try:
        return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                   _aad(slot["kind"], slot.get("login", "")))
    except InvalidTag:
        raise WrongSecret("パスワードが違います") from None


def needs_rewrap(slot: dict) -> bool:
    """True for a copy made from a password hash, or with parameters weaker
    than the current ones."""
    kdf = slot["kdf"]
    if kdf.get("name") != KDF_ARGON2ID:
        return True
    return (int(kdf["time_cost"]) < KDF_TIME_COST or int(kdf["memory_kib"]) < KDF_MEMORY_KIB)


# ---------------------------------------------------------------- the key file

@dataclass
class KeyFile:
    """The parsed key file: the database key's fingerprint and its slots."""

    key_id: str
    slots: list[dict]

    @classmethod
    def new(cls, key: bytes) -> "KeyFile":
        return cls(key_id(key), [])

    def account_slot(self, login: str) -> dict | None:
        for slot in self.slots:
            if slot["kind"] == KIND_PASSWORD and slot.get("login") == login:
                return slot
        return None

    def logins(self) -> list[str]:
        return [s["login"] for s in self.slots if s["kind"] == KIND_PASSWORD]

    def has_recovery(self) -> bool:
        return any(s["kind"] == KIND_RECOVERY for s in self.slots)

    def set_account(self, key: bytes, login: str, password: str) -> None:
        """Add or replace login's copy (and only that one)."""
        self._check_key(key)
        self.remove_account(login)
        self.slots.append(wrap(key, password.encode("utf-8"), KIND_PASSWORD, login))

    def set_account_from_hash(self, key: bytes, login: str, phc_hash: str) -> bool:
        self._check_key(key)
        slot = wrap_with_password_hash(key, login, phc_hash)
        if slot is None:
            return False
        self.remove_account(login)
        self.slots.append(slot)
        return True

    def remove_account(self, login: str) -> bool:
        before = len(self.slots)
        self.slots = [s for s in self.slots
                      if not (s["kind"] == KIND_PASSWORD and s.get("login") == login)]
        return len(self.slots) != before

    def set_recovery(self, key: bytes) -> str:
        """Replace the recovery copy; returns the new recovery key (the only
        time it exists in clear: show it once)."""
        self._check_key(key)
        secret = secrets.token_bytes(RECOVERY_SECRET_BYTES)
        self.slots = [s for s in self.slots if s["kind"] != KIND_RECOVERY]
        self.slots.append(wrap(key, secret, KIND_RECOVERY))
        return format_recovery_key(secret)

    def unlock_account(self, login: str, password: str) -> bytes:
        slot = self.account_slot(login)
        if slot is None:
            # Spend the same time as a real attempt, so that timing does
            # not tell which logins have a copy.
            _argon2(password.encode("utf-8"), b"\x00" * SALT_BYTES, KDF_TIME_COST,
                    KDF_MEMORY_KIB, KDF_PARALLELISM)
            raise WrongSecret("ログイン名またはパスワードが違います")
        try:
            key = unwrap(slot, password.encode("utf-8"))
        except WrongSecret:
            raise WrongSecret("ログイン名またはパスワードが違います") from None
        self._check_key(key)
        return key

    def unlock_recovery(self, recovery_key: str) -> bytes:
        secret = parse_recovery_key(recovery_key)
        for slot in self.slots:
            if slot["kind"] == KIND_RECOVERY:
                try:
                    key = unwrap(slot, secret)
                except WrongSecret:
                    break
                self._check_key(key)
                return key
        raise WrongSecret("回復キーが違います（このデータベースの回復キーではありません）")

    def _check_key(self, key: bytes) -> None:
        if key_id(key) != self.key_id:
            raise KeyFileError("鍵ファイルがこのデータベースのものではありません")

    # -------------------------------------------------------- storage

    def to_json(self) -> str:
        return json.dumps({"format": FILE_FORMAT, "version": FILE_VERSION,
                           "key_id": self.key_id, "slots": self.slots},
                          ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "KeyFile":
        try:
            data = json.loads(text)
            if data.get("format") != FILE_FORMAT:
                raise ValueError("format")
            if int(data.get("version", 0)) > FILE_VERSION:
                raise KeyFileError("鍵ファイルは新しい版のアプリで作られています。アプリを更新してください")
            return cls(str(data["key_id"]), list(data["slots"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise KeyFileError("鍵ファイルの形式が正しくありません") from None

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KeyFileError(
                f"鍵ファイル {Path(path).name} が見つかりません。"
                "データベースと同じフォルダーに置いてから開いてください") from None
        return cls.from_json(text)

    def save(self, path: Path) -> None:
        atomic_write(Path(path), self.to_json().encode("utf-8"))


def atomic_write(path: Path, data: bytes) -> None:
    """Write data to path so that a crash leaves the old or the new file,
    never a torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- recovery key

_B32_FIXES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def format_recovery_key(secret: bytes) -> str:
    """Printable: base32 in groups of four, e.g. ``ABCD-EFGH-…`` (8 groups)."""
    check = hashlib.sha256(secret).digest()[:RECOVERY_CHECK_BYTES]
    text = base64.b32encode(secret + check).decode("ascii").rstrip("=")
    return "-".join(text[i:i + RECOVERY_GROUP] for i in range(0, len(text), RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The secret of a typed recovery key. Spaces, hyphens and case do not
    matter, and 0/1/8 are read as O/I/B (base32 has no such digits)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_B32_FIXES)
    size = RECOVERY_SECRET_BYTES + RECOVERY_CHECK_BYTES
    expected = len(base64.b32encode(b"\x00" * size).decode().rstrip("="))
    if len(cleaned) != expected:
        raise WrongSecret(f"回復キーは{expected}文字です（入力は{len(cleaned)}文字）")
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raise WrongSecret("回復キーに使えない文字が含まれています") from None
    secret, check = raw[:RECOVERY_SECRET_BYTES], raw[RECOVERY_SECRET_BYTES:]
    if hashlib.sha256(secret).digest()[:RECOVERY_CHECK_BYTES] != check:
        raise WrongSecret("回復キーの入力に誤りがあります（打ち間違いがないか確かめてください）")
    return secret


# ---------------------------------------------------------------- in-process unlock

_remembered: dict[str, bytes] = {}


def remember_key(db_path: Path | str, key: bytes) -> None:
    """Let later ``Database.open(path)`` calls in this process open the
    encrypted file without asking again (tests and in-process scripts; the
    key stays in memory only)."""
    _remembered[str(Path(db_path).absolute())] = key


def remembered_key(db_path: Path | str) -> bytes | None:
    return _remembered.get(str(Path(db_path).absolute()))


def forget_key(db_path: Path | str) -> None:
    _remembered.pop(str(Path(db_path).absolute()), None)
