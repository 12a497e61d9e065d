"""The scaling benchmark's data copy (benchmarks/scale.py): larger, valid, and really copied."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from benchmarks.scale import edit_one_figure, lay_out_project, scale_data, year_span
from generator.build import build
from generator.load import load, yaml_parser
from generator.paths import Project
from generator.validate import REFERENCES, Dataset, validate

REPO = Path(__file__).resolve().parent.parent
COPY = "-copy1"


@pytest.fixture(scope="module")
def doubled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = lay_out_project(tmp_path_factory.mktemp("scale") / "project")
    scale_data(root, 2)
    return root


@pytest.fixture(scope="module")
def original() -> Dataset:
    return validate(load(Project(REPO)))


@pytest.fixture(scope="module")
def copied(doubled: Path) -> Dataset:
    return validate(load(Project(doubled)))


def references(value: Any) -> list[str]:
    """Every id a record names, nested records' references included."""
    if isinstance(value, list):
        return [ref for item in value for ref in references(item)]
    if not isinstance(value, BaseModel):
        return []
    found = []
    for field in REFERENCES.get(type(value), {}):
        named = getattr(value, field)
        found += [ref for ref in (named if isinstance(named, list) else [named]) if ref]
    return found + [
        ref for field in type(value).model_fields for ref in references(getattr(value, field))
    ]


def test_the_copy_builds(doubled: Path) -> None:
    """Everything the generator checks passes, the chapters' references to copy 0 included."""
    result = build(doubled, write=False)
    pages = {output.path for output in result.outputs}
    assert all(
        f"docs/events/{e.id}{COPY}.md" in pages for e in result.data.events if COPY not in e.id
    )


def test_every_file_holds_twice_the_records(original: Dataset, copied: Dataset) -> None:
    for name, records in original.records.items():
        assert len(copied.records[name]) == 2 * len(records), name


def test_copies_have_their_own_ids(original: Dataset, copied: Dataset) -> None:
    ids = [r.id for records in copied.records.values() for r in records]
    originals = {r.id for records in original.records.values() for r in records}
    assert len(set(ids)) == len(ids) == 2 * len(originals)
    assert set(ids) == originals | {rid + COPY for rid in originals}


def test_copies_name_copies_and_originals_name_originals(copied: Dataset) -> None:
    checked = 0
    for records in copied.records.values():
        for record in records:
            refs = references(record)
            assert all(ref.endswith(COPY) == record.id.endswith(COPY) for ref in refs), record.id
            checked += len(refs)
    assert checked > 1000


def test_copied_sources_hold_the_same_seed_and_the_dates_move(
    original: Dataset, copied: Dataset, doubled: Path
) -> None:
    sources = {s.id: s for s in copied.sources}
    for source in original.sources:
        copy = sources[source.id + COPY]
        assert getattr(copy, "sha256", None) == getattr(source, "sha256", None)
        assert getattr(copy, "file", None) == getattr(source, "file", None)
    raw = {name: yaml_parser().load((REPO / "data" / name).read_text()) for name in original.texts}
    span = year_span(raw)
    figures = {f.id: f for f in copied.figures}
    for figure in original.figures:
        moved = figures[figure.id + COPY].period
        assert (moved.start.year, moved.end.year) == (
            figure.period.start.year - span,
            figure.period.end.year - span,
        )
        assert (moved.start.month, moved.end.month) == (
            figure.period.start.month,
            figure.period.end.month,
        )
    periods = [(f.indicator, f.period) for f in copied.figures]
    assert len(set(periods)) == len(periods)


def test_the_edit_changes_one_scalar_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "figures.yaml"
    path.parent.mkdir()
    text = (REPO / "data" / "figures.yaml").read_text()
    path.write_text(text)
    first = yaml_parser().load(text)[0]
    edit_one_figure(tmp_path, float(first["value"]) + 1)
    after = path.read_text()
    assert yaml_parser().load(after)[0]["value"] == first["value"] + 1
    changed = [(a, b) for a, b in zip(text.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1
