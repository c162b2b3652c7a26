"""Unit symbols (MIL-STD-2525 / APP-6) drawn from their SIDC, for maps and exports.

Drawn in Python by the ``milsymbol`` package (a port of milsymbol.js), so the interactive
map needs no symbol library in the browser and the static exports and KMZ icons use the very
same drawings. Only the validated SIDC reaches the renderer, never free text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["SymbolImage", "symbol"]


@dataclass(frozen=True, slots=True)
class SymbolImage:
    """An SVG symbol, its size in pixels and the point that sits on the map position."""

    svg: str
    width: float
    height: float
    anchor_x: float
    anchor_y: float


@lru_cache(maxsize=256)
def symbol(sidc: str, size: int = 28) -> SymbolImage | None:
    """The symbol of a SIDC, or None if milsymbol cannot draw it."""
    import milsymbol

    drawn = milsymbol.Symbol(sidc, size=size)
    if not drawn.is_valid():
        return None
    box, anchor = drawn.get_size(), drawn.get_anchor()
    return SymbolImage(drawn.as_svg(), float(box["width"]), float(box["height"]),
                       float(anchor["x"]), float(anchor["y"]))
