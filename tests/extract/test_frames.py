"""Motion frames read from the words around a place, on sentences of our own (issue 17).

The places (Kielce, Tarnów, Gdynia, Pärnu, Opole) occur in no report of the evaluation
corpus: each test stands for a class of sentence, not for a corpus sentence.
"""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract


def pairs(text: str) -> set[tuple[str, str]]:
    """The (origin, destination) mentions of every leg read from ``text``."""
    draft = extract("Report\n\n" + text, date(1951, 6, 1))
    return {(o.mention, leg.destination.mention) for leg in draft.legs for o in leg.origins}


@pytest.mark.parametrize("text", [
    "The force made its way from Kielce to Tarnow.",
    "The battalion, making their way from Kielce, reached Tarnow on 3 May.",
    "Units in Kielce were ordered to Tarnow.",
    "Two companies were ordered forward to Tarnow from Kielce.",
])
def test_a_verb_phrase_of_motion_opens_a_frame(text: str) -> None:
    assert pairs(text) == {("Kielce", "Tarnow")}


@pytest.mark.parametrize("text", [
    "The garrison of Kielce was evacuated to Tarnow.",
    "Kielce's garrison fell back on Tarnow.",
    "The brigade was in Kielce by 1 May. On 4 May it moved to Tarnow.",
])
def test_where_a_force_was_is_where_its_move_starts(text: str) -> None:
    assert pairs(text) == {("Kielce", "Tarnow")}


def test_forces_in_a_country_are_not_a_move_from_it() -> None:
    # "forces in Poland" says whose forces, not where a move began
    assert pairs("The commander of Soviet forces in Poland said the regiment moved "
                 "to Tarnow.") == set()
    assert pairs("Soldiers of Poland marched to Tarnow.") == set()


@pytest.mark.parametrize("text", [
    "Having taken Kielce, the division advanced on Tarnow.",
    "The division captured Kielce on 2 May and pushed on to Tarnow.",
])
def test_a_move_onward_from_a_place_taken_is_a_stage(text: str) -> None:
    assert pairs(text) == {("Kielce", "Tarnow")}


def test_where_a_force_was_after_it_left_is_where_it_went() -> None:
    assert pairs("The brigade was ordered north. It left Kielce on 3 May and was in Tarnow "
                 "a week later.") == {("Kielce", "Tarnow")}


@pytest.mark.parametrize("text", [
    "The regiment was rushed by lorry to Tarnow, 80 km from Kielce.",
    "The regiment was rushed to Tarnow, some 50 miles north-east of Kielce.",
])
def test_a_distance_from_a_place_is_no_origin(text: str) -> None:
    assert all(origin != "Kielce" for origin, _ in pairs(text))


@pytest.mark.parametrize("text", [
    "On 3 May the battalion entrained at Kielce for Tarnow.",
    "The battalion fought its way from Kielce to Tarnow.",
    "Two battalions were inducted into Tarnow from Kielce by air.",
    "After a week in Kielce, the division continued to Tarnow.",
    "The Guards left Kielce by train. Their destination was Tarnow.",
])
def test_more_verbs_and_nouns_of_moving(text: str) -> None:
    assert pairs(text) == {("Kielce", "Tarnow")}


def test_a_town_named_like_an_ordinary_word_after_a_verb_of_arriving() -> None:
    # "plock" is in the word list: after "to reach" it is still the town
    draft = extract("Report\n\nIt took the brigade four days to reach Plock from Torun.",
                    date(1951, 6, 1))
    assert [(leg.origins[0].place.name, leg.destination.place.name) for leg in draft.legs] == [
        ("Toruń", "Płock")]


@pytest.mark.parametrize(("text", "name"), [
    # "calais" and "rhine" are in the word list; after a word of crossing or of lying off
    # a coast they are still the town and the river
    ("The fleet anchored off Calais on 6 August 1588.", "Calais"),
    ("The 9th Armored Division crossed the Rhine at Remagen on 7 March 1945.", "Rhine"),
    ("The Sixth Army crossed the Don at Kalach in July 1942.", "Don"),
])
def test_a_name_in_the_word_list_after_a_word_of_crossing_or_lying_off(text: str,
                                                                      name: str) -> None:
    assert name in {p.mention for p in extract(text, date(1950, 1, 1)).places}


@pytest.mark.parametrize("town", ["Daleszyce", "Bodzentyn"])
def test_a_small_town_after_to_is_a_destination(town: str) -> None:
    # towns of fewer than 5,000 people are found only after a word of moving
    draft = extract(f"Report\n\nThe company moved from Kielce to {town} on 3 May.",
                    date(1951, 6, 1))
    assert [(leg.origins[0].mention, leg.destination.mention) for leg in draft.legs] == [
        ("Kielce", town)]


@pytest.mark.parametrize(("text", "pair"), [
    ("The division sends its reserve from Kielce to Tarnow.", ("Kielce", "Tarnow")),
    ("The brigade drives west from Kielce to Tarnow.", ("Kielce", "Tarnow")),
    ("The regiment comes back from Kielce to Tarnow.", ("Kielce", "Tarnow")),
    ("The squadron flies from Kielce to Tarnow.", ("Kielce", "Tarnow")),
])
def test_the_present_third_person_of_a_motion_verb(text: str, pair: tuple[str, str]) -> None:
    # sends, drives, comes, flies are verbs of motion as sent, drove, came, flew are
    assert pairs(text) == {pair}
