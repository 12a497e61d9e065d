"""Drafts: the candidate records `add` proposes for an article, waiting in data/drafts/ for an editor.

The build never reads them, so nothing in a draft reaches the site. `check` lists them and
validates each one like a data file: its structure, every quote against the article, and each
candidate's record against its record type (every field once the editor has accepted it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, TypeAdapter, ValidationError, model_validator

from . import model
from .errors import DataError, Location, Problem
from .load import (
    MAX_DATA_BYTES,
    MAX_SEED_BYTES,
    DataFile,
    _parse_yaml,
    locate,
    locate_key,
    read_text,
)
from .model import Id, Record, Text
from .paths import Project
from .validate import fold

Kind = Literal["figure", "claim", "target", "event", "person", "place", "organisation"]

# The data file of each kind of candidate, and what an accepted one adds to an existing record.
FILE_OF = {
    "figure": "figures.yaml",
    "claim": "claims.yaml",
    "target": "targets.yaml",
    "event": "events.yaml",
    "person": "people.yaml",
    "place": "places.yaml",
    "organisation": "organisations.yaml",
    "disagreement": "disagreements.yaml",
}
RECORD_TYPE = {
    "figure": model.Figure,
    "claim": model.Claim,
    "target": model.Target,
    "event": model.Event,
    "person": model.Person,
    "place": model.Place,
    "organisation": model.Organisation,
    "disagreement": model.Disagreement,
}
PART_TYPE = {"cite": model.Cite, "statements": model.Statement, "roles": model.Role}


class Candidate(Record):
    """One proposed record, or one addition to an existing record, with the sentence it rests on."""

    kind: Kind
    action: Literal["new", "cite", "disagree"] = Field(
        description="new: a record of its own; cite: `record` is added to `existing` at "
        "`add_to` (a second source); disagree: `record` is a disagreement with `existing`."
    )
    decision: Literal["undecided", "accept", "drop"] = "undecided"
    existing: Id | None = None
    add_to: str | None = Field(
        None, description="Where in `existing` the addition goes: cite, roles, roles.0.cite …"
    )
    sentence: Text = Field(description="The sentence of the article it comes from, verbatim.")
    highlight: Text = Field(description="The words of the sentence the candidate was read from.")
    notes: list[Text] = Field([], description="What the editor has to decide or write.")
    record: dict[str, Any]

    @model_validator(mode="after")
    def _consistent(self) -> Candidate:
        if self.highlight not in self.sentence:
            raise ValueError("highlight: not part of the sentence")
        if (self.action == "new") != (self.existing is None):
            raise ValueError(
                "'existing' names the record for 'cite' and 'disagree', and only for them"
            )
        if (self.action == "cite") != (self.add_to is not None):
            raise ValueError("'add_to' is needed for 'cite', and only for it")
        return self


class Draft(Record):
    source: Id = Field(description="Id of the article's record in sources.yaml.")
    file: Text = Field(description="The article under seeds/.")
    candidates: list[Candidate]


class _Head(Record):
    """A draft's own fields; its candidates are validated one by one."""

    source: Id
    file: Text
    candidates: list[dict[str, Any]]


@dataclass(frozen=True)
class DraftFile:
    path: str  # "data/drafts/….yaml"
    draft: Draft


def draft_paths(project: Project) -> list[Path]:
    folder = project.drafts
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def load_drafts(project: Project) -> list[DraftFile]:
    """Every draft, validated; all problems of all drafts raised together."""
    problems: list[Problem] = []
    drafts = []
    for path in draft_paths(project):
        found = load_draft(project, path, problems)
        if found:
            drafts.append(found)
    if problems:
        raise DataError(problems)
    return drafts


def load_draft(
    project: Project,
    path: Path,
    problems: list[Problem],
    *,
    text: str | None = None,
    article: str | None = None,
) -> DraftFile | None:
    """A draft validated; `text` and `article` stand in for the files before they are written."""
    rel = project.relative(path)
    text = text if text is not None else read_text(project, path, MAX_DATA_BYTES, problems)
    if text is None:
        return None
    document = _parse_yaml(rel, text)
    if isinstance(document, Problem):
        problems.append(document)
        return None
    if not isinstance(document, dict):
        problems.append(
            Problem(
                Location(rel, 1, 1), "a draft is a mapping with 'source', 'file' and 'candidates'"
            )
        )
        return None
    file = DataFile(rel, document, text)
    before = len(problems)
    try:
        head = _Head.model_validate(document)
    except ValidationError as error:
        problems.extend(_explain(error.errors(), file, ()))
        return None
    candidates = []
    for index, raw in enumerate(head.candidates):  # each on its own, so all are reported
        at = ("candidates", index)
        try:
            candidates.append(Candidate.model_validate(raw))
        except ValidationError as error:
            problems.extend(_explain(error.errors(), file, at))
            continue
        _check_record(candidates[-1], file, at, problems)
    draft = Draft(source=head.source, file=head.file, candidates=candidates)
    if len(candidates) == len(head.candidates):  # indexes line up with the file's
        _check_sentences(project, draft, file, problems, article)
    return DraftFile(rel, draft) if len(problems) == before else None


def record_type(candidate: Candidate) -> Any:
    if candidate.action == "cite":
        return PART_TYPE[str(candidate.add_to).rsplit(".", 1)[-1]]
    return RECORD_TYPE["disagreement" if candidate.action == "disagree" else candidate.kind]


def _check_record(candidate: Candidate, file: DataFile, at: tuple, problems: list[Problem]) -> None:
    """The record against its type; fields still missing only matter once it is accepted."""
    if candidate.action == "cite" and str(candidate.add_to).rsplit(".", 1)[-1] not in PART_TYPE:
        where = locate(file, (*at, "add_to"))
        problems.append(
            Problem(
                where,
                f"add_to: cannot add to '{candidate.add_to}'",
                "use cite, statements or roles",
            )
        )
        return
    try:
        TypeAdapter(record_type(candidate)).validate_python(candidate.record)
    except ValidationError as error:
        accepted = candidate.decision == "accept"
        kept = [d for d in error.errors() if accepted or d["type"] != "missing"]
        if kept:
            problems.extend(_explain(kept, file, (*at, "record")))


def _check_sentences(
    project: Project, draft: Draft, file: DataFile, problems: list[Problem], text: str | None
) -> None:
    seed = project.seeds / draft.file
    if text is None and seed.is_file():
        text = read_text(project, seed, MAX_SEED_BYTES, [])
    if text is None:
        problems.append(Problem(locate(file, ("file",)), f"no such article: seeds/{draft.file}"))
        return
    article = fold(text)
    for index, candidate in enumerate(draft.candidates):
        if fold(candidate.sentence) not in article:
            where = locate(file, ("candidates", index, "sentence"))
            problems.append(Problem(where, f"sentence not found in seeds/{draft.file}"))
        for path in _quote_paths(candidate.record, draft.source):
            if fold(str(_at(candidate.record, path))) not in article:
                where = locate(file, ("candidates", index, "record", *path))
                problems.append(Problem(where, f"quote not found in seeds/{draft.file}"))


def _quote_paths(value: Any, source: str, at: tuple = ()) -> list[tuple]:
    """Where the record quotes the draft's article (a disagreement also holds other sources')."""
    found = []
    if isinstance(value, dict):
        if value.get("source") == source and isinstance(value.get("quote"), str):
            found.append((*at, "quote"))
        for key, item in value.items():
            found += _quote_paths(item, source, (*at, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _quote_paths(item, source, (*at, i))
    return found


def _at(value: Any, path: tuple) -> Any:
    for step in path:
        value = value[step]
    return value


def _explain(details: list, file: DataFile, at: tuple) -> list[Problem]:
    problems = []
    for detail in details:
        path = (*at, *detail["loc"])
        name = next((s for s in reversed(detail["loc"]) if isinstance(s, str)), None)
        if detail["type"] == "extra_forbidden":
            problems.append(
                Problem(locate_key(file, path[:-1], path[-1]), f"unknown field '{name}'")
            )
        elif detail["type"] == "missing":
            problems.append(Problem(locate(file, path), f"missing field '{name}'"))
        else:
            message = detail["msg"].removeprefix("Value error, ")
            prefix = f"{name}: " if name and not message.startswith(f"{name}:") else ""
            problems.append(Problem(locate(file, path), f"{prefix}{message}"))
    return problems


def summary(draft: Draft) -> str:
    """'9 candidates, 7 undecided'."""
    undecided = sum(c.decision == "undecided" for c in draft.candidates)
    accepted = sum(c.decision == "accept" for c in draft.candidates)
    count = len(draft.candidates)
    return (
        f"{count} candidate{'s' if count != 1 else ''}: {accepted} accepted, {undecided} undecided"
    )
