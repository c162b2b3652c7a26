"""Geometries of legs: each leg's path from its origins, through its via places, to its end.

For now every mode follows the great circle (``routing.geodesic``); network routing for sea,
rail and road plugs into ``ROUTERS`` by mode.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from movemap.model import Mode
from movemap.routing.geodesic import geodesic_km, geodesic_path

__all__ = ["ROUTERS", "Route", "route_points"]

Point = tuple[float, float]  # (lon, lat)
Router = Callable[[Point, Point], list[Point]]


def _great_circle(a: Point, b: Point) -> list[Point]:
    return geodesic_path(a[0], a[1], b[0], b[1])


ROUTERS: dict[Mode, Router] = {mode: _great_circle for mode in Mode}


@dataclass(frozen=True, slots=True)
class Route:
    """One path of (lon, lat) points and its length."""

    points: tuple[Point, ...]
    length_km: float
    approximate: bool = True

    def point_at(self, fraction: float) -> Point:
        """The point at this fraction (0 to 1) of the route's length."""
        fraction = min(1.0, max(0.0, fraction))
        target = fraction * self.length_km
        done = 0.0
        for a, b in pairwise(self.points):
            step = geodesic_km(a[0], a[1], b[0], b[1])
            if done + step >= target and step > 0:
                t = (target - done) / step
                return a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
            done += step
        return self.points[-1]


def route_points(stops: Sequence[Point], mode: Mode) -> Route:
    """The route through ``stops`` in order, by the router of ``mode``."""
    router = ROUTERS[mode]
    points: list[Point] = [stops[0]]
    for a, b in pairwise(stops):
        points.extend(router(a, b)[1:])
    length = sum(geodesic_km(a[0], a[1], b[0], b[1]) for a, b in pairwise(points))
    return Route(tuple(points), length, approximate=mode not in (Mode.AIR, Mode.UNKNOWN))
