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


_LANGUAGE_CASES = [
    ("Troops moved from Kursk to Belgorod on Tuesday, the ministry said.", None),
    ("“Troops” moved — again — from Zürich to Genève, the ministry said.", None),
    ("— 12 — 14 — ’’ —", None),  # no letter at all
    ("", None),
    ("Οι στρατιώτες μετακινήθηκαν από την Αθήνα στη Θεσσαλονίκη χθες το πρωί.", "Greek"),
    ("Войска прибыли во Владивосток 13 октября, сообщило агентство.", "Cyrillic"),
    ("Pasukan itu bergerak dari kota menuju pelabuhan pada pagi hari ini bersama "
     "kendaraan lapis baja dan perbekalan untuk beberapa minggu ke depan", "English"),
]


@pytest.mark.parametrize(("text", "expected"), _LANGUAGE_CASES)
def test_the_language_check(text: str, expected: str | None) -> None:
    problem = unreadable(text)
    assert (problem is None) if expected is None else (problem and expected in problem)


def test_the_language_check_with_its_cheap_tests_reads_as_its_counts() -> None:
    """``unreadable``'s shortcuts (letters counted in C, frequent words with spaces) give
    what counting every letter and word gives."""
    import re

    from movemap.extract import language

    def counted(text: str) -> str | None:
        sample = text[: language.SAMPLE]
        counts = {name: len(pattern.findall(sample)) for name, pattern in language._SCRIPTS}
        letters = sum(counts.values())
        if letters == 0:
            return None
        if counts["Latin"] < letters / 2:
            script = max(counts, key=lambda name: counts[name])
            return f"it is written mostly in {script} script"
        words = [w.lower() for w in re.findall(r"[A-Za-z\u00c0-\u024f]+", sample)]
        if len(words) >= 20 and sum(w in language._ENGLISH for w in words) < len(words) / 12:
            return "it is in Latin script but does not read as English"
        return None

    rng = random.Random(37)
    pieces = ["The", "the", " the ", " a ", " and ", " of ", " in ", " le ", " et ", " la ",
              "\u00a0", "İ", "ǅ", "é", "ſ", "Ω", "жд", "가", "中文", "ا", "ש", "\u0370", "1",
              "_", "\n", "’", "ɏ", "K", "×", "x", "yz", "Ā", " ", " "]
    texts = [t for t, _ in _LANGUAGE_CASES] + _clause_texts()
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
              for _ in range(8000)]
    found = {counted(t) for t in texts}
    assert {None, "it is in Latin script but does not read as English",
            "it is written mostly in Cyrillic script"} <= found
    for text in texts:
        assert unreadable(text) == counted(text), repr(text)


def test_the_word_index_is_the_words_a_pattern_splits() -> None:
    import re
    from itertools import accumulate

    from movemap.extract import when

    def split(lowered: str) -> tuple[dict[str, list[int]], list[int]] | None:
        if any(ch.isdecimal() and not ch.isascii() for ch in lowered):
            return None
        parts = re.split(r"(\w+)", lowered)  # a gap, a word, a gap, ..., a gap
        words: dict[str, list[int]] = {}
        for number, word in enumerate(parts[1::2]):
            if word in when._ANCHOR_WORDS:
                words.setdefault(word, []).append(number)
            elif "0" <= word < ":":
                words.setdefault(when._DIGIT, []).append(number)
        return words, list(accumulate(map(len, parts), initial=0))[1::2]

    rng = random.Random(41)
    pieces = ["a", "may", "june", " ", "\0", "_", "é", "12", "ſ", "x_y", "\n", "-", "monday",
              "1st", "ǅ", "²", "’"]
    texts = [t.lower() for t in _clause_texts()]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for text in texts:
        assert when._word_index(text) == split(text), repr(text)


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
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: nothing read
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


# -- date patterns tried only where a match can start (extract/when.py, _STARTS) -------------

_DATE_WORDS = [
    "between", "from", "From", "the", "The", "THE", "and", "to", "until", "-", "–", "of", "on",
    "On", "early", "Early", "mid", "late", "beginning", "start", "middle", "end", "first",
    "second", "third", "fourth", "last", "next", "this", "following", "same", "that", "later",
    "after", "a few", "several", "an", "a", "one", "three", "ten", "days", "day", "weeks",
    "week", "month", "months", "morning", "night", "evening", "quarter", "quarterback", "since",
    "year", "yesterday", "today", "soon", "in", "by", "during", "throughout", "May", "may",
    "MAY", "March", "Sept.", "sept", "September", "Oct", "October", "dec", "Jan.", "june",
    "Monday", "mondays", "Friday's", "sunday", "WEDNESDAY", "1", "3", "8th", "13", "21st",
    "1944", "2024", "2024-10-18", "1,500", "x8", "_5", "٣", "İstanbul", "ſept", "K", "’s",
    "'s", "Kursk", "troops", "moved", ":", ",", ".", "(", ")", "•", "*",
]


def _date_texts() -> list[str]:
    rng = random.Random(13)
    gaps = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "-", "\n- ", "\n* ", " \t"]
    texts = []
    for _ in range(3000):
        words = [rng.choice(_DATE_WORDS) for _ in range(rng.randint(1, 14))]
        texts.append("".join(w + rng.choice(gaps) for w in words).rstrip(" "))
    return texts + [s for s in _SENTENCES] + [
        "Between 8 and 13 October the troops moved; on the 14th they left. Three days later, "
        "in early November, they reached Kursk by 1 November 2024 (since August last year).",
        "March: Libya flies troops to Sirte.\n- 12 May: they leave.\n  April – more follow.",
        "On Tuesday, early on Monday and the following week; later that night; the same day.",
        # each pattern at the most words before its anchor that it can start
        "A few days later, a few weeks after that, on the next day, later that night, in the "
        "third quarter, the first week of May, the end of May, mid-October, on the 8th, late "
        "on Friday, from 3 to 5 June, between May 3 and June 1, from early May to late June.",
        "After ten days, after another two weeks, three days afterwards, a week afterward.",
    ]


def test_the_date_patterns_tried_where_a_match_can_start_find_what_finditer_finds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from movemap.extract import read_report, when

    corpus = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus"
    texts = _date_texts() + [read_report(p)[0] for p in sorted(corpus.glob("*.txt"))]
    published = date(2024, 10, 18)
    fast = [repr(when.find_dates(text, published)) for text in texts]
    assert sum(bool(when._word_index(t.lower())) for t in texts) > len(texts) * 0.9
    monkeypatch.setattr(when, "_word_index", lambda lowered: None)  # every pattern everywhere
    plain = [repr(when.find_dates(text, published)) for text in texts]
    assert sum(f != "[]" for f in fast) > len(texts) / 3  # the texts do hold dates
    for text, a, b in zip(texts, fast, plain, strict=True):
        assert a == b, text


def test_the_month_words_are_every_month_the_date_patterns_read() -> None:
    import re

    from movemap.extract import when

    found = {w for w in map(str.lower, re.findall(r"[A-Za-z]+", " ".join(
        __import__("calendar").month_name[1:]) + " jan feb mar apr may jun jul aug sep sept oct "
        "nov dec")) if re.fullmatch(when._M + r"\Z", w, re.I)}
    assert found == set(when._MONTH_WORDS)
    assert when._STARTS.keys() == {kind for kind, _ in when._PATTERNS}


def _clause_texts() -> list[str]:
    from pathlib import Path

    from movemap.extract import read_report
    from movemap.extract.report import sentences

    corpus = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus"
    out = []
    for path in sorted(corpus.glob("*.txt")):
        text = read_report(path)[0]
        out += [text[a:b] for a, b in sentences(text)]
    rng = random.Random(17)
    words = ["The", "the", "3rd", "12th", "Corps", "Division", "first", "FIRST", "ſecond",
             "echelon", "group", "advance", "party", "Task", "Force", "Army", "Group", "XX",
             "Rokossovsky's", "troops", "while", "While", "whereas", "Meanwhile", "as",
             "and", "but", "said", ";", ",", "٣rd", "Kursk", "moved", "to", "İ", "K"]
    out += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    return out + _SENTENCES


def test_the_unit_pattern_finds_what_it_finds_without_its_look_ahead() -> None:
    import re

    from movemap.extract.discourse import UNIT

    plain = re.compile(UNIT.pattern.replace("(?=[\\dA-Zaflmst\\u017f])", "", 1), UNIT.flags)
    assert plain.pattern != UNIT.pattern
    for text in _clause_texts():
        assert [(m.span(), m.group("u")) for m in UNIT.finditer(text)] == [
            (m.span(), m.group("u")) for m in plain.finditer(text)], text


def test_a_window_searched_for_a_thing_only_when_it_ends_with_a_word_of_one() -> None:
    import re

    from movemap.extract.mentions import _THING_BEFORE, _thing_before

    # the pieces of words the pattern is written with (which join into its words, and others),
    # and some it is not, in random windows
    words = sorted(set(re.findall(r"[A-Za-z]+\.?", _THING_BEFORE.pattern)) - {"s", "b"})
    words += ["the", "The", "big", "Kursk", "on", "board", "aboard", "USS", "HMS", "Field",
              "landing ship", "Field Marshal", "the ships", "Operations", "the old frigate"]
    rng = random.Random(53)
    gaps = [" ", "  ", "\n", "\t", "\u00a0", ""]
    windows = ["".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 5)))
               for _ in range(20000)]
    windows += [t[max(0, end - 40): end] for t in _clause_texts()
                for end in range(0, len(t) + 1, 5)]
    found = 0
    for window in windows:
        expected = _THING_BEFORE.search(window) is not None
        assert _thing_before(window) == expected, repr(window)
        found += expected
    assert found > 1000


def test_what_the_patterns_before_a_name_need_is_there_where_they_match() -> None:
    from movemap.extract.grammar import _GLOSS
    from movemap.extract.mentions import _NUMBER_BEFORE, _WATER_BEFORE
    from movemap.extract.report import _RIVER_LIKE

    rng = random.Random(61)
    pieces = ["Strait", "Gulf", "Bay", "Sea", "of", "the", "The", "City", "city", "Port", " ",
              "  ", "\n", "\t", "\u00a0", "3", "45", "٣", "1,2", ".", "(", ")", "x", "a", "an"]
    windows = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
               for _ in range(30000)]
    windows += [t[max(0, end - 24): end] for t in _clause_texts()
                for end in range(0, len(t) + 1, 5)]
    spaces = [" ", "  ", "\n", "\t", "\u00a0"]
    windows += [f"{rng.choice(pieces)}{water}{rng.choice(spaces)}of{rng.choice(spaces)}"
                f"{rng.choice(['', 'the', 'the '])}{rng.choice([*spaces, ''])}"
                for water in ("Strait", "Straits", "Gulf", "Cape", "Lake", "Mouth")
                for _ in range(200)]
    found = {"water": 0, "number": 0, "river": 0, "gloss": 0}
    for window in windows:
        before = window.rstrip()
        if _WATER_BEFORE.search(window):
            assert before.endswith(("of", "the")), repr(window)
            found["water"] += 1
        if _NUMBER_BEFORE.search(window):
            assert before[-1:].isdecimal(), repr(window)
            found["number"] += 1
        if _RIVER_LIKE.search(window):
            assert before.endswith("the"), repr(window)
            found["river"] += 1
        if _GLOSS.search(window):
            assert "(" in window
            found["gloss"] += 1
    assert min(found.values()) > 30, found


def test_the_descriptions_found_after_the_word_as_at_its_boundary() -> None:
    import re

    from movemap.extract.report import _DESCRIBED

    bounded = re.compile(r"\bthe\s+(?:(?P<capital>capital)|(?P<town>city|town)|"
                         r"(?P<air>airport|airfield|air\s+base))\b(?!\s+of\b|['’]s|\s+[A-Z])")
    rng = random.Random(73)
    pieces = ["the", "The", "xthe", "éthe", " ", "\n", "city", "capital", "airport", "air base",
              " of", "'s", " Kyiv", "_the", "1the", "town", "s"]
    texts = _clause_texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
                               for _ in range(20000)]
    gaps = [" ", "  ", "\n"]
    texts += ["".join([rng.choice(["", "x", " ", "é"]), "the", rng.choice(gaps), word,
                       rng.choice(["", " of", " Kyiv", ".", "s"])])
              for word in ("capital", "city", "town", "airport", "air base") for _ in range(100)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in bounded.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _DESCRIBED.finditer(text)] == expected
        found += len(expected)
    assert found > 100


def test_the_link_that_ends_a_window_is_where_the_pattern_finds_it() -> None:
    import re

    from movemap.extract.mentions import _link_start

    link = re.compile(r"(?:,\s*|\s+and\s+|\s+or\s+|,\s*and\s+)$")
    rng = random.Random(31)
    pieces = [",", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "and", "or", "And", "band", "x",
              "Kyiv", "a", "n", "d", "o", "r", ";"]
    windows = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
               for _ in range(20000)]
    windows += [t[max(0, end - 60): end] for t in _clause_texts()
                for end in range(0, len(t) + 1, 5)]
    found = 0
    for window in windows:
        m = link.search(window)
        assert _link_start(window) == (m and m.start()), repr(window)
        found += m is not None
    assert found > 1000


def test_the_cues_read_text_beyond_ascii_as_their_patterns_do() -> None:
    from movemap.extract import grammar
    from movemap.extract.lookahead import CASE_ODD

    cues = [grammar._POSITION_AT, grammar._ORIGIN_AT, grammar._DEST_AT, grammar._VIA_AT,
            grammar._LOCATOR_AT]
    rng = random.Random(67)
    pieces = ["moved ", "to ", "TO ", "ſailed ", "from ", "FROM ", "Kyiv ", "“Kyiv” ", "İn ",
              "ın ", "based ", "in ", "the ", "é", "ž", "’s ", "K", "near ", "via ", "across "]
    windows = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
               for _ in range(20000)]
    windows += [t[max(0, end - 60): end] for t in _clause_texts() for end in range(0, len(t), 9)]
    found = 0
    for window in windows:
        lower = window.lower() if window.isascii() or not CASE_ODD.search(window) else None
        for cue in cues:
            plain = cue.pattern.search(window)
            for asked in (cue.search(window), cue.search(window, lower)):
                assert (asked and asked.span()) == (plain and plain.span()), repr(window)
            found += plain is not None and not window.isascii()
    assert found > 1000


def test_a_clause_the_unit_pre_filter_leaves_out_names_no_unit() -> None:
    from movemap.extract.discourse import UNIT, named_unit

    texts = _clause_texts()
    assert sum(UNIT.search(t) is not None for t in texts) > 300  # units are there
    for text in texts:
        found, plain = named_unit(text), UNIT.search(text)
        assert (found and found.span()) == (plain and plain.span()), text


def test_a_clause_the_strength_pre_filter_leaves_out_gives_no_strength() -> None:
    from movemap.extract.grammar import _STRENGTH_F, _STRENGTH_WORDS, strength_in
    from movemap.extract.mentions import fold

    rng = random.Random(47)
    words = ["2,000", "300", "12", "troops", "men", "women", "soldiers", "of", "group", "a",
             "force", "about", "thousand", "-strong", "3,500-strong", "special", "forces",
             "marched", "on", "12", "May", "1942", "brigade", "with", "cavalrymen", "ſoldiers"]
    texts = _clause_texts() + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
                               for _ in range(5000)]
    given = 0
    for text in texts:
        low = fold(text)
        if _STRENGTH_WORDS.search(low) is None:
            assert _STRENGTH_F.search(low) is None, text
        found = strength_in(text, 0, len(text))
        given += found is not None
    assert given > 500


def test_the_later_statuses_are_found_in_one_search_where_one_of_them_is() -> None:
    from movemap.extract.grammar import _LATER_STATUS_F, _STATUS_F
    from movemap.extract.mentions import fold

    rng = random.Random(23)
    words = ["reportedly", "claimed", "alleged", "confirmed", "verified", "officially",
             "announced", "said", "to", "be", "have", "is", "were", "believed", "spotted",
             "moving", "the", "agency", "witnesses", "reports", "troops", "unconfirmed", "ſaid"]
    texts = [fold(t) for t in _clause_texts()]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    later = [pattern for _, pattern in _STATUS_F[1:]]
    assert sum(_LATER_STATUS_F.search(t) is not None for t in texts) > 1000
    for text in texts:
        assert (_LATER_STATUS_F.search(text) is None) == all(
            pattern.search(text) is None for pattern in later), text


def test_a_sentence_without_a_break_word_is_one_clause_as_the_pattern_finds() -> None:
    from movemap.extract.grammar import _CLAUSE_BREAK, Clause, clauses

    def plain(text: str, start: int, end: int) -> list[Clause]:
        out, at = [], start
        for m in _CLAUSE_BREAK.finditer(text, start, end):
            if text[at: m.start()].strip():
                out.append(Clause(at, m.start()))
            at = m.end()
        if text[at:end].strip():
            out.append(Clause(at, end))
        return out or [Clause(start, end)]

    texts = _clause_texts()
    assert sum(len(plain(t, 0, len(t))) > 1 for t in texts) > 100  # breaks are there
    for text in texts:
        for start, end in ((0, len(text)), (2, max(2, len(text) - 3))):
            assert clauses(text, start, end) == plain(text, start, end), text


def test_the_breaks_tried_where_one_can_start_are_those_the_pattern_finds() -> None:
    from movemap.extract.grammar import _CLAUSE_BREAK, _breaks

    rng = random.Random(43)
    pieces = [",", ";", " ", "\t", "\u2003", "\n", "while", "While", "whereas", "Meanwhile",
              "meanwhile", "hile", "hereas", "and", "but", "as", "the", "3rd", "troops", "said",
              "Kursk's", "x", "W", "on to"]
    texts = _clause_texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
                               for _ in range(20000)]
    found = 0
    for text in texts:
        for start, end in ((0, len(text)), (1, max(1, len(text) - 2))):
            expected = [m.span() for m in _CLAUSE_BREAK.finditer(text, start, end)]
            assert [m.span() for m in _breaks(text, start, end)] == expected, repr(text)
            found += len(expected)
    assert found > 10000


def test_sentence_ends_and_datelines_tried_where_one_can_start_are_all() -> None:
    from movemap.extract.lookahead import matches_from
    from movemap.extract.report import _DATELINE, _ENDS, _NEWLINE, _SENTENCE

    rng = random.Random(71)
    pieces = ["A", "a", ".", "!", "?", "\n", " ", "\"", "”", "’", ")", "U.S.", "Gen.", "12", "Ж",
              "- ", "1.", "KYIV", ", ", "Nov 11", "(Reuters)", "—", "\n\n", "• ", "Ukraine"]
    texts = _clause_texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
                               for _ in range(5000)]
    heads, breaks = ["", "Troops left.", "A\n"], ["", "\n", "\n\n"]
    texts += ["".join([rng.choice(heads), rng.choice(breaks), place, ", ",
                       rng.choice(["Ukraine, ", ""]), "May 3 ", rng.choice(["(Reuters) ", ""]),
                       rng.choice(["-", "—", "–"]), " Troops moved."])
              for place in ("KYIV", "KHARKIV", "ST. LOUIS", "PORT-AU-PRINCE") for _ in range(50)]
    found = [0, 0]
    for text in texts:
        ends = [m.end() if m.group() != "\n" else m.start() for m in _ENDS.finditer(text)]
        expected = [m.span() for m in _SENTENCE.finditer(text)]
        assert [m.span() for m in matches_from(_SENTENCE, text, ends)] == expected, repr(text)
        lines = [0, *(m.start() for m in _NEWLINE.finditer(text))]
        filed = [m.span() for m in _DATELINE.finditer(text)]
        assert [m.span() for m in matches_from(_DATELINE, text, lines)] == filed, repr(text)
        found[0] += len(expected)
        found[1] += len(filed)
    assert found[0] > 5000 and found[1] > 100, found


def test_words_with_an_apostrophe_tried_where_a_run_of_letters_meets_one() -> None:
    from movemap.extract.lookahead import matches_from
    from movemap.extract.mentions import _APOSTROPHE_WORD, _before_apostrophes

    rng = random.Random(19)
    alphabet = [*"ab N'D’jʼ_1٣²é- .,\nŏKİ", "Ch'ŏngjin", "N'Djamena", "Cuba's", "'s"]
    texts = _clause_texts() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
                               for _ in range(3000)]
    assert sum(bool(_APOSTROPHE_WORD.search(t)) for t in texts) > 300
    for text in texts:
        assert [m.span() for m in matches_from(_APOSTROPHE_WORD, text,
                                               _before_apostrophes(text))] == [
            m.span() for m in _APOSTROPHE_WORD.finditer(text)], text


@pytest.mark.parametrize(("text", "strength"), [
    # a word that begins like a month is no month (mar-ines, jun-ior, dec-ks)
    ("Then 1,200 marines landed.", 1200),
    ("In May 1,200 marines landed.", 1200),
    ("About 2,000 marines and 300 sailors landed on 3 Sept.", 2000),
    # a day after its month is no strength, whatever men the sentence names later
    ("The assault force went ashore on August 15 and further troops landed on the 16th.", None),
    ("On 28 February 300 troops landed.", 300),
])
def test_a_month_and_its_day_are_told_from_a_strength(text: str, strength: int | None) -> None:
    from movemap.extract.grammar import strength_in

    assert strength_in(text, 0, len(text)) == strength
