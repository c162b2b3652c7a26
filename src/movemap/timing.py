"""Steps logged with what they did and how long they took (``movemap -v`` shows them),
and the garbage collector paused while a step builds many objects that stay.

The library only logs, at INFO; the command line decides what is shown.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter

__all__ = ["few_collections", "step"]


@contextmanager
def step(log: logging.Logger, what: str) -> Iterator[list[str]]:
    """Log ``what`` when the block ends, with the details it appended and the time it took.

    >>> import logging
    >>> with step(logging.getLogger("movemap.example"), "read x.yaml") as done:
    ...     done.append("3 legs")
    """
    started = perf_counter()
    details: list[str] = []
    yield details
    if log.isEnabledFor(logging.INFO):
        said = f": {', '.join(details)}" if details else ""
        log.info("%s%s (%.2f s)", what, said, perf_counter() - started)


@contextmanager
def few_collections() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector paused.

    Building the nodes of a 20,000-leg file, or its records, makes millions of objects that
    all stay alive; each collection the allocations set off walks every one of them again
    and finds nothing to free (a file's tree holds no cycles), which doubled the time to read
    one. Reference counting frees everything else as usual; the collector is restored as it
    was, and makes up in its next run.

    >>> import gc
    >>> with few_collections():
    ...     gc.isenabled()
    False
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
