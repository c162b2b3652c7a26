"""A move's aim is not where it went, and an event that "follows" is no force (round 40).

Each test stands for a class, in sentences of our own: a verb of motion inside a purpose (in
an attempt to reach X, trying to reach X, in a vain effort to break through to X) names where
the move was meant to go; "the action that follows", "the days that followed" are times and
events, not a second echelon following the last move."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract
from tests.extract.legs import ends

DAY = date(1904, 8, 11)


@pytest.mark.parametrize("purpose", [
    "in an attempt to reach", "in a vain attempt to reach", "trying to reach",
    "in a desperate effort to reach", "attempting to reach",
])
def test_a_verb_of_motion_inside_a_purpose_names_no_destination(purpose: str) -> None:
    text = ("Published: 1904-08-11\n\nThe sortie\n\nRussian troops from Mukden entered "
            "Liaoyang on 1 August.\n\nOn 10 August the admiral took the squadron out of "
            f"the harbour {purpose} Vladivostok.")
    found = ends(extract(text, DAY))
    assert (["Mukden"], "Liaoyang") in found
    assert all(d != "Vladivostok" for _, d in found), found


def test_a_move_that_did_reach_its_goal_is_still_read() -> None:
    text = ("Published: 1904-08-11\n\nThe march\n\nThe division marched from Mukden to "
            "Liaoyang in an attempt to reach the coast before the rains.")
    assert (["Mukden"], "Liaoyang") in ends(extract(text, DAY))


@pytest.mark.parametrize("event", ["in the action that follows", "in the days that followed",
                                   "in the fighting which followed"])
def test_an_event_that_follows_is_no_second_echelon(event: str) -> None:
    text = ("Published: 1904-08-11\n\nThe siege\n\nJapanese troops from Mukden entered "
            f"Liaoyang on 30 May.\n\nOn 10 August the admiral was killed {event}.")
    assert ends(extract(text, DAY)) == [(["Mukden"], "Liaoyang")]


def test_a_force_that_follows_still_follows() -> None:
    text = ("Published: 1904-08-11\n\nThe landing\n\nThe first brigade sailed from Ujina to "
            "Chemulpo on 8 February.\n\nA second brigade followed on 12 February.")
    assert ends(extract(text, DAY)).count((["Ujina"], "Chemulpo")) == 2


@pytest.mark.parametrize("arrival", [
    "On 19 March the army laid siege to Acre.", "On 19 March the army besieged Acre.",
    "On 19 March the army opened the siege of Acre.", "On 19 March the army came before Acre.",
    "On 19 March the army sat down before Acre.",
])
def test_a_siege_laid_is_where_the_besiegers_went(arrival: str) -> None:
    # a town besieged (laid siege to, besieged, came before): the force has come to it, from
    # where it last was
    text = f"Published: 1900-01-01\n\nThe campaign\n\nThe army took Jaffa on 7 March. {arrival}"
    assert (["Jaffa"], "Acre") in ends(extract(text, date(1900, 1, 1)))


def test_a_town_said_to_have_been_besieged_is_no_move() -> None:
    text = ("Published: 1900-01-01\n\nThe campaign\n\nThe army took Jaffa on 7 March. Acre, "
            "besieged for months, held out.")
    assert ends(extract(text, date(1900, 1, 1))) == []


@pytest.mark.parametrize("clause", [
    "In the fighting that followed, a third battalion followed them from Mukden.",
    "A third battalion followed from Mukden in the fighting that followed.",
])
def test_a_force_that_follows_beside_an_event_that_follows_still_follows(clause: str) -> None:
    # from the first review of round 40: the event's "followed" is not the force's
    text = ("Published: 1904-08-11\n\nThe landing\n\nTwo battalions moved from Liaoyang to "
            f"Haicheng on 2 August. {clause}")
    assert (["Mukden"], "Haicheng") in ends(extract(text, DAY))


@pytest.mark.parametrize("sentence", [
    "It had hoped to march to Acre, but turned back.",
    "It had hoped to lay siege to Acre, but turned back.",
    "It refused to march to Acre.", "It failed to reach Acre.", "It was unable to reach Acre.",
])
def test_a_move_hoped_for_refused_or_failed_is_none(sentence: str) -> None:
    # (from the second review of round 40)
    text = f"Published: 1900-01-01\n\nThe campaign\n\nThe army took Jaffa on 7 March. {sentence}"
    assert ends(extract(text, date(1900, 1, 1))) == []


def test_a_move_made_after_one_tried_is_read() -> None:
    text = ("Published: 1900-01-01\n\nThe campaign\n\nThe army took Jaffa on 7 March. It "
            "tried to reach Acre but marched to Gaza.")
    assert ends(extract(text, date(1900, 1, 1))) == [(["Jaffa"], "Gaza")]


def test_news_followed_is_no_force_following() -> None:
    text = ("Published: 1950-10-01\n\nThe landing\n\nTwo battalions moved from Seoul to "
            "Incheon. In the days that followed, reporters followed the campaign from Tokyo.")
    assert ends(extract(text, date(1950, 10, 1))) == [(["Seoul"], "Incheon")]


def test_a_move_hoped_for_today_is_expected() -> None:
    # (from the third review of round 40) a hope of today is an expected move, not one undone
    text = ("Published: 2024-06-25\n\nThe brigade\n\nThe brigade hopes to move from Lviv to "
            "Kyiv next week.")
    [leg] = extract(text, date(2024, 6, 25)).legs
    assert (leg.origins[0].mention, leg.destination.mention) == ("Lviv", "Kyiv")
    assert leg.status.value == "expected"
