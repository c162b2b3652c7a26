"""What the browser gets: a compact description of the map, as plain JSON-ready values.

Strings are kept once in a table and referred to by number (a big dataset repeats its place
names, dates and sources thousands of times). Days are whole numbers of days since
1970-01-01. Each leg and station carries its time window:

Legs of a great-circle mode (``"g": 1``) carry only their stops; the page draws the curve.

``w``: ``[first, sure_from, sure_until, last]``: the days it can cover, and the days it
surely covers (the leg is drawn faint on the days in between); ``d``: ``[departure,
arrival]`` of a leg, the days between which its unit is under way (``queries.leg_window``).

Lines are simplified (see ``_extent``) and rounded to 4 decimals (3 when the data spans
more than 20 degrees): a map of a continent does not need metre precision.
Everything here is data: user text is escaped by the browser code when it is shown, and the
whole JSON is made safe for a ``<script>`` element by :func:`script_json`.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import chain, pairwise
from typing import Any

import numpy as np
import shapely

from movemap.dates import FuzzyDate
from movemap.gazetteer import Kind
from movemap.located import Located
from movemap.model import Dataset, Leg, Mode
from movemap.queries import leg_window
from movemap.style import MODE_COLOURS, STATUS_COLOURS, STATUS_DASHES, leg_style, station_radius
from movemap.symbols import symbol

__all__ = ["EPOCH", "GREAT_CIRCLE_MODES", "day_number", "map_data", "script_json"]

EPOCH = date(1970, 1, 1)
# Legs of these modes follow great circles: the page gets their stops and draws the curves.
GREAT_CIRCLE_MODES = frozenset({Mode.AIR, Mode.UNKNOWN})


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


def _simplified(parts: list[list[tuple[float, float]]], tolerance: float,
                digits: int) -> list[list[list[float]]]:
    """Every part simplified and rounded, in one vectorised pass."""
    if not parts:
        return []
    sizes = np.array([len(p) for p in parts])
    flat = chain.from_iterable(chain.from_iterable(parts))
    coords = np.fromiter(flat, dtype=float, count=2 * int(sizes.sum())).reshape(-1, 2)
    lines = shapely.linestrings(coords, indices=np.repeat(np.arange(len(parts)), sizes))
    simple = shapely.simplify(lines, tolerance)
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
             end: date | None = None) -> dict[str, Any]:
    """The map's data for the browser code (``render/static/movemap.js``)."""
    dataset = located.dataset
    text = _Strings()
    units = {u.id: u for u in dataset.units}
    unit_index = {u.id: i for i, u in enumerate(dataset.units)}
    styles: list[dict[str, Any]] = []
    style_index: dict[tuple[str, str, bool], int] = {}
    symbols: list[dict[str, Any]] = []
    symbol_index: dict[str, int] = {}
    days: list[int] = []

    tolerance, digits = _extent(dataset, located)
    parts: list[list[tuple[float, float]]] = []
    part_counts = []
    for leg in dataset.legs:
        if leg.mode in GREAT_CIRCLE_MODES:
            part_counts.append(0)
            continue
        leg_parts = [part for route in located.routes_of(leg) for part in route.lines()]
        parts.extend(leg_parts)
        part_counts.append(len(leg_parts))
    simplified = iter(_simplified(parts, tolerance, digits))

    legs = []
    for leg, count in zip(dataset.legs, part_counts, strict=True):
        context = units[leg.unit].context if leg.unit in units else False
        key = (leg.mode.value, leg.status.value, context)
        if key not in style_index:
            style_index[key] = len(styles)
            styles.append({**leg_style(leg.mode, leg.status, context).as_dict(),
                           "mode": leg.mode.value, "status": leg.status.value})
        if leg.mode in GREAT_CIRCLE_MODES:
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
        record = {
            "id": text(leg.id), "u": unit_index.get(leg.unit, -1), "s": style_index[key],
            "c": lines, "w": window, "d": [day_number(departure), day_number(arrival)],
            "t": [text(origins), text(located.place(leg.destination).name),
                  text(" | ".join(located.place(r).name for r in leg.via)),
                  text(str(leg.start)), text(str(leg.end) if leg.end else ""),
                  text(leg.mode.value), text(f"{leg.strength:,}" if leg.strength else ""),
                  text(", ".join(f"{k}: {v:,}" for k, v in leg.equipment.items())),
                  text(leg.status.value), text(dataset.cite(leg.sources)),
                  text(leg.notes), text(f"{length:,.0f} km")],
        }
        if leg.mode in GREAT_CIRCLE_MODES:
            record["g"] = 1
        if approximate:
            record["a"] = 1
        if estimated:
            record["e"] = 1
        legs.append(record)

    stations = []
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
        stations.append({
            "id": text(station.id), "u": unit_index.get(station.unit, -1),
            "p": [round(place.lon, digits), round(place.lat, digits)],
            "r": round(station_radius(station.strength), 1), "k": station.status.value,
            "i": icon, "w": window,
            "t": [text(place.name), text(str(station.start)),
                  text(str(station.end) if station.end else ""),
                  text(f"{station.strength:,}" if station.strength else ""),
                  text(station.status.value), text(dataset.cite(station.sources)),
                  text(station.notes)],
        })

    regions = []
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
    }


def script_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``</script>``, no ``<!--``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
