"""Printing many warnings readably: summarised by kind, with counts and the first examples.

A dataset of 5,000 legs can give thousands of warnings of a few kinds (no source cited, a
network that cannot carry a leg). Lines of one kind beyond ``SHOWN`` are counted instead of
printed, unless the user asks for every line. The kind of a line is its message with what
varies taken out: the record's label, place names around "from ... to ...", quoted values
and figures.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

import click

__all__ = ["SHOWN", "WarningSummary", "kind_of", "summarise"]

SHOWN = 3
"""Lines printed of each kind of warning before the rest are counted."""

_LABEL = re.compile(r"^(?:warning: )?(?:leg|station|unit|source) '[^']*': ")
_ROUTE = re.compile(r"^\w+ from .+? to .+?: ")
_QUOTED = re.compile(r"'[^']*'")
_FIGURE = re.compile(r"\d[\d,.]*")


def kind_of(message: str) -> str:
    """The kind of a warning: its message with labels, names, quoted values and figures
    replaced.

    >>> kind_of("leg 'l7': 2,310 km in 1 day is 96 km/h, implausible by road (at most 80 km/h)")
    'N km in N day is N km/h, implausible by road (at most N km/h)'
    """
    text = _ROUTE.sub("", _LABEL.sub("", message))
    return _FIGURE.sub("N", _QUOTED.sub("'...'", text))


def summarise(lines: Sequence[tuple[str, str]], every: bool = False) -> list[str]:
    """The lines to print from ``(kind, line)`` pairs in order: all of a kind with up to
    ``SHOWN + 1`` lines, else the first ``SHOWN`` and a count of the rest."""
    if every:
        return [line for _, line in lines]
    by_kind: dict[str, list[str]] = {}
    for kind, line in lines:
        by_kind.setdefault(kind, []).append(line)
    out: list[str] = []
    for kind, group in by_kind.items():
        if len(group) <= SHOWN + 1:
            out += group
            continue
        out += group[:SHOWN]
        out.append(f"  ... and {len(group) - SHOWN:,} more like these ({len(group):,} in all): "
                   f"{kind}")
    return out


class WarningSummary(logging.Handler):
    """A logging handler that holds warnings back and prints them summarised at the end.

    Errors and other levels pass to ``forward`` at once, in order.
    """

    def __init__(self, forward: logging.Handler, every: bool,
                 echo: Callable[[str], None] = lambda line: click.echo(line, err=True)) -> None:
        super().__init__(logging.WARNING)
        self.forward = forward
        self.every = every
        self.echo = echo
        self.held: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno != logging.WARNING or self.every:
            self.forward.handle(record)
            return
        self.held.append((kind_of(record.getMessage()), self.forward.format(record)))

    def flush_summary(self) -> None:
        """Print the warnings held back, summarised by kind."""
        for line in summarise(self.held):
            self.echo(line)
        self.held.clear()
