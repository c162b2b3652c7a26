"""A force that halts on its march (halted, rested, wintered, bivouacked, encamped at A) is
at A: its next move with no origin named starts there."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract
from tests.extract.legs import ends


@pytest.mark.parametrize("verb", [
    "halted at", "rested at", "wintered at", "bivouacked near", "bivouaced at", "encamped at",
    "entrenched near", "regrouped at", "refitted at", "was billeted at",
])
def test_a_halt_puts_the_force_where_its_next_move_starts(verb: str) -> None:
    text = f"The army {verb} Astorga in January. In March it marched to Vigo."
    legs = extract(text, date(1900, 1, 1)).legs
    assert [(leg.origins[0].mention, leg.destination.mention) for leg in legs] == [
        ("Astorga", "Vigo")]


def test_a_halt_is_not_a_move() -> None:
    text = "The army halted at Astorga in January and rested there until March."
    assert not extract(text, date(1900, 1, 1)).legs


def legs_of(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(leg.origins[0].mention, leg.destination.mention,
             leg.start and str(leg.start), leg.end and str(leg.end))
            for leg in extract(text, date(1900, 1, 1)).legs]


@pytest.mark.parametrize("halt", [
    "anchored off Calais", "lay at anchor off Calais", "halted at Calais", "camped at Calais",
])
def test_a_halt_after_a_departure_ends_the_move(halt: str) -> None:
    text = f"The fleet left Corunna on 21 July. It {halt} on 6 August."
    assert legs_of(text) == [("Corunna", "Calais", "1899-07-21", "1899-08-06")]


@pytest.mark.parametrize("departure", [
    "put to sea again", "set sail", "weighed anchor", "got under way",
])
def test_a_departure_without_a_place_leaves_where_the_force_was(departure: str) -> None:
    text = (f"The fleet put into Corunna on 19 June. It {departure} on 21 July. The fleet "
            "anchored off Calais on 6 August.")
    assert ("Corunna", "Calais", "1899-07-21", "1899-08-06") in legs_of(text)


@pytest.mark.parametrize("text", [
    # where a force is based or stationed says where it is, not where a move ended
    "The brigade left Kabul on 3 May. It was based at Bagram.",
    "The brigade left Kabul on 3 May. It was stationed at Bagram.",
    # two places it might have stopped at: which one, the clause does not say
    "The fleet left Corunna on 21 July. It anchored off Calais and Gravelines on 6 August.",
    # another force's place
    "The fleet left Corunna on 21 July. By then the enemy was at Calais.",
    # a departure expected is not one made
    "The fleet is to put to sea on 21 July. The fleet anchored off Calais on 6 August.",
])
def test_what_is_not_a_halt_after_a_departure(text: str) -> None:
    assert not [leg for leg in legs_of(text) if leg[1] in ("Bagram", "Calais", "Gravelines")
                and leg[0] in ("Kabul", "Corunna")]


def test_a_day_named_beats_the_time_elapsed() -> None:
    text = ("The fleet left Corunna on 21 July. After a week of fighting the fleet reached "
            "Calais on 6 August.")
    assert legs_of(text) == [("Corunna", "Calais", "1899-07-21", "1899-08-06")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The regiments had assembled at Singapore from Calcutta, Madras and Ceylon in May 1840.",
     [(["Calcutta", "Madras", "Ceylon"], "Singapore")]),
    ("Troops from Calcutta assembled at Singapore in May 1840.", [(["Calcutta"], "Singapore")]),
    ("The regiments were concentrated at Singapore from Calcutta in May 1840.",
     [(["Calcutta"], "Singapore")]),
    # where a force assembled, with nowhere it came from: no move; nor people who are no force
    ("The regiments had assembled at Singapore in May 1840.", []),
    ("Refugees from Calcutta gathered at Singapore in May 1840.", []),
])
def test_forces_coming_together_from_elsewhere_moved_there(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(1840, 9, 1))) == expected
