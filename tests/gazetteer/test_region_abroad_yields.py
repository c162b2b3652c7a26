"""A region found by its bare name, in none of the other places' countries and in no country
the text names, yields to a town of the exact name in one of them
(``ranking._region_abroad_yields``), in doubt; a region among its own country's places keeps
the name."""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer


@pytest.mark.parametrize(("names", "country"), [
    # the Armada's survivors put into Santander: the Spanish port, not the Colombian department
    (["Spanish", "Lisbon", "Corunna", "Plymouth", "Calais", "Dunkirk", "Ireland", "Santander"],
     "ES"),
])
def test_a_town_among_the_texts_countries_takes_the_name_from_a_region_abroad(
        gazetteer: Gazetteer, names: list[str], country: str) -> None:
    found = gazetteer.resolve_all(names)[-1]
    assert found.place.kind.value == "city", found.best.why()
    assert found.place.country == country, found.best.why()
    # said, naming the region passed over: the town meant may be yet another of the name
    assert found.best.doubt and "region of that name" in found.best.doubt


@pytest.mark.parametrize(("names", "country"), [
    (["Iquitos", "Lima", "Loreto"], "PE"),
    (["Bogotá", "Cúcuta", "Santander"], "CO"),
    (["Melbourne", "Geelong", "Victoria"], "AU"),
])
def test_a_region_among_its_own_countrys_places_keeps_the_name(
        gazetteer: Gazetteer, names: list[str], country: str) -> None:
    found = gazetteer.resolve_all(names)[-1]
    assert found.place.kind.value == "region", found.best.why()
    assert found.place.country == country


def test_a_town_under_a_twentieth_of_the_region_does_not_take_the_name(
        gazetteer: Gazetteer) -> None:
    # Victoria, Romania (7,000) beside Romanian cities: the Australian state stays first, in
    # doubt (a village does not outweigh a state of six million by its country alone)
    found = gazetteer.resolve_all(["Bucharest", "Ploiești", "Brașov", "Victoria"])[-1]
    assert (found.place.kind.value, found.place.country) == ("region", "AU"), found.best.why()
    assert found.best.doubt


def test_a_bare_region_name_alone_is_still_the_region(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Santander")
    assert (found.place.kind.value, found.place.country) == ("region", "CO"), found.best.why()


def test_a_town_among_two_of_the_other_places_takes_the_name_in_doubt(
        gazetteer: Gazetteer) -> None:
    # Florida, Camagüey (60,000) lies between Camagüey and Ciego de Ávila: the Cuban town, in
    # doubt, not the US state (which won without a word)
    found = gazetteer.resolve_all(["Camagüey", "Ciego de Ávila", "Florida"])[-1]
    assert (found.place.kind.value, found.place.country) == ("city", "CU"), found.best.why()
    assert found.best.doubt


@pytest.mark.parametrize("names", [
    # a hamlet near the one other place (Normandy, Surrey, beside Southampton or Aldershot;
    # Texas hamlets of Mexico beside San Luis Potosí) does not take the region's name
    ["Southampton", "Normandy"], ["Aldershot", "Normandy"], ["Portsmouth", "Southampton",
                                                              "Normandy"],
    ["San Luis Potosí", "Saltillo", "Texas"], ["Torreón", "California"],
])
def test_a_village_near_the_other_places_leaves_the_region_its_name(
        gazetteer: Gazetteer, names: list[str]) -> None:
    assert gazetteer.resolve_all(names)[-1].place.kind.value == "region"
