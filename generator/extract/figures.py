"""Amounts of money or goods, and the periods a sentence names ("the first half of 2024")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ..dates import Period

_MONTHS = {calendar.month_name[m].lower(): m for m in range(1, 13)}
_MONTHS |= {calendar.month_abbr[m].lower(): m for m in range(1, 13)}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion|mln|bln|bn|m|k"
_AMOUNT = re.compile(
    rf"(?:(?P<cur>US\$|\$|USD\s?|€|EUR\s?)(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE})\b)?)"
    rf"|(?:\b(?P<num2>{_NUMBER})\s?(?P<scale2>thousand|million|billion)?\s+(?P<unit>(?:US\s)?dollars|euros?|(?:metric\s)?(?:tons|tonnes)|km|kilometres|kilometers)\b)",
    re.IGNORECASE,
)
_SCALES = {"k": "thousand", "m": "million", "mln": "million", "bn": "billion", "bln": "billion"}
_QUALIFIERS = [
    (re.compile(r"\b(?:almost|nearly|close to|just under)\s*$", re.I), "almost"),
    (
        re.compile(
            r"\b(?:about|around|approximately|some|roughly|an estimated|approx\.)\s*$", re.I
        ),
        "about",
    ),
    (re.compile(r"\b(?:over|more than|exceeding|above|in excess of|exceeded)\s*$", re.I), "over"),
    (re.compile(r"\b(?:under|less than|below|up to)\s*$", re.I), "under"),
]
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1,
}  # fmt: skip
_COUNT = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# A span of months from the start of a year: "the first seven months of this year",
# "the first half of 2024", "January-July 2022", "seven-month", "Q1 2024".
_PERIODS = re.compile(
    rf"\b(?:the\s+)?(?:first|1st)\s+(?P<count>{_COUNT})\s+months?(?:\s+of\s+(?P<of>this year|the current year|last year|the previous year|(?:19|20)\d{{2}}))?"
    rf"|\b(?:the\s+)?(?:first|1st)\s+(?P<part>half|quarter)(?:\s+of\s+(?P<of2>this year|the current year|last year|the previous year|(?:19|20)\d{{2}}))?"
    rf"|\b(?P<from>January|Jan)\.?\s*(?:[-–—]|\s+to\s+|\s+through\s+)\s*(?P<to>{_MONTH})(?:\s+(?:of\s+)?(?P<of3>(?:19|20)\d{{2}}|this year|last year))?"
    rf"|\b(?P<count2>{_COUNT})[- ]month\b"
    rf"|\b(?P<half>H[12]|Q[1-4])\s+(?P<of4>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"\b(?:in|for|during|of|by|from|since|as of|in the year)?\s*\b((?:19|20)\d{2})\b(?!-\d)"
)
_RELATIVE_YEAR = re.compile(
    r"\b(this year|the current year|last year|the previous year|a year earlier)\b", re.I
)


@dataclass(frozen=True)
class Amount:
    value: float
    scale: str | None
    currency: str | None
    unit: str | None
    qualifier: str
    span: tuple[int, int]  # in the sentence

    @property
    def absolute(self) -> float:
        return self.value * {None: 1, "thousand": 1e3, "million": 1e6, "billion": 1e9}.get(
            self.scale, 1e12
        )


def amounts(sentence: str) -> list[Amount]:
    found = []
    for match in _AMOUNT.finditer(sentence):
        number = (match.group("num") or match.group("num2")).replace(",", "")
        scale = (match.group("scale") or match.group("scale2") or "").lower() or None
        scale = _SCALES.get(scale, scale) if scale else None
        if scale == "trillion":
            continue  # beyond the model's scales; the editor adds it by hand
        symbol = (match.group("cur") or "").strip().upper()
        word = (match.group("unit") or "").lower()
        currency, unit = _currency_and_unit(symbol, word)
        before = sentence[: match.start()]
        qualifier = next((name for rule, name in _QUALIFIERS if rule.search(before)), "exact")
        found.append(Amount(float(number), scale, currency, unit, qualifier, match.span()))
    return found


def _currency_and_unit(symbol: str, word: str) -> tuple[str | None, str | None]:
    if symbol in ("$", "US$", "USD") or "dollar" in word:
        return "USD", None
    if symbol in ("€", "EUR") or "euro" in word:
        return None, "EUR"
    if "ton" in word:
        return None, "tonnes"
    return None, "km"


@dataclass(frozen=True)
class PeriodReading:
    """A period as the sentence names it, resolved to months if it can be."""

    period: Period | None
    words: str  # as the sentence says it
    span: tuple[int, int]
    note: str | None = None  # why it is empty or how it was resolved


def periods(sentence: str, year: int | None, inferred: bool) -> list[PeriodReading]:
    """Every period the sentence names; `year` is the article's, for "this year"."""
    found: list[PeriodReading] = []
    for match in _PERIODS.finditer(sentence):
        named = _period_months(match)
        if named:
            first, last, which = named
            found.append(_resolve(first, last, which, match, year, inferred))
    taken = [r.span for r in found]
    for match in _YEAR.finditer(sentence):
        span = match.span(1)
        if any(a <= span[0] < b for a, b in taken) or _in_date(sentence, span):
            continue
        found.append(PeriodReading(Period.parse(match.group(1)), match.group(0).strip(), span))
    for match in _RELATIVE_YEAR.finditer(sentence):
        if any(a <= match.start() < b for a, b in taken):
            continue
        which = (
            "this" if "this" in match.group(1).lower() or "current" in match.group(1) else "last"
        )
        found.append(_resolve(1, 12, which, match, year, inferred))
    return sorted(found, key=lambda r: r.span)


def _in_date(sentence: str, span: tuple[int, int]) -> bool:
    """Whether a year belongs to a written day ("April 22, 2025") rather than naming a period."""
    return bool(re.search(rf"{_MONTH}\s+\d{{1,2}},?\s*$", sentence[: span[0]]))


def _period_months(match: re.Match) -> tuple[int, int, str] | None:
    """(first month, last month, which year: 'this', 'last' or '2024') of a period match."""
    g = match.groupdict()
    of = g.get("of") or g.get("of2") or g.get("of3") or g.get("of4") or "this year"
    which = "this" if "this" in of or "current" in of else "last" if "year" in of else of
    if g.get("count") or g.get("count2"):
        count = g.get("count") or g.get("count2")
        months = int(count) if count.isdigit() else _WORD_NUMBERS[count.lower()]
        return (1, months, which) if 1 <= months <= 12 else None
    if g.get("part"):
        return 1, 6 if g["part"].lower() == "half" else 3, which
    if g.get("to"):
        return 1, _MONTHS[g["to"].rstrip(".").lower()], which
    if g.get("half"):
        code = g["half"].upper()
        if code.startswith("H"):
            return (1, 6, which) if code == "H1" else (7, 12, which)
        quarter = int(code[1])
        return 3 * quarter - 2, 3 * quarter, which
    return None


def _resolve(first, last, which, match, year, inferred) -> PeriodReading:
    words, span = match.group(0).strip(), match.span()
    if which.isdigit():
        return PeriodReading(_months(int(which), first, last), words, span)
    if year is None:
        return PeriodReading(
            None, words, span, f'"{words}": the article gives no year to count from'
        )
    target = year if which == "this" else year - 1
    note = f'"{words}" read against the article\'s year, {year}'
    if inferred:
        note += ", which is inferred (see the source's reasoning)"
    if which == "this" and (first, last) == (1, 12):
        return PeriodReading(None, words, span, f'"{words}": the year so far, months not given')
    return PeriodReading(_months(target, first, last), words, span, note)


def _months(year: int, first: int, last: int) -> Period:
    return Period.parse(
        str(year) if (first, last) == (1, 12) else f"{year}-{first:02d}/{year}-{last:02d}"
    )
