"""The documentation stays true: help texts carry examples, links point at real files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import _COMMANDS, cli

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert re.search(r"Examples?", result.stdout)
    assert "movemap " + command in result.stdout


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("movemap, version ")


@pytest.mark.parametrize("document", ["README.md", *sorted(
    str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))])
def test_links_point_at_files(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    base = (ROOT / document).parent
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        if "://" not in target:
            assert (base / target).exists(), f"{document} links to missing {target}"


def test_help_of_the_dataset_is_useful() -> None:
    import pydoc

    import movemap

    text = pydoc.render_doc(movemap.Dataset, renderer=pydoc.plaintext)
    for words in ("to_geodataframe", "explore", "status", "read_dataset"):
        assert words in text


def test_notebook_guide_code_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The guide's Python blocks, run in order from a checkout-like folder, do what they say."""
    text = (ROOT / "docs" / "notebook-guide.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 3
    (tmp_path / "layers").symlink_to(ROOT / "layers")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile("\n".join(blocks), "docs/notebook-guide.md", "exec"), namespace)
    assert len(namespace["subset"].legs) >= 1  # type: ignore[attr-defined]
    png = tmp_path / "out" / "map.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_notebook_and_guide_use_the_public_api_only() -> None:
    """Users start from ``import movemap``: no internal module in the guide or the notebook."""
    guide = (ROOT / "docs" / "notebook-guide.md").read_text(encoding="utf-8")
    cells = json.loads((ROOT / "notebooks" / "explore-routes.ipynb").read_text(encoding="utf-8"))
    code = [guide, *("".join(c["source"]) for c in cells["cells"] if c["cell_type"] == "code")]
    assert "import movemap\n" in guide and "import movemap\n" in code[1]
    for text in code:
        assert not re.findall(r"(?:from|import) movemap\.\w+", text)


def test_design_lists_every_module() -> None:
    """DESIGN.md's module table names each module of the package, and no module that is gone."""
    import movemap

    design = (ROOT / "DESIGN.md").read_text(encoding="utf-8")
    cells = re.findall(r"^\| (`[^|]+`) \|", design, flags=re.M)  # the table's first column
    listed = {name for cell in cells for name in re.findall(r"`([\w/]+)`", cell)}
    package = Path(movemap.__file__).parent
    modules = {p.relative_to(package).with_suffix("").as_posix() for p in package.rglob("*.py")}
    modules = {m.removesuffix("/__init__") for m in modules} - {"__init__", "__main__"}
    for module in modules:
        top = module.split("/")[0]
        assert (module in listed or top + "/" in listed
                or any(name.startswith(module + "/") for name in listed)), module
    for name in listed:
        assert name.rstrip("/") in modules or name.rstrip("/") in {
            m.split("/")[0] for m in modules}, f"DESIGN.md lists {name}, which is gone"
