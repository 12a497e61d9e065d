"""The live preview (`make serve`, which is `mkdocs serve --dirty`): an edit reaches the browser fast.

A dirty build renders only the pages whose Markdown is newer than their HTML, and the generator
rewrites only the pages an edit changes, so a one-record edit re-renders a handful of pages
instead of all of them. MkDocs warns that dirty builds can leave the rest of the site stale;
this module keeps it right:

- a page the build does not read still shows its title in the navigation of the pages it does;
- the search index keeps every page, the rebuilt ones with their new text;
- when something every page shows changes (the configuration, the theme overrides, the list of
  files, any page's title or tags, a tags index), the build renders every page.

It also watches docs/ without reacting to the generator's own writes there, so a save rebuilds
once, not twice (the hook regenerates docs/ inside the build).

The search index and the warning filter reach into MkDocs 1.6 and Material 9 as they are: both
projects have made their last release, and tests/test_serve.py checks the result.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

import watchdog.events
import watchdog.observers.polling
from mkdocs.utils import clean_directory, get_markdown_title
from mkdocs.utils.meta import get_data

from .incremental import files_under
from .paths import Project
from .write import MANIFEST, TEMP_SUFFIX

POLL_SECONDS = 0.2  # MkDocs polls every 0.5 s; a stat of each watched file is cheap at this size
TAGS_LISTING = "<!-- material/tags"  # where Material's tags plugin lists every tagged page
DIRTY_WARNING = "A 'dirty' build is being performed"


class Preview:
    """What a serve session remembers from one rebuild to the next."""

    def __init__(self, project: Project, dirty: bool) -> None:
        self.project = project
        self.dirty = dirty
        self.generated: set[str] = set()  # absolute paths of every file the generator owns
        self.frame: str | None = None
        self.headings: dict[str, tuple[tuple[int, int], str | None, list]] = {}
        self.search_pages: dict[str, list[dict]] = {}  # page address -> its search entries
        self.rebuilt: set[str] = set()  # addresses of the pages this build renders
        self.rebuilt_all = True
        self.note_generated_files()
        if dirty:
            # The preview asks for dirty builds and keeps them right (this module), so MkDocs'
            # warning about them must not fail a strict build.
            logging.getLogger("mkdocs.commands.build").addFilter(
                lambda record: not record.getMessage().startswith(DIRTY_WARNING)
            )

    # --- Watching ---------------------------------------------------------------------------

    def note_generated_files(self) -> None:
        """Adds the files the manifest lists now: removing one later is the generator's doing too."""
        with contextlib.suppress(OSError):
            listed = (self.project.root / MANIFEST).read_text("utf-8").splitlines()[1:]
            self.generated.update(str(self.project.root / path) for path in listed)
        self.generated.add(str(self.project.root / MANIFEST))

    def is_generators(self, event: watchdog.events.FileSystemEvent) -> bool:
        """The generator writes each file beside its target, then renames it over the target;
        it keeps the templates' compiled code in `__pycache__/` beside them (pages.py)."""
        paths = [os.fsdecode(event.src_path), os.fsdecode(event.dest_path or "")]
        if paths[0].endswith(TEMP_SUFFIX) or f"{os.sep}__pycache__{os.sep}" in paths[0]:
            return True
        return all(path in self.generated for path in paths if path)

    def watch_quietly(self, server, config) -> None:
        """Swaps MkDocs' observer for one that polls faster and skips the generator's writes."""
        watched = [config.docs_dir, config.config_file_path]
        for path in watched:
            server.unwatch(path)
        server.observer = QuietObserver(self.is_generators, timeout=POLL_SECONDS)
        for path in watched:
            server.watch(path)

    # --- Deciding what a dirty build renders -------------------------------------------------

    def settle(self, files, config) -> None:
        """Before a dirty build reads any page: everything is rendered anew if the frame moved."""
        pages = list(files.documentation_pages())
        frame = self.frame_of(files, pages, config)
        lists_tags = any(f.is_modified() and TAGS_LISTING in self.text(f) for f in pages)
        self.rebuilt_all = frame != self.frame or lists_tags
        self.rebuilt = set()
        if self.rebuilt_all:
            clean_directory(config.site_dir)  # no page's HTML left: each one is rendered
        self.frame = frame

    def name_unread_pages(self, nav) -> None:
        """A page a dirty build skips is never read, so give the navigation its title."""
        for page in nav.pages:
            title = self.heading(page.file)[0]
            if title is not None and not page.file.is_modified():
                page.title = title

    def frame_of(self, files, pages: list, config) -> str:
        digest = hashlib.sha256()
        overrides = files_under(Path(config.theme.custom_dir)) if config.theme.custom_dir else []
        for path in (config.config_file_path, *overrides):
            digest.update(f"{path} {_stamp(path)}\n".encode())
        digest.update(json.dumps(sorted(f.src_uri for f in files)).encode())
        for page in pages:
            digest.update(json.dumps([page.src_uri, *self.heading(page)], default=str).encode())
        return digest.hexdigest()

    def heading(self, file) -> tuple[str | None, list]:
        """A page's title and tags, as MkDocs reads them; kept while the file is unchanged."""
        stamp = _stamp(file.abs_src_path)
        cached = self.headings.get(file.abs_src_path)
        if cached is None or cached[0] != stamp:
            markdown, meta = get_data(self.text(file))
            title = meta.get("title") or get_markdown_title(markdown)
            cached = (stamp, title, meta.get("tags") or [])
            self.headings[file.abs_src_path] = cached
        return cached[1], cached[2]

    @staticmethod
    def text(file) -> str:
        return Path(file.abs_src_path).read_text("utf-8-sig", errors="replace")

    # --- The search index --------------------------------------------------------------------

    def complete_search_index(self, config) -> None:
        """Hands Material's search plugin the whole index before it writes it.

        After a dirty build its index holds only the rebuilt pages (its own merging assumes one
        page), so the entries it made are filed by page and the other pages' are kept.
        """
        search = config.plugins.get("material/search")
        if search is None or not getattr(search.config, "enabled", True):
            return
        fresh: dict[str, list[dict]] = {url: [] for url in self.rebuilt}
        for entry in search.search_index.entries:
            fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
        if self.rebuilt_all:
            self.search_pages = fresh
        else:
            self.search_pages.update(fresh)
        search.search_index.entries = [e for page in self.search_pages.values() for e in page]
        search.search_index_prev = None  # already merged: Material must not merge again


class QuietObserver(watchdog.observers.polling.PollingObserver):
    """MkDocs' polling observer, deaf to the events `ignored` picks out."""

    def __init__(self, ignored: Callable[[watchdog.events.FileSystemEvent], bool], **kwargs):
        super().__init__(**kwargs)
        self.ignored = ignored

    def schedule(self, event_handler, path, **kwargs):
        return super().schedule(_Filtered(event_handler, self.ignored), path, **kwargs)


class _Filtered(watchdog.events.FileSystemEventHandler):
    def __init__(self, handler, ignored) -> None:
        self.handler = handler
        self.ignored = ignored

    def dispatch(self, event) -> None:
        if not self.ignored(event):
            self.handler.dispatch(event)


def _stamp(path: str) -> tuple[int, int]:
    try:
        status = os.stat(path)
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)
