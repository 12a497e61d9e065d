"""MkDocs hook: plain `mkdocs build` and `mkdocs serve` regenerate the pages first.

It only regenerates and watches: everything a page shows (its edit link, citations, share card)
is in the generated page itself, so a builder that runs no hooks makes the same site.

On bad data `mkdocs build` stops before it cleans site/, so site/ and docs/ stay as they were;
`mkdocs serve` prints the errors and keeps serving the last good pages.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

from generator.errors import BuildFault, DataError
from generator.incremental import last_build
from generator.lock import build_lock
from generator.paths import Project

log = logging.getLogger("mkdocs.generator")
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config):
    """Under `mkdocs serve`, the pages let MkDocs' inline live-reload script run (main.html)."""
    config.extra["live_preview"] = _command == "serve"
    return config


def on_pre_build(config) -> None:
    root = Path(config.config_file_path).parent
    try:
        with build_lock(Project(root.resolve()), writing=False):
            if last_build(Project(root.resolve())):
                return  # nothing changed since the last build: nothing to regenerate
        from generator.build import build  # loads Altair and Vega: only when there is work

        changes = build(root).changes
    except (DataError, BuildFault) as error:
        report = error.report() if isinstance(error, DataError) else str(error)
        if _command == "serve":
            _tell_the_terminal(report)
            return  # keep serving the last good pages while the editor fixes the data
        log.error("the pages were not regenerated:\n%s", report)
        raise Abort(
            "Aborted: fix the errors above; docs/ and site/ were left as they were."
        ) from None
    if changes.written or changes.removed:
        log.info("generator: %s", changes.summary())


def _tell_the_terminal(report: str) -> None:
    """Print straight to stderr, not through the 'mkdocs' logger.

    With `strict: true` MkDocs counts every warning or error logged under 'mkdocs' and fails the
    rebuild, and a failed rebuild stops `mkdocs serve` from reloading: the editor would see the
    old pages with no sign that they are old.
    """
    print(
        f"ERROR    -  generator: the pages were not regenerated; serving the last good ones:\n{report}",
        file=sys.stderr,
        flush=True,
    )


def on_serve(server, config, builder):
    for path in Project(Path(config.config_file_path).parent).watched:
        server.watch(str(path))
    return server
