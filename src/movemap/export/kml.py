"""KML and KMZ for Google Earth: legs with time spans (its time slider works), stations as
placemarks, a style for each mode and status (a status by its line's opacity and width),
descriptions with dates, strengths and sources, and the same as ``ExtendedData`` fields
(status, strength, unit, dates' bounds, sources and their grades) for GIS tools.

Written with ElementTree, which escapes every text for XML; the same dataset gives the same
bytes (no timestamps, no random ids). A viewer renders a description as HTML, so each one is
built here from fixed markup and HTML-escaped values: no dataset string (a unit's name, a
note, text drafted by ``extract``) ever becomes markup in a balloon. Names are escaped the
same way: Google Earth puts a placemark's name, as HTML, at the head of its balloon (a name
without ``<``, ``>`` or ``&`` reads the same either way). A KMZ also carries each unit's
symbol as a PNG icon.
"""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from movemap.io.atomic import write_atomic
from movemap.model import Dataset, Leg, Mode, Station, Status
from movemap.queries import leg_window
from movemap.style import STATUS_COLOURS, leg_style, station_radius

if TYPE_CHECKING:
    from movemap.located import Located

__all__ = ["kml_document", "write_kml", "write_kmz"]

KML = "http://www.opengis.net/kml/2.2"
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed, so that the same dataset gives the same KMZ


def _kml_colour(hex_colour: str, opacity: float = 1.0) -> str:
    """KML's aabbggrr from #rrggbb."""
    r, g, b = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"{round(opacity * 255):02x}{b}{g}{r}"


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    child = ET.SubElement(parent, tag)
    if text is not None:
        child.text = text
    return child


# KML lines cannot be dashed: a status shows by its opacity (and the style's width)
_STATUS_OPACITY = {Status.REPORTED: 1.0, Status.CONFIRMED: 1.0, Status.CLAIMED: 0.7,
                   Status.EXPECTED: 0.5, Status.FORECAST: 0.3}


def _extended_data(mark: ET.Element, fields: list[tuple[str, str | None]]) -> None:
    """Typed-free ``ExtendedData``: Google Earth shows it in a table, GDAL reads fields."""
    data = _sub(mark, "ExtendedData")
    for name, value in fields:
        item = _sub(data, "Data")
        item.set("name", name)
        _sub(item, "value", "" if value is None else value)


def _record_fields(dataset: Dataset, item: Leg | Station,
                   names: dict[str, str]) -> list[tuple[str, str | None]]:
    grades = {s.id: str(s.grade) for s in dataset.sources if s.grade}
    fields: list[tuple[str, str | None]] = [
        ("id", item.id), ("record", "leg" if isinstance(item, Leg) else "station"),
        ("unit", item.unit), ("unit_name", names.get(item.unit)),
        ("status", item.status.value),
        ("strength", str(item.strength) if item.strength is not None else None),
        ("confidence", item.confidence.value if item.confidence else None),
        ("start", str(item.start)),
        ("start_earliest", item.start.earliest.isoformat() if item.start.earliest else None),
        ("start_latest", item.start.latest.isoformat() if item.start.latest else None),
        ("end", str(item.end) if item.end else None),
        ("end_earliest", item.end.earliest.isoformat() if item.end and item.end.earliest
         else None),
        ("end_latest", item.end.latest.isoformat() if item.end and item.end.latest else None),
        ("sources", "|".join(item.sources) or None),
        ("grades", "|".join(grades[s] for s in item.sources if s in grades) or None),
    ]
    if isinstance(item, Leg):
        fields.insert(5, ("mode", item.mode.value))
    return fields


def _description(rows: list[tuple[str, str]]) -> str:
    """The balloon's HTML: one ``Label: value`` line a row, every value escaped."""
    return "<br>\n".join(f"{label}: {html.escape(value)}" for label, value in rows if value)


def kml_document(located: Located, icons: dict[str, str] | None = None) -> bytes:
    """The KML document; ``icons`` maps a unit id to its icon's path inside a KMZ."""
    dataset = located.dataset
    ET.register_namespace("", KML)
    root = ET.Element(f"{{{KML}}}kml")
    doc = _sub(root, "Document")
    _name(doc, dataset.title or dataset.name)
    if dataset.as_of:
        _sub(doc, "description", html.escape(f"Data as of {dataset.as_of.isoformat()}"))
    for mode in Mode:
        for status in Status:
            line = leg_style(mode, status)
            style = _sub(doc, "Style")
            style.set("id", f"leg-{mode.value}-{status.value}")
            line_style = _sub(style, "LineStyle")
            _sub(line_style, "color", _kml_colour(line.colour, _STATUS_OPACITY[status]))
            _sub(line_style, "width", f"{line.weight:g}")
    for status in Status:
        style = _sub(doc, "Style")
        style.set("id", f"station-{status.value}")
        icon_style = _sub(style, "IconStyle")
        _sub(icon_style, "color", _kml_colour(STATUS_COLOURS[status]))  # Earth's own pin
    names = {u.id: u.name for u in dataset.units}
    legs: dict[str, list[Leg]] = {}
    for leg in dataset.legs:
        legs.setdefault(leg.unit, []).append(leg)
    stations: dict[str, list[Station]] = {}
    for station in dataset.stations:
        stations.setdefault(station.unit, []).append(station)
    for unit in dataset.units:
        folder = _sub(doc, "Folder")
        _name(folder, unit.name)
        for leg in legs.get(unit.id, ()):
            _leg_placemark(folder, dataset, leg, located, names)
        for station in stations.get(unit.id, ()):
            _station_placemark(folder, dataset, station, located, names,
                               (icons or {}).get(unit.id))
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


def _name(parent: ET.Element, text: str) -> ET.Element:
    """A ``name``, HTML-escaped (then XML-escaped on writing): Google Earth shows it as HTML
    at the head of the balloon."""
    return _sub(parent, "name", html.escape(text, quote=False))


def _time_span(parent: ET.Element, begin: str | None, end: str | None) -> None:
    span = _sub(parent, "TimeSpan")
    if begin:
        _sub(span, "begin", begin)
    if end:
        _sub(span, "end", end)


def _leg_placemark(folder: ET.Element, dataset: Dataset, leg: Leg, located: Located,
                   names: dict[str, str]) -> None:
    routes = located.routes_of(leg)
    length = max(r.length_km for r in routes)
    departure, arrival, _ = leg_window(leg, length)
    mark = _sub(folder, "Placemark")
    mark.set("id", f"leg-{leg.id}")
    origins = " | ".join(located.place(r).name for r in leg.origins)
    _name(mark, f"{names.get(leg.unit, leg.unit)}: {origins} to "
                f"{located.place(leg.destination).name}")
    _sub(mark, "description", _description([
        ("Start", str(leg.start)), ("End", str(leg.end) if leg.end else "not reported"),
        ("Mode", leg.mode.value), ("Strength", f"{leg.strength:,}" if leg.strength else ""),
        ("Equipment", ", ".join(f"{k}: {v:,}" for k, v in leg.equipment.items())),
        ("Status", leg.status.value), ("Length", f"{length:,.0f} km"),
        ("Sources", dataset.cite(leg.sources)), ("Notes", leg.notes)]))
    # Google Earth shows the leg while its unit is under way: departure to arrival
    _time_span(mark, departure.isoformat(), arrival.isoformat())
    _sub(mark, "styleUrl", f"#leg-{leg.mode.value}-{leg.status.value}")
    _extended_data(mark, [*_record_fields(dataset, leg, names),
                          ("length_km", f"{length:.1f}")])
    multi = _sub(mark, "MultiGeometry")
    for route in routes:
        for part in route.lines():
            line = _sub(multi, "LineString")
            _sub(line, "tessellate", "1")
            _sub(line, "coordinates", " ".join(f"{x:.6f},{y:.6f}" for x, y in part))


def _station_placemark(folder: ET.Element, dataset: Dataset, station: Station,
                       located: Located, names: dict[str, str], icon: str | None) -> None:
    place = located.place(station.place)
    mark = _sub(folder, "Placemark")
    mark.set("id", f"station-{station.id}")
    _name(mark, f"{names.get(station.unit, station.unit)} at {place.name}")
    _sub(mark, "description", _description([
        ("From", str(station.start)), ("Until", str(station.end) if station.end else "open"),
        ("Strength", f"{station.strength:,}" if station.strength else ""),
        ("Status", station.status.value), ("Sources", dataset.cite(station.sources)),
        ("Notes", station.notes)]))
    _time_span(mark, station.start.first_day.isoformat(),
               station.end.last_day.isoformat() if station.end else None)
    if icon:
        _sub(mark, "styleUrl", f"#station-{station.status.value}")
        style = _sub(mark, "Style")
        icon_style = _sub(style, "IconStyle")
        _sub(icon_style, "scale", f"{station_radius(station.strength) / 8:.2f}")
        _sub(_sub(icon_style, "Icon"), "href", icon)
    else:
        _sub(mark, "styleUrl", f"#station-{station.status.value}")
    _extended_data(mark, _record_fields(dataset, station, names))
    point = _sub(mark, "Point")
    _sub(point, "coordinates", f"{place.lon:.6f},{place.lat:.6f}")


def write_kml(located: Located, path: Path) -> Path:
    """The located dataset as KML, atomically."""
    return write_atomic(path, kml_document(located))


def write_kmz(located: Located, path: Path) -> Path:
    """The located dataset as KMZ: the KML and each unit's symbol as a PNG icon."""
    from movemap.export.icons import symbol_png

    icons: dict[str, str] = {}
    images: dict[str, bytes] = {}
    for unit in located.dataset.units:
        if unit.sidc:
            png = symbol_png(unit.sidc)
            if png is not None:
                name = f"icons/{unit.sidc}.png"
                icons[unit.id] = name
                images[name] = png
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as kmz:
        entries = [("doc.kml", kml_document(located, icons)), *sorted(images.items())]
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            kmz.writestr(info, data)
    return write_atomic(path, buffer.getvalue())

