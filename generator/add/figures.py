"""Figures and goals: each amount becomes a new record, a citation for one, or a disagreement."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import extract as x
from ..dates import Period
from ..words import INDICATOR_NAMES
from ..yamlfile import fresh
from .known import THE_TWO, gazetteer, records_of

if TYPE_CHECKING:
    from .core import Drafting

SHORT = {
    "trade-turnover": "turnover",
    "kz-exports-to-tm": "kz-exports",
    "rail-freight": "rail-freight",
    "transport-volume": "transport-volume",
    "other": "figure",
}


@dataclass(frozen=True)
class Found:
    """A figure candidate, for the claims that may be about it."""

    sentence: x.Sentence
    amount: x.Amount
    period: Period | None
    id: str  # proposed, or of the record it repeats
    indicator: str


def figures_and_goals(context: Drafting) -> list[CommentedMap]:
    out = []
    for position, sentence in enumerate(context.sentences):
        previous = context.sentences[position - 1].text if position else ""
        bases = [c.base_span for c in x.claims(sentence.text) if c.base_span]
        for amount in x.amounts(sentence.text):
            reading = x.goal(sentence.text, amount)
            if reading:
                out.append(_goal(context, sentence, reading, previous))
            elif not _about_others(sentence.text):
                made = _figure(context, sentence, amount, previous, bases)
                if made:
                    out.append(made)
    return out


def _about_others(text: str) -> bool:
    """A sentence naming a third country is about another relationship than the report's."""
    places = gazetteer()
    for match in re.finditer(r"\b[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?", text):
        name = re.sub(r"[’']s$", "", match.group(0))
        if places.get(name, ("", ""))[0] == "country" and name not in THE_TWO:
            return True
    return False


def _figure(context: Drafting, sentence, amount, previous, bases) -> CommentedMap | None:
    indicator = x.indicator(sentence.text, previous, amount)
    reading = _period_for(context, sentence, amount, bases)
    key = (
        indicator,
        reading.period if reading else None,
        amount.absolute,
        amount.currency,
        amount.unit,
    )
    if any(k == key for k, _ in context.figure_keys):
        return None
    notes = []
    record = CommentedMap(id="")
    record["indicator"] = indicator
    if indicator == "other":
        notes.append(
            "indicator: what it measures is none of the report's indicators; set it, or drop the candidate."
        )
    if reading and reading.period:
        record["period"] = str(reading.period)
    if reading is None:
        notes.append("period: the sentence names none.")
    if reading and reading.note:
        notes.append(f"period: {reading.note}.")
    record.update(_amount_fields(amount))
    if amount.qualifier != "exact":
        record["qualifier"] = amount.qualifier
    record["cite"] = context.cite(sentence)
    label = (
        reading.period.slug()
        if reading and reading.period
        else f"{plain_number(amount.value)}-{amount.scale or ''}"
    )
    highlight = sentence.text[amount.span[0] : amount.span[1]]
    existing = _existing_figure(context, indicator, reading.period if reading else None, amount)
    if existing and existing[1] == "cite":
        candidate = context.candidate(
            "figure",
            sentence,
            highlight,
            context.citation(sentence),
            existing=existing[0]["id"],
            add_to="cite",
        )
    elif existing:
        candidate = _disagreement(
            context, sentence, highlight, existing[0], record, amount, reading.period
        )
    else:
        record["id"] = context.new_id(f"{SHORT[indicator]}-{label}")
        candidate = context.candidate("figure", sentence, highlight, record, notes=notes)
    subject = candidate.get("existing") or record["id"]
    context.figures.append(
        Found(sentence, amount, reading.period if reading else None, subject, indicator)
    )
    context.figure_keys.append((key, subject))
    return candidate


def _period_for(context: Drafting, sentence, amount, bases) -> x.PeriodReading | None:
    """The period nearest the amount, leaving out the ones it is compared with."""
    readings = [
        r for r in x.periods(sentence.text, context.year, context.when.inferred)
        if not any(a <= r.span[0] < b for a, b in bases)
    ]  # fmt: skip
    if not readings:
        return None
    return min(
        readings, key=lambda r: (abs(r.span[0] - amount.span[0]), r.span[0] > amount.span[0])
    )


def _existing_figure(context: Drafting, indicator, period, amount) -> tuple[Any, str] | None:
    if period is None:
        return None
    for raw in records_of(context.loaded, "figures.yaml"):
        if raw.get("indicator") == indicator and _period(raw, "period") == period:
            return raw, "cite" if _same_amount(raw, amount) else "disagree"
    return None


def _disagreement(
    context: Drafting, sentence, highlight, raw, record, amount, period
) -> CommentedMap:
    theirs, ours = _account(raw), _account(record)
    theirs["cite"] = fresh(raw.get("cite"))
    ours["as_of"] = context.when.date.iso()
    ours["cite"] = context.cite(sentence)
    disagreement = CommentedMap(
        id=context.new_id(f"{raw['id']}-values"),
        topic=f"{INDICATOR_NAMES.get(raw.get('indicator'), 'Figure')} for {period.label()}",
        about=CommentedSeq([raw["id"]]),
        accounts=CommentedSeq([theirs, ours]),
    )
    theirs, ours = theirs["says"], ours["says"]
    notes = [
        f"The data has {theirs} for {period.label()}; this article gives {ours}.",
        "summary and reasoning: write them; both values are kept.",
    ]
    return context.candidate(
        "figure",
        sentence,
        highlight,
        disagreement,
        existing=raw["id"],
        action="disagree",
        notes=notes,
    )


def _account(record: Any) -> CommentedMap:
    """One side of a disagreement over a figure: the amount in words, value and unit."""
    unit = record.get("currency") or record.get("unit")
    scale = record.get("scale")
    account = CommentedMap(
        says=" ".join(str(p) for p in (plain_number(float(record["value"])), scale, unit) if p)
    )
    account["value"] = record["value"]
    account["unit"] = " ".join(p for p in (unit, scale) if p)
    return account


def _goal(context: Drafting, sentence, reading: x.GoalReading, previous: str) -> CommentedMap:
    amount = reading.amount
    indicator = x.indicator(sentence.text, previous, amount)
    statement = CommentedMap(date=context.when.date.iso(), action=reading.action)
    said_by = [
        context.mentioned[m.text]
        for m in x.people(sentence.text, context.names)
        if m.text in context.mentioned
    ]
    if said_by:
        statement["said_by"] = CommentedSeq(said_by)
    notes = ["who: say who set or restated it (said_by, who or reported_by)."]
    if reading.horizon:
        statement["horizon"] = reading.horizon
    else:
        notes.append("horizon: the sentence gives none; write 'none given'.")
    if reading.horizon_year:
        statement["horizon_year"] = reading.horizon_year
    statement["cite"] = context.cite(sentence)
    highlight = sentence.text[amount.span[0] : amount.span[1]]
    for raw in records_of(context.loaded, "targets.yaml"):
        if raw.get("indicator") == indicator and _same_amount(raw, amount):
            return context.candidate(
                "target",
                sentence,
                highlight,
                statement,
                existing=raw["id"],
                add_to="statements",
                notes=notes,
            )
    record = CommentedMap(
        id=context.new_id(f"{SHORT[indicator]}-{plain_number(amount.value)}-{amount.scale or ''}"),
        indicator=indicator,
    )
    record.update(_amount_fields(amount))
    record["statements"] = CommentedSeq([statement])
    notes.append("title and summary: write them.")
    return context.candidate("target", sentence, highlight, record, notes=notes)


def _amount_fields(amount) -> dict:
    """value, scale and currency (or unit) of an amount, in the data files' order."""
    fields = {"value": plain_number(amount.value)}
    if amount.scale:
        fields["scale"] = amount.scale
    fields.update({"currency": amount.currency} if amount.currency else {"unit": amount.unit})
    return fields


def _same_amount(raw: Any, amount: x.Amount) -> bool:
    try:
        value = float(raw.get("value")) * _scale(raw.get("scale"))
    except (TypeError, ValueError):
        return False
    unit_same = raw.get("currency") == amount.currency and raw.get("unit") == amount.unit
    return unit_same and abs(value - amount.absolute) <= 1e-9 * max(value, 1)


def _scale(name: Any) -> float:
    return {None: 1, "thousand": 1e3, "million": 1e6, "billion": 1e9}.get(name, 1)


def _period(raw: Any, field_name: str) -> Period | None:
    try:
        return Period.parse(raw.get(field_name))
    except (ValueError, TypeError):
        return None


def plain_number(value: float) -> float | int:
    """3.0 as 3: how the data files write a whole number."""
    return int(value) if float(value).is_integer() else value
