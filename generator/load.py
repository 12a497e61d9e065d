"""Stage 1: read data/*.yaml and seeds/* into memory, keeping each value's line and column.

Every input is read through `read_input`: a file that is not there, not a file, not inside the
project, too large, unreadable or not UTF-8 is a located problem, never a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import RoundTripScanner

from . import fast_yaml
from .errors import DataError, Location, Problem, describe
from .model import FILES
from .paths import Project

# Limits well above today's inputs (the largest data file is 53 KB, the seeds 2 KB, the outline
# 65 KB) and low enough that a runaway file fails in seconds: libyaml reads some 1.5 MB/s, so a
# 5 MB data file takes about 3 s (ruamel, which reads a file libyaml cannot, about 35 s). With 30
# times today's records (benchmarks/scale.py builds such a copy) events.yaml is 1.9 MB.
MAX_DATA_BYTES = 5_000_000
MAX_SEED_BYTES = 5_000_000  # seeds are only hashed and searched, which is fast
MAX_OUTLINE_BYTES = 5_000_000
MAX_PROSE_BYTES = 1_000_000  # a chapter of a few thousand words is some 30 KB
# Records nest five or six levels deep. ruamel recurses once per level and its scanner slows
# quadratically with open brackets, so "[" * 100000 would take seconds and end in RecursionError.
MAX_NESTING = 50


class _Constructor(RoundTripConstructor):
    """Keeps `2025-04-22` a string: our dates have precisions a datetime cannot hold."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


class TooDeep(MarkedYAMLError):
    """Nesting beyond MAX_NESTING, raised as soon as the parser reaches it."""


class _Scanner(RoundTripScanner):
    """Stops at the first bracket past MAX_NESTING, before the scanner's look-ahead gets costly."""

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:  # noqa: N803
        if len(self.flow_context) >= MAX_NESTING:
            raise TooDeep(problem="too deep", problem_mark=self.reader.get_mark())
        super().fetch_flow_collection_start(TokenClass, to_push)


def yaml_parser() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Scanner = _Scanner
    yaml.max_depth = MAX_NESTING  # the composer's limit, for nesting by indentation
    return yaml


@dataclass(frozen=True)
class DataFile:
    path: str  # "data/events.yaml"
    records: list  # fast_yaml.Sequence or ruamel's CommentedSeq: both know their positions
    text: str  # as read, for the copy published with the site


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
    prose: dict[str, str] = field(default_factory=dict)  # "data/chapters/….md" -> its Markdown


@dataclass(frozen=True)
class Report:
    """What mkdocs.yml says of the report as a whole: citations and the data package name it."""

    title: str  # site_name
    description: str  # site_description


def load(project: Project) -> Loaded:
    problems: list[Problem] = []
    files = {}
    for path in sorted(project.data.glob("*.yaml")):
        text = read_text(project, path, MAX_DATA_BYTES, problems)
        if text is None:
            continue
        loaded = _load_data_file(project.relative(path), text, problems)
        if loaded is not None:
            files[path.name] = loaded
    seeds = {}
    for path in sorted(_seed_paths(project)):
        seed = _load_seed(project, path, problems)
        if seed is not None:
            seeds[seed.path] = seed
    outline = _load_outline(project, problems)
    prose = {}
    for path in project.prose:
        text = read_text(project, path, MAX_PROSE_BYTES, problems)
        if text is not None:
            prose[project.relative(path)] = text
    if problems:
        raise DataError(problems)
    return Loaded(files, seeds, outline, prose)


def _seed_paths(project: Project) -> list[Path]:
    """Everything in seeds/ but real subfolders, which hold no seeds: links are checked, not skipped."""
    return [p for p in project.seeds.glob("*") if p.is_symlink() or not p.is_dir()]


def read_input(project: Project, path: Path, limit: int) -> bytes | Problem:
    """The bytes of an input file, or why it cannot be read.

    Nothing outside the project is opened; the size is checked before the first byte is read,
    and no more than `limit` bytes are read even if the file grows meanwhile. O_NONBLOCK keeps
    a named pipe from hanging the build.
    """
    where = Location(project.relative(path), 1, 1)
    if path.is_symlink() and not path.exists():
        return Problem(where, "a link to a file that does not exist", "remove the link")
    target = path.resolve()
    if not target.is_relative_to(project.root):
        return Problem(where, f"leads outside the project, to {target}", "copy the file in instead")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        return Problem(where, f"cannot read: {describe(error)}")
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return Problem(where, "a folder, not a file", "remove the folder or rename it")
        if not stat.S_ISREG(info.st_mode):
            return Problem(where, "not a regular file")
        if info.st_size > limit:
            return _too_large(where, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(limit + 1)
    except OSError as error:
        return Problem(where, f"cannot read: {describe(error)}")
    finally:
        os.close(fd)
    return _too_large(where, len(raw), limit) if len(raw) > limit else raw


def _too_large(where: Location, size: int, limit: int) -> Problem:
    return Problem(
        where,
        f"too large: {size:,} bytes, the limit is {limit:,}",
        "split the file, or check it is the file you meant",
    )


def decode(rel: str, raw: bytes) -> str | Problem:
    """UTF-8 text, or where the first byte that is not UTF-8 sits (columns count bytes)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        where = Location(rel, raw.count(b"\n", 0, error.start) + 1, error.start - line_start + 1)
        byte = raw[error.start]
        return Problem(where, f"not UTF-8: byte 0x{byte:02x}", "save the file as UTF-8")


def read_text(project: Project, path: Path, limit: int, problems: list[Problem]) -> str | None:
    """The file as text; None, with the problem added, when it cannot be had."""
    raw = read_input(project, path, limit)
    text = decode(project.relative(path), raw) if isinstance(raw, bytes) else raw
    if isinstance(text, Problem):
        problems.append(text)
        return None
    return text


def _load_outline(project: Project, problems: list[Problem]) -> dict | None:
    path = project.outline
    if not os.path.lexists(path):
        return None
    text = read_text(project, path, MAX_OUTLINE_BYTES, problems)
    if text is None:
        return None
    rel = project.relative(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(
            Problem(Location(rel, error.lineno, error.colno), f"not valid JSON: {error.msg}")
        )
    except RecursionError:
        problems.append(Problem(Location(rel, 1, 1), "nested too deeply to be an outline"))
    return None


def _load_data_file(rel: str, text: str, problems: list[Problem]) -> DataFile | None:
    name = rel.rsplit("/", 1)[-1]
    if name not in FILES:
        known = ", ".join(FILES)
        problems.append(
            Problem(Location(rel, 1, 1), f"unknown data file '{name}'", f"data files are: {known}")
        )
        return None
    records = _parse_yaml(rel, text)
    if isinstance(records, Problem):
        problems.append(records)
        return None
    if records is None:
        records = CommentedSeq()
    if not isinstance(records, list):
        problems.append(
            Problem(
                Location(rel, 1, 1),
                "a data file is a list of records",
                "start each record with '- id: …'",
            )
        )
        return None
    return DataFile(rel, records, text)


def _parse_yaml(rel: str, text: str) -> Any:
    """The parsed document, or a Problem at the line and column where parsing stopped.

    libyaml reads the usual file (fast_yaml.py); ruamel reads the rest and words every error.
    """
    with contextlib.suppress(fast_yaml.Unsupported):
        return fast_yaml.parse(text, MAX_NESTING)
    try:
        return yaml_parser().load(text)
    except (TooDeep, MaxDepthExceededError) as error:
        return Problem(
            _at(rel, error.problem_mark),
            f"nested more than {MAX_NESTING} levels deep",
            "records nest a few levels; look for unclosed brackets or runaway indentation",
        )
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return Problem(_at(rel, mark), f"YAML syntax error: {error.problem or error.context}")
    except ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        col = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        message = f"character U+{error.character:04X} is not allowed in YAML"
        return Problem(Location(rel, line, col), message, "remove it or write it as an escape")
    except YAMLError as error:
        return Problem(Location(rel, 1, 1), f"YAML error: {error}")


def _at(rel: str, mark: Any) -> Location:
    return Location(rel, mark.line + 1, mark.column + 1) if mark else Location(rel, 1, 1)


def _load_seed(project: Project, path: Path, problems: list[Problem]) -> SeedText | None:
    text = read_text(project, path, MAX_SEED_BYTES, problems)
    if text is None:
        return None
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()  # valid UTF-8 round-trips exactly
    return SeedText(project.relative(path), sha256, text)


def locate(file: DataFile, path: tuple[Any, ...]) -> Location:
    """The line and column of the value at `path` (indexes and keys), or of the nearest parent.

    Steps that are not in the tree (a pydantic union tag, a missing field) are skipped, so a
    missing field points at the record that lacks it.
    """
    node: Any = file.records
    line, col = 0, 0
    for step in path:
        if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            line, col = node.lc.item(step)
            node = node[step]
        elif isinstance(node, dict) and step in node:
            line, col = node.lc.value(step)
            node = node[step]
    if isinstance(node, dict) and node and (line, col) == (0, 0):
        line, col = node.lc.line, node.lc.col
    return Location(file.path, line + 1, col + 1)


def locate_key(file: DataFile, path: tuple[Any, ...], key: str) -> Location:
    """The position of `key` itself in the mapping at `path` (for fields that should not be there)."""
    node: Any = file.records
    for step in path:
        node = node[step]
    line, col = node.lc.key(key)
    return Location(file.path, line + 1, col + 1)


def load_report(project: Project) -> Report:
    """The report's title and description from mkdocs.yml, or a problem located there."""
    problems: list[Problem] = []
    text = read_text(project, project.config, MAX_DATA_BYTES, problems)
    if text is None:
        raise DataError(problems)
    rel = project.relative(project.config)
    config = _parse_yaml(rel, text)  # keeps MkDocs' tags (!ENV) as tagged values
    if isinstance(config, Problem):
        raise DataError([config])
    fields = {}
    for key in ("site_name", "site_description"):
        value = config.get(key) if isinstance(config, dict) else None
        if not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(Location(rel, 1, 1), f"missing {key}: citations name the report by it")
            )
        fields[key] = value
    if problems:
        raise DataError(problems)
    return Report(fields["site_name"].strip(), fields["site_description"].strip())
