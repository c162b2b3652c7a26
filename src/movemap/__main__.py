"""``python -m movemap``: the same as the ``movemap`` command."""

from movemap.cli import main

main()
