"""Paths over water on a local grid: around headlands, into bays, up to ports.

A grid of cells about a kilometre wide is laid over the area between two points; cells whose
centre is on land are closed. The shortest path over the open cells (8 neighbours, weighted
by distance) is then pulled tight, keeping only the turns needed to stay off land.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import shapely
from scipy.ndimage import label
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra

from movemap.routing.land import land_near

__all__ = ["water_path"]

Point = tuple[float, float]
KM_PER_DEGREE = 111.195
MAX_CELLS = 250_000
SEARCH_STRETCH = 3.0


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


# Sides, in cells, of the blocks the land test answers whole where it can, each a multiple of
# the next (a block starts at a multiple of its side). Smaller blocks than 8 cost more in box
# tests than they save in point tests (measured on the water grids of 50 sea routes: 64, 16, 4
# took 1.16 s, 32, 8 took 0.86 s, for the same answers).
BLOCKS = (32, 8)


def _on_land(local: object, xs: np.ndarray, ys: np.ndarray, dlon: float,
             dlat: float) -> np.ndarray:
    """Whether each cell centre of the grid (rows ``ys``, columns ``xs``) is on the land
    ``local`` (prepared): ``shapely.contains_xy`` of every centre, answered a whole block
    of cells at once where the block lies inside the land's interior (all on land) or clear
    of it (all at sea). The blocks the coastline crosses are cut into smaller ones
    (``BLOCKS``), and only in the smallest it crosses is each centre tested."""
    ny, nx = len(ys), len(xs)
    out = np.zeros((ny, nx), dtype=bool)
    size = BLOCKS[0]
    bi, bj = (a.ravel() * size for a in np.meshgrid(
        np.arange(-(-ny // size)), np.arange(-(-nx // size)), indexing="ij"))
    for level, size in enumerate(BLOCKS):
        # a block's box runs from half a cell before its first centre to half a cell after
        # its last: every centre strictly inside
        last_i, last_j = np.minimum(bi + size, ny) - 1, np.minimum(bj + size, nx) - 1
        boxes = shapely.box(xs[bj] - dlon / 2, ys[bi] - dlat / 2, xs[last_j] + dlon / 2,
                            ys[last_i] + dlat / 2)
        meets = shapely.intersects(local, boxes)
        inside = np.zeros(len(boxes), dtype=bool)
        inside[meets] = shapely.contains_properly(local, boxes[meets])
        if inside.any():  # whole blocks on land, set at once (a block starts at a multiple
            blocks = np.zeros((-(-ny // size), -(-nx // size)), dtype=bool)  # of its size)
            blocks[bi[inside] // size, bj[inside] // size] = True
            out |= np.repeat(np.repeat(blocks, size, axis=0), size, axis=1)[:ny, :nx]
        mixed = meets & ~inside
        bi, bj = bi[mixed], bj[mixed]
        smaller = BLOCKS[level + 1] if level + 1 < len(BLOCKS) else 1
        di, dj = (a.ravel() for a in np.meshgrid(np.arange(0, size, smaller),
                                                 np.arange(0, size, smaller), indexing="ij"))
        bi, bj = (bi[:, None] + di).ravel(), (bj[:, None] + dj).ravel()
        keep = (bi < ny) & (bj < nx)
        bi, bj = bi[keep], bj[keep]
    out[bi, bj] = shapely.contains_xy(local, xs[bj], ys[bi])
    return out


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
    found, snap_km = _water_path(a, b, margin_deg, cell_km, max_snap_km)
    while snap_km > FAR_SNAP_KM and margin_deg < MAX_MARGIN_DEG:
        margin_deg *= 2
        wider, wider_km = _water_path(a, b, margin_deg, cell_km, max_snap_km)
        if wider is not None and wider_km < snap_km:
            found, snap_km = wider, wider_km
    return None if found is None else tuple(found)


def _water_path(a: Point, b: Point, margin_deg: float, cell_km: float,
                max_snap_km: float) -> tuple[list[Point] | None, float]:
    """:func:`water_path` on one grid, and how much nearer other water than the grid's sea
    its ends are (km, the larger of the two)."""
    none: tuple[list[Point] | None, float] = (None, 0.0)
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
    # the land of a tile that holds the box, clipped: the same coastline, cut quicker
    local = shapely.clip_by_rect(land_near(west, south, east, north), west, south, east, north)
    shapely.prepare(local)
    land_cells = _on_land(local, xs, ys, dlon, dlat)
    water = ~land_cells.ravel()
    index = -np.ones(nx * ny, dtype=np.int64)
    index[water] = np.arange(int(water.sum()))
    if water.sum() < 2:
        return none
    rows, cols, weights = [], [], []
    open_2d = ~land_cells
    row_km = dlat * KM_PER_DEGREE
    row_cos = np.cos(np.radians(ys))
    for di, dj in ((0, 1), (1, 0), (1, 1), (1, -1)):
        # each step from a cell (row, col) to (row + di, col + dj) inside the grid, as the
        # blocks of the grid where it starts and where it ends (in the order of the cells)
        c0, c1 = (0, nx - dj) if dj >= 0 else (-dj, nx)
        both = open_2d[:ny - di, c0:c1] & open_2d[di:, c0 + dj:c1 + dj]
        if di and dj:  # a diagonal step may not cut the corner of a land cell
            both &= open_2d[di:, c0:c1] & open_2d[:ny - di, c0 + dj:c1 + dj]
        row, col = np.nonzero(both)
        src = row * nx + col + c0
        dst = (row + di) * nx + col + c0 + dj
        dx = dj * dlon * KM_PER_DEGREE * row_cos[row]
        rows.append(index[src])
        cols.append(index[dst])
        weights.append(np.hypot(dx, di * row_km))
    n = int(water.sum())
    graph = coo_matrix((np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))),
                       shape=(n, n)).tocsr()
    # the water bodies: a diagonal step joins only cells its two sides already join, so the
    # grid's side steps alone tell them apart (numbered in the order of their first cell, as
    # a search of the graph from cell to cell would number them)
    bodies, _ = label(open_2d)
    component = bodies.ravel()[water]
    sea = np.bincount(component).argmax()
    wet = np.flatnonzero(water)
    open_cells = wet[component == sea]
    cx, cy = xs[open_cells % nx], ys[open_cells // nx]
    wx, wy = xs[wet % nx], ys[wet // nx]
    snapped: list[float] = []

    def snap(p: Point) -> int | None:
        d = np.hypot((cx - p[0]) * mid, cy - p[1]) * KM_PER_DEGREE
        k = int(d.argmin())
        any_water = float(np.min(np.hypot((wx - p[0]) * mid, wy - p[1]))) * KM_PER_DEGREE
        snapped.append(float(d[k]) - any_water)
        return int(index[open_cells[k]]) if d[k] <= max_snap_km else None

    start, end = snap(a), snap(b)
    if start is None or end is None:
        return None, max(snapped)
    # most paths over water are a little longer than the straight line: a search bounded
    # at a few times it settles the same cells with the same costs, and stops sooner
    (x0, x1), (y0, y1) = xs[wet[[start, end]] % nx], ys[wet[[start, end]] // nx]
    straight = float(np.hypot((x1 - x0) * mid, y1 - y0)) * KM_PER_DEGREE
    _, predecessors = dijkstra(graph, directed=False, indices=start, return_predecessors=True,
                               limit=SEARCH_STRETCH * straight + 4 * row_km)
    if predecessors[end] < 0 and start != end:
        _, predecessors = dijkstra(graph, directed=False, indices=start,
                                   return_predecessors=True)
    if predecessors[end] < 0 and start != end:
        return None, max(snapped)
    chain = [end]
    while chain[-1] != start:
        chain.append(int(predecessors[chain[-1]]))
    cells = wet[chain[::-1]]
    path: list[Point] = list(zip(xs[cells % nx].tolist(), ys[cells // nx].tolist(),
                                 strict=True))
    path = [a, *path, b]
    # the first and last hops may cross land (the approach); pull tight only between them
    return ([a, *_pull_tight(path[1:-1], local), b] if len(path) > 3 else path), max(snapped)
