"""A bare name that no place bears but a feature is named for (issue 13): the feature.

Islands, reefs and landings of reports are often known to the data only by the airfield or
the port named for them (``Kiska Army Airfield``, ``Amchitka Army Airfield``). The bare name finds
that feature before any town spelled like it elsewhere; it stands in for the place, so it
pulls no other name of a report, and away from them it is in doubt. Truth points are from
public maps.
"""

from __future__ import annotations

import pytest

from movemap import Gazetteer, Kind, Method
from movemap.sphere import haversine_km


@pytest.mark.parametrize(("name", "truth"), [
    ("Kiska", (51.98, 177.53)),  # the Aleutian island, by its wartime airfield
    ("Amchitka", (51.38, 179.27)),  # the Aleutian island, by its wartime airfield
])
def test_a_bare_name_no_town_bears_is_the_feature_named_for_it(
    gazetteer: Gazetteer, name: str, truth: tuple[float, float],
) -> None:
    found = gazetteer.resolve(name)
    assert found.best.method is Method.KIND
    assert found.place.kind in (Kind.AIRPORT, Kind.AIRBASE)
    assert haversine_km(found.place.lat, found.place.lon, *truth) < 20
    assert found.best.confident
    # among its neighbours too
    together = gazetteer.resolve_all(["Adak", "Shemya", name])[-1]
    assert together.place.id == found.place.id and together.best.confident


def test_the_place_itself_comes_before_a_feature_named_for_it(gazetteer: Gazetteer) -> None:
    # Corregidor, the island in Manila Bay, is in the curated overlay beside its airstrip
    for found in (gazetteer.resolve("Corregidor"),
                  gazetteer.resolve_all(["Mariveles", "Cavite", "Corregidor"])[-1]):
        assert found.place.kind is Kind.ISLAND and found.best.method is Method.NAME
        assert haversine_km(found.place.lat, found.place.lon, 14.38, 120.57) < 5
        assert found.best.confident


def test_a_town_of_the_name_comes_before_a_feature_named_for_it(gazetteer: Gazetteer) -> None:
    # Misawa is a town of Aomori as well as the air base named for it
    found = gazetteer.resolve("Misawa")
    assert found.place.kind is Kind.CITY and found.best.method is Method.NAME


def test_a_stand_in_away_from_the_report_is_in_doubt_and_pulls_no_other_name(
    gazetteer: Gazetteer,
) -> None:
    # Las Guásimas, where the Rough Riders fought on the road to Santiago in June 1898, is not
    # in the data; an airport in Sancti Spíritus, 400 km west, bears the name. It stands in, in
    # doubt, and leaves the other names where they were without it. (Pittsburg Landing, the
    # example before, is now a curated site by Shiloh.)
    report = ["Santiago de Cuba", "Siboney"]
    found = gazetteer.resolve_all([report[0], "Las Guásimas", *report[1:]])
    stand_in = found[1]
    assert stand_in.best.method is Method.KIND and stand_in.place.admin1 == "Sancti Spíritus"
    assert not stand_in.best.confident
    assert "an airport named for 'Las Guásimas'" in stand_in.best.reading()
    without = gazetteer.resolve_all(report)
    assert [r.place.id for r in (found[0], *found[2:])] == [r.place.id for r in without]
    assert found[0].place.admin1 == "Santiago de Cuba"
