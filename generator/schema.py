"""JSON Schemas of the data files, generated from the model, for editors' YAML plugins.

Each data file starts with `# yaml-language-server: $schema=../schema/FILE.schema.json`, so an
editor with the YAML language server completes field names and flags mistakes while typing.
"""

from __future__ import annotations

import functools
import json

from pydantic import TypeAdapter

from .model import FILES
from .pages import MARKER, Output


@functools.cache  # made from the code alone: once per process (a preview builds many times)
def schema_outputs() -> tuple[Output, ...]:
    outputs = []
    for name, record_type in FILES.items():
        schema = TypeAdapter(list[record_type]).json_schema()
        schema = {
            "$comment": f"{MARKER} from generator/model.py: edit that, not this file",
            "title": f"data/{name}",
            **schema,
        }
        text = json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
        outputs.append(Output(f"schema/{name.removesuffix('.yaml')}.schema.json", text))
    return tuple(outputs)
