"""A kept route taken as it is (``routing.kept_route``): the route ``route`` gives, no routing."""

from __future__ import annotations

from pathlib import Path

import pytest

from movemap import routing
from movemap.model import Mode
from movemap.routing import Networks, Route, kept_route, needs_routing, route

STOPS = ((4.835, 45.764), (5.041, 47.322))
NAMES = ("A", "B")


@pytest.mark.parametrize("through", [(), ("ch",)])
def test_a_kept_route_is_taken_as_route_gives_it(tmp_path: Path, through: tuple[str, ...],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    networks = Networks(cache_dir=tmp_path)
    key = routing._route_key(STOPS, Mode.RAIL, list(NAMES), ("CH",) if through else (), (),
                             False)
    networks.keep(key, ([*STOPS], 201.5, True, ("a warning",)))
    monkeypatch.setitem(routing.ROUTERS, Mode.RAIL, None)  # routing now would fail
    taken = kept_route(STOPS, Mode.RAIL, networks, NAMES, through=through, strict=False)
    assert taken == Route([*STOPS], 201.5, Mode.RAIL, True, ("a warning",))
    assert taken == route(STOPS, Mode.RAIL, networks, NAMES, through=through, strict=False)
    assert not needs_routing(STOPS, Mode.RAIL, networks, NAMES, through=through, strict=False)


def test_no_kept_route_without_routing(tmp_path: Path) -> None:
    networks = Networks(cache_dir=tmp_path)
    networks.keep("another key", ([*STOPS], 1.0, False, ()))
    assert kept_route(STOPS, Mode.ROAD, networks) is None
    assert needs_routing(STOPS, Mode.ROAD, networks)
    # a great circle is drawn again, never kept
    assert kept_route(STOPS, Mode.AIR, networks) is None
    assert not needs_routing(STOPS, Mode.AIR, networks)
