"""Build hook: the wheel and the sdist carry the map's JavaScript and CSS.

They are made from the npm packages that ``package-lock.json`` pins, never hand-copied:
when ``src/movemap/render/assets/`` is missing or its manifest names other versions than the
lockfile, the hook runs ``npm ci`` (unless ``node_modules`` already holds what the lockfile
pins) and then ``tools/build_assets.py``. An sdist carries ``package.json``, the lockfile,
the script and the built assets, so it builds a wheel without npm and can rebuild the
assets with it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_MANIFEST = Path("src/movemap/render/assets/manifest.json")
_NEEDED = ("leaflet.js", "leaflet.css", "LEAFLET-LICENSE", "manifest.json")


def _versions_match(manifest: Path, lock: Path) -> bool:
    """Whether the built assets are those of the packages the lockfile pins."""
    built = json.loads(manifest.read_text(encoding="utf-8"))
    pinned = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    return all(pinned.get(f"node_modules/{name}", {}).get("version") == entry.get("version")
               for name, entry in built.items())


def _node_modules_match(root: Path, lock: Path) -> bool:
    """Whether ``node_modules`` holds every package the map needs at the version the lockfile
    pins (development packages, such as the browser tests' axe-core, are not built in)."""
    pinned = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    for key, entry in pinned.items():
        if not key.startswith("node_modules/") or entry.get("dev"):
            continue
        package = root / key / "package.json"
        if not package.is_file():
            return False
        if json.loads(package.read_text(encoding="utf-8")).get("version") != entry["version"]:
            return False
    return True


class AssetsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        assets = root / _MANIFEST.parent
        lock = root / "package-lock.json"
        if all((assets / name).is_file() for name in _NEEDED) and (
                not lock.is_file() or _versions_match(assets / "manifest.json", lock)):
            return
        if not lock.is_file():
            raise RuntimeError(f"movemap's map assets are missing from {assets} and there is no "
                               "package-lock.json to build them from")
        if not _node_modules_match(root, lock):
            npm = shutil.which("npm")
            if npm is None:
                raise RuntimeError("building movemap's map assets needs npm (Debian: apt-get "
                                   "install npm), or build from movemap's sdist, which carries "
                                   "them")
            self.app.display_info("npm ci (the map's JavaScript, pinned by package-lock.json)")
            subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=root, check=True)
        subprocess.run([sys.executable, str(root / "tools" / "build_assets.py")], cwd=root,
                       check=True)
