"""Registering the article: it is copied into seeds/, described by a source record, and drafted.

Everything is checked before the first file is written; then all files are written or none.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from .. import extract as x
from ..dates import FuzzyDate
from ..drafts import Draft, load_draft
from ..errors import DataError, Location, Problem
from ..load import MAX_SEED_BYTES, Loaded, decode, load, read_input
from ..lock import build_lock
from ..paths import Project
from ..review import review_page
from ..write import write_files
from ..yamlfile import append_record, dump_map
from .core import Drafting


@dataclass(frozen=True)
class Added:
    source_id: str
    seed: str  # "seeds/…"
    copied: bool
    draft: str  # "data/drafts/….yaml"
    review: str  # "data/drafts/….html"
    counts: dict[str, int]


def add(
    root: Path, article: Path, published: str | None = None, reasoning: str | None = None
) -> Added:
    project = Project(root.resolve())
    with build_lock(project, writing=True):
        seed_rel, text, copied = _article(project, article)
        loaded = load(project)
        _not_yet_registered(loaded, seed_rel, text)
        body = x.sentences(text)
        dateline = x.find_dateline(body)
        when = _published(project, seed_rel, text, body, dateline, published, reasoning)
        drafting = Drafting(loaded, text, body, dateline, when, seed_rel)
        source = drafting.source_record(_sha256(text))
        candidates = drafting.candidates()
        draft_rel = f"data/drafts/{source['id']}.yaml"
        if (project.root / draft_rel).exists():
            raise DataError(
                [
                    Problem(
                        Location(draft_rel, 1, 1),
                        "a draft for this article is waiting",
                        "review it, or remove it to draft again",
                    )
                ]
            )
        document = CommentedMap(source=source["id"], file=source["file"], candidates=candidates)
        draft_text = _header(source["id"]) + dump_map(document)
        draft = _checked_draft(project, draft_rel, draft_text, text)
        sources = loaded.files["sources.yaml"].text if "sources.yaml" in loaded.files else ""
        pending = {
            "data/sources.yaml": append_record(sources, source).encode("utf-8"),
            draft_rel: draft_text.encode("utf-8"),
            draft_rel.removesuffix(".yaml") + ".html": review_page(draft, draft_text, text).encode(
                "utf-8"
            ),
        }
        if copied:
            pending = {seed_rel: text.encode("utf-8"), **pending}
        write_files(project, pending)
    counts: dict[str, int] = {}
    for candidate in candidates:
        counts[candidate["kind"]] = counts.get(candidate["kind"], 0) + 1
    return Added(
        source["id"], seed_rel, copied, draft_rel, draft_rel.removesuffix(".yaml") + ".html", counts
    )


def _article(project: Project, path: Path) -> tuple[str, str, bool]:
    """The article's place under seeds/, its text, and whether it has to be copied there."""
    path = path if path.is_absolute() else Path.cwd() / path
    inside = path.resolve().parent == project.seeds.resolve()
    raw = (
        read_input(Project(path.resolve().parent), path.resolve(), MAX_SEED_BYTES)
        if not inside
        else read_input(project, path, MAX_SEED_BYTES)
    )
    name = path.name
    rel = f"seeds/{name}"
    if isinstance(raw, Problem):
        raise DataError(
            [Problem(Location(str(path) if not inside else rel, 1, 1), raw.message, raw.hint)]
        )
    text = decode(rel, raw)
    if isinstance(text, Problem):
        raise DataError([text])
    if inside:
        return rel, text, False
    target = project.seeds / name
    if target.exists() or target.is_symlink():
        if target.is_file() and target.read_bytes() == raw:
            return rel, text, False
        raise DataError(
            [
                Problem(
                    Location(rel, 1, 1),
                    "a different file of this name is already in seeds/",
                    "rename the article before adding it",
                )
            ]
        )
    return rel, text, True


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _not_yet_registered(loaded: Loaded, seed_rel: str, text: str) -> None:
    file = loaded.files.get("sources.yaml")
    for raw in file.records if file else []:
        if not hasattr(raw, "get") or raw.get("kind") != "seed":
            continue
        if f"seeds/{raw.get('file')}" == seed_rel or raw.get("sha256") == _sha256(text):
            where = Location(file.path, raw.lc.line + 1, raw.lc.col + 1)
            raise DataError(
                [Problem(where, f"the article is already registered as '{raw.get('id')}'")]
            )


def _published(project, seed_rel, text, body, dateline, given, reasoning) -> x.Published:
    if given:
        try:
            date = FuzzyDate.parse(given)
        except ValueError as error:
            raise DataError([Problem(Location(seed_rel, 1, 1), f"--published: {error}")]) from None
        return x.Published(date, inferred=bool(reasoning), reasoning=reasoning)
    found = x.find_published(text, body, dateline)
    if found is None:
        hint = "give it: add … --published YYYY-MM-DD (or YYYY-MM, YYYY), with --reasoning '…' if inferred"
        raise DataError(
            [
                Problem(
                    Location(seed_rel, 1, 1),
                    "the article gives no date and none can be inferred from it",
                    hint,
                )
            ]
        )
    return found


def _header(source_id: str) -> str:
    return (
        f"# Draft records for the article '{source_id}', written by `python -m generator add`.\n"
        "# Nothing here is on the site. For each candidate set `decision: accept` or `decision: drop`\n"
        f"# (data/drafts/{source_id}.html shows each one beside its sentence), complete what its notes\n"
        f"# ask for, then run `python -m generator accept data/drafts/{source_id}.yaml`.\n"
    )


def _checked_draft(project: Project, rel: str, text: str, article: str) -> Draft:
    """The draft as `check` will read it: a candidate that does not pass is a bug here, not data."""
    problems: list[Problem] = []
    found = load_draft(project, project.root / rel, problems, text=text, article=article)
    if found is None:
        raise AssertionError(
            "the draft written does not validate:\n" + "\n".join(map(str, problems))
        )
    return found.draft
