"""Charts for briefings, with matplotlib: a timeline of units and a strength chart.

- ``timeline``: one row a unit; each leg a bar from departure to arrival in its mode's
  colour, each station a thinner bar from its first day to its last (an open station to the
  chart's end) in its status's colour; a status other than reported or confirmed is hatched
  and fainter, as the map dashes it.
- ``strength``: strength by place over time, the sum of the units that stand at each place
  on each day (``queries.status``; units under way count nowhere), one line a place, claims
  kept apart from reports.

PNG, SVG or PDF by the file's extension; the same dataset gives the same SVG bytes.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from movemap.errors import InvalidValueError
from movemap.export.static import PLAIN_TEXT
from movemap.io.atomic import write_atomic
from movemap.model import Leg, Mode, Station, Status
from movemap.queries import leg_window, status
from movemap.style import MODE_COLOURS, STATUS_COLOURS

if TYPE_CHECKING:
    from movemap.located import Located

__all__ = ["CHARTS", "write_chart"]

CHARTS = ("timeline", "strength")
_SURE = {Status.REPORTED, Status.CONFIRMED}


_EPOCH = date(1970, 1, 1)  # matplotlib's day numbers count from here


def _num(day: date) -> float:
    return float((day - _EPOCH).days)


def _span(located: Located, start: date | None = None,
          end: date | None = None) -> tuple[date, date]:
    """The chart's first and last day: the data's, or those asked for."""
    if start is not None and end is not None:
        return start, end
    dataset = located.dataset
    days: list[date] = []
    for leg in dataset.legs:
        departure, arrival, _ = leg_window(leg, located.length_km(leg))
        days += [departure, arrival]
    for station in dataset.stations:
        days.append(station.start.first_day)
        if station.end is not None:
            days.append(station.end.last_day)
    if not days:
        raise InvalidValueError("nothing to chart: the dataset has no legs or stations",
                                field="chart")
    return start or min(days), end or max(days) + timedelta(days=1)


def _timeline(located: Located, ax: Any, start: date | None, end: date | None) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    dataset = located.dataset
    first, last = _span(located, start, end)
    records: list[Leg | Station] = [*dataset.legs, *dataset.stations]
    units = [u for u in dataset.units if any(r.unit == u.id for r in records)]
    row = {u.id: n for n, u in enumerate(units)}
    for station in dataset.stations:
        begins = station.start.first_day
        ends = station.end.last_day + timedelta(days=1) if station.end else last
        sure = station.status in _SURE
        ax.barh(row[station.unit], _num(ends) - _num(begins), left=_num(begins),
                height=0.28, color=STATUS_COLOURS[station.status], alpha=0.9 if sure else 0.5,
                hatch=None if sure else "//", edgecolor="#333", linewidth=0.4)
    for leg in dataset.legs:
        departure, arrival, estimated = leg_window(leg, located.length_km(leg))
        sure = leg.status in _SURE
        ax.barh(row[leg.unit] + 0.22, max(_num(arrival) - _num(departure), 0.6),
                left=_num(departure), height=0.36, color=MODE_COLOURS[leg.mode],
                alpha=0.95 if sure else 0.55, hatch=None if sure else "//",
                edgecolor="#222", linewidth=0.5, linestyle="--" if estimated else "-")
    ax.set_yticks(range(len(units)))
    ax.set_yticklabels([u.name if len(u.name) <= 42 else u.name[:41] + "…" for u in units],
                       fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(_num(first) - 1, _num(last) + 1)
    modes = [m for m in Mode if any(leg.mode is m for leg in dataset.legs)]
    statuses = [s for s in Status if any(r.status is s for r in records)]
    handles: list[Any] = [Patch(color=MODE_COLOURS[m], label=f"leg by {m.value}")
                          for m in modes]
    handles += [Patch(facecolor=STATUS_COLOURS[s], alpha=0.9 if s in _SURE else 0.5,
                      hatch=None if s in _SURE else "//", edgecolor="#333",
                      label=f"station, {s.value}") for s in statuses]
    if any(s not in _SURE for s in statuses):
        handles.append(Line2D([], [], color="none", label="hatched: not (yet) reported"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              frameon=False)
    ax.set_title("Units over time: legs (upper bars) and stations", loc="left", fontsize=11)


def _strength(located: Located, ax: Any, start: date | None, end: date | None) -> None:
    first, last = _span(located, start, end)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    series: dict[tuple[str, bool], list[int]] = {}
    for number, day in enumerate(days):
        for position in status(located, day):
            if position.moving or not position.strength:
                continue
            key = (position.place, position.status in _SURE)
            series.setdefault(key, [0] * len(days))[number] += position.strength
    if not series:
        raise InvalidValueError("nothing to chart: no unit with a strength stands anywhere",
                                field="chart")
    xs = [_num(d) for d in days]
    colours = ["#c0392b", "#1f6fb4", "#2e7d32", "#7b3294", "#a6611a", "#4d4d4d", "#d95f02"]
    ordered = sorted(series, key=lambda key: (-max(series[key]), key))
    for n, key in enumerate(ordered):
        place, sure = key
        ax.step(xs, series[key], where="post", color=colours[n % len(colours)], lw=2,
                linestyle="-" if sure else "--",
                label=place if sure else f"{place} (claimed or expected)")
    ax.set_ylabel("strength (people)")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter("{x:,.0f}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_title("Strength by place over time", loc="left", fontsize=11)


def write_chart(located: Located, path: str | Path, kind: str = "timeline",
                title: str | None = None, start: date | None = None,
                end: date | None = None) -> Path:
    """Write a ``timeline`` or ``strength`` chart as PNG, SVG or PDF (by the extension),
    from ``start`` to ``end`` (default: the data's first and last days)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    path = Path(path)
    fmt = path.suffix.lstrip(".").lower()
    if kind not in CHARTS:
        raise InvalidValueError(f"unknown chart {kind!r}; use one of {', '.join(CHARTS)}",
                                field="chart")
    if fmt not in ("png", "svg", "pdf"):
        raise InvalidValueError(f"a chart is png, svg or pdf, not {fmt or 'nothing'!r}",
                                field="format")
    dataset = located.dataset
    rows = len(dataset.units) if kind == "timeline" else 6
    with matplotlib.rc_context(PLAIN_TEXT):
        fig, ax = plt.subplots(figsize=(13, max(3.2, 1.2 + 0.55 * rows)), dpi=120,
                               layout="constrained")
        try:
            (_timeline if kind == "timeline" else _strength)(located, ax, start, end)
            ax.xaxis.set_major_locator(
                mdates.AutoDateLocator(maxticks=10))  # type: ignore[no-untyped-call]
            ax.xaxis.set_major_formatter(
                mdates.DateFormatter("%Y-%m-%d"))  # type: ignore[no-untyped-call]
            ax.grid(axis="x", color="#ddd", lw=0.6)
            ax.set_axisbelow(True)
            fig.suptitle(title or dataset.title or dataset.name, x=0.01, ha="left",
                         fontsize=14, fontweight="bold")
            buffer = io.BytesIO()
            metadata: dict[str, Any] = {"png": {"Software": None}, "svg": {"Date": None},
                                        "pdf": {"CreationDate": None, "ModDate": None}}[fmt]
            fig.savefig(buffer, format=fmt, metadata=metadata)
        finally:
            plt.close(fig)
    return write_atomic(path, buffer.getvalue())
