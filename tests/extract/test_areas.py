"""Areas as ends of a leg: regions, seas and macro-regions the gazetteer resolves (issue 17)."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract
from movemap.gazetteer import Kind
from tests.extract.legs import ends


@pytest.mark.parametrize(("text", "pair"), [
    ("The 40th Brigade was moved from Smolensk into Crimea in April.", ("Smolensk", "Crimea")),
    ("A Swedish battalion moved to Gotland from Stockholm.", ("Stockholm", "Gotland")),
    ("The frigate left Kiel for the Baltic Sea on Friday.", ("Kiel", "Baltic Sea")),
    ("Two regiments were flown from Perm to Siberia in March.", ("Perm", "Siberia")),
    ("The corps pulled back from the Donbas to Poltava.", ("Donbas", "Poltava")),
])
def test_a_region_or_a_sea_is_an_end(text: str, pair: tuple[str, str]) -> None:
    draft = extract(text, date(2024, 6, 1))
    assert ends(draft) == [([pair[0]], pair[1])]


def test_a_region_named_with_its_kind_word_is_the_region_not_its_capital() -> None:
    draft = extract("Two brigades crossed into the Belgorod region from the Sumy region on "
                    "Monday.", date(2024, 6, 1))
    kinds = {p.mention: p.place.kind for p in draft.places}
    assert kinds == {"Belgorod": Kind.REGION, "Sumy": Kind.REGION}
    assert ends(draft) == [(["Sumy"], "Belgorod")]


def test_a_list_of_names_before_regions_are_regions() -> None:
    draft = extract("Units were moved from the Tambov and Penza regions to Saratov.",
                    date(2024, 6, 1))
    assert {p.mention: p.place.kind for p in draft.places if p.mention != "Saratov"} == {
        "Tambov": Kind.REGION, "Penza": Kind.REGION}


def test_a_place_after_the_possessive_of_a_country_is_found() -> None:
    # "Russia's Kursk" once made Kursk the second word of a person's name, for the whole report
    draft = extract("Ukrainian units pushed into Russia's Belgorod region. Later the units "
                    "withdrew from the Belgorod region to Kharkiv.", date(2024, 6, 1))
    assert [p.mention for p in draft.places].count("Belgorod") == 2
    assert ends(draft) == [(["Belgorod"], "Kharkiv")]


def test_a_town_in_a_region_says_where_in_it_the_move_ended() -> None:
    draft = extract("The battalion moved from Rostov into Crimea at Dzhankoi.", date(2024, 6, 1))
    assert ends(draft) == [(["Rostov"], "Dzhankoi")]


@pytest.mark.parametrize("text", [
    "Russian forces near the Latvian border moved to Pskov.",
    "Turkish and Syrian troops were seen near Kobani.",
    # people's words of other shapes than -ish, -ian, -ese, -ine
    "He found Major Marchand at Fashoda with eight French officers and 120 soldiers.",
    "The Dutch garrison marched from Arnhem to Nijmegen.",
])
def test_demonyms_and_attributive_uses_are_no_ends(text: str) -> None:
    draft = extract(text, date(2024, 6, 1))
    assert not any(p.place.areal for p in draft.places)
    assert all(not leg.origins or not leg.origins[0].place.areal for leg in draft.legs)


def test_the_draft_flags_area_ends() -> None:
    data = extract("The marines sailed from Bilbao into the Bay of Biscay.",
                   date(2024, 6, 1)).to_dict()
    assert data["legs"][0]["area_ends"] == ["Bay of Biscay"]
    kinds = {p["mention"]: (p["kind"], p["area"]) for p in data["places"]}
    assert kinds == {"Bilbao": ("city", False), "Bay of Biscay": ("macro-region", True)}


@pytest.mark.parametrize(("text", "pair"), [
    ("The carrier group was ordered from Norfolk to Rota.", ("Norfolk", "Rota")),
    ("The flotilla sailed from Malta and arrived off Tripoli two days later.",
     ("Malta", "Tripoli")),
])
def test_ordered_from_and_arriving_off(text: str, pair: tuple[str, str]) -> None:
    assert ends(extract(text, date(2024, 6, 1))) == [([pair[0]], pair[1])]



@pytest.mark.parametrize(("text", "pair"), [
    # an aircraft carrier is a ship, a force that moves, not aircraft (which are no leg)
    ("The aircraft carrier Garibaldi has been ordered from Cadiz to the Ionian Sea.",
     ("Cadiz", "Ionian Sea")),
    ("Two aircraft carriers sailed from Cadiz to Souda Bay on Monday.", ("Cadiz", "Souda")),
    # the port a ship leaves named as its home port (left its home port of X for Y)
    ("The frigate left its home port of Cadiz on Friday for the Aegean Sea.",
     ("Cadiz", "Aegean Sea")),
])
def test_a_ship_sailing_to_a_sea(text: str, pair: tuple[str, str]) -> None:
    found = ends(extract(text, date(2024, 6, 1)))
    assert len(found) == 1
    assert pair[0] in found[0][0][0] and pair[1] in found[0][1]


def test_aircraft_alone_are_still_no_leg() -> None:
    assert ends(extract("Forty aircraft were flown from Cadiz to Seville on Monday.",
                        date(2024, 6, 1))) == []
