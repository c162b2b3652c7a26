"""The routing stage of ``movemap validate``, timed inside its process (for ``scale_bench``).

Run as ``python benchmarks/routing_stage.py DATA [--release]`` with ``PYTHONPATH`` pointing at the
``src`` of the movemap to measure (this checkout's, or an earlier release's checked out by
``release.py``). It runs the validate command as the console script does and times the
checker's ``routes`` step, where every leg is routed: wall time and CPU time (user and
system, worker processes included). It prints one JSON line: ``seconds``, ``cpu``,
``failed`` and ``command_seconds`` (the whole command).

The previous release raises ``TypeError`` on a rail or road path of exactly one network
edge (scipy's sparse matrix indexed with one-element arrays gives a matrix, not a
number), which stops its ``validate`` at a few thousand legs. Here such a leg is caught
and counted in ``failed`` (its time up to the error counted too, its route left out), so
that its routing can be timed at every size; only with ``--release``, so that an error of
today's routing stops the run as it would stop the command.
"""

from __future__ import annotations

import contextlib
import json
import resource
import sys
import time
from types import SimpleNamespace
from typing import Any


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    data = sys.argv[1]
    release = "--release" in sys.argv[2:]
    import movemap.routing
    import movemap.validate
    from movemap.cli import main as cli_main

    stage: dict[str, Any] = {"seconds": 0.0, "cpu": 0.0, "failed": 0}
    checker = movemap.validate._Checker
    real_routes = checker.routes
    real_route = movemap.routing.route

    def routes(self: Any, *args: Any, **kwargs: Any) -> Any:
        started, cpu = time.perf_counter(), _cpu()
        try:
            return real_routes(self, *args, **kwargs)
        finally:
            stage["seconds"] += time.perf_counter() - started
            stage["cpu"] += _cpu() - cpu

    def route(*args: Any, **kwargs: Any) -> Any:
        try:
            return real_route(*args, **kwargs)
        except TypeError:  # the previous release's one-edge paths (see above)
            stage["failed"] += 1
            return SimpleNamespace(warnings=(), approximate=True)

    checker.routes = routes
    if release:
        movemap.routing.route = route
    sys.argv = ["movemap", "validate", data]
    started = time.perf_counter()
    with contextlib.suppress(SystemExit):
        cli_main()
    stage["command_seconds"] = time.perf_counter() - started
    sys.stdout.flush()
    print("ROUTING-STAGE " + json.dumps(stage), file=sys.__stdout__, flush=True)


if __name__ == "__main__":
    main()
