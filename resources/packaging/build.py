"""Build the one-folder app (PyInstaller) from this checkout.

    python3 resources/packaging/build.py            # -> dist/coordinator-app/

Installs PyInstaller (the pinned version below) into the running Python if
it is missing, then:

1. builds the project's wheel from a clean copy of the checkout and unpacks
   it into ``build/packaging/stage`` — so the frozen app holds exactly what
   ``pip install`` would install (``db/`` as ``coordinator_app.migrations``,
   ``resources/`` as ``coordinator_app.resources``, as pyproject.toml maps
   them), and nothing is read from the source tree at run time;
2. runs ``coordinator-app.spec`` on it.

The same command builds on Windows (``py resources\\packaging\\build.py``);
the installer is then made from ``dist\\coordinator-app`` by
``windows/coordinator-app.iss`` (see README, 「Windows 用のビルド」).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PYINSTALLER = "pyinstaller==6.22.3"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC = HERE / "coordinator-app.spec"
# What the wheel is built from: the checkout without its build products,
# caches and version control (a stale build/lib would end up in the wheel).
SKIP = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__",
                              "*.pyc", ".pytest_cache", ".hypothesis", "*.db", "*.db-*",
                              "tests", "docs", "packaging")


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        subprocess.run([sys.executable, "-m", "pip", "install", PYINSTALLER], check=True)


def stage_package(stage: Path) -> None:
    """The installed form of the package, unpacked from its wheel."""
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="coordinator-build-") as tmp:
        source = Path(tmp) / "source"
        shutil.copytree(ROOT, source, ignore=SKIP)
        wheels = Path(tmp) / "wheels"
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                        "--wheel-dir", str(wheels), str(source)],
                       check=True)
        (wheel,) = wheels.glob("coordinator_app-*.whl")
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(stage)
    missing = missing_from_wheel(stage)
    if missing:
        raise SystemExit("not in the wheel (add to [tool.setuptools] packages in "
                         "pyproject.toml): " + ", ".join(missing))


def missing_from_wheel(stage: Path) -> list[str]:
    """Packages of the checkout and migration files that the wheel lacks:
    pyproject.toml lists the packages one by one, and a new subpackage
    left out of that list would be missing from the app only when frozen
    (or pip-installed), never in the editable checkout."""
    package = stage / "coordinator_app"
    missing = [".".join(init.parent.relative_to(ROOT).parts)
               for init in (ROOT / "coordinator_app").rglob("__init__.py")
               if not (package / init.relative_to(ROOT / "coordinator_app")).is_file()]
    missing += [f"db/versions/{path.name}" for path in (ROOT / "db" / "versions").glob("*.py")
                if not (package / "migrations" / "versions" / path.name).is_file()]
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the app folder goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "packaging",
                        help="PyInstaller's work folder (default: build/packaging/)")
    args = parser.parse_args()
    dist, work = args.dist.resolve(), args.work.resolve()
    ensure_pyinstaller()
    stage = work / "stage"
    stage_package(stage)
    # Run outside the checkout: ``python -m`` puts the working directory on
    # sys.path, and the package must come from the stage only.
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
                    str(SPEC), "--", "--stage", str(stage)], check=True, cwd=work)
    print(f"built: {dist / 'coordinator-app'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
