"""The built site in a real browser (Debian's Chromium, or Playwright's, driven by Playwright).

Proves what static-site charts usually get wrong: requests to a CDN, blank charts after instant
navigation, charts that ignore dark mode, sideways scrolling on phones, nothing without
JavaScript, and accessibility. Screenshots of the key pages land in test-artifacts/screenshots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

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


def all_pages(site) -> list[str]:
    folder, _ = site
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    return [p.removesuffix("index.html") for p in pages] + ["404.html"]


def html_of(site, path: str) -> str:
    folder, _ = site
    return (folder / path if path.endswith(".html") else folder / path / "index.html").read_text()


def chart_pages(site) -> list[str]:
    return [p for p in all_pages(site) if 'class="report-chart"' in html_of(site, p)]


@dataclass
class Tab:
    """A browser tab, and the console errors and outside requests of the page it shows now.

    Moving it from page to page with `visit` keeps its cache, as a reader's tab does.
    """

    page: Page
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def visit(self, url: str, width: int = 1280) -> Page:
        self.errors.clear()
        self.outside.clear()
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.goto(url, wait_until="load")
        return self.page


def new_tab(browser, origin: str, width: int = 1280, **options) -> Tab:
    """A tab in a fresh context (no cache, no storage) that watches for errors and requests
    leaving `origin`."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    tab = Tab(context.new_page())
    tab.page.add_init_script(WATCH_CSP)
    site = origin.split("/", 3)[:3]
    tab.page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.page.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.page.on(
        "request",
        lambda r: (
            None
            if r.url.split("/", 3)[:3] == site or r.url.startswith("data:")
            else tab.outside.append(r.url)
        ),
    )
    return tab


def open_page(browser, url: str, width: int = 1280, **options) -> tuple[Page, list[str], list[str]]:
    """A fresh page at `url`; returns it with the console errors and outside requests seen."""
    tab = new_tab(browser, url, width, **options)
    tab.page.goto(url, wait_until="networkidle")
    return tab.page, tab.errors, tab.outside


def wait_for_charts(page: Page) -> None:
    """Every chart the reader can see is drawn live (one in a closed tab is drawn when it opens).

    A chart is drawn live when a reader reaches for it (draw_charts), or by itself when its
    picture shown does not fit its column (narrower than a phone's).
    """
    wait_until(
        page,
        """Array.from(document.querySelectorAll('figure.report-chart'))
             .filter(f => f.querySelector('.chart-live').clientWidth > 0)
             .every(f => f.classList.contains('chart-drawn'))""",
        timeout=60000,  # a bound, not a speed check: under load Vega takes seconds to start
        state="""({runtime: !!window.vegaRuntime,
                  fetched: performance.getEntriesByType('resource').map(e => e.name)
                             .filter(u => /vega-runtime|\\.vg\\.json|\\.woff2/.test(u)),
                  figures: Array.from(document.querySelectorAll('figure.report-chart'))
                    .map(f => ({id: f.id, classes: f.className, data: Object.assign({}, f.dataset),
                                waking: !!f._waking, live: !!f._vega,
                                width: f.querySelector('.chart-live').clientWidth}))})""",
    )


def draw_charts(page: Page) -> None:
    """Point at every chart the reader can see, as a reader would, and wait until all are live."""
    figures = page.locator("figure.report-chart")
    for n in range(figures.count()):
        if figures.nth(n).is_visible():
            figures.nth(n).hover()
    wait_for_charts(page)


def requested(page: Page) -> list[str]:
    """Every file the page has fetched so far (scripts, styles, images, data)."""
    return page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")


def asked_for_vega(page: Page) -> list[str]:
    return [u for u in requested(page) if "vega-runtime" in u or u.endswith(".vg.json")]


def file_names(urls: list[str]) -> list[str]:
    return [url.rsplit("/", 1)[1] for url in urls]


def asked_for_the_search_index(page: Page) -> list[str]:
    """Material's index (search/search_index.json) or Zensical's (search.json)."""
    return [u for u in requested(page) if u.endswith(("/search_index.json", "/search.json"))]


def mark_count(page: Page, figure: int = 0) -> int:
    return (
        page.locator("figure.report-chart")
        .nth(figure)
        .locator(
            ".chart-live svg.marks g[class*='mark-'] path, .chart-live svg.marks g[class*='mark-'] line"
        )
        .count()
    )


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


def test_pointing_at_a_chart_draws_it_live_with_tooltips_and_no_vega_lite(server, browser):
    page, errors, _ = open_page(browser, server + "trade/")
    figure = page.locator("figure.report-chart").first
    assert asked_for_vega(page) == []
    figure.hover()
    wait_for_charts(page)
    assert file_names(asked_for_vega(page)) == [
        "vega-runtime.js",
        "trade-turnover.vg.json",
    ]
    assert mark_count(page) > 0
    bar = figure.locator(".chart-live g.mark-rect path").first.bounding_box()
    page.mouse.move(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] - 2)
    wait_until(page, "!!document.querySelector('#vg-tooltip-element.visible')")
    assert "USD million" in page.locator("#vg-tooltip-element").inner_text()
    # The Vega-Lite compiler is never fetched: no Vega-Lite spec, no script holding it.
    assert not [u for u in requested(page) if u.endswith(".vl.json")]
    for url in [u for u in requested(page) if u.endswith(".js")]:
        assert "Invalid field type" not in page.request.get(url).text(), url  # a Vega-Lite message
    assert page.evaluate("typeof window.vegaLite") == "undefined"
    assert errors == []
    page.context.close()


def test_a_chart_whose_spec_failed_to_load_draws_when_reached_again(server, browser):
    """A request that fails (a dropped connection, a server hiccup) leaves the static picture and
    says why on the figure; the next time the reader reaches the chart it asks again and draws."""
    tab = new_tab(browser, server)
    refused = []

    def refuse_once(route):
        if refused:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.fulfill(status=503, body="busy")

    tab.page.route("**/*.vg.json", refuse_once)
    page = tab.visit(server + "trade/")
    figure = page.locator("figure.report-chart").first
    figure.hover()
    wait_until(page, "!!document.querySelector('figure.report-chart').dataset.chartError")
    assert "503" in figure.get_attribute("data-chart-error")
    assert "chart-drawn" not in figure.get_attribute("class")
    page.mouse.move(0, 0)
    figure.hover()
    wait_for_charts(page)
    assert figure.get_attribute("data-chart-error") is None
    assert mark_count(page) > 0
    assert file_names(refused) == ["trade-turnover.vg.json"]
    page.context.close()


def test_the_palette_toggle_rethemes_the_charts_without_a_reload(server, browser):
    page, _, _ = open_page(browser, server + "trade/")
    figure = page.locator("figure.report-chart").first
    toggle = page.locator("form[data-md-component=palette] label:visible")
    page.evaluate("window.__same_document = true")
    # A static chart swaps to its dark picture, without Vega.
    toggle.first.click()
    dark_picture = figure.locator("img.chart-static-dark")
    wait_until(page, "document.querySelector('img.chart-static-dark').naturalWidth > 0")
    assert dark_picture.is_visible() and not figure.locator("img.chart-static").is_visible()
    assert asked_for_vega(page) == []
    # A live chart is drawn with the dark spec, and back.
    figure.hover()
    wait_for_charts(page)
    assert figure.get_attribute("data-drawn-theme") == "dark"
    text_fill = page.locator(".chart-live svg text").first.evaluate("t => getComputedStyle(t).fill")
    assert text_fill not in ("rgb(0, 0, 0)", "#000000"), text_fill
    toggle.first.click()
    wait_until(page, "document.querySelector('figure.report-chart').dataset.drawnTheme === 'light'")
    wait_for_charts(page)
    assert not dark_picture.is_visible()
    assert page.evaluate("window.__same_document") is True
    page.context.close()


def test_instant_navigation_between_chart_pages_keeps_charts_drawn(server, browser):
    page, errors, _ = open_page(browser, server + "trade/")
    draw_charts(page)
    page.evaluate("window.__same_document = true")
    for tab, title in (("Timeline", "Timeline"), ("Overview", "Overview"), ("Trade", "Trade")):
        page.locator(f"a.md-tabs__link:has-text('{tab}')").click()
        # The address changes at the click; the title only once the new page is in place.
        wait_until(page, f"document.title.startsWith({title!r})")
        draw_charts(page)
        assert mark_count(page) > 0, tab
    assert page.evaluate("window.__same_document") is True, "navigation reloaded the page"
    assert errors == []
    page.context.close()


def test_a_chart_arriving_under_a_resting_mouse_draws(server, browser):
    """Instant navigation can put a chart under a mouse that does not move: it draws all the
    same. The links are clicked from the page's script, so the mouse stays where it is."""
    page, errors, _ = open_page(browser, server + "trade/")
    box = page.locator("figure.report-chart").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_for_charts(page)
    for tab, title in (("Overview", "Overview"), ("Trade", "Trade")):
        page.locator(f"a.md-tabs__link:has-text('{tab}')").evaluate("link => link.click()")
        wait_until(page, f"document.title.startsWith({title!r})")
    wait_for_charts(page)
    assert mark_count(page) > 0
    assert errors == []
    page.context.close()


def test_a_chart_in_a_hidden_tab_draws_when_the_tab_opens(server, browser):
    page, _, _ = open_page(browser, server)
    draw_charts(page)
    tabs = page.locator(".tabbed-labels label")
    assert tabs.count() >= 2, "the home page shows its charts in content tabs"
    tabs.nth(1).click()
    visible = page.locator(".tabbed-block").nth(1).locator("figure.report-chart")
    # Its static picture shows at once, at the column's width; pointed at, it is drawn live.
    picture = visible.locator("img.chart-static")
    wait_until(page, "document.querySelectorAll('.tabbed-block')[1].querySelector('img').complete")
    assert picture.evaluate("i => i.naturalWidth > 0 && i.getBoundingClientRect().width > 200")
    visible.hover()
    wait_for_charts(page)
    width = visible.locator(".chart-live svg.marks").evaluate(
        "svg => svg.getBoundingClientRect().width"
    )
    assert width > 200
    page.context.close()


def swipe_up_across(page, element) -> None:
    """A finger put down on the element that moves up 200 pixels: a scroll, not a tap."""
    box = element.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    touch = page.context.new_cdp_session(page)
    for kind, dy in (("touchStart", 0), ("touchMove", -100), ("touchMove", -200), ("touchEnd", 0)):
        points = [] if kind == "touchEnd" else [{"x": x, "y": y + dy}]
        touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
    touch.detach()


def test_a_phone_first_paints_pictures_made_for_it_and_loads_vega_only_for_a_tapped_chart(
    site, server, browser
):
    """At 360 pixels every chart shows the picture laid out for a phone's column, drawn at its
    own size, and neither the full-size pictures nor Vega are fetched. A tapped chart draws live
    in the same layout; widened past a phone's, it takes the full-size one."""
    tab = new_tab(browser, server, width=360, is_mobile=True, has_touch=True)
    for path in chart_pages(site):
        page = tab.visit(server + path, width=360)
        waits_for_the_reader(page, path, charted=True)
        pictures = page.locator("figure.report-chart img.chart-static:visible")
        for n in range(pictures.count()):
            shown = pictures.nth(n).evaluate(
                "i => [i.currentSrc, i.naturalWidth, i.getBoundingClientRect().width]"
            )
            assert shown[0].endswith(".phone.svg") and shown[1] == 328, (path, shown)
            assert shown[2] >= 0.8 * 328, (path, shown)  # its labels at 8 pixels or more
        full_size = [u for u in requested(page) if re.search(r"/charts/[^/.]+(\.dark)?\.svg$", u)]
        assert full_size == [], path
        loaded_cleanly(tab, path)
    page = tab.visit(server + "trade/", width=360)
    picture = page.locator("figure.report-chart img.chart-static")
    swipe_up_across(page, picture)
    page.wait_for_timeout(500)
    assert asked_for_vega(page) == [], "a finger scrolling across a chart woke it"
    picture.scroll_into_view_if_needed()
    picture.tap()
    wait_for_charts(page)
    assert file_names(asked_for_vega(page)) == [
        "vega-runtime.js",
        "trade-turnover.phone.vg.json",
    ]
    assert mark_count(page) > 0
    assert (
        page.locator(".chart-live svg.marks").evaluate("s => s.getBoundingClientRect().width")
        <= 328
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    wait_until(
        page,
        "document.querySelector('figure.report-chart').dataset.drawnSpec"
        ".endsWith('/charts/trade-turnover.vg.json')",
    )
    wait_for_charts(page)
    assert mark_count(page) > 0
    loaded_cleanly(tab, "trade/")
    tab.page.context.close()


def test_a_column_narrower_than_any_picture_draws_its_chart_live(server, browser):
    """At 280 pixels the phone's picture would be drawn below 0.8 of its size: Vega draws the
    chart, in the phone's layout, without waiting for the reader."""
    page, errors, _ = open_page(browser, server + "trade/", width=280)
    wait_for_charts(page)
    assert file_names(asked_for_vega(page)) == [
        "vega-runtime.js",
        "trade-turnover.phone.vg.json",
    ]
    assert mark_count(page) > 0
    assert errors == []
    page.context.close()


def test_a_phone_gets_its_picture_in_the_dark_palette_and_without_javascript(server, browser):
    page, _, _ = open_page(browser, server + "trade/", width=360, color_scheme="dark")
    wait_until(page, "document.querySelector('img.chart-static-dark').naturalWidth > 0")
    dark = page.locator("figure.report-chart img.chart-static-dark")
    assert dark.is_visible()
    assert dark.evaluate("i => i.currentSrc").endswith("/charts/trade-turnover.phone.dark.svg")
    assert asked_for_vega(page) == []
    page.context.close()
    page, _, _ = open_page(browser, server + "trade/", width=360, java_script_enabled=False)
    light = page.locator("figure.report-chart img.chart-static")
    assert light.evaluate("i => i.complete && i.naturalWidth === 328")
    assert light.evaluate("i => i.currentSrc").endswith("/charts/trade-turnover.phone.svg")
    page.context.close()


# The innermost elements that reach past the window's right edge, to say what to fix.
WIDER_THAN_THE_WINDOW = """
Array.from(document.body.querySelectorAll('*'))
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .filter((e, _, all) => !all.some(other => other !== e && e.contains(other)))
  .slice(0, 5)
  .map(e => `${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''} ` +
    `right=${Math.round(e.getBoundingClientRect().right)}: ${e.textContent.trim().slice(0, 60)}`)
"""


# The tour of every page is split in shards, so that pytest-xdist's workers share it.
TOUR_SHARDS = 4


@pytest.mark.parametrize("shard", range(TOUR_SHARDS))
def test_every_page_on_one_visit(site, server, browser, shard):
    """Each page is loaded once and checked for all a page owes its reader.

    One tab goes from page to page, its cache kept as a reader's is: a fresh context per page
    cost three times the CPU, for the same checks.

    It loads without a script error, a Content-Security-Policy complaint or a request that leaves
    the site; its first paint is the static chart, with Vega and the search index left until a
    reader asks; its charts, once pointed at, draw with marks; axe finds no serious or critical
    violation, charts drawn; and narrowed to a phone's 360 pixels it does not scroll sideways.
    A chart page is also loaded fresh at 360 pixels, where its first paint is the pictures made
    for a phone, Vega still left until a reader asks, and must still not scroll sideways.
    """
    charted = set(chart_pages(site))
    axe = Axe()
    wide, narrow = new_tab(browser, server), new_tab(browser, server, width=360)
    for path in all_pages(site)[shard::TOUR_SHARDS]:
        check_one_page(wide, narrow, server, path, path in charted, axe)
    wide.page.context.close()
    narrow.page.context.close()


def untimed(name: str, action, *args):
    return action(*args)


def check_one_page(
    wide: Tab, narrow: Tab, server: str, path: str, charted: bool, axe: Axe, step=untimed
) -> None:
    """The tour's checks of one page, each run as `step(name, action, *args)`: the test runs them
    as they are, benchmarks/tour_profile.py times each."""
    page = step("load the page", wide.visit, server + path)
    step("wait for its scripts", waits_for_the_reader, page, path, charted)
    if charted:
        step("point at its charts", draws_every_chart, page, path)
    step("axe-core", passes_axe, page, path, axe)
    page.set_viewport_size({"width": 360, "height": 900})
    if charted:
        step("phone width checks", wait_for_charts, page)
    step("phone width checks", fits_a_phone, page, path)
    loaded_cleanly(wide, path)
    if charted:
        page = step("load the page", narrow.visit, server + path, 360)
        step("wait for its scripts", waits_for_the_reader, page, path, True)
        step("phone width checks", fits_a_phone, page, path)
        loaded_cleanly(narrow, path)


def loaded_cleanly(tab: Tab, path: str) -> None:
    expected = ["404"] if path == "404.html" else []  # the 404 page is served with a 200 here
    assert [e for e in tab.errors if not any(x in e for x in expected)] == [], path
    assert tab.outside == [], path
    assert tab.page.evaluate("window.__csp") == [], path  # the page's Content-Security-Policy


def waits_for_the_reader(page: Page, path: str, charted: bool) -> None:
    """The first paint is the static chart; Vega and the search index wait for the reader."""
    wait_for_page_scripts(page)
    page.wait_for_timeout(200)  # a chart that wakes by itself would have asked by now
    assert asked_for_vega(page) == [], path
    assert page.locator("script[src$='vega-runtime.js']").count() == 0, path
    assert asked_for_the_search_index(page) == [], path
    if charted:
        pictures = page.locator("figure.report-chart img.chart-static:visible")
        assert pictures.count() > 0, path
        for n in range(pictures.count()):
            assert pictures.nth(n).evaluate("i => i.complete && i.naturalWidth > 0"), path
        assert page.locator("img.chart-static-dark:visible").count() == 0, path


def draws_every_chart(page: Page, path: str) -> None:
    draw_charts(page)
    figures = page.locator("figure.report-chart")
    for n in range(figures.count()):
        if figures.nth(n).is_visible():
            assert mark_count(page, n) > 0, (path, n)


def passes_axe(page: Page, path: str, axe: Axe) -> None:
    results = axe.run(page)
    serious = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], (path, serious)


def fits_a_phone(page: Page, path: str) -> None:
    """The page settles at the window's width: nothing makes it scroll sideways.

    Settles: under a loaded machine's CI one page measured 13 pixels too wide once, and never
    again, in the middle of its scripts' work. A page that stays too wide fails, naming what
    sticks out.
    """
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    wait_until(
        page,
        f"{overflow} <= 0",
        timeout=5000,
        state=f"({{tooWide: {overflow}, sticksOut: {WIDER_THAN_THE_WINDOW.strip()}}})",
    )


def test_without_javascript_the_static_chart_and_its_table_are_there(site, server, browser):
    for path in chart_pages(site):
        page, _, _ = open_page(browser, server + path, java_script_enabled=False)
        images = page.locator("figure.report-chart img.chart-static")
        assert images.count() == page.locator("figure.report-chart").count()
        for n in range(images.count()):
            assert images.nth(n).evaluate("img => img.complete && img.naturalWidth > 0"), (path, n)
            assert images.nth(n).get_attribute("alt"), (path, n)
        assert page.locator("details.chart-data table tbody tr").count() > 0, path
        page.context.close()


@pytest.mark.parametrize("width", (1280, 360))  # two tests, so parallel workers share them
def test_screenshots_of_the_key_pages(server, browser, builder, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for path in KEY_PAGES:
        page, _, _ = open_page(browser, server + path, width=width)
        draw_charts(page)
        name = (path.strip("/") or "home").replace("/", "-")
        target = ARTIFACTS / f"{builder}-{name}-{width}.png"
        # a bound, not a speed check: a loaded machine took over 30 s for a long page
        page.screenshot(path=str(target), full_page=True, timeout=120_000)
        assert target.stat().st_size > 10_000
        page.context.close()


@dataclass(frozen=True)
class SearchUI:
    """Where a builder's search is: what a reader clicks to open it, the box, and the results.

    Zensical draws its search dialog in a shadow root, with generated class names, so it is
    found by its ARIA roles (Playwright's CSS selectors reach into open shadow roots).
    """

    opener: str
    box: str
    results: str
    result: str
    shortcuts: tuple[str, ...]  # keys that open the search, from anywhere on the page


SEARCH_UI = {
    "mkdocs": SearchUI(
        opener="input.md-search__input",  # at desktop width the box is in the header
        box="input.md-search__input",
        results=".md-search-result",
        result=".md-search-result__item",
        shortcuts=("/", "s"),
    ),
    "zensical": SearchUI(
        opener="button.md-search__button",
        box="dialog[aria-label=Search] input[role=combobox]",
        results="dialog[aria-label=Search] ol[role=listbox]",
        result="dialog[aria-label=Search] a[role=option]",
        shortcuts=("/", "Control+k"),
    ),
}


def search_for(page: Page, ui: SearchUI, query: str) -> str:
    """Type `query` in the open search box; the results' text once there are some."""
    box = page.locator(ui.box)
    box.fill(query)
    results = page.locator(ui.result)
    # Material drops a query typed before its search worker is ready, so type it again until
    # the worker answers (a reader would simply keep typing).
    for _ in range(20):
        if results.count():
            break
        box.press("End")
        box.press("Backspace")
        box.type(query[-1])
        page.wait_for_timeout(500)
    return page.locator(ui.results).inner_text()


@pytest.mark.parametrize("spelling", ["Berdimuhamedov", "Berdymukhamedov", "Berdimuhamedow"])
def test_search_finds_a_name_in_any_of_its_spellings(server, browser, builder, spelling):
    ui = SEARCH_UI[builder]
    page, _, _ = open_page(browser, server)
    page.locator(ui.opener).click()
    assert "Gurbanguly Berdimuhamedov" in search_for(page, ui, spelling)
    page.context.close()


def test_each_search_shortcut_opens_the_search_at_the_first_press(server, browser, builder):
    """The index waits for the reader (search-on-open.js), yet each of the theme's keyboard
    shortcuts still opens the search at once, on a page that has not fetched the index."""
    ui = SEARCH_UI[builder]
    for key in ui.shortcuts:
        page, errors, _ = open_page(browser, server + "trade/")
        assert asked_for_the_search_index(page) == [], key
        page.keyboard.press(key)
        page.locator(ui.box).wait_for(state="visible")
        assert page.locator(ui.box).evaluate("box => box.getRootNode().activeElement === box"), key
        assert "Serdar Berdimuhamedov" in search_for(page, ui, "Serdar"), key
        assert errors == [], key
        page.context.close()


def test_a_generated_pages_edit_button_opens_the_yaml_behind_it(server, browser):
    page, _, _ = open_page(browser, server + "trade/")
    href = page.locator("a.md-content__button[title='Edit this page']").evaluate("a => a.href")
    text = page.request.get(href).text()  # a browser downloads YAML rather than showing it
    assert "generated by `python -m generator build`: a copy of data/figures.yaml" in text
    assert "id: turnover-2023" in text
    page.context.close()


def test_print_shows_the_static_chart_not_the_live_one(server, browser):
    page, _, _ = open_page(browser, server + "trade/")
    draw_charts(page)
    page.emulate_media(media="print")
    figure = page.locator("figure.report-chart").first
    assert figure.locator("img.chart-static").is_visible()
    assert not figure.locator(".chart-live").is_visible()
    page.context.close()


def test_each_event_has_a_tagged_page_listed_in_the_tags_index(site, server, browser):
    page, _, _ = open_page(browser, server + "tags/")
    text = page.locator("article").inner_text()
    assert "Meeting" in text and "kind:" not in text and "Kassym-Jomart Tokayev" in text
    page.locator("article a:has-text('Informal meeting')").first.click()
    wait_until(page, "document.title.startsWith('Informal meeting')")
    assert page.locator("article .md-tag").count() >= 3
    page.context.close()


def test_the_404_page_offers_a_way_on(server, browser):
    page, _, _ = open_page(browser, server + "404.html")
    assert "Page not found" in page.locator("article").inner_text()
    assert page.locator("article a[href$='timeline/']").count() == 1
    page.context.close()


def test_a_table_of_details_draws_no_empty_header_row(server, browser):
    """A source's details are a two-column table whose Markdown header row is empty: it is not
    drawn, while the tables with headings keep them."""
    page, _, _ = open_page(browser, server + "sources/")
    assert page.locator("article table thead").count() > 10
    assert [head.inner_text().strip() for head in shown_table_heads(page)] == []
    page.goto(server + "claims/")
    heads = shown_table_heads(page)
    assert heads and all(head.inner_text().strip() for head in heads)
    page.context.close()


def shown_table_heads(page: Page) -> list:
    heads = page.locator("article table thead")
    return [heads.nth(n) for n in range(heads.count()) if heads.nth(n).is_visible()]
