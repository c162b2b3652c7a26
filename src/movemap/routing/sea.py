"""Sea routes: ``searoute``'s shipping lanes, refined so that a ship could sail them.

``searoute`` gives the lane network's shortest path, but coarsely: a few points, straight
segments that cut across headlands and peninsulas, and nothing between a port and the
lanes. Each route is therefore

1. asked of ``searoute`` with its ends included;
2. densified every few km, and tested against Natural Earth 1:10m land;
3. mended where it crosses land: each stretch over land, and each end's approach from the
   port to open water, is replaced by a path over water on a local 1 km grid
   (``routing.grid``), pulled tight. A stretch with no way round at that scale is a canal
   or a narrow strait (Suez, the Bosporus), and the lanes' own path through it stands.

Legs shorter than ``GRID_KM`` are planned on the water grid alone (the lanes' points would
send a 80 km hop through a lane junction far away). Longer legs weigh two paths, each mended
as above: the lanes', with each end joined to them where they pass nearest on its way
(``JOIN_KM``) rather than at the lane node ``searoute`` ran it to; and a coarser grid's
(cells of a 200th of the distance; for legs under ``FINE_RETRY_KM`` whose coarse path is not
taken, one of 1 km cells, which keeps open an end's river the coarse cells close), whose cells
may step over an island or a cape.
The grid's is taken where it is shorter and clear of land (the lanes run out to a junction far
off and back, or keep inside a reef that 1:10m land does not show). Longitudes are brought
into -180..180 before any grid work, so that legs across the Pacific are mended like any
other; the grid itself keeps to boxes under 90 degrees wide, and one across the
antimeridian is laid with longitudes 0..360 (``grid.water_path``: Adak - Kiska).

An end more than ``COAST_KM`` from the sea is not on the coast: the leg is refused
(:class:`InlandEnd`, which the caller turns into an error naming the place).
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
import shapely

from movemap.routing.antimeridian import wrap
from movemap.routing.geodesic import GEOD, densify, geodesic_km, geodesic_steps_km
from movemap.routing.grid import water_path
from movemap.routing.land import land, land_crossing_km, land_near, on_land
from movemap.sphere import chord_to_km, unit_vectors

__all__ = ["COAST_KM", "LAND_KM", "InlandEnd", "coast_km", "sea_path"]

Point = tuple[float, float]
DENSIFY_KM = 3.0
GRID_KM = 400.0   # legs shorter than this are planned on the water grid alone
COAST_KM = 10.0   # an end farther than this from the sea is inland
FINE_RETRY_KM = 2 * GRID_KM  # a leg shorter than this retries the grid at 1 km cells
LAND_KM = 5.0     # a path over more land than this, its ends' approaches aside, is no ship's
                  # way: routing marks it approximate, and a grid's path over it is not taken
JOIN_KM = 100.0   # an end joins the lanes where they pass nearest, within this
MIN_SAVING_KM = 1.0  # a join that saves less than this is left as the lanes have it


class InlandEnd(Exception):  # a signal to the router, not a user's error
    """A sea leg's end is inland: ``end`` is "start" or "end", ``km`` its distance to sea."""

    def __init__(self, end: str, km: float) -> None:
        super().__init__(f"the {end} is {km:.0f} km from the sea")
        self.end, self.km = end, km


@functools.cache
def coast_km(p: Point, reach_km: float = 60.0) -> float:
    """How far a point is from the sea (0 at sea), up to ``reach_km`` (then ``inf``)."""
    if not on_land([p])[0]:
        return 0.0
    scale = math.cos(math.radians(p[1]))
    dy = reach_km / 111.2
    dx = dy / max(scale, 0.05)
    box = shapely.box(p[0] - dx, p[1] - dy, p[0] + dx, p[1] + dy)
    # most ends asked about are far inland (a sea leg between inland towns): a box wholly
    # inside the land (one prepared test, some 30 times quicker than cutting the water out
    # of it) has no water, as the cut below would find
    if shapely.contains_properly(land(), box):
        return math.inf
    water = box.difference(shapely.clip_by_rect(land_near(*box.bounds), *box.bounds))
    if water.is_empty:
        return math.inf
    water = shapely.transform(water, lambda xy: (xy - (p[0], p[1])) * (scale, 1.0))
    km = float(shapely.distance(water, shapely.Point(0, 0))) * 111.2
    return km if km <= reach_km else math.inf


_LANES_BACKEND = "networkx"  # searoute's graphs, built once a process for each backend


def warm() -> None:
    """Load now what sea routes read: the land, the land without the river fairways
    (``upriver_km``) and ``searoute``'s lanes and ports, so that worker processes forked
    after share them rather than each load them."""
    import searoute

    land()
    land(rivers=False)
    searoute.get_graphs(backend=_LANES_BACKEND)


def _lanes(a: Point, b: Point) -> list[Point]:
    import warnings

    import searoute

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        feature = searoute.searoute(list(a), list(b), append_orig_dest=True,
                                    backend=_LANES_BACKEND)
    return wrap([(float(x), float(y)) for x, y in feature["geometry"]["coordinates"]])


def _densify(points: list[Point]) -> list[Point]:
    return densify(points, DENSIFY_KM)


def sea_path(a: Point, b: Point) -> list[Point] | str:
    """A sea route from ``a`` to ``b`` (lon, lat), or the reason there is none.

    Raises :class:`InlandEnd` if an end is more than ``COAST_KM`` from the sea.
    """
    if a == b:
        return [a, b]
    for end, p in (("start", a), ("end", b)):
        km = coast_km(p)
        if km > COAST_KM:
            raise InlandEnd(end, km)
    direct_km = geodesic_km(a[0], a[1], b[0], b[1])
    direct: list[Point] | None = None
    # the grids a leg may be planned on: cells of a 200th of its length, then of 1 km; each
    # laid once (a short leg that falls back to the lanes weighs the same paths again)
    cells = tuple(dict.fromkeys((max(1.0, direct_km / 200), 1.0)))
    paths: dict[float, list[Point] | None] = {}

    def grid_path(cell_km: float) -> list[Point] | None:
        if cell_km not in paths:
            paths[cell_km] = water_path(a, b, margin_deg=0.6, cell_km=cell_km)
        return paths[cell_km]

    if direct_km < GRID_KM:
        # a short leg's grid path, unless its cells close a narrow strait and an end is
        # joined over land to a sea beyond it (Constanta to Istanbul by the Bosporus, at
        # 1.8 km cells, ended with 25 km over the city): then a grid of 1 km cells, then
        # the lanes, which keep their own way through a strait too narrow for the grids
        for cell_km in cells:
            found = grid_path(cell_km)
            if found is not None and _over_land_km(found) <= LAND_KM:
                return found
            direct = direct or found
    lanes = _mend(a, b, _lanes(a, b), "the shipping lanes")
    if isinstance(lanes, str) or (direct is not None and _over_land_km(lanes) > LAND_KM):
        return direct if direct is not None else lanes
    lanes = _join_ends(lanes)
    # the lanes may still run out to a junction far off and back (Bandar Abbas to Chabahar
    # by the Arabian Sea lanes), or keep inside a reef to a channel far along the coast
    # (Townsville by Cairns, Mackay by the Capricorn Channel): a path on a coarser
    # water grid, mended like the lanes where it crosses land (an end's approach, an island
    # or a cape its cells step over), is the ship's way when it is shorter and clear of land
    # (mending only lengthens a path but for its ends' few km: a grid's path no shorter than
    # the lanes' before it is not mended at all)
    lanes_km = _km(lanes)
    # a coastal leg whose coarse path is not taken tries cells of 1 km before the lanes far
    # offshore: finer cells keep open an end's river or channel the coarse ones close (Sittwe
    # to Rangoon, up the Yangon River)
    for cell_km in cells if direct_km < FINE_RETRY_KM else cells[:1]:
        coarse = grid_path(cell_km)
        if coarse is None or _km(coarse) >= lanes_km + 2 * COAST_KM:
            continue
        grid = _mend(a, b, coarse, "the water grid")
        if not isinstance(grid, str) and _km(grid) < lanes_km and _over_land_km(grid) <= 1.0:
            return grid
    return lanes


def _over_land_km(path: list[Point]) -> float:
    """The km of a path over land, its ends' approaches (``COAST_KM`` each) aside."""
    return land_crossing_km(path, skip_km=COAST_KM)


def _mend(a: Point, b: Point, skeleton: list[Point], what: str) -> list[Point] | str:
    """A path along ``skeleton`` (the lanes' points, or a coarse grid's) that a ship could
    sail: densified, each stretch over land replaced by a path over water on the 1 km grid,
    each end's approach from its port to open water likewise; or the reason there is none."""
    points = wrap(_densify(skeleton))
    wet = ~on_land(points)
    if not wet.any():
        return f"{what} between these places run only over land"
    first, last = int(wet.argmax()), len(wet) - 1 - int(wet[::-1].argmax())
    out: list[Point] = []
    head = water_path(a, points[min(first + 3, last)])
    if head is None:
        return "the start is more than 40 km from open sea"
    out.extend(head)
    i = min(first + 3, last)
    while i < last:
        j = i + 1
        if wet[j]:
            out.append(points[j])
            i = j
            continue
        while j < last and not wet[j]:
            j += 1
        detour = water_path(points[i], points[j])
        # No way round at 1 km: a canal or a strait narrower than 1:10m land shows (Suez,
        # the Bosporus). The skeleton's own path through it stands.
        out.extend(detour[1:] if detour is not None else points[i + 1 : j + 1])
        i = j
    tail = water_path(out[-1], b)
    if tail is None:
        return "the end is more than 40 km from open sea"
    out.extend(tail[1:])
    return [out[0], *_despike(out[1:-1]), out[-1]]


def _join_ends(path: list[Point]) -> list[Point]:
    """The path with each end joined to the lanes where they pass nearest on its way."""
    return _join_end(_join_end(path)[::-1])[::-1]


def _join_end(path: list[Point]) -> list[Point]:
    """The path with its last point joined to the lanes where they pass nearest on the way,
    instead of at the lane node that ``searoute`` ran it to (Nynashamn's lane runs on past
    the port to a junction in the Stockholm approaches and back).

    The point taken is the one, within ``JOIN_KM`` of the end, that makes the lanes' km to it
    plus the straight km from it to the end least; the join itself is a path over water
    (``routing.grid``), and it is kept only if the whole path is shorter for it and it
    crosses no more land than the lanes it replaces.
    """
    if len(path) < 3:
        return path
    xy = np.asarray(path, dtype=float)
    end = xy[-1]
    along = np.concatenate([[0.0], np.cumsum(_steps_km(xy))])
    # the points within JOIN_KM of the end, found on the sphere first (within 0.6 % of the
    # ellipsoid's km), then measured on the ellipsoid; the others are never taken
    to_end = np.full(len(xy) - 1, np.inf)
    near = np.flatnonzero(chord_to_km(np.linalg.norm(
        unit_vectors(xy[:-1, 0], xy[:-1, 1]) - unit_vectors(end[0], end[1]), axis=1))
        <= JOIN_KM * 1.01 + 1.0)
    if len(near):
        to_end[near] = np.asarray(GEOD.inv(xy[near, 0], xy[near, 1],
                                           np.full(len(near), end[0]),
                                           np.full(len(near), end[1]))[2]) / 1000
    cost = np.where(to_end <= JOIN_KM, along[:-1] + to_end, np.inf)
    k = int(cost.argmin())
    if not cost[k] < along[-1] - MIN_SAVING_KM:
        return path
    join = water_path(path[k], path[-1])
    if join is None:
        return path
    joined = [*path[:k], *join]
    # the length first: it is cheap, and a join that saves nothing needs no land sampled
    # (the km of the lanes up to the join, then its own steps, added in the path's order:
    # _km of the whole joined path, bit for bit)
    joined_km = float(along[k])
    for step in _steps_km(join).tolist():
        joined_km += step
    if not joined_km < along[-1] - MIN_SAVING_KM or (
            land_crossing_km(join) > land_crossing_km(path[k:]) + 0.5):
        return path  # (a port on land may snap to water beyond a spit: no new land crossed)
    return joined


def _steps_km(points: Any) -> Any:
    """The geodesic km of each step of a path of (lon, lat) points, in one call."""
    return geodesic_steps_km(points)


def _km(points: list[Point]) -> float:
    # summed in order, as step after step, so that a length does not hang on numpy's order
    return float(sum(_steps_km(points).tolist()))


def _despike(points: list[Point]) -> list[Point]:
    """The path without the points where it doubles back (where a mended piece meets the
    lanes), when the shortcut past such a point stays off land."""
    out = list(points)
    changed = True
    while changed and len(out) > 2:
        changed = False
        keep = [out[0]]
        for i in range(1, len(out) - 1):
            p, q, r = keep[-1], out[i], out[i + 1]
            ux, uy, vx, vy = q[0] - p[0], q[1] - p[1], r[0] - q[0], r[1] - q[1]
            norm = math.hypot(ux, uy) * math.hypot(vx, vy)
            back = norm > 0 and (ux * vx + uy * vy) / norm < -0.5  # turns by over 120 degrees
            if back and abs(r[0] - p[0]) < 180 and not shapely.intersects(
                    land(), shapely.LineString([p, r])):
                changed = True
                continue
            keep.append(q)
        keep.append(out[-1])
        out = keep
    return out
