"""The few calls that differ between Windows and Linux, each one small
function, so the rules around them (which locations are refused, where the
data lives) stay plain Python that tests run on any system with these
functions replaced. Qt-free; which system it is, is read at call time
(``sys.platform``), never at import.

Windows-only calls import their modules inside the function
(``ctypes.windll`` exists only there); so does the instance lock's
``msvcrt`` (storage/instance_lock.py, chosen by ``on_windows()``). What
the desktop opens with the system's viewer is in ui/desktop.py (Qt).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DRIVE_REMOTE = 4  # GetDriveTypeW: a drive letter mapped to a network share


def on_windows() -> bool:
    return sys.platform == "win32"


def drive_type(root: str) -> int:
    """Windows' type of the drive whose root is ``root`` (``"Z:\\\\"``):
    ``DRIVE_REMOTE`` for a mapped network drive."""
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))


def mounts_text() -> str | None:
    """Linux's table of mounted file systems, None when there is none."""
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def real_path(path: str) -> str:
    """``path`` with its links followed: on Windows a folder that is a link
    to a share resolves to ``\\\\?\\UNC\\server\\share``."""
    return os.path.realpath(path)


def local_app_data() -> Path:
    """Windows' per-user application-data folder of this PC (the known
    folder LocalAppData, ``C:\\Users\\<name>\\AppData\\Local``)."""
    from platformdirs.windows import Windows

    return Path(Windows(roaming=False).user_data_dir)

