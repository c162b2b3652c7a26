"""The extractor's faster mechanics give what the plain ones gave: the name matcher's folded
text, the language check, and a report read after many others."""

from __future__ import annotations

import random
from datetime import date

import pytest

from movemap.extract import extract
from movemap.extract.language import unreadable
from movemap.extract.mentions import _NOT_WORD, _words_only, fold
from movemap.gazetteer import Gazetteer


def test_the_matchers_text_is_folded_words_one_character_for_one() -> None:
    # letters with marks, a letter whose lower case is two characters (İ), the long s and the
    # Kelvin sign, combining marks, ligatures, digits of other scripts, underscores, CJK
    alphabet = list("aZ09 _-’—“”.,;:!?()[]\n\tÉéÅøßİıſKǅﬁ\u0301\u0308٣०ЖжΩω한글中文Ⅻ½")
    rng = random.Random(3)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert _words_only(text) == _NOT_WORD.sub(" ", fold(text)), repr(text)
        assert len(_words_only(text)) == len(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Troops moved from Kursk to Belgorod on Tuesday, the ministry said.", None),
    ("“Troops” moved — again — from Zürich to Genève, the ministry said.", None),
    ("— 12 — 14 — ’’ —", None),  # no letter at all
    ("", None),
    ("Οι στρατιώτες μετακινήθηκαν από την Αθήνα στη Θεσσαλονίκη χθες το πρωί.", "Greek"),
    ("Войска прибыли во Владивосток 13 октября, сообщило агентство.", "Cyrillic"),
    ("Pasukan itu bergerak dari kota menuju pelabuhan pada pagi hari ini bersama "
     "kendaraan lapis baja dan perbekalan untuk beberapa minggu ke depan", "English"),
])
def test_the_language_check(text: str, expected: str | None) -> None:
    problem = unreadable(text)
    assert (problem is None) if expected is None else (problem and expected in problem)


def test_a_report_reads_the_same_after_many_others() -> None:
    text = ("Published: 2024-10-18\nNorth Korean troops were moved from Chongjin to "
            "Vladivostok between 8 and 13 October, the NIS said. They then went on to "
            "Khabarovsk and Ussuriysk. Some 2,600 are expected at Kursk by 1 November.")
    first = extract(text, date(2024, 10, 18), Gazetteer())
    gazetteer = Gazetteer()
    for other in ("Marines landed at Incheon and moved to Seoul on 25 September.",
                  "Soviet troops crossed from Termez into Afghanistan and reached Kabul.",
                  "The convoy sailed from Portland to Bangor, then on to Halifax."):
        extract(other, date(2024, 10, 18), gazetteer)
    assert repr(extract(text, date(2024, 10, 18), gazetteer)) == repr(first)
