"""``movemap validate``: every problem of one or more datasets, located, at once."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from movemap.cli import messages
from movemap.cli.options import gazetteer_option, networks_options
from movemap.cli.problems import kind_of, summarise
from movemap.errors import MovemapError
from movemap.gazetteer import Gazetteer
from movemap.io import parse_dataset
from movemap.io.records import Problem
from movemap.routing import Networks
from movemap.validate import validate as check

__all__ = ["validate"]


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--no-places", is_flag=True, help="Skip the checks that need the gazetteer.")
@click.option("--all", "every", is_flag=True,
              help="Print every warning (by default, many of one kind are counted).")
@networks_options
@gazetteer_option
def validate(files: tuple[Path, ...], no_places: bool, every: bool, networks: Networks,
             gazetteer: Gazetteer) -> None:
    """Check datasets and report every problem as FILE:LINE:COLUMN: error: what is wrong.

    Format, references between records, dates in order, places (unknown or ambiguous, with
    candidates); implausible speeds and legs their network cannot carry are warnings. Exit
    status 0 when every file is valid (warnings allowed), 2 when any is not. Errors are all
    printed; of a kind of warning that comes more than four times, the first three and a
    count (--all prints every one).

    \b
    Example:
      movemap validate layers/dprk-russia-2024.yaml
    """
    failed = False
    for path in files:
        try:
            parsed = parse_dataset(path)
        except MovemapError as exc:
            problems = [Problem(exc.message, exc.line, exc.column)]
            path_text = exc.path or str(path)
        else:
            problems = check(parsed, gazetteer, places=not no_places, networks=networks)
            path_text = str(path)
        errors = [p for p in problems if p.severity == "error"]

        def shown(problem: Problem, path: str = path_text) -> str:
            return messages.line(problem.message, path=path, row=problem.line,
                                 column=problem.column, severity=problem.severity)

        lines = ([shown(problem) for problem in problems] if every else [
            *(shown(p) for p in errors),
            *summarise([(kind_of(p.message), shown(p))
                        for p in problems if p.severity != "error"])])
        for line in lines:
            click.echo(line, err=bool(errors))
        warnings = len(problems) - len(errors)
        if errors:
            failed = True
            click.echo(f"{path_text}: {len(errors)} error{'s' * (len(errors) != 1)}, "
                       f"{warnings} warning{'s' * (warnings != 1)}", err=True)
        else:
            click.echo(f"{path_text}: valid" + (f", {warnings} warning{'s' * (warnings != 1)}"
                                                 if warnings else ""))
    if failed:
        sys.exit(2)
