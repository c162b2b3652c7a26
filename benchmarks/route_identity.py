"""Whether a change to routing's mechanics left every route as it was, cold.

Run with ``python benchmarks/route_identity.py --save FILE`` before a change and
``python benchmarks/route_identity.py --check FILE`` after it. It writes the scale
benchmark's dataset of ``--legs`` legs (``scale_bench.generate``: real city pairs, mixed
modes, a fixed seed), routes every leg with an empty route cache (a fresh folder into which
only the gazetteer index and the network arrays of ``--seed-cache`` are linked, so that
nothing is served from routes kept before), and keeps, for each leg and origin, its length
(``repr``: every digit), ``approximate``, its warnings and a SHA-256 of its points' bytes.
``--check`` names each leg whose route changed and exits 1 if any did. ``--processes 2``
routes on two processes, as the command line does on two cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from pathlib import Path

HERE = Path(__file__).parent


def _routes(data: Path) -> dict[str, list[object]]:
    import numpy as np

    from movemap import read_dataset
    from movemap.located import locate

    located = locate(read_dataset(data))
    out: dict[str, list[object]] = {}
    for leg in located.dataset.legs:
        for n, route in enumerate(located.routes[leg.id]):
            points = np.ascontiguousarray(np.asarray(route.points, dtype=float))
            out[f"{leg.id}/{n}"] = [repr(route.length_km), route.approximate,
                                    list(route.warnings), len(points),
                                    hashlib.sha256(points.tobytes()).hexdigest()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the routes' digests here")
    action.add_argument("--check", type=Path, help="compare with the digests written here")
    parser.add_argument("--legs", type=int, default=2000, help="legs of the dataset")
    parser.add_argument("--seed", type=int, default=2000, help="the dataset's random seed")
    sys.path.insert(0, str(HERE))
    from scale_bench import default_seed_cache, generate, seeded_cache_env

    parser.add_argument("--seed-cache", type=Path, default=default_seed_cache(),
                        help="a cache folder whose gazetteer index and network arrays are "
                        "linked into the fresh one (default: MOVEMAP_CACHE_DIR's; none "
                        "when it is unset)")
    parser.add_argument("--processes", type=int, default=1,
                        help="route on this many processes (the command line's way with 2 "
                        "or more; the routes must not depend on it)")
    options = parser.parse_args()
    from movemap.located import route_in_processes

    route_in_processes(options.processes)
    logging.disable(logging.WARNING)  # the routes' warnings are compared, not shown

    with seeded_cache_env(options.seed_cache, "movemap-identity-") as tmp:
        data = tmp / "data.yaml"
        generate(options.legs, data, seed=options.seed)
        now = _routes(data)
    if options.save:
        options.save.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{len(now)} routes saved to {options.save}")
        return
    before = json.loads(options.check.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in changed[:50]:
        print(f"changed: {key}: {before.get(key)} -> {now.get(key)}")
    print(f"{len(now) - len(changed)} of {len(now)} routes identical; {len(changed)} changed")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
