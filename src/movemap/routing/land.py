"""Natural Earth 1:10m land, for keeping sea routes off it, and how much of a line crosses it.

At 1:10m the narrowest straits and the canals ships use (the Bosporus, the Dardanelles, the
Suez, Kiel and Panama canals) are closed, and so are the lagoons and rivers that lead to some
ports (Kaliningrad, Rostov-on-Don, Izmail, Rotterdam, Hamburg); ``geo/channels.geojson`` gives
their fairways, and a channel ``CHANNEL_DEGREES`` (or the feature's ``half_width_deg``) either
side of each is cut out of the land.

Sea routes also sail up rivers: ``geo/river_fairways.geojson`` holds the lower courses of the
rivers that reach the sea (Natural Earth 1:50m, within 250 km of open water along the river:
``tools/stage_river_fairways.py``), cut out ``RIVER_DEGREES`` either side, so that a port
up a river or an estuary that 1:10m land fills (Rouen, Kolkata, Basra) is reached along
the water. The road network's bridge checks (``routing.facing``) ask for the land without
them (``land(rivers=False)``): a river is no gap a road may not join across.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np
import shapely

from movemap.geodata import geo_path
from movemap.routing.geodesic import densified

__all__ = ["land", "land_crossing_km", "land_near", "on_land", "sea_path_checks", "upriver_km"]

Point = tuple[float, float]
CHANNEL_DEGREES = 0.01  # half the width of a channel cut through land (about 1 km)
RIVER_DEGREES = 0.02  # half the width of a river fairway cut through land (about 2 km)


@cache
def _land_10m() -> Any:
    """Natural Earth 1:10m land as read, one geometry: both kinds of :func:`land` are cut
    from it (reading it is most of making either, some 0.8 s of CPU)."""
    with geo_path("land_10m.geojson").open(encoding="utf-8") as f:
        feature = json.load(f)["features"][0]
    return shapely.geometry.shape(feature["geometry"])


@cache
def land(rivers: bool = True) -> Any:
    """The world's land (union of the 10m countries) less the channels and, unless
    ``rivers`` is false, the river fairways; prepared for fast point tests."""
    geometry = _land_10m()
    with geo_path("channels.geojson").open(encoding="utf-8") as f:
        features = json.load(f)["features"]
    # long winding fairways are cut wider, so that the 1 km water grid (routing.grid)
    # finds them open all along
    cuts = [shapely.buffer(shapely.geometry.shape(c["geometry"]),
                           float((c.get("properties") or {}).get("half_width_deg",
                                                                  CHANNEL_DEGREES)))
            for c in features]
    if rivers:
        with geo_path("river_fairways.geojson").open(encoding="utf-8") as f:
            lines = shapely.from_geojson(f.read())
        cuts.append(shapely.buffer(shapely.get_parts(lines), RIVER_DEGREES, quad_segs=2))
    channels = shapely.union_all(np.concatenate([np.atleast_1d(c) for c in cuts]))
    parts = shapely.get_parts(geometry)
    cut = shapely.intersects(parts, channels)  # only the few polygons a channel crosses
    parts[cut] = shapely.difference(parts[cut], channels)
    geometry = shapely.multipolygons(shapely.get_parts(parts))
    shapely.prepare(geometry)
    return geometry


# Cells of the tiles land is cut to, smallest first: a tile is three by three cells, one
# centred on each cell, so that any box smaller than a cell lies in the tile of the cell
# holding its centre.
TILE_DEGREES = (5, 15)


def land_near(west: float, south: float, east: float, north: float) -> Any:
    """Land enough to clip to this box: the land of a cached tile that holds it (tiles of
    three by three cells of ``TILE_DEGREES``, one centred on each cell, the smallest that
    holds the box), or all of it for a box too big for any. Clipping a tile is quicker than
    clipping the world's coastline, and within the tile the coastline is the same."""
    for level, degrees in enumerate(TILE_DEGREES):
        cx = math.floor((west + east) / 2 / degrees)
        cy = math.floor((south + north) / 2 / degrees)
        x0, y0 = (cx - 1) * degrees, (cy - 1) * degrees
        if west > x0 and south > y0 and east < x0 + 3 * degrees and north < y0 + 3 * degrees:
            return _land_tile(level, cx, cy)
    return land()


@functools.lru_cache(maxsize=256)
def _land_tile(level: int, cx: int, cy: int) -> Any:
    degrees = TILE_DEGREES[level]
    x0, y0 = (cx - 1) * degrees, (cy - 1) * degrees
    return shapely.clip_by_rect(land(), x0, y0, x0 + 3 * degrees, y0 + 3 * degrees)


def on_land(points: Sequence[Point]) -> np.ndarray:
    """Whether each (lon, lat) point is on land."""
    return _contains(True, np.asarray(points, dtype=float).reshape(-1, 2))


# A point is tested against the land of its cell of CELL_DEGREES, cut from the land with a
# margin of CELL_MARGIN (so that a point on a cell's edge lies inside the cut, and the cut's
# new edges run where no point of the cell is): the same answer as the world's land gives,
# three times quicker, as a cell's test meets only the coastline near it (a point's test on
# the whole land counts the crossings of a continent's outline along its latitude). A point
# outside -180..180 and -90..90 is on no land, as there. Cutting a cell costs about what 2,000
# points' tests on the whole land do: a cell is cut once CELL_AFTER points were asked in it,
# those before tested on the whole land (a single route asks for few cells, once).
CELL_DEGREES = TILE_DEGREES[0]  # so that a cell's cut comes from its own tile
CELL_MARGIN = 0.01
CELL_AFTER = 2000
FEW_POINTS = 32
_CELLS_X, _CELLS_Y = 360 // CELL_DEGREES, 180 // CELL_DEGREES
_asked: dict[tuple[bool, int, int], int] = {}


def _contains(rivers: bool, xy: np.ndarray) -> np.ndarray:
    """Whether each (lon, lat) row of ``xy`` is on :func:`land` (``rivers`` as there),
    tested cell by cell."""
    if len(xy) < FEW_POINTS:  # not worth sorting into cells
        return np.asarray(shapely.contains_xy(land(rivers), xy[:, 0], xy[:, 1]))
    out = np.zeros(len(xy), dtype=bool)
    with np.errstate(invalid="ignore"):
        cx, cy = np.floor(xy[:, 0] / CELL_DEGREES), np.floor(xy[:, 1] / CELL_DEGREES)
        ok = np.flatnonzero((np.abs(cx + 0.5) < _CELLS_X / 2) & (np.abs(cy + 0.5) < _CELLS_Y / 2))
    if not len(ok):
        return out
    key = (cx[ok] + _CELLS_X // 2) * _CELLS_Y + (cy[ok] + _CELLS_Y // 2)
    order = np.argsort(key, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(key[order]) != 0])
    for group in np.split(ok[order], starts[1:]):
        cell = (rivers, int(cx[group[0]]), int(cy[group[0]]))
        asked = _asked[cell] = _asked.get(cell, 0) + len(group)
        where = _land_cell(*cell) if asked >= CELL_AFTER else land(rivers)
        out[group] = shapely.contains_xy(where, xy[group, 0], xy[group, 1])
    return out


@functools.cache  # at most one entry a cell of the world, each the land of its cell alone
def _land_cell(rivers: bool, cx: int, cy: int) -> Any:
    x0, y0 = cx * CELL_DEGREES - CELL_MARGIN, cy * CELL_DEGREES - CELL_MARGIN
    size = CELL_DEGREES + 2 * CELL_MARGIN
    # with the rivers, cut from the cell's tile (the same coastline, quicker to cut)
    source = _land_tile(0, cx, cy) if rivers else land(rivers)
    cut = shapely.clip_by_rect(source, x0, y0, x0 + size, y0 + size)
    shapely.prepare(cut)
    return cut


def _samples(points: Sequence[Point], step_km: float) -> np.ndarray:
    """The path's points with a point every ``step_km`` between them along the geodesic."""
    return densified(points, step_km)


def _over_land_km(samples: np.ndarray, skip_km: float, step_km: float) -> float:
    total = len(samples) * step_km
    keep = samples[int(skip_km / step_km): max(0, len(samples) - int(skip_km / step_km))]
    if not len(keep) or total <= 2 * skip_km:
        return 0.0
    return float(_contains(True, keep).sum() * step_km)


def _upriver_km(samples: np.ndarray, reach_km: float, step_km: float
                ) -> tuple[float, float]:
    reach = int(reach_km / step_km)

    def along(head: np.ndarray) -> float:
        inside = _contains(False, head)
        return float(np.argmin(inside) if not inside.all() else len(inside)) * step_km

    return along(samples[:reach]), along(samples[::-1][:reach])


def land_crossing_km(points: Sequence[Point], skip_km: float = 0.0, step_km: float = 0.25) -> float:
    """Length of a path over land, leaving out ``skip_km`` at each end, sampled every step."""
    return _over_land_km(_samples(points, step_km), skip_km, step_km)


def upriver_km(points: Sequence[Point], reach_km: float = 400.0, step_km: float = 1.0
               ) -> tuple[float, float]:
    """How far each end of a sea path lies up a river fairway: the km from the start, and
    from the end, that the path runs over the land the fairways were cut out of (sampled
    every ``step_km``, looked at up to ``reach_km`` from each end)."""
    if len(points) < 2:
        return 0.0, 0.0
    return _upriver_km(_samples(points, step_km), reach_km, step_km)


def sea_path_checks(points: Sequence[Point], skip_km: float, reach_km: float = 400.0
                    ) -> tuple[float, tuple[float, float]]:
    """:func:`land_crossing_km` (``skip_km`` left out at each end) and :func:`upriver_km`
    of a sea path at once, from one sampling of it every km."""
    samples = _samples(points, 1.0)
    return _over_land_km(samples, skip_km, 1.0), _upriver_km(samples, reach_km, 1.0)
