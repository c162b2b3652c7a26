"""The place a letter or a wire is written from, named by a word that points at it (hither,
from hence, this town, this city): the town of its letter head (Extract of a Letter from
Carlisle) or of its dateline (ODESSA, Aug. 3.), when the sentence or the one before it, if
it opens with a pronoun, names a force."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract


def _legs(text: str) -> list[tuple[list[str], str, str]]:
    return [([o.mention for o in leg.origins], leg.destination.mention,
             leg.destination.place.name) for leg in extract(text, date(1900, 1, 1)).legs]


LETTER = "Published: 1746-01-10\n\nExtract of a Letter from Carlisle, dated Jan. 6.\n\n"


@pytest.mark.parametrize("word", ["hither", "in hither", "here"])
def test_a_word_for_here_in_a_letter_is_the_town_it_was_written_from(word: str) -> None:
    text = (LETTER + "Sir, The Rebels who lay at Penrith are gone. They marched "
            f"{word} on Tuesday from Penrith, about 3000 Foot.")
    assert _legs(text) == [(["Penrith"], word.split()[-1], "Carlisle")]


def test_from_hence_is_where_the_letter_was_written() -> None:
    text = ("Published: 1745-12-10\n\nExtract of a Letter from a Gentleman at Derby to his "
            "Friend in London, dated Dec. 7.\n\nSir, A party of their horse was sent from hence "
            "to Leek on Thursday.")
    legs = _legs(text)
    assert [(o, d) for o, d, _ in legs] == [(["hence"], "Leek")]
    draft = extract(text, date(1900, 1, 1))
    assert draft.legs[0].origins[0].place.name == "Derby"  # the writer's, not his friend's


def test_this_city_in_an_old_wire_is_its_datelines_town() -> None:
    # a dateline ended by a full stop after its day, as old papers wrote it
    text = ("Published: 1920-08-05\n\nRUMANIANS ON THE DNIESTER\n\nODESSA, Aug. 3. A Rumanian "
            "division left Tiraspol yesterday. It is feared that the division will push on "
            "towards this city.")
    assert _legs(text) == [(["Tiraspol"], "this city", "Odesa")]


def test_a_report_reaching_here_moves_no_force_to_the_dateline() -> None:
    # the sentence opens with its own subject (reports), not a pronoun for a force
    text = ("Published: 1938-03-13\n\nGERMANS IN AUSTRIA\n\nVIENNA, March 12 -- Troops are on "
            "the move. Reports reaching here said infantry from Bavaria crossed at Kufstein.")
    assert all(dest != "here" for _, dest, _ in _legs(text))


def test_without_a_letter_head_or_dateline_this_town_is_no_place() -> None:
    text = ("Published: 1900-03-01\n\nThe relief\n\nThe brigade entered this town on Wednesday "
            "from Lydenburg.")
    assert _legs(text) == []
