"""Routes along the real networks: known lengths, off land, through via places, overlays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely

from movemap.model import Mode
from movemap.routing import Networks, Route, default_networks, route
from movemap.routing.antimeridian import split_antimeridian
from movemap.routing.countries import crossed
from movemap.routing.geodesic import geodesic_km
from movemap.routing.land import land_crossing_km, on_land

Point = tuple[float, float]
CHONGJIN = (129.77583, 41.79556)
VLADIVOSTOK = (131.87353, 43.10562)
KURSK = (36.18457, 51.72689)
IRKUTSK = (104.2964, 52.29778)
MOSCOW = (37.61556, 55.75222)
KHASAN = (130.645, 42.43)


def near_km(r: Route, lon: float, lat: float) -> float:
    line = shapely.LineString(r.points)
    q = line.interpolate(line.project(shapely.Point(lon, lat)))
    return geodesic_km(lon, lat, q.x, q.y)


@pytest.fixture(scope="module")
def sea() -> Route:
    return route([CHONGJIN, VLADIVOSTOK], Mode.SEA, labels=["Chongjin", "Vladivostok"])


def test_sea_route_length_and_detail(sea: Route) -> None:
    # a short leg is planned on the water grid: near the great circle (about 190 km), round
    # the headlands into Amur Bay, not by the lanes' junctions (the release drew 300 km)
    assert geodesic_km(*CHONGJIN, *VLADIVOSTOK) < sea.length_km < 260
    assert len(sea.points) > 4
    assert not sea.approximate and sea.warnings == ()
    assert sea.points[0] == CHONGJIN and sea.points[-1] == VLADIVOSTOK


def test_sea_route_stays_off_land(sea: Route) -> None:
    assert land_crossing_km(list(sea.points), skip_km=5) <= 1.0


def test_raw_searoute_does_cross_land() -> None:
    import searoute

    raw = searoute.searoute(list(CHONGJIN), list(VLADIVOSTOK), append_orig_dest=True)
    coords = [tuple(c) for c in raw["geometry"]["coordinates"]]
    assert land_crossing_km(coords, skip_km=5) > 1.0  # what the refinement mends


def test_rail_vladivostok_kursk() -> None:
    r = route([VLADIVOSTOK, KURSK], Mode.RAIL)
    assert 8500 < r.length_km < 9800
    assert not r.approximate
    for lon, lat in [(92.87, 56.01), (82.93, 55.04), (73.37, 54.99)]:  # Krasnoyarsk ...
        assert near_km(r, lon, lat) < 30


def test_rail_via_irkutsk_and_moscow_takes_the_trans_siberian() -> None:
    r = route([VLADIVOSTOK, IRKUTSK, MOSCOW, KURSK], Mode.RAIL)
    assert 8500 < r.length_km < 9800
    for lon, lat in [IRKUTSK, MOSCOW, (113.50, 52.03)]:  # ... and Chita
        assert near_km(r, lon, lat) < 30


@pytest.mark.parametrize(("name", "a", "b", "mode", "low", "high"), [
    # Natural Earth's main roads pass about 24 km from Swidnica (its roads to Wroclaw and
    # Walbrzych are secondary; Cherkasy, the example before, has had the H16 from Smila
    # since round 18); its main railways about 58 km from Veliky Novgorod
    ("Swidnica", (16.4886, 50.8438), (17.0301, 51.1029), Mode.ROAD, 20, 30),
    ("Veliky Novgorod", (31.2710, 58.5213), (30.3141, 59.9386), Mode.RAIL, 30, 60),
])
def test_an_end_far_from_every_line_is_joined_and_marked(
        name: str, a: Point, b: Point, mode: Mode, low: float, high: float) -> None:
    """The leg is still routed along the network, but the straight join from the far town
    is marked: the route is approximate and a warning names the town and the distance. The
    other end's join, within FAR_JOIN_KM, says nothing."""
    r = route([a, b], mode, labels=[name, "there"])
    assert r.approximate
    [warning] = r.warnings
    line = "railway" if mode is Mode.RAIL else "road"
    assert warning.startswith(f"{mode.value} from {name} to there: {name} is ")
    assert warning.endswith(f" km from the nearest {line} in the data; joined to it by a "
                            "straight line (approximate)")
    join_km = geodesic_km(*r.points[0], *r.points[1])
    assert low < join_km < high and f"is {join_km:.0f} km" in warning
    assert geodesic_km(*r.points[-2], *r.points[-1]) < 20
    assert len(r.points) > 5  # along the network, not a great circle
    assert r.length_km < 1.6 * geodesic_km(*a, *b)


def test_an_end_whose_nearest_line_leads_far_round_is_not_routed() -> None:
    """The main railways of the data nearest Theni (Tamil Nadu, 30-60 km off; its own line
    to Madurai is not among them) lead far round: some 980 km for 125 to Coimbatore. The
    network does not serve the town; the leg is a great circle and the warning says why."""
    theni, coimbatore = (77.4777, 10.0112), (76.9661, 11.0055)
    r = route([theni, coimbatore], Mode.RAIL, labels=["Theni", "Coimbatore"])
    assert r.approximate
    [warning] = r.warnings
    assert ("no rail line within 30 km of the start on its side of the big rivers, and the "
            "nearest farther lead far round (" in warning)
    assert warning.endswith("drawn as a great circle (approximate)")
    assert r.length_km == pytest.approx(geodesic_km(*theni, *coimbatore), rel=1e-3)


def test_no_rail_near_magadan_falls_back_with_warning() -> None:
    magadan = (150.8, 59.5667)
    r = route([magadan, VLADIVOSTOK], Mode.RAIL, labels=["Magadan", "Vladivostok"])
    assert r.approximate
    assert len(r.warnings) == 1
    assert r.warnings[0].startswith("rail from Magadan to Vladivostok: no rail line within 60 km "
                                    "of the start (nearest ")
    assert r.warnings[0].endswith("km); drawn as a great circle (approximate)")
    assert r.length_km == pytest.approx(geodesic_km(*magadan, *VLADIVOSTOK), rel=1e-3)


def test_a_stretch_kept_to_its_countries_far_round_names_the_shorter_way_through() -> None:
    """Mafeking to Bulawayo: the line of record runs through Botswana (773 km); kept to South
    Africa and Zimbabwe it goes round by Beitbridge, more than twice as far. The route keeps
    to the countries, as asked, and says what naming Botswana as a transit country gives."""
    mafikeng, bulawayo = (25.6442, -25.8652), (28.5800, -20.1500)
    kept = route([mafikeng, bulawayo], Mode.RAIL, labels=["Mafikeng", "Bulawayo"])
    [warning] = kept.warnings
    assert warning.startswith("rail from Mafikeng to Bulawayo keeps to ZA, ZW: ")
    assert "through BW it would be " in warning
    assert not kept.approximate
    through = route([mafikeng, bulawayo], Mode.RAIL, through=["BW"])
    assert through.warnings == ()
    assert through.length_km * 2 < kept.length_km
    assert 790 * 0.9 < through.length_km < 790 * 1.1


def test_a_stretch_ten_times_round_takes_the_way_through_and_says_where_it_leaves() -> None:
    """Bukavu to Uvira by road: kept to Congo the data's roads go round by Kasai and Katanga
    (about 1,500 km); along the Ruzizi by the Rwandan bank it is about 140. No move goes ten
    times round to spare a border it runs beside: the route takes the way through Rwanda
    and names it, with what keeping to Congo would cost; avoiding Rwanda keeps to Congo."""
    bukavu, uvira = (28.8428, -2.4908), (29.1378, -3.3953)
    out = route([bukavu, uvira], Mode.ROAD, labels=["Bukavu", "Uvira"])
    [warning] = out.warnings
    assert warning.startswith("road from Bukavu to Uvira leaves CD through RW: "), warning
    assert "kept to CD it would be " in warning and "avoid RW" in warning
    assert 110 < out.length_km < 170
    assert crossed(list(out.points)) == {"CD", "RW"}
    kept = route([bukavu, uvira], Mode.ROAD, avoid=["RW"], labels=["Bukavu", "Uvira"])
    assert kept.length_km > 4 * out.length_km
    assert "RW" not in crossed(list(kept.points))
    # the detour is the one asked for, not a gap in the data's roads
    [said] = kept.warnings
    assert said.startswith("road from Bukavu to Uvira avoids RW as asked: "), said
    assert "may lack" not in said


def test_a_rail_gap_in_the_data_follows_the_roads_with_a_warning() -> None:
    """The staged main lines have no railway within 130 km of Lubbock (Nashville was the
    example until its lines were added); the line to Amarillo is drawn along the roads, not
    as a straight line over the Llano Estacado, and the route says so."""
    lubbock, amarillo = (-101.8552, 33.5779), (-101.8313, 35.2220)
    r = route([lubbock, amarillo], Mode.RAIL, labels=["Lubbock", "Amarillo"])
    assert r.approximate
    [warning] = r.warnings
    assert warning.startswith("rail from Lubbock to Amarillo: no rail line within 60 km")
    assert warning.endswith("drawn along the roads instead (approximate)")
    direct = geodesic_km(*lubbock, *amarillo)
    assert direct * 1.05 < r.length_km < direct * 1.4
    assert len(r.points) > 20  # a road's bends, not a great circle's few points
    road = route([lubbock, amarillo], Mode.ROAD)
    assert list(r.points) == list(road.points)


def test_users_line_joins_the_rail_network(tmp_path: Path) -> None:
    rail = default_networks().rail
    junction, _ = rail.nearest((131.95, 43.75))  # near Ussuriysk, on the Trans-Siberian
    jx, jy = rail._a.nodes[junction]
    line = [CHONGJIN, (130.30, 42.25), KHASAN, (131.3, 43.2), (jx + 0.02, jy)]  # ends 2 km off
    path = tmp_path / "tumangang-khasan.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": "LineString", "coordinates": line}}]}), encoding="utf-8")
    r = route([CHONGJIN, VLADIVOSTOK], Mode.RAIL, Networks(rail_lines=[path]))
    assert not r.approximate
    assert near_km(r, *KHASAN) < 1
    assert near_km(r, 131.95, 43.80) < 30  # joins at the Trans-Siberian, then to Vladivostok


def test_bad_network_overlay(tmp_path: Path) -> None:
    from movemap.routing.network import NetworkError, read_lines

    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}]}))
    with pytest.raises(NetworkError, match="feature 1 is a Point, not a LineString"):
        read_lines(path)


def test_air_is_a_great_circle() -> None:
    r = route([CHONGJIN, KURSK], Mode.AIR)
    assert not r.approximate
    assert r.length_km == pytest.approx(geodesic_km(*CHONGJIN, *KURSK), rel=1e-4)


def test_via_is_honoured_by_sea() -> None:
    busan = (129.0403, 35.1028)
    r = route([CHONGJIN, busan, VLADIVOSTOK], Mode.SEA)
    assert near_km(r, *busan) < 1
    assert r.length_km > 1000


def test_antimeridian_split() -> None:
    anadyr, nome = (177.5103, 64.73424), (-165.4064, 64.5011)
    r = route([anadyr, nome], Mode.AIR)
    parts = r.lines()
    assert len(parts) == 2
    assert parts[0][-1][0] == 180.0 and parts[1][0][0] == -180.0
    assert parts[0][-1][1] == parts[1][0][1]
    assert r.geojson_geometry()["type"] == "MultiLineString"
    assert split_antimeridian([(10.0, 1.0), (20.0, 2.0)]) == [[(10.0, 1.0), (20.0, 2.0)]]
    lon, _ = r.point_at(0.5)
    assert lon > 170 or lon < -170  # midway is near the antimeridian, not near Greenwich


def test_sea_from_inland_is_refused_naming_the_place() -> None:
    from movemap.routing import RouteError

    with pytest.raises(RouteError) as caught:
        route([(126.4445, 39.8853), (44.6865, 58.2494)], Mode.SEA,
              labels=["North Korea", "Russia"])
    assert str(caught.value).startswith("North Korea is more than 60 km from the sea: "
                                        "a sea leg must start and end on the coast")


@pytest.mark.parametrize(("a", "b", "low", "high"), [
    ((10.15, 54.33), (9.14, 53.89), 85, 115),      # Kiel - Brunsbuttel: the Kiel Canal, 98 km
    ((-79.91, 9.36), (-79.57, 8.95), 55, 95),      # Colon - Balboa: the Panama Canal, 82 km
    ((23.62, 37.94), (22.93, 37.94), 55, 80),      # Piraeus - Corinth: the Corinth Canal
])
def test_ships_take_the_canals(a: Point, b: Point, low: float, high: float) -> None:
    """1:10m land closes the canals; geo/channels.geojson opens them (not round Jutland,
    South America or the Peloponnese, and not straight over land)."""
    r = route([a, b], Mode.SEA)
    assert not r.approximate
    assert low < r.length_km < high
    assert land_crossing_km(list(r.points), skip_km=5) <= 1.0


@pytest.mark.parametrize(("port", "sea"), [
    ((20.48, 54.70), (19.90, 54.65)),   # Kaliningrad, up its sea canal from Baltiysk
    ((28.84, 45.34), (28.66, 44.17)),   # Izmail, up the Danube's Kiliya arm, from Constanta
    ((39.71, 47.22), (38.93, 47.21)),   # Rostov-on-Don, up the Don, from Taganrog
])
def test_ports_up_a_river_or_a_lagoon_are_reached_by_water(port: Point, sea: Point) -> None:
    """Ports that 1:10m land puts 10 to 40 km inland are reached along their fairway."""
    r = route([sea, port], Mode.SEA)
    assert not r.approximate
    assert land_crossing_km(list(r.points), skip_km=5) <= 1.0
    assert r.length_km < 3 * geodesic_km(*sea, *port) + 20


@pytest.mark.parametrize(("port", "sea", "river"), [
    # Rouen, up the Seine from Le Havre (by Tancarville)
    ((1.06, 49.44), (0.11, 49.48), (0.47, 49.47)),
    # Nantes, up the Loire from Saint-Nazaire (by Paimboeuf)
    ((-1.55, 47.21), (-2.20, 47.27), (-2.03, 47.29)),
    # Kolkata, up the Hooghly from Paradip (by Diamond Harbour)
    ((88.33, 22.55), (86.67, 20.26), (88.17, 22.19)),
    # Basra, up the Shatt al-Arab from Kuwait (above Khorramshahr)
    ((47.83, 30.51), (47.93, 29.37), (48.07, 30.46)),
])
def test_ports_up_a_river_are_reached_along_it(port: Point, sea: Point, river: Point) -> None:
    """A port up a river or an estuary that 1:10m land fills, 15 to 50 km inland, is reached
    up the river (geo/river_fairways.geojson, from Natural Earth's rivers), not refused or
    cut across land. None of these ports is in the realism set. (Where a 1:50m river meets
    the 1:10m coast a step of the 1 km water grid may clip a km or two of land.)"""
    r = route([sea, port], Mode.SEA, labels=["sea", "port"])
    assert not r.approximate
    # the one word said: how far up the river the port lies, for the analyst to check that
    # sea-going ships reach it (an inland town taken for a port would be drawn the same way)
    assert [w for w in r.warnings if "up a river" not in w] == []
    assert land_crossing_km(list(r.points), skip_km=5) <= 2.0
    assert near_km(r, *river) < 5


@pytest.mark.parametrize(("sea", "end", "far"), [
    ((0.11, 49.48), (1.06, 49.44), True),      # Le Havre to Rouen, up the Seine
    ((88.33, 22.55), (86.67, 20.26), True),    # from Kolkata, down the Hooghly, to Paradip
    ((131.88, 43.12), (129.04, 35.10), False),  # Vladivostok to Busan, two sea ports
    ((-1.40, 50.90), (0.11, 49.48), False),    # Southampton Water to Le Havre
])
def test_an_end_far_up_a_river_is_pointed_out(sea: Point, end: Point, far: bool) -> None:
    """A sea leg reaching a town along a river fairway, more than ``UPRIVER_KM`` from open
    water, says how far (it could be an inland town taken for a port); coastal ports and
    estuary mouths say nothing. The word names the end that lies up the river."""
    from movemap.routing import UPRIVER_KM
    from movemap.routing.land import upriver_km

    r = route([sea, end], Mode.SEA, labels=["first", "second"])
    said = [w for w in r.warnings if "up a river" in w]
    assert bool(said) is far
    start_km, end_km = upriver_km(list(r.points))
    assert (max(start_km, end_km) > UPRIVER_KM) is far
    if far:
        name = "second" if end_km > start_km else "first"
        assert said[0].startswith(f"sea from first to second: {name} lies about ")


@pytest.mark.parametrize(("port", "sea"), [
    ((121.49, 31.24), (121.85, 29.93)),   # Shanghai, up the Huangpu, from Ningbo's Beilun
    ((100.565, 13.70), (100.90, 12.66)),  # Bangkok, up the Chao Phraya, from Sattahip
    ((106.706, 10.768), (107.07, 10.35)),  # Saigon, up the Saigon River, from Vung Tau
])
def test_ports_up_rivers_natural_earth_lacks_are_reached_by_their_channel(
        port: Point, sea: Point) -> None:
    """Rivers too small for Natural Earth 1:50m that lead to big ports have a hand-drawn
    channel (geo/channels.geojson): the port is on the coast, the route on the water."""
    r = route([sea, port], Mode.SEA, labels=["sea", "port"])
    assert not r.approximate and r.warnings == ()
    assert land_crossing_km(list(r.points), skip_km=5) <= 1.0
    assert r.length_km < 2 * geodesic_km(*sea, *port) + 30


@pytest.mark.parametrize(("name", "city"), [
    ("Paris", (2.35, 48.85)),      # the Seine's fairway ends about 180 km below Paris
    ("Cologne", (6.96, 50.94)),    # the Rhine's about 100 km below
    ("Cairo", (31.24, 30.04)),     # an irrigation canal is no fairway
])
def test_towns_far_up_a_river_are_still_inland_for_the_sea(name: str, city: Point) -> None:
    from movemap.routing import RouteError

    with pytest.raises(RouteError, match=f"^{name} is .* from the sea: a sea leg must start"):
        route([city, (-1.0, 50.0)], Mode.SEA, labels=[name, "Channel"])


def test_a_sea_route_over_land_says_so() -> None:
    """The Caspian has no sea way to the Sea of Azov (the Volga-Don canal is no ship's lane
    here): a leg from Baku to Azov is drawn over hundreds of km of land, and marked."""
    r = route([(49.87, 40.37), (39.42, 47.10)], Mode.SEA, labels=["Baku", "Azov"])
    assert r.approximate
    assert any(w.startswith("sea from Baku to Azov crosses about ")
               and w.endswith(" km of land (approximate)") for w in r.warnings), r.warnings


def test_a_coastal_leg_whose_coarse_grid_closes_a_river_keeps_to_the_coast() -> None:
    """Sittwe to Rangoon (about 825 km by sea, round Cape Negrais and up the Yangon River):
    the grid laid for a 500 km leg closes the river, and the shipping lanes run out past
    14.5 N; cells of 1 km keep the ship along the coast."""
    r = route([(92.9, 20.14), (96.16, 16.77)], Mode.SEA, labels=["Sittwe", "Yangon"])
    assert r.warnings == ()
    assert 825 * 0.9 < r.length_km < 825 * 1.1
    assert min(lat for _, lat in r.points) > 15.3  # Cape Negrais is at 16.0 N


def test_a_short_sea_leg_whose_grid_closes_a_narrow_river_takes_a_finer_grid() -> None:
    """The 1:10m Thames at Gravesend is narrower than the cells of a grid laid for a 300 km
    leg: that grid ends its path with a hop of about 17 km over land to central London.
    The leg takes the 1 km grid's path instead, up the Thames's fairway, with no land to
    mark; London's port at Tilbury is reached without any warning too."""
    from movemap.routing.land import land_crossing_km

    rotterdam, london, tilbury = (4.48, 51.905), (0.07, 51.50), (0.36, 51.46)
    r = route([rotterdam, london], Mode.SEA, labels=["Rotterdam", "London"])
    assert not r.approximate
    assert all("km of land" not in w for w in r.warnings), r.warnings
    assert land_crossing_km(list(r.points), skip_km=10.0) <= 5.0
    assert 290 < r.length_km < 340  # about 300 km by the Maas, the North Sea and the Thames
    port = route([rotterdam, tilbury], Mode.SEA, labels=["Rotterdam", "Tilbury"])
    assert not port.approximate and port.warnings == ()


@pytest.mark.parametrize(("a", "b", "km"), [
    ((28.655, 44.165), (28.98, 41.01), 370),  # Constanta to Istanbul (the Golden Horn)
    ((27.92, 43.20), (28.98, 41.01), 280),    # Varna to Istanbul
])
def test_a_short_leg_to_istanbul_keeps_to_the_bosporus(
        a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    """The Bosporus is closed by 1:10m land where it is narrowest: a grid with cells wider
    than a km snaps the Golden Horn to the strait's northern mouth, 25 km over the city.
    The leg is routed through the strait, not drawn over land, nor round by Izmit."""
    from movemap.routing.land import land_crossing_km

    r = route([a, b], Mode.SEA)
    assert not r.approximate and r.warnings == ()
    assert land_crossing_km(list(r.points), skip_km=10.0) <= 5.0
    assert abs(r.length_km - km) < 0.12 * km
    assert max(x for x, _ in r.points) < 29.3


def test_a_join_does_not_cross_a_big_river_where_this_bank_has_a_line() -> None:
    """Enerhodar faces Nikopol across the Kakhovka reservoir; the only railway within 30 km is
    on Nikopol's bank. The leg is not drawn over the water to it: Enerhodar's own bank is
    looked at first, and its lines lead far round, so the leg is a great circle that says so
    (it was a 26 km route with a 21 km join over the reservoir)."""
    nikopol, enerhodar = (34.3920, 47.5667), (34.6566, 47.4987)
    r = route([nikopol, enerhodar], Mode.RAIL, labels=["Nikopol", "Enerhodar"])
    assert r.approximate
    [warning] = r.warnings
    assert "no rail line within 30 km of the end on its side of the big rivers" in warning
    assert len(r.points) < 5 or near_km(r, 34.434, 47.609) > 5


def test_the_m04_carries_road_moves_between_dnipro_and_donetsk() -> None:
    """Natural Earth lacks the M04 (E50) Dnipro - Pokrovsk - Donetsk: a move from Pokrovsk to
    Donetsk went 325 km round by Kramatorsk. Now it follows the M04 (about 60 km by road)."""
    pokrovsk, donetsk = (37.1817, 48.2826), (37.8028, 48.0159)
    r = route([pokrovsk, donetsk], Mode.ROAD)
    assert not r.approximate and r.warnings == ()
    assert 52 < r.length_km < 75


def test_a_coastal_leg_of_some_hundred_km_does_not_run_out_to_the_lanes() -> None:
    """Bandar Abbas to Chabahar (481 km apart) by searoute's lanes went out to the Arabian Sea
    junction and back, 956 km; along the coast through Hormuz it is about 530."""
    bandar_abbas, chabahar = (56.28, 27.18), (60.62, 25.30)
    r = route([bandar_abbas, chabahar], Mode.SEA)
    assert not r.approximate
    assert r.length_km < 1.25 * geodesic_km(*bandar_abbas, *chabahar)
    assert land_crossing_km(list(r.points), skip_km=5) <= 1.0


def test_thailands_northern_line_is_in_the_network() -> None:
    """Natural Earth's main railways stop at Ban Phachi; the Northern Line (Phitsanulok km 389,
    Lampang km 642 from Bangkok) is an addition: a train from Phitsanulok to Lampang runs by
    Uttaradit and Den Chai."""
    phitsanulok, lampang = (100.2586, 16.8248), (99.4928, 18.2923)
    r = route([phitsanulok, lampang], Mode.RAIL)
    assert not r.approximate and r.warnings == ()
    assert near_km(r, 100.0942, 17.6256) < 2 and near_km(r, 100.0522, 17.9837) < 2
    assert 190 < r.length_km < 280


DHAKA = (90.4074, 23.7104)


@pytest.mark.parametrize(("town", "to", "low", "high"), [
    ("Sylhet", (91.8687, 24.8998), 215, 275),       # N2 by Narsingdi and Bhairab, 240 km
    ("Rajshahi", (88.6000, 24.3667), 220, 290),     # over the Jamuna (Bangabandhu) Bridge
    ("Mymensingh", (90.4065, 24.7564), 105, 140),   # N3, 120 km
    ("Barisal", (90.3535, 22.7010), 140, 195),      # N8 over the Padma Bridge, 170 km
])
def test_bangladesh_roads_are_joined_over_its_rivers(
        town: str, to: Point, low: float, high: float) -> None:
    """Natural Earth's roads in Bangladesh stop at the big rivers: from Dhaka every town
    across the Meghna, Jamuna or Padma went round through India or was not reached."""
    r = route([DHAKA, to], Mode.ROAD, labels=["Dhaka", town])
    assert not r.approximate and r.warnings == ()
    assert low < r.length_km < high


def test_wonsan_has_its_railway() -> None:
    """The Kangwon line joins Wonsan to the Pyongra line at Kowon; Natural Earth has none
    within 36 km, so a train from Hamhung was drawn to a point 36 km short and joined by a
    straight line."""
    hamhung, wonsan = (127.5364, 39.9183), (127.4431, 39.1528)
    r = route([hamhung, wonsan], Mode.RAIL)
    assert not r.approximate and r.warnings == ()
    assert near_km(r, 127.2491, 39.4335) < 2  # by Kowon junction
    assert 95 < r.length_km < 140


@pytest.mark.parametrize(("a", "b", "low", "high"), [
    ((30.5234, 50.4501), (31.2893, 51.5055), 180, 250),  # Kyiv - Chernihiv by Nizhyn
    ((30.9754, 52.4345), (31.2893, 51.5055), 95, 140),   # Gomel - Chernihiv by Horodnia
    ((30.5234, 50.4501), (33.4216, 49.0659), 290, 400),  # Kyiv - Kremenchuk by Romodan
])
def test_chernihiv_and_kremenchuk_have_their_railways(
        a: Point, b: Point, low: float, high: float) -> None:
    """Natural Earth's main lines pass 50 km from Chernihiv and Kremenchuk: a train there was
    a great circle, or joined by a 50 km straight line."""
    r = route([a, b], Mode.RAIL)
    assert not r.approximate and r.warnings == ()
    assert low < r.length_km < high


def test_land_check_itself() -> None:
    assert list(on_land([(37.62, 55.75), (131.5, 38.0)])) == [True, False]  # Moscow, sea


def test_reference_dataset_routes(tmp_path: Path) -> None:
    from movemap.located import locate
    from movemap.queries import status
    from movemap.validate import read_dataset

    root = Path(__file__).parent.parent.parent
    dataset = read_dataset(root / "layers" / "dprk-russia-2024.yaml")
    geo = locate(dataset)
    by_id = {leg.id: leg for leg in dataset.legs}
    sea = geo.routes_of(by_id["first-echelon-by-sea"])
    assert len(sea) == 3 and not any(r.approximate for r in sea)
    for r in sea:
        assert land_crossing_km(list(r.points), skip_km=5) <= 1.0
    khabarovsk = geo.routes_of(by_id["first-echelon-to-khabarovsk"])[0]
    assert not khabarovsk.approximate and 700 < khabarovsk.length_km < 800
    assert geo.routes_of(by_id["first-echelon-by-sea"]) is sea  # computed once
    moving = next(p for p in status(geo, "2024-10-10")
                  if p.unit == "first-echelon")
    assert moving.moving and not on_land([(moving.lon, moving.lat)])[0]  # at sea, not ashore


def test_road_follows_natural_earth_roads() -> None:
    from movemap.geodata import geo_path
    from movemap.routing.network import read_lines

    r = route([MOSCOW, KURSK], Mode.ROAD, labels=["Moscow", "Kursk"])
    assert not r.approximate
    # Natural Earth's main roads lack parts of the M2 (about 530 km): the way is by Kaluga
    assert geodesic_km(*MOSCOW, *KURSK) < r.length_km < 800
    lines = [*read_lines(geo_path("roads.geojson")),
             *read_lines(geo_path("road_additions.geojson"))]
    roads = shapely.STRtree([shapely.LineString(line) for line in lines])
    inner = shapely.points(r.points[1:-1])
    assert len(inner) > 20
    assert all(d < 1e-6 for d in roads.query_nearest(inner, return_distance=True)[1])


TULA, ORYOL = (37.6156, 54.2044), (36.0785, 52.9651)


def test_a_rail_or_road_route_counts_the_bends_its_generalised_line_leaves_out() -> None:
    """A network stretch counts its drawn length times GENERALISED (a 1:10m line is shorter
    than its track); a great circle counts its own."""
    from movemap.routing import GENERALISED

    for mode in (Mode.RAIL, Mode.ROAD):
        r = route([TULA, ORYOL], mode)
        # the ground length measures short steps on the ellipsoid's local radii, the drawn
        # length on the geodesic: the same to a millimetre a km (geodesic.steps_km)
        assert r.length_km == pytest.approx(r.line_km * GENERALISED, rel=1e-6)
    air = route([TULA, ORYOL], Mode.AIR)
    assert air.length_km == pytest.approx(air.line_km, rel=1e-6)


def test_points_along_a_route_are_placed_on_its_drawn_line() -> None:
    """point_at measures fractions on the line as drawn, not on the length on the ground."""
    line = [(30.0, 50.0), (31.0, 50.0), (32.0, 50.0)]
    r = Route(line, 1.5 * geodesic_km(30.0, 50.0, 32.0, 50.0), Mode.RAIL)
    assert r.point_at(1.0) == pytest.approx((32.0, 50.0))
    assert r.point_at(0.5) == pytest.approx((31.0, 50.0), abs=0.01)


ADHAMIYAH, HILLAH = (44.358, 33.37), (44.41963, 32.46367)


def test_a_river_town_whose_own_bank_line_leads_nowhere_crosses_by_its_bridges() -> None:
    """Adhamiyah, on the Tigris' east bank in Baghdad, is nearest a stub of the line
    north-east from Baghdad that reaches no line south; the main line to Basra runs a few
    km away over the river, which a town's bridges cross: the route to Hillah follows it
    instead of being a great circle."""
    r = route([ADHAMIYAH, HILLAH], Mode.RAIL)
    assert not r.approximate and not r.warnings
    assert 100 < r.length_km < 150


@pytest.mark.parametrize(("a", "b", "mode", "warned"), [
    # Nalchik - Prokhladny (44 km apart): the data has no road between them, and the route goes
    # round by Beslan and Mozdok
    ((43.6186, 43.4981), (44.0303, 43.7575), Mode.ROAD, True),
    # the line from Khasan runs north round Amur Bay, 2.6 times the direct distance: real
    ((130.70, 42.43), (131.89, 43.11), Mode.RAIL, False),
    ((36.19, 51.73), (39.18, 51.67), Mode.RAIL, False),  # Kursk - Voronezh, 240 km
])
def test_a_leg_far_longer_than_the_direct_way_is_pointed_out(
        a: tuple[float, float], b: tuple[float, float], mode: Mode, warned: bool) -> None:
    """A route many times the direct distance goes round a line the data lacks: it is drawn
    as found, with a word to check it (not marked approximate: it is a route)."""
    r = route([a, b], mode, labels=["A", "B"])
    said = [w for w in r.warnings if "times the direct" in w]
    assert bool(said) is warned and not r.approximate
    if warned:
        assert said[0].startswith(f"{mode.value} from A to B runs ")
        assert said[0].endswith("may lack one here; check the route")
