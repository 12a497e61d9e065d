"""Prints the bytes each page of the built site transfers on a first (cold-cache) load, and fails
when a page is over its budget.

Run after `make site` with `make weight` (or `.venv/bin/python benchmarks/page_weight.py [SITE]
[WIDTH]`). Serves site/ on 127.0.0.1, opens each page in a fresh Chromium context, waits until
the network is quiet, and adds up every file the page requested: raw bytes, and gzip bytes
(level 6, what a web server typically sends). It does so at a desktop's 1280 pixels and a
phone's 360, which get other pictures (or at WIDTH alone, if given). The Vega column is what of
it is the chart runtime and specs: nothing until a reader reaches for a chart.
Exits 1 when, at any width, the heaviest page with a chart is over 200 KB gzip or one without
over 150 KB.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
SITE = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "site"
WIDTHS = (int(sys.argv[2]),) if len(sys.argv) > 2 else (1280, 360)  # a desktop, a phone
KB = 1024
BUDGET_KB = {"chart": 200, "plain": 150}  # gzip, per first load
EVENT_PAGES = 1  # the event pages are alike: one stands for all


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def pages() -> list[str]:
    """Every page but all but one of the event pages, as paths under the site."""
    found = sorted(p.parent.relative_to(SITE).as_posix() for p in SITE.rglob("index.html"))
    events = [p for p in found if p.startswith("events/")]
    return [("" if p == "." else p + "/") for p in found if p not in events[EVENT_PAGES:]]


def has_chart(path: str) -> bool:
    return 'class="report-chart"' in (SITE / path / "index.html").read_text("utf-8")


def file_of(url: str) -> Path:
    path = SITE / unquote(urlsplit(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() else path


def is_vega(url: str) -> bool:
    return "vega-runtime" in url or url.endswith(".vg.json")


def measure(browser, base: str, path: str, width: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + path, wait_until="load")
    # The theme's bundle has started (it sets document$), then the network has gone quiet.
    # (Polled from here: the pages' Content-Security-Policy refuses Playwright's in-page polling.)
    for _ in range(200):
        if page.evaluate("window.document$ !== undefined"):
            break
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # scripts that ask late (a resize, a lazy image)
    context.close()
    row = {"requests": len(urls), "raw": 0, "gzip": 0, "vega": 0}
    for url in urls:
        if url.startswith("data:"):
            continue
        assert url.startswith(base), f"/{path} asked outside the site: {url}"
        body = file_of(url).read_bytes()
        packed = len(gzip.compress(body, compresslevel=6))
        row["raw"] += len(body)
        row["gzip"] += packed
        row["vega"] += packed if is_vega(url) else 0
    return row


def main() -> int:
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    over = False
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for width in WIDTHS:
            over |= not within_budget(browser, base, width)
        browser.close()
    server.shutdown()
    return 1 if over else 0


def within_budget(browser, base: str, width: int) -> bool:
    """Prints every page's first load at `width` and the heaviest of each kind against its budget."""
    heaviest = {"chart": ("", 0), "plain": ("", 0)}
    print(f"first load at {width} px; KB = 1024 bytes")
    print(f"{'page':<44} {'kind':<5} {'requests':>8} {'raw KB':>8} {'gzip KB':>8} {'Vega KB':>8}")
    for path in pages():
        kind = "chart" if has_chart(path) else "plain"
        row = measure(browser, base, path, width)
        print(
            f"/{path:<43} {kind:<5} {row['requests']:>8} {row['raw'] / KB:>8.1f}"
            f" {row['gzip'] / KB:>8.1f} {row['vega'] / KB:>8.1f}"
        )
        if row["gzip"] > heaviest[kind][1]:
            heaviest[kind] = (path, row["gzip"])
    within = True
    for kind, label in (("chart", "pages with charts"), ("plain", "pages without charts")):
        path, size = heaviest[kind]
        verdict = "ok" if size <= BUDGET_KB[kind] * KB else "OVER"
        within &= verdict == "ok"
        print(
            f"at {width} px, {label}: heaviest /{path} {size / KB:.1f} KB gzip, "
            f"budget {BUDGET_KB[kind]} KB: {verdict}"
        )
    print()
    return within


if __name__ == "__main__":
    sys.exit(main())
