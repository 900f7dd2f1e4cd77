"""The one-app-per-file lock with Windows' file-locking rules (issue 22).

On Windows a lock is ``msvcrt.locking`` on a byte range of the lock file:
mandatory (a locked byte cannot be read through another handle), per
handle (a second handle in the same process is refused too), undone by the
OS when the process ends; and a file cannot be deleted while any handle
has it open. ``FakeWindowsFiles`` models exactly those rules, so the
Windows branch runs here on Linux; the tests at the end use the real
system's lock (fcntl here, msvcrt on the Windows runner)."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import types

import pytest

from coordinator_app.storage import instance_lock
from coordinator_app.storage import platform as system
from coordinator_app.storage.instance_lock import InstanceLock, InstanceLocked, lock_path


class FakeWindowsFiles:
    """``msvcrt.locking`` and deleting files as Windows does them."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = range(5)

    def __init__(self, monkeypatch) -> None:
        self.locks: dict[tuple[int, int], list[tuple[int, int, int]]] = {}  # file -> ranges
        self.opened: dict[int, str] = {}  # handle -> real path
        self.calls: list[tuple[int, int, int]] = []  # (mode, start, nbytes)
        msvcrt = types.ModuleType("msvcrt")
        for name in ("LK_UNLCK", "LK_LOCK", "LK_NBLCK", "LK_RLCK", "LK_NBRLCK"):
            setattr(msvcrt, name, getattr(self, name))
        msvcrt.locking = self.locking
        self._open, self._close, self._unlink = os.open, os.close, os.unlink
        monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
        monkeypatch.setattr(system, "on_windows", lambda: True)
        monkeypatch.setattr(os, "open", self.open)
        monkeypatch.setattr(os, "close", self.close)
        monkeypatch.setattr(os, "unlink", self.unlink)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        st = os.fstat(fd)
        ranges = self.locks.setdefault((st.st_dev, st.st_ino), [])
        start = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, start, nbytes))
        if mode == self.LK_UNLCK:
            if (start, start + nbytes, fd) not in ranges:
                raise PermissionError(errno.EACCES, "not locked by this handle")
            ranges.remove((start, start + nbytes, fd))
            return
        if any(a < start + nbytes and start < b for a, b, _owner in ranges):
            # any handle, this one too: Windows locks do not nest or share
            raise PermissionError(errno.EACCES, "locked")
        ranges.append((start, start + nbytes, fd))

    def open(self, path, flags, mode=0o777, *, dir_fd=None):
        fd = self._open(path, flags, mode, dir_fd=dir_fd)
        self.opened[fd] = os.path.realpath(path)
        return fd

    def close(self, fd: int) -> None:
        for ranges in self.locks.values():  # closing a handle frees its locks
            ranges[:] = [r for r in ranges if r[2] != fd]
        self.opened.pop(fd, None)
        self._close(fd)

    def unlink(self, path, *, dir_fd=None) -> None:
        if os.path.realpath(path) in self.opened.values():
            raise PermissionError(errno.EACCES, "being used by another process", str(path))
        self._unlink(path, dir_fd=dir_fd)

    def held(self) -> list[tuple[int, int, int]]:
        return [r for ranges in self.locks.values() for r in ranges]


@pytest.fixture
def windows(monkeypatch) -> FakeWindowsFiles:
    return FakeWindowsFiles(monkeypatch)


def test_a_second_handle_even_in_the_same_process_is_refused_and_told_who(windows, tmp_path):
    db_path = tmp_path / "山田 太郎" / "coordinator.db"
    first = InstanceLock(db_path)
    first.acquire()
    try:
        with pytest.raises(InstanceLocked) as err:
            InstanceLock(db_path).acquire()
        holder = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        assert holder["pid"] == os.getpid() and str(os.getpid()) in str(err.value)
        assert "使用中" in str(err.value)
        # one byte is locked, and the holder's text lies before it: a locked
        # byte cannot be read through another handle on Windows
        (start, end, _fd), = windows.held()
        assert end - start == 1 and start >= lock_path(db_path).stat().st_size
    finally:
        first.release()
    assert windows.held() == [] and not lock_path(db_path).exists()
    with InstanceLock(db_path):
        pass


def test_a_lock_file_left_by_a_crash_blocks_nobody(windows, tmp_path):
    """The lock is the OS lock, not the file: a crashed app leaves its file
    (with the number of a process that may be alive again, pid reuse) but
    no lock; the next start takes it over."""
    db_path = tmp_path / "c.db"
    lock_path(db_path).write_text(json.dumps({
        "user": "前の人", "host": socket.gethostname(), "pid": os.getppid(), "started": ""}),
        encoding="utf-8")
    lock = InstanceLock(db_path)
    lock.acquire()
    try:
        assert json.loads(lock_path(db_path).read_text(encoding="utf-8"))["pid"] == os.getpid()
    finally:
        lock.release()


def test_releasing_while_another_instance_has_the_file_open_leaves_a_harmless_file(windows,
                                                                                  tmp_path):
    db_path = tmp_path / "c.db"
    first = InstanceLock(db_path)
    first.acquire()
    other = os.open(lock_path(db_path), os.O_RDONLY)  # a second app is starting
    try:
        with pytest.raises(InstanceLocked):
            InstanceLock(db_path).acquire()
        first.release()  # cannot delete the file now: no error, and no lock held
        assert lock_path(db_path).exists() and windows.held() == []
    finally:
        os.close(other)
    second = InstanceLock(db_path)
    second.acquire()
    assert second.held and len(windows.held()) == 1
    second.release()
    assert not lock_path(db_path).exists()


def test_every_lock_taken_is_undone_on_the_same_range(windows, tmp_path):
    db_path = tmp_path / "c.db"
    for _ in range(3):
        with InstanceLock(db_path):
            assert windows.held()
    modes = [mode for mode, _start, _n in windows.calls]
    assert modes == [windows.LK_NBLCK, windows.LK_UNLCK] * 3
    assert {(start, n) for _mode, start, n in windows.calls} == {
        (instance_lock.WINDOWS_LOCK_AT, 1)}


def test_a_failed_write_of_the_holder_leaves_no_lock(windows, tmp_path, monkeypatch):
    db_path = tmp_path / "c.db"

    def full_disk(fd, data):
        raise OSError(errno.ENOSPC, "disk full")

    with monkeypatch.context() as m:
        m.setattr(os, "write", full_disk)
        with pytest.raises(OSError):
            InstanceLock(db_path).acquire()
    assert windows.held() == [] and not windows.opened


# --- the real system's lock (fcntl here, msvcrt on Windows) -------------------------------

def test_real_lock_refuses_a_second_handle_in_this_process(tmp_path):
    db_path = tmp_path / "髙橋 ①" / "c.db"
    with InstanceLock(db_path):
        with pytest.raises(InstanceLocked) as err:
            InstanceLock(db_path).acquire()
        assert str(os.getpid()) in str(err.value)  # the holder is readable while locked
    with InstanceLock(db_path):
        pass


def test_real_lock_of_a_killed_process_blocks_nobody(tmp_path):
    db_path = tmp_path / "c.db"
    code = ("import sys, pathlib; from coordinator_app.storage.instance_lock import InstanceLock; "
            f"InstanceLock(pathlib.Path({str(db_path)!r})).acquire(); "
            "print('held', flush=True); sys.stdin.readline()")
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(InstanceLocked):
            InstanceLock(db_path).acquire()
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
        child.stdin.close()
    assert lock_path(db_path).exists()  # the crash left its file ...
    with InstanceLock(db_path):  # ... and it blocks nobody
        assert json.loads(lock_path(db_path).read_text(encoding="utf-8"))["pid"] == os.getpid()
