"""Gaps in the rail and road networks found by a general search over town pairs, not by
any evaluation case.

For every country, each town of 50,000 or more (``geo/populated_places.csv``, GeoNames) is
paired with its 3 nearest such towns of the same country and with the nearest town of each
neighbouring country (one sharing a land border in ``geo/countries.geojson``) within 300 km.
Each pair is routed by road, and by rail where both ends lie within 15 km of a railway, with
the library's own ``routing.route`` (one process; the route cache keeps them for a re-run
on unchanged networks). A pair is a gap of one of these kinds:

- ``refused``: ``route`` raised (a :class:`~movemap.errors.MovemapError`);
- ``great-circle``: the network could not join the ends (the route's own warning);
- ``leaves``: the route leaves the countries of its ends (the route's own warning);
- ``long``: longer than 2.0 times the great circle by road, 2.2 times by rail (pairs
  under ``--min-km`` apart are not judged by length: the joins of two towns a few km apart
  weigh more than any line between them).

An end joined to its line by more than 20 km (the route's ``far`` warning) is counted
apart: it says the town lacks a line near it, not that a line between two is missing.

Run ``python benchmarks/network_gaps.py [--countries RU,UA] [--modes road,rail]
[--json FILE]``. It prints the counts by kind, by mode and by country, the towns in most
gaps (where one missing line near a town fails many of its pairs), and the worst 60 pairs.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import shapely
from scipy.spatial import cKDTree

from movemap.errors import MovemapError
from movemap.geodata import geo_path
from movemap.model import Mode
from movemap.routing import default_networks, route
from movemap.routing.geodesic import geodesic_km
from movemap.routing.land import on_land
from movemap.sphere import unit_vectors

NEAREST_SAME = 3
ABROAD_KM = 300.0
RAIL_END_KM = 15.0
RATIO = {Mode.ROAD: 2.0, Mode.RAIL: 2.2}
KINDS = ("refused", "great-circle", "leaves", "long")
EARTH_KM = 6371.0088
WATER_KM = 20.0  # a pair whose straight line crosses more sea than this needs a ferry
WATER_STEP_KM = 2.0
# land borders closed to traffic whatever the networks draw (a route that cannot cross one
# is right to fail): the Korean DMZ, Israel with Syria and Lebanon, Armenia with Azerbaijan
# and Turkey (the networks' own closed crossings, geo/border_crossings.csv, are added)
CLOSED = frozenset({("KP", "KR"), ("IL", "SY"), ("IL", "LB"), ("AM", "AZ"), ("AM", "TR")})


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    lon: float
    lat: float
    country: str
    population: int


@dataclass(frozen=True, slots=True)
class Gap:
    mode: str
    kind: str
    a: str
    b: str
    countries: str
    population: int  # the smaller town's
    great_circle_km: float
    route_km: float
    warnings: tuple[str, ...]
    a_point: tuple[float, float]
    b_point: tuple[float, float]

    @property
    def ratio(self) -> float:
        return self.route_km / self.great_circle_km if self.great_circle_km else 0.0


def towns(population: int) -> list[Town]:
    """The towns of ``populated_places.csv`` of at least ``population``."""
    with geo_path("populated_places.csv").open(encoding="utf-8", newline="") as f:
        return [Town(r["name"], float(r["lon"]), float(r["lat"]), r["country"],
                     int(r["population"]))
                for r in csv.DictReader(f) if int(r["population"]) >= population]


def neighbours() -> dict[str, set[str]]:
    """Countries that share a land border (outlines within about 1 km of each other)."""
    data = json.loads(geo_path("countries.geojson").read_text(encoding="utf-8"))
    codes = [f["properties"]["iso_a2_eh"] for f in data["features"]]
    shapes = [shapely.geometry.shape(f["geometry"]).buffer(0.01) for f in data["features"]]
    tree = shapely.STRtree(shapes)
    out: dict[str, set[str]] = defaultdict(set)
    for i, j in zip(*tree.query(shapes, predicate="intersects").tolist(), strict=True):
        if codes[i] != codes[j] and all(isinstance(c, str) and len(c) == 2
                                        for c in (codes[i], codes[j])):
            out[codes[i]].add(codes[j])
    return out


def closed_borders() -> dict[str, set[tuple[str, str]]]:
    """Country pairs whose border is closed, by network: ``CLOSED``, and the borders of
    ``border_crossings.csv`` whose every crossing on that network is closed."""
    status: dict[tuple[str, tuple[str, str]], set[str]] = defaultdict(set)
    with geo_path("border_crossings.csv").open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            a, b = sorted(row["countries"].split())
            status[(row["network"], (a, b))].add(row["status"])
    out: dict[str, set[tuple[str, str]]] = {m.value: set(CLOSED) for m in RATIO}
    for (network, pair), seen in status.items():
        if seen == {"closed"}:
            out[network].add(pair)
    return out


def water_km(a: Town, b: Town) -> float:
    """About how many km of the straight line between two towns lie at sea."""
    n = max(2, int(geodesic_km(a.lon, a.lat, b.lon, b.lat) / WATER_STEP_KM) + 1)
    t = np.linspace(0.0, 1.0, n)
    line = shapely.linestrings([(a.lon, a.lat), (b.lon, b.lat)])
    xy = shapely.get_coordinates(shapely.line_interpolate_point(line, t, normalized=True))
    return float((~on_land([(x, y) for x, y in xy])).sum()) * geodesic_km(
        a.lon, a.lat, b.lon, b.lat) / n


def _chord(km: float) -> float:
    return float(2 * np.sin(km / EARTH_KM / 2))


def pairs(found: Sequence[Town], countries: frozenset[str] | None) -> list[tuple[int, int]]:
    """Unordered pairs of town indices: each town's nearest towns at home, and its nearest
    town of each neighbouring country within ``ABROAD_KM``; not those whose straight line
    crosses more than ``WATER_KM`` of sea (a ferry's, which no network here carries)."""
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(found):
        by_country[t.country].append(i)
    trees = {c: (cKDTree(unit_vectors(np.array([found[i].lon for i in idx]),
                                      np.array([found[i].lat for i in idx]))), idx)
             for c, idx in by_country.items()}
    near = neighbours()
    out: set[tuple[int, int]] = set()
    for country, idx in by_country.items():
        if countries is not None and country not in countries:
            continue
        tree, _ = trees[country]
        xyz = unit_vectors(np.array([found[i].lon for i in idx]),
                           np.array([found[i].lat for i in idx]))
        k = min(NEAREST_SAME + 1, len(idx))
        if k > 1:
            _, nearest = tree.query(xyz, k=k)
            for row, i in zip(nearest.tolist(), idx, strict=True):
                out.update((min(i, idx[j]), max(i, idx[j])) for j in row if idx[j] != i)
        for other in sorted(near.get(country, ())):
            if other not in trees:
                continue
            other_tree, other_idx = trees[other]
            dist, nearest_abroad = other_tree.query(xyz, k=1,
                                                    distance_upper_bound=_chord(ABROAD_KM))
            for d, j, i in zip(dist.tolist(), nearest_abroad.tolist(), idx, strict=True):
                if np.isfinite(d):
                    out.add((min(i, other_idx[j]), max(i, other_idx[j])))
    return sorted(p for p in out if water_km(found[p[0]], found[p[1]]) <= WATER_KM)


def judge(a: Town, b: Town, mode: Mode, min_km: float) -> Gap | None:
    """The gap this pair shows by ``mode``, or None."""
    gc = geodesic_km(a.lon, a.lat, b.lon, b.lat)
    labels = [f"{a.name} ({a.country})", f"{b.name} ({b.country})"]
    try:
        r = route([(a.lon, a.lat), (b.lon, b.lat)], mode, labels=labels)
    except MovemapError as exc:
        kind, km, warnings = "refused", 0.0, (str(exc),)
    else:
        km, warnings = r.length_km, r.warnings
        if any("great circle" in w for w in warnings):
            kind = "great-circle"
        elif any(" leaves " in w for w in warnings):
            kind = "leaves"
        elif gc >= min_km and km > RATIO[mode] * gc:
            kind = "long"
        elif any("from the nearest" in w for w in warnings):
            kind = "far"
        else:
            return None
    return Gap(mode.value, kind, a.name, b.name, "-".join(sorted({a.country, b.country})),
               min(a.population, b.population), round(gc, 1), round(km, 1), warnings,
               (a.lon, a.lat), (b.lon, b.lat))


def severity(g: Gap) -> tuple[int, float, int]:
    """Worst first: no route, then a third country, then the most roundabout; bigger towns
    first among equals."""
    rank = {"refused": 0, "great-circle": 1, "leaves": 2, "long": 3, "far": 4}[g.kind]
    return rank, -g.ratio, -g.population


def search(found: Sequence[Town], todo: Sequence[tuple[int, int]], modes: Sequence[Mode],
           min_km: float) -> tuple[list[Gap], Counter[str]]:
    """Every gap of these pairs, and how many pairs each mode routed."""
    networks = default_networks()
    routed: Counter[str] = Counter()
    rail_ok = np.ones(len(found), dtype=bool)
    if Mode.RAIL in modes:
        rail = networks.rail
        rail_ok = np.array([rail.nearest((t.lon, t.lat))[1] <= RAIL_END_KM for t in found])
    ends = [(m, (found[i].lon, found[i].lat)) for m in modes for pair in todo for i in pair
            if m is not Mode.RAIL or (rail_ok[pair[0]] and rail_ok[pair[1]])]
    networks.know_joins(sorted(set(ends), key=lambda e: (e[0].value, e[1])))
    gaps: list[Gap] = []
    closed = closed_borders()
    for mode in modes:
        for i, j in todo:
            if mode is Mode.RAIL and not (rail_ok[i] and rail_ok[j]):
                continue
            if tuple(sorted((found[i].country, found[j].country))) in closed[mode.value]:
                routed["closed border"] += 1
                continue
            routed[mode.value] += 1
            gap = judge(found[i], found[j], mode, min_km)
            if gap is not None:
                gaps.append(gap)
    networks.save()
    return gaps, routed


def report(gaps: Sequence[Gap], routed: Counter[str], worst: int) -> None:
    """Counts by kind, mode and country, the towns in most gaps, and the worst pairs."""
    print("pairs routed: " + ", ".join(f"{m} {n}" for m, n in sorted(routed.items())))
    for mode in sorted(m for m in routed if m in {x.value for x in RATIO}):
        kinds = Counter(g.kind for g in gaps if g.mode == mode)
        print(f"{mode}: " + ", ".join(f"{k} {kinds[k]}" for k in (*KINDS, "far"))
              + f"; gaps {sum(kinds[k] for k in KINDS)} of {routed[mode]}")
    real = [g for g in gaps if g.kind in KINDS]
    by_country: dict[str, Counter[str]] = defaultdict(Counter)
    for g in real:
        for c in set(g.countries.split("-")):
            by_country[c][g.kind] += 1
    print("\nby country (gaps a country's towns are in), most first:")
    for c, kinds in sorted(by_country.items(), key=lambda kv: -sum(kv[1].values()))[:40]:
        print(f"  {c}  {sum(kinds.values()):4d}  "
              + ", ".join(f"{k} {kinds[k]}" for k in KINDS if kinds[k]))
    towns_in: Counter[tuple[str, str]] = Counter()
    for g in real:
        towns_in[(g.mode, g.a)] += 1
        towns_in[(g.mode, g.b)] += 1
    print("\ntowns in most gaps (a missing line near them):")
    for (mode, town), n in towns_in.most_common(40):
        print(f"  {mode:<4} {town:<30} {n}")
    print(f"\nworst {worst}:")
    for g in sorted(real, key=severity)[:worst]:
        print(f"  {g.mode:<4} {g.kind:<12} {g.countries:<6} {g.a} - {g.b}: "
              f"{g.route_km:.0f} km / {g.great_circle_km:.0f} great circle "
              f"(smaller town {g.population:,})")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--population", type=int, default=50_000)
    parser.add_argument("--countries", help="ISO alpha-2 codes, comma-separated")
    parser.add_argument("--modes", default="road,rail")
    parser.add_argument("--min-km", type=float, default=30.0,
                        help="pairs closer than this are not judged by length")
    parser.add_argument("--worst", type=int, default=60)
    parser.add_argument("--json", type=Path, help="write every gap here")
    args = parser.parse_args(argv)
    countries = frozenset(args.countries.upper().split(",")) if args.countries else None
    modes = [Mode(m) for m in args.modes.split(",")]
    start = time.perf_counter()
    found = towns(args.population)
    todo = pairs(found, countries)
    print(f"{len(found)} towns of {args.population:,} or more, {len(todo)} pairs",
          file=sys.stderr)
    gaps, routed = search(found, todo, modes, args.min_km)
    report(gaps, routed, args.worst)
    if args.json:
        args.json.write_text(json.dumps([asdict(g) for g in gaps], indent=0),
                             encoding="utf-8")
    print(f"\n{time.perf_counter() - start:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
