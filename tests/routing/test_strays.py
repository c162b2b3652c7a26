"""Lines drawn a little over a border they run along are pulled back into their country."""

from __future__ import annotations

import numpy as np
import pytest

from movemap.geodata import geo_path
from movemap.model import Mode
from movemap.routing import default_networks, route
from movemap.routing.borders import Crossing, _dense
from movemap.routing.countries import codes, countries_at, crossed
from movemap.routing.geodesic import geodesic_km
from movemap.routing.network import read_features
from movemap.routing.strays import DEPTH_KM, INSIDE_KM, pull_back_strays

Point = tuple[float, float]
DUNKIRK, LILLE = (2.417, 51.0081), (3.1215, 50.6063)


def _countries(line: list[Point]) -> set[str]:
    return {codes()[c] for c in countries_at(_dense(line)).tolist() if c >= 0}


@pytest.fixture(scope="module")
def a25() -> list[Point]:
    """Natural Earth's A25 Dunkirk - Lille, a French motorway drawn over Belgium near the
    border (the road itself stays in France)."""
    found = [line for line, _ in read_features(geo_path("roads.geojson"))
             if line[0] == DUNKIRK and line[-1] == LILLE]
    assert len(found) == 1
    return found[0]


def test_a_line_drawn_a_little_over_a_border_is_pulled_back_home(a25: list[Point]) -> None:
    assert _countries(a25) == {"FR", "BE"}  # as Natural Earth draws it
    (pulled,), count = pull_back_strays([a25], "road", [])
    assert count >= 1
    assert _countries(pulled) == {"FR"}
    assert pulled[0] == a25[0] and pulled[-1] == a25[-1]  # its ends still meet other lines
    # every point moved no farther than the drawing error and the step inside
    before, after = _dense(a25), np.asarray(pulled)
    gaps = [min(geodesic_km(x, y, p[0], p[1]) for p in before) for x, y in after]
    assert max(gaps) <= DEPTH_KM + INSIDE_KM + 0.2


def test_a_stray_at_a_documented_crossing_is_left_as_drawn(a25: list[Point]) -> None:
    dense = _dense(a25)
    belgian = dense[countries_at(dense) == codes().index("BE")]
    posts = [Crossing("road", "a post of the test", frozenset({"FR", "BE"}),
                      (float(x), float(y)), True, False) for x, y in belgian[::5]]
    (kept,), count = pull_back_strays([a25], "road", posts)
    assert count == 0 and kept == list(a25)


def test_a_deep_or_long_stretch_abroad_is_a_transit_and_stays() -> None:
    # Lille to Tournai (12 km into Belgium) and back to Roubaix: not a drawing error
    transit = [(3.06, 50.63), (3.39, 50.61), (3.18, 50.69)]
    (kept,), count = pull_back_strays([transit], "road", [])
    assert count == 0 and kept == transit


def test_lines_meeting_inside_a_stray_are_not_parted(a25: list[Point]) -> None:
    # a side road leaving the A25 at its vertex in Belgium: moving that vertex would part them
    vertex = next(p for p in a25 if codes()[int(countries_at([p])[0])] == "BE")
    side = [vertex, (vertex[0] + 0.05, vertex[1] + 0.02)]
    (alone,), _ = pull_back_strays([a25], "road", [])
    assert not any(np.allclose(vertex, p) for p in alone)  # alone, it is moved
    (kept, side_kept), _ = pull_back_strays([a25, side], "road", [])
    assert side_kept == side
    assert any(np.allclose(vertex, p, atol=1e-9) for p in kept)


def test_a_road_route_along_a_border_stays_home_and_says_nothing() -> None:
    # Bangladesh's N1 from Comilla to Feni, drawn up to 1.5 km inside Tripura
    leg = route([(91.1817, 23.462), (91.3968, 23.0159)], Mode.ROAD, default_networks(),
                ["Comilla", "Feni"])
    assert not leg.approximate and leg.warnings == ()
    assert crossed(list(leg.points)) == {"BD"}  # border noise under 2 km left out
    assert 55 <= leg.length_km <= 75


def test_railways_are_left_as_drawn(a25: list[Point]) -> None:
    # the same drawing as a railway: rail strays are often real transits
    (kept,), count = pull_back_strays([a25], "rail", [])
    assert count == 0 and kept == list(a25)


def test_a_crossing_by_one_end_of_a_stray_is_its_crossing(a25: list[Point]) -> None:
    """The guard measures from every point of the stretch abroad, not from its middle only:
    a post 5 km beyond the stray's first point, some 8 km from its middle, keeps it."""
    dense = _dense(a25)
    belgian = np.flatnonzero(countries_at(dense) == codes().index("BE"))
    run = belgian[np.flatnonzero(np.diff(belgian) == 1)]  # the stray's points but its last
    first, middle = dense[run[0]], dense[run[len(run) // 2]]
    away = first + (first - middle) / np.hypot(*(first - middle)) * 0.065  # ~5 km on
    post = (float(away[0]), float(away[1]))
    assert geodesic_km(*post, *first) < 6 < geodesic_km(*post, *middle)
    crossing = Crossing("road", "a post by one end", frozenset({"FR", "BE"}), post, True, False)
    (_, alone) = pull_back_strays([a25], "road", [])
    (kept,), count = pull_back_strays([a25], "road", [crossing])
    assert count == alone - 1  # this stray kept, the A25's other (one point) pulled back
    assert "BE" in _countries(kept)
    assert any(np.allclose(middle, p) for p in _dense(kept))
