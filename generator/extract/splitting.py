"""The article cut into sentences, each with its place in the text."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim, as in the article
    start: int  # offset in the article
    paragraph: int  # index of its line among the article's non-empty lines
    index: int  # its place among all sentences


# A list of links to other articles, which publishers append under a heading like these.
_TRAILER = re.compile(
    r"^\s*(more )?(related|recommended|similar) (articles|news|stories)\b|^\s*(read|see) (more|also)\b",
    re.IGNORECASE,
)
_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9$])")
# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "gen", "col", "jr", "sr"}
_ABBREVIATIONS |= {calendar.month_abbr[m].lower() for m in range(1, 13)}


def sentences(text: str) -> list[Sentence]:
    """The article's sentences, each line a paragraph, up to a trailer of links to other articles."""
    found: list[Sentence] = []
    offset = 0
    paragraph = 0
    for line in text.splitlines(keepends=True):
        if _TRAILER.match(line):
            break
        if line.strip():
            for start, end in _split_line(line):
                piece = line[start:end]
                lead = len(piece) - len(piece.lstrip())
                body = piece.strip()
                if body:
                    found.append(Sentence(body, offset + start + lead, paragraph, len(found)))
            paragraph += 1
        offset += len(line)
    return found


def _split_line(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _END.finditer(line):
        word = re.search(r"(\w+)[.!?]?$", line[start : match.start() + 1])
        before = word.group(1) if word else ""
        if before.lower() in _ABBREVIATIONS or (len(before) == 1 and before.isupper()):
            continue
        end = match.end() - len(match.group(0)) + len(match.group(0).rstrip())
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(line)))
    return spans
