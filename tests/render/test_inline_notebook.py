"""A notebook with two inline maps, executed by a real kernel, saved: small."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent.parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"


def test_executed_notebook_with_two_maps_stays_under_a_megabyte(tmp_path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    cells = [
        "import movemap\n"
        f"located = movemap.locate(movemap.read_dataset({str(REFERENCE)!r}))\n"
        "located",
        "located.explore()",
        'located.explore(on="2024-10-20")',
        'movemap.status(located, "2024-10-20")',
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(notebook, timeout=240, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    saved = tmp_path / "two-maps.ipynb"
    nbformat.write(notebook, saved)
    size = saved.stat().st_size
    assert size < 1_000_000, size
    html = ["".join(o["data"]["text/html"]) for c in notebook.cells for o in c["outputs"]
            if "text/html" in o.get("data", {})]
    assert len(html) == 4
    summary, first, second, frame = html
    assert "movemap.Located" in summary and "<table" in summary
    assert "Leaflet" in first and "Leaflet" not in second  # the shared parts went once
    assert "mm-inline" in first and "mm-inline" in second
    assert '"onDay":true' in second
    assert "second-echelon" in frame and "Vladivostok" in frame  # a DataFrame's table
