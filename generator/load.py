"""Stage 1: read data/*.yaml and seeds/* into memory, keeping each value's line and column."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from .errors import DataError, Location, Problem
from .model import FILES
from .paths import Project


class _Constructor(RoundTripConstructor):
    """Keeps `2025-04-22` a string: our dates have precisions a datetime cannot hold."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


def yaml_parser() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    return yaml


@dataclass(frozen=True)
class DataFile:
    path: str  # "data/events.yaml"
    records: CommentedSeq


@dataclass(frozen=True)
class SeedText:
    path: str  # "seeds/….txt"
    sha256: str
    text: str


@dataclass(frozen=True)
class Loaded:
    files: dict[str, DataFile]  # by file name, "events.yaml"
    seeds: dict[str, SeedText]  # by path, "seeds/….txt"
    outline: dict | None = None  # GeoJSON of the countries, for the map


def load(project: Project) -> Loaded:
    problems: list[Problem] = []
    files = {}
    for path in sorted(project.data.glob("*.yaml")):
        loaded = _load_data_file(project.relative(path), path.read_text("utf-8"), problems)
        if loaded is not None:
            files[path.name] = loaded
    seeds = {}
    for path in sorted(p for p in project.seeds.glob("*") if p.is_file()):
        seed = _load_seed(project.relative(path), path.read_bytes(), problems)
        if seed is not None:
            seeds[seed.path] = seed
    outline = _load_outline(project, problems)
    if problems:
        raise DataError(problems)
    return Loaded(files, seeds, outline)


def _load_outline(project: Project, problems: list[Problem]) -> dict | None:
    path = project.outline
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as error:
        where = Location(project.relative(path), error.lineno, error.colno)
        problems.append(Problem(where, f"not valid JSON: {error.msg}"))
        return None


def _load_data_file(rel: str, text: str, problems: list[Problem]) -> DataFile | None:
    name = rel.rsplit("/", 1)[-1]
    if name not in FILES:
        known = ", ".join(FILES)
        problems.append(
            Problem(Location(rel, 1, 1), f"unknown data file '{name}'", f"data files are: {known}")
        )
        return None
    try:
        records = yaml_parser().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = f"YAML syntax error: {error.problem or error.context}"
        problems.append(Problem(Location(rel, mark.line + 1, mark.column + 1), message))
        return None
    if records is None:
        records = CommentedSeq()
    if not isinstance(records, CommentedSeq):
        problems.append(
            Problem(
                Location(rel, 1, 1),
                "a data file is a list of records",
                "start each record with '- id: …'",
            )
        )
        return None
    return DataFile(rel, records)


def _load_seed(rel: str, raw: bytes, problems: list[Problem]) -> SeedText | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(
            Problem(Location(rel, 1, error.start + 1), "a seed article must be UTF-8 text")
        )
        return None
    return SeedText(rel, hashlib.sha256(raw).hexdigest(), text)


def locate(file: DataFile, path: tuple[Any, ...]) -> Location:
    """The line and column of the value at `path` (indexes and keys), or of the nearest parent.

    Steps that are not in the tree (a pydantic union tag, a missing field) are skipped, so a
    missing field points at the record that lacks it.
    """
    node: Any = file.records
    line, col = 0, 0
    for step in path:
        if isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, col = node.lc.item(step)
            node = node[step]
        elif isinstance(node, CommentedMap) and step in node:
            line, col = node.lc.value(step)
            node = node[step]
    if isinstance(node, CommentedMap) and node and (line, col) == (0, 0):
        line, col = node.lc.line, node.lc.col
    return Location(file.path, line + 1, col + 1)


def locate_key(file: DataFile, path: tuple[Any, ...], key: str) -> Location:
    """The position of `key` itself in the mapping at `path` (for fields that should not be there)."""
    node: Any = file.records
    for step in path:
        node = node[step]
    line, col = node.lc.key(key)
    return Location(file.path, line + 1, col + 1)
