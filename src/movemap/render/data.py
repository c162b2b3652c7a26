"""What the browser gets: a compact description of the map, as plain JSON-ready values.

Strings are kept once in a table and referred to by number (a big dataset repeats its place
names, dates and sources thousands of times). Days are whole numbers of days since
1970-01-01. Each leg and station carries its time window:

``w``: ``[first, sure_from, sure_until, last]``: the days it can cover, and the days it
surely covers (the leg is drawn faint on the days in between); ``d``: ``[departure,
arrival]`` of a leg, the days between which its unit is under way (``queries.leg_window``).

Everything here is data: user text is escaped by the browser code when it is shown, and the
whole JSON is made safe for a ``<script>`` element by :func:`script_json`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import shapely

from movemap.dates import FuzzyDate
from movemap.gazetteer import Kind
from movemap.geometry import Geometries
from movemap.model import Dataset, Leg
from movemap.queries import leg_window
from movemap.style import MODE_COLOURS, STATUS_COLOURS, STATUS_DASHES, leg_style, station_radius
from movemap.symbols import symbol

__all__ = ["EPOCH", "day_number", "map_data", "script_json"]

EPOCH = date(1970, 1, 1)
_DIGITS = 4  # about 10 m: plenty for a map, and a third less text than full precision


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


def _lines(geometries: Geometries, leg: Leg, tolerance: float) -> tuple[list[Any], bool, float]:
    routes = geometries.leg(leg)
    lines = []
    for route in routes:
        for part in route.lines():
            simple = shapely.simplify(shapely.LineString(part), tolerance) if (
                tolerance and len(part) > 2) else shapely.LineString(part)
            lines.append([[round(x, _DIGITS), round(y, _DIGITS)] for x, y in simple.coords])
    return lines, any(r.approximate for r in routes), max(r.length_km for r in routes)


def _sources(dataset: Dataset, ids: tuple[str, ...]) -> str:
    by_id = {s.id: s for s in dataset.sources}
    out = []
    for source_id in ids:
        source = by_id.get(source_id)
        if source is None:
            out.append(source_id)
            continue
        grade = f" [{source.grade}]" if source.grade else ""
        when = f", {source.date.isoformat()}" if source.date else ""
        out.append(f"{source.publisher}{grade}{when}")
    return "; ".join(out)


def map_data(dataset: Dataset, geometries: Geometries, *, title: str,
             start: date | None = None, end: date | None = None,
             simplify_degrees: float = 0.002) -> dict[str, Any]:
    """The map's data for the browser code (``render/static/movemap.js``)."""
    text = _Strings()
    units = {u.id: u for u in dataset.units}
    unit_index = {u.id: i for i, u in enumerate(dataset.units)}
    styles: list[dict[str, Any]] = []
    style_index: dict[tuple[str, str, bool], int] = {}
    symbols: list[dict[str, Any]] = []
    symbol_index: dict[str, int] = {}
    days: list[int] = []

    legs = []
    for leg in dataset.legs:
        context = units[leg.unit].context if leg.unit in units else False
        key = (leg.mode.value, leg.status.value, context)
        if key not in style_index:
            style_index[key] = len(styles)
            styles.append({**leg_style(leg.mode, leg.status, context).as_dict(),
                           "mode": leg.mode.value, "status": leg.status.value})
        lines, approximate, length = _lines(geometries, leg, simplify_degrees)
        departure, arrival, estimated = leg_window(leg, length)
        window = _window(leg.start, leg.end, arrival)
        days += [d for d in window if d is not None]
        origins = " | ".join(geometries.place(r).name for r in leg.origins)
        legs.append({
            "id": text(leg.id), "u": unit_index.get(leg.unit, -1), "s": style_index[key],
            "c": lines, "a": int(approximate), "w": window,
            "d": [day_number(departure), day_number(arrival)], "e": int(estimated),
            "t": [text(origins), text(geometries.place(leg.destination).name),
                  text(" | ".join(geometries.place(r).name for r in leg.via)),
                  text(str(leg.start)), text(str(leg.end) if leg.end else ""),
                  text(leg.mode.value), text(f"{leg.strength:,}" if leg.strength else ""),
                  text(", ".join(f"{k}: {v:,}" for k, v in leg.equipment.items())),
                  text(leg.status.value), text(_sources(dataset, leg.sources)),
                  text(leg.notes), text(f"{length:,.0f} km")],
        })

    stations = []
    for station in dataset.stations:
        place = geometries.place(station.place)
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
            "p": [round(place.lon, _DIGITS), round(place.lat, _DIGITS)],
            "r": round(station_radius(station.strength), 1), "k": station.status.value,
            "i": icon, "w": window,
            "t": [text(place.name), text(str(station.start)),
                  text(str(station.end) if station.end else ""),
                  text(f"{station.strength:,}" if station.strength else ""),
                  text(station.status.value), text(_sources(dataset, station.sources)),
                  text(station.notes)],
        })

    regions = []
    seen = set()
    for ref in dataset.place_refs():
        place = geometries.place(ref)
        if place.kind is Kind.REGION and place.polygon is not None and place.id not in seen:
            seen.add(place.id)
            outline = shapely.simplify(place.polygon, simplify_degrees * 5)
            regions.append({"name": text(place.name),
                            "g": json.loads(shapely.to_geojson(
                                shapely.set_precision(outline, 10**-_DIGITS)))})

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
