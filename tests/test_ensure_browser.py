"""`make test` finds the browser its tests drive, or says in one line what to install."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import scripts.ensure_browser as ensure_browser_module
from scripts.ensure_browser import MESSAGE

from .conftest import REPO

SCRIPT = REPO / "scripts" / "ensure_browser.py"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_browser(tmp_path: Path, chromium: Path) -> subprocess.CompletedProcess:
    """The script on a machine without apt-get, with no Playwright browser and no way to get one."""
    empty = tmp_path / "empty"
    empty.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "CHROMIUM": str(chromium),
        "PATH": str(empty),  # no apt-get here
        "PLAYWRIGHT_BROWSERS_PATH": str(empty),  # no browser Playwright downloaded before
        "PLAYWRIGHT_DOWNLOAD_HOST": f"http://127.0.0.1:{closed_port()}",  # nor a way to now
    }
    command = [sys.executable, str(SCRIPT)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def test_with_no_browser_and_no_way_to_install_one_it_names_what_to_install_in_one_line(tmp_path):
    result = ensure_browser(tmp_path, tmp_path / "no-such-chromium")
    assert result.returncode == 1
    assert result.stderr == MESSAGE + "\n"
    assert "apt-get install chromium" in MESSAGE and "playwright install chromium" in MESSAGE
    assert "Error" not in result.stdout


def test_a_browser_named_by_chromium_is_used_without_installing_anything(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    result = ensure_browser(tmp_path, chromium)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"Browser tests use {chromium}\n",
        "",
    )


def test_apt_get_is_tried_only_as_root(monkeypatch):
    calls: list[list[str]] = []
    monkeypatch.setattr(ensure_browser_module, "run_quietly", lambda cmd, **env: calls.append(cmd))
    monkeypatch.setattr(ensure_browser_module.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(ensure_browser_module.os, "geteuid", lambda: 1000)
    assert ensure_browser_module.install_with_apt() is False
    assert calls == []
    monkeypatch.setattr(ensure_browser_module.os, "geteuid", lambda: 0)
    ensure_browser_module.install_with_apt()
    assert calls == [["apt-get", "update", "-qq"]]  # and, had that worked, the install
