"""Realism benchmark: would an analyst accept the routes drawn for documented real movements?

Run with ``python benchmarks/realism_bench.py [--part dev|test|all] [--only ID]``. The cases
are in ``benchmarks/realism/cases.yaml`` (sources and reasoning per case). They are split once,
by a fixed rule on the case id (``split``), into a development part (tuned on) and a test
part (reported). For each case it prints, for movemap now, for the previous release (commit
``RELEASE``, run in a subprocess from a temporary ``git worktree``) and for plain shortest
paths over today's data (no country constraint, no line classes, ends joined to the nearest
node; raw ``searoute`` for sea), all in the same run:

- the countries the route crosses (Natural Earth 1:50m; a country crossed for less than
  ``NOISE_KM`` is border noise and left out);
- its length against the real one;
- for sea legs, the km over land (``SEA_SKIP_KM`` left out at each end);

and whether it is acceptable: routed (not a great-circle fallback; a route whose only mark is
an end joined to its line by a straight stretch, with a warning that says so, counts as
routed), inside the countries the real route may cross, within the length tolerance, and (sea)
at most ``SEA_LAND_KM`` over land.
A line ``N of M acceptable`` sums each column. A route that enters a country its case does not
allow and carries no warning is counted as *silent*.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
import yaml

from movemap.routing.geodesic import GEOD

sys.path.insert(0, str(Path(__file__).parent))
from release import PREVIOUS_RELEASE, checkout

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "benchmarks" / "realism" / "cases.yaml"
RELEASE = PREVIOUS_RELEASE
NOISE_KM = 2.0
SEA_SKIP_KM = 5.0
SEA_LAND_KM = 5.0
STEP_KM = 1.0
JOINED = "joined to it by a straight line"  # routing's warning for an end far from its line
FIRST_ROUNDS = 64  # the cases before this index were written in rounds 1-2
ROUND_3 = 114  # from FIRST_ROUNDS to this index: round 3
ROUND_4 = 139  # from ROUND_3 to this index: round 4 (blind)
ROUND_6 = 169  # from ROUND_4 to this index: round 6 (blind)
ROUND_9 = 202  # from ROUND_6 to this index: round 9 (dev only)
ROUND_11 = 246  # from ROUND_9 to this index: round 11 (dev only)
ROUND_12 = 266  # from ROUND_11 to this index: round 12, before its changes (dev only); the
# rest: round 12, written after them (dev only)

Point = tuple[float, float]


def split(case_id: str) -> str:
    """The part a case belongs to, fixed once: a third of the ids by hash are the test part."""
    return "test" if int(hashlib.sha256(case_id.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"


def load_cases(part: str = "all", only: str | None = None,
               group: str | None = None) -> list[dict[str, Any]]:
    """The cases of one part (or all); ``only``: whose id contains this text; ``group``:
    whose group holds it as whole words ("round 1" is not "round 11" nor "round 12b")."""
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    for index, case in enumerate(cases):
        # a case written from round 13 on names its group itself (``group:``)
        case["group"] = case.get("group") or ("first 64" if index < FIRST_ROUNDS else
                         "added in round 3" if index < ROUND_3 else
                         "added in round 4" if index < ROUND_4 else
                         "added in round 6" if index < ROUND_6 else
                         "added in round 9" if index < ROUND_9 else
                         "added in round 11" if index < ROUND_11 else
                         "added in round 12" if index < ROUND_12 else "added in round 12b")
    return [c for c in cases if (part == "all" or split(c["id"]) == part)
            and (only is None or only in c["id"])
            and (group is None or in_group(c["group"], group))]


def in_group(name: str, words: str) -> bool:
    """Whether the group ``name`` holds ``words`` as whole words.

    >>> in_group("added in round 12b", "round 12"), in_group("added in round 12", "round 12")
    (False, True)
    """
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", name) is not None


def stops(case: dict[str, Any]) -> list[Point]:
    ends = [case["from"], *case.get("via", []), case["to"]]
    return [(float(e[1]), float(e[2])) for e in ends]


@cache
def _countries() -> tuple[Any, list[str]]:
    import movemap.geodata

    data = json.loads(movemap.geodata.geo_path("countries.geojson").read_text(encoding="utf-8"))
    geoms = [shapely.geometry.shape(f["geometry"]) for f in data["features"]]
    codes = [f["properties"].get("iso_a2_eh") or f["properties"].get("iso_a2") or
             f["properties"].get("adm0_a3") for f in data["features"]]
    return shapely.STRtree(geoms), codes


def _samples(points: Sequence[Point]) -> list[Point]:
    out: list[Point] = []
    for a, b in itertools.pairwise(points):
        n = int(GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000 // STEP_KM)
        out.append(a)
        out.extend(GEOD.npts(a[0], a[1], b[0], b[1], n) if n else [])
    out.append(points[-1])
    return out


OUTLINES = ["fine", "50m"]  # the countries judged on: 1:10m near land borders, or 1:50m only


def countries_crossed(points: Sequence[Point], outline: str = OUTLINES[0]) -> dict[str, float]:
    """km of the line in each country, border noise (under NOISE_KM) left out.

    With the ``fine`` outlines (the default) a point near a land border is told apart on
    Natural Earth's 1:10m outline (``geo/borders_10m.geojson``, as routing does), elsewhere
    on the 1:50m one; ``50m`` judges on the 1:50m outlines only, as rounds 1-5 did (their
    border strays a few km in places: downtown El Paso falls in Mexico).
    """
    xy = np.asarray(_samples(points))
    km: dict[str, float] = {}
    if outline == "fine":
        from movemap.routing.countries import codes as fine_codes
        from movemap.routing.countries import countries_at

        # each step between samples counts its own length in the country of its midpoint
        # (a sample counted as a whole step adds a step to every run: a route's first km
        # from a town on a border would count twice)
        table = fine_codes()
        steps = np.asarray(GEOD.inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])[2]) / 1000
        for index, step in zip(countries_at((xy[:-1] + xy[1:]) / 2).tolist(), steps.tolist(),
                               strict=True):
            if index >= 0:
                km[table[index]] = km.get(table[index], 0.0) + step
    else:
        tree, codes = _countries()
        for index in tree.query(shapely.points(xy), predicate="within")[1]:
            km[codes[index]] = km.get(codes[index], 0.0) + STEP_KM
    return {c: k for c, k in sorted(km.items(), key=lambda kv: -kv[1]) if k >= NOISE_KM}


def land_km(points: Sequence[Point]) -> float:
    from movemap.routing.land import land_crossing_km

    return land_crossing_km(list(points), SEA_SKIP_KM)


@dataclass
class Verdict:
    length_km: float
    countries: dict[str, float]
    land_km: float
    routed: bool
    warned: bool
    ok: bool
    silent: bool
    why: str


def judge(case: dict[str, Any], points: Sequence[Point], length: float, approximate: bool,
          warnings: Sequence[str], outline: str = OUTLINES[0]) -> Verdict:
    """Whether an analyst would accept this route for this case, and why not."""
    why = []
    crossed = countries_crossed(points, outline) if case["mode"] != "sea" else {}
    stray = [c for c in crossed if c not in case.get("countries", [])]
    land = land_km(points) if case["mode"] == "sea" else 0.0
    joined_only = bool(warnings) and all(JOINED in w for w in warnings)
    if approximate and not joined_only:
        why.append("great circle")
    if stray:
        why.append("in " + ",".join(stray))
    real, tol = float(case["length_km"]), float(case["tol"])
    if abs(length - real) > tol * real:
        why.append(f"length {length / real - 1:+.0%}")
    if land > SEA_LAND_KM:
        why.append(f"{land:.0f} km over land")
    return Verdict(length, crossed, land, not approximate, bool(warnings), not why,
                   bool(stray) and not warnings, "; ".join(why))


REFUSED = Verdict(0.0, {}, 0.0, False, True, False, False, "refused")
"""The verdict on a case the router refuses (a sea leg's end it finds inland): not acceptable,
and not silent (the user gets an error, not a wrong line)."""


def ours(case: dict[str, Any]) -> tuple[list[Point], float, bool, list[str]] | None:
    """movemap's route for the case, or ``None`` when movemap refuses it with an error."""
    from movemap.errors import MovemapError
    from movemap.model import Mode
    from movemap.routing import route

    try:
        r = route(stops(case), Mode(case["mode"]), through=case.get("through", ()))
    except MovemapError:
        return None
    return list(r.points), r.length_km, r.approximate, list(r.warnings)


def plain(case: dict[str, Any]) -> tuple[list[Point], float, bool, list[str]]:
    """Plain shortest paths over today's data, or raw searoute for sea."""
    from movemap.routing import _length, default_networks
    from movemap.routing.geodesic import geodesic_km

    points = stops(case)
    out: list[Point] = [points[0]]
    approximate = False
    for a, b in itertools.pairwise(points):
        if case["mode"] == "sea":
            import warnings

            import searoute

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                coords = searoute.searoute(list(a), list(b), append_orig_dest=True)
            found: list[Point] | str = [(x, y) for x, y in coords["geometry"]["coordinates"]]
        else:
            network = getattr(default_networks(), "rail" if case["mode"] == "rail" else "road")
            found = network.plain_path(a, b)
        if isinstance(found, str):
            approximate = True
            found = [a, b]
        out.extend(found[1:])
    length = _length(out) if not approximate else sum(
        geodesic_km(*a, *b) for a, b in itertools.pairwise(points))
    return out, length, approximate, []


RELEASE_PROGRAM = """
import inspect, json, sys
from movemap.model import Mode
from movemap.routing import route
# an analyst's transit countries, where the commit's route() takes them
knows_through = "through" in inspect.signature(route).parameters
out = {}
for case in json.load(sys.stdin):
    extra = {"through": case["through"]} if knows_through else {}
    try:
        r = route([tuple(p) for p in case["stops"]], Mode(case["mode"]), **extra)
    except Exception as exc:  # a refusal (an inland end), from whatever error type it has
        if type(exc).__module__.startswith("movemap"):
            out[case["id"]] = None
            continue
        raise
    out[case["id"]] = [[list(p) for p in r.points], r.length_km, r.approximate,
                       list(r.warnings)]
json.dump(out, sys.stdout)
"""


def release(cases: list[dict[str, Any]], commit: str = RELEASE) -> dict[str, Any]:
    """The routes of an earlier commit (by default the previous release), computed in a
    subprocess from a temporary worktree."""
    with tempfile.TemporaryDirectory() as tmp, checkout(commit, Path(tmp) / "release") as tree:
        env = {**os.environ, "PYTHONPATH": str(tree / "src"),
               "MOVEMAP_CACHE_DIR": str(Path(tmp) / "cache")}
        payload = json.dumps([{"id": c["id"], "mode": c["mode"], "stops": stops(c),
                               "through": c.get("through", [])} for c in cases])
        done = subprocess.run([sys.executable, "-c", RELEASE_PROGRAM], input=payload,
                              capture_output=True, text=True, env=env, check=True)
        return json.loads(done.stdout)  # type: ignore[no-any-return]


def _cell(v: Verdict) -> str:
    if v is REFUSED:
        return "BAD refused (an error)"
    countries = ",".join(v.countries) or "-"
    extra = f" land {v.land_km:.0f}" if v.land_km else ""
    mark = "ok " if v.ok else "BAD"
    return f"{mark} {v.length_km:7,.0f} km {countries:<9}{extra}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "test", "all"], default="test")
    parser.add_argument("--only", help="only cases whose id contains this")
    parser.add_argument("--group", help="only cases whose group holds this as whole words "
                        "(\"round 12\": not round 12b)")
    parser.add_argument("--no-release", action="store_true",
                        help="skip the previous release (an --against commit is still run)")
    parser.add_argument("--against", default=None, metavar="COMMIT",
                        help="the earlier commit of the third column (default: the previous "
                             "release); a branch's base gives before and after in one run")
    parser.add_argument("--why", action="store_true", help="say why each route is not accepted")
    parser.add_argument("--summary", action="store_true",
                        help="no line per case: counts by mode and by reason only (the way "
                             "to look at the test part)")
    parser.add_argument("--outline", choices=OUTLINES, default=OUTLINES[0],
                        help="the country outlines routes are judged on (default: fine)")
    args = parser.parse_args(argv)
    cases = load_cases(args.part, args.only, args.group)
    # --against names the third column outright: --no-release only drops the default one
    wanted = args.against is not None or not args.no_release
    old = release(cases, args.against or RELEASE) if wanted else {}
    earlier = f"commit {args.against}" if args.against else f"release {RELEASE}"
    columns = ["movemap", "plain shortest", earlier]
    print(f"realism set, part {args.part}: {len(cases)} cases (countries judged on the "
          f"{args.outline} outlines)")
    if not args.summary:
        print(f"{'case':<36} {'real km':>8}  " + "".join(f"{c:<34}" for c in columns))
    groups = sorted({c["group"] for c in cases})
    totals = {(g, c): 0 for g in groups for c in columns}
    silent = {(g, c): 0 for g in groups for c in columns}
    by_mode: dict[tuple[str, str], list[int]] = {}
    reasons: dict[tuple[str, str], int] = {}
    for case in cases:
        routed = ours(case)
        results = {"movemap": REFUSED if routed is None else judge(case, *routed,
                                                                  outline=args.outline),
                   "plain shortest": judge(case, *plain(case), outline=args.outline)}
        if case["id"] in old:
            if old[case["id"]] is None:
                results[earlier] = REFUSED
            else:
                pts, length, approximate, warnings = old[case["id"]]
                results[earlier] = judge(case, [tuple(p) for p in pts], length, approximate,
                                         warnings, args.outline)
        line = f"{case['id']:<36} {case['length_km']:>8,}  "
        for column in columns:
            verdict = results.get(column)
            if verdict is None:
                line += f"{'-':<34}"
                continue
            totals[case["group"], column] += verdict.ok
            silent[case["group"], column] += verdict.silent
            counts = by_mode.setdefault((case["mode"], column), [0, 0])
            counts[0] += verdict.ok
            counts[1] += 1
            for reason in verdict.why.split("; ") if verdict.why else ():
                kind = ("third country" if reason.startswith("in ") else "over land"
                        if reason.endswith("over land") else reason.split(" ")[0]
                        if reason.startswith("length") else reason)
                reasons[kind, column] = reasons.get((kind, column), 0) + 1
            line += f"{_cell(verdict):<34}"
        if not args.summary:
            print(line)
        if args.why and not args.summary and not results["movemap"].ok:
            print(f"{'':<36} why: {results['movemap'].why}")
    print("-" * 150)
    shown = [c for c in columns if old or c != earlier]
    for group in [*groups, "all"]:
        members = groups if group == "all" else [group]
        size = sum(1 for case in cases if case["group"] in members)
        print(f"{group} ({size} cases): " + "  ".join(
            f"{c}: {sum(totals[g, c] for g in members)} of {size} acceptable, "
            f"{sum(silent[g, c] for g in members)} silently in a third country"
            for c in shown))
    for column in shown:
        modes = sorted({m for m, c in by_mode if c == column})
        print(f"{column} by mode: " + ", ".join(
            f"{m} {by_mode[m, column][0]} of {by_mode[m, column][1]}" for m in modes)
            + "; reasons: " + (", ".join(f"{k} {n}" for (k, c), n in sorted(reasons.items())
                                         if c == column) or "none"))


if __name__ == "__main__":
    main()
