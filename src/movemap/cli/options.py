"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from movemap.dates import parse_date
from movemap.errors import DateError, MovemapError
from movemap.gazetteer import Gazetteer

__all__ = ["STDOUT", "ambiguity_option", "day_value", "engine_options", "gazetteer_option",
           "networks_options", "output_target", "refuse_input_as_output"]

STDOUT = "-"

F = TypeVar("F", bound=Callable[..., Any])


def _open_gazetteer(
    _ctx: click.Context, _param: click.Parameter, paths: tuple[Path, ...]
) -> Gazetteer:
    return Gazetteer(overlays=paths)


def gazetteer_option(command: F) -> F:
    """``--gazetteer FILE`` (repeatable): overlay CSV files of the user's own places."""
    return click.option(
        "--gazetteer",
        "gazetteer",
        multiple=True,
        type=click.Path(path_type=Path, dir_okay=False),
        callback=_open_gazetteer,
        metavar="FILE",
        help="An overlay CSV of your own places, added to the gazetteer (repeatable).",
    )(command)


def ambiguity_option(command: F) -> F:
    """``--accept-ambiguous``: draw an ambiguous place name at its best candidate, warning.

    Without it, a name ``validate`` calls ambiguous stops the command with the same message.
    """
    import functools

    from movemap.refs import accepting_ambiguous

    @functools.wraps(command)
    def wrapper(*args: Any, accept_ambiguous: bool, **kwargs: Any) -> Any:
        with accepting_ambiguous(accept_ambiguous):
            return command(*args, **kwargs)

    return click.option(  # type: ignore[return-value]
        "--accept-ambiguous", is_flag=True,
        help="Draw an ambiguous place name at its best candidate (with a warning) instead of "
             "stopping.",
    )(wrapper)


def networks_options(command: F) -> F:
    """``--rail-lines FILE`` and ``--road-lines FILE``: GeoJSON lines to add to a network.

    The command receives ``networks`` (``movemap.routing.Networks``).
    """
    import functools

    from movemap.routing import Networks, default_networks

    @functools.wraps(command)
    def wrapper(*args: Any, rail_lines: tuple[Path, ...], road_lines: tuple[Path, ...],
                **kwargs: Any) -> Any:
        networks = (Networks(rail_lines=rail_lines, road_lines=road_lines)
                    if rail_lines or road_lines else default_networks())
        return command(*args, networks=networks, **kwargs)

    for name, network in (("--road-lines", "road"), ("--rail-lines", "rail")):
        wrapper = click.option(
            name, multiple=True, type=click.Path(path_type=Path, dir_okay=False),
            metavar="FILE", help=f"GeoJSON lines to add to the {network} network (repeatable).",
        )(wrapper)
    return wrapper  # type: ignore[return-value]


def day_value(value: str | None, option: str) -> date | None:
    """The day an option names (YYYY-MM-DD), None if it was not given."""
    if value is None:
        return None
    try:
        parsed = parse_date(value)
    except DateError as exc:
        raise DateError(exc.message, field=option) from None
    if parsed.earliest is None or parsed.earliest != parsed.latest:
        raise MovemapError(f"{option} needs a day (YYYY-MM-DD), not {value!r}", field=option)
    return parsed.earliest


def refuse_input_as_output(output: Path | None, *inputs: str | Path) -> None:
    """Stop before a command's ``-o`` replaces one of its own input files (``render
    data.yaml -o data.yaml`` would leave a map where the dataset was)."""
    import os

    # os.path.exists: False for a name the system refuses (too long), which the writer reports
    if output is None or str(output) == STDOUT or not os.path.exists(output):
        return
    for given in inputs:
        path = Path(given)
        if str(path) != STDOUT and os.path.exists(path) and os.path.samefile(path, output):
            same = "" if path == output else f" {path}"
            raise MovemapError(f"{output} is the input file{same}; writing it would replace "
                               "the input: choose another output file", field="output")


@contextmanager
def output_target(output: Path | None, suffix: str) -> Iterator[Path | None]:
    """Where a command writes: its ``-o`` path, or for ``-o -`` a temporary file whose bytes
    then go to standard output (so that every writer stays atomic and file-based)."""
    if output is None or str(output) != STDOUT:
        yield output
        return
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="movemap-") as folder:
        target = Path(folder) / f"stdout{suffix}"
        yield target
        sys.stdout.buffer.write(target.read_bytes())
        sys.stdout.buffer.flush()


def engine_options(command: F) -> F:
    """``--engine serial|dask``, ``--scheduler ADDRESS``, ``--workers N``: where heavy work
    runs (``movemap.engine``). The command receives ``engine``."""
    import functools

    from movemap.engine import ENGINES, make_engine

    @functools.wraps(command)
    def wrapper(*args: Any, engine: str, scheduler: str | None, workers: int | None,
                **kwargs: Any) -> Any:
        if engine != "dask" and (scheduler or workers):
            raise click.UsageError("--scheduler and --workers go with --engine dask")
        return command(*args, engine=make_engine(engine, scheduler=scheduler, workers=workers),
                       **kwargs)

    wrapper = click.option(
        "--workers", type=click.IntRange(min=1), metavar="N",
        help="Worker processes for Dask's local scheduler (default: one per core).")(wrapper)
    wrapper = click.option(
        "--scheduler", metavar="ADDRESS",
        help="A dask.distributed scheduler (tcp://host:8786); default: Dask's local "
             "scheduler in worker processes.")(wrapper)
    wrapper = click.option(
        "--engine", type=click.Choice(list(ENGINES)), default="serial", show_default=True,
        help="Run the heavy work (drafting, routing) in this process or on Dask.")(wrapper)
    return wrapper  # type: ignore[return-value]
