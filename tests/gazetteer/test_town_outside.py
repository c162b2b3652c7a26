"""A region found by its bare name loses the lead its kind gives it to a town of its own
country, outside it, that bears the name exactly and is at least as populous as the whole
region (part ``town outside`` of ``ranking._town_abroad_larger``): ``Vientiane`` is the
capital, not Vientiane Province to its north; ``Skopje`` the city, not the region."""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer


@pytest.mark.parametrize(("names", "country"), [
    (["Vientiane"], "LA"),
    (["Vientiane", "Pakxan", "Thakhek"], "LA"),
    (["Skopje"], "MK"),
    (["Santo Domingo"], "DO"),
])
def test_a_town_larger_than_its_namesake_region_takes_the_name(
        gazetteer: Gazetteer, names: list[str], country: str) -> None:
    found = gazetteer.resolve_all(names)[0]
    assert (found.place.kind.value, found.place.country) == ("city", country), found.best.why()


def test_the_capital_beside_lao_towns_is_not_in_doubt(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["Vientiane", "Pakxan", "Thakhek"])[0]
    assert not found.ambiguous and found.best.doubt is None, found.best.why()
    assert found.place.population and found.place.population > 500_000


@pytest.mark.parametrize("name", ["Texas", "Victoria", "Bavaria"])
def test_a_region_larger_than_every_town_of_its_name_keeps_it(gazetteer: Gazetteer,
                                                              name: str) -> None:
    assert gazetteer.resolve(name).place.kind.value == "region"


def test_a_town_outside_with_the_name_spelled_otherwise_leaves_the_region_in_doubt(
        gazetteer: Gazetteer) -> None:
    # Sühbaatar, the border town on the railway to Russia (22,700), bears "Sükhbaatar" as
    # another spelling of its name; the province of that name counts 18,200 in its towns
    found = gazetteer.resolve("Sükhbaatar")
    assert found.ambiguous or found.place.kind.value == "city", found.best.why()
    assert any(c.place.kind.value == "city" and c.place.admin1 == "Selenge"
               for c in found.candidates[:2])
