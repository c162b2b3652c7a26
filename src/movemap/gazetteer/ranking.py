"""Ranking of candidate places: a score made of named parts, so a result can say why it won.

Parts (what each can add to the score):

=========== ======= ===========================================================================
match       0-1.0   how the name matched: canonical name 1.0, alternate or region base 0.95;
                    for a typo 1.5 * similarity - 0.6 (0.9 for one letter in ten wrong, 0.3 at
                    similarity 0.6), for another romanisation 0.05 more: steep, so that a
                    closer name outweighs a bigger town
kind        0-0.15  cities, sites and ports before regions for a bare name; regions first when
                    the query has a generic word (``Kursk Oblast``)
population  0-0.2   grows with the logarithm of the population (0.2 at ten million)
curated     0.15    a site or port of movemap's own overlay: it is there because it matters
                    (as much as a city of some 200,000), though it has no population
country     0.3     in the country given as a hint
near        0-0.3   close to the point given as a hint (halves about every 170 km)
context     0-0.25  close to the other places resolved together (halves every 700 km)
overlay     0.5     from a user's overlay file, which overrides the reference data
=========== ======= ===========================================================================

Tiers come before scores: a name that matches exactly never loses to a typo or a
romanisation variant, because the looser searches run only when the exact one finds nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from movemap.gazetteer.place import Candidate, Kind, Method, Place
from movemap.sphere import EARTH_RADIUS_KM, haversine_km, unit_vectors

__all__ = ["Context", "Hints", "Hit", "haversine_km", "order", "rank", "score"]

NEAR_WEIGHT, NEAR_SCALE_KM = 0.3, 250.0
CONTEXT_WEIGHT, CONTEXT_SCALE_KM = 0.25, 1000.0
COUNTRY_WEIGHT = 0.3
OVERLAY_WEIGHT = 0.5
POPULATION_WEIGHT = 0.2
CURATED_WEIGHT, CURATED_SOURCE = 0.15, "movemap"
_KIND_BARE = {Kind.CITY: 0.10, Kind.PORT: 0.10, Kind.SITE: 0.10, Kind.COUNTRY: 0.12,
              Kind.REGION: 0.05}
_KIND_GENERIC = {Kind.REGION: 0.15, Kind.COUNTRY: 0.10}


class Hit(NamedTuple):
    """A place found for a query, before ranking."""

    place: Place
    method: Method
    matched: str
    similarity: float = 1.0
    from_overlay: bool = False


@dataclass(frozen=True, slots=True)
class Hints:
    """What the caller knows beyond the name."""

    country: str | None = None
    near: tuple[float, float] | None = None


NO_HINTS = Hints()


class Context:
    """The points of other places resolved together with a name, for the ``context`` part."""

    def __init__(self, points: Sequence[tuple[float, float]]) -> None:
        self._xyz = unit_vectors([p[1] for p in points], [p[0] for p in points])

    def __bool__(self) -> bool:
        return bool(self._xyz.shape[0])

    def nearest_km(self, lat: float, lon: float) -> float:
        """Great-circle distance from a point to the nearest context point, in km."""
        la, lo = math.radians(lat), math.radians(lon)
        v = np.array([math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)])
        cosine = float(np.clip((self._xyz @ v).max(), -1.0, 1.0))
        return EARTH_RADIUS_KM * math.acos(cosine)


NO_CONTEXT = Context(())


def _match_part(hit: Hit) -> float:
    if hit.method is Method.NAME:
        return 1.0
    if hit.method in (Method.ALTERNATE, Method.REGION):
        return 0.95
    if hit.method is Method.PHONETIC:
        return max(0.0, 1.5 * hit.similarity - 0.55)
    return max(0.0, 1.5 * hit.similarity - 0.6)


@lru_cache(maxsize=65_536)
def _population_part(population: int) -> float:
    return POPULATION_WEIGHT * min(1.0, math.log10(population + 1) / 7)


def score(
    hit: Hit,
    *,
    generic: bool = False,
    hints: Hints = NO_HINTS,
    context: Context = NO_CONTEXT,
) -> Candidate:
    """Score one hit; ``context`` holds the points of the places resolved with it."""
    place = hit.place
    kind = place.kind
    parts = {
        "match": _match_part(hit),
        "kind": (_KIND_GENERIC if generic else _KIND_BARE).get(kind, 0.0),
        "population": _population_part(place.population or 0),
    }
    if place.source == CURATED_SOURCE and kind is not Kind.REGION and kind is not Kind.COUNTRY:
        parts["curated"] = CURATED_WEIGHT
    if hints is not NO_HINTS:
        if hints.country:
            parts["country"] = COUNTRY_WEIGHT if place.country == hints.country else 0.0
        if hints.near is not None:
            d = haversine_km(place.lat, place.lon, *hints.near)
            parts["near"] = NEAR_WEIGHT * math.exp(-d / NEAR_SCALE_KM)
    if context:
        d = context.nearest_km(place.lat, place.lon)
        parts["context"] = CONTEXT_WEIGHT * math.exp(-d / CONTEXT_SCALE_KM)
    if hit.from_overlay:
        parts["overlay"] = OVERLAY_WEIGHT
    return Candidate(place, sum(parts.values()), parts, hit.method, hit.matched)


def order(candidate: Candidate) -> tuple[float, int, str]:
    """Sort key of candidates, best first: score, then population, then id."""
    return -candidate.score, -(candidate.place.population or 0), candidate.place.id


def rank(
    hits: list[Hit],
    *,
    generic: bool = False,
    hints: Hints = NO_HINTS,
    context: Context = NO_CONTEXT,
) -> tuple[Candidate, ...]:
    """Score every hit, keep each place once (its best hit), and sort best first."""
    scored = [score(hit, generic=generic, hints=hints, context=context) for hit in hits]
    if len(scored) > 1:
        best: dict[str, Candidate] = {}
        for candidate in scored:
            kept = best.get(candidate.place.id)
            if kept is None or candidate.score > kept.score:
                best[candidate.place.id] = candidate
        if len(best) < len(scored):
            scored = list(best.values())
        scored.sort(key=order)
    return tuple(scored)
