"""Whether a report is in a language the extractor reads (English), from a bounded sample.

Two checks on the first 20,000 characters: the script (most letters Latin) and the
language (English function words are at least one word in twelve; an English news text
has about one in three). A report that fails says which: ``mostly Cyrillic script``,
``Latin script but not English``. Place names in other scripts are still found in any
report (see :mod:`movemap.extract.mentions`); only the legs need English.
"""

from __future__ import annotations

import re

__all__ = ["unreadable"]

SAMPLE = 20_000
_SCRIPTS = (
    ("Latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("Cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("Hangul", re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")),
    ("Chinese or Japanese", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")),
    ("Arabic", re.compile(r"[\u0600-\u06ff]")),
    ("Hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("Greek", re.compile(r"[\u0370-\u03ff]")),
)
# the first character of the scripts after Latin above (Greek): a text without any letter
# from here on has no letter of another script
_FIRST_OTHER = "\u0370"
_ENGLISH = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "was", "were", "from", "by", "on", "at", "with",
    "for", "that", "had", "have", "has", "it", "its", "their", "they", "as", "be", "been",
    "are", "said", "will", "this", "which", "an"))
_WORDS = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# a character of another script than the Latin letters, Greek's first on (see _FIRST_OTHER)
_OTHER = re.compile("[" + _FIRST_OTHER + "-\U0010ffff]")

# the bytes that are no letter of _WORDS in Latin-1 (a text's characters up to U+00FF)
_NOT_LATIN = bytes(b for b in range(256) if not _WORDS.match(chr(b)))


def _mostly_latin(sample: str) -> bool:
    """Whether ``sample`` certainly has letters, as many Latin ones as of all the other
    scripts together (as the counts of ``unreadable`` would find): its Latin letters up to
    U+00FF, counted in C, against all its characters from U+0370 on, where the other scripts
    begin (a text with curly quotes has a few). False when that does not tell."""
    latin = _latin_letters(sample)
    return latin > 0 and latin >= len(_OTHER.findall(sample))


def _latin_letters(sample: str) -> int:
    """How many letters of :data:`_WORDS` ``sample`` has up to U+00FF (at most as many as
    it has): counted in C, without a match for each."""
    return len(sample.encode("latin-1", "ignore").translate(None, _NOT_LATIN))


# words English writes most (a few of _ENGLISH)
_FREQUENT = ("the", "of", "and", "to", "in", "a", "was", "were")


def _reads_english(sample: str) -> bool:
    """Whether ``sample`` certainly passes the English test of ``unreadable``: the words of
    :data:`_FREQUENT` with a space either side (as many English words at least) are a
    twelfth at least of one word after each character that is no Latin letter (as many words
    at most as the text has); counted in C, where the test makes a string of each word."""
    low = sample.lower()
    english = sum(low.count(f" {word} ") for word in _FREQUENT)
    return 12 * english >= len(sample) - _latin_letters(sample) + 1


def unreadable(text: str) -> str | None:
    """Why the extractor cannot read ``text`` for movements, or None when it can."""
    sample = text[:SAMPLE]
    if sample.isascii() or _OTHER.search(sample) is None:
        # no letter of another script (most English news: curly quotes and dashes at most):
        # only whether there is any letter at all, without counting them
        if _SCRIPTS[0][1].search(sample) is None:
            return None
    elif not _mostly_latin(sample):
        counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPTS}
        letters = sum(counts.values())
        if letters == 0:
            return None
        if counts["Latin"] < letters / 2:
            script = max(counts, key=lambda name: counts[name])
            return f"it is written mostly in {script} script"
    if _reads_english(sample):
        return None
    words = (_WORDS.findall(sample.lower()) if sample.isascii()
             else [w.lower() for w in _WORDS.findall(sample)])
    if len(words) >= 20 and sum(map(_ENGLISH.__contains__, words)) < len(words) / 12:
        return "it is in Latin script but does not read as English"
    return None
