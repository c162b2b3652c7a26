"""Plain text tables for the terminal, aligned even with wide (CJK, Hangul) characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["format_table", "width"]


def width(text: str) -> int:
    """Columns the text takes in a terminal: wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]],
                 numeric: frozenset[int] = frozenset()) -> str:
    """Rows under a header and a rule; ``numeric`` columns are right-aligned."""
    widths = [max(width(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = []
        for i, (cell, w) in enumerate(zip(row, widths, strict=True)):
            pad = " " * (w - width(cell))
            cells.append(pad + cell if i in numeric else cell + pad)
        return "  ".join(cells).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])
