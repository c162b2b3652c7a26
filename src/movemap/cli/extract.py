"""``movemap extract``: news reports to draft datasets an analyst then checks."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import click

from movemap.cli.options import day_value, gazetteer_option
from movemap.gazetteer import Gazetteer

__all__ = ["extract"]


@click.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for relative dates (default: a 'Published:' line, or today).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write (one report), or folder (several); default: the terminal.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json", "html"]), default="yaml",
              show_default=True)
@gazetteer_option
def extract(reports: tuple[Path, ...], published: str | None, output: Path | None, fmt: str,
            gazetteer: Gazetteer) -> None:
    """Draft a movement dataset from news reports: places, dates, strengths, legs.

    Every leg keeps the sentence it comes from and a confidence; the YAML draft passes
    `movemap validate`. Check it before you use it.

    \b
    Examples:
      movemap extract report.txt --published 2024-10-18 -o draft.yaml
      movemap extract report.txt --format html -o draft.html
      movemap extract reports/*.txt -o drafts/
    """
    from movemap.extract import extract as draft_of
    from movemap.extract import read_report, to_dataset
    from movemap.io.atomic import write_atomic
    from movemap.io.yaml import dump_yaml

    day = day_value(published, "--published")
    many = len(reports) > 1
    if many and output is None:
        raise click.UsageError("several reports need -o FOLDER")
    items: Iterable[Path] = reports
    if many:
        from tqdm import tqdm

        items = tqdm(reports, desc="extracting", unit="report", file=sys.stderr, disable=None)
    for path in items:
        text, found_date = read_report(path)
        draft = draft_of(text, day or found_date or date.today(), gazetteer, name=path.stem)
        if fmt == "json":
            content = json.dumps(draft.to_dict(), ensure_ascii=False, indent=1) + "\n"
        elif fmt == "yaml":
            content = dump_yaml(to_dataset(draft))
        else:
            from movemap.extract.page import draft_page
            from movemap.render import render_html

            dataset = to_dataset(draft)
            map_html = render_html(dataset, gazetteer=gazetteer) if dataset.legs else None
            content = draft_page(draft, map_html)
        if output is None:
            click.echo(content, nl=False)
            continue
        target = output / f"{path.stem}.{fmt}" if many else output
        click.echo(write_atomic(target, content), err=many)
