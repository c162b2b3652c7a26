"""A town named by the first word of a name that a particle qualifies: "Talavera" for Talavera
de la Reina, "Jerez" for Jerez de la Frontera, "Boulogne" for Boulogne-sur-Mer.

Reports of the Peninsular War write "Talavera" and "Jerez"; GeoNames lists neither short
form. A notable town's own name gives its short form as a candidate (matched with the
qualifier set aside), which the other places then choose among; a small town's name, or an
old name of a town, gives none (Königsberg in der Neumark is no rival to Kaliningrad).
"""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer


@pytest.mark.parametrize(("names", "at", "country"), [
    (["Lisbon", "Badajoz", "Talavera", "Madrid", "Salamanca"], 2, "ES"),
    (["Cadiz", "Seville", "Jerez", "Malaga"], 2, "ES"),
    (["Madrid", "Alcala", "Guadalajara", "Toledo"], 1, "ES"),
])
def test_a_short_town_name_is_the_town_among_its_neighbours(
        gazetteer: Gazetteer, names: list[str], at: int, country: str) -> None:
    found = gazetteer.resolve_all(names)[at]
    assert found.place.country == country, found.place
    assert found.place.name.lower().startswith(names[at].lower()[:4])
    assert found.place.name.lower() != names[at].lower()  # the long name, by its first word


@pytest.mark.parametrize(("names", "at", "country"), [
    # an old name of a small town (Chojna was Königsberg in der Neumark) is no short form
    (["Danzig", "Königsberg", "Memel"], 1, "RU"),
    # nor is a small town's own name (Carrizal de Bravo beside the Carrizal of 1916)
    (["Columbus", "Casas Grandes", "Carrizal", "Chihuahua"], 2, "MX"),
])
def test_no_short_form_of_a_small_town_or_an_old_name(
        gazetteer: Gazetteer, names: list[str], at: int, country: str) -> None:
    found = gazetteer.resolve_all(names)[at]
    assert found.place.country == country
    assert " " not in found.place.name or found.place.name.split()[0] != names[at]


@pytest.mark.parametrize(("names", "at", "admin1"), [
    # the Paraíba valley in 1932: Cruzeiro in São Paulo (75,000), not Cruzeiro do Oeste in
    # Paraná (24,000), though the text names Paraná among the states
    (["São Paulo", "Rio de Janeiro", "Resende", "Cruzeiro", "Lorena", "Paraná", "Santos",
      "Campinas"], 3, "São Paulo"),
])
def test_a_compass_qualified_town_is_not_its_namesakes_short_form(
        gazetteer: Gazetteer, names: list[str], at: int, admin1: str) -> None:
    """A town named "X do Oeste" (or "X del Norte", "X-Ost") is so named to be told from a
    town X of its country: the bare name is that town's, the qualified one found only by
    its first word does not take it."""
    found = gazetteer.resolve_all(names)[at]
    assert found.place.name == names[at], found.place
    assert found.place.admin1 == admin1


def test_a_compass_qualified_town_keeps_the_name_among_its_neighbours(
        gazetteer: Gazetteer) -> None:
    # beside Umuarama (40 km away) and Curitiba, Cruzeiro is Cruzeiro do Oeste
    found = gazetteer.resolve_all(["Cruzeiro", "Curitiba", "Paraná", "Umuarama"])[0]
    assert found.place.name == "Cruzeiro do Oeste"


@pytest.mark.parametrize(("names", "at", "admin1"), [
    # Lerdo, Durango, beside Torreón; not Lerdo de Tejada, in the state of Veracruz that
    # the list also names: a name read by its first words alone is no town of a region
    # named with it
    (["Gómez Palacio", "Lerdo", "Torreón", "Veracruz", "Tampico", "Zacatecas"],
     (25.54, -103.52), "Durango"),
    (["Lerdo", "Torreón", "Veracruz"], (25.54, -103.52), "Durango"),
])
def test_a_region_named_lifts_no_town_read_by_part_of_its_name(
        gazetteer: Gazetteer, names: list[str], at: tuple[float, float], admin1: str) -> None:
    found = gazetteer.resolve_all(names)[names.index("Lerdo")].best.place
    assert found.admin1 == admin1
    assert abs(found.lat - at[0]) < 0.1 and abs(found.lon - at[1]) < 0.1


def test_a_name_written_as_one_word_finds_the_town_named_in_two(gazetteer: Gazetteer) -> None:
    # Montecristi: a town of Ecuador by that spelling; San Fernando de Monte Cristi, the
    # Dominican port, by another name written in two words. The other names choose.
    names = ["Santo Domingo", "Puerto Plata", "Montecristi", "Santiago de los Caballeros"]
    found = gazetteer.resolve_all(names)[2].best.place
    assert found.country == "DO" and abs(found.lat - 19.85) < 0.1
    assert gazetteer.resolve("Montecristi").best.place.country == "EC"
    names = ["Guayaquil", "Manta", "Montecristi", "Portoviejo"]
    assert gazetteer.resolve_all(names)[2].best.place.country == "EC"


@pytest.mark.parametrize(("name", "country"), [
    # a city alone keeps its name against an area or a syllable reading written in words
    ("Christchurch", "NZ"), ("Rionegro", "CO"), ("Qingzhou", "CN"),
    # a town that bears a country's name written in two words is the town
    ("Monte Negro", "BR"),
])
def test_a_name_alone_is_not_an_area_or_a_syllable_reading(gazetteer: Gazetteer, name: str,
                                                           country: str) -> None:
    found = gazetteer.resolve_all([name])[0]
    assert found.best.place.country == country and found.best.confident


@pytest.mark.parametrize(("names", "index", "name", "country"), [
    # a one-word name written for a town named in two words, among its neighbours
    (["Pelotas", "Riogrande", "Porto Alegre"], 1, "Rio Grande", "BR"),
    (["Santacruz", "Cochabamba", "Sucre"], 0, "Santa Cruz de la Sierra", "BO"),
])
def test_a_town_named_in_two_words_written_as_one_among_its_neighbours(
        gazetteer: Gazetteer, names: list[str], index: int, name: str, country: str) -> None:
    found = gazetteer.resolve_all(names)[index].best.place
    assert (found.name, found.country) == (name, country)
