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


@pytest.mark.parametrize(("text", "order"), [
    ("Live\n\n3:40 p.m. C.\n\n1:05 p.m. B.\n\n9:45 a.m. A.", ["9:45", "1:05", "3:40"]),
    ("Direct\n\n21h40 : C.\n\n14h10 : B.\n\n09h30 : A.", ["09h30", "14h10", "21h40"]),
    ("Live\n\n1640 GMT The end.\n\n1425 GMT B.\n\n0830 GMT A.", ["0830", "1425", "1640"]),
    # blank lines holding spaces, an indented entry, no blank line at the end
    ("Live\n\n15:40 ET. C.\n \t\n  13:05 ET. B.\nMore B.\n\n09:45 ET. A.",
     ["09:45", "13:05", "15:40"]),
    # a time alone on its line, words in lower case after it, a date in every stamp
    ("Live\n\n16:10\nThat is all.\n\n14:25\nLanded.\n\n08:30\nLeft.", ["08:30", "14:25", "16:10"]),
    ("Live\n\n16:10 that is all.\n\n14:25 landed.\n\n08:30 left.", ["08:30", "14:25", "16:10"]),
    ("Live\n\n16:10, 25 June: End.\n\n14:25, 25 June: B.\n\n08:30, 25 June: A.",
     ["08:30", "14:25", "16:10"]),
])
def test_times_of_every_form_are_read_and_every_character_maps_back(
    text: str, order: list[str],
) -> None:
    turned = chronological(text)
    assert turned is not None
    new, back = turned
    assert len(new) == len(text)
    assert [new.index(t) for t in order] == sorted(new.index(t) for t in order)
    assert all(text[back(i)] == ch for i, ch in enumerate(new) if not ch.isspace())


@pytest.mark.parametrize("text", [
    # oldest first already
    "Live\n\n08:30. A.\n\n11:05. B.\n\n14:25. C.",
    # oldest first over midnight: 12:15 a.m. is after 11:40 p.m.
    "Live\n\n11:40 p.m. A.\n\n12:15 a.m. B.\n\n1:10 a.m. C.",
    # dates written with stops, and figures, are no times
    "Chronology\n\n18.02.2022 The brigade left Lviv.\n\n12.03.2022 It moved.\n\n"
    "05.04.2022 It moved on.",
    "Rates\n\n9.45 per cent in May.\n\n5.30 per cent in June.\n\n2.15 per cent in July.",
    # a diary over several days: its times fall while its story runs forwards
    "Diary\n\n23:15 Monday — The plane left.\n\n14:30 Tuesday — It landed.\n\n"
    "08:00 Wednesday — It drove on.",
    "Diary\n\nMonday 24 June\n\n23:15 The plane left.\n\nTuesday 25 June\n\n14:30 It "
    "landed.\n\nWednesday 26 June\n\n08:00 It drove on.",
    # days and months without a year
    "Chronology\n\n18.02 — The brigade left Lviv.\n\n12.03 — It moved.\n\n05.04 — It moved.",
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
def test_a_person_of_state_in_a_time_clause_after_the_verb_moves_nothing(words: str) -> None:
    # "after the president spoke" named a head of state among the words of the clause, and
    # the move was read as a civilian one
    draft = extract(f"The {words} left Nairobi on Monday after the president spoke. They "
                    "landed at Kigali on Tuesday.", date(2024, 6, 25))
    assert ends(draft) == [(["Nairobi"], "Kigali")]


@pytest.mark.parametrize("text", [
    "The prime minister flew from London to Kyiv on Tuesday with his protection officers.",
    "Two fighters escorted the president's plane from Warsaw to Rzeszow.",
    "The minister travelled from Bamako to Gao, where she met UN peacekeepers.",
    "The refugees were escorted from Lyon to Dijon by gendarmes.",
    # the person carried is the mover, and no one under arms moves
    "The plane took the president from Kabul to Doha.",
    "Evacuation flights left Kabul for Doha on Monday after the president fled.",
    # a speaker of a parliament, a prince of a state
    "Nancy Pelosi, the Speaker of the House, flew into Taipei from Kuala Lumpur on 2 August.",
    "The Maharaja left Srinagar for Jammu on Saturday night with his family.",
    # where zones lie is no move
    "The six declared zones lay close to Keelung, Kaohsiung and Hualien.",
])
def test_people_of_state_and_civilians_moving_are_no_force(text: str) -> None:
    assert extract(text, date(2024, 6, 25)).legs == ()


@pytest.mark.parametrize(("text", "expected"), [
    # the body's departure starts the story it goes on to tell: to the body's arrival
    ("Kenyan police land in Haiti\n\nThe officers left Nairobi on Monday night. Their plane "
     "landed at Port-au-Prince on Tuesday.", [(["Nairobi"], "Port-au-Prince")]),
    # told as before the headline's arrival, it ends there
    ("British brigade ashore at San Carlos\n\nThe landing began on Friday, after the "
     "amphibious group had sailed from Ascension Island.", [(["Ascension Island"], "San Carlos")]),
    # ... and so does one the body tells no arrival of
    ("British troops land at San Carlos\n\nThe brigade sailed from Ascension Island on 8 May. "
     "The weather was poor.", [(["Ascension Island"], "San Carlos")]),
    ("First Kenyan officers have arrived in Port-au-Prince\n\nThe officers left Nairobi on "
     "Monday night.", [(["Nairobi"], "Port-au-Prince")]),
    # the body tells where the departure went, by "it": not the headline's arrival
    ("British troops land at San Carlos\n\nThe brigade sailed from Portsmouth on 9 April. It "
     "reached Ascension Island on 20 April.", [(["Portsmouth"], "Ascension Island")]),
])
def test_a_headline_arrival_ends_only_a_departure_told_as_before_it(
    text: str, expected: list[tuple[list[str], str]],
) -> None:
    assert ends(extract(text, date(2024, 6, 25))) == expected
