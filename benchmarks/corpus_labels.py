"""Labels of the extraction corpora, read and checked in one place.

Two corpora share this reader: ``benchmarks/corpus`` (schema 1, the first texts, written
beside the first rules) and ``benchmarks/extract_corpus`` (schema 2, written before the rules
were changed; see ``extract_corpus/SCHEMA.md``). Schema 1 files are read as schema 2 with
the fields they lack left empty: a leg's ``from`` becomes its only origin, ``to`` its
destination.

``read_labels(path)`` reads one report's ``.json`` beside its ``.txt``; ``read_corpus()``
reads both corpora with the part (``dev`` or ``test``) that ``extract_corpus/split.json``
gives each text. Only development texts may be used to tune an extractor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CORPORA = (HERE / "corpus", HERE / "extract_corpus")
SPLIT = HERE / "extract_corpus" / "split.json"

KINDS = ("city", "port", "airport", "site", "island", "region", "country", "river", "water")
POINT_KINDS = ("city", "port", "airport", "site")
MODES = ("sea", "rail", "road", "air", "foot", "unknown")
STATUSES = ("reported", "confirmed", "claimed", "expected")
LANGUAGES = ("en", "ru", "ko", "fr", "es", "pt", "de", "it", "nl", "pl", "sv")
SHAPES = (
    "chain", "multi_origin", "multi_destination", "airlifted", "landed", "crossed_into",
    "withdrew_across", "pulled_back", "redeployed", "passive", "reported_speech", "expected",
    "non_strength_quantity", "cross_sentence", "headline_context", "pronoun", "retrospective",
    "relative_date", "month_range", "trap_word", "ship_name", "operation_name", "beach_name",
    "cyrillic", "hangul", "arabic", "chinese", "non_english",
)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_REF = re.compile(r"^(geonames:\d+(~\d+)?|ne-admin0:[A-Z]{2}|ne-admin0-within:[A-Z]{2}"
                  r"|ne-admin1:.+|ne-river:.+|ne-water)$")


class LabelError(ValueError):
    """A label file that does not follow the schema; the message names file and field."""


@dataclass(frozen=True)
class LabelledPlace:
    """A place the text names: as written, where it is, and how that was checked."""

    name: str
    lat: float
    lon: float
    country: str | None = None
    kind: str | None = None
    ref: str | None = None

    @property
    def is_point(self) -> bool:
        """Whether a distance to this place means something (towns, ports, sites)."""
        return self.kind is None or self.kind in POINT_KINDS


@dataclass(frozen=True)
class LabelledLeg:
    """A movement the text describes, with the precision the text gives."""

    origins: tuple[str, ...]
    destination: str
    via: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    mode: str = "unknown"
    strength: int | None = None
    unit: str | None = None
    status: str | None = None
    source: str | None = None

    @property
    def start_day(self) -> date | None:
        """The first day the start can mean (1944-06 -> 1944-06-01), or None."""
        return first_day(self.start)


@dataclass(frozen=True)
class NonPlace:
    """Words in the text that look like a place name and must not be taken for one."""

    text: str
    why: str


@dataclass(frozen=True)
class Labels:
    """One report's labels."""

    path: Path
    schema: int
    published: date | None
    places: tuple[LabelledPlace, ...]
    legs: tuple[LabelledLeg, ...]
    non_places: tuple[NonPlace, ...] = ()
    language: str = "en"
    era: str | None = None
    theatre: str | None = None
    shapes: tuple[str, ...] = ()

    @property
    def text_path(self) -> Path:
        return self.path.with_suffix(".txt")

    @property
    def key(self) -> str:
        """The report's name in ``split.json``: corpus folder and file stem."""
        return f"{self.path.parent.name}/{self.path.stem}"

    def is_point_leg(self, leg: LabelledLeg) -> bool:
        """Whether every end of ``leg`` is a point, so that it can be scored by distance."""
        return all(self.place(n).is_point for n in (*leg.origins, leg.destination))

    def place(self, name: str) -> LabelledPlace:
        """The labelled place written ``name``."""
        for p in self.places:
            if p.name == name:
                return p
        raise LabelError(f"{self.path}: no place named {name!r} in places")


def first_day(value: str | None) -> date | None:
    """The first day of an ISO date of any precision (year, month or day)."""
    if value is None:
        return None
    parts = [*map(int, value.split("-")), 1, 1]
    return date(parts[0], parts[1], parts[2])


def _fail(path: Path, where: str, message: str) -> LabelError:
    return LabelError(f"{path}: {where}: {message}")


def _choice(path: Path, where: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _fail(path, where, f"{value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _date(path: Path, where: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise _fail(path, where, f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        first_day(value)
    except ValueError:
        raise _fail(path, where, f"{value!r} is not a real date") from None
    return value


def _text(path: Path, where: str, value: Any, *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"{value!r} should be a non-empty string")
    return value


def _place(path: Path, i: int, raw: Any, schema: int) -> LabelledPlace:
    where = f"places[{i}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "should be an object")
    required = {"name", "lat", "lon"} | ({"country", "kind", "ref"} if schema >= 2 else set())
    if missing := sorted(required - raw.keys()):
        raise _fail(path, where, f"missing {', '.join(missing)}")
    name = _text(path, f"{where}.name", raw["name"], optional=False)
    lat, lon = raw["lat"], raw["lon"]
    for field, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
        if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
            raise _fail(path, f"{where}.{field}", f"{value!r} is not a coordinate")
    country = raw.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", str(country)):
        raise _fail(path, f"{where}.country", f"{country!r} is not an ISO 3166-1 alpha-2 code")
    kind = raw.get("kind")
    if schema >= 2:
        kind = _choice(path, f"{where}.kind", kind, KINDS)
        if country is None and kind != "water":
            raise _fail(path, f"{where}.country", "only water may have no country")
    ref = raw.get("ref")
    if ref is not None and not _REF.match(str(ref)):
        raise _fail(path, f"{where}.ref", f"{ref!r} is not a known reference form")
    assert name is not None
    return LabelledPlace(name, float(lat), float(lon), country, kind, ref)


def _leg(path: Path, i: int, raw: Any, schema: int, names: set[str]) -> LabelledLeg:
    where = f"legs[{i}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "should be an object")
    if schema < 2:
        raw = {"origins": [raw.get("from")], "destination": raw.get("to"),
               "start": raw.get("start"), "end": raw.get("end")}
    else:
        fields = {"origins", "destination", "start", "end", "mode", "strength", "unit",
                  "status", "source"}
        if missing := sorted(fields - raw.keys()):
            raise _fail(path, where, f"missing {', '.join(missing)}")
        if extra := sorted(raw.keys() - fields - {"via"}):
            raise _fail(path, where, f"unknown field {', '.join(extra)}")
    origins = raw["origins"]
    if not isinstance(origins, list) or not origins:
        raise _fail(path, f"{where}.origins", "should be a non-empty list of place names")
    via = raw.get("via", [])
    for field, value in [*((f"origins[{j}]", o) for j, o in enumerate(origins)),
                         ("destination", raw["destination"]),
                         *((f"via[{j}]", v) for j, v in enumerate(via))]:
        if value not in names:
            raise _fail(path, f"{where}.{field}", f"{value!r} is not a name in places")
    start = _date(path, f"{where}.start", raw["start"])
    end = _date(path, f"{where}.end", raw["end"])
    if start and end and first_day(end) < first_day(start):  # type: ignore[operator]
        raise _fail(path, f"{where}.end", f"{end} is before the start {start}")
    strength = raw.get("strength")
    if strength is not None and (isinstance(strength, bool) or not isinstance(strength, int)
                                 or strength <= 0):
        raise _fail(path, f"{where}.strength", f"{strength!r} should be a positive whole number")
    mode = _choice(path, f"{where}.mode", raw.get("mode", "unknown"), MODES)
    status = raw.get("status")
    if schema >= 2:
        status = _choice(path, f"{where}.status", status, STATUSES)
    return LabelledLeg(
        origins=tuple(origins), destination=raw["destination"], via=tuple(via), start=start,
        end=end, mode=mode, strength=strength, status=status,
        unit=_text(path, f"{where}.unit", raw.get("unit")),
        source=_text(path, f"{where}.source", raw.get("source")))


def read_labels(path: str | Path) -> Labels:
    """One report's labels (schema 1 or 2), checked; raises LabelError naming the field."""
    path = Path(path).with_suffix(".json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise LabelError(f"{path}: line {e.lineno}: not valid JSON ({e.msg})") from None
    if not isinstance(raw, dict):
        raise _fail(path, "top level", "should be an object")
    schema = raw.get("schema", 1)
    if schema not in (1, 2):
        raise _fail(path, "schema", f"{schema!r} is not 1 or 2")
    if schema >= 2:
        fields = {"schema", "published", "language", "era", "theatre", "shapes", "places",
                  "legs", "non_places"}
        if missing := sorted(fields - raw.keys()):
            raise _fail(path, "top level", f"missing {', '.join(missing)}")
        if extra := sorted(raw.keys() - fields):
            raise _fail(path, "top level", f"unknown field {', '.join(extra)}")
    published = _date(path, "published", raw.get("published"))
    if published is not None and len(published) != 10:
        raise _fail(path, "published", "should be a day (YYYY-MM-DD)")
    places = tuple(_place(path, i, p, schema) for i, p in enumerate(raw.get("places", [])))
    names = [p.name for p in places]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise _fail(path, "places", f"{', '.join(dup)} listed more than once")
    legs = tuple(_leg(path, i, leg, schema, set(names))
                 for i, leg in enumerate(raw.get("legs", [])))
    non_places = []
    for i, item in enumerate(raw.get("non_places", [])):
        if not isinstance(item, dict) or set(item) != {"text", "why"}:
            raise _fail(path, f"non_places[{i}]", "should be an object with text and why")
        non_places.append(NonPlace(str(item["text"]), str(item["why"])))
    shapes = tuple(raw.get("shapes", ()))
    for i, s in enumerate(shapes):
        _choice(path, f"shapes[{i}]", s, SHAPES)
    language = _choice(path, "language", raw.get("language", "en"), LANGUAGES)
    return Labels(
        path=path, schema=schema, published=first_day(published), places=places, legs=legs,
        non_places=tuple(non_places), language=language, era=raw.get("era"),
        theatre=raw.get("theatre"), shapes=shapes)


def read_split(path: Path = SPLIT) -> dict[str, str]:
    """Each report's part, ``dev`` or ``test``, keyed as ``Labels.key``."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    parts: dict[str, str] = {}
    for part in ("dev", "test"):
        for key in raw[part]:
            if key in parts:
                raise LabelError(f"{path}: {key} is in more than one part")
            parts[key] = part
    return parts


def read_corpus(part: str | None = None) -> Iterator[tuple[str, Labels]]:
    """(part, labels) of every report in both corpora, or only those of one part."""
    parts = read_split()
    for folder in CORPORA:
        for path in sorted(folder.glob("*.txt")):
            labels = read_labels(path)
            which = parts.get(labels.key)
            if which is None:
                raise LabelError(f"{path}: not in {SPLIT.name}")
            if part is None or which == part:
                yield which, labels
