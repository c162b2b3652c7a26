"""Names that describe rather than name (issue 13): no confident answer far from the text.

``Blue Beach``, ``Long Island``, ``Treasure Island`` or ``Richmond airfield`` say what a place
is more than which: many places bear them, and the data knows only some. The answer such a
name finds stands, in doubt, when it lies away from the other places of a report; among them,
or alone, it keeps its confidence. Truth points are from public maps.
"""

from __future__ import annotations

import pytest

from movemap import Gazetteer, Kind, Method
from movemap.gazetteer.gazetteer import DESCRIBED_KM
from movemap.sphere import haversine_km

# Places of reports the examples are set in: the Huon Gulf, the coast east of Dieppe, San
# Francisco Bay, San Diego Bay, the Hawkesbury west of Sydney.
HUON_GULF = ["Saidor", "Madang", "Finschhafen"]
DIEPPE_COAST = ["Dieppe", "Berneval", "Varengeville"]
SF_BAY = ["Alameda", "Oakland", "Vallejo"]
SAN_DIEGO_BAY = ["Coronado", "San Diego", "Imperial Beach"]
HAWKESBURY = ["Windsor", "Penrith", "Blacktown"]


@pytest.mark.parametrize(("name", "report", "kind"), [
    ("Long Island", HUON_GULF, Kind.ISLAND),  # the island of New York, not the one off Saidor
    ("Blue Beach", DIEPPE_COAST, Kind.BEACH),  # the code name of a Falklands landing beach
])
def test_a_feature_named_by_a_description_far_from_the_report_is_in_doubt(
    gazetteer: Gazetteer, name: str, report: list[str], kind: Kind,
) -> None:
    found = gazetteer.resolve_all([*report, name])[-1]
    assert found.place.kind is kind
    assert not found.best.confident and not found.confident
    assert "low confidence (far from the other places)" in found.best.flags
    # alone, nothing speaks against the only feature of that name
    assert gazetteer.resolve_all([name])[0].best.confident


def test_a_described_feature_among_its_own_neighbours_keeps_its_confidence(
    gazetteer: Gazetteer,
) -> None:
    found = gazetteer.resolve_all(["Brooklyn", "Long Island", "Hempstead", "Montauk"])[1]
    assert found.place.kind is Kind.ISLAND and found.best.confident


def test_a_lone_described_feature_in_none_of_the_others_countries_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    # the whaling station on South Georgia is not in the data; the port of Edinburgh is named
    # Leith Harbour too. The others lie apart (no main group): the lone-town rule applies.
    found = gazetteer.resolve_all(["Leith Harbour", "Iquique", "Punta Arenas"])[0]
    assert found.place.kind is Kind.PORT and found.place.country == "GB"
    assert not found.best.confident
    assert "far from every other place of the text" in found.best.reading()


def test_airports_and_named_features_far_away_keep_their_confidence(
    gazetteer: Gazetteer,
) -> None:
    # airports are listed the world over: the only one of a name is the one meant
    found = gazetteer.resolve_all([*HUON_GULF, "Spangdahlem Air Base"])[-1]
    assert found.place.kind is Kind.AIRBASE and found.best.confident
    # a country's name is its own, not a description
    assert gazetteer.resolve_all([*HUON_GULF, "Madagascar"])[-1].best.confident


@pytest.mark.parametrize(("name", "report", "truth"), [
    # the naval station in San Francisco Bay, not the town in Florida
    ("Treasure Island", SF_BAY, (37.82, -122.37)),
    # the yacht harbour of San Diego Bay, not the town on Long Island
    ("Shelter Island", SAN_DIEGO_BAY, (32.71, -117.23)),
])
def test_a_town_named_like_a_feature_away_from_the_report_is_in_doubt(
    gazetteer: Gazetteer, name: str, report: list[str], truth: tuple[float, float],
) -> None:
    found = gazetteer.resolve_all([report[0], name, *report[1:]])[1]
    place = found.place
    # the same country as the report, so the rules for places abroad say nothing
    assert place.kind is Kind.CITY and place.country == "US"
    assert haversine_km(place.lat, place.lon, *truth) > DESCRIBED_KM
    assert not found.best.confident and not found.confident
    assert "a town named like an island" in found.best.reading()
    assert "an island of that name may be meant" in found.best.reading()


def test_a_town_named_like_a_feature_among_its_neighbours_or_large_keeps_confidence(
    gazetteer: Gazetteer,
) -> None:
    # Treasure Island among its neighbours on the Gulf coast of Florida is the town
    found = gazetteer.resolve_all(["Clearwater", "Treasure Island", "St. Petersburg"])[1]
    assert found.place.admin1 == "Florida" and found.best.confident
    # a city of 100,000 or more bears its name as its own (Long Beach, 500 km from the bay)
    found = gazetteer.resolve_all([SF_BAY[0], "Long Beach", *SF_BAY[1:]])[1]
    assert found.place.kind is Kind.CITY and found.best.confident


def test_one_of_several_features_named_for_a_place_away_from_the_report_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    # among the towns of central Texas, airports named for a Richmond lie in Queensland,
    # New South Wales, South Africa and the United States, none near
    found = gazetteer.resolve_all(["Killeen", "Richmond airfield", "Waco", "Round Rock"])[1]
    assert found.best.method is Method.KIND and found.place.kind is Kind.AIRPORT
    assert not found.best.confident
    assert "one of several airports named for 'richmond'" in found.best.reading()


def test_a_base_named_in_the_air_forces_style_is_found_by_its_place(
    gazetteer: Gazetteer,
) -> None:
    # RAAF Base Richmond, by the Hawkesbury, is listed as "RAAF Base Richmond" only
    found = gazetteer.resolve_all([HAWKESBURY[0], "Richmond airfield", *HAWKESBURY[1:]])[1]
    assert found.place.kind is Kind.AIRBASE and found.best.confident
    assert haversine_km(found.place.lat, found.place.lon, -33.60, 150.78) < 5


def test_the_nearest_feature_to_a_place_away_from_the_report_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    # no air base is listed as Havelock's: the nearest airfield to the town in North Carolina
    # answers, in doubt among the towns of central Texas, confident among its neighbours
    found = gazetteer.resolve_all(["Killeen", "Havelock air base", "Waco", "Round Rock"])[1]
    assert found.best.method is Method.NEARBY and found.place.admin1 == "North Carolina"
    assert not found.best.confident
    assert "the nearest airport to a place named 'havelock'" in found.best.reading()
    found = gazetteer.resolve_all(["New Bern", "Havelock air base", "Morehead City"])[1]
    assert found.best.method is Method.NEARBY and found.best.confident


@pytest.mark.parametrize(("kind", "plural"), [("pass", "passes"), ("beach", "beaches"),
                                              ("air base", "air bases"), ("country", "countries"),
                                              ("bay", "bays")])
def test_a_doubt_names_kinds_in_the_plural_as_english_does(kind: str, plural: str) -> None:
    from movemap.gazetteer.gazetteer import _plural

    assert _plural(kind) == plural


def test_a_stand_in_feature_far_outside_a_named_country_and_its_one_town_is_in_doubt(
        gazetteer: Gazetteer) -> None:
    # one other place is too few to stray from, but the country the text names counts too:
    # an airfield in Alaska named for a bare name is no reading of a text on Iraq
    best = gazetteer.resolve_all(["Iraq", "Mosul", "Kiska"])[2].best
    assert best.place.country == "US" and not best.confident


def test_a_stand_in_feature_inside_the_named_country_keeps_its_confidence(
        gazetteer: Gazetteer) -> None:
    best = gazetteer.resolve_all(["Libya", "Tobruk", "Wheelus"])[2].best
    assert best.place.country == "LY" and best.confident


def test_a_stand_in_feature_in_the_region_but_not_among_the_places_is_in_doubt(
        gazetteer: Gazetteer) -> None:
    # Las Guasimas Airport lies 115 km from Cienfuegos and 400 km from Santiago: the text,
    # which never says "airport", may mean a place of that name the data does not know
    names = ["Cienfuegos", "Santiago de Cuba", "Siboney", "Las Guásimas", "Manzanillo"]
    best = gazetteer.resolve_all(names)[3].best
    assert best.place.kind.value == "airport" and not best.confident


def test_a_stand_in_feature_among_the_places_keeps_its_confidence(
        gazetteer: Gazetteer) -> None:
    # Wheelus Air Base lay on Tripoli's shore: among the places, it is what the text means
    best = gazetteer.resolve_all(["Tripoli", "Misrata", "Wheelus"])[2].best
    assert best.place.country == "LY" and best.confident


def test_a_near_tie_goes_to_the_reading_near_the_other_places(gazetteer: Gazetteer) -> None:
    # two villages called Zula score alike; the one on the Red Sea is a day's sail from Suez,
    # the other is in Mexico: the text's places break the tie, the answer stays in doubt
    best = gazetteer.resolve_all(["Alexandria", "Suez", "Bombay", "Zula"])[3].best
    assert best.place.country == "ER" and not best.confident
    # alone, nothing breaks it
    assert gazetteer.resolve("Zula").candidates[0].place.country == "MX"
