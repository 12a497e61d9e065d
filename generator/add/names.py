"""People, places and organisations the article names: a new record each, or a citation for one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import extract as x
from .known import THE_TWO, gazetteer, records_of

if TYPE_CHECKING:
    from .core import Drafting


def people(context: Drafting) -> list[CommentedMap]:
    out, seen = [], set()
    for sentence in context.sentences:
        for mention in x.people(sentence.text, context.names):
            key = mention.known or mention.text
            if key in seen or (not mention.known and not mention.title):
                continue
            seen.add(key)
            out.append(_person(context, sentence, mention))
    return out


def _person(context: Drafting, sentence: x.Sentence, mention: x.Mention) -> CommentedMap:
    role = CommentedMap()
    notes = []
    if mention.title:
        role["title"] = x.role_title(mention.title)
    else:
        notes.append(
            "The sentence gives no title: write the role, or add the citation to a role the person has."
        )
    role["attested"] = context.when.date.iso()
    role["cite"] = context.cite(sentence)
    if mention.known:
        context.mentioned[mention.text] = mention.known
        raw = next(r for r in records_of(context.loaded, "people.yaml") if r["id"] == mention.known)
        index = _matching_role(raw, mention.title)
        if index is not None:
            return context.candidate(
                "person",
                sentence,
                mention.text,
                context.citation(sentence),
                existing=mention.known,
                add_to=f"roles.{index}.cite",
            )
        return context.candidate(
            "person",
            sentence,
            mention.text,
            role,
            existing=mention.known,
            add_to="roles",
            notes=notes,
        )
    person_id = context.new_id(mention.text)
    context.mentioned[mention.text] = person_id
    record = CommentedMap(id=person_id, name=mention.text)
    if mention.country:
        record["country"] = mention.country
    else:
        notes.append("country: the sentence does not say; Kazakhstan, Turkmenistan or other.")
    record["roles"] = CommentedSeq([role])
    return context.candidate("person", sentence, mention.text, record, notes=notes)


def _matching_role(raw: Any, title: str | None) -> int | None:
    if not title:
        return None
    wanted = _role_words(title)
    for index, role in enumerate(raw.get("roles") or []):
        if hasattr(role, "get") and _role_words(str(role.get("title", ""))) == wanted:
            return index
    return None


def _role_words(title: str) -> str:
    """'Kazakh President' and 'President of Kazakhstan (the first)' are the same role."""
    title = x.role_title(re.sub(r"\s*\(.*?\)", "", title))
    return " ".join(title.lower().split())


def places(context: Drafting) -> list[CommentedMap]:
    out, seen = [], set()
    if context.dateline:
        out.append(_dateline_candidate(context))
        seen.add(out[-1].get("existing") or context.dateline.place.title())
    for sentence in context.sentences:
        for mention in x.places(sentence.text, context.names, gazetteer()):
            key = mention.known or mention.text
            if key in seen or (mention.known and _one_of_the_two(context, mention.known)):
                continue  # every article names the two countries: no second source needed
            seen.add(key)
            out.append(_named(context, "place", sentence, mention))
    return out


def _one_of_the_two(context: Drafting, place_id: str) -> bool:
    raw = next((r for r in records_of(context.loaded, "places.yaml") if r["id"] == place_id), None)
    return raw is not None and raw.get("kind") == "country" and raw.get("name") in THE_TWO


def _dateline_candidate(context: Drafting) -> CommentedMap:
    line = context.dateline
    known = context.dateline_place()
    note = "The article's date line: where it was filed, not where what it reports happened."
    if known:
        return context.candidate(
            "place",
            line.sentence,
            line.text,
            context.citation(line.sentence),
            existing=known,
            add_to="cite",
            notes=[note],
        )
    name = line.place.title()
    kind, country = gazetteer().get(name, (None, None))
    mention = x.Mention("place", name, (0, 0), place_kind=kind, country=country)
    candidate = _named(context, "place", line.sentence, mention, highlight=line.text)
    candidate["notes"] = CommentedSeq([note, "Once accepted, set it as the source's 'dateline'."])
    return candidate


def organisations(context: Drafting) -> list[CommentedMap]:
    out, seen = [], set()
    for sentence in context.sentences:
        mentions = _publisher(context, sentence) + x.organisations(sentence.text, context.names)
        for mention in mentions:
            key = mention.known or mention.text
            if key not in seen:
                seen.add(key)
                out.append(_named(context, "organisation", sentence, mention))
    return out


def _publisher(context: Drafting, sentence: x.Sentence) -> list[x.Mention]:
    """The publisher, where the text names it ("Trend reports"), as an organisation."""
    publisher = x.find_publisher([sentence])
    if not publisher:
        return []
    start = sentence.text.index(publisher)
    span = (start, start + len(publisher))
    known = next(
        (m.known for m in x.known_mentions(publisher, context.names) if m.kind == "organisation"),
        None,
    )
    return [x.Mention("organisation", publisher, span, known=known, place_kind="news-agency")]


def _named(
    context: Drafting,
    kind: str,
    sentence: x.Sentence,
    mention: x.Mention,
    highlight: str | None = None,
) -> CommentedMap:
    """A place or an organisation: a citation for the record it names, or a new record."""
    highlight = highlight or sentence.text[mention.span[0] : mention.span[1]]
    if mention.known:
        context.mentioned[mention.text] = mention.known
        return context.candidate(
            kind,
            sentence,
            highlight,
            context.citation(sentence),
            existing=mention.known,
            add_to="cite",
        )
    record_id = context.new_id(mention.text)
    context.mentioned[mention.text] = record_id
    record = CommentedMap(id=record_id, name=mention.text)
    notes = ["summary: write it, in the report's words."]
    if mention.place_kind:
        record["kind"] = mention.place_kind
    else:
        notes.append("kind: the sentence does not say.")
    if mention.country in THE_TWO or mention.country == "other":
        record["country"] = mention.country
    record["cite"] = context.cite(sentence)
    return context.candidate(kind, sentence, highlight, record, notes=notes)
