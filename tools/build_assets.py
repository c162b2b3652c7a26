"""Copy the pinned JavaScript and CSS that maps inline from node_modules into the package.

Run by ``make assets`` after ``npm ci`` (package-lock.json pins every version). Writes
``src/movemap/render/assets/``: ``leaflet.js``, ``leaflet.css`` (its images inlined as data
URIs, so that a map never asks for a file), the licence, and ``manifest.json`` with the
versions. Nothing here is committed: it is made from the registry's packages.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "movemap" / "render" / "assets"


def _inline_images(css: str, folder: Path) -> str:
    def data_uri(match: re.Match[str]) -> str:
        path = folder / match.group(1)
        kind = "image/svg+xml" if path.suffix == ".svg" else f"image/{path.suffix[1:]}"
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:{kind};base64,{encoded})"

    return re.sub(r"url\((images/[^)]+)\)", data_uri, css)


def main() -> None:
    leaflet = ROOT / "node_modules" / "leaflet"
    if not (leaflet / "dist" / "leaflet.js").is_file():
        sys.exit("node_modules/leaflet is missing: run `npm ci` first (make assets does)")
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/leaflet"]["version"]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "leaflet.js").write_text((leaflet / "dist" / "leaflet.js").read_text("utf-8"), "utf-8")
    css = (leaflet / "dist" / "leaflet.css").read_text(encoding="utf-8")
    (OUT / "leaflet.css").write_text(_inline_images(css, leaflet / "dist"), encoding="utf-8")
    (OUT / "LEAFLET-LICENSE").write_text((leaflet / "LICENSE").read_text("utf-8"), "utf-8")
    manifest = {"leaflet": {"version": version, "license": "BSD-2-Clause",
                            "source": "npm package leaflet, pinned by package-lock.json"}}
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"assets: leaflet {version} -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
