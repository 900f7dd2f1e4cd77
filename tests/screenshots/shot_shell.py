"""The shell on the demo database, at 1366×768:

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_shell.py

writes docs/screenshots/shell_sign_in.png (the sign-in dialog with the
demo-only accounts), shell_home.png (a coordinator's main window on ホーム),
shell_main_window.png (an administrator's window on 設定 › アカウント),
shell_audit.png (監査ログ) and shell_lock.png (the lock page)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)


def settle(ms: int = 400) -> None:
    QTest.qWait(ms)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="shot-shell-"))
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "settings"))
    from coordinator_app.services import accounts
    from coordinator_app.services.demo import load_sample
    from coordinator_app.storage.database import Database
    from coordinator_app.ui.app import make_application
    from coordinator_app.ui.context import AppContext
    from coordinator_app.ui.main_window import MainWindow
    from coordinator_app.ui.sign_in import SignInDialog

    app = make_application()
    db = Database.open(str(tmp / "demo.db"), create=True)
    load_sample(db)
    OUT.mkdir(parents=True, exist_ok=True)

    dialog = SignInDialog(db)
    dialog.show()
    dialog.login.setText("demo-coord")
    dialog.password.setText("xxxxxxxx")
    settle()
    dialog.grab().save(str(OUT / "shell_sign_in.png"))
    print("sign-in dialog", dialog.size().toTuple())
    dialog.close()

    def window_for(login: str) -> MainWindow:
        user = accounts.authenticate(db, login, login + "-pass")
        db.actor = user.login
        window = MainWindow(AppContext(db=db, user=user))
        window.resize(*SIZE)
        window.show()
        settle()
        return window

    coord = window_for("demo-coord")
    coord.show_screen("home")
    home = coord.pages["home"]
    for _ in range(50):
        if home.figures is not None:
            break
        settle(100)
    settle()
    coord.grab().save(str(OUT / "shell_home.png"))
    coord.lock.lock("manual")
    settle()
    coord.grab().save(str(OUT / "shell_lock.png"))
    coord.lock.try_unlock("demo-coord-pass")
    coord.close()

    boss = window_for("demo-admin")
    boss.show_screen("settings", "accounts")
    settle()
    boss.grab().save(str(OUT / "shell_main_window.png"))
    boss.show_screen("settings", "audit")
    view = boss.pages["settings"].tab("audit")
    for _ in range(50):
        if view.model.rowCount():
            break
        settle(100)
    settle()
    boss.grab().save(str(OUT / "shell_audit.png"))
    boss.close()
    db.close()
    app.processEvents()
    print("written to", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
