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

__all__ = ["MAX_ALIASES", "MAX_ALIAS_NODES", "MAX_DEPTH", "MAX_NUMBER_DIGITS", "Node",
           "YamlLimitError", "YamlSyntaxError", "from_plain", "load_nodes"]


@dataclass(slots=True)
class Node:
    """A value with its position; ``keys`` holds the positions of a mapping's keys.

    ``raw`` is the text as written when YAML read an unquoted word as something other than
    text (``NO`` as false, ``1:30`` as 90), so that a reader expecting text can say so.
    """

    value: Any
    line: int | None = None
    column: int | None = None
    keys: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    raw: str | None = None

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


MAX_DEPTH = 64
"""Deepest nesting of lists and mappings (a dataset needs six levels)."""
MAX_ALIASES = 100_000
"""Most aliases (``*name``) in one file."""
MAX_ALIAS_NODES = 1_000_000
"""Most values that aliases may repeat in one file, counted as if written out: a "billion
laughs" file of nested aliases stops here instead of filling the memory."""
MAX_NUMBER_DIGITS = 30
"""Longest whole number read as a number: longer is surely a mistake (or an attack on the
conversion to int), and is reported instead of converted."""

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"

class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader: only its parser, resolver and scalar constructors are used;
    nodes are built by :func:`load_nodes`. Its messages name syntax errors best."""


_FastLoader: type[Any] = getattr(yaml, "CSafeLoader", _Loader)
"""libyaml's loader when PyYAML has it: the same events about ten times faster."""


_NO_KEYS: dict[str, tuple[int | None, int | None]] = {}
"""The ``keys`` of every scalar node, shared: only a mapping's own dict is ever written."""


class YamlLimitError(YamlSyntaxError):
    """The file passes a limit set against hostile or broken input (nesting, aliases, size)."""


def _position(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


@dataclass(slots=True)
class _Open:
    """A list or mapping being read: its node, the key waiting for a value, its size."""

    node: Node
    anchor: str | None
    size: int = 1
    key: str | None = None
    merges: list[Node] = field(default_factory=list)


class _Builder:
    """Builds located nodes from parser events, without recursion and within the limits."""

    def __init__(self, loader: Any, source: str) -> None:
        self.loader = loader
        self.source = source
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.aliases = 0
        self.repeated = 0
        self.stack: list[_Open] = []
        self.plain: dict[str, tuple[Any, str | None]] = {}

    def fail(self, message: str, mark: Any) -> YamlLimitError:
        line, column = _position(mark)
        return YamlLimitError(message, path=self.source, line=line, column=column)

    def scalar(self, event: Any) -> Node:
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        tag = event.tag
        if tag is None or tag == "!":
            if event.style:  # quoted or a block: always text
                return Node(event.value, line, column, _NO_KEYS)
            known = self.plain.get(event.value)
            if known is not None:  # the same plain word as before: "road", "2024-10-08"
                return Node(known[0], line, column, _NO_KEYS, known[1])
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            if event.tag is None and len(self.plain) < 100_000:
                self.plain[event.value] = (event.value, None)
            return Node(event.value, line, column, _NO_KEYS)
        if tag == _MERGE:
            return Node(_MERGE, line, column, _NO_KEYS)
        if tag == _INT and len(event.value.lstrip("+-").replace("_", "")) > MAX_NUMBER_DIGITS:
            raise self.fail(f"number {event.value[:12]}... has {len(event.value)} characters;"
                            f" the limit is {MAX_NUMBER_DIGITS} digits", event.start_mark)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        constructors = self.loader.yaml_constructors
        try:
            value = constructors.get(tag, constructors[None])(self.loader, node)
        except ValueError:
            value = event.value  # 2024-13-01 looks like a date but is none: the reader says so
        raw = event.value if not event.style and not isinstance(value, str) else None
        if event.tag is None and not event.style and len(self.plain) < 100_000:
            self.plain[event.value] = (value, raw)  # scalars are immutable: safe to share
        return Node(value, line, column, _NO_KEYS, raw)

    def start(self, event: Any, value: dict[str, Node] | list[Node]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(f"lists and mappings nested deeper than {MAX_DEPTH} levels",
                            event.start_mark)
        tag = event.tag
        if tag not in (None, "!", _MAP, _SEQ):
            raise self.fail(f"tag {tag!r} is not allowed in a dataset", event.start_mark)
        line, column = _position(event.start_mark)
        self.stack.append(_Open(Node(value, line, column), event.anchor))

    def alias(self, event: Any) -> tuple[Node, int]:
        if event.anchor not in self.anchors:
            open_anchors = {o.anchor for o in self.stack}
            what = ("refers to a value that contains it" if event.anchor in open_anchors
                    else "is not defined before this point")
            raise self.fail(f"alias *{event.anchor} {what}", event.start_mark)
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise self.fail(f"more than {MAX_ALIASES:,} aliases in one file", event.start_mark)
        node, size = self.anchors[event.anchor]
        self.repeated += size
        if self.repeated > MAX_ALIAS_NODES:
            raise self.fail(f"aliases repeat more than {MAX_ALIAS_NODES:,} values (the limit); "
                            "a file of aliases of aliases would fill the memory",
                            event.start_mark)
        return node, size

    def add(self, node: Node, size: int, anchor: str | None, key_mark: Any) -> Node | None:
        """Put a finished node in the list or mapping being read; the root when none is."""
        if anchor is not None:
            self.anchors[anchor] = (node, size)
        if not self.stack:
            return node
        top = self.stack[-1]
        top.size += size
        container = top.node.value
        if container.__class__ is list:
            container.append(node)
        elif top.key is None:
            top.key = self.key(node, key_mark)
        elif top.key == _MERGE:
            top.merges.extend(node.value if node.is_list else [node])
            top.key = None
        else:
            container[top.key] = node
            top.key = None
        return None

    def key(self, node: Node, mark: Any) -> str:
        key = node.value
        if key.__class__ is str:
            text: str = key
            if text == _MERGE:
                return _MERGE
        elif isinstance(key, bool) or not isinstance(key, int | float):
            hint = (f" (YAML reads {node.raw} as {str(key).lower()}; put it in quotes: "
                    f"\"{node.raw}\")" if isinstance(key, bool) and node.raw else "")
            raise YamlSyntaxError(f"a key must be a plain word, not {_shown(key)}{hint}",
                                  path=self.source, line=node.line, column=node.column)
        else:
            text = str(key)
        values = self.stack[-1].node
        if text in values.value:
            raise YamlSyntaxError(f"key {text!r} appears twice in this mapping",
                                  path=self.source, line=node.line, column=node.column)
        values.keys[text] = (node.line, node.column)
        return text

    def end(self) -> tuple[Node, int, str | None]:
        done = self.stack.pop()
        node = done.node
        for merged in done.merges:
            if not merged.is_mapping:
                raise YamlSyntaxError("<< merges only mappings", path=self.source,
                                      line=merged.line, column=merged.column)
            for key, value in merged.value.items():
                if key not in node.value:
                    node.value[key] = value
                    node.keys[key] = merged.keys.get(key, (merged.line, merged.column))
        return node, done.size, done.anchor


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _build(loader: Any, source: str) -> Node:
    builder = _Builder(loader, source)
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return Node(None, 1, 1)
    loader.get_event()  # document start
    root: Node | None = None
    get = loader.get_event
    stack, plain, scalar = builder.stack, builder.plain, builder.scalar
    scalar_event = yaml.ScalarEvent
    while root is None:
        event = get()
        kind = event.__class__
        if kind is scalar_event:
            top = stack[-1] if stack else None
            if top is not None and event.anchor is None:
                container = top.node.value
                if container.__class__ is dict and top.key is None and event.tag is None \
                        and not event.style:
                    # a mapping's key, plain and seen before as text: no node is needed
                    known = plain.get(event.value)
                    if known is not None and known[0].__class__ is str \
                            and known[0] != _MERGE:
                        text: str = known[0]
                        mark = event.start_mark
                        if text in container:
                            raise YamlSyntaxError(
                                f"key {text!r} appears twice in this mapping", path=source,
                                line=mark.line + 1, column=mark.column + 1)
                        top.node.keys[text] = (mark.line + 1, mark.column + 1)
                        top.key = text
                        top.size += 1
                        continue
                # _Builder.add's branches, inlined: the hot path of a big file (measured:
                # a call per scalar was a tenth of the time to read 20,000 legs)
                node = scalar(event)
                top.size += 1
                if container.__class__ is list:
                    container.append(node)
                elif top.key is None:
                    top.key = builder.key(node, event.start_mark)
                elif top.key == _MERGE:
                    top.merges.extend(node.value if node.is_list else [node])
                    top.key = None
                else:
                    container[top.key] = node
                    top.key = None
                continue
            root = builder.add(scalar(event), 1, event.anchor, event.start_mark)
        elif kind is yaml.MappingStartEvent:
            builder.start(event, {})
        elif kind is yaml.SequenceStartEvent:
            builder.start(event, [])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            node, size, anchor = builder.end()
            root = builder.add(node, size, anchor, event.start_mark)
        elif kind is yaml.AliasEvent:
            node, size = builder.alias(event)
            root = builder.add(node, size, None, event.start_mark)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        line, column = _position(event.start_mark)
        raise YamlSyntaxError("YAML syntax: a dataset is one document; found a second one "
                              "(a line with ---)", path=source, line=line, column=column)
    return root


def load_nodes(text: str, source: str = "<string>") -> Node:
    """Parse one YAML (or JSON) document into located nodes, within the limits above.

    Nodes are built from the parser's events with a stack of open lists and mappings (no
    recursion, so no depth can overflow Python's stack); aliases share their node.

    Raises :class:`YamlSyntaxError` with the position PyYAML reports, and
    :class:`YamlLimitError` naming the limit a hostile or broken file passes.
    """
    try:
        return _load(_FastLoader, text, source)
    except YamlSyntaxError:
        if _FastLoader is _Loader:
            raise
    # libyaml found a syntax error: PyYAML's own parser says where and what more clearly
    return _load(_Loader, text, source)


def _load(kind: type[Any], text: str, source: str) -> Node:
    try:
        loader = kind(text)  # PyYAML's reader refuses non-printable characters right here
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        raise YamlSyntaxError(
            f"YAML syntax: the character U+{exc.character:04X} is not allowed in YAML "
            "(a control character); remove it",
            path=source, line=before.count("\n") + 1,
            column=exc.position - (before.rfind("\n") + 1) + 1) from None
    try:
        return _build(loader, source)
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


def from_plain(value: Any, _depth: int = 0) -> Node:
    """Wrap plain values (from JSON or a data frame) as nodes without positions.

    Raises :class:`YamlLimitError` for values nested deeper than ``MAX_DEPTH``.
    """
    if _depth > MAX_DEPTH:
        raise YamlLimitError(f"lists and mappings nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, dict):
        return Node({str(k): from_plain(v, _depth + 1) for k, v in value.items()},
                    keys={str(k): (None, None) for k in value})
    if isinstance(value, list | tuple):
        return Node([from_plain(v, _depth + 1) for v in value])
    return Node(value)
