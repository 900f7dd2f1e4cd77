"""What the installed (or frozen) app holds: pyproject.toml lists the
packages one by one, so a subpackage left out of the list works in the
editable checkout and is missing from `pip install .` and from the
PyInstaller build (resources/packaging/), which is made from the wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _source_dir(package: str, package_dir: dict[str, str]) -> Path:
    """Where setuptools takes a package from (the longest mapped prefix)."""
    parts = package.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in package_dir:
            return ROOT / package_dir[prefix] / Path(*parts[n:])
    return ROOT / Path(*parts)


def test_every_package_of_the_checkout_is_listed():
    config = _setuptools()
    listed = set(config["packages"])
    in_tree = {".".join(init.parent.relative_to(ROOT).parts)
               for init in (ROOT / "coordinator_app").rglob("__init__.py")}
    assert sorted(in_tree - listed) == []


def test_every_listed_package_exists_where_setuptools_looks():
    config = _setuptools()
    package_dir = config.get("package-dir", {})
    missing = [name for name in config["packages"]
               if not (_source_dir(name, package_dir) / "__init__.py").is_file()]
    assert missing == []
