"""The curated overlay's military geography (issue 13): every feature row checked on real data.

Each row of ``geo/places.csv`` that is a feature (bridge, pass, beach, island, site, crossing,
naval base, port) or a village GeoNames lacks (kind ``city``) and ends its note with
``Town: X.`` or ``Town: X, N km.`` names the GeoNames town of its country (cities500) it lies
near. A wrong coordinate is a confident wrong answer,
so the anchor is checked: within ``NEAR_KM`` of that town (``PASS_KM`` for a pass, which lies
between towns), or at the distance the note states (remote islands, reefs and ranges) within
``STATED_SLACK``. Antarctica has no towns: a row there says ``Town: none.``, which is accepted
only for a row in AQ south of ``ANTARCTIC_LAT`` (the Antarctic Treaty's 60 S). The row's
country must be the outline it falls in (a border feature may lie up to ``BORDER_KM`` outside
its own, the 1:50m borders stray by km); a row in no outline lies offshore. No two rows may be
one place (a shared name within ``SAME_PLACE_KM``), and no row may bear the name of a GeoNames
town where it stands: that town already answers the name.

The resolution examples at the end are our own, chosen before looking at any evaluation set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pytest
import shapely

from movemap import Gazetteer, Kind, Method
from movemap.gazetteer.normalize import name_key
from movemap.gazetteer.overlay import read_overlay
from movemap.gazetteer.sources import geonames_cities_path
from movemap.geodata import geo_path
from movemap.sphere import haversine_km

NEAR_KM = 40.0
PASS_KM = 60.0
STATED_SLACK = (10.0, 0.15)  # km, share of the stated distance: whichever is larger
BORDER_KM = 10.0
SAME_PLACE_KM = 5.0
TOWN_NAMESAKE_KM = 25.0
ANTARCTIC_LAT = -60.0
FEATURE_KINDS = frozenset({"bridge", "pass", "beach", "island", "site", "crossing",
                           "naval-base", "port"})
_ANCHOR = re.compile(r"Town: (?P<town>.+?)(?:, (?P<km>\d+(?:\.\d+)?) km)?\.$")


@dataclass(frozen=True)
class Row:
    id: str
    names: tuple[str, ...]
    lat: float
    lon: float
    country: str
    kind: str
    note: str


@dataclass(frozen=True)
class Town:
    name: str
    lat: float
    lon: float
    country: str


@cache
def shipped_rows() -> tuple[Row, ...]:
    """The rows of the shipped overlay that place a point, read by the gazetteer's own
    reader (a row that changes a known place counts as known here)."""
    rows = read_overlay(geo_path("places.csv"), is_known=lambda _id: True)
    return tuple(Row(r.id, (r.name, *r.alt_names) if r.name else r.alt_names, r.lat, r.lon,
                     r.country or "", r.kind.value if r.kind else "site", r.note)
                 for r in rows if r.lat is not None and r.lon is not None)


@cache
def towns_by_key() -> dict[str, list[Town]]:
    with geonames_cities_path().open(encoding="utf-8") as f:
        cities = json.load(f).values()
    out: dict[str, list[Town]] = {}
    for c in cities:
        town = Town(c["name"], c["latitude"], c["longitude"], c["countrycode"])
        for name in {c["name"], *c.get("alternatenames", [])}:
            out.setdefault(name_key(name), []).append(town)
    return out


@cache
def outlines() -> dict[str, object]:
    from shapely.geometry import shape

    with geo_path("countries.geojson").open(encoding="utf-8") as f:
        features = json.load(f)["features"]
    out: dict[str, object] = {}
    for feature in features:
        code = feature["properties"].get("iso_a2_eh")
        if code and code not in out:
            out[code] = shape(feature["geometry"])
    return out


def anchor_problem(row: Row) -> str | None:
    """Why the row's point is not where its note's town says, or None."""
    m = _ANCHOR.search(row.note)
    if m is None:
        return "no 'Town: X.' at the end of its note"
    if m["town"] == "none" and m["km"] is None:
        if row.country == "AQ" and row.lat < ANTARCTIC_LAT:
            return None
        return "'Town: none.' only for a row in Antarctica (AQ, south of 60 S)"
    towns = [t for t in towns_by_key().get(name_key(m["town"]), ())
             if not row.country or t.country == row.country]
    if not towns:
        return f"no GeoNames town {m['town']!r} in {row.country or 'any country'}"
    km = min(haversine_km(row.lat, row.lon, t.lat, t.lon) for t in towns)
    if m["km"] is not None:
        stated = float(m["km"])
        slack = max(STATED_SLACK[0], STATED_SLACK[1] * stated)
        if abs(km - stated) > slack:
            return f"{km:.0f} km from {m['town']}, the note says {stated:g}"
    elif km > (PASS_KM if row.kind == "pass" else NEAR_KM):
        return f"{km:.0f} km from {m['town']}"
    return None


def country_problem(row: Row) -> str | None:
    """Why the row's country is not the outline its point falls in, or None."""
    from shapely.geometry import Point

    if not row.country:
        return None
    shapes = outlines()
    if row.country not in shapes:
        return f"no outline of {row.country}"
    point = Point(row.lon, row.lat)
    inside = [code for code, shape in shapes.items() if shape.contains(point)]  # type: ignore[attr-defined]
    if not inside or row.country in inside:
        return None
    km = shapes[row.country].distance(point) * 111.2  # type: ignore[attr-defined]
    return None if km <= BORDER_KM else f"falls in {inside[0]}, {km:.0f} km from {row.country}"


def is_anchored(row: Row) -> bool:
    """Whether the row's point is checked against its note's town: a feature row, or a
    ``city`` row (a village GeoNames lacks), that names one (the anchor check then wants it
    at the end of the note); the five older city rows name none and stay unchecked."""
    return (row.kind in FEATURE_KINDS or row.kind == "city") and "Town: " in row.note


def anchored() -> list[Row]:
    return [r for r in shipped_rows() if is_anchored(r)]


def test_the_overlay_has_broad_military_geography() -> None:
    kinds = [r.kind for r in anchored()]
    assert len(kinds) >= 500
    for kind in ("bridge", "pass", "beach", "island", "site", "crossing", "naval-base"):
        assert kinds.count(kind) >= 10, kind
    # the second list of round 9: passes, crossings, bridges and islands of every theatre
    for kind in ("bridge", "pass", "island", "crossing"):
        assert kinds.count(kind) >= 60, kind


UNANCHORED_BEFORE_ROUND_9 = 59
"""Feature rows written before anchors were (ports, Normandy's beaches, Kerch Bridge, ...);
a ratchet: a new feature row carries its town, and this number only goes down."""


def test_new_feature_rows_name_their_town() -> None:
    unanchored = [r.id for r in shipped_rows()
                  if r.kind in FEATURE_KINDS and "Town: " not in r.note]
    assert len(unanchored) <= UNANCHORED_BEFORE_ROUND_9, unanchored


@pytest.mark.parametrize("row", anchored(), ids=lambda r: r.id)
def test_each_feature_lies_near_its_town_in_its_country(row: Row) -> None:
    assert anchor_problem(row) is None, anchor_problem(row)
    assert country_problem(row) is None, country_problem(row)


def _pairs(rows: list[Row]) -> Iterator[tuple[Row, Row]]:
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            yield a, b


def test_no_two_rows_are_one_place() -> None:
    rows = list(shipped_rows())
    by_key: dict[str, list[Row]] = {}
    for row in rows:
        for key in {name_key(n) for n in row.names}:
            by_key.setdefault(key, []).append(row)
    twice = sorted({(a.id, b.id) for group in by_key.values() for a, b in _pairs(group)
                    if haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM})
    assert twice == []
    assert len({r.id for r in rows}) == len(rows)


def test_no_feature_bears_the_name_of_the_town_where_it_stands() -> None:
    found = []
    for row in anchored():
        for name in row.names:
            for town in towns_by_key().get(name_key(name), ()):
                if haversine_km(row.lat, row.lon, town.lat, town.lon) <= TOWN_NAMESAKE_KM:
                    found.append((row.id, name, town.name))
    assert found == []


# -- the checks themselves catch what they are for ----------------------------------------

def _row(lat: float, lon: float, country: str, kind: str, note: str) -> Row:
    return Row("test:x", ("X",), lat, lon, country, kind, note)


def test_the_anchor_check_catches_a_misplaced_point() -> None:
    # a bridge said to be at Potsdam, placed at Frankfurt on the Oder
    assert anchor_problem(_row(52.414, 13.090, "DE", "bridge", "Bridge. Town: Potsdam.")) is None
    assert "km from Potsdam" in (anchor_problem(
        _row(52.342, 14.550, "DE", "bridge", "Bridge. Town: Potsdam.")) or "")
    assert "note says" in (anchor_problem(
        _row(52.414, 13.090, "DE", "island", "Island. Town: Potsdam, 200 km.")) or "")
    assert "no GeoNames town" in (anchor_problem(
        _row(52.414, 13.090, "FR", "bridge", "Bridge. Town: Potsdam.")) or "")
    assert "no 'Town: X.'" in (anchor_problem(
        _row(52.414, 13.090, "DE", "bridge", "Bridge.")) or "")
    # Antarctica has no towns: "Town: none." there, and nowhere else
    assert anchor_problem(_row(-77.846, 166.676, "AQ", "site", "Station. Town: none.")) is None
    assert "only for a row in Antarctica" in (anchor_problem(
        _row(-54.28, -36.51, "AQ", "site", "Station. Town: none.")) or "")
    assert "only for a row in Antarctica" in (anchor_problem(
        _row(52.414, 13.090, "DE", "site", "Station. Town: none.")) or "")


def test_a_village_row_with_a_town_is_checked_like_a_feature() -> None:
    assert is_anchored(_row(47.446, 35.838, "UA", "city", "Village. Town: Orikhiv."))
    assert is_anchored(_row(47.446, 35.838, "UA", "bridge", "Bridge. Town: Orikhiv."))
    # the older village rows name no town and stay as they are
    assert not is_anchored(_row(47.446, 35.838, "UA", "city", "Village; fighting of 2023."))
    # a village placed at Berdiansk, 100 km from the town its note names
    assert "km from Orikhiv" in (anchor_problem(
        _row(46.757, 36.799, "UA", "city", "Village. Town: Orikhiv.")) or "")


def test_the_country_check_catches_a_wrong_country() -> None:
    assert country_problem(_row(50.579, 7.244, "DE", "bridge", "")) is None
    assert "falls in DE" in (country_problem(_row(50.579, 7.244, "PL", "bridge", "")) or "")
    # offshore, in no outline: an island of its own
    assert country_problem(_row(45.255, 30.204, "UA", "island", "")) is None


# -- resolution: the new kinds answer their names, the bare town name stays the town -------

FEATURES = [
    # as a report writes it, kind, truth
    ("Glienicke Bridge", Kind.BRIDGE, (52.414, 13.090)),
    # "bridge at X" is a kind phrase, not a name the rows carry
    ("bridge at Višegrad", Kind.BRIDGE, (43.782, 19.288)),
    ("Bridge at Henichesk", Kind.BRIDGE, (46.178, 34.810)),
    ("Mitla Pass", Kind.PASS, (30.015, 32.883)),
    ("Anzio beachhead", Kind.BEACH, (41.45, 12.62)),
    ("Yeonpyeong Island", Kind.ISLAND, (37.67, 125.70)),
    ("Grafenwöhr Training Area", Kind.SITE, (49.70, 11.90)),
    ("Medyka crossing", Kind.CROSSING, (49.80, 22.94)),
    ("Karlskrona naval base", Kind.NAVAL_BASE, (56.16, 15.59)),
    # from the second list (passes, crossings, bridges, islands)
    ("Stelvio Pass", Kind.PASS, (46.53, 10.45)),
    ("Passo dello Stelvio", Kind.PASS, (46.53, 10.45)),
    ("Kapitan Andreevo", Kind.CROSSING, (41.72, 26.35)),
    ("Marco Polo Bridge", Kind.BRIDGE, (39.85, 116.21)),
    ("Quemoy Island", Kind.ISLAND, (24.45, 118.38)),
    # a camp of its own, no longer the airfield at Taji (tests/gazetteer/test_kinds.py)
    ("Camp Taji", Kind.SITE, (33.53, 44.26)),
    ("Camp Pendleton", Kind.SITE, (33.30, -117.35)),
    # islands of round 18: "X Island" is the island, not the air base named for it; a bare
    # name is the island, not a town of a like name (Gonaives) or a fuzzy match (Kigali)
    ("Masirah Island", Kind.ISLAND, (20.42, 58.78)),
    ("Gonâve", Kind.ISLAND, (18.85, -73.05)),
    ("K'gari", Kind.ISLAND, (-25.25, 153.15)),
    # American posts renamed in 2023, by either name (a bare "Fort X" fell back to a town X
    # of another state: Fort Moore to Moore, Oklahoma)
    ("Fort Moore", Kind.SITE, (32.36, -84.95)),
    ("Fort Benning", Kind.SITE, (32.36, -84.95)),
    ("Fort Gordon", Kind.SITE, (33.42, -82.15)),
    ("Fort A.P. Hill", Kind.SITE, (38.09, -77.29)),
    ("Fort Riley", Kind.SITE, (39.06, -96.77)),
    ("Camp Blanding", Kind.SITE, (29.95, -81.98)),
    ("Fort Hood", Kind.CITY, (31.13, -97.78)),
    ("Fort Johnson", Kind.CITY, (31.05, -93.22)),
]


@pytest.mark.parametrize(("name", "kind", "truth"), FEATURES, ids=[f[0] for f in FEATURES])
def test_a_curated_feature_is_found_by_its_name(
    gazetteer: Gazetteer, name: str, kind: Kind, truth: tuple[float, float]
) -> None:
    found = gazetteer.resolve(name)
    assert found.place.kind is kind, found.best.why()
    assert haversine_km(found.place.lat, found.place.lon, *truth) <= 5, found.best.why()


@pytest.mark.parametrize("town", ["Henichesk", "Anzio", "Karlskrona", "Zatoka"])
def test_a_town_that_names_a_feature_stays_the_town(gazetteer: Gazetteer, town: str) -> None:
    found = gazetteer.resolve(town)
    assert found.place.kind is Kind.CITY, found.best.why()


def test_a_corrected_geonames_record_moves_the_place_it_names(gazetteer: Gazetteer) -> None:
    """A row of places.csv with a GeoNames id corrects that record: GeoNames puts Masan (the
    port city of South Gyeongsang, 434,371 inhabitants) in Gwangju, 160 km west; alone and in a
    list of the Pusan Perimeter's towns it is the port on Masan Bay."""
    alone = gazetteer.resolve("Masan")
    assert alone.place.id == "geonames:1841246"
    assert haversine_km(alone.place.lat, alone.place.lon, 35.197, 128.568) <= 5
    assert alone.place.admin1 == "South Gyeongsang"
    listed = gazetteer.resolve_all(["Masan", "Pusan", "Taegu", "Chinju"])
    assert haversine_km(listed[0].place.lat, listed[0].place.lon, 35.197, 128.568) <= 5


def test_a_qualified_row_answers_its_bare_name_only_where_the_text_is(
    gazetteer: Gazetteer,
) -> None:
    # "Buna (Papua)": the bracket keeps the bare name from standing alone for the station
    # (Buna alone is the town in Texas), yet among the places of the Papuan campaign "Buna" is
    # the station (-8.66, 148.40), read by its name without the qualifier
    assert gazetteer.resolve("Buna").place.country != "PG"
    found = gazetteer.resolve_all(["Buna", "Gona", "Kokoda", "Port Moresby"])[0]
    assert found.place.kind is Kind.SITE and found.place.country == "PG"
    assert found.best.method is Method.REGION


def test_a_city_quarter_named_like_a_capital_abroad_is_the_quarter_among_its_city(
    gazetteer: Gazetteer,
) -> None:
    # Praga, Warsaw's right bank, is also Prague's name in Polish, Czech and Italian: among
    # Warsaw's places it is the quarter; alone, Prague in doubt
    found = gazetteer.resolve_all(["Warsaw", "Radzymin", "Modlin", "Praga"])[-1]
    assert found.place.id == "town:praga-warsaw" and found.confident
    alone = gazetteer.resolve("Praga")
    assert alone.place.country == "CZ" and not alone.confident


@pytest.mark.parametrize(("names", "truth"), [
    # old names beside their own region's places: Venetian names of Messenian towns
    (["Coron", "Navarino", "Patras"], (36.80, 21.96)),
    (["Modon", "Navarino"], (36.82, 21.70)),
    # the landing place of the Magdala expedition, on Annesley Bay
    (["Zula", "Massawa", "Suez"], (15.23, 39.67)),
    # Dili's airport by the name of its river
    (["Komoro Airport", "Dili", "Darwin"], (-8.55, 125.52)),
])
def test_an_old_or_local_name_finds_its_place_beside_its_neighbours(
        gazetteer: Gazetteer, names: list[str], truth: tuple[float, float]) -> None:
    found = gazetteer.resolve_all(names)[0]
    assert haversine_km(found.place.lat, found.place.lon, *truth) <= 10, found.best.why()


def test_the_ogaden_is_the_ethiopian_region_that_holds_it(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["Ogaden", "Jijiga", "Harar", "Mogadishu"])[0]
    assert found.place.kind is Kind.REGION and found.place.country == "ET", found.best.why()
    assert found.place.polygon is not None
    assert found.place.polygon.covers(shapely.Point(44.0, 7.0))  # Degehabur-Kebri Dahar


def test_two_islands_of_one_name_are_never_surely_the_wrong_one(gazetteer: Gazetteer) -> None:
    # Christmas Island: Kiritimati in the Pacific (the nuclear tests of 1957-62), and
    # Australia's south of Java, which is found by its qualified name
    pacific = gazetteer.resolve_all(["Christmas Island", "Honolulu", "Tarawa"])[0]
    assert pacific.place.lon < 0  # Kiritimati
    indian = gazetteer.resolve_all(["Christmas Island", "Singapore", "Batavia", "Darwin"])[0]
    assert indian.place.lon > 0 or not indian.confident  # not surely the Pacific island
    qualified = gazetteer.resolve("Christmas Island (Indian Ocean)")
    assert abs(qualified.place.lat + 10.49) < 0.5


def test_midway_by_its_island_names_is_the_atoll(gazetteer: Gazetteer) -> None:
    for name in ("Midway Island", "Midway Islands"):
        assert gazetteer.resolve(name).place.id == "ne-admin1:UM-71"
