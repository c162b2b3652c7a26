"""The package's imports run one way: cli -> render/export/extract -> located -> routing and
gazetteer -> io -> model -> core. Every import counts, also those inside functions and
those only for type checking (``if TYPE_CHECKING:``)."""

from __future__ import annotations

import ast
from pathlib import Path

import movemap

PACKAGE = Path(movemap.__file__).parent

# Highest first. A module may import its own layer and those below it.
LAYERS: list[tuple[str, ...]] = [
    ("movemap.cli", "movemap.__main__"),
    ("movemap.render", "movemap.export", "movemap.extract", "movemap.fusion"),
    ("movemap.located", "movemap.queries", "movemap.frames", "movemap.validate"),
    ("movemap.routing", "movemap.gazetteer", "movemap.refs", "movemap.areas"),
    ("movemap.io", "movemap.schema"),
    ("movemap.model", "movemap.summary", "movemap.style", "movemap.symbols", "movemap.dates"),
    ("movemap.errors", "movemap.cache", "movemap.engine", "movemap.geodata", "movemap.sphere",
     "movemap.textfile", "movemap.timing", "movemap.countries", "movemap.unpickle"),
]

# The only arrows against the order: the public facade (``import movemap``, which only the
# CLI may use, for the version), and the thin methods by which a dataset hands itself to a
# higher layer (``dataset.locate()``, ``dataset.explore()`` in a notebook): each is one lazy
# import inside one named method, and the model names their return types for type checking.
FACADE = "movemap"
DELEGATES = {
    ("movemap.model", "Dataset.locate"): "movemap.located",
    ("movemap.model", "Dataset.resolve"): "movemap.refs",
    ("movemap.model", "Dataset.status"): "movemap.frames",
    ("movemap.model", "Dataset.timeline"): "movemap.frames",
    ("movemap.model", "Dataset.explore"): "movemap.render.inline",
    ("movemap.model", "Dataset.to_geodataframe"): "movemap.located",
    ("movemap.model", "Dataset.to_trajectories"): "movemap.export.trajectories",
    ("movemap.model", "Dataset.from_geodataframe"): "movemap.io.geojson",
    ("movemap.model", "Dataset.to_dict"): "movemap.io.records",
    ("movemap.located", "Located.explore"): "movemap.render.inline",
}
DELEGATE_TYPES = {"movemap.model": {"movemap.gazetteer", "movemap.located", "movemap.queries",
                                    "movemap.routing"}}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    for rank, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


class _Imports(ast.NodeVisitor):
    """Every ``movemap`` import of a module, with the function it is in (if any)."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.scope: list[str] = []
        self.found: list[tuple[str, str, int]] = []  # (imported, scope, line)
        self.typing_only: set[int] = set()  # lines of imports under ``if TYPE_CHECKING:``

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
                isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"):
            for child in ast.walk(ast.Module(body=node.body, type_ignores=[])):
                if isinstance(child, ast.Import | ast.ImportFrom):
                    self.typing_only.add(child.lineno)
        self.generic_visit(node)

    def _visit_scope(self, node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _visit_scope

    def _add(self, name: str, line: int) -> None:
        if name == "movemap" or name.startswith("movemap."):
            self.found.append((name, ".".join(self.scope), line))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            package = self.module if self.is_package else self.module.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        if base == "movemap":
            # ``from movemap import cache`` imports a module; ``from movemap import X``
            # otherwise goes through the facade
            for alias in node.names:
                sub = PACKAGE / alias.name
                if sub.with_suffix(".py").is_file() or (sub / "__init__.py").is_file():
                    self._add(f"movemap.{alias.name}", node.lineno)
                else:
                    self._add("movemap", node.lineno)
        else:
            self._add(base, node.lineno)


def _all_imports() -> list[tuple[str, str, str, int, bool]]:
    """(module, imported, scope, line, for type checking only) for every movemap import."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        visitor = _Imports(module, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        out += [(module, imported, scope, line, line in visitor.typing_only)
                for imported, scope, line in visitor.found]
    return out


def test_every_module_has_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        module = _module_name(path)
        if module != FACADE:
            _layer(module)


def test_imports_point_down() -> None:
    imports = _all_imports()
    assert len(imports) > 100  # the walk found the package's imports
    wrong = []
    for module, imported, scope, line, typing_only in imports:
        if module == FACADE or imported == module:
            continue
        if imported == FACADE:
            if _layer(module) != 0:
                wrong.append(f"{module}:{line} imports the facade `movemap`; import the module")
            continue
        if DELEGATES.get((module, scope)) == imported:
            continue
        if typing_only and ".".join(imported.split(".")[:2]) in DELEGATE_TYPES.get(module, ()):
            continue
        if _layer(imported) < _layer(module):
            wrong.append(f"{module}:{line} ({scope or 'top'}) imports {imported}, a higher layer")
    assert not wrong, "\n".join(wrong)


def test_the_check_catches_an_arrow_upward(tmp_path: Path) -> None:
    """The visitor sees imports inside functions and relative ones."""
    visitor = _Imports("movemap.io.yaml", False)
    visitor.visit(ast.parse("def f():\n    from ..routing import route\n"
                            "    import movemap.render\n"))
    assert [(i, s) for i, s, _ in visitor.found] == [("movemap.routing", "f"),
                                                    ("movemap.render", "f")]
    assert _layer("movemap.routing") < _layer("movemap.io.yaml")


def test_delegates_are_single_imports() -> None:
    """Each allowed upward import is really inside its named method (no stale entries)."""
    found = {(m, s): i for m, i, s, _, _ in _all_imports()}
    for (module, scope), imported in DELEGATES.items():
        assert found.get((module, scope)) == imported, (module, scope)
