"""``movemap extract``: news reports to draft datasets an analyst then checks."""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from pathlib import Path

import click

from movemap.cli.messages import line
from movemap.cli.options import (
    day_value,
    engine_options,
    gazetteer_option,
    refuse_input_as_output,
)
from movemap.engine import Engine, SerialEngine
from movemap.gazetteer import Gazetteer

__all__ = ["extract"]

_CORPUS_SUFFIXES = (".jsonl", ".list", ".lst")


def _is_corpus(reports: tuple[str, ...]) -> bool:
    if len(reports) != 1:
        return True
    text = reports[0]
    path = Path(text)
    return (text.startswith("@") or path.is_dir() or path.suffix.lower() in _CORPUS_SUFFIXES
            or (not path.exists() and any(c in text for c in "*?[")))


@click.command()
@click.argument("reports", nargs=-1, required=True)
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for relative dates (default: a 'Published:' line, the "
                   "report's dateline, or today).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write (one report), or folder (a corpus); default: the terminal.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json", "html"]), default="yaml",
              show_default=True)
@engine_options
@gazetteer_option
def extract(reports: tuple[str, ...], published: str | None, output: Path | None, fmt: str,
            engine: Engine, gazetteer: Gazetteer) -> None:
    """Draft a movement dataset from news reports: places, dates, strengths, legs.

    Every leg keeps the sentence it comes from and a confidence; the YAML draft passes
    `movemap validate`. Check it before you use it.

    A corpus (several reports, a folder of .txt files, a glob, a .jsonl file with "text" and
    "published" fields per line, or a .list file of paths) gives one draft per report in
    the -o folder. A report that cannot be read is named on stderr, the rest are drafted,
    and the exit status is 1.

    \b
    Examples:
      movemap extract report.txt --published 2024-10-18 -o draft.yaml
      movemap extract report.txt --format html -o draft.html
      movemap extract reports/ -o drafts/
      movemap extract corpus.jsonl -o drafts/ --engine dask --workers 2
      movemap extract corpus.jsonl -o drafts/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    day = day_value(published, "--published")
    if _is_corpus(reports) or not isinstance(engine, SerialEngine):
        _corpus(reports, output, fmt, day, engine, gazetteer)
        return
    _one(Path(reports[0]), output, fmt, day, gazetteer)


def _one(path: Path, output: Path | None, fmt: str, day: date | None,
         gazetteer: Gazetteer) -> None:
    from movemap.extract import extract as draft_of
    from movemap.extract import read_report, to_dataset
    from movemap.io.atomic import write_atomic
    from movemap.io.yaml import dump_yaml

    refuse_input_as_output(output, path)
    text, found_date = read_report(path)
    if day is None and found_date is None:
        logging.getLogger(__name__).warning(
            "%s: no publication date ('Published: YYYY-MM-DD' line or dateline): relative "
            "dates and years left out count from today, %s; give --published", path,
            date.today().isoformat())
    draft = draft_of(text, day or found_date or date.today(), gazetteer, name=path.stem)
    if draft.unreadable:
        from movemap.extract import ReportError

        named = sorted({p.mention for p in draft.places})
        places = (f"; it names {len(named)} known place(s): {', '.join(named[:8])}"
                  if named else "")
        raise ReportError(f"movemap extract reads movements in English reports, and "
                          f"{draft.unreadable}{places}. Translate it first", path=str(path))
    if fmt == "json":
        content = json.dumps(draft.to_dict(), ensure_ascii=False, indent=1) + "\n"
    elif fmt == "yaml":
        content = dump_yaml(to_dataset(draft))
    else:
        from movemap.extract.page import draft_page
        from movemap.located import locate
        from movemap.render import render_html

        dataset = to_dataset(draft)
        map_html = render_html(locate(dataset, gazetteer)) if dataset.legs else None
        content = draft_page(draft, map_html)
    if output is None:
        click.echo(content, nl=False)
        return
    click.echo(write_atomic(output, content))


def _corpus(reports: tuple[str, ...], output: Path | None, fmt: str, day: date | None,
            engine: Engine, gazetteer: Gazetteer) -> None:
    from tqdm import tqdm

    from movemap.extract.batch import FORMATS, run_corpus
    from movemap.extract.corpus import iter_corpus

    if output is None:
        raise click.UsageError("a corpus needs -o FOLDER")
    if fmt not in FORMATS:
        raise click.UsageError(f"a corpus is drafted as {' or '.join(FORMATS)}, not {fmt}")
    if output.exists() and not output.is_dir():
        raise click.UsageError(f"-o {output}: a corpus needs a folder, and this is a file")
    with tqdm(desc="extracting", unit="report", file=sys.stderr, disable=None) as bar:

        def step(reports_done: int) -> None:
            bar.update(reports_done)

        summary = run_corpus(iter_corpus(reports), output, fmt=fmt, published=day,
                             engine=engine, overlays=gazetteer.overlay_paths, progress=step)
    for failure in summary.failures:
        path, _, row = failure.where.rpartition(":")
        click.echo(line(failure.error or "", path=path, row=int(row)) if row.isdigit() and path
                   else line(failure.error or "", path=failure.where), err=True)
    click.echo(f"{summary.done} drafts ({summary.legs} legs) in {output}"
               + (f"; {len(summary.failures)} reports could not be read"
                  if summary.failures else ""), err=True)
    if not summary.ok:
        sys.exit(1)
