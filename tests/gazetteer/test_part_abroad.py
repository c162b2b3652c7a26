"""A side of an area named by a compass word ("East Flores") is a name movemap makes, not one
a place bears: found abroad, far from every other place of the text and in a country it
names nowhere else, it is in doubt, not a confident answer."""

from __future__ import annotations

from movemap.gazetteer import Gazetteer


def test_a_side_of_an_area_abroad_far_from_the_text_is_in_doubt(gazetteer: Gazetteer) -> None:
    # Cyclone Seroja in Indonesia's Lesser Sunda islands: "East Flores" (a regency of the
    # island of Flores) read as the eastern part of Uruguay's Flores department
    names = ["East Nusa Tenggara", "Adonara", "East Flores", "Lembata", "Alor", "Kupang",
             "Indonesia", "Timor-Leste", "Dili"]
    found = gazetteer.resolve_all(names)[2]
    assert not found.found or found.place.country == "ID" or found.best.doubt, found.best.why()


def test_a_side_of_an_area_among_its_own_countrys_places_is_clear(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["Kharkiv", "Izium", "eastern Ukraine"])[2]
    assert found.place.country == "UA", found.best.why()
    assert found.best.doubt is None, found.best.doubt
