"""Routes of legs along the network of their mode, offline.

``ROUTERS`` maps each mode to the way it travels: sea along shipping lanes kept off land
(``routing.sea``), rail and road along Natural Earth's main lines (``routing.network``),
foot along roads, air and unknown along great circles (``routing.geodesic``). A route through
several stops is routed stop to stop. Where a network cannot join two stops, that stretch
is drawn as a great circle, the route is marked ``approximate`` and a warning says why:
never a silent failure, never an invented path.

A rail stretch that no railway in the data joins follows the roads instead when they run
close to the direct line (``ROAD_FOR_RAIL_RATIO``), marked approximate with a warning that
says so.

An end that joins its rail or road line by a straight stretch longer than ``FAR_JOIN_KM`` (a
village that only secondary roads reach, which the data lack) is marked too: the route is
``approximate`` and a warning names the stop and the distance.

Rail and road routes keep to the countries of their stops plus the transit countries given
(``through``), and out of those to ``avoid``; where the network cannot, the route is marked
``approximate`` with a warning that names the countries (``leaves RU through KZ``). Where
keeping to them costs much more than a way through another country (``KEPT_IN_RATIO``), a
warning names that country and the shorter length: the user may name it as a transit country.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from movemap.errors import RouteError
from movemap.model import Mode
from movemap.routing.antimeridian import split_antimeridian
from movemap.routing.geodesic import geodesic_km, geodesic_path
from movemap.routing.lengths import GENERALISED
from movemap.routing.points import Points, as_array
from movemap.routing.store import FORMAT as STORE_FORMAT
from movemap.routing.store import Found, Kept, Key, LegRouteStore, RouteStore

__all__ = ["GENERALISED", "ROUTERS", "Networks", "Points", "Route", "RouteError", "Rule",
           "default_networks", "kept_route", "needs_routing", "route"]

Point = tuple[float, float]  # (lon, lat)
RAIL_SNAP_KM = 30.0
ROAD_SNAP_KM = 30.0
FAR_JOIN_KM = 20.0  # a rail or road route's end farther than this from its line is marked
UPRIVER_KM = 25.0  # a sea route's end farther than this up a river fairway is pointed out
# A rail or road leg this many times its ends' direct distance (of at least DETOUR_MIN_KM)
# is pointed out: real lines run up to about 2.5 times it round mountains, gulfs and borders
# (Khasan - Vladivostok, Islamabad - Gilgit), the data's detours round a line they lack run
# further (Nalchik - Prokhladny by road, 210 km for 44: the data has no road between them)
DETOUR_RATIO, DETOUR_MIN_KM = 3.0, 20.0
# A rail or road stretch kept to its countries that runs this many times its direct distance,
# and this many times the way through a third country, says so (Mafeking - Bulawayo by rail:
# 1,792 km round by Beitbridge, 797 km through Botswana, where the line of record runs)
KEPT_IN_RATIO = 1.5
# ... and one that would run this many times the way through a third country, and this much
# longer, takes that way instead, saying where it leaves: no move goes ten times round to
# spare a border it runs beside (Bukavu - Uvira by road: 1,526 km round through Kasai and
# Katanga kept to Congo, 141 km by the Rwandan bank of the Ruzizi, where the data's road runs)
KEPT_OUT_RATIO, KEPT_OUT_KM = 4.0, 300.0
# A rail stretch the railways in the data cannot join follows the roads instead when they run
# no more than this many times the direct distance: a gap in the data (Lubbock, which the
# staged main lines miss), not a place no train reaches (Magadan, whose roads go round by
# Yakutsk) nor a crossing the data lacks (Nikopol - Enerhodar round the reservoir)
ROAD_FOR_RAIL_RATIO = 1.6
# The modes whose length is the ground length along a network (``Networks.ground_km``, the
# allowance for generalised lines in ``routing.lengths``), not the drawn line's.
NETWORK_MODES = frozenset({Mode.RAIL, Mode.ROAD, Mode.FOOT})
# The routing modules whose source keys every kept route (``Networks.version``): each module
# the networks are built or searched with. A module missing here would rebuild the network
# when it changed and still serve the routes kept from the old one (a test checks that every
# routing module network building imports is named). The route store is keyed by the number
# of its files' layout (``store.FORMAT``), not by its source.
VERSIONED_MODULES = (
    "antimeridian", "geodesic", "grid", "land", "lengths", "network", "sea",
    "countries", "borders", "chains", "joins", "relief", "facing", "points", "segments",
    "strays")
# modules outside movemap.routing whose code shapes the networks or their lengths; the other
# movemap modules routing imports (errors, geodata, textfile, model) name things, they
# compute nothing a route depends on
VERSIONED_ELSEWHERE = ("countries", "sphere")


@dataclass(frozen=True, slots=True)
class Rule:
    """The countries a stretch may cross (None: any) and those it must avoid (ISO alpha-2)."""

    allowed: frozenset[str] | None = None
    avoid: frozenset[str] = frozenset()

    def as_constraints(self) -> tuple[str, ...]:
        """The rule as the route cache's constraints: ``("in:KP,RU", "not:CN")``."""
        out = [] if self.allowed is None else ["in:" + ",".join(sorted(self.allowed))]
        return (*out, *(["not:" + ",".join(sorted(self.avoid))] if self.avoid else []))

    @classmethod
    def from_constraints(cls, constraints: Sequence[str]) -> Rule:
        """The rule of :meth:`as_constraints` (other constraints are left to others)."""
        allowed, avoid = None, frozenset[str]()
        for item in constraints:
            kind, _, codes = item.partition(":")
            found = frozenset(c for c in codes.split(",") if c)
            if kind == "in":
                allowed = found
            elif kind == "not":
                avoid = found
        return cls(allowed, avoid)


@dataclass(frozen=True, slots=True)
class Route:
    """A route: its (lon, lat) points, length, mode, and whether any of it is a guess.

    ``points`` may be given as any sequence of pairs; they are kept as :class:`Points`, one
    read-only float array read as a sequence of tuples (``np.asarray(route.points)`` is the
    array itself).

    ``drawn`` marks a route the user drew (an edited geometry read back) rather than one
    found here. A leg with several origins has one route per origin; :meth:`join` makes them
    one ``Route`` whose ``branches`` are those routes, whose ``points`` and ``length_km`` are its
    longest branch's, and whose :attr:`geometry` is a MultiLineString of every branch.
    """

    points: Points
    length_km: float
    mode: Mode
    approximate: bool = False
    warnings: tuple[str, ...] = ()
    branches: tuple[Route, ...] = ()
    drawn: bool = False

    def __post_init__(self) -> None:
        points: object = self.points
        if not isinstance(points, Points):  # any sequence of pairs, kept as one array
            object.__setattr__(self, "points", Points(points))

    @classmethod
    def drawn_along(cls, points: Sequence[Point], mode: Mode) -> Route:
        """The route a user drew (``Leg.route``): kept as it is, not routed, and ``drawn``.

        >>> r = Route.drawn_along([(131.9, 43.1), (132.5, 42.5), (132.9, 42.8)], Mode.SEA)
        >>> r.drawn, round(r.length_km)
        (True, 130)
        """
        kept = Points(points)
        return cls(kept, _length(kept), mode, drawn=True)

    @classmethod
    def join(cls, routes: Sequence[Route]) -> Route:
        """One route of a leg from its routes, one per origin (itself if there is one)."""
        if not routes:
            raise ValueError("a leg has at least one route")
        if len(routes) == 1:
            return routes[0]
        longest = max(routes, key=lambda r: r.length_km)
        return cls(longest.points, longest.length_km, longest.mode,
                   any(r.approximate for r in routes),
                   tuple(w for r in routes for w in r.warnings), tuple(routes),
                   any(r.drawn for r in routes))

    @property
    def geometry(self) -> Any:
        """A shapely LineString, or a MultiLineString for several branches or where the route
        crosses 180 degrees (EPSG:4326)."""
        import shapely

        parts = [part for branch in (self.branches or (self,)) for part in branch.lines()]
        if len(parts) == 1:
            return shapely.linestrings(as_array(parts[0]))
        return shapely.multilinestrings([shapely.linestrings(as_array(p)) for p in parts])

    @property
    def line_km(self) -> float:
        """The geodesic length of the line as drawn, which places along it are measured on.

        ``length_km`` is the ground length instead: for rail and road it counts a documented
        addition at its documented length and any other stretch at its drawn length times
        ``GENERALISED`` (``routing.lengths``), so the two differ."""
        return _length(self.points) if len(self.points) > 1 else 0.0

    def point_at(self, fraction: float) -> Point:
        """The point at this fraction (0 to 1) of the route's line."""
        target = min(1.0, max(0.0, fraction)) * self.line_km
        done = 0.0
        for a, b in pairwise(self.points):
            step = geodesic_km(a[0], a[1], b[0], b[1])
            if done + step >= target and step > 0:
                t = (target - done) / step
                dx = b[0] - a[0]
                dx -= 360 * round(dx / 360)  # the short way across the antimeridian
                lon = a[0] + t * dx
                return (lon + 180) % 360 - 180, a[1] + t * (b[1] - a[1])
            done += step
        return self.points[-1]

    def lines(self) -> list[Sequence[Point]]:
        """The route cut at the antimeridian (one part, its points, if it does not cross it)."""
        lons = self.points.array[:, 0]
        if not len(lons) or float(lons.max()) - float(lons.min()) <= 180:
            return [self.points]
        return list(split_antimeridian(list(self.points)))

    def geojson_geometry(self, digits: int = 6) -> dict[str, Any]:
        """A GeoJSON LineString, or a MultiLineString where the route crosses 180 degrees."""
        parts = [[[round(x, digits), round(y, digits)] for x, y in part] for part in self.lines()]
        if len(parts) == 1:
            return {"type": "LineString", "coordinates": parts[0]}
        return {"type": "MultiLineString", "coordinates": parts}


def _length(points: Sequence[Point]) -> float:
    from movemap.routing.geodesic import GEOD

    xy = as_array(points)
    return float(GEOD.line_length(xy[:, 0], xy[:, 1])) / 1000


@dataclass
class Networks:
    """The networks routes follow, loaded on first use, and the paths found with them.

    ``rail_lines`` and ``road_lines`` are GeoJSON files of lines to add to those networks.
    Paths are remembered for the life of the object and kept between runs in the route cache
    (``routing.store``) under the networks' :attr:`version`; :meth:`save` keeps the new ones.
    """

    rail_lines: Sequence[str | Path] = ()
    road_lines: Sequence[str | Path] = ()
    cache_dir: Path | None = None
    _paths: dict[Key, Found] = field(default_factory=dict)
    _new: dict[Key, Found] = field(default_factory=dict)
    _loaded: bool = False
    _kept: dict[str, Kept] | None = None
    _kept_new: dict[str, Kept] = field(default_factory=dict)

    def _network(self, name: str, filename: str, snap_km: float,
                 extra: Sequence[str | Path]) -> Any:
        from movemap.geodata import geo_path
        from movemap.routing.network import Network, read_lines

        network = Network.from_file(geo_path(filename), name, snap_km,
                                    self.cache_dir, extra=[geo_path(f"{name}_additions.geojson")],
                                    at_crossings=name == "road", join_facing=name == "road",
                                    winds=True)
        lines = [line for path in extra for line in read_lines(path)]
        return network.with_lines(lines) if lines else network

    @cached_property
    def rail(self) -> Any:
        """The rail network (``routing.network.Network``)."""
        return self._network("rail", "railroads.geojson", RAIL_SNAP_KM, self.rail_lines)

    @cached_property
    def road(self) -> Any:
        """The road network (``routing.network.Network``)."""
        return self._network("road", "roads.geojson", ROAD_SNAP_KM, self.road_lines)

    @cached_property
    def version(self) -> str:
        """A digest of everything a path depends on: the routing code, the network and land
        data, searoute's version and the overlay lines (their contents, not their names)."""
        import sys
        from importlib.metadata import version
        from importlib.util import find_spec

        from movemap import cache
        from movemap.geodata import geo_path

        def source(module: str) -> Path:
            # the module's file, found without importing it: a command whose routes are all
            # kept imports none of the routers (scipy, searoute: half a second of CPU)
            spec = find_spec(module)
            if spec is None or spec.origin is None:  # an install missing a file
                raise ImportError(f"movemap's module {module} is missing from this install")
            return Path(spec.origin)

        return cache.digest(
            f"searoute {version('searoute')}", f"route store format {STORE_FORMAT}",
            sys.modules[__name__],
            *(source(f"movemap.routing.{name}") for name in VERSIONED_MODULES),
            *(source(f"movemap.{name}") for name in VERSIONED_ELSEWHERE),
            *(geo_path(name) for name in (
                "railroads.geojson", "roads.geojson", "land_10m.geojson",
                "rail_additions.geojson", "road_additions.geojson", "main_lines.csv",
                "addition_lengths.csv",
                "countries.geojson", "borders_10m.geojson", "channels.geojson", "rivers.geojson",
                "river_fairways.geojson",
                "border_crossings.csv", "populated_places.csv", "border_towns.csv")),
            # a grid of fixed shape keeps its size when its values change, which the
            # digest's samples of a big file could miss: its every byte counts
            "relief", cache.whole_digest(geo_path("relief.npy")),
            "rail lines", *(Path(p) for p in self.rail_lines),
            "road lines", *(Path(p) for p in self.road_lines))

    def ground_km(self, mode: Mode, points: Found) -> float:
        """The ground length of a path along the ``mode``'s network (``Network.ground_km``:
        documented additions at their documented length, other lines ``GENERALISED`` times
        the winding of the relief they cross, a road's more than a railway's:
        ``routing.relief``)."""
        network = self.rail if mode is Mode.RAIL else self.road
        return float(network.ground_km(points if isinstance(points, Points)
                                       else as_array(points), winds=True))

    @cached_property
    def _store(self) -> RouteStore:
        return RouteStore(self.version, self.cache_dir)

    def path(self, mode: Mode, a: Point, b: Point,
             constraints: tuple[str, ...] = ()) -> Found:
        """The path of one stretch by ``mode``, or the reason there is none (remembered).
        A path is remembered as :class:`~movemap.routing.points.Points` (one array, not a
        tuple a point: a dataset's stretches hold millions of points).

        ``constraints`` are part of the path's key in the route cache: a :class:`Rule` as
        text (``Rule.as_constraints``), which rail and road routers follow.
        """
        router = ROUTERS[mode]
        rule = Rule.from_constraints(constraints)
        if router is _great_circle:  # cheaper to draw again than to look up
            return router(self, a, b, rule)
        key: Key = (mode.value, a, b, constraints)
        if key not in self._paths and not self._loaded:
            self._loaded = True
            self._paths.update(self._store.load())
        if key not in self._paths:
            found = router(self, a, b, rule)
            # a network's path stays as it is drawn (SegmentPoints: its steps' slots)
            self._paths[key] = self._new[key] = found if isinstance(found, (str, Points)) \
                else Points(found)
        return self._paths[key]

    def kept(self, key: str) -> Kept | None:
        """The whole route kept under ``key`` (:func:`route`'s), by this process or an
        earlier one with these networks."""
        if self._kept is None:
            self._kept = LegRouteStore(self.version, self.cache_dir).load()
        return self._kept.get(key)

    def keep(self, key: str, route: Kept) -> None:
        """Remember a whole route (kept between runs by :meth:`save`)."""
        if self._kept is None:
            self._kept = {}
        self._kept[key] = self._kept_new[key] = route

    def take_new(self, save: bool = False) -> tuple[dict[Key, Found], dict[str, Kept]]:
        """The paths and whole routes found since the last save or take, no longer new here
        (a worker process hands them to the process that routed it: :meth:`add_found`);
        with ``save``, saved first (a worker keeps what it found in shards of its own,
        written beside the other workers' routing rather than after it)."""
        paths, kept = dict(self._new), dict(self._kept_new)
        if save:
            self.save()
        self._new.clear()
        self._kept_new.clear()
        return paths, kept

    def add_found(self, paths: dict[Key, Found], kept: dict[str, Kept],
                  saved: bool = False) -> None:
        """Paths and whole routes found elsewhere with these networks, kept as if found
        here (saved by the next :meth:`save`, unless they were: ``saved``)."""
        self._paths.update(paths)
        if self._kept is None:
            self._kept = {}
        self._kept.update(kept)
        if not saved:
            self._new.update(paths)
            self._kept_new.update(kept)

    def warm(self, modes: Iterable[Mode]) -> None:
        """Load now what routes by these modes read (networks, kept routes, borders, land),
        so that worker processes forked after share it rather than each load it."""
        from movemap.routing import countries

        self.kept("")
        if not self._loaded:
            self._loaded = True
            self._paths.update(self._store.load())
        wanted = set(modes)
        if wanted & {Mode.RAIL, Mode.ROAD, Mode.FOOT}:
            from movemap.routing import network

            countries.warm()
            network.warm()
        if Mode.RAIL in wanted:
            self.rail.ready()
        if wanted & {Mode.ROAD, Mode.FOOT}:
            self.road.ready()
        if Mode.SEA in wanted:
            from movemap.routing import sea

            sea.warm()

    def know_joins(self, ends: Iterable[tuple[Mode, Point]]) -> None:
        """Find now, all in one pass, how these rail, road and foot ends join their
        network (``routing.joins``): as each path would one end at a time, and cheaper for
        many (the ends of the routes a process is about to find)."""
        from movemap.routing.countries import know_ends, land_country_of_end
        from movemap.routing.joins import know_joins

        by_network: dict[str, list[Point]] = {"rail": [], "road": []}
        for mode, p in ends:
            if mode is Mode.RAIL:
                by_network["rail"].append(p)
            elif mode in (Mode.ROAD, Mode.FOOT):
                by_network["road"].append(p)
        know_ends([p for points in by_network.values() for p in points])
        for name, points in by_network.items():
            if points:
                know_joins(getattr(self, name), [(p, land_country_of_end(p)) for p in points])

    def save(self) -> None:
        """Keep the paths and routes found since the last save in the route cache."""
        if self._new:
            self._store.save(self._new)
            self._new.clear()
        if self._kept_new:
            LegRouteStore(self.version, self.cache_dir).save(self._kept_new)
            self._kept_new.clear()


def _great_circle(_: Networks, a: Point, b: Point, __: Rule) -> Found:
    return geodesic_path(a[0], a[1], b[0], b[1])


def _sea(_: Networks, a: Point, b: Point, __: Rule) -> Found:
    from movemap.routing.sea import InlandEnd, sea_path

    try:
        return sea_path(a, b)
    except InlandEnd as exc:  # route() checks the ends first; kept for direct callers
        return str(exc)


def _rail(networks: Networks, a: Point, b: Point, rule: Rule) -> Found:
    return networks.rail.path(a, b, rule.allowed, rule.avoid)  # type: ignore[no-any-return]


def _road(networks: Networks, a: Point, b: Point, rule: Rule) -> Found:
    return networks.road.path(a, b, rule.allowed, rule.avoid)  # type: ignore[no-any-return]


ROUTERS: dict[Mode, Callable[[Networks, Point, Point, Rule], Found]] = {
    Mode.SEA: _sea,
    Mode.RAIL: _rail,
    Mode.ROAD: _road,
    Mode.FOOT: _road,
    Mode.AIR: _great_circle,
    Mode.UNKNOWN: _great_circle,
}

@cache
def default_networks() -> Networks:
    """The reference networks, shared by everything in this process."""
    return Networks()


def _rule(stops: Sequence[Point], mode: Mode, through: Iterable[str],
          avoid: Iterable[str]) -> tuple[Rule, list[str]]:
    """The countries a leg may cross: those of its stops and ``through``, less ``avoid``
    (a stop's own country cannot be avoided: a warning says so)."""
    if mode not in (Mode.RAIL, Mode.ROAD, Mode.FOOT):
        return Rule(), []
    from movemap.routing.countries import country_of_end

    homes = {c for c in (country_of_end(p) for p in stops) if c}
    avoided = frozenset(c.upper() for c in avoid)
    notes = [f"cannot avoid {c}: a stop of the route is there"
             for c in sorted(avoided & homes)]
    allowed = frozenset(homes | {c.upper() for c in through}) - (avoided - homes)
    return Rule(allowed if homes else None, avoided - homes), notes


def _kept_in(networks: Networks, mode: Mode, a: Point, b: Point, names: tuple[str, str],
             rule: Rule, kept_km: float) -> tuple[list[str], Found | None, float]:
    """A warning when the stretch from ``a`` to ``b``, kept to ``rule``'s countries for
    ``kept_km``, would be much shorter through a country the rule leaves out: the move may
    have crossed it (then it is a transit country to name), or the detour is the point. When
    the way through is ``KEPT_OUT_RATIO`` times shorter and ``KEPT_OUT_KM`` less, it is the
    way taken, and the warning says where it leaves: also that way and its length (None and
    0 when the kept stretch stands)."""
    from movemap.routing.countries import country_of_end, describe

    way = _way_through(networks, mode, a, b, Rule(None, rule.avoid), kept_km)
    extra = set() if way is None else way[2] - (rule.allowed or set())
    if way is None or not extra:
        return [], None, 0.0
    free, free_km = way[0], way[1]
    home = describe(c for c in (country_of_end(a), country_of_end(b)) if c)
    if kept_km > KEPT_OUT_RATIO * free_km and kept_km - free_km > KEPT_OUT_KM:
        return [f"{mode.value} from {names[0]} to {names[1]} leaves {home or 'its countries'} "
                f"through {describe(extra)}: {free_km:,.0f} km; kept to "
                f"{home or 'its countries'} it would be {kept_km:,.0f} km (avoid "
                f"{describe(extra)} to keep to it)"], free, free_km
    return [f"{mode.value} from {names[0]} to {names[1]} keeps to {home or 'its countries'}: "
            f"{kept_km:,.0f} km; through {describe(extra)} it would be {free_km:,.0f} km (name "
            "a transit country if the move crossed it)"], None, 0.0


def _avoided(networks: Networks, mode: Mode, a: Point, b: Point, rule: Rule,
             kept_km: float) -> tuple[str, float] | None:
    """The countries the caller asked to avoid that a much shorter way (``KEPT_IN_RATIO``)
    would cross, and that way's length; None when avoiding them costs little or nothing."""
    if not rule.avoid:
        return None
    from movemap.routing.countries import describe

    free = Rule(rule.allowed | rule.avoid if rule.allowed is not None else None, frozenset())
    way = _way_through(networks, mode, a, b, free, kept_km)
    crossed = set() if way is None else way[2] & rule.avoid
    return (describe(crossed), way[1]) if way is not None and crossed else None


def _way_through(networks: Networks, mode: Mode, a: Point, b: Point, rule: Rule,
                 kept_km: float) -> tuple[Found, float, set[str]] | None:
    """The path from ``a`` to ``b`` under ``rule``, its ground length and the countries it
    crosses, when it is ``KEPT_IN_RATIO`` times shorter than ``kept_km``; else None."""
    free = networks.path(mode, a, b, rule.as_constraints())
    if isinstance(free, str):
        return None
    free_km = networks.ground_km(mode, free)
    if free_km * KEPT_IN_RATIO > kept_km:
        return None
    return free, free_km, _crossed(free)


def _crossed(found: Sequence[Point]) -> set[str]:
    """The countries a network path crosses (``routing.countries``), its joins from the ends
    to the network measured apart, step by step: a straight join is one long segment, which
    would count in the country of its middle."""
    from movemap.routing.countries import crossed_each

    along = found[1:-1] if len(found) > 3 else found
    joins = [_steps(found[:2]), _steps(found[-2:])] if len(found) > 3 else []
    return {c for line in crossed_each([along, *joins]) for c in line}


def _steps(segment: Sequence[Point], step_km: float = 1.0) -> list[Point]:
    """A straight segment as points ``step_km`` apart (in lon/lat: joins are short)."""
    (x0, y0), (x1, y1) = segment[0], segment[-1]
    n = max(1, int(geodesic_km(x0, y0, x1, y1) // step_km))
    return [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n + 1)]


def _network_word(mode: Mode) -> str:
    return "railway" if mode is Mode.RAIL else "road"


def _inland(stops: Sequence[Point], names: Sequence[str], mode: Mode,
            strict: bool) -> dict[str, str]:
    """The reasons, by stop name, why a sea leg cannot start or end at its inland stops
    (raises :class:`RouteError` instead if ``strict``)."""
    if mode is not Mode.SEA:
        return {}
    from movemap.routing.sea import COAST_KM, coast_km

    out: dict[str, str] = {}
    for p, name in zip(stops, names, strict=True):
        km = coast_km(p)
        if km > COAST_KM:
            far = f"{km:.0f} km" if km != float("inf") else "more than 60 km"
            why = (f"{name} is {far} from the sea: a {mode.value} leg must start and end on "
                   "the coast; name its port or choose another mode")
            if strict:
                raise RouteError(why, field="mode")
            out[name] = why
    return out


def _route_key(stops: Sequence[Point], mode: Mode, names: Sequence[str],
               through: Iterable[str], avoid: Iterable[str], strict: bool) -> str:
    return json.dumps([mode.value, [[repr(x), repr(y)] for x, y in stops], list(names),
                       sorted(through), sorted(avoid), strict])


def needs_routing(stops: Sequence[Point], mode: Mode, networks: Networks,
                  labels: Sequence[str] | None = None, *, through: Iterable[str] = (),
                  avoid: Iterable[str] = (), strict: bool = True) -> bool:
    """Whether :func:`route` with these arguments would route anything: not for a mode
    drawn as a great circle, nor for a route kept by ``networks``."""
    return ROUTERS[mode] is not _great_circle and kept_route(
        stops, mode, networks, labels, through=through, avoid=avoid, strict=strict) is None


def kept_route(stops: Sequence[Point], mode: Mode, networks: Networks,
               labels: Sequence[str] | None = None, *, through: Iterable[str] = (),
               avoid: Iterable[str] = (), strict: bool = True) -> Route | None:
    """The route :func:`route` gives for these arguments if ``networks`` keeps it (found
    before, by this process or an earlier one), without routing; else None (also for a
    mode drawn as a great circle, which is cheaper to draw again than to keep)."""
    if ROUTERS[mode] is _great_circle:
        return None
    if through or avoid:
        from movemap.countries import country_codes

        through, avoid = country_codes(through, "through"), country_codes(avoid, "avoid")
    names = list(labels) if labels else [f"{y:.3f}, {x:.3f}" for x, y in stops]
    kept = networks.kept(_route_key(stops, mode, names, through, avoid, strict))
    return None if kept is None else Route(Points(kept[0]), kept[1], mode, kept[2], kept[3])


def route(stops: Sequence[Point], mode: Mode, networks: Networks | None = None,
          labels: Sequence[str] | None = None, *, through: Iterable[str] = (),
          avoid: Iterable[str] = (), strict: bool = True) -> Route:
    """The route through ``stops`` (lon, lat) in order, by the router of ``mode``.

    ``labels`` name the stops in the route's ``warnings``, which callers show (they are not
    logged here, so that nothing is said twice). ``through`` names transit countries a rail
    or road route may cross besides those of its stops, ``avoid`` countries it must not
    (ISO 3166-1 alpha-2, in any case; one that is no country's code raises
    :class:`~movemap.errors.CountryCodeError` with the code meant). A sea leg whose end is
    inland raises :class:`RouteError`; with ``strict=False`` (a dataset being drawn or
    checked) it is a great circle with a warning.
    """
    if through or avoid:
        from movemap.countries import country_codes

        through, avoid = country_codes(through, "through"), country_codes(avoid, "avoid")
    networks = networks or default_networks()
    names = list(labels) if labels else [f"{y:.3f}, {x:.3f}" for x, y in stops]
    key = _route_key(stops, mode, names, through, avoid, strict)
    kept = networks.kept(key)
    if kept is not None:  # routed and checked before: nothing to do again
        return Route(Points(kept[0]), kept[1], mode, kept[2], kept[3])
    pieces = [as_array([stops[0]])]  # the route's points, stretch by stretch
    rule, warnings = _rule(stops, mode, through, avoid)
    inland = _inland(stops, names, mode, strict)
    approximate = False
    length = 0.0
    for (a, b), (name_a, name_b) in zip(pairwise(stops), pairwise(names), strict=True):
        found: Found = inland.get(name_a) or inland.get(name_b) or networks.path(
            mode, a, b, rule.as_constraints())
        follows = mode  # the network the stretch follows
        if isinstance(found, str) and mode is Mode.RAIL:
            # no railway in the data joins them: the roads run the same valleys and passes,
            # nearer the line a train took than a straight line over them
            by_road = networks.path(Mode.ROAD, a, b, rule.as_constraints())
            reach = ROAD_FOR_RAIL_RATIO * max(geodesic_km(a[0], a[1], b[0], b[1]), DETOUR_MIN_KM)
            if not isinstance(by_road, str) and networks.ground_km(Mode.ROAD, by_road) <= reach:
                warnings.append(f"rail from {name_a} to {name_b}: {found}; drawn along the "
                                "roads instead (approximate)")
                found, follows, approximate = by_road, Mode.ROAD, True
        if rule.allowed is not None and not isinstance(found, str):
            from movemap.routing.countries import country_of_end, describe

            stray = {c for c in _crossed(found) if c not in rule.allowed or c in rule.avoid}
            if stray:  # the network could not keep to the countries: say where it goes
                home = describe(c for c in (country_of_end(a), country_of_end(b)) if c)
                approximate = True
                warnings.append(f"{mode.value} from {name_a} to {name_b} leaves "
                                f"{home or 'its countries'} through {describe(stray)} "
                                "(approximate)")
        if not isinstance(found, str) and mode in (Mode.RAIL, Mode.ROAD, Mode.FOOT):
            for name, (p, q) in ((name_a, found[:2]), (name_b, found[-2:][::-1])):
                km = geodesic_km(p[0], p[1], q[0], q[1])
                if km > FAR_JOIN_KM:
                    approximate = True
                    warnings.append(f"{mode.value} from {name_a} to {name_b}: {name} is "
                                    f"{km:.0f} km from the nearest {_network_word(follows)} in "
                                    "the data; joined to it by a straight line (approximate)")
        if not isinstance(found, str) and mode is Mode.SEA:
            from movemap.routing.land import sea_path_checks
            from movemap.routing.sea import COAST_KM, LAND_KM

            # the ends' approaches from their ports (COAST_KM) are not counted as land
            over, upriver = sea_path_checks([(float(x), float(y)) for x, y in found],
                                            skip_km=COAST_KM)
            if over > LAND_KM:  # a strait or a river narrower than the water grid sees
                approximate = True
                warnings.append(f"{mode.value} from {name_a} to {name_b} crosses about "
                                f"{over:.0f} km of land (approximate)")
            for name, km in zip((name_a, name_b), upriver, strict=True):
                if km > UPRIVER_KM:  # a port up a river, or an inland town taken for one
                    warnings.append(f"{mode.value} from {name_a} to {name_b}: {name} lies "
                                    f"about {km:.0f} km up a river from the open sea; check "
                                    "that sea-going ships reach it")
        great_circle = ROUTERS[mode] is _great_circle or isinstance(found, str)
        if isinstance(found, str):
            warnings.append(f"{mode.value} from {name_a} to {name_b}: {found}; drawn as a "
                            "great circle (approximate)")
            found = geodesic_path(a[0], a[1], b[0], b[1])
            approximate = True
        # a great circle's length is exact from its ends, and cheaper than summing its steps;
        # a rail or road line's drawn length falls short of the ground's (routing.lengths)
        direct = geodesic_km(a[0], a[1], b[0], b[1])
        leg_km = (direct if great_circle else networks.ground_km(follows, found)
                  if mode in NETWORK_MODES else _length(found))
        kept_in, out, out_km = _kept_in(networks, mode, a, b, (name_a, name_b), rule,
                                        leg_km) if (
            rule.allowed is not None and not great_circle and follows is mode
            and mode in NETWORK_MODES and direct >= DETOUR_MIN_KM
            and leg_km > KEPT_IN_RATIO * direct) else ([], None, 0.0)
        warnings.extend(kept_in)  # the detour is the countries', not a gap in the data
        if out is not None and not isinstance(out, str):
            # the way through the third country, said above (a line of the data, so not
            # approximate: the warning names the country it crosses)
            found, leg_km = out, out_km
        if (not great_circle and mode in NETWORK_MODES and direct >= DETOUR_MIN_KM
                and leg_km > DETOUR_RATIO * direct and not kept_in):
            if (avoided := _avoided(networks, mode, a, b, rule, leg_km)) is not None:
                # the detour is the avoided countries', as asked: not a gap in the data
                warnings.append(f"{mode.value} from {name_a} to {name_b} avoids "
                                f"{avoided[0]} as asked: {leg_km:,.0f} km; through it it "
                                f"would be {avoided[1]:,.0f} km")
            else:
                warnings.append(f"{mode.value} from {name_a} to {name_b} runs {leg_km:,.0f} "
                                f"km, {leg_km / direct:.1f} times the direct {direct:,.0f} "
                                f"km: the {_network_word(follows)}s in the data may lack one "
                                "here; check the route")
        length += leg_km
        pieces.append(as_array(found)[1:])
    kept_points = Points(np.concatenate(pieces))
    networks.keep(key, (kept_points, length, approximate, tuple(warnings)))
    return Route(kept_points, length, mode, approximate, tuple(warnings))
