"""The record types behind the report: one class per kind of record an editor writes in data/.

Each data file holds a list of one kind (`FILES` maps file to kind). The same classes give the JSON
Schema that editors' YAML plugins use, so a field's description here is what the editor sees.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .dates import DateField, PeriodField
from .text import is_web_address

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        max_length=80,  # an event's id names its page file; far below any file system's limit
        description="Lower-case words joined by hyphens, at most 80 characters; unique across all data files.",
    ),
]


def _printable(text: str) -> str:
    """Control characters are invisible on the page and can stand in for markup in some tools."""
    for offset, char in enumerate(text):
        if char < " " and char not in "\t\n\r" or "\x7f" <= char < "\xa0":
            raise ValueError(f"control character U+{ord(char):04X} at character {offset + 1}")
    return text


def _web_address(url: str) -> str:
    if not is_web_address(url):
        raise ValueError(
            "not a web address: an http(s) URL with a host name, without spaces or quotes"
        )
    return url


# Plain text: shown on the page exactly as written, never read as Markdown or HTML.
Text = Annotated[str, Field(min_length=1), AfterValidator(_printable)]
WebAddress = Annotated[
    str,
    AfterValidator(_web_address),
    Field(
        description="An http or https address, parsed as a URL.",
        json_schema_extra={"format": "uri"},
    ),
]
Country = Literal["Kazakhstan", "Turkmenistan", "other"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cite(Record):
    """Where a record comes from. A seed article's citation quotes it word for word."""

    source: Id = Field(description="Id of a record in sources.yaml.")
    quote: Text | None = Field(
        None, description="Verbatim passage of the seed text (whitespace may differ)."
    )
    note: Text | None = Field(None, description="What the source says, where it is not quoted.")


Cites = Annotated[list[Cite], Field(min_length=1, description="At least one source.")]


class Reliance(Record):
    """Someone a source itself cites: a press office, an ambassador's article, a newspaper."""

    who: Text = Field(description="As the source names them.")
    person: Id | None = None
    organisation: Id | None = None
    quote: Text = Field(description="The passage of the source that names them.")


class SeedSource(Record):
    """An article held word for word in seeds/; its passages can be checked."""

    kind: Literal["seed"]
    id: Id
    label: Text | None = Field(None, description="Short name for citations, e.g. 'Trend'.")
    title: Text | None = Field(None, description="Headline, if the held text has one.")
    title_note: Text | None = None
    publisher: Text | None = None
    publisher_note: Text | None = None
    published: DateField
    published_inferred: bool = False
    published_reasoning: Text | None = Field(
        None, description="Why the date is what it is, when the text carries no date line."
    )
    dateline: Id | None = Field(
        None, description="Place the report was filed from (not where events happened)."
    )
    language: Text = "English"
    file: Text = Field(description="Path of the article under seeds/.")
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    relies_on: list[Reliance] = []
    also_at: list[WebAddress] = Field([], description="Addresses where the same text is published.")
    summary: Text

    @model_validator(mode="after")
    def _reasoned(self) -> SeedSource:
        if self.published_inferred and not self.published_reasoning:
            raise ValueError("an inferred publication date needs published_reasoning")
        return self


class ExternalSource(Record):
    """A page known by its address only: nothing it says can be checked against held text."""

    kind: Literal["external"]
    id: Id
    label: Text | None = Field(None, description="Short name for citations, e.g. 'Astana Times'.")
    url: WebAddress
    title: Text
    title_note: Text | None = None
    publisher: Text
    published: DateField | None = None
    published_note: Text | None = None
    language: Text = "English"


Source = Annotated[SeedSource | ExternalSource, Field(discriminator="kind")]


class Role(Record):
    title: Text
    head_of_state: bool = Field(False, description="Drawn as an era behind the timeline.")
    start: DateField | None = None
    end: DateField | None = None
    attested: DateField | None = Field(
        None, description="When a source shows the person in the role."
    )
    cite: Cites


class Person(Record):
    id: Id
    name: Text = Field(description="The spelling the report uses.")
    spellings: list[Text] = Field(
        [], description="Other spellings in sources and transliterations."
    )
    country: Country
    roles: Annotated[list[Role], Field(min_length=1)]
    note: Text | None = None


class Coordinates(Record):
    """Where a place is, from a gazetteer (scripts/place_coordinates.py fills them in)."""

    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    geonames_id: int | None = Field(None, description="The place's id in GeoNames.")
    cite: Cites


class Place(Record):
    id: Id
    name: Text
    spellings: list[Text] = []
    kind: Literal[
        "country",
        "capital",
        "city",
        "town",
        "region",
        "border",
        "sea",
        "bay",
        "site",
        "station",
        "port",
        "checkpoint",
        "gas-field",
        "route",
    ]
    country: Country | None = None
    coordinates: Coordinates | None = None
    summary: Text
    cite: Cites


class Organisation(Record):
    id: Id
    name: Text
    spellings: list[Text] = []
    kind: Literal[
        "press-office",
        "newspaper",
        "news-agency",
        "state-body",
        "government",
        "international",
        "company",
    ]
    country: Country | None = None
    summary: Text
    cite: Cites


class Area(Record):
    """A field of cooperation the sources name (gas, transport and logistics, culture …)."""

    id: Id
    name: Text
    summary: Text
    cite: Cites


class Status(Record):
    date: DateField
    status: Literal[
        "proposed",
        "planned",
        "in-prospect",
        "agreed",
        "ratified",
        "under-construction",
        "opened",
        "in-operation",
        "supported",
    ]
    note: Text
    reversal: bool = Field(
        False,
        description="The status steps back from an earlier one (built, then only planned) because "
        "a source says so; the note says what the source says.",
    )
    cite: Cites


class Initiative(Record):
    """A project, plan, policy or diplomatic initiative; projects carry their status over time."""

    id: Id
    name: Text
    kind: Literal[
        "project",
        "railway",
        "pipeline",
        "road",
        "bridge",
        "checkpoint",
        "trade-zone",
        "un-initiative",
        "policy",
        "programme",
    ]
    country: Country | None = Field(None, description="Whose it is, if it is one country's.")
    summary: Text
    places: list[Id] = []
    areas: list[Id] = []
    history: list[Status] = Field([], description="Status as sources report it, oldest first.")
    cite: Cites


class Event(Record):
    id: Id
    date: DateField
    date_note: Text | None = None
    kind: Literal[
        "visit",
        "meeting",
        "agreement",
        "ratification",
        "project",
        "commission",
        "multilateral",
        "culture",
        "diplomacy",
        "announcement",
        "publication",
        "call",
        "award",
    ]
    status: Literal["happened", "planned"] = "happened"
    visit_type: Literal["state", "official", "working", "informal"] | None = Field(
        None,
        description="How the report labels a visit or meeting; where sources differ, see disagreements.",
    )
    title: Text = Field(description="A short headline in the report's words.")
    summary: Text
    people: list[Id] = []
    places: list[Id] = []
    place_note: Text | None = None
    organisations: list[Id] = []
    initiatives: list[Id] = []
    areas: list[Id] = []
    cite: Cites


Indicator = Literal[
    "trade-turnover",  # both ways, USD
    "kz-exports-to-tm",  # Kazakh exports to Turkmenistan only: never mixed with turnover
    "rail-freight",  # tonnes carried
    "transport-volume",  # all modes, tonnes
    "other",
]
Scale = Literal["thousand", "million", "billion"]


class Amount(Record):
    value: Annotated[float, Field(gt=0)]
    scale: Scale | None = None
    currency: Literal["USD"] | None = None
    unit: Text | None = Field(None, description="For amounts that are not money: tonnes, km …")

    @model_validator(mode="after")
    def _has_unit(self) -> Amount:
        if not self.currency and not self.unit:
            raise ValueError("an amount needs a currency or a unit")
        return self


class Figure(Amount):
    """A reported number for an indicator over an exact period."""

    id: Id
    indicator: Indicator
    period: PeriodField
    qualifier: Literal["exact", "about", "almost", "over", "under"] = Field(
        "exact", description="'over' and 'under' make the value a bound, kept out of growth rates."
    )
    note: Text | None = None
    cite: Cites


class Claim(Record):
    """A relational statement a source makes, which the checker weighs against the figures.

    change: `subject` is `percent` % above (or below) the value for `base`.
    ratio: `subject` is `factor` times the value for `base`.
    `approx` loosens either: about (round numbers), almost (a little less), over (at least).
    close-to: `subject` is close to the value for `base`.
    peak: `subject` is the highest value of its indicator so far.
    """

    id: Id
    kind: Literal["change", "ratio", "close-to", "peak"]
    subject: Id = Field(description="Id of the figure the claim is about.")
    base: PeriodField | None = Field(None, description="The period compared with.")
    percent: float | None = None
    factor: Annotated[float, Field(gt=0)] | None = None
    approx: Literal["exact", "almost", "about", "over"] = Field(
        "exact",
        description="How loosely the source states it: 'almost', 'about', 'more than' (over).",
    )
    wording: Text = Field(description="The claim in the report's words.")
    interpretation: Text | None = Field(None, description="How the report reads an open wording.")
    cite: Cites

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Claim:
        needs = {"change": ["base", "percent"], "ratio": ["base", "factor"], "close-to": ["base"]}
        missing = [name for name in needs.get(self.kind, []) if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a '{self.kind}' claim needs {' and '.join(missing)}")
        return self


class Statement(Record):
    """One time the target was set or restated."""

    date: DateField
    action: Literal["set", "restated"]
    said_by: list[Id] = Field(
        [], description="People who set or restated it, as the source names them."
    )
    who: Text | None = Field(
        None,
        description="Who set or restated it in the source's words, where it names no one: "
        "'the heads of state of both countries'.",
    )
    reported_by: list[Id] = Field(
        [],
        description="People who reported it without setting it: an ambassador writing that the "
        "presidents set it.",
    )
    date_note: Text | None = None
    horizon: Text = Field(
        description="The horizon in the source's terms: 'in the next five years'."
    )
    horizon_year: int | None = Field(
        None, description="The year that horizon means, if it means one."
    )
    horizon_inferred: bool = Field(
        False,
        description="The year is the report's reading of the horizon, not the source's; "
        "horizon_reasoning says why.",
    )
    horizon_reasoning: Text | None = None
    event: Id | None = Field(None, description="The event where it was said, if known.")
    cite: Cites

    @model_validator(mode="after")
    def _inference_reasoned(self) -> Statement:
        if self.horizon_inferred and not (self.horizon_year and self.horizon_reasoning):
            raise ValueError("an inferred horizon needs horizon_year and horizon_reasoning")
        return self


class Target(Amount):
    id: Id
    indicator: Indicator
    title: Text
    summary: Text
    statements: Annotated[list[Statement], Field(min_length=1)]


def citations(value: object) -> list[Cite]:
    """Every citation in a record, nested ones (roles, statements, status) included."""
    if isinstance(value, Cite):
        return [value]
    if isinstance(value, list):
        return [c for item in value for c in citations(item)]
    if isinstance(value, Record):
        return [c for field in type(value).model_fields for c in citations(getattr(value, field))]
    return []


class Account(Record):
    """What one source says on a point where sources differ."""

    says: Text = Field(description="The value or wording, in the report's words: '413 km'.")
    value: float | None = None
    unit: Text | None = None
    as_of: DateField | None = None
    cite: Cites


class Disagreement(Record):
    """A point on which sources differ; every account is kept and shown, none dropped."""

    id: Id
    topic: Text
    summary: Text
    about: list[Id] = Field([], description="Records the disagreement concerns (any kind).")
    accounts: Annotated[list[Account], Field(min_length=2)]
    report_follows: Text | None = Field(None, description="Which account the report uses, if one.")
    reasoning: Text = Field(description="Why the report follows that account, or keeps them all.")


class Term(Record):
    """A word the report uses that a newcomer may not know; chapters link its first use on a page."""

    id: Id = Field(
        description="Unique across all data files, so not the id of the record it explains."
    )
    term: Text = Field(description="The spelling the report uses.")
    spellings: list[Text] = Field(
        [], description="Other forms to recognise in the prose: translations, transliterations."
    )
    definition: Text = Field(
        description="One to three sentences in the report's words, saying only what the sources say."
    )
    see: list[Id] = Field([], description="Records that tell more (any kind).")
    cite: Cites


# data file name -> record type. The order is the order the site's pages introduce them.
FILES: dict[str, type[BaseModel] | object] = {
    "sources.yaml": Source,
    "people.yaml": Person,
    "places.yaml": Place,
    "organisations.yaml": Organisation,
    "areas.yaml": Area,
    "initiatives.yaml": Initiative,
    "events.yaml": Event,
    "figures.yaml": Figure,
    "claims.yaml": Claim,
    "targets.yaml": Target,
    "disagreements.yaml": Disagreement,
    "glossary.yaml": Term,
}
