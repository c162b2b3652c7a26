"""From a report's text to a draft of movements: places, dates, strengths, legs, evidence.

Sentence by sentence: a sentence that speaks of moving (``sent``, ``deployed``,
``shipped``, ``arrived``...) and names where from and where to makes legs, one per
destination. ``from`` (and ``left``, ``out of``) marks origins, ``to`` (``into``,
``towards``, ``reached``, ``arrived in``) destinations, and a list (``from A, B and C``)
shares its marker. The sentence's dates, troop count, means of travel (``landing ships``:
sea, ``by train``: rail, ``flights``: air), status cues (``detected``: reported,
``expected``, ``will``: expected, ``claimed``) and attribution (``the NIS said``,
``according to Budanov``) complete the leg. Every item keeps its sentence and offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from movemap.dates import FuzzyDate, parse_date
from movemap.extract.mentions import Mention, find_mentions
from movemap.extract.when import DateMention, find_dates
from movemap.gazetteer import Gazetteer, Method, Place, Query, default_gazetteer
from movemap.model import Mode, Status

__all__ = ["Draft", "Evidence", "FoundLeg", "FoundPlace", "extract", "sentences"]

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“(0-9])|\n\s*\n")
_HEADER = re.compile(r"^\s*Published:.*$", re.I | re.M)
_ABBREVIATIONS = ("U.S.", "U.K.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "No.", "St.", "Mt.",
                  "e.g.", "i.e.", "vs.", "approx.")
_MOVE = re.compile(
    r"\b(sen[dt]|sending|deploy\w*|mov(?:e|ed|ing)|transport\w*|ship(?:ped|ping)|"
    r"arriv\w*|depart\w*|left|leav\w*|head\w*|transferr?\w*|redeploy\w*|march\w*|flew|"
    r"fl(?:y|own)|airlift\w*|land(?:ed|ing)|advanc\w*|withdr[ae]w\w*|relocat\w*|dispatch\w*|"
    r"cross\w*|enter\w*|invad\w*|push\w*|reach\w*|travel\w*|embark\w*|ferr\w*|evacuat\w*|"
    r"pour\w*|rush\w*|retreat\w*|return\w*|brought|bring\w*|carried|convoy\w*|"
    r"dispers\w*|sail\w*|shift\w*|rail\w*|drove|driven|press(?:ed|ing)|follow\w*|"
    r"proceed\w*|went|gone|go|came|come)\b", re.I)
_ORIGIN_CUE = re.compile(r"\b(from|out of|left|leaving|departed|departing|quit|evacuated)"
                         r"(\s+(the|its|their|bases|ports?|areas?|near|of|in|at|around|"
                         r"three|two|coastal|[a-z]+\s+(?:areas|ports|bases)))*\s*$", re.I)
_DEST_CUE = re.compile(r"\b(to|into|towards?|for|reached|reaching|arrived (?:in|at)|arriving "
                       r"(?:in|at)|landed (?:in|at|on)|landing (?:at|in)|onto|on to|entered|"
                       r"entering)(\s+(the|its|their|bases|ports?|areas?|near|of|in|at|around|"
                       r"front|region|city|town|island|port|harbou?r|capital))*\s*$", re.I)
_LIST_GAP = re.compile(r"^\s*(,|and|or|&|,\s*and|as well as)?\s*$", re.I)
_STRENGTH = re.compile(
    r"\b(?:(?:about|around|some|approximately|an estimated|at least|more than|over|nearly|"
    r"roughly|up to)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?P<thousand>thousand))?\s+"
    r"(?:[a-z\-]+\s+){0,2}(?:troops|soldiers|personnel|men|infantry|servicemen|marines|"
    r"paratroopers|sailors|fighters|commandos|special forces)\b"
    r"|\bgroup of (?P<g>\d{1,3}(?:,\d{3})+|\d+)\b", re.I)
_MODES = [
    (Mode.SEA, re.compile(r"\b(ship|ships|shipped|vessel|vessels|landing craft|landing ships?|"
                          r"by sea|naval|navy|fleet|ferr\w*|convoy of ships|transports?\b|"
                          r"embark\w*|sail\w*|amphibious|port)\b", re.I)),
    (Mode.RAIL, re.compile(r"\b(train|trains|rail|railway|railroad|by rail|echelons? of "
                           r"wagons|wagons)\b", re.I)),
    (Mode.AIR, re.compile(r"\b(flight|flights|flew|flown|airlift\w*|aircraft|planes?|by air|"
                          r"airborne|transport aircraft|paradrop\w*)\b", re.I)),
    (Mode.ROAD, re.compile(r"\b(truck|trucks|lorr\w+|convoy|convoys|by road|vehicles|"
                           r"motori[sz]ed|armou?red columns?|columns?)\b", re.I)),
    (Mode.FOOT, re.compile(r"\b(on foot|marched|marching|walked)\b", re.I)),
]
_EXPECTED = re.compile(r"\b(expected|expects|expecting|will|would|likely|plans?|planned|"
                       r"anticipat\w*|soon|forecast|preparing|prepares|ready to|set to|"
                       r"intend\w*|could)\b", re.I)
_CLAIMED = re.compile(r"\b(claim\w*|alleged\w*|purported\w*|unconfirmed)\b", re.I)
_CONFIRMED = re.compile(r"\b(confirmed|verified)\b", re.I)
_SOURCE = [
    re.compile(r"\b(?i:according to) (?:the |a )?(?P<s>[A-Z][\w'’\-]*"
               r"(?:\s+(?:of\s+)?[A-Z][\w'’\-]*)*)"),
    re.compile(r"\b(?:the )?(?P<s>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*|[A-Z]{2,})\s+"
               r"(?:said|says|reported|reports|stated|announced|estimated|claimed|believes)\b"),
    re.compile(r"\b(?:said|reported|stated|announced)\s+(?:the\s+)?"
               r"(?P<s>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)"),
]
_UNIT = re.compile(
    r"\b(?P<u>(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w\-]*\s+){0,3}(?:Corps|Division|"
    r"Brigade|Regiment|Army|Battalion|Fleet|Group|Squadron)|(?:first|second|third) "
    r"(?:echelon|group|wave|contingent)|"
    r"advance (?:group|party)|[A-Z][\w\-]+ (?:Corps|Division|Brigade|Army))\b", re.I)


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


@dataclass(frozen=True)
class Draft:
    """What a report says: its places and its legs, each with evidence."""

    name: str
    text: str
    published: date
    places: tuple[FoundPlace, ...]
    legs: tuple[FoundLeg, ...]
    sources: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``places`` and ``legs`` with their evidence."""
        def place(p: FoundPlace) -> dict[str, Any]:
            return {"mention": p.mention, "name": p.place.name, "lat": p.place.lat,
                    "lon": p.place.lon, "country": p.place.country, "start": p.start,
                    "end": p.end, "confidence": round(p.confidence, 2)}

        return {
            "published": self.published.isoformat(),
            "places": [place(p) for p in self.places],
            "legs": [{
                "unit": leg.unit, "from": [p.place.name for p in leg.origins],
                "to": leg.destination.place.name, "start": str(leg.start),
                "end": str(leg.end) if leg.end else None, "mode": leg.mode.value,
                "strength": leg.strength, "status": leg.status.value, "source": leg.source,
                "evidence": {"sentence": leg.evidence.sentence, "start": leg.evidence.start,
                             "end": leg.evidence.end},
                "confidence": round(leg.confidence, 2),
            } for leg in self.legs],
        }


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence."""
    spans, start = [], 0
    for m in _SENTENCE.finditer(text):
        if text[max(0, m.start() - 6): m.start()].endswith(_ABBREVIATIONS):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unit"


def _roles(text: str, mentions: list[Mention], sentence_start: int) -> dict[int, str]:
    """origin or destination for each mention, by the words before it (lists share one)."""
    roles: dict[int, str] = {}
    previous: Mention | None = None
    for i, m in enumerate(mentions):
        before = text[max(sentence_start, m.start - 60): m.start]
        if _ORIGIN_CUE.search(before):
            roles[i] = "origin"
        elif _DEST_CUE.search(before):
            roles[i] = "destination"
        elif previous is not None and (i - 1) in roles and _LIST_GAP.match(
                text[previous.end: m.start]):
            roles[i] = roles[i - 1]
        previous = m
    return roles


def _strength(sentence: str) -> int | None:
    m = _STRENGTH.search(sentence)
    if not m:
        return None
    number = m.group("n") or m.group("g")
    value = int(number.replace(",", ""))
    return value * 1000 if m.group("thousand") else value


def _source(sentence: str) -> str | None:
    for pattern in _SOURCE:
        m = pattern.search(sentence)
        if m:
            name = re.sub(r"^(The|A|An)\s+", "", m.group("s").strip())
            if name and name.lower() not in ("it", "he", "she", "they", "this"):
                return name
    return None


def _when(dates: list[DateMention], published: date, expected: bool,
          before: FuzzyDate | None = None) -> tuple[FuzzyDate, FuzzyDate | None]:
    """Start and end of a leg from its sentence's dates.

    A sentence without a date of its own follows the last date the report gave before it
    (a narrative goes forward): the leg started on or after that date ended.
    """
    starts = [d for d in dates if d.role != "end"]
    ends = [d for d in dates if d.role == "end"]
    if starts and starts[0].date.precision.value == "interval" and not ends:
        span = starts[0].date
        assert span.earliest and span.latest
        return parse_date(span.earliest), parse_date(span.latest)
    start = starts[0].date if starts else None
    end = ends[0].date if ends else None
    if start is None and before is not None and not expected:
        start = parse_date(f"since {before.last_day.isoformat()}")
    if start is None:
        start = parse_date(f"after {published.isoformat()}") if expected else (
            parse_date(f"by {(end.latest if end and end.latest else published).isoformat()}"))
    return start, end


def extract(text: str, published: date | None = None, gazetteer: Gazetteer | None = None,
            name: str = "draft") -> Draft:
    """A draft of the movements a report describes (see the module docstring)."""
    gazetteer = gazetteer or default_gazetteer()
    published = published or date.today()
    # the header's date is the publication date, not a date of the report: blank it out,
    # keeping every offset
    text = _HEADER.sub(lambda m: " " * len(m.group(0)), text, count=1)
    spans = sentences(text)
    mentions = find_mentions(text, spans, gazetteer)
    resolutions = gazetteer.resolve_all([Query(m.text) for m in mentions])
    found: list[FoundPlace | None] = []
    for m, r in zip(mentions, resolutions, strict=True):
        if not r.found:
            found.append(None)
            continue
        best = r.best
        confidence = 0.9 if best.method in (Method.NAME, Method.ALTERNATE, Method.REGION) else 0.6
        found.append(FoundPlace(m.text, m.start, m.end, r.place, confidence))
    dates = find_dates(text, published)
    document_source = None
    legs: list[FoundLeg] = []
    unit = "unit"
    for number, (a, b) in enumerate(spans):
        sentence = text[a:b]
        unit_match = _UNIT.search(sentence)
        if unit_match:
            unit = _slug(unit_match.group("u").removeprefix("the ").removeprefix("The "))
        source = _source(sentence) or document_source
        if _source(sentence):
            document_source = _source(sentence)
        if not _MOVE.search(sentence):
            continue
        here = [(m, p) for m, p in zip(mentions, found, strict=True)
                if m.sentence == number and p is not None]
        roles = _roles(text, [m for m, _ in here], a)
        origins = tuple(p for i, (_, p) in enumerate(here) if roles.get(i) == "origin")
        destinations = [p for i, (_, p) in enumerate(here) if roles.get(i) == "destination"]
        if not origins or not destinations:
            continue
        expected = bool(_EXPECTED.search(sentence))
        status = (Status.EXPECTED if expected else Status.CLAIMED if _CLAIMED.search(sentence)
                  else Status.CONFIRMED if _CONFIRMED.search(sentence) else Status.REPORTED)
        earlier = [d.date for d in dates if d.start < a]
        start, end = _when([d for d in dates if a <= d.start < b], published, expected,
                           earlier[-1] if earlier else None)
        mode = next((mode for mode, cue in _MODES if cue.search(sentence)), Mode.UNKNOWN)
        strength = _strength(sentence)
        evidence = Evidence(sentence.strip(), a, b)
        for destination in destinations:
            if any(o.place.id == destination.place.id for o in origins):
                continue
            confidence = 0.5 + 0.1 * sum(x is not None for x in (
                strength, source, None if mode is Mode.UNKNOWN else mode,
                None if start.precision.value in ("before", "after") else start))
            legs.append(FoundLeg(unit, origins, destination, start, end, mode, strength,
                                 status, source, evidence, min(confidence, 0.95)))
    unique: dict[str, FoundPlace] = {}
    for p in found:
        if p is not None:
            unique.setdefault(f"{p.start}", p)
    return Draft(name, text, published, tuple(unique.values()), tuple(legs))
