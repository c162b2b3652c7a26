"""Every routing module the networks are built with keys the routes kept from them."""

from __future__ import annotations

import ast
from pathlib import Path

import movemap.routing
from movemap.routing import VERSIONED_ELSEWHERE, VERSIONED_MODULES

ROUTING = Path(movemap.routing.__file__).parent


def _routing_imports(module: str) -> set[str]:
    """The movemap.routing modules ``module``'s source imports, anywhere in it (at the top,
    inside a function, under TYPE_CHECKING)."""
    tree = ast.parse((ROUTING / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "movemap.routing":  # from movemap.routing import facing
                found.update(a.name for a in node.names if (ROUTING / f"{a.name}.py").exists())
            elif node.module.startswith("movemap.routing."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names
                         if a.name.startswith("movemap.routing."))
    return found


def test_every_module_network_building_imports_is_versioned() -> None:
    seen: set[str] = set()
    todo = ["network"]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(_routing_imports(module))
    assert {"network", "facing", "relief", "borders", "countries"} <= seen  # the walk works
    assert seen - set(VERSIONED_MODULES) == set()


def test_every_versioned_module_exists() -> None:
    assert all((ROUTING / f"{name}.py").exists() for name in VERSIONED_MODULES)
    assert all((ROUTING.parent / f"{name}.py").exists() for name in VERSIONED_ELSEWHERE)


def _other_imports(module: str) -> set[str]:
    """The movemap modules outside movemap.routing that ``module``'s source imports."""
    tree = ast.parse((ROUTING / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module else
                 [a.name for a in node.names] if isinstance(node, ast.Import) else [])
        found.update(n.split(".")[1] for n in names
                     if n.startswith("movemap.") and not n.startswith("movemap.routing"))
    return found


def test_every_module_elsewhere_that_computes_is_versioned() -> None:
    # a change to movemap.sphere (the chord-to-km conversion) changes every route's length
    naming_only = {"errors", "geodata", "textfile", "model"}
    outside = set().union(*(_other_imports(m.stem) for m in ROUTING.glob("*.py")))
    assert "sphere" in outside  # the walk works
    assert outside - naming_only <= set(VERSIONED_ELSEWHERE)
