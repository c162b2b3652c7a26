"""``movemap export``: static maps and data files for reports and other tools."""

from __future__ import annotations

import re
from pathlib import Path

import click

from movemap.cli.options import (
    STDOUT,
    ambiguity_option,
    day_value,
    engine_options,
    gazetteer_option,
    networks_options,
    output_target,
    refuse_input_as_output,
)
from movemap.engine import Engine
from movemap.errors import MovemapError
from movemap.gazetteer import Gazetteer
from movemap.routing import Networks

__all__ = ["export"]

FORMATS = ["png", "svg", "pdf", "gif", "kml", "kmz", "geojson", "gpkg", "csv", "mfjson"]


def _extent(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None or text == "auto":
        return None
    parts = text.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise MovemapError(f"--extent {text!r} is not auto or W,S,E,N in degrees",
                           field="extent") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise MovemapError(f"--extent {text!r}: need west < east and south < north",
                           field="extent")
    return west, south, east, north


def _check_extension(output: Path, fmt: str) -> None:
    """Refuse ``--format kml -o x.png``: a file named for one format holding another."""
    from movemap.export import EXTENSIONS

    suffix = output.suffix.lower()
    if suffix and suffix not in EXTENSIONS[fmt]:
        raise MovemapError(f"-o {output} has the extension {suffix}, not that of {fmt} "
                           f"({', '.join(EXTENSIONS[fmt])}): rename it, or add --force to "
                           f"write {fmt} into it anyway", field="output")


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: from the file's extension).")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The file to write; - for standard output (with --format).")
@click.option("--on", "day", metavar="YYYY-MM-DD", help="Maps: the situation on this day.")
@click.option("--extent", metavar="auto|W,S,E,N", default="auto", show_default=True)
@click.option("--size", default="16:9", show_default=True, metavar="16:9|a4|WxH")
@click.option("--dpi", type=click.IntRange(50, 600), default=120, show_default=True)
@click.option("--title", help="Maps: title (default: the dataset's).")
@click.option("--banner", help="Maps: a caption at top and bottom (a classification).")
@click.option("--no-inset", is_flag=True, help="Maps: leave out the inset locator map.")
@click.option("--step", default="1d", show_default=True, metavar="Nd",
              help="GIF: days between frames.")
@click.option("--from", "start", metavar="YYYY-MM-DD", help="GIF and charts: first day.")
@click.option("--until", "end", metavar="YYYY-MM-DD", help="GIF and charts: last day.")
@click.option("--chart", type=click.Choice(["timeline", "strength"]),
              help="A chart instead of a map (png, svg, pdf): units' legs and stations over "
                   "time, or strength by place over time.")
@click.option("--force", is_flag=True,
              help="Write --format even where the file's extension says another format.")
@networks_options
@gazetteer_option
@engine_options
@ambiguity_option
def export(dataset: Path, fmt: str | None, output: Path, day: str | None, extent: str,
           size: str, dpi: int, title: str | None, banner: str | None, no_inset: bool,
           step: str, start: str | None, end: str | None, chart: str | None, force: bool,
           networks: Networks, gazetteer: Gazetteer, engine: Engine) -> None:
    """Export a dataset as a static map (png, svg, pdf, gif) or a data file.

    Data: kml and kmz (Google Earth, with time spans), geojson, gpkg (layers legs and
    stations), csv (one row a leg, with WKT) and mfjson (OGC Moving Features). Files are
    written atomically, and the same dataset gives the same svg, geojson and kml bytes.

    \b
    Examples:
      movemap export layers/dprk-russia-2024.yaml -o out/dprk.png --banner "UNCLASSIFIED"
      movemap export layers/dprk-russia-2024.yaml -o out/dprk-1020.pdf --on 2024-10-20 --size a4
      movemap export layers/dprk-russia-2024.yaml -o out/dprk.kmz
      movemap export layers/dprk-russia-2024.yaml -o out/timeline.svg --chart timeline
    """
    from movemap.export import STATIC
    from movemap.export import export as write
    from movemap.export.static import parse_size
    from movemap.located import locate
    from movemap.validate import read_dataset

    if str(output) == STDOUT and fmt is None:
        raise MovemapError("-o - (standard output) needs --format", field="format")
    if fmt and not force:
        _check_extension(output, fmt)
    refuse_input_as_output(output, dataset)
    data = read_dataset(dataset)
    kind = fmt or output.suffix.lstrip(".").lower()
    if chart is not None:
        from movemap.export.chart import write_chart

        with output_target(output, f".{kind}") as target:
            assert target is not None
            path = write_chart(locate(data, gazetteer, networks), target, chart, title,
                               day_value(start, "--from"), day_value(end, "--until"))
        if str(output) != STDOUT:
            click.echo(path)
        return
    options: dict[str, object] = {}
    if kind in STATIC:
        options = {"extent": _extent(extent), "size": parse_size(size, dpi), "dpi": dpi,
                   "title": title, "banner": banner, "inset": not no_inset}
        if kind == "gif":
            m = re.fullmatch(r"(\d+)d", step)
            if not m or int(m.group(1)) < 1:
                raise MovemapError(f"--step {step!r} is not a number of days such as 1d or 7d",
                                   field="step")
            options.update(step_days=int(m.group(1)), start=day_value(start, "--from"),
                           end=day_value(end, "--until"))
        else:
            options["on"] = day_value(day, "--on")
    with output_target(output, f".{kind}") as target:
        assert target is not None
        path = write(locate(data, gazetteer, networks, engine=engine), target, fmt, **options)
    if str(output) != STDOUT:
        click.echo(path)
