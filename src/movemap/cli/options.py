"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from movemap.gazetteer import Gazetteer

__all__ = ["gazetteer_option"]

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
