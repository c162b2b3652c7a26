"""``movemap schema``: the JSON Schema of the dataset format, for editors."""

from __future__ import annotations

import json

import click

from movemap.schema import json_schema

__all__ = ["schema"]


@click.command()
def schema() -> None:
    """Print the JSON Schema of movemap's dataset files.

    \b
    Example (VS Code's YAML extension reads it):
      movemap schema > movemap.schema.json
    """
    click.echo(json.dumps(json_schema(), indent=1, ensure_ascii=False))
