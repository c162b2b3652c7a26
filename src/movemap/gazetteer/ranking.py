"""Ranking of candidate places: a score made of named parts, so a result can say why it won.

Parts (what each can add to the score):

=========== ======= ===========================================================================
match       0-1.0   how the name matched: canonical or former name 1.0; alternate name, airport
                    code, named kind (``Engels air base``) or region base form 0.95;
                    abbreviation 0.9; demonym 0.85; a named kind whose feature is named
                    for a landform of the name (Pope Valley Airport for "Pope air base")
                    0.9; a part of an area by direction
                    (``eastern Ukraine``) 0.95; the seat town of a district without an
                    outline 0.9; nearest of a kind 0.8; fallback to X for
                    ``X air base`` 0.4 (these two less how far the place X is found at
                    is behind the first place of that name); for a typo 1.5 * similarity
                    - 0.6 (0.9 for one letter in ten wrong, 0.3 at similarity 0.6), for
                    another romanisation 0.05 more
kind        0-0.3   a bare name that is a real name of an area (not a base form): country,
                    macro-region and continent 0.3, region 0.25, district 0.12, so that "Texas",
                    "Australia" and "Africa" are the areas; air bases 0.15 (0.1 when reached
                    through the town they are near); towns and sites 0.1; regions first
                    when the query has a generic word (``Kursk Oblast``)
population  0-0.2   grows with the logarithm of the population (0.2 at ten million); areas have
                    the population of the towns inside them
curated     0.15    a site of movemap's own overlay: it is there because it matters
country     0.3     in the country given as a hint
near        0-0.3   close to the point given as a hint (halves about every 170 km)
context     0-0.25  close to the other places resolved together: the mean over them of
                    exp(-km / 600), so near most of a report's places counts, near one city of
                    a world list hardly; an area that holds one of them is at 0 km from it
coherence   0-0.3   in the country of the other places resolved together, by the square of their
                    share: the country the others agree on weighs more than raw distance, one
                    country among many in a mixed list hardly counts
named       0-0.1   a point in a country named as such among the other places (``San José`` in
                    a report that names Costa Rica, ``La Paz`` beside Bolivia and Paraguay):
                    the text says where it is even when its towns are mostly elsewhere; 0.1
                    times the share of the others not in that country, since where they are
                    there, ``coherence`` already says so
within      0.2     a point in a region or district named with it (Belaya among air bases, with
                    Irkutsk Oblast: the air base there, not a village elsewhere; a town and
                    its port both there: the town); not a town read by the first words of its
                    name (Lerdo de Tejada in Veracruz is not "Lerdo" beside Torreón)
overlay     0.5     from a user's overlay file, which overrides the reference data
former      -0.6    a former name, when a larger place bears it as its current name, or a
                    country's, when a town of 100,000 or more does (Gold Coast)
old name    -0.3    an alternate name of a town that is the former name of a place ten times
                    larger (Königsberg is Kaliningrad, not Chojna, once Königsberg in der
                    Neumark)
larger      0.15    a hundred times larger than every other town (or area) of that exact name
area name   -0.3    a town of less than a twentieth of the population of an area that bears
                    its name exactly (Texas, Mexico: the state), or a town found by its name
                    without a generic word ("X City" for the state X) smaller than it
after town  -0.3    a feature found by its name without its kind word (``Bremen`` for Bremen
                    Airport, ``Termez`` for the bridge) with a town of that name within
                    60 km: the bare name is the town's, the feature is named after it
its feature 0-      that town: put just ahead of what the feature scored
namesake    -0.35   a region named like a town of its country that has a tenth of its population
                    or more, the town inside it (``Kabul``, ``New York``) or the name only an
                    alternate one of the region (``Saint Petersburg`` for Leningrad Oblast):
                    a bare name means the town; three tenths when the town has the name as
                    another name of its own, not its name spelled otherwise or shortened
                    (``Bahia`` is the state, not Salvador)
river's     -0.3    an area (not a country) found by another name that is not its own or its
name                short form, or is the short form of a name with "River" in it, beside a
                    river found by its own name (Podunavlje, a Serbian district also called
                    "Danube"; the Sudanese state River Nile): the name is the river's
=========== ======= ===========================================================================

With other places (a ``Context``), one more part, "exact name, far larger": a town of the
exact name a hundred times larger than a winner found by another of its names, that only the
other places lifted, is put ahead by 0.1 (``Baghdad`` beside ``Tehran``); so is a notable town
ten times larger than a winner in none of the other places' countries (``Washington`` beside
``Wilhelmshaven``). A region named in the text does not lift a village over a notable town
of its name and country a hundred times larger: the part takes its ``within`` back and the
names are ranked again (``Albany`` beside Georgia's towns and Ohio). A region found by its
bare name in none of the other places' countries, nor in one the text names, yields to a town
of the exact name that lies in one (``Santander`` beside Corunna: the port, in doubt; see
``_region_abroad_yields``). A town found by its
name without the compass word that tells it from a namesake of its country (``Cruzeiro`` for
Cruzeiro do Oeste) yields to that namesake, the town of the exact name, unless the other
places lie nearer it. See ``_canonical_first``.

Two rules mark the winner in doubt (``Candidate.doubt``) whatever the context, when another
candidate reads the name as well: a region won by its name beside a town abroad at least
half as populous (``Gaza``), and a region named like another country's people (``Somali``).
A third holds only without other places: a small town found by another of its names a hair
ahead of a namesake elsewhere (bare ``Bagram``: a village in Iran, or the air base).

Tiers come before scores: a name that matches exactly never loses to a typo or a
romanisation variant, because the looser searches run only when the exact one finds nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from movemap.countries import capital_name
from movemap.gazetteer.normalize import COMPASS_WORDS, kind_phrase, name_key
from movemap.gazetteer.place import (
    AREAL,
    RIVER_ID_PREFIX,
    Candidate,
    Kind,
    Method,
    Place,
    outline_holds,
)
from movemap.gazetteer.rivers import lent_name
from movemap.sphere import EARTH_RADIUS_KM, haversine_km, unit_rows

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["CANONICAL_PART", "Context", "Hints", "Hit", "Ranker", "Spots", "haversine_km",
           "order", "rank", "score"]

NEAR_WEIGHT, NEAR_SCALE_KM = 0.3, 250.0
CONTEXT_WEIGHT, CONTEXT_SCALE_KM = 0.25, 600.0
COHERENCE_WEIGHT = 0.3
WITHIN_WEIGHT = 0.2
NAMED_COUNTRY_WEIGHT = 0.1
COUNTRY_WEIGHT = 0.3
OVERLAY_WEIGHT = 0.5
POPULATION_WEIGHT = 0.2
CURATED_WEIGHT, CURATED_SOURCE = 0.15, "movemap"
# The size a town is taken to have when the data gives none (an overlay village or quarter
# that reports name): a village's, not nobody's.
UNCOUNTED_TOWN = 1_000
# ... and when GeoNames lists it with a count of 0 (a quarter of a city, a seat it has no
# count for, such as Woolwich in London): the least its list of towns of 500 holds.
LISTED_TOWN = 500
FORMER_PENALTY = -0.6
DOMINANCE_WEIGHT, DOMINANCE_RATIO = 0.15, 100
AREA_NAME_PENALTY, AREA_NAME_SHARE = -0.3, 0.05
FORMER_ELSEWHERE_PENALTY, FORMER_SHARE = -0.3, 10
NAMESAKE_PENALTY, NAMESAKE_SHARE = -0.35, 0.1
RIVER_NAME_PENALTY = -0.3
# ... the share for a town that has the region's name only as another of its names
NAMESAKE_ALTERNATE_SHARE = 0.3
_SPELLING_RATIO = 50.0  # rapidfuzz ratio (0-100) of two spellings of one name, at least
AFTER_TOWN_PENALTY, AFTER_TOWN_KM = -0.3, 60.0
# A town abroad at least half as populous as a region of its name leaves the region in doubt.
TOWN_ABROAD_SHARE = 2
# A town this populous speaks for itself; places closer than SAME_PLACE_KM are one place's
# readings; a lead under WEAK_LEAD tells two readings apart no better than a guess.
NOTABLE_POPULATION = 100_000
SAME_PLACE_KM = 100.0
SCAN_BELOW = 64
"""Fewer points than this are scanned in a plain loop (a report's handful: numpy's calls
cost more); from this many on, numpy's vector products (and, in the gazetteer's ``_Ball``,
a k-d tree) do the work, as for a dataset's thousands of places."""
WEAK_LEAD = 0.15
# How far a far larger town of the exact name is put ahead of an alternate-name namesake.
CANONICAL_LEAD, CANONICAL_PART = 0.1, "exact name, far larger"
_AFTER_TOWN_LEAD = 0.01
_MATCH = {Method.NAME: 1.0, Method.ALTERNATE: 0.95, Method.REGION: 0.95, Method.CODE: 0.95,
          Method.KIND: 0.95, Method.ABBREVIATION: 0.9, Method.FORMER: 1.0,
          Method.DEMONYM: 0.85, Method.NEARBY: 0.8, Method.FALLBACK: 0.4, Method.PART: 0.95,
          Method.SEAT: 0.9}
# A bare name that is a real name of an area (not a base form) asks for the area.
_KIND_AREA_NAME = {Kind.COUNTRY: 0.3, Kind.MACRO_REGION: 0.3, Kind.CONTINENT: 0.3,
                   Kind.REGION: 0.25, Kind.DISTRICT: 0.12}
_KIND_AREA_BASE = 0.05
_THROUGH_BASE = frozenset({Method.NEARBY, Method.FALLBACK})
_KIND_POINT = 0.10
_KIND_AIRBASE = 0.15  # no population to speak for it, yet what reports about bases mean
_KIND_GENERIC = {Kind.REGION: 0.15, Kind.DISTRICT: 0.12, Kind.COUNTRY: 0.10,
                 Kind.MACRO_REGION: 0.10}
_AREA_NAMES = frozenset({Method.NAME, Method.ALTERNATE, Method.ABBREVIATION, Method.DEMONYM,
                         Method.FORMER, Method.PART})


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
    """The other places resolved together with a name: their points (``context`` part) and
    the share of them in each country (``coherence`` part)."""

    def __init__(
        self,
        points: Sequence[tuple[float, float]],
        countries: Mapping[str, float] | None = None,
        areas: Sequence[BaseGeometry] = (),
        named_countries: frozenset[str] = frozenset(),
    ) -> None:
        self.points = len(points)
        """How many points of other places there are (areas' outlines not counted)."""
        self._points = points
        self._xyz = unit_rows([(p[1], p[0]) for p in points])
        self._rows: list[tuple[float, float, float]] | None = None  # _xyz's rows, when asked
        # the points' latitudes and longitudes, each a row, when asked (an outline weighed
        # beside them needs them, most contexts never do)
        self._coordinates: tuple[np.ndarray, np.ndarray] | None = None
        # the closeness of each area weighed beside this context (closeness_beside_within),
        # by (lat, lon, id of its outline): asked again, closeness gives it from here
        self._weighed: dict[tuple[float, float, int], tuple[BaseGeometry, float]] = {}
        self.countries: Mapping[str, float] = countries or {}
        self._areas = list(areas)
        # the outlines as one array: one containment call for all of them
        self._outlines = _NO_OUTLINES
        if self._areas:
            self._outlines = np.empty(len(self._areas), dtype=object)
            self._outlines[:] = self._areas
        self.named_countries = named_countries
        """The countries named as such among the other places (``Falkland Islands``)."""
        self.home: tuple[str | None, float] = max(
            self.countries.items(), key=itemgetter(1), default=(None, 0.0))
        """The country with the largest share of the other places (the first of equals), and
        its share; (None, 0.0) without countries."""
        self._top_share = self.home[1]
        # read for every candidate scored: worked out once (a context is never changed)
        self._any = bool(self._xyz.shape[0]) or bool(self.countries) or bool(self._areas)
        # the shapes closeness_beside_within broadcasts against, made once, not per call
        self._xyz_stack = self._xyz[np.newaxis, :, :]
        self._outlines_row = self._outlines[np.newaxis, :]

    def _latitudes_longitudes(self) -> tuple[np.ndarray, np.ndarray]:
        """The context points' latitudes and longitudes, each as one row."""
        if self._coordinates is None:
            self._coordinates = (np.array([[p[0] for p in self._points]], dtype=float),
                                 np.array([[p[1] for p in self._points]], dtype=float))
        return self._coordinates

    def __bool__(self) -> bool:
        return self._any

    def closeness(self, lat: float, lon: float, polygon: BaseGeometry | None = None) -> float:
        """How close a place is to the context points, 0 to 1: the mean of exp(-km / scale).

        A mean, not the nearest: near one city of a list of world cities is not near the
        list, while a town near most places of a report is. Points inside ``polygon`` (an
        area's outline) count as at distance 0, and so does a context area (a region named
        with it: Kentucky for London) that holds the place. An area weighed beside the
        context already (``closeness_beside_within``) has its figure from then.
        """
        count = int(self._xyz.shape[0]) + len(self._areas)
        if not count:
            return 0.0
        if polygon is not None and (known := self._weighed.get((lat, lon, id(polygon)))) and (
                known[0] is polygon):
            return known[1]
        total = 0.0
        if self._xyz.shape[0]:
            la, lo = math.radians(lat), math.radians(lon)
            v = np.array([math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo),
                          math.sin(la)])
            # minimum(maximum()) is clip's result without np.clip's Python-level overhead
            km = EARTH_RADIUS_KM * np.arccos(np.minimum(np.maximum(self._xyz @ v, -1.0), 1.0))
            if polygon is not None:
                import shapely

                lats, lons = self._latitudes_longitudes()
                km = np.where(shapely.contains_xy(polygon, lons[0], lats[0]), 0.0, km)
            total += float(np.exp(-km / CONTEXT_SCALE_KM).sum())
        if self._areas and polygon is None:
            import shapely

            total += int(shapely.contains_xy(self._outlines, lon, lat).sum())
        return float(total / count)

    def closeness_beside_within(self, spots: Spots
                                ) -> tuple[list[float], list[bool], list[bool]]:
        """For each of ``spots``: ``closeness(lat, lon, outline)``, with the same arithmetic
        (each place's dot products with the context points as ``closeness`` takes them, then
        the distances, the containments and the weights of all places at once: numpy works
        element by element there, and sums each row as it sums a row alone, so each place's
        figure is the one ``closeness`` gives, to the last bit); whether it lies within
        ``BORDER_TWIN_KM`` of a context point (for ``share``), from the same products; and
        ``within(lat, lon)``, from one containment call for all of them, which also gives
        the areas that hold each place without an outline (for its closeness)."""
        size = spots.size
        held_by: np.ndarray | None = None  # [place, area]: whether the area holds the place
        within = [False] * size
        if self._areas and size:
            import shapely

            held_by = shapely.contains_xy(self._outlines_row, spots.lons, spots.lats)
            within = _ANY(held_by, axis=1).tolist()
        count = int(self._xyz.shape[0]) + len(self._areas)
        if not count:
            return [0.0] * size, [False] * size, within
        totals = [0.0] * size
        beside = [False] * size
        if self._xyz.shape[0] and size:
            # one batched product: numpy multiplies the context points by each place's
            # vector as ``self._xyz @ vector`` does, one place at a time, in one call
            dots = np.matmul(self._xyz_stack, spots.vectors)[:, :, 0]
            # the ufuncs' reductions themselves: ``any`` and ``sum`` call them through a
            # Python wrapper each time (same reduction, same result)
            beside = _ANY(dots >= _TWIN_COSINE, axis=1).tolist()
            km = EARTH_RADIUS_KM * np.arccos(np.minimum(np.maximum(dots, -1.0), 1.0))
            if spots.outlined:
                import shapely

                lats, lons = self._latitudes_longitudes()
                inside = shapely.contains_xy(spots.shapes, lons, lats)
                if len(spots.outlined) == size:  # (all areas: no rows to pick)
                    km = np.where(inside, 0.0, km)
                else:
                    km[spots.outlined] = np.where(inside, 0.0, km[spots.outlined])
            # (km / -scale is -km / scale to the bit, in one division instead of two ops)
            totals = _SUM(np.exp(km / -CONTEXT_SCALE_KM), axis=1).tolist()
        if held_by is not None and spots.plain:
            held = _SUM(held_by, axis=1).tolist()  # (every row: no rows to pick)
            for j in spots.plain:
                totals[j] += held[j]
        near = [float(total / count) for total in totals]
        for j, (lat, lon, outline) in zip(spots.outlined, spots.outlines, strict=True):
            self._weighed[(lat, lon, id(outline))] = (outline, near[j])
        return near, beside, within

    def share(self, lat: float, lon: float, country: str | None,
              beside: bool | None = None) -> float:
        """The share of the other places that speaks for a place of ``country`` at a point:
        its own country's share, or the largest share of any country when it lies within
        ``BORDER_TWIN_KM`` of one of the other places.

        Standing beside a place the text names says more about where the text is than the
        country: ``El Paso`` beside Fort Bliss and Ciudad Juárez is the Texan city, however
        Mexican the rest of a report about a border raid, not a hamlet of Michoacán that only
        shares the country of most names.
        """
        own = self.countries.get(country or "", 0.0)
        if own >= self._top_share or not self._xyz.shape[0]:
            return own
        if beside is not None:  # worked out already (closeness_beside_within)
            return self._top_share if beside else own
        x, y, z = _row(lat, lon)
        if any(a * x + b * y + c * z >= _TWIN_COSINE for a, b, c in self._point_rows()):
            return self._top_share
        return own

    def around(self, lat: float, lon: float, km: float) -> int:
        """How many of the context points lie within ``km`` of a point."""
        if not self._xyz.shape[0]:
            return 0
        limit = math.cos(km / EARTH_RADIUS_KM)
        if self._xyz.shape[0] >= SCAN_BELOW:
            return int((self._xyz @ _vector(lat, lon) >= limit).sum())
        x, y, z = _row(lat, lon)
        return sum(1 for a, b, c in self._point_rows() if a * x + b * y + c * z >= limit)

    def _point_rows(self) -> list[tuple[float, float, float]]:
        if self._rows is None:
            self._rows = [(float(x), float(y), float(z)) for x, y, z in self._xyz.tolist()]
        return self._rows

    def nearest_km(self, lat: float, lon: float) -> float:
        """How far the nearest context point is (0 inside a context area; inf: none)."""
        if self.within(lat, lon):
            return 0.0
        if not self._xyz.shape[0]:
            return math.inf
        if self._xyz.shape[0] >= SCAN_BELOW:
            cosine = float((self._xyz @ _vector(lat, lon)).max())
        else:
            x, y, z = _row(lat, lon)
            cosine = max(a * x + b * y + c * z for a, b, c in self._point_rows())
        return EARTH_RADIUS_KM * math.acos(min(1.0, max(-1.0, cosine)))

    def within(self, lat: float, lon: float) -> bool:
        """Whether a point lies in one of the areas (regions, districts) named with it."""
        if not self._areas:
            return False
        import shapely

        return bool(shapely.contains_xy(self._outlines, lon, lat).any())


_NO_OUTLINES = np.empty(0, dtype=object)  # of a context without areas
NO_CONTEXT = Context(())
# ndarray.sum and ndarray.any are these reductions behind a Python-level wrapper
_SUM, _ANY = np.add.reduce, np.logical_or.reduce


class Spots:
    """Places to weigh beside contexts (``(lat, lon, outline or None)`` each) in the forms
    ``Context.closeness_beside_within`` takes, made once: a ranking weighs the same places
    beside context after context."""

    __slots__ = ("lats", "lons", "outlined", "outlines", "plain", "shapes", "size", "vectors")

    def __init__(self, places: Sequence[tuple[float, float, BaseGeometry | None]]) -> None:
        self.size = len(places)
        # each place's vector as ``closeness`` makes it, a column of the batched product
        self.vectors = np.array([_row(lat, lon) for lat, lon, _ in places],
                                dtype=float).reshape(-1, 3)[:, :, np.newaxis]
        self.outlined = [j for j, place in enumerate(places) if place[2] is not None]
        self.outlines = [(lat, lon, outline) for lat, lon, outline in places
                         if outline is not None]
        self.plain = [j for j, place in enumerate(places) if place[2] is None]
        self.shapes = np.empty((len(self.outlined), 1), dtype=object)
        self.shapes[:, 0] = [places[j][2] for j in self.outlined]
        self.lats = np.array([[place[0]] for place in places], dtype=float)
        self.lons = np.array([[place[1]] for place in places], dtype=float)

# How near one of the other places a candidate lends it the main country's share (Context.share).
BORDER_TWIN_KM = 25.0
_TWIN_COSINE = math.cos(BORDER_TWIN_KM / EARTH_RADIUS_KM)

_VECTORS: dict[tuple[float, float], tuple[np.ndarray, tuple[float, float, float]]] = {}
_VECTORS_KEPT = 200_000


def _remembered(lat: float, lon: float) -> tuple[np.ndarray, tuple[float, float, float]]:
    """A point's unit vector as ``Context.closeness`` makes it, as an array and as a row of
    floats (remembered: the same places are scored against many contexts)."""
    known = _VECTORS.get((lat, lon))
    if known is None:
        if len(_VECTORS) >= _VECTORS_KEPT:
            _VECTORS.clear()
        la, lo = math.radians(lat), math.radians(lon)
        row = (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))
        vector = np.array(row)
        vector.flags.writeable = False
        known = _VECTORS[(lat, lon)] = (vector, row)
    return known


def _vector(lat: float, lon: float) -> np.ndarray:
    """The unit vector ``Context.closeness`` makes of a point."""
    return _remembered(lat, lon)[0]


def _row(lat: float, lon: float) -> tuple[float, float, float]:
    """``_vector(lat, lon)`` as three floats: numpy makes an array of rows of floats several
    times faster than one of small arrays, with the same values."""
    return _remembered(lat, lon)[1]


# Enum members read once: Python 3.11 finds a member through the hook of EnumType's
# __getattr__ (about 0.17 us a read, five times a plain attribute), and the code below
# reads several for every candidate of every name.
_AIRBASE, _CITY, _CONTINENT, _COUNTRY = Kind.AIRBASE, Kind.CITY, Kind.CONTINENT, Kind.COUNTRY
_DISTRICT, _MACRO_REGION, _REGION = Kind.DISTRICT, Kind.MACRO_REGION, Kind.REGION
_BY_ABBREVIATION, _BY_ALTERNATE = Method.ABBREVIATION, Method.ALTERNATE
_BY_CODE, _BY_DEMONYM = Method.CODE, Method.DEMONYM
_BY_FORMER, _BY_FUZZY, _BY_KIND, _BY_NAME = Method.FORMER, Method.FUZZY, Method.KIND, Method.NAME
_BY_PHONETIC = Method.PHONETIC
_BY_BASE = Method.REGION  # a match with generic words set aside, on either side


def _match_part(hit: Hit) -> float:
    fixed = _MATCH.get(hit.method)
    if hit.method is _BY_ALTERNATE and _abbreviated(hit.matched or "", hit.place.name):
        # its own name, with its Saint or Mount written short: St. Petersburg is Saint
        # Petersburg's name as much as Florida's
        return _MATCH[_BY_NAME]
    if fixed is not None:
        if hit.method in _THROUGH_BASE:  # as far behind as X was behind the first X
            return fixed - (1.0 - hit.similarity)
        if hit.method is _BY_KIND and _named_for_a_landform(hit.place.name, hit.matched):
            return _MATCH_FOR_A_LANDFORM
        return fixed
    if hit.method is _BY_PHONETIC:
        return max(0.0, 1.5 * hit.similarity - 0.55)
    return max(0.0, 1.5 * hit.similarity - 0.6)


# The words a name is written short with, and what they stand for
_SHORT_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@lru_cache(maxsize=4_096)
def _abbreviated(matched: str, name: str) -> bool:
    """Whether ``matched`` (an index key) is the name ``name`` with a word written short
    (``st petersburg`` of Saint Petersburg, ``ft william`` of Fort William)."""
    short = matched.split()
    if not any(w in _SHORT_WORDS for w in short):
        return False
    return [_SHORT_WORDS.get(w, w) for w in short] == name_key(name).split()


# A feature found by a name that is only the first words of its own, the rest a landform's
# word: "Pope air base" read as Pope Valley Airport (Pope Valley, a place of California),
# beside Pope Army Air Field, named for Pope itself.
_MATCH_FOR_A_LANDFORM = 0.9
# The landforms whose names are often a place's (Pope Valley, Forest Hills, Cedar Rapids):
# not a bay, a strait or a peninsula, which an airfield or a port named for them serves
# (Subic Bay International Airport is Subic's, Souda Bay's naval base Souda's), nor a lake or
# a river (Charlotte Lake Airport, in British Columbia, reads "Charlotte airport" as well as an
# airport of Charlotte County does: the name stays in doubt, and the text decides).
_LANDFORM_WORDS = frozenset({"valley", "hill", "hills", "heights", "ridge", "gap", "gorge",
                             "forest", "woods", "wood", "springs", "falls", "rapids"})


@lru_cache(maxsize=4_096)
def _named_for_a_landform(name: str, matched: str) -> bool:
    """Whether a feature named ``name``, found under the index key ``matched`` (its kind
    class, a space and a base: "air pope"), is named for a landform of that base: its own
    name less its kind words is the base and one landform's word (``Pope Valley`` for
    ``pope``), so the feature may be named for another place than the one asked for."""
    parts = matched.split(" ", 1)
    if len(parts) != 2 or (phrase := kind_phrase(name_key(name))) is None:
        return False
    words = phrase[1].split()
    return (len(words) >= 2 and words[-1] in _LANDFORM_WORDS
            and " ".join(words[:-1]) == parts[1])


@lru_cache(maxsize=65_536)
def _population_part(population: int) -> float:
    return POPULATION_WEIGHT * min(1.0, math.log10(population + 1) / 7)


def _own_parts(hit: Hit, generic: bool, hints: Hints) -> dict[str, float]:
    """The parts of a hit's score that it and the hints make whatever the other places are
    (``match``, ``kind``, ``population``, ``curated``, ``country``, ``near``), in the order
    ``score`` adds them."""
    place = hit.place
    kind = place.kind
    areal = kind in AREAL
    if generic:
        kind_part = _KIND_GENERIC.get(kind, 0.0)
    elif areal:
        kind_part = _KIND_AREA_NAME[kind] if hit.method in _AREA_NAMES else _KIND_AREA_BASE
    else:
        # (an air base reached through the town it is near is no more the one meant than an
        # airport there: "Madrid airport" is Barajas, not Madrid Air Base in Colombia)
        kind_part = (_KIND_AIRBASE if kind is _AIRBASE and hit.method not in _THROUGH_BASE
                     else _KIND_POINT)
    parts = {
        "match": _match_part(hit),
        "kind": kind_part,
        "population": _population_part(
            place.population or (0 if kind is not _CITY else UNCOUNTED_TOWN
                                 if place.population is None else LISTED_TOWN)),
    }
    if (place.source == CURATED_SOURCE and not areal and kind is not _CITY
            and hit.method is not _BY_BASE):
        # (a curated row found by its name without its qualifier or generic word has only
        # context to speak for it: Buna (Papua) for "Buna" is the Texan town's equal no more)
        parts["curated"] = CURATED_WEIGHT
    if hints is not NO_HINTS:
        if hints.country:
            parts["country"] = COUNTRY_WEIGHT if place.country == hints.country else 0.0
        if hints.near is not None:
            d = haversine_km(place.lat, place.lon, *hints.near)
            parts["near"] = NEAR_WEIGHT * math.exp(-d / NEAR_SCALE_KM)
    return parts


def score(
    hit: Hit,
    *,
    generic: bool = False,
    hints: Hints = NO_HINTS,
    context: Context = NO_CONTEXT,
    closeness: float | None = None,
    within: bool | None = None,
    beside: bool | None = None,
) -> Candidate:
    """Score one hit; ``context`` holds the points of the places resolved with it
    (``closeness``: the hit's ``context.closeness``, ``within``: its ``context.within``,
    when they were worked out already)."""
    return _scored(hit, _own_parts(hit, generic, hints), context, closeness, within, beside)


def _scored(hit: Hit, own: Mapping[str, float], context: Context, closeness: float | None,
            within: bool | None, beside: bool | None) -> Candidate:
    """``score`` of a hit whose ``_own_parts`` are ``own`` (read, not changed)."""
    place = hit.place
    parts = dict(own)
    if context:
        areal = place.kind in AREAL
        outline = place.polygon if areal else None
        if closeness is None:
            closeness = context.closeness(place.lat, place.lon, outline)
        parts["context"] = CONTEXT_WEIGHT * closeness
        if context.countries:
            share = context.share(place.lat, place.lon, place.country, beside)
            parts["coherence"] = COHERENCE_WEIGHT * share * share
        if not areal and hit.method is not _BY_BASE and (
                context.within(place.lat, place.lon) if within is None else within):
            parts["within"] = WITHIN_WEIGHT
        if not areal and place.country in context.named_countries:
            share = context.countries.get(place.country or "", 0.0)
            parts["named"] = NAMED_COUNTRY_WEIGHT * (1.0 - share)
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
    query: str = "",
) -> tuple[Candidate, ...]:
    """Score every hit, keep each place once (its best hit), and sort best first.

    ``query`` is the name as written; when given, the doubts that the way it is written
    raises whatever the places (``_written_doubt``: "the X" answered by a town, capitals
    read as a town's other name, a region for a name that says a feature's kind) mark the
    winner, so that one name resolved alone is flagged as it is among others.
    """
    return Ranker(hits, generic, hints).rank(context, query)


class Ranker:
    """``rank`` of one list of hits, prepared once for any number of contexts.

    What does not depend on the other places is worked out here, once: each hit's
    ``_own_parts``, its point and outline, and the parts that the rules weighing the
    candidates against each other add (``_steps``: they ask what the places are, never how
    they scored). A name comes again in report after report, and a report ranks each of its
    ambiguous names beside the others' places: each ``rank`` then scores the context alone.
    """

    __slots__ = ("_alone", "_hits", "_own", "_spots", "_steps")

    def __init__(self, hits: Sequence[Hit], generic: bool = False,
                 hints: Hints = NO_HINTS) -> None:
        self._hits = tuple(hits)
        self._own = [_own_parts(hit, generic, hints) for hit in self._hits]
        self._spots = Spots([(h.place.lat, h.place.lon,
                              h.place.polygon if h.place.kind in AREAL else None)
                             for h in self._hits])
        self._steps = _steps(self._hits, [own["kind"] for own in self._own], generic) if (
            len(self._hits) > 1) else []
        self._alone: tuple[str, tuple[Candidate, ...]] | None = None

    def rank(self, context: Context = NO_CONTEXT, query: str = "") -> tuple[Candidate, ...]:
        """The hits ranked beside ``context`` (see ``rank``)."""
        if context:
            near, beside, held = context.closeness_beside_within(self._spots)
            scored = [_scored(hit, own, context, close, inside, next_to)
                      for hit, own, close, inside, next_to in zip(self._hits, self._own, near,
                                                                  held, beside, strict=True)]
        else:
            scored = [_scored(hit, own, context, None, None, None)
                      for hit, own in zip(self._hits, self._own, strict=True)]
        if len(scored) > 1:
            scored = _apply(scored, self._steps)
            best: dict[str, Candidate] = {}
            for candidate in scored:
                kept = best.get(candidate.place.id)
                if kept is None or candidate.score > kept.score:
                    best[candidate.place.id] = candidate
            if len(best) < len(scored):
                scored = list(best.values())
            scored.sort(key=order)
            if context is not NO_CONTEXT:
                scored = _canonical_first(scored, context, query)
                scored = _region_abroad_yields(scored, context)
                scored = _nearer_on_a_tie(scored, context)
            scored = _capital_by_its_own_name(scored)
            scored = _doubt_between(scored, alone=context is NO_CONTEXT)
        if query and scored and scored[0].doubt is None and (
                doubt := _written_doubt(query, scored)):
            scored = [scored[0]._replace(doubt=doubt), *scored[1:]]
        return tuple(scored)

    def alone(self, query: str) -> tuple[Candidate, ...]:
        """``rank(query=query)``, without context, remembered for the last ``query``."""
        if self._alone is None or self._alone[0] != query:
            self._alone = (query, self.rank(query=query))
        return self._alone[1]


_CURRENT = frozenset({_BY_NAME, _BY_ALTERNATE})
# A step of the rules that weigh candidates against each other: the hit it changes, the part
# and what it adds, and the town it lifts (part ``its feature``), or _NO_TOWN.
Step = tuple[int, str, float, int]
_NO_TOWN = -1


def _with(candidate: Candidate, part: str, value: float) -> Candidate:
    """The candidate with one more part (made whole: a named tuple's _replace is slower)."""
    place, score, parts, method, matched, doubt = candidate
    return Candidate(place, score + value, {**parts, part: value}, method, matched, doubt)


def _apply(scored: list[Candidate], steps: Sequence[Step]) -> list[Candidate]:
    """The candidates (one per hit, in order) with the parts of ``steps`` added in order.

    A step with a town is ``after town``'s (see ``_after_town``): the town is then put just
    ahead of what the feature scored before it (part ``its feature``), which is the one
    figure of these rules that depends on the scores.
    """
    if not steps:
        return scored
    out = list(scored)
    for i, part, value, town in steps:
        before = out[i].score
        out[i] = _with(out[i], part, value)
        if town != _NO_TOWN:
            lift = before + _AFTER_TOWN_LEAD - out[town].score
            if lift > 0:
                out[town] = _with(out[town], "its feature", lift)
    return out


def _steps(hits: Sequence[Hit], kinds: Sequence[float], generic: bool) -> list[Step]:
    """The rules that weigh the candidates against each other, as steps in the order they
    apply: ``_dominance``, ``_after_town``, then ``_former_and_namesakes``. ``kinds``: each
    hit's ``kind`` part."""
    return [*_dominance(hits, kinds, generic), *_after_town(hits),
            *_former_and_namesakes(hits, generic), *_river_by_its_name(hits)]


def _former_and_namesakes(hits: Sequence[Hit], generic: bool) -> list[Step]:
    """Parts ``former``, ``old name`` and ``namesake`` (at most one of them per hit)."""
    if not any(h.method in _CURRENT for h in hits):
        return []
    largest_former = max((h.place.population or 0 for h in hits if h.method is _BY_FORMER),
                         default=0)
    # The largest current town per country and per (country, admin1): the namesake rule
    # asks whether any town is large enough, which is whether the largest one is.
    town_by_country: dict[str | None, int] = {}
    town_by_admin1: dict[tuple[str | None, str | None], int] = {}
    for h in hits:
        p = h.place
        if h.method in _CURRENT and p.kind is _CITY:
            size = p.population or 0
            town_by_country[p.country] = max(size, town_by_country.get(p.country, size))
            # a town whose other name is a name of its own (Salvador, once "Bahia") must be
            # a larger share of the region to take the bare name than one whose other name
            # is its own spelled or shortened (Basrah, New York City)
            if h.method is not _BY_NAME and not _spelling_of(h.matched, p.name):
                size = int(size * NAMESAKE_SHARE / NAMESAKE_ALTERNATE_SHARE)
            at = (p.country, p.admin1)
            town_by_admin1[at] = max(size, town_by_admin1.get(at, size))
    steps: list[Step] = []
    # a former name yields to a place bearing that same written form today, not to one that a
    # respelling of it reaches (Shansi is Shanxi's old name; Shaanxi's other name Shǎnxī is
    # only its spelling's neighbour)
    current_by_form: dict[str | None, int] = {}
    notable_now: set[str | None] = set()  # the written forms a notable town bears today
    for h in hits:
        if h.method in _CURRENT:
            current_by_form[h.matched] = max(h.place.population or 0,
                                             current_by_form.get(h.matched, -1))
            if h.place.kind is _CITY and (h.place.population or 0) >= NOTABLE_POPULATION:
                notable_now.add(h.matched)
    for i, h in enumerate(hits):
        place = h.place
        if (h.method is _BY_FORMER
                and (current_by_form.get(h.matched, -1) >= (place.population or 0)
                     or (place.kind is Kind.COUNTRY and h.matched in notable_now))
                and any(o.method in _CURRENT and o.matched == h.matched
                        and o.place.id != place.id for o in hits)):
            # (a country's old name that a notable town bears today is the town's: Gold
            # Coast, the Australian city, not Ghana, unless the other places say otherwise;
            # a province's stands in doubt beside the town, see _former_over_current)
            steps.append((i, "former", FORMER_PENALTY, _NO_TOWN))
        elif (h.method is _BY_ALTERNATE and place.kind is _CITY
              and largest_former >= FORMER_SHARE * max(place.population or 0, 1)):
            steps.append((i, "old name", FORMER_ELSEWHERE_PENALTY, _NO_TOWN))
        elif (not generic and place.kind in (_REGION, _DISTRICT)
              and h.method in _CURRENT
              and (largest := town_by_country.get(place.country)
                   if h.method is _BY_ALTERNATE
                   else town_by_admin1.get((place.country, place.name))) is not None
              and largest >= NAMESAKE_SHARE * (place.population or 0)):
            steps.append((i, "namesake", NAMESAKE_PENALTY, _NO_TOWN))
    return steps


def _river_by_its_name(hits: Sequence[Hit]) -> list[Step]:
    """Part ``river's name``: a river found by its own name comes before an area found by
    another name that the area only borrows (``rivers.lent_name``: Podunavlje, a Serbian
    district, is also called "Danube"; Sudan's state River Nile "Nile"). An area whose
    short form it is (``Benue`` for Benue State) or whose own name spelled otherwise
    (``Irrawaddy`` for Ayeyarwady) keeps its claim, as does a country."""
    if not any(h.method is _BY_NAME and h.place.id.startswith(RIVER_ID_PREFIX) for h in hits):
        return []
    return [(i, "river's name", RIVER_NAME_PENALTY, _NO_TOWN) for i, h in enumerate(hits)
            if h.method is _BY_ALTERNATE and h.place.kind in AREAL
            and h.place.kind is not Kind.COUNTRY and not h.place.id.startswith(RIVER_ID_PREFIX)
            and lent_name(name_key(h.matched), name_key(h.place.name))]


def _spelling_of(other: str, name: str) -> bool:
    """Whether ``other`` is ``name`` spelled otherwise or shortened (``Basra`` of Basrah,
    ``New York`` of New York City), not a name of its own (``Bahia`` of Salvador)."""
    from rapidfuzz import fuzz

    a, b = name_key(other), name_key(name)
    return bool(a and b) and (a in b or b in a or fuzz.ratio(a, b) >= _SPELLING_RATIO)


def _after_town(hits: Sequence[Hit]) -> list[Step]:
    """Part ``after town``: a bare name means the town, not a feature named after it nearby.

    A feature found by its name without the kind word (``Bremen`` for Bremen Airport) loses
    ``AFTER_TOWN_PENALTY`` when a town of that name lies within ``AFTER_TOWN_KM``: the
    airport, port or bridge takes the town's name, and a report that means it says so. What
    spoke for the feature speaks for the town at the same spot: the town is put just ahead
    of it (part ``its feature``, see ``_apply``).
    """
    towns = [i for i, h in enumerate(hits) if h.method in _CURRENT and h.place.kind is _CITY]
    if not towns:
        return []
    steps: list[Step] = []
    for i, h in enumerate(hits):
        if h.method is not _BY_KIND or h.place.kind in AREAL:
            continue
        near = [(haversine_km(h.place.lat, h.place.lon, hits[t].place.lat,
                              hits[t].place.lon), t) for t in towns]
        km, t = min(near)
        if km <= AFTER_TOWN_KM:
            steps.append((i, "after town", AFTER_TOWN_PENALTY, t))
    return steps


_EXACT = frozenset({_BY_NAME, _BY_ALTERNATE, _BY_ABBREVIATION, _BY_DEMONYM,
                    _BY_FORMER, _BY_KIND, _BY_CODE})
_NAMED_AREAS = frozenset({_REGION, _COUNTRY, _MACRO_REGION, _CONTINENT})
_TOWN_KINDS = frozenset({_CITY})


def _dominance(hits: Sequence[Hit], kinds: Sequence[float], generic: bool = False
               ) -> list[Step]:
    """Parts ``larger``, ``area name`` and ``town abroad``: size speaks when one candidate
    dwarfs the others.

    A place of a hundred times the population of every other place of its kind group (town
    or area) with an exact name gets ``DOMINANCE_WEIGHT`` (Kano in Nigeria, not Kanō; Perth in
    Western Australia, not Tasmania), unless a member's size is not known; a town of less
    than a twentieth of the population of an area that bears the name exactly loses
    ``AREA_NAME_PENALTY`` (Texas the state, even in news about Mexico), unless the context is
    strong, and so does a town smaller than the area found by its name without a generic word
    ("X City" for the state X beside a neighbouring state: the town does not bear the bare
    name); an area named after a town of its own does not count. Then ``town abroad`` (see
    ``_town_abroad_larger``), unless the name has a generic word.
    """
    exact = [h for h in hits if h.method in _EXACT]
    if len(exact) < 2 and not any(h.method is _BY_BASE for h in hits):
        return []
    steps: list[Step] = []
    for group in (_TOWN_KINDS, _NAMED_AREAS):
        members = [h for h in exact if h.place.kind in group]
        if len(members) < 2:
            continue
        if any(not h.place.population for h in members):
            # a size not known cannot be dwarfed: a village only the overlay has, or a town
            # GeoNames lists with no population (0: a seat or a district it has no count for)
            continue
        sizes = sorted(((h.place.population or 0), h.place.id) for h in members)
        (second, _), (first, winner) = sizes[-2], sizes[-1]
        if first >= DOMINANCE_RATIO * max(second, 1):
            # ... when it bears the name: an old name of its own (Caesarea, Kayseri's name in
            # antiquity) does not dwarf the town that bears it today (Caesarea in Israel)
            steps += [(i, "larger", DOMINANCE_WEIGHT, _NO_TOWN) for i, h in enumerate(hits)
                      if h.place.id == winner and (
                          h.method is not _BY_ALTERNATE or _spelling_of(h.matched, h.place.name))]
    towns = [h.place for h in exact if h.place.kind is _CITY]
    # An area named after a town of its own (Saint Petersburg, the federal city) does not count.
    # (a word for a region's people is not its name: Karis, the Finnish town, is not the
    # people of Kara in Togo; a country's people are: Canadian, not the Texan town)
    areas = [h.place.population or 0 for h in exact if h.place.kind in _NAMED_AREAS
             and (h.method is not _BY_DEMONYM or h.place.kind is _COUNTRY)
             and not any(t.country == h.place.country and t.admin1 == h.place.name
                         and (t.population or 0) >= NAMESAKE_SHARE * (h.place.population or 0)
                         for t in towns)]
    if areas:
        biggest = max(areas)
        # A town found by its name without a generic word (Avalonia City for "Avalonia")
        # does not bear the name: it yields to any larger area that does.
        steps += [(i, "area name", AREA_NAME_PENALTY, _NO_TOWN) for i, h in enumerate(hits)
                  if h.place.kind is _CITY and (
                      (h.method in _EXACT and AREA_NAME_SHARE * biggest > (h.place.population or 0))
                      or (h.method is _BY_BASE and biggest > (h.place.population or 0)))]
    # a name with a generic word ("Sofia Province") asks for the region: no town abroad rule
    return steps if generic else steps + _town_abroad_larger(hits, kinds)


def _town_abroad_larger(hits: Sequence[Hit], kinds: Sequence[float]) -> list[Step]:
    """Part ``town abroad``: a region that bears the name loses the lead its kind gives it
    (its ``kind`` part, of ``kinds``) over towns when a town of another country bears the
    name too and is at least as populous as the whole region. Bare ``Sofia`` is the capital
    of Bulgaria (1.2 million), not the Malagasy region of 220,000; ``Victoria`` stays the
    Australian state, larger than any town of that name. Below the region's size, the region
    stays first, in doubt (see ``_town_abroad``). Part ``town outside``: the same for a town
    of the region's own country that lies outside it (``Vientiane``: the capital, 840,000,
    not Vientiane Province to its north, whose towns count 37,000).
    """
    towns = [h.place for h in hits if h.method is _BY_NAME and h.place.kind is _CITY
             and h.place.population]
    # (at home, a town that has the name spelled otherwise as another of its names counts
    # too: Sühbaatar, the border town, for the province Sükhbaatar)
    spelled = [h.place for h in hits if h.method is _BY_ALTERNATE and h.place.kind is _CITY
               and h.place.population and _spelling_of(h.matched, h.place.name)]
    if not towns and not spelled:
        return []
    steps: list[Step] = []
    for i, h in enumerate(hits):
        if h.place.kind not in (_REGION, _DISTRICT) or h.method is not _BY_NAME or (
                not h.place.population):
            continue
        larger = [t for t in towns if (t.population or 0) >= h.place.population]
        if any(t.country != h.place.country for t in larger):
            steps.append((i, "town abroad", _KIND_POINT - kinds[i], _NO_TOWN))
        elif any(not outline_holds(h.place, t) for t in larger) or any(
                t.country == h.place.country and (t.population or 0) >= h.place.population
                and not outline_holds(h.place, t) for t in spelled):
            # a town of its own country outside it, larger than the whole region: the
            # capital Vientiane, not Vientiane Province to its north (a town inside the
            # region is ``namesake``'s)
            steps.append((i, "town outside", _KIND_POINT - kinds[i], _NO_TOWN))
    return steps


_CONTEXT_PARTS = ("context", "coherence")


def _canonical_first(ranked: list[Candidate], context: Context,
                     query: str = "") -> list[Candidate]:
    """Part ``exact name, far larger``: the candidates, with a far larger town of the exact
    name ahead of a small town that only context lifted over it by another of its names.

    ``Baghdad`` beside ``Tehran`` is the capital of Iraq, not an Iranian village one of whose
    other names is Baghdad: a route between two countries' cities is exactly what movement
    datasets hold, so the other names' country must not turn a world city into a namesake
    found by an alternate name. A town a hundred times smaller keeps the place only when it
    has the name as its own (``El Paso`` in Mexican news, then flagged as in doubt), or when
    the name is its own name shortened (see ``_short_form_at_home``).

    A shortened name never takes the name from a town of its own country that bears it
    exactly and is ``SHORT_FORM_RATIO`` times larger, whatever the text names around it: at
    home the short name is the larger town's (``Brasília`` beside Minas Gerais is the
    capital, not Brasília de Minas in that state).
    """
    if len(ranked) < 2:
        return ranked
    best = ranked[0]
    if best.method is _BY_BASE and best.place.kind is _CITY and _compass_form(best, query):
        own_town = next((i for i, o in enumerate(ranked) if i and o.method is _BY_NAME
                         and o.place.kind is _CITY and o.place.country == best.place.country
                         and (o.place.population or 0) * SHORT_FORM_RATIO
                         >= (best.place.population or 0)
                         # not where the other places lie nearer the qualified town
                         and o.parts.get("context", 0.0) >= best.parts.get("context", 0.0)),
                        None)
        if own_town is not None:
            return _put_first(ranked, own_town)
    if best.method is _BY_NAME and best.place.kind is _CITY:
        return _far_larger_first(ranked)
    if best.method is not _BY_ALTERNATE or best.place.kind is not _CITY:
        return ranked
    if (again := _unheld(ranked)) is not ranked:
        return again
    if _short_form(best, query):
        own_town = next((i for i, o in enumerate(ranked) if i and o.method is _BY_NAME
                         and o.place.kind is _CITY and o.place.country == best.place.country
                         and (o.place.population or 0)
                         >= SHORT_FORM_RATIO * max(best.place.population or 0, 1)), None)
        if own_town is not None:
            return _put_first(ranked, own_town)
    home = _short_form_at_home(best, context, query)
    if home >= SHORT_FORM_SHARE and context.points >= 2:
        return ranked
    own = best.score - sum(best.parts.get(k, 0.0) for k in _CONTEXT_PARTS)
    own_unheld = own - best.parts.get("within", 0.0)
    for i, other in enumerate(ranked[1:], start=1):
        size = other.place.population or 0
        if other.place.kind is not _CITY or other.place.country == best.place.country or (
                size < DOMINANCE_RATIO * max(best.place.population or 0, 1)):
            continue
        other_own = other.score - sum(other.parts.get(k, 0.0) for k in _CONTEXT_PARTS)
        if ((other.method is _BY_NAME and other_own > own)
                # a notable town that bears the name outweighs a region that holds the
                # namesake too (Frankfurt am Main, not Frankfort in Maine)
                or (size >= NOTABLE_POPULATION and _bears_name(other)
                    and other_own > own_unheld)):
            doubt = (f"{best.place.name} ({best.place.country}), called so for short, is "
                     "where the other places are") if home else None
            return _put_first(ranked, i, doubt)
    return ranked


# Other places this close around a town (its "context" part) vouch for it against any namesake.
CLOSE_CONTEXT = 0.2
# A town with less of the country part than this has none of the other places in its country;
# a namesake abroad this many times its size and notable then bears the name.
LONE_COHERENCE, LONE_RATIO = 0.01, 10
# What speaks for such a town beside its name and size: its distance to the others, and its
# country named among them (London beside "U.S." and Beirut is not a Kentucky town).
_LONE_PARTS = ("context", "coherence", "named")


def _bears_name(candidate: Candidate) -> bool:
    """Whether ``candidate`` bears the query as its name: its own, or one of its other names
    that is its name spelled otherwise or shortened (``Frankfurt`` of Frankfurt am Main), not a
    name of its own."""
    return candidate.method is _BY_NAME or (
        candidate.method is _BY_ALTERNATE
        and _spelling_of(candidate.matched or "", candidate.place.name))


def _far_larger_first(ranked: list[Candidate]) -> list[Candidate]:
    """The candidates, a town won by its exact name first only if the text's evidence for it
    outweighs a far larger namesake; the other places lying close around it always do
    (part ``context`` of ``CLOSE_CONTEXT`` or more).

    Country coherence cannot tell two towns of one country apart, and a region named in the
    text counts as much (part ``within``) as a factor of ten million in size: a report from
    Washington that names Maine is about the capital, not the village of Washington in Maine.
    When a notable town of the winner's country that bears the name is ``DOMINANCE_RATIO``
    times its size (``_dwarfs``), the region does not count for the winner and the names are
    ranked again, the new first in doubt. Towns within a hundred times each other's size
    (Madison in Indiana beside Madison in Wisconsin) are left to the text.

    Abroad, a town in none of the other places' countries has only its distance to them for
    it (part ``context``, under ``CLOSE_CONTEXT``), and its country named among them (part
    ``named``): a notable town that bears the name and is
    ``LONE_RATIO`` times larger goes first (Washington beside Wilhelmshaven and Hodeidah is
    the American capital, not the English town of 67,000 a little nearer to them).
    """
    best = ranked[0]
    if best.parts.get("context", 0.0) >= CLOSE_CONTEXT:
        return ranked
    place = best.place
    # a town in none of the others' countries has only its distance to them
    alone_there = best.parts.get("coherence", 0.0) < LONE_COHERENCE
    if (again := _unheld(ranked)) is not ranked:
        return again
    if (capital := _capital_of_the_name(ranked)) is not None:
        return _put_first(ranked, capital, f"{place.name} ({place.admin1 or place.country}), "
                                           "a town of that name nearer the other places, is as "
                                           "likely")
    if not alone_there:
        return ranked
    own = best.score - sum(best.parts.get(k, 0.0) for k in _LONE_PARTS)
    for i, other in enumerate(ranked[1:], start=1):
        town = other.place
        if (town.kind is _CITY and other.method is _BY_NAME and town.country != place.country
                and (town.population or 0) >= max(NOTABLE_POPULATION,
                                                  LONE_RATIO * max(place.population or 0, 1))
                and other.score - sum(other.parts.get(k, 0.0) for k in _LONE_PARTS) > own):
            return _put_first(ranked, i, f"{place.name} ({place.country}), a town of that name "
                                         "nearer the other places, is far smaller")
    return ranked


CAPITAL_MARGIN = 0.15
"""How far behind a town found by another of its names a capital bearing the name as its own
may score and still go first (``_capital_by_its_own_name``)."""


def _capital_by_its_own_name(ranked: list[Candidate]) -> list[Candidate]:
    """The candidates, a notable national capital (``NOTABLE_POPULATION``) that bears the
    name as its own first, ahead of a town that bears it only as another name of its (``Dili``
    is the capital of Timor-Leste, not Delhi, which GeoNames also calls so, a spelling of its
    Hindi name; not Kingstown of St Vincent, 25,000, before Kingstown, Dún Laoghaire's old
    name, beside Liverpool), however larger,
    unless the other places lie close around that town (part ``context`` of
    ``CLOSE_CONTEXT`` or more) or it leads by more than ``CAPITAL_MARGIN``. The capital is
    then in doubt."""
    best = ranked[0]
    if (best.method is not _BY_ALTERNATE or best.place.kind is not _CITY
            or best.parts.get("context", 0.0) >= CLOSE_CONTEXT):
        return ranked
    for i, other in enumerate(ranked[1:4], start=1):
        town = other.place
        if best.score - other.score > CAPITAL_MARGIN:
            break
        if (other.method is _BY_NAME and town.kind is _CITY and town.country
                and (town.population or 0) >= NOTABLE_POPULATION
                and name_key(town.name) == name_key(capital_name(town.country))):
            return _put_first(ranked, i, f"{best.place.name} ({best.place.country}), also "
                                         "known by that name, is larger")
    return ranked


def _capital_of_the_name(ranked: list[Candidate]) -> int | None:
    """The index of the capital of the first town's country, bearing the name as its own and
    larger, that only the text's places put behind it (their parts ``context``, ``within``
    and ``coherence``), where a region the text names holds the first (part ``within``) and
    those places do not lie close around it (part ``context`` under ``CLOSE_CONTEXT``,
    checked by the caller): a bare ``Washington`` in news that names North Carolina is the
    capital, not the town of 10,000 there. None when there is no such capital."""
    best = ranked[0]
    if "within" not in best.parts:
        # only a namesake that a region named lifts: where the text's state holds no town of
        # the name the data knows (Washington, Arkansas), the nearest namesake stays, in doubt,
        # rather than the capital 1,500 km from every other place
        return None
    capital = name_key(capital_name(best.place.country))
    if not capital or name_key(best.place.name) != capital:
        return None
    own = best.score - sum(best.parts.get(k, 0.0) for k in (*_CONTEXT_PARTS, "within"))
    for i, other in enumerate(ranked[1:], start=1):
        town = other.place
        if (other.method is _BY_NAME and town.kind is _CITY and town.country == best.place.country
                and name_key(town.name) == capital
                and (town.population or 0) >= max(NOTABLE_POPULATION,
                                                  2 * (best.place.population or 0))
                and other.score - sum(other.parts.get(k, 0.0)
                                      for k in (*_CONTEXT_PARTS, "within")) > own):
            return i
    return None


# Two readings this close in score are a tie that the text's places break: the one far nearer
# them (at most NEARER_SHARE of the other's distance) is meant.
TIE_MARGIN, NEARER_SHARE = 0.02, 0.5


def _nearer_on_a_tie(ranked: list[Candidate], context: Context) -> list[Candidate]:
    """The candidates, a close runner-up far nearer the other places first: two villages of
    one name, one a continent away from everything the text names (Zula in Mexico against
    Zula on the Red Sea, beside Suez and Bombay). Only between towns and features found by
    one name (not a region against a town), where the first is no notable town, was put
    first by no rule (``CANONICAL_PART``) and has no other place near it (part ``context``
    under ``LONE_COHERENCE``)."""
    if len(ranked) < 2 or ranked[0].parts.get("context", 0.0) >= LONE_COHERENCE:
        return ranked
    best = ranked[0]
    if best.place.kind in AREAL or CANONICAL_PART in best.parts or (
            (best.place.population or 0) >= NOTABLE_POPULATION):
        return ranked  # a notable town, or one a rule put first, is not a village's tie
    far = context.nearest_km(best.place.lat, best.place.lon)
    for i, other in enumerate(ranked[1:4], start=1):
        if best.score - other.score > TIE_MARGIN:
            break
        if (other.place.kind not in AREAL and other.method is best.method
                and context.nearest_km(other.place.lat, other.place.lon) < NEARER_SHARE * far):
            return _put_first(ranked, i, f"{best.place.name} ({best.place.country}) scores as "
                                         "well, far from the other places")
    return ranked


def _region_abroad_yields(ranked: list[Candidate], context: Context) -> list[Candidate]:
    """The candidates, a town of the exact name first when a region found by its bare name
    won only by its kind (a bare name that is an area's is read as the area) while it lies in
    none of the other places' countries and the text names not its country, and the town lies
    in one of them or in a country the text names: ``Santander`` beside Corunna and Lisbon is
    the Spanish port, not the Colombian department; ``Victoria`` among Hong Kong's places is
    the city on the island, not the Australian state. The town is put first in doubt (naming
    the region), since the town
    meant may be yet another of the name. Only towns of ``REGION_ABROAD_TOWN`` people and a
    twentieth of the region or more (those that put the region in doubt, see
    ``gazetteer._doubt``), or of ``REGION_ABROAD_TOWN`` lying among two of the other places
    (within ``REGION_ABROAD_AMONG_KM``: ``Florida`` beside Camagüey and Ciego de Ávila is the
    Cuban town of 60,000, not the US state): a village does not outweigh a region by sharing a
    country with the text, nor by lying near the one other place it names (Normandy, a hamlet
    in Surrey, beside Southampton)."""
    if len(ranked) < 2:
        return ranked
    best = ranked[0]
    if (best.place.kind not in (_REGION, _DISTRICT) or best.method is not _BY_NAME
            or best.parts.get("coherence", 0.0) > 0 or best.place.country in context.named_countries
            or context.countries.get(best.place.country or "", 0.0) > 0):
        return ranked
    # (a village of the name, or a town under a twentieth of the region, does not count, as
    # for the doubt it raises: Texas, Mexico, beside Ciudad Juárez)
    size = max(AREA_NAME_SHARE * (best.place.population or 0), REGION_ABROAD_TOWN)
    for i, other in enumerate(ranked[1:6], start=1):
        population = other.place.population or 0
        if (other.place.kind is _CITY and other.method is _BY_NAME
                and (context.countries.get(other.place.country or "", 0.0) > 0
                     or other.place.country in context.named_countries)
                and (population >= size
                     # (or one of REGION_ABROAD_TOWN that lies among two of the other places:
                     # Florida beside Camagüey and Ciego de Ávila)
                     or (population >= REGION_ABROAD_TOWN and context.around(
                         other.place.lat, other.place.lon, REGION_ABROAD_AMONG_KM) >= 2))):
            return _put_first(ranked, i, f"{best.place.name} ({best.place.country}), a region "
                                         "of that name, lies in none of the others' countries")
    return ranked


# the least population of a town that takes a bare name from a region abroad, and how close
# to two of the other places it lies when it is under a twentieth of the region (see
# _region_abroad_yields)
REGION_ABROAD_TOWN, REGION_ABROAD_AMONG_KM = 20_000, 150.0


def _put_first(ranked: list[Candidate], i: int, doubt: str | None = None) -> list[Candidate]:
    """``ranked`` with its ``i``-th candidate put ``CANONICAL_LEAD`` ahead of the first (part
    ``CANONICAL_PART``), in ``doubt`` if given."""
    other = ranked[i]
    lift = ranked[0].score - other.score + CANONICAL_LEAD
    other = other._replace(score=other.score + lift, doubt=doubt,
                           parts={**other.parts, CANONICAL_PART: lift})
    return [other, *ranked[:i], *ranked[i + 1:]]


def _unheld(ranked: list[Candidate]) -> list[Candidate]:
    """The candidates ranked again without part ``within`` for a winner that a notable town
    of its country bearing the name dwarfs (``_dwarfs``): a region does not speak for a
    village beside that town (Albany in Georgia, not the village in Ohio, nor the capital
    of New York; Charleston beside Alabama is the port of South Carolina, not an Alabama
    village once called so), nor for a town found by another of its names beside a notable
    town of that name as its own and at least as large (``_outnames``), unless the other
    places lie close around the winner (part ``context`` of ``CLOSE_CONTEXT`` or more). The
    new first is in doubt; ``ranked`` itself if nothing changes."""
    best = ranked[0]
    place = best.place
    if best.parts.get("context", 0.0) >= CLOSE_CONTEXT:
        return ranked  # the other places lie close around it: they vouch for it
    if "within" not in best.parts or not (
            dwarf := next((o for o in ranked[1:] if _dwarfs(o, place)
                           or _outnames(o, best)), None)):
        return ranked
    again = sorted((_with(c, CANONICAL_PART, -c.parts["within"])
                    if "within" in c.parts and (_dwarfs(dwarf, c.place) or _outnames(dwarf, c))
                    else c for c in ranked), key=order)
    if again[0].place.id == place.id:
        return ranked
    doubt = (f"{place.name} ({place.country}), a town of that name in a region the text "
             "names, is far smaller") if _dwarfs(dwarf, place) else (
        f"{place.name} ({place.country}), in a region the text names, bears the name only as "
        f"another of its names; {dwarf.place.name} is larger")
    return [again[0]._replace(doubt=doubt), *again[1:]]


def _outnames(other: Candidate, candidate: Candidate) -> bool:
    """Whether ``other`` is a notable town of the country of ``candidate`` that bears the name
    as its own, found so, and at least as large, where ``candidate`` is a town found by
    another of its names, farther than ``SAME_PLACE_KM`` from it: Nanchang is the capital of
    Jiangxi, not Nanyang, which a text naming Henan lifts by an old romanisation."""
    town, place = other.place, candidate.place
    return (other.method is _BY_NAME and candidate.method is _BY_ALTERNATE
            and town.kind is _CITY and place.kind is _CITY and town.country == place.country
            and (town.population or 0) >= max(NOTABLE_POPULATION, place.population or 0)
            and haversine_km(place.lat, place.lon, town.lat, town.lon) > SAME_PLACE_KM)


def _dwarfs(other: Candidate, place: Place) -> bool:
    """Whether ``other`` is a notable town of the country of ``place`` that bears the name,
    ``DOMINANCE_RATIO`` times its size and farther than ``SAME_PLACE_KM`` from it."""
    town = other.place
    return (town.kind is _CITY and town.country == place.country and _bears_name(other)
            and (town.population or 0) >= max(NOTABLE_POPULATION,
                                              DOMINANCE_RATIO * max(place.population or 0, 1))
            and haversine_km(place.lat, place.lon, town.lat, town.lon) > SAME_PLACE_KM)


# The share of the other places in one country that makes a town's shortened name local.
SHORT_FORM_SHARE = 0.6
# How much larger a town of the exact name in the shortened name's own country must be to keep
# its name from it.
SHORT_FORM_RATIO = 10

# The words that join a town's first name to the second one it is known by in full (Romance,
# Germanic, Slavic and English place names): the first name alone is then its short form.
# Words that link a town's own name to what it is by or on (Romance, Germanic, Slavic).
# "al" is the Italian/Spanish one (Castiglione al Lago); Arabic al- is an article inside one
# name (Ras al Khaimah), not a link, but a short form "Ras" is no query anyone makes.
SHORT_FORM_LINKS = frozenset({
    "de", "del", "della", "delle", "dei", "di", "do", "da", "dos", "das", "du", "des", "d",
    "sur", "sous", "les", "lez", "en", "upon", "on", "under", "super", "am", "an", "im", "in",
    "ob", "bei", "nad", "pod", "na", "aan", "op", "al", "sul", "sulla",
})


def _short_form_at_home(best: Candidate, context: Context, query: str) -> float:
    """The share of the other places in the country of ``best`` when it is found by its own
    name shortened to its first words, else 0. Where most of them are (``SHORT_FORM_SHARE``)
    and at least two other points, it keeps its place; else the far larger town goes first,
    in doubt when any of the others is in its country.

    A town whose name is the query joined to a second name by a linking word (``X de Y``,
    ``X do Y``, ``X-sur-Y``, ``X upon Y``, ``X am Y``: ``SHORT_FORM_LINKS``) is called by the
    first words where it lies: in a list of Chilean or Panamanian towns, ``Santiago`` is the
    local Santiago, not a world city abroad (a Dominican report means Santiago de los
    Caballeros). A name that is the query plus a word of its own (``X City``, ``X Island``,
    ``X Heights``: a suburb or island named after the city) is another place, and an unrelated
    other name (an Iranian village also called Baghdad) is not a shortening: both leave the
    world city first.
    """
    if not _short_form(best, query):
        return 0.0
    return context.countries.get(best.place.country or "", 0.0)


# The compass words of Romance town names after a linking word (Cruzeiro do Oeste, Cachoeira
# do Sul, Nueva Esperanza del Norte): the town so named is told from a namesake of its country
# by them, and is not called by the name without them.
COMPASS_QUALIFIERS = frozenset({
    "norte", "sul", "sur", "sud", "nord", "leste", "este", "est", "oeste", "ouest", "ovest",
})


def _compass_form(best: Candidate, query: str) -> bool:
    """Whether ``best`` was found by its name without a compass word after a linking word
    (``Cruzeiro`` for Cruzeiro do Oeste): ``X do Oeste`` is named so to tell it from a town
    X of its country, which that town of the exact name then keeps (``_canonical_first``)
    when it is at least a ``SHORT_FORM_RATIO``-th of its size and the other places lie no
    nearer the qualified one (Cruzeiro beside Umuarama is Cruzeiro do Oeste)."""
    rest = _after_short_form(best, query)
    return len(rest) == 2 and rest[0] in SHORT_FORM_LINKS and rest[1] in COMPASS_QUALIFIERS


def _after_short_form(best: Candidate, query: str) -> list[str]:
    """The words of ``best``'s name after the query it was found by, when the query is its
    first words (``de los Caballeros`` for ``Santiago``), else none."""
    name, short = name_key(best.place.name), name_key(query or best.matched or "")
    rest = name.removeprefix(short + " ").split() if short else []
    return rest if rest != name.split() else []


def _short_form(best: Candidate, query: str) -> bool:
    """Whether ``best`` was found by its own name cut after its first words, before a
    linking word (``SHORT_FORM_LINKS``: ``Santiago`` for Santiago de los Caballeros)."""
    rest = _after_short_form(best, query)
    return bool(rest) and rest[0] in SHORT_FORM_LINKS


def _doubt_between(scored: list[Candidate], *, alone: bool) -> list[Candidate]:
    """The candidates, the winner marked in doubt when another candidate is as good a reading
    of the name whatever the context (see ``_town_abroad`` and ``_people_word``), or, for a
    name ranked ``alone`` (no other places), by size alone (``_close_call``)."""
    best = scored[0]
    if best.doubt is not None:
        return scored
    doubt = (_town_abroad(scored) or _people_word(scored)
             or (alone and (_close_call(scored) or _former_over_current(scored)
                            or _region_abroad(scored))))
    return [best._replace(doubt=doubt), *scored[1:]] if doubt else scored


def _former_over_current(ranked: list[Candidate]) -> str:
    """Why a region found by a former name is no clear answer alone, or "".

    A former name of a province may be the name a city abroad bears today: bare ``Natal`` is
    the old name of KwaZulu-Natal and the name of a Brazilian city of 900,000. With no other
    name to weigh them, the province stands (it is the larger), in doubt; a Brazilian or a
    South African neighbour settles it.
    """
    best = ranked[0]
    if best.method is not _BY_FORMER or best.place.kind not in (_REGION, _DISTRICT):
        return ""
    for other in ranked[1:]:
        town = other.place
        if (other.method is _BY_NAME and town.kind is _CITY and town.country
                and town.country != best.place.country
                and (town.population or 0) >= NOTABLE_POPULATION):
            return f"as likely {town.name} ({town.country}), the city's name today"
    return ""


def _town_abroad(ranked: list[Candidate]) -> str:
    """Why a region won by its own name is not a clear choice over a town abroad, or "".

    An exact region name beats a town of that name (``Texas`` is the state, not Texas City),
    but not when the town, in another country, is about as populous as the whole region: the
    bare name ``Gaza`` is as likely the city in Palestine as the province of Mozambique.
    This needs no context: it is about the two places alone.
    """
    best = ranked[0]
    place = best.place
    if place.kind not in (_REGION, _DISTRICT) or best.method is not _BY_NAME:
        return ""
    for other in ranked[1:]:
        town = other.place
        if (town.kind is _CITY and other.method is _BY_NAME and town.country
                and town.country != place.country
                and TOWN_ABROAD_SHARE * (town.population or 0) >= (place.population or 0)):
            return f"also the name of {town.name} ({town.country}), a town as populous"
    return ""


def _region_abroad(ranked: list[Candidate]) -> str:
    """Why a town that took the bare name from a region abroad (part ``town abroad``) is not
    a clear choice either, or "": the region is about as populous (``Gaza``, the city in
    Palestine, and the province of Mozambique). A capital five times the region's size
    (``Sofia``) is clear. Only for a name alone: among other places, context decides."""
    best = ranked[0]
    if best.place.kind is not _CITY or best.method is not _BY_NAME:
        return ""
    for other in ranked[1:]:
        region = other.place
        if ("town abroad" in other.parts
                and TOWN_ABROAD_SHARE * (region.population or 0) >= (best.place.population or 0)):
            return f"also the name of {region.name} ({region.country}), a region as populous"
    return ""


def _people_word(ranked: list[Candidate]) -> str:
    """Why a region won by its name is not a clear choice over the country whose people the
    word names, or "": ``Somali`` is a region of Ethiopia, and the people of Somalia."""
    best = ranked[0]
    if (best.place.kind in (_COUNTRY, _CITY) or best.place.kind not in AREAL
            or best.method not in (_BY_NAME, _BY_ALTERNATE)):
        return ""
    people = next((c.place for c in ranked[1:] if c.method is _BY_DEMONYM
                   and c.place.kind is _COUNTRY and c.place.country != best.place.country),
                  None)
    if people is None:
        return ""
    return f"also the word for the people of {people.name}"


def _close_call(ranked: list[Candidate]) -> str:
    """Why a small town found only by another of its names is no clear answer alone, or "".

    With no other name to weigh it against, a village that merely carries the query among its
    other names has nothing but its size over a namesake elsewhere matched as well: bare
    ``Bagram`` is a village of 1,322 in Iran (one of its other names) a hair ahead of the air
    base in Afghanistan. The answer stands, in doubt, so that the user adds a kind word or a
    neighbour rather than draw the wrong country.
    """
    best = ranked[0]
    place = best.place
    if (best.method is not _BY_ALTERNATE or place.kind is not _CITY
            or (place.population or 0) >= NOTABLE_POPULATION):
        return ""
    for other in ranked[1:]:
        if best.score - other.score >= WEAK_LEAD:
            break
        if (other.method not in (_BY_FUZZY, _BY_PHONETIC)
                and haversine_km(place.lat, place.lon, other.place.lat, other.place.lon)
                > SAME_PLACE_KM):
            where = f" ({other.place.country})" if other.place.country else ""
            return f"as likely {other.place.name}{where}: nothing else tells them apart"
    return ""


# A name in capitals this short is an abbreviation or a code (NI, GDR, ROC, KBP).
_CAPITALS = re.compile(r"^[A-Z][A-Z0-9]{1,4}$")


def _written_doubt(query: str, ranked: Sequence[Candidate]) -> str:
    """Why the winner is no clear answer to the name as written, or "" (see the three rules:
    ``_article_town``, ``_capitals_town``, ``_area_for_feature``). Cheap tests first: most
    names start with no article, are not in capitals and are not answered by a region."""
    best = ranked[0]
    article = query.lstrip()[:4].casefold() == "the "
    if not article and best.place.kind is not _REGION:
        return _capitals_town(query, best)
    key = name_key(query)
    return (_article_town(query, key, best) or _capitals_town(query, best)
            or _area_for_feature(key, best))


def _capitals_town(query: str, best: Candidate) -> str:
    """Why a town found for a name in capitals by another of its names is not a clear
    answer, or "".

    A short name in capitals (``NI``, ``GDR``, ``ROC``) is an abbreviation or a code; a
    town that lists it among its other names (an airport's code, as GeoNames keeps them)
    is a guess at what was meant (Northern Ireland, East Germany, Taiwan).
    """
    text = query.strip()
    if (not _CAPITALS.match(text) or best.place.kind is not _CITY
            or best.method is not _BY_ALTERNATE):
        return ""
    return (f"{text!r} in capitals read as another name of {best.place.name}: an "
            "abbreviation or a code may be meant")


def _area_for_feature(key: str, best: Candidate) -> str:
    """Why a region found for a name that says a feature's kind is not a clear answer, or "".

    ``Milne Bay`` names a bay; the province named after it is a larger area around it, and
    its point may lie far from the water (and ``Hawke's Bay`` is as likely the region as the
    bay). Islands and districts are left out, the area of ``Sakhalin Island`` or ``Izium
    raion`` being what was asked, and seas and straits (``Taiwan Strait``) are the feature.
    """
    phrase = kind_phrase(key) if key else None
    if (phrase is None or phrase[0] in ("island", "district")
            or best.place.kind is not _REGION):
        return ""
    word = key[len(phrase[1]):].strip() or phrase[0]
    return f"{best.place.name} is an area named after the {word}, which may be meant"


def _article_town(query: str, key: str, best: Candidate) -> str:
    """Why a town found for "the X" is not a clear answer, or "".

    English puts "the" before the names of regions, seas, ranges and groups of islands (the
    Caspian, the Andes, the Horn), hardly ever before a town's: when only the name without
    it is known, and as a town, the area meant is likely one the gazetteer does not have.
    A region named by a bare direction (``West`` in Cameroon) is no answer to "the West"
    either: news means the part of a country, or the western world.
    """
    if not key.startswith("the "):
        return ""
    place = best.place
    rest = query.strip()[4:]
    if place.kind is _CITY and not name_key(place.name).startswith("the "):
        return f"'the' before the name of a town: an area or feature called {rest!r} may be meant"
    if place.kind in AREAL and key[4:] in COMPASS_WORDS:
        return f"{rest!r} read as a region of that name; a part of a country may be meant"
    return ""
