"""Fusion: many drafts of the same events made into one dataset, every source kept.

Several reports of one movement (the NIS, Ukrainian intelligence and three newspapers) give
several legs; :func:`merge` makes them one record that lists every source. Two records are
the same movement when

- their units are compatible: the same unit, or names whose distinctive words agree (``11th
  Corps`` and ``11th Corps special forces``; never ``11th Corps`` and ``12th Corps``);
- their ends lie within ``max_km`` of each other (the destinations, and at least one origin
  of each: a report may name one of three ports the others name);
- their date windows overlap (each window runs from the earliest start to the latest end the
  dates allow);
- their modes agree, or one of them is unknown.

Records are taken in a fixed order (date, unit, place, draft, id) and each joins the first
group it matches whole (the group's window is the overlap of its members', so a chain of
near-matches does not drift). Nothing is dropped: every input record is in exactly one
output record, and the :class:`MergeReport` says what was fused and why.

Figures that disagree (1,500 against 11,000) are kept side by side with their sources: the
record's ``strength`` is the figure of its most reliable source, and its notes list every
figure. Status and confidence follow from the sources' Admiralty grades: two independent
sources graded A-C 1-3 corroborate (``confirmed``, high); one such source reports
(``reported``, moderate); graded sources that are all weaker only claim (``claimed``, low).
Records whose sources carry no grade keep the strongest status their drafts gave, and
movements that lie ahead stay ``expected``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from movemap.model import (
    AdmiraltyCode,
    Confidence,
    Dataset,
    Leg,
    Mode,
    PlaceRef,
    Source,
    Station,
    Status,
    Unit,
)
from movemap.sphere import haversine_km

if TYPE_CHECKING:
    from movemap.gazetteer import Gazetteer

__all__ = ["DEFAULT_MAX_KM", "DEFAULT_SLACK_DAYS", "FusedRecord", "MergeReport", "Merged", "merge",
           "unit_key"]

DEFAULT_MAX_KM = 50.0
DEFAULT_SLACK_DAYS = 1

# Words that say what a unit is made of, not which unit it is.
_GENERIC = frozenset({
    "the", "a", "an", "of", "and", "its", "their", "troops", "troop", "forces", "force",
    "soldiers", "soldier", "personnel", "men", "units", "unit", "servicemen", "fighters",
    "infantry", "military",
})
# Words that a report may add to a unit's name without making it another unit.
_ECHELON_WORDS = frozenset({
    "corps", "division", "brigade", "regiment", "battalion", "company", "platoon", "army",
    "fleet", "group", "squadron", "echelon", "wave", "contingent", "detachment", "special",
    "storm",
})
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)?$|^(first|second|third|fourth|fifth)$")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

_LEAD = {Status.CONFIRMED: 0, Status.REPORTED: 1, Status.CLAIMED: 2, Status.EXPECTED: 3,
         Status.FORECAST: 4}
_AHEAD = (Status.EXPECTED, Status.FORECAST)


def unit_key(unit: Unit) -> tuple[frozenset[str], frozenset[str]]:
    """A unit's distinctive words and its numbers (``11th``, ``second``), for matching.

    >>> unit_key(Unit("11th-corps", "11th Corps special forces"))
    (frozenset({'11th'}), frozenset({'11th'}))
    """
    return _key_of(unit.id, unit.name)


@lru_cache(maxsize=1 << 14)
def _key_of(unit_id: str, name: str) -> tuple[frozenset[str], frozenset[str]]:
    words = {w.lower() for w in _WORD.findall(f"{unit_id.replace('-', ' ')} {name}")}
    words -= _GENERIC
    numbers = frozenset(w for w in words if _ORDINAL.match(w))
    distinctive = frozenset(w for w in words if w not in _ECHELON_WORDS)
    return distinctive, numbers


def _compatible(a: tuple[frozenset[str], frozenset[str]],
                b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether one unit's distinctive words are all in the other's (numbers included, so the
    11th and the 12th never match); units with no distinctive word match only each other."""
    words_a, words_b = a[0], b[0]
    if not words_a or not words_b:
        return words_a == words_b
    return words_a <= words_b or words_b <= words_a


# -- records as the fusion sees them ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Point:
    lat: float
    lon: float


@dataclass(slots=True)
class _Item:
    """One input record with what matching needs: its unit group, ends, window and sources."""

    draft: str
    record: Leg | Station
    unit: str
    origins: tuple[_Point | str, ...]
    destination: _Point | str
    window: tuple[date, date]
    sources: tuple[Source, ...]

    @property
    def label(self) -> str:
        return f"{self.draft}:{self.record.id}"

    @property
    def mode(self) -> Mode:
        return self.record.mode if isinstance(self.record, Leg) else Mode.UNKNOWN


@dataclass(frozen=True, slots=True)
class FusedRecord:
    """One output record and the input records it stands for.

    ``members`` are ``draft:record-id`` labels; ``reasons`` say why they were taken as one
    movement; ``figures`` pairs each strength given with the sources that gave it.
    """

    id: str
    kind: str
    members: tuple[str, ...]
    reasons: tuple[str, ...]
    figures: tuple[tuple[int, tuple[str, ...]], ...]
    status: Status
    confidence: Confidence | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values for the JSON report."""
        return {"id": self.id, "kind": self.kind, "members": list(self.members),
                "reasons": list(self.reasons),
                "figures": [{"strength": s, "sources": list(ids)} for s, ids in self.figures],
                "status": self.status.value,
                "confidence": self.confidence.value if self.confidence else None}


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a merge did: every output record with its members, and the renamings it made."""

    drafts: int
    records_in: int
    records: tuple[FusedRecord, ...]
    renamed: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()

    @property
    def fused(self) -> tuple[FusedRecord, ...]:
        """The output records made of more than one input record."""
        return tuple(r for r in self.records if len(r.members) > 1)

    def to_text(self) -> str:
        """The report for a person: counts, then each fusion with its reasons."""
        lines = [f"{self.records_in} records from {self.drafts} drafts -> "
                 f"{len(self.records)} records ({len(self.fused)} fused from several)"]
        for record in self.fused:
            lines.append(f"{record.id} ({record.kind}, {record.status.value}"
                         + (f", {record.confidence.value} confidence" if record.confidence
                            else "") + "): " + ", ".join(record.members))
            lines.extend(f"  - {reason}" for reason in record.reasons)
            if len(record.figures) > 1:
                lines.append("  - figures disagree: " + "; ".join(
                    f"{s:,} ({', '.join(ids) or 'no source'})" for s, ids in record.figures))
        lines.extend(f"renamed: {note}" for note in self.renamed)
        lines.extend(f"unresolved place, matched by name only: {name}"
                     for name in self.unresolved)
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """Plain values for the JSON report."""
        return {"drafts": self.drafts, "records_in": self.records_in,
                "records": [r.to_dict() for r in self.records],
                "renamed": list(self.renamed), "unresolved": list(self.unresolved)}


@dataclass(frozen=True)
class Merged:
    """The fused dataset and the report of how it was made."""

    dataset: Dataset
    report: MergeReport


# -- places ------------------------------------------------------------------------------------


@dataclass
class _Places:
    """Place references as points, each name resolved once for the whole merge."""

    gazetteer: Gazetteer | None
    memo: dict[tuple[str, str | None], _Point | str] = field(default_factory=dict)
    unresolved: set[str] = field(default_factory=set)

    def point(self, ref: PlaceRef) -> _Point | str:
        if ref.has_point:
            assert ref.lat is not None and ref.lon is not None
            return _Point(ref.lat, ref.lon)
        key = (ref.name or "", ref.country)
        if key not in self.memo:
            self.memo[key] = self._resolve(*key)
        return self.memo[key]

    def _resolve(self, name: str, country: str | None) -> _Point | str:
        if self.gazetteer is not None:
            resolution = self.gazetteer.resolve(name, country=country)
            if resolution.found:
                return _Point(resolution.place.lat, resolution.place.lon)
        self.unresolved.add(name)
        return name.casefold()


def _near(a: _Point | str, b: _Point | str, max_km: float) -> float | None:
    """The distance between two ends in km (0 for equal names), None if too far apart."""
    if isinstance(a, str) or isinstance(b, str):
        return 0.0 if a == b else None
    km = 0.0 if a == b else _km(a, b)
    return km if km <= max_km else None


@lru_cache(maxsize=1 << 16)
def _km(a: _Point, b: _Point) -> float:
    # reports name the same few places again and again: each pair is measured once
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


# -- matching ----------------------------------------------------------------------------------

_FAR_PAST, _FAR_FUTURE = date.min, date.max


def _window(record: Leg | Station, slack_days: int) -> tuple[date, date]:
    """The days a record can cover, widened by ``slack_days`` at each end.

    A leg with no arrival covers its start; a station with no end is open.
    """
    first = record.start.earliest
    last = (record.end or record.start).latest
    if isinstance(record, Station) and record.end is None:
        last = None
    slack = timedelta(days=slack_days)
    first = first - slack if first and first > _FAR_PAST + slack else _FAR_PAST
    last = last + slack if last and last < _FAR_FUTURE - slack else _FAR_FUTURE
    return first, max(first, last)


@dataclass(slots=True)
class _Group:
    order: int
    members: list[_Item]
    window: tuple[date, date]
    reasons: list[str]

    @property
    def head(self) -> _Item:
        return self.members[0]


def _match(group: _Group, item: _Item, max_km: float) -> list[str] | None:
    """Why ``item`` is the group's movement, or None if it is not."""
    head = group.head
    if type(head.record) is not type(item.record):
        return None
    if Mode.UNKNOWN not in (head.mode, item.mode) and head.mode is not item.mode:
        return None
    first = max(group.window[0], item.window[0])
    last = min(group.window[1], item.window[1])
    if first > last:
        return None
    destination = _near(head.destination, item.destination, max_km)
    if destination is None:
        return None
    origin_km: float | None = None
    if item.origins:
        distances = [d for a in item.origins for b in head.origins
                     if (d := _near(a, b, max_km)) is not None]
        if not distances:
            return None
        origin_km = min(distances)
    what = "place" if isinstance(item.record, Station) else "destination"
    reasons = [f"{item.label}: unit {item.record.unit!r} as {head.record.unit!r}, "
               f"{what} {destination:.0f} km apart"]
    if origin_km is not None:
        reasons[0] += f", an origin in common ({origin_km:.0f} km apart)"
    reasons[0] += f", dates overlap {_span(first, last)}"
    if head.mode is not item.mode:
        reasons[0] += f", mode {item.mode.value} with {head.mode.value}"
    return reasons


def _span(first: date, last: date) -> str:
    left = "" if first == _FAR_PAST else first.isoformat()
    right = "" if last == _FAR_FUTURE else last.isoformat()
    return f"{left}..{right}"


def _cell(point: _Point | str, max_km: float) -> tuple[int, int] | str:
    if isinstance(point, str):
        return point
    size = max(max_km / 111.0, 1e-6)
    return (math.floor(point.lat / size), math.floor(point.lon / size))


def _neighbours(cell: tuple[int, int] | str) -> Iterable[tuple[int, int] | str]:
    if isinstance(cell, str):
        yield cell
        return
    lat, lon = cell
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            yield (lat + dlat, lon + dlon)


def _groups(items: Sequence[_Item], max_km: float) -> list[_Group]:
    """Items in the fixed order, each joining the first group it matches whole."""
    groups: list[_Group] = []
    by_cell: dict[tuple[str, type, tuple[int, int] | str], list[_Group]] = {}
    for item in items:
        cell = _cell(item.destination, max_km)
        candidates: list[_Group] = []
        for near in _neighbours(cell):
            candidates.extend(by_cell.get((item.unit, type(item.record), near), ()))
        candidates.sort(key=lambda g: g.order)
        for group in candidates:
            reasons = _match(group, item, max_km)
            if reasons is not None:
                group.members.append(item)
                group.window = (max(group.window[0], item.window[0]),
                                min(group.window[1], item.window[1]))
                group.reasons.extend(reasons)
                break
        else:
            group = _Group(len(groups), [item], item.window, [])
            groups.append(group)
            by_cell.setdefault((item.unit, type(item.record), cell), []).append(group)
    return groups


# -- the fused record ------------------------------------------------------------------------


def _credible(grade: AdmiraltyCode | None) -> bool:
    return grade is not None and grade.reliability in "ABC" and grade.credibility <= 3


def _publisher(source: Source) -> str:
    return " ".join(_WORD.findall(source.publisher.casefold()))


def _judge(members: Sequence[_Item]) -> tuple[Status, Confidence | None, str]:
    """The status and confidence the members' sources support, and why."""
    statuses = {m.record.status for m in members}
    if statuses <= set(_AHEAD):
        status = min(statuses, key=_LEAD.__getitem__)
        return status, members[0].record.confidence, "every report speaks of the future"
    graded = {(_publisher(s), str(s.grade)) for m in members for s in m.sources if s.grade}
    credible = {publisher for m in members for s in m.sources if _credible(s.grade)
                for publisher in (_publisher(s),)}
    if len(credible) >= 2:
        return (Status.CONFIRMED, Confidence.HIGH,
                f"corroborated by {len(credible)} independent sources graded A-C 1-3")
    if credible:
        return Status.REPORTED, Confidence.MODERATE, "one source graded A-C 1-3"
    if graded:
        return (Status.CLAIMED, Confidence.LOW,
                "only sources graded below C3: " + ", ".join(sorted(g for _, g in graded)))
    happened = statuses - set(_AHEAD)
    status = min(happened, key=_LEAD.__getitem__)
    return status, members[0].record.confidence, "no graded source: the drafts' own status"


def _rank_source(source: Source) -> tuple[int, int, str]:
    grade = source.grade
    if grade is None:
        return (9, 9, source.id)
    return ("ABCDEF".index(grade.reliability), grade.credibility, source.id)


def _figures(members: Sequence[_Item], ids: Callable[[_Item], tuple[str, ...]]
             ) -> tuple[tuple[int, tuple[str, ...]], ...]:
    found: dict[int, list[str]] = {}
    for m in members:
        if m.record.strength is not None:
            found.setdefault(m.record.strength, [])
            for source_id in ids(m):
                if source_id not in found[m.record.strength]:
                    found[m.record.strength].append(source_id)
    return tuple((s, tuple(sorted(i))) for s, i in sorted(found.items()))


def _strength(members: Sequence[_Item], figures: Sequence[tuple[int, tuple[str, ...]]]
              ) -> int | None:
    """The figure of the best-graded source; on a tie the one more sources give, then the
    smaller (the cautious reading)."""
    if not figures:
        return None
    rank = {s.id: _rank_source(s)[:2] for m in members for s in m.sources}

    def key(figure: tuple[int, tuple[str, ...]]) -> tuple[tuple[int, int], int, int]:
        value, who = figure
        best = min((rank[i] for i in who if i in rank), default=(9, 9))
        return best, -len(who), value

    return min(figures, key=key)[0]


def _merge_refs(refs: Iterable[tuple[PlaceRef, _Point | str]], max_km: float
                ) -> tuple[PlaceRef, ...]:
    """Distinct places, the first name given for each kept."""
    kept: list[tuple[PlaceRef, _Point | str]] = []
    for ref, point in refs:
        if all(_near(point, other, min(max_km, 5.0)) is None for _, other in kept):
            kept.append((ref, point))
    return tuple(ref for ref, _ in kept)


# -- merge -------------------------------------------------------------------------------------


def merge(
    drafts: Sequence[Dataset],
    *,
    gazetteer: Gazetteer | None = None,
    name: str = "merged",
    title: str = "",
    max_km: float = DEFAULT_MAX_KM,
    slack_days: int = DEFAULT_SLACK_DAYS,
) -> Merged:
    """Fuse drafts that describe the same movements into one dataset (see the module text).

    Parameters
    ----------
    drafts
        The datasets to fuse (drafts from ``movemap extract``, or any datasets). Their order
        does not change the result: they are taken sorted by name.
    gazetteer
        Resolves place names to compare ends; without one, ends match by name alone.
    name, title
        Of the merged dataset.
    max_km
        How far apart two ends may be and still be one place.
    slack_days
        Days added at each end of a record's date window before windows are compared
        (reports of one event often differ by a day or two).

    Examples
    --------
    >>> from movemap.dates import parse_date
    >>> from movemap.model import Leg, PlaceRef, Source, Unit, Dataset
    >>> def draft(n, source, grade, strength):
    ...     leg = Leg("leg-1", "11th-corps", (PlaceRef("Chongjin", lat=41.8, lon=129.8),),
    ...               PlaceRef("Vladivostok", lat=43.1, lon=131.9),
    ...               parse_date("2024-10-08"), parse_date("2024-10-13"),
    ...               strength=strength, sources=(source,))
    ...     graded = Source(source, source.upper(), grade=AdmiraltyCode.parse(grade))
    ...     return Dataset(n, units=(Unit("11th-corps", "11th Corps"),), sources=(graded,),
    ...                    legs=(leg,))
    >>> merged = merge([draft("a", "nis", "B2", 1500), draft("b", "hur", "B2", 11000)])
    >>> leg, = merged.dataset.legs
    >>> leg.sources, leg.status.value, leg.strength
    (('hur', 'nis'), 'confirmed', 1500)
    """
    ordered = sorted(drafts, key=lambda d: d.name)
    units, unit_of, renamed = _units(ordered)
    sources, source_of = _sources(ordered, renamed)
    places = _Places(gazetteer)
    items: list[_Item] = []
    for draft in ordered:
        kept: tuple[Leg | Station, ...] = (*draft.legs, *draft.stations)
        for record in kept:
            ids = tuple(source_of[(draft.name, s)] for s in record.sources
                        if (draft.name, s) in source_of)
            if isinstance(record, Leg):
                origins = tuple(places.point(o) for o in record.origins)
                destination = places.point(record.destination)
            else:
                origins, destination = (), places.point(record.place)
            items.append(_Item(draft.name, record, unit_of[(draft.name, record.unit)], origins,
                               destination, _window(record, slack_days),
                               tuple(sources[i] for i in ids)))
    items.sort(key=_order)
    groups = _groups(items, max_km)
    legs: list[Leg] = []
    stations: list[Station] = []
    records: list[FusedRecord] = []
    for group in groups:
        fused, fused_record = _fuse(group, unit_of, source_of, places, max_km,
                                    len(legs) + 1 if isinstance(group.head.record, Leg)
                                    else len(stations) + 1)
        if isinstance(fused, Leg):
            legs.append(fused)
        else:
            stations.append(fused)
        records.append(fused_record)
    used = {leg.unit for leg in legs} | {station.unit for station in stations}
    dataset = Dataset(
        name=name, title=title or f"Merged from {len(ordered)} drafts",
        as_of=max((d.as_of for d in ordered if d.as_of), default=None),
        units=tuple(u for u in units if u.id in used),
        sources=tuple(sorted(sources.values(), key=lambda s: s.id)),
        legs=tuple(legs), stations=tuple(stations))
    report = MergeReport(drafts=len(ordered), records_in=len(items), records=tuple(records),
                         renamed=tuple(renamed), unresolved=tuple(sorted(places.unresolved)))
    return Merged(dataset, report)


def _order(item: _Item) -> tuple[Any, ...]:
    record = item.record
    return (item.window[0], item.unit, str(item.destination), item.draft, record.id)


def _units(drafts: Sequence[Dataset]
           ) -> tuple[list[Unit], dict[tuple[str, str], str], list[str]]:
    """Compatible units made one; each draft's unit id mapped to the merged id."""
    merged: list[tuple[Unit, tuple[frozenset[str], frozenset[str]]]] = []
    unit_of: dict[tuple[str, str], str] = {}
    renamed: list[str] = []
    candidates = sorted(((d.name, u) for d in drafts for u in d.units),
                        key=lambda pair: (-len(unit_key(pair[1])[0]), pair[1].id, pair[0]))
    # the most specific names first, so a shorter name joins the unit it abbreviates
    seen: dict[tuple[str, str], str] = {}  # (id, name) -> merged id: each unit judged once
    for draft_name, unit in candidates:
        known = seen.get((unit.id, unit.name))
        if known is not None:
            unit_of[(draft_name, unit.id)] = known
            continue
        key = unit_key(unit)
        matches = {m.id for m, k in merged if m.id == unit.id or _compatible(k, key)}
        if len(matches) == 1:  # one unit it can be; with several, it stays apart
            seen[(unit.id, unit.name)] = unit_of[(draft_name, unit.id)] = matches.pop()
            continue
        new_id = unit.id
        taken = {m.id for m, _ in merged}
        number = 2
        while new_id in taken:
            new_id = f"{unit.id}-{number}"
            number += 1
        if new_id != unit.id:
            renamed.append(f"unit {unit.id!r} of {draft_name} -> {new_id!r} "
                           "(another unit had that id)")
        merged.append((replace(unit, id=new_id), key))
        seen[(unit.id, unit.name)] = unit_of[(draft_name, unit.id)] = new_id
    units = sorted((u for u, _ in merged), key=lambda u: u.id)
    valid = {u.id for u in units}
    units = [u if u.parent is None or u.parent in valid else replace(u, parent=None)
             for u in units]
    return units, unit_of, renamed


def _sources(drafts: Sequence[Dataset], renamed: list[str]
             ) -> tuple[dict[str, Source], dict[tuple[str, str], str]]:
    """Sources of every draft, the same source once, clashing ids renamed."""
    by_id: dict[str, Source] = {}
    source_of: dict[tuple[str, str], str] = {}
    for draft in drafts:
        for source in draft.sources:
            new_id, number = source.id, 2
            while new_id in by_id and by_id[new_id] != replace(source, id=new_id):
                new_id = f"{source.id}-{number}"
                number += 1
            if new_id != source.id:
                renamed.append(f"source {source.id!r} of {draft.name} -> {new_id!r} "
                               "(another source had that id)")
            by_id[new_id] = replace(source, id=new_id)
            source_of[(draft.name, source.id)] = new_id
    return by_id, source_of


def _fuse(group: _Group, unit_of: dict[tuple[str, str], str],
          source_of: dict[tuple[str, str], str], places: _Places, max_km: float,
          number: int) -> tuple[Leg | Station, FusedRecord]:
    members = group.members
    head = members[0].record

    def ids(item: _Item) -> tuple[str, ...]:
        return tuple(source_of[(item.draft, s)] for s in item.record.sources
                     if (item.draft, s) in source_of)

    all_sources = sorted({i for m in members for i in ids(m)})
    status, confidence, why = _judge(members)
    figures = _figures(members, ids)
    strength = _strength(members, figures)
    notes = [m.record.notes for m in members if m.record.notes]
    if len(figures) > 1:
        notes.append("Figures given: " + "; ".join(
            f"{s:,} ({', '.join(who) or 'no source'})" for s, who in figures))
    if len(members) > 1:
        notes.append("Fused from " + ", ".join(m.label for m in members) + f" ({why}).")
    first = min((m.record for m in members), key=lambda r: (r.start.first_day, r.start.text))
    ends = [m.record.end for m in members if m.record.end is not None]
    end = max(ends, key=lambda e: (e.last_day, e.text)) if ends else None
    unit = unit_of[(members[0].draft, head.unit)]
    fused: Leg | Station
    if isinstance(head, Leg):
        legs = [m.record for m in members if isinstance(m.record, Leg)]
        modes = [leg.mode for leg in legs if leg.mode is not Mode.UNKNOWN]
        origins = _merge_refs(((o, places.point(o)) for leg in legs for o in leg.origins),
                              max_km)
        via = _merge_refs(((v, places.point(v)) for leg in legs for v in leg.via), max_km)
        equipment: dict[str, int] = {}
        for leg in legs:
            for key, value in leg.equipment.items():
                equipment[key] = max(value, equipment.get(key, 0))
        fused = replace(head, id=f"leg-{number}", unit=unit, origins=origins, via=via,
                        start=first.start, end=end, mode=modes[0] if modes else Mode.UNKNOWN,
                        strength=strength, equipment=equipment, status=status,
                        confidence=confidence, sources=tuple(all_sources),
                        notes="\n".join(dict.fromkeys(notes)))
    else:
        assert isinstance(head, Station)
        fused = replace(head, id=f"station-{number}", unit=unit, start=first.start, end=end,
                        strength=strength, status=status, confidence=confidence,
                        sources=tuple(all_sources), notes="\n".join(dict.fromkeys(notes)))
    record = FusedRecord(id=fused.id, kind="leg" if isinstance(fused, Leg) else "station",
                         members=tuple(m.label for m in members), reasons=tuple(group.reasons)
                         + ((why,) if len(members) > 1 else ()), figures=figures,
                         status=status, confidence=confidence)
    return fused, record
