"""Reader words for records: what a page or a chart shows in place of an id or a field value.

Kept apart from `pages` so the charts, which `pages` imports, can use the same words.
"""

from __future__ import annotations

from typing import Any

from . import model

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
    """A source as citations name it: its short name and date, 'Trend, 22 April 2025'."""
    date = source.published.label() if source.published else "undated"
    if isinstance(source, model.SeedSource) and source.published_inferred:
        date += ", inferred"
    name = source.label or source.publisher or _shorten(source.title or source.id)
    return f"{name}, {date}"


def _shorten(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
