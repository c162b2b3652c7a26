"""``movemap resolve``: place names to coordinates, as a table, JSON, CSV or GeoJSON."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from movemap.cli.messages import error_lines
from movemap.cli.options import gazetteer_option
from movemap.cli.table import format_table
from movemap.errors import MovemapError, PlaceNotFoundError
from movemap.gazetteer import Candidate, Gazetteer, Near, Query, Resolution
from movemap.textfile import control_character, read_text

__all__ = ["resolve"]

_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$")
_PROGRESS_FROM = 200
_FIELDS = ["query", "name", "lat", "lon", "country", "admin1", "kind", "precision",
           "population", "id", "source", "score", "method", "confident", "ambiguous",
           "reading"]


def _near(value: str | None) -> Near | None:
    if value is None:
        return None
    match = _LATLON.match(value)
    if match:
        return float(match.group(1)), float(match.group(2))
    return value


def _read_names(path: Path) -> list[str]:
    names = []
    for number, row in enumerate(read_text(path).splitlines(), start=1):
        name = row.strip()
        if message := control_character(name, "name"):
            raise MovemapError(message, path=str(path), line=number)
        if name and not name.startswith("#"):
            names.append(name)
    return names


def _note(resolution: Resolution, candidate: Candidate, rank: int) -> str:
    """How the name was read; for the winner of an ambiguous name, its rival too."""
    text = candidate.reading()
    other = resolution.rival if rank == 1 else None
    if other is not None:
        place = other.place
        where = f" ({place.country})" if place.country else ""
        text = "; ".join(t for t in (text, f"ambiguous: as likely {place.name}{where}") if t)
    return text


def _record(resolution: Resolution, candidate: Candidate, rank: int) -> dict[str, Any]:
    ambiguous = rank == 1 and resolution.ambiguous
    return {
        "query": resolution.query,
        **candidate.place.to_dict(),
        "score": round(candidate.score, 4),
        "method": candidate.method.value,
        "confident": candidate.confident and not ambiguous,
        "ambiguous": ambiguous,
        "reading": _note(resolution, candidate, rank),
        "rank": rank,
        "why": candidate.why(),
        "parts": {k: round(v, 4) for k, v in candidate.parts.items()},
    }


def _records(resolutions: Iterable[Resolution], top: int) -> list[dict[str, Any]]:
    """One record per name; with ``top`` > 1 each carries its other candidates."""
    out = []
    for r in resolutions:
        if not r.found:
            out.append({"query": r.query, **dict.fromkeys(_FIELDS[1:]),
                        "suggestions": list(r.suggestions)})
            continue
        record = _record(r, r.best, 1)
        if top > 1:
            record["candidates"] = [_record(r, c, i) for i, c in
                                    enumerate(r.candidates[:top], start=1)]
        out.append(record)
    return out


def _table(resolutions: list[Resolution], top: int, explain: bool) -> str:
    header = ["query", "#", "name", "kind", "lat", "lon", "cc", "admin1", "population",
              "score", "source", "note"]
    rows: list[list[str]] = []
    notes: dict[int, str] = {}
    for r in resolutions:
        if not r.found:
            rows.append([r.query, "-", "(not found)", *[""] * 9])
            continue
        for i, c in enumerate(r.candidates[:top], start=1):
            p = c.place
            rows.append([
                r.query if i == 1 else "", str(i), p.name, p.kind.value, f"{p.lat:.4f}",
                f"{p.lon:.4f}", p.country or "", p.admin1 or "",
                f"{p.population:,}" if p.population else "", f"{c.score:.3f}", p.source,
                _note(r, c, i),
            ])
            if explain:
                notes[len(rows) - 1] = c.why()
    lines = format_table(header, rows, frozenset({1, 4, 5, 8, 9})).split("\n")
    out = lines[:2]
    for number, line in enumerate(lines[2:]):
        out.append(line)
        if number in notes:
            out.append("    why: " + notes[number])
    return "\n".join(out)


def _csv(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*_FIELDS, "rank"], extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for record in records:
        for row in record.get("candidates") or [record]:
            writer.writerow(row)
    return buffer.getvalue()


def _geojson(records: list[dict[str, Any]]) -> str:
    features = []
    for record in records:
        if record["lat"] is None:
            continue
        properties = {k: v for k, v in record.items() if k not in ("lat", "lon")}
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [record["lon"], record["lat"]]},
            "properties": properties,
        })
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, indent=1)


@click.command()
@click.argument("names", nargs=-1)
@click.option("-f", "--file", "names_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Read names from this file, one a line (# starts a comment).")
@click.option("--country", metavar="CC", help="Prefer places in this country (ISO alpha-2).")
@click.option("--near", metavar="PLACE|LAT,LON", help="Prefer places close to this one.")
@click.option("--top", type=click.IntRange(min=1), default=1, show_default=True,
              help="Show this many candidates per name.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "geojson"]),
              default="table", show_default=True, help="Output format.")
@click.option("--explain", is_flag=True, help="Table: say why each candidate ranks where it does.")
@gazetteer_option
def resolve(
    names: tuple[str, ...],
    names_file: Path | None,
    country: str | None,
    near: str | None,
    top: int,
    fmt: str,
    explain: bool,
    gazetteer: Gazetteer,
) -> None:
    """Resolve place names to coordinates, offline.

    Names are resolved together, so each helps place the others: Blagoveshchensk next to
    Khabarovsk is the city on the Amur. A name that cannot be resolved is reported on stderr
    with suggestions and makes the exit status 1; the others are still printed. So is a
    close spelling that is not similar enough or lands in another country than the other
    names; one that is accepted says so in the note column ("low confidence"), as do former
    names, demonyms, abbreviations and codes. Names may say their kind: "Engels air base",
    "port of Odesa", "Kursky raion"; ICAO, IATA and UN/LOCODE codes resolve in capitals.

    \b
    Examples:
      movemap resolve Chongjin "Kursk Oblast" Чхонджин 청진
      movemap resolve Blagoveshchensk --near Khabarovsk --top 3 --explain
      movemap resolve --file names.txt --format csv > places.csv
    """
    for name in names:  # a terminal would act on them when the table shows the query
        if message := control_character(name, "name"):
            raise MovemapError(message)
    wanted = list(names) + (_read_names(names_file) if names_file else [])
    if not wanted:
        raise click.UsageError("give names, or --file with one name a line")
    progress = None
    if len(wanted) >= _PROGRESS_FROM:
        from tqdm import tqdm

        def progress(items: list[Query]) -> Iterable[Query]:
            return tqdm(items, desc="resolving", unit="name", file=sys.stderr, disable=None)

    resolutions = gazetteer.resolve_all(wanted, country=country, near=_near(near),
                                        progress=progress)
    if fmt == "table":
        click.echo(_table(resolutions, top, explain))
    else:
        records = _records(resolutions, top)
        if fmt == "json":
            click.echo(json.dumps(records, ensure_ascii=False, indent=1))
        elif fmt == "csv":
            click.echo(_csv(records), nl=False)
        else:
            click.echo(_geojson(records))
    missing = [r for r in resolutions if not r.found]
    for r in missing:
        for text in error_lines(PlaceNotFoundError(r.query, r.suggestions)):
            click.echo(text, err=True)
    if missing:
        sys.exit(1)
