"""The ``movemap`` command line: a click group with one module per command.

Only this package configures logging and turns library errors and click's usage errors into
lines of one shape on stderr (``movemap.cli.messages``) and an exit status: 2 for a user's
mistake in a file or an option, 1 where a command's own contract says so (a name that cannot
be resolved).
"""

from __future__ import annotations

import errno
import logging
import os
import re
from typing import Any

import click

from movemap.errors import MovemapError

__all__ = ["cli", "main"]


# Each command is imported only when it runs (or when help lists it), so that a quick command
# such as `movemap resolve` does not pay for the others' imports.
_COMMANDS = {
    "resolve": "movemap.cli.resolve",
    "route": "movemap.cli.route",
    "validate": "movemap.cli.validate",
    "status": "movemap.cli.status",
    "timeline": "movemap.cli.timeline",
    "schema": "movemap.cli.schema",
    "render": "movemap.cli.render",
    "export": "movemap.cli.export",
    "extract": "movemap.cli.extract",
    "merge": "movemap.cli.merge",
}


_GLOBAL_FLAG = re.compile(r"-q|--quiet|-v+|--verbose")


class _Group(click.Group):
    """A group that loads its commands lazily and reports library errors as one clean line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        import importlib

        command: click.Command = getattr(importlib.import_module(_COMMANDS[cmd_name]), cmd_name)
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``-q`` and ``-v`` are accepted after the command's name too (``movemap render
        FILE -v``): they are moved before it, where the group reads them."""
        flags: list[str] = []
        rest: list[str] = []
        command_seen = False
        for position, arg in enumerate(args):
            if arg == "--":
                rest.extend(args[position:])
                break
            if command_seen and _GLOBAL_FLAG.fullmatch(arg):
                flags.append(arg)
                continue
            command_seen = command_seen or arg in _COMMANDS
            rest.append(arg)
        return super().parse_args(ctx, [*flags, *rest])

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _reported(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MovemapError as exc:
            from movemap.cli.messages import error_lines, option_names

            command = self.get_command(ctx, ctx.invoked_subcommand or "")
            options = option_names(command.params) if command is not None else {}
            raise _Reported(error_lines(exc, options)) from exc
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _reported(exc) from exc
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRORS:
                raise
            # standard output that cannot take the answer (`> /dev/full`, a full disk):
            # what is still buffered for it would fail again as the interpreter exits
            _silence_stdout()
            where = exc.filename or "standard output"
            raise _Reported([f"movemap: error: {where}: cannot write: {exc.strerror}"]) from exc


# a full disk or quota, a file too large, an I/O error: the output cannot be written
_OUTPUT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _silence_stdout() -> None:
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (a test runner's capture)
        pass


class _Reported(click.ClickException):
    """An error already put into movemap's lines, which click prints and exits with."""

    exit_code = 2  # a user's mistake, in a file or on the command line

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))

    def show(self, file: Any = None) -> None:
        click.echo(self.message, err=True)


def _reported(exc: click.UsageError) -> _Reported:
    """A usage error in movemap's shape."""
    from movemap.cli.messages import usage_error_line

    return _Reported([usage_error_line(exc)])


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from movemap import __version__

    click.echo(f"movemap, version {__version__}")
    ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_print_version, help="Show the version and exit.")
@click.option("-v", "--verbose", count=True,
              help="More messages on stderr, every warning (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """Turn reports of troop movements into dated, interactive maps, offline.

    \b
    Example:
      movemap resolve Chongjin "Kursk Oblast" Blagoveshchensk --format json
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[
        min(verbose, 2)
    ]
    root = logging.getLogger()
    if root.handlers:  # configured by the host (a test runner, an application): leave it
        return
    from movemap.cli.messages import LogFormatter
    from movemap.cli.problems import WarningSummary

    stream = logging.StreamHandler()
    stream.setFormatter(LogFormatter())
    # many warnings of one kind (a leg its network cannot carry) are counted, not all printed
    summary = WarningSummary(stream, every=verbose > 0)
    summary.setLevel(level)
    root.setLevel(level)
    root.addHandler(summary)

    def finish() -> None:
        summary.flush_summary()
        root.removeHandler(summary)

    click.get_current_context().call_on_close(finish)


def main() -> None:
    """Entry point of the ``movemap`` console script."""
    import gc

    # A command builds millions of objects that stay (a big file's nodes and records, its
    # routes): at Python's default thresholds the collector walks them again every few
    # hundred allocations and finds nothing to free, a third of the time to read 20,000
    # legs. Rarer collections, for this process only (the library leaves them alone).
    gc.set_threshold(100_000, 50, 100)
    # Big datasets' legs are routed on every core, or on MOVEMAP_PROCESSES processes (a
    # library call routes in its own process unless asked: a Dask worker must not start
    # others).
    from movemap.located import route_in_processes

    given = os.environ.get("MOVEMAP_PROCESSES", "").strip()
    route_in_processes(int(given) if given.isdigit() else os.cpu_count() or 1)
    cli(prog_name="movemap")
