"""The whole dataset for download: a flat CSV per record type, a Frictionless data package that
describes them, and the same tables in one SQLite file.

The tables follow the record types in model.py field by field, so a new field reaches the
download without a change here. A record is a row; a list of nested records (a person's roles, a
project's history) is a table of its own, keyed by the record's id and the item's position; every
citation is a row of `citations`, whose source ids point into `sources`. A date keeps its
precision; a list of ids or addresses is one cell, space-separated; a list of free text is a
JSON array.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sqlite3
import types
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from . import model
from .dates import FuzzyDate, Period
from .load import Report
from .pages import MARKER
from .validate import REFERENCES, Dataset

FOLDER = "docs/dataset"
SQLITE = "report.sqlite"
PACKAGE = "datapackage.json"
SCALES = {"thousand": 3, "million": 6, "billion": 9}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")  # table and column names: from the model, never the data


@dataclass
class Column:
    name: str
    type: str  # Frictionless: string, number, integer, boolean, date, array
    description: str = ""
    enum: list[str] | None = None

    def schema(self) -> dict:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.description:
            out["description"] = self.description
        if self.enum:
            out["constraints"] = {"enum": self.enum}
        return out


@dataclass
class Table:
    name: str
    description: str
    columns: dict[str, Column] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    key: list[str] = field(default_factory=list)
    references: dict[str, str] = field(default_factory=dict)  # column -> table whose id it names

    def column(self, name: str, type_: str, description: str = "", enum=None) -> None:
        assert _NAME.match(name), name
        known = self.columns.setdefault(name, Column(name, type_, description, enum))
        if known.enum and enum:  # a field of both kinds of a union (sources' kind): either value
            known.enum = [*known.enum, *(v for v in enum if v not in known.enum)]


@dataclass(frozen=True)
class ExportFile:
    """A file of the download as the Data page lists it."""

    name: str
    description: str
    rows: int | None
    size: int


def _core(annotation: Any) -> tuple[Any, list[Any]]:
    """The type inside `Annotated[...]` and `X | None`, with the metadata met on the way."""
    metadata: list[Any] = []
    while True:
        if get_origin(annotation) is Annotated:
            annotation, *extra = get_args(annotation)
            metadata.extend(extra)
        elif get_origin(annotation) in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, metadata
            annotation = args[0]
        else:
            return annotation, metadata


def _is_free_text(metadata: list[Any]) -> bool:
    """Text an editor writes (model.Text), as against ids and addresses, which hold no spaces."""
    return any(getattr(m, "func", None) is model._printable for m in metadata)


def _record_types(kind: Any) -> list[type[BaseModel]]:
    """The classes a data file's records may be: one, or the kinds of a union (sources)."""
    core, _ = _core(kind)
    if isinstance(core, type) and issubclass(core, BaseModel):
        return [core]
    return [c for c in get_args(core) if isinstance(c, type) and issubclass(c, BaseModel)]


class Tables:
    """Builds every table, a row at a time, from the typed records."""

    def __init__(self, data: Dataset):
        self.tables: dict[str, Table] = {}
        self.citations = self._table(
            "citations",
            "Every citation: which source a record (or a nested item of it) rests on, with the "
            "passage quoted from it or what it reports.",
        )
        self.citations.column("record_id", "string", "Id of the record that cites.")
        self.citations.column("table", "string", "The table holding the cited row.")
        self.citations.column(
            "n", "integer", "Position of the cited item in that table; empty for the record itself."
        )
        self.citations.column(
            "part", "string", "The part of the row cited (coordinates), if only a part."
        )
        self.citations.column("source_id", "string", "Id of the source in sources.csv.")
        self.citations.column("quote", "string", "The passage of the held article, word for word.")
        self.citations.column("note", "string", "What the source says, where it is not quoted.")
        self.citations.references["source_id"] = "sources"
        for file, kind in model.FILES.items():
            name = file.removesuffix(".yaml")
            table = self._table(name, f"One row per record of data/{file}.", key=["id"])
            for record_type in _record_types(kind):
                self._columns(table, record_type)
            for record in data.records.get(file, []):
                self._row(table, record, record.id, None)

    def _table(self, name: str, description: str, key=None) -> Table:
        table = Table(name, description, key=key or [])
        self.tables[name] = table
        return table

    def _columns(self, table: Table, record_type: type[BaseModel], prefix: str = "") -> None:
        """Declare the columns a record type's fields become (the order of the model's fields)."""
        for name, info in record_type.model_fields.items():
            core, metadata = _core(info.annotation)
            metadata += info.metadata
            about = info.description or ""
            column = prefix + name
            if name == "cite":
                table.column(
                    prefix + "source_ids",
                    "string",
                    "Ids of the sources cited, space-separated; the passages are in citations.csv.",
                )
            elif core is FuzzyDate:
                table.column(
                    column,
                    "string",
                    (about + " " if about else "")
                    + "The date as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD, or a range A/B.",
                )
                table.column(
                    f"{column}_precision", "string", "day, month or year", ["day", "month", "year"]
                )
                table.column(f"{column}_first", "date", "The first day the date may mean.")
                table.column(f"{column}_last", "date", "The last day the date may mean.")
            elif core is Period:
                table.column(
                    column,
                    "string",
                    "The months covered: YYYY (a calendar year) or YYYY-MM/YYYY-MM.",
                )
                table.column(f"{column}_first", "date", "The first day of the period.")
                table.column(f"{column}_last", "date", "The last day of the period.")
            elif get_origin(core) is list:
                item, item_meta = _core(get_args(core)[0])
                if isinstance(item, type) and issubclass(item, BaseModel):
                    self._child(table, name, item)
                elif _is_free_text(item_meta):
                    table.column(
                        column, "array", (about + " " if about else "") + "A JSON array of texts."
                    )
                else:
                    target = REFERENCES.get(record_type, {}).get(name)
                    what = (
                        f"ids in {target.removesuffix('.yaml')}.csv"
                        if target and target != "*"
                        else "ids"
                        if target
                        else "addresses"
                    )
                    table.column(
                        column,
                        "string",
                        (about + " " if about else "") + f"Space-separated {what}.",
                    )
            elif isinstance(core, type) and issubclass(core, BaseModel):
                self._columns(table, core, prefix=f"{column}_")  # one nested record: its fields
            else:
                self._scalar(table, record_type, name, column, core, about)
                if name == "scale":
                    table.column(
                        "full_value",
                        "number",
                        "value × scale: the amount in the currency or unit itself.",
                    )

    def _scalar(self, table, record_type, name, column, core, about) -> None:
        if get_origin(core) is Literal:
            table.column(column, "string", about, [str(v) for v in get_args(core)])
        elif core is bool:
            table.column(column, "boolean", about)
        elif core is int:
            table.column(column, "integer", about)
        elif core is float:
            table.column(column, "number", about)
        else:
            table.column(column, "string", about)
        target = REFERENCES.get(record_type, {}).get(name)
        if target and target != "*":
            table.references[column] = target.removesuffix(".yaml")

    def _child(self, parent: Table, field_name: str, item: type[BaseModel]) -> None:
        name = f"{parent.name}_{field_name}"
        if name not in self.tables:
            table = self._table(
                name,
                (item.__doc__.strip().splitlines()[0] + " " if item.__doc__ else "")
                + f"One row per item of the {field_name.replace('_', ' ')} list of a record in "
                f"{parent.name}.csv.",
                key=["record_id", "n"],
            )
            table.column("record_id", "string", f"Id of the record in {parent.name}.csv.")
            table.column("n", "integer", "Position of the item in the record's list, from 1.")
            table.references["record_id"] = parent.name
            self._columns(table, item)

    def _row(self, table: Table, record: BaseModel, record_id: str, n: int | None) -> None:
        row: dict[str, Any] = {"record_id": record_id, "n": n} if n is not None else {}
        self._fill(table, row, record, record_id, n, "")
        table.rows.append(row)

    def _fill(self, table, row, record, record_id, n, prefix) -> None:
        for name in type(record).model_fields:
            value = getattr(record, name)
            column = prefix + name
            if name == "cite":
                row[prefix + "source_ids"] = " ".join(dict.fromkeys(c.source for c in value))
                for cite in value:
                    self.citations.rows.append(
                        {
                            "record_id": record_id,
                            "table": table.name,
                            "n": n,
                            "part": prefix.rstrip("_") or None,
                            "source_id": cite.source,
                            "quote": cite.quote,
                            "note": cite.note,
                        }
                    )
            elif isinstance(value, FuzzyDate):
                row[column] = value.iso()
                row[f"{column}_precision"] = value.precision
                row[f"{column}_first"] = value.start.first.isoformat()
                row[f"{column}_last"] = value.end.last.isoformat()
            elif isinstance(value, Period):
                row[column] = value.iso()
                row[f"{column}_first"] = value.start.isoformat()
                row[f"{column}_last"] = value.end.isoformat()
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                child = self.tables[f"{table.name}_{name}"]
                for position, item in enumerate(value, 1):
                    self._row(child, item, record_id, position)
            elif isinstance(value, list):
                if self._is_array(table, column):
                    row[column] = json.dumps(value, ensure_ascii=False) if value else None
                else:
                    row[column] = " ".join(value) or None
            elif isinstance(value, BaseModel):
                self._fill(table, row, value, record_id, n, f"{column}_")
            else:
                row[column] = value
                if name == "scale" and value:
                    exact = Decimal(repr(record.value)).scaleb(SCALES[value])
                    row["full_value"] = exact
                elif name == "scale":
                    row["full_value"] = Decimal(repr(record.value))

    def _is_array(self, table: Table, column: str) -> bool:
        return column in table.columns and table.columns[column].type == "array"


def tables(data: Dataset) -> list[Table]:
    """Every table, the record types' first (in model.FILES order), then nested ones, then citations."""
    built = Tables(data).tables
    return [t for t in built.values() if t.name != "citations"] + [built["citations"]]


def cell(value: Any) -> str:
    """A value as CSV text: empty for none, true/false, numbers without a needless '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def csv_text(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(
        out, lineterminator="\n"
    )  # quotes what needs it: commas, quotes, line breaks
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([cell(row.get(name)) for name in table.columns])
    return out.getvalue()


def schema(table: Table) -> dict:
    out: dict[str, Any] = {"fields": [c.schema() for c in table.columns.values()]}
    if table.key:
        out["primaryKey"] = table.key
    if table.references:
        out["foreignKeys"] = [
            {"fields": column, "reference": {"resource": target, "fields": "id"}}
            for column, target in table.references.items()
        ]
    return out


def package(report: Report, all_tables: list[Table]) -> str:
    descriptor = {
        "$comment": f"{MARKER} from data/*.yaml: edit those files, not this one",
        "profile": "tabular-data-package",
        "name": "tmkz-report",
        "title": report.title,
        "description": report.description
        + " Every record of the report, one table per kind, with the sources each rests on.",
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table.name,
                "path": f"{table.name}.csv",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema(table),
            }
            for table in all_tables
        ],
    }
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def sqlite_bytes(all_tables: list[Table]) -> bytes:
    """The tables as one SQLite database: the same statements in the same order give the same bytes
    with one SQLite library. Names come from the model (checked); every value is a parameter."""
    db = sqlite3.connect(":memory:")
    try:
        for table in all_tables:
            db.execute(_create(table))
            columns = list(table.columns)
            marks = ", ".join("?" for _ in columns)
            names = ", ".join(_quoted(c) for c in columns)
            insert = f"INSERT INTO {_quoted(table.name)} ({names}) VALUES ({marks})"
            db.executemany(
                insert, [[_sql_value(row.get(c)) for c in columns] for row in table.rows]
            )
        db.commit()
        db.execute("VACUUM")
        return db.serialize()
    finally:
        db.close()


def _quoted(name: str) -> str:
    """An identifier for SQL: names come from the model and are checked, and quoted all the same
    (`table` is a keyword)."""
    assert _NAME.match(name), name
    return f'"{name}"'


def _create(table: Table) -> str:
    lines = [f"{_quoted(c.name)} {SQL_TYPES.get(c.type, 'TEXT')}" for c in table.columns.values()]
    if table.key:
        lines.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.key))})")
    for column, target in table.references.items():
        lines.append(f'FOREIGN KEY ({_quoted(column)}) REFERENCES {_quoted(target)} ("id")')
    return f"CREATE TABLE {_quoted(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _sql_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def same_database(old: bytes, new: bytes) -> bool:
    """Whether two SQLite files hold the same schema and rows (their headers may differ by the
    SQLite version that wrote them)."""
    return _dump(old) == _dump(new) if old[:16] == b"SQLite format 3\x00" else False


def _dump(data: bytes) -> list[str] | None:
    db = sqlite3.connect(":memory:")
    try:
        with contextlib.suppress(sqlite3.Error):
            db.deserialize(data)
            return list(db.iterdump())
        return None
    finally:
        db.close()


@dataclass(frozen=True)
class Export:
    files: list[ExportFile]
    outputs: list[tuple[str, str | bytes]]  # (path under the project, content)


def export(data: Dataset, report: Report, existing_sqlite: bytes | None) -> Export:
    """Every file of the download, and what the Data page says of each.

    A SQLite file from another SQLite library can differ in its bytes for the same data, so the
    file on disk is kept when it holds the same tables and rows: a fresh clone's build rewrites
    nothing.
    """
    all_tables = tables(data)
    outputs: list[tuple[str, str | bytes]] = []
    files = []
    for table in all_tables:
        text = csv_text(table)
        outputs.append((f"{FOLDER}/{table.name}.csv", text))
        files.append(
            ExportFile(f"{table.name}.csv", table.description, len(table.rows), len(text.encode()))
        )
    descriptor = package(report, all_tables)
    outputs.append((f"{FOLDER}/{PACKAGE}", descriptor))
    database = sqlite_bytes(all_tables)
    if existing_sqlite and same_database(existing_sqlite, database):
        database = existing_sqlite
    outputs.append((f"{FOLDER}/{SQLITE}", database))
    files.append(
        ExportFile(
            PACKAGE,
            "The Frictionless data package: each table's fields, types, keys and links.",
            None,
            len(descriptor.encode()),
        )
    )
    files.append(
        ExportFile(
            SQLITE,
            "Every table above in one SQLite database, with the same keys and links.",
            sum(len(t.rows) for t in all_tables),
            len(database),
        )
    )
    return Export(files, outputs)
