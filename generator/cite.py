"""How to cite a chart or an event: a sentence in APA style and a BibTeX entry.

The report has no named author, so its title stands as the author, as APA style does for a work
by an organisation. The site changes as the data grow, so a citation names the day it was read.
Pages are generated and committed, so that day cannot be the reader's (nor the build's: every
page would change daily); it is the data's date, the newest publication date among the sources,
and the block says so, for the reader to put in their own.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from .dates import Point
from .load import Report
from .text import Markdown, bibtex_text, code_block
from .validate import Dataset


def data_date(data: Dataset) -> Point | None:
    """The newest publication date among the sources: what the data can know of, and no later."""
    dates = [s.published.end for s in data.sources if s.published is not None]
    return max(dates, default=None)


def apa_date(point: Point) -> str:
    """'May 14, 2025', 'May 2025' or '2025': APA's order, to the precision the date has."""
    month = calendar.month_name[point.first.month]
    if point.precision == "day":
        return f"{month} {point.first.day}, {point.first.year}"
    if point.precision == "month":
        return f"{month} {point.first.year}"
    return str(point.first.year)


def site_path(page: str) -> str:
    """A page's address from the site's root, as MkDocs publishes it: 'trade.md' -> 'trade/'."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@dataclass(frozen=True)
class Citation:
    key: str  # the BibTeX key: an id or a chart's slug, lower-case words and hyphens
    title: str  # what is cited, in the report's words (data text)
    kind: str  # APA's bracketed description: "Chart", "Timeline entry"
    page: str  # the page that shows it, under docs/: "trade.md"
    anchor: str  # its id on that page; "" for the page itself

    @property
    def path(self) -> str:
        """Its address from the site's root; the page's script makes it absolute for the reader."""
        return site_path(self.page) + (f"#{self.anchor}" if self.anchor else "")

    def apa(self, report: Report, accessed: Point | None, up: str) -> Markdown:
        link = Markdown("[{}]({}){{ .cite-url }}").format(
            self.path, Markdown(up + self.page + (f"#{self.anchor}" if self.anchor else ""))
        )
        retrieved = (
            Markdown("Retrieved {}, from ").format(apa_date(accessed)) if accessed else Markdown()
        )
        return Markdown("{}. (n.d.). *{}* \\[{}\\]. {}{}").format(
            report.title, self.title, self.kind, retrieved, link
        )

    def bibtex(self, report: Report, accessed: Point | None) -> Markdown:
        fields = [
            ("author", "{" + bibtex_text(report.title) + "}"),  # braced: an organisation
            ("title", bibtex_text(self.title)),
            ("note", bibtex_text(self.kind)),
            ("url", self.path),
        ]
        if accessed:
            fields.append(("urldate", accessed.iso()))
        body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
        return code_block(f"@online{{{self.key},\n{body}}}")
