"""Rules that read a batch of names as a list (in place on the ranked readings of
``Gazetteer.resolve_all``): a list of military bases, a text written in the older
romanisations of Chinese, one that writes Vietnamese names as one word, and the runs of
names a text writes together. With the method sets and lifts that the gazetteer's other
rules share.

Public API (what ``gazetteer.py`` uses): the rules ``read_base_list``,
``read_old_style_text``, ``read_joined_text`` and ``doubt_namesakes_beside``, each changing
a batch's ranked readings in place; the method sets ``NAMED_METHODS``, ``NO_PULL_METHODS``
and ``KIND_READINGS``; ``CHINESE_COUNTRIES``; and the lifts and distances below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from movemap.gazetteer.normalize import name_key
from movemap.gazetteer.place import AREAL, Candidate, Kind, Method
from movemap.gazetteer.ranking import SAME_PLACE_KM
from movemap.gazetteer.romanization import JOINED_COUNTRIES, joined_readings, pinyin_readings
from movemap.sphere import haversine_km

if TYPE_CHECKING:
    from movemap.gazetteer.gazetteer import Query

__all__ = [
    "BASE_AT_TOWN_KM",
    "CHINESE_COUNTRIES",
    "KIND_CONTEXT_LIFT",
    "KIND_READINGS",
    "NAMED_METHODS",
    "NO_PULL_METHODS",
    "OLD_STYLE_LIFT",
    "doubt_namesakes_beside",
    "read_base_list",
    "read_joined_text",
    "read_old_style_text",
]

_AREAL = AREAL
NAMED_METHODS: frozenset[Method] = frozenset(
    {Method.NAME, Method.ALTERNATE, Method.ABBREVIATION, Method.DEMONYM})
"""Readings found by a name of the place (its own, another, an abbreviation, a demonym)."""
NO_PULL_METHODS: frozenset[Method] = frozenset({Method.FALLBACK, Method.FUZZY})
"""Readings that are guesses and must not pull the other names of a batch: a fallback (X
itself for "X bridge") and a typo match (which may yet be refused)."""
CHINESE_COUNTRIES: frozenset[str] = frozenset({"CN", "TW", "HK", "MO"})
"""Where places are named in pinyin, and older reports romanised them otherwise."""
OLD_STYLE_LIFT = 0.05
"""What the old-style reading of a name gains over the town of its spelling in a text
written in old spellings (see ``read_old_style_text``)."""
_OLD_STYLE_OTHERS = 2
KIND_READINGS: frozenset[Method] = frozenset({Method.NAME, Method.ALTERNATE, Method.KIND})
"""Readings that may stand for a place of a kind: by a name, or by the kind its name says."""
KIND_CONTEXT_LIFT = 0.05
"""What a reading of the list's kind gains over the town it displaces (see ``_kind_context``)."""


def _compact(name: str) -> str:
    return name_key(name).replace(" ", "")


def _read_old_style(q: Query, candidate: Candidate) -> bool:
    """Whether ``candidate`` is a Chinese place that ``q``'s name spells in an older
    romanisation (``Tientsin`` for Tianjin, by GeoNames or by ``pinyin_readings``)."""
    return (candidate.place.country in CHINESE_COUNTRIES and candidate.method is Method.ALTERNATE
            and _compact(candidate.place.name) in pinyin_readings(name_key(q.name)))


def read_old_style_text(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """A name spelled as a small Chinese town is spelled in pinyin, and also, in an older
    romanisation, a larger Chinese place (``Pengpu``: a town in Shanghai, and Bengbu in
    Wade-Giles). In a text that spells at least ``_OLD_STYLE_OTHERS`` other names the old
    way (``Hsuchow``, ``Nanking``), the old reading goes first; elsewhere the town stands,
    in doubt (in place)."""
    old = sum(bool(c) and _read_old_style(q, c[0]) for q, c in ranked.items())
    for q, candidates in ranked.items():
        if not candidates or candidates[0].method is not Method.NAME:
            continue
        best = candidates[0]
        if best.place.country not in CHINESE_COUNTRIES:
            continue
        place = best.place
        reading = next((c for c in candidates[1:] if _read_old_style(q, c)
                        and c.place.kind is place.kind
                        and (c.place.population or 0) > (place.population or 0)
                        and haversine_km(place.lat, place.lon, c.place.lat, c.place.lon)
                        > SAME_PLACE_KM), None)
        if reading is None:
            continue
        if old - _read_old_style(q, best) >= _OLD_STYLE_OTHERS:
            lift = best.score - reading.score + OLD_STYLE_LIFT
            new = reading._replace(score=reading.score + lift,
                                   parts={**reading.parts, "old spellings": lift})
            ranked[q] = (new, *(c for c in candidates if c is not reading))
        elif best.doubt is None:
            doubt = (f"also {reading.place.name} ({reading.place.country}) in an older "
                     "romanisation, larger")
            ranked[q] = (best._replace(doubt=doubt), *candidates[1:])


_MILITARY = frozenset({Kind.AIRBASE, Kind.NAVAL_BASE})
BASE_AT_TOWN_KM = 20.0
"""How near a town an air or naval base bearing its name lies to be that town's base."""
_BASE_LIST_MIN = 3
_BASE_LIST_SWITCHES = frozenset({Kind.CITY, Kind.AIRPORT})
"""Winners a list of bases may read as the base of their name elsewhere: a town, or a civil
airfield of the same name (a "Wheeler Field" in Australia among Hickam and Clark Fields)."""


def _base_of(candidates: tuple[Candidate, ...]) -> Candidate | None:
    """The name's air or naval base: its winner if it is one, or a base known by the name
    (or named for it) within ``BASE_AT_TOWN_KM`` of the winning town (RAF Lakenheath at
    Lakenheath)."""
    best = candidates[0]
    if best.place.kind in _MILITARY:
        return best
    if best.place.kind is not Kind.CITY or best.method not in NAMED_METHODS:
        return None
    return next((c for c in candidates[1:] if c.place.kind in _MILITARY
                 and c.method in KIND_READINGS and haversine_km(
                     best.place.lat, best.place.lon, c.place.lat, c.place.lon)
                 <= BASE_AT_TOWN_KM), None)


def read_base_list(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """A bare name in a list of military bases is the air or naval base it names, wherever
    it lies (in place).

    A list of bases spans countries and oceans (Rota, Morón, Lajes, Thule), so neither
    closeness nor country tells a base's town from a namesake town elsewhere. When at least
    ``_BASE_LIST_MIN`` of the other points of the batch, and all or more than two thirds of
    them, are air or naval bases, towns with a base of their name (``_base_of``) or names
    that read as a base somewhere, a name
    whose winner is a town with no base of its own, and that has an air or naval base of
    its name elsewhere, is that base (the best scored, if several): a village called
    Morón in Argentina is not what a list of American bases means."""
    winners = {q: c for q, c in ranked.items() if c}
    bases = {q: _base_of(c) for q, c in winners.items()}
    # a name that reads as a base somewhere is one more sign of a list of bases
    based = {q for q, c in winners.items() if bases[q] is not None or any(
        o.place.kind in _MILITARY and o.method in KIND_READINGS for o in c)}
    for q, candidates in winners.items():
        best = candidates[0]
        held = best.place.kind in _MILITARY and best.method in KIND_READINGS
        if not held and (best.place.kind not in _BASE_LIST_SWITCHES
                         or best.method not in NAMED_METHODS or bases[q]):
            continue
        others = [o for o, c in winners.items() if o != q and c[0].place.kind not in _AREAL
                  and c[0].method not in NO_PULL_METHODS]
        listed = sum(o in based for o in others)
        if listed < _BASE_LIST_MIN or (listed < len(others) and 3 * listed <= 2 * len(others)):
            continue
        if held:
            # a base already: the list also tells it from a civil airfield or a town of its
            # name elsewhere ("Maxwell Field" in Texas beside Maxwell AFB)
            rivals = [c for c in candidates[1:] if c.place.kind not in _MILITARY]
            if rivals and best.score - rivals[0].score < KIND_CONTEXT_LIFT:
                lift = KIND_CONTEXT_LIFT
                ranked[q] = (best._replace(score=best.score + lift,
                                           parts={**best.parts, "base list": lift}),
                             *candidates[1:])
            continue
        pick = next((c for c in candidates[1:] if c.place.kind in _MILITARY
                     and c.method in KIND_READINGS), None)
        if pick is None:
            continue
        lift = best.score - pick.score + KIND_CONTEXT_LIFT
        new = pick._replace(score=pick.score + lift, parts={**pick.parts, "base list": lift})
        ranked[q] = (new, *(c for c in candidates if c is not pick))


def _read_joined(q: Query, candidate: Candidate) -> bool:
    """Whether ``candidate`` is a Vietnamese place that ``q``'s one-word name spells syllable
    by syllable (``Longan`` for Long An; ``romanization.joined_readings``)."""
    return (candidate.place.country in JOINED_COUNTRIES and candidate.method is Method.ALTERNATE
            and name_key(candidate.matched) in joined_readings(name_key(q.name)))


def read_joined_text(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """A one-word name read syllable by syllable as a Vietnamese place is a guess when the
    name also finds a place as it is spelled, elsewhere (``Longan``: Long'an in China, Long An
    province by its syllables): unless the text spells at least ``_OLD_STYLE_OTHERS`` other
    names that way (a Tonkin report: Hadong beside Caobang and Langson), the reading stands
    in doubt, as the old Chinese readings do alone."""
    joined = sum(bool(c) and _read_joined(q, c[0]) for q, c in ranked.items())
    for q, candidates in ranked.items():
        if not candidates or candidates[0].doubt is not None:
            continue
        best = candidates[0]
        if not _read_joined(q, best) or joined - 1 >= _OLD_STYLE_OTHERS:
            continue
        spelled = next((c for c in candidates[1:] if c.method is Method.NAME
                        and haversine_km(best.place.lat, best.place.lon, c.place.lat,
                                         c.place.lon) > SAME_PLACE_KM), None)
        if spelled is not None:
            doubt = (f"read by its syllables; as spelled, {spelled.place.name} "
                     f"({spelled.place.country})")
            ranked[q] = (best._replace(doubt=doubt), *candidates[1:])


def doubt_namesakes_beside(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """A town read in one country while the names written on each side of it (the batch's
    order is the text's) both lie in another, where a place of its name lies too, stands in
    doubt (in place).

    A text names places in short runs that belong together ("mined the approaches to
    Corinto, Puerto Sandino and El Bluff"); the rest of the text may pull a name to a
    namesake in the country it also speaks of (Corinto, the town in El Salvador near
    Perquín), or a namesake may be far larger (Nikopol on the Dnieper beside Plevna and
    Sistova). Either reading may be meant: the answer keeps its rank, flagged. A name that
    stands first or last, or whose neighbours lie in two countries, is not read so.
    """
    order = [q for q, c in ranked.items() if c and c[0].method not in NO_PULL_METHODS]
    for i, q in enumerate(order):
        best = ranked[q][0]
        if (not best.confident or best.method not in NAMED_METHODS
                or best.place.kind in _AREAL or not 0 < i < len(order) - 1):
            continue
        countries = {ranked[o][0].place.country for o in (order[i - 1], order[i + 1])}
        there = countries.pop() if len(countries) == 1 else None
        if there is None or there == best.place.country:
            continue
        if any(c.method in NAMED_METHODS and c.place.kind not in _AREAL and c.place.country == there
               for c in ranked[q][1:]):
            doubt = f"a namesake in {there}, where the names on each side of it are"
            ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])
