"""How long an editor waits under `make serve`: from saving a one-record edit to the reloaded page.

Run with `make bench-serve` (or `.venv/bin/python benchmarks/serve_reload.py [--repeat N] [--plain]`).

It lays out a copy of the project in a temporary folder, starts `mkdocs serve --dirty` there (as
`make serve` does; `--plain` leaves out `--dirty`), opens the
trade page in Chromium, then, N times: changes the first figure's value in data/figures.yaml,
notes the time right after the write returns, and waits for MkDocs' live reload to bring the
page back with the new value; the time of that page's `load` event is the end. Between the two:
MkDocs noticing the change (the preview polls the files every 0.2 s), the hook regenerating the
pages, MkDocs rebuilding the site, and the browser's reload. Wall-clock seconds, so a busy machine
reads slower; the median is printed with every run. From the server's log it also splits each
wait: the generator's regeneration, the rest of MkDocs' build, and the remainder (noticing the
save, the browser's reload).
"""

from __future__ import annotations

import argparse
import os
import re
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


def serve(root: Path, port: int, options: list[str], log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        return subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)


def last_build_times(log: Path) -> tuple[float, float]:
    """The generator's seconds and the whole build's, from the server's last rebuild."""
    text = log.read_text("utf-8", "replace")
    generator = re.findall(r"generator: .* in ([0-9.]+) s", text)
    whole = re.findall(r"Documentation built in ([0-9.]+) seconds", text)
    return float(generator[-1]) if generator else 0.0, float(whole[-1])


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
    parser.add_argument("--plain", action="store_true", help="`mkdocs serve` without --dirty")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="serve-reload-") as folder:
        root = lay_out_project(Path(folder) / "project")
        log = Path(folder) / "serve.log"
        port = free_port()
        server = serve(root, port, [] if args.plain else ["--dirty"], log)
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_for_server(base + PAGE)
            waits = reloads(base + PAGE, root, args.repeat, log)
        finally:
            server.terminate()
            server.wait(timeout=30)
            shutil.rmtree(root, ignore_errors=True)
    command = "mkdocs serve" + ("" if args.plain else " --dirty")
    print(f"seconds from saving figures.yaml to the reloaded trade page ({command}):")
    print("  total  generator  rest of MkDocs' build  noticing + reload")
    for total, generator, whole in waits:
        print(f"  {total:5.2f}  {generator:9.2f}  {whole - generator:21.2f}  {total - whole:17.2f}")
    totals = [total for total, _, _ in waits]
    print(f"  median {statistics.median(totals):.2f} s over {len(totals)} edits")


def reloads(url: str, root: Path, repeat: int, log: Path) -> list[tuple[float, float, float]]:
    """Per edit: the whole wait, the generator's seconds and the whole build's."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        page = browser.new_page()
        page.goto(url, wait_until="load")
        time.sleep(2)  # let MkDocs' first build after start settle
        waits = []
        for i in range(1, repeat + 1):
            total = one_reload(page, root, 300 + i / 10)
            waits.append((total, *last_build_times(log)))
        browser.close()
    return waits


if __name__ == "__main__":
    main()
