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
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypedDict

import numpy as np
import shapely

from movemap.dates import FuzzyDate
from movemap.gazetteer import Kind
from movemap.located import Located
from movemap.model import Dataset, Leg, Mode, Status
from movemap.queries import leg_window
from movemap.routing.points import Points, as_array
from movemap.style import MODE_COLOURS, STATUS_COLOURS, STATUS_DASHES, leg_style, station_radius
from movemap.symbols import symbol

if TYPE_CHECKING:
    from movemap.gazetteer import Place
    from movemap.model import PlaceRef

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


def _ordered(names: tuple[str, ...], values: dict[str, Any]) -> list[Any]:
    """``values`` in the order of ``names`` (each name given once: checked)."""
    if values.keys() != set(names):
        raise AssertionError(f"page texts {sorted(values)} are not {sorted(names)}")
    return [values[name] for name in names]


_EPOCH_ORDINAL = EPOCH.toordinal()


def day_number(day: date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - _EPOCH_ORDINAL


class _Strings:
    """The page's string table: each text kept once, numbered in order of first use."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        text = text or ""
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]

    def many(self, texts: list[str]) -> list[int]:
        """The numbers of ``texts``: what calling the table on each in turn gives, with a
        step of Python a distinct text rather than a text (a map repeats its names, dates
        and sources thousands of times)."""
        index, items = self._index, self.items
        for text in dict.fromkeys(texts):
            if text not in index:
                index[text] = len(items)
                items.append(text)
        return list(map(index.__getitem__, texts))


def _rows(columns: dict[str, list[str]], names: tuple[str, ...], last: list[str]) -> list[str]:
    """The texts of ``columns`` record by record (in the order of ``names``), each record's
    followed by its entry of ``last``: the order in which the page numbers them."""
    ordered = _ordered(names, columns)
    return [text for row in zip(*ordered, last, strict=True) for text in row]


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


def _distinct_parts(located: Located, legs: Sequence[Leg]) -> tuple[
        list[Sequence[tuple[float, float]]], list[list[int]]]:
    """The parts of the legs' routes (cut at 180 degrees) to simplify, each distinct one
    once, and each leg's part numbers (none for a leg the page draws): legs that share a
    kept route (the same stops, found once) share its points' array."""
    parts: list[Sequence[tuple[float, float]]] = []
    number: dict[int, int] = {}  # id of a route's points array -> its part number
    numbers: list[list[int]] = []
    for leg in legs:
        if leg.mode in GREAT_CIRCLE_MODES and not leg.route:
            numbers.append([])
            continue
        mine = []
        for route in located.routes[leg.id]:
            for part in route.lines():
                if isinstance(part, Points):  # ``parts`` holds it: its id is not reused
                    key = id(part.array)
                    if key not in number:
                        number[key] = len(parts)
                        parts.append(part)
                    mine.append(number[key])
                else:
                    mine.append(len(parts))
                    parts.append(part)
        numbers.append(mine)
    return parts, numbers


def _great_circle_stops(legs: Sequence[Leg], places: Mapping[PlaceRef, Place],
                        digits: int) -> list[tuple[list[list[list[float]]], float]]:
    """Each great-circle leg's stops only (the browser draws the curves), and its length:
    the longest from any of its origins, every stretch of every leg measured in one call."""
    from movemap.routing.geodesic import GEOD

    stops = [[[places[origin], *(places[r] for r in (*leg.via, leg.destination))]
              for origin in leg.origins] for leg in legs]
    ends = np.array([(a.lon, a.lat, b.lon, b.lat) for by_origin in stops
                     for line in by_origin for a, b in pairwise(line)],
                    dtype=np.float64).reshape(-1, 4)
    lon1, lat1, lon2, lat2 = (np.ascontiguousarray(ends[:, i]) for i in range(4))
    km = iter((GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000).tolist() if len(ends) else [])
    out = []
    for by_origin in stops:
        lines, length = [], 0.0
        for line in by_origin:
            lines.append([[round(p.lon, digits), round(p.lat, digits)] for p in line])
            length = max(length, sum(next(km) for _ in range(len(line) - 1)))
        out.append((lines, length))
    return out


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


class _LegShapes(NamedTuple):
    lines: list[list[list[list[float]]]]  # by leg, as ``LegRecord.c``
    lengths: list[float]
    by_page: list[bool]  # a great circle the page draws from its stops
    approximate: list[bool]


def _leg_shapes(located: Located, tolerance: float, digits: int) -> _LegShapes:
    """Every leg's lines, length and flags: the routes' parts simplified together."""
    legs = located.dataset.legs
    parts, numbers = _distinct_parts(located, legs)
    simplified = _simplified(parts, tolerance, digits)
    by_page = [leg.mode in GREAT_CIRCLE_MODES and not leg.route for leg in legs]
    circles = iter(_great_circle_stops([leg for leg, p in zip(legs, by_page, strict=True)
                                        if p], located.places, digits))
    lines, lengths, approximate = [], [], []
    for leg, page_drawn, mine in zip(legs, by_page, numbers, strict=True):
        if page_drawn:
            stops, length = next(circles)
            lines.append(stops)
            lengths.append(length)
            approximate.append(False)
        else:
            routes = located.routes[leg.id]
            lines.append([simplified[n] for n in mine])
            lengths.append(max(r.length_km for r in routes))
            approximate.append(any(r.approximate for r in routes))
    return _LegShapes(lines, lengths, by_page, approximate)


def _join(names: Sequence[PlaceRef], name_of: dict[PlaceRef, str]) -> str:
    return name_of[names[0]] if len(names) == 1 else " | ".join(
        [name_of[r] for r in names])


def _leg_records(located: Located, text: _Strings, digits: int, tolerance: float,
                 styles: list[dict[str, Any]], unit_index: dict[str, int]) -> tuple[
                     list[LegRecord], list[int]]:
    """The legs' records, their texts numbered in ``text`` (in the order the page has
    always numbered them: a leg's texts by ``LEG_TEXT``, then its id), built a column at a
    time; and the days their windows name."""
    dataset = located.dataset
    legs = dataset.legs
    shapes = _leg_shapes(located, tolerance, digits)
    name_of = {ref: place.name for ref, place in located.places.items()}
    cited = {ids: dataset.cite(ids) for ids in dict.fromkeys(leg.sources for leg in legs)}
    modes = [leg.mode.value for leg in legs]
    statuses = [leg.status.value for leg in legs]
    context = {u.id: u.context for u in dataset.units}
    keys = list(zip(modes, statuses, [context.get(leg.unit, False) for leg in legs],
                    strict=True))
    style_index: dict[tuple[str, str, bool], int] = {}
    for key in dict.fromkeys(keys):
        style_index[key] = len(styles)
        mode, status, quiet = Mode(key[0]), Status(key[1]), key[2]
        styles.append({**leg_style(mode, status, quiet).as_dict(),
                       "mode": mode.value, "status": status.value})
    spans = [leg_window(leg, length) for leg, length in zip(legs, shapes.lengths,
                                                            strict=True)]
    windows = [_window(leg.start, leg.end, arrival)
               for leg, (_, arrival, _) in zip(legs, spans, strict=True)]
    columns = {
        "origins": [_join(leg.origins, name_of) for leg in legs],
        "destination": [name_of[leg.destination] for leg in legs],
        "via": [_join(leg.via, name_of) if leg.via else "" for leg in legs],
        "start": [str(leg.start) for leg in legs],
        "end": [str(leg.end) if leg.end else "" for leg in legs],
        "mode": modes,
        "strength": [f"{leg.strength:,}" if leg.strength else "" for leg in legs],
        "equipment": [", ".join(f"{k}: {v:,}" for k, v in leg.equipment.items())
                      if leg.equipment else "" for leg in legs],
        "status": statuses,
        "sources": [cited[leg.sources] for leg in legs],
        "notes": [leg.notes or "" for leg in legs],
        # "~": to or from a region or a country, whose point stands for the whole area (as
        # the timeline marks it)
        "length": [("~" if located.ends_in_an_area(leg) else "") + f"{length:,.0f} km"
                   + (" (drawn by hand)" if leg.route else "")
                   for leg, length in zip(legs, shapes.lengths, strict=True)],
    }
    numbers = text.many(_rows(columns, LEG_TEXT, [leg.id for leg in legs]))
    size = len(LEG_TEXT) + 1
    records: list[LegRecord] = []
    for i, leg in enumerate(legs):
        departure, arrival, estimated = spans[i]
        record: LegRecord = {
            "id": numbers[i * size + size - 1], "u": unit_index.get(leg.unit, -1),
            "s": style_index[keys[i]], "c": shapes.lines[i], "w": windows[i],
            "d": [day_number(departure), day_number(arrival)],
            "t": numbers[i * size: i * size + size - 1],
        }
        if shapes.by_page[i]:
            record["g"] = 1
        if shapes.approximate[i]:
            record["a"] = 1
        if estimated:
            record["e"] = 1
        records.append(record)
    return records, [d for window in windows for d in window if d is not None]


def _station_records(located: Located, text: _Strings, digits: int,
                     unit_index: dict[str, int], symbols: list[SymbolRecord]) -> tuple[
                         list[StationRecord], list[int]]:
    """The stations' records (texts numbered as for legs), and the days their windows
    name."""
    dataset = located.dataset
    stations = dataset.stations
    units = {u.id: u for u in dataset.units}
    symbol_index: dict[str, int] = {}
    icons: list[int | None] = []
    for station in stations:
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
        icons.append(icon)
    places = [located.places[station.place] for station in stations]
    windows = [_window(station.start, station.end, None) for station in stations]
    columns = {
        "place": [place.name for place in places],
        "start": [str(station.start) for station in stations],
        "end": [str(station.end) if station.end else "" for station in stations],
        "strength": [f"{station.strength:,}" if station.strength else ""
                     for station in stations],
        "status": [station.status.value for station in stations],
        "sources": [dataset.cite(station.sources) for station in stations],
        "notes": [station.notes or "" for station in stations],
    }
    numbers = text.many(_rows(columns, STATION_TEXT, [station.id for station in stations]))
    size = len(STATION_TEXT) + 1
    records: list[StationRecord] = [{
        "id": numbers[i * size + size - 1], "u": unit_index.get(station.unit, -1),
        "p": [round(place.lon, digits), round(place.lat, digits)],
        "r": round(station_radius(station.strength), 1), "k": station.status.value,
        "i": icons[i], "w": windows[i], "t": numbers[i * size: i * size + size - 1],
    } for i, (station, place) in enumerate(zip(stations, places, strict=True))]
    return records, [d for window in windows for d in window if d is not None]


def map_data(located: Located, *, title: str, start: date | None = None,
             end: date | None = None) -> PageData:
    """The map's data for the browser code (``render/static/movemap.js``)."""
    dataset = located.dataset
    text = _Strings()
    unit_index = {u.id: i for i, u in enumerate(dataset.units)}
    styles: list[dict[str, Any]] = []
    symbols: list[SymbolRecord] = []
    tolerance, digits = _extent(dataset, located)
    legs, leg_days = _leg_records(located, text, digits, tolerance, styles, unit_index)
    stations, station_days = _station_records(located, text, digits, unit_index, symbols)
    days = leg_days + station_days

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
