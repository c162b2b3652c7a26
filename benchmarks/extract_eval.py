"""Extraction quality and speed on movemap's evaluation corpus, beside geotext.

Run with ``python benchmarks/extract_eval.py``. The corpus (``benchmarks/corpus``) holds
original texts on well-documented troop movements from several eras and places, each with
its labels: the populated places and sites it names (coordinates) and the legs it
describes. Printed, for movemap and for the ``geotext`` package (the baseline):

- place precision and recall: a found place counts when a labelled place lies within
  25 km. Countries and regions are left out on both sides: they are areas, and a distance
  to a point says nothing about them;
- leg recall: a labelled leg counts when a found leg has both ends within 25 km of its ends
  and a start within 2 days of its start (geotext finds no legs);
- reports per second, on one core, over the whole corpus read many times.

Targets: place precision and recall at least 0.9, leg recall at least 0.6, 100 reports/s.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from movemap.extract import extract, read_report
from movemap.gazetteer import Kind, default_gazetteer
from movemap.routing.geodesic import geodesic_km

CORPUS = Path(__file__).parent / "corpus"
NEAR_KM = 25.0
POINTS = (Kind.CITY, Kind.SITE, Kind.PORT)


def _labels(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def _score(found: list[tuple[float, float]], wanted: list[tuple[float, float]]
           ) -> tuple[int, int]:
    """(found that match a wanted place, wanted that some found place matches)."""
    def near(a: tuple[float, float], b: tuple[float, float]) -> bool:
        return geodesic_km(a[1], a[0], b[1], b[0]) <= NEAR_KM

    good = sum(any(near(f, w) for w in wanted) for f in found)
    hit = sum(any(near(f, w) for f in found) for w in wanted)
    return good, hit


def main() -> None:
    gazetteer = default_gazetteer()
    texts = sorted(CORPUS.glob("*.txt"))
    totals = {"movemap": [0, 0, 0, 0], "geotext": [0, 0, 0, 0]}  # good, found, hit, wanted
    legs_hit = legs_wanted = 0
    print(f"{'report':<22} {'places found/wanted/right':>26} {'legs right/wanted':>18} "
          f"{'geotext places':>16}")
    for path in texts:
        text, published = read_report(path)
        labels = _labels(path)
        wanted = [(p["lat"], p["lon"]) for p in labels["places"]]
        draft = extract(text, published, gazetteer, name=path.stem)
        places = {p.place.id: (p.place.lat, p.place.lon) for p in draft.places
                  if p.place.kind in POINTS}
        good, hit = _score(list(places.values()), wanted)
        for i, n in enumerate((good, len(places), hit, len(wanted))):
            totals["movemap"][i] += n

        from geotext import GeoText

        names = set(GeoText(text).cities)
        resolved = [gazetteer.resolve(n) for n in names]
        base = {r.place.id: (r.place.lat, r.place.lon) for r in resolved
                if r.found and r.place.kind in POINTS}
        g_good, g_hit = _score(list(base.values()), wanted)
        for i, n in enumerate((g_good, len(base), g_hit, len(wanted))):
            totals["geotext"][i] += n

        by_name = {p["name"]: (p["lat"], p["lon"]) for p in labels["places"]}
        right = 0
        for leg in labels["legs"]:
            a, b = by_name[leg["from"]], by_name[leg["to"]]
            start = date.fromisoformat(leg["start"])
            for found in draft.legs:
                ends = [(o.place.lat, o.place.lon) for o in found.origins]
                dest = (found.destination.place.lat, found.destination.place.lon)
                if (any(geodesic_km(e[1], e[0], a[1], a[0]) <= NEAR_KM for e in ends)
                        and geodesic_km(dest[1], dest[0], b[1], b[0]) <= NEAR_KM
                        and abs((found.start.first_day - start).days) <= 2):
                    right += 1
                    break
        legs_hit += right
        legs_wanted += len(labels["legs"])
        print(f"{path.stem:<22} {len(places):>10}/{len(wanted)}/{good:<13} "
              f"{right:>10}/{len(labels['legs']):<7} {len(base):>8}")

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    print()
    for name, (good, found, hit, wanted) in totals.items():
        print(f"{name:<9} place precision {ratio(good, found):.2f}  "
              f"recall {ratio(hit, wanted):.2f}")
    print(f"movemap   leg recall {ratio(legs_hit, legs_wanted):.2f}   (geotext: no legs, 0.00)")

    reports = [read_report(p) for p in texts]
    extract(*reports[0][:1], reports[0][1] or date.today(), gazetteer)  # warm
    rounds, start = 0, time.perf_counter()
    while time.perf_counter() - start < 2:
        for text, published in reports:
            extract(text + " " * (rounds % 7), published or date.today(), gazetteer)
        rounds += 1
    rate = rounds * len(reports) / (time.perf_counter() - start)
    g_start, g_rounds = time.perf_counter(), 0
    from geotext import GeoText

    while time.perf_counter() - g_start < 1:
        for text, _ in reports:
            GeoText(text)
        g_rounds += 1
    g_rate = g_rounds * len(reports) / (time.perf_counter() - g_start)
    print(f"speed     movemap {rate:,.0f} reports/s, geotext {g_rate:,.0f} reports/s "
          "(finding names only)")


if __name__ == "__main__":
    main()
