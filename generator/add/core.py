"""The drafting context: one article being read, the ids taken, its source record, its candidates.

Each kind of record is drafted in its own module (names.py, figures.py, claims.py, events.py) by
functions that take this context; `Drafting.candidates` runs them in an order that matters: the
people, places and organisations mentioned come first (events and goals name them), figures
before the claims about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import extract as x
from .. import model
from ..errors import DataError, Location, Problem
from ..load import Loaded
from ..yamlfile import folded
from .claims import claims
from .events import events
from .figures import Found, figures_and_goals
from .known import known_names, slug
from .names import organisations, people, places


@dataclass
class Drafting:
    """One article being read: its sentences, its date, and the candidates found so far."""

    loaded: Loaded
    text: str
    body: list[x.Sentence]
    dateline: x.Dateline | None
    when: x.Published
    seed_rel: str
    taken: set[str] = field(default_factory=set)
    source_id: str = ""
    figures: list[Found] = field(default_factory=list)
    # what each figure drafted so far is (indicator, period, amount, currency, unit), and its id:
    # the same figure said twice is drafted once
    figure_keys: list[tuple[tuple, str]] = field(default_factory=list)
    mentioned: dict[str, str] = field(default_factory=dict)  # name -> proposed or existing id

    def __post_init__(self) -> None:
        self.names = known_names(self.loaded)
        for file in self.loaded.files.values():
            self.taken |= {r.get("id") for r in file.records if hasattr(r, "get")}
        title = x.find_title(self.text)
        self.title = title
        headline = {title} if title else set()
        self.sentences = [
            s
            for s in self.body
            if s.text not in headline and (not self.dateline or s is not self.dateline.sentence)
        ]

    def new_id(self, wanted: str) -> str:
        base = slug(wanted)
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate

    @property
    def year(self) -> int | None:
        date = self.when.date
        return date.year if date.start.first.year == date.end.last.year else None

    def cite(self, sentence: x.Sentence) -> CommentedSeq:
        return CommentedSeq([self.citation(sentence)])

    def citation(self, sentence: x.Sentence) -> CommentedMap:
        return CommentedMap(source=self.source_id, quote=folded(sentence.text, 6))

    # ------------------------------------------------------------ the source

    def source_record(self, sha256: str) -> CommentedMap:
        publisher = x.find_publisher(self.body)
        stem = self.seed_rel.removeprefix("seeds/").rsplit(".", 1)[0]
        self.source_id = self.new_id(f"{publisher}-{self.when.date.iso()}" if publisher else stem)
        record = CommentedMap(kind="seed", id=self.source_id)
        if self.title:
            record["title"] = self.title
        else:
            record["title_note"] = "The held text has no headline."
        if publisher:
            record["publisher"] = publisher
            record["publisher_note"] = "The text names its publisher as the one that reports."
        record["published"] = self.when.date.iso()
        if self.when.inferred:
            record["published_inferred"] = True
            record["published_reasoning"] = folded(self.when.reasoning or "", 2)
        dateline = self.dateline_place()
        if dateline:
            record["dateline"] = dateline
        record["file"] = self.seed_rel.removeprefix("seeds/")
        record["sha256"] = sha256
        relies = self._relies_on()
        if relies:
            record["relies_on"] = relies
        opening = self.sentences[0].text if self.sentences else ""
        record["summary"] = folded(f"Not summarised yet. The article opens: “{opening}”", 2)
        problems = _model_problems(model.SeedSource, record, self.seed_rel)
        if problems:
            raise DataError(problems)
        return record

    def dateline_place(self) -> str | None:
        if not self.dateline:
            return None
        wanted = self.dateline.place.lower()
        for name in self.names:
            if name.kind == "place" and any(s.lower() == wanted for s in name.spellings):
                return name.id
        return None

    def _relies_on(self) -> CommentedSeq:
        found = CommentedSeq()
        for sentence in self.sentences[:6]:
            for who in x.citing(sentence.text):
                reliance = CommentedMap(who=who)
                person = next(
                    (m.known for m in x.people(sentence.text, self.names) if m.known), None
                )
                organisation = next(
                    (
                        m.known
                        for m in x.known_mentions(who, self.names)
                        if m.kind == "organisation"
                    ),
                    None,
                )
                if person and "article" in sentence.text:
                    reliance["person"] = person
                if organisation:
                    reliance["organisation"] = organisation
                reliance["quote"] = folded(sentence.text, 6)
                found.append(reliance)
        return found

    # ------------------------------------------------------------ candidates

    def candidates(self) -> CommentedSeq:
        found = CommentedSeq()
        for make in (people, places, organisations, figures_and_goals, claims, events):
            found.extend(make(self))
        return found

    def candidate(
        self,
        kind,
        sentence,
        highlight,
        record,
        *,
        existing=None,
        add_to=None,
        action=None,
        notes=(),
    ) -> CommentedMap:
        action = action or ("cite" if existing else "new")
        item = CommentedMap(kind=kind, action=action, decision="undecided")
        if existing:
            item["existing"] = existing
        if add_to:
            item["add_to"] = add_to
        item["sentence"] = folded(sentence.text, 4)
        item["highlight"] = highlight
        if notes:
            item["notes"] = CommentedSeq(folded(n, 6) for n in notes)
        item["record"] = record
        return item


def _model_problems(record_type: Any, record: Any, where: str) -> list[Problem]:
    try:
        TypeAdapter(record_type).validate_python(record)
    except ValidationError as error:
        return [
            Problem(
                Location(where, 1, 1),
                f"the source record drafted does not validate: {d['loc']}: {d['msg']}",
            )
            for d in error.errors()
        ]
    return []
