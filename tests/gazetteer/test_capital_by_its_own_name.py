"""A national capital that bears a name as its own goes before a town that bears it only as
another of its names (``ranking._capital_by_its_own_name``): ``Dili`` is Timor-Leste's
capital, not Delhi, which GeoNames also calls so; unless the other places of the text lie
close around that town."""

from __future__ import annotations

from movemap.gazetteer import Gazetteer


def test_a_capital_by_its_own_name_beats_another_name_of_a_larger_town(
        gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Dili")
    assert (found.place.name, found.place.country) == ("Dili", "TL"), found.best.why()
    assert found.best.doubt  # Delhi is far larger: said


def test_places_close_around_the_larger_town_keep_it(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["Dili", "Agra", "Meerut", "Lucknow"])[0]
    assert found.place.country == "IN", found.best.why()


def test_a_capital_does_not_displace_a_town_of_that_very_name(gazetteer: Gazetteer) -> None:
    # Tripoli in Lebanon bears its name as its own too: the rule is for other names only
    assert gazetteer.resolve("Kingston").place.country == "JM"
    assert gazetteer.resolve("Tripoli").place.country in ("LY", "LB")


def test_a_small_capital_does_not_take_an_old_name_of_a_port(gazetteer: Gazetteer) -> None:
    # Kingstown beside Liverpool is Dún Laoghaire's old name, not St Vincent's capital
    found = gazetteer.resolve_all(["Liverpool", "Kingstown"])[1]
    assert found.place.country == "IE", found.best.why()
