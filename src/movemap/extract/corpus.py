"""A corpus of reports, read lazily: folders, globs, lists of paths and JSON Lines.

:func:`iter_corpus` turns what a user names on the command line into :class:`ReportRef`
values, one per report, without reading any report's text: a corpus larger than memory
streams through. :func:`load_report` reads one reference's text when its turn comes.

Inputs, each recognised by what it is:

- a folder: its ``*.txt`` files, sorted by name;
- a glob (``reports/**/*.txt``): the files it matches, sorted;
- a ``.jsonl`` file: one report per line, ``{"text": ..., "published": "YYYY-MM-DD"}``
  (``id`` or ``name`` optional, for the draft's name);
- a ``.list`` or ``.lst`` file, or a path given as ``@FILE``: one report path per line,
  relative to that file's folder (blank lines and ``#`` comments skipped);
- any other path: one report.

Every report gets a name for its draft (the file's stem, the JSON line's ``id``, or
``<file>-<line>``); a name already taken gets ``-2``, ``-3``... in corpus order, so the
same corpus always gives the same names.
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from movemap.extract import ReportError, read_report
from movemap.extract.dateline import publication_date

__all__ = ["ReportRef", "iter_corpus", "load_report"]

_GLOB = re.compile(r"[*?\[]")
_LISTS = (".list", ".lst")
_SLUG = re.compile(r"[^\w.-]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ReportRef:
    """Where one report of a corpus is: a file, or one line of a JSON Lines file."""

    name: str
    path: str
    line: int | None = None
    offset: int | None = None

    @property
    def where(self) -> str:
        """``file`` or ``file:line``, for messages."""
        return self.path if self.line is None else f"{self.path}:{self.line}"


def iter_corpus(inputs: Iterable[str | Path]) -> Iterator[ReportRef]:
    """Every report the inputs name, lazily, each with a unique name (see the module text)."""
    taken: set[str] = set()
    for ref in _refs(inputs):
        name, number = ref.name, 2
        while name in taken:
            name = f"{ref.name}-{number}"
            number += 1
        taken.add(name)
        yield ref if name == ref.name else ReportRef(name, ref.path, ref.line, ref.offset)


def _refs(inputs: Iterable[str | Path]) -> Iterator[ReportRef]:
    for item in inputs:
        text = str(item)
        if text.startswith("@"):
            yield from _listed(Path(text[1:]))
            continue
        path = Path(text)
        if path.is_dir():
            for found in sorted(path.glob("*.txt")):
                yield ReportRef(found.stem, str(found))
        elif not path.exists() and _GLOB.search(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise ReportError("no report matches this pattern", path=text)
            for found_text in matches:
                yield ReportRef(Path(found_text).stem, found_text)
        elif path.suffix.lower() == ".jsonl":
            yield from _json_lines(path)
        elif path.suffix.lower() in _LISTS:
            yield from _listed(path)
        else:
            yield ReportRef(path.stem, text)


def _listed(path: Path) -> Iterator[ReportRef]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"cannot read the list of reports: {exc.strerror}",
                          path=str(path)) from None
    with handle:
        for line in handle:
            entry = line.strip()
            if entry and not entry.startswith("#"):
                target = path.parent / entry
                yield ReportRef(target.stem, str(target))


def _json_lines(path: Path) -> Iterator[ReportRef]:
    """A reference per non-blank line; only the small ``id``/``name`` field is decoded here."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ReportError(f"cannot read: {exc.strerror}", path=str(path)) from None
    with handle:
        offset = 0
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield ReportRef(_line_name(raw, path, number), str(path), number, offset)
            offset += len(raw)


_ID = re.compile(rb'"(?:id|name)"\s*:\s*"((?:[^"\\]|\\.){1,200})"')


def _line_name(raw: bytes, path: Path, number: int) -> str:
    m = _ID.search(raw[:4096])
    if m:
        try:
            name = _SLUG.sub("-", json.loads(b'"' + m.group(1) + b'"')).strip("-.")
        except ValueError:
            name = ""
        if name:
            return name
    return f"{path.stem}-{number:06d}"


def load_report(ref: ReportRef) -> tuple[str, date | None]:
    """The report's text and publication date.

    Raises
    ------
    ReportError
        For an unreadable, binary or empty report, or a JSON line that is not a report,
        naming the file and line.
    """
    if ref.offset is None:
        return read_report(ref.path)
    try:
        with open(ref.path, "rb") as handle:
            handle.seek(ref.offset)
            raw = handle.readline()
    except OSError as exc:
        raise ReportError(f"cannot read: {exc.strerror}", path=ref.path, line=ref.line) from None
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReportError(f"not a JSON object: {exc}", path=ref.path, line=ref.line) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ReportError('a report line needs a "text" string', path=ref.path, line=ref.line,
                          field="text")
    if not record["text"].strip():
        raise ReportError("the report is empty", path=ref.path, line=ref.line, field="text")
    published = record.get("published")
    if published is None:
        dated = publication_date(record["text"])
        return record["text"], dated[0] if dated else None
    try:
        return record["text"], date.fromisoformat(str(published))
    except ValueError:
        raise ReportError(f"published {published!r} is not a date (YYYY-MM-DD)",
                          path=ref.path, line=ref.line, field="published") from None
