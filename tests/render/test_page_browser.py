"""The map page in Chromium: WCAG rules (axe-core), keyboard only, and its security policy."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from movemap.dates import parse_date
from movemap.model import Dataset, Leg, Mode, PlaceRef, Station, Status, Unit
from movemap.render import write_map
from movemap.validate import read_dataset

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def many_legs(n: int, seed: int = 3) -> Dataset:
    """``n`` air legs between random points (drawn on canvas above 5,000), and stations."""
    rng = random.Random(seed)
    units = tuple(Unit(f"u{i}", f"Unit {i}") for i in range(20))

    def place() -> PlaceRef:
        return PlaceRef(f"P{rng.randrange(999)}", lat=round(rng.uniform(35, 65), 3),
                        lon=round(rng.uniform(20, 140), 3))

    first = date(2024, 1, 1)
    legs = []
    for i in range(n):
        start = first + timedelta(days=rng.randrange(200))
        legs.append(Leg(f"leg{i}", rng.choice(units).id, (place(),), place(), parse_date(start),
                        parse_date(start + timedelta(days=3)), mode=Mode.AIR,
                        status=rng.choice(list(Status))))
    stations = tuple(Station(f"s{i}", rng.choice(units).id, place(), parse_date(first),
                             strength=100, status=rng.choice(list(Status))) for i in range(50))
    return Dataset("many", title=f"{n:,} legs", units=units, legs=tuple(legs),
                   stations=stations)


@pytest.fixture(scope="module")
def maps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    return {"reference": write_map(read_dataset(REFERENCE), folder / "reference.html"),
            "10k": write_map(many_legs(10_000), folder / "many.html")}


def _open(context: Any, path: Path) -> Any:
    page = context.new_page()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.movemapReady === true", timeout=60_000)
    return page


@pytest.mark.parametrize("which", ["reference", "10k"])
def test_no_critical_or_serious_wcag_violations(browser: Any, maps: dict[str, Path],
                                                which: str) -> None:
    assert AXE.is_file(), "axe-core is missing: `npm ci` installs it (package-lock.json)"
    # axe is injected for the check only
    context = browser.new_context(bypass_csp=True, viewport={"width": 1400, "height": 900})
    try:
        page = _open(context, maps[which])
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    bad = [(v["impact"], v["id"], [n["target"] for n in v["nodes"][:3]])
           for v in result["violations"] if v["impact"] in ("critical", "serious")]
    assert bad == []
    moderate = [v["id"] for v in result["violations"]]
    assert not {"landmark-one-main", "page-has-heading-one", "region",
                "meta-viewport"} & set(moderate)


@pytest.fixture
def reference_page(browser: Any, maps: dict[str, Path]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = _open(context, maps["reference"])
    page.evaluate("window.__violations = []; document.addEventListener("
                  "'securitypolicyviolation', e => window.__violations.push("
                  "e.effectiveDirective + ' ' + e.blockedURI))")
    yield page
    context.close()


def test_keyboard_alone_reaches_10_october_and_reads_the_sea_leg(reference_page: Any) -> None:
    page = reference_page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mm-slider"  # first stop: the date
    page.keyboard.press("End")
    assert page.locator(".mm-day").inner_text() == "2024-12-31"
    for _ in range(11):
        page.keyboard.type("<")  # a week back each
    for _ in range(5):
        page.keyboard.type(",")  # a day back each
    assert page.locator(".mm-day").inner_text() == "2024-10-10"
    assert page.evaluate("document.activeElement.getAttribute('aria-valuetext')") == "2024-10-10"
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.className || "
                                   "document.activeElement.tagName"))
    assert order[:3] == ["mm-play", "mm-speed", "INPUT"]  # play, speed, all dates
    assert order[3] == "SUMMARY"  # the positions table
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # open the table
    from playwright.sync_api import expect

    table = page.locator("#mm-positions")
    expect(table.locator("caption")).to_contain_text("Positions on 2024-10-10")
    row = table.locator("tbody tr", has_text="first echelon").inner_text()
    assert "under way from" in row and "to Vladivostok (sea" in row
    assert "Chongjin" in row and "reported" in row and "1,500" in row


def test_the_map_and_layer_toggles_come_after_the_date_controls(reference_page: Any) -> None:
    page = reference_page
    stops = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("String(document.activeElement.getAttribute('aria-label')"
                                   " || document.activeElement.getAttribute('class') || '')"
                                   ".slice(0, 40)"))
    map_stop = next(i for i, s in enumerate(stops) if s.startswith("Map of the movements"))
    assert stops.index("Date shown") < stops.index("Play") < map_stop
    layers = next(i for i, s in enumerate(stops) if "leaflet-control-layers-toggle" in s)
    legend = next(i for i, s in enumerate(stops) if "mm-legend-toggle" in s)
    assert map_stop < layers < legend  # the map, its layer toggles, then the legend


def test_shortcuts_are_documented_in_the_page(reference_page: Any) -> None:
    page = reference_page
    keys = page.locator("#mm-keys").inner_text()
    for key in (", and .", "< and >", "P play", "A all dates"):
        assert key in keys
    all_dates = page.locator(".mm-all input")
    before = all_dates.is_checked()
    page.keyboard.type("a")
    assert all_dates.is_checked() is not before
    page.keyboard.type("a")
    assert all_dates.is_checked() is before
    day = page.locator(".mm-day").inner_text()
    page.keyboard.type(".")
    assert not all_dates.is_checked()  # stepping shows one day
    assert page.locator(".mm-day").inner_text() > day


def test_the_policy_is_enforced_and_the_page_works_under_it(reference_page: Any) -> None:
    page = reference_page
    assert page.evaluate("window.__violations") == []  # the map itself needs nothing blocked
    assert page.locator("path.mm-leg").count() > 0
    blocked = page.evaluate(
        "async () => { try { await fetch('http://127.0.0.1:9/x'); return 'fetched'; }"
        " catch (e) { return 'blocked'; } }")
    assert blocked == "blocked"
    page.evaluate("() => { const i = new Image(); i.src = 'http://127.0.0.1:9/t.png';"
                  " document.body.appendChild(i); }")
    page.evaluate("() => { const s = document.createElement('script');"
                  " s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }")
    page.wait_for_function("window.__violations.length >= 3")
    directives = {v.split(" ")[0] for v in page.evaluate("window.__violations")}
    assert {"connect-src", "img-src", "script-src-elem"} <= directives
    assert page.evaluate("window.__ran") is None  # a script added later does not run


def test_a_map_too_big_to_chart_says_so_under_the_map(browser: Any,
                                                      maps: dict[str, Path]) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = _open(context, maps["10k"])
        note = page.locator(".mm-chart-note").inner_text()
        assert note.startswith("10,050 legs and stations are too many to chart here")
        assert "--chart timeline" in note
        assert page.locator(".mm-chart-bar").count() == 0
    finally:
        context.close()
