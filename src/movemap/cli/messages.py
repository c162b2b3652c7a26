"""The one shape of every error and warning line the command line prints.

Compilers' shape, which editors and CI annotators already read (Emacs' compilation mode,
Vim's default ``errorformat``, VS Code's ``$gcc`` problem matcher, mypy's own output)::

    FILE:LINE:COLUMN: error: FIELD: message; suggestion
    FILE:LINE: error: message
    movemap: error: FIELD: message; suggestion      (no line to point at)
    movemap: error: FILE: message                   (a whole file)
    movemap: warning: message                       (a warning of the library's log)

``FIELD`` is the command-line option a library error is about (``--on``, ``--format``), or
the column or key of the file when the message does not name it already; a click usage error
(an unknown option, a missing argument) has the same shape, with the command's ``--help`` as
its suggestion. :data:`LINE` is the pattern of every such line. The library's log takes the
same shape (:class:`LogFormatter`): its warnings and errors say so, and the lines of ``-v``
that tell what a step did (``movemap: wrote map x.html``) have no severity, since they are
no problem.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

import click

from movemap.errors import DatasetError, MovemapError

__all__ = ["LINE", "PROGRAM", "LogFormatter", "error_lines", "line", "option_names",
           "usage_error_line"]

PROGRAM = "movemap"

LINE = re.compile(
    r"^(?:(?P<file>[^\n]+?):(?P<line>\d+)(?::(?P<column>\d+))?|" + PROGRAM + r")"
    r": (?P<severity>error|warning): (?P<message>\S[^\n]*)$")
"""One error or warning line: ``file``, ``line``, ``column`` (when located), ``severity``,
``message`` (with its field in front)."""


def line(message: str, *, path: str | None = None, row: int | None = None,
         column: int | None = None, field: str | None = None,
         severity: str = "error") -> str:
    """One line in the shape above.

    >>> line("'x' is not a number", path="a.csv", row=4, column=2, field="lat")
    "a.csv:4:2: error: lat: 'x' is not a number"
    >>> line("no such file", path="a.yaml")
    'movemap: error: a.yaml: no such file'
    >>> line("needs a day", field="--on", severity="warning")
    'movemap: warning: --on: needs a day'
    """
    text = message.strip()
    if field and not text.startswith((f"{field}:", f"{field} ")):
        text = f"{field}: {text}"
    if path is not None and row is not None:
        where = f"{path}:{row}" + (f":{column}" if column is not None else "")
        return f"{where}: {severity}: {text}"
    if row is not None:  # a line of standard input, or of text the user typed
        text = f"line {row}" + (f", column {column}" if column is not None else "") + f": {text}"
    if path is not None:
        text = f"{path}: {text}"
    return f"{PROGRAM}: {severity}: {text}"


class LogFormatter(logging.Formatter):
    """Log records as lines of this shape: ``movemap: warning: ...`` for a warning,
    ``movemap: error: ...`` for an error, ``movemap: ...`` for what ``-v`` tells.

    >>> record = logging.LogRecord("movemap", logging.WARNING, "", 0, "cannot keep %s", ("x",),
    ...                            None)
    >>> LogFormatter().format(record)
    'movemap: warning: cannot keep x'
    """

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            return line(message)
        if record.levelno >= logging.WARNING:
            return line(message, severity="warning")
        return f"{PROGRAM}: {message}"


def error_lines(exc: MovemapError, options: Mapping[str, str] | None = None) -> list[str]:
    """The lines that report a library error: one per problem of a dataset, else one.

    ``options`` maps a field to the command's option for it (``{"on": "--on"}``), so that a
    message about a value the user typed names where they typed it.
    """
    if isinstance(exc, DatasetError) and exc.problems:
        return [line(p.message, path=exc.path, row=p.line, column=p.column)
                for p in exc.problems if p.severity == "error"]
    field = exc.field
    if field is not None and options:
        field = options.get(field.lstrip("-"), field)
    return [line(exc.message, path=exc.path, row=exc.line, column=exc.column, field=field)]


def option_names(params: Iterable[click.Parameter]) -> dict[str, str]:
    """A command's options by the field names the library uses: ``{"on": "--on"}``."""
    names: dict[str, str] = {}
    for param in params:
        if not isinstance(param, click.Option) or param.name is None:
            continue
        longest = max(param.opts, key=len)
        names[param.name] = longest
        names[longest.lstrip("-").replace("-", "_")] = longest
        names[longest.lstrip("-")] = longest
    return names


_CLICK_SENTENCE = re.compile(r"^([A-Z])(?=[a-z ])")


def _plain(text: str) -> str:
    """Click's sentence ("Missing argument 'X'.") in movemap's manner ("missing argument 'X'")."""
    return _CLICK_SENTENCE.sub(lambda m: m.group(1).lower(), text.strip()).removesuffix(".")


def usage_error_line(exc: click.UsageError) -> str:
    """A click usage error as one line, suggesting the command's ``--help``."""
    field = None
    if isinstance(exc, click.NoSuchOption):
        message = f"no such option: {exc.option_name}"
        if exc.possibilities:
            message += f"; did you mean {' or '.join(sorted(exc.possibilities))}?"
    elif isinstance(exc, click.BadParameter) and not isinstance(exc, click.MissingParameter) \
            and exc.param is not None:
        field = (max(exc.param.opts, key=len) if isinstance(exc.param, click.Option)
                 else exc.param.human_readable_name)
        message = _plain(exc.message)
    else:
        message = _plain(exc.format_message())
    command = exc.ctx.command_path if exc.ctx is not None else PROGRAM
    return line(f"{message} (see '{command} --help')", field=field)
