"""Routes kept between runs: a second command on the same dataset routes nothing."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from movemap import routing
from movemap.located import locate
from movemap.model import Dataset, Mode
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


def test_second_run_routes_nothing(dataset: Dataset, tmp_path: Path,
                                   calls: Counter[str]) -> None:
    first = locate(dataset, networks=Networks(cache_dir=tmp_path))
    routed = sum(calls.values())
    assert routed >= 5 and calls["sea"] >= 3  # the reference case has sea and rail legs
    second = locate(dataset, networks=Networks(cache_dir=tmp_path))  # as a new process would
    assert sum(calls.values()) == routed  # nothing routed again
    for leg in dataset.legs:
        assert second.routes_of(leg) == first.routes_of(leg)
    assert second.warnings == first.warnings


def test_other_networks_route_again(dataset: Dataset, tmp_path: Path,
                                    calls: Counter[str]) -> None:
    """A rail overlay is a new version of the networks: its routes are not the old ones."""
    locate(dataset, networks=Networks(cache_dir=tmp_path))
    before = sum(calls.values())
    overlay = tmp_path / "extra.geojson"
    overlay.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                       '"properties": {}, "geometry": {"type": "LineString", "coordinates": '
                       '[[30.0, 50.0], [30.5, 50.5]]}}]}', encoding="utf-8")
    extra = Networks(rail_lines=[overlay], cache_dir=tmp_path)
    assert extra.version != Networks(cache_dir=tmp_path).version
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
