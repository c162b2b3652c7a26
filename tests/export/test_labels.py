"""Place names on static maps: no two overlap on a crowded map, every one kept on a small one."""

from __future__ import annotations

import random
from typing import Any

import pytest

from movemap.export.labels import Label, place_labels


def _crowd(n: int, seed: int = 7) -> list[Label]:
    rng = random.Random(seed)
    return [Label(f"Place {i}", rng.uniform(0, 1920), rng.uniform(0, 1080),
                  rng.uniform(30, 120), 12) for i in range(n)]


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def test_crowded_map_leaves_names_out_and_counts_them() -> None:
    labels = _crowd(3000)
    placed, left_out = place_labels(labels, (0, 0, 1920, 1080), 120 / 72, pad=2)
    assert left_out > 0 and len(placed) + left_out == len(labels)
    boxes = [p.box for p in placed]
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert all(b[0] >= 0 and b[2] <= 1920 and b[1] >= 0 and b[3] <= 1080 for b in boxes)
    # the first (busiest) names come first: the head of the list is never left out
    assert [p.label.name for p in placed[:5]] == [label.name for label in labels[:5]]


def test_a_size_bound_measures_fewer_names_and_places_the_same() -> None:
    labels = [Label(f"Place {i}", x.x, x.y) for i, x in enumerate(_crowd(1500))]
    size = {label.name: (7.0 * len(label.name), 12.0) for label in labels}
    runs = []
    for least in (None, lambda name: (0.5 * size[name][0], 0.5 * size[name][1])):
        measured: list[str] = []

        def measure(name: str, measured: list[str] = measured) -> tuple[float, float]:
            measured.append(name)
            return size[name]

        runs.append((place_labels(labels, (0, 0, 1920, 1080), 120 / 72, pad=2,
                                  measure=measure, least=least), len(measured)))
    (without, measured_without), (with_bound, measured_with) = runs
    assert with_bound == without
    assert measured_with < measured_without


@pytest.mark.parametrize("dpi", [72, 120, 200, 600])
def test_least_size_is_never_over_the_measured_size(dpi: int) -> None:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from movemap.export.static import least_size

    font = FontProperties(size=9)
    renderer = RendererAgg(10, 10, dpi)
    least = least_size(font, dpi)
    for name in ["Tavy", "AVAVAV", "T.T.", "W.A.", "iiiii", "Lj", "1 1 1", "ffi", "Bei’an",
                 "L’Aquila", "’s-Hertogenbosch", "Ürümqi", "Đà Lạt", "Yy", "r.", "A", "|",
                 "7.4", "ToTeTc", "Tc. Te. To.", "LT-AV-AY", "Yo'To", "P.V.A.T.", "WAWAWA",
                 "Tó Tê Tç", "T7T7", "To", "Av", "To Yo Vo", "T\u00a0o", "T\u200bo"]:
        width, height, _ = renderer.get_text_width_height_descent(name, font, ismath=False)
        at_least = least(name)
        assert 0 <= at_least[0] <= width and 0 <= at_least[1] <= height, name
    assert min(least("Sesto San Giovanni")) > 0


# (the other names of the shipped places are in every script, many of them in none of the
# test font's glyphs: matplotlib warns once for each missing glyph, hundreds of lines that say
# nothing about the sizes checked)
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font:UserWarning")
def test_least_size_holds_for_the_places_shipped() -> None:
    """Every name and other name of the curated places shipped in ``geo/`` (thousands, in
    several scripts, with punctuation and diacritics) at the map's size: the bound is never
    over the text's measured box."""
    import csv

    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from movemap.export.static import least_size
    from movemap.geodata import geo_path

    with geo_path("places.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    names = sorted({name for row in rows
                    for name in [row["name"], *row["alt_names"].split("|")] if name})
    assert len(names) > 1000
    font = FontProperties(size=9)
    renderer = RendererAgg(10, 10, 120)
    least = least_size(font, 120)
    for name in names:
        width, height, _ = renderer.get_text_width_height_descent(name, font, ismath=False)
        at_least = least(name)
        assert at_least[0] <= width and at_least[1] <= height, name


def test_small_map_keeps_every_name() -> None:
    labels = [Label(f"Town {i}", 100 + i, 100, 60, 12) for i in range(40)]  # all in a heap
    placed, left_out = place_labels(labels, (0, 0, 400, 300), 1.0)
    assert left_out == 0 and {p.label.name for p in placed} == {x.name for x in labels}
    outside = place_labels([Label("far", 900, 900, 30, 10)], (0, 0, 400, 300), 1.0)
    assert outside == ([], 0)  # off the map: neither placed nor counted


def test_each_place_name_is_laid_out_once(located: Any, tmp_path: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The names measured to place them are not laid out again when their labels are
    drawn (matplotlib's cache of text sizes serves both)."""
    from collections import Counter

    from matplotlib.backends.backend_agg import RendererAgg

    from movemap.export.static import StaticOptions, write_static

    laid_out: Counter[str] = Counter()
    real = RendererAgg.get_text_width_height_descent

    def counted(self: Any, text: str, prop: Any, ismath: Any) -> Any:
        laid_out[text] += 1
        return real(self, text, prop, ismath)

    monkeypatch.setattr(RendererAgg, "get_text_width_height_descent", counted)
    write_static(located, tmp_path / "map.png", "png", StaticOptions())
    names = {located.place(ref).name for ref in located.dataset.place_refs()}
    measured = {text: n for text, n in laid_out.items() if text in names}
    assert measured  # the names were measured through the renderer
    assert max(measured.values()) == 1, measured


@pytest.mark.parametrize("helper", [
    pytest.param(None, id="helper-gone"),
    pytest.param(lambda *args: (_ for _ in ()).throw(TypeError("new signature")),
                 id="helper-changed"),
])
def test_names_are_placed_the_same_without_matplotlibs_private_text_cache(
        located: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, helper: Any) -> None:
    """The static map measures names through a private matplotlib helper where it has one;
    without it, or with one that takes other arguments, the map is the same, byte for byte."""
    from movemap.export import static
    from movemap.export.static import StaticOptions, write_static

    assert static._text_metrics_helper() is not None  # this matplotlib has it
    write_static(located, tmp_path / "with.png", "png", StaticOptions())
    monkeypatch.setattr(static, "_text_metrics_helper", lambda: helper)
    write_static(located, tmp_path / "without.png", "png", StaticOptions())
    assert (tmp_path / "with.png").read_bytes() == (tmp_path / "without.png").read_bytes()
