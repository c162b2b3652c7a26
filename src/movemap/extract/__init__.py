"""Text extraction: a news report to a draft movement dataset, with evidence.

``read_report(path)`` reads a report and its publication date (a ``Published: YYYY-MM-DD``
line, else the dateline or date line of its head, :mod:`movemap.extract.dateline`);
``extract(text, published)`` finds its places, dates, strengths and legs (``report``);
``to_dataset(draft)`` turns the draft into a dataset that ``movemap validate`` accepts,
for the analyst to check and correct.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from movemap.errors import ReportError
from movemap.extract.dateline import publication_date
from movemap.extract.draft import Draft, Evidence, FoundLeg, FoundPlace
from movemap.extract.report import extract
from movemap.model import Dataset, Leg, PlaceRef, Source, Unit
from movemap.textfile import blank_controls, decode, has_unicode_mark, read_bytes

__all__ = ["Draft", "Evidence", "FoundLeg", "FoundPlace", "ReportError", "extract",
           "read_report", "to_dataset"]

MAX_BYTES = 16 * 1024 * 1024
"""The largest report read: a bigger file is a collection of reports, or not a report."""
_PUBLISHED = re.compile(r"^\s*Published:\s*(\d{4}-\d{2}-\d{2})\s*$", re.I | re.M)


def read_report(path: str | Path) -> tuple[str, date | None]:
    """A report's text and its publication date: a ``Published:`` line's, else the date its
    head gives (a dateline, a date line under the headline), else ``None``."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_bytes says what is wrong with the path
    if size > MAX_BYTES:
        raise ReportError(f"the report is {size / 1e6:.1f} MB; extract reads reports of up to "
                          f"{MAX_BYTES / 1e6:.0f} MB: split it into its articles",
                          path=str(path))
    data = read_bytes(path, ReportError)
    if b"\x00" in data[:4096] and not has_unicode_mark(data):
        raise ReportError("this is a binary file, not a text report", path=str(path))
    # form feeds between a PDF's pages, an escape code: spaces, so that drafts validate
    text = blank_controls(decode(data, path, ReportError))
    if not text.strip():
        raise ReportError("the report is empty", path=str(path))
    published = None
    m = _PUBLISHED.search(text[:500])
    if m:
        try:
            published = date.fromisoformat(m.group(1))
        except ValueError:
            raise ReportError(f"Published: {m.group(1)!r} is not a real date", path=str(path),
                              line=text[: m.start(1)].count("\n") + 1) from None
    elif (dated := publication_date(text)) is not None:
        published = dated[0]
    return text, published


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "source"


def _ref(found: FoundPlace) -> PlaceRef:
    place = found.place
    if place.source == "dataset":
        return PlaceRef(name=found.mention, lat=place.lat, lon=place.lon)
    return PlaceRef(name=place.name, country=place.country)


def to_dataset(draft: Draft) -> Dataset:
    """The draft as a dataset: a unit per unit named, a source per attribution."""
    units = {leg.unit: Unit(id=leg.unit, name=leg.unit.replace("-", " ").capitalize())
             for leg in draft.legs}
    sources = {_slug(leg.source): Source(id=_slug(leg.source), publisher=leg.source,
                                         date=draft.published)
               for leg in draft.legs if leg.source}
    legs = []
    for number, leg in enumerate(draft.legs, start=1):
        legs.append(Leg(
            id=f"leg-{number}", unit=leg.unit, origins=tuple(_ref(o) for o in leg.origins),
            destination=_ref(leg.destination), start=leg.start, end=leg.end, mode=leg.mode,
            strength=leg.strength, status=leg.status,
            sources=(_slug(leg.source),) if leg.source else (),
            notes=f"Draft (confidence {leg.confidence:.2f}) from: {leg.evidence.sentence} "
                  f"[characters {leg.evidence.start}-{leg.evidence.end}]",
        ))
    return Dataset(name=draft.name, title=f"Draft: {draft.name}", as_of=draft.published,
                   units=tuple(units.values()), sources=tuple(sources.values()),
                   legs=tuple(legs))

