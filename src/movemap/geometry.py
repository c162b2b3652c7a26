"""The geometry of a dataset: its places resolved and its legs routed, each computed once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from movemap.places import resolve_places
from movemap.routing import Route, route_points

if TYPE_CHECKING:
    from movemap.gazetteer import Gazetteer, Place
    from movemap.model import Dataset, Leg, PlaceRef

__all__ = ["Geometries"]


class Geometries:
    """Places and routes of one dataset's records, cached for the life of the object.

    Raises :class:`movemap.PlaceNotFoundError` on creation if a place name cannot be
    resolved.
    """

    def __init__(self, dataset: Dataset, gazetteer: Gazetteer | None = None) -> None:
        self.dataset = dataset
        self._places = resolve_places(dataset, gazetteer)
        self._routes: dict[str, tuple[Route, ...]] = {}

    def place(self, ref: PlaceRef) -> Place:
        """The place a reference resolves to."""
        return self._places[ref]

    def leg(self, leg: Leg) -> tuple[Route, ...]:
        """The leg's routes, one per origin, through its via places to its destination."""
        routes = self._routes.get(leg.id)
        if routes is None:
            ends = [self.place(r) for r in (*leg.via, leg.destination)]
            routes = tuple(
                route_points([(p.lon, p.lat) for p in (self.place(origin), *ends)], leg.mode)
                for origin in leg.origins
            )
            self._routes[leg.id] = routes
        return routes
