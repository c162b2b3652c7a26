"""Value types of the gazetteer: a place, a scored candidate, and a resolution of one name."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from movemap.errors import PlaceNotFoundError

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["AREAL", "RIVER_ID_PREFIX", "Candidate", "Kind", "Method", "Place", "Precision",
           "Resolution", "outline_holds"]


class Kind(StrEnum):
    """What sort of place an entry is."""

    CITY = "city"
    SITE = "site"
    PORT = "port"
    NAVAL_BASE = "naval-base"
    AIRPORT = "airport"
    AIRBASE = "airbase"
    BRIDGE = "bridge"
    PASS = "pass"
    CROSSING = "crossing"
    ISLAND = "island"
    BEACH = "beach"
    DISTRICT = "district"
    """A second-level unit: county, raion, district."""
    REGION = "region"
    """A first-level unit: state, oblast, province."""
    COUNTRY = "country"
    MACRO_REGION = "macro-region"
    """A named group of countries or regions, or a sea area (the Balkans, the Black Sea)."""
    CONTINENT = "continent"


AREAL = frozenset({Kind.DISTRICT, Kind.REGION, Kind.COUNTRY, Kind.MACRO_REGION,
                   Kind.CONTINENT})
"""Kinds that name an area rather than a point: a route ends at an entry point of them."""
RIVER_ID_PREFIX = "river:"
"""The ids of rivers (``gazetteer.rivers``): areas of kind macro-region drawn along a line."""


class Precision(StrEnum):
    """How exactly a place's point stands for what the name means."""

    POINT = "point"
    """A town: its centre."""
    SITE = "site"
    """A facility or feature (airport, port, bridge, beach): its point, to a few hundred metres."""
    AREA = "area"
    """A district, region, macro-region or continent: a point inside its outline."""
    COUNTRY = "country"
    """A whole country: a point inside its outline."""


class Method(StrEnum):
    """How a name matched, from strongest to weakest."""

    NAME = "name"
    """The query is the place's canonical name (folded)."""
    ALTERNATE = "alternate"
    """The query is one of its alternate names, in any script."""
    REGION = "region"
    """The query and a name match once generic words are set aside, on either side: a region
    named with them (``Kursk Oblast``), or a town whose name has one (``X City`` for ``X``)."""
    PHONETIC = "phonetic"
    """The query is another romanisation of one of its names (``Cheongjin``)."""
    FUZZY = "fuzzy"
    """The query is one or two typing errors away from one of its names."""
    FORMER = "former"
    """The query is a former name of the place (``Stalingrad`` for Volgograd)."""
    DEMONYM = "demonym"
    """The query names the people of a country (``Russian``): attribution, not a destination."""
    ABBREVIATION = "abbreviation"
    """The query is an abbreviation of the place's name (``UK``, ``DPRK``, ``NSW``)."""
    CODE = "code"
    """The query is a code: airport (ICAO ``OAIX``, IATA ``KBL``) or port (UN/LOCODE)."""
    KIND = "kind"
    """The query names a kind of place at X (``Engels air base``) and this is one of them."""
    NEARBY = "nearby"
    """The query names a kind of place at X and this one of that kind is the nearest to X."""
    FALLBACK = "fallback"
    """The query names a kind of place at X, none is known there, and this is X itself."""
    PART = "part"
    """The query names a part of an area by a direction (``eastern Ukraine``): that part."""
    SEAT = "seat"
    """The query names a district movemap has no outline of (``Izium raion``, ``Kursky
    District``): the town it is named after stands for it, as an area."""


LOOSE_METHODS = frozenset({Method.PHONETIC, Method.FUZZY, Method.FALLBACK})
"""Methods whose answer is a guess the user should check."""


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with a representative point.

    Attributes
    ----------
    id
        Stable identifier with its source as prefix: ``geonames:2044757``,
        ``ne-admin1:RU-KRS``, ``ne-admin0:KP``, ``site:musudan-ri``, or an overlay's own id.
    name
        Canonical name.
    lat, lon
        WGS84 degrees; for a region or a country, a point inside it.
    country
        ISO 3166-1 alpha-2 code, or None where the source has none.
    admin1
        Name of the first-level region the place lies in (for a region, its own name).
    kind
        City, site, port, region or country.
    population
        Inhabitants where the source gives them.
    source
        ``geonames``, ``natural-earth``, ``movemap`` (the overlay shipped with the package) or
        the path of a user's overlay file.
    polygon
        The outline of a region or a country (shapely, EPSG:4326), otherwise None.
    """

    id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    kind: Kind
    population: int | None
    source: str
    polygon: BaseGeometry | None = field(default=None, compare=False, repr=False)

    @property
    def precision(self) -> Precision:
        """Whether the point is a town, a site, an area or a whole country."""
        if self.kind is Kind.COUNTRY:
            return Precision.COUNTRY
        if self.kind in AREAL or (self.kind is Kind.ISLAND and self.polygon is not None):
            return Precision.AREA
        return Precision.POINT if self.kind is Kind.CITY else Precision.SITE

    @property
    def areal(self) -> bool:
        """Whether the place is an area (district, region, country, macro-region, continent)."""
        return self.kind in AREAL

    @property
    def geonames_id(self) -> int | None:
        """The GeoNames id, for places that come from GeoNames."""
        prefix, _, number = self.id.partition(":")
        return int(number) if prefix == "geonames" else None

    def to_dict(self) -> dict[str, Any]:
        """The place as plain JSON-ready values (without its polygon)."""
        return {
            "id": self.id,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "kind": self.kind.value,
            "precision": self.precision.value,
            "population": self.population,
            "source": self.source,
        }


class Candidate(NamedTuple):
    """A place that matches a query, with its ranking score and the parts it is made of.

    ``parts`` maps each ranking criterion (``match``, ``kind``, ``population``, ``curated``,
    ``country``, ``near``, ``context``, ``overlay``) to what it added to ``score``; see
    ``movemap.gazetteer.ranking``. (A named tuple: immutable, and cheap to make by the
    hundred thousand.)
    """

    place: Place
    score: float
    parts: Mapping[str, float]
    method: Method
    matched: str
    doubt: str | None = None
    """Why an answer matched exactly is still in doubt (``far from the other places``)."""

    def why(self) -> str:
        """The score explained in one line, largest contribution first."""
        labels = {
            "match": f"{self.method.value} match on {self.matched!r}",
            "kind": f"kind {self.place.kind.value}",
            "population": f"population {self.place.population or 0:,}",
            "country": "in the hinted country",
            "near": "near the hinted area",
            "context": "near the other places resolved with it",
            "overlay": "from a user overlay",
            "curated": "a site of movemap's overlay",
            "coherence": "in the country of the other places",
            "within": "in a region named with it",
            "namesake": "a region named after a town in it",
            "old name": "the former name of a much larger place",
            "larger": "far larger than the others of that name",
            "area name": "an area bears this name",
            "after town": "named after a town nearby",
            "its feature": "the town a feature of this name is named after",
            "named": "in a country named with it",
            "short form": "the short form of a name in the same text",
            "kind context": "of the kind of the other places resolved with it",
        }
        shown = sorted(((v, k) for k, v in self.parts.items() if abs(v) > 0.0005),
                       reverse=True)
        return " + ".join(f"{labels.get(k, k)} ({v:.3f})" for v, k in shown) + (
            f" = {self.score:.3f}"
        )

    @property
    def confident(self) -> bool:
        """False when the name was read by similarity or fell back, or the answer is in doubt
        (see ``doubt``): the user should check it."""
        return self.method not in LOOSE_METHODS and self.doubt is None

    @property
    def low_confidence(self) -> bool:
        """True when the answer is not ``confident``."""
        return not self.confident

    @property
    def flags(self) -> tuple[str, ...]:
        """How the name was read, as short flags: ``low confidence``, ``demonym``, ..."""
        out = []
        if self.method in LOOSE_METHODS:
            out.append(f"low confidence ({self.method.value})")
        if self.doubt is not None:
            out.append(f"low confidence ({self.doubt})")
        if self.method in (Method.FORMER, Method.DEMONYM, Method.ABBREVIATION, Method.CODE,
                           Method.NEARBY, Method.PART, Method.SEAT):
            out.append(self.method.value)
        return tuple(out)

    def reading(self) -> str:
        """How the name was read, in a few words; empty for a plain name."""
        name, matched = self.place.name, self.matched
        notes = {
            Method.FORMER: f"former name {matched!r} of {name}",
            Method.DEMONYM: f"demonym {matched!r} read as {name} (attribution, not a place)",
            Method.ABBREVIATION: f"abbreviation {matched!r} of {name}",
            Method.CODE: f"code {matched.lstrip(chr(2)).upper()!r}",
            Method.NEARBY: f"the nearest {self.place.kind.value} to {matched!r}",
            Method.FALLBACK: f"no {matched} known at or near {name}: showing {name} itself",
            Method.PHONETIC: f"another romanisation ({matched!r}, low confidence)",
            Method.FUZZY: f"a close spelling ({matched!r}, low confidence)",
            Method.PART: f"{name}: the part of {matched!r} on that side (approximate)",
            Method.SEAT: f"no outline of {name!r} known: its seat town stands for it",
        }
        text = notes.get(self.method, "")
        if self.doubt is not None:
            text = "; ".join(t for t in (text, f"{self.doubt}, low confidence") if t)
        if self.place.kind is Kind.COUNTRY and self.method is not Method.DEMONYM:
            text = "; ".join(t for t in (text, "country-level") if t)
        return text


class Resolution:
    """The outcome of resolving one name: ranked candidates, best first.

    An empty ``candidates`` means the name was not found; ``suggestions`` then holds the
    nearest known names. Read-only; the gazetteer may rank the candidates after the first
    only when they are asked for.

    Parameters
    ----------
    query
        The name as asked.
    candidates
        Every matching place, best first.
    suggestions
        Names to offer when nothing matched.
    """

    __slots__ = ("_candidates", "_more", "_place", "query", "suggestions")

    def __init__(
        self,
        query: str,
        candidates: Sequence[Candidate] = (),
        suggestions: Sequence[str] = (),
    ) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        self._candidates: tuple[Candidate, ...] | None = tuple(candidates)
        self._place = self._candidates[0].place if self._candidates else None
        self._more: Callable[[], tuple[Candidate, ...]] | None = None

    @classmethod
    def deferred(
        cls, query: str, place: Place, candidates: Callable[[], tuple[Candidate, ...]]
    ) -> Resolution:
        """A resolution whose winning place is known, its candidates ranked on demand."""
        resolution = cls.__new__(cls)
        resolution.query, resolution.suggestions = query, ()
        resolution._place, resolution._candidates, resolution._more = place, None, candidates
        return resolution

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """Every matching place, best first."""
        if self._candidates is None:
            assert self._more is not None
            self._candidates, self._more = self._more(), None
        return self._candidates

    @property
    def found(self) -> bool:
        """Whether any place matched."""
        return self._place is not None

    @property
    def best(self) -> Candidate:
        """The winning candidate; raises :class:`PlaceNotFoundError` if there is none."""
        if self._place is None:
            raise PlaceNotFoundError(self.query, self.suggestions)
        return self.candidates[0]

    @property
    def place(self) -> Place:
        """The winning place; raises :class:`PlaceNotFoundError` if there is none."""
        if self._place is None:
            raise PlaceNotFoundError(self.query, self.suggestions)
        return self._place

    @property
    def score(self) -> float:
        """The winning score; raises :class:`PlaceNotFoundError` if there is none."""
        return self.best.score

    @property
    def rival(self) -> Candidate | None:
        """The runner-up as likely as the winner and elsewhere, or None (see ``ambiguous``)."""
        from movemap.gazetteer.ambiguity import rival

        return rival(self.candidates) if self._place is not None else None

    @property
    def ambiguous(self) -> bool:
        """Whether another place is as good a reading of the name as the winner: the test
        ``validate`` applies and that stops ``render``, ``timeline``, ``status`` and
        ``export`` (see ``movemap.gazetteer.ambiguity``); False when nothing was found."""
        return self.rival is not None

    @property
    def confident(self) -> bool:
        """Whether the answer can be used unchecked: found, its winner ``confident`` (read
        exactly, not in doubt) and not ``ambiguous``."""
        return self._place is not None and self.best.confident and not self.ambiguous

    @property
    def flags(self) -> tuple[str, ...]:
        """The winner's flags (``Candidate.flags``), with ``ambiguous`` (naming the rival)
        when the name is; empty when nothing was found."""
        if self._place is None:
            return ()
        other = self.rival
        extra = () if other is None else (
            f"ambiguous (as likely {other.place.name}, {other.place.country or '?'})",)
        return (*self.best.flags, *extra)

    def __repr__(self) -> str:
        best = self._place.name if self._place else None
        return f"Resolution(query={self.query!r}, place={best!r})"


def outline_holds(area: Place, point: Place) -> bool:
    """Whether ``area``'s outline holds ``point``'s point (an area without one holds nothing)."""
    if area.polygon is None:
        return False
    import shapely

    return bool(shapely.contains_xy(area.polygon, point.lon, point.lat))
