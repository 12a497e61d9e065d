"""Reading a news article into candidate records: small, general patterns of how reports word things.

Nothing here knows the seed articles. Each rule is a pattern news reports share: a date line, a
money amount with the period it covers ("in the first half of 2024 … $237.2 million"), a
relational claim ("a 28 percent increase from the previous year", "fourfold in five years"), a
goal ("to $1 billion in the coming years"), a meeting or a visit, a title next to a name. A rule
that cannot resolve something (a year for "this year" in an undated text) says so in a note and
leaves the field empty, so the editor decides.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import cache

from .dates import FuzzyDate, Period

# ---------------------------------------------------------------- sentences


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


# ---------------------------------------------------------------- the article's own data

_MONTHS = {calendar.month_name[m].lower(): m for m in range(1, 13)}
_MONTHS |= {calendar.month_abbr[m].lower(): m for m in range(1, 13)}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
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
_CITING = re.compile(
    r"\b(?:citing|according to|quoting)\s+((?:the\s+)?[A-Z\w’'-]+(?:\s[\w’'-]+){0,6}?\s"
    r"(?:press office|press service|ministry|newspaper|agency|office|service))\b"
)
_ARTICLE_BY = re.compile(
    r"\bsaid in (?:his|her|their|an) (?:article|interview|op-ed|column)\s+published in\s+"
    r"((?:[A-Z][\w’'-]*\s?)+?)\s*(?:newspaper|magazine|daily|weekly)?(?:[’']s)?\b"
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


# ---------------------------------------------------------------- amounts and periods

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


# ---------------------------------------------------------------- claims

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


# ---------------------------------------------------------------- events

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


# ---------------------------------------------------------------- names


@dataclass(frozen=True)
class Name:
    """A record the data already holds, by every spelling it is known under."""

    kind: str  # person, place, organisation
    id: str
    spellings: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    kind: str
    text: str  # as the sentence writes it
    span: tuple[int, int]
    known: str | None = None  # id of the existing record
    title: str | None = None  # a person's title as the sentence gives it
    place_kind: str | None = None
    country: str | None = None
    extra: dict = field(default_factory=dict)


@cache
def _spelling_pattern(spelling: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])")


def known_mentions(sentence: str, names: list[Name]) -> list[Mention]:
    """Existing records named in the sentence, longest spelling first, each span used once."""
    found: list[Mention] = []
    spellings = sorted(((s, n) for n in names for s in n.spellings), key=lambda p: -len(p[0]))
    for spelling, name in spellings:
        if len(spelling) < 3:
            continue
        for match in _spelling_pattern(spelling).finditer(sentence):
            if not any(_overlaps(match.span(), m.span) for m in found):
                found.append(Mention(name.kind, match.group(0), match.span(), known=name.id))
    return sorted(found, key=lambda m: m.span)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_TITLE_WORD = r"(?:President|Prime Minister|Deputy Prime Minister|Foreign Minister|Minister|Ambassador|Chairman|Chairwoman|Chair|Speaker|Governor|Mayor|Envoy|Secretary|Director|Head|Hakim|Akim|Vice President)"
_NAME_PART = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_PERSON_NAME = rf"{_NAME_PART}(?:\s{_NAME_PART}){{1,2}}"
_TITLE = rf"(?:(?:Kazakh|Turkmen|[A-Z][a-z]+)\s)?{_TITLE_WORD}(?:\sof\s(?:the\s)?[A-Z][\w’']+(?:\s[A-Z][\w’']+)*(?:\sof\s[A-Z][\w’']+)?)?(?:\sto\s[A-Z][\w’']+)?"
_TITLE_THEN_NAME = re.compile(rf"(?P<title>{_TITLE}),?\s(?P<name>{_PERSON_NAME})\b")
_NAME_THEN_TITLE = re.compile(rf"(?P<name>{_PERSON_NAME}),\s(?:the\s)?(?P<title>{_TITLE})\b")


def people(sentence: str, names: list[Name]) -> list[Mention]:
    """People named with a title ("Kazakh President Kassym-Jomart Tokayev", "X, Chairman of Y")."""
    found = []
    known = [m for m in known_mentions(sentence, names) if m.kind == "person"]
    for rule in (_TITLE_THEN_NAME, _NAME_THEN_TITLE):
        for match in rule.finditer(sentence):
            name, title = match.group("name"), match.group("title")
            if re.search(_TITLE_WORD, name) or any(
                _overlaps(match.span("name"), f.span) for f in found
            ):
                continue
            same = next((k for k in known if _overlaps(k.span, match.span("name"))), None)
            span = same.span if same else match.span("name")
            text = same.text if same else name
            found.append(
                Mention(
                    "person",
                    text,
                    span,
                    known=same.known if same else None,
                    title=title,
                    country=_country_of(title),
                )
            )
    for mention in known:  # named without a title
        if not any(_overlaps(mention.span, f.span) for f in found):
            found.append(mention)
    return sorted(found, key=lambda m: m.span)


def role_title(title: str) -> str:
    """'Kazakh President' as the report writes roles: 'President of Kazakhstan'."""
    match = re.fullmatch(r"(Kazakh|Turkmen)\s+(.+)", title.strip())
    if not match:
        return title
    country = "Kazakhstan" if match.group(1) == "Kazakh" else "Turkmenistan"
    return f"{match.group(2)} of {country}"


def _country_of(words: str) -> str | None:
    if re.search(r"\bKazakh(?:stan)?\b", words):
        return "Kazakhstan" if not re.search(r"\bto Kazakhstan\b", words) else None
    if re.search(r"\bTurkmen(?:istan)?\b", words):
        return "Turkmenistan" if not re.search(r"\bto Turkmenistan\b", words) else None
    return None


_REGION = re.compile(
    r"\b(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?\s(?P<kind>region|province|oblast|district|velayat|etrap))\b"
)
_WORLD_REGION = re.compile(
    r"\b(?:Central|South|North|East|West|Southeast|South-East|Western|Eastern|Northern|Southern)\s(?:Asia|Europe|Africa|America)\b"
)
# The two countries' common border, however a report words it.
_BORDER = re.compile(
    r"\b(?:the\s)?(?:common\s|shared\s)?border\s(?:of|between)\sthe\stwo\scountries\b"
    r"|\b(?:Kazakh(?:stan)?|Turkmen(?:istan)?)[-–](?:Kazakh(?:stan)?|Turkmen(?:istan)?)\sborder\b"
)
BORDER_NAME = "Kazakhstan–Turkmenistan border"


def places(
    sentence: str, names: list[Name], gazetteer: dict[str, tuple[str, str]]
) -> list[Mention]:
    """Places: existing ones by any spelling; new ones from the gazetteer or as 'the X region'."""
    found = [m for m in known_mentions(sentence, names) if m.kind == "place"]
    for match in _REGION.finditer(sentence):
        if not any(_overlaps(match.span("name"), m.span) for m in found):
            found.append(
                Mention("place", match.group("name"), match.span("name"), place_kind="region")
            )
    for match in _WORLD_REGION.finditer(sentence):
        if not any(_overlaps(match.span(), m.span) for m in found):
            found.append(Mention("place", match.group(0), match.span(), place_kind="region"))
    for match in _BORDER.finditer(sentence):
        border = next((n for n in names if n.kind == "place" and BORDER_NAME in n.spellings), None)
        if not any(_overlaps(match.span(), m.span) for m in found):
            known = border.id if border else None
            found.append(
                Mention(
                    "place",
                    BORDER_NAME,
                    match.span(),
                    known=known,
                    place_kind="border",
                    extra={"words": match.group(0)},
                )
            )
    for match in re.finditer(r"\b[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}\b", sentence):
        for text, span in _sub_phrases(match):
            if text in gazetteer and not any(_overlaps(span, m.span) for m in found):
                kind, country = gazetteer[text]
                found.append(Mention("place", text, span, place_kind=kind, country=country))
    return sorted(found, key=lambda m: m.span)


def _sub_phrases(match: re.Match) -> list[tuple[str, tuple[int, int]]]:
    """A run of capitalised words and its shorter parts, longest first ("Central Asia", "Asia")."""
    words = [(w.group(0), match.start() + w.start()) for w in re.finditer(r"\S+", match.group(0))]
    out = []
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            start = words[i][1]
            end = words[i + size - 1][1] + len(words[i + size - 1][0])
            out.append((match.string[start:end].rstrip("’'s").rstrip("’'"), (start, end)))
    return out


_ORGANISATION = re.compile(
    r"\b(?P<name>(?:the\s+)?(?:[A-Z][\w’'-]+\s){0,3}(?:[a-z]+\s){0,2}(?P<kind>press office|press service|newspaper|news agency))\b"
    r"|\b(?:the\s)?(?P<body>(?:[A-Z][\w’'-]+\s){1,4}(?P<suffix>Nations|Organi[sz]ation|Union|Council|Commission|Ministry|Parliament|Assembly|Bank|Fund|Company|Corporation|Committee)(?:\sof\s(?:the\s)?[A-Z][\w’'-]+(?:\s(?:and\s)?[A-Z][\w’'-]+)*)?)\b"
    r"|\b(?:Chairman|Chairwoman|Chair|Head|Speaker|Director|Secretary)\sof\sthe\s(?P<led>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,3})\b"
)
_ORG_KINDS = {
    "press office": "press-office",
    "press service": "press-office",
    "newspaper": "newspaper",
    "news agency": "news-agency",
    "Nations": "international",
    "Ministry": "state-body",
    "Parliament": "state-body",
    "Council": "state-body",
    "Company": "company",
    "Corporation": "company",
}
# Part of what names the kind, not of the name: "Neytralnyi Turkmenistan newspaper".
_KIND_WORDS = re.compile(r"\s(?:newspaper|news agency)$")


def organisations(sentence: str, names: list[Name]) -> list[Mention]:
    """Organisations: existing ones by any spelling; new ones by the words that name a body."""
    found = [m for m in known_mentions(sentence, names) if m.kind == "organisation"]
    for match in _ORGANISATION.finditer(sentence):
        group = "name" if match.group("name") else "body" if match.group("body") else "led"
        name = _KIND_WORDS.sub("", re.sub(r"^the\s+", "", match.group(group)))
        span = match.span(group)
        if any(_overlaps(span, m.span) for m in found) or not name[0].isupper():
            continue
        kind = _ORG_KINDS.get(
            match.group("kind") or match.group("suffix") or "",
            "state-body" if group == "led" else None,
        )
        found.append(
            Mention("organisation", name, span, place_kind=kind, country=_country_of(name))
        )
    return sorted(found, key=lambda m: m.span)


def citing(sentence: str) -> list[str]:
    """Whom the report itself relies on: 'citing the X press office', 'said in his article in Y'."""
    found = [m.group(1) for m in _CITING.finditer(sentence)]
    found += [m.group(1).strip() for m in _ARTICLE_BY.finditer(sentence)]
    return found
