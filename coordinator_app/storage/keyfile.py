"""Keys for encryption at rest (暗号化). Qt-free and database-free.

One random 256-bit key (the database key) encrypts the SQLCipher
database. It is never stored as such. The key file beside the database
(``<db>.keys.json``) holds one *slot* per account and one for the
recovery key (回復キー):

- each slot has its own X25519 key pair. An account's private key is
  wrapped with AES-256-GCM under a key derived from its password with
  argon2id (the slot's kind, login and public key are the associated
  data, so a wrapped key cannot be moved to another login or public key);
  the recovery slot's private key is derived from the recovery key itself
  with argon2id, so it is stored nowhere;
- the database key is *sealed* to the public key of every slot that may
  hold it (an ephemeral X25519 key, HKDF-SHA256, AES-256-GCM; the key's
  fingerprint and the public key are the associated data). A figures-only
  account's slot has no sealed copy: its password proves who it is and
  opens nothing.

Sealing needs only public keys, so the database can be re-keyed (a new
random key, SQLCipher's ``PRAGMA rekey``) without anyone's password: the
new key is sealed to every slot that may still hold it, and a removed
account's private key, or an old copy of the key file, opens only keys
that no longer open the database (they still open the backups made with
them). While a re-key is under way the file names the new key and the
previous one (``previous_key_id``); opening then tries both.

Version 1 files (one AES-wrapped copy of the key per slot, no key pairs)
are still read; their slots are replaced by version 2 ones when each
account signs in, and dropped at the next re-key.

Key derivation (argon2id): t=3 passes over 64 MiB with 4 lanes, RFC 9106's
second recommended option and argon2-cffi's default for password hashes.
On the 2-core reference machine one derivation takes about 0.17 s, so a
sign-in (unwrap, open, password check, first query) stays well under 1 s
(bench_encryption.py) while every guess at a stolen key file costs as
much. Parameters are stored in each slot, so they can be raised later: a
slot with weaker ones is replaced at the next sign-in (``needs_rewrap``).

The file is rewritten atomically (temporary file, fsync, rename), and with
owner-only permissions where the OS has them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw

from coordinator_app.storage.private_files import make_folders

# ``cryptography`` is imported where a key is wrapped or unwrapped: opening
# a plain database (the app's start) never needs it.

KEY_BYTES = 32
KDF_TIME_COST = 3
KDF_MEMORY_KIB = 64 * 1024
KDF_PARALLELISM = 4
SALT_BYTES = 16
NONCE_BYTES = 12

FILE_FORMAT = "coordinator-app/keys"
FILE_VERSION = 2
KEYS_SUFFIX = ".keys.json"
SQLITE_HEADER = b"SQLite format 3\x00"

RECOVERY_SECRET_BYTES = 18  # 144 bits, stretched with argon2id like a password
RECOVERY_CHECK_BYTES = 2    # catches a mistyped character before any KDF
RECOVERY_GROUP = 4

KIND_PASSWORD = "password"
KIND_RECOVERY = "recovery"
KDF_ARGON2ID = "argon2id"
# A slot made when a plain database is converted: the account's password
# is not known then, only its stored argon2id hash, whose raw output
# becomes the key-encryption key (through HKDF). It opens with the same
# password and is replaced at that account's first sign-in. Anyone who has
# read the database has that hash, so such a slot is never given a new key
# at a re-key (``is_strong``).
KDF_ARGON2ID_PHC = "argon2id-phc"
CIPHER = "aes-256-gcm"

WRONG_LOGIN = "ログイン名またはパスワードが違います"


class KeyFileError(RuntimeError):
    """The key file is missing, unreadable, or no slot opens; message in
    Japanese and never says whether a login exists."""


class WrongSecret(KeyFileError):
    """The password or recovery key does not open any slot."""


class NoDatabaseKey(KeyFileError):
    """The password is right, but its slot holds no copy of the database
    key (a figures-only account)."""


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


def sqlcipher_key_pragma(key: bytes, pragma: str = "key") -> str:
    """The statement that gives SQLCipher the raw key (no passphrase KDF);
    ``pragma="rekey"`` re-encrypts an open database with it. PRAGMA takes
    no bound parameters; the text is built from the key's hex digits only,
    which cannot inject anything."""
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    if pragma not in ("key", "rekey"):
        raise ValueError(pragma)
    return f"PRAGMA {pragma} = \"x'{key.hex()}'\""


# ---------------------------------------------------------------- primitives

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(*parts: str) -> bytes:
    """Associated data of version 2 slots (fixed: a later version must still
    open them)."""
    return "|".join([f"{FILE_FORMAT}/v2", *parts]).encode("utf-8")


def _argon2(secret: bytes, salt: bytes, time_cost: int, memory_kib: int, parallelism: int,
            hash_len: int = KEY_BYTES) -> bytes:
    return hash_secret_raw(secret=secret, salt=salt, time_cost=time_cost,
                           memory_cost=memory_kib, parallelism=parallelism,
                           hash_len=hash_len, type=Type.ID)


def _hkdf(raw: bytes, info: bytes = b"coordinator-app kek from argon2id hash") -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(raw)


def _new_kdf() -> dict:
    return {"name": KDF_ARGON2ID, "salt": _b64(secrets.token_bytes(SALT_BYTES)),
            "time_cost": KDF_TIME_COST, "memory_kib": KDF_MEMORY_KIB,
            "parallelism": KDF_PARALLELISM}


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


def dummy_kdf(secret: bytes) -> None:
    """Spend what a real attempt spends (an unknown login), so that timing
    does not tell which logins have a slot."""
    _argon2(secret, b"\x00" * SALT_BYTES, KDF_TIME_COST, KDF_MEMORY_KIB, KDF_PARALLELISM)


def _encrypt(key: bytes, plaintext: bytes, aad: bytes) -> tuple[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return _b64(nonce), _b64(AESGCM(key).encrypt(nonce, plaintext, aad))


def _decrypt(key: bytes, nonce: str, data: str, aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(_unb64(nonce), _unb64(data), aad)
    except InvalidTag:
        raise WrongSecret("パスワードが違います") from None


def _x25519():
    from cryptography.hazmat.primitives.asymmetric import x25519

    return x25519


def _raw_public(private) -> str:
    from cryptography.hazmat.primitives import serialization

    return _b64(private.public_key().public_bytes(serialization.Encoding.Raw,
                                                  serialization.PublicFormat.Raw))


def _raw_private(private) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())


# ---------------------------------------------------------------- slots

def new_account_slot(login: str, password: str) -> dict:
    """A slot for login: a new key pair whose private key is wrapped under
    argon2id(password). No sealed copy of the database key yet (``seal``)."""
    return _account_slot(login, _new_kdf(), password.encode("utf-8"))


def account_slot_from_hash(login: str, phc_hash: str) -> dict | None:
    """A slot for an account whose password is unknown, from its stored
    argon2id hash (``$argon2id$v=19$m=..,t=..,p=..$salt$hash``): the
    same password opens it. None when the hash is not argon2id."""
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
    return _account_slot(login, kdf, None, kek=_hkdf(raw))


def _account_slot(login: str, kdf: dict, secret: bytes | None, kek: bytes | None = None) -> dict:
    private = _x25519().X25519PrivateKey.generate()
    public = _raw_public(private)
    nonce, wrapped = _encrypt(kek if kek is not None else _kek(kdf, secret),
                              _raw_private(private), _aad(KIND_PASSWORD, login, public))
    return {"kind": KIND_PASSWORD, "login": login, "kdf": kdf, "cipher": CIPHER,
            "public": public, "nonce": nonce, "wrapped": wrapped, "sealed": {}}


def new_recovery_slot() -> tuple[dict, str]:
    """A recovery slot and its recovery key (the only time it exists in
    clear: show it once). The slot's private key is derived from the key."""
    secret = secrets.token_bytes(RECOVERY_SECRET_BYTES)
    return recovery_slot_from_secret(secret), format_recovery_key(secret)


def recovery_slot_from_secret(secret: bytes) -> dict:
    kdf = _new_kdf()
    private = _recovery_private(kdf, secret)
    return {"kind": KIND_RECOVERY, "kdf": kdf, "public": _raw_public(private), "sealed": {}}


def _recovery_private(kdf: dict, secret: bytes):
    return _x25519().X25519PrivateKey.from_private_bytes(_kek(kdf, secret))


def open_slot(slot: dict, secret: bytes):
    """The private key of a version 2 slot; WrongSecret when secret is not
    the slot's password (or recovery key), or the slot was tampered with."""
    if slot["kind"] == KIND_RECOVERY:
        private = _recovery_private(slot["kdf"], secret)
        if _raw_public(private) != slot["public"]:
            raise WrongSecret("回復キーが違います")
        return private
    raw = _decrypt(_kek(slot["kdf"], secret), slot["nonce"], slot["wrapped"],
                   _aad(KIND_PASSWORD, slot["login"], slot["public"]))
    return _x25519().X25519PrivateKey.from_private_bytes(raw)


def _box_key(shared: bytes, ephemeral: str, public: str) -> bytes:
    return _hkdf(shared, b"coordinator-app sealed database key|"
                 + ephemeral.encode("ascii") + b"|" + public.encode("ascii"))


def seal(slot: dict, key: bytes) -> None:
    """Add to slot a copy of the database key that only the slot's private
    key opens (needs no secret: the public key is enough)."""
    x25519 = _x25519()
    ephemeral = x25519.X25519PrivateKey.generate()
    epk = _raw_public(ephemeral)
    shared = ephemeral.exchange(x25519.X25519PublicKey.from_public_bytes(_unb64(slot["public"])))
    kid = key_id(key)
    nonce, box = _encrypt(_box_key(shared, epk, slot["public"]), key,
                          _aad("sealed", kid, slot["public"]))
    slot.setdefault("sealed", {})[kid] = {"epk": epk, "nonce": nonce, "box": box}


def unseal(slot: dict, private, kid: str) -> bytes | None:
    """The database key with fingerprint kid from slot, or None when the
    slot holds none."""
    box = slot.get("sealed", {}).get(kid)
    if box is None:
        return None
    x25519 = _x25519()
    shared = private.exchange(x25519.X25519PublicKey.from_public_bytes(_unb64(box["epk"])))
    key = _decrypt(_box_key(shared, box["epk"], slot["public"]), box["nonce"], box["box"],
                   _aad("sealed", kid, slot["public"]))
    if key_id(key) != kid:
        raise KeyFileError("鍵ファイルが壊れています")
    return key


def is_v1(slot: dict) -> bool:
    """A slot of a version 1 key file: the database key itself, wrapped."""
    return "public" not in slot


def is_strong(slot: dict) -> bool:
    """A version 2 slot wrapped with a password or recovery key (not one
    made from a password hash): the only kind a re-key seals the new key to."""
    return not is_v1(slot) and slot["kdf"].get("name") == KDF_ARGON2ID


def needs_rewrap(slot: dict) -> bool:
    """True for a version 1 slot, one made from a password hash, or one
    with parameters weaker than the current ones."""
    kdf = slot["kdf"]
    if not is_strong(slot):
        return True
    return (int(kdf["time_cost"]) < KDF_TIME_COST or int(kdf["memory_kib"]) < KDF_MEMORY_KIB)


def _unwrap_v1(slot: dict, secret: bytes) -> bytes:
    aad = f"{FILE_FORMAT}/v1|{slot['kind']}|{slot.get('login', '')}".encode("utf-8")
    return _decrypt(_kek(slot["kdf"], secret), slot["nonce"], slot["wrapped"], aad)


# ---------------------------------------------------------------- the key file

@dataclass
class KeyFile:
    """The parsed key file: the fingerprint of the database key (of the
    new one while a re-key is under way, with the old one as
    ``previous_key_id``) and the slots."""

    key_id: str
    slots: list[dict] = field(default_factory=list)
    previous_key_id: str | None = None

    @classmethod
    def new(cls, key: bytes) -> "KeyFile":
        return cls(key_id(key), [])

    def key_ids(self) -> list[str]:
        """The keys the database may be under, the likelier first."""
        return [self.key_id] + ([self.previous_key_id] if self.previous_key_id else [])

    def account_slot(self, login: str) -> dict | None:
        for slot in self.slots:
            if slot["kind"] == KIND_PASSWORD and slot.get("login") == login:
                return slot
        return None

    def recovery_slot(self) -> dict | None:
        for slot in self.slots:
            if slot["kind"] == KIND_RECOVERY:
                return slot
        return None

    def logins(self) -> list[str]:
        return [s["login"] for s in self.slots if s["kind"] == KIND_PASSWORD]

    def put(self, slot: dict) -> None:
        """Add slot, replacing the slot of the same login (or the recovery
        slot)."""
        self.slots = [s for s in self.slots if not _same_owner(s, slot)]
        self.slots.append(slot)

    def set_account(self, key: bytes, login: str, password: str) -> dict:
        """Give login a new slot with key sealed to it (a copy of a
        database made for one account) and return it. Its public key must
        also be recorded in that database (encryption.RECIPIENTS), or the
        database's next re-key leaves the slot out."""
        slot = new_account_slot(login, password)
        seal(slot, key)
        self.put(slot)
        return slot

    def remove_account(self, login: str) -> bool:
        before = len(self.slots)
        self.slots = [s for s in self.slots
                      if not (s["kind"] == KIND_PASSWORD and s.get("login") == login)]
        return len(self.slots) != before

    def unlock_account(self, login: str, password: str) -> list[bytes]:
        """The database keys login's slot holds (the likelier first).
        WrongSecret for an unknown login or a wrong password (after the
        same work); NoDatabaseKey when the password is right but the slot
        holds no key."""
        slot = self.account_slot(login)
        if slot is None:
            dummy_kdf(password.encode("utf-8"))
            raise WrongSecret(WRONG_LOGIN)
        try:
            return self._unlock(slot, password.encode("utf-8"))
        except WrongSecret:
            raise WrongSecret(WRONG_LOGIN) from None

    def unlock_recovery(self, recovery_key: str) -> list[bytes]:
        secret = parse_recovery_key(recovery_key)
        slot = self.recovery_slot()
        try:
            if slot is None:
                raise WrongSecret("")
            return self._unlock(slot, secret)
        except WrongSecret:
            raise WrongSecret("回復キーが違います（このデータベースの回復キーではありません）") from None

    def _unlock(self, slot: dict, secret: bytes) -> list[bytes]:
        if is_v1(slot):
            key = _unwrap_v1(slot, secret)
            if key_id(key) not in self.key_ids():
                raise KeyFileError("鍵ファイルがこのデータベースのものではありません")
            return [key]
        private = open_slot(slot, secret)
        keys = [k for k in (unseal(slot, private, kid) for kid in self.key_ids()) if k]
        if not keys:
            if slot.get("sealed"):
                raise KeyFileError("鍵ファイルがこのデータベースのものではありません")
            raise NoDatabaseKey("このアカウントには暗号化されたデータベースを開く鍵がありません")
        return keys

    # -------------------------------------------------------- storage

    def to_json(self) -> str:
        data = {"format": FILE_FORMAT, "version": FILE_VERSION, "key_id": self.key_id}
        if self.previous_key_id:
            data["previous_key_id"] = self.previous_key_id
        data["slots"] = self.slots
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "KeyFile":
        try:
            data = json.loads(text)
            if data.get("format") != FILE_FORMAT:
                raise ValueError("format")
            if int(data.get("version", 0)) > FILE_VERSION:
                raise KeyFileError("鍵ファイルは新しい版のアプリで作られています。アプリを更新してください")
            previous = data.get("previous_key_id")
            return cls(str(data["key_id"]), list(data["slots"]),
                       str(previous) if previous else None)
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


def _same_owner(a: dict, b: dict) -> bool:
    return a["kind"] == b["kind"] and a.get("login") == b.get("login")


def atomic_write(path: Path, data: bytes) -> None:
    """Write data to path so that a crash leaves the old or the new file,
    never a torn one."""
    make_folders(path.parent)  # 0700 where it creates them; the file itself is 0600 below
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
