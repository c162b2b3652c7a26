"""One Route per leg: a leg with several origins joins its routes into a MultiLineString."""

from __future__ import annotations

import pytest
import shapely

from movemap.errors import InvalidValueError
from movemap.located import Located
from movemap.routing import Route


def test_a_leg_with_several_origins_is_one_route_of_as_many_branches(
        located: Located) -> None:
    leg = next(leg for leg in located.dataset.legs if len(leg.origins) > 1)
    routes = located.routes_of(leg)
    joined = located.route(leg.id)
    assert isinstance(joined, Route)
    assert joined.branches == routes
    assert joined.geometry.geom_type == "MultiLineString"
    assert shapely.get_num_geometries(joined.geometry) == len(leg.origins)
    longest = max(routes, key=lambda r: r.length_km)
    assert joined.length_km == longest.length_km == located.length_km(leg)
    assert joined.points == longest.points
    assert joined.point_at(1.0) == pytest.approx(longest.points[-1])
    # each branch starts at its own origin
    starts = {tuple(round(c, 3) for c in part.coords[0]) for part in joined.geometry.geoms}
    assert len(starts) == len(leg.origins)


def test_a_leg_with_one_origin_is_its_route(located: Located) -> None:
    leg = next(leg for leg in located.dataset.legs if len(leg.origins) == 1)
    route = located.route(leg.id)
    assert route is located.routes_of(leg)[0]
    assert route.branches == ()
    assert route.geometry.geom_type == "LineString"  # no reference leg crosses 180 degrees
    assert list(route.geometry.coords) == [pytest.approx(p) for p in route.points]


def test_an_unknown_leg_is_a_clear_error(located: Located) -> None:
    with pytest.raises(InvalidValueError, match="no leg 'nope'"):
        located.route("nope")
