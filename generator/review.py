"""The review page of a draft: each candidate beside its sentence, the words it was read from marked.

A standalone HTML file written next to the draft, for the editor's browser: no script, no
outside request, its policy forbids both. Every value reaches it through Jinja's HTML escaping
(autoescape), so markup in an article shows as the characters it is.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from ruamel.yaml.comments import CommentedMap

from .drafts import Draft, load_draft
from .errors import DataError, Location, Problem
from .paths import Project
from .write import write_files
from .yamlfile import dump_map, read

ACTIONS = {
    "new": "new record",
    "cite": "second source for",
    "disagree": "disagrees with",
}


def review_page(draft: Draft, draft_text: str, article: str) -> str:
    document = read(draft_text)
    rows = []
    for index, candidate in enumerate(draft.candidates):
        raw = document["candidates"][index]
        before, _, after = candidate.sentence.partition(candidate.highlight)
        rows.append(
            {
                "number": index + 1,
                "line": raw.lc.line + 1,
                "candidate": candidate,
                "action": ACTIONS[candidate.action],
                "before": before,
                "after": after,
                "record": dump_map(CommentedMap(raw["record"])),
            }
        )
    template = _environment().get_template("review.html.j2")
    return template.render(draft=draft, rows=rows, kinds=_counts(draft), article=article)


def _counts(draft: Draft) -> dict[str, int]:
    counts: dict[str, int] = {}
    for candidate in draft.candidates:
        counts[candidate.kind] = counts.get(candidate.kind, 0) + 1
    return counts


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def rewrite_review(root: Path, draft_path: Path) -> str:
    """The page written again from the draft as the editor left it; returns its path."""
    project = Project(root.resolve())
    path = draft_path if draft_path.is_absolute() else Path.cwd() / draft_path
    problems: list[Problem] = []
    found = load_draft(project, path, problems)
    if found is None:
        raise DataError(problems or [Problem(Location(str(draft_path), 1, 1), "not a draft")])
    article = (project.seeds / found.draft.file).read_text("utf-8")
    page = found.path.removesuffix(".yaml") + ".html"
    text = review_page(found.draft, path.read_text("utf-8"), article)
    write_files(project, {page: text.encode("utf-8")})
    return page
