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


def test_the_writer_is_where_the_last_from_or_at_of_the_head_says() -> None:
    text = ("Published: 1745-11-20\n\nExtract of a Letter to a Gentleman in Edinburgh, from an "
            "Officer at Preston, Nov. 14.\n\nThe rebels marched in hither on Thursday from "
            "Lancaster.")
    assert _legs(text) == [(["Lancaster"], "hither", "Preston")]


@pytest.mark.parametrize("text", [
    # "this town" under a modern wire's dateline is the town the story is about
    "KYIV, March 3 -- Russian troops entered Bucha in February. Residents said the soldiers "
    "came back to this town twice before they withdrew.",
    # "They" are the families: the troops are named only in a clause about the front
    "LVIV, March 10 -- The city is far from the front, where Russian troops are shelling "
    "Kharkiv. They arrived here from Kharkiv on Monday, three families said.",
    # a party of civilians is no force
    "LONDON, May 3. A party of schoolchildren arrived here from Paris yesterday.",
    # "here" in quoted speech, opened by a single quotation mark, is the speaker's
    "LONDON, May 3 -- 'The rebels came here from Kent last night,' the mayor of Dover said.",
])
def test_no_move_to_the_writers_place_without_a_force_that_goes_there(text: str) -> None:
    assert _legs("Published: 2023-05-04\n\nNews\n\n" + text) == []


def test_a_commander_moving_to_this_city_under_an_old_papers_dateline() -> None:
    text = ("Published: 1920-10-11\n\nVilna\n\nKOVNO, Oct. 10. The Polish force advanced from "
            "Lida on Friday and entered Vilna. It is feared in Kovno that the General will not "
            "halt at Vilna but will push on towards this city.")
    assert (["Vilna"], "this city", "Kaunas") in _legs(text)


@pytest.mark.parametrize("text", [
    # a title of office or a firm's name is no commander moving a force
    "KYIV, Feb. 1 -- UN Secretary-General Antonio Guterres arrived here from Warsaw on Tuesday.",
    "KYIV, Sept. 1 -- IAEA Director General Rafael Grossi came here from Zaporizhzhia.",
    "OTTAWA, June 2 -- The Governor General returned here from Halifax on Friday.",
    "DETROIT, May 3 -- General Motors workers came here from Flint on Tuesday to protest.",
])
def test_an_office_or_a_firm_named_general_moves_no_force(text: str) -> None:
    assert _legs("Published: 2023-06-03\n\nNews\n\n" + text) == []


@pytest.mark.parametrize(("head", "writer"), [
    # the writer first, the addressee after
    ("Extract of a Letter from an Officer at Carlisle to a Gentleman at Newcastle, Nov. 10.",
     "Carlisle"),
    ("Copy of a Letter from Edinburgh to a Merchant at Glasgow, Sept. 18.", "Edinburgh"),
    # an "at" of time names no place
    ("Extract of a Letter from Derby, dated Dec. 5, at Night.", "Derby"),
    ("Letter from Manchester, Nov. 29, at Ten at Night.", "Manchester"),
])
def test_the_writers_place_in_a_letters_head(head: str, writer: str) -> None:
    text = (f"Published: 1745-12-10\n\n{head}\n\nThe rebels came in hither this afternoon "
            "from Wigan.")
    assert [dest for _, _, dest in _legs(text)] == [writer]


def test_this_city_under_a_modern_wire_is_its_town_when_no_other_is_named_before() -> None:
    text = ("Published: 2023-05-15\n\nNews\n\nKHARKIV, May 14 -- Russian troops pushed "
            "towards this city from Belgorod on Tuesday.")
    assert _legs(text) == [(["Belgorod"], "this city", "Kharkiv")]


def test_a_clause_set_off_before_the_subject_keeps_the_force_for_they() -> None:
    text = ("Published: 2024-02-21\n\nNews\n\nPOKROVSK, Feb. 20 -- On Sunday, when the "
            "shelling eased, Ukrainian troops pulled out of Avdiivka. They arrived here from "
            "Avdiivka on Monday.")
    assert (["Avdiivka"], "here", "Pokrovsk") in _legs(text)


@pytest.mark.parametrize(("text", "writer"), [
    # a commander's name with its particle, or in a script's capitals, or a hyphenated rank
    ("PARIS, Aug. 26 -- General de Gaulle came here from Rambouillet on Friday.", "Paris"),
    ("WARSAW, Jan. 18 -- Marshal Żymierski arrived here from Lublin.", "Warsaw"),
    ("CARLISLE, Nov. 18. Lieutenant-General Wade came in hither yesterday from Newcastle.",
     "Carlisle"),
])
def test_a_commander_by_his_name_moves_his_force_there(text: str, writer: str) -> None:
    assert [dest for _, _, dest in _legs("Published: 2023-06-03\n\nNews\n\n" + text)] == [
        writer]


@pytest.mark.parametrize("text", [
    "KYIV, Feb. 1 -- Prosecutor General Andriy Kostin came here from Lviv on Tuesday.",
    "DENVER, May 3 -- Fire Marshal Dan Smith came here from Boulder on Tuesday.",
    "DETROIT, May 3 -- General Dynamics engineers came here from Flint on Tuesday.",
    # a clause after the subject, with a comma inside it, is no subject of the next sentence
    "LVIV, March 10 -- The city is far from the front, where, officials said, Russian troops "
    "are shelling Kharkiv. They arrived here from Kharkiv on Monday.",
])
def test_more_offices_firms_and_clauses_move_no_force(text: str) -> None:
    assert _legs("Published: 2023-06-03\n\nNews\n\n" + text) == []


def test_this_town_under_a_wire_after_a_headline_naming_another_town_is_no_place() -> None:
    text = ("Published: 2022-04-05\n\nBUCHA\n\nKYIV, April 4 -- Residents said Russian troops "
            "came to this town from Hostomel in February.")
    assert _legs(text) == []
