"""A town that a region named in the text holds wins by it, yet stands in doubt when a
namesake of its country, about as large, lies nearer the other places
(``gazetteer._doubt_held``): the region and the others' nearness disagree."""

from __future__ import annotations

from movemap.gazetteer import Gazetteer

# the river war of 1862: it began in Kentucky, and the gunboats went up the Tennessee as far
# as Florence, Alabama, near Huntsville, Decatur and Corinth
_RIVER_WAR = ["Kentucky", "Columbus", "Belmont", "Fort Henry", "Florence", "Fort Donelson",
              "Dover", "Nashville", "Shiloh", "Pittsburg Landing", "Island No. 10", "Huntsville",
              "Decatur", "Athens", "Corinth", "Memphis"]


def test_a_held_town_with_a_nearer_namesake_as_large_is_in_doubt(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(_RIVER_WAR)[4]
    assert found.place.name == "Florence"
    assert found.place.admin1 in ("Kentucky", "Alabama"), found.best.why()
    if found.place.admin1 == "Kentucky":  # (today's winner: never without a word)
        assert found.best.doubt and "Alabama" in found.best.doubt, found.best.why()
    else:  # (the town meant: clear)
        assert found.best.doubt is None, found.best.doubt


def test_a_held_town_the_others_lie_around_is_clear(gazetteer: Gazetteer) -> None:
    # Florence beside Kentucky's own towns: the region and the others agree
    found = gazetteer.resolve_all(["Kentucky", "Covington", "Newport", "Florence"])[-1]
    assert (found.place.name, found.place.admin1) == ("Florence", "Kentucky")
    assert found.best.doubt is None, found.best.doubt


def test_without_the_region_the_nearer_namesake_wins_clear(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all([n for n in _RIVER_WAR if n != "Kentucky"])[3]
    assert (found.place.name, found.place.admin1) == ("Florence", "Alabama"), found.best.why()
    assert found.best.doubt is None, found.best.doubt
