"""How records read on a page: amounts, derived values, links to records and footnotes.

Shared by the templated pages (pages.py) and the chapters' prose (chapters/render.py).
"""

from __future__ import annotations

from typing import Any

from . import model
from .derive import Derived, millions, number
from .text import Markdown
from .validate import Dataset

# Which page shows each kind of record, so any record id can become a link.
HOME_OF = {
    "sources.yaml": "sources.md",
    "people.yaml": "people.md",
    "places.yaml": "places.md",
    "organisations.yaml": "topics.md",
    "areas.yaml": "topics.md",
    "initiatives.yaml": "projects.md",
    "events.yaml": "timeline.md",
    "figures.yaml": "trade.md",
    "claims.yaml": "claims.md",
    "targets.yaml": "targets.md",
    "disagreements.yaml": "disagreements.md",
    "glossary.yaml": "glossary.md",
}


# Between two footnote marks side by side: a raised comma, so that marks 11 and 12 do not read
# as one mark 1112.
MARK_SEPARATOR = Markdown("<sup>,</sup>")


class Citations:
    """Numbered footnotes for one page; the same passage cited twice keeps one number.

    A footnote holds one passage, or (for prose, where a row of marks would break the sentence)
    all the passages behind one fact, one after another.
    """

    def __init__(self, data: Dataset, up: str = ""):
        self.data = data
        self.up = up
        self.numbers: dict[tuple[tuple[str, str], ...], int] = {}

    def __call__(self, cites: list[model.Cite]) -> Markdown:
        marks = [self._mark(((c.source, c.quote or c.note or ""),)) for c in cites]
        return MARK_SEPARATOR.join(Markdown(mark) for mark in dict.fromkeys(marks))

    def together(self, cites: list[model.Cite]) -> Markdown:
        """One footnote mark for all of a fact's sources."""
        passages = tuple(dict.fromkeys((c.source, c.quote or c.note or "") for c in cites))
        return Markdown(self._mark(passages))

    def _mark(self, passages: tuple[tuple[str, str], ...]) -> str:
        return f"[^{self.numbers.setdefault(passages, len(self.numbers) + 1)}]"

    def footnotes(self) -> Markdown:
        lines = []
        for passages, n in self.numbers.items():
            entries = Markdown(" ").join(self._entry(*passage) for passage in passages)
            lines.append(Markdown("[^{}]: {}").format(n, entries))
        return Markdown("\n").join(lines)

    def _entry(self, source_id: str, passage: str) -> Markdown:
        source = self.data.get(source_id)
        target = Markdown("{}sources.md#{}").format(Markdown(self.up), Markdown(source.id))
        if isinstance(source, model.SeedSource):
            link = Markdown("[{}]({})").format(source_label(source), target)
            return Markdown("{}: “{}”").format(link, passage)
        # What is true of every such citation goes in the link's title, not after each note.
        # A note says what the page gives ("Reports the opening of…", "Gives the figure…"), so
        # it follows the source's name as the quote does: no verb of ours before it.
        link = Markdown('[{}]({} "{}")').format(source_label(source), target, NOT_HELD)
        return Markdown("{}: {}").format(link, passage) if passage else link


# The title of every footnote link to a page known by address. Plain words, no quotation marks:
# it sits inside a Markdown link title.
NOT_HELD = Markdown(
    "Known by address only: the report does not hold this page's text, so what is cited from it"
    " could not be checked"
)


def joined(*parts: Any) -> str:
    """Plain text from several values, for a label: templates never concatenate with `~`,
    which would let data meet built Markdown with only HTML escaping."""
    return "".join(str(part) for part in parts)


# An event's kind as a reader would name it: the tag on its page and the word on the timeline.
EVENT_KINDS = {
    "visit": "Visit",
    "meeting": "Meeting",
    "agreement": "Agreement",
    "ratification": "Ratification",
    "project": "Project",
    "commission": "Intergovernmental commission",
    "multilateral": "Multilateral",
    "culture": "Culture",
    "diplomacy": "Diplomacy",
    "announcement": "Announcement",
    "publication": "Publication",
    "call": "Phone call",
    "award": "Award",
}


def event_kind(event: Any) -> str:
    return EVENT_KINDS[event.kind]


def source_label(source: Any) -> str:
    date = source.published.label() if source.published else "undated"
    if isinstance(source, model.SeedSource) and source.published_inferred:
        date += ", inferred"
    name = source.label or source.publisher or _shorten(source.title or source.id)
    return f"{name}, {date}"


def _shorten(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def money(value_in_millions: float, digits: int = 1) -> str:
    if value_in_millions >= 1000:
        return f"${number(round(value_in_millions / 1000, 2))}\u00a0billion"
    return f"${number(round(value_in_millions, digits))}\u00a0million"


def amount(record: Any) -> str:
    """A figure or target as printed: money in USD, anything else in its own unit."""
    if record.currency:
        return money(millions(record))
    scale = f"{record.scale}\u00a0" if record.scale else ""
    return f"{number(record.value)}\u00a0{scale}{record.unit}"


QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "almost": "almost ",
    "over": "more than ",
    "under": "less than ",
}
INDICATOR_NAMES = {
    "trade-turnover": "Trade turnover",
    "kz-exports-to-tm": "Kazakh exports to Turkmenistan (one way only)",
    "rail-freight": "Rail freight",
    "transport-volume": "Freight, all modes",
    "other": "Other",
}


def qualified(figure: Any) -> str:
    """A figure with the source's own hedge: 'more than $500 million', 'about $100 million'."""
    return QUALIFIER_WORDS[figure.qualifier] + amount(figure)


def shown(derived: Derived) -> str:
    """A derived value as the site prints it, always with its unit, and its bound if it is one:
    'at least 50.0%', 'at most 26.0% a year'."""

    def one(value: float) -> str:
        if derived.unit == "USD million":
            return money(value)
        if derived.unit == "percent change":
            return f"{value:+.1f}%"
        if derived.unit.startswith("percent"):
            return f"{value:.1f}%" + (" a year" if derived.unit == "percent a year" else "")
        return f"{number(value)}\u00a0{derived.unit}"  # million tonnes

    if derived.bound == "between":
        return f"between {one(derived.value)} and {one(derived.upper)}"
    return f"{derived.bound} {one(derived.value)}" if derived.bound else one(derived.value)


# The field that names a record in a link, by kind: people and places, events, glossary terms,
# disagreements, claims.
LABEL_FIELDS = ("name", "title", "term", "topic", "wording")


def link(data: Dataset, record_id: str, text: Any = None, up: str = "") -> Markdown:
    record = data.get(record_id)
    page = up + HOME_OF[data.origin[record_id].rsplit("/", 1)[-1]]
    label = text or next(
        (getattr(record, f) for f in LABEL_FIELDS if getattr(record, f, None)), record_id
    )
    return Markdown("[{}]({}#{})").format(label, Markdown(page), Markdown(record_id))
