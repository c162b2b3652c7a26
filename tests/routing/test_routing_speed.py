"""The shortcuts of cold routing give the routes routing without them gives: legs routed on
worker processes, ends that no network path joins, coasts measured on a tile of land."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from movemap import located
from movemap.dates import parse_date
from movemap.gazetteer import Kind, Place
from movemap.located import route_legs
from movemap.model import Leg, Mode, PlaceRef
from movemap.routing import Networks, Route, network, route, sea

# Real towns (coordinates from GeoNames, rounded), in several countries, a few of them ports.
_TOWNS = {
    "Munich": (11.575, 48.137, "DE"), "Nuremberg": (11.078, 49.452, "DE"),
    "Stuttgart": (9.177, 48.782, "DE"), "Kassel": (9.497, 51.312, "DE"),
    "Kraków": (19.937, 50.062, "PL"), "Gdańsk": (18.646, 54.352, "PL"),
    "Brno": (16.608, 49.195, "CZ"), "Vienna": (16.372, 48.208, "AT"),
    "Linz": (14.286, 48.306, "AT"), "Bratislava": (17.107, 48.149, "SK"),
    "Rostock": (12.099, 54.088, "DE"), "Klaipėda": (21.117, 55.712, "LT"),
}
_PORTS = ("Gdańsk", "Rostock", "Klaipėda")


def _ref(name: str) -> PlaceRef:
    lon, lat, _ = _TOWNS[name]
    return PlaceRef(name=name, lat=lat, lon=lon)


def _place(ref: PlaceRef) -> Place:
    assert ref.lon is not None and ref.lat is not None and ref.name is not None
    return Place(id=f"test:{ref.name}", name=ref.name, lat=ref.lat, lon=ref.lon,
                 country=_TOWNS[ref.name][2], admin1=None, kind=Kind.CITY, population=None,
                 source="test")


def _legs() -> list[Leg]:
    """Legs between every two of the towns by rail and road, and between the ports by sea:
    several from each origin, so that the work splits between origin groups."""
    inland = [n for n in _TOWNS if n not in _PORTS][:7]
    pairs = [(mode, a, b) for mode in (Mode.RAIL, Mode.ROAD) for a in inland for b in inland
             if a < b]
    pairs += [(Mode.SEA, a, b) for a in _PORTS for b in _PORTS if a != b]
    return [Leg(id=f"leg{i}", unit="u", mode=mode, start=parse_date("2024-05-01"),
                origins=(_ref(a),), destination=_ref(b)) for i, (mode, a, b) in enumerate(pairs)]


def test_legs_routed_on_worker_processes_are_the_routes_of_one_process(
        fresh_cache: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """On two forked processes, every search runs in a worker (none here), the routes
    are those one process finds, and the paths the workers found are kept: a second run
    routes nothing."""
    searches: list[int] = []
    real = network.dijkstra
    monkeypatch.setattr(network, "dijkstra", lambda *a, **k: (searches.append(1),
                                                              real(*a, **k))[1])
    legs = _legs()
    places = {ref: _place(ref) for leg in legs for ref in (*leg.origins, leg.destination)}
    serial, _ = route_legs(legs, places, (), Networks(cache_dir=fresh_cache("serial")))
    assert searches  # one process: its own searches
    searches.clear()
    monkeypatch.setattr(located, "_processes", 2)
    monkeypatch.setattr(located, "PARALLEL_MIN_JOBS", 10)
    folder = fresh_cache("parallel")
    parallel, _ = route_legs(legs, places, (), Networks(cache_dir=folder))
    assert not searches  # all of them in the workers
    # each worker kept its runs' paths and routes itself, a shard a run
    for kind in ("routes", "legroutes"):
        assert len(list(folder.glob(f"{kind}-*/shard-*.npz"))) > 1
    assert list(parallel) == list(serial)  # the same legs, in the same order
    assert all(parallel[key] == serial[key] for key in serial)
    assert {r.mode for r in parallel.values()} == {Mode.RAIL, Mode.ROAD, Mode.SEA}
    assert sum(len(r.points) > 2 and not r.approximate for r in parallel.values()) > 30
    again, _ = route_legs(legs, places, (), Networks(cache_dir=folder))
    assert not searches
    assert all(again[key] == serial[key] for key in serial)


def test_a_few_legs_are_routed_in_this_process(fresh_cache: Callable[[str], Path],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Below PARALLEL_MIN_JOBS routes to find, starting processes would cost more."""
    searches: list[int] = []
    real = network.dijkstra
    monkeypatch.setattr(network, "dijkstra", lambda *a, **k: (searches.append(1),
                                                              real(*a, **k))[1])
    monkeypatch.setattr(located, "_processes", 2)
    legs = _legs()[:5]
    places = {ref: _place(ref) for leg in legs for ref in (*leg.origins, leg.destination)}
    found, _ = route_legs(legs, places, (), Networks(cache_dir=fresh_cache("routes")))
    assert searches and len(found) == 5


def test_ends_on_unjoined_parts_of_a_network_need_no_search(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Colombo's railways do not reach India's: no search could join them, under any rule,
    so none is made, and the route says why."""
    searches: list[int] = []
    real = network.dijkstra
    monkeypatch.setattr(network, "dijkstra", lambda *a, **k: (searches.append(1),
                                                              real(*a, **k))[1])
    colombo, chennai = (79.861, 6.927), (80.278, 13.088)
    rail = Networks().rail
    assert rail.path(colombo, chennai) == "the rail network does not connect the two ends"
    assert not searches
    found = route([colombo, chennai], Mode.RAIL, Networks(), ["Colombo", "Chennai"])
    assert found.approximate
    assert found.warnings[-1].startswith("rail from Colombo to Chennai: the rail network "
                                         "does not connect the two ends")
    kandy = (80.636, 7.293)  # on the same part: searched and found
    assert not isinstance(rail.path(colombo, kandy), str)
    assert searches


@pytest.mark.parametrize("point", [
    (5.370, 43.297),    # Marseille, by a tile's edge (5 degrees east)
    (-9.139, 38.722),   # Lisbon
    (10.752, 59.913),   # Oslo, by two edges
    (-17.444, 14.693),  # Dakar
    (28.979, 41.015),   # Istanbul
    (18.955, 69.649),   # Tromsø: a wide box this far north
    (15.635, 78.223),   # Longyearbyen: too wide for a tile, all the land
    (37.618, 55.751),   # Moscow: inland, no sea within reach
    (9.999, 53.551),    # Hamburg: 0.001 degrees from a tile's edge
])
def test_coast_distance_on_a_tile_is_that_on_all_the_land(
        point: tuple[float, float], monkeypatch: pytest.MonkeyPatch) -> None:
    """The distance to the sea measured on the land of a tile is the one measured on all
    of it, to the last digit, near the tiles' edges too."""
    from movemap.routing.land import land

    tiled = sea.coast_km.__wrapped__(point)
    monkeypatch.setattr(sea, "land_near", lambda *_: land())
    whole = sea.coast_km.__wrapped__(point)
    assert tiled == whole or (math.isinf(tiled) and math.isinf(whole))


def test_a_route_survives_a_trip_between_processes() -> None:
    """Routes go back from worker processes pickled: they come back equal."""
    import pickle

    found = route([(11.575, 48.137), (16.372, 48.208)], Mode.RAIL, Networks(),
                  ["Munich", "Vienna"])
    again = pickle.loads(pickle.dumps(found))
    assert isinstance(again, Route) and again == found and len(again.points) > 2


def _spy_on_joins(monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[float, float]],
                                                             list[int]]:
    """Record, while the test runs, each end a network joins alone and the count of ends
    each one-pass batch joins (``routing.joins.know_joins``); both lists fill as it goes."""
    from movemap.routing import joins

    alone: list[tuple[float, float]] = []
    batched: list[int] = []
    real_find = network.Network._find_end_joins
    real_know = joins.know_joins

    def find(self: network.Network, p: tuple[float, float], *args: object) -> object:
        alone.append(p)
        return real_find(self, p, *args)  # type: ignore[arg-type]

    def know(*args: object) -> joins.JoinCount:
        done = real_know(*args)  # type: ignore[arg-type]
        batched.append(done.batched)
        return done

    monkeypatch.setattr(network.Network, "_find_end_joins", find)
    monkeypatch.setattr(joins, "know_joins", know)
    return alone, batched


def test_the_ends_are_joined_in_one_pass_before_any_route(fresh_cache: Callable[[str], Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """route_legs joins every distinct rail and road end to its network at once
    (routing.joins); the routes then join none one at a time but ends whose joins tie."""
    alone, batched = _spy_on_joins(monkeypatch)
    legs = [leg for leg in _legs() if leg.mode is not Mode.SEA]
    places = {ref: _place(ref) for leg in legs for ref in (*leg.origins, leg.destination)}
    found, _ = route_legs(legs, places, (), Networks(cache_dir=fresh_cache("routes")))
    assert len(batched) == 2 and sum(batched) == 14  # 7 towns, on the rail and road networks
    assert not alone  # no ties among these
    assert sum(len(r.points) > 2 for r in found.values()) > 30


def test_a_worker_joins_the_ends_of_each_run_as_one_process_joins_them(
        fresh_cache: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process joins the ends of each run of routes it takes in one pass, before
    routing them (the parent does not join them all first): the joins are those one
    process finds for every end at once, no route joins an end one at a time, and the
    routes are the same. Where the processes fail, the parent joins the ends itself."""
    legs = [leg for leg in _legs() if leg.mode is not Mode.SEA]
    places = {ref: _place(ref) for leg in legs for ref in (*leg.origins, leg.destination)}
    pending: list[located._RouteJob] = []

    def fail(work: list[located._RouteJob], *_: object) -> bool:
        pending.extend(work)
        return False  # as if no process could be forked: route_legs routes them

    alone, batched = _spy_on_joins(monkeypatch)
    monkeypatch.setattr(located, "_route_parallel", fail)
    monkeypatch.setattr(located, "_processes", 2)
    monkeypatch.setattr(located, "PARALLEL_MIN_JOBS", 10)
    one = Networks(cache_dir=fresh_cache("one"))
    serial, _ = route_legs(legs, places, (), one)
    assert pending and not alone and batched == [7, 7]  # the parent joined them at once
    batched.clear()
    worker = Networks(cache_dir=fresh_cache("worker"))
    monkeypatch.setattr(located, "_forked", (pending, worker))  # a worker's runs, in turn
    runs = located._chunks(pending, 4)
    assert len(runs) > 2
    routes = {key: r for run in runs for key, r, _ in located._route_forked_chunk(run)[0]}
    assert not alone and sum(batched) == 14  # 7 towns on 2 networks, each joined once
    assert len(routes) == len(pending) and all(routes[key] == serial[key] for key in routes)
    for name in ("rail", "road"):
        mine = getattr(worker, name)._end_joins_found
        theirs = getattr(one, name)._end_joins_found
        assert mine.keys() == theirs.keys()
        for key, (nodes, km, splits) in theirs.items():
            assert np.array_equal(mine[key][0], nodes) and np.array_equal(mine[key][1], km)
            assert [(s.edge, s.off_km, s.along, s.point, s.index) for s in mine[key][2]] == [
                (s.edge, s.off_km, s.along, s.point, s.index) for s in splits]


def test_warming_for_sea_routes_loads_both_lands_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes forked after ``warm`` share the land sea routes keep off and the
    land their river checks read (without the fairways), both cut from one reading of the
    1:10m land, rather than each read them."""
    from movemap.routing import land, sea

    asked: list[bool] = []
    real = land.land
    monkeypatch.setattr(sea, "land", lambda rivers=True: (asked.append(rivers),
                                                           real(rivers))[1])
    Networks().warm({Mode.SEA})
    assert sorted(asked) == [False, True]
    assert land._land_10m.cache_info().currsize == 1


def test_workers_take_the_heaviest_runs_first() -> None:
    """Sea routes (coast checks, the water grid) cost most, then road: their runs go first,
    so that the last runs handed out are light and the processes finish together."""
    from movemap.located import _chunks, _heaviest_first, _RouteJob

    def jobs(mode: Mode, origins: range) -> list[_RouteJob]:
        return [_RouteJob(f"{mode.value}{i}", 0, ((float(i), 0.0), (float(i), 1.0)), mode,
                          ("a", "b")) for i in origins]

    work = jobs(Mode.RAIL, range(8)) + jobs(Mode.ROAD, range(8)) + jobs(Mode.SEA, range(8))
    chunks = _chunks(work, 6)
    assert chunks == [(0, 4), (4, 8), (8, 12), (12, 16), (16, 20), (20, 24)]
    ordered = _heaviest_first(work, chunks)
    assert ordered == [(16, 20), (20, 24), (8, 12), (12, 16), (0, 4), (4, 8)]
    assert sorted(ordered) == chunks  # every run, once


def test_the_graph_of_a_rule_that_comes_back_is_not_built_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Legs grouped by origin come back to the rules of the countries they join in no
    order: each rule's graph is built once, however they alternate."""
    from movemap.routing import chains

    rail = Networks().rail
    built: list[int] = []
    real = chains.Chains.rule_graph

    def rule_graph(self: chains.Chains, *args: object) -> object:
        built.append(1)
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(chains.Chains, "rule_graph", rule_graph)
    rules = [(frozenset({c, "DE"}), frozenset[str]()) for c in
             ("PL", "FR", "IT", "ES", "AT", "CZ", "HU", "NL", "BE", "DK")]
    graphs = [[rail._rule_graph(rule) for rule in rules] for _ in range(3)]
    assert len(built) == len(rules)
    assert all(g is first for again in graphs[1:] for g, first in zip(again, graphs[0],
                                                                     strict=True))


def test_distances_measured_together_are_those_measured_one_by_one() -> None:
    from movemap.routing.geodesic import geodesic_km

    ends = [(30.52, 50.45, 36.23, 49.99), (179.5, -16.8, -179.8, -16.5), (0.0, 0.0, 0.0, 0.0),
            (-70.6, -33.4, 151.2, -33.9)]
    assert located._geodesic_km(ends) == [geodesic_km(*e) for e in ends]
    assert located._geodesic_km([]) == []


@pytest.mark.parametrize("point", [
    (37.618, 55.751),   # Moscow: far inland
    (106.917, 47.918),  # Ulaanbaatar
    (15.044, 12.107),   # N'Djamena
    (-3.703, 40.417),   # Madrid: 300 km from the sea
    (8.682, 50.110),    # Frankfurt
    (10.400, 55.400),   # Odense: water within reach on every side
    (2.352, 48.857),    # Paris: the Channel beyond the box
])
def test_an_inland_box_gives_the_distance_the_cut_gives(
        point: tuple[float, float], monkeypatch: pytest.MonkeyPatch) -> None:
    """A box wholly inside the land answers "no sea within reach" without cutting the water
    out of it: the same answer as the cut, with or without the shortcut."""
    import shapely

    from movemap.routing.land import land

    quick = sea.coast_km.__wrapped__(point)
    real = shapely.contains_properly
    monkeypatch.setattr(shapely, "contains_properly",
                        lambda a, b, **kw: False if b is not None and getattr(
                            b, "geom_type", "") == "Polygon" and a is land() else
                        real(a, b, **kw))
    cut = sea.coast_km.__wrapped__(point)
    assert quick == cut or (math.isinf(quick) and math.isinf(cut))


def test_a_segment_table_looks_up_what_a_table_of_vertex_pairs_does() -> None:
    """The network's table of the segments of some edges (a documented stretch, a winding
    slope), searched by the keys of a step's two points, answers as a dictionary of every
    such segment's two vertices, both ways, would: the last edge's value where two edges
    share a segment, and nothing for a step that is no such segment."""
    import itertools

    import numpy as np

    lines = [[(10.0, 50.0), (10.1, 50.0), (10.2, 50.1)], [(10.2, 50.1), (10.3, 50.2)],
             [(10.0, 50.0), (10.0, 50.2), (10.3, 50.2)]]
    net = network.Network.from_lines(lines, snap_km=5.0, stretch=[1.3, 1.03, 1.6])
    values = net._a.edge_stretch
    reference: dict[tuple[int, int], float] = {}
    offsets = net._a.offsets
    for e in np.flatnonzero(values != 1.03).tolist():
        keys = network._vertex_keys(net._a.coords[offsets[e]: offsets[e + 1]]).tolist()
        for k1, k2 in itertools.pairwise(keys):
            reference[(k1, k2)] = reference[(k2, k1)] = float(values[e])
    table = net._segment_table(values, 1.03)
    xy = net._a.coords
    p, q = np.concatenate([xy[:-1], xy[1:]]), np.concatenate([xy[1:], xy[:-1]])
    found, got = network._look_up(table, p, q)
    kp, kq = network._vertex_keys(p), network._vertex_keys(q)
    want = [reference.get((int(a), int(b))) for a, b in zip(kp, kq, strict=True)]
    assert found.tolist() == [w is not None for w in want]
    assert got.tolist() == [w for w in want if w is not None]
    assert 0 < found.sum() < len(found)  # some steps are, some are not


def test_nearest_distance_by_the_tree_is_the_scan_s() -> None:
    """The distance to the nearest node said in a refusal, found by the k-d tree, is the one
    the scan of every node finds."""
    rail = Networks().rail
    for p in [(37.6, 55.7), (0.0, 0.0), (-70.0, -30.0), (140.0, 60.0), (20.0, 23.0)]:
        assert rail._nearest_km(p) == rail.nearest(p)[1]


def test_connected_is_any_shared_component() -> None:
    """Two sets of joins are connected when a node of each lies in one component."""
    import numpy as np

    rail = Networks().rail
    rng = np.random.default_rng(3)
    rail._connected(np.array([0]), np.array([0]))
    assert rail._component is not None
    for _ in range(50):
        a = rng.integers(0, len(rail), size=int(rng.integers(1, 9)))
        b = rng.integers(0, len(rail), size=int(rng.integers(1, 9)))
        expected = bool(np.isin(rail._component[a], rail._component[b]).any())
        assert rail._connected(a, b) is expected


def test_warming_the_sea_loads_the_lanes_that_sea_routes_then_read() -> None:
    # forked workers share what the parent warmed: the lanes' graphs must be the very ones
    # a route asks searoute for, not another backend's
    import searoute

    from movemap.routing import sea

    sea.warm()
    graphs = searoute.setup_M.cache_info().currsize, searoute.setup_P.cache_info().currsize
    assert all(graphs)
    route = sea.sea_path((28.98, 41.0), (30.75, 46.48))  # Istanbul to Odesa: the lanes
    assert not isinstance(route, str)
    assert (searoute.setup_M.cache_info().currsize,
            searoute.setup_P.cache_info().currsize) == graphs
