"""Where and by whom a database file may be opened. Qt-free.

- One app instance per database file: a lock file beside the database
  (``coordinator.db.lock``) holds the user, host and process id of the
  instance using it, so a second instance can say who holds it. On POSIX
  the file is also ``flock``-ed, so a lock left by a crashed process is
  taken over; elsewhere a dead process id on this host is.
- A database on a network drive is refused: SQLite's locking is not
  reliable over SMB/NFS and the file gets corrupted.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.core import clock

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


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                if not self._os_lock(fd):
                    raise InstanceLocked(self.holder() or LockHolder("?", "?", 0, ""),
                                         self.db_path)
                # The previous holder may have removed the file between our
                # open and our lock: then lock the new file instead.
                if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                    break
            except FileNotFoundError:
                pass
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
        else:
            raise InstanceLocked(self.holder() or LockHolder("?", "?", 0, ""), self.db_path)
        try:
            previous = self.holder()
            me = LockHolder.me()
            if (sys.platform == "win32" and previous is not None
                    and previous.host == me.host and previous.pid != me.pid
                    and _pid_alive(previous.pid)):
                raise InstanceLocked(previous, self.db_path)
            # A stale lock (its process is gone) is taken over here.
            data = json.dumps(_holder_dict(me)).encode("utf-8")
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, data)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    @staticmethod
    def _os_lock(fd: int) -> bool:
        try:
            import fcntl
        except ImportError:  # Windows: the process-id check decides
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform == "win32":  # an open file cannot be removed there
            os.close(fd)
            self.path.unlink(missing_ok=True)
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


def network_share_reason(path: Path | str, mounts_text: str | None = None,
                         platform: str | None = None) -> str | None:
    """A Japanese explanation when ``path`` is on a network drive, else None.

    Detects UNC paths (``\\\\server\\share``), Windows drive letters mapped to
    a share, and on Linux nfs/cifs/smb (and similar) mounts from
    /proc/mounts. ``mounts_text``/``platform`` are for tests."""
    platform = platform or sys.platform
    text = str(path)
    explanation = ("データベースがネットワーク上の場所（{where}）にあります。"
                   "SQLite のデータベースをネットワークドライブで使うと、"
                   "複数のパソコンからの書き込みでファイルが壊れることがあります。"
                   "このパソコンのローカルディスクにコピーしてから開いてください。"
                   "複数の拠点で共有するには PostgreSQL を使ってください。")
    if text.startswith("\\\\") or (text.startswith("//") and not text.startswith("///")):
        return explanation.format(where=text)
    if platform == "win32":
        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive and len(drive) == 2:
            try:
                import ctypes

                if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # DRIVE_REMOTE
                    return explanation.format(where=drive)
            except Exception:
                pass
        return None
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    resolved = Path(os.path.realpath(text))
    found = _mount_of(resolved, mounts_text)
    if found and (found[1] in NETWORK_FS or found[1].startswith(("nfs", "smb", "cifs"))):
        return explanation.format(where=f"{found[0]}、{found[1]}")
    return None
