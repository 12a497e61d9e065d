"""Writing the prose out as Markdown: references resolved and checked, numbers, links, glossary."""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it.tree import SyntaxTreeNode
from pydantic import BaseModel

from .. import model
from ..dates import FuzzyDate, Period
from ..derive import Analysis, Derived
from ..errors import Location, Problem
from ..text import Markdown, href, is_web_address
from ..validate import Dataset
from ..words import amount, link, qualified, shown, source_label
from .parse import Chapter, _typed_numbers

COMMENTARY = "commentary"
_REFERENCE = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)(?::([a-z]+))?")

# What each kind of record may be asked for, beside its plain reference.
VARIANTS: dict[type, tuple[str, ...]] = {
    model.Figure: ("value", "period"),
    Derived: ("value",),
    model.Target: ("title",),
    model.Event: ("title",),
    model.Person: ("role",),
    model.Claim: ("verdict",),
}
VERDICT_WORDS = {
    "consistent": "consistent with the figures",
    "contradicted": "contradicted by the figures",
    "not-contradicted": "not contradicted by the figures, which have gaps",
    "implies": "the basis of a worked-out value",
    "unchecked": "impossible to check against the figures",
}


@dataclass
class _Paragraph:
    """One block of inline content, with what its references hold and a cursor to locate things."""

    content: str
    first_line: int  # 0-based, in the file
    records: list[Any]
    cursor: int = 0
    date: datetime.date | None = None  # of the last event or figure referenced so far

    def start(self, chapter: Chapter) -> Location:
        """Where the paragraph's text begins (after a list marker, for a list item)."""
        return self._position(chapter, 0)

    def locate(self, chapter: Chapter, needle: str) -> Location:
        """Where `needle` is, searching on from the last thing located."""
        at = self.content.find(needle, self.cursor)
        if at < 0:
            return self._position(chapter, self.cursor)
        self.cursor = at + len(needle)
        return self._position(chapter, at)

    def _position(self, chapter: Chapter, at: int) -> Location:
        line_index = self.content.count("\n", 0, at)
        line_start = self.content.rfind("\n", 0, at) + 1
        content_line = self.content[line_start:].split("\n", 1)[0]
        source = chapter.lines[self.first_line + line_index]
        indent = max(source.find(content_line), 0)
        return Location(
            chapter.path, self.first_line + line_index + 1, indent + at - line_start + 1
        )


@dataclass
class ProseRenderer:
    """Renders prose for one page: its footnotes (`cite`), its depth (`up`), its glossary links."""

    data: Dataset
    analysis: Analysis
    cite: Any  # words.Citations of the page
    up: str
    problems: list[Problem]
    linked_terms: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.glossary = _glossary_spellings(self.data)
        self.glossary_pattern = _glossary_pattern(self.glossary)

    def render(self, chapter: Chapter) -> Markdown:
        self.chapter = chapter
        blocks = [self._block(node) for node in chapter.tree.children]
        return Markdown("\n\n").join(blocks)

    def _problem(self, where: Location, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(where, message, hint))

    def _start(self, node: SyntaxTreeNode) -> Location:
        line = self.chapter.body_line + (node.map[0] if node.map else 0)
        text = self.chapter.lines[line] if line < len(self.chapter.lines) else ""
        return Location(self.chapter.path, line + 1, len(text) - len(text.lstrip()) + 1)

    # Blocks

    def _block(self, node: SyntaxTreeNode) -> Markdown:
        if node.type == "heading":
            return self._heading(node)
        if node.type == "paragraph":
            return self._paragraph(node)
        if node.type in ("bullet_list", "ordered_list"):
            return self._list(node)
        if node.type == "blockquote":
            inner = Markdown("\n\n").join(self._block(child) for child in node.children)
            return Markdown("\n").join(Markdown("> ") + line for line in inner.split("\n"))
        self._problem(
            self._start(node),
            f"{_describe(node)} is not allowed in a chapter",
            "chapters hold headings (## and ###), paragraphs, lists, quotes, emphasis and links",
        )
        return Markdown("")

    def _heading(self, node: SyntaxTreeNode) -> Markdown:
        level = int(node.tag[1])
        if level not in (2, 3):
            self._problem(
                self._start(node),
                f"a level-{level} heading",
                "use ## for sections and ### below them; the title comes from the front matter",
            )
        paragraph = self._paragraph_of(node.children[0])
        return Markdown("#" * level + " ") + self._inline(node.children[0], paragraph, links=False)

    def _paragraph(self, node: SyntaxTreeNode) -> Markdown:
        inline = node.children[0]
        paragraph = self._paragraph_of(inline)
        children = inline.children
        commentary = bool(children) and _is_commentary(children[0])
        if not commentary and not paragraph.records and not self._has_error_reference(inline):
            self._problem(
                paragraph.start(self.chapter),
                "a paragraph with no reference to a record",
                "cite what it rests on with {id}, or open it with {commentary} if it is the "
                "report's own analysis",
            )
        if commentary:
            text = self._inline_nodes(children[1:], paragraph, links=True)
            # attr_list: the class goes on a line of its own at the end of the paragraph
            opening = Markdown("*Commentary:* ") + Markdown(text.lstrip())
            return opening + Markdown("\n{ .commentary }")
        return self._inline_nodes(children, paragraph, links=True)

    def _list(self, node: SyntaxTreeNode) -> Markdown:
        items = []
        for number, item in enumerate(node.children, start=1):
            marker = f"{number}. " if node.type == "ordered_list" else "- "
            inner = Markdown("\n\n").join(self._block(child) for child in item.children)
            lines = inner.split("\n")
            rest = [Markdown("    ") + line if line else line for line in lines[1:]]
            items.append(Markdown("\n").join([Markdown(marker) + lines[0], *rest]))
        return Markdown("\n").join(items)

    # Inline content

    def _paragraph_of(self, inline: SyntaxTreeNode) -> _Paragraph:
        first_line = self.chapter.body_line + (inline.map[0] if inline.map else 0)
        records = [self._resolve(ref.content) for ref in _references(inline)]
        return _Paragraph(inline.content, first_line, [r for r in records if r is not None])

    def _has_error_reference(self, inline: SyntaxTreeNode) -> bool:
        """A paragraph whose references are all wrong gets those errors, not one more."""
        return any(not _is_commentary(ref) for ref in _references(inline))

    def _inline(self, node: SyntaxTreeNode, paragraph: _Paragraph, links: bool) -> Markdown:
        return self._inline_nodes(node.children, paragraph, links)

    def _inline_nodes(
        self, nodes: list[SyntaxTreeNode], paragraph: _Paragraph, links: bool
    ) -> Markdown:
        return Markdown("").join(self._inline_node(node, paragraph, links) for node in nodes)

    def _inline_node(self, node: SyntaxTreeNode, paragraph: _Paragraph, links: bool) -> Markdown:
        kind = node.type
        if kind == "text":
            self._check_numbers(node.content, paragraph)
            self._check_braces(node.content, paragraph)
            return (
                self._with_glossary_links(node.content) if links else Markdown.escape(node.content)
            )
        if kind in ("softbreak", "hardbreak"):
            return Markdown(" ")
        if kind in ("em", "strong"):
            mark = "*" if kind == "em" else "**"
            return Markdown(mark) + self._inline(node, paragraph, links) + Markdown(mark)
        if kind == "link":
            return self._link(node, paragraph)
        if kind == "reference":
            return self._reference(node.content, paragraph)
        opening = {"image": "![", "code_inline": node.markup}.get(kind, node.content)
        where = paragraph.locate(self.chapter, opening)
        self._problem(where, f"{_describe(node)} is not allowed in a chapter")
        return Markdown.escape(node.content)

    def _link(self, node: SyntaxTreeNode, paragraph: _Paragraph) -> Markdown:
        target = str(node.attrs.get("href", ""))
        text = self._inline(node, paragraph, links=False)
        if not (is_web_address(target) or _is_page_link(target)):
            where = paragraph.locate(self.chapter, target)
            self._problem(
                where,
                f"a link to '{target}'",
                "link to a page of the site (../timeline.md) or to an http(s) address",
            )
            return text
        return Markdown("[{}]({})").format(text, Markdown(href(target)))

    def _check_numbers(self, text: str, paragraph: _Paragraph) -> None:
        for match in _typed_numbers(text):
            written = match.group(1) + (match.group(2) or "")
            where = paragraph.locate(self.chapter, written)
            if not any(_holds(record, written) for record in paragraph.records):
                self._problem(
                    where,
                    f"the number {written} is not held by any record referenced in this paragraph",
                    "reference the record that gives it ({id} prints the number itself), or "
                    "leave the number out",
                )

    def _check_braces(self, text: str, paragraph: _Paragraph) -> None:
        """A brace outside a reference is almost always a reference mistyped: `{Tokayev}`."""
        brace = re.search(r"[{}]", text)
        if brace:
            self._problem(
                paragraph.locate(self.chapter, brace.group(0)),
                "a brace that is not part of a reference",
                "write {id} or {id:variant}: lower-case words joined by hyphens, no spaces",
            )

    def _with_glossary_links(self, text: str) -> Markdown:
        """The first use of each glossary term on the page links to its entry."""
        parts, position = [], 0
        pattern = self.glossary_pattern
        for match in pattern.finditer(text) if pattern else ():
            term = self.glossary[match.group(0)]
            if term.id in self.linked_terms:
                continue
            self.linked_terms.add(term.id)
            parts.append(Markdown.escape(text[position : match.start()]))
            parts.append(link(self.data, term.id, match.group(0), self.up))
            position = match.end()
        parts.append(Markdown.escape(text[position:]))
        return Markdown("").join(parts)

    # References

    def _resolve(self, content: str) -> Any:
        match = _REFERENCE.fullmatch(content)
        return self._record(match.group(1)) if match else None

    def _record(self, record_id: str) -> Any:
        derived = self.analysis.derived_by_id.get(record_id)
        if derived is not None:
            return derived
        try:
            return self.data.get(record_id)
        except KeyError:
            return None

    def _reference(self, content: str, paragraph: _Paragraph) -> Markdown:
        where = paragraph.locate(self.chapter, "{" + content + "}")
        if content == COMMENTARY:
            self._problem(where, "{commentary} opens a paragraph of its own")
            return Markdown("")
        match = _REFERENCE.fullmatch(content)
        if not match:
            self._problem(
                where,
                f"'{{{content}}}' is not a reference",
                "write {id} or {id:variant}; ids are lower-case words joined by hyphens",
            )
            return Markdown.escape("{" + content + "}")
        record_id, variant = match.groups()
        record = self._record(record_id)
        if record is None:
            self._problem(where, f"unknown id '{record_id}'", self._id_hint(record_id))
            return Markdown.escape(record_id)
        allowed = VARIANTS.get(type(record), ())
        if variant is not None and variant not in allowed:
            offered = ", ".join(f"{{{record_id}:{v}}}" for v in allowed) or "none"
            self._problem(
                where,
                f"'{variant}' is not something '{record_id}' can show",
                f"it offers {offered}",
            )
            variant = None
        return self._render_reference(record, variant, paragraph, where)

    def _id_hint(self, record_id: str) -> str:
        known = [*self.data._index, *self.analysis.derived_by_id]
        close = difflib.get_close_matches(record_id, known, n=1)
        return f"did you mean '{close[0]}'?" if close else "no record in data/ has this id"

    def _render_reference(
        self, record: Any, variant: str | None, paragraph: _Paragraph, where: Location
    ) -> Markdown:
        if isinstance(record, model.Figure):
            return self._figure(record, variant, paragraph)
        if isinstance(record, Derived):
            return self._derived(record, variant)
        if isinstance(record, model.Event):
            paragraph.date = record.date.start.first
            label = record.date.label()
            if variant == "title":
                return Markdown("{} ({}){}").format(
                    link(self.data, record.id, record.title, self.up),
                    label,
                    self.cite.together(record.cite),
                )
            return link(self.data, record.id, label, self.up) + self.cite.together(record.cite)
        if isinstance(record, model.Person):
            return self._person(record, variant, paragraph, where)
        if isinstance(record, model.Claim):
            return self._claim(record, variant)
        if isinstance(record, model.Target):
            return self._target(record, variant)
        is_source = isinstance(record, model.SeedSource | model.ExternalSource)
        return link(self.data, record.id, source_label(record) if is_source else None, self.up)

    def _figure(self, figure: model.Figure, variant: str | None, paragraph: _Paragraph) -> Markdown:
        paragraph.date = figure.period.end
        if variant == "period":
            return Markdown.escape(figure.period.in_words())
        value = Markdown("[{}]({}trade.md#{})").format(
            qualified(figure), Markdown(self.up), Markdown(figure.id)
        )
        if variant == "value":
            return value + self.cite.together(figure.cite)
        return Markdown("{} in {}{}").format(
            value, figure.period.in_words(), self.cite.together(figure.cite)
        )

    def _derived(self, derived: Derived, variant: str | None) -> Markdown:
        page, anchor = _derived_home(derived)
        value = Markdown("[{}]({}{}#{})").format(
            shown(derived), Markdown(self.up), Markdown(page), Markdown(anchor)
        )
        if variant == "value":
            return value
        return Markdown("{} (worked out as {})").format(value, derived.formula)

    def _person(
        self, person: model.Person, variant: str | None, paragraph: _Paragraph, where: Location
    ) -> Markdown:
        name = link(self.data, person.id, person.name, self.up)
        if variant != "role":
            return name
        if paragraph.date is None:
            self._problem(
                where,
                f"no date for the role of {person.name}",
                "reference an event or a figure earlier in the paragraph: the role is the one "
                "held on its date",
            )
            return name
        role = role_on(person, paragraph.date)
        if role is None:
            self._problem(where, f"no role of {person.name} is known for {paragraph.date:%d %B %Y}")
            return name
        return Markdown("{} ({})").format(name, role.title)

    def _claim(self, claim: model.Claim, variant: str | None) -> Markdown:
        if variant == "verdict":
            check = next(c for c in self.analysis.checks if c.claim.id == claim.id)
            return Markdown.escape(VERDICT_WORDS.get(check.verdict, check.verdict))
        return link(self.data, claim.id, claim.wording, self.up) + self.cite.together(claim.cite)

    def _target(self, target: model.Target, variant: str | None) -> Markdown:
        label = target.title if variant == "title" else amount(target)
        return link(self.data, target.id, label, self.up) + self.cite.together(
            target.statements[0].cite
        )


def role_on(person: model.Person, day: datetime.date) -> model.Role | None:
    """The role a person held on a day: within its start and end, or attested that year."""
    for role in person.roles:
        starts = role.start.start.first if role.start else None
        ends = role.end.end.last if role.end else None
        if starts and starts <= day and (ends is None or day <= ends):
            return role
    for role in person.roles:
        if role.attested and role.attested.year == day.year:
            return role
    return None


def _references(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    found = []
    for child in node.children:
        if child.type == "reference":
            found.append(child)
        elif child.children:
            found.extend(_references(child))
    return found


def _is_commentary(node: SyntaxTreeNode) -> bool:
    return node.type == "reference" and node.content == COMMENTARY


def _is_page_link(target: str) -> bool:
    """A link within the site: a relative path to a page, maybe with an anchor; no scheme, no host."""
    return bool(re.fullmatch(r"(\.\./|[\w-]+/)*[\w-]+\.md(#[\w-]+)?|#[\w-]+", target))


def _describe(node: SyntaxTreeNode) -> str:
    names = {
        "fence": "a code block",
        "code_block": "a code block",
        "code_inline": "code",
        "image": "an image",
        "hr": "a horizontal rule",
        "html_block": "HTML",
        "html_inline": "HTML",
    }
    return names.get(node.type, f"'{node.type}'")


def _derived_home(derived: Derived) -> tuple[str, str]:
    """Where a derived value is shown with its formula: (page, anchor)."""
    on_targets = derived.id.startswith(("progress-", "needed-growth-", "pace-", "path-growth-"))
    return ("targets.md" if on_targets else "trade.md"), derived.id


def _holds(record: Any, written: str) -> bool:
    """Whether a record holds the number as written: at its precision, in any of its scales."""
    decimals = len(written.partition(".")[2])
    wanted = float(written.replace(",", ""))
    return any(
        abs(round(value * scale, decimals) - wanted) < 1e-9
        for value in _numbers_in(record)
        for scale in (1, 1e3, 1e-3)
    )


def _numbers_in(value: Any) -> list[float]:
    """Every number a record holds: its numeric fields, its dates, and the digits in its text."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, str):
        return [float(m.group(0).replace(",", "")) for m in _NUMBER_TEXT.finditer(value)]
    if isinstance(value, FuzzyDate | Period):
        return _numbers_in(value.label()) + _numbers_in(value.iso())
    if isinstance(value, list | tuple):
        return [n for item in value for n in _numbers_in(item)]
    if isinstance(value, BaseModel):
        return [n for name in type(value).model_fields for n in _numbers_in(getattr(value, name))]
    if isinstance(value, Derived):
        return [value.value, *_numbers_in(value.formula), *_numbers_in(value.label)]
    return []


_NUMBER_TEXT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _glossary_pattern(glossary: dict[str, Any]) -> re.Pattern | None:
    spellings = sorted(glossary, key=len, reverse=True)
    if not spellings:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, spellings)) + r")(?!\w)")


def _glossary_spellings(data: Dataset) -> dict[str, Any]:
    terms = data.records.get("glossary.yaml", [])
    return {spelling: term for term in terms for spelling in (term.term, *term.spellings)}
