"""Screenshots of encryption at rest (issue 9):

    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/screenshots/shot_encryption.py

writes docs/screenshots/encryption_recovery_key.png (the recovery key shown
once after the first run) and encryption_convert.png (the conversion
offered to an administrator who opens a plain database)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from coordinator_app.ui.encryption_dialogs import (  # noqa: E402
    ConvertOfferDialog,
    RecoveryKeyDialog,
)
from coordinator_app.ui.theme import setup_fonts  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def shoot(app, widget, name: str) -> None:
    widget.show()
    widget.adjustSize()
    for _ in range(5):
        app.processEvents()
    path = OUT / name
    widget.grab().save(str(path))
    print(path, widget.width(), widget.height())


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_fonts(app)
    OUT.mkdir(parents=True, exist_ok=True)
    db = Path.home() / "Documents" / "社協" / "coordinator.db"
    key = RecoveryKeyDialog("K7QM-2XRD-9HWP-4TNB-6JCF-8VLS-3GZA", str(db))
    shoot(app, key, "encryption_recovery_key.png")
    offer = ConvertOfferDialog(db, "admin")
    shoot(app, offer, "encryption_convert.png")


if __name__ == "__main__":
    main()
