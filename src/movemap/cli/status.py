"""``movemap status``: where each unit is on a day, with what strength, and totals by place."""

from __future__ import annotations

import json
from pathlib import Path

import click

from movemap.cli.options import ambiguity_option, gazetteer_option, networks_options
from movemap.cli.table import format_table
from movemap.gazetteer import Gazetteer
from movemap.located import locate
from movemap.queries import status as positions_on
from movemap.queries import totals
from movemap.routing import Networks
from movemap.validate import read_dataset

__all__ = ["status"]


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--on", "day", required=True, metavar="YYYY-MM-DD", help="The day to ask about.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@networks_options
@gazetteer_option
@ambiguity_option
def status(dataset: Path, day: str, fmt: str, networks: Networks,
           gazetteer: Gazetteer) -> None:
    """Where each unit is on a day, and the strength at each place by status.

    Stations place a unit; otherwise a leg under way places it along its route; otherwise
    it is where its last leg arrived. Claims and expectations are totalled apart from reports.

    \b
    Example:
      movemap status layers/dprk-russia-2024.yaml --on 2024-10-20
    """
    data = read_dataset(dataset)
    positions = positions_on(locate(data, gazetteer, networks), day)
    if fmt == "json":
        click.echo(json.dumps([p.to_dict() for p in positions], ensure_ascii=False, indent=1))
        return
    # An area's point is not where the unit is: its coordinates are left blank.
    precise = {"point", "site"}
    rows = [[p.unit_name, p.place, f"{p.lat:.3f}" if p.precision in precise else "",
             f"{p.lon:.3f}" if p.precision in precise else "",
             f"{p.strength:,}" if p.strength is not None else "", p.status.value,
             "moving" if p.moving else "", p.record] for p in positions]
    click.echo(format_table(["unit", "place", "lat", "lon", "strength", "status", "", "record"],
                            rows, frozenset({2, 3, 4})))
    click.echo()
    total_rows = [[t.place, ", ".join(f"{k} {v:,}" for k, v in t.strength.items()) or "unknown",
                   str(len(t.units))] for t in totals(positions)]
    click.echo(format_table(["place", "strength by status", "units"], total_rows,
                            frozenset({2})))
