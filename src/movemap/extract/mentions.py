"""Place mentions in text: every known name found at once (Aho-Corasick), then guarded.

The automaton holds the Latin names of the places a report is likely to name: every
region, country and site, and towns of 5,000 or more (their names in every Latin
spelling GeoNames has). It is built once from the gazetteer index and kept in the cache
folder. A match counts when it stands on word boundaries, starts with a capital letter in
the text, and is not a common English word (``Most``, ``Mobile``, ``Nice``...) used as one.
"""

from __future__ import annotations

import pickle
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from movemap.gazetteer import Gazetteer, Kind

__all__ = ["Mention", "find_mentions", "fold"]

MIN_POPULATION = 5_000
_FORMAT = 2
# Words that are also places somewhere, but in a report are nearly always just words.
COMMON = frozenset("""
a about after against all also an and any are around as at be because been before being
between both but by can could day days did do does during each early even few first five for
four from further had has have he her here his how i if in into is it its just last late
least less like many march may more most much must new next no not now of off on once one
only or other our out over own people per same say says second several she should since so
some still such than that the their them then there these they third this those three
through to too two under until up very was we were what when where which while who will with
within would year years you mobile nice reading bath split most deal male ore mary victoria
liberty union unity progress victory independence concord enterprise hope pride friendship
january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday
""".split())  # noqa: SIM905 (a word list reads better so)
_WORD = re.compile(r"\w", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one: offsets stay those of ``text``."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        base = base.lower()
        out.append(base if len(base) == 1 else ch.lower())
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text, with its offsets and the sentence it is in."""

    text: str
    start: int
    end: int
    sentence: int


def _vocabulary(gazetteer: Gazetteer) -> list[str]:
    index = gazetteer._index  # the extractor is part of movemap; the index is its to read
    keys = []
    for key in index._vocab:
        if len(key) < 3 or key in COMMON:
            continue
        number = index.best_exact(key)
        if number is None:
            continue
        place = index.place(number)
        if place.kind is not Kind.CITY or (place.population or 0) >= MIN_POPULATION:
            keys.append(key)
    return keys


@cache
def automaton(gazetteer: Gazetteer, cache_dir: Path | None = None) -> Any:
    """The name matcher for this gazetteer, kept in movemap's cache folder once built."""
    import ahocorasick

    from movemap import cache as cache_folder

    def build(folder: Path) -> None:
        matcher = ahocorasick.Automaton()
        for key in _vocabulary(gazetteer):
            matcher.add_word(key, len(key))
        matcher.make_automaton()
        with (folder / "automaton.pickle").open("wb") as f:
            pickle.dump(matcher, f)

    def read(folder: Path) -> Any:
        # written by this code into a checked cache entry, never taken from elsewhere
        with (folder / "automaton.pickle").open("rb") as f:
            return pickle.load(f)

    key = cache_folder.digest(f"format {_FORMAT}", gazetteer._index.manifest["fingerprint"],
                              sys.modules[__name__])
    return cache_folder.load("mentions", key, build, read, what="name matcher of extract",
                             root=cache_dir)


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether a match is a piece of a longer name.

    ``Sainte`` in ``Sainte-Mere-Eglise``, ``Amu`` in ``Amu Darya``, ``Kyrylo`` in
    ``Kyrylo Budanov``.
    """
    if end < len(text) - 1 and text[end] == "-" and text[end + 1].isalpha():
        return True
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    if end < len(text) - 1 and text[end] == " " and text[end + 1].isupper():
        return True
    before = text[:start].rstrip(" ")
    if len(before) < start and before and before[-1].isalpha():
        word = before.split()[-1]
        head = before[: len(before) - len(word)].rstrip()
        starts_sentence = not head or head[-1] in ".!?\n:\"“"
        if word[0].isupper() and not starts_sentence:
            return True
    return False


def _is_area(gazetteer: Gazetteer, word: str) -> bool:
    place = gazetteer.resolve(word)
    return place.found and place.place.kind is not Kind.CITY


def find_mentions(text: str, sentences: list[tuple[int, int]],
                  gazetteer: Gazetteer) -> list[Mention]:
    """Place names in ``text``, longest first where they overlap, in text order."""
    folded = fold(text)
    found: list[tuple[int, int]] = []
    for end, length in automaton(gazetteer).iter(folded):
        start = end - length + 1
        if (start > 0 and _WORD.match(text[start - 1])) or (
                end + 1 < len(text) and _WORD.match(text[end + 1])):
            continue
        if not text[start].isupper():
            continue
        found.append((start, end + 1))
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    out: list[Mention] = []
    last_end = -1
    for start, end in found:
        if start < last_end:
            continue  # inside a longer name already taken
        word = text[start:end]
        if _inside_longer_name(text, start, end):
            continue
        if word.lower() in COMMON or (word.isupper() and len(word) <= 4 and word.isalpha()
                                      and not _is_area(gazetteer, word)):
            continue  # "NIS" is an agency, not Niš; but "USA" is a country
        sentence = next((i for i, (a, b) in enumerate(sentences) if a <= start < b), 0)
        out.append(Mention(word, start, end, sentence))
        last_end = end
    return out
