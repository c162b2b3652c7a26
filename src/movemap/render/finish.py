"""The map page as a web artifact: the same bytes every time, a language, and a lock.

folium gives every element a random id and a viewport that forbids zooming; a page made
here is then made reproducible and locked down:

- **stable ids**: every element of the figure is numbered in document order, so two renders
  of the same dataset with the same options are byte-identical;
- **language and zoom**: ``<html lang="en">``; the viewport lets readers zoom the page;
- **Content-Security-Policy**: a ``<meta>`` policy that forbids every request
  (``default-src 'none'``), runs only the page's own inline scripts (each allowed by its
  SHA-256 hash: no ``eval``, nothing injected later), allows inline styles and ``data:``
  images (Leaflet's icons, the unit symbols), and, with online tiles, images from that tile
  host alone.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["content_security_policy", "finish_page", "stable_ids", "tile_source"]

_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>')
_HTML = re.compile(r"<html>", re.I)
_HEAD = re.compile(r'<meta http-equiv="content-type"[^>]*>|<head>', re.I)


def stable_ids(root: Any) -> None:
    """Number every element under a branca figure in document order (replaces random ids)."""
    counter = 0

    def visit(element: Any) -> None:
        nonlocal counter
        element._id = f"{counter:04d}"
        counter += 1
        for child in element._children.values():
            visit(child)

    visit(root)


def tile_source(url_template: str) -> str:
    """The CSP source of a tile URL template: its scheme and host, subdomains as ``*``.

    >>> tile_source("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")
    'https://*.tile.openstreetmap.org'
    >>> tile_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    'https://tile.openstreetmap.org'
    """
    parts = urlsplit(url_template.replace("{s}", "SUBDOMAIN"))
    host = (parts.hostname or "").replace("subdomain", "*")
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def content_security_policy(scripts: list[str], tile_host: str | None = None) -> str:
    """The page's policy: nothing from the network, only these inline scripts."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in dict.fromkeys(scripts))
    images = "data:" + (f" {tile_host}" if tile_host else "")
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            f"img-src {images}; base-uri 'none'; form-action 'none'")


def finish_page(page: str, tile_host: str | None = None) -> str:
    """folium's rendered page with a language, a zoomable viewport and the policy."""
    policy = content_security_policy(_SCRIPT.findall(page), tile_host)
    page = _HTML.sub('<html lang="en">', page, count=1)
    page = _VIEWPORT.sub('<meta name="viewport" content="width=device-width, '
                         'initial-scale=1.0">', page, count=1)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return _HEAD.sub(lambda m: f"{m.group(0)}\n    {meta}", page, count=1)
