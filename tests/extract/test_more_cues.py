"""Cues of a move's ends that round 40's reports used (sentences of our own): a landing
"under fire" or "under cover of darkness" before its place; a fleet that "met" or
"intercepted" its enemy "off" a coast went there; "in the direction of" after a "from" names
the destination, though the origin's cue could reach over it; "from occupied X" stays an
origin (the participle is an adjective)."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract
from tests.extract.legs import ends

DAY = date(1900, 1, 1)


def _ends(sentence: str) -> list[tuple[list[str], str]]:
    return ends(extract(f"Published: 1900-01-01\n\nThe campaign\n\n{sentence}", DAY))


@pytest.mark.parametrize("how", ["under fire", "under heavy fire", "under cover of darkness"])
def test_a_landing_under_fire_names_its_place(how: str) -> None:
    assert _ends(f"The army sailed from Marmaris on 22 February and was landed {how} in "
                 "Aboukir Bay on 8 March.") == [(["Marmaris"], "Aboukir Bay")]


@pytest.mark.parametrize("verb", ["met", "encountered"])
def test_a_fleet_that_met_its_enemy_off_a_coast_went_there(verb: str) -> None:
    assert _ends(f"The French fleet came out of Toulon and {verb} the English off Málaga "
                 "on 24 August.") == [(["Toulon"], "Málaga")]


@pytest.mark.parametrize("sentence", [
    "The general met the mayor at Lyon on 3 May.",
    # (from the second review of round 40)
    "The brigade left Kiev on 3 May and its commander met the minister at Warsaw.",
    "The squadron took off from Malta and intercepted a convoy off Tripoli.",
])
def test_meeting_a_person_or_striking_a_convoy_is_no_move_there(sentence: str) -> None:
    assert all(d not in ("Lyon", "Warsaw", "Tripoli") for _, d in _ends(sentence))


@pytest.mark.parametrize("met", ["met the enemy near", "met the French at",
                                 "encountered heavy resistance at"])
def test_a_force_that_met_its_enemy_at_a_town_went_there(met: str) -> None:
    # (the named enemy and "resistance" from the third review of round 40)
    assert _ends(f"The brigade moved from Lille and {met} Arras.") == [(["Lille"], "Arras")]


def test_in_the_direction_of_after_from_is_the_destination() -> None:
    assert _ends("The garrison fell back from Kertch in the direction of Kaffa.") == [
        (["Kertch"], "Kaffa")]


def test_from_an_occupied_country_stays_an_origin() -> None:
    found = _ends("On 23 June Wagner columns crossed from occupied Ukraine into Russia.")
    assert found == [(["Ukraine"], "Russia")]
