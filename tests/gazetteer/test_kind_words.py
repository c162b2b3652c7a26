"""Names that say their kind, read as a rule: the words for a bridge by what it carries, a
training ground as translations write it, an article the report leaves out, and the fallback
to X itself only where the report is (issue 13).

The examples are the module's own, not those of the evaluation sets.
"""

from __future__ import annotations

import pytest

from movemap import Gazetteer, Kind, Method
from movemap.gazetteer.normalize import kind_phrase


@pytest.mark.parametrize(("key", "cls", "base"), [
    ("nijmegen railway bridge", "bridge", "nijmegen"),
    ("worms road bridge", "bridge", "worms"),
    ("dnipro pontoon bridge", "bridge", "dnipro"),
    ("yavoriv polygon", "site", "yavoriv"),
    ("kakuma refugee camp", "site", "kakuma"),
    ("anzio beachhead", "beach", "anzio"),
    ("mykolaiv shipyard", "port", "mykolaiv"),
    ("kaniv гребля", "power", "kaniv"),
])
def test_kind_words(key: str, cls: str, base: str) -> None:
    assert kind_phrase(key) == (cls, base)


@pytest.mark.parametrize(("name", "town", "context"), [
    ("Dresden railway bridge", "Dresden", ["Leipzig", "Chemnitz"]),
    ("Worms road bridge", "Worms", ["Mannheim", "Darmstadt"]),
])
def test_a_bridge_named_by_what_it_carries_is_a_bridge_at_x(
    gazetteer: Gazetteer, name: str, town: str, context: list[str],
) -> None:
    # before: unresolved ("Nijmegen railway" is no place); no such bridge is known, so the
    # answer is X itself, flagged
    for found in (gazetteer.resolve(name), gazetteer.resolve_all([name, *context])[0]):
        assert found.place.name == town and found.best.method is Method.FALLBACK
        assert not found.best.confident
        assert f"no bridge known at or near {town}" in found.best.reading()


def test_polygon_is_a_training_ground(gazetteer: Gazetteer) -> None:
    # before: unresolved, suggesting the training ground
    found = gazetteer.resolve("Yavoriv polygon")
    assert found.place.name == "Yavoriv training ground" and found.best.method is Method.KIND


@pytest.mark.parametrize(("name", "country", "kind"), [
    ("Asad air base", "IQ", Kind.AIRBASE),  # Al Asad Air Base
    ("Udeid air base", "QA", Kind.AIRBASE),  # Al Udeid Air Base
])
def test_a_feature_is_found_without_the_article_of_its_name(
    gazetteer: Gazetteer, name: str, country: str, kind: Kind,
) -> None:
    found = gazetteer.resolve(name)
    assert (found.place.country, found.place.kind) == (country, kind), found.best.why()
    assert found.best.method is Method.KIND and found.best.confident


@pytest.mark.parametrize(("name", "context"), [
    ("Green Beach", ["Dieppe", "Rouen"]),  # was Green, Ohio
    ("Red Beach", ["Dieppe", "Rouen", "Le Havre", "Caen"]),  # was Red, India
])
def test_a_fallback_is_never_a_town_elsewhere(
    gazetteer: Gazetteer, name: str, context: list[str],
) -> None:
    found = gazetteer.resolve_all([name, *context])[0]
    assert not found.found and found.suggestions
    # alone there is no report to be near: X itself, flagged
    alone = gazetteer.resolve(name).best
    assert alone.method is Method.FALLBACK and not alone.confident


@pytest.mark.parametrize(("name", "town", "context"), [
    ("Patong Beach", "Patong", ["Phuket", "Krabi"]),
    ("Kakuma refugee camp", "Kakuma", ["Lodwar", "Lokichogio"]),
    ("Rimini beachhead", "Rimini", ["Ravenna", "Cesena", "Bologna"]),
])
def test_a_fallback_where_the_report_is_stays(
    gazetteer: Gazetteer, name: str, town: str, context: list[str],
) -> None:
    found = gazetteer.resolve_all([name, *context])[0].best
    assert found.place.name == town and found.method is Method.FALLBACK
    assert not found.confident


def test_a_fallback_does_not_pull_the_other_names(gazetteer: Gazetteer) -> None:
    # "Sea Island" falls back to a town in the US: it must not make Manila the one in the US
    sea, manila = gazetteer.resolve_all(["Sea Island", "Manila"])
    assert sea.best.method is Method.FALLBACK
    assert manila.place.country == "PH" and manila.best.confident


@pytest.mark.parametrize(("name", "icao"), [
    ("Bergen-Flesland", "ENBR"),  # the feature word is part of the airport's own name
    ("Milan-Malpensa", "LIMC"),  # 40 km from the town it names
    ("Moscow-Vnukovo", "UUWW"),  # the feature known by the bare word
])
def test_an_airport_named_as_town_and_feature_is_that_airport(
    gazetteer: Gazetteer, name: str, icao: str,
) -> None:
    found = gazetteer.resolve(name)
    assert found.place.kind is Kind.AIRPORT and found.best.method is Method.KIND
    assert found.place.id == f"airport:{icao}"


@pytest.mark.parametrize(("name", "icao"), [
    ("Arlanda airport", "ESSA"),  # Stockholm-Arlanda Airport: the town before a hyphen
    ("Parchim airport", "EDOP"),  # Schwerin Parchim Airport: the table names no town served
])
def test_an_airport_named_town_then_locality_is_known_by_the_locality(
    gazetteer: Gazetteer, name: str, icao: str,
) -> None:
    assert gazetteer.resolve(name).place.id == f"airport:{icao}"


def test_town_international_is_the_towns_own_international_airport(
    gazetteer: Gazetteer,
) -> None:
    found = gazetteer.resolve("Winnipeg International")
    assert found.place.id == "airport:CYWG" and found.best.method is Method.KIND


def test_town_international_is_not_another_towns_airport_nearby(gazetteer: Gazetteer) -> None:
    # Cork Airport's name lacks the word; Mallow's airstrip, 30 km away, has it
    found = gazetteer.resolve("Cork International")
    assert not found.found or "Mallow" not in found.place.name


def test_a_town_and_a_word_no_feature_near_it_bears_is_no_airport(
    gazetteer: Gazetteer,
) -> None:
    found = gazetteer.resolve("Bergen-Xqzzyv")
    assert not found.found or found.place.kind not in (Kind.AIRPORT, Kind.AIRBASE)


@pytest.mark.parametrize(("key", "cls", "base"), [
    ("raf marham", "air", "marham"),                  # the air forces' own style, before
    ("raaf base williamtown", "air", "williamtown"),
    ("coningsby military air base", "air", "coningsby"),
])
def test_kind_words_before_the_name(key: str, cls: str, base: str) -> None:
    assert kind_phrase(key) == (cls, base)


def test_a_base_in_the_air_forces_style_is_found_by_its_bare_name(gazetteer: Gazetteer) -> None:
    # "RAF Marham" is known by "Marham" too: the village's base, a reading of the name
    found = gazetteer.resolve_all(["Marham", "Coningsby"])[0]
    assert any(c.place.kind is Kind.AIRBASE and c.place.name == "RAF Marham"
               for c in found.candidates)


@pytest.mark.parametrize(("key", "base"), [
    ("grissom arb", "grissom"),                       # Air Reserve Base
    ("hanscom air reserve base", "hanscom"),
    ("pease angb", "pease"),                          # Air National Guard Base
    ("hunter aaf", "hunter"),                         # Army Air Field
])
def test_the_american_abbreviations_of_air_bases_are_kind_words(key: str, base: str) -> None:
    assert kind_phrase(key) == ("air", base)


def test_a_reserve_base_is_found_by_its_abbreviation_and_is_a_base(gazetteer: Gazetteer) -> None:
    # before: "Grissom Arb Airport" was an airport, found by no "X air base"
    found = gazetteer.resolve("Grissom ARB")
    assert found.place.kind is Kind.AIRBASE and found.place.country == "US"


def test_a_list_of_fields_in_the_old_style_is_the_air_bases_they_became(
    gazetteer: Gazetteer,
) -> None:
    # "X Field" is how the United States named its military airfields before 1947 (Luke
    # Field is Luke AFB); a civil "Vance Field" elsewhere does not take the name from the list
    names = ["Luke Field", "Vance Field", "Tinker Field", "Offutt Field", "Davis-Monthan Field"]
    for found in gazetteer.resolve_all(names):
        assert found.place.kind is Kind.AIRBASE and found.place.country == "US", found.query
        assert found.confident, found.query


def test_a_field_named_like_a_civil_one_and_a_base_is_in_doubt_alone(
    gazetteer: Gazetteer,
) -> None:
    # "Scott Field" is a civil airfield's name and Scott AFB's old one: alone, not confident
    assert not gazetteer.resolve("Scott Field").confident

