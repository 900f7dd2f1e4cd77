"""The layer picture of the package (README, 開発者向け): which folder may
import which, and no import cycle between modules — function-local imports
included, since they run too (a cycle hidden in a function is still a
cycle a newcomer has to untangle).

Every module of ``coordinator_app`` (and the Alembic migrations in ``db/``,
installed as ``coordinator_app.migrations``) is read with ``ast``; nothing
is imported."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "coordinator_app"

# Which layer may import which (besides itself). Keep in step with README.
ALLOWED = {
    "core": set(),
    "storage": {"core"},  # the Alembic migrations (db/) included
    "interchange": {"core", "storage"},
    "reports": {"core"},
    "services": {"core", "storage", "interchange", "reports"},
    "ui": {"core", "services"},
    "cli": {"core", "services"},
    "": {"cli"},  # coordinator_app/__init__.py and __main__.py
}
# The one exception: the command line launches the window.
EXCEPTIONS = {("coordinator_app.cli", "coordinator_app.ui.app")}


def package_modules(root: Path = ROOT) -> dict[str, Path]:
    """Module name → file, for the package and the migrations folder."""
    found = {}
    for base, name in ((root / PACKAGE, PACKAGE), (root / "db", f"{PACKAGE}.migrations")):
        for path in sorted(base.rglob("*.py")):
            parts = list(path.relative_to(base).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([name, *parts])] = path
    return found


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> list[tuple[int, str]]:
    """(line, imported module of the package) for every import statement in
    the file, at any depth; ``from a import b`` names a.b when that is a
    module, else a; relative imports are resolved."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            targets = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules
                       else origin for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules and target.startswith(PACKAGE + "."):
                target = target.rpartition(".")[0]  # import a.b.c where c is a name in a.b
            if target in modules and target != module:
                out.append((node.lineno, target))
    return out


def layer_of(module: str) -> str:
    """The folder a module lives in: ``core``, ``storage`` (with the
    migrations), …; "" for the top-level modules."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] in ("__main__",):
        return ""
    return "storage" if parts[1] == "migrations" else parts[1]


def graph(root: Path = ROOT) -> tuple[dict[str, Path], dict[str, list[tuple[int, str]]]]:
    modules = package_modules(root)
    return modules, {m: imports_of(m, p, modules) for m, p in modules.items()}


def layer_violations(modules: dict[str, Path], edges: dict[str, list[tuple[int, str]]]) -> list[str]:
    bad = []
    for module, imported in sorted(edges.items()):
        layer = layer_of(module)
        for line, target in imported:
            other = layer_of(target)
            if (other == layer or other in ALLOWED[layer] or target == PACKAGE  # __version__
                    or (module, target) in EXCEPTIONS):
                continue
            bad.append(f"{modules[module]}:{line}: {layer or 'top'} -> {target}")
    return bad


def cycles(edges: dict[str, list[tuple[int, str]]]) -> list[list[str]]:
    """The strongly connected components with more than one module
    (Tarjan), each as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:
        nonlocal counter
        work = [(start, iter(sorted({t for _, t in edges.get(start, [])})))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted({t for _, t in edges.get(child, [])}))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return sorted(found)


def test_every_import_follows_the_layer_picture():
    modules, edges = graph()
    assert len(modules) > 100 and sum(map(len, edges.values())) > 300  # the walk saw the package
    assert layer_violations(modules, edges) == []


def test_no_import_cycle_between_modules():
    _modules, edges = graph()
    assert cycles(edges) == []


def test_the_checks_catch_a_bad_import_and_a_cycle(tmp_path):
    """The checker itself, on a small package: a screen reaching storage
    from inside a function, and a cycle through a function-local relative
    import, are both found."""
    pkg = tmp_path / PACKAGE
    for folder in ("core", "storage", "services", "ui"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (tmp_path / "db").mkdir()
    (pkg / "core" / "rules.py").write_text("X = 1\n")
    (pkg / "storage" / "files.py").write_text("from coordinator_app.core.rules import X\n")
    (pkg / "services" / "a.py").write_text("def f():\n    from . import b\n")
    (pkg / "services" / "b.py").write_text("from coordinator_app.services.a import f\n")
    (pkg / "ui" / "screen.py").write_text(
        "from coordinator_app.services import a\n\n"
        "def show():\n    from coordinator_app.storage.files import X\n")
    modules, edges = graph(tmp_path)
    assert layer_violations(modules, edges) == [
        f"{pkg / 'ui' / 'screen.py'}:4: ui -> coordinator_app.storage.files"]
    assert cycles(edges) == [["coordinator_app.services.a", "coordinator_app.services.b"]]
