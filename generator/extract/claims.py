"""What a figure claims: a change, a ratio, a goal, and the indicator it measures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import Period
from .figures import _COUNT, _WORD_NUMBERS, Amount

_DIRECTION_UP = r"increase|rise|growth|gain|jump|up|increased|rose|grew|higher"
_DIRECTION_DOWN = r"decrease|decline|drop|fall|down|decreased|declined|fell|dropped|lower"
_PERCENT = re.compile(
    rf"(?:\b(?P<verb>{_DIRECTION_UP}|{_DIRECTION_DOWN})\s+(?:by\s+)?)?(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)(?:\s+(?P<noun>{_DIRECTION_UP}|{_DIRECTION_DOWN})\b)?",
    re.IGNORECASE,
)
_FACTORS = {"twice": 2, "doubled": 2, "double": 2, "tripled": 3, "quadrupled": 4}
_RATIO = re.compile(
    rf"\b(?:(?P<count>{_COUNT}|\d+(?:\.\d+)?)\s?(?:-\s?)?(?:times|fold)\b(?:\s+(?:higher|more|larger|greater|bigger|as (?:much|high|large)))?"
    r"|(?P<word>twice|doubled|double|tripled|quadrupled)\b"
    r"|(?P<count2>two|three|four|five|six|seven|eight|nine|ten)fold\b)",
    re.IGNORECASE,
)
_PEAK = re.compile(
    r"\b(?:new\s+|all-time\s+|historic\s+)?(?:peak|record high|all-time high|record)\b", re.I
)
_CLOSE_TO = re.compile(
    r"\bclose to (?:the\s+)?(?:[\w-]+\s+){0,3}(?:amount|level|volume|total|figure|value)\s+(?:of|for|in)\s+(?P<base>the last year|last year|the previous year|(?:19|20)\d{2})\b",
    re.I,
)
_APPROX = [
    (re.compile(r"\b(?:almost|nearly|close to|just under)\s+(?:by\s+)?$", re.I), "almost"),
    (re.compile(r"\b(?:about|around|approximately|roughly|some)\s+(?:by\s+)?$", re.I), "about"),
    (re.compile(r"\b(?:more than|over|at least|exceeding)\s+(?:by\s+)?$", re.I), "over"),
]
# What a change or ratio is measured against.
_BASE = re.compile(
    r"\b(?:than|from|on|over|compared (?:to|with)|against|versus|of)\s+(?:in\s+|that of\s+)?(?:the\s+)?(?P<base>(?:19|20)\d{2}|previous year|last year|preceding year|year before|same period (?:of|last) (?:the previous )?year)\b"
    r"|\b(?P<yoy>year[- ]on[- ]year|a year earlier)\b"
    r"|\b(?:in|within|over)\s+(?:a\s+mere\s+|just\s+|only\s+|the\s+(?:past|last)\s+)?(?P<span>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClaimReading:
    kind: str  # change, ratio, close-to, peak
    span: tuple[int, int]  # the words that make the claim
    percent: float | None = None
    factor: float | None = None
    approx: str = "exact"
    base_words: str | None = None
    base_span: tuple[int, int] | None = None


def claims(sentence: str) -> list[ClaimReading]:
    found = []
    for match in _PERCENT.finditer(sentence):
        direction = match.group("verb") or match.group("noun")
        if not direction:
            continue  # a share ("40 percent of exports"), not a change
        sign = -1 if re.fullmatch(_DIRECTION_DOWN, direction, re.I) else 1
        found.append(
            _with_base(sentence, "change", match, percent=sign * float(match.group("num")))
        )
    for match in _RATIO.finditer(sentence):
        count = match.group("count") or match.group("count2")
        factor = (
            _FACTORS[match.group("word").lower()]
            if match.group("word")
            else float(count)
            if count[0].isdigit()
            else _WORD_NUMBERS[count.lower()]
        )
        if factor > 1:
            found.append(_with_base(sentence, "ratio", match, factor=factor))
    for match in _CLOSE_TO.finditer(sentence):
        base = match.span("base")
        found.append(
            ClaimReading("close-to", match.span(), base_words=match.group("base"), base_span=base)
        )
    for match in _PEAK.finditer(sentence):
        found.append(ClaimReading("peak", match.span()))
    return found


def _with_base(sentence: str, kind: str, match: re.Match, **value) -> ClaimReading:
    before = sentence[: match.start()]
    approx = next((name for rule, name in _APPROX if rule.search(before)), "exact")
    base = next((b for b in _BASE.finditer(sentence) if b.start() >= match.start() - 40), None)
    if base is None:
        return ClaimReading(kind, match.span(), approx=approx, **value)
    words = base.group("base") or base.group("yoy") or f"{base.group('span')} years"
    return ClaimReading(
        kind, match.span(), approx=approx, base_words=words, base_span=base.span(), **value
    )


def base_period(words: str | None, subject: Period | None) -> tuple[Period | None, str | None]:
    """The period a claim compares with, from its words and the period of the figure it is about."""
    if words is None:
        return None, "the text names nothing it compares with"
    if re.fullmatch(r"(?:19|20)\d{2}", words):
        return Period.parse(words), None
    if subject is None:
        return None, f'"{words}": the figure\'s period is not known'
    span = re.fullmatch(rf"({_COUNT}) years", words, re.I)
    if span:
        count = span.group(1)
        years = int(count) if count.isdigit() else _WORD_NUMBERS[count.lower()]
        note = (
            f"The text does not say which {years} years; read as the {years} years up to "
            f"{subject.year}, the year of the figure it is about."
        )
        return Period.parse(str(subject.year - years)), note
    if (
        subject.is_calendar_year
        or "same period" not in words
        and "year" in words
        and "last" in words
    ):
        return Period.parse(str(subject.year - 1)), None
    start = subject.start.replace(year=subject.start.year - 1)
    end = subject.end.replace(year=subject.end.year - 1, day=1)
    return Period.parse(f"{start:%Y-%m}/{end:%Y-%m}"), "the same months of the year before"


# ---------------------------------------------------------------- goals

_GOAL = re.compile(
    r"\b(?:goal|target|task|aim|objective|plan|plans|intend|intends|seek|seeks|agreed|strive)\b",
    re.I,
)
_TO_AMOUNT = re.compile(r"\b(?:to|reach|reaching|at)\s+(?:the\s+level\s+of\s+)?$", re.I)
_HORIZON = re.compile(
    r"\b(?:in|within|over)\s+the\s+(?:next|coming|following)\s+(?:(?:\w+|\d+)\s+)?years\b"
    r"|\bin\s+the\s+(?:near|foreseeable)\s+future\b"
    r"|\bwithin\s+(?:\w+|\d+)\s+years\b"
    r"|\bby\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d{2})\b",
    re.I,
)
_SET = re.compile(r"\b(?:set|sets|setting|adopted|agreed|decided|announced)\b", re.I)


@dataclass(frozen=True)
class GoalReading:
    amount: Amount
    horizon: str | None
    horizon_year: int | None
    action: str  # set, restated


def goal(sentence: str, amount: Amount) -> GoalReading | None:
    """A goal: an amount something is to be brought *to*, in a sentence that says so."""
    if not _GOAL.search(sentence) or not _TO_AMOUNT.search(sentence[: amount.span[0]]):
        return None
    horizon = _HORIZON.search(sentence, amount.span[1])
    year = int(horizon.group("year")) if horizon and horizon.group("year") else None
    action = "set" if _SET.search(sentence) else "restated"
    return GoalReading(amount, horizon.group(0) if horizon else None, year, action)


# ---------------------------------------------------------------- what it is about

_TRADE = re.compile(r"\b(?:trade|turnover|commerce|commercial)\b", re.I)
_EXPORTS = re.compile(r"\bexports?\b", re.I)
_RAIL = re.compile(r"\b(?:rail|railway|railways|trains?)\b", re.I)
_TRANSPORT = re.compile(r"\b(?:cargo|freight|transport|transportation|shipments?)\b", re.I)


def indicator(sentence: str, previous: str, amount: Amount) -> str:
    """What a number measures, from the words of its sentence (or, for 'it', the one before)."""
    for text in (sentence, previous):
        if amount.unit == "tonnes":
            if _RAIL.search(text):
                return "rail-freight"
            if _TRANSPORT.search(text):
                return "transport-volume"
        elif amount.currency:
            if _EXPORTS.search(text) and re.search(r"\bKazakh", text):
                return "kz-exports-to-tm"
            if _TRADE.search(text):
                return "trade-turnover"
    return "other"
