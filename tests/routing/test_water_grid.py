"""The water grid's shortcuts give what the grid gives without them: the land of a cached
tile clipped to the grid's box instead of all the land, and cells answered a block at a
time where a block lies wholly on land or wholly at sea."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from movemap.routing import grid
from movemap.routing.land import TILE_DEGREES, land, land_near

# Boxes of grids over coasts, islands and straits (west, south, east, north), some by the
# tiles' edges (multiples of five degrees) and one too big for the smaller tiles.
_BOXES = [(22.1, 36.2, 27.9, 40.8),    # the Aegean's islands
          (10.2, 53.4, 13.9, 55.9),    # the Danish straits
          (-5.9, 48.1, -1.2, 50.9),    # Brittany and the Channel
          (4.9, 42.9, 8.1, 44.6),      # by a tile's edge: the Ligurian coast
          (-79.9, 25.1, -76.1, 27.9),  # the Bahamas
          (100.4, 0.6, 104.3, 2.9),    # the Strait of Malacca
          (14.6, 68.1, 19.9, 70.9),    # Norway's skerries, far north
          (118.0, 22.0, 131.0, 36.0)]  # too wide for a small tile


def _grid(box: tuple[float, float, float, float], cell_km: float) -> tuple[
        np.ndarray, np.ndarray, float, float]:
    west, south, east, north = box
    dlat = cell_km / grid.KM_PER_DEGREE
    dlon = dlat / max(math.cos(math.radians((south + north) / 2)), 0.1)
    xs = west + dlon * (np.arange(int((east - west) / dlon) + 1) + 0.5)
    ys = south + dlat * (np.arange(int((north - south) / dlat) + 1) + 0.5)
    return xs, ys, dlon, dlat


@pytest.mark.parametrize("box", _BOXES)
def test_cells_on_land_by_the_row_fill_are_those_tested_one_by_one(
        box: tuple[float, float, float, float]) -> None:
    xs, ys, _, _ = _grid(box, 2.0)
    local = shapely.clip_by_rect(land(), *box)
    shapely.prepare(local)
    gx, gy = np.meshgrid(xs, ys)
    alone = shapely.contains_xy(local, gx.ravel(), gy.ravel()).reshape(gx.shape)
    filled = grid._on_land(local, xs, ys)
    assert np.array_equal(filled, alone)
    assert alone.any() and not alone.all()  # coasts: land and sea both


def test_a_box_takes_the_smallest_tile_that_holds_it() -> None:
    large = TILE_DEGREES[-1]
    assert land_near(22.1, 36.2, 27.9, 40.8) is land_near(24.0, 36.0, 27.0, 39.9)
    # a box past the small tile of its centre takes a larger tile; wider still, all land
    wide = land_near(118.0, 22.0, 131.0, 36.0)
    assert wide is not land_near(124.0, 28.0, 125.0, 30.0) and wide is not land()
    assert land_near(100.0, 0.0, 100.0 + 3 * large, 10.0) is land()


@pytest.mark.parametrize("ends", [
    ((25.14, 35.34), (23.64, 37.94)),    # Heraklion to Piraeus, among the islands
    ((12.57, 55.69), (10.59, 55.06)),    # Copenhagen to Nyborg, through the Great Belt
    ((-3.37, 47.73), (-3.97, 48.72)),    # Lorient to Roscoff, round Brittany
    ((8.48, 44.31), (3.70, 43.40)),      # Savona to Sete, across the 5-degree edge
])
def test_a_water_path_on_a_tile_is_the_one_on_all_the_land(
        ends: tuple[tuple[float, float], tuple[float, float]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = ends
    tiled = grid.water_path(a, b, margin_deg=0.6, cell_km=2.0)
    monkeypatch.setattr(grid, "land_near", lambda *_: land())
    grid._remembered_water_path.cache_clear()  # found again, on all the land
    whole = grid.water_path(a, b, margin_deg=0.6, cell_km=2.0)
    grid._remembered_water_path.cache_clear()  # not kept for other tests
    assert tiled is not None and tiled == whole


def test_a_remembered_water_path_is_a_fresh_copy_of_the_one_found() -> None:
    """The process remembers water paths (a port's way out comes back leg after leg): asked
    again, the same path comes back, as a list of its own that a caller may change."""
    a, b = (12.57, 55.69), (10.59, 55.06)  # Copenhagen to Nyborg
    first = grid.water_path(a, b)
    assert first is not None and len(first) > 2
    first.append((0.0, 0.0))
    again = grid.water_path(a, b)
    assert again is not None and again == first[:-1] and again is not first



def test_the_row_fill_counts_holes_and_vertices_on_a_row_as_a_test_of_each_centre() -> None:
    """The row by row fill gives every cell centre the answer that testing it gives on a
    ring with a hole and on vertices that lie on a row (a square lake in a square island,
    a diamond), and nothing on no land (real coasts: the test above)."""
    from shapely.geometry import Polygon

    # the square's edges between rows (a centre on an outline is the one case the fill may
    # answer otherwise: on real coasts a centre lies there by chance alone)
    lake = Polygon([(0, 0.25), (10, 0.25), (10, 10.25), (0, 10.25)],
                   [[(3, 3.25), (7, 3.25), (7, 7.25), (3, 7.25)]])
    diamond = Polygon([(15, 5), (18, 2), (21, 5), (18, 8)])  # vertices on rows 2, 5 and 8
    both = shapely.MultiPolygon([lake, diamond])
    xs, ys = np.arange(-0.5, 22.0, 1.0), np.arange(-1.0, 12.0, 1.0)
    gx, gy = np.meshgrid(xs, ys)
    found = grid._on_land(both, xs, ys)
    assert found[4, 5] and not found[6, 5] and found[6, 19]  # land, the lake, the diamond
    assert np.array_equal(found, shapely.contains_xy(both, gx, gy))
    assert not grid._on_land(shapely.Polygon(), xs, ys).any()
    # land reaching far past the grid's last column (its crossings beyond the centres): each
    # row keeps its own crossings
    xs, ys = np.array([0.5, 1.5]), np.array([0.5, 1.5, 2.5])
    assert grid._on_land(shapely.box(0.0, 0.0, 5.0, 3.0), xs, ys).all()
    assert not grid._on_land(shapely.box(3.0, 0.0, 9.0, 3.0), xs, ys).any()


def _forward_steps(open_2d: np.ndarray, dlon: float, dlat: float, ys: np.ndarray) -> object:
    """The grid's graph as it was first built: each step once, from the earlier cell, as a
    matrix for scipy's undirected search (the plain way the quicker graph must match)."""
    from scipy.sparse import coo_matrix

    ny, nx = open_2d.shape
    index = -np.ones(nx * ny, dtype=np.int64)
    index[open_2d.ravel()] = np.arange(int(open_2d.sum()))
    rows, cols, weights = [], [], []
    for di, dj in ((0, 1), (1, 0), (1, 1), (1, -1)):
        c0, c1 = (0, nx - dj) if dj >= 0 else (-dj, nx)
        both = open_2d[:ny - di, c0:c1] & open_2d[di:, c0 + dj:c1 + dj]
        if di and dj:
            both &= open_2d[di:, c0:c1] & open_2d[:ny - di, c0 + dj:c1 + dj]
        row, col = np.nonzero(both)
        rows.append(index[row * nx + col + c0])
        cols.append(index[(row + di) * nx + col + c0 + dj])
        dx = dj * dlon * grid.KM_PER_DEGREE * np.cos(np.radians(ys))[row]
        weights.append(np.hypot(dx, di * dlat * grid.KM_PER_DEGREE))
    n = int(open_2d.sum())
    return coo_matrix((np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))),
                      shape=(n, n)).tocsr()


def _real_and_even_grids() -> list[tuple[np.ndarray, float, float, np.ndarray]]:
    """Grids over real coasts, and grids of scattered land on one latitude (every row the
    same width: paths of equal km abound, so every tie is tested)."""
    out = []
    for box in _BOXES[:4]:
        xs, ys, dlon, dlat = _grid(box, 3.0)
        out.append((~grid._on_land(shapely.clip_by_rect(land(), *box), xs, ys), dlon, dlat,
                    ys))
    rng = np.random.default_rng(3)
    for shape in ((40, 60), (1, 30), (25, 2)):
        out.append((rng.random(shape) > 0.25, 0.02, 0.01, np.zeros(shape[0])))
    return out


def test_the_grid_graph_searched_one_way_settles_what_the_undirected_search_does() -> None:
    from scipy.sparse.csgraph import dijkstra

    for open_2d, dlon, dlat, ys in _real_and_even_grids():
        quick = grid._grid_graph(open_2d, dlon, dlat, ys)
        plain = _forward_steps(open_2d, dlon, dlat, ys)
        assert quick.nnz == 2 * plain.nnz
        n = int(open_2d.sum())
        for start in (0, n // 2, n - 1):
            for limit in (np.inf, 150.0, 0.5):
                d1, p1 = dijkstra(quick, directed=True, indices=start,
                                  return_predecessors=True, limit=limit)
                d2, p2 = dijkstra(plain, directed=False, indices=start,
                                  return_predecessors=True, limit=limit)
                assert np.array_equal(d1, d2) and np.array_equal(p1, p2)


@pytest.mark.parametrize("box", _BOXES[:4])
def test_the_nearest_sea_cell_in_a_window_is_the_nearest_in_the_whole_grid(
        box: tuple[float, float, float, float]) -> None:
    from scipy.ndimage import label

    xs, ys, _, _ = _grid(box, 2.0)
    open_2d = ~grid._on_land(shapely.clip_by_rect(land(), *box), xs, ys)
    bodies, _ = label(open_2d)
    sea_2d = bodies == np.bincount(bodies[open_2d]).argmax()
    mid = math.cos(math.radians((box[1] + box[3]) / 2))
    gx, gy = np.meshgrid(xs, ys)
    rng = np.random.default_rng(7)
    points = [(float(x), float(y)) for x, y in zip(
        rng.uniform(box[0], box[2], 40), rng.uniform(box[1], box[3], 40), strict=True)]
    far = 0
    for p in points:
        d = np.hypot((gx - p[0]) * mid, gy - p[1]) * grid.KM_PER_DEGREE
        k = int(np.where(sea_2d, d, np.inf).argmin())  # first of equals in the grid's order
        any_water = float(np.min(np.hypot((gx - p[0]) * mid, gy - p[1])[open_2d]))
        got = grid._nearest_cells(p, sea_2d, open_2d, xs, ys, mid, 20.0)
        assert got == (k, float(d.flat[k]), any_water * grid.KM_PER_DEGREE)
        far += d.flat[k] > 20.0  # past the window: answered from the whole grid
    assert far  # some points lie farther inland than the window reaches


@pytest.mark.parametrize(("a", "b", "cell_km"), [
    ((28.65, 44.17), (28.98, 41.01), 1.76),  # Constanta to the Bosporus: Anatolia to the east
    ((30.73, 46.48), (33.52, 44.62), 1.5),   # Odesa to Sevastopol: Crimea at the box's edge
    ((12.57, 55.69), (10.59, 55.06), 1.0),   # the Great Belt: Sweden to the north-east
    ((-5.35, 36.14), (-9.14, 38.71), 2.0),   # Gibraltar to Lisbon: Iberia to the north
])
def test_every_cell_of_a_laid_grid_is_open_only_off_land(
        a: tuple[float, float], b: tuple[float, float], cell_km: float) -> None:
    """The cells reach past the box by up to a cell to the east and north: the last column
    and row are land where land is, not a channel of open water along the box's edge."""
    laid, _ = grid._lay_grid(a, b, 0.6, cell_km, 40.0)
    assert laid is not None
    gx, gy = np.meshgrid(laid.xs, laid.ys)
    on_land = shapely.contains_xy(land(), gx.ravel(), gy.ravel()).reshape(gx.shape)
    assert on_land[:, -1].any() or on_land[-1, :].any()  # the edges do cross land here
    assert np.array_equal(laid.open_2d, ~on_land)


def test_a_short_sea_leg_keeps_off_the_land_at_its_grids_edge() -> None:
    from movemap.routing.land import land_crossing_km

    path = grid.water_path((28.65, 44.17), (28.98, 41.01), margin_deg=0.6, cell_km=1.76)
    grid._remembered_water_path.cache_clear()
    assert path is not None
    # through the Bosporus (1:10m land closes it in places; the grid's own snap at the end)
    assert land_crossing_km(path, 10.0) < 5.0
    assert max(x for x, _ in path) < 29.3  # not round by the Gulf of Izmit
