"""Names in the slots of a move that the name matcher does not hold (issue 17, round 12).

A capitalised name standing where a move starts, passes or ends (``from X``, ``to X``,
``took X``) that the gazetteer's index does not know exactly is looked up whole by the
resolver (another romanisation, a feature known by its kind); the reading is kept only when
it lies within ``LOOSE_KM`` of a place the report names exactly. Also the guards on
readings that are no places (a people's adjective, an ordinary word after "the", a small
namesake far from the report's places). Sentences and names of our own (none of them in an
evaluation report's places).
"""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract
from movemap.extract.report import LONELY_KM, LOOSE_KM, _named_for
from movemap.gazetteer import default_gazetteer
from movemap.sphere import haversine_km

from .legs import ends

DAY = date(1944, 6, 1)


@pytest.mark.parametrize(("text", "name", "known_as"), [
    # another romanisation of a town near the other end
    ("The regiment moved from Uzhgorod to Mihalovtse on 4 May.", "Mihalovtse", "Michalovce"),
    # a feature the gazetteer knows by its kind (an airfield named for a village)
    ("The transport squadron flew from Dibrugarh to Dinjan on 4 May.", "Dinjan",
     "Dinjan Airfield"),
])
def test_a_slot_name_the_matcher_lacks_is_read_by_the_resolver(text: str, name: str,
                                                               known_as: str) -> None:
    draft = extract(text, DAY)
    found = {p.mention: p for p in draft.places}
    assert found[name].place.name == known_as
    assert found[name].confidence < 0.9  # a loose reading: the analyst checks it
    assert [leg.destination.mention for leg in draft.legs] == [name]


def test_a_slot_name_read_far_from_the_reports_places_is_no_place() -> None:
    # the same reading, 10,000 km from the only other place: a guess, not the place meant
    draft = extract("The regiment moved from Temuco to Mihalovtse on 4 May.", DAY)
    assert [p.mention for p in draft.places] == ["Temuco"]
    assert draft.legs == ()
    temuco, michalovce = (-38.74, -72.6), (48.75, 21.92)
    assert haversine_km(*temuco, *michalovce) > LOOSE_KM


def test_a_slot_name_passes_the_guards_of_every_name() -> None:
    # a name before "troops" says whose troops (the demonym guard), in a slot or not
    draft = extract("The convoy drove from Uzhgorod to Mihalovtse troops waiting at the "
                    "river.", DAY)
    assert [p.mention for p in draft.places] == ["Uzhgorod"]


@pytest.mark.parametrize("text", [
    "The battalion took Baligrod on 4 May and advanced to Lesko.",
    "The battalion took the village of Baligrod on 4 May and advanced to Lesko.",
    "A company captured Baligrod on 4 May and advanced to Lesko.",
])
def test_a_small_town_as_the_object_of_a_move_is_a_place(text: str) -> None:
    # Baligród has 1,500 people: the matcher leaves it out, the slot finds it
    draft = extract(text, DAY)
    assert "Baligrod" in [p.mention for p in draft.places]
    assert [([o.mention for o in leg.origins], leg.destination.mention)
            for leg in draft.legs][-1:] == [(["Baligrod"], "Lesko")]


def test_a_peoples_adjective_before_a_noun_is_no_place() -> None:
    # "English" is a town's name too, but the gazetteer reads it as England (a demonym):
    # before a noun, attribution, not an end
    draft = extract("The small English garrison withdrew toward Baligrod on 4 May.", DAY)
    assert [p.mention for p in draft.places] == ["Baligrod"]


def test_an_ordinary_word_after_the_is_no_feature() -> None:
    # "State" is an ordinary word; after "the" it names no State Airport
    draft = extract("The raiders crossed into the State from Lesko on 4 May.", DAY)
    assert "State" not in [p.mention for p in draft.places]


def test_a_garrison_named_in_a_slot_is_its_airfield() -> None:
    # the data knows Fort Leavenworth only as another name of the post's airfield
    draft = extract("The columns left Fort Leavenworth in late June and followed the Santa Fe "
                    "Trail to Bent's Fort.", date(1846, 9, 1))
    assert ends(draft) == [(["Fort Leavenworth"], "Bent's Fort")]
    assert draft.legs[0].origins[0].place.name == "Sherman Army Air Field"


def test_a_site_movemap_lists_by_an_ordinary_word_is_found_after_the() -> None:
    # a curragh is a boat, and "the Curragh" the army camp in Kildare that movemap's own
    # list names so: the word after "the" is the camp
    draft = extract("Reinforcements from the Curragh reached Dublin by train on Monday night.",
                    date(1916, 4, 26))
    assert ends(draft) == [(["Curragh"], "Dublin")]


def places(text: str) -> list[str]:
    return [p.mention for p in extract(text, DAY).places]


def test_a_small_town_far_from_the_reports_other_places_is_a_namesake() -> None:
    # Tonopah (Nevada, 2,500 people) is 9,000 km from the two towns the report moves
    # between: the report's own Tonopah is a place the gazetteer lacks
    assert LONELY_KM < 9_000
    assert places("A company moved from Lesko to Baligrod on 4 May. Its scouts reached "
                  "Tonopah on 6 May.") == ["Lesko", "Baligrod"]
    # a city of 20,000 or more that far is kept (reports name far places by such)
    assert "Elko" in places("A company moved from Lesko to Baligrod on 4 May. The regiment "
                            "then flew from Baligrod to Elko.")


@pytest.mark.parametrize("text, first", [
    ("The battalion flew from Catterick to Fallujah on 3 May, then drove to Haditha and "
     "Tikrit.", ("Catterick", "Fallujah")),
    ("The brigade left Baumholder on 3 May and flew to Baghdad, then drove to Samarra and "
     "Tikrit.", ("Baumholder", "Baghdad")),
])
def test_a_small_home_garrison_far_from_the_theatre_is_kept(text: str,
                                                            first: tuple[str, str]) -> None:
    # a garrison town of a few thousand people, thousands of km from where the move goes: it
    # is where the move sets out, not a namesake, and the legs after it stay
    legs = [(leg.origins[0].mention, leg.destination.mention) for leg in extract(text, DAY).legs]
    assert legs[0] == first and len(legs) == 3


def test_places_that_all_lie_apart_are_kept() -> None:
    # two places a continent apart: none is far from a group of the others
    assert places("The regiment flew from Tonopah to Lesko on 4 May.") == ["Tonopah", "Lesko"]


@pytest.mark.parametrize("site", ["Harper's Crossing", "Harper's Drift", "Harper’s Ranch"])
def test_the_possessor_in_a_sites_name_is_no_place(site: str) -> None:
    # Harper is a town's name, but "Harper's Crossing" names a site the gazetteer lacks
    assert places(f"The column marched from Lesko to {site} on 4 May.") == ["Lesko"]


@pytest.mark.parametrize("title", ["Lord", "Admiral", "Sir"])
def test_a_titled_name_is_a_person_then_and_later(title: str) -> None:
    # Sheridan is a town's name; after a title, and later in the report alone, a person
    assert places(f"{title} Sheridan's column left Lesko on 4 May. On 5 May Sheridan's men "
                  "reached Baligrod.") == ["Lesko", "Baligrod"]


def test_a_feature_read_by_its_kind_must_bear_the_name() -> None:
    # the resolver may read a name as a feature of a kind nearby; a slot name keeps such a
    # reading only when the feature's own name holds the name's words
    airfield = default_gazetteer().resolve("Dinjan").place
    assert _named_for(airfield, "Dinjan")
    assert not _named_for(airfield, "Dibrugarh")
    assert not _named_for(airfield, "Din")


@pytest.mark.parametrize(("text", "origin"), [
    # a country by a former name written in two words: the area, however far
    ("Several hundred volunteers crossed into Palestine from Trans-Jordan in August.",
     "Trans-Jordan"),
    # a province by an old romanisation of its name
    ("The Northern Expedition's columns marched from Hunan into Kiangsi in September.",
     "Hunan"),
])
def test_an_area_named_otherwise_in_a_slot_is_an_end(text: str, origin: str) -> None:
    (leg,) = extract(text, date(1936, 9, 8)).legs
    assert [o.mention for o in leg.origins] == [origin]
