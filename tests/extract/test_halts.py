"""A force that halts on its march (halted, rested, wintered, bivouacked, encamped at A) is
at A: its next move with no origin named starts there."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract


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
