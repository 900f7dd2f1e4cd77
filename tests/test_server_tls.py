"""TLS to the city's server (issue 21): with ``sslmode=verify-full`` and
the city's CA certificate the app connects to a server whose certificate
names the host it asked for, and refuses one reached under another name.
A throwaway PostgreSQL with ssl=on and a CA made here; needs initdb."""

from __future__ import annotations

import datetime as dt
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from coordinator_app.core.access import Role
from coordinator_app.services import accounts, server, session
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import StoreError
from tests.shell_helpers import fast_hashing  # noqa: F401

HOST = "db.city.test"  # the name in the server's certificate
ADMIN_PASSWORD = "tls-superuser-pw"


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def _as_postgres() -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as postgres."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _make_certificates(folder: Path) -> None:
    """A CA, and a server certificate it signs for HOST only."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)  # certificates need the real time, not the app's clock

    def name(cn):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("テスト市 認証局")).issuer_name(
        name("テスト市 認証局")).public_key(ca_key.public_key()).serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(name(HOST)).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    (folder / "ca.crt").write_bytes(ca.public_bytes(pem))
    (folder / "server.crt").write_bytes(cert.public_bytes(pem))
    (folder / "server.key").write_bytes(key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def tls_server():
    bin_dir = _pg_bin()
    if bin_dir is None or (os.geteuid() == 0 and not shutil.which("runuser")):
        pytest.skip("initdb is not installed (/usr/lib/postgresql/*/bin): "
                    "no throwaway PostgreSQL for the TLS test")
    try:
        import cryptography  # noqa: F401
    except ImportError:
        pytest.skip("the cryptography package is not installed")
    folder = Path(tempfile.mkdtemp(prefix="d1-tls-"))
    data = folder / "data"
    _make_certificates(folder)
    (folder / "pw").write_text(ADMIN_PASSWORD)
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in [folder, *folder.iterdir()]:
            os.chown(path, user.pw_uid, user.pw_gid)
    os.chmod(folder / "server.key", 0o600)
    port = _free_port()

    def run(*args):
        return subprocess.run(_as_postgres() + [str(a) for a in args],
                              check=True, capture_output=True, text=True)

    try:
        run(bin_dir / "initdb", "-D", data, "-U", "postgres", "--pwfile", folder / "pw",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale")
        # Only TLS connections from outside: plain TCP is rejected.
        (data / "pg_hba.conf").write_text("local all all trust\n"
                                          "hostssl all all 127.0.0.1/32 scram-sha-256\n"
                                          "host all all 127.0.0.1/32 reject\n")
        options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c ssl=on"
                   f" -c ssl_cert_file={folder / 'server.crt'}"
                   f" -c ssl_key_file={folder / 'server.key'}")
        run(bin_dir / "pg_ctl", "-D", data, "-o", options, "-l", folder / "log", "-w", "start")
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"could not start a throwaway PostgreSQL: {exc.stderr.strip()[:200]}")
    try:
        # The whole deployment over TLS: server init with the owner's URL.
        owner = _url(port, folder / "ca.crt", HOST, f"postgres:{ADMIN_PASSWORD}")
        Database.open(owner, create=True).close()
        server.init(owner, admin=("tls-admin", "情報担当", "tls-admin-pass"))
        yield port, folder / "ca.crt"
    finally:
        subprocess.run(_as_postgres() + [str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                                         "immediate", "stop"], check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _url(port: int, ca: Path, host: str, user: str = "", mode: str = "verify-full") -> str:
    who = f"{user}@" if user else ""
    return (f"postgresql+psycopg://{who}{host}:{port}/postgres"
            f"?sslmode={mode}&sslrootcert={ca}&hostaddr=127.0.0.1")


def test_verify_full_with_the_citys_ca(tls_server):
    port, ca = tls_server
    owner = _url(port, ca, HOST, f"postgres:{ADMIN_PASSWORD}")
    engine = create_engine(owner)
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
    finally:
        engine.dispose()
    # An account signs in with its own credentials on a URL that holds none.
    db = session.open_server(_url(port, ca, HOST), "tls-admin", "tls-admin-pass")
    try:
        who = session.sign_in(db, "tls-admin", "tls-admin-pass")
        assert who.role == Role.ADMIN
        accounts.create_account(db, "tls-coord", "支部", Role.CITY_STAFF, "tls-coord-pass")
    finally:
        db.close()


def test_a_wrong_host_name_is_refused(tls_server):
    """127.0.0.1 reached under a name the certificate does not hold."""
    port, ca = tls_server
    with pytest.raises(StoreError, match="TLS"):
        session.open_server(_url(port, ca, "wrong.city.test"), "tls-admin", "tls-admin-pass")
    engine = create_engine(_url(port, ca, "wrong.city.test", f"postgres:{ADMIN_PASSWORD}"))
    try:
        with pytest.raises(Exception, match="certificate"):
            engine.connect()
    finally:
        engine.dispose()


def test_a_server_without_the_citys_ca_is_refused(tls_server, tmp_path):
    """Another CA (an impostor's certificate chain) does not verify."""
    port, _ca = tls_server
    other = tmp_path / "other"
    other.mkdir()
    _make_certificates(other)
    with pytest.raises(StoreError, match="TLS"):
        session.open_server(_url(port, other / "ca.crt", HOST), "tls-admin", "tls-admin-pass")


def test_plain_tcp_is_rejected_by_the_servers_rules(tls_server):
    port, ca = tls_server
    engine = create_engine(_url(port, ca, HOST, f"postgres:{ADMIN_PASSWORD}", mode="disable"))
    try:
        with pytest.raises(Exception, match="no encryption|reject"):
            engine.connect()
    finally:
        engine.dispose()
