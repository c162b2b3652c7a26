"""``movemap render``: a dataset as an interactive, self-contained HTML map."""

from __future__ import annotations

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
from movemap.gazetteer import Gazetteer
from movemap.routing import Networks
from movemap.validate import read_dataset

__all__ = ["render"]


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path, allow_dash=True))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="The HTML file to write (default: out/<dataset name>.html; - for "
                   "standard output).")
@click.option("--title", help="Title on the map (default: the dataset's).")
@click.option("--tiles", default="none", show_default=True, metavar="none|PROVIDER",
              help="Online tiles instead of the offline basemap: osm, or an xyzservices "
                   "name such as CartoDB.Positron (needs internet to view).")
@click.option("--from", "start", metavar="YYYY-MM-DD", help="Map only from this day.")
@click.option("--until", "end", metavar="YYYY-MM-DD", help="Map only up to this day.")
@click.option("--units", metavar="ID,...", help="Map only these units (and those under them).")
@networks_options
@gazetteer_option
@engine_options
@ambiguity_option
def render(dataset: Path, output: Path | None, title: str | None, tiles: str,
           start: str | None, end: str | None, units: str | None, networks: Networks,
           gazetteer: Gazetteer, engine: Engine) -> None:
    """Render a dataset as an interactive HTML map that opens offline.

    One layer per unit (switch them in the layer control), legs along their routes styled
    by mode and status, stations sized by strength with unit symbols, one time slider for
    every layer, a legend and an offline Natural Earth basemap. The file needs no network.

    \b
    Example:
      movemap render layers/dprk-russia-2024.yaml -o out/dprk.html
    """
    from movemap.located import locate
    from movemap.queries import select
    from movemap.render import write_map

    first, last = day_value(start, "--from"), day_value(end, "--until")
    chosen = [u.strip() for u in units.split(",") if u.strip()] if units else None
    refuse_input_as_output(output, dataset)
    data = read_dataset(dataset)
    if chosen or first or last:
        data = select(data, chosen, first, last)
    with output_target(output, ".html") as target:
        path = write_map(locate(data, gazetteer, networks, engine=engine), target, title=title,
                         tiles=tiles,
                         start=first, end=last)
    if str(output) != STDOUT:
        click.echo(path)
