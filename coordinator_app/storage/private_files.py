"""Files holding personal data are their owner's alone.

The database (and the -wal/-shm files SQLite gives the database file's
mode), backups, key files and every export are created 0600, in folders
created 0700, where the OS has POSIX modes. Two layers:

- ``owner_only()`` around the whole run of the command line and of the
  desktop app sets the umask to 077, so that whatever the process creates
  (SQLite, xlsxwriter, reportlab included) starts owner-only;
- the helpers below, called where the app creates its files, make the
  same true when the services are used without that entry point.

Existing folders the app did not create (the folder a user exports into)
keep their mode. On Windows modes are not enforced: the files are private
because the app keeps them in the user's profile (the platformdirs data
and cache folders), and exports go where the user chooses.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

FILE_MODE = 0o600
FOLDER_MODE = 0o700


@contextlib.contextmanager
def owner_only() -> Iterator[None]:
    """While the block runs, new files and folders are owner-only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def make_folders(folder: Path | str) -> Path:
    """Create ``folder`` and its missing parents 0700; folders that exist
    already are left as they are."""
    folder = Path(folder)
    missing = []
    f = folder
    while not f.exists() and f.parent != f:
        missing.append(f)
        f = f.parent
    for f in reversed(missing):
        try:
            os.mkdir(f, FOLDER_MODE)
        except FileExistsError:  # made meanwhile by another process
            continue
        _chmod(f, FOLDER_MODE)  # mkdir's mode passes through the umask
    return folder


def own_folder(folder: Path | str) -> Path:
    """A folder only the app uses (backups, the print cache): created, or
    narrowed to, 0700."""
    folder = make_folders(folder)
    _chmod(folder, FOLDER_MODE)
    return folder


def create_file(path: Path | str) -> None:
    """Create ``path`` empty and 0600 unless it exists, so that the program
    that writes it next (SQLite, a copy) keeps that mode. Its folder must
    exist (``make_folders``)."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def fresh_file(path: Path | str) -> Path:
    """An empty 0600 file at ``path``, replacing any leftover (a temporary
    file that SQLite, a copy or a PDF writer fills next)."""
    path = Path(path)
    path.unlink(missing_ok=True)
    create_file(path)
    return path


def write_bytes(path: Path | str, data: bytes) -> None:
    """Replace ``path`` by ``data``: written owner-only beside it
    (``<name>.partial``), flushed, then renamed over it, so a crash leaves
    the old file or the new one, never a torn one. The folder must exist:
    a mistyped destination is an error, not a new folder."""
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    tmp.unlink(missing_ok=True)  # a leftover could carry a wider mode
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _chmod(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:  # not ours to change (another owner), or no POSIX modes
        pass
