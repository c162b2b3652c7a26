"""``movemap route``: the route between places along the network of a mode."""

from __future__ import annotations

import json
from pathlib import Path

import click

from movemap.cli.messages import line
from movemap.cli.options import gazetteer_option, networks_options
from movemap.gazetteer import Gazetteer
from movemap.model import Mode
from movemap.routing import Networks
from movemap.routing import route as route_stops

__all__ = ["route"]


def _country_codes(_ctx: click.Context, param: click.Parameter,
                   values: tuple[str, ...]) -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes, checked as the library checks them (an unknown code would be
    a country no route is in, and change nothing)."""
    from movemap.countries import country_codes
    from movemap.errors import CountryCodeError

    try:
        return country_codes(values)
    except CountryCodeError as exc:
        raise click.BadParameter(exc.message, param=param) from None


@click.command()
@click.argument("origin", metavar="FROM")
@click.argument("destination", metavar="TO")
@click.option("--mode", type=click.Choice([m.value for m in Mode if m is not Mode.UNKNOWN]),
              default="air", show_default=True, help="How the route travels.")
@click.option("--via", multiple=True, metavar="PLACE", help="A place to pass (repeatable).")
@click.option("--through", multiple=True, metavar="CC", callback=_country_codes,
              help="A transit country rail and road may cross (ISO code, repeatable).")
@click.option("--avoid", multiple=True, metavar="CC", callback=_country_codes,
              help="A country rail and road must not cross (ISO code, repeatable).")
@click.option("--format", "fmt", type=click.Choice(["summary", "geojson", "wkt"]),
              default="summary", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file (atomically) instead of the terminal.")
@networks_options
@gazetteer_option
def route(origin: str, destination: str, mode: str, via: tuple[str, ...],
          through: tuple[str, ...], avoid: tuple[str, ...], fmt: str,
          output: Path | None, networks: Networks, gazetteer: Gazetteer) -> None:
    """The route from FROM to TO along sea lanes, railways or roads, offline.

    Sea routes follow shipping lanes and keep off land; rail and road routes follow Natural
    Earth's main lines and stay in the countries of their places and --through; air is a
    great circle. Where a network cannot join two places the stretch is a great circle, and
    where it must leave those countries it says which; either is marked approximate.

    \b
    Examples:
      movemap route Chongjin Vladivostok --mode sea
      movemap route Vladivostok Kursk --mode rail --via Irkutsk --via Moscow --format geojson
      movemap route Chongjin Khasan --mode rail --rail-lines my-lines.geojson
      movemap route Moscow Kaliningrad --mode rail --through BY --through LT
    """
    names = [origin, *via, destination]
    places = [r.place for r in gazetteer.resolve_all(names)]
    found = route_stops([(p.lon, p.lat) for p in places], Mode(mode), networks,
                        [p.name for p in places], through=through, avoid=avoid)
    networks.save()
    for warning in found.warnings:
        click.echo(line(warning, severity="warning"), err=True)
    if fmt == "summary":
        stops = " -> ".join(p.name for p in places)
        note = " (approximate: see the warnings)" if found.approximate else ""
        text = (f"{mode} {stops}: {found.length_km:,.0f} km, {len(found.points)} points"
                f"{note}\n")
    elif fmt == "geojson":
        feature = {
            "type": "Feature",
            "geometry": found.geojson_geometry(),
            "properties": {
                "from": places[0].name, "to": places[-1].name,
                "via": [p.name for p in places[1:-1]], "mode": mode,
                "length_km": round(found.length_km, 1), "approximate": found.approximate,
                "warnings": list(found.warnings),
            },
        }
        text = json.dumps(feature, ensure_ascii=False) + "\n"
    else:
        import shapely

        text = shapely.geometry.shape(found.geojson_geometry()).wkt + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        from movemap.io.atomic import write_atomic

        click.echo(write_atomic(output, text))
