"""A name qualified by the area it lies in: "Paris, Texas", "Verdun, France", "Perth (Scotland)".

Analysts copy such names from indexes, addresses and captions. The qualifier decides: only
the places of the name inside that country, region or district are candidates, and when
there is none the name is not found (with the name's places elsewhere as suggestions),
never a namesake found by spelling (before: "Paris, France" was a town in the Seychelles).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.gazetteer import Gazetteer
from movemap.sphere import haversine_km

QUALIFIED = [
    # as written, truth (lat, lon): the qualifier a country by name or code, a region by
    # name or postal code, a district, in a comma or in brackets
    ("Paris, France", (48.853, 2.349)),
    ("Paris, Texas", (33.661, -95.556)),
    ("Paris, TX", (33.661, -95.556)),
    ("Verdun, France", (49.160, 5.383)),
    ("Verdun, FR", (49.160, 5.383)),
    ("Verdun (France)", (49.160, 5.383)),
    ("Verdun, Meuse", (49.160, 5.383)),
    ("Verdun (Canada)", (45.460, -73.571)),
    ("Perth, Scotland", (56.395, -3.431)),
    ("Perth, Western Australia", (-31.952, 115.861)),
    ("Springfield, Illinois", (39.802, -89.644)),
    ("Springfield, IL", (39.802, -89.644)),
    ("Springfield, Massachusetts", (42.102, -72.590)),
    ("Moscow, Idaho", (46.732, -117.000)),
    ("Moscow, Russia", (55.752, 37.618)),
    ("London, Ontario", (42.983, -81.233)),
    ("Alexandria, Virginia", (38.805, -77.047)),
    ("Alexandria, Egypt", (31.202, 29.916)),
    ("Hamilton, Scotland", (55.767, -4.033)),
    ("Stanley, Falkland Islands", (-51.694, -57.857)),
]


@pytest.mark.parametrize(("name", "truth"), QUALIFIED, ids=[q for q, _ in QUALIFIED])
def test_the_qualifier_decides_among_namesakes(gazetteer: Gazetteer, name: str,
                                               truth: tuple[float, float]) -> None:
    place = gazetteer.resolve(name).place
    assert haversine_km(place.lat, place.lon, *truth) < 10, (place.name, place.country)


def test_qualified_names_resolved_together_keep_their_qualifiers(gazetteer: Gazetteer) -> None:
    # beside Dallas the bare Paris would lean to Texas anyway; the qualified ones must not lean
    answers = gazetteer.resolve_all(["Paris, France", "Dallas", "Paris, Texas", "Perth, WA"])
    assert [a.place.country for a in answers] == ["FR", "US", "US", "AU"]
    assert answers[2].place.admin1 == "Texas"


def test_a_name_with_no_place_in_its_qualifier_is_not_found_with_its_places_elsewhere(
    gazetteer: Gazetteer,
) -> None:
    found = gazetteer.resolve("Verdun, Germany")
    assert not found.found
    assert "Verdun (France)" in found.suggestions and "Verdun (Canada)" in found.suggestions
    # a suggestion is itself a name that resolves
    place = gazetteer.resolve("Verdun (France)").place
    assert place.country == "FR" and place.admin1 == "Meuse"


def test_a_postal_abbreviation_with_dots_is_a_qualifier(gazetteer: Gazetteer) -> None:
    # "D.C." is the District of Columbia, "Washington" in it the capital, not the state
    place = gazetteer.resolve("Washington, D.C.").place
    assert haversine_km(place.lat, place.lon, 38.895, -77.036) < 10


def test_cli_reports_the_unplaced_qualified_name_and_exits_1() -> None:
    result = CliRunner().invoke(cli, ["resolve", "Paris, France", "Verdun, Germany",
                                      "--format", "json"])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert records[0]["country"] == "FR" and records[0]["name"] == "Paris"
    assert records[1]["name"] is None
    assert ("no place named 'Verdun, Germany'; did you mean: Verdun (" in result.stderr)
