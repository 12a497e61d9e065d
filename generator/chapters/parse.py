"""Reading the prose: front matter, the markdown-it tree with its reference rule, file names."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.tree import SyntaxTreeNode
from pydantic import BaseModel, ConfigDict, ValidationError
from ruamel.yaml.error import YAMLError

from .. import model
from ..errors import Location, Problem
from ..load import yaml_parser

_BRACED = re.compile(r"\{([^{}\s]*)\}")

# A number typed in the prose: 60, 1.5, 1,000. A letter right after it makes it an ordinal
# (1st, 30th) or part of a name; four digits from 1900 to 2100 are a year.
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d,]*\d)([A-Za-z]*)")
_ORDINAL = ("st", "nd", "rd", "th")
_WORDS_PER_MINUTE = 200


class ChapterMeta(BaseModel):
    """A chapter's front matter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: model.Text
    order: int
    summary: model.Text


@dataclass(frozen=True)
class Chapter:
    path: str  # "data/chapters/02-thaw.md", or "data/home.md" for the home page's opening
    meta: ChapterMeta | None  # None for the home page's opening
    lines: list[str]  # the file's lines, to locate what the parser found
    body_line: int  # 0-based line where the Markdown starts, after the front matter
    tree: SyntaxTreeNode

    @property
    def slug(self) -> str:
        """The page's name: the file's, without the number that orders the files."""
        stem = self.path.rsplit("/", 1)[-1].removesuffix(".md")
        return re.sub(r"^\d+-", "", stem)

    @property
    def words(self) -> int:
        return len(_BRACED.sub("", "\n".join(self.lines[self.body_line :])).split())

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.words / _WORDS_PER_MINUTE))


def parse_prose(prose: dict[str, str]) -> tuple[list[Chapter], list[Problem]]:
    """Chapters in reading order, and what is wrong with their front matter."""
    chapters, problems = [], []
    for path, text in prose.items():
        chapter = _parse(path, text, problems)
        if chapter is not None:
            chapters.append(chapter)
    chapters.sort(key=lambda c: (c.meta is not None, c.meta.order if c.meta else 0, c.path))
    return chapters, problems + _naming_problems(chapters)


def _naming_problems(chapters: list[Chapter]) -> list[Problem]:
    """A chapter's file name gives its page's address: plain words, one page per name."""
    problems, seen = [], {}
    for chapter in chapters:
        if chapter.meta is None:
            continue
        where = Location(chapter.path, 1, 1)
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", chapter.slug):
            hint = "name it like 02-the-thaw.md: a number, then lower-case words joined by hyphens"
            problems.append(Problem(where, "the file name makes no page address", hint))
        elif chapter.slug in seen:
            problems.append(
                Problem(
                    where,
                    f"another chapter has the page name '{chapter.slug}': {seen[chapter.slug]}",
                )
            )
        seen.setdefault(chapter.slug, chapter.path)
    return problems


def _parse(path: str, text: str, problems: list[Problem]) -> Chapter | None:
    lines = text.split("\n")
    is_home = not path.startswith("data/chapters/")
    if lines[0].rstrip() != "---":
        if is_home:
            return Chapter(path, None, lines, 0, _tree(text))
        hint = "start the file with '---', then title, order and summary, then '---'"
        problems.append(Problem(Location(path, 1, 1), "a chapter needs front matter", hint))
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        problems.append(Problem(Location(path, 1, 1), "the front matter has no closing '---'"))
        return None
    meta = None if is_home else _meta(path, "\n".join(lines[1:end]), problems)
    if meta is None and not is_home:
        return None
    return Chapter(path, meta, lines, end + 1, _tree("\n".join(lines[end + 1 :])))


def _meta(path: str, text: str, problems: list[Problem]) -> ChapterMeta | None:
    try:
        fields = yaml_parser().load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problems.append(Problem(Location(path, line, 1), f"front matter: {error}"))
        return None
    try:
        meta = ChapterMeta.model_validate(fields or {})
    except ValidationError as error:
        for detail in error.errors():
            name = detail["loc"][0] if detail["loc"] else None
            line = fields.lc.value(name)[0] + 2 if name in (fields or {}) else 1
            problems.append(Problem(Location(path, line, 1), f"{name}: {detail['msg']}"))
        return None
    if _typed_numbers(meta.summary):
        problems.append(
            Problem(
                Location(path, fields.lc.value("summary")[0] + 2, 1),
                "summary: a number in the summary comes from no record",
                "say it in the chapter, where a reference can give it",
            )
        )
    return meta


def _tree(body: str) -> SyntaxTreeNode:
    md = MarkdownIt("commonmark", {"html": False})
    md.inline.ruler.before("emphasis", "reference", _reference_rule)
    return SyntaxTreeNode(md.parse(body))


def _reference_rule(state: StateInline, silent: bool) -> bool:
    """`{anything-without-spaces}` is a reference token, checked when it is rendered."""
    if state.src[state.pos] != "{":
        return False
    match = _BRACED.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        state.push("reference", "", 0).content = match.group(1)
    state.pos = match.end()
    return True


def _typed_numbers(text: str) -> list[re.Match]:
    """The numbers in a piece of text that a record has to hold: not years, not ordinals."""
    found = []
    for match in _NUMBER.finditer(text):
        digits, decimals, suffix = match.groups()
        if suffix.lower() in _ORDINAL and not decimals:
            continue
        if not decimals and len(digits) == 4 and 1900 <= int(digits) <= 2100:
            continue
        found.append(match)
    return found
