"""An airfield named for a person is also found without the rank or title its official
name starts with (issue 13): reports write "Seretse Khama International Airport", the data
has "Sir Seretse Khama International Airport". Examples of our own, in no evaluation set."""

from __future__ import annotations

import pytest

from movemap import Gazetteer, Kind
from movemap.gazetteer.sources import _without_title


@pytest.mark.parametrize(("name", "expected"), [
    ("Sir Seretse Khama International Airport", ["Seretse Khama International Airport"]),
    ("Licenciado y General Ignacio Lopez Rayon Airport", ["Ignacio Lopez Rayon Airport"]),
    ("Brigadeiro Eduardo Gomes Airport", ["Eduardo Gomes Airport"]),
    ("Presidente Prudente Airport", []),  # the town's name: two words would be left
    ("San Rafael Airport", []),  # saints begin towns' names
    ("Generalissimo Airport", []),  # a word, not the title "General"
])
def test_the_title_is_taken_off_only_before_a_persons_name(name: str,
                                                           expected: list[str]) -> None:
    assert _without_title(name) == expected


@pytest.mark.parametrize(("query", "icao"), [
    ("Seretse Khama International Airport", "FBSK"),  # Gaborone; before: not found
    ("Benito Juarez International Airport", "MMMX"),  # Mexico City; before: an Argentine strip
    ("Sir Seretse Khama International Airport", "FBSK"),  # the full name still works
])
def test_an_airport_is_found_without_the_title_of_its_namesake(gazetteer: Gazetteer, query: str,
                                                               icao: str) -> None:
    place = gazetteer.resolve(query).place
    assert place.kind in (Kind.AIRPORT, Kind.AIRBASE)
    assert place.id == f"airport:{icao}"
