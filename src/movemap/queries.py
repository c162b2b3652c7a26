"""Questions asked of a dataset: who was where, with what strength, on a day; what happened when.

Rules of :func:`status`, for each unit on day ``d``:

1. a station whose window can hold ``d`` places the unit there (its start counts from its
   earliest possible day, or for ``by X`` from X; an open end runs on);
2. otherwise a leg under way on ``d`` places it along its route, by the share of the leg's
   time that has passed (from its first origin when it has several);
3. otherwise it is at the destination of its last leg that has arrived;
4. otherwise the unit is not yet anywhere on ``d``.

A leg leaves on its start's first day and arrives on its end's last day; a leg with no end
is taken to arrive after its length at the mode's usual daily distance (``estimated``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from movemap.dates import FuzzyDate, parse_date
from movemap.errors import DateError, InvalidValueError, UnknownUnitError
from movemap.model import Dataset, Leg, Mode, Station, Status
from movemap.refs import place_label

if TYPE_CHECKING:
    from movemap.located import Located

__all__ = ["PLAUSIBLE_KMH", "USUAL_KM_PER_DAY", "Event", "Position", "Total", "leg_window",
           "select", "status", "timeline", "totals"]

# Distance a movement of each mode usually covers in a day, stops included (for legs whose
# arrival is not reported): a ship at some 17 km/h, a military train on the Trans-Siberian
# some 9,000 km in 11 days.
USUAL_KM_PER_DAY = {Mode.SEA: 400.0, Mode.RAIL: 800.0, Mode.ROAD: 400.0, Mode.FOOT: 25.0,
                    Mode.AIR: 5000.0, Mode.UNKNOWN: 400.0}
# Above these average speeds a leg's dates or places are probably wrong.
PLAUSIBLE_KMH = {Mode.SEA: 45.0, Mode.RAIL: 100.0, Mode.ROAD: 90.0, Mode.FOOT: 8.0,
                 Mode.AIR: 1000.0, Mode.UNKNOWN: 1000.0}


@dataclass(frozen=True, slots=True)
class Position:
    """Where a unit is on a day, and with what strength."""

    unit: str
    unit_name: str
    place: str
    lat: float
    lon: float
    strength: int | None
    status: Status
    moving: bool
    record: str
    since: str
    until: str | None
    estimated: bool = False
    precision: str = "point"
    """``point``, ``site``, ``area`` or ``country``: how exactly lat, lon stand for ``place``."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        out = asdict(self)
        out["status"] = self.status.value
        return out


@dataclass(frozen=True, slots=True)
class Total:
    """The strengths at one place on a day, by status (claims are not added to reports)."""

    place: str
    lat: float
    lon: float
    strength: dict[str, int] = field(default_factory=dict)
    units: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A leg or a station in the timeline, with distance, duration and implied speed."""

    record: str
    id: str
    unit: str
    unit_name: str
    start: FuzzyDate
    end: FuzzyDate | None
    origin: str
    destination: str
    mode: Mode | None
    distance_km: float | None
    duration_days: float | None
    speed_kmh: float | None
    strength: int | None
    status: Status
    arrival_estimated: bool = False
    distance_approximate: bool = False
    """True when the distance runs to a point that stands for an area or a country (an end
    named as a region or a country), or along a route marked approximate: a figure to read as
    "about", like its speed."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "record": self.record, "id": self.id, "unit": self.unit,
            "unit_name": self.unit_name, "start": str(self.start),
            "end": str(self.end) if self.end else None, "origin": self.origin,
            "destination": self.destination, "mode": self.mode.value if self.mode else None,
            "distance_km": self.distance_km, "duration_days": self.duration_days,
            "speed_kmh": self.speed_kmh, "strength": self.strength,
            "status": self.status.value, "arrival_estimated": self.arrival_estimated,
            "distance_approximate": self.distance_approximate,
        }


def leg_window(leg: Leg, length_km: float) -> tuple[date, date, bool]:
    """(departure, arrival, arrival estimated) of a leg of this length."""
    departure = leg.start.first_day
    if leg.end is not None:
        return departure, max(departure, leg.end.last_day), False
    days = math.ceil(length_km / USUAL_KM_PER_DAY[leg.mode])
    return departure, departure + timedelta(days=days), True


def _day(on: date | str) -> date:
    if isinstance(on, date):
        return on
    try:
        parsed = parse_date(on)
    except DateError as exc:  # said of the day asked about, not of the dataset
        raise DateError(exc.message, field="on") from None
    if parsed.earliest is None or parsed.earliest != parsed.latest:
        raise InvalidValueError(f"a status is on one day (YYYY-MM-DD), not {on!r}", field="on")
    return parsed.earliest


def _station_covers(station: Station, day: date) -> bool:
    if day < station.start.first_day:
        return False
    return station.end is None or day <= station.end.last_day


def status(data: Dataset | Located, on: date | str) -> list[Position]:
    """Where each unit is on a day, by the rules in the module docstring.

    ``data``: a located dataset, or a dataset to locate with the defaults.
    """
    from movemap.located import as_located

    day = _day(on)
    located = as_located(data)
    dataset = located.dataset
    names = {u.id: u.name for u in dataset.units}
    positions: list[Position] = []
    for unit in dataset.units:
        stations = [s for s in dataset.stations if s.unit == unit.id and _station_covers(s, day)]
        if stations:
            for s in stations:
                place = located.place(s.place)
                positions.append(Position(
                    unit.id, unit.name, place_label(place), place.lat, place.lon, s.strength,
                    s.status, False, s.id, str(s.start), str(s.end) if s.end else None,
                    precision=place.precision.value))
            continue
        moving, arrived = [], []
        for leg in (leg for leg in dataset.legs if leg.unit == unit.id):
            route = located.routes_of(leg)[0]
            departure, arrival, estimated = leg_window(leg, route.length_km)
            if departure <= day < arrival:
                moving.append((leg, route, departure, arrival, estimated))
            elif arrival <= day:
                arrived.append((arrival, leg, estimated))
        for leg, route, departure, arrival, estimated in moving:
            lon, lat = route.point_at((day - departure).days / (arrival - departure).days)
            origin = located.place(leg.origins[0]).name
            destination = located.place(leg.destination).name
            positions.append(Position(
                unit.id, names[unit.id], f"en route from {origin} to {destination}", lat, lon,
                leg.strength, leg.status, True, leg.id, str(leg.start),
                str(leg.end) if leg.end else None, estimated))
        if not moving and arrived:
            _, leg, estimated = max(arrived, key=lambda a: a[0])
            place = located.place(leg.destination)
            # An area is reached at its entry point, where the route ends.
            lon, lat = (located.routes_of(leg)[0].point_at(1.0) if place.areal
                        else (place.lon, place.lat))
            positions.append(Position(
                unit.id, names[unit.id], place_label(place), lat, lon, leg.strength,
                leg.status, False, leg.id, str(leg.end or leg.start), None, estimated,
                precision=place.precision.value))
    return positions


def totals(positions: Iterable[Position]) -> list[Total]:
    """Strength by place and status; units under way are not totalled."""
    by_place: dict[str, dict[str, Any]] = {}
    for p in positions:
        if p.moving:
            continue
        entry = by_place.setdefault(p.place, {"lat": p.lat, "lon": p.lon, "strength": {},
                                              "units": []})
        entry["units"].append(p.unit)
        if p.strength is not None:
            entry["strength"][p.status.value] = entry["strength"].get(p.status.value, 0) + (
                p.strength)
    return [Total(place, e["lat"], e["lon"], e["strength"], tuple(e["units"]))
            for place, e in by_place.items()]


def timeline(data: Dataset | Located) -> list[Event]:
    """Every leg and station in date order, legs with distance, duration and implied speed.

    ``data``: a located dataset, or a dataset to locate with the defaults.
    """
    from movemap.located import as_located

    located = as_located(data)
    dataset = located.dataset
    names = {u.id: u.name for u in dataset.units}
    events = []
    for leg in dataset.legs:
        length = located.length_km(leg)
        departure, arrival, estimated = leg_window(leg, length)
        hours = max((arrival - departure).days, 1) * 24
        approximate = (located.ends_in_an_area(leg)
                       or any(r.approximate for r in located.routes_of(leg)))
        events.append(Event(
            "leg", leg.id, leg.unit, names.get(leg.unit, leg.unit), leg.start, leg.end,
            " | ".join(located.place(r).name for r in leg.origins),
            located.place(leg.destination).name, leg.mode, round(length, 1),
            (arrival - departure).days, round(length / hours, 1), leg.strength, leg.status,
            estimated, approximate))
    for s in dataset.stations:
        place = located.place(s.place).name
        events.append(Event(
            "station", s.id, s.unit, names.get(s.unit, s.unit), s.start, s.end, place, place,
            None, None, None, None, s.strength, s.status))
    return sorted(events, key=lambda e: (e.start.first_day, e.record, e.id))


def _descendants(dataset: Dataset, roots: Iterable[str]) -> set[str]:
    children: dict[str, list[str]] = {}
    for unit in dataset.units:
        if unit.parent:
            children.setdefault(unit.parent, []).append(unit.id)
    out, todo = set(), list(roots)
    while todo:
        current = todo.pop()
        if current not in out:
            out.add(current)
            todo.extend(children.get(current, ()))
    return out


def select(dataset: Dataset, units: Iterable[str] | None = None,
           start: date | None = None, end: date | None = None) -> Dataset:
    """The part of a dataset about ``units`` (and the units under them) between two days.

    A record is kept when the days it can cover meet ``[start, end]``. Raises
    :class:`~movemap.errors.UnknownUnitError` for a unit id the dataset does not have.
    """
    import dataclasses

    keep: set[str] | None = None
    if units is not None:
        wanted = list(units)
        known = {u.id for u in dataset.units}
        for unit_id in wanted:
            if unit_id not in known:
                raise UnknownUnitError(f"no unit {unit_id!r} in dataset {dataset.name!r}; units: "
                                   + ", ".join(sorted(known)), field="units")
        keep = _descendants(dataset, wanted)

    def wanted_record(record: Leg | Station) -> bool:
        if keep is not None and record.unit not in keep:
            return False
        first = record.start.first_day
        last = record.end.last_day if record.end else None
        return (end is None or first <= end) and (start is None or last is None or last >= start)

    return dataclasses.replace(
        dataset,
        units=tuple(u for u in dataset.units if keep is None or u.id in keep),
        legs=tuple(leg for leg in dataset.legs if wanted_record(leg)),
        stations=tuple(s for s in dataset.stations if wanted_record(s)),
    )
