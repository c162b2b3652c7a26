"""How the frozen, slotted value objects (``model``, ``dates``) are unpickled.

A big dataset's parse is kept pickled in the cache (``io.kept``): 20,000 legs are about
100,000 values. Python's dataclasses restore each frozen, slotted one by looking its
fields up again (``dataclasses.fields``) for every object, most of the time it takes to
load; here the names are looked up once a class. The pickled state is dataclasses' own (the
field values in order), so files kept before read the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

__all__ = ["restore_fields"]


_NAMES: dict[type, tuple[str, ...]] = {}  # each class's field names, in order


def restore_fields(self: Any, state: Sequence[Any]) -> None:
    """A frozen dataclass's ``__setstate__``: its fields set, in order, from ``state``."""
    cls = type(self)
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    for name, value in zip(names, state, strict=True):
        object.__setattr__(self, name, value)
