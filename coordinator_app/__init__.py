"""coordinator-app: the daily tool of 社協支部 coordinators.

The package is split in two: everything outside ``coordinator_app.ui`` is
Qt-free (data model, storage, rules, import/export, reports) so the command
line and tests use it directly; ``coordinator_app.ui`` is the PySide6 shell.
"""

__version__ = "0.1.0"
