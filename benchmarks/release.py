"""An earlier commit of movemap checked out beside this one, for benchmarks' baselines.

``checkout(commit, folder)`` adds a temporary git worktree of ``commit`` in ``folder``, copies
this checkout's built map assets into it (they are made from the npm lockfile, never
committed), yields the worktree, and removes it afterwards. The baseline then runs in a
subprocess with ``PYTHONPATH`` pointing at its ``src``.
"""

from __future__ import annotations

import shutil
import subprocess
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
