"""Chinese place names in the older romanisations, read as the pinyin names the data uses;
and Vietnamese names written as one word, read as the syllables the data spells apart.

Reports written before the 1980s (and many since) spell Chinese places in Wade-Giles or in
the postal romanisation: ``Hsuchow`` for Xuzhou, ``Pengpu`` for Bengbu, ``Tientsin`` for
Tianjin, ``Kiangsu`` for Jiangsu. GeoNames lists such spellings for the best-known cities
only, and some are also the pinyin name of another place (a town called Pengpu lies in
Shanghai), so a name is read syllable by syllable into the pinyin spellings it may stand for.

Without the apostrophes that mark aspiration (reports drop them), one old spelling stands for
several pinyin ones (``p`` is b or p, ``ch`` is zh, ch, j or q): ``pinyin_readings`` gives
them all, and the gazetteer keeps the readings that name a Chinese place. Only names that
are wholly old-style syllables are read: letters such as b, d, g, q, x, z, c, r or v do not
begin a Wade-Giles syllable, so most names of other languages fail at once.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import product

# Wade-Giles and postal initials (apostrophes dropped) and the pinyin initials they may be.
_INITIALS: dict[str, tuple[str, ...]] = {
    "": ("",), "p": ("b", "p"), "m": ("m",), "f": ("f",), "t": ("d", "t"), "n": ("n",),
    "l": ("l",), "k": ("g", "k"), "h": ("h",), "ch": ("zh", "ch", "j", "q"), "hs": ("x",),
    "sh": ("sh",), "j": ("r",), "ts": ("z", "c", "j", "q"), "tz": ("z", "c"), "ss": ("s",),
    "sz": ("s",), "s": ("s",), "w": ("w",), "y": ("y",),
    # postal: Kiangsu, Peking (k before i), Kwangtung, Kweilin (kw)
    "kw": ("gu", "ku"),
}

# Finals and the pinyin finals they may be.
_FINALS: dict[str, tuple[str, ...]] = {
    "a": ("a",), "ai": ("ai",), "an": ("an",), "ang": ("ang",), "ao": ("ao",),
    "e": ("e",), "ei": ("ei",), "en": ("en",), "eng": ("eng",), "o": ("o", "e", "uo"),
    "ou": ("ou",), "ow": ("ou",), "ung": ("ong",), "i": ("i",), "ia": ("ia",),
    "iang": ("iang",), "iao": ("iao",), "ieh": ("ie",), "ien": ("ian",), "in": ("in",),
    "ing": ("ing",), "iu": ("iu",), "iung": ("iong",), "ih": ("i",), "u": ("u", "i"),
    "ua": ("ua",), "uai": ("uai",), "uan": ("uan",), "uang": ("uang",), "ui": ("ui",),
    "uei": ("ui",), "un": ("un",), "uo": ("uo",), "ueh": ("ue",), "eh": ("e",),
    "ah": ("a",), "erh": ("er",), "ee": ("i",), "ok": ("ou",),
}

_MAX_SYLLABLES = 4
_MAX_READINGS = 256


@cache
def _syllables() -> dict[str, frozenset[str]]:
    """Every old-style syllable (initial + final) and the pinyin syllables it may be."""
    table: dict[str, set[str]] = {}
    for initial, news in _INITIALS.items():
        for final, finals in _FINALS.items():
            if (final == "ih" and not initial) or (final == "erh" and initial):
                continue  # erh stands alone; ih follows an initial
            syllable = initial + final
            starts, ends = news, finals
            if initial in ("k", "s") and final.startswith("i"):
                starts = (*news, "j", "q", "x")  # postal Kiangsu, Peking, Sian
            if initial == "kw" and final == "ei":
                ends = ("i",)  # Kweilin: Guilin
            if initial == "y" and final == "en":
                ends = ("an",)  # Yenan: Yan'an
            for new, end in product(starts, ends):
                if end == "i" and final == "u" and initial not in ("ss", "sz", "tz"):
                    continue  # ssu, szu, tzu: si, zi; elsewhere u is u
                table.setdefault(syllable, set()).add(new + end)
    return {k: frozenset(v) for k, v in table.items()}


def _split(word: str) -> list[list[str]]:
    """Every way to cut ``word`` into old-style syllables (at most ``_MAX_SYLLABLES``)."""
    table = _syllables()
    longest = max(map(len, table))
    ways: list[list[str]] = []

    def walk(at: int, taken: list[str]) -> None:
        if at == len(word):
            ways.append(taken)
            return
        if len(taken) == _MAX_SYLLABLES:
            return
        for end in range(at + 1, min(len(word), at + longest) + 1):
            if word[at:end] in table:
                walk(end, [*taken, word[at:end]])

    walk(0, [])
    return ways


@cache
def pinyin_readings(key: str) -> frozenset[str]:
    """The pinyin keys an old-style romanised name ``key`` (a ``name_key``) may stand for.

    Words are joined, as pinyin place names are written (``Huai-yin`` as ``huaiyin``); a name
    of one syllable, or one that is not wholly old-style syllables, has none. The name's own
    spelling is not among them.

    >>> sorted(pinyin_readings("hsuchow"))[:3]
    ['xuchou', 'xujou', 'xuqou']
    >>> "bengbu" in pinyin_readings("pengpu")
    True
    >>> pinyin_readings("toledo")
    frozenset()
    """
    words = key.replace("-", " ").split()
    if not words or not all(w.isascii() and w.isalpha() for w in words):
        return frozenset()
    splits = [_split(w) for w in words]
    if not all(splits):
        return frozenset()
    table = _syllables()
    readings: set[str] = set()
    for cut in product(*splits):
        syllables = [s for part in cut for s in part]
        if not 2 <= len(syllables) <= _MAX_SYLLABLES:
            continue
        for spelled in product(*(sorted(table[s]) for s in syllables)):
            readings.add("".join(spelled))
            if len(readings) >= _MAX_READINGS:
                break
    readings.discard(key.replace(" ", "").replace("-", ""))
    return frozenset(readings)


# Vietnamese: colonial maps and reports wrote many names as one word (``Caobang`` for Cao
# Bằng, ``Mytho`` for Mỹ Tho, ``Thatkhe`` for Thất Khê), where the data spells each
# syllable apart. A syllable is an initial consonant (or none), one to three vowels and a
# final consonant (or none); a joined name is read back as its syllables with spaces.
_VIET_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")
_VIET_MAX_SYLLABLES = 4
JOINED_COUNTRIES = frozenset({"VN"})
"""Countries whose places a report may write as one word of their syllables: the places a
``joined_readings`` reading may find."""


@cache
def joined_readings(key: str) -> frozenset[str]:
    """The spaced readings of a name written as one word of two to four Vietnamese-style
    syllables (a ``name_key``), or none; the gazetteer keeps those that name a place in
    Vietnam.

    >>> sorted(joined_readings("caobang"))
    ['ca o bang', 'cao bang']
    >>> "my tho" in joined_readings("mytho"), joined_readings("hanoi ha")
    (True, frozenset())
    """
    if " " in key or not key.isascii() or not key.isalpha():
        return frozenset()
    readings: set[str] = set()

    def walk(at: int, taken: list[str]) -> None:
        if at == len(key):
            if len(taken) >= 2:
                readings.add(" ".join(taken))
            return
        if len(taken) == _VIET_MAX_SYLLABLES:
            return
        for end in range(at + 1, min(len(key), at + 7) + 1):
            if _VIET_SYLLABLE.fullmatch(key, at, end):
                walk(end, [*taken, key[at:end]])

    walk(0, [])
    return frozenset(readings)
