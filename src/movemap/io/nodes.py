"""YAML read into plain values that remember where they were written (line and column).

``load_nodes(text, source)`` returns a :class:`Node` tree: each node has the Python value
of a scalar (or the nodes of a mapping or a list) and its 1-based line and column, so that
checks further on can say ``layers/x.yaml:42:9: ...``. JSON documents, which are YAML, load
the same way; :func:`from_plain` wraps values that come from elsewhere (GeoJSON properties)
in nodes without a position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from movemap.errors import YamlSyntaxError

__all__ = ["Node", "YamlSyntaxError", "from_plain", "load_nodes"]


@dataclass(slots=True)
class Node:
    """A value with its position; ``keys`` holds the positions of a mapping's keys."""

    value: Any
    line: int | None = None
    column: int | None = None
    keys: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)

    def plain(self) -> Any:
        """The value with every node unwrapped."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader; kept as its own class so that nothing is added to SafeLoader."""


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node: yaml.Node, loader: _Loader, source: str) -> Node:
    line, column = _position(node)
    if isinstance(node, yaml.MappingNode):
        values: dict[str, Node] = {}
        keys: dict[str, tuple[int | None, int | None]] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key_line, key_column = _position(key_node)
            if not isinstance(key, str | int | float | bool) or isinstance(key, bool):
                raise YamlSyntaxError(f"a key must be a plain word, not {key!r}", path=source,
                                      line=key_line, column=key_column)
            key = str(key)
            if key in values:
                raise YamlSyntaxError(f"key {key!r} appears twice in this mapping", path=source,
                                      line=key_line, column=key_column)
            values[key] = _convert(value_node, loader, source)
            keys[key] = (key_line, key_column)
        return Node(values, line, column, keys)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, loader, source) for item in node.value], line, column)
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError:
        value = node.value  # 2024-13-01 looks like a date but is none: let the reader say so
    return Node(value, line, column)


def load_nodes(text: str, source: str = "<string>") -> Node:
    """Parse one YAML (or JSON) document into located nodes.

    Raises :class:`YamlSyntaxError` with the position PyYAML reports.
    """
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Node(None, 1, 1)
        return _convert(root, loader, source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        hint = " (check the indentation here)" if "block" in problem else ""
        raise YamlSyntaxError(
            f"YAML syntax: {problem}{hint}", path=source,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML syntax: {exc}", path=source) from None
    finally:
        loader.dispose()


def from_plain(value: Any) -> Node:
    """Wrap plain values (from JSON or a data frame) as nodes without positions."""
    if isinstance(value, dict):
        return Node({str(k): from_plain(v) for k, v in value.items()},
                    keys={str(k): (None, None) for k in value})
    if isinstance(value, list | tuple):
        return Node([from_plain(v) for v in value])
    return Node(value)
