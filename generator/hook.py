"""MkDocs hook: plain `mkdocs build` and `mkdocs serve` regenerate the pages first.

On bad data `mkdocs build` stops before it cleans site/, so site/ and docs/ stay as they were;
`mkdocs serve` prints the errors and keeps serving the last good pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from generator.build import build
from generator.errors import DataError
from generator.paths import Project

log = logging.getLogger("mkdocs.generator")
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_pre_build(config) -> None:
    root = Path(config.config_file_path).parent
    try:
        changes = build(root).changes
    except DataError as error:
        log.error("the data has errors; the pages were not regenerated:\n%s", error.report())
        if _command == "serve":
            return  # keep serving the last good pages while the editor fixes the data
        raise Abort(
            "Aborted: fix the data errors above; docs/ and site/ were left as they were."
        ) from None
    if changes.written or changes.removed:
        log.info("generator: %s", changes.summary())


def on_serve(server, config, builder):
    for path in Project(Path(config.config_file_path).parent).watched:
        server.watch(str(path))
    return server
