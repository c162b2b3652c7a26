"""The located stage: a dataset with every place resolved once and every leg routed once.

``locate(dataset)`` sits between the model and everything that answers or draws:
:func:`movemap.status`, :func:`movemap.timeline`, the map, every export, trajectories and the
GeoJSON and GeoPackage writers take the :class:`Located` it returns (or a dataset, which they
locate once with the reference gazetteer and networks). A located dataset is immutable:
selecting some of it (:meth:`Located.select`) keeps the places and routes already found.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from time import perf_counter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from movemap.areas import leg_stops
from movemap.engine import Engine, SerialEngine, batches
from movemap.model import Mode
from movemap.refs import area_level, resolve_places
from movemap.routing import (
    Networks,
    Route,
    default_networks,
    kept_route,
    needs_routing,
    route,
)
from movemap.timing import step

if TYPE_CHECKING:
    import geopandas

    from movemap.gazetteer import Gazetteer, Place
    from movemap.model import Dataset, Leg, PlaceRef

__all__ = ["Located", "as_located", "locate", "route_in_processes"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class Located:
    """A dataset with its places and routes (build it with :func:`locate`).

    Attributes
    ----------
    dataset
        The records.
    places
        Every place reference of the dataset, resolved.
    routes
        Each leg's routes by leg id: one per origin, through its via places to its end.
    networks
        The networks the routes follow.
    """

    dataset: Dataset
    places: Mapping[PlaceRef, Place]
    routes: Mapping[str, tuple[Route, ...]]
    networks: Networks = field(repr=False)

    @property
    def warnings(self) -> tuple[str, ...]:
        """What routing had to approximate, one line a stretch, in leg order."""
        return tuple(f"leg {leg.id!r}: {warning}" for leg in self.dataset.legs
                     for r in self.routes[leg.id] for warning in r.warnings)

    def __repr__(self) -> str:
        """Name, counts, date range and warnings (see ``movemap.summary``)."""
        from movemap.summary import text_summary

        return text_summary(self.dataset, "Located", self.warnings)

    def _repr_html_(self) -> str:
        """A small table for notebooks, with the extent and what routing approximated."""
        from movemap.summary import html_summary

        return html_summary(self.dataset, "Located", self.extent, self.warnings)

    @property
    def extent(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) of the dataset's places, in degrees (None if none)."""
        if not self.places:
            return None
        lons = [p.lon for p in self.places.values()]
        lats = [p.lat for p in self.places.values()]
        return min(lons), min(lats), max(lons), max(lats)

    def status(self, on: date | str) -> geopandas.GeoDataFrame:
        """Where each unit is on a day, as a GeoDataFrame (:func:`movemap.status`)."""
        from movemap.frames import status

        return status(self, on)

    def timeline(self) -> geopandas.GeoDataFrame:
        """The legs and stations in date order, as a GeoDataFrame (:func:`movemap.timeline`)."""
        from movemap.frames import timeline

        return timeline(self)

    def explore(self, **options: Any) -> Any:
        """The map, inline in a notebook (:func:`movemap.explore`)."""
        from movemap.render.inline import explore

        return explore(self, **options)

    def place(self, ref: PlaceRef) -> Place:
        """The place a reference resolves to."""
        return self.places[ref]

    def routes_of(self, leg: Leg) -> tuple[Route, ...]:
        """The leg's routes, one per origin."""
        return self.routes[leg.id]

    def route(self, leg_id: str) -> Route:
        """The leg's route as one :class:`~movemap.routing.Route`: with several origins, its
        ``branches`` are the route from each and its ``geometry`` a MultiLineString.

        Raises :class:`~movemap.errors.InvalidValueError` for a leg the dataset does not have.
        """
        try:
            routes = self.routes[leg_id]
        except KeyError:
            from movemap.errors import InvalidValueError

            raise InvalidValueError(f"no leg {leg_id!r} in dataset {self.dataset.name!r}",
                                    field="leg") from None
        return Route.join(routes)

    def ends_in_an_area(self, leg: Leg) -> bool:
        """Whether an origin or the destination of the leg is a region or a country (its
        point stands for the whole area, so the leg's length is an "about")."""
        return any(area_level(self.places[r]) for r in (*leg.origins, leg.destination))

    def length_km(self, leg: Leg) -> float:
        """The length of the leg's longest route, in km."""
        return max(r.length_km for r in self.routes[leg.id])

    def to_geojson(self) -> dict[str, Any]:
        """A GeoJSON FeatureCollection: legs along their routes, stations as points."""
        from movemap.io.geojson import to_geojson

        return to_geojson(self)

    def to_geodataframe(self) -> geopandas.GeoDataFrame:
        """Legs (lines along their routes) and stations as one GeoDataFrame (EPSG:4326)."""
        from movemap.io.geojson import to_geodataframe

        return to_geodataframe(self)

    def select(self, units: Iterable[str] | None = None, start: date | None = None,
               end: date | None = None) -> Located:
        """The part about ``units`` (and the units under them) between two days.

        Nothing is resolved or routed again. Raises
        :class:`~movemap.errors.UnknownUnitError` for a unit the dataset does not have.
        """
        from movemap.queries import select

        if units is None and start is None and end is None:
            return self
        chosen = select(self.dataset, units, start, end)
        refs = set(chosen.place_refs())
        ids = {leg.id for leg in chosen.legs}
        return Located(chosen, MappingProxyType({r: p for r, p in self.places.items()
                                                 if r in refs}),
                       MappingProxyType({i: r for i, r in self.routes.items() if i in ids}),
                       self.networks)


def locate(dataset: Dataset, gazetteer: Gazetteer | None = None,
           networks: Networks | None = None, *, engine: Engine | None = None) -> Located:
    """Resolve every place of ``dataset`` once and route every leg once.

    Routes follow the network of each leg's mode (``networks``: the reference networks by
    default, with any overlay lines); rail and road legs keep to the countries of their
    places and the transit countries of the dataset's and the leg's ``through``. Legs are
    routed grouped by mode and origin (one network
    search serves every leg from one place), and paths found before, by this process or an
    earlier one, come from the route cache. Each approximated stretch is logged once as a
    warning. Raises :class:`movemap.PlaceNotFoundError` for a name that cannot be resolved and
    :class:`movemap.errors.AmbiguousPlaceError` for an ambiguous one (see ``movemap.refs``).
    A country or region among a leg's stops is met at its entry point (``movemap.areas``).

    ``engine`` (``movemap.engine``) routes the legs in batches elsewhere, such as on Dask's
    worker processes or a cluster, with the same result; each worker keeps the paths it finds
    in the shared route cache.

    >>> import movemap
    >>> located = movemap.locate(movemap.read_dataset("layers/dprk-russia-2024.yaml"))
    >>> leg = located.dataset.legs[0]
    >>> located.place(leg.destination).name, round(located.length_km(leg))
    ('Vladivostok', 527)
    """
    networks = networks or default_networks()
    with step(log, "resolved places") as done:
        places = resolve_places(dataset, gazetteer)
        done.append(f"{len(places)} references")
    found, seconds = route_legs(dataset.legs, places, dataset.through, networks, gazetteer,
                                engine=engine)
    routes = {leg.id: (tuple(Route.drawn_along(line, leg.mode) for line in leg.route)
                       if leg.route else
                       tuple(found[leg.id, n] for n in range(len(leg.origins))))
              for leg in dataset.legs}
    for leg in dataset.legs:  # what -v shows: each leg's routes and the time they took
        lengths = ", ".join(f"{r.length_km:,.0f} km" for r in routes[leg.id])
        if leg.route:
            log.info("leg %r (%s): the route drawn by hand, %s", leg.id, leg.mode.value, lengths)
        else:
            log.info("routed leg %r (%s): %s (%.2f s)", leg.id, leg.mode.value, lengths,
                     seconds[leg.id])
    result = Located(dataset, MappingProxyType(places), MappingProxyType(routes), networks)
    for warning in result.warnings:
        log.warning("%s", warning)
    return result


_ROUTE_BATCH = 64
PARALLEL_MIN_JOBS = 200  # routes to find below which one process is quicker than several
_processes = 1


def route_in_processes(count: int) -> None:
    """Route big datasets on ``count`` processes (1: in this one, the default).

    The command line routes on every core; library calls stay in their own process (a Dask
    worker must not start others) unless a program asks. The routes are the same: each is
    found as it would be alone, and the order of the results does not depend on the
    processes.
    """
    global _processes
    _processes = max(1, count)


def _route_all(work: list[_RouteJob], networks: Networks,
               found: dict[tuple[str, int], Route], seconds: dict[str, float]) -> None:
    for job in work:
        started = perf_counter()
        found[job.leg, job.origin] = route(job.stops, job.mode, networks, job.labels,
                                           through=job.through, strict=False)
        seconds[job.leg] = seconds.get(job.leg, 0.0) + perf_counter() - started


# What forked workers route with: set by the parent just before it starts them, read by
# them from the memory they share with it (the networks are not sent, nor loaded again).
_forked: tuple[list[_RouteJob], Networks] | None = None


def _route_forked_chunk(chunk: tuple[int, int]) -> tuple[
        list[tuple[tuple[str, int], Route, float]], Any, Any]:
    """In a worker: the routes of ``work[start:stop]``, and the paths and routes found,
    saved in the route cache here (a shard a run, written while the other workers route).
    The run's ends are joined to their networks first, in one pass (the joins found by
    earlier runs of this worker are kept)."""
    assert _forked is not None
    work, networks = _forked
    run = work[chunk[0]: chunk[1]]
    _know_ends(run, networks)
    out = []
    for job in run:
        started = perf_counter()
        found = route(job.stops, job.mode, networks, job.labels, through=job.through,
                      strict=False)
        out.append(((job.leg, job.origin), found, perf_counter() - started))
    paths, kept = networks.take_new(save=True)
    return out, paths, kept


def _chunks(work: list[_RouteJob], parts: int) -> list[tuple[int, int]]:
    """Runs of ``work`` of about equal size, each ending where a group (one mode, one
    origin) ends, so that a group keeps its one search."""
    size = max(1, len(work) // parts)
    out, start = [], 0
    for i in range(1, len(work) + 1):
        group_ends = i == len(work) or (work[i].mode, work[i].stops[0]) != (
            work[i - 1].mode, work[i - 1].stops[0])
        if group_ends and i - start >= size:
            out.append((start, i))
            start = i
    if start < len(work):
        out.append((start, len(work)))
    return out


# Rough CPU of one route by mode, as a share of a rail route's (a sea route's coast checks and
# water grid, a road network ten times the rail's nodes): to hand out the heaviest runs first.
_WEIGHT = {Mode.RAIL: 1.0, Mode.ROAD: 2.0, Mode.FOOT: 2.0, Mode.SEA: 5.0}


def _heaviest_first(work: list[_RouteJob], chunks: list[tuple[int, int]]) -> list[
        tuple[int, int]]:
    """The runs in the order workers should take them: the heaviest first, so that the
    processes finish together (the last runs are light ones)."""
    def weight(chunk: tuple[int, int]) -> float:
        return sum(_WEIGHT.get(job.mode, 1.0) for job in work[chunk[0]: chunk[1]])

    return sorted(chunks, key=lambda chunk: (-weight(chunk), chunk))


def _route_parallel(work: list[_RouteJob], networks: Networks, processes: int,
                    found: dict[tuple[str, int], Route], seconds: dict[str, float]) -> bool:
    """Route ``work`` on forked worker processes; False where processes cannot be forked
    or fail (then the caller routes it)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _forked
    if "fork" not in multiprocessing.get_all_start_methods() or (
            multiprocessing.current_process().daemon):
        return False
    networks.warm({job.mode for job in work})
    _forked = (work, networks)
    results: dict[tuple[str, int], tuple[Route, float]] = {}
    try:
        # many small runs, so that the processes finish together
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")
                                 ) as pool:
            for out, paths, kept in pool.map(_route_forked_chunk, _heaviest_first(
                    work, _chunks(work, 8 * processes))):
                networks.add_found(paths, kept, saved=True)
                results.update((key, (r, t)) for key, r, t in out)
    except (BrokenProcessPool, OSError) as exc:  # a worker killed, no memory to fork
        log.info("routing on one process: the worker processes failed (%s)", exc)
        return False
    finally:
        _forked = None
    for job in work:  # in the order of the work, whichever process finished first
        r, t = results[job.leg, job.origin]
        found[job.leg, job.origin] = r
        seconds[job.leg] = seconds.get(job.leg, 0.0) + t
    return True


def _geodesic_km(ends: list[tuple[float, float, float, float]]) -> list[float]:
    """The geodesic length of each (lon, lat, lon, lat) in km, in one call (each the same
    number as ``routing.geodesic.geodesic_km`` gives it)."""
    if not ends:
        return []
    import numpy as np

    from movemap.routing.geodesic import GEOD

    xy = np.array(ends, dtype=np.float64)
    lon1, lat1, lon2, lat2 = (np.ascontiguousarray(xy[:, i]) for i in range(4))
    return (GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000).tolist()  # type: ignore[no-any-return]


def route_legs(legs: Iterable[Leg], places: Mapping[PlaceRef, Place], through: Iterable[str],
               networks: Networks, gazetteer: Gazetteer | None = None, *,
               engine: Engine | None = None,
               ) -> tuple[dict[tuple[str, int], Route], dict[str, float]]:
    """The routes of ``legs`` (not drawn by hand, every place found) by (leg id, origin
    number), and the seconds each leg took; the paths found are kept (``networks.save``).

    Legs are routed grouped by mode and origin, the farthest destination first: the rail
    and road networks keep their last search, so one search from a place, bounded by its
    farthest end, serves every leg from it. ``validate`` and :func:`locate` route the same
    stops (a country or region is met at its entry point), so the route cache serves both.
    """
    from movemap.gazetteer import default_gazetteer

    through = tuple(through)
    jobs = [(leg, n, origin) for leg in legs if not leg.route
            and all(r in places for r in (*leg.origins, *leg.via, leg.destination))
            for n, origin in enumerate(leg.origins)]
    ends = [(places[origin], places[leg.destination]) for leg, _, origin in jobs]
    km = _geodesic_km([(a.lon, a.lat, b.lon, b.lat) for a, b in ends])
    order = [(leg.mode.value, a.lon, a.lat, -d)
             for (leg, _, _), (a, _), d in zip(jobs, ends, km, strict=True)]
    jobs = [jobs[i] for i in sorted(range(len(jobs)), key=order.__getitem__)]

    def port_of(area: Place, toward: tuple[float, float]) -> Place | None:
        return (gazetteer or default_gazetteer()).nearest_port(area, toward)

    # A country or region is met at its entry point, not its centroid (movemap.areas).
    work = [_RouteJob(leg.id, n, tuple(leg_stops(stops, leg.mode, port_of)), leg.mode,
                      tuple(p.name for p in stops),
                      tuple(dict.fromkeys((*through, *leg.through))))
            for leg, n, origin in jobs
            for stops in [[places[origin], *(places[r] for r in (*leg.via, leg.destination))]]]
    found: dict[tuple[str, int], Route] = {}
    seconds: dict[str, float] = {}
    if engine is None or isinstance(engine, SerialEngine):
        # the routes kept from before taken as they are, great circles drawn here; the
        # rest, if many, routed on several processes
        pending = []
        for job in work:
            started = perf_counter()
            kept = kept_route(job.stops, job.mode, networks, job.labels, through=job.through,
                              strict=False)
            if kept is not None:
                found[job.leg, job.origin] = kept
                seconds[job.leg] = seconds.get(job.leg, 0.0) + perf_counter() - started
            elif needs_routing(job.stops, job.mode, networks, job.labels,
                               through=job.through, strict=False):
                pending.append(job)
        if not (_processes > 1 and len(pending) >= PARALLEL_MIN_JOBS
                and _route_parallel(pending, networks, _processes, found, seconds)):
            _know_ends(pending, networks)
        _route_all([job for job in work if (job.leg, job.origin) not in found], networks,
                   found, seconds)
    else:
        task = _RouteTask(tuple(str(p) for p in networks.rail_lines),
                          tuple(str(p) for p in networks.road_lines),
                          str(networks.cache_dir) if networks.cache_dir else None)
        started = perf_counter()
        for results in engine.map(task, batches(work, _ROUTE_BATCH)):
            found.update(results)
        for job in work:  # the engine's time, shared out among its legs
            seconds[job.leg] = (perf_counter() - started) / max(1, len(work))
    networks.save()
    return found, seconds


def _know_ends(work: list[_RouteJob], networks: Networks) -> None:
    """The countries of the ends of rail and road routes to find, and their joins to the
    network, all found at once: by a worker process for each run of routes it takes (the
    joins of one run are its own ends; the parent's serial part stays short), or by this
    process for the routes it finds itself."""
    ends = [(job.mode, p) for job in work if job.mode in (Mode.RAIL, Mode.ROAD, Mode.FOOT)
            for p in job.stops]
    if ends:
        networks.know_joins(ends)


@dataclass(frozen=True, slots=True)
class _RouteJob:
    """One route to find: a leg's route from one of its origins, as points and names."""

    leg: str
    origin: int
    stops: tuple[tuple[float, float], ...]
    mode: Mode
    labels: tuple[str, ...]
    through: tuple[str, ...] = ()


@cache
def _worker_networks(rail: tuple[str, ...], road: tuple[str, ...],
                     cache_dir: str | None) -> Networks:
    return Networks(rail_lines=rail, road_lines=road,
                    cache_dir=Path(cache_dir) if cache_dir else None)


@dataclass(frozen=True, slots=True)
class _RouteTask:
    """Routes a batch of jobs in a worker process with the networks the caller named."""

    rail_lines: tuple[str, ...]
    road_lines: tuple[str, ...]
    cache_dir: str | None

    def __call__(self, jobs: list[_RouteJob]) -> dict[tuple[str, int], Route]:
        networks = _worker_networks(self.rail_lines, self.road_lines, self.cache_dir)
        out = {(job.leg, job.origin): route(job.stops, job.mode, networks, job.labels,
                                            through=job.through, strict=False)
               for job in jobs}
        networks.save()
        return out


def as_located(data: Dataset | Located) -> Located:
    """``data`` itself if it is located, else the dataset located with the defaults."""
    return data if isinstance(data, Located) else locate(data)
