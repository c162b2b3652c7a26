"""Where a leg meets an area: a country or a region as a leg's end is not its centroid.

A leg "North Korea -> Russia" drawn between two centroids crosses Mongolia; what it means is
the way in. :func:`leg_stops` gives routing, for each area among a leg's stops, the point of
the area nearest to the stop before it (its entry point; by sea, the area's nearest port), or
for an area that starts a leg, the point nearest to the next stop (its exit). An area between
two areas keeps its own point.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from movemap.model import Mode

if TYPE_CHECKING:
    from movemap.gazetteer import Place

__all__ = ["INSET_KM", "entry_point", "leg_stops"]

Point = tuple[float, float]
"""(lon, lat) in degrees."""
PortFinder = Callable[["Place", Point], "Place | None"]
"""The port of an area nearest to a point, or None."""

INSET_KM = 10.0
"""How far inside its outline an entry point is moved, so that it is in the area."""


def _has_outline(place: Place) -> bool:
    return place.areal and place.polygon is not None


def entry_point(area: Place, toward: Point, mode: Mode,
                port_of: PortFinder | None = None) -> Point:
    """The point where a leg coming from (or going to) ``toward`` meets ``area``.

    By sea, the area's port nearest to ``toward`` (when ``port_of`` finds one); otherwise the
    nearest point of the outline, moved ``INSET_KM`` inside. A point already inside the area
    gives the area's own point.
    """
    import shapely
    from shapely.ops import nearest_points

    from movemap.sphere import haversine_km

    assert area.polygon is not None
    own = (area.lon, area.lat)
    if mode is Mode.SEA and port_of is not None:
        port = port_of(area, toward)
        if port is not None:
            return port.lon, port.lat
    origin = shapely.Point(*toward)
    if area.polygon.covers(origin):
        return own
    edge = nearest_points(area.polygon, origin)[0]
    # Step inside: of the points INSET_KM around the border point, the inside one nearest to
    # where the leg comes from (a step toward the centroid could cross a neighbour).
    step = INSET_KM / 111.0
    around = [(edge.x + step * dx / math.cos(math.radians(edge.y)), edge.y + step * dy)
              for dx, dy in _DIRECTIONS]
    inside = [p for p in around if area.polygon.covers(shapely.Point(*p))]
    if not inside:
        return edge.x, edge.y
    return min(inside, key=lambda p: haversine_km(p[1], p[0], toward[1], toward[0]))


_DIRECTIONS = [(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in range(0, 360, 30)]


def leg_stops(places: Sequence[Place], mode: Mode,
              port_of: PortFinder | None = None) -> list[Point]:
    """The points a leg through ``places`` is routed between (see the module docstring)."""
    points: list[Point] = []
    for i, place in enumerate(places):
        if not _has_outline(place):
            points.append((place.lon, place.lat))
            continue
        if i > 0:
            toward = points[i - 1]
        elif len(places) > 1 and not _has_outline(places[1]):
            toward = (places[1].lon, places[1].lat)
        else:
            points.append((place.lon, place.lat))
            continue
        points.append(entry_point(place, toward, mode, port_of))
    return points
