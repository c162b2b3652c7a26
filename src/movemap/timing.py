"""Steps logged with what they did and how long they took (``movemap -v`` shows them).

The library only logs, at INFO; the command line decides what is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter

__all__ = ["step"]


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
