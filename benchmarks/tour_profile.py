"""Prints where the browser suite's tour of every page spends its time, check by check.

Run after `make site` and `make site-zensical` with `.venv/bin/python benchmarks/tour_profile.py
[SITE ...]` (default: site/ and site-zensical/). For each site it serves the folder on 127.0.0.1
and runs the tour of `tests/test_browser.py::test_every_page_on_one_visit` with the test's own
`check_one_page`, timing each step: loading the page, waiting for its scripts (and for Vega not
to be asked for), pointing at its charts, axe-core, the phone-width checks. It prints the wall
seconds and the CPU seconds the whole machine spent in each (from /proc/stat, so the browser's
processes count; run it on a quiet machine), and each step's share.
"""

from __future__ import annotations

import collections
import sys
import threading
import time
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from scripts.ensure_browser import find_chromium  # noqa: E402
from tests import test_browser as checks  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, site_server  # noqa: E402

SITES = [Path(a) for a in sys.argv[1:]] or [REPO / "site", REPO / "site-zensical"]


def busy_seconds() -> float:
    """CPU seconds the machine has been busy (user, nice, system, irq, softirq) since boot."""
    with open("/proc/stat") as stat:
        fields = [int(n) for n in stat.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / 100


class Clock:
    def __init__(self) -> None:
        self.wall: collections.Counter = collections.Counter()
        self.cpu: collections.Counter = collections.Counter()

    def step(self, name: str, action, *args):
        wall, cpu = time.monotonic(), busy_seconds()
        result = action(*args)
        self.wall[name] += time.monotonic() - wall
        self.cpu[name] += busy_seconds() - cpu
        return result


def tour(browser, folder: Path, clock: Clock) -> None:
    """The test's tour of every page, all shards, in one go."""
    httpd = site_server(folder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}/"
    site = (folder, server)
    charted, axe = set(checks.chart_pages(site)), Axe()
    wide = checks.new_tab(browser, server)
    narrow = checks.new_tab(browser, server, width=360)
    for path in checks.all_pages(site):
        checks.check_one_page(wide, narrow, server, path, path in charted, axe, step=clock.step)
    wide.page.context.close()
    narrow.page.context.close()
    httpd.shutdown()


def main() -> None:
    clock = Clock()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(find_chromium(playwright)), args=CHROMIUM_ARGS
        )
        for folder in SITES:
            tour(browser, folder, clock)
        browser.close()
    total_wall, total_cpu = sum(clock.wall.values()), sum(clock.cpu.values())
    print(f"{'step':24} {'wall s':>8} {'CPU s':>8} {'CPU share':>10}")
    for name in sorted(clock.cpu, key=clock.cpu.get, reverse=True):
        share = clock.cpu[name] / total_cpu
        print(f"{name:24} {clock.wall[name]:8.1f} {clock.cpu[name]:8.1f} {share:10.0%}")
    print(f"{'all':24} {total_wall:8.1f} {total_cpu:8.1f}")


if __name__ == "__main__":
    main()
