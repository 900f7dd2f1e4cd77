"""Opening a file or a folder the way the user's desktop does: a printed
PDF in the PDF viewer they chose, a folder in Explorer or the file manager.

One function for every screen. On Windows it is ``os.startfile``, the
shell's own "open" with the program registered for the file type, which
says plainly when there is none; elsewhere Qt's ``QDesktopServices``
(xdg-open on Linux).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_with_system(path: Path | str) -> bool:
    """Open ``path``; False when the system has no program for it (then
    the caller shows the file itself, e.g. the app's own PDF window)."""
    if sys.platform == "win32":
        try:
            os.startfile(str(path))  # noqa: S606 - the user's own file, in their viewer
        except OSError:  # no program associated with the type, or the file is gone
            return False
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
