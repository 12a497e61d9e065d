"""The built site in a real browser (Debian's Chromium, or Playwright's, driven by Playwright).

Proves what static-site charts usually get wrong: requests to a CDN, blank charts after instant
navigation, charts that ignore dark mode, sideways scrolling on phones, nothing without
JavaScript, and accessibility. Screenshots of the key pages land in test-artifacts/screenshots.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import REPO, WATCH_CSP, wait_until

ARTIFACTS = REPO / "test-artifacts" / "screenshots"
KEY_PAGES = ["", "timeline/", "trade/", "targets/", "claims/", "sources/"]


@pytest.fixture(scope="session")
def site(served_site) -> tuple[Path, str]:
    """The built site's folder and the address it is served at (see `served_site`)."""
    return served_site.folder, served_site.base


@pytest.fixture(scope="session")
def server(served_site) -> str:
    return served_site.base


class Contexts:
    """The contexts of one test: one per set of options (viewport, JavaScript), made when asked.

    The pages a test opens in turn share a context, as tabs of one reader share the browser's
    cache and storage, which spares starting a profile for each page; no two tests share one.
    """

    def __init__(self, browser: Browser):
        self.browser = browser
        self.made: dict[str, BrowserContext] = {}

    def new_context(self, **options) -> BrowserContext:
        key = repr(sorted(options.items()))
        if key not in self.made:
            self.made[key] = self.browser.new_context(**options)
        return self.made[key]

    def close(self) -> None:
        for context in self.made.values():
            context.close()


@pytest.fixture
def browser(browser: Browser):
    """The session's Chromium as one test sees it: pages of one test share a context."""
    contexts = Contexts(browser)
    yield contexts
    contexts.close()


def all_pages(site) -> list[str]:
    folder, _ = site
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    return [p.removesuffix("index.html") for p in pages] + ["404.html"]


def html_of(site, path: str) -> str:
    folder, _ = site
    return (folder / path if path.endswith(".html") else folder / path / "index.html").read_text()


def chart_pages(site) -> list[str]:
    return [p for p in all_pages(site) if 'class="report-chart"' in html_of(site, p)]


def open_page(browser, url: str, width: int = 1280, **options) -> tuple[Page, list[str], list[str]]:
    """A fresh page at `url`; returns it with the console errors and outside requests seen."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    errors: list[str] = []
    outside: list[str] = []
    origin = url.split("/", 3)[:3]
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: (
            None
            if r.url.split("/", 3)[:3] == origin or r.url.startswith("data:")
            else outside.append(r.url)
        ),
    )
    page.goto(url, wait_until="networkidle")
    return page, errors, outside


def wait_for_charts(page: Page) -> None:
    """Every chart the reader can see is drawn (one in a closed tab is drawn when it opens)."""
    wait_until(
        page,
        """Array.from(document.querySelectorAll('figure.report-chart'))
             .filter(f => f.querySelector('.chart-live').clientWidth > 0)
             .every(f => f.classList.contains('chart-drawn'))""",
        timeout=15000,
    )


def mark_count(page: Page, figure: int = 0) -> int:
    return (
        page.locator("figure.report-chart")
        .nth(figure)
        .locator(
            ".chart-live svg.marks g[class*='mark-'] path, .chart-live svg.marks g[class*='mark-'] line"
        )
        .count()
    )


def test_every_page_loads_without_errors_or_requests_outside_the_site(site, server, browser):
    for path in all_pages(site):
        page, errors, outside = open_page(browser, server + path)
        expected_errors = (
            ["404"] if path == "404.html" else []
        )  # the 404 page is served with a 200 here
        assert [e for e in errors if not any(x in e for x in expected_errors)] == [], path
        assert outside == [], path
        assert page.evaluate("window.__csp") == [], path  # the page's Content-Security-Policy
        page.close()


def wait_for_page_scripts(page: Page) -> None:
    """Material's `document$` has emitted, so charts.js has asked for what the page needs.

    On a long page that can come after the network has been quiet for a while.
    """
    page.evaluate(
        """() => new Promise(resolve => {
             const wait = () => window.document$ ? window.document$.subscribe(resolve)
                                                 : setTimeout(wait, 50);
             wait();
           })"""
    )


def test_pages_without_charts_do_not_load_the_chart_bundle(site, server, browser):
    charted = set(chart_pages(site))
    for path in all_pages(site):
        page, _, _ = open_page(browser, server + path)
        wait_for_page_scripts(page)
        asked = page.locator("script[src$='vega-bundle.js']").count() > 0
        assert asked == (path in charted), path
        page.close()


def test_every_chart_draws_with_marks(site, server, browser):
    pages = chart_pages(site)
    assert pages, "no page has a chart"
    for path in pages:
        page, errors, _ = open_page(browser, server + path)
        wait_for_charts(page)
        for n in range(page.locator("figure.report-chart").count()):
            if page.locator("figure.report-chart").nth(n).is_visible():
                assert mark_count(page, n) > 0, (path, n)
        assert errors == [], path
        page.close()


def test_the_palette_toggle_rethemes_the_charts_without_a_reload(server, browser):
    page, _, _ = open_page(browser, server + "trade/")
    wait_for_charts(page)
    figure = page.locator("figure.report-chart").first
    assert figure.get_attribute("data-drawn-theme") == "light"
    page.evaluate("window.__same_document = true")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    wait_until(page, "document.querySelector('figure.report-chart').dataset.drawnTheme === 'dark'")
    page.wait_for_timeout(300)
    text_fill = page.locator(".chart-live svg text").first.evaluate("t => getComputedStyle(t).fill")
    assert text_fill not in ("rgb(0, 0, 0)", "#000000"), text_fill
    assert page.evaluate("window.__same_document") is True
    page.close()


def test_instant_navigation_between_chart_pages_keeps_charts_drawn(server, browser):
    page, errors, _ = open_page(browser, server + "trade/")
    wait_for_charts(page)
    page.evaluate("window.__same_document = true")
    for tab, title in (("Timeline", "Timeline"), ("Overview", "Overview"), ("Trade", "Trade")):
        page.locator(f"a.md-tabs__link:has-text('{tab}')").click()
        # The address changes at the click; the title only once the new page is in place.
        wait_until(page, f"document.title.startsWith({title!r})")
        wait_for_charts(page)
        assert mark_count(page) > 0, tab
    assert page.evaluate("window.__same_document") is True, "navigation reloaded the page"
    assert errors == []
    page.close()


def test_a_chart_in_a_hidden_tab_draws_when_the_tab_opens(server, browser):
    page, _, _ = open_page(browser, server)
    wait_for_charts(page)
    tabs = page.locator(".tabbed-labels label")
    assert tabs.count() >= 2, "the home page shows its charts in content tabs"
    tabs.nth(1).click()
    page.wait_for_timeout(500)
    visible = page.locator(".tabbed-block").nth(1).locator("figure.report-chart")
    width = visible.locator(".chart-live svg.marks").evaluate(
        "svg => svg.getBoundingClientRect().width"
    )
    assert width > 200
    page.close()


def test_no_page_scrolls_sideways_at_360_pixels(site, server, browser):
    for path in all_pages(site):
        page, _, _ = open_page(browser, server + path, width=360)
        if path in chart_pages(site):
            wait_for_charts(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
        page.close()


def test_without_javascript_the_static_chart_and_its_table_are_there(site, server, browser):
    for path in chart_pages(site):
        page, _, _ = open_page(browser, server + path, java_script_enabled=False)
        images = page.locator("figure.report-chart img.chart-static")
        assert images.count() == page.locator("figure.report-chart").count()
        for n in range(images.count()):
            assert images.nth(n).evaluate("img => img.complete && img.naturalWidth > 0"), (path, n)
            assert images.nth(n).get_attribute("alt"), (path, n)
        assert page.locator("details.chart-data table tbody tr").count() > 0, path
        page.close()


def test_axe_finds_no_serious_or_critical_violation(site, server, browser):
    axe = Axe()
    for path in all_pages(site):
        page, _, _ = open_page(browser, server + path)
        if path in chart_pages(site):
            wait_for_charts(page)
        results = axe.run(page)
        serious = [
            (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], (path, serious)
        page.close()


def test_screenshots_of_the_key_pages(server, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 360):
        for path in KEY_PAGES:
            page, _, _ = open_page(browser, server + path, width=width)
            wait_for_charts(page)
            name = (path.strip("/") or "home").replace("/", "-")
            target = ARTIFACTS / f"{name}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
            page.close()


@pytest.mark.parametrize("spelling", ["Berdimuhamedov", "Berdymukhamedov", "Berdimuhamedow"])
def test_search_finds_a_name_in_any_of_its_spellings(server, browser, spelling):
    page, _, _ = open_page(browser, server)
    box = page.locator("input.md-search__input")
    box.click()  # at desktop width the box is in the header
    box.fill(spelling)
    results = page.locator(".md-search-result__item")
    # Material drops a query typed before its search worker is ready, so type it again until
    # the worker answers (a reader would simply keep typing).
    for _ in range(20):
        if results.count():
            break
        box.press("End")
        box.press("Backspace")
        box.type(spelling[-1])
        page.wait_for_timeout(500)
    assert "Gurbanguly Berdimuhamedov" in page.locator(".md-search-result").inner_text()
    page.close()


def test_a_generated_pages_edit_button_opens_the_yaml_behind_it(server, browser):
    page, _, _ = open_page(browser, server + "trade/")
    href = page.locator("a.md-content__button[title='Edit this page']").evaluate("a => a.href")
    text = page.request.get(href).text()  # a browser downloads YAML rather than showing it
    assert "generated by `python -m generator build`: a copy of data/figures.yaml" in text
    assert "id: turnover-2023" in text
    page.close()


def test_print_shows_the_static_chart_not_the_live_one(server, browser):
    page, _, _ = open_page(browser, server + "trade/")
    wait_for_charts(page)
    page.emulate_media(media="print")
    figure = page.locator("figure.report-chart").first
    assert figure.locator("img.chart-static").is_visible()
    assert not figure.locator(".chart-live").is_visible()
    page.close()


def test_each_event_has_a_tagged_page_listed_in_the_tags_index(site, server, browser):
    page, _, _ = open_page(browser, server + "tags/")
    text = page.locator("article").inner_text()
    assert "Meeting" in text and "kind:" not in text and "Kassym-Jomart Tokayev" in text
    page.locator("article a:has-text('Informal meeting')").first.click()
    wait_until(page, "document.title.startsWith('Informal meeting')")
    assert page.locator("article .md-tag").count() >= 3
    page.close()


def test_the_404_page_offers_a_way_on(server, browser):
    page, _, _ = open_page(browser, server + "404.html")
    assert "Page not found" in page.locator("article").inner_text()
    assert page.locator("article a[href$='timeline/']").count() == 1
    page.close()
