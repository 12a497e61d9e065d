"""`mkdocs serve` keeps serving the last good pages while the data has errors, and says so.

MkDocs only: the regeneration is the hook's, and Zensical runs no hooks (`zensical serve` serves
docs/ as they are; the browser tests read both builders' sites, see `builder` in conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable

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


def test_mkdocs_serve_keeps_serving_the_last_good_pages_while_the_data_has_errors(
    project, tmp_path
):
    port = free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        server = subprocess.Popen(
            command,
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        page = f"http://127.0.0.1:{port}/trade/"
        wait_for(lambda: fetch(page), 300)
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
        assert server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)
