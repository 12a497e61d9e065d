"""Claims: what the article says of a figure (a change, a ratio, a peak), tied to that figure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap

from .. import extract as x
from ..dates import Period
from ..words import INDICATOR_NAMES
from .figures import Found, plain_number
from .known import records_of

if TYPE_CHECKING:
    from .core import Drafting


def claims(context: Drafting) -> list[CommentedMap]:
    out = []
    for sentence in context.sentences:
        for reading in x.claims(sentence.text):
            out.append(_claim(context, sentence, reading))
    return out


def _claim(context: Drafting, sentence: x.Sentence, reading: x.ClaimReading) -> CommentedMap:
    subject = _subject(context, sentence, reading)
    notes = []
    record = CommentedMap(id="", kind=reading.kind)
    period = subject.period if subject else None
    if subject:
        record["subject"] = subject.id
    else:
        notes.append("subject: no figure in the paragraph it could be about.")
    if reading.kind != "peak":
        base, note = x.base_period(reading.base_words, period)
        if base:
            record["base"] = str(base)
        if note:
            notes.append(f"base: {note}.")
    if reading.percent is not None:
        record["percent"] = plain_number(reading.percent)
    if reading.factor is not None:
        record["factor"] = plain_number(reading.factor)
    if reading.approx != "exact":
        record["approx"] = reading.approx
    record["wording"] = _wording(reading, subject, record.get("base"))
    notes.append("wording: written from the fields; check it reads as the article means.")
    record["cite"] = context.cite(sentence)
    start = min(reading.span[0], reading.base_span[0]) if reading.base_span else reading.span[0]
    end = max(reading.span[1], reading.base_span[1]) if reading.base_span else reading.span[1]
    highlight = sentence.text[start:end]
    existing = _existing_claim(context, record)
    if existing:
        return context.candidate(
            "claim",
            sentence,
            highlight,
            context.citation(sentence),
            existing=existing,
            add_to="cite",
        )
    about = period.slug() if period else "unknown"
    record["id"] = context.new_id(f"{reading.kind}-{about}")
    return context.candidate("claim", sentence, highlight, record, notes=notes)


def _subject(context: Drafting, sentence, reading) -> Found | None:
    """The figure a claim is about: in its sentence, else the nearest in its paragraph."""
    own = [f for f in context.figures if f.sentence is sentence]
    if own:
        before = [f for f in own if f.amount.span[0] <= reading.span[0]]
        return (before or own)[-1]
    near = [f for f in context.figures if f.sentence.paragraph == sentence.paragraph]
    if not near:
        return None
    return min(
        near,
        key=lambda f: (
            abs(f.sentence.index - sentence.index),
            not (f.period and f.period.is_calendar_year),
            -f.sentence.index,
        ),
    )


def _existing_claim(context: Drafting, record: CommentedMap) -> str | None:
    for raw in records_of(context.loaded, "claims.yaml"):
        same = all(str(raw.get(k)) == str(record.get(k)) for k in ("kind", "subject", "base"))
        same = same and raw.get("approx", "exact") == record.get("approx", "exact")
        if same and all(_close(raw.get(k), record.get(k)) for k in ("percent", "factor")):
            return raw["id"]
    return None


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def _wording(reading: x.ClaimReading, subject: Found | None, base: str | None) -> str:
    period = subject.period if subject else None
    name = INDICATOR_NAMES[subject.indicator] if subject else "The figure"
    what = f"{name} in {period.in_words()}" if period else name
    than = Period.parse(base).in_words() if base else "the period compared with"
    if reading.kind == "change":
        direction = "higher" if (reading.percent or 0) >= 0 else "lower"
        return f"{what} was {plain_number(abs(reading.percent or 0))}% {direction} than in {than}."
    if reading.kind == "ratio":
        hedge = {"almost": "almost ", "about": "about ", "over": "more than "}.get(
            reading.approx, ""
        )
        return f"{what} was {hedge}{plain_number(reading.factor or 0)} times that of {than}."
    if reading.kind == "close-to":
        return f"{what} was close to the whole of {than}."
    return f"{what} was the highest yet."
