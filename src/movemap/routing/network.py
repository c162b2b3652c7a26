"""Rail and road routes: shortest paths over a line network (Natural Earth 10m main lines).

The network is a graph whose nodes are the places where lines meet (ends and shared
vertices, rounded to 1e-4 degrees, about 11 m; ends that stop within 500 m of another line
are joined to it) and whose edges are the pieces of line between them, weighted by length.
Built once from the GeoJSON in ``geo/`` and kept in the cache folder as arrays, it loads in
a few hundredths of a second. Each end of a route is joined to the nearest node within
``snap_km``; farther than that, there is no route ("never invent a path").

Users add lines (a railway the data lacks) with a GeoJSON overlay: each of its line ends
within ``JOIN_KM`` of the network is joined to it.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import dijkstra

from movemap.errors import NetworkError
from movemap.routing.geodesic import GEOD
from movemap.sphere import chord_to_km, unit_vectors
from movemap.textfile import read_text

__all__ = ["JOIN_KM", "Network", "NetworkError", "read_lines"]

log = logging.getLogger(__name__)

Point = tuple[float, float]
JOIN_KM = 5.0
_FORMAT = 1


def read_lines(path: str | Path) -> list[list[Point]]:
    """The lines (LineString and MultiLineString parts) of a GeoJSON file, as (lon, lat)."""
    path = Path(path)
    try:
        data = json.loads(read_text(path, NetworkError))
    except json.JSONDecodeError as exc:
        raise NetworkError(f"not GeoJSON: {exc.msg}", path=str(path), line=exc.lineno,
                           column=exc.colno) from None
    features = data.get("features") if isinstance(data, dict) else None
    if data.get("type") == "Feature":
        features = [data]
    if not isinstance(features, list):
        raise NetworkError("not a GeoJSON FeatureCollection of lines", path=str(path))
    lines: list[list[Point]] = []
    for number, feature in enumerate(features, start=1):
        geometry = (feature or {}).get("geometry") or {}
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        parts: list[Any] | None = (
            [coords] if kind == "LineString" else coords if kind == "MultiLineString" else None
        )
        if not isinstance(parts, list):
            raise NetworkError(f"feature {number} is a {kind}, not a LineString",
                               path=str(path), field="geometry")
        for part in parts:
            if len(part) >= 2:
                lines.append([(float(p[0]), float(p[1])) for p in part])
    return lines


@dataclass(frozen=True)
class _Arrays:
    nodes: npt.NDArray[np.float64]      # (n, 2) lon, lat
    edge_a: npt.NDArray[np.int64]
    edge_b: npt.NDArray[np.int64]
    edge_km: npt.NDArray[np.float64]
    coords: npt.NDArray[np.float64]     # every edge's points, one after another
    offsets: npt.NDArray[np.int64]      # edge i is coords[offsets[i]:offsets[i + 1]]


def _arrays(lines: Sequence[Sequence[Point]]) -> _Arrays:
    """The graph of the lines, noded: split wherever lines meet.

    Lines meet where they share a vertex (rounded to 1e-4 degrees), and where a line's end
    lies within ``SNAP_DEGREES`` of another line's vertex (a junction the data drew a few
    hundred metres short); such an end is joined to that vertex by a short connector.
    """
    if not lines:
        empty = np.zeros(0, dtype=np.int64)
        return _Arrays(np.zeros((0, 2)), empty, empty, np.zeros(0), np.zeros((0, 2)),
                       np.zeros(1, dtype=np.int64))
    xy = np.concatenate([np.asarray(line, dtype=float) for line in lines])
    sizes = np.array([len(line) for line in lines])
    line_of = np.repeat(np.arange(len(lines)), sizes)
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
    connectors = _near_misses(xy, node_of, line_of, is_end, junction, lines_at)
    # split the lines at their junction vertices
    a, b, km, offsets, chunks = [], [], [], [0], []
    for start, size in zip(starts.tolist(), sizes.tolist(), strict=True):
        nodes = node_of[start: start + size]
        cuts = np.flatnonzero(junction[nodes])
        for i, j in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
            piece = xy[start + i: start + j + 1]
            a.append(int(nodes[i]))
            b.append(int(nodes[j]))
            km.append(float(GEOD.line_length(piece[:, 0], piece[:, 1])) / 1000)
            chunks.append(piece)
            offsets.append(offsets[-1] + len(piece))
    for u, v in connectors:
        piece = np.array([xy[u], xy[v]])
        a.append(int(node_of[u]))
        b.append(int(node_of[v]))
        km.append(float(GEOD.line_length(piece[:, 0], piece[:, 1])) / 1000)
        chunks.append(piece)
        offsets.append(offsets[-1] + 2)
    # keep only the junctions as nodes, numbered afresh
    renumber = -np.ones(len(node_keys), dtype=np.int64)
    renumber[junction] = np.arange(int(junction.sum()))
    return _Arrays(_node_xy(node_keys[junction]), renumber[np.array(a)], renumber[np.array(b)],
                   np.array(km), np.concatenate(chunks), np.array(offsets))


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
    """A line network, ready for shortest paths between points."""

    def __init__(self, arrays: _Arrays, name: str = "network", snap_km: float = 30.0) -> None:
        self.name = name
        self.snap_km = snap_km
        self._a = arrays
        n = len(arrays.nodes)
        # keep the shortest of parallel edges, in both directions
        u = np.concatenate([arrays.edge_a, arrays.edge_b])
        v = np.concatenate([arrays.edge_b, arrays.edge_a])
        w = np.concatenate([arrays.edge_km, arrays.edge_km])
        e = np.concatenate([np.arange(len(arrays.edge_km))] * 2)
        order = np.lexsort((w, v, u))
        u, v, w, e = u[order], v[order], w[order], e[order]
        first = np.ones(len(u), dtype=bool)
        first[1:] = (u[1:] != u[:-1]) | (v[1:] != v[:-1])
        keep = first & (u != v)
        u, v, w, e = u[keep], v[keep], w[keep], e[keep]
        self._graph: csr_matrix = coo_matrix((w, (u, v)), shape=(n, n)).tocsr()
        self._edge_of: csr_matrix = coo_matrix((e + 1, (u, v)), shape=(n, n)).tocsr()
        self._unit = unit_vectors(arrays.nodes[:, 0], arrays.nodes[:, 1])
        self._search: tuple[int, npt.NDArray[np.float64], npt.NDArray[np.int32]] | None = None

    @classmethod
    def from_lines(cls, lines: Sequence[Sequence[Point]], name: str = "network",
                   snap_km: float = 30.0) -> Network:
        """A network of these lines."""
        return cls(_arrays(lines), name, snap_km)

    @classmethod
    def from_file(cls, path: Path, name: str, snap_km: float,
                  cache_dir: Path | None = None) -> Network:
        """The network of a GeoJSON file, kept as arrays in movemap's cache folder."""
        from movemap import cache

        def build(folder: Path) -> None:
            log.info("building the %s network from %s (once)", name, path.name)
            arrays = _arrays(read_lines(path))
            np.savez(folder / "network.npz",
                     **{k: getattr(arrays, k) for k in _Arrays.__dataclass_fields__})

        def read(folder: Path) -> _Arrays:
            with np.load(folder / "network.npz") as data:
                return _Arrays(*(data[k] for k in _Arrays.__dataclass_fields__))

        key = cache.digest(f"format {_FORMAT}", path, sys.modules[__name__])
        arrays = cache.load(name, key, build, read, what=f"{name} network", root=cache_dir)
        return cls(arrays, name, snap_km)

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
        return Network.from_lines([*lines_all, *extra, *joins], self.name, self.snap_km)

    def __len__(self) -> int:
        return int(self._graph.shape[0])

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

    def path(self, a: Point, b: Point) -> list[Point] | str:
        """The shortest path along the network from a to b, or the reason there is none."""
        start, to_start = self.nearest(a)
        end, to_end = self.nearest(b)
        for label, km in (("start", to_start), ("end", to_end)):
            if km > self.snap_km:
                return (f"no {self.name} line within {self.snap_km:g} km of the {label} "
                        f"(nearest {km:,.0f} km)")
        assert start is not None and end is not None
        # one search serves every path from the same start (legs grouped by origin)
        if self._search is None or self._search[0] != start:
            distances, predecessors = dijkstra(self._graph, directed=True, indices=start,
                                               return_predecessors=True)
            self._search = (start, distances, predecessors)
        _, distances, predecessors = self._search
        if not np.isfinite(distances[end]):
            return f"the {self.name} network does not connect the two ends"
        chain = [end]
        while chain[-1] != start:
            chain.append(int(predecessors[chain[-1]]))
        chain.reverse()
        u, v = np.array(chain[:-1]), np.array(chain[1:])
        edges = np.asarray(self._edge_of[u, v]).ravel().astype(np.int64) - 1
        points: list[Point] = [a]
        for u_node, edge in zip(u.tolist(), edges.tolist(), strict=True):
            piece = self._a.coords[self._a.offsets[edge]: self._a.offsets[edge + 1]]
            if self._a.edge_a[edge] != u_node:
                piece = piece[::-1]
            points.extend(map(tuple, piece.tolist()))
        points.append(b)
        return _dedupe(points)


def _dedupe(points: list[Point]) -> list[Point]:
    """The points without repeats (edges share their end points)."""
    xy = np.asarray(points)
    keep = np.ones(len(xy), dtype=bool)
    keep[1:] = np.abs(np.diff(xy, axis=0)).max(axis=1) > 1e-7
    out = [(float(x), float(y)) for x, y in xy[keep]]
    return out if len(out) > 1 else [points[0], points[-1]]
