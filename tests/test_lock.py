"""One build at a time: a second build waits for the first, then plans from the data as it is then."""

from __future__ import annotations

import fcntl
import io
import os
import subprocess
import sys
import threading
import time

import generator.build
from generator.build import build
from generator.lock import LOCK_FILE, TIMEOUT_VARIABLE

from .conftest import edit, snapshot


def test_a_build_waits_for_the_lock_and_then_says_another_build_is_running(project):
    edit(project / "data/figures.yaml", "value: 563", "value: 564")
    before = snapshot(project / "docs", project / "schema")
    with open(project / LOCK_FILE, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--root", str(project)],
            capture_output=True,
            text=True,
            env={**os.environ, TIMEOUT_VARIABLE: "1"},
            timeout=120,
        )
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        "waiting for another build to finish…",
        f"another build is running (it holds {LOCK_FILE}); gave up after 1 s",
    ]
    assert snapshot(project / "docs", project / "schema") == before


class _Watched(io.StringIO):
    """stderr that notices when a build starts waiting for the lock."""

    def __init__(self, waiting: threading.Event):
        super().__init__()
        self.waiting = waiting

    def write(self, text: str) -> int:
        if "waiting for another build to finish" in text:
            self.waiting.set()
        return super().write(text)


def test_an_edit_made_while_a_build_runs_is_not_lost_to_that_build(project, monkeypatch):
    """Build A plans pages from one edit; a second edit follows; build B starts. B's pages stay."""
    planned, second_waits, second_done = threading.Event(), threading.Event(), threading.Event()
    monkeypatch.setattr(sys, "stderr", _Watched(second_waits))
    real_apply = generator.build.apply_changes

    def apply_once_the_second_build_waited_or_finished(*args):
        if not planned.is_set():
            planned.set()
            deadline = time.monotonic() + 120
            while not (second_waits.is_set() or second_done.is_set()):
                assert time.monotonic() < deadline
                time.sleep(0.05)
        real_apply(*args)

    monkeypatch.setattr(
        generator.build, "apply_changes", apply_once_the_second_build_waited_or_finished
    )
    failures = []

    def run_build(done: threading.Event | None = None) -> None:
        try:
            build(project)
        except Exception as error:  # collected, asserted below
            failures.append(error)
        if done:
            done.set()

    edit(project / "data/figures.yaml", "value: 563", "value: 564")
    first = threading.Thread(target=run_build)
    first.start()
    assert planned.wait(timeout=120)
    edit(project / "data/figures.yaml", "value: 564", "value: 565")
    second = threading.Thread(target=run_build, args=(second_done,))
    second.start()
    first.join(timeout=240)
    second.join(timeout=240)
    assert failures == []
    assert build(project, write=False).changes.written == []  # docs/ shows the edited data
