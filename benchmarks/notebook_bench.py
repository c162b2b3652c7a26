"""Bytes per inline map in a notebook, and status() as a DataFrame, against the baseline.

Run with ``python benchmarks/notebook_bench.py``. Prints, for the reference dataset and a
10,000-leg generated dataset:

- the bytes of one inline display before this change (``Dataset.explore()``: a folium map
  whose iframe carries the whole page, HTML-escaped, every time), rendered by the commit
  before it (``BASELINE``, checked out into a temporary git worktree and run in a subprocess
  with this checkout's Leaflet assets);
- with this checkout: the first ``explore()`` display of a kernel session (Leaflet, movemap's
  script, the basemap and the data), a later display (the data), and a later display of
  another part of the data (its own basemap, no Leaflet);

and the median time of ``movemap.status()`` over 20,000 legs as a GeoDataFrame beside the
records it is built from (``movemap.positions``), measured in the same run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import movemap
from movemap.io.yaml import write_yaml
from movemap.render import inline
from release import checkout
from render_bench import generated

ROOT = Path(__file__).parent.parent
BASELINE = "277d34f"  # main before issue 19
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"
BASELINE_CODE = ("import sys, movemap; "
                 "print(len(movemap.read_dataset(sys.argv[1]).explore()._repr_html_()))")


def _baseline_bytes(tree: Path, dataset: Path) -> int:
    done = subprocess.run([sys.executable, "-c", BASELINE_CODE, str(dataset)], check=True,
                          capture_output=True, text=True, cwd=str(tree),
                          env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin",
                               "HOME": str(Path.home()),
                               **{k: v for k, v in os.environ.items()
                                  if k == "MOVEMAP_CACHE_DIR"}})
    return int(done.stdout.strip().splitlines()[-1])


def _median(run: Callable[[], object], times: int = 3) -> float:
    spans = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        spans.append(time.perf_counter() - start)
    return statistics.median(spans)


def _displays(located: movemap.Located, part: list[str]) -> tuple[int, int, int]:
    inline.forget_sent()
    first = len(located.explore()._repr_html_())
    again = len(located.explore(on=date(2024, 10, 20))._repr_html_())
    other = len(located.explore(units=part)._repr_html_())
    inline.forget_sent()
    return first, again, other


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        many = folder / "many.yaml"
        write_yaml(generated(10_000), many)
        with checkout(BASELINE, folder / "baseline") as tree:
            print(f"{'inline display, bytes':<34}{'baseline':>12}{'first':>12}{'later':>12}"
                  f"{'other part':>12}")
            for label, path, part in (("reference (8 legs)", REFERENCE, ["first-echelon"]),
                                      ("generated (10,000 legs)", many, ["u0"])):
                before = _baseline_bytes(tree, path)
                located = movemap.locate(movemap.read_dataset(path))
                first, again, other = _displays(located, part)
                print(f"{label:<34}{before:>12,}{first:>12,}{again:>12,}{other:>12,}")

    big = movemap.locate(generated(20_000))
    day = date(2024, 6, 1)
    records = _median(lambda: movemap.positions(big, day))
    frame = _median(lambda: movemap.status(big, day))
    rows = len(movemap.status(big, day))
    print(f"status over 20,000 legs ({rows} rows): records {records * 1000:,.0f} ms, "
          f"GeoDataFrame {frame * 1000:,.0f} ms (+{(frame - records) * 1000:,.0f} ms)")


if __name__ == "__main__":
    main()
