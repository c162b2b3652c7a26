"""``movemap merge``: drafts of the same events fused into one dataset, every source kept."""

from __future__ import annotations

import json
from pathlib import Path

import click

from movemap.cli.options import gazetteer_option
from movemap.gazetteer import Gazetteer

__all__ = ["merge"]


@click.command()
@click.argument("drafts", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The merged dataset (.yaml, .csv or .geojson).")
@click.option("--report", "report_path", type=click.Path(path_type=Path),
              help="Write the merge report here (.json for JSON, else text); "
                   "default: a summary on stderr.")
@click.option("--name", help="The merged dataset's name (default: the output file's stem).")
@click.option("--max-km", type=click.FloatRange(min=0), default=50.0, show_default=True,
              help="How far apart two ends may be and still be one place.")
@click.option("--slack-days", type=click.IntRange(min=0), default=1, show_default=True,
              help="Days of leeway when comparing two records' dates.")
@gazetteer_option
def merge(drafts: tuple[Path, ...], output: Path, report_path: Path | None, name: str | None,
          max_km: float, slack_days: int, gazetteer: Gazetteer) -> None:
    """Fuse drafts that describe the same movements into one dataset.

    Legs (and stations) of compatible units, with ends within --max-km and overlapping
    dates, become one record listing every source; figures that disagree are kept side by
    side in its notes; status follows the sources' Admiralty grades (two independent
    sources graded A-C 1-3 confirm; weaker sources only claim). A folder stands for its
    .yaml files. The same drafts always give the same file, byte for byte.

    \b
    Examples:
      movemap merge drafts/ -o dprk.yaml --report merge-report.txt
      movemap merge nis.yaml hur.yaml yonhap.yaml -o merged.yaml
    """
    from movemap.fusion import merge as fuse
    from movemap.io import write_dataset
    from movemap.io.atomic import write_atomic
    from movemap.validate import read_dataset

    paths: list[Path] = []
    for path in drafts:
        paths.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    if not paths:
        raise click.UsageError("no drafts: the folders named hold no .yaml file")
    merged = fuse([read_dataset(p) for p in paths], gazetteer=gazetteer,
                  name=name or output.stem, max_km=max_km, slack_days=slack_days)
    written = write_dataset(merged.dataset, output)
    report = merged.report
    if report_path is not None:
        content = (json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n"
                   if report_path.suffix.lower() == ".json" else report.to_text())
        write_atomic(report_path, content)
    else:
        click.echo(report.to_text().splitlines()[0], err=True)
    click.echo(written)
