"""Publishing: the site built for its public address, its share cards and citations, and the
workflow that publishes it (checked by actionlint, since GitHub Actions cannot run here)."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import (
    BUILDERS,
    QuietHandler,
    free_port,
    lay_out_project,
    wait_until,
    zensical_build_command,
)

WORKFLOW = Path(__file__).resolve().parent.parent / ".github/workflows/pages.yml"
PUBLIC = "https://example.org/tmkz-report/"
EDIT_BASE = "https://example.org/owner/tmkz-report/edit/main/"


def actionlint(path: Path) -> subprocess.CompletedProcess:
    binary = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    # No shellcheck or pyflakes: whether a machine has them would change the result.
    command = [binary, "-no-color", "-shellcheck=", "-pyflakes=", str(path)]
    return subprocess.run(command, capture_output=True, text=True)


def test_actionlint_passes_the_pages_workflow_and_fails_a_broken_copy(tmp_path):
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / ".github/workflows/pages.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text()
    assert "steps.pages.outputs.base_url" in text and "pages: write" in text
    text = text.replace("steps.pages.outputs.base_url", "steps.page.outputs.base_url")
    broken.write_text(text.replace("pages: write", "pages: writ"))
    result = actionlint(broken)
    assert result.returncode == 1
    assert "steps.page" in result.stdout and '"writ"' in result.stdout, result.stdout


def build(root: Path, builder: str, **env: str) -> Path:
    """`mkdocs build --strict` (or `make site-zensical`'s Zensical build) with settings from the
    environment, as the workflow builds; the folder of the built site."""
    if builder == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        site = root / "site"
    else:
        command = zensical_build_command(root)
        site = root / "site-zensical"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module", params=BUILDERS)
def public_site(tmp_path_factory, request) -> Path:
    root = lay_out_project(tmp_path_factory.mktemp("public") / "project")
    return build(root, request.param, SITE_URL=PUBLIC, DATA_EDIT_BASE=EDIT_BASE)


class Head(HTMLParser):
    """The meta tags, canonical link, edit button and cite blocks of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical = self.edit = None
        self.figures: list[str] = []
        self.cites = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        elif tag == "a" and a.get("rel") == "edit":
            self.edit = a["href"]
        elif tag == "figure" and "report-chart" in (a.get("class") or ""):
            self.figures.append(a.get("id"))
        elif tag == "details" and a.get("class") == "cite":
            self.cites += 1


def pages(site: Path) -> dict[str, Head]:
    found = {}
    for path in sorted(site.rglob("index.html")):
        found[path.parent.relative_to(site).as_posix().removeprefix(".") + "/"] = Head(
            path.read_text()
        )
    return {k.removeprefix("/"): v for k, v in found.items()}


def test_the_sitemap_and_canonical_links_carry_the_public_address(public_site):
    sitemap = (public_site / "sitemap.xml").read_text()
    listed = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    site_pages = pages(public_site)
    assert sorted(listed) == sorted(PUBLIC + path for path in site_pages)
    for path, head in site_pages.items():
        assert head.canonical == PUBLIC + path, path
        assert head.meta["og:url"] == PUBLIC + path, path


def test_every_page_has_a_share_card_with_its_chart_where_it_has_one(public_site):
    for path, head in pages(public_site).items():
        assert head.meta["og:title"] and head.meta["og:description"], path
        assert head.meta["twitter:title"] == head.meta["og:title"], path
        image = head.meta.get("og:image")
        if not head.figures:
            assert image is None and head.meta["twitter:card"] == "summary", path
            continue
        assert head.meta["twitter:card"] == "summary_large_image", path
        assert image.startswith(PUBLIC + "charts/") and image.endswith(".png"), path
        png = (public_site / image.removeprefix(PUBLIC)).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n"), path
        size = struct.unpack(">II", png[16:24])
        assert size == (int(head.meta["og:image:width"]), int(head.meta["og:image:height"]))
        assert head.meta["og:image:alt"], path
    trade = pages(public_site)["trade/"]
    assert (trade.meta["og:title"], trade.meta["og:image"]) == (
        "Trade",
        PUBLIC + "charts/trade-turnover.png",
    )


def test_an_event_pages_card_describes_the_event(public_site):
    head = pages(public_site)["events/informal-meeting-2025-04/"]
    assert head.meta["og:title"].startswith("Informal meeting")
    assert head.meta["og:description"].startswith("Meeting informally, the two leaders")


def test_every_chart_and_event_page_has_an_anchor_and_a_cite_block(public_site):
    for path, head in pages(public_site).items():
        assert all(f and f.startswith("chart-") for f in head.figures), path
        expected = len(head.figures) + (1 if path.startswith("events/") else 0)
        assert head.cites == expected, path
    html = (public_site / "trade/index.html").read_text()
    assert "Turkmenistan–Kazakhstan relations since 1992. (n.d.). <em>Trade turnover" in html
    assert (
        "@online{chart-trade-turnover," in html and "url = {trade/#chart-trade-turnover}," in html
    )
    assert re.search(r"urldate = \{\d{4}(-\d\d){0,2}\},", html)


def test_the_edit_button_opens_the_data_file_in_the_repository_editor(public_site):
    site_pages = pages(public_site)
    assert site_pages["trade/"].edit == EDIT_BASE + "data/figures.yaml"
    assert site_pages["chapters/trade/"].edit == EDIT_BASE + "data/chapters/07-trade.md"
    assert site_pages["methodology/"].edit is None  # hand-written: no data file behind it


@pytest.fixture(scope="module", params=BUILDERS)
def sub_path_server(tmp_path_factory, request):
    """The site served under /report/, as GitHub Pages serves a project's site."""
    root = lay_out_project(tmp_path_factory.mktemp("subpath") / "project")
    port = free_port()
    base = f"http://127.0.0.1:{port}/report/"
    site = build(root, request.param, SITE_URL=base)
    served = root / "served"
    served.mkdir()
    shutil.move(site, served / "report")
    handler = functools.partial(QuietHandler, directory=str(served))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield base, served / "report"
    httpd.shutdown()


def test_instant_navigation_and_citations_work_under_a_sub_path(sub_path_server, browser):
    base, site = sub_path_server
    assert f"<loc>{base}trade/</loc>" in (site / "sitemap.xml").read_text()
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "trade/", wait_until="networkidle")
    page.evaluate("window.__same_document = true")
    page.locator("a.md-tabs__link:has-text('Timeline')").click()
    wait_until(page, "document.title.startsWith('Timeline')")
    assert page.evaluate("window.__same_document") is True, "navigation reloaded the page"
    assert page.url == base + "timeline/"
    block = page.locator("details.cite").first
    block.locator("summary").click()
    expected = base + "timeline/#chart-events"
    wait_until(
        page, f"document.querySelector('details.cite a.cite-url').textContent === {expected!r}"
    )
    assert f"url = {{{expected}}}," in block.locator("code").inner_text()
    # After instant navigation the theme writes links out in full: the copy under the sub-path.
    edit = page.locator("a.md-content__button[rel=edit]").get_attribute("href")
    assert edit == base + "downloads/events.yaml"
    context.close()
