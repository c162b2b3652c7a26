"""Every problem of a dataset, located: format, references, dates, places, speeds.

``validate(parsed)`` adds to the format problems found while reading (``io.records``) the
ones that need the whole dataset or the gazetteer:

- units, parents and sources that are referred to but not defined (with a did-you-mean),
  and parent chains that loop;
- an end that is surely before its start;
- place names that cannot be resolved (with suggestions) or are ambiguous (with the
  candidates, and how to settle it);
- legs whose implied speed is implausible for their mode, legs that their mode's network
  cannot carry (drawn as great circles), and records that cite no source (warnings).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from movemap.errors import DatasetError
from movemap.gazetteer import Place
from movemap.io.records import Parsed, Problem
from movemap.model import Dataset, Leg, PlaceRef, Station
from movemap.queries import PLAUSIBLE_KMH
from movemap.refs import (
    ambiguity_message,
    ambiguous,
    low_confidence_message,
    resolve_refs,
)

if TYPE_CHECKING:
    from movemap.gazetteer import Gazetteer
    from movemap.routing import Networks

__all__ = ["read_dataset", "validate"]

log = logging.getLogger(__name__)

DRAWN_END_KM = 25.0
"""How far a route drawn by hand may start or end from its leg's place before a warning."""


def _mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Checker:
    def __init__(self, parsed: Parsed, dataset: Dataset) -> None:
        self.parsed = parsed
        self.dataset = dataset
        self.problems: list[Problem] = []

    def add(self, kind: str, item: str, field: str, message: str,
            severity: str = "error") -> None:
        line, column = self.parsed.at(kind, item, field)
        self.problems.append(Problem(f"{kind} {item!r}: {message}", line, column, severity))

    def references(self) -> None:
        ds = self.dataset
        units = self.parsed.ids.get("unit", set()) | {u.id for u in ds.units}
        sources = self.parsed.ids.get("source", set()) | {s.id for s in ds.sources}
        for unit in ds.units:
            if unit.parent and unit.parent not in units:
                self.add("unit", unit.id, "parent", f"parent {unit.parent!r} is not defined in "
                         f"units{_mean(unit.parent, units)}")
        parents = {u.id: u.parent for u in ds.units}
        for unit in ds.units:
            seen, current = {unit.id}, parents.get(unit.id)
            while current is not None and current in parents:
                if current in seen:
                    self.add("unit", unit.id, "parent",
                             f"parent chain loops back to {current!r}")
                    break
                seen.add(current)
                current = parents[current]
        records: list[tuple[str, Leg | Station]] = [
            *(("leg", leg) for leg in ds.legs), *(("station", s) for s in ds.stations)]
        for kind, record in records:
            if record.unit not in units:
                self.add(kind, record.id, "unit", f"unit {record.unit!r} is not defined in "
                         f"units{_mean(record.unit, units)}")
            for source in record.sources:
                if source not in sources:
                    self.add(kind, record.id, "sources", f"source {source!r} is not defined "
                             f"in sources{_mean(source, sources)}")
            if not record.sources:
                self.add(kind, record.id, "", "cites no source", "warning")
            if record.end is not None and record.end.surely_before(record.start):
                self.add(kind, record.id, "end",
                         f"end {record.end} is before start {record.start}")

    def places(self, gazetteer: Gazetteer | None) -> dict[PlaceRef, Place]:
        ds = self.dataset
        found = resolve_refs(ds.place_refs(), gazetteer)
        uses: list[tuple[str, str, str, PlaceRef]] = []
        for leg in ds.legs:
            uses += [("leg", leg.id, "from", r) for r in leg.origins]
            uses += [("leg", leg.id, "via", r) for r in leg.via]
            uses.append(("leg", leg.id, "to", leg.destination))
        uses += [("station", s.id, "at", s.place) for s in ds.stations]
        places: dict[PlaceRef, Place] = {}
        for kind, item, field, ref in uses:
            result = found[ref]
            if isinstance(result, Place):
                places[ref] = result
            elif not result.found:
                hint = f"; did you mean: {', '.join(result.suggestions)}?" if (
                    result.suggestions) else ""
                self.add(kind, item, field, f"no place named {ref.name!r}{hint}")
            elif ambiguous(result):
                self.add(kind, item, field, ambiguity_message(ref.name or "", result))
            else:
                # the same words the drawing commands log (movemap.refs)
                warning = low_confidence_message(ref.name or "", result)
                if warning is not None:
                    self.add(kind, item, field, warning, "warning")
                places[ref] = result.place
        return places

    def routes(self, places: dict[PlaceRef, Place], networks: Networks | None,
               gazetteer: Gazetteer | None = None) -> None:
        from movemap.located import route_legs
        from movemap.routing import default_networks

        networks = networks or default_networks()
        # the same stops as locate() routes, grouped by origin: its route cache serves both
        found, _ = route_legs(self.dataset.legs, places, self.dataset.through, networks,
                              gazetteer)
        for leg in self.dataset.legs:
            if leg.route:  # drawn by hand: not routed, but it should join the leg's places
                if all(r in places for r in (*leg.origins, *leg.via, leg.destination)):
                    self.drawn_ends(leg, places)
                continue
            for n in range(len(leg.origins)):
                if (leg.id, n) in found:
                    for warning in found[leg.id, n].warnings:
                        self.add("leg", leg.id, "mode", warning, "warning")

    def drawn_ends(self, leg: Leg, places: dict[PlaceRef, Place]) -> None:
        """A warning where a route drawn by hand starts or ends far from the leg's place
        (a country or region is met anywhere on its outline: not checked)."""
        from movemap.routing.geodesic import geodesic_km

        for origin, line in zip(leg.origins, leg.route, strict=True):
            for place, (lon, lat), word in ((places[origin], line[0], "starts"),
                                            (places[leg.destination], line[-1], "ends")):
                off = geodesic_km(place.lon, place.lat, lon, lat)
                if not place.areal and off > DRAWN_END_KM:
                    self.add("leg", leg.id, "route", f"its route drawn by hand {word} "
                             f"{off:,.0f} km from {place.name}", "warning")

    def speeds(self, places: dict[PlaceRef, Place]) -> None:
        from movemap.routing.geodesic import geodesic_km

        for leg in self.dataset.legs:
            refs = (*leg.origins, *leg.via, leg.destination)
            if leg.end is None or any(r not in places for r in refs):
                continue
            ends = [places[r] for r in (*leg.via, leg.destination)]
            paths = [[places[o], *ends] for o in leg.origins]
            distance = max(
                sum(geodesic_km(a.lon, a.lat, b.lon, b.lat) for a, b in pairwise(path))
                for path in paths
            )
            days = (leg.end.last_day - leg.start.first_day).days + 1
            speed = distance / (days * 24)
            limit = PLAUSIBLE_KMH[leg.mode]
            if speed > limit:
                self.add("leg", leg.id, "end",
                         f"{distance:,.0f} km in {days} day{'s' if days > 1 else ''} is "
                         f"{speed:,.0f} km/h, implausible by {leg.mode.value} (at most "
                         f"{limit:,.0f} km/h)", "warning")


def validate(
    parsed: Parsed, gazetteer: Gazetteer | None = None, *, places: bool = True,
    networks: Networks | None = None,
) -> list[Problem]:
    """Every problem of a parsed dataset, format and meaning, sorted by position.

    ``places=False`` skips the checks that need the gazetteer and the networks (places,
    routes and speeds).
    """
    problems = list(parsed.problems)
    if parsed.dataset is not None:
        checker = _Checker(parsed, parsed.dataset)
        checker.references()
        if places:
            resolved = checker.places(gazetteer)
            checker.speeds(resolved)
            checker.routes(resolved, networks, gazetteer)
        problems += checker.problems
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.message))


def read_dataset(path: str | Path) -> Dataset:
    """Read a dataset (YAML, CSV, GeoJSON or GeoPackage by extension; ``-`` for standard
    input) and check it.

    Every check but the places' is made here (format, references, dates in order); place
    names are resolved when the dataset is located (:func:`movemap.locate`).

    Raises
    ------
    DatasetError
        Listing every error as ``file:line:column: what is wrong``.
    """
    from movemap.io import parse_dataset
    from movemap.timing import step

    with step(log, f"read {path}") as done:
        parsed = parse_dataset(path)
        problems = validate(parsed, places=False)
        if parsed.dataset is None or any(p.severity == "error" for p in problems):
            raise DatasetError(problems, str(path))
        done.append(f"{len(parsed.dataset.legs)} legs, {len(parsed.dataset.stations)} "
                    f"stations, {len(parsed.dataset.units)} units")
    return parsed.dataset
