"""The movement model: units, places they refer to, legs, stations, sources, and the dataset.

Frozen, typed values. A :class:`Dataset` is what a YAML, CSV or GeoJSON file holds; it knows
nothing of files (see ``movemap.io``) and resolves its place names through a gazetteer only
when asked. Queries on a dataset live in ``movemap.queries``; the methods here delegate.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from movemap.dates import FuzzyDate
from movemap.errors import (
    InvalidRecordError,
    InvalidValueError,
    UnknownSourceError,
    UnknownUnitError,
)
from movemap.unpickle import restore_fields

if TYPE_CHECKING:
    import geopandas

    from movemap.gazetteer import Gazetteer, Place
    from movemap.located import Located
    from movemap.routing import Networks

__all__ = [
    "MAX_COUNT",
    "SCHEMA_VERSION",
    "AdmiraltyCode",
    "Confidence",
    "Counts",
    "Dataset",
    "Echelon",
    "Leg",
    "Mode",
    "PlaceRef",
    "Source",
    "Station",
    "Status",
    "Unit",
]

SCHEMA_VERSION = 1

MAX_COUNT = 10_000_000
"""The largest strength or equipment count a record may give: more is a typing mistake
(the largest armies in history counted a few million), and a bound keeps every export's
integer columns and every printed figure a sane size."""


def _count_problem(name: str, value: object) -> str | None:
    """What is wrong with a count (a strength, or one kind of equipment), if anything."""
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{name} {value!r} is not a whole number"
    if value < 0:
        return f"{name} {value} is negative"
    if value > MAX_COUNT:
        figure = f"{value:,}" if value < 10**30 else f"a {len(str(value))}-digit number"
        return f"{name} {figure} is more than {MAX_COUNT:,}; check the figure"
    return None


class Counts(Mapping[str, int]):
    """Counts by name (``{"landing ships": 4}``), immutable and hashable, in given order.

    >>> Counts({"landing ships": 4}) == {"landing ships": 4}
    True
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, int] | Iterable[tuple[str, int]] = ()) -> None:
        self._items: dict[str, int] = dict(items)

    def __getitem__(self, key: str) -> int:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __repr__(self) -> str:
        return f"Counts({self._items!r})"


def _refuse(problems: list[tuple[str, str]]) -> None:
    if problems:
        raise InvalidRecordError(problems)


def _route_problem(route: Sequence[Sequence[tuple[float, float]]], origins: int) -> str | None:
    """What is wrong with a drawn route, if anything: a line per origin, each of two points
    or more, in degrees."""
    if not route:
        return None
    if len(route) != origins:
        return (f"route has {len(route)} line{'s' * (len(route) != 1)} for {origins} "
                f"place{'s' * (origins != 1)} of departure (one line each)")
    for line in route:
        if len(line) < 2:
            return "route has a line of fewer than two points"
        for lon, lat in line:
            if not (-180 <= lon <= 180 and -90 <= lat <= 90) or lon != lon or lat != lat:
                return f"route point ({lon}, {lat}) is not a longitude and latitude in degrees"
    return None


def _check_record(record: Leg | Station) -> list[tuple[str, str]]:
    """The problems common to legs and stations: ids, strength, dates in order."""
    problems: list[tuple[str, str]] = []
    for name in ("id", "unit"):
        if not str(getattr(record, name)).strip():
            problems.append((name, f"{name} is empty"))
    if record.strength is not None and (problem := _count_problem("strength", record.strength)):
        problems.append(("strength", problem))
    if record.end is not None and record.end.surely_before(record.start):
        problems.append(("end", f"end {record.end} is before start {record.start}"))
    return problems


class Mode(StrEnum):
    """How a leg travels."""

    SEA = "sea"
    RAIL = "rail"
    AIR = "air"
    ROAD = "road"
    FOOT = "foot"
    UNKNOWN = "unknown"


class Status(StrEnum):
    """How sure the movement is, and by whose word.

    ``reported`` and ``confirmed`` happened (detected, or corroborated); ``claimed`` is one
    party's uncorroborated word; ``expected`` and ``forecast`` lie ahead.
    """

    REPORTED = "reported"
    CONFIRMED = "confirmed"
    CLAIMED = "claimed"
    EXPECTED = "expected"
    FORECAST = "forecast"


class Confidence(StrEnum):
    """The analyst's confidence in a leg or station as recorded (mode, route, dates)."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Echelon(StrEnum):
    """Size of a unit, smallest to largest, and the groupings reports use."""

    TEAM = "team"
    SQUAD = "squad"
    SECTION = "section"
    PLATOON = "platoon"
    COMPANY = "company"
    BATTALION = "battalion"
    REGIMENT = "regiment"
    BRIGADE = "brigade"
    DIVISION = "division"
    CORPS = "corps"
    ARMY = "army"
    GROUP = "group"
    ECHELON = "echelon"
    FORCE = "force"
    SHIPMENT = "shipment"


_ADMIRALTY = re.compile(r"^([A-F])([1-6])$")


@dataclass(frozen=True, slots=True)
class AdmiraltyCode:
    """NATO (Admiralty) grading: source reliability A-F and information credibility 1-6.

    >>> AdmiraltyCode.parse("b2").meaning
    'usually reliable, probably true'
    """

    __setstate__ = restore_fields

    reliability: str
    credibility: int

    _RELIABILITY: ClassVar[dict[str, str]] = {
        "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
        "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
    }
    _CREDIBILITY: ClassVar[dict[int, str]] = {
        1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful",
        5: "improbable", 6: "truth cannot be judged",
    }

    def __post_init__(self) -> None:
        if self.reliability not in self._RELIABILITY or self.credibility not in (
                self._CREDIBILITY):
            raise InvalidValueError(f"{self.reliability}{self.credibility} is not an Admiralty "
                                    "code (A1 to F6: reliability A-F, credibility 1-6)")

    @classmethod
    def parse(cls, text: str) -> AdmiraltyCode:
        """Read a code such as ``B2``; raises :class:`~movemap.errors.InvalidValueError` else."""
        m = _ADMIRALTY.match(str(text).strip().upper())
        if not m:
            raise InvalidValueError(f"{text!r} is not an Admiralty code (A1 to F6: reliability "
                                    "A-F, credibility 1-6)")
        return cls(m[1], int(m[2]))

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def meaning(self) -> str:
        """The code in words."""
        return f"{self._RELIABILITY[self.reliability]}, {self._CREDIBILITY[self.credibility]}"


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place as a dataset names it: a name for the gazetteer, or explicit coordinates.

    ``country`` (ISO alpha-2) helps the gazetteer choose; ``lat``/``lon`` given together
    place it exactly, and then ``name`` is only its label.
    """

    __setstate__ = restore_fields

    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def __post_init__(self) -> None:
        lat, lon = self.lat, self.lon
        if (lat is None) != (lon is None):
            _refuse([("lat", "lat and lon go together")])
        if lat is not None and lon is not None and not (
                math.isfinite(lat) and math.isfinite(lon)
                and -90 <= lat <= 90 and -180 <= lon <= 180):
            _refuse([("lat", f"{lat}, {lon} is not a latitude, longitude")])
        if lat is None and not (self.name and self.name.strip()):
            _refuse([("name", "needs a name, or lat and lon")])

    @property
    def label(self) -> str:
        """What to call the place in messages and on maps."""
        return self.name or f"{self.lat:.4f}, {self.lon:.4f}"

    @property
    def has_point(self) -> bool:
        """Whether the dataset gives the coordinates itself."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit, echelon or grouping that moves or stays."""

    __setstate__ = restore_fields

    id: str
    name: str
    echelon: Echelon | None = None
    affiliation: str | None = None
    parent: str | None = None
    sidc: str | None = None
    context: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from, graded with an Admiralty code."""

    __setstate__ = restore_fields

    id: str
    publisher: str
    title: str = ""
    date: date | None = None
    url: str | None = None
    grade: AdmiraltyCode | None = None

    def __post_init__(self) -> None:
        grade: object = self.grade  # "B2" is accepted where a code is expected
        if isinstance(grade, str):
            object.__setattr__(self, "grade", AdmiraltyCode.parse(grade))
        if not self.id.strip():
            _refuse([("id", "id is empty")])

    @property
    def citation(self) -> str:
        """Publisher, grade and date, as maps and exports cite the source.

        >>> Source("nis", "NIS", date=date(2024, 10, 18), grade=AdmiraltyCode.parse("B2")).citation
        'NIS [B2], 2024-10-18'
        """
        grade = f" [{self.grade}]" if self.grade else ""
        when = f", {self.date.isoformat()}" if self.date else ""
        return f"{self.publisher}{grade}{when}"


@dataclass(frozen=True, slots=True)
class Leg:
    """A movement of a unit from one or more places to another.

    Several ``origins`` mean the unit set out from all of them (three ports at once);
    ``end`` None means the arrival is not known. ``route``, when given, is the way the leg
    went as a user drew it (a route edited in a GIS tool and read back): one line of
    ``(lon, lat)`` points per origin, drawn as it is instead of being routed. ``strength``
    is people; ``equipment`` counts other things by name (ships, containers), kept as
    :class:`Counts` so that a leg is hashable. A leg checks itself: a negative or absurd
    count, an end before the start, no origin or a route without a line per origin raise
    :class:`movemap.errors.InvalidRecordError` naming every bad field.

    >>> from movemap.dates import parse_date
    >>> Leg("l1", "u1", (PlaceRef("Vladivostok"),), PlaceRef("Kursk"), parse_date("2024-10"),
    ...     strength=-5)
    Traceback (most recent call last):
    ...
    movemap.errors.InvalidRecordError: strength -5 is negative
    """

    __setstate__ = restore_fields

    id: str
    unit: str
    origins: tuple[PlaceRef, ...]
    destination: PlaceRef
    start: FuzzyDate
    end: FuzzyDate | None = None
    via: tuple[PlaceRef, ...] = ()
    mode: Mode = Mode.UNKNOWN
    strength: int | None = None
    equipment: Mapping[str, int] = field(default_factory=Counts)
    status: Status = Status.REPORTED
    confidence: Confidence | None = None
    sources: tuple[str, ...] = ()
    notes: str = ""
    through: tuple[str, ...] = ()
    route: tuple[tuple[tuple[float, float], ...], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "origins", tuple(self.origins))
        object.__setattr__(self, "route", tuple(
            tuple((float(lon), float(lat)) for lon, lat in line) for line in self.route))
        object.__setattr__(self, "via", tuple(self.via))
        object.__setattr__(self, "through", tuple(c.upper() for c in self.through))
        object.__setattr__(self, "sources", tuple(self.sources))
        if not isinstance(self.equipment, Counts):
            object.__setattr__(self, "equipment", Counts(self.equipment))
        problems = _check_record(self)
        if not self.origins:
            problems.append(("from", "from is an empty list"))
        for name, count in self.equipment.items():
            if problem := _count_problem(f"equipment {name!r}", count):
                problems.append((f"equipment.{name}", problem))
        if problem := _route_problem(self.route, len(self.origins)):
            problems.append(("route", problem))
        _refuse(problems)


@dataclass(frozen=True, slots=True)
class Station:
    """A unit at a place over a time: a garrison, a training area, a front sector."""

    __setstate__ = restore_fields

    id: str
    unit: str
    place: PlaceRef
    start: FuzzyDate
    end: FuzzyDate | None = None
    strength: int | None = None
    status: Status = Status.REPORTED
    confidence: Confidence | None = None
    sources: tuple[str, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(self.sources))
        _refuse(_check_record(self))


@dataclass(frozen=True)
class Dataset:
    """One operation's units, sources, legs and stations.

    Read one with :func:`movemap.read_dataset` (YAML, CSV or GeoJSON), or build one from
    these values. Place names stay names until the dataset is located
    (:meth:`locate`): then they are resolved together through the gazetteer.

    Attributes
    ----------
    name
        Short name, used for output files (``out/<name>.html``).
    title, description
        For maps and reports.
    as_of
        The day the data is current to.
    units, sources, legs, stations
        The records (:class:`Unit`, :class:`Source`, :class:`Leg`, :class:`Station`).
    schema_version
        The format version the data follows.

    Methods
    -------
    status(on), timeline()
        Who is where on a day; the events in date order, as GeoDataFrames
        (``movemap.frames``; the records: ``movemap.positions``, ``movemap.events``).
    to_geodataframe(), from_geodataframe(frame)
        Legs and stations as a GeoDataFrame (EPSG:4326), and back.
    explore(on=None, units=None)
        The interactive map, inline in a notebook (``movemap.render.inline``).
    to_trajectories()
        A movingpandas ``TrajectoryCollection``.
    resolve()
        Every place reference resolved to a place.

    Examples
    --------
    >>> import movemap
    >>> ds = movemap.read_dataset("layers/dprk-russia-2024.yaml")
    >>> ds.unit("first-echelon").name
    '11th Corps first echelon (special forces)'
    """

    name: str
    title: str = ""
    as_of: date | None = None
    description: str = ""
    units: tuple[Unit, ...] = ()
    sources: tuple[Source, ...] = ()
    legs: tuple[Leg, ...] = ()
    stations: tuple[Station, ...] = ()
    schema_version: int = SCHEMA_VERSION
    through: tuple[str, ...] = ()

    def unit(self, unit_id: str) -> Unit:
        """The unit with this id."""
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise UnknownUnitError(f"no unit {unit_id!r} in dataset {self.name!r}")

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise UnknownSourceError(f"no source {source_id!r} in dataset {self.name!r}") from None

    def cite(self, source_ids: Iterable[str]) -> str:
        """The citations of these sources, joined with "; " (an unknown id stands as itself)."""
        by_id = self._sources_by_id
        return "; ".join(by_id[i].citation if i in by_id else i for i in source_ids)

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    def place_refs(self) -> list[PlaceRef]:
        """Every distinct place reference, in order of first use."""
        return list(self._place_refs)

    @cached_property
    def _place_refs(self) -> tuple[PlaceRef, ...]:
        refs: dict[PlaceRef, None] = {}
        for leg in self.legs:
            for ref in (*leg.origins, *leg.via, leg.destination):
                refs.setdefault(ref)
        for station in self.stations:
            refs.setdefault(station.place)
        return tuple(refs)

    def locate(self, gazetteer: Gazetteer | None = None,
               networks: Networks | None = None) -> Located:
        """Every place resolved and every leg routed, once (see :func:`movemap.locate`).

        What answers questions, draws maps and writes exports takes the result.
        """
        from movemap.located import locate

        return locate(self, gazetteer, networks)

    def resolve(self, gazetteer: Gazetteer | None = None) -> dict[PlaceRef, Place]:
        """Every place reference resolved to a place, names resolved together.

        Raises :class:`movemap.PlaceNotFoundError` for the first name that cannot be resolved
        (``movemap validate`` reports them all, with candidates).
        """
        from movemap.refs import resolve_places

        return resolve_places(self, gazetteer)

    def __repr__(self) -> str:
        """Name, counts and date range (see ``movemap.summary``)."""
        from movemap.summary import text_summary

        return text_summary(self)

    def _repr_html_(self) -> str:
        """A small table for notebooks: units, legs, stations, sources, dates."""
        from movemap.summary import html_summary

        return html_summary(self)

    def status(self, on: date | str) -> geopandas.GeoDataFrame:
        """Where each unit is on a day, with what strength, as a GeoDataFrame
        (:func:`movemap.status`)."""
        from movemap.frames import status

        return status(self, on)

    def timeline(self) -> geopandas.GeoDataFrame:
        """The legs and stations in date order, with distances, as a GeoDataFrame
        (:func:`movemap.timeline`)."""
        from movemap.frames import timeline

        return timeline(self)

    def to_geodataframe(self) -> geopandas.GeoDataFrame:
        """Legs (lines along their routes) and stations (points) as one GeoDataFrame in
        EPSG:4326; for other gazetteers or networks, ``to_geodataframe(dataset.locate(...))``
        from ``movemap.io.geojson``."""
        from movemap.located import locate

        return locate(self).to_geodataframe()

    @classmethod
    def from_geodataframe(cls, frame: geopandas.GeoDataFrame) -> Dataset:
        """The dataset back from :meth:`to_geodataframe`'s frame."""
        from movemap.io.geojson import from_geodataframe

        return from_geodataframe(frame)

    def explore(self, **options: Any) -> Any:
        """The dataset's map, inline in a notebook (:func:`movemap.explore`).

        Options: ``on`` (the day shown first), and as for :func:`movemap.make_map`:
        ``title``, ``tiles``, ``start``, ``end``, ``units``.
        """
        from movemap.render.inline import explore

        return explore(self, **options)

    def to_trajectories(self) -> Any:
        """The legs as a movingpandas ``TrajectoryCollection``, one trajectory per leg."""
        from movemap.export.trajectories import to_trajectories

        return to_trajectories(self)

    def to_dict(self) -> dict[str, Any]:
        """The dataset as plain values, in the YAML format's layout."""
        from movemap.io.records import dataset_to_dict

        return dataset_to_dict(self)
