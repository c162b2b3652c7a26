"""Colours that survive the common colour-vision deficiencies.

Each palette is passed through the simulations of Machado, Oliveira and Fernandes (2009,
severity 1.0) for protanopia, deuteranopia and tritanopia, in linear RGB, and every pair of
its colours must stay at least ``MIN_DELTA_E`` apart in CIELAB (CIE76), with normal vision too.
Status is also shown by pattern (line dashes, station outlines), so its colours may be closer.
"""

from __future__ import annotations

import itertools
import math

import pytest

from movemap.style import MODE_COLOURS, STATUS_COLOURS, STATUS_DASHES

SIMULATIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(colour: str, matrix: tuple[tuple[float, ...], ...]) -> tuple[float, float, float]:
    rgb = [_linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5)]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
               for row in matrix)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def closest_pair(palette: dict[str, str], vision: str) -> tuple[float, str, str]:
    lab = {name: _lab(colour, SIMULATIONS[vision]) for name, colour in palette.items()}
    return min((math.dist(lab[a], lab[b]), a, b) for a, b in itertools.combinations(lab, 2))


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_mode_colours_stay_apart(vision: str) -> None:
    distance, a, b = closest_pair({m.value: c for m, c in MODE_COLOURS.items()}, vision)
    assert distance >= 15, f"{a} and {b} look alike under {vision} (delta E {distance:.1f})"


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_status_colours_stay_apart(vision: str) -> None:
    distance, a, b = closest_pair({s.value: c for s, c in STATUS_COLOURS.items()}, vision)
    assert distance >= 12, f"{a} and {b} look alike under {vision} (delta E {distance:.1f})"


def test_statuses_that_share_a_pattern_differ_in_colour_or_weight() -> None:
    by_pattern: dict[str | None, list[str]] = {}
    for status, dash in STATUS_DASHES.items():
        by_pattern.setdefault(dash, []).append(status.value)
    assert by_pattern[None] == ["reported", "confirmed"]  # the heavier line tells them apart
    assert all(len(v) == 1 for k, v in by_pattern.items() if k is not None)


def test_the_old_palette_would_fail() -> None:
    """The check can fail: the first release's road and foot were 7.7 apart for protanopes."""
    old = {"road": "#a6611a", "foot": "#d95f02"}
    assert closest_pair(old, "protanopia")[0] < 15
