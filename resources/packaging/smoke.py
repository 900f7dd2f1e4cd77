"""Smoke test of the frozen one-folder app, run FROM THE BUILD. Not part of
the default test run:

    python3 resources/packaging/smoke.py             # build, then test the build
    python3 resources/packaging/smoke.py --no-build  # test dist/coordinator-app as it is

The app folder is copied to a fresh temporary folder and run from there,
with the working directory, home and data folders inside that temporary
folder and no PYTHON* variables, so nothing of the checkout or of the
developer's Python can be used. Then:

1. ``--version``; ``init --sample``; ``export tallies`` and
   ``print contacts`` (signed in as the demo coordinator); an encrypted
   database (``init --encrypt``, SQLCipher) created and read back; ``init``
   with no ``--db`` lands in the per-user data folder
   (``~/.local/share/coordinator-app`` on Linux, ``%LOCALAPPDATA%\\coordinator-app``
   on Windows — there only on a CI runner, ``$CI`` set, to keep a
   person's own data folder untouched).
2. On Linux, the export is run again under ``strace``: no file of the
   checkout may be opened.
3. The window (``coordinator-app-window``) on the sample database up to the
   sign-in dialog, found by its title; a screenshot is saved. On Linux an
   Xvfb server is started when ``$DISPLAY`` is not set.
4. Size of the build, and the start time (fresh process, spawn to exit /
   to the sign-in dialog on screen) of the build against the source
   install (``python -m coordinator_app``): first run and median.

Prints a report and writes it as JSON next to the screenshot; exits 1 when
a check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
SIGN_IN_TITLE = "サインイン — コーディネーターアプリ"  # ui/sign_in.py
LOGIN, PASSWORD = "demo-coord", "demo-coord-pass"  # services/accounts.DEMO_ACCOUNTS
WINDOW_TIMEOUT_S = 120


class SmokeFailure(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)
    print(f"  ok  {what}")


def source_version() -> str:
    text = (ROOT / "coordinator_app" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def fiscal_year_today() -> int:
    # The demo data run up to today; the fiscal year starts in April.
    today = time.localtime()
    return today.tm_year if today.tm_mon >= 4 else today.tm_year - 1


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


class Sandbox:
    """A temporary home, data folder and working directory; the app copy."""

    def __init__(self, base: Path, dist: Path) -> None:
        self.base = base
        self.app = base / "app"
        shutil.copytree(dist, self.app, symlinks=True)
        self.home = base / "home"
        self.work = base / "work"
        self.out = base / "out"
        for folder in (self.home, self.work, self.out):
            folder.mkdir()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHON", "COORDINATOR_APP_", "XDG_"))}
        env.update(HOME=str(self.home), XDG_DATA_HOME=str(self.home / ".local" / "share"),
                   XDG_CONFIG_HOME=str(self.home / ".config"),
                   XDG_CACHE_HOME=str(self.home / ".cache"))
        self.env = env

    def exe(self, name: str = "coordinator-app") -> str:
        return str(self.app / f"{name}{EXE}")

    def run(self, args: list[str], *, password: str | None = None,
            prefix: list[str] = ()) -> subprocess.CompletedProcess:
        env = dict(self.env)
        if password is not None:
            env["COORDINATOR_APP_PASSWORD"] = password
        return subprocess.run([*prefix, self.exe(), *args], check=False, cwd=self.work, env=env,
                              capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=600)


def command_line(box: Sandbox, report: dict) -> Path:
    print("command line, from the build:")
    done = box.run(["--version"])
    check(done.returncode == 0 and done.stdout.strip() == source_version(),
          f"--version prints {source_version()} (got {done.stdout.strip()!r})")

    db = box.out / "branch.db"
    done = box.run(["--db", str(db), "init", "--sample"])
    check(done.returncode == 0 and db.is_file(),
          f"init --sample: {done.stdout.strip().splitlines()[0] if done.stdout else done.stderr}")

    tallies = box.out / "集計 R.csv"  # a Japanese file name with a space
    fy = fiscal_year_today()
    done = box.run(["--db", str(db), "--user", LOGIN, "export", "tallies",
                    "--fiscal-year", str(fy), "--out", str(tallies)], password=PASSWORD)
    rows = tallies.read_text(encoding="utf-8-sig").splitlines() if tallies.is_file() else []
    check(done.returncode == 0 and len(rows) > 1 and rows[0].startswith("fiscal_year,"),
          f"export tallies --fiscal-year {fy}: {len(rows) - 1} rows")
    report["tally_rows"] = len(rows) - 1

    pdf = box.out / "連絡先.pdf"
    done = box.run(["--db", str(db), "--user", LOGIN, "print", "contacts", "--list", "branches",
                    "--out", str(pdf)], password=PASSWORD)
    check(done.returncode == 0 and pdf.read_bytes()[:5] == b"%PDF-",
          f"print contacts --list branches: {pdf.stat().st_size if pdf.exists() else 0} bytes")
    if shutil.which("pdftotext"):  # the bundled font is embedded: the Japanese text reads back
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=False, capture_output=True,
                              text=True).stdout
        check("支部拠点一覧" in text, "the PDF's Japanese text reads back (bundled font)")

    encrypted = box.out / "encrypted.db"
    done = box.run(["--db", str(encrypted), "--user", "admin", "init", "--encrypt"],
                   password="smoke-test-passphrase-1")
    check(done.returncode == 0 and encrypted.is_file()
          and not encrypted.read_bytes()[:16].startswith(b"SQLite format 3"),
          "init --encrypt makes a SQLCipher file (no plain SQLite header)")
    done = box.run(["--db", str(encrypted), "--user", "admin", "export", "tallies",
                    "--fiscal-year", str(fy), "--out", str(box.out / "enc.csv")],
                   password="smoke-test-passphrase-1")
    check(done.returncode == 0, "the encrypted database opens again"
                                + (f": {done.stderr.strip()}" if done.returncode else ""))

    if WINDOWS and not os.environ.get("CI"):
        print("  --  default data folder: skipped (Windows, not a CI runner)")
    else:
        if WINDOWS:
            data_dir = Path(os.environ["LOCALAPPDATA"]) / "coordinator-app"
        else:
            data_dir = box.home / ".local" / "share" / "coordinator-app"
        existed = (data_dir / "coordinator.db").exists()
        done = box.run(["init"])
        check(done.returncode == 0 and (data_dir / "coordinator.db").is_file() and not existed,
              f"init without --db creates {data_dir / 'coordinator.db'}")
        report["default_data_folder"] = str(data_dir)
    return db


def no_checkout_files(box: Sandbox, db: Path) -> None:
    """Every file the frozen app opens, stats or lists: none in the checkout."""
    if WINDOWS or not shutil.which("strace"):
        print("  --  strace check: skipped (no strace)")
        return
    log = box.out / "strace.log"
    done = box.run(["--db", str(db), "--user", LOGIN, "export", "tallies", "--month",
                    time.strftime("%Y-%m"), "--out", str(box.out / "month.csv")],
                   password=PASSWORD, prefix=["strace", "-f", "-e", "trace=%file", "-o", str(log)])
    seen = log.read_text(errors="replace")
    check(done.returncode == 0 and str(box.app) in seen and str(ROOT) not in seen,
          f"under strace: the app reads its files from the copy, none from {ROOT}")
    # The dynamic loader searches libpython's build-time RUNPATH (and finds nothing
    # there); no file of the developer's Python is actually opened.
    found = [line for line in seen.splitlines()
             if sys.base_prefix in line and "open" in line and "= -1 " not in line]
    check(not found, f"under strace: no file of the build machine's Python ({sys.base_prefix}) "
                     f"is used{': ' + found[0] if found else ''}")


# --- the window -------------------------------------------------------------

def _x_window_shown(env: dict) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", SIGN_IN_TITLE],
                           check=False, env=env, capture_output=True, text=True)
    return bool(found.stdout.strip())


def _windows_window_shown(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.windll.user32
    found = []

    @ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)
    def visit(hwnd, _):
        owner = wintypes.DWORD()
        user32.GetWindowThreadProcessId(hwnd, ctypes.byref(owner))
        if owner.value == pid and user32.IsWindowVisible(hwnd):
            buffer = ctypes.create_unicode_buffer(256)
            user32.GetWindowTextW(hwnd, buffer, 256)
            if buffer.value == SIGN_IN_TITLE:
                found.append(hwnd)
        return True

    user32.EnumWindows(visit, 0)
    return bool(found)


def time_to_sign_in(command: list[str], cwd: Path, env: dict, screenshot: Path | None) -> float:
    """Seconds from spawn to the sign-in dialog on screen; the process is
    then ended."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=not WINDOWS)
    try:
        while True:
            shown = (_windows_window_shown(process.pid) if WINDOWS else _x_window_shown(env))
            if shown:
                elapsed = time.perf_counter() - start
                break
            if process.poll() is not None:
                raise SmokeFailure(f"the window ended before the sign-in dialog: "
                                   f"{process.stderr.read().decode(errors='replace')[-2000:]}")
            if time.perf_counter() - start > WINDOW_TIMEOUT_S:
                raise SmokeFailure("no sign-in dialog within "
                                   f"{WINDOW_TIMEOUT_S} s")
            time.sleep(0.02)
        if screenshot is not None:
            time.sleep(1.0)  # let it paint
            from PIL import ImageGrab

            image = (ImageGrab.grab() if WINDOWS
                     else ImageGrab.grab(xdisplay=env["DISPLAY"]))
            image.save(screenshot)
        return elapsed
    finally:
        if WINDOWS:
            process.kill()
        else:  # the whole group: under strace the app is strace's child
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        # The X server may list the dialog a moment after its process ended: the
        # next run must not find this one.
        for _ in range(250):
            if WINDOWS or not _x_window_shown(env):
                break
            time.sleep(0.02)


class Display:
    """$DISPLAY, or an Xvfb server of our own (1366×768) while in use, on a
    display number well above the ones xvfb-run and desktops take. Reached
    over TCP on 127.0.0.1: on a shared machine another job's clean-up may
    delete the sockets in /tmp/.X11-unix, and may end the server too —
    ``current()`` then starts a new one (counted in ``restarts``)."""

    def __init__(self) -> None:
        self.server = None
        self.name = os.environ.get("DISPLAY") if not WINDOWS else None
        self.own = not WINDOWS and not self.name
        self.restarts = -1

    def __enter__(self) -> Self:
        return self

    @staticmethod
    def _answers(number: int) -> bool:
        import socket

        with socket.socket() as probe:
            probe.settimeout(0.2)
            return probe.connect_ex(("127.0.0.1", 6000 + number)) == 0

    def current(self) -> str | None:
        if not self.own or (self.server is not None and self.server.poll() is None):
            return self.name
        self.restarts += 1
        number = next(n for n in range(150, 400)
                      if not Path(f"/tmp/.X{n}-lock").exists() and not self._answers(n))
        self.server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24",
                                        "-listen", "tcp"], stderr=subprocess.DEVNULL)
        for _ in range(250):
            if self._answers(number):
                self.name = f"127.0.0.1:{number}"
                return self.name
            if self.server.poll() is not None:
                break
            time.sleep(0.02)
        self.__exit__()
        raise SmokeFailure(f"Xvfb :{number} did not start")

    def lost(self) -> bool:
        return self.own and self.server is not None and self.server.poll() is not None

    def env(self, base: dict) -> dict:
        env = dict(base)
        env.pop("QT_QPA_PLATFORM", None)
        name = self.current()
        if name:
            env["DISPLAY"] = name
        return env

    def __exit__(self, *exc) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait()


def _system_font(path: str) -> bool:
    """A font the machine has installed (fontconfig's directories)."""
    return path.startswith(("/usr/share/fonts/", "/usr/local/share/fonts/",
                            "/var/cache/fontconfig/"))


def window(box: Sandbox, db: Path, display: Display, shots: Path, report: dict) -> None:
    print("window, from the build:")
    env = display.env(box.env)
    shot = shots / "frozen-sign-in.png"
    log = box.out / "strace-window.log"
    traced = not WINDOWS and shutil.which("strace")
    prefix = ["strace", "-f", "-e", "trace=openat", "-o", str(log)] if traced else []
    seconds = time_to_sign_in([*prefix, box.exe("coordinator-app-window"), "--db", str(db)],
                              box.work, env, shot)
    check(shot.is_file(), f"sign-in dialog on screen after {seconds:.2f} s"
                          f"{' (under strace)' if traced else ''}; screenshot {shot}")
    report["screenshot"] = str(shot)
    if traced:  # the bundled font and both translation catalogues, from the copy
        seen = log.read_text(errors="replace")
        check(str(ROOT) not in seen, f"under strace: the window opens nothing in {ROOT}")
        opened = [line.split('"')[1] for line in seen.splitlines()
                  if "openat(" in line and '"' in line and "= -1 " not in line]
        for name in ("ipaexg.ttf", "coordinator_app_ja.qm", "qtbase_ja.qm"):
            where = [path for path in opened if path.endswith("/" + name)]
            ours = [path for path in where if path.startswith(str(box.app))]
            # fontconfig reads every installed font when its cache is cold or
            # stale (a fresh CI machine), so a system copy of the same font
            # may be opened by that scan; the app's own load is the build's
            # copy, and nothing may come from anywhere else
            others = [path for path in where if path not in ours
                      and not (name.endswith(".ttf") and _system_font(path))]
            check(bool(ours) and not others,
                  f"the window loads {name} from the build: {(others or ours or where)[:1]}")
            scanned = [path for path in where if path not in ours and path not in others]
            if scanned:
                print(f"      (fontconfig's scan of the installed fonts also read {scanned[0]})")


# --- numbers -----------------------------------------------------------------

def _children_cpu() -> float:
    """CPU seconds of the finished child processes so far (POSIX): less
    swayed than wall time by other work on a shared machine."""
    if WINDOWS:
        return float("nan")
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timings(box: Sandbox, db: Path, display: Display, runs: int, report: dict) -> None:
    print(f"start times ({runs} runs each, interleaved, fresh process every run):")
    source = [sys.executable, "-m", "coordinator_app"]

    def version_time(command: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run([*command, "--version"], cwd=box.work, env=box.env,
                       capture_output=True, check=True)
        return time.perf_counter() - start

    cases = {
        "version_frozen": lambda: version_time([box.exe()]),
        "version_source": lambda: version_time(source),
        "window_frozen": lambda: time_to_sign_in(
            [box.exe("coordinator-app-window"), "--db", str(db)], box.work,
            display.env(box.env), None),
        "window_source": lambda: time_to_sign_in(
            [*source, "--db", str(db)], box.work, display.env(box.env), None),
    }
    wall = {name: [] for name in cases}
    cpu = {name: [] for name in cases}
    for _ in range(runs):  # frozen and source take turns, so both meet the same load
        for name, measure in cases.items():
            before = _children_cpu()
            try:
                seconds = measure()
            except SmokeFailure:
                if not display.lost():
                    raise
                before = _children_cpu()  # the X server was ended under it: once more
                seconds = measure()
            wall[name].append(seconds)
            cpu[name].append(_children_cpu() - before)
    for name in cases:
        values = wall[name]
        report[name] = {"first_s": round(values[0], 3),
                        "median_s": round(statistics.median(values), 3),
                        "median_cpu_s": round(statistics.median(cpu[name]), 3),
                        "runs": [round(v, 3) for v in values]}
        print(f"  {name:16s} first {values[0]:.2f} s, median {statistics.median(values):.2f} s"
              f" (CPU {statistics.median(cpu[name]):.2f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test the existing build")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "coordinator-app")
    parser.add_argument("--shots", type=Path,
                        default=Path(tempfile.gettempdir()) / "coordinator-smoke")
    parser.add_argument("--runs", type=int, default=5, help="runs per start-time measurement")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run([sys.executable, str(HERE / "build.py"), "--dist",
                        str(args.dist.parent)], check=True)
    args.shots.mkdir(parents=True, exist_ok=True)
    report = {"platform": sys.platform, "dist": str(args.dist),
              "size_bytes": folder_size(args.dist)}
    print(f"build: {args.dist}, {report['size_bytes'] / 2**20:.0f} MiB")
    try:
        with tempfile.TemporaryDirectory(prefix="coordinator-smoke-") as tmp, \
                Display() as display:
            box = Sandbox(Path(tmp), args.dist)
            db = command_line(box, report)
            no_checkout_files(box, db)
            window(box, db, display, args.shots, report)
            if args.runs:
                timings(box, db, display, args.runs, report)
            if display.restarts > 0:
                report["xvfb_restarts"] = display.restarts
                print(f"  (our Xvfb was ended from outside {display.restarts} time(s); restarted)")
    except SmokeFailure as failure:
        print(f"FAILED: {failure}")
        return 1
    finally:
        (args.shots / "smoke.json").write_text(json.dumps(report, indent=2, ensure_ascii=False),
                                               encoding="utf-8")
    print(f"all checks passed; report {args.shots / 'smoke.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
