"""One build at a time per project: a lock held from reading the data to the last file written.

A second build waits, then reads the data itself, so an edit made while the first one ran is
never overwritten by the first build's older plan. `check` shares the lock with other checks.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import BuildFault, describe
from .paths import Project

LOCK_FILE = ".generator.lock"
TIMEOUT_VARIABLE = "GENERATOR_LOCK_TIMEOUT"  # seconds; tests set it short
TIMEOUT = (
    120.0  # a full build takes about ten seconds; a lock held this long is held by a stuck build
)
POLL = 0.1


@contextmanager
def build_lock(project: Project, *, writing: bool) -> Iterator[None]:
    """Hold the project's lock, exclusive when writing; wait for it a bounded time."""
    fd = _open_lock(project, writing)
    try:
        if fd is not None:
            _acquire(fd, fcntl.LOCK_EX if writing else fcntl.LOCK_SH, _timeout())
        yield
    finally:
        if fd is not None:
            os.close(fd)  # releases the lock, also when the build failed


def _open_lock(project: Project, writing: bool) -> int | None:
    """The lock file, opened; None for a check in a checkout it cannot write to."""
    try:
        return os.open(project.root / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        if not writing:
            return None
        raise BuildFault(f"{LOCK_FILE}: cannot create the build lock: {describe(error)}") from None


def _acquire(fd: int, mode: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    waiting = False
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if time.monotonic() >= deadline:
            raise BuildFault(
                f"another build is running (it holds {LOCK_FILE}); gave up after {timeout:g} s"
            )
        if not waiting:
            print("waiting for another build to finish…", file=sys.stderr, flush=True)
            waiting = True
        time.sleep(POLL)


def _timeout() -> float:
    try:
        return float(os.environ.get(TIMEOUT_VARIABLE, TIMEOUT))
    except ValueError:
        return TIMEOUT
