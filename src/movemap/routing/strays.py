"""Lines drawn a little over a border they run along: pulled back into their own country.

Natural Earth's lines are generalised: where a road runs beside a border, its drawing may
cut across a bend of the border and run for kilometres in the neighbouring country, though
the road itself never leaves home (Bangladesh's N1 between Comilla and Feni is drawn up to
1.5 km inside Tripura over about 30 km). A route along it is then said to leave its country,
or is sent round another way.

A *stray* is a stretch of a line that leaves country A for country B and comes back to A
within ``STRAY_KM`` along the line, never farther than ``DEPTH_KM`` from A's outline, with
no documented crossing of the pair (``geo/border_crossings.csv``, open or closed) within
``borders.MATCH_KM`` of any of its points (not only of its middle: a crossing by one end
of a long stray is its crossing too). Its vertices (the line looked at every km or so) are
moved to A's outline and ``INSIDE_KM`` further in; a stray whose moved points are not all in
A is left as it is. Longer or deeper stretches are real transits and stay (the border checks and
the country constraint judge them).

Roads only (``NETWORKS``): railways built across borders that were internal ones then run
along the new border and through it for a few km in earnest (the Moscow - Rostov line at
Chertkovo and Melove, the Chernivtsi - Larga line by Moldova's Criva), and the rail data
showed no stray that a real route needed pulled back.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from movemap.routing.borders import MATCH_KM, STEP_DEGREES, Crossing, _dense

__all__ = ["DEPTH_KM", "INSIDE_KM", "NETWORKS", "STRAY_KM", "pull_back_strays"]

Point = tuple[float, float]
STRAY_KM = 50.0    # a stretch in the other country longer than this is a transit
DEPTH_KM = 2.0     # and one that goes deeper than this (the lines' drawing error) too
INSIDE_KM = 0.3    # a moved vertex lies this far inside its own country's outline
KM_PER_DEGREE = 111.2
NETWORKS = ("road",)  # the networks whose strays are pulled back


def _home_outline(country: int) -> object | None:
    """The 1:10m outline of the country of table index ``country`` (its pieces as one)."""
    import shapely

    from movemap.routing.countries import _fine

    _, tree, _, index = _fine()
    pieces = tree.geometries[index == country]
    return shapely.union_all(pieces) if len(pieces) else None


def _within(stretch: npt.NDArray[np.float64], point: Point, km: float) -> bool:
    """Whether any point of ``stretch`` lies within ``km`` of ``point``: a crossing by
    either end of a long stray is as much its crossing as one by its middle."""
    from movemap.routing.geodesic import GEOD

    n = len(stretch)
    metres = GEOD.inv(stretch[:, 0], stretch[:, 1], np.full(n, point[0]),
                      np.full(n, point[1]))[2]
    return bool(np.min(np.asarray(metres, dtype=float)) / 1000 <= km)


def _key(p: Sequence[float]) -> tuple[int, int]:
    return round(p[0] * 1e4), round(p[1] * 1e4)


def _vertex_positions(line: Sequence[Point]) -> npt.NDArray[np.int64]:
    """Where the line's own vertices are among the points ``borders._dense`` gives."""
    xy = np.asarray(line, dtype=float)
    steps = np.ceil(np.abs(np.diff(xy, axis=0)).max(axis=1) / STEP_DEGREES).astype(int)
    return np.concatenate([[0], np.cumsum(np.maximum(steps, 1))]).astype(np.int64)


def _runs(cc: npt.NDArray[np.int64]) -> list[tuple[int, int, int]]:
    """(first, last, country) of each run of one answer along a line."""
    edges = np.flatnonzero(np.diff(cc)) + 1
    starts = np.concatenate([[0], edges])
    ends = np.concatenate([edges - 1, [len(cc) - 1]])
    return [(int(s), int(e), int(cc[s])) for s, e in zip(starts, ends, strict=True)]


def pull_back_strays(lines: Sequence[Sequence[Point]], network: str,
                     crossings: Sequence[Crossing]) -> tuple[list[list[Point]], int]:
    """The lines with their strays pulled back home; and how many strays were (none on a
    network not in ``NETWORKS``)."""
    if network not in NETWORKS:
        return [list(line) for line in lines], 0
    import shapely

    from movemap.routing.countries import _fine, codes, countries_at
    from movemap.routing.geodesic import GEOD

    band = _fine()[0]
    geoms = np.array([shapely.LineString(line) if len(line) > 1 else shapely.Point(line[0])
                      for line in lines], dtype=object)
    near = set(shapely.STRtree(geoms).query(band, predicate="intersects").tolist())
    table = codes()
    listed = [c for c in crossings if c.network == network]
    outlines: dict[int, object | None] = {}
    seen: dict[tuple[int, int], int] = {}
    for line in lines:
        for p in line:
            seen[_key(p)] = seen.get(_key(p), 0) + 1
    shared = {k for k, n in seen.items() if n > 1}
    out = [list(line) for line in lines]
    pulled = 0
    for number in sorted(near):
        xy = _dense(lines[number])
        cc = countries_at(xy)
        runs = _runs(cc)
        keep = np.zeros(len(xy), dtype=bool)  # the line's own vertices and the moved points
        positions = _vertex_positions(lines[number])
        keep[positions] = True
        moved = False
        for (_, _, home), (first, last, other), (_, _, back) in zip(runs, runs[1:], runs[2:],
                                                                   strict=False):
            if home < 0 or other < 0 or back != home or other == home:
                continue
            stretch = xy[max(first - 1, 0): last + 2]
            steps = np.asarray(GEOD.inv(stretch[:-1, 0], stretch[:-1, 1],
                                        stretch[1:, 0], stretch[1:, 1])[2]) / 1000
            if float(steps.sum()) > STRAY_KM:
                continue
            pair = frozenset((table[home], table[other]))
            if any(c.countries == pair and _within(stretch, c.point, MATCH_KM)
                   for c in listed):
                continue
            if home not in outlines:
                outlines[home] = _home_outline(home)
            outline = outlines[home]
            if outline is None:
                continue
            if any(_key(lines[number][int(k)]) in shared
                   for k in np.flatnonzero((positions >= first) & (positions <= last))):
                continue  # another line meets this one there: moving it would part them
            points = shapely.points(xy[first: last + 1])
            boundary = shapely.boundary(outline)
            at = shapely.line_locate_point(boundary, points)
            onto = shapely.get_coordinates(shapely.line_interpolate_point(boundary, at))
            here = xy[first: last + 1]
            depth = np.hypot((onto[:, 0] - here[:, 0]) * np.cos(np.radians(here[:, 1])),
                             onto[:, 1] - here[:, 1]) * KM_PER_DEGREE
            if float(depth.max()) > DEPTH_KM:
                continue
            # on to the outline, then INSIDE_KM further the same way
            way = onto - here
            size = np.hypot(way[:, 0] * np.cos(np.radians(here[:, 1])), way[:, 1])
            size = np.where(size > 0, size, 1.0)
            new = onto + way / size[:, None] * (INSIDE_KM / KM_PER_DEGREE)
            if not (countries_at(new) == home).all():
                continue
            xy[first: last + 1] = new
            keep[first: last + 1] = True
            moved = True
            pulled += 1
        if moved:  # the line's vertices and the moved points, its ends as they were
            out[number] = [tuple(lines[number][0]),
                           *[(float(x), float(y)) for x, y in xy[1:-1][keep[1:-1]]],
                           tuple(lines[number][-1])]
    return out, pulled
