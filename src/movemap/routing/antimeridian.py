"""Lines that cross the antimeridian, cut there so that maps draw them the short way round."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

__all__ = ["split_antimeridian", "wrap"]

Point = tuple[float, float]


def wrap(points: Sequence[Point]) -> list[Point]:
    """The points with their longitudes brought into -180..180 (searoute gives some beyond
    180, a grid laid across the antimeridian uses 0..360)."""
    return [((x + 180) % 360 - 180, y) for x, y in points]


def split_antimeridian(points: Sequence[Point]) -> list[list[Point]]:
    """The line in parts that never jump across 180 degrees of longitude.

    A step whose longitudes differ by more than 180 degrees crosses the antimeridian: the
    line is cut at +-180, at the latitude where the step meets it.

    >>> split_antimeridian([(179.0, 60.0), (-179.0, 62.0)])
    [[(179.0, 60.0), (180.0, 61.0)], [(-180.0, 61.0), (-179.0, 62.0)]]
    """
    lons = [p[0] for p in points]
    if max(lons) - min(lons) <= 180:  # no step can jump across the antimeridian
        return [list(points)]
    parts: list[list[Point]] = [[points[0]]]
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        if abs(x2 - x1) > 180:
            edge = 180.0 if x1 > 0 else -180.0
            unwrapped = x2 + 360 if x1 > 0 else x2 - 360
            t = (edge - x1) / (unwrapped - x1)
            y = y1 + t * (y2 - y1)
            parts[-1].append((edge, y))
            parts.append([(-edge, y)])
        parts[-1].append((x2, y2))
    return parts
