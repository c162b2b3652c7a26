"""Border crossings as explicit points of the rail and road networks (geo/border_crossings.csv):
routes cross where a documented crossing is, and nowhere else on a border the table covers."""

from __future__ import annotations

from pathlib import Path

import pytest

from movemap.errors import NetworkError
from movemap.geodata import geo_path
from movemap.model import Mode
from movemap.routing import Route, route
from movemap.routing.borders import Crossing, cut_at_borders, read_crossings
from movemap.routing.geodesic import geodesic_km

Point = tuple[float, float]


def near_km(r: Route, p: Point) -> float:
    return min(geodesic_km(p[0], p[1], x, y) for x, y in r.points)


def crossing(name: str, network: str = "rail") -> Crossing:
    found = [c for c in read_crossings(geo_path("border_crossings.csv"))
             if c.name.startswith(name) and c.network == network]
    assert len(found) == 1, name
    return found[0]


@pytest.mark.parametrize(("a", "b", "name"), [
    ((130.29, 42.25), (131.8869, 43.1113), "Tumangang - Khasan"),        # Rajin - Vladivostok
    ((113.5, 52.0333), (126.65, 45.75), "Zabaikalsk - Manzhouli"),      # Chita - Harbin
    ((27.5667, 53.9), (21.0118, 52.2298), "Brest - Terespol"),         # Minsk - Warsaw
    ((43.0855, 40.5983), (44.8341, 41.6914), "Kartsakhi"),             # Kars - Tbilisi (BTK)
    ((67.2783, 37.2242), (67.4200, 37.2400), "Termez - Hairatan"),     # Termez - Hairatan
])
def test_rail_routes_cross_at_the_documented_crossing(a: Point, b: Point, name: str) -> None:
    r = route([a, b], Mode.RAIL)
    assert not r.approximate and r.warnings == ()
    assert near_km(r, crossing(name).point) < 5


def test_the_termez_line_crosses_the_amu_darya_on_the_friendship_bridge() -> None:
    """The road and rail bridge is 13 km east of Termez (places.csv); a train from Termez to
    Hairatan takes the Galaba branch to it, not a spur to the river bank south of the city."""
    bridge = (67.4300, 37.2320)
    termez, hairatan = (67.2783, 37.2242), (67.4200, 37.2400)
    r = route([termez, hairatan], Mode.RAIL)
    assert near_km(r, bridge) < 1.5
    assert crossing("Termez - Hairatan").point == pytest.approx(bridge, abs=0.01)
    assert 12 < r.length_km < 40


def test_the_btk_line_runs_by_the_old_line_stations() -> None:
    """Akhalkalaki - Marabda is the rebuilt Soviet line by Ninotsminda, Tsalka and Tetritskaro
    (GeoNames points): a train from Akhalkalaki to Tsalka passes Ninotsminda."""
    akhalkalaki, tsalka = (43.4863, 41.4051), (44.0911, 41.5982)
    r = route([akhalkalaki, tsalka], Mode.RAIL)
    assert near_km(r, (43.5896, 41.2670)) < 1
    assert not r.approximate and r.length_km > 1.3 * geodesic_km(*akhalkalaki, *tsalka)


def test_a_closed_crossing_is_refused() -> None:
    """Kars - Gyumri: the Soviet line over the Akhuryan is closed since 1993. The route goes
    round by Georgia and says it leaves Turkey and Armenia; the closed bridge is not used."""
    closed = crossing("Dogukapi - Akhuryan")
    assert not closed.open
    kars, gyumri = (43.0855, 40.5983), (43.8465, 40.7894)
    r = route([kars, gyumri], Mode.RAIL)
    assert near_km(r, closed.point) > 10
    assert r.approximate
    assert any("through GE" in w for w in r.warnings)
    road = route([kars, gyumri], Mode.ROAD)
    assert near_km(road, crossing("Alican - Margara", "road").point) > 10


def test_no_rail_over_the_amur_at_blagoveshchensk() -> None:
    """Natural Earth draws a railway from Blagoveshchensk over the Amur to Heihe, where no
    rail bridge exists: it is cut, so a route to Heihe goes by a real crossing."""
    blagoveshchensk, heihe = (127.5272, 50.2727), (127.4895, 50.2441)
    r = route([blagoveshchensk, heihe], Mode.RAIL)
    assert r.length_km > 1000  # by Zabaikalsk or Grodekovo, not over the river
    assert not r.approximate  # both countries are the ends' own


def line_across(*points: Point) -> list[Point]:
    return list(points)


def test_cut_keeps_open_crossings_and_cuts_elsewhere() -> None:
    """Lines over the Turkey - Armenia border: with a table listing one open crossing of the
    whole border, a line there is kept and one 40 km away is cut; a border the table does
    not cover is left as it is."""
    kept = line_across((43.60, 40.70), (43.80, 40.75))        # crosses near 43.72, 40.73
    cut = line_across((43.55, 40.30), (43.95, 40.30))         # crosses the Arpacay farther south
    other = line_across((41.50, 41.45), (41.60, 41.55))       # Turkey - Georgia, not covered
    table = [Crossing("rail", "test", frozenset({"TR", "AM"}), (43.72, 40.727), True, True)]
    lines, classes, cuts = cut_at_borders([kept, cut, other], ["main", "branch", "main"],
                                          "rail", table)
    assert len(cuts) == 1 and cuts[0][0] == "AM TR"
    assert len(lines) == 4 and classes == ["main", "branch", "branch", "main"]
    assert lines[0] == kept and lines[3] == other
    assert lines[1][-1][0] < lines[2][0][0]  # a gap where it crosses
    closed = [Crossing("rail", "test", frozenset({"TR", "AM"}), (43.72, 40.727), False, True)]
    assert len(cut_at_borders([kept], ["main"], "rail", closed)[2]) == 1
    other_network = cut_at_borders([kept, cut], ["main", "main"], "road", table)
    assert other_network[2] == []


def test_a_line_along_a_border_is_not_cut() -> None:
    """Border noise: a line in Turkey that strays into Armenia for under 2 km is not a crossing."""
    import numpy as np

    from movemap.routing.borders import _crossings_of

    xy = np.array([[43.0, 40.0], [43.01, 40.0], [43.02, 40.0], [43.03, 40.0]])
    cc = np.array([1, 2, 1, 1])
    km = np.array([0.0, 0.8, 1.6, 2.4])
    assert _crossings_of(xy, cc, km) == []
    assert len(_crossings_of(xy, np.array([1, -1, 2, 2]), np.array([0.0, 1, 2, 5]))) == 1


def test_every_documented_crossing_lies_on_its_network() -> None:
    from movemap.routing import default_networks

    rows = read_crossings(geo_path("border_crossings.csv"))
    assert {c.network for c in rows} == {"rail", "road"}
    for row in rows:
        network = getattr(default_networks(), row.network)
        node, km = network.nearest(row.point)
        assert node is not None and km < 8, row.name


def test_a_bad_crossing_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "crossings.csv"
    path.write_text("network,name,countries,lon,lat,status,whole_border,note\n"
                    "rail,Brest,BY PL,23.67,52.08,open,yes,\n"
                    "rail,Nowhere,BY,23.0,52.0,ajar,yes,\n", encoding="utf-8")
    with pytest.raises(NetworkError) as caught:
        read_crossings(path)
    assert caught.value.line == 3 and "open or closed" in str(caught.value)


def test_an_end_on_a_border_river_takes_its_towns_country() -> None:
    """Natural Earth's 1:50m border puts downtown El Paso (GeoNames' point) in Chihuahua: the
    end takes its town's country, and El Paso - Albuquerque by road stays in the US by I-25
    instead of joining in Ciudad Juarez."""
    from movemap.routing.countries import codes, countries_at, country_of_end

    el_paso, albuquerque = (-106.4869, 31.7587), (-106.6511, 35.0845)
    assert codes()[int(countries_at([el_paso])[0])] == "MX"
    assert country_of_end(el_paso) == "US"
    assert country_of_end((-106.4608, 31.7202)) == "MX"  # Ciudad Juarez stays Mexican
    r = route([el_paso, albuquerque], Mode.ROAD)
    assert not r.approximate and r.warnings == ()
    assert r.length_km < 1.15 * 430  # Interstate 25, 267 miles


def test_the_scandinavia_highway_reaches_saint_petersburg() -> None:
    """Helsinki - Saint Petersburg by road: E18 over Vaalimaa and Vyborg, the A181's 3.5 km gap
    at Zelenogorsk closed, not round by the ring road from the east."""
    r = route([(24.9354, 60.1695), (30.3141, 59.9386)], Mode.ROAD)
    assert not r.approximate and r.warnings == ()
    assert r.length_km < 1.12 * 390
    assert near_km(r, (28.75, 60.71)) < 10  # Vyborg
