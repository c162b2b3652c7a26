"""Units a report names by an ordinal: a formation spelt out (the Second Battalion), a unit
referred back to by its ordinal alone (the Second struck off, the 82nd had dropped), and
several units named in one subject (the First and the Second Battalion reached A), each of
which then starts its next move where that clause put it."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract

PUBLISHED = date(1900, 1, 1)


def legs(text: str) -> list[tuple[str, str, str]]:
    return [(leg.origins[0].mention, leg.destination.mention, leg.unit)
            for leg in extract(text, PUBLISHED).legs]


@pytest.mark.parametrize(("named", "again", "unit"), [
    ("The Second Battalion", "The Second", "second-battalion"),
    ("The 2nd Battalion", "The 2nd", "2nd-battalion"),
    ("The 2nd Battalion", "The Second", "2nd-battalion"),
    ("The Second Battalion", "The 2nd", "second-battalion"),
    ("The 82nd Airborne Division", "The 82nd", "82nd-airborne-division"),
])
def test_a_unit_named_again_by_its_ordinal_alone_moves_on(named: str, again: str,
                                                          unit: str) -> None:
    text = (f"{named} reached Astorga on 1 January. The Third Battalion reached Leon on "
            f"2 January. {again} marched to Lugo on 5 January.")
    assert ("Astorga", "Lugo", unit) in legs(text)


def test_an_ordinal_alone_is_the_unit_of_that_ordinal_not_the_last_one() -> None:
    text = ("The 1st Battalion reached Astorga on 1 January. The 2nd Battalion reached Leon on "
            "1 January. The 1st marched to Lugo on 5 January.")
    found = legs(text)
    assert ("Astorga", "Lugo", "1st-battalion") in found
    assert all(origin != "Leon" for origin, _, _ in found)


@pytest.mark.parametrize("formation", [
    "Second Battalion", "First Squadron", "Third Regiment", "Fifth Company", "Seventh Fleet",
])
def test_a_formation_with_its_ordinal_spelt_out_is_a_unit(formation: str) -> None:
    text = (f"The {formation} reached Astorga on 1 January. It marched to Lugo on "
            "5 January.")
    assert legs(text) == [("Astorga", "Lugo", formation.lower().replace(" ", "-"))]


def test_units_named_together_are_all_where_the_clause_puts_them() -> None:
    text = ("The First Battalion and the Second Battalion reached Astorga on 1 January. The "
            "Second marched to Vigo on 3 January. The First marched to Lugo on 5 January.")
    assert legs(text) == [("Astorga", "Vigo", "second-battalion"),
                          ("Astorga", "Lugo", "first-battalion")]


@pytest.mark.parametrize("text", [
    # an ordinal before a noun, or in lower case, is not a unit named again
    ("The 1st Battalion reached Astorga on 1 January. The first trains marched to Lugo on "
     "5 January."),
    ("The 1st Battalion reached Astorga on 1 January. The first of the refugees walked to "
     "Lugo on 5 January."),
])
def test_an_ordinal_before_a_noun_is_not_a_unit(text: str) -> None:
    assert ("Astorga", "Lugo", "1st-battalion") not in legs(text)
