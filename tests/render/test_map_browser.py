"""The reference map, and an injection corpus, opened in a real headless Chromium."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from movemap.render import write_map
from movemap.validate import read_dataset

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"
EVIL = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "\"'><svg onload=window.__pwned=3>",
    "</script><script>window.__pwned=4</script>",
    "{{ 7*7 }} {% raw %}",
]


class Page:
    """A page with what it logged and asked for."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("window.movemapReady === true", timeout=15_000)

    def eval(self, script: str) -> Any:
        return self.page.evaluate(script)

    def click_path(self, selector: str, along: float = 0.5) -> None:
        """Click a point on a line, ``along`` its length (the middle of its box may well be off
        the line)."""
        x, y = self.page.evaluate(
            """([sel, along]) => { const p = document.querySelector(sel);
                const pt = p.getPointAtLength(p.getTotalLength() * along);
                const m = p.getScreenCTM();
                return [pt.x * m.a + pt.y * m.c + m.e, pt.x * m.b + pt.y * m.d + m.f]; }""",
            [selector, along])
        self.page.mouse.click(x, y)

    def open_popup(self, selector: str, timeout: float = 15.0) -> str:
        """Click a line until its popup opens, and return the popup's text.

        A map that is still settling (its opening view, a resize as the page lays out) can
        move the line away from the point just computed, so each try computes it again, and
        something drawn over one point of the line (a marker, a label) must not stop every
        try: each takes another point along it.
        """
        import time

        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        popup = self.page.locator(".mm-popup")
        deadline = time.monotonic() + timeout
        points = (0.5, 0.4, 0.6, 0.3, 0.7)
        for attempt in itertools.count():
            self.click_path(selector, points[attempt % len(points)])
            try:
                popup.wait_for(state="visible", timeout=1_000)
            except PlaywrightTimeout:
                assert time.monotonic() < deadline, f"no popup after clicking {selector}"
                continue
            return popup.inner_text()
        raise AssertionError("unreachable")

    def set_day(self, day: date) -> None:
        number = (day - date(1970, 1, 1)).days
        self.page.evaluate(
            "n => { const s = document.querySelector('.mm-slider'); s.value = String(n);"
            " s.dispatchEvent(new Event('input')); }", number)


@pytest.fixture(scope="module")
def reference_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_map(read_dataset(REFERENCE), tmp_path_factory.mktemp("map") / "ref.html")


@pytest.fixture
def page(browser: Any, reference_map: Path) -> Iterator[Page]:
    opened = Page(browser, reference_map)
    yield opened
    opened.page.close()


def test_loads_offline_without_errors(page: Page) -> None:
    assert page.errors == []
    assert page.requests == [page.url]  # the file itself, nothing else


def test_shows_every_route_and_station(page: Page) -> None:
    dataset = read_dataset(REFERENCE)
    assert page.page.locator("path.mm-leg").count() == len(dataset.legs)
    assert page.page.locator(".mm-station").count() == len(dataset.stations)
    assert page.page.locator(".mm-symbol svg").count() >= 2  # SIDC symbols drawn


def test_layer_control_hides_a_units_routes(page: Page) -> None:
    before = page.page.locator("path.mm-leg").count()
    page.page.hover(".leaflet-control-layers")
    page.page.get_by_role("checkbox", name="11th Corps first echelon (special forces)").uncheck()
    assert page.page.locator("path.mm-leg").count() == before - 4  # its four legs
    page.page.get_by_role("checkbox", name="11th Corps first echelon (special forces)").check()
    assert page.page.locator("path.mm-leg").count() == before


def test_time_slider_on_10_october(page: Page) -> None:
    page.set_day(date(2024, 10, 10))
    visible = page.eval("movemap.visibleLegs()")
    assert "first-echelon-by-sea" in visible
    assert "advance-group-to-kursk" not in visible
    assert "11th Corps first echelon (special forces)" in page.eval("movemap.movingUnits()")
    assert page.page.locator(".mm-day").inner_text() == "2024-10-10"
    page.set_day(date(2024, 11, 10))
    visible = page.eval("movemap.visibleLegs()")
    assert "advance-group-to-kursk" in visible and "first-echelon-by-sea" not in visible
    assert "advance-group-at-kursk" in page.eval("movemap.visibleStations()")
    assert page.errors == []


def test_one_slider_for_the_whole_map(page: Page) -> None:
    assert page.page.locator("input[type=range]").count() == 1


def test_popup_shows_dates_and_sources(page: Page) -> None:
    page.set_day(date(2024, 10, 10))
    assert page.eval("movemap.focusLeg('first-echelon-by-sea')")
    popup = page.open_popup("path.mm-mode-sea")
    assert "2024-10-08" in popup and "2024-10-13" in popup
    assert "National Intelligence Service (NIS), Republic of Korea [B2], 2024-10-18" in popup
    assert "landing ships: 4" in popup


def _until(page: Page, script: str, timeout: float = 10.0) -> None:
    """Evaluate ``script`` until it is true (from here: the page's policy forbids the
    string evaluation Playwright's own waiting would do inside it)."""
    import time

    deadline = time.monotonic() + timeout
    while not page.eval(script):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {script}"
        time.sleep(0.1)


def _set_view(page: Page, lat: float, lon: float, zoom: int) -> None:
    """Move the map, again until it stays (an opening animation may still be running)."""
    _until(page, f"(() => {{ const m = movemap.map, c = m.getCenter();"
                 f" const there = m.getZoom() === {zoom} && Math.abs(c.lat - {lat}) < 0.01"
                 f" && Math.abs(c.lng - {lon}) < 0.01;"
                 f" if (!there) m.setView([{lat}, {lon}], {zoom}, {{animate: false}});"
                 f" return there; }})()")


def test_place_names_of_the_basemap_grow_with_zoom(page: Page) -> None:
    first = page.eval("movemap.placeLabels()")
    assert "Moscow" in first and "Ussuriysk" not in first  # 10 million: named far out
    _set_view(page, 43.8, 131.9, 7)
    _until(page, "movemap.placeLabels().includes('Vladivostok')")
    near = page.eval("movemap.placeLabels()")
    assert {"Vladivostok", "Ussuriysk", "Nakhodka"} <= set(near)
    assert "Moscow" not in near  # names are shown in and around the view only
    assert page.requests == [page.url] and page.errors == []


def test_search_box_goes_to_places_and_units(page: Page) -> None:
    search = page.page.locator(".mm-search-input")
    options = page.eval("Array.from(document.querySelectorAll('#mm-search-list option'))"
                        ".map(o => o.value)")
    assert {"Vladivostok", "Chongjin", "Kursk Oblast", "Advance group for the Kursk front"} \
        <= set(options)
    search.fill("vladivostok")
    search.press("Enter")
    _until(page, "(() => { const c = movemap.map.getCenter();"
                 " return Math.abs(c.lat - 43.1) < 0.3 && Math.abs(c.lng - 131.9) < 0.3; })()")
    assert search.input_value() == "Vladivostok"
    search.fill("advance group")  # part of a unit's name: its layers come into view
    search.press("Enter")
    assert search.input_value() == "Advance group for the Kursk front"
    _until(page, "movemap.map.getBounds().contains([51.7, 36.2])")
    search.fill("Atlantis")
    search.press("Enter")
    assert page.page.locator(".mm-search.mm-search-none").count() == 1
    assert page.errors == []


def _haversine_km(a: dict[str, float], b: dict[str, float]) -> float:
    import math

    lat1, lat2 = math.radians(a["lat"]), math.radians(b["lat"])
    dlat, dlon = lat2 - lat1, math.radians(b["lng"] - a["lng"])
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_distance_tool_measures_along_the_great_circle(page: Page) -> None:
    _set_view(page, 48, 100, 4)
    page.page.locator(".mm-measure-button").click()
    box = page.eval("(() => { const r = movemap.map.getContainer().getBoundingClientRect();"
                    " return [r.left, r.top]; })()")
    clicks = [(400, 380), (900, 300), (1000, 520)]
    points = []
    for x, y in clicks:
        page.page.mouse.click(box[0] + x, box[1] + y)
        points.append(page.eval(f"movemap.map.containerPointToLatLng([{x}, {y}])"))
    expected = sum(_haversine_km(a, b) for a, b in itertools.pairwise(points))
    measured = page.eval("movemap.measuredKm()")
    assert measured == pytest.approx(expected, rel=0.002)
    text = page.page.locator(".mm-measure-text").inner_text()
    assert text == f"{round(measured):,} km"
    page.page.locator(".mm-measure-button").click()  # off: the line goes
    assert page.eval("movemap.measuredKm()") == 0
    assert page.errors == []


def test_screenshot(page: Page, tmp_path: Path) -> None:
    # `make screenshot` sets MOVEMAP_SCREENSHOT to refresh the README's picture
    shot = Path(os.environ.get("MOVEMAP_SCREENSHOT") or tmp_path / "dprk-russia-2024.png")
    page.set_day(date(2024, 10, 20))
    page.page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000  # a drawn map, not a blank page


def _evil_dataset(tmp_path: Path) -> Path:
    name, place, note, source, template = (json.dumps(e) for e in EVIL)  # JSON is YAML
    title = json.dumps(EVIL[0])
    text = f"""movemap: 1
name: evil
title: {title}
sources:
  - id: s1
    publisher: {source}
    title: {name}
units:
  - id: u1
    name: {name}
  - id: u2
    name: {place}
  - id: u3
    name: {template}
legs:
  - id: leg1
    unit: u1
    from: {{name: {place}, lat: 41.8, lon: 129.8}}
    to: {{name: {source}, lat: 43.1, lon: 131.9}}
    start: 2024-10-08
    end: 2024-10-13
    mode: air
    sources: [s1]
    notes: {note}
stations:
  - id: st1
    unit: u2
    at: {{name: {note}, lat: 43.1, lon: 131.9}}
    start: 2024-10-13
    strength: 10
    sources: [s1]
    notes: {name}
"""
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_injection_corpus_runs_nothing_and_shows_text(browser: Any, tmp_path: Path) -> None:
    dataset = read_dataset(_evil_dataset(tmp_path))
    html_path = write_map(dataset, tmp_path / "evil.html")
    page = Page(browser, html_path)
    try:
        popup = page.open_popup("path.mm-leg")
        for text in EVIL[:4]:
            assert text in popup or text in page.page.locator("body").inner_text()
        page.page.hover(".leaflet-control-layers")
        controls = page.page.locator(".leaflet-control-layers").inner_text()
        assert EVIL[0] in controls and EVIL[1] in controls
        assert "{{ 7*7 }} {% raw %}" in controls  # not evaluated as a template
        assert EVIL[0] in page.page.locator(".mm-title").inner_text()
        assert page.eval("typeof window.__pwned") == "undefined"
        assert page.dialogs == [] and page.errors == []
        assert page.requests == [page.url]  # the img src=x was never loaded
        assert page.page.title() == EVIL[0]
    finally:
        page.page.close()
