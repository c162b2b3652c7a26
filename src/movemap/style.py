"""How records look, defined once for the interactive map and the static exports.

Legs take their colour from their mode and their line pattern from their status: solid for
what happened (``reported``, ``confirmed``, the latter heavier), dotted for ``claimed``,
dashed for what lies ahead (``expected``, ``forecast``). Context units are drawn lighter.
Stations are sized by strength and coloured by status.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from movemap.model import Mode, Status

__all__ = [
    "MODE_COLOURS",
    "STATUS_COLOURS",
    "STATUS_DASHES",
    "LineStyle",
    "leg_style",
    "station_radius",
]

# Okabe and Ito's colour-blind-safe hues (road darkened to a brown): every pair stays apart
# under simulated protanopia, deuteranopia and tritanopia (tests/test_style.py checks it).
MODE_COLOURS: dict[Mode, str] = {
    Mode.SEA: "#0072b2",
    Mode.RAIL: "#cc79a7",
    Mode.ROAD: "#8b5a00",
    Mode.AIR: "#009e73",
    Mode.FOOT: "#e69f00",
    Mode.UNKNOWN: "#4d4d4d",
}
# SVG stroke-dasharray, in line widths' worth of pixels at the default weight
STATUS_DASHES: dict[Status, str | None] = {
    Status.REPORTED: None,
    Status.CONFIRMED: None,
    Status.CLAIMED: "2 7",
    Status.EXPECTED: "10 8",
    Status.FORECAST: "14 6 3 6",
}
STATUS_COLOURS: dict[Status, str] = {
    Status.REPORTED: "#c0392b",
    Status.CONFIRMED: "#8e1b10",
    Status.CLAIMED: "#e67e22",
    Status.EXPECTED: "#5d6d7e",
    Status.FORECAST: "#95a5a6",
}
_WEIGHTS = {Status.CONFIRMED: 4.5, Status.FORECAST: 2.5}


@dataclass(frozen=True, slots=True)
class LineStyle:
    """The look of a leg's line."""

    colour: str
    weight: float
    dash: str | None
    opacity: float

    def as_dict(self) -> dict[str, object]:
        """For the browser: Leaflet path options' names."""
        return {"color": self.colour, "weight": self.weight, "dashArray": self.dash,
                "opacity": self.opacity}


def leg_style(mode: Mode, status: Status, context: bool = False) -> LineStyle:
    """The line of a leg of this mode and status (lighter for context units)."""
    weight = _WEIGHTS.get(status, 3.5)
    return LineStyle(MODE_COLOURS[mode], weight * (0.7 if context else 1.0),
                     STATUS_DASHES[status], 0.55 if context else 0.9)


def station_radius(strength: int | None) -> float:
    """Marker radius in pixels: 6 for an unknown strength, growing with its logarithm.

    >>> round(station_radius(1500), 1), round(station_radius(11000), 1)
    (15.5, 18.1)
    """
    if not strength:
        return 6.0
    return 6.0 + 3.0 * math.log10(strength + 1)
