"""Short summaries of a dataset: one line for ``repr``, a small HTML table for notebooks.

``repr(dataset)`` names the dataset and counts its records and days (never the records
themselves); ``dataset._repr_html_()`` (what Jupyter shows for a cell ending with a dataset)
adds the units, sources with their grades, and, for a located dataset, the extent and what
routing approximated. Every string from the dataset is HTML-escaped; long lists are cut with
a count of what is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape

from movemap.model import Dataset, Leg, Station

__all__ = ["MAX_ITEMS", "date_range", "html_summary", "text_summary"]

MAX_ITEMS = 12  # names listed per section before "and N more"
_NAME = 60  # characters of a name or title kept in the one-line repr


def date_range(dataset: Dataset) -> tuple[date, date] | None:
    """The first and last day the dataset's legs and stations can cover (None if empty)."""
    records: list[Leg | Station] = [*dataset.legs, *dataset.stations]
    if not records:
        return None
    first = min(r.start.first_day for r in records)
    last = max((r.end or r.start).last_day for r in records)
    return first, last


def _short(text: str, limit: int = _NAME) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _days(dataset: Dataset) -> str:
    span = date_range(dataset)
    return f"{span[0]} to {span[1]}" if span else "no dates"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def text_summary(dataset: Dataset, kind: str = "Dataset",
                 warnings: Sequence[str] = ()) -> str:
    """One line: name, counts and date range (``kind``: the class shown)."""
    parts = [_plural(len(dataset.units), "unit"), _plural(len(dataset.legs), "leg"),
             _plural(len(dataset.stations), "station"), _plural(len(dataset.sources), "source"),
             _days(dataset)]
    if warnings:
        parts.append(_plural(len(warnings), "warning"))
    return f"<movemap.{kind} {_short(dataset.name)!r}: {', '.join(parts)}>"


def _items(values: Iterable[str]) -> str:
    shown = list(values)
    more = len(shown) - MAX_ITEMS
    cells = "".join(f"<li>{v}</li>" for v in shown[:MAX_ITEMS])
    if more > 0:
        cells += f"<li><i>and {more} more</i></li>"
    return f'<ul style="margin:0;padding-left:1.2em">{cells}</ul>'


def _section(label: str, count: int, body: str) -> str:
    return (f'<tr><th style="text-align:left;vertical-align:top">{escape(label)}</th>'
            f'<td style="text-align:left"><details><summary>{count}</summary>{body}'
            "</details></td></tr>")


def _row(label: str, value: str) -> str:
    return (f'<tr><th style="text-align:left;vertical-align:top">{escape(label)}</th>'
            f'<td style="text-align:left">{value}</td></tr>')


def html_summary(dataset: Dataset, kind: str = "Dataset",
                 extent: tuple[float, float, float, float] | None = None,
                 warnings: Sequence[str] = ()) -> str:
    """A small HTML table: title, units, legs, stations, sources with grades, date range,
    extent (west, south, east, north) and warnings; every dataset string escaped."""
    title = escape(dataset.title) if dataset.title else ""
    head = (f"<b>movemap.{escape(kind)}</b> <code>{escape(dataset.name)}</code>"
            + (f" — {title}" if title else ""))
    units = [escape(u.name) + (f" <small>({escape(u.echelon.value)})</small>"
                               if u.echelon else "") for u in dataset.units]
    sources = [escape(s.publisher) + (f": {escape(_short(s.title, 80))}" if s.title else "")
               + (f" <code>{escape(str(s.grade))}</code>" if s.grade else " <i>ungraded</i>")
               for s in dataset.sources]
    modes: dict[str, int] = {}
    for leg in dataset.legs:
        modes[leg.mode.value] = modes.get(leg.mode.value, 0) + 1
    rows = [
        _section("Units", len(dataset.units), _items(units)),
        _row("Legs", f"{len(dataset.legs)}" + (
            " (" + ", ".join(f"{escape(m)} {n}" for m, n in sorted(modes.items())) + ")"
            if modes else "")),
        _row("Stations", str(len(dataset.stations))),
        _section("Sources", len(dataset.sources), _items(sources)),
        _row("Dates", escape(_days(dataset))),
    ]
    if dataset.as_of:
        rows.append(_row("As of", escape(str(dataset.as_of))))
    if extent is not None:
        west, south, east, north = extent
        rows.append(_row("Extent", f"{west:.2f}°E to {east:.2f}°E, "
                                   f"{south:.2f}°N to {north:.2f}°N"))
    if warnings:
        rows.append(_section("Warnings", len(warnings), _items(escape(w) for w in warnings)))
    return (f'<div class="movemap-summary"><div>{head}</div>'
            f'<table style="border-collapse:collapse;margin-top:4px">{"".join(rows)}</table>'
            "</div>")
