"""The inline notebook map: light displays, shared parts once per kernel, offline in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import movemap
from movemap.errors import InvalidValueError
from movemap.located import Located
from movemap.render import _assets, inline
from movemap.render.inline import InlineMap

KB = 1000
LEAFLET = _assets()["leaflet.js"][-300:]  # Leaflet's own script, not the display's


@pytest.fixture
def fresh() -> Iterator[None]:
    """A new kernel session: nothing sent yet."""
    inline.forget_sent()
    yield
    inline.forget_sent()


def test_first_display_carries_the_shared_parts_and_later_ones_only_data(
        located: Located, fresh: None) -> None:
    first = movemap.explore(located)
    second = movemap.explore(located, on="2024-10-20", units=["first-echelon"])
    one, two = first._repr_html_(), second._repr_html_()
    assert LEAFLET in one and "window.movemap = " in one and "movemapBase" in one
    assert LEAFLET not in two and "window.movemap = " not in two
    assert len(one) <= 400 * KB
    assert len(two) <= 100 * KB
    # the same display again sends nothing shared either
    assert LEAFLET not in first._repr_html_()


def test_standalone_displays_carry_everything(located: Located, fresh: None) -> None:
    movemap.explore(located)._repr_html_()
    again = movemap.explore(located, standalone=True)._repr_html_()
    assert LEAFLET in again and "movemapBase" in again


def test_on_opens_the_map_on_that_day(located: Located) -> None:
    shown = movemap.explore(located, on="2024-10-20")
    assert '"onDay":true' in shown.data_json
    assert f'"day":{(date(2024, 10, 20) - date(1970, 1, 1)).days}' in shown.data_json
    assert '"onDay"' not in movemap.explore(located).data_json
    with pytest.raises(InvalidValueError):
        movemap.explore(located, height=50)
    with pytest.raises(InvalidValueError, match="one day"):
        movemap.explore(located, on="2024-10")


def test_save_writes_the_page_of_movemap_render(located: Located, tmp_path: Path) -> None:
    from movemap.render import render_html

    shown = movemap.explore(located, on="2024-10-20", units=["first-echelon"])
    path = shown.save(tmp_path / "first.html")
    assert path.read_text(encoding="utf-8") == render_html(located, units=["first-echelon"])


def test_dataset_and_located_explore(dataset: movemap.Dataset, located: Located) -> None:
    assert isinstance(dataset.explore(units=["first-echelon"]), InlineMap)
    assert isinstance(located.explore(), InlineMap)


def test_dataset_strings_stay_text(located: Located, fresh: None) -> None:
    import dataclasses

    evil = "</script><script>window.__pwned=1</script>"
    data = dataclasses.replace(located.dataset, title=evil)
    shown = movemap.explore(dataclasses.replace(located, dataset=data))._repr_html_()
    assert "</script><script>window.__pwned" not in shown
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned=1" in shown


@pytest.mark.browser
def test_two_displays_draw_offline_in_chromium(browser: Any, located: Located, fresh: None,
                                               tmp_path: Path) -> None:
    """A notebook's page in miniature: two outputs, one after the other, in one document."""
    displays = [movemap.explore(located)._repr_html_(),
                movemap.explore(located, on="2024-10-20", units=["first-echelon"],
                                height=420)._repr_html_()]
    page_path = tmp_path / "notebook.html"
    page_path.write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>nb</title></head>"
        "<body><div class='cell'><p>Some text above the map.</p></div>"
        + "".join(f"<div class='output'>{d}</div>" for d in displays)
        + "<div style='height:1500px'>after</div></body></html>", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(page_path.as_uri())
        page.wait_for_function(
            "document.querySelectorAll('.mm-inline .leaflet-container').length === 2 &&"
            " document.querySelectorAll('.mm-inline path.leaflet-interactive').length > 4",
            timeout=20_000)
        assert errors == []
        assert requests == [page_path.as_uri()]
        boxes = page.evaluate("""() => [...document.querySelectorAll('.mm-inline')].map(w => {
            const r = w.getBoundingClientRect();
            const inside = sel => { const e = w.querySelector(sel).getBoundingClientRect();
              return e.top >= r.top && e.bottom <= r.bottom + 1 && e.left >= r.left &&
                     e.right <= r.right + 1; };
            return {height: Math.round(r.height), title: inside('.mm-title'),
                    time: inside('.mm-time'), legend: inside('.mm-legend'),
                    fixed: getComputedStyle(w.querySelector('.mm-time')).position,
                    basemap: w.querySelectorAll('path').length,
                    all: w.querySelector('.mm-all input').checked}; })""")
        assert [b["height"] for b in boxes] == [560, 420]
        for box in boxes:
            assert box["title"] and box["time"] and box["legend"], box
            assert box["fixed"] == "absolute"
            assert box["basemap"] > 10
        assert page.evaluate("document.head.querySelector('#movemap-inline-style') !== null")
        # the second opens on its day, the first on all dates, as the page does
        assert boxes[0]["all"] is True and boxes[1]["all"] is False
        # a key pressed outside the maps is the notebook's: no map moves its day
        day = page.evaluate("document.querySelectorAll('.mm-slider')[1].value")
        page.click("p")
        page.keyboard.press(".")
        assert page.evaluate("document.querySelectorAll('.mm-slider')[1].value") == day
    finally:
        page.close()
