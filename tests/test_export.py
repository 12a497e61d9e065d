"""The whole dataset: a CSV per record type, a Frictionless data package, one SQLite file."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from frictionless import validate as frictionless_validate
from ruamel.yaml import YAML

from generator import export, model
from generator.build import build
from generator.load import load_report
from generator.paths import Project

from .conftest import REPO

HOSTILE = (
    '=HYPERLINK("http://x","y"), \'quoted\'; "); DROP TABLE events; -- '
    "<script>alert(1)</script> | a, b\nsecond line"
)


@pytest.fixture(scope="module")
def result():
    return build(REPO, write=False)


def dataset_files(result) -> dict[str, str | bytes]:
    prefix = export.FOLDER + "/"
    return {
        o.path.removeprefix(prefix): o.content for o in result.outputs if o.path.startswith(prefix)
    }


def write_out(files: dict[str, str | bytes], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(
            content, "utf-8"
        )
    return folder / export.PACKAGE


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_data_package_validates_with_frictionless(result, tmp_path):
    report = frictionless_validate(str(write_out(dataset_files(result), tmp_path)))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])[:5]
    assert report.stats["tasks"] == len([f for f in dataset_files(result) if f.endswith(".csv")])


def test_a_citation_of_an_unknown_source_breaks_the_package(result, tmp_path):
    """The foreign keys are real: frictionless checks every source id against sources.csv."""
    files = dataset_files(result)
    files["citations.csv"] = files["citations.csv"].replace(
        ",trend-2025-04-22,", ",no-such-source,", 1
    )
    report = frictionless_validate(str(write_out(files, tmp_path)))
    assert not report.valid
    assert {e.type for e in report.tasks[-1].errors} == {"foreign-key"}


def test_every_id_list_names_records_that_exist(result):
    files = dataset_files(result)
    ids = {name: {r["id"] for r in rows(files[f"{name}.csv"])} for name in ("people", "places")}
    for event in rows(files["events.csv"]):
        assert set(event["people"].split()) <= ids["people"], event["id"]
        assert set(event["places"].split()) <= ids["places"], event["id"]


def test_rows_in_csv_and_sqlite_match_the_records(result, tmp_path):
    files = dataset_files(result)
    db = sqlite3.connect(write_out(files, tmp_path).parent / export.SQLITE)
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for file, records in result.data.records.items():
        name = file.removesuffix(".yaml")
        assert len(rows(files[f"{name}.csv"])) == len(records), name
        assert db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(records), name
    cited = sum(len(model.citations(r)) for rs in result.data.records.values() for r in rs)
    assert len(rows(files["citations.csv"])) == cited
    assert db.execute("SELECT count(*) FROM citations").fetchone()[0] == cited


def test_a_figure_keeps_its_precision_period_and_full_value(result):
    figures = {r["id"]: r for r in rows(dataset_files(result)["figures.csv"])}
    figure = figures["turnover-2023"]
    assert (figure["value"], figure["scale"], figure["full_value"]) == (
        "563",
        "million",
        "563000000",
    )
    assert (figure["period"], figure["period_first"], figure["period_last"]) == (
        "2023",
        "2023-01-01",
        "2023-12-31",
    )
    event = rows(dataset_files(result)["events.csv"])[0]
    assert (
        event["date_precision"] in ("day", "month", "year")
        and event["date_first"] <= event["date_last"]
    )


def test_the_sqlite_file_is_the_same_bytes_for_the_same_data(result):
    tables = export.tables(result.data)
    assert export.sqlite_bytes(tables) == export.sqlite_bytes(tables)


def test_a_sqlite_file_from_another_sqlite_version_is_kept_while_its_rows_are_the_same(result):
    new = export.sqlite_bytes(export.tables(result.data))
    other = bytearray(new)
    other[96:100] = (3_008_000).to_bytes(4, "big")  # the version of the library that wrote it
    kept = export.export(result.data, load_report(Project(REPO)), bytes(other))
    assert dict(kept.outputs)[f"{export.FOLDER}/{export.SQLITE}"] == bytes(other)
    tables = export.tables(result.data)
    tables[0].rows[0]["summary"] = "changed"
    assert not export.same_database(bytes(other), export.sqlite_bytes(tables))


def test_hostile_text_stays_text_in_csv_and_sqlite(project, tmp_path):
    yaml = YAML(typ="rt")
    path = project / "data/events.yaml"
    events = yaml.load(path.read_text("utf-8"))
    events[0]["summary"] = HOSTILE
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(events, out)
    result = build(project, write=False)
    files = dataset_files(result)
    event_id = str(events[0]["id"])
    row = next(r for r in rows(files["events.csv"]) if r["id"] == event_id)
    assert row["summary"] == HOSTILE
    db = sqlite3.connect(write_out(files, tmp_path).parent / export.SQLITE)
    (summary,) = db.execute("SELECT summary FROM events WHERE id = ?", (event_id,)).fetchone()
    assert summary == HOSTILE
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == len(events)
