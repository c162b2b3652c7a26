"""The geometry of a dataset: its places resolved and its legs routed, each computed once."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from movemap.places import resolve_places
from movemap.routing import Networks, Route, default_networks, route

if TYPE_CHECKING:
    from movemap.gazetteer import Gazetteer, Place
    from movemap.model import Dataset, Leg, PlaceRef

__all__ = ["Geometries"]

log = logging.getLogger(__name__)


class Geometries:
    """Places and routes of one dataset's records, cached for the life of the object.

    Routes follow the network of each leg's mode (``networks``: the reference networks by
    default, with any overlay lines). Raises :class:`movemap.PlaceNotFoundError` on creation
    if a place name cannot be resolved.
    """

    def __init__(self, dataset: Dataset, gazetteer: Gazetteer | None = None,
                 networks: Networks | None = None) -> None:
        self.dataset = dataset
        self.networks = networks or default_networks()
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
                route([(p.lon, p.lat) for p in stops], leg.mode, self.networks,
                      [p.name for p in stops])
                for stops in ([self.place(origin), *ends] for origin in leg.origins)
            )
            self._routes[leg.id] = routes
            for warning in (w for r in routes for w in r.warnings):
                log.warning("leg %r: %s", leg.id, warning)
        return routes
