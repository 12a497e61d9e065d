"""Fixtures: a copy of the real project in tmp_path, so tests can break its data freely."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from benchmarks.scale import lay_out_project  # the benchmarks copy the project the same way
from scripts.ensure_browser import MESSAGE, find_chromium

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return lay_out_project(tmp_path / "project")


@pytest.fixture(scope="session")
def repo_build():
    """`build(REPO, write=False)`, run once: what the generator makes of the repository now.

    For tests that only read the result; a build whose run is the point is done in its test.
    """
    from generator.build import build

    return build(REPO, write=False)


def build_site_for(root: Path, base: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` with site_url set to `base`, where the tests will serve it.

    Material's instant navigation only follows links listed in the sitemap, which carries the
    site_url's port.
    """
    (root / "test.yml").write_text(f"INHERIT: mkdocs.yml\nsite_url: {base}\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "test.yml"]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)


def zensical_build_for(root: Path, base: str) -> subprocess.CompletedProcess:
    """`zensical build --strict` (as `make site-zensical`) into root/site, with site_url `base`.

    Zensical runs no hooks: it builds docs/ as they are, which are committed and proved current
    (test_content.py), as `make site-zensical` runs the generator first.
    """
    (root / "test-zensical.yml").write_text(
        f"INHERIT: zensical.yml\nsite_url: {base}\nsite_dir: site\n"
    )
    command = zensical_build_command(root, "test-zensical.yml")
    return subprocess.run(command, cwd=root, capture_output=True, text=True)


def zensical_build_command(root: Path, config: str = "zensical.yml") -> list[str]:
    """`make site-zensical`'s build of `root` from `config`, which may inherit the project's
    zensical.yml (copied into `root` here)."""
    shutil.copy(REPO / "zensical.yml", root / "zensical.yml")
    return [sys.executable, "-m", "zensical", "build", "--strict", "-f", config]


def wait_until(page, expression: str, timeout: float = 30000, state: str = "null") -> None:
    """Poll a JavaScript expression from Python until it is true.

    Playwright's `wait_for_function` compiles its predicate inside the page, which the site's
    Content-Security-Policy (no 'unsafe-eval') refuses once it has to poll on a slow machine;
    `page.evaluate` goes through the debugging protocol, which the policy does not cover.
    On failure the message shows what the JavaScript expression `state` finds in the page.
    """
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, (
            f"{page.url}: still false after {timeout / 1000:g} s: {expression}\n"
            f"the page has: {page.evaluate(state)}"
        )
        page.wait_for_timeout(100)


def snapshot(*folders: Path) -> dict[str, bytes]:
    """Every file under the folders with its bytes, to prove nothing changed."""
    files = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files[str(path)] = path.read_bytes()
    return files


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Collects the page's Content-Security-Policy violations in window.__csp, from the first script on.
WATCH_CSP = (
    "window.__csp = []; document.addEventListener('securitypolicyviolation',"
    " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI))"
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class BuiltSite:
    """A copy of the project, built into root/site, which is served at `base`."""

    root: Path
    base: str

    @property
    def folder(self) -> Path:
        return self.root / "site"


def site_server(folder: Path) -> http.server.ThreadingHTTPServer:
    """A server for `folder` on a port of its own, bound but not serving yet.

    Bound before the site is built for its address, so no other process can take the port
    in between (the tests run in parallel).
    """
    handler = functools.partial(QuietHandler, directory=str(folder))
    return http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)


def serve_built(root: Path, build) -> Iterator[BuiltSite]:
    """Build the project at `root` with `build(root, base)` for the address it is served at."""
    httpd = site_server(root / "site")
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    result = build(root, base)
    assert result.returncode == 0, result.stdout + result.stderr
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield BuiltSite(root, base)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def mkdocs_site(tmp_path_factory) -> Iterator[BuiltSite]:
    """The project built once with `mkdocs build --strict` for the address it is served at.

    Read it, never change it: a test that changes a built project takes `built`, its own copy.
    Each pytest-xdist worker builds and serves its own.
    """
    root = lay_out_project(tmp_path_factory.mktemp("mkdocs-site") / "project")
    yield from serve_built(root, build_site_for)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Iterator[BuiltSite]:
    """The project built once with `zensical build --strict`, served; read it, never change it."""
    root = lay_out_project(tmp_path_factory.mktemp("zensical-site") / "project")
    yield from serve_built(root, zensical_build_for)


BUILDERS = ["mkdocs", "zensical"]


@pytest.fixture(scope="session", params=BUILDERS)
def builder(request) -> str:
    """The builder whose site the browser tests read: each test runs once for each.

    Its site comes from the session fixture `<builder>_site`, a BuiltSite, served.
    """
    return request.param


@pytest.fixture(scope="session")
def served_site(builder: str, request) -> BuiltSite:
    """The built site the browser tests read, served; shared by every test of the session."""
    return request.getfixturevalue(f"{builder}_site")


@pytest.fixture
def built(mkdocs_site: BuiltSite, tmp_path: Path) -> Path:
    """A project of its own after a real `mkdocs build --strict`, free to change.

    A copy of the session's build (data, docs, site and any build cache), not a build of its
    own: the build is the same, and copying it takes a fraction of the time.
    """
    root = tmp_path / "project"
    shutil.copytree(mkdocs_site.root, root, symlinks=True)
    return root


@pytest.fixture(scope="session")
def browser():
    """The Chromium `make test` found or installed (scripts/ensure_browser.py)."""
    with sync_playwright() as playwright:
        chromium = find_chromium(playwright)
        if chromium is None:
            pytest.fail(MESSAGE, pytrace=False)
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
