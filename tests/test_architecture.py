"""The package's layout holds: imports flow one way, no cycles, modules of one idea, documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "linsteps"
MAX_LINES = 400

# Layers from the bottom up: a module may import its own package and any layer below it.
# ops and render stand side by side: neither imports the other.
LAYERS: dict[str, int] = {
    "errors": 0,
    "i18n": 0,
    "output": 0,
    "reading": 1,
    "derivation": 2,
    "ops": 3,
    "render": 3,
    "learn": 4,
    "assess": 5,
    "practice": 6,
    "cli": 7,
    "__init__": 8,
    "__main__": 8,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every linsteps module ``path`` imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("linsteps"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("linsteps"):
            module = str(node.module)
            submodules = {f"{module}.{alias.name}" for alias in node.names} & set(MODULES)
            # ``from package import module`` depends on the module, not on the package's
            # own __init__ (which Python runs for every import below it anyway).
            found.update(submodules or {module})
    return {name for name in found if name in MODULES}


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH: dict[str, set[str]] = {name: imports_of(path) - {name} for name, path in MODULES.items()}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_top_level_part_has_a_layer() -> None:
    assert {layer_of(m) for m in MODULES} <= set(LAYERS)


def test_imports_flow_one_way() -> None:
    wrong = []
    for module, targets in GRAPH.items():
        here = layer_of(module)
        for target in targets:
            there = layer_of(target)
            if there == here or there in ("errors", "i18n", "output"):
                continue
            if target == "linsteps" and here == "cli":
                continue  # the command line reads the version from the public package
            if LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module} -> {target}")
    assert not wrong, "imports against the declared order:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert not cycles, f"import cycles: {cycles}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines"


def test_every_package_is_described() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = sorted(
        p.parent.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("__init__.py")
    )
    missing = [name for name in packages if name != "." and f"`{name}/`" not in text]
    assert not missing, f"packages not described in docs/architecture.md: {missing}"
