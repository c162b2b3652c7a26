"""Reading a user's input file, with the failures a user can fix as movemap errors.

Every reader of user files (datasets, overlays, reports, name lists, network lines) goes
through here, so a missing file, an unreadable one and bytes that are not UTF-8 read the
same everywhere and name the file (and, for bad bytes, the line). ``-`` stands for
standard input, as command-line tools expect.
"""

from __future__ import annotations

from pathlib import Path

from movemap.errors import MovemapError

__all__ = ["decode", "read_bytes", "read_text"]


def read_bytes(path: Path, error: type[MovemapError] = MovemapError) -> bytes:
    """The file's bytes (``-``: standard input's); a missing or unreadable file raises
    ``error`` naming it."""
    if str(path) == "-":
        import sys

        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error("no such file", path=str(path)) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=str(path)) from None


def decode(data: bytes, path: Path, error: type[MovemapError] = MovemapError) -> str:
    """``data`` as UTF-8 text (a byte-order mark is dropped); bad bytes raise ``error``
    with the line they are on."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error("not UTF-8 text", path=str(path), line=line) from None


def read_text(path: Path, error: type[MovemapError] = MovemapError) -> str:
    """The file's UTF-8 text, every failure raised as ``error`` naming the file.

    >>> read_text(Path("no-such-file.yaml"))
    Traceback (most recent call last):
    ...
    movemap.errors.MovemapError: no-such-file.yaml: no such file
    """
    return decode(read_bytes(path, error), path, error)
