"""How long an editor waits under `mkdocs serve`: from saving a one-record edit to the reloaded page.

Run with `make bench-serve` (or `.venv/bin/python benchmarks/serve_reload.py [--repeat N]`).

It lays out a copy of the project in a temporary folder, starts `mkdocs serve` there, opens the
trade page in Chromium, then, N times: changes the first figure's value in data/figures.yaml,
notes the time right after the write returns, and waits for MkDocs' live reload to bring the
page back with the new value; the time of that page's `load` event is the end. Between the two:
MkDocs noticing the change (it polls the files every 0.5 s), the hook regenerating the pages,
MkDocs rebuilding the site, and the browser's reload. Wall-clock seconds, so a busy machine
reads slower; the median is printed with every run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import edit_one_figure, lay_out_project  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PAGE = "trade/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"mkdocs serve did not answer at {url} within {timeout:g} s")


def serve(root: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    return subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def one_reload(page, root: Path, value: float, timeout: float = 120) -> float:
    """Seconds from the edit's write to the load of the page showing `value`."""
    shown = f"{value:.1f}"
    with page.expect_event("load", timeout=timeout * 1000):
        edit_one_figure(root, value)
        written = time.monotonic()
    loaded = time.monotonic()
    if shown not in page.inner_text("body"):
        # The first reload may come from a build that began before the write; wait for the next.
        page.wait_for_event("load", timeout=timeout * 1000)
        loaded = time.monotonic()
        assert shown in page.inner_text("body"), f"{shown} not on the reloaded page"
    return loaded - written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="edits to time (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="serve-reload-") as folder:
        root = lay_out_project(Path(folder) / "project")
        port = free_port()
        server = serve(root, port)
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_for_server(base + PAGE)
            times = reloads(base + PAGE, root, args.repeat)
        finally:
            server.terminate()
            server.wait(timeout=30)
            shutil.rmtree(root, ignore_errors=True)
    print("seconds from saving figures.yaml to the reloaded trade page:")
    print("  " + ", ".join(f"{t:.2f}" for t in times))
    print(f"  median {statistics.median(times):.2f} s over {len(times)} edits")


def reloads(url: str, root: Path, repeat: int) -> list[float]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        page = browser.new_page()
        page.goto(url, wait_until="load")
        time.sleep(2)  # let MkDocs' first build after start settle
        times = [one_reload(page, root, 300 + i / 10) for i in range(1, repeat + 1)]
        browser.close()
    return times


if __name__ == "__main__":
    main()
