"""The extractor's faster mechanics give what the plain ones gave: the name matcher's folded
text, the language check, and a report read after many others."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

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


# -- patterns searched with a look-ahead for their first letters (extract/lookahead.py) -------

_SENTENCES = [
    "The 3rd Brigade withdrew across the river to Tarnow, then pulled back from Kielce.",
    "THEY WERE AIRLIFTED FROM Gander and landed at Shannon, officials said.",
    "Reinforcements reportedly crossed into the valley; refugees fled toward the coast.",
    "Some 400 marines will be redeployed from Rota to Souda Bay by early June.",
    "Les troupes sont arrivées à Lyon. Some odd letters: K (Kelvin), İstanbul, ǅ.",
    "aid to Nevers and threats to Dijon were discussed; the convoy moved on to Beaune",
    "",
]


def test_a_quick_pattern_finds_what_the_pattern_finds() -> None:
    import re

    from movemap.extract.lookahead import quick

    patterns = [r"\b(?:between|from)\s+(?:the\s+)?(\d{1,2})", r"\b(then|before|on\s+to)\b",
                r"\b(?:threats?|aid)\s+(?:to\s+)?$", r"(?:ab|c(?:d|e)+)x?", r"\b[b-d]\w+"]
    rng = random.Random(5)
    texts = [*_SENTENCES, *(s.lower() for s in _SENTENCES), *(s.upper() for s in _SENTENCES)]
    texts += ["".join(rng.choice("abcdex tohen fromFROM12 ſK") for _ in range(60))
              for _ in range(300)]
    for source in patterns:
        pattern = re.compile(source, re.I)
        fast = quick(pattern)
        assert fast is not pattern  # each has first letters to look ahead for
        for text in texts:
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
                (m.span(), m.groups()) for m in fast.finditer(text)], (source, text)


def test_a_pattern_whose_first_letters_are_unknown_or_not_case_blind_stays() -> None:
    import re

    from movemap.extract.lookahead import first_characters, quick

    for source, flags in [(r"\w+ing", re.I), (r"(?:from)?\s+x", re.I), (r"\bfrom\b", 0),
                          (r"(?i)\bfrom\b", 0), (r"[^a]b", re.I)]:
        pattern = re.compile(source, flags)
        assert quick(pattern) is pattern, source
    assert first_characters(re.compile(r"\b(?:Bet|fr[o-q]m|x+)y", re.I)) == {
        "B", "f", "x"}


def test_each_slot_cue_looks_ahead_for_every_word_it_can_start_with() -> None:
    """Each cue's ``starts`` must match where each alternative of its pattern begins: the
    leading letters of every alternative (as the pattern's parse gives them) are tried."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as p  # type: ignore[attr-defined]

    from movemap.extract import grammar

    def leading(items: list[Any], n: int = 40) -> set[str]:
        """The strings of up to ``n`` letters a parsed sequence can begin with."""
        out = {""}
        for op, av in items:
            if op is c.AT:
                continue
            if op is c.LITERAL:
                step = {chr(av)}
            elif op is c.SUBPATTERN:
                step = leading(list(av[-1]), n)
            elif op is c.BRANCH:
                step = set().union(*(leading(list(b), n) for b in av[1]))
            elif op is c.IN and all(k is c.LITERAL for k, _ in av):
                step = {chr(v) for _, v in av}
            else:
                return out  # a class, a repeat: the prefix so far
            grown = {a + b for a in out for b in step}
            if any(len(s) >= n for s in grown):
                return {s[:n] for s in grown}
            out = grown
        return out

    cues = [grammar._POSITION_AT, grammar._ORIGIN_AT, grammar._DEST_AT, grammar._VIA_AT,
            grammar._LOCATOR_AT]
    for cue in cues:
        group = next(av for op, av in p.parse(cue.pattern.pattern, cue.pattern.flags)
                     if op is c.SUBPATTERN)
        for start in leading(list(group[-1])):
            word = start.lower().replace("\\", "")
            assert word and cue._starts.match(f" {word}", 1), (cue.pattern.pattern[:30], word)
    text = "the brigade, based in the port of Tartus, left for the front line near"
    for cue in cues:
        for end in range(len(text) + 1):
            found, plain = cue.search(text[:end]), cue.pattern.search(text[:end])
            assert (found and (found.span(), found.groups())) == (
                plain and (plain.span(), plain.groups()))


def test_each_verb_of_the_source_patterns_passes_their_pre_filter() -> None:
    # _source searches its patterns only in a sentence holding one of _SOURCE_VERBS: a verb
    # added to a pattern and not to that list would never be searched
    import re

    from movemap.extract.report import _SOURCE, _SOURCE_VERBS

    verbs = {word for pattern in _SOURCE
             for group in re.findall(r"\(\?:((?:[a-z]+\|)+[a-z]+)\)", pattern.pattern)
             for word in group.split("|")}
    assert {"said", "reported", "believes", "told"} <= verbs  # the groups were read
    assert [v for v in sorted(verbs) if not any(f in v for f in _SOURCE_VERBS)] == []
