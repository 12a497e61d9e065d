"""Finds, or else installs, the Chromium the browser tests drive: `make test` runs this first.

A fresh machine with Python alone can then run the whole suite. In order: the browser at
$CHROMIUM (default /usr/bin/chromium, Debian's); failing that, Debian's package when running as
root with apt-get; failing that, a browser Playwright downloaded before, or else Playwright's own
download. Debian's comes first even when a Playwright browser is already on disk: it is the one
the suite was written and measured against. If none works, one line says what to install and the exit status is 1: the
installers' own output is kept back, since a wall of their errors would hide that line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

MESSAGE = (
    "make test needs Chromium: install it with `sudo apt-get install chromium` "
    "or `.venv/bin/python -m playwright install chromium`"
)
INSTALL_TIMEOUT = 900  # seconds; a download that hangs counts as failed


def system_chromium() -> Path:
    return Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")


def find_chromium(playwright: Any = None) -> Path | None:
    """The system's Chromium, else the one Playwright manages, if either is on disk.

    Pass a running Playwright to ask it where its own browser lives; without one, a short-lived
    one is started (a second one cannot run inside a running one).
    """
    if system_chromium().is_file():
        return system_chromium()
    return playwright_chromium(playwright)


def playwright_chromium(playwright: Any = None) -> Path | None:
    try:
        if playwright is not None:
            managed = Path(playwright.chromium.executable_path)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as started:
                managed = Path(started.chromium.executable_path)
    except Exception:  # Playwright missing or broken: then it manages no browser either
        return None
    return managed if managed.is_file() else None


def run_quietly(command: list[str], **env: str) -> bool:
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            env={**os.environ, **env},
            timeout=INSTALL_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def install_with_apt() -> bool:
    """Debian's Chromium, as root: the browser the suite was written against."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    print("Installing Chromium with apt-get (a minute or two)…", flush=True)
    quiet = {"DEBIAN_FRONTEND": "noninteractive"}
    return run_quietly(["apt-get", "update", "-qq"], **quiet) and run_quietly(
        ["apt-get", "install", "-y", "-qq", "chromium"], **quiet
    )


def install_with_playwright() -> bool:
    print("Downloading Chromium with Playwright…", flush=True)
    return run_quietly([sys.executable, "-m", "playwright", "install", "chromium"])


def main() -> int:
    if system_chromium().is_file() or install_with_apt():
        found = find_chromium()
    else:
        found = playwright_chromium()
        if found is None and install_with_playwright():
            found = playwright_chromium()
    if found is None:
        print(MESSAGE, file=sys.stderr)
        return 1
    print(f"Browser tests use {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
