"""Hostile text in every text field of every record reaches the browser as text.

Every free-text field of every record gets a payload (script tags, event handlers, javascript:
links, attribute lists, footnote marks, table pipes, block syntax); a seed article holding HTML
is quoted. The site must build with `mkdocs build --strict`, and in Chromium no dialog opens, no
element or attribute is injected, no policy is violated, and each payload reads back whole.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML

from generator import model

from .conftest import WATCH_CSP, build_site_for, lay_out_project, site_server
from .payloads import payload, shown

# Both tests read one poisoned build: under pytest-xdist they run in the same process.
pytestmark = pytest.mark.xdist_group("hostile")

KEEP = {"id", "quote", "file", "sha256"}  # checked against other files, not free text
SEED_HTML = (
    "Ashgabat, 1 May 2025. <script>alert('seed')</script> Trade rose, said the "
    "<img src=x onerror=alert('seed-img') data-pwned> ministry | [more](javascript:alert(1)).\n"
)
SEED_QUOTE = "<script>alert('seed')</script> Trade rose, said the <img src=x onerror=alert('seed-img') data-pwned> ministry"


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    return yaml


def poison(root: Path) -> dict[str, str]:
    """Add a payload to every field that takes free text; returns {payload marker: payload}."""
    planted: dict[str, str] = {}
    for name, record_type in model.FILES.items():
        path = root / "data" / name
        records = _yaml().load(path.read_text("utf-8"))
        adapter = TypeAdapter(record_type)
        for record in records:
            for container, key in list(_string_leaves(record)):
                original = container[key]
                text = payload(len(planted))
                # After the field's own words, so what the chapters quote from a record (the
                # numbers they are checked against) is still there.
                container[key] = f"{original} {text}"
                try:
                    adapter.validate_python(record)
                except ValidationError:
                    container[key] = original  # an id, a date, an enum: not free text
                else:
                    planted[text.split(" ", 1)[0]] = text
        with path.open("w", encoding="utf-8") as out:
            _yaml().dump(records, out)
    _add_hostile_seed(root)
    return planted


def _string_leaves(node: Any):
    """(container, key) of every string in a record, outside the fields that are not text."""
    items = node.items() if hasattr(node, "items") else enumerate(node)
    for key, value in list(items):
        if key in KEEP:
            continue
        if isinstance(value, str):
            yield node, key
        elif isinstance(value, dict | list):
            yield from _string_leaves(value)


def _add_hostile_seed(root: Path) -> None:
    """A held article with HTML in it, quoted by the first event."""
    (root / "seeds" / "hostile.txt").write_text(SEED_HTML, "utf-8")
    digest = hashlib.sha256(SEED_HTML.encode()).hexdigest()
    sources = root / "data" / "sources.yaml"
    data = _yaml().load(sources.read_text("utf-8"))
    data.append(
        {
            "kind": "seed",
            "id": "hostile-seed",
            "title": "<b>A held article</b>",
            "published": "2025-05-01",
            "file": "hostile.txt",
            "sha256": digest,
            "summary": "An article with HTML in its text.",
        }
    )
    with sources.open("w", encoding="utf-8") as out:
        _yaml().dump(data, out)
    events = root / "data" / "events.yaml"
    data = _yaml().load(events.read_text("utf-8"))
    data[0]["cite"].append({"source": "hostile-seed", "quote": SEED_QUOTE})
    with events.open("w", encoding="utf-8") as out:
        _yaml().dump(data, out)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The project with payloads everywhere, built with `mkdocs build --strict` for the port it
    is served at (bound first, so no other test can take it meanwhile)."""
    root = lay_out_project(tmp_path_factory.mktemp("hostile") / "project")
    planted = poison(root)
    httpd = site_server(root / "site")
    port = httpd.server_address[1]
    result = build_site_for(root, f"http://127.0.0.1:{port}/")
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield root, port, planted, result
    httpd.shutdown()
    httpd.server_close()


def test_hostile_text_in_every_field_builds_with_mkdocs_strict(hostile):
    root, _, planted, result = hostile
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(planted) > 500, "payloads went into too few fields"


INJECTED = """() => Array.from(document.querySelectorAll(
    '[data-pwned], [onerror], [onload], [onclick], iframe, #injected-anchor, style:not([id]),' +
    'a[href^="javascript:" i], img[src^="javascript:" i], script:not([src]):not([type="application/json"])'
  )).map(e => e.outerHTML.slice(0, 120))"""
SPLIT_ROWS = """() => Array.from(document.querySelectorAll('article table')).flatMap(t => {
    const width = t.rows[0].cells.length;
    return Array.from(t.rows).filter(r => r.cells.length !== width).map(r => r.textContent.slice(0, 80));
  })"""
READER_TEXT = """() => {
    const article = document.querySelector('article').cloneNode(true);
    article.querySelectorAll('.chart-live, .headerlink, .footnote-backref').forEach(e => e.remove());
    return (document.title + ' ' + article.textContent).replace(/\\s+/g, ' ');
  }"""


def test_hostile_text_reaches_the_browser_as_text(hostile, browser):
    root, port, planted, result = hostile
    assert result.returncode == 0, result.stderr[-3000:]
    site = root / "site"
    titles = {
        e["id"]: e["title"] for e in _yaml().load((root / "data" / "events.yaml").read_text())
    }
    seen = _visit_every_page(browser, f"http://127.0.0.1:{port}/", site, titles)
    found = {marker for marker in planted if f"{marker} " in seen}
    assert len(found) > 0.9 * len(planted), sorted(set(planted) - found)[:20]
    broken = [
        (marker, seen[seen.index(marker) : seen.index(marker) + 80])
        for marker in sorted(found)
        if shown(planted[marker]) not in seen
    ]
    assert broken == []
    assert shown(SEED_QUOTE) in seen


def _visit_every_page(browser, base: str, site: Path, titles: dict[str, str]) -> str:
    """Open every page; fail on a dialog, an injected node, a split row or a policy violation.

    An event page's title comes from its front matter: it must be the event's title, whole.
    """
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    texts = []
    paths = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    for path in paths:
        url = base + ("" if path == "." else path + "/")
        page.goto(url, wait_until="load")
        assert page.evaluate(INJECTED) == [], url
        assert page.evaluate(SPLIT_ROWS) == [], url
        assert page.evaluate("window.__csp") == [], url
        if path.startswith("events/"):
            title = shown(titles[path.removeprefix("events/")])
            assert page.title().startswith(f"{title} - "), (url, page.title())
            assert page.locator("article .md-tag").count() >= 1, url
        texts.append(page.evaluate(READER_TEXT))
    page.wait_for_timeout(500)  # a late onerror handler would have fired by now
    assert dialogs == []
    context.close()
    return " ".join(texts)
