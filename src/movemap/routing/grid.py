"""Paths over water on a local grid: around headlands, into bays, up to ports.

A grid of cells about a kilometre wide is laid over the area between two points; cells whose
centre is on land are closed. The shortest path over the open cells (8 neighbours, weighted
by distance) is then pulled tight, keeping only the turns needed to stay off land.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from scipy.ndimage import label
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from movemap.routing.antimeridian import wrap
from movemap.routing.land import land_near

__all__ = ["water_path"]

Point = tuple[float, float]
KM_PER_DEGREE = 111.195
MAX_CELLS = 250_000
SEARCH_STRETCH = 3.0  # a water grid's first search stops at this many times the straight km


def _pull_tight(points: list[Point], blocked: object) -> list[Point]:
    """Drop the points a straight line can skip without touching land (greedy, galloping)."""
    out = [points[0]]
    i = 0
    while i < len(points) - 1:
        step, good = 1, i + 1
        while good + step < len(points) and not shapely.intersects(
            blocked, shapely.LineString([points[i], points[good + step]])
        ):
            good += step
            step *= 2
        while step > 1:
            step //= 2
            if good + step < len(points) and not shapely.intersects(
                blocked, shapely.LineString([points[i], points[good + step]])
            ):
                good += step
        out.append(points[good])
        i = good
    return out


def _on_land(local: object, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Whether each cell centre of the grid (rows ``ys``, columns ``xs``, both ascending) is
    on the land ``local``, by filling the land's rings row by row (a scanline fill): each
    edge of a ring crosses the rows whose centre lies in its span (from its lower end, not
    to its upper, so that a vertex on a row counts once), and a centre with an odd number
    of crossings before it along its row is inside. The same answers as testing every
    centre (``shapely.contains_xy``), a centre on the outline aside, at a cost that grows
    with the outline's edges and the cells, not with the outline's edges times the cells
    (measured on the water grids of 60 sea routes: 10.4 million cells, the same answers,
    0.29 s against 0.97 s for tests of blocks of cells and of the centres between)."""
    ny, nx = len(ys), len(xs)
    parts = shapely.get_parts(local)
    polygons = parts[shapely.get_type_id(parts) == _POLYGON]
    if not len(polygons):
        return np.zeros((ny, nx), dtype=bool)
    xy, ring = shapely.get_coordinates(shapely.get_rings(polygons), return_index=True)
    edge = ring[1:] == ring[:-1]  # consecutive points of one ring
    x0, y0, x1, y1 = xy[:-1, 0][edge], xy[:-1, 1][edge], xy[1:, 0][edge], xy[1:, 1][edge]
    first = np.searchsorted(ys, np.minimum(y0, y1), side="left")
    rows = np.searchsorted(ys, np.maximum(y0, y1), side="left") - first
    crosses = rows > 0  # a level edge crosses no row
    x0, y0, x1, y1, first, rows = (a[crosses] for a in (x0, y0, x1, y1, first, rows))
    which = np.repeat(np.arange(len(rows)), rows)
    row = np.repeat(first, rows) + np.arange(int(rows.sum())) - np.repeat(np.cumsum(rows)
                                                                          - rows, rows)
    at = x0[which] + (ys[row] - y0[which]) * (x1[which] - x0[which]) / (y1[which]
                                                                         - y0[which])
    if not len(at):  # no edge crosses a row: no centre is inside
        return np.zeros((ny, nx), dtype=bool)
    # every crossing and every centre as one number, row by row (a row's numbers lie between
    # its number times ``width`` and the next's), so that one sorted search counts the
    # crossings before each centre along its row
    left = min(float(xs[0]), float(at.min())) - 1.0
    width = max(float(xs[-1]), float(at.max())) - left + 1.0
    crossing = row * width + (at - left)
    centre = np.arange(ny)[:, None] * width + (xs - left)[None, :]
    # a crossing counts for the centres of its row at or after it: the first such (the
    # number of centres before it, less those of the rows before) is where the count goes
    # up by one, and each centre's count is the sum of the steps up to it (the same numbers
    # compared as a sorted search of every centre among the crossings would compare)
    first = np.searchsorted(centre.ravel(), crossing, side="left") - row * nx
    steps = np.bincount(row * (nx + 1) + first, minlength=ny * (nx + 1)).reshape(ny, nx + 1)
    inside: np.ndarray = np.cumsum(steps[:, :nx], axis=1) % 2 == 1
    return inside


_POLYGON = 3  # shapely's type id of a polygon


FAR_SNAP_KM = 3.0     # an end this much nearer other water than the open sea looks again wider
MAX_MARGIN_DEG = 2.0


def water_path(a: Point, b: Point, margin_deg: float = 0.4, cell_km: float = 1.0,
               max_snap_km: float = 40.0) -> list[Point] | None:
    """A path over water from ``a`` to ``b`` (lon, lat), or None if there is none nearby.

    An end on land is joined to the nearest cell of open sea (the grid's largest water body)
    within ``max_snap_km``: the path then starts at the end itself, crossing that bit of
    land (a port's approach). Where an end lies by water that is not that sea (it is more
    than ``FAR_SNAP_KM`` nearer other water than the sea), the grid is laid again with twice
    the margin (up to ``MAX_MARGIN_DEG``): a port up a river or a canal (Izmail,
    Kaliningrad) reaches the sea by a fairway that may leave the first grid.

    Remembered for the process (``WATER_PATHS_KEPT``, the latest kept): a port's way out to
    the lanes comes back for each leg from it, and a sea route asks for some of its pieces
    twice.
    """
    found = _remembered_water_path((float(a[0]), float(a[1])), (float(b[0]), float(b[1])),
                                   margin_deg, cell_km, max_snap_km)
    return None if found is None else list(found)


WATER_PATHS_KEPT = 1024


@functools.lru_cache(maxsize=WATER_PATHS_KEPT)
def _remembered_water_path(a: Point, b: Point, margin_deg: float, cell_km: float,
                           max_snap_km: float) -> tuple[Point, ...] | None:
    # a grid is searched only once its path is wanted: a wider grid whose ends lie nearer
    # the sea takes the place of a narrower one if it has a path, so that the narrower
    # one's path is wanted only if no wider grid has one
    if abs(a[0] - b[0]) > 180:
        # across the antimeridian: the grid is laid with longitudes 0..360, where the two
        # ends lie side by side, and its path is given back in -180..180
        east = _remembered_water_path((a[0] % 360, a[1]), (b[0] % 360, b[1]), margin_deg,
                                      cell_km, max_snap_km)
        if east is None:
            return None
        back = wrap(east)
        return (a, *back[1:-1], b)  # (the ends as given, not their round trip)
    laid, snap_km = _lay_grid(a, b, margin_deg, cell_km, max_snap_km)
    wider_path: list[Point] | None = None
    while snap_km > FAR_SNAP_KM and margin_deg < MAX_MARGIN_DEG:
        margin_deg *= 2
        wider, wider_km = _lay_grid(a, b, margin_deg, cell_km, max_snap_km)
        if wider is not None and wider_km < snap_km and (path := wider.path()) is not None:
            wider_path, snap_km = path, wider_km
    found = wider_path if wider_path is not None else laid.path() if laid is not None else None
    return None if found is None else tuple(found)


@dataclass(frozen=True, eq=False)  # (arrays: compared by identity)
class _Grid:
    """A water grid laid between two points, its ends snapped to its sea (their open
    cells' numbers): searched for the path between them when :meth:`path` is asked."""

    a: Point
    b: Point
    open_2d: np.ndarray
    xs: np.ndarray
    ys: np.ndarray
    dlon: float
    dlat: float
    mid: float  # the cosine of the grid's middle latitude
    local: object  # the land of the grid, clipped
    start: int
    end: int

    def path(self) -> list[Point] | None:
        """The path over the grid's water between its ends, pulled tight; None if its
        sea does not join them."""
        a, b, xs, ys, mid, start, end = (self.a, self.b, self.xs, self.ys, self.mid,
                                         self.start, self.end)
        nx = len(xs)
        graph = _grid_graph(self.open_2d, self.dlon, self.dlat, ys)
        row_km = self.dlat * KM_PER_DEGREE
        # most paths over water are a little longer than the straight line: a search
        # bounded at a few times it settles the same cells with the same costs, and stops
        # sooner
        wet = np.flatnonzero(self.open_2d.ravel())
        (x0, x1), (y0, y1) = xs[wet[[start, end]] % nx], ys[wet[[start, end]] // nx]
        straight = float(np.hypot((x1 - x0) * mid, y1 - y0)) * KM_PER_DEGREE
        _, predecessors = dijkstra(graph, directed=True, indices=start,
                                   return_predecessors=True,
                                   limit=SEARCH_STRETCH * straight + 4 * row_km)
        if predecessors[end] < 0 and start != end:
            _, predecessors = dijkstra(graph, directed=True, indices=start,
                                       return_predecessors=True)
        if predecessors[end] < 0 and start != end:
            return None
        chain = [end]
        while chain[-1] != start:
            chain.append(int(predecessors[chain[-1]]))
        cells = wet[chain[::-1]]
        path: list[Point] = list(zip(xs[cells % nx].tolist(), ys[cells // nx].tolist(),
                                     strict=True))
        path = [a, *path, b]
        # the first and last hops may cross land (the approach); pull tight only between
        return [a, *_pull_tight(path[1:-1], self.local), b] if len(path) > 3 else path


def _lay_grid(a: Point, b: Point, margin_deg: float, cell_km: float,
              max_snap_km: float) -> tuple[_Grid | None, float]:
    """The water grid of :func:`water_path` between ``a`` and ``b`` (None if it has too
    little water, or an end is too far from its sea), and how much nearer other water than
    the grid's sea its ends are (km, the larger of the two)."""
    none: tuple[_Grid | None, float] = (None, 0.0)
    if abs(a[0] - b[0]) > 180:  # across the antimeridian: no local grid there
        return none
    west, east = min(a[0], b[0]) - margin_deg, max(a[0], b[0]) + margin_deg
    south, north = min(a[1], b[1]) - margin_deg, max(a[1], b[1]) + margin_deg
    if east - west > 90:
        return none
    mid = math.cos(math.radians((south + north) / 2))
    dlat = cell_km / KM_PER_DEGREE
    dlon = dlat / max(mid, 0.1)
    nx, ny = int((east - west) / dlon) + 1, int((north - south) / dlat) + 1
    while nx * ny > MAX_CELLS:
        dlat, dlon = dlat * 1.5, dlon * 1.5
        nx, ny = int((east - west) / dlon) + 1, int((north - south) / dlat) + 1
    xs = west + dlon * (np.arange(nx) + 0.5)
    ys = south + dlat * (np.arange(ny) + 0.5)
    # the cells reach past the box to the east and north (a whole cell more at most): the
    # land is taken over all of them, or the last column and row would be open water
    # wherever they lie beyond the box, a channel along its edge across any land
    east, north = west + dlon * nx, south + dlat * ny
    # the land of a tile that holds the cells, clipped: the same coastline, cut quicker
    local = _land_in(west, south, east, north)
    shapely.prepare(local)
    land_cells = _on_land(local, xs, ys)
    water = ~land_cells.ravel()
    if water.sum() < 2:
        return none
    open_2d = ~land_cells
    n = int(water.sum())
    index = -np.ones(nx * ny, dtype=np.int64)
    index[water] = np.arange(n)
    # the water bodies: a diagonal step joins only cells its two sides already join, so the
    # grid's side steps alone tell them apart
    bodies, _ = label(open_2d)
    sea = np.bincount(bodies.ravel()[water]).argmax()
    sea_2d = bodies == sea
    snapped: list[float] = []

    def snap(p: Point) -> int | None:
        k, d, any_water = _nearest_cells(p, sea_2d, open_2d, xs, ys, mid, max_snap_km)
        snapped.append(d - any_water)
        return int(index[k]) if d <= max_snap_km else None

    start, end = snap(a), snap(b)
    if start is None or end is None:
        return None, max(snapped)
    return _Grid(a, b, open_2d, xs, ys, dlon, dlat, mid, local, start, end), max(snapped)


def _land_in(west: float, south: float, east: float, north: float) -> Any:
    """The land in a box, clipped; a box reaching east of 180 (laid with longitudes
    0..360) takes the land beyond it from west of -180, moved by 360 degrees, and one
    reaching west of -180 the land beyond it from west of 180."""
    from shapely.affinity import translate

    here = shapely.clip_by_rect(land_near(max(west, -180.0), south, min(east, 180.0), north),
                                max(west, -180.0), south, min(east, 180.0), north)
    if east > 180:
        there = shapely.clip_by_rect(land_near(-180.0, south, east - 360, north), -180.0,
                                     south, east - 360, north)
        here = shapely.union(here, translate(there, xoff=360.0))
    if west < -180:
        there = shapely.clip_by_rect(land_near(west + 360, south, 180.0, north), west + 360,
                                     south, 180.0, north)
        here = shapely.union(here, translate(there, xoff=-360.0))
    return here


# The eight steps from a cell, as (rows, columns): first those to the cells after it in the
# grid's order, then those to the cells before it, each group in the grid's order (see
# _grid_graph).
_AHEAD = ((0, 1), (1, -1), (1, 0), (1, 1))
_BEHIND = ((-1, -1), (-1, 0), (-1, 1), (0, -1))


def _grid_graph(open_2d: np.ndarray, dlon: float, dlat: float, ys: np.ndarray) -> csr_matrix:
    """The open cells' steps as a graph for scipy's search: a step joins two open cells side
    by side or corner to corner (a corner step only where both cells beside it are open too),
    weighted by its km, the cells numbered in the grid's order.

    Each cell's row lists the cells after it in the grid's order, then those before it, each
    group in order, with both directions of every step stored: the order in which scipy's
    undirected search scans a graph of the forward steps and then its transpose, so that a
    directed search of this graph settles the same cells with the same predecessors (ties
    included) without the transpose and the format conversions.
    """
    ny, nx = open_2d.shape
    row_km = dlat * KM_PER_DEGREE
    row_cos = np.cos(np.radians(ys))
    wet_p = np.zeros((ny + 2, nx + 2), dtype=bool)
    wet_p[1:-1, 1:-1] = open_2d
    index_p = np.full((ny + 2, nx + 2), -1, dtype=np.int32)
    index_p[1:-1, 1:-1][open_2d] = np.arange(int(open_2d.sum()), dtype=np.int32)
    steps = (*_AHEAD, *_BEHIND)
    target = np.empty((len(steps), int(open_2d.sum())), dtype=np.int32)
    km = np.empty((ny, len(steps)))
    for k, (di, dj) in enumerate(steps):
        # the cell each open cell steps to (-1: none), a step into land or a corner step
        # past land refused
        step_to = index_p[1 + di: ny + 1 + di, 1 + dj: nx + 1 + dj]
        if di and dj:  # a corner step may not cut the corner of a land cell
            sides = (wet_p[1 + di: ny + 1 + di, 1: nx + 1]
                     & wet_p[1: ny + 1, 1 + dj: nx + 1 + dj])
            step_to = np.where(sides, step_to, -1)
        target[k] = step_to[open_2d]
        # a step's km, as from the cell where it starts going forward (the row above, for
        # a step back up)
        start_cos = row_cos if di >= 0 else np.concatenate([[row_cos[0]], row_cos[:-1]])
        km[:, k] = np.hypot(abs(dj) * dlon * KM_PER_DEGREE * start_cos, abs(di) * row_km)
    target = target.T
    ok = target >= 0
    row = np.nonzero(open_2d)[0]
    indptr = np.zeros(len(row) + 1, dtype=np.int32)
    np.cumsum(np.count_nonzero(ok, axis=1), out=indptr[1:])
    return csr_matrix((km[row][ok], target[ok], indptr), shape=(len(row), len(row)))


def _nearest_cells(p: Point, sea_2d: np.ndarray, open_2d: np.ndarray, xs: np.ndarray,
                   ys: np.ndarray, mid: float, max_km: float) -> tuple[int, float, float]:
    """The grid cell (flat number) of the sea nearest ``p``, its km, and the km of the
    nearest open cell of any water, looked for among the cells within ``max_km`` of ``p``
    along each axis (a nearer one cannot lie outside them), and in the whole grid only when
    there is none there. Ties go to the first cell in the grid's order."""
    nx = len(xs)
    reach = max_km * (1 + 1e-9) / KM_PER_DEGREE
    cols = np.flatnonzero(np.abs(xs - p[0]) * mid <= reach)
    rows = np.flatnonzero(np.abs(ys - p[1]) <= reach)
    for r0, r1, c0, c1 in ((rows[0], rows[-1] + 1, cols[0], cols[-1] + 1)
                           if len(rows) and len(cols) else (0, 0, 0, 0),
                           (0, len(ys), 0, nx)):
        sea = sea_2d[r0:r1, c0:c1]
        if not sea.any():
            continue
        d = np.hypot((xs[c0:c1][None, :] - p[0]) * mid, ys[r0:r1][:, None] - p[1])
        dsea = np.where(sea, d * KM_PER_DEGREE, np.inf)
        k = int(dsea.argmin())
        km = float(dsea.flat[k])
        if km > max_km and (r1 - r0 < len(ys) or c1 - c0 < nx):
            continue  # outside the window: the whole grid decides
        any_water = float(np.min(d[open_2d[r0:r1, c0:c1]])) * KM_PER_DEGREE
        return (r0 + k // (c1 - c0)) * nx + c0 + k % (c1 - c0), km, any_water
    raise AssertionError("a grid with no sea")
