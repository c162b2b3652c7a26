"""The map's HTML without a browser: self-contained, escaped, small, written atomically."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.errors import MovemapError
from movemap.model import Dataset
from movemap.render import make_map, render_html, write_map
from movemap.render.page_data import script_json

ROOT = Path(__file__).parent.parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"


@pytest.fixture(scope="module")
def page(dataset: Dataset) -> str:
    return render_html(dataset)


def test_no_external_resources(page: str) -> None:
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    # Leaflet's own source names a few pages (in comments and its attribution link) and
    # movemap's names the SVG namespace: text, never fetched (the browser tests check that)
    url = re.compile(r"https?://[^\s\"'<>)\\]+")
    assets = ROOT / "src" / "movemap" / "render" / "assets"
    leaflet = (assets / "leaflet.js").read_text() + (assets / "leaflet.css").read_text()
    allowed = set(url.findall(leaflet)) | {"http://www.w3.org/2000/svg"}
    assert set(url.findall(page)) <= allowed


def test_leaflet_inlined_with_its_licence(page: str) -> None:
    assert "Leaflet 1.9.4" in page and "BSD 2-Clause License" in page
    assert page.count("<script>") >= 2


def test_reference_map_is_small(tmp_path: Path, dataset: Dataset) -> None:
    path = write_map(dataset, tmp_path / "ref.html")
    assert path.stat().st_size < 5_000_000


def test_data_carries_every_record(page: str, dataset: Dataset) -> None:
    match = re.search(r"movemap\.init\(\w+, (\{.*?\}), (\{.*\})\);", page)
    assert match
    data = json.loads(match.group(1))
    ids = {data["strings"][leg["id"]] for leg in data["legs"]}
    assert ids == {leg.id for leg in dataset.legs}
    assert len(data["stations"]) == len(dataset.stations)
    sea = next(leg for leg in data["legs"] if data["strings"][leg["id"]] == "first-echelon-by-sea")
    assert len(sea["c"]) == 3  # one line per port of departure
    assert [data["strings"][i] for i in sea["t"][3:5]] == ["2024-10-08", "2024-10-13"]
    regions = {data["strings"][r["name"]] for r in data["regions"]}
    assert regions == {"Russian Far East", "Kursk Oblast"}


def test_script_json_cannot_close_its_script() -> None:
    text = script_json({"a": "</script><script>alert(1)</script>", "b": "<!-- x & y"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>", "b": "<!-- x & y"}


def test_online_tiles_are_opt_in(dataset: Dataset) -> None:
    page = render_html(dataset, tiles="osm")
    assert "tile.openstreetmap.org" in page
    assert '"land"' not in page.split("movemap.init(")[1]  # no offline basemap then
    with pytest.raises(MovemapError, match="unknown tile provider 'nowhere'"):
        render_html(dataset, tiles="nowhere")


def test_selection_by_unit_and_dates(dataset: Dataset) -> None:
    m = make_map(dataset, units=["first-echelon"])
    html = m.get_root().render()
    assert "first-echelon-by-sea" in html and "advance-group-to-kursk" not in html
    html = render_html(dataset, start=__import__("datetime").date(2024, 11, 1))
    assert "advance-group-to-kursk" in html and "first-echelon-by-sea" not in html


def test_make_map_shows_inline_as_an_iframe(dataset: Dataset) -> None:
    import folium

    m = make_map(dataset)
    assert isinstance(m, folium.Map)
    # Jupyter shows the page in an iframe: its HTML-escaped source must carry the map
    frame = re.search(r'srcdoc="([^"]*)"', m._repr_html_())
    assert frame is not None
    assert re.search(r"movemap\.init\(map_\w+, \{\"title\"", unescape(frame.group(1)))


def test_plain_geodataframe_explore_classifies(dataset: Dataset) -> None:
    """geopandas' own explore() on movemap's frame: a numeric column needs mapclassify."""
    import folium

    frame = dataset.to_geodataframe()
    m = frame.explore(column="strength", scheme="quantiles", k=3)
    assert isinstance(m, folium.Map)
    assert "first-echelon-by-sea" in m.get_root().render()


def test_cli_render_default_output_and_failure_leaves_nothing(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", str(REFERENCE)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(Path("out") / "dprk-russia-2024.html")
    assert (tmp_path / "out" / "dprk-russia-2024.html").stat().st_size > 100_000
    bad = CliRunner().invoke(cli, ["render", str(REFERENCE), "--units", "nope", "-o", "x.html"])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("movemap: error: --units: no unit 'nope' in dataset")
    assert not (tmp_path / "x.html").exists()
    assert list((tmp_path / "out").iterdir()) == [tmp_path / "out" / "dprk-russia-2024.html"]
