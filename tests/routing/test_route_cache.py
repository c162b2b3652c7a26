"""Routes kept between runs: a second command on the same dataset routes nothing."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from movemap import routing
from movemap.gazetteer import Kind, Place
from movemap.located import locate
from movemap.model import Dataset, Mode, PlaceRef
from movemap.routing import Networks
from movemap.routing.store import RouteStore, key_text


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """How often each mode's router ran (the routers behind the route cache)."""
    counts: Counter[str] = Counter()

    def counting(mode: Mode, router: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object) -> object:
            counts[mode.value] += 1
            return router(*args)
        return run

    for mode, router in list(routing.ROUTERS.items()):
        if router is not routing._great_circle:
            monkeypatch.setitem(routing.ROUTERS, mode, counting(mode, router))
    yield counts


def test_second_run_routes_nothing(dataset: Dataset, fresh_cache: Callable[[str], Path],
                                   calls: Counter[str]) -> None:
    cache = fresh_cache("routes")
    first = locate(dataset, networks=Networks(cache_dir=cache))
    routed = sum(calls.values())
    assert routed >= 5 and calls["sea"] >= 3  # the reference case has sea and rail legs
    second = locate(dataset, networks=Networks(cache_dir=cache))  # as a new process would
    assert sum(calls.values()) == routed  # nothing routed again
    for leg in dataset.legs:
        assert second.routes_of(leg) == first.routes_of(leg)
    assert second.warnings == first.warnings


def test_other_networks_route_again(dataset: Dataset, tmp_path: Path,
                                    fresh_cache: Callable[[str], Path],
                                    calls: Counter[str]) -> None:
    """A rail overlay is a new version of the networks: its routes are not the old ones."""
    cache = fresh_cache("routes")
    locate(dataset, networks=Networks(cache_dir=cache))
    before = sum(calls.values())
    overlay = tmp_path / "extra.geojson"
    overlay.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                       '"properties": {}, "geometry": {"type": "LineString", "coordinates": '
                       '[[30.0, 50.0], [30.5, 50.5]]}}]}', encoding="utf-8")
    extra = Networks(rail_lines=[overlay], cache_dir=cache)
    assert extra.version != Networks(cache_dir=cache).version
    locate(dataset, networks=extra)
    assert sum(calls.values()) > before


def test_key_holds_constraints() -> None:
    """Constraints (an open tuple: a country to avoid, to pass through) are part of a key."""
    a, b = (129.8, 41.8), (131.9, 43.1)
    plain = key_text(("sea", a, b, ()))
    assert plain != key_text(("sea", a, b, ("avoid:JP",)))
    assert key_text(("sea", a, b, ("avoid:JP",))) != key_text(("sea", a, b, ("through:JP",)))
    assert plain != key_text(("rail", a, b, ()))
    assert plain != key_text(("sea", b, a, ()))


def test_damaged_shard_is_removed_with_a_notice(tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    store = RouteStore("0123456789abcdef", tmp_path)
    path = [(129.8, 41.8), (130.5, 42.3), (131.9, 43.1)]
    store.save({("sea", path[0], path[-1], ()): path,
                ("rail", path[0], path[-1], ()): "no rail line within 30 km of the start"})
    again = RouteStore("0123456789abcdef", tmp_path).load()
    assert again[("sea", path[0], path[-1], ())] == path
    assert again[("rail", path[0], path[-1], ())].startswith("no rail line")
    (shard,) = (tmp_path / "routes-0123456789abcdef").glob("shard-*.npz")
    shard.write_bytes(shard.read_bytes()[:50])
    with caplog.at_level(logging.WARNING):
        assert RouteStore("0123456789abcdef", tmp_path).load() == {}
    assert not shard.exists()
    assert [r.getMessage() for r in caplog.records if "damaged" in r.getMessage()]


def _compressed(arrays: dict[str, object]) -> bytes:
    import io

    import numpy as np

    out = io.BytesIO()
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("content", [
    pytest.param(lambda good: b"", id="empty"),
    pytest.param(lambda good: b"not a zip at all" * 8, id="not-a-zip"),
    pytest.param(lambda good: good[:-30], id="directory-cut"),
    pytest.param(lambda good: _compressed({"keys": ["x"]}), id="compressed-member"),
    pytest.param(lambda good: good.replace(b"<f8", b"<U8"), id="array-overruns-member"),
])
def test_a_shard_matching_its_name_but_not_readable_is_damage(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        content: Callable[[bytes], bytes]) -> None:
    """A file named as shards are whose bytes do not hold arrays as ``numpy.savez`` writes
    them (stored, whole): one notice, removed, nothing loaded from it; the kept routes of
    other shards still load."""
    import hashlib

    from movemap.routing.store import LegRouteStore

    good_route = ([(10.0, 50.0), (10.5, 50.5)], 70.0, False, ("left the country",))
    LegRouteStore("0123456789abcdef", tmp_path).save({"good": good_route})
    folder = tmp_path / "legroutes-0123456789abcdef"
    (good,) = folder.glob("shard-*.npz")
    data = content(good.read_bytes())
    bad = folder / f"shard-{hashlib.blake2b(data, digest_size=16).hexdigest()}.npz"
    bad.write_bytes(data)
    with caplog.at_level(logging.WARNING):
        loaded = LegRouteStore("0123456789abcdef", tmp_path).load()
    assert list(loaded) == ["good"]
    points, km, approximate, warnings = loaded["good"]
    assert list(points) == good_route[0] and (km, approximate, warnings) == good_route[1:]
    assert not bad.exists() and good.exists()
    assert len([r for r in caplog.records if "damaged" in r.getMessage()]) == 1


@pytest.mark.parametrize("member", ["keys", "coords", "warnings"])
def test_a_changed_byte_in_a_shard_is_damage(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                             member: str) -> None:
    """A byte changed inside one array of a shard (its size and name unchanged): the zip's
    CRC-32 of that member, checked as the shard is read, finds it; one notice, the shard
    removed, the routes of the other shards still load."""
    import zipfile

    from movemap.routing.store import LegRouteStore

    folder = tmp_path / "legroutes-0123456789abcdef"
    good_route = ([(10.0, 50.0), (10.5, 50.5)], 70.0, False, ("left the country",))
    LegRouteStore("0123456789abcdef", tmp_path).save({"good": good_route})
    (good,) = folder.glob("shard-*.npz")
    other = ([(20.0, 40.0), (20.25, 40.5), (21.0, 41.0)], 120.0, True, ("a warning",))
    LegRouteStore("0123456789abcdef", tmp_path).save({"other route": other})
    (bad,) = set(folder.glob("shard-*.npz")) - {good}
    data = bytearray(bad.read_bytes())
    with zipfile.ZipFile(bad) as z:
        info = z.getinfo(f"{member}.npy")
    # the member's data begin after its local header (30 bytes, its name and extra field);
    # its last byte is one of the array's own, past the .npy header
    name_length = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28],
                                 "little")
    extra_length = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30],
                                  "little")
    end = info.header_offset + 30 + name_length + extra_length + info.compress_size
    data[end - 1] ^= 0x01
    bad.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        loaded = LegRouteStore("0123456789abcdef", tmp_path).load()
    assert list(loaded) == ["good"]
    assert not bad.exists() and good.exists()
    assert len([r for r in caplog.records if "damaged" in r.getMessage()]) == 1


@pytest.mark.parametrize(("old", "new"), [
    pytest.param(b"'shape': (10000, 2)", b"'shape': (9000, 2)", id="fewer-points"),
    pytest.param(b"'descr': '<f8', 'fortran_order': False, 'shape': (10000, 2)",
                 b"'descr': '<f4', 'fortran_order': False, 'shape': (10000, 2)",
                 id="narrower-type"),
])
def test_a_changed_array_header_in_a_shard_is_damage(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, old: bytes, new: bytes) -> None:
    """A byte changed in the .npy header of the points (numpy would read fewer bytes than the
    member holds, or read them as another type): damage, not a shorter or garbled route. The
    route is long enough that zipfile would not reach the member's end, and so its CRC-32,
    by reading what the header announces."""
    from movemap.routing.store import LegRouteStore

    folder = tmp_path / "legroutes-0123456789abcdef"
    good_route = ([(10.0, 50.0), (10.5, 50.5)], 70.0, False, ("left the country",))
    LegRouteStore("0123456789abcdef", tmp_path).save({"good": good_route})
    (good,) = folder.glob("shard-*.npz")
    long_line = [(20.0 + i / 10_000, 40.0) for i in range(10_000)]
    LegRouteStore("0123456789abcdef", tmp_path).save(
        {"long route": (long_line, 800.0, False, ())})
    (bad,) = set(folder.glob("shard-*.npz")) - {good}
    data = bad.read_bytes()
    assert data.count(old) == 1
    bad.write_bytes(data.replace(old, new))
    with caplog.at_level(logging.WARNING):
        loaded = LegRouteStore("0123456789abcdef", tmp_path).load()
    assert list(loaded) == ["good"]
    assert not bad.exists() and good.exists()
    assert len([r for r in caplog.records if "damaged" in r.getMessage()]) == 1


def test_the_store_format_keys_the_routes_kept(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's layout number is part of the networks' version (its source is not)."""
    import movemap.routing

    assert "store" not in movemap.routing.VERSIONED_MODULES
    before = Networks(cache_dir=tmp_path).version
    monkeypatch.setattr(movemap.routing, "STORE_FORMAT", movemap.routing.STORE_FORMAT + 1)
    assert Networks(cache_dir=tmp_path).version != before


def test_kept_paths_load_as_arrays_from_checksummed_shards(tmp_path: Path) -> None:
    """Each save adds one shard named by the checksum of its keys (nothing else left in the
    folder; the same paths saved again add none);
    paths load as read-only views of the shard's array, equal to what was kept; more than
    the merge limit of shards are merged into one that holds them all."""
    import numpy as np

    from movemap.routing import store as route_store
    from movemap.routing.points import Points

    folder = tmp_path / "routes-0123456789abcdef"
    kept = {}
    for i in range(route_store._MERGE_ABOVE + 1):
        path = [(10.0 + i, 50.0), (10.5 + i, 50.25), (11.0 + i, 50.5 + i / 8)]
        key = ("road", path[0], path[-1], (f"through:C{i}",))
        RouteStore("0123456789abcdef", tmp_path).save({key: path})
        kept[key] = path
        names = sorted(f.name for f in folder.iterdir())
        assert len(names) == i + 1 and all(n.startswith("shard-") for n in names)
    for shard in folder.iterdir():  # named by the checksum of its keys and sizes
        with np.load(shard) as z:
            assert route_store._shard_digest({"keys": z["keys"], "sizes": z["sizes"]}) == \
                shard.stem[6:]
    # the same paths saved again (another process's run) make no second file
    before = sorted(folder.iterdir())
    RouteStore("0123456789abcdef", tmp_path).save({key: kept[key] for key in list(kept)[:1]})
    assert sorted(folder.iterdir()) == before
    loaded = RouteStore("0123456789abcdef", tmp_path).load()
    assert loaded == kept
    assert all(isinstance(v, Points) and not np.asarray(v).flags.writeable
               for v in loaded.values())
    assert len(list(folder.iterdir())) == 1  # merged
    assert RouteStore("0123456789abcdef", tmp_path).load() == kept


def test_unwritable_cache_keeps_routes_for_the_run(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = RouteStore("0123456789abcdef", blocker / "cache")
    store.save({("sea", (0.0, 0.0), (1.0, 1.0), ()): [(0.0, 0.0), (1.0, 1.0)]})
    assert store.load() == {}  # nothing kept, nothing raised


def test_legs_from_one_origin_share_one_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Routing a dataset's rail legs grouped by origin: one network search per origin."""
    from movemap.routing import network

    searches: list[int] = []
    real = network.dijkstra

    def counting(*args: object, **kwargs: object) -> object:
        searches.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(network, "dijkstra", counting)
    rail = Networks().rail
    moscow = (37.62, 55.75)
    for target in [(30.32, 59.94), (36.19, 51.73), (49.11, 55.79)]:  # Petersburg, Kursk, Kazan
        assert not isinstance(rail.path(moscow, target), str)
    assert len(searches) == 1


# Real towns of two countries (and three Baltic ports), so that 1,000 legs by rail, road
# and sea share their network searches and the test stays quick.
_TOWNS = {"Berlin": (13.405, 52.52), "Hamburg": (9.99, 53.55), "Leipzig": (12.37, 51.34),
          "Dresden": (13.74, 51.05), "Hanover": (9.73, 52.37), "Warsaw": (21.01, 52.23),
          "Poznań": (16.93, 52.41), "Wrocław": (17.04, 51.11), "Łódź": (19.46, 51.76)}
_PORTS = {"Rostock": (12.10, 54.09), "Kiel": (10.14, 54.32), "Gdańsk": (18.65, 54.35)}


def _thousand_legs() -> Dataset:
    import random

    from movemap.dates import parse_date
    from movemap.model import Leg, PlaceRef, Unit

    rng = random.Random(15)
    towns = {**_TOWNS, **_PORTS}

    def ref(name: str) -> PlaceRef:
        lon, lat = towns[name]
        return PlaceRef(name=name, lat=lat, lon=lon)

    legs = []
    for i in range(1000):
        mode = rng.choice([Mode.RAIL, Mode.ROAD, Mode.SEA, Mode.AIR])
        pool = sorted(_PORTS if mode is Mode.SEA else towns)
        a, b = rng.sample(pool, 2)
        legs.append(Leg(id=f"leg{i}", unit="u", origins=(ref(a),), destination=ref(b),
                        mode=mode, start=parse_date(f"2024-{1 + i % 12:02d}-01")))
    return Dataset(name="thousand", units=(Unit(id="u", name="Unit"),), legs=tuple(legs))


def test_second_command_on_a_thousand_legs_routes_and_checks_nothing(
        fresh_cache: Callable[[str], Path], calls: Counter[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept whole: a route's path and the checks made on it (countries left, coasts), so
    a second command (here locate, then validate) neither routes nor checks again."""
    from movemap.io.records import Parsed
    from movemap.routing import countries, sea
    from movemap.validate import validate

    cache = fresh_cache("routes")
    checks: Counter[str] = Counter()
    for module, name in ((countries, "crossed_each"), (countries, "country_of_end"),
                         (sea, "coast_km")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name, **k: (
            checks.update([_name]), _real(*a, **k))[1])
    data = _thousand_legs()
    first = locate(data, networks=Networks(cache_dir=cache))
    routed, checked = sum(calls.values()), sum(checks.values())
    assert calls["rail"] and calls["road"] and calls["sea"] and checks["crossed_each"]
    second = locate(data, networks=Networks(cache_dir=cache))  # as a new process would
    problems = validate(Parsed(data, []), networks=Networks(cache_dir=cache))
    assert (sum(calls.values()), sum(checks.values())) == (routed, checked)
    assert all(second.routes_of(leg) == first.routes_of(leg) for leg in data.legs)
    assert second.warnings == first.warnings
    assert not [p for p in problems if p.severity == "error"]


def test_validate_routes_what_locate_then_uses(fresh_cache: Callable[[str], Path],
                                               calls: Counter[str]) -> None:
    """validate routes the same stops as locate (grouped the same way), so a render after a
    validate routes nothing."""
    from movemap.io.records import Parsed
    from movemap.validate import validate

    cache = fresh_cache("routes")
    data = _thousand_legs()
    validate(Parsed(data, []), networks=Networks(cache_dir=cache))
    routed = sum(calls.values())
    assert routed and calls["rail"] and calls["sea"]
    locate(data, networks=Networks(cache_dir=cache))  # as a new process would
    assert sum(calls.values()) == routed


def test_grouped_routing_gives_the_routes_of_leg_by_leg(fresh_cache: Callable[[str], Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Legs from one place, listed near, far, near: routed grouped by origin (farthest first)
    they take one network search each for rail and road, and give the very routes each leg
    gets routed alone with fresh networks."""
    from movemap.dates import parse_date
    from movemap.located import route_legs
    from movemap.model import Leg, PlaceRef, Unit
    from movemap.routing import network

    searches: list[int] = []
    real = network.dijkstra
    monkeypatch.setattr(network, "dijkstra", lambda *a, **k: (searches.append(1),
                                                              real(*a, **k))[1])
    towns = {"Moscow": (37.62, 55.75), "Tver": (35.90, 56.86), "Kazan": (49.11, 55.79),
             "Kursk": (36.19, 51.73), "Yaroslavl": (39.89, 57.63)}
    legs = tuple(
        Leg(id=f"{mode.value}-{name}", unit="u", mode=mode, start=parse_date("2024-05-01"),
            origins=(PlaceRef(name="Moscow", lon=37.62, lat=55.75),),
            destination=PlaceRef(name=name, lon=towns[name][0], lat=towns[name][1]))
        for mode in (Mode.RAIL, Mode.ROAD) for name in ("Tver", "Kazan", "Yaroslavl", "Kursk"))
    data = Dataset(name="grouped", units=(Unit(id="u", name="Unit"),), legs=legs)
    places = {ref: _place(ref) for leg in legs for ref in (*leg.origins, leg.destination)}
    grouped, _ = route_legs(legs, places, (), Networks(cache_dir=fresh_cache("grouped")))
    assert len(searches) == 2  # one from Moscow by rail, one by road
    for leg in data.legs:
        alone, _ = route_legs([leg], places, (), Networks(cache_dir=fresh_cache(leg.id)))
        assert alone[leg.id, 0] == grouped[leg.id, 0]
        assert len(grouped[leg.id, 0].points) > 2  # along the network, not a great circle


def _place(ref: PlaceRef) -> Place:
    assert ref.lon is not None and ref.lat is not None
    return Place(id=f"test:{ref.name}", name=ref.name or "", lat=ref.lat, lon=ref.lon,
                 country="RU", admin1=None, kind=Kind.CITY, population=None, source="test")
