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

An end more than 40 km from open sea is not a port: the route then fails, and the caller
falls back to a great circle with a warning.
"""

from __future__ import annotations

import itertools

from movemap.routing.geodesic import GEOD
from movemap.routing.grid import water_path
from movemap.routing.land import on_land

__all__ = ["sea_path"]

Point = tuple[float, float]
DENSIFY_KM = 3.0


def _lanes(a: Point, b: Point) -> list[Point]:
    import warnings

    import searoute

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        feature = searoute.searoute(list(a), list(b), append_orig_dest=True)
    return [(float(x), float(y)) for x, y in feature["geometry"]["coordinates"]]


def _densify(points: list[Point]) -> list[Point]:
    out: list[Point] = [points[0]]
    for p, q in itertools.pairwise(points):
        n = int(GEOD.inv(p[0], p[1], q[0], q[1])[2] / 1000 // DENSIFY_KM)
        out.extend((float(x), float(y)) for x, y in (GEOD.npts(p[0], p[1], q[0], q[1], n)
                                                       if n else []))
        out.append(q)
    return out


def sea_path(a: Point, b: Point) -> list[Point] | str:
    """A sea route from ``a`` to ``b`` (lon, lat), or the reason there is none."""
    if a == b:
        return [a, b]
    points = _densify(_lanes(a, b))
    wet = ~on_land(points)
    if not wet.any():
        return "the shipping lanes between these places run only over land"
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
        # the Bosporus). The lanes' own path through it stands.
        out.extend(detour[1:] if detour is not None else points[i + 1 : j + 1])
        i = j
    tail = water_path(out[-1], b)
    if tail is None:
        return "the end is more than 40 km from open sea"
    out.extend(tail[1:])
    return out
