"""Rail and road routes: least-cost paths over a line network (Natural Earth 10m main lines
and movemap's documented additions).

The network is a graph whose nodes are the places where lines meet (ends and shared
vertices, rounded to 1e-4 degrees, about 11 m; ends that stop within 500 m of another line
are joined to it, ends within ``GAP_DEGREES`` of one by a connector, and a road's dead ends
to the line they head for within 5 km, ``routing.facing``) and whose edges are the pieces of
line between them. Each edge knows

- its length, and its cost: the length times the factor of its line class (``CLASS_COST``:
  a main line costs its length, a branch or a minor road more), so that a military train
  takes the Trans-Siberian rather than the BAM;
- the countries it runs through for at least ``NOISE_KM`` (``routing.countries``), so that a
  route can be kept inside the countries a leg may cross.

Built once from the GeoJSON in ``geo/`` and kept in the cache folder as arrays, it loads in
a few hundredths of a second. Each end of a route joins the network where a line passes
nearest: the ``CANDIDATES`` nearest edges wholly in its own country are split at their point
nearest the end (their nodes reached along them at their class's cost), beside the
``CANDIDATES`` nearest nodes within ``snap_km`` in its country; the join is chosen by the
total cost of the route (the stretch off the network costs ``OFF_NETWORK_COST`` times its
length), never across a border. An end with no node within ``snap_km`` joins the nearest
node within ``FAR_KM`` in its country, by a straight line that ``routing.route`` marks as
approximate (any join longer than ``routing.FAR_JOIN_KM`` is); farther than ``FAR_KM`` there
is no route ("never invent a path").

Searches run over the network's junctions, each chain of nodes between two junctions one
step (``routing.chains``: the road network's 186,000 nodes are searched as 20,000), with the
costs and paths a search over every node gives.

Users add lines (a railway the data lacks) with a GeoJSON overlay: each of its line ends
within ``JOIN_KM`` of the network is joined to it.
"""

from __future__ import annotations

import csv
import itertools
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from movemap.errors import NetworkError
from movemap.routing import facing, geodesic, relief, strays
from movemap.routing.facing import facing_joins, with_vertices
from movemap.routing.geodesic import geodesic_km
from movemap.routing.lengths import GENERALISED, LENGTHS_FILE, stretches
from movemap.routing.points import Points
from movemap.routing.segments import (
    CROSSING,
    GROUND,
    GROUND_WINDING,
    NOT_ON_NETWORK,
    SegmentMemo,
    SegmentPoints,
    every_slot,
    slots_of,
)
from movemap.sphere import EARTH_RADIUS_KM, chord_to_km, unit_vectors
from movemap.textfile import read_text

if TYPE_CHECKING:
    from movemap.routing.chains import Chains, Reach, RuleGraph

__all__ = ["CLASS_COST", "JOIN_KM", "Network", "NetworkError", "read_features",
           "read_lines", "warm"]

log = logging.getLogger(__name__)

Point = tuple[float, float]
JOIN_KM = 5.0
RAIL_NETWORK = "rail"  # the name of the railway network (its lines wind as railways do)
NOISE_KM = 2.0          # an edge "is in" a country only for this much of its length or more
CANDIDATES = 8          # nearest nodes an end may join
FAR_KM = 60.0           # an end with no line within snap_km joins one this near (marked)
FAR_CANDIDATES = 64     # nodes such an end may join
WET_JOIN_KM = 10.0      # a join over a big river this long is a town's bridge, farther not
FAR_DETOUR = 1.6        # and if its route is longer than this times direct (+2 snap_km), none
OFF_NETWORK_COST = 3.0  # cost per km between an end and its join (by road, off the line)
SEARCH_BOUND = 2.5      # a first search stops at this many times the ends' distance (cost)
# graphs of the latest rules kept: each is as big as the junction graph (about 0.2 MB for
# the roads), and a dataset's legs, grouped by origin, come back to the rules of the
# countries they join (hundreds of them in a big dataset) in no order; at most
# 128 x 0.2 MB, about 25 MB, per network and process
_RULE_GRAPHS = 128
_JOINS_KEPT = 100_000   # ends whose joins are remembered
_FORMAT = 5
_MEASURES = "measure "  # the prefix of the kept segment measures' arrays

# Cost per km of each line class. Rail: the main lines listed in geo/main_lines.csv cost
# their length; other lines by Natural Earth's scale rank (5 is drawn at the smallest
# scales, so the more important line). Road: Natural Earth's road types.
CLASS_COST: dict[str, float] = {
    "main": 1.0,
    "rail-5": 1.25, "rail-6": 1.35, "rail-7": 1.5, "branch": 1.35,
    "freeway": 1.0, "primary": 1.0, "secondary": 1.15, "road": 1.2, "minor": 1.35,
    "track": 1.6, "ferry": 2.5,
}
_ROAD_TYPES = {
    "Freeway": "freeway", "Tollway": "freeway", "Beltway": "freeway", "Primary": "primary",
    "Major Highway": "primary", "Secondary": "secondary", "Secondary Highway": "secondary",
    "Other Paved": "road", "Road": "road", "Unknown": "road", "Unpaved": "track",
    "Track": "track", "Winter": "track", "Ferry Route": "ferry", "Ferry": "ferry",
}


def line_class(properties: dict[str, Any]) -> str:
    """The cost class of a line from its GeoJSON properties."""
    given = properties.get("class")
    if isinstance(given, str) and given in CLASS_COST:
        return given
    if "road_type" in properties:
        return _ROAD_TYPES.get(str(properties.get("road_type")), "road")
    rank = properties.get("scalerank_max")
    return f"rail-{rank}" if rank in (5, 6, 7) else "branch"


def read_features(path: str | Path) -> list[tuple[list[Point], str]]:
    """The lines (LineString and MultiLineString parts) of a GeoJSON file with their class."""
    return [(line, cls) for line, cls, _ in read_named_features(path)]


def read_named_features(path: str | Path) -> list[tuple[list[Point], str, str]]:
    """The lines (LineString and MultiLineString parts) of a GeoJSON file with their class
    and their feature's ``name`` ("" if none)."""
    path = Path(path)
    try:
        data = json.loads(read_text(path, NetworkError))
    except json.JSONDecodeError as exc:
        raise NetworkError(f"not GeoJSON: {exc.msg}", path=str(path), line=exc.lineno,
                           column=exc.colno) from None
    except RecursionError:  # the json module's own guard against deep nesting
        raise NetworkError("not GeoJSON lines: arrays and objects nested too deeply",
                           path=str(path)) from None
    except ValueError as exc:  # an integer of thousands of digits (Python's own limit)
        if "Exceeds the limit" not in str(exc):
            raise
        raise NetworkError("not GeoJSON lines: a number of more than 4,300 digits",
                           path=str(path)) from None
    features = data.get("features") if isinstance(data, dict) else None
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    if not isinstance(features, list):
        raise NetworkError("not a GeoJSON FeatureCollection of lines", path=str(path))
    lines: list[tuple[list[Point], str, str]] = []
    for number, feature in enumerate(features, start=1):
        geometry = (feature or {}).get("geometry") or {}
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        parts: list[Any] | None = (
            [coords] if kind == "LineString" else coords if kind == "MultiLineString" else None
        )
        if not isinstance(parts, list):
            raise NetworkError(f"feature {number} is a {kind}, not a LineString",
                               path=str(path), field="geometry")
        properties = (feature or {}).get("properties") or {}
        cls = line_class(properties)
        name = str(properties.get("name") or "")
        for part in parts:
            if len(part) >= 2:
                lines.append(([(float(p[0]), float(p[1])) for p in part], cls, name))
    return lines


def read_lines(path: str | Path) -> list[list[Point]]:
    """The lines (LineString and MultiLineString parts) of a GeoJSON file, as (lon, lat)."""
    return [line for line, _ in read_features(path)]


def dijkstra(graph: Any, **options: Any) -> Any:
    """scipy's Dijkstra, imported at the first search: loading a network needs no scipy."""
    from scipy.sparse.csgraph import dijkstra as scipy_dijkstra

    return scipy_dijkstra(graph, **options)


@dataclass(frozen=True)
class _Arrays:
    nodes: npt.NDArray[np.float64]      # (n, 2) lon, lat
    edge_a: npt.NDArray[np.int64]
    edge_b: npt.NDArray[np.int64]
    edge_km: npt.NDArray[np.float64]
    coords: npt.NDArray[np.float64]     # every edge's points, one after another
    offsets: npt.NDArray[np.int64]      # edge i is coords[offsets[i]:offsets[i + 1]]
    edge_cost: npt.NDArray[np.float64]  # cost per km of the edge's line class
    edge_cc: npt.NDArray[np.int64]      # (e, 3) countries of the edge (routing.countries), -1
    node_cc: npt.NDArray[np.int64]      # country of each node, -1 at sea
    edge_stretch: npt.NDArray[np.float64]  # ground km per drawn km (routing.lengths)
    edge_slope: npt.NDArray[np.float64]  # winding slope of the edge's class (routing.relief)


# segments by the keys of their two vertices, sorted, and a value of each (_segment_table)
_SegmentTable = tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64]]
_Directed = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64],
                  npt.NDArray[np.int64]]
_DIRECTED = ("directed_u", "directed_v", "directed_w", "directed_e")


def _directed(arrays: _Arrays) -> _Directed:
    """The graph's directed entries (from node, to node, cost, edge), both ways along each
    edge, the cheapest of parallel edges only, sorted by from and to node."""
    u = np.concatenate([arrays.edge_a, arrays.edge_b])
    v = np.concatenate([arrays.edge_b, arrays.edge_a])
    w = np.concatenate([arrays.edge_km * arrays.edge_cost] * 2)
    e = np.concatenate([np.arange(len(arrays.edge_km))] * 2)
    order = np.lexsort((w, v, u))
    u, v, w, e = u[order], v[order], w[order], e[order]
    first = np.ones(len(u), dtype=bool)
    first[1:] = (u[1:] != u[:-1]) | (v[1:] != v[:-1])
    keep = first & (u != v)
    return u[keep], v[keep], np.maximum(w[keep], 1e-9), e[keep]


def _arrays(lines: Sequence[Sequence[Point]], classes: Sequence[str] | None = None,
            stretch: Sequence[float] | None = None,
            slope: Sequence[float] | None = None, railway: bool = False) -> _Arrays:
    """The graph of the lines, noded: split wherever lines meet.

    ``stretch`` is each line's ground length per drawn km (``GENERALISED`` if not given): an
    edge's ``edge_km`` is its drawn length times its stretch over ``GENERALISED`` (a Natural
    Earth line's km are its drawn km; a route's length adds the ``GENERALISED`` back).
    ``slope`` is each line's winding slope (``relief.class_slope`` of its class if not given,
    a railway's when ``railway``).

    Lines meet where they share a vertex (rounded to 1e-4 degrees), and where a line's end
    lies within ``SNAP_DEGREES`` of another line's vertex (a junction the data drew a few
    hundred metres short); such an end is joined to that vertex by a short connector.
    """
    if not lines:
        empty = np.zeros(0, dtype=np.int64)
        return _Arrays(np.zeros((0, 2)), empty, empty, np.zeros(0), np.zeros((0, 2)),
                       np.zeros(1, dtype=np.int64), np.zeros(0), np.zeros((0, 3), np.int64),
                       empty, np.zeros(0), np.zeros(0))
    factor = np.array([CLASS_COST[c] for c in classes] if classes else [1.0] * len(lines))
    slope_of = np.array(slope if slope is not None else [
        relief.class_slope(c, railway) for c in classes] if classes else [
        relief.ordinary_slope(railway)] * len(lines), dtype=float)
    stretch_of = np.array(stretch if stretch is not None else [GENERALISED] * len(lines),
                          dtype=float)
    dense = [_densify(line) for line in lines]
    xy = np.concatenate(dense)
    sizes = np.array([len(line) for line in dense])
    line_of = np.repeat(np.arange(len(dense)), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    is_end = np.zeros(len(xy), dtype=bool)
    is_end[starts] = True
    is_end[starts + sizes - 1] = True
    cells = np.round(xy * 1e4).astype(np.int64)
    key = cells[:, 0] * 4_000_000 + cells[:, 1]
    node_keys, node_of = np.unique(key, return_inverse=True)
    # a vertex is a junction if it ends a line or belongs to two lines (or twice to one)
    pairs = np.unique(np.column_stack([node_of, line_of]), axis=0)
    lines_at = np.bincount(pairs[:, 0], minlength=len(node_keys))
    visits = np.bincount(node_of, minlength=len(node_keys))
    junction = (lines_at > 1) | (visits > lines_at)
    junction[node_of[is_end]] = True
    _cap_edges(xy, starts, sizes, node_of, junction)
    connectors = _near_misses(xy, node_of, line_of, is_end, junction, lines_at)
    # split the lines at their junction vertices
    a, b, km, cost, offsets, chunks = [], [], [], [], [0], []
    stretched: list[float] = []
    slopes: list[float] = []
    for number, (start, size) in enumerate(zip(starts.tolist(), sizes.tolist(), strict=True)):
        nodes = node_of[start: start + size]
        cuts = np.flatnonzero(junction[nodes])
        for i, j in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
            piece = xy[start + i: start + j + 1]
            a.append(int(nodes[i]))
            b.append(int(nodes[j]))
            km.append(float(geodesic.GEOD.line_length(piece[:, 0], piece[:, 1])) / 1000
                      * float(stretch_of[number]) / GENERALISED)
            stretched.append(float(stretch_of[number]))
            slopes.append(float(slope_of[number]))
            cost.append(float(factor[number]))
            chunks.append(piece)
            offsets.append(offsets[-1] + len(piece))
    for u, v in connectors:
        piece = np.array([xy[u], xy[v]])
        a.append(int(node_of[u]))
        b.append(int(node_of[v]))
        km.append(float(geodesic.GEOD.line_length(piece[:, 0], piece[:, 1])) / 1000)
        cost.append(float(max(factor[line_of[u]], factor[line_of[v]])))
        stretched.append(GENERALISED)
        slopes.append(float(max(slope_of[line_of[u]], slope_of[line_of[v]])))
        chunks.append(piece)
        offsets.append(offsets[-1] + 2)
    # keep only the junctions as nodes, numbered afresh
    renumber = -np.ones(len(node_keys), dtype=np.int64)
    renumber[junction] = np.arange(int(junction.sum()))
    coords = np.concatenate(chunks)
    offsets_a = np.array(offsets)
    nodes_xy = _node_xy(node_keys[junction])
    from movemap.routing.countries import countries_at

    return _Arrays(nodes_xy, renumber[np.array(a)], renumber[np.array(b)], np.array(km),
                   coords, offsets_a, np.array(cost), _edge_countries(coords, offsets_a),
                   countries_at(nodes_xy), np.array(stretched), np.array(slopes))


def _edge_countries(coords: npt.NDArray[np.float64],
                    offsets: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Up to three countries each edge runs through for NOISE_KM or more (its main one if
    none does), -1 padded; a segment counts in the country of its midpoint."""
    from movemap.routing.countries import countries_at

    n_edges = len(offsets) - 1
    out = -np.ones((n_edges, 3), dtype=np.int64)
    if not n_edges:
        return out
    edge_of = np.repeat(np.arange(n_edges), np.diff(offsets))
    same = edge_of[:-1] == edge_of[1:]  # segments inside one edge
    p, q = coords[:-1][same], coords[1:][same]
    seg_edge = edge_of[:-1][same]
    seg_km = np.asarray(geodesic.GEOD.inv(p[:, 0], p[:, 1], q[:, 0], q[:, 1])[2]) / 1000
    seg_cc = countries_at((p + q) / 2)
    inside = seg_cc >= 0
    pair = seg_edge[inside] * 1000 + seg_cc[inside]
    keys, where = np.unique(pair, return_inverse=True)
    total = np.bincount(where, weights=seg_km[inside])
    edges, ccs = keys // 1000, keys % 1000
    order = np.lexsort((-total, edges))
    filled = np.zeros(n_edges, dtype=np.int64)
    for k in order.tolist():
        e = int(edges[k])
        if filled[e] < 3 and (total[k] >= NOISE_KM or filled[e] == 0):
            out[e, filled[e]] = ccs[k]
            filled[e] += 1
    return out


MAX_SEGMENT_DEGREES = 0.03  # lines are densified to a vertex every 3 km or so
MAX_EDGE_KM = 8.0           # and cut into edges no longer than this, so ends join near


def _densify(line: Sequence[Point]) -> npt.NDArray[np.float64]:
    """The line with points added (straight in lon/lat) where vertices are far apart."""
    xy = np.asarray(line, dtype=float)
    steps = np.ceil(np.abs(np.diff(xy, axis=0)).max(axis=1) / MAX_SEGMENT_DEGREES)
    if steps.max(initial=1) <= 1:
        return xy
    out = [xy[:1]]
    for (p, q), n in zip(itertools.pairwise(xy), steps.astype(int).tolist(), strict=True):
        t = np.arange(1, max(n, 1) + 1)[:, None] / max(n, 1)
        out.append(p + t * (q - p))
    return np.concatenate(out)


def _cap_edges(xy: npt.NDArray[np.float64], starts: npt.NDArray[np.int64],
               sizes: npt.NDArray[np.int64], node_of: npt.NDArray[np.int64],
               junction: npt.NDArray[np.bool_]) -> None:
    """Mark more vertices as junctions so that no edge is longer than about MAX_EDGE_KM."""
    step = np.zeros(len(xy))
    step[1:] = np.hypot((xy[1:, 0] - xy[:-1, 0]) * np.cos(np.radians(xy[1:, 1])),
                        xy[1:, 1] - xy[:-1, 1]) * 111.2
    for start, size in zip(starts.tolist(), sizes.tolist(), strict=True):
        run = 0.0
        for k in range(start + 1, start + size):
            run += step[k]
            if junction[node_of[k]]:
                run = 0.0
            elif run >= MAX_EDGE_KM:
                junction[node_of[k]] = True
                run = 0.0


GAP_DEGREES = 0.02  # a line end this close to another line joins it (about 2 km)


def _close_gaps(lines: list[list[Point]], classes: list[str]) -> tuple[list[list[Point]],
                                                                       list[str]]:
    """The lines, with a connector from each end that stops within ``GAP_DEGREES`` of another
    line (and is shared with none) to the nearest point on it, which becomes a vertex.

    Natural Earth's lines often stop a few hundred metres to two km short of the line they
    join (the Karymskaya - Zabaikalsk railway near Olovyannaya, most road junctions). A line
    may also end on its own course, further along (a loop drawn as one line, such as Alaska's
    Tok - Delta Junction - Fairbanks - Anchorage - Glennallen - Tok): such an end joins the
    line where it touches it, if that is more than ``SELF_SKIP_DEGREES`` along the line.
    """
    import shapely

    geoms = np.array([shapely.LineString(line) for line in lines], dtype=object)
    tree = shapely.STRtree(geoms)
    counts: dict[tuple[int, int], int] = {}
    for line in lines:
        for x, y in line:
            key = (round(x * 1e4), round(y * 1e4))
            counts[key] = counts.get(key, 0) + 1
    ends = [(number, line[k]) for number, line in enumerate(lines) for k in (0, -1)
            if counts[(round(line[k][0] * 1e4), round(line[k][1] * 1e4))] == 1]
    if not ends:
        return lines, classes
    points = shapely.points([p for _, p in ends])
    pairs = tree.query(points, predicate="dwithin", distance=GAP_DEGREES)
    pairs = pairs[:, pairs[1] != np.array([owner for owner, _ in ends])[pairs[0]]]
    distance = shapely.distance(points[pairs[0]], geoms[pairs[1]])
    best: dict[int, tuple[float, int, float]] = {}
    for k, target, d in zip(pairs[0].tolist(), pairs[1].tolist(), distance.tolist(),
                            strict=True):
        if k not in best or d < best[k][0]:
            best[k] = (d, target, float(shapely.line_locate_point(geoms[target], points[k])))
    for k, (owner, _) in enumerate(ends):
        own = _own_course_join(geoms[owner], points[k])
        if own is not None and (k not in best or own[0] < best[k][0]):
            best[k] = (own[0], owner, own[1])
    inserts: dict[int, list[float]] = {}
    connectors: list[list[Point]] = []
    connector_class: list[str] = []
    for k, (d, target, at) in best.items():
        _, p = ends[k]
        if d <= 1e-9:
            continue
        q = shapely.get_coordinates(shapely.line_interpolate_point(geoms[target], at))[0]
        q_point = (round(float(q[0]), 6), round(float(q[1]), 6))
        inserts.setdefault(target, []).append(at)
        connectors.append([p, q_point])
        connector_class.append(classes[target])
    out = with_vertices(lines, geoms, inserts)
    return [*out, *connectors], [*classes, *connector_class]


SELF_SKIP_DEGREES = 0.1  # an end joins its own line only this far along it (about 10 km)


def _own_course_join(line: Any, end: Any) -> tuple[float, float] | None:
    """(distance, position along ``line``) of the point where the line's own course, more than
    ``SELF_SKIP_DEGREES`` along it from ``end`` (one of its two ends), passes within
    ``GAP_DEGREES`` of that end; None if it does not."""
    import shapely
    from shapely.ops import substring

    length = float(line.length)
    if length <= 2 * SELF_SKIP_DEGREES:
        return None
    at_start = float(shapely.distance(end, shapely.points(line.coords[0]))) <= 1e-12
    start, stop = (SELF_SKIP_DEGREES, length) if at_start else (0.0, length - SELF_SKIP_DEGREES)
    course = substring(line, start, stop)
    d = float(shapely.distance(end, course))
    if d > GAP_DEGREES:
        return None
    return d, start + float(shapely.line_locate_point(course, end))


def _node_crossings(lines: list[list[Point]], classes: list[str]) -> tuple[
        list[list[Point]], list[str]]:
    """The lines cut wherever they cross (GEOS noding); each piece keeps its line's class.

    Natural Earth's roads often cross without a shared vertex: without this, most of
    Europe's roads are islands.
    """
    import shapely

    geoms = [shapely.LineString(line) for line in lines]
    tree = shapely.STRtree(geoms)
    noded = shapely.get_parts(shapely.node(shapely.multilinestrings(geoms)))
    middles = shapely.line_interpolate_point(noded, 0.5, normalized=True)
    source = tree.query_nearest(middles, all_matches=False)[1]
    pieces = [[(float(x), float(y)) for x, y in shapely.get_coordinates(g)] for g in noded]
    return pieces, [classes[i] for i in source.tolist()]


def _node_xy(node_keys: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Back from the packed integer keys to (lon, lat) degrees."""
    lon = np.floor_divide(node_keys + 2_000_000, 4_000_000)
    lat = node_keys - lon * 4_000_000
    return np.column_stack([lon, lat]).astype(float) / 1e4


SNAP_DEGREES = 0.005


def _near_misses(xy: npt.NDArray[np.float64], node_of: npt.NDArray[np.int64],
                 line_of: npt.NDArray[np.int64], is_end: npt.NDArray[np.bool_],
                 junction: npt.NDArray[np.bool_],
                 lines_at: npt.NDArray[np.int64]) -> list[tuple[int, int]]:
    """(end vertex, other line's vertex) pairs for dangling ends close to another line.

    The vertex found becomes a junction (``junction`` is updated in place).
    """
    dangling = np.flatnonzero(is_end & (lines_at[node_of] == 1))
    if not len(dangling):
        return []
    cell = np.floor(xy / SNAP_DEGREES).astype(np.int64)
    buckets: dict[tuple[int, int], list[int]] = {}
    for index, (cx, cy) in enumerate(cell.tolist()):
        buckets.setdefault((cx, cy), []).append(index)
    out = []
    for end in dangling.tolist():
        cx, cy = cell[end]
        best, best_d = -1, SNAP_DEGREES
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in buckets.get((int(cx) + dx, int(cy) + dy), ()):
                    if line_of[other] == line_of[end]:
                        continue
                    d = float(np.hypot(*(xy[other] - xy[end])))
                    if 0 < d < best_d:
                        best, best_d = other, d
        if best >= 0:
            junction[node_of[best]] = True
            out.append((end, best))
    return out


class Network:
    """A line network, ready for least-cost paths between points."""

    def __init__(self, arrays: _Arrays, name: str = "network", snap_km: float = 30.0,
                 directed: _Directed | None = None) -> None:
        self.name = name
        self.snap_km = snap_km
        self._a = arrays
        self._u, self._v, self._w, self._e = directed or _directed(arrays)
        self._keys = self._u * len(arrays.nodes) + self._v  # ascending: see _directed
        self._unit = unit_vectors(arrays.nodes[:, 0], arrays.nodes[:, 1])
        self._combos: Any = None  # the distinct country triples of edges, and each entry's
        self._combo_of: Any = None
        self._component: npt.NDArray[np.int32] | None = None  # of each node, all edges open
        self._tree: Any = None  # a k-d tree of the nodes' unit vectors, built on first use
        self._joins_found: dict[tuple[Point, int | None, float | None, int],
                                tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]] = {}
        self._end_joins_found: dict[tuple[Point, int | None, float | None, int],
                                    tuple[npt.NDArray[np.int64], npt.NDArray[np.float64],
                                          list[_Split]]] = {}
        self._chains: Chains | None = None  # the graph searched: junctions and chains
        self._rule_graphs: dict[tuple[frozenset[str] | None, frozenset[str]],
                                RuleGraph] = {}
        self._last: tuple[Any, Reach] | None = None  # the last search: its key, what it found
        # the segments of the documented additions and of the lines that wind otherwise
        # than roads do, with their stretch and slope (``_segment_table``), once asked for
        self._stretched: _SegmentTable | None = None
        self._sloped: _SegmentTable | None = None
        self._edges_of_vertices: npt.NDArray[np.int64] | None = None
        # each segment's measures along routes (routing.segments), taken once a process
        self._memo = SegmentMemo(len(arrays.coords) - 1)

    def _entry(self, u: npt.NDArray[np.int64], v: npt.NDArray[np.int64]) -> npt.NDArray[
            np.int64]:
        """The directed graph entry from each ``u`` to each ``v`` (entries are sorted by from
        and to node, one per pair)."""
        return np.searchsorted(self._keys, u * len(self._a.nodes) + v)

    @classmethod
    def from_lines(cls, lines: Sequence[Sequence[Point]], name: str = "network",
                   snap_km: float = 30.0, classes: Sequence[str] | None = None,
                   stretch: Sequence[float] | None = None,
                   slope: Sequence[float] | None = None) -> Network:
        """A network of these lines (of these classes, main lines if not given; of this
        ground length per drawn km, ``GENERALISED`` if not given; of this winding slope, as
        their classes wind or as ordinary roads if not given: ``routing.relief``)."""
        return cls(_arrays(lines, classes, stretch, slope, railway=name == RAIL_NETWORK), name,
                   snap_km)

    @classmethod
    def from_file(cls, path: Path, name: str, snap_km: float,
                  cache_dir: Path | None = None, extra: Sequence[Path] = (),
                  at_crossings: bool = False, join_facing: bool = False,
                  winds: bool = False) -> Network:
        """The network of GeoJSON files (``path`` and ``extra``), kept as arrays in movemap's
        cache folder. Main lines are marked from ``geo/main_lines.csv``, the additions'
        documented lengths read from ``geo/addition_lengths.csv`` (``routing.lengths``; a
        bad row raises :class:`NetworkError`). ``at_crossings``: lines meet wherever they
        cross (roads), not only at shared vertices. ``join_facing``: a dead end joins the
        line it heads for within ``facing.FACING_KM`` (``routing.facing``). ``winds``: the
        ground km its routes are measured by take the winding of the relief (what
        the segments' kept measures are, ``routing.segments``)."""
        from movemap import cache
        from movemap.geodata import geo_path
        from movemap.routing import borders as borders_module
        from movemap.routing import countries as countries_module
        from movemap.routing.borders import cut_at_borders, read_crossings

        table, borders = geo_path("main_lines.csv"), geo_path("countries.geojson")
        crossings = geo_path("border_crossings.csv")
        lengths_table = geo_path(LENGTHS_FILE)
        documented = stretches(name, extra, lengths_table) if extra else {}

        def build(folder: Path) -> None:
            log.info("building the %s network from %s (once)", name, path.name)
            features = [f for p in (path, *extra) for f in read_features(p)]
            lines = [line for line, _ in features]
            lines, classes = _close_gaps(lines, [c for _, c in features])
            lines, pulled = strays.pull_back_strays(lines, name, read_crossings(crossings))
            log.info("%d %s stretches drawn over a border they run along pulled back", pulled,
                     name)
            if join_facing:
                lines, classes, joins = facing_joins(lines, classes, name,
                                                     read_crossings(crossings), CLASS_COST)
                log.info("%d %s line ends joined to the line they head for", len(joins), name)
            if at_crossings:
                lines, classes = _node_crossings(lines, classes)
            lines, classes, cuts = cut_at_borders(lines, classes, name,
                                                  read_crossings(crossings))
            for pair, point in cuts:
                log.info("%s line cut where it crosses the %s border at %s, not at a "
                         "documented crossing", name, pair, point)
            classes = _mark_main_lines(lines, classes, name, table)
            named = [f for p in extra for f in read_named_features(p) if f[2] in documented]
            arrays = _arrays(lines, classes, _line_stretch(lines, named, documented),
                             railway=name == RAIL_NETWORK)
            directed = _directed(arrays)
            data: dict[str, Any] = dict(zip(_DIRECTED, directed, strict=True))
            data.update((k, getattr(arrays, k)) for k in _Arrays.__dataclass_fields__)
            # the country of every grid cell the lines run through, which the country
            # check of a route along them reads (routing.countries): found once here
            # rather than cell by cell by each run's first routes
            data["cell_keys"], data["cell_answers"] = countries_module.cells_along(
                arrays.coords)
            # what a route's checks measure on each segment, each way (routing.segments):
            # taken once here rather than by each process's routes
            measures = cls(arrays, name, snap_km, directed).measure_segments(winds)
            data.update({f"{_MEASURES}{k}": v for k, v in measures.items()})
            np.savez(folder / "network.npz", **data)

        def read(folder: Path) -> tuple[_Arrays, _Directed, dict[str, Any]]:
            # the graph's directed entries are kept too: sorting them again costs more
            # than reading them
            with np.load(folder / "network.npz") as data:
                u, v, w, e = (data[k] for k in _DIRECTED)
                countries_module.know_cells(data["cell_keys"], data["cell_answers"])
                measures = {k.removeprefix(_MEASURES): data[k] for k in data.files
                            if k.startswith(_MEASURES)}
                return (_Arrays(*(data[k] for k in _Arrays.__dataclass_fields__)),
                        (u, v, w, e), measures)

        key = cache.digest(f"format {_FORMAT} {at_crossings} {join_facing} {winds}", path,
                           *extra,
                           table, borders, geo_path("borders_10m.geojson"), crossings,
                           lengths_table, geo_path("rivers.geojson"), sys.modules[__name__],
                           borders_module, countries_module, facing, strays,
                           geodesic, relief, cache.whole_digest(geo_path("relief.npy")))
        arrays, directed, measures = cache.load(name, key, build, read,
                                                what=f"{name} network", root=cache_dir)
        network = cls(arrays, name, snap_km, directed)
        network.keep_measures(measures)
        return network

    def measure_segments(self, winds: bool = False) -> dict[str, npt.NDArray[Any]]:
        """Every segment's measures, each way, by slot (``routing.segments``): the ground km
        (with the relief's winding if ``winds``), the km and the country of the middle."""
        from movemap.routing.countries import steps_countries

        slots, start, end = every_slot(self._edge_of())
        p, q = self._a.coords[start], self._a.coords[end]
        km, country = steps_countries(p, q)

        def by_slot(values: npt.NDArray[Any], dtype: Any = np.float64) -> npt.NDArray[Any]:
            out = np.zeros(self._memo.size, dtype=dtype)
            out[slots] = values
            return out

        return {GROUND_WINDING if winds else GROUND: by_slot(self._steps_ground_km(p, q, winds)),
                f"{CROSSING} km": by_slot(km),
                f"{CROSSING} country": by_slot(country, np.int16)}  # some 250 countries

    def keep_measures(self, measures: dict[str, npt.NDArray[Any]]) -> None:
        """Keep the measures :meth:`measure_segments` took (those a cached network was
        kept with), so that no route of this process takes them again."""
        if not measures:
            return
        known = np.zeros(self._memo.size, dtype=bool)
        known[every_slot(self._edge_of())[0]] = True
        for name in (GROUND, GROUND_WINDING):
            if name in measures:
                self._memo.adopt(name, known.copy(), (measures[name],))
        self._memo.adopt(CROSSING, known, (measures[f"{CROSSING} km"],
                                           measures[f"{CROSSING} country"]))

    def with_lines(self, lines: Iterable[Sequence[Point]]) -> Network:
        """This network and more lines; each of their ends within JOIN_KM of a node joins it."""
        extra = [list(line) for line in lines]
        joins: list[list[Point]] = []
        for line in extra:
            for end in (line[0], line[-1]):
                node, km = self.nearest(end)
                if node is not None and 0 < km <= JOIN_KM:
                    joins.append([end, tuple(self._a.nodes[node])])
        old = [self._a.coords[self._a.offsets[i]: self._a.offsets[i + 1]]
               for i in range(len(self._a.edge_km))]
        lines_all: list[Sequence[Point]] = [[(float(x), float(y)) for x, y in c] for c in old]
        classes = [_class_of_cost(c) for c in self._a.edge_cost.tolist()]
        classes += ["branch"] * (len(extra) + len(joins))
        stretch = [*self._a.edge_stretch.tolist(), *[GENERALISED] * (len(extra) + len(joins))]
        slope = [*self._a.edge_slope.tolist(),
                 *[relief.class_slope("branch", self.name == RAIL_NETWORK)]
                 * (len(extra) + len(joins))]
        return Network.from_lines([*lines_all, *extra, *joins], self.name, self.snap_km,
                                  classes, stretch, slope)

    def __len__(self) -> int:
        return len(self._a.nodes)

    def ground_km(self, points: Sequence[Point] | npt.NDArray[np.float64],
                  winds: bool = False) -> float:
        """The ground length (km) of a path along this network: each of its segments on an
        edge of a documented addition counts that edge's stretch times its drawn length,
        every other segment (Natural Earth's lines, the joins to the ends) ``GENERALISED``
        times (``routing.lengths``), and with ``winds`` also times the winding of
        the relief at its middle (``routing.relief``). Segments are matched by their
        vertices, so the partial segment of a split edge at either end of the path (from
        the end's join to the edge's next vertex) counts ``GENERALISED`` too. A path this
        network drew has its segments' measures kept (``routing.segments``)."""
        xy = np.asarray(points, dtype=float).reshape(-1, 2)
        if len(xy) < 2:
            return 0.0

        def measure(at: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.float64]]:
            return (self._steps_ground_km(xy[at], xy[at + 1], winds),)

        if isinstance(points, SegmentPoints) and points.memo is self._memo:
            (km,) = points.memo.measure(GROUND_WINDING if winds else GROUND, points.slots,
                                        measure)
        else:
            (km,) = measure(np.arange(len(xy) - 1))
        return float(km.sum())

    def _steps_ground_km(self, p: npt.NDArray[np.float64], q: npt.NDArray[np.float64],
                         winds: bool) -> npt.NDArray[np.float64]:
        """The ground km of each step from a row of ``p`` to the same row of ``q``, as
        :meth:`ground_km` counts it."""
        seg_km = geodesic.pair_km(p, q)
        factor = np.full(len(seg_km), GENERALISED)
        if self._stretched is None:
            self._stretched = self._segment_table(self._a.edge_stretch, GENERALISED)
        documented, stretch = _look_up(self._stretched, p, q)
        factor[documented] = stretch
        if winds:
            generalised = ~documented  # a documented length is already the ground's
            ordinary = relief.ordinary_slope(self.name == RAIL_NETWORK)
            if self._sloped is None:
                self._sloped = self._segment_table(self._a.edge_slope, ordinary)
            slope = np.full(int(generalised.sum()), ordinary)
            sloped, slopes = _look_up(self._sloped, p[generalised], q[generalised])
            slope[sloped] = slopes
            middle = (p[generalised] + q[generalised]) / 2
            factor[generalised] *= relief.winding(middle[:, 0], middle[:, 1], slope)
        out: npt.NDArray[np.float64] = seg_km * factor
        return out

    def _segment_table(self, values: npt.NDArray[np.float64], ordinary: float
                       ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64]]:
        """The segments (both ways) of the edges whose value in ``values`` (one per edge:
        the documented stretch, the winding slope) is not ``ordinary``, as sorted keys of
        their two vertices (``_pair_keys``), and each one's value: that of the last such
        edge with the segment. A step of a path is found in it by its two points, so that a
        path this network drew and its plain points count the same (``_look_up``)."""
        edges = np.flatnonzero(values != ordinary)
        if not len(edges):
            return np.zeros(0, dtype=np.uint64), np.zeros(0)
        edge_of = self._edge_of()
        starts = np.flatnonzero((edge_of[:-1] == edge_of[1:]) & np.isin(edge_of[:-1], edges))
        keys = _vertex_keys(self._a.coords)
        pair = np.concatenate([_pair_keys(keys[starts], keys[starts + 1]),
                               _pair_keys(keys[starts + 1], keys[starts])])
        edge = np.tile(edge_of[starts], 2)
        order = np.lexsort((edge, pair))
        pair, edge = pair[order], edge[order]
        last = np.ones(len(pair), dtype=bool)
        last[:-1] = pair[1:] != pair[:-1]
        return pair[last], values[edge[last]]

    def nearest(self, p: Point) -> tuple[int | None, float]:
        """The node nearest a point, and how far it is (km)."""
        if not len(self._unit):
            return None, float("inf")
        # a brute-force scan of some 20,000 nodes takes a fraction of a millisecond, less
        # than importing a spatial index would
        target = unit_vectors(p[0], p[1])[0]
        node = int((self._unit @ target).argmax())
        chord = float(np.linalg.norm(self._unit[node] - target))
        return node, float(chord_to_km(chord))

    def _nearest_km(self, p: Point) -> float:
        """How far the node nearest a point is (km), as :meth:`nearest` measures it, the node
        found by the k-d tree of the joins instead of a scan of every node (the distance is
        only said: a node of exactly the same distance would say the same)."""
        if not len(self._unit):
            return float("inf")
        target = unit_vectors(p[0], p[1])[0]
        node = int(self.node_tree().query(target)[1])
        return float(chord_to_km(float(np.linalg.norm(self._unit[node] - target))))

    def _joins(self, p: Point, country: int | None, reach_km: float | None = None,
               count: int = CANDIDATES) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """The ``count`` nodes an end may join (nearest first, within ``reach_km``, by default
        snap_km, in its own country); remembered, since a dataset's ends come back."""
        key = (p, country, reach_km, count)
        found = self._joins_found.get(key)
        if found is None:
            if len(self._joins_found) >= _JOINS_KEPT:
                self._joins_found.clear()
            found = self._joins_found[key] = self._find_joins(p, country, reach_km, count)
        return found

    def _find_joins(self, p: Point, country: int | None, reach_km: float | None,
                    count: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        target = unit_vectors(p[0], p[1])[0]
        radius = 2 * np.sin((reach_km or self.snap_km) / EARTH_RADIUS_KM / 2)
        # the nodes within reach, by a tree rather than a distance to every node
        near = np.sort(np.asarray(self.node_tree().query_ball_point(target, radius),
                                  dtype=np.int64))
        chord = np.sqrt(np.maximum(2.0 - 2.0 * (self._unit[near] @ target), 0.0))
        keep = chord <= radius
        near, chord = near[keep], chord[keep]
        if country is not None and country >= 0:
            node_cc = self._a.node_cc[near]
            keep = (node_cc == country) | (node_cc < 0)
            near, chord = near[keep], chord[keep]
        km = chord_to_km(chord)
        order = np.argsort(km)[:count * 2]
        near, km = near[order], np.asarray(km[order], dtype=float)
        dry = _same_bank(p, self._a.nodes[near])
        if dry.any():
            near, km = near[dry], km[dry]
        elif reach_km is None and len(near) and km[0] > WET_JOIN_KM:
            # every line within snap_km is over a big river, and not just over a town's
            # bridges: look farther on this bank first (path() does); a join over the river
            # only where there is no other
            return near[:0], km[:0]
        return near[:count], km[:count]

    def _mask(self, allowed: frozenset[str] | None, avoid: frozenset[str],
              entries: npt.NDArray[np.int64] | None = None) -> npt.NDArray[np.bool_]:
        """Which directed graph entries a route may use: edges wholly in allowed countries
        (or at sea), and in none to avoid; of every entry, or of ``entries`` only."""
        from movemap.routing.countries import codes

        self._entry_combos()
        ok_code = np.array([(allowed is None or c in allowed) and c not in avoid
                            for c in codes()] + [True])  # index -1 is "no country"
        combo_of = self._combo_of if entries is None else self._combo_of[entries]
        ok: npt.NDArray[np.bool_] = ok_code[self._combos].all(axis=1)[combo_of]
        return ok

    def _entry_combos(self) -> npt.NDArray[np.int64]:
        """The country triple of each directed graph entry, as a number."""
        if self._combos is None:
            # edges fall in a few hundred distinct country triples: a rule is checked on
            # those, then looked up for each entry
            self._combos, inverse = np.unique(self._a.edge_cc, axis=0, return_inverse=True)
            self._combo_of = inverse.reshape(-1)[self._e]
        combo_of: npt.NDArray[np.int64] = self._combo_of
        return combo_of

    def ready(self) -> None:
        """Build now what searches and joins use (the junction graph, the tree of the
        nodes), so that processes forked after share it."""
        self._chain_graph()
        self.node_tree()

    def node_tree(self) -> Any:
        """A k-d tree of the nodes' unit vectors (scipy's ``cKDTree``), built on first use."""
        if self._tree is None:
            from scipy.spatial import cKDTree

            self._tree = cKDTree(self._unit)
        return self._tree

    def _chain_graph(self) -> Chains:
        """The graph searched: junctions, and chains of nodes between them
        (``routing.chains``), whose edges lie in the same countries."""
        if self._chains is None:
            from movemap.routing.chains import Chains

            self._chains = Chains.build(len(self._a.nodes), self._u, self._v, self._w,
                                        self._entry_combos())
        return self._chains

    def _wider_joins(self, p: Point, country: int, nodes: npt.NDArray[np.int64],
                      km: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.int64],
                                                            npt.NDArray[np.float64]]:
        """An end's joins widened to every node of its country (or of no country) within
        ``WET_JOIN_KM``, nearest first, whatever lies between: no river is checked. Asked
        only when the end's own joins reach nothing the other end does; the case it is for
        is a town on both banks of a big river whose own bank's line is a stub, and whose
        bridges carry it to the other bank's line."""
        target = unit_vectors(p[0], p[1])[0]
        radius = 2 * np.sin(WET_JOIN_KM / EARTH_RADIUS_KM / 2)
        near = np.asarray(self.node_tree().query_ball_point(target, radius), dtype=np.int64)
        if country >= 0 and len(near):
            near = near[(self._a.node_cc[near] == country) | (self._a.node_cc[near] < 0)]
        if not len(near):
            return nodes, km
        wet = chord_to_km(np.sqrt(np.maximum(2.0 - 2.0 * (self._unit[near] @ target), 0.0)))
        best: dict[int, float] = dict(zip(near.tolist(), np.asarray(wet).tolist(),
                                          strict=True))
        best.update(zip(nodes.tolist(), km.tolist(), strict=True))  # the dry joins as found
        order = sorted(best, key=best.__getitem__)[:FAR_CANDIDATES]
        return (np.array(order, dtype=np.int64),
                np.array([best[n] for n in order], dtype=np.float64))

    def _connected(self, starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]) -> bool:
        """Whether any start join and end join are linked by the network at all (with every
        edge open, so under any rule if not so)."""
        if self._component is None:
            from scipy.sparse import coo_matrix
            from scipy.sparse.csgraph import connected_components

            n = len(self._a.nodes)
            graph = coo_matrix((np.ones(len(self._u)), (self._u, self._v)), shape=(n, n))
            self._component = connected_components(graph, directed=False)[1]
        # a few dozen joins a side: sets, not np.isin (whose set-up costs more than that)
        return not set(self._component[starts].tolist()).isdisjoint(
            self._component[ends].tolist())

    def path(self, a: Point, b: Point, allowed: frozenset[str] | None = None,
             avoid: frozenset[str] = frozenset()) -> Sequence[Point] | str:
        """The least-cost path along the network from a to b, or the reason there is none.

        ``allowed`` (ISO alpha-2 codes) are the countries the path may cross, ``avoid`` those
        it may not; where no path keeps to them, the least-cost path that avoids ``avoid``
        (failing that, any path) is returned, and the caller tells where it strays.
        """
        from movemap.routing.countries import codes, land_country_of_end

        table = codes()
        ends_cc = [land_country_of_end(a), land_country_of_end(b)]
        starts, to_starts, splits_a = self._end_joins(a, ends_cc[0])
        ends, to_ends, splits_b = self._end_joins(b, ends_cc[1])
        # an end far from every line joins the nearest one in its country; the caller marks
        # such a long join as approximate
        # (among more nodes: the lines near such an end are few and far apart)
        far = [label for label, found in (("start", starts), ("end", ends)) if not len(found)]
        if not len(starts):
            starts, to_starts, splits_a = self._end_joins(a, ends_cc[0], FAR_KM,
                                                          FAR_CANDIDATES)
        if not len(ends):
            ends, to_ends, splits_b = self._end_joins(b, ends_cc[1], FAR_KM, FAR_CANDIDATES)
        for label, found, p, cc in (("start", starts, a, ends_cc[0]), ("end", ends, b,
                                                                        ends_cc[1])):
            if not len(found):
                km = self._nearest_km(p)
                where = f" in {table[cc]}" if cc >= 0 and km <= FAR_KM else ""
                return (f"no {self.name} line within {FAR_KM:g} km of the {label}{where} "
                        f"(nearest {km:,.0f} km)")
        if not self._connected(starts, ends):
            # an end whose own lines lead nowhere the other end is, such as a town on both
            # banks of a big river (Baghdad's east bank and the stub of the line north-east
            # from it): wider joins, a town's bridge away (WET_JOIN_KM), reach the main line
            starts, to_starts = self._wider_joins(a, ends_cc[0], starts, to_starts)
            ends, to_ends = self._wider_joins(b, ends_cc[1], ends, to_ends)
        if not self._connected(starts, ends):  # no search under any rule would find one
            return f"the {self.name} network does not connect the two ends"
        tries: list[tuple[frozenset[str] | None, frozenset[str]]] = [(allowed, avoid)]
        if allowed is not None:
            tries.append((None, avoid))
        if avoid:
            tries.append((None, frozenset()))
        bound = (SEARCH_BOUND * geodesic_km(a[0], a[1], b[0], b[1])
                 + (float(to_starts.max()) + float(to_ends.max())) * OFF_NETWORK_COST + 1.0)
        for rule_allowed, rule_avoid in tries:
            chain = self._search(starts, to_starts, ends, to_ends, (rule_allowed, rule_avoid),
                                 bound)
            if chain is None:
                continue
            # past the first try the path leaves the allowed countries: routing.route
            # measures where it goes and says so
            lead_a = _lead(splits_a, chain[0], to_starts[starts == chain[0]])
            lead_b = _lead(splits_b, chain[-1], to_ends[ends == chain[-1]])
            points = self._points(a, b, chain, lead_a, lead_b[::-1])
            shared = None
            if {s.edge for s in splits_a} & {s.edge for s in splits_b}:  # both ends on one
                shared = _one_edge(splits_a, splits_b, self._chain_cost(chain, ends, to_ends))
            if shared is not None:
                points = _dedupe([a, *shared, b])
            direct = geodesic_km(a[0], a[1], b[0], b[1])
            if far and _km(points) > FAR_DETOUR * direct + 2 * self.snap_km:
                # a far end's nearest line leads far round: the network does not serve it
                return (f"no {self.name} line within {self.snap_km:g} km of the "
                        f"{' and the '.join(far)} on its side of the big rivers, and the "
                        f"nearest farther lead far round ({_km(points):,.0f} km against "
                        f"{direct:,.0f} km direct)")
            return points
        return f"the {self.name} network does not connect the two ends"

    def _search(self, starts: npt.NDArray[np.int64], to_starts: npt.NDArray[np.float64],
                ends: npt.NDArray[np.int64], to_ends: npt.NDArray[np.float64],
                rule: tuple[frozenset[str] | None, frozenset[str]],
                bound: float | None = None) -> list[int] | None:
        """Nodes of the least-cost path from a start join to an end join, or None.

        One search from the start's joins (under one rule) serves every end: legs grouped by
        origin search the network once. The first search from a start stops at ``bound``
        (a cost): a path it finds within the bound is the least-cost one, since every
        cheaper path lies within it too; an end it does not reach within the bound (a far
        end, a long detour) takes a second search without bound.
        """
        key = (tuple(starts.tolist()), tuple(to_starts.tolist()), rule)
        if self._last is None or self._last[0] != key:
            self._last = key, self._dijkstra(starts, to_starts, rule, bound)
        reach = self._last[1]
        total = reach.cost(ends) + to_ends * OFF_NETWORK_COST
        if not _settled(reach, total):
            reach = self._dijkstra(starts, to_starts, rule, None)
            self._last = key, reach
            total = reach.cost(ends) + to_ends * OFF_NETWORK_COST
        best = int(np.argmin(total))
        if not np.isfinite(total[best]):
            return None
        return reach.path(int(ends[best]))  # the network nodes, start join to end join

    def _rule_graph(self, rule: tuple[frozenset[str] | None, frozenset[str]]) -> RuleGraph:
        """The junction graph of the chains a rule allows, with a last row for the
        search's source: ``2 * FAR_CANDIDATES`` entries (both ends of each join's chain),
        filled with its joins at each search and otherwise loops to itself, which a search
        passes over (the latest few rules kept: legs grouped by origin share them)."""
        graph = self._rule_graphs.pop(rule, None)
        if graph is None:
            chains = self._chain_graph()
            # the junction graph reads a rule's mask at each chain's first entry only
            read = chains.first_entry
            mask = np.zeros(len(self._e), dtype=bool)
            mask[read] = self._mask(*rule, read)
            graph = chains.rule_graph(mask, 2 * FAR_CANDIDATES)
            while len(self._rule_graphs) >= _RULE_GRAPHS:
                self._rule_graphs.pop(next(iter(self._rule_graphs)))
        self._rule_graphs[rule] = graph  # the latest last
        return graph

    def _dijkstra(self, starts: npt.NDArray[np.int64], to_starts: npt.NDArray[np.float64],
                  rule: tuple[frozenset[str] | None, frozenset[str]],
                  limit: float | None) -> Reach:
        """Least costs from the start joins (through a source node joined to them at their
        cost off the network), up to ``limit``: over the junctions, each chain between
        two one step (``routing.chains``), with the same costs and paths as over every
        node."""
        from movemap.routing.chains import Reach

        chains = self._chain_graph()
        rule_graph = self._rule_graph(rule)
        graph = rule_graph.graph
        costs = to_starts * OFF_NETWORK_COST + 1e-9
        hubs, hub_costs, via_start, via_at = chains.sources(starts, costs, rule_graph.chain_ok)
        source = len(chains.hubs)
        slots = slice(graph.indptr[-2], graph.indptr[-1])
        graph.indices[slots] = source  # every slot a loop, then the joins in the first ones
        graph.data[slots] = 1.0
        first = graph.indptr[-2]
        graph.indices[first: first + len(hubs)] = hubs
        graph.data[first: first + len(hubs)] = hub_costs
        distances, predecessors = dijkstra(graph, directed=True, indices=source,
                                           return_predecessors=True,
                                           limit=np.inf if limit is None else limit)
        return Reach(chains, rule_graph, distances, predecessors, starts, costs,
                     dict(zip(hubs.tolist(), zip(via_start.tolist(), via_at.tolist(),
                                                 strict=True), strict=True)), limit)

    def _chain_edges(self, chain: list[int]) -> npt.NDArray[np.int64]:
        if len(chain) < 2:
            return np.zeros(0, dtype=np.int64)
        u, v = np.array(chain[:-1]), np.array(chain[1:])
        return self._e[self._entry(u, v)]

    def _chain_cost(self, chain: list[int], ends: npt.NDArray[np.int64],
                    to_ends: npt.NDArray[np.float64]) -> float:
        """The cost of the last search's path along ``chain``, to its end join and off."""
        assert self._last is not None
        off = to_ends[ends == chain[-1]]
        cost = self._last[1].cost(np.array(chain[-1:], dtype=np.int64))[0]
        return float(cost + off.min() * OFF_NETWORK_COST)

    def _end_joins(self, p: Point, country: int | None, reach_km: float | None = None,
                   count: int = CANDIDATES) -> tuple[npt.NDArray[np.int64],
                                                     npt.NDArray[np.float64], list[_Split]]:
        """The nodes an end may join, each with its cost in km off the network: the
        nearest nodes (:meth:`_joins`), and the ends of the nearest edges, reached through
        the edge's point nearest the end (the edge split there; the stretch along the edge
        costs its class's factor, counted in km off the network); and those splits.
        Remembered, as :meth:`_joins` are: a dataset's ends come back, an origin for each
        of its legs."""
        key = (p, country, reach_km, count)
        found = self._end_joins_found.get(key)
        if found is None:
            if len(self._end_joins_found) >= _JOINS_KEPT:
                self._end_joins_found.clear()
            found = self._end_joins_found[key] = self._find_end_joins(p, country, reach_km,
                                                                      count)
        return found

    def _find_end_joins(self, p: Point, country: int | None, reach_km: float | None,
                        count: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64],
                                             list[_Split]]:
        nodes, km = self._joins(p, country, reach_km, count)
        if not len(nodes):
            return nodes, km, []
        return merge_joins(nodes, km, self._splits(p, country, float(km.max()), count), count)

    def _splits(self, p: Point, country: int | None, reach_km: float,
                count: int) -> list[_Split]:
        """The ``count`` edges nearest ``p`` (within ``reach_km``, wholly in its country, on
        its side of the big rivers), each with the point where it is nearest."""
        target = unit_vectors(p[0], p[1])[0]
        # every edge within reach has a node within reach plus its own length
        radius = 2 * np.sin((reach_km + MAX_EDGE_KM * 1.5) / EARTH_RADIUS_KM / 2)
        near = np.asarray(self.node_tree().query_ball_point(target, radius), dtype=np.int64)
        if not len(near):
            return []
        lo = np.searchsorted(self._u, near, side="left")
        hi = np.searchsorted(self._u, near, side="right")
        entries = np.arange(int((hi - lo).sum())) + np.repeat(lo - np.cumsum(hi - lo)
                                                               + (hi - lo), hi - lo)
        edges = np.unique(self._e[entries]) if len(entries) else np.zeros(0, np.int64)
        if country is not None and country >= 0 and len(edges):
            cc = self._a.edge_cc[edges]
            # the split edge is wholly in the end's country: a lead is not searched, so no
            # rule of countries would see it
            edges = edges[((cc == country) | (cc < 0)).all(axis=1)]
        if not len(edges):
            return []
        offsets, coords = self._a.offsets, self._a.coords
        sizes = offsets[edges + 1] - offsets[edges]
        seg_edge = np.repeat(np.arange(len(edges)), sizes - 1)
        first = np.repeat(offsets[edges] - np.concatenate([[0], np.cumsum(sizes - 1)[:-1]]),
                          sizes - 1)
        start = first + np.arange(len(seg_edge))
        # a plane around p, km east and north
        scale = np.array([np.cos(np.radians(p[1])), 1.0]) * (np.pi * EARTH_RADIUS_KM / 180)
        # only the candidate edges' points: the whole network's are a hundred times more
        pair = coords[np.concatenate([start, start + 1])] - np.asarray(p)
        pair[:, 0] = (pair[:, 0] + 180.0) % 360.0 - 180.0
        pair *= scale
        t, foot, dist, seg_km = project(pair[:len(start)], pair[len(start):])
        # the nearest segment of each edge
        order = np.lexsort((dist, seg_edge))
        head = np.ones(len(order), dtype=bool)
        head[1:] = seg_edge[order][1:] != seg_edge[order][:-1]
        nearest = order[head]
        keep = dist[nearest] <= reach_km
        nearest = nearest[keep][np.argsort(dist[nearest][keep])][:count * 2]
        if not len(nearest):
            return []
        feet = foot[nearest] / scale + np.asarray(p)
        dry = _same_bank(p, feet)
        out: list[_Split] = []
        # each edge's segments are one run, in order along it
        edge_first = np.searchsorted(seg_edge, np.arange(len(edges)))
        for k, seg in enumerate(nearest.tolist()):
            if not dry[k]:
                continue
            e = int(edges[seg_edge[seg]])
            i = int(start[seg] - offsets[e])  # the split is after the edge's i-th point
            run = int(edge_first[seg_edge[seg]])
            before = seg_km[run: seg].sum()
            total = seg_km[run: run + int(sizes[seg_edge[seg]]) - 1].sum()
            along = (before + t[seg] * seg_km[seg]) / max(total, 1e-9)
            if not 1e-6 < along < 1 - 1e-6:
                continue  # nearest at a node: a node join, not a split
            out.append(_Split(
                edge=e, node_a=int(self._a.edge_a[e]), node_b=int(self._a.edge_b[e]),
                off_km=float(dist[seg]), along=float(along),
                edge_cost=float(self._a.edge_km[e] * self._a.edge_cost[e]),
                point=(float(feet[k, 0]), float(feet[k, 1])), index=i,
                coords=coords[offsets[e]: offsets[e + 1]]))
            if len(out) >= count:
                break
        return out

    def _points(self, a: Point, b: Point, chain: list[int],
                lead_a: Sequence[Point] = (), lead_b: Sequence[Point] = ()) -> Points:
        """The path's points: ``a``, the lead from its split edge to the first node (if it
        joins at one), the chain's edges, the lead to the end's split, and ``b``."""
        offsets, coords = self._a.offsets, self._a.coords
        edges = self._chain_edges(chain)
        # each edge's points, in the direction the path takes it, as one index array
        forward = self._a.edge_a[edges] == np.asarray(chain[:-1], dtype=np.int64)
        first, last = offsets[edges], offsets[edges + 1] - 1
        sizes = last - first + 1
        begin = np.where(forward, first, last)
        step = np.where(forward, 1, -1)
        run = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        index = np.repeat(begin, sizes) + np.repeat(step, sizes) * run
        # a lead ends on the first node's own vertex (the node itself is rounded)
        head = (np.asarray(lead_a, dtype=float).reshape(-1, 2) if len(lead_a)
                else self._a.nodes[chain[:1]])
        tail = np.asarray(lead_b, dtype=float).reshape(-1, 2)
        # each point's vertex of the drawn lines, for the steps' slots (SegmentPoints); the
        # ends, the leads and the rounded node are no vertex
        source = np.concatenate([np.full(1 + len(head), -1, dtype=np.int64), index,
                                 np.full(len(tail) + 1, -1, dtype=np.int64)])
        return _dedupe(np.concatenate([np.asarray([a], dtype=float), head, coords[index],
                                       tail, np.asarray([b], dtype=float)]),
                       (source, coords, self._edge_of(), self._memo))

    def _edge_of(self) -> npt.NDArray[np.int64]:
        """The edge of each vertex of the drawn lines (``coords``)."""
        if self._edges_of_vertices is None:
            sizes = np.diff(self._a.offsets)
            self._edges_of_vertices = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
        return self._edges_of_vertices

    def plain_path(self, a: Point, b: Point) -> Sequence[Point] | str:
        """The shortest path by length alone, ends at their nearest nodes (no classes, no
        countries): the baseline the realism benchmark compares with."""
        start, to_start = self.nearest(a)
        end, to_end = self.nearest(b)
        if start is None or end is None or max(to_start, to_end) > self.snap_km:
            return "too far from the network"
        from scipy.sparse import coo_matrix, csgraph

        n = len(self._a.nodes)
        km = self._w / self._a.edge_cost[self._e]
        graph = coo_matrix((km, (self._u, self._v)), shape=(n, n)).tocsr()
        # csgraph's own name: the searches of a route are counted apart from these
        distances, predecessors = csgraph.dijkstra(graph, directed=True, indices=start,
                                                   return_predecessors=True)
        if not np.isfinite(distances[end]):
            return "not connected"
        chain = [end]
        while chain[-1] != start:
            chain.append(int(predecessors[chain[-1]]))
        return self._points(a, b, chain[::-1])


def merge_joins(nodes: npt.NDArray[np.int64], km: npt.NDArray[np.float64],
                splits: list[_Split], count: int) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.float64], list[_Split]]:
    """An end's joins: its node joins and the nodes of its split edges, the nearest first
    (at most ``2 * count``, and ``FAR_CANDIDATES``). A node of a split edge is reached along
    the edge, never straight across country to it: the join leaves the line where the end
    is nearest. One end at a time (``Network``) and in a batch (``routing.joins``) alike."""
    if not len(nodes):
        return nodes, km, []
    by_split: dict[int, float] = {}
    for split in splits:
        for node, cost_km in split.node_costs():
            by_split[node] = min(by_split.get(node, np.inf), cost_km)
    best: dict[int, float] = dict(zip(nodes.tolist(), km.tolist(), strict=True))
    best.update(by_split)
    order = sorted(best, key=best.__getitem__)[:min(count * 2, FAR_CANDIDATES)]
    return np.array(order, dtype=np.int64), np.array([best[n] for n in order]), splits


def project(q0: npt.NDArray[np.float64], q1: npt.NDArray[np.float64]) -> tuple[
        npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64],
        npt.NDArray[np.float64]]:
    """The foot of the origin on each segment ``q0[i]``-``q1[i]`` (points of a plane in km
    around the end): where along the segment it lies (0-1), the foot, its distance and the
    segment's length. Row by row, so a batch of many ends gives the bits of one end's rows
    (``routing.joins`` relies on it)."""
    d = q1 - q0
    length2 = np.maximum((d * d).sum(axis=1), 1e-12)
    t = np.clip(-(q0 * d).sum(axis=1) / length2, 0.0, 1.0)
    foot = q0 + t[:, None] * d
    return t, foot, np.hypot(foot[:, 0], foot[:, 1]), np.sqrt(length2)


@dataclass(frozen=True)
class _Split:
    """An end's join at the point of an edge nearest it."""

    edge: int
    node_a: int
    node_b: int
    off_km: float                   # from the end to the split, off the network
    along: float                    # where the split is, as a share of the edge from node_a
    edge_cost: float                # the whole edge's cost
    point: Point                    # the split
    index: int                      # the split lies after this point of the edge
    coords: npt.NDArray[np.float64]  # the edge's points, node_a to node_b

    def node_costs(self) -> list[tuple[int, float]]:
        """Each end node of the edge, and its cost from the end through the split, in km
        off the network (the search's unit)."""
        return [(self.node_a, self.off_km + self.along * self.edge_cost / OFF_NETWORK_COST),
                (self.node_b,
                 self.off_km + (1 - self.along) * self.edge_cost / OFF_NETWORK_COST)]

    def lead(self, node: int) -> list[Point]:
        """The points from the split to ``node`` (without the node)."""
        part = (self.coords[self.index::-1] if node == self.node_a
                else self.coords[self.index + 1:])
        return [self.point, *map(tuple, part.tolist())]


def _settled(reach: Reach, total: npt.NDArray[np.float64]) -> bool:
    """Whether a search settles the best of the ends whose costs through it are ``total``:
    it had no bound, or the best end's cost is within it."""
    return reach.limit is None or bool(np.min(total) <= reach.limit)


def _lead(splits: Sequence[_Split], node: int, node_km: npt.NDArray[np.float64]) -> list[Point]:
    """The points from an end's split to ``node`` where the search joined it through a
    split edge (its cost is the split's), none where it joined the node directly."""
    if not len(node_km):
        return []
    for split in splits:
        for end, cost_km in split.node_costs():
            if end == node and abs(cost_km - float(node_km.min())) < 1e-9:
                return split.lead(node)
    return []


def _one_edge(splits_a: Sequence[_Split], splits_b: Sequence[_Split],
              chain_cost: float) -> list[Point] | None:
    """The points along one edge from a's split to b's where both ends join the same edge
    and that costs less than the path through nodes; otherwise None."""
    best, out = chain_cost, None
    for sa in splits_a:
        for sb in splits_b:
            if sa.edge != sb.edge:
                continue
            cost = ((sa.off_km + sb.off_km) * OFF_NETWORK_COST
                    + abs(sa.along - sb.along) * sa.edge_cost)
            if cost < best:
                first, last = sorted((sa, sb), key=lambda s: s.along)
                inner = [tuple(c) for c in first.coords[first.index + 1: last.index + 1]
                         .tolist()]
                points = [first.point, *inner, last.point]
                best, out = cost, points if first is sa else points[::-1]
    return out


def warm() -> None:
    """Load now what every network's joins read besides the network (the big rivers)."""
    _rivers()


@cache
def _rivers() -> Any:
    """Natural Earth 1:50m rivers (the big ones), for joins that must not cross them."""
    import shapely

    from movemap.geodata import geo_path

    return shapely.STRtree([shapely.LineString(line)
                            for line in read_lines(geo_path("rivers.geojson"))])


def _same_bank(p: Point, nodes: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Whether the straight join from ``p`` to each node stays clear of the big rivers."""
    import shapely

    if not len(nodes):
        return np.zeros(0, dtype=bool)
    ends = np.empty((len(nodes), 2, 2))
    ends[:, 0] = p
    ends[:, 1] = nodes
    joins = shapely.linestrings(ends)
    crossing = _rivers().query(joins, predicate="intersects")[0]
    clear = np.ones(len(nodes), dtype=bool)
    clear[crossing] = False
    return clear


def describe_codes(found: Iterable[str]) -> str:
    """Country codes as a short list: ``KZ`` or ``CN, MN``."""
    return ", ".join(sorted(set(found)))


def _class_of_cost(cost: float) -> str:
    return min(CLASS_COST, key=lambda c: abs(CLASS_COST[c] - cost))


def _mark_main_lines(lines: list[list[Point]], classes: list[str], name: str,
                     table: Path) -> list[str]:
    """The classes, with the lines on each main line of ``table`` for this network marked
    ``main``: the least-cost path through the main line's stations, in order."""
    stations: dict[str, list[Point]] = {}
    with table.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            if row["network"] == name:
                stations.setdefault(row["line"], []).append((float(row["lon"]),
                                                             float(row["lat"])))
    if not stations:
        return classes
    network = Network(_arrays(lines, classes), name, 30.0)
    segment_line: dict[tuple[int, int, int, int], int] = {}
    for number, line in enumerate(lines):
        keys = [(round(x * 1e4), round(y * 1e4)) for x, y in line]
        for k1, k2 in itertools.pairwise(keys):
            segment_line[(*k1, *k2)] = segment_line[(*k2, *k1)] = number
    marked = list(classes)
    for stops in stations.values():
        for p, q in itertools.pairwise(stops):
            found = network.plain_path(p, q)
            if isinstance(found, str):
                log.warning("main line station %s is off the %s network", q, name)
                continue
            keys = [(round(x * 1e4), round(y * 1e4)) for x, y in found[1:-1]]
            for k1, k2 in itertools.pairwise(keys):
                line_number = segment_line.get((*k1, *k2))
                if line_number is not None:
                    marked[line_number] = "main"
    return marked


def _line_stretch(lines: Sequence[Sequence[Point]],
                  named: Sequence[tuple[list[Point], str, str]],
                  documented: dict[str, float]) -> list[float]:
    """Each line's ground length per drawn km: the stretch of the documented addition it
    lies on (its first segment's middle within a metre of the addition's drawing: lines
    were cut at junctions and borders since they were read), else ``GENERALISED``."""
    import shapely

    out = [GENERALISED] * len(lines)
    if not named or not lines:
        return out
    tree = shapely.STRtree([shapely.LineString(line) for line, _, _ in named])
    middles = shapely.points([((line[0][0] + line[1][0]) / 2, (line[0][1] + line[1][1]) / 2)
                              for line in lines])
    which, near = tree.query(middles, predicate="dwithin", distance=1e-5)
    for i, j in zip(which.tolist(), near.tolist(), strict=True):
        out[i] = documented[named[j][2]]
    return out


def _look_up(table: _SegmentTable, p: npt.NDArray[np.float64], q: npt.NDArray[np.float64]
             ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Which steps from a row of ``p`` to the same row of ``q`` are segments of ``table``
    (``Network._segment_table``), and the values of those that are, by a binary search."""
    keys, values = table
    if not len(keys) or not len(p):
        return np.zeros(len(p), dtype=bool), np.zeros(0)
    pair = _pair_keys(_vertex_keys(p), _vertex_keys(q))
    at = np.minimum(np.searchsorted(keys, pair), len(keys) - 1)
    found: npt.NDArray[np.bool_] = keys[at] == pair
    return found, values[at[found]]


def _pair_keys(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.uint64]:
    """One integer for each step from vertex key ``a`` to vertex key ``b`` (a hash of the
    two, in that order: two of a network's million segments meet by chance about once in
    ten billion networks)."""
    with np.errstate(over="ignore"):
        out: npt.NDArray[np.uint64] = (a.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
                                       ^ b.astype(np.uint64))
    return out


def _vertex_keys(xy: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """One integer for each point, its lon and lat to 1e-6 degrees."""
    cells = np.round(np.asarray(xy, dtype=float) * 1e6).astype(np.int64)
    return cells[:, 0] * 1_000_000_000 + cells[:, 1]


def _km(points: Sequence[Point]) -> float:
    return float(geodesic.steps_km(points).sum())


def _dedupe(points: npt.ArrayLike, vertices: tuple[npt.NDArray[np.int64], npt.NDArray[
        np.float64], npt.NDArray[np.int64], SegmentMemo] | None = None) -> Points:
    """The points without repeats (edges share their end points), as one array (a path
    holds thousands of points: as tuples they would be made, then read back into an array
    by the route). With ``vertices`` (each point's vertex of the network's lines or -1, the
    lines' points, the edge of each, the network's memo), a :class:`SegmentPoints`."""
    xy = np.asarray(points, dtype=float).reshape(-1, 2)
    keep = np.ones(len(xy), dtype=bool)
    step = np.abs(np.diff(xy, axis=0))
    keep[1:] = np.maximum(step[:, 0], step[:, 1]) > 1e-7  # (max over a row of two: slower)
    if keep.sum() <= 1:
        out = xy[[0, -1]]
        out.flags.writeable = False
        return Points.view(out)
    out = xy[keep]
    out.flags.writeable = False
    if vertices is None:
        return Points.view(out)
    source, coords, edge_of, memo = vertices
    # a step runs from the last of a kept point's repeats (the next edge's first vertex,
    # where edges meet) to the next kept point; it is its segment only if its two points
    # are that segment's own, bit for bit, as the kept measures were taken from them
    # (a kept point with a vertex is that vertex: only a step from a dropped repeat's vertex
    # is checked)
    kept = np.flatnonzero(keep)
    starts, ends = source[kept[1:] - 1], source[kept[1:]]
    slots = slots_of(starts, ends, edge_of)
    moved = np.flatnonzero((kept[1:] - 1 != kept[:-1]) & (slots >= 0))
    if len(moved):
        exact = (coords[starts[moved]] == out[moved]).all(axis=1)
        slots[moved[~exact]] = NOT_ON_NETWORK
    return SegmentPoints.over(out, slots, memo)
