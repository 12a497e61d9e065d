"""`python -m generator accept DRAFT`: move the candidates an editor accepted into the data.

Accepted new records are appended to their data files; a second source is added to the record it
repeats (its `cite`, a target's `statements`, a person's `roles`); a disagreement goes to
disagreements.yaml. The data with them is validated as a whole before anything is written, so
an accepted candidate that is not complete is reported at its line and nothing changes. Dropped
and accepted candidates leave the draft; the draft goes when none is left undecided.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from .drafts import FILE_OF, load_draft
from .errors import DataError, Location, Problem
from .load import DataFile, _parse_yaml, load
from .lock import build_lock
from .paths import Project
from .review import review_page
from .validate import validate
from .write import remove_files, write_files
from .yamlfile import append_record, dump_list, dump_map, fresh, read


@dataclass(frozen=True)
class Accepted:
    moved: int
    left: int
    written: list[str]
    removed: list[str]


def accept(root: Path, draft_path: Path) -> Accepted:
    project = Project(root.resolve())
    path = draft_path if draft_path.is_absolute() else Path.cwd() / draft_path
    with build_lock(project, writing=True):
        problems: list[Problem] = []
        found = load_draft(project, path, problems)
        if found is None:
            raise DataError(problems or [Problem(Location(str(draft_path), 1, 1), "not a draft")])
        draft_text = path.read_text("utf-8")
        document = read(draft_text)
        chosen = [i for i, c in enumerate(found.draft.candidates) if c.decision == "accept"]
        if not chosen:
            hint = "set 'decision: accept' on the candidates to keep"
            raise DataError([Problem(Location(found.path, 1, 1), "no candidate is accepted", hint)])
        loaded = load(project)
        texts = _with_candidates(loaded, [document["candidates"][i] for i in chosen], found.path)
        validate(dataclasses.replace(loaded, files=_parsed(loaded, texts)))
        pending = {f"data/{name}": text.encode("utf-8") for name, text in texts.items()}
        left = [c for c in document["candidates"] if c["decision"] == "undecided"]
        page = found.path.removesuffix(".yaml") + ".html"
        removed = []
        if left:
            document["candidates"] = left
            text = _header(draft_text) + dump_map(document)
            pending[found.path] = text.encode("utf-8")
            rest = load_draft(project, path, [], text=text)
            article = (project.seeds / found.draft.file).read_text("utf-8")
            pending[page] = review_page(rest.draft, text, article).encode("utf-8")
        else:
            removed = [found.path, page]
        write_files(project, pending)
        remove_files(project, removed)
    return Accepted(len(chosen), len(left), sorted(pending), removed)


def _with_candidates(loaded, candidates: list[Any], draft: str) -> dict[str, str]:
    """The new text of each data file the accepted candidates go to."""
    records = {name: read(file.text) for name, file in loaded.files.items()}  # quotes kept
    touched: set[str] = set()
    appended: dict[str, list[Any]] = {}
    for candidate in candidates:
        action, record = candidate["action"], fresh(candidate["record"])
        if action == "new":
            appended.setdefault(FILE_OF[candidate["kind"]], []).append(record)
        elif action == "disagree":
            appended.setdefault("disagreements.yaml", []).append(record)
        else:
            name = FILE_OF[candidate["kind"]]
            target = next(
                (r for r in records.get(name, []) if r.get("id") == candidate["existing"]), None
            )
            if target is None:
                where = Location(draft, candidate.lc.line + 1, candidate.lc.col + 1)
                raise DataError(
                    [Problem(where, f"no record '{candidate['existing']}' in data/{name}")]
                )
            _place(target, str(candidate["add_to"]), record, draft, candidate)
            touched.add(name)
    texts = {name: dump_list(records[name]) for name in touched}
    for name, new in appended.items():
        text = texts.get(name, loaded.files[name].text if name in loaded.files else "")
        for record in new:
            text = append_record(text, record)
        texts[name] = text
    return texts


def _place(target: Any, add_to: str, record: Any, draft: str, candidate: Any) -> None:
    node = target
    for step in add_to.split("."):
        key: Any = int(step) if step.isdigit() else step
        if isinstance(key, str) and key not in node:
            node[key] = []
        try:
            node = node[key]
        except (IndexError, KeyError, TypeError):
            where = Location(draft, candidate.lc.line + 1, candidate.lc.col + 1)
            raise DataError(
                [Problem(where, f"add_to: '{add_to}' is not in '{candidate['existing']}'")]
            ) from None
    _move_trailing_comment(node, record)
    node.append(record)


def _move_trailing_comment(items: Any, record: Any) -> None:
    """The blank line (or comment) after a list's last item moves below the item appended.

    ruamel keeps what follows a record with its last value, so a citation appended to the last
    record's list would otherwise land after the blank line that separates it from the next.
    """
    node = items
    while isinstance(node, CommentedMap | CommentedSeq) and node:
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        slot = 2 if isinstance(node, CommentedMap) else 0
        token = node.ca.items.get(key)
        if token and token[slot] is not None:
            last = list(record)[-1]
            moved = token[slot]
            if isinstance(record[last], ScalarString) and moved.value.startswith("\n\n"):
                moved.value = moved.value[1:]  # a block scalar ends its own line
            record.ca.items[last] = [None, None, moved, None]
            token[slot] = None
            return
        node = node[key]


def _parsed(loaded, texts: dict[str, str]) -> dict[str, DataFile]:
    files = dict(loaded.files)
    for name, text in texts.items():
        files[name] = DataFile(f"data/{name}", _parse_yaml(f"data/{name}", text), text)
    return files


def _header(text: str) -> str:
    """The draft's opening comment lines, kept."""
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)
