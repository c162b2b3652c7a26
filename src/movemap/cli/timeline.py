"""``movemap timeline``: legs and stations in date order, with distance, duration and speed."""

from __future__ import annotations

import json
from pathlib import Path

import click

from movemap.cli.options import ambiguity_option, gazetteer_option, networks_options
from movemap.cli.table import format_table
from movemap.gazetteer import Gazetteer
from movemap.located import locate
from movemap.queries import timeline as events_of
from movemap.routing import Networks
from movemap.validate import read_dataset

__all__ = ["timeline"]


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@networks_options
@gazetteer_option
@ambiguity_option
def timeline(dataset: Path, fmt: str, networks: Networks,
           gazetteer: Gazetteer) -> None:
    """The dataset's events in date order; legs with distance, duration and implied speed.

    Distances follow each leg's route (its longest branch). A ~ marks a figure to read as
    "about": a distance to or from a region or a country (its point stands for the whole
    area) or along an approximate route, with its speed; and the duration of a leg without an
    end date, given the mode's usual daily distance.

    \b
    Example:
      movemap timeline layers/dprk-russia-2024.yaml
    """
    data = read_dataset(dataset)
    events = events_of(locate(data, gazetteer, networks))
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=1))
        return
    rows = []
    for e in events:
        approx = "~" if e.arrival_estimated else ""
        about = "~" if e.distance_approximate else ""
        rows.append([
            str(e.start), str(e.end) if e.end else "", e.record, e.unit_name,
            e.origin if e.record == "leg" else "", e.destination,
            e.mode.value if e.mode else "",
            f"{about}{e.distance_km:,.0f}" if e.distance_km is not None else "",
            f"{approx}{e.duration_days}" if e.duration_days is not None else "",
            f"{approx or about}{e.speed_kmh:,.1f}" if e.speed_kmh is not None else "",
            f"{e.strength:,}" if e.strength is not None else "", e.status.value,
        ])
    click.echo(format_table(["start", "end", "", "unit", "from", "to", "mode", "km", "days",
                             "km/h", "strength", "status"], rows,
                            frozenset({7, 8, 9, 10})))
