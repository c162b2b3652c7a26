"""A live blog written newest first is read oldest first, its evidence at the words as written."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract
from movemap.extract.entries import chronological

from .legs import ends

BLOG = ("Live: the battalion reaches the capital\n\n"
        "16:10 GMT. That is all from us today.\n\n"
        "14:25 GMT. The battalion has landed at Kigali airport. Officials watched from the "
        "terminal.\n\n"
        "11:05 GMT. Ministers met in the morning.\n\n"
        "08:30 GMT. The battalion's flight left Nairobi at dawn after the president spoke.")


def test_a_newest_first_blog_is_turned_round_and_every_character_maps_back() -> None:
    turned = chronological(BLOG)
    assert turned is not None
    text, back = turned
    assert len(text) == len(BLOG)
    assert text.index("08:30") < text.index("11:05") < text.index("14:25") < text.index("16:10")
    assert text.startswith("Live: the battalion reaches the capital\n\n08:30")
    assert all(BLOG[back(i)] == ch for i, ch in enumerate(text) if not ch.isspace())


@pytest.mark.parametrize("text", [
    # oldest first already
    "Live\n\n08:30. A.\n\n11:05. B.\n\n14:25. C.",
    # times both ways
    "Live\n\n14:25. A.\n\n08:30. B.\n\n11:05. C.",
    # two entries are no blog
    "Live\n\n14:25. A.\n\n08:30. B.",
    # years opening a chronology's paragraphs are no clock times
    "Timeline\n\n1953 The armistice.\n\n1950 The war began.\n\n1945 Korea divided.",
])
def test_other_texts_are_left_as_written(text: str) -> None:
    assert chronological(text) is None


def test_a_newest_first_blog_gives_the_departure_its_arrival() -> None:
    draft = extract(BLOG, date(2024, 6, 25))
    assert ends(draft) == [(["Nairobi"], "Kigali airport")]
    leg = draft.legs[0]
    # the evidence and the places are where the report has them
    assert draft.text[leg.evidence.start:leg.evidence.end] == leg.evidence.sentence
    for p in (*leg.origins, leg.destination):
        assert draft.text[p.start:p.end] == p.mention
    assert [p.start for p in draft.places] == sorted(p.start for p in draft.places)


@pytest.mark.parametrize("words", ["police officers", "peacekeepers", "gendarmes"])
def test_people_under_arms_moving_beside_a_president_are_a_force(words: str) -> None:
    # "after the president spoke" named a head of state among the words of a clause whose
    # movers the old list of forces did not know: the move was read as a civilian one
    draft = extract(f"The {words} left Nairobi on Monday after the president spoke. They "
                    "landed at Kigali on Tuesday.", date(2024, 6, 25))
    assert ends(draft) == [(["Nairobi"], "Kigali")]


@pytest.mark.parametrize(("text", "expected"), [
    # the body's departure starts the story it goes on to tell: to the body's arrival
    ("Kenyan police land in Haiti\n\nThe officers left Nairobi on Monday night. Their plane "
     "landed at Port-au-Prince on Tuesday.", [(["Nairobi"], "Port-au-Prince")]),
    # told as before the headline's arrival, it ends there
    ("British brigade ashore at San Carlos\n\nThe landing began on Friday, after the "
     "amphibious group had sailed from Ascension Island.", [(["Ascension Island"], "San Carlos")]),
])
def test_a_headline_arrival_ends_only_a_departure_told_as_before_it(
    text: str, expected: list[tuple[list[str], str]],
) -> None:
    assert ends(extract(text, date(2024, 6, 25))) == expected
