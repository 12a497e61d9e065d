"""`mkdocs serve` keeps serving the last good pages while the data has errors, and says so;
`mkdocs serve --dirty` (`make serve`) re-renders only what an edit changed and keeps the rest right.

MkDocs only: the regeneration is the hook's, and Zensical runs no hooks (`zensical serve` serves
docs/ as they are; the browser tests read both builders' sites, see `builder` in conftest.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from .conftest import edit, free_port

REBUILT = "Reloading browsers"  # logged by MkDocs after each rebuild that succeeded
FAILED = "An error happened during the rebuild"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition: Callable[[], object], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


@contextlib.contextmanager
def serving(project: Path, log: Path, *options: str) -> Iterator[str]:
    """`mkdocs serve` in the project, its output in `log`; yields its address once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        server = subprocess.Popen(
            command,
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(lambda: fetch(base + "trade/"), 300)
        yield base
        assert server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)


def test_mkdocs_serve_keeps_serving_the_last_good_pages_while_the_data_has_errors(
    project, tmp_path
):
    log = tmp_path / "serve.log"
    with serving(project, log) as base:
        page = base + "trade/"
        assert "254.3" in fetch(page)
        # MkDocs' live-reload script is inline: only the preview's pages let it run.
        assert "script-src 'self' 'unsafe-inline';" in fetch(page)
        started = len(log.read_text())
        edit(project / "data/figures.yaml", "value: 254.3", "value: lots")

        def after_the_error() -> str:
            text = log.read_text()[started:]
            return text[text.index("data/figures.yaml:") :] if "data/figures.yaml:" in text else ""

        wait_for(lambda: REBUILT in after_the_error() or FAILED in after_the_error(), 300)
        output = log.read_text()[started:]
        assert "not regenerated; serving the last good ones" in output
        assert REBUILT in after_the_error() and FAILED not in output and "Aborted" not in output
        wait_for(lambda: fetch(page), 60)
        assert "254.3" in fetch(page)


def search_index(base: str) -> dict[str, list[str]]:
    """Each page's address in the served search index, with the text of its entries."""
    pages: dict[str, list[str]] = {}
    for entry in json.loads(fetch(base + "search/search_index.json"))["docs"]:
        pages.setdefault(entry["location"].split("#")[0], []).append(entry["text"])
    return pages


def test_a_dirty_preview_rebuilds_once_and_keeps_navigation_and_search_whole(project, tmp_path):
    log = tmp_path / "serve.log"
    chapter = "Niyazov and Nazarbayev, 1992–2006"
    with serving(project, log, "--dirty") as base:
        before = search_index(base)
        started = len(log.read_text())

        def rebuilds() -> int:
            return log.read_text()[started:].count(REBUILT)

        edit(project / "data/figures.yaml", "value: 254.3", "value: 254.7")
        wait_for(lambda: rebuilds() == 1, 300)
        output = log.read_text()[started:]
        assert "Aborted" not in output and FAILED not in output
        trade = fetch(base + "trade/")
        assert "254.7" in trade
        assert chapter in trade  # a chapter this build did not read keeps its title in the menu
        after = search_index(base)
        assert after.keys() == before.keys()
        assert len(after["trade/"]) == len(before["trade/"])
        assert any("254.7" in text for text in after["trade/"])
        time.sleep(3)  # time for a second rebuild to start, if the generator's writes caused one
        assert log.read_text()[started:].count("Detected file changes") == 1

        # A title every page shows in its menu: the next build renders every page.
        edit(project / "data/chapters/01-niyazov-nazarbayev.md", chapter, "Niyazov and Nazarbayev")
        wait_for(lambda: rebuilds() == 2, 300)
        assert chapter not in fetch(base + "sources/")
        assert "Niyazov and Nazarbayev" in fetch(base + "sources/")
        assert search_index(base).keys() == before.keys()
