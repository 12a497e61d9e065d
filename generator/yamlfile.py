"""Writing YAML the way the data files are written: ruamel round-trip, so comments and order survive.

The data files put a record's dash at column 0 and nest lists two spaces in (`cite:` then
`    - source:`). ruamel indents every level alike, so the document is dumped one level in and
each line then moves back by the two spaces of the outermost list. The result is parsed again and
compared with what was meant before anything is written: a writer fault is an exception, never a
file that says something else.
"""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import FoldedScalarString

from .load import yaml_parser

WIDTH = 100  # the data files' line length, for text written anew
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Representer(RoundTripRepresenter):
    """Writes a date back as it was read (plain `2025-04-22`), not quoted as a string."""

    def represent_str(self, data: str) -> Any:
        if _DATE.fullmatch(data):
            return self.represent_scalar("tag:yaml.org,2002:timestamp", data)
        return super().represent_str(data)


_Representer.add_representer(str, _Representer.represent_str)


def writer() -> Any:
    yaml = yaml_parser()
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # keep every line as it was; text written anew is folded by `folded`
    yaml.allow_unicode = True
    return yaml


def read(text: str) -> Any:
    yaml = writer()
    return yaml.load(text)


def dump_list(records: CommentedSeq) -> str:
    """A data file's text: its list of records at column 0, nested lists two spaces in."""
    out = StringIO()
    writer().dump(records, out)
    lines = out.getvalue().split("\n")
    text = "\n".join(line[2:] if line.startswith("  ") else line for line in lines)
    _same(text, records)
    return text


def dump_map(document: CommentedMap) -> str:
    out = StringIO()
    writer().dump(document, out)
    text = out.getvalue()
    _same(text, document)
    return text


def _same(text: str, meant: Any) -> None:
    if _plain(read(text)) != _plain(meant):
        raise AssertionError("the YAML writer wrote something other than what was meant")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def fresh(value: Any) -> Any:
    """A copy without the comments and blank lines attached to the original's place in its file."""
    if isinstance(value, dict):
        return CommentedMap((k, fresh(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(fresh(v) for v in value)
    return value


def append_record(text: str, record: CommentedMap) -> str:
    """A data file's text with one record added at its end, after a blank line; the rest as it was."""
    records = read(text) or CommentedSeq()
    addition = CommentedSeq([record])
    fragment = dump_list(addition)
    joined = text.rstrip("\n") + "\n\n" + fragment if text.strip() else fragment
    expected = [*_plain(records), _plain(record)]
    if _plain(read(joined)) != expected:
        raise AssertionError("appending a record changed the records before it")
    return joined


def folded(text: str, indent: int) -> str:
    """Long text as a folded block (`>-`) wrapped at WIDTH, like the hand-written records."""
    if len(text) + indent <= WIDTH or "\n" in text or "  " in text or text != text.strip():
        return text
    result = FoldedScalarString(text)
    positions, line_start, last_space = [], 0, None
    for i, char in enumerate(text):
        if char == " ":
            if i - line_start + indent + 2 > WIDTH and last_space is not None:
                positions.append(last_space)
                line_start = last_space + 1
            last_space = i
    if len(text) - line_start + indent + 2 > WIDTH and last_space and last_space >= line_start:
        positions.append(last_space)
    result.fold_pos = positions
    return result
