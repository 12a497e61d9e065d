"""Events: the meetings, visits, calls and agreements the article reports, once each."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import extract as x
from ..dates import FuzzyDate
from .known import gazetteer, records_of

if TYPE_CHECKING:
    from .core import Drafting


def events(context: Drafting) -> list[CommentedMap]:
    out, seen = [], set()
    for sentence in context.sentences:
        reading = x.event(sentence.text)
        if reading is None:
            continue
        date = _event_date(context, reading)
        key = (reading.kind, date.iso())
        if key in seen:
            continue  # "the meeting" again
        seen.add(key)
        out.append(_event(context, sentence, reading, date))
    return out


def _event_date(context: Drafting, reading: x.EventReading) -> FuzzyDate:
    """The year the sentence gives; or its day in the article's year; or the article's date."""
    if reading.year:
        return FuzzyDate.parse(str(reading.year))
    if reading.day and context.year:
        month, day = reading.day
        try:
            return FuzzyDate.parse(f"{context.year}-{month:02d}-{day:02d}")
        except ValueError:
            pass
    return context.when.date


def _event(context: Drafting, sentence, reading: x.EventReading, date: FuzzyDate) -> CommentedMap:
    notes = ["title and summary: write them, in the report's words."]
    record = CommentedMap(id="", date=date.iso())
    if reading.day and not reading.year:
        notes.append("date: the day the sentence gives, in the article's year.")
    elif not reading.year:
        notes.append("date: the article's own date; the sentence does not date the event.")
    record["kind"] = reading.kind
    if reading.status != "happened":
        record["status"] = reading.status
    if reading.visit_type:
        record["visit_type"] = reading.visit_type
    people = [
        context.mentioned[m.text]
        for m in x.people(sentence.text, context.names)
        if m.text in context.mentioned
    ]
    places = [
        context.mentioned.get(m.text) or m.known
        for m in x.places(sentence.text, context.names, gazetteer())
        if re.search(r"\b(?:in|to|at)\s+(?:the\s+)?$", sentence.text[: m.span[0]])
    ]
    places = [p for p in places if p]
    if people:
        record["people"] = CommentedSeq(dict.fromkeys(people))
    if places:
        record["places"] = CommentedSeq(dict.fromkeys(places))
    else:
        notes.append(
            "places: the sentence names none (a date line is where the report was filed, not where this happened)."
        )
    record["cite"] = context.cite(sentence)
    highlight = sentence.text[reading.span[0] : reading.span[1]]
    for raw in records_of(context.loaded, "events.yaml"):
        shared = set(people) & set(raw.get("people") or [])
        if (
            raw.get("kind") == reading.kind
            and _dates_overlap(date, raw.get("date"))
            and (shared or not people)
        ):
            return context.candidate(
                "event",
                sentence,
                highlight,
                context.citation(sentence),
                existing=raw["id"],
                add_to="cite",
            )
    record["id"] = context.new_id(f"{reading.kind}-{date.iso().replace('/', '-')}")
    return context.candidate("event", sentence, highlight, record, notes=notes)


def _dates_overlap(a: FuzzyDate, raw: Any) -> bool:
    try:
        b = FuzzyDate.parse(raw)
    except (ValueError, TypeError):
        return False
    return a.start.first <= b.end.last and b.start.first <= a.end.last
