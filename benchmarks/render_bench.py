"""Map rendering at scale: generated datasets of 100 to 100,000 legs, beside naive folium.

Run with ``python benchmarks/render_bench.py [--sizes 100,1000,10000,100000]``. For each
size it prints:

- movemap: time to write the map, the file's size, the size of its data alone (the page
  without the shared basemap and assets), and the time until the page is ready in headless
  Chromium (map drawn, then the slider moved and the map redrawn);
- the baseline, measured in the same run up to 10,000 legs: naive folium, one ``PolyLine``
  with a tooltip per leg, saved with ``Map.save``; its data size is the file less an empty
  map's.

Legs are great circles between random points (``mode: air``), so routing is not measured.
Targets at 10,000 legs: 5 times faster than the baseline, data 2 times smaller, ready in 3 s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from movemap.dates import parse_date
from movemap.model import Dataset, Leg, Mode, PlaceRef, Station, Status, Unit
from movemap.render import make_map, write_map
from movemap.render.page_data import map_data, script_json

CHROMIUM = "/usr/bin/chromium"


def generated(n: int, seed: int = 7) -> Dataset:
    """A dataset of ``n`` legs between random points of Eurasia, and n/100 stations."""
    rng = random.Random(seed)
    units = tuple(Unit(id=f"u{i}", name=f"Unit {i}") for i in range(max(1, n // 500)))

    def place() -> PlaceRef:
        return PlaceRef(name=f"P{rng.randrange(5000)}", lat=round(rng.uniform(35, 65), 4),
                        lon=round(rng.uniform(20, 140), 4))

    first = date(2024, 1, 1)
    legs = []
    for i in range(n):
        start = first + timedelta(days=rng.randrange(300))
        legs.append(Leg(
            id=f"leg{i}", unit=rng.choice(units).id, origins=(place(),), destination=place(),
            start=parse_date(start), end=parse_date(start + timedelta(days=rng.randrange(1, 9))),
            mode=Mode.AIR, strength=rng.randrange(50, 5000),
            status=rng.choice(list(Status)), sources=(),
        ))
    stations = tuple(
        Station(id=f"st{i}", unit=rng.choice(units).id, place=place(),
                start=parse_date(first + timedelta(days=rng.randrange(300))),
                strength=rng.randrange(10, 3000))
        for i in range(max(1, n // 100)))
    return Dataset(name=f"generated-{n}", title=f"{n:,} generated legs", units=units,
                   legs=tuple(legs), stations=stations)


def naive(dataset: Dataset, path: Path) -> float:
    import folium

    start = time.perf_counter()
    m = folium.Map(location=[50, 80], zoom_start=3)
    for leg in dataset.legs:
        a, b = leg.origins[0], leg.destination
        folium.PolyLine([[a.lat, a.lon], [b.lat, b.lon]],
                        tooltip=f"{leg.unit}: {a.name} to {b.name}, {leg.start}").add_to(m)
    m.save(str(path))
    return time.perf_counter() - start


def browser_ready(path: Path) -> float | None:
    if not Path(CHROMIUM).is_file():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.movemapReady === true", timeout=120_000)
        page.evaluate("""() => { const s = document.querySelector('.mm-slider');
            s.value = String(Math.round((Number(s.min) + Number(s.max)) / 2));
            s.dispatchEvent(new Event('input')); }""")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(true)))")
        ready = time.perf_counter() - start
        browser.close()
    return ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'legs':>8} {'movemap s':>10} {'file MB':>8} {'data MB':>8} {'ready s':>8} | "
          f"{'naive s':>8} {'file MB':>8} {'data MB':>8} | {'speed-up':>8} {'smaller':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empty = folder / "empty.html"
        naive(Dataset(name="empty"), empty)
        empty_size = empty.stat().st_size
        for n in sizes:
            dataset = generated(n)
            path = folder / f"ours-{n}.html"
            start = time.perf_counter()
            write_map(dataset, path)
            ours = time.perf_counter() - start
            data_size = _data_size(dataset)
            ready = browser_ready(path)
            line = (f"{n:>8,} {ours:>10.2f} {path.stat().st_size / 1e6:>8.2f} "
                    f"{data_size / 1e6:>8.2f} {ready if ready is not None else float('nan'):>8.2f}")
            if n <= 10_000:
                base = folder / f"naive-{n}.html"
                naive_time = naive(dataset, base)
                naive_data = base.stat().st_size - empty_size
                line += (f" | {naive_time:>8.2f} {base.stat().st_size / 1e6:>8.2f} "
                         f"{naive_data / 1e6:>8.2f} | {naive_time / ours:>7.1f}x "
                         f"{naive_data / data_size:>7.1f}x")
            else:
                line += " |  (naive folium not run: some ten times the 10,000-leg time)"
            print(line, flush=True)
    print("targets at 10,000 legs: speed-up >= 5x, data >= 2x smaller, ready <= 3 s")


def _data_size(dataset: Dataset) -> int:
    """Bytes of the map's own data: the page less the shared basemap and assets."""
    from movemap.located import locate

    data = map_data(locate(dataset), title=dataset.title)
    return len(script_json(data).encode("utf-8"))


_ = make_map  # the API a notebook would use; write_map calls it

if __name__ == "__main__":
    main()
