"""An earlier commit of movemap checked out beside this one, for benchmarks' baselines.

``checkout(commit, folder)`` adds a temporary git worktree of ``commit`` in ``folder``, copies
this checkout's built map assets into it (they are made from the npm lockfile, never
committed), yields the worktree, and removes it afterwards. The baseline then runs in a
subprocess with :func:`environment`: ``PYTHONPATH`` pointing at its ``src`` and its own
cache folder (never the user's ``~/.cache``), kept between runs so that its gazetteer index
and networks are built once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).parent.parent
PREVIOUS_RELEASE = "a676895"


@contextmanager
def checkout(commit: str, folder: Path) -> Iterator[Path]:
    """A worktree of ``commit`` at ``folder`` (with this checkout's assets) while in use."""
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(folder),
                    commit], check=True, capture_output=True)
    try:
        assets = ROOT / "src" / "movemap" / "render" / "assets"
        if assets.is_dir():
            shutil.copytree(assets, folder / "src" / "movemap" / "render" / "assets",
                            dirs_exist_ok=True)
        yield folder
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)],
                       check=False, capture_output=True)


def environment(tree: Path) -> dict[str, str]:
    """The environment of a subprocess running the movemap of ``tree``: its ``src`` on the
    path, and its caches in ``previous-release`` inside ``MOVEMAP_CACHE_DIR`` when that is set
    (beside this checkout's), else in ``movemap-previous-release`` in the temporary folder.

    The cache entries are keyed by contents, so one folder serves any earlier commit.
    """
    mine = os.environ.get("MOVEMAP_CACHE_DIR")
    cache = (Path(mine) / "previous-release" if mine
             else Path(tempfile.gettempdir()) / "movemap-previous-release")
    return {**os.environ, "PYTHONPATH": str(tree / "src"), "MOVEMAP_CACHE_DIR": str(cache)}
