"""Where the CPU time of cold routing goes, by mode and by part, on one process.

Run with ``python benchmarks/routing_parts.py --legs 2000,5000`` (``PYTHONPATH`` may point at
another checkout's ``src`` to measure it the same way). For each size it writes the scale
benchmark's dataset (``scale_bench.generate``, seeded by its size), locates it with an empty
route cache (a fresh folder into which only the gazetteer index and the network arrays of
``--seed-cache`` are linked) and times, in CPU seconds of this process, each leg's
``route`` by mode and the parts of routing inside it (the country check, the length, the sea
router and its water grid, the network search and the assembly of a path's points, the
ends' joins found in one pass). It prints each part's total at each size and, between
consecutive sizes, its *marginal* cost per leg (what every run pays once, such as loading
the networks, drops out) and per routed leg of each mode.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def _measure(data: Path) -> tuple[float, dict[str, tuple[float, int]]]:
    import movemap.located as located_module
    import movemap.routing as routing
    from movemap import read_dataset
    from movemap.routing import countries, network, sea

    spent: dict[str, float] = collections.defaultdict(float)
    calls: collections.Counter[str] = collections.Counter()

    def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - started
                calls[label] += 1
        return wrapper

    real_route = routing.route

    def route(stops: Any, mode: Any, *args: Any, **kwargs: Any) -> Any:
        return timed(f"route: {mode.value}", real_route)(stops, mode, *args, **kwargs)

    located_module.route = route  # type: ignore[assignment]
    for owner, name, label in (
            (countries, "crossed_each", "country check"),
            (routing, "_length", "length (geodesic sum)"),
            (routing, "_inland", "sea: distance of the ends to the coast"),
            (sea, "sea_path", "sea: path"),
            (sea, "water_path", "sea: water grid"),
            (network.Network, "path", "rail/road: path"),
            (network.Network, "_search", "rail/road: search"),
            (network.Network, "_points", "rail/road: points of the path"),
            (routing.Networks, "know_joins", "rail/road: ends joined in one pass"),
            (routing.Networks, "save", "route cache: save")):
        setattr(owner, name, timed(label, getattr(owner, name)))
    started = time.process_time()
    located_module.locate(read_dataset(data))
    return time.process_time() - started, {k: (v, calls[k]) for k, v in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--legs", default="2000,5000", help="sizes, comma-separated")
    sys.path.insert(0, str(HERE))
    from scale_bench import default_seed_cache, generate, seeded_cache_env

    parser.add_argument("--seed-cache", type=Path, default=default_seed_cache(),
                        help="a cache folder whose gazetteer index and network arrays are "
                        "linked into each fresh one (default: MOVEMAP_CACHE_DIR's; none "
                        "when it is unset)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a size, in a child
    options = parser.parse_args()
    if options.one:  # one size in this process, fresh: print its figures as one line
        import json

        with seeded_cache_env(options.seed_cache, "movemap-parts-") as tmp:
            logging.disable(logging.WARNING)
            generate(options.one, tmp / "data.yaml", seed=options.one)
            total, parts = _measure(tmp / "data.yaml")
        print("PARTS " + json.dumps({"total": total, "parts": parts}))
        return
    import json
    import subprocess

    sizes = sorted(int(s) for s in options.legs.split(","))
    found: dict[int, dict[str, Any]] = {}
    for n in sizes:
        seed = ["--seed-cache", str(options.seed_cache)] if options.seed_cache else []
        done = subprocess.run([sys.executable, __file__, "--one", str(n), *seed],
                              capture_output=True, text=True, check=True)
        line = next(x for x in done.stdout.splitlines() if x.startswith("PARTS "))
        found[n] = json.loads(line.split(" ", 1)[1])
        print(f"{n} legs: locate {found[n]['total']:.1f} CPU s", flush=True)
    labels = sorted({k for f in found.values() for k in f["parts"]})
    for small, big in itertools.pairwise(sizes):
        legs = big - small
        total = 1000 * (found[big]["total"] - found[small]["total"]) / legs
        print(f"\nmarginal, {small} -> {big} legs: {total:.2f} CPU ms a leg in all")
        print(f"{'part':<42} {'ms/leg':>7} {'calls':>6} {'ms/call':>8}")
        for label in labels:
            t1, c1 = found[big]["parts"].get(label, (0.0, 0))
            t0, c0 = found[small]["parts"].get(label, (0.0, 0))
            per_call = 1000 * (t1 - t0) / (c1 - c0) if c1 > c0 else float("nan")
            print(f"{label:<42} {1000 * (t1 - t0) / legs:7.3f} {c1 - c0:6d} {per_call:8.2f}")


if __name__ == "__main__":
    main()
