"""Stage Natural Earth's named physical features as ``geo/natural_features.geojson``.

Run from the repository root: ``python tools/stage_natural_features.py NE_DIR`` where
``NE_DIR`` holds these Natural Earth 1:10m layers as GeoJSON (public domain; the ``.7z``
ones extracted beforehand, e.g. with ``py7zr`` in a scratch environment):

- ``ne_10m_geography_marine_polys.json``: seas, gulfs, bays, straits, sounds, channels,
  fjords, lagoons, with their outlines;
- ``ne_10m_geography_regions_polys.json``: islands and island groups, peninsulas, deserts,
  mountain ranges, plateaus, plains, deltas, valleys, with their outlines;
- ``ne_10m_geography_regions_points.json``: small islands and capes, as points;
- ``ne_10m_geography_regions_elevation_points.json``: passes and depressions, as points;
- ``ne_10m_lakes.json``: lakes and reservoirs (Kakhovka Reservoir, Lake Assad), with their
  outlines.

Each feature keeps ``id`` (``ne-sea:`` for seas, ``ne-lake:``, ``ne-area:`` for land regions,
``ne-island:``, ``ne-pass:``, ``ne-site:``), ``name``, ``name_alt``, ``kind`` (a movemap kind:
``island``, ``pass``, ``macro-region`` for water and land regions, ``site`` for the others),
``feature``
(Natural Earth's class) and its geometry, simplified at 0.01 degrees and rounded to 0.001.
Names are written as people write them: ``SULAWESI`` is ``Sulawesi``, ``Madura I.`` is
``Madura Island``, ``Batu Is.`` is ``Batu Islands``. A land region Natural Earth draws only as
the marks where its label goes is a point (see ``without_label_marks``). The output is
deterministic.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

# Natural Earth's class -> movemap's kind. Water bodies and large land regions are areas
# (a route ends at an entry point of them); islands, passes and points are features.
MARINE_KINDS = {c: "macro-region" for c in (
    "ocean", "sea", "gulf", "bay", "strait", "sound", "channel", "fjord", "lagoon", "inlet",
    "reef")}
REGION_KINDS = {
    "Island": "island", "Island group": "island",
    "Peninsula": "macro-region", "Pen/cape": "macro-region", "Desert": "macro-region",
    "Range/mtn": "macro-region", "Plateau": "macro-region", "Plain": "macro-region",
    "Delta": "macro-region", "Basin": "macro-region", "Valley": "macro-region",
    "Isthmus": "macro-region", "Wetlands": "macro-region", "Gorge": "macro-region",
    "Depression": "macro-region", "Geoarea": "macro-region",
}
"""Left out: ``Coast`` (Ivory Coast and Gold Coast are a country and a city), and the vague
``Plain``, ``Lowland``, ``Foothills`` and ``Tundra``."""
LAKE_KINDS = {"Lake": "macro-region", "Reservoir": "macro-region",
              "Alkaline Lake": "macro-region"}
POINT_KINDS = {"island": "island", "island group": "island", "cape": "site",
               "pass": "pass", "depression": "site"}
_SAME_FEATURE_DEGREES = 1.0
_PLACEHOLDER_AREA = 1e-4
# A land region's part of LABEL_MARK_VERTICES corners or fewer (once simplified) and smaller
# than LABEL_MARK_AREA square degrees (some 500 km2) is a mark where Natural Earth puts the
# region's label, not its outline; a region whose outline is smaller than LEAST_REGION_AREA
# (some 50 km2) is a label spot too. Real small outlines (Banks Peninsula, Noto Peninsula)
# follow their coasts with dozens of corners.
LABEL_MARK_VERTICES = 9
LABEL_MARK_AREA = 0.05
LEAST_REGION_AREA = 0.005
_SMALL_WORDS = {"of", "the", "de", "del", "la", "le", "les", "and", "et", "du", "da", "dos",
                "das", "do", "di", "y"}
_ABBREVIATIONS = [
    (re.compile(r"^I\.\s+(.*)$"), r"\1 Island"),
    (re.compile(r"^Is\.\s+(.*)$"), r"\1 Islands"),
    (re.compile(r"\bI\.$"), "Island"),
    (re.compile(r"\bIs\.$"), "Islands"),
    (re.compile(r"\bIs\.(?=\s)"), "Islands"),
    (re.compile(r"^P[eé]n\.\s+de\s+(?:la\s+)?(.*)$"), r"\1 Peninsula"),
    (re.compile(r"\bPen\.$"), "Peninsula"),
    (re.compile(r"\bRa\.$"), "Range"),
    (re.compile(r"\bStr\.$"), "Strait"),
    (re.compile(r"\bSd\.$"), "Sound"),
    (re.compile(r"\bArch\.$"), "Archipelago"),
    (re.compile(r"\bMts\s*\.$"), "Mountains"),
    (re.compile(r"^Cord\.\s"), "Cordillera "),
    (re.compile(r"\bPlat\.$"), "Plateau"),
    (re.compile(r"\bMts\.$"), "Mountains"),
    (re.compile(r"\bMt\.\s"), "Mount "),
    (re.compile(r"^B\.\s+(.*)$"), r"Bahía \1"),
    (re.compile(r"^G\.\s+(.*)$"), r"Gulf of \1"),
    (re.compile(r"^C\.\s+(.*)$"), r"Cape \1"),
]


def display_name(raw: str) -> str:
    """A Natural Earth label as people write it.

    >>> display_name("NEW SIBERIAN ISLANDS"), display_name("Madura I."), display_name("Batu Is.")
    ('New Siberian Islands', 'Madura Island', 'Batu Islands')
    >>> display_name("ARCTIC OCEAN"), display_name("GULF OF ADEN")
    ('Arctic Ocean', 'Gulf of Aden')
    """
    name = unicodedata.normalize("NFC", " ".join(raw.split()))
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        words = name.lower().split(" ")
        name = " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:]
                        for i, w in enumerate(words))
    for pattern, replacement in _ABBREVIATIONS:
        name = pattern.sub(replacement, name)
    return name


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _features(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)["features"]


def without_label_marks(geom: Any) -> Any:
    """A land region's outline without Natural Earth's label marks, or a point where the
    outline is nothing but marks (or smaller than a region can be).

    Natural Earth draws some regions as the small triangles where their label goes (the
    Ogaden, the Garagum, Florida) and adds such marks beside the outlines of others (the
    Himalayas, the Sahara): a mark contains nothing, and its centre is a label spot, so the
    region is kept as a point (an area without a known outline).

    >>> from shapely.geometry import Polygon, box
    >>> mark = Polygon([(43.2, 8.6), (43.3, 8.6), (43.25, 8.7)])
    >>> without_label_marks(mark).geom_type
    'Point'
    >>> import shapely
    >>> real = Polygon([(0, 0), (2, 0), (2.5, 1), (2, 2), (1, 2.5), (0, 2)])
    >>> without_label_marks(shapely.union(real, mark)).equals(real)
    True
    """
    import shapely

    parts = list(getattr(geom, "geoms", [geom]))
    polygons = [g for g in parts if g.geom_type == "Polygon"]
    if len(polygons) != len(parts):  # not an outline: as it is
        return geom
    kept = [g for g in polygons if len(g.exterior.coords) - 1 > LABEL_MARK_VERTICES
            or shapely.area(g) >= LABEL_MARK_AREA]
    if kept and shapely.area(shapely.union_all(kept)) >= LEAST_REGION_AREA:
        return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)
    marks = shapely.union_all(polygons)
    spot = (shapely.centroid(marks) if shapely.area(marks) > 0
            else shapely.centroid(shapely.boundary(marks)))
    return shapely.set_precision(spot, 1e-4)


def stage(ne: Path, out: Path) -> None:
    import shapely
    from shapely.geometry import mapping, shape

    staged: list[dict] = []
    taken: set[str] = set()

    def add(raw: str | None, alt: str | None, kind: str, feature: str, geom: object) -> None:
        if not raw or not raw.strip():
            return
        name = display_name(raw)
        # Parts of one feature (the Mediterranean's basins, an island group's halves) are one
        # place; features of one name far apart (Flores, Azores and Indonesia) are two.
        for other in staged:
            op = other["properties"]
            if (op["name"], op["kind"]) == (name, kind) and shapely.distance(
                    other["_geom"], geom) < _SAME_FEATURE_DEGREES:
                other["_geom"] = shapely.union(other["_geom"], geom)
                return
        prefix = (("sea" if feature in MARINE_KINDS else "lake" if feature in LAKE_KINDS
                   else "area") if kind == "macro-region" else kind)
        ident = f"ne-{prefix}:{_slug(name)}"
        number = 2
        while ident in taken:  # several features of one name (Santiago, Victoria Island)
            ident = f"{ident.rsplit('~', 1)[0]}~{number}"
            number += 1
        taken.add(ident)
        staged.append({"type": "Feature", "properties": {
            "id": ident, "name": name,
            "name_alt": "|".join(display_name(a) for a in (alt or "").split("|") if a.strip()),
            "kind": kind, "feature": feature}, "_geom": geom})

    for feat in _features(ne / "ne_10m_geography_marine_polys.json"):
        p = feat["properties"]
        kind = MARINE_KINDS.get(p["featurecla"])
        if kind:
            add(p.get("name"), p.get("namealt"), kind, p["featurecla"], shape(feat["geometry"]))
    polygon_names = set()
    for feat in _features(ne / "ne_10m_geography_regions_polys.json"):
        p = feat["properties"]
        kind = REGION_KINDS.get(p["featurecla"])
        if kind and p.get("name"):
            polygon_names.add(display_name(p["name"]).casefold())
            add(p.get("name"), p.get("namealt"), kind, p["featurecla"], shape(feat["geometry"]))
    for layer in ("ne_10m_geography_regions_points.json",
                  "ne_10m_geography_regions_elevation_points.json"):
        for feat in _features(ne / layer):
            p = feat["properties"]
            kind = POINT_KINDS.get(p["featurecla"])
            name = p.get("name")
            if kind and name and display_name(name).casefold() not in polygon_names:
                add(name, p.get("name_alt"), kind, p["featurecla"], shape(feat["geometry"]))
    for feat in _features(ne / "ne_10m_lakes.json"):
        p = feat["properties"]
        kind = LAKE_KINDS.get(p["featurecla"])
        if kind:
            alt = "|".join(a.strip() for a in (p.get("name_alt") or "").split(","))
            add(p.get("name"), alt, kind, p["featurecla"], shape(feat["geometry"]))
    for feat in staged:
        geom = shapely.make_valid(feat.pop("_geom"))
        if shapely.area(geom) < _PLACEHOLDER_AREA:
            # Natural Earth marks some features (Korea Strait, Luzon Strait) with a tiny
            # triangle where their label goes: a point, not an outline.
            feat["geometry"] = mapping(shapely.set_precision(shapely.centroid(geom), 1e-4))
            continue
        simple = shapely.make_valid(shapely.simplify(geom, 0.01, preserve_topology=True))
        try:
            simple = shapely.make_valid(shapely.set_precision(simple, 1e-3))
        except shapely.errors.GEOSException:  # a lake whose simplified shores touch
            simple = shapely.make_valid(shapely.set_precision(shapely.buffer(simple, 0), 1e-3))
        if simple.is_empty or shapely.area(simple) == 0:  # a small island, rounded away
            simple = shapely.make_valid(shapely.set_precision(geom, 1e-4))
        if (feat["properties"]["kind"] == "macro-region"
                and feat["properties"]["feature"] in REGION_KINDS):
            # judged as shipped: a part simplified to a few corners is no outline either
            simple = without_label_marks(simple)
        feat["geometry"] = mapping(simple)
    staged.sort(key=lambda f: f["properties"]["id"])
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","name":"natural_features","features":[\n')
        for i, feat in enumerate(staged):
            sep = ",\n" if i < len(staged) - 1 else "\n"
            f.write(json.dumps(feat, ensure_ascii=False, separators=(",", ":")) + sep)
        f.write("]}\n")
    tmp.replace(out)
    print(f"wrote {len(staged)} features to {out}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    stage(Path(sys.argv[1]), root / "geo" / "natural_features.geojson")
