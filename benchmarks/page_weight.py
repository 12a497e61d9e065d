"""Prints the bytes each page of the built site transfers on a first (cold-cache) load.

Run after `make site` with `make weight` (or `.venv/bin/python benchmarks/page_weight.py [SITE]`).
Serves site/ on 127.0.0.1, opens each page in a fresh Chromium context and sums the transfer
sizes the browser reports (document, styles, scripts, images, data), split into the chart
bundle and the rest. Pages without charts must show no chart bundle.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

SITE = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "site")
PAGES = [
    "",
    "timeline/",
    "trade/",
    "targets/",
    "claims/",
    "people/",
    "places/",
    "sources/",
    "disagreements/",
    "methodology/",
    "tags/",
    "events/informal-meeting-2025-04/",
]
MEASURE = """() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return entries.map(e => ({name: e.name, bytes: e.transferSize || e.encodedBodySize || 0}));
}"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"{'page':<36} {'requests':>8} {'total KB':>9} {'chart JS KB':>11} {'other KB':>9}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for path in PAGES:
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(500)  # charts fetch their spec after the bundle runs
            entries = page.evaluate(MEASURE)
            total = sum(e["bytes"] for e in entries)
            chart = sum(
                e["bytes"] for e in entries if "vega-bundle" in e["name"] or "/charts/" in e["name"]
            )
            print(
                f"/{path:<35} {len(entries):>8} {total / 1024:>9.1f} {chart / 1024:>11.1f} {(total - chart) / 1024:>9.1f}"
            )
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
