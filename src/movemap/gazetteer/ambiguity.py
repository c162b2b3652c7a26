"""When a resolved name is ambiguous: one test for the library and every command.

A name is ambiguous when a runner-up scores within ``AMBIGUITY_MARGIN`` of the winner and
is a real alternative to it (a *rival*): another place, more than ``AMBIGUITY_KM`` away,
that the data do not tell apart from the winner. Two runners-up are no rival:

- an area that holds the winner (``Vinnytsia Oblast`` behind the city of Vinnytsia): it is
  where the winner is, read at a coarser level;
- a town that the winner, a large town (``NOTABLE_POPULATION``), outsizes ``SIZE_RATIO``
  times, when the other places of the text (and the caller's hints) give it no more than
  they give the winner: nothing but size tells the two apart, and size speaks clearly
  (``Madrid`` alone is the Spanish capital, not the town in Colombia; among Colombian
  towns the text speaks for the town, and the name is ambiguous or the town wins).

A runner-up within ``AMBIGUITY_KM`` (the airport of the town, the town's other record) does
not hide a rival behind it. A region abroad found by its bare name, ``AREA_RATIO`` times the
town winner's size, is a rival within the wider ``AREA_MARGIN`` (``Amur`` alone: Āmūr, a town
of India, or Amur Oblast, named for the river, not for a town of its own).

``Resolution.ambiguous`` applies this test, and ``movemap.refs.ambiguous`` (``validate``,
``render``, ``timeline``, ``status``, ``export``) is the same test, so that what a notebook
sees from ``Gazetteer.resolve`` is what the commands say.
"""

from __future__ import annotations

from collections.abc import Sequence

from movemap.gazetteer.place import AREAL, Candidate, Kind, Method, outline_holds
from movemap.gazetteer.ranking import NOTABLE_POPULATION
from movemap.sphere import haversine_km

__all__ = ["AMBIGUITY_KM", "AMBIGUITY_MARGIN", "SIZE_RATIO", "ambiguous", "rival"]

AMBIGUITY_MARGIN = 0.05
"""A runner-up scoring within this of the winner may be what was meant."""
AMBIGUITY_KM = 25.0
"""... when it lies farther than this from the winner."""
AREA_MARGIN = 0.1
"""A region abroad found by its bare name and scoring within this of a town winner ..."""
AREA_RATIO = 10
"""... and this many times the town's size, is a rival (``_larger_area``)."""
SIZE_RATIO = 5
"""A large town this many times as populous as a namesake the text says nothing for wins
clearly."""
# Any more support than this (rounding) is a word from the text for the smaller town: even
# a trace (a country share of a few per cent) keeps the name ambiguous, as flagging costs
# the user a look and a confident wrong answer costs the map.
_SUPPORT_EDGE = 1e-9
# What the text and the caller's hints gave a candidate (see ``movemap.gazetteer.ranking``).
_SUPPORT_PARTS = ("context", "coherence", "named", "within", "near", "country", "overlay",
                  "short form")
_OWN_NAMES = frozenset({Method.NAME, Method.ALTERNATE, Method.FORMER})


def rival(candidates: Sequence[Candidate]) -> Candidate | None:
    """The runner-up that makes the winner of ``candidates`` (best first) ambiguous, or None."""
    if len(candidates) < 2:
        return None
    best = candidates[0]
    for other in candidates[1:]:
        if best.score - other.score >= AMBIGUITY_MARGIN:
            # ... or within AREA_MARGIN, a region abroad by its bare name, many times the
            # town's size (Amur Oblast behind Āmūr, a town of India)
            if best.score - other.score < AREA_MARGIN and _larger_area(other, best):
                return other
            return None
        if haversine_km(best.place.lat, best.place.lon, other.place.lat,
                        other.place.lon) <= AMBIGUITY_KM:
            continue
        if _holds(other, best) or _outsized(best, other):
            continue
        return other
    return None


def _larger_area(area: Candidate, town: Candidate) -> bool:
    """Whether ``area`` is a region of another country than the town ``town``, found by its
    bare name, with ``AREA_RATIO`` times its people: what the bare name more often means."""
    return (town.place.kind is Kind.CITY and area.method is Method.REGION
            and area.place.kind in AREAL and area.place.country != town.place.country
            and (area.place.population or 0) >= AREA_RATIO * max(town.place.population or 0, 1))


def ambiguous(candidates: Sequence[Candidate]) -> bool:
    """Whether the winner of ``candidates`` (best first) has a rival (see ``rival``)."""
    return rival(candidates) is not None


def _holds(area: Candidate, point: Candidate) -> bool:
    """Whether ``area`` is an area with an outline that holds the point winner ``point``."""
    return (point.place.kind not in AREAL and area.place.kind in AREAL
            and outline_holds(area.place, point.place))


def _outsized(best: Candidate, other: Candidate) -> bool:
    """Whether a large town winner outsizes a namesake town that nothing else speaks for."""
    if (best.place.kind is not Kind.CITY or other.place.kind is not Kind.CITY
            or best.method not in _OWN_NAMES or other.method not in _OWN_NAMES
            or (best.method is not Method.NAME and other.method is Method.NAME)):
        return False
    size = best.place.population or 0
    if size < NOTABLE_POPULATION or size < SIZE_RATIO * max(other.place.population or 0, 1):
        return False
    return _support(other) <= _support(best) + _SUPPORT_EDGE


def _support(candidate: Candidate) -> float:
    return sum(candidate.parts.get(part, 0.0) for part in _SUPPORT_PARTS)
