"""The map page's weight and time to ready, against the previous release, in one run.

Run with ``python benchmarks/page_bench.py``. Renders the reference dataset and a
10,000-leg generated dataset with this checkout and with the previous release (commit
``a676895``, checked out into a temporary git worktree and run in a subprocess with this
checkout's Leaflet assets and the release's own cache folder, ``release.environment``), then
opens each page in Debian's Chromium three times and prints the file size and the median
time until the map is drawn and a day is set on the slider.
Target: within 5% of the previous release on both (the accessible page adds a heading,
a table and the keyboard handling; the policy adds one meta tag).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from movemap.io.yaml import write_yaml
from movemap.render import write_map
from movemap.validate import read_dataset
from release import PREVIOUS_RELEASE, checkout, environment
from render_bench import browser_ready, generated

ROOT = Path(__file__).parent.parent
PREVIOUS = PREVIOUS_RELEASE
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"


def _render_previous(tree: Path, dataset: Path, out: Path) -> None:
    code = ("import sys; from movemap.io import read_dataset; from movemap.render import "
            "write_map; write_map(read_dataset(sys.argv[1]), sys.argv[2])")
    subprocess.run([sys.executable, "-c", code, str(dataset), str(out)], check=True,
                   env=environment(tree))


def _median_ready(path: Path) -> float:
    times = [browser_ready(path) for _ in range(3)]
    return statistics.median(t for t in times if t is not None)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        many = folder / "many.yaml"
        write_yaml(generated(10_000), many)
        with checkout(PREVIOUS, folder / "previous") as tree:
            print(f"{'map':<12} {'KB now':>9} {'KB before':>10} {'ratio':>6} | "
                  f"{'ready s now':>11} {'before':>7} {'ratio':>6}")
            for name, source in (("reference", REFERENCE), ("10,000 legs", many)):
                now, before = folder / f"now-{name}.html", folder / f"before-{name}.html"
                write_map(read_dataset(source), now)
                _render_previous(tree, source, before)
                size_now, size_before = now.stat().st_size, before.stat().st_size
                ready_now, ready_before = _median_ready(now), _median_ready(before)
                print(f"{name:<12} {size_now / 1e3:>9.1f} {size_before / 1e3:>10.1f} "
                      f"{size_now / size_before:>6.3f} | {ready_now:>11.2f} {ready_before:>7.2f} "
                      f"{ready_now / ready_before:>6.3f}")
    print("target: ratios within 1.05")


if __name__ == "__main__":
    main()
