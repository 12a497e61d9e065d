"""Data YAML read by libyaml (C, through PyYAML) into dicts and lists that know where each value sits.

ruamel, which writes the project's YAML and words its syntax errors, parses about 150 KB/s in
pure Python; libyaml's events are some thirty times faster, and carry the same line and column
marks. The tree built here must be the one ruamel would build: plain scalars are resolved by
ruamel's own YAML 1.2 resolver, and whatever this reader does not handle exactly as ruamel does
(anchors, aliases, explicit tags, merge keys, repeated keys, numbers in other notations, nesting
past the limit, more than one document, a syntax error) raises `Unsupported`, and the caller
parses the file with ruamel instead, for its result or its located error.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

_TAG = "tag:yaml.org,2002:"
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")
_WORDS = {"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"}
_resolver = VersionedResolver()  # YAML 1.2, as ruamel's round-trip loader reads our files


class Unsupported(Exception):
    """Something to leave to ruamel."""


class Positions:
    """Zero-based (line, column) marks, asked for as ruamel's `.lc` is."""

    __slots__ = ("line", "col", "_keys", "_values")

    def __init__(self, line: int, col: int) -> None:
        self.line, self.col = line, col
        self._keys: list[tuple[int, int]] | dict[Any, tuple[int, int]] = {}
        self._values: list[tuple[int, int]] | dict[Any, tuple[int, int]] = {}

    def key(self, key: Any) -> tuple[int, int]:
        return self._keys[key]

    def value(self, key: Any) -> tuple[int, int]:
        return self._values[key]

    def item(self, index: int) -> tuple[int, int]:
        return self._values[index]


class Mapping(dict):
    __slots__ = ("lc",)


class Sequence(list):
    __slots__ = ("lc",)


def parse(text: str, max_depth: int) -> Any:
    """The document's value, or None for an empty one; raises Unsupported (see above)."""
    builder = _Builder(max_depth)
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            builder.take(event)
    except yaml.YAMLError as error:
        raise Unsupported(str(error)) from None
    return builder.root


class _Builder:
    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.open: list[Mapping | Sequence] = []
        self.pending_key: list[Any] = []  # per open mapping: its key awaiting a value, or _NO_KEY
        self.root: Any = None
        self.documents = 0

    def take(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self.add(_scalar(event), event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self.start(Mapping() if kind is yaml.MappingStartEvent else Sequence(), event)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.open.pop()
            self.pending_key.pop()
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise Unsupported("more than one document")
        elif kind is yaml.AliasEvent:
            raise Unsupported("an alias")

    def start(self, container: Mapping | Sequence, event: yaml.NodeEvent) -> None:
        if event.anchor is not None or (event.tag is not None and not event.implicit):
            raise Unsupported("an anchor or a tag")
        if len(self.open) >= self.max_depth:
            raise Unsupported("nested too deeply")
        mark = event.start_mark
        container.lc = Positions(mark.line, mark.column)
        if isinstance(container, Sequence):
            container.lc._values = []
        self.add(container, event)
        self.open.append(container)
        self.pending_key.append(_NO_KEY)

    def add(self, value: Any, event: yaml.NodeEvent) -> None:
        if not self.open:
            self.root = value
            return
        parent = self.open[-1]
        where = (event.start_mark.line, event.start_mark.column)
        if isinstance(parent, Sequence):
            parent.append(value)
            parent.lc._values.append(where)
            return
        key = self.pending_key[-1]
        if key is _NO_KEY:
            if isinstance(value, Mapping | Sequence) or value in parent or value == "<<":
                raise Unsupported("a key ruamel reads otherwise")
            self.pending_key[-1] = value
            parent.lc._keys[value] = where
            return
        parent[key] = value
        parent.lc._values[key] = where
        self.pending_key[-1] = _NO_KEY


_NO_KEY = object()


def _scalar(event: yaml.ScalarEvent) -> Any:
    if event.anchor is not None or (event.tag is not None and not any(event.implicit)):
        raise Unsupported("an anchor or a tag")
    value = event.value
    if not event.implicit[0]:  # quoted or a block scalar: a string
        return value
    if value[:1].isalpha() and value not in _WORDS:  # most values; the resolver is slower
        return value
    tag = _resolver.resolve(ScalarNode, value, (True, False))
    if tag == _TAG + "str" or tag == _TAG + "timestamp":  # dates stay strings, as in load.py
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int" and _DECIMAL_INT.fullmatch(value):
        return int(value)
    if tag == _TAG + "float" and _DECIMAL_FLOAT.fullmatch(value):
        return float(value)
    raise Unsupported(f"the scalar {value!r}")
