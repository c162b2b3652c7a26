"""The page contract: what the browser code (``render/static/movemap.js``) reads, typed.

The page's data is one :class:`PageData`; its records are :class:`LegRecord`,
:class:`StationRecord` and the others below, each field named and described. Strings are kept
once in a table and referred to by number (a big dataset repeats its place names, dates and
sources thousands of times); days are whole numbers of days since 1970-01-01. Three kinds
of value are compact arrays, and the page reads them by the names of their positions, which
it gets in ``keys`` (:data:`KEYS`), never by counting:

- ``t``, a record's texts (string numbers) in the order of :data:`LEG_TEXT` or
  :data:`STATION_TEXT`;
- ``w``, a record's window (:data:`WINDOW`): the days it can cover, and the days it surely
  covers (it is drawn faint on the days in between);
- ``d``, a leg's span (:data:`SPAN`): the days between which its unit is under way
  (``queries.leg_window``).

Legs of a great-circle mode (``"g": 1``) carry only their stops; the page draws the curve.

Lines are simplified (see ``_extent``) and rounded to 4 decimals (3 when the data spans
more than 20 degrees): a map of a continent does not need metre precision.
Everything here is data: user text is escaped by the browser code when it is shown, and the
whole JSON is made safe for a ``<script>`` element by :func:`script_json`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from typing import Any, Final, TypedDict

import numpy as np
import shapely

from movemap.dates import FuzzyDate
from movemap.gazetteer import Kind
from movemap.located import Located
from movemap.model import Dataset, Leg, Mode
from movemap.queries import leg_window
from movemap.routing.points import as_array
from movemap.style import MODE_COLOURS, STATUS_COLOURS, STATUS_DASHES, leg_style, station_radius
from movemap.symbols import symbol

__all__ = ["EPOCH", "GREAT_CIRCLE_MODES", "KEYS", "LEG_TEXT", "SPAN", "STATION_TEXT", "WINDOW",
           "LegRecord", "PageData", "RegionRecord", "StationRecord", "SymbolRecord",
           "UnitRecord", "day_number", "map_data", "script_json"]

EPOCH = date(1970, 1, 1)
# Legs of these modes follow great circles: the page gets their stops and draws the curves.
GREAT_CIRCLE_MODES = frozenset({Mode.AIR, Mode.UNKNOWN})


# The names of the positions of the compact arrays, in order.
LEG_TEXT: Final = ("origins", "destination", "via", "start", "end", "mode", "strength",
                   "equipment", "status", "sources", "notes", "length")
STATION_TEXT: Final = ("place", "start", "end", "strength", "status", "sources", "notes")
WINDOW: Final = ("first", "sureFrom", "sureUntil", "last")
SPAN: Final = ("departure", "arrival")
KEYS: Final = {"legText": LEG_TEXT, "stationText": STATION_TEXT, "window": WINDOW,
               "span": SPAN}

Position = list[float]  # [lon, lat], as in GeoJSON


class UnitRecord(TypedDict):
    """A unit: its name (shown as text), and whether it is context (drawn quieter)."""

    name: str
    context: bool


class SymbolRecord(TypedDict):
    """A unit symbol drawn by milsymbol: SVG text, size and anchor in pixels."""

    svg: str
    w: float
    h: float
    x: float
    y: float


class _LegFields(TypedDict):
    id: int  # string number of the leg's id
    u: int  # unit number in ``units``, -1 for none
    s: int  # style number in ``styles``
    c: list[list[Position]]  # lines (one per origin, cut at 180 degrees); stops if ``g``
    w: list[int | None]  # window, by WINDOW
    d: list[int]  # span, by SPAN
    t: list[int]  # texts, string numbers by LEG_TEXT


class LegRecord(_LegFields, total=False):
    """One leg; the flags are present only when set."""

    g: int  # 1: a great circle, drawn by the page from its stops
    a: int  # 1: partly approximate (a great circle where no network went)
    e: int  # 1: arrival estimated from the mode's usual speed


class StationRecord(TypedDict):
    """One station."""

    id: int  # string number of the station's id
    u: int  # unit number, -1 for none
    p: Position
    r: float  # radius in pixels, by strength
    k: str  # status (a key of ``statuses``)
    i: int | None  # symbol number in ``symbols``, None for a dot
    w: list[int | None]  # window, by WINDOW
    t: list[int]  # texts, string numbers by STATION_TEXT


class RegionRecord(TypedDict):
    """A region the data names: its name (string number) and its outline (GeoJSON)."""

    name: int
    g: dict[str, Any]


class _PageOptions(TypedDict, total=False):
    onDay: bool  # open on ``day`` rather than on all dates (inline ``explore(on=...)``)


class PageData(_PageOptions):
    """Everything the page gets: ``movemap.init(map, data, basemap)``."""

    title: str
    asOf: str  # the dataset's as-of day (YYYY-MM-DD), or ""
    range: list[int]  # [first, last] day of the slider
    day: int  # the day shown first
    strings: list[str]
    units: list[UnitRecord]
    styles: list[dict[str, Any]]  # line styles (style.LineStyle.as_dict, mode, status)
    modes: dict[str, str]  # colour by mode
    statuses: dict[str, dict[str, str | None]]  # colour and dash by status
    symbols: list[SymbolRecord]
    legs: list[LegRecord]
    stations: list[StationRecord]
    regions: list[RegionRecord]
    keys: dict[str, tuple[str, ...]]  # KEYS


def _ordered(names: tuple[str, ...], values: dict[str, int]) -> list[int]:
    """``values`` in the order of ``names`` (each name given once: checked)."""
    if values.keys() != set(names):
        raise AssertionError(f"page texts {sorted(values)} are not {sorted(names)}")
    return [values[name] for name in names]


def day_number(day: date) -> int:
    """Days since 1970-01-01."""
    return (day - EPOCH).days


class _Strings:
    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        text = text or ""
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


def _window(start: FuzzyDate, end: FuzzyDate | None, last: date | None) -> list[int | None]:
    first_day = start.first_day
    sure_from = start.latest or start.first_day
    last_day = end.last_day if end else last
    sure_until = (end.earliest or end.last_day) if end else last
    return [day_number(first_day), day_number(sure_from),
            day_number(sure_until) if sure_until else None,
            day_number(last_day) if last_day else None]


def _simplified(parts: list[Sequence[tuple[float, float]]], tolerance: float,
                digits: int) -> list[list[list[float]]]:
    """Every part simplified and rounded, in one vectorised pass."""
    if not parts:
        return []
    sizes = np.array([len(p) for p in parts])
    coords = np.concatenate([as_array(p) for p in parts])
    lines = shapely.linestrings(coords, indices=np.repeat(np.arange(len(parts)), sizes))
    # Douglas-Peucker without the topology checks: a route is drawn, not tested for
    # crossings, and the checks cost most of the time on a map of thousands of legs
    simple = shapely.simplify(lines, tolerance, preserve_topology=False)
    points, index = shapely.get_coordinates(simple, return_index=True)
    flat = np.round(points, digits).tolist()
    bounds = [0, *(np.flatnonzero(np.diff(index)) + 1).tolist(), len(flat)]
    return [flat[a:b] for a, b in pairwise(bounds)]


def _great_circle_stops(leg: Leg, located: Located,
                        digits: int) -> tuple[list[list[list[float]]], float]:
    """A great-circle leg's stops only (the browser draws the curves), and its length."""
    from movemap.routing.geodesic import geodesic_km

    ends = [located.place(r) for r in (*leg.via, leg.destination)]
    lines, length = [], 0.0
    for origin in leg.origins:
        stops = [located.place(origin), *ends]
        lines.append([[round(p.lon, digits), round(p.lat, digits)] for p in stops])
        length = max(length, sum(geodesic_km(a.lon, a.lat, b.lon, b.lat)
                                 for a, b in pairwise(stops)))
    return lines, length


def _extent(dataset: Dataset, located: Located) -> tuple[float, int]:
    """(simplification tolerance, decimals) suited to the data.

    Routes keep about 200 m of detail (a port's approach stays off the land when zoomed in)
    unless the map has a thousand legs or more: those are drawn to a 2000th of the span.
    """
    points = [located.place(r) for r in dataset.place_refs()]
    if not points:
        return 0.002, 4
    span = max(max(p.lon for p in points) - min(p.lon for p in points),
               max(p.lat for p in points) - min(p.lat for p in points))
    digits = 4 if span < 20 else 3
    if len(dataset.legs) < 1000:
        return 0.002, digits
    return max(0.002, span / 2000), digits


def map_data(located: Located, *, title: str, start: date | None = None,
             end: date | None = None) -> PageData:
    """The map's data for the browser code (``render/static/movemap.js``)."""
    dataset = located.dataset
    text = _Strings()
    units = {u.id: u for u in dataset.units}
    unit_index = {u.id: i for i, u in enumerate(dataset.units)}
    styles: list[dict[str, Any]] = []
    style_index: dict[tuple[str, str, bool], int] = {}
    symbols: list[SymbolRecord] = []
    symbol_index: dict[str, int] = {}
    days: list[int] = []

    tolerance, digits = _extent(dataset, located)
    parts: list[Sequence[tuple[float, float]]] = []
    part_counts = []
    for leg in dataset.legs:
        if leg.mode in GREAT_CIRCLE_MODES and not leg.route:
            part_counts.append(0)
            continue
        leg_parts = [part for route in located.routes_of(leg) for part in route.lines()]
        parts.extend(leg_parts)
        part_counts.append(len(leg_parts))
    simplified = iter(_simplified(parts, tolerance, digits))

    legs: list[LegRecord] = []
    for leg, count in zip(dataset.legs, part_counts, strict=True):
        context = units[leg.unit].context if leg.unit in units else False
        key = (leg.mode.value, leg.status.value, context)
        if key not in style_index:
            style_index[key] = len(styles)
            styles.append({**leg_style(leg.mode, leg.status, context).as_dict(),
                           "mode": leg.mode.value, "status": leg.status.value})
        by_page = leg.mode in GREAT_CIRCLE_MODES and not leg.route
        if by_page:
            lines, length = _great_circle_stops(leg, located, digits)
            approximate = False
        else:
            routes = located.routes_of(leg)
            lines = [next(simplified) for _ in range(count)]
            approximate = any(r.approximate for r in routes)
            length = max(r.length_km for r in routes)
        departure, arrival, estimated = leg_window(leg, length)
        window = _window(leg.start, leg.end, arrival)
        days += [d for d in window if d is not None]
        origins = " | ".join(located.place(r).name for r in leg.origins)
        texts = {
            "origins": text(origins), "destination": text(located.place(leg.destination).name),
            "via": text(" | ".join(located.place(r).name for r in leg.via)),
            "start": text(str(leg.start)), "end": text(str(leg.end) if leg.end else ""),
            "mode": text(leg.mode.value),
            "strength": text(f"{leg.strength:,}" if leg.strength else ""),
            "equipment": text(", ".join(f"{k}: {v:,}" for k, v in leg.equipment.items())),
            "status": text(leg.status.value), "sources": text(dataset.cite(leg.sources)),
            "notes": text(leg.notes),
            "length": text(f"{length:,.0f} km" + (" (drawn by hand)" if leg.route else "")),
        }
        record: LegRecord = {
            "id": text(leg.id), "u": unit_index.get(leg.unit, -1), "s": style_index[key],
            "c": lines, "w": window, "d": [day_number(departure), day_number(arrival)],
            "t": _ordered(LEG_TEXT, texts),
        }
        if by_page:
            record["g"] = 1
        if approximate:
            record["a"] = 1
        if estimated:
            record["e"] = 1
        legs.append(record)

    stations: list[StationRecord] = []
    for station in dataset.stations:
        place = located.place(station.place)
        unit = units.get(station.unit)
        icon = None
        if unit is not None and unit.sidc:
            if unit.sidc not in symbol_index:
                drawn = symbol(unit.sidc)
                symbol_index[unit.sidc] = len(symbols) if drawn else -1
                if drawn:
                    symbols.append({"svg": drawn.svg, "w": drawn.width, "h": drawn.height,
                                    "x": drawn.anchor_x, "y": drawn.anchor_y})
            icon = symbol_index[unit.sidc] if symbol_index[unit.sidc] >= 0 else None
        window = _window(station.start, station.end, None)
        days += [d for d in window if d is not None]
        texts = {
            "place": text(place.name), "start": text(str(station.start)),
            "end": text(str(station.end) if station.end else ""),
            "strength": text(f"{station.strength:,}" if station.strength else ""),
            "status": text(station.status.value), "sources": text(dataset.cite(station.sources)),
            "notes": text(station.notes),
        }
        stations.append({
            "id": text(station.id), "u": unit_index.get(station.unit, -1),
            "p": [round(place.lon, digits), round(place.lat, digits)],
            "r": round(station_radius(station.strength), 1), "k": station.status.value,
            "i": icon, "w": window, "t": _ordered(STATION_TEXT, texts),
        })

    regions: list[RegionRecord] = []
    seen = set()
    for ref in dataset.place_refs():
        place = located.place(ref)
        if place.kind is Kind.REGION and place.polygon is not None and place.id not in seen:
            seen.add(place.id)
            outline = shapely.simplify(place.polygon, tolerance * 5)
            regions.append({"name": text(place.name),
                            "g": json.loads(shapely.to_geojson(
                                shapely.set_precision(outline, 10**-digits)))})

    first = day_number(start) if start else (min(days) if days else day_number(date.today()))
    last = day_number(end) if end else (max(days) if days else first)
    as_of = dataset.as_of
    return {
        "title": title,
        "asOf": as_of.isoformat() if as_of else "",
        "range": [first, last],
        "day": min(max(day_number(as_of), first), last) if as_of else last,
        "strings": text.items,
        "units": [{"name": u.name, "context": u.context} for u in dataset.units],
        "styles": styles,
        "modes": {m.value: c for m, c in MODE_COLOURS.items()},
        "statuses": {s.value: {"colour": STATUS_COLOURS[s], "dash": STATUS_DASHES[s]}
                     for s in STATUS_COLOURS},
        "symbols": symbols,
        "legs": legs,
        "stations": stations,
        "regions": regions,
        "keys": KEYS,
    }


def script_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``</script>``, no ``<!--``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
