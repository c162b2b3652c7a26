"""Where a leg meets an area: a country or a region as a leg's end is not its centroid.

A leg "North Korea -> Russia" drawn between two centroids crosses Mongolia; what it means is
the way in. :func:`leg_stops` gives routing, for each area among a leg's stops, the point of
the area nearest to the stop before it (its entry point; by sea, the area's nearest port), or
for an area that starts a leg, the point nearest to the next stop (its exit). An area between
two areas keeps its own point.
"""

from __future__ import annotations

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
    nearest point of the outline, moved ``INSET_KM`` toward the area's own point. A point
    already inside the area gives the area's own point.
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
    span = haversine_km(edge.y, edge.x, area.lat, area.lon)
    share = min(1.0, INSET_KM / span) if span > 0 else 0.0
    return edge.x + share * (own[0] - edge.x), edge.y + share * (own[1] - edge.y)


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
