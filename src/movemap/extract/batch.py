"""Extraction over a corpus: one draft file per report, serially or on Dask.

The work is cut into batches of reports; a batch is one task that reads its reports, drafts
each one and writes each draft atomically into the output folder, and returns an
:class:`Outcome` per report (its output, or the error that stopped it). A task is a pure
function of its references and options, so running it twice (a retry after a worker died)
writes the same files, and every engine gives the drafts the serial run gives.

The batches run on an engine (``movemap.engine``: this process, or Dask's local scheduler or
a distributed cluster); the corpus is consumed as the work proceeds, so its size does not
matter, and a batch whose worker dies is run again elsewhere.

Each worker process opens the gazetteer once (memory-mapped from the shared cache) and keeps
it for every batch it runs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from movemap.engine import Engine, SerialEngine, batches
from movemap.errors import MovemapError
from movemap.extract.corpus import ReportRef, load_report

__all__ = ["FORMATS", "Outcome", "Summary", "extract_batch", "run_corpus"]

FORMATS = ("yaml", "json")
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one report: the draft written (and its legs), or the error."""

    name: str
    where: str
    output: str | None = None
    legs: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    """A corpus run: how many reports were drafted, and every failure by name."""

    done: int
    legs: int
    failures: tuple[Outcome, ...]

    @property
    def ok(self) -> bool:
        return not self.failures


@cache
def _gazetteer(overlays: tuple[str, ...]) -> object:
    from movemap.gazetteer import Gazetteer, default_gazetteer

    return Gazetteer(overlays=overlays) if overlays else default_gazetteer()


def draft_text(text: str, published: date, name: str, fmt: str,
               overlays: tuple[str, ...] = ()) -> tuple[str, int]:
    """One report's draft in ``fmt`` (YAML dataset or JSON evidence), and its number of legs."""
    from movemap.extract import extract, to_dataset
    from movemap.gazetteer import Gazetteer

    gazetteer = _gazetteer(overlays)
    assert isinstance(gazetteer, Gazetteer)
    draft = extract(text, published, gazetteer, name=name)
    if fmt == "json":
        return json.dumps(draft.to_dict(), ensure_ascii=False, indent=1) + "\n", len(draft.legs)
    from movemap.io.yaml import dump_yaml

    return dump_yaml(to_dataset(draft)), len(draft.legs)


def extract_batch(refs: Sequence[ReportRef], out_dir: str, fmt: str, published: date | None,
                  overlays: tuple[str, ...] = (), today: date | None = None) -> list[Outcome]:
    """Draft each report of a batch into ``out_dir``; an unreadable report is an outcome too."""
    from movemap.io.atomic import write_atomic

    outcomes = []
    for ref in refs:
        try:
            text, found = load_report(ref)
            content, legs = draft_text(text, published or found or today or date.today(),
                                       ref.name, fmt, overlays)
            target = write_atomic(Path(out_dir) / f"{ref.name}.{fmt}", content)
        except MovemapError as exc:
            outcomes.append(Outcome(ref.name, ref.where, error=exc.message))
            continue
        outcomes.append(Outcome(ref.name, ref.where, str(target), legs))
    return outcomes


@dataclass(frozen=True)
class _Task:
    """A batch task with the run's options bound; picklable for worker processes."""

    out_dir: str
    fmt: str
    published: date | None
    overlays: tuple[str, ...]
    today: date

    def __call__(self, batch: list[ReportRef]) -> list[Outcome]:
        return extract_batch(batch, self.out_dir, self.fmt, self.published, self.overlays,
                             self.today)


def run_corpus(
    refs: Iterable[ReportRef],
    out_dir: str | Path,
    *,
    fmt: str = "yaml",
    published: date | None = None,
    engine: Engine | None = None,
    overlays: Sequence[str | Path] = (),
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Draft every report into ``out_dir`` (``<name>.<fmt>``) and summarise.

    ``published`` overrides each report's own date; reports without one are dated today.
    ``progress`` is called with the number of reports each finished batch held.
    """
    if fmt not in FORMATS:
        raise MovemapError(f"unknown draft format {fmt!r}; use one of {', '.join(FORMATS)}",
                           field="format")
    task = _Task(str(out_dir), fmt, published, tuple(str(p) for p in overlays), date.today())
    done = legs = 0
    failures: list[Outcome] = []
    for outcomes in (engine or SerialEngine()).map(task, batches(refs, batch_size)):
        for outcome in outcomes:
            if outcome.error is None:
                done += 1
                legs += outcome.legs
            else:
                failures.append(outcome)
        if progress:
            progress(len(outcomes))
    _remove_leftovers(Path(out_dir), fmt)
    return Summary(done, legs, tuple(sorted(failures, key=lambda o: o.name)))


def _remove_leftovers(out_dir: Path, fmt: str) -> None:
    """Temporary files of drafts whose worker died mid-write (the retry wrote the draft)."""
    for leftover in out_dir.glob(f".*.{fmt}.*.tmp"):
        leftover.unlink(missing_ok=True)
