"""Prints how long the generator takes: a no-change build, a build after a data edit, and check.

Run with `make bench` (or `.venv/bin/python benchmarks/build_times.py`). Works on a copy of the
project in a temporary folder, so the repository is never touched.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from generator.build import build

REPO = Path(__file__).resolve().parent.parent
RUNS = 5


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in ("data", "seeds", "docs", "schema"):
            shutil.copytree(REPO / name, root / name)
        figures = root / "data/figures.yaml"
        original = figures.read_text()

        def edited_build() -> None:
            figures.write_text(original.replace("value: 563", "value: 564"))
            build(root)
            figures.write_text(original)
            build(root)

        rows = {
            "build, nothing changed": [timed(lambda: build(root)) for _ in range(RUNS)],
            "check (no writes)": [timed(lambda: build(root, write=False)) for _ in range(RUNS)],
            "build after a data edit + revert (2 builds)": [
                timed(edited_build) for _ in range(RUNS)
            ],
        }
    print(f"{'what':<46} {'median s':>9} {'min s':>7} {'max s':>7}   ({RUNS} runs)")
    for name, times in rows.items():
        print(f"{name:<46} {statistics.median(times):>9.3f} {min(times):>7.3f} {max(times):>7.3f}")


if __name__ == "__main__":
    main()
