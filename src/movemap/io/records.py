"""The dataset format: its fields, and turning records (from YAML, JSON or GeoJSON) into a model.

One definition of the fields (``FIELDS``) serves the reader, the JSON Schema
(``movemap.schema``) and the writer. Reading never stops at the first problem: every
problem is collected with the line and column of the value it is about, so that
``movemap validate`` can report them all at once.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from movemap.dates import DateError, FuzzyDate, parse_date
from movemap.errors import CountryCodeError, DatasetError, InvalidRecordError, MovemapError
from movemap.io.nodes import Node
from movemap.model import (
    SCHEMA_VERSION,
    AdmiraltyCode,
    Confidence,
    Dataset,
    Echelon,
    Leg,
    Mode,
    PlaceRef,
    Source,
    Station,
    Status,
    Unit,
)
from movemap.textfile import control_character

__all__ = [
    "FIELDS",
    "DatasetError",
    "Parsed",
    "Problem",
    "dataset_to_dict",
    "parse_records",
]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_SIDC = re.compile(r"^(\d{20}|\d{30}|[A-Z*-][A-Z*-]{14})$")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a dataset, where it is, and whether it stops the dataset loading."""

    message: str
    line: int | None = None
    column: int | None = None
    severity: str = "error"

    def format(self, path: str | None) -> str:
        """``path:line:column: message`` (``warning: `` before warnings)."""
        where = ":".join(str(p) for p in (path, self.line, self.column) if p is not None)
        text = f"warning: {self.message}" if self.severity == "warning" else self.message
        return f"{where}: {text}" if where else text


@dataclass(frozen=True, slots=True)
class Spec:
    """One field of the format."""

    kind: str
    description: str
    required: bool = False
    choices: type[StrEnum] | None = None


def _spec(kind: str, description: str, *, required: bool = False,
          choices: type[StrEnum] | None = None) -> Spec:
    return Spec(kind, description, required, choices)


FIELDS: dict[str, dict[str, Spec]] = {
    "dataset": {
        "movemap": _spec("version", "format version of this file (1)", required=True),
        "name": _spec("id", "short name of the operation, used for output files", required=True),
        "title": _spec("text", "title for maps and reports"),
        "as_of": _spec("day", "the date the data is current to (YYYY-MM-DD)"),
        "description": _spec("text", "what the dataset covers"),
        "through": _spec("countries", "transit countries every rail and road leg may cross "
                                      "besides those of its places (ISO 3166-1 alpha-2): [BY, LT]"),
        "sources": _spec("list:source", "where the facts come from"),
        "units": _spec("list:unit", "units, echelons and groupings"),
        "legs": _spec("list:leg", "movements"),
        "stations": _spec("list:station", "units staying at a place"),
    },
    "source": {
        "id": _spec("id", "identifier that legs and stations cite", required=True),
        "publisher": _spec("text", "publisher or agency", required=True),
        "title": _spec("text", "title of the statement or article"),
        "date": _spec("day", "date of publication (YYYY-MM-DD)"),
        "url": _spec("text", "where it can be read"),
        "grade": _spec("grade", "Admiralty code: reliability A-F and credibility 1-6, e.g. B2"),
    },
    "unit": {
        "id": _spec("id", "identifier that legs and stations use", required=True),
        "name": _spec("text", "name for maps and reports", required=True),
        "echelon": _spec("enum", "size or kind of grouping", choices=Echelon),
        "affiliation": _spec("country", "country the unit belongs to (ISO 3166-1 alpha-2)"),
        "parent": _spec("ref:unit", "id of the unit it belongs to"),
        "sidc": _spec("sidc", "MIL-STD-2525 / APP-6 symbol code (20 or 30 digits, or 15 letters)"),
        "context": _spec("bool", "drawn as context, not as the subject of the map"),
        "notes": _spec("text", "anything else"),
    },
    "leg": {
        "id": _spec("id", "identifier", required=True),
        "unit": _spec("ref:unit", "id of the unit that moves", required=True),
        "from": _spec("places", "where it sets out: a place, or a list of places", required=True),
        "to": _spec("place", "where it goes", required=True),
        "via": _spec("places", "places it passes, in order"),
        "through": _spec("countries", "transit countries a rail or road leg may cross besides "
                                      "those of its places (ISO 3166-1 alpha-2): [BY, LT]"),
        "start": _spec("date", "when it sets out", required=True),
        "end": _spec("date", "when it arrives (leave out if not known)"),
        "mode": _spec("enum", "how it travels", choices=Mode),
        "strength": _spec("count", "people"),
        "equipment": _spec("counts", "other things moved, by name: {landing ships: 4}"),
        "status": _spec("enum", "how sure, and by whose word", choices=Status),
        "confidence": _spec("enum", "the analyst's confidence in this record", choices=Confidence),
        "sources": _spec("refs:source", "ids of the sources"),
        "notes": _spec("text", "anything else"),
        "route": _spec("route", "the way it went as drawn by hand, one line of [lon, lat] "
                                "points per place of departure; drawn as it is, not routed "
                                "(a route edited in a GIS tool comes back so)"),
    },
    "station": {
        "id": _spec("id", "identifier", required=True),
        "unit": _spec("ref:unit", "id of the unit", required=True),
        "at": _spec("place", "where it stays", required=True),
        "start": _spec("date", "from when", required=True),
        "end": _spec("date", "until when (leave out if open)"),
        "strength": _spec("count", "people"),
        "status": _spec("enum", "how sure, and by whose word", choices=Status),
        "confidence": _spec("enum", "the analyst's confidence in this record", choices=Confidence),
        "sources": _spec("refs:source", "ids of the sources"),
        "notes": _spec("text", "anything else"),
    },
    "place": {
        "name": _spec("text", "name for the gazetteer (any script or romanisation)"),
        "country": _spec("country", "ISO 3166-1 alpha-2 code that helps choose among namesakes"),
        "lat": _spec("number", "latitude, WGS84 degrees (with lon: exact point)"),
        "lon": _spec("number", "longitude, WGS84 degrees (with lat: exact point)"),
    },
}
_SECTIONS = {"sources": "source", "units": "unit", "legs": "leg", "stations": "station"}


@dataclass
class Parsed:
    """What reading a dataset gave: the dataset (None if it could not be built) and problems.

    ``where`` maps ``(kind, id, field)`` to the position of that value, for later checks;
    ``ids`` holds every id written for each kind, also of records left out for their errors
    (so that references to them do not count as a second error).
    """

    dataset: Dataset | None
    problems: list[Problem]
    where: dict[tuple[str, str, str], tuple[int | None, int | None]] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def at(self, kind: str, item: str, name: str) -> tuple[int | None, int | None]:
        """Position of a field's value (or of the item, if the field is absent)."""
        return self.where.get((kind, item, name)) or self.where.get((kind, item, "")) or (
            None, None)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Reader:
    """Turns located nodes into model values, noting every problem."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.where: dict[tuple[str, str, str], tuple[int | None, int | None]] = {}
        self.ids: dict[str, set[str]] = {}
        self._record: tuple[str, str] | None = None

    def note_position(self, name: str, node: Node) -> None:
        """Keep the position of a value inside a field (an equipment count) for later."""
        if self._record is not None:
            self.where[(*self._record, name)] = (node.line, node.column)

    def problem(self, node: Node | None, message: str, severity: str = "error") -> None:
        line, column = (node.line, node.column) if node else (None, None)
        self.problems.append(Problem(message, line, column, severity))

    # -- fields ----------------------------------------------------------------------------

    def value(self, spec: Spec, node: Node, label: str, name: str) -> Any:
        """The field's value, or raises _Skip after noting the problem."""
        return CONVERTERS[spec.kind](self, spec, node, label, name)

    def place(self, node: Node, label: str, name: str) -> PlaceRef:
        if isinstance(node.value, str):
            if not node.value.strip():
                raise self._bad(node, label, f"{name} is empty")
            if message := control_character(node.value, name):
                raise self._bad(node, label, message)
            return PlaceRef(name=node.value.strip())
        if not node.is_mapping:
            raise self._bad(node, label, f"{name} must be a place name or "
                                         "{name:, country:, lat:, lon:}")
        values = self.fields("place", node, f"{label}: {name}", collect=False)
        if values is None:
            raise _Skip
        try:
            return PlaceRef(name=values.get("name"), country=values.get("country"),
                            lat=values.get("lat"), lon=values.get("lon"))
        except InvalidRecordError as exc:
            raise self._bad(node, label, f"{name}: {exc.message}") from None

    def _bad(self, node: Node, label: str, message: str) -> _Skip:
        self.problem(node, f"{label}: {message}" if label else message)
        return _Skip()

    # -- records ----------------------------------------------------------------------------

    def fields(self, kind: str, node: Node, label: str, *, collect: bool = True,
               item: str = "") -> dict[str, Any] | None:
        """Every known field of a mapping; None if a required one is missing or bad.

        ``collect``: a record, whose field positions are kept for later checks. A nested
        mapping (a place) is instead bad as a whole when it has an unknown field.
        """
        specs = FIELDS[kind]
        if collect:
            self._record = (kind, item)
        ok = True
        out: dict[str, Any] = {}
        for key, value_node in node.value.items():
            if key not in specs:
                line, column = node.keys.get(key, (node.line, node.column))
                prefix = f"{label}: " if label else ""
                self.problems.append(Problem(
                    f"{prefix}unknown field {key!r}{_did_you_mean(key, specs)}", line, column))
                ok = ok and collect
                continue
            if collect:
                self.where[(kind, item, key)] = (value_node.line, value_node.column)
            if value_node.value is None and not specs[key].required:
                continue
            try:
                out[key] = self.value(specs[key], value_node, label, key)
            except _Skip:
                # a record goes on without a bad optional field; a place is bad as a whole
                ok = ok and not specs[key].required and collect
        for key, spec in specs.items():
            if spec.required and key not in node.value:
                prefix = f"{label}: " if label else ""
                self.problem(node, f"{prefix}missing field {key!r}")
                ok = False
        return out if ok else None

    def items(self, kind: str, node: Node) -> list[tuple[dict[str, Any], Node]]:
        if not node.is_list:
            self.problem(node, f"{kind}s must be a list")
            return []
        out = []
        seen: dict[str, int | None] = {}
        for number, item in enumerate(node.value, start=1):
            if not item.is_mapping:
                self.problem(item, f"{kind} #{number} must be a mapping of fields")
                continue
            raw_id = item.value.get("id")
            ident = "" if raw_id is None or raw_id.value is None else (
                raw_id.raw or str(raw_id.value))
            label = f"{kind} {ident!r}" if ident else f"{kind} #{number}"
            self.where[(kind, ident, "")] = (item.line, item.column)
            if ident:
                self.ids.setdefault(kind, set()).add(ident)
            values = self.fields(kind, item, label, item=ident)
            if raw_id is not None and ident in seen:
                where = f" on line {seen[ident]}" if seen[ident] else ""
                self.problems.append(Problem(
                    f"{label}: id {ident!r} is already used by the {kind}{where}",
                    raw_id.line, raw_id.column))
                continue
            seen[ident] = item.line
            if values is not None:
                out.append((values, item))
        return out


class _Skip(Exception):
    """A field's problem was noted; leave the field (or record) out."""


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


# -- converters: one per field kind, text (or a YAML value) to a model value ------------------

Converter = Callable[[_Reader, Spec, Node, str, str], Any]


def _yaml11(node: Node, name: str) -> str | None:
    """A hint when YAML 1.1 turned plain text into something else (``NO`` into false)."""
    raw, v = node.raw, node.value
    if raw is None:
        return None
    if isinstance(v, bool):
        return (f"{name} {raw} was read as {str(v).lower()} (YAML reads yes, no, on and off "
                f"as true or false); put it in quotes: \"{raw}\"")
    if isinstance(v, int | float) and ":" in raw:
        return (f"{name} {raw} was read as the number {v:g} (YAML reads 1:30 as base-60); "
                f"put it in quotes: \"{raw}\"")
    return None


def _text(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> str:
    v = node.value
    if hint := _yaml11(node, name):
        raise reader._bad(node, label, hint)
    if isinstance(v, bool) or not isinstance(v, str | int | float):
        raise reader._bad(node, label, f"{name} must be text, not {_describe(v)}")
    if isinstance(v, str) and (message := control_character(v, name)):
        raise reader._bad(node, label, message)
    text = str(v).strip()
    if not text:
        raise reader._bad(node, label, f"{name} is empty")
    return text


def _id(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> str:
    text = _text(reader, spec, node, label, name)
    if not _ID.match(text):
        raise reader._bad(node, label, f"{name} {text!r} may hold only letters, digits "
                                       "and _.:-, and must start with a letter or digit")
    return text


def _country(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> str:
    text = _text(reader, spec, node, label, name)
    if not (len(text) == 2 and text.isalpha() and text.isascii()):
        raise reader._bad(node, label, f"{name} {text!r} is not an ISO 3166-1 alpha-2 code")
    return text.upper()


def _sidc(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> str:
    text = _text(reader, spec, node, label, name)
    if not _SIDC.match(text):
        raise reader._bad(node, label, f"{name} {text!r} is not a symbol code (20 or 30 "
                                       "digits for 2525D/E, or 15 letters for 2525C)")
    return text


def _version(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> int:
    v = node.value
    if isinstance(v, bool) or not isinstance(v, int):
        raise reader._bad(node, label, f"format version {v!r} is not a whole number")
    if v != SCHEMA_VERSION:
        raise reader._bad(node, label, f"format version {v} is not supported; this "
                                       f"movemap reads version {SCHEMA_VERSION}")
    return v


def _bool(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> bool:
    if not isinstance(node.value, bool):
        raise reader._bad(node, label, f"{name} must be true or false, not {node.value!r}")
    return node.value


def _number(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> float:
    v = node.value
    if hint := _yaml11(node, name):
        raise reader._bad(node, label, hint)
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise reader._bad(node, label, f"{name} {v!r} is not a number")
    return float(v)


_DIGITS = re.compile(r"^[0-9][0-9,_]*$")


def _count(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> int:
    """A whole number, also written as text with thousands separators (``"12,000"``).

    Its range is the model's to check (``movemap.model.MAX_COUNT``).
    """
    v = node.value
    if hint := _yaml11(node, name):
        raise reader._bad(node, label, hint)
    if isinstance(v, str) and _DIGITS.match(v.strip()):
        digits = v.strip().replace(",", "").replace("_", "")
        v = int(digits) if len(digits) <= 20 else v
    elif isinstance(v, str) and v.strip().startswith("-") and _DIGITS.match(v.strip()[1:]):
        raise reader._bad(node, label, f"{name} {v.strip()} is negative")
    if isinstance(v, bool) or not isinstance(v, int):
        shown = v if not isinstance(v, str) or len(v) <= 40 else f"{v[:20]}..."
        raise reader._bad(node, label, f"{name} {shown!r} is not a whole number")
    return v


def _counts(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> dict[str, int]:
    if not node.is_mapping:
        raise reader._bad(node, label, f"{name} must map names to counts, "
                                       "like {landing ships: 4}")
    out = {}
    for key, count in node.value.items():
        if message := control_character(key, f"{name} name"):
            raise reader._bad(count, label, message)
        out[key] = _count(reader, spec, count, label, f"{name} {key!r}")
        reader.note_position(f"{name}.{key}", count)
    return out


def _day(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> date:
    v = node.value
    if isinstance(v, datetime):  # a YAML timestamp: its day as written, in its zone
        return v.date()
    if isinstance(v, date):
        return v
    try:
        parsed = parse_date(str(v))
    except DateError as exc:
        raise reader._bad(node, label, f"{name}: {exc.message}") from None
    if parsed.precision.value != "day" or parsed.earliest is None:
        raise reader._bad(node, label, f"{name} must be a day (YYYY-MM-DD), not {v!r}")
    return parsed.earliest


def _date(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> FuzzyDate:
    v = node.value
    if isinstance(v, bool) or v is None:
        raise reader._bad(node, label, f"{name} is empty")
    try:
        return parse_date(v if isinstance(v, date) else str(v))
    except DateError as exc:
        raise reader._bad(node, label, f"{name}: {exc.message}") from None


def _grade(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> AdmiraltyCode:
    try:
        return AdmiraltyCode.parse(str(node.value))
    except MovemapError as exc:
        raise reader._bad(node, label, f"{name} {exc.message}") from None


def _enum(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> StrEnum:
    assert spec.choices is not None
    v = node.value
    try:
        return spec.choices(str(v).strip().lower())
    except ValueError:
        valid = [c.value for c in spec.choices]
        hint = _did_you_mean(str(v).strip().lower(), valid)
        raise reader._bad(node, label, f"{name} {v!r} is not one of {', '.join(valid)}"
                                       f"{hint}") from None


def _countries(reader: _Reader, spec: Spec, node: Node, label: str,
               name: str) -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes of countries that exist, a list or one code; a code that is
    not one is refused with the code meant, when it can be told (``BLR``, ``Belarus``,
    ``UK``)."""
    from movemap.countries import country_code

    items = node.value if node.is_list else [node]
    out: list[str] = []
    for item in items:
        if hint := _yaml11(item, name):
            raise reader._bad(item, label, hint)
        v = item.value
        if not isinstance(v, str) or not v.strip():
            raise reader._bad(item, label, f"{name} must be a list of country codes like "
                                           f"[BY, LT], not {_describe(v)}")
        try:
            out.append(country_code(v, name))
        except CountryCodeError as exc:
            raise reader._bad(item, label, f"{name} {exc.message}") from None
    return tuple(dict.fromkeys(out))


def _refs(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> tuple[str, ...]:
    items = node.value if node.is_list else [node]
    return tuple(_id(reader, spec, n, label, name) for n in items)


def _to_place(reader: _Reader, spec: Spec, node: Node, label: str, name: str) -> PlaceRef:
    return reader.place(node, label, name)


def _to_places(reader: _Reader, spec: Spec, node: Node, label: str,
            name: str) -> tuple[PlaceRef, ...]:
    items = node.value if node.is_list else [node]
    if not items:
        raise reader._bad(node, label, f"{name} is an empty list")
    return tuple(reader.place(n, label, name) for n in items)


def _route(reader: _Reader, spec: Spec, node: Node, label: str,
           name: str) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Lines of ``[lon, lat]`` points (one line alone may be written without the outer list);
    the model checks their number and range."""
    value = node.plain()
    if isinstance(value, list) and value and isinstance(value[0], list) and value[0] and \
            not isinstance(value[0][0], list):
        value = [value]  # one line
    try:
        lines = tuple(tuple(_point(p) for p in line) for line in value)
    except (TypeError, ValueError):
        raise reader._bad(node, label, f"{name} must be lines of [lon, lat] points, like "
                                       "[[[131.9, 43.1], [132.5, 42.5]]]") from None
    return lines


def _point(value: Any) -> tuple[float, float]:
    if not isinstance(value, list | tuple) or len(value) != 2 or any(
            isinstance(v, bool) or not isinstance(v, int | float) for v in value):
        raise ValueError(value)
    return float(value[0]), float(value[1])


CONVERTERS: dict[str, Converter] = {
    "text": _text, "id": _id, "ref:unit": _id, "country": _country, "sidc": _sidc,
    "version": _version, "bool": _bool, "number": _number, "count": _count,
    "counts": _counts, "day": _day, "date": _date, "grade": _grade, "enum": _enum,
    "refs:source": _refs, "place": _to_place, "places": _to_places, "countries": _countries,
    "route": _route,
}
"""The converter of each field kind (``Spec.kind``) in ``FIELDS``."""


def parse_records(root: Node) -> Parsed:
    """Build a dataset from a located record tree, checking the format (not meaning).

    Cross-references, dates in order, places and speeds are checked by
    ``movemap.validate``.
    """
    reader = _Reader()
    if not root.is_mapping:
        reader.problem(root, "the file must be a mapping with the fields movemap, name, "
                             "units, sources, legs and stations")
        return Parsed(None, reader.problems)
    top = reader.fields("dataset", Node(
        {k: v for k, v in root.value.items() if k not in _SECTIONS}, root.line, root.column,
        {k: p for k, p in root.keys.items() if k not in _SECTIONS}), "")
    built: dict[str, list[Any]] = {"source": [], "unit": [], "leg": [], "station": []}
    for section in (s for s in _SECTIONS if s in root.value):
        kind = _SECTIONS[section]
        node = root.value[section]
        if node.value is None:
            continue
        for values, item in reader.items(kind, node):
            try:
                built[kind].append(_make(kind, values))
            except InvalidRecordError as exc:
                for name, message in exc.problems:
                    line, column = (reader.where.get((kind, values["id"], name))
                                    or (item.line, item.column))
                    reader.problems.append(Problem(f"{kind} {values['id']!r}: {message}",
                                                   line, column))
            except MovemapError as exc:
                reader.problem(item, exc.message)
    if top is None:
        return Parsed(None, reader.problems, reader.where, reader.ids)
    problems = sorted(reader.problems, key=lambda p: (p.line or 0, p.column or 0))
    dataset = Dataset(
        name=top["name"],
        title=top.get("title", ""),
        as_of=top.get("as_of"),
        description=top.get("description", ""),
        sources=tuple(built["source"]),
        units=tuple(built["unit"]),
        legs=tuple(built["leg"]),
        stations=tuple(built["station"]),
        schema_version=top["movemap"],
        through=top.get("through", ()),
    )
    return Parsed(dataset, problems, reader.where, reader.ids)


def _make(kind: str, v: dict[str, Any]) -> Any:
    if kind == "source":
        return Source(id=v["id"], publisher=v["publisher"], title=v.get("title", ""),
                      date=v.get("date"), url=v.get("url"), grade=v.get("grade"))
    if kind == "unit":
        return Unit(id=v["id"], name=v["name"], echelon=v.get("echelon"),
                    affiliation=v.get("affiliation"), parent=v.get("parent"), sidc=v.get("sidc"),
                    context=v.get("context", False), notes=v.get("notes", ""))
    common = {
        "id": v["id"], "unit": v["unit"], "start": v["start"], "end": v.get("end"),
        "strength": v.get("strength"), "status": v.get("status", Status.REPORTED),
        "confidence": v.get("confidence"), "sources": v.get("sources", ()),
        "notes": v.get("notes", ""),
    }
    if kind == "leg":
        return Leg(origins=v["from"], destination=v["to"], via=v.get("via", ()),
                   mode=v.get("mode", Mode.UNKNOWN), equipment=v.get("equipment", {}),
                   through=v.get("through", ()), route=v.get("route", ()), **common)
    return Station(place=v["at"], **common)


# -- writing ---------------------------------------------------------------------------------

def _place(ref: PlaceRef) -> Any:
    if ref.name and not ref.country and not ref.has_point:
        return ref.name
    out: dict[str, Any] = {}
    for key in ("name", "country", "lat", "lon"):
        if getattr(ref, key) is not None:
            out[key] = getattr(ref, key)
    return out


def _places(refs: Sequence[PlaceRef]) -> Any:
    return _place(refs[0]) if len(refs) == 1 else [_place(r) for r in refs]


def _drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, "", (), [], {}, False)}


def _str(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, FuzzyDate | AdmiraltyCode):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def dataset_to_dict(dataset: Dataset) -> dict[str, Any]:
    """The dataset as plain values in the file format's layout (empty fields left out)."""
    def record(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
        return _drop_empty({k: _str(v) for k, v in pairs})

    return _drop_empty({
        "movemap": dataset.schema_version,
        "name": dataset.name,
        "title": dataset.title,
        "as_of": _str(dataset.as_of),
        "description": dataset.description,
        "through": list(dataset.through),
        "sources": [record([("id", s.id), ("publisher", s.publisher), ("title", s.title),
                            ("date", s.date), ("url", s.url), ("grade", s.grade)])
                    for s in dataset.sources],
        "units": [record([("id", u.id), ("name", u.name), ("echelon", u.echelon),
                          ("affiliation", u.affiliation), ("parent", u.parent),
                          ("sidc", u.sidc), ("context", u.context), ("notes", u.notes)])
                  for u in dataset.units],
        "legs": [record([("id", leg.id), ("unit", leg.unit), ("from", _places(leg.origins)),
                         ("to", _place(leg.destination)),
                         ("via", [_place(r) for r in leg.via]),
                         ("through", list(leg.through)), ("start", leg.start),
                         ("end", leg.end), ("mode", leg.mode), ("strength", leg.strength),
                         ("equipment", dict(leg.equipment)), ("status", leg.status),
                         ("confidence", leg.confidence), ("sources", list(leg.sources)),
                         ("notes", leg.notes),
                         ("route", [[[lon, lat] for lon, lat in line] for line in leg.route])])
                 for leg in dataset.legs],
        "stations": [record([("id", s.id), ("unit", s.unit), ("at", _place(s.place)),
                             ("start", s.start), ("end", s.end), ("strength", s.strength),
                             ("status", s.status), ("confidence", s.confidence),
                             ("sources", list(s.sources)), ("notes", s.notes)])
                     for s in dataset.stations],
    })

