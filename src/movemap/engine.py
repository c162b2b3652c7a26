"""Where batch work runs: in this process, or on Dask.

Heavy steps (drafting a corpus of reports, routing a dataset of many legs) are cut into
batches, and a batch is one call of a picklable task. An engine runs the calls and yields
their results as they finish (in any order: each result names what it is for):

- ``serial`` (:class:`SerialEngine`): this process, one batch after another;
- ``dask`` (:class:`DaskEngine`): Dask's local scheduler in worker processes (``workers``,
  one per core by default), or a ``dask.distributed`` cluster when ``scheduler`` gives its
  address. Batches are taken from their iterator as the work proceeds, a bounded number in
  flight, so the input's size does not matter; a batch whose worker dies is run again on
  another worker.

A task must be a pure function of its batch (running it twice gives the same result), so
that every engine gives the serial result. :data:`ENGINES` lists them by name for the CLI.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from movemap.errors import MissingDependencyError, MovemapError

__all__ = ["ENGINES", "DaskEngine", "Engine", "SerialEngine", "batches", "make_engine"]

B = TypeVar("B")
R = TypeVar("R")


class Engine(Protocol):
    """Runs ``task`` on each batch and yields the results as they finish."""

    def map(self, task: Callable[[B], R], batches: Iterator[B]) -> Iterator[R]: ...


class SerialEngine:
    """Every batch in this process, in order."""

    def map(self, task: Callable[[B], R], batches: Iterator[B]) -> Iterator[R]:
        for batch in batches:
            yield task(batch)


class DaskEngine:
    """Batches on Dask: the local scheduler's processes, or a distributed cluster."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            import dask  # noqa: F401
        except ImportError:
            raise MissingDependencyError(
                "the dask engine needs dask: pip install 'movemap[dask]'") from None
        self.scheduler = scheduler
        self.workers = workers

    def map(self, task: Callable[[B], R], batches: Iterator[B]) -> Iterator[R]:
        if self.scheduler:
            yield from self._distributed(task, batches)
        else:
            yield from self._local(task, batches)

    def _local(self, task: Callable[[B], R], batches: Iterator[B]) -> Iterator[R]:
        from concurrent.futures import ProcessPoolExecutor

        import dask

        workers = self.workers or os.cpu_count() or 1
        # one pool for the whole run, so that each process loads its data (the gazetteer,
        # the networks) once
        with ProcessPoolExecutor(workers) as pool:
            while window := list(itertools.islice(batches, workers * 4)):
                tasks = [dask.delayed(task, pure=True)(batch) for batch in window]
                yield from dask.compute(*tasks, scheduler="processes", pool=pool)

    def _distributed(self, task: Callable[[B], R], batches: Iterator[B]) -> Iterator[R]:
        try:
            from distributed import Client, as_completed
        except ImportError:
            raise MissingDependencyError(
                "a Dask scheduler needs distributed: pip install 'movemap[dask]'") from None
        try:
            client = Client(self.scheduler, timeout="10s")
        except OSError as exc:
            raise MovemapError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}",
                               field="scheduler") from None
        with client:
            slots = 4 * max(1, len(client.scheduler_info().get("workers", {})))
            pending = as_completed()
            for batch in itertools.islice(batches, slots):
                pending.add(client.submit(task, batch, retries=3, pure=False))
            for future in pending:
                yield future.result()
                future.release()
                for batch in itertools.islice(batches, 1):
                    pending.add(client.submit(task, batch, retries=3, pure=False))


ENGINES: dict[str, Callable[..., Engine]] = {"serial": SerialEngine, "dask": DaskEngine}


def make_engine(name: str = "serial", *, scheduler: str | None = None,
                workers: int | None = None) -> Engine:
    """The engine of this name (``serial`` or ``dask``), with Dask's options."""
    if name not in ENGINES:
        raise MovemapError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}",
                           field="engine")
    if name == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers)
    return SerialEngine()


def batches(items: Iterable[B], size: int) -> Iterator[list[B]]:
    """``items`` in lists of ``size`` (the last one shorter), lazily."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
