"""The one clock (coordinator_app/core/clock.py): tests and demos move it, the
package reads nothing else, and nothing reads it at import time (a date
frozen when the app started goes stale at midnight)."""

from __future__ import annotations

import ast
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator_app.core import clock
from coordinator_app.services import printing
from tests.conftest import TODAY

PACKAGE = Path(__file__).resolve().parent.parent / "coordinator_app"

# (owner, attribute): the machine's clock, read past coordinator_app/core/clock.py.
# Matched on the last name before the attribute, so ``dt.date.today``,
# ``datetime.date.today`` and ``date.today`` are all caught, called or not
# (``default=dt.datetime.now`` reads the clock later just the same).
# ``time.time()`` is left alone: it is how old a file is by its st_mtime,
# both facts of the machine's clock, not a day the app shows or records.
MACHINE_CLOCK = {("date", "today"), ("datetime", "now"), ("datetime", "today"),
                 ("datetime", "utcnow"), ("QDate", "currentDate"),
                 ("QDateTime", "currentDateTime"), ("QDateTime", "currentDateTimeUtc"),
                 ("QTime", "currentTime")}
CLOCK_READS = {"now", "today", "utcnow"}


def _owner(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")


def machine_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, "owner.attr") of every reference to the machine's clock."""
    return [(n.lineno, f"{_owner(n.value)}.{n.attr}") for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Attribute) and (_owner(n.value), n.attr) in MACHINE_CLOCK]


def _evaluated_at_import(tree: ast.Module):
    """The expressions a module runs when imported: its top-level code,
    class bodies, decorators and default values — not function bodies."""
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            args = node.args
            todo += [*args.defaults, *(d for d in args.kw_defaults if d is not None),
                     *getattr(node, "decorator_list", [])]
        elif isinstance(node, ast.ClassDef):
            todo += [*node.body, *node.decorator_list, *node.bases]
        else:
            yield node
            todo += [c for c in ast.iter_child_nodes(node)
                     if isinstance(c, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                       ast.ClassDef))]


def clock_reads_at_import(source: str) -> list[tuple[int, str]]:
    """(line, name) of calls to the clock made while the module is imported."""
    found = []
    for top in _evaluated_at_import(ast.parse(source)):
        stack = [top]
        while stack:
            n = stack.pop()
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue  # handled by _evaluated_at_import
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) \
                    and _owner(n.func.value) == "clock" and n.func.attr in CLOCK_READS:
                found.append((n.lineno, f"clock.{n.func.attr}"))
            stack += list(ast.iter_child_nodes(n))
    return found


def _package_sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE.parent), path.read_text(encoding="utf-8")


def test_the_package_reads_no_clock_but_clock_py():
    offenders = [f"{rel}:{line}: {name}" for rel, src in _package_sources()
                 if rel.name != "clock.py" or rel.parent.name != "core"
                 for line, name in machine_clock_reads(src)]
    assert offenders == []


def test_the_package_reads_the_clock_only_when_used():
    """Like the tally screen's fiscal year once was: a constant computed at
    import keeps yesterday's date in a window left open overnight."""
    offenders = [f"{rel}:{line}: {name}" for rel, src in _package_sources()
                 for line, name in clock_reads_at_import(src)]
    assert offenders == []


def test_the_source_checks_see_what_they_forbid():
    bad = ("import datetime as dt\nfrom datetime import date\n"
           "from PySide6.QtCore import QDate, QDateTime\n"
           "a = dt.date.today()\nb = date.today()\nc = dt.datetime.now(dt.timezone.utc)\n"
           "d = datetime.datetime.utcnow()\ne = QDate.currentDate()\n"
           "f = QDateTime.currentDateTime()\ng = dt.datetime.today()\n"
           "def h(when=dt.datetime.now): return when()\n")
    assert [line for line, _ in machine_clock_reads(bad)] == [4, 5, 6, 7, 8, 9, 10, 11]
    frozen = ("from coordinator_app.core import clock\nFY = clock.today().year\n"
              "class A:\n    DAY = clock.today()\n    def m(self, d=clock.now()):\n"
              "        return clock.today()\n"
              "def f():\n    return clock.today()\n")
    assert sorted(clock_reads_at_import(frozen)) == [(2, "clock.today"), (4, "clock.today"),
                                                     (5, "clock.now")]


@settings(max_examples=40, deadline=None)
@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 12, 31)))
def test_set_now_moves_now_today_and_utcnow_together(when):
    local_minus_utc = dt.datetime.now() - dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    clock.set_now(when)
    now, utc = clock.now(), clock.utcnow()
    assert when <= now < when + dt.timedelta(minutes=1)  # it runs on from there
    assert clock.today() in (when.date(), (when + dt.timedelta(minutes=1)).date())
    assert abs((now - utc) - local_minus_utc) < dt.timedelta(seconds=1)


def test_a_date_means_office_hours_and_reset_goes_back_to_the_machine():
    assert clock.today() == TODAY and clock.now().hour == 10  # the suite's fixture
    clock.set_now(dt.date(2028, 2, 29))
    assert clock.now().replace(second=0, microsecond=0) == dt.datetime(2028, 2, 29, 10, 0)
    clock.reset()
    assert abs(clock.now() - dt.datetime.now()) < dt.timedelta(seconds=1)


def _child_now(value: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop(clock.ENV_VAR, None)
    if value is not None:
        env[clock.ENV_VAR] = value
    return subprocess.run([sys.executable, "-c", "from coordinator_app.core import clock; "
                           "print(clock.now().isoformat(), clock.utcnow().isoformat())"],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("value, starts", [
    ("2027-03-31T23:30", "2027-03-31T23:30"),
    ("2028-02-29", "2028-02-29T10:00"),
    ("2027-04-01T00:10:05", "2027-04-01T00:10:05"),
])
def test_a_child_process_takes_its_day_from_the_environment(value, starts):
    done = _child_now(value)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0].startswith(starts)


def test_the_suite_gives_child_processes_its_day():
    assert os.environ[clock.ENV_VAR] == TODAY.isoformat()
    done = subprocess.run([sys.executable, "-c", "from coordinator_app.core import clock; "
                           "print(clock.today())"], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == TODAY.isoformat(), done.stderr


@pytest.mark.parametrize("value", ["2027-02-30", "tomorrow", "2027/03/31",
                                   "2027-03-31T10:00+09:00"])
def test_a_bad_day_in_the_environment_is_refused_by_name(value):
    done = _child_now(value)
    assert done.returncode != 0 and clock.ENV_VAR in done.stderr


def test_printed_pdfs_are_named_by_the_apps_clock(tmp_path):
    """The file name's time is the register's (the app's clock, a demo's
    day included), and a second print in the same second gets its own file."""
    clock.set_now(dt.datetime(2027, 3, 31, 23, 30))
    first = printing.print_path(tmp_path, "watch_users")
    assert first.name == "見守り電話確認リスト_20270331-233000.pdf"
    first.write_bytes(b"%PDF-1.4")
    second = printing.print_path(tmp_path, "watch_users")
    assert second.name == "見守り電話確認リスト_20270331-233000-2.pdf"
