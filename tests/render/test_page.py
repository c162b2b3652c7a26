"""The page as a web artifact, without a browser: same bytes, language, zoom, policy."""

from __future__ import annotations

import base64
import hashlib
import re

from movemap.model import Dataset
from movemap.render import render_html
from movemap.render.finish import content_security_policy, tile_source


def _policy(page: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert match, "no Content-Security-Policy meta tag"
    return match.group(1)


def test_two_renders_are_byte_identical(dataset: Dataset) -> None:
    first, second = render_html(dataset), render_html(dataset)
    assert first == second
    assert re.search(r'id="map_[0-9a-f]{32}"', first) is None  # no random element ids


def test_language_and_a_zoomable_viewport(dataset: Dataset) -> None:
    page = render_html(dataset)
    assert '<html lang="en">' in page
    viewport = re.search(r'<meta name="viewport" content="([^"]+)">', page)
    assert viewport and "user-scalable=no" not in viewport.group(1)
    assert "maximum-scale" not in viewport.group(1)


def test_policy_forbids_the_network_and_allows_only_the_pages_own_scripts(
        dataset: Dataset) -> None:
    page = render_html(dataset)
    policy = _policy(page)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["img-src"] == "data:"
    assert "unsafe-eval" not in policy and "unsafe-inline" not in directives["script-src"]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) >= 3
    allowed = set(directives["script-src"].split())
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed
    assert "<script src" not in page and "<link" not in page


def test_online_tiles_open_only_their_host(dataset: Dataset) -> None:
    policy = _policy(render_html(dataset, tiles="osm"))
    assert "img-src data: https://tile.openstreetmap.org;" in policy
    assert "default-src 'none'" in policy


def test_tile_sources() -> None:
    assert tile_source("https://{s}.basemaps.cartocdn.com/x/{z}/{x}/{y}.png") == \
        "https://*.basemaps.cartocdn.com"
    assert tile_source("http://localhost:8080/{z}/{x}/{y}.png") == "http://localhost:8080"
    assert content_security_policy(["a", "a"]).count("sha256-") == 1


def test_no_script_the_page_inlines_evaluates_strings() -> None:
    from movemap.render import _assets

    for name in ("leaflet.js", "movemap.js"):
        source = _assets()[name]
        assert "eval(" not in source and "new Function" not in source, name
