"""Names: people with their titles, places, organisations, and whom a report cites."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache


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


_CITING = re.compile(
    r"\b(?:citing|according to|quoting)\s+((?:the\s+)?[A-Z\w’'-]+(?:\s[\w’'-]+){0,6}?\s"
    r"(?:press office|press service|ministry|newspaper|agency|office|service))\b"
)
_ARTICLE_BY = re.compile(
    r"\bsaid in (?:his|her|their|an) (?:article|interview|op-ed|column)\s+published in\s+"
    r"((?:[A-Z][\w’'-]*\s?)+?)\s*(?:newspaper|magazine|daily|weekly)?(?:[’']s)?\b"
)


def citing(sentence: str) -> list[str]:
    """Whom the report itself relies on: 'citing the X press office', 'said in his article in Y'."""
    found = [m.group(1) for m in _CITING.finditer(sentence)]
    found += [m.group(1).strip() for m in _ARTICLE_BY.finditer(sentence)]
    return found
