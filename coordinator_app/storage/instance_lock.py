"""Where and by whom a database file may be opened. Qt-free.

- One app instance per database file: a lock file beside the database
  (``coordinator.db.lock``) holds the user, host and process id of the
  instance using it, so a second instance can say who holds it. What
  locks is the operating system's lock on that file, never the file's
  existence: ``flock`` on POSIX, ``msvcrt.locking`` on Windows. Both are
  released by the OS when the process ends, so a lock file left by a
  crash blocks nobody; both refuse a second handle in the same process.
- A database on a network drive is refused: SQLite's locking is not
  reliable over SMB/NFS and the file gets corrupted.
"""

from __future__ import annotations

import getpass
import json
import ntpath
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.core import clock
from coordinator_app.storage import platform as system

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs",
              "9p", "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "glusterfs", "ceph",
              "fuse.rclone"}


class InstanceLocked(RuntimeError):
    """Another instance holds the database; the message (Japanese) says who."""

    def __init__(self, holder: "LockHolder", path: Path) -> None:
        self.holder = holder
        self.path = path
        super().__init__(
            f"このデータベースは {holder.user} さんが使用中です"
            f"（コンピューター: {holder.host}、プロセス番号: {holder.pid}、"
            f"開始: {holder.started}）。同じデータベースを二つのアプリで同時に開くことはできません。"
            f"相手のアプリを終了してから開いてください。\n{path}")


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    started: str

    @classmethod
    def me(cls) -> "LockHolder":
        try:
            user = getpass.getuser()
        except Exception:  # no login name (some services)
            user = "?"
        return cls(user, socket.gethostname(), os.getpid(),
                   clock.now().strftime("%Y-%m-%d %H:%M"))

    @classmethod
    def parse(cls, text: str) -> "LockHolder | None":
        try:
            d = json.loads(text)
            return cls(str(d["user"]), str(d["host"]), int(d["pid"]), str(d.get("started", "")))
        except (ValueError, KeyError, TypeError):
            return None


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


# Windows locks are mandatory: a locked byte cannot be read through another
# handle. The lock is therefore taken on one byte far beyond the holder's
# few hundred bytes, which a second instance reads to say who holds the file.
WINDOWS_LOCK_AT = 1 << 30


class InstanceLock:
    """``acquire()`` or raise InstanceLocked; ``release()`` when done."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> LockHolder | None:
        try:
            return LockHolder.parse(self.path.read_text(encoding="utf-8"))
        except OSError:
            return None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(3):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
            try:
                if not _os_lock(fd):
                    raise InstanceLocked(self.holder() or LockHolder("?", "?", 0, ""),
                                         self.db_path)
                # The previous holder may have removed the file between our
                # open and our lock (POSIX): then lock the new file instead.
                if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                    break
            except FileNotFoundError:
                pass
            except BaseException:
                os.close(fd)
                raise
            _os_unlock(fd)
            os.close(fd)
        else:
            raise InstanceLocked(self.holder() or LockHolder("?", "?", 0, ""), self.db_path)
        try:  # whatever a crashed holder left in the file is replaced
            data = json.dumps(_holder_dict(LockHolder.me())).encode("utf-8")
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, data)
            os.fsync(fd)
        except BaseException:
            _os_unlock(fd)
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if system.on_windows():
            # An open file cannot be removed there: close first. And while
            # another instance has it open (taking the lock, or reading who
            # held it), it cannot be removed at all: it stays, harmless.
            try:
                _os_unlock(fd)
            finally:
                os.close(fd)
            try:
                self.path.unlink(missing_ok=True)
            except PermissionError:
                pass
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(fd)

    def __enter__(self) -> "InstanceLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _holder_dict(me: LockHolder) -> dict:
    return {"user": me.user, "host": me.host, "pid": me.pid, "started": me.started}


def _os_lock(fd: int) -> bool:
    """Take the OS lock on the open lock file without waiting; False when
    another handle (of any process, this one included) holds it."""
    if system.on_windows():
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_AT, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:  # EACCES: locked through another handle
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _os_unlock(fd: int) -> None:
    """Windows asks locks to be undone before the handle is closed (closing
    frees them only "eventually"); on POSIX closing the file is enough."""
    if system.on_windows():
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_AT, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


# --- network drives -------------------------------------------------------

def _mount_of(path: Path, mounts_text: str) -> tuple[str, str] | None:
    """(mount point, fs type) of the longest mount point containing path."""
    best: tuple[str, str] | None = None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        fstype = parts[2]
        prefix = point.rstrip("/") + "/"
        if target == point or target.startswith(prefix) or point == "/":
            if best is None or len(point) > len(best[0]):
                best = (point, fstype)
    return best


NETWORK_MESSAGE = ("ネットワーク上の場所（{where}）にはデータベースを置けません。"
                   "SQLite のデータベースをネットワーク上で使うと、"
                   "複数のパソコンからの書き込みでファイルが壊れることがあります。"
                   "このパソコンのフォルダー（例: ドキュメント）にコピーして、"
                   "そこから開いてください。"
                   "複数の支部で共有するには PostgreSQL を使ってください。")


def network_share_reason(path: Path | str, mounts_text: str | None = None,
                         platform: str | None = None) -> str | None:
    """A Japanese explanation when ``path`` is on a network location, else
    None: a UNC path (``\\\\server\\share``, ``//server/share``), on
    Windows a drive letter mapped to a share or a link to one, on Linux an
    nfs/cifs/smb (and similar) mount. The system is asked through
    ``storage.platform``; ``mounts_text``/``platform`` ("linux", "win32")
    stand in for /proc/mounts and the system."""
    text = str(path)
    where = _unc_share(text)
    if where is not None:
        where = f"{where} はネットワーク上の共有フォルダーです"
    elif platform == "win32" if platform else system.on_windows():
        where = _windows_network_where(text)
    else:
        where = _linux_network_where(text, system.mounts_text() if mounts_text is None
                                     else mounts_text)
    return None if where is None else NETWORK_MESSAGE.format(where=where)


def _unc_share(text: str) -> str | None:
    """The ``\\\\server\\share`` a UNC path names (also written with
    slashes, or as ``\\\\?\\UNC\\server\\share``), else None. A local
    path in the long form (``\\\\?\\C:\\…``) is not one."""
    s = text.replace("/", "\\")
    if s.upper().startswith("\\\\?\\UNC\\"):
        s, text = "\\\\" + s[8:], "\\\\" + s[8:]
    elif s.startswith(("\\\\?\\", "\\\\.\\")) or not s.startswith("\\\\") \
            or s.startswith("\\\\\\"):
        return None
    server, _sep, rest = s[2:].partition("\\")
    share = rest.partition("\\")[0]
    if not server:
        return None
    return text[:2 + len(server) + (1 + len(share) if share else 0)]


def _windows_network_where(text: str) -> str | None:
    """A link to a share, or a drive letter mapped to one (the drive of a
    long-form path ``\\\\?\\Z:\\…`` included)."""
    local = text[4:] if text.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")) else text
    drive = ntpath.splitdrive(local)[0]
    if len(drive) == 2 and drive[1] == ":" and drive[0].isalpha() \
            and system.drive_type(drive + "\\") == system.DRIVE_REMOTE:
        return f"{drive.upper()} はネットワークドライブです"
    share = _unc_share(system.real_path(text))
    if share is not None:
        return f"{share} はネットワーク上の共有フォルダーです"
    return None


def _linux_network_where(text: str, mounts_text: str | None) -> str | None:
    if mounts_text is None:
        return None
    found = _mount_of(Path(system.real_path(text)), mounts_text)
    if found and (found[1] in NETWORK_FS or found[1].startswith(("nfs", "smb", "cifs"))):
        return f"{found[0]} は {found[1]} のネットワークドライブです"
    return None
