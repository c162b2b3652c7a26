"""Stage ``geo/river_fairways.geojson``: the lower courses of the rivers that reach the sea.

Natural Earth's 1:10m land fills most rivers and many estuaries, so a port up one (Rouen on
the Seine, Kolkata on the Hooghly, Basra on the Shatt al-Arab, Bordeaux on the Garonne)
lies tens of km inland, and a sea leg to it was refused or cut across land. This takes
the 1:50m river centre lines movemap ships (``geo/rivers.geojson``), joins them where they
meet, and keeps every stretch that lies within ``RIVER_KM`` of open water measured along
the rivers: the reach that sea-going ships sail up to river ports (Rouen 120 km, Hamburg
105, Basra about 110, Kolkata about 130, New Orleans about 150). A river mouth drawn short of
1:10m water (by up to ``MOUTH_KM``) is joined to the water by a straight stretch.
``routing.land`` cuts these fairways out of the land for sea routes, as it does the
hand-drawn channels of ``geo/channels.geojson``.

Run ``python tools/stage_river_fairways.py GEO_DIR`` (GEO_DIR holds ``rivers.geojson`` and
``land_10m.geojson``; the result is written there).
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

RIVER_KM = 160.0   # how far up a river from open water its fairway is kept (1:50m km)
MOUTH_KM = 5.0     # a river's end this near open water is joined to it
JOIN_DEGREES = 1e-3  # river vertices this close are one node (about 100 m)
SIMPLIFY = 0.002   # degrees (about 200 m)
DIGITS = 4


def reaches(geo: Path) -> tuple[object, object, object, list[str], object]:
    """The rivers as a graph: node coordinates (n, 2), each edge's two nodes (u, v), each
    node's km up from open water along the rivers, its river's name, and which nodes a
    piece of river's end may be looked up by (a dict of rounded keys)."""
    import numpy as np
    import shapely
    from pyproj import Geod
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    geod = Geod(ellps="WGS84")
    with (geo / "land_10m.geojson").open(encoding="utf-8") as f:
        land = shapely.geometry.shape(json.load(f)["features"][0]["geometry"])
    shapely.prepare(land)
    coast = shapely.boundary(land)
    with (geo / "rivers.geojson").open(encoding="utf-8") as f:
        features = json.load(f)["features"]

    lines: list[tuple[str, np.ndarray]] = []
    for feature in features:
        name = (feature["properties"] or {}).get("name") or ""
        if name.endswith(" Canal"):  # ship canals are channels.geojson's; the others are
            continue                 # for irrigation (the Ismailiya Canal to Cairo)
        for part in shapely.get_parts(shapely.geometry.shape(feature["geometry"])):
            lines.append((name, np.asarray(part.coords, dtype=float)[:, :2]))
    keys: dict[tuple[int, int], int] = {}
    coords: list[tuple[float, float]] = []
    names: list[str] = []

    def node(x: float, y: float, name: str) -> int:
        key = (round(x / JOIN_DEGREES), round(y / JOIN_DEGREES))
        if key not in keys:
            keys[key] = len(coords)
            coords.append((x, y))
            names.append(name)
        return keys[key]

    edges: list[tuple[int, int]] = []
    for name, xy in lines:
        ids = [node(float(x), float(y), name) for x, y in xy]
        edges.extend((u, v) for u, v in itertools.pairwise(ids) if u != v)
    xy = np.asarray(coords)
    wet = ~shapely.contains_xy(land, xy[:, 0], xy[:, 1])
    # a river drawn to a mouth short of 1:10m water: its end joins the water nearest it
    degree = np.bincount(np.asarray(edges).ravel(), minlength=len(xy))
    for i in np.flatnonzero((degree == 1) & ~wet).tolist():
        p = shapely.Point(xy[i])
        if shapely.distance(coast, p) * 111.2 > MOUTH_KM * 1.5:
            continue
        _, shore = shapely.shortest_line(p, coast).boundary.geoms
        beyond = np.asarray(shore.coords[0]) + (np.asarray(shore.coords[0]) - xy[i]) * 0.05
        if shapely.contains_xy(land, *beyond):
            continue
        km = geod.inv(xy[i, 0], xy[i, 1], beyond[0], beyond[1])[2] / 1000
        if km <= MOUTH_KM:
            j = node(float(beyond[0]), float(beyond[1]), names[i])
            edges.append((i, j))
    xy = np.asarray(coords)
    wet = ~shapely.contains_xy(land, xy[:, 0], xy[:, 1])
    u, v = np.asarray(edges).T
    km = np.asarray(geod.inv(xy[u, 0], xy[u, 1], xy[v, 0], xy[v, 1])[2]) / 1000
    km = np.maximum(km, 1e-6)
    graph = coo_matrix((km, (u, v)), shape=(len(xy), len(xy))).tocsr()
    up = dijkstra(graph, directed=False, indices=np.flatnonzero(wet), min_only=True)
    return xy, np.stack([u, v]), up, names, keys


def stage(geo: Path) -> int:
    import numpy as np
    import shapely

    xy, (u, v), up, names, keys = reaches(geo)
    wet = up == 0
    keep = (np.maximum(up[u], up[v]) <= RIVER_KM) & ~(wet[u] & wet[v])
    pieces = shapely.line_merge(shapely.multilinestrings(
        [shapely.linestrings([xy[a], xy[b]]) for a, b in zip(u[keep], v[keep], strict=True)]))
    out = []
    for piece in shapely.get_parts(pieces):
        piece = shapely.set_precision(shapely.simplify(piece, SIMPLIFY), 10.0 ** -DIGITS)
        start, end = piece.coords[0], piece.coords[-1]
        ends = [keys.get((round(x / JOIN_DEGREES), round(y / JOIN_DEGREES)))
                for x, y in (start, end)]
        name = next((names[i] for i in ends if i is not None and names[i]), "")
        out.append({"type": "Feature",
                    "properties": {"name": name, "up_km": round(float(max(
                        up[i] for i in ends if i is not None)), 1) if any(
                        i is not None for i in ends) else None},
                    "geometry": shapely.geometry.mapping(piece)})
    collection = {"type": "FeatureCollection", "name": "river_fairways",
                  "source": "geo/rivers.geojson (Natural Earth 1:50m rivers and lake centre "
                            f"lines) within {RIVER_KM:.0f} km of 1:10m open water, "
                            "by tools/stage_river_fairways.py",
                  "features": out}
    with (geo / "river_fairways.geojson").open("w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    return len(out)


if __name__ == "__main__":
    print(stage(Path(sys.argv[1])), "fairways")
