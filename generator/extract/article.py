"""The article's own data: its date line, title, publisher and the day it appeared."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ..dates import FuzzyDate
from .figures import _MONTH, _MONTHS, _PERIODS, _period_months
from .splitting import Sentence

_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_WRITTEN_DATE = re.compile(
    rf"\b(?:({_MONTH})\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})|(\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d{{2}}))\b"
)
# "ASHGABAT, Turkmenistan, April 22." — where the report was filed, and the day.
_DATELINE = re.compile(
    rf"\b([A-Z][A-Z'’-]{{2,}}(?:\s[A-Z][A-Z'’-]{{2,}})*),\s+(?:([A-Z][a-z]+),\s+)?({_MONTH})\s+(\d{{1,2}})\b\.?"
)
_PUBLISHER = re.compile(
    r"\b([A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})\s+(?:reports|reported|news agency reports)\b"
)
_ANNIVERSARY = re.compile(
    r"\b(?:in\s+)?(?:this year|the year of the|the current year)[^.]{0,40}?\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary of\s+(?:the\s+)?(?:establishment of\s+)?([a-z ]{4,40}?)\s+(?:between|of|with)\b",
    re.IGNORECASE,
)
_ESTABLISHED = r"\b{subject}\b[^.]{{0,60}}?\b(?:were|was)\s+(?:established|founded|signed|set up)\s+in\s+((?:19|20)\d{{2}})\b"


@dataclass(frozen=True)
class Dateline:
    place: str  # as printed, e.g. "ASHGABAT"
    text: str  # the whole date line, verbatim
    sentence: Sentence
    month: int
    day: int


@dataclass(frozen=True)
class Published:
    """When the article appeared: read from the text, or inferred with the passages that show it."""

    date: FuzzyDate
    inferred: bool
    reasoning: str | None = None
    passages: tuple[str, ...] = ()


def find_dateline(found: list[Sentence]) -> Dateline | None:
    for sentence in found[:3]:
        match = _DATELINE.search(sentence.text)
        if match:
            month = _MONTHS[match.group(3).rstrip(".").lower()]
            return Dateline(match.group(1), match.group(0), sentence, month, int(match.group(4)))
    return None


def find_title(text: str) -> str | None:
    """The first line, if it reads as a headline: short, no closing full stop, no date line."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = first.split()
    if not first or first[-1] in '.!?"”' or len(words) > 25 or _ISO_DATE.search(first):
        return None
    return None if _DATELINE.search(first) else first


def find_publisher(found: list[Sentence]) -> str | None:
    for sentence in found[:4]:
        match = _PUBLISHER.search(sentence.text)
        if match:
            return match.group(1)
    return None


def find_published(text: str, found: list[Sentence], dateline: Dateline | None) -> Published | None:
    """The date the text gives at its head; or one inferred from what it says, with reasons."""
    head = text[:300]
    iso = _ISO_DATE.search(head)
    if iso:
        return Published(FuzzyDate.parse(iso.group(0)), inferred=False)
    written = _WRITTEN_DATE.search(head)
    if written:
        g = written.groups()
        month, day, year = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
        iso_text = f"{year}-{_MONTHS[month.rstrip('.').lower()]:02d}-{int(day):02d}"
        return Published(FuzzyDate.parse(iso_text), inferred=False)
    return _infer_published(found, dateline)


def _infer_published(found: list[Sentence], dateline: Dateline | None) -> Published | None:
    """The year from "the Nth anniversary of X" and the year X happened, both in the text."""
    for sentence in found:
        match = _ANNIVERSARY.search(sentence.text)
        if not match:
            continue
        years, subject = int(match.group(1)), match.group(2).strip()
        pattern = re.compile(_ESTABLISHED.format(subject=re.escape(subject)), re.IGNORECASE)
        for other in found:
            origin = pattern.search(other.text)
            if origin:
                year = int(origin.group(1)) + years
                return _bounded(year, years, subject, origin, sentence, other, found, dateline)
    return None


def _bounded(year, years, subject, origin, sentence, other, found, dateline) -> Published:
    reasons = [
        "The text carries no date.",
        f"It calls the current year that of the {_ordinal(years)} anniversary of {subject}, "
        f"which it says happened in {origin.group(1)}: so {year}.",
    ]
    passages = [sentence.text, other.text]
    if dateline:
        iso = f"{year}-{dateline.month:02d}-{dateline.day:02d}"
        reasons.append(f"Its date line gives the day: {iso}.")
        return Published(FuzzyDate.parse(iso), True, " ".join(reasons), (*passages, dateline.text))
    after = _months_elapsed(found)
    if after:
        months, passage = after
        reasons.append(
            f"It reports figures for the first {months} months of this year, so it appeared "
            f"after {calendar.month_name[months]}."
        )
        passages.append(passage)
        span = f"{year}-{months + 1:02d}/{year}-12" if months < 12 else f"{year + 1}"
        return Published(FuzzyDate.parse(span), True, " ".join(reasons), tuple(passages))
    return Published(FuzzyDate.parse(str(year)), True, " ".join(reasons), tuple(passages))


def _months_elapsed(found: list[Sentence]) -> tuple[int, str] | None:
    """The longest "first N months of this year" the text reports: it appeared after them."""
    best = None
    for sentence in found:
        for match in _PERIODS.finditer(sentence.text):
            named = _period_months(match)
            if named and named[2] == "this" and (best is None or named[1] > best[0]):
                best = (named[1], sentence.text)
    return best


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
