"""The timeline under the interactive map, in Chromium: where it is, its marker following the
time slider, a bar moving the slider, the keyboard, and the page's security policy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from movemap.located import Located
from movemap.queries import leg_window
from movemap.render import write_map

pytestmark = pytest.mark.browser

EPOCH = date(1970, 1, 1)


def day_number(day: date) -> int:
    return (day - EPOCH).days


@pytest.fixture(scope="module")
def reference_map(tmp_path_factory: pytest.TempPathFactory, located: Located) -> Path:
    return write_map(located, tmp_path_factory.mktemp("timeline") / "reference.html")


@pytest.fixture
def page(browser: Any, reference_map: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(reference_map.resolve().as_uri())
    page.wait_for_function("window.movemapReady === true", timeout=60_000)
    page.evaluate("window.__violations = []; document.addEventListener("
                  "'securitypolicyviolation', e => window.__violations.push("
                  "e.effectiveDirective + ' ' + e.blockedURI))")
    yield page
    context.close()


def box(page: Any, selector: str) -> dict[str, float]:
    found: dict[str, float] = page.locator(selector).bounding_box()
    assert found is not None, selector
    return found


def marker_x(page: Any) -> float:
    line = box(page, ".mm-chart-day")
    return line["x"] + line["width"] / 2


def marker_shown(page: Any) -> bool:
    shown: bool = page.locator(".mm-chart-day").evaluate(
        "n => getComputedStyle(n).display !== 'none'")
    return shown


def show_day(page: Any, day: date) -> None:
    page.locator("#mm-slider").fill(str(day_number(day)))
    assert page.locator(".mm-day").inner_text() == day.isoformat()


def test_the_chart_is_under_the_map_with_a_row_per_unit_and_a_bar_per_record(
        page: Any, located: Located) -> None:
    chart, the_map = box(page, ".mm-chart"), box(page, ".mm-map")
    assert chart["y"] >= the_map["y"] + the_map["height"] - 1  # below the map, not over it
    assert chart["y"] + chart["height"] <= 900 + 1 and chart["height"] > 100
    dataset = located.dataset
    bars = page.locator(".mm-chart-bar")
    assert bars.count() == len(dataset.legs) + len(dataset.stations)
    labels = set(page.locator(".mm-chart-bar").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-id'))"))
    assert labels == {r.id for r in (*dataset.legs, *dataset.stations)}
    units = page.locator(".mm-chart-units title").evaluate_all(
        "nodes => nodes.map(n => n.textContent)")
    assert units == [u.name for u in dataset.units
                     if any(r.unit == u.id for r in (*dataset.legs, *dataset.stations))]
    assert page.evaluate("window.__violations") == []


def test_the_marker_moves_with_the_slider_along_the_days(page: Any, located: Located) -> None:
    leg = next(leg for leg in located.dataset.legs if leg.id == "first-echelon-by-sea")
    departure, arrival, _ = leg_window(leg, located.length_km(leg))
    assert (departure, arrival) == (date(2024, 10, 8), date(2024, 10, 13))
    bar = box(page, '.mm-chart-bar[data-id="first-echelon-by-sea"]')
    show_day(page, departure)
    at_departure = marker_x(page)
    page.keyboard.type(".")  # a day on, by the page's own shortcut
    assert page.locator(".mm-day").inner_text() == "2024-10-09"
    day_width = marker_x(page) - at_departure
    assert day_width > 2
    # the line stands in the middle of the slider's day: half a day inside the bar's ends
    assert at_departure - bar["x"] == pytest.approx(day_width / 2, abs=1)
    show_day(page, date(2024, 10, 12))
    assert bar["x"] + bar["width"] - marker_x(page) == pytest.approx(day_width / 2, abs=1)
    page.keyboard.type("a")  # all dates: no day to mark
    assert not marker_shown(page)
    page.keyboard.type(",")
    assert marker_shown(page)
    assert page.locator(".mm-day").inner_text() == "2024-10-11"


def test_clicking_a_bar_moves_the_slider_to_its_start(page: Any, located: Located) -> None:
    page.locator('.mm-chart-bar[data-id="first-echelon-in-far-east"]').click()
    assert page.locator(".mm-day").inner_text() == "2024-10-13"
    assert page.locator("#mm-slider").input_value() == str(day_number(date(2024, 10, 13)))
    assert "first-echelon-in-far-east" in page.evaluate("window.movemap.visibleStations()")
    bar = box(page, '.mm-chart-bar[data-id="first-echelon-in-far-east"]')
    assert bar["x"] < marker_x(page) < bar["x"] + bar["width"]  # the marker went along
    page.locator('.mm-chart-bar[data-id="first-echelon-by-sea"]').click()
    assert page.locator(".mm-day").inner_text() == "2024-10-08"
    first_echelon = next(u.name for u in located.dataset.units if u.id == "first-echelon")
    assert first_echelon in page.evaluate("window.movemap.movingUnits()")


def test_the_bars_are_one_keyboard_stop_named_for_what_they_are(page: Any,
                                                                 located: Located) -> None:
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.getAttribute('class') || ''"))
        if stops[-1] == "mm-chart-bar":
            break
    assert stops[-1] == "mm-chart-bar", stops
    assert stops.index("mm-chart-toggle") == len(stops) - 2  # the chart's toggle, then bars
    dataset = located.dataset
    force = next(u for u in dataset.units if u.id == "dprk-force")  # the first row
    leg = next(leg for leg in dataset.legs if leg.unit == force.id)
    first = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert first == (f"{force.name}: North Korea to Russia by {leg.mode.value}, {leg.start} "
                     f"(arrival estimated), {leg.status.value}")
    page.keyboard.press("ArrowRight")
    second = page.evaluate("document.activeElement.getAttribute('data-id')")
    assert page.evaluate("document.activeElement.getAttribute('tabindex')") == "0"
    assert page.locator('.mm-chart-bar[tabindex="0"]').count() == 1
    page.keyboard.press("Enter")
    start = page.evaluate(f"""(() => {{
        const d = window.movemap.data;
        const i = d.legs.findIndex(l => d.strings[l.id] === {second!r});
        return i >= 0 ? d.legs[i].d[d.keys.span.indexOf('departure')]
                      : d.stations.find(s => d.strings[s.id] === {second!r})
                          .w[d.keys.window.indexOf('first')];
    }})()""")
    assert page.locator("#mm-slider").input_value() == str(start)
    page.keyboard.press("Tab")  # after the bars: the legend
    assert "mm-legend-toggle" in page.evaluate("document.activeElement.className")


def test_the_chart_folds_away_and_the_map_takes_the_room(page: Any) -> None:
    before = box(page, ".mm-map")["height"]
    page.locator(".mm-chart-toggle").click()
    assert page.locator(".mm-chart-toggle").get_attribute("aria-expanded") == "false"
    assert not page.locator(".mm-chart-svg").is_visible()
    assert box(page, ".mm-map")["height"] > before + 50
    page.locator(".mm-chart-toggle").click()
    assert page.locator(".mm-chart-svg").is_visible()
    assert box(page, ".mm-map")["height"] == pytest.approx(before, abs=1)
