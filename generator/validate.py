"""Stage 2: turn loaded YAML into typed records, or report every problem at its file:line:col.

All problems are collected, then raised once, so an editor fixes a whole batch per run.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import model
from .errors import DataError, Location, Problem
from .load import DataFile, Loaded, SeedText, locate, locate_key

_SOURCE_KINDS = {"seed": model.SeedSource, "external": model.ExternalSource}

# Fields that name other records, per record type: field -> the data file of the records named.
REFERENCES: dict[type[BaseModel], dict[str, str]] = {
    model.Cite: {"source": "sources.yaml"},
    model.Reliance: {"person": "people.yaml", "organisation": "organisations.yaml"},
    model.SeedSource: {"dateline": "places.yaml"},
    model.Initiative: {"places": "places.yaml", "areas": "areas.yaml"},
    model.Event: {
        "people": "people.yaml",
        "places": "places.yaml",
        "organisations": "organisations.yaml",
        "initiatives": "initiatives.yaml",
        "areas": "areas.yaml",
    },
    model.Claim: {"subject": "figures.yaml"},
    model.Statement: {
        "said_by": "people.yaml",
        "reported_by": "people.yaml",
        "event": "events.yaml",
    },
    model.Disagreement: {"about": "*"},  # any record
    model.Term: {"see": "*"},
}


@dataclass(frozen=True)
class Dataset:
    """Every record, typed and cross-checked, and the data file each came from."""

    records: dict[str, list[Any]]  # by data file name, in file order
    origin: dict[str, str]  # record id -> "data/FILE.yaml"
    seeds: dict[str, SeedText]
    texts: dict[str, str]  # data file name -> its text as loaded, for the published copies
    outline: dict | None = None  # GeoJSON countries for the map, as loaded

    def __getattr__(self, name: str) -> list[Any]:
        try:
            return self.records[f"{name}.yaml"]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, record_id: str) -> Any:
        return self._index[record_id]

    @cached_property
    def _index(self) -> dict[str, Any]:
        return {r.id: r for records in self.records.values() for r in records}


def validate(loaded: Loaded) -> Dataset:
    problems: list[Problem] = []
    typed: dict[str, list[tuple[Any, int]]] = {}
    for name, record_type in model.FILES.items():
        file = loaded.files.get(name)
        typed[name] = _typed_records(file, record_type, problems) if file else []
    known = Known(
        ids=_index_ids(loaded, problems),
        sources={source.id: source for source, _ in typed["sources.yaml"]},
        seeds=loaded.seeds,
    )
    ids = known.ids
    for name, records in typed.items():
        for record, index in records:
            _check_references(record, (index,), loaded.files[name], known, problems)
    _check_seed_sources(loaded, typed["sources.yaml"], problems)
    if "initiatives.yaml" in loaded.files:
        _check_histories(loaded.files["initiatives.yaml"], typed["initiatives.yaml"], problems)
    if problems:
        raise DataError(problems)
    return Dataset(
        records={name: [r for r, _ in records] for name, records in typed.items()},
        origin={rid: loaded.files[name].path for rid, (name, _) in ids.items()},
        seeds=loaded.seeds,
        outline=loaded.outline,
        texts={name: loaded.files[name].text for name in model.FILES if name in loaded.files},
    )


def _typed_records(
    file: DataFile, record_type: Any, problems: list[Problem]
) -> list[tuple[Any, int]]:
    adapter = TypeAdapter(record_type)
    records = []
    for index, raw in enumerate(file.records):
        try:
            records.append((adapter.validate_python(raw), index))
        except ValidationError as error:
            problems.extend(_explain(error, file, index))
    return records


def _explain(error: ValidationError, file: DataFile, index: int) -> list[Problem]:
    problems = []
    for detail in error.errors():
        path = (index, *detail["loc"])
        fields = [s for s in detail["loc"] if isinstance(s, str) and s not in _SOURCE_KINDS]
        field = fields[-1] if fields else None
        kind = detail["type"]
        if kind == "extra_forbidden":
            location = locate_key(file, path[:-1], path[-1])
            known = _known_fields(file, detail["loc"][:-1])
            close = difflib.get_close_matches(str(field), known, n=1)
            hint = (
                f"did you mean '{close[0]}'? " if close else ""
            ) + f"fields here: {', '.join(known)}"
            problems.append(Problem(location, f"unknown field '{field}'", hint))
        elif kind == "missing":
            problems.append(Problem(locate(file, path), f"missing field '{field}'"))
        elif kind == "union_tag_not_found" or kind == "union_tag_invalid":
            problems.append(
                Problem(locate(file, path), "a source needs 'kind: seed' or 'kind: external'")
            )
        else:
            message = detail["msg"].removeprefix("Value error, ")
            got = detail.get("input")
            shown = (
                f" (got {got!r})"
                if isinstance(got, str | int | float) and str(got) not in message
                else ""
            )
            prefix = f"{field}: " if field else ""
            problems.append(Problem(locate(file, path), f"{prefix}{message}{shown}"))
    return problems


def _known_fields(file: DataFile, loc: tuple[Any, ...]) -> list[str]:
    """Field names of the record type that `loc` (a pydantic error location) ends in."""
    current: Any = model.FILES[file.path.rsplit("/", 1)[-1]]
    for step in loc:
        if isinstance(step, int):
            continue
        if current is model.Source:
            current = _SOURCE_KINDS[step]
        else:
            current = _inner_model(current.model_fields[step].annotation)
    return list(current.model_fields) if current else []


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside `list[X]`, `X | None` or `Annotated[...]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _index_ids(loaded: Loaded, problems: list[Problem]) -> dict[str, tuple[str, Location]]:
    """Every id in the raw files, so a record that failed validation still resolves references."""
    ids: dict[str, tuple[str, Location]] = {}
    for name in model.FILES:
        file = loaded.files.get(name)
        for index, raw in enumerate(file.records if file else []):
            record_id = raw.get("id") if hasattr(raw, "get") else None
            if not isinstance(record_id, str):
                continue
            location = locate(file, (index, "id"))
            if record_id in ids:
                first = ids[record_id][1]
                problems.append(
                    Problem(location, f"duplicate id '{record_id}'", f"first defined at {first}")
                )
            else:
                ids[record_id] = (name, location)
    return ids


@dataclass(frozen=True)
class Known:
    """What references and citations are checked against, gathered once per run."""

    ids: dict[str, tuple[str, Location]]  # every id in the raw files -> (file name, where)
    sources: dict[str, Any]  # typed source records by id
    seeds: dict[str, SeedText]


def _check_references(
    value: Any, path: tuple, file: DataFile, known: Known, problems: list[Problem]
) -> None:
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check_references(item, (*path, i), file, known, problems)
        return
    if not isinstance(value, BaseModel):
        return
    for field, target in REFERENCES.get(type(value), {}).items():
        named = getattr(value, field)
        for i, ref in enumerate(named if isinstance(named, list) else [named]):
            where = (*path, field, i) if isinstance(named, list) else (*path, field)
            found = known.ids.get(ref, (None,))[0]
            if ref is not None and (found is None or target not in ("*", found)):
                problems.append(_unknown_reference(ref, target, locate(file, where), known.ids))
    if isinstance(value, model.Cite):
        _check_cite(value, path, file, known, problems)
    for field in type(value).model_fields:
        _check_references(getattr(value, field), (*path, field), file, known, problems)


def _unknown_reference(ref: str, target: str, location: Location, ids: dict) -> Problem:
    candidates = [rid for rid, (name, _) in ids.items() if target in ("*", name)]
    close = difflib.get_close_matches(ref, candidates, n=1)
    where = "the data" if target == "*" else f"data/{target}"
    hint = f"did you mean '{close[0]}'?" if close else f"add a record with id '{ref}' to {where}"
    return Problem(location, f"unknown id '{ref}': no such record in {where}", hint)


def _check_cite(
    cite: model.Cite, path: tuple, file: DataFile, known: Known, problems: list
) -> None:
    source = known.sources.get(cite.source)  # None: unknown or invalid, reported elsewhere
    if source is None:
        return
    if isinstance(source, model.ExternalSource):
        if cite.quote:
            message = f"'{cite.source}' is an external source: its text is not held, so it cannot be quoted"
            problems.append(
                Problem(locate(file, (*path, "quote")), message, "say what it reports in 'note'")
            )
        return
    if not cite.quote:
        problems.append(
            Problem(locate(file, path), f"a citation of seed article '{cite.source}' needs a quote")
        )
        return
    seed = known.seeds.get(f"seeds/{source.file}")
    if seed and fold(cite.quote) not in fold(seed.text):
        problems.append(
            Problem(
                locate(file, (*path, "quote")),
                f"quote not found in seeds/{source.file}",
                _near_miss(cite.quote, seed.text),
            )
        )


def fold(text: str) -> str:
    """Whitespace folded, so a quote may break lines where the article does not."""
    return " ".join(text.split())


def _near_miss(quote: str, text: str) -> str:
    quote, text = fold(quote), fold(text)
    low, high = 0, len(quote)
    while low < high:  # the longest prefix of the quote that the text contains
        middle = (low + high + 1) // 2
        low, high = (middle, high) if quote[:middle] in text else (low, middle - 1)
    if low == 0:
        return "no part of it appears in the article; check the source id"
    return f"the article matches up to '…{quote[max(0, low - 30) : low]}' and then differs"


def _check_seed_sources(
    loaded: Loaded, sources: list[tuple[Any, int]], problems: list[Problem]
) -> None:
    file = loaded.files.get("sources.yaml")
    described = set()
    for source, index in sources:
        if not isinstance(source, model.SeedSource):
            continue
        path = f"seeds/{source.file}"
        described.add(path)
        seed = loaded.seeds.get(path)
        if seed is None:
            problems.append(Problem(locate(file, (index, "file")), f"no such file: {path}"))
        elif seed.sha256 != source.sha256:
            message = f"{path} has sha256 {seed.sha256}, not the one recorded"
            hint = "the article changed; if that was meant, record the new sha256"
            problems.append(Problem(locate(file, (index, "sha256")), message, hint))
    for path in sorted(set(loaded.seeds) - described):
        hint = "describe it with a 'kind: seed' record in data/sources.yaml"
        problems.append(Problem(Location(path, 1, 1), "seed article without a source record", hint))


# How far along a project is, by what its status says: an idea; decided or expected but not
# begun (a plan, an agreement, "in prospect"); being built; built. "supported" is a stance
# towards an initiative, not a stage of it.
PHASE = {
    "proposed": 0,
    "in-prospect": 1,
    "planned": 1,
    "agreed": 1,
    "ratified": 1,
    "under-construction": 2,
    "opened": 3,
    "in-operation": 3,
}


def _check_histories(
    file: DataFile, initiatives: list[tuple[Any, int]], problems: list[Problem]
) -> None:
    """A project never goes back a phase over time unless an entry says a source reports it."""
    for initiative, index in initiatives:
        reached: model.Status | None = None
        for i, entry in sorted(enumerate(initiative.history), key=lambda pair: pair[1].date):
            phase = PHASE.get(entry.status)
            if phase is None:
                continue
            where = (index, "history", i)
            back = reached is not None and phase < PHASE[reached.status]
            if back and not entry.reversal:
                message = (
                    f"status '{entry.status}' ({entry.date.label()}) steps back from "
                    f"'{reached.status}' ({reached.date.label()})"
                )
                hint = (
                    "if a source says the project went back, add 'reversal: true' and say what "
                    "it says in the note; otherwise the status or the date is wrong"
                )
                problems.append(Problem(locate(file, (*where, "status")), message, hint))
                continue
            if entry.reversal and not back:
                message = "'reversal: true', but this status does not step back from an earlier one"
                problems.append(Problem(locate(file, (*where, "reversal")), message))
            reached = entry
