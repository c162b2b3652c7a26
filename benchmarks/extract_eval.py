"""Extraction quality and speed on reports the rules were not written against.

Run with ``python benchmarks/extract_eval.py`` (``--quick`` leaves out the 10 MB run).

The evaluation corpus is ``benchmarks/extract_corpus`` (original texts with labels; see its
``SCHEMA.md``), split once into a development and a test part by its ``split.json``; the
older ``benchmarks/corpus`` belongs to development. Rules are tuned on development only.
Printed for each part, for movemap, for the previous release (commit ``a676895``, run in a
subprocess from a temporary ``git worktree``) and for the ``geotext`` package (places only):

- place precision, recall and F1: a found populated place or site counts when a labelled
  place lies within 25 km (countries and regions are areas: left out on both sides);
- leg precision and recall: a found leg and a labelled one match when an origin and the
  destination are within 25 km of the labelled ends and the starts within 2 days; an end
  labelled as an area (a region, a sea, a country) also matches an area found whose outline
  holds the labelled point (``movemap by point`` is the same draft scored by 25 km only);
- strength accuracy and status accuracy, over matched legs whose label gives one (a
  strength within 10 % counts);

then speed: reports per second on one core over every report scored (wall clock, and per
CPU second, which a machine shared with other work slows down less; also the fastest of at
least five passes per CPU second, the least slowed by other work), beside the previous
release's over the same reports, seconds per MB on reports of 0.1, 1 and 10 MB
(development texts end to end), which must stay flat, and the run's peak resident memory.
Targets on the test part: place F1 >= 0.88, leg recall and precision >= 0.6; 200 reports/s.

``--causes`` sorts the development part's missed legs by cause (an end the grammar cannot
express, a place not found, no movement read, one end wrong, split or merged, the date) and
its false legs by cause; with ``--show``, each one is listed. ``--unfound`` also classes each
end of the misses whose end is not among the places found (a guard refused it, a namesake was
read, the index knows it only as a small town, only the resolver reads it, a gazetteer gap).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from shapely.geometry import Point as ShapelyPoint

from movemap.extract import extract, read_report
from movemap.extract.grammar import _MOTION_F, _ROUTE_F
from movemap.extract.mentions import MIN_POPULATION, find_mentions, fold
from movemap.extract.report import _HEADER, sentences
from movemap.gazetteer import Gazetteer, Kind, default_gazetteer
from movemap.gazetteer.normalize import name_key
from movemap.routing.geodesic import geodesic_km

sys.path.insert(0, str(Path(__file__).parent))
from release import PREVIOUS_RELEASE, checkout, environment

HERE = Path(__file__).parent
OLD_CORPUS = HERE / "corpus"
CORPUS = HERE / "extract_corpus"
PREVIOUS = PREVIOUS_RELEASE
HOLD_OUT = "093e234^"  # the corpus before the fourth round's blind reports
NEAR_KM = 25.0
# at least this many passes over the reports for the speed figures (a loaded machine gives
# few passes in 2 s, and the fastest pass is the one least slowed by other work)
SPEED_PASSES = 5
DAYS = 2
POINTS = ("city", "site", "port", "airport", "beach", "bridge", "pass")
# the gazetteer's kinds a found place may have for a labelled point: the schema's "airport"
# is also an air base, its "port" a naval base
FOUND_POINTS = (*POINTS, "airbase", "naval-base")

Point = tuple[float, float]


@dataclass
class Found:
    """What one extractor proposed for one report, in plain values."""

    places: list[Point] = field(default_factory=list)
    legs: list[dict[str, Any]] = field(default_factory=list)  # origins, to, start, strength, status
    anywhere: list[Point] = field(default_factory=list)  # every place found, areas too
    areas: list[tuple[Point, tuple[Any, str] | None]] = field(default_factory=list)  # outlines


@dataclass
class Labels:
    """What a report says, as labelled."""

    places: list[Point]
    legs: list[dict[str, Any]]


@dataclass
class Tally:
    """Counts over a part of the corpus."""

    place_good: int = 0
    place_found: int = 0
    place_hit: int = 0
    place_wanted: int = 0
    leg_good: int = 0
    leg_found: int = 0
    leg_hit: int = 0
    leg_wanted: int = 0
    strength_right: int = 0
    strength_asked: int = 0
    status_right: int = 0
    status_asked: int = 0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _near(a: Point, b: Point) -> bool:
    return geodesic_km(a[1], a[0], b[1], b[0]) <= NEAR_KM


# Labelled kinds that name an area (SCHEMA.md: "a scorer may match the others by area"): a
# found area end matches one when the labelled point lies in the found area's outline. A
# found country matches only a labelled country (into Russia is not into the Kursk region);
# a found region or sea matches a labelled region, sea or country.
_LABELLED_AREAS = ("region", "water", "country")


def _end_ok(found: Point, area: tuple[Any, str] | None, wanted: Point, kind: str,
            by_area: bool = True) -> bool:
    """Whether a found end is the labelled end: within 25 km, or (``by_area``) an area
    found whose outline holds the labelled point of an area end."""
    if _near(found, wanted):
        return True
    if not by_area or area is None or kind not in _LABELLED_AREAS:
        return False
    shape, found_kind = area
    if found_kind == "country" and kind != "country":
        return False
    return bool(shape.covers(ShapelyPoint(wanted[1], wanted[0])))


def _point(value: Any, by_name: dict[str, Point]) -> Point | None:
    if isinstance(value, dict):
        return (float(value["lat"]), float(value["lon"]))
    if isinstance(value, list | tuple) and len(value) == 2 and all(
            isinstance(v, int | float) for v in value):
        return (float(value[0]), float(value[1]))
    return by_name.get(str(value))


def _window(value: str | None) -> tuple[date, date] | None:
    """The days a labelled date can mean, at its precision (day, month or year)."""
    if not value:
        return None
    parts = [int(x) for x in str(value)[:10].split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _labels(path: Path) -> Labels:
    """The labels beside a report (schema 2 of SCHEMA.md, or schema 1 of the first corpus)."""
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    by_name = {p["name"]: (float(p["lat"]), float(p["lon"])) for p in data.get("places", [])}
    kinds = {p["name"]: p.get("kind", "city") for p in data.get("places", [])}
    points = list(dict.fromkeys(
        (float(p["lat"]), float(p["lon"])) for p in data.get("places", [])
        if p.get("kind", "city") in POINTS))
    legs = []
    for leg in data.get("legs", []):
        names = leg["origins"] if "origins" in leg else [leg["from"]]
        origins = [by_name[n] for n in names if n in by_name]
        to = by_name.get(leg.get("destination", leg.get("to")))
        if not origins or to is None:
            continue
        ends = [*names, leg.get("destination", leg.get("to"))]
        end_names = [str(n) for n in ends]
        legs.append({"origins": origins, "to": to, "start": _window(leg.get("start")),
                     "origin_kinds": [kinds.get(n, "city") for n in names if n in by_name],
                     "kinds": [kinds.get(n, "city") for n in ends], "ends": end_names,
                     "strength": leg.get("strength"), "status": leg.get("status"),
                     "names": f"{'+'.join(names)} -> {leg.get('destination', leg.get('to'))}"
                              f" {leg.get('start')}"})
    return Labels(points, legs)


def _area(place: Any) -> tuple[Any, str] | None:
    """A found place's outline and kind, when it is an area with one."""
    polygon = getattr(place, "polygon", None)
    return None if polygon is None or not place.areal else (polygon, place.kind.value)


def _movemap(text: str, published: date, gazetteer: Gazetteer) -> Found:
    draft = extract(text, published, gazetteer)
    places = {p.place.id: (p.place.lat, p.place.lon) for p in draft.places
              if p.place.kind.value in FOUND_POINTS}
    legs = [{"origins": [(o.place.lat, o.place.lon) for o in leg.origins],
             "to": (leg.destination.place.lat, leg.destination.place.lon),
             "origin_areas": [_area(o.place) for o in leg.origins],
             "to_area": _area(leg.destination.place),
             "start": leg.start.first_day, "strength": leg.strength,
             "status": leg.status.value,
             "names": f"{'+'.join(o.mention for o in leg.origins)} -> "
                      f"{leg.destination.mention} {leg.start} [{leg.rule}] {leg.strength} "
                      f"{leg.status.value}"} for leg in draft.legs]
    anywhere = list({p.place.id: (p.place.lat, p.place.lon) for p in draft.places}.values())
    areas = list({p.place.id: ((p.place.lat, p.place.lon), _area(p.place)) for p in draft.places
                  if p.place.areal}.values())
    return Found(list(places.values()), legs, anywhere, areas)


MISS_CAUSES = {
    "area-end": "an end labelled as an area (a region, a sea, a river) that nothing found\n"
                "                           matches (no area found holds it; no river is found)",
    "place-not-found": "an end is not among the places found (gazetteer gap or guard; a place\n"
                       "                           found nearer another labelled one is not it)",
    "no-frame": "no movement read: no sentence naming an end has a verb or noun of motion",
    "frame-unread": "no movement read: one sentence holds both ends and a verb of motion",
    "end-elsewhere": "no movement read: the ends stand in different sentences",
    "end-wrong": "a movement read with one end right, the other wrong or missing",
    "split-merged": "read as two legs through a stop, or two legs read as one",
    "date": "ends right, start more than 2 days outside the label",
}
FALSE_CAUSES = {
    "date": "ends of a labelled leg, date outside it",
    "origin-wrong": "destination of a labelled leg, another origin",
    "destination-wrong": "origin of a labelled leg, another destination",
    "no-such-move": "neither end belongs to a labelled leg",
}
_AREA_KINDS = ("region", "water", "river")


def _found_end(w: Point, found: Found, labels: Labels) -> bool:
    """Whether a labelled end counts as found: a found place within 25 km of it and no other
    labelled point nearer to that place (Kohima found is not Jotsoma, 5 km from it, found;
    nor Mosul Gogjali)."""
    labelled = list(dict.fromkeys([*labels.places, *(p for leg in labels.legs
                                                     for p in (*leg["origins"], leg["to"]))]))
    return any(_near(w, f) and all(
        geodesic_km(f[1], f[0], w[1], w[0]) <= geodesic_km(f[1], f[0], o[1], o[0])
        for o in labelled) for f in found.anywhere + found.places)


def _miss_cause(wanted: dict[str, Any], found: Found, labels: Labels, text: str) -> str:
    """Why a labelled leg was not found: the first cause of MISS_CAUSES that applies."""
    def got(w: Point, kind: str) -> bool:  # found as a point, or as an area holding it
        return _found_end(w, found, labels) or any(
            _end_ok(point, area, w, kind) for point, area in found.areas)

    ends = [*zip(wanted["origins"], wanted["kinds"][:-1], strict=True),
            (wanted["to"], wanted["kinds"][-1])]
    if any(k in _AREA_KINDS and not got(w, k) for w, k in ends):
        return "area-end"  # an area end (a river above all) nothing found stands for
    if not any(got(w, k) for w, k in ends[:-1]) or not got(*ends[-1]):
        return "place-not-found"

    def origin_ok(leg: dict[str, Any], want: dict[str, Any]) -> bool:
        return any(_near(o, w) for o in leg["origins"] for w in want["origins"])

    if any(origin_ok(f, wanted) and _near(f["to"], wanted["to"]) for f in found.legs):
        return "date"
    starts = [f for f in found.legs if origin_ok(f, wanted)]
    ends = [f for f in found.legs if _near(f["to"], wanted["to"])]
    if any(_near(a["to"], o) for a in starts for b in ends for o in b["origins"]):
        return "split-merged"  # A->X and X->B found for A->B
    for other in labels.legs:
        if other is wanted:
            continue
        if any(_near(wanted["to"], o) for o in other["origins"]) and any(
                _near(f["to"], other["to"]) for f in starts):
            return "split-merged"  # A->C found for A->B, B->C
        if _near(other["to"], wanted["origins"][0]) and any(
                origin_ok(f, other) for f in ends):
            return "split-merged"
    if starts or ends:
        return "end-wrong"
    return _unread_cause(wanted, text)


UNFOUND_CLASSES = {
    "resolved-elsewhere": "a mention of it was found, resolved more than 25 km away (a namesake)",
    "found-nearer-another": "found within 25 km, but nearer another labelled place",
    "dropped": "a mention of it was found, then left out (no reading, a loose reading far from\n"
               "                             the report's places, a lonely namesake, a town after "
               "'the')",
    "guard": "the matcher proposed it and a guard refused it",
    "small-town": "the index knows it exactly, as a town under the matcher's 5,000, not in a slot",
    "exact-elsewhere": "the index knows the name exactly, as a place more than 25 km away",
    "resolver-reads": "not proposed; the resolver reads it within 25 km (a slot the finder misses)",
    "resolver-wrong": "not proposed; the resolver reads it more than 25 km away (a gazetteer gap)",
    "gazetteer-gap": "not proposed; the resolver knows nothing by that name",
    "not-verbatim": "its labelled name is not written in the text",
}


def _unfound_class(name: str, wanted: Point, text: str, gazetteer: Gazetteer) -> str:
    """Why a labelled end ``name`` (at ``wanted``) is not among the places found: the first
    class of UNFOUND_CLASSES that applies to its first mention that tells."""
    blank = _HEADER.sub(lambda m: " " * len(m.group(0)), text, count=1)
    why_not: dict[tuple[int, int], str] = {}
    proposed = find_mentions(blank, sentences(blank), gazetteer, why_not=why_not)
    draft = extract(text, None, gazetteer)
    at = blank.find(name)
    if at < 0:
        return "not-verbatim"
    verdict = None
    while at >= 0:
        end = at + len(name)
        over = [p for p in draft.places if p.start < end and at < p.end]
        if over:
            km = geodesic_km(over[0].place.lon, over[0].place.lat, wanted[1], wanted[0])
            return "resolved-elsewhere" if km > NEAR_KM else "found-nearer-another"
        if any(m.start < end and at < m.end for m in proposed):
            return "dropped"
        if any(a < end and at < b for a, b in why_not):
            verdict = "guard"
        at = blank.find(name, end)
    if verdict:
        return verdict
    index = gazetteer._index
    number = index.best_exact(name_key(name))
    if number is not None:
        place = index.place(number)
        if geodesic_km(place.lon, place.lat, wanted[1], wanted[0]) > NEAR_KM:
            return "exact-elsewhere"
        if place.kind is Kind.CITY and (place.population or 0) < MIN_POPULATION:
            return "small-town"
    read = gazetteer.resolve(name)
    if not read.found:
        return "gazetteer-gap"
    km = geodesic_km(read.place.lon, read.place.lat, wanted[1], wanted[0])
    return "resolver-reads" if km <= NEAR_KM else "resolver-wrong"


def _unfound(found: Found, labels: Labels, path: Path, text: str, gazetteer: Gazetteer,
             counts: dict[str, int]) -> list[tuple[str, str]]:
    """Class each end of a place-not-found miss (:func:`_unfound_class`); the list names each."""
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    named = {(float(p["lat"]), float(p["lon"])): p["name"] for p in data.get("places", [])}
    out = []
    for wanted in labels.legs:
        if any(_legs_match(f, wanted) for f in found.legs) or _miss_cause(
                wanted, found, labels, text) != "place-not-found":
            continue
        for end in (*wanted["origins"], wanted["to"]):
            name = named.get(end)
            if name is None or _found_end(end, found, labels):
                continue
            kind = _unfound_class(name, end, text, gazetteer)
            counts[kind] = counts.get(kind, 0) + 1
            out.append((kind, name))
    return out


def _unread_cause(wanted: dict[str, Any], text: str) -> str:
    """Why a leg whose ends were found was not read at all: no sentence naming an end has a
    verb or noun of motion; both ends stand in one sentence that has one (its slots were not
    read); or the ends stand in different sentences (a neighbouring sentence, the headline)."""
    *origins, destination = wanted["ends"]
    spans = [text[a:b] for a, b in sentences(text)]
    naming = [body for body in spans if any(n in body for n in wanted["ends"])]
    if not any(_MOTION_F.search(fold(body)) or _ROUTE_F.search(fold(body)) for body in naming):
        return "no-frame"
    if any(destination in body and any(o in body for o in origins) and (
            _MOTION_F.search(fold(body)) or _ROUTE_F.search(fold(body))) for body in naming):
        return "frame-unread"
    return "end-elsewhere"


def _false_cause(leg: dict[str, Any], labels: Labels) -> str:
    def origin_ok(want: dict[str, Any]) -> bool:
        return any(_near(o, w) for o in leg["origins"] for w in want["origins"])

    if any(origin_ok(w) and _near(leg["to"], w["to"]) for w in labels.legs):
        return "date"
    if any(_near(leg["to"], w["to"]) for w in labels.legs):
        return "origin-wrong"
    if any(origin_ok(w) for w in labels.legs):
        return "destination-wrong"
    return "no-such-move"


def _causes(found: Found, labels: Labels, misses: dict[str, int],
            false: dict[str, int], text: str) -> list[tuple[str, str]]:
    """Count the causes of a report's missed and false legs; the list names each one."""
    out = []
    for wanted in labels.legs:
        if not any(_legs_match(f, wanted) for f in found.legs):
            cause = _miss_cause(wanted, found, labels, text)
            misses[cause] = misses.get(cause, 0) + 1
            out.append((cause, wanted["names"]))
    for leg in found.legs:
        if not any(_legs_match(leg, w) for w in labels.legs):
            cause = _false_cause(leg, labels)
            false[cause] = false.get(cause, 0) + 1
            out.append((f"false {cause}", leg["names"]))
    return out


def _print_causes(misses: dict[str, int], false: dict[str, int], part: str) -> None:
    print(f"  missed legs by cause ({part}):")
    for cause, meaning in MISS_CAUSES.items():
        print(f"    {misses.get(cause, 0):>4}  {cause:<16} {meaning}")
    print(f"  false legs by cause ({part}):")
    for cause, meaning in FALSE_CAUSES.items():
        print(f"    {false.get(cause, 0):>4}  {cause:<18} {meaning}")


def _show(path: Path, found: Found, labels: Labels) -> None:
    """A development report's misses: legs not found, legs found wrongly."""
    print(f"    {path.stem}")
    for wanted in labels.legs:
        match = next((f for f in found.legs if _legs_match(f, wanted)), None)
        if match is None:
            print(f"      missed  {wanted['names']}")
        elif (wanted.get("strength") and match.get("strength") != wanted["strength"]) or (
                wanted.get("status") and match.get("status") != wanted["status"]):
            print(f"      partly  {wanted['names']} s={wanted.get('strength')} "
                  f"{wanted.get('status')}: got {match['names']}")
    for leg in found.legs:
        if not any(_legs_match(leg, w) for w in labels.legs):
            print(f"      wrong   {leg['names']}")


def _geotext(text: str, gazetteer: Gazetteer) -> Found:
    from geotext import GeoText

    names = set(GeoText(text).cities)
    resolved = [gazetteer.resolve(n) for n in names]
    return Found(list({r.place.id: (r.place.lat, r.place.lon) for r in resolved
                       if r.found and r.place.kind in (Kind.CITY, Kind.SITE, Kind.PORT)
                       }.values()))


_PREVIOUS_RUNNER = r"""
import json, sys, time
from datetime import date
from movemap.extract import extract
from movemap.gazetteer import default_gazetteer
POINTS = ("city", "site", "port")
gazetteer = default_gazetteer()
reports = json.load(sys.stdin)
out = []
for text, published in reports:
    draft = extract(text, date.fromisoformat(published), gazetteer)
    out.append({
        "places": list({p.place.id: (p.place.lat, p.place.lon) for p in draft.places
                        if p.place.kind.value in POINTS}.values()),
        "legs": [{"origins": [(o.place.lat, o.place.lon) for o in leg.origins],
                  "to": (leg.destination.place.lat, leg.destination.place.lon),
                  "start": leg.start.first_day.isoformat(), "strength": leg.strength,
                  "status": leg.status.value} for leg in draft.legs]})
rounds, start, cpu = 0, time.perf_counter(), time.process_time()
while time.perf_counter() - start < 2:
    for text, published in reports:
        extract(text + " " * (rounds % 7), date.fromisoformat(published), gazetteer)
    rounds += 1
rate = rounds * len(reports) / (time.perf_counter() - start)
cpu_rate = rounds * len(reports) / (time.process_time() - cpu)
print(json.dumps({"found": out, "rate": rate, "cpu_rate": cpu_rate,
                  "module": __import__("movemap").__file__}))
"""


def _previous(reports: list[tuple[str, date]]) -> tuple[list[Found], float, float] | None:
    """The previous release's drafts and speed, from a temporary worktree at its commit."""
    with tempfile.TemporaryDirectory(prefix="movemap-previous-") as tmp:
        tree = Path(tmp) / "tree"
        try:
            with checkout(PREVIOUS, tree):
                run = subprocess.run(
                    [sys.executable, "-c", _PREVIOUS_RUNNER], cwd=tmp, env=environment(tree),
                    text=True,
                    input=json.dumps([(t, p.isoformat()) for t, p in reports]),
                    capture_output=True)
        except subprocess.CalledProcessError as error:
            print(f"previous release: no worktree ({(error.stderr or b'').decode().strip()})")
            return None
    if run.returncode:
        print(f"previous release failed: {run.stderr.strip()[-400:]}")
        return None
    data = json.loads(run.stdout.strip().splitlines()[-1])
    assert str(tree) in data["module"], data["module"]  # really the old code
    found = [Found([tuple(p) for p in r["places"]],  # type: ignore[misc]
                   [{**leg, "origins": [tuple(o) for o in leg["origins"]],
                     "to": tuple(leg["to"]), "start": date.fromisoformat(leg["start"])}
                    for leg in r["legs"]]) for r in data["found"]]
    return found, float(data["rate"]), float(data["cpu_rate"])


def _legs_match(found: dict[str, Any], wanted: dict[str, Any], by_area: bool = True) -> bool:
    """Same ends (within 25 km, or an area holding a labelled area end: :func:`_end_ok`),
    and the found start within 2 days of the labelled one (a label that gives no start date
    constrains only the ends; a month, the whole month)."""
    window = wanted["start"]
    areas = found.get("origin_areas") or [None] * len(found["origins"])
    return (any(_end_ok(o, a, w, k, by_area) for o, a in zip(found["origins"], areas, strict=True)
                for w, k in zip(wanted["origins"], wanted["origin_kinds"], strict=True))
            and _end_ok(found["to"], found.get("to_area"), wanted["to"], wanted["kinds"][-1],
                        by_area)
            and (window is None or (window[0].toordinal() - DAYS <= found["start"].toordinal()
                                    <= window[1].toordinal() + DAYS)))


def _score(tally: Tally, found: Found, labels: Labels, by_area: bool = True) -> None:
    tally.place_found += len(found.places)
    tally.place_good += sum(any(_near(f, w) for w in labels.places) for f in found.places)
    tally.place_wanted += len(labels.places)
    tally.place_hit += sum(any(_near(f, w) for f in found.places) for w in labels.places)
    tally.leg_found += len(found.legs)
    tally.leg_good += sum(any(_legs_match(f, w, by_area) for w in labels.legs)
                          for f in found.legs)
    tally.leg_wanted += len(labels.legs)
    for wanted in labels.legs:
        match = next((f for f in found.legs if _legs_match(f, wanted, by_area)), None)
        if match is None:
            continue
        tally.leg_hit += 1
        if wanted.get("strength"):
            tally.strength_asked += 1
            got = match.get("strength") or 0
            tally.strength_right += abs(got - wanted["strength"]) <= 0.1 * wanted["strength"]
        if wanted.get("status"):
            tally.status_asked += 1
            tally.status_right += match.get("status") == wanted["status"]


def _line(name: str, t: Tally, legs: bool = True) -> str:
    p, r = _ratio(t.place_good, t.place_found), _ratio(t.place_hit, t.place_wanted)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    text = f"  {name:<17} places P {p:.2f} R {r:.2f} F1 {f1:.2f}"
    if legs:
        text += (f" | legs P {_ratio(t.leg_good, t.leg_found):.2f} "
                 f"R {_ratio(t.leg_hit, t.leg_wanted):.2f} ({t.leg_hit}/{t.leg_wanted})"
                 f" | strength {_ratio(t.strength_right, t.strength_asked):.2f}"
                 f" ({t.strength_asked}) status {_ratio(t.status_right, t.status_asked):.2f}"
                 f" ({t.status_asked})")
    else:
        text += " | legs: none (finds names only)"
    return text


def _parts(corpus: Path) -> dict[str, list[Path]]:
    """The reports of each part, as ``split.json`` beside the corpus gives them."""
    split = corpus / "split.json"
    if not split.is_file():
        return {"development": sorted(OLD_CORPUS.glob("*.txt")), "test": []}
    data = json.loads(split.read_text(encoding="utf-8"))
    return {part: [corpus.parent / f"{name}.txt" for name in data[key]]
            for part, key in (("development", "dev"), ("test", "test"))}


def _as_of(parts: dict[str, list[Path]], commit: str) -> dict[str, list[Path]]:
    """Only the reports the corpus held at ``commit`` (to compare with earlier figures)."""
    root = HERE.parent
    listed = subprocess.run(["git", "-C", str(root), "ls-tree", "-r", "--name-only", commit,
                             "benchmarks/"], capture_output=True, text=True, check=True)
    held = {root / line for line in listed.stdout.splitlines() if line.endswith(".txt")}
    return {part: [p for p in paths if p.resolve() in {h.resolve() for h in held}]
            for part, paths in parts.items()}


def _hold_out(parts: dict[str, list[Path]], commit: str) -> dict[str, list[Path]]:
    """Development split into the reports held at ``commit`` and those added since."""
    before = _as_of(parts, commit)["development"]
    later = [p for p in parts["development"] if p not in before]
    return {"development": before, "development hold-out": later, "test": parts["test"]}


def _speed(reports: list[tuple[str, date]], gazetteer: Gazetteer, sizes: list[float]) -> None:
    extract(reports[0][0], reports[0][1], gazetteer)  # warm
    rounds, start, cpu = 0, time.perf_counter(), time.process_time()
    best = 0.0  # the fastest pass over the reports, per CPU second
    while time.perf_counter() - start < 2 or rounds < SPEED_PASSES:
        before = time.process_time()
        for text, published in reports:
            extract(text + " " * (rounds % 7), published, gazetteer)
        best = max(best, len(reports) / max(time.process_time() - before, 1e-9))
        rounds += 1
    rate = rounds * len(reports) / (time.perf_counter() - start)
    cpu_rate = rounds * len(reports) / (time.process_time() - cpu)
    print(f"speed     movemap {rate:,.0f} reports/s on one core, {cpu_rate:,.0f} per CPU "
          f"second ({len(reports)} reports, mean "
          f"{sum(len(t) for t, _ in reports) / len(reports) / 1000:.1f} kB); fastest of "
          f"{rounds} passes {best:,.0f} per CPU second")
    whole = "\n\n".join(t for t, _ in reports)
    for mb in sizes:
        size = int(mb * 1_000_000)
        text = (whole * (size // len(whole) + 1))[:size]
        start = time.perf_counter()
        extract(text, reports[0][1], gazetteer)
        seconds = time.perf_counter() - start
        print(f"          {mb:>5} MB report: {seconds:6.2f} s, {seconds / mb:5.2f} s per MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"          peak resident memory of this run: {peak:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the 10 MB report")
    parser.add_argument("--no-previous", action="store_true",
                        help="leave out the previous release")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus folder")
    parser.add_argument("--part", choices=["development", "test", "both"], default="both",
                        help="the parts to score (tune on development only)")
    parser.add_argument("--show", action="store_true",
                        help="print each development report's misses (never the test part's)")
    parser.add_argument("--as-of", metavar="COMMIT",
                        help="score only the reports the corpus held at COMMIT (da43268: the "
                             "55 reports before the second batch of issue 17)")
    parser.add_argument("--hold-out", metavar="COMMIT", nargs="?", const=HOLD_OUT,
                        help="score the development reports added after COMMIT apart, as a "
                             f"hold-out never tuned on (default {HOLD_OUT}: the 10 blind "
                             "development reports of the fourth round); --show leaves them "
                             "out, --causes gives only their aggregates")
    parser.add_argument("--leave-out", metavar="STEMS", default="",
                        help="comma-separated report names: also print movemap's figures "
                             "without them (in the same run), for reports a rule may resemble")
    parser.add_argument("--no-speed", action="store_true", help="leave out the speed figures")
    parser.add_argument("--unfound", action="store_true",
                        help="with --causes: class each end of the place-not-found misses (a "
                             "guard, a namesake, a gazetteer gap...; with --show, each one)")
    parser.add_argument("--causes", action="store_true",
                        help="classify the development part's missed and false legs by cause "
                             "(with --show, each one); never the test part's")
    args = parser.parse_args()
    gazetteer = default_gazetteer()
    parts = _parts(args.corpus)
    if args.as_of:
        parts = _as_of(parts, args.as_of)
    if args.part != "both":
        parts = {part: paths if part == args.part else [] for part, paths in parts.items()}
    if args.hold_out:
        parts = _hold_out(parts, args.hold_out)
    left = set(filter(None, args.leave_out.split(",")))
    everything = [p for paths in parts.values() for p in paths]
    reports = [read_report(p) for p in everything]
    dated = [(t, p or date.today()) for t, p in reports]
    previous = None if args.no_previous else _previous(dated)
    if previous is not None:
        print(f"previous release {PREVIOUS}: {previous[1]:,.0f} reports/s on one core, "
              f"{previous[2]:,.0f} per CPU second (all {len(dated)} reports)")
    at = 0
    for part, paths in parts.items():
        if not paths and part != "development":
            continue
        print(f"\n{part} part: {len(paths)} reports")
        tallies = {"movemap": Tally(), "movemap by point": Tally(),
                   f"release {PREVIOUS}": Tally(), "geotext": Tally()}
        misses: dict[str, int] = {}
        false: dict[str, int] = {}
        unfound: dict[str, int] = {}
        for path in paths:
            text, published = dated[at]
            labels = _labels(path)
            mine = _movemap(text, published, gazetteer)
            _score(tallies["movemap"], mine, labels)
            _score(tallies["movemap by point"], mine, labels, by_area=False)
            if left and path.stem not in left:
                _score(tallies.setdefault(f"without {len(left)}", Tally()), mine, labels)
            if args.causes and part.startswith("development"):
                listed = _causes(mine, labels, misses, false, text)
                if args.unfound:
                    listed += [(f"unfound {kind}", name) for kind, name in
                               _unfound(mine, labels, path, text, gazetteer, unfound)]
                if args.show and listed and part == "development":
                    print(f"    {path.stem}")
                    for cause, names in listed:
                        print(f"      {cause:<24} {names}")
            elif args.show and part == "development":
                _show(path, mine, labels)
            if previous is not None:
                _score(tallies[f"release {PREVIOUS}"], previous[0][at], labels)
            _score(tallies["geotext"], _geotext(text, gazetteer), labels)
            at += 1
        for name, tally in tallies.items():
            if name.startswith("release") and previous is None:
                continue
            print(_line(name, tally, legs=name != "geotext"))
        if args.causes and part.startswith("development"):
            _print_causes(misses, false, part)
            if args.unfound:
                print(f"  ends of place-not-found misses, by why ({part}):")
                for kind, meaning in UNFOUND_CLASSES.items():
                    print(f"    {unfound.get(kind, 0):>4}  {kind:<20} {meaning}")
    if args.no_speed:
        return
    print()
    _speed(dated, gazetteer, [0.1, 1.0] if args.quick else
           [0.1, 1.0, 10.0])


if __name__ == "__main__":
    main()
