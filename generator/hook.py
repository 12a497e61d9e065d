"""MkDocs hook: plain `mkdocs build` and `mkdocs serve` regenerate the pages first.

Nothing a page shows comes from here: its edit link, citations and share card are in the
generated page itself, so a builder that runs no hooks makes the same site. The hook regenerates,
watches, caches the theme's compiled templates, and under `mkdocs serve` (fastest with `--dirty`,
as `make serve` runs it) lets preview.py keep each rebuild small and right.

On bad data `mkdocs build` stops before it cleans site/, so site/ and docs/ stay as they were;
`mkdocs serve` prints the errors and keeps serving the last good pages.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from generator.errors import BuildFault, DataError
from generator.incremental import CACHE, last_build, writable_folder
from generator.lock import build_lock
from generator.paths import Project

log = logging.getLogger("mkdocs.generator")
_command = "build"
_dirty = False
_preview = None  # a preview.Preview under `mkdocs serve`; this module lives as long as MkDocs


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty


def on_config(config):
    """Under `mkdocs serve`, the pages let MkDocs' inline live-reload script run (main.html)."""
    global _preview
    config.extra["live_preview"] = _command == "serve"
    if _command == "serve" and _preview is None:
        from generator.preview import Preview

        _preview = Preview(Project(Path(config.config_file_path).parent.resolve()), _dirty)
    return config


def on_pre_build(config) -> None:
    root = Path(config.config_file_path).parent
    project = Project(root.resolve())
    preview = _preview is not None
    try:
        with build_lock(project, writing=False):
            if last_build(project, preview=preview):
                return  # nothing changed since the last build: nothing to regenerate
        from generator.build import build  # loads Altair and Vega: only when there is work

        started = time.monotonic()
        changes = build(root, preview=preview).changes
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
        log.info("generator: %s in %.2f s", changes.summary(), time.monotonic() - started)
    if _preview is not None:
        _preview.note_generated_files()


def on_files(files, config):
    if _preview is not None and _preview.dirty:
        _preview.settle(files, config)
    return files


def on_nav(nav, config, files):
    if _preview is not None and _preview.dirty and not _preview.rebuilt_all:
        _preview.name_unread_pages(nav)
    return nav


def on_env(env, config, files):
    """The theme's templates compile once, not at every build (Jinja checks each one's source)."""
    folder = writable_folder(Path(config.config_file_path).parent / CACHE / "jinja-theme")
    if folder:  # else a read-only checkout compiles them every time
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def on_page_context(context, page, config, nav):
    if _preview is not None:
        _preview.rebuilt.add(page.url)
    return context


@event_priority(100)  # before Material's search plugin writes the index
def on_post_build(config) -> None:
    if _preview is not None and _preview.dirty:
        _preview.complete_search_index(config)


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
    if _preview is not None:
        _preview.watch_quietly(server, config)
    for path in Project(Path(config.config_file_path).parent).watched:
        server.watch(str(path))
    return server
