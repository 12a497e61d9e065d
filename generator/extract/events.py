"""Events a sentence reports: meetings, visits, calls, agreements, and when."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import _MONTH, _MONTHS

_EVENT_KINDS = [
    (re.compile(r"\b(?:diplomatic relations)\b[^.]*\bestablished\b", re.I), "diplomacy"),
    (re.compile(r"\b(?:(?P<type>state|official|working|informal)\s+)?visits?\b", re.I), "visit"),
    (re.compile(r"\b(?:(?P<type>informal|official|working)\s+)?(?:meeting|talks|negotiations|summit)\b|\bmet\b", re.I), "meeting"),
    (re.compile(r"\b(?:telephone|phone)\s+(?:conversation|call|talk)\b", re.I), "call"),
    (re.compile(r"\b(?:signed|concluded)\b[^.]*\b(?:agreement|memorandum|treaty|protocol)\b", re.I), "agreement"),
    (re.compile(r"\bratif(?:ied|ication)\b", re.I), "ratification"),
    (re.compile(r"\b(?:article|op-ed|interview)\s+published\s+in\b", re.I), "publication"),
]  # fmt: skip
_PLANNED = re.compile(
    r"\b(?:will\s+(?:take place|visit|be held|hold|sign)|is\s+(?:scheduled|expected|planned)|preparations?\s+for)\b",
    re.I,
)
_EVENT_YEAR = re.compile(r"\b(?:in|on|since)\s+((?:19|20)\d{2})\b")
_EVENT_DAY = re.compile(rf"\bon\s+({_MONTH})\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})")


@dataclass(frozen=True)
class EventReading:
    kind: str
    visit_type: str | None
    status: str  # happened, planned
    year: int | None  # a year the sentence dates it to
    span: tuple[int, int]
    day: tuple[int, int] | None = None  # "on May 2": month and day, in the article's year


def event(sentence: str) -> EventReading | None:
    for rule, kind in _EVENT_KINDS:
        match = rule.search(sentence)
        if match:
            kind_type = match.groupdict().get("type")
            status = "planned" if _PLANNED.search(sentence) else "happened"
            dated = _EVENT_YEAR.search(sentence) if status == "happened" else None
            year = int(dated.group(1)) if dated else None
            day = _EVENT_DAY.search(sentence)
            month_day = (
                (_MONTHS[day.group(1).rstrip(".").lower()], int(day.group(2))) if day else None
            )
            kind_type = kind_type.lower() if kind_type else None
            return EventReading(kind, kind_type, status, year, match.span(), month_day)
    return None
