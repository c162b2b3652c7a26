"""Which country a point or a stretch of line is in (Natural Earth, de facto view).

Points are told apart on the 1:50m outlines (``geo/countries.geojson``) away from land
borders, and on the 1:10m ones (``geo/borders_10m.geojson``) within about 15 km of them: the
1:50m border strays a few km from the real one in places (it puts downtown El Paso in
Mexico), enough to send a route into a third country on the map or to warn of one that is
not there.

Routes use it to keep a leg inside the countries it may cross: the networks know the
countries of each of their edges (``routing.network``), and a route's ends give the
countries it starts and ends in. Points at sea (a port's basin, a ferry) are in no country;
``country_of_end`` then takes the nearest one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
import shapely

from movemap.countries import natural_earth_code
from movemap.geodata import geo_path

__all__ = ["cells_along", "codes", "countries_at", "country_of_end", "crossed", "crossed_each",
           "describe", "know_cells", "know_ends", "land_country_of_end", "steps_countries",
           "warm"]

Point = tuple[float, float]
END_SEA_KM = 30.0  # an end offshore takes the nearest country within this distance
BORDER_KM = 5.0    # an end this close to another country is told apart by its town
TOWN_KM = 3.0      # a town (geo/populated_places.csv) this close to an end is the end's town
SMALL_TOWN_KM = 1.0  # and a smaller town near a border (geo/border_towns.csv) this close


@cache
def _table() -> tuple[Any, tuple[str, ...], tuple[str, ...]]:
    data = json.loads(geo_path("countries.geojson").read_text(encoding="utf-8"))
    geometries, codes, names = [], [], []
    for feature in data["features"]:
        p = feature["properties"]
        geometries.append(shapely.geometry.shape(feature["geometry"]))
        codes.append(natural_earth_code(p) or p.get("adm0_a3"))
        names.append(p.get("name") or p.get("admin") or codes[-1])
    return shapely.STRtree(geometries), tuple(codes), tuple(names)


def codes() -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes of the countries, in table order (an index's code)."""
    return _table()[1]


def countries_at(xy: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """The country index of each (lon, lat) point, -1 where none (at sea).

    Near a land border the 1:10m outline decides; a point there that no 1:10m country of
    the table holds (at sea, or in a 1:10m-only unit such as Baikonur) keeps its 1:50m answer.
    """
    points = np.asarray(xy, dtype=float).reshape(-1, 2)
    out = _cell_answers(points)
    ask = np.flatnonzero(out == _MIXED)
    if len(ask):
        out[ask] = _kept_outline_countries(points[ask])
    return out


# The answers of points in cells across borders and coasts, kept for the process as the
# cells' are: the routes of a dataset run along the same lines (a trunk road, a border
# crossing), so that most of their points in such cells come back, bit for bit, route after
# route (about two in three in 2,000 generated legs). At most 65,536 points, about 10 MB
# (a tuple of two floats and its entry, some 150 bytes each), then forgotten all at once.
_POINTS_KEPT = 1 << 16
_points: dict[tuple[float, float], int] = {}


def _kept_outline_countries(points: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """:func:`_outline_countries` of each point, those asked before answered from memory."""
    keys = list(map(tuple, points.tolist()))
    get = _points.get
    out = np.fromiter((get(k, _UNKNOWN) for k in keys), dtype=np.int64, count=len(keys))
    new = np.flatnonzero(out == _UNKNOWN)
    if len(new):
        out[new] = found = _outline_countries(points[new])
        if len(_points) + len(new) > _POINTS_KEPT:
            _points.clear()
        _points.update(zip([keys[i] for i in new.tolist()], found.tolist(), strict=True))
    return out


def _outline_countries(points: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """:func:`countries_at` point by point on the outlines (what a cell's answer stands for)."""
    out = _inside(_table()[0], _prepared(), points)
    if len(points):
        band, tree, prepared, index = _fine()
        near = np.flatnonzero(shapely.contains_xy(band, points[:, 0], points[:, 1]))
        if len(near):
            piece = _inside(tree, prepared, points[near])
            fine = np.where(piece >= 0, index[piece], -1)
            known = fine >= 0
            out[near[known]] = fine[known]
    return out


# A route's points are mostly far inside one country or far out at sea: a square cell of the
# grid that meets one 1:50m outline only, lies inside it and stays clear of the strip along
# land borders has that country's answer for every point in it, as one that meets no outline
# and no strip has -1 (at sea); asked once a cell and remembered, so that only the points in
# cells across a border or a coast are tested one by one. The side is a power of two in
# degrees, so that a point's cell (x / side, floored) and the cell's corners are exact.
# Like the outlines it is drawn from (read once a process, from the data the package ships),
# the memo lives as long as the process.
CELL_DEG = 0.125
_MIXED = -2                 # a cell whose points are told apart one by one
_UNKNOWN = -3               # a cell not asked yet
# The memo is an array, a cell an entry, over the whole globe and a margin beyond 180
# degrees (a midpoint across the antimeridian may lie a little past it): a point's answer
# is one look-up, and only the cells asked for the first time are found (once a process).
# A finite point off it (far past any coordinate) takes a dictionary instead. It is dense:
# 3072 x 1536 int16 entries, 9.4 MB, made at the first question of a process (a worker
# forked after it shares the parent's pages until it writes to them).
_HALF_X, _HALF_Y = 1536, 768  # cells either side of 0 degrees: 192 and 96 degrees
_grid: npt.NDArray[np.int16] | None = None
_CELLS_KEPT = 1 << 16
_cells: dict[int, int] = {}


def _cell_grid() -> npt.NDArray[np.int16]:
    global _grid
    if _grid is None:
        _grid = np.full((2 * _HALF_Y, 2 * _HALF_X), _UNKNOWN, dtype=np.int16)
    return _grid


def forget_cells() -> None:
    """Forget every cell's answer, and every point's in cells across borders and coasts
    (they are found again when asked)."""
    global _grid
    _grid = None
    _cells.clear()
    _points.clear()


def known_cells() -> npt.NDArray[np.int64]:
    """The answers of the cells asked so far (a country's index, -1 or ``_MIXED``)."""
    grid = _cell_grid()
    return np.concatenate([grid[grid != _UNKNOWN].astype(np.int64),
                           np.array(list(_cells.values()), dtype=np.int64)])


def _cell_answers(points: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Each point's country from its cell of the grid, ``_MIXED`` where the cell's points
    must be tested one by one (and for points off the grid: not finite)."""
    out = np.full(len(points), _MIXED, dtype=np.int64)
    ok = np.isfinite(points).all(axis=1) & (np.abs(points) <= 1e6).all(axis=1)
    if not ok.any():
        return out
    cell = np.floor(points[ok] / CELL_DEG).astype(np.int64)
    ix, iy = cell[:, 0] + _HALF_X, cell[:, 1] + _HALF_Y
    on = (ix >= 0) & (ix < 2 * _HALF_X) & (iy >= 0) & (iy < 2 * _HALF_Y)
    grid = _cell_grid()
    flat = iy[on] * (2 * _HALF_X) + ix[on]
    answers = np.empty(len(cell), dtype=np.int64)
    found = grid.ravel()[flat]
    new = found == _UNKNOWN
    if new.any():
        keys = np.unique(flat[new])
        corner = np.column_stack([keys % (2 * _HALF_X) - _HALF_X,
                                  keys // (2 * _HALF_X) - _HALF_Y]) * CELL_DEG
        grid.ravel()[keys] = _cell_countries(corner)
        found = grid.ravel()[flat]
    answers[on] = found
    if not on.all():
        answers[~on] = _cell_answers_off_grid(cell[~on])
    out[np.flatnonzero(ok)] = answers
    return out


def cells_along(points: npt.ArrayLike) -> tuple[npt.NDArray[np.int64],
                                                npt.NDArray[np.int16]]:
    """The cells of the grid that ``points`` and the midpoints between each point and the
    next lie in (a network's points: the midpoints of a route along it fall there), by
    their numbers in the grid's array, and each cell's answer: what :func:`know_cells` takes
    to know them without asking again (a network keeps them, built once)."""
    xy = np.asarray(points, dtype=float).reshape(-1, 2)
    xy = np.concatenate([xy, (xy[1:] + xy[:-1]) / 2])
    xy = xy[np.isfinite(xy).all(axis=1)]
    cell = np.floor(xy / CELL_DEG).astype(np.int64)
    ix, iy = cell[:, 0] + _HALF_X, cell[:, 1] + _HALF_Y
    on = (ix >= 0) & (ix < 2 * _HALF_X) & (iy >= 0) & (iy < 2 * _HALF_Y)
    keys = np.unique(iy[on] * (2 * _HALF_X) + ix[on])
    corner = np.column_stack([keys % (2 * _HALF_X) - _HALF_X,
                              keys // (2 * _HALF_X) - _HALF_Y]) * CELL_DEG
    return keys, _cell_countries(corner).astype(np.int16)


def know_cells(keys: npt.NDArray[np.int64], answers: npt.NDArray[np.int16]) -> None:
    """Take the answers of these cells (of :func:`cells_along`) as found."""
    if len(keys):
        _cell_grid().ravel()[keys] = answers


def _cell_answers_off_grid(cell: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The answers of cells off the grid's array (given by their numbers), remembered in a
    dictionary."""
    keys, inverse = np.unique((cell[:, 0] << 32) + (cell[:, 1] & 0xFFFFFFFF),
                              return_inverse=True)
    answers = np.array([_cells.get(k, _UNKNOWN) for k in keys.tolist()], dtype=np.int64)
    new = np.flatnonzero(answers == _UNKNOWN)
    if len(new):
        corner = np.column_stack([keys[new] >> 32, (keys[new] & 0xFFFFFFFF)
                                  - ((keys[new] & 0x80000000) << 1)]) * CELL_DEG
        answers[new] = _cell_countries(corner)
        if len(_cells) + len(new) > _CELLS_KEPT:
            _cells.clear()
        _cells.update(zip(keys[new].tolist(), answers[new].tolist(), strict=True))
    return answers[inverse.reshape(-1)]


def _cell_countries(corner: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """The answer of each cell (south-west corners): a country's index, -1 (at sea) or
    ``_MIXED``."""
    boxes = shapely.box(corner[:, 0], corner[:, 1], corner[:, 0] + CELL_DEG,
                        corner[:, 1] + CELL_DEG)
    prepared = _prepared()
    at, found = _table()[0].query(boxes)
    meets = shapely.intersects(prepared[found], boxes[at])
    at, found = at[meets], found[meets]
    count = np.bincount(at, minlength=len(boxes))
    only = -np.ones(len(boxes), dtype=np.int64)
    only[at] = found
    one = np.flatnonzero(count == 1)
    inside = np.zeros(len(boxes), dtype=bool)
    inside[one] = shapely.contains_properly(prepared[only[one]], boxes[one])
    clear = ~shapely.intersects(_fine()[0], boxes)
    out = np.full(len(boxes), _MIXED, dtype=np.int64)
    out[clear & (count == 0)] = -1
    out[clear & inside] = only[clear & inside]
    return out


def _inside(tree: Any, prepared: Any, points: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """The index of the outline of ``tree`` holding each point, -1 where none."""
    out = -np.ones(len(points), dtype=np.int64)
    if len(points):
        # boxes from the tree, then each point tested against its prepared outlines (a
        # predicate in the query would test the unprepared outlines)
        at, found = tree.query(shapely.points(points))
        inside = shapely.contains_xy(prepared[found], points[at, 0], points[at, 1])
        out[at[inside]] = found[inside]
    return out


@cache
def _fine() -> tuple[Any, Any, Any, npt.NDArray[np.int64]]:
    """The strip along land borders (prepared), the tree and prepared 1:10m outlines in it,
    and the table index of each (-1 for a unit the 1:50m table lacks)."""
    data = json.loads(geo_path("borders_10m.geojson").read_text(encoding="utf-8"))
    band = None
    geometries, index = [], []
    for feature in data["features"]:
        p = feature["properties"]
        geometry = shapely.geometry.shape(feature["geometry"])
        if p.get("kind") == "band":
            band = geometry
            continue
        geometries.append(geometry)
        index.append(_index().get(natural_earth_code(p) or p.get("adm0_a3") or "", -1))
    if band is None:
        from movemap.errors import DataMissingError

        raise DataMissingError("borders_10m.geojson has no band feature; reinstall movemap",
                               path=str(geo_path("borders_10m.geojson")))
    shapely.prepare(band)
    tree = shapely.STRtree(geometries)
    prepared = tree.geometries.copy()
    shapely.prepare(prepared)
    return band, tree, prepared, np.asarray(index, dtype=np.int64)


@cache
def _prepared() -> Any:
    geometries = _table()[0].geometries.copy()
    shapely.prepare(geometries)
    return geometries


@cache
def _towns() -> tuple[npt.NDArray[np.float64], tuple[str, ...], npt.NDArray[np.float64]]:
    """Towns as unit vectors, their countries, and how near an end must be to be theirs:
    TOWN_KM for the towns of 50,000 or more, SMALL_TOWN_KM for the smaller ones near
    borders (``geo/border_towns.csv``)."""
    import csv

    from movemap.sphere import unit_vectors

    xy, countries, reach = [], [], []
    for name, km in (("populated_places.csv", TOWN_KM), ("border_towns.csv", SMALL_TOWN_KM)):
        with geo_path(name).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                xy.append((float(row["lon"]), float(row["lat"])))
                countries.append(row["country"])
                reach.append(km)
    points = np.asarray(xy, dtype=float)
    return (unit_vectors(points[:, 0], points[:, 1]), tuple(countries),
            np.asarray(reach, dtype=float))


def _town_country(p: Point) -> str | None:
    """The country of the nearest town within its reach of ``p``, if there is one."""
    from movemap.sphere import chord_to_km, unit_vectors

    units, countries, reach = _towns()
    target = unit_vectors(p[0], p[1])[0]
    km = chord_to_km(np.sqrt(np.maximum(2.0 - 2.0 * (units @ target), 0.0)))
    km = np.where(km <= reach, km, np.inf)
    nearest = int(np.argmin(km))
    return countries[nearest] if np.isfinite(km[nearest]) else None


@lru_cache(maxsize=1 << 16)  # a dataset's ends come back leg after leg
def land_country_of_end(p: Point) -> int:
    """The country index of an end on land (-1 at sea), told apart at borders as
    :func:`country_of_end` does."""
    index = _end_index(p)
    if index < 0:
        return index
    code = country_of_end(p)
    return _index().get(code, index) if code is not None else index


@cache
def _index() -> dict[str, int]:
    """The first index of each code (codes().index, in one look-up)."""
    out: dict[str, int] = {}
    for i, code in enumerate(codes()):
        out.setdefault(code, i)
    return out


@lru_cache(maxsize=1 << 16)
def country_of_end(p: Point) -> str | None:
    """The country a route's end is in; the nearest within END_SEA_KM if it is at sea.

    Natural Earth's borders are off in places, by km at 1:50m and by hundreds of metres at
    1:10m, and towns on a border river (El Paso, Narva, Gorizia, Slubice) can fall on the
    wrong side: an end within BORDER_KM of another country that is a town takes the town's
    country (GeoNames'): within TOWN_KM of a town of ``geo/populated_places.csv`` (50,000 or
    more), within SMALL_TOWN_KM of one of ``geo/border_towns.csv`` (1,000 or more).
    """
    index = _end_index(p)
    if index >= 0 and _near_another(p):
        town = _town_country(p)
        if town is not None:
            return town
    if index < 0:
        tree = _table()[0]
        near, distance = tree.query_nearest(shapely.Point(p), return_distance=True,
                                            max_distance=END_SEA_KM / 111.0)
        if not len(near):
            return None
        index = int(near[int(np.argmin(distance))])
    return codes()[index]


def crossed(points: Sequence[Point], noise_km: float = 2.0) -> set[str]:
    """The countries a line runs through for ``noise_km`` or more (a segment counts in the
    country of its midpoint): border noise left out."""
    return crossed_each([points], noise_km)[0]


def crossed_each(lines: Sequence[Sequence[Point]], noise_km: float = 2.0) -> list[set[str]]:
    """:func:`crossed` of each line, their midpoints placed in one call (the steps of a
    network's path measured before, ``routing.segments``, read back)."""
    from movemap.routing.points import as_array
    from movemap.routing.segments import CROSSING, SegmentPoints

    if not lines:
        return []
    arrays = [as_array(points) for points in lines]
    # the steps of each line to measure (of a network's path, those not measured before)
    asked = [np.zeros(0, dtype=np.int64) if len(xy) < 2
             else line.memo.missing(CROSSING, line.slots) if isinstance(line, SegmentPoints)
             else np.arange(len(xy) - 1) for line, xy in zip(lines, arrays, strict=True)]
    starts = np.concatenate([xy[at] for xy, at in zip(arrays, asked, strict=True)])
    ends = np.concatenate([xy[at + 1] for xy, at in zip(arrays, asked, strict=True)])
    km, mids = _steps_and_midpoints(starts, ends)
    bounds = np.cumsum([0, *(len(at) for at in asked)]).tolist()
    # a whole line shorter than noise_km (a network path's join to its end, often) crosses
    # nothing that counts, whatever the countries of its steps: they are not looked up
    # (with a margin for the order of the sums)
    short = [not isinstance(line, SegmentPoints) and len(xy) >= 2
             and float(km[bounds[n]: bounds[n + 1]].sum()) < noise_km * (1 - 1e-9)
             for n, (line, xy) in enumerate(zip(lines, arrays, strict=True))]
    index = np.full(len(km), -1, dtype=np.int64)
    ask = np.repeat(~np.asarray(short, dtype=bool), np.diff(bounds))
    if ask.any():
        index[ask] = countries_at(mids[ask])
    out: list[set[str]] = []
    for n, (line, xy) in enumerate(zip(lines, arrays, strict=True)):
        if len(xy) < 2 or short[n]:
            out.append(set())
            continue
        new = (km[bounds[n]: bounds[n + 1]], index[bounds[n]: bounds[n + 1]])
        step_km, at = (line.memo.complete(CROSSING, line.slots, asked[n], new)
                       if isinstance(line, SegmentPoints) else new)
        inside = at >= 0
        total = np.bincount(at[inside], weights=step_km[inside], minlength=len(codes()))
        out.append({codes()[i] for i in np.flatnonzero(total >= noise_km).tolist()})
    return out


def steps_countries(p: npt.NDArray[np.float64], q: npt.NDArray[np.float64]) -> tuple[
        npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """The km of each step from a row of ``p`` to that of ``q`` and the country index of
    its midpoint (-1 at sea), as :func:`crossed_each` measures a line's steps."""
    km, mids = _steps_and_midpoints(p, q)
    return km, countries_at(mids) if len(mids) else np.zeros(0, dtype=np.int64)


def _steps_and_midpoints(p: npt.NDArray[np.float64], q: npt.NDArray[np.float64]) -> tuple[
        npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The km (haversine) of each step from a row of ``p`` to that of ``q``, and its
    midpoint (across the antimeridian the short way)."""
    from movemap.sphere import EARTH_RADIUS_KM

    a, b = np.radians(p), np.radians(q)
    h = (np.sin((b[:, 1] - a[:, 1]) / 2) ** 2
         + np.cos(a[:, 1]) * np.cos(b[:, 1]) * np.sin((b[:, 0] - a[:, 0]) / 2) ** 2)
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
    dx = q[:, 0] - p[:, 0]
    mids = np.column_stack([p[:, 0] + (dx - 360 * np.round(dx / 360)) / 2,
                            (p[:, 1] + q[:, 1]) / 2])
    return km, mids


# What the ends of a dataset's legs need, found for all of them at once (know_ends) or one
# at a time: the country index at the end and whether another country is within BORDER_KM.
# Kept for the process, as the outlines are.
_ENDS_KEPT = 1 << 16
_ends: dict[Point, tuple[int, bool]] = {}


def warm() -> None:
    """Load now the outlines, the border strip and the border towns, so that worker
    processes forked after share them rather than each read them."""
    codes()
    countries_at([(0.0, 0.0)])
    _prepared()
    _towns()


def know_ends(points: Iterable[Point]) -> None:
    """Find now, in one pass, what :func:`country_of_end` and :func:`land_country_of_end`
    read for each of ``points``: as they would one by one, and cheaper for many."""
    new = list(dict.fromkeys(p for p in points if p not in _ends))
    if not new:
        return
    xy = np.asarray(new, dtype=float).reshape(-1, 2)
    index = countries_at(xy)
    # another country's outline within BORDER_KM (as degrees): those whose box is that near
    # an end in a country, then each tested prepared (a big country's outline has tens of
    # thousands of vertices, which an unprepared test goes through one by one)
    reach = BORDER_KM / 111.0
    at, near = _table()[0].query(shapely.box(xy[:, 0] - reach, xy[:, 1] - reach,
                                             xy[:, 0] + reach, xy[:, 1] + reach))
    asked = (near != index[at]) & (index[at] >= 0)  # as one by one: only of an end in a country
    at, near = at[asked], near[asked]
    other = np.zeros(len(new), dtype=bool)
    other[at[shapely.dwithin(_prepared()[near], shapely.points(xy[at]), reach)]] = True
    if len(_ends) + len(new) > _ENDS_KEPT:
        _ends.clear()
    _ends.update(zip(new, zip(index.tolist(), other.tolist(), strict=True), strict=True))


def _end(p: Point) -> tuple[int, bool]:
    if p not in _ends:
        know_ends([p])
    return _ends[p]


def _end_index(p: Point) -> int:
    """The country index at a route's end (``countries_at``), remembered."""
    return _end(p)[0]


def _near_another(p: Point) -> bool:
    """Whether an outline other than that of its country index is within BORDER_KM of
    ``p`` (told for an end in a country only)."""
    return _end(p)[1]


def describe(found: Iterable[str]) -> str:
    """Country codes as a short list: ``KZ`` or ``CN, MN``."""
    return ", ".join(sorted(set(found)))
