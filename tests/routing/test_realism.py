"""Routes an analyst would accept: one real example per failure class of issue 14.

Each test is a documented movement (see benchmarks/realism/cases.yaml) that the previous
release drew wrongly: through a third country, joined to the network across a border, by a
branch line instead of the main line, by a sea lane detour, or with a false warning across
the antimeridian.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.model import Mode
from movemap.routing import Route, route
from movemap.routing.countries import codes, countries_at
from movemap.routing.geodesic import geodesic_km
from movemap.routing.land import on_land

Point = tuple[float, float]
VLADIVOSTOK = (131.8869, 43.1113)
MOSCOW = (37.6569, 55.7764)
KALININGRAD = (20.5109, 54.7065)
OMSK, CHELYABINSK = (73.3686, 54.9924), (61.4297, 55.1544)
PETROPAVL = (69.15, 54.87)


def countries(r: Route) -> set[str]:
    """Countries of the route's points (vertices every few km at most)."""
    return {codes()[c] for c in countries_at(list(r.points)) if c >= 0}


def near_km(r: Route, p: Point) -> float:
    return min(geodesic_km(p[0], p[1], x, y) for x, y in r.points)


@pytest.mark.parametrize(("a", "b", "home", "stray"), [
    (VLADIVOSTOK, (127.5272, 50.2727), "RU", "CN"),   # Blagoveshchensk: not by Harbin, Heihe
    (VLADIVOSTOK, MOSCOW, "RU", "KZ"),                # not through Petropavl
    ((39.17, 51.6664), (39.7015, 47.2364), "RU", "UA"),  # Voronezh - Rostov: Zhuravka bypass
])
def test_rail_stays_in_the_country_of_its_ends(a: Point, b: Point, home: str,
                                               stray: str) -> None:
    r = route([a, b], Mode.RAIL)
    assert not r.approximate and r.warnings == ()
    assert home in countries(r) and stray not in countries(r)


def test_pyongyang_vladivostok_by_tumangang_not_china() -> None:
    r = route([(125.7547, 39.0339), VLADIVOSTOK], Mode.RAIL)
    assert not r.approximate
    assert countries(r) == {"KP", "RU"}
    assert near_km(r, (130.626, 42.414)) < 3  # over the Tumangang - Khasan bridge


def test_amur_highway_keeps_chita_khabarovsk_in_russia() -> None:
    r = route([(113.5, 52.0333), (135.071, 48.502)], Mode.ROAD)
    assert not r.approximate and countries(r) == {"RU"}
    assert 1700 < r.length_km < 2400


def test_main_line_wins_over_the_bam() -> None:
    r = route([(135.071, 48.502), (113.5, 52.0333)], Mode.RAIL)  # Khabarovsk - Chita
    assert near_km(r, (123.92, 53.99)) < 10   # Skovorodino, on the Trans-Siberian
    assert near_km(r, (124.72, 55.14)) > 100  # Tynda, on the BAM


def test_through_allows_a_transit_country() -> None:
    plain = route([MOSCOW, KALININGRAD], Mode.RAIL, labels=["Moscow", "Kaliningrad"])
    assert plain.approximate
    assert plain.warnings == ("rail from Moscow to Kaliningrad leaves RU through BY, LT "
                              "(approximate)",)
    allowed = route([MOSCOW, KALININGRAD], Mode.RAIL, through=["BY", "LT"])
    assert not allowed.approximate and allowed.warnings == ()
    assert {"BY", "LT"} <= countries(allowed)


def test_through_and_avoid_choose_the_line() -> None:
    by_kz = route([OMSK, CHELYABINSK], Mode.RAIL, through=["KZ"])
    assert near_km(by_kz, PETROPAVL) < 10 and "KZ" in countries(by_kz)
    by_ru = route([OMSK, CHELYABINSK], Mode.RAIL, through=["KZ"], avoid=["KZ"])
    assert not by_ru.approximate and "KZ" not in countries(by_ru)
    assert by_ru.length_km > by_kz.length_km


def test_a_country_that_cannot_be_avoided_is_named() -> None:
    r = route([MOSCOW, KALININGRAD], Mode.RAIL, labels=["Moscow", "Kaliningrad"],
              through=["BY"], avoid=["LT", "PL"])
    assert r.approximate
    assert r.warnings == ("rail from Moscow to Kaliningrad leaves RU through LT (approximate)",)


def test_route_cli_through_and_avoid() -> None:
    runner = CliRunner()
    # Chernyakhovsk: on the Kaliningrad line ("Kaliningrad" alone is also Korolev's old name)
    ok = runner.invoke(cli, ["route", "Moscow", "Chernyakhovsk", "--mode", "rail",
                             "--through", "BY", "--through", "LT"])
    assert ok.exit_code == 0 and "approximate" not in ok.stdout and ok.stderr == ""
    avoided = runner.invoke(cli, ["route", "Moscow", "Chernyakhovsk", "--mode", "rail",
                                  "--through", "BY", "--avoid", "LT", "--avoid", "PL"])
    assert avoided.exit_code == 0 and "(approximate" in avoided.stdout
    assert "leaves RU through LT" in avoided.stderr


@pytest.mark.parametrize(("option", "value", "meant"), [
    ("--through", "BLR", "'BY'"), ("--avoid", "ukr", "'UA'"), ("--avoid", "XQ", None)])
def test_route_cli_refuses_a_code_that_is_no_country(option: str, value: str,
                                                     meant: str | None) -> None:
    """As a dataset's ``through`` does: an unknown code would be a country no route is in,
    so ``--avoid UKR`` avoided nothing, silently."""
    result = CliRunner().invoke(cli, ["route", "Minsk", "Vilnius", "--mode", "rail",
                                      option, value])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(
        f"movemap: error: {option}: {value!r} is not an ISO 3166-1 alpha-2 country code")
    assert (f"did you mean {meant}?" in result.stderr) == (meant is not None)
    lower = CliRunner().invoke(cli, ["route", "Minsk", "Vilnius", "--mode", "rail",
                                     "--through", "by"])
    assert lower.exit_code == 0, lower.stderr


def test_validate_shows_a_route_leaving_its_countries(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    from movemap.io import parse_dataset
    from movemap.validate import validate

    path = tmp_path / "kaliningrad.yaml"
    path.write_text("movemap: 1\nname: test\nsources:\n  - id: src\n    publisher: Test\n"
                    "units:\n  - id: u1\n    name: Unit one\nlegs:\n  - id: leg1\n"
                    "    unit: u1\n    from: Moscow\n"
                    "    to: {name: Kaliningrad, lat: 54.7065, lon: 20.5109}\n"
                    "    start: 2024-10-01\n    mode: rail\n    sources: [src]\n",
                    encoding="utf-8")
    problems = [p.format(None) for p in validate(parse_dataset(path))]
    assert any("leaves RU through BY, LT" in p and "warning" in p for p in problems)
    timeline = CliRunner().invoke(cli, ["timeline", str(path)])
    assert timeline.exit_code == 0  # the timeline logs the warning (stderr in a terminal)
    assert "leg 'leg1': rail from Moscow to Kaliningrad leaves RU through BY, LT" in caplog.text


def test_dataset_sea_leg_to_an_inland_place_is_drawn_with_a_warning() -> None:
    # the library refuses it (see test_routes); a dataset being drawn gets a great circle
    r = route([(131.89, 43.107), (36.1874, 51.7373)], Mode.SEA, labels=["Vladivostok", "Kursk"],
              strict=False)
    assert r.approximate
    assert r.warnings == ("sea from Vladivostok to Kursk: Kursk is more than 60 km from the sea: "
                          "a sea leg must start and end on the coast; name its port or choose "
                          "another mode; drawn as a great circle (approximate)",)


def test_short_sea_leg_near_the_great_circle() -> None:
    musudan, vladivostok = (129.6664, 40.8556), (131.89, 43.107)
    r = route([musudan, vladivostok], Mode.SEA)
    assert not r.approximate
    assert r.length_km < 1.15 * geodesic_km(*musudan, *vladivostok)  # the release: 706 km
    assert min(y for _, y in r.points) > 40.5  # no doubling back to Hungnam


def test_rason_posyet_is_a_short_hop() -> None:
    r = route([(130.298, 42.244), (130.80, 42.65)], Mode.SEA)
    assert 50 < r.length_km < 110  # the release: 258 km by lane points


def test_novorossiysk_kerch_not_through_the_sea_of_azov() -> None:
    r = route([(37.79, 44.71), (36.49, 45.34)], Mode.SEA)
    assert not r.approximate
    assert max(y for _, y in r.points) < 45.45  # the strait from the south


@pytest.mark.parametrize("a", [VLADIVOSTOK, (129.04, 35.10)])  # Vladivostok, Busan
def test_sea_across_the_antimeridian_without_false_warning(a: Point) -> None:
    anchorage = (-149.90, 61.22)
    r = route([a, anchorage], Mode.SEA)
    assert not r.approximate and r.warnings == ()
    assert all(-180 <= x <= 180 for x, _ in r.points)
    assert len(r.lines()) == 2
    assert r.length_km < 1.4 * geodesic_km(*a, *anchorage)


def test_a_short_sea_leg_across_the_antimeridian_is_planned_on_the_water_grid() -> None:
    # Adak to Kiska along the Aleutians (about 425 km by sea): the grid is laid across 180
    # degrees, not given up for the lanes' swing south to 50 N
    adak, kiska = (-176.635, 51.862), (177.50, 51.98)
    r = route([adak, kiska], Mode.SEA)
    assert not r.approximate and r.warnings == ()
    assert all(-180 <= x <= 180 for x, _ in r.points)
    assert len(r.lines()) == 2
    assert r.length_km < 1.15 * geodesic_km(*adak, *kiska)  # the release: 788 km
    assert min(y for _, y in r.points) > 51.3
    assert not any(on_land(list(r.points)[1:-1]))


@pytest.mark.parametrize(("a", "b"), [
    ((179.9, -16.8), (-179.9, -16.6)),     # across 180 by Fiji: the ends as given
    ((-179.95, -17.0), (-179.95, -16.5)),  # beside 180 on its west: the land beyond it too
])
def test_a_water_path_at_the_antimeridian_keeps_its_ends_and_stays_off_land(
        a: Point, b: Point) -> None:
    from movemap.routing.grid import water_path

    path = water_path(a, b)
    assert path is not None
    assert path[0] == a and path[-1] == b
    assert not any(on_land(path[1:-1]))


def test_air_across_the_antimeridian() -> None:
    honolulu = (-157.87, 21.30)
    r = route([VLADIVOSTOK, honolulu], Mode.AIR)
    assert len(r.lines()) == 2
    assert r.length_km == pytest.approx(geodesic_km(*VLADIVOSTOK, *honolulu), rel=1e-6)


def test_documented_border_crossings_are_on_their_networks() -> None:
    import csv

    import numpy as np

    from movemap.geodata import geo_path
    from movemap.routing import default_networks
    from movemap.sphere import chord_to_km, unit_vectors

    with geo_path("border_crossings.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    assert len(rows) >= 8
    for row in rows:
        network = getattr(default_networks(), row["network"])
        xy = network._a.coords
        target = unit_vectors(float(row["lon"]), float(row["lat"]))[0]
        km = float(chord_to_km(np.linalg.norm(unit_vectors(xy[:, 0], xy[:, 1]) - target,
                                              axis=1)).min())
        assert km < 3, row["name"]
        assert set(row["countries"].split()) <= set(codes()), row["name"]


def test_straits_and_canals_are_open() -> None:
    from movemap.routing.land import on_land

    bosporus, dardanelles, suez = (29.045, 41.08), (26.50, 40.24), (32.31, 30.75)
    assert not on_land([bosporus, dardanelles, suez]).any()
    assert on_land([(28.95, 41.08), (32.0, 30.75)]).all()  # beside them: still land


def test_sealift_through_suez_stays_off_land() -> None:
    from movemap.routing.land import land_crossing_km

    norfolk, dammam = (-76.33, 36.95), (50.20, 26.49)
    r = route([norfolk, dammam], Mode.SEA)
    assert not r.approximate
    assert near_km(r, (32.31, 30.75)) < 10
    assert land_crossing_km(list(r.points), skip_km=5) <= 1.0


def test_rail_gap_closed_chita_harbin_by_zabaikalsk() -> None:
    r = route([(113.5, 52.0333), (126.65, 45.75)], Mode.RAIL)  # Natural Earth stops 1.4 km short
    assert not r.approximate
    assert near_km(r, (117.32, 49.65)) < 5  # Zabaikalsk - Manzhouli, not round by Heihe
    assert r.length_km < 1700


@pytest.mark.parametrize(("a", "b"), [
    ((-0.3707, 49.1859), (2.3488, 48.8534)),   # Caen - Paris (A13 added)
    ((13.7383, 51.0509), (14.4208, 50.0880)),  # Dresden - Prague (roads cross, no vertex)
    ((27.5667, 53.9), (30.5238, 50.4547)),     # Minsk - Kyiv
])
def test_european_roads_are_joined(a: Point, b: Point) -> None:
    r = route([a, b], Mode.ROAD)
    assert not r.approximate and r.warnings == ()
    assert r.length_km < 1.5 * geodesic_km(*a, *b)


def test_a_join_does_not_cross_a_big_river() -> None:
    import numpy as np

    from movemap.routing.network import _same_bank

    blagoveshchensk = (127.5272, 50.2727)
    heihe, same_bank = (127.49, 50.24), (127.55, 50.32)  # across the Amur / on its side
    assert _same_bank(blagoveshchensk, np.array([heihe, same_bank])).tolist() == [False, True]


def test_munich_vienna_takes_the_westbahn_by_salzburg() -> None:
    """A main line whose Natural Earth pieces stop 8 km apart (Rosenheim) is joined, and the
    Munich - Salzburg - Vienna main line wins over the branch round by Regensburg and Passau."""
    munich, vienna, salzburg, regensburg = ((11.5755, 48.1374), (16.3721, 48.2085),
                                            (13.05, 47.81), (12.10, 49.02))
    r = route([munich, vienna], Mode.RAIL)
    assert not r.approximate and r.warnings == ()
    assert near_km(r, salzburg) < 15 and near_km(r, regensburg) > 50
    assert r.length_km < 1.1 * 465


@pytest.mark.parametrize(("a", "b", "km", "avoid"), [
    # Madrid - Toledo by the A-42 from Plaza Eliptica, not round the M-50 from the north-west
    ((-3.7038, 40.4168), (-4.0273, 39.8628), 72, (-3.85, 40.50)),
    # Haines - Haines Junction over the Chilkat Pass, not by the Lynn Canal ferry to Skagway
    ((-135.445, 59.2358), (-137.506, 60.753), 246, (-135.31, 59.46)),
])
def test_documented_roads_close_two_gaps(a: Point, b: Point, km: float, avoid: Point) -> None:
    r = route([a, b], Mode.ROAD)
    assert not r.approximate and r.warnings == ()
    assert abs(r.length_km - km) < 0.1 * km
    assert near_km(r, avoid) > 10
