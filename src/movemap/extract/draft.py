"""What the extractor proposes: places and legs, each with the evidence an analyst checks.

Plain frozen dataclasses of plain values (places are :class:`movemap.gazetteer.Place`): a
draft pickles, so that many reports can be read in worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from movemap.dates import FuzzyDate
from movemap.gazetteer import Place
from movemap.model import Mode, Status

__all__ = ["Draft", "Evidence", "FoundLeg", "FoundPlace"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that says it, and where in the report."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FoundPlace:
    """A place mention and the place it was resolved to."""

    mention: str
    start: int
    end: int
    place: Place
    confidence: float


@dataclass(frozen=True)
class FoundLeg:
    """A movement read from one sentence."""

    unit: str
    origins: tuple[FoundPlace, ...]
    destination: FoundPlace
    start: FuzzyDate
    end: FuzzyDate | None
    mode: Mode
    strength: int | None
    status: Status
    source: str | None
    evidence: Evidence
    confidence: float
    rule: str = "from-to"
    """The grammar rule that proposed it: ``from-to``, ``chain``, ``carried-origin``."""
    cues: tuple[str, ...] = ()
    """The words and carried items it rests on (verb, slot words, date, unit, source)."""


@dataclass(frozen=True)
class Draft:
    """What a report says: its places and its legs, each with evidence."""

    name: str
    text: str
    published: date
    places: tuple[FoundPlace, ...]
    legs: tuple[FoundLeg, ...]
    sources: dict[str, str] = field(default_factory=dict)
    unreadable: str | None = None
    """Why the legs could not be read (a language the extractor does not read), or None."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``places`` and ``legs`` with their evidence."""
        def place(p: FoundPlace) -> dict[str, Any]:
            return {"mention": p.mention, "name": p.place.name, "lat": p.place.lat,
                    "lon": p.place.lon, "country": p.place.country, "kind": p.place.kind.value,
                    "area": p.place.areal, "start": p.start, "end": p.end,
                    "confidence": round(p.confidence, 2)}

        return {
            "published": self.published.isoformat(),
            "places": [place(p) for p in self.places],
            "legs": [{
                "unit": leg.unit, "from": [p.place.name for p in leg.origins],
                "to": leg.destination.place.name,
                # an end that is an area (a region, a sea, a country): drawn as the area
                "area_ends": [p.place.name for p in (*leg.origins, leg.destination)
                              if p.place.areal],
                "start": str(leg.start),
                "end": str(leg.end) if leg.end else None, "mode": leg.mode.value,
                "strength": leg.strength, "status": leg.status.value, "source": leg.source,
                "evidence": {"sentence": leg.evidence.sentence, "start": leg.evidence.start,
                             "end": leg.evidence.end},
                "confidence": round(leg.confidence, 2), "rule": leg.rule,
                "cues": list(leg.cues),
            } for leg in self.legs],
            **({"unreadable": self.unreadable} if self.unreadable else {}),
        }


