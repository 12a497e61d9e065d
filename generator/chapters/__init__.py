"""The report's prose: chapters in Markdown under data/chapters/, every fact a reference to a record.

An editor writes `{turnover-2023}` and the page shows "$563.1 million in 2023" with its footnote;
when the figure changes in the YAML, the sentence changes with it. The prose is parsed with
markdown-it-py (raw HTML off) and written out again as Markdown for MkDocs from the parsed tree:
only the constructs declared here pass, and every piece of text the editor typed is escaped, so
prose can format, link and reference, but never inject markup.

Checked, each as a located error `data/chapters/FILE.md:LINE:COL`: an unknown id or variant; a
number typed in a paragraph that no record referenced there holds (years and ordinals aside); a
paragraph with no reference at all, unless it opens with `{commentary}` (the report's own analysis,
shown as such); anything outside the declared Markdown.
"""

from __future__ import annotations

from .parse import Chapter, ChapterMeta, parse_prose
from .render import COMMENTARY, VARIANTS, VERDICT_WORDS, ProseRenderer, role_on

__all__ = [
    "COMMENTARY",
    "VARIANTS",
    "VERDICT_WORDS",
    "Chapter",
    "ChapterMeta",
    "ProseRenderer",
    "parse_prose",
    "role_on",
]
