"""Reading a user's input file, with the failures a user can fix as movemap errors.

Every reader of user files (datasets, overlays, reports, name lists, network lines) goes
through here, so a missing file, an unreadable one and bytes that are not UTF-8 read the
same everywhere and name the file (and, for bad bytes, the line). ``-`` stands for
standard input, as command-line tools expect.
"""

from __future__ import annotations

import re
from pathlib import Path

from movemap.errors import MovemapError

__all__ = ["blank_controls", "control_character", "decode", "has_unicode_mark", "read_bytes",
           "read_text"]


def read_bytes(path: Path, error: type[MovemapError] = MovemapError,
               max_bytes: int | None = None) -> bytes:
    """The file's bytes (``-``: standard input's); a missing or unreadable file raises
    ``error`` naming it, and so does one larger than ``max_bytes`` (counted while reading,
    since a pipe has no size to check first)."""
    if str(path) == "-":
        import sys

        data = sys.stdin.buffer.read(-1 if max_bytes is None else max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise error(f"the input is larger than {_size(max_bytes)}, the limit for this "
                        "input; split it into smaller files", path="<stdin>")
        return data
    try:
        if max_bytes is None:
            return path.read_bytes()
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise error(f"the file is larger than {_size(max_bytes)}, the limit for this input;"
                        " split it into smaller files", path=str(path))
        return data
    except FileNotFoundError:
        raise error("no such file", path=str(path)) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=str(path)) from None


def _size(count: int) -> str:
    return f"{count / 2**20:g} MB" if count >= 2**20 else f"{count:,} bytes"


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def has_unicode_mark(data: bytes) -> bool:
    """Whether ``data`` starts with UTF-16's or UTF-32's byte-order mark, which
    :func:`decode` reads (their text holds NUL bytes that a binary check must not refuse)."""
    return data.startswith(_UTF16_BOMS + _UTF32_BOMS)


def decode(data: bytes, path: Path, error: type[MovemapError] = MovemapError) -> str:
    """``data`` as UTF-8 text (a byte-order mark is dropped), or as UTF-16 or UTF-32 when it
    starts with their byte-order mark (Windows' "Unicode" text); bad bytes raise ``error`` with
    the line they are on, and so does a NUL byte, which no text file holds (a binary file,
    or UTF-16 saved without its mark, whose every other byte is NUL).

    >>> decode("Chongjin".encode("utf-16"), Path("names.txt"))
    'Chongjin'
    """
    if data.startswith(_UTF32_BOMS):  # before UTF-16: UTF-32 LE's mark begins with its mark
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            raise error("not UTF-32 text after its byte-order mark", path=str(path)) from None
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count("\n".encode("utf-16-le")) + 1
            raise error("not UTF-16 text after its byte-order mark", path=str(path),
                        line=line) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise error("a NUL byte: not a text file (UTF-16 saved without its byte-order mark, "
                    "or binary); save it as UTF-8", path=str(path),
                    line=data[:nul].count(b"\n") + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error("not UTF-8 text", path=str(path), line=line) from None


def read_text(path: Path, error: type[MovemapError] = MovemapError,
              max_bytes: int | None = None) -> str:
    """The file's UTF-8 text, every failure raised as ``error`` naming the file.

    >>> read_text(Path("no-such-file.yaml"))
    Traceback (most recent call last):
    ...
    movemap.errors.MovemapError: no-such-file.yaml: no such file
    """
    return decode(read_bytes(path, error, max_bytes), path, error)


# What a terminal acts on or a page reorders, in a name or a note of the user's: the C0
# controls but tab and line ends, DEL, the C1 controls, and the bidirectional embeddings,
# overrides and isolates that make text read otherwise than it is stored ("Trojan Source",
# CVE-2021-42574).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_character(text: str, name: str) -> str | None:
    r"""A message if ``text`` holds a control or bidi-override character, else None.

    >>> control_character("Unit\x1b[31m", "name")
    "name 'Unit\\x1b[31m' holds the control character U+001B; remove it"
    """
    found = _CONTROLS.search(text)
    if found is None:
        return None
    shown = text if len(text) <= 40 else f"{text[:37]}..."
    return f"{name} {shown!r} holds the control character U+{ord(found.group()):04X}; remove it"


def blank_controls(text: str) -> str:
    r"""``text`` with each character :func:`control_character` refuses turned into a space:
    for text a user does not write by hand (a report from a PDF has a form feed between
    pages), so that what is drafted from it is a dataset ``validate`` accepts.

    >>> blank_controls("page onepage two‮")
    'page one page two '
    """
    return _CONTROLS.sub(" ", text)
