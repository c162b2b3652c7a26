"""Unit symbols for matplotlib: milsymbol's SVG turned into vector patches, and PNG icons.

milsymbol draws a symbol as a few SVG paths (frame, icon, echelon marks) with their fill
and stroke. They are parsed here into matplotlib paths (``svgpath2mpl``), so the static
maps draw the very symbols of the interactive map, as vectors in SVG and PDF.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree as ET

from movemap.symbols import symbol

__all__ = ["SymbolShapes", "symbol_artist", "symbol_png", "symbol_shapes"]

SVG = "{http://www.w3.org/2000/svg}"
_TRANSLATE = re.compile(r"translate\(\s*([-\d.]+)[ ,]+([-\d.]+)\s*\)")


@dataclass(frozen=True)
class SymbolShapes:
    """A symbol's paths in its own pixel box (y down), with their styles, and its anchor."""

    paths: tuple[tuple[Any, str, str, float], ...]  # (Path, face colour, edge colour, width)
    width: float
    height: float
    anchor: tuple[float, float]
    view: tuple[float, float, float, float]


def _colour(value: str | None) -> str:
    if not value or value == "none":
        return "none"
    m = re.match(r"rgb\((\d+),\s*(\d+),\s*(\d+)\)", value)
    return "#{:02x}{:02x}{:02x}".format(*map(int, m.groups())) if m else value


@lru_cache(maxsize=128)
def symbol_shapes(sidc: str, size: int = 28) -> SymbolShapes | None:
    """The symbol of a SIDC as matplotlib paths, or None if it cannot be drawn."""
    from svgpath2mpl import parse_path

    drawn = symbol(sidc, size)
    if drawn is None:
        return None
    root = ET.fromstring(drawn.svg)
    view = tuple(float(v) for v in root.get("viewBox", "0 0 100 100").split())
    paths = []

    def walk(node: ET.Element, style: dict[str, str], dx: float, dy: float) -> None:
        style = {**style, **{k: v for k, v in node.attrib.items()
                             if k in ("fill", "stroke", "stroke-width")}}
        move = _TRANSLATE.search(node.get("transform", ""))
        if move:
            dx, dy = dx + float(move.group(1)), dy + float(move.group(2))
        if node.tag == f"{SVG}path" and node.get("d"):
            path = parse_path(node.get("d"))
            path.vertices[:, 0] += dx
            path.vertices[:, 1] += dy
            paths.append((path, _colour(style.get("fill", "black")),
                          _colour(style.get("stroke", "none")),
                          float(style.get("stroke-width", "1"))))
        for child in node:
            walk(child, style, dx, dy)

    walk(root, {}, 0.0, 0.0)
    return SymbolShapes(tuple(paths), drawn.width, drawn.height,
                        (drawn.anchor_x, drawn.anchor_y), view)  # type: ignore[arg-type]


def symbol_artist(shapes: SymbolShapes, xy: tuple[float, float], scale: float = 1.0,
                  centred: bool = False) -> Any:
    """A matplotlib artist drawing the symbol with its anchor (or its middle) at ``xy``."""
    import matplotlib.transforms as mtransforms
    from matplotlib.offsetbox import AnnotationBbox, DrawingArea
    from matplotlib.patches import PathPatch

    x0, y0, vw, vh = shapes.view
    width, height = shapes.width * scale, shapes.height * scale
    area = DrawingArea(width, height, 0, 0, clip=False)
    # the SVG's view box -> the drawing area, y turned up
    to_area = mtransforms.Affine2D().translate(-x0, -y0).scale(width / vw, -height / vh) \
        .translate(0, height)
    for path, face, edge, line in shapes.paths:
        area.add_artist(PathPatch(to_area.transform_path(path), facecolor=face,
                                  edgecolor=edge, linewidth=line * width / vw * 0.75))
    ax_, ay_ = shapes.anchor
    alignment = (0.5, 0.5) if centred else (ax_ / shapes.width, 1 - ay_ / shapes.height)
    return AnnotationBbox(area, xy, frameon=False, pad=0, box_alignment=alignment)


@lru_cache(maxsize=128)
def symbol_png(sidc: str, size: int = 48) -> bytes | None:
    """The symbol as a PNG image with a transparent background (KMZ icons)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    shapes = symbol_shapes(sidc, size)
    if shapes is None:
        return None
    dpi = 100
    fig = plt.figure(figsize=(shapes.width / dpi * 1.2, shapes.height / dpi * 1.2), dpi=dpi)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.add_artist(symbol_artist(shapes, (0.5, 0.5), centred=True))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", transparent=True, dpi=dpi, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
